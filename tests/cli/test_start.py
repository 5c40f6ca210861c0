"""`ave` alone, shell completion, and help that shows real examples."""

from __future__ import annotations

import pytest
from conftest import EXAMPLES
from typer.testing import CliRunner

from ave_cli.cli import main as cli

H = EXAMPLES / "handreiking"


def test_start_screen_says_where_you_are(run, log):
    empty = run()
    assert empty.exit_code == 0
    assert "handreiking 2.2.0" in empty.stdout and "(nog leeg)" in empty.stdout
    for command in ("ave triage", "ave report", "ave kapstok"):
        assert command in empty.stdout
    run("triage", "A", "-a", str(H / "ave2.toml"))
    run("triage", "B", "-a", str(H / "ave1.toml"))
    run("close", "B", "--reason", "klaar")
    assert "(1 open casus)" in run().stdout


def complete(words: str, env: dict | None = None) -> list[str]:
    result = CliRunner().invoke(cli.app, [], prog_name="ave", env={
        "_AVE_COMPLETE": "complete_bash", "COMP_WORDS": words,
        "COMP_CWORD": str(len(words.split(" ")) - 1), **(env or {})})
    return result.stdout.split()


def test_completion_of_case_ids_phases_and_kapstokken(run, log):
    run("triage", "WT-1", "-a", str(H / "ave2.toml"))
    run("triage", "WT-2", "-k", "westerkwartier", "-a",
        str(EXAMPLES / "westerkwartier" / "fase-1.toml"))
    run("triage", "XY-3", "-a", str(H / "ave1.toml"))
    assert complete("ave show WT") == ["WT-1", "WT-2"]
    assert complete("ave escalate WT-1 --to AVE") == ["AVE1", "AVE2", "AVE3", "AVE4"]
    assert complete("ave escalate WT-2 --to ") == ["0", "1", "2A", "2B", "3", "4"]  # its kapstok
    assert complete("ave report -k w") == ["westerkwartier"]
    assert complete("ave escalate WT-1 --to AVE3 --signal ag") == ["agressie"]


def test_completion_stays_quiet_on_a_broken_log(run, log):
    log.parent.mkdir(parents=True)
    log.write_text("geen caselog", encoding="utf-8")
    assert complete("ave show W") == []


COMMANDS = ["triage", "escalate", "deescalate", "close", "show", "report", "reevaluate", "export",
            "check", "head", "purge", "reindex", "kapstok", "uitleg", "explain", "audit", "store",
            "migrate", "afspraak", "afspraken", "plan"]


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help_with_examples(run, command):
    result = run(command, "--help")
    assert result.exit_code == 0
    assert "Voorbeeld" in result.stdout and f"ave {command}" in result.stdout


def test_uitleg_explains_from_the_kapstok(run, monkeypatch):
    monkeypatch.setenv("COLUMNS", "200")
    text = run("uitleg").stdout
    for part in ("Twee assen", "Horizontaal opschalen", "Verticaal opschalen", "Zeven leidende "
                 "principes", "7. Schaal af", "Vier verantwoordelijkheden",
                 "ongeveer 80% van de huishoudens", "AVE 4 (donkerrood)"):
        assert part in text, part
    local = run("explain", "-k", "westerkwartier").stdout
    assert "Bij een meningsverschil over op- of afschalen besluit: Teamleider Wmo." in local
    assert "Minderjarigen betrokken" in local


def test_uitleg_of_one_phase_and_one_role(run, monkeypatch):
    monkeypatch.setenv("COLUMNS", "200")
    phase = run("uitleg", "ave3").stdout
    assert "Fase AVE 3 (oranje/rood)" in phase and "Als al deze criteria gelden:" in phase
    assert "Zorg- en Veiligheidshuis" in phase and "De scenario's zijn uitgewerkt." in phase
    role = run("uitleg", "casusregie", "-k", "westerkwartier").stdout
    assert "Jeugdconsulent" not in role.split("Lokale regels")[0]  # the table: the kapstok's own
    assert "Minderjarigen betrokken: de jeugdconsulent" in role  # and the rule that changes it
    wrong = run("uitleg", "wethouder")
    assert wrong.exit_code == 2 and "geen fase, rol of begrip" in wrong.stderr


def test_the_command_list_is_complete():
    registered = {c.name or c.callback.__name__ for c in cli.app.registered_commands}
    registered |= {g.name for g in cli.app.registered_groups}  # ave kapstok (test, diff)
    assert registered == set(COMMANDS)


@pytest.mark.parametrize("xdg", [None, "", "  ", "/tmp/xdg-elders"])
def test_the_config_path_is_the_one_platformdirs_gives(monkeypatch, xdg):
    """paths.config_path follows platformdirs' rule on Linux without importing it."""
    from platformdirs import user_config_path

    from ave_cli.paths import APP, config_path

    monkeypatch.delenv("AVE_CONFIG", raising=False)
    if xdg is None:
        monkeypatch.delenv("XDG_CONFIG_HOME", raising=False)
    else:
        monkeypatch.setenv("XDG_CONFIG_HOME", xdg)
    assert config_path() == user_config_path(APP) / "config.toml"
