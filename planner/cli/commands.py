"""What each sub-command does: call the services, print a short result."""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable
from pathlib import Path
from typing import TextIO

from planner.analysis.person_readiness import PersonReadiness, person_readiness
from planner.errors import PlannerError
from planner.services.service_set import Services
from planner.storage.backup import backup_name, backup_sqlite, new_backup_path

Command = Callable[[argparse.Namespace, Services, TextIO], int]


def readiness(args: argparse.Namespace, services: Services, out: TextIO) -> int:
    """Print readiness per area as a table or JSON."""
    person = services.people.find(args.person)
    result = person_readiness(services, person.id)
    if args.json:
        json.dump(readiness_json(result), out, indent=2, ensure_ascii=False)
        out.write("\n")
    else:
        out.write(readiness_table(result))
    return 0


def readiness_json(result: PersonReadiness) -> dict[str, object]:
    """Readiness as plain JSON data (figures as fractions from 0 to 1)."""
    readiness = result.readiness
    return {
        "person": result.person.name,
        "framework": result.framework.id,
        "profile": {"id": result.profile.id, "name": result.profile.name},
        "assessed_on": result.latest.assessed_on.isoformat() if result.latest else None,
        "overall": round(readiness.overall, 4) if readiness else None,
        "areas": [
            {
                "id": area.area_id,
                "name": area.name,
                "readiness": round(area.readiness, 4),
                "competencies": [
                    {"id": c.competency_id, "level": c.level, "target": c.target, "gap": c.gap}
                    for c in area.competencies
                ],
            }
            for area in (readiness.areas if readiness else ())
        ],
        "history": [
            {"assessed_on": p.assessed_on.isoformat(), "overall": round(p.readiness.overall, 4)}
            for p in result.history
        ],
    }


def readiness_table(result: PersonReadiness) -> str:
    """Readiness as an aligned text table."""
    head = f"{result.person.name}: readiness toward {result.profile.name}"
    if result.readiness is None or result.latest is None:
        return f"{head}\nNo assessment yet: rate your competencies first (New assessment).\n"
    latest = result.latest
    lines = [f"{head} (assessment of {latest.assessed_on.isoformat()}, {latest.rater_label})", ""]
    width = max(len(a.name) for a in result.readiness.areas) + 2
    lines.append(f"{'Area':<{width}}{'Readiness':>10}{'Levels to go':>14}")
    for area in result.readiness.areas:
        to_go = sum(c.gap for c in area.competencies)
        lines.append(f"{area.name:<{width}}{area.readiness:>10.0%}{to_go:>14}")
    lines.append(f"{'Overall':<{width}}{result.readiness.overall:>10.0%}")
    if result.readiness.rated < result.readiness.total:
        missing = result.readiness.total - result.readiness.rated
        lines.append(f"\n{missing} competencies are not rated yet and count as 0.")
    return "\n".join(lines) + "\n"


def export(args: argparse.Namespace, services: Services, out: TextIO) -> int:
    """Write a JSON export of everything or of one person."""
    from planner.services.json_exchange import write_export

    person_id = services.people.find(args.person).id if args.person else None
    write_export(services, args.file, person_id)
    out.write(f"Exported to {args.file}\n")
    return 0


def import_(args: argparse.Namespace, services: Services, out: TextIO) -> int:
    """Import a JSON export; all or nothing."""
    from planner.services.json_exchange import import_file

    summary = import_file(services, args.file)
    out.write(f"Imported {summary}\n")
    return 0


def export_log(args: argparse.Namespace, services: Services, out: TextIO) -> int:
    """Write a person's learning log as CSV."""
    from planner.services.learning_csv import export_log as write_log

    person = services.people.find(args.person)
    write_log(services, person.id, args.file)
    out.write(f"Exported the learning log of {person.name} to {args.file}\n")
    return 0


def import_log(args: argparse.Namespace, services: Services, out: TextIO) -> int:
    """Add learning entries from CSV; all or nothing."""
    from planner.services.learning_csv import import_log as read_log

    person = services.people.find(args.person)
    count = read_log(services, person.id, args.file)
    out.write(f"Added {count} learning entries for {person.name}\n")
    return 0


def seed_demo(args: argparse.Namespace, services: Services, out: TextIO) -> int:
    """Write the demo person into the chosen database."""
    from planner.services.demo_data import seed_demo as seed

    summary = seed(services.database, services.clock.today())
    out.write(f"Added the demo person {summary.name}\n")
    return 0


def backup(args: argparse.Namespace, services: Services, out: TextIO) -> int:
    """Copy the SQLite database with SQLite's backup API."""
    source = services.database.sqlite_path
    if source is None:
        raise PlannerError("backup copies SQLite files; back up a PostgreSQL database with pg_dump")
    now = services.clock.now()
    destination: Path = args.destination or new_backup_path(source, "manual", now)
    if destination.is_dir():
        destination = destination / backup_name(source, "manual", now)
    if destination.resolve() == source.resolve():
        raise PlannerError("the backup cannot overwrite the database itself")
    backup_sqlite(source, destination)
    out.write(f"Backed up to {destination}\n")
    return 0


def screenshots(args: argparse.Namespace, services: Services, out: TextIO) -> int:
    """Render every view to PNG offscreen."""
    from planner.gui.screenshots import take_screenshots

    for path in take_screenshots(services, args.folder, args.size, args.dark):
        out.write(f"{path}\n")
    return 0


def next_steps(args: argparse.Namespace, services: Services, out: TextIO) -> int:
    """Ranked next steps, the weekly plan and the projected date (or answer one suggestion)."""
    from planner.cli.next_steps_command import next_steps as run

    return run(args, services, out)


def plan(args: argparse.Namespace, services: Services, out: TextIO) -> int:
    """The development plan as PDF and/or Markdown."""
    from planner.cli.plan_commands import plan as run

    return run(args, services, out)


def export_ics(args: argparse.Namespace, services: Services, out: TextIO) -> int:
    """Goal and milestone due dates as an iCalendar file."""
    from planner.cli.plan_commands import export_ics as run

    return run(args, services, out)


def export_review(args: argparse.Namespace, services: Services, out: TextIO) -> int:
    """Write a review packet of one person."""
    from planner.cli.review_commands import export_review as run

    return run(args, services, out)


def import_review(args: argparse.Namespace, services: Services, out: TextIO) -> int:
    """Take in a review packet."""
    from planner.cli.review_commands import import_review as run

    return run(args, services, out)


COMMANDS: dict[str, Command] = {
    "export-review": export_review,
    "import-review": import_review,
    "plan": plan,
    "export-ics": export_ics,
    "next-steps": next_steps,
    "screenshots": screenshots,
    "readiness": readiness,
    "export": export,
    "import": import_,
    "export-log": export_log,
    "import-log": import_log,
    "seed-demo": seed_demo,
    "backup": backup,
}
