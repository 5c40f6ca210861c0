"""The interactive triage against a store that others use, in a real pseudo-terminal, in both
stores: a triage decided on the case as it was when its questions began is not saved when a
colleague wrote to the case while the review screen was open (no lost update), and a re-triage
abandoned after it showed the case's answers is a look in the access log."""

from __future__ import annotations

import json
import os
import sys

import pytest
from conftest import EXAMPLES, Store

from ave_cli.flows.kapstokken import load_kapstok

pexpect = pytest.importorskip("pexpect")

A2 = str(EXAMPLES / "handreiking" / "ave2.toml")
SAVE = "\x1b[A\r"  # up to Bevestigen, the first choice (the review's default does not save)


def _answers_but_one(tmp_path, left_out: str) -> str:
    """Every answer of the handreiking (its defaults, AVE2's where given) but one."""
    import tomllib

    kap = load_kapstok("handreiking")
    given = tomllib.loads(open(A2, encoding="utf-8").read())
    answers = {q.key: given.get(q.key, q.default) for q in kap.questions if q.key != left_out}
    path = tmp_path / "answers.json"
    path.write_text(json.dumps(answers), encoding="utf-8")
    return str(path)


def _triage(where: str, tmp_path, *args: str):
    """`ave triage R-1 ...` in a pseudo-terminal, on the file log or store `where`."""
    env = {**os.environ, "AVE_LOG": where, "AVE_CONFIG": str(tmp_path / "none.toml"),
           "AVE_CACHE_DIR": str(tmp_path / "cache"), "AVE_BY": "pty", "TERM": "xterm",
           "PROMPT_TOOLKIT_NO_CPR": "1", "NO_COLOR": "1"}
    return pexpect.spawn(sys.executable, ["-m", "ave_cli", "triage", "R-1", *args], env=env,
                         encoding="utf-8", timeout=30, dimensions=(60, 120))


def _review_screen(where: str, tmp_path, answers: str):
    child = _triage(where, tmp_path, "--answers", answers)
    child.expect("veiligheid")
    child.send("\r")  # the default, as before
    child.expect("Wat wil je doen")
    return child


def test_a_colleagues_escalation_during_the_review_is_never_undone(run, any_store, tmp_path):
    store = Store(any_store)
    assert run("triage", "R-1", "-a", A2).exit_code == 0  # AVE2
    child = _review_screen(any_store, tmp_path, _answers_but_one(tmp_path, "veiligheid"))
    # meanwhile a colleague escalates the case
    escalated = run("escalate", "R-1", "--to", "AVE4", "--reason", "acuut", "--by", "collega")
    assert escalated.exit_code == 0, escalated.output
    before = store.snapshot()
    child.send(SAVE)  # Bevestigen: the AVE2 the screen showed
    child.expect("intussen gewijzigd door collega")
    child.expect("er is niets opgeslagen")
    child.expect("Opnieuw beoordelen met je antwoorden")
    child.send("\x1b[B\r")  # Nee, stoppen
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 1
    assert store.snapshot() == before
    kinds = [(r["kind"], r.get("phase_after")) for r in store.records()]
    assert kinds == [("triage", "AVE2"), ("escalation", "AVE4")]


def test_after_a_colleagues_change_the_review_can_be_done_again(run, any_store, tmp_path):
    """Offered at the terminal: the case as it is now, reviewed again with the answers already
    given; confirming then saves a triage that follows the escalation, knowingly."""
    store = Store(any_store)
    assert run("triage", "R-1", "-a", A2).exit_code == 0
    child = _review_screen(any_store, tmp_path, _answers_but_one(tmp_path, "veiligheid"))
    assert run("escalate", "R-1", "--to", "AVE4", "--reason", "acuut",
               "--by", "collega").exit_code == 0
    child.send(SAVE)
    child.expect("Opnieuw beoordelen met je antwoorden")
    child.send("\r")  # Ja
    child.expect("Wat wil je doen")  # the review again
    child.send(SAVE)
    # from AVE4 back to AVE2 is an afschaling now: its checklist, as ave deescalate asks it
    child.expect("Afschalen vanuit AVE4")
    child.send("\r")  # none of the criteria ticked
    child.expect("Toch afschalen")
    child.send("\x1b[B\r")  # Ja: the criteria not met are recorded
    child.expect("opgeslagen als besluit")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    records = store.records()
    assert [(r["kind"], r.get("phase_after")) for r in records] == [
        ("triage", "AVE2"), ("escalation", "AVE4"), ("triage", "AVE2")]
    assert records[2]["phase_before"] == "AVE4"  # decided on the case as it now was
    assert any(r.startswith("Afschaalcriterium niet (zeker) vervuld")
               for r in records[2]["reasons"])
    assert run("check").exit_code == 0


