"""What every store shares when it writes: the one lock timeout, Ctrl-C held back while a commit
runs, and the ids this process made durable, so that an interrupt never denies a save. Standard
library only: the command line's error handler reads it without loading a store."""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager

LOCK_TIMEOUT = 10.0  # seconds a writer waits for the store's lock (--lock-timeout)

_saved: list[str] = []  # ids this process made durable: an interrupt must not deny them


def forget() -> None:
    """Start a command with nothing saved yet (one process may run several: tests)."""
    _saved.clear()


def saved(ids: list[str]) -> None:
    """Note decisions made durable (called inside `uninterruptible`, right after the commit)."""
    _saved.extend(ids)


def committed() -> list[str]:
    """The ids of the decisions this process has made durable so far."""
    return list(_saved)


@contextmanager
def uninterruptible() -> Iterator[None]:
    """Hold Ctrl-C back while a commit runs (write, fsync, index): the commit finishes, and the
    interrupt takes effect right after, when what was saved is known."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    pending: list[int] = []
    old = signal.signal(signal.SIGINT, lambda number, frame: pending.append(number))
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, old if old is not None else signal.default_int_handler)
    if pending:
        raise KeyboardInterrupt
