"""The plan laid out on pages: a QTextDocument from the plan's HTML, broken where it reads well.

Qt paginates a text document by lines, so on its own it may split a table row
across two pages or leave a heading alone at the bottom of one. This module lays
the document out, measures where every heading and table row landed, and asks the
HTML builder for a page break before the first one that went wrong; it repeats
until nothing does (each pass fixes a later place, so it ends).

Pages are painted by hand, body clipped to the page and then a footer with the
person's name, the date and the page number, which ``QTextDocument.print`` cannot do.

The charts are decoded from PNG once per plan (:func:`decode_charts`), not on every
pass. Breaks found before (on a worker thread, say) can be handed in: the plan is
then laid out once, checked, and only searched further if something still goes wrong.
Everything here is reentrant Qt (text documents, images), so a worker thread may
paginate; each document is used by the thread that made it.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QRectF, QSizeF, Qt, QUrl
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QColor,
    QFont,
    QImage,
    QPainter,
    QPalette,
    QPen,
    QTextBlock,
    QTextDocument,
    QTextFrame,
    QTextOption,
    QTextTable,
)

from planner.report.html_writer import PlanHtml, TableSegment
from planner.report.page_setup import LAYOUT_DPI, PageGeometry, Paper
from planner.report.plan_html import MUTED, PROGRESS_URL, RADAR_URL, RULE, TEXT, build_plan_html
from planner.report.plan_model import Plan
from planner.report.plan_text import long_date

MAX_PASSES = 80
BODY_POINTS = 9.5
FOOTER_POINTS = 8.0
FONT_FAMILIES = [
    "Source Sans 3",
    "Noto Sans",
    "Segoe UI",
    "Helvetica Neue",
    "Arial",
    "Liberation Sans",
    "DejaVu Sans",
]
# A unit taller than this share of a page is left to Qt: moving it would not help.
TALLEST_MOVABLE = 0.85


class PlanDocument(QTextDocument):
    """A text document that loads nothing from anywhere.

    The charts are added as resources before the HTML is set; any other resource a
    document asks for (say an ``<img>`` smuggled into a title, were escaping ever
    to fail) is refused and noted in :attr:`refused`.
    """

    def __init__(self) -> None:
        super().__init__()
        self.refused: list[str] = []

    def loadResource(self, type: int, name: QUrl | str) -> Any:
        """Refuse every resource that was not added up front."""
        self.refused.append(name.toString() if isinstance(name, QUrl) else name)
        return None


def _layout_device() -> QImage:
    """A 1-pixel image at :data:`LAYOUT_DPI`: the metrics the document is laid out with."""
    device = QImage(1, 1, QImage.Format.Format_RGB32)
    dots_per_metre = round(LAYOUT_DPI / 0.0254)
    device.setDotsPerMeterX(dots_per_metre)
    device.setDotsPerMeterY(dots_per_metre)
    return device


def print_font(points: float) -> QFont:
    """The plan's typeface at ``points`` (first installed family of a good list)."""
    font = QFont()
    font.setFamilies(FONT_FAMILIES)
    font.setPointSizeF(points)
    for ligatures in ("liga", "clig"):  # "sign-off" must stay searchable, not "sign-o\ufb00"
        font.setFeature(QFont.Tag(ligatures), 0)
    return font


def _units_font(points: float) -> QFont:
    """A font sized in layout units, for painting straight onto a page."""
    font = print_font(points)
    font.setPixelSize(round(points / 72 * LAYOUT_DPI))
    return font


def print_palette() -> QPalette:
    """Dark text on white, whatever palette the program itself uses."""
    palette = QPalette()
    for role in (QPalette.ColorRole.Text, QPalette.ColorRole.WindowText):
        palette.setColor(role, QColor(TEXT))
    palette.setColor(QPalette.ColorRole.Base, QColor("white"))
    return palette


ChartImages = Mapping[str, QImage]


def decode_charts(plan: Plan) -> dict[str, QImage]:
    """The plan's chart images by their URL in the HTML (charts not drawn are left out)."""
    images = {}
    for url, chart in ((RADAR_URL, plan.radar), (PROGRESS_URL, plan.progress)):
        if chart.image is not None:
            image = QImage.fromData(chart.image.png)
            if not image.isNull():
                images[url] = image
    return images


