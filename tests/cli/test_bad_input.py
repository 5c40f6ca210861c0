"""The bad-input catalogue: every entry must give exit code 1 or 2, exactly one line on stderr
without a traceback, and leave the log byte for byte as it was."""

from __future__ import annotations

import errno
import os
import tomllib
from pathlib import Path

import pytest
from conftest import EXAMPLES

from ave_cli.stores.file import caselog

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


def fifo(name: str):
    def make(tmp: Path) -> str:
        path = tmp / name
        os.mkfifo(path)  # nobody writes to it: opening it for reading would hang
        return str(path)

    return make


def config_is(make):
    def prepare(log: Path, tmp: Path, monkeypatch) -> None:
        monkeypatch.setenv("AVE_CONFIG", make(tmp))

    return prepare


def log_is(where):
    def prepare(log: Path, tmp: Path, monkeypatch) -> None:
        monkeypatch.setenv("AVE_LOG", where(tmp))

    return prepare


KAPSTOK_TEXT = (EXAMPLES.parent.parent / "config" / "handreiking.toml").read_text(encoding="utf-8")
DEEP_TOML = "a = " + "[" * 3000 + "]" * 3000 + "\n"
DEEP_JSON = '{"problematiek": ' + "[" * 3000 + "]" * 3000 + "}"
BIG = 2 * 1024 * 1024
A1 = str(H / "ave1.toml")

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
    ("answers: a key twice in JSON", None, lambda t: ["triage", "C-2", "-a", file(
        "a.json", '{"problematiek": "geen", "problematiek": "complex", '
        '"effect": "ja", "meewerken": "ja", "samenwerking": "goed", "veiligheid": "nee"}')(t)]),
    ("answers: a 5,000-digit number in JSON", None, lambda t: ["triage", "C-2", "-a", file(
        "a.json", '{"problematiek": ' + "7" * 5000 + "}")(t)]),
    ("answers: a 5,000-digit number in TOML", None, lambda t: ["triage", "C-2", "-a", file(
        "a.toml", "problematiek = " + "7" * 5000 + "\n")(t)]),
    ("answers: NaN in JSON", None, lambda t: ["triage", "C-2", "-a", file(
        "a.json", '{"problematiek": NaN}')(t)]),
    ("answers: nested five deep", None, lambda t: ["triage", "C-2", "-a", file(
        "a.json", '{"signalen": [[[["agressie"]]]]}')(t)]),
    ("batch: a key twice on a line", None, lambda t: ["triage", "--batch", file(
        "b.jsonl", '{"case": "B-1", "problematiek": "geen", "problematiek": "complex", '
        '"effect": "ja", "meewerken": "ja", "samenwerking": "goed", "veiligheid": "nee"}\n')(t)]),
    ("batch: a 5,000-digit number", None, lambda t: ["triage", "--batch", file(
        "b.jsonl", '{"case": ' + "7" * 5000 + "}\n")(t)]),
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
    ("log: other format version", damage_log(lambda b: b.replace(b"format = 3", b"format = 7", 1)),
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
    # --- issue 11: a BSN however it is written, wherever it enters ---------------------------
    ("bsn: case id with dashes", None, lambda t: ["triage", "123-456-782", "-a", A1]),
    ("bsn: case id with underscores", None, lambda t: ["triage", "123_456_782", "-a", A1]),
    ("bsn: case id in full-width digits", None, lambda t: ["triage", "１２３４５６７８２", "-a", A1]),
    ("bsn: case in an answers file", None,
     lambda t: ["triage", "-a", file("a.toml", VALID + 'case = "123.456.782"\n')(t)]),
    ("bsn: case in a batch row", None,
     lambda t: ["triage", "--batch", file("b.jsonl", '{"case": "12.34.56.782"}\n')(t)]),
    ("bsn: note with spaces", None, lambda t: ["triage", "C-2", "-a", A1, "--note",
                                               "bsn 123 456 782"]),
    ("bsn: note with no-break spaces", None, lambda t: ["triage", "C-2", "-a", A1, "--note",
                                                        "123\u00a0456\u00a0782"]),
    ("bsn: note with en dashes", None, lambda t: ["triage", "C-2", "-a", A1, "--note",
                                                  "123\u2013456\u2013782"]),
    ("bsn: note with slashes and tabs", None, lambda t: ["triage", "C-2", "-a", A1, "--note",
                                                         "12/34\t56/782"]),
    ("bsn: note with commas", None, lambda t: ["triage", "C-2", "-a", A1, "--note",
                                               "nummer 123,456,782 genoemd"]),
    ("bsn: note file in full-width digits", None,
     lambda t: ["triage", "C-2", "-a", A1, "--note-file", file("n.txt", "１２３ ４５６ ７８２")(t)]),
    ("bsn: reason file", None,
     lambda t: ["close", "C-1", "--reason-file", file("r.txt", "bsn: 123-456-782\n")(t)]),
    ("bsn: motivation with dots", None,
     lambda t: ["triage", "C-2", "-a", str(H / "ave2.toml"), "--phase", "AVE3", "--motivation",
                "zie 123.456.782"]),
    ("bsn: holder", None, lambda t: ["escalate", "C-1", "--role", "procesregie", "--holder",
                                     "OGGZ 123 456 782", "--reason", "x"]),
    ("bsn: by", None, lambda t: ["triage", "C-2", "-a", A1, "--by", "Jan 123-456-782"]),
    ("bsn: decided by", None, lambda t: ["escalate", "C-1", "--to", "AVE4", "--reason", "x",
                                         "--decided-by", "123_456_782"]),
    ("bsn: in overleg met, full-width", None,
     lambda t: ["escalate", "C-1", "--to", "AVE4", "--reason", "x", "--in-overleg-met",
                "１２３４５６７８２"]),
    ("bsn: kapstok version", None,
     lambda t: ["triage", "C-2", "-a", A1, "-k", file("k.toml", KAPSTOK_TEXT.replace(
         'version = "', 'version = "123.456.782-', 1))(t)]),
    ("bsn: kapstok text", None,
     lambda t: ["kapstok", "-k", file("k.toml", KAPSTOK_TEXT.replace(
         'title = "', 'title = "bsn 123 456 782 ', 1))(t)]),
    # --- issue 11: only regular files, and nothing hangs -------------------------------------
    ("file: answers is a FIFO", None, lambda t: ["triage", "C-2", "-a", fifo("a.toml")(t)]),
    ("file: answers is /dev/zero", None, lambda t: ["triage", "C-2", "-a", "/dev/zero"]),
    ("file: kapstok is a FIFO", None, lambda t: ["kapstok", "-k", fifo("k.toml")(t)]),
    ("file: kapstok is /dev/zero", None, lambda t: ["kapstok", "-k", "/dev/zero"]),
    ("file: note file is a FIFO", None,
     lambda t: ["triage", "C-2", "-a", A1, "--note-file", fifo("n.txt")(t)]),
    ("file: note file is a folder", None,
     lambda t: ["triage", "C-2", "-a", A1, "--note-file", str(t)]),
    ("file: reason file is /dev/zero", None, lambda t: ["close", "C-1", "--reason-file",
                                                        "/dev/zero"]),
    ("file: batch is a FIFO", None, lambda t: ["triage", "--batch", fifo("b.csv")(t)]),
    ("file: config is a FIFO", config_is(fifo("config.toml")), lambda t: ["report"]),
    ("file: config is a folder", config_is(lambda t: str(t)), lambda t: ["report"]),
    ("file: log is a FIFO", log_is(fifo("log.toml")), lambda t: ["report"]),
    ("file: log is /dev/full", log_is(lambda t: "/dev/full"), lambda t: ["close", "C-1",
                                                                         "--reason", "x"]),
    ("file: log is /dev/null for check", log_is(lambda t: "/dev/null"), lambda t: ["check"]),
    ("file: answers over the size limit", None,
     lambda t: ["triage", "C-2", "-a", file("a.toml", VALID + "#" * BIG)(t)]),
    ("file: note file over the size limit", None,
     lambda t: ["triage", "C-2", "-a", A1, "--note-file", file("n.txt", "x" * BIG)(t)]),
    ("file: answers from stdin over the limit", None,
     lambda t: ["triage", "C-2", "-a", "-", "--note", "x"], ),
    # --- issue 11: no tracebacks --------------------------------------------------------------
    ("deep: kapstok TOML", None, lambda t: ["kapstok", "-k", file("k.toml", DEEP_TOML)(t)]),
    ("deep: config TOML", config_is(file("config.toml", DEEP_TOML)), lambda t: ["report"]),
    ("deep: answers TOML", None, lambda t: ["triage", "C-2", "-a", file("a.toml", DEEP_TOML)(t)]),
    ("deep: answers JSON", None, lambda t: ["triage", "C-2", "-a", file("a.json", DEEP_JSON)(t)]),
    ("deep: batch TOML", None, lambda t: ["triage", "--batch", file("b.toml", DEEP_TOML)(t)]),
    ("deep: batch JSON Lines", None,
     lambda t: ["triage", "--batch", file("b.jsonl", DEEP_JSON + "\n")(t)]),
    ("lock timeout: nan", None, lambda t: ["close", "C-1", "--reason", "x", "--lock-timeout",
                                           "nan"]),
    ("lock timeout: inf", None, lambda t: ["close", "C-1", "--reason", "x", "--lock-timeout",
                                           "inf"]),
    ("lock timeout: a year", None, lambda t: ["close", "C-1", "--reason", "x", "--lock-timeout",
                                              "31536000"]),
    # --- issue 11: text that could disguise itself on a colleague's screen -------------------
    ("text: left-to-right mark in a note", None,
     lambda t: ["triage", "C-2", "-a", A1, "--note", "a\u200eb"]),
    ("text: right-to-left mark in a reason", None,
     lambda t: ["close", "C-1", "--reason", "a\u200fb"]),
    ("text: Arabic letter mark in a holder", None,
     lambda t: ["escalate", "C-1", "--role", "procesregie", "--holder", "A\u061cB",
                "--reason", "x"]),
    ("text: zero-width space in --by", None,
     lambda t: ["triage", "C-2", "-a", A1, "--by", "Jan\u200bde Vries"]),
    ("text: zero-width joiner in decided-by", None,
     lambda t: ["escalate", "C-1", "--to", "AVE4", "--reason", "x", "--decided-by", "A\u200dB"]),
    ("text: isolate in in-overleg-met", None,
     lambda t: ["escalate", "C-1", "--to", "AVE4", "--reason", "x", "--in-overleg-met",
                "\u2066Politie\u2069"]),
    ("text: bidi override in a kapstok", None,
     lambda t: ["kapstok", "-k", file("k.toml", KAPSTOK_TEXT.replace(
         'title = "', 'title = "\u202e', 1))(t)]),
]


