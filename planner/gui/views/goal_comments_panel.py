"""Comments on a goal, under its details: who said what and when, and a way to add one."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from planner.services.records import CommentRecord


def _plain(text: str = "", *, muted: bool = False, bold: bool = False) -> QLabel:
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)  # names and remarks are the user's text
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if muted:
        label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
    if bold:
        font = label.font()
        font.setBold(True)
        label.setFont(font)
    return label


class CommentView(QWidget):
    """One comment: author and date above the text, set off by a bar at the left."""

    def __init__(self, comment: CommentRecord, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.comment_id = comment.id
        bar = QFrame()
        bar.setObjectName("commentBar")
        bar.setFixedWidth(3)
        bar.setStyleSheet("QFrame#commentBar { background: palette(mid); border: none; }")
        self.byline = _plain(f"{comment.author} · {comment.created_at:%Y-%m-%d}", muted=True)
        self.body = _plain(comment.body)
        text = QVBoxLayout()
        text.setContentsMargins(0, 0, 0, 0)
        text.setSpacing(2)
        text.addWidget(self.byline)
        text.addWidget(self.body)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(2, 2, 0, 2)
        layout.setSpacing(8)
        layout.addWidget(bar)
        layout.addLayout(text, 1)


class CommentsPanel(QWidget):
    """A goal's comments, oldest first, and an "Add comment" button.

    Signals: ``add_requested()``.
    """

    add_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.heading = _plain("Comments", bold=True)
        self.add_button = QPushButton("Add co&mment…")
        self.add_button.setToolTip("A remark on this goal, for example from a mentor's review")
        self.add_button.clicked.connect(self.add_requested)
        self.empty = _plain("No comments yet. A mentor's remarks on this goal appear here.")
        self.empty.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.views: list[CommentView] = []
        self._list = QVBoxLayout()
        self._list.setSpacing(8)
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.add_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addLayout(top)
        layout.addLayout(self._list)
        layout.addWidget(self.empty)

    def show_comments(self, comments: Sequence[CommentRecord]) -> None:
        """Show ``comments`` in order."""
        for view in self.views:
            self._list.removeWidget(view)
            view.hide()
            view.deleteLater()
        self.views = []
        for comment in comments:
            view = CommentView(comment, self)
            self._list.addWidget(view)
            view.show()
            self.views.append(view)
        self.heading.setText(f"Comments ({len(comments)})" if comments else "Comments")
        self.empty.setVisible(not comments)
