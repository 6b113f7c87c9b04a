"""The review packet commands: ``export-review`` and ``import-review``."""

from __future__ import annotations

import argparse
from typing import TextIO

from planner.services.review_packet import import_packet, write_packet
from planner.services.review_packet_format import Sender
from planner.services.service_set import Services


def export_review(args: argparse.Namespace, services: Services, out: TextIO) -> int:
    """Write a person's packet; a mentor's copy goes back as the mentor's review."""
    person = services.people.find(args.person)
    sender = write_packet(services, person.id, args.file)
    if sender is Sender.MENTOR:
        out.write(f"Wrote your review of {person.name} to {args.file}; send it back to them.\n")
    else:
        out.write(f"Wrote {person.name}'s record to {args.file}; send it to your mentor.\n")
    return 0


def import_review(args: argparse.Namespace, services: Services, out: TextIO) -> int:
    """Open a packet: a mentee's record, or a mentor's ratings and comments."""
    out.write(f"{import_packet(services, args.file)}\n")
    return 0
