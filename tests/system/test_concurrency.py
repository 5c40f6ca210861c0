"""Many writers at once, writers killed at random moments, a lock held too long.

Scaled by AVE_STRESS (default 1): the suite runs 8 writers x 200 decisions and 200 kills; a
longer run by hand is `AVE_STRESS=5 pytest tests/system/test_concurrency.py`.
"""

from __future__ import annotations

import os
import random
import select
import signal
import subprocess
import sys
import time
import tomllib

import pytest
from conftest import EXAMPLES, ROOT
from filelock import FileLock

from ave_cli.stores.file import caselog, rewrite

SCALE = int(os.environ.get("AVE_STRESS", "1"))
WRITER = [sys.executable, str(ROOT / "tests" / "writer.py")]


def spawn(log, cache, name, count, *, slow=False):
    return subprocess.Popen([*WRITER, str(log), str(cache), name, str(count),
                             *(["--slow"] if slow else [])],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env={**os.environ, "PYTHONPATH": str(ROOT)})


def test_eight_writers_lose_nothing_and_never_interleave(tmp_path):
    log, cache = tmp_path / "log.toml", tmp_path / "cache"
    writers, per_writer = 8, 200 * SCALE
    procs = [spawn(log, cache, f"w{i}", per_writer) for i in range(writers)]
    outputs = [p.communicate(timeout=600) for p in procs]
    for p, (_, err) in zip(procs, outputs, strict=True):
        assert p.returncode == 0, err
    saved = [line.split()[1] for out, _ in outputs for line in out.splitlines()
             if line.startswith("saved")]
    assert len(saved) == writers * per_writer
    records = tomllib.loads(log.read_text(encoding="utf-8"))["decision"]
    ids = [r["id"] for r in records]
    assert len(ids) == len(set(ids)) == writers * per_writer
    assert set(ids) == set(saved)
    for i in range(writers):  # each writer's decisions in its own order
        mine = [x for x in ids if x.startswith(f"w{i}-")]
        assert mine == sorted(mine)
    parsed = caselog.read_all(log)
    assert parsed.damage is None and len(parsed.blocks) == len(ids)
    view = caselog.open_log(log, cache)
    assert view.index.count() == len(ids)
    # the case state through the index matches a fold of the whole file
    assert view.case("w3-C2").history == [b.decision for b in parsed.blocks
                                          if b.decision.case == "w3-C2"]


def read_saved(proc, saved: list[str], timeout: float) -> None:
    """Collect `saved` lines until `timeout` passes."""
    end = time.monotonic() + timeout
    while (left := end - time.monotonic()) > 0:
        ready, _, _ = select.select([proc.stdout], [], [], left)
        if not ready:
            return
        line = proc.stdout.readline()
        if not line:
            return
        if line.startswith("saved"):
            saved.append(line.split()[1])


def test_sigkill_at_random_moments_loses_no_saved_decision(tmp_path):
    log, cache = tmp_path / "log.toml", tmp_path / "cache"
    rng = random.Random(20261124)
    saved: list[str] = []
    torn = 0
    for kill in range(200 * SCALE):
        before = log.read_bytes() if log.exists() else b""
        proc = spawn(log, cache, f"k{kill}", 1000, slow=True)
        assert proc.stdout.readline().strip() == "ready"
        read_saved(proc, saved, rng.uniform(0.0, 0.12))
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        saved.extend(line.split()[1] for line in proc.stdout.read().splitlines()
                     if line.startswith("saved"))
        proc.stdout.close()
        proc.stderr.close()
        after = log.read_bytes() if log.exists() else b""
        assert after.startswith(before), f"kill {kill}: earlier bytes changed"
        parsed = caselog.read_all(log)
        if parsed.damage is not None:
            torn += 1
            repaired = rewrite.repair(log, f"kill{kill}")
            assert repaired is not None and repaired.quarantine.exists()
        present = {b.decision.id for b in caselog.read_all(log).blocks}
        missing = [x for x in saved if x not in present]
        assert not missing, f"kill {kill}: saved but not in the log: {missing[:3]}"
    assert torn > 0, "no kill landed in the middle of a write; the test proves too little"
    assert caselog.open_log(log, cache).index.count() == len(caselog.read_all(log).blocks)


def test_a_lock_held_too_long_fails_clearly_and_writes_nothing(run, log):
    run("triage", "C-1", "-a", str(EXAMPLES / "handreiking" / "ave1.toml"))
    before = log.read_bytes()
    with FileLock(str(log) + ".lock"):
        started = time.monotonic()
        result = run("triage", "C-2", "-a", str(EXAMPLES / "handreiking" / "ave1.toml"),
                     "--lock-timeout", "0.3")
        waited = time.monotonic() - started
    assert result.exit_code == 1
    assert "in gebruik door een ander proces" in result.stderr and "--lock-timeout" in result.stderr
    assert waited >= 0.3
    assert log.read_bytes() == before


@pytest.mark.parametrize("command", [
    ("escalate", "C-1", "--to", "AVE4", "--reason", "x"),
    ("close", "C-1", "--reason", "x"),
    ("reevaluate", "-k", "westerkwartier", "--apply", "--yes"),
    ("purge", "--closed-before", "2030-01-01", "--yes"),
])
def test_every_writing_command_honours_the_lock(run, log, command):
    run("triage", "C-1", "-a", str(EXAMPLES / "handreiking" / "ave1.toml"))
    before = log.read_bytes()
    with FileLock(str(log) + ".lock"):
        result = run(*command, "--lock-timeout", "0.1")
    assert result.exit_code == 1 and "in gebruik" in result.stderr
    assert log.read_bytes() == before
