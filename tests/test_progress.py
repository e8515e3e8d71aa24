"""solver.solve._Progress: the bound on a progress line is never below the one known before
the search (column generation's, else 0), even where CP-SAT's own starts lower."""

from __future__ import annotations

from typing import Any

import pytest
from ortools.sat.python import cp_model

from solver.solve import _Progress


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
