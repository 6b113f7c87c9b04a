"""The plan as PDF: real text with every section, footers, paper sizes, user text kept literal."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QLocale

from planner.errors import PlannerError
from planner.report.page_setup import Paper, default_paper, parse_paper
from planner.report.paginated_plan import PaginatedPlan
from planner.report.plan_data import build_plan
from planner.report.plan_model import SECTION_TITLES, Plan
from planner.report.plan_pdf import write_pdf
from planner.services.service_set import Services
from tests.report.conftest import INJECTION, add_injected_goal, add_tiny_person, pdf_text

pytestmark = pytest.mark.usefixtures("qapp")

POINTS_PER_MM = 72 / 25.4


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.fixture(scope="module")
def demo_pdf(demo_plan: Plan, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("pdf") / "demo.pdf"
    write_pdf(PaginatedPlan(demo_plan, Paper.A4), path)
    return path


def test_demo_pdf_holds_every_section_as_real_text(demo_pdf: Path) -> None:
    pages = pdf_text(demo_pdf)
    text = " ".join(pages)
    assert 4 <= len(pages) <= 10
    for title in ("DEVELOPMENT PLAN", "Alex Rivera", *SECTION_TITLES.values()):
        assert squeeze(title) in squeeze(text), title
    for expected in ("Technical foundations", "Start a monthly ML reading group", "Reviewer"):
        assert expected in text
    assert "☐" in text and "☑" in text  # milestones as checkboxes


def test_every_page_has_the_footer(demo_pdf: Path) -> None:
    pages = pdf_text(demo_pdf)
    for number, text in enumerate(pages, start=1):
        assert f"Page {number} of {len(pages)}" in text
        assert "Alex Rivera · Development plan · 21 November 2026" in text


def test_sections_appear_in_document_order(demo_pdf: Path) -> None:
    text = squeeze(" ".join(pdf_text(demo_pdf)))
    positions = [text.index(squeeze(title)) for title in SECTION_TITLES.values()]
    assert positions == sorted(positions)


def test_pdf_metadata_names_the_plan(demo_pdf: Path) -> None:
    reader = PdfReader(demo_pdf)
    assert reader.metadata is not None
    assert reader.metadata.title == "Development plan — Alex Rivera"


@pytest.mark.parametrize(
    ("paper", "size_mm"), [(Paper.A4, (210, 297)), (Paper.LETTER, (215.9, 279.4))]
)
def test_paper_size_comes_out_as_asked(
    demo_plan: Plan, tmp_path: Path, paper: Paper, size_mm: tuple[float, float]
) -> None:
    path = tmp_path / "plan.pdf"
    pages = write_pdf(PaginatedPlan(demo_plan, paper), path)
    reader = PdfReader(path)
    assert len(reader.pages) == pages
    for page in reader.pages:
        box = page.mediabox
        assert float(box.width) == pytest.approx(size_mm[0] * POINTS_PER_MM, abs=1)
        assert float(box.height) == pytest.approx(size_mm[1] * POINTS_PER_MM, abs=1)


def test_a_tiny_person_gets_a_short_valid_pdf(services: Services, tmp_path: Path) -> None:
    person_id = add_tiny_person(services)
    path = tmp_path / "tiny.pdf"
    pages = write_pdf(PaginatedPlan(build_plan(services, person_id), Paper.A4), path)
    assert 1 <= pages <= 3
    text = " ".join(pdf_text(path))
    assert "Sam Tiny" in text and "No assessment yet" in text
    assert "No open goals at the moment." in text


def test_html_in_user_text_prints_literally_and_loads_nothing(
    services: Services, tmp_path: Path
) -> None:
    person_id = add_tiny_person(services, '<i>Eve</i> & "Co"')
    add_injected_goal(services, person_id)
    paginated = PaginatedPlan(build_plan(services, person_id), Paper.A4)
    assert paginated.document.refused == []  # no resource was even asked for
    assert paginated.document.toPlainText().count(INJECTION) >= 3  # title, text, milestone
    assert "&lt;b&gt;x&lt;/b&gt;&lt;img src=&quot;file:///etc/passwd&quot;&gt;" in (
        paginated.html.html
    )
    path = tmp_path / "injected.pdf"
    write_pdf(paginated, path)
    text = squeeze(" ".join(pdf_text(path)))
    assert squeeze(INJECTION) in text
    assert squeeze('<i>Eve</i> & "Co"') in text
    assert all(not page.images for page in PdfReader(path).pages)  # no image was embedded


def test_write_pdf_explains_a_bad_destination(demo_plan: Plan, tmp_path: Path) -> None:
    paginated = PaginatedPlan(demo_plan, Paper.A4)
    with pytest.raises(PlannerError, match="does not exist"):
        write_pdf(paginated, tmp_path / "missing" / "plan.pdf")
    with pytest.raises(PlannerError, match="is a folder"):
        write_pdf(paginated, tmp_path)
    assert not list(tmp_path.iterdir())


@pytest.mark.parametrize(
    ("locale", "paper"),
    [("en_US", Paper.LETTER), ("fr_CA", Paper.LETTER), ("es_MX", Paper.LETTER),
     ("en_GB", Paper.A4), ("de_DE", Paper.A4), ("ja_JP", Paper.A4)],
)  # fmt: skip
def test_default_paper_follows_the_locale(locale: str, paper: Paper) -> None:
    assert default_paper(QLocale(locale)) is paper


def test_page_size_names_are_read_in_any_case() -> None:
    assert parse_paper("letter") is Paper.LETTER and parse_paper(" a4 ") is Paper.A4
    with pytest.raises(PlannerError, match="A4 or Letter"):
        parse_paper("B5")
