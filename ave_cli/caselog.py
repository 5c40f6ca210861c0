"""The case log: the only code that touches the log file (the format is in logformat.py).

Appends happen under a lock, are fsynced before success is reported, and never rewrite earlier
bytes. Reads go through the derived index (index.py), brought up to date first by parsing only
the bytes appended since it last read; an index that no longer matches the log is rebuilt.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import stat
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from ave_cli import logformat
from ave_cli.cases import CaseState, CaseSummary
from ave_cli.i18n import _
from ave_cli.index import Index, Mark
from ave_cli.logformat import Damage, LogError, Parsed
from ave_cli.model import AveError, Decision, EnvironmentProblem

DEFAULT_LOCK_TIMEOUT = 10.0
TAIL = 4096

__all__ = ["LogError", "Damage", "EnvironmentProblem", "LogView", "open_log", "append",
           "read_all", "damage_message"]


@dataclass
class LogView:
    """The log as read just now: the intact decisions (through the index) and any torn tail."""

    path: Path
    index: Index
    damage: Damage | None
    size: int  # bytes of the file

    def case(self, case_id: str) -> CaseState | None:
        return self.index.case(case_id)

    def cases(self) -> list[CaseState]:
        return self.index.cases()

    def summaries(self, *, include_closed: bool = True,
                  deciders: bool = True) -> list[CaseSummary]:
        """Every case with only its phase, dates, regisseurs and advised roles (ave report)."""
        return self.index.summaries(include_closed=include_closed, deciders=deciders)

    def decisions(self) -> Iterator[Decision]:
        return self.index.decisions()


def index_path(log: Path, cache_dir: Path | None) -> Path | None:
    if cache_dir is None:
        return None
    key = hashlib.sha256(str(log.expanduser().absolute()).encode()).hexdigest()[:24]
    return cache_dir / f"index-{key}.sqlite3"


def _open_index(log: Path, cache_dir: Path | None) -> Index:
    try:
        return Index.open(index_path(log, cache_dir))
    except OSError:
        return Index.open(None)  # no writable cache: index in memory, rebuilt every time


def _tail_hash(handle, end: int) -> str:
    start = max(0, end - TAIL)
    handle.seek(start)
    return hashlib.sha256(handle.read(end - start)).hexdigest()


def _stat(path: Path) -> os.stat_result | None:
    try:
        result = path.stat()
    except (FileNotFoundError, NotADirectoryError):
        return None
    except OSError as exc:
        raise EnvironmentProblem(_("caselog {path} is onleesbaar ({strerror})").format(
                                     path=path, strerror=exc.strerror)) from None
    if stat.S_ISDIR(result.st_mode):
        raise LogError(_("caselog {path} is een map, geen bestand; kies een "
                         "bestandsnaam met --log").format(path=path))
    return result


def _valid(mark: Mark, info: os.stat_result, handle) -> bool:
    """Whether the log is the file the index read, changed (if at all) only by appending."""
    if mark.device != info.st_dev or mark.inode != info.st_ino or info.st_size < mark.size:
        return False
    if info.st_size == mark.size and info.st_mtime_ns != mark.mtime:
        return False  # rewritten in place to the same size
    return _tail_hash(handle, mark.size) == mark.tail


def _sync(path: Path, index: Index) -> tuple[Damage | None, int]:
    """Bring the index up to the end of the log's intact part; return the damage and file size."""
    info = _stat(path)
    if info is None:
        if index.mark() != Mark():
            with index.writing():
                index.reset()
        return None, 0
    try:
        with open(path, "rb") as handle:
            mark = index.mark()
            if mark.size == info.st_size and mark.mtime == info.st_mtime_ns and \
                    _valid(mark, info, handle):
                return None, info.st_size
            with index.writing():
                mark = index.mark()
                if not _valid(mark, info, handle):
                    index.reset()
                    mark = Mark()
                parsed, size = _read_into(index, handle, path, mark)
                index.add([], Mark(parsed.end, parsed.end_line, _tail_hash(handle, parsed.end),
                                   info.st_dev, info.st_ino, info.st_mtime_ns))
    except PermissionError:
        raise EnvironmentProblem(_("caselog {path} is niet leesbaar voor jou (rechten)").format(
                                     path=path)) from None
    return parsed.damage, size


CHUNK = 16 << 20  # bytes read and parsed at a time: memory stays small for any size of log


