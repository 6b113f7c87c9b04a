"""The side bar's views by name and title, without importing them.

The window paints its side bar, menus and the frame of the last view from this list
before the view modules (and the services, SQLAlchemy and the rest they import) are
loaded; :meth:`ViewEntry.load` imports a view's class once the database is open.
``tests/gui/test_view_catalogue.py`` checks each entry against its class.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from planner.gui.views.base import View


class ViewEntry(NamedTuple):
    """One view of the side bar: its name and title, and where its class lives."""

    name: str
    title: str
    module: str
    class_name: str

    def load(self) -> type[View]:
        """The view's class (importing its module the first time)."""
        view_class: type[View] = getattr(importlib.import_module(self.module), self.class_name)
        return view_class


def _entry(name: str, title: str, module: str, class_name: str) -> ViewEntry:
    return ViewEntry(name, title, f"planner.gui.views.{module}", class_name)


MENTEES = "mentees"
VIEW_CATALOGUE: tuple[ViewEntry, ...] = (
    _entry("dashboard", "Dashboard", "dashboard", "DashboardView"),
    _entry("skills_view", "Skills", "skills_view", "SkillsView"),
    _entry("goals_view", "Goals", "goals_view", "GoalsView"),
    _entry("learning_view", "Learning log", "learning_view", "LearningView"),
    _entry("progress", "Progress", "progress_view", "ProgressView"),
    _entry("next_steps", "Next steps", "next_steps_view", "NextStepsView"),
    _entry("plan", "Plan", "plan_view", "PlanView"),
    _entry("framework_view", "Framework", "framework_view", "FrameworkView"),
    # In the side bar only while the database holds more than one person.
    _entry(MENTEES, "Mentees", "mentees_view", "MenteesView"),
)
