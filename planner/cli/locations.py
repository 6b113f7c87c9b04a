"""Platform folders for the data, from Qt's QStandardPaths (only QtCore is loaded)."""

from __future__ import annotations

from pathlib import Path

APPLICATION_NAME = "learning-path-planner"
ORGANIZATION_NAME = ""  # empty: data lives in .../learning-path-planner, not a nested folder


def set_application_names() -> None:
    """Name the application so QStandardPaths and QSettings use our folders."""
    from PySide6.QtCore import QCoreApplication

    QCoreApplication.setApplicationName(APPLICATION_NAME)
    QCoreApplication.setOrganizationName(ORGANIZATION_NAME)


def log_folder() -> Path:
    """The platform's folder for logs: ~/Library/Logs on macOS, else Qt's StateLocation.

    That is ``~/.local/state/learning-path-planner`` on Linux (XDG) and the local
    application data folder on Windows.
    """
    import sys

    from PySide6.QtCore import QStandardPaths

    set_application_names()
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Logs" / APPLICATION_NAME
    location = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.StateLocation)
    return Path(location)


def data_folder() -> Path:
    """The platform's application data folder (``QStandardPaths.AppDataLocation``)."""
    from PySide6.QtCore import QStandardPaths

    set_application_names()
    location = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    return Path(location)
