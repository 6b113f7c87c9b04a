"""Where the plan gets its charts, next steps and forecast: one adapter over other packages.

The chart builders (``planner.charts``), their data (``planner.analysis.progress_charts``)
and the next-step engine (``planner.analysis.next_steps``) are separate pieces of work.
Everything the plan takes from them passes through :class:`PlanSources`, so the rest
of the report never depends on their details; a piece that is missing shows as a
sentence ("not available yet") instead of breaking the plan.

matplotlib is imported only when a chart is drawn, so importing the report (as the
window does) stays cheap.
"""

from __future__ import annotations

import io
from datetime import date
from functools import cached_property
from importlib.util import find_spec
from typing import TYPE_CHECKING

from planner.analysis.person_readiness import PersonReadiness
from planner.report.plan_model import Chart, ChartImage, NextSteps, PlanStep, Projection
from planner.report.plan_text import hours, month_year, short_date
from planner.services.service_set import Services

if TYPE_CHECKING:
    from matplotlib.figure import Figure

    from planner.analysis.chart_data import ReadinessTimeline
    from planner.analysis.next_steps import NextSteps as EngineSteps
    from planner.analysis.next_steps import Suggestion
    from planner.analysis.next_steps.model import Projection as BudgetProjection
    from planner.analysis.progress_charts import ProgressData

PRINT_DPI = 200
RADAR_SIZE_IN = (6.3, 5.4)
PROGRESS_SIZE_IN = (6.5, 3.4)
NOT_AVAILABLE = "not available yet"
NO_ASSESSMENT = "No assessment yet: the chart appears after the first one."


def module_ready(name: str) -> bool:
    """Whether the module ``name`` is installed (a missing parent package counts as no)."""
    try:
        return find_spec(name) is not None
    except ModuleNotFoundError:
        return False


def figure_png(figure: Figure, description: str, dpi: int = PRINT_DPI) -> ChartImage:
    """Render ``figure`` to PNG bytes at print resolution, on white."""
    width, height = figure.get_size_inches()
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=dpi, facecolor="white")
    return ChartImage(buffer.getvalue(), float(width), float(height), description)


