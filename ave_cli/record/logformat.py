"""The case log format, as pure functions over bytes: records, seals, blocks, damage.

A log is UTF-8 TOML: a `[ave_log]` header with the format version, then one `[[decision]]`
block per decision. Each block ends in a `[decision.seal]` table holding the sha256 of the
record's content, so a record cut short or edited by hand never passes for a whole one. Since
format 2 each record also holds `prev`, the seal of the record before it (a hash chain): a record
removed, reordered or altered and re-sealed in the middle breaks the chain. A purge starts a new
chain: the header then records what was purged and its hash is the anchor the first record's
`prev` names. Format-1 records (no `prev`) stay readable; records appended to such a log are
format 2 and chain on from its last seal.

Blocks are parsed one at a time. A fast reader handles exactly the TOML that tomli-w writes; its
result is only trusted when it reproduces the seal, otherwise tomllib parses the block.
"""

from __future__ import annotations

import hashlib
import json
import re
import tomllib
from collections.abc import Callable
from dataclasses import dataclass, fields
from datetime import date, datetime
from typing import Any

import tomli_w

from ave_cli.core.messages import FirstClause, LogError, Msg, message_of
from ave_cli.core.model import AFSPRAAK_KINDS, AXES, DECISION_KINDS, STANDEN, Decision, KapstokRef
from ave_cli.record.fastrecord import fast_dumps, fast_record

LOG_FORMAT = 3  # the file log's header and records: since 3 a record names the access log's head
TEAM_FORMAT = 2  # the team store's records (its access log is the server's own)
READABLE = (1, 2, 3)  # record and header formats this version reads
HEADER_COMMENT = b"# ave caselog: alleen toevoegen, nooit met de hand wijzigen (zie `ave check`).\n"
BLOCK_HEADER = b"[[decision]]"
AFSPRAAK_FIELDS = ("afspraak", "wat", "wie", "leefgebied", "voor", "uiterlijk", "stand")
_TEXT_FIELDS = ("phase_before", "phase_after", "advised_phase", "motivation", "axis",
                "decided_by", "casusregisseur", "procesregisseur", "role", "note",
                *AFSPRAAK_FIELDS)
_NUMBER = re.compile(r"A[1-9][0-9]{0,8}", re.ASCII)  # an afspraak's number in its case
_DATE = re.compile(r"\d{4}-\d\d-\d\d", re.ASCII)
LIST_FIELDS = ("reasons", "in_overleg_met", "advice", "advice_roles", "signals")
_KNOWN = frozenset({f.name for f in fields(Decision)} | {"format", "seal", "prev", "toegang"})
_SHA = re.compile(r"[0-9a-f]{64}")
_HEAD = re.compile(r"(0|[1-9][0-9]{0,17}):([0-9a-f]{64})", re.ASCII)


def head_text(count: int, seal: str) -> str:
    """A head as ave prints and records it: the number of records and the last seal."""
    return f"{count}:{seal}"


def read_head(text: str) -> tuple[int, str] | None:
    """`head_text`'s (count, seal), or None for anything else."""
    found = _HEAD.fullmatch(text)
    return (int(found[1]), found[2]) if found else None


@dataclass(frozen=True)
class Damage:
    """Where a torn or unreadable tail starts: 1-based line and byte offset."""

    line: int
    offset: int
    problem: Msg | str


@dataclass(frozen=True)
class Block:
    decision: Decision
    line: int
    offset: int
    seal: str = ""
    prev: str | None = None  # None: a format-1 record, outside the chain
    toegang: str = ""  # format 3: the access log's head when the record was written


@dataclass(frozen=True)
class Parsed:
    blocks: list[Block]
    damage: Damage | None
    end: int  # just past the last intact byte: where the next block may start
    end_line: int  # the line number at `end`
    head: str = ""  # the seal the next record chains to (the last seal, or the header's anchor)
    count: int = 0  # records in the chain up to `end` (since the header)


