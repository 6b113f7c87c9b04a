"""The Next steps view: ranked, explained suggestions as cards, the weekly budget and plan.

The engine (:mod:`planner.analysis.next_steps`) does the thinking; this view shows its
result, answers suggestions through undoable commands and stores the weekly budget
on the person. The record is read once for this view and the Dashboard
(:mod:`planner.gui.next_steps_cache`). Changing the budget re-plans at once from the
data already read, and saves the new figure a moment after the last change (so
arrow presses are one edit).

Wide, the plan panel sits to the right of the cards; narrow, above them.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QDoubleSpinBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from planner.analysis.next_steps import (
    MAX_WEEKLY_HOURS,
    MIN_WEEKLY_HOURS,
    FollowUp,
    HiddenSuggestion,
    NextSteps,
    Suggestion,
    compute_next_steps,
    snooze_until,
    weekly_hours_of,
)
from planner.analysis.next_steps.summary import (
    MONTHS,
    effort_text,
    projected_date_text,
    projection_sentences,
)
from planner.errors import NotFoundError, PlannerError
from planner.gui.next_steps_actions import accept_suggestion, bring_back, decide_suggestion
from planner.gui.next_steps_cache import NextStepsCache, PersonAdvice
from planner.gui.operations import DataChange
from planner.gui.views.base import View, ViewContext
from planner.gui.views.suggestion_cards import (
    SuggestionCard,
    cards_style,
    styled_font,
    text_label,
)
from planner.services.records import PersonDraft, PersonRecord
from planner.vocabulary import DecisionKind

MARGIN = 16
SPACING = 12
WIDE_FROM = 1080
PANEL_WIDTH = 320
SAVE_DELAY_MS = 700
SHOWN_WEEKS = {True: 8, False: 4}  # beside the cards / after them


def week_start_text(day: date) -> str:
    """E.g. "21 Nov"."""
    return f"{day.day} {MONTHS[day.month - 1][:3]}"


class WeeklyPlanList(QWidget):
    """The first weeks of the plan: a heading per week, then what to do and for how long."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("weeklyPlan")
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._content = QWidget()
        self._layout.addWidget(self._content)
        self.lines: list[str] = []

    def show_weeks(self, result: NextSteps, count: int) -> None:
        """Show ``count`` weeks of ``result``'s plan and say how many more there are."""
        self._layout.removeWidget(self._content)
        self._content.hide()
        self._content.deleteLater()
        self._content = QWidget()
        self._layout.addWidget(self._content)
        grid = QGridLayout(self._content)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(10)
        grid.setVerticalSpacing(3)
        grid.setColumnStretch(0, 1)
        self.lines = []
        row = 0
        for week in result.weeks[:count]:
            heading = text_label(f"Week {week.number} · from {week_start_text(week.starts)}")
            heading.setFont(styled_font(self.font(), 0.95, bold=True))
            grid.addWidget(heading, row, 0, 1, 2)
            if row:
                grid.setRowMinimumHeight(row, heading.sizeHint().height() + 8)
                grid.setAlignment(heading, Qt.AlignmentFlag.AlignBottom)
            row += 1
            for item in week.items:
                total = next((s.effort_hours for s in result.suggestions if s.key == item.key), 0)
                hours = effort_text(item.hours)
                if not item.finishes or total - item.hours > 1e-9:
                    hours = f"{hours} of {effort_text(total)}"
                grid.addWidget(text_label(f"• {item.label}"), row, 0)
                grid.addWidget(
                    text_label(hours, muted=True, wrap=False), row, 1, Qt.AlignmentFlag.AlignTop
                )
                self.lines.append(f"{item.label} ({hours})")
                row += 1
        rest = len(result.weeks) - count
        if rest > 0:
            more = f"… and {rest} more week{'s' if rest != 1 else ''} for the top ten."
            grid.addWidget(text_label(more, muted=True), row, 0, 1, 2)
        elif not result.weeks:
            grid.addWidget(text_label("Nothing to plan yet.", muted=True), row, 0, 1, 2)


