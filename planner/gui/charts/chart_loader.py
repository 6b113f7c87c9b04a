"""Reading chart data off the GUI thread, so ten years of log never freeze the window.

A request is a list of (chart name, function) pairs; one worker thread runs them in
order and hands each result back to the GUI thread. A newer request makes the
results of older ones stale: their remaining tasks are skipped and what they already
produced is dropped. The functions only read (each service call opens its own
session), so they may run beside the GUI's reads.

Results travel through a queue the GUI thread empties, never as signal arguments, so
:meth:`ChartLoader.wait` can hand them over at once without running the event loop
(a Print button that needs the data now, a screenshot).

Signals: ``loaded(str, object)`` per chart, ``failed(str, str)`` with the error's text,
``finished()`` when the latest request is complete.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Sequence

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from planner.gui.heap import release_free_memory

Task = tuple[str, Callable[[], object]]
Outbox = deque[tuple[int, str, object]]


class _Relay(QObject):
    """Tells the GUI thread that results wait in the outbox (a queued connection)."""

    ready = Signal()


class _Request:
    """The generation a job belongs to, and whether a newer request replaced it."""

    def __init__(self, generation: int) -> None:
        self.generation = generation
        self.cancelled = False


class _Job(QRunnable):
    def __init__(self, relay: _Relay, outbox: Outbox, request: _Request, tasks: Sequence[Task]):
        super().__init__()
        self.relay = relay
        self.outbox = outbox
        self.request = request
        self.tasks = list(tasks)

    def run(self) -> None:
        try:
            self._run_tasks()
        finally:
            release_free_memory()  # what the tasks freed, for other threads to use

    def _run_tasks(self) -> None:
        for name, work in self.tasks:
            if self.request.cancelled:
                return
            # The result goes straight into the outbox and is never held here, so the
            # GUI thread always drops the last reference to it.
            self.outbox.append((self.request.generation, name, _outcome(work)))
            try:
                self.relay.ready.emit()
            except RuntimeError:  # the loader was deleted meanwhile: nobody is waiting
                return


def _outcome(work: Callable[[], object]) -> object:
    try:
        return work()
    except Exception as error:  # handed to the GUI thread, which says what failed
        # Without its traceback: the frames (and any Qt object in them) die here, on
        # the thread that made them.
        return error.with_traceback(None)


class ChartLoader(QObject):
    """Runs chart-data requests one after another on a worker thread."""

    loaded = Signal(str, object)
    failed = Signal(str, str)
    finished = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        # Created before the relay, so it is destroyed first: its destructor waits
        # for a running job, which may still emit through the relay.
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._relay = _Relay(self)
        self._relay.ready.connect(self.deliver)
        self._outbox: Outbox = deque()
        self._request = _Request(0)
        self._pending = 0

    @property
    def busy(self) -> bool:
        """Whether results of the latest request are still to come."""
        return self._pending > 0

    def load(self, tasks: Sequence[Task]) -> None:
        """Run ``tasks`` in order; an earlier request still running stops and is dropped."""
        self.cancel()
        self._pending = len(tasks)
        self._pool.start(_Job(self._relay, self._outbox, self._request, tasks))

    def cancel(self) -> None:
        """Forget the latest request: its remaining tasks are skipped, its results dropped."""
        self._request.cancelled = True
        self._request = _Request(self._request.generation + 1)
        self._pending = 0

    def wait(self) -> None:
        """Block until the worker is idle, then hand over every result it produced."""
        self._pool.waitForDone()
        self.deliver()

    def deliver(self) -> None:
        """Hand over the results that arrived (the worker asks for this; so may anyone)."""
        while self._outbox:
            generation, name, result = self._outbox.popleft()
            if generation != self._request.generation or self._pending == 0:
                continue
            self._pending -= 1
            if isinstance(result, Exception):
                self.failed.emit(name, str(result))
            else:
                self.loaded.emit(name, result)
            if self._pending == 0:
                self.finished.emit()
