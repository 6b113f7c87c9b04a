"""Give memory that worker threads freed back to the system, so it does not pile up per thread.

glibc's allocator gives each thread its own arena and keeps what a thread frees for
that thread's later use. A worker that gathers a plan or draws charts frees tens of
megabytes when it is done, which no other thread can reuse: each worker's high-water
mark adds to the program's. ``malloc_trim`` returns the free pages of every arena to
the system; it takes a few milliseconds, so the workers call it once per finished
batch. Elsewhere than glibc this does nothing.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import sys
from functools import cache
from typing import Any


@cache
def _libc() -> Any:
    if not sys.platform.startswith("linux"):
        return None
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
    except OSError:
        return None
    return libc if hasattr(libc, "malloc_trim") else None


def release_free_memory() -> bool:
    """Return freed heap pages to the system; True when the allocator could be asked."""
    libc = _libc()
    if libc is None:
        return False
    libc.malloc_trim(0)
    return True
