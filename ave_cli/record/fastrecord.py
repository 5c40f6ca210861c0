"""The fast writer and reader of the case log: one record as tomli-w writes it, written and read
without tomli-w or a TOML parser (about ten times faster on a large log). For anything else
both give None and the caller falls back to tomli-w or tomllib, so they can only make writing
and reading faster, never different: the writer gives tomli-w's text byte for byte
(tests/test_properties.py), and the reader's result is trusted only when the record's seal
matches (logformat.decode_block)."""

from __future__ import annotations

import re
from datetime import datetime
from json.decoder import scanstring  # type: ignore[attr-defined]
from typing import Any

# what tomli-w writes, and only forms TOML and fromisoformat read alike: ASCII digits, a space or
# T, up to six digits of a second's fraction, an offset of at most 23:59 or Z
_DATETIME = re.compile(r"\d{4}-\d\d-\d\d[ T]\d\d:\d\d:\d\d(\.\d{1,6})?"
                       r"(?:[+-](?:[01]\d|2[0-3]):[0-5]\d|Z)", re.ASCII)
_INTEGER = re.compile(r"0|[1-9][0-9]*", re.ASCII)  # TOML's decimal integer, without sign or _
# in a basic string: only TOML's escapes that JSON's scanstring reads the same way
_ESCAPES = re.compile(r'\\(?:[btnfr"\\]|u[0-9A-Fa-f]{4})', re.ASCII)
# characters a TOML basic string may not hold as they are (a tab may), and surrogates, which it
# may not hold escaped either
_NOT_IN_STRING = re.compile("[\x00-\x08\x0a-\x1f\x7f\ud800-\udfff]")
_SURROGATE = re.compile("[\ud800-\udfff]")
# JSON reads an escaped surrogate pair as one character; TOML has no surrogate escapes at all
_ESCAPED_SURROGATE = re.compile(r"\\u[dD][89abAB]")
_FAIL = object()


_BARE_KEY = re.compile(r"[A-Za-z0-9_-]+")
_BARE: set[str] = set()  # keys seen to be bare: a record has the same few dozen again and again
_WORDS = {"true": True, "false": False}


def _bare(key: str) -> bool:
    if key in _BARE:
        return True
    if _BARE_KEY.fullmatch(key) is None:
        return False
    if len(_BARE) < 1000:
        _BARE.add(key)
    return True


def _scalar(raw: str) -> Any:
    """The value of a TOML scalar as tomllib reads it, or _FAIL for anything this reader does
    not know to read exactly alike (then tomllib decides)."""
    if raw.startswith('"'):
        inner = raw[1:-1]
        if len(raw) < 2 or raw[-1] != '"' or _NOT_IN_STRING.search(inner):
            return _FAIL
        if '"' not in inner and "\\" not in inner:
            return inner  # what scanstring gives for a string without quotes or escapes
        if _ESCAPES.sub("", inner).count("\\") or _ESCAPED_SURROGATE.search(inner):
            return _FAIL  # an escape TOML does not have (\/, \x, \e, ...) or \U: tomllib's
        try:  # TOML's basic-string escapes, as JSON has them; tomli-w leaves tabs as they are
            value, end = scanstring(raw, 1, False)
        except ValueError:
            return _FAIL
        if end != len(raw) or _SURROGATE.search(value):
            return _FAIL  # (an escaped lone surrogate: TOML has none)
        return value
    if raw in _WORDS:
        return _WORDS[raw]
    if raw == "[]":
        return []
    if _INTEGER.fullmatch(raw):
        return int(raw)
    if _DATETIME.fullmatch(raw):
        try:
            return datetime.fromisoformat(raw)
        except ValueError:  # a day, hour or second that does not exist: tomllib says so
            return _FAIL
    return _FAIL


_OPEN, _EMPTY = object(), object()  # a line `key = [` (an array follows), `key = []`
_LINES: dict[str, Any] = {}  # a line read before: (key, value) or _FAIL; most lines recur
_ITEMS: dict[str, Any] = {}  # an array item line read before: its value or _FAIL


def _remember(cache: dict[str, Any], line: str, found: Any) -> Any:
    if len(cache) >= 8192:
        cache.clear()  # lines with ids, times and seals do not recur: keep the memory small
    cache[line] = found
    return found


def _key_value(line: str) -> Any:
    """A `key = value` line with a bare key as (key, value), else _FAIL. The value is shared
    between reads of the same line, so only immutable ones are kept (an empty array: _EMPTY)."""
    found = _LINES.get(line)
    if found is None:
        # the first " = " ends the key (a bare key has no space)
        key, equals, raw = line.partition(" = ")
        value = _scalar(raw) if equals and raw != "[" else _OPEN
        if not equals or not _bare(key) or value is _FAIL:
            found = _FAIL
        else:
            found = (key, _EMPTY if value == [] and isinstance(value, list) else value)
        _remember(_LINES, line, found)
    return found


