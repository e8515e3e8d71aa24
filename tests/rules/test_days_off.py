"""R4 days off per month: OFF days within each person's quota, leave counting or not."""

from __future__ import annotations

from solver.rules.days_off import DaysOffQuota
from solver.rules.requests import ShiftRequest, ShiftRequests
from solver.solve import check_roster, solve

from .builders import SETTINGS, keys, make_problem, roster, solve_pinned


def test_too_few_and_too_many_days_off() -> None:
    """Quota 2 in a week: 1 OFF and 3 OFF are violations, 2 OFF is fine."""
    rule = DaysOffQuota({"P1": (2, 2), "P2": (2, 2), "P3": (2, 2)})
    problem = make_problem(3, 7, [rule])
    report = check_roster(problem, roster(
        "E E E E E E OFF",
        "E OFF E E OFF E OFF",
        "OFF E E E E OFF E",
    ))
    assert keys(report.violations) == [("R4", ("P1",), ()), ("R4", ("P2",), ())]
    assert "P1 has 1 days off; the quota is 2" in report.violations[0].message
    assert "P2 has 3 days off; the quota is 2" in report.violations[1].message
    assert report.penalties == []


def test_leave_counts_towards_the_quota() -> None:
    """Leave counts: 1 LEAVE + 1 OFF meets a quota of 2; 1 LEAVE + 2 OFF is one day too many."""
    rule = DaysOffQuota({"P1": (2, 2), "P2": (2, 2)}, leave_counts=True)
    problem = make_problem(2, 7, [rule])
    report = check_roster(problem, roster(
        "LEAVE E E E E E OFF",
        "LEAVE OFF E E E E OFF",
    ))
    assert keys(report.violations) == [("R4", ("P2",), ())]
    assert ("P2 has 2 days off and 1 days of leave; the quota is 2 (leave counts)"
            in report.violations[0].message)


def test_leave_not_counting() -> None:
    """Leave does not count: 1 LEAVE + 1 OFF is short of 2; 1 LEAVE + 2 OFF meets it."""
    rule = DaysOffQuota({"P1": (2, 2), "P2": (2, 2)}, leave_counts=False)
    problem = make_problem(2, 7, [rule])
    report = check_roster(problem, roster(
        "LEAVE E E E E E OFF",
        "LEAVE OFF E E E E OFF",
    ))
    assert keys(report.violations) == [("R4", ("P1",), ())]
    message = report.violations[0].message
    assert "P1 has 1 days off and 1 days of leave; the quota is 2" in message
    assert "(leave counts)" not in message


def test_range_quota() -> None:
    """A 1-3 range: 0 and 4 days off break it, 1 and 3 are inside it."""
    rule = DaysOffQuota({pid: (1, 3) for pid in ("P1", "P2", "P3", "P4")})
    problem = make_problem(4, 7, [rule])
    report = check_roster(problem, roster(
        "E E E E E E E",
        "OFF E E E E E E",
        "OFF E OFF E E E OFF",
        "OFF OFF E E OFF OFF E",
    ))
    assert keys(report.violations) == [("R4", ("P1",), ()), ("R4", ("P4",), ())]
    assert "P1 has 0 days off; the quota is 1-3" in report.violations[0].message
    assert "P4 has 4 days off; the quota is 1-3" in report.violations[1].message


def test_leave_beyond_the_quota() -> None:
    """3 days of leave against a quota of 2: no further day off is due, and one more breaks it."""
    rule = DaysOffQuota({"P1": (2, 2), "P2": (2, 2)})
    assert rule.off_bounds("P1", 3) == (0, 0)  # max(0, 2 - 3) for both bounds
    problem = make_problem(2, 7, [rule])
    report = check_roster(problem, roster(
        "LEAVE LEAVE LEAVE E E E E",
        "LEAVE LEAVE LEAVE E OFF E E",
    ))
    assert keys(report.violations) == [("R4", ("P2",), ())]
    assert "P2 has 1 days off and 3 days of leave" in report.violations[0].message


def test_people_without_a_quota_are_not_checked() -> None:
    """Only the people in the quota map are checked; a roster inside every quota pays nothing."""
    rule = DaysOffQuota({"P1": (1, 1)})
    problem = make_problem(2, 3, [rule])
    report = check_roster(problem, roster("E OFF E", "E E E"))
    assert report.violations == []
    assert report.objective == 0


def test_precheck_too_many_pinned_days_off() -> None:
    """Three days pinned OFF against a quota of at most 2 is found before solving."""
    rule = DaysOffQuota({"P1": (1, 2)})
    problem = make_problem(1, 5, [rule], fixed={("P1", d): "OFF" for d in range(3)})
    found = rule.precheck(problem)
    assert keys(found) == [("R4", ("P1",), ())]
    assert "P1 is pinned off on 3 days but may have at most 2 days off" in found[0].message


def _wants_to_work(num_days: int, first: int = 0) -> ShiftRequests:
    return ShiftRequests([ShiftRequest("P1", d, "on", None, 1) for d in range(first, num_days)])


def test_model_counts_leave_towards_the_quota() -> None:
    """Leave on day 0 counts: one more OFF meets a quota of 2, the optimum costs 1."""
    rule = DaysOffQuota({"P1": (2, 2)}, leave_counts=True)
    problem = make_problem(1, 5, [rule, _wants_to_work(5, first=1)], fixed={("P1", 0): "LEAVE"},
                           base_rules=True)
    result = solve(problem, SETTINGS)
    # quota 2 - 1 leave day = 1 OFF among days 1-4, each wished worked at weight 1: 1 x 1 = 1
    assert result.status == "OPTIMAL"
    assert result.objective == 1
    assert result.roster is not None
    assert result.roster["P1"].count("OFF") == 1


def test_model_with_leave_not_counting() -> None:
    """Leave does not count: two OFF days among days 1-4, the optimum costs 2."""
    rule = DaysOffQuota({"P1": (2, 2)}, leave_counts=False)
    problem = make_problem(1, 5, [rule, _wants_to_work(5, first=1)], fixed={("P1", 0): "LEAVE"},
                           base_rules=True)
    result = solve(problem, SETTINGS)
    # 2 OFF days, each on a day wished worked at weight 1: 2 x 1 = 2
    assert result.status == "OPTIMAL"
    assert result.objective == 2


def test_model_rejects_a_pinned_roster_outside_the_quota() -> None:
    """Pinned rosters with too few or too many OFF are INFEASIBLE; a valid one scores as checked."""
    rule = DaysOffQuota({"P1": (2, 2)}, leave_counts=True)
    problem = make_problem(1, 5, [rule, _wants_to_work(5, first=1)], fixed={("P1", 0): "LEAVE"},
                           base_rules=True)
    assert solve_pinned(problem, roster("LEAVE E E E E")).status == "INFEASIBLE"
    assert solve_pinned(problem, roster("LEAVE OFF OFF E E")).status == "INFEASIBLE"
    valid = roster("LEAVE E OFF E E")
    result = solve_pinned(problem, valid)
    assert result.status == "OPTIMAL"
    assert result.objective == check_roster(problem, valid).objective == 1  # day 2 OFF: 1 x 1
