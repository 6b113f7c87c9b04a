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


def data_folder() -> Path:
    """The platform's application data folder (``QStandardPaths.AppDataLocation``)."""
    from PySide6.QtCore import QStandardPaths

    set_application_names()
    location = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    return Path(location)
