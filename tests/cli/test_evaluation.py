"""The evaluation report (borgen): the numbers behind each chart worked out by hand from a log
with fixed dates, the page as a strict HTML parser and a real headless Chromium see it."""

from __future__ import annotations

import os
import shutil
import struct
import subprocess
import tomllib
import zlib
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from conftest import EXAMPLES, ROOT

from ave_cli.core import cases, decisions, evaluation
from ave_cli.core.answers import parse_answers_file, validate_answers
from ave_cli.flows.kapstokken import Kapstokken, load_kapstok

TZ = timezone(timedelta(hours=1))
H = EXAMPLES / "handreiking"
SAMPLE = ROOT / "examples" / "sample-log.toml"


def at(month: int, day: int) -> datetime:
    return datetime(2026, month, day, 9, 0, tzinfo=TZ)


def _answers(kapstok, name: str) -> dict:
    raw = parse_answers_file((H / name).read_bytes(), str(H / name))
    raw.pop("case", None)
    answers, missing = validate_answers(kapstok, raw, name)
    assert not missing
    return answers


@pytest.fixture(scope="module")
def story():
    """A: triage AVE2 (Jan 10), escalate to AVE3 (Feb 10), afschalen to AVE2 (Mar 12), close
    (Apr 1). B: advised AVE1, AVE2 chosen (Jan 20). C: triage AVE3 (Feb 5), closed (Feb 15),
    reopened with a triage AVE1 (Mar 1). D: advised AVE2, AVE1 chosen (Mar 20)."""
    kap = load_kapstok("handreiking")
    made, states = [], {}
    n = iter(range(100))

    def add(decision):
        made.append(decision)
        key = cases.key(decision.case)
        states[key] = cases.apply(states.get(key) or cases.CaseState(decision.case), decision)

    def who(when):
        return decisions.Who(by="t", now=when, decision_id=f"d{next(n)}")

    def triage(case, answers, when, chosen=None):
        add(decisions.triage(kap, _answers(kap, answers), case=case, state=states.get(case.lower()),
                             decision_id=f"d{next(n)}", now=when, by="t", chosen=chosen,
                             motivation="anders" if chosen else "").decision)

    triage("A", "ave2.toml", at(1, 10))
    triage("B", "ave1.toml", at(1, 20), chosen="AVE2")
    triage("C", "ave3.json", at(2, 5))
    add(decisions.escalate(kap, states["a"], "A", to="AVE3", reason="x", signals=(),
                           who=who(at(2, 10))).decision)
    add(decisions.close(kap, states["c"], "C", reason="x", who=who(at(2, 15))).decision)
    triage("C", "ave1.toml", at(3, 1))
    add(decisions.deescalate(kap, states["a"], "A", to="AVE2", reason="x", unmet=(),
                             who=who(at(3, 12))).decision)
    triage("D", "ave2.toml", at(3, 20), chosen="AVE1")
    add(decisions.close(kap, states["a"], "A", reason="x", who=who(at(4, 1))).decision)
    return made


END = datetime(2026, 4, 30, 23, 59, 59, tzinfo=TZ)


def _evaluate(story, **named):
    return evaluation.evaluate(story, Kapstokken("handreiking").lookup(None), **named)


