"""Dutch and English: every message of ave and every kapstok text exists in both languages.

The catalogue is checked statically (every `_()`, `n_()` and `N_()` text of the package has an
English entry with the same placeholders, and no entry is stale), and by use: every command's
help and every error of the bad-input catalogue is rendered in English without a message that
falls back to Dutch."""

from __future__ import annotations

import ast
import os
import string
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
from conftest import EXAMPLES
from test_bad_input import CATALOGUE, provoke

from ave_cli.cli import i18n
from ave_cli.cli.catalog_en import EN
from ave_cli.core.kapstok import TRANSLATABLE

PACKAGE = Path(i18n.__file__).parent.parent  # ave_cli/
COMMANDS = ["triage", "kapstok", "escalate", "deescalate", "close", "show", "report",
            "reevaluate", "export", "check", "head", "purge", "reindex", "uitleg", "explain",
            "afspraak", "afspraken", "plan"]


def _messages() -> dict[str, str]:
    """Every message id in the package, with the file it is in."""
    found: dict[str, str] = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        if path.name == "catalog_en.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) \
                    and node.func.id in ("_", "n_", "N_", "Msg"):
                for arg in node.args[:2] if node.func.id == "n_" else node.args[:1]:
                    # a literal, or a value from a table whose texts are marked with N_()
                    assert not isinstance(arg, (ast.JoinedStr, ast.BinOp, ast.Call)), (
                        f"{path.name}:{node.lineno}: a message must be one whole text, not "
                        "built from pieces")
                    if isinstance(arg, ast.Constant):
                        found.setdefault(arg.value, path.name)
    return found


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_every_message_has_an_english_text_with_the_same_placeholders():
    messages = _messages()
    assert len(messages) > 300  # the scan really finds the messages
    missing = sorted(m for m in messages if m not in EN)
    assert not missing, f"no English for: {missing[:5]}"
    for msgid in messages:
        assert _fields(EN[msgid]) == _fields(msgid), msgid
        assert EN[msgid].strip(), msgid


def test_the_catalogue_holds_no_stale_entries():
    stale = sorted(set(EN) - set(_messages()))
    assert not stale, f"no longer used: {stale[:5]}"


@pytest.mark.parametrize("name", ["handreiking", "westerkwartier"])
def test_every_text_of_the_bundled_kapstokken_is_also_in_english(name):
    doc = tomllib.loads((PACKAGE / "config" / f"{name}.toml").read_text(encoding="utf-8"))
    tables = [("top", doc)] + [("question", q) for q in doc["question"]] + \
        [("phase", p) for p in doc["phase"]] + \
        [("criterion", w) for p in doc["phase"] for w in p.get("when", [])] + \
        [("local_rule", r) for r in doc.get("local_rule", [])] + \
        [("begrip", b) for b in doc.get("begrip", [])]
    checked = 0
    for kind, table in tables:
        for key in TRANSLATABLE[kind]:
            value = table.get(key)
            if value in (None, "", [], {}):
                continue
            which = table.get("key") or table.get("id") or table.get("reason", "")
            assert f"{key}_en" in table, f"{name}: {kind} {which!r} has {key} but no {key}_en"
            checked += 1
    assert checked > 50


def test_a_kapstok_english_text_must_have_the_dutch_shape(tmp_path):
    from ave_cli.core.kapstok import parse_kapstok
    from ave_cli.core.messages import KapstokError

    text = (PACKAGE / "config" / "handreiking.toml").read_text(encoding="utf-8")
    broken = text.replace('notes_en = [\n    "When in doubt',
                          'notes_en = [\n    "Extra",\n    "When in doubt', 1)
    assert broken != text
    with pytest.raises(KapstokError, match="notes_en"):
        parse_kapstok(broken.encode(), "kapot.toml")


