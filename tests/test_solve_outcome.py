"""What solve() reports after its search: the bound on a progress line is never below the one
known before the search (column generation's, else 0), even where CP-SAT's own starts lower
(solver.solve._Progress); the roster is never worse than the hint the search started from
(solver.solve._better)."""

from __future__ import annotations

from typing import Any

import pytest
from ortools.sat.python import cp_model

from solver.check import check_roster
from solver.problem import OFF
from solver.solve import _better, _Progress
from tests.test_branching import OPTIMUM, REST_OFF, REST_WORKED, UNDER, tiny


class _Ctx:
    """What _Progress asks of a model context: the roster of a solution."""

    def roster_from(self, value: Any) -> dict[str, list[str]]:
        return {}


@pytest.mark.parametrize(("floor", "shown"), [(0.0, 0.0), (3.0, 3.0), (-10.0, -5.0)])
def test_the_bound_shown_is_at_least_the_floor(floor: float, shown: float) -> None:
    """min x over x in [-5, 10]: CP-SAT's solution and bound are both -5. The line shows
    max(floor, -5): 0 with the default floor, 3 with a floor of 3 (a column bound), and -5
    itself when the floor is lower."""
    model = cp_model.CpModel()
    x = model.new_int_var(-5, 10, "x")
    model.minimize(x)
    lines: list[tuple[str, float, float, float]] = []
    callback = _Progress(_Ctx(), "c", lambda *line: lines.append(line), 0.0,  # type: ignore[arg-type]
                         floor=floor)
    solver = cp_model.CpSolver()
    solver.parameters.num_workers = 1
    assert solver.solve(model, callback) == cp_model.OPTIMAL
    assert [(name, objective, bound) for name, _, objective, bound in lines] == [
        ("c", -5.0, shown)]


def test_the_better_of_the_search_and_its_hint() -> None:
    """_better keeps the search's roster unless the hint it started from is better and keeps
    every hard rule. Tiny problem (see test_branching): one person off on the rest day, one
    working it covers both days, 7 (W3 spread 1); both off on the rest day leaves day 0 short,
    100 (UNDER); a hint with one person off twice breaks the days-off quota."""
    problem = tiny()
    good = {"P1": list(REST_OFF), "P2": list(REST_WORKED)}
    short = {"P1": list(REST_OFF), "P2": list(REST_OFF)}
    broken = {"P1": [OFF, OFF], "P2": list(REST_WORKED)}
    assert check_roster(problem, good).objective == OPTIMUM
    assert check_roster(problem, short).objective == UNDER
    assert check_roster(problem, broken).violations
    report = check_roster(problem, short)
    assert _better(problem, short, report, good) == (good, check_roster(problem, good))
    assert _better(problem, good, check_roster(problem, good), short)[0] is good
    assert _better(problem, short, report, broken) == (short, report)
    assert _better(problem, good, check_roster(problem, good), dict(good))[0] is good  # a tie
