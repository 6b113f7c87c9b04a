"""Time to build each chart: reading its data, building the figure and drawing it (Agg).

Two datasets: the demo person, and one person with 100,000 learning entries over ten
years, 5,000 goals and 2,000 assessments (built once by :mod:`large_dataset` and cached).
Each figure is the median of several runs after a warm-up (so imports are not counted);
the target is 300 ms per chart. Run from the repository root:

    .venv/bin/python tests/benchmarks/bench_charts.py [--runs 7]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from large_dataset import SINGLE_PERSON, busiest_person, large_database
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from planner.analysis.chart_data import RadarGrouping
from planner.analysis.learning_stats import month_start
from planner.analysis.progress_charts import ChartPeriod, ProgressData
from planner.charts.activity_calendar import build_activity_calendar
from planner.charts.goal_burn_up import build_goal_burn_up
from planner.charts.hours_by_month import build_hours_by_month
from planner.charts.radar import build_radar
from planner.charts.readiness_timeline import build_readiness_timeline
from planner.charts.theme import ChartTheme
from planner.services.clock import FixedClock
from planner.services.demo_data import seed_demo
from planner.services.service_set import Services

TARGET_MS = 300.0
NOW = datetime(2026, 11, 21, 12, 0)
# Figure sizes as the Progress view shows them at 1920x1080 (inches at 100 dpi).
SIZES = {"radar": (8.0, 5.6), "wide": (16.0, 3.6), "half": (8.0, 3.0), "calendar": (16.0, 2.6)}


@dataclass(frozen=True)
class Chart:
    """One chart to time: how to read its data and how to draw it."""

    name: str
    data: Callable[[ProgressData, ChartPeriod], Any]
    build: Callable[[Any, ChartTheme], Figure]


def charts() -> list[Chart]:
    """Every chart of the Progress view, and the Dashboard's two."""
    return [
        Chart(
            "radar (per competency)",
            lambda d, p: d.radar([d.default_comparison(p.first)] if d.scores() else []),
            lambda data, theme: build_radar(data, theme, size=SIZES["radar"]),
        ),
        Chart(
            "radar (per area, dashboard)",
            lambda d, p: d.radar(
                [d.default_comparison()] if d.scores() else [], RadarGrouping.AREA
            ),
            lambda data, theme: build_radar(data, theme, size=(5.4, 4.0)),
        ),
        Chart(
            "readiness over time",
            lambda d, p: d.timeline(p),
            lambda data, theme: build_readiness_timeline(data, theme, size=SIZES["half"]),
        ),
        Chart(
            "hours per area per month",
            lambda d, p: d.hours(p),
            lambda data, theme: build_hours_by_month(data, theme, size=SIZES["wide"]),
        ),
        Chart(
            "activity calendar",
            lambda d, p: d.calendar(p.last),
            lambda data, theme: build_activity_calendar(data, theme, size=SIZES["calendar"]),
        ),
        Chart(
            "goal burn-up",
            lambda d, p: d.burn_up(p),
            lambda data, theme: build_goal_burn_up(data, theme, size=SIZES["half"]),
        ),
    ]


def run_times(
    chart: Chart, services: Services, person_id: int, period: ChartPeriod, runs: int
) -> tuple[list[float], list[float]]:
    """Milliseconds per timed run to read the data, and to build and draw the figure."""
    theme = ChartTheme.light()
    reads, draws = [], []
    for run in range(runs + 1):
        started = time.perf_counter()
        data = chart.data(ProgressData(services, person_id), period)
        read = time.perf_counter()
        FigureCanvasAgg(chart.build(data, theme)).draw()
        done = time.perf_counter()
        if run:  # the first run warms caches and imports
            reads.append((read - started) * 1000)
            draws.append((done - read) * 1000)
    return reads, draws


def time_chart(
    chart: Chart, services: Services, person_id: int, period: ChartPeriod, runs: int
) -> tuple[float, float]:
    """Median milliseconds to read the data, and to build and draw the figure."""
    reads, draws = run_times(chart, services, person_id, period, runs)
    return statistics.median(reads), statistics.median(draws)


def chart_times(path: Path, runs: int) -> dict[str, list[float]]:
    """Each chart's time per run (data and figure), last 12 months, busiest person of ``path``.

    ``bench_app.py`` prints these as its "Chart:" rows, for its demo and large databases.
    """
    services = Services.open(f"sqlite:///{path}", FixedClock(NOW))
    try:
        person_id = busiest_person(services.database)
        today = NOW.date()
        period = ChartPeriod(month_start(today, 11), today)
        times = {}
        for chart in charts():
            reads, draws = run_times(chart, services, person_id, period, runs)
            times[chart.name] = [read + draw for read, draw in zip(reads, draws, strict=True)]
        return times
    finally:
        services.close()


def demo_services(folder: Path) -> tuple[Services, int]:
    """A fresh database holding the demo person."""
    services = Services.open(f"sqlite:///{folder / 'demo.sqlite'}", FixedClock(NOW))
    summary = seed_demo(services.database, NOW.date())
    return services, summary.person_id


def large_services() -> tuple[Services, int]:
    """The cached large single-person database."""
    path = large_database(SINGLE_PERSON)
    services = Services.open(f"sqlite:///{path}", FixedClock(NOW))
    return services, services.people.list()[0].id


def main(argv: list[str] | None = None) -> int:
    """Print a table of medians; exit 1 when a chart misses the target."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--runs", type=int, default=7, help="timed runs per chart (default 7)")
    args = parser.parse_args(argv)
    today = NOW.date()
    periods = {
        "last 12 months": ChartPeriod(month_start(today, 11), today),
        "all time": ChartPeriod(None, today),
    }
    missed = 0
    with tempfile.TemporaryDirectory() as scratch:
        started = time.perf_counter()
        datasets = {
            "demo": demo_services(Path(scratch)),
            "large (100k entries, 10 years)": large_services(),
        }
        print(f"datasets ready in {time.perf_counter() - started:.1f} s; {args.runs} runs each\n")
        header = (
            f"{'chart':<30} {'dataset':<32} {'period':<15} {'data':>8} {'figure':>8} {'total':>8}"
        )
        print(header)
        print("-" * len(header))
        for dataset, (services, person_id) in datasets.items():
            for period_name, period in periods.items():
                for chart in charts():
                    read, draw = time_chart(chart, services, person_id, period, args.runs)
                    total = read + draw
                    flag = "" if total <= TARGET_MS else f"  over {TARGET_MS:.0f} ms"
                    missed += total > TARGET_MS
                    print(
                        f"{chart.name:<30} {dataset:<32} {period_name:<15}"
                        f" {read:>6.0f}ms {draw:>6.0f}ms {total:>6.0f}ms{flag}"
                    )
        for services, _person in datasets.values():
            services.close()
    print(
        f"\n{missed} chart(s) over the {TARGET_MS:.0f} ms target"
        if missed
        else "\nall charts within target"
    )
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
