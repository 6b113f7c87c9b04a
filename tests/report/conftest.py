"""Report fixtures: the demo person's plan (built once per module, it draws charts) and helpers."""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path

import pytest
from pypdf import PdfReader

from planner.report.plan_data import build_plan
from planner.report.plan_model import Plan
from planner.services.clock import FixedClock
from planner.services.demo_data import seed_demo
from planner.services.records import GoalDraft, MilestoneDraft, PersonDraft
from planner.services.service_set import Services
from planner.vocabulary import GoalStatus

NOW = datetime(2026, 11, 21, 12, 0)
INJECTION = '<b>x</b><img src="file:///etc/passwd">'


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Services]:
    """A database holding the demo person, shared by the tests of one module."""
    folder = tmp_path_factory.mktemp("demo")
    services = Services.open(f"sqlite:///{folder / 'planner.sqlite'}", FixedClock(NOW))
    seed_demo(services.database, NOW.date())
    try:
        yield services
    finally:
        services.close()


@pytest.fixture(scope="module")
def demo_plan(demo_db: Services) -> Plan:
    """The demo person's whole plan, charts included."""
    return build_plan(demo_db, demo_db.people.list()[0].id)


def add_tiny_person(services: Services, name: str = "Sam Tiny") -> int:
    """A person with nothing recorded but their name."""
    return services.people.create(PersonDraft(name, current_role="Junior ML engineer")).id


def add_injected_goal(services: Services, person_id: int) -> None:
    """A goal whose title and milestone try to smuggle HTML into the plan."""
    services.goals.create(
        person_id,
        GoalDraft(
            INJECTION,
            description=INJECTION,
            due_date=date(2027, 1, 15),
            status=GoalStatus.ACTIVE,
            milestones=(MilestoneDraft(INJECTION, due_date=date(2026, 12, 20)),),
        ),
    )


def pdf_text(data: bytes | Path) -> list[str]:
    """The text of each page of a PDF, whitespace folded to single spaces."""
    stream = io.BytesIO(data if isinstance(data, bytes) else data.read_bytes())
    return [re.sub(r"\s+", " ", page.extract_text() or "") for page in PdfReader(stream).pages]
