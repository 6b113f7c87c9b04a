"""The view catalogue names each view as its class does, so the frame shows the real titles."""

from __future__ import annotations

from planner.gui.views.base import View
from planner.gui.views.catalogue import MENTEES, VIEW_CATALOGUE


def test_each_entry_loads_its_view_class_with_the_same_name_and_title() -> None:
    for entry in VIEW_CATALOGUE:
        view_class = entry.load()
        assert issubclass(view_class, View)
        assert (view_class.name, view_class.title) == (entry.name, entry.title)


def test_names_are_unique_and_mentees_come_last() -> None:
    names = [entry.name for entry in VIEW_CATALOGUE]
    assert len(set(names)) == len(names)
    assert names[-1] == MENTEES  # the row the side bar hides while there is one person
