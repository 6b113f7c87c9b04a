"""Page layout: no table row split across pages, no heading left alone, nothing wider than the page.

The checks here measure the final document with their own walk over its blocks,
not with the paginator's bookkeeping.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pytest
from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QImage, QPainter, QTextBlock, QTextCursor, QTextDocument

from planner.report.page_setup import LAYOUT_DPI, Paper
from planner.report.paginated_plan import PaginatedPlan, decode_charts, make_document
from planner.report.plan_data import build_plan
from planner.report.plan_html import PROGRESS_URL, RADAR_URL, build_plan_html
from planner.report.plan_model import Chart, Plan
from planner.services.records import GoalDraft, MilestoneDraft
from planner.services.service_set import Services
from planner.vocabulary import GoalStatus
from tests.report.conftest import add_tiny_person

pytestmark = pytest.mark.usefixtures("qapp")


def line_extent(document: QTextDocument, block: QTextBlock) -> tuple[float, float] | None:
    origin = document.documentLayout().blockBoundingRect(block).top()  # lays the block out
    lines = block.layout()
    if lines.lineCount() == 0:
        return None
    last = lines.lineAt(lines.lineCount() - 1)
    return origin + lines.lineAt(0).y(), origin + last.y() + last.height()


def table_rows(document: QTextDocument) -> dict[tuple[int, int], tuple[float, float]]:
    """(table, row) -> top and bottom of the row's text, for every table row."""
    rows: dict[tuple[int, int], tuple[float, float]] = {}
    block = document.begin()
    while block.isValid():
        table = QTextCursor(block).currentTable()
        extent = line_extent(document, block)
        if table is not None and extent is not None:
            key = (table.firstPosition(), table.cellAt(block.position()).row())
            top, bottom = rows.get(key, extent)
            rows[key] = (min(top, extent[0]), max(bottom, extent[1]))
        block = block.next()
    return rows


