"""The labelling pricer (solver.labelling): exactly optimal, by the checker's cost.

Random small one-person problems are solved by brute force over every cell sequence, scored by
check_roster; every person of the sample scenario is solved by CP-SAT on their own part with
the same integer prices. A hand-made month shows the arithmetic, and the problems the pricer
must refuse are refused. Count constraints (Counter) are checked the same ways: brute force
over the sequences that meet them, CP-SAT with them as linear constraints, and by hand.
"""

from __future__ import annotations

import itertools
import random
from collections.abc import Mapping, Sequence
from unittest.mock import patch

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from ortools.sat.python import cp_model

from roster.compile import compile_scenario
from roster.io.scenario_reader import load_scenario
from solver import labelling
from solver.check import check_roster
from solver.labelling import Counter, cheapest_cells, supports
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


def _count(cells: Sequence[str], counter: Counter) -> int:
    """How many of the counter's days (each once, those in the month) hold one of its codes."""
    return sum(cells[d] in counter.codes for d in set(counter.days) if 0 <= d < len(cells))


def _meets(cells: Sequence[str], counters: Sequence[Counter]) -> bool:
    return all(c.low <= _count(cells, c) <= c.high for c in counters)


def _sequences(problem: Problem, prices: Mapping[tuple[int, str], float]
               ) -> list[tuple[tuple[str, ...], float]]:
    """Every valid sequence of the domain, with its cost."""
    return [(cells, c) for cells in itertools.product(*_domain(problem))
            if (c := _cost(problem, prices, cells)) is not None]


def _brute_force(problem: Problem, prices: Mapping[tuple[int, str], float],
                 counters: Sequence[Counter] = ()) -> float | None:
    """The least cost over every valid sequence of the domain that meets ``counters``; None
    when there is none."""
    return min((c for cells, c in _sequences(problem, prices) if _meets(cells, counters)),
               default=None)


def _assert_optimal(problem: Problem, prices: Mapping[tuple[int, str], float],
                    best: float | None, counters: Sequence[Counter] = ()) -> None:
    """The pricer finds ``best`` (None: nothing valid), with valid cells that meet the
    counters and cost it."""
    got = cheapest_cells(problem, prices, counters=counters)
    assert cheapest_cells(problem, prices, counters=counters) == got  # deterministic
    if best is None:
        assert got is None
        return
    assert got is not None
    cells, value = got
    assert _meets(cells, counters)
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

def _cp_sat_optimum(own: Problem, prices: Mapping[tuple[int, str], int],
                    counters: Sequence[Counter] = ()) -> int | None:
    """The optimum of the own part's model with ``prices`` on shift and OFF cells (OFF on a
    day that is not leave), and ``counters`` as linear constraints; None when infeasible."""
    ctx = build_model(own)
    for counter in counters:
        held = []
        for d in sorted({d for d in counter.days if 0 <= d < own.num_days}):
            for code in counter.codes:
                if code == OFF:
                    held.append(ctx.off_at(0, d))
                elif code == LEAVE:
                    held.append(1 - ctx.work[0, d] if ctx.is_leave(0, d) else 0)
                elif (var := ctx.shift_var(0, d, code)) is not None:
                    held.append(var)
        ctx.model.add(sum(held) >= counter.low)
        ctx.model.add(sum(held) <= counter.high)
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


# --- counters --------------------------------------------------------------------------------

