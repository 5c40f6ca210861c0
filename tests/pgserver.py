"""A real PostgreSQL server for the tests: initdb and pg_ctl from the installed binaries (Debian's
`postgresql` package), in a temporary folder, on a free local port, as an unprivileged user when
the tests run as root (the server refuses to run as root). Never a mock.

    python tests/pgserver.py   # start one by hand and print its address (stop with Ctrl-C)
"""

from __future__ import annotations

import contextlib
import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

INSTALL = ("no PostgreSQL server binaries (initdb, pg_ctl) were found: install them with "
           "'apt-get install postgresql' (Debian), or put their folder on PATH; "
           ".ci/run installs them when they are missing")
ADMIN = "pgadmin"  # the cluster's superuser: only the fixture uses it
OWNER = "ave_eigenaar"  # owns the database and runs `ave store init`


def bindir() -> Path | None:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"),
                   key=lambda p: int(Path(p).parts[-3]) if Path(p).parts[-3].isdigit() else 0)
    if found:
        return Path(found[-1]).parent
    initdb = shutil.which("initdb")
    return Path(initdb).parent if initdb else None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _as_user() -> pwd.struct_passwd | None:
    if os.geteuid() != 0:
        return None
    for name in ("postgres", "nobody"):
        with contextlib.suppress(KeyError):
            return pwd.getpwnam(name)
    raise RuntimeError("running as root and no unprivileged user (postgres, nobody) to run "
                       "the PostgreSQL server as")


@dataclass
class Server:
    folder: Path
    port: int
    bin: Path
    user: pwd.struct_passwd | None

    def url(self, role: str = OWNER, db: str = "ave") -> str:
        return f"postgresql://{role}@127.0.0.1:{self.port}/{db}"

    def _run(self, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        user = self.user

        def drop() -> None:
            if user is not None:
                os.setgid(user.pw_gid)
                os.setuid(user.pw_uid)

        return subprocess.run(args, preexec_fn=drop, capture_output=True, text=True,
                              check=check, timeout=120, cwd=self.folder)

    def sql(self, statement: str, *, role: str = ADMIN, db: str = "postgres") -> list[tuple]:
        import psycopg

        with psycopg.connect(self.url(role, db), autocommit=True) as conn:
            cur = conn.execute(statement)
            return cur.fetchall() if cur.description else []

    def fresh_database(self, name: str) -> str:
        """A new empty database owned by OWNER; its address for OWNER."""
        self.sql(f'CREATE DATABASE "{name}" OWNER {OWNER}')
        return self.url(OWNER, name)

    def stop(self) -> None:
        self._run(str(self.bin / "pg_ctl"), "-D", str(self.folder / "data"), "-m", "immediate",
                  "stop", check=False)
        shutil.rmtree(self.folder, ignore_errors=True)


def start() -> Server:
    where = bindir()
    if where is None:
        raise RuntimeError(INSTALL)
    user = _as_user()
    folder = Path(tempfile.mkdtemp(prefix="ave-pg-"))
    os.chmod(folder, 0o755)
    if user is not None:
        os.chown(folder, user.pw_uid, user.pw_gid)
    server = Server(folder, _free_port(), where, user)
    try:
        server._run(str(where / "initdb"), "-D", str(folder / "data"), "-U", ADMIN,
                    "--auth=trust", "-E", "UTF8", "--locale=C")
        options = (f"-p {server.port} -k {folder} -c listen_addresses=127.0.0.1 "
                   "-c fsync=off -c max_connections=60")
        server._run(str(where / "pg_ctl"), "-D", str(folder / "data"), "-o", options,
                    "-l", str(folder / "server.log"), "-w", "-t", "60", "start")
    except (subprocess.CalledProcessError, OSError) as exc:
        log = (folder / "server.log")
        detail = getattr(exc, "stderr", "") or (log.read_text() if log.exists() else "")
        shutil.rmtree(folder, ignore_errors=True)
        raise RuntimeError(f"the PostgreSQL server did not start: {exc}; {detail.strip()}"
                           ) from None
    for _ in range(50):
        with contextlib.suppress(Exception):
            server.sql(f"CREATE ROLE {OWNER} LOGIN CREATEROLE")
            break
        time.sleep(0.1)
    return server


if __name__ == "__main__":
    running = start()
    print(running.fresh_database("ave"), flush=True)
    try:
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        running.stop()
