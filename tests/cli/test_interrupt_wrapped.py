"""Ctrl-C that Python wraps in another exception is still an interrupt: Python 3.11 turns a
KeyboardInterrupt raised while a class is being made (a dataclass field's __set_name__, while a
module imports) into a RuntimeError. The random Ctrl-C test found it as a traceback."""

from __future__ import annotations

import pytest

from ave_cli.core.messages import an_interrupt
from ave_cli.flows import decide


class _Interrupting:
    def __set_name__(self, owner: type, name: str) -> None:
        raise KeyboardInterrupt


def _make_a_class() -> None:
    class _Made:
        field = _Interrupting()


def test_python_wraps_an_interrupt_while_a_class_is_made_and_it_is_found():
    with pytest.raises(BaseException) as caught:
        _make_a_class()
    assert an_interrupt(caught.value)
    assert not an_interrupt(RuntimeError("something else"))


def test_a_wrapped_interrupt_in_a_command_is_said_as_an_interrupt(run, monkeypatch):
    def interrupted(*args, **named):
        _make_a_class()

    monkeypatch.setattr(decide, "show", interrupted)
    result = run("show", "C-1")
    assert result.exit_code == 130, result.output
    assert result.stderr == "ave: fout: afgebroken; er is niets opgeslagen\n"
