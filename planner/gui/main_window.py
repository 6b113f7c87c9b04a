"""The main window: a side bar of views, menus, the everyday toolbar and the person switcher.

The window paints before the database is open: built without services it shows its
side bar, menus, toolbar and the frame of the last view (from the view catalogue,
with Qt alone), says "Opening …" in the status bar and keeps what needs data
disabled; :meth:`MainWindow.attach` then shows the open database. A view is built
the first time it is shown (or asked for), so opening needs only the view on screen.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMainWindow,
    QStackedWidget,
    QToolBar,
    QWidget,
)

from planner.gui.current_person import CurrentPerson
from planner.gui.settings import AppSettings
from planner.gui.views.catalogue import MENTEES, VIEW_CATALOGUE
from planner.gui.views.opening_page import OpeningPage

# What is used only after the first paint (the data layers, and Qt classes such as the
# person box or the keys: PySide builds a class's enums on its first use) is imported
# where it is used, so that importing this module stays quick.
if TYPE_CHECKING:
    from PySide6.QtGui import QCloseEvent, QUndoStack

    from planner.errors import PlannerError
    from planner.gui.mentor_actions import MentorActions
    from planner.gui.operations import DataChange, Operations
    from planner.gui.views.base import View, ViewContext
    from planner.services.service_set import Services

APP_TITLE = "Learning Path Planner"
STATUS_TIMEOUT_MS = 5000
UNDO = "&Undo"
REDO = "&Redo"
SIDEBAR_STYLE = """
QListWidget#sidebar { background: palette(alternate-base); padding-top: 8px; font-size: 11pt;
    outline: 0; }
QListWidget#sidebar::item { padding: 7px 16px; border: none; }
QListWidget#sidebar::item:selected { background: palette(highlight);
    color: palette(highlighted-text); }
