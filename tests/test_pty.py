"""The real questionnaire (questionary on prompt_toolkit) in a pseudo-terminal."""

from __future__ import annotations

import os
import sys
import tomllib

import pytest

pexpect = pytest.importorskip("pexpect")

DOWN, ENTER, CTRL_C = "\x1b[B", "\r", "\x03"


def spawn(args: list[str], log, tmp_path):
    env = {**os.environ, "AVE_LOG": str(log), "AVE_CONFIG": str(tmp_path / "none.toml"),
           "AVE_BY": "pty", "TERM": "xterm", "COLUMNS": "120", "LINES": "60",
           "PROMPT_TOOLKIT_NO_CPR": "1", "NO_COLOR": "1"}
    child = pexpect.spawn(sys.executable, ["-m", "ave_cli", *args], env=env, encoding="utf-8",
                          timeout=20, dimensions=(60, 120))
    return child


def choose(child, question: str, downs: int) -> None:
    child.expect(question)
    child.send(DOWN * downs + ENTER)


def test_questionnaire_in_a_terminal_writes_a_decision(log, tmp_path):
    child = spawn(["triage", "WT-pty"], log, tmp_path)
    # ask for the help text of the first question (the last choice), then answer it
    choose(child, "Welke uitgangssituatie", 4)
    child.expect("Kijk naar alle leefgebieden")
    choose(child, "Welke uitgangssituatie", 3)  # complex
    choose(child, "zorgbehoefte", 0)  # the default: nee
    choose(child, "Heeft de huidige hulp effect", 3)  # nee
    choose(child, "Werkt de inwoner mee", 0)  # ja
    choose(child, "samenwerking", 2)  # stagneert
    choose(child, "veiligheid", 2)  # risico
    for question in ("openbare orde", "maatschappelijke onrust", "media-aandacht", "teloorgang",
                     "minderjarige", "signalen"):
        choose(child, question, 0)  # the defaults: nee, nee, nee, nee, nee, none
    child.expect("Controleer de antwoorden")
    child.expect("Wat wil je doen")
    child.send(ENTER)
    child.expect("opgeslagen als besluit")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    [record] = tomllib.loads(log.read_text(encoding="utf-8"))["decision"]
    assert record["case"] == "WT-pty" and record["phase_after"] == "AVE3"
    assert record["answers"]["samenwerking"] == "stagneert"
    assert record["by"] == "pty"


def test_ctrl_c_halfway_writes_nothing(log, tmp_path):
    child = spawn(["triage", "WT-pty"], log, tmp_path)
    choose(child, "Welke uitgangssituatie", 2)
    choose(child, "zorgbehoefte", 0)
    choose(child, "Heeft de huidige hulp effect", 1)
    child.expect("Werkt de inwoner mee")
    child.send(CTRL_C)
    child.expect("afgebroken; er is niets opgeslagen")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130
    assert not log.exists()
