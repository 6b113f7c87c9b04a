"""The facts of the Mentees overview, for several people at once, in a few queries."""

from __future__ import annotations

from datetime import date, datetime

from planner.services.records import (
    AssessmentDraft,
    GoalDraft,
    LearningDraft,
    PersonDraft,
    RatingDraft,
)
from planner.services.service_set import Services
from planner.vocabulary import GoalStatus, LearningKind, RaterKind


def rate(services: Services, person_id: int, day: date, level: int, mentor: str = "") -> None:
    services.assessments.create(
        person_id,
        AssessmentDraft(
            day,
            (RatingDraft("python-programming", level), RatingDraft("mentoring", level)),
            RaterKind.MENTOR if mentor else RaterKind.SELF,
            mentor or None,
        ),
    )


def test_each_person_gets_their_latest_ratings_activity_and_goals(services: Services) -> None:
    ana = services.people.create(PersonDraft("Ana"))
    ben = services.people.create(PersonDraft("Ben"))
    cleo = services.people.create(PersonDraft("Cleo"))
    rate(services, ana.id, date(2026, 3, 1), 2)
    rate(services, ana.id, date(2026, 6, 1), 3, mentor="Dana")
    rate(services, ana.id, date(2026, 9, 1), 3)
    rate(services, ana.id, date(2026, 10, 1), 4)
    rate(services, ben.id, date(2026, 5, 5), 1)
    services.learning.add(ana.id, LearningDraft("Talk", LearningKind.TALK, date(2026, 11, 2), 1.0))
    services.learning.add(ben.id, LearningDraft("Book", LearningKind.BOOK, date(2026, 4, 1), 3))
    # The clock says 2026-11-21: one of Ben's goals is overdue, one open, one done.
    late = services.goals.create(ben.id, GoalDraft("Late", due_date=date(2026, 11, 30)))
    services.goals.create(ben.id, GoalDraft("Open", due_date=date(2027, 1, 1)))
    done = services.goals.create(ben.id, GoalDraft("Done"))
    services.goals.set_status(done.id, GoalStatus.DONE)
    clock = services.clock
    clock.moment = datetime(2026, 12, 5, 9, 0)  # type: ignore[attr-defined]

    facts = {f.person.name: f for f in services.mentees.facts()}

    assert list(facts) == ["Ana", "Ben", "Cleo"]
    assert [a.assessed_on for a in facts["Ana"].recent] == [date(2026, 9, 1), date(2026, 10, 1)]
    review = facts["Ana"].last_review
    assert review is not None and (review.assessed_on, review.rater_name) == (
        date(2026, 6, 1),
        "Dana",
    )
    assert facts["Ana"].last_activity == date(2026, 11, 2)
    ben_facts = facts["Ben"]
    assert [a.assessed_on for a in ben_facts.recent] == [date(2026, 5, 5)]
    assert ben_facts.last_review is None
    assert (ben_facts.open_goals, ben_facts.overdue_goals) == (2, 1)
    assert ben_facts.last_activity == date(2026, 11, 21)  # goals created and completed today
    assert late.id in {g.id for g in services.goals.list_for(ben.id)}
    empty = facts["Cleo"]
    assert (empty.recent, empty.last_review, empty.last_activity) == ((), None, None)
    assert (empty.open_goals, empty.overdue_goals) == (0, 0)
    assert cleo.id == empty.person.id


def test_assessments_on_one_day_count_in_the_order_they_were_made(services: Services) -> None:
    ana = services.people.create(PersonDraft("Ana"))
    ben = services.people.create(PersonDraft("Ben"))
    rate(services, ana.id, date(2026, 8, 1), 1, mentor="Dana")
    rate(services, ana.id, date(2026, 8, 1), 2, mentor="Eve")
    rate(services, ana.id, date(2026, 8, 1), 3)
    rate(services, ana.id, date(2026, 2, 1), 4)  # entered last, but the oldest
    rate(services, ben.id, date(2026, 9, 1), 5, mentor="Dana")

    facts = {f.person.name: f for f in services.mentees.facts()}

    assert [a.levels["mentoring"] for a in facts["Ana"].recent] == [2, 3]
    review = facts["Ana"].last_review
    assert review is not None and review.rater_name == "Eve"
    assert [a.levels["mentoring"] for a in facts["Ben"].recent] == [5]
    assert facts["Ben"].last_review == facts["Ben"].recent[-1]
