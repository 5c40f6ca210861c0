"""`ave report`, `ave reevaluate`, batch triage and `ave export`."""

from __future__ import annotations

import csv
import io
import json
import stat
import tomllib
from datetime import UTC, datetime, timedelta, timezone

import pytest
from conftest import EXAMPLES, ROOT

from ave_cli.cli import main as cli
from ave_cli.flows.kapstokken import load_kapstok

CET = timezone(timedelta(hours=1))
H = EXAMPLES / "handreiking"


@pytest.fixture
def at(monkeypatch):
    def set_clock(day: str) -> None:
        when = datetime.fromisoformat(day).replace(hour=10, tzinfo=CET)
        monkeypatch.setitem(cli.hooks, "now", lambda: when)

    return set_clock


@pytest.fixture
def small_log(run, store, at):
    """Six cases with fixed dates; the report is read on 2026-03-01."""
    steps = [
        ("2026-01-01", ("triage", "A", "-a", str(H / "ave2.toml"), "--casusregisseur", "Team A")),
        ("2026-02-20", ("triage", "B", "-a", str(H / "ave2-procesregie.toml"))),
        ("2026-02-25", ("triage", "C", "-a", str(H / "ave3.json"), "--casusregisseur", "Team C")),
        ("2025-12-01", ("triage", "D", "-a", str(H / "ave4.toml"), "--casusregisseur", "Team D")),
        ("2026-02-27", ("triage", "D", "-a", str(H / "ave4.toml"))),
        # the plan (issue 27): C has an afspraak due after the report, D one past its date
        ("2026-02-25", ("afspraak", "C", "--wat", "Huisbezoek", "--wie", "GGZ",
                        "--leefgebied", "gezondheid", "--uiterlijk", "2026-03-10")),
        ("2026-02-27", ("afspraak", "D", "--wat", "Veiligheidsplan", "--wie", "Politie",
                        "--leefgebied", "veiligheid", "--uiterlijk", "2026-02-28")),
        ("2026-01-10", ("triage", "E", "-a", str(H / "ave1.toml"))),
        ("2026-01-05", ("triage", "F", "-a", str(H / "ave2.toml"), "--casusregisseur", "Team F")),
        ("2026-02-01", ("close", "F", "--reason", "Klaar")),
    ]
    for day, args in steps:
        at(day)
        assert run(*args).exit_code == 0
    at("2026-03-01")
    return store


def report(run, *args):
    result = run("report", "-f", "json", *args)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_report_counts_and_flags_by_hand(run, small_log):
    data = report(run)
    assert data["open"] == 5
    assert [(c["phase"], c["count"], c["share"]) for c in data["counts"]] == [
        ("AVE1", 1, 0.2), ("AVE2", 2, 0.4), ("AVE3", 1, 0.2), ("AVE4", 1, 0.2)]
    by_case = {c["case"]: c for c in data["cases"]}
    assert set(by_case) == {"A", "B", "C", "D", "E"}
    # A: AVE2, last decision 59 days ago, review interval 42 days
    # (and, like B, no open afspraak in a fase with casusregie: the plan flag)
    assert by_case["A"]["flags"] == ["review", "plan"]
    # B: AVE2 with stagnation: no casusregisseur named and procesregie advised but not named
    assert by_case["B"]["flags"] == ["casusregie", "procesregie", "plan"]
    # C: AVE3 for 4 days with a casusregisseur and an afspraak due 2026-03-10: nothing to flag
    assert by_case["C"]["flags"] == [] and by_case["C"]["next_due"] == "2026-03-10"
    # D: AVE4 since 2025-12-01 (90 days > 30): time to consider afschalen; reviewed 2 days ago;
    # its afspraak was due 2026-02-28, the day before
    assert by_case["D"]["flags"] == ["long", "afspraak"]
    assert by_case["D"]["next_due"] == "2026-02-28" and by_case["A"]["next_due"] is None
    assert (by_case["D"]["since"], by_case["D"]["days_in_phase"]) == ("2025-12-01", 90)
    assert by_case["D"]["casusregisseur"] == "Team D"  # named in the first triage, kept
    # E: AVE1 needs no casusregisseur and has no review interval
    assert by_case["E"]["flags"] == []
    assert by_case["A"]["last_kind"] == "triage" and by_case["A"]["last_date"] == "2026-01-01"


