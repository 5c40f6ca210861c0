"""The shape of the code (../shared/STYLE.md): the imports go one way, the core imports nothing
from the shell, and the tests test the working tree."""

from __future__ import annotations

import ast
from pathlib import Path

from conftest import ROOT

import ave_cli

PACKAGE = ROOT / "ave_cli"
# Plain data in, plain data out: no printing, prompting, files, clock or language choice.
CORE = {"model", "kapstok", "kapstok_reader", "rules", "casus", "cases", "report", "decisions",
        "guard", "audit", "logformat", "fastrecord", "uitleg", "errors", "i18n", "catalog_en",
        "evaluation"}
SHELL = {"app", "cli", "__main__", "settings", "caselog", "appender", "rewrite", "index", "store",
         "writeguard",
         "accesslog",
         "actions",
         "actions_read", "durable",
         "questionnaire", "render", "render_case", "render_uitleg", "render_kapstok", "render_layout",
         "output",
         "complete", "chrome", "paths", "pgstore", "pgrows", "pgadmin", "pgschema", "cmd_store",
         "render_html",
         "cmd_audit", "cmd_case", "cmd_check", "cmd_kapstok", "cmd_report",
         "cmd_triage",
         "cmd_uitleg"}


def imports() -> dict[str, set[str]]:
    """Module -> the ave_cli modules it imports (anywhere in the file, also inside functions)."""
    names = {p.stem for p in PACKAGE.glob("*.py")} - {"__init__"}
    graph: dict[str, set[str]] = {}
    for name in names:
        found: set[str] = set()
        for node in ast.walk(ast.parse((PACKAGE / f"{name}.py").read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith(
                    "ave_cli"):
                found.add(node.module.removeprefix("ave_cli").lstrip("."))
                if node.module == "ave_cli":
                    found |= {a.name for a in node.names}
            elif isinstance(node, ast.Import):
                found |= {a.name.removeprefix("ave_cli.") for a in node.names
                          if a.name.startswith("ave_cli.")}
        graph[name] = {m for m in found if m in names and m != name}
    return graph


def test_every_module_is_core_or_shell():
    assert set(imports()) == CORE | SHELL


def test_the_import_graph_has_no_cycles():
    graph = imports()

    def reaches(start: str) -> set[str]:
        seen: set[str] = set()
        todo = [start]
        while todo:
            for nxt in graph[todo.pop()]:
                if nxt not in seen:
                    seen.add(nxt)
                    todo.append(nxt)
        return seen

    cyclic = sorted(m for m in graph if m in reaches(m))
    assert not cyclic, f"modules in an import cycle: {cyclic}"


def test_the_core_imports_nothing_from_the_shell():
    graph = imports()
    leaks = {m: sorted(graph[m] & SHELL) for m in CORE if graph[m] & SHELL}
    assert not leaks, leaks
    assert imports()["i18n"] <= {"catalog_en"}  # the translator imports nothing else of ave


def test_the_tests_import_the_working_tree():
    """pytest after `pip install .` must test the checkout, not the installed copy."""
    assert Path(ave_cli.__file__).resolve().parent == PACKAGE.resolve()


def test_every_environment_variable_is_listed_once():
    """Each variable read anywhere is in paths.ENV_VARS (and the README says what it does)."""
    import re

    from ave_cli.paths import ENV_VARS

    read = set()
    for path in PACKAGE.glob("*.py"):
        read |= set(re.findall(r"environ(?:\.get\(|\[)\"(AVE_[A-Z_]+)\"", path.read_text(
            encoding="utf-8")))
        read |= set(re.findall(r"_env_path\(\"(AVE_[A-Z_]+)\"\)", path.read_text(
            encoding="utf-8")))
    assert read == set(ENV_VARS)
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert all(f"`{name}`" in readme for name in ENV_VARS)


def test_rich_stays_in_the_terminal_views():
    """JSON, CSV and JSON Lines (output.py) and the core can be used without rich."""
    users = set()
    for path in PACKAGE.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("rich") or \
                    isinstance(node, ast.Import) and any(a.name.startswith("rich")
                                                         for a in node.names):
                users.add(path.stem)
    assert users == {"render", "render_kapstok", "render_case", "render_uitleg", "render_layout",
                     "render_html"}, users  # render_html: only rich's colour names


def test_the_core_does_not_translate():
    """Core modules build messages (errors.Msg) and never call the translator: the shell turns
    them into text in the language it chose."""
    for name in CORE - {"i18n", "catalog_en"}:
        tree = ast.parse((PACKAGE / f"{name}.py").read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.module == "ave_cli.i18n":
                used = {a.name for a in node.names}
                assert not used & {"_", "n_", "k_", "set_lang", "current"}, (name, used)


def test_a_core_error_carries_its_message_id_whatever_the_language():
    from ave_cli import i18n
    from ave_cli.app import Msg  # the shell installs the translator
    from ave_cli.core.kapstok import parse_kapstok
    from ave_cli.core.kapstok_reader import KapstokError

    i18n.set_lang("en")
    try:
        try:
            parse_kapstok(b"name = 'x'\nversion = '1'\n", "x.toml")
        except KapstokError as exc:
            error = exc
        assert error.message.msgid == "ongeldige kapstok {where}{problem}"
        assert error.message.render(lambda text: text).startswith("ongeldige kapstok x.toml")
        assert str(error).startswith("invalid kapstok x.toml")  # translated at the edge
        assert Msg.translate is i18n._
    finally:
        i18n.set_lang("nl")
