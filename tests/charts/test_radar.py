"""The radar: outlines with the levels given, labels for every spoke, legible when crowded."""

from __future__ import annotations

import math
from datetime import date, datetime
from itertools import combinations

import pytest
from matplotlib.figure import Figure
from matplotlib.text import Text

from planner.analysis.chart_data import RadarData, RadarGrouping, radar_data
from planner.charts.figure_style import message_of
from planner.charts.radar import LABEL_GID, MIN_FONT_SIZE, build_radar, shorten, wrap_label
from planner.charts.theme import ChartTheme
from planner.framework.loader import builtin_framework
from planner.framework.schema import Framework
from planner.services.records import AssessmentRecord, RatingRecord
from planner.vocabulary import RaterKind
from tests.charts.conftest import draw, extents, framework_of


def assessment(ident: int, levels: dict[str, int], mentor: bool = False) -> AssessmentRecord:
    return AssessmentRecord(
        id=ident,
        person_id=1,
        assessed_on=date(2026, 1, ident),
        rater_kind=RaterKind.MENTOR if mentor else RaterKind.SELF,
        rater_name="Priya Shah" if mentor else None,
        notes="",
        created_at=datetime(2026, 1, 1),
        ratings=tuple(RatingRecord(c, v, "", ()) for c, v in levels.items()),
    )


def builtin_data(
    grouping: RadarGrouping = RadarGrouping.COMPETENCY, highlight: str | None = None
) -> RadarData:
    framework = builtin_framework()
    ids = [c.id for c in framework.competencies]
    latest = assessment(3, {c: 1 + i % 5 for i, c in enumerate(ids) if i != 4})
    earlier = assessment(2, {c: 1 for c in ids})
    mentor = assessment(1, {c: 2 for c in ids}, mentor=True)
    profile = framework.profile("senior-ml-developer")
    return radar_data(framework, profile, latest, [earlier, mentor], grouping, highlight)


def lines_by_gid(figure: Figure) -> dict[str, list[list[float]]]:
    found: dict[str, list[list[float]]] = {}
    for line in figure.axes[0].get_lines():
        found.setdefault(str(line.get_gid()), []).append([float(y) for y in line.get_ydata()])
    return found


def labels(figure: Figure) -> list[Text]:
    return [t for t in figure.texts if t.get_gid() == LABEL_GID]


def test_outlines_hold_the_levels(theme: ChartTheme) -> None:
    data = builtin_data()
    figure = build_radar(data, theme)
    draw(figure)
    lines = lines_by_gid(figure)
    assert data.current is not None
    current = [0.0 if v is None else v for v in data.current.values]
    assert lines["radar-current"] == [[*current, current[0]]]  # closed outline
    assert lines["radar-target"] == [[*data.target.values, data.target.values[0]]]
    assert len(lines["radar-comparison"]) == 2
    assert lines["radar-comparison"][1][:3] == [2.0, 2.0, 2.0]
    assert figure.axes[0].get_ylim() == (0.0, 5.0)
    legend = figure.legends[0]
    assert [t.get_text() for t in legend.get_texts()] == [
        "Target: Senior ML developer",
        "Latest: Self, 2026-01-03",
        "Self, 2026-01-02",
        "Priya Shah (mentor), 2026-01-01",
    ]


def test_every_spoke_is_labelled_and_unrated_ones_say_so() -> None:
    data = builtin_data()
    figure = build_radar(data)
    draw(figure)
    texts = [t.get_text().replace("\n", " ") for t in labels(figure)]
    assert len(texts) == 20
    for text, name in zip(texts, data.spokes, strict=True):
        assert text.startswith(name)
    assert texts[4].endswith("(not rated)")
    assert sum(t.endswith("(not rated)") for t in texts) == 1


def test_the_filtered_area_stands_out() -> None:
    figure = build_radar(builtin_data(RadarGrouping.AREA, "communication"), ChartTheme.light())
    draw(figure)
    weights = {t.get_text().replace("\n", " "): t.get_fontweight() for t in labels(figure)}
    assert weights["Communication"] == "bold"
    assert [w for w in weights.values() if w == "bold"] == ["bold"]


