"""A view whose content arrives with a later piece of work (charts, next steps, plan)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from planner.gui.views.base import View, ViewContext


class PlaceholderView(View):
    """Names the view and says what it will show."""

    def __init__(
        self, context: ViewContext, name: str, title: str, text: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(context, parent)
        self.name = name
        self.title = title
        heading = QLabel(title)
        heading.setObjectName("viewTitle")
        body = QLabel(text)
        body.setWordWrap(True)
        body.setTextFormat(Qt.TextFormat.PlainText)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(body)
        layout.addStretch(1)
