"""The versioned framework file format (see ``resources/frameworks/README.md``).

A framework is plain, frozen data: areas holding competencies, one ordinal level
scale with a descriptor per level, target profiles, and the source document
sections each competency is traced to. Every cross-reference is checked here so
that the rest of the program can trust a loaded framework.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator

FRAMEWORK_FORMAT = "learning-path-planner/framework"
FRAMEWORK_FORMAT_VERSION = 1

Identifier = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9-]{0,63}$", strict=True)]
ShortText = Annotated[str, StringConstraints(min_length=1, max_length=200, strip_whitespace=True)]
LongText = Annotated[str, StringConstraints(min_length=1, max_length=2000, strip_whitespace=True)]
Level = Annotated[int, Field(ge=0, le=20, strict=True)]
AreaTag = Literal[
    "technical",
    "problem-solving",
    "leadership",
    "responsibility",
    "communication",
    "strategy",
    "learning",
]


class _FrozenModel(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class ScaleLevel(_FrozenModel):
    """One step of the ordinal scale, e.g. 4 = "Senior"."""

    level: Level
    name: ShortText
    summary: LongText


class Scale(_FrozenModel):
    """The level scale every competency is rated on."""

    levels: Annotated[list[ScaleLevel], Field(min_length=2, max_length=21)]
    junior: Level
    senior: Level

    @model_validator(mode="after")
    def _check_order(self) -> Scale:
        numbers = [lvl.level for lvl in self.levels]
        if numbers != list(range(numbers[0], numbers[0] + len(numbers))):
            raise ValueError("levels must be consecutive whole numbers in ascending order")
        if not numbers[0] <= self.junior < self.senior <= numbers[-1]:
            raise ValueError("junior and senior must be levels of the scale, junior below senior")
        return self

    @property
    def minimum(self) -> int:
        """Lowest level of the scale."""
        return self.levels[0].level

    @property
    def maximum(self) -> int:
        """Highest level of the scale."""
        return self.levels[-1].level

    def name_of(self, level: int) -> str:
        """Name of a level, e.g. "Senior"."""
        return self.levels[level - self.minimum].name


class SourceDocument(_FrozenModel):
    """A document competencies are traced to (a seed file for the built-in framework)."""

    id: Identifier
    file: ShortText
    title: ShortText


class SourceRef(_FrozenModel):
    """Where a competency comes from: document, section heading and a short quote."""

    document: Identifier
    section: ShortText
    quote: Annotated[str, StringConstraints(min_length=1, max_length=600)]


class Competency(_FrozenModel):
    """One rated skill with a descriptor for every level of the scale."""

    id: Identifier
    name: ShortText
    description: LongText
    descriptors: dict[int, LongText]
    sources: Annotated[list[SourceRef], Field(min_length=1)]


class Area(_FrozenModel):
    """A group of competencies shown together (e.g. "Leadership and mentorship").

    ``tags`` classify the area for the next-step rules: technical, problem-solving,
    leadership, responsibility, communication, strategy, learning.
    """

    id: Identifier
    name: ShortText
    description: LongText
    tags: list[AreaTag] = Field(default_factory=list)
    competencies: Annotated[list[Competency], Field(min_length=1)]


class Profile(_FrozenModel):
    """A target profile: the level aimed at for every competency."""

    id: Identifier
    name: ShortText
    description: LongText
    kind: Literal["target", "pathway"]
    targets: dict[str, Level]


class Framework(_FrozenModel):
    """A whole framework file, validated and cross-checked."""

    format: Literal["learning-path-planner/framework"]
    format_version: Literal[1]
    id: Identifier
    name: ShortText
    version: ShortText
    description: LongText
    scale: Scale
    sources: Annotated[list[SourceDocument], Field(min_length=1)]
    areas: Annotated[list[Area], Field(min_length=1)]
    profiles: Annotated[list[Profile], Field(min_length=1)]
    default_profile: Identifier

    @model_validator(mode="after")
    def _check_references(self) -> Framework:
        # Messages start with the JSON path of the culprit; the loader shows it as the location.
        _unique("areas", [a.id for a in self.areas])
        _unique("sources", [s.id for s in self.sources])
        _unique("profiles", [p.id for p in self.profiles])
        seen: set[str] = set()
        levels = {lvl.level for lvl in self.scale.levels}
        documents = {s.id for s in self.sources}
        for a_index, area in enumerate(self.areas):
            for c_index, comp in enumerate(area.competencies):
                where = f"areas[{a_index}].competencies[{c_index}]"
                if comp.id in seen:
                    raise ValueError(f"{where}.id: competency id '{comp.id}' is used twice")
                seen.add(comp.id)
                if set(comp.descriptors) != levels:
                    missing = sorted(levels - set(comp.descriptors))
                    extra = sorted(set(comp.descriptors) - levels)
                    raise ValueError(
                        f"{where}.descriptors: competency '{comp.id}' must describe every"
                        f" level of the scale (missing {missing}, unknown {extra})"
                    )
                for r_index, ref in enumerate(comp.sources):
                    if ref.document not in documents:
                        raise ValueError(
                            f"{where}.sources[{r_index}].document: unknown source '{ref.document}'"
                        )
        for p_index, profile in enumerate(self.profiles):
            where = f"profiles[{p_index}].targets"
            if set(profile.targets) != seen:
                missing_ids = sorted(seen - set(profile.targets))
                extra_ids = sorted(set(profile.targets) - seen)
                raise ValueError(
                    f"{where}: profile '{profile.id}' must give a target for every competency"
                    f" (missing {missing_ids}, unknown {extra_ids})"
                )
            for competency_id, target in profile.targets.items():
                if target not in levels:
                    raise ValueError(
                        f"{where}.{competency_id}: target {target} is outside the scale"
                        f" ({min(levels)} to {max(levels)})"
                    )
        if self.default_profile not in {p.id for p in self.profiles}:
            raise ValueError(
                f"default_profile: '{self.default_profile}' is not one of the profiles"
            )
        return self

    @property
    def competencies(self) -> list[Competency]:
        """Every competency, in area order."""
        return [comp for area in self.areas for comp in area.competencies]

    def competency(self, competency_id: str) -> Competency:
        """The competency with this id; ``KeyError`` if the framework has none."""
        for comp in self.competencies:
            if comp.id == competency_id:
                return comp
        raise KeyError(competency_id)

    def area_of(self, competency_id: str) -> Area:
        """The area holding a competency; ``KeyError`` if none does."""
        for area in self.areas:
            if any(c.id == competency_id for c in area.competencies):
                return area
        raise KeyError(competency_id)

    def profile(self, profile_id: str) -> Profile:
        """The profile with this id; ``KeyError`` if none."""
        for profile in self.profiles:
            if profile.id == profile_id:
                return profile
        raise KeyError(profile_id)

    def document(self, document_id: str) -> SourceDocument:
        """The source document with this id; ``KeyError`` if none."""
        for doc in self.sources:
            if doc.id == document_id:
                return doc
        raise KeyError(document_id)


def _unique(field: str, ids: list[str]) -> None:
    seen: set[str] = set()
    for index, item in enumerate(ids):
        if item in seen:
            raise ValueError(f"{field}[{index}].id: id '{item}' is used twice")
        seen.add(item)
