"""Every remembered preference behind one typed object over QSettings, defaults in one place."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings


class AppSettings:
    """Window state, last view, last database and person, remembered between runs."""

    def __init__(self, settings: QSettings | None = None) -> None:
        self._settings = settings or QSettings()

    def _bytes(self, key: str) -> QByteArray | None:
        value = self._settings.value(key)
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    @property
    def window_geometry(self) -> QByteArray | None:
        """Saved main window geometry, or None on first run."""
        return self._bytes("window/geometry")

    @window_geometry.setter
    def window_geometry(self, value: QByteArray) -> None:
        self._settings.setValue("window/geometry", value)

    @property
    def window_state(self) -> QByteArray | None:
        """Saved toolbar/dock state."""
        return self._bytes("window/state")

    @window_state.setter
    def window_state(self, value: QByteArray) -> None:
        self._settings.setValue("window/state", value)

    def splitter_state(self, name: str) -> QByteArray | None:
        """Saved sizes of a named splitter."""
        return self._bytes(f"splitters/{name}")

    def set_splitter_state(self, name: str, value: QByteArray) -> None:
        """Remember a splitter's sizes."""
        self._settings.setValue(f"splitters/{name}", value)

    @property
    def last_view(self) -> str:
        """Name of the view shown when the program closed (Dashboard by default)."""
        return str(self._settings.value("window/last_view", "dashboard"))

    @last_view.setter
    def last_view(self, value: str) -> None:
        self._settings.setValue("window/last_view", value)

    @property
    def last_database(self) -> str | None:
        """URL of the database opened last, if any."""
        value = self._settings.value("data/last_database")
        return str(value) if value else None

    @last_database.setter
    def last_database(self, value: str) -> None:
        self._settings.setValue("data/last_database", value)

    @property
    def last_person(self) -> str | None:
        """Name of the person shown last."""
        value = self._settings.value("data/last_person")
        return str(value) if value else None

    @last_person.setter
    def last_person(self, value: str) -> None:
        self._settings.setValue("data/last_person", value)

    def sync(self) -> None:
        """Write to disk now."""
        self._settings.sync()
