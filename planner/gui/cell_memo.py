"""Remembered ``data()`` answers of the item models, for the rows shown until the next reset.

Views ask for the same cell and role many times over (measuring columns and rows,
painting, hovering), so each answer is worked out once. Colours are never kept: they
follow the palette, which can switch between light and dark while a view is open.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt

LIVE_ROLES = frozenset({Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.BackgroundRole})
"""Roles read from the current palette on every call."""


class CellMemo:
    """``data()`` values of one model, kept until :meth:`clear` (call it on each reset)."""

    def __init__(self) -> None:
        self._values: dict[tuple[int, int, int, int], Any] = {}

    def clear(self) -> None:
        """Forget every value (the rows changed)."""
        self._values.clear()

    def get(
        self, index: QModelIndex | QPersistentModelIndex, role: int, compute: Callable[[], Any]
    ) -> Any:
        """The value of ``index`` and ``role``, from ``compute`` the first time."""
        if role in LIVE_ROLES:
            return compute()
        key = (index.internalId(), index.row(), index.column(), role)
        try:
            return self._values[key]
        except KeyError:
            value = self._values[key] = compute()
            return value
