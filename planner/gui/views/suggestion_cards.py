"""Suggestion cards: one explained next step with its buttons, and the Dashboard's top three.

Every text on a card comes from the engine as plain text and is shown as such. Colours
are derived from the palette (see :func:`cards_style`), so light and dark both read well.
A card's text is copied whole with Ctrl+C or its context menu: a dozen cards of
mouse-selectable labels took longer to lay out than the rest of the view.

Signals of :class:`SuggestionCard`: ``accepted(object)``, ``snoozed(object)`` and
``dismissed(object)``, each carrying the card's :class:`Suggestion`.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import (
    QAction,
    QColor,
    QContextMenuEvent,
    QFont,
    QGuiApplication,
    QKeySequence,
    QPalette,
)
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from planner.analysis.next_steps import FollowUp, Suggestion
from planner.analysis.next_steps.acceptance import DEFAULT_SNOOZE_DAYS
from planner.analysis.next_steps.summary import effort_text

HYGIENE_TINT = "#d08a00"  # amber, mixed into the base colour for "tidy your plan" chips
LINE_SPACING = 2  # between the lines of a card's part ("Do": the action and its detail)
PART_SPACING = 6  # between the parts of a card (Do, Why, Source)

ACCEPT_TEXT = {
    FollowUp.NEW_GOAL: "Accept as goal",
    FollowUp.EDIT_GOAL: "Open goal…",
    FollowUp.ASSESS: "New assessment…",
    FollowUp.LOG_LEARNING: "Log learning…",
}
ACCEPT_TIP = {
    FollowUp.NEW_GOAL: "Create an active goal for this step, with the activity as its first"
    " milestone (Undo removes it)",
    FollowUp.EDIT_GOAL: "Open the goal to change its dates, milestones or status",
    FollowUp.ASSESS: "Record a new assessment",
    FollowUp.LOG_LEARNING: "Log a piece of learning",
}


def mix(base: QColor, other: QColor, share: float) -> str:
    """``base`` moved ``share`` of the way toward ``other``, as #rrggbb."""
    parts = zip(
        (base.red(), base.green(), base.blue()),
        (other.red(), other.green(), other.blue()),
        strict=True,
    )
    red, green, blue = (round(a + (b - a) * share) for a, b in parts)
    return QColor(red, green, blue).name()


def cards_style(palette: QPalette) -> str:
    """Card borders and kind chips mixed from the palette, for light and dark alike."""
    role = QPalette.ColorRole
    base, text = palette.color(role.Base), palette.color(role.Text)
    window, window_text = palette.color(role.Window), palette.color(role.WindowText)
    border = mix(window, window_text, 0.25)
    growth = mix(base, palette.color(role.Highlight), 0.22)
    hygiene = mix(base, QColor(HYGIENE_TINT), 0.28)
    rank = mix(base, text, 0.1)
    return (
        f'QFrame[suggestionCard="true"], QFrame[planPanel="true"] {{ border: 1px solid {border};'
        f" border-radius: 6px; background: {base.name()}; }}"
        f' QLabel[kindChip="growth"] {{ background: {growth}; border-radius: 3px;'
        " padding: 1px 6px; }"
        f' QLabel[kindChip="hygiene"] {{ background: {hygiene}; border-radius: 3px;'
        " padding: 1px 6px; }"
        f' QLabel[rankBadge="true"] {{ background: {rank}; border-radius: 11px; }}'
    )


def text_label(
    text: str = "", *, muted: bool = False, wrap: bool = True, selectable: bool = False
) -> QLabel:
    """A label that shows its text literally (never as HTML).

    Selectable labels lay out through a text document, several times slower: only
    single long texts are made selectable (cards copy their text whole instead).
    """
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(wrap)
    if selectable:
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if muted:
        label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
    return label


def styled_font(
    base: QFont, factor: float = 1.0, *, bold: bool = False, italic: bool = False
) -> QFont:
    """``base`` scaled, and bold or italic as asked."""
    font = QFont(base)
    font.setPointSizeF(base.pointSizeF() * factor)
    font.setBold(bold)
    font.setItalic(italic)
    return font


