"""The Dashboard: readiness, deadlines, recent learning and hours, as cards that reflow.

The cards sit in columns whose number follows the width (one, two or three), each
column stacking its cards so a tall card does not leave holes beside it. The
frames named ``radarSlot`` (radar and readiness trend) and ``nextStepsSlot`` hold
the charts and the top next steps.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QColor, QFont, QPalette, QResizeEvent
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLayout,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from planner.analysis.learning_stats import comparison_start, monthly_hours
from planner.analysis.person_readiness import PersonReadiness, person_readiness
from planner.errors import NotFoundError
from planner.gui.charts.dashboard_charts import DashboardCharts
from planner.gui.next_steps_cache import NextStepsCache
from planner.gui.operations import DataChange
from planner.gui.views.base import View, ViewContext, fill_with_scrolling_page
from planner.gui.views.suggestion_cards import TopSuggestions
from planner.services.records import AssessmentRecord, GoalRecord, LearningRecord, PersonRecord
from planner.vocabulary import RaterKind

if TYPE_CHECKING:
    from planner.analysis.next_steps import NextSteps

DEADLINE_DAYS = 60
MAX_ROWS = 6
TOP_NEXT_STEPS = 3
BAR_HEIGHT = 10
MARGIN = 16
SPACING = 12
TWO_COLUMNS_FROM = 620
THREE_COLUMNS_FROM = 1280

OVERDUE_STYLE = (
    "color: palette(bright-text); background: #b3261e; padding: 1px 6px; border-radius: 3px;"
)

# Which cards each column holds, by number of columns (names as in DashboardView.cards).
ARRANGEMENTS: dict[int, tuple[tuple[str, ...], ...]] = {
    1: (("readiness", "deadlines", "learning", "hours", "radar", "next_steps"),),
    2: (("readiness", "hours", "radar"), ("deadlines", "learning", "next_steps")),
    3: (("readiness", "hours"), ("deadlines", "learning"), ("radar", "next_steps")),
}


def blend(base: QColor, other: QColor, share: float) -> str:
    """``base`` moved ``share`` of the way toward ``other``, as #rrggbb."""
    start = (base.red(), base.green(), base.blue())
    end = (other.red(), other.green(), other.blue())
    red, green, blue = (round(a + (b - a) * share) for a, b in zip(start, end, strict=True))
    return QColor(red, green, blue).name()


def dashboard_style(palette: QPalette) -> str:
    """Card borders and bar tracks derived from the palette, so any light or dark one works.

    Mixing text into the background keeps them visible whatever roles a palette sets
    (a dark palette often leaves ``Mid`` at its light default).
    """
    role = QPalette.ColorRole
    base, text = palette.color(role.Base), palette.color(role.Text)
    border = blend(palette.color(role.Window), palette.color(role.WindowText), 0.25)
    track = blend(base, text, 0.12)
    return (
        f'QFrame[dashboardCard="true"] {{ border: 1px solid {border}; border-radius: 6px;'
        f" background: {base.name()}; }}"
        f" QProgressBar {{ border: none; border-radius: 3px; background: {track}; }}"
        " QProgressBar::chunk { border-radius: 3px; background: palette(highlight); }"
    )


def percent(value: float) -> str:
    """A share as a whole percentage, e.g. 0.7307 -> "73%"."""
    return f"{round(value * 100)}%"


def columns_for(width: int) -> int:
    """How many card columns fit in ``width`` pixels."""
    if width >= THREE_COLUMNS_FROM:
        return 3
    return 2 if width >= TWO_COLUMNS_FROM else 1


def heading_text(person: PersonRecord, profile_name: str) -> str:
    """E.g. "Alex Rivera — toward Senior ML developer, target date 2027-09-30"."""
    text = f"{person.name} — toward {profile_name}"
    if person.target_date is not None:
        text += f", target date {person.target_date.isoformat()}"
    return text


def upcoming_deadlines(goals: Sequence[GoalRecord], today: date) -> list[GoalRecord]:
    """Open goals overdue or due within :data:`DEADLINE_DAYS`, soonest first."""
    horizon = today + timedelta(days=DEADLINE_DAYS)
    dated = [(g.due_date, g.id, g) for g in goals if g.status.is_open and g.due_date]
    return [goal for due, _id, goal in sorted(dated) if due <= horizon]


def assessment_text(assessment: AssessmentRecord) -> str:
    """E.g. "Self-assessment of 2026-10-08" or "Assessment by Priya Shah on 2026-10-08"."""
    day = assessment.assessed_on.isoformat()
    if assessment.rater_kind is RaterKind.SELF:
        return f"Self-assessment of {day}"
    return f"Assessment by {assessment.rater_label} on {day}"


