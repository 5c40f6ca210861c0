"""The record proves itself (issue 24, items 2 and 3): the log's head is kept outside the log
(in the index in the cache and in every sealed access write), the access log is chained and its
head named in the log's records, and `ave head` / `ave check --head` let a team prove later that
the log still extends a head it noted. Each test is an attack on a real log through the CLI."""

from __future__ import annotations

import json
import shutil

import pytest
from conftest import EXAMPLES

from ave_cli.record import logformat
from ave_cli.stores.file import caselog

A2 = str(EXAMPLES / "handreiking" / "ave2.toml")


def access_of(log):
    return log.with_name(log.name + ".toegang")


def cache_of(log):
    from ave_cli import settings

    return settings.resolve(str(log)).cache


def three(run) -> None:
    for case in ("A-1", "A-2", "A-3"):
        assert run("triage", case, "-a", A2).exit_code == 0


def check(run, *args: str):
    result = run("check", *args, "--format", "json")
    return result.exit_code, [p["message"] for p in json.loads(result.stdout)["problems"]]


def head_of(run) -> str:
    result = run("head", "--format", "json")
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)["head"]


def test_a_clean_log_checks_clean_and_its_head_is_one_line(run, log):
    three(run)
    assert run("show", "A-1").exit_code == 0
    assert check(run) == (0, [])
    text = run("head").stdout
    assert text.count("\n") == 1 and text.startswith("3:")
    head = head_of(run)
    count, seal = logformat.read_head(head)
    assert count == 3 and seal == logformat.parse(log.read_bytes(), "l").blocks[-1].seal
    # every record names the access log's head; every access write names the log's head
    blocks = logformat.parse(log.read_bytes(), "l").blocks
    assert [b.toegang.split(":")[0] for b in blocks] == ["", "1", "2"]
    seals = [json.loads(line) for line in access_of(log).read_text().splitlines()
             if line.startswith('{"seal"')]
    assert [s["log"].split(":")[0] for s in seals] == ["1", "2", "3", "3"]


@pytest.mark.parametrize("attack", ["cut the last record", "older copy", "deleted"])
def test_a_log_that_went_back_is_refused_and_checked(run, log, attack):
    """Cut, rolled back or deleted: no command reads or writes it as if nothing happened, and
    ave check says what it found (the old code rebuilt the index and said "in orde")."""
    assert run("triage", "A-1", "-a", A2).exit_code == 0
    older = log.read_bytes()
    three(run)
    data = log.read_bytes()
    if attack == "cut the last record":
        log.write_bytes(data[:data.rindex(b"\n[[decision]]\n") + 1])
    elif attack == "older copy":
        log.write_bytes(older)
    else:
        log.unlink()
    for args in (["show", "A-1"], ["report"], ["triage", "A-9", "-a", A2]):
        result = run(*args)
        assert result.exit_code == 2, args
        assert "--accept-log" in result.stderr and result.stderr.count("\n") == 1
    assert b"A-9" not in (log.read_bytes() if log.exists() else b"")
    code, problems = check(run)
    assert code == 1
    if attack != "deleted":
        assert any("ingekort" in p for p in problems)
        # the access log alone finds it too, on a computer without this cache
        shutil.rmtree(cache_of(log))
        code, problems = check(run)
        assert code == 1 and any("het toeganglog zag" in p for p in problems), problems


def test_accepting_a_log_on_purpose_is_recorded(run, log):
    assert run("triage", "A-1", "-a", A2).exit_code == 0
    older = log.read_bytes()
    three(run)
    log.write_bytes(older)
    accepted = run("check", "--accept-log")
    assert accepted.exit_code == 0 and "1:" in accepted.stdout
    assert run("show", "A-1").exit_code == 0
    assert run("triage", "A-5", "-a", A2).exit_code == 0
    said = [json.loads(line) for line in access_of(log).read_text().splitlines()]
    assert any(s.get("action") == "accept-log" for s in said)


def _reseal(data: bytes, change) -> bytes:
    """The log with one record changed and it and every record after it sealed anew: plain
    sha256 without a key, as anyone can."""
    parsed = logformat.parse(data, "l")
    starts = logformat.block_starts(data)
    head = data[:starts[0] - 1]  # the blank line before a block comes with the block
    prev = logformat.header_info(head).get("chain", "")
    body = b""
    for n, block in enumerate(parsed.blocks):
        decision = change(block.decision) if n == 1 else block.decision
        chunk, prev = logformat.encode(decision, prev, block.toegang)
        body += chunk
    return head + body


def test_a_resealed_history_is_found(run, log):
    from dataclasses import replace

    three(run)
    log.write_bytes(_reseal(log.read_bytes(), lambda d: replace(d, note="anders")))
    assert logformat.scan(log.read_bytes())[1] == []  # the chain itself holds
    assert run("show", "A-1").exit_code == 2  # this computer saw the old head
    shutil.rmtree(cache_of(log))
    code, problems = check(run)  # elsewhere: the access log saw the old head
    assert code == 1 and any("het toeganglog zag" in p for p in problems), problems


