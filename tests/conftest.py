from __future__ import annotations

import itertools
import os
import sys
from dataclasses import replace
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from ave_cli.cli import i18n
from ave_cli.cli import main as cli
from ave_cli.flows.questions import Prompt

ROOT = Path(__file__).resolve().parent.parent
# Tests by layer (issue 25, item 7): core (pure), flows (flows and stores on temporary files),
# cli (the CLI runner), system (real terminals, PostgreSQL, Chromium, full disks, kills). A test
# module may use another's helpers, whichever folder it is in.
LAYERS = ("core", "flows", "cli", "system")
sys.path[:0] = [str(ROOT / "tests" / layer) for layer in LAYERS]
# What makes a test a system test outside tests/system: a real server, a real small disk.
SYSTEM_FIXTURES = {"pg_server", "pg_url", "tiny_fs"}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """`pytest -m "not system"` is the fast tier: everything but the parts users have for real."""
    for item in items:
        params = getattr(getattr(item, "callspec", None), "params", {})
        if (Path(str(item.path)).parent.name == "system"
                or SYSTEM_FIXTURES & set(getattr(item, "fixturenames", ()))
                or "postgresql" in (params.get("any_store"), params.get("store"))):
            item.add_marker(pytest.mark.system)
EXAMPLES = ROOT / "examples" / "answers"
T0 = datetime(2026, 3, 2, 9, 30, tzinfo=timezone(timedelta(hours=1)))


REAL_DIRS = [Path(os.path.expanduser(p)) for p in ("~/.local/share/ave", "~/.cache/ave",
                                                     "~/.config/ave")]


