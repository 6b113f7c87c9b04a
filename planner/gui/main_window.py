"""The main window. For now a plain window naming the open database and its people."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMainWindow

from planner.services.service_set import Services


class MainWindow(QMainWindow):
    """Top-level window of the program."""

    def __init__(self, services: Services) -> None:
        super().__init__()
        self.setWindowTitle(f"Learning Path Planner — {services.database.display_name}")
        people = services.people.list()
        names = ", ".join(p.name for p in people) or "nobody yet"
        label = QLabel(f"Database: {services.database.display_name}\nPeople: {names}")
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setCentralWidget(label)
        self.resize(1024, 700)
