"""The fast reader of the case log: one record as tomli-w writes it, read without a TOML parser
(about ten times faster on a large log). Anything else gives None, and the caller falls back to
tomllib, so this reader can only make reading faster, never different; its result is trusted
only when the record's seal matches (logformat.decode_block)."""

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
