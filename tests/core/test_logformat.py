"""One record of the log, field by field: what a record written by ave looks like byte for byte,
and every way a record can be wrong, each refused with its own reason (mutation testing found
these checks thin)."""

from __future__ import annotations

import json
import tomllib

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from test_caselog import REF, T0, decision

from ave_cli.core.messages import LogError
from ave_cli.record import logformat
from ave_cli.record.fastrecord import fast_record
from ave_cli.record.logformat import from_record, seal, to_record

PREV = "ab" * 32


def sealed(record: dict) -> dict:
    record = {k: v for k, v in record.items() if k != "seal"}
    record["seal"] = {"sha256": seal(record)}
    return record


def full() -> dict:
    return to_record(decision(note="één notitie", signals=("verward",), motivation="m",
                              axis="vertical", in_overleg_met=("GGD",)), PREV)


def test_a_record_is_written_byte_for_byte_as_the_format_says():
    block, head = logformat.encode(decision(note="één notitie"), PREV)
    assert block.decode("utf-8") == f'''
[[decision]]
format = 3
prev = "{PREV}"
id = "d1"
case = "C-1"
time = 2026-03-02 09:31:00+01:00
kind = "triage"
by = "tester"
phase_after = "AVE2"
advised_phase = "AVE2"
reasons = [
    "Meervoudige problematiek (problematiek = meervoudig)",
]
note = "één notitie"

[decision.kapstok]
name = "handreiking"
version = "2.0.0"
sha256 = "{REF.sha256}"

[decision.roles]
casusregie = "Wijkteam"

[decision.answers]
problematiek = "meervoudig"
minderjarigen = false
signalen = [
    "meldingen",
]

[decision.seal]
sha256 = "{head}"
'''


def test_empty_fields_are_left_out_and_the_first_record_names_no_prev():
    record = to_record(decision(roles={}, answers={}, reasons=(), note=""))
    assert set(record) == {"format", "id", "case", "time", "kind", "by", "phase_after",
                           "advised_phase", "kapstok", "seal"}
    assert list(record)[-2:] == ["kapstok", "seal"]


def test_the_index_json_is_compact_unicode_without_seal():
    from ave_cli.stores.file import index

    text = index.to_json(decision(note="één"))
    assert '"note":"één"' in text and ", " not in text and "seal" not in text
    assert index.from_json(text) == decision(note="één")


def test_a_whole_record_reads_back_as_its_decision():
    made = decision(note="één notitie", signals=("verward",), motivation="m", axis="vertical",
                    in_overleg_met=("GGD",))
    assert from_record(full()) == made
    assert from_record(sealed({k: v for k, v in full().items() if k != "prev"})) == made
    closing = to_record(decision(kind="close", phase_after=None, advised_phase=None))
    assert from_record(closing).phase_after is None


def test_a_record_already_checked_is_not_sealed_again():
    record = full()
    record["seal"] = {"sha256": "0" * 64}
    with pytest.raises(ValueError, match="zegel klopt niet"):
        from_record(record)
    assert from_record(record, sealed=True).id == "d1"  # the caller checked it (decode_block)


def _change(**changes):
    def apply(record: dict) -> dict:
        for key, value in changes.items():
            if value is KeyError:
                record.pop(key, None)
            else:
                record[key] = value
        return sealed(record)
    return apply