def header(purges: list[dict[str, Any]] | None = None, fmt: int = LOG_FORMAT) -> bytes:
    """A new log's header; after a purge it records every purge and anchors the new chain."""
    head: dict[str, Any] = {"format": fmt}
    if purges:
        head["chain"] = chain_anchor(purges)
        head["purge"] = purges
    return HEADER_COMMENT + tomli_w.dumps({"ave_log": head}).encode()


def chain_anchor(purges: list[dict[str, Any]]) -> str:
    """The hash the first record after a purge names as `prev`: it seals the purge records."""
    return seal({"purge": purges})


# --- records -------------------------------------------------------------------------------

_TABLES = ("kapstok", "roles", "answers")  # after the scalars and arrays, in this order
_PLAIN = tuple(f.name for f in fields(Decision) if f.name not in _TABLES)
# check_circular off: a record holds no cycles, and the check costs a third of the encoding
_CANONICAL = json.JSONEncoder(sort_keys=True, ensure_ascii=False, separators=(",", ":"),
                              default=datetime.isoformat, check_circular=False)


def to_record(decision: Decision, prev: str = "", *, sealed: bool = True,
              fmt: int = LOG_FORMAT, toegang: str = "") -> dict[str, Any]:
    """The decision as a TOML-ready dict chained to `prev` (and, format 3, naming the access
    log's head `toegang`): empty fields left out, the seal last (unless not `sealed`)."""
    record: dict[str, Any] = {"format": fmt}
    if prev:
        record["prev"] = prev  # not in the first record of a log
    if toegang:
        record["toegang"] = toegang
    for name in _PLAIN:
        value = getattr(decision, name)
        if isinstance(value, tuple):
            if not value:
                continue
            value = list(value)
        elif value is None or value == "":
            continue
        record[name] = value
    # Scalars come first in TOML output and the tables after, in this order.
    ref = decision.kapstok
    record["kapstok"] = {"name": ref.name, "version": ref.version, "sha256": ref.sha256}
    if decision.roles:
        record["roles"] = decision.roles
    if decision.answers:
        record["answers"] = decision.answers
    if sealed:
        record["seal"] = {"sha256": _hash(canonical(record))}
    return record


def canonical(record: dict[str, Any]) -> str:
    """The record (without its seal) as the text its seal is the hash of: JSON, keys sorted,
    times as ISO 8601 text."""
    when = record.get("time")
    if isinstance(when, datetime):  # as `default` would, without a call back from the encoder
        record = {**record, "time": when.isoformat()}
    return _CANONICAL.encode(record)


def seal(record: dict[str, Any]) -> str:
    return _hash(canonical({k: v for k, v in record.items() if k != "seal"}))


def _hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def encode(decision: Decision, prev: str = "", toegang: str = "") -> tuple[bytes, str]:
    """One `[[decision]]` block (with the blank line before it) chained to `prev`, and its seal;
    checked to read back exactly."""
    record = to_record(decision, prev, toegang=toegang)
    return encode_record(record), record["seal"]["sha256"]


def encode_record(record: dict[str, Any]) -> bytes:
    """The block of a sealed record (with the blank line before it), checked to read back
    exactly."""
    return b"\n" + record_text(record).encode("utf-8")


def record_text(record: dict[str, Any]) -> str:
    """The `[[decision]]` block of a sealed record, checked to read back exactly. The common
    record is written by `fast_dumps` and checked by the fast reader, which reads only what
    tomllib reads the same way; anything else goes through tomli-w and is checked by both
    readers."""
    text = fast_dumps(record)
    if text is None or fast_record(text) != record:
        text = tomli_w.dumps({"decision": [record]})
        if (not text.startswith("[[decision]]\n") or fast_record(text) != record
                or tomllib.loads(text) != {"decision": [record]}):
            raise AssertionError(f"record of {record.get('id')} does not frame as one "
                                 "[[decision]] block")
    return text


def encode_chain(decisions: list[Decision], head: str,
                 toegang: list[str] | None = None) -> tuple[bytes, str]:
    """Blocks for several decisions, each chained to the one before (and naming the access
    log's head each named before, `toegang`); the new head."""
    parts = []
    for n, decision in enumerate(decisions):
        block, head = encode(decision, head, toegang[n] if toegang else "")
        parts.append(block)
    return b"".join(parts), head


