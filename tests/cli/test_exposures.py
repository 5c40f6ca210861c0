"""Say what is unsafe (issue 24, item 7): a log folder anyone may write to, a cache folder that
is a symbolic link or that others may write to, and a log with more than one name are said by
every command (once) and are faults in `ave check`. And no file ave writes (the log, the access
log, the index) is written through a symbolic link."""

from __future__ import annotations

import json
import os

import pytest
from conftest import EXAMPLES

A2 = str(EXAMPLES / "handreiking" / "ave2.toml")


def _expose(kind: str, log, tmp_path, monkeypatch) -> str:
    if kind == "folder":
        log.parent.chmod(0o777)
        return "schrijfbaar voor iedereen"
    if kind == "cache link":
        real = tmp_path / "shared-cache"
        real.mkdir()
        (tmp_path / "cache-link").symlink_to(real)
        monkeypatch.setenv("AVE_CACHE_DIR", str(tmp_path / "cache-link"))
        return "symbolische koppeling"
    if kind == "cache":
        cache = tmp_path / "open-cache"
        cache.mkdir()
        cache.chmod(0o777)
        monkeypatch.setenv("AVE_CACHE_DIR", str(cache))
        return "schrijfbaar voor anderen"
    os.link(log, tmp_path / "kopie.toml")
    return "harde koppelingen"


@pytest.mark.parametrize("kind", ["folder", "cache link", "cache", "links"])
def test_every_command_and_check_say_what_is_unsafe(run, log, tmp_path, monkeypatch, kind):
    assert run("triage", "C-1", "-a", A2).exit_code == 0
    assert run("check").exit_code == 0
    said = _expose(kind, log, tmp_path, monkeypatch)
    shown = run("show", "C-1")
    assert shown.exit_code == 0 and shown.stderr.count(said) == 1, shown.stderr
    checked = run("check", "-f", "json")
    assert checked.exit_code == 1
    assert any(said in p["message"] for p in json.loads(checked.stdout)["problems"])


def test_a_private_folder_says_nothing(run, log):
    assert run("triage", "C-1", "-a", A2).exit_code == 0
    shown = run("show", "C-1")
    assert shown.exit_code == 0 and shown.stderr == ""


# --- no file ave writes is written through a symbolic link (issue 24, item 3, that part) -------

def test_a_log_that_is_a_symlink_is_not_written_through(run, log, tmp_path, monkeypatch):
    elsewhere = tmp_path / "elders.toml"
    assert run("triage", "C-1", "-a", A2, "--log", str(elsewhere)).exit_code == 0
    before = elsewhere.read_bytes()
    log.parent.mkdir(parents=True, exist_ok=True)
    log.symlink_to(elsewhere)
    result = run("triage", "C-2", "-a", A2)
    assert result.exit_code == 1 and "symbolische koppeling" in result.stderr, result.output
    assert result.stderr.count("\n") == 1
    assert elsewhere.read_bytes() == before


def test_an_access_log_that_is_a_symlink_is_not_written_through(run, log, tmp_path):
    assert run("triage", "C-1", "-a", A2).exit_code == 0
    access = log.with_name(log.name + ".toegang")
    access.unlink()
    target = tmp_path / "doel"
    access.symlink_to(target)  # dangling: following it would create another file
    shown = run("show", "C-1")
    assert shown.exit_code == 1 and "er is niets getoond" in shown.stderr, shown.output
    assert not target.exists()


def test_an_index_that_is_a_symlink_is_replaced_not_followed(run, log, tmp_path, monkeypatch):
    from ave_cli.stores.file import caselog

    cache = tmp_path / "cache"
    monkeypatch.setenv("AVE_CACHE_DIR", str(cache))
    assert run("triage", "C-1", "-a", A2).exit_code == 0
    index = caselog.index_path(log, cache)
    assert index is not None and index.exists()
    index.unlink()
    other = tmp_path / "gedeeld" / "index.sqlite"  # dangling: following would make it there
    other.parent.mkdir()
    index.symlink_to(other)
    assert run("show", "C-1").exit_code == 0
    assert not other.exists() and index.is_file() and not index.is_symlink()
