"""Create or edit a goal: its text, linked competencies, due date, priority, status, milestones.

Call :meth:`GoalDialog.ask`; it returns the saved goal, or None when cancelled. The
save goes through :class:`~planner.gui.operations.Operations`, so it is undoable; a
rejected draft leaves the dialog open with each message next to its field.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date, timedelta
from itertools import pairwise

from PySide6.QtCore import QDate, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from planner.errors import ConcurrentEditError, NotFoundError, PlannerError, ValidationError
from planner.framework.schema import Framework
from planner.gui.conflicts import ask_to_reload
from planner.gui.field_errors import FormErrors, error_label
from planner.gui.goal_table_model import priority_label, status_label
from planner.gui.operations import DataKind
from planner.gui.views.base import ViewContext
from planner.services.records import (
    GoalCompetencyDraft,
    GoalDraft,
    GoalRecord,
    MilestoneDraft,
    MilestoneRecord,
)
from planner.vocabulary import GoalPriority, GoalStatus

DEFAULT_DUE_DAYS = 90
MILESTONE_ID_ROLE = Qt.ItemDataRole.UserRole + 1
MILESTONE_DUE_ROLE = Qt.ItemDataRole.UserRole + 2
_EDITABLE_ITEM = (
    Qt.ItemFlag.ItemIsEnabled
    | Qt.ItemFlag.ItemIsSelectable
    | Qt.ItemFlag.ItemIsEditable
    | Qt.ItemFlag.ItemIsUserCheckable
)


def _qdate(value: date) -> QDate:
    return QDate(value.year, value.month, value.day)


def _pydate(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


class CompetencyLinkRow(QWidget):
    """One linked competency: which one, the level aimed for, and a remove button.

    Signals: ``remove_requested(CompetencyLinkRow)``.
    """

    remove_requested = Signal(object)

    def __init__(
        self, framework: Framework, targets: Mapping[str, int], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._framework = framework
        self._targets = targets
        scale = framework.scale
        self.combo = QComboBox()
        self.combo.setAccessibleName("Competency")
        for index, area in enumerate(framework.areas):
            if index:
                self.combo.insertSeparator(self.combo.count())
            for competency in area.competencies:
                self.combo.addItem(competency.name, competency.id)
                self.combo.setItemData(
                    self.combo.count() - 1, area.name, Qt.ItemDataRole.ToolTipRole
                )
        self.combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.combo.setMinimumContentsLength(20)
        self.combo.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.level = QSpinBox()
        self.level.setRange(scale.minimum, scale.maximum)
        self.level.setAccessibleName("Target level")
        self.level.setToolTip("Target level")
        self.level_name = QLabel()
        self.level_name.setTextFormat(Qt.TextFormat.PlainText)
        widest = max(self.level_name.fontMetrics().horizontalAdvance(s.name) for s in scale.levels)
        self.level_name.setMinimumWidth(widest + 4)
        self.remove_button = QPushButton("Remove")
        self.remove_button.setAutoDefault(False)
        self.remove_button.setAccessibleName("Remove this competency")

        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.combo, 1)
        layout.addWidget(self.level)
        layout.addWidget(self.level_name)
        layout.addWidget(self.remove_button)

        self.combo.currentIndexChanged.connect(self._on_competency_chosen)
        self.level.valueChanged.connect(self._on_level_changed)
        self.remove_button.clicked.connect(self._on_remove_clicked)
        self._on_level_changed(self.level.value())

    def set_link(self, competency_id: str, level: int | None = None) -> None:
        """Show ``competency_id`` aiming at ``level`` (its profile target when None)."""
        index = self.combo.findData(competency_id)
        self.combo.setCurrentIndex(max(index, 0))
        self._on_competency_chosen(self.combo.currentIndex())
        if level is not None:
            self.level.setValue(level)

    def link(self) -> GoalCompetencyDraft:
        """The competency and level shown."""
        return GoalCompetencyDraft(str(self.combo.currentData()), self.level.value())

    def _on_competency_chosen(self, _index: int) -> None:
        competency_id = self.combo.currentData()
        if competency_id is not None:
            self.level.setValue(self._targets.get(str(competency_id), self._framework.scale.senior))

    def _on_level_changed(self, level: int) -> None:
        self.level_name.setText(self._framework.scale.name_of(level))

    def _on_remove_clicked(self) -> None:
        self.remove_requested.emit(self)


class CompetencyLinksEditor(QWidget):
    """The competencies a goal serves, each with a target level; rows can be added and removed."""

    def __init__(
        self, framework: Framework, targets: Mapping[str, int], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._framework = framework
        self._targets = targets
        self.rows: list[CompetencyLinkRow] = []
        self.tab_after: QWidget | None = None
        """The field before this editor in the tab order; new rows are linked in after it."""
        self.add_button = QPushButton("Add c&ompetency")
        self.add_button.setAutoDefault(False)
        self._rows_layout = QVBoxLayout()
        self._rows_layout.setContentsMargins(0, 0, 0, 0)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self._rows_layout)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.add_button.clicked.connect(self._on_add_clicked)

    def set_links(self, links: Sequence[GoalCompetencyDraft]) -> None:
        """Show exactly ``links``."""
        for row in list(self.rows):
            self._remove(row)
        for link in links:
            self.add_row(link.competency_id, link.target_level)

    def links(self) -> tuple[GoalCompetencyDraft, ...]:
        """The links shown, top to bottom."""
        return tuple(row.link() for row in self.rows)

    def add_row(
        self, competency_id: str | None = None, level: int | None = None
    ) -> CompetencyLinkRow:
        """Add a row; with no competency, the first one not linked yet."""
        if competency_id is None:
            used = {row.link().competency_id for row in self.rows}
            free = [c.id for c in self._framework.competencies if c.id not in used]
            competency_id = free[0] if free else self._framework.competencies[0].id
        row = CompetencyLinkRow(self._framework, self._targets, self)
        row.set_link(competency_id, level)
        row.remove_requested.connect(self._on_remove_requested)
        self.rows.append(row)
        self._rows_layout.addWidget(row)
        row.show()  # now, so it can take focus at once
        self._fix_tab_order()
        return row

    def _remove(self, row: CompetencyLinkRow) -> None:
        self.rows.remove(row)
        self._rows_layout.removeWidget(row)
        row.hide()
        row.deleteLater()

    def _fix_tab_order(self) -> None:
        chain: list[QWidget] = [self.tab_after] if self.tab_after is not None else []
        for row in self.rows:
            chain += [row.combo, row.level, row.remove_button]
        chain.append(self.add_button)
        for first, second in pairwise(chain):
            QWidget.setTabOrder(first, second)

    def _on_add_clicked(self) -> None:
        row = self.add_row()
        row.combo.setFocus()

    def _on_remove_requested(self, row: CompetencyLinkRow) -> None:
        index = self.rows.index(row)
        self._remove(row)
        following = self.rows[min(index, len(self.rows) - 1)].combo if self.rows else None
        (following or self.add_button).setFocus()


class MilestoneEditor(QWidget):
    """An ordered checklist: add, edit (F2), tick (Space), move (Ctrl+Up/Down), remove (Del)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.new_edit = QLineEdit()
        self.new_edit.setPlaceholderText("New milestone — type and press Enter")
        self.new_edit.setAccessibleName("New milestone")
        self.add_button = QPushButton("&Add")
        self.list = QListWidget()
        self.list.setAccessibleName("Milestones")
        self.list.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.SelectedClicked
        )
        self.list.setWordWrap(True)
        self.list.setToolTip("F2 edits the text, Space ticks, Ctrl+Up/Down moves, Del removes")
        self.up_button = QPushButton("Move &up")
        self.down_button = QPushButton("Move do&wn")
        self.remove_button = QPushButton("&Remove")
        for button in (self.add_button, self.up_button, self.down_button, self.remove_button):
            button.setAutoDefault(False)

        entry = QHBoxLayout()
        entry.addWidget(self.new_edit, 1)
        entry.addWidget(self.add_button)
        side = QVBoxLayout()
        side.addWidget(self.up_button)
        side.addWidget(self.down_button)
        side.addWidget(self.remove_button)
        side.addStretch(1)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addLayout(entry, 0, 0)
        grid.addWidget(self.list, 1, 0)
        grid.addLayout(side, 1, 1)
        grid.setRowStretch(1, 1)

        self.new_edit.installEventFilter(self)
        self.add_button.clicked.connect(self._on_add_clicked)
        self.up_button.clicked.connect(self._on_move_up)
        self.down_button.clicked.connect(self._on_move_down)
        self.remove_button.clicked.connect(self._on_remove)
        self.list.currentRowChanged.connect(self._on_current_changed)
        for keys, slot in (
            (QKeySequence("Ctrl+Up"), self._on_move_up),
            (QKeySequence("Ctrl+Down"), self._on_move_down),
            (QKeySequence(QKeySequence.StandardKey.Delete), self._on_remove),
        ):
            shortcut = QShortcut(keys, self.list)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(slot)
        self._on_current_changed(-1)

    def set_milestones(self, milestones: Sequence[MilestoneRecord]) -> None:
        """Show ``milestones`` in order, keeping their ids."""
        self.list.clear()
        for milestone in milestones:
            self._append(milestone.text, milestone.done, milestone.id, milestone.due_date)
        self._on_current_changed(self.list.currentRow())

    def drafts(self) -> tuple[MilestoneDraft, ...]:
        """The milestones in their shown order; existing ones keep their ids."""
        result = []
        for row in range(self.list.count()):
            item = self.list.item(row)
            due = item.data(MILESTONE_DUE_ROLE)
            result.append(
                MilestoneDraft(
                    item.text(),
                    item.checkState() == Qt.CheckState.Checked,
                    date.fromisoformat(due) if due else None,
                    item.data(MILESTONE_ID_ROLE),
                )
            )
        return tuple(result)

    def add(self, text: str) -> None:
        """Append a milestone and make it current."""
        self._append(text, False, None, None)
        self.list.setCurrentRow(self.list.count() - 1)

    def _append(self, text: str, done: bool, milestone_id: int | None, due: date | None) -> None:
        item = QListWidgetItem(text)
        item.setFlags(_EDITABLE_ITEM)
        item.setCheckState(Qt.CheckState.Checked if done else Qt.CheckState.Unchecked)
        item.setData(MILESTONE_ID_ROLE, milestone_id)
        item.setData(MILESTONE_DUE_ROLE, due.isoformat() if due else None)
        if due is not None:
            item.setToolTip(f"Due {due.isoformat()}")
        self.list.addItem(item)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Enter in the new-milestone box adds it (instead of closing the dialog)."""
        if (
            watched is self.new_edit
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and self.new_edit.text().strip()
        ):
            self._on_add_clicked()
            return True
        return super().eventFilter(watched, event)

    def _move(self, step: int) -> None:
        row = self.list.currentRow()
        target = row + step
        if row < 0 or not 0 <= target < self.list.count():
            return
        item = self.list.takeItem(row)
        self.list.insertItem(target, item)
        self.list.setCurrentRow(target)

    def _on_add_clicked(self) -> None:
        text = self.new_edit.text().strip()
        if text:
            self.add(text)
            self.new_edit.clear()
        self.new_edit.setFocus()

    def _on_move_up(self) -> None:
        self._move(-1)

    def _on_move_down(self) -> None:
        self._move(1)

    def _on_remove(self) -> None:
        row = self.list.currentRow()
        if row >= 0:
            self.list.takeItem(row)
            self._on_current_changed(self.list.currentRow())

    def _on_current_changed(self, row: int) -> None:
        self.up_button.setEnabled(row > 0)
        self.down_button.setEnabled(0 <= row < self.list.count() - 1)
        self.remove_button.setEnabled(row >= 0)


class GoalDialog(QDialog):
    """The goal form. ``saved`` holds the stored goal once OK succeeded."""

    def __init__(
        self, context: ViewContext, goal: GoalRecord | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.goal = goal
        self.saved: GoalRecord | None = None
        services = context.services
        person_id = goal.person_id if goal is not None else context.person.id
        if person_id is None:
            raise ValueError("GoalDialog needs a person to hold the goal")
        self.person_id = person_id
        person = services.people.get(person_id)
        self.framework = services.people.framework_of(person)
        try:
            targets = dict(self.framework.profile(person.target_profile_id).targets)
        except KeyError:
            targets = {}
        self._today = services.clock.today()
        self.setWindowTitle("Edit goal" if goal else "New goal")
        self._build(targets)
        self._fill(goal)

    # Layout -----------------------------------------------------------------

    def _build(self, targets: Mapping[str, int]) -> None:
        self.general_error = error_label()
        self.title_edit = QLineEdit()
        self.title_edit.setPlaceholderText("What do you want to achieve?")
        self.description_edit = QPlainTextEdit()
        self.description_edit.setTabChangesFocus(True)
        self.description_edit.setPlaceholderText("Why it matters, what done looks like")
        line = self.description_edit.fontMetrics().lineSpacing()
        self.description_edit.setFixedHeight(line * 4 + 12)
        self.description_edit.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.competency_editor = CompetencyLinksEditor(self.framework, targets)
        self.competency_editor.tab_after = self.description_edit
        self.due_check = QCheckBox("Due dat&e")
        self.due_edit = QDateEdit()
        self.due_edit.setCalendarPopup(True)
        self.due_edit.setDisplayFormat("yyyy-MM-dd")
        self.due_edit.setAccessibleName("Due date")
        self.priority_box = QComboBox()
        for priority in GoalPriority:
            self.priority_box.addItem(priority_label(priority), priority.value)
        self.status_box = QComboBox()
        for status in GoalStatus:
            self.status_box.addItem(status_label(status), status.value)
        self.milestone_editor = MilestoneEditor()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText("Create goal" if self.goal is None else "Save")
        self.ok_button.setDefault(True)

        labels = {
            name: error_label()
            for name in ("title", "description", "competencies", "due_date", "priority", "status")
        }
        labels["milestones"] = error_label()
        self.error_labels = labels
        self.form_errors = FormErrors(
            labels,
            {
                "title": self.title_edit,
                "description": self.description_edit,
                "competencies": self.competency_editor.add_button,
                "due_date": self.due_edit,
                "priority": self.priority_box,
                "status": self.status_box,
                "milestones": self.milestone_editor.list,
            },
        )

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self._add_row(form, "&Title:", self.title_edit, labels["title"])
        self._add_row(form, "&Description:", self.description_edit, labels["description"])
        self._add_row(form, "&Competencies:", self.competency_editor, labels["competencies"])
        due_row = QHBoxLayout()
        due_row.addWidget(self.due_edit)
        due_row.addStretch(1)
        form.addRow(self.due_check, _stacked(due_row, labels["due_date"]))
        self._add_row(form, "&Priority:", self.priority_box, labels["priority"], grow=False)
        self._add_row(form, "&Status:", self.status_box, labels["status"], grow=False)
        milestones_label = QLabel("&Milestones:")
        milestones_label.setBuddy(self.milestone_editor.new_edit)
        form.addRow(milestones_label, _stacked(self.milestone_editor, labels["milestones"]))

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 16, 16, 12)
        layout.addWidget(self.general_error)
        layout.addLayout(form, 1)
        layout.addWidget(self.buttons)
        self.resize(640, 600)

        self.due_check.toggled.connect(self._on_due_toggled)
        self.buttons.accepted.connect(self._on_accept)
        self.buttons.rejected.connect(self.reject)

    @staticmethod
    def _add_row(
        form: QFormLayout, text: str, field: QWidget, error: QLabel, grow: bool = True
    ) -> None:
        label = QLabel(text)
        label.setBuddy(field)
        if grow:
            form.addRow(label, _stacked(field, error))
            return
        row = QHBoxLayout()
        row.addWidget(field)
        row.addStretch(1)
        form.addRow(label, _stacked(row, error))

    def _fill(self, goal: GoalRecord | None) -> None:
        if goal is None:
            self.due_edit.setDate(_qdate(self._today + timedelta(days=DEFAULT_DUE_DAYS)))
            self.priority_box.setCurrentIndex(self.priority_box.findData(GoalPriority.MEDIUM.value))
            self.status_box.setCurrentIndex(self.status_box.findData(GoalStatus.PLANNED.value))
            self._on_due_toggled(False)
            return
        self.title_edit.setText(goal.title)
        self.description_edit.setPlainText(goal.description)
        self.competency_editor.set_links(goal.competencies)
        default_due = goal.due_date or self._today + timedelta(days=DEFAULT_DUE_DAYS)
        self.due_edit.setDate(_qdate(default_due))
        self.due_check.setChecked(goal.due_date is not None)
        self._on_due_toggled(goal.due_date is not None)
        self.priority_box.setCurrentIndex(self.priority_box.findData(goal.priority.value))
        self.status_box.setCurrentIndex(self.status_box.findData(goal.status.value))
        self.milestone_editor.set_milestones(goal.milestones)

    # Behaviour --------------------------------------------------------------

    def draft(self) -> GoalDraft:
        """The goal as the form shows it."""
        return GoalDraft(
            title=self.title_edit.text(),
            description=self.description_edit.toPlainText(),
            competencies=self.competency_editor.links(),
            due_date=_pydate(self.due_edit.date()) if self.due_check.isChecked() else None,
            priority=GoalPriority(self.priority_box.currentData()),
            status=GoalStatus(self.status_box.currentData()),
            milestones=self.milestone_editor.drafts(),
        )

    def _on_due_toggled(self, checked: bool) -> None:
        self.due_edit.setEnabled(checked)

    def _on_accept(self) -> None:
        self.form_errors.clear()
        self.general_error.hide()
        operations = self.context.operations
        try:
            if self.goal is None:
                self.saved = operations.create_goal(self.person_id, self.draft())
            else:
                self.saved = operations.update_goal(self.goal, self.draft())
        except ValidationError as error:
            self._show_problems(error)
            return
        except ConcurrentEditError as error:
            self._on_changed_elsewhere(error)
            return
        except PlannerError as error:
            self.general_error.setText(str(error))
            self.general_error.show()
            return
        self.accept()

    def _on_changed_elsewhere(self, error: ConcurrentEditError) -> None:
        """Another window saved this goal first: reload it, or keep this text open."""
        if not ask_to_reload(self, error):
            self.general_error.setText(str(error))
            self.general_error.show()
            return
        assert self.goal is not None
        self.context.operations.announce(frozenset({DataKind.GOALS}), self.person_id)
        try:
            self.goal = self.context.services.goals.get(self.goal.id)
        except NotFoundError:
            self.reject()  # deleted elsewhere: nothing left to edit
            return
        self._fill(self.goal)
        self.general_error.setText("Reloaded what is saved now; make your change again.")
        self.general_error.show()

    def _show_problems(self, error: ValidationError) -> None:
        unclaimed = self.form_errors.show(ValidationError(self._readable(error.field_errors)))
        for field in error.field_errors:
            if field.startswith("milestones["):
                index = int(field[len("milestones[") :].split("]", 1)[0])
                self.milestone_editor.list.setCurrentRow(index)
                break
        if unclaimed:
            self.general_error.setText("\n".join(unclaimed))
            self.general_error.show()

    def _readable(self, field_errors: Mapping[str, str]) -> dict[str, str]:
        """Name the milestone or competency a message is about, in the user's words."""
        names = {c.id: c.name for c in self.framework.competencies}
        readable = {}
        for field, message in field_errors.items():
            text = message
            for competency_id, name in names.items():
                text = text.replace(f"'{competency_id}'", f"“{name}”")
            if field.startswith("milestones["):
                number = int(field[len("milestones[") :].split("]", 1)[0]) + 1
                text = f"Milestone {number}: {text}"
            elif field.startswith("competencies."):
                name = names.get(field.removeprefix("competencies."), "")
                text = f"{name}: {text}" if name else text
            readable[field] = text
        return readable

    @classmethod
    def ask(
        cls, parent: QWidget | None, context: ViewContext, goal: GoalRecord | None = None
    ) -> GoalRecord | None:
        """Show the form; the saved goal, or None when cancelled (or nobody to hold it)."""
        if goal is None and context.person.id is None:
            return None
        dialog = cls(context, goal, parent)
        try:
            dialog.exec()
            return dialog.saved if dialog.result() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()


def _stacked(field: QWidget | QHBoxLayout, error: QLabel) -> QWidget:
    """A field (or a row of fields) with its error message underneath."""
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(4)
    if isinstance(field, QWidget):
        layout.addWidget(field)
    else:
        layout.addLayout(field)
    layout.addWidget(error)
    return box