def kind_chip(suggestion: Suggestion) -> QLabel:
    """The small tag naming the rule, tinted by whether it grows you or tidies the plan."""
    chip = text_label(
        f"{suggestion.kind.label} · {effort_text(suggestion.effort_hours)}", wrap=False
    )
    chip.setObjectName("kindChip")
    chip.setProperty("kindChip", "hygiene" if suggestion.kind.is_hygiene else "growth")
    chip.setFont(styled_font(chip.font(), 0.9))
    chip.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
    return chip


def card_text(suggestion: Suggestion) -> str:
    """A suggestion as plain text, the way a card shows it (for the clipboard)."""
    source = suggestion.source
    what = suggestion.action
    if suggestion.action_detail:
        what += f"\n{suggestion.action_detail}"
    return (
        f"{suggestion.title}\n{suggestion.kind.label} · {effort_text(suggestion.effort_hours)}\n"
        f"Do: {what}\nWhy: {suggestion.rationale}\n"
        f"Source: “{source.quote}” ({source.section} · {source.document})"
    )


def rank_badge(rank: int) -> QLabel:
    """The suggestion's place in the list, in a small round badge."""
    badge = QLabel(str(rank))
    badge.setProperty("rankBadge", True)
    badge.setAlignment(Qt.AlignmentFlag.AlignCenter)
    badge.setFixedSize(22, 22)
    badge.setFont(styled_font(badge.font(), 0.9, bold=True))
    return badge


