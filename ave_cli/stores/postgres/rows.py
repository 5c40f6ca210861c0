"""The records of one append to the team's store, handed a piece at a time to the store's
`ave.write` in its transaction (pgstore.PgStore.append begins and ends it): each decision as
its JSON text, canonical text and seal, chained to its case's head. The store checks them and
folds the case rows itself."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ave_cli.core import cases
from ave_cli.record import logformat

if TYPE_CHECKING:
    from ave_cli.core.model import Decision

PIECE = 2_000  # decisions handed over in one call


class Rows:
    """The records of one append, written a piece at a time in its transaction, each chained
    to the head of its case as this append saw it (or as it wrote it)."""

    def __init__(self, conn: Any, team: str):
        self.conn, self.team = conn, team
        self.seen: dict[str, str] = {}  # the head each case's decision was made from
        # the cases this append has written to: as spelled, and the head it chained on to
        self.written: dict[str, tuple[str, str]] = {}
        self.heads: dict[str, str] = {}  # each case's head after this append's pieces so far
        self.ids: list[str] = []

    def write(self, decisions: list[Decision]) -> None:
        keys = list(dict.fromkeys(cases.key(d.case) for d in decisions))
        ask = [k for k in keys if k not in self.heads and k not in self.seen]
        if ask:  # cases the view did not look at (a migrate): their heads as the store has them
            for key, head in self.conn.execute(
                    "SELECT r.case_key, coalesce(c.head, '') FROM ave.resolve(%b, %s) r "
                    "LEFT JOIN ave.cases c ON c.team = r.team AND c.case_key = r.case_key",
                    (ask, self.team)):
                self.seen[key] = head
        texts: list[str] = []
        canonicals: list[str] = []
        seals: list[str] = []
        for decision in decisions:
            key = cases.key(decision.case)
            prev = self.heads.get(key)
            if prev is None:
                prev = self.seen.get(key, "")
                self.written.setdefault(key, (decision.case, prev))
            text, canonical, seal = logformat.to_json_record(decision, prev)
            texts.append(text)
            canonicals.append(canonical)
            seals.append(seal)
            self.heads[key] = seal
            self.ids.append(decision.id)
        self.conn.execute("SELECT ave.write(%s, %b::text[], %b::text[], %b::text[])",
                          (self.team, texts, canonicals, seals))

    def conflicting(self) -> list[str]:
        """After a refused append (rolled back): the cases someone else wrote to meanwhile,
        whose head is no longer the one this append chained on to (in a pipeline the refusal
        may come pieces after the row that caused it); when none is found, every case it
        wrote."""
        keys = list(self.written)
        try:
            stored = dict(self.conn.execute(
                "SELECT r.case_key, coalesce(c.head, '') FROM ave.resolve(%b, %s) r "
                "LEFT JOIN ave.cases c ON c.team = r.team AND c.case_key = r.case_key",
                (keys, self.team)))
        except Exception:  # noqa: BLE001  (the refusal is what the user must hear)
            stored = {}
        changed = sorted(case for key, (case, start) in self.written.items()
                         if stored.get(key, "") != start)
        return changed or sorted(case for case, _start in self.written.values())