def from_record(record: Any, *, sealed: bool = False) -> Decision:
    """Validate one parsed record and turn it into a Decision; a ValueError says what is wrong."""
    if not isinstance(record, dict):
        raise ValueError(Msg("geen tabel"))
    stored = record.get("seal")
    if not isinstance(stored, dict) or set(stored) != {"sha256"}:
        raise ValueError(Msg("zegel (seal) ontbreekt: het record is onvolledig"))
    if not sealed and stored["sha256"] != seal(record):
        raise ValueError(Msg("zegel klopt niet: het record is beschadigd of met de hand "
                           "gewijzigd"))
    if record.get("format") not in READABLE:
        raise ValueError(Msg("onbekende recordversie {version!r}", version=record.get('format')))
    prev = record.get("prev")
    if prev is not None and (record["format"] == 1 or not isinstance(prev, str)
                             or not _SHA.fullmatch(prev)):
        raise ValueError(Msg("veld 'prev' is geen zegel"))
    toegang = record.get("toegang")
    if toegang is not None and (record["format"] < 3 or not isinstance(toegang, str)
                                or read_head(toegang) is None):
        raise ValueError(Msg("veld 'toegang' is geen kop van het toeganglog"))
    unknown = sorted(set(record) - _KNOWN)
    if unknown:
        raise ValueError(Msg("onbekend veld '{field}'", field=unknown[0]))
    for key in ("id", "case", "kind", "by"):
        if not isinstance(record.get(key), str) or not record[key]:
            raise ValueError(Msg("veld '{key}' ontbreekt of is geen tekst", key=key))
    if record["kind"] not in DECISION_KINDS:
        raise ValueError(Msg("onbekende soort besluit '{kind}'", kind=record['kind']))
    time = record.get("time")
    if not isinstance(time, datetime) or time.tzinfo is None:
        raise ValueError(Msg("veld 'time' ontbreekt of heeft geen tijdzone"))
    for key in _TEXT_FIELDS:
        if key in record and not isinstance(record[key], str):
            raise ValueError(Msg("veld '{key}' is geen tekst", key=key))
    if record.get("axis") not in (None, *AXES):
        raise ValueError(Msg("onbekende as '{axis}'", axis=record['axis']))
    for key in LIST_FIELDS:
        value = record.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise ValueError(Msg("veld '{key}' is geen lijst van teksten", key=key))
    kapstok = record.get("kapstok")
    if not isinstance(kapstok, dict) or set(kapstok) != {"name", "version", "sha256"} or not all(
            isinstance(v, str) for v in kapstok.values()):
        raise ValueError(Msg("veld 'kapstok' moet name, version en sha256 hebben"))
    roles = record.get("roles", {})
    if not isinstance(roles, dict) or not all(isinstance(v, str) for v in roles.values()):
        raise ValueError(Msg("veld 'roles' is geen tabel van teksten"))
    answers = record.get("answers", {})
    if not isinstance(answers, dict) or not all(
            isinstance(v, (str, bool)) or (isinstance(v, list) and all(isinstance(x, str) for x in v))
            for v in answers.values()):
        raise ValueError(Msg("veld 'answers' heeft een waarde van een onbekend type"))
    if record["kind"] in AFSPRAAK_KINDS:
        _check_afspraak(record)
    else:
        if any(record.get(name) for name in AFSPRAAK_FIELDS):
            raise ValueError(Msg("een besluit over de fase heeft geen afspraakvelden"))
        if record["kind"] != "close" and not record.get("phase_after"):
            raise ValueError(Msg("veld 'phase_after' ontbreekt"))
    values = {k: v for k, v in record.items() if k not in ("format", "seal", "prev", "toegang")}
    values["kapstok"] = KapstokRef(**kapstok)
    for key in LIST_FIELDS:
        values[key] = tuple(values.get(key, ()))
    return Decision(**values)


