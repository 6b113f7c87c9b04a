"""Paper and page geometry of the printed plan: A4 or Letter, margins, the body and footer areas.

The default paper follows the locale the way printing systems do: Letter in the
United States, Canada and the other places that use it, A4 everywhere else.
Geometry is in layout units (:data:`LAYOUT_DPI` dots per inch), the resolution the
plan's text document is laid out at, whatever device it is finally painted on.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from PySide6.QtCore import QLocale, QMarginsF, QRectF, QSizeF
from PySide6.QtGui import QPageLayout, QPageSize

from planner.errors import PlannerError

LAYOUT_DPI = 300
MM_PER_INCH = 25.4
MARGIN_MM = (20.0, 18.0, 20.0, 14.0)  # left, top, right, bottom (below the footer)
FOOTER_MM = 9.0  # footer band between the body and the bottom margin

_C = QLocale.Country
LETTER_COUNTRIES = frozenset(
    {
        _C.UnitedStates,
        _C.Canada,
        _C.Mexico,
        _C.Philippines,
        _C.Chile,
        _C.Colombia,
        _C.Venezuela,
        _C.CostaRica,
        _C.Guatemala,
        _C.Panama,
        _C.PuertoRico,
        _C.DominicanRepublic,
        _C.ElSalvador,
        _C.Nicaragua,
    }
)


class Paper(StrEnum):
    """The paper sizes a plan is printed on."""

    A4 = "A4"
    LETTER = "Letter"

    @property
    def page_size(self) -> QPageSize:
        """Qt's page size."""
        size_id = QPageSize.PageSizeId.A4 if self is Paper.A4 else QPageSize.PageSizeId.Letter
        return QPageSize(size_id)


def default_paper(locale: QLocale | None = None) -> Paper:
    """Letter where the locale's country uses it, else A4."""
    territory = (locale or QLocale()).territory()
    return Paper.LETTER if territory in LETTER_COUNTRIES else Paper.A4


def parse_paper(text: str) -> Paper:
    """``A4`` or ``Letter`` in any case; anything else is a :class:`PlannerError`."""
    for paper in Paper:
        if paper.value.casefold() == text.strip().casefold():
            return paper
    choices = " or ".join(p.value for p in Paper)
    raise PlannerError(f"Unknown page size '{text}'; use {choices}.")


def page_layout(paper: Paper) -> QPageLayout:
    """A portrait page of ``paper`` with no device margins (the plan draws its own)."""
    return QPageLayout(paper.page_size, QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0))


def _units(mm: float) -> float:
    return mm / MM_PER_INCH * LAYOUT_DPI


@dataclass(frozen=True)
class PageGeometry:
    """Where things go on one page, in layout units from the page's top-left corner."""

    paper: Paper
    page: QSizeF
    body: QRectF
    footer: QRectF

    @classmethod
    def for_paper(cls, paper: Paper) -> PageGeometry:
        """The geometry of a portrait page of ``paper``."""
        size_mm = paper.page_size.size(QPageSize.Unit.Millimeter)
        page = QSizeF(_units(size_mm.width()), _units(size_mm.height()))
        left, top, right, bottom = (_units(mm) for mm in MARGIN_MM)
        footer_height = _units(FOOTER_MM)
        body = QRectF(
            left,
            top,
            page.width() - left - right,
            page.height() - top - bottom - footer_height,
        )
        footer = QRectF(left, body.bottom(), body.width(), footer_height)
        return cls(paper, page, body, footer)
