"""R1 pair rule: the director (P1) and the senior leader (P2) are never off on the same day."""

from __future__ import annotations

from solver.rules.pair import PairRule
from solver.rules.requests import ShiftRequest, ShiftRequests
from solver.solve import check_roster, solve

from .builders import SETTINGS, keys, make_problem, roster, solve_pinned

PAIR = PairRule("P1", "P2")


def test_both_off_on_one_day_is_one_violation() -> None:
    """Both off on Wednesday 3 June: one R1 violation naming both people and that day."""
    problem = make_problem(3, 5, [PAIR])
    report = check_roster(problem, roster(
        "E   E OFF E E",
        "OFF L OFF E M",
        "OFF OFF OFF OFF OFF",  # P3 is not in the pair
    ))
    assert keys(report.violations) == [("R1", ("P1", "P2"), (2,))]
    message = report.violations[0].message
    assert "director P1 and senior leader P2 are both off on 2026-06-03" in message
    assert report.penalties == []


def test_leave_counts_as_off() -> None:
    """Leave against OFF is 'both off'; leave against leave says 'both have approved leave'."""
    problem = make_problem(2, 3, [PAIR])
    report = check_roster(problem, roster("LEAVE LEAVE E", "OFF LEAVE OFF"))
    assert keys(report.violations) == [("R1", ("P1", "P2"), (0,)), ("R1", ("P1", "P2"), (1,))]
    assert "are both off on 2026-06-01" in report.violations[0].message
    assert "both have approved leave on 2026-06-02" in report.violations[1].message


def test_one_working_each_day_breaks_nothing() -> None:
    """Taking turns (and both working) is fine: no violation, no penalty."""
    problem = make_problem(2, 4, [PAIR])
    report = check_roster(problem, roster("E OFF LEAVE M", "OFF L E M"))
    assert report.violations == []
    assert report.objective == 0


def test_precheck_both_on_approved_leave() -> None:
    """Approved leave for both on the same day is a contradiction found before solving."""
    problem = make_problem(2, 3, [PAIR], fixed={("P1", 1): "LEAVE", ("P2", 1): "LEAVE",
                                                ("P2", 2): "LEAVE"})
    found = PAIR.precheck(problem)
    assert keys(found) == [("R1", ("P1", "P2"), (1,))]
    assert "both have approved leave on 2026-06-02" in found[0].message


def test_model_keeps_one_of_the_pair_at_work() -> None:
    """Both wish Tuesday off (weights 3 and 5): the solver breaks the cheaper wish, cost 3."""
    wishes = ShiftRequests([ShiftRequest("P1", 1, "off", None, 3),
                            ShiftRequest("P2", 1, "off", None, 5)])
    problem = make_problem(2, 3, [PAIR, wishes], base_rules=True)
    result = solve(problem, SETTINGS)
    # R1 forbids honouring both wishes; every other day is free: optimum = min(3, 5) = 3
    assert result.status == "OPTIMAL"
    assert result.objective == 3
    assert result.roster is not None
    assert result.roster["P2"][1] == "OFF"


def test_model_rejects_a_pinned_violation_and_scores_a_valid_roster() -> None:
    """A pinned roster with both off is INFEASIBLE; a valid one scores as the checker does."""
    wishes = ShiftRequests([ShiftRequest("P1", 1, "off", None, 3),
                            ShiftRequest("P2", 1, "off", None, 5)])
    problem = make_problem(2, 3, [PAIR, wishes], base_rules=True)
    assert solve_pinned(problem, roster("E OFF E", "E OFF E")).status == "INFEASIBLE"
    valid = roster("E OFF E", "OFF E E")
    result = solve_pinned(problem, valid)
    assert result.status == "OPTIMAL"
    assert result.objective == check_roster(problem, valid).objective == 5  # P2 works day 1: 5
