"""Issue 12: both kapstokken follow AVE-MODEL.md v2 (sections 4 and 5), carry casuistiek that
proves it (`ave kapstok test`), and can be compared over the whole answer space (`diff`)."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest
from conftest import ROOT

from ave_cli.core import casus
from ave_cli.core.kapstok import parse_kapstok
from ave_cli.core.messages import KapstokError, TooLarge
from ave_cli.core.rules import advised_phase, evaluate, with_defaults
from ave_cli.flows.kapstokken import load_kapstok

CONFIG = ROOT / "config"
BUNDLED = ["handreiking", "westerkwartier"]


def copy_with(tmp_path: Path, name: str, old: str, new: str) -> str:
    text = (CONFIG / f"{name}.toml").read_text(encoding="utf-8")
    assert old in text, old
    path = tmp_path / f"{name}-changed.toml"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return str(path)


# --- ave kapstok test ------------------------------------------------------------------------











@pytest.mark.parametrize(("old", "new", "words"), [
    ('verwacht = { fase = "AVE1", casusregie = "Geen" }',
     'verwacht = { fase = "AVE9", casusregie = "Geen" }', "fase 'AVE9' bestaat niet"),
    ('answers = { problematiek = "enkelvoudig", effect = "ja", meewerken = "ja", '
     'samenwerking = "goed", veiligheid = "nee" }\nverwacht = { fase = "AVE1"',
     'answers = { problematiek = "enkel", effect = "ja", meewerken = "ja", '
     'samenwerking = "goed", veiligheid = "nee" }\nverwacht = { fase = "AVE1"',
     "casus 'Vraag over schuldhulp'.answers.problematiek"),
    ('naam = "Vraag over schuldhulp"', 'naam = "Vraag over schuldhulp"\nwens = 1', "'wens'"),
    ('answers = { problematiek = "enkelvoudig", effect = "ja", meewerken = "ja", '
     'samenwerking = "goed", veiligheid = "nee" }\nverwacht = { fase = "AVE1"',
     'answers = { problematiek = "enkelvoudig", effect = "ja", meewerken = "ja", '
     'samenwerking = "goed", weer = "nee" }\nverwacht = { fase = "AVE1"', "'weer'"),
    ('expected_share = 0.80', 'expected_share = 80', "expected_share"),
])
def test_a_broken_casus_or_new_key_is_an_error_naming_the_place(old, new, words):
    text = (CONFIG / "handreiking.toml").read_text(encoding="utf-8")
    assert old in text
    with pytest.raises(KapstokError, match=r"handreiking\.toml") as error:
        parse_kapstok(text.replace(old, new, 1).encode(), "handreiking.toml")
    assert words in str(error.value)


# --- the contract's tables (sections 4 and 5) ------------------------------------------------

AFSCHALEN_WK = ("OGGZ / OOV, in overleg met de casusregisseur; bij meningsverschil de teamleider "
                "Wmo (lokale invulling, niet in de bron)")
ROLES = {
    "handreiking": {
        "AVE1": ("Geen (inwoner heeft zelfregie)", "Geen", "Wethouder", "", 0.80),
        "AVE2": ("Gemeente of uitvoeringsorganisatie", "Gemeente (indien toegevoegd)",
                 "Wethouder", "Gemeente of uitvoeringsorganisatie", 0.15),
        "AVE3": ("Gemeente of uitvoeringsorganisatie", "Zorg- en Veiligheidshuis",
                 "Burgemeester en wethouder", "Procesregisseur Zorg- en Veiligheidshuis", 0.05),
        "AVE4": ("Gemeente of uitvoeringsorganisatie", "Scenarioteam", "Burgemeester",
                 "Scenarioteam", 0.000025),
    },
    "westerkwartier": {  # afschalen door, 1 to 4: AFSCHALEN_WK (contract v3, m9)
        "0": ("Inwoner (zelfregie)", "n.v.t.", "n.v.t.", "", 0.80),
        "1": ("Inwoner", "n.v.t.", "Wethouder", AFSCHALEN_WK, None),
        "2A": ("Zorgverlener / professionele organisatie",
               "Consulent Team Mens en Gezin (Wmo, P-wet, Jeugd)", "Wethouder",
               AFSCHALEN_WK, None),
        "2B": ("Zorgverlener / professionele organisatie / Wmo / P-wet / Jeugd",
               "OGGZ / Team Jeugd", "Wethouder", AFSCHALEN_WK, None),
        "3": ("Zorgverlener / professionele organisatie / Jeugd",
              "OGGZ en/of OOV (indien besloten: Zorg- en Veiligheidshuis)",
              "College van B&W: portefeuillehouder van de dominante problematiek (Jeugdwet, "
              "Wmo, OOV)", AFSCHALEN_WK, None),
        "4": ("In overleg en afstemming vastgesteld; in de regel blijft de casusregisseur "
              "(continuïteit)", "Driehoek (of een afvaardiging of mandaat daarvan)",
              "Burgemeester en wethouders", AFSCHALEN_WK, None),
    },
}


@pytest.mark.parametrize("name", BUNDLED)
def test_every_phase_has_the_roles_of_the_contract(name):
    kapstok = load_kapstok(name)
    assert [p.id for p in kapstok.phases] == list(ROLES[name])
    for phase in kapstok.phases:
        casusregie, procesregie, bestuurlijk, afschalen_door, share = ROLES[name][phase.id]
        assert (phase.roles.casusregie, phase.roles.procesregie, phase.roles.bestuurlijk,
                phase.afschalen_door) == (casusregie, procesregie, bestuurlijk, afschalen_door)
        if share is not None:
            assert phase.expected_share == share


def test_the_versions_and_the_deciders():
    assert load_kapstok("handreiking").version == "2.2.0"
    assert load_kapstok("westerkwartier").version == "1.2.0"
    assert load_kapstok("westerkwartier").meningsverschil_beslisser == "Teamleider Wmo"


def outcome(name: str, **answers):
    kapstok = load_kapstok(name)
    base = {"problematiek": "geen", "effect": "nvt", "meewerken": "ja", "samenwerking": "goed",
            "veiligheid": "nee"}
    full = with_defaults(kapstok, {**base, **answers})
    assert full is not None
    return evaluate(kapstok, full)


@pytest.mark.parametrize(("name", "answers", "phase"), [
    # handreiking, section 4
    ("handreiking", {}, "AVE1"),
    ("handreiking", {"zorgbehoefte": True}, "AVE2"),
    ("handreiking", {"teloorgang": "dreigend"}, "AVE2"),
    ("handreiking", {"onrust": "dreigend"}, "AVE2"),
    ("handreiking", {"onrust": "dreigend", "veiligheid": "ernstig"}, "AVE4"),
    ("handreiking", {"onrust": "dreigend", "problematiek": "complex", "veiligheid": "risico"},
     "AVE4"),
    ("handreiking", {"veiligheid": "acuut"}, "AVE4"),  # one person is enough
    ("handreiking", {"problematiek": "meervoudig", "veiligheid": "ernstig",
                     "effect": "nee"}, "AVE3"),
    ("handreiking", {"problematiek": "meervoudig", "veiligheid": "risico",
                     "effect": "nee"}, "AVE2"),  # no chain-crossing need
    ("handreiking", {"problematiek": "complex", "veiligheid": "twijfel",
                     "samenwerking": "stagneert"}, "AVE2"),  # doubt alone: procesregisseur
    # westerkwartier, section 5
    ("westerkwartier", {"samenwerking": "volledig"}, "0"),
    ("westerkwartier", {"samenwerking": "volledig", "problematiek": "meervoudig"}, "2B"),
    ("westerkwartier", {"samenwerking": "volledig", "veiligheid": "ernstig"}, "4"),
    ("westerkwartier", {"problematiek": "complex"}, "2A"),  # complexity alone is no fase 3
    ("westerkwartier", {"problematiek": "complex", "veiligheid": "risico"}, "3"),
    ("westerkwartier", {"problematiek": "meervoudig", "veiligheid": "risico"}, "2A"),
    ("westerkwartier", {"teloorgang": "ernstig", "problematiek": "meervoudig"}, "2A"),
    ("westerkwartier", {"openbare_orde": "dreigend"}, "3"),
    ("westerkwartier", {"openbare_orde": "ja"}, "4"),
    ("westerkwartier", {"zorgbehoefte": True}, "1"),
    ("westerkwartier", {"media": "mogelijk", "veiligheid": "ernstig"}, "3"),  # v3 (D5)
    ("westerkwartier", {"veiligheid": "acuut"}, "3"),  # v3 (D3): one person
    ("westerkwartier", {"veiligheid": "acuut_meerdere"}, "4"),  # several persons
    ("handreiking", {"veiligheid": "acuut_meerdere"}, "AVE4"),
    ("handreiking", {"veiligheid": "twijfel"}, "AVE1"),  # v3 (D6): a bare suspicion
])
def test_phases_as_the_contract_says(name, answers, phase):
    assert outcome(name, **answers).phase.id == phase


def test_reasons_name_answers_by_label():
    result = outcome("handreiking", onrust="dreigend", samenwerking="volledig")
    assert any("samenwerking: stagneert volledig" in r for r in result.reasons)
    assert not any("= volledig" in r for r in result.reasons)


def test_the_westerkwartier_local_rules():
    minors = outcome("westerkwartier", problematiek="meervoudig", minderjarigen=True)
    assert minors.roles.casusregie == "Jeugdconsulent gemeente"
    assert "Jeugdconsulent gemeente" in minors.in_overleg_met
    assert any("Veilig Thuis" in a.text for a in minors.advice)
    four = outcome("westerkwartier", veiligheid="acuut_meerdere", minderjarigen=True)
    assert four.roles.casusregie == "Jeugdconsulent gemeente (in overleg en afstemming)"
    one = outcome("westerkwartier", problematiek="enkelvoudig", minderjarigen=True)
    assert one.roles.casusregie == "Inwoner" and "Jeugdconsulent gemeente" in one.in_overleg_met
    zvh = outcome("westerkwartier", problematiek="meervoudig", veiligheid="risico")
    assert any("Zorg- en Veiligheidshuis" in a.text for a in zvh.advice)
    stalled = outcome("westerkwartier", problematiek="enkelvoudig", samenwerking="stagneert")
    assert any("procesmanager" in a.text for a in stalled.advice)
    signals = outcome("westerkwartier", signalen=["agressie"])
    assert any("Wmo / OGGZ / Jeugd" in a.text for a in signals.advice)
    # v3: a suspicion, media in fase 3, signals in fase 3
    suspicion = outcome("westerkwartier", veiligheid="twijfel")
    assert suspicion.phase.id == "2A" and any("Meldpunt Bezorgd" in a.text for a in suspicion.advice)
    media = outcome("westerkwartier", problematiek="meervoudig", veiligheid="ernstig", media="ja")
    assert media.phase.id == "3" and any("communicatieadviseur" in a.text for a in media.advice)
    three = outcome("westerkwartier", veiligheid="ernstig", signalen=["meldingen"])
    assert any("bepaal met triage of fase 4 nodig is" in a.text for a in three.advice)


def test_the_handreiking_advice_of_v3():
    one = outcome("handreiking", veiligheid="acuut")
    assert any("crisisdienst, Veilig Thuis of de politie" in a.text for a in one.advice)
    several = outcome("handreiking", veiligheid="acuut_meerdere")
    assert not any("crisisdienst" in a.text for a in several.advice)
    suspicion = outcome("handreiking", veiligheid="twijfel")
    assert suspicion.phase.id == "AVE1"
    assert any("Verifieer het vermoeden" in a.text for a in suspicion.advice)
    stalled = outcome("handreiking", problematiek="meervoudig", samenwerking="stagneert")
    assert any("operationeel verantwoordelijke" in a.text for a in stalled.advice)
    avoiding = outcome("handreiking", problematiek="meervoudig", meewerken="nee")
    assert "procesregie" in [a.role for a in avoiding.advice]
    decline = outcome("handreiking", problematiek="enkelvoudig", teloorgang="dreigend")
    assert "procesregie" in [a.role for a in decline.advice]


# --- properties over the answer space --------------------------------------------------------

@pytest.mark.parametrize("name", BUNDLED)
def test_diff_of_a_kapstok_with_itself_changes_nothing_over_the_whole_space(name):
    kapstok = load_kapstok(name)
    result = casus.diff(kapstok, kapstok)
    assert result.total >= 600_000 and result.changed == 0
    assert sum(result.matrix.values()) == result.total


def test_the_compiled_rules_agree_with_the_rules():
    for name in BUNDLED:
        kapstok = load_kapstok(name)
        fast = casus.phase_function(kapstok)
        keys, domains = casus.answer_space(kapstok)
        import itertools
        for n, combo in enumerate(itertools.product(*domains)):
            if n % 97:
                continue
            answers = dict(zip(keys, combo, strict=False))
            assert fast(answers) == advised_phase(kapstok, answers)[0].id






# --- the outcome carries the new fields ------------------------------------------------------





# --- a bounded diff (issue 24, item 6) --------------------------------------------------------

def _full_diff(old, new):
    """The matrix by evaluating every answer set of the space, one by one (the slow truth)."""
    import itertools

    keys, domains = casus.answer_space(old, new)
    return casus.diff(old, new, (dict(zip(keys, combo, strict=True))
                                 for combo in itertools.product(*domains)))


def _varied(name: str, seed: int):
    """A bundled kapstok with one phase's criteria shuffled into other values (a changed rule)."""
    import random

    import tomli_w
    from test_kapstok import bundled_text

    from ave_cli.core.kapstok import parse_kapstok

    doc = tomllib.loads(bundled_text(name))
    rng = random.Random(seed)
    questions = {q["key"]: q for q in doc["question"]}
    for phase in doc["phase"][1:]:
        for when in phase.get("when", []):
            if "key" in when and rng.random() < 0.5:
                question = questions[when["key"]]
                values = question.get("values", [True, False])
                op = "in" if "in" in when else "not_in"
                when[op] = rng.sample(values, rng.randint(1, len(values)))
    return parse_kapstok(tomli_w.dumps(doc).encode(), f"{name}-{seed}.toml")