@pytest.mark.parametrize(("args", "cases"), [
    (("--phase", "ave2"), {"A", "B"}),
    (("--phase", "AVE3", "--phase", "AVE4"), {"C", "D"}),
    (("--flag", "review"), {"A"}),
    (("--flag", "afspraak"), {"D"}),
    (("--flag", "plan"), {"A", "B"}),
    (("--flag", "casusregie", "--flag", "long"), {"B", "D"}),
    (("--by", "Team C"), {"C"}),
    (("--by", "tester"), {"A", "B", "C", "D", "E"}),
    (("--since", "2026-02-21"), {"C", "D"}),
    (("--all",), {"A", "B", "C", "D", "E", "F"}),
])
def test_report_filters(run, small_log, args, cases):
    assert {c["case"] for c in report(run, *args)["cases"]} == cases


def test_closed_cases_are_not_counted_as_open(run, small_log):
    data = report(run, "--all")
    assert data["open"] == 5
    f = next(c for c in data["cases"] if c["case"] == "F")
    assert f["closed"] is True and f["phase"] is None and f["flags"] == []


def test_json_and_csv_carry_the_same_data(run, small_log):
    cases = report(run, "--all")["cases"]
    result = run("report", "--all", "-f", "csv")
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert list(rows[0]) == list(cases[0])
    for row, case in zip(rows, cases, strict=True):
        for key, value in case.items():
            expected = ("; ".join(value) if isinstance(value, list) else
                        "" if value is None else str(value).lower() if isinstance(value, bool)
                        else str(value))
            assert row[key] == expected, key


def test_report_text_shows_counts_and_flags(run, small_log, monkeypatch):
    monkeypatch.setenv("COLUMNS", "200")
    text = run("report").stdout
    assert "Open casussen: 5" in text and "40%" in text
    assert "evaluatie te laat" in text and "lang in hoge fase: overweeg afschalen" in text


@pytest.mark.parametrize(("args", "message"), [
    (("--flag", "oud"), "onbekende signalering 'oud'"),
    (("--since", "1 maart"), "geen datum"),
])
def test_report_bad_input(run, small_log, args, message):
    result = run("report", *args)
    assert result.exit_code == 2 and message in result.stderr


def test_report_on_an_empty_log(run, store):
    assert report(run) == {"open": 0, "counts": [], "cases": []}
    assert "Geen casussen" in run("report").stdout


# --- reevaluate -------------------------------------------------------------------------------

@pytest.fixture
def sample(store):
    store.load(ROOT / "examples" / "sample-log.toml")
    return store


def test_reevaluate_sample_under_westerkwartier_then_apply(run, sample):
    before = sample.snapshot()
    first = json.loads(run("reevaluate", "--kapstok", "westerkwartier", "-f", "json").stdout)
    assert sample.snapshot() == before  # nothing written without --apply
    changes = {c["case"]: (c["from"], c["to"]) for c in first["changes"]}
    assert len(changes) == 30 and first["unchanged"] == 0 and first["skipped"] == []
    # hand-checked against AVE-MODEL.md section 5 from the answers in the sample log:
    assert changes["WT-2026-001"] == ("AVE1", "1")  # enkelvoudig
    assert changes["WT-2026-021"] == ("AVE2", "2B")  # meervoudig, inwoner mijdt zorg
    assert changes["WT-2026-035"] == ("AVE2", "2A")  # meervoudig, werkt mee
    assert changes["WT-2026-012"] == ("AVE3", "3")  # complex
    assert changes["WT-2026-006"] == ("AVE4", "4")  # acuut
    # escalated or de-escalated by a professional against the rules: kept apart
    assert {c["case"] for c in first["departures"]} == {"WT-2026-002", "WT-2026-014", "WT-2026-023"}

    applied = json.loads(run("reevaluate", "--kapstok", "westerkwartier", "--apply", "--yes",
                             "-f", "json").stdout)
    assert applied["applied"] == 30
    records = sample.records()
    new = records[-30:]
    assert all(r["kind"] == "reevaluation" and r["kapstok"]["name"] == "westerkwartier"
               for r in new)
    assert sample.extends(before)

    again = json.loads(run("reevaluate", "--kapstok", "westerkwartier", "-f", "json").stdout)
    assert again["changes"] == [] and again["unchanged"] == 30
    # and without --kapstok each case is now judged under its own (westerkwartier) kapstok
    assert json.loads(run("reevaluate", "-f", "json").stdout)["changes"] == []


