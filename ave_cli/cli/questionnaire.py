"""The real terminal: one prompt asked with questionary (imported only here, only when asked)."""

from __future__ import annotations

import sys
from typing import Any

from ave_cli.cli.i18n import _
from ave_cli.flows.questions import BACK, HELP, Prompt


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
        message = str(prompt.message)  # the prompt's messages, in the interface language
        if prompt.kind == "text":
            check = prompt.validate
            return questionary.text(message, validate=lambda t, check=check: check(t) or True
                                    if check else True).unsafe_ask()
        choices = [questionary.Choice(str(title), value=value) for title, value in prompt.choices]
        extra = ([help_choice] if prompt.help else []) + ([back_choice] if prompt.back else [])
        if prompt.kind == "checkbox":
            for choice in choices:
                choice.checked = choice.value in (prompt.default or [])
            # questionary ends a checkbox with "done (2 selections)", in English and without
            # the choices: erase that line (prompt_toolkit's erase_when_done) and say the
            # chosen labels ourselves, in the interface language.
            answer = _asked(prompt, questionary.checkbox(
                message, choices=choices + extra, erase_when_done=True,
                instruction=_("(spatie kiest, Enter bevestigt, ← terug)") if prompt.back
                else _("(spatie kiest, Enter bevestigt)")))
            if answer is BACK or BACK in answer:
                return BACK
            if HELP not in answer:
                labels = [str(title) for title, value in prompt.choices if value in answer]
                print(f"? {message} {', '.join(labels) or _('geen')}", flush=True)
            if HELP in answer:
                print(f"  {prompt.help}", file=sys.stderr)
                prompt = Prompt(prompt.kind, prompt.message, prompt.choices,
                                [a for a in answer if a is not HELP], prompt.help,
                                back=prompt.back)
                continue
            return answer
        default = next((c for c in choices if c.value == prompt.default), None)
        if prompt.fresh:
            _discard_typed_ahead()
        answer = _asked(prompt, questionary.select(
            message, choices=choices + extra, default=default,
            instruction=_("(pijltjes, Enter; ← terug)") if prompt.back
            else _("(kies met de pijltjes, Enter bevestigt)")))
        if answer is HELP:
            print(f"  {prompt.help}", file=sys.stderr)
            continue
        return answer


def _discard_typed_ahead() -> None:
    """Forget keys typed before this prompt appeared (a double or held Enter on the question
    before): only a key pressed while the prompt is on the screen answers it."""
    import contextlib
    import termios

    with contextlib.suppress(termios.error, ValueError, OSError):
        termios.tcflush(sys.stdin.fileno(), termios.TCIFLUSH)


def _asked(prompt: Prompt, question: Any) -> Any:
    """The answer to a questionary prompt; where going back is offered, the left arrow key
    answers BACK (a key binding added to the prompt's own prompt_toolkit bindings)."""
    if prompt.back:
        from prompt_toolkit.keys import Keys

        def _go_back(event: Any) -> None:
            event.app.exit(result=BACK)

        question.application.key_bindings.add(Keys.Left, eager=True)(_go_back)

    return question.unsafe_ask()
