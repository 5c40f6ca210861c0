"""The only rewrites of the case log: `ave check --repair` (a torn tail moved to a quarantine
file, the log cut back) and `ave purge` (closed cases removed, the rest chained anew). Both
write the new bytes whole, fsync and read them back before the log is touched; on any failure
the log stays as it was. Appends and reads are in caselog.py."""

from __future__ import annotations

import contextlib
import errno
import os
import stat
from collections.abc import Callable
from pathlib import Path
from typing import Any

from ave_cli.core.cases import key
from ave_cli.core.messages import EnvironmentProblem, LogError, Msg
from ave_cli.record import logformat
from ave_cli.stores.base import Repair
from ave_cli.stores.file.caselog import (
    _locked,
    _read_bytes,
    _stat,
    damage_message,
    drop_index,
)
from ave_cli.stores.file.durable import NOFOLLOW, fsync_dir, write_all
from ave_cli.stores.writeguard import LOCK_TIMEOUT, uninterruptible


def repair(path: Path, stamp: str, *, lock_timeout: float = LOCK_TIMEOUT) -> Repair | None:
    """Move a torn tail into a quarantine file beside the log (never deleting it) and cut the
    log back to its intact part. The quarantine is written whole and verified before the log is
    cut; if it cannot be, the log stays as it was. Damage with intact records after it is not
    touched: LogError."""
    with _locked(path, lock_timeout):
        if _stat(path) is None:
            return None  # no log yet: nothing to repair
        data = _read_bytes(path)
        parsed = logformat.parse(data, str(path))  # raises for damage in the middle
        if parsed.damage is None:
            return None
        quarantine = path.with_name(f"{path.name}.quarantaine-{stamp}")
        try:
            _write_new(quarantine, data[parsed.damage.offset:], 0o600)
        except OSError as exc:
            raise EnvironmentProblem(Msg("herstel afgebroken: het quarantainebestand {quarantine} "
                                       "kon niet volledig worden geschreven ({strerror}); het "
                                       "caselog is niet gewijzigd. Maak ruimte vrij en probeer "
                                       "het opnieuw", quarantine=quarantine, strerror=exc.strerror)) from None
        fsync_dir(path.parent)
        with uninterruptible():
            fd = os.open(path, os.O_WRONLY | NOFOLLOW)
            try:
                os.ftruncate(fd, parsed.damage.offset)
                os.fsync(fd)
            finally:
                os.close(fd)
            fsync_dir(path.parent)
        return Repair(quarantine, len(data) - parsed.damage.offset, parsed.damage.line)


def _write_new(target: Path, payload: bytes, mode: int) -> None:
    """Create `target` (it must not exist) holding exactly `payload`, fsynced and read back to
    verify size and bytes. On any failure the half-written file is removed and OSError raised."""
    fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        try:
            os.fchmod(fd, mode)
            write_all(fd, payload)
        finally:
            os.close(fd)
        if target.stat().st_size != len(payload) or target.read_bytes() != payload:
            raise OSError(errno.EIO, Msg("het geschreven bestand verschilt van wat ave schreef"))
    except BaseException:
        with contextlib.suppress(OSError):
            target.unlink()
        raise



def rewrite_without(path: Path, cases: Callable[[list[logformat.Block]], set[str]], *,
                    cache_dir: Path | None, dry_run: bool, about: dict[str, Any] | None = None,
                    lock_timeout: float = LOCK_TIMEOUT,
                    before_replace: Callable[[str, str, set[str]], None] | None = None,
                    ) -> tuple[set[str], int]:
    """Remove every decision of the cases `cases(blocks)` picks (case keys): the only rewrite of
    the log. The kept records are chained anew after a header that records the purge (`about`:
    who, when, which cut-off; then how many, which dates and the old chain head, never the
    content). The new file is written beside the log, fsynced, read back and verified (every
    seal and the chain), then moved over the old one under the lock with its permissions; the
    index is dropped so the removed data leaves the cache too. On any failure the log stays as
    it was. `before_replace(anchor, head, cases)` runs just before the move (the access log
    records the purge there: when it cannot, nothing is purged). Returns the cases and the
    number of decisions removed."""
    with _locked(path, lock_timeout):
        data = _read_bytes(path)
        parsed = logformat.parse(data, str(path))
        if parsed.damage is not None:
            raise LogError(damage_message(path, parsed.damage, retry=True))
        gone = cases(parsed.blocks)
        kept = [b for b in parsed.blocks if key(b.decision.case) not in gone]
        removed = [b.decision for b in parsed.blocks if key(b.decision.case) in gone]
        if dry_run or not gone:
            return gone, len(removed)
        lead = data[:parsed.blocks[0].offset] if parsed.blocks else data
        purges = list(logformat.header_info(lead).get("purge", []))
        purges.append({**(about or {}), "decisions": len(removed), "cases": len(gone),
                       "first": min(d.time for d in removed).isoformat(),
                       "last": max(d.time for d in removed).isoformat(),
                       "old_head": parsed.head})
        anchor = logformat.chain_anchor(purges)
        body, new_head = logformat.encode_chain([b.decision for b in kept], anchor,
                                                [b.toegang for b in kept])
        payload = logformat.header(purges) + body
        mode = stat.S_IMODE(path.stat().st_mode)
        temporary = path.with_name(f".{path.name}.herschrijven")
        with contextlib.suppress(FileNotFoundError):
            temporary.unlink()  # left by an earlier run that died; the log itself is whole
        try:
            _write_new(temporary, payload, mode)
            _verify_rewrite(temporary, [b.decision.id for b in kept])
        except OSError as exc:
            with contextlib.suppress(OSError):
                temporary.unlink()
            raise EnvironmentProblem(Msg("opschonen afgebroken: het nieuwe caselog kon niet "
                                       "volledig worden geschreven ({strerror}); het caselog "
                                       "is niet gewijzigd en er is niets verwijderd. Maak "
                                       "ruimte vrij en probeer het opnieuw", strerror=exc.strerror)) from None
        if before_replace is not None:
            try:
                before_replace(anchor, logformat.head_text(len(kept), new_head), gone)
            except BaseException:
                with contextlib.suppress(OSError):
                    temporary.unlink()
                raise
        with uninterruptible():
            os.replace(temporary, path)
            fsync_dir(path.parent)
            drop_index(path, cache_dir, anchor=(len(kept), new_head))
    return gone, len(removed)


def _verify_rewrite(path: Path, ids: list[str]) -> None:
    """The rewritten log parses whole, holds exactly these decisions, and its chain holds."""
    data = path.read_bytes()
    parsed = logformat.parse(data, str(path))
    lead = data[:parsed.blocks[0].offset] if parsed.blocks else data
    if (parsed.damage is not None or [b.decision.id for b in parsed.blocks] != ids
            or logformat.chain_problems(logformat.header_info(lead), parsed.blocks)):
        raise OSError(errno.EIO, Msg("het nieuwe caselog leest niet terug zoals het is geschreven"))


