"""At least N worked days in a row, at least N days off in a row; runs at the edges exempt."""

from __future__ import annotations

import pytest

from solver.rules.min_consecutive import MinConsecutiveDaysOff, MinConsecutiveWork, patterns
from solver.rules.requests import ShiftRequest, ShiftRequests
from solver.solve import check_roster, solve

from .builders import SETTINGS, keys, make_problem, roster, solve_pinned

#            runs of work: [0] [2-3] [5-7] [9]
WORK_RUNS = "E OFF E E OFF E L M OFF E"


def test_short_work_run_inside_the_horizon() -> None:
    """Minimum 3: only the run on days 2-3 counts; runs on day 0 and on the last day are exempt."""
    problem = make_problem(1, 10, [MinConsecutiveWork({"P1": 3}, rule_id="H6")])
    report = check_roster(problem, roster(WORK_RUNS))
    assert keys(report.violations) == [("H6", ("P1",), (2, 3))]
    assert ("H6: P1 works 2 days in a row from 2026-06-03 to 2026-06-04; at least 3"
            in report.violations[0].message)
    assert report.penalties == []


def test_edges_count_when_not_exempt() -> None:
    """exempt_edges=False: the one-day runs on day 0 and day 9 are violations too."""
    rule = MinConsecutiveWork({"P1": 3}, exempt_edges=False)
    report = check_roster(make_problem(1, 10, [rule]), roster(WORK_RUNS))
    assert keys(report.violations) == [
        ("min_work_run", ("P1",), (0,)),
        ("min_work_run", ("P1",), (2, 3)),
        ("min_work_run", ("P1",), (9,)),
    ]
    assert "P1 works 1 day in a row on 2026-06-01; at least 3" in report.violations[0].message


def test_history_counts_only_when_edges_are_not_exempt() -> None:
    """History 'OFF E' then E OFF: a run of 2 with one history day; exempt: history ignored."""
    history = {"P1": "OFF E", "P2": "E E"}
    rows = roster("E OFF E E E", "E OFF E E E")
    strict = MinConsecutiveWork({"P1": 3, "P2": 3}, exempt_edges=False)
    report = check_roster(make_problem(2, 5, [strict], history=history), rows)
    # P1: history day -1 + day 0 = 2 < 3; P2: days -2, -1, 0 = 3, fine
    assert keys(report.violations) == [("min_work_run", ("P1",), (0,))]
    assert ("P1 works 2 days in a row on 2026-06-01 (counting 1 day of history); at least 3"
            in report.violations[0].message)
    lenient = MinConsecutiveWork({"P1": 3, "P2": 3})
    assert check_roster(make_problem(2, 5, [lenient], history=history), rows).violations == []


def test_short_runs_of_days_off_leave_counts_as_off() -> None:
    """Minimum 2 days off: a lone OFF (day 1) and a lone LEAVE (day 7) break it; day 9 is exempt."""
    problem = make_problem(1, 10, [MinConsecutiveDaysOff({"P1": 2}, rule_id="H7")])
    report = check_roster(problem, roster("E OFF E E OFF OFF E LEAVE E OFF"))
    assert keys(report.violations) == [("H7", ("P1",), (1,)), ("H7", ("P1",), (7,))]
    assert "H7: P1 is off 1 day in a row on 2026-06-02; at least 2" in report.violations[0].message


def test_long_enough_runs_and_minimum_one_break_nothing() -> None:
    """Runs of 2 against a minimum of 2, and a minimum of 1 (no constraint at all)."""
    rules = [MinConsecutiveWork({"P1": 2, "P2": 1}), MinConsecutiveDaysOff({"P1": 2, "P2": 1})]
    problem = make_problem(2, 8, rules)
    report = check_roster(problem, roster("E E OFF OFF E E OFF OFF", "E OFF E OFF E OFF E OFF"))
    assert report.violations == []
    assert report.objective == 0


def test_negative_minimum_is_refused() -> None:
    """A minimum below 0 is refused, naming the person."""
    with pytest.raises(ValueError, match="minimum of P1 is -2"):
        MinConsecutiveDaysOff({"P1": -2})


