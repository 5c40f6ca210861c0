"""The triage questionnaire as a flow: which prompts, in which order, and the review.

Every prompt goes through one `ask(Prompt)` function that the command passes in: the real
terminal (`cli/questionnaire.py`, questionary) in use, a scripted stand-in in tests. Prompts carry
messages (`Msg`, `Text`), which the asker shows in the interface language.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Any

from ave_cli.core.decisions import known_phase
from ave_cli.core.guard import check_free_text
from ave_cli.core.messages import AveError, Cancelled, Msg, Text
from ave_cli.core.model import Answers, AnswerValue, Kapstok, Outcome, Question
from ave_cli.core.rules import evaluate, outcome_for_phase

HELP = object()  # what the real asker returns internally for "show the help text"
BACK = object()  # the answer "back to the previous question" (a choice, or the left arrow key)


@dataclass(frozen=True)
class Prompt:
    kind: str  # "select", "checkbox" or "text"
    message: Msg | str
    choices: tuple[tuple[Msg | str, Any], ...] = ()
    default: Any = None
    help: Msg | str = ""
    validate: Callable[[str], str | None] | None = field(default=None, compare=False)
    back: bool = False  # offer "previous question" (choice and the left arrow key)
    # only a key pressed after the prompt appeared answers it (keys typed ahead, a held or
    # double Enter, are discarded): for a choice that saves
    fresh: bool = False


Ask = Callable[[Prompt], Any]



def question_prompt(question: Question, default: Any) -> Prompt:
    """The prompt for one kapstok question, with its default pre-selected."""
    if question.type == "multi":
        choices = tuple((Text(question.label(v)), v) for v in question.values)
        return Prompt("checkbox", Text(question.text), choices, list(default or []),
                      Text(question.help))
    choices = tuple((Text(question.label(v)), v) for v in question.values)
    if default not in question.values:
        default = None
    return Prompt("select", Text(question.text), choices, default, Text(question.help))


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


def ask_text(ask: Ask, message: Msg | str, check: Callable[[str], Any]) -> str:
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


SAVE, OTHER_PHASE, CHANGE, CANCEL, ALL = "save", "other", "change", "cancel", "all"
FOLDED = 2  # reasons shown on the review screen before "show all"


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
    everything = False
    while True:
        outcome = evaluate(kapstok, answers)
        other = bool(chosen and chosen != outcome.phase.id)
        show(answers, outcome, _chosen_outcome(kapstok, chosen, answers, outcome) if other
             else None, motivation if other else "", everything)
        phase = chosen if other else outcome.phase.id
        if other and dry_run:
            save_label = Msg("Bevestigen: fase {phase}, afwijkend van het advies (proefdraai)",
                             phase=phase)
        elif other:
            save_label = Msg("Bevestigen: fase {phase} (afwijkend van het advies)", phase=phase)
        elif dry_run:
            save_label = Msg("Bevestigen: fase {phase}, het advies (proefdraai)", phase=phase)
        else:
            save_label = Msg("Bevestigen: fase {phase} (het advies)", phase=phase)
        folded = len(outcome.reasons) + len(outcome.advice) > FOLDED + 2 and not everything
        action = ask(Prompt("select", Msg("Wat wil je doen?"), (
            (save_label, SAVE),
            (Msg("Een antwoord wijzigen"), CHANGE),
            (Msg("Een andere fase kiezen (met motivering)"), OTHER_PHASE),
            *(((Msg("Alle redenen en adviezen tonen"), ALL),) if folded else ()),
            (Msg("Afbreken zonder op te slaan"), CANCEL),
        ), CHANGE, fresh=True))  # never saved by an Enter meant for the question before
        if action == CANCEL:
            raise Cancelled
        if action == ALL:
            everything = True
            continue
        if action == SAVE:
            if chosen and chosen != outcome.phase.id:
                return Review(answers, chosen, motivation)
            return Review(answers, None, "")
        if action == CHANGE:
            key = ask(Prompt("select", Msg("Welk antwoord wil je wijzigen?"), tuple(
                (Msg("{question} [{answer}]", question=Text(q.text),
                     answer=_shown(q, answers[q.key])), q.key) for q in kapstok.questions)
                + ((Msg("← Terug naar het overzicht"), BACK),)))
            if key is BACK:
                continue
            question = kapstok.question(key)
            assert question is not None
            answers[key] = ask(question_prompt(question, answers[key]))
        if action == OTHER_PHASE:
            picked = ask(Prompt("select", Msg("Welke fase besluit je?"), tuple(
                (Msg("{label} (advies)", label=Text(p.label)) if p == outcome.phase
                 else Text(p.label), p.id)
                for p in kapstok.phases) + ((Msg("← Terug naar het overzicht"), BACK),),
                outcome.phase.id))
            if picked is BACK:
                continue
            chosen = picked
            if chosen != outcome.phase.id:
                motivation = ask_text(ask, Msg("Motivering voor de afwijking van het advies:"),
                                      required_text("--motivation",
                                                    Msg("een motivering is verplicht")))


def _chosen_outcome(kapstok: Kapstok, chosen: str | None, answers: Answers,
                    advised: Outcome) -> Outcome:
    """The outcome of the fase the professional chose, as decisions.triage will save it."""
    return outcome_for_phase(kapstok, known_phase(kapstok, chosen or ""), answers, advised.reasons)


def required_text(label: str, message: Msg | str) -> Callable[[str], None]:
    """A prompt check: not empty, and nothing the log may not hold (refused at once, so the
    professional types it again instead of losing the whole triage after the last confirm)."""
    def check(text: str) -> None:
        if not text.strip():
            raise AveError(message)
        check_free_text(label, text)
    return check


def _shown(question: Question, value: AnswerValue) -> Msg | str:
    if isinstance(value, list):
        return ", ".join(value) or Msg("geen")
    return Text(question.label(value))