def person_draft(person: PersonRecord) -> PersonDraft:
    """The draft that keeps a person as they are (to change one field of it)."""
    return PersonDraft(
        person.name,
        person.current_role,
        person.framework_id,
        person.target_profile_id,
        person.target_date,
        person.weekly_hours,
    )


def _scroll_area(content: QWidget) -> QScrollArea:
    """A frameless, vertically scrolling area around ``content``."""
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    area.setWidget(content)
    return area


class BudgetPanel(QFrame):
    """The weekly budget and the date the target is reached at it.

    Public parts: ``hours_box``, ``date_label``, ``projection_label``.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("budgetPanel")
        self.setProperty("planPanel", True)
        self.hours_box = QDoubleSpinBox()
        self.hours_box.setObjectName("weeklyHours")
        self.hours_box.setRange(MIN_WEEKLY_HOURS, MAX_WEEKLY_HOURS)
        self.hours_box.setSingleStep(0.5)
        self.hours_box.setDecimals(1)
        self.hours_box.setSuffix(" h a week")
        self.hours_box.setKeyboardTracking(False)
        self.hours_box.setAccessibleName("Hours a week for learning")
        self.hours_box.setToolTip("How many hours a week you can give; saved with your record")
        hours_label = QLabel("&Weekly budget")
        hours_label.setBuddy(self.hours_box)
        self.date_caption = text_label(muted=True)
        self.date_label = text_label()
        self.date_label.setObjectName("projectedDate")
        self.date_label.setFont(styled_font(self.font(), 1.6, bold=True))
        self.projection_label = text_label(selectable=True)
        self.projection_label.setObjectName("projectionText")

        budget = QHBoxLayout()
        budget.addWidget(hours_label)
        budget.addWidget(self.hours_box)
        budget.addStretch(1)
        headline = QWidget()
        headline_layout = QVBoxLayout(headline)
        headline_layout.setContentsMargins(0, 0, 0, 0)
        headline_layout.setSpacing(6)
        headline_layout.addLayout(budget)
        headline_layout.addSpacing(4)
        headline_layout.addWidget(self.date_caption)
        headline_layout.addWidget(self.date_label)
        headline_layout.addStretch(1)
        self.layout_box = QBoxLayout(QBoxLayout.Direction.TopToBottom, self)
        self.layout_box.setContentsMargins(14, 12, 14, 14)
        self.layout_box.setSpacing(8)
        self.layout_box.addWidget(headline, 0)
        self.layout_box.addWidget(self.projection_label, 1)

    def set_side(self, side: bool) -> None:
        """Stack the parts (beside the cards) or put them in a row (above the cards)."""
        direction = QBoxLayout.Direction.TopToBottom if side else QBoxLayout.Direction.LeftToRight
        self.layout_box.setDirection(direction)
        self.layout_box.setSpacing(8 if side else 24)

    def show_result(self, result: NextSteps) -> None:
        """Fill in the projection of ``result``."""
        projection = result.projection
        self.date_caption.setText(f"Projected to reach {projection.profile_name}")
        headline = projected_date_text(projection)
        self.date_label.setText(headline[:1].upper() + headline[1:])
        self.projection_label.setText(" ".join(projection_sentences(projection)))


class WeeksPanel(QFrame):
    """The top suggestions laid onto the coming weeks. Public part: ``weeks_list``."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("weeksPanel")
        self.setProperty("planPanel", True)
        heading = text_label("Your next weeks")
        heading.setFont(styled_font(self.font(), 1.1, bold=True))
        self.weeks_list = WeeklyPlanList()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 12, 14, 14)
        layout.setSpacing(6)
        layout.addWidget(heading)
        layout.addWidget(self.weeks_list)


