"""A derived index of one case log, in SQLite in the user cache directory.

The TOML log stays the only source of truth: the index holds each decision (as JSON, with its
place in the log) and the folded state of each case, and remembers how far into the log it has
read (size, line, a hash of the last bytes it read, and the file's identity). `caselog` checks
that against the log before every use and rebuilds the index when the log was changed in any
other way than appending. Deleting the index loses nothing.

SQLite is in the standard library, reads one case without reading the rest, survives a crash
mid-update (transactions), and lets several processes update the same index safely.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ave_cli.core import cases
from ave_cli.core.cases import CaseState, CaseSummary
from ave_cli.core.model import AFSPRAAK_KINDS, Decision
from ave_cli.record import logformat
from ave_cli.record.logformat import Block
from ave_cli.stores.file.durable import NOFOLLOW

if TYPE_CHECKING:
    from ave_cli.core.afspraken import Afspraak

# 7: the mark holds the chain head, case ids are keyed without letter case; cases: narrow columns
# for ave report; states: the whole state as JSON. 8: the mark counts the records, and the anchor
# (the newest head seen) outlives a rebuild. 9: the afspraken of the plan, each with its records;
# 10: those records as one JSON array of objects, and a covering index for the report
SCHEMA = 10
_ANCHOR = ("anchor_count", "anchor_seal")
_TABLES = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value);
CREATE TABLE IF NOT EXISTS decisions (seq INTEGER PRIMARY KEY, case_id TEXT NOT NULL,
                                      offset INTEGER NOT NULL, line INTEGER NOT NULL,
                                      record TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS decisions_by_case ON decisions (case_id, seq);
CREATE TABLE IF NOT EXISTS cases (case_key TEXT PRIMARY KEY, case_id TEXT NOT NULL,
    phase TEXT, closed INTEGER, since_ts REAL, last_ts REAL, last_kind TEXT, kapstok TEXT,
    casusregisseur TEXT, procesregisseur TEXT, advice_roles TEXT,
    deciders TEXT);
CREATE TABLE IF NOT EXISTS states (case_id TEXT PRIMARY KEY, state TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS afspraken (case_key TEXT NOT NULL, nummer TEXT NOT NULL,
    open INTEGER NOT NULL, uiterlijk TEXT NOT NULL, records TEXT NOT NULL,
    PRIMARY KEY (case_key, nummer));
CREATE INDEX IF NOT EXISTS afspraken_due ON afspraken (open, uiterlijk);
CREATE INDEX IF NOT EXISTS afspraken_open ON afspraken (open, case_key, uiterlijk);
"""


_SUMMARY = CaseSummary._fields[1:]


# --- decisions as JSON -------------------------------------------------------------------------

def to_json(decision: Decision) -> str:
    """The decision as the index keeps it: its record as JSON, in the record's own order (the
    answers in question order, as every view shows them)."""
    return _dumps(logformat.to_record(decision, sealed=False))


def record_json(record: dict[str, Any]) -> str:
    """`to_json` of a decision from its sealed record (a writer has it already)."""
    return _dumps({k: v for k, v in record.items() if k not in ("prev", "seal", "toegang")})


_dumps = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), default=datetime.isoformat,
                          check_circular=False).encode  # a record holds no cycles


from_json = logformat.from_plain  # a decision stored by `to_json`


TAIL = 4096  # bytes at the end of what the index read, hashed into its mark


def _folded(records: str) -> dict[str, Afspraak]:
    """The afspraak a row's records (a JSON array) make."""
    from ave_cli.core import afspraken as afs

    return afs.fold(logformat.from_values(values) for values in json.loads(records))


def _afspraken_where(case_ids: list[str] | None, open_only: bool,
                     due_before: date | None) -> tuple[str, list[Any]]:
    clauses, params = [], []
    if case_ids is not None:
        keys = sorted({cases.key(c) for c in case_ids})
        clauses.append(f"a.case_key IN ({','.join('?' * len(keys))})")
        params += keys
    if open_only:
        clauses.append("a.open = 1 AND c.closed = 0")
    if due_before is not None:
        clauses.append("a.uiterlijk < ?")
        params.append(due_before.isoformat())
    return (" WHERE " + " AND ".join(clauses) if clauses else ""), params


