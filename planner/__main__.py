"""``python -m planner``: the same entry point as the installed command."""

import sys

from planner.cli import main

sys.exit(main())
