"""The case lifecycle: escalate on both axes, deescalate, close, show (the case as a film); on
the file log and on the PostgreSQL store (the `store` fixture)."""

from __future__ import annotations

import json

import pytest
from conftest import EXAMPLES, flat

WALKS = {
    "handreiking": {
        "answers": EXAMPLES / "handreiking" / "ave2-procesregie.toml",
        "start": "AVE2", "up1": "AVE3", "up2": "AVE4", "down": "AVE2",
        "decider": "", "proces_up2": "Scenarioteam",
    },
    "westerkwartier": {
        "answers": EXAMPLES / "westerkwartier" / "fase-2a.toml",
        "start": "2A", "up1": "2B", "up2": "4", "down": "3",
        "decider": "Teamleider Wmo", "proces_up2": "Driehoek (of een afvaardiging of mandaat daarvan)",
    },
}


@pytest.mark.parametrize("kapstok", list(WALKS))
def test_a_case_walks_through_its_whole_life(run, store, kapstok, monkeypatch):
    monkeypatch.setenv("COLUMNS", "260")  # one line per timeline cell, so the order is readable
    w = WALKS[kapstok]
    steps = [
        ("triage", "WT-1", "-k", kapstok, "-a", str(w["answers"]), "--casusregisseur", "Wijkteam Zuid"),
        ("escalate", "WT-1", "--role", "procesregie", "--holder", "OGGZ-coördinator",
         "--reason", "Hulp stagneert"),
        ("escalate", "WT-1", "--to", w["up1"], "--reason", "Inwoner mijdt zorg",
         "--signal", "geen_contact", "--signal", "hulp_geweigerd"),
        ("escalate", "WT-1", "--to", w["up2"], "--reason", "Dreigende onrust in de straat",
         "--decided-by", "Teamleider Wmo", "--in-overleg-met", "Politie",
         "--in-overleg-met", "OOV-adviseur", "--procesregisseur", "Driehoek"),
        ("deescalate", "WT-1", "--to", w["down"], "--reason", "Situatie onder controle", "--yes"),
        ("close", "WT-1", "--reason", "Overgedragen aan het voorliggend veld"),
    ]
    for step in steps:
        result = run(*step)
        assert result.exit_code == 0, (step, result.output)
    rs = store.records()
    assert [(r["kind"], r.get("axis"), r.get("phase_before"), r.get("phase_after")) for r in rs] == [
        ("triage", None, None, w["start"]),
        ("escalation", "vertical", w["start"], w["start"]),
        ("escalation", "horizontal", w["start"], w["up1"]),
        ("escalation", "horizontal", w["up1"], w["up2"]),
        ("deescalation", "horizontal", w["up2"], w["down"]),
        ("close", None, w["down"], None),
    ]
    assert all(r["kapstok"]["name"] == kapstok for r in rs)  # the case keeps its own kapstok
    assert rs[1]["procesregisseur"] == "OGGZ-coördinator" and rs[1]["role"] == "procesregie"
    assert rs[2]["signals"] == ["geen_contact", "hulp_geweigerd"]
    assert rs[3]["decided_by"] == "Teamleider Wmo"
    assert rs[3]["in_overleg_met"] == ["Politie", "OOV-adviseur"]
    assert rs[3]["roles"]["procesregie"] == w["proces_up2"]

    shown = run("show", "WT-1", "-f", "json")
    data = json.loads(shown.stdout)
    assert data["closed"] is True and data["phase"] is None
    assert [d["kind"] for d in data["timeline"]] == [
        "triage", "escalation", "escalation", "escalation", "deescalation", "close"]
    assert data["casusregisseur"] == "Wijkteam Zuid" and data["procesregisseur"] == "Driehoek"

    text = run("show", "WT-1").stdout
    order = ["triage", "verticaal", f"{w['start']} → {w['up1']}", f"{w['up1']} → {w['up2']}",
             "Meningsverschil beslecht door Teamleider Wmo", f"{w['up2']} → {w['down']}",
             f"{w['down']} → afgesloten"]
    positions = [text.index(fragment) for fragment in order]
    assert positions == sorted(positions)


def test_escalate_output_explains_roles_skips_and_the_rules(run, store):
    run("triage", "WT-2", "-a", str(EXAMPLES / "handreiking" / "ave2.toml"))
    result = run("escalate", "WT-2", "--to", "ave4", "--reason", "Wapen gezien", "-f", "json")
    data = json.loads(result.stdout)
    assert data["skipped"] == ["AVE3"]
    assert data["advised_phase"] == "AVE2"  # the latest answers do not reach AVE4
    assert data["roles"]["bestuurlijk"] == "Burgemeester"
    [_, record] = store.records()
    assert record["motivation"] == "Wapen gezien" and record["advised_phase"] == "AVE2"
    text = flat(run("escalate", "WT-2", "--role", "casusregie", "--holder", "Team Veiligheid",
                    "--reason", "Overdracht").stdout)
    assert "Verticale opschaling: casusregie → Team Veiligheid" in text


