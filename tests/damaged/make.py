"""Write the damaged logs `tests/cli/test_integrity.py` checks: python tests/damaged/make.py
(run it again after a change to config/handreiking.toml: ave check judges each decision against
the exact kapstok it records, so the logs must record the current one)

Each file is a small valid log with one fault; the fault is named in the file name.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta, timezone
from pathlib import Path

from ave_cli.core.model import Decision, KapstokRef
from ave_cli.flows.kapstokken import load_kapstok
from ave_cli.record import logformat

HERE = Path(__file__).parent
KAPSTOK = load_kapstok("handreiking")
T0 = datetime(2026, 5, 4, 10, 0, tzinfo=timezone(timedelta(hours=2)))


def decision(n: int, **changes) -> Decision:
    base = Decision(
        id=f"dmg-{n:03d}", case=f"D-{n % 3}", time=T0 + timedelta(days=n), kind="triage",
        kapstok=KapstokRef(KAPSTOK.name, KAPSTOK.version, KAPSTOK.sha256), by="tester",
        phase_after="AVE2", advised_phase="AVE2", answers={"problematiek": "meervoudig"},
        reasons=("Meervoudige of complexe problematiek (problematiek = meervoudig)",),
        note=f"besluit {n}")
    return replace(base, **changes)


def log(*decisions: Decision) -> bytes:
    return logformat.header() + logformat.encode_chain(list(decisions), "")[0]


def blocks(data: bytes) -> list[bytes]:
    starts = logformat.block_starts(data) + [len(data)]
    return [data[a:b] for a, b in zip(starts, starts[1:], strict=False)]


def main() -> None:
    good = log(*(decision(n) for n in range(1, 5)))
    last = good.rindex(b"[[decision]]")
    head, parts = good[:logformat.block_starts(good)[0]], blocks(good)
    # a record altered in the middle and sealed again: its own seal is right, the chain is not
    altered, _seal = logformat.encode(decision(2, note="besluit twee"),
                                      logformat.decode_block(parts[1]).prev or "")
    files = {
        "torn-mid-record.toml": good[: last + 200],
        "torn-before-seal.toml": good[: good.rindex(b"[decision.seal]")],
        "torn-in-header-line.toml": good + b"\n[[deci",
        "garbage-tail.toml": good + bytes(range(256)),
        "hand-edit-last.toml": good.replace(b'"besluit 4"', b'"besluit vier"'),
        "hand-edit-middle.toml": good.replace(b'"besluit 2"', b'"besluit twee"'),
        "duplicate-id.toml": log(decision(1), decision(2), decision(3, id="dmg-001")),
        "time-backwards.toml": log(decision(1), decision(4), decision(7, time=T0)),
        "unknown-phase.toml": log(decision(1), decision(2, phase_after="AVE9")),
        "two-procesregisseurs.toml": log(decision(1, procesregisseur="OGGZ"),
                                         decision(4, procesregisseur="OOV-adviseur")),
        "not-a-log.toml": b'titel = "boodschappen"\nmelk = 2\n',
        "other-log-version.toml": good.replace(b"format = 2\n", b"format = 9\n", 1),
        "chain-removed.toml": head + parts[0] + parts[2] + parts[3],
        "chain-reordered.toml": head + parts[0] + parts[2] + parts[1] + parts[3],
        "chain-resealed.toml": head + parts[0] + altered.lstrip(b"\n") + parts[2] + parts[3],
    }
    for name, data in files.items():
        (HERE / name).write_bytes(data)
    print(f"{len(files)} damaged logs in {HERE}")


if __name__ == "__main__":
    main()