def _check_afspraak(record: dict[str, Any]) -> None:
    """An afspraak names its number, what, who, the leefgebied and a date; a change of one its
    number and its stand (a new date when verlengd, a reason unless gedaan). Neither changes
    a fase."""
    if any(record.get(name) for name in ("phase_before", "phase_after", "advised_phase", "axis",
                                          "answers", "roles", "advice", "role")):
        raise ValueError(Msg("een afspraak verandert geen fase: velden van een besluit over de "
                             "fase horen er niet in"))
    if not _NUMBER.fullmatch(record.get("afspraak", "")):
        raise ValueError(Msg("veld 'afspraak' is geen afspraaknummer (A1, A2, ...)"))
    due = record.get("uiterlijk", "")
    if due and not _valid_date(due):
        raise ValueError(Msg("veld 'uiterlijk' is geen datum (JJJJ-MM-DD)"))
    if record["kind"] == "afspraak":
        for name in ("wat", "wie", "leefgebied", "uiterlijk"):
            if not record.get(name):
                raise ValueError(Msg("veld '{key}' ontbreekt", key=name))
        if record.get("stand"):
            raise ValueError(Msg("een nieuwe afspraak heeft geen stand"))
        return
    stand = record.get("stand", "")
    if stand not in STANDEN:
        raise ValueError(Msg("veld 'stand' moet gedaan, vervallen of verlengd zijn"))
    if any(record.get(name) for name in ("wat", "wie", "leefgebied", "voor")):
        raise ValueError(Msg("een wijziging van een afspraak herhaalt de afspraak niet"))
    if (stand == "verlengd") != bool(due):
        raise ValueError(Msg("alleen een verlenging heeft een nieuwe datum (uiterlijk)"))
    if stand != "gedaan" and not record.get("reasons"):
        raise ValueError(Msg("een vervallen of verlengde afspraak heeft een reden"))


def _valid_date(text: str) -> bool:
    if not _DATE.fullmatch(text):
        return False
    try:
        date.fromisoformat(text)
    except ValueError:
        return False
    return True


def from_plain(text: str) -> Decision:
    """A record's JSON as derived data keeps it (the index, the team store's afspraken), read
    without checking its seal: it was checked when it was first read or stored."""
    return from_values(json.loads(text))


def from_values(values: dict[str, Any]) -> Decision:
    """`from_plain` of a record already read from JSON (changed in place)."""
    for name in ("format", "prev", "toegang", "seal"):
        values.pop(name, None)
    values["time"] = datetime.fromisoformat(values["time"])
    values["kapstok"] = KapstokRef(**values["kapstok"])
    for key in LIST_FIELDS:
        values[key] = tuple(values.get(key, ()))
    return Decision(**values)


def decode_block(chunk: bytes, line: int = 0, offset: int = 0) -> Block:
    """One block with its decision, seal and chain link; a ValueError names the problem."""
    record, decision = _decode(chunk)
    return _block(record, decision, line, offset)


def block_json(chunk: bytes) -> tuple[str, str, str]:
    """One block's record as the team store keeps it: its JSON text (in the order written), its
    canonical text (what the seal is the hash of) and its seal; a ValueError names the
    problem."""
    record, _decision = _decode(chunk)
    content = {k: v for k, v in record.items() if k != "seal"}
    return _json_text(content), canonical(content), record["seal"]["sha256"]


def to_json_record(decision: Decision, prev: str) -> tuple[str, str, str]:
    """The decision chained to `prev` as the team store keeps it: its JSON text (in the order
    a file log writes it), its canonical text and its seal."""
    record = to_record(decision, prev, sealed=False, fmt=TEAM_FORMAT)
    text = canonical(record)
    return _json_text(record), text, _hash(text)


_IN_ORDER = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"),
                             default=datetime.isoformat, check_circular=False)


def _json_text(record: dict[str, Any]) -> str:
    when = record.get("time")
    if isinstance(when, datetime):
        record = {**record, "time": when.isoformat()}
    return _IN_ORDER.encode(record)


