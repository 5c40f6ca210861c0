"""Help that reads well in the user's language, and examples that work when pasted."""

from __future__ import annotations

import ast
import re
import shlex
import shutil
import subprocess
import sys

import pytest
from conftest import EXAMPLES, ROOT
from typer.testing import CliRunner

from ave_cli.cli import i18n
from ave_cli.cli import main as cli

ENGLISH_CHROME = ("Usage", "Options", "Commands", "Arguments", "Show this message and exit",
                  "[default:", "[required]", "Install completion", "Show completion",
                  "[OPTIONS]", "COMMAND [ARGS]", "{CASUS}", "ZAAK_ID")
COMMANDS = [["triage"], ["escalate"], ["deescalate"], ["afspraak"], ["afspraken"], ["plan"],
            ["close"], ["show"], ["report"],
            ["reevaluate"], ["export"], ["uitleg"], ["kapstok"], ["kapstok", "test"],
            ["kapstok", "diff"], ["audit"], ["check"], ["head"], ["purge"], ["reindex"], []]
# Their examples need a PostgreSQL server: test_every_store_example_works_when_pasted
STORE_COMMANDS = [["store"], ["store", "init"], ["store", "add-team"], ["store", "share"],
                  ["migrate"]]


@pytest.mark.parametrize("command", COMMANDS + STORE_COMMANDS, ids=lambda c: " ".join(c) or "ave")
def test_help_has_no_english_chrome_in_dutch(run, command):
    text = run(*command, "--help").stdout
    assert "Gebruik: ave" in text and "Opties" in text
    found = [word for word in ENGLISH_CHROME if word in text]
    assert not found, found


@pytest.mark.parametrize("command", COMMANDS + STORE_COMMANDS, ids=lambda c: " ".join(c) or "ave")
def test_help_in_english_has_its_own_chrome(run, command):
    text = run("--lang", "en", *command, "--help").stdout
    assert "Usage: ave" in text and "Options" in text and "Show this help and exit" in text
    assert not i18n.missing, sorted(i18n.missing)


@pytest.mark.parametrize(("args", "dutch", "english"), [
    (["show"], "argument CASUS ontbreekt", "argument CASE is missing"),
    (["show", "--bogus"], "onbekende optie --bogus", "unknown option --bogus"),
    (["report", "--format", "xml"], "'xml' past niet bij --format / -f (kies uit: text, json, csv, html)",
     "'xml' does not fit --format / -f (choose from: text, json, csv, html)"),
    (["report", "--limit", "abc"], "'abc' past niet bij --limit: geef een getal",
     "'abc' does not fit --limit: give a number"),
    (["escalate", "X", "--to"], "optie --to verwacht een waarde", "option --to needs a value"),
    (["show", "a", "b"], "onverwacht extra argument: b", "unexpected extra argument: b"),
    (["sho"], "onbekende opdracht 'sho' (bedoel je 'show'?)",
     "unknown command 'sho' (did you mean 'show'?)"),
])
def test_usage_errors_in_both_languages(run, args, dutch, english):
    result = run(*args)
    assert result.exit_code == 2 and dutch in result.stderr, result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    # English as a user gets it: the language is chosen before the commands are built
    english_run = subprocess.run([sys.executable, "-m", "ave_cli", "--lang", "en", *args],
                                 capture_output=True, text=True, cwd=ROOT, check=False)
    assert english_run.returncode == 2 and english in english_run.stderr, english_run.stderr


def test_commands_are_listed_in_the_order_a_professional_meets_them(run, monkeypatch):
    monkeypatch.setenv("COLUMNS", "200")
    text = run("--help").stdout
    listed = re.findall(r"^│ (\w+) ", text[text.index("Opdrachten"):], re.MULTILINE)
    assert listed[:7] == ["triage", "escalate", "deescalate", "close", "show", "report",
                          "reevaluate"], listed
    assert "explain" not in listed  # a hidden alias of uitleg
    assert run("explain", "--help").exit_code == 0


