"""One append to the file log, a piece at a time: the blocks of its decisions encoded and
chained, kept in memory or (for more than one piece) spooled to an unnamed file beside the log,
and added to the index in an open transaction that is committed only after the log itself is
written (caselog.append holds the lock and does the writing)."""

from __future__ import annotations

import contextlib
import sqlite3
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ave_cli.core.messages import EnvironmentProblem, Msg
from ave_cli.core.model import Decision
from ave_cli.record import logformat
from ave_cli.stores.file.index import Mark, record_json, tail_hash


class Writer:
    """The blocks of one append: encoded and chained a piece at a time, kept in memory or (for
    more than one piece) spooled, and added to the index in its own open transaction, which is
    committed only after the log itself is written; the same blocks, offsets, lines and mark a
    read of the new bytes would give (tests/test_index.py)."""

    def __init__(self, view: Any, lead: bytes, toegang: str = ""):
        self.view, self.mark = view, view.index.mark()
        self.toegang = toegang  # the access log's head, named in every record
        self.head = self.mark.head
        self.pieces: list[bytes] = [lead]
        self.offset = self.mark.size + len(lead)
        self.line = self.mark.line + lead.count(b"\n")
        self.ids: list[str] = []
        self.file: Any = None  # the spool, once there is more than one piece
        self.indexing = False  # the index's transaction is open

    def begin_index(self) -> None:
        """Start the index's transaction, when the index has read the whole log (else the log
        is read back after the write)."""
        if self.mark.size != self.view.size:
            return
        try:
            self.view.index.begin()
        except sqlite3.Error:
            return
        self.indexing = True
        if self.view.index.mark() != self.mark:
            self.rollback_index()  # a reader indexed meanwhile: read back after the write

    def add(self, decisions: list[Decision]) -> None:
        found, texts = [], []
        for decision in decisions:
            record = logformat.to_record(decision, self.head, toegang=self.toegang)
            block, seal = logformat.encode_record(record), record["seal"]["sha256"]
            found.append(logformat.Block(decision, self.line + 1, self.offset + 1, seal,
                                         self.head))
            if self.indexing:
                texts.append(record_json(record))
            self.pieces.append(block)
            self.offset += len(block)
            self.line += block.count(b"\n")
            self.head = seal
            self.ids.append(decision.id)
        if self.indexing:
            try:
                self.view.index.add(found, None, texts=texts)
            except sqlite3.Error:
                self.rollback_index()

    def spool(self, path: Path) -> None:
        """Move the blocks so far out of memory into an unnamed file beside the log (0600,
        gone when closed); a full disk here fails before the log is touched. Where no file can
        be made beside the log (a folder you may not write in), the blocks stay in memory."""
        if self.file is None:
            try:
                self.file = tempfile.TemporaryFile(dir=path.parent)
            except OSError:
                return
        try:
            self.file.write(b"".join(self.pieces))
            self.file.flush()  # a full disk is said here, not later
        except OSError as exc:
            raise EnvironmentProblem(Msg("schrijven naar caselog {path} is mislukt "
                                       "({strerror}); er is niets opgeslagen",
                                       path=path, strerror=exc.strerror)) from None
        self.pieces = []

    def payload(self) -> Iterator[bytes]:
        """Every byte to append, read back from the spool a megabyte at a time."""
        if self.file is not None:
            self.file.seek(0)
            yield from iter(lambda: self.file.read(1 << 20), b"")
        yield from self.pieces

    def close(self) -> None:
        """Drop the spool, and the index's transaction unless it was committed."""
        self.rollback_index()
        if self.file is not None:
            with contextlib.suppress(OSError):  # what a full disk kept in its buffer is dropped
                self.file.close()

    def rollback_index(self) -> None:
        if self.indexing:
            self.indexing = False
            with contextlib.suppress(sqlite3.Error):
                self.view.index.rollback()

    def commit_index(self, path: Path) -> None:
        index = self.view.index
        try:
            try:
                info = path.stat()
                with open(path, "rb") as handle:
                    tail = tail_hash(handle, self.offset)
            except OSError:
                raise sqlite3.OperationalError("the log cannot be read back") from None
            index.add([], Mark(self.offset, self.line, tail, info.st_dev, info.st_ino,
                               info.st_mtime_ns, self.head, self.mark.count + len(self.ids)))
            index.commit()
        except BaseException:
            self.rollback_index()
            raise
        self.indexing = False