def test_a_purge_entry_no_purge_wrote_is_found(run, log):
    """A removed open case 'explained' by a hand-written [[ave_log.purge]] entry."""
    three(run)
    data = log.read_bytes()
    parsed = logformat.parse(data, "l")
    kept = [b for b in parsed.blocks if b.decision.case != "A-2"]
    purges = [{"time": "2026-01-01T00:00:00+00:00", "by": "x", "decisions": 1, "cases": 1,
               "old_head": parsed.head}]
    body, _head = logformat.encode_chain([b.decision for b in kept],
                                         logformat.chain_anchor(purges),
                                         [b.toegang for b in kept])
    log.write_bytes(logformat.header(purges) + body)
    assert logformat.scan(log.read_bytes())[1] == []
    code, problems = check(run)
    assert code == 1 and any("staat niet in het toeganglog" in p for p in problems), problems


def test_a_purge_by_ave_checks_clean_and_proves_the_old_head(run, log, monkeypatch):
    from datetime import datetime, timedelta, timezone

    from ave_cli.cli import main as cli

    clock = cli.hooks["now"]
    monkeypatch.setitem(cli.hooks, "now",
                        lambda: datetime(2025, 1, 1, 10, tzinfo=timezone(timedelta(hours=1))))
    assert run("triage", "OUD", "-a", A2).exit_code == 0
    assert run("close", "OUD", "--reason", "klaar").exit_code == 0
    monkeypatch.setitem(cli.hooks, "now", clock)
    three(run)
    before = head_of(run)
    assert run("purge", "--closed-before", "2026-01-01", "--yes").exit_code == 0
    assert check(run) == (0, [])
    assert run("triage", "A-4", "-a", A2).exit_code == 0
    assert check(run) == (0, [])
    proved = run("check", "--head", before)
    assert proved.exit_code == 0 and "opschoning 1" in proved.stdout


def test_check_head_proves_the_log_extends_a_noted_head(run, log):
    assert run("triage", "A-1", "-a", A2).exit_code == 0
    noted = head_of(run)
    older = log.read_bytes()
    three(run)
    for given in (noted, noted.split(":")[1], noted.split(":")[1][:12]):
        proved = run("check", "--head", given)
        assert proved.exit_code == 0 and "besluit 1 van de 4" in proved.stdout, proved.stdout
    later = head_of(run)
    log.write_bytes(older)
    caselog.accept_log(log, cache_of(log))  # even with the cache and access log agreeing
    refused = run("check", "--head", later)
    assert refused.exit_code == 1 and "NIET" in refused.stdout
    for bad in ("abc", "12:xyz", "'; drop", ""):
        result = run("check", "--head", bad)
        assert result.exit_code == 2 and "geen kop" in result.stderr


@pytest.mark.parametrize("where, text", [
    ("between records", b"# gezien door de teamleider\n"),
    ("inside a record", None),
    ("in the header", b"# extra\n"),
])
def test_no_unsealed_bytes_in_the_log(run, log, where, text):
    three(run)
    data = log.read_bytes()
    if where == "between records":
        at = data.index(b"\n[[decision]]", data.index(b"[[decision]]") + 1) + 1
        data = data[:at] + text + data[at:]
    elif where == "inside a record":
        data = data.replace(b'\nkind = "triage"\n', b'\nkind = "triage" # ok\n', 1)
    else:
        at = data.index(b"[ave_log]")
        data = data[:at] + text + data[at:]
    log.write_bytes(data)
    code, problems = check(run)
    assert code == 1 and any("niet door ave is geschreven" in p for p in problems), problems


@pytest.mark.parametrize("attack", ["deleted", "cut", "line edited", "line removed",
                                    "line added"])
def test_the_access_log_is_sealed_and_anchored(run, log, attack):
    three(run)
    assert run("show", "A-1").exit_code == 0
    access = access_of(log)
    lines = access.read_bytes().splitlines(keepends=True)
    if attack == "deleted":
        access.unlink()
    elif attack == "cut":
        access.write_bytes(b"".join(lines[:2]))
    elif attack == "line edited":
        access.write_bytes(b"".join(lines).replace(b'"who": "tester"', b'"who": "ander"', 1))
    elif attack == "line removed":
        access.write_bytes(b"".join(lines[:2] + lines[3:]))
    else:
        access.write_bytes(b"".join(lines[:2]) + lines[0] + b"".join(lines[2:]))
    code, problems = check(run)
    assert code == 1, problems
    assert any("toeganglog" in p for p in problems), problems


def test_a_torn_access_write_is_said_and_sealed_around(run, log):
    three(run)
    with open(access_of(log), "ab") as handle:
        handle.write(b'{"when": "2026')  # a crash in the middle of a line
    assert run("show", "A-1").exit_code == 0
    code, problems = check(run)
    assert code == 1 and any("beschadigd" in p for p in problems)
    assert any("niet schreef" in p for p in problems), problems
