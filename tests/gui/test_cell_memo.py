"""Remembered data() answers: worked out once per reset, colours always fresh."""

from __future__ import annotations

from PySide6.QtCore import QStringListModel, Qt

from planner.gui.cell_memo import CellMemo


def test_answers_are_worked_out_once_until_cleared_and_colours_every_time(qapp: object) -> None:
    model = QStringListModel(["a", "b"])
    memo = CellMemo()
    asked: list[str] = []

    def answer(text: str) -> str:
        asked.append(text)
        return text

    first, second = model.index(0, 0), model.index(1, 0)
    display, colour = Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ForegroundRole
    assert memo.get(first, display, lambda: answer("one")) == "one"
    assert memo.get(first, display, lambda: answer("again")) == "one"
    assert memo.get(second, display, lambda: answer("two")) == "two"
    assert memo.get(first, colour, lambda: answer("red")) == "red"
    assert memo.get(first, colour, lambda: answer("blue")) == "blue"
    memo.clear()
    assert memo.get(first, display, lambda: answer("new")) == "new"
    assert asked == ["one", "two", "red", "blue", "new"]
