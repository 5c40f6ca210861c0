"""What may never enter the log or the screen: BSN-like numbers (the log holds no direct
identifiers), control and direction characters (they could drive or disguise a colleague's
terminal), and texts too long to be notes. Pure."""

from __future__ import annotations

import re

from ave_cli.errors import AveError, Msg

_BSN_WEIGHTS = (9, 8, 7, 6, 5, 4, 3, 2, -1)
# Digit groups, and what may stand between the groups of one number as people write it: spaces
# of every kind (tab, no-break), dots, dashes of every kind, slashes, underscores and commas.
_SEPARATOR = r"[\s\u00a0\u2000-\u200a\u202f\u205f\u3000.\u002d\u2010-\u2015\u2212\ufe58\ufe63\uff0d/\\_,]"
_NUMBER = re.compile(rf"\d+(?:{_SEPARATOR}{{1,3}}\d+)*")
_GROUP = re.compile(r"\d+")


def passes_elfproef(digits: str) -> bool:
    """The BSN eleven-test on nine digits (not all zero)."""
    if len(digits) != 9 or not digits.isdigit() or set(digits) == {"0"}:
        return False
    return sum(int(d) * w for d, w in zip(digits, _BSN_WEIGHTS, strict=True)) % 11 == 0


def _ascii_digits(text: str) -> str:
    """Full-width and other Unicode decimal digits as 0-9 (NFKC folds the full-width forms)."""
    import unicodedata

    text = unicodedata.normalize("NFKC", text)
    if text.isascii():
        return text
    return "".join(str(unicodedata.decimal(c)) if c.isdecimal() else c for c in text)


def bsn_candidates(text: str) -> list[str]:
    """Every nine-digit run a reader could take for one number: a whole group of nine, or
    neighbouring groups of one number written with separators ('123 456 782', '12-34.56/782')."""
    found = []
    for number in _NUMBER.finditer(_ascii_digits(text)):
        groups = _GROUP.findall(number.group())
        for start in range(len(groups)):
            digits = ""
            for group in groups[start:]:
                digits += group
                if len(digits) >= 9:
                    break
            if len(digits) == 9:
                found.append(digits)
    return found


def looks_like_bsn(text: str) -> bool:
    """Nine digits that pass the elfproef, however they are grouped or separated."""
    return any(passes_elfproef(c) for c in bsn_candidates(text))


MAX_TEXT = 4000
# Control characters (newline and tab allowed), line/paragraph separators, and the bidi
# overrides and isolates that can make text display as something else.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200b-\u200f\u2028-\u202e"
                      "\u2060-\u2064\u2066-\u2069\ufeff]")


def text_problem(text: str, *, max_length: int | None = MAX_TEXT) -> str | None:
    """Why the log must not hold this free text ("bsn", "control", "length"), or None: a
    BSN-like number (no direct identifiers), control characters (they could drive a reader's
    terminal), or more than `max_length` characters."""
    if looks_like_bsn(text):
        return "bsn"
    if _CONTROL.search(text):
        return "control"
    if max_length is not None and len(text) > max_length:
        return "length"
    return None


def check_free_text(label: str, text: str, *, max_length: int | None = MAX_TEXT) -> str:
    """The text, or an AveError naming the field and the problem (see `text_problem`)."""
    problem = text_problem(text, max_length=max_length)
    if problem == "bsn":
        raise AveError(Msg("{label} bevat een nummer dat op een BSN lijkt; laat directe "
                           "persoonsgegevens weg uit het caselog", label=label))
    if problem == "control":
        raise AveError(Msg("{label} bevat een stuurteken; gebruik gewone tekst "
                           "(regeleinden en tabs mogen)", label=label))
    if problem == "length":
        raise AveError(Msg("{label} is {length} tekens lang; het maximum is {MAX_TEXT}",
                           label=label, length=len(text), MAX_TEXT=MAX_TEXT))
    return text