def _read_into(index: Index, handle, path: Path, mark: Mark) -> tuple[logformat.Parsed, int]:
    """Parse the log from the mark on, a piece at a time, each piece cut just before its last
    block header so every parse sees whole blocks; add the decisions to the index."""
    handle.seek(mark.size)
    offset, line, pending = mark.size, mark.line, b""
    states: dict = {}  # folded cases, written once (or whenever there are many)
    while True:
        piece = handle.read(CHUNK)
        data = pending + piece
        if piece:
            cut = data.rfind(b"\n" + logformat.BLOCK_HEADER)
            if cut <= 0:
                pending = data
                continue
            region, pending = data[:cut + 1], data[cut + 1:]
        else:
            region, pending = data, b""
        parsed = logformat.parse(region, str(path), offset=offset, line=line)
        if parsed.damage is not None and piece:
            raise LogError(_("caselog {path} is beschadigd vanaf regel {line} "
                             "({problem}), terwijl er daarna nog besluiten staan; dit "
                             "wordt niet automatisch hersteld: zet een back-up terug "
                             "of laat `ave check` het aanwijzen").format(
                               path=path, line=parsed.damage.line, problem=parsed.damage.problem))
        index.add(parsed.blocks, None, states)
        if not piece or len(states) > 30_000:
            index.flush(states)
            states.clear()
        if not piece:
            return parsed, offset + len(region)
        offset, line = parsed.end, parsed.end_line


def open_log(path: Path, cache_dir: Path | None, *,
             lock_timeout: float = DEFAULT_LOCK_TIMEOUT, locked: bool = False) -> LogView:
    """The log, read through its index. A torn tail seen without the lock is looked at again
    under the lock: a writer may have been in the middle of an append."""
    index = _open_index(path, cache_dir)
    damage, size = _sync(path, index)
    if damage is not None and not locked:
        try:
            with _locked(path, lock_timeout):
                damage, size = _sync(path, index)
        except EnvironmentProblem:
            pass  # cannot lock (read-only folder): report what was seen
    return LogView(path, index, damage, size)


def read_all(path: Path) -> Parsed:
    """Parse the whole file without the index (for checks and rewrites)."""
    if _stat(path) is None:
        return Parsed([], None, 0, 1)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise EnvironmentProblem(_("caselog {path} is onleesbaar ({strerror})").format(
                                     path=path, strerror=exc.strerror)) from None
    return logformat.parse(data, str(path))


def damage_message(path: Path, damage: Damage, *, retry: bool = False) -> str:
    """What is wrong with a damaged log and how to repair it; `retry` for a refused write."""
    if retry:
        text = _("caselog {path} is beschadigd vanaf regel {line} ({problem}); de besluiten "
                 "daarvoor zijn intact. Herstel met `ave check --repair` en probeer het dan opnieuw")
    else:
        text = _("caselog {path} is beschadigd vanaf regel {line} ({problem}); de besluiten "
                 "daarvoor zijn intact. Herstel met `ave check --repair`")
    return text.format(path=path, line=damage.line, problem=damage.problem)


# --- writing -------------------------------------------------------------------------------

def _lock_path(path: Path) -> Path:
    return path.with_name(path.name + ".lock")


def _ensure_dir(path: Path) -> None:
    parent = path.parent
    if parent.is_dir():
        return
    try:
        parent.mkdir(parents=True, mode=0o700)
    except OSError as exc:
        raise AveError(_("de map {parent} voor het caselog kan niet worden aangemaakt "
                         "({strerror}); kies een ander pad met --log of AVE_LOG").format(
                           parent=parent, strerror=exc.strerror)) from None


@contextmanager
def _locked(path: Path, timeout: float) -> Iterator[None]:
    from filelock import FileLock, Timeout

    lock = FileLock(str(_lock_path(path)), timeout=timeout, mode=0o600)
    try:
        lock.acquire()
    except Timeout:
        raise EnvironmentProblem(_("het caselog {path} is al {timeout:g} s in gebruik "
                                   "door een ander proces; probeer het opnieuw of "
                                   "verhoog --lock-timeout").format(path=path, timeout=timeout)) from None
    except OSError as exc:
        raise EnvironmentProblem(_("het slot op caselog {path} kan niet worden gezet "
                                   "({strerror})").format(path=path, strerror=exc.strerror)) from None
    try:
        yield
    finally:
        lock.release()


def append(path: Path, build: Callable[[LogView], list[Decision]], *, cache_dir: Path | None,
           lock_timeout: float = DEFAULT_LOCK_TIMEOUT) -> list[Decision]:
    """Under the lock: read the log, let `build` decide from it, append its decisions durably.

    Nothing is written when `build` raises, when the log is damaged or not a log, or when any
    record fails to encode. A failed write is rolled back to the old size.
    """
    _stat(path)  # a directory is refused before anything is created
    _ensure_dir(path)
    with _locked(path, lock_timeout):
        view = open_log(path, cache_dir, locked=True)
        if view.damage is not None:
            raise LogError(damage_message(path, view.damage, retry=True))
        decisions = build(view)
        if not decisions:
            return []
        payload = b"".join(logformat.encode(d) for d in decisions)
        if view.size == 0:
            payload = logformat.header() + payload
        _write(path, payload, view.size)
        _sync(path, view.index)
    return decisions


