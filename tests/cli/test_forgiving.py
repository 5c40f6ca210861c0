"""Forgiving input (issue 28, item 2): case ids as pasted and as mistyped, fase names as people
write them, and ave uitleg that knows the people and the verbs."""

from __future__ import annotations

import pytest
from conftest import EXAMPLES

from ave_cli.core.cases import nearest
from ave_cli.flows.kapstokken import load_kapstok

A2 = str(EXAMPLES / "handreiking" / "ave2.toml")
KNOWN = [f"WT-2024-{n:03d}" for n in range(300)] + ["ZVH-7", "BM.12"]


@pytest.mark.parametrize(("typed", "meant"), [
    ("wt-2024-17", "WT-2024-017"),     # a leading zero left out
    ("WT 2024 017", "WT-2024-017"),    # spaces for dashes
    ("WT2024017", "WT-2024-017"),      # no separators
    ("WT-2024-O17", "WT-2024-017"),    # the letter O for a zero
    ("WT-2024-0171", "WT-2024-171"),   # one key too many
    ("TW-2024-017", "WT-2024-017"),    # two letters swapped
    ("ZVH-8", "ZVH-7"),
    ("bm_12", "BM.12"),
])
def test_a_typo_finds_the_case_it_means_first(typed, meant):
    assert nearest(typed, KNOWN)[0] == meant


@pytest.mark.parametrize("typed", ["XX-1", "HELEMAAL-ANDERS", "WT-1999-5"])
def test_an_id_like_no_known_one_finds_none(typed):
    assert nearest(typed, KNOWN) == []


@pytest.mark.parametrize(("kapstok", "typed", "phase"), [
    ("handreiking", "AVE 4", "AVE4"), ("handreiking", "ave4", "AVE4"),
    ("handreiking", "fase 3", "AVE3"), ("handreiking", "3", "AVE3"),
    ("handreiking", "Fase AVE-2", "AVE2"), ("handreiking", " AVE1 ", "AVE1"),
    ("westerkwartier", "fase 2b", "2B"), ("westerkwartier", "2b", "2B"),
    ("westerkwartier", "AVE 2A", "2A"), ("westerkwartier", "ave4", "4"),
    ("westerkwartier", "Fase 0", "0"),
])
def test_a_fase_as_people_write_it(kapstok, typed, phase):
    assert load_kapstok(kapstok).phase_named(typed).id == phase


@pytest.mark.parametrize(("kapstok", "typed"), [("handreiking", "AVE5"), ("handreiking", "2B"),
                                                ("westerkwartier", "2C"), ("handreiking", "fase"),
                                                ("handreiking", "")])
def test_a_fase_that_is_not_there_is_not_found(kapstok, typed):
    assert load_kapstok(kapstok).phase_named(typed) is None


def test_a_kapstok_whose_fasen_read_alike_is_refused():
    from test_kapstok import bundled_text

    from ave_cli.core.kapstok import parse_kapstok
    from ave_cli.core.messages import KapstokError

    text = bundled_text().replace('id = "AVE4"', 'id = "4"').replace('id = "AVE1"', 'id = "AVE 4"')
    with pytest.raises(KapstokError, match="niet te onderscheiden van fase"):
        parse_kapstok(text.encode(), "k.toml")


def test_commands_take_fasen_and_ids_as_people_write_them(run, log):
    assert run("triage", "WT-2024-017", "-a", A2).exit_code == 0
    result = run("escalate", "WT-2024-017 ", "--to", "AVE 3", "--reason", "zorgen")
    assert result.exit_code == 0, result.output
    assert "AVE3" in result.stdout
    assert run("deescalate", "\twt-2024-017\n", "--to", "fase 2", "--reason", "beter",
               "--yes").exit_code == 0
    assert run("show", " WT-2024-017 ").exit_code == 0
    report = run("report", "--phase", "AVE 2", "-f", "json")
    assert report.exit_code == 0 and '"WT-2024-017"' in report.stdout
    assert run("triage", "WT-2024-017 ", "-a", A2, "--phase", "ave 2").exit_code == 0


@pytest.mark.parametrize("command", [
    ("show",), ("plan",), ("afspraken",), ("escalate", "--to", "AVE3", "--reason", "x"),
    ("close", "--reason", "x"), ("deescalate", "--to", "AVE1", "--reason", "x"),
    ("afspraak", "--wat", "x", "--wie", "y", "--leefgebied", "wonen", "--uiterlijk", "+1"),
])
def test_a_mistyped_id_is_answered_with_the_nearest_known_one(run, log, command):
    assert run("triage", "WT-2024-017", "-a", A2).exit_code == 0
    before = log.read_bytes()
    result = run(command[0], "wt-2024-17", *command[1:])
    assert result.exit_code == 2
    assert "bedoel je WT-2024-017?" in result.stderr
    assert "ave triage" not in result.stderr  # never: start a new case from the typo
    assert log.read_bytes() == before


