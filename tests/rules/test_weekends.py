"""At most N weekends worked; a weekend is worked when its Saturday or its Sunday is."""

from __future__ import annotations

import datetime as dt

from solver.rules.requests import ShiftRequest, ShiftRequests
from solver.rules.weekends import MaxWeekends, weekends
from solver.solve import check_roster, solve

from .builders import MONDAY, SETTINGS, keys, make_problem, roster, solve_pinned

# 14 days from Monday 1 June 2026: weekends are days (5, 6) and (12, 13)
TWO_WEEKS = "E E E E E {} {} E E E E E {} {}"


def test_weekends_are_saturday_and_sunday_of_a_calendar_week() -> None:
    """From a Monday: (5, 6) and (12, 13); from a Sunday, day 0 is a weekend of its own."""
    assert weekends(make_problem(1, 14)) == [(5, 6), (12, 13)]
    assert weekends(make_problem(1, 9, start=MONDAY + dt.timedelta(days=6))) == [(0,), (6, 7)]


def test_more_weekends_than_the_limit() -> None:
    """P1 works Saturday 6 and Sunday 14 June: 2 weekends > 1. P2 works one weekend in full."""
    problem = make_problem(2, 14, [MaxWeekends({"P1": 1, "P2": 1})])
    report = check_roster(problem, roster(
        TWO_WEEKS.format("L", "OFF", "OFF", "E"),
        TWO_WEEKS.format("E", "M", "OFF", "LEAVE"),
    ))
    assert keys(report.violations) == [("max_weekends", ("P1",), (5, 13))]
    assert ("P1 works on 2 weekends (starting 2026-06-06, 2026-06-13); at most 1"
            in report.violations[0].message)
    assert report.penalties == []


def test_within_the_limit_and_holidays_are_not_weekends() -> None:
    """Limit 0, weekends off, a Wednesday holiday (a rest day) worked: nothing broken."""
    problem = make_problem(1, 14, [MaxWeekends({"P1": 0})], rest_days=[2, 5, 6, 12, 13])
    report = check_roster(problem, roster(TWO_WEEKS.format("OFF", "OFF", "OFF", "OFF")))
    assert report.violations == []
    assert report.objective == 0


def test_partial_weekend_at_the_horizon_edge_counts() -> None:
    """From Sunday 7 June: day 0 (a Sunday alone) and day 7 (the next Sunday) are 2 weekends."""
    problem = make_problem(1, 8, [MaxWeekends({"P1": 1})], start=MONDAY + dt.timedelta(days=6))
    report = check_roster(problem, roster("E E E E E E OFF E"))
    assert keys(report.violations) == [("max_weekends", ("P1",), (0, 7))]


def test_precheck_pinned_weekends() -> None:
    """Pinned to work Sunday 7 and Saturday 13 June with limit 1: found before solving."""
    rule = MaxWeekends({"P1": 1})
    problem = make_problem(1, 14, [rule], fixed={("P1", 6): "E", ("P1", 12): "L",
                                                 ("P1", 13): "OFF"})
    found = rule.precheck(problem)
    assert keys(found) == [("max_weekends", ("P1",), (6, 12))]
    assert "P1 is pinned to work on 2 weekends; at most 1" in found[0].message


def _weekend_wishes() -> ShiftRequests:
    # weekend 1: 3 + 1 = 4, weekend 2: 3 + 2 = 5
    return ShiftRequests([ShiftRequest("P1", d, "on", None, w)
                          for d, w in ((5, 3), (6, 1), (12, 3), (13, 2))])


def test_model_works_the_dearer_weekend() -> None:
    """Limit 1: keep weekend 2's wishes (5) and give up weekend 1's (3 + 1): optimum 4."""
    problem = make_problem(1, 14, [MaxWeekends({"P1": 1}), _weekend_wishes()], base_rules=True)
    result = solve(problem, SETTINGS)
    assert result.status == "OPTIMAL"
    assert result.objective == 4
    assert result.roster is not None
    assert [result.roster["P1"][d] for d in (5, 6)] == ["OFF", "OFF"]


def test_model_rejects_a_second_weekend() -> None:
    """Saturday of weekend 2 plus Sunday of weekend 1 is INFEASIBLE; one weekend is scored."""
    problem = make_problem(1, 14, [MaxWeekends({"P1": 1}), _weekend_wishes()], base_rules=True)
    assert solve_pinned(problem, roster(TWO_WEEKS.format("OFF", "E", "E", "OFF"))).status == (
        "INFEASIBLE")
    valid = roster(TWO_WEEKS.format("OFF", "OFF", "E", "OFF"))
    result = solve_pinned(problem, valid)
    assert result.status == "OPTIMAL"
    assert result.objective == check_roster(problem, valid).objective == 6  # 3 + 1 + 2