def make_document(
    built: PlanHtml, plan: Plan, geometry: PageGeometry, charts: ChartImages | None = None
) -> PlanDocument:
    """The plan's HTML as a document laid out on pages of ``geometry``, charts attached.

    ``charts`` are the plan's chart images decoded already (see :func:`decode_charts`).
    """
    document = PlanDocument()
    document.setUndoRedoEnabled(False)
    document.documentLayout().setPaintDevice(_layout_device())
    document.setUseDesignMetrics(True)
    document.setDocumentMargin(0)
    document.setDefaultFont(print_font(BODY_POINTS))
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    document.setDefaultTextOption(option)
    for url, image in (decode_charts(plan) if charts is None else charts).items():
        document.addResource(QTextDocument.ResourceType.ImageResource, QUrl(url), image)
    document.setHtml(built.html)
    document.setPageSize(QSizeF(geometry.body.width(), geometry.body.height()))
    return document


@dataclass(frozen=True)
class _Placed:
    """A heading, paragraph or table row as laid out: its key (if any), top and bottom."""

    key: str | None
    top: float
    bottom: float


def _block_extent(layout: QAbstractTextDocumentLayout, block: QTextBlock) -> tuple[float, float]:
    """Top and bottom of a block's lines in the document.

    Measured from the lines: when Qt pushes a block's first line onto the next page
    it moves the line, not the block, and ``blockBoundingRect`` still starts where
    the block did.
    """
    origin = layout.blockBoundingRect(block).top()
    lines = block.layout()
    if lines.lineCount() == 0:
        return origin, origin
    first, last = lines.lineAt(0), lines.lineAt(lines.lineCount() - 1)
    return origin + first.y(), origin + last.y() + last.height()


def _row_extent(
    layout: QAbstractTextDocumentLayout, table: QTextTable, row: int
) -> tuple[float, float]:
    tops, bottoms = [], []
    for column in range(table.columns()):
        cell = table.cellAt(row, column)
        if cell.row() != row or cell.column() != column:
            continue  # covered by a spanning cell
        blocks = cell.begin()
        while not blocks.atEnd():
            top, bottom = _block_extent(layout, blocks.currentBlock())
            tops.append(top)
            bottoms.append(bottom)
            blocks += 1
    return (min(tops), max(bottoms)) if tops else (0.0, 0.0)


def _root_items(document: QTextDocument) -> Iterator[QTextBlock | QTextFrame]:
    items = document.rootFrame().begin()
    while not items.atEnd():
        frame = items.currentFrame()
        yield frame if frame is not None else items.currentBlock()
        items += 1


@dataclass
class _Measured:
    """Where headings, other blocks and table rows landed, in document order."""

    flow: list[tuple[str, _Placed]]  # ("heading" | "block" | "table", first extent)
    units: list[list[_Placed]]  # the rows of each unit that should share a page


def _measure(document: QTextDocument, built: PlanHtml) -> _Measured:
    layout = document.documentLayout()
    headings = iter(built.headings)
    tables = iter(built.tables)
    flow: list[tuple[str, _Placed]] = []
    units: list[list[_Placed]] = []
    for item in _root_items(document):
        if isinstance(item, QTextTable):
            segment = next(tables)
            extents = [_row_extent(layout, item, row) for row in range(item.rows())]
            flow.append(("table", _Placed(segment.row_keys[0], *extents[0])))
            units.extend(_units(segment, extents[segment.header_rows :]))
        elif isinstance(item, QTextBlock):
            if item.blockFormat().headingLevel() > 0:
                flow.append(("heading", _Placed(next(headings), *_block_extent(layout, item))))
            elif item.text().strip():
                flow.append(("block", _Placed(None, *_block_extent(layout, item))))
    return _Measured(flow, units)


def _units(segment: TableSegment, extents: list[tuple[float, float]]) -> Iterator[list[_Placed]]:
    """Rows joined into the units that should stay on one page (keep-with-next chains)."""
    unit: list[_Placed] = []
    for index, (top, bottom) in enumerate(extents):
        unit.append(_Placed(segment.row_keys[index], top, bottom))
        if index == len(extents) - 1 or not segment.keep[index]:
            yield unit
            unit = []


