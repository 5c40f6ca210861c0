"""The triage questionnaire: answers files, validation, and the interactive flow.

Every prompt goes through one `ask(Prompt)` function: questionary in real use (imported only
here, only when asked), a scripted stand-in in tests.
"""

from __future__ import annotations

import json
import sys
import tomllib
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Any

from ave_cli.core.guard import check_free_text
from ave_cli.core.messages import AveError, Cancelled
from ave_cli.core.model import Answers, AnswerValue, Kapstok, Outcome, Question
from ave_cli.core.rules import evaluate
from ave_cli.i18n import _, k_

HELP = object()  # what the real asker returns internally for "show the help text"
BACK = object()  # the answer "back to the previous question" (a choice, or the left arrow key)


@dataclass(frozen=True)
class Prompt:
    kind: str  # "select", "checkbox" or "text"
    message: str
    choices: tuple[tuple[str, Any], ...] = ()
    default: Any = None
    help: str = ""
    validate: Callable[[str], str | None] | None = field(default=None, compare=False)
    back: bool = False  # offer "previous question" (choice and the left arrow key)


Ask = Callable[[Prompt], Any]


# --- answers files --------------------------------------------------------------------------

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
                raise ValueError(_("de sleutel '{key}' staat er twee keer in").format(key=key))
            found[key] = value
        return found

    def number(kind: type) -> Callable[[str], Any]:
        def parse(digits: str) -> Any:
            if len(digits) > MAX_DIGITS:
                raise ValueError(_("een getal van {n} tekens; het maximum is {max}").format(
                    n=len(digits), max=MAX_DIGITS))
            return kind(digits)
        return parse

    def constant(name: str) -> Any:
        raise ValueError(_("{name} is geen getal").format(name=name))

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
        raise AveError(_("antwoordbestand {source} is geen UTF-8-tekst").format(source=source)) from None
    as_json = source.endswith(".json") or (not source.endswith(".toml")
                                            and text.lstrip().startswith("{"))
    try:
        doc = _strict_json(text) if as_json else tomllib.loads(text)
    except (ValueError, tomllib.TOMLDecodeError) as exc:  # (a JSONDecodeError is a ValueError)
        kind = "JSON" if as_json else "TOML"
        raise AveError(_("antwoordbestand {source} is geen geldige {kind} ({exc})").format(
                           source=source, kind=kind, exc=exc)) from None
    except RecursionError:
        raise AveError(_("antwoordbestand {source} is te diep genest").format(
                           source=source)) from None
    if _depth(doc) > MAX_DEPTH:
        raise AveError(_("antwoordbestand {source} is te diep genest").format(source=source))
    if not isinstance(doc, dict):
        raise AveError(_("antwoordbestand {source} moet één object met antwoorden zijn").format(
                           source=source))
    return doc


def _allowed(question: Question) -> str:
    if question.type == "bool":
        return _("true of false")
    # the key to write in the file, with the label a person reads beside it
    listed = ", ".join(f"{v} ({k_(question.label(v))})" if question.label(v) != v else str(v)
                       for v in question.values)
    return _("een lijst uit: {listed}").format(listed=listed) if question.type == "multi" else listed


def check_value(question: Question, value: Any, source: str) -> AnswerValue:
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
        raise AveError(_("{source}: ongeldig antwoord {shown} voor '{key}' "
                         "(toegestaan: {allowed})").format(
                           source=source, shown=shown, key=question.key,
                           allowed=_allowed(question)))
    return list(value) if isinstance(value, list) else value


def validate_answers(kapstok: Kapstok, raw: dict[str, Any], source: str,
                     extra_keys: tuple[str, ...] = ()) -> tuple[Answers, list[str]]:
    """Checked answers (defaults filled in) and the keys still missing, in question order."""
    unknown = [key for key in raw if kapstok.question(key) is None and key not in extra_keys]
    if unknown:
        keys = ", ".join(q.key for q in kapstok.questions)
        raise AveError(_("{source}: onbekende vraag '{key}' (kapstok {kapstok} kent: "
                         "{keys})").format(
                           source=source, key=unknown[0], kapstok=kapstok.name, keys=keys))
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


