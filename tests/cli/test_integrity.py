"""`ave check`, `--repair`, `ave purge`, and keeping sensitive text out of the shell history."""

from __future__ import annotations

import json
import shutil
import stat
import tomllib
from datetime import UTC

import pytest
from conftest import EXAMPLES, ROOT

from ave_cli.record import logformat

DAMAGED = ROOT / "tests" / "damaged"
H = EXAMPLES / "handreiking"

# file: (line of the fault, words of the message, intact decisions, repairable torn tail)
FAULTS = {
    "torn-mid-record.toml": (82, "geen geldige TOML", 3, True),
    "torn-before-seal.toml": (82, "zegel (seal) ontbreekt", 3, True),
    "torn-in-header-line.toml": (108, "onvolledige tekst na het laatste record", 4, True),
    "garbage-tail.toml": (107, "onvolledige tekst na het laatste record", 4, True),
    "hand-edit-last.toml": (82, "zegel klopt niet", 3, True),
    "hand-edit-middle.toml": (30, "zegel klopt niet", 3, False),
    "duplicate-id.toml": (56, "besluit-id dmg-001 staat ook op regel 5", 3, False),
    "time-backwards.toml": (56, "is ouder dan het vorige, op regel 30", 3, False),
    "unknown-phase.toml": (30, "phase_after 'AVE9' bestaat niet in kapstok handreiking", 2, False),
    "two-procesregisseurs.toml": (31, "krijgt procesregisseur OOV-adviseur terwijl OGGZ die rol "
                                      "nog heeft", 2, False),
    "not-a-log.toml": (1, "geen geldig ave-caselog", 0, False),
    "other-log-version.toml": (1, "logversie 9", 4, False),
    # the hash chain: a record taken out, two swapped, one altered and sealed again
    "chain-removed.toml": (30, "de keten is onderbroken", 3, False),
    "chain-reordered.toml": ((30, 56, 82), "de keten is onderbroken", 4, False),
    "chain-resealed.toml": (55, "de keten is onderbroken", 4, False),
}


def test_every_damaged_log_is_covered():
    assert {p.name for p in DAMAGED.glob("*.toml")} == set(FAULTS) | {"legacy-format-1.toml"}


def test_a_format_1_log_stays_readable_and_grows_a_chain(run, log, monkeypatch):
    """Logs written before the hash chain are read as they are; what is appended chains on."""
    from datetime import datetime

    from ave_cli.cli import main as cli

    monkeypatch.setitem(cli.hooks, "now", lambda: datetime(2026, 9, 1, tzinfo=UTC))
    log.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy(DAMAGED / "legacy-format-1.toml", log)
    log.chmod(0o600)
    old = logformat.parse(log.read_bytes(), "log")
    assert [b.prev for b in old.blocks] == [None] * 4
    assert run("show", "D-1").exit_code == 0
    assert run("close", "D-1", "--reason", "klaar", "--kapstok", "handreiking").exit_code == 0
    grown = logformat.parse(log.read_bytes(), "log")
    assert grown.blocks[-1].prev == old.blocks[-1].seal
    assert run("check").exit_code == 0, run("check").output


@pytest.fixture
def damaged(log):
    def copy(name: str):
        log.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(DAMAGED / name, log)
        log.chmod(0o600)
        return log

    return copy


@pytest.mark.parametrize("name", list(FAULTS))
def test_check_finds_the_fault_with_its_line(run, damaged, name):
    line, words, intact, _ = FAULTS[name]
    path = damaged(name)
    before = path.read_bytes()
    result = run("check", "-f", "json")
    assert result.exit_code == 1, result.output
    data = json.loads(result.stdout)
    assert data["ok"] is False and data["decisions"] == intact
    lines = line if isinstance(line, tuple) else (line,)
    assert [(p["line"], words in p["message"]) for p in data["problems"]] == \
        [(n, True) for n in lines]
    text = run("check").stdout
    assert all(f"{path}:{n}: " in text for n in lines)
    assert path.read_bytes() == before  # checking never changes the log


@pytest.mark.parametrize("name", [n for n, f in FAULTS.items() if f[3]])
def test_repair_moves_a_torn_tail_to_quarantine(run, damaged, name, log):
    path = damaged(name)
    before = path.read_bytes()
    result = run("check", "--repair", "-f", "json")
    data = json.loads(result.stdout)
    assert result.exit_code == 0 and data["ok"] is True, result.output
    quarantine = data["repaired"]["quarantine"]
    kept = path.read_bytes()
    moved = open(quarantine, "rb").read()
    assert kept + moved == before  # nothing deleted: every byte is in the log or in quarantine
    assert stat.S_IMODE(__import__("os").stat(quarantine).st_mode) == 0o600
    assert len(tomllib.loads(kept.decode())["decision"]) == FAULTS[name][2]
    again = run("triage", "C-new", "-a", str(H / "ave1.toml"))
    assert again.exit_code == 0, again.output


