"""The bad-input catalogue: every entry must give exit code 1 or 2, exactly one line on stderr
without a traceback, and leave the log byte for byte as it was."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest
from conftest import EXAMPLES

from ave_cli import caselog

H = EXAMPLES / "handreiking"
VALID = (H / "ave2.toml").read_text(encoding="utf-8")


def file(name: str, content: str | bytes):
    def make(tmp: Path) -> str:
        path = tmp / name
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
        return str(path)

    return make


def damage_log(transform):
    def prepare(log: Path, tmp: Path, monkeypatch) -> None:
        log.write_bytes(transform(log.read_bytes()))

    return prepare


def failing_write(code: int):
    def prepare(log: Path, tmp: Path, monkeypatch) -> None:
        real = os.write

        def write(fd, data):
            real(fd, bytes(data[:7]))
            raise OSError(code, os.strerror(code))

        monkeypatch.setattr(caselog.os, "write", write)

    return prepare


def read_only_log(log: Path, tmp: Path, monkeypatch) -> None:
    real = os.open

    def refuse(path, flags, *args):
        if Path(path) == log and flags & os.O_WRONLY:
            raise PermissionError(errno.EACCES, "Permission denied")
        return real(path, flags, *args)

    monkeypatch.setattr(caselog.os, "open", refuse)


def broken_config(log: Path, tmp: Path, monkeypatch) -> None:
    (tmp / "config.toml").write_text("kapstok = [", encoding="utf-8")


def log_is_a_directory(log: Path, tmp: Path, monkeypatch) -> None:
    monkeypatch.setenv("AVE_LOG", str(tmp))


RANDOM = bytes((i * 97 + 13) % 256 for i in range(2000))
INJECT = 'x"\n[[decision]]\nid = "nep"\ncase = "C-1'

CATALOGUE = [
    # --- answers files -----------------------------------------------------------------------
    ("answers: random bytes", None, lambda t: ["triage", "C-2", "-a", file("a.toml", RANDOM)(t)]),
    ("answers: NUL in a value", None,
     lambda t: ["triage", "C-2", "-a", file("a.toml", VALID.replace('"nee"', '"ne\x00e"', 1))(t)]),
    ("answers: nested table", None,
     lambda t: ["triage", "C-2", "-a", file("a.json", '{"problematiek": {"x": 1}}')(t)]),
    ("answers: huge value", None,
     lambda t: ["triage", "C-2", "-a", file("a.toml", VALID.replace(
         'problematiek = "meervoudig"', f'problematiek = "{"x" * 100_000}"'))(t)]),
    ("answers: injected key", None,
     lambda t: ["triage", "C-2", "-a", file("a.json", '{"problematiek\\"]\\n[[decision]]": 1}')(t)]),
    ("answers: a number for a choice", None,
     lambda t: ["triage", "C-2", "-a", file("a.toml", VALID.replace('"meervoudig"', "3"))(t)]),
    ("answers: list of lists for signalen", None,
     lambda t: ["triage", "C-2", "-a", file("a.toml", VALID + "signalen = [['agressie']]\n")(t)]),
    ("answers: empty file", None, lambda t: ["triage", "C-2", "-a", file("a.toml", "")(t)]),
    ("answers: a folder", None, lambda t: ["triage", "C-2", "-a", str(t)]),
    # --- case ids and free text --------------------------------------------------------------
    ("case id: TOML injection", None, lambda t: ["triage", INJECT, "-a", str(H / "ave1.toml")]),
    ("case id: 65 characters", None, lambda t: ["triage", "C" * 65, "-a", str(H / "ave1.toml")]),
    ("case id: empty", None, lambda t: ["triage", "", "-a", str(H / "ave1.toml")]),
    ("case id: BSN in show", None, lambda t: ["show", "123456782"]),
    ("case id: BSN in close", None, lambda t: ["close", "123456782", "--reason", "x"]),
    ("case id: BSN in deescalate", None,
     lambda t: ["deescalate", "123456782", "--to", "AVE1", "--reason", "x", "--yes"]),
    ("note: terminal escape", None,
     lambda t: ["triage", "C-2", "-a", str(H / "ave1.toml"), "--note", "\x1b[2J\x1b[31mweg"]),
    ("note: 5000 characters", None,
     lambda t: ["triage", "C-2", "-a", str(H / "ave1.toml"), "--note", "x" * 5000]),
    ("note file: not UTF-8", None,
     lambda t: ["triage", "C-2", "-a", str(H / "ave1.toml"), "--note-file",
                file("n.txt", b"\xff\xfe\x00")(t)]),
    ("note and note file", None,
     lambda t: ["triage", "C-2", "-a", str(H / "ave1.toml"), "--note", "a", "--note-file", "-"]),
    ("reason: BSN", None,
     lambda t: ["escalate", "C-1", "--to", "AVE4", "--reason", "bsn 123456782"]),
    ("reason file missing", None,
     lambda t: ["close", "C-1", "--reason-file", str(t / "weg.txt")]),
    ("holder: bell character", None,
     lambda t: ["escalate", "C-1", "--role", "procesregie", "--holder", "A\x07", "--reason", "x"]),
    ("in overleg met: BSN", None,
     lambda t: ["escalate", "C-1", "--to", "AVE4", "--reason", "x", "--in-overleg-met",
                "123.456.782"]),
    ("by: control character", None,
     lambda t: ["triage", "C-2", "-a", str(H / "ave1.toml"), "--by", "Jan\x1b"]),
    ("motivation: BSN", None,
     lambda t: ["triage", "C-2", "-a", str(H / "ave2.toml"), "--phase", "AVE3", "--motivation",
                "123456782"]),
    # --- kapstok files -----------------------------------------------------------------------
    ("kapstok: random bytes", None,
     lambda t: ["triage", "C-2", "-a", str(H / "ave1.toml"), "-k", file("k.toml", RANDOM)(t)]),
    ("kapstok: injected name", None,
     lambda t: ["kapstok", "-k", file("k.toml", 'name = "a]\\n[x"\nversion = "1"\n')(t)]),
    ("kapstok: rule on an unknown value", None,
     lambda t: ["kapstok", "-k", file("k.toml", (EXAMPLES.parent.parent / "config" /
                                                 "handreiking.toml").read_text(encoding="utf-8")
                                     .replace('in = ["acuut"]', 'in = ["acuut\\"]"]'))(t)]),
    ("kapstok: a folder", None, lambda t: ["kapstok", "-k", str(t) + "/"]),
    ("kapstok: unknown name", None, lambda t: ["report", "-k", "friesland"]),
    ("user config: broken", broken_config, lambda t: ["report"]),
    # --- the log -----------------------------------------------------------------------------
    ("log: random bytes", damage_log(lambda b: RANDOM), lambda t: ["report"]),
    ("log: other format version", damage_log(lambda b: b.replace(b"format = 2", b"format = 7", 1)),
     lambda t: ["show", "C-1"]),
    ("log: torn tail, write", damage_log(lambda b: b[:-40]),
     lambda t: ["close", "C-1", "--reason", "x"]),
    ("log: torn tail, batch", damage_log(lambda b: b[:-40]),
     lambda t: ["triage", "--batch", file("b.jsonl", "")(t)]),
    ("log: edited in the middle", damage_log(lambda b: b.replace(b'"notitie 0"', b'"notitie O"')),
     lambda t: ["report"]),
    ("log: edited in the middle, repair", damage_log(
        lambda b: b.replace(b'"notitie 0"', b'"notitie O"')), lambda t: ["check", "--repair"]),
    ("log: is a directory", log_is_a_directory,
     lambda t: ["triage", "C-2", "-a", str(H / "ave1.toml")]),
    ("log: read-only", read_only_log, lambda t: ["triage", "C-2", "-a", str(H / "ave1.toml")]),
    ("log: disk full", failing_write(errno.ENOSPC),
     lambda t: ["triage", "C-2", "-a", str(H / "ave1.toml")]),
    ("log: I/O error", failing_write(errno.EIO), lambda t: ["close", "C-1", "--reason", "x"]),
    # --- options -----------------------------------------------------------------------------
    ("unknown option", None, lambda t: ["triage", "--formaat", "json"]),
    ("negative lock timeout", None, lambda t: ["close", "C-1", "--reason", "x", "--lock-timeout",
                                               "-1"]),
    ("format csv for triage", None, lambda t: ["triage", "C-2", "-a", str(H / "ave1.toml"), "-f",
                                               "csv"]),
    ("report: bad date", None, lambda t: ["report", "--since", "gisteren"]),
    ("reevaluate: csv", None, lambda t: ["reevaluate", "-f", "csv"]),
    ("purge: bad date", None, lambda t: ["purge", "--closed-before", "31-12-2024", "--yes"]),
    ("purge: no confirmation without a terminal", None,
     lambda t: ["purge", "--closed-before", "2099-01-01"]),
    ("export: file exists", None, lambda t: ["export", "-o", file("e.jsonl", "oud")(t)]),
    ("export: folder missing", None, lambda t: ["export", "-o", str(t / "weg" / "e.jsonl")]),
    ("batch: random bytes", None, lambda t: ["triage", "--batch", file("b.csv", RANDOM)(t)]),
    ("batch: injected case id", None,
     lambda t: ["triage", "--batch", file("b.jsonl", '{"case": "C-9\\n[[decision]]"}\n')(t)]),
    ("unknown command", None, lambda t: ["opschalen", "C-1"]),
]


def provoke(run, log: Path, tmp_path: Path, monkeypatch, prepare, args):
    """A log with an open and a closed case, the entry's preparation, then its command.
    Returns the result and the log's bytes just before the command."""
    assert run("triage", "C-1", "-a", str(H / "ave3.json"), "--note", "notitie 0").exit_code == 0
    assert run("triage", "C-0", "-a", str(H / "ave1.toml")).exit_code == 0
    assert run("close", "C-0", "--reason", "klaar").exit_code == 0
    if prepare:
        prepare(log, tmp_path, monkeypatch)
    before = log.read_bytes()
    return run(*args(tmp_path)), before


@pytest.mark.parametrize(("name", "prepare", "args"), CATALOGUE, ids=[c[0] for c in CATALOGUE])
def test_bad_input(run, log, tmp_path, monkeypatch, name, prepare, args):
    result, before = provoke(run, log, tmp_path, monkeypatch, prepare, args)
    assert result.exit_code in (1, 2), (result.exit_code, result.output)
    assert result.stderr.startswith("ave: fout: "), result.stderr
    assert result.stderr.count("\n") == 1, result.stderr
    assert "Traceback" not in result.output
    monkeypatch.undo()
    assert log.read_bytes() == before


def test_the_catalogue_is_large_enough():
    assert len(CATALOGUE) >= 40