def decode_json(text: str, stored_seal: str, line: int = 0) -> Block:
    """A record the team store keeps as JSON text under `stored_seal`: whole only when what it
    says hashes, in canonical form, to the seal."""
    try:
        record = json.loads(text)
    except (ValueError, RecursionError):
        raise ValueError(Msg("geen geldige JSON")) from None
    if not isinstance(record, dict):
        raise ValueError(Msg("geen tabel"))
    when = record.get("time")
    if isinstance(when, str):
        try:
            record["time"] = datetime.fromisoformat(when)
        except ValueError:
            raise ValueError(Msg("veld 'time' is geen tijd")) from None
    record["seal"] = {"sha256": stored_seal}
    return _block(record, from_record(record), line, 0)  # from_record checks the seal


def _decode(chunk: bytes) -> tuple[dict[str, Any], Decision]:
    """The record in one block: only when every byte of the block is the record as ave writes
    it (a comment, an extra line or another layout is text no seal covers)."""
    try:
        text = chunk.decode("utf-8")
    except UnicodeDecodeError:
        raise ValueError(Msg("geen UTF-8-tekst")) from None
    record = _fast_read(text)
    if record is not None and record.get("seal", {}).get("sha256") == seal(record):
        return record, from_record(record, sealed=True)
    try:
        doc = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ValueError(Msg("geen geldige TOML ({exc})", exc=exc)) from None
    except RecursionError:
        raise ValueError(Msg("te diep geneste TOML")) from None
    records = doc.get("decision")
    if set(doc) != {"decision"} or not isinstance(records, list) or len(records) != 1:
        raise ValueError(Msg("geen enkel [[decision]]-record"))
    decision = from_record(records[0])
    if not _as_written(text, records[0]):
        raise ValueError(Msg("tekst die niet door ave is geschreven (een opmerking, een extra "
                             "regel of een andere opmaak): die valt buiten het zegel"))
    return records[0], decision


def _fast_read(text: str) -> dict[str, Any] | None:
    return fast_record(text, strict=True)


def _as_written(text: str, record: dict[str, Any]) -> bool:
    """Whether `text` is the block ave writes for `record` (and at most the blank line that
    parts it from the next)."""
    try:
        written = record_text(record)
    except AssertionError:
        return False
    if text.startswith("\n"):
        text = text[1:]  # the blank line before a block, as `encode` gives it
    return text in (written, written + "\n", written[:-1])


def _block(record: dict[str, Any], decision: Decision, line: int, offset: int) -> Block:
    prev = record.get("prev", "") if record["format"] >= 2 else None
    return Block(decision, line, offset, record["seal"]["sha256"], prev,
                 record.get("toegang", ""))


# --- blocks and damage ---------------------------------------------------------------------

def block_starts(data: bytes) -> list[int]:
    """Byte offsets of every `[[decision]]` header line."""
    starts = []
    if data.startswith(BLOCK_HEADER):
        starts.append(0)
    position = data.find(b"\n" + BLOCK_HEADER)
    while position != -1:
        start = position + 1
        after = data[start + len(BLOCK_HEADER):start + len(BLOCK_HEADER) + 2]
        if after[:1] in (b"\n", b"") or after == b"\r\n":
            starts.append(start)
        position = data.find(b"\n" + BLOCK_HEADER, start)
    return starts


