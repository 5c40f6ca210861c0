"""The reading flows (flows/read.py) on their own: plain inputs in, a result out, nothing printed.
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
from ave_cli.flows.context import Context
from ave_cli.flows.kapstokken import Kapstokken, bundled_kapstokken

LATER = datetime(2027, 1, 1, tzinfo=UTC)  # after every decision in the sample log


@pytest.fixture
def sample(log):
    log.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy(ROOT / "examples" / "sample-log.toml", log)
    log.chmod(0o600)
    return flow_context(T0)


def flow_context(now: datetime) -> Context:
    """A flow's context as a script would build it: no terminal, warnings kept in a list."""
    conf = settings.resolve()
    return Context(conf, Kapstokken(conf.kapstok), now=lambda: now, new_id=lambda: "x",
                   ask=None, warn=lambda message: None)


def test_report_returns_rows_and_records_each_read_case(sample, capsys):
    ctx = sample
    found = actions_read.report(ctx, Filters(phases=("AVE3",)), None)
    assert found.rows and {r.phase for r in found.rows} == {"AVE3"}
    seen = [(a.action, a.case) for a in ctx.store.read_access()]
    assert seen == [("report", r.case) for r in found.rows]
    assert capsys.readouterr() == ("", "")


def test_report_refuses_a_phase_nobody_knows(sample):
    ctx = sample
    with pytest.raises(AveError, match="onbekende fase 'AVE9'"):
        actions_read.report(ctx, Filters(phases=("AVE9",)), None)
    assert ctx.store.read_access() == []  # refused before anything was read out


def test_evaluation_refuses_an_end_before_its_start(sample):
    ctx = sample
    with pytest.raises(AveError, match="--until ligt voor --since"):
        actions_read.evaluation(ctx, None, since=date(2026, 3, 1), until=date(2026, 2, 1),
                                team=None, detail=False)


def test_evaluation_records_case_numbers_only_with_detail(sample):
    ctx = sample
    ctx.now = lambda: LATER
    plain = actions_read.evaluation(ctx, None, since=None, until=None, team=None,
                                    detail=False)
    assert plain.found.cases > 0 and plain.kapstokken
    assert [a.case for a in ctx.store.read_access()] == []
    detailed = actions_read.evaluation(ctx, None, since=None, until=None, team=None,
                                       detail=True)
    assert sorted(a.case for a in ctx.store.read_access()) == sorted(
        case for case, _phase, _flags in detailed.found.open_rows)


def test_export_gives_every_decision_in_order(sample):
    ctx = sample
    decisions = actions_read.export(ctx)
    assert [d.id for d in decisions] == [d.id for d in ctx.store.read().decisions()]
    assert {a.case for a in ctx.store.read_access()} == {d.case for d in decisions}


def test_check_finds_a_fault_and_a_clean_log_has_none(sample, log, capsys):
    ctx = sample
    clean = actions_read.check(ctx, None, repair=False, stamp="x", lock_timeout=1,
                               bundled=bundled_kapstokken())
    assert clean.decisions > 0 and clean.faults == []
    log.chmod(0o644)
    loose = actions_read.check(ctx, None, repair=False, stamp="x", lock_timeout=1,
                               bundled=())
    assert [str(p.message) for p in loose.faults] == [
        f"het caselog is leesbaar voor anderen; beperk het met: chmod 600 {ctx.settings.where}"]
    assert capsys.readouterr() == ("", "")


def test_check_reports_a_broken_kapstok_among_the_ones_it_uses(sample, tmp_path):
    ctx = sample
    broken = tmp_path / "kapot.toml"
    broken.write_text("name = 'kapot'\n", encoding="utf-8")
    result = actions_read.check(ctx, str(broken), repair=False, stamp="x", lock_timeout=1,
                                bundled=bundled_kapstokken())
    assert any("kapot.toml" in str(p.message) for p in result.faults)


@pytest.mark.parametrize("name", ["handreiking", "westerkwartier"])
def test_kapstok_test_passes_the_bundled_kapstokken(name):
    run = actions_read.kapstok_test(flow_context(T0), name, strict=False)
    assert run.results and all(r.ok for r in run.results) and not run.failed


def test_kapstok_test_fails_when_a_casus_expects_another_phase(tmp_path):
    text = (ROOT / "config" / "handreiking.toml").read_text(encoding="utf-8")
    first = text.index('verwacht = { fase = "AVE1"')
    path = tmp_path / "mis.toml"
    path.write_text(text[:first] + text[first:].replace('fase = "AVE1"', 'fase = "AVE4"', 1),
                    encoding="utf-8")
    run = actions_read.kapstok_test(flow_context(T0), str(path), strict=False)
    assert run.failed and sum(not r.ok for r in run.results) == 1


def test_kapstok_diff_of_a_kapstok_with_itself_changes_nothing():
    same = actions_read.kapstok_diff(flow_context(T0), "handreiking", "handreiking", with_log=False)
    assert same.diff.total and same.diff.changed == 0
    other = actions_read.kapstok_diff(flow_context(T0), "handreiking", "westerkwartier",
                                      with_log=False)
    assert other.diff.changed > 0 and other.stories