class HiddenList(QWidget):
    """Suggestions hidden by a decision, behind a toggle; each can be brought back."""

    def __init__(self, view: NextStepsView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._view = view
        self.toggle = QToolButton()
        self.toggle.setObjectName("hiddenToggle")
        self.toggle.setCheckable(True)
        self.toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.toggle.setArrowType(Qt.ArrowType.RightArrow)
        self.toggle.setAutoRaise(True)
        self.toggle.toggled.connect(self._on_toggled)
        self.rows = QWidget()
        self.rows_layout = QVBoxLayout(self.rows)
        self.rows_layout.setContentsMargins(20, 0, 0, 0)
        self.rows.hide()
        self.bring_back_buttons: list[QPushButton] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.toggle, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.rows)

    def show_hidden(self, hidden: tuple[HiddenSuggestion, ...]) -> None:
        """List the hidden suggestions (the whole list is hidden when there are none)."""
        self.setVisible(bool(hidden))
        self.toggle.setText(f"Hidden by your decisions ({len(hidden)})")
        while self.rows_layout.count():
            item = self.rows_layout.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.hide()
                widget.deleteLater()
        self.bring_back_buttons = []
        for entry in hidden:
            self.rows_layout.addWidget(self._row(entry))

    def _row(self, entry: HiddenSuggestion) -> QWidget:
        row = QWidget()
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        state = {"dismissed": "dismissed", "accepted": "accepted"}.get(entry.decision, "snoozed")
        if entry.until is not None:
            state += f" until {entry.until.isoformat()}"
        layout.addWidget(text_label(entry.suggestion.title, wrap=True), 1)
        layout.addWidget(text_label(state, muted=True, wrap=False))
        button = QPushButton("Bring back")
        button.setAccessibleName(f"Bring back: {entry.suggestion.title}")
        button.clicked.connect(lambda _=False, s=entry.suggestion: self._view.bring_back(s))
        layout.addWidget(button)
        self.bring_back_buttons.append(button)
        return row

    def _on_toggled(self, shown: bool) -> None:
        self.rows.setVisible(shown)
        self.toggle.setArrowType(Qt.ArrowType.DownArrow if shown else Qt.ArrowType.RightArrow)


