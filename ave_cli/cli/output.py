"""The plain outputs of ave: JSON for scripts, CSV and JSON Lines for spreadsheets and exports.
No rich here, so that these forms can be tested (and used) without the terminal views."""

from __future__ import annotations

import json
import sys
import unicodedata
from dataclasses import asdict
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from ave_cli.core.cases import CaseState, open_advice
from ave_cli.core.model import Decision, Kapstok
from ave_cli.core.report import Reevaluation, ReevaluationRun, Report, days_between, local_date
from ave_cli.core.rules import trace as trace_rules

if TYPE_CHECKING:
    from collections.abc import Callable

    from ave_cli.core.afspraken import Afspraak
    from ave_cli.core.casus import CasusResult, Coverage, Diff
    from ave_cli.core.decisions import Change, Triage
    from ave_cli.core.model import Answers, Casus
    from ave_cli.core.rules import Step


def print_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n")


def triage_json(result: Triage, *, dry_run: bool) -> dict[str, Any]:
    decision, outcome = result.decision, result.outcome
    return {
        "case": decision.case,
        "phase": decision.phase_after,
        "advised_phase": decision.advised_phase,
        "previous_phase": result.previous_phase,
        "direction": result.direction,
        "motivation": decision.motivation or None,
        "kapstok": asdict(decision.kapstok),
        "reasons": list(decision.reasons),
        "roles": {**outcome.roles.as_dict(), "in_overleg_met": list(outcome.in_overleg_met)},
        "advice": [a.text for a in outcome.advice],
        "opschalen_door": outcome.phase.opschalen_door,
        "next_phase": outcome.next_phase.id if outcome.next_phase else None,
        "next_phase_criteria": outcome.phase.opschalen_criteria if outcome.next_phase else None,
        "afschalen_criteria": list(outcome.phase.afschalen_criteria),
        "afschalen_door": outcome.phase.afschalen_door or None,
        "meningsverschil_beslisser": result.meningsverschil_beslisser or None,
        "signalen": list(decision.signals),
        "casusregisseur": result.casusregisseur or None,
        "procesregisseur": result.procesregisseur or None,
        "decision_id": None if dry_run else decision.id,
    }


def kapstok_json(kapstok: Kapstok) -> dict[str, Any]:
    data = asdict(kapstok)
    data.pop("english", None)
    plain: dict[str, Any] = json.loads(json.dumps(data, default=str))
    return plain


def decision_json(d: Decision) -> dict[str, Any]:
    data = asdict(d)
    data["time"] = d.time.isoformat()
    return data


def change_json(change: Change, *, dry_run: bool) -> dict[str, Any]:
    d = change.decision
    outcome = change.outcome
    return {
        "case": d.case, "kind": d.kind, "axis": d.axis, "previous_phase": d.phase_before,
        "phase": d.phase_after, "advised_phase": change.advised, "skipped": list(change.skipped),
        "role": d.role or None, "replaced": change.replaced or None,
        "casusregisseur": d.casusregisseur or None, "procesregisseur": d.procesregisseur or None,
        "reasons": list(d.reasons), "signals": list(d.signals),
        "in_overleg_met": list(d.in_overleg_met), "decided_by": d.decided_by or None,
        "roles": ({**outcome.roles.as_dict(), "in_overleg_met": list(outcome.in_overleg_met)}
                  if outcome else None),
        "decision_id": None if dry_run else d.id,
    }


def afspraak_json(a: Afspraak, today: date) -> dict[str, Any]:
    """One afspraak as it stands (for `ave afspraak`, `afspraken`, `plan`, `show`)."""
    return {
        "case": a.case, "nummer": a.nummer, "wat": a.wat, "wie": a.wie,
        "leefgebied": a.leefgebied, "voor": a.voor or None,
        "uiterlijk": a.uiterlijk.isoformat(), "eerst": a.eerst.isoformat() if a.eerst else None,
        "stand": a.stand, "te_laat": a.te_laat(today),
        "gemaakt": a.gemaakt.isoformat(), "door": a.by,
        "afgerond": a.afgerond.isoformat() if a.afgerond else None,
        "redenen": list(a.redenen), "note": a.note or None,
    }


def state_facts(state: CaseState, kapstok: Kapstok, now: datetime) -> dict[str, Any]:
    return {
        "case": state.case,
        "closed": state.closed,
        "phase": state.phase,
        "since": state.since.isoformat() if state.since else None,
        "days_in_phase": days_between(state.since, now),
        "casusregisseur": state.casusregisseur or None,
        "procesregisseur": state.procesregisseur or None,
        "open_advice": [text for text, _ in open_advice(state)],
        "kapstok": state.kapstok_name,
    }


def case_json(state: CaseState, kapstok: Kapstok, now: datetime) -> dict[str, Any]:
    from ave_cli.core import afspraken as afs

    return {**state_facts(state, kapstok, now),
            "afspraken": [afspraak_json(a, now.date())
                          for a in afs.ordered(afs.fold(state.history).values())],
            "timeline": [decision_json(d) for d in state.history]}


def report_rows(report: Report) -> list[dict[str, Any]]:
    """One flat dict per case: the same data for JSON and CSV."""
    return [{
        "case": r.case, "phase": r.phase, "closed": r.closed,
        "since": local_date(r.since),
        "days_in_phase": r.days_in_phase, "casusregisseur": r.casusregisseur or None,
        "procesregisseur": r.procesregisseur or None, "last_kind": r.last_kind,
        "last_date": local_date(r.last_time), "kapstok": r.kapstok,
        "flags": list(r.flags),
        "next_due": r.next_due.isoformat() if r.next_due else None,
    } for r in report.rows]