def split_rows(document: QTextDocument, height: float) -> list[tuple[float, float]]:
    """Rows (shorter than a page) whose text runs over a page end."""
    return [
        (top / height, bottom / height)
        for top, bottom in table_rows(document).values()
        if int(top // height) != int((bottom - 1) // height) and bottom - top < height * 0.8
    ]


def lonely_headings(document: QTextDocument, height: float) -> list[str]:
    """Headings whose next line of text starts on a later page."""
    found = []
    block = document.begin()
    while block.isValid():
        if block.blockFormat().headingLevel() and (extent := line_extent(document, block)):
            following = block.next()
            while following.isValid() and not following.text().strip():
                following = following.next()
            after = line_extent(document, following) if following.isValid() else None
            if after is not None and int(after[0] // height) != int(extent[0] // height):
                found.append(block.text())
        block = block.next()
    return found


def long_record(services: Services) -> int:
    """A person with dozens of goals, long milestones and titles that cannot wrap at spaces."""
    person_id = add_tiny_person(services, "Pat Longhistory")
    unbroken = "x" * 200
    for number in range(30):
        services.goals.create(
            person_id,
            GoalDraft(
                f"Goal {number}: " + ("a rather long goal title that has to wrap " * 3)
                if number % 3
                else unbroken,
                due_date=date(2027, 1, 1) + timedelta(days=number * 9),
                status=GoalStatus.ACTIVE,
                milestones=tuple(
                    MilestoneDraft(f"Milestone {m} of goal {number}, described at some length")
                    for m in range(1 + number % 6)
                ),
            ),
        )
    return person_id


def test_demo_plan_never_splits_a_row_or_strands_a_heading(demo_plan: Plan) -> None:
    paginated = PaginatedPlan(demo_plan, Paper.A4)
    assert 4 <= paginated.page_count <= 10
    height = paginated.geometry.body.height()
    assert split_rows(paginated.document, height) == []
    assert lonely_headings(paginated.document, height) == []


def test_without_the_breaks_qt_would_split_rows(services: Services) -> None:
    """The checks can fail: Qt alone splits rows of the same plan."""
    plan = build_plan(services, long_record(services), charts=False)
    paginated = PaginatedPlan(plan, Paper.A4)
    naive = make_document(build_plan_html(plan), plan, paginated.geometry)
    height = paginated.geometry.body.height()
    assert split_rows(naive, height)
    assert split_rows(paginated.document, height) == []


def test_a_long_record_gives_a_longer_plan_that_stays_inside_the_page(
    services: Services,
) -> None:
    person_id = long_record(services)
    paginated = PaginatedPlan(build_plan(services, person_id), Paper.LETTER)
    tiny = PaginatedPlan(build_plan(services, add_tiny_person(services)), Paper.LETTER)
    assert tiny.page_count <= 3 < paginated.page_count
    height = paginated.geometry.body.height()
    assert split_rows(paginated.document, height) == []
    assert lonely_headings(paginated.document, height) == []
    body_width = paginated.geometry.body.width()
    assert paginated.document.size().width() <= body_width + 1  # long titles wrapped


def test_page_images_are_white_pages_of_the_paper_shape(demo_plan: Plan) -> None:
    paginated = PaginatedPlan(demo_plan, Paper.LETTER)
    image = paginated.page_image(0, 50)
    assert (image.width(), image.height()) == (425, 550)  # 8.5 x 11 in at 50 dpi
    assert image.pixelColor(2, 2).name() == "#ffffff"


def test_breaks_found_before_lay_the_plan_out_in_one_pass(demo_plan: Plan) -> None:
    searched = PaginatedPlan(demo_plan, Paper.A4)
    assert searched.passes > 1 and searched.breaks
    again = PaginatedPlan(demo_plan, Paper.A4, breaks=searched.breaks, charts=searched.charts)
    assert again.passes == 1
    assert again.breaks == searched.breaks
    assert again.page_count == searched.page_count
    assert again.document.toPlainText() == searched.document.toPlainText()
    assert again.charts is searched.charts  # decoded once, shared


def test_breaks_of_another_plan_are_dropped(demo_plan: Plan) -> None:
    searched = PaginatedPlan(demo_plan, Paper.A4)
    mixed = PaginatedPlan(demo_plan, Paper.A4, breaks=("h:no-such-heading", *searched.breaks))
    assert mixed.breaks == searched.breaks
    assert mixed.page_count == searched.page_count


def test_both_charts_are_decoded_for_the_document(demo_plan: Plan) -> None:
    charts = decode_charts(demo_plan)
    assert set(charts) == {RADAR_URL, PROGRESS_URL}
    assert all(not image.isNull() and image.width() > 500 for image in charts.values())
    assert decode_charts(replace(demo_plan, radar=Chart(None, "none"))).keys() == {PROGRESS_URL}


def differing_rows(first: QImage, second: QImage) -> list[int]:
    """The rows where two images of one size differ."""
    return [
        y
        for y in range(first.height())
        if any(first.pixel(x, y) != second.pixel(x, y) for x in range(first.width()))
    ]


def test_painting_part_of_a_page_leaves_the_rest_untouched(demo_plan: Plan) -> None:
    paginated = PaginatedPlan(demo_plan, Paper.A4)
    whole = paginated.page_image(0, 50)
    part = QImage(whole.size(), QImage.Format.Format_RGB32)
    part.fill(QColor("white"))
    painter = QPainter(part)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)  # as page_image paints
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    painter.scale(50 / LAYOUT_DPI, 50 / LAYOUT_DPI)
    page = paginated.geometry.page
    paginated.paint_page(painter, 0, QRectF(0, 0, page.width(), page.height() / 2))
    painter.end()
    half = whole.height() // 2
    rows = differing_rows(whole, part)
    assert rows and min(rows) >= half - 1  # the top half exactly as the whole page
    blank = QImage(whole.size(), QImage.Format.Format_RGB32)
    blank.fill(QColor("white"))
    footer = round(paginated.geometry.footer.top() * 50 / LAYOUT_DPI)
    drawn_below = [y for y in differing_rows(part, blank) if half + 1 < y < footer]
    assert drawn_below == []  # nothing of the lower half but the footer was painted
