"""Chart data read on a worker thread: in order, the newest request wins, wait hands over now."""

from __future__ import annotations

import threading

import pytest
from pytestqt.qtbot import QtBot

from planner.gui.charts.chart_loader import ChartLoader


@pytest.fixture
def loader(qapp: object) -> ChartLoader:
    return ChartLoader()


def record(loader: ChartLoader) -> list[tuple[str, object]]:
    seen: list[tuple[str, object]] = []
    loader.loaded.connect(lambda name, result: seen.append((name, result)))
    loader.failed.connect(lambda name, message: seen.append((name, f"failed: {message}")))
    loader.finished.connect(lambda: seen.append(("finished", None)))
    return seen


def test_results_arrive_in_order_from_another_thread(qtbot: QtBot, loader: ChartLoader) -> None:
    seen = record(loader)
    threads: list[int] = []

    def first() -> object:
        threads.append(threading.get_ident())
        return 1

    with qtbot.waitSignal(loader.finished):
        loader.load([("a", first), ("b", lambda: 2)])
    assert seen == [("a", 1), ("b", 2), ("finished", None)]
    assert threads and threads[0] != threading.get_ident()
    assert not loader.busy


def test_a_failure_is_told_in_words(qtbot: QtBot, loader: ChartLoader) -> None:
    seen = record(loader)

    def broken() -> object:
        raise ValueError("no such period")

    with qtbot.waitSignal(loader.finished):
        loader.load([("radar", broken), ("hours", lambda: 3)])
    assert seen == [("radar", "failed: no such period"), ("hours", 3), ("finished", None)]


def test_wait_hands_the_results_over_without_the_event_loop(loader: ChartLoader) -> None:
    seen = record(loader)
    loader.load([("a", lambda: "x")])
    loader.wait()
    assert seen == [("a", "x"), ("finished", None)]
    assert not loader.busy


def test_a_newer_request_skips_and_drops_the_older_one(qtbot: QtBot, loader: ChartLoader) -> None:
    seen = record(loader)
    started, release = threading.Event(), threading.Event()
    ran: list[str] = []

    def slow() -> object:
        started.set()
        release.wait(5)
        ran.append("slow")
        return "old"

    def skipped() -> object:
        ran.append("skipped")
        return "never"

    loader.load([("a", slow), ("b", skipped)])
    assert started.wait(5)
    loader.load([("a", lambda: "new")])
    release.set()
    loader.wait()
    assert seen == [("a", "new"), ("finished", None)]
    assert ran == ["slow"]  # the older request's remaining task never ran


def test_cancel_forgets_the_request(loader: ChartLoader) -> None:
    seen = record(loader)
    loader.load([("a", lambda: 1)])
    loader.cancel()
    assert not loader.busy
    loader.wait()
    assert seen == []
