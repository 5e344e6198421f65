"""Run in a fresh interpreter: what a reader waits for on the first search after start-up.

Prints one JSON object. ``--what search`` opens the library and times the first search
(which loads OpenCC's t2s dictionaries to fold the query) and then the same search again;
``--what opencc`` times building OpenCC's t2s converter alone.
"""

from __future__ import annotations

import argparse
import json
import time


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--what", choices=("search", "opencc"), required=True)
    ap.add_argument("--library")
    ap.add_argument("--query", default="图书馆")
    args = ap.parse_args()
    out: dict[str, float | int] = {}
    if args.what == "opencc":
        from paper_reader.core.reading.script import converter

        t0 = time.perf_counter()
        converter("t2s").convert("圖書館")
        out["opencc_t2s_s"] = time.perf_counter() - t0
    else:
        t0 = time.perf_counter()
        from paper_reader.core.library import Library

        t1 = time.perf_counter()
        lib = Library(args.library)
        t2 = time.perf_counter()
        hits = lib.search(args.query, limit=50)
        t3 = time.perf_counter()
        lib.search(args.query, limit=50)
        t4 = time.perf_counter()
        lib.close()
        out = {"import_s": t1 - t0, "open_s": t2 - t1, "first_search_s": t3 - t2,
               "second_search_s": t4 - t3, "hits": len(hits)}
    print(json.dumps(out))


if __name__ == "__main__":
    main()
