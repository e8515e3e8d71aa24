"""`roster validate` starts without OR-Tools, pandas or openpyxl.

They are imported only by the commands that need them (solve, repair, explain, export, curtois),
which brings `roster validate` of the sample from 1.1 s to about 0.5 s (README). No timing here:
the test checks which modules were loaded.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner

from roster.cli import cli
from solver.explain import MAX_CONFLICTS

SAMPLE = Path(__file__).resolve().parent.parent / "data" / "sample"
HEAVY = ("ortools", "pandas", "openpyxl")

PROBE = """
import json, sys
from roster.cli import main
sys.argv = ["roster", *json.loads(sys.argv[1])]
try:
    main()
except SystemExit as exc:
    code = exc.code
heavy = sorted({m.split(".")[0] for m in sys.modules if m.split(".")[0] in HEAVY})
print(json.dumps({"code": code, "heavy": heavy}), file=sys.stderr)
""".replace("HEAVY", repr(HEAVY))


def loaded(*args: str) -> dict[str, object]:
    """Run the CLI in a fresh interpreter; its exit code and the heavy packages it loaded."""
    done = subprocess.run([sys.executable, "-c", PROBE, json.dumps(args)], capture_output=True,
                          text=True, encoding="utf-8", timeout=120, check=False)
    result: dict[str, object] = json.loads(done.stderr.strip().splitlines()[-1])
    return result


def test_validate_loads_no_solver_and_no_spreadsheet_library() -> None:
    result = loaded("validate", str(SAMPLE), str(SAMPLE / "roster_example.csv"))
    assert result == {"code": 0, "heavy": []}


def test_validate_help_loads_nothing_heavy() -> None:
    assert loaded("validate", "--help") == {"code": 0, "heavy": []}


def test_explain_loads_the_solver() -> None:
    """The probe can see a heavy import: explain on the sample loads OR-Tools (which loads
    pandas) and says a roster exists."""
    result = loaded("explain", str(SAMPLE), "--time-limit", "5")
    assert result == {"code": 0, "heavy": ["ortools", "pandas"]}


def test_explain_default_is_the_solvers() -> None:
    """The --max-conflicts default is written in the CLI (to keep OR-Tools out of its import)."""
    result = CliRunner().invoke(cli, ["explain", "--help"])
    assert f"Most independent conflicts to look for.  [default: {MAX_CONFLICTS}" in (
        " ".join(result.output.split()).replace("for. [", "for.  ["))
