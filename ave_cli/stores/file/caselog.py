"""The case log: the only code that touches the log file (the format is in logformat.py).

Appends happen under a lock, are fsynced before success is reported, and never rewrite earlier
bytes. Reads go through the derived index (index.py), brought up to date first by parsing only
the bytes appended since it last read; an index that no longer matches the log is rebuilt.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import sqlite3
import stat
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO

from ave_cli.core.cases import CaseState, CaseSummary
from ave_cli.core.messages import AveError, EnvironmentProblem, LogError, LogWentBack, Msg
from ave_cli.core.model import Decision
from ave_cli.record import logformat
from ave_cli.record.logformat import Damage, Parsed
from ave_cli.stores.file import durable
from ave_cli.stores.file.appender import Writer
from ave_cli.stores.file.index import Index, Mark, tail_hash
from ave_cli.stores.writeguard import LOCK_TIMEOUT, saved, uninterruptible

if TYPE_CHECKING:
    from ave_cli.core.afspraken import Afspraak

__all__ = ["LogError", "Damage", "EnvironmentProblem", "LogView", "open_log", "append",
           "read_all", "damage_message"]


@dataclass
class LogView:
    """The log as read just now: the intact decisions (through the index) and any torn tail."""

    path: Path
    index: Index
    damage: Damage | None
    size: int  # bytes of the file
    notice: Msg | str = ""  # why the index in the cache could not be used (the log was read instead)

    def case(self, case_id: str) -> CaseState | None:
        return self.index.case(case_id)

    def cases(self) -> list[CaseState]:
        return self.index.cases()

    def cases_of(self, case_ids: list[str]) -> dict[str, CaseState]:
        return self.index.cases_of(case_ids)

    def summaries(self, *, include_closed: bool = True,
                  deciders: bool = True) -> list[CaseSummary]:
        """Every case with only its phase, dates, regisseurs and advised roles (ave report)."""
        return self.index.summaries(include_closed=include_closed, deciders=deciders)

    def decisions(self) -> Iterator[Decision]:
        return self.index.decisions()

    def afspraken(self, case_ids: list[str] | None = None, *, open_only: bool = False,
                  due_before: date | None = None) -> list[Afspraak]:
        return self.index.afspraken(case_ids, open_only=open_only, due_before=due_before)

    def due(self) -> dict[str, tuple[int, date]]:
        return self.index.due()


def index_path(log: Path, cache_dir: Path | None) -> Path | None:
    if cache_dir is None:
        return None
    key = hashlib.sha256(str(log.expanduser().absolute()).encode()).hexdigest()[:24]
    return cache_dir / f"index-{key}.sqlite3"


def _cache_notice(cache_dir: Path | None, exc: Exception) -> Msg:
    reason = getattr(exc, "strerror", None) or str(exc)
    return Msg("de index in {cache} kan niet worden gebruikt ({reason}); ave leest het caselog "
             "zelf (dat duurt langer, er gaat niets verloren)", cache=cache_dir, reason=reason)


def _open_index(log: Path, cache_dir: Path | None) -> tuple[Index, Msg | str]:
    """The index in the cache; without a usable cache (full, read-only, locked) one in memory,
    rebuilt from the log every time, and the reason to tell the user once."""
    try:
        return Index.open(index_path(log, cache_dir)), ""
    except (OSError, sqlite3.Error) as exc:
        return Index.open(None), _cache_notice(cache_dir, exc)


def _stat(path: Path) -> os.stat_result | None:
    try:
        result = path.stat()
    except (FileNotFoundError, NotADirectoryError):
        return None
    except OSError as exc:
        raise EnvironmentProblem(Msg("caselog {path} is onleesbaar ({strerror})",
                                     path=path, strerror=exc.strerror)) from None
    if stat.S_ISDIR(result.st_mode):
        raise LogError(Msg("caselog {path} is een map, geen bestand; kies een "
                         "bestandsnaam met --log", path=path))
    if not stat.S_ISREG(result.st_mode):
        raise LogError(Msg("caselog {path} is geen gewoon bestand (maar een apparaat, pipe of "
                         "socket); kies een bestandsnaam met --log", path=path))
    return result


def _valid(mark: Mark, info: os.stat_result, handle: BinaryIO) -> bool:
    """Whether the log is the file the index read, changed (if at all) only by appending."""
    if mark.device != info.st_dev or mark.inode != info.st_ino or info.st_size < mark.size:
        return False
    if info.st_size == mark.size and info.st_mtime_ns != mark.mtime:
        return False  # rewritten in place to the same size
    return tail_hash(handle, mark.size) == mark.tail


def _went_back(path: Path, anchor: tuple[int, str], now: tuple[int, str] | None) -> LogWentBack:
    count, seal = anchor
    if now is None:
        text = Msg("caselog {path} is verdwenen, terwijl deze computer er eerder {count} besluiten "
                 "in zag (kop {seal}); ave maakt geen nieuw log in zijn plaats. Zet het terug, of "
                 "leg met `ave check --accept-log` vast dat het weg mag",
                 path=path, count=count, seal=seal[:16])
    else:
        text = Msg("caselog {path} is ingekort, teruggezet of herschreven: deze computer zag eerder "
                 "{count} besluiten tot kop {seal}, en het log zet die keten niet voort (nu "
                 "{now} besluiten). ave leest en schrijft het niet tot dat is opgehelderd: zet de "
                 "nieuwste versie terug, of leg met `ave check --accept-log` vast dat deze versie "
                 "de juiste is", path=path, count=count, seal=seal[:16], now=now[0] if now else 0)
    return LogWentBack(text)


def _sync(path: Path, index: Index) -> tuple[Damage | None, int]:
    """Bring the index up to the end of the log's intact part; return the damage and file size.
    A log that does not extend the newest head the index saw (its anchor) is LogWentBack."""
    info = _stat(path)
    if info is None:
        anchor = index.anchor()
        if anchor is not None and anchor[0] > 0:
            raise _went_back(path, anchor, None)
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
                anchor = None
                if not _valid(mark, info, handle):
                    anchor = index.anchor()
                    index.reset()
                    mark = Mark()
                parsed, size, found = _read_into(index, handle, path, mark, anchor)
                if anchor is not None and not found and not _purged_from(handle, anchor[1]):
                    raise _went_back(path, anchor, (parsed.count, parsed.head))
                index.add([], Mark(parsed.end, parsed.end_line, tail_hash(handle, parsed.end),
                                   info.st_dev, info.st_ino, info.st_mtime_ns, parsed.head,
                                   parsed.count))
    except PermissionError:
        raise EnvironmentProblem(Msg("caselog {path} is niet leesbaar voor jou (rechten)",
                                     path=path)) from None
    return parsed.damage, size


CHUNK = 16 << 20  # bytes read and parsed at a time: memory stays small for any size of log


HEADER_MAX = 4 << 20  # bytes read for a log's header (each purge entry is a few lines)


def _header_from(handle: BinaryIO) -> dict[str, Any]:
    """The header of an open log ({} when it is not one), read without reading the records."""
    handle.seek(0)
    lead = handle.read(HEADER_MAX)
    starts = logformat.block_starts(lead)
    try:
        return logformat.header_info(lead[:starts[0]] if starts else lead)
    except LogError:
        return {}


def header_of(path: Path) -> dict[str, Any]:
    """The log's header ({} when there is no log or it is not one): format, chain and purges."""
    try:
        with open(path, "rb") as handle:
            return _header_from(handle)
    except FileNotFoundError:
        return {}
    except OSError as exc:
        raise EnvironmentProblem(Msg("caselog {path} is onleesbaar ({strerror})",
                                     path=path, strerror=exc.strerror)) from None


