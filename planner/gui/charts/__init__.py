"""Charts in the window: a lazily created matplotlib canvas per chart, in the palette's colours.

Nothing here imports matplotlib at module level: the canvas and the builders load on
the first draw, after the window is on screen.
"""