def test_help_texts_have_no_hard_line_breaks_mid_sentence():
    """A single newline inside a help paragraph shows as a ragged break at every width."""
    for path in sorted((ROOT / "ave_cli" / "cli" / "commands").glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "_" and node.args \
                    and isinstance(node.args[0], ast.Constant) and len(node.args[0].value) > 80:
                text = node.args[0].value
                assert not re.search(r"[^\n]\n(?=[^\n \[])", text), (path.name, text[:60])


# --- the examples of every --help, pasted --------------------------------------------------

def _examples(command: list[str]) -> list[str]:
    text = CliRunner().invoke(cli.app, [*command, "--help"], env={"COLUMNS": "300"}).stdout
    return [line.strip() for line in text.splitlines() if line.strip().startswith("ave ")]


def _answer_as_offered(prompt):
    """A professional who takes what the screen offers: the default, else the first choice; on
    the review screen, whose default does not save (issue 28), the first choice, which saves; a
    checklist is confirmed whole."""
    if prompt.fresh:
        return prompt.choices[0][1]
    if prompt.kind == "checkbox":
        return [value for _, value in prompt.choices]
    if prompt.kind == "text":
        return prompt.default or "WT-2024-017"
    return prompt.default if prompt.default is not None else prompt.choices[0][1]


def test_every_help_example_works_when_pasted(run, log, tmp_path, monkeypatch):
    """In a folder with the project's examples and the files the examples name, on the bundled
    default kapstok, each example of each --help runs, in the order of the list."""
    monkeypatch.chdir(tmp_path)
    shutil.copytree(ROOT / "examples", tmp_path / "examples")
    shutil.copyfile(EXAMPLES / "handreiking" / "ave3.json", tmp_path / "antwoorden.json")
    shutil.copyfile(ROOT / "ave_cli" / "config" / "westerkwartier.toml",
                    tmp_path / "mijngemeente.toml")
    (tmp_path / "casussen.csv").write_text(
        "case,problematiek,effect,meewerken,samenwerking,veiligheid\n"
        "WT-2024-101,enkelvoudig,ja,ja,goed,nee\n", encoding="utf-8")
    monkeypatch.setitem(cli.hooks, "ask", _answer_as_offered)
    assert run("triage", "WT-17", "-a", str(EXAMPLES / "handreiking" / "ave2.toml")).exit_code == 0
    ran = 0
    for command in COMMANDS[:-1]:
        for example in _examples(command):
            words = shlex.split(example)[1:]
            target = None
            if ">" in words:
                words, target = words[:words.index(">")], words[words.index(">") + 1]
            result = run(*words)
            assert result.exit_code == 0, (example, result.stderr)
            if target:
                (tmp_path / target).write_text(result.stdout, encoding="utf-8")
            ran += 1
    assert ran >= 35  # every command's examples, not a few


def test_reevaluate_apply_asks_first(run, log, scripted):
    run("triage", "WT-1", "-a", str(EXAMPLES / "handreiking" / "ave2.toml"), "--phase", "AVE3",
        "--motivation", "politie meldt zorgen")
    refused = run("reevaluate", "--include-overrides", "--apply")
    assert refused.exit_code == 2 and "--yes" in refused.stderr
    assert "reevaluation" not in log.read_text(encoding="utf-8")
    ask = scripted([("1 besluiten (herbeoordeling) vastleggen?", False)])
    assert run("reevaluate", "--include-overrides", "--apply").exit_code == 0
    ask.done()
    assert "reevaluation" not in log.read_text(encoding="utf-8")
    assert run("reevaluate", "--include-overrides", "--apply", "--yes").exit_code == 0
    assert 'kind = "reevaluation"' in log.read_text(encoding="utf-8")


def test_report_refuses_a_phase_the_kapstok_does_not_have(run, log):
    run("triage", "WT-1", "-a", str(EXAMPLES / "handreiking" / "ave2.toml"))
    wrong = run("report", "--phase", "AVE5")
    assert wrong.exit_code == 2 and "onbekende fase 'AVE5'" in wrong.stderr
    assert "AVE1, AVE2, AVE3, AVE4" in wrong.stderr
    assert run("report", "--phase", "ave2").exit_code == 0


def test_every_store_example_works_when_pasted(run, pg_url, pg_server, tmp_path, monkeypatch):
    """The examples of `ave store` and `ave migrate`, with the example addresses replaced by
    the test server's (the owner's for the owner's, the tester's for a professional's)."""
    from ave_cli.stores.postgres import admin as pgadmin

    monkeypatch.chdir(tmp_path)
    shutil.copyfile(ROOT / "examples" / "sample-log.toml", tmp_path / "caselog.toml")
    owner = pg_url.replace("tester@", "ave_eigenaar@", 1)
    pgadmin.add_team(owner, "zvh")
    assert run("triage", "WT-17", "-a", str(EXAMPLES / "handreiking" / "ave2.toml")).exit_code == 0
    ran = 0
    for command in STORE_COMMANDS:
        for example in _examples(command):
            example = (example.replace("postgresql://ave_eigenaar@db.gemeente.nl/ave", owner)
                       .replace("postgresql://anna@db.gemeente.nl/ave", pg_url))
            result = run(*shlex.split(example)[1:])
            assert result.exit_code == 0, (example, result.stderr)
            ran += 1
    assert ran == 6
