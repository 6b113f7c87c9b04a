"""Freed heap pages go back to the system after worker batches (glibc only)."""

from __future__ import annotations

import sys

import pytest

from planner.gui.heap import release_free_memory


def resident_kb() -> int:
    with open("/proc/self/status", encoding="ascii") as status:
        line = next(line for line in status if line.startswith("VmRSS:"))
    return int(line.split()[1])


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc's allocator only")
def test_freed_memory_is_given_back() -> None:
    blocks = [bytearray(64 * 1024) for _ in range(1600)]  # ~100 MB in malloc'd chunks
    keep = blocks[-1:]  # the last one pins the top of the heap
    del blocks
    before = resident_kb()
    assert release_free_memory()
    assert resident_kb() < before - 50_000  # most of the 100 MB went back
    assert keep
