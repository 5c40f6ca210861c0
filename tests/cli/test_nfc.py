"""Free text is kept in Unicode's composed form (NFC, issue 24, item 4): a name typed with a
separate accent and the same name typed with the accented letter are one name in the log, so one
holder never looks like two (or two like one)."""

from __future__ import annotations

import json

from conftest import EXAMPLES
from hypothesis import given, settings
from hypothesis import strategies as st

from ave_cli.core.guard import check_free_text

A2 = str(EXAMPLES / "handreiking" / "ave2.toml")
DECOMPOSED, COMPOSED = "Rene\u0301 Bakker (GGD)", "Ren\u00e9 Bakker (GGD)"


def test_a_holder_typed_two_ways_is_one_holder(run, log):
    assert run("triage", "N-1", "-a", A2, "--casusregisseur", DECOMPOSED,
               "--note", "overleg met Jose\u0301").exit_code == 0
    # the same person named again with the composed letter: no second casusregisseur
    assert run("escalate", "N-1", "--to", "AVE3", "--reason", "x",
               "--casusregisseur", COMPOSED).exit_code == 0
    text = log.read_text(encoding="utf-8")
    assert "\u0301" not in text and text.count(COMPOSED) == 2 and "Jos\u00e9" in text
    checked = run("check", "--format", "json")
    assert checked.exit_code == 0, checked.stdout
    shown = json.loads(run("show", "N-1", "--format", "json").stdout)
    assert shown["casusregisseur"] == COMPOSED


@settings(max_examples=200, deadline=None)
@given(st.text(st.characters(codec="utf-8", categories=("L", "Mn", "Nd", "P", "Zs")),
               max_size=40))
def test_checked_text_is_composed_and_stays_as_it_reads(text):
    import unicodedata

    from ave_cli.core.messages import AveError

    try:
        checked = check_free_text("--note", text)
    except AveError:
        return
    assert unicodedata.is_normalized("NFC", checked)
    assert checked == unicodedata.normalize("NFC", text)