def test_reevaluate_include_overrides(run, sample):
    result = json.loads(run("reevaluate", "--kapstok", "westerkwartier", "--apply", "--yes",
                            "--include-overrides", "-f", "json").stdout)
    assert result["applied"] == 33


def test_reevaluate_under_the_same_kapstok_changes_nothing(run, sample):
    before = sample.snapshot()
    result = json.loads(run("reevaluate", "--apply", "--yes", "-f", "json").stdout)
    assert result["changes"] == [] and result["applied"] == 0
    assert sample.snapshot() == before


def test_reevaluate_dry_run_with_apply_writes_nothing(run, sample):
    before = sample.snapshot()
    run("reevaluate", "-k", "westerkwartier", "--apply", "--dry-run")
    assert sample.snapshot() == before


# --- batch triage -----------------------------------------------------------------------------

ROW = {"problematiek": "meervoudig", "effect": "ja", "meewerken": "ja", "samenwerking": "goed",
       "veiligheid": "nee"}


def csv_batch(rows: list[dict]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0]))
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()


def test_a_good_batch_of_1000_writes_1000_decisions(run, store, tmp_path):
    path = tmp_path / "batch.csv"
    rows = [{"case": f"B-{n:04d}", **ROW, "minderjarigen": "ja" if n % 3 == 0 else "nee",
             "signalen": "agressie;middelen" if n % 7 == 0 else ""} for n in range(1000)]
    path.write_text(csv_batch(rows), encoding="utf-8")
    result = run("triage", "--batch", str(path), "-f", "json")
    assert result.exit_code == 0, result.output
    out = json.loads(result.stdout)
    assert len(out) == 1000 and all(o["phase"] == "AVE2" for o in out)
    records = store.records()
    assert len(records) == 1000 and len({r["id"] for r in records}) == 1000
    assert records[0]["answers"]["minderjarigen"] is True
    assert records[7]["signals"] == ["agressie", "middelen"]


def test_batch_formats(run, store, tmp_path):
    toml = tmp_path / "b.toml"
    toml.write_text('[[casus]]\ncase = "T-1"\nproblematiek = "complex"\neffect = "nee"\n'
                    'meewerken = "ja"\nsamenwerking = "stagneert"\nveiligheid = "risico"\n',
                    encoding="utf-8")
    jsonl = tmp_path / "b.jsonl"
    jsonl.write_text("\n".join(json.dumps({"case": f"J-{n}", **ROW}) for n in range(3)) + "\n",
                     encoding="utf-8")
    assert [o["phase"] for o in json.loads(run("triage", "--batch", str(toml), "-f", "json").stdout)
            ] == ["AVE3"]
    assert len(json.loads(run("triage", "--batch", str(jsonl), "-f", "json").stdout)) == 3
    assert len(store.records()) == 4


def test_batch_knows_previous_phases(run, store, tmp_path):
    run("triage", "J-0", "-a", str(H / "ave4.toml"))
    path = tmp_path / "b.jsonl"
    path.write_text(json.dumps({"case": "J-0", **ROW}) + "\n", encoding="utf-8")
    [out] = json.loads(run("triage", "--batch", str(path), "-f", "json").stdout)
    assert (out["previous_phase"], out["direction"]) == ("AVE4", "afschaling")


