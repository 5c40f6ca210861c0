"""How fast `ave` is on a municipality's log: python benchmarks/run.py [--million] [--runs N]

Generates logs of 10,000 and 100,000 decisions (and 1,000,000 with --million) over about a
quarter as many cases, under both bundled kapstokken, with real answers and notes. For each size
it runs every command as a user would (a fresh process each time) and prints the median wall
time and peak memory, then the ratios of ISSUE 6, measured side by side in this one run. Exits
1 when a target is missed on the 100,000-decision log.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

from ave_cli.core.cases import CaseState, apply
from ave_cli.core.decisions import Who, add_regisseur, close, deescalate, escalate, triage
from ave_cli.flows.kapstokken import load_kapstok
from ave_cli.record import logformat
from ave_cli.stores.file import caselog

# The installed entry point, as users run it (python -m adds runpy's own start-up time).
_SCRIPT = Path(sys.executable).with_name("ave")
AVE = [str(_SCRIPT)] if _SCRIPT.exists() else [sys.executable, "-m", "ave_cli"]
NOTES = [
    "Besproken in het casusoverleg; afspraken over huisbezoek en schuldhulp.",
    "Buurman meldt geluidsoverlast en ruzie in de nacht. Wijkagent is op de hoogte.",
    "Moeder geeft aan het niet meer aan te kunnen; school maakt zich zorgen over verzuim.",
    "Inwoner weigert de deur open te doen; contact via de huisarts geprobeerd.",
    "Schulden lopen op, energie dreigt te worden afgesloten. Budgetbeheer aangevraagd.",
]
CHOICES = {
    "problematiek": ["geen", "enkelvoudig", "enkelvoudig", "meervoudig", "meervoudig", "complex"],
    "effect": ["nvt", "ja", "ja", "twijfel", "nee"],
    "meewerken": ["ja", "ja", "twijfel", "nee"],
    "samenwerking": ["goed", "goed", "twijfel", "stagneert", "volledig"],
    "veiligheid": ["nee", "nee", "nee", "twijfel", "risico", "ernstig", "acuut"],
    "openbare_orde": ["nee"] * 20 + ["dreigend"],
    "onrust": ["nee"] * 20 + ["dreigend"],
    "media": ["nee"] * 10 + ["mogelijk"],
    "teloorgang": ["nee"] * 4 + ["dreigend", "ernstig"],
}


def generate(path: Path, decisions: int, seed: int = 1) -> None:
    """A realistic log (see `realistic`), written as a file log."""
    head = ""  # each record chains to the seal before it (log format 2)
    with open(path, "wb") as out:
        out.write(logformat.header())
        for decision in realistic(decisions, seed):
            block, head = logformat.encode(decision, head)
            out.write(block)
    path.chmod(0o600)


def realistic(decisions: int, seed: int = 1):
    """Decisions as a region makes them: triages, re-triages, escalations on both axes,
    afschalingen, closes, over about a quarter as many cases, under both kapstokken."""
    rng = random.Random(seed)
    kapstokken = [load_kapstok("handreiking"), load_kapstok("westerkwartier")]
    signals = kapstokken[0].question("signalen").values
    start = datetime(2025, 1, 1, 8, 0, tzinfo=timezone(timedelta(hours=1)))
    states: dict[str, CaseState] = {}
    case_kapstok: dict[str, object] = {}
    cases = max(1, decisions // 4)
    for n in range(decisions):
        when = start + timedelta(seconds=n * 31_536_000 // decisions)
        case = f"BM-{rng.randrange(cases):06d}"
        kapstok = case_kapstok.setdefault(case, kapstokken[hash(case) % 2])
        state = states.get(case)
        who = Who(by=f"medewerker{rng.randrange(40)}", now=when, decision_id=f"b{n:07d}",
                  note=rng.choice(NOTES))
        decision = None
        if state is not None and not state.closed:
            roll = rng.random()
            rank = kapstok.rank(state.phase)
            try:
                if roll < 0.12 and rank + 1 < len(kapstok.phases):
                    decision = escalate(kapstok, state, case,
                                        to=kapstok.phases[rank + 1].id, reason="Signalen nemen toe",
                                        signals=(rng.choice(signals),), who=who).decision
                elif roll < 0.2 and rank > 0:
                    decision = deescalate(kapstok, state, case, to=kapstok.phases[rank - 1].id,
                                          reason="Situatie stabiel", unmet=(), who=who).decision
                elif roll < 0.27:
                    decision = add_regisseur(kapstok, state, case, role="procesregie",
                                             holder=f"Procesregisseur {rng.randrange(9)}",
                                             reason="Samenwerking stagneert", who=who).decision
                elif roll < 0.33:
                    decision = close(kapstok, state, case, reason="Geen verdere hulp nodig",
                                     who=who).decision
            except Exception:  # noqa: BLE001 - e.g. the same holder again: triage instead
                decision = None
        if decision is None:
            answers = {q.key: q.default for q in kapstok.questions if q.has_default}
            answers.update({k: rng.choice(v) for k, v in CHOICES.items()})
            answers["minderjarigen"] = rng.random() < 0.35
            answers["signalen"] = rng.sample(signals, rng.randrange(3))
            decision = triage(kapstok, answers, case=case, state=state, decision_id=who.decision_id,
                              now=when, by=who.by, note=who.note,
                              casusregisseur=f"Wijkteam {rng.randrange(12)}"
                              if rng.random() < 0.7 else "").decision
        states[case] = apply(states.get(case) or CaseState(case), decision, keep_history=False)
        yield decision


def measure(args: list[str], env: dict, runs: int, before=None) -> tuple[float, float]:
    """Median wall seconds and the largest peak RSS (MB) over `runs` fresh processes."""
    return measure_with(lambda i: args, env, runs, before)


def open_cases(log: Path, cache: Path, low_only: bool = False) -> list[CaseState]:
    view = caselog.open_log(log, cache)
    found = [s for s in view.cases() if not s.closed]
    if low_only:
        found = [s for s in found if s.phase in ("AVE1", "AVE2", "0", "1", "2A")]
    return found


def run_size(size: int, work: Path, runs: int, answers: Path) -> dict[str, tuple[float, float]]:
    log, small, cache = work / f"log-{size}.toml", work / f"small-{size}.toml", work / "cache"
    print(f"\n== {size:,} decisions: generating ...", flush=True)
    started = time.perf_counter()
    generate(log, size)
    megabytes = log.stat().st_size / 1e6
    print(f"   {megabytes:.0f} MB in {time.perf_counter() - started:.0f} s", flush=True)
    env = {**os.environ, "AVE_LOG": str(log), "AVE_CACHE_DIR": str(cache), "AVE_BY": "bench",
           "AVE_CONFIG": str(work / "none.toml"), "COLUMNS": "120"}
    small_env = {**env, "AVE_LOG": str(small), "AVE_CACHE_DIR": str(work / "small-cache")}
    results: dict[str, tuple[float, float]] = {}

    def record(name: str, value: tuple[float, float]) -> None:
        results[name] = value
        print(f"   {name:<42} {value[0] * 1000:8.0f} ms {value[1]:7.0f} MB", flush=True)

    def drop_index(_: int) -> None:
        shutil.rmtree(cache, ignore_errors=True)

    record("python -c 'import typer'", measure([sys.executable, "-c", "import typer"], env, runs))
    record("tomllib.load of the log", measure([sys.executable, "-c", "import tomllib,sys; "
                                               "tomllib.load(open(sys.argv[1],'rb'))", str(log)],
                                              env, max(1, runs // 2)))
    record("ave --version", measure([*AVE, "--version"], env, runs))
    record("ave report, no index", measure([*AVE, "report"], env, max(1, runs // 2),
                                           before=drop_index))
    record("ave report, warm", measure([*AVE, "report"], env, runs))

    cases = open_cases(log, cache)
    target = next(s for s in cases[len(cases) // 2:] if s.phase not in ("AVE4", "4"))
    # the same case alone in a small log, for "the same command on an empty log"
    with open(small, "wb") as out:
        out.write(logformat.header())
        history = caselog.open_log(log, cache).case(target.case).history
        out.write(logformat.encode_chain(history, "")[0])
    small.chmod(0o600)
    record("ave show CASE", measure([*AVE, "show", target.case], env, runs))
    record("ave show CASE, small log", measure([*AVE, "show", target.case], small_env, runs))
    record("ave triage --dry-run", measure([*AVE, "triage", "NEW-1", "-a", str(answers),
                                            "--dry-run"], env, runs))
    record("ave triage (writing)", measure([*AVE, "triage", "NEW-W", "-a", str(answers)], env,
                                           runs))
    empty_env = {**env, "AVE_LOG": str(work / f"empty-{size}.toml"),
                 "AVE_CACHE_DIR": str(work / "empty-cache")}
    record("ave triage (writing), empty log", measure(
        [*AVE, "triage", "NEW-W", "-a", str(answers)], empty_env, runs))
    movable = [s for s in cases if s.phase not in ("AVE4", "4") and s.case != target.case][:runs]
    record("ave escalate (writing)", measure_with(
        lambda i: [*AVE, "escalate", movable[i].case, "--to", next_up(movable[i]),
                   "--reason", "Dreigende onrust"], env, len(movable)))
    original = small.read_bytes()

    def restore(_: int) -> None:
        small.write_bytes(original)  # put back on purpose: this computer forgets the newer head
        caselog.drop_index(small, work / "small-cache", anchor=None)

    if target.phase not in ("AVE4", "4"):
        record("ave escalate (writing), small log", measure(
            [*AVE, "escalate", target.case, "--to", next_up(target), "--reason",
             "Dreigende onrust"], small_env, runs, before=restore))
    record("ave reevaluate", measure([*AVE, "reevaluate", "--kapstok", "westerkwartier"], env,
                                     max(1, runs // 2)))
    appender = [sys.executable, str(Path(__file__).with_name("append.py")), str(log), "1000"]
    record("ave report, after 1,000 appended", measure(
        [*AVE, "report"], env, max(1, runs // 2),
        before=lambda i: subprocess.run(appender, env=env, check=True)))
    results["open cases"] = (len(open_cases(log, cache)), 0)
    print(f"   open cases: {int(results['open cases'][0]):,}")
    return results


GNU_TIME = shutil.which("time") if Path("/usr/bin/time").exists() else None


def measure_with(make_args, env: dict, runs: int, before=None) -> tuple[float, float]:
    """Median wall time of fresh processes, and their largest peak memory. The memory comes
    from GNU time where there is one: a child forked from this (large) process would otherwise
    count pages it only shares with us before exec."""
    times, peaks = [], []
    for i in range(runs):
        if before:
            before(i)
        args = make_args(i)
        with tempfile.NamedTemporaryFile("r") as memory:
            wrapped = ["/usr/bin/time", "-f", "%M", "-o", memory.name, *args] if GNU_TIME else args
            started = time.perf_counter()
            proc = subprocess.run(wrapped, env=env, stdout=subprocess.DEVNULL,
                                  stderr=subprocess.PIPE)
            times.append(time.perf_counter() - started)
            if proc.returncode != 0:
                raise SystemExit(f"{' '.join(args)} failed: {proc.stderr.decode()}")
            peaks.append(int(memory.read().split()[-1]) / 1024 if GNU_TIME else float("nan"))
    return statistics.median(times), max(peaks)


def finish(missed: list[str]) -> int:
    """The end of a benchmark's verdict: what was missed (exit 1), or that all targets were met."""
    if missed:
        print(f"\nmissed: {', '.join(missed)}")
        return 1
    print("\nall targets met")
    return 0


