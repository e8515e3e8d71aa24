"""R5 at most N consecutive working days, counted across the month boundary with history."""

from __future__ import annotations

from solver.rules.consecutive import MaxConsecutiveWorkDays
from solver.rules.requests import ShiftRequest, ShiftRequests
from solver.solve import check_roster, solve

from .builders import SETTINGS, keys, make_problem, roster, solve_pinned


def test_a_run_longer_than_the_limit_is_one_violation() -> None:
    """Limit 3: four days in a row is one violation over those four days; leave breaks a run."""
    rule = MaxConsecutiveWorkDays({"P1": 3, "P2": 3})
    problem = make_problem(2, 7, [rule])
    report = check_roster(problem, roster(
        "E M L E OFF E E",
        "E E LEAVE E E E OFF",
    ))
    assert keys(report.violations) == [("R5", ("P1",), (0, 1, 2, 3))]
    message = report.violations[0].message
    assert "P1 works 4 days in a row from 2026-06-01 to 2026-06-04; at most 3" in message
    assert "previous month" not in message
    assert report.penalties == []


def test_run_across_the_month_boundary() -> None:
    """History E E then E E: a run of 4 against limit 3, on days 0-1, naming the 2 history days."""
    rule = MaxConsecutiveWorkDays({"P1": 3})
    problem = make_problem(1, 5, [rule], history={"P1": "OFF E E"})
    report = check_roster(problem, roster("E E OFF E E"))
    assert keys(report.violations) == [("R5", ("P1",), (0, 1))]
    message = report.violations[0].message
    assert "P1 works 4 days in a row from 2026-06-01 to 2026-06-02" in message
    assert "(counting 2 days of the previous month)" in message


def test_history_alone_is_not_this_months_violation() -> None:
    """A long run that ends before day 0 is last month's business; a limit run is fine."""
    rule = MaxConsecutiveWorkDays({"P1": 3, "P2": 3})
    problem = make_problem(2, 5, [rule], history={"P1": "E E E E", "P2": "OFF E"})
    report = check_roster(problem, roster("OFF E E E OFF", "E E OFF E E"))
    assert report.violations == []
    assert report.objective == 0


def test_only_people_with_a_limit_are_checked() -> None:
    """P2 has no limit: a week worked in full is not checked."""
    rule = MaxConsecutiveWorkDays({"P1": 6})
    problem = make_problem(2, 7, [rule])
    report = check_roster(problem, roster("E E E E E E OFF", "E E E E E E E"))
    assert report.violations == []


def test_precheck_pinned_run_with_history() -> None:
    """History E E plus pins on days 0-1 make a run of 4 against limit 3 before solving."""
    rule = MaxConsecutiveWorkDays({"P1": 3})
    problem = make_problem(1, 4, [rule], history={"P1": "E E"},
                           fixed={("P1", 0): "E", ("P1", 1): "M"})
    found = rule.precheck(problem)
    assert keys(found) == [("R5", ("P1",), (0, 1))]
    assert "P1 is pinned to work 4 days in a row up to 2026-06-02; at most 3" in found[0].message


def _wants_to_work(num_days: int) -> ShiftRequests:
    return ShiftRequests([ShiftRequest("P1", d, "on", None, 1) for d in range(num_days)])


def test_model_without_history() -> None:
    """Limit 2 over 5 days, every day wished worked (weight 1): one OFF on day 2, cost 1."""
    problem = make_problem(1, 5, [MaxConsecutiveWorkDays({"P1": 2}), _wants_to_work(5)],
                           base_rules=True)
    result = solve(problem, SETTINGS)
    # windows of 3 days: 0-2, 1-3, 2-4 all contain day 2, so 1 OFF is the minimum: 1 x 1 = 1
    assert result.status == "OPTIMAL"
    assert result.objective == 1
    assert result.roster is not None
    assert [d for d, cell in enumerate(result.roster["P1"]) if cell == "OFF"] == [2]


def test_model_counts_history_at_the_month_boundary() -> None:
    """With history E E, day 0 must be OFF too: two OFF days, cost 2."""
    problem = make_problem(1, 5, [MaxConsecutiveWorkDays({"P1": 2}), _wants_to_work(5)],
                           history={"P1": "E E"}, base_rules=True)
    result = solve(problem, SETTINGS)
    # window -2..0 forces day 0 OFF; windows 1-3 and 2-4 need one more (day 2 or 3): 2 x 1 = 2
    assert result.status == "OPTIMAL"
    assert result.objective == 2
    assert result.roster is not None
    assert result.roster["P1"][0] == "OFF"


def test_model_rejects_a_pinned_run_across_the_boundary() -> None:
    """A pinned run continuing history is INFEASIBLE; a valid roster scores as the checker."""
    problem = make_problem(1, 5, [MaxConsecutiveWorkDays({"P1": 2}), _wants_to_work(5)],
                           history={"P1": "E E"}, base_rules=True)
    assert solve_pinned(problem, roster("E OFF E E OFF")).status == "INFEASIBLE"
    assert solve_pinned(problem, roster("OFF E E E OFF")).status == "INFEASIBLE"
    valid = roster("OFF E E OFF E")
    result = solve_pinned(problem, valid)
    assert result.status == "OPTIMAL"
    assert result.objective == check_roster(problem, valid).objective == 2  # 2 OFF days x 1
