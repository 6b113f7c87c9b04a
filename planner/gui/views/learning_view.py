"""The Learning log view: every completed piece of learning, searchable, filterable, editable.

Layout: a title with the Add/Edit/Delete buttons, a row of filters (text, kind, area,
dates), the table and a footer with what is shown. Edits go through
``context.operations`` (so Delete is undone with Edit ▸ Undo); the view reloads when
learning, people or frameworks change.
"""

from __future__ import annotations

from datetime import date
from itertools import pairwise
from pathlib import Path

from PySide6.QtCore import QDate, QEvent, QItemSelectionModel, QModelIndex, QObject, Qt, QTimer
from PySide6.QtGui import QKeySequence, QPalette, QResizeEvent, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from planner.errors import ConcurrentEditError, NotFoundError
from planner.framework.schema import Framework
from planner.gui.conflicts import ask_to_reload
from planner.gui.dialogs.learning_dialog import LearningDialog
from planner.gui.learning_table_model import LearningFilterProxy, LearningTableModel, format_hours
from planner.gui.operations import DataChange, DataKind
from planner.gui.qt_dates import to_qdate
from planner.gui.views.base import View, ViewContext
from planner.services.learning_csv import export_log, import_log
from planner.services.records import LearningRecord
from planner.services.validation import EARLIEST_DATE
from planner.vocabulary import LearningKind

MARGIN = 16
SPACING = 10
STATUS_TIMEOUT_MS = 6000
SEARCH_DELAY_MS = 150
ROW_PADDING = 10
DATES_ON_FILTER_ROW_FROM = 960  # view width from which the dates fit beside the other filters
LEARNING_KINDS = frozenset({DataKind.LEARNING})
NOTHING_LOGGED = (
    "Nothing logged yet.\nAdd… (or Ctrl+L) logs a course, book, paper, project, talk or"
    " mentoring you completed."
)
NOTHING_MATCHES = "No entry matches the search and filters."


