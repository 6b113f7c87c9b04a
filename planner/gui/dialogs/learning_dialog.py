"""Log a completed piece of learning, or edit one: ``LearningDialog.ask(parent, context)``."""

from __future__ import annotations

from datetime import date
from itertools import pairwise

from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QFont, QKeyEvent, QPainter, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSizePolicy,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from planner.errors import ConcurrentEditError, NotFoundError, PlannerError, ValidationError
from planner.framework.schema import Framework
from planner.gui.conflicts import ask_to_reload
from planner.gui.field_errors import FormErrors, error_label
from planner.gui.operations import DataKind
from planner.gui.qt_dates import to_qdate
from planner.gui.views.base import ViewContext
from planner.services.records import LearningDraft, LearningRecord
from planner.services.validation import EARLIEST_DATE, MAX_HOURS
from planner.vocabulary import LearningKind

HOURS_STEP = 0.25
DEFAULT_HOURS = 1.0
ID_ROLE = Qt.ItemDataRole.UserRole + 1
DARK_LIGHTNESS = 0.5


class _VisibleCheckDelegate(QStyledItemDelegate):
    """Draws an outline round check boxes on dark palettes, where Fusion's is nearly invisible.

    Fusion outlines an empty check box in a darker shade of the window colour, which
    almost vanishes on a dark base; the outline here uses the palette's text colour.
    """

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        super().paint(painter, option, index)
        if not index.flags() & Qt.ItemFlag.ItemIsUserCheckable:
            return
        base = option.palette.color(QPalette.ColorRole.Base)
        if base.lightnessF() >= DARK_LIGHTNESS:
            return
        item = QStyleOptionViewItem(option)
        self.initStyleOption(item, index)
        widget = item.widget
        style = widget.style() if widget is not None else QApplication.style()
        box = style.subElementRect(QStyle.SubElement.SE_ItemViewItemCheckIndicator, item, widget)
        outline = QColor(item.palette.color(QPalette.ColorRole.Text))
        outline.setAlphaF(0.55)
        painter.save()
        painter.setPen(outline)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(box.adjusted(0, 0, -1, -1))
        painter.restore()


