"""Hours per competency and per area, summed by the database for the Skills view."""

from __future__ import annotations

from datetime import date

from planner.framework.loader import builtin_framework
from planner.services.competency_hours import CompetencyHours, competency_hours
from planner.services.records import LearningDraft, PersonDraft
from planner.services.service_set import Services
from planner.vocabulary import LearningKind

AREA_OF = {c.id: area.id for area in builtin_framework().areas for c in area.competencies}


def log(services: Services, person_id: int, hours: float, *competencies: str) -> None:
    draft = LearningDraft("Entry", LearningKind.COURSE, date(2026, 5, 1), hours, competencies)
    services.learning.add(person_id, draft)


def test_an_entry_counts_fully_for_each_competency_and_once_per_area(
    services: Services,
) -> None:
    ada = services.people.create(PersonDraft("Ada"))
    log(services, ada.id, 2.0, "mentoring", "knowledge-sharing")  # one area, two competencies
    log(services, ada.id, 1.5, "mentoring")
    log(services, ada.id, 4.0, "python-programming", "mentoring")  # two areas
    log(services, ada.id, 1.0)  # no competency: counts nowhere

    hours = competency_hours(services.database, ada.id, AREA_OF)

    assert hours.by_competency == {
        "mentoring": 7.5,
        "knowledge-sharing": 2.0,
        "python-programming": 4.0,
    }
    assert hours.by_area == {
        "leadership-mentorship": 7.5,
        "technical-foundations": 4.0,
    }


def test_only_the_person_s_own_entries_count(services: Services) -> None:
    ada = services.people.create(PersonDraft("Ada"))
    ben = services.people.create(PersonDraft("Ben"))
    log(services, ada.id, 3.0, "mentoring")
    log(services, ben.id, 5.0, "mentoring")

    assert competency_hours(services.database, ada.id, AREA_OF).by_competency == {"mentoring": 3.0}
    empty = services.people.create(PersonDraft("Cleo"))
    assert competency_hours(services.database, empty.id, AREA_OF) == CompetencyHours({}, {})


def test_competencies_outside_the_framework_count_toward_no_area(services: Services) -> None:
    ada = services.people.create(PersonDraft("Ada"))
    log(services, ada.id, 2.0, "mentoring", "python-programming")
    only_mentoring = {"mentoring": "leadership-mentorship"}

    hours = competency_hours(services.database, ada.id, only_mentoring)

    assert hours.by_competency == {"mentoring": 2.0, "python-programming": 2.0}
    assert hours.by_area == {"leadership-mentorship": 2.0}
    assert competency_hours(services.database, ada.id, {}).by_area == {}
