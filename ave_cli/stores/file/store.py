"""The file store: the case log (one TOML file, appended under a lock file), its index in the
cache and its access log, behind the `Store` interface."""

from __future__ import annotations

import contextlib
import os
import stat
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime
from json.encoder import encode_basestring as text
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ave_cli.core.messages import AveError, EnvironmentProblem, LogWentBack, Msg
from ave_cli.record import logformat
from ave_cli.stores.base import Access, Accesses, Build, Repair, View
from ave_cli.stores.file import accesslog, caselog, heads, rewrite
from ave_cli.stores.writeguard import LOCK_TIMEOUT

if TYPE_CHECKING:
    from ave_cli.core.messages import Msg
    from ave_cli.record.logformat import Block, Damage

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


def _access_lines(entries: Accesses) -> Iterator[str]:
    """`json.dumps(access.as_dict(), ensure_ascii=False)` and a line end for each access, built
    around the case (a batch records a hundred thousand of them)."""
    before = (f'{{"when": {text(entries.when)}, "who": {text(entries.who)}, "action": '
              f'{text(entries.action)}, "case": ')
    after = f', "result": {text(entries.result)}}}\n'
    for case in entries.cases:
        yield before + text(case) + after



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
        return caselog.open_log(self.path, self.cache, locked=locked)

    def append(self, build: Build, *, lock_timeout: float = LOCK_TIMEOUT) -> int:
        """Append under the lock; each record names the access log's head (`toegang`)."""
        return caselog.append(self.path, build, cache_dir=self.cache, lock_timeout=lock_timeout,
                              toegang=self.access_head)

    def damage_message(self, damage: Damage, *, retry: bool = False) -> Msg:
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
        return caselog.readable_by_others(self.path)

    def exposures(self) -> list[tuple[str, str]]:
        """Where others could replace, redirect or keep the log: (kind, path) for a log folder
        anyone may write to ("folder"), a cache folder that is a symbolic link ("cache link")
        or that others may write to ("cache"), and a log with more than one name ("links")."""
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
        if not entries.cases or not (self.path.exists() or self.access_path.exists()):
            return  # no store yet: no case was there to be seen
        accesslog.append(self.access_path, _access_lines(entries), log=self.log_head(),
                         purge=purge)

    def log_head(self) -> str:
        """The case log's head as "count:seal" ("" when it cannot be read)."""
        try:
            return logformat.head_text(*caselog.head(self.path, self.cache))
        except AveError:
            return ""

    def access_head(self) -> str:
        """The access log's head as "n:seal" ("" before its first seal)."""
        try:
            count, seal = accesslog.head(self.access_path)
        except OSError:
            return ""  # the decision is still saved; that the access log failed is said after
        return logformat.head_text(count, seal) if count else ""

    def read_access(self) -> list[Access]:
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
        return logformat.scan(caselog.read_bytes(self.path))

    def chain_problems(self, blocks: list[Block]) -> list[tuple[Msg | str, bool]]:
        """What is wrong between the case log, its access log and the newest head this computer
        saw (each with whether it is only worth saying); ave check."""
        found: list[tuple[Msg | str, bool]] = []
        try:
            caselog.head(self.path, self.cache)
        except LogWentBack as exc:
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

    def head(self) -> tuple[int, str]:
        """The log's head: its number of records and the last seal (ave head)."""
        if not self.path.exists():
            raise AveError(Msg("caselog {log} bestaat niet", log=self.path))
        return caselog.head(self.path, self.cache)

    def accept_head(self, when: datetime, by: str) -> tuple[tuple[int, str] | None,
                                                            tuple[int, str]]:
        """Take the log as it is now as the newest head, and say so in the access log."""
        if not self.path.exists() and not self.access_path.exists():
            raise AveError(Msg("caselog {log} bestaat niet", log=self.path))
        before, now = caselog.accept_log(self.path, self.cache)
        self.record_access(Accesses(when.isoformat(), by, "accept-log", "ok", ["*"]))
        return before, now

    def extends(self, given: str) -> tuple[bool, Msg]:
        """Whether the log still extends a head noted earlier ("count:seal", or a seal or the
        first 12 or more characters of one), and what to say."""
        return heads.extends(self.path, self.access_path, given)

    def team_cases(self, team: str) -> set[str]:
        raise AveError(Msg("--team werkt alleen met de store van een team (postgresql://...)"))

    def index_matches(self, blocks: list[Block]) -> bool:
        return caselog.index_matches(self.path, self.cache, blocks)

    def repair(self, stamp: str, *, lock_timeout: float = LOCK_TIMEOUT) -> Repair | None:
        repaired = rewrite.repair(self.path, stamp, lock_timeout=lock_timeout)
        caselog.drop_index(self.path, self.cache)
        return repaired

    def rewrite_without(self, cases: Callable[[list[Block]], set[str]], *, dry_run: bool,
                        about: dict[str, Any] | None = None,
                        lock_timeout: float = LOCK_TIMEOUT) -> tuple[set[str], int]:
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
        return caselog.reindex(self.path, self.cache), caselog.index_path(self.path, self.cache)
