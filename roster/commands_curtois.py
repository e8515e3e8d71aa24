"""The ``roster curtois`` commands: solve and check Curtois & Qu benchmark instances.

The instances are solved by the same engine and rules as ``roster solve`` (:mod:`roster.curtois`
maps them onto the generic problem). Data goes to stdout, progress and messages to stderr.

Everything here is in English, the rules' messages too (``Violation.message``, the English
rendering of :mod:`solver.messages`), and there is no ``--lang``: the benchmark, its instances
and its published results are English only.

Exit codes: 0 done (check: no hard rule broken); 1 check: the solution breaks hard rules (solve:
the solved roster failed the independent check, a bug); 2 invalid input or usage; 3 no roster
keeps every hard rule; 4 no roster found within the time limit.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import NoReturn

import click

from roster.curtois import (
    SolutionCheck,
    check_solution,
    hard_violations_by_rule,
    solve_settings,
    split_text,
    to_problem,
)
from roster.errors import InputError
from roster.io.curtois import (
    Instance,
    parse_solution,
    read_instance_file,
    read_solution_file,
    solution_csv,
)
from solver.problem import Problem
from solver.solve import SolveResult, solve

EXIT_OK = 0
EXIT_VIOLATIONS = 1
EXIT_INPUT = 2
EXIT_INFEASIBLE = 3
EXIT_NO_ROSTER = 4


def _fail(message: str, code: int) -> NoReturn:
    click.echo(message, err=True)
    sys.exit(code)


def _load(path: Path) -> tuple[Instance, Problem]:
    try:
        instance = read_instance_file(path)
    except InputError as exc:
        _fail(str(exc), EXIT_INPUT)
    return instance, to_problem(instance)


def _size(instance: Instance) -> str:
    return (f"{instance.horizon} days, {len(instance.employees)} employees, "
            f"{len(instance.shifts)} shift types")


class _Progress:
    """Improving rosters on stderr, at most one line every half second."""

    def __init__(self) -> None:
        self.last = -1.0
        self.lock = threading.Lock()

    def __call__(self, name: str, seconds: float, objective: float, bound: float) -> None:
        with self.lock:
            if seconds - self.last < 0.5:
                return
            self.last = seconds
        click.echo(f"  [{seconds:6.1f}s] {name}: best {objective:.0f}  bound {bound:.0f}",
                   err=True)


def _write_atomically(path: Path, text: str) -> None:
    """Write ``path`` whole or not at all (a temporary file beside it, renamed into place)."""
    folder = path.parent if str(path.parent) else Path(".")
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
            fh.write(text)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
def curtois() -> None:
    """Solve and check Curtois & Qu shift-scheduling benchmark instances.

    The instances (schedulingbenchmarks.org, "Shift Scheduling Benchmark Data Sets") are
    solved with the same engine and rules as roster solve. Hard rules H1-H9; the objective is
    the sum of on (shift-on requests not met), off (shift-off requests violated), under and
    over (cover below and above the requirement), each at its weight.

    \b
    Exit codes: 0 done, 1 hard rules broken (check), 2 invalid input,
    3 no roster keeps every hard rule, 4 no roster found within the time limit.

    \b
    Example:
      roster curtois solve Instance1.txt --time-limit 60 -o Instance1.csv
      roster curtois check Instance1.txt Instance1.csv
    """


@curtois.command("solve")
@click.argument("instance_path", metavar="INSTANCE", type=click.Path(path_type=Path))
@click.option("-o", "--output", type=click.Path(path_type=Path, dir_okay=False),
              help="Write the solution CSV here (employee_id,day_index,shift_id; an empty "
                   "shift_id is a day off). '-': to stdout (the summary then goes to stderr).")
@click.option("--time-limit", default=60.0, show_default=True, type=click.FloatRange(0.1),
              help="Seconds of search in all.")
@click.option("--workers", default=2, show_default=True, type=click.IntRange(1, 64),
              help="CP-SAT worker threads.")
@click.option("--seed", default=0, show_default=True, type=int, help="Random seed of the search.")
def solve_command(instance_path: Path, output: Path | None, time_limit: float, workers: int,
                  seed: int) -> None:
    """Solve an instance and print status, objective (on, off, under, over) and bound.

    Also prints the seconds to the first roster and in all. The roster is written (with -o)
    and then read back and checked exactly as roster curtois check would: the objective
    printed is the checker's, and a roster that breaks a hard rule or disagrees with the
    solver's objective is reported as a bug (exit 1).

    \b
    Example:
      roster curtois solve Instance1.txt --time-limit 60 --workers 2 -o Instance1.csv
    """
    instance, problem = _load(instance_path)
    if output is not None and str(output) != "-" and output.resolve() == instance_path.resolve():
        _fail(f"-o {output}: that is the instance file; it is only ever read", EXIT_INPUT)
    click.echo(f"solving {instance.name} ({_size(instance)}), {workers} worker(s), "
               f"{time_limit:g} s", err=True)
    reasons = [v.message for rule in problem.rules for v in rule.precheck(problem)]
    if reasons:
        _fail("No roster exists:\n" + "\n".join(f"  {r}" for r in reasons), EXIT_INFEASIBLE)
    start = time.perf_counter()
    result = solve(problem, solve_settings(problem, time_limit, workers, seed),
                   progress=_Progress())
    seconds = time.perf_counter() - start
    if result.roster is None:
        if result.status == "INFEASIBLE":
            _fail(f"{instance.name}: no roster keeps every hard rule (proven)", EXIT_INFEASIBLE)
        _fail(f"{instance.name}: no roster found within {time_limit:g} s; try a longer "
              f"--time-limit", EXIT_NO_ROSTER)
    text = solution_csv(instance, result.roster)
    # read back what is written, and check it as `roster curtois check` does
    checked = check_solution(problem, parse_solution(text, "the solved roster", instance))
    to_stdout = output is not None and str(output) == "-"
    if output is not None:
        if to_stdout:
            click.echo(text, nl=False)
        else:
            try:
                _write_atomically(output, text)
            except OSError as exc:
                _fail(f"-o {output}: cannot write the solution: {exc.strerror or exc}",
                      EXIT_INPUT)
    lines = _summary(instance, result, checked, seconds, output)
    click.echo("\n".join(lines), err=to_stdout)
    if not checked.feasible or checked.objective != result.objective:
        _fail(f"{instance.name}: the solved roster fails the independent check (a bug): "
              f"{len(checked.report.violations)} hard-rule violation(s), objective "
              f"{checked.objective} against the solver's {result.objective}", EXIT_VIOLATIONS)


def _summary(instance: Instance, result: SolveResult, checked: SolutionCheck, seconds: float,
             output: Path | None) -> list[str]:
    first = ("—" if result.first_solution_seconds is None
             else f"{result.first_solution_seconds:.2f} s")
    agree = checked.feasible and checked.objective == result.objective
    verdict = ("agrees: no hard rule broken, objective "
               f"{checked.objective}" if agree else
               f"DISAGREES: {len(checked.report.violations)} violation(s), objective "
               f"{checked.objective}")
    lines = [
        f"instance      {instance.name} ({_size(instance)})",
        f"status        {result.status}",
        f"objective     {result.objective} ({split_text(checked.split)})",
        f"bound         {result.bound:.0f}",
        f"first roster  {first}",
        f"total time    {seconds:.2f} s",
        f"check         {verdict}",
    ]
    if output is not None and str(output) != "-":
        lines.append(f"written to    {output}")
    return lines


def _days_text(days: tuple[int, ...]) -> str:
    runs: list[list[int]] = []
    for d in sorted(days):
        if runs and d == runs[-1][-1] + 1:
            runs[-1].append(d)
        else:
            runs.append([d])
    return ", ".join(str(r[0]) if len(r) == 1 else f"{r[0]}-{r[-1]}" for r in runs)


def _check_table(instance: Instance, checked: SolutionCheck) -> str:
    violations = checked.report.violations
    lines = [f"Hard-rule violations: {len(violations) or 'none'}"]
    if violations:
        rows = [(v.rule_id, ", ".join(v.employee_ids), _days_text(v.days), v.message)
                for v in violations]
        header = ("rule", "employee", "days", "message")
        widths = [max(len(r[i]) for r in [header, *rows]) for i in range(3)]
        for row in [header, *rows]:
            lines.append("  ".join([*(c.ljust(w) for c, w in zip(row, widths, strict=False)),
                                    row[3]]))
    note = "" if checked.feasible else " (not a valid objective: hard rules are broken)"
    lines += ["", f"Objective: {checked.objective} ({split_text(checked.split)}){note}"]
    return "\n".join(lines) + "\n"


def _check_json(instance: Instance, checked: SolutionCheck) -> str:
    data = {
        "instance": instance.name,
        "feasible": checked.feasible,
        "violations": [{"rule": v.rule_id, "employee_ids": list(v.employee_ids),
                        "days": list(v.days), "message": v.message}
                       for v in checked.report.violations],
        "violations_by_rule": hard_violations_by_rule(checked.report.violations),
        "objective": checked.objective,
        "split": checked.split,
    }
    return json.dumps(data, indent=2) + "\n"


@curtois.command("check")
@click.argument("instance_path", metavar="INSTANCE", type=click.Path(path_type=Path))
@click.argument("solution_path", metavar="SOLUTION", type=click.Path(path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table",
              show_default=True, help="How to print the report on stdout.")
def check_command(instance_path: Path, solution_path: Path, fmt: str) -> None:
    """Check a solution: every hard-rule violation, and the objective (on, off, under, over).

    SOLUTION is a CSV file employee_id,day_index,shift_id with one row per employee and day
    (an empty shift_id is a day off; '-' reads stdin). Two rows with different shifts for one
    employee and day break H1. Exit code 0: no hard rule broken; 1: some are (they are
    listed); 2: invalid input (unknown employees or shifts, days outside the horizon, rows
    missing), every problem listed with its line.

    \b
    Example:
      roster curtois check Instance1.txt Instance1.csv --format json
    """
    instance, problem = _load(instance_path)
    try:
        assignments = read_solution_file(solution_path, instance,
                                         stdin=lambda: sys.stdin.buffer.read())
    except InputError as exc:
        _fail(str(exc), EXIT_INPUT)
    checked = check_solution(problem, assignments)
    click.echo(_check_json(instance, checked) if fmt == "json" else
               _check_table(instance, checked), nl=False)
    if checked.feasible:
        click.echo(f"{instance.name}: no hard rule broken; objective {checked.objective}",
                   err=True)
        return
    by_rule = ", ".join(f"{rule} {n}" for rule, n in
                        hard_violations_by_rule(checked.report.violations).items())
    _fail(f"{instance.name}: {len(checked.report.violations)} hard-rule violation(s) "
          f"({by_rule})", EXIT_VIOLATIONS)
