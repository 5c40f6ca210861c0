"""Every rule of both bundled kapstokken, and the boundaries between phases (AVE-MODEL.md 4-5)."""

from __future__ import annotations

import tomllib

import pytest
from conftest import ROOT

from ave_cli.core.rules import evaluate
from ave_cli.flows.kapstokken import load_kapstok

CALM = {
    "problematiek": "geen", "effect": "nvt", "meewerken": "ja", "samenwerking": "goed",
    "veiligheid": "nee", "openbare_orde": "nee", "onrust": "nee", "media": "nee",
    "teloorgang": "nee", "minderjarigen": False, "signalen": [], "zorgbehoefte": False,
    "ketenaanpak": False,
}
HANDREIKING = load_kapstok("handreiking")
WESTERKWARTIER = load_kapstok("westerkwartier")


def phase_of(kapstok, **changes):
    return evaluate(kapstok, {**CALM, **changes})


HANDREIKING_TABLE = [
    # AVE1: otherwise
    ({}, "AVE1"),
    ({"problematiek": "enkelvoudig", "effect": "ja"}, "AVE1"),
    ({"problematiek": "enkelvoudig", "effect": "nvt"}, "AVE1"),
    ({"signalen": ["meldingen", "agressie"]}, "AVE1"),  # signals alone give advice, no phase
    ({"media": "ja"}, "AVE1"),  # media is no criterion in the Handreiking
    ({"effect": "nee"}, "AVE1"),  # effect only counts with an enkelvoudige vraag
    # AVE2, each ANY condition alone (v2 adds zorgbehoefte, dreigende onrust, teloorgang)
    ({"problematiek": "meervoudig"}, "AVE2"),
    ({"problematiek": "complex"}, "AVE2"),
    ({"problematiek": "enkelvoudig", "effect": "twijfel"}, "AVE2"),  # twijfel escalates
    ({"problematiek": "enkelvoudig", "effect": "nee"}, "AVE2"),
    ({"zorgbehoefte": True}, "AVE2"),
    ({"veiligheid": "twijfel"}, "AVE1"),  # v3 (D6): a bare suspicion stays AVE1
    ({"veiligheid": "twijfel", "problematiek": "enkelvoudig"}, "AVE2"),  # doubt with a problem
    ({"ketenaanpak": True}, "AVE1"),  # ketenaanpak counts nowhere but in AVE3
    ({"veiligheid": "ernstig"}, "AVE2"),  # AVE3 also needs (meervoudige) problematiek
    ({"samenwerking": "twijfel"}, "AVE2"),
    ({"samenwerking": "volledig"}, "AVE2"),
    ({"onrust": "dreigend"}, "AVE2"),  # alone: no threat of total escalation
    ({"teloorgang": "dreigend"}, "AVE2"),
    ({"teloorgang": "ernstig", "media": "ja"}, "AVE2"),
    ({"media": "ja", "veiligheid": "ernstig"}, "AVE2"),
    # AVE3: ALL of (meervoudig|complex), (risico|ernstig), knelpunt, (complex|ernstig)
    ({"problematiek": "meervoudig", "veiligheid": "ernstig", "effect": "nee"}, "AVE3"),
    ({"problematiek": "complex", "veiligheid": "risico", "effect": "nee"}, "AVE3"),
    ({"problematiek": "complex", "veiligheid": "ernstig", "effect": "twijfel"}, "AVE3"),
    ({"problematiek": "complex", "veiligheid": "ernstig", "samenwerking": "volledig"}, "AVE3"),
    # v3 (D1): a resident who avoids care is a knelpunt op inhoud
    ({"problematiek": "complex", "veiligheid": "risico", "meewerken": "nee"}, "AVE3"),
    ({"problematiek": "complex", "veiligheid": "risico", "meewerken": "twijfel"}, "AVE3"),
    # v3 (D2): the annex's fourth criterion asked itself
    ({"problematiek": "meervoudig", "veiligheid": "risico", "samenwerking": "stagneert",
      "ketenaanpak": True}, "AVE3"),
    ({"problematiek": "meervoudig", "veiligheid": "risico", "ketenaanpak": True}, "AVE2"),
    # boundaries: one AVE3 condition missing gives AVE2
    ({"problematiek": "meervoudig", "veiligheid": "risico", "samenwerking": "stagneert"}, "AVE2"),
    ({"problematiek": "complex", "veiligheid": "twijfel", "samenwerking": "twijfel"}, "AVE2"),
    ({"problematiek": "complex", "veiligheid": "nee", "samenwerking": "stagneert"}, "AVE2"),
    ({"problematiek": "complex", "veiligheid": "risico", "samenwerking": "goed", "effect": "ja"},
     "AVE2"),
    # AVE4: ANY
    ({"veiligheid": "acuut"}, "AVE4"),  # one person is enough
    ({"veiligheid": "acuut_meerdere"}, "AVE4"),
    ({"openbare_orde": "dreigend"}, "AVE4"),
    ({"openbare_orde": "ja"}, "AVE4"),
    ({"onrust": "ja"}, "AVE4"),
    ({"onrust": "dreigend", "veiligheid": "ernstig"}, "AVE4"),
    ({"onrust": "dreigend", "samenwerking": "volledig"}, "AVE4"),
    ({"onrust": "dreigend", "problematiek": "complex", "veiligheid": "risico"}, "AVE4"),
    ({"onrust": "dreigend", "problematiek": "meervoudig", "veiligheid": "risico"}, "AVE2"),
]