def when_text(due: date, today: date) -> str:
    """How far off a due date is, in words."""
    days = (due - today).days
    if days < 0:
        return f"{-days} day{'s' if days != -1 else ''} overdue"
    if days == 0:
        return "due today"
    if days == 1:
        return "due tomorrow"
    return f"in {days} days"


def plain_label(text: str = "", *, wrap: bool = False, muted: bool = False) -> QLabel:
    """A label that never interprets HTML."""
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(wrap)
    if muted:
        label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
    return label


def scaled_font(base: QFont, factor: float, bold: bool = True) -> QFont:
    """``base`` made ``factor`` times larger (and bold)."""
    font = QFont(base)
    font.setPointSizeF(base.pointSizeF() * factor)
    font.setBold(bold)
    return font


def clear_layout(layout: QLayout) -> None:
    """Remove and delete every widget of ``layout``.

    ``removeWidget`` deletes the layout item too; an item taken with ``takeAt`` would
    linger and keep the widget's next layout item from seeing size changes.
    """
    items = [layout.itemAt(i) for i in range(layout.count())]
    for widget in [item.widget() for item in items if item is not None]:
        if widget is not None:
            layout.removeWidget(widget)
            widget.setParent(None)
            widget.deleteLater()


class Card(QFrame):
    """A bordered box with a bold heading; content is added with :meth:`add`."""

    def __init__(self, heading: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("dashboardCard", True)
        self.heading = plain_label(heading)
        self.heading.setFont(scaled_font(self.font(), 1.15))
        self.body = QVBoxLayout(self)
        self.body.setContentsMargins(14, 12, 14, 14)
        self.body.setSpacing(8)
        self.body.addWidget(self.heading)
        self.body.addStretch(1)  # content stays at the top when the card is stretched

    def add(self, widget: QWidget, stretch: int = 0) -> None:
        """Append ``widget`` to the card's content (above the closing stretch)."""
        self.body.insertWidget(self.body.count() - 1, widget, stretch)


class RowList(QWidget):
    """Up to a few rows of labels in aligned columns, or a message when there are none."""

    def __init__(self, empty_text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setHorizontalSpacing(12)
        self.grid.setVerticalSpacing(6)
        self.empty_text = empty_text

    def set_rows(self, rows: Sequence[Sequence[QWidget]], stretch_column: int = 1) -> None:
        """Replace the rows; each row is one widget per column."""
        clear_layout(self.grid)
        if not rows:
            self.grid.addWidget(plain_label(self.empty_text, wrap=True, muted=True), 0, 0)
            self.grid.setColumnStretch(stretch_column, 0)
            return
        for row, widgets in enumerate(rows):
            for column, widget in enumerate(widgets):
                align = Qt.AlignmentFlag.AlignTop
                if column == len(widgets) - 1 and column != stretch_column:
                    align |= Qt.AlignmentFlag.AlignRight
                self.grid.addWidget(widget, row, column, align)
        self.grid.setColumnStretch(stretch_column, 1)


class ReadinessCard(Card):
    """Overall readiness in big figures and a bar per area; an invitation before any rating."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Readiness", parent)
        self.percent_label = plain_label()
        self.percent_label.setObjectName("readinessPercent")
        self.percent_label.setFont(scaled_font(self.font(), 2.6))
        self.caption = plain_label(wrap=True, muted=True)
        top = QHBoxLayout()
        top.setSpacing(14)
        top.addWidget(self.percent_label)
        top.addWidget(self.caption, 1)
        self.areas = QGridLayout()
        self.areas.setHorizontalSpacing(12)
        self.areas.setVerticalSpacing(6)
        self.areas.setColumnStretch(1, 1)
        self.filled = QWidget()
        filled_layout = QVBoxLayout(self.filled)
        filled_layout.setContentsMargins(0, 0, 0, 0)
        filled_layout.addLayout(top)
        filled_layout.addLayout(self.areas)
        self.empty_label = plain_label(wrap=True)
        self.new_assessment_button = QPushButton("New assessment…")
        self.new_assessment_button.setSizePolicy(
            QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed
        )
        self.empty = QWidget()
        empty_layout = QVBoxLayout(self.empty)
        empty_layout.setContentsMargins(0, 0, 0, 0)
        empty_layout.addWidget(self.empty_label)
        empty_layout.addWidget(self.new_assessment_button)
        self.add(self.filled)
        self.add(self.empty)
        self.area_bars: dict[str, QProgressBar] = {}

    def show_readiness(self, state: PersonReadiness) -> None:
        """Fill in the figures of ``state`` (or the invitation when it has no assessment)."""
        readiness, latest = state.readiness, state.latest
        self.filled.setVisible(readiness is not None)
        self.empty.setVisible(readiness is None)
        if readiness is None or latest is None:
            self.empty_label.setText(
                "No assessment yet. Rate your competencies once (New assessment, Ctrl+Shift+A)"
                f" to see how far you are from {state.profile.name}, overall and by area."
            )
            return
        self.percent_label.setText(percent(readiness.overall))
        rated = f"{readiness.rated} of {readiness.total} competencies rated"
        self.caption.setText(
            f"of the way to {state.profile.name}\n{assessment_text(latest)} · {rated}"
        )
        self._show_areas(state)

    def _show_areas(self, state: PersonReadiness) -> None:
        assert state.readiness is not None
        clear_layout(self.areas)
        self.area_bars = {}
        for row, area in enumerate(state.readiness.areas):
            name = plain_label(area.name)
            bar = QProgressBar()
            bar.setRange(0, 100)
            bar.setValue(round(area.readiness * 100))
            bar.setTextVisible(False)
            bar.setFixedHeight(BAR_HEIGHT)
            bar.setAccessibleName(f"{area.name} readiness")
            bar.setMinimumWidth(100)
            value = plain_label(percent(area.readiness))
            value.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            value.setMinimumWidth(value.fontMetrics().horizontalAdvance("100%"))
            self.areas.addWidget(name, row, 0)
            self.areas.addWidget(bar, row, 1)
            self.areas.addWidget(value, row, 2)
            self.area_bars[area.name] = bar


class DashboardView(View):
    """Where the current person stands: readiness, deadlines, recent learning, hours."""

    name = "dashboard"
    title = "Dashboard"

    def __init__(self, context: ViewContext, parent: QWidget | None = None) -> None:
        cache = NextStepsCache.of(context.operations)  # before the view connects: see its module
        super().__init__(context, parent)
        self._next_steps = cache
        self._apply_palette()
        self.title_label = plain_label("Dashboard", wrap=True)
        self.title_label.setObjectName("viewTitle")
        self.title_label.setFont(scaled_font(self.font(), 1.5))
        self.readiness_card = ReadinessCard()
        self.deadlines_card = Card("Upcoming deadlines")
        self.deadlines = RowList(f"No open goal is due in the next {DEADLINE_DAYS} days.")
        self.deadlines_card.add(self.deadlines)
        self.deadlines_more = plain_label(muted=True)
        self.deadlines_card.add(self.deadlines_more)
        self.learning_card = Card("Recent learning")
        self.recent = RowList("Nothing logged yet. Log what you learn with Log learning (Ctrl+L).")
        self.learning_card.add(self.recent)
        self.hours_card = Card("Hours this month")
        self.hours_label = plain_label(wrap=True)
        self.hours_label.setObjectName("hoursSummary")
        self.hours_label.setFont(scaled_font(self.font(), 1.1, bold=False))
        self.hours_note = plain_label(wrap=True, muted=True)
        self.hours_card.add(self.hours_label)
        self.hours_card.add(self.hours_note)
        self.radar_slot = Card("Levels against the target")
        self.radar_slot.setObjectName("radarSlot")
        self.radar_charts = DashboardCharts()
        self.radar_slot.add(self.radar_charts)
        self.next_steps_slot = Card("Top next steps")
        self.next_steps_slot.setObjectName("nextStepsSlot")
        self.top_next_steps = TopSuggestions()
        self.next_steps_slot.add(self.top_next_steps)
        self.cards: dict[str, Card] = {
            "readiness": self.readiness_card,
            "deadlines": self.deadlines_card,
            "learning": self.learning_card,
            "hours": self.hours_card,
            "radar": self.radar_slot,
            "next_steps": self.next_steps_slot,
        }
        self._build_layout()
        self.readiness_card.new_assessment_button.clicked.connect(self._on_new_assessment)

    # Layout -----------------------------------------------------------------

    def _build_layout(self) -> None:
        content = QWidget()
        content.setObjectName("dashboardContent")
        outer = QVBoxLayout(content)
        outer.setContentsMargins(MARGIN, MARGIN, MARGIN, MARGIN)
        outer.setSpacing(SPACING)
        outer.addWidget(self.title_label)
        self._row = QHBoxLayout()
        self._row.setSpacing(SPACING)
        self._columns: list[QVBoxLayout] = []
        for _ in range(max(ARRANGEMENTS)):
            column = QVBoxLayout()
            column.setSpacing(SPACING)
            self._row.addLayout(column)
            self._columns.append(column)
        outer.addLayout(self._row)
        outer.addStretch(1)
        self.scroll_area = fill_with_scrolling_page(self, content)
        self.column_count = 0
        self._arrange(2)

    def _arrange(self, count: int) -> None:
        """Put the cards in ``count`` columns (all cards stay children of one widget)."""
        if count == self.column_count:
            return
        self.column_count = count
        for column in self._columns:
            for card in self.cards.values():
                column.removeWidget(card)
        for index, column in enumerate(self._columns):
            names = ARRANGEMENTS[count][index] if index < count else ()
            for position, name in enumerate(names):
                # The last card of each column reaches down to the longest column's end.
                column.insertWidget(position, self.cards[name], int(position == len(names) - 1))
            self._row.setStretch(index, 1 if names else 0)

    def _apply_palette(self) -> None:
        style = dashboard_style(self.palette())
        if style != self.styleSheet():
            self.setStyleSheet(style)

    def changeEvent(self, event: QEvent) -> None:
        """Follow a switch between light and dark palettes."""
        if event.type() == QEvent.Type.PaletteChange:
            self._apply_palette()
        super().changeEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Reflow the cards to the new width."""
        super().resizeEvent(event)
        self._arrange(columns_for(event.size().width() - 2 * MARGIN))

    # Data -------------------------------------------------------------------

    def wants(self, change: DataChange) -> bool:
        """Any change to the current person's records (or to anyone's)."""
        return change.person_id is None or change.person_id == self.context.person.id

    def reload(self) -> None:
        """Read the current person's figures again."""
        person_id = self.context.person.id
        try:
            state = person_readiness(self.context.services, person_id) if person_id else None
            advice = self._next_steps.advice(person_id) if state and person_id else None
        except NotFoundError:  # the person was just removed; the window picks another
            state = advice = None
        for card in self.cards.values():
            card.setVisible(state is not None)
        if state is None or advice is None or person_id is None:
            self.title_label.setText("Dashboard — no one to show yet")
            return
        services = self.context.services
        today = services.clock.today()
        self.title_label.setText(heading_text(state.person, state.profile.name))
        self.readiness_card.show_readiness(state)
        self.radar_charts.show_person(services, person_id)
        # The next steps read the open goals already (and are dropped when goals change).
        self._show_deadlines(upcoming_deadlines(advice.snapshot.goals, today), today)
        self._show_recent(services.learning.list_for(person_id, limit=MAX_ROWS))
        recent = services.learning.list_for(person_id, since=comparison_start(today), until=today)
        self._show_hours(state.person, recent, today)
        self._show_next_steps(advice.result)

    def _show_next_steps(self, advice: NextSteps) -> None:
        self.top_next_steps.show_suggestions(advice.top(TOP_NEXT_STEPS), len(advice.suggestions))

    def _show_deadlines(self, goals: Sequence[GoalRecord], today: date) -> None:
        rows: list[list[QWidget]] = []
        for goal in goals[:MAX_ROWS]:
            assert goal.due_date is not None
            when = plain_label(when_text(goal.due_date, today))
            if goal.is_overdue(today):
                when.setObjectName("overdueBadge")
                when.setStyleSheet(OVERDUE_STYLE)
            else:
                when.setForegroundRole(QPalette.ColorRole.PlaceholderText)
            rows.append(
                [plain_label(goal.due_date.isoformat()), plain_label(goal.title, wrap=True), when]
            )
        self.deadlines.set_rows(rows)
        more = len(goals) - MAX_ROWS
        self.deadlines_more.setText(f"and {more} more in Goals" if more > 0 else "")
        self.deadlines_more.setVisible(more > 0)

    def _show_recent(self, entries: list[LearningRecord]) -> None:
        rows: list[list[QWidget]] = []
        for entry in entries:
            title = plain_label(entry.title, wrap=True)
            title.setToolTip(entry.kind.label)
            rows.append(
                [
                    plain_label(entry.completed_on.isoformat()),
                    title,
                    plain_label(f"{entry.hours:.1f} h"),
                ]
            )
        self.recent.set_rows(rows)

    def _show_hours(self, person: PersonRecord, entries: list[LearningRecord], today: date) -> None:
        # An imported history can be older than the person's record: count from its start.
        since = min([person.created_at.date(), *(e.completed_on for e in entries)])
        figures = monthly_hours(((e.completed_on, e.hours) for e in entries), today, since)
        self.hours_label.setText(figures.summary())
        if person.weekly_hours:
            self.hours_note.setText(f"Your plan: {person.weekly_hours:.1f} h a week.")
        self.hours_note.setVisible(bool(person.weekly_hours))

    # Slots ------------------------------------------------------------------

    def _on_new_assessment(self) -> None:
        from planner.gui.dialogs.assessment_dialog import AssessmentDialog

        AssessmentDialog.ask(self, self.context)