def _purged_from(handle: BinaryIO, seal: str) -> bool:
    """Whether a purge in the log's header names `seal` as the head it replaced (ave check
    holds the purge against the access log)."""
    purges = _header_from(handle).get("purge", [])
    return any(isinstance(p, dict) and p.get("old_head") == seal for p in purges)


def _read_into(index: Index, handle: BinaryIO, path: Path, mark: Mark,
               anchor: tuple[int, str] | None = None) -> tuple[logformat.Parsed, int, bool]:
    """Parse the log from the mark on, a piece at a time, each piece cut just before its last
    block header so every parse sees whole blocks; add the decisions to the index. The last
    value: whether the record at the anchor's place has the anchor's seal."""
    handle.seek(mark.size)
    offset, line, head, pending = mark.size, mark.line, mark.head, b""
    count, found = mark.count, False
    states: dict[str, CaseState] = {}  # folded cases, written once (or when there are many)
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
        parsed = logformat.parse(region, str(path), offset=offset, line=line, head=head,
                                 count=count)
        if anchor is not None and not found:
            place = anchor[0] - count  # the anchor's record in this piece (0: the header's)
            if place == 0 and offset == 0:
                found = parsed.blocks[0].prev == anchor[1] if parsed.blocks else \
                    parsed.head == anchor[1]
            elif 0 < place <= len(parsed.blocks):
                found = parsed.blocks[place - 1].seal == anchor[1]
        if parsed.damage is not None and piece:
            raise LogError(Msg("caselog {path} is beschadigd vanaf regel {line} "
                             "({problem}), terwijl er daarna nog besluiten staan; dit "
                             "wordt niet automatisch hersteld: zet een back-up terug "
                             "of laat `ave check` het aanwijzen",
                             path=path, line=parsed.damage.line, problem=parsed.damage.problem))
        index.add(parsed.blocks, None, states)
        if not piece or len(states) > 30_000:
            index.flush(states)
            states.clear()
        if not piece:
            return parsed, offset + len(region), found
        offset, line, head, count = parsed.end, parsed.end_line, parsed.head, parsed.count


