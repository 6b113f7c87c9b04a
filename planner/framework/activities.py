"""The activity catalogue: concrete activities per competency per level step.

The next-step engine picks from it to turn a gap ("deployment 2 -> 3") into an
action a person can start this week.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from planner.framework.schema import Framework, Identifier, Level, LongText, ShortText
from planner.vocabulary import LearningKind

ACTIVITIES_FORMAT = "learning-path-planner/activities"
ACTIVITIES_FORMAT_VERSION = 1


class _FrozenModel(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Activity(_FrozenModel):
    """One concrete thing to do, with a rough effort estimate."""

    title: ShortText
    kind: LearningKind
    hours: Annotated[float, Field(gt=0, le=1000)]
    description: LongText


class ActivityStep(_FrozenModel):
    """Activities that move one competency from one level to the next."""

    competency: Identifier
    from_level: Level
    to_level: Level
    activities: Annotated[list[Activity], Field(min_length=2, max_length=4)]

    @model_validator(mode="after")
    def _check_step(self) -> ActivityStep:
        if self.to_level != self.from_level + 1:
            raise ValueError("to_level must be from_level + 1")
        return self


class ActivityCatalogue(_FrozenModel):
    """A whole activity catalogue file for one framework."""

    format: Literal["learning-path-planner/activities"]
    format_version: Literal[1]
    framework: Identifier
    steps: list[ActivityStep]

    def for_step(self, competency_id: str, from_level: int) -> list[Activity]:
        """Activities for moving ``competency_id`` up from ``from_level`` (may be empty)."""
        for step in self.steps:
            if step.competency == competency_id and step.from_level == from_level:
                return list(step.activities)
        return []

    def check_against(self, framework: Framework) -> None:
        """Raise ``ValueError`` unless every step names a competency and levels of ``framework``."""
        if self.framework != framework.id:
            raise ValueError(
                f"framework: this catalogue is for '{self.framework}', not '{framework.id}'"
            )
        ids = {c.id for c in framework.competencies}
        seen: set[tuple[str, int]] = set()
        for index, step in enumerate(self.steps):
            if (step.competency, step.from_level) in seen:
                raise ValueError(
                    f"steps[{index}]: a second step for '{step.competency}'"
                    f" from level {step.from_level}"
                )
            seen.add((step.competency, step.from_level))
            if step.competency not in ids:
                raise ValueError(f"steps[{index}]: unknown competency '{step.competency}'")
            if not framework.scale.minimum <= step.from_level < framework.scale.maximum:
                raise ValueError(f"steps[{index}]: from_level {step.from_level} is off the scale")
