"""Time the printed plan: gather, lay out, write the PDF, for the demo and the large database.

Run ``python tests/benchmarks/bench_plan.py [--runs N]`` from the repository root; it
prints the median of N runs per step (target: the whole PDF under 3 s on the large
database). The large database is the cached one of :mod:`large_dataset`; the person
with the most learning entries is the one printed.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import datetime
from datetime import time as day_time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))


from planner.report.page_setup import Paper
from planner.report.paginated_plan import PaginatedPlan
from planner.report.plan_data import build_plan
from planner.report.plan_pdf import ensure_gui_application, write_pdf
from planner.services.clock import FixedClock
from planner.services.demo_data import seed_demo
from planner.services.service_set import Services
from tests.benchmarks.large_dataset import DatasetSpec, busiest_person, large_database


def median_ms(action: Callable[[], object], runs: int) -> float:
    """Median wall time of ``action`` in milliseconds."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def measure(label: str, services: Services, person_id: int, runs: int) -> None:
    """Print the median time of each step for one person."""
    out = Path(tempfile.mkdtemp(prefix="bench-plan-")) / "plan.pdf"
    plan = build_plan(services, person_id)  # warm: imports matplotlib once
    gather = median_ms(lambda: build_plan(services, person_id), runs)
    layout = median_ms(lambda: PaginatedPlan(plan, Paper.A4), runs)
    paginated = PaginatedPlan(plan, Paper.A4)
    write = median_ms(lambda: write_pdf(paginated, out), runs)
    whole = median_ms(
        lambda: write_pdf(PaginatedPlan(build_plan(services, person_id), Paper.A4), out), runs
    )
    print(
        f"{label:<8} {paginated.page_count:>5} {paginated.passes:>6} {gather:>9.0f}"
        f" {layout:>9.0f} {write:>9.0f} {whole:>9.0f}"
    )


def plan_pdf_times(path: Path, runs: int) -> list[float]:
    """Milliseconds to gather, lay out and write the PDF of the busiest person in ``path``.

    Used by ``bench_app.py`` for its "Plan PDF export" row; one warm-up run first.
    """
    ensure_gui_application()
    clock = FixedClock(datetime.combine(DatasetSpec().today, day_time(12)))
    services = Services.open(f"sqlite:///{path}", clock)
    try:
        person_id = busiest_person(services.database)
        with tempfile.TemporaryDirectory(prefix="bench-plan-") as folder:
            out = Path(folder) / "plan.pdf"

            def whole() -> None:
                write_pdf(PaginatedPlan(build_plan(services, person_id), Paper.A4), out)

            whole()
            times = []
            for _ in range(runs):
                start = time.perf_counter()
                whole()
                times.append((time.perf_counter() - start) * 1000)
    finally:
        services.close()
    return times


def main(argv: list[str] | None = None) -> int:
    """Measure and print the table."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)
    ensure_gui_application()
    spec = DatasetSpec()
    clock = FixedClock(datetime.combine(spec.today, day_time(12)))
    print(f"{'dataset':<8} {'pages':>5} {'passes':>6} {'gather':>9} {'layout':>9}"
          f" {'write':>9} {'whole ms':>9}")  # fmt: skip
    with tempfile.TemporaryDirectory() as folder:
        demo = Services.open(f"sqlite:///{Path(folder) / 'demo.sqlite'}", clock)
        seed_demo(demo.database, spec.today)
        measure("demo", demo, demo.people.list()[0].id, args.runs)
        demo.close()
    large = Services.open(f"sqlite:///{large_database(spec)}", clock)
    measure("large", large, busiest_person(large.database), args.runs)
    large.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