def test_the_language_comes_from_option_env_or_config():
    assert i18n.from_argv(["triage", "--lang", "en", "X"]) == ("en", ["triage", "X"])
    assert i18n.from_argv(["--lang=en", "report"]) == ("en", ["report"])
    assert i18n.from_argv(["triage", "--", "--lang", "en"]) == (None, ["triage", "--", "--lang", "en"])
    assert i18n.choose(None, None, None) == "nl"
    assert i18n.choose(None, "EN", "nl") == "en"
    assert i18n.choose(None, None, "en") == "en"
    assert i18n.choose("nl", "en", "en") == "nl"
    with pytest.raises(i18n.LanguageError):
        i18n.choose("fr", None, None)


def _ave(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "ave_cli", *args], capture_output=True,
                          text=True, env={**os.environ, "COLUMNS": "100", **(env or {})},
                          timeout=60)


DUTCH_WORDS = (" de ", " het ", " een ", " niet ", " van ", " wordt ", " geen ", " voor ", " als ")


def _dutch_left(text: str) -> list[str]:
    """Lines of English output that still read as Dutch sentences (domain words such as fase,
    kapstok and casusregie are meant to stay Dutch; the examples' own data is Dutch too)."""
    lines = []
    for line in text.splitlines():
        plain = f" {line.lower()} "
        if line.strip().startswith(("ave ", "│   ave ")) or "--reason" in line or "--holder" in line:
            continue  # an example command with Dutch data in it
        if sum(word in plain for word in DUTCH_WORDS) >= 2:
            lines.append(line)
    return lines


@pytest.mark.system  # a real `python -m ave_cli` per command and language
@pytest.mark.parametrize("command", [None, *COMMANDS])
def test_every_help_renders_in_both_languages(command):
    args = [command, "--help"] if command else ["--help"]
    dutch = _ave(*args)
    english = _ave("--lang", "en", *args)
    assert dutch.returncode == english.returncode == 0, english.stderr
    assert dutch.stdout != english.stdout
    assert not _dutch_left(english.stdout), _dutch_left(english.stdout)
    assert "Language of ave" in _ave("--lang", "en", "--help").stdout


def test_the_language_follows_the_environment_and_the_user_config(tmp_path):
    assert "Show the kapstok" in _ave("kapstok", "--help", env={"AVE_LANG": "en"}).stdout
    config = tmp_path / "config.toml"
    config.write_text('lang = "en"\n', encoding="utf-8")
    assert "Show the kapstok" in _ave("kapstok", "--help", env={"AVE_CONFIG": str(config)}).stdout
    assert "Toon de kapstok" in _ave("--lang", "nl", "kapstok", "--help",
                                     env={"AVE_CONFIG": str(config)}).stdout
    bad = _ave("--lang", "fr", "report")
    assert bad.returncode == 2 and bad.stderr.count("\n") == 1 and "nl" in bad.stderr


@pytest.fixture
def english():
    i18n.set_lang("en")
    i18n.missing.clear()
    yield
    i18n.set_lang("nl")


@pytest.mark.parametrize(("name", "prepare", "args"), CATALOGUE, ids=[c[0] for c in CATALOGUE])
def test_every_error_renders_in_english_without_a_missing_text(english, run, log, tmp_path,
                                                               monkeypatch, name, prepare, args):
    result, _ = provoke(run, log, tmp_path, monkeypatch, prepare, args)
    assert result.exit_code in (1, 2)
    error = result.stderr.strip()
    assert error.startswith("ave: error: ") and "\n" not in error, error
    assert not i18n.missing, sorted(i18n.missing)
    assert not _dutch_left(error), error


def test_uitleg_and_the_start_screen_in_english(english, run, log):
    run("triage", "WT-1", "-a", str(EXAMPLES / "handreiking" / "ave2.toml"))
    start = run().stdout
    assert "open cases" in start and "Try" in start
    explained = run("uitleg", "--kapstok", "westerkwartier").stdout
    for text in ("Two axes", "Seven leading principles", "2B Multiple, resident avoids care",
                 "Minors involved: the municipality's youth consultant"):
        assert text in explained
    assert not i18n.missing, sorted(i18n.missing)
