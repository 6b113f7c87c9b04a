"""The ``plan`` and ``export-ics`` commands: the printable plan and the calendar of due dates.

Printing needs Qt's text layout, hence a QGuiApplication; with no platform chosen
it runs offscreen, so both commands work on a machine without a display.
"""

from __future__ import annotations

import argparse
from typing import TextIO

from planner.errors import PlannerError
from planner.services.service_set import Services


def plan(args: argparse.Namespace, services: Services, out: TextIO) -> int:
    """Write the development plan as PDF and/or Markdown."""
    if args.pdf is None and args.md is None:
        raise PlannerError("nothing to write: give --pdf OUT.pdf and/or --md OUT.md")
    from planner.report.plan_data import build_plan

    person = services.people.find(args.person)
    if args.pdf is not None:
        from planner.report.page_setup import default_paper, parse_paper
        from planner.report.paginated_plan import PaginatedPlan
        from planner.report.plan_pdf import ensure_gui_application, write_pdf

        paper = parse_paper(args.page_size) if args.page_size else default_paper()
        ensure_gui_application()
        pages = write_pdf(PaginatedPlan(build_plan(services, person.id), paper), args.pdf)
        noun = "page" if pages == 1 else "pages"
        out.write(f"Wrote the plan of {person.name} to {args.pdf} ({pages} {noun}, {paper})\n")
    if args.md is not None:
        from planner.report.plan_markdown import write_markdown

        write_markdown(build_plan(services, person.id, charts=False), args.md)
        out.write(f"Wrote the plan of {person.name} to {args.md}\n")
    return 0


def export_ics(args: argparse.Namespace, services: Services, out: TextIO) -> int:
    """Write goal and milestone due dates as an iCalendar file."""
    from planner.report.calendar_ics import write_calendar

    person = services.people.find(args.person)
    count = write_calendar(services, person.id, args.file)
    noun = "due date" if count == 1 else "due dates"
    out.write(f"Exported {count} {noun} of {person.name} to {args.file}\n")
    return 0
