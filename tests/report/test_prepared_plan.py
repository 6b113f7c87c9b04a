"""A plan prepared on a worker thread, laid out once more where it is shown."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtCore import QRunnable, QThreadPool

from planner.report.page_setup import Paper
from planner.report.paginated_plan import PaginatedPlan
from planner.report.plan_model import Plan, PlanSections
from planner.report.prepared_plan import PreparedPlan, prepare_plan
from planner.services.service_set import Services

pytestmark = pytest.mark.usefixtures("qapp")


class _Prepare(QRunnable):
    """prepare_plan on a thread of a Qt pool, as the Plan view runs it."""

    def __init__(self, services: Services, person_id: int, gathered: Plan | None) -> None:
        super().__init__()
        self.setAutoDelete(False)
        self.args = (services, person_id, PlanSections(sign_off=False), Paper.LETTER, gathered)
        self.result: PreparedPlan | None = None

    def run(self) -> None:
        self.result = prepare_plan(*self.args)


def prepared_off_thread(services: Services, gathered: Plan | None = None) -> PreparedPlan:
    job = _Prepare(services, services.people.list()[0].id, gathered)
    pool = QThreadPool()
    pool.start(job)
    pool.waitForDone()
    assert job.result is not None
    return job.result


def test_prepared_on_a_worker_it_lays_out_here_as_found_there(demo_db: Services) -> None:
    prepared = prepared_off_thread(demo_db)
    here = prepared.paginate()
    assert here.passes == 1  # the breaks were found on the worker
    assert here.page_count == prepared.page_count >= 4
    assert here.paper is Paper.LETTER
    assert "Review and sign-off" not in here.document.toPlainText()
    # The same as searching for the breaks here.
    searched = PaginatedPlan(replace(prepared.plan, sections=prepared.sections), Paper.LETTER)
    assert searched.breaks == prepared.breaks
    assert searched.document.toPlainText() == here.document.toPlainText()


def test_the_plan_comes_back_whole_for_other_sections(demo_db: Services) -> None:
    prepared = prepared_off_thread(demo_db)
    assert prepared.plan.sections == PlanSections()  # every section gathered
    assert prepared.plan.radar.image is not None and prepared.plan.progress.image is not None
    assert prepared.person_id == demo_db.people.list()[0].id


def test_a_gathered_plan_is_not_gathered_again(demo_db: Services, demo_plan: Plan) -> None:
    prepared = prepared_off_thread(demo_db, gathered=demo_plan)
    assert prepared.plan is demo_plan