@pytest.mark.parametrize(("changes", "expected"), HANDREIKING_TABLE)
def test_handreiking_rules(changes, expected):
    assert phase_of(HANDREIKING, **changes).phase.id == expected


WESTERKWARTIER_TABLE = [
    ({}, "0"),
    ({"signalen": ["verward"]}, "0"),
    ({"samenwerking": "stagneert"}, "0"),
    ({"samenwerking": "volledig"}, "0"),  # only on top of serious unsafety (fase 4)
    ({"problematiek": "enkelvoudig"}, "1"),
    ({"zorgbehoefte": True}, "1"),
    ({"problematiek": "enkelvoudig", "effect": "nee", "samenwerking": "stagneert"}, "1"),
    ({"problematiek": "enkelvoudig", "meewerken": "nee"}, "1"),  # 2B needs meervoudig
    ({"teloorgang": "dreigend", "problematiek": "enkelvoudig"}, "1"),
    ({"problematiek": "meervoudig"}, "2A"),
    ({"problematiek": "complex"}, "2A"),  # complexity alone is no fase 3
    ({"veiligheid": "twijfel"}, "2A"),
    ({"veiligheid": "risico"}, "2A"),
    ({"problematiek": "meervoudig", "veiligheid": "risico"}, "2A"),  # with ZVH consultation
    ({"teloorgang": "dreigend", "problematiek": "meervoudig"}, "2A"),  # no unsafety
    ({"teloorgang": "ernstig", "problematiek": "complex"}, "2A"),
    ({"teloorgang": "ernstig", "veiligheid": "twijfel"}, "2A"),
    ({"media": "ja", "veiligheid": "risico"}, "2A"),
    ({"problematiek": "meervoudig", "meewerken": "twijfel"}, "2B"),
    ({"problematiek": "meervoudig", "meewerken": "nee"}, "2B"),
    ({"problematiek": "meervoudig", "samenwerking": "twijfel"}, "2B"),
    ({"problematiek": "meervoudig", "samenwerking": "stagneert"}, "2B"),
    ({"veiligheid": "risico", "meewerken": "nee"}, "2A"),  # v3 (D4): 2B needs meervoudig
    ({"problematiek": "enkelvoudig", "veiligheid": "risico", "samenwerking": "volledig"}, "2A"),
    ({"problematiek": "meervoudig", "ketenaanpak": True}, "2A"),  # never without unsafety
    ({"ketenaanpak": True, "veiligheid": "risico"}, "2A"),  # nor without meervoudig
    ({"veiligheid": "ernstig"}, "3"),
    ({"openbare_orde": "dreigend"}, "3"),
    ({"problematiek": "complex", "veiligheid": "twijfel"}, "3"),
    ({"problematiek": "complex", "veiligheid": "risico"}, "3"),
    ({"teloorgang": "dreigend", "problematiek": "meervoudig", "veiligheid": "twijfel"}, "3"),
    ({"ketenaanpak": True, "problematiek": "meervoudig", "veiligheid": "twijfel"}, "3"),  # D2
    ({"ketenaanpak": True, "problematiek": "complex", "veiligheid": "risico"}, "3"),
    ({"veiligheid": "acuut"}, "3"),  # v3 (D3): acute danger to one person is local unsafety
    ({"media": "mogelijk", "veiligheid": "ernstig"}, "3"),  # v3 (D5): media alone is no 4
    ({"media": "ja", "veiligheid": "acuut"}, "3"),
    ({"veiligheid": "acuut_meerdere"}, "4"),
    ({"openbare_orde": "ja"}, "4"),
    ({"onrust": "dreigend"}, "4"),
    ({"onrust": "ja"}, "4"),
    ({"samenwerking": "volledig", "veiligheid": "ernstig"}, "4"),
    ({"samenwerking": "volledig", "veiligheid": "acuut"}, "4"),
    ({"teloorgang": "ernstig", "veiligheid": "risico"}, "4"),
    ({"teloorgang": "ernstig", "veiligheid": "ernstig"}, "4"),
    ({"teloorgang": "ernstig", "veiligheid": "acuut"}, "4"),
]


