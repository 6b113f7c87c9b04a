"""Asked by a second program instance: the file is open elsewhere, open it read-only or leave."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from planner.gui.instance_lock import LockHolder


class DatabaseInUseBox(QMessageBox):
    """Says which process holds the file; ``read_only_button`` or ``leave_button``."""

    def __init__(
        self,
        database_path: Path,
        holder: LockHolder,
        leave_label: str = "&Quit",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setIcon(QMessageBox.Icon.Information)
        self.setWindowTitle("Database in use")
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setText(
            f"{database_path.name} is already open in Learning Path Planner ({holder.describe()})."
        )
        self.setInformativeText(
            "Only one window at a time may change it, so that no change is lost. You can open"
            " it read-only to look at it, or close the other window first and try again."
        )
        self.read_only_button = self.addButton("Open &read-only", QMessageBox.ButtonRole.AcceptRole)
        self.leave_button = self.addButton(leave_label, QMessageBox.ButtonRole.RejectRole)
        self.setDefaultButton(self.read_only_button)
        self.setEscapeButton(self.leave_button)

    @classmethod
    def ask(
        cls,
        parent: QWidget | None,
        database_path: Path,
        holder: LockHolder,
        leave_label: str = "&Quit",
    ) -> bool:
        """Whether the person wants to open the file read-only (else they quit or cancel)."""
        box = cls(database_path, holder, leave_label, parent)
        try:
            box.exec()
            return box.clickedButton() is box.read_only_button
        finally:
            box.deleteLater()
