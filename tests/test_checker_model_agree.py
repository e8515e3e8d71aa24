"""The rules' plain-Python checks and their CP-SAT encodings agree, on random small problems.

A pinned roster is feasible for the model exactly when the checker finds no hard violation, and
then the model's objective (and each rule's share of it) equals the checker's. The solver's own
optimal roster always checks clean, at the checker's objective.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from ortools.sat.python import cp_model

from solver.model import build_model
from solver.problem import LEAVE, OFF, Day, Person, Problem, Shift
from solver.rules.base import Rule
from solver.rules.consecutive import MaxConsecutiveWorkDays
from solver.rules.cover import Cover, CoverRequirement
from solver.rules.days_off import DaysOffQuota
from solver.rules.fairness import LateShiftFairness, RestDayFairness
from solver.rules.fixed_cells import FixedCells
from solver.rules.min_consecutive import MinConsecutiveDaysOff, MinConsecutiveWork
from solver.rules.minutes import TotalMinutes
from solver.rules.one_shift import OneShiftPerDay
from solver.rules.pair import PairRule
from solver.rules.patterns import IsolatedDayOff, ShiftTypeChanges
from solver.rules.requests import ShiftRequest, ShiftRequests
from solver.rules.shift_counts import MaxShiftsPerType
from solver.rules.succession import ForbiddenSuccessions
from solver.rules.weekends import MaxWeekends
from solver.solve import SolveSettings, check_roster, solve

MONDAY = dt.date(2026, 6, 1)
ALL_SHIFTS = (  # of different lengths, for TotalMinutes: 480, 510, 600 minutes
    Shift.timed("E", 8 * 60, 16 * 60),
    Shift.timed("M", 11 * 60 + 30, 20 * 60),
    Shift.timed("L", 14 * 60, 24 * 60, late=True),
)
SETTINGS = SolveSettings(time_limit=10, workers=1)
PROPERTY = settings(max_examples=60, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

Draw = Callable[..., Any]  # data.draw of st.data(), or a composite's draw


def _subset(draw: st.DrawFn, items: tuple[str, ...], min_size: int = 0) -> tuple[str, ...]:
    chosen = draw(st.lists(st.sampled_from(items), min_size=min_size, unique=True))
    return tuple(i for i in items if i in chosen)  # keep the original order


def _weight(draw: st.DrawFn) -> int:
    return draw(st.integers(0, 5))


@st.composite
def problems(draw: st.DrawFn) -> Problem:
    """2-4 people, 5-9 days from a random weekday, 1-3 shifts, history, fixed cells, rules."""
    num_people = draw(st.integers(2, 4))
    num_days = draw(st.integers(5, 9))
    start = MONDAY + dt.timedelta(days=draw(st.integers(0, 6)))
    chosen = _subset(draw, tuple(s.code for s in ALL_SHIFTS), min_size=1)
    shifts = tuple(s for s in ALL_SHIFTS if s.code in chosen)
    codes = tuple(s.code for s in shifts)
    ids = tuple(f"P{i}" for i in range(1, num_people + 1))
    days = tuple(
        Day(index=i, date=start + dt.timedelta(days=i),
            weekday=(start + dt.timedelta(days=i)).weekday(),
            is_rest_day=draw(st.booleans()),
            week=(start + dt.timedelta(days=i) - (start - dt.timedelta(days=start.weekday()))).days
            // 7)
        for i in range(num_days)
    )
    people = tuple(
        Person(id=pid, allowed=draw(st.none() | st.frozensets(st.sampled_from(codes),
                                                              min_size=draw(st.integers(0, 1)))))
        for pid in ids
    )
    cells = (*codes, OFF, LEAVE)
    history = {pid: tuple(draw(st.lists(st.sampled_from(cells), max_size=3))) for pid in ids}
    fixed_cells = st.sampled_from((LEAVE, LEAVE, OFF, *codes))
    fixed = draw(st.dictionaries(
        st.tuples(st.sampled_from(ids), st.integers(0, num_days - 1)), fixed_cells, max_size=3))
    day_index = st.integers(0, num_days - 1)
    group = st.lists(st.sampled_from(ids), min_size=1, max_size=num_people, unique=True).map(tuple)

    rules: list[Rule] = [OneShiftPerDay(), FixedCells()]
    if draw(st.booleans()):
        rules.append(PairRule(ids[0], ids[1]))
    if draw(st.booleans()):
        quota = {}
        for pid in _subset(draw, ids, min_size=1):
            low = draw(st.integers(0, 3))
            quota[pid] = (low, low + draw(st.integers(0, 4)))
        rules.append(DaysOffQuota(quota, leave_counts=draw(st.booleans())))
    if draw(st.booleans()):
        limits = {pid: draw(st.integers(1, 6)) for pid in _subset(draw, ids, min_size=1)}
        rules.append(MaxConsecutiveWorkDays(limits))
    for min_run in (MinConsecutiveWork, MinConsecutiveDaysOff):
        if draw(st.booleans()):
            minima = {pid: draw(st.integers(0, 4)) for pid in _subset(draw, ids, min_size=1)}
            rules.append(min_run(minima, exempt_edges=draw(st.booleans())))
    if draw(st.booleans()):
        rules.append(MaxShiftsPerType({
            pid: {code: draw(st.integers(0, 4)) for code in _subset(draw, codes, min_size=1)}
            for pid in _subset(draw, ids, min_size=1)}))
    if draw(st.booleans()):
        bounds = {}
        for pid in _subset(draw, ids, min_size=1):
            low = 300 * draw(st.integers(0, 8))
            bounds[pid] = (low, low + 300 * draw(st.integers(0, 8)))
        rules.append(TotalMinutes(bounds))
    if draw(st.booleans()):
        rules.append(MaxWeekends({pid: draw(st.integers(0, 2))
                                  for pid in _subset(draw, ids, min_size=1)}))
    if draw(st.booleans()):
        pairs = draw(st.lists(st.tuples(st.sampled_from(codes), st.sampled_from(codes)),
                              min_size=1, max_size=2, unique=True))
        rules.append(ForbiddenSuccessions(dict.fromkeys(pairs, "too little rest"),
                                          use_history=draw(st.booleans())))
    for rule_id in ("R7", "R8"):
        if draw(st.booleans()):
            requirements = [
                CoverRequirement(
                    day=draw(day_index), shift=draw(st.none() | st.sampled_from(codes)),
                    people=draw(group), minimum=draw(st.integers(0, 2)),
                    target=draw(st.integers(0, 3)),
                    under_weight=draw(st.none() | st.integers(0, 5) | st.integers(1, 5)),
                    target_weight=_weight(draw), over_weight=draw(st.integers(0, 3)))
                for _ in range(draw(st.integers(1, 4)))
            ]
            rules.append(Cover(requirements, rule_id=rule_id))
    if draw(st.booleans()):
        requests = [
            ShiftRequest(person=draw(st.sampled_from(ids)), day=draw(day_index),
                         kind=draw(st.sampled_from(("on", "off"))),
                         shift=draw(st.none() | st.sampled_from(codes)), weight=_weight(draw))
            for _ in range(draw(st.integers(1, 5)))
        ]
        rules.append(ShiftRequests(requests))
    if draw(st.booleans()):
        rules.append(RestDayFairness(draw(group), _weight(draw)))
    if draw(st.booleans()):
        rules.append(LateShiftFairness(draw(group), _subset(draw, codes, min_size=1),
                                       _weight(draw)))
    if draw(st.booleans()):
        rules.append(IsolatedDayOff(draw(group), _weight(draw)))
    if draw(st.booleans()):
        rules.append(ShiftTypeChanges(draw(group), _weight(draw)))
    return Problem(name="random", days=days, shifts=shifts, people=people, rules=tuple(rules),
                   history=history, fixed=fixed)


def random_roster(draw: Draw, problem: Problem) -> dict[str, list[str]]:
    """Mostly plausible cells (fixed ones kept, allowed shifts, OFF), sometimes anything."""
    codes = tuple(s.code for s in problem.shifts)
    noise = draw(st.sampled_from((0, 0, 10, 30)))  # 1 in `noise` cells is anything; 0: none
    out: dict[str, list[str]] = {}
    for person in problem.people:
        allowed = tuple(c for c in codes if person.may_work(c))
        cells = []
        for d in range(problem.num_days):
            fixed = problem.fixed.get((person.id, d))
            if fixed is not None and draw(st.integers(0, 9)) > 0:
                cells.append(fixed)
            elif noise and draw(st.integers(1, noise)) == 1:
                cells.append(draw(st.sampled_from((*codes, OFF, LEAVE))))  # LEAVE not fixed too
            else:
                cells.append(draw(st.sampled_from((*allowed, OFF))))
        out[person.id] = cells
    return out


def mutate(draw: Draw, problem: Problem, roster: dict[str, list[str]]) -> None:
    """Change 0-2 cells of a roster in place."""
    cells = (*(s.code for s in problem.shifts), OFF, LEAVE)
    for _ in range(draw(st.integers(0, 2))):
        pid = draw(st.sampled_from([p.id for p in problem.people]))
        roster[pid][draw(st.integers(0, problem.num_days - 1))] = draw(st.sampled_from(cells))


def by_rule(items: list[tuple[str, int]]) -> dict[str, int]:
    totals: dict[str, int] = defaultdict(int)
    for rule_id, cost in items:
        totals[rule_id] += cost
    return {rule_id: cost for rule_id, cost in totals.items() if cost}


@PROPERTY
@given(problem=problems(), data=st.data())
def test_pinned_roster_feasible_iff_checker_clean(problem: Problem, data: st.DataObject) -> None:
    """A pinned roster is model-feasible iff the checker is clean, at its cost for each rule."""
    optimum = None
    if data.draw(st.booleans(), label="start from the optimum"):
        result = solve(problem, SETTINGS)
        assert result.status in ("OPTIMAL", "INFEASIBLE")
        if result.roster is not None:
            optimum = result.objective
            roster = {pid: list(cells) for pid, cells in result.roster.items()}
            mutate(data.draw, problem, roster)
        else:
            roster = random_roster(data.draw, problem)
    else:
        roster = random_roster(data.draw, problem)

    report = check_roster(problem, roster)
    ctx = build_model(problem)
    ctx.pin_roster(roster)
    solver = cp_model.CpSolver()
    solver.parameters.num_workers = 1
    solver.parameters.max_time_in_seconds = 10
    status = solver.solve(ctx.model)

    if report.violations:
        assert status == cp_model.INFEASIBLE, [v.message for v in report.violations]
        return
    assert status == cp_model.OPTIMAL, solver.status_name(status)
    assert round(solver.objective_value) == report.objective
    model_costs = by_rule([(t.rule_id, t.weight * round(solver.value(t.expr)))
                           for t in ctx.penalty_terms])
    assert model_costs == by_rule([(p.rule_id, p.cost) for p in report.penalties])
    if optimum is not None:
        assert report.objective >= optimum


@PROPERTY
@given(problem=problems())
def test_optimal_roster_checks_clean(problem: Problem) -> None:
    """The solver's own optimum breaks no hard rule and its objective is the checker's."""
    result = solve(problem, SETTINGS)  # raises ModelCheckerMismatch on a disagreement
    assert result.status in ("OPTIMAL", "INFEASIBLE")
    if result.roster is None:
        return
    report = check_roster(problem, result.roster)
    assert report.violations == []
    assert report.objective == result.objective
    assert round(result.bound) == report.objective  # the model's proven optimum, independently
    assert all(len(result.roster[p.id]) == problem.num_days for p in problem.people)