@pytest.mark.parametrize("name", ["hand-edit-middle.toml"])
def test_damage_in_the_middle_is_never_repaired(run, damaged, name):
    path = damaged(name)
    before = path.read_bytes()
    result = run("check", "--repair")
    assert result.exit_code == 2 and "niet automatisch hersteld" in result.stderr
    assert path.read_bytes() == before
    for command in (("report",), ("show", "D-1"), ("triage", "X", "-a", str(H / "ave1.toml"))):
        refused = run(*command)
        assert refused.exit_code == 2 and "beschadigd vanaf regel 30" in refused.stderr


def test_reads_work_around_a_torn_tail_and_say_so_once(run, damaged):
    damaged("torn-mid-record.toml")
    result = run("report", "-f", "json", "--all")
    assert result.exit_code == 0
    assert len(json.loads(result.stdout)["cases"]) == 3
    assert result.stderr.count("beschadigd vanaf regel 82") == 1
    assert "ave check --repair" in result.stderr
    refused = run("close", "D-1", "--reason", "x")
    assert refused.exit_code == 2 and "ave check --repair" in refused.stderr


def test_a_clean_log_checks_clean(run, store):
    run("triage", "C-1", "-a", str(H / "ave2.toml"), "--casusregisseur", "Team")
    run("escalate", "C-1", "--role", "procesregie", "--holder", "A", "--reason", "x")
    run("escalate", "C-1", "--role", "procesregie", "--holder", "B", "--reason", "wissel")
    result = run("check")
    assert result.exit_code == 0, result.output
    assert "3 besluiten gecontroleerd: in orde." in result.stdout


def test_check_reports_a_log_readable_by_others(run, log):
    run("triage", "C-1", "-a", str(H / "ave1.toml"))
    log.chmod(0o640)
    result = run("check")
    assert result.exit_code == 1 and "leesbaar voor anderen" in result.stdout


def test_check_reports_a_broken_kapstok(run, log, tmp_path):
    bad = tmp_path / "k.toml"
    bad.write_text('name = "x"\n', encoding="utf-8")
    run("triage", "C-1", "-a", str(H / "ave1.toml"))
    result = run("check", "--kapstok", str(bad))
    assert result.exit_code == 1 and "ongeldige kapstok" in result.stdout


# --- purge --------------------------------------------------------------------------------------

def _close_some(run, monkeypatch) -> None:
    from datetime import datetime, timedelta, timezone

    from ave_cli.cli import main as cli

    def at(day: str):
        when = datetime.fromisoformat(day).replace(tzinfo=timezone(timedelta(hours=1)))
        monkeypatch.setitem(cli.hooks, "now", lambda: when)

    for day, args in [("2025-01-10", ("triage", "OLD", "-a", str(H / "ave2.toml"))),
                      ("2025-02-10", ("escalate", "OLD", "--to", "AVE3", "--reason", "x")),
                      ("2025-03-10", ("close", "OLD", "--reason", "klaar")),
                      ("2025-01-11", ("triage", "OPEN", "-a", str(H / "ave1.toml"))),
                      ("2025-01-12", ("triage", "LATE", "-a", str(H / "ave1.toml"))),
                      ("2025-09-12", ("close", "LATE", "--reason", "klaar"))]:
        at(day)
        assert run(*args).exit_code == 0


@pytest.fixture
def with_closed_cases(run, log, monkeypatch):
    _close_some(run, monkeypatch)
    log.chmod(0o640)  # purge keeps whatever permissions the owner chose
    return log


@pytest.fixture
def closed_in_store(run, store, monkeypatch):
    """The same closed cases in the file log or the PostgreSQL store."""
    _close_some(run, monkeypatch)
    return store


