"""At most N shifts of each type per person; a limit of 0 forbids the shift."""

from __future__ import annotations

import pytest

from solver.rules.requests import ShiftRequest, ShiftRequests
from solver.rules.shift_counts import MaxShiftsPerType
from solver.solve import check_roster, solve

from .builders import SETTINGS, keys, make_problem, roster, solve_pinned


def test_more_shifts_of_a_type_than_the_limit() -> None:
    """P1: 3 E against 2 (L at its limit of 1); P2: one E against 0. One violation each."""
    rule = MaxShiftsPerType({"P1": {"E": 2, "L": 1}, "P2": {"E": 0}})
    problem = make_problem(2, 5, [rule])
    report = check_roster(problem, roster("E E OFF E L", "M E M M OFF"))
    assert keys(report.violations) == [
        ("max_shifts", ("P1",), (0, 1, 3)),
        ("max_shifts", ("P2",), (1,)),
    ]
    assert "P1 works shift E on 3 days; at most 2" in report.violations[0].message
    assert "P2 works shift E on 1 day; at most 0" in report.violations[1].message
    assert report.penalties == []


def test_at_the_limit_and_unlisted_shifts_break_nothing() -> None:
    """2 E against 2; M is not listed, so 3 M are fine; P2 has no limits at all."""
    rule = MaxShiftsPerType({"P1": {"E": 2}})
    problem = make_problem(2, 5, [rule])
    report = check_roster(problem, roster("E M M E M", "E E E E E"))
    assert report.violations == []
    assert report.objective == 0


def test_negative_limit_is_refused() -> None:
    """A limit below 0 is a mistake in the caller's data, named in the error."""
    with pytest.raises(ValueError, match="limit of P1 on shift E is -1"):
        MaxShiftsPerType({"P1": {"E": -1}})


def test_precheck_pinned_shifts_over_the_limit() -> None:
    """Three pinned L against a limit of 2: found before solving, on the pinned days."""
    rule = MaxShiftsPerType({"P1": {"L": 2}})
    fixed = {("P1", 0): "L", ("P1", 2): "L", ("P1", 3): "L", ("P1", 1): "E"}
    found = rule.precheck(make_problem(1, 4, [rule], fixed=fixed))
    assert keys(found) == [("max_shifts", ("P1",), (0, 2, 3))]
    assert "P1 is pinned to shift L on 3 days; at most 2" in found[0].message


def _wants_e(num_days: int, weight: int) -> ShiftRequests:
    return ShiftRequests([ShiftRequest("P1", d, "on", "E", weight) for d in range(num_days)])


def test_model_keeps_the_limit() -> None:
    """P1 wishes E on all 4 days (weight 3 each) but may work E twice: 2 wishes unmet, cost 6."""
    problem = make_problem(1, 4, [MaxShiftsPerType({"P1": {"E": 2}}), _wants_e(4, 3)],
                           base_rules=True)
    result = solve(problem, SETTINGS)
    assert result.status == "OPTIMAL"
    assert result.objective == 6  # 2 unmet x 3
    assert result.roster is not None
    assert result.roster["P1"].count("E") == 2


def test_model_rejects_a_pinned_roster_over_the_limit() -> None:
    """A pinned third E is INFEASIBLE; a roster at the limit scores as the checker says."""
    problem = make_problem(1, 4, [MaxShiftsPerType({"P1": {"E": 2}}), _wants_e(4, 3)],
                           base_rules=True)
    assert solve_pinned(problem, roster("E E E OFF")).status == "INFEASIBLE"
    valid = roster("E M E OFF")
    result = solve_pinned(problem, valid)
    assert result.status == "OPTIMAL"
    assert result.objective == check_roster(problem, valid).objective == 6  # days 1, 3: 2 x 3