_TWO_CASES: dict[str, bytes] = {}  # the log (and its access log) the first provoke made


def provoke(run, log: Path, tmp_path: Path, monkeypatch, prepare, args):
    """A log with an open and a closed case, the entry's preparation, then its command.
    Returns the result and the log's bytes just before the command. The log is made by ave
    once; each later entry starts from a copy of it (the same bytes, made the same way)."""
    access = log.with_name(log.name + ".toegang")
    if not _TWO_CASES:
        assert run("triage", "C-1", "-a", str(H / "ave3.json"), "--note",
                   "notitie 0").exit_code == 0
        assert run("triage", "C-0", "-a", str(H / "ave1.toml")).exit_code == 0
        assert run("close", "C-0", "--reason", "klaar").exit_code == 0
        _TWO_CASES.update(log=log.read_bytes(), access=access.read_bytes())
    else:
        log.parent.mkdir(parents=True, exist_ok=True)
        for path, kept in ((log, _TWO_CASES["log"]), (access, _TWO_CASES["access"])):
            path.write_bytes(kept)
            path.chmod(0o600)
    if prepare:
        prepare(log, tmp_path, monkeypatch)
    before = log.read_bytes()
    arguments = args(tmp_path)
    stdin = "x" * BIG if arguments[-3:-1] == ["-", "--note"] else None
    return run(*arguments, input=stdin), before


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
    assert len(CATALOGUE) >= 100


