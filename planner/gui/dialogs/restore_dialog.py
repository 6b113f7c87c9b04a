"""Help > Restore from backup: the database's backups with dates and sizes, pick one to restore."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from planner.services.backups import BackupInfo

ModelIndex = QModelIndex | QPersistentModelIndex
DATE_FORMAT = "%a %d %b %Y, %H:%M"


class BackupTableModel(QAbstractTableModel):
    """Backups as rows: when (local time), why and how big; newest first as given."""

    TAKEN, WHY, SIZE = range(3)
    HEADERS = ("Taken", "Why", "Size")

    def __init__(self, backups: list[BackupInfo], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.backups = backups

    def rowCount(self, parent: ModelIndex | None = None) -> int:
        """One row per backup."""
        return 0 if parent is not None and parent.isValid() else len(self.backups)

    def columnCount(self, parent: ModelIndex | None = None) -> int:
        """Taken, why, size."""
        return 0 if parent is not None and parent.isValid() else len(self.HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> str | None:
        """Column titles."""
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.HEADERS[section]
        return None

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        """The text of a cell, its alignment and the file name as tooltip."""
        if not index.isValid():
            return None
        backup = self.backups[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.TAKEN:
                return backup.local_taken_at.strftime(DATE_FORMAT)
            if column == self.WHY:
                return backup.reason_label.capitalize()
            return backup.size_text
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.SIZE:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            return backup.path.name
        return None


class RestoreDialog(QDialog):
    """Lists the backups of one database; Restore is enabled once one is chosen.

    Public widgets (for keyboard use and tests): ``table``, ``button_box``,
    ``restore_button``. ``chosen`` holds the backup picked when accepted.
    """

    def __init__(
        self, database_path: Path, backups: list[BackupInfo], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.chosen: BackupInfo | None = None
        self.setWindowTitle("Restore from backup")
        self.setMinimumWidth(560)
        if backups:
            self.setMinimumHeight(380)

        intro = QLabel(
            f"Restoring replaces the data in {database_path.name} with the copy you choose."
            " What it holds now is saved as a backup first, so a restore can be undone by"
            " restoring that copy."
            if backups
            else f"There are no backups of {database_path.name} yet. A copy is made when the"
            " program starts (at most once a day, and only after a change), before every"
            " upgrade, import and restore."
        )
        intro.setTextFormat(Qt.TextFormat.PlainText)
        intro.setWordWrap(True)
        where = QLabel(f"Backups are kept in {backups[0].path.parent}" if backups else "")
        where.setTextFormat(Qt.TextFormat.PlainText)
        where.setWordWrap(True)
        where.setStyleSheet("color: palette(placeholder-text);")
        where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.model = BackupTableModel(backups, self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setAlternatingRowColors(True)
        self.table.setTabKeyNavigation(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(BackupTableModel.TAKEN, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(BackupTableModel.WHY, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(BackupTableModel.SIZE, QHeaderView.ResizeMode.ResizeToContents)
        self.table.setVisible(bool(backups))
        self.table.doubleClicked.connect(self._on_double_clicked)

        self.button_box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.restore_button = self.button_box.addButton(
            "&Restore", QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.restore_button.setEnabled(False)
        if not backups:
            self.restore_button.hide()
            close = self.button_box.button(QDialogButtonBox.StandardButton.Cancel)
            close.setText("Close")
        self.button_box.accepted.connect(self._on_accepted)
        self.button_box.rejected.connect(self.reject)
        self.table.selectionModel().selectionChanged.connect(self._on_selection_changed)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(where)
        if not backups:
            layout.addStretch(1)
        layout.addWidget(self.button_box)
        if backups:
            self.table.selectRow(0)
            self.table.setFocus()

    def _selected(self) -> BackupInfo | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.backups[rows[0].row()] if rows else None

    def _on_selection_changed(self) -> None:
        self.restore_button.setEnabled(self._selected() is not None)

    def _on_double_clicked(self, _index: QModelIndex) -> None:
        self._on_accepted()

    def _on_accepted(self) -> None:
        self.chosen = self._selected()
        if self.chosen is not None:
            self.accept()

    @classmethod
    def ask(
        cls, parent: QWidget | None, database_path: Path, backups: list[BackupInfo]
    ) -> BackupInfo | None:
        """Show the list; the backup to restore, or None when cancelled."""
        dialog = cls(database_path, backups, parent)
        try:
            dialog.exec()
            return dialog.chosen if dialog.result() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()
