"""The real questionnaire (questionary on prompt_toolkit) in a pseudo-terminal."""

from __future__ import annotations

import io
import os
import sys
import tomllib

import pytest

pexpect = pytest.importorskip("pexpect")

DOWN, UP, ENTER, CTRL_C = "\x1b[B", "\x1b[A", "\r", "\x03"


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


def saved(child, log) -> dict:
    """The one decision a finished triage saved, after it said so and ended with exit code 0."""
    child.expect("opgeslagen als besluit")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    [record] = tomllib.loads(log.read_text(encoding="utf-8"))["decision"]
    return record


def test_questionnaire_in_a_terminal_writes_a_decision(log, tmp_path):
    child = spawn(["triage", "WT-pty"], log, tmp_path)
    # ask for the help text of the first question (the last choice), then answer it
    choose(child, "Welke uitgangssituatie", 4)
    child.expect("Kijk naar alle leefgebieden")
    choose(child, "Welke uitgangssituatie", 3)  # complex
    choose(child, "zorgbehoefte", 0)  # the default: nee
    choose(child, "domeinoverstijgende", 0)  # the default: nee
    choose(child, "Heeft de huidige hulp effect", 3)  # nee
    choose(child, "Werkt de inwoner mee", 0)  # ja
    choose(child, "samenwerking", 2)  # stagneert
    choose(child, "veiligheid", 2)  # risico
    for question in ("openbare orde", "maatschappelijke onrust", "media-aandacht", "teloorgang",
                     "minderjarige", "signalen"):
        choose(child, question, 0)  # the defaults: nee, nee, nee, nee, nee, none
    child.expect("Controleer het besluit")
    child.expect("Wat wil je doen")
    child.send(UP + ENTER)  # Bevestigen, above the default (which does not save)
    record = saved(child, log)
    assert record["case"] == "WT-pty" and record["phase_after"] == "AVE3"
    assert record["answers"]["samenwerking"] == "stagneert"
    assert record["by"] == "pty"


def test_ctrl_c_halfway_writes_nothing(log, tmp_path):
    child = spawn(["triage", "WT-pty"], log, tmp_path)
    choose(child, "Welke uitgangssituatie", 2)
    choose(child, "zorgbehoefte", 0)
    choose(child, "domeinoverstijgende", 0)
    choose(child, "Heeft de huidige hulp effect", 1)
    child.expect("Werkt de inwoner mee")
    child.send(CTRL_C)
    child.expect("afgebroken; er is niets opgeslagen")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130
    assert not log.exists()


LEFT = "\x1b[D"


def test_step_back_and_an_override_shown_before_saving(log, tmp_path):
    """A whole triage at a real terminal: a step back with the left arrow, another fase with a
    motivation refused once (empty) and then given, and the review screen that shows the
    decision, as it will be saved, before the professional confirms it."""
    child = spawn(["triage", "WT-back"], log, tmp_path)
    child.logfile_read = seen = io.StringIO()
    choose(child, "Welke uitgangssituatie", 3)  # complex
    child.expect("zorgbehoefte")
    child.send(UP + ENTER)  # ja (the default is nee)
    child.expect("domeinoverstijgende")
    child.expect("terug")  # the way back is offered
    child.send(LEFT)  # back to the previous question
    choose(child, "zorgbehoefte", 0)  # the earlier answer is pre-selected: stays ja
    choose(child, "domeinoverstijgende", 0)
    choose(child, "Heeft de huidige hulp effect", 3)  # nee
    choose(child, "Werkt de inwoner mee", 0)
    choose(child, "samenwerking", 2)  # stagneert
    choose(child, "veiligheid", 2)  # risico
    for question in ("openbare orde", "maatschappelijke onrust", "media-aandacht", "teloorgang",
                     "minderjarige"):
        choose(child, question, 0)
    child.expect("signalen voor opschaling")
    child.send(" " + DOWN + " " + ENTER)  # two signals: the answer line is said in Dutch
    child.expect(r"signalen voor opschaling zie je\? snelle toename van meldingen, angst en "
                 "agressie")
    child.expect("Advies van de regels")
    choose(child, "Wat wil je doen", 1)  # another fase
    choose(child, "Welke fase besluit je", 1)  # one down from the advice
    child.expect("Motivering voor de afwijking")
    child.send(ENTER)  # empty: refused, asked again
    child.expect("een motivering is verplicht")
    child.send("Politie meldt dreiging" + ENTER)
    child.expect(r"Besloten: fase (\w+), afwijkend van het advies \((\w+)\)\.")
    decided, advised = child.match.group(1), child.match.group(2)
    child.expect("Motivering: Politie meldt dreiging")
    child.expect("Wat wil je doen")
    assert not log.exists()  # shown, not yet saved
    child.send(UP + ENTER)
    record = saved(child, log)
    assert record["answers"]["zorgbehoefte"] is True and record["answers"]["effect"] == "nee"
    assert (record["advised_phase"], record["phase_after"]) == (advised, decided)
    assert advised != decided
    assert "done (" not in seen.getvalue() and "selections" not in seen.getvalue()
    assert record["motivation"] == "Politie meldt dreiging"


def test_the_change_answer_menu_has_a_way_back(log, tmp_path):
    child = spawn(["triage", "WT-menu"], log, tmp_path)
    for question, downs in (("Welke uitgangssituatie", 0), ("zorgbehoefte", 0),
                            ("domeinoverstijgende", 0), ("Heeft de huidige hulp effect", 0),
                            ("Werkt de inwoner mee", 0),
                            ("samenwerking", 0), ("veiligheid", 0), ("openbare orde", 0),
                            ("maatschappelijke onrust", 0), ("media-aandacht", 0),
                            ("teloorgang", 0), ("minderjarige", 0), ("signalen", 0)):
        choose(child, question, downs)
    choose(child, "Wat wil je doen", 0)  # change an answer: the default
    child.expect("Welk antwoord wil je wijzigen")
    child.expect("Terug naar het overzicht")
    child.send(UP + ENTER)  # the last choice: back
    child.expect("Wat wil je doen")
    child.send(DOWN * 2 + ENTER)  # cancel, the last choice
    child.expect("er is niets opgeslagen")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0 and not log.exists()
