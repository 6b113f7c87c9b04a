"""Picking the concrete thing to do for a competency's next level step.

From the catalogue's two to four activities for the step, skip those the person has
already logged (judged by the words of the titles), then prefer one that fits in
about three weeks of the weekly budget (or the most of it), one of a kind they have
not done for that competency lately (variety), and hands-on work over reading.
Without catalogue activities the action is the next level's descriptor: what that
level looks like.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Collection, Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache

from planner.analysis.next_steps import wording
from planner.analysis.next_steps.facts import CompetencyFacts, Facts
from planner.framework.activities import Activity, ActivityCatalogue
from planner.vocabulary import LearningKind

DEFAULT_STEP_HOURS = 20.0
FITS_WEEKS = 3
DONE_OVERLAP = 0.6
WORD_LENGTH = 6
HANDS_ON = frozenset({LearningKind.PROJECT, LearningKind.ON_THE_JOB, LearningKind.MENTORING_GIVEN})
_STOP_WORDS = frozenset(
    {"a", "an", "and", "as", "at", "by", "for", "from", "in", "into", "is", "it", "its"}
    | {"of", "on", "one", "or", "the", "their", "to", "with", "you", "your"}
)


@dataclass(frozen=True)
class ChosenStep:
    """The action for one level step: an activity, or the next level's descriptor."""

    activity: Activity | None
    action: str
    detail: str
    hours: float


def title_words(text: str) -> frozenset[str]:
    """Significant words of a title, cut to six letters so "reproduce" meets "reproduced"."""
    words = re.findall(r"[a-z0-9]+", text.lower())
    return frozenset(w[:WORD_LENGTH] for w in words if w not in _STOP_WORDS)


_TOKENS = re.compile(r"[a-z0-9]+|\n")


def vocabulary_word_sets(
    titles: Iterable[str], vocabulary: Collection[str]
) -> Iterator[frozenset[str]]:
    """The words of ``vocabulary`` in each title that holds two or more of them.

    The same as ``title_words(t) & vocabulary`` for each title, but the titles are
    lowered and split in one pass, so a career of titles takes milliseconds.
    Titles sharing fewer than two words can never count as done, so they are left out.
    """
    text = "\n".join(t.replace("\n", " ") for t in titles).lower()
    words: set[str] = set()
    for token in _TOKENS.findall(text):
        if token == "\n":
            if len(words) > 1:
                yield frozenset(words)
            words = set()
        elif token[:WORD_LENGTH] in vocabulary:
            words.add(token[:WORD_LENGTH])
    if len(words) > 1:
        yield frozenset(words)


class LoggedTitles:
    """The words of every logged title, indexed by word so a check reads only related titles.

    With a ``vocabulary`` (every word of the activities that will be checked) only
    those words are indexed, which is what makes a log of 100,000 titles cheap.
    """

    def __init__(self, titles: Iterable[str], vocabulary: Collection[str] | None = None) -> None:
        distinct = dict.fromkeys(titles)
        word_sets: Iterable[frozenset[str]] = (
            (title_words(t) for t in distinct)
            if vocabulary is None
            else vocabulary_word_sets(distinct, vocabulary)
        )
        self._word_sets = list(dict.fromkeys(word_sets))
        self._by_word: dict[str, list[int]] = defaultdict(list)
        for index, words in enumerate(self._word_sets):
            for word in words:
                self._by_word[word].append(index)

    def include(self, activity: Activity) -> bool:
        """Whether a logged title shares most of the activity title's words."""
        wanted = title_words(activity.title)
        if len(wanted) < 2:
            return False
        shared: Counter[int] = Counter()
        for word in wanted:
            shared.update(self._by_word.get(word, ()))
        return any(count / len(wanted) >= DONE_OVERLAP for count in shared.values())


@lru_cache(maxsize=2)
def logged_titles(titles: frozenset[str], vocabulary: frozenset[str]) -> LoggedTitles:
    """The index of ``titles`` for ``vocabulary``, kept for the latest two logs.

    Re-planning the same log (another weekly budget, a decision that hides a
    suggestion) then skips indexing it again: 100,000 titles take tens of milliseconds.
    """
    return LoggedTitles(titles, vocabulary)


def step_hours(catalogue: ActivityCatalogue, competency_id: str, from_level: int) -> float:
    """Effort of one level step: all the catalogue's activities for it, or a default."""
    activities = catalogue.for_step(competency_id, from_level)
    return sum(a.hours for a in activities) if activities else DEFAULT_STEP_HOURS


class ActivityChooser:
    """Chooses activities for one person (their log and budget are fixed for a run)."""

    def __init__(self, facts: Facts, catalogue: ActivityCatalogue, hours_per_week: float) -> None:
        self.facts = facts
        self.catalogue = catalogue
        self.hours_per_week = hours_per_week
        vocabulary = frozenset(
            word
            for step in catalogue.steps
            for a in step.activities
            for word in title_words(a.title)
        )
        self._logged = logged_titles(facts.log.titles, vocabulary)
        # Kinds done per competency lately (log_summary.VARIETY_DAYS).
        self._recent_kinds = facts.log.recent_kinds

    def choose(self, comp: CompetencyFacts, from_level: int | None = None) -> ChosenStep:
        """The action for moving ``comp`` up from ``from_level`` (its current level by default)."""
        start = comp.level if from_level is None else from_level
        if start is None:
            start = self.facts.framework.scale.minimum
        options = [
            a for a in self.catalogue.for_step(comp.id, start) if not self._logged.include(a)
        ]
        if not options:
            return self._descriptor_step(comp, start + 1)
        recent = self._recent_kinds.get(comp.id, frozenset())
        best = max(enumerate(options), key=lambda item: (self._appeal(item[1], recent), -item[0]))[
            1
        ]
        return ChosenStep(best, best.title, best.description, best.hours)

    def _appeal(self, activity: Activity, recent_kinds: frozenset[LearningKind]) -> float:
        # Full marks when it fits in three weeks of budget, partial marks for the part that does.
        appeal = 2 * min(1.0, FITS_WEEKS * self.hours_per_week / activity.hours)
        if activity.kind not in recent_kinds:
            appeal += 1
        if activity.kind in HANDS_ON:
            appeal += 0.5
        return appeal

    def _descriptor_step(self, comp: CompetencyFacts, level: int) -> ChosenStep:
        framework = self.facts.framework
        descriptor = comp.competency.descriptors.get(level)
        if descriptor is None:
            level = framework.scale.maximum
            descriptor = comp.competency.descriptors[level]
        action = f"Work toward {wording.level(framework, level)} in {comp.name}"
        return ChosenStep(None, action, f"What it looks like: “{descriptor}”", DEFAULT_STEP_HOURS)
