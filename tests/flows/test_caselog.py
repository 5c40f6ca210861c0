"""The case log: framing, append-only writes, round-trips, torn tails and corruption."""

from __future__ import annotations

import os
import stat
import tomllib
from dataclasses import replace
from datetime import datetime, timedelta, timezone

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ave_cli.core.messages import LogWentBack
from ave_cli.core.model import Decision, KapstokRef
from ave_cli.record import logformat
from ave_cli.stores.file import caselog
from ave_cli.stores.file.caselog import LogError

REF = KapstokRef("handreiking", "2.0.0", "ab" * 32)
T0 = datetime(2026, 3, 2, 9, 30, tzinfo=timezone(timedelta(hours=1)))


def decision(n: int = 1, **fields) -> Decision:
    base = Decision(id=f"d{n}", case="C-1", time=T0 + timedelta(minutes=n), kind="triage",
                    phase_after="AVE2", kapstok=REF, by="tester", advised_phase="AVE2",
                    answers={"problematiek": "meervoudig", "minderjarigen": False,
                             "signalen": ["meldingen"]},
                    reasons=("Meervoudige problematiek (problematiek = meervoudig)",),
                    roles={"casusregie": "Wijkteam"})
    return replace(base, **fields)


def append(path, *decisions: Decision):
    return caselog.append(path, lambda view: list(decisions), cache_dir=path.parent / "cache")


def read(path) -> list[Decision]:
    """Every intact decision, through the index and straight from the file (they must agree)."""
    through_index = list(caselog.open_log(path, path.parent / "cache").decisions())
    assert through_index == [b.decision for b in caselog.read_all(path).blocks]
    return through_index


def test_appends_keep_earlier_bytes_and_parse_as_toml(log):
    before = b""
    for n in range(1, 6):
        append(log, decision(n, note="kort" if n % 2 else "x" * 300))
        data = log.read_bytes()
        assert data.startswith(before)
        before = data
    doc = tomllib.loads(log.read_text(encoding="utf-8"))
    assert [d["id"] for d in doc["decision"]] == ["d1", "d2", "d3", "d4", "d5"]
    assert doc["ave_log"] == {"format": 3}
    assert [d.id for d in read(log)] == ["d1", "d2", "d3", "d4", "d5"]
    # each record names the seal of the one before it (the first names none)
    records = doc["decision"]
    assert "prev" not in records[0]
    assert [r["prev"] for r in records[1:]] == [r["seal"]["sha256"] for r in records[:-1]]


def test_a_short_record_is_still_a_block(log):
    tiny = Decision(id="x", case="C", time=T0, kind="close", kapstok=REF, by="b")
    block, _seal = logformat.encode(tiny)
    assert block.startswith(b"\n[[decision]]\n")
    assert b"[decision.seal]" in block
    append(log, tiny, tiny)
    assert read(log) == [tiny, tiny]


@pytest.mark.parametrize("fields", [
    {"kind": "triage"},
    {"kind": "escalation", "axis": "horizontal", "phase_before": "AVE2", "phase_after": "AVE4",
     "signals": ("agressie",), "in_overleg_met": ("Politie",), "decided_by": "Teamleider Wmo"},
    {"kind": "escalation", "axis": "vertical", "role": "procesregie", "procesregisseur": "OGGZ"},
    {"kind": "deescalation", "axis": "horizontal", "phase_before": "AVE3", "phase_after": "AVE2"},
    {"kind": "close", "phase_before": "AVE2", "phase_after": None, "answers": {}, "roles": {}},
    {"kind": "reevaluation", "phase_before": "AVE2", "phase_after": "AVE3"},
])
def test_every_kind_of_decision_round_trips(log, fields):
    original = decision(**fields)
    append(log, original)
    assert read(log) == [original]


def test_log_and_directory_are_private(tmp_path):
    path = tmp_path / "nieuw" / "log.toml"
    append(path, decision())
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    assert not caselog.readable_by_others(path)
    path.chmod(0o644)
    assert caselog.readable_by_others(path)


def test_nothing_is_written_when_build_fails(log):
    append(log, decision(1))
    data = log.read_bytes()

    def explode(contents):
        raise RuntimeError("boom")

    with pytest.raises(RuntimeError):
        caselog.append(log, explode, cache_dir=None)
    assert log.read_bytes() == data


def _batch(count: int) -> list[Decision]:
    return [decision(n, id=f"b{n}", case=f"B-{n}") for n in range(1, count + 1)]


def _index_rows(log) -> dict[str, list]:
    db = caselog.open_log(log, log.parent / "cache").index.db
    return {table: db.execute(f"SELECT * FROM {table} ORDER BY 1").fetchall()
            for table in ("meta", "decisions", "cases", "states")}


def test_a_batch_of_many_pieces_is_appended_whole_and_indexed_as_a_read_would(log,
                                                                            monkeypatch):
    """Made lazily and written a piece at a time (through the spool), a batch is the same log
    and the same index as reading those bytes back would give."""
    monkeypatch.setattr(caselog, "PIECE", 7)
    append(log, decision(0, id="first"))
    made = _batch(50)
    assert caselog.append(log, lambda view: iter(made), cache_dir=log.parent / "cache") == 50
    assert read(log)[1:] == made
    written = _index_rows(log)
    caselog.drop_index(log, log.parent / "cache")
    assert _index_rows(log) == written
    assert len(written["decisions"]) == 51 and len(written["states"]) == 51


