"""Command-line entry point: parse, then run one command or the desktop program.

Errors a person can fix print one line to stderr and exit 1; usage errors exit 2.
This module stays small: the desktop start imports it before its window paints.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from typing import NamedTuple

EXIT_ERROR = 1


class DesktopStart(NamedTuple):
    """The everyday start: no command, at most ``--db``; the desktop program opens."""

    db: str | None


def desktop_start(argv: Sequence[str]) -> DesktopStart | None:
    """``DesktopStart`` when ``argv`` is just ``[]``, ``--db X`` or ``--db=X``, else ``None``.

    Those need no parser: building the one of every command takes a good part of the
    time a window needs to appear, so the desktop start skips it. Anything else,
    ``--help`` and every mistake included, goes to the full parser.
    """
    if not argv:
        return DesktopStart(None)
    if len(argv) == 2 and argv[0] == "--db" and argv[1] and not argv[1].startswith("-"):
        return DesktopStart(argv[1])
    if len(argv) == 1 and argv[0].startswith("--db=") and len(argv[0]) > len("--db="):
        return DesktopStart(argv[0].removeprefix("--db="))
    return None


def main(argv: Sequence[str] | None = None) -> int:
    """Run the program as the command line asks; returns the exit code."""
    arguments = sys.argv[1:] if argv is None else list(argv)
    start = desktop_start(arguments)
    if start is not None:
        return _reporting_errors(lambda: _start_desktop(start.db), debug=False)
    from planner.cli.parser import build_parser

    args = build_parser().parse_args(arguments)
    if args.command is None and not args.demo:
        return _reporting_errors(lambda: _start_desktop(args.db), debug=args.debug)
    from planner.cli.run_command import run_command

    return _reporting_errors(lambda: run_command(args), debug=args.debug)


def _reporting_errors(run: Callable[[], int], *, debug: bool) -> int:
    """``run()``; every error ends as one readable line and exit code 1, never a traceback."""
    try:
        return run()
    except KeyboardInterrupt:
        return 130
    except Exception as exc:
        if debug:
            raise
        from planner.cli.parser import PROG

        print(f"{PROG}: error: {describe(exc)}", file=sys.stderr)
        return EXIT_ERROR


def _start_desktop(db: str | None) -> int:
    from planner.gui.app import start_gui  # opens the database itself, with dialogs

    return start_gui(db)


def gui_main() -> int:
    """Entry point of the GUI script (same behaviour; no console on some platforms)."""
    return main()


def describe(exc: BaseException) -> str:
    """One line for any error: our own messages as they are, others with their type."""
    from planner.errors import PlannerError

    if isinstance(exc, PlannerError):
        return str(exc)
    if isinstance(exc, OSError) and exc.filename:
        return f"{exc.filename}: {exc.strerror or exc}"
    return f"unexpected {type(exc).__name__}: {exc}"


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