@pytest.mark.parametrize("make, message", [
    (lambda r: ["niet", "een", "tabel"], "geen tabel"),
    (lambda r: {k: v for k, v in r.items() if k != "seal"},
     "zegel (seal) ontbreekt: het record is onvolledig"),
    (lambda r: {**r, "seal": {"sha256": r["seal"]["sha256"], "extra": "x"}},
     "zegel (seal) ontbreekt: het record is onvolledig"),
    (lambda r: {**r, "note": "gewijzigd"},
     "zegel klopt niet: het record is beschadigd of met de hand gewijzigd"),
    (_change(format=4), "onbekende recordversie 4"),
    (_change(format=2, toegang="1:" + "a" * 64), "veld 'toegang' is geen kop van het toeganglog"),
    (_change(toegang="1:" + "A" * 64), "veld 'toegang' is geen kop van het toeganglog"),
    (_change(format=KeyError), "onbekende recordversie None"),
    (_change(prev="abc"), "veld 'prev' is geen zegel"),
    (_change(prev=7), "veld 'prev' is geen zegel"),
    (_change(prev="AB" * 32), "veld 'prev' is geen zegel"),
    (_change(format=1), "veld 'prev' is geen zegel"),
    (_change(extra="x"), "onbekend veld 'extra'"),
    (_change(id=KeyError), "veld 'id' ontbreekt of is geen tekst"),
    (_change(case=""), "veld 'case' ontbreekt of is geen tekst"),
    (_change(kind=3), "veld 'kind' ontbreekt of is geen tekst"),
    (_change(by=["x"]), "veld 'by' ontbreekt of is geen tekst"),
    (_change(kind="opschaling"), "onbekende soort besluit 'opschaling'"),
    (_change(time=T0.replace(tzinfo=None)), "veld 'time' ontbreekt of heeft geen tijdzone"),
    (_change(time=KeyError), "veld 'time' ontbreekt of heeft geen tijdzone"),
    (_change(motivation=3), "veld 'motivation' is geen tekst"),
    (_change(note=False), "veld 'note' is geen tekst"),
    (_change(axis="diagonaal"), "onbekende as 'diagonaal'"),
    (_change(reasons="één reden"), "veld 'reasons' is geen lijst van teksten"),
    (_change(signals=[1]), "veld 'signals' is geen lijst van teksten"),
    (_change(kapstok=KeyError), "veld 'kapstok' moet name, version en sha256 hebben"),
    (_change(kapstok={"name": "h", "version": "1"}),
     "veld 'kapstok' moet name, version en sha256 hebben"),
    (_change(kapstok={"name": "h", "version": 1, "sha256": "x"}),
     "veld 'kapstok' moet name, version en sha256 hebben"),
    (_change(roles="Wijkteam"), "veld 'roles' is geen tabel van teksten"),
    (_change(roles={"casusregie": 1}), "veld 'roles' is geen tabel van teksten"),
    (_change(answers="ja"), "veld 'answers' heeft een waarde van een onbekend type"),
    (_change(answers={"a": 1}), "veld 'answers' heeft een waarde van een onbekend type"),
    (_change(answers={"a": [1]}), "veld 'answers' heeft een waarde van een onbekend type"),
    (_change(answers={"a": {"b": "c"}}), "veld 'answers' heeft een waarde van een onbekend type"),
    (_change(phase_after=KeyError), "veld 'phase_after' ontbreekt"),
    (_change(phase_after=""), "veld 'phase_after' ontbreekt"),
])
def test_a_wrong_record_is_refused_with_its_reason(make, message):
    with pytest.raises(ValueError) as error:
        from_record(make(full()))
    assert str(error.value) == message


def test_what_stays_valid_next_to_the_refusals():
    for record in (_change(answers={"a": ["x"], "b": True, "c": "d"})(full()),
                   _change(roles={})(full()), _change(axis="horizontal")(full()),
                   _change(prev=KeyError)(full())):
        assert from_record(record).id == "d1"


def test_a_record_that_does_not_read_back_is_never_written(monkeypatch):
    """encode checks what it wrote with the fast reader and with tomllib; a writer that went
    wrong is caught before anything reaches the log."""
    monkeypatch.setattr(logformat, "fast_record", lambda text: {})
    with pytest.raises(AssertionError, match=r"^record of d1 does not frame as one \[\[decision\]\] "
                                             "block$"):
        logformat.encode(decision())


def test_the_seal_is_over_the_canonical_json_of_the_content():
    record = full()
    content = {k: v for k, v in record.items() if k != "seal"}
    canonical = json.dumps(content, sort_keys=True, ensure_ascii=False, separators=(",", ":"),
                           default=lambda t: t.isoformat())
    import hashlib

    assert record["seal"]["sha256"] == hashlib.sha256(canonical.encode()).hexdigest()
    assert logformat.chain_anchor([{"at": "x"}]) == seal({"purge": [{"at": "x"}]})


