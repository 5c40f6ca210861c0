"""The plan's records and their fold (issue 27): made by the core, through both stores' formats
(the file log's TOML block and the team store's JSON text) and back, unchanged; the fold and the
check agree; dates as people type them."""

from __future__ import annotations

import unicodedata
from datetime import UTC, date, datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from test_properties import allowed_text, case_ids, names

from ave_cli.core import afspraken as afs
from ave_cli.core.cases import fold
from ave_cli.core.decisions import Who
from ave_cli.core.messages import AveError
from ave_cli.core.model import Decision
from ave_cli.flows.kapstokken import load_kapstok
from ave_cli.record import logformat

KAP = load_kapstok("handreiking")
TODAY = date(2026, 3, 2)
T0 = datetime(2026, 3, 2, 9, 30, tzinfo=UTC)


def _triage(case: str) -> Decision:
    return Decision(id="t0", case=case, time=T0, kind="triage", kapstok=KAP.ref, by="x",
                    phase_after="AVE2", advised_phase="AVE2")


def _round_trips(records: list[Decision]) -> None:
    blocks, head = logformat.encode_chain(records, "")
    parsed = logformat.parse(logformat.header() + blocks, "log")
    assert [b.decision for b in parsed.blocks] == records and parsed.damage is None
    prev = ""
    for record in records:  # the team store's form: JSON text, canonical text, seal
        text, canonical, seal = logformat.to_json_record(record, prev)
        assert logformat.decode_json(text, seal).decision == record
        assert logformat.from_plain(text) == record  # what derived data reads back
        prev = seal


stands = st.sampled_from(["gedaan", "vervallen", "verlengd"])


@settings(max_examples=60, deadline=None)
@given(case=case_ids, wat=names, wie=names.filter(lambda t: len(t) <= afs.MAX_SHORT),
       area=st.sampled_from([a.key for a in KAP.leefgebieden]),
       voor=st.sampled_from(["", "moeder", "kind 2", "Zoon  B"]),
       days=st.integers(0, 3000), note=allowed_text, reasons=st.lists(names, max_size=3),
       steps=st.lists(st.tuples(stands, st.integers(1, 400)), max_size=4))
def test_an_afspraak_and_its_changes_read_back_exactly_from_both_formats(
        case, wat, wie, area, voor, days, note, reasons, steps):
    state = fold([_triage(case)])[case.lower()]
    ids = iter(range(1, 100))

    def who(note: str = "") -> Who:
        n = next(ids)
        return Who(by="tester", now=T0 + timedelta(minutes=n), decision_id=f"d{n}", note=note)

    made = afs.make(KAP, state, case, afs.NewAfspraak(wat, wie, area, TODAY + timedelta(days),
                                                       voor), who=who(note), today=TODAY)
    records = [made]
    state.history.append(made)
    for stand, extra in steps:
        current = afs.fold(state.history)["A1"]
        if not current.open:
            with pytest.raises(AveError):
                afs.change(KAP, state, case, "A1", stand, reason="x", new_date=None, who=who())
            break
        new_date = current.uiterlijk + timedelta(extra) if stand == "verlengd" else None
        change = afs.change(KAP, state, case, "a1", stand, reason=" ".join(reasons) or "reden",
                            new_date=new_date, who=who())
        records.append(change)
        state.history.append(change)
    _round_trips(records)
    assert afs.problems(records) == []  # what the core makes, the check accepts
    folded = afs.fold(records)["A1"]
    assert folded.voor == " ".join(voor.split()).lower()
    composed = unicodedata.normalize  # what is kept is the text in its composed form (NFC)
    assert folded.wat == composed("NFC", wat)
    assert folded.wie == composed("NFC", " ".join(wie.split()))


def test_the_fold_and_the_check_agree_on_what_they_pass_over():
    def stand(n: int, nummer: str, stand: str, due: str = "") -> Decision:
        return Decision(id=f"s{n}", case="C", time=T0 + timedelta(hours=n), kind="afspraak-stand",
                        kapstok=KAP.ref, by="x", afspraak=nummer, stand=stand, uiterlijk=due,
                        reasons=("r",))

    made = Decision(id="m", case="C", time=T0, kind="afspraak", kapstok=KAP.ref, by="x",
                    afspraak="A1", wat="w", wie="v", leefgebied="wonen", uiterlijk="2026-04-01")
    records = [made, stand(1, "A1", "gedaan"), stand(2, "A1", "vervallen"), stand(3, "A2", "gedaan")]
    assert afs.fold(records)["A1"].stand == "gedaan"  # the later change is passed over
    assert len(afs.problems(records)) == 2  # and named by the check


@pytest.mark.parametrize(("text", "expected"), [
    ("2026-03-20", date(2026, 3, 20)), ("20-03-2026", date(2026, 3, 20)),
    ("1-4-2026", date(2026, 4, 1)), ("+14", date(2026, 3, 16)), (" +0 ", TODAY),
])
def test_dates_as_people_type_them(text, expected):
    assert afs.parse_date(text, TODAY) == expected


@pytest.mark.parametrize("text", ["morgen", "2026-13-01", "31-02-2026", "+", "-3", "2026/03/20",
                                  "+99999", "２０２６-03-20"])
def test_a_date_that_is_not_one_is_refused(text):
    with pytest.raises(AveError, match="is geen datum"):
        afs.parse_date(text, TODAY)


@pytest.mark.parametrize("text", ["Jan", "moeder Jansen", "kind 123", "mevrouw de Vries",
                                  "kind-1", "moeder\u200b"])
def test_voor_takes_a_role_never_a_name(text):
    with pytest.raises(AveError, match="geen rol in het huishouden"):
        afs.check_voor(text)


@pytest.mark.parametrize(("record", "problem"), [
    ({"afspraak": "B1"}, "geen afspraaknummer"),
    ({"uiterlijk": "2026-02-30"}, "geen datum"),
    ({"wat": ""}, "'wat' ontbreekt"),
    ({"phase_after": "AVE2"}, "verandert geen fase"),
    ({"stand": "gedaan"}, "geen stand"),
])
def test_a_forged_afspraak_record_does_not_read(record, problem):
    made = Decision(id="m", case="C", time=T0, kind="afspraak", kapstok=KAP.ref, by="x",
                    afspraak="A1", wat="w", wie="v", leefgebied="wonen", uiterlijk="2026-04-01")
    fields = logformat.to_record(made, sealed=False)
    fields.update(record)
    fields = {k: v for k, v in fields.items() if v != ""}
    fields["seal"] = {"sha256": logformat.seal(fields)}
    with pytest.raises(ValueError) as error:
        logformat.from_record(fields)
    assert problem in str(error.value)
