"""A small writer of print HTML that remembers where page breaks may go.

Text handed to :meth:`HtmlWriter.text` is always escaped; markup only comes from this
module and the plan builder. Every heading and table row gets a key, and the writer
lists them in document order, so the paginator (which measures the laid-out document)
can ask for a page break before any of them and get the same HTML with that break.
A table broken before a row ends there and continues on the next page under a copy
of its header row.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

SHORT_TABLE_ROWS = 5


def esc(text: str) -> str:
    """``text`` as literal HTML text: markup characters escaped, line breaks kept."""
    return html.escape(text, quote=True).replace("\r\n", "\n").replace("\n", "<br>")


@dataclass(frozen=True)
class Row:
    """One table row: cell markup (already escaped), and whether it stays with the next row."""

    cells: tuple[str, ...]
    keep_with_next: bool = False
    css_class: str = ""
    spans: tuple[int, ...] = ()
    cell_classes: tuple[str, ...] = ()


@dataclass(frozen=True)
class Columns:
    """A table's shape: width per column in percent, alignment per column, CSS class."""

    widths: tuple[int, ...]
    align: tuple[str, ...] = ()
    css_class: str = "grid"

    def align_attr(self, column: int) -> str:
        """The ``align`` attribute of a cell in ``column`` (Qt centres header cells otherwise)."""
        value = self.align[column] if column < len(self.align) else "left"
        return f' align="{value}"'


@dataclass(frozen=True)
class TableSegment:
    """A table as emitted (one piece of a table broken across pages).

    ``row_keys`` are the keys of its body rows in order, ``keep`` their keep-with-next flags.
    """

    header_rows: int
    row_keys: tuple[str, ...]
    keep: tuple[bool, ...]


@dataclass(frozen=True)
class PlanHtml:
    """The HTML and what the paginator needs to measure it."""

    html: str
    headings: tuple[str, ...]
    tables: tuple[TableSegment, ...]
    order: tuple[str, ...]


@dataclass
class HtmlWriter:
    """Collects body markup; ``breaks`` are the keys to start a new page before."""

    breaks: frozenset[str] = frozenset()
    parts: list[str] = field(default_factory=list)
    headings: list[str] = field(default_factory=list)
    tables: list[TableSegment] = field(default_factory=list)
    order: list[str] = field(default_factory=list)

    def _break_style(self, key: str) -> str:
        return " page-break-before: always;" if key in self.breaks else ""

    def heading(self, key: str, level: int, text: str, css_class: str = "") -> None:
        """A heading (``text`` is escaped)."""
        self.order.append(key)
        self.headings.append(key)
        attrs = f' class="{css_class}"' if css_class else ""
        style = self._break_style(key)
        attrs += f' style="{style.strip()}"' if style else ""
        self.parts.append(f"<h{level}{attrs}>{esc(text)}</h{level}>")

    def raw(self, markup: str) -> None:
        """Markup built by the caller from escaped pieces (paragraphs, lists)."""
        self.parts.append(markup)

    def paragraph(self, markup: str, css_class: str = "") -> None:
        """A paragraph of already-escaped markup."""
        attrs = f' class="{css_class}"' if css_class else ""
        self.parts.append(f"<p{attrs}>{markup}</p>")

    def table(self, key: str, header: Sequence[str], rows: Sequence[Row], shape: Columns) -> None:
        """A table with one header row (empty ``header``: none), broken where asked.

        The first row's key is ``key`` itself, so a break before it moves the whole table.
        """
        head = ""
        if header:
            cells = [
                f'<th width="{shape.widths[index]}%"{shape.align_attr(index)}>{esc(text)}</th>'
                for index, text in enumerate(header)
            ]
            head = f"<thead><tr>{''.join(cells)}</tr></thead>"
        rows = _without_widows(rows)
        keys = [key if index == 0 else f"{key}/{index}" for index in range(len(rows))]
        self.order.extend(keys)
        start = 0
        for index in range(1, len(rows) + 1):
            if index == len(rows) or keys[index] in self.breaks:
                self._segment(head, rows[start:index], keys[start:index], shape)
                start = index

    def _segment(self, head: str, rows: Sequence[Row], keys: Sequence[str], shape: Columns) -> None:
        style = self._break_style(keys[0]).strip()
        body = "".join(_row_markup(row, shape) for row in rows)
        self.parts.append(
            f'<table class="{shape.css_class}" width="100%" cellspacing="0" cellpadding="0"'
            f' style="{style}">{head}{body}</table>'
        )
        self.tables.append(
            TableSegment(1 if head else 0, tuple(keys), tuple(row.keep_with_next for row in rows))
        )

    def result(self, head: str) -> PlanHtml:
        """The whole document: ``head`` (a style sheet) and the collected body."""
        body = "\n".join(self.parts)
        document = f"<html><head>{head}</head><body>{body}</body></html>"
        return PlanHtml(document, tuple(self.headings), tuple(self.tables), tuple(self.order))


def _without_widows(rows: Sequence[Row]) -> list[Row]:
    """Keep a short table whole, and the first two and last two rows of a longer one.

    So a page never ends with a table's first row or starts with its last one alone.
    """
    kept = list(rows)
    last = len(kept) - 1
    together = range(last) if len(kept) <= SHORT_TABLE_ROWS else (0, last - 1)
    for index in together:
        kept[index] = replace(kept[index], keep_with_next=True)
    return kept


def _row_markup(row: Row, shape: Columns) -> str:
    cells = []
    column = 0
    for index, content in enumerate(row.cells):
        span = row.spans[index] if index < len(row.spans) else 1
        width = sum(shape.widths[column : column + span])
        attrs = f' colspan="{span}"' if span > 1 else ""
        if index < len(row.cell_classes) and row.cell_classes[index]:
            attrs += f' class="{row.cell_classes[index]}"'
        cells.append(f'<td width="{width}%"{attrs}{shape.align_attr(column)}>{content}</td>')
        column += span
    css = f' class="{row.css_class}"' if row.css_class else ""
    return f"<tr{css}>{''.join(cells)}</tr>"
