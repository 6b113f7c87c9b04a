"""Crash-safety soak: SIGKILL a writing process at random moments; nothing acknowledged is lost.

A writer process takes the start-up backup and makes service calls on one SQLite
database (log learning, edit goals, import JSON exports and learning-log CSV files,
each import taking its backup first) and prints one line per call only after the
call returned, that is after its transaction committed. This script kills it with
SIGKILL at a random
moment, then checks the database: ``integrity_check`` is ok, ``foreign_key_check``
is clean, every acknowledged write is there, and every import is there whole or
not at all. It also checks at the end that every backup file passes its check.

Run:  .venv/bin/python tests/benchmarks/soak.py --kills 100
(Not collected by pytest; tests/storage/test_soak_short.py runs 10 kills.)
"""

from __future__ import annotations

import argparse
import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
START = datetime(2026, 11, 21, 12, 0)
GOALS = 5
JSON_LEARNING = 12  # entries in each imported export
CSV_ROWS = 8  # rows in each imported CSV file


# --- the writer process --------------------------------------------------------------------


def writer(database: Path, run: int, seed: int) -> None:
    """Make service calls for ever, acknowledging each one after it returned."""
    sys.path.insert(0, str(REPO))
    from planner.services.clock import FixedClock
    from planner.services.json_exchange import import_file
    from planner.services.learning_csv import import_log
    from planner.services.records import GoalDraft, LearningDraft
    from planner.services.service_set import Services
    from planner.vocabulary import LearningKind

    rng = random.Random(seed)
    # Each run's clock starts a day later, so the backups' retention prunes as over months.
    clock = FixedClock(START + timedelta(days=run))
    services = Services.open(f"sqlite:///{database}", clock)
    person = services.people.find("Soak")
    goals = [goal.id for goal in services.goals.list_for(person.id)]
    folder = database.parent / "files"
    folder.mkdir(exist_ok=True)
    print("READY", flush=True)
    services.backups.on_start()  # the daily copy, as the program takes it: a kill may land here
    for n in range(10**9):
        tag = f"{run}-{n}"
        clock.moment += timedelta(minutes=1)
        roll = rng.random()
        if roll < 0.45:
            services.learning.add(
                person.id,
                LearningDraft(
                    f"learn-{tag}", LearningKind.BOOK, date(2026, 1, 1), 1.5, ("mentoring",)
                ),
            )
            acknowledge("learning", tag)
        elif roll < 0.70:
            goal_id = rng.choice(goals)
            services.goals.update(goal_id, GoalDraft(f"goal-{tag}", description=f"edit {tag}"))
            acknowledge("goal", tag, goal=goal_id)
        elif roll < 0.85:
            path = folder / f"import-{tag}.json"
            path.write_text(json.dumps(export_document(f"import-{tag}")), encoding="utf-8")
            import_file(services, path)
            acknowledge("json", tag)
        else:
            path = folder / f"log-{tag}.csv"
            rows = [f"2026-02-0{1 + i % 9},csv-{tag}-{i},course,2" for i in range(CSV_ROWS)]
            path.write_text("date,title,kind,hours\n" + "\n".join(rows) + "\n", encoding="utf-8")
            import_log(services, person.id, path)
            acknowledge("csv", tag)


def acknowledge(kind: str, tag: str, **extra: object) -> None:
    """One line per committed call, written whole (the parent ignores a cut-off line)."""
    sys.stdout.write(json.dumps({"kind": kind, "tag": tag, **extra}) + "\n")
    sys.stdout.flush()


