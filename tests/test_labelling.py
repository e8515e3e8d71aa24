"""The labelling pricer (solver.labelling): exactly optimal, by the checker's cost.

Random small one-person problems are solved by brute force over every cell sequence, scored by
check_roster; every person of the sample scenario is solved by CP-SAT on their own part with
the same integer prices. A hand-made month shows the arithmetic, and the problems the pricer
must refuse are refused.
"""

from __future__ import annotations

import itertools
import random
from collections.abc import Mapping, Sequence

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from ortools.sat.python import cp_model

from roster.compile import compile_scenario
from roster.io.scenario_reader import load_scenario
from solver.check import check_roster
from solver.labelling import cheapest_cells, supports
from solver.model import build_model
from solver.problem import LEAVE, OFF, Day, Person, Problem, Shift
from solver.rules.base import Rule
from solver.rules.consecutive import MaxConsecutiveWorkDays
from solver.rules.cover import Cover, CoverRequirement
from solver.rules.days_off import DaysOffQuota
from solver.rules.fixed_cells import FixedCells
from solver.rules.min_consecutive import MinConsecutiveWork
from solver.rules.one_shift import OneShiftPerDay
from solver.rules.patterns import IsolatedDayOff, ShiftTypeChanges
from solver.rules.requests import ShiftRequest, ShiftRequests
from solver.rules.succession import ForbiddenSuccessions

