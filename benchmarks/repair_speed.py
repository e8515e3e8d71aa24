#!/usr/bin/env python
"""Speed benchmark of ``solver.repair.repair`` (a script, not a test).

A 100-person center (``roster.synthetic.synthetic_scenario(100)``, October 2026, seed 0) is solved
with ``solver.solve.solve`` for 10 s; then violations are planted in the solved roster, one
random cell at a time (a cell that is not leave or pinned, given another shift, OFF, or a shift
for OFF), keeping an edit only when it adds exactly one hard violation, until there are 10. The
roster is repaired with ``SolveSettings(workers=2)`` and each time limit. The table shows the
cells edited, the cells the repair changed (undoing the edits is one repair, so at most that
many) and whether that number is proven the fewest, the seconds to the fewest-changes roster
(the first solve, model building included), the seconds in all (the second solve improves the
objective for the rest of the limit), and the objective before and after. Every repaired roster
is re-checked (no violation).

    python benchmarks/repair_speed.py                 # limits 5 s and 10 s, seeds 1-3
    python benchmarks/repair_speed.py --limits 10 --seeds 1
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import time
from importlib.metadata import version

from roster.compile import compile_scenario
from roster.synthetic import synthetic_scenario
from solver.check import check_roster
from solver.problem import LEAVE, OFF, Problem
from solver.repair import repair
from solver.solve import SolveSettings, solve

NUM_STAFF = 100
NUM_VIOLATIONS = 10
SOLVE_SECONDS = 10.0
WORKERS = 2


def plant(problem: Problem, roster: dict[str, list[str]], num_violations: int,
          seed: int) -> tuple[dict[str, list[str]], int]:
    """Edit random free cells until the roster has ``num_violations`` hard violations.

    An edit is kept only when it adds exactly one violation. Returns the roster and the number
    of cells edited.
    """
    rng = random.Random(seed)
    out = {pid: list(cells) for pid, cells in roster.items()}
    count = len(check_roster(problem, out).violations)
    edits = 0
    while count < num_violations:
        person = rng.choice(problem.people)
        d = rng.randrange(problem.num_days)
        if (person.id, d) in problem.fixed:
            continue
        before = out[person.id][d]
        codes = [s.code for s in problem.shifts if person.may_work(s.code)]
        choices = [c for c in [*codes, OFF] if c != before and before != LEAVE]
        if not choices:
            continue
        out[person.id][d] = rng.choice(choices)
        now = len(check_roster(problem, out).violations)
        if now == count + 1:
            count = now
            edits += 1
        else:
            out[person.id][d] = before
    return out, edits


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limits", type=float, nargs="+", default=[5.0, 10.0])
    parser.add_argument("--seeds", type=int, nargs="+", default=[1, 2, 3])
    args = parser.parse_args()

    problem = compile_scenario(synthetic_scenario(NUM_STAFF, month="2026-10", seed=0))[0].problem
    solved = solve(problem, SolveSettings(time_limit=SOLVE_SECONDS, workers=WORKERS))
    assert solved.roster is not None, solved.status
    print(f"# repair speed: {len(problem.people)} people x {problem.num_days} days, "
          f"{NUM_VIOLATIONS} planted violations, workers {WORKERS}")
    print(f"# machine: nproc {os.cpu_count()}, Python {platform.python_version()}, "
          f"OR-Tools {version('ortools')}; solved roster objective {solved.objective}")
    print()
    print("| seed | limit s | edits | changes | minimum proven | fewest-changes s | total s "
          "| status | objective before | objective |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    for seed in args.seeds:
        broken, edits = plant(problem, solved.roster, NUM_VIOLATIONS, seed)
        before = check_roster(problem, broken)
        assert len(before.violations) == NUM_VIOLATIONS
        for limit in args.limits:
            start = time.perf_counter()
            fixed = repair(problem, broken, SolveSettings(time_limit=limit, workers=WORKERS))
            wall = time.perf_counter() - start
            result = fixed.result
            assert result.roster is not None, result.status
            assert not check_roster(problem, result.roster).violations
            print(f"| {seed} | {limit:g} | {edits} | {fixed.num_changes} | "
                  f"{'yes' if fixed.minimum_proven else 'no'} | "
                  f"{result.first_solution_seconds or 0:.2f} | {wall:.2f} | {result.status} | "
                  f"{before.objective} | {result.objective} |")


if __name__ == "__main__":
    main()
