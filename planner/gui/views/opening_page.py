"""The frame of the chosen view while the database opens: its title, the rest to come."""

from __future__ import annotations

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

OPENING_MARGIN = 16
TITLE_SCALE = 1.5  # bold and half as large again, as a view's own title


class OpeningPage(QWidget):
    """Stands where the view will be; made with Qt alone, so it paints before the data layers."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("openingPage")
        self.heading = QLabel(title)
        self.heading.setObjectName("viewTitle")
        font = QFont(self.heading.font())
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * TITLE_SCALE)
        self.heading.setFont(font)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(OPENING_MARGIN, OPENING_MARGIN, OPENING_MARGIN, OPENING_MARGIN)
        layout.addWidget(self.heading)
        layout.addStretch(1)

    def show_title(self, title: str) -> None:
        """Show the frame of another view (chosen in the side bar before the data is there)."""
        self.heading.setText(title)
