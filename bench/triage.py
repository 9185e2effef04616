"""Triage benchmark: footback's answer to every vignette in tests/assess/vignettes.toml, tallied in
the form symptom-checker studies use (Semigran, BMJ 2015; Schmieding, JMIR 2022): per expected
level right, over-triaged and under-triaged, then emergency and urgent sensitivity.

Run:  uv run python bench/triage.py            (the table, as docs/triage.md publishes it)
      uv run python bench/triage.py --cases    (one line per vignette, misses first)
      uv run python bench/triage.py --files    (the same for the round 4 answers-file vignettes,
                                                tests/assess/vignettes/*.toml; add --cases)
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # tests.support: the vignettes and the tally the tests use

from tests.support.file_vignettes import scored_outcomes  # noqa: E402
from tests.support.vignettes import run_all, table  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", action="store_true", help="list every vignette's result")
    parser.add_argument("--files", action="store_true", help="the round 4 answers-file vignettes")
    args = parser.parse_args()
    outcomes = scored_outcomes() if args.files else run_all()
    if args.cases:
        for o in sorted(outcomes, key=lambda o: o.right):
            mark = "ok  " if o.right else "MISS"
            print(f"{mark} {o.vignette.id}: expected {o.vignette.expected}, footback {o.triage}")
        return 0
    sys.stdout.write(table(outcomes))
    return 0 if all(o.right for o in outcomes) else 1


if __name__ == "__main__":
    raise SystemExit(main())
