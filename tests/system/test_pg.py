"""The PostgreSQL store against a real server (tests/pgserver.py): the same commands give the
same output as on the file; row-level security and insert-only rights hold from plain SQL;
concurrent and killed writers lose nothing; migrate and export move a log in and out."""

from __future__ import annotations

import contextlib
import json
import os
import signal
import subprocess
import sys
import time
import tomllib
from datetime import UTC
from pathlib import Path

import psycopg
import pytest
from conftest import EXAMPLES, ROOT

from ave_cli.record import logformat
from ave_cli.stores.postgres import admin as pgadmin
from ave_cli.stores.postgres import store as pgstore

A2 = str(EXAMPLES / "handreiking" / "ave2.toml")
A3 = str(EXAMPLES / "handreiking" / "ave3.json")
A1 = str(EXAMPLES / "handreiking" / "ave1.toml")
SAMPLE = ROOT / "examples" / "sample-log.toml"


def _other(url: str, person: str) -> str:
    """The same store as another person."""
    return url.replace("tester@", f"{person}@", 1)


def _sql(url: str, statement: str, params: tuple = ()) -> list[tuple]:
    with psycopg.connect(url, autocommit=True) as conn:
        cur = conn.execute(statement, params)
        return cur.fetchall() if cur.description else []


# --- the same commands on both stores ----------------------------------------------------------

def _scenario(run, tmp_path: Path) -> list[tuple[str, int, str]]:
    batch = tmp_path / "batch.jsonl"
    batch.write_text("".join(json.dumps({"case": f"B-{n}", "problematiek": "enkelvoudig",
                                         "effect": "ja", "meewerken": "ja",
                                         "samenwerking": "goed", "veiligheid": "nee"}) + "\n"
                             for n in range(3)), encoding="utf-8")
    steps = [
        ("triage", "WT-1", "-a", A2, "--casusregisseur", "Wijkteam Zuid", "-f", "json"),
        ("triage", "WT-2", "-a", A3, "-f", "json"),
        ("triage", "WT-3", "-a", A1, "-f", "json"),
        ("escalate", "WT-1", "--role", "procesregie", "--holder", "OGGZ", "--reason", "stagneert",
         "-f", "json"),
        ("escalate", "WT-1", "--to", "AVE3", "--reason", "onrust", "-f", "json"),
        ("deescalate", "WT-1", "--to", "AVE2", "--reason", "rustig", "--yes", "-f", "json"),
        ("close", "WT-3", "--reason", "klaar", "-f", "json"),
        ("triage", "--batch", str(batch), "-f", "json"),
        ("escalate", "WT-9", "--to", "AVE3", "--reason", "x"),  # refused: no such case
        ("show", "WT-1", "-f", "json"),
        ("show", "wt-2", "-f", "json"),
        ("report", "-f", "json"),
        ("report", "--all", "-f", "json"),
        ("reevaluate", "-f", "json"),
        ("export",),
        ("check", "-f", "json"),
        ("purge", "--closed-before", "2030-01-01", "--dry-run", "-f", "json"),
        ("purge", "--closed-before", "2030-01-01", "--yes", "-f", "json"),
        ("show", "WT-3"),
        ("report", "--all", "-f", "json"),
        ("audit", "--case", "WT-1", "-f", "json"),
    ]
    outcomes = []
    for step in steps:
        result = run(*step)
        outcomes.append((" ".join(step[:2]), result.exit_code, result.stdout, result.stderr))
    return outcomes


def _same(text: str, where: str) -> str:
    text = text.replace(where, "<log>")
    try:
        data = json.loads(text)
    except ValueError:
        return text
    if isinstance(data, list):  # the audit: when and who differ by nature (clock, login)
        for row in data:
            if isinstance(row, dict):
                row.pop("when", None)
                row.pop("who", None)
                row.pop("login", None)  # only a store knows the database login
    if isinstance(data, dict):
        data.pop("log", None)
    return json.dumps(data, sort_keys=True)