@pytest.mark.parametrize("seed", [0])  # the slow truth runs once (issue 25, item 7)
def test_the_grouped_diff_equals_the_answer_set_by_answer_set_diff(seed):
    """The diff over answer groups gives exactly the matrix, total and samples that evaluating
    every answer set gives (so grouping is only faster, never different)."""
    old = load_kapstok("handreiking")
    new = _varied("handreiking", seed)
    grouped, full = casus.diff(old, new), _full_diff(old, new)
    assert (grouped.total, grouped.matrix, grouped.samples) == (
        full.total, full.matrix, full.samples)
    assert grouped.changed  # the variation changed something: the comparison has teeth


def test_a_kapstok_that_repeats_its_conditions_costs_no_more_to_compare():
    """The attack of a kapstok with many conditions: a diff's work is bounded by the answer
    groups, which repeating a condition does not add to."""
    import tomli_w
    from test_kapstok import bundled_text

    from ave_cli.core.kapstok import parse_kapstok

    doc = tomllib.loads(bundled_text())
    top = doc["phase"][-1]
    top["when"] = top["when"] + [dict(top["when"][0]) for _ in range(250)]
    big = parse_kapstok(tomli_w.dumps(doc).encode(), "groot.toml")
    plain = load_kapstok("handreiking")
    assert casus.answer_groups(big, plain)[1] == casus.answer_groups(plain, plain)[1]


def test_a_diff_past_its_bound_says_so():
    plain = load_kapstok("handreiking")
    old_limit = casus.MAX_DIFF_GROUPS
    try:
        casus.MAX_DIFF_GROUPS = 1000
        with pytest.raises(TooLarge, match="ten hoogste 1000"):
            casus.diff(plain, plain)
    finally:
        casus.MAX_DIFF_GROUPS = old_limit
