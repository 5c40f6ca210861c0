"""A writer process for the concurrency and crash tests: appends triage decisions to one log
through the real append path, and prints `saved ID` only after an append has returned (that is,
after the fsync). With --slow, os.write writes a few bytes at a time, like a slow disk, so that
a SIGKILL often lands in the middle of a record."""

from __future__ import annotations

import argparse
import os
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

from ave_cli.core.decisions import triage
from ave_cli.flows.kapstokken import load_kapstok
from ave_cli.stores.file import caselog

VALUES = ["geen", "enkelvoudig", "meervoudig", "complex"]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("log", help="a log file, or a postgresql:// store")
    parser.add_argument("cache", type=Path)
    parser.add_argument("name")
    parser.add_argument("count", type=int)
    parser.add_argument("--slow", action="store_true")
    args = parser.parse_args()
    if args.slow:
        real_write = os.write

        def slow_write(fd: int, data) -> int:
            time.sleep(0.0005)
            return real_write(fd, bytes(data[:64]))

        caselog.os.write = slow_write  # type: ignore[attr-defined]
    if args.log.startswith("postgresql:"):
        from ave_cli.stores.postgres.store import PgStore

        store = PgStore(args.log)
    else:
        args.log = Path(args.log)
    kapstok = load_kapstok("handreiking")
    answers = {q.key: q.default for q in kapstok.questions if q.has_default}
    print("ready", flush=True)
    for n in range(args.count):
        decision_id = f"{args.name}-{n:05d}"
        case = f"{args.name}-C{n % 7}"
        answers.update(problematiek=VALUES[n % 4], effect="ja", meewerken="ja",
                       samenwerking="goed", veiligheid="nee")

        def build(view, decision_id=decision_id, case=case, n=n):
            return [triage(kapstok, dict(answers), case=case, state=view.case(case),
                           decision_id=decision_id, now=datetime.now(UTC).replace(
                               microsecond=0), by=args.name, note=f"notitie {n} " * 20).decision]

        if str(args.log).startswith("postgresql:"):
            store.append(build, lock_timeout=120)
        else:
            caselog.append(args.log, build, cache_dir=args.cache, lock_timeout=120)
        print(f"saved {decision_id}", flush=True)


if __name__ == "__main__":
    sys.exit(main())
