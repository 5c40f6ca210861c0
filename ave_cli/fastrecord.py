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

_KEY_VALUE = re.compile(r"([A-Za-z0-9_-]+) = (.*)")
_DATETIME = re.compile(r"\d{4}-\d\d-\d\d[ T]\d\d:\d\d:\d\d(\.\d+)?([+-]\d\d:\d\d|Z)")
_FAIL = object()


def _scalar(raw: str) -> Any:
    if raw.startswith('"'):
        try:  # TOML basic strings escape as JSON does; tomli-w leaves tabs as they are
            value, end = scanstring(raw, 1, False)
        except ValueError:
            return _FAIL
        return value if end == len(raw) else _FAIL
    if raw == "true":
        return True
    if raw == "false":
        return False
    if raw == "[]":
        return []
    if raw.isdigit():
        return int(raw)
    if _DATETIME.fullmatch(raw):
        return datetime.fromisoformat(raw)
    return _FAIL


def fast_record(text: str) -> dict[str, Any] | None:
    """The record in one block as tomli-w writes it; None for anything else."""
    lines = text.split("\n")
    i = 0
    while i < len(lines) and not lines[i]:
        i += 1
    if i == len(lines) or lines[i] != "[[decision]]":
        return None
    record: dict[str, Any] = {}
    table = record
    i += 1
    while i < len(lines):
        line = lines[i]
        i += 1
        if not line:
            continue
        if line.startswith("[decision.") and line.endswith("]"):
            name = line[10:-1]
            if not name.isidentifier() or name in record:
                return None
            table = record[name] = {}
            continue
        match = _KEY_VALUE.fullmatch(line)
        if match is None or match[1] in table:
            return None
        raw = match[2]
        if raw == "[":
            items = []
            while i < len(lines) and lines[i] != "]":
                item = lines[i]
                if not (item.startswith("    ") and item.endswith(",")):
                    return None
                value = _scalar(item[4:-1])
                if value is _FAIL or isinstance(value, list):
                    return None
                items.append(value)
                i += 1
            if i == len(lines):
                return None
            i += 1
            value = items
        else:
            value = _scalar(raw)
            if value is _FAIL:
                return None
        table[match[1]] = value
    return record


_BARE_KEY = re.compile(r"[A-Za-z0-9_-]+")
_PLAIN_STRING = re.compile(r'[^"\\\x00-\x08\x0a-\x1f\x7f]*')  # needs no escape (tab may stay)


def _fast_literal(value: Any) -> str | None:
    if isinstance(value, str):
        return f'"{value}"' if _PLAIN_STRING.fullmatch(value) else None
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | datetime):
        return str(value)
    if isinstance(value, list):
        if not value:
            return "[]"
        items = [_fast_literal(v) if not isinstance(v, list | dict) else None for v in value]
        if None in items:
            return None
        return "[\n" + "".join(f"    {item},\n" for item in items) + "]"
    return None


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
        if literal is None or not _BARE_KEY.fullmatch(key):
            return None
        lines.append(f"{key} = {literal}")
    for name, table in tables:
        if not _BARE_KEY.fullmatch(name):
            return None
        lines += ["", f"[decision.{name}]"]
        for key, value in table.items():
            literal = _fast_literal(value)
            if literal is None or isinstance(value, dict) or not _BARE_KEY.fullmatch(key):
                return None
            lines.append(f"{key} = {literal}")
    # tomli-w writes a record that fits on one line of 100 as an inline table instead; the
    # inline form holds every `key = value` written here, so past 100 characters (or with a
    # line break in a list) it cannot fit. A short record is left to tomli-w.
    if sum(len(line) for line in lines if " = " in line) <= 100 and not any(
            "\n" in line for line in lines):
        return None
    return "\n".join(lines) + "\n"
