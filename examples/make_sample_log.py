"""Write examples/sample-log.toml: a few dozen fictitious cases across phases (handreiking).

Deterministic (fixed seed, ids and times), so the sample can be rebuilt and compared:

    python examples/make_sample_log.py examples/sample-log.toml
"""

from __future__ import annotations

import random
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path

from ave_cli.core.cases import fold, key
from ave_cli.core.decisions import Who, add_regisseur, close, deescalate, escalate, triage
from ave_cli.flows.kapstokken import load_kapstok
from ave_cli.stores.file import caselog

CET = timezone(timedelta(hours=1))
START = datetime(2026, 6, 1, 9, 0, tzinfo=CET)
PEOPLE = ["J. de Vries", "A. Bakker", "M. Jansen", "S. El Amrani", "P. Visser"]
TEAMS = ["Wijkteam Noord", "Wijkteam Zuid", "Wijkteam Oost", "Jeugdteam West"]
PROFILES = {  # (weight, answers): roughly the Handreiking's shares, AVE3/4 over-represented
    "rustig": (8, dict(problematiek="enkelvoudig", effect="ja", meewerken="ja",
                       samenwerking="goed", veiligheid="nee")),
    "meervoudig": (7, dict(problematiek="meervoudig", effect="ja", meewerken="ja",
                           samenwerking="goed", veiligheid="nee")),
    "mijdt": (5, dict(problematiek="meervoudig", effect="twijfel", meewerken="nee",
                      samenwerking="twijfel", veiligheid="nee", signalen=["geen_contact"])),
    "zorg": (4, dict(problematiek="meervoudig", effect="nee", meewerken="ja",
                     samenwerking="stagneert", veiligheid="twijfel", signalen=["meldingen"])),
    "complex": (5, dict(problematiek="complex", effect="nee", meewerken="twijfel",
                        samenwerking="stagneert", veiligheid="risico", teloorgang="dreigend",
                        signalen=["vervuiling", "hulp_geweigerd"])),
    "acuut": (2, dict(problematiek="complex", effect="nee", meewerken="nee",
                      samenwerking="volledig", veiligheid="acuut", onrust="dreigend",
                      signalen=["agressie", "bedreiging"])),
    "enkel_veilig": (3, dict(problematiek="enkelvoudig", effect="twijfel", meewerken="ja",
                             samenwerking="goed", veiligheid="twijfel")),
}


def main(path: Path) -> None:
    kapstok = load_kapstok("handreiking")
    rng = random.Random(2026)
    counter = iter(range(1, 10_000))
    decisions = []

    def who(when: datetime, **extra) -> Who:
        return Who(by=rng.choice(PEOPLE), now=when, decision_id=f"sample-{next(counter):04d}",
                   **extra)

    names = list(PROFILES)
    weights = [PROFILES[n][0] for n in names]
    for number in range(1, 37):
        case = f"WT-2026-{number:03d}"
        profile = rng.choices(names, weights)[0]
        answers = {q.key: q.default for q in kapstok.questions if q.has_default}
        answers.update(PROFILES[profile][1])
        answers["minderjarigen"] = rng.random() < 0.3
        when = START + timedelta(days=rng.randint(0, 150), hours=rng.randint(0, 7))
        team = rng.choice(TEAMS) if rng.random() < 0.8 else ""
        state = fold(decisions).get(key(case))
        decisions.append(triage(kapstok, answers, case=case, state=state,
                                decision_id=f"sample-{next(counter):04d}", now=when,
                                by=rng.choice(PEOPLE), casusregisseur=team,
                                note="Besproken in het casusoverleg.").decision)
        plan = rng.random()
        later = when + timedelta(days=rng.randint(3, 40))
        state = fold(decisions)[key(case)]
        if profile in ("zorg", "mijdt") and plan < 0.5:
            decisions.append(add_regisseur(kapstok, state, case, role="procesregie",
                                           holder="OGGZ-coördinator", reason="Hulp stagneert",
                                           who=who(later)).decision)
        elif profile == "complex" and plan < 0.3:
            decisions.append(escalate(kapstok, state, case, to="AVE4", reason="Dreigende onrust "
                                      "in de buurt na incident", signals=("agressie",),
                                      who=who(later, decided_by="Teamleider Wmo",
                                              in_overleg_met=("Politie",))).decision)
        elif profile == "acuut" and plan < 0.6:
            decisions.append(deescalate(kapstok, state, case, to="AVE3", reason="Acute dreiging "
                                        "geweken", unmet=(), who=who(later)).decision)
        elif profile == "rustig" and plan < 0.4:
            decisions.append(close(kapstok, state, case, reason="Geen verdere hulp nodig",
                                   who=who(later)).decision)
    decisions.sort(key=lambda d: d.time)
    if path.exists():
        path.unlink()
    caselog.append(path, lambda view: decisions, cache_dir=None)
    print(f"{len(decisions)} besluiten over {len(fold(decisions))} casussen in {path}")


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "examples/sample-log.toml"))