def open_log(path: Path, cache_dir: Path | None, *,
             lock_timeout: float = LOCK_TIMEOUT, locked: bool = False) -> LogView:
    """The log, read through its index. A torn tail seen without the lock is looked at again
    under the lock: a writer may have been in the middle of an append."""
    index, notice = _open_index(path, cache_dir)
    try:
        damage, size = _sync(path, index)
    except sqlite3.Error as exc:  # the cache filled up or went read-only under us
        index, notice = Index.open(None), _cache_notice(cache_dir, exc)
        damage, size = _sync(path, index)
    if damage is not None and not locked:
        try:
            with _locked(path, lock_timeout):
                damage, size = _sync(path, index)
        except EnvironmentProblem:
            pass  # cannot lock (read-only folder): report what was seen
    return LogView(path, index, damage, size, notice)


def read_all(path: Path) -> Parsed:
    """Parse the whole file without the index (for checks and rewrites)."""
    if _stat(path) is None:
        return Parsed([], None, 0, 1)
    return logformat.parse(_read_bytes(path), str(path))


def damage_message(path: Path, damage: Damage, *, retry: bool = False) -> Msg:
    """What is wrong with a damaged log and how to repair it; `retry` for a refused write."""
    if retry:
        text = Msg("caselog {path} is beschadigd vanaf regel {line} ({problem}); de besluiten "
                 "daarvoor zijn intact. Herstel met `ave check --repair` en probeer het dan opnieuw",
                 path=path, line=damage.line, problem=damage.problem)
    else:
        text = Msg("caselog {path} is beschadigd vanaf regel {line} ({problem}); de besluiten "
                 "daarvoor zijn intact. Herstel met `ave check --repair`",
                 path=path, line=damage.line, problem=damage.problem)
    return text


# --- writing -------------------------------------------------------------------------------

def _ensure_dir(path: Path) -> None:
    parent = path.parent
    if parent.is_dir():
        return
    try:
        parent.mkdir(parents=True, mode=0o700)
    except OSError as exc:
        raise AveError(Msg("de map {parent} voor het caselog kan niet worden aangemaakt "
                         "({strerror}); kies een ander pad met --log of AVE_LOG",
                         parent=parent, strerror=exc.strerror)) from None


@contextmanager
def _locked(path: Path, timeout: float) -> Iterator[None]:
    try:
        lock = durable.lock(path, timeout)
    except TimeoutError:
        raise EnvironmentProblem(Msg("het caselog {path} is al {timeout:g} s in gebruik "
                                   "door een ander proces; probeer het opnieuw of "
                                   "verhoog --lock-timeout", path=path, timeout=timeout)) from None
    except OSError as exc:
        raise EnvironmentProblem(Msg("het slot op caselog {path} kan niet worden gezet "
                                   "({strerror})", path=path, strerror=exc.strerror)) from None
    try:
        yield
    finally:
        lock.release()


PIECE = 2_000  # decisions encoded, spooled and indexed at a time: a batch's memory stays small