@pytest.mark.parametrize("stop_at", [0, 6, 7, 8, 30, 49])
@pytest.mark.parametrize("stop", [KeyboardInterrupt, RuntimeError])
def test_a_batch_that_stops_halfway_leaves_log_and_index_as_they_were(log, monkeypatch,
                                                                     stop_at, stop):
    """Ctrl-C or a failure while the batch is still being made (pieces already encoded, indexed
    and spooled): the log is byte for byte as it was, the index's transaction is rolled back,
    and the spool leaves nothing beside the log."""
    monkeypatch.setattr(caselog, "PIECE", 7)
    append(log, decision(0, id="first"))
    data, rows = log.read_bytes(), _index_rows(log)
    beside = sorted(p.name for p in log.parent.iterdir())

    def build(view):
        for n, made in enumerate(_batch(50)):
            if n == stop_at:
                raise stop
            yield made

    with pytest.raises(stop):
        caselog.append(log, build, cache_dir=log.parent / "cache")
    assert log.read_bytes() == data
    assert _index_rows(log) == rows
    assert sorted(p.name for p in log.parent.iterdir()) == beside


def test_a_batch_whose_spool_cannot_be_written_writes_nothing(log, monkeypatch):
    """A full disk while spooling: one message that nothing was saved, the log untouched."""
    import tempfile

    monkeypatch.setattr(caselog, "PIECE", 7)
    append(log, decision(0, id="first"))
    data = log.read_bytes()

    class Full:
        def write(self, data):
            raise OSError(28, "No space left on device")

        def close(self):
            pass

    monkeypatch.setattr(tempfile, "TemporaryFile", lambda **named: Full())
    with pytest.raises(caselog.EnvironmentProblem, match="er is niets opgeslagen"):
        caselog.append(log, lambda view: iter(_batch(20)), cache_dir=log.parent / "cache")
    assert log.read_bytes() == data
    assert read(log) == [decision(0, id="first")]


def test_a_batch_beside_which_no_file_can_be_made_is_kept_in_memory(log, monkeypatch):
    """A log in a folder where you may not create files (only the log itself is yours): the
    batch is not spooled, and is written all the same."""
    import tempfile

    def refused(**named):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(caselog, "PIECE", 7)
    append(log, decision(0, id="first"))
    monkeypatch.setattr(tempfile, "TemporaryFile", refused)
    made = _batch(30)
    assert caselog.append(log, lambda view: iter(made), cache_dir=log.parent / "cache") == 30
    assert read(log)[1:] == made


def test_not_a_log_is_refused_and_left_alone(tmp_path):
    path = tmp_path / "boodschappen.toml"
    path.write_text('melk = 2\n', encoding="utf-8")
    with pytest.raises(LogError, match="geen geldig ave-caselog"):
        append(path, decision())
    assert path.read_text(encoding="utf-8") == 'melk = 2\n'


def test_a_directory_is_not_a_log(tmp_path):
    with pytest.raises(LogError, match="is een map"):
        caselog.open_log(tmp_path, None)


text = st.text(st.characters(blacklist_categories=("Cs",)), max_size=200)


@settings(max_examples=150, deadline=None)
@given(note=text, motivation=text, by=text.filter(bool), holder=text,
       reasons=st.lists(text, max_size=4))
def test_any_text_round_trips(tmp_path_factory, note, motivation, by, holder, reasons):
    path = tmp_path_factory.mktemp("rt") / "log.toml"
    original = decision(note=note, motivation=motivation, by=by, casusregisseur=holder,
                        reasons=tuple(reasons))
    append(path, original, decision(2))
    assert caselog.open_log(path, None).damage is None
    assert read(path) == [original, decision(2)]


def _two_record_log(tmp_path):
    path = tmp_path / "log.toml"
    append(path, decision(1), decision(2, note="laatste"))
    data = path.read_bytes()
    last_start = data.rindex(b"\n[[decision]]\n") + 1
    return path, data, last_start


def test_every_cut_of_the_last_record_is_a_torn_tail(tmp_path):
    path, data, last_start = _two_record_log(tmp_path)
    for cut in range(last_start, len(data) - 1):
        contents = logformat.parse(data[:cut], "log")
        assert [b.decision.id for b in contents.blocks] == ["d1"], cut
        assert contents.damage is not None or cut == last_start, cut
    # a cut just before the final newline leaves a whole, sealed record
    assert [b.decision.id for b in logformat.parse(data[:-1], "log").blocks] == ["d1", "d2"]


def test_damage_in_the_middle_is_corruption_not_a_tail(tmp_path):
    path, data, last_start = _two_record_log(tmp_path)
    broken = data.replace(b'id = "d1"', b'id = "dX"')
    with pytest.raises(LogError, match="beschadigd vanaf regel .* daarna nog besluiten"):
        logformat.parse(broken, "log")