def test_every_command_gives_the_same_output_on_both_stores(run, pg_url, log, tmp_path,
                                                            monkeypatch):
    """The lifecycle, batch, report, reevaluate, export, check, purge and audit as a script,
    first on a file log, then (same clock, same ids) on a store: the same exit codes, the same
    JSON, the same messages."""
    import itertools
    from datetime import timedelta

    from conftest import T0

    from ave_cli.cli import main as cli

    def fresh_hooks() -> None:
        clock, ids = itertools.count(), itertools.count(1)
        monkeypatch.setitem(cli.hooks, "now", lambda: T0 + timedelta(hours=next(clock)))
        monkeypatch.setitem(cli.hooks, "new_id", lambda: f"d{next(ids):04d}")

    monkeypatch.setenv("AVE_LOG", str(log))
    fresh_hooks()
    on_file = _scenario(run, tmp_path)
    monkeypatch.setenv("AVE_LOG", pg_url)
    fresh_hooks()
    on_store = _scenario(run, tmp_path)
    assert [o[:2] for o in on_file] == [o[:2] for o in on_store]
    assert [o[1] for o in on_file] == [0] * 8 + [2] + [0] * 9 + [2] + [0] * 2, on_file
    for (step, _code, out_f, err_f), (_s, _c, out_s, err_s) in zip(on_file, on_store, strict=True):
        assert _same(out_f, str(log)) == _same(out_s, pg_url), step
        assert _same(err_f, str(log)) == _same(err_s, pg_url), step
    report = json.loads(on_store[11][2])
    assert {c["case"] for c in report["cases"]} == {"WT-1", "WT-2", "B-0", "B-1", "B-2"}
    assert json.loads(on_store[17][2]) == {"cases": 1, "decisions": 2, "dry_run": False,
                                           "closed_before": "2030-01-01"}
    assert "WT-3" in on_store[18][3] and on_store[18][1] == 2  # purged: gone


def test_the_store_keeps_the_record_text_seal_and_chain_per_case(run, pg_url):
    for args in (("triage", "C-1", "-a", A2), ("triage", "C-2", "-a", A2),
                 ("escalate", "C-1", "--to", "AVE3", "--reason", "x")):
        assert run(*args).exit_code == 0
    rows = _sql(pg_url, "SELECT case_key, record, seal, prev, team, written_by, seq "
                        "FROM ave.decisions ORDER BY seq")
    assert [(r[0], r[4], r[5], r[6]) for r in rows] == [("c-1", "noord", "tester", 1),
                                                        ("c-2", "noord", "tester", 2),
                                                        ("c-1", "noord", "tester", 3)]
    records = [json.loads(r[1]) for r in rows]
    assert [logformat.seal(r) for r in records] == [r[2] for r in rows]
    assert [r[3] for r in rows] == ["", "", rows[0][2]]  # each case its own chain
    assert [r.get("prev", "") for r in records] == ["", "", rows[0][2]]


# --- rights and row-level security, from plain SQL --------------------------------------------

def test_a_team_sees_and_writes_only_its_own_cases_also_through_plain_sql(run, pg_url):
    assert run("triage", "N-1", "-a", A2).exit_code == 0  # tester, team noord
    bert = _other(pg_url, "bert")  # team zuid
    assert _sql(bert, "SELECT count(*) FROM ave.decisions") == [(0,)]
    assert _sql(bert, "SELECT count(*) FROM ave.cases") == [(0,)]
    assert _sql(_other(pg_url, "anna"), "SELECT count(*) FROM ave.decisions") == [(1,)]
    record, seal = _sql(pg_url, "SELECT record, seal FROM ave.decisions")[0]
    with pytest.raises(psycopg.errors.InsufficientPrivilege, match="permission denied"):
        _sql(bert, "INSERT INTO ave.decisions (team, seq, id, case_key, record, seal, prev, "
                   "written_by, written_at) VALUES ('noord', 9, 'x', 'n-1', %s, 'y', 'z', "
                   "'bert', now())", (record,))
    shown = run("show", "N-1", "--log", bert)
    assert shown.exit_code == 2 and "staat niet in" in shown.stderr
    # bert's own team's N-1 is another case (ids are per team): nothing of noord's is touched
    result = run("triage", "N-1", "-a", A2, "--log", bert)
    assert result.exit_code == 0, result.output
    assert _sql(pg_url, "SELECT count(*) FROM ave.decisions") == [(1,)]
    assert _sql(bert, "SELECT team, case_key FROM ave.decisions") == [("zuid", "n-1")]


