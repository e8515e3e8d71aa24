"""R6 minimum rest between shifts: forbidden successions on consecutive days, with history."""

from __future__ import annotations

from solver.rules.requests import ShiftRequest, ShiftRequests
from solver.rules.succession import ForbiddenSuccessions
from solver.solve import check_roster, solve

from .builders import SETTINGS, keys, make_problem, roster, solve_pinned

# L ends 22:30 and E starts 08:00: 9.5 h of rest, under the 11 h minimum. L ends 22:30 and M starts
# 11:30 (13 h); M ends 20:00 and E starts 08:00 (12 h): both allowed.
REST = ForbiddenSuccessions({("L", "E"): "9.5 h rest, at least 11 h"})


def test_late_then_early_is_a_violation_per_pair() -> None:
    """L then E twice: two violations, each on the two days involved."""
    problem = make_problem(2, 5, [REST])
    report = check_roster(problem, roster("L E OFF L E", "L M E L OFF"))
    assert keys(report.violations) == [("R6", ("P1",), (0, 1)), ("R6", ("P1",), (3, 4))]
    message = report.violations[0].message
    assert "P1 works L on 2026-06-01 then E on 2026-06-02: 9.5 h rest, at least 11 h" in message
    assert report.penalties == []


def test_history_last_day_counts() -> None:
    """L on the last day of the previous month then E on day 0 is a violation on day 0."""
    problem = make_problem(2, 3, [REST], history={"P1": "E L", "P2": "L OFF"})
    report = check_roster(problem, roster("E E E", "E E E"))
    assert keys(report.violations) == [("R6", ("P1",), (0,))]
    assert ("P1 works L on the day before the month then E on 2026-06-01"
            in report.violations[0].message)


def test_history_ignored_when_switched_off() -> None:
    """With use_history=False the previous month's last day is not checked."""
    rule = ForbiddenSuccessions({("L", "E"): "rest"}, use_history=False)
    problem = make_problem(1, 3, [rule], history={"P1": "L"})
    assert check_roster(problem, roster("E E E")).violations == []


def test_allowed_successions_break_nothing() -> None:
    """L then M, M then E, L then OFF then E: all allowed, nothing paid."""
    problem = make_problem(1, 6, [REST], history={"P1": "M"})
    report = check_roster(problem, roster("E L M E L OFF"))
    assert report.violations == []
    assert report.objective == 0


def test_precheck_pinned_late_then_early() -> None:
    """Pins L on day 1 and E on day 2 contradict R6 before solving."""
    problem = make_problem(1, 3, [REST], fixed={("P1", 1): "L", ("P1", 2): "E"})
    found = REST.precheck(problem)
    assert keys(found) == [("R6", ("P1",), (2,))]
    assert "P1 is pinned to L then E on 2026-06-03" in found[0].message


def test_model_breaks_the_cheaper_of_two_clashing_wishes() -> None:
    """Wishes L on day 0 (weight 3) and E on day 1 (weight 2) clash: the optimum costs 2."""
    wishes = ShiftRequests([ShiftRequest("P1", 0, "on", "L", 3),
                            ShiftRequest("P1", 1, "on", "E", 2)])
    problem = make_problem(1, 2, [REST, wishes], base_rules=True)
    result = solve(problem, SETTINGS)
    # L then E is forbidden, so one wish is broken; the cheaper one costs 2
    assert result.status == "OPTIMAL"
    assert result.objective == 2
    assert result.roster is not None
    assert result.roster["P1"][0] == "L"


def test_model_uses_history_last_day() -> None:
    """History ends on L: a wish for E on day 0 (weight 5) cannot be met, the optimum costs 5."""
    wishes = ShiftRequests([ShiftRequest("P1", 0, "on", "E", 5)])
    problem = make_problem(1, 2, [REST, wishes], history={"P1": "L"}, base_rules=True)
    result = solve(problem, SETTINGS)
    assert result.status == "OPTIMAL"
    assert result.objective == 5


def test_model_rejects_pinned_forbidden_successions() -> None:
    """Pinned L→E inside the month or after history is INFEASIBLE; a valid roster is scored."""
    wishes = ShiftRequests([ShiftRequest("P1", 0, "on", "E", 5)])
    problem = make_problem(1, 3, [REST, wishes], history={"P1": "L"}, base_rules=True)
    assert solve_pinned(problem, roster("E OFF E")).status == "INFEASIBLE"
    assert solve_pinned(problem, roster("M L E")).status == "INFEASIBLE"
    valid = roster("M L M")
    result = solve_pinned(problem, valid)
    assert result.status == "OPTIMAL"
    assert result.objective == check_roster(problem, valid).objective == 5  # no E on day 0: 5