def test_escalate_text_shows_who_may_scale_up_and_the_rules_note(run, store):
    run("triage", "WT-3", "-a", str(EXAMPLES / "handreiking" / "ave2.toml"))
    text = flat(run("escalate", "WT-3", "--to", "AVE3", "--reason", "Zorgen").stdout)
    assert "Opschalen vanuit AVE2 gebeurt volgens de kapstok door: Casusregisseur in overleg met " \
           "procesregisseur" in text
    assert "de laatste triage-antwoorden geven volgens de regels fase AVE2" in text
    assert "overgeslagen" not in text


def test_westerkwartier_names_the_default_decider(run, store):
    run("triage", "WT-4", "-k", "westerkwartier", "-a", str(EXAMPLES / "westerkwartier" / "fase-1.toml"))
    text = flat(run("escalate", "WT-4", "--to", "2A", "--reason", "Meer vragen").stdout)
    assert "besluit volgens de kapstok: Teamleider Wmo (leg vast met --decided-by)" in text


def test_replacing_a_regisseur_is_recorded_as_such(run, store):
    run("triage", "WT-5", "-a", str(EXAMPLES / "handreiking" / "ave2.toml"))
    run("escalate", "WT-5", "--role", "procesregie", "--holder", "A", "--reason", "Stagnatie")
    result = run("escalate", "WT-5", "--role", "procesregie", "--holder", "B", "--reason", "Wissel",
                 "-f", "json")
    assert json.loads(result.stdout)["replaced"] == "A"
    assert store.records()[-1]["reasons"] == ["Wissel", "Vervangt procesregisseur A"]
    assert json.loads(run("show", "WT-5", "-f", "json").stdout)["procesregisseur"] == "B"


def test_a_closed_case_is_reopened_by_triage(run, store):
    run("triage", "WT-6", "-a", str(EXAMPLES / "handreiking" / "ave3.json"))
    run("close", "WT-6", "--reason", "Klaar")
    result = run("triage", "WT-6", "-a", str(EXAMPLES / "handreiking" / "ave2.toml"), "-f", "json")
    assert result.exit_code == 0
    assert json.loads(result.stdout)["previous_phase"] is None
    shown = json.loads(run("show", "WT-6", "-f", "json").stdout)
    assert shown["closed"] is False and shown["phase"] == "AVE2"


def test_show_gives_days_in_phase_and_open_advice(run, store):
    run("triage", "WT-7", "-a", str(EXAMPLES / "handreiking" / "ave2-procesregie.toml"))
    run("triage", "WT-7", "-a", str(EXAMPLES / "handreiking" / "ave2-procesregie.toml"))
    data = json.loads(run("show", "WT-7", "-f", "json").stdout)
    # the clock ticks an hour per call: still day 0, and the phase started at the first triage
    assert data["since"] == "2026-03-02T09:30:00+01:00" and data["days_in_phase"] == 0
    assert data["open_advice"][0] == ("Voeg een procesregisseur toe (verticale opschaling, de "
                                      "fase blijft AVE2).")
    run("escalate", "WT-7", "--role", "procesregie", "--holder", "OGGZ", "--reason", "Advies")
    assert json.loads(run("show", "WT-7", "-f", "json").stdout)["open_advice"] == [
        "Betrek de operationeel verantwoordelijke(n) van de organisaties: die spreekt de "
        "medewerker aan op zijn rol en verantwoordelijkheid.",
        "Signalen voor opschaling: bespreek (verticaal) opschalen; bij twijfel altijd opschalen "
        "(principe 3)."]  # only the advice that names no regie role stays open


def test_deescalate_checklist_records_unmet_criteria(run, store, scripted):
    run("triage", "WT-8", "-a", str(EXAMPLES / "handreiking" / "ave3.json"))
    ask = scripted([("welke criteria zijn vervuld", ["De scenario's zijn uitgewerkt."]),
                    ("Toch afschalen?", True)])
    result = run("deescalate", "WT-8", "--to", "AVE2", "--reason", "Doorbraak")
    assert result.exit_code == 0, result.output
    ask.done()
    assert store.records()[-1]["reasons"] == [
        "Doorbraak",
        "Afschaalcriterium niet (zeker) vervuld: Er is een doorbraak op inhoud en/of de "
        "samenwerking verloopt goed."]


def test_deescalate_checklist_can_be_declined(run, store, scripted):
    run("triage", "WT-9", "-a", str(EXAMPLES / "handreiking" / "ave3.json"))
    before = store.snapshot()
    scripted([("welke criteria zijn vervuld", []), ("Toch afschalen?", False)])
    result = run("deescalate", "WT-9", "--to", "AVE2", "--reason", "Doorbraak")
    assert result.exit_code == 0 and store.snapshot() == before  # a choice, not an error
    assert result.stderr.strip() == "Afgebroken op je verzoek; er is niets opgeslagen."


