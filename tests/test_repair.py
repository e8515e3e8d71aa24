"""Tests of solver.repair: the nearest roster that keeps every hard rule, on tiny problems whose
minimum number of changes is known (the arithmetic is in each docstring).

Unless said otherwise: one shift (E), so that a day worked can only be E and each repair is
unique; the week of Monday 1 June 2026 (days 0-6); P1 the director, P2 the senior leader.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from rules.builders import SETTINGS, E, make_problem, roster

from solver.check import check_roster
from solver.problem import LEAVE, OFF, Problem
from solver.repair import Change, repair
from solver.rules.base import Rule
from solver.rules.consecutive import MaxConsecutiveWorkDays
from solver.rules.days_off import DaysOffQuota
from solver.rules.pair import PairRule
from solver.rules.requests import ShiftRequest, ShiftRequests

PEOPLE = ("P1", "P2")


def pair_problem(quota: tuple[int, int], *, rules: Sequence[Rule] = (),
                 fixed: Mapping[tuple[str, int], str] | None = None) -> Problem:
    """P1 and P2 never off together (R1), each with ``quota`` days off in the week (R4)."""
    return make_problem(
        2, 7, [PairRule("P1", "P2"), DaysOffQuota(dict.fromkeys(PEOPLE, quota)), *rules],
        shifts=(E,), fixed=fixed, base_rules=True)


def test_valid_roster_is_kept_unchanged() -> None:
    """A roster that keeps every rule needs no change: 0 changes, proven, the same roster."""
    problem = pair_problem((1, 1))
    given = roster("OFF E E E E E E", "E OFF E E E E E")
    fixed = repair(problem, given, SETTINGS)
    assert fixed.changes == []
    assert fixed.minimum_proven
    assert fixed.result.roster == given
    assert fixed.result.status == "OPTIMAL"


def test_pair_clash_needs_one_change_when_the_quota_allows() -> None:
    """Both off on day 0 (R1). P2 may have 1-2 days off and has 2, so working day 0 fixes it in
    1 change; P1 has its only day off there (at least 1), so changing P1 would need 2."""
    problem = pair_problem((1, 2))
    given = roster("OFF E E E E E E", "OFF E E E E E OFF")
    assert [v.rule_id for v in check_roster(problem, given).violations] == ["R1"]
    fixed = repair(problem, given, SETTINGS)
    assert fixed.changes == [Change("P2", 0, OFF, "E", "R1")]
    assert fixed.minimum_proven
    assert fixed.result.roster == roster("OFF E E E E E E", "E E E E E E OFF")


def test_pair_clash_with_an_exact_quota_moves_a_day_off() -> None:
    """Both off on day 0 (R1) with exactly 1 day off each: whoever works day 0 needs another day
    off, 2 changes. P2 wished day 3 off (W2, 20), so the best 2-change repair moves P2's day off
    there (objective 0; any other costs 20). The day-3 change was in no violation of the given
    roster: it is there for the quota, since putting it back leaves P2 no day off (R4)."""
    wish = ShiftRequests([ShiftRequest("P2", 3, "off", None, 20)])
    problem = pair_problem((1, 1), rules=[wish])
    given = roster("OFF E E E E E E", "OFF E E E E E E")
    fixed = repair(problem, given, SETTINGS)
    assert fixed.changes == [Change("P2", 0, OFF, "E", "R1"), Change("P2", 3, "E", OFF, "R4")]
    assert fixed.minimum_proven
    assert fixed.result.status == "OPTIMAL"
    assert fixed.result.objective == 0
    assert fixed.original.objective == 20  # the given roster had P2 work day 3


def test_run_of_eight_days_needs_one_change_within_a_quota_range() -> None:
    """P1 works days 0-7 (8 in a row, R5 allows 6) and is off days 8-9: 2 days off, quota 2-3.
    One day off inside the run fixes it (3 days off, within the quota): 1 change, on a day 1-6
    (runs on both sides stay within 6)."""
    r5 = MaxConsecutiveWorkDays({"P1": 6})
    quota = DaysOffQuota({"P1": (2, 3)})
    problem = make_problem(1, 10, [r5, quota], shifts=(E,), base_rules=True)
    given = roster("E E E E E E E E OFF OFF")
    fixed = repair(problem, given, SETTINGS)
    assert fixed.minimum_proven
    assert len(fixed.changes) == 1
    change = fixed.changes[0]
    assert (change.employee_id, change.before, change.after, change.reason) == (
        "P1", "E", OFF, "R5")
    assert 1 <= change.day <= 6
    assert fixed.result.roster is not None
    assert check_roster(problem, fixed.result.roster).violations == []


def test_run_of_eight_days_needs_two_changes_with_an_exact_quota() -> None:
    """The same run with exactly 2 days off: the day off put in the run makes 3, so one of days
    8-9 must be worked: 2 changes (a day k of the run off and day 8 worked leaves runs of k and
    8 - k days: k from 2 to 6; or day 9 worked: k from 1 to 6 and 7 - k ... within 6 too)."""
    r5 = MaxConsecutiveWorkDays({"P1": 6})
    quota = DaysOffQuota({"P1": (2, 2)})
    problem = make_problem(1, 10, [r5, quota], shifts=(E,), base_rules=True)
    given = roster("E E E E E E E E OFF OFF")
    fixed = repair(problem, given, SETTINGS)
    assert fixed.minimum_proven
    assert [(c.before, c.after, c.reason) for c in fixed.changes] == [
        ("E", OFF, "R5"), (OFF, "E", "R4")]
    assert 1 <= fixed.changes[0].day <= 6
    assert fixed.changes[1].day in (8, 9)
    assert fixed.result.roster is not None
    assert check_roster(problem, fixed.result.roster).violations == []


def test_leave_and_pins_never_change() -> None:
    """P1 has approved leave on day 0 and P2 is off then (R1); P2 is pinned to E on day 3 but
    the roster has OFF (R3). Undoing P1's leave would fix R1 in one change, but leave never
    changes: P2 works day 0 and day 3, 2 changes (quota 0-7 never binds)."""
    problem = pair_problem((0, 7), fixed={("P1", 0): LEAVE, ("P2", 3): "E"})
    given = roster("LEAVE E E E E E E", "OFF E E OFF E E E")
    assert [v.rule_id for v in check_roster(problem, given).violations] == ["R3", "R1"]
    fixed = repair(problem, given, SETTINGS)
    assert fixed.changes == [Change("P2", 0, OFF, "E", "R1"), Change("P2", 3, OFF, "E", "R3")]
    assert fixed.minimum_proven
    assert fixed.result.roster == roster("LEAVE E E E E E E", "E E E E E E E")


def test_cells_that_break_leave_are_put_back() -> None:
    """The roster has P1 working on approved leave (R3) and LEAVE for P2 on day 5 with none
    approved (R3): both go back, and with P1 on leave P2 must work day 0 (R1): 3 changes. P2's
    day 0 was in no violation of the given roster; putting it back breaks R1. P2 wished to work
    day 5 (W2), so E beats OFF there."""
    wish = ShiftRequests([ShiftRequest("P2", 5, "on", None, 10)])
    problem = pair_problem((0, 7), rules=[wish], fixed={("P1", 0): LEAVE})
    given = roster("E E E E E E E", "OFF E E E E LEAVE E")
    fixed = repair(problem, given, SETTINGS)
    assert fixed.changes == [
        Change("P1", 0, "E", LEAVE, "R3"),
        Change("P2", 0, OFF, "E", "R1"),
        Change("P2", 5, LEAVE, "E", "R3"),
    ]
    assert fixed.result.roster == roster("LEAVE E E E E E E", "E E E E E E E")


def test_infeasible_problem_has_no_repair() -> None:
    """Both pinned off on day 0: no roster keeps R1, so there is nothing to return."""
    problem = pair_problem((0, 7), fixed={("P1", 0): OFF, ("P2", 0): OFF})
    fixed = repair(problem, roster("OFF E E E E E E", "OFF E E E E E E"), SETTINGS)
    assert fixed.result.status == "INFEASIBLE"
    assert not fixed.found
    assert fixed.changes == []
    assert fixed.num_changes is None