@pytest.mark.parametrize("person", ["tester", "anna", "bert", "ave_eigenaar"])
@pytest.mark.parametrize("statement", [
    "UPDATE ave.decisions SET record = 'x'",
    "DELETE FROM ave.decisions",
    "UPDATE ave.toegang SET result = 'ok'",
    "DELETE FROM ave.toegang",
    "TRUNCATE ave.decisions",
])
def test_nobody_changes_or_deletes_a_decision_or_an_access_record(run, pg_url, person,
                                                                 statement):
    assert run("triage", "N-1", "-a", A2).exit_code == 0
    before = _sql(pg_url, "SELECT record FROM ave.decisions")
    url = _other(pg_url, person)
    try:
        _sql(url, statement)
    except psycopg.errors.InsufficientPrivilege:
        pass
    # refused by the rights, or (for the owner) by FORCE ROW LEVEL SECURITY without update or
    # delete policies and by the insert-only trigger (TRUNCATE)
    assert _sql(pg_url, "SELECT record FROM ave.decisions") == before
    assert _sql(pg_url, "SELECT count(*) FROM ave.toegang")[0][0] >= 1


def test_a_changed_row_is_caught_by_check(run, pg_url, pg_server):
    for args in (("triage", "C-1", "-a", A2), ("escalate", "C-1", "--to", "AVE3", "--reason", "x")):
        assert run(*args).exit_code == 0
    database = pg_url.rsplit("/", 1)[1]
    # only a superuser who switches the triggers off can
    pg_server.sql("SET session_replication_role = replica; "
                  "UPDATE ave.decisions SET record = replace(record, 'AVE3', 'AVE4') "
                  "WHERE seq = 2", db=database)
    result = run("check", "-f", "json")
    assert result.exit_code == 1
    problems = json.loads(result.stdout)["problems"]
    assert [p["line"] for p in problems if p["line"]] == [2]


def test_sharing_lets_another_team_see_and_write_the_case_and_is_recorded(run, pg_url):
    assert run("triage", "Z-1", "-a", A2).exit_code == 0
    bert = _other(pg_url, "bert")
    assert run("show", "Z-1", "--log", bert).exit_code == 2
    shared = run("store", "share", "Z-1", "--team", "zuid")
    assert shared.exit_code == 0 and "gedeeld met team zuid" in shared.stdout
    assert run("show", "Z-1", "--log", bert).exit_code == 0
    assert run("escalate", "Z-1", "--to", "AVE3", "--reason", "x", "--log", bert).exit_code == 0
    assert _sql(pg_url, "SELECT team, written_by FROM ave.decisions ORDER BY seq") == [
        ("noord", "tester"), ("noord", "bert")]
    audit = json.loads(run("audit", "--case", "Z-1", "-f", "json").stdout)
    # bert's look before the share found nothing of noord's: only bert sees that record
    assert [a["action"] for a in audit][:3] == ["triage", "share zuid", "show"]
    again = run("store", "share", "Z-1", "--team", "zuid")
    assert again.exit_code == 0 and "zag casus Z-1 al" in again.stdout
    assert run("store", "share", "Z-1", "--team", "west").exit_code == 2


def test_purge_runs_only_through_the_function_and_records_no_content(run, pg_url):
    for args in (("triage", "P-1", "-a", A2), ("close", "P-1", "--reason", "klaar"),
                 ("triage", "P-2", "-a", A2)):
        assert run(*args).exit_code == 0
    # the function refuses what is not a closed case of the caller's team, also by plain SQL
    assert _sql(pg_url, "SELECT ave.purge(ARRAY['p-2'], 'x', '2030-01-01')") == [(0,)]
    assert _sql(pg_url, "SELECT ave.purge(ARRAY['p-1'], 'x', '2000-01-01')") == [(0,)]
    with pytest.raises(psycopg.errors.InsufficientPrivilege):  # not a purger
        _sql(_other(pg_url, "bert"), "SELECT ave.purge(ARRAY['p-1'], 'x', '2030-01-01')")
    result = run("purge", "--closed-before", "2030-01-01", "--yes")
    assert result.exit_code == 0 and "2 besluiten verwijderd" in result.stdout
    assert _sql(pg_url, "SELECT case_key FROM ave.cases") == [("p-2",)]
    purges = _sql(pg_url, "SELECT by, closed_before, cases, decisions, who, "
                          "first_at IS NOT NULL FROM ave.purges")
    assert purges == [("tester", "2030-01-01", 1, 2, "tester", True)]
    columns = [c for (c,) in _sql(pg_url, "SELECT column_name FROM information_schema.columns "
                                          "WHERE table_name = 'purges'")]
    assert not {"record", "case_key", "case_id", "note"} & set(columns)
    assert run("check").exit_code == 0


