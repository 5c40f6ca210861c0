"""Kapstok files are validated on load; every error names the file, the place and the problem."""

from __future__ import annotations

import pytest

from ave_cli.core.kapstok import parse_kapstok
from ave_cli.core.messages import KapstokError
from ave_cli.flows.kapstokken import bundled_kapstokken, load_kapstok

BUNDLED = (load_kapstok("handreiking").source, load_kapstok("westerkwartier").source)


def bundled_text(name: str = "handreiking") -> str:
    from importlib import resources

    return (resources.files("ave_cli.config") / f"{name}.toml").read_text(encoding="utf-8")


def test_bundled_kapstokken_are_listed_and_load():
    assert bundled_kapstokken() == ["handreiking", "westerkwartier"]
    assert [p.id for p in load_kapstok("handreiking").phases] == ["AVE1", "AVE2", "AVE3", "AVE4"]
    assert [p.id for p in load_kapstok("WESTERKWARTIER").phases] == ["0", "1", "2A", "2B", "3", "4"]


def test_canonical_questions_in_both_kapstokken():
    keys = ["problematiek", "zorgbehoefte", "ketenaanpak", "effect", "meewerken", "samenwerking",
            "veiligheid",
            "openbare_orde",
            "onrust", "media", "teloorgang", "minderjarigen", "signalen"]
    for name in bundled_kapstokken():
        assert [q.key for q in load_kapstok(name).questions] == keys


def test_a_kapstok_file_by_path(tmp_path):
    path = tmp_path / "mijngemeente.toml"
    path.write_text(bundled_text().replace('name = "handreiking"', 'name = "mijngemeente"'),
                    encoding="utf-8")
    kapstok = load_kapstok(str(path))
    assert kapstok.name == "mijngemeente"
    assert kapstok.sha256 != load_kapstok("handreiking").sha256


@pytest.mark.parametrize(("old", "new", "place", "problem"), [
    ('title = "Handreiking AVE 2.0"', 'title = "x"\nkleur = "rood"', "", "onbekende sleutel 'kleur'"),
    ('key = "veiligheid"\nin = ["acuut", "acuut_meerdere"]', 'key = "veilig"\nin = ["acuut"]',
     "phase 'AVE4'.when[1]", "onbekende vraag 'veilig'"),
    ('key = "veiligheid"\nin = ["acuut", "acuut_meerdere"]',
     'key = "veiligheid"\nin = ["heel erg"]',
     "phase 'AVE4'.when[1]", "onbekende waarde 'heel erg' voor 'veiligheid'"),
    ('id = "AVE4"', 'id = "AVE3"', "phase 'AVE3'", "twee keer"),
    ('procesregie = "Scenarioteam"\n', '', "phase 'AVE4'", "rol 'procesregie' ontbreekt"),
    ('review_days = 14\nlong_in_phase_days = 90\nmatch = "all"',
     'review_days = 14\nlong_in_phase_days = 90\nmatch = "most"', "phase 'AVE3'", "'match' moet"),
    ('colour = "yellow"', 'colour = "geel!"', "phase 'AVE2'", "kleur"),
    ('phases = ["AVE2"]', 'phases = ["AVE9"]', "local_rule[1]", "onbekende fase 'AVE9'"),
    ('type = "multi"', 'type = "many"', "question 'signalen'", "type 'many'"),
    ('default = "nee"', 'default = "soms"', "question 'openbare_orde'", "waarde 'soms'"),
])
def test_invalid_kapstok_names_file_place_and_problem(old, new, place, problem):
    text = bundled_text()
    assert old in text
    with pytest.raises(KapstokError) as info:
        parse_kapstok(text.replace(old, new, 1).encode(), "kapstok.toml")
    message = str(info.value)
    assert message.startswith("ongeldige kapstok kapstok.toml: ")
    assert place in message and problem in message


def test_a_phase_without_roles_is_refused():
    text = bundled_text()
    for line in ('casusregie = "Gemeente of uitvoeringsorganisatie"\n'
                 'procesregie = "Gemeente (indien toegevoegd)"\n',):
        assert line in text
        text = text.replace(line, "")
    with pytest.raises(KapstokError, match="phase 'AVE2': rol 'casusregie' ontbreekt"):
        parse_kapstok(text.encode(), "k.toml")


@pytest.mark.parametrize(("data", "problem"), [
    (b"name = [", "geen geldige TOML"),
    (b"\xff\xfe", "geen UTF-8"),
    (b'name = "x"\nversion = "1"\n', "geen vragen"),
])
def test_broken_kapstok_files(data, problem):
    with pytest.raises(KapstokError, match=problem):
        parse_kapstok(data, "k.toml")


def test_unknown_bundled_name_lists_the_choices():
    with pytest.raises(KapstokError, match="onbekende kapstok 'groningen'; kies uit handreiking, "
                                           "westerkwartier"):
        load_kapstok("groningen")


def test_missing_kapstok_file(tmp_path):
    with pytest.raises(KapstokError, match="bestaat niet"):
        load_kapstok(str(tmp_path / "weg.toml"))


def test_a_long_kapstok_text_is_guarded_too():
    """Kapstok texts have no length limit, but a BSN in a long one is still refused."""
    text = bundled_text().replace('title = "', f'title = "{"x " * 2500}bsn 123 456 782 ', 1)
    with pytest.raises(KapstokError, match="title: bevat een nummer dat op een BSN lijkt"):
        parse_kapstok(text.encode(), "k.toml")
    long_ok = bundled_text().replace('title = "', f'title = "{"x " * 2500}', 1)
    assert parse_kapstok(long_ok.encode(), "k.toml").title.startswith("x x")


