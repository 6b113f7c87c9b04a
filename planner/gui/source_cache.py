"""Keep PySide6 from holding the source of every imported module in memory (about 45 MB).

For each module imported after it, PySide6 decides whether the module uses PySide
(for its ``__feature__`` switches) by reading the module's source with
``inspect.getsource``. Python's ``linecache`` keeps what that reads for the life of
the program: every line of the ~900 modules this program imports, 540,000 lines,
about 45 MB, a sixth of its memory. Reading the file directly answers the same
question and keeps nothing; tracebacks still read lines on demand.
"""

from __future__ import annotations

import linecache
import sys
from types import ModuleType

MARKER = b"PySide6"
CHECK = "_mod_uses_pyside"  # the function of shibokensupport.feature that reads sources


def uses_pyside(module: ModuleType) -> bool:
    """Whether the source file of ``module`` names PySide6 (False without a source file)."""
    path = getattr(module, "__file__", None)
    if not isinstance(path, str) or not path.endswith(".py"):
        return False
    try:
        with open(path, "rb") as source:
            return MARKER in source.read()
    except OSError:
        return False


def stop_keeping_module_sources() -> bool:
    """Make PySide6's check read files without caching them, and drop what it cached.

    Call once on the GUI thread; returns False (and changes nothing) when this
    PySide6 has no such check.
    """
    feature = sys.modules.get("shibokensupport.feature")
    check = getattr(feature, CHECK, None)
    if feature is None or not callable(check):
        return False
    if check is not uses_pyside:
        setattr(feature, CHECK, uses_pyside)
        linecache.clearcache()
    return True
