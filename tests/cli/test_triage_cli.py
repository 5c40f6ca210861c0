"""`ave triage` and `ave kapstok` as a user runs them."""

from __future__ import annotations

import json
import tomllib

import pytest
from conftest import EXAMPLES

EXPECTED = [
    ("handreiking", "ave1.toml", "AVE1", "Geen (inwoner heeft zelfregie)", "Wethouder"),
    ("handreiking", "ave2.toml", "AVE2", "Gemeente of uitvoeringsorganisatie",
     "Wethouder"),
    ("handreiking", "ave2-procesregie.toml", "AVE2",
     "Gemeente of uitvoeringsorganisatie", "Wethouder"),
    ("handreiking", "ave3.json", "AVE3", "Gemeente of uitvoeringsorganisatie",
     "Burgemeester en wethouder"),
    ("handreiking", "ave4.toml", "AVE4", "Gemeente of uitvoeringsorganisatie", "Burgemeester"),
    ("westerkwartier", "fase-0.toml", "0", "Inwoner (zelfregie)", "n.v.t."),
    ("westerkwartier", "fase-1.toml", "1", "Inwoner", "Wethouder"),
    ("westerkwartier", "fase-2a.toml", "2A", "Zorgverlener / professionele organisatie",
     "Wethouder"),
    ("westerkwartier", "fase-2b.json", "2B", "Jeugdconsulent gemeente", "Wethouder"),
    ("westerkwartier", "fase-3.toml", "3", "Zorgverlener / professionele organisatie / Jeugd",
     "College van B&W: portefeuillehouder van de dominante problematiek (Jeugdwet, Wmo, OOV)"),
    ("westerkwartier", "fase-4.toml", "4", "Jeugdconsulent gemeente (in overleg en afstemming)",
     "Burgemeester en wethouders"),
]


def test_every_example_file_is_covered():
    files = {(p.parent.name, p.name) for p in EXAMPLES.glob("*/*") if p.is_file()}
    assert files == {(k, f) for k, f, *_ in EXPECTED}


@pytest.mark.parametrize(("kapstok", "file", "phase", "casusregie", "bestuurlijk"), EXPECTED)
def test_examples_give_the_model_phase_and_roles(run, log, kapstok, file, phase, casusregie,
                                                 bestuurlijk):
    result = run("triage", "C-1", "--answers", str(EXAMPLES / kapstok / file), "-k", kapstok,
                 "--format", "json", "--dry-run")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["phase"] == data["advised_phase"] == phase
    assert data["roles"]["casusregie"] == casusregie
    assert data["roles"]["bestuurlijk"] == bestuurlijk
    assert data["decision_id"] is None
    assert data["kapstok"]["name"] == kapstok and len(data["kapstok"]["sha256"]) == 64
    assert not log.exists()


def test_json_output_shape(run, log):
    result = run("triage", "C-1", "-a", str(EXAMPLES / "handreiking" / "ave2-procesregie.toml"),
                 "-f", "json")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert set(data) >= {"case", "phase", "advised_phase", "previous_phase", "kapstok", "reasons",
                         "roles", "advice", "decision_id"}
    assert set(data["roles"]) == {"casusregie", "procesregie", "operationeel", "bestuurlijk",
                                  "in_overleg_met"}
    assert data["decision_id"] == "d0001"
    assert data["previous_phase"] is None
    assert data["advice"] == [
        "Voeg een procesregisseur toe (verticale opschaling, de fase blijft AVE2).",
        "Betrek de operationeel verantwoordelijke(n) van de organisaties: die spreekt de "
        "medewerker aan op zijn rol en verantwoordelijkheid.",
        "Signalen voor opschaling: bespreek (verticaal) opschalen; bij twijfel altijd opschalen "
        "(principe 3)."]
    assert result.stderr == ""


