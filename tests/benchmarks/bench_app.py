"""The performance suite: start-up, views, search, edits, charts, the plan, exchange, memory.

Run from the repository root (after ``make test`` has created ``.venv``)::

    .venv/bin/python tests/benchmarks/bench_app.py [--runs 5] [--quick]

It prints one table of medians for the demo database and for the generated large one
(50 people, 100,000 learning entries, 5,000 goals, 2,000 assessments; built once by
``large_dataset.py`` and cached outside the repository), with each target beside it.
Figures are wall-clock milliseconds on this machine, offscreen; the medians of several
runs keep one busy moment from deciding a figure. Nothing here is a pass/fail test:
``tests/benchmarks/RESULTS.md`` records what it printed and on which machine.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(HERE))

TODAY = date(2026, 11, 21)
NOON = datetime(2026, 11, 21, 12, 0)  # the datasets' today: figures must not drift with the date


@dataclass
class Row:
    """One measured figure for the demo and the large database."""

    name: str
    target: str = ""
    demo: list[float] = field(default_factory=list)
    large: list[float] = field(default_factory=list)
    unit: str = "ms"

    def cell(self, values: list[float]) -> str:
        if not values:
            return "—"
        median = statistics.median(values)
        return f"{median:,.0f} {self.unit}" if median >= 10 else f"{median:.1f} {self.unit}"


def timed(action: Callable[[], object]) -> float:
    """Milliseconds ``action`` takes."""
    start = time.perf_counter()
    action()
    return (time.perf_counter() - start) * 1000


# Databases ------------------------------------------------------------------------


@contextmanager
def demo_copy() -> Iterator[Path]:
    """A fresh demo database in a temporary folder."""
    from planner.services.clock import FixedClock
    from planner.services.demo_data import seed_demo
    from planner.services.service_set import Services
    from planner.storage.database import sqlite_url

    with tempfile.TemporaryDirectory(prefix="planner-bench-") as folder:
        path = Path(folder) / "demo.sqlite"
        services = Services.open(sqlite_url(path), FixedClock(NOON))
        seed_demo(services.database, TODAY)
        services.close()
        yield path


@contextmanager
def large_copy() -> Iterator[Path]:
    """A private copy of the cached large database (edits must not touch the cache)."""
    from large_dataset import DatasetSpec, large_database

    source = large_database(DatasetSpec())
    with tempfile.TemporaryDirectory(prefix="planner-bench-") as folder:
        path = Path(folder) / "large.sqlite"
        shutil.copyfile(source, path)
        yield path


# Start-up (separate processes) ---------------------------------------------------

# The first paint is noticed by a filter on the shown window alone. A filter on the whole
# application made PySide wrap every object that received an event in Python, building
# the enum types of each new class on the way: ~28 ms that only the measurement paid, on
# a window with many child widgets (and ~0 on a bare label).
_FIRST_PAINT = """
import sys, time
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QWidget
app = QApplication(sys.argv[:1])

