"""What a command takes from outside and a test replaces: the clock, the id maker and the prompt
function. One place, imported by the app and by the command's context (cli/context.py)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any


def _now() -> datetime:
    return datetime.now().astimezone().replace(microsecond=0)


def _new_id() -> str:
    import uuid  # (cheap, but only a command that decides needs it)

    return uuid.uuid4().hex


hooks: dict[str, Callable[..., Any]] = {"ask": None, "now": _now, "new_id": _new_id}  # type: ignore[dict-item]


def asker() -> Callable[..., Any] | None:
    """The prompt function: the test hook, else the real terminal when there is one."""
    # imported when a command asks: `ave --version` and `--help` do not load the questionnaire
    from ave_cli.cli import questionnaire

    if hooks["ask"] is not None:
        return hooks["ask"]
    return questionnaire.terminal_ask if questionnaire.can_prompt() else None
