"""Menu actions for mentoring: review packets, mentor ratings, another person, and conflicts.

Kept out of :mod:`planner.gui.main_window` so the window stays about layout; the window
adds these actions to its File and Edit menus and forwards two events here.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox

from planner.errors import ConcurrentEditError, PlannerError
from planner.gui.conflicts import ask_to_reload
from planner.gui.operations import ALL_KINDS
from planner.vocabulary import RaterKind

if TYPE_CHECKING:
    from planner.gui.main_window import MainWindow

STATUS_TIMEOUT_MS = 8000
SHARED_URL_EXAMPLE = "postgresql+psycopg://planner@DBHOST/planner"
PACKET_FILTER = "Review packets (*.json);;All files (*)"


def packet_file_name(name: str, day: str, from_mentor: bool) -> str:
    """``ana-lima-review-2026-11-21.json`` or ``ana-lima-record-2026-11-21.json``."""
    slug = re.sub(r"[^a-z0-9]+", "-", name.casefold()).strip("-") or "person"
    return f"{slug}-{'review' if from_mentor else 'record'}-{day}.json"


class MentorActions(QObject):
    """Export and import review packets, rate as a mentor, add a person; report conflicts."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self.export_review_action = QAction("Export re&view packet…", window)
        self.export_review_action.setToolTip(
            "Your record as of today, for your mentor; or, on a mentee's copy, your review"
        )
        self.export_review_action.triggered.connect(self._on_export_review)
        self.import_review_action = QAction("Import review pac&ket…", window)
        self.import_review_action.setToolTip(
            "A mentee's record to review, or your mentor's ratings and comments"
        )
        self.import_review_action.triggered.connect(self._on_import_review)
        self.mentor_assessment_action = QAction("New &mentor assessment…", window)
        self.mentor_assessment_action.setToolTip("Rate the person shown, as their mentor")
        self.mentor_assessment_action.triggered.connect(self._on_mentor_assessment)
        self.open_shared_action = QAction("Open s&hared database…", window)
        self.open_shared_action.setToolTip("A PostgreSQL database the team shares")
        self.open_shared_action.triggered.connect(self._on_open_shared)
        self.new_person_action = QAction("New &person…", window)
        self.new_person_action.setToolTip("Add someone else to this database")
        self.new_person_action.triggered.connect(self._on_new_person)

    def people_loaded(self, has_person: bool) -> None:
        """Enable what needs a person shown."""
        for action in (self.export_review_action, self.mentor_assessment_action):
            action.setEnabled(has_person)

    # Slots ------------------------------------------------------------------

    def _on_export_review(self) -> None:
        from planner.services.review_packet import sender_of, write_packet
        from planner.services.review_packet_format import Sender

        window, person_id = self._window, self._window.person.id
        if person_id is None:
            return
        services = window.services
        person = services.people.get(person_id)
        from_mentor = sender_of(services, person_id) is Sender.MENTOR
        suggested = packet_file_name(person.name, services.clock.today().isoformat(), from_mentor)
        path, _ = QFileDialog.getSaveFileName(
            window, "Export review packet", str(Path.home() / suggested), PACKET_FILTER
        )
        if not path:
            return
        try:
            write_packet(services, person_id, Path(path))
        except (PlannerError, OSError) as exc:
            QMessageBox.warning(window, "Export review packet", str(exc))
            return
        where = Path(path).name
        text = (
            f"Your review of {person.name} is in {where}; send it back to them."
            if from_mentor
            else f"{person.name}'s record is in {where}; send it to your mentor."
        )
        window.statusBar().showMessage(text, STATUS_TIMEOUT_MS)

    def _on_import_review(self) -> None:
        from planner.services.review_packet import import_packet

        window = self._window
        path, _ = QFileDialog.getOpenFileName(
            window, "Import review packet", str(Path.home()), PACKET_FILTER
        )
        if not path:
            return
        try:
            result = import_packet(window.services, Path(path))
        except PlannerError as exc:
            window.show_error(exc)
            return
        window.operations.announce(ALL_KINDS)
        window.open_person(result.person_id)
        window.statusBar().showMessage(str(result), STATUS_TIMEOUT_MS)

    def _on_open_shared(self) -> None:
        from planner.storage.database import resolve_database_url

        window = self._window
        current = window.services.database
        dialog = QInputDialog(window)
        dialog.setObjectName("sharedDatabaseDialog")
        dialog.setWindowTitle("Open shared database")
        dialog.setLabelText(
            "Address of the PostgreSQL database. Keep the password out of it: put it in\n"
            "~/.pgpass (see the README), and it is never shown or remembered here."
        )
        dialog.setTextValue(
            current.url_without_password if current.is_postgresql else SHARED_URL_EXAMPLE
        )
        dialog.resize(560, dialog.height())
        if not dialog.exec() or not dialog.textValue().strip():
            dialog.deleteLater()
            return
        text = dialog.textValue().strip()
        dialog.deleteLater()
        try:
            url = resolve_database_url(text, Path.home())
        except PlannerError as exc:
            window.show_error(exc)
            return
        if not url.startswith("postgresql"):
            window.show_error(
                PlannerError(
                    "A shared database is a postgresql://… address; use Open database for a file."
                )
            )
            return
        window.database_requested.emit(url)

    def _on_mentor_assessment(self) -> None:
        from planner.gui.dialogs.assessment_dialog import AssessmentDialog

        if AssessmentDialog.ask(self._window, self._window.context, RaterKind.MENTOR):
            self._window.statusBar().showMessage("Mentor assessment saved", STATUS_TIMEOUT_MS)

    def _on_new_person(self) -> None:
        from planner.gui.dialogs.welcome_wizard import WelcomeWizard

        window = self._window
        person_id = WelcomeWizard.run(window, window.services, window.operations)
        if person_id is not None:
            window.operations.announce(ALL_KINDS)
            window.open_person(person_id)

    def on_edit_failed(self, error: object) -> None:
        """An undo or redo could not be applied: say why; offer to show what is saved now."""
        window = self._window
        if isinstance(error, ConcurrentEditError):
            if ask_to_reload(window, error, keep="&Cancel"):
                window.operations.announce(ALL_KINDS)
        elif isinstance(error, PlannerError):
            window.show_error(error)