# --- scan (ave check): where each block and each damage is -------------------------------------

def test_scan_places_every_block_as_parse_does(tmp_path):
    from test_caselog import _three

    data, blocks = _three(tmp_path)
    found, problems = logformat.scan(data)
    assert problems == []
    assert [(b.decision, b.line, b.offset, b.seal, b.prev) for b in found] == [
        (b.decision, b.line, b.offset, b.seal, b.prev) for b in blocks]


def test_scan_keeps_the_last_record_when_only_garbage_follows_it(tmp_path):
    from test_caselog import _said, _three

    data, blocks = _three(tmp_path)
    found, problems = logformat.scan(data + b"rommel = 1\n")
    assert [(b.decision.id, b.line, b.offset) for b in found] == [
        (b.decision.id, b.line, b.offset) for b in blocks]
    assert _said(problems) == [(1 + data.count(b"\n"), len(data),
                                "beschadigde of onvolledige tekst na het laatste record")]


def test_scan_never_reads_a_record_out_of_damage_in_the_middle(tmp_path):
    """Only the end of a log may hold an intact record with garbage after it; in the middle the
    whole block is damaged (and never repaired automatically)."""
    from test_caselog import _said, _three

    data, blocks = _three(tmp_path)
    broken = data[:blocks[2].offset] + b"rommel = 1\n" + data[blocks[2].offset:]
    found, problems = logformat.scan(broken)
    assert [b.decision.id for b in found] == ["d1", "d3"]
    [(line, offset, _problem)] = _said(problems)
    assert (line, offset) == (blocks[1].line, blocks[1].offset)


# --- the fast writer and reader: exactly tomli-w's text, or None -------------------------------

@pytest.fixture(autouse=True)
def fresh_caches():
    """The fast writer and reader remember what they wrote and read; each test starts with
    nothing remembered, so that it tests the work and not a memory of another test's."""
    from ave_cli.record import fastrecord

    fastrecord.forget()
    yield
    fastrecord.forget()


def test_what_is_remembered_is_what_is_worked_out():
    """Written and read twice (the second time from memory): the same text and record."""
    from ave_cli.record.fastrecord import fast_dumps, fast_record

    record = {"note": LONG, "items": ["a", "b"], "more": ["a", "b"], "t": {"x": "y"}}
    first = fast_dumps(record)
    assert first is not None and fast_dumps(record) == first
    assert fast_record(first) == fast_record(first) == record
    assert fast_record(first) is not fast_record(first)  # every read gets its own lists
    read = fast_record(first)
    assert read is not None
    read["items"].append("c")
    assert fast_record(first) == record
    empty = "[[decision]]\nnone = []\n"
    first_read, second_read = fast_record(empty), fast_record(empty)
    assert first_read is not None and second_read is not None
    first_read["none"].append("x")  # an empty array read from memory is a new list too
    assert second_read == fast_record(empty) == {"none": []}


LONG = "x" * 120  # past tomli-w's one-line limit, so the record is written as tables


def _dumps_both(record: dict):
    import tomli_w

    from ave_cli.record.fastrecord import fast_dumps

    return fast_dumps(record), tomli_w.dumps({"decision": [record]})


@pytest.mark.parametrize("record", [
    {"note": LONG, "n": 3, "ok": True, "no": False, "at": T0, "items": ["a", "b"], "empty": []},
    {"note": LONG + "\tmet tab", "t": {"a": "b", "list": ["x"]}},
    {"note": LONG, "kapstok": {"name": "h"}, "roles": {"casusregie": "W"}},
])
def test_the_fast_writer_gives_tomli_w_text(record):
    fast, slow = _dumps_both(record)
    assert fast == slow


