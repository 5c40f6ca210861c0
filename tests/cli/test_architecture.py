"""The shape of the code (../shared/STYLE.md): the layers' imports go one way (import-linter's
contracts), every module is in a layer, and the tests test the working tree."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT

import ave_cli

PACKAGE = ROOT / "ave_cli"
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")


def _lint_imports(root: Path) -> subprocess.CompletedProcess[str]:
    """import-linter over the package in `root`, with the contracts in pyproject.toml."""
    assert LINT_IMPORTS.exists(), "lint-imports is missing: pip install -e '.[test]'"
    return subprocess.run([str(LINT_IMPORTS), "--config", str(root / "pyproject.toml")],
                          cwd=root, env={**os.environ, "PYTHONPATH": str(root)},
                          capture_output=True, text=True, timeout=300)


def test_the_import_contracts_hold():
    """The layers (cli -> flows -> stores -> record -> core), the two stores apart, and rich,
    questionary and psycopg only in their rooms: pyproject.toml's [tool.importlinter]."""
    found = _lint_imports(ROOT)
    assert found.returncode == 0, found.stdout + found.stderr
    assert "8 kept, 0 broken" in found.stdout, found.stdout


@pytest.mark.parametrize(("module", "arrow", "contract"), [
    ("core/model.py", "from ave_cli.cli import i18n", "Layers"),
    ("stores/file/caselog.py", "from ave_cli.stores.postgres import rows", "never import each other"),
    ("core/rules.py", "import typer", "no third-party"),
    ("cli/commands/audit.py", "from ave_cli.stores.file import caselog", "only through a flow"),
    ("flows/decide.py", "import questionary", "questionary"),
    ("settings.py", "from ave_cli.stores import choose", "opens nothing"),
])
def test_a_forbidden_arrow_breaks_a_contract(tmp_path, module, arrow, contract):
    """The contracts can fail: one forbidden import added to a copy of the package breaks
    exactly the contract that names it."""
    shutil.copytree(PACKAGE, tmp_path / "ave_cli", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    target = tmp_path / "ave_cli" / module
    target.write_text(target.read_text(encoding="utf-8") + f"\n{arrow}  # noqa\n",
                      encoding="utf-8")
    found = _lint_imports(tmp_path)
    assert found.returncode != 0, found.stdout
    broken = [line for line in found.stdout.splitlines() if line.endswith("BROKEN")]
    assert len(broken) == 1 and contract in broken[0], found.stdout


def test_every_module_is_in_a_layer():
    """Below ave_cli/ only the layers' folders, and the modules that say where things live."""
    top = {p.name for p in PACKAGE.iterdir() if not p.name.startswith((".", "__pycache__"))}
    assert top == {"__init__.py", "__main__.py", "settings.py", "paths.py", "config", "core",
                   "record", "stores", "flows", "cli"}, top


def test_the_tests_import_the_working_tree():
    """pytest after `pip install .` must test the checkout, not the installed copy."""
    assert Path(ave_cli.__file__).resolve().parent == PACKAGE.resolve()


def test_every_environment_variable_is_listed_once():
    """Each variable read anywhere is in paths.ENV_VARS (and the README says what it does)."""
    import re

    from ave_cli.paths import ENV_VARS

    read = set()
    for path in PACKAGE.rglob("*.py"):
        read |= set(re.findall(r"environ(?:\.get\(|\[)\"(AVE_[A-Z_]+)\"", path.read_text(
            encoding="utf-8")))
        read |= set(re.findall(r"_env_path\(\"(AVE_[A-Z_]+)\"\)", path.read_text(
            encoding="utf-8")))
    assert read == set(ENV_VARS)
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert all(f"`{name}`" in readme for name in ENV_VARS)


def test_a_core_error_carries_its_message_id_whatever_the_language():
    from ave_cli.cli import i18n
    from ave_cli.cli.app import Msg  # the shell installs the translator
    from ave_cli.core.kapstok import parse_kapstok
    from ave_cli.core.messages import KapstokError

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


def test_the_error_family_lives_in_one_module():
    """Every AveError (and Cancelled) is defined in core/messages.py and imported from there."""
    import importlib
    import pkgutil

    from ave_cli.core.messages import AveError

    for module in pkgutil.walk_packages([str(PACKAGE)], "ave_cli."):
        importlib.import_module(module.name)
    family, todo = set(), [AveError]
    while todo:
        for cls in todo.pop().__subclasses__():
            family.add(cls)
            todo.append(cls)
    assert len(family) >= 6  # EnvironmentProblem, KapstokError, LogError, LogWentBack, ...
    assert {cls.__module__ for cls in family} == {"ave_cli.core.messages"}, {
        cls.__name__: cls.__module__ for cls in family}