def test_purge_dry_run_then_for_real(run, with_closed_cases):
    log = with_closed_cases
    before = log.read_bytes()
    dry = json.loads(run("purge", "--closed-before", "2025-06-01", "--dry-run", "-f", "json").stdout)
    assert (dry["cases"], dry["decisions"]) == (1, 3)
    assert log.read_bytes() == before
    result = run("purge", "--closed-before", "2025-06-01", "--yes")
    assert result.exit_code == 0 and "1 casussen afgesloten vóór 2025-06-01: 3 besluiten" \
        in result.stdout
    records = tomllib.loads(log.read_text(encoding="utf-8"))["decision"]
    assert [r["case"] for r in records] == ["OPEN", "LATE", "LATE"]
    assert stat.S_IMODE(log.stat().st_mode) == 0o640
    old = [b.decision for b in logformat.parse(before, "log").blocks]
    kept = logformat.parse(log.read_bytes(), "log")
    assert [b.decision for b in kept.blocks] == [d for d in old if d.case != "OLD"]  # unchanged
    assert b"OLD" not in log.read_bytes()
    head = tomllib.loads(log.read_text(encoding="utf-8"))["ave_log"]
    (purge,) = head["purge"]  # what was purged, never the content
    assert (purge["decisions"], purge["cases"], purge["by"], purge["closed_before"]) == \
        (3, 1, "tester", "2025-06-01")
    assert purge["old_head"] == logformat.parse(before, "log").head
    assert kept.blocks[0].prev == head["chain"] == logformat.chain_anchor(head["purge"])
    assert logformat.scan(log.read_bytes())[1] == []  # every seal and the new chain intact
    assert run("check").exit_code == 1  # only because of the 0640 the test chose
    assert "OLD" not in run("report", "--all", "-f", "json").stdout  # the index forgot it too


def test_purge_needs_confirmation(run, closed_in_store, scripted):
    before = closed_in_store.snapshot()
    refused = run("purge", "--closed-before", "2026-01-01")
    assert refused.exit_code == 2 and "--yes" in refused.stderr
    scripted([("definitief verwijderen", False)])
    assert run("purge", "--closed-before", "2026-01-01").exit_code == 0
    assert closed_in_store.snapshot() == before
    scripted([("5 besluiten van 2 afgesloten casussen definitief verwijderen", True)])
    assert run("purge", "--closed-before", "2026-01-01").exit_code == 0
    assert [r["case"] for r in closed_in_store.records()] == ["OPEN"]
    assert run("check").exit_code == 0


# --- sensitive text outside the shell history ---------------------------------------------------

def test_note_and_reason_from_files_and_stdin(run, log, tmp_path):
    note = tmp_path / "notitie.txt"
    note.write_text("Gesprek met moeder;\nbuurman meldt geluidsoverlast\n", encoding="utf-8")
    run("triage", "C-1", "-a", str(H / "ave2.toml"), "--note-file", str(note))
    result = run("escalate", "C-1", "--to", "AVE3", "--reason-file", "-",
                 input="Politie meldt bedreiging\n")
    assert result.exit_code == 0, result.output
    records = tomllib.loads(log.read_text(encoding="utf-8"))["decision"]
    assert records[0]["note"] == "Gesprek met moeder;\nbuurman meldt geluidsoverlast"
    assert records[1]["reasons"] == ["Politie meldt bedreiging"]


def test_a_missing_reason_is_asked_at_a_terminal(run, log, scripted):
    run("triage", "C-1", "-a", str(H / "ave2.toml"))
    ask = scripted([("De reden (verplicht)", "Getypt, niet in de geschiedenis")])
    assert run("close", "C-1").exit_code == 0
    ask.done()
    assert tomllib.loads(log.read_text(encoding="utf-8"))["decision"][-1]["reasons"] == [
        "Getypt, niet in de geschiedenis"]


def test_repair_without_a_log_has_nothing_to_repair(run, log):
    result = run("check", "--repair")
    assert result.exit_code == 0, result.output
    assert "geen beschadigd einde" in result.stdout and not log.exists()


@pytest.mark.parametrize("edit", [
    (b"format = 3\n", b"format = 03\n"),  # a leading zero: not TOML
    (b'by = "tester"', b'by = "test\\/er"'),  # an escape TOML does not have
])
def test_check_reports_a_record_that_is_not_toml_although_its_seal_would_match(run, log, edit):
    """The values read the same (2, 'test/er' would even re-seal), but the file is no longer
    TOML: the fast reader declines, tomllib refuses, and ave check says so."""
    from conftest import EXAMPLES

    assert run("triage", "C-1", "-a", str(EXAMPLES / "handreiking" / "ave2.toml")).exit_code == 0
    data = log.read_bytes()
    assert edit[0] in data
    head, tail = data.rsplit(edit[0], 1)  # the record's own line (the header has a format too)
    log.write_bytes(head + edit[1] + tail)
    checked = run("check")
    assert checked.exit_code == 1, checked.output