def export_document(name: str) -> dict[str, object]:
    """A small but complete export of one person (learning, an assessment, a goal)."""
    learning = [
        {
            "ref": i + 1,
            "title": f"{name} entry {i}",
            "kind": "course",
            "completed_on": "2026-03-01",
            "hours": 2.0,
            "competency_ids": ["python-programming"],
            "notes": "",
            "link": "",
            "created_at": "2026-03-01T10:00:00",
        }
        for i in range(JSON_LEARNING)
    ]
    return {
        "format": "learning-path-planner/export",
        "format_version": 1,
        "exported_at": "2026-11-01T10:00:00",
        "app_version": "soak",
        "frameworks": [],
        "people": [
            {
                "name": name,
                "current_role": "",
                "framework_id": "senior-ml-developer",
                "target_profile_id": "senior-ml-developer",
                "target_date": None,
                "weekly_hours": None,
                "created_at": "2026-01-01T09:00:00",
                "learning": learning,
                "assessments": [
                    {
                        "assessed_on": "2026-04-01",
                        "rater_kind": "self",
                        "rater_name": None,
                        "notes": "",
                        "created_at": "2026-04-01T09:00:00",
                        "ratings": [
                            {
                                "competency_id": "python-programming",
                                "level": 2,
                                "evidence": "",
                                "learning_refs": [1, 2],
                            }
                        ],
                    }
                ],
                "goals": [
                    {
                        "title": "Imported goal",
                        "description": "",
                        "competencies": [],
                        "due_date": None,
                        "priority": "medium",
                        "status": "planned",
                        "created_at": "2026-04-01T09:00:00",
                        "completed_at": None,
                        "milestones": [
                            {"text": "one", "done": False, "due_date": None},
                            {"text": "two", "done": True, "due_date": None},
                        ],
                    }
                ],
                "decisions": [],
            }
        ],
    }


# --- the parent: kill and check ------------------------------------------------------------


@dataclass
class Tally:
    """What the soak saw."""

    kills: int = 0
    acknowledged: int = 0
    lost: list[str] = field(default_factory=list)
    integrity_failures: list[str] = field(default_factory=list)
    half_imports: list[str] = field(default_factory=list)
    bad_backups: list[str] = field(default_factory=list)
    backups_checked: int = 0
    kinds: dict[str, int] = field(default_factory=dict)

    def summary(self) -> dict[str, object]:
        return {
            "kills": self.kills,
            "acknowledged_writes": self.acknowledged,
            "acknowledged_by_kind": self.kinds,
            "lost_writes": len(self.lost),
            "integrity_failures": len(self.integrity_failures),
            "half_applied_imports": len(self.half_imports),
            "backups_checked": self.backups_checked,
            "bad_backups": len(self.bad_backups),
            "examples": (self.lost + self.integrity_failures + self.half_imports)[:5],
        }


def prepare(database: Path) -> None:
    sys.path.insert(0, str(REPO))
    from planner.services.clock import FixedClock
    from planner.services.records import GoalDraft, PersonDraft
    from planner.services.service_set import Services

    services = Services.open(f"sqlite:///{database}", FixedClock(START))
    person = services.people.create(PersonDraft("Soak"))
    for index in range(GOALS):
        services.goals.create(person.id, GoalDraft(f"goal-start-{index}"))
    services.close()


def run_writer_once(database: Path, run: int, rng: random.Random) -> list[dict[str, object]]:
    """Start a writer, kill it at a random moment after it is ready; its acknowledgements."""
    process = subprocess.Popen(
        [sys.executable, __file__, "--writer", str(database), str(run), str(rng.randrange(10**9))],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=REPO,
    )
    assert process.stdout is not None and process.stderr is not None
    ready = process.stdout.readline()
    if ready.strip() != b"READY":
        raise SystemExit(f"writer did not start: {ready!r} {process.stderr.read()[-2000:]!r}")
    lines: list[bytes] = []
    reader = threading.Thread(target=lambda: lines.extend(iter(process.stdout.readline, b"")))
    reader.start()
    time.sleep(rng.uniform(0.0, 1.2))
    if process.poll() is not None:
        raise SystemExit(f"writer ended by itself: {process.stderr.read()[-2000:]!r}")
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    reader.join()
    whole = [line for line in lines if line.endswith(b"\n")]
    return [json.loads(line) for line in whole]


