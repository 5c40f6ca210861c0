"""What a professional reads, at the widths of a laptop in a meeting: every case id, date, fase id
and word whole at 100 and 80 columns, and at 60 a stacked layout instead of squeezed columns."""

from __future__ import annotations

import json
import re
import shutil

import pytest
from conftest import ROOT

SAMPLE = ROOT / "examples" / "sample-log.toml"
WIDTHS = (60, 80, 100)
BOX = re.compile(r"[│┃║┆┊╎|─━┏┓┗┛┡┩┣┫╇╈┳┻╋┠┨┯┷┿╭╮╰╯├┤┬┴┼└┘┌┐╞╡╪═]")


@pytest.fixture
def sample(tmp_path, monkeypatch):
    log = tmp_path / "sample.toml"
    shutil.copyfile(SAMPLE, log)
    log.chmod(0o600)
    monkeypatch.setenv("AVE_LOG", str(log))
    return log


def at(run, monkeypatch, width: int, *args: str) -> str:
    monkeypatch.setenv("COLUMNS", str(width))
    result = run(*args)
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    too_wide = [line for line in lines if len(line) > width]
    assert not too_wide, f"wider than {width}: {too_wide[:2]}"
    return result.stdout


def whole(output: str, tokens: set[str]) -> None:
    """Each token on one line, and as a whole word there (not the start of a broken one)."""
    lines = [BOX.sub(" ", line) for line in output.splitlines()]
    broken = sorted(t for t in tokens
                    if not any(re.search(rf"(?<![\w-]){re.escape(t)}(?![\w-])", line)
                               for line in lines))
    assert not broken, f"broken or missing: {broken[:5]}"


def words(*texts: str) -> set[str]:
    return {w for text in texts for w in re.split(r"\s+", text) if w}


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("width", WIDTHS)
def test_report_keeps_ids_dates_and_words_whole(run, sample, monkeypatch, width, lang):
    rows = json.loads(run("report", "--format", "json").stdout)["cases"]
    output = at(run, monkeypatch, width, "--lang", lang, "report", "--limit", "0")
    whole(output, {r["case"] for r in rows} | {r["phase"] for r in rows if r["phase"]}
          | {r["since"][:10] for r in rows if r["since"]}
          | words(*(r["casusregisseur"] or "" for r in rows)))
    cases = output[output.index("Casussen" if lang == "nl" else "Cases"):]
    assert ("┃" in cases) == (width > 60)  # a table, or at 60 one block per case


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("case", ["WT-2026-006", "WT-2026-019", "WT-2026-023"])
def test_show_keeps_ids_dates_and_words_whole(run, sample, monkeypatch, width, case, lang):
    shown = json.loads(run("show", case, "--format", "json").stdout)
    output = at(run, monkeypatch, width, "--lang", lang, "show", case)
    history = shown["timeline"]
    whole(output, {case} | {d["time"][:10] for d in history}
          | {d["phase_after"] for d in history if d.get("phase_after")}
          | words(*(d["by"] for d in history)))


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("name", ["handreiking", "westerkwartier"])
def test_kapstok_keeps_every_role_word_whole(run, monkeypatch, width, name):
    shown = json.loads(run("kapstok", "--kapstok", name, "--format", "json").stdout)
    output = at(run, monkeypatch, width, "kapstok", "--kapstok", name)
    texts = [text for phase in shown["phases"] for text in phase["roles"].values()]
    whole(output, words(*texts) - {"—"})


@pytest.mark.parametrize("width", WIDTHS)
def test_reevaluate_keeps_ids_whole(run, sample, monkeypatch, width):
    found = json.loads(run("reevaluate", "--format", "json", "--include-overrides").stdout)
    rows = found["changes"] + found["departures"]
    assert rows  # the sample log holds departures, so the tables are really drawn
    output = at(run, monkeypatch, width, "reevaluate", "--include-overrides", "--limit", "0")
    whole(output, {r["case"] for r in rows} | {r["to"] for r in rows} | {r["from"] for r in rows})


def test_the_checker_sees_a_broken_id():
    """The helper above must be able to fail: a case id folded over two lines is caught."""
    with pytest.raises(AssertionError):
        whole("│ WT-2026- │\n│ 006      │", {"WT-2026-006"})
    with pytest.raises(AssertionError):
        whole("│ Jeugdtea │\n│ m West   │", {"Jeugdteam"})
    whole("│ WT-2026-006 │ Jeugdteam West │", {"WT-2026-006", "Jeugdteam"})