def assert_legible(figure: Figure) -> None:
    """No two spoke labels touch, none leaves the figure, and none is tiny."""
    boxes = extents(figure, LABEL_GID)
    width, height = figure.bbox.width, figure.bbox.height
    for box in boxes:
        assert box.x0 >= 0 and box.y0 >= 0 and box.x1 <= width and box.y1 <= height
    for first, second in combinations(boxes, 2):
        assert not first.overlaps(second), (first, second)
    assert all(t.get_fontsize() >= MIN_FONT_SIZE for t in labels(figure))
    # The legend stays clear of the labels too.
    legend = figure.legends[0].get_window_extent()
    assert not any(box.overlaps(legend) for box in boxes)


@pytest.mark.parametrize("size", [(6.4, 5.6), (5.6, 5.6), (8.0, 5.6), (12.0, 7.0)])
def test_twenty_competencies_stay_legible(size: tuple[float, float]) -> None:
    figure = build_radar(builtin_data(), size=size)
    assert_legible(figure)
    radius = figure.axes[0].get_position().width * size[0] / 2
    assert radius > 1.0  # inches: a circle worth looking at


def test_twenty_four_long_names_stay_legible() -> None:
    names = [f"Competency {n} with a rather long descriptive name" for n in range(24)]
    framework = framework_of([names[:12], names[12:]])
    current = assessment(1, {c.id: 3 for c in framework.competencies})
    data = radar_data(framework, framework.profile("target"), current)
    assert_legible(build_radar(data, size=(7.0, 6.0)))


@pytest.mark.parametrize("size", [(3.8, 4.0), (5.4, 4.0)])
def test_a_small_card_radar_by_area_stays_legible(size: tuple[float, float]) -> None:
    figure = build_radar(builtin_data(RadarGrouping.AREA), size=size)
    assert_legible(figure)


def test_resizing_lays_the_labels_out_again() -> None:
    figure = build_radar(builtin_data(), size=(6.4, 5.6))
    draw(figure)
    small = figure.axes[0].get_position().width * 6.4
    figure.set_size_inches(10, 8)
    assert_legible(figure)
    assert figure.axes[0].get_position().width * 10 > small


def test_no_assessment_shows_the_invitation() -> None:
    framework = builtin_framework()
    data = radar_data(framework, framework.profile("senior-ml-developer"), None)
    figure = build_radar(data)
    draw(figure)
    message = message_of(figure)
    assert message is not None and message.startswith("No assessment yet")
    assert not any(ax.get_visible() and ax.axison for ax in figure.axes)


def test_two_spokes_become_bars() -> None:
    framework: Framework = framework_of([["Python", "Statistics"]])
    data = radar_data(framework, framework.profile("target"), assessment(1, {"python": 3}))
    figure = build_radar(data)
    draw(figure)
    (bars,) = figure.axes[0].containers
    assert [patch.get_width() for patch in bars] == [3.0, 0.0]
    assert [t.get_text() for t in figure.axes[0].get_yticklabels()] == ["Python", "Statistics"]


def test_label_wording() -> None:
    assert wrap_label("Communicating across technical and non-technical people", math.pi / 2) == (
        "Communicating across\ntechnical and\nnon-technical people"
    )
    top = wrap_label("Communicating across technical and non-technical people", 0.0)
    assert max(len(line) for line in top.split("\n")) <= 13
    assert shorten("Strategy and business alignment") == "Strategy and business…"
    assert shorten("Python programming") == "Python programming"


def test_theme_colours_are_used() -> None:
    theme = ChartTheme.dark_theme()
    figure = build_radar(builtin_data(), theme)
    assert figure.get_facecolor()[:3] == pytest.approx((0x2B / 255, 0x2B / 255, 0x2B / 255))
    current = next(line for line in figure.axes[0].get_lines() if line.get_gid() == "radar-current")
    assert current.get_color() == theme.accent