def next_up(state: CaseState) -> str:
    kapstok = load_kapstok(state.kapstok_name)
    return kapstok.phases[kapstok.rank(state.phase) + 1].id


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--million", action="store_true", help="also the 1,000,000 log")
    parser.add_argument("--runs", type=int, default=7, help="runs per measurement (median)")
    parser.add_argument("--sizes", default="10000,100000", help="comma-separated log sizes")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")] + ([1_000_000] if args.million else [])
    work = Path(tempfile.mkdtemp(prefix="ave-bench-"))
    answers = Path(__file__).resolve().parent.parent / "examples" / "answers" / "handreiking" / \
        "ave3.json"
    try:
        results = {size: run_size(size, work, args.runs, answers) for size in sizes}
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return report(results)


TARGETS = [
    ("ave --version / import typer", "ave --version", "python -c 'import typer'", 1.5),
    ("writing triage / same on an empty log", "ave triage (writing)",
     "ave triage (writing), empty log", 1.25),
    ("ave show / same on a small log", "ave show CASE", "ave show CASE, small log", 1.25),
    ("ave escalate / same on a small log", "ave escalate (writing)",
     "ave escalate (writing), small log", 1.25),
    ("ave report warm / ave --version", "ave report, warm", "ave --version", 4.0),
    ("ave report after 1,000 appended / ave --version", "ave report, after 1,000 appended",
     "ave --version", 6.0),
    ("ave report without index / tomllib.load", "ave report, no index", "tomllib.load of the log",
     1.0),
]