# --- two writers, many writers, a killed writer -----------------------------------------------

def test_two_people_naming_a_casusregisseur_at_once_cannot_both_win(run, pg_url):
    """The second decision was made from the case as it was before the first was stored: it
    is refused whole, with a message to look again, and can then be made."""
    from ave_cli.cli import main as cli
    from ave_cli.core.decisions import Who, add_regisseur
    from ave_cli.flows.kapstokken import load_kapstok

    assert run("triage", "R-1", "-a", A2).exit_code == 0
    kapstok = load_kapstok("handreiking")
    mine = pgstore.PgStore(pg_url)
    theirs = pgstore.PgStore(_other(pg_url, "anna"))

    def naming(holder: str, decision_id: str, meanwhile=None):
        def build(view):
            state = view.case("R-1")
            if meanwhile:
                meanwhile()
            who = Who(by=holder, now=cli.hooks["now"](), decision_id=decision_id)
            return [add_regisseur(kapstok, state, "R-1", role="casusregie", holder=holder,
                                  reason="x", who=who).decision]
        return build

    with pytest.raises(Exception, match="zojuist door iemand anders") as refused:
        mine.append(naming("Anna", "mine", lambda: theirs.append(naming("Bert", "theirs"))))
    assert refused.value.exit_code == 1
    rows = _sql(pg_url, "SELECT id FROM ave.decisions ORDER BY seq")
    assert [r[0] for r in rows][1:] == ["theirs"]
    shown = json.loads(run("show", "R-1", "-f", "json").stdout)
    assert shown["casusregisseur"] == "Bert"
    mine.append(naming("Anna", "mine-again"))  # looked again: now it can be made
    assert run("check").exit_code == 0


def test_a_batch_that_meets_another_writer_pieces_later_stores_nothing(run, pg_url):
    """A batch is written a piece at a time in a pipeline: a case another person created while
    the batch was being made is refused when its piece reaches the server, the whole batch with
    it, and the message names that case."""
    from datetime import datetime

    from ave_cli.core.decisions import triage
    from ave_cli.flows.kapstokken import load_kapstok

    kapstok = load_kapstok("handreiking")
    answers = json.loads((EXAMPLES / "handreiking" / "ave3.json").read_text(encoding="utf-8"))
    answers.pop("case", None)
    answers = {q.key: answers.get(q.key, q.default) for q in kapstok.questions}
    ids = [f"L-{n:04d}" for n in range(5000)]
    theirs = pgstore.PgStore(_other(pg_url, "anna"))

    def made(decision_id: str, case: str):
        return triage(kapstok, answers, case=case, state=None, decision_id=decision_id,
                      now=datetime.now(UTC), by="tester").decision

    def build(view):
        view.cases_of(ids)
        for n, case in enumerate(ids):
            if n == 4500:  # pieces 1 and 2 are with the server; 4700 is in piece 3
                theirs.append(lambda other: [made("theirs", "L-4700")])
            yield made(f"mine-{n}", case)

    with pytest.raises(Exception, match="casus L-4700 is zojuist door iemand anders"):
        pgstore.PgStore(pg_url).append(build)
    assert _sql(pg_url, "SELECT id FROM ave.decisions") == [("theirs",)]
    assert _sql(pg_url, "SELECT case_key FROM ave.cases") == [("l-4700",)]
    assert run("check").exit_code == 0