@pytest.mark.parametrize("record", [
    {"note": "kort"},  # fits on one line: tomli-w writes an inline table
    {"note": LONG, "bad key": "x"},
    {"note": LONG + '"'}, {"note": LONG + "\\"}, {"note": LONG + "\n"}, {"note": LONG + "\x07"},
    {"note": LONG, "f": 1.5}, {"note": LONG, "nested": [["a"]]}, {"note": LONG, "d": [{"a": 1}]},
    {"note": LONG, "t": {"deep": {"a": "b"}}}, {"note": LONG, "t": {"bad key": "b"}},
    {"note": LONG, "bad table": {"a": "b"}}, {"note": LONG, "t": {"a": 1.5}},
])
def test_the_fast_writer_leaves_anything_else_to_tomli_w(record):
    from ave_cli.record.fastrecord import fast_dumps

    assert fast_dumps(record) is None


def test_the_fast_reader_reads_what_tomli_w_writes():
    import tomllib

    from ave_cli.record.fastrecord import fast_record

    record = {"s": 'met "aanhalingstekens", \\ en é\n', "tab": "a\tb", "n": 12, "yes": True,
              "eq": "a = b = c",
              "no": False, "at": T0, "empty": [], "items": ["a", "b"],
              "t": {"x": "y", "list": ["1"]}}
    _fast, text = _dumps_both(record)
    assert fast_record(text) == tomllib.loads(text)["decision"][0] == record
    assert fast_record("\n\n" + text) == record  # blank lines before the block


@pytest.mark.parametrize("text", [
    "", "\n", "[decision]\nid = \"x\"\n", "[[decision]]\nid = \"x\"\nid = \"y\"\n",
    "[[decision]]\n[decision.t]\n[decision.t]\n", "[[decision]]\n[decision.2x]\na = 1\n",
    "[[decision]]\n[decision.a-b]\na = 1\n",
    "[[decision]]\nid = x\n", "[[decision]]\nid= \"x\"\n", "[[decision]]\nid = \"x\" \n",
    "[[decision]]\nid = \"x\"y\"\n", "[[decision]]\nid = \"x\n", "[[decision]]\nn = 1.5\n",
    "[[decision]]\nid = \"\n", "[[decision]]\nid = \"x\\\"\n",
    "[[decision]]\nn = -1\n", "[[decision]]\nat = 2026-03-02 09:30:00\n",
    "[[decision]]\nl = [\n    \"a\",\n", "[[decision]]\nl = [\n  \"a\",\n]\n",
    "[[decision]]\nl = [\n    \"a\"\n]\n", "[[decision]]\nl = [\n    [],\n]\n",
    "[[decision]]\nl = [\n    x,\n]\n", "[[decision]]\nl = [\nxxxx\"a\",\n]\n",
])
def test_the_fast_reader_gives_up_on_anything_else(text):
    from ave_cli.record.fastrecord import fast_record

    assert fast_record(text) is None


@pytest.mark.parametrize("raw, value", [
    ('"a\\u00e9"', "aé"), ("true", True), ("false", False), ("[]", []), ("0", 0), ("42", 42),
    ("2026-03-02 09:30:00+01:00", T0), ("2026-03-02T09:30:00.5Z", None),
])
def test_the_fast_reader_scalars(raw, value):
    from datetime import datetime

    from ave_cli.record.fastrecord import fast_record

    found = fast_record(f"[[decision]]\nv = {raw}\n")
    expected = datetime.fromisoformat("2026-03-02T09:30:00.500000+00:00") if value is None \
        else value
    assert found == {"v": expected}


def test_a_record_without_a_prev_is_the_first_of_its_log():
    block, seal = logformat.encode(decision())
    assert b"\nprev = " not in block and b"\nformat = 3\nid = " in block
    assert logformat.decode_block(block.lstrip(b"\n")).prev == "" and len(seal) == 64


def test_a_common_record_is_written_without_tomli_w(monkeypatch):
    import tomli_w

    def refuse(*_args, **_kwargs):
        raise AssertionError("tomli-w was used")

    monkeypatch.setattr(tomli_w, "dumps", refuse)
    block, _head = logformat.encode(decision(note="één notitie"), PREV)
    assert block.startswith(b"\n[[decision]]\n")


