"""The store seam: everything that reads or appends decisions goes through one small interface.

`Store` says what ave needs from where decisions are kept; `stores/file` (the TOML case log, with
its derived index as an implementation detail) and `stores/postgres` (the team's store) are the
two implementations. The flows reach decisions only through a `Store`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from ave_cli.core.afspraken import Afspraak
    from ave_cli.core.cases import CaseState, CaseSummary
    from ave_cli.core.messages import Msg
    from ave_cli.core.model import Decision
    from ave_cli.record.logformat import Block, Damage

@dataclass(frozen=True, slots=True)
class Access:
    """One access to a case (BIO, NEN 7513): when, who, what action, which case, the result."""

    when: str  # ISO 8601 with the time zone
    who: str
    action: str  # the command: show, report, export, reevaluate, triage, escalate, ...
    case: str
    result: str  # ok, proefdraai, geweigerd, niet gevonden
    login: str = ""  # the team store's database login that did it (set by the server)

    def as_dict(self) -> dict[str, str]:
        found = {"when": self.when, "who": self.who, "action": self.action, "case": self.case,
                 "result": self.result}
        if self.login:
            found["login"] = self.login
        return found


@dataclass(frozen=True)
class Accesses:
    """The accesses of one command: the same time, person, action and result for each of its
    cases (a report over a hundred thousand cases records as many)."""

    when: str
    who: str
    action: str
    result: str
    cases: list[str]


class View(Protocol):
    """The decisions as read just now, and what stood in the way of reading them."""

    damage: Damage | None  # a torn end: the decisions before it are intact
    notice: Msg | str  # why a faster path could not be used (said as a warning)
    size: int  # 0: the store holds nothing yet

    def case(self, case_id: str) -> CaseState | None: ...

    def cases(self) -> list[CaseState]: ...

    def cases_of(self, case_ids: list[str]) -> dict[str, CaseState]:
        """Of these cases, those there are (without their history), by `cases.key`."""
        ...

    def summaries(self, *, include_closed: bool = True,
                  deciders: bool = True) -> list[CaseSummary]: ...

    def decisions(self) -> Iterator[Decision]: ...

    def afspraken(self, case_ids: list[str] | None = None, *, open_only: bool = False,
                  due_before: date | None = None) -> list[Afspraak]:
        """The afspraken of the plan (of these cases), as they stand: `open_only` those open in
        an open case, `due_before` those whose date is before it."""
        ...

    def due(self) -> dict[str, tuple[int, date]]:
        """Per case with open afspraken (by `cases.key`): how many, the earliest date. A closed
        case may be among them (its afspraken stay as they stood): pass over closed cases."""
        ...


@dataclass(frozen=True)
class Repair:
    """What `ave check --repair` did: the torn tail moved to a quarantine file."""

    quarantine: Path
    moved: int  # bytes
    line: int


# from a View, the decisions to append: a list, or (a batch) made one by one as they are stored
Build = Callable[[Any], "Iterable[Decision]"]


class Store(Protocol):
    """Where decisions are kept: append under a lock, read all, scan for damage, rewrite."""

    @property
    def location(self) -> str:
        """For messages: a path, or an address without secrets."""
        ...

    @property
    def access_location(self) -> str:
        """Where the access log is, for messages."""
        ...

    def exists(self) -> bool: ...

    def read(self) -> View: ...

    def append(self, build: Build, *, lock_timeout: float) -> int:
        """Under the lock: read, let `build` decide from what is there now, store its
        decisions durably and chained, and say how many; nothing is stored when `build` raises
        (also halfway through decisions it makes lazily)."""
        ...

    def damage_message(self, damage: Damage, *, retry: bool = False) -> Msg: ...

    def record_access(self, entries: Accesses) -> None:
        """Append to the insert-only access log (never rewritten, also not by purge)."""
        ...

    def read_access(self) -> list[Access]: ...

    def exposures(self) -> list[tuple[str, str]]:
        """Where others could replace, redirect or keep what this store holds (kind, detail)."""
        ...

    def scan(self) -> tuple[list[Block], list[Damage]]:
        """Every intact record and every damaged place (ave check)."""
        ...

    def chain_problems(self, blocks: list[Block]) -> list[tuple[Msg | str, bool]]:
        """What is wrong in the chains that guard the records beyond their own seals (the
        access log, the head seen before), each with whether it is only worth saying."""
        ...

    def index_matches(self, blocks: list[Block]) -> bool:
        """Whether what the store derived from its records (the index, the case rows) agrees
        with them (the file store rebuilds an index that does not)."""
        ...

    def reindex(self) -> tuple[View, Path | None]:
        """Rebuild what is derived from the records; where it is kept, if in a file."""
        ...

    def network_filesystem(self) -> str | None:
        """The network file system the store is on (where locks cannot be trusted), if any."""
        ...

    def readable_by_others(self) -> bool: ...

    def head(self) -> tuple[int, str]:
        """The number of records and the last seal (ave head); refused where the store keeps
        no single chain."""
        ...

    def accept_head(self, when: datetime, by: str) -> tuple[tuple[int, str] | None,
                                                            tuple[int, str]]:
        """Take the records as they are now as the newest head (recorded in the access log):
        the head that was, and the new one."""
        ...

    def extends(self, given: str) -> tuple[bool, Msg]:
        """Whether the records still extend a head noted earlier, and what to say."""
        ...

    def team_cases(self, team: str) -> set[str]:
        """The keys of one team's cases (refused where there are no teams)."""
        ...

    def repair(self, stamp: str, *, lock_timeout: float) -> Repair | None: ...

    def rewrite_without(self, cases: Callable[[list[Block]], set[str]], *, dry_run: bool,
                        about: dict[str, Any] | None = None,
                        lock_timeout: float) -> tuple[set[str], int]: ...


