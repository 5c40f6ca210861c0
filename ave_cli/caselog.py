"""The case log: the only code that touches the log file.

The file is UTF-8 TOML: a `[ave_log]` header, then one `[[decision]]` block per decision, each
closed by a `[decision.seal]` table holding the sha256 of the record's content. Blocks are only
ever appended (under a lock, flushed and fsynced); earlier bytes are never rewritten. The file is
read block by block, so a torn last block (a crash, a full disk) leaves the rest readable and
the damage located.
"""

from __future__ import annotations

import hashlib
import json
import os
import tomllib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, fields
from datetime import datetime
from pathlib import Path
from typing import Any

import tomli_w

from ave_cli.model import (
    AXES,
    DECISION_KINDS,
    AveError,
    Decision,
    EnvironmentProblem,
    KapstokRef,
)

LOG_FORMAT = 1
HEADER_COMMENT = b"# ave caselog: alleen toevoegen, nooit met de hand wijzigen (zie `ave check`).\n"
BLOCK_HEADER = b"[[decision]]"
DEFAULT_LOCK_TIMEOUT = 10.0

_TEXT_FIELDS = ("phase_before", "phase_after", "advised_phase", "motivation", "axis",
                "decided_by", "casusregisseur", "procesregisseur", "role", "note")
_LIST_FIELDS = ("reasons", "in_overleg_met", "advice", "signals")


class LogError(AveError):
    """The file is not a valid case log, or is damaged where it cannot be read around."""


@dataclass(frozen=True)
class Damage:
    """Where a torn or unreadable tail starts: 1-based line and byte offset."""

    line: int
    offset: int
    problem: str


@dataclass(frozen=True)
class LogContents:
    decisions: list[Decision]
    damage: Damage | None
    size: int


# --- records -------------------------------------------------------------------------------

def to_record(decision: Decision) -> dict[str, Any]:
    """The decision as a TOML-ready dict: empty fields left out, the seal last."""
    record: dict[str, Any] = {"format": LOG_FORMAT}
    for f in fields(Decision):
        value = getattr(decision, f.name)
        if f.name == "kapstok":
            value = {"name": value.name, "version": value.version, "sha256": value.sha256}
        elif isinstance(value, tuple):
            value = list(value)
        if value is None or value == "" or value == [] or value == {}:
            continue
        record[f.name] = value
    # The scalars come first in TOML output and the tables after, in this order.
    for table in ("kapstok", "roles", "answers"):
        if table in record:
            record[table] = record.pop(table)
    record["seal"] = {"sha256": _seal(record)}
    return record


def _seal(record: dict[str, Any]) -> str:
    content = {k: v for k, v in record.items() if k != "seal"}
    canonical = json.dumps(content, sort_keys=True, ensure_ascii=False, separators=(",", ":"),
                           default=lambda v: v.isoformat())
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def encode(decision: Decision) -> bytes:
    """One `[[decision]]` block, checked to parse back to exactly this record."""
    record = to_record(decision)
    text = tomli_w.dumps({"decision": [record]})
    data = text.encode("utf-8")
    if not data.startswith(BLOCK_HEADER + b"\n") or tomllib.loads(text) != {"decision": [record]}:
        raise AssertionError(f"record of {decision.id} does not frame as one [[decision]] block")
    return b"\n" + data


def from_record(record: Any) -> Decision:
    """Validate one parsed record and turn it into a Decision; a ValueError says what is wrong."""
    if not isinstance(record, dict):
        raise ValueError("geen tabel")
    seal = record.get("seal")
    if not isinstance(seal, dict) or set(seal) != {"sha256"}:
        raise ValueError("zegel (seal) ontbreekt: het record is onvolledig")
    if seal["sha256"] != _seal(record):
        raise ValueError("zegel klopt niet: het record is beschadigd of met de hand gewijzigd")
    if record.get("format") != LOG_FORMAT:
        raise ValueError(f"onbekende recordversie {record.get('format')!r}")
    known = {f.name for f in fields(Decision)} | {"format", "seal"}
    unknown = sorted(set(record) - known)
    if unknown:
        raise ValueError(f"onbekend veld '{unknown[0]}'")
    for key in ("id", "case", "kind", "by"):
        if not isinstance(record.get(key), str) or not record[key]:
            raise ValueError(f"veld '{key}' ontbreekt of is geen tekst")
    if record["kind"] not in DECISION_KINDS:
        raise ValueError(f"onbekende soort besluit '{record['kind']}'")
    time = record.get("time")
    if not isinstance(time, datetime) or time.tzinfo is None:
        raise ValueError("veld 'time' ontbreekt of heeft geen tijdzone")
    for key in _TEXT_FIELDS:
        if key in record and not isinstance(record[key], str):
            raise ValueError(f"veld '{key}' is geen tekst")
    if record.get("axis") not in (None, *AXES):
        raise ValueError(f"onbekende as '{record['axis']}'")
    for key in _LIST_FIELDS:
        value = record.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise ValueError(f"veld '{key}' is geen lijst van teksten")
    kapstok = record.get("kapstok")
    if not isinstance(kapstok, dict) or set(kapstok) != {"name", "version", "sha256"} or not all(
            isinstance(v, str) for v in kapstok.values()):
        raise ValueError("veld 'kapstok' moet name, version en sha256 hebben")
    roles = record.get("roles", {})
    if not isinstance(roles, dict) or not all(isinstance(v, str) for v in roles.values()):
        raise ValueError("veld 'roles' is geen tabel van teksten")
    answers = record.get("answers", {})
    if not isinstance(answers, dict) or not all(
            isinstance(v, (str, bool)) or (isinstance(v, list) and all(isinstance(x, str) for x in v))
            for v in answers.values()):
        raise ValueError("veld 'answers' heeft een waarde van een onbekend type")
    values = {k: v for k, v in record.items() if k not in ("format", "seal")}
    values["kapstok"] = KapstokRef(**kapstok)
    for key in _LIST_FIELDS:
        values[key] = tuple(values.get(key, ()))
    if record["kind"] != "close" and not record.get("phase_after"):
        raise ValueError("veld 'phase_after' ontbreekt")
    return Decision(**values)


