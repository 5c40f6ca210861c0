"""The checks the kapstok loader (kapstok.py) makes of each table, with errors that name the file,
the place in it and the problem."""

from __future__ import annotations

from typing import Any

from ave_cli.core.messages import KapstokError, Msg


class Reader:
    """Small helpers that check one table and raise errors naming the file and place."""

    def __init__(self, source: str):
        self.source = source

    def fail(self, place: str, problem: Msg) -> KapstokError:
        where = f"{self.source}: {place}: " if place else f"{self.source}: "
        return KapstokError(Msg("ongeldige kapstok {where}{problem}", where=where, problem=problem))

    def table(self, value: Any, place: str, allowed: set[str]) -> dict[str, Any]:
        if not isinstance(value, dict):
            raise self.fail(place, Msg("verwacht een tabel"))
        unknown = sorted(set(value) - allowed)
        if unknown:
            raise self.fail(place, Msg("onbekende sleutel '{key}' (toegestaan: "
                                     "{allowed})", key=unknown[0], allowed=', '.join(sorted(allowed))))
        return value

    def text(self, table: dict[str, Any], key: str, place: str, *, required: bool = True) -> str:
        if key not in table:
            if required:
                raise self.fail(place, Msg("'{key}' ontbreekt", key=key))
            return ""
        value = table[key]
        if not isinstance(value, str):
            raise self.fail(place, Msg("'{key}' moet tekst zijn", key=key))
        if required and not value.strip():
            raise self.fail(place, Msg("'{key}' is leeg", key=key))
        return value

    def texts(self, table: dict[str, Any], key: str, place: str) -> tuple[str, ...]:
        value = table.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise self.fail(place, Msg("'{key}' moet een lijst van teksten zijn", key=key))
        return tuple(value)

    def items(self, table: dict[str, Any], key: str, place: str) -> tuple[str, ...]:
        """A list of texts; one text is read as a list of one."""
        if isinstance(table.get(key), str):
            return (table[key],) if table[key].strip() else ()
        return self.texts(table, key, place)

    def days(self, table: dict[str, Any], key: str, place: str) -> int | None:
        value = table.get(key)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int) or value < 1:
            raise self.fail(place, Msg("'{key}' moet een positief aantal dagen zijn", key=key))
        return value


def table_list(r: Reader, value: Any, place: str) -> list[Any]:
    if not isinstance(value, list):
        raise r.fail(place, Msg("verwacht een lijst van tabellen ([[...]])"))
    return value


def fraction(r: Reader, table: dict[str, Any], place: str) -> float | None:
    value = table.get("expected_share")
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 <= value <= 1:
        raise r.fail(place, Msg("'expected_share' moet een getal van 0 tot en met 1 zijn (een "
                              "aandeel van de huishoudens, 0.15 voor 15%)"))
    return float(value)