def test_ctrl_c_during_a_batch_into_the_store_saves_all_or_nothing_and_says_which(run, pg_url,
                                                                               tmp_path):
    """A batch of two pieces (the pipeline) sent SIGINT at random moments: it finished, or it was
    saved whole before the interrupt and says so, or nothing of it is in the store and it says
    that; never a traceback, never half a batch."""
    import random

    env = {**os.environ, "AVE_LOG": pg_url, "AVE_CACHE_DIR": str(tmp_path / "cache"),
           "AVE_CONFIG": str(tmp_path / "c.toml"), "AVE_BY": "tester", "NO_COLOR": "1",
           "COLUMNS": "100", "PYTHONPATH": str(ROOT)}
    rng = random.Random(5)
    outcomes = {"finished": 0, "saved": 0, "nothing saved": 0}
    for n in range(14):
        batch = tmp_path / f"batch-{n}.jsonl"
        batch.write_text("".join(json.dumps({"case": f"I{n}-{k}", "problematiek": "meervoudig",
                                             "effect": "ja", "meewerken": "ja",
                                             "samenwerking": "goed", "veiligheid": "nee"}) + "\n"
                                 for k in range(3000)), encoding="utf-8")
        child = subprocess.Popen(
            [sys.executable, "-m", "ave_cli", "triage", "--batch", str(batch)], env=env,
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT,
            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
        time.sleep(rng.uniform(0.3, 2.0))
        with contextlib.suppress(ProcessLookupError):
            child.send_signal(signal.SIGINT)
        _out, err = child.communicate(timeout=120)
        assert "Traceback" not in err and err.count("\n") <= 1, err
        stored = _sql(pg_url, "SELECT count(*) FROM ave.decisions WHERE case_key LIKE %s",
                      (f"i{n}-%",))[0][0]
        if child.returncode == 0:
            outcomes["finished"] += 1
            assert stored == 3000
        elif "al opgeslagen" in err:
            assert child.returncode == 130 and stored == 3000, (child.returncode, err)
            outcomes["saved"] += 1
        else:
            assert child.returncode == 130 and "niets opgeslagen" in err, (child.returncode, err)
            assert stored == 0, err
            outcomes["nothing saved"] += 1
    assert outcomes["nothing saved"] and outcomes["finished"] + outcomes["saved"], outcomes
    assert run("check").exit_code == 0


def _writer(url: str, name: str, count: int) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, str(ROOT / "tests" / "writer.py"), url, "-",
                             name, str(count)], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)})


def test_eight_writers_of_two_hundred_decisions_lose_nothing(run, pg_url):
    writers = [_writer(pg_url, f"w{n}", 200) for n in range(8)]
    for w in writers:
        out, err = w.communicate(timeout=600)
        assert w.returncode == 0, err
        assert out.count("saved ") == 200
    ids = {i for (i,) in _sql(pg_url, "SELECT id FROM ave.decisions")}
    assert ids == {f"w{n}-{i:05d}" for n in range(8) for i in range(200)}
    checked = run("check", "-f", "json")
    assert checked.exit_code == 0 and json.loads(checked.stdout)["decisions"] == 1600


def test_a_writer_killed_mid_transaction_leaves_nothing_half_written(run, pg_url):
    """SIGKILL at several moments: every decision a writer said was saved is there, each case's
    chain and the case rows still agree with the decisions (ave check)."""
    said: set[str] = set()
    for n, delay in enumerate((0.3, 0.6, 0.9, 1.2)):
        child = _writer(pg_url, f"k{n}", 100000)
        assert child.stdout is not None
        assert child.stdout.readline() == "ready\n"
        time.sleep(delay)
        child.send_signal(signal.SIGKILL)
        out, _err = child.communicate(timeout=60)
        said |= {line.split()[1] for line in out.splitlines() if line.startswith("saved ")}
    stored = {i for (i,) in _sql(pg_url, "SELECT id FROM ave.decisions")}
    assert said <= stored and len(stored) - len(said) <= 4  # at most the one in flight, each
    assert said
    checked = run("check", "-f", "json")
    assert checked.exit_code == 0, checked.stdout


# --- moving in and out ------------------------------------------------------------------------

