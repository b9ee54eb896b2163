"""Speed ratios, each measured against a baseline run in the same process.

    python benchmarks/run.py [--json] [--only NAME]

A ratio is (time of the real code path) / (time of the plain baseline doing the same job).
Each side runs several times and the best time counts, so a busy machine hurts both alike.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.scenarios import SCENARIOS, Result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="print results as JSON")
    parser.add_argument("--only", action="append", help="run only this scenario (repeatable)")
    args = parser.parse_args()
    chosen: dict[str, Callable[[], Result]] = {
        name: run for name, run in SCENARIOS.items() if not args.only or name in args.only
    }
    results = [run() for run in chosen.values()]
    if args.json:
        print(json.dumps([r.as_dict() for r in results], indent=2))
    else:
        for r in results:
            verdict = "ok" if r.ratio <= r.goal else "OVER GOAL"
            print(
                f"{r.name:<22} ratio {r.ratio:5.2f}  (goal <= {r.goal})  {verdict}   "
                f"ours {r.ours * 1000:8.1f} ms, baseline {r.baseline * 1000:8.1f} ms"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
