"""Time to work out a person's next steps: reading the snapshot, then running the rules.

Three people: the demo person, the busiest person of the 50-person dataset (3,921
entries) and one person holding 100,000 entries, 5,000 goals and 2,000 assessments
(both datasets built once by :mod:`large_dataset` and cached). The Dashboard and the
Next steps view pay both figures when they open for a person, so together they should
stay well under the 100 ms a view may take; the 100,000-entry career under 300 ms.
The database sums the log (:mod:`planner.services.next_steps_inputs`), so the figures
grow with the entries of the last months and the distinct titles, not the whole log.
Run from the repository root:

    .venv/bin/python tests/benchmarks/bench_next_steps.py [--runs 7]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from large_dataset import SINGLE_PERSON, DatasetSpec, busiest_person, large_database

from planner.analysis.next_steps import catalogue_for, compute_next_steps, snapshot_of
from planner.analysis.next_steps.activity_choice import logged_titles
from planner.services.clock import FixedClock
from planner.services.demo_data import seed_demo
from planner.services.service_set import Services

NOW = datetime(2026, 11, 21, 12, 0)
TARGET_MS = 100.0
CAREER_TARGET_MS = 300.0


def measure(
    label: str, services: Services, person_id: int, runs: int, target: float = TARGET_MS
) -> float:
    """Print one row: entries, snapshot ms, rules ms, total against the target, re-plan ms.

    Every run reads the snapshot anew and indexes its titles anew (as opening a view
    for a person does); "re-plan" runs the rules again on the same snapshot, as a
    change of the weekly budget does. Medians after one warm-up run.
    """
    today = NOW.date()
    framework = services.people.framework_of(services.people.get(person_id))
    catalogue = catalogue_for(framework)
    reads, rules, replans = [], [], []
    for run in range(runs + 1):
        logged_titles.cache_clear()
        started = time.perf_counter()
        snapshot = snapshot_of(services, person_id, today)
        read = time.perf_counter()
        compute_next_steps(snapshot, framework, catalogue, today)
        ruled = time.perf_counter()
        compute_next_steps(snapshot, framework, catalogue, today, 10.0)
        replanned = time.perf_counter()
        if run:
            reads.append((read - started) * 1000)
            rules.append((ruled - read) * 1000)
            replans.append((replanned - ruled) * 1000)
    read_ms, rules_ms = statistics.median(reads), statistics.median(rules)
    total = read_ms + rules_ms
    flag = "ok" if total <= target else "SLOW"
    assessments = len(services.assessments.list_for(person_id))
    print(
        f"{label:<30}{services.learning.count(person_id):>8}{len(snapshot.goals):>6}"
        f"{assessments:>8}{read_ms:>9.1f}{rules_ms:>9.1f}{total:>8.1f}"
        f"{statistics.median(replans):>9.1f}  {flag}"
    )
    return total


def main(argv: list[str] | None = None) -> int:
    """Print the table; exit 1 when a total misses the target."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--runs", type=int, default=7, help="timed runs per figure (default 7)")
    args = parser.parse_args(argv)
    print(
        f"{'person':<30}{'entries':>8}{'goals':>6}{'ratings':>8}"
        f"{'read ms':>9}{'rules ms':>9}{'total':>8}{'re-plan':>9}"
    )
    slow = []
    with tempfile.TemporaryDirectory() as scratch:
        demo = Services.open(f"sqlite:///{Path(scratch) / 'demo.sqlite'}", FixedClock(NOW))
        try:
            person_id = seed_demo(demo.database, NOW.date()).person_id
            slow.append(measure("demo person", demo, person_id, args.runs) > TARGET_MS)
        finally:
            demo.close()
    for label, spec, target in (
        ("busiest of 50 people", DatasetSpec(), TARGET_MS),
        ("one person, 100,000 entries", SINGLE_PERSON, CAREER_TARGET_MS),
    ):
        services = Services.open(f"sqlite:///{large_database(spec)}", FixedClock(NOW))
        try:
            person_id = busiest_person(services.database)
            slow.append(measure(label, services, person_id, args.runs, target) > target)
        finally:
            services.close()
    print("(open goals only; 'ratings' counts assessments; re-plan: the rules again, same log)")
    return 1 if any(slow) else 0


if __name__ == "__main__":
    raise SystemExit(main())
