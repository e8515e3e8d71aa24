"""W4 no isolated single day off (history, last day); W5 shift-type changes within a week."""

from __future__ import annotations

from solver.messages import Text
from solver.problem import Penalty
from solver.rules.days_off import DaysOffQuota
from solver.rules.patterns import IsolatedDayOff, ShiftTypeChanges
from solver.rules.requests import ShiftRequest, ShiftRequests
from solver.solve import check_roster, solve

from .builders import MONDAY, SETTINGS, make_problem, roster, solve_pinned

SUNDAY = MONDAY.replace(day=7)

SINGLE = Text("patterns.single_day_off")


def test_isolated_day_off() -> None:
    """One OFF between worked days costs the weight; a two-day block and the last day do not."""
    rule = IsolatedDayOff(("P1",), 3)
    problem = make_problem(1, 7, [rule])
    report = check_roster(problem, roster("E OFF L OFF OFF E OFF"))
    assert report.penalties == [Penalty("W4", "P1", 1, 3, 1, detail=SINGLE)]
    assert report.objective == 3  # 1 isolated day x weight 3


def test_isolated_days_per_person_add_up() -> None:
    """Two isolated days for P1 and one for P2: 3 isolated days x weight 2 = 6."""
    rule = IsolatedDayOff(("P1", "P2"), 2)
    problem = make_problem(3, 5, [rule])
    report = check_roster(problem, roster(
        "E OFF E OFF E",
        "M M OFF L L",
        "E OFF E OFF E",  # P3 is not in the rule
    ))
    assert [(p.employee_id, p.day) for p in report.penalties] == [("P1", 1), ("P1", 3), ("P2", 2)]
    assert report.objective == 6  # 3 isolated days x weight 2


def test_leave_is_neither_isolated_nor_a_worked_neighbour() -> None:
    """LEAVE between work days is not a day off; OFF next to LEAVE is not isolated."""
    rule = IsolatedDayOff(("P1", "P2"), 3)
    problem = make_problem(2, 4, [rule])
    report = check_roster(problem, roster("E LEAVE E E", "LEAVE OFF E E"))
    assert report.penalties == []
    assert report.objective == 0


def test_history_day_before_the_month() -> None:
    """OFF on day 0 after a worked history day is isolated; after OFF or no history it is not."""
    rule = IsolatedDayOff(("P1", "P2", "P3"), 3)
    problem = make_problem(3, 3, [rule], history={"P1": "OFF E", "P2": "E OFF"})
    report = check_roster(problem, roster("OFF E E", "OFF E E", "OFF E E"))
    assert report.penalties == [Penalty("W4", "P1", 0, 3, 1, detail=SINGLE)]
    assert report.objective == 3  # only P1: 1 x 3


def test_last_day_is_never_isolated() -> None:
    """The next month is unknown: an OFF on the last day is free."""
    rule = IsolatedDayOff(("P1",), 3)
    problem = make_problem(1, 3, [rule])
    assert check_roster(problem, roster("E E OFF")).objective == 0


def test_shift_type_changes_within_a_week_only() -> None:
    """E→M and L→E inside a week cost 2 each; Sunday L → Monday E starts a new week."""
    rule = ShiftTypeChanges(("P1",), 2)
    problem = make_problem(1, 9, [rule])
    #                              Mon Tue Wed Thu Fri Sat Sun Mon Tue
    report = check_roster(problem, roster("E E M M OFF L E L L"))
    # changes inside week 0: E→M on day 2, L→E on day 6; E→L day 6→7 crosses into week 1
    assert report.penalties == [
        Penalty("W5", "P1", 2, 2, 1, detail="E→M"),
        Penalty("W5", "P1", 6, 2, 1, detail="L→E"),
    ]
    assert report.objective == 4  # 2 changes x weight 2


def test_no_change_across_a_day_off() -> None:
    """A change of type after an OFF or a LEAVE day is not a change between consecutive shifts."""
    rule = ShiftTypeChanges(("P1",), 2)
    problem = make_problem(1, 5, [rule])
    assert check_roster(problem, roster("E OFF L LEAVE M")).objective == 0


def test_week_boundary_from_sunday() -> None:
    """Starting on a Sunday: Sunday E → Monday L is a new week, no cost."""
    rule = ShiftTypeChanges(("P1",), 2)
    problem = make_problem(1, 3, [rule], start=SUNDAY)
    report = check_roster(problem, roster("E L M"))
    assert report.penalties == [Penalty("W5", "P1", 2, 2, 1, detail="L→M")]  # Mon → Tue


def test_model_puts_the_day_off_on_the_last_day() -> None:
    """One day off in 5, history worked: any day 0-3 is isolated (3), day 4 is free: optimum 0."""
    rules = [DaysOffQuota({"P1": (1, 1)}), IsolatedDayOff(("P1",), 3)]
    problem = make_problem(1, 5, rules, history={"P1": "E"}, base_rules=True)
    result = solve(problem, SETTINGS)
    assert result.status == "OPTIMAL"
    assert result.objective == 0
    assert result.roster is not None
    assert result.roster["P1"][4] == "OFF"


def test_model_isolated_day_against_a_wish() -> None:
    """A wish to work on the last day (1) is cheaper than an isolated day off (3): optimum 1."""
    rules = [DaysOffQuota({"P1": (1, 1)}), IsolatedDayOff(("P1",), 3),
             ShiftRequests([ShiftRequest("P1", 4, "on", None, 1)])]
    problem = make_problem(1, 5, rules, history={"P1": "E"}, base_rules=True)
    result = solve(problem, SETTINGS)
    # an OFF on day 0 is isolated too (history E before it): every placement costs 3 but day 4
    assert result.status == "OPTIMAL"
    assert result.objective == 1
    isolated = roster("OFF E E E E")
    pinned = solve_pinned(problem, isolated)
    assert pinned.objective == check_roster(problem, isolated).objective == 3  # 1 x 3


def test_model_pays_a_change_inside_a_week() -> None:
    """Wishes E then L (5 each) on Monday-Tuesday: keeping both costs one change (2)."""
    rules = [ShiftTypeChanges(("P1",), 2),
             ShiftRequests([ShiftRequest("P1", 0, "on", "E", 5),
                            ShiftRequest("P1", 1, "on", "L", 5)])]
    problem = make_problem(1, 2, rules, base_rules=True)
    result = solve(problem, SETTINGS)
    # breaking a wish costs 5 > one change at 2
    assert result.status == "OPTIMAL"
    assert result.objective == 2
    assert result.roster == {"P1": ["E", "L"]}


def test_model_change_across_weeks_is_free() -> None:
    """The same wishes on Sunday-Monday: a new week, the change is free, optimum 0."""
    rules = [ShiftTypeChanges(("P1",), 2),
             ShiftRequests([ShiftRequest("P1", 0, "on", "E", 5),
                            ShiftRequest("P1", 1, "on", "L", 5)])]
    problem = make_problem(1, 2, rules, start=SUNDAY, base_rules=True)
    result = solve(problem, SETTINGS)
    assert result.status == "OPTIMAL"
    assert result.objective == 0
    assert result.roster == {"P1": ["E", "L"]}