@pytest.mark.parametrize("width", [99, 100, 101])
def test_the_fast_writer_leaves_one_line_records_to_tomli_w(width):
    from ave_cli.record.fastrecord import fast_dumps

    record = {"note": "x" * (width - len('note = ""'))}
    fast, slow = _dumps_both(record)
    assert (fast is None) == (width <= 100)
    assert fast is None or fast == slow
    assert fast_dumps({"l": ["a"]}) == _dumps_both({"l": ["a"]})[1]  # a list breaks the line


# --- the header: after a purge, and torn ---------------------------------------------------------

PURGES = [{"at": "2026-03-02T09:30:00+01:00", "by": "tester", "closed_before": "2026-01-01",
           "cases": 2, "decisions": 5, "old_head": PREV}]


def test_a_log_of_only_a_purge_header_chains_on_from_its_anchor():
    data = logformat.header(PURGES)
    parsed = logformat.parse(data, "log")
    assert (parsed.blocks, parsed.damage) == ([], None)
    assert parsed.head == logformat.chain_anchor(PURGES) == logformat.header_info(data)["chain"]
    assert logformat.parse(logformat.header(), "log").head == ""  # a new log: no chain yet


@pytest.mark.parametrize("cut", [3, 12, 30])
def test_a_torn_header_keeps_its_intact_lines_and_their_chain(cut):
    data = logformat.header(PURGES)[:-cut]
    parsed = logformat.parse(data, "log")
    damage = parsed.damage
    assert parsed.blocks == [] and damage is not None
    intact = damage.offset
    assert 0 < intact < len(data) and data[intact - 1:intact] == b"\n"
    assert damage.line == data.count(b"\n", 0, intact) + 1
    assert str(damage.problem) == "onvolledige regel"
    assert parsed.head == logformat.header_info(data[:intact]).get("chain", "")
    assert parsed.head == logformat.chain_anchor(PURGES)  # the chain line comes before the purges


def test_text_that_is_no_log_at_all_is_refused():
    with pytest.raises(LogError):
        logformat.parse(b"dit is geen caselog\n", "log")


def test_parse_keeps_the_last_record_when_only_garbage_follows_it(tmp_path):
    from test_caselog import _three

    data, blocks = _three(tmp_path)
    for start in (0, blocks[1].offset):  # a whole log, and what follows an intact part
        piece = (data + b"rommel = 1\n")[start:]
        parsed = logformat.parse(piece, "log", offset=start,
                                 line=1 + data.count(b"\n", 0, start),
                                 head=blocks[0].seal if start else "")
        assert [(b.decision.id, b.line, b.offset) for b in parsed.blocks] == [
            (b.decision.id, b.line, b.offset) for b in blocks if b.offset >= start]
        assert (parsed.damage.line, parsed.damage.offset) == (1 + data.count(b"\n"), len(data))
        assert (parsed.end, parsed.end_line) == (len(data), 1 + data.count(b"\n"))
        assert parsed.head == blocks[2].seal


def test_parse_refuses_to_read_around_garbage_in_the_middle(tmp_path):
    from test_caselog import _three

    data, blocks = _three(tmp_path)
    with pytest.raises(LogError, match="beschadigd vanaf regel"):
        logformat.parse(data[:blocks[2].offset] + b"rommel = 1\n" + data[blocks[2].offset:],
                        "log")


# --- one block: the fast reader, else tomllib; both give the same Block -------------------------

def _legacy(record: dict) -> bytes:
    import tomli_w

    return tomli_w.dumps({"decision": [sealed(record)]}).encode()


def test_a_block_in_another_layout_is_text_no_seal_covers():
    """Valid TOML with the same values but other bytes (spacing, a comment, an extra line) is
    refused: every byte of a block is the record as ave writes it (issue 24, item 2)."""
    from ave_cli.record.fastrecord import fast_record

    block, _head = logformat.encode(decision(), PREV)
    for other in (block.replace(b"kind = ", b"kind  = "),
                  block.replace(b"\nkind = ", b"\n# gezien\nkind = "),
                  block.replace(b'kind = "triage"', b'kind = "triage" # ok'),
                  block.replace(b"\nkind = ", b"\n\nkind = ")):
        assert fast_record(other.decode(), strict=True) is None
        with pytest.raises(ValueError, match="niet door ave is geschreven"):
            logformat.decode_block(other)