@pytest.mark.parametrize(("changes", "expected"), WESTERKWARTIER_TABLE)
def test_westerkwartier_rules(changes, expected):
    assert phase_of(WESTERKWARTIER, **changes).phase.id == expected


def test_no_westerkwartier_rule_for_3_looks_at_samenwerking():
    phase3 = WESTERKWARTIER.find_phase("3")
    assert "key='samenwerking'" not in repr(phase3.criteria)
    assert "key='veiligheid'" in repr(phase3.criteria)  # (the look itself can fail)


def test_every_condition_that_held_is_a_reason():
    outcome = phase_of(HANDREIKING, veiligheid="acuut", openbare_orde="ja", onrust="ja")
    assert outcome.reasons == (
        "(Dreiging van) acute onveiligheid: vanuit alle fases kan naar AVE4 worden opgeschaald "
        "(veiligheid: (dreiging van) acute onveiligheid voor één persoon)",
        "(Dreigende) verstoring van de openbare orde: vanuit elke fase naar AVE4 "
        "(openbare_orde: ja)",
        "Maatschappelijke onrust (onrust: ja)",
    )


def test_otherwise_phase_gives_its_reason():
    assert phase_of(HANDREIKING).reasons == (
        "Geen criteria voor een hogere fase: problemen worden voorkomen en vroeg gesignaleerd, "
        "enkelvoudige vragen",)


@pytest.mark.parametrize(("changes", "advised"), [
    ({"problematiek": "meervoudig"}, False),
    ({"problematiek": "meervoudig", "samenwerking": "twijfel"}, True),
    ({"problematiek": "meervoudig", "effect": "nee"}, True),
    ({"problematiek": "meervoudig", "veiligheid": "twijfel"}, True),
    ({"veiligheid": "ernstig"}, True),
    ({"problematiek": "complex", "veiligheid": "risico", "effect": "nee"}, False),  # AVE3: no advice
])
def test_handreiking_vertical_advice_in_ave2(changes, advised):
    outcome = phase_of(HANDREIKING, **changes)
    roles = [a.role for a in outcome.advice]
    assert ("procesregie" in roles) is advised
    if advised:
        assert outcome.phase.id == "AVE2"
        assert outcome.advice[0].reasons  # says why