def test_the_numbers_behind_every_chart_by_hand(story):
    ev = _evaluate(story, end=END)
    assert (ev.decisions, ev.cases, ev.open_cases) == (9, 4, 3)
    # open at the end: B in AVE2, C and D in AVE1
    assert [(s.phase, s.count, round(s.share, 4), s.expected) for s in ev.shares] == [
        ("AVE1", 2, 0.6667, 0.80), ("AVE2", 1, 0.3333, 0.15), ("AVE3", 0, 0.0, 0.05),
        ("AVE4", 0, 0.0, 0.000025)]
    assert round(ev.shares[0].difference, 4) == -0.1333
    assert [(m.month, m.new, m.closed, m.afgeschaald, m.reopened) for m in ev.months] == [
        ("2026-01", 2, 0, 0, 0), ("2026-02", 1, 1, 0, 0), ("2026-03", 1, 0, 1, 1),
        ("2026-04", 0, 1, 0, 0)]
    # stays: AVE1 C 60 (Mar 1 - Apr 30), D 41; AVE2 A 31 and 20, B 100; AVE3 A 30, C 10
    assert [(s.phase, s.stays, s.median, s.p90, s.long_days, s.past_long) for s in ev.stays] == [
        ("AVE1", 2, 50.5, 60, None, 0), ("AVE2", 3, 31, 100, 180, 0),
        ("AVE3", 2, 20, 30, 90, 0), ("AVE4", 0, None, None, 30, 0)]
    assert [(t.source, t.target, t.count, t.up, t.skipped) for t in ev.transitions] == [
        ("AVE2", "AVE3", 1, True, 0), ("AVE3", "AVE2", 1, False, 0)]
    # advised AVE2: A's triage, escalation (up) and afschaling, D (down); AVE1: B (up), C
    assert [(d.phase, d.advised, d.up, d.down) for d in ev.departures] == [
        ("AVE1", 2, 1, 0), ("AVE2", 4, 1, 1), ("AVE3", 1, 0, 0), ("AVE4", 0, 0, 0)]
    assert sorted(ev.by_casusregisseur) == [("", 3)]
    assert ev.open_rows == []  # no case ids without detail


def test_a_period_counts_its_own_flows_and_ends_where_it_ends(story):
    ev = _evaluate(story, start=datetime(2026, 3, 1, tzinfo=TZ),
                   end=datetime(2026, 3, 15, 23, 59, 59, tzinfo=TZ), detail=True)
    assert (ev.decisions, ev.cases) == (2, 2)  # C reopened, A afgeschaald
    assert [(m.month, m.new, m.reopened, m.afgeschaald) for m in ev.months] == [
        ("2026-03", 0, 1, 1)]
    # open on Mar 15: A (AVE2 since Mar 12), B (AVE2), C (AVE1 since Mar 1); D comes later
    assert sorted(case for case, _p, _f in ev.open_rows) == ["A", "B", "C"]
    assert [(t.source, t.target) for t in ev.transitions] == [("AVE3", "AVE2")]
    stays = {s.phase: (s.stays, s.median) for s in ev.stays}
    assert stays["AVE3"] == (1, 30)  # A left AVE3 in the period; C's stay ended before it
    assert stays["AVE2"] == (2, 28.5)  # still running on Mar 15: A 3 days, B 54


def _plan_story(story):
    """The story with a plan (times at 09:00 like the story's):
    A: A1 wonen made Jan 12 due Feb 1, gedaan Jan 30 (on time); A2 financien made Feb 11 due
       Mar 1, verlengd Feb 25 to Mar 20, gedaan Mar 15 (late: after the date first agreed);
       A3 veiligheid made Mar 13 due Apr 15, still open when A closes on Apr 1.
    B: A1 gezondheid made Jan 21 due Feb 20, never done; A2 gezondheid made Mar 2 due May 15;
       A3 opvoeding made Apr 2 due Apr 10, vervallen Apr 5.
    C: A1 wonen made Feb 6 due Feb 20, open through C's close (Feb 15) and reopening (Mar 1)."""
    from ave_cli.core.model import Decision

    ref = load_kapstok("handreiking").ref
    n = iter(range(100))

    def made(case, nummer, area, month, day, due):
        return Decision(id=f"p{next(n)}", case=case, time=at(month, day), kind="afspraak",
                        kapstok=ref, by="t", afspraak=nummer, wat="iets", wie="Wijkteam",
                        leefgebied=area, uiterlijk=due)

    def stand(case, nummer, stand, month, day, due=""):
        return Decision(id=f"p{next(n)}", case=case, time=at(month, day),
                        kind="afspraak-stand", kapstok=ref, by="t", afspraak=nummer,
                        stand=stand, uiterlijk=due, reasons=() if stand == "gedaan" else ("r",))

    plan = [made("A", "A1", "wonen", 1, 12, "2026-02-01"), stand("A", "A1", "gedaan", 1, 30),
            made("A", "A2", "financien", 2, 11, "2026-03-01"),
            stand("A", "A2", "verlengd", 2, 25, "2026-03-20"), stand("A", "A2", "gedaan", 3, 15),
            made("A", "A3", "veiligheid", 3, 13, "2026-04-15"),
            made("B", "A1", "gezondheid", 1, 21, "2026-02-20"),
            made("B", "A2", "gezondheid", 3, 2, "2026-05-15"),
            made("B", "A3", "opvoeding", 4, 2, "2026-04-10"), stand("B", "A3", "vervallen", 4, 5),
            made("C", "A1", "wonen", 2, 6, "2026-02-20")]
    return sorted(story + plan, key=lambda d: d.time)  # (the sort is stable: log order kept)