@st.composite
def counters_for(draw: st.DrawFn, problem: Problem,
                 sequences: Sequence[tuple[tuple[str, ...], float]]) -> list[Counter]:
    """One or two counters on random days (now and then one outside the month, or one twice)
    and codes (any cell, and one nobody holds). Mostly some valid sequence meets the bounds,
    on both sides or one only, and the optimum without counters does not (when some sequence
    counts otherwise); else the bounds are anything around what the days allow (below zero,
    above the days, low above high)."""
    n = problem.num_days
    cells = (*dict.fromkeys(s.code for s in problem.shifts), OFF, LEAVE, "X")
    best = min(sequences, key=lambda seq: seq[1])[0] if sequences else None
    out = []
    for _ in range(draw(st.integers(1, 2))):
        days = [d for d, on in enumerate(draw(st.lists(st.booleans(), min_size=n, max_size=n)))
                if on]
        days += draw(st.lists(st.integers(-1, n), max_size=2))
        codes = draw(st.frozensets(st.sampled_from(cells), min_size=1, max_size=3))
        probe = Counter(tuple(days), codes, 0, 0)
        if best is not None and draw(st.integers(0, 4)):
            other = _count(best, probe)
            counts = sorted({_count(seq, probe) for seq, _ in sequences} - {other})
            held = draw(st.sampled_from(counts)) if counts else other
            # within one of held, short of other
            low = held - draw(st.integers(0, 1 if other >= held else min(1, held - other - 1)))
            high = held + draw(st.integers(0, 1 if other <= held else min(1, other - held - 1)))
            if draw(st.booleans()):  # one side only
                low, high = (low, n + 1) if other < held else (-1, high)
        else:
            size = len({d for d in days if 0 <= d < n})
            low = draw(st.integers(-1, size + 1))
            high = draw(st.integers(low - 1, size + 1))
        out.append(Counter(probe.days, codes, low, high))
    return out


@pytest.mark.parametrize("prune_up_to", [labelling._PRUNE_UP_TO, 0])
@PROPERTY
@given(one_person(), st.data())
def test_random_counters_match_brute_force(prune_up_to: int,
                                           case: tuple[Problem, Prices, bool],
                                           data: st.DataObject) -> None:
    """The least cost over the sequences that meet the counters, as brute force finds it;
    keeping every counter index each day (as small problems do), or only those that can
    matter (as with many indices)."""
    problem, prices, supported = case
    assume(supported)
    sequences = _sequences(problem, prices)
    counters = data.draw(counters_for(problem, sequences))
    best = min((c for cells, c in sequences if _meets(cells, counters)), default=None)
    with patch.object(labelling, "_PRUNE_UP_TO", prune_up_to):
        _assert_optimal(problem, prices, best, counters)


def test_sample_people_with_counters_match_cp_sat() -> None:
    """Every person of both centers, with random integer prices on each shift and OFF and the
    counters of use: OFF days among the rest days (weekends and holidays) between random
    bounds, some late shifts in the month (the person's last shift when they work no late
    one), and now and then at least some early shifts or at most some worked rest days."""
    rng = random.Random(20260602)
    feasible = 0
    for center in compile_scenario(load_scenario(SAMPLE)):
        problem = center.problem
        n = problem.num_days
        codes = [s.code for s in problem.shifts]
        late = {s.code for s in problem.shifts if s.late}
        rest = tuple(day.index for day in problem.days if day.is_rest_day)
        for person in problem.people:
            own = problem.own_part_for(frozenset([person.id]))
            prices = {(d, cell): rng.randint(-30, 30) for d in range(n) for cell in [*codes, OFF]}
            worked = [code for code in codes if person.may_work(code)]
            last = frozenset(code for code in worked if code in late) or frozenset(worked[-1:])
            low = rng.randint(1, 6)
            counters = [Counter(rest, frozenset({OFF}), low, low + rng.randint(0, 4)),
                        Counter(tuple(range(n)), last, rng.randint(0, 4), rng.randint(4, 20))]
            extra = rng.randint(0, 2)
            if extra == 1:  # a lower bound only
                counters.append(Counter(tuple(range(n)), frozenset({"E"}), rng.randint(0, 12), n))
            elif extra == 2:  # an upper bound only, on shifts
                counters.append(Counter(rest, frozenset(codes), 0, rng.randint(4, 10)))
            optimum = _cp_sat_optimum(own, prices, counters)
            _assert_optimal(own, prices, optimum, counters)
            if optimum is not None:
                feasible += 1
                result = cheapest_cells(own, prices, counters=counters)
                assert result is not None and result[1] == optimum  # exact: integer prices
    assert feasible >= 70  # most of the 100 people can meet their counters


