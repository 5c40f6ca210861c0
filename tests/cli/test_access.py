"""Who saw what (BIO, NEN 7513): every read of a case and every write leaves an access record in
an append-only file beside the case log, shown by `ave audit`."""

from __future__ import annotations

import json
import stat

from conftest import EXAMPLES

A2 = str(EXAMPLES / "handreiking" / "ave2.toml")


def records(run, *args: str) -> list[dict]:
    result = run("audit", *args, "--format", "json")
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def test_reads_and_writes_leave_access_records(run, any_store, log, monkeypatch):
    assert run("triage", "WT-1", "-a", A2).exit_code == 0
    assert run("triage", "WT-2", "-a", A2, "--dry-run").exit_code == 0  # reads WT-2: none yet
    assert run("show", "wt-1").exit_code == 0
    assert run("escalate", "WT-1", "--to", "AVE3", "--reason", "x").exit_code == 0
    assert run("report").exit_code == 0
    assert run("export").exit_code == 0
    monkeypatch.setenv("AVE_BY", "anna")
    assert run("show", "WT-9").exit_code == 2  # not there: the attempt is recorded too
    assert run("escalate", "WT-1", "--to", "AVE1", "--reason", "x").exit_code == 2
    got = records(run)
    assert [(r["action"], r["case"], r["result"], r["who"]) for r in got] == [
        ("triage", "WT-1", "ok", "tester"),
        ("triage", "WT-2", "proefdraai", "tester"),
        ("show", "WT-1", "ok", "tester"),  # the case as the log spells it
        ("escalate", "WT-1", "ok", "tester"),
        ("report", "WT-1", "ok", "tester"),
        ("export", "WT-1", "ok", "tester"),
        ("show", "WT-9", "niet gevonden", "anna"),
        ("escalate", "WT-1", "geweigerd", "anna")]
    fields = {"when", "who", "action", "case", "result"}
    if any_store.startswith("postgresql:"):  # the store adds the login its server saw
        fields.add("login")
        assert {r["login"] for r in got} == {"tester"}
    assert all(set(r) == fields for r in got)
    assert [r["action"] for r in records(run, "--case", "wt-1")] == [
        "triage", "show", "escalate", "report", "export", "escalate"]
    assert [r["case"] for r in records(run, "--by", "anna")] == ["WT-9", "WT-1"]
    text = run("audit", "--case", "WT-1").stdout
    assert "escalate" in text and "geweigerd" in text and "WT-1" in text
    if not any_store.startswith("postgresql:"):  # the file's mode is the file store's own
        access = log.with_name(log.name + ".toegang")
        assert stat.S_IMODE(access.stat().st_mode) == 0o600


def test_the_access_log_only_grows(run, log):
    run("triage", "WT-1", "-a", A2)
    access = log.with_name(log.name + ".toegang")
    before = access.read_bytes()
    run("show", "WT-1")
    run("close", "WT-1", "--reason", "klaar")
    run("purge", "--closed-before", "2999-01-01", "--yes")
    after = access.read_bytes()
    assert after.startswith(before)  # purge removes nothing here
    entries = [json.loads(line) for line in after.splitlines()]
    assert [(e.get("action"), "seal" in e) for e in entries] == [
        ("triage", False), (None, True), ("show", False), (None, True), ("close", False),
        (None, True), ("purge", False), (None, True)]  # each write sealed, the purge too
    assert entries[-1]["purge"] and entries[-1]["n"] == 4
    assert "[[ave_log.purge]]" in log.read_text(encoding="utf-8")  # who purged: in the log itself


def test_no_store_no_access_log(run, log):
    assert run("show", "WT-1").exit_code == 2
    assert run("report").exit_code == 0
    assert not log.parent.exists() or not log.with_name(log.name + ".toegang").exists()
    assert records(run) == []


def test_an_access_log_that_cannot_be_written_stops_a_read(run, log):
    run("triage", "WT-1", "-a", A2)
    access = log.with_name(log.name + ".toegang")
    access.unlink()
    access.mkdir()  # a folder where the file should be: every append fails
    shown = run("show", "WT-1")
    assert shown.exit_code == 1 and "er is niets getoond of opgeslagen" in shown.stderr
    assert "WT-1" not in shown.stdout
    saved = run("close", "WT-1", "--reason", "klaar")
    assert saved.exit_code == 1 and "het besluit is opgeslagen, maar" in saved.stderr
    assert 'kind = "close"' in log.read_text(encoding="utf-8")  # and it was: the message is true


def test_a_damaged_access_log_is_named(run, log):
    run("triage", "WT-1", "-a", A2)
    access = log.with_name(log.name + ".toegang")
    access.write_text(access.read_text(encoding="utf-8") + "{kapot\n", encoding="utf-8")
    result = run("audit")
    assert result.exit_code == 2 and "regel 3 is beschadigd" in result.stderr  # 2: its seal


def test_an_access_log_held_too_long_after_a_save_says_the_decision_was_saved(run, log,
                                                                               monkeypatch):
    """Another process holds the access log's lock: a triage that saved its decision says so,
    instead of 'in use, try again' (which would have made a second, same decision)."""
    from filelock import FileLock

    from ave_cli.stores.file import accesslog

    run("triage", "WT-1", "-a", A2)
    monkeypatch.setitem(accesslog.append.__kwdefaults__, "lock_timeout", 0.3)
    access = log.with_name(log.name + ".toegang")
    with FileLock(str(access) + ".lock"):
        saved = run("close", "WT-1", "--reason", "klaar")
    assert saved.exit_code == 1 and "het besluit is opgeslagen, maar" in saved.stderr, saved.stderr
    assert "in gebruik door een ander proces" in saved.stderr
    assert 'kind = "close"' in log.read_text(encoding="utf-8")