def test_garbage_after_the_last_record_keeps_the_record(tmp_path):
    path, data, _ = _two_record_log(tmp_path)
    contents = logformat.parse(data + b"[[deci", "log")
    assert [b.decision.id for b in contents.blocks] == ["d1", "d2"]
    assert contents.damage is not None and contents.damage.offset == len(data)


def test_writes_refuse_after_a_torn_tail(tmp_path):
    path, data, _ = _two_record_log(tmp_path)
    path.write_bytes(data[:-20])
    with pytest.raises(LogWentBack):  # this computer saw the record whole
        append(path, decision(3))
    caselog.drop_index(path, path.parent / "cache", anchor=None)  # as if it had not
    with pytest.raises(LogError, match="ave check --repair"):
        append(path, decision(3))
    assert path.read_bytes() == data[:-20]


def test_a_hand_edit_breaks_the_seal(tmp_path):
    path, data, _ = _two_record_log(tmp_path)
    contents = logformat.parse(data.replace(b'"laatste"', b'"gewijzigd"'), "log")
    assert contents.damage is not None and "zegel" in str(contents.damage.problem)


def test_failed_write_rolls_back(tmp_path, monkeypatch):
    path, data, _ = _two_record_log(tmp_path)
    real_write = os.write

    def half_then_fail(fd, view):
        if len(view) > 10:
            real_write(fd, bytes(view[:10]))
            raise OSError(28, "No space left on device")
        return real_write(fd, view)

    monkeypatch.setattr(os, "write", half_then_fail)
    with pytest.raises(caselog.EnvironmentProblem, match="er is niets opgeslagen"):
        append(path, decision(3))
    monkeypatch.undo()
    assert path.read_bytes() == data


# --- scan: every damaged place with its exact line and byte offset ---------------------------

def _three(tmp_path):
    path = tmp_path / "log.toml"
    append(path, decision(1), decision(2), decision(3))
    data = path.read_bytes()
    return data, logformat.parse(data, "log").blocks


def _said(problems) -> list[tuple[int, int, str]]:
    return [(p.line, p.offset, str(p.problem)) for p in problems]


def test_scan_names_a_removed_record_at_the_one_after_it(tmp_path):
    data, blocks = _three(tmp_path)
    cut = data[:blocks[1].offset] + data[blocks[2].offset:]
    found, problems = logformat.scan(cut)
    assert [b.decision.id for b in found] == ["d1", "d3"]
    moved = found[1]
    assert moved.offset == blocks[1].offset and moved.line == blocks[1].line
    assert _said(problems) == [(moved.line, moved.offset, "de keten is onderbroken: dit record "
                                "volgt niet op het record ervoor (een record is verwijderd, "
                                "verplaatst of gewijzigd)")]


def test_scan_names_an_unchained_record_after_chained_ones(tmp_path):
    data, blocks = _three(tmp_path)
    legacy, _seal = logformat.encode(decision(4))
    legacy = legacy.replace(b"format = 3", b"format = 1")
    record = tomllib.loads(legacy.decode())["decision"][0]
    record.pop("prev", None)
    record["format"] = 1
    record["seal"] = {"sha256": logformat.seal(record)}
    import tomli_w

    old = tomli_w.dumps({"decision": [record]}).encode()
    found, problems = logformat.scan(data + b"\n" + old)
    assert [b.decision.id for b in found] == ["d1", "d2", "d3", "d4"]
    assert _said(problems) == [(found[3].line, found[3].offset, "record zonder ketenschakel "
                                "(prev) na geketende records: ingevoegd?")]


def test_scan_names_a_torn_tail_after_the_intact_part(tmp_path):
    data, blocks = _three(tmp_path)
    torn = data[:-25]
    found, problems = logformat.scan(torn)
    assert [b.decision.id for b in found] == ["d1", "d2"]
    [(line, offset, problem)] = _said(problems)
    assert offset >= blocks[2].offset and torn[offset:].strip()  # where the damage starts
    assert line == 1 + torn.count(b"\n", 0, offset)
    assert line >= blocks[2].line


def test_scan_names_a_damaged_record_in_the_middle_and_goes_on(tmp_path):
    data, blocks = _three(tmp_path)
    broken = data.replace(b'id = "d2"', b'id = "dX"')
    found, problems = logformat.scan(broken)
    assert [b.decision.id for b in found] == ["d1", "d3"]  # d3 is read on, its chain not blamed
    [(line, offset, problem)] = _said(problems)
    assert (line, offset) == (blocks[1].line, blocks[1].offset)
    assert "zegel" in problem


def test_scan_names_a_damaged_header_on_line_one(tmp_path):
    data, blocks = _three(tmp_path)
    found, problems = logformat.scan(data.replace(b"format = 3", b"format = 7", 1))
    assert [b.decision.id for b in found] == ["d1", "d2", "d3"]
    [(line, offset, problem)] = _said(problems)
    assert (line, offset) == (1, 0)
    assert problem.startswith("caselog heeft logversie 7") and ";" not in problem