def test_patterns_as_in_the_benchmark_definition() -> None:
    """Minimum 3 over 5 days, edges exempt: out-in-out for d = 0..2, out-in-in-out for d = 0..1."""
    found = [(b, list(r), a) for b, r, a in patterns(5, 0, 3, exempt_edges=True)]
    assert found == [(0, [1], 2), (1, [2], 3), (2, [3], 4), (0, [1, 2], 3), (1, [2, 3], 4)]
    strict = [(b, list(r), a) for b, r, a in patterns(3, 1, 2, exempt_edges=False)]
    # one history day (-1), never a run of its own; None: the end of what is known ("out")
    assert strict == [(-1, [0], 1), (0, [1], 2), (1, [2], None)]


def test_precheck_pinned_short_run() -> None:
    """Pinned OFF, E, OFF on days 1-3 with a minimum of 2 worked days: found before solving."""
    rule = MinConsecutiveWork({"P1": 2})
    fixed = {("P1", 1): "OFF", ("P1", 2): "E", ("P1", 3): "OFF"}
    found = rule.precheck(make_problem(1, 5, [rule], fixed=fixed))
    assert keys(found) == [("min_work_run", ("P1",), (2,))]
    assert "P1 is pinned to work 1 day in a row on 2026-06-03; at least 2" in found[0].message


def _wishes(work: dict[int, int], off: dict[int, int]) -> ShiftRequests:
    return ShiftRequests([ShiftRequest("P1", d, "on", None, w) for d, w in work.items()]
                         + [ShiftRequest("P1", d, "off", None, w) for d, w in off.items()])


def test_model_exempts_a_short_run_at_the_edge() -> None:
    """Minimum 2, a wish to work day 0 only: exempt, cost 0; with hard edges, cost 1."""
    wishes = _wishes({0: 5}, {1: 1, 2: 1, 3: 1})
    for exempt, optimum in ((True, 0), (False, 1)):
        rule = MinConsecutiveWork({"P1": 2}, exempt_edges=exempt)
        result = solve(make_problem(1, 4, [rule, wishes], base_rules=True), SETTINGS)
        # hard edges: day 0 alone is a short run, so also work day 1 (its off wish costs 1)
        assert result.status == "OPTIMAL"
        assert result.objective == optimum


def test_model_extends_a_short_work_run_inside() -> None:
    """Minimum 2, a wish to work day 2 (5) and to be off the other days (1 each): optimum 1."""
    wishes = _wishes({2: 5}, {0: 1, 1: 1, 3: 1, 4: 1})
    problem = make_problem(1, 5, [MinConsecutiveWork({"P1": 2}), wishes], base_rules=True)
    result = solve(problem, SETTINGS)
    # day 2 alone is forbidden: work day 1 or 3 as well (1), or skip day 2 (5)
    assert result.status == "OPTIMAL"
    assert result.objective == 1


def test_model_days_off_in_pairs() -> None:
    """Minimum 2 days off, a wish off on day 2 (5) and to work the others (1 each): optimum 1."""
    wishes = _wishes({0: 1, 1: 1, 3: 1, 4: 1}, {2: 5})
    problem = make_problem(1, 5, [MinConsecutiveDaysOff({"P1": 2}), wishes], base_rules=True)
    result = solve(problem, SETTINGS)
    assert result.status == "OPTIMAL"
    assert result.objective == 1  # off on day 1 or 3 too


def test_model_rejects_pinned_short_runs() -> None:
    """A lone worked day inside is INFEASIBLE; at the edge only when edges are not exempt."""
    wishes = _wishes({2: 5}, {})
    exempt = make_problem(1, 5, [MinConsecutiveWork({"P1": 2}), wishes], base_rules=True)
    strict = make_problem(1, 5, [MinConsecutiveWork({"P1": 2}, exempt_edges=False), wishes],
                          base_rules=True, history={"P1": "E"})
    assert solve_pinned(exempt, roster("OFF OFF E OFF OFF")).status == "INFEASIBLE"
    assert solve_pinned(strict, roster("OFF OFF E E E")).status == "OPTIMAL"
    assert solve_pinned(strict, roster("OFF OFF E E OFF")).status == "OPTIMAL"
    assert solve_pinned(strict, roster("OFF E E OFF E")).status == "INFEASIBLE"  # day 4 alone
    assert solve_pinned(strict, roster("E OFF E E OFF")).status == "OPTIMAL"  # history E + E
    edge = roster("E OFF E E OFF")
    result = solve_pinned(exempt, edge)
    assert result.status == "OPTIMAL"
    assert result.objective == check_roster(exempt, edge).objective == 0
