"""Run Learning Path Planner from a checkout: ``python main.py [--db X | --demo] [COMMAND]``."""

import sys

from planner.cli import main

if __name__ == "__main__":
    sys.exit(main())