@pytest.mark.parametrize(("changes", "phase", "casusregie", "jeugd_in_overleg", "youth_route"), [
    ({"problematiek": "enkelvoudig"}, "1", "Inwoner", True, False),
    ({"problematiek": "meervoudig"}, "2A", "Jeugdconsulent gemeente", True, True),
    ({"problematiek": "meervoudig", "meewerken": "nee"}, "2B", "Jeugdconsulent gemeente", False, True),
    ({"problematiek": "complex", "veiligheid": "risico"}, "3", "Jeugdconsulent gemeente", False,
     True),
    ({"veiligheid": "acuut_meerdere"}, "4", "Jeugdconsulent gemeente (in overleg en afstemming)",
     False, True),
    ({}, "0", "Inwoner (zelfregie)", False, False),
])
def test_westerkwartier_minors_rule(changes, phase, casusregie, jeugd_in_overleg, youth_route):
    with_minors = phase_of(WESTERKWARTIER, minderjarigen=True, **changes)
    assert with_minors.phase.id == phase
    assert with_minors.roles.casusregie == casusregie
    assert ("Jeugdconsulent gemeente" in with_minors.in_overleg_met) is jeugd_in_overleg
    assert any("Jeugdroute" in a.text for a in with_minors.advice) is youth_route
    without = phase_of(WESTERKWARTIER, minderjarigen=False, **changes)
    assert without.roles.casusregie == WESTERKWARTIER.find_phase(phase).roles.casusregie
    assert "Jeugdconsulent gemeente" not in without.in_overleg_met
    assert not any("Jeugdroute" in a.text or "jeugd" in a.text for a in without.advice)


def test_role_override_is_reported_as_a_reason():
    outcome = phase_of(WESTERKWARTIER, minderjarigen=True, problematiek="meervoudig")
    assert any(r.startswith("Lokale regel: Minderjarigen") for r in outcome.reasons)


OPERATIONEEL = "Leidinggevende van de casus- en procesregisseur (organisatie of gemeente)"


@pytest.mark.parametrize(("kapstok", "phase", "casus", "proces", "operationeel", "bestuurlijk"), [
    (HANDREIKING, "AVE1", "Geen (inwoner heeft zelfregie)", "Geen", "— (geen casus)", "Wethouder"),
    (HANDREIKING, "AVE2", "Gemeente of uitvoeringsorganisatie",
     "Gemeente (indien toegevoegd)", OPERATIONEEL, "Wethouder"),
    (HANDREIKING, "AVE3", "Gemeente of uitvoeringsorganisatie", "Zorg- en Veiligheidshuis",
     OPERATIONEEL, "Burgemeester en wethouder"),
    (HANDREIKING, "AVE4", "Gemeente of uitvoeringsorganisatie", "Scenarioteam", OPERATIONEEL,
     "Burgemeester"),
    (WESTERKWARTIER, "1", "Inwoner", "n.v.t.", "Gemeente / professionele organisatie",
     "Wethouder"),
    (WESTERKWARTIER, "2B", "Zorgverlener / professionele organisatie / Wmo / P-wet / Jeugd",
     "OGGZ / Team Jeugd", "Gemeente", "Wethouder"),
    (WESTERKWARTIER, "4", "In overleg en afstemming vastgesteld; in de regel blijft de "
     "casusregisseur (continuïteit)", "Driehoek (of een afvaardiging of mandaat daarvan)",
     "Gemeente", "Burgemeester en wethouders"),
])
def test_roles_per_phase_follow_the_model(kapstok, phase, casus, proces, operationeel, bestuurlijk):
    roles = kapstok.find_phase(phase).roles
    assert (roles.casusregie, roles.procesregie, roles.operationeel, roles.bestuurlijk) == (
        casus, proces, operationeel, bestuurlijk)


def _trace_of(name: str):
    from ave_cli.core.rules import trace, with_defaults
    from ave_cli.flows.kapstokken import load_kapstok

    kapstok = load_kapstok("handreiking")
    path = ROOT / "examples" / "answers" / "handreiking" / name
    return trace(kapstok, with_defaults(kapstok, tomllib.loads(path.read_text("utf-8"))))