def test_counters_by_hand() -> None:
    """Six days, shifts E and L, exactly two days OFF (quota 2), no other rule. Prices: OFF -3
    on days 0 and 1, -1 on day 4; E -0.5 on day 1; L -2, -2.5, -2, -1.5 on days 2, 3, 4, 5.

    Without counters: OFF on day 0 gains 3 over working there (0), on day 1 2.5 (-3 against
    E's -0.5); on any other day OFF loses (on day 4 the least, 1: -1 against L's -2). So OFF
    on days 0 and 1, L on the others: OFF OFF L L L L, -3 - 3 - 2 - 2.5 - 2 - 1.5 = -14.

    A: exactly one OFF on days 0-1 (work one day of the weekend). Day 0 OFF gains more (3
    against 2.5), day 1 takes E (-0.5); the second OFF goes where it loses least, day 4 (1):
    OFF E L L OFF L, -3 - 0.5 - 2 - 2.5 - 1 - 1.5 = -10.5.

    B: at most two L in the month, with A. OFF on days 0 and 4 again (-3 - 1), E on day 1
    (-0.5), and of the worked days 2, 3, 5 the two dearest L, days 2 and 3 (-2 - 2.5), day 5
    E (0): OFF E L L OFF E, -9. (OFF on day 2 or 5 instead of 4: the best two L of the rest
    are -4.5 as well but OFF earns nothing there: -8.)

    C: at least two E in the month, with A (a low bound only: the count stops at 2). From A's
    OFF E L L OFF L, the L cheapest to give up is day 5's (-1.5): OFF E L L OFF E again, -9.
    """
    rules: list[Rule] = [OneShiftPerDay(), FixedCells(), DaysOffQuota({PID: (2, 2)})]
    problem = _problem(6, rules, codes=("E", "L"))
    prices = {(0, OFF): -3.0, (1, OFF): -3.0, (4, OFF): -1.0, (1, "E"): -0.5,
              (2, "L"): -2.0, (3, "L"): -2.5, (4, "L"): -2.0, (5, "L"): -1.5}
    week = tuple(range(6))
    a = Counter((0, 1), frozenset({OFF}), 1, 1)
    b = Counter(week, frozenset({"L"}), 0, 2)
    c = Counter(week, frozenset({"E"}), 2, 6)
    assert cheapest_cells(problem, prices) == ((OFF, OFF, "L", "L", "L", "L"), -14.0)
    assert cheapest_cells(problem, prices, counters=[a]) == ((OFF, "E", "L", "L", OFF, "L"),
                                                             -10.5)
    assert cheapest_cells(problem, prices, counters=[a, b]) == ((OFF, "E", "L", "L", OFF, "E"),
                                                                -9.0)
    assert cheapest_cells(problem, prices, counters=[a, c]) == ((OFF, "E", "L", "L", OFF, "E"),
                                                                -9.0)
    for counters in ([a], [a, b], [a, c], [a, b, c]):
        result = cheapest_cells(problem, prices, counters=counters)
        assert result is not None and _brute_force(problem, prices, counters) == result[1]
    # counters that always hold change nothing: the quota's two OFF, any count of six days
    same = [Counter(week, frozenset({OFF}), 2, 2), Counter(week, frozenset({"E", "L"}), 0, 6)]
    assert cheapest_cells(problem, prices, counters=same) == cheapest_cells(problem, prices)
    # and one that can't hold: three OFF on two days, or four OFF in the month (quota 2)
    assert cheapest_cells(problem, prices, counters=[Counter((0, 1), frozenset({OFF}), 3, 3)]
                          ) is None
    assert cheapest_cells(problem, prices, counters=[Counter(week, frozenset({OFF}), 4, 6)]
                          ) is None


