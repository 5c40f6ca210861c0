"""The store seam: everything that reads or appends decisions goes through one small interface.

`Store` says what ave needs from where decisions are kept; `FileStore` is the first
implementation (the TOML case log, with its derived index as an implementation detail). The
commands and actions reach decisions only through a `Store`, so a second store (PostgreSQL, for a
team) plugs in here without touching them.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from ave_cli.stores.writeguard import LOCK_TIMEOUT

if TYPE_CHECKING:
    from ave_cli.core.cases import CaseState, CaseSummary
    from ave_cli.core.model import Decision
    from ave_cli.record.logformat import Block, Damage
    from ave_cli.stores.file.rewrite import Repair

MOUNTS = Path("/proc/mounts")  # Linux: every mount with its file system type
# File systems on another machine, where file locks (and so appends under a lock) cannot be trusted.
NETWORK_FILESYSTEMS = frozenset({"nfs", "nfs4", "cifs", "smb3", "smbfs", "ncpfs", "afs", "9p",
                                 "ceph", "glusterfs", "fuse.sshfs", "fuse.davfs2", "davfs",
                                 "fuse.glusterfs", "lustre", "gpfs", "beegfs"})


def filesystem_of(path: Path, mounts: str) -> str | None:
    """The type of the file system `path` lives on, from /proc/mounts text: the mount with the
    longest mount point that contains the path (mount points escape a space as \\040)."""
    best, found = -1, None
    target = str(path)
    for line in mounts.splitlines():
        fields = line.split()
        if len(fields) < 3:
            continue
        point = fields[1].replace("\\040", " ").replace("\\011", "\t").replace("\\134", "\\")
        inside = target == point or target.startswith(point.rstrip("/") + "/")
        if inside and len(point) > best:
            best, found = len(point), fields[2]
    return found


@dataclass(frozen=True, slots=True)
class Access:
    """One access to a case (BIO, NEN 7513): when, who, what action, which case, the result."""

    when: str  # ISO 8601 with the time zone
    who: str
    action: str  # the command: show, report, export, reevaluate, triage, escalate, ...
    case: str
    result: str  # ok, proefdraai, geweigerd, niet gevonden
    login: str = ""  # the team store's database login that did it (set by the server)

    def as_dict(self) -> dict[str, str]:
        found = {"when": self.when, "who": self.who, "action": self.action, "case": self.case,
                 "result": self.result}
        if self.login:
            found["login"] = self.login
        return found


@dataclass(frozen=True)
class Accesses:
    """The accesses of one command: the same time, person, action and result for each of its
    cases (a report over a hundred thousand cases records as many)."""

    when: str
    who: str
    action: str
    result: str
    cases: list[str]


def _access_lines(entries: Accesses) -> Iterator[str]:
    """`json.dumps(access.as_dict(), ensure_ascii=False)` and a line end for each access, built
    around the case (a batch records a hundred thousand of them)."""
    from json.encoder import encode_basestring as text

    before = (f'{{"when": {text(entries.when)}, "who": {text(entries.who)}, "action": '
              f'{text(entries.action)}, "case": ')
    after = f', "result": {text(entries.result)}}}\n'
    for case in entries.cases:
        yield before + text(case) + after


class View(Protocol):
    """The decisions as read just now, and what stood in the way of reading them."""

    damage: Damage | None  # a torn end: the decisions before it are intact
    notice: str  # why a faster path could not be used (said as a warning)
    size: int  # 0: the store holds nothing yet

    def case(self, case_id: str) -> CaseState | None: ...

    def cases(self) -> list[CaseState]: ...

    def cases_of(self, case_ids: list[str]) -> dict[str, CaseState]:
        """Of these cases, those there are (without their history), by `cases.key`."""
        ...

    def summaries(self, *, include_closed: bool = True,
                  deciders: bool = True) -> list[CaseSummary]: ...

    def decisions(self) -> Iterator[Decision]: ...


# from a View, the decisions to append: a list, or (a batch) made one by one as they are stored
Build = Callable[[Any], "Iterable[Decision]"]


class Store(Protocol):
    """Where decisions are kept: append under a lock, read all, scan for damage, rewrite."""

    location: str  # for messages: a path or an address without secrets
    access_location: str  # where the access log is, for messages

    def exists(self) -> bool: ...

    def read(self) -> View: ...

    def append(self, build: Build, *, lock_timeout: float) -> int:
        """Under the lock: read, let `build` decide from what is there now, store its
        decisions durably and chained, and say how many; nothing is stored when `build` raises
        (also halfway through decisions it makes lazily)."""
        ...

    def damage_message(self, damage: Damage, *, retry: bool = False) -> str: ...

    def record_access(self, entries: Accesses) -> None:
        """Append to the insert-only access log (never rewritten, also not by purge)."""
        ...

    def read_access(self) -> list[Access]: ...

    def exposures(self) -> list[tuple[str, str]]:
        """Where others could replace, redirect or keep what this store holds (kind, detail)."""
        ...

    def scan(self) -> tuple[list[Block], list[Damage]]:
        """Every intact record and every damaged place (ave check)."""
        ...

    def repair(self, stamp: str, *, lock_timeout: float) -> Repair | None: ...

    def rewrite_without(self, cases: Callable[[list[Block]], set[str]], *, dry_run: bool,
                        about: dict[str, Any] | None = None,
                        lock_timeout: float) -> tuple[set[str], int]: ...


@dataclass
class FileStore:
    """The case log: one TOML file, appended to under a lock file, with an index in the cache."""

    path: Path
    cache: Path | None

    @property
    def location(self) -> str:
        return str(self.path)

    @property
    def access_location(self) -> str:
        return str(self.access_path)

    def exists(self) -> bool:
        return self.path.exists()

    def read(self, *, locked: bool = False) -> View:
        from ave_cli.stores.file import caselog

        return caselog.open_log(self.path, self.cache, locked=locked)

    def append(self, build: Build, *, lock_timeout: float = LOCK_TIMEOUT) -> int:
        """Append under the lock; each record names the access log's head (`toegang`)."""
        from ave_cli.stores.file import caselog

        return caselog.append(self.path, build, cache_dir=self.cache, lock_timeout=lock_timeout,
                              toegang=self.access_head)

    def damage_message(self, damage: Damage, *, retry: bool = False) -> str:
        from ave_cli.stores.file import caselog

        return caselog.damage_message(self.path, damage, retry=retry)

    def network_filesystem(self) -> str | None:
        """The network file system type the log is on (nfs, cifs, ...), or None: local, or not
        known on this platform."""
        try:
            mounts = MOUNTS.read_text(encoding="utf-8", errors="replace")
        except OSError:
            return None
        folder = self.path.parent
        while not folder.exists() and folder != folder.parent:
            folder = folder.parent
        kind = filesystem_of(folder.resolve(), mounts)
        return kind if kind in NETWORK_FILESYSTEMS else None

    def readable_by_others(self) -> bool:
        from ave_cli.stores.file import caselog

        return caselog.readable_by_others(self.path)

    def exposures(self) -> list[tuple[str, str]]:
        """Where others could replace, redirect or keep the log: (kind, path) for a log folder
        anyone may write to ("folder"), a cache folder that is a symbolic link ("cache link")
        or that others may write to ("cache"), and a log with more than one name ("links")."""
        import os
        import stat

        found = []
        with contextlib.suppress(OSError):
            if self.path.parent.stat().st_mode & stat.S_IWOTH:
                found.append(("folder", str(self.path.parent)))
        if self.cache is not None:
            if self.cache.is_symlink():
                found.append(("cache link", str(self.cache)))
            else:
                with contextlib.suppress(OSError):
                    if self.cache.stat().st_mode & (stat.S_IWGRP | stat.S_IWOTH):
                        found.append(("cache", str(self.cache)))
        with contextlib.suppress(OSError):
            links = os.lstat(self.path).st_nlink
            if links > 1:
                found.append(("links", str(links)))
        return found

    @property
    def access_path(self) -> Path:
        """The access log beside the case log: JSON Lines, appended to, mode 0600."""
        return self.path.with_name(f"{self.path.name}.toegang")

    def record_access(self, entries: Accesses, *, purge: str = "") -> None:
        """Append the accesses and a seal line naming the case log's head (accesslog.py)."""
        from ave_cli.stores.file import accesslog

        if not entries.cases or not (self.path.exists() or self.access_path.exists()):
            return  # no store yet: no case was there to be seen
        accesslog.append(self.access_path, _access_lines(entries), log=self.log_head(),
                         purge=purge)

    def log_head(self) -> str:
        """The case log's head as "count:seal" ("" when it cannot be read)."""
        from ave_cli.core.messages import AveError
        from ave_cli.record import logformat
        from ave_cli.stores.file import caselog

        try:
            return logformat.head_text(*caselog.head(self.path, self.cache))
        except AveError:
            return ""

    def access_head(self) -> str:
        """The access log's head as "n:seal" ("" before its first seal)."""
        from ave_cli.record import logformat
        from ave_cli.stores.file import accesslog

        try:
            count, seal = accesslog.head(self.access_path)
        except OSError:
            return ""  # the decision is still saved; that the access log failed is said after
        return logformat.head_text(count, seal) if count else ""

    def read_access(self) -> list[Access]:
        from ave_cli.core.messages import AveError, Msg
        from ave_cli.stores.file import accesslog

        try:
            reading = accesslog.read(self.access_path)
        except (OSError, UnicodeDecodeError) as exc:
            raise AveError(Msg("toeganglog {path} is onleesbaar ({problem})",
                               path=self.access_path, problem=exc)) from None
        if reading.damaged:
            raise AveError(Msg("toeganglog {path}: regel {line} is beschadigd",
                               path=self.access_path, line=reading.damaged[0]))
        found = []
        for entry in reading.entries:
            try:
                found.append(Access(**entry))
            except TypeError:
                continue  # not an access (ave check says so)
        return found

    def scan(self) -> tuple[list[Block], list[Damage]]:
        from ave_cli.record import logformat
        from ave_cli.stores.file import caselog

        return logformat.scan(caselog.read_bytes(self.path))

    def anchor_problems(self, blocks: list[Block]) -> list[tuple[Any, bool]]:
        """What is wrong between the case log, its access log and the newest head this computer
        saw (each with whether it is only worth saying); ave check."""
        from ave_cli.core.messages import AveError
        from ave_cli.stores.file import accesslog, caselog

        found: list[tuple[Any, bool]] = []
        try:
            caselog.head(self.path, self.cache)
        except caselog.LogWentBack as exc:
            found.append((exc.message, False))
        except AveError:
            pass  # damage: the scan says where
        try:
            reading = accesslog.read(self.access_path)
        except (OSError, UnicodeDecodeError) as exc:
            return [*found, (f"{self.access_path}: {exc}", False)]
        found += [(m, False) for m in reading.problems] + [(m, True) for m in reading.notes]
        header = caselog.header_of(self.path)
        found += [(m, False) for m in accesslog.cross_check(header, blocks, reading,
                                                             self.access_path)]
        return found

    def index_matches(self, blocks: list[Block]) -> bool:
        from ave_cli.stores.file import caselog

        return caselog.index_matches(self.path, self.cache, blocks)

    def repair(self, stamp: str, *, lock_timeout: float = LOCK_TIMEOUT) -> Repair | None:
        from ave_cli.stores.file import caselog, rewrite

        repaired = rewrite.repair(self.path, stamp, lock_timeout=lock_timeout)
        caselog.drop_index(self.path, self.cache)
        return repaired

    def rewrite_without(self, cases: Callable[[list[Block]], set[str]], *, dry_run: bool,
                        about: dict[str, Any] | None = None,
                        lock_timeout: float = LOCK_TIMEOUT) -> tuple[set[str], int]:
        from ave_cli.core.messages import EnvironmentProblem, Msg
        from ave_cli.stores.file import accesslog, rewrite

        def record(anchor: str, head: str, gone: set[str]) -> None:
            """The purge in the access log, sealed with the new chain's anchor, before the log
            is replaced (so a purge entry that no purge wrote is found by ave check)."""
            when = (about or {}).get("time")
            entries = Accesses(when.isoformat() if when else "", (about or {}).get("by", ""),
                               "purge", "ok", sorted(gone))
            try:
                accesslog.append(self.access_path, _access_lines(entries), log=head,
                                 purge=anchor, lock_timeout=lock_timeout)
            except OSError as exc:
                raise EnvironmentProblem(Msg(
                    "opschonen afgebroken: het toeganglog {path} kon niet worden bijgewerkt "
                    "({strerror}); het caselog is niet gewijzigd en er is niets verwijderd. "
                    "Maak ruimte vrij en probeer het opnieuw", path=self.access_path,
                    strerror=exc.strerror)) from None

        return rewrite.rewrite_without(self.path, cases, cache_dir=self.cache, dry_run=dry_run,
                                       about=about, lock_timeout=lock_timeout,
                                       before_replace=record)

    def reindex(self) -> tuple[View, Path | None]:
        from ave_cli.stores.file import caselog

        return caselog.reindex(self.path, self.cache), caselog.index_path(self.path, self.cache)
