"""The crash soak, short: 10 SIGKILLs of a writing process lose nothing that was acknowledged.

The full run (``tests/benchmarks/soak.py --kills 100``) is not part of the test suite.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

SOAK = Path(__file__).resolve().parents[2] / "tests" / "benchmarks" / "soak.py"


@pytest.mark.slow
@pytest.mark.sqlite_only
def test_ten_kills_lose_no_acknowledged_write() -> None:
    result = subprocess.run(
        [sys.executable, str(SOAK), "--kills", "10", "--seed", "7"],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    summary = json.loads(result.stdout.strip().splitlines()[-1])
    assert summary["kills"] == 10
    assert summary["acknowledged_writes"] > 0
    assert set(summary["acknowledged_by_kind"]) == {"learning", "goal", "json", "csv"}
    assert summary["lost_writes"] == 0, summary["examples"]
    assert summary["integrity_failures"] == 0, summary["examples"]
    assert summary["half_applied_imports"] == 0, summary["examples"]
    assert summary["bad_backups"] == 0 and summary["backups_checked"] > 0
    assert result.returncode == 0, result.stderr[-2000:]
