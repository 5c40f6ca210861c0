"""The review screen is the decision (issue 28, item 1), read off a real terminal of 80 x 24 and
120 x 24 (pyte): the case's fase now, the fase advised, what confirming means, the first
reason and the menu all on the one screen; a double Enter never saves unseen."""

from __future__ import annotations

import json
import tomllib

import pytest
from conftest import EXAMPLES
from test_pty_afspraak import Terminal

from ave_cli.flows.kapstokken import load_kapstok

DOWN, UP, ENTER = "\x1b[B", "\x1b[A", "\r"
H = EXAMPLES / "handreiking"


def _answers_but_veiligheid(tmp_path, name: str) -> str:
    kap = load_kapstok("handreiking")
    given = tomllib.loads((H / name).read_text(encoding="utf-8"))
    answers = {q.key: given.get(q.key, q.default) for q in kap.questions
               if q.key != "veiligheid"}
    path = tmp_path / "answers.json"
    path.write_text(json.dumps(answers), encoding="utf-8")
    return str(path)


@pytest.mark.parametrize("cols", [80, 120])
def test_the_review_shows_the_whole_decision_in_24_rows(run, log, tmp_path, cols):
    assert run("triage", "WT-1", "-a", str(H / "ave2.toml")).exit_code == 0  # now AVE2
    term = Terminal(["triage", "WT-1", "--answers", _answers_but_veiligheid(tmp_path,
                                                                             "ave4.toml")],
                    log, tmp_path, rows=24, cols=cols)
    term.wait_for("veiligheid")
    term.type(DOWN * 4 + ENTER)  # (dreiging van) acute onveiligheid: AVE4
    screen = term.wait_for("Afbreken zonder op te slaan")
    for text in ("Nu AVE2", "AVE 4 (donkerrood)", "opschaling", "slaat AVE3 over",
                 "Waarom", "(Dreiging van) acute onveiligheid", "Wat wil je doen?",
                 "Bevestigen: fase AVE4 (het advies)"):
        assert text in screen, (text, screen)
    assert "Controleer het besluit" in screen  # the panel's top is on the screen too
    term.type(UP + ENTER)
    term.wait_for("opgeslagen als besluit")
    assert term.finish() == 0
    records = tomllib.loads(log.read_text(encoding="utf-8"))["decision"]
    assert [r["phase_after"] for r in records] == ["AVE2", "AVE4"]


def test_a_double_enter_on_the_last_question_saves_nothing(run, log, tmp_path):
    """Enter on the last question and one more straight after it: the second is discarded,
    and the menu's default is not the one that saves."""
    term = Terminal(["triage", "WT-2", "--answers", _answers_but_veiligheid(tmp_path,
                                                                             "ave2.toml")],
                    log, tmp_path, rows=24, cols=80)
    term.wait_for("veiligheid")
    term.type(ENTER + ENTER)
    term.wait_for("Wat wil je doen?")
    term.type(ENTER)  # a third, after the menu appeared: the default, "Een antwoord wijzigen"
    term.wait_for("Welk antwoord wil je wijzigen?")
    assert not log.exists()
    term.child.sendcontrol("c")
    term.wait_for("niets opgeslagen")
    assert term.finish() == 130
    assert not log.exists()
