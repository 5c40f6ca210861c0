"""The derived index: updated by reading only what was appended, rebuilt after any other change,
never the source of truth; and commands that import only what they use."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time

import pytest
from conftest import EXAMPLES, ROOT

from ave_cli.core.messages import LogWentBack
from ave_cli.stores.file import caselog, index

H = EXAMPLES / "handreiking"


@pytest.fixture
def resets(monkeypatch):
    """Count how often an index is rebuilt from scratch."""
    calls = []
    real = index.Index.reset

    def counting(self):
        calls.append(1)
        return real(self)

    monkeypatch.setattr(index.Index, "reset", counting)
    return calls


@pytest.fixture
def cache(tmp_path):
    return tmp_path / "cache"


def triage(run, case, answers="ave2.toml"):
    result = run("triage", case, "-a", str(H / answers))
    assert result.exit_code == 0, result.output


def cases_via_index(log, cache):
    return sorted(s.case for s in caselog.open_log(log, cache).cases())


def truth(log):
    return sorted({b.decision.case for b in caselog.read_all(log).blocks})


def test_appends_by_another_process_are_read_incrementally(run, log, cache, resets):
    triage(run, "A")
    triage(run, "B")
    assert cases_via_index(log, cache) == ["A", "B"]
    other = [b.decision for b in caselog.read_all(log).blocks]
    from dataclasses import replace
    caselog.append(log, lambda view: [replace(other[0], id="x1", case="C")], cache_dir=None)
    resets.clear()
    view = caselog.open_log(log, cache)
    assert sorted(s.case for s in view.cases()) == ["A", "B", "C"]
    assert view.index.count() == 3
    assert resets == []  # only the appended bytes were read


@pytest.mark.parametrize("change", ["purge", "repair", "tail edit", "same-size edit in place",
                                    "copy from another machine", "deleted", "index corrupted",
                                    "index deleted"])
def test_index_follows_every_kind_of_outside_change(run, log, cache, resets, monkeypatch, change):
    from datetime import datetime, timedelta, timezone

    from ave_cli.cli import main as cli

    clock = cli.hooks["now"]
    old = datetime(2025, 1, 1, 10, tzinfo=timezone(timedelta(hours=1)))
    monkeypatch.setitem(cli.hooks, "now", lambda: old)
    triage(run, "OLD")
    assert run("close", "OLD", "--reason", "klaar").exit_code == 0
    monkeypatch.setitem(cli.hooks, "now", clock)
    for case in ("A", "B", "C"):
        triage(run, case)
    assert cases_via_index(log, cache) == ["A", "B", "C", "OLD"]
    where = caselog.index_path(log, cache)
    if change == "purge":
        assert run("purge", "--closed-before", "2026-01-01", "--yes").exit_code == 0
    elif change == "repair":
        log.write_bytes(log.read_bytes()[:-30])
        repaired = run("check", "--repair")  # repaired, and it says a record it saw is gone
        assert repaired.exit_code == 1 and "Hersteld" in repaired.stdout
        assert "ingekort" in repaired.stdout
    elif change == "tail edit":
        data = log.read_bytes()
        log.write_bytes(data.replace(b'case = "C"', b'case = "D"'))  # breaks C's seal
    elif change == "same-size edit in place":
        data = bytearray(log.read_bytes())
        at = data.index(b'case = "A"')
        data[at + 8] = ord("Z")  # the first record, far from the tail; same size
        with open(log, "r+b") as handle:
            handle.write(data)
        os.utime(log, ns=(time.time_ns(), time.time_ns() + 5_000_000))
    elif change == "copy from another machine":
        copy = log.with_name("kopie.toml")
        shutil.copy(log, copy)
        os.replace(copy, log)
    elif change == "deleted":
        log.unlink()
    elif change == "index corrupted":
        where.write_bytes(b"geen sqlite" * 100)
        for extra in (f"{where}-wal", f"{where}-shm"):
            if os.path.exists(extra):
                os.unlink(extra)
    elif change == "index deleted":
        caselog.drop_index(log, cache)
    if change in ("repair", "tail edit", "deleted"):  # a record the index saw is gone: said,
        with pytest.raises(LogWentBack):  # never silently followed (issue 24, item 2)
            caselog.open_log(log, cache)
        caselog.accept_log(log, cache)  # until accepted on purpose
    try:
        expected = truth(log)
    except caselog.LogError:
        expected = None  # damage in the middle: no command may read around it
    if expected is None:
        with pytest.raises(caselog.LogError):
            caselog.open_log(log, cache)
        return
    view = caselog.open_log(log, cache)
    assert sorted(s.case for s in view.cases()) == expected
    assert view.index.count() == len(caselog.read_all(log).blocks)
    if change == "tail edit":
        assert view.damage is not None and "zegel" in str(view.damage.problem)


def test_reindex_rebuilds_and_loses_nothing(run, log, cache):
    for case in ("A", "B"):
        triage(run, case)
    result = run("reindex")
    assert result.exit_code == 0 and "2 besluiten, 2 casussen" in result.stdout
    assert cases_via_index(log, cache) == ["A", "B"]


def test_the_index_is_private(run, log, cache):
    triage(run, "A")
    where = caselog.index_path(log, cache)
    assert oct(where.stat().st_mode & 0o777) == "0o600"
    assert oct(where.parent.stat().st_mode & 0o777) == "0o700"


def test_a_report_while_another_process_appends(run, log, cache, tmp_path):
    triage(run, "A")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    writer = subprocess.Popen([sys.executable, str(ROOT / "tests" / "writer.py"), str(log),
                               str(cache), "w", "300"], env=env, stdout=subprocess.DEVNULL,
                              stderr=subprocess.PIPE)
    seen = []
    while writer.poll() is None:
        result = run("report", "-f", "json", "--all")
        assert result.exit_code == 0, result.output
        assert "beschadigd" not in result.stderr  # a half-written record is never taken for damage
        seen.append(len(json.loads(result.stdout)["cases"]))
    assert writer.returncode == 0, writer.stderr.read()
    writer.stderr.close()
    assert seen == sorted(seen)  # the view only grows
    final = json.loads(run("report", "-f", "json", "--all").stdout)
    assert len(final["cases"]) == 1 + 7  # A and the writer's 7 cases
    assert caselog.open_log(log, cache).index.count() == 301


LEAN = [
    (["--version"], {"questionary", "prompt_toolkit", "rich", "sqlite3", "tomli_w"}),
    (["--help"], {"questionary", "prompt_toolkit", "sqlite3"}),
    (["report"], {"questionary", "prompt_toolkit"}),
    (["triage", "X", "-a", str(H / "ave1.toml"), "--dry-run"], {"questionary", "prompt_toolkit"}),
]


@pytest.mark.parametrize(("args", "unwanted"), LEAN, ids=[" ".join(a[:1]) for a, _ in LEAN])
def test_commands_import_only_what_they_use(log, args, unwanted):
    result = subprocess.run([sys.executable, "-X", "importtime", "-m", "ave_cli", *args],
                            capture_output=True, text=True, env={**os.environ})
    assert result.returncode == 0, result.stderr
    imported = {line.split("|")[-1].strip().split(".")[0] for line in result.stderr.splitlines()
                if line.startswith("import time:")}
    assert not unwanted & imported, unwanted & imported


def test_every_lock_timeout_default_is_the_one_constant():
    """One lock timeout (writeguard.LOCK_TIMEOUT): every `lock_timeout` parameter's default and
    every `--lock-timeout` default names it, none writes its own number."""
    import ast
    from pathlib import Path

    import ave_cli

    found = []
    for source in Path(ave_cli.__file__).parent.rglob("*.py"):
        for node in ast.walk(ast.parse(source.read_text(encoding="utf-8"))):
            if isinstance(node, ast.arguments):
                named = node.args[-len(node.defaults):] if node.defaults else []
                pairs = list(zip(named, node.defaults, strict=True)) + [
                    (a, d) for a, d in zip(node.kwonlyargs, node.kw_defaults, strict=True)
                    if d is not None]
                found += [(source.name, ast.unparse(d)) for a, d in pairs
                          if a.arg == "lock_timeout"]
            elif isinstance(node, ast.AnnAssign) and ast.unparse(node.target) == "lock_timeout" \
                    and node.value is not None:
                found.append((source.name, ast.unparse(node.value)))
    assert len(found) > 10  # the scan finds them
    assert {value for _name, value in found} == {"LOCK_TIMEOUT"}, found


@pytest.mark.parametrize("chunk", [64, 300, 1000, 5000])
def test_reading_a_log_in_small_pieces_gives_the_same_index(run, log, cache, monkeypatch, chunk):
    for n in range(12):
        triage(run, f"K-{n % 5}", ["ave1.toml", "ave2.toml", "ave3.json"][n % 3])
    monkeypatch.setattr(caselog, "CHUNK", chunk)
    caselog.drop_index(log, cache)
    view = caselog.open_log(log, cache)
    assert list(view.decisions()) == [b.decision for b in caselog.read_all(log).blocks]
    assert view.damage is None
    # a torn tail is still a torn tail, read in pieces
    log.write_bytes(log.read_bytes()[:-25])
    caselog.drop_index(log, cache, anchor=None)  # a crash the index never saw the record of
    torn = caselog.open_log(log, cache)
    assert torn.damage is not None and torn.index.count() == 11
    # and damage early in the file is still corruption, not a tail
    data = log.read_bytes()
    log.write_bytes(data.replace(b'case = "K-1"', b'case = "K-X"', 1))
    caselog.drop_index(log, cache, anchor=None)
    with pytest.raises(caselog.LogError, match="daarna nog besluiten"):
        caselog.open_log(log, cache)


def _index_rows(log, cache):
    view = caselog.open_log(log, cache)
    db = view.index.db
    return {table: db.execute(f"SELECT * FROM {table} ORDER BY 1").fetchall()
            for table in ("meta", "decisions", "cases", "states")}


def test_what_a_writer_adds_to_its_index_is_what_reading_the_log_gives(run, log, cache,
                                                                       tmp_path, resets):
    """The writer adds its own appends to the index without reading them back: every row,
    offset, line and the mark are the same as an index rebuilt from the file."""
    triage(run, "W-1")
    assert run("escalate", "W-1", "--to", "AVE3", "--reason", "x").exit_code == 0
    batch = tmp_path / "b.jsonl"
    batch.write_text("".join(json.dumps({"case": f"W-{n}", "problematiek": "meervoudig",
                                         "effect": "nee", "meewerken": "ja",
                                         "samenwerking": "goed", "veiligheid": "nee",
                                         "signalen": ["vervuiling"]}) + "\n"
                             for n in range(2, 40)), encoding="utf-8")
    assert run("triage", "--batch", str(batch)).exit_code == 0
    assert run("close", "W-3", "--reason", "klaar\tmet een tab").exit_code == 0
    written = _index_rows(log, cache)
    assert not resets  # never rebuilt: every read found the index in step
    caselog.drop_index(log, cache)
    assert _index_rows(log, cache) == written
    assert len(written["decisions"]) == 41
