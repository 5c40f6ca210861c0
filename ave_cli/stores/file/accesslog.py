"""The file store's access log: JSON Lines beside the case log, appended to, sealed and chained.

Each write (the accesses of one command) is followed by one seal line:
`{"seal": ..., "prev": ..., "n": ..., "log": ..., "purge": ..., "extra": ...}`. `seal` is the
sha256 of the seal before it (`prev`), the write's number `n`, the case log's head the command
saw (`log`, "count:seal"), the purge it records (`purge`, the new chain's anchor) and the
write's own bytes. So an access record removed, edited or cut off breaks the chain, and the
case log's records name the access log's head (`toegang`, "n:seal"), so deleting or cutting the
whole access log is found too (`ave check`). Bytes ave did not write before a write (a torn
line after a crash, a line added by hand) are counted in `extra` and said by `ave check`; they
are never covered by a seal.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import json
import os
import stat
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from typing import Any

from ave_cli.core.messages import Msg
from ave_cli.record import logformat
from ave_cli.stores.file import durable
from ave_cli.stores.file.durable import NOFOLLOW, write_each
from ave_cli.stores.writeguard import LOCK_TIMEOUT

SEAL_KEY = b'{"seal": '
TAIL = 1 << 16


@dataclass(frozen=True)
class SealLine:
    n: int
    seal: str
    prev: str
    log: str  # the case log's head the write saw ("count:seal"), or ""
    purge: str = ""  # the anchor of the chain a purge started, or ""
    extra: int = 0  # bytes before the write that ave did not write
    line: int = 0  # 1-based line of the seal line


def _digest(prev: str, n: int, log: str, purge: str) -> Any:
    """A seal's hash before the write's own bytes are added: the seal before it, the write's
    number, the case log's head and the purge it records."""
    return hashlib.sha256(f"{prev}\n{n}\n{log}\n{purge}\n".encode())


def _seal_line(line: bytes, number: int = 0) -> SealLine | None:
    if not line.startswith(SEAL_KEY):
        return None
    try:
        found = json.loads(line)
        return SealLine(int(found["n"]), str(found["seal"]), str(found["prev"]),
                        str(found.get("log", "")), str(found.get("purge", "")),
                        int(found.get("extra", 0)), number)
    except (ValueError, KeyError, TypeError):
        return None


def last_seal(fd: int, size: int) -> tuple[SealLine | None, int]:
    """The last whole seal line of an open access log of `size` bytes, and the offset just
    past it (0: there is none)."""
    window = TAIL
    while True:
        start = max(0, size - window)
        buffer = os.pread(fd, size - start, start)
        at = len(buffer)
        while True:
            at = buffer.rfind(b"\n" + SEAL_KEY, 0, at)
            begin = at + 1 if at != -1 else (0 if start == 0 and buffer.startswith(SEAL_KEY)
                                              else -1)
            if begin == -1:
                break
            stop = buffer.find(b"\n", begin)
            found = _seal_line(buffer[begin:stop]) if stop != -1 else None
            if found is not None:
                return found, start + stop + 1
            if at == -1:
                break
        if start == 0:
            return None, 0
        window *= 4


def head(path: Path) -> tuple[int, str]:
    """The access log's head: the number of its writes and its last seal ((0, "") for none);
    OSError when it cannot be read."""
    try:
        fd = os.open(path, os.O_RDONLY | NOFOLLOW)
    except FileNotFoundError:
        return 0, ""
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise OSError(errno.EISDIR if stat.S_ISDIR(info.st_mode) else errno.EINVAL,
                          "not a regular file")
        found, _end = last_seal(fd, info.st_size)
    finally:
        os.close(fd)
    return (found.n, found.seal) if found else (0, "")


def append(path: Path, lines: Iterator[str], *, log: str, purge: str = "",
           lock_timeout: float = LOCK_TIMEOUT) -> None:
    """Append one write's lines and its seal line, under the access log's own lock. OSError
    (TimeoutError for a lock held too long) when it cannot be written: the caller knows whether
    a decision was saved before it, and says so."""
    lock = durable.lock(path, lock_timeout)
    try:
        fd = os.open(path, os.O_RDWR | os.O_APPEND | os.O_CREAT | NOFOLLOW, 0o600)
        try:
            size = os.fstat(fd).st_size
            last, end = last_seal(fd, size)
            extra = size - end
            lead = b""
            if size and os.pread(fd, 1, size - 1) != b"\n":
                lead = b"\n"  # a torn line of a crashed write ends here, outside any seal
                extra += 1
            n = (last.n + 1) if last else 1
            prev = last.seal if last else ""
            digest = _digest(prev, n, log, purge)

            def pieces() -> Iterator[bytes]:
                if lead:
                    yield lead

                while True:
                    piece = "".join(islice(lines, 10_000)).encode("utf-8")
                    if not piece:
                        break
                    digest.update(piece)
                    yield piece
                found = {"seal": digest.hexdigest(), "prev": prev, "n": n, "log": log}
                if purge:
                    found["purge"] = purge
                if extra:
                    found["extra"] = extra
                yield (json.dumps(found) + "\n").encode()

            try:
                write_each(fd, pieces())  # fsyncs
            except BaseException:
                with contextlib.suppress(OSError):  # a failed write leaves no torn lines
                    os.ftruncate(fd, size)
                    os.fsync(fd)
                raise
        finally:
            os.close(fd)
    finally:
        lock.release()