def test_migrate_copies_a_file_log_once_and_export_gives_it_back(run, pg_url, tmp_path):
    sample = tmp_path / "sample.toml"
    sample.write_bytes(SAMPLE.read_bytes())
    first = run("migrate", "--log", str(sample), "--to", pg_url, "-f", "json")
    assert first.exit_code == 0, first.output
    data = json.loads(first.stdout)
    assert data["added"] == data["decisions"] > 40 and data["chain_ok"]
    again = json.loads(run("migrate", "--log", str(sample), "--to", pg_url, "-f", "json").stdout)
    assert again["added"] == 0 and again["decisions"] == data["decisions"]
    back = tmp_path / "back.toml"
    assert run("export", "--format", "toml", "--output", str(back)).exit_code == 0
    assert oct(back.stat().st_mode & 0o777) == "0o600"
    assert run("check", "--log", str(back)).exit_code == 0
    original = [r["id"] for r in tomllib.loads(SAMPLE.read_text(encoding="utf-8"))["decision"]]
    returned = [r["id"] for r in tomllib.loads(back.read_text(encoding="utf-8"))["decision"]]
    assert returned == original
    on_file = json.loads(run("report", "--all", "-f", "json", "--log", str(sample)).stdout)
    on_store = json.loads(run("report", "--all", "-f", "json").stdout)
    on_file.pop("log", None)
    on_store.pop("log", None)
    assert on_file == on_store


# --- what goes wrong, in one line ---------------------------------------------------------------

def test_init_twice_changes_nothing(pg_url, pg_server):
    owner = _other(pg_url, "ave_eigenaar")
    assert pgadmin.init(owner) == (3, 3, [])
    assert _sql(owner, "SELECT value FROM ave.meta") == [("3",)]


@pytest.mark.parametrize("address, message, code", [
    ("postgresql://tester:geheim@127.0.0.1:1/ave", "geen wachtwoord", 2),
    ("postgresql://tester@127.0.0.1:1/ave", "niet bereikbaar", 1),
    ("postgresql://tester@127.0.0.1:1/ave?sslmode=bogus", "invalid sslmode", 1),
    ("postgresql://[::1/ave", "geen geldig", 2),
])
def test_a_bad_address_is_one_line(run, address, message, code):
    result = run("show", "C-1", "--log", address)
    assert result.exit_code == code and message in result.stderr, result.output
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.output


def test_an_uninitialised_store_says_how_to_set_it_up(run, pg_server):
    url = pg_server.fresh_database(f"leeg{os.getpid()}")
    result = run("report", "--log", url)
    assert result.exit_code == 1 and "ave store init" in result.stderr
    pgstore.close_all()


def test_who_is_in_no_team_or_in_two_is_told_what_to_do(run, pg_url, pg_server):
    pg_server.sql("CREATE ROLE los LOGIN")
    lost = run("triage", "L-1", "-a", A2, "--log", _other(pg_url, "los"))
    assert lost.exit_code == 2 and "GRANT <team> TO los" in lost.stderr
    pg_server.sql("GRANT zuid TO anna")
    try:
        anna = _other(pg_url, "anna")
        both = run("triage", "L-1", "-a", A2, "--log", anna)
        assert both.exit_code == 2 and "--team" in both.stderr
        chosen = run("triage", "L-1", "-a", A2, "--log", anna, "--team", "zuid")
        assert chosen.exit_code == 0, chosen.output
        assert _sql(anna, "SELECT team FROM ave.decisions") == [("zuid",)]
        assert run("triage", "L-2", "-a", A2, "--team", "zuid").exit_code == 2
    finally:
        pg_server.sql("REVOKE zuid FROM anna")


def test_check_finds_a_case_row_changed_outside_ave(run, pg_url, pg_server):
    assert run("triage", "C-1", "-a", A2).exit_code == 0
    assert run("check").exit_code == 0
    database = pg_url.rsplit("/", 1)[1]
    pg_server.sql("UPDATE ave.cases SET phase = 'AVE4', "
                  "state = replace(state, '\"AVE2\"', '\"AVE4\"')", db=database)
    result = run("check", "-f", "json")
    assert result.exit_code == 1
    assert "ave.cases" in json.loads(result.stdout)["problems"][0]["message"]


def test_the_evaluation_report_of_one_team(run, pg_url, tmp_path, pg_server):
    assert run("triage", "N-1", "-a", A2).exit_code == 0
    out = tmp_path / "noord.html"
    done = run("report", "--format", "html", "--output", str(out), "--team", "noord",
               "--detail")
    assert done.exit_code == 0, done.output
    assert "N-1" in out.read_text(encoding="utf-8")
    refused = run("report", "--format", "html", "--output", str(tmp_path / "z.html"),
                  "--team", "zuid")
    assert refused.exit_code == 2 and "geen lid van team 'zuid'" in refused.stderr
    assert not (tmp_path / "z.html").exists()