def parse(data: bytes, source: str, *, offset: int = 0, line: int = 1, head: str = "",
          count: int = 0) -> Parsed:
    """Parse log bytes. With offset 0 `data` is a whole log; otherwise it is what follows the
    intact part of a log, from `offset` (at `line`, after the record sealed `head`) on, and has
    no header.

    A damaged block followed by intact ones is corruption, never read around: LogError.
    """
    starts = block_starts(data)
    lead_end = starts[0] if starts else len(data)
    lead = data[:lead_end]
    if offset == 0:
        if not _header_ok(lead):
            intact = _intact_prefix(lead, _header_ok)
            if intact == 0:
                _check_header(lead, source)  # not a log at all: raises
            at = data.count(b"\n", 0, intact) + line
            return Parsed([], Damage(at, intact, Msg("onvolledige regel")), intact, at,
                          header_info(lead[:intact]).get("chain", ""), count)
        info = header_info(lead)
        if not _exact_header(lead, info):
            raise LogError(_unsealed_header(source))
        head = info.get("chain", "")
    elif lead.strip():
        return Parsed([], Damage(line, offset, Msg("tekst die geen record is")), offset, line,
                      head, count)
    blocks: list[Block] = []
    damage: Damage | None = None
    at_line = line + data.count(b"\n", 0, lead_end)
    end, end_line = lead_end, at_line
    for i, start in enumerate(starts):
        stop = starts[i + 1] if i + 1 < len(starts) else len(data)
        chunk = data[start:stop]
        try:
            block = decode_block(chunk, at_line, offset + start)
        except ValueError as exc:
            problem = message_of(exc)
            if i == len(starts) - 1 and damage is None:
                intact = _intact_prefix(chunk, _block_ok)
                if intact:
                    blocks.append(decode_block(chunk[:intact], at_line, offset + start))
                    end, end_line = start + intact, at_line + chunk.count(b"\n", 0, intact)
                    damage = Damage(end_line, offset + end, Msg("beschadigde of onvolledige tekst na "
                                                              "het laatste record"))
                    break
            if damage is None and i == len(starts) - 1 and data[start - 2:start] == b"\n\n":
                # a torn last block starts with the blank line written with it: a repair cuts
                # that too, so the next block follows the last intact one as ave writes it
                damage = Damage(at_line - 1, offset + start - 1, problem)
                if end == start:
                    end, end_line = start - 1, end_line - 1
            elif damage is None:
                damage = Damage(at_line, offset + start, problem)
        else:
            if damage is not None:
                raise LogError(Msg("caselog {source} is beschadigd vanaf regel {line} "
                                 "({problem}), terwijl er daarna nog besluiten staan; "
                                 "dit wordt niet automatisch hersteld: zet een back-up "
                                 "terug of laat `ave check` het aanwijzen",
                                     source=source, line=damage.line, problem=damage.problem)) from None
            blocks.append(block)
            end, end_line = stop, at_line + chunk.count(b"\n")
        at_line += chunk.count(b"\n")
    return Parsed(blocks, damage, offset + end, end_line, blocks[-1].seal if blocks else head,
                  count + len(blocks))


def _block_ok(chunk: bytes) -> bool:
    try:
        decode_block(chunk)
    except ValueError:
        return False
    return True


def _intact_prefix(chunk: bytes, ok: Callable[[bytes], bool]) -> int:
    """Length of the longest prefix ending at a line end that `ok` accepts (0 if none)."""
    end = chunk.rfind(b"\n")
    while end != -1:
        if ok(chunk[:end + 1]):
            return end + 1
        end = chunk.rfind(b"\n", 0, end)
    return 0


def _header_ok(chunk: bytes) -> bool:
    try:
        _check_header(chunk, "")
    except LogError:
        return False
    return True