class CompetencyPicker(QWidget):
    """A filter box over a checkable list of a framework's competencies, grouped by area.

    Typing in the filter keeps the competencies whose name or area contains the text;
    Enter or Down in the filter moves to the list, where Space ticks a competency.
    Signals: ``selection_changed()`` after a competency is ticked or unticked.
    """

    selection_changed = Signal()

    def __init__(self, framework: Framework | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.filter_edit = QLineEdit()
        self.filter_edit.setObjectName("competencyFilter")
        self.filter_edit.setPlaceholderText("Filter competencies or areas")
        self.filter_edit.setClearButtonEnabled(True)
        self.tree = QTreeWidget()
        self.tree.setObjectName("competencyList")
        self.tree.setHeaderHidden(True)
        self.tree.setRootIsDecorated(False)
        self.tree.setItemsExpandable(False)
        self.tree.setUniformRowHeights(True)
        self.tree.setMinimumHeight(200)
        self.tree.setAccessibleName("Competencies")
        self.tree.setItemDelegate(_VisibleCheckDelegate(self.tree))
        self.summary = QLabel()
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setWordWrap(True)
        self.summary.setObjectName("competencySummary")
        self._no_match = QLabel("No competency matches the filter.")
        self._no_match.setTextFormat(Qt.TextFormat.PlainText)
        self._no_match.hide()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.filter_edit)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self._no_match)
        layout.addWidget(self.summary)
        policy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        policy.setVerticalStretch(3)
        self.setSizePolicy(policy)
        self.setFocusProxy(self.filter_edit)

        self._fill(framework)
        self._update_summary()
        self.filter_edit.textChanged.connect(self._on_filter_changed)
        self.filter_edit.installEventFilter(self)
        self.tree.itemChanged.connect(self._on_item_changed)

    def _fill(self, framework: Framework | None) -> None:
        if framework is None:
            return
        bold = QFont(self.tree.font())
        bold.setBold(True)
        for area in framework.areas:
            heading = QTreeWidgetItem(self.tree, [area.name])
            heading.setFlags(Qt.ItemFlag.ItemIsEnabled)
            heading.setFont(0, bold)
            for competency in area.competencies:
                item = QTreeWidgetItem(heading, [competency.name])
                item.setData(0, ID_ROLE, competency.id)
                item.setToolTip(0, f"{competency.name} ({area.name})")
                item.setFlags(
                    Qt.ItemFlag.ItemIsEnabled
                    | Qt.ItemFlag.ItemIsSelectable
                    | Qt.ItemFlag.ItemIsUserCheckable
                )
                item.setCheckState(0, Qt.CheckState.Unchecked)
        self.tree.expandAll()

    # Values -------------------------------------------------------------------

    def _area_items(self) -> list[QTreeWidgetItem]:
        root = self.tree.invisibleRootItem()
        return _children(root)

    def _competency_items(self) -> list[QTreeWidgetItem]:
        return [item for area in self._area_items() for item in _children(area)]

    def checked_ids(self) -> tuple[str, ...]:
        """Ids of the ticked competencies, in framework order."""
        return tuple(
            str(item.data(0, ID_ROLE))
            for item in self._competency_items()
            if item.checkState(0) == Qt.CheckState.Checked
        )

    def set_checked(self, competency_ids: tuple[str, ...]) -> None:
        """Tick exactly these competencies (ids the framework lacks are ignored)."""
        wanted = set(competency_ids)
        self.tree.blockSignals(True)
        for item in self._competency_items():
            checked = item.data(0, ID_ROLE) in wanted
            item.setCheckState(0, Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        self.tree.blockSignals(False)
        self._update_summary()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Enter or Down in the filter box moves to the first competency shown."""
        if (
            watched is self.filter_edit
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Down)
        ):
            first = next((i for i in self._competency_items() if not i.isHidden()), None)
            if first is not None:
                self.tree.setFocus()
                self.tree.setCurrentItem(first)
            return True
        return super().eventFilter(watched, event)

    # Slots --------------------------------------------------------------------

    def _on_filter_changed(self, text: str) -> None:
        needle = text.strip().casefold()
        any_shown = False
        for heading in self._area_items():
            area_matches = needle in heading.text(0).casefold()
            shown = 0
            for child in _children(heading):
                visible = area_matches or needle in child.text(0).casefold()
                child.setHidden(not visible)
                shown += visible
            heading.setHidden(shown == 0)
            any_shown = any_shown or shown > 0
        self._no_match.setVisible(not any_shown and self.tree.topLevelItemCount() > 0)

    def _on_item_changed(self, item: QTreeWidgetItem, _column: int) -> None:
        if item.parent() is not None:
            self._update_summary()
            self.selection_changed.emit()

    def _update_summary(self) -> None:
        names = [
            item.text(0)
            for item in self._competency_items()
            if item.checkState(0) == Qt.CheckState.Checked
        ]
        if not names:
            self.summary.setText("None chosen yet: tick the competencies this served.")
        else:
            self.summary.setText(f"{len(names)} chosen: {', '.join(names)}")


class LearningDialog(QDialog):
    """Fields of one learning entry; OK saves through ``context.operations``.

    A rejected entry keeps the dialog open with the input as typed and each
    message beside its field. After OK, :attr:`record` holds the saved entry.
    """

    def __init__(
        self,
        context: ViewContext,
        entry: LearningRecord | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.entry = entry
        self.record: LearningRecord | None = None
        self.setWindowTitle("Edit learning" if entry else "Log learning")
        self.setObjectName("learningDialog")
        self._build(self._framework())
        self._load(entry)

    def _framework(self) -> Framework | None:
        person_id = self.entry.person_id if self.entry else self.context.person.id
        if person_id is None:
            return None
        people = self.context.services.people
        return people.framework_of(people.get(person_id))

    # Layout -------------------------------------------------------------------

    def _build(self, framework: Framework | None) -> None:
        self.title_edit = QLineEdit()
        self.title_edit.setPlaceholderText("e.g. Designing Machine Learning Systems")
        self.kind_box = QComboBox()
        for kind in LearningKind:
            self.kind_box.addItem(kind.label, kind.value)
        self.date_edit = QDateEdit()
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("yyyy-MM-dd")
        self.date_edit.setMinimumDate(to_qdate(EARLIEST_DATE))
        self.date_edit.setMaximumDate(to_qdate(self.context.services.clock.today()))
        self.hours_spin = QDoubleSpinBox()
        self.hours_spin.setRange(0.0, MAX_HOURS)
        self.hours_spin.setDecimals(2)
        self.hours_spin.setSingleStep(HOURS_STEP)
        self.hours_spin.setAccelerated(True)
        self.picker = CompetencyPicker(framework)
        self.notes_edit = QPlainTextEdit()
        self.notes_edit.setTabChangesFocus(True)
        self.notes_edit.setPlaceholderText("What you took from it, evidence, next step…")
        self.notes_edit.setMinimumHeight(72)
        notes_policy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        notes_policy.setVerticalStretch(1)
        self.notes_edit.setSizePolicy(notes_policy)
        self.link_edit = QLineEdit()
        self.link_edit.setPlaceholderText("https://…")
        self.general_error = error_label()

        fields: dict[str, QWidget] = {
            "title": self.title_edit,
            "kind": self.kind_box,
            "completed_on": self.date_edit,
            "hours": self.hours_spin,
            "competency_ids": self.picker,
            "notes": self.notes_edit,
            "link": self.link_edit,
        }
        labels = {key: error_label() for key in fields}
        self.errors = FormErrors(labels, fields)
        self.error_labels = labels

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        captions = {
            "title": "&Title:",
            "kind": "&Kind:",
            "completed_on": "&Date completed:",
            "hours": "&Hours:",
            "competency_ids": "Co&mpetencies:",
            "notes": "&Notes:",
            "link": "&Link:",
        }
        for key, caption in captions.items():
            label = QLabel(caption)
            label.setBuddy(fields[key])
            form.addRow(label, _with_error(fields[key], labels[key]))

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText("&Save")
        self.ok_button.setDefault(True)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 16, 16, 12)
        layout.setSpacing(10)
        layout.addLayout(form, 1)
        layout.addWidget(self.general_error)
        layout.addWidget(self.buttons)

        chain: list[QWidget] = [
            self.title_edit,
            self.kind_box,
            self.date_edit,
            self.hours_spin,
            self.picker.filter_edit,
            self.picker.tree,
            self.notes_edit,
            self.link_edit,
        ]
        for first, second in pairwise(chain):
            QWidget.setTabOrder(first, second)
        self.setMinimumWidth(560)
        self.resize(620, 680)

    def _load(self, entry: LearningRecord | None) -> None:
        if entry is None:
            self.kind_box.setCurrentIndex(0)
            self.date_edit.setDate(to_qdate(self.context.services.clock.today()))
            self.hours_spin.setValue(DEFAULT_HOURS)
            return
        self.title_edit.setText(entry.title)
        self.kind_box.setCurrentIndex(max(0, self.kind_box.findData(entry.kind.value)))
        self.date_edit.setDate(to_qdate(entry.completed_on))
        self.hours_spin.setValue(entry.hours)
        self.picker.set_checked(entry.competency_ids)
        self.notes_edit.setPlainText(entry.notes)
        self.link_edit.setText(entry.link)

    # Values -------------------------------------------------------------------

    def draft(self) -> LearningDraft:
        """The entry as the fields describe it now."""
        completed: date = self.date_edit.date().toPython()  # type: ignore[assignment]
        return LearningDraft(
            title=self.title_edit.text(),
            kind=LearningKind(self.kind_box.currentData()),
            completed_on=completed,
            hours=round(self.hours_spin.value(), 2),
            competency_ids=self.picker.checked_ids(),
            notes=self.notes_edit.toPlainText(),
            link=self.link_edit.text(),
        )

    def accept(self) -> None:
        """Save through the operations; on a rejected entry, show why and stay open."""
        self.errors.clear()
        self.general_error.hide()
        draft = self.draft()
        try:
            if self.entry is not None:
                self.record = self.context.operations.update_learning(self.entry, draft)
            else:
                person_id = self.context.person.id
                if person_id is None:
                    self._show_general(["Add yourself first: there is nobody to log for."])
                    return
                self.record = self.context.operations.add_learning(person_id, draft)
        except ValidationError as error:
            self._show_general(self.errors.show(error))
            return
        except ConcurrentEditError as error:
            self._on_changed_elsewhere(error)
            return
        except PlannerError as error:
            self._show_general([str(error)])
            return
        super().accept()

    def _on_changed_elsewhere(self, error: ConcurrentEditError) -> None:
        """Another window saved this entry first: reload it, or keep this text open."""
        if not ask_to_reload(self, error):
            self._show_general([str(error)])
            return
        assert self.entry is not None
        self.context.operations.announce(frozenset({DataKind.LEARNING}), self.entry.person_id)
        try:
            self.entry = self.context.services.learning.get(self.entry.id)
        except NotFoundError:
            super().reject()  # deleted elsewhere: nothing left to edit
            return
        self._load(self.entry)
        self._show_general(["Reloaded what is saved now; make your change again."])

    def _show_general(self, messages: list[str]) -> None:
        if messages:
            self.general_error.setText("\n".join(messages))
            self.general_error.show()

    @classmethod
    def ask(
        cls,
        parent: QWidget | None,
        context: ViewContext,
        entry: LearningRecord | None = None,
    ) -> LearningRecord | None:
        """Show the dialog; the saved entry, or None if cancelled."""
        dialog = cls(context, entry, parent)
        try:
            if dialog.exec() == QDialog.DialogCode.Accepted:
                return dialog.record
            return None
        finally:
            dialog.deleteLater()


def _children(item: QTreeWidgetItem) -> list[QTreeWidgetItem]:
    children = (item.child(index) for index in range(item.childCount()))
    return [child for child in children if child is not None]


def _with_error(field: QWidget, label: QLabel) -> QWidget:
    """A field with its (hidden until needed) message right under it."""
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(3)
    policy = field.sizePolicy()
    grows = policy.horizontalPolicy() in (
        QSizePolicy.Policy.Expanding,
        QSizePolicy.Policy.MinimumExpanding,
    )
    # Short fields (kind, date, hours) keep their width; the message below may be wider.
    if grows:
        layout.addWidget(field)
    else:
        layout.addWidget(field, 0, Qt.AlignmentFlag.AlignLeft)
    layout.addWidget(label)
    box_policy = QSizePolicy(QSizePolicy.Policy.Expanding, policy.verticalPolicy())
    box_policy.setVerticalStretch(policy.verticalStretch())
    box.setSizePolicy(box_policy)
    return box
