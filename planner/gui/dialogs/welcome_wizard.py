"""The first-run welcome: name, target and a quick self-assessment, or the demo data.

``WelcomeWizard.run(parent, services, operations)`` returns the id of the person it
created (or of the demo person), or None when cancelled. Each page builds its own
layout and hands its answers out through small methods; the wizard saves them on
Finish through :class:`~planner.gui.operations.Operations`.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QApplication,
    QButtonGroup,
    QCheckBox,
    QDateEdit,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from planner.analysis.readiness import compute_readiness
from planner.errors import ValidationError
from planner.framework.loader import builtin_framework
from planner.framework.schema import Framework, Profile
from planner.gui.dialogs.assessment_dialog import LevelBox
from planner.gui.field_errors import FormErrors, error_label
from planner.gui.operations import ALL_KINDS, Operations
from planner.services.demo_data import seed_demo
from planner.services.records import AssessmentDraft, PersonDraft, RatingDraft
from planner.services.service_set import Services
from planner.services.validation import MAX_TITLE

WELCOME, ABOUT, TARGET, ASSESSMENT, DONE = range(5)
TARGET_MONTHS = 12
# Letters the wizard's own buttons use (< &Back, &Next >, &Finish, &Help).
BUTTON_MNEMONICS = frozenset("bnfh")
ASSESSMENT_NOTE = "First quick self-assessment, from the welcome wizard."


def with_mnemonic(text: str, used: set[str]) -> str:
    """``text`` with ``&`` before its first letter not yet in ``used`` (which it extends)."""
    for index, char in enumerate(text):
        key = char.casefold()
        if char.isalpha() and key.isascii() and key not in used:
            used.add(key)
            return f"{text[:index]}&{text[index:]}"
    return text


def plain_label(text: str = "", *, wrap: bool = False) -> QLabel:
    """A label that never interprets HTML (names and descriptions are data)."""
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(wrap)
    return label


def muted_note(text: str) -> QLabel:
    """A secondary, wrapped line of plain text, indented under the control it explains."""
    label = plain_label(text, wrap=True)
    label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
    label.setContentsMargins(24, 0, 0, 4)
    return label


class WelcomePage(QWizardPage):
    """What the program does, and own plan or demo data."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle("Welcome to Learning Path Planner")
        self.setSubTitle("Plan your way from junior to senior ML developer.")
        intro = plain_label(
            "Learning Path Planner keeps a private record of your skills, goals and the learning"
            " you complete. It shows how far you are from a senior ML developer profile, suggests"
            " what to learn next and prints a development plan you can take to a mentor or"
            " manager. Everything stays in a database on this computer.",
            wrap=True,
        )
        question = plain_label("How would you like to begin?")
        self.own_plan = QRadioButton("&Start my own plan")
        self.own_plan.setChecked(True)
        self.demo = QRadioButton("&Explore with demo data")
        group = QButtonGroup(self)
        group.addButton(self.own_plan)
        group.addButton(self.demo)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addSpacing(12)
        layout.addWidget(question)
        layout.addWidget(self.own_plan)
        layout.addWidget(
            muted_note("Enter your name, choose a target and rate yourself: a few minutes.")
        )
        layout.addWidget(self.demo)
        layout.addWidget(
            muted_note("Look around first with an example ML engineer and 18 months of history.")
        )
        layout.addStretch(1)
        self.setButtonText(QWizard.WizardButton.FinishButton, "&Open the demo")
        self.demo.toggled.connect(self._on_choice_toggled)

    def wants_demo(self) -> bool:
        """Whether the demo data was chosen."""
        return self.demo.isChecked()

    def nextId(self) -> int:
        """The demo ends the wizard here."""
        return -1 if self.wants_demo() else ABOUT

    def _on_choice_toggled(self, _checked: bool) -> None:
        # Marking the page final makes the wizard recompute Next and Finish at once.
        self.setFinalPage(self.wants_demo())


class AboutPage(QWizardPage):
    """Name (required, unique) and current role."""

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self.setTitle("About you")
        self.setSubTitle("This is how the program and your printed plan will name you.")
        self.name_edit = QLineEdit()
        self.name_edit.setMaxLength(MAX_TITLE)
        self.name_edit.setPlaceholderText("e.g. Sam Taylor")
        self.name_error = error_label()
        self.role_edit = QLineEdit()
        self.role_edit.setMaxLength(MAX_TITLE)
        self.role_edit.setPlaceholderText("e.g. ML Engineer II (optional)")
        form = QFormLayout(self)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        name_label = QLabel("Your n&ame:")
        name_label.setBuddy(self.name_edit)
        role_label = QLabel("Current &role:")
        role_label.setBuddy(self.role_edit)
        form.addRow(name_label, self.name_edit)
        form.addRow("", self.name_error)
        form.addRow(role_label, self.role_edit)
        self.registerField("name*", self.name_edit)
        self.registerField("role", self.role_edit)
        self.errors = FormErrors({"name": self.name_error}, {"name": self.name_edit})
        self.name_edit.textEdited.connect(self._on_name_edited)

    def name(self) -> str:
        """The name as typed, trimmed."""
        return self.name_edit.text().strip()

    def role(self) -> str:
        """The current role, trimmed."""
        return self.role_edit.text().strip()

    def validatePage(self) -> bool:
        """Refuse an empty name or one the database already holds, saying so by the field."""
        name = self.name()
        message = ""
        if not name:
            message = "Enter your name."
        elif any(p.name.casefold() == name.casefold() for p in self._services.people.list()):
            message = f"There is already a person called '{name}'. Choose another name."
        if message:
            self.show_error(ValidationError({"name": message}))
            return False
        self.errors.clear()
        return True

    def show_error(self, error: ValidationError) -> list[str]:
        """Show ``error``'s messages by their fields; returns those without a field here."""
        return self.errors.show(error)

    def _on_name_edited(self, _text: str) -> None:
        self.errors.clear()


