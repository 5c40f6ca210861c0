"""Whether the case log still extends a head noted earlier (`ave check --head`): a head is
"count:seal" as `ave head` prints it, or a seal, or 12 or more characters of one."""

from __future__ import annotations

import re
from pathlib import Path

from ave_cli.core.messages import AveError, Msg
from ave_cli.stores.file import accesslog, caselog


def extends(log: Path, access_path: Path, given: str) -> tuple[bool, Msg]:
    """Whether the file log still extends a head noted earlier ("count:seal", or a seal or the
    first 12 or more characters of one), and what to say."""
    text = given.strip().lower()
    count: int | None = None
    if re.fullmatch(r"(?:[0-9]{1,18}:)?[0-9a-f]{12,64}", text, re.ASCII):
        if ":" in text:
            place, text = text.split(":")
            count = int(place)
    else:
        raise AveError(Msg("--head '{given}' is geen kop; geef wat `ave head` toonde, zoals "
                         "12:3f5a… (minstens 12 tekens van het zegel)", given=given))
    if not log.exists():
        raise AveError(Msg("caselog {log} bestaat niet", log=log))
    seals = [b.seal for b in caselog.read_all(log).blocks]
    header = caselog.header_of(log)
    places = [n for n, seal in enumerate(seals, start=1) if seal.startswith(text)]
    if header.get("chain", "").startswith(text) or (not seals and not text):
        places.append(0)
    places = [n for n in places if count is None or n == count]
    if len(places) == 1:
        return True, Msg("het caselog zet kop {head} voort: dat is besluit {n} van de {total}",
                         head=given, n=places[0], total=len(seals))
    if len(places) > 1:
        raise AveError(Msg("--head '{given}' past op meer dan één besluit; geef meer tekens van "
                         "het zegel", given=given))
    purges = header.get("purge", [])
    sealed = accesslog.purges_recorded(header, accesslog.read(access_path)) \
        if purges else []
    for number, (purge, recorded) in enumerate(zip(purges, sealed, strict=True), start=1):
        if isinstance(purge, dict) and str(purge.get("old_head", "")).startswith(text):
            if recorded:
                return True, Msg("kop {head} is de kop van vóór opschoning {number} "
                                 "({when}); het log zette hem voort tot die opschoning, die in "
                                 "het toeganglog staat", head=given, number=number,
                                 when=purge.get("time", "?"))
    return False, Msg("het caselog zet kop {head} NIET voort: dat besluit staat er niet (meer) "
                      "in; het log is ingekort, teruggezet of herschreven sinds die kop werd "
                      "genoteerd (nu {total} besluiten)", head=given, total=len(seals))
