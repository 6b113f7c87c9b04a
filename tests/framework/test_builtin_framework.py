"""The built-in "Senior ML developer" framework, its activity catalogue and its seed tracing."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import pytest

from planner.framework.loader import builtin_activities, builtin_framework
from planner.resources import seeds_dir

SHARED_SEEDS = Path(__file__).resolve().parents[3] / "shared" / "seeds"

# File 000 marks sections as "**Section: Core Competencies**",
# file 001 as "**[Section: Skill Development]**".
_HEADING = re.compile(r"^\*\*\[?Section: (?P<name>[^\]*]+?)\]?\*\*[ \t]*$", re.MULTILINE)


def seed_sections(text: str) -> dict[str, str]:
    """Map each section heading of a seed script to the text under it.

    A script with no "Introduction" heading (file 001) has its opening text, before
    the first heading, counted as its "Introduction".
    """
    matches = list(_HEADING.finditer(text))
    assert matches, "no section headings found; has the seed format changed?"
    ends = [m.start() for m in matches[1:]] + [len(text)]
    sections = {
        m["name"].strip(): text[m.end() : end] for m, end in zip(matches, ends, strict=True)
    }
    if "Introduction" not in sections:
        sections = {"Introduction": text[: matches[0].start()], **sections}
    return sections


@cache
def sections_of(file_name: str) -> dict[str, str]:
    return seed_sections((seeds_dir() / file_name).read_text(encoding="utf-8"))


def seed_files() -> list[str]:
    return sorted(path.name for path in seeds_dir().glob("*.txt"))


def test_seed_heading_parser_reads_both_styles() -> None:
    text = "opening\n**Section: One**\nfirst\n**[Section: Two]**\nsecond\n"
    assert seed_sections(text) == {
        "Introduction": "opening\n",
        "One": "\nfirst\n",
        "Two": "\nsecond\n",
    }


def test_builtin_framework_loads() -> None:
    framework = builtin_framework()
    assert framework.id == "senior-ml-developer"
    assert framework.format_version == 1
    assert [lvl.name for lvl in framework.scale.levels] == [
        "Junior",
        "Developing",
        "Mid-level",
        "Senior",
        "Beyond senior",
    ]
    assert (framework.scale.junior, framework.scale.senior) == (1, 4)
    assert 18 <= len(framework.competencies) <= 20


def test_areas_are_tagged_for_the_next_step_rules() -> None:
    framework = builtin_framework()
    tags = {area.id: set(area.tags) for area in framework.areas}
    for area in framework.areas[:3]:
        assert "technical" in area.tags, area.id
    assert {"problem-solving", "technical"} <= tags["problem-solving"]
    every_tag = set().union(*tags.values())
    assert every_tag == {
        "technical",
        "problem-solving",
        "leadership",
        "responsibility",
        "communication",
        "strategy",
        "learning",
    }


def test_every_competency_describes_every_level() -> None:
    framework = builtin_framework()
    levels = {lvl.level for lvl in framework.scale.levels}
    for comp in framework.competencies:
        assert set(comp.descriptors) == levels, comp.id
        texts = list(comp.descriptors.values())
        assert len(set(texts)) == len(texts), f"{comp.id} repeats a descriptor"


def test_senior_profile_is_the_default_target() -> None:
    framework = builtin_framework()
    senior = framework.profile(framework.default_profile)
    assert (senior.id, senior.kind, senior.name) == (
        "senior-ml-developer",
        "target",
        "Senior ML developer",
    )
    targets = list(senior.targets.values())
    assert targets.count(framework.scale.senior) >= len(targets) - 3
    assert max(targets) == framework.scale.senior


def test_three_pathways_raise_competencies_above_senior() -> None:
    framework = builtin_framework()
    senior = framework.profile(framework.default_profile)
    pathways = [p for p in framework.profiles if p.kind == "pathway"]
    assert {p.id for p in pathways} == {
        "lead-specialised-projects",
        "ml-engineering-manager",
        "ai-ethics-specialist",
    }
    for pathway in pathways:
        raised = [c for c, level in pathway.targets.items() if level == framework.scale.maximum]
        assert raised, f"{pathway.id} raises nothing to the top level"
        for comp_id, level in pathway.targets.items():
            assert level >= senior.targets[comp_id], (pathway.id, comp_id)


def test_every_profile_targets_every_competency() -> None:
    framework = builtin_framework()
    ids = {c.id for c in framework.competencies}
    for profile in framework.profiles:
        assert set(profile.targets) == ids, profile.id


def test_sources_are_the_seed_files() -> None:
    framework = builtin_framework()
    assert [(doc.id, doc.file) for doc in framework.sources] == [
        ("seed-000", "000_7bb726e0f8e27ec2.txt"),
        ("seed-001", "001_c2ddbd1ba0effbd7.txt"),
    ]
    assert sorted(doc.file for doc in framework.sources) == seed_files()


@pytest.mark.parametrize("file_name", seed_files())
def test_every_seed_section_is_cited(file_name: str) -> None:
    framework = builtin_framework()
    cited = {
        ref.section
        for comp in framework.competencies
        for ref in comp.sources
        if framework.document(ref.document).file == file_name
    }
    uncited = [name for name in sections_of(file_name) if name not in cited]
    assert not uncited, f"{file_name}: no competency cites section(s) {uncited}"


def test_every_quote_is_verbatim_in_its_section() -> None:
    framework = builtin_framework()
    problems = []
    for comp in framework.competencies:
        for ref in comp.sources:
            file_name = framework.document(ref.document).file
            section = sections_of(file_name).get(ref.section)
            if section is None:
                problems.append(f"{comp.id}: {file_name} has no section {ref.section!r}")
            elif ref.quote not in section:
                problems.append(f"{comp.id}: {ref.quote!r} not in {file_name} / {ref.section}")
            elif not 5 <= len(ref.quote.split()) <= 30:
                problems.append(f"{comp.id}: quote {ref.quote!r} is not 5-30 words")
    assert not problems, "\n".join(problems)


def test_shared_seeds_match_bundled_copies() -> None:
    if not SHARED_SEEDS.is_dir():
        pytest.skip(f"{SHARED_SEEDS} is not present")
    shared = sorted(path.name for path in SHARED_SEEDS.glob("*.txt"))
    assert shared == seed_files()
    for name in shared:
        assert (SHARED_SEEDS / name).read_bytes() == (seeds_dir() / name).read_bytes(), name


def test_activity_catalogue_covers_every_competency_and_step() -> None:
    framework = builtin_framework()
    catalogue = builtin_activities()
    assert catalogue.framework == framework.id
    scale = framework.scale
    missing = []
    for comp in framework.competencies:
        for from_level in range(scale.minimum, scale.maximum):
            count = len(catalogue.for_step(comp.id, from_level))
            if not 2 <= count <= 4:
                missing.append(f"{comp.id} {from_level}->{from_level + 1}: {count} activities")
    assert not missing, "\n".join(missing)
    steps = [(step.competency, step.from_level) for step in catalogue.steps]
    assert len(steps) == len(set(steps)), "a step is listed twice"


def test_activity_titles_are_unique_per_competency() -> None:
    catalogue = builtin_activities()
    by_competency: dict[str, list[str]] = {}
    for step in catalogue.steps:
        by_competency.setdefault(step.competency, []).extend(a.title for a in step.activities)
    for comp_id, titles in by_competency.items():
        assert len(titles) == len(set(titles)), comp_id
