"""The errors ave reports to users, with their exit codes, and the messages they carry. Imports
nothing, so that every command can catch them without paying for the rest of the package.

The core never translates: it builds a `Msg` (the Dutch text as message id, and named
parameters) and the shell turns it into text in the interface language. The shell installs its
translator once (`Msg.translate`); until then, and in the case log, a message reads as Dutch."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any, ClassVar

LOCAL_RULE = "Lokale regel: "  # the prefix of a local rule's reason in an outcome (and the log)


def _dutch(msgid: str) -> str:
    return msgid


def N_(msgid: str) -> str:
    """Mark a text for the catalogue where it is defined (a table at import time); it is
    translated where it is shown."""
    return msgid


class Msg:
    """A message for a person: a message id and named parameters (which may be messages)."""

    __slots__ = ("msgid", "params")
    translate: ClassVar[Callable[[str], str]] = _dutch

    def __init__(self, msgid: str, /, **params: Any):
        self.msgid = msgid
        self.params = params

    def render(self, translate: Callable[[str], str]) -> str:
        return translate(self.msgid).format(**{
            k: v.render(translate) if isinstance(v, Msg) else v for k, v in self.params.items()})

    def __str__(self) -> str:
        return self.render(Msg.translate)

    def __format__(self, spec: str) -> str:
        return format(str(self), spec)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Msg) and (self.msgid, self.params) == (other.msgid, other.params)

    def __hash__(self) -> int:
        return hash(self.msgid)

    def __repr__(self) -> str:
        return f"Msg({self.msgid!r}, **{self.params!r})"


class Text(Msg):
    """A text from the kapstok (a question, a label, a reason built from one): shown in the
    interface language from the kapstok's own `*_en` fields. The shell installs that
    translator (`Text.translate_kapstok`); until then, and in the case log, it reads as written."""

    translate_kapstok: ClassVar[Callable[[str], str]] = _dutch

    def __init__(self, text: str):
        super().__init__(text)

    def render(self, translate: Callable[[str], str]) -> str:
        return Text.translate_kapstok(self.msgid)


class Listed(Msg):
    """Messages (or plain texts) shown one after another, separated by `sep`."""

    def __init__(self, items: Iterable[Msg | str], sep: str = ", "):
        super().__init__("{items}", items=tuple(items), sep=sep)

    def render(self, translate: Callable[[str], str]) -> str:
        return str(self.params["sep"]).join(
            item.render(translate) if isinstance(item, Msg) else str(item)
            for item in self.params["items"])


class FirstClause(Msg):
    """The part of a message before its first ';' (the problem without the advice)."""

    def __init__(self, whole: Msg | str):
        super().__init__("{whole}", whole=whole)

    def render(self, translate: Callable[[str], str]) -> str:
        whole = self.params["whole"]
        return (whole.render(translate) if isinstance(whole, Msg) else whole).split(";")[0]


def message_of(exc: BaseException) -> Msg | str:
    """The message an exception carries, untranslated where the core made it."""
    if isinstance(exc, AveError):
        return exc.message
    if exc.args and isinstance(exc.args[0], Msg):
        return exc.args[0]
    return str(exc)


def an_interrupt(exc: BaseException) -> bool:
    """Ctrl-C, also where Python wrapped it in another exception: Python 3.11 turns an interrupt
    that lands while a class is being made (a dataclass field's __set_name__, as a module
    imports) into a RuntimeError whose cause is the KeyboardInterrupt."""
    seen: set[int] = set()
    found: BaseException | None = exc
    while found is not None and id(found) not in seen:
        if isinstance(found, KeyboardInterrupt):
            return True
        seen.add(id(found))
        found = found.__cause__ or found.__context__
    return False


class AveError(Exception):
    """A problem the user can fix: bad input, a bad file, an impossible request (exit 2)."""

    exit_code = 2

    def __init__(self, message: Msg | str):
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return str(self.message)


class Cancelled(Exception):
    """The user chose to stop in a menu ("Afbreken"): not an error, and nothing was written."""


class EnvironmentProblem(AveError):
    """The machine is in the way: a lock held too long, a disk that will not write (exit 1)."""

    exit_code = 1


class KapstokError(AveError):
    """A kapstok file that is not valid: the message names the file, the place and the problem."""


class LogError(AveError):
    """The file is not a valid case log, or is damaged where it cannot be read around."""


class LogWentBack(LogError):
    """The log no longer extends the newest head this computer saw of it: cut, rolled back,
    rewritten or deleted outside ave. Nothing is read or written until that is cleared up."""


class CaseMovedOn(EnvironmentProblem):
    """The case was written to after the questions of a triage began (exit 1)."""


class TooLarge(AveError):
    """The answer space is too large to compare in a few seconds."""
