"""The kapstok commands over the casuistiek (ave kapstok test, ave kapstok diff, ave uitleg) and
the JSON they give, through the CLI runner; the pure parts are in tests/core/test_casus.py."""

from __future__ import annotations

import json

import pytest
from conftest import EXAMPLES
from test_casus import BUNDLED, CONFIG, copy_with

from ave_cli.flows.kapstokken import load_kapstok


@pytest.mark.parametrize("name", BUNDLED)
def test_the_bundled_kapstokken_pass_their_own_casuistiek_strictly(run, name):
    kapstok = load_kapstok(name)
    assert len(kapstok.casus) >= 16
    assert {c.fase for c in kapstok.casus} == {p.id for p in kapstok.phases}  # every phase
    result = run("kapstok", "test", "--kapstok", name, "--strict", "-f", "json")
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["failed"] == 0 and report["passed"] == len(kapstok.casus)
    assert report["uncovered"] == {"conditions": [], "local_rules": []}


def test_a_changed_expectation_fails_naming_the_casus(run, tmp_path):
    path = copy_with(tmp_path, "handreiking",
                     'verwacht = { fase = "AVE4", procesregie = "Scenarioteam", advies_bevat',
                     'verwacht = { fase = "AVE3", procesregie = "Scenarioteam", advies_bevat')
    result = run("kapstok", "test", "--kapstok", path)
    assert result.exit_code == 1
    assert "✗ Dreigement met een mes  verwacht AVE3, kreeg AVE4" in result.stdout
    total = len(load_kapstok("handreiking").casus)
    assert f"{total - 1} van {total} casussen geslaagd" in result.stdout


def test_a_changed_rule_fails_naming_the_casus(run, tmp_path):
    """Westerkwartier: take threatened public-order disturbance out of fase 3."""
    path = copy_with(tmp_path, "westerkwartier", 'key = "openbare_orde"\nin = ["dreigend"]',
                     'key = "openbare_orde"\nin = ["ja"]')
    result = run("kapstok", "test", "--kapstok", path, "-f", "json")
    assert result.exit_code == 1
    failed = [c for c in json.loads(result.stdout)["casus"] if not c["ok"]]
    assert [(c["naam"], c["verwacht"], c["fase"]) for c in failed] == \
        [("Dreigende ongeregeldheden", "3", "1")]


def test_a_wrong_role_expectation_fails(run, tmp_path):
    path = copy_with(tmp_path, "westerkwartier", 'casusregie = "Jeugdconsulent gemeente", '
                     'procesregie = "OGGZ / Team Jeugd"', 'casusregie = "Wijkteam", '
                     'procesregie = "OGGZ / Team Jeugd"')
    result = run("kapstok", "test", "--kapstok", path)
    assert result.exit_code == 1
    assert "casusregie: verwacht 'Wijkteam', kreeg 'Jeugdconsulent gemeente'" in result.stdout


def test_an_uncovered_condition_warns_and_fails_with_strict(run, tmp_path):
    text = (CONFIG / "handreiking.toml").read_text(encoding="utf-8")
    start = text.index('[[casus]]\nnaam = "Geruchten in de straat"')
    end = text.index("[[casus]]", start + 5)
    path = tmp_path / "zonder.toml"
    path.write_text(text[:start] + text[end:], encoding="utf-8")
    loose = run("kapstok", "test", "--kapstok", str(path))
    assert loose.exit_code == 0 and "Dreigende maatschappelijke onrust" in loose.stdout
    strict = run("kapstok", "test", "--kapstok", str(path), "--strict")
    assert strict.exit_code == 1


def test_diff_json_has_the_contract_shape(run, tmp_path):
    old = tmp_path / "oud.toml"
    text = (CONFIG / "handreiking.toml").read_text(encoding="utf-8")
    old.write_text(text.replace('key = "onrust"\nin = ["ja"]', 'key = "onrust"\nin = '
                                '["dreigend", "ja"]', 1), encoding="utf-8")
    result = run("kapstok", "diff", str(old), "handreiking", "-f", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert set(data) >= {"matrix", "total", "casus"}
    assert all(set(cell) >= {"from", "to", "count"} for cell in data["matrix"])
    changed = [c for c in data["matrix"] if c["from"] != c["to"]]
    assert changed and all("sample" in c for c in changed)
    # v3: threatened unrest alone is AVE2, and AVE3 where meervoudige problematiek with a risk, a
    # knelpunt and a needed chain approach (ketenaanpak) holds without the escalation rule
    assert {(c["from"], c["to"]) for c in changed} == {("AVE4", "AVE2"), ("AVE4", "AVE3")}
    assert sum(c["count"] for c in data["matrix"]) == data["total"]
    assert any(c["naam"] == "Geruchten in de straat" and c["from"] == "AVE4" and c["to"] == "AVE2"
               for c in data["casus"])


def test_diff_over_the_open_cases_of_a_log_writes_nothing(run, log):
    run("triage", "C-1", "-a", str(EXAMPLES / "handreiking" / "ave3.json"))
    run("triage", "C-2", "-a", str(EXAMPLES / "handreiking" / "ave1.toml"))
    before = log.read_bytes()
    result = run("kapstok", "diff", "handreiking", "westerkwartier", "--log", str(log), "-f",
                 "json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["total"] == 2
    assert log.read_bytes() == before


def test_triage_json_has_every_field_the_contract_names(run):
    result = run("triage", "W-1", "-a", str(EXAMPLES / "westerkwartier" / "fase-2b.json"),
                 "-k", "westerkwartier", "--casusregisseur", "Anna", "--trace", "-f", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    for key in ("signalen", "afschalen_door", "meningsverschil_beslisser", "casusregisseur",
                "procesregisseur", "roles", "advice", "reasons", "trace"):
        assert key in data, key
    assert data["meningsverschil_beslisser"] == "Teamleider Wmo"
    assert data["casusregisseur"] == "Anna"
    assert data["trace"][-1]["reached"] and data["trace"][0]["phase"] == "4"
    # principle 2: the named casusregisseur carries over to the next triage
    again = json.loads(run("triage", "W-1", "-a", str(EXAMPLES / "westerkwartier" /
                                                     "fase-3.toml"), "-f", "json").stdout)
    assert again["casusregisseur"] == "Anna"


@pytest.mark.parametrize(("name", "term", "words"), [
    ("westerkwartier", "behandelregie", "hoofdbehandelaarschap"),
    ("westerkwartier", "leefgebieden", "Positieve Gezondheid"),
    ("westerkwartier", "ZVH", "netwerksamenwerking"),
    ("handreiking", "invoeringsstappen", "toets de kapstok met casuïstiek"),
])
def test_uitleg_explains_the_kapstok_own_terms(run, name, term, words):
    result = run("uitleg", term, "--kapstok", name)
    assert result.exit_code == 0 and words in result.stdout, result.output
    english = run("--lang", "en", "uitleg", term, "--kapstok", name)
    assert english.exit_code == 0 and english.stdout != result.stdout  # the _en text
    overview = " ".join(run("uitleg", "--kapstok", name).stdout.split())
    assert term.casefold() in overview.casefold()
