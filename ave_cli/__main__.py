"""Entry point of `ave` and `python -m ave_cli`: choose the language first, because the commands
translate their help texts when they are imported."""

from __future__ import annotations

import sys


def main() -> None:
    try:
        from ave_cli import i18n

        sys.argv[1:] = i18n.setup_from_environment(sys.argv[1:])
        from ave_cli.cli import main as run

        run()
        code: int | str | None = 0
    except SystemExit as exc:
        code = exc.code
    except KeyboardInterrupt:  # outside a command's own handler: at start-up, or on the way out
        cli = sys.modules.get("ave_cli.cli")
        if cli is None:
            print("ave: fout: afgebroken; er is niets opgeslagen", file=sys.stderr)
        else:
            cli._error(cli._interrupted())
        code = 130
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


if __name__ == "__main__":
    main()
