"""Learning Path Planner: a local-first development planner for ML developers."""

__version__ = "0.1.0"
