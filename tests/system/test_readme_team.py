"""The README's "Voor een team" set-up, run as written (issue 28, item 5): its shell block,
taken from the README itself, against a PostgreSQL server of this test's own, with libpq's
PGHOST/PGPORT pointing at it and PGUSER as its superuser, as a fresh machine would run it."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pgserver
import pytest
from conftest import EXAMPLES, ROOT


def _team_block() -> str:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text[text.index("## Voor een team"):]
    blocks = re.findall(r"```sh\n(.*?)```", section, re.S)
    found = [b for b in blocks if "CREATE ROLE ave_beheer" in b]
    assert len(found) == 1, "the README's team set-up block is not where the test looks"
    return found[0]


def test_the_readme_team_commands_work_as_written(tmp_path):
    try:
        server = pgserver.start()
    except RuntimeError as exc:
        pytest.fail(str(exc), pytrace=False)
    try:
        tools = str(Path(sys.executable).parent)  # ave, as the README's pip install made it
        env = {k: v for k, v in os.environ.items() if not k.startswith(("AVE_", "PG"))}
        env.update(PATH=f"{server.bin}:{tools}:{env['PATH']}", PGHOST="127.0.0.1",
                   PGPORT=str(server.port), PGUSER=pgserver.ADMIN,
                   AVE_CONFIG=str(tmp_path / "none.toml"), AVE_CACHE_DIR=str(tmp_path / "cache"),
                   XDG_DATA_HOME=str(tmp_path / "data"), HOME=str(tmp_path), COLUMNS="100")
        made = subprocess.run(  # fatima's file log, as she kept it before the team had a store
            [sys.executable, "-m", "ave_cli", "triage", "WT-17", "--log", "caselog.toml", "-a",
             str(EXAMPLES / "handreiking" / "ave2.toml"), "--by", "fatima"],
            cwd=tmp_path, env=env, capture_output=True, text=True)
        assert made.returncode == 0, made.stderr
        block = _team_block()
        done = subprocess.run(["bash", "-euo", "pipefail", "-c", block], cwd=tmp_path, env=env,
                              capture_output=True, text=True, timeout=300)
        assert done.returncode == 0, (done.stdout, done.stderr)
        assert "WT-17" in done.stdout  # the report, and the audit, on the store
        rows = server.sql("SELECT team, case_key FROM ave.cases", db="ave")
        assert rows == [("noord", "wt-17")]
        members = server.sql("SELECT r.rolname FROM pg_auth_members m JOIN pg_roles r "
                             "ON r.oid = m.member JOIN pg_roles g ON g.oid = m.roleid "
                             "WHERE g.rolname = 'ave_purger'")
        assert ("piet",) in members and ("fatima",) not in members
    finally:
        server.stop()
