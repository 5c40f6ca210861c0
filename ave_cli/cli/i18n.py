"""The interface language. Dutch is the default and the message ids are the Dutch texts; English
comes from a plain catalogue (`catalog_en.EN`, Dutch text -> English text), loaded only when
English is asked for. Placeholders are named (`{case}`) and filled after translation, so a
translator sees and can reorder whole sentences; no message is glued from translated pieces.

Kapstok texts (questions, help, criteria, reasons, descriptions) are translated the same way from
the `*_en` fields of the kapstok file (see `add_kapstok_texts`). The case log always records the
Dutch texts: it is a record, and a colleague may read it in the other language.
"""

from __future__ import annotations

from ave_cli.core.messages import LOCAL_RULE

LANGS = ("nl", "en")
DEFAULT = "nl"

_state = {"lang": DEFAULT}
_kapstok_texts: dict[str, str] = {}
missing: set[str] = set()  # msgids asked for in English without a translation (tests read it)


class LanguageError(ValueError):
    pass


def set_lang(lang: str) -> None:
    lang = lang.strip().lower()
    if lang not in LANGS:
        raise LanguageError(lang)
    _state["lang"] = lang


def current() -> str:
    return _state["lang"]


def _(msgid: str) -> str:
    """The message in the current language; the Dutch text when no translation exists (and the
    miss is remembered, so a test can fail on it)."""
    if _state["lang"] == DEFAULT:
        return msgid
    from ave_cli.cli.catalog_en import EN

    text = EN.get(msgid)
    if text is None:
        missing.add(msgid)
        return msgid
    return text


def n_(singular: str, plural: str, n: int) -> str:
    """A whole message for one or for several (`{n}` is filled by the caller)."""
    return _(singular) if n == 1 else _(plural)


def add_kapstok_texts(texts: dict[str, str]) -> None:
    """Register a kapstok's English texts (Dutch text -> English text)."""
    _kapstok_texts.update(texts)


def _split_facts(text: str) -> tuple[str, str] | None:
    """A reason `text (key: label; ...)` as its text and its facts (labels may hold brackets)."""
    if not text.endswith(")"):
        return None
    depth = 0
    for i in range(len(text) - 1, -1, -1):
        depth += {")": 1, "(": -1}.get(text[i], 0)
        if depth == 0:
            if i < 2 or text[i - 1] != " ":
                return None
            return text[:i - 1], text[i + 1:-1]
    return None


_YES_NO = ("ja", "nee")  # the labels of a yes/no answer (model.Question.label), from the catalogue


def _label(text: str) -> str:
    if text in _YES_NO:
        return _(text)
    return _kapstok_texts.get(text, text)


def k_(text: str) -> str:
    """A kapstok text (or a reason built from one) in the current language. Reasons carry the
    answers behind them as `(key = value; ...)`: keys and values are the kapstok's fixed ids and
    stay as they are. A text the kapstok does not translate (a professional's own words) is shown
    as written."""
    if _state["lang"] == DEFAULT or not text:
        return text
    if text in _kapstok_texts or text in _YES_NO:
        return _label(text)
    if text.startswith(LOCAL_RULE):
        return _("Lokale regel: {reason}").format(reason=k_(text.removeprefix(LOCAL_RULE)))
    split = _split_facts(text)
    if split and split[0] in _kapstok_texts:
        facts = []
        for fact in split[1].split("; "):
            key, colon, label = fact.partition(": ")
            facts.append(f"{key}{colon}{_label(label)}" if colon else fact)
        return f"{_kapstok_texts[split[0]]} ({'; '.join(facts)})"
    return text


def from_argv(argv: list[str]) -> tuple[str | None, list[str]]:
    """`--lang X` or `--lang=X` anywhere before `--`: its value, and argv without it, so that
    `ave triage --lang en` works as well as `ave --lang en triage`."""
    rest: list[str] = []
    found: str | None = None
    i = 0
    while i < len(argv):
        arg = argv[i]
        if arg == "--":
            rest += argv[i:]
            break
        if arg == "--lang" and i + 1 < len(argv):
            found = argv[i + 1]
            i += 2
            continue
        if arg.startswith("--lang="):
            found = arg.split("=", 1)[1]
            i += 1
            continue
        rest.append(arg)
        i += 1
    return found, rest


def choose(option: str | None, env: str | None, config: str | None) -> str:
    """The option, else $AVE_LANG, else the user config, else Dutch. An unknown value is an
    error that says which choices there are."""
    for value, source in ((option, "--lang"), (env, "AVE_LANG"), (config, "config: lang")):
        if value:
            value = value.strip().lower()
            if value not in LANGS:
                raise LanguageError(f"{source}: '{value}'")
            return value
    return DEFAULT