BAD_ROWS = [
    ("csv", csv_batch([{"case": "X-1", **ROW}, {"case": "X-2", **ROW, "veiligheid": "soms"}]),
     "rij 3: ongeldig antwoord \"soms\" voor 'veiligheid'"),
    ("csv", csv_batch([{"case": "X-1", **ROW}, {"case": "111222333", **ROW}]),
     "rij 3: casus '111222333' lijkt op een BSN"),
    ("csv", csv_batch([{"case": "X-1", **ROW}, {"case": "X-1", **ROW}]), "staat ook al in"),
    ("csv", csv_batch([{**ROW}]), "kolom 'case'"),
    ("csv", csv_batch([{"case": "X-1", **{k: v for k, v in ROW.items() if k != "effect"}}]),
     "rij 2: antwoorden ontbreken voor effect"),
    ("jsonl", json.dumps({"case": "X-1", **ROW}) + "\n{kapot\n", "regel 2: geen geldige JSON"),
    ("jsonl", json.dumps({"case": "X-1", **ROW, "hobby": 1}) + "\n", "onbekende vraag 'hobby'"),
    ("jsonl", json.dumps({**ROW}) + "\n", "'case' ontbreekt"),
    ("toml", "[[casus]]\ncase = 5\n", "'case' ontbreekt of is geen tekst"),
    ("toml", "niet = [toml", "geen geldige TOML"),
    ("toml", "", "bevat geen antwoorden"),
]


@pytest.mark.parametrize(("ext", "content", "message"), BAD_ROWS)
def test_a_batch_with_one_bad_row_writes_nothing(run, store, tmp_path, ext, content, message):
    run("triage", "C-0", "-a", str(H / "ave1.toml"))
    before = store.snapshot()
    path = tmp_path / f"batch.{ext}"
    path.write_text(content, encoding="utf-8")
    result = run("triage", "--batch", str(path))
    assert result.exit_code == 2, result.output
    assert message in result.stderr, result.stderr
    assert store.snapshot() == before


def test_batch_refuses_single_case_options(run, store, tmp_path):
    result = run("triage", "X", "--batch", str(tmp_path / "b.csv"))
    assert result.exit_code == 2 and "--batch gaat niet samen" in result.stderr


# --- export -----------------------------------------------------------------------------------

def test_export_jsonl_and_csv(run, sample, tmp_path):
    decisions = sample.records()
    lines = run("export").stdout.splitlines()
    assert len(lines) == len(decisions)
    first = json.loads(lines[0])
    assert first["id"] == decisions[0]["id"]
    assert first["answers.problematiek"] == decisions[0]["answers"]["problematiek"]
    assert first["kapstok.name"] == "handreiking"
    rows = list(csv.DictReader(io.StringIO(run("export", "-f", "csv").stdout)))
    assert len(rows) == len(decisions)
    assert rows[0]["answers.problematiek"] == first["answers.problematiek"]

    out = tmp_path / "export.csv"
    result = run("export", "-f", "csv", "-o", str(out))
    assert result.exit_code == 0 and stat.S_IMODE(out.stat().st_mode) == 0o600
    again = run("export", "-f", "csv", "-o", str(out))
    assert again.exit_code == 2 and "bestaat al" in again.stderr


def test_csv_cells_cannot_become_formulas(run, store):
    run("triage", "C-1", "-a", str(H / "ave1.toml"), "--note", "=HYPERLINK(\"http://x\")")
    row = next(csv.DictReader(io.StringIO(run("export", "-f", "csv").stdout)))
    assert row["note"] == "'=HYPERLINK(\"http://x\")"


@pytest.mark.parametrize("start", ["\uff1d", "\uff0b", "\uff0d", "\uff20", "\ufe66", "\u207a"])
def test_a_compatibility_form_of_a_formula_start_is_guarded_too(start):
    """A full-width (or small, or superscript) =, +, - or @ folds to the ASCII one in a
    spreadsheet that normalises text: guarded as the ASCII one is."""
    from ave_cli.cli.output import _cell

    assert _cell(f"{start}HYPERLINK(1)") == f"'{start}HYPERLINK(1)"
    assert _cell("x=1") == "x=1"


# --- the report's arithmetic, at its exact edges (worked out by hand) --------------------------

