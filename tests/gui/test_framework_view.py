"""The Framework view: browsing the framework, choosing a target profile, importing a ladder."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from planner.framework.loader import BUILTIN_FRAMEWORK_FILE
from planner.gui.operations import DataChange, DataKind
from planner.gui.skills_tree_model import ID_ROLE, FrameworkTreeModel, LevelDescriptorModel
from planner.gui.views.base import ViewContext
from planner.gui.views.framework_view import FrameworkView
from planner.resources import frameworks_dir

# The offscreen platform (used by the tests) cannot pass a window's size limits on.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def show_view(qtbot: QtBot, context: ViewContext) -> FrameworkView:
    view = FrameworkView(context)
    qtbot.addWidget(view)
    view.resize(1024, 700)
    with qtbot.waitExposed(view):
        view.show()
    return view


def person_id(context: ViewContext) -> int:
    assert context.person.id is not None
    return context.person.id


def builtin_data() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(
        (frameworks_dir() / BUILTIN_FRAMEWORK_FILE).read_text("utf-8")
    )
    return data


@pytest.fixture
def warnings(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Texts of the warning boxes the view would have shown."""
    shown: list[str] = []

    def fake_warning(_parent: QWidget, _title: str, text: str, *_args: object) -> int:
        shown.append(text)
        return int(QMessageBox.StandardButton.Ok.value)

    monkeypatch.setattr(QMessageBox, "warning", fake_warning)
    return shown


def test_item_models_pass_the_model_tester(
    qtbot: QtBot, qtmodeltester: ModelTester, context: ViewContext
) -> None:
    view = show_view(qtbot, context)
    qtmodeltester.check(view.model)
    qtmodeltester.check(view.details.levels_model)
    qtmodeltester.check(FrameworkTreeModel())
    qtmodeltester.check(LevelDescriptorModel())


def test_the_builtin_framework_has_20_competencies_in_9_areas(
    qtbot: QtBot, context: ViewContext
) -> None:
    view = show_view(qtbot, context)
    model = view.model
    assert model.rowCount() == 9
    assert sum(model.rowCount(model.index(row, 0)) for row in range(9)) == 20
    assert view.framework_label.text() == "Senior ML developer · version 1.0.0 (built in)"
    assert view.profile_box.currentText() == "Senior ML developer"
    assert "senior" in view.profile_description.text().lower()


def test_a_competency_shows_description_levels_and_sources(
    qtbot: QtBot, context: ViewContext
) -> None:
    view = show_view(qtbot, context)
    index = view.model.index_of("mentoring")
    view.tree.scrollTo(index)
    qtbot.mouseClick(
        view.tree.viewport(),
        Qt.MouseButton.LeftButton,
        pos=view.tree.visualRect(index).center(),
    )

    details = view.details
    assert details.name_label.text() == "Mentoring"
    assert details.description_label.text().startswith("Helping less experienced")
    levels = details.levels_model
    rows = [levels.index(r, levels.COL_LEVEL).data() for r in range(levels.rowCount())]
    latest = context.services.assessments.latest(person_id(context))
    assert latest is not None
    current = latest.levels["mentoring"]
    assert rows[current - 1].endswith("Your level")
    assert rows[3] == "4 · Senior\nTarget"
    assert rows[4] == "5 · Beyond senior"
    descriptor = levels.index(0, levels.COL_DESCRIPTOR).data()
    assert descriptor.startswith("I ask for and use mentoring")
    sources = details.sources.text()
    assert "section “Leadership and Mentorship”" in sources
    assert "“Senior developers are often tasked with leading projects" in sources


def test_switching_the_target_profile_updates_the_person_and_undo_restores_it(
    qtbot: QtBot, context: ViewContext
) -> None:
    view = show_view(qtbot, context)
    people = context.services.people
    before = people.get(person_id(context))
    target = view.model.index_of("mentoring").siblingAtColumn(FrameworkTreeModel.COL_TARGET)
    assert target.data() == "4 · Senior"

    view.profile_box.setFocus()
    with qtbot.waitSignal(context.operations.data_changed):
        qtbot.keyClick(view.profile_box, Qt.Key.Key_Down)

    changed = people.get(person_id(context))
    assert changed.target_profile_id == "lead-specialised-projects"
    assert changed.name == before.name and changed.target_date == before.target_date
    assert view.profile_box.currentData() == "lead-specialised-projects"
    target = view.model.index_of("mentoring").siblingAtColumn(FrameworkTreeModel.COL_TARGET)
    profile = context.services.frameworks.get("senior-ml-developer").profile(
        "lead-specialised-projects"
    )
    assert target.data().startswith(f"{profile.targets['mentoring']} · ")

    with qtbot.waitSignal(context.operations.data_changed):
        context.operations.undo_stack.undo()

    restored = people.get(person_id(context))
    assert restored.version == before.version + 2  # each save counts, the undo too
    assert replace(restored, version=before.version) == before
    assert view.profile_box.currentData() == "senior-ml-developer"


def test_selection_survives_a_profile_switch(qtbot: QtBot, context: ViewContext) -> None:
    view = show_view(qtbot, context)
    index = view.model.index_of("ai-ethics")
    view.tree.scrollTo(index)
    qtbot.mouseClick(
        view.tree.viewport(),
        Qt.MouseButton.LeftButton,
        pos=view.tree.visualRect(index).center(),
    )
    view.profile_box.setFocus()
    qtbot.keyClick(view.profile_box, Qt.Key.Key_End)
    assert view.tree.currentIndex().data(ID_ROLE) == "ai-ethics"
    assert view.details.name_label.text() == "AI ethics and responsible ML"


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("{ not json", "not valid JSON"),
        ("BROKEN_DESCRIPTORS", "descriptors"),
    ],
)
def test_a_broken_framework_file_is_explained_and_changes_nothing(
    qtbot: QtBot,
    context: ViewContext,
    tmp_path: Path,
    warnings: list[str],
    content: str,
    expected: str,
) -> None:
    if content == "BROKEN_DESCRIPTORS":
        data = builtin_data()
        data.update(id="acme-ladder", name="Acme ML ladder")
        del data["areas"][0]["competencies"][0]["descriptors"]["3"]
        content = json.dumps(data)
    path = tmp_path / "ladder.json"
    path.write_text(content, encoding="utf-8")
    view = show_view(qtbot, context)
    available = context.services.frameworks.available()

    with qtbot.assertNotEmitted(context.operations.data_changed):
        assert view.import_framework_file(path) is False

    assert len(warnings) == 1
    assert str(path) in warnings[0]
    assert expected in warnings[0]
    assert context.services.frameworks.available() == available
    assert view.note_label.isHidden()


def test_a_valid_custom_framework_is_imported(
    qtbot: QtBot, context: ViewContext, tmp_path: Path, warnings: list[str]
) -> None:
    data = builtin_data()
    data.update(id="acme-ladder", name="Acme ML ladder", version="2026.1")
    path = tmp_path / "acme.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    view = show_view(qtbot, context)

    with qtbot.waitSignal(context.operations.data_changed) as blocker:
        assert view.import_framework_file(path) is True

    change = blocker.args[0] if blocker.args else None
    assert change == DataChange(frozenset({DataKind.FRAMEWORKS}), None)
    assert warnings == []
    ids = [info.id for info in context.services.frameworks.available()]
    assert ids == ["senior-ml-developer", "acme-ladder"]
    assert view.note_label.isVisible()
    assert "Acme ML ladder" in view.note_label.text()
    # The person still uses their own framework.
    assert view.framework_label.text().startswith("Senior ML developer")