# --- the tables mutation testing found thin: casuistiek and English texts ---------------------

SHAPE = "moet dezelfde vorm hebben als"
NEXT = len(load_kapstok("handreiking").casus) + 1  # the place of a casus added at the end


def _effect(doc):
    """The question `effect` of a kapstok document (found by its key, not its place)."""
    return next(q for q in doc["question"] if q["key"] == "effect")

CASUS = ('\n[[casus]]\nnaam = "Proef"\nverhaal = "v"\nbron = "b"\nanswers = { problematiek = '
         '"enkelvoudig", effect = "ja", meewerken = "ja", samenwerking = "goed", veiligheid = '
         '"nee" }\n')
HALF = '\n[[casus]]\nnaam = "P"\n'
ANSWERS = ('answers = { problematiek = "enkelvoudig", effect = "ja", meewerken = "ja", '
           'samenwerking = "goed", veiligheid = "nee" }\n')


@pytest.mark.parametrize("extra, message", [
    (HALF.replace('naam = "P"', 'verhaal = "v"'), f"casus[{NEXT}]: 'naam' ontbreekt"),
    (HALF.replace('"P"', "3"), f"casus[{NEXT}]: 'naam' moet tekst zijn"),
    (HALF + 'bron = "b"\n' + ANSWERS + 'verwacht = { fase = "AVE1" }\n',
     "casus 'P': 'verhaal' ontbreekt"),
    (HALF + 'verhaal = "v"\n' + ANSWERS + 'verwacht = { fase = "AVE1" }\n',
     "casus 'P': 'bron' ontbreekt"),
    (HALF + 'verhaal = "v"\nbron = "b"\nverwacht = { fase = "AVE1" }\n',
     "casus 'P'.answers: antwoord ontbreekt voor 'problematiek' (die vraag heeft geen "
     "standaardwaarde)"),
    (HALF + 'verhaal = "v"\nbron = "b"\nanswers = 3\n', "casus 'P'.answers: verwacht een tabel"),
    (CASUS.replace('veiligheid = "nee"', 'veiligheid = "soms"') + 'verwacht = { fase = "AVE1" }\n',
     "casus 'Proef'.answers.veiligheid: waarde 'soms' past niet bij de vraag (toegestaan: nee, "
     "twijfel, risico, ernstig, acuut, acuut_meerdere)"),
    (CASUS, "casus 'Proef'.verwacht: verwacht een tabel"),
    (CASUS + 'verwacht = { casusregie = "x" }\n', "casus 'Proef'.verwacht: 'fase' ontbreekt"),
    (CASUS + 'verwacht = { fase = "AVE9" }\n',
     "casus 'Proef'.verwacht: fase 'AVE9' bestaat niet in deze kapstok (fasen: AVE1, AVE2, AVE3, "
     "AVE4)"),
    (CASUS + 'verwacht = { fase = "AVE1", casusregie = 1 }\n',
     "casus 'Proef'.verwacht: 'casusregie' moet tekst zijn"),
    (CASUS + 'verwacht = { fase = "AVE1", procesregie = 1 }\n',
     "casus 'Proef'.verwacht: 'procesregie' moet tekst zijn"),
    (CASUS + 'verwacht = { fase = "AVE1", in_overleg_met_bevat = 1 }\n',
     "casus 'Proef'.verwacht: 'in_overleg_met_bevat' moet een lijst van teksten zijn"),
    (CASUS + 'verwacht = { fase = "AVE1", advies_bevat = [1] }\n',
     "casus 'Proef'.verwacht: 'advies_bevat' moet een lijst van teksten zijn"),
])
def test_a_broken_casus_names_its_exact_place(extra, message):
    with pytest.raises(KapstokError) as error:
        parse_kapstok((bundled_text() + extra).encode(), "k.toml")
    assert str(error.value) == f"ongeldige kapstok k.toml: {message}"


def test_a_casus_reads_every_expectation():
    expect = ('verwacht = { fase = "ave1", casusregie = "C", procesregie = "P", '
              'in_overleg_met_bevat = "wijkteam", advies_bevat = ["a", "b"] }\n')
    casus = parse_kapstok((bundled_text() + CASUS + expect).encode(), "k.toml").casus[-1]
    assert (casus.naam, casus.verhaal, casus.bron, casus.fase, casus.casusregie,
            casus.procesregie, casus.in_overleg_met_bevat, casus.advies_bevat) == (
        "Proef", "v", "b", "ave1", "C", "P", ("wijkteam",), ("a", "b"))
    assert casus.answers == {"problematiek": "enkelvoudig", "effect": "ja", "meewerken": "ja",
                             "samenwerking": "goed", "veiligheid": "nee"}
    bare = parse_kapstok((bundled_text() + CASUS + 'verwacht = { fase = "AVE1" }\n').encode(),
                         "k.toml").casus[-1]
    assert (bare.casusregie, bare.procesregie, bare.in_overleg_met_bevat,
            bare.advies_bevat) == ("", "", (), ())


def _edited(change) -> str:
    import tomllib

    import tomli_w

    doc = tomllib.loads(bundled_text())
    change(doc)
    return tomli_w.dumps(doc)


