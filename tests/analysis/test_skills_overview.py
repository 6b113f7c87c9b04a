"""What the Skills view reads for one person, in one call."""

from __future__ import annotations

from datetime import date

from planner.analysis.skills_overview import skills_overview
from planner.services.competency_hours import CompetencyHours
from planner.services.demo_data import seed_demo
from planner.services.records import AssessmentDraft, LearningDraft, PersonDraft, RatingDraft
from planner.services.service_set import Services
from planner.vocabulary import LearningKind


def test_the_overview_holds_the_person_s_aim_assessments_and_hours(services: Services) -> None:
    ada = services.people.create(PersonDraft("Ada"))
    services.learning.add(
        ada.id,
        LearningDraft("Pairing", LearningKind.MENTORING_GIVEN, date(2026, 5, 1), 2, ("mentoring",)),
    )
    assessment = services.assessments.create(
        ada.id, AssessmentDraft(date(2026, 6, 1), (RatingDraft("mentoring", 3),))
    )

    overview = skills_overview(services, ada.id)

    assert overview.person == ada
    assert overview.framework.id == ada.framework_id
    assert overview.profile.id == ada.target_profile_id
    assert overview.assessments == [assessment]
    assert overview.hours == CompetencyHours({"mentoring": 2.0}, {"leadership-mentorship": 2.0})


def test_before_any_assessment_no_hours_are_read(services: Services) -> None:
    ada = services.people.create(PersonDraft("Ada"))
    services.learning.add(
        ada.id, LearningDraft("Talk", LearningKind.TALK, date(2026, 5, 1), 1, ("mentoring",))
    )

    overview = skills_overview(services, ada.id)

    assert overview.assessments == []
    assert overview.hours == CompetencyHours({}, {})


def test_the_demo_person_s_hours_match_their_log(services: Services) -> None:
    seed_demo(services.database, services.clock.today())
    alex = services.people.list()[0]
    entries = services.learning.list_for(alex.id)

    overview = skills_overview(services, alex.id)

    for competency_id, hours in overview.hours.by_competency.items():
        expected = sum(e.hours for e in entries if competency_id in e.competency_ids)
        assert hours == expected
    assert set(overview.hours.by_competency) == {c for e in entries for c in e.competency_ids}
