"""What every view shares: the services to read, the operations to write, the current person.

``CurrentPerson`` lives in :mod:`planner.gui.current_person` (the window makes it
before it paints) and is named here too, where the views have always found it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QFrame, QScrollArea, QVBoxLayout, QWidget

from planner.gui.current_person import CurrentPerson

if TYPE_CHECKING:  # only for annotations: the window shows before these heavy modules load
    from planner.gui.operations import DataChange, Operations
    from planner.services.service_set import Services

__all__ = ["CurrentPerson", "View", "ViewContext", "fill_with_scrolling_page"]


@dataclass(frozen=True)
class ViewContext:
    """The pieces a view needs; passed to each view's constructor."""

    services: Services
    operations: Operations
    person: CurrentPerson


class View(QWidget):
    """Base of the side-bar views: reloads on person change and on relevant data changes.

    Subclasses set ``name`` and ``title`` and implement :meth:`reload`; they override
    :meth:`wants` to ignore changes they do not show.
    """

    name = "view"
    title = "View"

    def __init__(self, context: ViewContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self._stale = True
        context.operations.data_changed.connect(self._on_data_changed)
        context.person.changed.connect(self._on_person_changed)

    def wants(self, change: DataChange) -> bool:
        """Whether ``change`` affects what this view shows (everything by default)."""
        return True

    def reload(self) -> None:
        """Read the current person's data again and show it."""

    def showEvent(self, event: object) -> None:
        """Reload lazily: a hidden view only notes that it is stale."""
        if self._stale:
            self._stale = False
            self.reload()
        super().showEvent(event)  # type: ignore[arg-type]

    def _on_data_changed(self, change: DataChange) -> None:
        if self.wants(change):
            self._mark_stale()

    def _on_person_changed(self, _person_id: object) -> None:
        self._mark_stale()

    def _mark_stale(self) -> None:
        if self.isVisible():
            self.reload()
        else:
            self._stale = True


def fill_with_scrolling_page(view: QWidget, content: QWidget) -> QScrollArea:
    """Make ``content`` the whole of ``view``, scrolling down (never sideways) when tall.

    Card pages reflow to the width, so a sideways scroll bar would only hide that.
    """
    from PySide6.QtCore import Qt  # not at import: the window's frame paints without it

    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    area.setWidget(content)
    layout = QVBoxLayout(view)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(area)
    return area
