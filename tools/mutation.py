"""Mutation testing of the core the issue names: the rules, kapstok validation, the log format
and the report (`[tool.mutmut]` in pyproject.toml lists the modules and the tests that hold
them). Not part of .ci/run: a full run takes tens of minutes on two cores.

    pip install mutmut && python tools/mutation.py [--max-children N]

Prints the score per module and overall (killed / (killed + survived); mutants that time out
count as killed, as mutmut does), and the surviving mutants, to be killed by a test or judged
equivalent. Exit code 1 when the score is under 90%.
"""

from __future__ import annotations

import argparse
import collections
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TARGET = 0.90
KILLED = {"killed", "timeout", "segfault"}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--max-children", type=int, default=os.cpu_count() or 2)
    parser.add_argument("--keep", action="store_true", help="reuse an earlier run in mutants/")
    parser.add_argument("--results-only", action="store_true",
                        help="print the score of the run in mutants/ without running anything")
    parser.add_argument("modules", nargs="*", help="only these modules (rules, report, ...)")
    args = parser.parse_args()
    mutmut = shutil.which("mutmut") or sys.exit("mutmut is not installed: pip install mutmut")
    if not args.keep and not args.results_only:
        shutil.rmtree(ROOT / "mutants", ignore_errors=True)
    if not args.results_only:
        names = [f"ave_cli.{m}.*" for m in args.modules]
        subprocess.run([mutmut, "run", "--max-children", str(args.max_children), *names],
                       cwd=ROOT, stdout=subprocess.DEVNULL, check=False)
    listing = subprocess.run([mutmut, "results", "--all", "true"], cwd=ROOT, text=True,
                             capture_output=True, check=True).stdout
    status: dict[str, str] = {}
    for line in listing.splitlines():
        match = re.match(r"\s*(\S+): (\S+)", line)
        if match:
            status[match[1]] = match[2]
    per_module: dict[str, collections.Counter[str]] = collections.defaultdict(collections.Counter)
    for name, result in status.items():
        module = name.split(".x")[0].split("ǁ")[0].removeprefix("ave_cli.")
        per_module[module]["killed" if result in KILLED else result] += 1
    total = collections.Counter()
    print(f"{'module':<16}{'killed':>8}{'survived':>10}{'other':>8}{'score':>8}")
    for module, counts in sorted(per_module.items()):
        total.update(counts)
        print(f"{module:<16}{counts['killed']:>8}{counts['survived']:>10}"
              f"{sum(counts.values()) - counts['killed'] - counts['survived']:>8}"
              f"{_score(counts):>8.1%}")
    print(f"{'all':<16}{total['killed']:>8}{total['survived']:>10}"
          f"{sum(total.values()) - total['killed'] - total['survived']:>8}{_score(total):>8.1%}")
    survivors = sorted(name for name, result in status.items() if result == "survived")
    if survivors:
        print("\nsurvived (mutmut show NAME):")
        print("\n".join(f"  {name}" for name in survivors))
    return 0 if _score(total) >= TARGET else 1


def _score(counts: collections.Counter[str]) -> float:
    decided = counts["killed"] + counts["survived"]
    return counts["killed"] / decided if decided else 1.0


if __name__ == "__main__":
    sys.exit(main())