def _first_problem(measured: _Measured, page_height: float, breaks: frozenset[str]) -> str | None:
    """The key to break before to fix the earliest bad spot, or None when all is well."""

    def page(y: float) -> int:
        return int(y // page_height)

    def movable(top: float, bottom: float) -> bool:
        return page(top) != page(bottom - 1) and bottom - top < page_height * TALLEST_MOVABLE

    problems: list[tuple[float, str]] = []
    for unit in measured.units:
        first, last = unit[0], unit[-1]
        if movable(first.top, last.bottom):
            candidates = [first]
        else:  # too tall to keep together: still never split a row
            candidates = [row for row in unit if movable(row.top, row.bottom)]
        problems.extend(
            (row.top, row.key) for row in candidates[:1] if row.key and row.key not in breaks
        )
    for index, (kind, placed) in enumerate(measured.flow):
        if kind != "heading" or placed.key is None or placed.key in breaks:
            continue
        anchor = _kept_with(measured.flow[index + 1 :])
        if anchor is not None and page(anchor.top) != page(placed.top):
            problems.append((placed.top, placed.key))
    return min(problems)[1] if problems else None


def _kept_with(following: list[tuple[str, _Placed]]) -> _Placed | None:
    """What a heading must share its page with.

    The next table or heading; or, when a paragraph comes first, the table that
    paragraph introduces, else the paragraph itself.
    """
    if not following:
        return None
    first = following[0]
    if first[0] != "block" or len(following) == 1:
        return first[1]
    second = following[1]
    return second[1] if second[0] == "table" else first[1]


class PaginatedPlan:
    """A plan laid out on pages of one paper size; paints any page onto any painter.

    ``breaks`` are page breaks found before for the same plan, sections and paper;
    ``charts`` its chart images decoded before. Both only save time.
    """

    def __init__(
        self,
        plan: Plan,
        paper: Paper,
        *,
        breaks: Sequence[str] = (),
        charts: ChartImages | None = None,
    ) -> None:
        self.plan = plan
        self.geometry = PageGeometry.for_paper(paper)
        self.charts: ChartImages = decode_charts(plan) if charts is None else charts
        self.breaks: tuple[str, ...] = ()
        self.passes = 0
        self.html, self.document = self._paginate(list(breaks))

    @property
    def paper(self) -> Paper:
        """The paper the pages are laid out for."""
        return self.geometry.paper

    @property
    def page_count(self) -> int:
        """How many pages the plan takes."""
        return max(1, self.document.pageCount())

    def _paginate(self, breaks: list[str]) -> tuple[PlanHtml, PlanDocument]:
        page_height = self.geometry.body.height()
        while True:
            self.passes += 1
            built = build_plan_html(self.plan, frozenset(breaks))
            if any(key not in built.order for key in breaks):  # breaks of another plan
                breaks = [key for key in breaks if key in built.order]
                built = build_plan_html(self.plan, frozenset(breaks))
            document = make_document(built, self.plan, self.geometry, self.charts)
            problem = _first_problem(_measure(document, built), page_height, frozenset(breaks))
            if problem is None or self.passes >= MAX_PASSES:
                self.breaks = tuple(breaks)
                return built, document
            del document  # before the next pass makes another (a few MB each)
            order = {key: index for index, key in enumerate(built.order)}
            breaks = [key for key in breaks if order[key] < order[problem]] + [problem]

    def paint_page(self, painter: QPainter, index: int, area: QRectF | None = None) -> None:
        """Paint page ``index``; ``painter`` works in layout units from the page's corner.

        ``area`` (layout units from the page's corner) limits the painting to the part
        of the page a screen asks for; the whole page by default.
        """
        body = self.geometry.body
        clip = QRectF(0, index * body.height(), body.width(), body.height())
        if area is not None:
            clip = clip.intersected(area.translated(-body.left(), clip.top() - body.top()))
        painter.save()
        painter.translate(body.left(), body.top() - index * body.height())
        painter.setClipRect(clip, Qt.ClipOperation.IntersectClip)
        context = QAbstractTextDocumentLayout.PaintContext()
        context.clip = clip
        context.palette = print_palette()
        self.document.documentLayout().draw(painter, context)
        painter.restore()
        self._paint_footer(painter, index)

    def _paint_footer(self, painter: QPainter, index: int) -> None:
        footer = self.geometry.footer
        cover = self.plan.cover
        painter.save()
        painter.setPen(QPen(QColor(RULE), LAYOUT_DPI / 150))
        rule_y = footer.top() + footer.height() * 0.35
        painter.drawLine(round(footer.left()), round(rule_y), round(footer.right()), round(rule_y))
        painter.setPen(QColor(MUTED))
        painter.setFont(_units_font(FOOTER_POINTS))
        text_area = QRectF(footer.left(), rule_y, footer.width(), footer.bottom() - rule_y)
        align = Qt.AlignmentFlag.AlignVCenter
        left = f"{cover.name} · Development plan · {long_date(cover.prepared_on)}"
        painter.drawText(text_area, align | Qt.AlignmentFlag.AlignLeft, left)
        number = f"Page {index + 1} of {self.page_count}"
        painter.drawText(text_area, align | Qt.AlignmentFlag.AlignRight, number)
        painter.restore()

    def page_image(self, index: int, dpi: float) -> QImage:
        """Page ``index`` as a white image at ``dpi`` (for the on-screen preview)."""
        scale = dpi / LAYOUT_DPI
        page = self.geometry.page
        image = QImage(
            round(page.width() * scale), round(page.height() * scale), QImage.Format.Format_RGB32
        )
        image.fill(QColor("white"))
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        painter.scale(scale, scale)
        self.paint_page(painter, index)
        painter.end()
        return image
