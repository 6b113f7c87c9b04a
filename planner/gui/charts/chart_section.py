"""A chart with its heading, the controls that belong to it, and room for a readout line."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from planner.gui.charts.chart_widget import ChartWidget


def heading(text: str) -> QLabel:
    """A section heading in bold, never interpreting HTML."""
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    font = label.font()
    font.setBold(True)
    font.setPointSizeF(font.pointSizeF() * 1.1)
    label.setFont(font)
    return label


class ChartSection(QWidget):
    """A heading, optional controls on its right, the chart, and an optional readout line."""

    def __init__(self, title: str, chart: ChartWidget, height: int) -> None:
        super().__init__()
        self.chart = chart
        self.heading = heading(title)
        self.controls = QHBoxLayout()
        self.controls.setSpacing(8)
        top = QHBoxLayout()
        top.addWidget(self.heading)
        top.addStretch(1)
        top.addLayout(self.controls)
        self.body = QVBoxLayout(self)
        self.body.setContentsMargins(0, 0, 0, 0)
        self.body.setSpacing(6)
        self.body.addLayout(top)
        self.body.addWidget(chart, 1)
        chart.setMinimumHeight(height)