def test_text_output_and_the_previous_phase(run, log):
    first = run("triage", "C-1", "-a", str(EXAMPLES / "handreiking" / "ave2.toml"))
    assert first.exit_code == 0
    assert "Fase ● AVE 2 (geel)" in first.stdout and "opgeslagen als besluit d0001" in first.stdout
    second = run("triage", "C-1", "-a", str(EXAMPLES / "handreiking" / "ave4.toml"))
    assert "Vorige fase: AVE2  →  opschaling" in second.stdout
    assert "Dit is de hoogste fase." in second.stdout
    third = run("triage", "C-1", "-a", str(EXAMPLES / "handreiking" / "ave1.toml"), "-f", "json")
    data = json.loads(third.stdout)
    assert (data["previous_phase"], data["direction"]) == ("AVE4", "afschaling")


def test_the_log_holds_every_decision_in_order(run, log):
    files = ["ave1.toml", "ave2.toml", "ave3.json", "ave4.toml", "ave2-procesregie.toml"]
    prefix = b""
    for n, name in enumerate(files):
        result = run("triage", f"C-{n % 2}", "-a", str(EXAMPLES / "handreiking" / name),
                     "--note", f"notitie {n}")
        assert result.exit_code == 0, result.output
        data = log.read_bytes()
        assert data.startswith(prefix)
        prefix = data
    records = tomllib.loads(log.read_text(encoding="utf-8"))["decision"]
    assert [r["note"] for r in records] == [f"notitie {n}" for n in range(5)]
    assert [r["phase_after"] for r in records] == ["AVE1", "AVE2", "AVE3", "AVE4", "AVE2"]
    third = records[2]
    assert third["phase_before"] == "AVE1" and third["axis"] == "horizontal"
    assert third["kapstok"]["name"] == "handreiking" and third["by"] == "tester"
    assert third["answers"]["problematiek"] == "complex"
    assert third["signals"] == ["agressie", "middelen", "hulp_geweigerd"]
    assert str(third["time"]) == "2026-03-02 11:30:00+01:00"


def test_answers_from_stdin(run, log):
    answers = (EXAMPLES / "handreiking" / "ave3.json").read_text(encoding="utf-8")
    result = run("triage", "C-9", "--answers", "-", "-f", "json", "--dry-run", input=answers)
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["phase"] == "AVE3"


def test_case_id_may_come_from_the_answers_file(run, log, tmp_path):
    path = tmp_path / "a.toml"
    path.write_text('case = "WT-3"\n' + (EXAMPLES / "handreiking" / "ave1.toml").read_text(),
                    encoding="utf-8")
    result = run("triage", "-a", str(path), "-f", "json", "--dry-run")
    assert json.loads(result.stdout)["case"] == "WT-3"


def test_another_phase_needs_a_motivation_and_both_are_recorded(run, log):
    answers = str(EXAMPLES / "handreiking" / "ave2.toml")
    refused = run("triage", "C-1", "-a", answers, "--phase", "ave3")
    assert refused.exit_code == 2
    assert "--motivation" in refused.stderr and not log.exists()
    result = run("triage", "C-1", "-a", answers, "--phase", "ave3", "--motivation",
                 "Politie meldt wapenbezit", "-f", "json")
    data = json.loads(result.stdout)
    assert (data["phase"], data["advised_phase"]) == ("AVE3", "AVE2")
    assert data["roles"]["procesregie"] == "Zorg- en Veiligheidshuis"  # roles of the decided phase
    [record] = tomllib.loads(log.read_text(encoding="utf-8"))["decision"]
    assert record["phase_after"] == "AVE3" and record["advised_phase"] == "AVE2"
    assert record["motivation"] == "Politie meldt wapenbezit"


def test_another_phase_gets_its_own_local_rules_once(run, log):
    result = run("triage", "C-1", "-k", "westerkwartier", "-a",
                 str(EXAMPLES / "westerkwartier" / "fase-2b.json"), "--phase", "3",
                 "--motivation", "Politie meldt wapenbezit", "-f", "json")
    data = json.loads(result.stdout)
    assert (data["phase"], data["advised_phase"]) == ("3", "2B")
    assert len(data["reasons"]) == len(set(data["reasons"]))
    assert [r for r in data["reasons"] if r.startswith("Lokale regel")] == [
        "Lokale regel: Minderjarigen betrokken: de jeugdconsulent van de gemeente is casusregisseur "
        "(minderjarigen: ja)"]
    assert data["roles"]["procesregie"].startswith("OGGZ en/of OOV")  # phase 3's roles