@pytest.mark.parametrize("change, place, key", [
    (lambda d: d.update(title_en=["x"]), "title_en", "title"),
    (lambda d: d.update(notes_en=d["notes_en"][:-1]), "notes_en", "notes"),
    (lambda d: d.update(notes_en=[1] * len(d["notes"])), "notes_en", "notes"),
    (lambda d: d["question"][0].update(labels_en={"x": "y"}), "question[1].labels_en", "labels"),
    (lambda d: d["question"][0].update(labels_en={k: 1 for k in d["question"][0]["labels"]}),
     "question[1].labels_en", "labels"),
    (lambda d: d["question"][1].update(text_en=3), "question[2].text_en", "text"),
    (lambda d: d["question"][1].pop("help"), "question[2].help_en", "help"),
    (lambda d: d["phase"][1].update(label_en=["x"]), "phase[2].label_en", "label"),
    (lambda d: d["phase"][1]["when"][0].update(reason_en=["x"]), "phase[2].when[1].reason_en",
     "reason"),
    (lambda d: d["local_rule"][0].update(advice_en=[]), "local_rule[1].advice_en", "advice"),
    (lambda d: d["begrip"][1].update(text_en=["x"]), "begrip[2].text_en", "text"),
])
def test_an_english_text_of_another_shape_names_its_place(change, place, key):
    with pytest.raises(KapstokError) as error:
        parse_kapstok(_edited(change).encode(), "k.toml")
    assert str(error.value) == (
        f"ongeldige kapstok k.toml: {place}: '{key}_en' {SHAPE} '{key}' (tekst, lijst even "
        "lang, of tabel met dezelfde sleutels)")


def test_every_english_text_is_paired_with_its_dutch_one():
    import tomllib

    doc = tomllib.loads(bundled_text())
    english = load_kapstok("handreiking").english
    question, phase, rule, begrip = (doc["question"][0], doc["phase"][1], doc["local_rule"][0],
                                     doc["begrip"][0])
    pairs = {doc["title"]: doc["title_en"], doc["description"]: doc["description_en"],
             **dict(zip(doc["notes"], doc["notes_en"], strict=True)),
             question["text"]: question["text_en"], question["help"]: question["help_en"],
             **{question["labels"][k]: question["labels_en"][k] for k in question["labels"]},
             phase["label"]: phase["label_en"],
             phase["when"][0]["reason"]: phase["when"][0]["reason_en"],
             rule["reason"]: rule["reason_en"],
             rule["advice"]: rule["advice_en"],
             begrip["text"]: begrip["text_en"]}
    assert {nl: english.get(nl) for nl in pairs} == pairs
    assert doc["phase"][1]["id"] not in english  # ids, roles and names are not translated
    assert load_kapstok("handreiking").title == doc["title"]


def test_a_kapstok_without_english_texts_has_none():
    import re

    text = re.sub(r"(?m)^\w+_en = (\[[^\]]*\]|\{[^}]*\}|\".*\")\n", "", bundled_text())
    assert "_en =" not in text
    assert parse_kapstok(text.encode(), "k.toml").english == {}


# --- every field of a phase, as the file gives it ---------------------------------------------

RICH = {"label": "Rijk", "opschalen_door": "Teamleider", "opschalen_criteria": "Als het erger wordt",
        "afschalen_criteria": ["Het gaat beter", "Iedereen werkt mee"], "notes": ["Eén", "Twee"],
        "review_days": 14, "long_in_phase_days": 90, "requires_casusregie": False,
        "share": "enkele procenten", "expected_share": 0.05, "afschalen_door": "Procesregisseur",
        "in_overleg_met": ["GGD", "Politie"], "description": "Een rijke fase", "colour": "#123abc"}


def _phase_from_toml(p: dict, lowest: bool):
    """What the loader must make of one [[phase]] table: every field from its own key."""
    from ave_cli.core.model import ROLE_KEYS

    return {
        "id": p["id"], "label": p.get("label") or p["id"], "colour": p["colour"],
        "description": p["description"], "roles": {k: p[k] for k in ROLE_KEYS},
        "in_overleg_met": tuple(p.get("in_overleg_met", [])),
        "opschalen_door": p.get("opschalen_door", ""),
        "opschalen_criteria": p.get("opschalen_criteria", ""),
        "afschalen_criteria": ((p["afschalen_criteria"],) if isinstance(
            p.get("afschalen_criteria"), str) else tuple(p.get("afschalen_criteria", []))),
        "match": "otherwise" if lowest else p.get("match", "any"),
        "reasons": tuple(w["reason"] for w in p.get("when", [])),
        "otherwise_reason": p.get("otherwise", "") if lowest else "",
        "notes": tuple(p.get("notes", [])), "review_days": p.get("review_days"),
        "long_in_phase_days": p.get("long_in_phase_days"),
        "requires_casusregie": p.get("requires_casusregie", True), "share": p.get("share", ""),
        "expected_share": p.get("expected_share"), "afschalen_door": p.get("afschalen_door", ""),
    }


def _phase_as_loaded(phase) -> dict:
    from dataclasses import asdict

    found = asdict(phase)
    found["reasons"] = tuple(c.reason for c in phase.criteria)
    del found["criteria"]
    return found


@pytest.mark.parametrize("name, rich", [("handreiking", False), ("westerkwartier", False),
                                        ("handreiking", True)])