def test_the_fast_and_the_slow_reader_give_the_same_block(monkeypatch):
    block, head = logformat.encode(decision(), PREV)
    fast = logformat.decode_block(block, 3, 9)
    monkeypatch.setattr(logformat, "_fast_read", lambda text: None)
    slow = logformat.decode_block(block, 3, 9)
    assert fast == slow == logformat.Block(decision(), 3, 9, head, PREV)


def test_a_format_1_record_has_no_chain_link():
    record = to_record(decision())
    record["format"] = 1
    assert logformat.decode_block(_legacy(record)).prev is None


@pytest.mark.parametrize("text, message", [
    (b"[[decision]]\nid = 1\n[[decision]]\nid = 2\n", "geen enkel [[decision]]-record"),
    (b"decision = 1\n", "geen enkel [[decision]]-record"),
    (b"[ander]\na = 1\n", "geen enkel [[decision]]-record"),
    (b"[[decision]]\nid = \n", "geen geldige TOML"),
    (b"\xff\xfe", "geen UTF-8-tekst"),
])
def test_a_block_that_is_not_one_record_is_refused(text, message):
    with pytest.raises(ValueError, match=message.replace("[", r"\[").replace("]", r"\]")):
        logformat.decode_block(text)


def test_a_fast_read_block_with_a_wrong_seal_is_refused_by_its_seal():
    block, _head = logformat.encode(decision(note="x" * 120), PREV)
    with pytest.raises(ValueError, match="zegel klopt niet"):
        logformat.decode_block(block.replace(b'"xxx', b'"yxx', 1))


# --- the fast reader reads TOML or declines (issue 24, item 5) ----------------------------------

_digits = st.sampled_from("0123456789") | st.sampled_from("٠١٢٣٤٥٦٧٨٩０１９")
_forbidden_or_not = st.one_of(
    st.text(_digits, min_size=1, max_size=4),  # leading zeros, other scripts' digits
    st.builds(lambda parts: '"' + "".join(parts) + '"', st.lists(st.one_of(
        st.sampled_from(["a", "é", " ", "\t", '\\"', "\\\\", "\\/", "\\n", "\\b", "\\e", "\\x41",
                         "\\u00e9", "\\ud801", "\\udc00", "\\U0001F600", "\\u12", "\x00", "\x7f",
                         "\x1b", "\ud801"]),
        st.text(max_size=3)), max_size=6)),
    st.builds(lambda y, mo, d, h, mi, s, frac, sep, off: (
        f"{y:04d}-{mo:02d}-{d:02d}{sep}{h:02d}:{mi:02d}:{s:02d}{frac}{off}"),
        st.integers(0, 9999), st.integers(0, 13), st.integers(0, 32), st.integers(0, 25),
        st.integers(0, 61), st.integers(0, 61),
        st.sampled_from(["", ".5", ".123", ".123456", ".1234567"]), st.sampled_from(["T", " ", "t"]),
        st.sampled_from(["+01:00", "-23:59", "+24:00", "+01:60", "Z", "", "+00:00", "+1:00"])),
)


@settings(max_examples=600, deadline=None)
@given(raw=_forbidden_or_not)
def test_the_fast_reader_reads_as_tomllib_does_or_declines(raw):
    """A record line holding each form TOML forbids or the fast reader might misread: the fast
    reader gives what tomllib gives, or declines (then tomllib decides); it never raises."""
    text = f'[[decision]]\nid = "x"\nvalue = {raw}\n'
    try:
        expected = tomllib.loads(text)["decision"][0]
    except (tomllib.TOMLDecodeError, ValueError):
        expected = None
    got = fast_record(text)
    if got is not None:
        assert got == expected, (raw, got, expected)