# --- reading -------------------------------------------------------------------------------

def read(path: Path) -> LogContents:
    """All intact decisions, and where a torn tail starts if there is one.

    A damaged block followed by intact ones is corruption, never read around: LogError.
    """
    try:
        data = path.read_bytes()
    except (FileNotFoundError, NotADirectoryError):
        return LogContents([], None, 0)
    except IsADirectoryError:
        raise LogError(f"caselog {path} is een map, geen bestand; kies een bestandsnaam met --log") \
            from None
    except OSError as exc:
        raise EnvironmentProblem(f"caselog {path} is onleesbaar ({exc.strerror})") from None
    return parse(data, str(path))


def _blocks(data: bytes) -> list[tuple[int, int]]:
    """(line number, byte offset) of every `[[decision]]` header line."""
    starts = []
    offset = 0
    for line, raw in enumerate(data.splitlines(keepends=True), start=1):
        if raw.rstrip(b"\r\n") == BLOCK_HEADER:
            starts.append((line, offset))
        offset += len(raw)
    return starts


def parse(data: bytes, source: str) -> LogContents:
    """Parse log bytes (see `read`)."""
    starts = _blocks(data)
    header_end = starts[0][1] if starts else len(data)
    if not starts and not _header_ok(data):
        intact = _intact_prefix(data, _header_ok)
        if intact == 0:
            _check_header(data, source)  # not a log at all: raises
        line = data[:intact].count(b"\n") + 1
        return LogContents([], Damage(line, intact, "onvolledige regel aan het eind"), len(data))
    _check_header(data[:header_end], source)
    decisions: list[Decision] = []
    damage: Damage | None = None
    for i, (line, offset) in enumerate(starts):
        end = starts[i + 1][1] if i + 1 < len(starts) else len(data)
        chunk = data[offset:end]
        problem = _block_problem(chunk)
        if problem is not None and i == len(starts) - 1:
            intact = _intact_prefix(chunk, lambda c: _block_problem(c) is None)
            if intact:
                decisions.append(_decode(chunk[:intact]))
                line += chunk[:intact].count(b"\n")
                offset += intact
                problem = "onvolledige regel na het laatste record"
        if problem is None:
            if damage is not None:
                raise LogError(f"caselog {source} is beschadigd vanaf regel {damage.line} "
                               f"({damage.problem}), terwijl er daarna nog besluiten staan; "
                               "dit wordt niet automatisch hersteld: zet een back-up terug of "
                               "laat `ave check` het aanwijzen")
            decisions.append(_decode(chunk))
        elif damage is None:
            damage = Damage(line, offset, problem)
    return LogContents(decisions, damage, len(data))


def _decode(chunk: bytes) -> Decision:
    return from_record(tomllib.loads(chunk.decode("utf-8"))["decision"][0])


def _intact_prefix(chunk: bytes, ok: Callable[[bytes], bool]) -> int:
    """Length of the longest prefix ending at a line end that `ok` accepts (0 if none)."""
    ends = [i + 1 for i, byte in enumerate(chunk) if byte == 0x0A]
    for end in reversed(ends):
        if ok(chunk[:end]):
            return end
    return 0


def _header_ok(chunk: bytes) -> bool:
    try:
        _check_header(chunk, "")
    except LogError:
        return False
    return True