def tail_hash(handle: Any, end: int) -> str:
    """The hash of the last TAIL bytes before `end` of an open log file."""
    start = max(0, end - TAIL)
    handle.seek(start)
    return hashlib.sha256(handle.read(end - start)).hexdigest()


@dataclass(frozen=True)
class Mark:
    """How far the index has read into the log, and which file that was."""

    size: int = 0
    line: int = 1
    tail: str = ""
    device: int = -1
    inode: int = -1
    mtime: int = -1  # nanoseconds; a same-size change in place shows only here
    head: str = ""  # the seal of the last record read (or the header's chain anchor)
    count: int = 0  # the records read (in the chain since the header)


class Index:
    def __init__(self, connection: sqlite3.Connection):
        self.db = connection

    @classmethod
    def open(cls, path: Path | None) -> Index:
        """The index at `path` (created 0600 in a 0700 folder), or an in-memory one for None.
        A broken index file is deleted and started afresh: it only holds derived data."""
        if path is None:
            return cls._connect(":memory:")
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        if path.is_symlink():  # derived data of ours: a link put in its place goes, unfollowed
            path.unlink()
        if not path.exists():
            os.close(os.open(path, os.O_WRONLY | os.O_CREAT | NOFOLLOW, 0o600))
        try:
            return cls._connect(str(path))
        except sqlite3.DatabaseError:
            for leftover in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
                with contextlib.suppress(FileNotFoundError):
                    leftover.unlink()
            os.close(os.open(path, os.O_WRONLY | os.O_CREAT | NOFOLLOW, 0o600))
            return cls._connect(str(path))

    @classmethod
    def _connect(cls, where: str) -> Index:
        db = sqlite3.connect(where, timeout=60, isolation_level=None)
        db.execute("PRAGMA journal_mode=WAL")
        db.execute("PRAGMA synchronous=NORMAL")  # derived data: a lost update is re-read
        version = db.execute("PRAGMA user_version").fetchone()[0]
        if version != SCHEMA:
            anchor = None
            if version == 7:  # the head it knew stays the anchor (it held every record)
                with contextlib.suppress(sqlite3.Error, TypeError):
                    (head,) = db.execute("SELECT value FROM meta WHERE key = 'head'").fetchone()
                    (count,) = db.execute("SELECT count(*) FROM decisions").fetchone()
                    anchor = (count, head)
            elif version in (8, 9):  # its anchor, kept as it was
                with contextlib.suppress(sqlite3.Error, TypeError, KeyError):
                    kept = dict(db.execute(f"SELECT key, value FROM meta WHERE key IN {_ANCHOR}"))
                    anchor = (kept["anchor_count"], kept["anchor_seal"])
            db.executescript("DROP TABLE IF EXISTS meta; DROP TABLE IF EXISTS decisions;"
                             "DROP TABLE IF EXISTS cases; DROP TABLE IF EXISTS states;"
                             "DROP TABLE IF EXISTS afspraken;")
            db.executescript(_TABLES)
            db.execute(f"PRAGMA user_version={SCHEMA}")
            if anchor is not None and anchor[1]:
                cls(db).set_anchor(*anchor)
        return cls(db)

    def mark(self) -> Mark:
        values = dict(self.db.execute("SELECT key, value FROM meta"))
        if "size" not in values:
            return Mark()
        return Mark(values["size"], values["line"], values["tail"], values["device"],
                    values["inode"], values["mtime"], values["head"], values["count"])

    def anchor(self) -> tuple[int, str] | None:
        """The newest head this index has seen of its log (count, seal): kept when the index is
        rebuilt, so a log that went back is found (caselog)."""
        values = dict(self.db.execute(
            f"SELECT key, value FROM meta WHERE key IN {_ANCHOR}"))
        if len(values) != 2:
            return None
        return values["anchor_count"], values["anchor_seal"]

    def set_anchor(self, count: int, seal: str) -> None:
        self.db.executemany("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)",
                            [("anchor_count", count), ("anchor_seal", seal)])

    # The one way to write: a transaction begun IMMEDIATE (another process updating the same
    # index waits for it), committed or rolled back. `writing` for a block of code; the appender
    # begins one when it starts and ends it after the log is written.
    def begin(self) -> None:
        self.db.execute("BEGIN IMMEDIATE")

    def commit(self) -> None:
        self.db.execute("COMMIT")

    def rollback(self) -> None:
        self.db.execute("ROLLBACK")

    @contextlib.contextmanager
    def writing(self) -> Iterator[None]:
        """One write transaction around a block: committed, or rolled back on any exception."""
        self.begin()
        try:
            yield
        except BaseException:
            self.rollback()
            raise
        self.commit()

    def reset(self) -> None:
        for table in ("decisions", "cases", "states", "afspraken"):  # not executescript: commits
            self.db.execute(f"DELETE FROM {table}")
        self.db.execute(f"DELETE FROM meta WHERE key NOT IN {_ANCHOR}")

    def add(self, blocks: list[Block], mark: Mark | None,
            states: dict[str, CaseState] | None = None, texts: list[str] | None = None) -> None:
        """Add the decisions read from the log and fold them into their cases. A long read
        passes the same `states` for every piece and writes them once with `flush`; the mark
        moves only when given (at the end of a read). `texts`: each decision's `to_json`, when
        the caller has it already."""
        if blocks:
            self.db.executemany(
                "INSERT INTO decisions (case_id, offset, line, record) VALUES (?, ?, ?, ?)",
                ((cases.key(b.decision.case), b.offset, b.line,
                  texts[n] if texts is not None else to_json(b.decision))
                 for n, b in enumerate(blocks)))  # a row at a time: never all in memory twice
            pending = {} if states is None else states
            pending.update(self._states({cases.key(b.decision.case) for b in blocks}
                                        - set(pending)))
            for block in blocks:
                case = block.decision.case
                state = pending.get(cases.key(case)) or pending.setdefault(cases.key(case),
                                                                           CaseState(case))
                cases.apply(state, block.decision, keep_history=False)
            if states is None:
                self.flush(pending)
            plan = [b.decision for b in blocks if b.decision.kind in AFSPRAAK_KINDS]
            if plan:
                self._plan(plan, texts and [texts[n] for n, b in enumerate(blocks)
                                            if b.decision.kind in AFSPRAAK_KINDS])
        if mark is not None:
            self.db.executemany("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", [
                ("size", mark.size), ("line", mark.line), ("tail", mark.tail),
                ("device", mark.device), ("inode", mark.inode), ("mtime", mark.mtime),
                ("head", mark.head), ("count", mark.count)])
            if mark.size:
                self.set_anchor(mark.count, mark.head)

    def flush(self, states: dict[str, CaseState]) -> None:
        """Write folded case states (both the JSON state and the report columns)."""
        if states:
            self.db.executemany(
                "INSERT INTO states (case_id, state) VALUES (?, ?) "
                "ON CONFLICT (case_id) DO UPDATE SET state = excluded.state",
                ((case, cases.to_json(state)) for case, state in states.items()))
            self.db.executemany(
                f"INSERT INTO cases (case_key, case_id, {', '.join(_SUMMARY)}) "
                f"VALUES ({', '.join('?' * (len(_SUMMARY) + 2))}) ON CONFLICT (case_key) DO UPDATE "
                "SET " + ", ".join(f"{c} = excluded.{c}" for c in _SUMMARY),
                ((key, *cases.summary(state)) for key, state in states.items()))

    def _plan(self, records: list[Decision], texts: list[str] | None) -> None:
        """Fold afspraak records into their afspraken; each row keeps its records as one JSON
        array (the records' own JSON texts joined: nothing is parsed again to add one)."""
        from ave_cli.core import afspraken as afs  # (not needed by reads without the plan)

        wanted = {(cases.key(d.case), d.afspraak) for d in records}
        rows: dict[tuple[str, str], tuple[Afspraak, str]] = {}
        for case_key, nummer in wanted:
            row = self.db.execute("SELECT records FROM afspraken WHERE case_key = ? AND "
                                  "nummer = ?", (case_key, nummer)).fetchone()
            if row is not None:
                folded = _folded(row[0]).get(nummer)
                if folded is not None:
                    rows[(case_key, nummer)] = (folded, row[0])
        for n, decision in enumerate(records):
            where = (cases.key(decision.case), decision.afspraak)
            text = texts[n] if texts else to_json(decision)
            if decision.kind == "afspraak" and where not in rows:
                rows[where] = (afs.start(decision), f"[{text}]")
            elif decision.kind == "afspraak-stand" and where in rows and rows[where][0].open:
                afspraak, kept = rows[where]
                rows[where] = (afs.apply(afspraak, decision), f"{kept[:-1]},{text}]")
        self.db.executemany(
            "INSERT OR REPLACE INTO afspraken (case_key, nummer, open, uiterlijk, records) "
            "VALUES (?, ?, ?, ?, ?)",
            ((k, n, int(a.open), a.uiterlijk.isoformat(), kept)
             for (k, n), (a, kept) in rows.items()))

    def afspraken(self, case_ids: list[str] | None = None, *, open_only: bool = False,
                  due_before: date | None = None) -> list[Afspraak]:
        """The afspraken (of these cases), as they stand; `open_only`: those still open in a
        case that is open; `due_before`: those whose date is before it."""
        where, params = _afspraken_where(case_ids, open_only, due_before)
        found: list[Afspraak] = []
        for (records,) in self.db.execute(
                "SELECT a.records FROM afspraken a JOIN cases c ON c.case_key = a.case_key"
                f"{where} ORDER BY c.rowid, a.rowid", params):
            found.extend(_folded(records).values())
        return found

    def due(self) -> dict[str, tuple[int, date]]:
        """Per case with open afspraken: how many, and the earliest date (a closed case's are
        among them: whoever asks passes over closed cases, as ave report does)."""
        return {key: (count, date.fromisoformat(first)) for key, count, first in self.db.execute(
            "SELECT case_key, count(*), min(uiterlijk) FROM afspraken WHERE open = 1 "
            "GROUP BY case_key")}

    def _states(self, wanted: set[str]) -> dict[str, CaseState]:
        found: dict[str, CaseState] = {}
        names = sorted(wanted)
        for start in range(0, len(names), 500):
            part = names[start:start + 500]
            rows = self.db.execute(
                f"SELECT case_id, state FROM states WHERE case_id IN ({','.join('?' * len(part))})",
                part)
            found.update((case, cases.from_json(state)) for case, state in rows)
        return found

    def case(self, case_id: str) -> CaseState | None:
        """One case with its whole history, read from its own decisions only."""
        rows = self.db.execute("SELECT record FROM decisions WHERE case_id = ? ORDER BY seq",
                               (cases.key(case_id),))
        return cases.fold(from_json(r) for (r,) in rows).get(cases.key(case_id))

    def cases_of(self, case_ids: list[str]) -> dict[str, CaseState]:
        """Of these cases, those in the log (without their history), by `cases.key`."""
        return self._states({cases.key(c) for c in case_ids})

    def cases(self) -> list[CaseState]:
        """Every case without its history, in order of first appearance."""
        return [cases.from_json(s) for (s,) in self.db.execute(
            "SELECT state FROM states ORDER BY rowid")]

    def summaries(self, *, include_closed: bool = True,
                  deciders: bool = True) -> list[CaseSummary]:
        """What `ave report` needs of every case, from plain columns (no JSON to decode); the
        names of everyone who decided only when asked for (they are long and rarely needed)."""
        where = "" if include_closed else "WHERE closed = 0 "
        columns = ", ".join(_SUMMARY if deciders else (*_SUMMARY[:-1], "''"))
        return list(map(CaseSummary._make, self.db.execute(
            f"SELECT case_id, {columns} FROM cases {where}ORDER BY rowid")))

    def ids(self) -> list[str]:
        """Every decision id in log order (ave check compares them with the log)."""
        return [i for (i,) in self.db.execute(
            "SELECT json_extract(record, '$.id') FROM decisions ORDER BY seq")]

    def decisions(self) -> Iterator[Decision]:
        for (record,) in self.db.execute("SELECT record FROM decisions ORDER BY seq"):
            yield from_json(record)

    def count(self) -> int:
        found: int = self.db.execute("SELECT count(*) FROM decisions").fetchone()[0]
        return found

    def close(self) -> None:
        self.db.close()
