"""Entry point of `ave` and `python -m ave_cli`: choose the language first, because the commands
translate their help texts when they are imported."""

from __future__ import annotations

import os
import sys


def _unraisable(hook: object) -> None:
    """An interrupt that lands in a cleanup callback (a weakref or __del__ while the garbage
    collector runs) is dropped by Python with a traceback on stderr. Deliver it again a moment
    later, at an ordinary step, where ave's own handling says truthfully what was saved. Not
    from here: a signal raised inside this hook is handled inside it, and dropped again with a
    traceback. A simulated Ctrl-C goes through the handler in force then, so a write that holds
    Ctrl-C back still finishes first; a process that ends before it fires just ends."""
    if issubclass(getattr(hook, "exc_type", type(None)), KeyboardInterrupt):
        import _thread
        import threading

        again = threading.Timer(0.01, _thread.interrupt_main)
        again.daemon = True
        again.start()
        return
    sys.__unraisablehook__(hook)  # type: ignore[arg-type]


def _last_resort(kind: type[BaseException], value: BaseException, tb: object) -> None:
    """An interrupt that lands in main()'s own handlers (after the command ended, while its
    outcome is being passed on) escapes main(); say truthfully what was saved, as everywhere,
    instead of a traceback and a death by signal."""
    from ave_cli.core.messages import an_interrupt

    if not an_interrupt(value):
        sys.__excepthook__(kind, value, tb)  # type: ignore[arg-type]
        return
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    cli = sys.modules.get("ave_cli.cli.app")
    if cli is None:
        sys.stderr.write("ave: fout: afgebroken; er is niets opgeslagen\n")
    else:
        cli._error(cli._interrupted())
    for stream in (sys.stdout, sys.stderr):
        if stream is not None:
            stream.flush()
    os._exit(130)


def main() -> None:
    sys.unraisablehook = _unraisable
    sys.excepthook = _last_resort
    try:
        sys.argv[1:] = setup_from_environment(sys.argv[1:])
        from ave_cli.cli.main import main as run

        run()
        code: int | str | None = 0
    except SystemExit as exc:
        code = exc.code
    except Exception as exc:  # Ctrl-C that Python wrapped while a class was being made
        from ave_cli.core.messages import an_interrupt

        if not an_interrupt(exc):
            raise
        code = _said_interrupted()
    except KeyboardInterrupt:  # outside a command's own handler: at start-up, or on the way out
        code = _said_interrupted()
    # The outcome is decided and has been said: an interrupt from here on changes nothing, and
    # must not turn a finished command into a process killed by a signal.
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if code == 130:
        # CPython marks an interrupt that landed in a string exec/eval (dataclasses and
        # namedtuple build methods that way while modules import) as unhandled, even after
        # ave handled it, and would then kill itself with SIGINT on the way out. Leave directly,
        # with the exit code ave decided; everything ave writes is closed by now.
        import os

        for stream in (sys.stdout, sys.stderr):
            if stream is not None:
                stream.flush()
        os._exit(130)
    sys.exit(code)


def _said_interrupted() -> int:
    """Say what an interrupt outside a command's own handler left behind; its exit code."""
    cli = sys.modules.get("ave_cli.cli.app")
    if cli is None:
        print("ave: fout: afgebroken; er is niets opgeslagen", file=sys.stderr)
    else:
        cli._error(cli._interrupted())
    return 130


def setup_from_environment(argv: list[str]) -> list[str]:
    """Pick the language before the commands are imported (their help texts are translated when
    typer builds them). Returns argv without `--lang`. A bad value ends the program with one
    line in both languages, since there is no language yet to say it in."""
    from ave_cli.cli.i18n import LanguageError, choose, from_argv, set_lang

    option, rest = from_argv(argv)
    config = None
    if option is None and not os.environ.get("AVE_LANG"):
        config = _config_lang()
    try:
        set_lang(choose(option, os.environ.get("AVE_LANG"), config))
    except LanguageError as exc:
        sys.stderr.write(f"ave: onbekende taal {exc}; kies nl of en / unknown language {exc}; "
                         "choose nl or en\n")
        raise SystemExit(2) from None
    return rest


def _config_lang() -> str | None:
    """`lang` from the user config, read cheaply; a broken config is reported later, in Dutch,
    by the command that reads it."""
    from ave_cli.paths import config_path

    if not config_path().is_file():
        return None
    try:
        from ave_cli.settings import read_config

        value = read_config().get("lang")
    except Exception:  # noqa: BLE001 - the command itself reports a broken config
        return None
    return value if isinstance(value, str) else None


if __name__ == "__main__":
    main()
