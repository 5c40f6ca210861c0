"""Old logs stay valid and honest after contract v3 (issue 26, item 3): a decision keeps what it
recorded and is judged against its own kapstok version; re-evaluation reads old answers with their
v3 meaning and says once that a newer question counts as its default."""

from __future__ import annotations

import json

from conftest import EXAMPLES, ROOT

EARLIER = ROOT / "ave_cli" / "config" / "earlier"
FASE4 = str(EXAMPLES / "westerkwartier" / "fase-4.toml")


def _old_decision(run) -> None:
    made = run("triage", "K-1", "-a", FASE4, "--kapstok", str(EARLIER / "westerkwartier-1.1.0.toml"),
               "-f", "json")
    assert made.exit_code == 0, made.output
    assert json.loads(made.stdout)["kapstok"]["version"] == "1.1.0"


def test_a_decision_under_an_earlier_version_is_verified_against_it(run, log):
    _old_decision(run)
    checked = run("check", "-f", "json")
    assert checked.exit_code == 0, checked.output
    report = json.loads(checked.stdout)
    assert report["ok"] and report["problems"] == []
    assert not any("1.1.0" in note["message"] for note in report["notes"]), report["notes"]


def test_reevaluation_says_once_that_a_newer_question_counts_as_its_default(run, log):
    _old_decision(run)
    text = run("reevaluate", "--kapstok", "westerkwartier")
    assert text.exit_code == 0, text.output
    said = " ".join(text.stdout.split())
    assert said.count("geen antwoord op 'ketenaanpak'") == 1
    assert "het telt als de standaard: nee" in said
    # the kapstok's own word on how it reads older answers (an old acuut is one person), once
    assert said.count("veiligheid = acuut is acute onveiligheid voor één persoon") == 1
    data = json.loads(run("reevaluate", "--kapstok", "westerkwartier", "-f", "json").stdout)
    assert data["defaulted"] == [{"question": "ketenaanpak", "cases": 1, "read_as": "nee"}]
    assert len(data["readings"]) == 1 and "acuut_meerdere" in data["readings"][0]


def test_the_diff_over_a_log_says_it_too(run, log):
    _old_decision(run)
    shown = run("kapstok", "diff", str(EARLIER / "westerkwartier-1.1.0.toml"), "westerkwartier",
                "--log", str(log))
    assert shown.exit_code == 0, shown.output
    said = " ".join(shown.stderr.split())
    assert "1 casussen hebben geen antwoord op 'ketenaanpak'" in said
    assert said.count("In 1.1.0 betekende acuut meerdere personen") == 1
    data = json.loads(run("kapstok", "diff", str(EARLIER / "westerkwartier-1.1.0.toml"),
                          "westerkwartier", "--log", str(log), "-f", "json").stdout)
    assert data["defaulted"] == [{"question": "ketenaanpak", "cases": 1}]
    assert "acuut_meerdere" in data["reading"]
