"""The Dashboard's chart card content: a radar by area and a small readiness trend.

Per area, not per competency: nine spokes stay legible in a card, twenty would not.
The radar compares the latest assessment with the previous one by the same rater.
"""

from __future__ import annotations

from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QVBoxLayout, QWidget

from planner.analysis.chart_data import RadarGrouping
from planner.analysis.progress_charts import ChartPeriod, ProgressData
from planner.gui.charts.chart_widget import ChartWidget
from planner.gui.charts.renderers import hover_timeline, render_radar, render_trend
from planner.services.service_set import Services

RADAR_HEIGHT = 400
TREND_HEIGHT = 230
EMPTY_HEIGHT = 90


class DashboardCharts(QWidget):
    """Radar and readiness trend of one person, drawn on the card's (base) background."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        base = QPalette.ColorRole.Base
        self.radar_chart = ChartWidget(render_radar, "radar", background=base)
        self.trend_chart = ChartWidget(
            render_trend, "readiness", hover=hover_timeline, background=base
        )
        self.radar_chart.setMinimumHeight(RADAR_HEIGHT)
        self.trend_chart.setMinimumHeight(TREND_HEIGHT)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        layout.addWidget(self.radar_chart)
        layout.addWidget(self.trend_chart)

    def show_person(self, services: Services, person_id: int) -> None:
        """Chart ``person_id``'s latest levels and readiness history."""
        data = ProgressData(services, person_id)
        previous = data.default_comparison()
        compare = [previous] if previous is not None else []
        radar = data.radar(compare, RadarGrouping.AREA)
        self.radar_chart.set_data(radar)
        self.trend_chart.set_data(data.timeline(ChartPeriod(None, data.today)))
        # Before the first assessment one short invitation says it all.
        rated = radar.current is not None
        self.radar_chart.setMinimumHeight(RADAR_HEIGHT if rated else EMPTY_HEIGHT)
        self.trend_chart.setVisible(rated)
