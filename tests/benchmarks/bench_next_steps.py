"""Time to work out a person's next steps: reading the snapshot, then running the rules.

Three people: the demo person, the busiest person of the 50-person dataset (about
2,000 entries each) and one person holding 100,000 entries, 5,000 goals and 2,000
assessments (both datasets built once by :mod:`large_dataset` and cached). The
Dashboard and the Next steps view pay both figures on every reload, so together they
should stay well under the 100 ms a view may take. Run from the repository root:

    .venv/bin/python tests/benchmarks/bench_next_steps.py [--runs 7]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from large_dataset import SINGLE_PERSON, DatasetSpec, large_database

from planner.analysis.next_steps import catalogue_for, compute_next_steps, snapshot_of
from planner.services.clock import FixedClock
from planner.services.demo_data import seed_demo
from planner.services.service_set import Services

NOW = datetime(2026, 11, 21, 12, 0)
TARGET_MS = 100.0


def median_ms(action: Callable[[], object], runs: int) -> float:
    """Median wall-clock milliseconds of ``action`` after one warm-up run."""
    action()
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        action()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def measure(label: str, services: Services, person_id: int, runs: int) -> float:
    """Print one row: entries, snapshot ms, rules ms, total against the target."""
    snapshot = snapshot_of(services, person_id)
    framework = services.people.framework_of(snapshot.person)
    catalogue = catalogue_for(framework)
    today = NOW.date()
    read = median_ms(lambda: snapshot_of(services, person_id), runs)
    rules = median_ms(lambda: compute_next_steps(snapshot, framework, catalogue, today), runs)
    total = read + rules
    flag = "ok" if total <= TARGET_MS else "SLOW"
    print(
        f"{label:<34}{len(snapshot.learning):>9}{len(snapshot.goals):>7}"
        f"{len(snapshot.assessments):>8}{read:>10.1f}{rules:>9.1f}{total:>9.1f}  {flag}"
    )
    return total


def busiest(services: Services) -> int:
    """The id of the person with the most learning entries."""
    return max(services.people.list(), key=lambda p: services.learning.count(p.id)).id


def main(argv: list[str] | None = None) -> int:
    """Print the table; exit 1 when a total misses the target."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--runs", type=int, default=7, help="timed runs per figure (default 7)")
    args = parser.parse_args(argv)
    print(
        f"{'person':<34}{'entries':>9}{'goals':>7}{'ratings':>8}"
        f"{'read ms':>10}{'rules ms':>9}{'total':>9}"
    )
    totals = []
    with tempfile.TemporaryDirectory() as scratch:
        demo = Services.open(f"sqlite:///{Path(scratch) / 'demo.sqlite'}", FixedClock(NOW))
        try:
            person_id = seed_demo(demo.database, NOW.date()).person_id
            totals.append(measure("demo person", demo, person_id, args.runs))
        finally:
            demo.close()
    for label, spec in (
        ("busiest of 50 people", DatasetSpec()),
        ("one person, 100,000 entries", SINGLE_PERSON),
    ):
        services = Services.open(f"sqlite:///{large_database(spec)}", FixedClock(NOW))
        try:
            totals.append(measure(label, services, busiest(services), args.runs))
        finally:
            services.close()
    print("(open goals only; 'ratings' counts assessments)")
    return 0 if all(t <= TARGET_MS for t in totals[:2]) else 1


if __name__ == "__main__":
    raise SystemExit(main())
