"""Reading chart data off the GUI thread, so ten years of log never freeze the window.

A request is a list of (chart name, function) pairs; one worker thread runs them in
order and hands each result back to the GUI thread. A newer request makes the
results of older ones stale: they are dropped on arrival. The functions only read
(each service call opens its own session), so they may run beside the GUI's reads.

Signals: ``loaded(str, object)`` per chart, ``failed(str, str)`` with the error's text,
``finished()`` when the latest request is complete.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

Task = tuple[str, Callable[[], object]]


class _Relay(QObject):
    """Carries results from the worker to the GUI thread (a queued connection)."""

    delivered = Signal(int, str, object)


class _Job(QRunnable):
    def __init__(self, relay: _Relay, generation: int, tasks: Sequence[Task]) -> None:
        super().__init__()
        self.relay = relay
        self.generation = generation
        self.tasks = list(tasks)

    def run(self) -> None:
        for name, work in self.tasks:
            result: object
            try:
                result = work()
            except Exception as error:  # handed to the GUI thread, which says what failed
                result = error
            try:
                self.relay.delivered.emit(self.generation, name, result)
            except RuntimeError:  # the loader was deleted meanwhile: nobody is waiting
                return


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
        self._relay.delivered.connect(self._on_delivered)
        self._generation = 0
        self._pending = 0

    @property
    def busy(self) -> bool:
        """Whether results of the latest request are still to come."""
        return self._pending > 0

    def load(self, tasks: Sequence[Task]) -> None:
        """Run ``tasks`` in order; results of any earlier request still running are dropped."""
        self._generation += 1
        self._pending = len(tasks)
        self._pool.start(_Job(self._relay, self._generation, tasks))

    def wait(self) -> None:
        """Block until the worker is idle (for screenshots and shutdown)."""
        self._pool.waitForDone()

    def _on_delivered(self, generation: int, name: str, result: object) -> None:
        if generation != self._generation:
            return
        self._pending -= 1
        if isinstance(result, Exception):
            self.failed.emit(name, str(result))
        else:
            self.loaded.emit(name, result)
        if self._pending == 0:
            self.finished.emit()
