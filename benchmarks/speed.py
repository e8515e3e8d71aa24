#!/usr/bin/env python
"""Speed benchmark of the roster solver on synthetic departments (a script, not a test).

Cases, each on ``roster.synthetic.synthetic_scenario(..., month="2026-10", seed=0)``:

  a  one center of 100 staff x 31 days: seconds to the first roster, and the objective, bound
     and gap of a run with a 2 s limit and of one with a 20 s limit (``solver.solve.solve``)
  b  a department of 600 staff in 6 centers, 60 s limit (``solver.solve.solve_many``)
  c  2,000 staff in 20 centers, 300 s limit (``solve_many``)

All with ``SolveSettings(workers=2)``. For b and c the limit goes to ``solve_many`` as
``roster solve --time-limit`` passes it; how the centers share it is ``solve_many``'s business
(at the time of writing: one limit for the whole department, centers one after another with both
workers, each a share in proportion to its size), and the wall column shows what it took.

Each case runs in a fresh child process, so its peak memory (``ru_maxrss`` of the process plus
its children) is its own. The table is printed and written to
``benchmarks/results/speed-<date>[-quick][-<case>][-<tag>].md`` with the machine and the
settings.

    python benchmarks/speed.py            # everything (about 7 minutes on 2 cores)
    python benchmarks/speed.py --quick    # smoke run with short limits (a few minutes)
    python benchmarks/speed.py --only b   # one case
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import resource
import subprocess
import sys
import time
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from importlib.metadata import version
from pathlib import Path

from roster.compile import CenterProblem, compile_scenario
from roster.synthetic import synthetic_scenario
from solver.solve import SolveResult, SolveSettings, solve, solve_many

MONTH = "2026-10"
SEED = 0
WORKERS = 2
RESULTS = Path(__file__).resolve().parent / "results"

# case -> (staff, centers)
SIZES: dict[str, tuple[int, int]] = {"a": (100, 1), "b": (600, 6), "c": (2000, 20)}
# case -> time limits in seconds (case a: one run per limit)
FULL_LIMITS: dict[str, tuple[float, ...]] = {"a": (2.0, 20.0), "b": (60.0,), "c": (300.0,)}
QUICK_LIMITS: dict[str, tuple[float, ...]] = {"a": (2.0, 5.0), "b": (20.0,), "c": (60.0,)}


@dataclass
class Row:
    """One line of the table: one solve (case a) or one department solve (b, c)."""

    case: str
    staff: int
    centers: int
    limit: float
    status: str
    rosters: int  # centers with a roster
    objective: int | None
    bound: float | None
    gap: float | None
    first_roster: float | None  # seconds; case a only
    wall: float
    build: float  # seconds to make the synthetic scenario and compile it
    peak_mib: float  # peak resident memory of the case's process (and its children)


# --- the child: runs one case -------------------------------------------------------------
def peak_mib() -> float:
    """ru_maxrss of this process plus its children, in MiB (Linux reports KiB)."""
    kib = (
        resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        + resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    )
    return kib / 1024


def department_status(results: Sequence[SolveResult]) -> str:
    if all(r.status == "OPTIMAL" for r in results):
        return "OPTIMAL"
    if all(r.found for r in results):
        return "FEASIBLE"
    if any(r.status == "INFEASIBLE" for r in results):
        return "INFEASIBLE"
    return "UNKNOWN" if not any(r.found for r in results) else "PARTIAL"


def department_row(
    case: str, limit: float, results: Sequence[SolveResult], wall: float, build: float
) -> Row:
    """Objective and bound summed over the centers with a roster; gap on those sums."""
    staff, centers = SIZES[case]
    found = [r for r in results if r.found]
    objective = sum(r.objective or 0 for r in found) if found else None
    bound = sum(r.bound for r in found) if found else None
    gap: float | None = None
    if objective is not None and bound is not None:
        gap = 0.0 if objective == 0 else max(0.0, (objective - bound) / abs(objective))
    first = results[0].first_solution_seconds if len(results) == 1 else None
    return Row(
        case=case,
        staff=staff,
        centers=centers,
        limit=limit,
        status=department_status(results),
        rosters=len(found),
        objective=objective,
        bound=bound,
        gap=gap,
        first_roster=first,
        wall=wall,
        build=build,
        peak_mib=0.0,
    )


def build(case: str) -> tuple[list[CenterProblem], float]:
    staff, centers = SIZES[case]
    start = time.perf_counter()
    problems = compile_scenario(synthetic_scenario(staff, centers, MONTH, SEED))
    return problems, time.perf_counter() - start


def run_case(case: str, limits: Sequence[float], parallel: int | None) -> list[Row]:
    problems, build_seconds = build(case)
    rows: list[Row] = []
    for limit in limits:
        settings = SolveSettings(time_limit=limit, workers=WORKERS, seed=SEED)
        start = time.perf_counter()
        if len(problems) == 1:
            results = [solve(problems[0].problem, settings)]
        else:
            results = solve_many([p.problem for p in problems], settings, parallel=parallel)
        wall = time.perf_counter() - start
        rows.append(department_row(case, limit, results, wall, build_seconds))
        print(f"  case {case}, {limit:g} s: {rows[-1].status} in {wall:.1f} s", file=sys.stderr)
    for row in rows:
        row.peak_mib = peak_mib()
    return rows


# --- the parent: runs the cases, writes the table -----------------------------------------
def run_child(case: str, quick: bool, parallel: int | None) -> list[Row]:
    """Run one case in a fresh interpreter; a failed child gives an ERROR row."""
    args = [sys.executable, str(Path(__file__).resolve()), "--child", case]
    if quick:
        args.append("--quick")
    if parallel is not None:
        args += ["--parallel", str(parallel)]
    start = time.perf_counter()
    proc = subprocess.run(args, stdout=subprocess.PIPE, text=True, check=False)
    if proc.returncode != 0:
        staff, centers = SIZES[case]
        return [
            Row(
                case,
                staff,
                centers,
                0.0,
                f"ERROR (exit {proc.returncode})",
                0,
                None,
                None,
                None,
                None,
                time.perf_counter() - start,
                0.0,
                0.0,
            )
        ]
    return [Row(**data) for data in json.loads(proc.stdout)]


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text(encoding="utf-8").splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def _ram_gib() -> str:
    try:
        for line in Path("/proc/meminfo").read_text(encoding="utf-8").splitlines():
            if line.startswith("MemTotal:"):
                return f"{int(line.split()[1]) / 1024**2:.1f} GiB"
    except OSError:
        pass
    return "unknown"


def machine() -> dict[str, str]:
    return {
        "nproc": str(len(os.sched_getaffinity(0))),
        "cpu": _cpu_model(),
        "ram": _ram_gib(),
        "os": platform.platform(),
        "python": platform.python_version(),
        "ortools": version("ortools"),
    }


def machine_line() -> str:
    """The machine in one sentence, for a results file."""
    m = machine()
    return (f"Machine: {m['nproc']} CPU(s) (nproc), {m['cpu']}, {m['ram']} RAM, {m['os']}; "
            f"Python {m['python']}, OR-Tools {m['ortools']}.")


def number(value: float | None, fmt: str) -> str:
    """``value`` formatted, or a dash for none."""
    return "—" if value is None else format(value, fmt)


def table(rows: Sequence[Row]) -> str:
    header = [
        "case",
        "staff",
        "centers",
        "limit s",
        "status",
        "rosters",
        "objective",
        "bound",
        "gap",
        "first roster s",
        "wall s",
        "build s",
        "peak MiB",
    ]
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    for r in rows:
        cells = [
            r.case,
            str(r.staff),
            str(r.centers),
            f"{r.limit:g}",
            r.status,
            f"{r.rosters}/{r.centers}",
            number(r.objective, "d"),
            number(r.bound, ".0f"),
            number(r.gap, ".1%"),
            number(r.first_roster, ".2f"),
            f"{r.wall:.1f}",
            f"{r.build:.2f}",
            f"{r.peak_mib:.0f}",
        ]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def report(
    rows: Sequence[Row],
    cases: Sequence[str],
    quick: bool,
    parallel: int | None,
    started: dt.datetime,
) -> str:
    limits = QUICK_LIMITS if quick else FULL_LIMITS
    settings = ", ".join(
        f"{c}: {SIZES[c][0]} staff / {SIZES[c][1]} center(s), limit "
        + " and ".join(f"{x:g} s" for x in limits[c])
        for c in cases
    )
    slots = "solve_many's default" if parallel is None else str(parallel)
    return "\n".join(
        [
            f"# Speed benchmark{' (quick)' if quick else ''}, {started:%Y-%m-%d %H:%M}",
            "",
            machine_line(),
            "",
            f"Settings: `SolveSettings(workers={WORKERS}, seed={SEED})`, centers in parallel: "
            f"{slots}; synthetic_scenario(month={MONTH!r}, seed={SEED}); {settings}. "
            "For b and c the limit is the one given to solve_many (roster solve --time-limit).",
            "",
            table(rows),
            "",
            "rosters: centers with a roster. objective, bound and gap are summed over those "
            "centers (gap = (objective - bound) / objective). first roster s: seconds from the "
            "start of `solve` to its first roster (case a). build s: synthetic scenario + "
            "compile. peak MiB: ru_maxrss of the case's process plus its children.",
            "",
        ]
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument(
        "--quick",
        action="store_true",
        help="short limits for a smoke run (a: 2 and 5 s, b: 20 s, c: 60 s)",
    )
    parser.add_argument("--only", choices=sorted(SIZES), help="run only this case")
    parser.add_argument(
        "--parallel",
        type=int,
        default=None,
        help="solve_many's parallel: centers solved side by side (default: its own choice)",
    )
    parser.add_argument("--tag", default="", help="added to the result file's name")
    parser.add_argument("--child", choices=sorted(SIZES), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    limits = QUICK_LIMITS if args.quick else FULL_LIMITS

    if args.child:
        rows = run_case(args.child, limits[args.child], args.parallel)
        print(json.dumps([asdict(r) for r in rows]))
        return 0

    started = dt.datetime.now()
    cases = [args.only] if args.only else sorted(SIZES)
    rows = []
    for case in cases:
        staff, centers = SIZES[case]
        print(
            f"case {case}: {staff} staff, {centers} center(s), limits "
            f"{', '.join(f'{x:g}' for x in limits[case])} s",
            file=sys.stderr,
        )
        rows += run_child(case, args.quick, args.parallel)
    text = report(rows, cases, args.quick, args.parallel, started)
    print(text)
    RESULTS.mkdir(parents=True, exist_ok=True)
    suffix = (("-quick" if args.quick else "") + (f"-{args.only}" if args.only else "")
              + (f"-{args.tag}" if args.tag else ""))
    path = RESULTS / f"speed-{started:%Y-%m-%d}{suffix}.md"
    path.write_text(text, encoding="utf-8")
    print(f"written to {path}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