def test_kapstok_from_the_environment(run, log, monkeypatch):
    monkeypatch.setenv("AVE_KAPSTOK", "westerkwartier")
    result = run("triage", "C-1", "-a", str(EXAMPLES / "westerkwartier" / "fase-2a.toml"),
                 "-f", "json", "--dry-run")
    assert json.loads(result.stdout)["phase"] == "2A"


def test_defaults_from_the_user_config(run, log, tmp_path):
    (tmp_path / "config.toml").write_text('kapstok = "westerkwartier"\nby = "Teamleider"\n',
                                          encoding="utf-8")
    result = run("triage", "C-1", "-a", str(EXAMPLES / "westerkwartier" / "fase-1.toml"))
    assert result.exit_code == 0
    [record] = tomllib.loads(log.read_text(encoding="utf-8"))["decision"]
    assert record["kapstok"]["name"] == "westerkwartier"


def write(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


VALID = (EXAMPLES / "handreiking" / "ave2.toml").read_text(encoding="utf-8")
BAD_INPUTS = [
    ("not toml", lambda t: ["C-1", "-a", write(t, "a.toml", "problematiek = ")], "geen geldige TOML"),
    ("not json", lambda t: ["C-1", "-a", write(t, "a.json", "{problematiek")], "geen geldige JSON"),
    ("a list", lambda t: ["C-1", "-a", write(t, "a.json", "[1, 2]")], "één object"),
    ("missing keys", lambda t: ["C-1", "-a", write(t, "a.toml", 'problematiek = "geen"\n')],
     "ontbreken voor effect, meewerken, samenwerking, veiligheid"),
    ("unknown key", lambda t: ["C-1", "-a", write(t, "a.toml", VALID + 'hobby = "ja"\n')],
     "onbekende vraag 'hobby'"),
    ("unknown value", lambda t: ["C-1", "-a", write(t, "a.toml", VALID.replace(
        'veiligheid = "nee"', 'veiligheid = "beetje"'))], "'veiligheid' (toegestaan: nee, twijfel"),
    ("wrong type", lambda t: ["C-1", "-a", write(t, "a.toml", VALID.replace(
        "minderjarigen = true", 'minderjarigen = "ja"'))], "'minderjarigen' (toegestaan: true of false"),
    ("signal not a list", lambda t: ["C-1", "-a", write(t, "a.toml", VALID + 'signalen = "agressie"\n')],
     "'signalen'"),
    ("unknown signal", lambda t: ["C-1", "-a", write(t, "a.toml", VALID + 'signalen = ["ruzie"]\n')],
     "'signalen'"),
    ("missing file", lambda t: ["C-1", "-a", str(t / "weg.toml")], "bestaat niet"),
    ("unknown kapstok", lambda t: ["C-1", "-a", write(t, "a.toml", VALID), "-k", "groningen"],
     "onbekende kapstok 'groningen'"),
    ("invalid kapstok", lambda t: ["C-1", "-a", write(t, "a.toml", VALID), "-k",
                                   write(t, "k.toml", 'name = "x"\n')], "ongeldige kapstok"),
    ("BSN as case id", lambda t: ["111222333", "-a", write(t, "a.toml", VALID)], "lijkt op een BSN"),
    ("BSN with dots", lambda t: ["1112.22.333", "-a", write(t, "a.toml", VALID)], "lijkt op een BSN"),
    ("invalid case id", lambda t: ["C 1/x", "-a", write(t, "a.toml", VALID)], "casus 'C 1/x' is ongeldig"),
    ("BSN in a note", lambda t: ["C-1", "-a", write(t, "a.toml", VALID), "--note", "bsn 111222333"],
     "lijkt"),
    ("unknown phase", lambda t: ["C-1", "-a", write(t, "a.toml", VALID), "--phase", "AVE9"],
     "fase 'AVE9' bestaat niet"),
    ("case id clash", lambda t: ["C-1", "-a", write(t, "a.toml", 'case = "C-2"\n' + VALID)],
     "verschilt"),
    ("no case id", lambda t: ["-a", write(t, "a.toml", VALID)], "noem de casus"),
    ("no terminal", lambda t: ["C-1"], "geen terminal"),
]


@pytest.mark.parametrize(("name", "args", "message"), BAD_INPUTS, ids=[b[0] for b in BAD_INPUTS])
def test_bad_input_is_one_line_exit_2_nothing_written(run, log, tmp_path, name, args, message):
    run("triage", "C-0", "-a", str(EXAMPLES / "handreiking" / "ave1.toml"))
    before = log.read_bytes()
    result = run("triage", *args(tmp_path))
    assert result.exit_code == 2, result.output
    assert message in result.stderr
    assert result.stderr.startswith("ave: fout: ")
    assert "Traceback" not in result.output
    assert log.read_bytes() == before


@pytest.mark.parametrize(("content", "message"), [
    ('melk = 2\n', "geen geldig ave-caselog"),
    ("\x00\x01 willekeurige bytes", "geen geldig ave-caselog"),
])
def test_a_file_that_is_not_a_log_is_left_untouched(run, log, content, message):
    log.parent.mkdir(parents=True)
    log.write_text(content, encoding="utf-8")
    result = run("triage", "C-1", "-a", str(EXAMPLES / "handreiking" / "ave1.toml"))
    assert result.exit_code == 2 and message in result.stderr
    assert log.read_text(encoding="utf-8") == content


def test_a_log_directory_that_cannot_be_created(run, tmp_path):
    blocker = tmp_path / "bestand"
    blocker.write_text("", encoding="utf-8")
    result = run("triage", "C-1", "-a", str(EXAMPLES / "handreiking" / "ave1.toml"),
                 "--log", str(blocker / "sub" / "log.toml"))
    assert result.exit_code == 2 and "kan niet worden aangemaakt" in result.stderr


def test_a_log_readable_by_others_is_warned_about(run, log):
    run("triage", "C-1", "-a", str(EXAMPLES / "handreiking" / "ave1.toml"))
    log.chmod(0o644)
    result = run("triage", "C-1", "-a", str(EXAMPLES / "handreiking" / "ave1.toml"), "--dry-run")
    assert result.exit_code == 0 and "leesbaar voor anderen" in result.stderr


# --- interactive, through the swappable ask function ---------------------------------------

CORE = [("uitgangssituatie", "complex"), ("zorgbehoefte", False),
        ("domeinoverstijgende", False), ("effect", "nee"),
        ("inwoner mee", "twijfel"),
        ("samenwerking", "stagneert"), ("veiligheid", "risico"), ("openbare orde", "nee"),
        ("onrust", "nee"), ("media", "nee"), ("teloorgang", "nee"), ("minderjarige", False),
        ("signalen", ["agressie"])]


def test_interactive_triage_writes_after_review(run, log, scripted):
    ask = scripted([("Casus (pseudoniem", "WT-5"), *CORE, ("Wat wil je doen?", "save")])
    result = run("triage")
    assert result.exit_code == 0, result.output
    ask.done()
    assert "Controleer het besluit · casus WT-5" in result.stderr
    [record] = tomllib.loads(log.read_text(encoding="utf-8"))["decision"]
    assert record["case"] == "WT-5" and record["phase_after"] == "AVE3"
    assert record["signals"] == ["agressie"]


def test_interactive_change_an_answer_and_choose_another_phase(run, log, scripted):
    ask = scripted([*CORE,
                    ("Wat wil je doen?", "change"), ("Welk antwoord", "veiligheid"),
                    ("veiligheid", "acuut"),
                    ("Wat wil je doen?", "other"), ("Welke fase", "AVE3"),
                    ("Motivering", "Acuut gevaar is geweken sinds vanochtend"),
                    ("Wat wil je doen?", "save")])
    result = run("triage", "WT-6", "-f", "json")
    assert result.exit_code == 0, result.output
    ask.done()
    data = json.loads(result.stdout)
    assert (data["phase"], data["advised_phase"]) == ("AVE3", "AVE4")
    [record] = tomllib.loads(log.read_text(encoding="utf-8"))["decision"]
    assert record["answers"]["veiligheid"] == "acuut"
    assert record["motivation"] == "Acuut gevaar is geweken sinds vanochtend"


def test_known_case_uses_its_last_answers_as_defaults(run, log, scripted):
    run("triage", "WT-7", "-a", str(EXAMPLES / "handreiking" / "ave3.json"))
    ask = scripted([*CORE, ("Wat wil je doen?", "save")])
    run("triage", "WT-7")
    by_key = {p.message: p.default for p in ask.asked}
    assert by_key["Welke uitgangssituatie past bij het huishouden?"] == "complex"
    assert by_key["Welke signalen voor opschaling zie je?"] == ["agressie", "middelen",
                                                                 "hulp_geweigerd"]


def test_partial_answers_file_asks_only_what_is_missing(run, log, scripted, tmp_path):
    path = write(tmp_path, "a.toml", 'problematiek = "meervoudig"\neffect = "ja"\nmeewerken = "ja"\n')
    ask = scripted([("samenwerking", "goed"), ("veiligheid", "nee"), ("Wat wil je doen?", "save")])
    result = run("triage", "WT-8", "-a", path, "-f", "json")
    assert result.exit_code == 0, result.output
    ask.done()
    assert json.loads(result.stdout)["phase"] == "AVE2"


@pytest.mark.parametrize("at", [0, 3, len(CORE) - 1, len(CORE)])
def test_ctrl_c_anywhere_writes_nothing(run, log, scripted, at):
    run("triage", "C-0", "-a", str(EXAMPLES / "handreiking" / "ave1.toml"))
    before = log.read_bytes()
    script = [*CORE, ("Wat wil je doen?", "save")]
    script[at] = (script[at][0], KeyboardInterrupt())
    scripted(script[: at + 1])
    result = run("triage", "WT-9")
    assert result.exit_code == 130
    assert "afgebroken; er is niets opgeslagen" in result.stderr
    assert log.read_bytes() == before


def test_cancel_on_the_review_screen_writes_nothing(run, log, scripted):
    scripted([*CORE, ("Wat wil je doen?", "cancel")])
    result = run("triage", "WT-10")
    assert result.exit_code == 0 and not log.exists()
    assert "fout" not in result.stderr and "niets opgeslagen" in result.stderr


# --- ave kapstok ----------------------------------------------------------------------------

def test_kapstok_table_shows_every_phase_and_role(run, monkeypatch):
    monkeypatch.setenv("COLUMNS", "220")
    result = run("kapstok", "-k", "westerkwartier")
    assert result.exit_code == 0
    for text in ("4 Totale escalatie", "2B Meervoudig", "0 Preventie", "Driehoek",
                 "OGGZ / Team Jeugd", "Teamleider Wmo", "Minderjarigen"):
        assert text in result.stdout


def test_kapstok_json_and_list(run):
    data = json.loads(run("kapstok", "--format", "json").stdout)
    assert data["name"] == "handreiking" and len(data["phases"]) == 4
    assert data["phases"][3]["criteria"][0]["condition"] == {"key": "veiligheid",
                                                             "values": ["acuut", "acuut_meerdere"],
                                                             "negate": False}
    listed = run("kapstok", "--list").stdout
    assert "handreiking" in listed and "westerkwartier" in listed


def test_version_and_help(run):
    assert run("--version").stdout.startswith("ave ")
    for command in ("triage", "kapstok"):
        help_text = run(command, "--help").stdout
        assert "Voorbeelden" in help_text and f"ave {command}" in help_text


def test_a_long_batch_is_summed_up_per_fase_and_listed_whole_in_json(run, log, tmp_path):
    """Past 200 rows a table per case helps nobody in a meeting (and took most of the time of
    a large batch): the screen counts per fase and direction; JSON still lists every case."""
    import json

    rows = [{"case": f"L-{n}", "problematiek": ["enkelvoudig", "complex"][n % 2], "effect": "ja",
             "meewerken": "ja", "samenwerking": "goed", "veiligheid": "nee"} for n in range(201)]
    batch = tmp_path / "b.jsonl"
    batch.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    text = run("triage", "--batch", str(batch), "--dry-run").stdout
    assert "201 casussen, per fase" in text and "L-7" not in text
    counts = {line.split("│")[1].strip(): line.split("│")[3].strip()
              for line in text.splitlines() if line.startswith("│")}
    assert sum(int(c) for c in counts.values()) == 201
    listed = json.loads(run("triage", "--batch", str(batch), "--dry-run", "-f", "json").stdout)
    assert [r["case"] for r in listed] == [r["case"] for r in rows]
    small = tmp_path / "s.jsonl"
    small.write_text("".join(json.dumps(r) + "\n" for r in rows[:200]), encoding="utf-8")
    assert "L-7" in run("triage", "--batch", str(small), "--dry-run").stdout


def test_an_afschaling_confirmed_on_the_review_goes_through_the_checklist(run, log, scripted):
    """Issue 28, item 1: a re-triage whose decision is lower than the case's fase asks the down
    criteria of the fase it leaves, as ave deescalate does, and records those not met."""
    from ave_cli.flows.kapstokken import load_kapstok

    assert run("triage", "WT-7", "-a", str(EXAMPLES / "handreiking" / "ave3.json")).exit_code == 0
    criteria = load_kapstok("handreiking").find_phase("AVE3").afschalen_criteria
    gentle = [("uitgangssituatie", "enkelvoudig"), ("zorgbehoefte", False),
              ("domeinoverstijgende", False), ("effect", "ja"), ("inwoner mee", "ja"),
              ("samenwerking", "goed"), ("veiligheid", "nee"), ("openbare orde", "nee"),
              ("onrust", "nee"), ("media", "nee"), ("teloorgang", "nee"),
              ("minderjarige", False), ("signalen", [])]
    ask = scripted([*gentle, ("Wat wil je doen?", "save"),
                    ("Afschalen vanuit AVE3", list(criteria[:1])),
                    ("niet vervuld. Toch afschalen?", True)])
    result = run("triage", "WT-7")
    ask.done()
    assert result.exit_code == 0, result.output
    last = tomllib.loads(log.read_text(encoding="utf-8"))["decision"][-1]
    assert last["phase_before"] == "AVE3" and last["phase_after"] in ("AVE1", "AVE2")
    assert [r for r in last["reasons"] if r.startswith("Afschaalcriterium")] == [
        f"Afschaalcriterium niet (zeker) vervuld: {c}" for c in criteria[1:]]
    # not going on without the criteria: nothing is saved
    assert run("triage", "WT-9", "-a", str(EXAMPLES / "handreiking" / "ave3.json")).exit_code == 0
    before = log.read_bytes()
    ask = scripted([*gentle, ("Wat wil je doen?", "save"), ("Afschalen vanuit AVE3", []),
                    ("niet vervuld. Toch afschalen?", False)])
    stopped = run("triage", "WT-9")
    ask.done()
    assert stopped.exit_code == 0 and "er is niets opgeslagen" in stopped.output
    assert log.read_bytes() == before


def test_an_opschaling_on_the_review_asks_no_checklist(run, log, scripted):
    assert run("triage", "WT-8", "-a", str(EXAMPLES / "handreiking" / "ave2.toml")).exit_code == 0
    ask = scripted([*CORE, ("Wat wil je doen?", "save")])  # AVE3: up, no checklist
    assert run("triage", "WT-8").exit_code == 0
    ask.done()