def _summary(**changes):
    from ave_cli.core.cases import CaseSummary

    base = dict(case="C", phase="AVE3", closed=0, since_ts=0.0, last_ts=0.0, last_kind="triage",
                kapstok="handreiking", casusregisseur="Team", procesregisseur="", advice_roles="",
                deciders="")
    return CaseSummary(**{**base, **changes})


def test_days_in_phase_are_whole_days_never_negative():
    from ave_cli.core.report import days_between

    now = datetime(2026, 3, 10, 12, 0, tzinfo=UTC)
    assert days_between(None, now) is None
    assert days_between(now, now) == 0
    assert days_between(now - timedelta(days=2, hours=23), now) == 2
    assert days_between(now - timedelta(days=3), now) == 3
    assert days_between(now + timedelta(days=1), now) == 0  # a clock that ran ahead


def test_flags_at_the_exact_edge_of_each_interval():
    """review_days 14 means: overdue after more than 14 whole days, i.e. from 15 days on."""
    from ave_cli.core.report import DAY, Limits, flags

    limits = Limits(rank=2, review=15 * DAY, long=31 * DAY, requires_casusregie=True)
    assert flags(limits, _summary(), 15 * DAY - 1) == ()
    assert flags(limits, _summary(), 15 * DAY) == ("review",)  # exactly on the edge: overdue
    assert flags(limits, _summary(last_ts=31 * DAY), 31 * DAY) == ("long",)
    assert flags(limits, _summary(last_ts=31 * DAY), 31 * DAY - 1) == ()
    assert flags(limits, _summary(since_ts=None, last_ts=9 * DAY), 9 * DAY) == ()
    # every flag at once, in a fixed order: none replaces another
    assert flags(limits, _summary(casusregisseur="", advice_roles="procesregie"), 40 * DAY) == (
        "review", "long", "casusregie", "procesregie")
    assert flags(limits, _summary(casusregisseur="", procesregisseur="P",
                                  advice_roles="procesregie"), 0) == ("casusregie",)
    assert flags(limits._replace(requires_casusregie=False), _summary(casusregisseur=""), 0) == ()
    assert flags(limits, _summary(closed=1, casusregisseur=""), 40 * DAY) == ()
    assert flags(None, _summary(casusregisseur=""), 40 * DAY) == ()


def test_limits_turn_whole_days_into_the_first_overdue_second():
    from ave_cli.core.report import DAY, _limits
    kapstok = load_kapstok("handreiking")
    phase = kapstok.find_phase("AVE3")
    limits = _limits(kapstok, "AVE3")
    assert limits.rank == kapstok.rank("AVE3")
    assert limits.review == (phase.review_days + 1) * DAY
    assert limits.long == (phase.long_in_phase_days + 1) * DAY
    assert limits.requires_casusregie is phase.requires_casusregie
    assert _limits(kapstok, "AVE9") is None and _limits(None, "AVE3") is None
    assert _limits(kapstok, None) is None


def test_urgency_orders_open_then_phase_then_flags_then_days():
    from ave_cli.core.report import Row, urgency

    def row(case, *, closed=False, rank=1, flags=(), days=0):
        return Row(case, "X", closed, None, days, "", "", "triage", 0.0, "k", flags, rank)

    rows = [row("closed", closed=True, rank=9), row("low", rank=0),
            row("high-few", rank=3), row("high-flags", rank=3, flags=("review", "long")),
            row("high-one", rank=3, flags=("long",), days=5),
            row("high-one-longer", rank=3, flags=("review",), days=50),
            row("high-one-none", rank=3, flags=("review",), days=None)]
    assert [r.case for r in sorted(rows, key=urgency)] == [
        "high-flags", "high-one-longer", "high-one", "high-one-none", "high-few", "low", "closed"]


