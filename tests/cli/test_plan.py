"""The plan (issue 27): `ave afspraak`, `ave afspraken`, `ave plan`, and the afspraken in show,
report, export, check, purge and migrate, in both stores."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from conftest import EXAMPLES

from ave_cli.cli import main as cli

A2 = str(EXAMPLES / "handreiking" / "ave2.toml")
NEW = ("--wat", "Schuldhulp aanvragen", "--wie", "Wijkteam Noord", "--leefgebied", "financien",
       "--voor", "moeder", "--uiterlijk", "2026-04-01")


def as_json(result) -> dict:
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_an_afspraak_is_made_changed_and_listed_in_both_stores(run, store):
    assert run("triage", "WT-1", "-a", A2).exit_code == 0
    made = as_json(run("afspraak", "WT-1", *NEW, "--format", "json"))
    assert (made["nummer"], made["stand"], made["voor"], made["uiterlijk"]) == (
        "A1", "open", "moeder", "2026-04-01")
    second = as_json(run("afspraak", "wt-1", "--wat", "Huisbezoek", "--wie", "GGZ",
                         "--leefgebied", "Gezondheid", "--uiterlijk", "+3", "-f", "json"))
    assert second["nummer"] == "A2" and second["case"] == "WT-1"  # the case's own spelling
    assert second["leefgebied"] == "gezondheid"  # a label is taken as its key
    third = as_json(run("afspraak", "WT-1", "--wat", "Dagbesteding zoeken", "--wie", "Wmo",
                        "--leefgebied", "werk_dagbesteding", "--uiterlijk", "2026-05-01",
                        "-f", "json"))
    longer = as_json(run("afspraak", "WT-1", "A1", "--verleng", "2026-04-15", "--reden",
                         "Wachtlijst", "-f", "json"))
    assert (longer["uiterlijk"], longer["eerst"], longer["redenen"]) == (
        "2026-04-15", "2026-04-01", ["Wachtlijst"])
    assert as_json(run("afspraak", "WT-1", "a2", "--gedaan", "-f", "json"))["stand"] == "gedaan"
    gone = as_json(run("afspraak", "WT-1", third["nummer"], "--vervallen", "--reden",
                       "Niet meer nodig", "-f", "json"))
    assert gone["stand"] == "vervallen"
    # the records: sealed, chained, of their own kinds, in the case's chain
    kinds = [(r["kind"], r.get("afspraak"), r.get("stand")) for r in store.records()]
    assert kinds == [("triage", None, None), ("afspraak", "A1", None), ("afspraak", "A2", None),
                     ("afspraak", "A3", None), ("afspraak-stand", "A1", "verlengd"),
                     ("afspraak-stand", "A2", "gedaan"), ("afspraak-stand", "A3", "vervallen")]
    listed = as_json(run("afspraken", "--format", "json"))["afspraken"]
    assert [(a["nummer"], a["stand"]) for a in listed] == [
        ("A1", "open"), ("A2", "gedaan"), ("A3", "vervallen")]  # open ones first
    assert as_json(run("afspraken", "--open", "-f", "json"))["afspraken"][0]["nummer"] == "A1"
    plan = as_json(run("plan", "WT-1", "--format", "json"))
    rows = {row["key"]: [a["nummer"] for a in row["afspraken"]] for row in plan["leefgebieden"]}
    assert rows["financien"] == ["A1"] and rows["gezondheid"] == ["A2"] and rows["wonen"] == []
    assert plan["household"] == ["moeder"] and plan["plan"] == "Integraal plan van aanpak"
    shown = as_json(run("show", "WT-1", "--format", "json"))
    assert [a["nummer"] for a in shown["afspraken"]] == ["A1", "A2", "A3"]
    assert shown["phase"] == "AVE2"  # the plan's records change no fase


def test_overdue_afspraken_are_marked_and_filtered(run, store, monkeypatch):
    from datetime import datetime, timedelta

    from conftest import T0

    assert run("triage", "WT-1", "-a", A2).exit_code == 0
    assert run("triage", "WT-2", "-a", A2).exit_code == 0
    assert run("afspraak", "WT-1", *NEW).exit_code == 0  # due 2026-04-01
    assert run("afspraak", "WT-2", "--wat", "Bellen", "--wie", "Wijkteam Zuid", "--leefgebied",
               "wonen", "--uiterlijk", "2026-05-01").exit_code == 0
    later = datetime(2026, 4, 10, 12, tzinfo=T0.tzinfo)
    assert later > T0 + timedelta(days=5)
    monkeypatch.setitem(cli.hooks, "now", lambda: later)
    late = as_json(run("afspraken", "--te-laat", "-f", "json"))["afspraken"]
    assert [(a["case"], a["te_laat"]) for a in late] == [("WT-1", True)]
    text = run("afspraken").stdout
    assert "te laat" in text and "WT-2" in text
    assert [a["case"] for a in as_json(run("afspraken", "--wie", "zuid", "-f", "json"))[
        "afspraken"]] == ["WT-2"]
    assert [a["case"] for a in as_json(run("afspraken", "--voor-datum", "2026-04-02", "-f",
                                           "json"))["afspraken"]] == ["WT-1"]
    rows = {r["case"]: r for r in as_json(run("report", "-f", "json"))["cases"]}
    assert "afspraak" in rows["WT-1"]["flags"] and "afspraak" not in rows["WT-2"]["flags"]
    assert rows["WT-1"]["next_due"] == "2026-04-01"
    csv_text = run("afspraken", "--format", "csv").stdout
    assert csv_text.splitlines()[0].startswith("case,nummer,wat,wie,leefgebied")
    # a closed case's afspraken are no longer open work
    assert run("close", "WT-1", "--reason", "klaar").exit_code == 0
    assert as_json(run("afspraken", "--te-laat", "-f", "json"))["afspraken"] == []
    closed = {r["case"]: r for r in as_json(run("report", "--all", "-f", "json"))["cases"]}
    assert (closed["WT-1"]["next_due"], closed["WT-1"]["flags"]) == (None, [])


@pytest.mark.parametrize(("args", "problem"), [
    (("--leefgebied", "buurt"), "onbekend leefgebied 'buurt' in kapstok handreiking (toegestaan: "
                               "wonen, financien (financiën)"),
    (("--uiterlijk", "morgen"), "--uiterlijk 'morgen' is geen datum"),
    (("--uiterlijk", "2026-02-30"), "--uiterlijk '2026-02-30' is geen datum"),
    (("--uiterlijk", "2020-01-01"), "ligt in het verleden"),
    (("--voor", "Jan Jansen"), "--voor 'jan jansen' is geen rol in het huishouden"),
    (("--voor", "moeder van Jan"), "is geen rol in het huishouden"),
    (("--wat", "Bel 123456782 terug"), "--wat bevat een nummer dat op een BSN lijkt"),
    (("--wie", "Wijkteam\u200bNoord"), "--wie bevat een teken dat niet mag"),
    (("--wat", " "), "--wat is verplicht"),
])
def test_a_bad_new_afspraak_is_refused_in_one_line_and_nothing_is_written(run, store, args,
                                                                          problem):
    assert run("triage", "WT-1", "-a", A2).exit_code == 0
    before = store.snapshot()
    values = dict(zip(NEW[::2], NEW[1::2], strict=True))
    values.update(dict(zip(args[::2], args[1::2], strict=True)))
    result = run("afspraak", "WT-1", *[x for pair in values.items() for x in pair])
    assert result.exit_code == 2, result.output
    assert problem in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert store.snapshot() == before


@pytest.mark.parametrize(("args", "problem"), [
    (("A9", "--gedaan"), "casus WT-1 heeft geen afspraak A9 (wel: A1)"),
    (("A1", "--verleng", "2026-03-15", "--reden", "x"), "--verleng 2026-03-15 is niet later "
                                                        "dan de huidige datum van afspraak A1"),
    (("A1", "--verleng", "volgende week", "--reden", "x"), "--verleng 'volgende week' is geen "
                                                           "datum"),
    (("A1", "--vervallen"), "geef een reden met --reden"),
    (("A1", "--verleng", "2026-03-01"), "geef een reden met --reden"),
    (("A1", "--gedaan", "--vervallen"), "kies één van --gedaan, --vervallen en --verleng"),
    (("A1",), "zeg wat er met afspraak A1 is"),
    (("--gedaan",), "noem de afspraak: ave afspraak WT-1 A1 --gedaan"),
    (("A1", "--gedaan", "--wat", "x"), "--wat hoort bij een nieuwe afspraak"),
    (("A1", "--vervallen", "--reden", "Zie 123456782"), "--reden bevat een nummer dat op een "
                                                        "BSN lijkt"),
])
def test_a_bad_change_is_refused_in_one_line_and_nothing_is_written(run, store, args, problem):
    assert run("triage", "WT-1", "-a", A2).exit_code == 0
    assert run("afspraak", "WT-1", *NEW).exit_code == 0
    before = store.snapshot()
    result = run("afspraak", "WT-1", *args)
    assert result.exit_code == 2, result.output
    assert problem in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert store.snapshot() == before


def test_no_change_after_gedaan_and_none_on_a_closed_case(run, store):
    assert run("triage", "WT-1", "-a", A2).exit_code == 0
    assert run("afspraak", "WT-1", *NEW).exit_code == 0
    assert run("afspraak", "WT-1", *NEW).exit_code == 0
    assert run("afspraak", "WT-1", "A1", "--gedaan").exit_code == 0
    refused = run("afspraak", "WT-1", "A1", "--vervallen", "--reden", "x")
    assert refused.exit_code == 2 and "is al gedaan" in refused.stderr
    assert run("close", "WT-1", "--reason", "klaar").exit_code == 0
    before = store.snapshot()
    for args in (("A2", "--gedaan"), NEW):
        result = run("afspraak", "WT-1", *args)
        assert result.exit_code == 2 and "is afgesloten" in result.stderr
    assert store.snapshot() == before
    missing = run("afspraak", "WT-9", *NEW)
    assert missing.exit_code == 2 and "staat niet in het caselog" in missing.stderr


def test_a_dry_run_shows_and_writes_nothing(run, store):
    assert run("triage", "WT-1", "-a", A2).exit_code == 0
    before = store.snapshot()
    result = run("afspraak", "WT-1", *NEW, "--dry-run")
    assert result.exit_code == 0 and "proefdraai" in result.stdout
    assert store.snapshot() == before
    assert run("afspraak", "WT-1", *NEW).exit_code == 0
    before = store.snapshot()
    dry = as_json(run("afspraak", "WT-1", "A1", "--gedaan", "--dry-run", "-f", "json"))
    assert dry["stand"] == "gedaan" and dry["decision_id"] is None
    assert store.snapshot() == before


def test_without_a_terminal_what_is_missing_is_named(run, log):
    assert run("triage", "WT-1", "-a", A2).exit_code == 0
    result = run("afspraak", "WT-1", "--wat", "Bellen")
    assert result.exit_code == 2
    assert "geen terminal om te vragen wat is afgesproken; geef --wie, --leefgebied, " \
           "--uiterlijk" in result.stderr


def test_at_a_terminal_ave_asks_shows_and_saves_after_confirming(run, log, scripted):
    assert run("triage", "WT-1", "-a", A2).exit_code == 0
    ask = scripted([("Wat wordt er gedaan", "Schuldhulp aanvragen"),
                    ("Wie doet het", "Wijkteam Noord"),
                    ("Op welk leefgebied", "financien"),
                    ("Voor wie in het huishouden", "kind 1"),
                    ("Uiterlijk wanneer", "+14"),
                    ("Deze afspraak vastleggen", True)])
    result = run("afspraak", "WT-1")
    ask.done()
    assert result.exit_code == 0, result.output
    assert "Nieuwe afspraak · casus WT-1" in result.stdout and "vastgelegd: afspraak A1" in \
        result.stdout
    choices = [title for title, _value in ask.asked[2].choices]
    assert choices[:2] == ["wonen", "financiën"]  # labels, not keys
    listed = as_json(run("afspraken", "-f", "json"))["afspraken"]
    assert [(a["voor"], a["uiterlijk"]) for a in listed] == [("kind 1", "2026-03-16")]


def test_cancelling_at_the_terminal_saves_nothing_and_records_the_look(run, log, scripted):
    assert run("triage", "WT-1", "-a", A2).exit_code == 0
    before = log.read_bytes()
    scripted([("Wat wordt er gedaan", "Bellen"), ("Wie doet het", "GGZ"),
              ("Op welk leefgebied", "wonen"), ("Voor wie", ""), ("Uiterlijk", "+1"),
              ("Deze afspraak vastleggen", False)])
    result = run("afspraak", "WT-1")
    assert result.exit_code == 0 and "er is niets opgeslagen" in result.output, result.output
    assert log.read_bytes() == before
    audit = json.loads(run("audit", "--format", "json").stdout)
    assert ("afspraak", "afgebroken") in [(a["action"], a["result"]) for a in audit]


def test_a_colleagues_change_while_confirming_is_not_overwritten(run, store, scripted,
                                                                   tmp_path):
    """The case changed between the questions and the confirm: nothing is saved."""
    assert run("triage", "WT-1", "-a", A2).exit_code == 0
    env = {**os.environ, "AVE_BY": "collega"}

    def colleague_then_confirm():
        done = subprocess.run([sys.executable, "-m", "ave_cli", "escalate", "WT-1", "--to",
                               "AVE3", "--reason", "zorgen"], env=env, capture_output=True,
                              text=True)
        assert done.returncode == 0, done.stderr
        return True

    class Confirming:
        def __init__(self):
            self.script = scripted([("Wat wordt er gedaan", "Bellen"), ("Wie doet het", "GGZ"),
                                    ("Op welk leefgebied", "wonen"), ("Voor wie", ""),
                                    ("Uiterlijk", "+1")])

        def __call__(self, prompt):
            if "vastleggen" in str(prompt.message):
                return colleague_then_confirm()
            return self.script(prompt)

    cli.hooks["ask"] = Confirming()
    before_kinds = [r["kind"] for r in store.records()]
    result = run("afspraak", "WT-1")
    assert result.exit_code != 0
    assert "intussen gewijzigd door collega" in result.stderr
    assert [r["kind"] for r in store.records()] == before_kinds + ["escalation"]


# --- in what exists: export, check, purge, migrate ---------------------------------------------

def test_export_carries_the_afspraak_records(run, store):
    assert run("triage", "WT-1", "-a", A2).exit_code == 0
    assert run("afspraak", "WT-1", *NEW).exit_code == 0
    assert run("afspraak", "WT-1", "A1", "--gedaan").exit_code == 0
    lines = [json.loads(line) for line in run("export").stdout.splitlines()]
    assert [(r["kind"], r["afspraak"], r["stand"]) for r in lines] == [
        ("triage", "", ""), ("afspraak", "A1", ""), ("afspraak-stand", "A1", "gedaan")]
    assert lines[1]["wat"] == "Schuldhulp aanvragen" and lines[1]["voor"] == "moeder"


def _log_of(path, decisions) -> None:
    from ave_cli.record import logformat

    blocks, _head = logformat.encode_chain(decisions, "")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(logformat.header() + blocks)
    path.chmod(0o600)


def test_check_names_every_broken_rule_of_the_plan(run, log):
    """Records each sealed and chained (so only the plan's rules are broken): a number made
    twice, a change of a number there is not, a change after gedaan, a verlenging to an earlier
    date, a leefgebied the kapstok does not know, a plan record on a closed case."""
    from datetime import timedelta

    from conftest import T0

    from ave_cli.core.model import Decision
    from ave_cli.flows.kapstokken import load_kapstok

    ref = load_kapstok("handreiking").ref
    clock = iter(range(100))

    def record(kind, **fields):
        n = next(clock)
        return Decision(id=f"c{n}", case="WT-1", time=T0 + timedelta(hours=n), kind=kind,
                        kapstok=ref, by="tester", **fields)

    def made(nummer, area="wonen"):
        return record("afspraak", afspraak=nummer, wat="bellen", wie="GGZ", leefgebied=area,
                      uiterlijk="2026-04-01")

    _log_of(log, [
        record("triage", phase_after="AVE2", advised_phase="AVE2"),
        made("A1"), made("A1"),                                             # twice
        record("afspraak-stand", afspraak="A7", stand="gedaan"),            # not there
        record("afspraak-stand", afspraak="A1", stand="gedaan"),
        record("afspraak-stand", afspraak="A1", stand="vervallen", reasons=("x",)),  # after
        made("A2", area="buurt"),                                           # unknown area
        record("afspraak-stand", afspraak="A2", stand="verlengd", uiterlijk="2026-03-20",
               reasons=("x",)),                                             # earlier date
        record("close", phase_before="AVE2", reasons=("klaar",)),
        made("A3"),                                                         # closed case
    ])
    result = run("check")
    assert result.exit_code == 1
    text = " ".join(result.output.split())
    for expected in ("afspraak A1 van casus WT-1 bestaat al",
                     "wijziging van afspraak A7, die casus WT-1 niet heeft",
                     "wijziging van afspraak A1 van casus WT-1 nadat die gedaan was",
                     "leefgebied 'buurt' van afspraak A2 bestaat niet in kapstok handreiking",
                     "verlenging van afspraak A2 van casus WT-1 naar een datum die niet later is",
                     "afspraakrecord A3 bij casus 'WT-1', die afgesloten is"):
        assert expected in text, (expected, text)


def test_a_clean_plan_checks_clean(run, store):
    assert run("triage", "WT-1", "-a", A2).exit_code == 0
    assert run("afspraak", "WT-1", *NEW).exit_code == 0
    assert run("afspraak", "WT-1", "A1", "--verleng", "2026-05-01", "--reden", "x").exit_code == 0
    assert run("afspraak", "WT-1", "A1", "--gedaan").exit_code == 0
    assert run("afspraak", "WT-1", *NEW).exit_code == 0  # a new afspraak after gedaan: fine
    result = run("check")
    assert result.exit_code == 0, result.output


def test_purge_takes_a_cases_afspraken_with_it(run, store, monkeypatch):
    from datetime import datetime

    from conftest import T0

    for case in ("OLD", "OPEN"):
        assert run("triage", case, "-a", A2).exit_code == 0
        assert run("afspraak", case, *NEW).exit_code == 0
    assert run("close", "OLD", "--reason", "klaar").exit_code == 0
    later = datetime(2026, 6, 1, 12, tzinfo=T0.tzinfo)
    monkeypatch.setitem(cli.hooks, "now", lambda: later)
    result = run("purge", "--closed-before", "2026-05-01", "--yes")
    assert result.exit_code == 0, result.output
    assert {r["case"] for r in store.records()} == {"OPEN"}
    assert [a["case"] for a in as_json(run("afspraken", "-f", "json"))["afspraken"]] == ["OPEN"]
    assert run("check").exit_code == 0


def test_migrate_carries_the_plan_to_the_store(run, log, pg_url, monkeypatch):
    monkeypatch.setenv("AVE_LOG", str(log))
    assert run("triage", "WT-1", "-a", A2).exit_code == 0
    assert run("afspraak", "WT-1", *NEW).exit_code == 0
    assert run("afspraak", "WT-1", "A1", "--verleng", "2026-05-01", "--reden", "x").exit_code == 0
    assert run("afspraak", "WT-1", *NEW).exit_code == 0
    assert run("close", "WT-1", "--reason", "klaar").exit_code == 0  # closed after its plan
    on_file = as_json(run("afspraken", "-f", "json"))["afspraken"]
    moved = run("migrate", "--to", pg_url)
    assert moved.exit_code == 0, moved.output
    monkeypatch.setenv("AVE_LOG", pg_url)
    in_store = as_json(run("afspraken", "-f", "json"))["afspraken"]
    assert [{k: v for k, v in a.items() if k != "gemaakt"} for a in in_store] == [
        {k: v for k, v in a.items() if k != "gemaakt"} for a in on_file]
    assert run("check").exit_code == 0


def test_every_look_and_write_of_the_plan_is_in_the_access_log(run, store):
    assert run("triage", "WT-1", "-a", A2).exit_code == 0
    assert run("afspraak", "WT-1", *NEW).exit_code == 0
    assert run("afspraak", "WT-1", *NEW[:4], "--leefgebied", "buurt",
               "--uiterlijk", "+1").exit_code == 2
    assert run("afspraak", "WT-1", "A1", "--gedaan", "--dry-run").exit_code == 0
    assert run("afspraken").exit_code == 0
    assert run("plan", "wt-1").exit_code == 0
    assert run("plan", "WT-9").exit_code == 2
    got = [(r["action"], r["case"], r["result"])
           for r in json.loads(run("audit", "--format", "json").stdout)][1:]
    assert got == [("afspraak", "WT-1", "ok"), ("afspraak", "WT-1", "geweigerd"),
                   ("afspraak", "WT-1", "proefdraai"), ("afspraken", "WT-1", "ok"),
                   ("plan", "WT-1", "ok"), ("plan", "WT-9", "niet gevonden")]


def test_the_plan_fits_80_columns(run, log, monkeypatch):
    monkeypatch.setenv("COLUMNS", "80")
    assert run("triage", "WT-2024-017", "-a", A2).exit_code == 0
    for n in range(3):
        assert run("afspraak", "WT-2024-017", "--wat", "Een lange omschrijving van wat er "
                   f"precies moet gebeuren, nummer {n}", "--wie", "Wijkteam Noord-Oost",
                   "--leefgebied", "werk_dagbesteding", "--voor", "kind 2",
                   "--uiterlijk", "+30").exit_code == 0
    for args in (("afspraken",), ("plan", "WT-2024-017"), ("show", "WT-2024-017")):
        text = run(*args).stdout
        assert max(len(line) for line in text.splitlines()) <= 80, (args, text)
        assert "WT-2024-017" in text and "dagbesteding" in text  # the label, not the key
        assert "werk_dagbesteding" not in text