class TargetPage(QWizardPage):
    """The target profile, each with its description, and an optional target date."""

    def __init__(self, framework: Framework, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle("Your target")
        self.setSubTitle(f"Which profile of the {framework.name} framework are you aiming for?")
        self.group = QButtonGroup(self)
        self.profile_buttons: dict[str, QRadioButton] = {}
        layout = QVBoxLayout(self)
        used = set(BUTTON_MNEMONICS) | {"d"}
        for profile in framework.profiles:
            button = QRadioButton(with_mnemonic(profile.name, used))
            button.setChecked(profile.id == framework.default_profile)
            self.group.addButton(button)
            self.profile_buttons[profile.id] = button
            layout.addWidget(button)
            layout.addWidget(muted_note(profile.description))
        self.date_check = QCheckBox("Set a target &date:")
        self.date_check.setChecked(True)
        self.date_edit = QDateEdit()
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("yyyy-MM-dd")
        today_q = QDate(today.year, today.month, today.day)
        self.date_edit.setMinimumDate(today_q)
        self.date_edit.setDate(today_q.addMonths(TARGET_MONTHS))
        self.date_edit.setAccessibleName("Target date")
        row = QHBoxLayout()
        row.addWidget(self.date_check)
        row.addWidget(self.date_edit)
        row.addStretch(1)
        layout.addSpacing(8)
        layout.addLayout(row)
        layout.addStretch(1)
        self.date_check.toggled.connect(self._on_date_toggled)

    def profile_id(self) -> str:
        """Id of the chosen profile."""
        for profile_id, button in self.profile_buttons.items():
            if button.isChecked():
                return profile_id
        raise LookupError("no profile chosen")  # the group is exclusive and starts checked

    def target_date(self) -> date | None:
        """The target date, or None when not wanted."""
        if not self.date_check.isChecked():
            return None
        chosen = self.date_edit.date()
        return date(chosen.year(), chosen.month(), chosen.day())

    def _on_date_toggled(self, checked: bool) -> None:
        self.date_edit.setEnabled(checked)


class AssessmentPage(QWizardPage):
    """A level per competency, grouped by area, with the chosen level's descriptor under it."""

    def __init__(self, framework: Framework, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._framework = framework
        self.setTitle("Quick self-assessment")
        self.setSubTitle(
            "Where are you today? Pick the level whose description fits you best; you can"
            " refine it later with a full assessment."
        )
        self.selectors: dict[str, LevelBox] = {}
        self.descriptors: dict[str, QLabel] = {}
        content = QWidget()
        grid = QGridLayout(content)
        grid.setColumnStretch(0, 1)
        grid.setVerticalSpacing(4)
        used = set(BUTTON_MNEMONICS)
        row = 0
        for area in framework.areas:
            heading = plain_label(area.name)
            font = heading.font()
            font.setBold(True)
            heading.setFont(font)
            heading.setContentsMargins(0, 10 if row else 0, 0, 2)
            grid.addWidget(heading, row, 0, 1, 2)
            row += 1
            for competency in area.competencies:
                box = LevelBox()
                box.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
                for level in framework.scale.levels:
                    box.addItem(f"{level.level} · {level.name}", level.level)
                box.setCurrentIndex(framework.scale.junior - framework.scale.minimum)
                label = QLabel(with_mnemonic(competency.name, used))
                label.setBuddy(box)
                descriptor = muted_note("")
                descriptor.setContentsMargins(16, 0, 0, 6)
                grid.addWidget(label, row, 0)
                grid.addWidget(box, row, 1)
                grid.addWidget(descriptor, row + 1, 0, 1, 2)
                row += 2
                self.selectors[competency.id] = box
                self.descriptors[competency.id] = descriptor
                box.currentIndexChanged.connect(self._on_level_changed)
                self._show_descriptor(competency.id)
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setWidget(content)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.scroll_area)

    def levels(self) -> dict[str, int]:
        """The chosen level per competency id."""
        return {cid: int(box.currentData()) for cid, box in self.selectors.items()}

    def _show_descriptor(self, competency_id: str) -> None:
        level = int(self.selectors[competency_id].currentData())
        text = self._framework.competency(competency_id).descriptors[level]
        self.descriptors[competency_id].setText(text)

    def _on_level_changed(self, _index: int) -> None:
        for competency_id, box in self.selectors.items():
            if box is self.sender():
                self._show_descriptor(competency_id)


class DonePage(QWizardPage):
    """A summary of what Finish will save."""

    def __init__(
        self,
        framework: Framework,
        about: AboutPage,
        target: TargetPage,
        assessment: AssessmentPage,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._framework = framework
        self._about, self._target, self._assessment = about, target, assessment
        self.setTitle("All set")
        self.setSubTitle("Press Finish to save your plan and your first self-assessment.")
        self.name_value = plain_label(wrap=True)
        self.role_value = plain_label(wrap=True)
        self.target_value = plain_label(wrap=True)
        self.readiness_value = plain_label(wrap=True)
        form = QFormLayout()
        form.addRow("Name:", self.name_value)
        form.addRow("Current role:", self.role_value)
        form.addRow("Target:", self.target_value)
        form.addRow("Starting readiness:", self.readiness_value)
        after = plain_label(
            "Next: set a goal (Ctrl+G) or log something you learned (Ctrl+L). The Dashboard"
            " shows where you stand.",
            wrap=True,
        )
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addSpacing(12)
        layout.addWidget(after)
        layout.addStretch(1)

    def initializePage(self) -> None:
        """Fill in the summary from the earlier pages."""
        profile: Profile = self._framework.profile(self._target.profile_id())
        levels = self._assessment.levels()
        readiness = compute_readiness(self._framework, profile, levels)
        self.name_value.setText(self._about.name())
        self.role_value.setText(self._about.role() or "—")
        when = self._target.target_date()
        self.target_value.setText(
            profile.name + (f", by {when.isoformat()}" if when else ", no target date")
        )
        self.readiness_value.setText(
            f"{round(readiness.overall * 100)}% of the way to {profile.name}"
        )


class WelcomeWizard(QWizard):
    """First run: make the person and their first assessment, or load the demo."""

    def __init__(self, parent: QWidget | None, services: Services, operations: Operations) -> None:
        super().__init__(parent)
        self._services = services
        self._operations = operations
        self.framework = services.frameworks.get(builtin_framework().id)
        self.person_id: int | None = None
        self.setWindowTitle("Welcome to Learning Path Planner")
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.setMinimumSize(640, 520)
        self.resize(760, 600)
        today = services.clock.today()
        self.welcome_page = WelcomePage()
        self.about_page = AboutPage(services)
        self.target_page = TargetPage(self.framework, today)
        self.assessment_page = AssessmentPage(self.framework)
        self.done_page = DonePage(
            self.framework, self.about_page, self.target_page, self.assessment_page
        )
        for page_id, page in (
            (WELCOME, self.welcome_page),
            (ABOUT, self.about_page),
            (TARGET, self.target_page),
            (ASSESSMENT, self.assessment_page),
            (DONE, self.done_page),
        ):
            self.setPage(page_id, page)
        self.setStartId(WELCOME)

    @classmethod
    def run(cls, parent: QWidget | None, services: Services, operations: Operations) -> int | None:
        """Show the wizard; the id of the person made (or of the demo person), or None."""
        wizard = cls(parent, services, operations)
        try:
            wizard.exec()
            return wizard.person_id
        finally:
            wizard.deleteLater()

    def accept(self) -> None:
        """Save on Finish; stay open (on the page to fix) if the database refuses."""
        if self.welcome_page.wants_demo():
            person_id: int | None = self._seed_demo()
        else:
            person_id = self._create_plan()
        if person_id is not None:
            self.person_id = person_id
            super().accept()

    def _seed_demo(self) -> int:
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            summary = seed_demo(self._services.database, self._services.clock.today())
        finally:
            QApplication.restoreOverrideCursor()
        self._operations.announce(ALL_KINDS)
        return summary.person_id

    def _create_plan(self) -> int | None:
        draft = PersonDraft(
            name=self.about_page.name(),
            current_role=self.about_page.role(),
            framework_id=self.framework.id,
            target_profile_id=self.target_page.profile_id(),
            target_date=self.target_page.target_date(),
        )
        try:
            person = self._operations.create_person(draft)
        except ValidationError as error:
            self._back_to_about(error)
            return None
        ratings = tuple(
            RatingDraft(cid, level) for cid, level in self.assessment_page.levels().items()
        )
        assessment = AssessmentDraft(self._services.clock.today(), ratings, notes=ASSESSMENT_NOTE)
        try:
            self._operations.create_assessment(person.id, assessment)
        except ValidationError as error:  # the person is saved; say what was not
            QMessageBox.warning(
                self, self.windowTitle(), f"Your self-assessment could not be saved: {error}"
            )
        return person.id

    def _back_to_about(self, error: ValidationError) -> None:
        """Return to About you and show the problem there (others in a message)."""
        while self.currentId() not in (ABOUT, WELCOME, -1):
            self.back()
        unclaimed = self.about_page.show_error(error)
        if unclaimed:
            QMessageBox.warning(self, self.windowTitle(), "\n".join(unclaimed))
