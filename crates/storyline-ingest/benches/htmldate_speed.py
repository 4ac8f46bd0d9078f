#!/usr/bin/env python3
"""htmldate's speed and scores on the html-dates pages, timed the way `storyline
eval dates` times ours: the extraction call alone, summed over the pages (file
reading and decompression excluded), in extensive mode as the issue's comparison
row, and scored as htmldate's own comparison scores it (exact day; TP/FP/FN).

Usage: python3 htmldate_speed.py [DIR] [--subset tune|heldout|all]   (pip install htmldate)
DIR defaults to ../shared/data/html-dates. The subsets are storyline's own split
(`Subset::contains_quarter`: a quarter of the pages held out by an FNV-1a hash of
the file name), so the line printed compares with `storyline eval dates DIR
--subset S --json`.
"""
import gzip
import json
import sys
import time

from htmldate import find_date


def fnv1a(name):
    h = 0xCBF29CE484222325
    for b in name.encode("utf-8"):
        h ^= b
        h = (h * 0x100000001B3) & 0xFFFFFFFFFFFFFFFF
    return h


def in_subset(name, subset):
    held = fnv1a(name) % 4 == 3
    return subset == "all" or (subset == "heldout") == held


def main():
    args = sys.argv[1:]
    subset = "all"
    if "--subset" in args:
        i = args.index("--subset")
        subset = args[i + 1]
        del args[i : i + 2]
    d = args[0] if args else "../shared/data/html-dates"
    gold = json.load(open(f"{d}/gold.json", encoding="utf-8"))
    total, pages, tp, fp, fn = 0.0, 0, 0, 0, 0
    for entry in gold.values():
        if not in_subset(entry["file"], subset):
            continue
        raw = gzip.open(f"{d}/pages/{entry['file']}.gz").read()
        html = raw.decode("utf-8", "replace").replace("\r\n", "\n")
        t = time.perf_counter()
        got = find_date(html, original_date=True, extensive_search=True)
        total += time.perf_counter() - t
        pages += 1
        if got is None:
            fn += 1
        elif got == entry["date"]:
            tp += 1
        else:
            fp += 1
    f = 2 * tp / (2 * tp + fp + fn) if pages else 0.0
    print(
        f"{subset}: {pages} pages, {pages / total:.1f} pages/s (htmldate extensive), "
        f"accuracy {tp / pages:.3f}, F {f:.3f} (TP {tp}, FP {fp}, FN {fn})"
    )


if __name__ == "__main__":
    main()
