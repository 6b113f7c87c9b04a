"""Hostile text is shown exactly as typed: never interpreted as HTML, never cut or mangled."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from planner.gui.main_window import MainWindow
from planner.gui.settings import AppSettings
from planner.gui.views.goals_view import GoalsView
from planner.gui.views.learning_view import LearningView
from planner.services.records import GoalDraft, LearningDraft, PersonDraft
from planner.services.service_set import Services
from planner.vocabulary import LearningKind

HTML = '<b>bold</b><img src="file:///etc/passwd">&amp;'
TITLES = [
    HTML,
    "مرحبا بالعالم — שלום (mixed 123)",
    "👩🏽‍💻 learning 🧠 👨‍👩‍👧‍👦",
    "Robert'); DROP TABLE learning_entries;--",
    "Zoë e\u0301 𝔘𝔫𝔦𝔠𝔬𝔡𝔢",
]


def test_hostile_titles_appear_verbatim_in_the_views(
    qtbot: QtBot, services: Services, settings: AppSettings
) -> None:
    person = services.people.create(PersonDraft("Kim"))
    for title in TITLES:
        services.learning.add(
            person.id, LearningDraft(title, LearningKind.COURSE, date(2026, 11, 1), 1, (), title)
        )
    services.goals.create(person.id, GoalDraft(HTML, HTML))
    window = MainWindow(services, settings)
    qtbot.addWidget(window)
    window.resize(1024, 700)
    window.show()

    learning = next(v for v in window.views if isinstance(v, LearningView))
    window.sidebar.setCurrentRow(window.views.index(learning))
    shown = {
        learning.proxy.index(row, column).data()
        for row in range(learning.proxy.rowCount())
        for column in range(learning.proxy.columnCount())
    }
    assert set(TITLES) <= shown

    goals = next(v for v in window.views if isinstance(v, GoalsView))
    window.sidebar.setCurrentRow(window.views.index(goals))
    goals.table.selectRow(0)
    title = goals.details.title
    assert title.text() == HTML
    assert title.textFormat() == Qt.TextFormat.PlainText
    rich = [
        label.text()
        for label in window.findChildren(QLabel)
        if HTML in label.text() and label.textFormat() != Qt.TextFormat.PlainText
    ]
    assert rich == []  # no label would render the markup
