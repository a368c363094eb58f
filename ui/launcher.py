"""Entry point of ``aiguillage``: a command runs without Qt; no command opens the window.

The window alone (no argument, or ``--smoke``) does not build the command line's parser:
its commands and what they import are not paid for before the window shows."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

# Arguments that only open the window: the parser is not needed to tell them.
WINDOW_ONLY: tuple[list[str], ...] = ([], ["--smoke"])


def _window(args: argparse.Namespace) -> int:
    # The window shows its first screen before SQLAlchemy and the models are loaded
    # (``app.first_screen``); the desk opens just after the first paint.
    from ui.main import run_window

    return run_window(smoke=bool(args.smoke))


def main(argv: Sequence[str] | None = None) -> int:
    arguments = list(sys.argv[1:] if argv is None else argv)
    if arguments in WINDOW_ONLY:
        return _window(argparse.Namespace(smoke=bool(arguments)))
    from app.cli.main import main as cli_main

    return cli_main(arguments, window=_window)


if __name__ == "__main__":
    sys.exit(main())
