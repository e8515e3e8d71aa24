"""Branch and price on the spreads (solver.colgen.ColumnGeneration.branch, restrict, dives).

Most tests use one tiny problem whose root LP bound (0) is far below the optimum (7) and whose
branching is worked out by hand below, priced both ways: by labelling (solver.labelling) and by
CP-SAT (a class whose own part labelling does not support). Then: a node nobody can keep,
the sample's outbound center (bound 20.5 -> 25, proven by a dive), solve()'s column phase on
the tiny problem, solve_many's order, and two pieces of the master (_Master.lower_bounds /
restore, _Master.lagrangian with branching's bounds on the spread's max and min).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

import pytest

from roster.compile import compile_scenario
from roster.io.scenario_reader import load_scenario
from solver import colgen, labelling, lns
from solver import solve as solve_module
from solver.budget import Budget
from solver.check import check_roster
from solver.colgen import ColumnGeneration, NoColumn, SpreadBox
from solver.labelling import Counter
from solver.model import build_model
from solver.problem import OFF, Day, Person, Problem, Shift
from solver.rules.base import Rule
from solver.rules.cover import Cover, CoverRequirement
from solver.rules.days_off import DaysOffQuota
from solver.rules.fairness import RestDayFairness
from solver.rules.fixed_cells import FixedCells
from solver.rules.links import Spread
from solver.rules.minutes import TotalMinutes
from solver.rules.one_shift import OneShiftPerDay
from solver.rules.requests import ShiftRequest, ShiftRequests
from solver.solve import (
    COLUMN_ROUNDS,
    COLUMN_ROUNDS_SHORT,
    DIVE_WINDOW,
    SolveSettings,
    _column_share,
    _dive_grace,
    solve,
    solve_many,
)
from tests.curtois.test_colgen import OVER, UNWANTED
from tests.curtois.test_colgen import UNDER as SHORT
from tests.curtois.test_colgen import D as DAY
from tests.curtois.test_colgen import E as EVENING
from tests.curtois.test_colgen import _problem as curtois_problem

SAMPLE = Path(__file__).resolve().parent.parent / "data" / "sample"
#: far more than any tiny problem here needs (they converge in milliseconds)
GENEROUS = 30
TOLERANCE = 1e-6

D = Shift("D")
TWO = ("P1", "P2")
THREE = ("P1", "P2", "P3")
UNDER = 100  # per person short of a day's cover
FAIR = 7  # W3's weight
#: the columns of the tiny problem: off on the rest day (W3 count 1) or working it (count 0)
REST_OFF = (OFF, "D")
REST_WORKED = ("D", OFF)
#: the only spread of the tiny problem (RestDayFairness is its only link)
W3 = 0
#: no restriction on W3's counts: every count in [0, 1] (one rest day)
WHOLE = SpreadBox(0, 1, 0, 1)


def replace_box(**changes: int) -> SpreadBox:
    """WHOLE with some fields changed."""
    return replace(WHOLE, **changes)


# --- the tiny problem ------------------------------------------------------------------------

def tiny(people: Sequence[str] = TWO, *, name: str = "tiny", hard: bool = False,
         minutes: bool = False, fixed: dict[tuple[str, int], str] | None = None,
         under: int = UNDER) -> Problem:
    """Two days, day 0 a rest day; one shift D; each person exactly one day off (quota
    (1, 1)), so a person's columns are REST_OFF (W3 count 1) and REST_WORKED (count 0). Each
    day wants 1 on D (UNDER per person short, nothing over; ``hard``: a hard minimum instead);
    W3 weight FAIR. ``minutes``: a TotalMinutes rule that binds nothing (D is 0 minutes) but
    which labelling does not support, so CP-SAT prices the people. ``under``: the price of a
    person short instead of UNDER.

    Optimum with two people: both REST_OFF leaves day 0 short (100), both REST_WORKED day 1
    (100); one of each covers both days and spreads W3 by 1: 7.
    """
    rules: list[Rule] = [
        OneShiftPerDay(), FixedCells(), DaysOffQuota(dict.fromkeys(people, (1, 1))),
        Cover([CoverRequirement(d, "D", tuple(people), 1, under_weight=None if hard else under)
               for d in range(2)]),
        RestDayFairness(tuple(people), FAIR),
    ]
    if minutes:
        rules.append(TotalMinutes(dict.fromkeys(people, (0, 100))))
    return Problem(name=name, days=(Day(0, weekday=5, is_rest_day=True), Day(1, weekday=0)),
                   shifts=(D,), people=tuple(Person(p) for p in people), rules=tuple(rules),
                   fixed=dict(fixed or {}))


# The root LP: the class {P1, P2} takes each column once (x(REST_OFF) = x(REST_WORKED) = 1,
# each person half and half), covering both days; the W3 count averages 1/2, so the master's
# max and min of the spread can both be 1/2: LP 0.
#
# branch(), best bound first (W3 is the only spread; at the root the max split is worth
# 7 * (1 - 1/2) = 3.5 and so is the min split: the max, found first, is taken):
#   root                       LP 0    -> split the max at floor(1/2) = 0:
#   A  max <= 0 (high=0)       LP 100  (everyone works day 0: day 1 short)          closed
#   B  max >= 1                LP 3.5  (7 * (1 - min), min <= average 1/2)  -> split the min:
#   C  min >= 1 (low=1)        LP 100  (everyone off on day 0: day 0 short)         closed
#   D  min <= 0                LP 7    (7 * (1 - 0))                               closed
# 5 nodes; the least closed bound is D's 7, the optimum, at D's boxes.
ROOT_LP = 0.0
OPTIMUM = 7
NODES = 5
BEST_BOXES = {W3: SpreadBox(low=0, high=1, max_at_least=1, min_at_most=0)}

PRICINGS = ("labelling", "minutes", "unsupported")


def generation(problem: Problem) -> ColumnGeneration:
    """Column generation on ``problem``, converged at the root."""
    g = ColumnGeneration(problem, workers=2)
    found = g.run(Budget(GENEROUS))
    assert found is not None and found.converged
    return g


def priced(pricing: str, monkeypatch: pytest.MonkeyPatch, **kw: object) -> ColumnGeneration:
    """The tiny problem (``kw``: see :func:`tiny`) converged at the root, priced by labelling,
    or by CP-SAT: through the minutes rule, or with labelling made to refuse every problem."""
    if pricing == "unsupported":
        monkeypatch.setattr(labelling, "supports", lambda problem: False)
    g = generation(tiny(minutes=pricing == "minutes", **kw))  # type: ignore[arg-type]
    assert all(bool(cls.cells_of) == (pricing == "labelling") for cls in g.classes)
    return g


def column_bounds(g: ColumnGeneration) -> dict[tuple[str, ...], float]:
    """Each column's upper bound in the master (by its cells; one class here)."""
    (cls,) = [cls for cls in g.classes if "P1" in cls.ids]
    return {cells: var.ub() for var, cells in cls.column_vars}


def aux_bounds(g: ColumnGeneration) -> tuple[tuple[float, ...], tuple[float, ...]]:
    """W3's max and min in the master: (lower, upper, variable's lb, variable's ub) each."""
    high, low = g.master.spreads[W3]
    return ((high.lower, high.upper, high.var.lb(), high.var.ub()),
            (low.lower, low.upper, low.var.lb(), low.var.ub()))


def pricing_domain(g: ColumnGeneration) -> list[int]:
    """The CP-SAT pricing model's constraint on P1's class's W3 count, as a domain on its
    variable part: the tally is 1 - work(day 0), its constant 1 (OFF on a day not leave)."""
    (cls,) = [cls for cls in g.classes if "P1" in cls.ids]
    index, constant = cls.spread_constraint[W3]
    assert constant == 1
    return list(cls.ctx.model.proto.constraints[index].linear.domain)