# --- the programme built once, and the compiled passes -----------------------------------------

def test_a_programme_prices_again_as_cheapest_cells_does() -> None:
    """The hand-made month of test_counters_by_hand, under counter A (one OFF on days 0-1): one
    programme, priced at three sets of prices, gives cheapest_cells' answer each time, A's
    -10.5 first; with OFF's price on day 0 raised to 0 and L's there -0.25, OFF moves to day 1
    (-3 against E's -0.5 there) and day 0 takes L: L OFF L L OFF L,
    -0.25 - 3 - 2 - 2.5 - 1 - 1.5 = -10.25."""
    rules: list[Rule] = [OneShiftPerDay(), FixedCells(), DaysOffQuota({PID: (2, 2)})]
    problem = _problem(6, rules, codes=("E", "L"))
    prices = {(0, OFF): -3.0, (1, OFF): -3.0, (4, OFF): -1.0, (1, "E"): -0.5,
              (2, "L"): -2.0, (3, "L"): -2.5, (4, "L"): -2.0, (5, "L"): -1.5}
    a = [Counter((0, 1), frozenset({OFF}), 1, 1)]
    prog = labelling.programme(problem, a)
    assert labelling.cheapest_of(prog, prices) == ((OFF, "E", "L", "L", OFF, "L"), -10.5)
    moved = {**prices, (0, OFF): 0.0, (0, "L"): -0.25}
    assert labelling.cheapest_of(prog, moved) == (("L", OFF, "L", "L", OFF, "L"), -10.25)
    for each in (prices, moved, {}):
        assert labelling.cheapest_of(prog, each) == cheapest_cells(problem, each, counters=a)
    # a programme no sequence meets prices to None, whatever the prices
    never = labelling.programme(problem, [Counter((0, 1), frozenset({OFF}), 3, 3)])
    assert never.plan is None and labelling.cheapest_of(never, prices) is None


def test_warm_up_loads_what_pricing_calls() -> None:
    """warm_up() calls the compiled passes with the argument types pricing uses: after it and
    pricing a sample person, with and without counters, each pass has exactly one signature,
    whichever ran first in this process (other argument types would compile one more, in the
    solve's time)."""
    labelling.warm_up()
    signatures = (list(labelling._forward.signatures), list(labelling._backward.signatures))
    assert len(signatures[0]) == 1 and len(signatures[1]) == 1
    problem = compile_scenario(load_scenario(SAMPLE))[0].problem
    own = problem.own_part_for(frozenset([problem.people[5].id]))
    assert cheapest_cells(own, {(3, OFF): -2.0}) is not None
    days = tuple(range(own.num_days))
    assert cheapest_cells(own, {}, counters=[Counter(days, frozenset({OFF}), 0, 9)]) is not None
    assert (list(labelling._forward.signatures),
            list(labelling._backward.signatures)) == signatures


def test_no_end_within_the_quota_is_none() -> None:
    """Four days, shift E only, exactly three OFF (quota (3, 3)) and no OFF after OFF: three
    OFF in four days put two side by side, so no sequence is valid. The programme's ends within
    the quota are all inf, while those outside it are not (E E E E costs 0): the answer is
    None, not the cheapest end outside the quota (the compiled version once returned
    E E E E at 0)."""
    rules: list[Rule] = [DaysOffQuota({PID: (3, 3)}),
                         ForbiddenSuccessions({(OFF, OFF): "rest"}, use_history=False)]
    problem = _problem(4, rules, codes=("E",))
    assert _brute_force(problem, {}) is None
    assert cheapest_cells(problem, {}) is None
    # with two OFF allowed, OFF E OFF E (or its like) is valid
    relaxed = _problem(4, [DaysOffQuota({PID: (2, 2)}), rules[1]], codes=("E",))
    found = cheapest_cells(relaxed, {})
    assert found is not None and found[1] == 0.0 == _brute_force(relaxed, {})
    assert found[0].count(OFF) == 2
