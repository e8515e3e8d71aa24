#!/usr/bin/env python
"""The Curtois & Qu shift-scheduling benchmark on roster's engine (a script, not a test).

Each instance is read with :mod:`roster.io.curtois`, solved as ``roster curtois solve`` solves it
(``solver.solve.solve`` with ``roster.curtois.solve_settings``) in a fresh child
process, its roster written as a solution CSV, and that file then checked as ``roster curtois
check`` checks it: the objective reported must be the checker's, on every run (the ``check``
column says so; a disagreement is a bug and makes the script exit 1).

The table (instance, status, objective and its split, best known, gap %, bound, seconds to the
first roster, seconds) is printed and written with the machine and the settings to
``benchmarks/results/curtois-<date>[-<tag>].md`` and ``.csv``; the solutions go to
``benchmarks/results/curtois-<date>[-<tag>]/``.

    python benchmarks/curtois.py                                  # Instance1,3,5,7,9, 60 s each
    python benchmarks/curtois.py 11 13 --time-limit 60 --tag large
    python benchmarks/curtois.py Instance1 --time-limit 10 --tag smoke
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import io
import json
import os
import platform
import subprocess
import sys
import time
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from importlib.metadata import version
from pathlib import Path

from roster.curtois import check_solution, objective_split, solve_settings, to_problem
from roster.io.curtois import read_instance_file, read_solution_file, solution_csv
from solver.solve import solve

BENCH = Path(os.environ.get("CURTOIS_DIR", "/work/shared/bench/curtois"))
RESULTS = Path(__file__).resolve().parent / "results"
DEFAULT_INSTANCES = ("Instance1", "Instance3", "Instance5", "Instance7", "Instance9")


@dataclass
class Row:
    instance: str
    status: str
    objective: int | None
    on: int | None
    off: int | None
    under: int | None
    over: int | None
    best_known: int | None
    gap_pct: float | None  # (objective - best known) / best known x 100
    bound: float | None
    first_roster_s: float | None
    seconds: float
    check: str  # "agrees", "DISAGREES …", or why there is nothing to check


# --- the child: solves one instance --------------------------------------------------------
def run_child(path: Path, solution: Path, time_limit: float, workers: int, seed: int) -> dict[
        str, object]:
    instance = read_instance_file(path)
    problem = to_problem(instance)
    start = time.perf_counter()
    result = solve(problem, solve_settings(problem, time_limit, workers, seed))
    seconds = time.perf_counter() - start
    out: dict[str, object] = {"status": result.status, "objective": result.objective,
                              "bound": result.bound if result.found else None,
                              "first_roster_s": result.first_solution_seconds,
                              "seconds": seconds}
    if result.roster is not None:
        solution.write_text(solution_csv(instance, result.roster), encoding="utf-8")
        out["split"] = objective_split(result.report)
    return out


# --- the parent ------------------------------------------------------------------------------
def instance_path(name: str) -> Path:
    """'3', 'Instance3' or a path."""
    if name.isdigit():
        name = f"Instance{name}"
    path = Path(name)
    if path.suffix == ".txt" and path.exists():
        return path
    return BENCH / "instances" / f"{name}.txt"


def best_known() -> dict[str, int]:
    path = BENCH / "best_known.csv"
    if not path.is_file():
        return {}
    with path.open(encoding="utf-8", newline="") as fh:
        return {r["instance"]: int(r["best_known"]) for r in csv.DictReader(fh)}


def solve_one(path: Path, solution: Path, args: argparse.Namespace,
              best: dict[str, int]) -> Row:
    name = path.stem
    cmd = [sys.executable, str(Path(__file__).resolve()), "--child", str(path),
           "--solution", str(solution), "--time-limit", str(args.time_limit),
           "--workers", str(args.workers), "--seed", str(args.seed)]
    start = time.perf_counter()
    proc = subprocess.run(cmd, stdout=subprocess.PIPE, text=True, check=False)
    known = best.get(name)
    if proc.returncode != 0:
        return Row(name, f"ERROR (exit {proc.returncode})", None, None, None, None, None, known,
                   None, None, None, time.perf_counter() - start, "—")
    data = json.loads(proc.stdout)
    objective = data["objective"]
    split = data.get("split") or {}
    check = "no roster"
    if objective is not None:
        # check the written file exactly as `roster curtois check` does
        instance = read_instance_file(path)
        checked = check_solution(to_problem(instance), read_solution_file(solution, instance))
        agrees = (checked.feasible and checked.objective == objective
                  and checked.split == split)
        check = "agrees" if agrees else (
            f"DISAGREES: {len(checked.report.violations)} violation(s), objective "
            f"{checked.objective}")
    gap = (None if objective is None or not known
           else 100.0 * (objective - known) / known)
    return Row(name, data["status"], objective, split.get("on"), split.get("off"),
               split.get("under"), split.get("over"), known, gap, data["bound"],
               data["first_roster_s"], data["seconds"], check)


def _num(value: float | None, fmt: str) -> str:
    return "—" if value is None else format(value, fmt)


def table(rows: Sequence[Row]) -> str:
    header = ["instance", "status", "objective", "on", "off", "under", "over", "best known",
              "gap %", "bound", "first roster s", "seconds", "check"]
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    for r in rows:
        cells = [r.instance, r.status, _num(r.objective, "d"), _num(r.on, "d"), _num(r.off, "d"),
                 _num(r.under, "d"), _num(r.over, "d"), _num(r.best_known, "d"),
                 _num(r.gap_pct, ".1f"), _num(r.bound, ".0f"), _num(r.first_roster_s, ".2f"),
                 f"{r.seconds:.1f}", r.check]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def machine() -> str:
    cpu = platform.processor() or "unknown"
    ram = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text(encoding="utf-8").splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
        for line in Path("/proc/meminfo").read_text(encoding="utf-8").splitlines():
            if line.startswith("MemTotal:"):
                ram = f"{int(line.split()[1]) / 1024**2:.1f} GiB"
    except OSError:
        pass
    return (f"{len(os.sched_getaffinity(0))} CPU(s) (nproc), {cpu}, {ram} RAM, "
            f"{platform.platform()}; Python {platform.python_version()}, "
            f"OR-Tools {version('ortools')}")


def report(rows: Sequence[Row], args: argparse.Namespace, started: dt.datetime,
           solutions: Path) -> str:
    return "\n".join([
        f"# Curtois & Qu benchmark, {started:%Y-%m-%d %H:%M}",
        "",
        f"Machine: {machine()}.",
        "",
        f"Settings: `roster.curtois.solve_settings(problem, {args.time_limit:g}, "
        f"{args.workers}, {args.seed})` (a first roster built person by person, each person's "
        f"cells chosen against the cover the people before left open, in up to 40 % of the "
        f"time; up to 20,000 shift variables, column generation for up to 70 % of the time "
        f"(a lower bound, then a roster read off it by diving), given up early when its rounds "
        f"are too slow to converge; CP-SAT on the full model for 30 % of the rest; then "
        f"large-neighbourhood search with 1 s steps above 20,000 shift variables, 0.5 s "
        f"below), one instance at "
        f"a time, each in a fresh process; instances from {BENCH / 'instances'}; best known "
        f"from best_known.csv. Solutions: {solutions.relative_to(RESULTS.parent.parent)}/.",
        "",
        table(rows),
        "",
        "objective = on + off + under + over (FORMAT.md §4). gap % = (objective − best known) / "
        "best known. bound: the better of column generation's bound (rounded up) and CP-SAT's "
        "from the full-model phase. first roster s: "
        "seconds from the start of solve() to the end of the person-by-person construction "
        "(before the full model is built). seconds: the whole solve() call. "
        "check: the written solution file read back and checked as `roster curtois check` "
        "does; `agrees` means no hard-rule violation and the same objective and split.",
        "",
    ])


def rows_csv(rows: Sequence[Row], args: argparse.Namespace, started: dt.datetime) -> str:
    buf = io.StringIO()
    fields = [*asdict(rows[0]).keys(), "time_limit", "workers", "seed", "date", "machine"] if (
        rows) else []
    writer = csv.DictWriter(buf, fieldnames=fields, lineterminator="\n")
    writer.writeheader()
    for r in rows:
        writer.writerow({**asdict(r), "time_limit": args.time_limit, "workers": args.workers,
                         "seed": args.seed, "date": started.isoformat(timespec="minutes"),
                         "machine": machine()})
    return buf.getvalue()


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("instances", nargs="*", default=list(DEFAULT_INSTANCES),
                        help="instance names, numbers or .txt paths (default: 1 3 5 7 9)")
    parser.add_argument("--time-limit", type=float, default=60.0, help="seconds per instance")
    parser.add_argument("--workers", type=int, default=2, help="CP-SAT workers")
    parser.add_argument("--seed", type=int, default=0, help="random seed")
    parser.add_argument("--tag", default="", help="suffix of the result files' names")
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--solution", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)

    if args.child:
        print(json.dumps(run_child(args.child, args.solution, args.time_limit, args.workers,
                                   args.seed)))
        return 0

    started = dt.datetime.now()
    stem = f"curtois-{started:%Y-%m-%d}" + (f"-{args.tag}" if args.tag else "")
    solutions = RESULTS / stem
    solutions.mkdir(parents=True, exist_ok=True)
    best = best_known()
    rows = []
    for name in args.instances:
        path = instance_path(name)
        print(f"{path.stem}: {args.time_limit:g} s, {args.workers} worker(s)", file=sys.stderr)
        rows.append(solve_one(path, solutions / f"{path.stem}.csv", args, best))
        r = rows[-1]
        print(f"  {r.status} {r.objective} (best known {r.best_known}) in {r.seconds:.1f} s; "
              f"check {r.check}", file=sys.stderr)
    text = report(rows, args, started, solutions)
    print(text)
    (RESULTS / f"{stem}.md").write_text(text, encoding="utf-8")
    (RESULTS / f"{stem}.csv").write_text(rows_csv(rows, args, started), encoding="utf-8")
    print(f"written to {RESULTS / stem}.md and .csv", file=sys.stderr)
    return 1 if any(r.check.startswith("DISAGREES") for r in rows) else 0


if __name__ == "__main__":
    sys.exit(main())
