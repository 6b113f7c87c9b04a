"""The screenshots command renders every view and every chart, in the palette asked for."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QImage

from planner.gui.screenshots import take_screenshots
from planner.services.service_set import Services

CHARTS = ["radar", "readiness", "hours-per-area", "activity-calendar", "goal-burn-up"]


def test_every_chart_is_saved_beside_the_views(
    demo_services: Services, tmp_path: Path, qapp: object
) -> None:
    written = take_screenshots(demo_services, tmp_path, (1024, 700), dark=False)
    names = [path.name for path in written]
    assert "05-progress-1024x700.png" in names
    for chart in CHARTS:
        path = tmp_path / f"chart-{chart}-1024x700.png"
        assert path in written
        image = QImage(str(path))
        assert not image.isNull() and image.width() > 300 and image.height() > 100
    # The Progress view's shot shows its charts drawn, not an empty window background.
    shot = QImage(str(tmp_path / "05-progress-1024x700.png"))
    colours = {shot.pixel(x, y) for x in range(200, 1000, 7) for y in range(150, 690, 7)}
    assert len(colours) > 20
