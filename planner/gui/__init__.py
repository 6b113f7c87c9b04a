"""The desktop program (PySide6). The only layer that imports Qt widgets."""
