"""The Dashboard's chart card: the radar per area and the compact readiness trend."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from planner.analysis.chart_data import RadarGrouping
from planner.analysis.person_readiness import person_readiness
from planner.gui.charts.dashboard_charts import DashboardCharts
from planner.gui.views.base import ViewContext
from planner.vocabulary import RaterKind


def test_radar_per_area_and_trend_of_every_assessment(qtbot: QtBot, context: ViewContext) -> None:
    charts = DashboardCharts()
    qtbot.addWidget(charts)
    charts.resize(540, 660)
    assert context.person.id is not None
    charts.show_person(context.services, context.person.id)
    with qtbot.waitSignals([charts.radar_chart.rendered, charts.trend_chart.rendered]):
        charts.show()
    state = person_readiness(context.services, context.person.id)
    radar = charts.radar_chart.data
    assert radar.grouping is RadarGrouping.AREA
    assert radar.spokes == tuple(a.name for a in state.framework.areas)
    # Compared with the previous self-assessment (the latest one is a self-assessment too).
    selves = [
        a
        for a in context.services.assessments.list_for(context.person.id)
        if a.rater_kind is RaterKind.SELF
    ]
    assert [c.label for c in radar.comparisons] == [f"Self, {selves[-2].assessed_on.isoformat()}"]
    trend = charts.trend_chart.data
    assert [p.day for p in trend.points] == [h.assessed_on for h in state.history]
    figure = charts.trend_chart.figure
    assert figure is not None and figure.axes[0].get_legend() is None  # compact