class PlanSources:
    """Charts, forecast and next steps for one person's plan, each read at most once."""

    def __init__(self, services: Services, readiness: PersonReadiness, today: date) -> None:
        self.services = services
        self.readiness = readiness
        self.today = today

    @cached_property
    def _progress(self) -> ProgressData:
        from planner.analysis.progress_charts import ProgressData

        return ProgressData(self.services, self.readiness.person.id)

    @cached_property
    def _timeline(self) -> ReadinessTimeline:
        from planner.analysis.progress_charts import ChartPeriod

        return self._progress.timeline(ChartPeriod(None, self.today))

    @cached_property
    def _engine(self) -> EngineSteps | None:
        if not module_ready("planner.analysis.next_steps"):
            return None
        from planner.analysis.next_steps import next_steps_for

        return next_steps_for(self.services, self.readiness.person.id)

    # Charts -----------------------------------------------------------------

    def radar(self) -> Chart:
        """The radar of the latest levels against the target, the previous ones dotted."""
        if self.readiness.latest is None:
            return Chart(None, NO_ASSESSMENT)
        if not module_ready("planner.charts.radar"):
            return Chart(None, f"The radar chart is {NOT_AVAILABLE} in this version.")
        from planner.charts.radar import build_radar
        from planner.charts.theme import ChartTheme

        earlier = self._progress.default_comparison()
        data = self._progress.radar([earlier] if earlier is not None else [])
        figure = build_radar(data, ChartTheme.light(), size=RADAR_SIZE_IN)
        latest = self.readiness.latest
        text = (
            f"Levels of the latest assessment ({latest.rater_label}, "
            f"{short_date(latest.assessed_on)}) against the {self.readiness.profile.name} target"
        )
        if data.comparisons:
            text += "; the dotted line is the previous assessment"
        return Chart(figure_png(figure, text + "."))

    def progress(self) -> Chart:
        """Readiness after every assessment, with the forecast at the current pace."""
        if not self.readiness.history:
            return Chart(None, NO_ASSESSMENT)
        if not module_ready("planner.charts.readiness_timeline"):
            return Chart(None, f"The readiness chart is {NOT_AVAILABLE} in this version.")
        from planner.charts.readiness_timeline import build_readiness_timeline
        from planner.charts.theme import ChartTheme

        figure = build_readiness_timeline(self._timeline, ChartTheme.light(), size=PROGRESS_SIZE_IN)
        count = len(self._timeline.points)
        noun = "assessment" if count == 1 else "assessments"
        text = (
            f"Overall readiness after each of {count} {noun}, with the trend at the current pace."
        )
        return Chart(figure_png(figure, text))

    # Forecast and next steps ---------------------------------------------------

    def projection(self) -> Projection:
        """When the target is reached at the pace of the assessments so far."""
        if not module_ready("planner.analysis.progress_charts"):
            return Projection(None, f"Forecast {NOT_AVAILABLE}.", NOT_AVAILABLE)
        from planner.analysis.forecast import ForecastStatus

        forecast = self._timeline.forecast
        summary = forecast.summary(self.readiness.person.target_date)
        if forecast.status is ForecastStatus.PROJECTED and forecast.projected_on is not None:
            pace = forecast.trend.points_per_month if forecast.trend else 0.0
            note = f"at the current pace ({pace:+.1f} points a month)"
            return Projection(forecast.projected_on, summary, note)
        short = {
            ForecastStatus.NOT_ENOUGH_DATA: "needs two assessments",
            ForecastStatus.REACHED: "target reached",
            ForecastStatus.NOT_IMPROVING: "readiness not rising",
            ForecastStatus.BEYOND_HORIZON: "more than 25 years away",
        }
        return Projection(None, summary, short.get(forecast.status, ""))

    def next_steps(self, limit: int) -> NextSteps:
        """The top ``limit`` suggestions with their reasons, and the pace they need."""
        engine = self._engine
        if engine is None:
            return NextSteps((), f"Ranked next steps are {NOT_AVAILABLE} in this version.", False)
        steps = tuple(_plan_step(s) for s in engine.top(limit))
        note = budget_sentence(engine.projection)
        if not steps:
            return NextSteps((), "No suggestions at the moment: the plan is in good shape.")
        return NextSteps(steps, note)


def _plan_step(suggestion: Suggestion) -> PlanStep:
    action = suggestion.action
    if suggestion.action_detail:
        action = (
            f"{action}. {suggestion.action_detail}"
            if not action.endswith(".")
            else (f"{action} {suggestion.action_detail}")
        )
    source = suggestion.source
    citation = f"{source.section} ({source.document}): “{source.quote}”"
    return PlanStep(
        title=suggestion.title,
        action=action,
        rationale=suggestion.rationale,
        source=citation,
        effort_hours=suggestion.effort_hours,
        kind=suggestion.kind.label,
    )


def budget_sentence(projection: BudgetProjection) -> str:
    """How long the missing level steps take at the weekly budget, in one or two sentences."""
    if projection.reached_on is None:
        return ""
    budget = f"{hours(projection.hours_per_week)} a week"
    if projection.remaining_hours <= 0:
        return f"Every target level of {projection.profile_name} is met."
    text = (
        f"At {budget}, the {hours(projection.remaining_hours)} of level steps still missing"
        f" take about {projection.weeks} weeks: {projection.profile_name} around"
        f" {month_year(projection.reached_on)}."
    )
    needed = projection.hours_per_week_for_target_date
    if projection.target_date is not None and needed is not None and not projection.on_track:
        text += (
            f" Reaching it by the target date ({short_date(projection.target_date)}) takes"
            f" about {hours(round(needed, 1))} a week; the last 90 days averaged"
            f" {hours(round(projection.logged_hours_per_week, 1))}."
        )
    return text
