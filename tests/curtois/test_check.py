"""The benchmark's checker: the objective split on a hand-made roster, and each hard rule H1-H9
broken on its own in a hand-made roster of the tiny instance."""

from __future__ import annotations

import pytest

from roster.curtois import SolutionCheck, check_solution, objective_split, to_problem
from roster.io.curtois import parse_instance, parse_solution
from solver.problem import Penalty

from .tiny import TINY, VALID, solution_text

INSTANCE = parse_instance(TINY, "Tiny.txt")
PROBLEM = to_problem(INSTANCE)


def check(rows: dict[str, str], extra: str = "") -> SolutionCheck:
    text = solution_text({**VALID, **rows}, extra)
    return check_solution(PROBLEM, parse_solution(text, "sol.csv", INSTANCE))


def found(result: SolutionCheck) -> list[tuple[str, tuple[str, ...], tuple[int, ...]]]:
    return [(v.rule_id, v.employee_ids, v.days) for v in result.report.violations]


def test_objective_split_of_a_valid_roster() -> None:
    """The valid roster keeps every hard rule; its objective is 307, split exactly."""
    result = check({})
    assert result.feasible
    # on:  A wants D on day 1 (met) and on day 6 (off: 3); B wants D on day 2 (met)    -> 3
    # off: A does not want N on day 2 (works D: fine); B no D on day 1 (works D: 1)    -> 1
    # D on duty: day 0 B, 1 A B, 2 A B, 3 A, 4 A B, 5 none, 6 none
    # under: D on day 5 (1 - 0) and day 6 (1 - 0), N on day 2 (1 - 0): 3 x 100        -> 300
    # over:  D on day 2 (2 - 1) x 1, D on day 4 (2 - 1) x 2 (its over weight)          -> 3
    assert result.split == {"on": 3, "off": 1, "under": 300, "over": 3}
    assert result.objective == 307
    assert [p for p in result.report.penalties if p.rule_id == "over"] == [
        Penalty("over", "", 2, 1, 1, "D"), Penalty("over", "", 4, 2, 1, "D")]


def test_objective_split_lists_the_four_parts_even_when_zero() -> None:
    """objective_split always has on, off, under and over, in that order."""
    assert list(objective_split(check({}).report)) == ["on", "off", "under", "over"]


@pytest.mark.parametrize(("rule", "rows", "extra", "expected", "words"), [
    # H1: two shifts for A on day 1 (the roster keeps the first, D, for the other rules)
    ("H1", {}, "A,1,N\n", [("H1", ("A",), (1,))], "A has 2 shifts on day 1 (D, N); at most one"),
    # H2: N on day 3 then D on day 4
    ("H2", {"A": ". D D N D . ."}, "", [("H2", ("A",), (3, 4))],
     "A works N on day 3 then D on day 4: D cannot follow N"),
    # H3: N on days 1-3, at most 2
    ("H3", {"A": ". N N N . . ."}, "", [("H3", ("A",), (1, 2, 3))],
     "A works shift N on 3 days; at most 2"),
    # H4: D on days 1-2 only: 960 minutes, at least 1,200
    ("H4", {"A": ". D D . . . ."}, "", [("H4", ("A",), ())],
     "A works 960 minutes in 2 shift(s); at least 1200"),
    # H5: D on days 1-5: 5 in a row, at most 4
    ("H5", {"A": ". D D D D D ."}, "", [("H5", ("A",), (1, 2, 3, 4, 5))],
     "A works 5 days in a row from day 1 to day 5; at most 4"),
    # H6: D on day 1 alone (days 0 and 2 off): 1 in a row, at least 2
    ("H6", {"A": ". D . . D D ."}, "", [("H6", ("A",), (1,))],
     "A works 1 day in a row on day 1; at least 2"),
    # H7: off on day 3 alone (work on days 2 and 4): 1 day off, at least 2
    ("H7", {"A": ". D D . D D ."}, "", [("H7", ("A",), (3,))],
     "A is off 1 day in a row on day 3; at least 2"),
    # H8: B works Sunday (day 6), no weekend allowed
    ("H8", {"B": "D D D . D . D"}, "", [("H8", ("B",), (6,))],
     "B works on 1 weekends (starting day 5); at most 0"),
    # H9: A works day 0, a day off
    ("H9", {"A": "D D D D . . ."}, "", [("H9", ("A",), (0,))],
     "A has pinned OFF on day 0 but the roster says D"),
])
def test_each_hard_rule_broken_alone(rule: str, rows: dict[str, str], extra: str,
                                     expected: list[tuple[str, tuple[str, ...], tuple[int, ...]]],
                                     words: str) -> None:
    """A roster breaking exactly one hard rule: that violation, with people, days and message."""
    result = check(rows, extra)
    assert found(result) == expected
    assert words in result.report.violations[0].message
    assert result.report.violations[0].message.startswith(f"{rule}: ")
    assert not result.feasible


def test_a_shift_at_most_zero_times_is_h3() -> None:
    """B may work N at most 0 times: working it is an H3 violation (not an unknown shift)."""
    result = check({"B": "N . D . D . ."})
    assert found(result) == [("H3", ("B",), (0,))]
    assert result.report.violations[0].message == "H3: B may not work shift N on day 0"


def test_runs_at_the_edges_are_exempt() -> None:
    """A works day 6 alone and is off on day 0 alone: runs touching the edges break nothing."""
    result = check({"A": ". D D . . . D"})
    # A: D on 1-2 (a run of 2), off 3-5, D on day 6 (Sunday: 1 weekend); 1,440 minutes
    assert result.feasible
    assert found(result) == []


def test_several_rules_broken_at_once() -> None:
    """Every violation is reported: H9 and H5 for A (D on days 0-4), H8 for B."""
    result = check({"A": "D D D D D . .", "B": "D D D . D D ."})
    assert found(result) == [
        ("H5", ("A",), (0, 1, 2, 3, 4)),
        ("H8", ("B",), (5,)),
        ("H9", ("A",), (0,)),
    ]
