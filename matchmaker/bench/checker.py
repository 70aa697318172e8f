"""Run the independent solution checker (../shared/tools/b2b_check.py) on written files."""

import json
import os
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

# The checker lives beside the repository, in the shared read-only folder; an environment
# variable points elsewhere on another machine.
CHECKER = Path(
    os.environ.get(
        "AGORA_B2B_CHECKER",
        Path(__file__).resolve().parents[3] / "shared" / "tools" / "b2b_check.py",
    )
)


@dataclass(frozen=True)
class CheckResult:
    """The checker's verdict: feasible and complete, its figures and its printed lines."""

    ok: bool
    figures: dict[str, Any] = field(default_factory=dict)
    output: str = ""


def run_checker(instance: Path, solution: Path) -> CheckResult:
    """Check `solution` against `instance` with the independent checker, in a subprocess."""
    done = subprocess.run(
        [sys.executable, str(CHECKER), str(instance), str(solution), "--json"],
        capture_output=True,
        text=True,
        check=False,
    )
    lines = done.stdout.strip().splitlines()
    figures: dict[str, Any] = {}
    if lines and lines[-1].startswith("{"):
        figures = json.loads(lines[-1])
    return CheckResult(ok=done.returncode == 0, figures=figures, output=done.stdout + done.stderr)