def test_the_plan_numbers_by_hand(story):
    ev = _evaluate(_plan_story(story), end=END)
    assert (ev.decisions, ev.cases, ev.open_cases) == (9, 4, 3)  # the plan changes no count
    plan = ev.plan
    assert plan.months == [("2026-01", 2), ("2026-02", 2), ("2026-03", 2), ("2026-04", 1)]
    assert (plan.made, plan.on_time, plan.late, plan.vervallen) == (7, 1, 1, 1)
    # open at the end, of open cases: B's A1 (late) and A2, C's A1 (late); A's A3 is of a
    # closed case
    assert (plan.open, plan.open_late) == (3, 2)
    assert [(a.key, a.made, a.open, a.late) for a in plan.areas] == [
        ("wonen", 2, 1, 1), ("financien", 1, 0, 0), ("gezondheid", 2, 2, 1),
        ("opvoeding", 1, 0, 0), ("werk_dagbesteding", 0, 0, 0), ("veiligheid", 1, 0, 0),
        ("sociaal_netwerk", 0, 0, 0)]
    # B (AVE2) and C (AVE1) have an afspraak past its date; B has an open one, C and D are in
    # AVE1, which needs no casusregie: no case has regie without a plan
    assert (ev.flags["afspraak"], ev.flags["plan"]) == (2, 0)
    # the same story in a period: Mar 1 to Mar 15
    part = _evaluate(_plan_story(story), start=datetime(2026, 3, 1, tzinfo=TZ),
                     end=datetime(2026, 3, 15, 23, 59, 59, tzinfo=TZ)).plan
    assert part.months == [("2026-03", 2)] and part.made == 2  # B's A2, A's A3
    assert (part.on_time, part.late, part.vervallen) == (0, 1, 0)  # A's A2, on Mar 15
    assert (part.open, part.open_late) == (4, 2)  # A3 of A (open then), B's two, C's one


def test_percentile_is_the_nearest_rank():
    assert evaluation.percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.9) == 9
    assert evaluation.percentile([5], 0.9) == 5
    assert evaluation.percentile([30, 10], 0.9) == 30


# --- the page ----------------------------------------------------------------------------------

@pytest.fixture
def sample(tmp_path) -> Path:
    log = tmp_path / "sample.toml"
    log.write_bytes(SAMPLE.read_bytes())
    log.chmod(0o600)
    return log


def _page(run, tmp_path, sample, *args: str) -> tuple[str, Path]:
    """The report of the sample log (its decisions are from 2026-06 to 2026-10; the tests'
    clock stands in March 2026, so the period ends where the log does, unless given)."""
    if "--until" not in args:
        args = (*args, "--until", "2026-11-25")
    out = tmp_path / "evaluatie.html"
    result = run("report", "--format", "html", "--output", str(out), "--log", str(sample), *args)
    assert result.exit_code == 0, result.output
    assert "Evaluatierapport geschreven naar" in result.stderr
    return out.read_text(encoding="utf-8"), out


