"""Any text a person types round-trips exactly through the log, via the CLI runner (hypothesis)."""

from __future__ import annotations

import json
import unicodedata

from conftest import EXAMPLES, roll_back
from hypothesis import HealthCheck, given, settings
from test_properties import allowed_text, case_ids, names


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(case=case_ids, note=allowed_text, reason=names, holder=names, decider=names, by=names)
def test_text_round_trips_exactly_through_the_log(run, log, case, note, reason, holder, decider, by):
    """Every allowed text comes back exactly, in Unicode's composed form (NFC: a compatibility
    ideograph or a letter with a separate accent is kept as a reader sees it, composed)."""
    given = (note, reason, holder, decider, by)
    roll_back(log)
    first = run("triage", case, "-a", str(EXAMPLES / "handreiking" / "ave2.toml"), "--note", note,
                "--by", by)
    assert first.exit_code == 0, first.output
    second = run("escalate", case, "--role", "procesregie", "--holder", holder, "--reason", reason,
                 "--decided-by", decider, "--in-overleg-met", holder, "--by", by)
    assert second.exit_code == 0, second.output
    shown = json.loads(run("show", case, "-f", "json").stdout)
    triage, escalation = shown["timeline"]
    note, reason, holder, decider, by = (unicodedata.normalize("NFC", t) for t in given)
    assert (shown["case"], triage["note"], triage["by"]) == (case, note, by)
    assert escalation["procesregisseur"] == holder and escalation["reasons"] == [reason]
    assert escalation["decided_by"] == decider and escalation["in_overleg_met"] == [holder]
    exported = [json.loads(line) for line in run("export").stdout.splitlines()]
    assert exported[0]["note"] == note and exported[1]["procesregisseur"] == holder
