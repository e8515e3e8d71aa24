"""Validating a 1,000-person month: the checker's speed (target < 1 s on 2 cores).

Builds a synthetic department of 1,000 staff in 10 centers (roster.synthetic), a random roster
(cells drawn from the shifts, OFF and LEAVE, so that it breaks many rules), and times
``validate_roster`` in-process and ``roster validate`` as a whole command (Python start-up and
imports included). Prints a markdown table and writes it to benchmarks/results/.

    python benchmarks/validate_speed.py
"""

from __future__ import annotations

import datetime as dt
import os
import platform
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from roster.io.scenario_writer import write_scenario
from roster.io.writers import csv_text
from roster.synthetic import synthetic_scenario
from roster.validate import validate_roster

RESULTS = Path(__file__).resolve().parent / "results"


def main() -> None:
    scenario = synthetic_scenario(1000, 10, seed=0)
    rng = random.Random(0)
    codes = [s.code for s in scenario.shifts] + ["OFF", "OFF"]
    num_days = len(scenario.month.dates)
    roster = {e.employee_id: [rng.choice(codes) for _ in range(num_days)]
              for e in scenario.staff}
    rows = []
    for repeat in range(3):
        start = time.perf_counter()
        report = validate_roster(scenario, roster)
        rows.append(("validate_roster (in-process)", repeat + 1, time.perf_counter() - start,
                     len(report.violations)))
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "scenario"
        write_scenario(scenario, folder)
        path = Path(tmp) / "roster.csv"
        header = ["employee_id", *(d.isoformat() for d in scenario.month.dates)]
        path.write_bytes(csv_text(header, [[pid, *cells] for pid, cells in roster.items()])
                         .encode("utf-8-sig"))
        for repeat in range(3):
            start = time.perf_counter()
            done = subprocess.run(
                [sys.executable, "-c", "from roster.cli import main; main()", "validate",
                 str(folder), str(path), "--format", "json"], capture_output=True, check=False)
            rows.append(("roster validate (whole command)", repeat + 1,
                         time.perf_counter() - start, done.returncode))
    lines = [
        f"# Validate speed, {dt.date.today().isoformat()}", "",
        f"Machine: {os.cpu_count()} CPU(s), Python {platform.python_version()}, "
        f"{platform.platform()}.", "",
        "1,000 staff in 10 centers × 31 days (synthetic_scenario(1000, 10, seed=0)), a random "
        "roster.", "",
        "| what | run | seconds | violations / exit code |", "|---|---|---|---|",
        *(f"| {what} | {run} | {sec:.2f} | {extra} |" for what, run, sec, extra in rows),
    ]
    text = "\n".join(lines) + "\n"
    print(text)
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / f"validate-speed-{dt.date.today().isoformat()}.md").write_text(text, "utf-8")


if __name__ == "__main__":
    main()
