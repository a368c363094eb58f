"""What the bundle runs: the ``aiguillage`` command (a command, or the desk window).

``aiguillage -m MODULE [ARGS]`` runs a module of the bundle as ``python -m`` would, so
that what starts a helper process with ``sys.executable -m …`` (the bench's start-up
measures) works the same once frozen.
"""

from __future__ import annotations

import os
import runpy
import sys


def main() -> int:
    # A windowed Windows executable has no console: what it would print goes nowhere
    # rather than failing.
    for name in ("stdout", "stderr"):
        if getattr(sys, name) is None:
            setattr(sys, name, open(os.devnull, "w", encoding="utf-8"))  # noqa: SIM115
    if len(sys.argv) > 2 and sys.argv[1] == "-m":
        module = sys.argv[2]
        sys.argv = [sys.argv[0], *sys.argv[3:]]
        runpy.run_module(module, run_name="__main__", alter_sys=True)
        return 0
    from ui.launcher import main as launch

    return launch()


if __name__ == "__main__":
    sys.exit(main())
