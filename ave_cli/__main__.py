"""Entry point of `ave` and `python -m ave_cli`: choose the language first, because the commands
translate their help texts when they are imported."""

from __future__ import annotations

import sys


def main() -> None:
    from ave_cli import i18n

    sys.argv[1:] = i18n.setup_from_environment(sys.argv[1:])
    from ave_cli.cli import main as run

    run()


if __name__ == "__main__":
    main()