def test_every_phase_field_is_read_from_its_own_key(name, rich):
    import tomllib

    import tomli_w

    doc = tomllib.loads(bundled_text(name))
    if rich:  # every optional field given, none at its default
        for p in doc["phase"]:
            for key in [k for k in p if k.endswith("_en")]:
                del p[key]
            p.update(RICH)
        doc["phase"][1]["match"] = "all"
        doc["phase"][0]["afschalen_criteria"] = "Eén tekst"
    kapstok = parse_kapstok(tomli_w.dumps(doc).encode(), "k.toml")
    assert [_phase_as_loaded(p) for p in kapstok.phases] == [
        _phase_from_toml(p, i == 0) for i, p in enumerate(doc["phase"])]


def _phase_error(change) -> str:
    with pytest.raises(KapstokError) as error:
        parse_kapstok(_edited(change).encode(), "k.toml")
    return str(error.value).removeprefix("ongeldige kapstok k.toml: ")


@pytest.mark.parametrize("change, message", [
    (lambda d: d.pop("phase"), "phase: de kapstok heeft geen fasen"),
    (lambda d: d.update(phase={"id": "x"}), "phase: verwacht een lijst van tabellen ([[...]])"),
    (lambda d: d["phase"].__setitem__(1, "x"), "phase[2]: verwacht een tabel"),
    (lambda d: d["phase"][1].pop("id"), "phase[2]: 'id' ontbreekt"),
    (lambda d: d["phase"][1].update(id="ave1"), "phase 'ave1': deze fase staat er twee keer in"),
    (lambda d: d["phase"][1].update(colour=3), "phase 'AVE2': 'colour' moet tekst zijn"),
    (lambda d: d["phase"][1].update(colour="rood!"),
     "phase 'AVE2': kleur 'rood!' is geen kleurnaam of #rrggbb"),
    (lambda d: d["phase"][0].update(match="any"),
     "phase 'AVE1': de laagste fase geldt 'otherwise' en heeft geen 'when'"),
    (lambda d: d["phase"][0].update(when=[]),
     "phase 'AVE1': de laagste fase geldt 'otherwise' en heeft geen 'when'"),
    (lambda d: d["phase"][0].pop("otherwise"), "phase 'AVE1': 'otherwise' ontbreekt"),
    (lambda d: d["phase"][0].update(otherwise=1), "phase 'AVE1': 'otherwise' moet tekst zijn"),
    (lambda d: d["phase"][1].update(otherwise="x"),
     "phase 'AVE2': alleen de laagste fase mag 'otherwise' hebben"),
    (lambda d: d["phase"][1].update(match="some"),
     "phase 'AVE2': 'match' moet \"any\" of \"all\" zijn"),
    (lambda d: d["phase"][1].update(when={"key": "x"}),
     "phase 'AVE2'.when: verwacht een lijst van tabellen ([[...]])"),
    (lambda d: d["phase"][1].pop("when"), "phase 'AVE2': de fase heeft geen regels ([[phase.when]])"),
    (lambda d: d["phase"][1]["when"][1].pop("reason"), "phase 'AVE2'.when[2]: 'reason' ontbreekt"),
    (lambda d: d["phase"][1]["when"][1].update(wie="x"),
     "phase 'AVE2'.when[2]: onbekende sleutel 'wie' (toegestaan: all, any, in, key, not_in, "
     "reason, reason_en)"),
    (lambda d: d["phase"][1].update(requires_casusregie="ja"),
     "phase 'AVE2': 'requires_casusregie' moet true of false zijn"),
    (lambda d: d["phase"][1].update(label=1), "phase 'AVE2': 'label' moet tekst zijn"),
    (lambda d: d["phase"][1].pop("description"), "phase 'AVE2': 'description' ontbreekt"),
    (lambda d: d["phase"][1].update(casusregie=""), "phase 'AVE2': 'casusregie' is leeg"),
    (lambda d: d["phase"][1].update(in_overleg_met="GGD"),
     "phase 'AVE2': 'in_overleg_met' moet een lijst van teksten zijn"),
    (lambda d: d["phase"][1].update(opschalen_door=1), "phase 'AVE2': 'opschalen_door' moet tekst zijn"),
    (lambda d: d["phase"][1].update(opschalen_criteria=[]),
     "phase 'AVE2': 'opschalen_criteria' moet tekst zijn"),
    (lambda d: d["phase"][1].update(afschalen_criteria=[1]),
     "phase 'AVE2': 'afschalen_criteria' moet een lijst van teksten zijn"),
    (lambda d: d["phase"][1].update(notes="x"), "phase 'AVE2': 'notes' moet een lijst van teksten zijn"),
    (lambda d: d["phase"][1].update(review_days=0),
     "phase 'AVE2': 'review_days' moet een positief aantal dagen zijn"),
    (lambda d: d["phase"][1].update(review_days=True),
     "phase 'AVE2': 'review_days' moet een positief aantal dagen zijn"),
    (lambda d: d["phase"][1].update(long_in_phase_days="30"),
     "phase 'AVE2': 'long_in_phase_days' moet een positief aantal dagen zijn"),
    (lambda d: d["phase"][1].update(share=1), "phase 'AVE2': 'share' moet tekst zijn"),
    (lambda d: d["phase"][1].update(expected_share=1.5),
     "phase 'AVE2': 'expected_share' moet een getal van 0 tot en met 1 zijn (een aandeel van de "
     "huishoudens, 0.15 voor 15%)"),
    (lambda d: d["phase"][1].update(expected_share=True),
     "phase 'AVE2': 'expected_share' moet een getal van 0 tot en met 1 zijn (een aandeel van de "
     "huishoudens, 0.15 voor 15%)"),
    (lambda d: d["phase"][1].update(afschalen_door=1), "phase 'AVE2': 'afschalen_door' moet tekst zijn"),
])
def test_a_broken_phase_names_its_exact_place(change, message):
    assert _phase_error(change) == message


