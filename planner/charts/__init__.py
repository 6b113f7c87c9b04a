"""Chart builders: plain chart data in, a matplotlib ``Figure`` out (never pyplot).

Used by the window and the printed plan alike. Importing this package loads nothing
heavy; each builder module imports matplotlib, so the GUI imports them only when a
chart is first drawn. :mod:`planner.charts.theme` needs neither matplotlib nor Qt.
"""
