"""How fast ave starts, for one or two installed `ave` programs side by side in one run:

    python benchmarks/start.py [--runs N] AVE [OTHER_AVE]

For each program: `ave --version`, `ave show CASE` on a small log, and the first question of an
interactive `ave triage` (from the start of the process until the question is on the screen of a
real pseudo-terminal). With two programs it prints the ratio of each figure (the second against
the first): issue 25 asks that the new layout makes none of them slower.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pexpect

ROOT = Path(__file__).resolve().parent.parent
ANSWERS = ROOT / "examples" / "answers" / "handreiking" / "ave2.toml"


def environment(work: Path) -> dict[str, str]:
    """A fresh log and config; Python's compiled bytecode written and used, as an installed ave
    has it (PYTHONDONTWRITEBYTECODE would compile every module of an editable checkout from
    source in every run, and measure the compiler)."""
    base = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    return {**base, "AVE_LOG": str(work / "caselog.toml"), "AVE_CACHE_DIR": str(work / "cache"),
            "AVE_CONFIG": str(work / "config.toml"), "AVE_BY": "bench", "COLUMNS": "80",
            "TERM": "xterm"}


def timed(command: list[str], env: dict[str, str], runs: int) -> float:
    """The median wall time of `runs` runs, in seconds."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, env=env, check=True, capture_output=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def first_question(ave: str, env: dict[str, str], runs: int) -> float:
    """The median time until `ave triage` shows its first question at a real terminal."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        child = pexpect.spawn(ave, ["triage"], env=env, encoding="utf-8", dimensions=(24, 80),
                              timeout=30)
        child.expect("Casus")
        times.append(time.perf_counter() - start)
        child.terminate(force=True)
    return statistics.median(times)


def measure(ave: str, runs: int) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as folder:
        env = environment(Path(folder))
        subprocess.run([ave, "triage", "B-1", "-a", str(ANSWERS)], env=env, check=True,
                       capture_output=True)
        return {
            "ave --version": timed([ave, "--version"], env, runs),
            "ave show CASE (small log)": timed([ave, "show", "B-1"], env, runs),
            "ave triage: the first question": first_question(ave, env, runs),
        }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("programs", nargs="+", metavar="AVE")
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    results = []
    # interleaved rounds, so that a busy moment of the machine falls on both alike
    rounds: list[list[dict[str, float]]] = [[] for _ in args.programs]
    for _ in range(3):
        for n, ave in enumerate(args.programs):
            rounds[n].append(measure(ave, max(1, args.runs // 3)))
    for n, ave in enumerate(args.programs):
        merged = {name: statistics.median(r[name] for r in rounds[n]) for name in rounds[n][0]}
        results.append(merged)
        print(ave)
        for name, seconds in merged.items():
            print(f"   {name:<36} {seconds * 1000:7.0f} ms")
    if len(results) == 2:
        print("second / first:")
        for name in results[0]:
            print(f"   {name:<36} {results[1][name] / results[0][name]:5.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