def check(database: Path, acked: list[dict[str, object]], tally: Tally) -> None:
    """integrity_check, foreign_key_check, acknowledged writes, whole imports."""
    conn = sqlite3.connect(database)
    try:
        integrity = conn.execute("PRAGMA integrity_check").fetchall()
        references = conn.execute("PRAGMA foreign_key_check").fetchall()
        if integrity != [("ok",)] or references:
            tally.integrity_failures.append(f"kill {tally.kills}: {integrity[:3]} {references[:3]}")
        titles = {row[0] for row in conn.execute("SELECT title FROM learning_entries")}
        goal_titles = dict(conn.execute("SELECT id, title FROM goals"))
        csv_counts: dict[str, int] = {}
        for (title,) in conn.execute("SELECT title FROM learning_entries WHERE title LIKE 'csv-%'"):
            tag = title.rsplit("-", 1)[0].removeprefix("csv-")
            csv_counts[tag] = csv_counts.get(tag, 0) + 1
        imported = {
            name: (
                conn.execute(
                    "SELECT count(*) FROM learning_entries WHERE person_id = ?", (pid,)
                ).fetchone()[0],
                conn.execute(
                    "SELECT count(*) FROM assessments WHERE person_id = ?", (pid,)
                ).fetchone()[0],
                conn.execute(
                    "SELECT count(*) FROM milestones JOIN goals ON goals.id = milestones.goal_id"
                    " WHERE goals.person_id = ?",
                    (pid,),
                ).fetchone()[0],
            )
            for pid, name in conn.execute("SELECT id, name FROM people WHERE name LIKE 'import-%'")
        }
    finally:
        conn.close()
    last_goal_edit: dict[int, tuple[int, int]] = {}
    for ack in acked:
        kind, tag = str(ack["kind"]), str(ack["tag"])
        if kind == "learning" and f"learn-{tag}" not in titles:
            tally.lost.append(f"learning {tag}")
        elif kind == "json" and f"import-{tag}" not in imported:
            tally.lost.append(f"json import {tag}")
        elif kind == "csv" and csv_counts.get(tag) != CSV_ROWS:
            tally.lost.append(f"csv import {tag}: {csv_counts.get(tag, 0)} rows")
        elif kind == "goal":
            run, n = (int(part) for part in tag.split("-"))
            last_goal_edit[int(str(ack["goal"]))] = max(
                last_goal_edit.get(int(str(ack["goal"])), (-1, -1)), (run, n)
            )
    for goal_id, (run, n) in last_goal_edit.items():
        title = goal_titles.get(goal_id, "")
        found = tuple(int(p) for p in title.removeprefix("goal-").split("-")) if title else ()
        # The goal shows the last acknowledged edit, or a later one that committed unacknowledged.
        if not title.startswith("goal-") or "start" in title or found < (run, n):
            tally.lost.append(f"goal {goal_id}: shows {title!r}, acknowledged goal-{run}-{n}")
    for name, (learning, assessments, milestones) in imported.items():
        if (learning, assessments, milestones) != (JSON_LEARNING, 1, 2):
            tally.half_imports.append(f"{name}: {learning} entries, {assessments}, {milestones}")
    for tag, count in csv_counts.items():
        if count != CSV_ROWS:
            tally.half_imports.append(f"csv {tag}: {count} of {CSV_ROWS} rows")


def check_backups(database: Path, tally: Tally) -> None:
    from planner.storage.backup import copy_is_healthy, list_backups

    for backup in list_backups(database):
        tally.backups_checked += 1
        if not copy_is_healthy(backup.path):
            tally.bad_backups.append(backup.path.name)


def soak(kills: int, seed: int, keep: bool) -> Tally:
    rng = random.Random(seed)
    folder = Path(tempfile.mkdtemp(prefix="planner-soak-"))
    database = folder / "planner.sqlite"
    prepare(database)
    tally = Tally()
    acked: list[dict[str, object]] = []
    started = time.monotonic()
    for run in range(kills):
        new = run_writer_once(database, run, rng)
        tally.kills += 1
        acked.extend(new)
        for ack in new:
            tally.kinds[str(ack["kind"])] = tally.kinds.get(str(ack["kind"]), 0) + 1
        tally.acknowledged = len(acked)
        check(database, acked, tally)
        if (run + 1) % 10 == 0:
            print(
                f"{run + 1} kills, {len(acked)} acknowledged, {len(tally.lost)} lost,"
                f" {len(tally.integrity_failures)} integrity failures"
                f" ({time.monotonic() - started:.0f} s)",
                file=sys.stderr,
                flush=True,
            )
    check_backups(database, tally)
    if keep:
        print(f"kept {folder}", file=sys.stderr)
    else:
        import shutil

        shutil.rmtree(folder)
    return tally


def main() -> int:
    if len(sys.argv) > 1 and sys.argv[1] == "--writer":
        writer(Path(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]))
        return 0
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kills", type=int, default=100, help="how many times to SIGKILL")
    parser.add_argument("--seed", type=int, default=20261121)
    parser.add_argument("--keep", action="store_true", help="keep the database folder")
    args = parser.parse_args()
    tally = soak(args.kills, args.seed, args.keep)
    print(json.dumps(tally.summary()))
    clean = not (tally.lost or tally.integrity_failures or tally.half_imports or tally.bad_backups)
    return 0 if clean else 1


if __name__ == "__main__":
    sys.exit(main())
