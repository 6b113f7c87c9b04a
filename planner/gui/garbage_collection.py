"""Keep the garbage collector's full passes out of the moments someone waits for the window.

A full collection walks every tracked object: 40-90 ms on the development machine
once the large database's views were visited. Python starts one when enough objects
have been allocated, which is exactly while a view is being filled, so one now and
then made a view open in 150-270 ms instead of 50. Two remedies:

- :func:`set_aside_start_up_objects`: the ~115,000 objects start-up makes (modules,
  classes, functions, the window) live as long as the program; :func:`gc.freeze`
  moves them out of the collector's sight, which shortens every full pass by half.
- :class:`IdleCollector`: full passes run when the GUI thread has nothing left to do
  and is about to wait for events, never inside a click's handler. Python's own
  trigger stays as a safety net, ten times further off, for long work without a pause.

Young generations are still collected by Python as usual (they are cheap). Full
passes on the GUI thread also keep Qt wrappers from being destroyed on a worker thread.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QAbstractEventDispatcher, QObject

# A full pass is due after this many collections of the middle generation (Python's
# default threshold); Python itself starts one only after ten times as many.
FULL_PASS_AFTER = 10
SAFETY_NET_FACTOR = 10

_set_aside = False
_collector: IdleCollector | None = None


def set_aside_start_up_objects() -> None:
    """Collect, then exempt every object alive now from later collections (once a process).

    Collecting first means no garbage is kept alive by it.
    """
    global _set_aside
    if _set_aside:
        return
    _set_aside = True
    gc.collect()
    gc.freeze()


class IdleCollector(QObject):
    """Runs the due full collection when the GUI thread's event loop is about to block.

    ``passes`` counts the collections it ran (for tests and benchmarks).
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.passes = 0
        self._thresholds = gc.get_threshold()
        young, middle, _old = self._thresholds
        gc.set_threshold(young, middle, FULL_PASS_AFTER * SAFETY_NET_FACTOR)
        self._dispatcher: QAbstractEventDispatcher | None = QAbstractEventDispatcher.instance(
            self.thread()
        )
        if self._dispatcher is not None:
            self._dispatcher.aboutToBlock.connect(self._on_idle)

    def stop(self) -> None:
        """Give the collector's thresholds back to Python and stop collecting when idle."""
        if self._dispatcher is not None:
            self._dispatcher.aboutToBlock.disconnect(self._on_idle)
            self._dispatcher = None
        gc.set_threshold(*self._thresholds)

    def _on_idle(self) -> None:
        if gc.get_count()[2] >= FULL_PASS_AFTER:
            gc.collect()
            self.passes += 1


def collect_when_idle(app: QObject) -> IdleCollector:
    """The application's idle collector, made on first use.

    Kept here rather than looked up with ``findChild``, whose first call makes PySide
    build Python enums for many Qt types (measured 12 ms before the window's first paint).
    """
    global _collector
    if _collector is None:
        _collector = IdleCollector(app)
        _collector.destroyed.connect(_forget_collector)
    return _collector


def installed_collector() -> IdleCollector | None:
    """The collector :func:`collect_when_idle` made, while it exists."""
    return _collector


def _forget_collector() -> None:
    global _collector
    _collector = None
