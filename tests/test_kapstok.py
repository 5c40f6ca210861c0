"""Kapstok files are validated on load; every error names the file, the place and the problem."""

from __future__ import annotations

import pytest

from ave_cli.kapstok import KapstokError, parse_kapstok
from ave_cli.settings import bundled_kapstokken, load_kapstok

BUNDLED = (load_kapstok("handreiking").source, load_kapstok("westerkwartier").source)


def bundled_text(name: str = "handreiking") -> str:
    from importlib import resources

    return (resources.files("ave_cli.config") / f"{name}.toml").read_text(encoding="utf-8")


def test_bundled_kapstokken_are_listed_and_load():
    assert bundled_kapstokken() == ["handreiking", "westerkwartier"]
    assert [p.id for p in load_kapstok("handreiking").phases] == ["AVE1", "AVE2", "AVE3", "AVE4"]
    assert [p.id for p in load_kapstok("WESTERKWARTIER").phases] == ["0", "1", "2A", "2B", "3", "4"]


def test_canonical_questions_in_both_kapstokken():
    keys = ["problematiek", "zorgbehoefte", "effect", "meewerken", "samenwerking", "veiligheid",
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
    ('key = "veiligheid"\nin = ["acuut"]', 'key = "veilig"\nin = ["acuut"]', "phase 'AVE4'.when[1]",
     "onbekende vraag 'veilig'"),
    ('key = "veiligheid"\nin = ["acuut"]', 'key = "veiligheid"\nin = ["heel erg"]',
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
