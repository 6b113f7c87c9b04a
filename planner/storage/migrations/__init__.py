"""Alembic migrations of the planner database."""