def test_without_a_change_meanwhile_the_review_saves(run, any_store, tmp_path):
    store = Store(any_store)
    assert run("triage", "R-1", "-a", A2).exit_code == 0
    child = _review_screen(any_store, tmp_path, _answers_but_one(tmp_path, "veiligheid"))
    assert run("show", "R-1").exit_code == 0  # a read is no change
    child.send(SAVE)
    child.expect("opgeslagen als besluit")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    assert [r["kind"] for r in store.records()] == ["triage", "triage"]


@pytest.mark.parametrize("when", ["at the question", "at the review"])
def test_an_abandoned_look_at_a_case_is_in_the_access_log(run, any_store, tmp_path, when):
    """An interactive re-triage shows the case's previous answers as its defaults: abandoned
    with Ctrl-C, it is recorded as a look that was broken off (a --dry-run is recorded too)."""
    store = Store(any_store)
    assert run("triage", "R-1", "-a", A2).exit_code == 0
    before = store.snapshot()
    if when == "at the review":
        child = _review_screen(any_store, tmp_path, _answers_but_one(tmp_path, "veiligheid"))
    else:
        child = _triage(any_store, tmp_path)
        child.expect("Welke uitgangssituatie")
    child.send("\x03")
    child.expect("afgebroken; er is niets opgeslagen")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130
    assert store.snapshot() == before
    audit = json.loads(run("audit", "--case", "R-1", "-f", "json").stdout)
    assert [(a["action"], a["result"], a["who"]) for a in audit] == [
        ("triage", "ok", "tester"), ("triage", "afgebroken", "pty")]


@pytest.mark.parametrize("command", [
    ("deescalate", "R-1", "--to", "AVE1", "--reason", "het gaat beter", "--yes"),
    ("close", "R-1", "--reason", "klaar"),
    ("escalate", "R-1", "--role", "procesregie", "--holder", "GGD", "--reason", "knelpunt"),
])
def test_a_command_decided_on_an_older_head_is_not_saved(run, any_store, monkeypatch, command):
    """escalate, deescalate, close (and every lifecycle command) name the case's head when they
    began: a colleague's escalation that lands between the command's read and its write under
    the lock makes it refuse, saying who changed what, with nothing saved (issue 24, item 1)."""
    import subprocess

    from ave_cli.flows.kapstokken import Kapstokken

    assert run("triage", "R-1", "-a", A2).exit_code == 0
    real = Kapstokken.for_case
    fired = []

    def colleague_then(*args, **kwargs):  # right after the command looked at the case
        if not fired:
            fired.append(subprocess.run(
                [sys.executable, "-m", "ave_cli", "escalate", "R-1", "--to", "AVE4", "--reason",
                 "acuut gevaar"], env={**os.environ, "AVE_BY": "collega"}, capture_output=True,
                text=True, timeout=60))
        return real(*args, **kwargs)

    monkeypatch.setattr(Kapstokken, "for_case", colleague_then)
    refused = run(*command)
    assert fired and fired[0].returncode == 0, fired[0].stderr
    assert refused.exit_code == 1, refused.output
    assert "collega" in refused.stderr and "niets opgeslagen" in refused.stderr
    shown = json.loads(run("show", "R-1", "--format", "json").stdout)
    assert shown["phase"] == "AVE4" and len(shown["timeline"]) == 2  # the colleague's stands


def test_reevaluate_writes_only_what_was_confirmed(run, log, monkeypatch):
    from ave_cli.cli import main as cli

    assert run("triage", "R-1", "-a", A2, "--phase", "AVE3", "--motivation", "zorgen").exit_code == 0
    asked = []

    def confirm_and_meanwhile(prompt):  # while the professional reads the count, a colleague
        asked.append(prompt)            # closes the case
        assert run("close", "R-1", "--reason", "klaar").exit_code == 0
        return True

    monkeypatch.setitem(cli.hooks, "ask", confirm_and_meanwhile)
    result = run("reevaluate", "--apply", "--include-overrides")
    assert asked, result.output
    assert result.exit_code == 1 and "niets opgeslagen" in result.stderr, result.output