def test_the_page_is_strict_html_self_contained_and_private(run, tmp_path, sample):
    import re

    import html5lib

    text, out = _page(run, tmp_path, sample)
    html5lib.HTMLParser(strict=True).parse(text)  # raises on any parse error
    assert oct(out.stat().st_mode & 0o777) == "0o600"
    assert "<script" not in text.lower() and not re.search(r"https?://", text)
    assert not re.search(r"""(src|href)\s*=|@import|url\(""", text)
    for heading in ("Open casussen per fase", "Instroom en uitstroom per maand",
                    "Tijd in een fase", "Overgangen tussen fasen", "Afwijken van het advies",
                    "Signaleringen"):
        assert f"<h2>{heading}</h2>" in text
    assert "Hoe lees je dit:" in text and "&lt; 5" in text
    assert f"Caselog: {sample}" in text and "Kapstok: handreiking" in text
    # no case ids, notes or names without --detail
    records = tomllib.loads(SAMPLE.read_text(encoding="utf-8"))["decision"]
    for r in records:
        assert r["case"] not in text
        for name in (r.get("note"), r.get("casusregisseur"), r.get("by")):
            assert not name or name not in text, name
    (tmp_path / "d").mkdir()
    detailed, _out = _page(run, tmp_path / "d", sample, "--detail")
    assert any(r["case"] in detailed for r in records)


def test_the_report_refuses_what_it_cannot_do_in_one_line(run, tmp_path, sample):
    out = tmp_path / "bestaat.html"
    out.write_text("van iemand anders", encoding="utf-8")
    cases_ = [
        (["--output", str(out)], "bestaat al"),
        ([], "--output"),
        (["--output", str(tmp_path / "n.html"), "--since", "2026-05-01", "--until", "2026-04-01"],
         "--until ligt voor --since"),
        (["--output", str(tmp_path / "n.html"), "--until", "gisteren"], "geen datum"),
        (["--output", str(tmp_path / "n.html"), "--team", "noord"], "store van een team"),
    ]
    for args, message in cases_:
        result = run("report", "--format", "html", "--log", str(sample), *args)
        assert result.exit_code == 2 and message in result.stderr, (args, result.output)
        assert result.stderr.count("\n") == 1
    assert out.read_text(encoding="utf-8") == "van iemand anders"
    assert not (tmp_path / "n.html").exists()
    plain = run("report", "--detail", "--log", str(sample))
    assert plain.exit_code == 2 and "hoort bij --format html" in plain.stderr


def test_the_numbers_on_the_page_are_the_evaluation(run, tmp_path, sample):
    from html import escape

    from ave_cli.cli.render import html as render_html
    from ave_cli.stores.file import caselog

    text, _out = _page(run, tmp_path, sample, "--since", "2026-07-01", "--until", "2026-10-31")
    assert "Periode: 2026-07-01 t/m 2026-10-31" in text
    ev = evaluation.evaluate([b.decision for b in caselog.read_all(sample).blocks],
                             Kapstokken("handreiking").lookup(None),
                             start=datetime(2026, 7, 1, tzinfo=TZ),
                             end=datetime(2026, 10, 31, 23, 59, 59, tzinfo=TZ))
    assert [m.month for m in ev.months] == ["2026-07", "2026-08", "2026-09", "2026-10"]
    for m in ev.months:
        row = [m.month, *(render_html.shown(v) for v in (m.new, m.closed, m.afgeschaald,
                                                          m.reopened))]
        assert "".join(f"<td>{escape(c)}</td>" for c in row) in text, row


# --- a real headless Chromium ---------------------------------------------------------------------

def _chromium() -> str:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    pytest.fail("no Chromium to load the page: install Debian's chromium (apt-get install "
                "chromium); tools/test.sh installs it when it is missing", pytrace=False)


def _browser(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    flags = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
             "--disable-background-networking", "--disable-component-update", "--disable-sync",
             "--hide-scrollbars", f"--user-data-dir={tmp_path / 'chromium-profile'}"]
    return subprocess.run([_chromium(), *flags, *args], capture_output=True, text=True,
                          timeout=120, env={**os.environ, "HOME": str(tmp_path)})


