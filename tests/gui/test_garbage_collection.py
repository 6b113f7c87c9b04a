"""Full collections when the window idles; start-up objects set aside without pinning garbage."""

from __future__ import annotations

import gc
import subprocess
import sys
import textwrap
import weakref
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from planner.gui.garbage_collection import (
    FULL_PASS_AFTER,
    IdleCollector,
    collect_when_idle,
    installed_collector,
)

REPO = Path(__file__).resolve().parents[2]

# In a child process: freezing would keep this test process's objects for good.
CHECK = textwrap.dedent(
    """
    import gc, weakref
    from planner.gui.garbage_collection import set_aside_start_up_objects

    class Node:
        pass

    kept, dropped = Node(), Node()
    dropped.self = dropped  # a cycle only a collection frees
    gone = weakref.ref(dropped)
    del dropped
    set_aside_start_up_objects()
    frozen = gc.get_freeze_count()
    set_aside_start_up_objects()  # a second call does nothing
    print(frozen > 1000, gone() is None, gc.get_freeze_count() == frozen, kept is not None)
    """
)


def test_objects_alive_at_start_up_are_set_aside_and_garbage_is_not() -> None:
    done = subprocess.run(
        [sys.executable, "-c", CHECK],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=REPO,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["True", "True", "True", "True"]


class Node:
    """Something that can sit in a reference cycle."""

    other: Node | None = None


@pytest.fixture
def collector(qapp: QApplication) -> Iterator[IdleCollector]:
    """The only idle collector while the test runs (the program's, if a test started it, waits)."""
    program = installed_collector()
    if program is not None:
        program.stop()
        program.deleteLater()
        qapp.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        assert installed_collector() is None
    before = gc.get_threshold()
    made = IdleCollector()
    yield made
    made.stop()
    assert gc.get_threshold() == before
    if program is not None:
        collect_when_idle(qapp)


def test_a_due_full_collection_waits_for_the_event_loop_to_idle(
    qtbot: QtBot, collector: IdleCollector
) -> None:
    assert gc.get_threshold()[2] == FULL_PASS_AFTER * 10  # Python's own, ten times further off
    first, second = Node(), Node()
    first.other, second.other = second, first
    gone = weakref.ref(first)
    gc.collect(1)  # survivors of the young generations move to the old one
    del first, second
    while gc.get_count()[2] < FULL_PASS_AFTER:  # as after a view filled itself
        gc.collect(1)
    passes = collector.passes
    assert gone() is not None  # in the old generation, which only a full pass frees
    qtbot.wait(20)  # the loop waits for events: the collector's moment
    assert collector.passes == passes + 1
    assert gone() is None and gc.get_count()[2] < FULL_PASS_AFTER


def test_nothing_is_collected_while_no_full_pass_is_due(
    qtbot: QtBot, collector: IdleCollector
) -> None:
    gc.collect()
    qtbot.wait(20)
    assert collector.passes == 0
