"""One context per command (issue 25, item 2): the command layer builds one store object and
parses the kapstok once, and nothing below it builds another."""

from __future__ import annotations

from typing import Any

import pytest
from conftest import EXAMPLES

from ave_cli.core import kapstok as kapstok_format
from ave_cli.stores.file.store import FileStore

A2 = str(EXAMPLES / "handreiking" / "ave2.toml")
COMMANDS = {
    "triage": ("triage", "C-1", "-a", A2, "--note", "opnieuw"),
    "escalate": ("escalate", "C-1", "--to", "AVE3", "--reason", "stagnatie"),
    "show": ("show", "C-1"),
    "report": ("report",),
}


def _counting(monkeypatch: pytest.MonkeyPatch, cls: type, found: list[Any]) -> None:
    real = cls.__init__

    def init(self: Any, *args: Any, **named: Any) -> None:
        found.append(self)
        real(self, *args, **named)

    monkeypatch.setattr(cls, "__init__", init)


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_one_store_object_and_one_kapstok_parse_per_command(run, any_store, monkeypatch,
                                                            command):
    monkeypatch.setenv("AVE_LOG", any_store)
    assert run("triage", "C-1", "-a", A2).exit_code == 0  # a case the commands find
    stores: list[Any] = []
    _counting(monkeypatch, FileStore, stores)
    if any_store.startswith("postgresql://"):
        from ave_cli.stores.postgres.store import PgStore

        _counting(monkeypatch, PgStore, stores)
    parses = []
    real_parse = kapstok_format.parse_kapstok

    def parse(*args: Any, **named: Any) -> Any:
        parses.append(args[1])
        return real_parse(*args, **named)

    monkeypatch.setattr(kapstok_format, "parse_kapstok", parse)
    result = run(*COMMANDS[command])
    assert result.exit_code == 0, result.output
    assert len(stores) == 1, stores
    assert parses == ["handreiking.toml"], parses