def _pixels(png: bytes) -> tuple[int, int, list[bytes]]:
    """Width, height and the rows of an 8-bit RGB(A) PNG, unfiltered."""
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    pos, chunks, head = 8, [], None
    while pos < len(png):
        length, kind = struct.unpack(">I4s", png[pos:pos + 8])
        body = png[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            head = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            chunks.append(body)
        pos += 12 + length
    assert head is not None
    width, height, depth, colour = head[0], head[1], head[2], head[3]
    assert depth == 8 and colour in (2, 6)
    size = 3 if colour == 2 else 4
    raw = zlib.decompress(b"".join(chunks))
    stride, rows, previous = width * size, [], bytearray(width * size)
    for y in range(height):
        kind, line = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for x in range(stride):
            left = line[x - size] if x >= size else 0
            up, corner = previous[x], previous[x - size] if x >= size else 0
            if kind == 1:
                line[x] = (line[x] + left) & 255
            elif kind == 2:
                line[x] = (line[x] + up) & 255
            elif kind == 3:
                line[x] = (line[x] + (left + up) // 2) & 255
            elif kind == 4:
                p = left + up - corner
                pa, pb, pc = abs(p - left), abs(p - up), abs(p - corner)
                line[x] = (line[x] + (left if pa <= pb and pa <= pc else up if pb <= pc
                                      else corner)) & 255
        rows.append(bytes(line))
        previous = line
    return width, height, rows


def _ink(png: Path) -> tuple[int, int, float, int]:
    """Width, height, the share of pixels that are not white, and how many distinct colours."""
    width, height, rows = _pixels(png.read_bytes())
    size = len(rows[0]) // width
    pixels = [row[i:i + 3] for row in rows for i in range(0, len(row), size)]
    ink = sum(1 for p in pixels if p != b"\xff\xff\xff")
    return width, height, ink / len(pixels), len(set(pixels))


@pytest.mark.system  # a real headless Chromium
def test_a_real_browser_shows_the_headings_and_numbers(run, tmp_path, sample):
    _text, out = _page(run, tmp_path, sample)
    dom = _browser(tmp_path, "--dump-dom", out.as_uri())
    assert dom.returncode == 0, dom.stderr[-2000:]
    for seen in ("Evaluatie van AVE (borgen)", "Open casussen per fase", "34 open",
                 "Afwijken van het advies", "procentpunt", "&lt; 5"):
        assert seen in dom.stdout, seen
    assert "<script" not in dom.stdout


@pytest.mark.system  # a real headless Chromium
@pytest.mark.parametrize("size", ["1280,1000", "794,1123"], ids=["screen", "A4"])
def test_screenshots_of_the_page_are_not_blank(run, tmp_path, sample, size):
    """At 1280 px, and at A4 at 96 dpi (794 x 1123 px): the page is drawn, with its charts'
    colours, not a white or an error page."""
    _text, out = _page(run, tmp_path, sample)
    shot = tmp_path / "page.png"
    done = _browser(tmp_path, f"--window-size={size}", f"--screenshot={shot}", out.as_uri())
    assert done.returncode == 0 and shot.exists(), done.stderr[-2000:]
    width, height, ink, colours = _ink(shot)
    assert (width, height) == tuple(int(v) for v in size.split(","))
    assert 0.02 < ink < 0.6 and colours > 20, (ink, colours)


def test_the_blank_check_can_fail(tmp_path):
    blank = tmp_path / "blank.html"
    blank.write_text("<!DOCTYPE html><html><head><title>x</title></head><body></body></html>",
                     encoding="utf-8")
    shot = tmp_path / "blank.png"
    assert _browser(tmp_path, "--window-size=400,300", f"--screenshot={shot}",
                    blank.as_uri()).returncode == 0
    _w, _h, ink, colours = _ink(shot)
    assert ink == 0 and colours == 1
