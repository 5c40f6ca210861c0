"""The reading flows (actions_read) on their own: plain inputs in, a result out, nothing printed.
The commands' own tests pin the rendering; these pin that the flow is usable without Typer, a
terminal or a console, and that it records who read what."""

from __future__ import annotations

import shutil
from datetime import UTC, date, datetime

import pytest
from conftest import ROOT, T0

from ave_cli import settings
from ave_cli.core.messages import AveError
from ave_cli.core.report import Filters
from ave_cli.flows import read as actions_read

LATER = datetime(2027, 1, 1, tzinfo=UTC)  # after every decision in the sample log


@pytest.fixture
def sample(log):
    log.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy(ROOT / "examples" / "sample-log.toml", log)
    log.chmod(0o600)
    conf = settings.resolve()
    return conf, (lambda: conf.store().read())


def test_report_returns_rows_and_records_each_read_case(sample, capsys):
    conf, read = sample
    found = actions_read.report(conf, Filters(phases=("AVE3",)), None, read=read, now=T0)
    assert found.rows and {r.phase for r in found.rows} == {"AVE3"}
    seen = [(a.action, a.case) for a in conf.store().read_access()]
    assert seen == [("report", r.case) for r in found.rows]
    assert capsys.readouterr() == ("", "")


def test_report_refuses_a_phase_nobody_knows(sample):
    conf, read = sample
    with pytest.raises(AveError, match="onbekende fase 'AVE9'"):
        actions_read.report(conf, Filters(phases=("AVE9",)), None, read=read, now=T0)
    assert conf.store().read_access() == []  # refused before anything was read out


def test_evaluation_refuses_an_end_before_its_start(sample):
    conf, read = sample
    with pytest.raises(AveError, match="--until ligt voor --since"):
        actions_read.evaluation(conf, None, since=date(2026, 3, 1), until=date(2026, 2, 1),
                                team=None, detail=False, read=read, now=T0)


def test_evaluation_records_case_numbers_only_with_detail(sample):
    conf, read = sample
    plain = actions_read.evaluation(conf, None, since=None, until=None, team=None,
                                    detail=False, read=read, now=LATER)
    assert plain.found.cases > 0 and plain.kapstokken
    assert [a.case for a in conf.store().read_access()] == []
    detailed = actions_read.evaluation(conf, None, since=None, until=None, team=None,
                                       detail=True, read=read, now=LATER)
    assert sorted(a.case for a in conf.store().read_access()) == sorted(
        case for case, _phase, _flags in detailed.found.open_rows)


def test_export_gives_every_decision_in_order(sample):
    conf, read = sample
    decisions = actions_read.export(conf, read=read)
    assert [d.id for d in decisions] == [d.id for d in read().decisions()]
    assert {a.case for a in conf.store().read_access()} == {d.case for d in decisions}


def test_check_finds_a_fault_and_a_clean_log_has_none(sample, log, capsys):
    conf, _read = sample
    clean = actions_read.check(conf, None, repair=False, stamp="x", lock_timeout=1,
                               bundled=settings.bundled_kapstokken())
    assert clean.decisions > 0 and clean.faults == []
    log.chmod(0o644)
    loose = actions_read.check(conf, None, repair=False, stamp="x", lock_timeout=1,
                               bundled=())
    assert [str(p.message) for p in loose.faults] == [
        f"het caselog is leesbaar voor anderen; beperk het met: chmod 600 {conf.where}"]
    assert capsys.readouterr() == ("", "")


def test_check_reports_a_broken_kapstok_among_the_ones_it_uses(sample, tmp_path):
    conf, _read = sample
    broken = tmp_path / "kapot.toml"
    broken.write_text("name = 'kapot'\n", encoding="utf-8")
    result = actions_read.check(conf, str(broken), repair=False, stamp="x", lock_timeout=1,
                                bundled=settings.bundled_kapstokken())
    assert any("kapot.toml" in str(p.message) for p in result.faults)


@pytest.mark.parametrize("name", ["handreiking", "westerkwartier"])
def test_kapstok_test_passes_the_bundled_kapstokken(name):
    run = actions_read.kapstok_test(name, strict=False)
    assert run.results and all(r.ok for r in run.results) and not run.failed


def test_kapstok_test_fails_when_a_casus_expects_another_phase(tmp_path):
    text = (ROOT / "config" / "handreiking.toml").read_text(encoding="utf-8")
    first = text.index('verwacht = { fase = "AVE1"')
    path = tmp_path / "mis.toml"
    path.write_text(text[:first] + text[first:].replace('fase = "AVE1"', 'fase = "AVE4"', 1),
                    encoding="utf-8")
    run = actions_read.kapstok_test(str(path), strict=False)
    assert run.failed and sum(not r.ok for r in run.results) == 1


def test_kapstok_diff_of_a_kapstok_with_itself_changes_nothing():
    same = actions_read.kapstok_diff("handreiking", "handreiking", read=None)
    assert same.diff.total and same.diff.changed == 0
    other = actions_read.kapstok_diff("handreiking", "westerkwartier", read=None)
    assert other.diff.changed > 0 and other.stories
