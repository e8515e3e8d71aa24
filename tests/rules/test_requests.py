"""W2 requests: a day off, a shift to avoid, a wished shift, a wish to work; each weighted."""

from __future__ import annotations

from solver.messages import Text
from solver.problem import Penalty
from solver.rules.requests import ShiftRequest, ShiftRequests
from solver.solve import check_roster, solve

from .builders import SETTINGS, make_problem, roster, solve_pinned


def test_day_off_request() -> None:
    """A wished day off costs its weight when any shift is worked, not when OFF or on leave."""
    rule = ShiftRequests([ShiftRequest("P1", d, "off", None, 3) for d in range(3)])
    problem = make_problem(1, 3, [rule])
    report = check_roster(problem, roster("M OFF LEAVE"))
    assert report.violations == []
    assert report.penalties == [Penalty("W2", "P1", 0, 3, 1, "", Text("requests.off_day"))]
    assert report.objective == 3  # 1 day worked x weight 3


def test_avoid_shift_request() -> None:
    """A shift to avoid costs its weight only when exactly that shift is worked."""
    rule = ShiftRequests([ShiftRequest("P1", d, "off", "L", 2) for d in range(3)])
    problem = make_problem(1, 3, [rule])
    report = check_roster(problem, roster("L E OFF"))
    assert report.penalties == [
        Penalty("W2", "P1", 0, 2, 1, "L", Text.of("requests.off_shift", shift="L"))]
    assert report.objective == 2  # 1 L worked x weight 2


def test_on_shift_request() -> None:
    """A wished shift costs its weight on another shift, OFF or leave alike."""
    rule = ShiftRequests([ShiftRequest("P1", d, "on", "E", 4) for d in range(4)])
    problem = make_problem(1, 4, [rule])
    report = check_roster(problem, roster("E M OFF LEAVE"))
    assert report.penalties == [
        Penalty("W2", "P1", 1, 4, 1, "E", Text.of("requests.on_shift", shift="E")),
        Penalty("W2", "P1", 2, 4, 1, "E", Text.of("requests.on_shift", shift="E")),
        Penalty("W2", "P1", 3, 4, 1, "E", Text.of("requests.on_shift", shift="E")),
    ]
    assert report.objective == 12  # 3 days not on E x weight 4


def test_on_any_shift_request() -> None:
    """A wish to work costs its weight on OFF or leave, not on any shift."""
    rule = ShiftRequests([ShiftRequest("P2", d, "on", None, 5) for d in range(4)])
    problem = make_problem(2, 4, [rule])
    report = check_roster(problem, roster("OFF OFF OFF OFF", "E L OFF LEAVE"))
    assert report.penalties == [
        Penalty("W2", "P2", 2, 5, 1, "", Text("requests.on_day")),
        Penalty("W2", "P2", 3, 5, 1, "", Text("requests.on_day")),
    ]
    assert report.objective == 10  # 2 days not worked x weight 5


def test_weights_add_up_and_weight_zero_is_ignored() -> None:
    """Several unmet wishes add their own weights; a zero-weight wish pays nothing."""
    rule = ShiftRequests([
        ShiftRequest("P1", 0, "off", None, 1),
        ShiftRequest("P1", 0, "off", "E", 7),
        ShiftRequest("P2", 1, "on", "M", 0),
    ])
    problem = make_problem(2, 2, [rule])
    report = check_roster(problem, roster("E OFF", "OFF OFF"))
    assert [(p.employee_id, p.day, p.weight) for p in report.penalties] == [("P1", 0, 1),
                                                                            ("P1", 0, 7)]
    assert report.objective == 8  # day off wish 1 + avoid-E wish 7


def test_honoured_requests_pay_nothing() -> None:
    """Every kind of wish met: objective 0."""
    rule = ShiftRequests([
        ShiftRequest("P1", 0, "off", None, 3),
        ShiftRequest("P1", 1, "off", "L", 3),
        ShiftRequest("P1", 2, "on", "E", 3),
        ShiftRequest("P1", 3, "on", None, 3),
    ])
    problem = make_problem(1, 4, [rule])
    report = check_roster(problem, roster("OFF M E L"))
    assert report.penalties == []
    assert report.objective == 0


def test_model_honours_the_heavier_of_clashing_wishes() -> None:
    """Two pairs of clashing wishes on one person: the optimum breaks the lighter of each, 1 + 2."""
    rule = ShiftRequests([
        ShiftRequest("P1", 0, "on", "E", 2),  # day 0: wants E (2) but avoids E (5)
        ShiftRequest("P1", 0, "off", "E", 5),
        ShiftRequest("P1", 1, "on", None, 4),  # day 1: wants to work (4) and a day off (1)
        ShiftRequest("P1", 1, "off", None, 1),
        ShiftRequest("P1", 2, "on", "L", 6),  # day 2: no clash
    ])
    problem = make_problem(1, 3, [rule], base_rules=True)
    result = solve(problem, SETTINGS)
    # each day's cells are independent: day 0 pays min(2, 5) = 2, day 1 min(4, 1) = 1, day 2 0
    assert result.status == "OPTIMAL"
    assert result.objective == 3
    assert result.roster is not None
    assert result.roster["P1"][0] != "E"
    assert result.roster["P1"][2] == "L"
    pinned = roster("E OFF L")  # the opposite choices: 5 + 4 = 9
    assert solve_pinned(problem, pinned).objective == check_roster(problem, pinned).objective == 9
