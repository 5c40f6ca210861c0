"""The interactive `ave afspraak` in a real pseudo-terminal of 80 x 24, read as the screen a
person sees (pyte, a VT100 emulator): the questions, the afspraak shown whole above the menu
that asks to save it, and Ctrl-C that saves nothing and says so."""

from __future__ import annotations

import os
import subprocess
import sys
import time
import tomllib

import pytest
from conftest import EXAMPLES

pexpect = pytest.importorskip("pexpect")
import pyte  # noqa: E402  (a test extra: missing it fails, never skips)

DOWN, ENTER, CTRL_C = "\x1b[B", "\r", "\x03"
A2 = str(EXAMPLES / "handreiking" / "ave2.toml")


class Terminal:
    """`ave ...` in a pseudo-terminal, with the screen as a VT100 shows it."""

    def __init__(self, args: list[str], log, tmp_path, rows: int = 24, cols: int = 80):
        env = {**os.environ, "AVE_LOG": str(log), "AVE_CONFIG": str(tmp_path / "none.toml"),
               "AVE_CACHE_DIR": str(tmp_path / "cache"), "AVE_BY": "pty", "TERM": "xterm",
               "PROMPT_TOOLKIT_NO_CPR": "1", "NO_COLOR": "1", "COLUMNS": str(cols),
               "LINES": str(rows)}
        self.env = env
        self.screen = pyte.Screen(cols, rows)
        self.stream = pyte.Stream(self.screen)
        self.child = pexpect.spawn(sys.executable, ["-m", "ave_cli", *args], env=env,
                                   encoding="utf-8", timeout=20, dimensions=(rows, cols))

    def wait_for(self, text: str, timeout: float = 20) -> str:
        """Feed the output to the screen until `text` is on it; the screen's text."""
        end = time.monotonic() + timeout
        while True:
            shown = "\n".join(self.screen.display)
            if text in shown:
                return shown
            if time.monotonic() > end:
                raise AssertionError(f"{text!r} never on the screen:\n{shown}")
            try:
                self.stream.feed(self.child.read_nonblocking(4096, timeout=0.2))
            except pexpect.TIMEOUT:
                continue
            except pexpect.EOF:
                shown = "\n".join(self.screen.display)
                if text in shown:
                    return shown
                raise AssertionError(f"ended before {text!r}:\n{shown}") from None

    def type(self, text: str) -> None:
        self.child.send(text)

    def finish(self) -> int:
        self.child.expect(pexpect.EOF)
        self.child.close()
        return self.child.exitstatus


def test_an_afspraak_asked_shown_whole_and_saved_at_80_by_24(run, log, tmp_path):
    assert run("triage", "WT-1", "-a", A2).exit_code == 0
    term = Terminal(["afspraak", "WT-1"], log, tmp_path)
    term.wait_for("Wat wordt er gedaan?")
    term.type("Schuldhulp aanvragen" + ENTER)
    term.wait_for("Wie doet het")
    term.type("Wijkteam Noord" + ENTER)
    screen = term.wait_for("Op welk leefgebied?")
    assert "financiën" in screen and "werk en dagbesteding" in screen  # labels, not keys
    term.type(DOWN + ENTER)  # financiën
    term.wait_for("Voor wie in het huishouden")
    term.type("Jan" + ENTER)  # a name: refused where it is typed
    term.wait_for("geen rol in het huishouden")
    term.type("\b" * 3 + "moeder" + ENTER)
    term.wait_for("Uiterlijk wanneer")
    term.type("+14" + ENTER)
    screen = term.wait_for("Deze afspraak vastleggen?")
    # the whole afspraak is on the screen with the question that saves it
    for text in ("Nieuwe afspraak · casus WT-1", "Schuldhulp aanvragen", "Wijkteam Noord",
                 "moeder", "financiën", "Uiterlijk", "Vastleggen", "Afbreken zonder op te slaan"):
        assert text in screen, (text, screen)
    term.type(ENTER)
    term.wait_for("vastgelegd: afspraak A1")
    assert term.finish() == 0
    records = tomllib.loads(log.read_text(encoding="utf-8"))["decision"]
    assert [(r["kind"], r.get("afspraak"), r.get("voor"), r.get("leefgebied"))
            for r in records] == [("triage", None, None, None),
                                  ("afspraak", "A1", "moeder", "financien")]


def test_ctrl_c_at_the_confirm_saves_nothing_and_says_so(run, log, tmp_path):
    assert run("triage", "WT-1", "-a", A2).exit_code == 0
    before = log.read_bytes()
    term = Terminal(["afspraak", "WT-1", "--wat", "Bellen", "--wie", "GGZ"], log, tmp_path)
    term.wait_for("Op welk leefgebied?")
    term.type(ENTER)
    term.wait_for("Voor wie")
    term.type(ENTER)  # the household
    term.wait_for("Uiterlijk wanneer")
    term.type("+1" + ENTER)
    term.wait_for("Deze afspraak vastleggen?")
    term.type(CTRL_C)
    screen = term.wait_for("niets opgeslagen")
    assert "Traceback" not in screen
    assert term.finish() == 130
    assert log.read_bytes() == before


def test_a_long_error_wraps_between_words_at_80_columns(log, tmp_path):
    """A one-line error longer than the terminal is wrapped by ave between words: every word
    of it is whole on the screen (a terminal left to itself cuts words at column 80)."""
    term = Terminal(["uitleg", "xyzzy"], log, tmp_path)
    screen = term.wait_for("Scenarioteam)")
    assert term.finish() == 2
    lines = [line.rstrip() for line in screen.splitlines() if line.strip()]
    start = next(i for i, line in enumerate(lines) if line.startswith("ave: fout:"))
    message = lines[start:]
    assert len(message) > 1 and all(len(line) <= 80 for line in message)
    said = subprocess.run([sys.executable, "-m", "ave_cli", "uitleg", "xyzzy"],
                          capture_output=True, text=True, env=term.env).stderr
    assert len(said.strip().splitlines()) == 1  # to a script: one line
    assert [w for line in message for w in line.split()] == said.split()  # no word cut
