"""The dark palette keeps text and controls readable."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QCheckBox, QStyle, QStyleFactory, QStyleOptionButton
from pytestqt.qtbot import QtBot

from planner.gui.palette import ReadableIndicatorStyle, dark_palette, is_dark


def _indicator_lightness(qtbot: QtBot, style: QStyle) -> int:
    box = QCheckBox("Reading list for next quarter")
    qtbot.addWidget(box)
    box.setStyle(style)
    box.setPalette(dark_palette())
    box.resize(240, 30)
    option = QStyleOptionButton()
    box.initStyleOption(option)
    rect = style.subElementRect(QStyle.SubElement.SE_CheckBoxIndicator, option, box)
    image = box.grab().toImage()
    box.setStyle(QApplication.style())  # the test's style object goes before the box does
    edge = [image.pixelColor(rect.left(), y).lightness() for y in range(rect.top(), rect.bottom())]
    return max(edge)


def test_unticked_box_is_outlined_on_the_dark_palette(qtbot: QtBot) -> None:
    fusion = QStyleFactory.create("Fusion")
    readable = ReadableIndicatorStyle("Fusion")
    plain = _indicator_lightness(qtbot, fusion)
    outlined = _indicator_lightness(qtbot, readable)
    assert plain < 80  # Fusion's own outline is darker than the window: the box reads as a hole
    assert outlined > 120


def test_dark_palette_is_dark() -> None:
    assert is_dark(dark_palette())
