"""The plan at a region's scale (issue 27), in both stores:

    python benchmarks/plan.py [--decisions 100000] [--afspraken 300000] [--runs 5]

A realistic log of DECISIONS decisions (run.py's) and AFSPRAKEN afspraak records on its open
cases (half new afspraken, half changes of them: gedaan or verlengd; about a fifth past their
date), as a file log and in a PostgreSQL store this script starts (tests/pgserver.py).

Prints, measured side by side in this one run (fresh processes, median wall time, peak memory):
- `ave afspraak` (writing) on the full log against the same on a log holding only that case
  (target: within 1.25x), in both stores;
- `ave afspraken --te-laat` over all of it (target: under 1 s in the file store with a warm
  index, under 2 s in the team store);
- `ave report` with its two new flags (afspraak, plan) over the same (target, as run.py's for the
  file log: at most 4x `ave --version`; and under 2 s in the team store, as store.py's).
Exits 1 when a target is missed.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import date, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from run import AVE, finish, measure, measure_with, realistic  # noqa: E402
from store import prepare  # noqa: E402

from ave_cli.core.cases import CaseState, apply  # noqa: E402
from ave_cli.core.model import Decision  # noqa: E402
from ave_cli.record import logformat  # noqa: E402
from ave_cli.stores.postgres import store as pgstore  # noqa: E402

AREAS = ["wonen", "financien", "gezondheid", "opvoeding", "werk_dagbesteding", "veiligheid",
         "sociaal_netwerk"]
WEST = ["zingeving", "lichamelijk_welbevinden", "mentaal_welbevinden", "dagelijks_functioneren",
        "meedoen", "kwaliteit_van_leven"]
NEW = ["--wat", "Schuldhulp aanvragen", "--wie", "Wijkteam Noord", "--voor", "moeder",
       "--uiterlijk", "+14"]


def records(decisions: int, afspraken: int, seed: int = 5):
    """The realistic decisions, then the afspraak records on the cases still open, each chained
    after its case's last record (a real log interleaves them; the chain is the same kind)."""
    rng = random.Random(seed)
    states: dict[str, CaseState] = {}
    last: datetime | None = None
    for decision in realistic(decisions):
        states[decision.case.lower()] = apply(states.get(decision.case.lower()) or
                                              CaseState(decision.case), decision,
                                              keep_history=False)
        last = decision.time
        yield decision
    assert last is not None
    cases = [s for s in states.values() if not s.closed]
    kapstok_of = {}
    from ave_cli.flows.kapstokken import load_kapstok

    for name in ("handreiking", "westerkwartier"):
        kapstok_of[name] = load_kapstok(name)
    today = date.today()
    opened: list[tuple[CaseState, str, date]] = []
    numbers: dict[str, int] = {}
    for n in range(afspraken):
        when = last + timedelta(seconds=n + 1)
        if opened and (n % 2 or len(opened) > afspraken // 4):
            state, nummer, due = opened.pop(rng.randrange(len(opened)))
            kap = kapstok_of[state.kapstok_name]
            if rng.random() < 0.5:
                yield Decision(id=f"s{n:07d}", case=state.case, time=when, kind="afspraak-stand",
                               kapstok=kap.ref, by="medewerker", afspraak=nummer, stand="gedaan")
            else:
                new_due = due + timedelta(days=rng.randrange(7, 60))
                yield Decision(id=f"s{n:07d}", case=state.case, time=when,
                               kind="afspraak-stand", kapstok=kap.ref, by="medewerker",
                               afspraak=nummer, stand="verlengd", uiterlijk=new_due.isoformat(),
                               reasons=("wachtlijst",))
                opened.append((state, nummer, new_due))
            continue
        state = cases[rng.randrange(len(cases))]
        kap = kapstok_of[state.kapstok_name]
        numbers[state.case] = numbers.get(state.case, 0) + 1
        nummer = f"A{numbers[state.case]}"
        due = today + timedelta(days=rng.randrange(-40, 160))  # about a fifth past its date
        areas = AREAS if kap.name == "handreiking" else WEST
        yield Decision(id=f"a{n:07d}", case=state.case, time=when, kind="afspraak",
                       kapstok=kap.ref, by="medewerker", afspraak=nummer,
                       wat="Huisbezoek en vervolgafspraak", wie=f"Wijkteam {rng.randrange(12)}",
                       leefgebied=rng.choice(areas), voor=rng.choice(["", "moeder", "kind 1"]),
                       uiterlijk=due.isoformat())
        opened.append((state, nummer, due))


def write_log(path: Path, made: list[Decision]) -> None:
    heads: dict[str, str] = {}
    head = ""
    with open(path, "wb") as out:
        out.write(logformat.header())
        for decision in made:
            block, head = logformat.encode(decision, head)
            out.write(block)
            heads[decision.case] = head
    path.chmod(0o600)


def fill_store(url: str, made: list[Decision]) -> None:
    import psycopg

    store = pgstore.PgStore(url, "bench")
    started = time.perf_counter()
    for start in range(0, len(made), 20_000):
        part = made[start:start + 20_000]
        store.append(lambda view, part=part: part, lock_timeout=600)
        print(f"\r   stored {start + len(part):,} records ({time.perf_counter() - started:.0f} s)",
              end="", flush=True)
    print()
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("VACUUM ANALYZE ave.decisions, ave.cases, ave.afspraken")
    pgstore.close_all()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--decisions", type=int, default=100_000)
    parser.add_argument("--afspraken", type=int, default=300_000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    import pgserver

    work = Path(tempfile.mkdtemp(prefix="ave-plan-bench-"))
    server = pgserver.start()
    try:
        return run(args, work, server)
    finally:
        shutil.rmtree(work, ignore_errors=True)
        server.stop()


def run(args: argparse.Namespace, work: Path, server) -> int:
    print(f"== {args.decisions:,} decisions and {args.afspraken:,} afspraak records", flush=True)
    made = list(records(args.decisions, args.afspraken))
    plan = [d for d in made if d.kind.startswith("afspraak")]
    target = plan[len(plan) // 2].case  # a case with a plan, open
    alone = [d for d in made if d.case == target]
    full_log, small_log = work / "groot.toml", work / "klein.toml"
    write_log(full_log, made)
    write_log(small_log, alone)
    full_url, small_url = server.fresh_database("groot"), server.fresh_database("klein")
    for url in (full_url, small_url):
        prepare(url)
    fill_store(full_url, made)
    fill_store(small_url, alone)
    env = {**os.environ, "AVE_BY": "bench", "AVE_TEAM": "bench", "COLUMNS": "120",
           "AVE_CONFIG": str(work / "none.toml"), "AVE_CACHE_DIR": str(work / "cache")}
    results: dict[str, tuple[float, float]] = {}

    def record(name: str, value: tuple[float, float]) -> None:
        results[name] = value
        print(f"   {name:<48} {value[0] * 1000:8.0f} ms {value[1]:7.0f} MB", flush=True)

    where = {"file": (str(full_log), str(small_log)), "store": (full_url, small_url)}
    for kind, (full, small) in where.items():
        big, little = {**env, "AVE_LOG": full}, {**env, "AVE_LOG": small}
        for setting in (big, little):  # the index warm, as after any earlier command
            subprocess.run([*AVE, "report"], env=setting, check=True, stdout=subprocess.DEVNULL)
        area = "financien" if alone[0].kapstok.name == "handreiking" else "meedoen"
        write = [*AVE, "afspraak", target, *NEW, "--leefgebied", area]
        record(f"ave afspraak (writing), {kind}", measure(write, big, args.runs))
        record(f"ave afspraak (writing), {kind}, one case", measure(write, little, args.runs))
        record(f"ave afspraken --te-laat, {kind}", measure([*AVE, "afspraken", "--te-laat"], big,
                                                           args.runs))
        record(f"ave report, {kind}", measure([*AVE, "report"], big, args.runs))
    record("ave --version", measure_with(lambda i: [*AVE, "--version"], env, args.runs))
    late = subprocess.run([*AVE, "afspraken", "--te-laat", "--format", "csv"],
                          env={**env, "AVE_LOG": str(full_log)}, capture_output=True, text=True,
                          check=True).stdout.count("\n") - 1
    print(f"   afspraken past their date: {late:,}", flush=True)
    return verdict(results)


def verdict(r: dict[str, tuple[float, float]]) -> int:
    checks = []
    for kind in ("file", "store"):
        ratio = r[f"ave afspraak (writing), {kind}"][0] / \
            r[f"ave afspraak (writing), {kind}, one case"][0]
        checks.append((f"writing afspraak / same on one case, {kind}", ratio, 1.25, "x"))
    checks.append(("ave afspraken --te-laat, file (warm index)",
                   r["ave afspraken --te-laat, file"][0], 1.0, " s"))
    checks.append(("ave afspraken --te-laat, store", r["ave afspraken --te-laat, store"][0], 2.0,
                   " s"))
    checks.append(("ave report, file / ave --version",
                   r["ave report, file"][0] / r["ave --version"][0], 4.0, "x"))
    checks.append(("ave report, store", r["ave report, store"][0], 2.0, " s"))
    missed = []
    print("\n== targets (medians, one run)")
    for label, value, limit, unit in checks:
        ok = value <= limit
        print(f"   {'ok  ' if ok else 'MISS'} {label:<48} {value:5.2f}{unit} "
              f"(target <= {limit}{unit})")
        if not ok:
            missed.append(label)
    return finish(missed)


if __name__ == "__main__":
    sys.exit(main())
