//! Finding and reading inputs: files, folders (recursive, sorted by name, hidden
//! entries skipped), `-` for standard input; size limits, unreadable files and
//! symlink loops reported as errors that name the path, so the rest of a batch goes on.

use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};

/// One thing to read.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum InputSource {
    File(PathBuf),
    Stdin,
}

impl InputSource {
    /// The path as shown in the report and in messages.
    pub fn display(&self) -> String {
        match self {
            InputSource::File(p) => p.display().to_string(),
            InputSource::Stdin => "-".to_string(),
        }
    }
}

/// An input that could not be used, and why; printed as one line `path: reason`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InputError {
    pub path: String,
    pub reason: String,
}

impl std::fmt::Display for InputError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.path, self.reason)
    }
}

impl std::error::Error for InputError {}

impl InputError {
    pub fn new(path: impl Into<String>, reason: impl Into<String>) -> Self {
        InputError {
            path: path.into(),
            reason: reason.into(),
        }
    }
}

fn io_reason(e: &std::io::Error) -> String {
    // ELOOP: too many levels of symbolic links.
    if e.raw_os_error() == Some(40) {
        return "symlink loop (too many levels of symbolic links)".to_string();
    }
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file or folder".to_string(),
        std::io::ErrorKind::PermissionDenied => "permission denied (unreadable)".to_string(),
        _ => format!("cannot read: {e}"),
    }
}

fn is_hidden(name: &std::ffi::OsStr) -> bool {
    name.to_str()
        .is_some_and(|s| s.starts_with('.') && s != "." && s != "..")
}

/// Expand command-line paths into inputs: folders are walked recursively in name
/// order, following symlinks (loops are reported), skipping hidden files and folders.
pub fn collect_inputs<P: AsRef<Path>>(paths: &[P]) -> (Vec<InputSource>, Vec<InputError>) {
    let mut inputs = Vec::new();
    let mut errors = Vec::new();
    for path in paths {
        let path = path.as_ref();
        if path.as_os_str() == "-" {
            inputs.push(InputSource::Stdin);
            continue;
        }
        let shown = path.display().to_string();
        let meta = match fs::metadata(path) {
            Ok(m) => m,
            Err(e) => {
                errors.push(InputError::new(shown, io_reason(&e)));
                continue;
            }
        };
        if meta.is_file() {
            inputs.push(InputSource::File(path.to_path_buf()));
        } else if meta.is_dir() {
            let before = inputs.len();
            let before_errors = errors.len();
            let walker = walkdir::WalkDir::new(path)
                .follow_links(true)
                .sort_by_file_name()
                .into_iter()
                .filter_entry(|e| e.depth() == 0 || !is_hidden(e.file_name()));
            for entry in walker {
                match entry {
                    Ok(e) if e.file_type().is_file() => {
                        inputs.push(InputSource::File(e.into_path()));
                    }
                    Ok(e) if e.file_type().is_dir() => {}
                    Ok(e) => errors.push(InputError::new(
                        e.path().display().to_string(),
                        "not a regular file",
                    )),
                    Err(e) => {
                        let p = e
                            .path()
                            .map(|p| p.display().to_string())
                            .unwrap_or_else(|| shown.clone());
                        let reason = if e.loop_ancestor().is_some() {
                            "symlink loop (the link points back into a folder above it)".to_string()
                        } else if let Some(io) = e.io_error() {
                            io_reason(io)
                        } else {
                            format!("cannot read: {e}")
                        };
                        errors.push(InputError::new(p, reason));
                    }
                }
            }
            if inputs.len() == before && errors.len() == before_errors {
                errors.push(InputError::new(shown, "folder holds no files to read"));
            }
        } else {
            errors.push(InputError::new(shown, "not a regular file or folder"));
        }
    }
    (inputs, errors)
}

/// Read an input's bytes, refusing anything over `max_bytes`.
pub fn read_input(source: &InputSource, max_bytes: u64) -> Result<Vec<u8>, InputError> {
    let shown = source.display();
    let too_big = |n: u64| {
        InputError::new(
            shown.clone(),
            format!("file is {n} bytes, over the size limit of {max_bytes} bytes (raise it with --max-bytes)"),
        )
    };
    match source {
        InputSource::File(path) => {
            let file = fs::File::open(path).map_err(|e| InputError::new(&shown, io_reason(&e)))?;
            let len = file
                .metadata()
                .map_err(|e| InputError::new(&shown, io_reason(&e)))?
                .len();
            if len > max_bytes {
                return Err(too_big(len));
            }
            // an article saved gzip-compressed ("page.html.gz") is read through
            // its decompressor, under the same limit
            let gz = path
                .file_name()
                .is_some_and(|n| n.to_string_lossy().to_lowercase().ends_with(".gz"));
            if gz {
                let reader = flate2::read::MultiGzDecoder::new(std::io::BufReader::new(file));
                return read_limited(reader, max_bytes).map_err(|e| match e {
                    Limited::TooBig => InputError::new(
                        &shown,
                        format!("decompressed text is over the size limit of {max_bytes} bytes (raise it with --max-bytes)"),
                    ),
                    Limited::Io(e) => {
                        InputError::new(&shown, format!("not a readable gzip file: {e}"))
                    }
                });
            }
            read_limited(file, max_bytes).map_err(|e| match e {
                Limited::TooBig => too_big(max_bytes + 1),
                Limited::Io(e) => InputError::new(&shown, io_reason(&e)),
            })
        }
        InputSource::Stdin => {
            read_limited(std::io::stdin().lock(), max_bytes).map_err(|e| match e {
                Limited::TooBig => InputError::new(
                    &shown,
                    format!("standard input is over the size limit of {max_bytes} bytes (raise it with --max-bytes)"),
                ),
                Limited::Io(e) => InputError::new(&shown, io_reason(&e)),
            })
        }
    }
}

