"""W3 rest-day days off spread evenly (leave not counted); W5 late shifts spread evenly."""

from __future__ import annotations

from solver.messages import Text
from solver.problem import Penalty
from solver.rules.cover import Cover, CoverRequirement
from solver.rules.days_off import DaysOffQuota
from solver.rules.fairness import LateShiftFairness, RestDayFairness
from solver.rules.requests import ShiftRequest, ShiftRequests
from solver.solve import check_roster, solve

from .builders import SETTINGS, make_problem, roster, solve_pinned

# one week from Monday 1 June 2026: Saturday is day 5, Sunday day 6


def test_rest_day_spread() -> None:
    """Weekend days off 2, 1 and 0: spread 2 x weight 3 = 6, one group penalty."""
    rule = RestDayFairness(("P1", "P2", "P3"), 3)
    problem = make_problem(3, 7, [rule])
    report = check_roster(problem, roster(
        "E E E E E OFF OFF",
        "E OFF E E E OFF E",  # a weekday OFF does not count
        "OFF E E E E E E",
    ))
    assert report.violations == []
    assert report.penalties == [Penalty("W3", "", None, 3, 2, detail=Text("fairness.rest_days"))]
    assert report.objective == 6  # (2 - 0) x 3


def test_leave_on_a_rest_day_is_not_counted() -> None:
    """P1's weekend leave is their own: counts 0 against P2's 2, spread 2 x weight 1 = 2."""
    rule = RestDayFairness(("P1", "P2"), 1)
    problem = make_problem(2, 7, [rule])
    report = check_roster(problem, roster(
        "E E E E E LEAVE LEAVE",
        "E E E E E OFF OFF",
    ))
    assert report.penalties == [Penalty("W3", "", None, 1, 2, detail=Text("fairness.rest_days"))]


def test_public_holiday_is_a_rest_day() -> None:
    """Rest days given explicitly (a Wednesday holiday): only those days count."""
    rule = RestDayFairness(("P1", "P2"), 4)
    problem = make_problem(2, 7, [rule], rest_days=[2])
    report = check_roster(problem, roster(
        "E E OFF E E E E",
        "E E E E E OFF OFF",  # the weekend is a working weekend here
    ))
    assert report.objective == 4  # counts 1 and 0: (1 - 0) x 4


def test_even_rest_days_pay_nothing() -> None:
    """One weekend day off each (and people outside the group ignored): objective 0."""
    rule = RestDayFairness(("P1", "P2"), 3)
    problem = make_problem(3, 7, [rule])
    report = check_roster(problem, roster(
        "E E E E E OFF E",
        "E E E E E E OFF",
        "E E E E E OFF OFF",
    ))
    assert report.penalties == []
    assert report.objective == 0


def test_late_shift_spread() -> None:
    """Late shifts 3, 1 and 2: spread 2 x weight 2 = 4; E and M are not late."""
    rule = LateShiftFairness(("P1", "P2", "P3"), ("L",), 2)
    problem = make_problem(3, 4, [rule])
    report = check_roster(problem, roster("L L L E", "M E L OFF", "L OFF L LEAVE"))
    assert report.penalties == [Penalty("W5", "", None, 2, 2, detail=Text("fairness.late_shifts"))]
    assert report.objective == 4  # (3 - 1) x 2


def test_even_late_shifts_pay_nothing() -> None:
    """Two late shifts each: objective 0."""
    rule = LateShiftFairness(("P1", "P2"), ("L",), 2)
    problem = make_problem(2, 4, [rule])
    assert check_roster(problem, roster("L L E E", "E L OFF L")).objective == 0


def test_model_rest_day_fairness() -> None:
    """One day off each in a week: both take it on a weekday, paying only P1's Saturday wish (1)."""
    rules = [
        DaysOffQuota({"P1": (1, 1), "P2": (1, 1)}),
        RestDayFairness(("P1", "P2"), 5),
        ShiftRequests([ShiftRequest("P1", 5, "off", None, 1),
                       ShiftRequest("P2", 5, "on", None, 2),
                       ShiftRequest("P2", 6, "on", None, 2)]),
    ]
    problem = make_problem(2, 7, rules, base_rules=True)
    result = solve(problem, SETTINGS)
    # P2 off on the weekend breaks a wish (2); only P1 off on Saturday: spread 1 x 5 = 5;
    # both off on weekdays: spread 0, P1's wish broken: 1. Optimum 1.
    assert result.status == "OPTIMAL"
    assert result.objective == 1
    assert result.roster is not None
    off_days = [[d for d, cell in enumerate(cells) if cell == "OFF"]
                for cells in result.roster.values()]
    assert [len(days) for days in off_days] == [1, 1]
    assert all(days[0] < 5 for days in off_days)  # Monday-Friday
    unfair = roster("E E E E E OFF E", "OFF E E E E E E")
    pinned = solve_pinned(problem, unfair)
    assert pinned.objective == check_roster(problem, unfair).objective == 5  # (1 - 0) x 5


def test_model_late_shift_fairness() -> None:
    """One L needed each of 2 days; P2 wishes both days off (1 each): P2 takes one L, cost 1."""
    rules = [
        Cover([CoverRequirement(d, "L", ("P1", "P2"), minimum=1) for d in range(2)]),
        LateShiftFairness(("P1", "P2"), ("L",), 3),
        ShiftRequests([ShiftRequest("P2", d, "off", None, 1) for d in range(2)]),
    ]
    problem = make_problem(2, 2, rules, base_rules=True)
    result = solve(problem, SETTINGS)
    # P1 on both L: spread (2 - 0) x 3 = 6; P2 on one: spread 0, one wish broken: 1. Optimum 1.
    assert result.status == "OPTIMAL"
    assert result.objective == 1
    assert result.roster is not None
    assert result.roster["P1"].count("L") == result.roster["P2"].count("L") == 1
    unfair = roster("L L", "OFF OFF")
    pinned = solve_pinned(problem, unfair)
    assert pinned.objective == check_roster(problem, unfair).objective == 6  # (2 - 0) x 3
