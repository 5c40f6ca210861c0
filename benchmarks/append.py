"""Append N triage decisions to a log as another process would: python benchmarks/append.py LOG N"""

import sys
from datetime import UTC, datetime
from pathlib import Path

from ave_cli.core.decisions import triage
from ave_cli.flows.kapstokken import load_kapstok
from ave_cli.stores.file import caselog

log, count = Path(sys.argv[1]), int(sys.argv[2])
kapstok = load_kapstok("handreiking")
answers = {q.key: q.default for q in kapstok.questions if q.has_default}
answers.update(problematiek="meervoudig", effect="twijfel", meewerken="ja", samenwerking="stagneert",
               veiligheid="nee")
now = datetime.now(UTC).replace(microsecond=0)
stamp = now.strftime("%H%M%S%f")
decisions = [triage(kapstok, answers, case=f"APP-{n % 250:04d}", state=None,
                    decision_id=f"app-{stamp}-{n:05d}", now=now, by="ander proces").decision
             for n in range(count)]
# no index: this is "another process" (another machine, a script) the ave commands did not see
caselog.append(log, lambda view: decisions, cache_dir=None)
