"""Modules imported off the GUI thread; a module that fails is logged, and the rest go on."""

from __future__ import annotations

import logging
import sys

import pytest
from pytestqt.qtbot import QtBot

from planner.gui.background_imports import BackgroundImports


def test_modules_load_in_the_background_and_a_broken_one_is_only_logged(
    qtbot: QtBot, caplog: pytest.LogCaptureFixture
) -> None:
    sys.modules.pop("colorsys", None)
    imports = BackgroundImports(["planner.no_such_module", "colorsys"])
    with caplog.at_level(logging.ERROR, "planner.gui.start"), qtbot.waitSignal(imports.finished):
        imports.start()
        imports.start()  # once only
    imports.wait()
    assert "colorsys" in sys.modules
    assert "cannot import planner.no_such_module" in caplog.text