class NextStepsView(View):
    """What to do next, why, and when the target is reached at the chosen pace.

    Public parts (for keyboard use and tests): ``cards``, ``panel`` (with ``hours_box``),
    ``hidden_list``, ``empty_label``, ``result``.
    """

    name = "next_steps"
    title = "Next steps"

    def __init__(self, context: ViewContext, parent: QWidget | None = None) -> None:
        cache = NextStepsCache.of(context.operations)  # before the view connects: see its module
        super().__init__(context, parent)
        self._cache = cache
        self.result: NextSteps | None = None
        self.cards: list[SuggestionCard] = []
        self._inputs: PersonAdvice | None = None
        self._save_timer = QTimer(self)
        self._save_timer.setSingleShot(True)
        self._save_timer.setInterval(SAVE_DELAY_MS)
        self._save_timer.timeout.connect(self._on_save_hours)
        self._build()
        self._apply_palette()
        self.panel.hours_box.valueChanged.connect(self._on_hours_changed)

    # Layout -----------------------------------------------------------------

    def _build(self) -> None:
        self.title_label = text_label("Next steps")
        self.title_label.setObjectName("viewTitle")
        self.title_label.setFont(styled_font(self.font(), 1.5, bold=True))
        self.subtitle = text_label(muted=True)
        self.panel = BudgetPanel()
        self.weeks_panel = WeeksPanel()
        self.empty_label = text_label()
        self.empty_label.setObjectName("nextStepsEmpty")
        self.cards_box = QWidget()
        self.cards_layout = QVBoxLayout(self.cards_box)
        self.cards_layout.setContentsMargins(0, 0, 0, 0)
        self.cards_layout.setSpacing(SPACING)
        self.hidden_list = HiddenList(self)
        # Narrow: budget above the cards, weekly plan after them. Wide: both in a side column.
        self.top_slot = QVBoxLayout()
        self.top_slot.setContentsMargins(0, 0, 0, 0)
        column = QWidget()
        self.column_layout = QVBoxLayout(column)
        self.column_layout.setContentsMargins(0, 0, 0, 0)
        self.column_layout.setSpacing(SPACING)
        self.column_layout.addWidget(self.empty_label)
        self.column_layout.addWidget(self.cards_box)
        self.column_layout.addWidget(self.hidden_list)
        self.column_layout.addStretch(1)
        column.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        # The side column scrolls on its own, so the budget stays in sight beside the cards.
        self.side = QWidget()
        self.side_layout = QVBoxLayout(self.side)
        self.side_layout.setContentsMargins(0, MARGIN, MARGIN, MARGIN)
        self.side_layout.setSpacing(SPACING)
        self.side_layout.addStretch(1)
        self.side_scroll = _scroll_area(self.side)
        self.side_scroll.setFixedWidth(PANEL_WIDTH + MARGIN)

        content = QWidget()
        content.setObjectName("nextStepsContent")
        outer = QVBoxLayout(content)
        outer.setContentsMargins(MARGIN, MARGIN, MARGIN, MARGIN)
        outer.setSpacing(SPACING)
        outer.addWidget(self.title_label)
        outer.addWidget(self.subtitle)
        outer.addLayout(self.top_slot)
        outer.addWidget(column, 1)
        self.scroll_area = _scroll_area(content)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.scroll_area, 1)
        layout.addWidget(self.side_scroll)
        self._wide: bool | None = None
        self._arrange(False)

    def _arrange(self, wide: bool) -> None:
        if wide == self._wide:
            return
        self._wide = wide
        for layout in (self.top_slot, self.column_layout, self.side_layout):
            layout.removeWidget(self.panel)
            layout.removeWidget(self.weeks_panel)
        if wide:
            self.side_layout.insertWidget(0, self.panel)
            self.side_layout.insertWidget(1, self.weeks_panel)
        else:
            self.top_slot.addWidget(self.panel)
            self.column_layout.insertWidget(self.column_layout.count() - 1, self.weeks_panel)
        self.side_scroll.setVisible(wide)
        self.panel.set_side(wide)
        if self.result is not None:
            self.weeks_panel.weeks_list.show_weeks(self.result, SHOWN_WEEKS[wide])

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Put the plan panel beside the cards when there is room."""
        super().resizeEvent(event)
        self._arrange(event.size().width() >= WIDE_FROM)

    def _apply_palette(self) -> None:
        style = cards_style(self.palette())
        if style != self.styleSheet():
            self.setStyleSheet(style)

    def changeEvent(self, event: QEvent) -> None:
        """Follow a switch between light and dark palettes."""
        if event.type() == QEvent.Type.PaletteChange:
            self._apply_palette()
        super().changeEvent(event)

    # Data -------------------------------------------------------------------

    def wants(self, change: DataChange) -> bool:
        """Any change to the current person's records (or to anyone's)."""
        return change.person_id is None or change.person_id == self.context.person.id

    def reload(self) -> None:
        """Read the person's record again and work out their next steps."""
        person_id = self.context.person.id
        try:
            advice = self._cache.advice(person_id) if person_id is not None else None
        except NotFoundError:  # the person was just removed; the window picks another
            advice = None
        self._inputs = advice
        if advice is None:
            self._show_nobody()
            return
        hours = weekly_hours_of(advice.snapshot.person)
        if self._save_timer.isActive():  # a budget being typed wins over the stored one
            hours = self.panel.hours_box.value()
        self.panel.hours_box.blockSignals(True)
        self.panel.hours_box.setValue(hours)
        self.panel.hours_box.blockSignals(False)
        self._compute(hours)

    def _compute(self, hours: float) -> None:
        advice = self._inputs
        assert advice is not None
        if advice.today != self.context.services.clock.today():
            self.reload()  # a new day: the record is read again for it
            return
        result = advice.result
        if result.hours_per_week != hours:
            result = compute_next_steps(
                advice.snapshot, advice.framework, advice.catalogue, advice.today, hours
            )
        self.result = result
        self._show(advice.snapshot.person, result)

    def _show_nobody(self) -> None:
        self.result = None
        self._clear_cards()
        self.subtitle.setText("")
        self.panel.hide()
        self.weeks_panel.hide()
        self.hidden_list.hide()
        self.empty_label.setText("No one to show yet. Add yourself with the welcome wizard.")
        self.empty_label.show()

    def _show(self, person: PersonRecord, result: NextSteps) -> None:
        focus = self._focused_card_index()
        self.panel.show()
        self.weeks_panel.show()
        self.subtitle.setText(
            f"{person.name} — toward {result.projection.profile_name}. Each suggestion says why,"
            " and where in the source documents it comes from."
        )
        self.panel.show_result(result)
        self.weeks_panel.weeks_list.show_weeks(result, SHOWN_WEEKS[bool(self._wide)])
        self._clear_cards()
        for rank, suggestion in enumerate(result.suggestions, 1):
            card = SuggestionCard(rank, suggestion)
            card.accepted.connect(self._on_accept)
            card.snoozed.connect(self._on_snooze)
            card.dismissed.connect(self._on_dismiss)
            self.cards_layout.addWidget(card)
            self.cards.append(card)
        self.empty_label.setVisible(not result.suggestions)
        self.empty_label.setText(
            "Nothing to suggest right now: every target is met and your plan needs no care."
        )
        self.hidden_list.show_hidden(result.hidden)
        if focus is not None and self.cards:
            self.cards[min(focus, len(self.cards) - 1)].accept_button.setFocus()

    def _focused_card_index(self) -> int | None:
        focused = self.focusWidget()
        for index, card in enumerate(self.cards):
            if focused is not None and card.isAncestorOf(focused):
                return index
        return None

    def _clear_cards(self) -> None:
        for card in self.cards:
            self.cards_layout.removeWidget(card)
            card.hide()
            card.deleteLater()
        self.cards = []

    # Slots ------------------------------------------------------------------

    def _on_hours_changed(self, hours: float) -> None:
        if self._inputs is None:
            return
        self._compute(hours)
        self._save_timer.start()

    def _on_save_hours(self) -> None:
        person_id = self.context.person.id
        if person_id is None:
            return
        hours = self.panel.hours_box.value()
        try:
            person = self.context.services.people.get(person_id)
            if person.weekly_hours == hours:
                return
            draft = replace(person_draft(person), weekly_hours=hours)
            self.context.operations.update_person(person, draft)
        except PlannerError as error:
            QMessageBox.warning(self, "Next steps", str(error))

    def save_pending_hours(self) -> None:
        """Store a budget change now instead of after the short delay."""
        if self._save_timer.isActive():
            self._save_timer.stop()
            self._on_save_hours()

    def _on_accept(self, suggestion: Suggestion) -> None:
        person_id = self.context.person.id
        if person_id is None or self.result is None:
            return
        self.save_pending_hours()
        try:
            if suggestion.follow_up is FollowUp.NEW_GOAL:
                accept_suggestion(
                    self.context.operations,
                    person_id,
                    suggestion,
                    self.context.services.clock.today(),
                    self.result.hours_per_week,
                )
            elif suggestion.follow_up is FollowUp.EDIT_GOAL and suggestion.goal_id is not None:
                from planner.gui.dialogs.goal_dialog import GoalDialog

                goal = self.context.services.goals.get(suggestion.goal_id)
                GoalDialog.ask(self, self.context, goal)
            elif suggestion.follow_up is FollowUp.ASSESS:
                from planner.gui.dialogs.assessment_dialog import AssessmentDialog

                AssessmentDialog.ask(self, self.context)
            else:
                from planner.gui.dialogs.learning_dialog import LearningDialog

                LearningDialog.ask(self, self.context)
        except PlannerError as error:
            QMessageBox.warning(self, "Next steps", str(error))

    def _on_snooze(self, suggestion: Suggestion) -> None:
        self._decide(suggestion, DecisionKind.SNOOZED)

    def _on_dismiss(self, suggestion: Suggestion) -> None:
        self._decide(suggestion, DecisionKind.DISMISSED)

    def _decide(self, suggestion: Suggestion, decision: DecisionKind) -> None:
        person_id = self.context.person.id
        if person_id is None:
            return
        today = self.context.services.clock.today()
        until = snooze_until(today) if decision is DecisionKind.SNOOZED else None
        try:
            decide_suggestion(self.context.operations, person_id, suggestion, decision, until)
        except PlannerError as error:
            QMessageBox.warning(self, "Next steps", str(error))

    def bring_back(self, suggestion: Suggestion) -> None:
        """Show a hidden suggestion again (undoable)."""
        person_id = self.context.person.id
        if person_id is not None:
            bring_back(self.context.operations, person_id, suggestion)
