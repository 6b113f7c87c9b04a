"""Helpers for chart tests: frameworks of any size, and drawing a figure for real (Agg)."""

from __future__ import annotations

from collections.abc import Sequence

import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.transforms import Bbox

from planner.charts.theme import ChartTheme
from planner.framework.loader import parse_framework
from planner.framework.schema import Framework


def framework_of(areas: Sequence[Sequence[str]], target: int = 4) -> Framework:
    """A framework with areas of the named competencies (ids made from the names)."""
    levels = [{"level": n, "name": f"Level {n}", "summary": "x"} for n in range(1, 6)]
    descriptors = {str(n): "x" for n in range(1, 6)}

    def ident(name: str) -> str:
        return "-".join(name.lower().replace("/", " ").split())[:60]

    names = [name for area in areas for name in area]
    return parse_framework(
        {
            "format": "learning-path-planner/framework",
            "format_version": 1,
            "id": "test",
            "name": "Test",
            "version": "1",
            "description": "x",
            "scale": {"levels": levels, "junior": 1, "senior": 4},
            "sources": [{"id": "doc", "file": "doc.txt", "title": "Doc"}],
            "areas": [
                {
                    "id": f"area-{index}",
                    "name": f"Area number {index} of the framework",
                    "description": "x",
                    "competencies": [
                        {
                            "id": ident(name),
                            "name": name,
                            "description": "x",
                            "descriptors": descriptors,
                            "sources": [{"document": "doc", "section": "S", "quote": "q"}],
                        }
                        for name in area
                    ],
                }
                for index, area in enumerate(areas)
            ],
            "profiles": [
                {
                    "id": "target",
                    "name": "Target",
                    "description": "x",
                    "kind": "target",
                    "targets": {ident(name): target for name in names},
                }
            ],
            "default_profile": "target",
        }
    )


def draw(figure: Figure) -> FigureCanvasAgg:
    """Render ``figure`` with Agg, as saving or showing it would."""
    canvas = FigureCanvasAgg(figure)
    canvas.draw()
    return canvas


def extents(figure: Figure, gid: str) -> list[Bbox]:
    """Window extents (pixels) of the figure's texts tagged ``gid``, after a draw."""
    renderer = draw(figure).get_renderer()
    texts = [*figure.texts, *(t for ax in figure.axes for t in ax.texts)]
    return [t.get_window_extent(renderer) for t in texts if t.get_gid() == gid]


@pytest.fixture(params=["light", "dark"])
def theme(request: pytest.FixtureRequest) -> ChartTheme:
    """Both built-in themes."""
    return ChartTheme.light() if request.param == "light" else ChartTheme.dark_theme()
