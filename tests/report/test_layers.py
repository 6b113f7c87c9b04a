"""The report sits before the GUI: no widgets, no GUI package, and no matplotlib until a chart."""

from __future__ import annotations

import pkgutil
import subprocess
import sys

import planner.report

CHECK = """
import importlib, sys
for name in sys.argv[1:]:
    importlib.import_module(name)
loaded = sorted(m for m in sys.modules if m.startswith(("PySide6.QtWidgets", "planner.gui",
    "PySide6.QtPrintSupport", "matplotlib")))
print(",".join(loaded))
"""


def test_importing_the_report_loads_no_widgets_and_no_matplotlib() -> None:
    modules = [f"planner.report.{m.name}" for m in pkgutil.iter_modules(planner.report.__path__)]
    assert "planner.report.paginated_plan" in modules
    result = subprocess.run(
        [sys.executable, "-c", CHECK, *modules],
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    assert result.stdout.strip() == ""
