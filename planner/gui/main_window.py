"""The main window: a side bar of views, menus, the everyday toolbar and the person switcher."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QSize, Qt, QUrl, Signal
from PySide6.QtGui import QAction, QCloseEvent, QDesktopServices, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QToolBar,
    QWidget,
)

from planner import __version__
from planner.errors import PlannerError
from planner.gui.file_actions import FileActions
from planner.gui.mentor_actions import MentorActions
from planner.gui.operations import DataChange, DataKind, Operations
from planner.gui.settings import AppSettings
from planner.gui.views.base import CurrentPerson, View, ViewContext
from planner.gui.views.dashboard import DashboardView
from planner.gui.views.framework_view import FrameworkView
from planner.gui.views.goals_view import GoalsView
from planner.gui.views.learning_view import LearningView
from planner.gui.views.mentees_view import MenteesView
from planner.gui.views.next_steps_view import NextStepsView
from planner.gui.views.placeholder import PlaceholderView
from planner.gui.views.plan_view import PlanView
from planner.gui.views.progress_view import ProgressView
from planner.gui.views.skills_view import SkillsView
from planner.services.service_set import Services

STATUS_TIMEOUT_MS = 5000
SIDEBAR_STYLE = """
QListWidget#sidebar { background: palette(alternate-base); padding-top: 8px; font-size: 11pt;
    outline: 0; }
QListWidget#sidebar::item { padding: 7px 16px; border: none; }
QListWidget#sidebar::item:selected { background: palette(highlight);
    color: palette(highlighted-text); }
