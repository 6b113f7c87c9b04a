"""Start the desktop program on an open database."""

from __future__ import annotations

import sys

from planner.services.service_set import Services


def run_gui(services: Services) -> int:
    """Show the main window and run the event loop until it closes."""
    from PySide6.QtWidgets import QApplication

    from planner.cli.locations import set_application_names
    from planner.gui.main_window import MainWindow

    set_application_names()
    app = QApplication.instance() or QApplication(sys.argv)
    window = MainWindow(services)
    window.show()
    return app.exec()