def _write(path: Path, payload: bytes, old_size: int) -> None:
    created = not path.exists()
    try:
        fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
    except OSError as exc:
        raise EnvironmentProblem(_("caselog {path} kan niet worden geschreven "
                                   "({strerror})").format(path=path, strerror=exc.strerror)) \
            from None
    try:
        if created:
            os.fchmod(fd, 0o600)
        view = memoryview(payload)
        while view:
            written = os.write(fd, view)
            view = view[written:]
        os.fsync(fd)
    except OSError as exc:
        try:
            os.ftruncate(fd, old_size)
            os.fsync(fd)
        except OSError:
            pass
        raise EnvironmentProblem(_("schrijven naar caselog {path} is mislukt "
                                   "({strerror}); er is niets opgeslagen").format(
                                     path=path, strerror=exc.strerror)) from None
    finally:
        os.close(fd)
    if created:
        _fsync_dir(path.parent)


def _fsync_dir(folder: Path) -> None:
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


def readable_by_others(path: Path) -> bool:
    """Whether the log file grants any permission to group or others."""
    try:
        return bool(path.stat().st_mode & 0o077)
    except OSError:
        return False


# --- repair, purge, reindex ------------------------------------------------------------------

@dataclass(frozen=True)
class Repair:
    quarantine: Path
    moved: int  # bytes
    line: int


def repair(path: Path, stamp: str, *, lock_timeout: float = DEFAULT_LOCK_TIMEOUT) -> Repair | None:
    """Move a torn tail into a quarantine file beside the log (never deleting it) and cut the
    log back to its intact part. Damage with intact records after it is not touched: LogError."""
    with _locked(path, lock_timeout):
        parsed = read_all(path)  # raises for damage in the middle
        if parsed.damage is None:
            return None
        data = path.read_bytes()
        quarantine = path.with_name(f"{path.name}.quarantaine-{stamp}")
        fd = os.open(quarantine, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        try:
            os.write(fd, data[parsed.damage.offset:])
            os.fsync(fd)
        finally:
            os.close(fd)
        fd = os.open(path, os.O_WRONLY)
        try:
            os.ftruncate(fd, parsed.damage.offset)
            os.fsync(fd)
        finally:
            os.close(fd)
        _fsync_dir(path.parent)
        return Repair(quarantine, len(data) - parsed.damage.offset, parsed.damage.line)


def rewrite_without(path: Path, cases: Callable[[list[logformat.Block]], set[str]], *,
                    cache_dir: Path | None, dry_run: bool,
                    lock_timeout: float = DEFAULT_LOCK_TIMEOUT) -> tuple[set[str], int]:
    """Remove every decision of the cases `cases(blocks)` picks: the only rewrite of the log.
    A new file is written beside it, fsynced, and moved over the old one under the lock, with
    the old file's permissions; the index is dropped so the removed data leaves the cache too.
    Returns the cases and the number of decisions removed."""
    with _locked(path, lock_timeout):
        parsed = read_all(path)
        if parsed.damage is not None:
            raise LogError(damage_message(path, parsed.damage, retry=True))
        gone = cases(parsed.blocks)
        removed = sum(1 for b in parsed.blocks if b.decision.case in gone)
        if dry_run or not gone:
            return gone, removed
        data = path.read_bytes()
        starts = [b.offset for b in parsed.blocks] + [len(data)]
        kept = [data[start:starts[i + 1]].rstrip(b"\n") + b"\n"
                for i, (start, block) in enumerate(zip(starts, parsed.blocks, strict=False))
                if block.decision.case not in gone]
        payload = logformat.header() + b"".join(b"\n" + chunk for chunk in kept)
        mode = stat.S_IMODE(path.stat().st_mode)
        temporary = path.with_name(f".{path.name}.herschrijven")
        with contextlib.suppress(FileNotFoundError):
            temporary.unlink()  # left by an earlier run that died; the log itself is whole
        fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        try:
            os.fchmod(fd, mode)
            os.write(fd, payload)
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(temporary, path)
        _fsync_dir(path.parent)
        drop_index(path, cache_dir)
    return gone, removed


def drop_index(path: Path, cache_dir: Path | None) -> None:
    """Delete the derived index of a log (it is rebuilt on the next read)."""
    where = index_path(path, cache_dir)
    if where is None:
        return
    for leftover in (where, Path(f"{where}-wal"), Path(f"{where}-shm")):
        with contextlib.suppress(FileNotFoundError):
            leftover.unlink()


def reindex(path: Path, cache_dir: Path | None) -> LogView:
    drop_index(path, cache_dir)
    return open_log(path, cache_dir)