@pytest.mark.parametrize("key, value, ok, problem", [
    *[("review_days", value, ok, "positief aantal dagen") for value, ok in
      [(1, True), (0, False), (-3, False), (True, False), (2.5, False), ("7", False)]],
    *[("expected_share", value, ok, "expected_share") for value, ok in
      [(0, True), (1, True), (0.5, True), (-0.01, False), (1.01, False), (False, False),
       ("0.5", False)]],
])
def test_days_are_positive_whole_numbers_and_a_share_a_fraction(key, value, ok, problem):
    def change(d):
        d["phase"][1][key] = value

    if ok:
        assert getattr(parse_kapstok(_edited(change).encode(), "k.toml").phases[1], key) == value
    else:
        assert problem in _phase_error(change)


# --- local rules, conditions, answers and the text guard, each error at its place -------------

def _wk_error(change) -> str:
    import tomllib

    import tomli_w

    doc = tomllib.loads(bundled_text("westerkwartier"))
    change(doc)
    with pytest.raises(KapstokError) as error:
        parse_kapstok(tomli_w.dumps(doc).encode(), "k.toml")
    return str(error.value).removeprefix("ongeldige kapstok k.toml: ")


def _rule(**changes):
    def change(doc):
        rule = doc["local_rule"][0]
        for key, value in changes.items():
            if value is None:
                rule.pop(key, None)
            else:
                rule[key] = value
    return change


def _when(condition):
    return _rule(when=condition)


@pytest.mark.parametrize("change, message", [
    (lambda d: d.update(local_rule=["x"]), "local_rule[1]: verwacht een tabel"),
    (_rule(phases=None), "local_rule[1]: 'phases' ontbreekt of is leeg"),
    (_rule(phases="2A"), "local_rule[1]: 'phases' moet een lijst van teksten zijn"),
    (_rule(phases=["9"]), "local_rule[1]: onbekende fase '9'"),
    (_rule(set_roles="x"), "local_rule[1]: 'set_roles' moet een tabel zijn"),
    (_rule(set_roles={"baas": "x"}), "local_rule[1]: 'set_roles' noemt een onbekende rol 'baas'"),
    (_rule(set_roles={"casusregie": 1}),
     "local_rule[1]: 'set_roles' noemt een onbekende rol 'casusregie'"),
    (_rule(advises_role="baas"), "local_rule[1]: 'advises_role' noemt een onbekende rol 'baas'"),
    (_rule(reason=None), "local_rule[1]: 'reason' ontbreekt"),
    (_rule(add_in_overleg_met="GGD"),
     "local_rule[1]: 'add_in_overleg_met' moet een lijst van teksten zijn"),
    (_rule(advice=1), "local_rule[1]: 'advice' moet tekst zijn"),
    (_rule(set_roles={}), "local_rule[1]: de regel doet niets (geef set_roles, "
                          "add_in_overleg_met of advice)"),
    (_when("x"), "local_rule[1].when: verwacht een tabel"),
    (_when({}), "local_rule[1].when: een voorwaarde heeft precies één van 'key', 'any' of 'all'"),
    (_when({"any": [], "key": "media"}),
     "local_rule[1].when: een voorwaarde heeft precies één van 'key', 'any' of 'all'"),
    (_when({"any": [{"key": "media", "in": ["ja"]}], "in": ["ja"]}),
     "local_rule[1].when: 'any' staat niet samen met andere sleutels"),
    (_when({"all": "x"}), "local_rule[1].when.all: verwacht een lijst van tabellen ([[...]])"),
    (_when({"any": []}), "local_rule[1].when: 'any' is leeg"),
    (_when({"all": [{"key": "media", "in": ["nee"]}, {"key": "weer", "in": ["x"]}]}),
     "local_rule[1].when.all[2]: de regel noemt een onbekende vraag 'weer'"),
    (_when({"key": ["media"], "in": ["nee"]}),
     "local_rule[1].when: de regel noemt een onbekende vraag '['media']'"),
    (_when({"key": "media"}), "local_rule[1].when: gebruik precies één van 'in' of 'not_in'"),
    (_when({"key": "media", "in": ["nee"], "not_in": ["nee"]}),
     "local_rule[1].when: gebruik precies één van 'in' of 'not_in'"),
    (_when({"key": "media", "in": []}), "local_rule[1].when: 'in' moet een niet-lege lijst zijn"),
    (_when({"key": "media", "not_in": "ja"}),
     "local_rule[1].when: 'not_in' moet een niet-lege lijst zijn"),
    (_when({"key": "minderjarigen", "in": ["true"]}),
     "local_rule[1].when: de regel noemt een onbekende waarde 'true' voor 'minderjarigen' "
     "(toegestaan: true, false)"),
    (_when({"key": "minderjarigen", "in": [1]}),
     "local_rule[1].when: de regel noemt een onbekende waarde 1 voor 'minderjarigen' "
     "(toegestaan: true, false)"),
])
def test_a_broken_local_rule_or_condition_names_its_exact_place(change, message):
    assert _wk_error(change) == message