def test_a_reevaluation_decision_records_the_whole_outcome(run, sample):
    applied = run("reevaluate", "--kapstok", "westerkwartier", "--include-overrides",
                  "--apply", "--yes", "-f", "json")
    assert applied.exit_code == 0
    records = [r for r in sample.records()
               if r["kind"] == "reevaluation"]
    assert records
    last_phase: dict[str, str] = {}
    last_answers: dict[str, dict] = {}
    for r in tomllib.loads((ROOT / "examples" / "sample-log.toml").read_text("utf-8"))["decision"]:
        last_phase[r["case"]] = r.get("phase_after") or last_phase.get(r["case"], "")
        if r.get("answers"):
            last_answers[r["case"]] = r["answers"]
    for record in records:
        assert record["axis"] == "horizontal"
        assert record["advised_phase"] == record["phase_after"]
        assert record["phase_before"] == last_phase[record["case"]] != record["phase_after"]
        assert last_answers[record["case"]].items() <= record["answers"].items()
        assert record["reasons"] and all(isinstance(r, str) for r in record["reasons"])
        assert set(record["roles"]) == {"casusregie", "procesregie", "operationeel",
                                        "bestuurlijk"}
        assert "in_overleg_met" in record or record["phase_after"] not in ("3", "4")
        assert len(record.get("advice", [])) == len(record.get("advice_roles", []))
        assert set(record.get("advice_roles", [])) <= {"", "casusregie", "procesregie"}
        assert record["kapstok"]["name"] == "westerkwartier"


def test_build_report_by_hand():
    """Five summaries worked out by hand: filters at their edges, days floored, ranks, and the
    counts per fase with the kapstok's labels, an unknown fase and an unknown kapstok."""
    from ave_cli.core.cases import SEPARATOR
    from ave_cli.core.report import DAY, Filters, build_report
    kapstok = load_kapstok("handreiking")
    now = datetime(2026, 3, 10, 12, 0, tzinfo=UTC)
    ts = now.timestamp()
    summaries = [
        _summary(case="A", phase="AVE2", since_ts=ts - 2.5 * DAY, last_ts=ts - DAY,
                 procesregisseur="P", deciders=SEPARATOR.join(["Anna", "Bob"])),
        _summary(case="B", phase="AVE9", since_ts=ts + DAY, last_ts=ts),  # a clock ahead: 0
        _summary(case="C", phase="AVE2", since_ts=None, last_ts=ts, closed=1),
        _summary(case="D", phase=None, since_ts=ts - 40 * DAY, last_ts=ts),
        _summary(case="E", phase="1", kapstok="verdwenen", since_ts=ts, last_ts=ts),
    ]
    lookup = {"handreiking": kapstok}.get
    report = build_report(summaries, lookup, now)
    rows = {r.case: r for r in report.rows}
    assert sorted(rows) == ["A", "B", "D", "E"] and report.open_total == 4
    assert (rows["A"].days_in_phase, rows["B"].days_in_phase, rows["D"].days_in_phase) == (2, 0, 40)
    assert rows["A"].procesregisseur == "P" and rows["E"].kapstok == "verdwenen"
    assert rows["A"].rank == kapstok.rank("AVE2") and rows["B"].rank == rows["E"].rank == -1
    counts = [(c.kapstok, c.phase, c.label, c.colour, c.count, c.share) for c in report.counts]
    handreiking = [(p.id, p.label, p.colour, 1 if p.id == "AVE2" else 0) for p in kapstok.phases]
    assert counts == [("handreiking", pid, label, colour, n, n / 4)
                      for pid, label, colour, n in handreiking] + [
        ("handreiking", "AVE9", "AVE9", "", 1, 0.25), ("handreiking", None, "—", "", 1, 0.25),
        ("verdwenen", "1", "1", "", 1, 0.25)]
    closed = build_report(summaries, lookup, now, Filters(include_closed=True))
    assert [r.case for r in closed.rows] == ["A", "B", "C", "D", "E"] and closed.open_total == 4
    assert closed.rows[2].days_in_phase is None and closed.rows[2].closed
    assert [r.case for r in build_report(summaries, lookup, now,
                                         Filters(phases=("ave2", "AVE9"))).rows] == ["A", "B"]
    assert [r.case for r in build_report(summaries, lookup, now, Filters(by="Bob")).rows] == ["A"]
    assert build_report(summaries, lookup, now, Filters(by="Anna Bob")).rows == []
    since = datetime.fromtimestamp(ts - DAY).date()  # A's last decision is on that very day
    edge = datetime.combine(since, datetime.min.time()).astimezone().timestamp()
    on_edge = [_summary(case="X", last_ts=edge), _summary(case="Y", last_ts=edge - 1)]
    assert [r.case for r in build_report(on_edge, lookup, now, Filters(since=since)).rows] == ["X"]


