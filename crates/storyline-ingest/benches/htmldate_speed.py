#!/usr/bin/env python3
"""htmldate's speed on the html-dates pages, timed the way `storyline eval dates`
times ours: the extraction call alone, summed over the pages (file reading and
decompression excluded), in extensive mode as the issue's comparison row.

Usage: python3 htmldate_speed.py ../shared/data/html-dates   (pip install htmldate)
Prints pages and pages/s; compare with `storyline eval dates DIR --json`'s
pages_per_second over all pages.
"""
import gzip
import json
import sys
import time

from htmldate import find_date


def main():
    d = sys.argv[1] if len(sys.argv) > 1 else "../shared/data/html-dates"
    gold = json.load(open(f"{d}/gold.json", encoding="utf-8"))
    total, pages = 0.0, 0
    for entry in gold.values():
        raw = gzip.open(f"{d}/pages/{entry['file']}.gz").read()
        html = raw.decode("utf-8", "replace").replace("\r\n", "\n")
        t = time.perf_counter()
        find_date(html, original_date=True, extensive_search=True)
        total += time.perf_counter() - t
        pages += 1
    print(f"{pages} pages, {pages / total:.1f} pages/s (htmldate extensive)")


if __name__ == "__main__":
    main()
