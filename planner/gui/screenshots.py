"""Render every view (and the welcome wizard) to PNG files, offscreen, for the README and review."""

from __future__ import annotations

import os
from pathlib import Path

from planner.services.service_set import Services

SETTLE_PASSES = 4


def take_screenshots(
    services: Services, folder: Path, size: tuple[int, int], dark: bool
) -> list[Path]:
    """Save one PNG per view plus the wizard; returns the files written."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from planner.cli.locations import set_application_names
    from planner.gui.main_window import MainWindow
    from planner.gui.palette import apply_style
    from planner.gui.settings import AppSettings

    set_application_names()
    app = QApplication.instance() or QApplication([])
    assert isinstance(app, QApplication)
    apply_style(app, dark=dark)
    folder.mkdir(parents=True, exist_ok=True)
    suffix = f"{size[0]}x{size[1]}{'-dark' if dark else ''}"
    scratch = QSettings(str(folder / ".screenshots.ini"), QSettings.Format.IniFormat)
    window = MainWindow(services, AppSettings(scratch))
    window.resize(*size)
    window.show()
    written = []
    for row, view in enumerate(window.views):
        window.sidebar.setCurrentRow(row)
        for _ in range(SETTLE_PASSES):  # wrapped text needs a few layout passes to settle
            app.processEvents()
        _draw_charts(view)
        path = folder / f"{row + 1:02d}-{view.name}-{suffix}.png"
        window.grab().save(str(path))
        written.append(path)
    written += _chart_shots(window, folder, suffix)
    written.append(_wizard_shot(services, window, folder, suffix))
    window.close()
    (folder / ".screenshots.ini").unlink(missing_ok=True)
    return written


def _draw_charts(view: object) -> None:
    """Draw the view's charts now (they are otherwise drawn just after the view paints)."""
    from PySide6.QtWidgets import QApplication, QWidget

    from planner.gui.charts.chart_widget import ChartWidget

    assert isinstance(view, QWidget)
    finish_loading = getattr(view, "finish_loading", None)
    if callable(finish_loading):  # charts whose data is read off the GUI thread
        finish_loading()
    for chart in view.findChildren(ChartWidget):
        chart.render_now()
    QApplication.processEvents()


def _chart_shots(window: object, folder: Path, suffix: str) -> list[Path]:
    """Each chart of the Progress view on its own, as its PNG export makes it."""
    from planner.gui.views.progress_view import ProgressView

    written = []
    for view in getattr(window, "views", []):
        if isinstance(view, ProgressView):
            for chart in (c for c in view.charts if c.figure is not None):
                path = folder / f"chart-{chart.name}-{suffix}.png"
                chart.export(path)
                written.append(path)
    return written


def _wizard_shot(services: Services, window: object, folder: Path, suffix: str) -> Path:
    from PySide6.QtWidgets import QApplication, QWidget

    from planner.gui.dialogs.welcome_wizard import WelcomeWizard

    assert isinstance(window, QWidget)
    wizard = WelcomeWizard(window, services, window.operations)  # type: ignore[attr-defined]
    wizard.show()
    QApplication.processEvents()
    path = folder / f"00-welcome-wizard-{suffix}.png"
    wizard.grab().save(str(path))
    wizard.reject()
    return path