def test_local_date_of_nothing_is_nothing():
    from ave_cli.core.report import local_date

    assert local_date(None) is None
    assert local_date(datetime(2026, 3, 10, 12, 0).timestamp()) == "2026-03-10"


def test_urgency_treats_unknown_days_as_zero():
    from ave_cli.core.report import Row, urgency

    def row(case, days):
        return Row(case, "X", False, None, days, "", "", "triage", 0.0, "k", (), 1)

    assert [r.case for r in sorted([row("zero", 0), row("none", None)], key=urgency)] == [
        "zero", "none"]  # a tie: the order given stays


def test_reevaluate_passes_over_closed_and_unknown_cases_and_goes_on(run, log):
    """A closed case and a case whose kapstok is gone are passed over (the latter said); the
    case after them is still reevaluated."""
    from dataclasses import replace

    from ave_cli.core import report
    from ave_cli.stores.file.store import FileStore

    run("triage", "A", "-a", str(EXAMPLES / "handreiking" / "ave1.toml"))
    run("close", "A", "--reason", "klaar")
    run("triage", "B", "-a", str(EXAMPLES / "handreiking" / "ave1.toml"))
    run("triage", "C", "-a", str(EXAMPLES / "handreiking" / "ave2.toml"), "--phase", "AVE3",
        "--motivation", "zorgen")
    states = {s.case: s for s in FileStore(log, None).read().cases()}
    ordered = [states["A"], replace(states["B"], kapstok_name="verdwenen"), states["C"]]
    lookup = {"handreiking": load_kapstok("handreiking")}.get
    result = report.reevaluate(ordered, lookup, None)
    assert [r.state.case for r in result.departures] == ["C"]
    assert [(case, str(why)) for case, why in result.skipped] == [
        ("B", "kapstok 'verdwenen' niet beschikbaar")]
    assert result.unchanged == 0


def test_build_report_edges_left_by_the_mutation_run():
    """A decider's name with spaces, a closed case with a since, and days 1 before days 0."""
    from ave_cli.core.cases import SEPARATOR
    from ave_cli.core.report import DAY, Filters, Row, build_report, urgency
    lookup = {"handreiking": load_kapstok("handreiking")}.get
    now = datetime(2026, 3, 10, 12, 0, tzinfo=UTC)
    ts = now.timestamp()
    named = [_summary(case="A", last_ts=ts, deciders=SEPARATOR.join(["S. El Amrani", "Bob"]))]
    assert [r.case for r in build_report(named, lookup, now,
                                         Filters(by="S. El Amrani")).rows] == ["A"]
    closed = [_summary(case="C", closed=1, since_ts=ts - 3 * DAY, last_ts=ts)]
    [row] = build_report(closed, lookup, now, Filters(include_closed=True)).rows
    assert row.days_in_phase is None  # a closed case has no days in a fase

    def at(case, days):
        return Row(case, "X", False, None, days, "", "", "triage", 0.0, "k", (), 1)

    assert [r.case for r in sorted([at("zero", 0), at("one", 1)], key=urgency)] == ["one", "zero"]


def test_reevaluate_goes_on_after_a_case_without_answers(run, log):
    from dataclasses import replace

    from ave_cli.core import report
    from ave_cli.stores.file.store import FileStore

    run("triage", "A", "-a", str(EXAMPLES / "handreiking" / "ave1.toml"))
    run("triage", "B", "-a", str(EXAMPLES / "handreiking" / "ave2.toml"), "--phase", "AVE3",
        "--motivation", "zorgen")
    states = {s.case: s for s in FileStore(log, None).read().cases()}
    lookup = {"handreiking": load_kapstok("handreiking")}.get
    result = report.reevaluate([replace(states["A"], answers={}), states["B"]], lookup, None)
    assert [case for case, _why in result.skipped] == ["A"]
    assert [r.state.case for r in result.departures] == ["B"]