SAMPLE = "/work/main/data/sample"
CODES = ("E", "M", "L")
PID = "P1"
#: the most days brute-forced for each number of shift types the person may work (at most
#: about a thousand sequences, a few more with leave)
MAX_DAYS = {0: 8, 1: 8, 2: 6, 3: 5}
PROPERTY = settings(max_examples=300, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

Prices = dict[tuple[int, str], float]


# --- helpers ---------------------------------------------------------------------------------

def _problem(num_days: int, rules: Sequence[Rule], *, codes: Sequence[str] = CODES,
             weeks: Sequence[int] | None = None, allowed: frozenset[str] | None = None,
             history: Sequence[str] = (), fixed: Mapping[int, str] | None = None,
             people: Sequence[str] = (PID,)) -> Problem:
    """Days 0.. in the given calendar weeks (all in week 0 by default), one shift per code."""
    weeks = weeks if weeks is not None else [0] * num_days
    return Problem(
        name="tiny",
        days=tuple(Day(index=d, week=weeks[d]) for d in range(num_days)),
        shifts=tuple(Shift(code) for code in codes),
        people=tuple(Person(id=pid, allowed=allowed if pid == PID else None) for pid in people),
        rules=tuple(rules),
        history={PID: tuple(history)} if history else {},
        fixed={(PID, d): cell for d, cell in (fixed or {}).items()},
    )


def _domain(problem: Problem) -> list[list[str]]:
    """The cells of each day: a shift the person may work, OFF, LEAVE where fixed LEAVE."""
    person = problem.people[0]
    codes = list(dict.fromkeys(s.code for s in problem.shifts if person.may_work(s.code)))
    return [[*codes, OFF, *([LEAVE] if problem.fixed.get((person.id, d)) == LEAVE else [])]
            for d in range(problem.num_days)]


def _cost(problem: Problem, prices: Mapping[tuple[int, str], float],
          cells: Sequence[str]) -> float | None:
    """The checker's objective plus the prices of ``cells``; None when a hard rule breaks."""
    report = check_roster(problem, {problem.people[0].id: list(cells)})
    if report.violations:
        return None
    return report.objective + sum(prices.get((d, c), 0.0) for d, c in enumerate(cells))


def _brute_force(problem: Problem, prices: Mapping[tuple[int, str], float]) -> float | None:
    """The least cost over every sequence of the domain; None when none is valid."""
    costs = [c for cells in itertools.product(*_domain(problem))
             if (c := _cost(problem, prices, cells)) is not None]
    return min(costs) if costs else None


def _assert_optimal(problem: Problem, prices: Mapping[tuple[int, str], float],
                    best: float | None) -> None:
    """The pricer finds ``best`` (None: nothing valid), with valid cells that cost it."""
    got = cheapest_cells(problem, prices)
    assert cheapest_cells(problem, prices) == got  # deterministic
    if best is None:
        assert got is None
        return
    assert got is not None
    cells, value = got
    assert value == pytest.approx(best, rel=1e-9, abs=1e-9)
    assert len(cells) == problem.num_days
    assert all(c in allowed for c, allowed in zip(cells, _domain(problem), strict=True))
    cost = _cost(problem, prices, cells)
    assert cost is not None
    assert cost == pytest.approx(value, rel=1e-9, abs=1e-9)


# --- random small problems against brute force ----------------------------------------------

@st.composite
def one_person(draw: st.DrawFn) -> tuple[Problem, Prices, bool]:
    """A random one-person problem of the supported rule kinds (0-2 of most kinds), random
    prices on every kind of cell, and whether the pricer should support it."""
    codes = CODES[:draw(st.integers(1, 3))]
    allowed = draw(st.frozensets(st.sampled_from(codes))) if draw(st.integers(0, 3)) == 0 else None
    may = [c for c in codes if allowed is None or c in allowed]
    n = draw(st.integers(2, MAX_DAYS[len(may)]))
    weeks = [0]
    for _ in range(n - 1):
        weeks.append(weeks[-1] + int(draw(st.booleans())))
    cells = (*codes, OFF, LEAVE)
    history = draw(st.lists(st.sampled_from((*cells, "X")), max_size=4))
    fixed = draw(st.dictionaries(st.integers(0, n - 1), st.sampled_from(cells), max_size=2))
    weight = st.integers(-3, 20)

    rules: list[Rule] = []
    if draw(st.integers(0, 9)):
        rules.append(OneShiftPerDay())
    keep_fixed = draw(st.integers(0, 6)) > 0
    if keep_fixed:
        rules.append(FixedCells())
    counts_leave = False
    for _ in range(draw(st.integers(0, 2))):
        low = draw(st.integers(0, n // 2 + 1))
        high = low + draw(st.integers(0, n)) if draw(st.integers(0, 9)) else low - 1
        leave_counts = draw(st.booleans())
        counts_leave |= leave_counts
        rules.append(DaysOffQuota({PID: (low, high)}, leave_counts))
    for _ in range(draw(st.integers(0, 2))):
        limit = draw(st.integers(1, n)) if draw(st.integers(0, 9)) else 0
        rules.append(MaxConsecutiveWorkDays({PID: limit}))
    for _ in range(draw(st.integers(0, 2))):
        # mostly pairs of shifts, as from rest times; any cells too, and from the history's
        # last day (which only counts with use_history)
        shift_pairs = st.tuples(st.sampled_from(codes), st.sampled_from(codes))
        any_pairs = st.tuples(st.sampled_from(cells), st.sampled_from(cells))
        last = st.tuples(st.sampled_from(history[-1:] or cells), st.sampled_from(cells))
        pairs = draw(st.lists(st.one_of(shift_pairs, shift_pairs, any_pairs, last),
                              max_size=3))
        rules.append(ForbiddenSuccessions(dict.fromkeys(pairs, "rest"),
                                          use_history=draw(st.booleans())))
    if draw(st.booleans()):
        requests = draw(st.lists(st.builds(
            ShiftRequest, st.just(PID), st.integers(0, n - 1), st.sampled_from(("on", "off")),
            st.none() | st.sampled_from(codes), weight), max_size=4))
        rules.append(ShiftRequests(tuple(requests)))
    for kind in (IsolatedDayOff, ShiftTypeChanges):
        for _ in range(draw(st.integers(0, 2))):
            people = draw(st.sampled_from(((PID,), (PID,), (), (PID, PID))))
            rules.append(kind(people, draw(weight)))
    rules = draw(st.permutations(rules))

    # a price (or none) on each day and cell: quarters, and any floats now and then
    price = st.one_of(st.none(), st.integers(-40, 40).map(lambda q: q / 4),
                      st.floats(-10, 10, allow_nan=False, allow_infinity=False))
    keys = [(d, cell) for d in range(n) for cell in cells]
    values = draw(st.lists(price, min_size=len(keys), max_size=len(keys)))
    prices = {key: v for key, v in zip(keys, values, strict=True) if v is not None}
    problem = _problem(n, rules, codes=codes, weeks=weeks, allowed=allowed, history=history,
                       fixed=fixed)
    # unsupported only when a quota counts leave that no FixedCells keeps
    supported = keep_fixed or not counts_leave or LEAVE not in fixed.values()
    return problem, prices, supported


@PROPERTY
@given(one_person())
def test_random_problems_match_brute_force(case: tuple[Problem, Prices, bool]) -> None:
    problem, prices, supported = case
    assert supports(problem) == supported
    if supported:
        _assert_optimal(problem, prices, _brute_force(problem, prices))


# --- the sample's people against CP-SAT ------------------------------------------------------

def _cp_sat_optimum(own: Problem, prices: Mapping[tuple[int, str], int]) -> int | None:
    """The optimum of the own part's model with ``prices`` on shift and OFF cells (OFF on a
    day that is not leave); None when infeasible."""
    ctx = build_model(own)
    expr = ctx.objective_expr()
    for (d, cell), price in prices.items():
        if cell == OFF:
            if not ctx.is_leave(0, d):
                expr += price * (1 - ctx.work[0, d])
        elif (var := ctx.shift_var(0, d, cell)) is not None:
            expr += price * var
    ctx.model.minimize(expr)
    solver = cp_model.CpSolver()
    solver.parameters.num_workers = 1
    solver.parameters.max_time_in_seconds = 30
    status = solver.solve(ctx.model)
    if status == cp_model.INFEASIBLE:
        return None
    assert status == cp_model.OPTIMAL
    return round(solver.objective_value)


def test_sample_people_match_cp_sat() -> None:
    """Every person of both centers, with random integer prices on each shift and OFF."""
    rng = random.Random(20260601)
    centers = compile_scenario(load_scenario(SAMPLE))
    assert len(centers) == 2
    for center in centers:
        problem = center.problem
        codes = [s.code for s in problem.shifts]
        for person in problem.people:
            own = problem.own_part_for(frozenset([person.id]))
            assert supports(own)
            prices = {(d, cell): rng.randint(-30, 30)
                      for d in range(problem.num_days) for cell in [*codes, OFF]}
            optimum = _cp_sat_optimum(own, prices)
            _assert_optimal(own, prices, optimum)
            if optimum is not None:
                result = cheapest_cells(own, prices)
                assert result is not None and result[1] == optimum  # exact: integer prices


def test_sample_person_without_prices() -> None:
    """With no prices the value is the person's own least soft cost."""
    problem = compile_scenario(load_scenario(SAMPLE))[1].problem
    own = problem.own_part_for(frozenset([problem.people[5].id]))
    _assert_optimal(own, {}, _cp_sat_optimum(own, {}))


# --- what the pricer refuses -----------------------------------------------------------------

def test_unsupported_rule_kinds() -> None:
    base: list[Rule] = [OneShiftPerDay(), FixedCells(), DaysOffQuota({PID: (1, 2)})]
    assert supports(_problem(5, base))
    assert not supports(_problem(5, [*base, MinConsecutiveWork({PID: 2})]))
    cover = Cover([CoverRequirement(0, "E", (PID,), 1, 1, 10)], who="agents")
    assert not supports(_problem(5, [*base, cover]))


def test_unsupported_two_people_or_someone_else() -> None:
    assert not supports(_problem(5, [OneShiftPerDay()], people=(PID, "P2")))
    assert not supports(_problem(5, [DaysOffQuota({"P2": (1, 2)})]))
    assert not supports(_problem(5, [IsolatedDayOff(("P2",), 3)]))
    assert not supports(_problem(5, [ShiftRequests((ShiftRequest(PID, 7, "on", None, 1),))]))
    whole = compile_scenario(load_scenario(SAMPLE))[0].problem
    assert not supports(whole)


# --- a hand-made month -----------------------------------------------------------------------

def test_hand_made_month() -> None:
    """Four days, shifts E and L, days 0-1 in one week and 2-3 in the next; the day before the
    month was E. Exactly one day OFF (quota 1); L may not be followed by E; the person wishes
    day 1 off (weight 5); an isolated OFF costs 3 (W4), a change of shift within a week 1 (W5).
    Prices: -0.25 on E on day 0, +0.5 on OFF on day 1, -2 on L on day 2.

    Where the OFF day goes:
    - day 0: isolated (history E, day 1 worked) 3 + wish unmet 5 = 8, at best 8 - 2 = 6
    - day 1: isolated 3 + OFF price 0.5; day 0 E (-0.25), day 2 L (-2), day 3 L (E may not
      follow L; L after L in one week changes nothing): 3 + 0.5 - 0.25 - 2 = 1.25
    - day 2: isolated 3 + wish unmet 5, at best 8 - 0.25 = 7.75
    - day 3: never isolated (the last day of the month) + wish unmet 5; E E L OFF (no change
      within week 0, E→L across weeks): 5 - 0.25 - 2 = 2.75
    So E OFF L L at 1.25.
    """
    rules: list[Rule] = [
        OneShiftPerDay(), FixedCells(), DaysOffQuota({PID: (1, 1)}),
        ForbiddenSuccessions({("L", "E"): "rest"}),
        ShiftRequests((ShiftRequest(PID, 1, "off", None, 5),)),
        IsolatedDayOff((PID,), 3), ShiftTypeChanges((PID,), 1),
    ]
    problem = _problem(4, rules, codes=("E", "L"), weeks=(0, 0, 1, 1), history=("E",))
    prices = {(0, "E"): -0.25, (1, OFF): 0.5, (2, "L"): -2.0}
    assert cheapest_cells(problem, prices) == (("E", OFF, "L", "L"), 1.25)
    assert _brute_force(problem, prices) == 1.25


def test_fixed_leave_and_history_run() -> None:
    """Three days, one shift E, at most 3 days in a row; the history ends with three worked
    days, so day 0 can't be worked; day 1 is fixed LEAVE, which counts towards a quota of 1-2
    days off, leaving at most one OFF. OFF on day 2 would earn 4 (price -4), but day 0 needs
    the one OFF: OFF LEAVE E at 0."""
    rules: list[Rule] = [OneShiftPerDay(), FixedCells(), DaysOffQuota({PID: (1, 2)}),
                         MaxConsecutiveWorkDays({PID: 3})]
    problem = _problem(3, rules, codes=("E",), history=("OFF", "E", "E", "E"),
                       fixed={1: LEAVE})
    assert cheapest_cells(problem, {(2, OFF): -4.0}) == ((OFF, LEAVE, "E"), 0.0)
    # without the quota both OFF: -4
    free = problem.with_rules(rules[:2] + rules[3:])
    assert cheapest_cells(free, {(2, OFF): -4.0}) == ((OFF, LEAVE, OFF), -4.0)
    # a pinned shift the person may not work leaves that day no cell
    pinned = _problem(3, rules, codes=("E", "L"), allowed=frozenset({"E"}), fixed={2: "L"})
    assert cheapest_cells(pinned, {}) is None


def test_shift_changes_count_within_a_week_only() -> None:
    """Four days, shifts E and L, days 0-1 in week 0 and 2-3 in week 1; a change of shift
    within a week costs 2 (W5). Prices: E -1 on days 0 and 1, L -1 on day 2, L -1 and E -1.5
    on day 3.

    E E L L: -4, no change within a week (E→L is across weeks); E E L E: -4.5 + 2 = -2.5;
    E E E E: -3.5. So E E L L at -4.
    """
    problem = _problem(4, [ShiftTypeChanges((PID,), 2)], codes=("E", "L"), weeks=(0, 0, 1, 1))
    prices = {(0, "E"): -1.0, (1, "E"): -1.0, (2, "L"): -1.0, (3, "L"): -1.0, (3, "E"): -1.5}
    assert cheapest_cells(problem, prices) == (("E", "E", "L", "L"), -4.0)
    assert _brute_force(problem, prices) == -4.0