@pytest.fixture(autouse=True)
def hermetic(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """Keep every test away from the user's real log, config and terminal settings, and fail
    a test after which the user's real folders hold something of ave's."""
    existed = {d: d.exists() for d in REAL_DIRS}
    for variable in ("XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_CONFIG_HOME"):
        monkeypatch.setenv(variable, str(tmp_path / variable.lower()))
    log = tmp_path / "data" / "caselog.toml"
    monkeypatch.setenv("AVE_LOG", str(log))
    monkeypatch.setenv("AVE_CONFIG", str(tmp_path / "config.toml"))
    monkeypatch.setenv("AVE_BY", "tester")
    monkeypatch.setenv("AVE_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("AVE_KAPSTOK", raising=False)
    monkeypatch.setenv("COLUMNS", "120")
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("TERM", "dumb")
    clock = itertools.count()
    ids = itertools.count(1)
    monkeypatch.setitem(cli.hooks, "now", lambda: T0 + timedelta(hours=next(clock)))
    monkeypatch.setitem(cli.hooks, "new_id", lambda: f"d{next(ids):04d}")
    monkeypatch.setitem(cli.hooks, "ask", None)
    i18n.set_lang("nl")  # the language is process state (--lang en in one call stays set)
    yield log
    i18n.set_lang("nl")
    leaked = [d for d in REAL_DIRS if d.exists() and not existed[d]]
    assert not leaked, f"a test wrote to the user's real folders: {leaked}"


def roll_back(log: Path, data: bytes | None = None) -> None:
    """Put the log back as the test wants it (`data`, or gone) as a fresh start: this computer
    forgets the head it saw and the access log goes too (else ave rightly says it went back)."""
    import contextlib

    from ave_cli import settings
    from ave_cli.stores.file import caselog

    if data is None:
        with contextlib.suppress(FileNotFoundError):
            log.unlink()
    else:
        log.write_bytes(data)
    caselog.drop_index(log, settings.resolve(str(log)).cache, anchor=None)
    with contextlib.suppress(FileNotFoundError):
        log.with_name(log.name + ".toegang").unlink()


@pytest.fixture
def log(hermetic: Path) -> Path:
    return hermetic


class ScriptedAsk:
    """Answers prompts from a script of (text expected in the message, answer) pairs.

    Any prompt not in the script, or out of order, fails the test at once.
    """

    def __init__(self, script: list[tuple[str, Any]]):
        self.script = list(script)
        self.asked: list[Prompt] = []

    def __call__(self, prompt: Prompt) -> Any:
        # what a person reads: the prompt's messages in the interface language, as the terminal
        # asker (cli/questionnaire.py) shows them
        prompt = replace(prompt, message=str(prompt.message), help=str(prompt.help),
                         choices=tuple((str(title), value) for title, value in prompt.choices))
        self.asked.append(prompt)
        if not self.script:
            raise AssertionError(f"unexpected prompt: {prompt.message!r}")
        expected, answer = self.script.pop(0)
        assert expected in prompt.message, f"expected a prompt about {expected!r}, got {prompt.message!r}"
        if isinstance(answer, BaseException):
            raise answer
        if prompt.kind == "select":
            assert answer in [value for _, value in prompt.choices], (answer, prompt.choices)
        if prompt.kind == "text" and prompt.validate:
            assert prompt.validate(answer) is None, prompt.validate(answer)
        return answer

    def done(self) -> None:
        assert not self.script, f"prompts never asked: {self.script}"


@pytest.fixture
def scripted(monkeypatch: pytest.MonkeyPatch):
    def install(script: list[tuple[str, Any]]) -> ScriptedAsk:
        ask = ScriptedAsk(script)
        monkeypatch.setitem(cli.hooks, "ask", ask)
        return ask

    return install


@pytest.fixture
def run():
    runner = CliRunner()

    def invoke(*args: str, input: str | None = None):
        return runner.invoke(cli.app, list(args), input=input)

    return invoke


def flat(text: str) -> str:
    """Panel text with borders removed and whitespace collapsed, for phrase checks."""
    import re

    return re.sub(r"\s+", " ", re.sub(r"[│╭╮╰╯─┃┏┓┗┛━]", " ", text)).strip()


# --- a real PostgreSQL server (tests/pgserver.py) ---------------------------------------------

PEOPLE = {"tester": "noord", "anna": "noord", "bert": "zuid"}  # login role -> their team
_DATABASES = itertools.count()


@pytest.fixture(scope="session")
def pg_server():
    """One server for the session; the PostgreSQL tests fail (never skip) when it cannot start."""
    import pgserver

    try:
        server = pgserver.start()
    except RuntimeError as exc:
        pytest.fail(str(exc), pytrace=False)
    for person in PEOPLE:
        server.sql(f"CREATE ROLE {person} LOGIN")
    yield server
    server.stop()


@pytest.fixture
def pg_url(pg_server, monkeypatch: pytest.MonkeyPatch, hermetic: Path):
    """A fresh, initialised store with the teams noord and zuid; AVE_LOG points at it as
    'tester', whose only team is noord."""
    from ave_cli.stores.postgres import admin as pgadmin
    from ave_cli.stores.postgres import store as pgstore

    name = f"ave{os.getpid()}_{next(_DATABASES)}"
    owner = pg_server.fresh_database(name)
    pgadmin.init(owner)
    for person, team in PEOPLE.items():
        pgadmin.add_team(owner, team)
        pg_server.sql(f"GRANT {team} TO {person}")
    pg_server.sql("GRANT ave_purger TO tester")  # the one who may purge
    url = pg_server.url("tester", name)
    monkeypatch.setenv("AVE_LOG", url)
    yield url
    pgstore.close_all()


@pytest.fixture(params=["file", "postgresql"])
def any_store(request, hermetic: Path) -> str:
    """The same test against the file log and against the PostgreSQL store."""
    if request.param == "file":
        return str(hermetic)
    return request.getfixturevalue("pg_url")


def _record(text: str, seal: str) -> dict[str, Any]:
    """A record the team store keeps as its canonical text, as TOML would read it from a file."""
    import json
    from datetime import datetime

    record = json.loads(text)
    record["time"] = datetime.fromisoformat(record["time"])
    record["seal"] = {"sha256": seal}
    return record


class Store:
    """What a test reads back from the store a command used: the file log or the PostgreSQL
    store (its rows as this person sees them)."""

    def __init__(self, where: str):
        self.where = where

    @property
    def is_file(self) -> bool:
        return not self.where.startswith("postgresql://")

    def records(self) -> list[dict[str, Any]]:
        """Every decision record in order, as TOML reads it (the same text on both stores)."""
        import tomllib

        if self.is_file:
            path = Path(self.where)
            if not path.exists():
                return []
            return tomllib.loads(path.read_text(encoding="utf-8"))["decision"]
        return [_record(text, seal) for text, seal in self._rows(
            "SELECT record, seal FROM ave.decisions ORDER BY team, seq")]

    def snapshot(self) -> Any:
        """Everything a write could change: the file's bytes, or the store's decision and case
        rows (the access log is left out: a refused write records that it was refused)."""
        if self.is_file:
            path = Path(self.where)
            return path.read_bytes() if path.exists() else None
        return (self._rows("SELECT * FROM ave.decisions ORDER BY team, seq"),
                self._rows("SELECT * FROM ave.cases ORDER BY team, case_key"))

    def extends(self, before: Any) -> bool:
        """Whether what was there before is all still there, unchanged, with more after it."""
        now = self.snapshot()
        if self.is_file:
            return now.startswith(before)
        return now[0][:len(before[0])] == before[0]

    def load(self, log: Path) -> None:
        """Start from a file log's decisions (copied, or migrated into the store)."""
        import shutil

        if self.is_file:
            target = Path(self.where)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(log, target)
            target.chmod(0o600)
            return
        result = CliRunner().invoke(cli.app, ["migrate", "--log", str(log), "--to", self.where])
        assert result.exit_code == 0, result.output

    def _rows(self, query: str) -> list[tuple]:
        import psycopg

        with psycopg.connect(self.where, autocommit=True) as conn:
            return conn.execute(query).fetchall()


@pytest.fixture(params=["file", "postgresql"])
def store(request, hermetic: Path) -> Store:
    """The same command test against the file log and against the PostgreSQL store (AVE_LOG
    points at the one in use)."""
    if request.param == "file":
        return Store(str(hermetic))
    return Store(request.getfixturevalue("pg_url"))