def report_json(report: Report) -> dict[str, Any]:
    return {
        "open": report.open_total,
        "counts": [{"kapstok": c.kapstok, "phase": c.phase, "count": c.count,
                    "share": round(c.share, 4)} for c in report.counts],
        "cases": report_rows(report),
    }


def reevaluation_json(run: ReevaluationRun, *, applied: int) -> dict[str, Any]:
    def item(r: Reevaluation) -> dict[str, Any]:
        return {"case": r.state.case, "from": r.state.phase, "from_kapstok": r.state.kapstok_name,
                "to": r.outcome.phase.id, "kapstok": r.kapstok.name,
                "reasons": list(r.outcome.reasons)}

    return {"changes": [item(r) for r in run.changes],
            "departures": [item(r) for r in run.departures], "unchanged": run.unchanged,
            "skipped": [{"case": c, "why": str(why)} for c, why in run.skipped], "applied": applied,
            "defaulted": [{"question": key, "cases": n, "read_as": label}
                          for key, (n, label) in sorted(run.defaulted.items())],
            "readings": list(run.readings)}


def flat_decision(d: Decision) -> dict[str, Any]:
    """A decision as one flat row: nested tables become dotted columns."""
    row: dict[str, Any] = {}
    for key, value in decision_json(d).items():
        if isinstance(value, dict):
            row.update({f"{key}.{k}": v for k, v in value.items()})
        else:
            row[key] = value
    return row


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (list, tuple)):
        value = "; ".join(map(str, value))
    text = str(value)
    # no formulas in spreadsheets, also not from a full-width or other compatibility form of
    # a formula's first character (a spreadsheet may fold it)
    first = unicodedata.normalize("NFKC", text[:1])[:1]
    return "'" + text if first in FORMULA_STARTS else text


# What makes a spreadsheet read a cell as a formula (OWASP's CSV injection list).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def write_csv(stream: Any, rows: list[dict[str, Any]]) -> None:
    import csv

    columns = list(dict.fromkeys(key for row in rows for key in row))
    writer = csv.writer(stream, lineterminator="\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow([_cell(row.get(column)) for column in columns])


def write_export(stream: Any, rows: list[dict[str, Any]], fmt: str) -> None:
    if fmt == "csv":
        write_csv(stream, rows)
        return
    for row in rows:
        stream.write(json.dumps(row, ensure_ascii=False) + "\n")


# --- ave kapstok test and diff, --trace ---------------------------------------------------

def trace_json(steps: list[Step]) -> list[dict[str, Any]]:
    return [{"phase": s.phase, "match": s.match, "condition": s.reason, "held": s.held,
             "answers": s.answers, "reached": s.reached} for s in steps]


def _result_json(result: CasusResult, *, with_trace: bool, kapstok: Kapstok) -> dict[str, Any]:
    data = {
        "naam": result.casus.naam, "ok": result.ok, "bron": result.casus.bron,
        "verwacht": result.casus.fase, "fase": result.outcome.phase.id,
        "reasons": list(result.outcome.reasons),
        "roles": result.outcome.roles.as_dict(),
        "in_overleg_met": list(result.outcome.in_overleg_met),
        "advice": [a.text for a in result.outcome.advice],
        "misses": [{"what": m.what, "expected": m.expected, "got": m.got}
                   for m in result.misses],
    }
    if with_trace:
        data["trace"] = trace_json(trace_rules(kapstok, result.answers))
    return data


def test_json(kapstok: Kapstok, results: list[CasusResult], coverage: Coverage, *,
              trace: bool) -> dict[str, Any]:
    return {
        "kapstok": {"name": kapstok.name, "version": kapstok.version},
        "passed": sum(r.ok for r in results), "failed": sum(not r.ok for r in results),
        "casus": [_result_json(r, with_trace=trace, kapstok=kapstok) for r in results],
        "uncovered": {"conditions": [{"phase": p, "condition": c}
                                     for p, c in coverage.conditions],
                      "local_rules": list(coverage.local_rules)},
    }


def diff_json(old: Kapstok, new: Kapstok, result: Diff,
              stories: list[tuple[Casus, str, str, str]]) -> dict[str, Any]:
    from ave_cli.core.casus import explain

    cells = []
    for before in [p.id for p in old.phases]:
        for after in [p.id for p in new.phases]:
            count = result.matrix.get((before, after), 0)
            if count:
                cell: dict[str, Any] = {"from": before, "to": after, "count": count}
                sample = result.samples.get((before, after))
                if sample is not None:
                    cell["sample"] = _sample_json(old, new, sample, explain)
                cells.append(cell)
    return {
        "old": {"name": old.name, "version": old.version},
        "new": {"name": new.name, "version": new.version},
        "matrix": cells, "total": result.total, "changed": result.changed,
        "compared_by_order": result.orders is not None,
        "casus": [{"naam": c.naam, "kapstok": owner, "from": a, "to": b}
                  for c, owner, a, b in stories],
    }


def _sample_json(old: Kapstok, new: Kapstok, sample: Answers,
                 explain: Callable[..., Any]) -> dict[str, Any]:
    before, why_before = explain(old, sample)
    after, why_after = explain(new, sample)
    return {"answers": sample, "old": {"fase": before, "reasons": list(why_before)},
            "new": {"fase": after, "reasons": list(why_after)}}