def test_an_unknown_choice_value_lists_the_allowed_ones_as_written():
    message = _wk_error(_when({"key": "media", "in": ["misschien"]}))
    assert message.startswith("local_rule[1].when: de regel noemt een onbekende waarde "
                              "'misschien' voor 'media' (toegestaan: ")
    allowed = message.rsplit("(toegestaan: ", 1)[1].rstrip(")").split(", ")
    assert allowed == list(load_kapstok("westerkwartier").question("media").values)


def test_a_local_rule_and_its_conditions_are_read_whole():
    import tomllib

    import tomli_w

    from ave_cli.core.model import Group, Leaf, LocalRule

    doc = tomllib.loads(bundled_text("westerkwartier"))
    doc["local_rule"][0].update(
        advises_role="procesregie", add_in_overleg_met=["GGD"], advice="Bel de GGD",
        when={"all": [{"key": "minderjarigen", "in": [True]},
                      {"any": [{"key": "media", "not_in": ["nee"]},
                               {"key": "signalen", "in": ["verward"]}]}]})
    for key in [k for k in doc["local_rule"][0] if k.endswith("_en")]:
        del doc["local_rule"][0][key]
    rule = parse_kapstok(tomli_w.dumps(doc).encode(), "k.toml").local_rules[0]
    assert rule == LocalRule(
        reason=doc["local_rule"][0]["reason"], phases=("2A", "2B", "3"),
        when=Group("all", (Leaf("minderjarigen", (True,)),
                           Group("any", (Leaf("media", ("nee",), negate=True),
                                         Leaf("signalen", ("verward",)))))),
        set_roles={"casusregie": "Jeugdconsulent gemeente"}, add_in_overleg_met=("GGD",),
        advice="Bel de GGD", advises_role="procesregie")


@pytest.mark.parametrize("answer, ok", [
    ('problematiek = "meervoudig"', True), ('problematiek = ""', False),
    ("problematiek = true", False), ('problematiek = ["meervoudig"]', False),
    ("minderjarigen = true", True), ('minderjarigen = "ja"', False),
    ('signalen = ["verward"]', True), ("signalen = []", True), ('signalen = "verward"', False),
    ('signalen = ["onbekend"]', False), ("signalen = [1]", False),
])
def test_a_casus_answer_must_fit_its_question(answer, ok):
    key = answer.split(" = ")[0]
    answers = {"problematiek": '"enkelvoudig"', "effect": '"ja"', "meewerken": '"ja"',
               "samenwerking": '"goed"', "veiligheid": '"nee"'}
    answers[key] = answer.split(" = ", 1)[1]
    casus = ('\n[[casus]]\nnaam = "Proef"\nverhaal = "v"\nbron = "b"\nanswers = { '
             + ", ".join(f"{k} = {v}" for k, v in answers.items())
             + ' }\nverwacht = { fase = "0" }\n')
    text = bundled_text("westerkwartier") + casus
    if ok:
        assert parse_kapstok(text.encode(), "k.toml").casus[-1].naam == "Proef"
    else:
        with pytest.raises(KapstokError, match=rf"casus 'Proef'\.answers\.{key}: waarde .* "
                                               "past niet bij de vraag"):
            parse_kapstok(text.encode(), "k.toml")


@pytest.mark.parametrize("change, message", [
    (lambda d: d.update(title="Kapstok \x07"), "title: bevat een teken dat niet mag (U+0007)"),
    (lambda d: d.update(title="BSN 111222333"), "title: bevat een nummer dat op een BSN lijkt"),
    (lambda d: d.update(notes=["goed", "bel\x1b[2J"]), "notes[2]: bevat een teken dat niet mag (U+001B)"),
    (lambda d: d["phase"][2].update(description="x\x00"),
     "phase[3].description: bevat een teken dat niet mag (U+0000)"),
    (lambda d: d.update(title="Kapstok\u00a0noord"), "title: bevat een teken dat niet mag (U+00A0)"),
    (lambda d: d["phase"][2]["when"][0].update(reason="111222333"),
     "phase[3].when[1].reason: bevat een nummer dat op een BSN lijkt"),
    (lambda d: d.update(title="Financiën"),  # issue 24, item 4: composed text only
     "title: is niet in de samengestelde vorm (NFC) van Unicode: een letter en een los accent; "
     "sla het bestand op als NFC"),
])
def test_every_text_of_a_kapstok_is_guarded_at_its_place(change, message):
    assert _phase_error(change) == message


# --- the kapstok's own fields, its questions and begrippen, as the file gives them ------------

@pytest.mark.parametrize("name", ["handreiking", "westerkwartier"])
def test_every_top_field_question_and_begrip_is_read_from_its_own_key(name):
    import tomllib

    doc = tomllib.loads(bundled_text(name))
    kapstok = load_kapstok(name)
    assert (kapstok.name, kapstok.version, kapstok.title, kapstok.description, kapstok.notes,
            kapstok.meningsverschil_beslisser) == (
        doc["name"], doc["version"], doc.get("title", doc["name"]), doc.get("description", ""),
        tuple(doc.get("notes", [])), doc.get("meningsverschil_beslisser", ""))
    assert kapstok.source.endswith(f"{name}.toml")
    assert kapstok.begrippen == tuple((b["term"], b["text"]) for b in doc.get("begrip", []))
    assert [(q.key, q.text, q.help, q.type, q.values, q.labels, q.has_default, q.default)
            for q in kapstok.questions] == [
        (q["key"], q["text"], q.get("help", ""), q.get("type", "choice"),
         (True, False) if q.get("type") == "bool" else tuple(q["values"]), q.get("labels", {}),
         "default" in q, q.get("default")) for q in doc["question"]]
    assert [c.naam for c in kapstok.casus] == [c["naam"] for c in doc["casus"]]


