"""The dialog for a database that cannot be used: says why in words, offers its newest good backup.

Shown when the file is damaged, empty, not a database or another program's, and when
the start-up backup finds damage in a file that still opens (then "Open anyway" lets a
person export what they can). The file itself is never changed by this dialog;
restoring puts it aside, untouched.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from planner.gui.dialogs.restore_dialog import DATE_FORMAT, RestoreDialog
from planner.services.backups import BackupInfo

ICON_SIZE = 48
DIALOG_WIDTH = 560


class DamagedAction(Enum):
    """What the person chose."""

    RESTORE = "restore"
    CONTINUE = "continue"
    LEAVE = "leave"


@dataclass(frozen=True)
class DamagedAnswer:
    """The choice, and the backup to restore when it is ``RESTORE``."""

    action: DamagedAction
    backup: BackupInfo | None = None


class DamagedDatabaseDialog(QDialog):
    """Problem in words, the newest good backup, and buttons to restore it or another one.

    Public widgets (for keyboard use and tests): ``headline``, ``problem_label``,
    ``backup_label``, ``restore_button`` (None without a good backup),
    ``choose_button`` (None without backups), ``continue_button`` (None unless the
    file still opens) and ``leave_button``.
    """

    def __init__(
        self,
        problem: str,
        database_path: Path,
        backups: list[BackupInfo],
        newest_good: BackupInfo | None,
        *,
        can_continue: bool = False,
        leave_label: str = "&Quit",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.answer = DamagedAnswer(DamagedAction.LEAVE)
        self._database_path = database_path
        self._backups = backups
        self._newest_good = newest_good
        self.setWindowTitle("Database problem")
        self.setMinimumWidth(DIALOG_WIDTH)

        icon = QLabel()
        style_icon = self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        icon.setPixmap(style_icon.pixmap(ICON_SIZE, ICON_SIZE))
        icon.setAlignment(Qt.AlignmentFlag.AlignTop)

        verb = "looks damaged" if can_continue else "cannot be opened"
        self.headline = _plain_label(f"{database_path.name} {verb}.")
        font = self.headline.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.headline.setFont(font)
        self.problem_label = _plain_label(_sentence(problem))
        self.problem_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.backup_label = _plain_label(self._backup_text(can_continue))

        text_column = QVBoxLayout()
        text_column.setSpacing(10)
        text_column.addWidget(self.headline)
        text_column.addWidget(self.problem_label)
        text_column.addWidget(self.backup_label)
        text_column.addStretch(1)
        body = QHBoxLayout()
        body.setSpacing(16)
        body.addWidget(icon)
        body.addLayout(text_column, 1)

        # Laid out by hand so the order reads the same everywhere: other choices on the
        # left, leaving and the recommended restore on the right.
        buttons = QHBoxLayout()
        self.restore_button: QPushButton | None = None
        self.choose_button: QPushButton | None = None
        self.continue_button: QPushButton | None = None
        if backups:
            self.choose_button = QPushButton("C&hoose a backup…")
            self.choose_button.clicked.connect(self._on_choose)
            buttons.addWidget(self.choose_button)
        if can_continue:
            self.continue_button = QPushButton("Open &anyway")
            self.continue_button.clicked.connect(self._on_continue)
            buttons.addWidget(self.continue_button)
        buttons.addStretch(1)
        self.leave_button = QPushButton(leave_label)
        self.leave_button.clicked.connect(self.reject)
        buttons.addWidget(self.leave_button)
        if newest_good is not None:
            self.restore_button = QPushButton("&Restore this backup")
            self.restore_button.clicked.connect(self._on_restore_newest)
            buttons.addWidget(self.restore_button)
        self._default = self.restore_button or self.leave_button
        for button in (self.choose_button, self.continue_button, self.leave_button):
            if button is not None and button is not self._default:
                button.setAutoDefault(False)  # Enter means the recommended choice
        self._default.setDefault(True)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 20, 20, 16)
        layout.setSpacing(18)
        layout.addLayout(body)
        layout.addLayout(buttons)
        # Wrapped labels: size the height for the dialog's width, not for a narrow guess.
        self.resize(DIALOG_WIDTH, layout.heightForWidth(DIALOG_WIDTH))

    def showEvent(self, event: QShowEvent) -> None:
        """Start on the recommended button, so Enter restores (or leaves)."""
        super().showEvent(event)
        self._default.setFocus()

    def _backup_text(self, can_continue: bool) -> str:
        good = self._newest_good
        if good is not None:
            when = good.local_taken_at.strftime(DATE_FORMAT)
            return (
                f"The newest good backup is from {when} ({good.reason_label}, {good.size_text})."
                " Restoring it replaces the file; the file as it is now is kept in the backups"
                " folder, so nothing is thrown away."
            )
        if self._backups:
            return "None of its backups passed the check; you may still choose one to try."
        advice = (
            "Open it anyway to export what you can (File > Export), then start a new database."
            if can_continue
            else "Move or rename the file to start a new database, or start the program with"
            " --db to open another one."
        )
        return f"There is no backup of it. {advice}"

    def _on_restore_newest(self) -> None:
        self.answer = DamagedAnswer(DamagedAction.RESTORE, self._newest_good)
        self.accept()

    def _on_choose(self) -> None:
        chosen = RestoreDialog.ask(self, self._database_path, self._backups)
        if chosen is not None:
            self.answer = DamagedAnswer(DamagedAction.RESTORE, chosen)
            self.accept()

    def _on_continue(self) -> None:
        self.answer = DamagedAnswer(DamagedAction.CONTINUE)
        self.accept()

    @classmethod
    def ask(
        cls,
        parent: QWidget | None,
        problem: str,
        database_path: Path,
        backups: list[BackupInfo],
        newest_good: BackupInfo | None,
        *,
        can_continue: bool = False,
        leave_label: str = "&Quit",
    ) -> DamagedAnswer:
        """Show the dialog and return what the person chose (``LEAVE`` when closed)."""
        dialog = cls(
            problem,
            database_path,
            backups,
            newest_good,
            can_continue=can_continue,
            leave_label=leave_label,
            parent=parent,
        )
        try:
            dialog.exec()
            return dialog.answer
        finally:
            dialog.deleteLater()


def _plain_label(text: str) -> QLabel:
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    return label


def _sentence(text: str) -> str:
    """Capitalised and ending with a full stop, as the dialog's other lines are."""
    text = text.strip()
    if not text:
        return text
    text = text[0].upper() + text[1:]
    return text if text.endswith((".", "!", "?")) else text + "."
