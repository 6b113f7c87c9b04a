"""The views the side bar switches between; each refreshes itself from ``data_changed``."""
