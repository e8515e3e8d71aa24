"""The ``roster`` command line.

Exit codes (the same for every command):

\b
  0  done (roster written)
  2  invalid input or usage
  3  infeasible: no roster keeps every hard rule (the reasons are printed)
  4  no roster found within the time limit
"""

from __future__ import annotations

import sys
import threading
import time
from pathlib import Path

import click

from roster.compile import compile_scenario
from roster.domain import Month
from roster.errors import InputError
from roster.io.scenario_reader import load_scenario
from roster.io.writers import OutputFolder
from roster.outputs import fill_output, summary
from solver.explain import explain, prechecks
from solver.solve import SolveSettings, solve_many

EXIT_OK = 0
EXIT_INPUT = 2
EXIT_INFEASIBLE = 3
EXIT_NO_ROSTER = 4


def fail(message: str, code: int) -> None:
    click.echo(message, err=True)
    sys.exit(code)


class _ProgressPrinter:
    """Improving rosters on stderr, at most one line per center every half second."""

    def __init__(self, start: float) -> None:
        self.start = start
        self.last: dict[str, float] = {}
        self.lock = threading.Lock()

    def __call__(self, name: str, seconds: float, objective: float, bound: float) -> None:
        now = time.perf_counter()
        with self.lock:
            if now - self.last.get(name, -1.0) < 0.5:
                return
            self.last[name] = now
        gap = 0.0 if objective == 0 else max(0.0, (objective - bound) / abs(objective))
        click.echo(f"  [{now - self.start:6.1f}s] {name}: best {objective:.0f}  "
                   f"bound {bound:.0f}  gap {gap:.1%}", err=True)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="roster")
def cli() -> None:
    """Build, check and score monthly staff rosters for sales call centers.

    \b
    Exit codes: 0 done, 2 invalid input or usage, 3 infeasible (with reasons),
    4 no roster found within the time limit.

    \b
    Example:
      roster init my-center --month 2026-10
      roster solve my-center --out out/2026-10 --time-limit 60
    """


@cli.command()
@click.argument("folder", type=click.Path(path_type=Path))
@click.option("--month", required=True, help="The month to roster, YYYY-MM.")
def init(folder: Path, month: str) -> None:
    """Write a small valid scenario to start from.

    Example: roster init my-center --month 2026-12
    """
    from roster.init import write_starter_scenario

    try:
        write_starter_scenario(folder, Month.parse(month))
    except ValueError as exc:
        fail(f"--month: {exc}", EXIT_INPUT)
    except InputError as exc:
        fail(str(exc), EXIT_INPUT)
    click.echo(f"wrote a starter scenario to {folder}", err=True)


@cli.command()
@click.argument("scenario", type=click.Path(path_type=Path))
@click.option("--out", "out_dir", required=True, type=click.Path(path_type=Path),
              help="Folder to write the roster files into (created; never half-written).")
@click.option("--time-limit", default=60.0, show_default=True, type=click.FloatRange(0.1),
              help="Seconds of search in all (centers share it by size).")
@click.option("--workers", default=2, show_default=True, type=click.IntRange(1, 64),
              help="CP-SAT worker threads in all.")
@click.option("--seed", default=0, show_default=True, type=int, help="Random seed of the search.")
@click.option("--gap", "relative_gap", default=0.0, show_default=True,
              type=click.FloatRange(0, 1), help="Stop when within this relative gap (0.01 = 1 %).")
@click.option("--force", is_flag=True, help="Replace an existing, non-empty output folder.")
def solve(scenario: Path, out_dir: Path, time_limit: float, workers: int, seed: int,
          relative_gap: float, force: bool) -> None:
    """Generate a month's roster for every center of a scenario.

    Writes roster.csv, roster_wide.csv, acting_days.csv, cover.csv, penalties.csv and
    summary.json into OUT.

    Example: roster solve data/sample --out out/2026-10 --time-limit 60
    """
    start = time.perf_counter()
    try:
        sc = load_scenario(scenario)
        out = OutputFolder(out_dir, force=force)
        centers = compile_scenario(sc)
    except InputError as exc:
        fail(str(exc), EXIT_INPUT)
    reasons = [v.message for c in centers for v in prechecks(c.problem)]
    if reasons:
        fail("No roster exists / 无可行排班:\n" + "\n".join(f"  {r}" for r in reasons),
             EXIT_INFEASIBLE)
    settings = SolveSettings(time_limit=time_limit, workers=workers, seed=seed,
                             relative_gap=relative_gap)
    num_people = sum(len(c.problem.people) for c in centers)
    click.echo(f"solving {len(centers)} center(s), {num_people} people, "
               f"{len(sc.month.dates)} days, {workers} worker(s), {time_limit:g} s", err=True)
    results = solve_many([c.problem for c in centers], settings,
                         progress=_ProgressPrinter(start))
    infeasible = [(c, r) for c, r in zip(centers, results, strict=True)
                  if r.status == "INFEASIBLE"]
    if infeasible:
        lines = []
        for c, _ in infeasible:
            why = explain(c.problem, time_limit=min(60.0, time_limit))
            lines.append(f"center {c.center}:")
            lines += [f"  {w}" for w in why] or ["  (no small reason found)"]
        fail("No roster exists / 无可行排班:\n" + "\n".join(lines), EXIT_INFEASIBLE)
    missing = [r.name for r in results if not r.found]
    if missing:
        fail(f"No roster found within {time_limit:g} s for center(s) {', '.join(missing)}; "
             f"try a longer --time-limit", EXIT_NO_ROSTER)
    status = "OPTIMAL" if all(r.status == "OPTIMAL" for r in results) else "FEASIBLE"
    info = summary(sc, results, settings, time.perf_counter() - start, status)
    fill_output(out, sc, centers, results, info)
    out.publish()
    click.echo("", err=True)
    click.echo(f"{'center':<10}{'status':<10}{'objective':>10}{'bound':>10}{'gap':>8}"
               f"{'seconds':>9}", err=True)
    for r in results:
        gap = "" if r.gap is None else f"{r.gap:.1%}"
        click.echo(f"{r.name:<10}{r.status:<10}{r.objective or 0:>10}{r.bound:>10.0f}{gap:>8}"
                   f"{r.seconds:>9.1f}", err=True)
    click.echo(f"{status}: objective {info['objective']}, {info['counts']['acting_days']} acting "
               f"day(s); written to {out_dir}", err=True)


def main() -> None:
    cli()
