"""Answers files and batch files: read, checked against the kapstok, turned into answers. Plain
bytes in, answers out; every problem is an AveError that names the file and the place."""

from __future__ import annotations

import csv
import io
import json
import tomllib
from collections.abc import Callable
from typing import Any

from ave_cli.core.messages import AveError, Listed, Msg, Text
from ave_cli.core.model import Answers, AnswerValue, Kapstok, Question

MAX_DIGITS = 30  # answers hold no numbers: a longer one is a mistake (or an attack on int())
MAX_DEPTH = 3  # an object of answers, a list of values in it, a value in that


def _strict_json(text: str) -> Any:
    """JSON as an answers file may hold it; a ValueError says why not: a key twice in one
    object (which one counts would be a guess), a number of more than MAX_DIGITS digits, NaN or
    Infinity, or nesting deeper than MAX_DEPTH."""

    def unique(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        found: dict[str, Any] = {}
        for key, value in pairs:
            if key in found:
                raise ValueError(Msg("de sleutel '{key}' staat er twee keer in", key=key))
            found[key] = value
        return found

    def number(kind: type) -> Callable[[str], Any]:
        def parse(digits: str) -> Any:
            if len(digits) > MAX_DIGITS:
                raise ValueError(Msg("een getal van {n} tekens; het maximum is {max}",
                                     n=len(digits), max=MAX_DIGITS))
            return kind(digits)
        return parse

    def constant(name: str) -> Any:
        raise ValueError(Msg("{name} is geen getal", name=name))

    doc = json.loads(text, object_pairs_hook=unique, parse_int=number(int),
                     parse_float=number(float), parse_constant=constant)
    if _depth(doc) > MAX_DEPTH:
        raise RecursionError
    return doc


def _depth(value: Any) -> int:
    if isinstance(value, dict):
        return 1 + max(map(_depth, value.values()), default=0)
    if isinstance(value, list):
        return 1 + max(map(_depth, value), default=0)
    return 0

def parse_answers_file(data: bytes, source: str) -> dict[str, Any]:
    """Parse an answers file: JSON when it looks like JSON (or ends in .json), else TOML."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise AveError(Msg("antwoordbestand {source} is geen UTF-8-tekst", source=source)) from None
    as_json = source.endswith(".json") or (not source.endswith(".toml")
                                            and text.lstrip().startswith("{"))
    try:
        doc = _strict_json(text) if as_json else tomllib.loads(text)
    except (ValueError, tomllib.TOMLDecodeError) as exc:  # (a JSONDecodeError is a ValueError)
        kind = "JSON" if as_json else "TOML"
        raise AveError(Msg("antwoordbestand {source} is geen geldige {kind} ({exc})",
                           source=source, kind=kind, exc=exc)) from None
    except RecursionError:
        raise AveError(Msg("antwoordbestand {source} is te diep genest", source=source)) from None
    if _depth(doc) > MAX_DEPTH:
        raise AveError(Msg("antwoordbestand {source} is te diep genest", source=source))
    if not isinstance(doc, dict):
        raise AveError(Msg("antwoordbestand {source} moet één object met antwoorden zijn", source=source))
    return doc


def _allowed(question: Question) -> Msg:
    if question.type == "bool":
        return Msg("true of false")
    # the key to write in the file, with the label a person reads beside it
    listed = Listed(Msg("{value} ({label})", value=v, label=Text(question.label(v)))
                    if question.label(v) != v else str(v) for v in question.values)
    return Msg("een lijst uit: {listed}", listed=listed) if question.type == "multi" else listed


def check_value(question: Question, value: Any, source: Msg | str) -> AnswerValue:
    """One answer, checked against its question; the error names the key and allowed values."""
    ok = (
        (question.type == "bool" and isinstance(value, bool))
        or (question.type == "choice" and isinstance(value, str) and value in question.values)
        or (question.type == "multi" and isinstance(value, list)
            and all(isinstance(v, str) and v in question.values for v in value)
            and len(set(value)) == len(value))
    )
    if not ok:
        shown = json.dumps(value, ensure_ascii=False, default=str)
        if len(shown) > 60:
            shown = shown[:57] + "..."
        raise AveError(Msg("{source}: ongeldig antwoord {shown} voor '{key}' "
                         "(toegestaan: {allowed})",
                         source=source, shown=shown, key=question.key, allowed=_allowed(question)))
    return list(value) if isinstance(value, list) else value


def validate_answers(kapstok: Kapstok, raw: dict[str, Any], source: Msg | str,
                     extra_keys: tuple[str, ...] = ()) -> tuple[Answers, list[str]]:
    """Checked answers (defaults filled in) and the keys still missing, in question order."""
    unknown = [key for key in raw if kapstok.question(key) is None and key not in extra_keys]
    if unknown:
        keys = ", ".join(q.key for q in kapstok.questions)
        raise AveError(Msg("{source}: onbekende vraag '{key}' (kapstok {kapstok} kent: "
                         "{keys})", source=source, key=unknown[0], kapstok=kapstok.name, keys=keys))
    answers: Answers = {}
    missing: list[str] = []
    for question in kapstok.questions:
        if question.key in raw:
            answers[question.key] = check_value(question, raw[question.key], source)
        elif question.has_default:
            answers[question.key] = _copy(question.default)
        else:
            missing.append(question.key)
    return answers, missing


def frozen(raw: dict[str, Any]) -> tuple[Any, ...] | None:
    """A set of raw answers as a key that is equal only for answers that check the same (each
    value with its type: 1, 1.0 and true differ); None when a value is too nested to be one."""
    items = []
    for key, value in raw.items():
        if isinstance(value, list):
            if not all(isinstance(v, str | bool | int | float) or v is None for v in value):
                return None
            value = tuple((type(v), v) for v in value)
        elif not (isinstance(value, str | bool | int | float) or value is None):
            return None
        items.append((key, type(value), value))
    return tuple(items)


def _copy(value: Any) -> Any:
    return list(value) if isinstance(value, list) else value


def missing_error(source: Msg | str, missing: list[str]) -> AveError:
    return AveError(Msg("{source}: antwoorden ontbreken voor {missing}; vul ze aan "
                      "in het antwoordbestand, of draai ave triage in een terminal om "
                      "ze te beantwoorden", source=source, missing=', '.join(missing)))


def parse_batch(data: bytes, source: str, kapstok: Kapstok) -> list[tuple[Msg, dict[str, Any]]]:
    """Answer sets from a TOML file (one table per case), JSON Lines or CSV (question keys as
    columns), each as (row label for errors, raw answers including `case`)."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise AveError(Msg("batchbestand {source} is geen UTF-8-tekst", source=source)) from None
    kind = source.rsplit(".", 1)[-1].lower() if "." in source else ""
    if kind not in ("toml", "jsonl", "ndjson", "csv"):
        first = text.lstrip()[:1]
        kind = "jsonl" if first == "{" else "csv" if "," in text.split("\n", 1)[0] else "toml"
    rows = (_batch_jsonl(text, source) if kind in ("jsonl", "ndjson")
            else _batch_csv(text, source, kapstok) if kind == "csv" else _batch_toml(text, source))
    if not rows:
        raise AveError(Msg("batchbestand {source} bevat geen antwoorden", source=source))
    return rows


def _batch_toml(text: str, source: str) -> list[tuple[Msg, dict[str, Any]]]:
    try:
        doc = tomllib.loads(text)
    except ValueError as exc:  # a TOMLDecodeError, or an integer too long for int()
        raise AveError(Msg("batchbestand {source} is geen geldige TOML ({exc})",
                           source=source, exc=exc)) from None
    except RecursionError:
        raise AveError(Msg("batchbestand {source} is te diep genest", source=source)) from None
    if len(doc) == 1 and isinstance(next(iter(doc.values())), list):
        key, tables = next(iter(doc.items()))
        rows = [(Msg("{source}: [[{key}]] nr. {number}", source=source, key=key, number=i + 1), t)
                for i, t in enumerate(tables)]
    else:
        rows = [(Msg("{source}: [{key}]", source=source, key=key), t) for key, t in doc.items()]
    for label, table in rows:
        if not isinstance(table, dict):
            raise AveError(Msg("{label}: verwacht een tabel met antwoorden en 'case'", label=label))
    return rows


def _batch_jsonl(text: str, source: str) -> list[tuple[Msg, dict[str, Any]]]:
    rows = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        label = Msg("{source}: regel {number}", source=source, number=number)
        try:
            obj = _strict_json(line)
        except ValueError as exc:
            raise AveError(Msg("{label}: geen geldige JSON ({msg})",
                               label=label, msg=getattr(exc, "msg", exc))) from None
        except RecursionError:
            raise AveError(Msg("{label}: te diep genest", label=label)) from None
        if not isinstance(obj, dict):
            raise AveError(Msg("{label}: verwacht één object met antwoorden en 'case'", label=label))
        rows.append((label, obj))
    return rows


TRUE_WORDS, FALSE_WORDS = {"true", "ja", "1", "waar"}, {"false", "nee", "0", "onwaar"}


def _batch_csv(text: str, source: str, kapstok: Kapstok) -> list[tuple[Msg, dict[str, Any]]]:
    """CSV cells are text: ja/nee for yes/no questions, ';' between several signalen; an empty
    cell leaves the question to its default."""
    reader = csv.DictReader(io.StringIO(text))
    if reader.fieldnames is None or "case" not in reader.fieldnames:
        raise AveError(Msg("batchbestand {source}: de kopregel mist de kolom 'case'", source=source))
    rows = []
    for number, record in enumerate(reader, start=2):
        label = Msg("{source}: rij {number}", source=source, number=number)
        if None in record:
            raise AveError(Msg("{label}: meer cellen dan kolommen in de kopregel", label=label))
        raw: dict[str, Any] = {}
        for key, cell in record.items():
            cell = (cell or "").strip()
            if not cell:
                continue
            question = kapstok.question(key)
            if question is not None and question.type == "bool":
                lowered = cell.lower()
                raw[key] = True if lowered in TRUE_WORDS else False if lowered in FALSE_WORDS else cell
            elif question is not None and question.type == "multi":
                raw[key] = [part.strip() for part in cell.split(";") if part.strip()]
            else:
                raw[key] = cell
        rows.append((label, raw))
    return rows