def test_trace_walks_down_from_the_top_and_stops_at_the_phase_reached():
    """ave2.toml by hand: AVE4's four any-criteria all fail, AVE3's all-criteria fail on
    safety and collaboration, AVE2 is reached by its first criterion; AVE1 is not walked."""
    steps = _trace_of("ave2.toml")
    assert [(s.phase, s.match, s.held, s.reached) for s in steps] == [
        ("AVE4", "any", False, False)] * 4 + [
        ("AVE3", "all", True, False), ("AVE3", "all", False, False),
        ("AVE3", "all", False, False), ("AVE3", "all", False, False),
        ("AVE2", "any", True, True)] + [("AVE2", "any", False, True)] * 7
    assert steps[0].reason.startswith("(Dreiging van) acute onveiligheid")
    assert steps[0].answers == "veiligheid: nee"
    assert steps[6].answers == "samenwerking: goed; effect: ja; meewerken: ja"  # each key once
    assert steps[8].answers == ("problematiek: meervoudig: meerdere vragen die elkaar "
                                "versterken")  # the label beside the key
    assert steps[10].answers == "zorgbehoefte: nee"  # a yes/no answer as its label


def test_trace_ends_at_the_otherwise_phase():
    steps = _trace_of("ave1.toml")
    assert [s.phase for s in steps][-1] == "AVE1"
    last = steps[-1]
    assert (last.match, last.held, last.reached, last.answers) == ("otherwise", True, True, "")
    assert last.reason and all(not s.reached for s in steps if s.phase != "AVE1")
    assert not any(s.held for s in steps if s.phase in ("AVE4", "AVE3"))


def test_shown_gives_the_label_a_person_reads():
    from ave_cli.core.rules import shown

    k = HANDREIKING
    assert shown(k, "signalen", ["agressie", "meldingen"]) == (
        "angst en agressie, snelle toename van meldingen")
    assert shown(k, "signalen", []) == "geen"
    assert shown(k, "zorgbehoefte", True) == "ja" and shown(k, "zorgbehoefte", False) == "nee"
    assert shown(k, "veiligheid", None) == "-"
    assert shown(k, "veiligheid", "risico") == k.question("veiligheid").label("risico")
    assert shown(k, "onbekend", "x") == "x" and shown(k, "onbekend", ["a", "b"]) == "a, b"


def test_a_reason_names_every_answer_behind_a_nested_condition():
    """AVE3 under the Handreiking: every fact of the all-group, each once, joined by '; '."""
    from ave_cli.core.rules import with_defaults

    answers = with_defaults(HANDREIKING, {
        "problematiek": "complex", "effect": "nee", "meewerken": "ja",
        "samenwerking": "stagneert", "veiligheid": "risico"})
    outcome = evaluate(HANDREIKING, answers)
    assert outcome.phase.id == "AVE3"
    knelpunt = next(r for r in outcome.reasons if r.startswith("Er is een knelpunt"))
    assert knelpunt.endswith("(samenwerking: stagneert; effect: nee)")
    assert outcome.next_phase is not None and outcome.next_phase.id == "AVE4"
    top = evaluate(HANDREIKING, with_defaults(HANDREIKING, {**answers, "veiligheid": "acuut"}))
    assert top.phase.id == "AVE4" and top.next_phase is None


def test_a_multi_answer_holds_when_any_chosen_value_is_listed():
    from ave_cli.core.model import Leaf
    from ave_cli.core.rules import holds

    leaf = Leaf("signalen", ("agressie",))
    assert holds(leaf, {"signalen": ["meldingen", "agressie"]}) is True
    assert holds(leaf, {"signalen": ["meldingen"]}) is False
    assert holds(Leaf("signalen", ("agressie",), negate=True), {"signalen": ["meldingen"]})


def test_a_local_rule_reason_carries_its_facts():
    from ave_cli.core.rules import outcome_for_phase, with_defaults

    k = load_kapstok("westerkwartier")
    answers = with_defaults(k, {"problematiek": "meervoudig", "effect": "ja", "meewerken": "ja",
                                "samenwerking": "goed", "veiligheid": "nee",
                                "minderjarigen": True})
    outcome = outcome_for_phase(k, k.find_phase("3"), answers, ())
    assert outcome.roles.casusregie == "Jeugdconsulent gemeente"
    assert any(r.startswith("Lokale regel: Minderjarigen betrokken") and
               r.endswith("(minderjarigen: ja)") for r in outcome.reasons), outcome.reasons
