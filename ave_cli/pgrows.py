"""The rows of one append to the team's store, written a piece at a time in its transaction
(pgstore.PgStore.append begins and ends it): each decision as its record's text, seal and chain
link, and the derived case rows folded on from what is stored."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from ave_cli import cases, logformat

if TYPE_CHECKING:
    from ave_cli.model import Decision

SUMMARY = ("phase", "closed", "since_ts", "last_ts", "last_kind", "kapstok", "casusregisseur",
           "procesregisseur", "advice_roles", "deciders")

PIECE = 2_000  # decisions written in one statement
_DECISION_COLUMNS = "id, case_key, team, record, seal, prev"
_CASE_TYPES = ("text", "text", "text", "text", "text", "text", "integer", "float8", "float8",
               "text", "text", "text", "text", "text", "text", "bigint")


class Rows:
    """The rows of one append, written a piece at a time in its transaction: each decision
    chained to its case's head, and the case rows folded on from what is stored (which holds
    this append's earlier pieces)."""

    def __init__(self, conn: Any, team_for_new_cases: Callable[[], str]):
        self.conn, self.team_for_new_cases = conn, team_for_new_cases
        self.seen: dict[str, str] = {}  # the head each case's decision was made from
        self.looked: dict[str, tuple[str, str | None]] = {}  # what the view looked up last
        # the cases this append has written to: as spelled, and the head it chained on to
        self.written: dict[str, tuple[str, str]] = {}
        self.ids: list[str] = []
        self.new_team = ""
        self.next_seq: int | None = None

    def write(self, decisions: list[Decision]) -> None:
        keys = list(dict.fromkeys(cases.key(d.case) for d in decisions))
        known: dict[str, list[Any]] = {}
        # the view just looked up the cases it made decisions for (told); the rest, and those
        # this append wrote to already, are asked for
        ask = [k for k in keys if k in self.written or k not in self.looked]
        told = [k for k in keys if k not in self.written and k in self.looked]
        if ask:
            for key, head, team, state, first in self.conn.execute(
                    "SELECT case_key, head, team, state, first_seq FROM ave.cases "
                    "WHERE case_key = ANY(%b)", (ask,)):
                # a case's first decision in this append chains to the head it was made from
                mine = key in self.written
                known[key] = [head if mine else self.seen.get(key, head), team,
                              cases.from_json(state), first]
        for key in told:
            team, state = self.looked[key]
            if state is not None:  # (first_seq is kept by the upsert of a known case)
                known[key] = [self.seen.get(key, ""), team, cases.from_json(state), 0]
        starts = {key: entry[0] for key, entry in known.items()}
        rows: list[list[Any]] = [[] for _column in range(6)]
        for decision in decisions:
            key = cases.key(decision.case)
            entry = known.get(key)
            if entry is None:
                entry = known[key] = [self.seen.get(key, ""), self._team(),
                                      cases.CaseState(decision.case), self._seq()]
                starts[key] = entry[0]
            record = logformat.to_record(decision, entry[0])
            seal = record["seal"]["sha256"]
            for column, value in zip(rows, (decision.id, key, entry[1],
                                            logformat.record_text(record), seal, entry[0]),
                                     strict=True):
                column.append(value)
            entry[0] = seal
            cases.apply(entry[2], decision, keep_history=False)
            self.ids.append(decision.id)
        for key, entry in known.items():  # before the statements: a refusal may come at once
            self.written.setdefault(key, (entry[2].case, starts[key]))
        self.conn.execute(
            f"INSERT INTO ave.decisions ({_DECISION_COLUMNS}) SELECT {_DECISION_COLUMNS} "
            f"FROM unnest({', '.join(['%b::text[]'] * 6)}) WITH ORDINALITY "
            f"AS r({_DECISION_COLUMNS}, n) ORDER BY n", rows)
        states = [(key, e[2].case, e[1], e[0], cases.to_json(e[2]),
                   *cases.summary(e[2])[1:], e[3]) for key, e in known.items()]
        names = ("case_key", "case_id", "team", "head", "state", *SUMMARY, "first_seq")
        self.conn.execute(
            f"INSERT INTO ave.cases ({', '.join(names)}) SELECT * FROM unnest("
            + ", ".join(f"%b::{kind}[]" for kind in _CASE_TYPES)
            + ") ON CONFLICT (case_key) DO UPDATE SET "
            + ", ".join(f"{c} = excluded.{c}" for c in ("head", "state", *SUMMARY)),
            [list(column) for column in zip(*states, strict=True)])

    def conflicting(self) -> list[str]:
        """After a refused append (rolled back): the cases someone else wrote to meanwhile,
        whose head is no longer the one this append chained on to (the server does not name
        the key of a refused row under row-level security, and in a pipeline the refusal may
        come pieces after the row that caused it); when none is found, every case it wrote."""
        keys = list(self.written)
        try:
            stored = dict(self.conn.execute(
                "SELECT case_key, head FROM ave.cases WHERE case_key = ANY(%b)", (keys,)))
        except Exception:  # noqa: BLE001  (the refusal is what the user must hear)
            stored = {}
        changed = sorted(case for key, (case, start) in self.written.items()
                         if stored.get(key, "") != start)
        return changed or sorted(case for case, _start in self.written.values())

    def _team(self) -> str:
        self.new_team = self.new_team or self.team_for_new_cases()
        return self.new_team

    def _seq(self) -> int:
        """A new case's place in the order of first appearance: after every decision there is
        (the newest decision is found at the end of the primary key; the largest first_seq
        would need a scan of every case)."""
        if self.next_seq is None:
            self.next_seq = self.conn.execute(
                "SELECT coalesce(max(seq), 0) + 1 FROM ave.decisions").fetchone()[0]
        self.next_seq += 1
        return self.next_seq - 1