enum Limited {
    TooBig,
    Io(std::io::Error),
}

fn read_limited(reader: impl Read, max_bytes: u64) -> Result<Vec<u8>, Limited> {
    let mut buf = Vec::new();
    reader
        .take(max_bytes.saturating_add(1))
        .read_to_end(&mut buf)
        .map_err(Limited::Io)?;
    if buf.len() as u64 > max_bytes {
        return Err(Limited::TooBig);
    }
    Ok(buf)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn walks_sorted_and_skips_hidden() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        fs::create_dir(root.join("sub")).unwrap();
        fs::create_dir(root.join(".git")).unwrap();
        fs::write(root.join("b.txt"), "b").unwrap();
        fs::write(root.join("a.txt"), "a").unwrap();
        fs::write(root.join("sub/c.md"), "c").unwrap();
        fs::write(root.join(".hidden.txt"), "h").unwrap();
        fs::write(root.join(".git/config"), "x").unwrap();
        let (inputs, errors) = collect_inputs(&[root]);
        assert!(errors.is_empty(), "{errors:?}");
        let names: Vec<String> = inputs
            .iter()
            .map(|i| match i {
                InputSource::File(p) => p.strip_prefix(root).unwrap().display().to_string(),
                InputSource::Stdin => "-".into(),
            })
            .collect();
        assert_eq!(names, ["a.txt", "b.txt", "sub/c.md"]);
    }

    #[test]
    fn gzip_articles_are_read_through_and_bad_ones_named() {
        use std::io::Write;
        let dir = tempfile::tempdir().unwrap();
        let text = "The harbour of Lind reopened on Monday after a week of storms, the port \
                    authority said. Ferries resumed their timetable in the afternoon.\n"
            .repeat(12);
        let good = dir.path().join("brief.txt.gz");
        let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        enc.write_all(text.as_bytes()).unwrap();
        let gz = enc.finish().unwrap();
        fs::write(&good, &gz).unwrap();
        let bytes = read_input(&InputSource::File(good.clone()), 1 << 20).unwrap();
        assert_eq!(bytes, text.as_bytes());
        let doc = crate::document_from_bytes(&good.display().to_string(), &bytes).unwrap();
        assert!(doc.text.contains("harbour of Lind"), "{}", doc.text);
        // cut short, and over the limit once decompressed: clear errors
        let cut = dir.path().join("cut.txt.gz");
        fs::write(&cut, &gz[..gz.len() / 2]).unwrap();
        let e = read_input(&InputSource::File(cut), 1 << 20).unwrap_err();
        assert!(e.reason.contains("gzip"), "{e}");
        assert!(gz.len() < 400 && text.len() > 400);
        let e = read_input(&InputSource::File(good), 400).unwrap_err();
        assert!(e.reason.contains("decompressed"), "{e}");
    }

    #[test]
    fn missing_and_empty_folder_are_errors() {
        let dir = tempfile::tempdir().unwrap();
        let empty = dir.path().join("empty");
        fs::create_dir(&empty).unwrap();
        let missing = dir.path().join("missing.txt");
        let (inputs, errors) = collect_inputs(&[empty.clone(), missing.clone()]);
        assert!(inputs.is_empty());
        assert_eq!(errors.len(), 2);
        assert!(errors[0].reason.contains("no files"), "{}", errors[0]);
        assert!(errors[1].reason.contains("no such file"), "{}", errors[1]);
    }

    #[cfg(unix)]
    #[test]
    fn symlink_loop_is_reported() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("corpus");
        fs::create_dir(&root).unwrap();
        fs::write(root.join("a.txt"), "a").unwrap();
        std::os::unix::fs::symlink(&root, root.join("loop")).unwrap();
        std::os::unix::fs::symlink("self", dir.path().join("self")).unwrap();
        let (inputs, errors) = collect_inputs(&[root.clone(), dir.path().join("self")]);
        assert_eq!(inputs.len(), 1);
        assert_eq!(errors.len(), 2, "{errors:?}");
        assert!(
            errors.iter().all(|e| e.reason.contains("symlink loop")),
            "{errors:?}"
        );
    }

    #[test]
    fn size_limit() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("big.txt");
        fs::write(&p, vec![b'a'; 1000]).unwrap();
        let src = InputSource::File(p);
        assert!(read_input(&src, 1000).is_ok());
        let err = read_input(&src, 999).unwrap_err();
        assert!(err.reason.contains("size limit"), "{err}");
        assert!(err.to_string().contains("big.txt"));
    }
}