def test_optional_top_fields_fall_back_as_documented():
    import re

    text = bundled_text()
    top, rest = text[:text.index("\n[[question]]")], text[text.index("\n[[question]]"):]
    top = re.sub(r'(?m)^(title|description|meningsverschil_beslisser)(_en)? = ".*"\n', "", top)
    top = re.sub(r"(?ms)^notes(_en)? = \[.*?^\]\n", "", top)
    text = top + rest
    kapstok = parse_kapstok(text.encode(), "k.toml")
    assert (kapstok.title, kapstok.description, kapstok.notes,
            kapstok.meningsverschil_beslisser) == ("handreiking", "", (), "")


@pytest.mark.parametrize("change, message", [
    (lambda d: d.update(wens=1), "onbekende sleutel 'wens' (toegestaan: "),
    (lambda d: d.update(name=1), "'name' moet tekst zijn"),
    (lambda d: d.update(name="Grote Letters"), "name: gebruik kleine letters, cijfers, '-' of '_'"),
    (lambda d: d.pop("version"), "'version' ontbreekt"),
    (lambda d: (d.pop("title_en"), d.update(title=1)), "'title' moet tekst zijn"),
    (lambda d: (d.pop("description_en"), d.update(description=1)),
     "'description' moet tekst zijn"),
    (lambda d: d.update(meningsverschil_beslisser=1), "'meningsverschil_beslisser' moet tekst zijn"),
    (lambda d: d.update(notes="x", notes_en="x"), "'notes' moet een lijst van teksten zijn"),
    (lambda d: d.update(local_rule={"x": 1}), "local_rule: verwacht een lijst van tabellen ([[...]])"),
    (lambda d: d.update(casus={"x": 1}), "casus: verwacht een lijst van tabellen ([[...]])"),
    (lambda d: d["casus"].append(dict(d["casus"][0])), "casus: twee casussen heten "),
    (lambda d: d.update(begrip={"x": 1}), "begrip: verwacht een lijst van tabellen ([[...]])"),
    (lambda d: d["begrip"].__setitem__(1, "x"), "begrip[2]: verwacht een tabel"),
    (lambda d: [d["begrip"][1].pop(k) for k in ("term", "term_en")], "begrip[2]: 'term' ontbreekt"),
    (lambda d: d["begrip"][1].update(text=""), "begrip[2]: 'text' is leeg"),
    (lambda d: d.pop("question"), "question: de kapstok heeft geen vragen"),
    (lambda d: d.update(question={"key": "x"}),
     "question: verwacht een lijst van tabellen ([[...]])"),
    (lambda d: d["question"].__setitem__(1, "x"), "question[2]: verwacht een tabel"),
    (lambda d: d["question"][1].pop("key"), "question[2]: 'key' ontbreekt"),
    (lambda d: d["question"][1].update(key=d["question"][0]["key"]),
     "question 'problematiek': deze vraag staat er twee keer in"),
    (lambda d: _effect(d).update(type="getal"),
     "question 'effect': type 'getal' bestaat niet (kies uit choice, bool, multi)"),
    (lambda d: _effect(d).update(type="bool"),
     "question 'effect': een ja/nee-vraag heeft geen 'values'"),
    (lambda d: _effect(d).pop("values"), "question 'effect': 'values' ontbreekt of is leeg"),
    (lambda d: _effect(d).update(values="ja"),
     "question 'effect': 'values' moet een lijst van teksten zijn"),
    (lambda d: _effect(d).update(values=["ja", "ja"]),
     "question 'effect': 'values' bevat een waarde twee keer"),
    (lambda d: d["question"][0].update(labels="x"),
     "question 'problematiek': 'labels' moet een tabel van waarde = tekst zijn"),
    (lambda d: d["question"][0].update(labels={"geen": 1}),
     "question 'problematiek': 'labels' moet een tabel van waarde = tekst zijn"),
    (lambda d: d["question"][0].update(labels={"soms": "Soms"}),
     "question 'problematiek': label voor onbekende waarde 'soms'"),
    (lambda d: _effect(d).update(default="altijd"),
     "question 'effect': waarde 'altijd' past niet bij de vraag (toegestaan: "),
    (lambda d: _effect(d).pop("text"), "question 'effect': 'text' ontbreekt"),
    (lambda d: _effect(d).update(help=1), "question 'effect': 'help' moet tekst zijn"),
])
def test_a_broken_top_field_question_or_begrip_names_its_exact_place(change, message):
    found = _phase_error(change)
    assert found.startswith(message) if message.endswith((": ", " heten ")) else found == message, found


def test_an_english_text_is_paired_even_when_an_earlier_one_is_missing():
    def change(d):
        question = d["question"][0]
        del question["text_en"]  # text comes before help and labels in TRANSLATABLE
        question["help_en"] = "Help in English"

    kapstok = parse_kapstok(_edited(change).encode(), "k.toml")
    question = kapstok.questions[0]
    assert kapstok.english[question.help] == "Help in English"
    assert question.text not in kapstok.english


def test_a_kapstok_without_local_rules_casus_or_begrippen():
    def change(d):
        for key in ("local_rule", "casus", "begrip"):
            del d[key]

    kapstok = parse_kapstok(_edited(change).encode(), "k.toml")
    assert (kapstok.local_rules, kapstok.casus, kapstok.begrippen) == ((), (), ())


