"""Total worked minutes per person between a minimum and a maximum (Shift.minutes)."""

from __future__ import annotations

import pytest

from solver.problem import Shift
from solver.rules.minutes import TotalMinutes
from solver.rules.requests import ShiftRequest, ShiftRequests
from solver.solve import check_roster, solve

from .builders import SETTINGS, keys, make_problem, roster, solve_pinned

D = Shift("D", minutes=480)
N = Shift("N", minutes=720)
SHIFTS = (D, N)


def test_too_many_and_too_few_minutes() -> None:
    """P1: 3 D + 1 N = 2,160 > 1,500; P2: 1 D = 480 < 1,000; P3: N + D = 1,200 is fine."""
    bounds = {pid: (1000, 1500) for pid in ("P1", "P2", "P3")}
    problem = make_problem(3, 4, [TotalMinutes(bounds)], shifts=SHIFTS)
    report = check_roster(problem, roster("D D D N", "D OFF OFF OFF", "N D OFF LEAVE"))
    assert keys(report.violations) == [
        ("total_minutes", ("P1",), ()),
        ("total_minutes", ("P2",), ()),
    ]
    assert ("P1 works 2160 minutes in 4 shift(s); at most 1500 (between 1000 and 1500)"
            in report.violations[0].message)
    assert ("P2 works 480 minutes in 1 shift(s); at least 1000 (between 1000 and 1500)"
            in report.violations[1].message)
    assert report.penalties == []


def test_bounds_are_inclusive_and_leave_counts_nothing() -> None:
    """Exactly 1,200 minutes (N + D) with two LEAVE days is within (1,200, 1,200)."""
    problem = make_problem(1, 4, [TotalMinutes({"P1": (1200, 1200)})], shifts=SHIFTS)
    report = check_roster(problem, roster("N LEAVE D LEAVE"))
    assert report.violations == []
    assert report.objective == 0


def test_bounds_must_be_ordered() -> None:
    """min above max is refused with the person named."""
    with pytest.raises(ValueError, match="bounds of P1 are"):
        TotalMinutes({"P1": (500, 400)})


def test_precheck_pinned_minutes_and_unreachable_minimum() -> None:
    """P1 pinned to 2 N = 1,440 > 1,000; P2 has 1 free day of at most 720 < 1,000 needed."""
    rule = TotalMinutes({"P1": (0, 1000), "P2": (1000, 2000)})
    fixed = {("P1", 0): "N", ("P1", 1): "N", ("P2", 0): "OFF"}
    found = rule.precheck(make_problem(2, 2, [rule], shifts=SHIFTS, fixed=fixed))
    assert keys(found) == [("total_minutes", ("P1",), ()), ("total_minutes", ("P2",), ())]
    assert "P1 is pinned to 1440 minutes of shifts; at most 1000" in found[0].message
    assert "P2 can work at most 720 minutes; at least 1000 are needed" in found[1].message


def _wants_d(num_days: int) -> ShiftRequests:
    return ShiftRequests([ShiftRequest("P1", d, "on", "D", 1) for d in range(num_days)])


def test_model_hits_the_exact_total() -> None:
    """Exactly 1,200 minutes in 3 days is one D and one N: 2 of 3 wishes for D unmet, cost 2."""
    problem = make_problem(1, 3, [TotalMinutes({"P1": (1200, 1200)}), _wants_d(3)],
                           shifts=SHIFTS, base_rules=True)
    result = solve(problem, SETTINGS)
    # 1,200 = 480 + 720 only (2 x 480 = 960, 3 x 480 = 1,440): one D day, so 2 wishes x 1
    assert result.status == "OPTIMAL"
    assert result.objective == 2
    assert result.roster is not None
    assert sorted(result.roster["P1"]) == ["D", "N", "OFF"]


def test_model_rejects_pinned_totals_outside_the_bounds() -> None:
    """D D OFF (960) is INFEASIBLE; N D OFF (1,200) scores as the checker says."""
    problem = make_problem(1, 3, [TotalMinutes({"P1": (1200, 1200)}), _wants_d(3)],
                           shifts=SHIFTS, base_rules=True)
    assert solve_pinned(problem, roster("D D OFF")).status == "INFEASIBLE"
    valid = roster("N D OFF")
    result = solve_pinned(problem, valid)
    assert result.status == "OPTIMAL"
    assert result.objective == check_roster(problem, valid).objective == 2  # days 0, 2 not D