def report(results: dict[int, dict[str, tuple[float, float]]]) -> int:
    missed = []
    for size, r in results.items():
        print(f"\n== targets on {size:,} decisions (medians, one run)")
        for label, top, bottom, limit in TARGETS:
            if top not in r or bottom not in r:
                continue
            ratio = r[top][0] / r[bottom][0]
            ok = ratio <= limit
            print(f"   {'ok  ' if ok else 'MISS'} {label:<50} {ratio:5.2f}x (target <= {limit}x)")
            if not ok and size == 100_000:
                missed.append(label)
        seconds = r["ave reevaluate"][0]
        ok = seconds < 3.0 or size != 100_000
        print(f"   {'ok  ' if seconds < 3.0 else 'MISS'} {'ave reevaluate':<50} {seconds:5.2f} s  "
              f"({int(r['open cases'][0]):,} open cases; target < 3 s for 25,000)")
        if not ok:
            missed.append("ave reevaluate")
        memory = r["ave report, warm"][1]
        print(f"   {'ok  ' if memory < 150 else 'MISS'} {'peak memory of ave report':<50} "
              f"{memory:5.0f} MB (target < 150 MB)")
        if memory >= 150 and size == 100_000:
            missed.append("ave report memory")
    if missed:
        print(f"\nmissed on the 100,000-decision log: {', '.join(missed)}")
        return 1
    print("\nall targets met on the 100,000-decision log" if 100_000 in results else "")
    return 0


if __name__ == "__main__":
    sys.exit(main())