def missing_error(source: str, missing: list[str]) -> AveError:
    return AveError(_("{source}: antwoorden ontbreken voor {missing}; vul ze aan "
                      "in het antwoordbestand, of draai ave triage in een terminal om "
                      "ze te beantwoorden").format(source=source, missing=', '.join(missing)))


def parse_batch(data: bytes, source: str, kapstok: Kapstok) -> list[tuple[str, dict[str, Any]]]:
    """Answer sets from a TOML file (one table per case), JSON Lines or CSV (question keys as
    columns), each as (row label for errors, raw answers including `case`)."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise AveError(_("batchbestand {source} is geen UTF-8-tekst").format(source=source)) from None
    kind = source.rsplit(".", 1)[-1].lower() if "." in source else ""
    if kind not in ("toml", "jsonl", "ndjson", "csv"):
        first = text.lstrip()[:1]
        kind = "jsonl" if first == "{" else "csv" if "," in text.split("\n", 1)[0] else "toml"
    rows = (_batch_jsonl(text, source) if kind in ("jsonl", "ndjson")
            else _batch_csv(text, source, kapstok) if kind == "csv" else _batch_toml(text, source))
    if not rows:
        raise AveError(_("batchbestand {source} bevat geen antwoorden").format(source=source))
    return rows


def _batch_toml(text: str, source: str) -> list[tuple[str, dict[str, Any]]]:
    try:
        doc = tomllib.loads(text)
    except ValueError as exc:  # a TOMLDecodeError, or an integer too long for int()
        raise AveError(_("batchbestand {source} is geen geldige TOML ({exc})").format(
                           source=source, exc=exc)) from None
    except RecursionError:
        raise AveError(_("batchbestand {source} is te diep genest").format(
                           source=source)) from None
    if len(doc) == 1 and isinstance(next(iter(doc.values())), list):
        key, tables = next(iter(doc.items()))
        rows = [(_("{source}: [[{key}]] nr. {number}").format(source=source, key=key,
                                                              number=i + 1), t)
                for i, t in enumerate(tables)]
    else:
        rows = [(f"{source}: [{key}]", t) for key, t in doc.items()]
    for label, table in rows:
        if not isinstance(table, dict):
            raise AveError(_("{label}: verwacht een tabel met antwoorden en 'case'").format(
                               label=label))
    return rows


def _batch_jsonl(text: str, source: str) -> list[tuple[str, dict[str, Any]]]:
    rows = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        label = _("{source}: regel {number}").format(source=source, number=number)
        try:
            obj = _strict_json(line)
        except ValueError as exc:
            raise AveError(_("{label}: geen geldige JSON ({msg})").format(
                               label=label, msg=getattr(exc, "msg", exc))) from None
        except RecursionError:
            raise AveError(_("{label}: te diep genest").format(label=label)) from None
        if not isinstance(obj, dict):
            raise AveError(_("{label}: verwacht één object met antwoorden en 'case'").format(
                               label=label))
        rows.append((label, obj))
    return rows


TRUE_WORDS, FALSE_WORDS = {"true", "ja", "1", "waar"}, {"false", "nee", "0", "onwaar"}


def _batch_csv(text: str, source: str, kapstok: Kapstok) -> list[tuple[str, dict[str, Any]]]:
    """CSV cells are text: ja/nee for yes/no questions, ';' between several signalen; an empty
    cell leaves the question to its default."""
    import csv
    import io

    reader = csv.DictReader(io.StringIO(text))
    if reader.fieldnames is None or "case" not in reader.fieldnames:
        raise AveError(_("batchbestand {source}: de kopregel mist de kolom 'case'").format(
                           source=source))
    rows = []
    for number, record in enumerate(reader, start=2):
        label = _("{source}: rij {number}").format(source=source, number=number)
        if None in record:
            raise AveError(_("{label}: meer cellen dan kolommen in de kopregel").format(
                               label=label))
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


# --- asking --------------------------------------------------------------------------------

def question_prompt(question: Question, default: Any) -> Prompt:
    """The prompt for one kapstok question, with its default pre-selected."""
    if question.type == "multi":
        choices = tuple((k_(question.label(v)), v) for v in question.values)
        return Prompt("checkbox", k_(question.text), choices, list(default or []),
                      k_(question.help))
    choices = tuple((k_(question.label(v)), v) for v in question.values)
    if default not in question.values:
        default = None
    return Prompt("select", k_(question.text), choices, default, k_(question.help))


def ask_questions(ask: Ask, kapstok: Kapstok, keys: list[str], defaults: Answers) -> Answers:
    """Ask the given questions in kapstok order; `defaults` pre-select earlier answers. From the
    second question on, the professional can step back (BACK): the previous question is asked
    again with its answer pre-selected."""
    questions = [q for q in kapstok.questions if q.key in keys]
    answers: Answers = {}
    i = 0
    while i < len(questions):
        question = questions[i]
        default = answers.get(question.key, defaults.get(question.key, question.default))
        prompt = question_prompt(question, default)
        answer = ask(replace(prompt, back=i > 0))
        if answer is BACK:
            i = max(i - 1, 0)
            continue
        answers[question.key] = answer
        i += 1
    return answers


def ask_text(ask: Ask, message: str, check: Callable[[str], Any]) -> str:
    """A free-text prompt whose answer must pass `check` (an AveError explains a bad answer)."""

    def validate(text: str) -> str | None:
        try:
            check(text)
        except AveError as exc:
            return str(exc)
        return None

    answer = unicodedata.normalize("NFC", ask(Prompt("text", message, validate=validate)))
    check(answer)
    return answer


SAVE, OTHER_PHASE, CHANGE, CANCEL = "save", "other", "change", "cancel"


@dataclass(frozen=True)
class Review:
    answers: Answers
    phase: str | None  # None: the advised phase
    motivation: str


def review(ask: Ask, kapstok: Kapstok, answers: Answers, show: Callable[..., None],
           *, dry_run: bool, chosen: str | None = None, motivation: str = "") -> Review:
    """The review screen: all answers and the advised phase; change any answer, choose another
    phase with a motivation, save or cancel. Nothing is written here."""
    answers = dict(answers)
    while True:
        outcome = evaluate(kapstok, answers)
        other = bool(chosen and chosen != outcome.phase.id)
        show(answers, outcome, _chosen_outcome(kapstok, chosen, answers, outcome) if other
             else None, motivation if other else "")
        if other and dry_run:
            save_label = _("Bevestigen: fase {phase}, afwijkend van het advies (proefdraai)")
        elif other:
            save_label = _("Bevestigen: fase {phase} (afwijkend van het advies)")
        elif dry_run:
            save_label = _("Bevestigen: fase {phase}, het advies (proefdraai)")
        else:
            save_label = _("Bevestigen: fase {phase} (het advies)")
        save_label = save_label.format(phase=chosen if other else outcome.phase.id)
        action = ask(Prompt("select", _("Wat wil je doen?"), (
            (save_label, SAVE),
            (_("Een andere fase kiezen (met motivering)"), OTHER_PHASE),
            (_("Een antwoord wijzigen"), CHANGE),
            (_("Afbreken zonder op te slaan"), CANCEL),
        ), SAVE))
        if action == CANCEL:
            raise Cancelled
        if action == SAVE:
            if chosen and chosen != outcome.phase.id:
                return Review(answers, chosen, motivation)
            return Review(answers, None, "")
        if action == CHANGE:
            key = ask(Prompt("select", _("Welk antwoord wil je wijzigen?"), tuple(
                (f"{k_(q.text)} [{_shown(q, answers[q.key])}]", q.key) for q in kapstok.questions)
                + ((_("← Terug naar het overzicht"), BACK),)))
            if key is BACK:
                continue
            question = kapstok.question(key)
            assert question is not None
            answers[key] = ask(question_prompt(question, answers[key]))
        if action == OTHER_PHASE:
            picked = ask(Prompt("select", _("Welke fase besluit je?"), tuple(
                (_("{label} (advies)").format(label=k_(p.label)) if p == outcome.phase
                 else k_(p.label), p.id)
                for p in kapstok.phases) + ((_("← Terug naar het overzicht"), BACK),),
                outcome.phase.id))
            if picked is BACK:
                continue
            chosen = picked
            if chosen != outcome.phase.id:
                motivation = ask_text(ask, _("Motivering voor de afwijking van het "
                                             "advies:"),
                                      required_text("--motivation",
                                                    _("een motivering is verplicht")))


def _chosen_outcome(kapstok: Kapstok, chosen: str | None, answers: Answers,
                    advised: Outcome) -> Outcome:
    """The outcome of the fase the professional chose, as decisions.triage will save it."""
    from ave_cli.core.decisions import known_phase
    from ave_cli.core.rules import outcome_for_phase

    return outcome_for_phase(kapstok, known_phase(kapstok, chosen or ""), answers, advised.reasons)


def required_text(label: str, message: str) -> Callable[[str], None]:
    """A prompt check: not empty, and nothing the log may not hold (refused at once, so the
    professional types it again instead of losing the whole triage after the last confirm)."""
    def check(text: str) -> None:
        if not text.strip():
            raise AveError(message)
        check_free_text(label, text)
    return check


def _shown(question: Question, value: AnswerValue) -> str:
    if isinstance(value, list):
        return ", ".join(value) or _("geen")
    return k_(question.label(value))


# --- the real terminal ---------------------------------------------------------------------

def can_prompt() -> bool:
    """Prompting needs a terminal on both stdin and stdout (prompt_toolkit misbehaves otherwise)."""
    try:
        return sys.stdin.isatty() and sys.stdout.isatty()
    except (AttributeError, ValueError):  # closed (None) or detached streams
        return False


def terminal_ask(prompt: Prompt) -> Any:
    """Ask one prompt with questionary. Ctrl-C raises KeyboardInterrupt (unsafe_ask)."""
    import questionary

    help_choice = questionary.Choice(_("? Toelichting bij deze vraag"), value=HELP)
    back_choice = questionary.Choice(_("← Vorige vraag"), value=BACK)
    while True:
        if prompt.kind == "text":
            check = prompt.validate
            return questionary.text(prompt.message, validate=lambda t, check=check: check(t) or True
                                    if check else True).unsafe_ask()
        choices = [questionary.Choice(title, value=value) for title, value in prompt.choices]
        extra = ([help_choice] if prompt.help else []) + ([back_choice] if prompt.back else [])
        if prompt.kind == "checkbox":
            for choice in choices:
                choice.checked = choice.value in (prompt.default or [])
            # questionary ends a checkbox with "done (2 selections)", in English and without
            # the choices: erase that line (prompt_toolkit's erase_when_done) and say the
            # chosen labels ourselves, in the interface language.
            answer = _asked(prompt, questionary.checkbox(
                prompt.message, choices=choices + extra, erase_when_done=True,
                instruction=_("(spatie kiest, Enter bevestigt, ← terug)") if prompt.back
                else _("(spatie kiest, Enter bevestigt)")))
            if answer is BACK or BACK in answer:
                return BACK
            if HELP not in answer:
                labels = [title for title, value in prompt.choices if value in answer]
                print(f"? {prompt.message} {', '.join(labels) or _('geen')}", flush=True)
            if HELP in answer:
                print(f"  {prompt.help}", file=sys.stderr)
                prompt = Prompt(prompt.kind, prompt.message, prompt.choices,
                                [a for a in answer if a is not HELP], prompt.help,
                                back=prompt.back)
                continue
            return answer
        default = next((c for c in choices if c.value == prompt.default), None)
        answer = _asked(prompt, questionary.select(
            prompt.message, choices=choices + extra, default=default,
            instruction=_("(pijltjes, Enter; ← terug)") if prompt.back
            else _("(kies met de pijltjes, Enter bevestigt)")))
        if answer is HELP:
            print(f"  {prompt.help}", file=sys.stderr)
            continue
        return answer


def _asked(prompt: Prompt, question: Any) -> Any:
    """The answer to a questionary prompt; where going back is offered, the left arrow key
    answers BACK (a key binding added to the prompt's own prompt_toolkit bindings)."""
    if prompt.back:
        from prompt_toolkit.keys import Keys

        def _go_back(event: Any) -> None:
            event.app.exit(result=BACK)

        question.application.key_bindings.add(Keys.Left, eager=True)(_go_back)

    return question.unsafe_ask()