def assert_root_in_force(g: ColumnGeneration) -> None:
    """No branching in force: every column in, W3's max and min free in [0, 1], no counter
    in labelling, the CP-SAT pricing's count in [0, 1] (domain [0 - 1, 1 - 1])."""
    assert g.boxes == {}
    assert all(ub == math.inf for ub in column_bounds(g).values())
    assert aux_bounds(g) == ((0, 1, 0, 1), (0, 1, 0, 1))
    for cls in g.classes:
        if cls.cells_of:
            assert cls.counters == ()
    if not g.classes[0].cells_of:
        assert pricing_domain(g) == [-1, 0]


# --- branching on the tiny problem -----------------------------------------------------------

@pytest.mark.parametrize("pricing", PRICINGS)
def test_branching_raises_the_root_bound_to_the_optimum(
        pricing: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Root LP 0, then branch() proves 7 after the 5 nodes worked out above (the same priced
    by labelling or by CP-SAT), remembers D's boxes, and ends with the root in force again:
    every column back in, W3's max and min back to [0, 1], the master's LP 0 again."""
    g = priced(pricing, monkeypatch)
    assert g.lp_value == ROOT_LP
    assert g.best == ROOT_LP
    assert set(column_bounds(g)) == {REST_OFF, REST_WORKED}
    assert g.branch(Budget(GENEROUS), incumbent=math.inf) == OPTIMUM
    assert g.nodes == NODES
    assert g.best_boxes == BEST_BOXES
    assert_root_in_force(g)
    assert g.lp_value == ROOT_LP
    g.restrict({})  # (the CP-SAT pricing once failed here: slice assignment on the proto)
    assert_root_in_force(g)


def test_node_lps_start_warm_and_the_root_is_solved_cold_again(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """branch() solves the node LPs with colgen.WARM_OPTIONS (no scaling, no presolve: from
    the last basis) and the root's again, at its end, with GLOP's defaults (""), which stay
    in force for what follows (the dives). Of the tiny problem's 5 nodes the root's LP is
    solved already: its 4 descendants take 4 solves, warm, then the root's, cold; the bound is
    the same 7."""
    g = generation(tiny())
    assert g.master.options == ""
    seen: list[str] = []
    solve = colgen._Master.solve

    def spy(master: colgen._Master) -> object:
        seen.append(master.options)
        return solve(master)

    monkeypatch.setattr(colgen._Master, "solve", spy)
    assert g.branch(Budget(GENEROUS), incumbent=math.inf) == OPTIMUM
    assert seen == [colgen.WARM_OPTIONS] * (NODES - 1) + [""]
    assert g.master.options == ""
    assert colgen.WARM_OPTIONS == "use_scaling: false use_preprocessing: false"


@pytest.mark.parametrize(("elapsed", "rose", "stalled"), [
    (5.9, 0.0, False),  # under BRANCH_STALL_SECONDS (6): never
    (6.0, 0.0, True),  # 6 s with no rise: 6 > 2 * 0
    (6.0, 2.9, True), (6.0, 3.0, False),  # 6 > 2 * 2.9 = 5.8; 6 > 2 * 3 = 6 is not
    (10.0, 4.9, True), (10.0, 5.0, False),  # 10 > 9.8; 10 > 10 is not
])
def test_branching_stalls_at_twice_the_time_of_its_last_rise(
        elapsed: float, rose: float, stalled: bool) -> None:
    assert (colgen.BRANCH_STALL_SECONDS, colgen.BRANCH_STALL_RATIO) == (6.0, 2.0)
    assert colgen.branch_stalled(elapsed, rose) is stalled


def test_stalled_branching_stops_with_the_open_nodes_at_their_parents_bound(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Made to stall at once (BRANCH_STALL_SECONDS 0), on a deterministic budget (only work
    counts): after the root (nothing spent yet, so not stalled: 0 > 2 * 0 is false) A is
    solved (LP 100, closed), which spends some; before B the bound has not risen (min(100,
    B's parent 0) = 0): branching stops with 2 nodes, the bound the root's 0 (B open at its
    parent's), the best boxes the root's, the root in force."""
    monkeypatch.setattr(colgen, "BRANCH_STALL_SECONDS", 0.0)
    g = generation(tiny())
    assert g.branch(Budget(GENEROUS, deterministic=True), incumbent=math.inf) == ROOT_LP
    assert g.nodes == 2
    assert g.best_boxes == {}
    assert_root_in_force(g)


def test_branching_times_its_bound_from_its_last_rise(monkeypatch: pytest.MonkeyPatch) -> None:
    """branch() asks branch_stalled before each node after the root, with the time since it
    began and the time of the bound's last rise. On the tiny problem (deterministic budget):
    before A and B the bound is still the root's 0 (rose 0); before C it has risen to
    ceil(3.5) = 4 (B's LP; A closed at 100), so rose is that check's elapsed time; before D it
    is still 4 (D's parent bound 3.5), rose unchanged. Never stalled here: 5 nodes, bound 7."""
    checks: list[tuple[float, float]] = []
    stalled = colgen.branch_stalled

    def spy(elapsed: float, rose: float) -> bool:
        checks.append((elapsed, rose))
        return stalled(elapsed, rose)

    monkeypatch.setattr(colgen, "branch_stalled", spy)
    g = generation(tiny())
    assert g.branch(Budget(GENEROUS, deterministic=True), incumbent=math.inf) == OPTIMUM
    assert g.nodes == NODES
    assert len(checks) == NODES - 1  # before A, B, C and D
    elapsed = [e for e, _ in checks]
    assert elapsed[0] == 0.0 and elapsed == sorted(set(elapsed))  # (work before each node)
    assert [r for _, r in checks] == [0.0, 0.0, elapsed[2], elapsed[2]]


def test_an_exhausted_budget_gives_the_root_bound() -> None:
    """With no time at all, only the root (solved already) counts: its children stay open
    at the root's bound 0, and the dives would start from the root (no boxes)."""
    g = generation(tiny())
    assert g.branch(Budget(0)) == ROOT_LP
    assert g.nodes == 1
    assert g.best_boxes == {}
    assert_root_in_force(g)


def test_branch_cut_short_in_the_first_child_restores_the_root() -> None:
    """A deterministic budget of 0.01 runs out inside the first child, A (max <= 0): one
    labelling round (LABEL_WORK 0.001) and a master solve (MASTER_WORK 0.03). The bound is
    still the root's 0 (A is closed at what it reached, B open at 0), from the root's boxes;
    the root is in force again."""
    g = generation(tiny())
    assert g.branch(Budget(0.01, deterministic=True)) == ROOT_LP
    assert g.nodes == 1
    assert g.best_boxes == {}
    assert_root_in_force(g)


@pytest.mark.parametrize("pricing", PRICINGS[:2])
def test_restrict_puts_a_box_in_force_and_restrict_nothing_undoes_it(
        pricing: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Node C's box (every W3 count 1, so max >= 1 and min <= 1 too): REST_WORKED (count 0)
    leaves the LP (ub 0), REST_OFF stays (ub inf); W3's max and min are both fixed at 1;
    labelling gets a counter of OFF on day 0 within [1, 1], CP-SAT's count constraint becomes
    1 - work(day 0) in [1, 1], i.e. -work(day 0) in [0, 0]. The LP: everyone off on day 0,
    day 0 short by 1: 100. Node B's box (max >= 1 only) keeps every column and fixes the max
    at 1: LP 7 * (1 - 1/2) = 3.5. restrict({}) undoes both: LP 0 again."""
    g = priced(pricing, monkeypatch)
    g.restrict({W3: SpreadBox(1, 1, 1, 1)})
    assert g.boxes == {W3: SpreadBox(1, 1, 1, 1)}
    assert column_bounds(g) == {REST_OFF: math.inf, REST_WORKED: 0.0}
    assert aux_bounds(g) == ((1, 1, 1, 1), (1, 1, 1, 1))
    if pricing == "labelling":
        assert g.classes[0].counters == (Counter((0,), frozenset([OFF]), 1, 1),)
    else:
        assert pricing_domain(g) == [0, 0]
    assert g._converge(Budget(GENEROUS), changed=True) == (UNDER, True)
    assert g.lp_value == UNDER

    g.restrict({W3: replace_box(max_at_least=1)})
    assert column_bounds(g) == {REST_OFF: math.inf, REST_WORKED: math.inf}
    assert aux_bounds(g) == ((1, 1, 1, 1), (0, 1, 0, 1))
    assert g._converge(Budget(GENEROUS), changed=True) == (FAIR / 2, True)
    assert g.lp_value == FAIR / 2

    g.restrict({})
    assert_root_in_force(g)
    assert g._converge(Budget(GENEROUS), changed=True) == (ROOT_LP, True)
    assert g.lp_value == ROOT_LP


# --- nodes nobody can keep -------------------------------------------------------------------

# With P3 fixed OFF on the rest day, P3's W3 count is 1 whatever happens. The root LP: P3
# covers day 1; P1 and P2 must cover day 0 (else 100), so their counts sum to at most 1: the
# max is at least 1 (P3), the min at most 1/2: 7 * (1 - 1/2) = 3.5. Split on the min:
#   min >= 1: P1 and P2 both off on day 0, day 0 short: 100;
#   min <= 0: 7 * (1 - 0) = 7 (one of them works day 0): the optimum.
# 3 nodes.
FIXED_P3 = {("P3", 0): OFF}
FIXED_ROOT = FAIR / 2
FIXED_BEST = {W3: SpreadBox(low=0, high=1, max_at_least=0, min_at_most=0)}
#: a box P3 can't keep (count 0)
NOBODY = {W3: SpreadBox(0, 0, 0, 0)}


@pytest.mark.parametrize("pricing", PRICINGS[:2])
def test_a_box_someone_cannot_keep_raises_no_column(
        pricing: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every W3 count 0: P1 and P2 still have REST_WORKED, but P3 (count 1 for good) has no
    column: pricing P3 finds none (labelling: no sequence meets the counter; CP-SAT: the
    pricing model is infeasible), so converging raises NoColumn naming P3, and dives under
    that box give no roster."""
    g = priced(pricing, monkeypatch, people=THREE, fixed=FIXED_P3)
    assert [cls.ids for cls in g.classes] == [["P1", "P2"], ["P3"]]
    assert g.lp_value == FIXED_ROOT
    g.restrict(NOBODY)
    assert column_bounds(g) == {REST_OFF: 0.0, REST_WORKED: math.inf}
    assert [var.ub() for var, _ in g.classes[1].column_vars] == [0.0]  # P3's REST_OFF
    with pytest.raises(NoColumn, match="P3"):
        g._converge(Budget(GENEROUS), changed=True)
    assert g.dives(Budget(GENEROUS)) is None


def test_branch_skips_a_child_nobody_can_keep() -> None:
    """branch() on the P3 problem proves 7 in 3 nodes. A child whose box someone can't keep
    does not come out of _split (a class's average count in the parent's LP lies between the
    counts of columns it uses, all inside the parent's box, so each child keeps one of them);
    given one anyway, first in line, branch() drops it (NoColumn: no roster there), does not
    count it as solved and still proves 7 in 3 nodes from the same best boxes."""
    g = generation(tiny(THREE, fixed=FIXED_P3))
    assert g.branch(Budget(GENEROUS)) == OPTIMUM
    assert (g.nodes, g.best_boxes) == (3, FIXED_BEST)

    g = generation(tiny(THREE, fixed=FIXED_P3))
    split = g._split
    solved: list[dict[int, SpreadBox]] = []

    def with_nobody(node: dict[int, SpreadBox]) -> tuple[dict[int, SpreadBox], ...] | None:
        solved.append(node)
        children = split(node)
        return (NOBODY, *children) if not node and children else children

    g._split = with_nobody  # type: ignore[method-assign]
    assert g.branch(Budget(GENEROUS)) == OPTIMUM
    assert (g.nodes, g.best_boxes) == (3, FIXED_BEST)
    assert solved == [{}, {W3: SpreadBox(1, 1, 0, 1)}, FIXED_BEST]
    assert_root_in_force(g)


def test_branch_past_children_with_no_roster_under_a_hard_cover() -> None:
    """With hard cover minimums, children A (everyone works day 0) and C (everyone off on it)
    have no roster: their LP pays the artificial shortfall of the day left uncovered,
    1,000,000. branch() closes them at that bound and still proves 7 in 5 nodes."""
    g = generation(tiny(hard=True))
    assert g.lp_value == ROOT_LP
    g.restrict({W3: replace_box(high=0)})  # A
    assert g._converge(Budget(GENEROUS), changed=True) == (1_000_000, True)

    g = generation(tiny(hard=True))
    assert g.branch(Budget(GENEROUS)) == OPTIMUM
    assert (g.nodes, g.best_boxes) == (NODES, BEST_BOXES)
    assert_root_in_force(g)


# --- the sample's outbound center ------------------------------------------------------------

@pytest.mark.slow
def test_sample_outbound_branching_proves_the_dived_roster_optimal() -> None:
    """The outbound center (40 people, 31 days, W3 its only spread, weight 5): root LP 20.5;
    branching raises the bound to 25; dives under the best boxes find a roster of 25 with no
    violation (W3 5 * spread 2, and five W4 terms of 3): proven optimal. The roster's W3
    counts are inside the best boxes: every count in [low, high], the max at least
    max_at_least, the min at most min_at_most."""
    problem = compile_scenario(load_scenario(SAMPLE))[1].problem
    assert problem.name == "OUT"
    g = ColumnGeneration(problem, workers=2)
    found = g.run(Budget(60))
    assert found is not None and found.converged
    assert found.lp == pytest.approx(20.5, abs=TOLERANCE)
    assert g.branch(Budget(60), incumbent=math.inf) == pytest.approx(25, abs=TOLERANCE)
    assert g.nodes > 1
    assert g.boxes == {}
    assert g.lp_value == pytest.approx(20.5, abs=TOLERANCE)
    ((j, box),) = g.best_boxes.items()
    link = g.links[j]
    assert isinstance(link, Spread) and link.weight == 5

    g.restrict(g.best_boxes)
    roster = g.dives(Budget(30), target=25)
    assert roster is not None
    report = check_roster(problem, roster)
    assert report.violations == []
    assert report.objective == 25
    counts = [tally.count(roster[tally.person]) for tally in link.tallies]
    assert all(box.low <= n <= box.high for n in counts)
    assert max(counts) >= box.max_at_least and min(counts) <= box.min_at_most


# --- solve() and solve_many() ----------------------------------------------------------------

def test_solve_proves_the_tiny_optimum_in_the_column_phase() -> None:
    """At 20 s (at least column_short_seconds, 19) the column phase branches: its bound 7 (from
    branching; the root's is 0) meets the dived roster's 7, so solve() ends right there,
    OPTIMAL with bound exactly 7.0, without a CP-SAT search (no solution counted).

    Progress lines, each with the best roster known: the root's bound 0 with the first roster
    (100: both people off on the same day leaves the other day short); branching's bound as it
    rises past a whole number, rounded up: after node B (3.5, the least open node) 4; then the
    phase's line, the dived roster 7 with the bound 7 (the tree closed at node D)."""
    assert SolveSettings().column_short_seconds == 19.0
    lines: list[tuple[str, float, float, float]] = []
    result = solve(tiny(), SolveSettings(time_limit=20, workers=2),
                   progress=lambda *line: lines.append(line))
    assert (result.status, result.objective, result.bound) == ("OPTIMAL", OPTIMUM, 7.0)
    assert result.num_solutions == 0
    assert result.report.violations == []
    assert [(name, objective, bound) for name, _, objective, bound in lines] == [
        ("tiny", 100, ROOT_LP), ("tiny", 100, 4.0), ("tiny", OPTIMUM, 7.0)]


def test_solve_without_time_to_branch_keeps_the_root_bound() -> None:
    """The same at 20 s, but branching needs more of the phase than is left after the bound
    (column_branch_min_seconds 1,000 against about 10 s): the phase's bound is the root's 0,
    its dives from the root find the optimum 7 all the same: the progress lines are the
    root's bound (0, with the first roster's 100) and the phase's (7, bound still 0); the
    search after it proves 7."""
    lines: list[tuple[str, float, float, float]] = []
    result = solve(tiny(), SolveSettings(time_limit=20, workers=2,
                                         column_branch_min_seconds=1000),
                   progress=lambda *line: lines.append(line))
    assert (result.status, result.objective) == ("OPTIMAL", OPTIMUM)
    assert [(name, objective, bound) for name, _, objective, bound in lines[:2]] == [
        ("tiny", 100, ROOT_LP), ("tiny", OPTIMUM, ROOT_LP)]


def spy_on_dives(monkeypatch: pytest.MonkeyPatch, *, levelled_give_nothing: bool = False
                 ) -> tuple[list[tuple[colgen.Boxes, object, bool]], list[float]]:
    """Every call of ColumnGeneration.dives from now on: the boxes in force, its window and
    level; and its budget's amount. ``levelled_give_nothing``: levelled dives under boxes end
    at once with nothing."""
    calls: list[tuple[colgen.Boxes, object, bool]] = []
    amounts: list[float] = []
    dives = ColumnGeneration.dives

    def spy(self: ColumnGeneration, budget: Budget, **kw: object) -> object:
        calls.append((dict(self.boxes), kw.get("window"), bool(kw.get("level"))))
        amounts.append(budget.amount)
        if levelled_give_nothing and kw.get("level") and self.boxes:
            return None
        return dives(self, budget, **kw)  # type: ignore[arg-type]
    monkeypatch.setattr(ColumnGeneration, "dives", spy)
    return calls, amounts


@pytest.mark.parametrize(("branch_min", "boxes", "window"), [
    (8.0, BEST_BOXES, solve_module.DIVE_WINDOW),  # branching: under its best boxes, window 1
    (1000.0, {}, 0),  # no time to branch: from the root, window 0
])
def test_the_phase_dives_levelled_with_or_without_branching(
        monkeypatch: pytest.MonkeyPatch, branch_min: float, boxes: colgen.Boxes,
        window: int) -> None:
    """At 20 s the phase's dives always level the spreads the LP evens out (``level``): after
    branching (the default column_branch_min_seconds, 8) under the best node's boxes with the
    window DIVE_WINDOW around its LP; without it (column_branch_min_seconds 1,000) from the
    root with the window 0 (their phase leaves at least LEVEL_MIN_SECONDS). One call each,
    and the optimum 7 either way."""
    calls, _ = spy_on_dives(monkeypatch)
    result = solve(tiny(), SolveSettings(time_limit=20, workers=2,
                                         column_branch_min_seconds=branch_min))
    assert (result.status, result.objective) == ("OPTIMAL", OPTIMUM)
    assert calls == [(boxes, window, True)]


@pytest.mark.parametrize(("branch_min", "rounds"), [
    (8.0, 30),  # after branching: solve.BRANCHED_DIVE_ROUNDS
    (1000.0, 10),  # from the root: colgen.DIVE_ROUNDS
])
def test_each_dive_gets_30_rounds_a_step_after_branching_and_10_from_the_root(
        monkeypatch: pytest.MonkeyPatch, branch_min: float, rounds: int) -> None:
    """The cap on pricing rounds per fixing step that each dive of the phase is given (by
    dives()): 30 after branching, 10 from the root (the tiny problem at 20 s, as above).
    Every dive of a run gets the same cap."""
    assert (solve_module.BRANCHED_DIVE_ROUNDS, colgen.DIVE_ROUNDS) == (30, 10)
    seen: list[int] = []
    dive = ColumnGeneration.dive

    def spy(self: ColumnGeneration, budget: Budget, **kw: object) -> object:
        seen.append(int(kw["rounds_per_step"]))  # type: ignore[call-overload]
        return dive(self, budget, **kw)  # type: ignore[arg-type]

    monkeypatch.setattr(ColumnGeneration, "dive", spy)
    result = solve(tiny(), SolveSettings(time_limit=20, workers=2,
                                         column_branch_min_seconds=branch_min))
    assert (result.status, result.objective) == ("OPTIMAL", OPTIMUM)
    assert seen and set(seen) == {rounds}


def test_levelled_dives_that_end_early_leave_the_phase_to_dives_not_levelled(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """The levelled dives after branching get at most LEVELLED_DIVE_SECONDS (made 4 s of a
    phase of about 10 s), and made to end at once with nothing: the rest of the phase (more
    than 4 s; at least LEVEL_MIN_SECONDS) goes to dives in the same window not levelled,
    under the same boxes, which find the optimum 7 (the bound: nothing is left to search).
    Without the time (LEVEL_MIN_SECONDS above the phase) there is no second call, the dives
    from the root run instead, and the search proves 7."""
    monkeypatch.setattr(solve_module, "LEVELLED_DIVE_SECONDS", 4.0)
    calls, amounts = spy_on_dives(monkeypatch, levelled_give_nothing=True)
    result = solve(tiny(), SolveSettings(time_limit=20, workers=2))
    assert (result.status, result.objective) == ("OPTIMAL", OPTIMUM)
    window = solve_module.DIVE_WINDOW
    assert calls == [(BEST_BOXES, window, True), (BEST_BOXES, window, False)]
    assert amounts[0] == 4.0 and amounts[1] > 4.0

    calls.clear()
    monkeypatch.setattr(solve_module, "LEVEL_MIN_SECONDS", 1000.0)
    result = solve(tiny(), SolveSettings(time_limit=20, workers=2))
    assert (result.status, result.objective) == ("OPTIMAL", OPTIMUM)
    assert calls == [(BEST_BOXES, window, True), ({}, None, False)]


@pytest.mark.parametrize(("limit", "share"), [
    (2.4, 0.0),  # under column_min_seconds (2.5): no phase
    (2.5, 0.8), (10, 0.8), (18.9, 0.8),  # under column_short_seconds (19): column_short_share
    (19, 0.85), (60, 0.85),  # column_share
])
def test_the_column_phase_share_of_the_time_limit(limit: float, share: float) -> None:
    assert _column_share(SolveSettings(time_limit=limit)) == share
    assert _column_share(SolveSettings(time_limit=limit, column_share=0)) == 0.0


def test_a_short_limit_gives_the_phase_more_and_no_branching(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """At 10 s (under column_short_seconds) the bound gets the phase's 0.8 of what the solve
    has left when the phase starts (after its first roster) and gives up as too slow only
    when fewer than COLUMN_ROUNDS_SHORT rounds would fit (at 20 s: 0.85 of it and
    COLUMN_ROUNDS), and the phase does not branch although its 8 s is far more than
    column_branch_min_seconds asks for: its bound stays the root's 0 and its dives from the
    root find the optimum 7, as in the test above; at 20 s it branches (bound 4, then 7).
    Deterministic budgets: what is left does not move while it is read."""
    amounts: list[tuple[float, int]] = []
    lefts: list[float] = []
    run = ColumnGeneration.run
    phase = solve_module._column_phase

    def recorded(self: ColumnGeneration, budget: Budget, **kw: int) -> object:
        amounts.append((budget.amount, kw["min_rounds"]))
        return run(self, budget, **kw)

    def phase_recorded(problem: Problem, settings: SolveSettings, budget: Budget,
                       *args: object) -> object:
        lefts.append(budget.left)
        return phase(problem, settings, budget, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(ColumnGeneration, "run", recorded)
    monkeypatch.setattr(solve_module, "_column_phase", phase_recorded)
    for limit, bounds in ((10, [ROOT_LP, ROOT_LP]), (20, [ROOT_LP, 4.0, 7.0])):
        lines: list[tuple[str, float, float, float]] = []
        result = solve(tiny(), SolveSettings(time_limit=limit, workers=2, deterministic=True),
                       progress=lambda *line, seen=lines: seen.append(line))
        assert (result.status, result.objective) == ("OPTIMAL", OPTIMUM)
        assert [bound for *_, bound in lines[:len(bounds)]] == bounds
    assert 9 < lefts[0] <= 10 and 19 < lefts[1] <= 20  # (the first roster takes a little)
    assert amounts == [(lefts[0] * 0.8, COLUMN_ROUNDS_SHORT), (lefts[1] * 0.85, COLUMN_ROUNDS)]
    assert (COLUMN_ROUNDS_SHORT, COLUMN_ROUNDS) == (20, 40)


def test_solve_many_solves_the_smallest_first_and_answers_in_input_order() -> None:
    """Three tiny problems of 4, 2 and 3 people (sizes 8, 4, 6 person-days), given in that
    order on 2 workers (one at a time): the progress lines come from the smallest first
    (two, three, four), the results in the order given. Each one's optimum is 7 (everyone
    off on the rest day or everyone working it leaves a day short: 100)."""
    problems = [tiny(("P1", "P2", "P3", "P4"), name="four"), tiny(TWO, name="two"),
                tiny(THREE, name="three")]
    names: list[str] = []
    results = solve_many(problems, SolveSettings(time_limit=3, workers=2),
                         progress=lambda name, *_: names.append(name))
    assert list(dict.fromkeys(names)) == ["two", "three", "four"]
    assert [r.name for r in results] == ["four", "two", "three"]
    assert [r.objective for r in results] == [OPTIMUM] * 3


# --- pieces of the master --------------------------------------------------------------------

def test_lower_bounds_and_restore_undo_one_fixing_step() -> None:
    """The root LP takes each column once (x = 1 and 1: day 0 needs REST_WORKED, day 1
    REST_OFF, and the class has 2 people). An earlier step fixed REST_OFF (lb 1); the next
    fix_integral fixes REST_WORKED too and leaves no class open; restore() of the bounds saved
    before that step gives back REST_OFF alone (1 of the class's 2 people fixed), and of the
    bounds saved before everything, nothing fixed."""
    g = generation(tiny())
    master = g.master
    (cls,) = g.classes
    start = master.lower_bounds()
    assert [(var, lb) for var, lb in start] == [(var, 0.0) for var, _ in cls.column_vars]
    column = {cells: var for var, cells in cls.column_vars}
    assert [column[c].solution_value() for c in (REST_OFF, REST_WORKED)] == [1.0, 1.0]

    column[REST_OFF].SetLb(1)
    assert master.solve() is not None
    saved = master.lower_bounds()
    assert master.fix_integral(extras=0) == []
    assert {c: column[c].lb() for c in column} == {REST_OFF: 1.0, REST_WORKED: 1.0}
    assert master.fixed_roster() == {"P1": list(REST_OFF), "P2": list(REST_WORKED)}

    master.restore(saved)
    assert {c: column[c].lb() for c in column} == {REST_OFF: 1.0, REST_WORKED: 0.0}
    assert cls.fixed == 1
    master.restore(start)
    assert cls.fixed == 0


def test_lagrangian_prices_the_spread_at_its_branching_bounds() -> None:
    """The Lagrangian bound counts each of W3's max and min at its cheapest bound under the
    prices: reduced cost * lower if positive, * upper if negative. All prices 0 (the cover
    rows and link rows then add nothing; a class's least reduced cost taken as 0): the max
    (cost 7) at 0 and the min (cost -7) at 1: -7. With the max in [1, 2] (a branching's
    max >= 1): 7 * 1 - 7 = 0. With a price of -5 on the max's row (max's coefficient there
    -2): its reduced cost 7 - (-5) * (-2) = -3 < 0 counts at the upper bound: -3 * 2 - 7 =
    -13, not -3 * 1 - 7."""
    g = generation(tiny())
    master = g.master
    high, low = master.spreads[W3]
    assert (high.cost, high.coefficients, low.cost, low.coefficients) == (
        FAIR, {0: -2}, -FAIR, {1: -2})
    zeros = [0.0, 0.0]  # per cover row, and per link row (the max's, the min's)
    assert master.lagrangian(zeros, zeros, zeros, [0.0]) == -FAIR
    high.bound(1, 2)
    assert master.lagrangian(zeros, zeros, zeros, [0.0]) == 0.0
    assert master.lagrangian(zeros, zeros, [-5.0, 0.0], [0.0]) == -3 * 2 - FAIR
    low.bound(0, 0)  # a branching's min <= 0: the min's negative reduced cost counts 0
    assert master.lagrangian(zeros, zeros, zeros, [0.0]) == FAIR


def test_dives_in_a_window_keep_it_and_give_the_boxes_back() -> None:
    """dives(window=0) narrows W3 to the LP's min and max rounded out: at the root both are 1/2
    (see ROOT_LP), so the window is [floor(1/2) - 0, ceil(1/2) + 0] = [0, 1], W3's whole
    range: the dive still finds the optimum, one person off on the rest day (7). Under node
    B's box (max >= 1) the window is taken from B's LP and B's box is in force again after."""
    g = generation(tiny())
    roster = g.dives(Budget(GENEROUS), window=0)
    assert roster is not None
    assert check_roster(g.problem, roster).objective == OPTIMUM
    assert g.boxes == {}
    box_b = replace_box(max_at_least=1)
    g.restrict({W3: box_b})
    roster = g.dives(Budget(GENEROUS), window=0)
    assert roster is not None
    assert check_roster(g.problem, roster).objective == OPTIMUM
    assert g.boxes == {W3: box_b}


def test_dives_with_no_time_to_converge_dive_from_the_lp_as_it_is(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """With DIVE_CONVERGE_SHARE 0 the LP under node B's box and then under the window gets no
    pricing round before diving (a dives' budget spent converging would leave no dive): the
    dives start from the master re-solved with the columns it has (the root's two, which B's
    box keeps, max >= 1 asking only that someone is off on the rest day): it takes each whole,
    the optimum 7; B's box is in force again after."""
    g = generation(tiny())
    box_b = replace_box(max_at_least=1)
    g.restrict({W3: box_b})
    monkeypatch.setattr(colgen, "DIVE_CONVERGE_SHARE", 0.0)
    rounds = g.rounds
    roster = g.dives(Budget(GENEROUS), window=0)
    assert roster is not None
    assert check_roster(g.problem, roster).objective == OPTIMUM
    assert g.boxes == {W3: box_b}
    assert g.rounds == rounds  # no pricing: the LP under B already takes whole columns


def test_the_first_dive_may_run_past_the_budget_by_the_grace() -> None:
    """A deterministic budget of 0.01 is spent by the dive's first master solve (MASTER_WORK
    0.03), so with no grace the dive is cut short and dives give nothing. With a grace of
    GENEROUS the first dive ends: the optimum 7 (target 7 stops the dives there), and the
    budget shows the overrun (spent > 0.01)."""
    g = generation(tiny())
    assert g.dives(Budget(0.01, deterministic=True)) is None
    budget = Budget(0.01, deterministic=True)
    roster = g.dives(budget, target=OPTIMUM, grace=GENEROUS)
    assert roster is not None
    assert check_roster(g.problem, roster).objective == OPTIMUM
    assert budget.spent >= colgen.MASTER_WORK > budget.amount


def test_the_dive_grace_is_a_share_of_what_the_phase_leaves_the_search() -> None:
    """A solve's budget of 10 with 2 spent and dives given 3: the search would have
    10 - 2 - 3 = 5 after them, and the first dive may take column_dive_grace_share 0.5 of it:
    2.5 (none if the dives' budget is all the solve has left)."""
    budget = Budget(10, deterministic=True)
    budget.spend(2)
    settings = SolveSettings()
    assert settings.column_dive_grace_share == 0.5
    assert _dive_grace(settings, budget, Budget(3, deterministic=True)) == 2.5
    assert _dive_grace(settings, budget, Budget(8, deterministic=True)) == 0.0


# --- when no dive ends: the LP rounded, mended -----------------------------------------------

def test_the_lp_rounded_takes_whole_parts_then_the_largest_fractions() -> None:
    """At the root the LP takes each column once: one person each. With x(REST_OFF) held at
    0.3 (so x(REST_WORKED) = 1.7), the whole part gives REST_WORKED to one person and the larger
    fraction (0.7 against 0.3) REST_WORKED to the other; taking the largest values first
    would have given one of each. Held at 1.3, the whole part is REST_OFF and the larger
    fraction REST_WORKED's 0.7."""
    g = generation(tiny())
    (cls,) = g.classes
    column = {cells: var for var, cells in cls.column_vars}

    def rounded() -> list[tuple[str, ...]]:
        roster = g.rounded()
        assert roster is not None and set(roster) == set(TWO)
        return sorted(tuple(cells) for cells in roster.values())

    assert rounded() == sorted([REST_OFF, REST_WORKED])
    held = g.master.lp.Constraint(0.3, 0.3)
    held.SetCoefficient(column[REST_OFF], 1)
    assert rounded() == [REST_WORKED, REST_WORKED]
    assert column[REST_WORKED].solution_value() == pytest.approx(1.7)
    held.SetBounds(1.3, 1.3)
    assert rounded() == sorted([REST_OFF, REST_WORKED])


def test_a_dive_cut_short_leaves_the_lp_rounded() -> None:
    """A deterministic budget of 0.01 is spent by the dive's first master solve (MASTER_WORK
    0.03): no dive ends, and ``cut`` keeps the master's LP rounded as the dive left it (no
    fixing yet: the root's, one person each, the optimum 7)."""
    g = generation(tiny())
    assert g.cut is None
    assert g.dives(Budget(0.01, deterministic=True)) is None
    assert g.cut is not None
    assert sorted(tuple(cells) for cells in g.cut.values()) == sorted([REST_OFF, REST_WORKED])
    assert check_roster(g.problem, g.cut).objective == OPTIMUM


def five_days(fixed: dict[tuple[str, int], str] | None = None) -> Problem:
    """P1 and P2 over five days, one shift D: each exactly one day off, at least one of them on
    D every day (a hard minimum); nothing soft, so every roster that keeps the rules costs 0."""
    rules: list[Rule] = [
        OneShiftPerDay(), FixedCells(), DaysOffQuota(dict.fromkeys(TWO, (1, 1))),
        Cover([CoverRequirement(d, "D", TWO, 1) for d in range(5)]),
    ]
    return Problem(name="five", days=tuple(Day(d, weekday=d) for d in range(5)), shifts=(D,),
                   people=tuple(Person(p) for p in TWO), rules=tuple(rules),
                   fixed=dict(fixed or {}))


BOTH_OFF_ON_DAY_2 = {"P1": ["D", "D", OFF, "D", "D"], "P2": ["D", "D", OFF, "D", "D"]}


def test_mend_re_solves_the_days_around_a_broken_rule_and_keeps_the_rest() -> None:
    """Both off on day 2 leaves it short (R7 on day 2). MEND_REACHES' first reach, 1, frees
    days 1-3: one of them takes the day off on day 1 or 3 instead; days 0 and 4 stay D."""
    problem = five_days()
    assert [v.days for v in check_roster(problem, BOTH_OFF_ON_DAY_2).violations] == [(2,)]
    assert lns.MEND_REACHES[0] == 1
    mended = lns.mend(build_model(problem), BOTH_OFF_ON_DAY_2, Budget(GENEROUS))
    assert mended is not None
    roster, objective = mended
    assert objective == 0
    assert check_roster(problem, roster).violations == []
    assert [roster[p][d] for p in TWO for d in (0, 4)] == ["D"] * 4
    assert sorted(roster[p][2] for p in TWO) == ["D", OFF]


def test_mend_widens_its_reach_when_the_nearest_days_have_no_roster() -> None:
    """The same with both fixed on D on days 1 and 3: within reach 1 (days 1-3) whoever works
    day 2 has no other day off; reach 3 frees every day, and that person is off on day 0 or
    4 instead."""
    fixed = {(p, d): "D" for p in TWO for d in (1, 3)}
    problem = five_days(fixed)
    assert lns.MEND_REACHES[:2] == (1, 3)
    mended = lns.mend(build_model(problem), BOTH_OFF_ON_DAY_2, Budget(GENEROUS))
    assert mended is not None
    roster, objective = mended
    assert objective == 0
    assert check_roster(problem, roster).violations == []
    assert sorted(roster[p][2] for p in TWO) == ["D", OFF]
    assert sorted(roster[p][d] for p in TWO for d in (0, 4)) == ["D", "D", "D", OFF]


def test_with_no_dive_ended_the_lp_rounded_and_mended_is_the_start(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Dives that end nothing (made to): the column phase gives the root's LP rounded (one
    person each, 7) as a guide; mended (it keeps every rule already) it replaces the first
    roster (100) as the start, the phase's progress line shows it, and the search proves it."""
    monkeypatch.setattr(ColumnGeneration, "dives", lambda self, *args, **kw: None)
    lines: list[tuple[str, float, float, float]] = []
    result = solve(tiny(), SolveSettings(time_limit=10, workers=2),
                   progress=lambda *line: lines.append(line))
    assert (result.status, result.objective) == ("OPTIMAL", OPTIMUM)
    assert [(name, objective, bound) for name, _, objective, bound in lines[:2]] == [
        ("tiny", 100, ROOT_LP), ("tiny", OPTIMUM, ROOT_LP)]


def test_mend_gives_nothing_for_a_broken_rule_with_no_day() -> None:
    """P1 off on days 1 and 2 breaks the quota of exactly one day off (R4), a rule about the
    month with no day of its own: no days to re-solve around, so no mended roster (the solve
    keeps its start). A roster that breaks nothing comes back as it is, with its objective."""
    problem = five_days()
    two_off = {"P1": ["D", OFF, OFF, "D", "D"], "P2": ["D", "D", "D", "D", OFF]}
    assert [(v.rule_id, v.days) for v in check_roster(problem, two_off).violations] == [
        ("R4", ())]
    assert lns.mend(build_model(problem), two_off, Budget(GENEROUS)) is None
    fine = {"P1": ["D", OFF, "D", "D", "D"], "P2": ["D", "D", "D", "D", OFF]}
    assert lns.mend(build_model(problem), fine, Budget(GENEROUS)) == (fine, 0)


# --- dives without branching: levelled windows and projected columns --------------------------

def test_a_levelled_window_keeps_an_evened_spread_at_its_nearest_whole_count() -> None:
    """At the root W3's max and min are both 1/2 (ROOT_LP): the plain window 0 is [floor(1/2),
    ceil(1/2)] = [0, 1], W3's whole range, so no box; levelled, with or without a window, the
    count nearest 1/2 (half up) for everyone: [1, 1]. Under node B's box a window narrows
    nothing either: B's box stays as it is."""
    g = generation(tiny())
    assert g._windows(0) == {}
    assert g._windows(None) == {}
    assert g._windows(0, level=True) == {W3: replace_box(low=1, high=1)}
    assert g._windows(None, level=True) == {W3: replace_box(low=1, high=1)}
    box_b = replace_box(max_at_least=1)
    g.restrict({W3: box_b})
    g._solve_master(Budget(GENEROUS))
    assert g._windows(0) == {W3: box_b}


def spy_on_restrict(g: ColumnGeneration, monkeypatch: pytest.MonkeyPatch) -> list[dict]:
    """Every branching ``g`` puts in force from now on, in order."""
    seen: list[dict] = []
    restrict = g.restrict

    def spy(boxes: colgen.Boxes) -> None:
        seen.append(dict(boxes))
        restrict(boxes)
    monkeypatch.setattr(g, "restrict", spy)
    return seen


def test_a_levelled_window_that_costs_more_than_its_spreads_gives_way_to_none(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Levelled, W3 at [1, 1] sends both people off on the rest day: day 0 short, LP 100, more
    than the root's 0 plus W3's weight 7 (a spread of 1 more would cost no more). So the dives
    go under the branching in force alone (none) and find the optimum 7."""
    g = generation(tiny())
    seen = spy_on_restrict(g, monkeypatch)
    roster = g.dives(Budget(GENEROUS), window=0, level=True)
    assert roster is not None
    assert check_roster(g.problem, roster).objective == OPTIMUM
    assert seen == [{W3: replace_box(low=1, high=1)}, {}]
    assert g.boxes == {}


class _Value:
    """A master variable with a given LP value (for :meth:`ColumnGeneration._windows`)."""

    def __init__(self, value: float) -> None:
        self.value = value

    def solution_value(self) -> float:
        return self.value


@pytest.mark.parametrize(("lp", "nearest", "between"), [
    (1.5, (2, 2), (1, 2)),  # half up; either side: floor 1, ceil 2
    (1.2, (1, 1), (1, 2)),
    (2.0, (2, 2), (2, 2)),  # a whole count: the same both ways
])
def test_a_levelled_window_between_the_whole_counts_either_side(
        monkeypatch: pytest.MonkeyPatch, lp: float, nearest: tuple[int, int],
        between: tuple[int, int]) -> None:
    """W3 made a spread of counts 0-3 (upper 3) whose LP max and min are both ``lp``: levelled,
    the nearest whole count; with ``between``, the whole counts either side of it, with or
    without a window (window 0 alone gives the same, as it rounds the LP's min down and its max
    up)."""
    g = generation(tiny())
    g.links[W3] = replace(g._spread(W3), upper=3)
    high, low = g.master.spreads[W3]
    monkeypatch.setattr(high, "var", _Value(lp))
    monkeypatch.setattr(low, "var", _Value(lp))
    whole = SpreadBox(0, 3, 0, 3)
    assert g._windows(0, level=True) == {W3: replace(whole, low=nearest[0], high=nearest[1])}
    for window in (0, None):
        assert g._windows(window, level=True, between=True) == {
            W3: replace(whole, low=between[0], high=between[1])}


def test_under_branching_a_levelled_window_that_gives_way_tries_the_counts_either_side(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Under node B's box (the max at least 1; LP 3.5), the levelled window is made W3 at
    [1, 1]: both people off on the rest day, LP 100 > 3.5 + W3's weight 7, so it gives way;
    the window between the whole counts either side is made node D's box (the min at most 0
    besides; LP 7 <= 10.5) and is tried next and kept: the dives under it find the optimum 7,
    and B's box is in force again at the end. At the root (no branching in force) the same
    windows give way to none at once, without the second."""
    g = generation(tiny())
    box_b = replace_box(max_at_least=1)
    levelled = replace(box_b, low=1, high=1)
    box_d = replace(box_b, min_at_most=0)

    def made(window: int | None, *, level: bool = False, between: bool = False) -> object:
        return {W3: box_d if between else levelled}
    monkeypatch.setattr(g, "_windows", made)
    seen = spy_on_restrict(g, monkeypatch)
    g.restrict({W3: box_b})
    g._solve_master(Budget(GENEROUS))
    assert g.lp_value == pytest.approx(3.5, abs=TOLERANCE)
    roster = g.dives(Budget(GENEROUS), window=DIVE_WINDOW, level=True)
    assert roster is not None
    assert check_roster(g.problem, roster).objective == OPTIMUM
    assert seen == [{W3: box_b}, {W3: levelled}, {W3: box_d}, {W3: box_b}]
    assert g.boxes == {W3: box_b}

    g = generation(tiny())
    monkeypatch.setattr(g, "_windows", made)
    seen = spy_on_restrict(g, monkeypatch)
    roster = g.dives(Budget(GENEROUS), window=0, level=True)
    assert roster is not None and check_roster(g.problem, roster).objective == OPTIMUM
    assert seen == [{W3: levelled}, {}]


def test_a_levelled_window_within_its_spreads_weight_is_kept(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """With a person short priced 5 (under W3's 7): the root LP is still 0 (each person half
    off on the rest day, W3 evened at 1/2). Levelled at [1, 1], both off on day 0: day 0 one
    short, 5, and W3's spread 0: LP 5 <= 0 + 7, so the levelled window is kept, and its dive
    gives 5, the optimum (one of each: W3's spread 1 costs 7)."""
    g = generation(tiny(under=5))
    assert g.lp_value == pytest.approx(0, abs=TOLERANCE)
    seen = spy_on_restrict(g, monkeypatch)
    roster = g.dives(Budget(GENEROUS), level=True)  # (as solve() dives without branching)
    assert roster is not None
    assert roster == {"P1": list(REST_OFF), "P2": list(REST_OFF)}
    assert check_roster(g.problem, roster).objective == 5
    assert seen == [{W3: replace_box(low=1, high=1)}, {}]


def test_a_column_outside_the_window_is_projected_into_it() -> None:
    """A master seeded with REST_WORKED for both people, under W3's [1, 1] (only REST_OFF keeps
    it): the projection of REST_WORKED is the class's best column inside, REST_OFF, which
    enters the master; a column already inside is not projected again (nothing more enters)."""
    problem = tiny()
    g = ColumnGeneration(problem, workers=2,
                         columns={"P1": list(REST_WORKED), "P2": list(REST_WORKED)})
    (cls,) = g.classes
    assert cls.columns == {REST_WORKED}
    g._solve_master(Budget(GENEROUS))
    g.restrict({W3: replace_box(low=1, high=1)})
    g._project(Budget(GENEROUS), [(0, REST_WORKED)])
    assert cls.columns == {REST_WORKED, REST_OFF}
    g._project(Budget(GENEROUS), [(0, REST_OFF)])
    assert len(cls.column_vars) == 2


def test_the_pull_draws_the_priced_column_to_the_near_one_and_is_not_in_its_value() -> None:
    """At zero prices both columns cost 0 and labelling returns the first in its order; pulled
    5 a cell towards REST_WORKED (2 cells shared) it returns REST_WORKED, valued at its own 0
    (not 0 - 2 * 5). Under W3's [1, 1] only REST_OFF is left, whatever the pull."""
    g = generation(tiny())
    (cls,) = g.classes
    found = colgen._label(cls, {}, 0.0, REST_WORKED, 5.0)
    assert found == (REST_WORKED, 0.0, True)
    g.restrict({W3: replace_box(low=1, high=1)})
    assert colgen._label(cls, {}, 0.0, REST_WORKED, 5.0) == (REST_OFF, 0.0, True)


def test_a_dive_step_fixes_one_more_column_per_class_at_most() -> None:
    """The fractional Curtois-style problem of tests/curtois (one class of 2 people, its root
    LP takes four columns half each): a step fixes the column taken most and, of the others
    taken at least half, none from that same class: one person fixed, one open. Fixing two
    halves of one class together would pair two single-D rosters (a day short: 10) where
    the optimum pairs one with EEE (7)."""
    from tests.curtois.test_colgen import fractional_problem
    g = generation(fractional_problem())
    (cls,) = g.classes
    assert sorted(round(var.solution_value(), 6) for var, _ in cls.column_vars) == [0.5] * 4
    assert g.master.fix_integral() == [0]
    assert sum(var.lb() for var, _ in cls.column_vars) == 1


def _told_apart() -> Problem:
    """The Curtois-style fractional problem of tests/curtois (each person works 3 minutes: one
    D or EEE; each day wants 1 on duty, SHORT per person short, OVER per person over; nobody
    wants E on day 2, UNWANTED) with its two people told apart: P2 also does not want E on
    day 0 (weight 1), so each is a class of one."""
    return curtois_problem(TWO, 3, (DAY, EVENING), [
        TotalMinutes(dict.fromkeys(TWO, (3, 3))),
        ShiftRequests([ShiftRequest("P1", 2, "off", "E", UNWANTED),
                       ShiftRequest("P2", 2, "off", "E", UNWANTED),
                       ShiftRequest("P2", 0, "off", "E", 1)]),
        Cover([CoverRequirement(d, None, TWO, 1, under_weight=SHORT, over_weight=OVER)
               for d in range(3)]),
    ])


class _Draw:
    """A stand-in for the dives' random draws: every draw takes the column with ``cells``."""

    def __init__(self, g: ColumnGeneration, cells: tuple[str, ...]) -> None:
        self.var = next(var for cls in g.classes for var, c in cls.column_vars if c == cells)

    def choices(self, population: Sequence[object], weights: Sequence[float]) -> list[object]:
        assert self.var in population
        return [self.var]


def test_a_dive_step_whose_fixings_raise_the_lp_is_undone_and_fixes_fewer(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """:func:`_told_apart`. The root LP, 1.5: P1 takes EEE and OFF OFF D half each, P2
    D OFF OFF and OFF D OFF half each.

    A step that draws P1's OFF OFF D fixes it and, as an extra, P2's first column taken half
    (OFF D OFF): nobody on day 0, 10 (SHORT) for the one short. That raises the LP from 1.5
    to 10, more than DIVE_JUMP: the step is undone, and done again with at most 1 // 2 = 0
    extras. P1 alone is fixed; P2's best beside it is EEE: day 2 one over (OVER 4) and P2's
    unwanted E on days 2 and 0 (3 + 1): 8 (P2 on D on day 0 would leave day 1 short: 10).
    With no limit on the rise the dive keeps the first step: 10. DIVE_JUMP is 1."""
    problem = _told_apart()
    single_d = (OFF, OFF, "D")
    results = []
    assert colgen.DIVE_JUMP == 1.0  # (the value the second dive runs with)
    for jump in (math.inf, colgen.DIVE_JUMP):
        g = generation(problem)
        assert g.best == pytest.approx(UNWANTED / 2)
        taken = {(cls.ids[0], cells): round(var.solution_value(), 6)
                 for cls in g.classes for var, cells in cls.column_vars
                 if var.solution_value() > 1e-6}
        assert taken == {("P1", ("E", "E", "E")): 0.5, ("P1", single_d): 0.5,
                         ("P2", ("D", OFF, OFF)): 0.5, ("P2", (OFF, "D", OFF)): 0.5}
        monkeypatch.setattr(colgen, "DIVE_JUMP", jump)
        roster = g.dive(Budget(GENEROUS), rng=_Draw(g, single_d))  # type: ignore[arg-type]
        assert roster is not None
        results.append((roster, check_roster(problem, roster).objective))
    assert results == [({"P1": list(single_d), "P2": [OFF, "D", OFF]}, SHORT),
                       ({"P1": list(single_d), "P2": ["E", "E", "E"]}, OVER + UNWANTED + 1)]


@pytest.mark.parametrize(("careful", "undone"), [(False, 0), (True, 1)])
def test_a_careless_dive_keeps_a_step_that_jumps(
        monkeypatch: pytest.MonkeyPatch, careful: bool, undone: int) -> None:
    """:func:`_told_apart` again: the dive by the largest values fixes EEE for P1 (the first
    of its columns taken half) and P2's OFF D OFF: day 1 one over, EEE's unwanted E, 4 + 3 =
    7 from an LP of 1.5, a rise over DIVE_JUMP. Not ``careful``, the dive keeps the step (no
    restore); careful, it undoes it (one restore) and fixes P1 alone first. Both end at the
    optimum, 7."""
    problem = _told_apart()
    g = generation(problem)
    restores: list[int] = []
    original = g.master.restore
    monkeypatch.setattr(g.master, "restore",
                        lambda saved: (restores.append(1), original(saved))[1])
    roster = g.dive(Budget(GENEROUS), careful=careful)
    assert roster is not None
    assert (roster, check_roster(problem, roster).objective) == (
        {"P1": ["E", "E", "E"], "P2": [OFF, "D", OFF]}, OVER + UNWANTED)
    assert len(restores) == undone


@pytest.mark.parametrize(("level", "nodes", "careful"), [
    (True, 0, [False] + [True] * (colgen.STALE_DIVES - 1)),
    (False, 0, [False] * colgen.STALE_DIVES),
    (False, 9, [True] * colgen.STALE_DIVES),
])
def test_which_dives_undo_the_steps_that_jump(
        monkeypatch: pytest.MonkeyPatch, level: bool, nodes: int, careful: list[bool]) -> None:
    """dives() on :func:`_told_apart`, each dive made to find nothing, so that STALE_DIVES
    of them run: from the root (nodes 0), levelled, the first (by the largest values) keeps
    its steps and those drawn at random are careful; not levelled (what runs with under 3 s),
    none is careful; after branching (nodes 9), all are."""
    g = generation(_told_apart())
    g.nodes = nodes
    seen: list[bool] = []

    def spy(self: ColumnGeneration, budget: Budget, **kw: object) -> None:
        seen.append(bool(kw["careful"]))

    monkeypatch.setattr(ColumnGeneration, "dive", spy)
    assert g.dives(Budget(GENEROUS), window=0 if level else None, level=level) is None
    assert seen == careful