class LearningView(View):
    """A person's learning log as a table with search, filters and edits."""

    name = "learning_view"
    title = "Learning log"

    def __init__(self, context: ViewContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.model = LearningTableModel(self)
        self.proxy = LearningFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self._framework: Framework | None = None
        self._shown_person: int | None = None
        self._dates_follow_data = True
        self._setting_dates = False
        self._build()
        self._connect()
        self._update_buttons()

    # Layout -------------------------------------------------------------------

    def _build(self) -> None:
        self.title_label = QLabel(self.title)
        self.title_label.setObjectName("viewTitle")
        font = self.title_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        self.title_label.setFont(font)
        self.add_button = QPushButton("&Add…")
        self.add_button.setToolTip("Log a completed piece of learning (Ctrl+L)")
        self.edit_button = QPushButton("Ed&it…")
        self.edit_button.setToolTip("Edit the selected entry (Enter or double-click)")
        self.delete_button = QPushButton("&Delete")
        self.delete_button.setToolTip("Delete the selected entry (Delete); Undo brings it back")

        heading = QHBoxLayout()
        heading.setSpacing(8)
        heading.addWidget(self.title_label, 1)
        for button in (self.add_button, self.edit_button, self.delete_button):
            heading.addWidget(button)

        self.search_edit = QLineEdit()
        self.search_edit.setObjectName("learningSearch")
        self.search_edit.setPlaceholderText("Search title, notes, competencies")
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setAccessibleName("Search")
        self.search_edit.setMinimumWidth(200)
        self.kind_box = QComboBox()
        self.kind_box.setObjectName("kindFilter")
        self.kind_box.setAccessibleName("Kind")
        self.kind_box.addItem("All kinds", None)
        for kind in LearningKind:
            self.kind_box.addItem(kind.label, kind.value)
        self.area_box = QComboBox()
        self.area_box.setObjectName("areaFilter")
        self.area_box.setAccessibleName("Area")
        self.area_box.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.area_box.setMinimumContentsLength(16)
        self.area_box.addItem("All areas", None)
        self.from_edit = _date_edit("From")
        self.to_edit = _date_edit("To")
        from_label = QLabel("Fro&m")
        from_label.setBuddy(self.from_edit)
        to_label = QLabel("&to")
        to_label.setBuddy(self.to_edit)

        self.dates_box = QWidget()
        self.dates_box.setObjectName("dateRange")
        self._dates_layout = QHBoxLayout(self.dates_box)
        self._dates_layout.setContentsMargins(0, 0, 0, 0)
        self._dates_layout.setSpacing(8)
        for widget in (from_label, self.from_edit, to_label, self.to_edit):
            self._dates_layout.addWidget(widget)
        self._filters = QHBoxLayout()
        self._filters.setSpacing(8)
        self._filters.addWidget(self.search_edit, 1)
        self._filters.addWidget(self.kind_box)
        self._filters.addWidget(self.area_box)
        # On a narrow view the dates take a row of their own (see resizeEvent).
        self._narrow_row = QHBoxLayout()
        self._narrow_row.setSpacing(8)
        self._narrow_row.addStretch(1)
        self._dates_wide = False
        self._place_dates(wide=True)

        self.table = QTableView()
        self.table.setObjectName("learningTable")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(LearningTableModel.DATE, Qt.SortOrder.DescendingOrder)
        self.table.setAlternatingRowColors(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.verticalHeader().hide()
        self.table.setTabKeyNavigation(False)
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for column in (LearningTableModel.TITLE, LearningTableModel.COMPETENCIES):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        metrics = self.table.fontMetrics()
        header.resizeSection(LearningTableModel.DATE, metrics.horizontalAdvance("2026-11-21") + 32)
        header.resizeSection(
            LearningTableModel.KIND, metrics.horizontalAdvance("Mentoring received") + 28
        )
        header.resizeSection(LearningTableModel.HOURS, metrics.horizontalAdvance("Hours") + 36)
        rows = self.table.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(metrics.height() + ROW_PADDING)
        self.table.setAccessibleName("Learning entries")

        self.empty_label = QLabel(self.table.viewport())
        self.empty_label.setObjectName("learningEmpty")
        self.empty_label.setTextFormat(Qt.TextFormat.PlainText)
        self.empty_label.setWordWrap(True)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.empty_label.hide()
        self.table.viewport().installEventFilter(self)

        self.footer = QLabel()
        self.footer.setObjectName("learningFooter")
        self.footer.setTextFormat(Qt.TextFormat.PlainText)
        self.footer.setWordWrap(True)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(MARGIN, MARGIN, MARGIN, MARGIN - 4)
        layout.setSpacing(SPACING)
        layout.addLayout(heading)
        layout.addLayout(self._filters)
        layout.addLayout(self._narrow_row)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.footer)

        chain: list[QWidget] = [
            self.add_button,
            self.edit_button,
            self.delete_button,
            self.search_edit,
            self.kind_box,
            self.area_box,
            self.from_edit,
            self.to_edit,
            self.table,
        ]
        for first, second in pairwise(chain):
            QWidget.setTabOrder(first, second)

    def _place_dates(self, *, wide: bool) -> None:
        """Put the date range at the end of the filter row, or on a row of its own."""
        if wide == self._dates_wide:
            return
        self._dates_wide = wide
        if wide:
            self._narrow_row.removeWidget(self.dates_box)
            self._filters.addWidget(self.dates_box)
        else:
            self._filters.removeWidget(self.dates_box)
            self._narrow_row.insertWidget(0, self.dates_box)
        self._dates_layout.setContentsMargins(6 if wide else 0, 0, 0, 0)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Keep the empty-table message over the whole table area."""
        if watched is self.table.viewport() and event.type() == QEvent.Type.Resize:
            self.empty_label.setGeometry(self.table.viewport().rect().adjusted(24, 24, -24, -24))
        return super().eventFilter(watched, event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Reflow the filters to the width."""
        self._place_dates(wide=event.size().width() >= DATES_ON_FILTER_ROW_FROM)
        super().resizeEvent(event)

    def _connect(self) -> None:
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self._on_search_settled)
        self.search_edit.textChanged.connect(self._on_search_typed)
        self.search_edit.returnPressed.connect(self._on_search_settled)
        self.kind_box.currentIndexChanged.connect(self._on_kind_chosen)
        self.area_box.currentIndexChanged.connect(self._on_area_chosen)
        self.from_edit.dateChanged.connect(self._on_dates_changed)
        self.to_edit.dateChanged.connect(self._on_dates_changed)
        self.add_button.clicked.connect(self._on_add)
        self.edit_button.clicked.connect(self._on_edit)
        self.delete_button.clicked.connect(self._on_delete)
        self.table.doubleClicked.connect(self._on_double_clicked)
        self.table.selectionModel().selectionChanged.connect(self._on_selection_changed)

        find = QShortcut(QKeySequence(QKeySequence.StandardKey.Find), self)
        find.setContext(Qt.ShortcutContext.WindowShortcut)
        find.activated.connect(self._on_find)
        for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            edit = QShortcut(QKeySequence(key), self.table)
            edit.setContext(Qt.ShortcutContext.WidgetShortcut)
            edit.activated.connect(self._on_edit)
        delete = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.table)
        delete.setContext(Qt.ShortcutContext.WidgetShortcut)
        delete.activated.connect(self._on_delete)

    # Data ---------------------------------------------------------------------

    def wants(self, change: DataChange) -> bool:
        """Learning, people and frameworks of the person shown (or of anyone)."""
        if not change.touches(DataKind.LEARNING, DataKind.PEOPLE, DataKind.FRAMEWORKS):
            return False
        return change.person_id is None or change.person_id == self.context.person.id

    def _on_data_changed(self, change: DataChange) -> None:
        """Patch the rows of the entries an edit named; anything else reads the log again."""
        patchable = (
            change.learning_ids
            and change.kinds == {DataKind.LEARNING}
            and self.isVisible()
            and change.person_id is not None
            and change.person_id == self._shown_person == self.context.person.id
        )
        if patchable:
            self._patch(change.learning_ids)
        else:
            super()._on_data_changed(change)

    def _patch(self, entry_ids: frozenset[int]) -> None:
        selected = self.selected_entry()
        entries: list[LearningRecord] = []
        gone: list[int] = []
        for entry_id in sorted(entry_ids):
            try:
                entries.append(self.context.services.learning.get(entry_id))
            except NotFoundError:
                gone.append(entry_id)
        self.model.put_entries(entries, gone)
        if self._dates_follow_data and entries:
            earliest = min(entry.completed_on for entry in entries)
            shown_from = _date_of(self.from_edit)
            if shown_from is not None and earliest < shown_from:
                self._setting_dates = True
                self.from_edit.setDate(to_qdate(earliest))
                self._setting_dates = False
        self._apply_filters()
        if selected is not None:
            self.select_entry(selected.id)
        self._update_buttons()
        self._update_footer()

    def reload(self) -> None:
        """Read the current person's log again, keeping the selection and filters."""
        person_id = self.context.person.id
        selected = self.selected_entry()
        if person_id != self._shown_person:
            self._shown_person = person_id
            self._dates_follow_data = True
            selected = None
        entries: list[LearningRecord] = []
        self._framework = None
        if person_id is not None:
            try:
                people = self.context.services.people
                self._framework = people.framework_of(people.get(person_id))
                entries = self.context.services.learning.list_for(person_id)
            except NotFoundError:
                entries = []
        self._fill_areas(self._framework)
        self.model.set_entries(entries, self._framework)
        if self._dates_follow_data:
            self._set_default_dates(entries)
        self._apply_filters()
        if selected is not None:
            self.select_entry(selected.id)
        self._update_buttons()
        self._update_footer()

    def _fill_areas(self, framework: Framework | None) -> None:
        current = self.area_box.currentData()
        self.area_box.blockSignals(True)
        self.area_box.clear()
        self.area_box.addItem("All areas", None)
        if framework is not None:
            for area in framework.areas:
                self.area_box.addItem(area.name, area.id)
        index = self.area_box.findData(current) if current is not None else 0
        self.area_box.setCurrentIndex(max(index, 0))
        self.area_box.blockSignals(False)

    def _set_default_dates(self, entries: list[LearningRecord]) -> None:
        today = self.context.services.clock.today()
        earliest = min((e.completed_on for e in entries), default=today)
        self._setting_dates = True
        self.from_edit.setDate(to_qdate(earliest))
        self.to_edit.setDate(to_qdate(max(today, earliest)))
        self._setting_dates = False

    def _apply_filters(self) -> None:
        self.proxy.set_text(self.search_edit.text())
        kind = self.kind_box.currentData()
        self.proxy.set_kind(LearningKind(kind) if kind else None)
        area = self.area_box.currentData()
        self.proxy.set_area(str(area) if area else None)
        self.proxy.set_date_range(_date_of(self.from_edit), _date_of(self.to_edit))

    # Selection ----------------------------------------------------------------

    def selected_entry(self) -> LearningRecord | None:
        """The entry selected in the table, if any."""
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        return self.proxy.entry_at(rows[0].row())

    def select_entry(self, entry_id: int) -> bool:
        """Select and show the entry with ``entry_id``; False if it is filtered out."""
        row = self.proxy.row_of(entry_id)
        if row is None:
            return False
        self._select_row(row)
        return True

    def _select_row(self, row: int) -> None:
        index = self.proxy.index(row, 0)
        self.table.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.table.scrollTo(index)

    # Files --------------------------------------------------------------------

    def import_csv(self, path: Path) -> int:
        """Add every row of a learning-log CSV to the current person; returns how many.

        A bad file raises :class:`~planner.errors.FileFormatError` and adds nothing.
        """
        person_id = self._person_id()
        count = import_log(self.context.services, person_id, path)
        self.context.operations.announce(LEARNING_KINDS, person_id)
        return count

    def export_csv(self, path: Path) -> None:
        """Write the current person's whole log (not just the rows shown) to a CSV file."""
        export_log(self.context.services, self._person_id(), path)

    def _person_id(self) -> int:
        person_id = self.context.person.id
        if person_id is None:
            raise NotFoundError("There is nobody to import for yet; add yourself first.")
        return person_id

    # Slots --------------------------------------------------------------------

    def _on_search_typed(self, _text: str) -> None:
        self._search_timer.start()

    def _on_search_settled(self) -> None:
        self._search_timer.stop()
        self.proxy.set_text(self.search_edit.text())
        self._update_footer()

    def _on_kind_chosen(self, _index: int) -> None:
        self._apply_filters()
        self._update_footer()

    def _on_area_chosen(self, _index: int) -> None:
        self._apply_filters()
        self._update_footer()

    def _on_dates_changed(self, _date: QDate) -> None:
        if not self._setting_dates:
            self._dates_follow_data = False
            self._apply_filters()
            self._update_footer()

    def _on_find(self) -> None:
        self.search_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_edit.selectAll()

    def _on_selection_changed(self, *_args: object) -> None:
        self._update_buttons()

    def _on_double_clicked(self, _index: QModelIndex) -> None:
        self._on_edit()

    def _on_add(self) -> None:
        record = LearningDialog.ask(self, self.context)
        if record is None:
            return
        if self.select_entry(record.id):
            self._show_status(f"Logged “{record.title}”.")
        else:
            self._show_status(f"Logged “{record.title}”; the filters hide it.")

    def _on_edit(self) -> None:
        entry = self.selected_entry()
        if entry is None:
            return
        record = LearningDialog.ask(self, self.context, entry)
        if record is not None:
            self.select_entry(record.id)
            self._show_status(f"Saved “{record.title}”.")

    def _on_delete(self) -> None:
        entry = self.selected_entry()
        if entry is None:
            return
        row = self.table.selectionModel().selectedRows()[0].row()
        try:
            self.context.operations.delete_learning(entry)
        except ConcurrentEditError as error:  # edited or deleted in another window meanwhile
            if ask_to_reload(self, error, keep="&Cancel"):
                self.context.operations.announce(LEARNING_KINDS, entry.person_id)
            return
        if self.proxy.rowCount():
            self._select_row(min(row, self.proxy.rowCount() - 1))
        self._show_status(f"Deleted “{entry.title}”. Undo (Ctrl+Z) brings it back.")

    # Feedback -----------------------------------------------------------------

    def _update_buttons(self) -> None:
        has_person = self.context.person.id is not None
        has_selection = self.table.selectionModel().hasSelection()
        self.add_button.setEnabled(has_person)
        self.edit_button.setEnabled(has_selection)
        self.delete_button.setEnabled(has_selection)

    def _update_footer(self) -> None:
        total = self.model.rowCount()
        shown = self.proxy.rowCount()
        noun = "entry" if shown == 1 else "entries"
        hours = format_hours(self.proxy.shown_hours())
        text = f"{shown} {noun} · {hours} hours shown"
        if shown < total:
            text += f" (of {total})"
        self.footer.setText(text)
        if total == 0:
            self.empty_label.setText(NOTHING_LOGGED)
        elif shown == 0:
            self.empty_label.setText(NOTHING_MATCHES)
        self.empty_label.setVisible(shown == 0)

    def _show_status(self, message: str) -> None:
        window = self.window()
        if isinstance(window, QMainWindow):
            window.statusBar().showMessage(message, STATUS_TIMEOUT_MS)


def _date_edit(name: str) -> QDateEdit:
    edit = QDateEdit()
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    edit.setMinimumDate(to_qdate(EARLIEST_DATE))
    edit.setAccessibleName(name)
    return edit


def _date_of(edit: QDateEdit) -> date:
    value: date = edit.date().toPython()  # type: ignore[assignment]
    return value
