"""The versioned review packet file: one person's record travelling to a mentor and back.

Layout (``format_version`` 1)::

    {"format": "learning-path-planner/review-packet", "format_version": 1,
     "sent_by": "person" | "mentor",
     "exported_at": "2026-11-21T12:00:00", "app_version": "0.1.0",
     "frameworks": [<custom framework file content the person is rated against>],
     "person": <one person exactly as in an export file (format version 2)>}

``sent_by: "person"`` is the person's own record as of ``exported_at``, for a mentor
to open; ``sent_by: "mentor"`` is the mentor's copy of it with their ratings and
comments, for the person to merge. Every person, assessment, goal and comment in
a packet carries its ``uid``: records are matched by it, never by name or position.
"""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any, Literal

import pydantic
from pydantic import BaseModel, ConfigDict, Field

from planner.errors import FileFormatError, file_error_from_pydantic
from planner.services.export_format import (
    EXPORT_FORMAT,
    MAX_FRAMEWORKS,
    PersonData,
    Timestamp,
    Title,
    record_uids,
)

PACKET_FORMAT = "learning-path-planner/review-packet"
PACKET_FORMAT_VERSION = 1
PACKET_SUFFIX = ".review.json"


class Sender(StrEnum):
    """Who wrote a packet: the person about their own record, or their mentor."""

    PERSON = "person"
    MENTOR = "mentor"


class PacketFile(BaseModel):
    """A whole review packet."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)

    format: Literal["learning-path-planner/review-packet"]
    format_version: Literal[1]
    sent_by: Annotated[Sender, Field(strict=False)]
    exported_at: Timestamp
    app_version: Title
    frameworks: Annotated[list[dict[str, Any]], Field(max_length=MAX_FRAMEWORKS)]
    person: PersonData


def parse_packet(data: Any, file: str | Path) -> PacketFile:
    """Check parsed JSON against the packet format; the error names the JSON path."""
    if not isinstance(data, dict):
        raise FileFormatError(file, "$", "expected a JSON object (a review packet)")
    found = data.get("format")
    if found != PACKET_FORMAT:
        hint = "; it is a full export: use Import (JSON) instead" if found == EXPORT_FORMAT else ""
        raise FileFormatError(
            file,
            "$.format",
            f"not a Learning Path Planner review packet (format is {repr(found)[:60]}){hint}",
        )
    version = data.get("format_version")
    if type(version) is int and version > PACKET_FORMAT_VERSION:
        raise FileFormatError(
            file,
            "$.format_version",
            f"format version {version} is newer than this program understands"
            f" ({PACKET_FORMAT_VERSION}); update the program",
        )
    try:
        packet = PacketFile.model_validate(data)
    except pydantic.ValidationError as exc:
        raise file_error_from_pydantic(file, exc) from None
    _require_uids(packet, file)
    return packet


def _require_uids(packet: PacketFile, file: str | Path) -> None:
    """Every record of a packet names itself: that is how the other side finds it again."""
    person = packet.person
    if person.uid is None:
        raise FileFormatError(file, "$.person.uid", "a review packet names its person by uid")
    given = {path for path, _uid, _kind in record_uids("$.person", person)}
    wanted = [f"$.person.assessments[{i}].uid" for i in range(len(person.assessments))]
    for index, goal in enumerate(person.goals):
        wanted.append(f"$.person.goals[{index}].uid")
        wanted += [f"$.person.goals[{index}].comments[{i}].uid" for i in range(len(goal.comments))]
    for path in wanted:
        if path not in given:
            raise FileFormatError(file, path, "every record of a review packet needs its uid")
