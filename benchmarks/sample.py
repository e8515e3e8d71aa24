#!/usr/bin/env python
"""The README's main command on the shipped sample, run several times (a script, not a test).

Each run is ``roster solve data/sample --out DIR --time-limit L --seed S`` in a fresh child
process (the console command exactly as a user types it, with the CLI's default two workers).
The figures come from the run's ``summary.json``: the department's objective, bound and gap, and
each center's; the wall seconds and the peak memory (the child's ``ru_maxrss``, from
``os.wait4``) are measured here. The sample's optimum is 125 (the inbound center's 100 and
the outbound center's 25, both proven by a run of 600 s, see the README), so the table also
shows each run's distance from it.

    python benchmarks/sample.py                       # 60 s, seeds 0, 1 and 2 (about 3 minutes)
    python benchmarks/sample.py --limit 120 --seeds 0 1
    python benchmarks/sample.py --tag colgen          # the result file gets -colgen in its name

The table is printed and written, with the machine and the settings, to
``benchmarks/results/sample-<date>-<limit>s[-<tag>].md``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from speed import machine_line, number  # (run as a script: benchmarks/ is on the path)

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "data" / "sample"
RESULTS = Path(__file__).resolve().parent / "results"
#: the sample's optimum: the inbound center's 100 and the outbound center's 25, each proven
#: optimal (objective = bound) by ``roster solve data/sample --time-limit 600``
OPTIMUM = 125


@dataclass
class Run:
    """One run of the command."""

    seed: int
    limit: float
    status: str
    objective: int | None
    bound: float | None
    gap: float | None
    centers: list[tuple[str, str, int | None, float | None, float]]  # id, status, obj, bound, s
    wall: float
    peak_mib: float
    exit_code: int


def run_once(limit: float, seed: int) -> Run:
    """``roster solve`` on the sample in a child process, read back from its summary.json."""
    executable = shutil.which("roster")
    if executable is None:
        raise SystemExit("the roster command is not installed: pip install -e \".[dev]\"")
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "out"
        command = [executable, "solve", str(SAMPLE), "--out", str(out),
                   "--time-limit", f"{limit:g}", "--seed", str(seed)]
        started = time.perf_counter()
        with open(Path(tmp) / "stderr", "w+", encoding="utf-8") as err:
            proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=err)
            # the child's own resource usage: its peak memory, not an earlier run's
            _, status, usage = os.wait4(proc.pid, 0)
            wall = time.perf_counter() - started
            code = os.waitstatus_to_exitcode(status)
            err.seek(0)
            errors = err.read()
        peak = usage.ru_maxrss / 1024  # Linux reports KiB
        summary_path = out / "summary.json"
        if code != 0 or not summary_path.exists():
            sys.stderr.write(errors[-2000:])
            return Run(seed, limit, f"exit {code}", None, None, None, [], wall, peak, code)
        summary = json.loads(summary_path.read_text(encoding="utf-8"))
    centers = [(c["center"], c["status"], c.get("objective"), c.get("bound"), c["seconds"])
               for c in summary["centers"]]
    return Run(seed, limit, summary["status"], summary.get("objective"), summary.get("bound"),
               summary.get("gap"), centers, wall, peak, code)


def table(runs: Sequence[Run]) -> str:
    header = ["seed", "limit s", "status", "objective", "bound", "gap", "above optimum",
              "centers (objective / bound, seconds)", "wall s", "peak MiB"]
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    for r in runs:
        above = None if r.objective is None else (r.objective - OPTIMUM) / OPTIMUM
        centers = "; ".join(
            f"{cid} {status} {number(obj, 'd')} / {number(bound, '.0f')}, {seconds:.1f} s"
            for cid, status, obj, bound, seconds in r.centers)
        lines.append("| " + " | ".join([
            str(r.seed), f"{r.limit:g}", r.status, number(r.objective, "d"),
            number(r.bound, ".0f"), number(r.gap, ".1%"), number(above, ".1%"), centers,
            f"{r.wall:.1f}", f"{r.peak_mib:.0f}"]) + " |")
    return "\n".join(lines)


def report(runs: Sequence[Run], started: dt.datetime) -> str:
    return "\n".join([
        f"# The sample, {started:%Y-%m-%d %H:%M}",
        "",
        machine_line(),
        "",
        "Command: `roster solve data/sample --out DIR --time-limit L --seed S` (default "
        "`--workers 2`), one child process per run, one run after another.",
        "",
        table(runs),
        "",
        f"gap = (objective - bound) / objective, as summary.json has it. above optimum = "
        f"(objective - {OPTIMUM}) / {OPTIMUM}: the sample's optimum is {OPTIMUM}. wall s: the "
        "child process, start-up included. peak MiB: the child's ru_maxrss (os.wait4).",
        "",
    ])


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--limit", type=float, default=60.0, help="--time-limit of each run")
    parser.add_argument("--seeds", type=int, nargs="+", default=[0, 1, 2],
                        help="one run per seed (--seed)")
    parser.add_argument("--tag", default="", help="added to the result file's name")
    args = parser.parse_args(argv)
    started = dt.datetime.now()
    runs = []
    for seed in args.seeds:
        print(f"seed {seed}, limit {args.limit:g} s", file=sys.stderr)
        runs.append(run_once(args.limit, seed))
    text = report(runs, started)
    print(text)
    RESULTS.mkdir(parents=True, exist_ok=True)
    name = f"sample-{started:%Y-%m-%d}-{args.limit:g}s" + (f"-{args.tag}" if args.tag else "")
    (RESULTS / f"{name}.md").write_text(text, encoding="utf-8")
    return 0 if all(r.exit_code == 0 for r in runs) else 1


if __name__ == "__main__":
    raise SystemExit(main())
