"""Durable writes of the file store: every byte or none, fsynced before success is said.

Used by the case log's appends (caselog), its rewrites (rewrite: purge, repair) and the access
log (store)."""

from __future__ import annotations

import errno
import os
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from ave_cli.core.messages import EnvironmentProblem, Msg

NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)  # every file ave writes is opened without following a link


def lock(path: Path, timeout: float) -> Any:
    """The lock file beside `path` (`<name>.lock`, 0600), acquired: release it when done.
    TimeoutError when another process held it `timeout` seconds; OSError when it cannot be
    made. The case log and its access log each have one."""
    from filelock import FileLock, Timeout  # imported when a write begins: 40 ms on a start

    held = FileLock(str(path.with_name(path.name + ".lock")), timeout=timeout, mode=0o600)
    try:
        held.acquire()
    except Timeout:
        raise TimeoutError(errno.ETIMEDOUT, Msg("{timeout:g} s in gebruik door een ander "
                                              "proces", timeout=timeout)) from None
    return held


def write_all(fd: int, *payload: bytes) -> None:
    """Write every byte of every piece (os.write may write fewer than asked: a nearly full
    disk), then fsync."""
    write_each(fd, payload)


def write_each(fd: int, payload: Iterable[bytes]) -> None:
    """`write_all` for pieces that come one at a time (read from a spool)."""
    for piece in payload:
        view = memoryview(piece)
        while view:
            written = os.write(fd, view)
            if written <= 0:
                raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
            view = view[written:]
    os.fsync(fd)


def append(path: Path, payload: Iterable[bytes], old_size: int) -> None:
    """Append the pieces, all or none: a failed write is cut back to `old_size`."""
    created = not path.exists()
    try:  # never through a symbolic link: another file would be written to
        fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT | NOFOLLOW, 0o600)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise EnvironmentProblem(Msg("caselog {path} is een symbolische koppeling; ave schrijft "
                                       "daar niet doorheen (een ander bestand zou worden "
                                       "gewijzigd); geef het bestand zelf met --log", path=path)) from None
        raise EnvironmentProblem(Msg("caselog {path} kan niet worden geschreven "
                                   "({strerror})", path=path, strerror=exc.strerror)) \
            from None
    try:
        if created:
            os.fchmod(fd, 0o600)
        write_each(fd, payload)
    except OSError as exc:
        try:
            os.ftruncate(fd, old_size)
            os.fsync(fd)
        except OSError:
            pass
        raise EnvironmentProblem(Msg("schrijven naar caselog {path} is mislukt "
                                   "({strerror}); er is niets opgeslagen",
                                   path=path, strerror=exc.strerror)) from None
    finally:
        os.close(fd)
    if created:
        fsync_dir(path.parent)


def fsync_dir(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