def test_dry_run_writes_nothing(run, store):
    run("triage", "WT-10", "-a", str(EXAMPLES / "handreiking" / "ave3.json"))
    before = store.snapshot()
    for args in (("escalate", "WT-10", "--to", "AVE4", "--reason", "x"),
                 ("escalate", "WT-10", "--role", "procesregie", "--holder", "Y", "--reason", "x"),
                 ("deescalate", "WT-10", "--to", "AVE1", "--reason", "x", "--yes"),
                 ("close", "WT-10", "--reason", "x")):
        result = run(*args, "--dry-run", "-f", "json")
        assert result.exit_code == 0 and json.loads(result.stdout)["decision_id"] is None
    assert store.snapshot() == before


ERRORS = [
    (("escalate", "WT-404", "--to", "AVE3", "--reason", "x"), "staat niet in het caselog"),
    (("deescalate", "WT-404", "--to", "AVE1", "--reason", "x", "--yes"), "staat niet in het caselog"),
    (("close", "WT-404", "--reason", "x"), "staat niet in het caselog"),
    (("show", "WT-404"), "staat niet in het caselog"),
    (("escalate", "WT-1", "--to", "AVE9", "--reason", "x"), "fase 'AVE9' bestaat niet"),
    (("deescalate", "WT-1", "--to", "2B", "--reason", "x", "--yes"), "fase '2B' bestaat niet"),
    (("escalate", "WT-1", "--to", "AVE3", "--reason", "x"), "staat al in fase AVE3"),
    (("escalate", "WT-1", "--to", "AVE2", "--reason", "x"), "gebruik je ave deescalate"),
    (("deescalate", "WT-1", "--to", "AVE4", "--reason", "x", "--yes"), "gebruik je ave escalate"),
    (("deescalate", "WT-1", "--to", "AVE3", "--reason", "x", "--yes"), "staat al in fase AVE3"),
    (("escalate", "WT-1", "--to", "AVE4"), "een reden is verplicht"),
    (("escalate", "WT-1", "--to", "AVE4", "--reason", "  "), "een reden is verplicht"),
    (("deescalate", "WT-1", "--to", "AVE2", "--yes"), "een reden is verplicht"),
    (("close", "WT-1"), "een reden is verplicht"),
    (("escalate", "WT-1", "--to", "AVE4", "--reason", "x", "--signal", "ruzie"),
     "onbekend signaal 'ruzie'"),
    (("escalate", "WT-1", "--role", "wethouder", "--holder", "Y", "--reason", "x"),
     "rol 'wethouder' kan hier niet"),
    (("escalate", "WT-1", "--role", "bestuurlijk", "--holder", "Y", "--reason", "x"),
     "rol 'bestuurlijk' kan hier niet"),
    (("escalate", "WT-1", "--role", "procesregie", "--reason", "x"), "--holder NAAM"),
    (("escalate", "WT-1", "--reason", "x"), "geef --to FASE"),
    (("escalate", "WT-1", "--to", "AVE4", "--role", "procesregie", "--reason", "x"), "geef --to FASE"),
    (("escalate", "CLOSED", "--to", "AVE4", "--reason", "x"), "is afgesloten"),
    (("deescalate", "CLOSED", "--to", "AVE1", "--reason", "x", "--yes"), "is afgesloten"),
    (("close", "CLOSED", "--reason", "x"), "is afgesloten"),
    (("deescalate", "WT-1", "--to", "AVE2", "--reason", "x"), "--yes"),  # no terminal for checklist
    (("escalate", "111222333", "--to", "AVE4", "--reason", "x"), "lijkt op een BSN"),
    (("show", "111222333"), "lijkt op een BSN"),
    (("escalate", "WT-1", "--to", "AVE4", "--reason", "BSN 111222333"), "lijkt"),
    (("escalate", "WT-1", "--to", "AVE4", "--reason", "x", "-k", "westerkwartier"),
     "staat in fase 'AVE3', die kapstok westerkwartier niet kent"),
]


@pytest.mark.parametrize(("args", "message"), ERRORS, ids=[" ".join(a[:1] + a[2:4]) for a, _ in ERRORS])
def test_lifecycle_errors_leave_the_log_unchanged(run, store, args, message):
    run("triage", "WT-1", "-a", str(EXAMPLES / "handreiking" / "ave3.json"))
    run("triage", "CLOSED", "-a", str(EXAMPLES / "handreiking" / "ave2.toml"))
    run("close", "CLOSED", "--reason", "Klaar")
    before = store.snapshot()
    result = run(*args)
    assert result.exit_code == 2, result.output
    assert message in result.stderr, result.stderr
    assert result.stderr.startswith("ave: fout: ") and "Traceback" not in result.output
    assert store.snapshot() == before
