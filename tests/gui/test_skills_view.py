"""The Skills view and the New assessment dialog, driven like a person would."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt, QTimer
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from planner.gui.dialogs.assessment_dialog import AssessmentDialog
from planner.gui.operations import Operations
from planner.gui.skills_tree_model import (
    ID_ROLE,
    LevelDescriptorModel,
    RatingHistoryModel,
    SkillsTreeModel,
    rating_history,
)
from planner.gui.views.base import CurrentPerson, ViewContext
from planner.gui.views.skills_view import EMPTY_PAGE, SKILLS_PAGE, SkillsView
from planner.services.records import AssessmentRecord, PersonDraft, RatingRecord
from planner.services.service_set import Services
from planner.vocabulary import RaterKind

# The offscreen platform (used by the tests) cannot pass a window's size limits on.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def show_view(qtbot: QtBot, context: ViewContext) -> SkillsView:
    view = SkillsView(context)
    qtbot.addWidget(view)
    view.resize(1024, 700)
    with qtbot.waitExposed(view):
        view.show()
    return view


def open_dialog(qtbot: QtBot, context: ViewContext) -> AssessmentDialog:
    person_id = context.person.id
    assert person_id is not None
    dialog = AssessmentDialog(context, person_id)
    qtbot.addWidget(dialog)
    with qtbot.waitExposed(dialog):
        dialog.show()
    return dialog


def click_ok(qtbot: QtBot, dialog: AssessmentDialog) -> None:
    ok = dialog.button_box.button(QDialogButtonBox.StandardButton.Ok)
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)


def level_text(view: SkillsView, competency_id: str) -> str:
    index = view.model.index_of(competency_id)
    return str(index.siblingAtColumn(SkillsTreeModel.COL_LEVEL).data())


def select(qtbot: QtBot, view: SkillsView, competency_id: str) -> None:
    index = view.proxy.mapFromSource(view.model.index_of(competency_id))
    view.tree.scrollTo(index)
    rect = view.tree.visualRect(index)
    qtbot.mouseClick(view.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert view.tree.currentIndex().data(ID_ROLE) == competency_id


def person_id(context: ViewContext) -> int:
    assert context.person.id is not None
    return context.person.id


# The tree and its details ---------------------------------------------------------


def test_item_models_pass_the_model_tester(
    qtbot: QtBot, qtmodeltester: ModelTester, context: ViewContext
) -> None:
    view = show_view(qtbot, context)
    select(qtbot, view, "mentoring")
    qtmodeltester.check(view.model)
    qtmodeltester.check(view.proxy)
    qtmodeltester.check(view.details.levels_model)
    qtmodeltester.check(view.history_model)
    qtmodeltester.check(SkillsTreeModel())
    qtmodeltester.check(LevelDescriptorModel())
    qtmodeltester.check(RatingHistoryModel())


def test_summary_and_tree_show_levels_targets_gaps_and_hours(
    qtbot: QtBot, context: ViewContext
) -> None:
    view = show_view(qtbot, context)
    services = context.services
    latest = services.assessments.latest(person_id(context))
    assert latest is not None

    assert view.pages.currentIndex() == SKILLS_PAGE
    mentor = services.assessments.latest(person_id(context), RaterKind.MENTOR)
    assert mentor is not None
    assert view.summary_label.text() == (
        f"Readiness 73% toward Senior ML developer · last assessed {latest.assessed_on}"
        f" · mentor Priya Shah, {mentor.assessed_on}: differs on 7"
    )
    model = view.model
    assert model.rowCount() == 9
    assert sum(model.rowCount(model.index(row, 0)) for row in range(9)) == 20
    assert view.tree.isExpanded(view.proxy.index(0, 0))
    assert str(model.index(0, 0).data()).startswith("Technical foundations · ")

    mentoring = model.index_of("mentoring")
    row = {
        column: mentoring.siblingAtColumn(column).data()
        for column in range(SkillsTreeModel.COL_HOURS + 1)
    }
    entries = services.learning.list_for(person_id(context))
    hours = sum(e.hours for e in entries if "mentoring" in e.competency_ids)
    level = latest.levels["mentoring"]
    scale = services.frameworks.get("senior-ml-developer").scale
    assert row == {
        SkillsTreeModel.COL_NAME: "Mentoring",
        SkillsTreeModel.COL_LEVEL: f"{level} · {scale.name_of(level)}",
        SkillsTreeModel.COL_MENTOR: str(mentor.levels["mentoring"]),  # agrees with the latest
        SkillsTreeModel.COL_TARGET: "4",
        SkillsTreeModel.COL_GAP: str(4 - level),
        SkillsTreeModel.COL_LAST: latest.assessed_on.isoformat(),
        SkillsTreeModel.COL_HOURS: f"{hours:,.1f}".removesuffix(".0"),
    }
    target_tip = mentoring.siblingAtColumn(SkillsTreeModel.COL_TARGET)
    assert target_tip.data(Qt.ItemDataRole.ToolTipRole) == "4 · Senior"


def test_gaps_are_marked_bold_and_coloured(qtbot: QtBot, context: ViewContext) -> None:
    view = show_view(qtbot, context)
    gap = view.model.index_of("mentoring").siblingAtColumn(SkillsTreeModel.COL_GAP)
    met = view.model.index_of("python-programming").siblingAtColumn(SkillsTreeModel.COL_GAP)
    assert gap.data() != "0"
    assert gap.data(Qt.ItemDataRole.ForegroundRole) is not None
    assert gap.data(Qt.ItemDataRole.FontRole).bold()
    assert met.data() == "0"
    assert met.data(Qt.ItemDataRole.ForegroundRole) is None


def test_selecting_a_competency_shows_descriptors_sources_and_history(
    qtbot: QtBot, context: ViewContext
) -> None:
    view = show_view(qtbot, context)
    select(qtbot, view, "mentoring")

    details = view.details
    assert details.name_label.text() == "Mentoring"
    assert details.area_label.text() == "Leadership and mentorship"
    levels = details.levels_model
    assert levels.rowCount() == 5
    current = context.services.assessments.latest(person_id(context))
    assert current is not None
    current_row = current.levels["mentoring"] - 1
    assert "Your level" in str(levels.index(current_row, levels.COL_LEVEL).data())
    assert "Target" in str(levels.index(3, levels.COL_LEVEL).data())
    assert levels.index(3, levels.COL_LEVEL).data(Qt.ItemDataRole.BackgroundRole) is not None
    assert "“" in details.sources.text() and "section “" in details.sources.text()

    assessments = context.services.assessments.list_for(person_id(context))
    history = view.history_model
    assert history.rowCount() == len(assessments)
    newest = history.index(0, RatingHistoryModel.COL_DATE).data()
    assert newest == assessments[-1].assessed_on.isoformat()
    raters = {
        history.index(r, RatingHistoryModel.COL_RATER).data() for r in range(len(assessments))
    }
    assert "Self" in raters and len(raters) == 2  # self-ratings and the mentor's


def test_selecting_an_area_shows_its_summary(qtbot: QtBot, context: ViewContext) -> None:
    view = show_view(qtbot, context)
    area = view.proxy.index(4, 0)
    qtbot.mouseClick(
        view.tree.viewport(), Qt.MouseButton.LeftButton, pos=view.tree.visualRect(area).center()
    )
    assert view.details.name_label.text() == "Leadership and mentorship"
    assert "readiness" in view.details.area_label.text()
    assert view.details.levels_list.isHidden()
    assert view.history_table.isHidden()


def test_columns_and_history_rows_fit_their_contents(qtbot: QtBot, context: ViewContext) -> None:
    view = show_view(qtbot, context)
    select(qtbot, view, "mentoring")
    tree, header = view.tree, view.tree.header()
    for column in range(1, header.count()):
        measured = max(tree.sizeHintForColumn(column), header.sectionSizeHint(column))
        assert tree.fitted_width(column) == measured
        if not header.isSectionHidden(column):
            assert header.sectionSize(column) == measured

    table = view.history_table
    shortest = table.verticalHeader().minimumSectionSize()

    def rows_fit() -> bool:
        rows = range(table.model().rowCount())
        return all(table.rowHeight(r) == max(table.sizeHintForRow(r), shortest) for r in rows)

    assert rows_fit()
    tallest = max(table.rowHeight(r) for r in range(table.model().rowCount()))
    view.splitter.setSizes([350, 650])  # a wider panel: the evidence wraps less
    qtbot.waitUntil(rows_fit)
    assert max(table.rowHeight(r) for r in range(table.model().rowCount())) < tallest


def test_a_reload_fills_the_details_once(qtbot: QtBot, context: ViewContext) -> None:
    view = show_view(qtbot, context)
    resets: list[bool] = []
    view.history_model.modelReset.connect(lambda: resets.append(True))
    view.reload()
    assert resets == [True]


def test_details_show_each_competency_s_own_levels_and_sources(
    qtbot: QtBot, context: ViewContext
) -> None:
    view = show_view(qtbot, context)
    framework = context.services.frameworks.get("senior-ml-developer")
    for competency_id in ("project-leadership", "ai-ethics", "mentoring", "ai-ethics"):
        select(qtbot, view, competency_id)
        competency = framework.competency(competency_id)
        shown = view.details.sources.text().splitlines()
        assert len(shown) == 2 * len(competency.sources)
        assert shown[1::2] == [f"“{ref.quote}”" for ref in competency.sources]
        blocks = view.details.levels_list.blocks
        assert len(blocks) == 5 and all(block.isVisibleTo(view) for block in blocks)
        texts = view.details.levels_list.text().splitlines()
        assert texts[1::2] == [competency.descriptors[level] for level in range(1, 6)]
        model = view.details.levels_model
        marked = [model.mark(level) != "" for level in range(1, 6)]
        assert [block.autoFillBackground() for block in blocks] == marked


# The New assessment dialog ------------------------------------------------------


def test_dialog_is_prefilled_from_the_latest_assessment(qtbot: QtBot, context: ViewContext) -> None:
    dialog = open_dialog(qtbot, context)
    latest = context.services.assessments.latest(person_id(context))
    assert latest is not None
    shown = {cid: box.currentData() for cid, box in dialog.level_boxes.items()}
    assert shown == latest.levels
    assert len(shown) == 20
    assert dialog.date_edit.date().toString("yyyy-MM-dd") == "2026-11-21"
    assert not dialog.rater_name_edit.isEnabled()


def test_descriptor_follows_the_chosen_level(qtbot: QtBot, context: ViewContext) -> None:
    dialog = open_dialog(qtbot, context)
    framework = dialog.framework
    box = dialog.level_boxes["python-programming"]
    label = dialog.descriptor_labels["python-programming"]
    descriptors = framework.competency("python-programming").descriptors
    assert label.text() == descriptors[box.currentData()]

    box.setFocus()
    qtbot.keyClick(box, Qt.Key.Key_Up)

    assert label.text() == descriptors[box.currentData()]
    assert label.textFormat() == Qt.TextFormat.PlainText


def test_enter_saves_the_assessment(qtbot: QtBot, context: ViewContext) -> None:
    count = len(context.services.assessments.list_for(person_id(context)))
    dialog = open_dialog(qtbot, context)
    evidence = dialog.evidence_edits["python-programming"]
    evidence.setFocus()
    qtbot.keyClicks(evidence, "Led the packaging refactor")
    qtbot.keyClick(evidence, Qt.Key.Key_Return)

    assert dialog.result() == QDialog.DialogCode.Accepted
    assert len(context.services.assessments.list_for(person_id(context))) == count + 1


def test_the_wheel_scrolls_the_form_instead_of_changing_an_unfocused_level(
    qtbot: QtBot, context: ViewContext
) -> None:
    dialog = open_dialog(qtbot, context)
    box = dialog.level_boxes["model-deployment"]
    level = box.currentData()
    dialog.button_box.setFocus()
    event = QWheelEvent(
        QPointF(5, 5),
        QPointF(box.mapToGlobal(QPoint(5, 5))),
        QPoint(),
        QPoint(0, -120),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(box, event)
    assert box.currentData() == level
    assert not event.isAccepted()


def test_second_assessment_is_stored_beside_the_first(qtbot: QtBot, context: ViewContext) -> None:
    view = show_view(qtbot, context)
    services = context.services
    before = services.assessments.list_for(person_id(context))
    dialog = open_dialog(qtbot, context)
    old_mentoring = dialog.level_boxes["mentoring"].currentData()
    old_comms = dialog.level_boxes["stakeholder-communication"].currentData()

    for competency_id in ("mentoring", "stakeholder-communication"):
        box = dialog.level_boxes[competency_id]
        box.setFocus()
        qtbot.keyClick(box, Qt.Key.Key_Down)
    qtbot.keyClicks(dialog.evidence_edits["mentoring"], "Mentored two interns")
    with qtbot.waitSignal(context.operations.data_changed):
        click_ok(qtbot, dialog)

    assert dialog.result() == QDialog.DialogCode.Accepted
    after = services.assessments.list_for(person_id(context))
    assert after[:-1] == before
    new = after[-1]
    assert dialog.record == new
    assert new.assessed_on == date(2026, 11, 21)
    assert new.rater_kind is RaterKind.SELF
    assert len(new.ratings) == 20
    assert new.levels["mentoring"] == old_mentoring + 1
    assert new.levels["stakeholder-communication"] == old_comms + 1
    evidence = {r.competency_id: r.evidence for r in new.ratings}
    assert evidence["mentoring"] == "Mentored two interns"
    assert level_text(view, "mentoring") == (
        f"{old_mentoring + 1} · {dialog.framework.scale.name_of(old_mentoring + 1)}"
    )
    assert "last assessed 2026-11-21" in view.summary_label.text()


def test_mentor_without_a_name_is_told_next_to_the_name_field(
    qtbot: QtBot, context: ViewContext
) -> None:
    services = context.services
    count = len(services.assessments.list_for(person_id(context)))
    dialog = open_dialog(qtbot, context)
    dialog.rater_box.setFocus()
    qtbot.keyClick(dialog.rater_box, Qt.Key.Key_Down)
    assert dialog.rater_name_edit.isEnabled()
    assert dialog.rater_name_edit.text() == "Priya Shah"  # the mentor who rated last
    dialog.rater_name_edit.clear()

    click_ok(qtbot, dialog)

    error = dialog.error_labels["rater_name"]
    assert error.isVisible()
    assert "mentor's name" in error.text()
    assert dialog.isVisible()
    assert dialog.record is None
    assert len(services.assessments.list_for(person_id(context))) == count

    qtbot.keyClicks(dialog.rater_name_edit, "Priya Shah")
    click_ok(qtbot, dialog)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.record is not None and dialog.record.rater_label == "Priya Shah"


def test_undo_removes_the_new_assessment(qtbot: QtBot, context: ViewContext) -> None:
    view = show_view(qtbot, context)
    services = context.services
    before = services.assessments.list_for(person_id(context))
    old_level = level_text(view, "mentoring")
    dialog = open_dialog(qtbot, context)
    box = dialog.level_boxes["mentoring"]
    box.setFocus()
    qtbot.keyClick(box, Qt.Key.Key_Down)
    click_ok(qtbot, dialog)
    assert level_text(view, "mentoring") != old_level

    with qtbot.waitSignal(context.operations.data_changed):
        context.operations.undo_stack.undo()

    assert services.assessments.list_for(person_id(context)) == before
    assert level_text(view, "mentoring") == old_level


# A person with no assessment yet ---------------------------------------------------


@pytest.fixture
def newcomer(services: Services, qapp: QApplication) -> ViewContext:
    """A context on a fresh database holding one person and nothing else."""
    person = services.people.create(PersonDraft("Sam Lee"))
    current = CurrentPerson()
    current.set(person.id)
    return ViewContext(services, Operations(services), current)


def test_a_newcomer_sees_the_empty_state_and_can_start(qtbot: QtBot, newcomer: ViewContext) -> None:
    view = show_view(qtbot, newcomer)
    assert view.pages.currentIndex() == EMPTY_PAGE
    assert view.empty_button.isVisible() and view.empty_button.isEnabled()
    assert view.summary_label.text() == ""

    def accept_dialog() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, AssessmentDialog):
            QTimer.singleShot(10, accept_dialog)
            return
        assert all(box.currentData() == 1 for box in dialog.level_boxes.values())
        click_ok(qtbot, dialog)

    QTimer.singleShot(0, accept_dialog)
    qtbot.mouseClick(view.empty_button, Qt.MouseButton.LeftButton)

    stored = newcomer.services.assessments.list_for(person_id(newcomer))
    assert len(stored) == 1
    assert view.pages.currentIndex() == SKILLS_PAGE
    assert view.summary_label.text().startswith("Readiness ")
    assert level_text(view, "mentoring") == "1 · Junior"


# The pure functions ----------------------------------------------------------------


def test_rating_history_is_newest_first() -> None:
    def assessment(assessment_id: int, day: date, level: int) -> AssessmentRecord:
        return AssessmentRecord(
            assessment_id,
            1,
            day,
            RaterKind.SELF,
            None,
            "",
            datetime(2026, 1, 1),
            (RatingRecord("mentoring", level, "", ()), RatingRecord("ai-ethics", 1, "", ())),
        )

    rows = rating_history(
        [assessment(1, date(2026, 1, 5), 1), assessment(2, date(2026, 3, 5), 2)], "mentoring"
    )
    assert [(r.assessed_on, r.level, r.rater) for r in rows] == [
        (date(2026, 3, 5), 2, "Self"),
        (date(2026, 1, 5), 1, "Self"),
    ]
    assert rating_history([], "mentoring") == []