def _block_problem(chunk: bytes) -> str | None:
    try:
        doc = tomllib.loads(chunk.decode("utf-8"))
    except UnicodeDecodeError:
        return "geen UTF-8-tekst"
    except tomllib.TOMLDecodeError as exc:
        return f"geen geldige TOML ({exc})"
    records = doc.get("decision")
    if set(doc) != {"decision"} or not isinstance(records, list) or len(records) != 1:
        return "geen enkel [[decision]]-record"
    try:
        from_record(records[0])
    except ValueError as exc:
        return str(exc)
    return None


def _check_header(chunk: bytes, source: str) -> None:
    if not chunk:
        return
    not_a_log = (f"{source} is geen geldig ave-caselog (de kop [ave_log] ontbreekt of is onleesbaar); "
                 "het bestand is niet aangeraakt: kies een ander pad met --log")
    try:
        doc = tomllib.loads(chunk.decode("utf-8"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError):
        raise LogError(not_a_log) from None
    header = doc.get("ave_log")
    if set(doc) != {"ave_log"} or not isinstance(header, dict):
        raise LogError(not_a_log)
    if header.get("format") != LOG_FORMAT:
        raise LogError(f"{source} heeft logversie {header.get('format')!r}; deze versie van ave "
                       f"kent versie {LOG_FORMAT}")


def damage_message(path: Path, damage: Damage) -> str:
    return (f"caselog {path} is beschadigd vanaf regel {damage.line} ({damage.problem}); "
            "de besluiten daarvoor zijn intact. Herstel met `ave check --repair`")


# --- writing -------------------------------------------------------------------------------

def _lock_path(path: Path) -> Path:
    return path.with_name(path.name + ".lock")


def _ensure_dir(path: Path) -> None:
    parent = path.parent
    if parent.is_dir():
        return
    try:
        parent.mkdir(parents=True, mode=0o700)
    except OSError as exc:
        raise AveError(f"de map {parent} voor het caselog kan niet worden aangemaakt "
                       f"({exc.strerror}); kies een ander pad met --log of AVE_LOG") from None


@contextmanager
def _locked(path: Path, timeout: float) -> Iterator[None]:
    from filelock import FileLock, Timeout

    lock = FileLock(str(_lock_path(path)), timeout=timeout, mode=0o600)
    try:
        lock.acquire()
    except Timeout:
        raise EnvironmentProblem(f"het caselog {path} is al {timeout:g} s in gebruik door een ander "
                                 "proces; probeer het opnieuw of verhoog --lock-timeout") from None
    except OSError as exc:
        raise EnvironmentProblem(f"het slot op caselog {path} kan niet worden gezet "
                                 f"({exc.strerror})") from None
    try:
        yield
    finally:
        lock.release()


def append(path: Path, build: Callable[[LogContents], list[Decision]],
           lock_timeout: float = DEFAULT_LOCK_TIMEOUT) -> list[Decision]:
    """Under the lock: read the log, let `build` decide from it, append its decisions durably.

    Nothing is written when `build` raises, when the log is damaged or not a log, or when any
    record fails to encode. A failed write is rolled back to the old size.
    """
    if path.is_dir():
        raise LogError(f"caselog {path} is een map, geen bestand; kies een bestandsnaam met --log")
    _ensure_dir(path)
    with _locked(path, lock_timeout):
        contents = read(path)
        if contents.damage is not None:
            raise LogError(damage_message(path, contents.damage) + " en probeer het dan opnieuw")
        decisions = build(contents)
        payload = b"".join(encode(d) for d in decisions)
        if contents.size == 0:
            payload = HEADER_COMMENT + tomli_w.dumps({"ave_log": {"format": LOG_FORMAT}}).encode() \
                + payload
        _write(path, payload, contents.size)
    return decisions


def _write(path: Path, payload: bytes, old_size: int) -> None:
    created = not path.exists()
    try:
        fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
    except OSError as exc:
        raise EnvironmentProblem(f"caselog {path} kan niet worden geschreven ({exc.strerror})") \
            from None
    try:
        if created:
            os.fchmod(fd, 0o600)
        view = memoryview(payload)
        while view:
            written = os.write(fd, view)
            view = view[written:]
        os.fsync(fd)
    except OSError as exc:
        try:
            os.ftruncate(fd, old_size)
            os.fsync(fd)
        except OSError:
            pass
        raise EnvironmentProblem(f"schrijven naar caselog {path} is mislukt ({exc.strerror}); "
                                 "er is niets opgeslagen") from None
    finally:
        os.close(fd)
    if created:
        _fsync_dir(path.parent)


def _fsync_dir(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def readable_by_others(path: Path) -> bool:
    """Whether the log file grants any permission to group or others."""
    try:
        return bool(path.stat().st_mode & 0o077)
    except OSError:
        return False