"""


class MainWindow(QMainWindow):
    """Top-level window. Views refresh themselves from ``Operations.data_changed``.

    Built with ``services`` it is ready at once; built without, it is the frame that
    paints first, and :meth:`attach` fills it when the database is open.

    Signals: ``database_requested(str)`` — the person chose another database (URL);
    ``restore_requested()`` — Help > Restore from backup (the session closes the database).
    """

    database_requested = Signal(str)
    restore_requested = Signal()
    services: Services
    operations: Operations
    context: ViewContext
    mentoring: MentorActions

    def __init__(
        self, services: Services | None = None, settings: AppSettings | None = None
    ) -> None:
        super().__init__()
        self.settings = settings or AppSettings()
        self.person = CurrentPerson(self)
        self._views: list[View | None] = []  # by side-bar row; None until first shown
        self.opening_page: OpeningPage | None = None
        self._completed = False
        self.setWindowTitle(APP_TITLE)
        self.setMinimumSize(QSize(900, 600))
        self._build_frame()
        self._restore_state()
        if services is not None:
            self.attach(services)

    @property
    def is_open(self) -> bool:
        """Whether the database is open and its data shown (see :meth:`attach`)."""
        return self.opening_page is None

    def show_opening(self, database: str) -> None:
        """Say which database is being opened, until :meth:`attach` shows its data."""
        self.statusBar().showMessage(f"Opening {database}…")

    def complete(self) -> None:
        """Build what the first paint does not show: the menus' actions, the keys, the switcher.

        Called once, just after the first paint (or by :meth:`attach`). Every object
        made before the paint delays it, and the first shortcut makes PySide load all
        of Qt's enums (tens of ms), while none of this is on screen until a menu opens.
        """
        if self._completed:
            return
        self._completed = True
        self._build_actions()
        self._build_menus()
        self._build_person_switcher()
        self._add_shortcuts()
        self._enable_data_actions(False)

    @property
    def views(self) -> list[View]:
        """Every view in side-bar order; one not shown yet is built now (none before attach)."""
        return [self._view_at(row) for row in range(len(self._views))]

    def view_named(self, name: str) -> View:
        """The view called ``name`` (built now if it was never shown)."""
        return self._view_at(self._row_of(name))

    def attach(self, services: Services) -> None:
        """Show the data of the open database: read the people, build the view shown, enable all."""
        from planner.gui.mentor_actions import MentorActions
        from planner.gui.operations import Operations
        from planner.gui.views.base import ViewContext

        assert self.opening_page is not None, "a window shows one database"
        self.complete()
        self.services = services
        self.operations = Operations(services, self)
        self.context = ViewContext(services, self.operations, self.person)
        self.setWindowTitle(f"{APP_TITLE} — {services.database.display_name}")
        self.stack = QStackedWidget()
        self.stack.hide()
        for _entry in VIEW_CATALOGUE:
            self.stack.addWidget(QWidget())  # stands in for the view until it is first shown
            self._views.append(None)
        self.mentoring = MentorActions(self)
        self._add_mentoring_actions()
        self._follow_undo_stack(self.operations.undo_stack)
        self.operations.data_changed.connect(self._on_data_changed)
        self.operations.edit_failed.connect(self.mentoring.on_edit_failed)
        self.operations.undo_stack.indexChanged.connect(self._on_undo_index_changed)
        self._enable_data_actions(True)
        self._load_people()
        mentees = self._row_of(MENTEES)
        if self.settings.last_view == MENTEES and not self.sidebar.isRowHidden(mentees):
            self.sidebar.setCurrentRow(mentees)
        row = max(self.sidebar.currentRow(), 0)
        self._view_at(row)
        self.stack.setCurrentIndex(row)
        self._central_layout.replaceWidget(self.opening_page, self.stack)
        self.opening_page.hide()
        self.opening_page.deleteLater()
        self.opening_page = None
        self.stack.show()  # the view shown reads its data now, once
        self.statusBar().clearMessage()

    # Layout -----------------------------------------------------------------

    def _build_frame(self) -> None:
        """What the first paint shows: side bar, menu titles, toolbar, the view's frame."""
        self.sidebar = QListWidget()
        self.sidebar.setObjectName("sidebar")
        self.sidebar.setFixedWidth(180)
        self.sidebar.setFrameShape(QListWidget.Shape.NoFrame)
        self.sidebar.setStyleSheet(SIDEBAR_STYLE)
        self.sidebar.addItems([entry.title for entry in VIEW_CATALOGUE])
        self.sidebar.setRowHidden(self._row_of(MENTEES), True)  # until there are two people
        self.sidebar.currentRowChanged.connect(self._on_view_chosen)
        self.opening_page = OpeningPage(VIEW_CATALOGUE[0].title)
        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.sidebar)
        layout.addWidget(self.opening_page, 1)
        self._central_layout = layout
        self.setCentralWidget(central)
        bar = self.menuBar()
        self.file_menu = bar.addMenu("&File")
        self.edit_menu = bar.addMenu("&Edit")
        self.view_menu = bar.addMenu("&View")
        self.help_menu = bar.addMenu("&Help")
        self.log_action = self._frame_action("&Log learning…", self._on_log_learning)
        self.goal_action = self._frame_action("New &goal…", self._on_new_goal)
        self.assess_action = self._frame_action("New &assessment…", self._on_new_assessment)
        self._toolbar = toolbar = QToolBar("Everyday actions", self)
        toolbar.setObjectName("mainToolbar")
        toolbar.setMovable(False)
        toolbar.addActions([self.log_action, self.goal_action, self.assess_action])
        self.addToolBar(toolbar)

    def _frame_action(self, text: str, slot: Callable[[], None]) -> QAction:
        action = QAction(text, self)
        action.setEnabled(False)  # before it is on the toolbar: one change fewer to paint
        action.triggered.connect(slot)
        return action

    def _build_actions(self) -> None:
        from planner.gui.file_actions import FileActions
        from planner.gui.help_actions import HelpActions

        self.undo_action = QAction(UNDO, self)
        self.redo_action = QAction(REDO, self)
        self.files = FileActions(self)
        self.print_action = QAction("&Print plan…", self)
        self.print_action.triggered.connect(self._on_print_plan)
        self.calendar_action = QAction("Export &calendar (.ics)…", self)
        self.calendar_action.triggered.connect(self._on_export_calendar)
        self.help = HelpActions(self)
        self.check_action = self.help.check_action
        self.restore_action = self.help.restore_action
        self.quit_action = QAction("&Quit", self)
        self.quit_action.triggered.connect(self.close)
        self._person_actions = (
            self.log_action,
            self.goal_action,
            self.assess_action,
            self.print_action,
            self.calendar_action,
        )
        self._data_actions = (*self.files.data_actions, *self.help.data_actions)

    def _build_menus(self) -> None:
        file_menu = self.file_menu
        file_menu.addAction(self.files.new_db_action)
        file_menu.addAction(self.files.open_db_action)
        self._after_databases = file_menu.addSeparator()  # the mentoring actions go before
        file_menu.addAction(self.files.import_action)
        file_menu.addAction(self.files.export_action)
        file_menu.addAction(self.files.import_log_action)
        file_menu.addAction(self.files.export_log_action)
        file_menu.addSeparator()
        self._after_reviews = file_menu.addSeparator()  # empty separators collapse
        file_menu.addAction(self.print_action)
        file_menu.addAction(self.calendar_action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        edit_menu = self.edit_menu
        edit_menu.addAction(self.undo_action)
        edit_menu.addAction(self.redo_action)
        edit_menu.addSeparator()
        edit_menu.addAction(self.log_action)
        edit_menu.addAction(self.goal_action)
        edit_menu.addAction(self.assess_action)
        self._after_records = edit_menu.addSeparator()
        self.view_actions: dict[str, QAction] = {}
        for index, entry in enumerate(VIEW_CATALOGUE):
            action = self.view_menu.addAction(entry.title)
            self.view_actions[entry.name] = action
            action.triggered.connect(lambda _=False, row=index: self.sidebar.setCurrentRow(row))
        self.view_actions[MENTEES].setEnabled(not self.sidebar.isRowHidden(self._row_of(MENTEES)))
        help_menu = self.help_menu
        help_menu.addActions(self.help.data_actions)
        help_menu.addAction(self.help.log_action)
        help_menu.addSeparator()
        help_menu.addAction(self.help.about_action)

    def _build_person_switcher(self) -> None:
        """The person box at the right of the toolbar (shown while there are two people)."""
        from PySide6.QtWidgets import QComboBox

        toolbar = self._toolbar
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
        self._person_label_action.setVisible(False)  # until a second person is known
        self._person_box_action.setVisible(False)

    def _add_shortcuts(self) -> None:
        from PySide6.QtCore import Qt
        from PySide6.QtGui import QKeySequence

        standard = QKeySequence.StandardKey
        self.undo_action.setShortcut(standard.Undo)
        redo_keys = QKeySequence.keyBindings(standard.Redo)
        for extra in (QKeySequence("Ctrl+Y"), QKeySequence("Ctrl+Shift+Z")):
            if extra not in redo_keys:
                redo_keys.append(extra)
        self.redo_action.setShortcuts(redo_keys)
        keys = {
            self.log_action: "Ctrl+L",
            self.goal_action: "Ctrl+G",
            self.assess_action: "Ctrl+Shift+A",
            self.files.open_db_action: "Ctrl+O",
            self.print_action: "Ctrl+P",
        }
        for index, entry in enumerate(VIEW_CATALOGUE):
            keys[self.view_actions[entry.name]] = f"Ctrl+{index + 1}"
        for action, key in keys.items():
            action.setShortcut(QKeySequence(key))
        self.quit_action.setShortcut(standard.Quit)
        # Text only, as the actions have no icons (and show their text without it anyway).
        self._toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)

    def _add_mentoring_actions(self) -> None:
        """Put the mentoring actions (made once the database is open) in their menu places."""
        mentoring = self.mentoring
        self.file_menu.insertAction(self._after_databases, mentoring.open_shared_action)
        self.file_menu.insertActions(
            self._after_reviews,
            [mentoring.export_review_action, mentoring.import_review_action],
        )
        self.edit_menu.insertAction(self._after_records, mentoring.mentor_assessment_action)
        self.edit_menu.addAction(mentoring.new_person_action)

    def _follow_undo_stack(self, stack: QUndoStack) -> None:
        """Let Undo and Redo (made before the stack) act on it and name what they would do."""
        self.undo_action.triggered.connect(stack.undo)
        self.redo_action.triggered.connect(stack.redo)
        stack.canUndoChanged.connect(self.undo_action.setEnabled)
        stack.canRedoChanged.connect(self.redo_action.setEnabled)
        stack.undoTextChanged.connect(self._on_undo_text_changed)
        stack.redoTextChanged.connect(self._on_redo_text_changed)
        self.undo_action.setEnabled(stack.canUndo())
        self.redo_action.setEnabled(stack.canRedo())

    def _enable_data_actions(self, enabled: bool) -> None:
        for action in (*self._data_actions, *self._person_actions):
            action.setEnabled(enabled)
        if not enabled:
            self.undo_action.setEnabled(False)
            self.redo_action.setEnabled(False)

    # State ------------------------------------------------------------------

    def _restore_state(self) -> None:
        """Where the window was and which view it showed (the frame shows its title)."""
        if geometry := self.settings.window_geometry:
            self.restoreGeometry(geometry)
        else:
            self.resize(1280, 800)
        names = [entry.name for entry in VIEW_CATALOGUE]
        last = self.settings.last_view
        shown = last in names and not self.sidebar.isRowHidden(names.index(last))
        self.sidebar.setCurrentRow(names.index(last) if shown else 0)

    def _view_at(self, row: int) -> View:
        """The view of side-bar ``row``, built in place of its stand-in the first time."""
        from PySide6.QtWidgets import QSplitter

        view = self._views[row]
        if view is not None:
            return view
        entry = VIEW_CATALOGUE[row]
        view = entry.load()(self.context)
        stand_in = self.stack.widget(row)
        assert stand_in is not None
        self.stack.insertWidget(row, view)  # hidden until chosen: it reads when first shown
        self.stack.removeWidget(stand_in)
        stand_in.deleteLater()
        self._views[row] = view
        splitter = getattr(view, "splitter", None)
        state = self.settings.splitter_state(view.name)
        if isinstance(splitter, QSplitter) and state is not None:
            splitter.restoreState(state)
        if entry.name == MENTEES:
            from planner.gui.views.mentees_view import MenteesView

            assert isinstance(view, MenteesView)
            view.open_requested.connect(self.open_person)
        return view

    @staticmethod
    def _row_of(name: str) -> int:
        return [entry.name for entry in VIEW_CATALOGUE].index(name)

    def closeEvent(self, event: QCloseEvent) -> None:
        """Remember window geometry and the last view."""
        from PySide6.QtWidgets import QSplitter

        self.settings.window_geometry = self.saveGeometry()
        self.settings.last_view = VIEW_CATALOGUE[max(self.sidebar.currentRow(), 0)].name
        for view in filter(None, self._views):  # only those built: the others kept theirs
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
        self.sidebar.setRowHidden(self._row_of(MENTEES), not several)
        self.view_actions[MENTEES].setEnabled(several)
        for action in self._person_actions:
            action.setEnabled(has_person)

    # Slots ------------------------------------------------------------------

    def show_view(self, name: str) -> None:
        """Switch to the view called ``name``."""
        self.sidebar.setCurrentRow(self._row_of(name))

    def open_person(self, person_id: int, view_name: str | None = None) -> None:
        """Show ``person_id`` (as if chosen in the person switcher), in ``view_name`` if given."""
        index = self.person_box.findData(person_id)
        if index >= 0:
            self.person_box.setCurrentIndex(index)
        self.person.set(person_id)
        if view_name is not None:
            self.show_view(view_name)

    def _on_view_chosen(self, row: int) -> None:
        if row < 0:
            return
        if self.opening_page is not None:
            self.opening_page.show_title(VIEW_CATALOGUE[row].title)
        else:
            self._view_at(row)
            self.stack.setCurrentIndex(row)

    def _on_person_chosen(self, index: int) -> None:
        person_id = self.person_box.itemData(index)
        if person_id is not None:
            self.person.set(int(person_id))
            self.settings.last_person = self.person_box.itemText(index)

    def _on_data_changed(self, change: DataChange) -> None:
        from planner.gui.operations import DataKind

        if change.touches(DataKind.PEOPLE):
            self._load_people()

    def _on_undo_text_changed(self, text: str) -> None:
        self.undo_action.setText(f"{UNDO} {text}" if text else UNDO)

    def _on_redo_text_changed(self, text: str) -> None:
        self.redo_action.setText(f"{REDO} {text}" if text else REDO)

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
        from planner.gui.views.plan_view import PlanView

        plan = self.view_named(PlanView.name)
        assert isinstance(plan, PlanView)
        plan.print_preview()

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

    def show_error(self, error: PlannerError) -> None:
        """Tell the person what went wrong, in words."""
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.warning(self, "Learning Path Planner", str(error))