MOUNTS = """\
/dev/sda1 / ext4 rw,relatime 0 0
server:/export /mnt/share nfs4 rw,relatime 0 0
//nas/team\\040wijk /mnt/team\\040wijk cifs rw 0 0
tmpfs /mnt/share/local tmpfs rw 0 0
"""


@pytest.mark.parametrize(("path", "kind"), [
    ("/home/anna/caselog.toml", "ext4"),
    ("/mnt/share/ave/caselog.toml", "nfs4"),
    ("/mnt/share", "nfs4"),
    ("/mnt/shared/caselog.toml", "ext4"),  # a longer name is not inside /mnt/share
    ("/mnt/share/local/caselog.toml", "tmpfs"),  # the longest mount point wins
    ("/mnt/team wijk/caselog.toml", "cifs"),  # a space in the mount point
])
def test_the_file_system_of_a_path(path, kind):
    from pathlib import Path

    from ave_cli.stores.file.store import filesystem_of

    assert filesystem_of(Path(path), MOUNTS) == kind


def test_a_log_on_a_network_drive_gets_a_warning(run, log, tmp_path, monkeypatch):
    """Mounting NFS needs a server; the mount table is what ave reads, so the test gives it one
    where the log's folder is a CIFS share, then the real one, where it is local."""
    from ave_cli.stores.file import store

    folder = tmp_path / "share"
    folder.mkdir()
    table = tmp_path / "mounts"
    table.write_text(f"/dev/sda1 / ext4 rw 0 0\n//nas/ave {folder.resolve()} cifs rw 0 0\n",
                     encoding="utf-8")
    monkeypatch.setattr(store, "MOUNTS", table)
    result = run("report", "--log", str(folder / "caselog.toml"))
    assert result.exit_code == 0
    assert "staat op een netwerkschijf (cifs)" in result.stderr
    assert len([line for line in result.stderr.splitlines() if "netwerkschijf" in line]) == 1
    monkeypatch.setattr(store, "MOUNTS", store.Path("/proc/mounts"))
    assert "netwerkschijf" not in run("report", "--log", str(folder / "caselog.toml")).stderr


@pytest.mark.parametrize("case", ["C-1\n", "C-1\r", "C-1 ", "C\u200b-1", "\uff23-1", "C-١"])
def test_a_case_id_is_the_whole_text_in_ascii(run, log, case):
    """A case id that only looks like a valid one (a final newline, an invisible or full-width
    character) is never recorded: it would be a second case that prints as the first. Around
    it, as pasted, spaces and line ends are trimmed by the command line (issue 28); inside or
    instead of it, the id is refused."""
    from ave_cli.core.decisions import check_case_id
    from ave_cli.core.messages import AveError

    with pytest.raises(AveError):
        check_case_id(case)
    result = run("triage", case, "-a", str(EXAMPLES / "handreiking" / "ave2.toml"))
    if case.strip() == "C-1":
        assert result.exit_code == 0, result.output
        assert tomllib.loads(log.read_text(encoding="utf-8"))["decision"][0]["case"] == "C-1"
        return
    assert result.exit_code == 2 and "ongeldig" in result.stderr, result.output
    assert not log.exists()
