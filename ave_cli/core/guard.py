"""What may never enter the log or the screen: BSN-like numbers (the log holds no direct
identifiers), characters outside the known set of plain text (control, direction, invisible and
look-alike characters could drive, disguise or hide), and texts too long to be notes. Pure."""

from __future__ import annotations

import re
import unicodedata

from ave_cli.core.messages import AveError, Msg

# A decimal digit of any script (Unicode category Nd: what unicodedata.decimal reads).
_DIGIT = re.compile(r"\d")
# Text made only of characters that are always allowed (printable ASCII, line ends, tabs, and the
# letters, punctuation and symbols of Latin-1 and Latin Extended-A/B, without the no-break space
# and the soft hyphen): `disallowed` needs no character-by-character look at it.
_PLAIN = re.compile("[ -~\n\t\u00a1-\u00ac\u00ae-\u024f]*")

_BSN_WEIGHTS = (9, 8, 7, 6, 5, 4, 3, 2, -1)


def passes_elfproef(digits: str) -> bool:
    """The BSN eleven-test on nine digits (not all zero)."""
    if len(digits) != 9 or not digits.isdigit() or set(digits) == {"0"}:
        return False
    return sum(int(d) * w for d, w in zip(digits, _BSN_WEIGHTS, strict=True)) % 11 == 0


def bsn_candidates(text: str) -> list[str]:
    """Every nine-digit run a reader could take for one number. A number is digit groups (any
    Unicode decimal digit, read as 0-9) with anything but letters and digits between them; a
    letter ends it. A candidate is a whole group of nine, or neighbouring groups of nine digits
    together ('123 456 782', '(123) 456-782', '1\u00ad2\u2800345...')."""
    if len(_DIGIT.findall(text)) < 9:
        return []  # (most texts: nothing to look at)
    found: list[str] = []
    groups: list[str] = []
    digits = ""
    for char in text:
        value = unicodedata.decimal(char, None)
        if value is not None:
            digits += str(value)
            continue
        if digits:
            groups.append(digits)
            digits = ""
        if unicodedata.category(char)[0] == "L":  # a word: the number ends
            found += _nines(groups)
            groups = []
    if digits:
        groups.append(digits)
    return found + _nines(groups)


def _nines(groups: list[str]) -> list[str]:
    """Runs of whole neighbouring groups that hold nine digits together."""
    found = []
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
# Characters that are letters or symbols to Unicode but show as nothing: they could make one
# name look like another, or hide a number's digits apart.
_INVISIBLE = frozenset("\u115f\u1160\u17b4\u17b5\u2800\u3164\uffa0")
_VARIATION = ((0xFE00, 0xFE0F), (0xE0100, 0xE01EF), (0x180B, 0x180F))


def disallowed(text: str) -> str | None:
    """The first character free text may not hold, or None. Allowed (a known set, not a list
    of what to refuse): letters, digits and other numbers, a mark that belongs to a letter (a
    combining accent after one), the ordinary space, printable punctuation and symbols, and
    line ends and tabs. So every control, format (soft hyphen, zero-width, direction, tag),
    private-use, unassigned or surrogate character, every separator but the space, every
    enclosing mark and variation selector, and the invisible fillers are refused."""
    if _PLAIN.fullmatch(text):
        return None
    return _first_disallowed(text)


def _first_disallowed(text: str) -> str | None:
    """`disallowed`, one character at a time."""
    after_letter = False
    for char in text:
        kind = unicodedata.category(char)
        if char in "\n\t" or char == " ":
            ok, after_letter = True, False
        elif char in _INVISIBLE or any(lo <= ord(char) <= hi for lo, hi in _VARIATION):
            ok = False
        elif kind[0] == "L":
            ok = after_letter = True
        elif kind in ("Mn", "Mc"):
            ok = after_letter
        else:
            ok, after_letter = kind[0] in "NPS", False
        if not ok:
            return char
    return None


def text_problem(text: str, *, max_length: int | None = MAX_TEXT) -> str | None:
    """Why the log must not hold this free text ("bsn", "control", "length"), or None: a
    BSN-like number (no direct identifiers), a character free text may not hold (`disallowed`:
    it could drive, disguise or hide), or more than `max_length` characters."""
    if looks_like_bsn(text):
        return "bsn"
    if disallowed(text) is not None:
        return "control"
    if max_length is not None and len(text) > max_length:
        return "length"
    return None


def check_free_text(label: Msg | str, text: str, *, max_length: int | None = MAX_TEXT) -> str:
    """The text in Unicode's composed form (NFC: an accent typed as a separate mark and one
    typed on its letter are the same text, so one holder's name never looks like another's), or
    an AveError naming the field and the problem (see `text_problem`)."""
    text = unicodedata.normalize("NFC", text)
    problem = text_problem(text, max_length=max_length)
    if problem == "bsn":
        raise AveError(Msg("{label} bevat een nummer dat op een BSN lijkt; laat directe "
                           "persoonsgegevens weg uit het caselog", label=label))
    if problem == "control":
        char = disallowed(text) or ""
        raise AveError(Msg("{label} bevat een teken dat niet mag (U+{code}, {name}); gebruik "
                           "gewone tekst (letters, cijfers, leestekens, spatie, regeleinden en "
                           "tabs)", label=label, code=f"{ord(char):04X}", name=_char_name(char)))
    if problem == "length":
        raise AveError(Msg("{label} is {length} tekens lang; het maximum is {MAX_TEXT}",
                           label=label, length=len(text), MAX_TEXT=MAX_TEXT))
    return text


def _char_name(char: str) -> str:
    return unicodedata.name(char, unicodedata.category(char)).lower()
