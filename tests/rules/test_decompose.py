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
from solver.rules.requests import ShiftRequest, ShiftRequests
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
    """Above split_above, solve() finds its first roster person by person (before building the
    whole model); when a hard rule ties people together it falls back to the whole model."""
    import solver.solve

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
        time_limit=1.0, deterministic=True, workers=1, split_above=0))
    assert calls == [1]  # tried once, not again inside first_roster()
    assert result.roster is not None and result.first_solution_seconds is not None
    assert check_roster(problem, result.roster).violations == []


# --- the greedy construction: each person against the cover the people before left open ------

def test_cover_greedy_part_lowers_each_requirement_by_the_people_placed() -> None:
    """Day 0 E: minimum 2, target 3, 1 of the placed people on E → P3's part asks for 2 - 1 = 1
    and 3 - 1 = 2; day 1 any shift: minimum 1, both placed work → 0 (never below 0)."""
    cover = Cover([
        CoverRequirement(0, "E", PEOPLE, 2, target=3, under_weight=100, target_weight=10,
                         over_weight=5),
        CoverRequirement(1, None, PEOPLE, 1, under_weight=100),
        CoverRequirement(2, "E", ("P1", "P2"), 1, under_weight=100),  # not about P3: left out
    ])
    placed = {"P1": ["E", "L", "OFF"], "P2": ["OFF", "E", "E"]}
    part = cover.greedy_part_for(frozenset(["P3"]), placed)
    assert isinstance(part, Cover)
    assert list(part.requirements) == [
        CoverRequirement(0, "E", ("P3",), 1, target=2, under_weight=100, target_weight=10,
                         over_weight=5),
        CoverRequirement(1, None, ("P3",), 0, under_weight=100),
    ]


@pytest.mark.parametrize(("on_e", "constant"), [
    # 1 placed on E: P5's part asks for 2 - 1 and 3 - 1, and prices every cell exactly as the
    # whole roster does (E: below 1 × 10 either way; OFF: short 1 × 100 + below 1 × 10)
    (1, 0),
    # 4 placed on E, one over max(2, 3): the whole roster pays that 1 × 5 whatever P5 does
    (4, 5),
])
def test_cover_greedy_part_prices_a_person_as_the_whole_roster_does(
        on_e: int, constant: int) -> None:
    """For every cell of the last person, the part's cost and the whole roster's differ by the
    same constant, so the part's best cells are the whole roster's best."""
    five = ("P1", "P2", "P3", "P4", "P5")
    cover = Cover([CoverRequirement(0, "E", five, 2, target=3, under_weight=100,
                                    target_weight=10, over_weight=5)])
    problem = make_problem(5, 1, [cover])
    placed = {pid: ["E" if i < on_e else "OFF"] for i, pid in enumerate(five[:4])}
    part = cover.greedy_part_for(frozenset(["P5"]), placed)
    assert part is not None
    alone = make_problem(5, 1, [part])
    nobody = {pid: ["OFF"] for pid in five[:4]}
    for cell in ("E", "L", "OFF"):
        whole_cost = check_roster(problem, {**placed, "P5": [cell]}).objective
        part_cost = check_roster(alone, {**nobody, "P5": [cell]}).objective
        assert whole_cost - part_cost == constant, cell


def test_greedy_part_keeps_a_persons_requests_only() -> None:
    requests = ShiftRequests([ShiftRequest("P1", 0, "off", None, 20),
                              ShiftRequest("P3", 1, "on", "E", 10)])
    part = requests.greedy_part_for(frozenset(["P3"]), {})
    assert isinstance(part, ShiftRequests)
    assert list(part.requests) == [ShiftRequest("P3", 1, "on", "E", 10)]


def test_greedy_first_roster_fills_the_cover() -> None:
    """Priced cover of 1 on E on each of 4 days, 2 people who must each work exactly 2 days
    (quota of 2 days off): one person after the other, the second takes the 2 days the first
    left open, so the cover is met every day (objective 0). Solving each person without the
    cover (the old first roster) leaves it to chance."""
    cover = Cover([CoverRequirement(d, "E", ("P1", "P2"), 1, under_weight=100, over_weight=1)
                   for d in range(4)])
    problem = make_problem(2, 4, [
        DaysOffQuota({"P1": (2, 2), "P2": (2, 2)}), cover], base_rules=True,
        allowed={"P1": ["E"], "P2": ["E"]})
    roster = _first_roster_by_person(problem, SETTINGS, Budget(10))
    assert roster is not None
    report = check_roster(problem, roster)
    assert report.violations == []
    assert report.objective == 0
    assert sorted(roster["P1"] + roster["P2"]) == ["E"] * 4 + ["OFF"] * 4