def append(path: Path, build: Callable[[LogView], Iterable[Decision]], *,
           cache_dir: Path | None, lock_timeout: float = LOCK_TIMEOUT,
           toegang: Callable[[], str] | None = None) -> int:
    """Under the lock: read the log, let `build` decide from it, append its decisions durably,
    each chained to the seal before it; the number appended.

    `build` may give its decisions lazily (a batch): they are encoded and indexed a piece at a
    time, spooled to an unnamed file beside the log, and appended in one write once the last
    one is made, so a batch of any size needs little memory and a reader never sees half of it.
    Nothing is written when `build` raises, when the log is damaged or not a log, or when any
    record fails to encode. A failed write is rolled back to the old size.
    """
    _stat(path)  # a directory is refused before anything is created
    _ensure_dir(path)
    with _locked(path, lock_timeout):
        view = open_log(path, cache_dir, locked=True)
        if view.damage is not None:
            raise LogError(damage_message(path, view.damage, retry=True))
        made = iter(build(view))
        piece = list(islice(made, PIECE))
        if not piece:
            return 0
        lead = logformat.header() if view.size == 0 else b""
        writer = Writer(view, lead, toegang() if toegang else "")
        try:
            writer.begin_index()
            while piece:
                writer.add(piece)
                piece = list(islice(made, PIECE))
                if piece:
                    writer.spool(path)
            with uninterruptible():
                durable.append(path, writer.payload(), view.size)
                saved(writer.ids)
                with contextlib.suppress(sqlite3.Error):  # the log is saved; the index catches up
                    if writer.indexing:
                        writer.commit_index(path)
                    else:
                        _sync(path, view.index)
        finally:
            writer.close()
        return len(writer.ids)


def readable_by_others(path: Path) -> bool:
    """Whether the log file grants any permission to group or others."""
    try:
        return bool(path.stat().st_mode & 0o077)
    except OSError:
        return False


# --- reads for check, reindex (repair and purge: rewrite.py) -------------------------------

def read_bytes(path: Path) -> bytes:
    """The whole log file (a regular file), for `ave check`."""
    _stat(path)
    return _read_bytes(path)


def index_matches(path: Path, cache_dir: Path | None, blocks: list[logformat.Block]) -> bool:
    """Whether the index holds exactly the log's decisions; when not (an edit it did not notice,
    such as a same-size change with the old mtime), it is dropped and rebuilt."""
    try:
        view = open_log(path, cache_dir)
    except LogError:  # damage in the middle: ave check lists it; there is no index to compare
        return True
    if view.damage is not None or list(view.decisions()) == [b.decision for b in blocks]:
        return True
    view.index.close()
    reindex(path, cache_dir)
    return False


def _read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise EnvironmentProblem(Msg("caselog {path} is onleesbaar ({strerror})",
                                     path=path, strerror=exc.strerror)) from None


KEEP: Any = object()  # drop_index: the anchor stays what it was


def _anchor_at(where: Path) -> tuple[int, str] | None:
    if not where.is_file() or where.is_symlink():
        return None
    try:
        index = Index.open(where)
        try:
            return index.anchor()
        finally:
            index.close()
    except (OSError, sqlite3.Error):
        return None


def drop_index(path: Path, cache_dir: Path | None,
               anchor: tuple[int, str] | None = KEEP) -> None:
    """Delete the derived index of a log (it is rebuilt on the next read), all but its anchor:
    the newest head seen stays (KEEP), or becomes `anchor` (after a purge: the new head; None
    only for `ave check --accept-log`)."""
    where = index_path(path, cache_dir)
    if where is None:
        return
    if anchor is KEEP:
        anchor = _anchor_at(where)
    for leftover in (where, Path(f"{where}-wal"), Path(f"{where}-shm")):
        with contextlib.suppress(FileNotFoundError):
            leftover.unlink()
    if anchor is not None:
        with contextlib.suppress(OSError, sqlite3.Error):
            index = Index.open(where)
            with index.writing():
                index.set_anchor(*anchor)
            index.close()


def head(path: Path, cache_dir: Path | None) -> tuple[int, str]:
    """The log's head now: its number of records and the seal the next one chains to."""
    view = open_log(path, cache_dir)
    try:
        mark = view.index.mark()
        return mark.count, mark.head
    finally:
        view.index.close()


def accept_log(path: Path, cache_dir: Path | None) -> tuple[tuple[int, str] | None,
                                                              tuple[int, str]]:
    """Take the log as it is now as the newest head (a backup put back on purpose): the anchor
    it replaces and the new head."""
    where = index_path(path, cache_dir)
    before = _anchor_at(where) if where is not None else None
    drop_index(path, cache_dir, anchor=None)
    return before, head(path, cache_dir)


def reindex(path: Path, cache_dir: Path | None) -> LogView:
    drop_index(path, cache_dir)
    return open_log(path, cache_dir)
