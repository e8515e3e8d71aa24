"""R3 approved leave and pinned cells are kept as given; LEAVE appears only where approved."""

from __future__ import annotations

from solver.rules.fixed_cells import FixedCells
from solver.rules.requests import ShiftRequest, ShiftRequests
from solver.solve import check_roster, solve

from .builders import SETTINGS, keys, make_problem, roster, solve_pinned

FIXED = {("P1", 1): "LEAVE", ("P1", 2): "E", ("P2", 0): "OFF"}


def test_changed_fixed_cells_and_unapproved_leave_are_violations() -> None:
    """Leave replaced, a pin replaced, a fixed OFF worked and leave without approval."""
    problem = make_problem(2, 4, [FixedCells()], fixed=FIXED)
    report = check_roster(problem, roster("E OFF M LEAVE", "L E E E"))
    assert keys(report.violations) == [
        ("R3", ("P1",), (1,)),
        ("R3", ("P1",), (2,)),
        ("R3", ("P1",), (3,)),
        ("R3", ("P2",), (0,)),
    ]
    messages = [v.message for v in report.violations]
    assert "P1 has approved leave on 2026-06-02 but the roster says OFF" in messages[0]
    assert "P1 has pinned E on 2026-06-03 but the roster says M" in messages[1]
    assert "P1 is on LEAVE on 2026-06-04 without approved leave" in messages[2]
    assert "P2 has pinned OFF on 2026-06-01 but the roster says L" in messages[3]
    assert report.penalties == []


def test_roster_keeping_every_fixed_cell_breaks_nothing() -> None:
    """Every fixed cell as given, free cells anything but LEAVE: no violation."""
    problem = make_problem(2, 4, [FixedCells()], fixed=FIXED)
    report = check_roster(problem, roster("M LEAVE E OFF", "OFF L E M"))
    assert report.violations == []
    assert report.objective == 0


def test_model_keeps_fixed_cells() -> None:
    """P1 wishes the pinned-E day off (weight 2): the pin wins, the optimum costs 2."""
    wishes = ShiftRequests([ShiftRequest("P1", 2, "off", None, 2),
                            ShiftRequest("P2", 0, "on", None, 6)])
    problem = make_problem(2, 4, [wishes], fixed=FIXED, base_rules=True)
    result = solve(problem, SETTINGS)
    # both wishes clash with a fixed cell (P1 pinned E on day 2, P2 fixed OFF on day 0): 2 + 6
    assert result.status == "OPTIMAL"
    assert result.objective == 8
    assert result.roster is not None
    assert result.roster["P1"][1:3] == ["LEAVE", "E"]
    assert result.roster["P2"][0] == "OFF"
    assert "LEAVE" not in result.roster["P2"]


def test_model_rejects_changed_fixed_cells() -> None:
    """Pinned rosters that move leave, a pin, or add leave are INFEASIBLE; a faithful one is not."""
    problem = make_problem(2, 4, [], fixed=FIXED, base_rules=True)
    assert solve_pinned(problem, roster("E OFF E E", "OFF E E E")).status == "INFEASIBLE"
    assert solve_pinned(problem, roster("E E E E", "OFF E E E")).status == "INFEASIBLE"
    assert solve_pinned(problem, roster("E LEAVE M E", "OFF E E E")).status == "INFEASIBLE"
    assert solve_pinned(problem, roster("E LEAVE E E", "OFF E E LEAVE")).status == "INFEASIBLE"
    assert solve_pinned(problem, roster("E LEAVE E E", "E E E E")).status == "INFEASIBLE"
    valid = roster("E LEAVE E OFF", "OFF E E E")
    result = solve_pinned(problem, valid)
    assert result.status == "OPTIMAL"
    assert result.objective == check_roster(problem, valid).objective == 0
