"""R2 one shift per person per day, of a type the person may work."""

from __future__ import annotations

from solver.rules.one_shift import OneShiftPerDay
from solver.rules.requests import ShiftRequest, ShiftRequests
from solver.solve import check_roster, solve

from .builders import SETTINGS, keys, make_problem, roster, solve_pinned

ONLY_EARLY = {"P1": ["E"]}


def test_unknown_and_forbidden_shifts_are_violations() -> None:
    """An unknown code and a shift the person may not work: one violation per cell."""
    problem = make_problem(2, 4, [OneShiftPerDay()], allowed=ONLY_EARLY)
    report = check_roster(problem, roster("E L OFF X", "L X E M"))
    assert keys(report.violations) == [
        ("R2", ("P1",), (1,)),
        ("R2", ("P1",), (3,)),
        ("R2", ("P2",), (1,)),
    ]
    assert "P1 may not work shift L on 2026-06-02" in report.violations[0].message
    assert "P1 unknown shift 'X' on 2026-06-04" in report.violations[1].message
    assert "P2 unknown shift 'X' on 2026-06-02" in report.violations[2].message
    assert report.penalties == []


def test_allowed_shifts_off_and_leave_break_nothing() -> None:
    """Allowed shifts, OFF and LEAVE are all single valid cells."""
    problem = make_problem(2, 4, [OneShiftPerDay()], allowed=ONLY_EARLY)
    report = check_roster(problem, roster("E OFF LEAVE E", "L M E OFF"))
    assert report.violations == []
    assert report.objective == 0


def test_precheck_pin_to_a_forbidden_shift() -> None:
    """A pin to a shift the person may not work is found before solving."""
    problem = make_problem(2, 3, [OneShiftPerDay()], allowed=ONLY_EARLY,
                           fixed={("P1", 2): "M", ("P2", 0): "M", ("P1", 0): "E"})
    found = OneShiftPerDay().precheck(problem)
    assert keys(found) == [("R2", ("P1",), (2,))]
    assert "P1 is pinned to shift M on 2026-06-03 but may not work it" in found[0].message


def test_model_never_assigns_a_forbidden_shift() -> None:
    """P1 may only work E: a wish for L (weight 4) is always unmet, so the optimum costs 4."""
    wishes = ShiftRequests([ShiftRequest("P1", 0, "on", "L", 4),
                            ShiftRequest("P2", 0, "on", "L", 7)])
    problem = make_problem(2, 2, [wishes], allowed=ONLY_EARLY, base_rules=True)
    result = solve(problem, SETTINGS)
    # P2's wish is honoured (L is allowed for P2); P1 has no L variable: 4 is unavoidable
    assert result.status == "OPTIMAL"
    assert result.objective == 4
    assert result.roster is not None
    assert result.roster["P1"][0] in ("E", "OFF")
    assert result.roster["P2"][0] == "L"


def test_model_rejects_pinned_forbidden_or_unknown_shifts() -> None:
    """Pinning L for P1 or an unknown code is INFEASIBLE; a valid roster scores as the checker."""
    wishes = ShiftRequests([ShiftRequest("P1", 0, "on", "L", 4)])
    problem = make_problem(2, 2, [wishes], allowed=ONLY_EARLY, base_rules=True)
    assert solve_pinned(problem, roster("L OFF", "E E")).status == "INFEASIBLE"
    assert solve_pinned(problem, roster("E OFF", "X E")).status == "INFEASIBLE"
    valid = roster("E OFF", "L E")
    result = solve_pinned(problem, valid)
    assert result.status == "OPTIMAL"
    assert result.objective == check_roster(problem, valid).objective == 4  # P1's L wish: 4


def test_forbidden_shift_under_another_rule_id() -> None:
    """With disallowed_rule_id a forbidden shift is that rule's; an unknown code stays R2's."""
    problem = make_problem(1, 3, [OneShiftPerDay(disallowed_rule_id="H3")], allowed=ONLY_EARLY,
                           fixed={("P1", 0): "L"})
    report = check_roster(problem, roster("L X E"))
    assert keys(report.violations) == [("H3", ("P1",), (0,)), ("R2", ("P1",), (1,))]
    assert report.violations[0].message == "H3: P1 may not work shift L on 2026-06-01"
    assert keys(problem.rules[0].precheck(problem)) == [("H3", ("P1",), (0,))]