class SuggestionCard(QFrame):
    """One suggestion: title, what to do, why, its source, and Accept / Snooze / Dismiss.

    Public parts (for keyboard use and tests): ``title``, ``action``, ``detail``, ``why``,
    ``quote``, ``citation``, ``accept_button``, ``snooze_button``, ``dismiss_button``,
    ``copy_action`` (Ctrl+C while focus is on the card, or its context menu).
    """

    accepted = Signal(object)
    snoozed = Signal(object)
    dismissed = Signal(object)

    def __init__(self, rank: int, suggestion: Suggestion, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.suggestion = suggestion
        self.setObjectName("suggestionCard")
        self.setProperty("suggestionCard", True)
        self.setAccessibleName(f"Suggestion {rank}: {suggestion.title}")
        self.title = text_label(suggestion.title)
        self.title.setObjectName("suggestionTitle")
        self.title.setFont(styled_font(self.font(), 1.12, bold=True))
        self.action = text_label(suggestion.action)
        self.action.setObjectName("suggestionAction")
        self.action.setFont(styled_font(self.font(), bold=True))
        self.detail = text_label(suggestion.action_detail)
        if not suggestion.action_detail:
            self.detail.hide()  # not setVisible(True): without a parent it would be a window
        self.why = text_label(suggestion.rationale)
        self.why.setObjectName("suggestionWhy")
        source = suggestion.source
        self.quote = text_label(f"“{source.quote}”", muted=True)
        self.quote.setFont(styled_font(self.font(), italic=True))
        self.citation = text_label(f"{source.section} · {source.document}", muted=True)
        self.citation.setFont(styled_font(self.font(), 0.9))
        self.accept_button = QPushButton(ACCEPT_TEXT[suggestion.follow_up])
        self.accept_button.setToolTip(ACCEPT_TIP[suggestion.follow_up])
        self.snooze_button = QPushButton(f"Snooze {DEFAULT_SNOOZE_DAYS} days")
        self.snooze_button.setToolTip("Hide it for a month, or until its figures change")
        self.dismiss_button = QPushButton("Dismiss")
        self.dismiss_button.setToolTip("Hide it until the figures behind it change")
        for button, verb in (
            (self.accept_button, ACCEPT_TEXT[suggestion.follow_up].rstrip("…")),
            (self.snooze_button, "Snooze"),
            (self.dismiss_button, "Dismiss"),
        ):
            button.setAccessibleName(f"{verb}: {suggestion.title}")
        self._build(rank, suggestion)
        self.copy_action = QAction("&Copy text", self)
        self.copy_action.setShortcut(QKeySequence.StandardKey.Copy)
        self.copy_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.copy_action.triggered.connect(self._on_copy)
        self.addAction(self.copy_action)
        self.accept_button.clicked.connect(self._on_accept)
        self.snooze_button.clicked.connect(self._on_snooze)
        self.dismiss_button.clicked.connect(self._on_dismiss)

    def _build(self, rank: int, suggestion: Suggestion) -> None:
        head = QHBoxLayout()
        head.setSpacing(10)
        head.addWidget(rank_badge(rank), 0, Qt.AlignmentFlag.AlignTop)
        head.addWidget(self.title, 1)
        head.addWidget(kind_chip(suggestion), 0, Qt.AlignmentFlag.AlignTop)
        # Every line in one grid: with a layout per part, each wrapped label was asked
        # its height for several widths dozens of times, half the time of opening the
        # view. A part's first line keeps its distance from the part above by a margin.
        grid = QGridLayout()
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(LINE_SPACING)
        grid.setColumnStretch(1, 1)
        parts: tuple[tuple[str, tuple[QLabel, ...]], ...] = (
            ("Do", (self.action, self.detail)),
            ("Why", (self.why,)),
            ("Source", (self.quote, self.citation)),
        )
        row = 0
        for index, (caption, lines) in enumerate(parts):
            label = text_label(caption, muted=True, wrap=False)
            label.setFont(styled_font(self.font(), 0.9, bold=True))
            if index:
                for widget in (label, lines[0]):
                    widget.setContentsMargins(0, PART_SPACING - LINE_SPACING, 0, 0)
            grid.addWidget(label, row, 0, Qt.AlignmentFlag.AlignTop)
            for line in lines:
                grid.addWidget(line, row, 1)
                row += 1
        buttons = QHBoxLayout()
        buttons.setSpacing(8)
        buttons.addWidget(self.accept_button)
        buttons.addWidget(self.snooze_button)
        buttons.addWidget(self.dismiss_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 12, 14, 12)
        layout.setSpacing(10)
        layout.addLayout(head)
        layout.addLayout(grid)
        layout.addLayout(buttons)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        """Offer to copy the card's text."""
        menu = QMenu(self)
        menu.addAction(self.copy_action)
        menu.exec(event.globalPos())

    def _on_copy(self) -> None:
        QGuiApplication.clipboard().setText(card_text(self.suggestion))

    def _on_accept(self) -> None:
        self.accepted.emit(self.suggestion)

    def _on_snooze(self) -> None:
        self.snoozed.emit(self.suggestion)

    def _on_dismiss(self) -> None:
        self.dismissed.emit(self.suggestion)


class TopSuggestions(QWidget):
    """A short list for the Dashboard: rank, title, what to do; the reason in a tooltip."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("topSuggestions")
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._content = QWidget()
        self._layout.addWidget(self._content)
        self.titles: list[QLabel] = []
        self._apply_palette()

    def _apply_palette(self) -> None:
        style = cards_style(self.palette())
        if style != self.styleSheet():
            self.setStyleSheet(style)

    def changeEvent(self, event: QEvent) -> None:
        """Follow a switch between light and dark palettes."""
        if event.type() == QEvent.Type.PaletteChange:
            self._apply_palette()
        super().changeEvent(event)

    def show_suggestions(self, suggestions: Sequence[Suggestion], total: int) -> None:
        """Show ``suggestions`` (the top few) and how many more the Next steps view holds."""
        self._layout.removeWidget(self._content)
        self._content.hide()
        self._content.deleteLater()
        self._content = QWidget()
        self._layout.addWidget(self._content)
        grid = QGridLayout(self._content)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(10)
        grid.setVerticalSpacing(8)
        grid.setColumnStretch(1, 1)
        self.titles = []
        if not suggestions:
            empty = "Nothing to suggest right now: your plan is in good shape."
            grid.addWidget(text_label(empty, muted=True), 0, 0, 1, 2)
            return
        for index, suggestion in enumerate(suggestions):
            title = text_label(suggestion.title)
            title.setFont(styled_font(self.font(), bold=True))
            title.setToolTip(suggestion.rationale)
            action = text_label(suggestion.action, muted=True)
            action.setToolTip(suggestion.rationale)
            cell = QVBoxLayout()
            cell.setSpacing(1)
            cell.addWidget(title)
            cell.addWidget(action)
            grid.addWidget(rank_badge(index + 1), index, 0, Qt.AlignmentFlag.AlignTop)
            grid.addLayout(cell, index, 1)
            self.titles.append(title)
        more = total - len(suggestions)
        hint = "Next steps (Ctrl+6) explains each one and plans your weeks."
        if more > 0:
            hint = f"{more} more in Next steps (Ctrl+6), with the reasons and your weekly plan."
        grid.addWidget(text_label(hint, muted=True), len(suggestions), 1)