def _check_header(chunk: bytes, source: str) -> dict[str, Any]:
    """The header table (empty for no header yet), or LogError when it is not an ave log."""
    if not chunk:
        return {}
    not_a_log = (Msg("{source} is geen geldig ave-caselog (de kop [ave_log] ontbreekt of "
                   "is onleesbaar); het bestand is niet aangeraakt: kies een ander pad "
                   "met --log", source=source))
    try:
        doc = tomllib.loads(chunk.decode("utf-8"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError, RecursionError):
        raise LogError(not_a_log) from None
    head = doc.get("ave_log")
    if set(doc) != {"ave_log"} or not isinstance(head, dict):
        raise LogError(not_a_log)
    if head.get("format") not in READABLE:
        raise LogError(Msg("{source} heeft logversie {version!r}; deze versie van ave kent "
                         "versie {LOG_FORMAT}",
                             source=source, version=head.get('format'), LOG_FORMAT=LOG_FORMAT))
    purges = head.get("purge", [])
    if (set(head) - {"format", "chain", "purge"} or not isinstance(purges, list)
            or not all(isinstance(p, dict) for p in purges)
            or ("chain" in head) != bool(purges) or not isinstance(head.get("chain", ""), str)):
        raise LogError(not_a_log)
    return head


def _exact_header(chunk: bytes, info: dict[str, Any]) -> bool:
    """Whether the header is byte for byte what ave writes (no comment or line of anyone
    else's: nothing in a log that no seal or anchor covers)."""
    if not info:
        return not chunk
    written = HEADER_COMMENT + tomli_w.dumps({"ave_log": info}).encode()
    return chunk in (written, written + b"\n")


def _unsealed_header(source: str) -> Msg:
    return Msg("caselog {source}: de kop bevat tekst die niet door ave is geschreven (een "
               "opmerking, een extra regel of een andere opmaak); dit wordt niet automatisch "
               "hersteld: zet een back-up terug of laat `ave check` het aanwijzen", source=source)


def header_info(chunk: bytes) -> dict[str, Any]:
    """The header of an intact log (`format`, and after a purge `chain` and `purge`)."""
    return _check_header(chunk, "")


def chain_problems(header: dict[str, Any], blocks: list[Block],
                   after_damage: frozenset[int] = frozenset()) -> list[Damage]:
    """Where the hash chain breaks: a record whose `prev` is not the seal before it (removed,
    reordered or re-sealed records), a format-1 record after chained ones, a purge record that
    does not match its anchor."""
    problems = []
    expected = header.get("chain", "")
    if expected and expected != chain_anchor(header.get("purge", [])):
        problems.append(Damage(1, 0, Msg("de kop met de opgeschoonde besluiten (purge) is "
                                       "gewijzigd: de keten klopt niet")))
    chained = False
    for block in blocks:
        if block.prev is None:
            if chained:
                problems.append(Damage(block.line, block.offset, Msg(
                    "record zonder ketenschakel (prev) na geketende records: ingevoegd?")))
        elif block.prev != expected and block.offset not in after_damage:
            problems.append(Damage(block.line, block.offset, Msg(
                "de keten is onderbroken: dit record volgt niet op het record ervoor "
                "(een record is verwijderd, verplaatst of gewijzigd)")))
        chained = chained or block.prev is not None
        expected = block.seal
    return problems


def scan(data: bytes) -> tuple[list[Block], list[Damage]]:
    """Every intact block and every damaged place, without stopping at the first, and every
    break of the hash chain (ave check)."""
    starts = block_starts(data)
    lead_end = starts[0] if starts else len(data)
    problems: list[Damage] = []
    header: dict[str, Any] = {}
    try:
        header = _check_header(data[:lead_end], "caselog")
    except LogError as exc:
        problems.append(Damage(1, 0, FirstClause(exc.message)))
    else:
        if not _exact_header(data[:lead_end], header):
            problems.append(Damage(1, 0, Msg("de kop bevat tekst die niet door ave is "
                                             "geschreven (een opmerking, een extra regel of "
                                             "een andere opmaak)")))
    blocks: list[Block] = []
    after_damage: set[int] = set()  # a damaged record already says the chain breaks there
    line = 1 + data.count(b"\n", 0, lead_end)
    for i, start in enumerate(starts):
        stop = starts[i + 1] if i + 1 < len(starts) else len(data)
        chunk = data[start:stop]
        try:
            blocks.append(decode_block(chunk, line, start))
        except ValueError as exc:
            after_damage.add(stop)
            intact = _intact_prefix(chunk, _block_ok) if i == len(starts) - 1 else 0
            if intact:
                blocks.append(decode_block(chunk[:intact], line, start))
                problems.append(Damage(line + chunk.count(b"\n", 0, intact), start + intact,
                                       Msg("beschadigde of onvolledige tekst na het "
                                         "laatste record")))
            else:
                problems.append(Damage(line, start, message_of(exc)))
        line += chunk.count(b"\n")
    problems += chain_problems(header, blocks, frozenset(after_damage))
    return blocks, problems