def _item(line: str) -> Any:
    found = _ITEMS.get(line)
    if found is None:
        found = _FAIL
        if line.startswith("    ") and line.endswith(","):
            value = _scalar(line[4:-1])
            if not isinstance(value, list):
                found = value
        _remember(_ITEMS, line, found)
    return found


def fast_record(text: str, *, strict: bool = False) -> dict[str, Any] | None:
    """The record in one block as tomli-w writes it; None for anything else. `strict`: also
    None for a blank line anywhere but before a table and (one) at the end."""
    lines = text.split("\n")
    count = len(lines)
    i = 0
    if strict:  # the line end of the last line, and the blank line that parts the blocks
        for _ in range(2):
            if count > 1 and lines[count - 1] == "":
                count -= 1
    while i < count and not lines[i]:
        i += 1
    if i == count or lines[i] != "[[decision]]" or (strict and i > 1):
        return None
    record: dict[str, Any] = {}
    table = record
    i += 1
    while i < count:
        line = lines[i]
        i += 1
        if not line:
            if strict and (i == count or not lines[i].startswith("[decision.")):
                return None
            continue
        if line.startswith("[decision.") and line.endswith("]"):
            name = line[10:-1]
            if not name.isidentifier() or name in record:
                return None
            table = record[name] = {}
            continue
        found = _key_value(line)
        if found is _FAIL or found[0] in table:
            return None
        key, value = found
        if value is _OPEN:
            items = []
            while i < count and lines[i] != "]":
                item = _item(lines[i])
                if item is _FAIL:
                    return None
                items.append(item)
                i += 1
            if i == count:
                return None
            i += 1
            value = items
        elif value is _EMPTY:
            value = []
        table[key] = value
    return record


_PLAIN_STRING = re.compile(r'[^"\\\x00-\x08\x0a-\x1f\x7f]*')  # needs no escape (tab may stay)


_STRINGS: dict[str, str | None] = {}  # the literals of strings seen: most recur in every record


def _string(value: str) -> str | None:
    found = _STRINGS.get(value, _FAIL)
    if found is _FAIL:
        found = f'"{value}"' if _PLAIN_STRING.fullmatch(value) else None
        if len(_STRINGS) >= 4096:
            _STRINGS.clear()  # ids and seals do not recur: keep the memory small
        _STRINGS[value] = found
    return found  # type: ignore[return-value]


def _fast_literal(value: Any) -> str | None:
    if isinstance(value, str):
        return _string(value)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | datetime):
        return str(value)
    if isinstance(value, list):
        if not value:
            return "[]"
        if all(type(v) is str for v in value):  # noqa: E721  (exactly str: the cache's key)
            texts = tuple(value)
            found = _ARRAYS.get(texts, _FAIL)
            if found is _FAIL:
                found = _array(value)
                if len(_ARRAYS) >= 4096:
                    _ARRAYS.clear()
                _ARRAYS[texts] = found
            return found  # type: ignore[return-value]
        return _array(value)
    return None


_ARRAYS: dict[tuple[str, ...], str | None] = {}  # the literals of arrays of strings seen


def _array(value: list[Any]) -> str | None:
    items = [_fast_literal(v) if not isinstance(v, list | dict) else None for v in value]
    if None in items:
        return None
    return "[\n" + "".join(f"    {item},\n" for item in items) + "]"


def fast_dumps(record: dict[str, Any]) -> str | None:
    """`tomli_w.dumps({"decision": [record]})`, exactly, for the records ave writes (plain
    strings, booleans, integers, datetimes, lists of those, one level of tables), about ten
    times faster; None for anything else (tests/test_properties.py holds the two equal)."""
    lines = ["[[decision]]"]
    tables = []
    for key, value in record.items():
        if isinstance(value, dict):
            tables.append((key, value))
            continue
        literal = _fast_literal(value)
        if literal is None or not _bare(key):
            return None
        lines.append(f"{key} = {literal}")
    for name, table in tables:
        if not _bare(name):
            return None
        lines += ["", f"[decision.{name}]"]
        for key, value in table.items():
            literal = _fast_literal(value)
            if literal is None or isinstance(value, dict) or not _bare(key):
                return None
            lines.append(f"{key} = {literal}")
    # tomli-w writes a record that fits on one line of 100 as an inline table instead; the
    # inline form holds every `key = value` written here, so past 100 characters (or with a
    # line break in a list) it cannot fit. A short record is left to tomli-w.
    if sum(len(line) for line in lines if " = " in line) <= 100 and not any(
            "\n" in line for line in lines):
        return None
    return "\n".join(lines) + "\n"


def forget() -> None:
    """Empty the caches of lines, literals and keys (tests: each starts from nothing)."""
    for cache in (_BARE, _LINES, _ITEMS, _STRINGS, _ARRAYS):
        cache.clear()
