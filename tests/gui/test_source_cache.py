"""PySide6's import check no longer keeps every imported module's source in memory."""

from __future__ import annotations

import linecache
import sys
from pathlib import Path
from types import ModuleType

import pytest

from planner.gui.source_cache import stop_keeping_module_sources, uses_pyside


@pytest.fixture
def modules(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A folder on the import path with one module naming PySide6 and one not."""
    (tmp_path / "lpp_probe_qt.py").write_text("import PySide6\nVALUE = 1\n", encoding="utf-8")
    (tmp_path / "lpp_probe_plain.py").write_text("VALUE = 2\n", encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    yield tmp_path
    for name in ("lpp_probe_qt", "lpp_probe_plain"):
        sys.modules.pop(name, None)


def test_uses_pyside_reads_the_source_file(modules: Path) -> None:
    qt, plain = ModuleType("qt"), ModuleType("plain")
    qt.__file__ = str(modules / "lpp_probe_qt.py")
    plain.__file__ = str(modules / "lpp_probe_plain.py")
    assert uses_pyside(qt) and not uses_pyside(plain)
    assert not uses_pyside(ModuleType("built_in"))  # no source file
    gone = ModuleType("gone")
    gone.__file__ = str(modules / "missing.py")
    assert not uses_pyside(gone)


def test_imports_are_checked_without_caching_their_lines(modules: Path) -> None:
    import PySide6.QtCore  # noqa: F401 (the check is PySide's import hook)

    assert stop_keeping_module_sources()
    assert stop_keeping_module_sources()  # a second call changes nothing
    __import__("lpp_probe_qt")  # through builtins.__import__, where PySide hooks in
    __import__("lpp_probe_plain")
    cached = set(linecache.cache)
    assert str(modules / "lpp_probe_qt.py") not in cached
    assert str(modules / "lpp_probe_plain.py") not in cached
    features = sys.modules["shibokensupport.feature"].pyside_feature_dict
    assert features["lpp_probe_qt"] == 0  # uses PySide: features switchable
    assert features["lpp_probe_plain"] == -1  # ignored, as PySide decides