def test_a_casus_that_is_not_a_table_names_its_place():
    assert _phase_error(lambda d: d["casus"].append("x")) == f"casus[{NEXT}]: verwacht een tabel"


def test_a_blank_afschalen_criterium_is_none():
    def change(d):
        d["phase"][1]["afschalen_criteria"] = "   "
        d["phase"][1].pop("afschalen_criteria_en", None)

    assert parse_kapstok(_edited(change).encode(), "k.toml").phases[1].afschalen_criteria == ()


def test_the_documented_defaults_of_a_question_and_a_phase():
    def change(d):
        del d["question"][0]["type"]  # a question without a type is a choice
        d["phase"][2].pop("match", None)  # a phase without match needs any one criterion
        d["phase"][2]["label"] = ""  # an empty label shows the id
        d["phase"][2].pop("label_en", None)

    kapstok = parse_kapstok(_edited(change).encode(), "k.toml")
    assert kapstok.questions[0].type == "choice"
    assert (kapstok.phases[2].match, kapstok.phases[2].label) == ("any", kapstok.phases[2].id)


# --- limits (issue 24, item 6) ----------------------------------------------------------------

@pytest.mark.parametrize("change, message", [
    (lambda d: d["phase"][-1].update(when=d["phase"][-1]["when"] * 200),
     "conditions: 817 is meer dan de grens van 300"),
    (lambda d: d["phase"][-1]["when"][0].update(
        {"any": [{"all": [{"any": [{"all": [{"any": [{"key": "veiligheid", "in": ["acuut"]}]}]}]}]}]}),
     "depth: 5 is meer dan de grens van 4"),
    (lambda d: d.update(casus=d["casus"] * 40), "casus: "),
])
def test_a_kapstok_past_its_limits_is_refused_in_one_line(change, message):
    import tomllib

    import tomli_w

    doc = tomllib.loads(bundled_text())
    change(doc)
    if "casus" in message:  # distinct names: only the number is too large
        for n, item in enumerate(doc["casus"]):
            item["naam"] = f"casus {n}"
    if "depth" in message:
        when = doc["phase"][-1]["when"][0]
        for key in ("key", "in", "not_in"):
            when.pop(key, None)
    with pytest.raises(KapstokError) as error:
        parse_kapstok(tomli_w.dumps(doc).encode(), "k.toml")
    text = str(error.value)
    assert message in text and "grens" in text and "\n" not in text, text


def test_a_kapstok_file_past_its_size_is_refused_before_it_is_read():
    from ave_cli.core.kapstok import LIMITS

    with pytest.raises(KapstokError, match="ten hoogste"):
        parse_kapstok(b"#" * (LIMITS["bytes"] + 1), "k.toml")


# --- leefgebieden (issue 27, item 1: the rows of the one integral plan) ------------------------

def test_the_bundled_kapstokken_list_their_own_leefgebieden():
    hand = load_kapstok("handreiking")
    assert [a.key for a in hand.leefgebieden] == ["wonen", "financien", "gezondheid", "opvoeding",
                                                  "werk_dagbesteding", "veiligheid",
                                                  "sociaal_netwerk"]  # contract v3, section 9
    begrip = hand.begrip("Leefgebieden")
    assert begrip and all(a.label in begrip[1] for a in hand.leefgebieden)  # its own begrip
    west = load_kapstok("westerkwartier")
    assert len(west.leefgebieden) == 6  # the six pillars of Positieve Gezondheid
    assert [a.label for a in west.leefgebieden] == [
        "zingeving", "lichamelijk welbevinden", "mentaal welbevinden", "dagelijks functioneren",
        "meedoen", "kwaliteit van leven"]  # contract v3, section 9
    assert west.plan == "Integraal AIN-plan" and hand.plan == "Integraal plan van aanpak"
    assert all(hand.english.get(a.label) for a in hand.leefgebieden)  # each in English too


@pytest.mark.parametrize(("area", "problem"), [
    ('key = "Wonen"\nlabel = "w"', "leefgebied[8].key: gebruik kleine letters"),
    ('key = "wonen"\nlabel = "anders"', "leefgebied[8]: leefgebied 'wonen' staat er twee keer"),
    ('key = "buurt"\nlabel = "wonen"', "leefgebied[8]: leefgebied 'buurt' staat er twee keer"),
    ('key = "buurt"', "leefgebied[8]: 'label' ontbreekt"),
    ('key = "buurt"\nlabel = "buurt"\nkleur = "rood"', "onbekende sleutel 'kleur'"),
    ('key = "buurt"\nlabel = "buurt"\nlabel_en = ["x"]', "'label_en' moet dezelfde vorm hebben"),
])
def test_a_broken_leefgebied_names_its_place(area, problem):
    text = bundled_text() + f"\n[[leefgebied]]\n{area}\n"
    with pytest.raises(KapstokError) as error:
        parse_kapstok(text.encode(), "k.toml")
    assert problem in str(error.value)


def test_more_leefgebieden_than_the_limit_are_refused():
    areas = "".join(f'\n[[leefgebied]]\nkey = "g{n}"\nlabel = "gebied {n}"\n' for n in range(30))
    with pytest.raises(KapstokError, match="leefgebieden: 37 is meer dan de grens van 30"):
        parse_kapstok((bundled_text() + areas).encode(), "k.toml")