"""


def _later(name: str, title: str, text: str) -> Callable[[ViewContext], View]:
    return lambda context: PlaceholderView(context, name, title, text)


VIEW_FACTORIES: list[Callable[[ViewContext], View]] = [
    DashboardView,
    SkillsView,
    GoalsView,
    LearningView,
    ProgressView,
    NextStepsView,
    PlanView,
    FrameworkView,
    MenteesView,  # in the side bar only while the database holds more than one person
]


class MainWindow(QMainWindow):
    """Top-level window. Views refresh themselves from ``Operations.data_changed``.

    Signals: ``database_requested(str)`` — the person chose another database (URL);
    ``restore_requested()`` — Help > Restore from backup (the session closes the database).
    """

    database_requested = Signal(str)
    restore_requested = Signal()

    def __init__(self, services: Services, settings: AppSettings | None = None) -> None:
        super().__init__()
        self.services = services
        self.settings = settings or AppSettings()
        self.operations = Operations(services, self)
        self.person = CurrentPerson(self)
        self.context = ViewContext(services, self.operations, self.person)
        self.setWindowTitle(f"Learning Path Planner — {services.database.display_name}")
        self.setMinimumSize(QSize(900, 600))

        self.sidebar = QListWidget()
        self.sidebar.setObjectName("sidebar")
        self.sidebar.setFixedWidth(180)
        self.sidebar.setFrameShape(QListWidget.Shape.NoFrame)
        self.sidebar.setStyleSheet(SIDEBAR_STYLE)
        self.stack = QStackedWidget()
        self.views: list[View] = []
        for factory in VIEW_FACTORIES:
            view = factory(self.context)
            self.views.append(view)
            self.stack.addWidget(view)
            QListWidgetItem(view.title, self.sidebar)
            if isinstance(view, MenteesView):
                view.open_requested.connect(self.open_person)
        self.sidebar.currentRowChanged.connect(self._on_view_chosen)

        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.sidebar)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)

        self._build_actions()
        self._build_menus()
        self._build_toolbar()
        self.operations.data_changed.connect(self._on_data_changed)
        self.operations.edit_failed.connect(self.mentoring.on_edit_failed)
        self.operations.undo_stack.indexChanged.connect(self._on_undo_index_changed)
        self._load_people()
        self._restore_state()

    # Layout -----------------------------------------------------------------

    def _build_actions(self) -> None:
        self.undo_action = self.operations.undo_stack.createUndoAction(self, "&Undo")
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.redo_action = self.operations.undo_stack.createRedoAction(self, "&Redo")
        redo_keys = QKeySequence.keyBindings(QKeySequence.StandardKey.Redo)
        for extra in (QKeySequence("Ctrl+Y"), QKeySequence("Ctrl+Shift+Z")):
            if extra not in redo_keys:
                redo_keys.append(extra)
        self.redo_action.setShortcuts(redo_keys)
        self.log_action = QAction("&Log learning…", self, shortcut=QKeySequence("Ctrl+L"))
        self.log_action.triggered.connect(self._on_log_learning)
        self.goal_action = QAction("New &goal…", self, shortcut=QKeySequence("Ctrl+G"))
        self.goal_action.triggered.connect(self._on_new_goal)
        self.assess_action = QAction(
            "New &assessment…", self, shortcut=QKeySequence("Ctrl+Shift+A")
        )
        self.assess_action.triggered.connect(self._on_new_assessment)
        self.files = FileActions(self)
        self.mentoring = MentorActions(self)
        self.print_action = QAction("&Print plan…", self, shortcut=QKeySequence("Ctrl+P"))
        self.print_action.triggered.connect(self._on_print_plan)
        self.calendar_action = QAction("Export &calendar (.ics)…", self)
        self.calendar_action.triggered.connect(self._on_export_calendar)
        self.check_action = QAction("&Check database", self)
        self.check_action.triggered.connect(self._on_check_database)
        self.restore_action = QAction("&Restore from backup…", self)
        self.restore_action.triggered.connect(self.restore_requested)
        self.quit_action = QAction(
            "&Quit", self, shortcut=QKeySequence(QKeySequence.StandardKey.Quit)
        )
        self.quit_action.triggered.connect(self.close)

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu("&File")
        file_menu.addAction(self.files.new_db_action)
        file_menu.addAction(self.files.open_db_action)
        file_menu.addAction(self.mentoring.open_shared_action)
        file_menu.addSeparator()
        file_menu.addAction(self.files.import_action)
        file_menu.addAction(self.files.export_action)
        file_menu.addAction(self.files.import_log_action)
        file_menu.addAction(self.files.export_log_action)
        file_menu.addSeparator()
        file_menu.addAction(self.mentoring.export_review_action)
        file_menu.addAction(self.mentoring.import_review_action)
        file_menu.addSeparator()
        file_menu.addAction(self.print_action)
        file_menu.addAction(self.calendar_action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        edit_menu = bar.addMenu("&Edit")
        edit_menu.addAction(self.undo_action)
        edit_menu.addAction(self.redo_action)
        edit_menu.addSeparator()
        edit_menu.addAction(self.log_action)
        edit_menu.addAction(self.goal_action)
        edit_menu.addAction(self.assess_action)
        edit_menu.addAction(self.mentoring.mentor_assessment_action)
        edit_menu.addSeparator()
        edit_menu.addAction(self.mentoring.new_person_action)
        view_menu = bar.addMenu("&View")
        self.view_actions: dict[str, QAction] = {}
        for index, view in enumerate(self.views):
            action = view_menu.addAction(view.title)
            self.view_actions[view.name] = action
            action.setShortcut(QKeySequence(f"Ctrl+{index + 1}"))
            action.triggered.connect(lambda _=False, row=index: self.sidebar.setCurrentRow(row))
        help_menu = bar.addMenu("&Help")
        help_menu.addAction(self.check_action)
        help_menu.addAction(self.restore_action)
        help_menu.addAction("Open &data folder", self._on_open_data_folder)
        help_menu.addAction("Open &log", self._on_open_log)
        help_menu.addSeparator()
        help_menu.addAction("&About Learning Path Planner", self._on_about)

    def _build_toolbar(self) -> None:
        toolbar = QToolBar("Everyday actions", self)
        toolbar.setObjectName("mainToolbar")
        toolbar.setMovable(False)
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        toolbar.addAction(self.log_action)
        toolbar.addAction(self.goal_action)
        toolbar.addAction(self.assess_action)
        spacer = QWidget()
        spacer.setSizePolicy(
            spacer.sizePolicy().horizontalPolicy().Expanding, spacer.sizePolicy().verticalPolicy()
        )
        toolbar.addWidget(spacer)
        self.person_label = QLabel("Person: ")
        self.person_box = QComboBox()
        self.person_box.setObjectName("personSwitcher")
        self.person_box.setMinimumContentsLength(16)
        self.person_label.setBuddy(self.person_box)
        self.person_box.currentIndexChanged.connect(self._on_person_chosen)
        self._person_label_action = toolbar.addWidget(self.person_label)
        self._person_box_action = toolbar.addWidget(self.person_box)
        self.addToolBar(toolbar)

    # State ------------------------------------------------------------------

    def _restore_state(self) -> None:
        if geometry := self.settings.window_geometry:
            self.restoreGeometry(geometry)
        else:
            self.resize(1280, 800)
        for view in self.views:
            splitter = getattr(view, "splitter", None)
            state = self.settings.splitter_state(view.name)
            if isinstance(splitter, QSplitter) and state is not None:
                splitter.restoreState(state)
        names = [view.name for view in self.views]
        last = self.settings.last_view
        self.sidebar.setCurrentRow(names.index(last) if last in names else 0)

    def closeEvent(self, event: QCloseEvent) -> None:
        """Remember window geometry and the last view."""
        self.settings.window_geometry = self.saveGeometry()
        self.settings.last_view = self.views[self.stack.currentIndex()].name
        for view in self.views:
            splitter = getattr(view, "splitter", None)
            if isinstance(splitter, QSplitter):
                self.settings.set_splitter_state(view.name, splitter.saveState())
        self.settings.sync()
        super().closeEvent(event)

    def _load_people(self) -> None:
        people = self.services.people.list()
        current = self.person.id
        self.person_box.blockSignals(True)
        self.person_box.clear()
        for person in people:
            self.person_box.addItem(person.name, person.id)
        self.person_box.blockSignals(False)
        several = len(people) > 1
        self._person_label_action.setVisible(several)
        self._person_box_action.setVisible(several)
        ids = [p.id for p in people]
        if current not in ids:
            last = self.settings.last_person
            by_name = {p.name: p.id for p in people}
            current = by_name.get(last or "", ids[0] if ids else None)
        if current is not None:
            self.person_box.setCurrentIndex(ids.index(current))
        self.person.set(current)
        has_person = current is not None
        self.mentoring.people_loaded(has_person)
        mentees = [v.name for v in self.views].index(MenteesView.name)
        self.sidebar.setRowHidden(mentees, not several)
        self.view_actions[MenteesView.name].setEnabled(several)
        for action in (
            self.log_action,
            self.goal_action,
            self.assess_action,
            self.print_action,
            self.calendar_action,
        ):
            action.setEnabled(has_person)

    # Slots ------------------------------------------------------------------

    def show_view(self, name: str) -> None:
        """Switch to the view called ``name``."""
        self.sidebar.setCurrentRow([view.name for view in self.views].index(name))

    def open_person(self, person_id: int, view_name: str | None = None) -> None:
        """Show ``person_id`` (as if chosen in the person switcher), in ``view_name`` if given."""
        index = self.person_box.findData(person_id)
        if index >= 0:
            self.person_box.setCurrentIndex(index)
        self.person.set(person_id)
        if view_name is not None:
            self.show_view(view_name)

    def _on_view_chosen(self, row: int) -> None:
        if row >= 0:
            self.stack.setCurrentIndex(row)

    def _on_person_chosen(self, index: int) -> None:
        person_id = self.person_box.itemData(index)
        if person_id is not None:
            self.person.set(int(person_id))
            self.settings.last_person = self.person_box.itemText(index)

    def _on_data_changed(self, change: DataChange) -> None:
        if change.touches(DataKind.PEOPLE):
            self._load_people()

    def _on_undo_index_changed(self, _index: int) -> None:
        text = self.operations.undo_stack.undoText()
        if text:
            self.statusBar().showMessage(f"Done: {text}", STATUS_TIMEOUT_MS)

    def _on_log_learning(self) -> None:
        from planner.gui.dialogs.learning_dialog import LearningDialog

        if LearningDialog.ask(self, self.context) is not None:
            self.statusBar().showMessage("Learning logged", STATUS_TIMEOUT_MS)

    def _on_new_goal(self) -> None:
        from planner.gui.dialogs.goal_dialog import GoalDialog

        if GoalDialog.ask(self, self.context) is not None:
            self.statusBar().showMessage("Goal created", STATUS_TIMEOUT_MS)

    def _on_print_plan(self) -> None:
        next(v for v in self.views if isinstance(v, PlanView)).print_preview()

    def _on_export_calendar(self) -> None:
        from planner.gui.plan_printing import export_calendar

        if self.person.id is not None and export_calendar(self, self.services, self.person.id):
            self.statusBar().showMessage("Calendar exported", STATUS_TIMEOUT_MS)

    def _on_new_assessment(self) -> None:
        from planner.gui.dialogs.assessment_dialog import AssessmentDialog

        if AssessmentDialog.ask(self, self.context) is not None:
            self.statusBar().showMessage("Assessment saved", STATUS_TIMEOUT_MS)

    def run_welcome_if_empty(self) -> None:
        """On a database with nobody in it, run the welcome wizard, then show the Dashboard."""
        if self.services.people.count():
            return
        from planner.gui.dialogs.welcome_wizard import WelcomeWizard

        person_id = WelcomeWizard.run(self, self.services, self.operations)
        self.operations.undo_stack.clear()  # the first person is not an edit to undo
        self._load_people()
        if person_id is not None:
            self.person.set(person_id)
            self.sidebar.setCurrentRow(0)

    def _on_check_database(self) -> None:
        from planner.storage.integrity import check_integrity

        report = check_integrity(self.services.database)
        summary, _, problems = report.describe(self.services.database.display_name).partition("\n")
        box = QMessageBox(
            QMessageBox.Icon.Information if report.ok else QMessageBox.Icon.Warning,
            "Check database",
            summary,
            QMessageBox.StandardButton.Close,
            self,
        )
        box.setTextFormat(Qt.TextFormat.PlainText)
        if problems:
            box.setDetailedText(problems)  # always plain text; SQLite's own words for support
        restore = None
        if not report.ok:
            restore = box.addButton("&Restore from backup…", QMessageBox.ButtonRole.ActionRole)
        box.exec()
        if restore is not None and box.clickedButton() is restore:
            self.restore_requested.emit()
        box.deleteLater()

    def _on_open_log(self) -> None:
        from planner.app_log import log_path

        path = log_path()
        if path is None or not path.exists():
            QMessageBox.information(self, "Log", "Nothing has been logged yet.")
            return
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

    def _on_open_data_folder(self) -> None:
        path = self.services.database.sqlite_path
        if path is None:
            QMessageBox.information(self, "Data folder", "This database is on a server.")
            return
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path.parent)))

    def _on_about(self) -> None:
        QMessageBox.about(
            self,
            "About Learning Path Planner",
            f"Learning Path Planner {__version__}\n\n"
            "Plan your way from junior to senior ML developer.\n"
            f"Database: {self.services.database.display_name}",
        )

    def show_error(self, error: PlannerError) -> None:
        """Tell the person what went wrong, in words."""
        QMessageBox.warning(self, "Learning Path Planner", str(error))
