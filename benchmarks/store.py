"""The team's PostgreSQL store at a region's scale, and a large batch into either store:

    python benchmarks/store.py [--decisions 1000000] [--batch 100000] [--runs 5]
    python benchmarks/store.py --store postgresql://eigenaar@host/groot --empty postgresql://eigenaar@host/leeg

Without --store it starts a PostgreSQL server of its own (tests/pgserver.py, as the tests do).
With --store and --empty: two empty databases whose owner may create roles (`ave store init`);
the owner is made a member of a team 'bench' and measures as a professional would.

Prints, measured side by side in this one run (fresh processes, median wall time, peak memory):
- `ave triage` (writing), `ave show CASE` and `ave escalate` on the full store against the same
  on a store that holds only that case (target: within 1.25x);
- `ave report` over the open cases of the store the batch went into (target: under 2 s for
  100,000 open cases), and over the full store's open cases (for information);
- `ave triage --batch` of 100,000 rows into a file log and into the store (target: under 20 s
  and 300 MB each).
Exits 1 when a target is missed.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from run import AVE, finish, measure, measure_with, next_up, realistic  # noqa: E402

from ave_cli.stores.postgres import admin as pgadmin  # noqa: E402
from ave_cli.stores.postgres import store as pgstore

ANSWERS = Path(__file__).resolve().parent.parent / "examples" / "answers" / "handreiking" / \
    "ave3.json"
CHOICES = {"problematiek": ["geen", "enkelvoudig", "meervoudig", "complex"],
           "effect": ["nvt", "ja", "twijfel", "nee"], "meewerken": ["ja", "twijfel", "nee"],
           "samenwerking": ["goed", "twijfel", "stagneert"], "veiligheid": ["nee", "twijfel"]}


def prepare(owner: str) -> None:
    import psycopg

    pgadmin.init(owner)
    pgadmin.add_team(owner, "bench")
    with psycopg.connect(owner, autocommit=True) as conn:
        conn.execute("GRANT bench TO CURRENT_USER")
    pgstore.close_all()


def fill(url: str, count: int) -> None:
    store = pgstore.PgStore(url, "bench")
    chunk: list = []
    started = time.perf_counter()
    for n, decision in enumerate(realistic(count), start=1):
        chunk.append(decision)
        if len(chunk) == 20_000 or n == count:
            store.append(lambda view, part=chunk: part, lock_timeout=600)
            chunk = []
            print(f"\r   filled {n:,} decisions ({time.perf_counter() - started:.0f} s)",
                  end="", flush=True)
    print()
    import psycopg

    # as after any bulk load: statistics and the visibility map now, so that autovacuum does
    # not compete with the measurements for the machine's two cores
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("VACUUM ANALYZE ave.decisions, ave.cases")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--store", help="an empty database for the full store (owner's address)")
    parser.add_argument("--empty", help="an empty database for the comparison store")
    parser.add_argument("--decisions", type=int, default=1_000_000)
    parser.add_argument("--batch", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    server = None
    if args.store is None:
        import pgserver

        server = pgserver.start()
        args.store, args.empty = server.fresh_database("groot"), server.fresh_database("leeg")
    elif args.empty is None:
        parser.error("--store needs --empty: a second empty database to compare with")
    work = Path(tempfile.mkdtemp(prefix="ave-store-bench-"))
    try:
        return run(args, work)
    finally:
        shutil.rmtree(work, ignore_errors=True)
        if server is not None:
            server.stop()


def run(args: argparse.Namespace, work: Path) -> int:
    for url in (args.store, args.empty):
        prepare(url)
    print(f"== the store: {args.decisions:,} decisions", flush=True)
    fill(args.store, args.decisions)
    env = {**os.environ, "AVE_LOG": args.store, "AVE_BY": "bench", "AVE_TEAM": "bench",
           "AVE_CONFIG": str(work / "none.toml"), "AVE_CACHE_DIR": str(work / "cache"),
           "COLUMNS": "120"}
    empty_env = {**env, "AVE_LOG": args.empty}
    results: dict[str, tuple[float, float]] = {}

    def record(name: str, value: tuple[float, float]) -> None:
        results[name] = value
        print(f"   {name:<44} {value[0] * 1000:8.0f} ms {value[1]:7.0f} MB", flush=True)

    full = pgstore.PgStore(args.store, "bench")
    states = full.read().cases()
    open_states = [s for s in states if not s.closed]
    movable = [s for s in open_states if s.phase not in ("AVE4", "4")]
    target = movable[len(movable) // 2]
    history = full.read().case(target.case).history
    pgstore.PgStore(args.empty, "bench").append(lambda view: history)
    pgstore.close_all()
    print(f"   open cases: {len(open_states):,}", flush=True)

    record("ave report", measure([*AVE, "report"], env, args.runs))
    record("ave show CASE", measure([*AVE, "show", target.case], env, args.runs))
    record("ave show CASE, empty store", measure([*AVE, "show", target.case], empty_env,
                                                 args.runs))
    record("ave triage (writing)", measure_with(
        lambda i: [*AVE, "triage", f"NEW-{i}", "-a", str(ANSWERS)], env, args.runs))
    record("ave triage (writing), empty store", measure_with(
        lambda i: [*AVE, "triage", f"NEW-{i}", "-a", str(ANSWERS)], empty_env, args.runs))
    others = movable[:args.runs]
    record("ave escalate (writing)", measure_with(
        lambda i: [*AVE, "escalate", others[i].case, "--to", next_up(others[i]), "--reason",
                   "Dreigende onrust"], env, len(others)))
    up = [next_up(target)]

    def escalate_alone(i: int) -> list[str]:
        # on the small store the same case goes up one fase per run; back to the start first
        return [*AVE, "escalate", target.case, "--to", up[0], "--reason", "Dreigende onrust"]

    def back(i: int) -> None:
        import subprocess

        if i:
            subprocess.run([*AVE, "deescalate", target.case, "--to", target.phase, "--reason",
                            "terug", "--yes"], env=empty_env, check=True,
                           stdout=subprocess.DEVNULL)

    record("ave escalate (writing), empty store", measure_with(escalate_alone, empty_env,
                                                               args.runs, before=back))

    batch = work / "batch.jsonl"
    rng = random.Random(3)
    with open(batch, "w", encoding="utf-8") as out:
        for n in range(args.batch):
            out.write(json.dumps({"case": f"BATCH-{n:06d}",
                                  **{k: rng.choice(v) for k, v in CHOICES.items()}}) + "\n")
    file_env = {**env, "AVE_LOG": str(work / "batch.toml")}
    record(f"ave triage --batch {args.batch:,} rows, file log", measure(
        [*AVE, "triage", "--batch", str(batch)], file_env, 1))
    record(f"ave triage --batch {args.batch:,} rows, store", measure(
        [*AVE, "triage", "--batch", str(batch)], empty_env, 1))
    # the second store now holds the batch's cases: a report over (about) that many open cases
    batched = sum(1 for s in pgstore.PgStore(args.empty, "bench").read().cases() if not s.closed)
    pgstore.close_all()
    print(f"   open cases after the batch: {batched:,}", flush=True)
    record("ave report, after the batch", measure([*AVE, "report"], empty_env, args.runs))
    return verdict(results, len(open_states), args.batch, batched)


def verdict(r: dict[str, tuple[float, float]], open_cases: int, batch: int,
            batched: int) -> int:
    missed = []
    print(f"\n== targets (medians, one run; {open_cases:,} open cases)")
    for label, top, bottom in (("ave triage / same on an empty store", "ave triage (writing)",
                                "ave triage (writing), empty store"),
                               ("ave show / same on an empty store", "ave show CASE",
                                "ave show CASE, empty store"),
                               ("ave escalate / same on an empty store", "ave escalate (writing)",
                                "ave escalate (writing), empty store")):
        ratio = r[top][0] / r[bottom][0]
        print(f"   {'ok  ' if ratio <= 1.25 else 'MISS'} {label:<46} {ratio:5.2f}x (<= 1.25x)")
        if ratio > 1.25:
            missed.append(label)
    seconds = r["ave report, after the batch"][0]
    if batched >= 100_000:
        print(f"   {'ok  ' if seconds < 2 else 'MISS'} "
              f"{f'ave report over {batched:,} open cases':<46} "
              f"{seconds:5.2f} s  (< 2 s for 100,000 open cases)")
        if seconds >= 2:
            missed.append("ave report")
    else:
        print(f"   n/a  ave report: {seconds:.2f} s over {batched:,} open cases (the target "
              "is for 100,000: --batch 100000)")
    print(f"   info ave report over the full store's {open_cases:,} open cases: "
          f"{r['ave report'][0]:.2f} s")
    for where in ("file log", "store"):
        wall, peak = r[f"ave triage --batch {batch:,} rows, {where}"]
        wall, peak = wall * 100_000 / batch, peak
        ok = wall < 20 and peak < 300
        print(f"   {'ok  ' if ok else 'MISS'} {f'batch of 100,000 rows, {where}':<46} "
              f"{wall:5.1f} s {peak:5.0f} MB (< 20 s, < 300 MB)")
        if not ok:
            missed.append(f"batch into the {where}")
    return finish(missed)


if __name__ == "__main__":
    sys.exit(main())
