"""Comment on a goal: ``CommentDialog.ask(parent, context, goal) -> CommentRecord | None``.

The comment is saved through :class:`~planner.gui.operations.Operations` (undoable);
a rejected one keeps the dialog open with the message beside its field.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from planner.errors import PlannerError, ValidationError
from planner.gui.field_errors import FormErrors, error_label
from planner.gui.views.base import ViewContext
from planner.services.records import CommentDraft, CommentRecord, GoalRecord


class CommentDialog(QDialog):
    """Who comments and what they say. ``saved`` holds the comment once OK succeeded."""

    def __init__(
        self, context: ViewContext, goal: GoalRecord, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("commentDialog")
        self.context = context
        self.goal = goal
        self.saved: CommentRecord | None = None
        self.setWindowTitle("Comment on a goal")
        about = QLabel(goal.title)
        about.setWordWrap(True)
        font = about.font()
        font.setBold(True)
        about.setFont(font)
        about.setTextFormat(Qt.TextFormat.PlainText)
        self.author_edit = QLineEdit(context.services.comments.usual_author())
        self.author_edit.setPlaceholderText("Your name, e.g. your mentor's")
        self.body_edit = QPlainTextEdit()
        self.body_edit.setTabChangesFocus(True)
        self.body_edit.setPlaceholderText("What you noticed, suggest or ask about this goal")
        labels = {"author": error_label(), "body": error_label()}
        self.errors = FormErrors(labels, {"author": self.author_edit, "body": self.body_edit})
        self.general_error = error_label()
        form = QFormLayout()
        for text, field, name in (
            ("&Name:", self.author_edit, "author"),
            ("&Comment:", self.body_edit, "body"),
        ):
            label = QLabel(text)
            label.setBuddy(field)
            column = QVBoxLayout()
            column.setSpacing(2)
            column.addWidget(field)
            column.addWidget(labels[name])
            form.addRow(label, column)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText("&Add comment")
        buttons.accepted.connect(self._on_accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(about)
        layout.addLayout(form, 1)
        layout.addWidget(self.general_error)
        layout.addWidget(buttons)
        self.resize(520, 340)
        (self.body_edit if self.author_edit.text() else self.author_edit).setFocus()

    def draft(self) -> CommentDraft:
        """The comment as typed."""
        return CommentDraft(self.author_edit.text(), self.body_edit.toPlainText())

    def _on_accept(self) -> None:
        self.errors.clear()
        self.general_error.hide()
        try:
            self.saved = self.context.operations.add_comment(self.goal, self.draft())
        except ValidationError as error:
            unclaimed = self.errors.show(error)
            if unclaimed:
                self.general_error.setText("\n".join(unclaimed))
                self.general_error.show()
            return
        except PlannerError as error:
            self.general_error.setText(str(error))
            self.general_error.show()
            return
        self.accept()

    @classmethod
    def ask(
        cls, parent: QWidget | None, context: ViewContext, goal: GoalRecord
    ) -> CommentRecord | None:
        """Show the dialog; the saved comment, or None when cancelled."""
        dialog = cls(context, goal, parent)
        try:
            dialog.exec()
            return dialog.saved
        finally:
            dialog.deleteLater()