@dataclass
class Reading:
    """The access log read whole: its entries, its seal lines and what is wrong with it."""

    entries: list[dict[str, str]]
    seals: list[SealLine]
    problems: list[Msg]
    notes: list[Msg]  # worth saying, not a fault: lines from before the access log was sealed
    damaged: list[int]  # lines that are not an access record or a seal line


def read(path: Path) -> Reading:
    """Every entry and seal line, with each break of the chain, each line that is not JSON and
    each byte no seal covers."""
    entries: list[dict[str, str]] = []
    seals: list[SealLine] = []
    problems: list[Msg] = []
    notes: list[Msg] = []
    damaged: list[int] = []
    try:
        handle = open(path, "rb", opener=lambda p, f: os.open(p, f | NOFOLLOW))  # noqa: SIM115
    except FileNotFoundError:
        return Reading(entries, seals, problems, notes, [])
    with handle:
        pending: list[bytes] = []
        prev, number = "", 0
        for number, raw in enumerate(handle, start=1):
            seal_line = _seal_line(raw.rstrip(b"\n"), number)
            if seal_line is None:
                pending.append(raw)
                try:
                    entry = json.loads(raw)
                    if not isinstance(entry, dict) or "seal" in entry:
                        raise ValueError
                    entries.append(entry)
                except ValueError:
                    damaged.append(number)
                    problems.append(Msg("toeganglog {path}: regel {line} is beschadigd",
                                        path=path, line=number))
                continue
            data = b"".join(pending)
            own = data[seal_line.extra:] if seal_line.extra <= len(data) else None
            expected_n = (seals[-1].n + 1) if seals else 1
            digest = _digest(prev, seal_line.n, seal_line.log, seal_line.purge)
            if own is not None:
                digest.update(own)
            if own is None or seal_line.n != expected_n or seal_line.prev != prev or \
                    digest.hexdigest() != seal_line.seal:
                problems.append(Msg("toeganglog {path}: de keten breekt bij regel {line} "
                                    "(toegangsregels verwijderd, gewijzigd of tussengevoegd)",
                                    path=path, line=number))
            elif seal_line.extra and not seals:
                notes.append(Msg("toeganglog {path}: de regels vóór regel {line} zijn van vóór "
                                 "de verzegeling (een oudere ave) en vallen buiten elk zegel",
                                 path=path, line=number))
            elif seal_line.extra:
                problems.append(Msg("toeganglog {path}: vóór regel {line} staat tekst die ave "
                                    "niet schreef ({extra} bytes, buiten elk zegel)",
                                    path=path, line=number, extra=seal_line.extra))
            seals.append(seal_line)
            prev, pending = seal_line.seal, []
        if pending:
            problems.append(Msg("toeganglog {path}: de laatste {count} regels vallen buiten elk "
                                "zegel (afgebroken of toegevoegd)", path=path,
                                count=len(pending)))
    return Reading(entries, seals, problems, notes, damaged)


def purges_recorded(header: dict[str, Any], reading: Reading) -> list[bool]:
    """Per purge entry in the case log's header: whether a purge by ave sealed it into the
    access log (the anchor of the chain it started is in a seal line)."""
    purges = header.get("purge", [])
    recorded = {s.purge for s in reading.seals if s.purge}
    return [logformat.chain_anchor(purges[:i + 1]) in recorded for i in range(len(purges))]


def cross_check(header: dict[str, Any], blocks: list[Any], reading: Reading,
                where: Path) -> list[Msg]:
    """What the case log and the access log say of each other: every access head a record
    names is in the access log; every case log head an access write saw since the last purge
    is in the case log at its place; every purge in the header was recorded in the access log."""
    problems: list[Msg] = []
    by_n = {s.n: s for s in reading.seals}
    for block in blocks:
        named = logformat.read_head(block.toegang) if block.toegang else None
        if named is not None and (named[0] not in by_n or by_n[named[0]].seal != named[1]):
            problems.append(Msg("regel {line}: dit besluit noemt schrijfbeurt {n} van het "
                                "toeganglog {path}, en die ontbreekt of is anders (het "
                                "toeganglog is verwijderd, ingekort of vervangen)",
                                line=block.line, n=named[0], path=where))
            break  # the first says it; the rest would say the same
    anchor = header.get("chain", "")
    for i, recorded in enumerate(purges_recorded(header, reading)):
        if not recorded:
            problems.append(Msg("de opschoning (purge) nummer {number} in de kop van het "
                                "caselog staat niet in het toeganglog: niet door ave "
                                "geschreven, of het toeganglog mist", number=i + 1))
    since = 0
    for i, seal_line in enumerate(reading.seals):
        if seal_line.purge:
            since = i
    seals = [b.seal for b in blocks]
    for seal_line in reading.seals[since:]:
        found = logformat.read_head(seal_line.log) if seal_line.log else None
        if found is None or (seal_line.purge and seal_line.purge != anchor):
            continue
        count, seal = found
        there = (seals[count - 1] if 0 < count <= len(seals) else None) if count else anchor
        if there != seal:
            problems.append(Msg("het caselog is ingekort of teruggezet: het toeganglog zag "
                                "bij regel {line} {count} besluiten tot kop {seal}, en het "
                                "caselog zet die keten niet voort", line=seal_line.line,
                                count=count, seal=seal[:16]))
            break
    return problems
