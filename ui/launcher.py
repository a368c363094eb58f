"""Entry point of ``aiguillage``: a command runs without Qt; no command opens the window."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence


def _window(args: argparse.Namespace) -> int:
    from ui.main import run_window

    return run_window(smoke=bool(args.smoke))


def main(argv: Sequence[str] | None = None) -> int:
    from app.cli.main import main as cli_main

    return cli_main(argv, window=_window)


if __name__ == "__main__":
    sys.exit(main())
