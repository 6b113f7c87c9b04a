"""A plan gathered and paginated off the GUI thread, handed over as plain values.

Gathering a large record and searching for good page breaks takes a second or more,
so the Plan view does it on a worker thread (:func:`prepare_plan`). What comes back
holds no Qt object tied to that thread: the plan's data, the page breaks found and
the decoded chart images (``QImage`` is an implicitly shared value). The GUI thread
then lays the plan out once more with those breaks (:meth:`PreparedPlan.paginate`,
a single pass) and owns that document, so no text document is shared by two threads.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from planner.report.page_setup import Paper
from planner.report.paginated_plan import ChartImages, PaginatedPlan
from planner.report.plan_model import Plan, PlanSections
from planner.services.service_set import Services


@dataclass(frozen=True)
class PreparedPlan:
    """One person's plan with every section, and how it paginates with ``sections``."""

    person_id: int
    plan: Plan
    sections: PlanSections
    paper: Paper
    breaks: tuple[str, ...]
    charts: ChartImages
    page_count: int

    def paginate(self) -> PaginatedPlan:
        """The plan laid out here (the calling thread), reusing the breaks and images."""
        return PaginatedPlan(
            replace(self.plan, sections=self.sections),
            self.paper,
            breaks=self.breaks,
            charts=self.charts,
        )


def prepare_plan(
    services: Services,
    person_id: int,
    sections: PlanSections,
    paper: Paper,
    gathered: Plan | None = None,
) -> PreparedPlan:
    """Gather ``person_id``'s plan (unless ``gathered`` already holds it) and paginate it.

    Meant for a worker thread: it only reads through ``services`` and keeps nothing.
    """
    if gathered is None:
        from planner.report.plan_data import build_plan

        gathered = build_plan(services, person_id)
    paginated = PaginatedPlan(replace(gathered, sections=sections), paper)
    return PreparedPlan(
        person_id,
        gathered,
        sections,
        paper,
        paginated.breaks,
        paginated.charts,
        paginated.page_count,
    )