def test_an_unknown_id_like_no_other_still_says_how_to_begin(run, log):
    assert run("triage", "WT-2024-017", "-a", A2).exit_code == 0
    result = run("escalate", "ZZ-1", "--to", "AVE3", "--reason", "x")
    assert result.exit_code == 2 and "begin met ave triage ZZ-1" in result.stderr


def test_a_triage_of_an_id_like_a_known_one_says_so_and_goes_on(run, log):
    assert run("triage", "WT-2024-017", "-a", A2).exit_code == 0
    result = run("triage", "WT-2024-17", "-a", A2)
    assert result.exit_code == 0  # a new case may be meant: the professional decides
    assert "casus WT-2024-17 staat nog niet in het caselog (een nieuwe casus); bedoel je " \
           "WT-2024-017?" in result.stderr


@pytest.mark.parametrize(("topic", "shown"), [
    ("casusregisseur", "Casusregisseur"), ("procesregisseur", "Procesregie"),
    ("opschalen", "Verticaal opschalen"), ("Afschalen", "Afschalen"),
    ("AVE 3", "AVE 3"), ("fase 2", "AVE 2"),
])
def test_uitleg_knows_the_people_and_the_verbs(run, topic, shown):
    result = run("uitleg", topic)
    assert result.exit_code == 0, result.output
    assert shown in result.stdout


@pytest.mark.parametrize(("topic", "near"), [("procesregiseur", "procesregisseur"),
                                             ("opschallen", "opschalen"),
                                             ("casusregi", "casusregie")])
def test_uitleg_suggests_the_nearest_term(run, topic, near):
    result = run("uitleg", topic)
    assert result.exit_code == 2 and f"bedoel je {near}?" in result.stderr


def test_times_are_shown_in_the_readers_zone_and_named_when_converted(run, log, monkeypatch):
    """Issue 28, item 3: a decision recorded on a machine at +05:00 reads, in Amsterdam, as
    Amsterdam's time with its zone named; one recorded in Amsterdam's own offset, unmarked."""
    import time
    from datetime import datetime, timedelta, timezone

    from ave_cli.cli import main as cli

    far = datetime(2026, 3, 2, 14, 30, tzinfo=timezone(timedelta(hours=5)))  # 10:30 CET
    home = datetime(2026, 3, 2, 11, 45, tzinfo=timezone(timedelta(hours=1)))
    monkeypatch.setitem(cli.hooks, "now", lambda: far)
    assert run("triage", "WT-1", "-a", A2).exit_code == 0
    monkeypatch.setitem(cli.hooks, "now", lambda: home)
    assert run("escalate", "WT-1", "--to", "AVE3", "--reason", "x").exit_code == 0
    monkeypatch.setenv("TZ", "Europe/Amsterdam")
    time.tzset()
    try:
        text = run("show", "WT-1").stdout
    finally:
        monkeypatch.undo()
        time.tzset()
    assert "2026-03-02 10:30 CET" in text  # converted, and said so
    assert "2026-03-02 11:45" in text and "11:45 CET" not in text  # as recorded: no mark
    assert "14:30" not in text


def test_kapstok_diff_between_other_fasen_compares_what_is_comparable(run, tmp_path):
    """Issue 28, item 3: AVE3 and 3 are one fase when the kapstokken name their fasen
    differently; with as many fasen, by their place (the same rules, renamed: no change)."""
    import json

    from test_kapstok import bundled_text

    west = json.loads(run("kapstok", "diff", "handreiking", "westerkwartier", "-f",
                          "json").stdout)
    assert west["compared_by_order"] is True
    assert 0 < west["changed"] < west["total"] // 4  # not "every answer set moves"
    text = bundled_text()
    for n in range(1, 5):
        text = text.replace(f"AVE{n}", f"G{n}").replace(f"AVE {n}", f"G {n}")
    renamed = tmp_path / "renamed.toml"
    renamed.write_text(text.replace('name = "handreiking"', 'name = "hernoemd"', 1),
                       encoding="utf-8")
    same = run("kapstok", "diff", "handreiking", str(renamed))
    assert same.exit_code == 0, same.output
    assert "op hun plaats van laag naar hoog" in same.stdout
    assert "AVE3 (3e)" in same.stdout and "G3 (3e)" in same.stdout
    assert "\n0 van 1.492.992 komen in een andere fase uit." in same.stdout  # nothing moves
    assert "Casuïstiek: 0 van" in same.stdout
