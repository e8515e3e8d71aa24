"""Splitting a problem by person for a first roster: per-person hard parts, coupling detected."""

from __future__ import annotations

import pytest

from solver.budget import Budget
from solver.check import check_roster
from solver.problem import Problem
from solver.rules.base import CouplesPeople
from solver.rules.consecutive import MaxConsecutiveWorkDays
from solver.rules.cover import Cover, CoverRequirement
from solver.rules.days_off import DaysOffQuota
from solver.rules.pair import PairRule
from solver.rules.patterns import IsolatedDayOff
from solver.solve import _first_roster_by_person

from .builders import SETTINGS, make_problem

PEOPLE = ("P1", "P2", "P3")


def per_person_problem() -> Problem:
    priced = Cover([CoverRequirement(d, "E", PEOPLE, 2, under_weight=100) for d in range(7)])
    return make_problem(3, 7, [
        DaysOffQuota({"P1": (2, 2), "P2": (1, 3), "P3": (0, 7)}),
        MaxConsecutiveWorkDays(dict.fromkeys(PEOPLE, 3)),
        priced,
        IsolatedDayOff(PEOPLE, 3),
    ], base_rules=True, fixed={("P2", 0): "LEAVE"})


def test_hard_part_keeps_one_persons_parameters_and_drops_soft_rules() -> None:
    """P2's part: P2 only, its quota and run limit, its leave; priced cover and W4 dropped."""
    part = per_person_problem().hard_part_for(frozenset(["P2"]))
    assert [p.id for p in part.people] == ["P2"]
    assert [type(r).__name__ for r in part.rules] == [
        "OneShiftPerDay", "FixedCells", "DaysOffQuota", "MaxConsecutiveWorkDays"]
    quota, run = part.rules[2], part.rules[3]
    assert isinstance(quota, DaysOffQuota) and dict(quota.quota) == {"P2": (1, 3)}
    assert isinstance(run, MaxConsecutiveWorkDays) and dict(run.limit) == {"P2": 3}
    assert dict(part.fixed) == {("P2", 0): "LEAVE"}


@pytest.mark.parametrize("rule", [
    PairRule("P1", "P2"),
    Cover([CoverRequirement(0, "E", PEOPLE, 1)]),  # a hard minimum
])
def test_coupling_rules_refuse_to_split(rule: object) -> None:
    """A pair rule or a hard cover ties people together: splitting raises CouplesPeople."""
    problem = make_problem(3, 7, [rule], base_rules=True)  # type: ignore[list-item]
    with pytest.raises(CouplesPeople):
        problem.hard_part_for(frozenset(["P1"]))


def test_first_roster_by_person_keeps_every_hard_rule() -> None:
    """Solved person by person, the roster breaks no hard rule of the whole problem."""
    problem = per_person_problem()
    roster = _first_roster_by_person(problem, SETTINGS, Budget(10))
    assert roster is not None
    assert sorted(roster) == list(PEOPLE)
    assert check_roster(problem, roster).violations == []


@pytest.mark.parametrize("coupled", [False, True])
def test_solve_splits_big_problems_before_building_the_model(
        coupled: bool, monkeypatch: pytest.MonkeyPatch) -> None:
    """Above SPLIT_ABOVE, solve() finds its first roster person by person (before building the
    whole model); when a hard rule ties people together it falls back to the whole model."""
    import solver.solve

    monkeypatch.setattr(solver.solve, "SPLIT_ABOVE", 0)
    calls: list[int] = []
    by_person = solver.solve._first_roster_by_person

    def spy(*args: object, **kwargs: object) -> object:
        calls.append(1)
        return by_person(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(solver.solve, "_first_roster_by_person", spy)
    problem = per_person_problem()
    if coupled:
        problem = problem.with_rules([*problem.rules, PairRule("P1", "P3")])
    result = solver.solve.solve(problem, solver.solve.SolveSettings(
        time_limit=1.0, deterministic=True, workers=1))
    assert calls == [1]  # tried once, not again inside first_roster()
    assert result.roster is not None and result.first_solution_seconds is not None
    assert check_roster(problem, result.roster).violations == []