class FirstPaint(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            print("PAINTED", time.time(), flush=True)
            QTimer.singleShot(0, app.quit)
            watched.removeEventFilter(self)
        return False

watcher = FirstPaint()
_show = QWidget.show

def show(widget):
    if widget.isWindow():
        widget.installEventFilter(watcher)
    _show(widget)

QWidget.show = show
"""

_BARE = (
    _FIRST_PAINT
    + """
label = QLabel("Learning Path Planner")
label.resize(1024, 700)
label.show()
app.exec()
"""
)

_PROGRAM = (
    _FIRST_PAINT
    + """
from planner.cli import main
sys.exit(main(["--db", sys.argv[1]]))
"""
)


def first_paint_ms(script: str, *args: str, env: dict[str, str]) -> float:
    """Milliseconds from launching a Python process to its first painted window."""
    start = time.time()
    done = subprocess.run(
        [sys.executable, "-c", script, *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    for line in done.stdout.splitlines():
        if line.startswith("PAINTED"):
            return (float(line.split()[1]) - start) * 1000
    raise RuntimeError(f"no window was painted:\n{done.stdout}\n{done.stderr}")


def startup_rows(demo: Path, large: Path, runs: int) -> list[Row]:
    with tempfile.TemporaryDirectory(prefix="planner-bench-home-") as home:
        env = {
            **os.environ,
            "QT_QPA_PLATFORM": "offscreen",
            "XDG_CONFIG_HOME": f"{home}/config",
            "XDG_DATA_HOME": f"{home}/data",
            "XDG_STATE_HOME": f"{home}/state",
            "XDG_CACHE_HOME": f"{home}/cache",
            "PYTHONPATH": str(ROOT),
            # Bytecode cached, as for an installed program (in the throwaway home, not
            # the repository), even where the environment says not to write it.
            "PYTHONPYCACHEPREFIX": f"{home}/pycache",
        }
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        first_paint_ms(_PROGRAM, f"sqlite:///{demo}", env=env)  # writes the bytecode cache
        bare = Row("Bare PySide6 window, first paint")
        ours = Row("Main window, cold start to first paint")
        for _ in range(runs):
            bare.demo.append(first_paint_ms(_BARE, env=env))
            ours.demo.append(first_paint_ms(_PROGRAM, f"sqlite:///{demo}", env=env))
            bare.large.append(first_paint_ms(_BARE, env=env))
            ours.large.append(first_paint_ms(_PROGRAM, f"sqlite:///{large}", env=env))
    ratio = Row("  ratio to the bare window", "≤ 1.5x", unit="x")
    ratio.demo = [statistics.median(ours.demo) / statistics.median(bare.demo)]
    ratio.large = [statistics.median(ours.large) / statistics.median(bare.large)]
    return [bare, ours, ratio]


# In-process GUI figures ------------------------------------------------------------


class Session:
    """A main window on one database, offscreen, with helpers to settle and paint."""

    def __init__(self, path: Path) -> None:
        from PySide6.QtCore import QSettings
        from PySide6.QtWidgets import QApplication

        from planner.gui.main_window import MainWindow
        from planner.gui.settings import AppSettings
        from planner.services.clock import FixedClock
        from planner.services.service_set import Services
        from planner.storage.database import sqlite_url

        self.app = QApplication.instance() or QApplication([])
        self.folder = Path(tempfile.mkdtemp(prefix="planner-bench-settings-"))
        settings = QSettings(str(self.folder / "s.ini"), QSettings.Format.IniFormat)
        self.services = Services.open(sqlite_url(path), FixedClock(NOON))
        self.window = MainWindow(self.services, AppSettings(settings))
        self.window.resize(1280, 800)
        self.window.show()
        self.settle()
        from large_dataset import busiest_person

        people = self.services.people.list()
        self.busiest = busiest_person(self.services.database)
        self.others = [p.id for p in people if p.id != self.busiest][:4]
        # As the program does (planner.gui.app, and planner.gui.startup once every
        # view's module is loaded).
        from planner.gui.garbage_collection import collect_when_idle, set_aside_start_up_objects

        collect_when_idle(self.app)
        set_aside_start_up_objects()

    def settle(self) -> None:
        """Handle what is pending and paint the window now."""
        self.app.processEvents()
        self.window.repaint()
        self.app.processEvents()

    def quiet(self) -> None:
        """Let worker threads finish what the last step started.

        Otherwise it slows the next timed step (it competes for the interpreter lock).
        """
        from planner.gui.charts.chart_loader import ChartLoader
        from planner.gui.charts.chart_renderer import wait_for_charts
        from planner.gui.charts.chart_widget import RESIZE_DELAY_MS

        # Twice, past the charts' resize delay: a chart laid out at its final size after
        # its first drawing asks for one more.
        for _ in range(2):
            for loader in self.window.findChildren(ChartLoader):
                loader.wait()
            wait_for_charts()
            self.settle()
            self.idle(RESIZE_DELAY_MS + 50)
            self.settle()
        for loader in self.window.findChildren(ChartLoader):
            loader.wait()
        wait_for_charts()
        self.settle()

    def idle(self, milliseconds: int) -> None:
        """Let the event loop wait for events a while, as between a person's clicks.

        The program runs its full garbage collections at such moments
        (:mod:`planner.gui.garbage_collection`).
        """
        from PySide6.QtCore import QEventLoop, QTimer

        loop = QEventLoop()
        QTimer.singleShot(milliseconds, loop.quit)
        loop.exec()

    def drawn(self, view: object) -> None:
        """Wait until every chart of ``view`` shows its data (read and drawn off the thread)."""
        from PySide6.QtWidgets import QWidget

        from planner.gui.charts.chart_loader import ChartLoader
        from planner.gui.charts.chart_widget import ChartWidget

        assert isinstance(view, QWidget)
        for loader in view.findChildren(ChartLoader):
            loader.wait()
        self.settle()
        for chart in view.findChildren(ChartWidget):
            chart.render_now()
        self.settle()

    def view_row(self, name: str) -> int:
        return next(i for i, v in enumerate(self.window.views) if v.name == name)

    def open_view(self, row: int, person_id: int) -> float:
        """Milliseconds to show view ``row`` for a person it has not shown yet."""
        self.window.sidebar.setCurrentRow(0 if row else 1)
        self.settle()
        self.window.person.set(person_id)
        self.quiet()
        return timed(lambda: (self.window.sidebar.setCurrentRow(row), self.settle()))

    def open_drawn(self, row: int, person_id: int) -> float:
        """Like :meth:`open_view`, until the view's charts are drawn too."""
        self.window.sidebar.setCurrentRow(0 if row else 1)
        self.settle()
        self.window.person.set(person_id)
        self.quiet()
        view = self.window.views[row]
        return timed(lambda: (self.window.sidebar.setCurrentRow(row), self.drawn(view)))

    def close(self) -> None:
        self.window.close()
        self.services.close()
        shutil.rmtree(self.folder, ignore_errors=True)


def gui_rows(path: Path, runs: int) -> dict[str, list[float]]:
    """Every in-process figure for one database."""
    from PySide6.QtWidgets import QTableView

    figures: dict[str, list[float]] = {}
    session = Session(path)
    try:
        people = [session.busiest, *session.others]
        figures["Dashboard fully drawn"] = [
            session.open_drawn(0, people[i % len(people)]) for i in range(runs)
        ]
        for row, view in enumerate(session.window.views):
            figures[f"Open {view.title}"] = [
                session.open_view(row, people[(i + 1) % len(people)]) for i in range(runs)
            ]
        progress_row = session.view_row("progress")

        figures["Progress, every chart drawn"] = [
            session.open_drawn(progress_row, people[i % len(people)]) for i in range(runs)
        ]
        learning_row = session.view_row("learning_view")
        session.open_view(learning_row, session.busiest)
        view = session.window.views[learning_row]
        table = view.findChild(QTableView, "learningTable")
        assert table is not None
        scroll, search = [], []
        search_edit = view.search_edit  # type: ignore[attr-defined]
        for _ in range(runs):
            table.scrollToTop()
            session.settle()
            scroll.append(timed(lambda: (table.scrollToBottom(), session.settle())))
            search_edit.setText("")
            search_edit.returnPressed.emit()
            session.settle()
            search_edit.setText("mentoring")
            search.append(timed(lambda: (search_edit.returnPressed.emit(), session.settle())))
        figures["Learning log: scroll to the end"] = scroll
        figures["Learning log: text search"] = search
        search_edit.setText("")
        search_edit.returnPressed.emit()
        figures["Edit: dialog OK to committed and visible"] = edit_times(session, runs)
    finally:
        session.close()
    return figures


def edit_times(session: Session, runs: int) -> list[float]:
    """From clicking Save in the learning dialog to the new row painted in the log."""
    from planner.gui.dialogs.learning_dialog import LearningDialog

    times = []
    for i in range(runs):
        dialog = LearningDialog(session.window.context)
        dialog.title_edit.setText(f"Benchmark entry {i}")
        dialog.hours_spin.setValue(1.5)
        dialog.show()
        session.app.processEvents()
        times.append(timed(lambda d=dialog: (d.ok_button.click(), session.settle())))  # type: ignore[misc]
        dialog.deleteLater()
    return times


# Exchange, charts and the plan -------------------------------------------------------


def exchange_rows(path: Path, runs: int) -> dict[str, list[float]]:
    from planner.services.clock import FixedClock
    from planner.services.json_exchange import import_file, write_export
    from planner.services.service_set import Services
    from planner.storage.database import sqlite_url

    export, restore = [], []
    with tempfile.TemporaryDirectory(prefix="planner-bench-") as folder:
        out = Path(folder) / "export.json"
        services = Services.open(sqlite_url(path), FixedClock(NOON))
        for _ in range(max(1, runs // 2)):
            export.append(timed(lambda: write_export(services, out)))
        services.close()
        for i in range(max(1, runs // 2)):
            copy = sqlite_url(Path(folder) / f"import-{i}.sqlite")
            target = Services.open(copy, FixedClock(NOON))
            restore.append(timed(lambda t=target: import_file(t, out)))  # type: ignore[misc]
            target.close()
    return {"JSON export, whole database": export, "JSON import, whole database": restore}


def chart_and_plan_rows(path: Path, runs: int) -> dict[str, list[float]]:
    """Each chart (last 12 months, busiest person) and the plan PDF, from their own scripts."""
    import bench_charts
    import bench_plan

    figures = {
        f"Chart: {name}": values for name, values in bench_charts.chart_times(path, runs).items()
    }
    figures["Plan PDF export"] = bench_plan.plan_pdf_times(path, runs)
    return figures


# Memory (a separate process, so the figure is the program's own) ----------------------

_MEMORY = """
import json, os, sys
sys.path.insert(0, sys.argv[2])
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from bench_app import Session
session = Session(__import__("pathlib").Path(sys.argv[1]))
for person in [session.busiest, *session.others]:
    session.window.person.set(person)
    for row, view in enumerate(session.window.views):
        session.window.sidebar.setCurrentRow(row)
        session.drawn(view)  # every chart drawn, and the plan's preview laid out
        if hasattr(view, "refresh_now"):
            view.refresh_now()
        session.quiet()
# VmHWM, not ru_maxrss: the latter keeps the parent's peak across fork and exec.
peak = next(line for line in open("/proc/self/status") if line.startswith("VmHWM:"))
print(json.dumps(int(peak.split()[1]) / 1024))
"""


def peak_memory_mb(path: Path) -> float:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, "-c", _MEMORY, str(path), str(HERE)],
        capture_output=True,
        text=True,
        env=env,
        timeout=600,
        check=True,
    )
    return float(json.loads(done.stdout.strip().splitlines()[-1]))


# Report ----------------------------------------------------------------------------

TARGETS = {
    "Dashboard fully drawn": "charts < 300 ms each",
    "Progress, every chart drawn": "< 300 ms per chart",
    "Learning log: scroll to the end": "< 100 ms",
    "Learning log: text search": "< 100 ms",
    "Edit: dialog OK to committed and visible": "< 50 ms",
    "Plan PDF export": "< 3 s",
}


def target_for(name: str) -> str:
    if name.startswith("Open "):
        return "< 100 ms"
    if name.startswith("Chart: "):
        return "< 300 ms"
    return TARGETS.get(name, "")


def merge(rows: dict[str, Row], figures: dict[str, list[float]], which: str) -> None:
    for name, values in figures.items():
        row = rows.setdefault(name, Row(name, target_for(name)))
        getattr(row, which).extend(values)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5, help="runs per figure (median shown)")
    parser.add_argument("--quick", action="store_true", help="skip start-up and memory")
    args = parser.parse_args(argv)

    from PySide6.QtWidgets import QApplication

    QApplication.instance() or QApplication([])
    rows: dict[str, Row] = {}
    with demo_copy() as demo, large_copy() as large:
        if not args.quick:
            for row in startup_rows(demo, large, args.runs):
                rows[row.name] = row
        for which, path in (("demo", demo), ("large", large)):
            merge(rows, gui_rows(path, args.runs), which)
            merge(rows, chart_and_plan_rows(path, args.runs), which)
            merge(rows, exchange_rows(path, args.runs), which)
        if not args.quick:
            memory = Row("Peak memory, every view visited", "< 300 MB", unit="MB")
            memory.demo = [peak_memory_mb(demo)]
            memory.large = [peak_memory_mb(large)]
            rows[memory.name] = memory

    width = max(len(name) for name in rows) + 2
    heading = f"Figure (median of {args.runs} runs)"
    print(f"{heading:<{width}} {'demo':>12} {'large':>12} {'growth':>8}  target")
    for row in rows.values():
        print(
            f"{row.name:<{width}} {row.cell(row.demo):>12} {row.cell(row.large):>12}"
            f" {growth(row):>8}  {row.target}{verdict(row)}"
        )
    return 0


def growth(row: Row) -> str:
    """How many times the large database's figure is the demo's."""
    if not row.demo or not row.large or row.unit == "x":
        return ""
    demo = statistics.median(row.demo)
    return f"{statistics.median(row.large) / demo:.1f}x" if demo > 0 else ""


def verdict(row: Row) -> str:
    """Whether the large database meets a plain "< N unit" or "≤ Nx" target: ok or MISSED."""
    parts = row.target.split()
    if not row.large or len(parts) not in (2, 3) or parts[0] not in ("<", "≤"):
        return ""
    limit = float(parts[1].rstrip("x")) * (1000 if parts[-1] == "s" else 1)
    value = statistics.median(row.large)
    met = value <= limit if parts[0] == "≤" else value < limit
    return "  ok" if met else "  MISSED"


if __name__ == "__main__":
    raise SystemExit(main())
