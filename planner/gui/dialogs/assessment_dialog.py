"""The New assessment dialog: rate every competency, seeing each level's descriptor as you go."""

from __future__ import annotations

from datetime import date
from functools import partial

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from planner.errors import ValidationError
from planner.framework.schema import Competency, Framework, Profile
from planner.gui.field_errors import FormErrors, error_label
from planner.gui.skills_tree_model import level_label
from planner.gui.views.base import ViewContext
from planner.services.records import AssessmentDraft, AssessmentRecord, RatingDraft
from planner.vocabulary import RaterKind

DATE_FORMAT = "yyyy-MM-dd"
MUTED_STYLE = "color: palette(placeholder-text);"


class LevelBox(QComboBox):
    """A level selector that leaves the mouse wheel to the scrolling form unless it has focus.

    Scrolling a long form must not change the level of whatever box passes under the mouse.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

    def wheelEvent(self, event: QWheelEvent) -> None:
        """Change the level only when focused; otherwise let the form scroll."""
        if self.hasFocus():
            super().wheelEvent(event)
        else:
            event.ignore()


class AssessmentDialog(QDialog):
    """Rates every competency of the person's framework, prefilled from the latest assessment.

    Public widgets (for keyboard use and tests): ``date_edit``, ``rater_box``,
    ``rater_name_edit``, ``notes_edit``, ``level_boxes``, ``descriptor_labels``,
    ``evidence_edits``, ``ratings_area``, ``error_labels`` (by service field name) and
    ``button_box``.
    """

    def __init__(self, context: ViewContext, person_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.person_id = person_id
        self.record: AssessmentRecord | None = None
        person = context.services.people.get(person_id)
        self.framework: Framework = context.services.people.framework_of(person)
        self.profile: Profile = self.framework.profile(person.target_profile_id)
        latest = context.services.assessments.latest(person_id)
        self._previous = latest.levels if latest else {}
        self.level_boxes: dict[str, LevelBox] = {}
        self.descriptor_labels: dict[str, QLabel] = {}
        self.evidence_edits: dict[str, QLineEdit] = {}
        self.error_labels: dict[str, QLabel] = {}
        self.setWindowTitle(f"New assessment — {person.name}")
        self._build(latest is not None)
        self._errors = FormErrors(self.error_labels, self._error_fields())
        self.resize(760, 720)

    @classmethod
    def ask(
        cls, parent: QWidget | None, context: ViewContext, rater: RaterKind = RaterKind.SELF
    ) -> AssessmentRecord | None:
        """Show the dialog for the current person; the stored assessment, or None if cancelled.

        ``rater=RaterKind.MENTOR`` opens it as a mentor's rating, the name filled in with
        the mentor's who rated or commented last.
        """
        person_id = context.person.id
        if person_id is None:
            return None
        dialog = cls(context, person_id, parent)
        if rater is RaterKind.MENTOR:
            dialog.rater_box.setCurrentIndex(dialog.rater_box.findData(RaterKind.MENTOR))
        try:
            dialog.exec()
            return dialog.record
        finally:
            dialog.deleteLater()

    # Layout -----------------------------------------------------------------

    def _build(self, has_previous: bool) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 16, 16, 12)
        layout.setSpacing(10)
        intro = QLabel(
            "Rate every competency. Levels start from your latest assessment;"
            " the text under each level says what it looks like."
            if has_previous
            else "Rate every competency. The text under each level says what it looks like."
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        layout.addLayout(self._build_header_form())
        self.ratings_area = QScrollArea()
        self.ratings_area.setWidgetResizable(True)
        self.ratings_area.setFrameShape(QScrollArea.Shape.StyledPanel)
        ratings = QWidget()
        ratings_layout = QVBoxLayout(ratings)
        ratings_layout.setContentsMargins(8, 8, 8, 8)
        ratings_layout.setSpacing(12)
        for area in self.framework.areas:
            ratings_layout.addWidget(self._build_area(area.name, area.competencies))
        ratings_layout.addStretch(1)
        self.ratings_area.setWidget(ratings)
        layout.addWidget(self.ratings_area, 1)
        self.general_error = error_label()
        layout.addWidget(self.general_error)
        self.button_box = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        ok = self.button_box.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText("&Save assessment")
        ok.setDefault(True)
        self.button_box.accepted.connect(self._on_accepted)
        self.button_box.rejected.connect(self.reject)
        layout.addWidget(self.button_box)

    def _build_header_form(self) -> QFormLayout:
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        today = self.context.services.clock.today()
        self.date_edit = QDateEdit(QDate(today.year, today.month, today.day))
        self.date_edit.setDisplayFormat(DATE_FORMAT)
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setMaximumDate(QDate(today.year, today.month, today.day))
        self.date_edit.setMinimumDate(QDate(1970, 1, 1))
        self.rater_box = QComboBox()
        self.rater_box.addItem("Self", RaterKind.SELF)
        self.rater_box.addItem("Mentor", RaterKind.MENTOR)
        self.rater_name_edit = QLineEdit()
        self.rater_name_edit.setPlaceholderText("The mentor's name")
        self.rater_name_edit.setEnabled(False)
        self.notes_edit = QPlainTextEdit()
        self.notes_edit.setTabChangesFocus(True)
        self.notes_edit.setPlaceholderText("What stands out in this assessment (optional)")
        self.notes_edit.setFixedHeight(self.fontMetrics().lineSpacing() * 3 + 14)
        self.rater_box.currentIndexChanged.connect(self._on_rater_changed)
        for name in ("assessed_on", "rater_name", "notes"):
            self.error_labels[name] = error_label()
        self._add_row(form, "&Date:", self.date_edit, "assessed_on")
        self._add_row(form, "&Rated by:", self.rater_box, None)
        self._add_row(form, "Mentor's &name:", self.rater_name_edit, "rater_name")
        self._add_row(form, "N&otes:", self.notes_edit, "notes")
        return form

    def _add_row(self, form: QFormLayout, text: str, field: QWidget, error: str | None) -> None:
        label = QLabel(text)
        label.setBuddy(field)
        if error is None:
            form.addRow(label, field)
            return
        column = QVBoxLayout()
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(field)
        column.addWidget(self.error_labels[error])
        form.addRow(label, column)

    def _build_area(self, name: str, competencies: list[Competency]) -> QGroupBox:
        box = QGroupBox(name)
        box.setStyleSheet("QGroupBox { font-weight: bold; }")
        form = QFormLayout(box)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        form.setVerticalSpacing(14)
        for competency in competencies:
            label = QLabel(competency.name)
            label.setTextFormat(Qt.TextFormat.PlainText)
            label.setWordWrap(True)
            label.setMinimumWidth(170)
            label.setMaximumWidth(220)
            field = self._build_competency(competency)
            label.setBuddy(self.level_boxes[competency.id])
            form.addRow(label, field)
        return box

    def _build_competency(self, competency: Competency) -> QWidget:
        scale = self.framework.scale
        combo = LevelBox()
        for level in scale.levels:
            combo.addItem(level_label(scale, level.level), level.level)
        previous = self._previous.get(competency.id, scale.junior)
        previous = min(max(previous, scale.minimum), scale.maximum)
        combo.setCurrentIndex(previous - scale.minimum)
        target = QLabel(f"Target: {level_label(scale, self.profile.targets[competency.id])}")
        target.setStyleSheet(MUTED_STYLE)
        descriptor = QLabel()
        descriptor.setTextFormat(Qt.TextFormat.PlainText)
        descriptor.setWordWrap(True)
        descriptor.setObjectName("levelDescriptor")
        evidence = QLineEdit()
        evidence.setPlaceholderText("Evidence (optional): a project, review or result")
        key = f"ratings.{competency.id}"
        self.level_boxes[competency.id] = combo
        self.descriptor_labels[competency.id] = descriptor
        self.evidence_edits[competency.id] = evidence
        self.error_labels[key] = error_label()
        combo.currentIndexChanged.connect(partial(self._on_level_changed, competency.id))
        self._show_descriptor(competency.id)

        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(combo)
        top.addWidget(target)
        top.addStretch(1)
        field = QWidget()
        column = QVBoxLayout(field)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(4)
        column.addLayout(top)
        column.addWidget(descriptor)
        column.addWidget(evidence)
        column.addWidget(self.error_labels[key])
        return field

    def _error_fields(self) -> dict[str, QWidget]:
        fields: dict[str, QWidget] = {
            "assessed_on": self.date_edit,
            "rater_name": self.rater_name_edit,
            "notes": self.notes_edit,
        }
        for competency_id, combo in self.level_boxes.items():
            fields[f"ratings.{competency_id}"] = combo
        return fields

    # Behaviour --------------------------------------------------------------

    def draft(self) -> AssessmentDraft:
        """The assessment as entered."""
        kind = RaterKind(self.rater_box.currentData())
        return AssessmentDraft(
            assessed_on=_python_date(self.date_edit.date()),
            ratings=tuple(
                RatingDraft(
                    competency_id,
                    int(combo.currentData()),
                    self.evidence_edits[competency_id].text().strip(),
                )
                for competency_id, combo in self.level_boxes.items()
            ),
            rater_kind=kind,
            rater_name=self.rater_name_edit.text() if kind is RaterKind.MENTOR else None,
            notes=self.notes_edit.toPlainText().strip(),
        )

    def _show_descriptor(self, competency_id: str) -> None:
        level = int(self.level_boxes[competency_id].currentData())
        descriptor = self.framework.competency(competency_id).descriptors[level]
        self.descriptor_labels[competency_id].setText(descriptor)

    def _on_level_changed(self, competency_id: str, _index: int) -> None:
        self._show_descriptor(competency_id)

    def _on_rater_changed(self, _index: int) -> None:
        is_mentor = self.rater_box.currentData() == RaterKind.MENTOR
        self.rater_name_edit.setEnabled(is_mentor)
        if is_mentor and not self.rater_name_edit.text():
            self.rater_name_edit.setText(self.context.services.comments.usual_author())
        if is_mentor:
            self.rater_name_edit.setFocus()

    def _on_accepted(self) -> None:
        self.general_error.hide()
        try:
            self.record = self.context.operations.create_assessment(self.person_id, self.draft())
        except ValidationError as error:
            unclaimed = self._errors.show(error)
            if unclaimed:
                self.general_error.setText("\n".join(unclaimed))
                self.general_error.show()
            focused = QApplication.focusWidget()
            content = self.ratings_area.widget()
            if focused is not None and content is not None and content.isAncestorOf(focused):
                self.ratings_area.ensureWidgetVisible(focused)
            return
        self.accept()


def _python_date(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())
