"""A lower bound on the objective by column generation (Dantzig-Wolfe decomposition).

CP-SAT's own bound on a roster model stays near zero: its linear relaxation spreads fractional
shifts over people and pays nothing for the runs, quotas and isolated days off that make cover
hard to meet. Column generation prices whole rosters of one person instead:

* the **master** is a linear program over columns: a column is one person's cells for the whole
  horizon, with the cost of that person's own soft terms. Each person picks a convex combination
  of their columns, and the cover requirements (:class:`~solver.rules.cover.Cover`) are priced
  on the columns' head counts, exactly as the model prices them (under the minimum, below the
  target, above it), or kept as constraints where the minimum is hard;
* the **pricing** problem of a person is their own part of the model
  (:meth:`~solver.problem.Problem.own_part_for`: every hard rule and soft term about them
  alone) with the cover's dual prices on their cells, solved by CP-SAT. Its best column enters
  the master when its reduced cost is negative.

At every round the Lagrangian bound ``master LP + sum over people of their least reduced cost``
(from CP-SAT's bound on each pricing problem, so it holds even before the pricing is optimal) is
a valid lower bound on the objective; when no person has a negative reduced cost it equals the
master LP, the Dantzig-Wolfe bound. The rules that tie people together besides cover state their
own rows (:mod:`solver.rules.links`: the pair rule's caps, the fairness spreads' max and min);
any other such rule is left out of the bound, which keeps it valid, only weaker.

The LP evens out a spread's fractional counts; branching on the spreads
(:meth:`ColumnGeneration.branch`) keeps each person's count within a box per node and raises
the bound past the root's (the sample's outbound center: 20.5 to 25, its optimum).

People whose own parts are the same model, counted in the same cover requirements, share one
pricing problem (a class with a head count).

On Curtois & Qu's Instance7 this bound is 1,054.08 after 49 rounds in 8 s (best known 1,056, proven
optimal) where CP-SAT's bound is 27.
"""

from __future__ import annotations

import heapq
import itertools
import math
import random
import time
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field, replace

from ortools.linear_solver import pywraplp
from ortools.sat.python import cp_model

from solver import labelling
from solver.budget import Budget
from solver.check import check_roster
from solver.model import ModelContext, build_model
from solver.problem import LEAVE, OFF, Problem, Roster
from solver.rules.cover import Cover, CoverRequirement
from solver.rules.links import AtMost, Link, Spread, Tally

#: dual prices are scaled by this and rounded to make the pricing objective integral; the
#: rounding is accounted for in the bound
SCALE = 100_000
#: a column enters the master only if its reduced cost is below minus this
EPSILON = 1e-6
#: the price of the artificial shortfall of a hard minimum in the master (it keeps the first
#: masters feasible; a relaxation, so it only lowers the bound)
_ARTIFICIAL = 1_000_000
#: dives in a row without a better roster before diving stops (on Instance1, whose bound 558 is
#: below the optimum 607, dives went on for the whole phase, 42 s, after finding 607 at once)
STALE_DIVES = 10
#: the most of a dives' budget that converging the LP under their branching, and then under
#: their window, may each take before diving starts from the LP as it is: the rest is for the
#: dives (a synthetic 100-person center given 15 s spent all 4.4 s of its dives converging
#: under the window, and dived nothing)
DIVE_CONVERGE_SHARE = 0.5
#: CP-SAT's parameters for a pricing problem (one person's month): a light presolve and the
#: full linear relaxation. On the sample's inbound center, 20 pricing solves took 2.75 s with
#: the defaults and 0.29 s with these
PRICING_PARAMETERS = {"max_presolve_iterations": 1, "symmetry_level": 0,
                      "cp_model_probing_level": 0, "linearization_level": 2}
#: how much cheaper a cell is made for a column projected into a window
#: (:meth:`ColumnGeneration._project`) for each cell it shares with the column it comes from.
#: On a synthetic inbound center of 100 people of the 600-staff department given 10 s (root
#: 61, late shifts evened at 7.08): with projection (pull 2 or 5) the LP under the window
#: converged to 61 and the first dive gave 62; without, the LP was still at 132-185 when its
#: time ran out and the dives gave 136-153 (pull 20: 77)
PROJECTION_PULL = 5.0
#: a dive step with no whole column to fix fixes every column the LP takes at least this much
#: of at once (besides the one it takes most of): on the sample's inbound center a dive then
#: takes 2-3 s instead of 8-10 s, with rosters of 162-202 against 150-176
FIX_ABOVE = 0.5
#: deterministic time counted for work outside CP-SAT (a budget in CP-SAT's deterministic time
#: would otherwise never run out on it): a master LP solve and a pricing by labelling, in
#: seconds, about their wall time here (the sample's inbound center: 31 ms and 1 ms)
MASTER_WORK = 0.03
LABEL_WORK = 0.001
#: GLOP's options for the master while branching: no scaling and no presolve, so that each
#: node's LP starts from the last basis. With them (GLOP's defaults, kept elsewhere) GLOP
#: scales and presolves the LP afresh and starts over: on the sample's inbound center the
#: node LPs took 0.34 s each, 5 nodes in 12 s, bound 95; warm, 0.12 s, 13 nodes, bound 100.
#: Not for the root and the dives: their LPs, warm, end at other optimal vertices, and the
#: dives from those did worse (IN alone at 51 s: 109-112 in three runs, and 115-116 in the
#: sample at 60 s, against 102-122; the 600-staff department at 60 s: 348 and 371 against 329
#: and 355)
WARM_OPTIONS = "use_scaling: false use_preprocessing: false"
#: branching (:meth:`ColumnGeneration.branch`) stops once it has run at least
#: BRANCH_STALL_SECONDS and more than BRANCH_STALL_RATIO times as long as it took the bound to
#: reach its last whole value: past that, the open nodes mostly share the bound (the sample's
#: inbound center reaches 100, its optimum, in 3-6 s of branching, and the next 7-9 s of
#: nodes raised nothing), and the dives after it make better use of the time
BRANCH_STALL_SECONDS = 6.0
BRANCH_STALL_RATIO = 2.0
#: pricing rounds (each with the master solved again) after each step of a dive's fixings, at
#: most: a round that adds no column ends the step sooner
DIVE_ROUNDS = 10
#: a dive step whose fixings raise the master's LP by more than this is undone and taken
#: again with half as many extras fixed (``ColumnGeneration.dive``). Objectives are whole
#: numbers, so a rise over 1 is a roster at least 1 worse than the LP promised. A step that
#: fixes several people at once picks each one's column as if the others kept their LP mix:
#: on the 600-staff department's first center (its LP 61.0), a step that fixed 18 of the 19
#: people left raised the LP to 106, and dives ended at 62-153 (median 71, in 5 s); with the
#: undo, 6 dives all ended, the best five at 61 (median 61). Alternated blocks on that
#: department's fifth center: median 80 against 88; on its third after branching: 28, 28,
#: 28, 29 against 30, 31, 39
DIVE_JUMP = 1.0
#: GLOP's options for solving a master again when it ends ABNORMAL (see _Master._solve_again)
GLOP_RETRIES = ("", "use_preprocessing: false", "initial_basis: NONE")
#: Wentges' smoothing for a root that no branching follows (:meth:`ColumnGeneration.run`; see
#: solver.solve._column_phase): the pricing sees this mix of the prices that gave the best
#: Lagrangian bound so far and (the rest) the master's own. The master's prices swing from
#: round to round; the mix steadies them, so that fewer rounds bring columns worth keeping. A
#: round whose mix prices no column the master's own prices want (mispricing) is followed by
#: one at the master's own prices. Roots, 0 against 0.8: the sample's inbound center 34
#: rounds, 5.3 s against 26, 3.1 s; a synthetic center of 100 people 22 rounds, 3.9 s against
#: 22, 3.2 s (fewer columns: faster masters). On that center of 100 given 20 s, the dives
#: without branching then gave 36 where they gave 56-59 after a root without smoothing. Not
#: for a root that branching follows: the dives after branching did worse (the sample's
#: inbound center after the phase: 115-124 in three runs, against 110)
SMOOTHING = 0.8
#: longest pricing solve, in seconds: past it, the best column found so far enters (and the
#: bound uses CP-SAT's bound on that pricing problem)
PRICING_SECONDS = 0.5


@dataclass(frozen=True)
class _Prices:
    """Dual prices a round prices at: cover rows (equality and hard minimum) and link rows."""

    pis: Sequence[float]
    sigmas: Sequence[float]
    rhos: Sequence[float]

    def toward(self, other: _Prices, step: float) -> _Prices:
        """These prices moved ``step`` (0-1) of the way to ``other``'s."""
        def mix(a: Sequence[float], b: Sequence[float]) -> list[float]:
            return [x + step * (y - x) for x, y in zip(a, b, strict=True)]
        return _Prices(mix(self.pis, other.pis), mix(self.sigmas, other.sigmas),
                       mix(self.rhos, other.rhos))


@dataclass
class ColumnBound:
    """The outcome of column generation."""

    bound: float  # a valid lower bound on the objective
    lp: float  # the restricted master's value at the end
    converged: bool  # no negative reduced cost left: ``bound`` is the Dantzig-Wolfe bound
    rounds: int
    columns: int
    classes: int  # pricing problems (people with the same own part share one)
    seconds: float


@dataclass
class _Row:
    """One cover requirement in the master: head count ``n`` of its people on its cells."""

    req: CoverRequirement
    people: frozenset[str]
    #: n - over + short + below = level, with level = max(minimum, target)
    level: int
    #: the master's equality row, and the hard minimum's row (n >= minimum) if any
    eq: pywraplp.Constraint | None = None
    hard: pywraplp.Constraint | None = None
    has_over: bool = False
    has_short: bool = False


@dataclass
class _LinkRow:
    """A row of the master from what else ties people together (:mod:`solver.rules.links`)."""

    constraint: pywraplp.Constraint
    #: 1: a >= row (its dual price is >= 0); -1: a <= row (<= 0)
    sense: int
    rhs: float


@dataclass
class _Aux:
    """A variable of the master besides the columns and cover's slacks: a spread's max or min,
    in ``[lower, upper]`` (``lower`` above 0 only where branching says so), with its
    coefficients in the link rows."""

    var: pywraplp.Variable
    cost: float
    upper: float
    coefficients: dict[int, float]
    lower: float = 0.0

    def bound(self, lower: float, upper: float) -> None:
        self.lower, self.upper = lower, upper
        self.var.SetBounds(lower, upper)


@dataclass
class _Class:
    """People with the same own part: one pricing problem, ``count`` convexity."""

    ids: list[str]
    ctx: ModelContext
    #: the own part's objective on the model's variables: index -> coefficient, and offset
    own: dict[int, int]
    offset: int
    #: per row index: the variable of the class's first person counted by that row
    row_vars: dict[int, int] = field(default_factory=dict)
    #: per row index: its requirement about the class's first person alone
    row_reqs: dict[int, CoverRequirement] = field(default_factory=dict)
    #: per link (index): the class's first person's tallies in it
    link_tallies: dict[int, tuple[Tally, ...]] = field(default_factory=dict)
    #: the link rows the class's columns count in (index in the master), with those tallies
    link_rows: list[tuple[int, tuple[Tally, ...]]] = field(default_factory=list)
    #: per link row: the tallies on the model's variables (index -> coefficient, constant)
    link_terms: dict[int, tuple[dict[int, int], int]] = field(default_factory=dict)
    #: priced by dynamic programming (:mod:`solver.labelling`) instead of CP-SAT: the cells
    #: each variable stands for (a shift variable: its cell; a work variable: every shift cell
    #: of its day). Empty: CP-SAT prices the class
    cells_of: dict[int, list[tuple[int, str]]] = field(default_factory=dict)
    #: per spread link the class's tally counts in: that tally (the class's first person's)
    spread_tally: dict[int, Tally] = field(default_factory=dict)
    #: priced by CP-SAT: per spread link, the pricing model's constraint on the tally's count
    #: (its index in the model) and the tally's constant part (leave days)
    spread_constraint: dict[int, tuple[int, int]] = field(default_factory=dict)
    #: the counts a column must keep under the branching in force (labelling's counters)
    counters: tuple[labelling.Counter, ...] = ()
    #: the labelling's price-free part under each of the last counters priced
    programmes: dict[tuple[labelling.Counter, ...], labelling.Programme] = field(
        default_factory=dict)
    #: each column's count in each spread link's tally (filled as needed)
    counts: dict[tuple[str, ...], dict[int, int]] = field(default_factory=dict)
    convexity: pywraplp.Constraint | None = None
    columns: set[tuple[str, ...]] = field(default_factory=set)
    #: the master's variable of each column
    column_vars: list[tuple[pywraplp.Variable, tuple[str, ...]]] = field(default_factory=list)

    @property
    def fixed(self) -> int:
        """People of the class given a column for good while diving."""
        return sum(round(var.lb()) for var, _ in self.column_vars)


def _rows(problem: Problem) -> list[_Row]:
    rows = []
    for rule in problem.rules:
        if isinstance(rule, Cover):
            for req in rule.requirements:
                rows.append(_Row(req, frozenset(req.people), max(req.minimum, req.target)))
    return rows


def _row_variable(ctx: ModelContext, req: CoverRequirement) -> int | None:
    """The variable (index) of the context's only person counted by ``req``, if any."""
    if req.shift is None:
        return ctx.work[0, req.day].index
    var = ctx.shift_var(0, req.day, req.shift)
    return None if var is None else var.index


def _tally_terms(ctx: ModelContext, tallies: Sequence[Tally]) -> tuple[dict[int, int], int]:
    """The tallies of the context's only person on its variables: index -> coefficient, and a
    constant (leave days, fixed)."""
    coeffs: dict[int, int] = {}
    constant = 0
    for tally in tallies:
        for d in tally.days:
            if ctx.is_leave(0, d):
                constant += LEAVE in tally.codes
                continue
            for code in tally.codes:
                var = ctx.shift_var(0, d, code)
                if var is not None:
                    coeffs[var.index] = coeffs.get(var.index, 0) + 1
            if OFF in tally.codes:  # OFF = 1 - work on a day that is not leave
                constant += 1
                index = ctx.work[0, d].index
                coeffs[index] = coeffs.get(index, 0) - 1
    return coeffs, constant


def _cells_of(ctx: ModelContext) -> dict[int, list[tuple[int, str]]]:
    """The cells each 0-1 variable of the context's only person stands for."""
    cells: dict[int, list[tuple[int, str]]] = {}
    for d in range(ctx.problem.num_days):
        day = []
        for shift in ctx.problem.shifts:
            var = ctx.shift_var(0, d, shift.code)
            if var is not None:
                cells[var.index] = [(d, shift.code)]
                day.append((d, shift.code))
        cells[ctx.work[0, d].index] = day
    return cells


def _classes(problem: Problem, rows: Sequence[_Row], links: Sequence[Link]) -> list[_Class]:
    """One pricing problem per group of people with the same own part, the same rows and
    tallies of the same shape in the same links."""
    tallies_of: dict[str, dict[int, list[Tally]]] = {}
    for j, link in enumerate(links):
        for tally in link.tallies:
            tallies_of.setdefault(tally.person, {}).setdefault(j, []).append(tally)
    by_key: dict[tuple[str, tuple[int, ...], tuple[object, ...]], _Class] = {}
    for person in problem.people:
        ctx = build_model(problem.own_part_for(frozenset([person.id])))
        mine = tuple(i for i, row in enumerate(rows) if person.id in row.people)
        linked = {j: tuple(ts) for j, ts in tallies_of.get(person.id, {}).items()}
        shapes = tuple(sorted((j, tuple(t.shape for t in ts)) for j, ts in linked.items()))
        proto = ctx.model.proto
        anonymous = ctx.model.clone().proto
        for var in anonymous.variables:
            var.clear_name()
        for ct in anonymous.constraints:
            ct.clear_name()
        key = (str(anonymous), mine, shapes)
        found = by_key.get(key)
        if found is not None:
            found.ids.append(person.id)
            continue
        objective = proto.objective
        own: dict[int, int] = {}
        for var, coeff in zip(objective.vars, objective.coeffs, strict=True):
            own[var] = own.get(var, 0) + coeff
        cls = _Class([person.id], ctx, own, int(objective.offset), link_tallies=linked)
        for i in mine:
            index = _row_variable(ctx, rows[i].req)
            if index is not None:
                cls.row_vars[i] = index
                cls.row_reqs[i] = replace(rows[i].req, people=(person.id,))
        if labelling.supports(ctx.problem):
            cls.cells_of = _cells_of(ctx)
        by_key[key] = cls
    return list(by_key.values())


class _Master:
    """The restricted master linear program (GLOP), columns added as they are found."""

    def __init__(self, rows: list[_Row], classes: list[_Class], links: Sequence[Link]) -> None:
        self.rows = rows
        self.classes = classes
        lp = pywraplp.Solver.CreateSolver("GLOP")
        assert lp is not None
        self.lp = lp
        self.options = ""  # GLOP's options in force ("": its defaults; see use())
        self.objective = lp.Objective()
        infinity = lp.infinity()
        self.link_rows: list[_LinkRow] = []
        self.aux: list[_Aux] = []
        #: per spread link (index): its max and min variables
        self.spreads: dict[int, tuple[_Aux, _Aux]] = {}
        #: how many columns the last fix_integral() fixed besides its chosen one
        self.extras_fixed = 0
        for i, row in enumerate(rows):
            req = row.req
            row.eq = lp.Constraint(row.level, row.level, f"cover{i}")
            if req.over_weight or row.level < len(row.people):
                row.has_over = True
                over = lp.NumVar(0, infinity, "")
                row.eq.SetCoefficient(over, -1)
                self.objective.SetCoefficient(over, req.over_weight)
            if req.under_weight is not None and req.minimum > 0:
                row.has_short = True
                short = lp.NumVar(0, req.minimum, "")
                row.eq.SetCoefficient(short, 1)
                self.objective.SetCoefficient(short, req.under_weight)
            elif req.minimum > 0:
                row.hard = lp.Constraint(req.minimum, infinity, f"minimum{i}")
                # an artificial shortfall at a high price keeps the first masters feasible; it
                # only lowers the bound (a relaxation), never raises it
                slack = lp.NumVar(0, req.minimum, "")
                row.hard.SetCoefficient(slack, 1)
                row.eq.SetCoefficient(slack, 1)
                self.objective.SetCoefficient(slack, _ARTIFICIAL)
            if row.level > req.minimum:
                below = lp.NumVar(0, row.level - req.minimum, "")
                row.eq.SetCoefficient(below, 1)
                self.objective.SetCoefficient(below, req.target_weight)
        for cls in classes:
            count = len(cls.ids)
            cls.convexity = lp.Constraint(count, count, "")
        for j, link in enumerate(links):
            self._add_link(j, link)
        self.objective.SetMinimization()

    def _link_row(self, lower: float, upper: float) -> int:
        infinity = self.lp.infinity()
        sense = 1 if upper == infinity else -1
        self.link_rows.append(_LinkRow(self.lp.Constraint(lower, upper, ""), sense,
                                       lower if sense == 1 else upper))
        return len(self.link_rows) - 1

    def _new_aux(self, cost: float, upper: float) -> _Aux:
        var = self.lp.NumVar(0, upper, "")
        self.objective.SetCoefficient(var, cost)
        aux = _Aux(var, cost, upper, {})
        self.aux.append(aux)
        return aux

    def _add_link(self, j: int, link: Link) -> None:
        """The rows of link ``j``. A spread: ``max`` and ``min`` variables at the weight's price
        and minus it, and for each class of ``n`` people in it ``n * min <= its tallies <= n *
        max``. A cap: the classes' tallies at most the limit (plus an artificial excess)."""
        infinity = self.lp.infinity()
        members = [cls for cls in self.classes if j in cls.link_tallies]
        if isinstance(link, AtMost):
            r = self._link_row(-infinity, link.limit)
            for cls in members:
                cls.link_rows.append((r, cls.link_tallies[j]))
            # an artificial excess at a high price keeps the first masters feasible
            excess = self._new_aux(_ARTIFICIAL, sum(len(t.days) for t in link.tallies))
            self.link_rows[r].constraint.SetCoefficient(excess.var, -1)
            excess.coefficients[r] = -1
            return
        assert isinstance(link, Spread)
        if sum(len(cls.ids) for cls in members) < 2:
            return  # a spread over fewer than two people is nothing
        high = self._new_aux(link.weight, link.upper)
        low = self._new_aux(-link.weight, link.upper)
        self.spreads[j] = (high, low)
        for cls in members:
            n = len(cls.ids)
            tallies = cls.link_tallies[j]
            for aux, lower, upper in ((high, -infinity, 0.0), (low, 0.0, infinity)):
                r = self._link_row(lower, upper)
                self.link_rows[r].constraint.SetCoefficient(aux.var, -n)
                aux.coefficients[r] = -n
                cls.link_rows.append((r, tallies))

    def add(self, cls: _Class, cells: tuple[str, ...], cost: int, rows: Sequence[int],
            links: Sequence[tuple[int, int]]) -> bool:
        """A column of ``cls`` (False if it has it already), counted in cover ``rows`` and in
        ``links`` (link row, count)."""
        if cells in cls.columns:
            return False
        cls.columns.add(cells)
        var = self.lp.NumVar(0, self.lp.infinity(), "")
        cls.column_vars.append((var, cells))
        self.objective.SetCoefficient(var, cost)
        assert cls.convexity is not None
        cls.convexity.SetCoefficient(var, 1)
        for i in rows:
            row = self.rows[i]
            assert row.eq is not None
            row.eq.SetCoefficient(var, 1)
            if row.hard is not None:
                row.hard.SetCoefficient(var, 1)
        for r, count in links:
            self.link_rows[r].constraint.SetCoefficient(var, count)
        return True

    def solve(self) -> tuple[float, list[float], list[float], list[float], list[float]] | None:
        """The LP's value, each row's dual prices (equality, hard minimum), each class's
        convexity dual and each link row's dual."""
        if self.lp.Solve() != pywraplp.Solver.OPTIMAL and not self._solve_again():
            return None
        pis, sigmas = [], []
        for row in self.rows:
            assert row.eq is not None
            # prices outside what the master allows only weaken the bound: clip them
            pi = row.eq.dual_value()
            if row.has_over:
                pi = max(pi, -row.req.over_weight)
            pis.append(pi)
            sigmas.append(max(0.0, row.hard.dual_value()) if row.hard is not None else 0.0)
        mus = [cls.convexity.dual_value() for cls in self.classes if cls.convexity is not None]
        rhos = [max(0.0, row.constraint.dual_value()) if row.sense == 1
                else min(0.0, row.constraint.dual_value()) for row in self.link_rows]
        return self.objective.Value(), pis, sigmas, mus, rhos

    def _solve_again(self) -> bool:
        """Solve the LP again after GLOP ended ABNORMAL (it does now and then after bounds
        change while diving, its simplex failing on the warm start): from scratch, then also
        without presolve, which solved every such master met so far. True if one is optimal."""
        scratch = pywraplp.MPSolverParameters()
        scratch.SetIntegerParam(scratch.INCREMENTALITY, scratch.INCREMENTALITY_OFF)
        solved = False
        for options in GLOP_RETRIES:
            self.lp.SetSolverSpecificParametersAsString(options)
            if self.lp.Solve(scratch) == pywraplp.Solver.OPTIMAL:
                solved = True
                break
        self.lp.SetSolverSpecificParametersAsString(self.options)
        return solved

    def use(self, options: str) -> None:
        """GLOP's options for the solves from now on."""
        self.options = options
        self.lp.SetSolverSpecificParametersAsString(options)

    def lower_bounds(self) -> list[tuple[pywraplp.Variable, float]]:
        """Every column's lower bound (what a dive has fixed), for :meth:`restore`."""
        return [(var, var.lb()) for cls in self.classes for var, _ in cls.column_vars]

    def restore(self, bounds: Sequence[tuple[pywraplp.Variable, float]]) -> None:
        for var, lb in bounds:
            var.SetLb(lb)

    def fix_integral(self, rng: random.Random | None = None, *,
                     extras: int | None = None) -> list[int]:
        """Fix the whole part of every column's LP value; if that fixes nothing new, fix one
        more person to the column the LP takes most of (with ``rng``: to a column drawn in
        proportion to how much of it the LP takes), and to every other column the LP takes
        at least :data:`FIX_ABOVE` of, while the class has people left: at most ``extras`` of
        those (the largest shares first; None: every one). The classes still open (indices);
        :attr:`extras_fixed` tells how many extras were fixed."""
        progress = False
        self.extras_fixed = 0
        parts: list[tuple[float, pywraplp.Variable, _Class]] = []
        values = [(cls, var, var.solution_value()) for cls in self.classes
                  if cls.fixed < len(cls.ids) for var, _ in cls.column_vars]
        for cls, var, value in values:
            whole = math.floor(value + 1e-6)
            if whole > var.lb():
                var.SetLb(whole)
                progress = True
            part = value - whole
            if part > 1e-6:
                parts.append((part, var, cls))
        if not progress and parts:
            if rng is None:
                chosen = max(parts, key=lambda item: item[0])[1]
            else:
                chosen = rng.choices([v for _, v, _ in parts], weights=[p for p, _, _ in parts])[0]
            chosen.SetLb(chosen.lb() + 1)
            # besides, one column per other class at most: the LP's columns of a class are
            # its people's mix, and two halves of it need not go together
            touched = {id(cls) for _, var, cls in parts if var is chosen}
            for part, var, cls in sorted(parts, key=lambda item: -item[0]):
                if extras is not None and self.extras_fixed >= extras:
                    break
                if (part >= FIX_ABOVE and id(cls) not in touched
                        and cls.fixed < len(cls.ids)):
                    var.SetLb(var.lb() + 1)
                    touched.add(id(cls))
                    self.extras_fixed += 1
        return [k for k, cls in enumerate(self.classes) if cls.fixed < len(cls.ids)]

    def unfix(self) -> None:
        """Undo a dive's fixings."""
        for cls in self.classes:
            for var, _ in cls.column_vars:
                var.SetLb(0)

    def fixed_roster(self) -> dict[str, list[str]]:
        """Each person's fixed column (people of a class take its fixed columns in turn)."""
        roster: dict[str, list[str]] = {}
        for cls in self.classes:
            ids = iter(cls.ids)
            for var, cells in cls.column_vars:
                for _ in range(round(var.lb())):
                    roster[next(ids)] = list(cells)
        return roster

    def lagrangian(self, pis: Sequence[float], sigmas: Sequence[float], rhos: Sequence[float],
                   least: Sequence[float]) -> float:
        """The Lagrangian bound for these prices: valid for any prices (within the clipping of
        :meth:`solve`), whatever the accuracy of the LP. ``least``: per class, a lower bound on
        its columns' cost minus the prices of the rows they count in."""
        total = sum(len(cls.ids) * value for cls, value in zip(self.classes, least, strict=True))
        for row, pi, sigma in zip(self.rows, pis, sigmas, strict=True):
            req = row.req
            total += pi * row.level + sigma * req.minimum
            # each slack variable at its cheapest under these prices
            if row.has_short:
                total += min(0.0, (req.under_weight or 0) - pi) * req.minimum
            if row.hard is not None:
                total += min(0.0, _ARTIFICIAL - pi - sigma) * req.minimum
            if row.level > req.minimum:
                total += min(0.0, req.target_weight - pi) * (row.level - req.minimum)
        for link_row, rho in zip(self.link_rows, rhos, strict=True):
            total += rho * link_row.rhs
        for aux in self.aux:
            reduced = aux.cost - sum(rhos[r] * c for r, c in aux.coefficients.items())
            total += min(reduced * aux.lower, reduced * aux.upper)
        return total


def _cells(cls: _Class, solver: cp_model.CpSolver) -> tuple[str, ...]:
    roster = cls.ctx.roster_from(solver.boolean_value)
    return tuple(roster[cls.ids[0]])


@dataclass(frozen=True)
class SpreadBox:
    """Branching on a spread (:meth:`ColumnGeneration.branch`): every count within ``[low,
    high]``, the max at least ``max_at_least`` and the min at most ``min_at_most``."""

    low: int
    high: int
    max_at_least: int
    min_at_most: int

    @classmethod
    def whole(cls, link: Spread) -> SpreadBox:
        """No restriction."""
        return cls(0, link.upper, 0, link.upper)


#: a branching: per spread link (its index), the box its counts keep
Boxes = dict[int, SpreadBox]


def branch_stalled(elapsed: float, rose: float) -> bool:
    """Whether branching that has run ``elapsed`` seconds, its bound last rising at ``rose``,
    should stop (:data:`BRANCH_STALL_SECONDS`, :data:`BRANCH_STALL_RATIO`)."""
    return elapsed >= BRANCH_STALL_SECONDS and elapsed > BRANCH_STALL_RATIO * rose


class NoColumn(Exception):
    """Someone has no roster of their own under the branching in force."""


#: a pricing's answer when the person has no roster of their own (under the branching)
_NO_COLUMN = "no column"


class ColumnGeneration:
    """Column generation on one problem: its bound (:meth:`run`), then rosters read off the
    master by diving (:meth:`dive`)."""

    def __init__(self, problem: Problem, *, workers: int = 2,
                 columns: Roster | None = None) -> None:
        """``columns``: a roster whose people's cells seed the master (a first roster)."""
        self.problem = problem
        self.workers = max(1, workers)
        self.rows = _rows(problem)
        links = [link for rule in problem.rules for link in rule.links(problem)]
        self.classes = _classes(problem, self.rows, links)
        self.master = _Master(self.rows, self.classes, links)
        for cls in self.classes:
            for r, tallies in cls.link_rows:
                cls.link_terms[r] = _tally_terms(cls.ctx, tallies)
        self.links = links
        self._spread_counts()
        #: the branching in force (:meth:`restrict`): per spread link, its box
        self.boxes: Boxes = {}
        self.class_of = {pid: cls for cls in self.classes for pid in cls.ids}
        if columns is not None:
            self.add_roster(columns)
        self.pis = [0.0] * len(self.rows)
        self.sigmas = [0.0] * len(self.rows)
        self.mus = [0.0] * len(self.classes)
        self.rhos = [0.0] * len(self.master.link_rows)
        self.lp_value = -math.inf
        self.best = -math.inf
        self.rounds = 0
        self.converged = False
        self.seconds = 0.0
        self.nodes = 0  # nodes of the last branching (:meth:`branch`)
        #: the master changed since its LP was last solved (dives fix and add columns)
        self._changed = False
        #: the branching of the leaf with the least bound at the end of :meth:`branch`
        self.best_boxes: Boxes = {}
        #: the LP rounded where the first dive cut short stopped (:meth:`rounded`): a guide for
        #: a search when no dive ends
        self.cut: dict[str, list[str]] | None = None

    def add_roster(self, roster: Roster) -> None:
        """Every person's cells in ``roster`` as columns."""
        for pid, cells in roster.items():
            cls = self.class_of.get(pid)
            if cls is not None:
                self.master.add(cls, tuple(cells), *_column(cls, tuple(cells), self.rows))

    def _prices(self) -> _Prices:
        """The master's own dual prices (of its last solve)."""
        return _Prices(self.pis, self.sigmas, self.rhos)

    def _round(self, budget: Budget, pool: ThreadPoolExecutor, classes: Sequence[int],
               prices: _Prices | None = None) -> tuple[int, list[float], bool] | None:
        """Price ``classes`` (indices) once at ``prices`` (the master's own if None): columns
        added (those whose reduced cost at the master's own prices is negative), least reduced
        costs at ``prices`` (before the convexity dual) and whether every pricing was optimal.
        None: out of time."""
        self.rounds += 1
        duals = [pi + sigma for pi, sigma in zip(self.pis, self.sigmas, strict=True)]
        at, at_duals = self._prices(), duals
        if prices is not None and prices != at:
            at = prices
            at_duals = [pi + sigma for pi, sigma in zip(at.pis, at.sigmas, strict=True)]
        priced = list(pool.map(lambda k: _price(self.classes[k], at_duals, at.rhos, budget),
                               classes))
        added = 0
        least = []
        all_optimal = True
        for k, result in zip(classes, priced, strict=True):
            if result is None:
                return None
            if result is _NO_COLUMN:
                raise NoColumn(self.classes[k].ids[0])
            assert isinstance(result, tuple)
            cls = self.classes[k]
            cells, lowest, optimal = result
            cost, covered, linked = _column(cls, cells, self.rows)
            least.append(lowest)
            all_optimal = all_optimal and optimal
            reduced = (cost - sum(duals[i] for i in covered)
                       - sum(self.rhos[r] * count for r, count in linked) - self.mus[k])
            if reduced < -EPSILON or not any(var.ub() > 0 for var, _ in cls.column_vars):
                added += self.master.add(cls, cells, cost, covered, linked)
        return added, least, all_optimal

    def _solve_master(self, budget: Budget) -> bool:
        budget.spend(MASTER_WORK)
        solved = self.master.solve()
        if solved is None:
            return False
        self.lp_value, self.pis, self.sigmas, self.mus, self.rhos = solved
        return True

    def run(self, budget: Budget, *, min_rounds: int = 0,
            smoothing: float = 0.0) -> ColumnBound | None:
        """Generate columns until no reduced cost is negative or the budget is spent; the best
        bound found (None if not even one round fits). ``min_rounds``: give up as soon as, at
        the pace of the rounds after the first, fewer rounds than that would fit in the budget
        (a problem whose pricing is too slow to converge in time). ``smoothing``: see
        :data:`SMOOTHING`."""
        start = time.perf_counter()
        if self.lp_value == -math.inf and all(cls.columns for cls in self.classes):
            self._solve_master(budget)  # prices from the seeded columns
        try:
            best, self.converged = self._converge(budget, min_rounds=min_rounds,
                                                  smoothing=smoothing)
        except NoColumn:
            best = -math.inf  # someone's own part has no roster: no bound to give
        self.best = max(self.best, best)
        self.seconds += time.perf_counter() - start
        if self.best == -math.inf:
            return None
        return ColumnBound(bound=max(0.0, self.best), lp=self.lp_value,
                           converged=self.converged, rounds=self.rounds,
                           columns=sum(len(c.columns) for c in self.classes),
                           classes=len(self.classes), seconds=self.seconds)

    def _converge(self, budget: Budget, *, min_rounds: int = 0, changed: bool = False,
                  smoothing: float = 0.0) -> tuple[float, bool]:
        """Rounds until no reduced cost is negative or the budget is spent: the best
        Lagrangian bound of these rounds (on the problem under the branching in force) and
        whether the LP converged. ``changed``: the master changed since it was last solved
        (the first round only makes sure everyone has a column). ``smoothing``: the share of
        the best bound's prices in the prices the pricing sees (:data:`SMOOTHING`). Raises
        :class:`NoColumn` when someone has no column left."""
        everyone = range(len(self.classes))
        best = -math.inf
        rounds = 0
        first = 0.0  # the budget spent by the end of the first round
        centre: _Prices | None = None  # the prices of the best bound so far
        with ThreadPoolExecutor(max_workers=self.workers) as pool:
            while not budget.exhausted:
                own = self._prices()
                prices = own
                if centre is not None and smoothing:
                    prices = centre.toward(own, 1 - smoothing)
                done = self._round(budget, pool, everyone, prices)
                if done is None:
                    break  # out of time inside the round
                rounds += 1
                added, least, all_optimal = done
                value = self.master.lagrangian(prices.pis, prices.sigmas, prices.rhos, least)
                if value > best or centre is None:
                    centre = prices
                best = max(best, value)
                # smoothed, the bound meeting the LP ends it (else mispriced rounds may go on
                # alternating); unsmoothed, a round with no column does, as ever (stopping
                # at the bound there left the sample's outbound dives fewer columns: 26, not 25)
                if smoothing and not changed and self._proven(best):
                    # (the columns it added change no value, but the master is solved again
                    # for its solution's sake)
                    return best, added == 0 or self._solve_master(budget)
                if prices is not own and added == 0:
                    centre = None  # mispricing: the next round at the master's own prices
                    continue
                # the pace of the rounds after the first: the first builds each class's
                # pricing (labelling.programme) and, in a new process, loads the compiled
                # labelling, one-off costs that took most of the first round's 0.7 s on a
                # synthetic center of 100 people whose later rounds took 0.1 s
                if rounds == 1:
                    first = budget.spent
                elif (budget.spent - first) / (rounds - 1) * min_rounds > budget.amount:
                    break
                if added == 0 and not changed:
                    # no new column: with every pricing optimal, the LP bound is proven
                    return best, all_optimal
                changed = False
                if not self._solve_master(budget):
                    break
        return best, False

    def _proven(self, bound: float) -> bool:
        """Whether a Lagrangian ``bound`` meets the master's LP value: then no column can
        lower it, and the LP is the Dantzig-Wolfe bound (under the branching in force)."""
        lp = self.lp_value
        return lp > -math.inf and bound >= lp - EPSILON

    def _spread_counts(self) -> None:
        """Each class's tally in each spread link (branching restricts its count), and for a
        class priced by CP-SAT a constraint on that count in its pricing model (no limit until
        :meth:`restrict` sets one)."""
        for j in self.master.spreads:
            for cls in self.classes:
                tallies = cls.link_tallies.get(j, ())
                if len(tallies) != 1:
                    continue  # branching needs one tally per person (every spread here has)
                cls.spread_tally[j] = tallies[0]
                if not cls.cells_of:
                    terms, constant = _tally_terms(cls.ctx, tallies)
                    proto = cls.ctx.model.proto
                    linear = proto.constraints.add().linear
                    linear.vars.extend(list(terms))
                    linear.coeffs.extend(list(terms.values()))
                    linear.domain.extend([-len(tallies[0].days), len(tallies[0].days)])
                    cls.spread_constraint[j] = (len(proto.constraints) - 1, constant)

    def _count(self, cls: _Class, cells: tuple[str, ...], j: int) -> int:
        counts = cls.counts.setdefault(cells, {})
        if j not in counts:
            counts[j] = cls.spread_tally[j].count(cells)
        return counts[j]

    def restrict(self, boxes: Boxes) -> None:
        """Put the branching ``boxes`` in force (per spread link; the others unrestricted): the
        master's max and min variables within their boxes' bounds, the columns whose counts are
        outside a box out of the LP (bound to 0), and every pricing kept inside the boxes."""
        self.boxes = boxes
        for j, (high, low) in self.master.spreads.items():
            box = boxes.get(j, SpreadBox.whole(self._spread(j)))
            high.bound(max(box.low, box.max_at_least), box.high)
            low.bound(box.low, min(box.high, box.min_at_most))
        for cls in self.classes:
            for var, cells in cls.column_vars:
                var.SetUb(self.master.lp.infinity() if self._inside(cls, cells) else 0.0)
            counters = []
            for j, tally in cls.spread_tally.items():
                box = boxes.get(j, SpreadBox.whole(self._spread(j)))
                if cls.cells_of:
                    if j in boxes:
                        counters.append(labelling.Counter(tally.days, tally.codes, box.low,
                                                          box.high))
                else:
                    index, constant = cls.spread_constraint[j]
                    domain = cls.ctx.model.proto.constraints[index].linear.domain
                    # (this OR-Tools' proto has no slice assignment)
                    domain[0], domain[1] = box.low - constant, box.high - constant
            cls.counters = tuple(counters)

    def branch(self, budget: Budget, *, incumbent: float = math.inf,
               on_bound: Callable[[float], None] | None = None) -> float:
        """Branch and price on the spreads (after :meth:`run` converged): a better bound than
        the root's, or the root's if no branching helps within the budget.

        A node restricts each spread's counts to a box and may require its max to be at least
        some value or its min at most some value (:class:`SpreadBox`). A node's LP mixes
        columns of different counts; it is split on the max (every count at most ``k``, or the
        max at least ``k + 1``, with ``k`` the LP's max rounded down, when a column the LP uses
        counts more) or on the min likewise (see :meth:`_split`). Nodes are taken best bound
        first; the bound is the least of the open nodes', and a node whose bound reaches
        ``incumbent`` (an objective of a roster known) is closed. A node the LP can't split
        further on a spread keeps its bound for good. Branching stops early once the bound has
        stalled (:func:`branch_stalled`); the nodes still open then count at their parents'
        bounds. Ends with the root's restrictions back in force, and in :attr:`best_boxes` the
        branching of the node solved whose subtree holds the least bound (the dives start
        there). ``on_bound`` hears the bound, rounded up to a whole number (as objectives
        are), each time that rises.
        """
        if not self.converged or not self.master.spreads:
            return self.best
        if self._changed and not self._solve_master(budget):
            return self.best  # (the root's LP again, after dives: its value is the same)
        self._changed = False
        # open nodes: their parent's bound, an order, their boxes and their parent's
        heap: list[tuple[float, int, Boxes, Boxes]] = [(self.best, 0, {}, {})]
        closed: list[tuple[float, Boxes]] = []  # bounds for good, with a solved node's boxes
        nodes = 0
        restricted = False
        order = itertools.count(1)
        told = math.ceil(self.best - 1e-6)
        begun = rose = budget.spent
        self.master.use(WARM_OPTIONS)
        try:
            while heap:
                if nodes:
                    now = min([b for b, _ in closed] + [heap[0][0]])
                    if math.ceil(now - 1e-6) > told:  # (objectives are whole numbers)
                        told = math.ceil(now - 1e-6)
                        rose = budget.spent
                        if on_bound is not None:
                            on_bound(float(told))
                    if branch_stalled(budget.spent - begun, rose - begun):
                        break  # (the open nodes stay leaves, below)
                parent, _, node, above = heapq.heappop(heap)
                if math.ceil(parent - 1e-6) >= incumbent:
                    closed.append((parent, above))  # and so are all the others
                    break
                bound = parent
                if nodes:  # the root is solved already
                    if budget.exhausted:
                        closed.append((parent, above))
                        break
                    self.restrict(node)
                    restricted = True
                    try:
                        found, converged = self._converge(budget, changed=True)
                    except NoColumn:
                        continue  # nobody can keep the node's counts: no roster there
                    if not converged:
                        # out of time: the node keeps its best bound so far
                        closed.append((max(parent, found), above))
                        break
                    bound = max(parent, found, self.lp_value)
                nodes += 1
                children = None if math.ceil(bound - 1e-6) >= incumbent else self._split(node)
                if children is None:
                    closed.append((bound, node))
                    continue
                for child in children:
                    heapq.heappush(heap, (bound, next(order), child, node))
            leaves = [*closed, *((b, boxes) for b, _, _, boxes in heap)]
            if not leaves:
                return incumbent
            least = min(leaves, key=lambda leaf: leaf[0])
            self.best_boxes = least[1]
            return least[0]
        finally:
            self.master.use("")
            self.nodes = nodes
            if restricted:
                self.restrict({})
                self._solve_master(Budget(math.inf))

    def _split(self, node: Boxes) -> tuple[Boxes, ...] | None:
        """The two children of the node whose LP is solved, or None if no spread splits: on
        the heaviest spread that splits (on the sample's inbound center, W3 before W5 raised
        the bound from 92.4 to 100 in 25 s, where taking the larger weight times distance
        first reached 95.75 in 30 s), at its max or its min, whichever is worth more."""
        best: tuple[float, tuple[Boxes, ...]] | None = None
        best_weight = 0
        heaviest = sorted(self.master.spreads.items(),
                          key=lambda item: -self._spread(item[0]).weight)
        for j, (high, low) in heaviest:
            link = self._spread(j)
            if best is not None and link.weight < best_weight:
                break  # a lighter spread: split the heavier one first
            best_weight = link.weight
            box = node.get(j, SpreadBox.whole(link))
            used = [self._count(cls, cells, j) for cls in self.classes if j in cls.spread_tally
                    for var, cells in cls.column_vars if var.solution_value() > 1e-6]
            if not used:
                continue
            most, least = max(used), min(used)
            top = math.floor(high.var.solution_value() + 1e-6)
            if most > top:
                worth = link.weight * (most - high.var.solution_value())
                if best is None or worth > best[0]:
                    best = worth, ({**node, j: replace(box, high=top)},
                                   {**node, j: replace(box, max_at_least=top + 1)})
            bottom = math.ceil(low.var.solution_value() - 1e-6)
            if least < bottom:
                worth = link.weight * (low.var.solution_value() - least)
                if best is None or worth > best[0]:
                    best = worth, ({**node, j: replace(box, low=bottom)},
                                   {**node, j: replace(box, min_at_most=bottom - 1)})
        return None if best is None else best[1]

    def _spread(self, j: int) -> Spread:
        link = self.links[j]
        assert isinstance(link, Spread)
        return link

    def dives(self, budget: Budget, *, target: float = 0.0, seed: int = 0,
              window: int | None = None, level: bool = False,
              grace: float = 0.0, rounds_per_step: int = DIVE_ROUNDS
              ) -> dict[str, list[str]] | None:
        """The best roster of repeated dives within the budget: the first fixes what the LP
        takes most of, the next ones draw at random (``seed``), each from the whole master
        again (with every column found so far). Stops early at a roster of ``target``
        (a proven bound), when a dive as long as the longest so far would not fit, or after
        :data:`STALE_DIVES` dives in a row found nothing better. None if no dive ends in
        time.

        The dives keep the branching in force (:meth:`restrict`). With ``window``, they also
        keep every spread's counts within ``window`` of the LP's min and max (rounded out): a
        heuristic, not a branching, that the LP's even spread would otherwise lose while
        diving (the sample's inbound center, under W3's counts 2-5 from branching: with W5's
        late shifts kept to 5-8 around the LP's 6.92, dives gave 107-128; without, 149-181).
        With ``level`` besides, a spread the LP evens out (its max is its min) is kept at the
        whole count nearest the LP's, and the LP's columns outside the window are first
        projected into it (:meth:`_project`). The branching in force is back at the end.

        ``grace``: until a dive has given a roster, a dive may run this much past the budget
        (a dive cut short gives nothing: on the sample's inbound center a dive takes 2-4 s, and
        dives given 9 s after converging under their window were cut short and gave nothing)."""
        boxes = self.boxes
        try:
            return self._dives(budget, target=target, seed=seed, window=window, level=level,
                               grace=grace, rounds_per_step=rounds_per_step)
        finally:
            self._changed = True
            if self.boxes is not boxes:
                self.restrict(boxes)

    def _windows(self, window: int | None, *, level: bool = False,
                 between: bool = False) -> Boxes:
        """The boxes in force narrowed to ``window`` around the LP's min and max (None: not
        narrowed); with ``level``, a spread whose LP max is its min to the whole number
        nearest it (``between``: to the whole numbers either side of it, a spread of 1 at
        most)."""
        boxes = dict(self.boxes)
        for j, (high, low) in self.master.spreads.items():
            box = boxes.get(j, SpreadBox.whole(self._spread(j)))
            most, least = high.var.solution_value(), low.var.solution_value()
            lower, upper = box.low, box.high
            if window is not None:
                lower = max(box.low, math.floor(least + 1e-6) - window)
                upper = min(box.high, math.ceil(most - 1e-6) + window)
            if level and most - least < 1e-6:
                if between:
                    lower = max(box.low, math.floor(most + 1e-6))
                    upper = min(box.high, math.ceil(most - 1e-6))
                else:
                    lower = upper = max(box.low, min(box.high, math.floor(most + 0.5)))
            if (lower, upper) != (box.low, box.high) and lower <= upper:
                boxes[j] = replace(box, low=lower, high=upper)
        return boxes

    def _project(self, budget: Budget, support: Sequence[tuple[int, tuple[str, ...]]]) -> None:
        """Columns inside the branching now in force, one near each of ``support``'s (class
        index, cells) that is outside it: the class's best column at the master's prices with
        :data:`PROJECTION_PULL` off for each cell it shares with those cells (by labelling;
        classes priced by CP-SAT are left to converging)."""
        duals = [pi + sigma for pi, sigma in zip(self.pis, self.sigmas, strict=True)]
        outside = [(k, cells) for k, cells in support
                   if self.classes[k].cells_of and not self._inside(self.classes[k], cells)]
        with ThreadPoolExecutor(max_workers=self.workers) as pool:
            priced = list(pool.map(
                lambda job: _price(self.classes[job[0]], duals, self.rhos, budget,
                                   near=job[1], pull=PROJECTION_PULL), outside))
        for (k, _), result in zip(outside, priced, strict=True):
            if isinstance(result, tuple):
                cls = self.classes[k]
                self.master.add(cls, result[0], *_column(cls, result[0], self.rows))

    def _inside(self, cls: _Class, cells: tuple[str, ...]) -> bool:
        """Whether ``cells`` keep every box of the branching in force."""
        return all(self.boxes[j].low <= self._count(cls, cells, j) <= self.boxes[j].high
                   for j in cls.spread_tally if j in self.boxes)

    def _window(self, budget: Budget, window: int | None, *, level: bool) -> bool:
        """Put the window in force (:meth:`dives`) and converge the LP under it; False if the
        master can't be solved. A window no roster keeps, or none found in time, gives way to
        the branching in force alone; with ``level``, so does a window whose LP is above the LP
        before it by more than the weights of the spreads it narrows (a spread of 1 more on
        each would cost no more). The sample's outbound center given 12 s: W3, evened out at
        4 by its root, kept at 4 cost the LP 42 against 20.5; the search from the dives under
        it ended at 41-42, against 32 from the dives without (its optimum, 25, has W3's counts
        2 apart). Under branching, a levelled window that gives way is tried once more with
        its evened spreads kept between the whole counts either side of the LP's
        (``_windows(between=True)``) before giving way."""
        boxes = self.boxes
        before = self.lp_value
        windows = self._windows(window, level=level)
        if windows == boxes:
            return True  # nothing to narrow (no window, and no spread to level)
        candidates = [windows]
        between = self._windows(window, level=True, between=True) if level and boxes else boxes
        if between not in (windows, boxes):
            # under branching, levelled at a count the LP has between two whole numbers: if
            # the nearest gives way, the two either side before none (the 600-staff
            # department's C5 given 26 s: after branching, late shifts evened at 6.2-6.4; kept
            # at 6, converging ran out of time at an LP of 141; the dives then left them free,
            # their spread cost 25-31, and the center ended at 108-117; kept at 6-7, LP
            # 80-81.5, and it ended at 84). Not at the root: there the second converging took
            # the dives' time (the 100-staff center at 20 s ended at 35-46 against 34-35)
            candidates.append(between)
        # without branching before it, this converging may take what the two would
        share = DIVE_CONVERGE_SHARE if boxes else 1 - (1 - DIVE_CONVERGE_SHARE) ** 2
        # the LP's columns, read before the window changes the master
        support = [(k, cells) for k, cls in enumerate(self.classes) if level
                   for var, cells in cls.column_vars if var.solution_value() > 1e-6]
        for candidate in candidates:
            self.restrict(candidate)
            if level:
                self._project(budget, support)
            try:
                with budget.part(share) as part:
                    self._converge(part, changed=True)
                windowed = self._solve_master(budget)
            except NoColumn:
                windowed = False
            narrowed = sum(self._spread(j).weight for j, box in candidate.items()
                           if box != boxes.get(j))
            if windowed and (not level or self.lp_value <= before + narrowed + EPSILON):
                return True
        self.restrict(boxes)
        return self._solve_master(budget)

    def _dives(self, budget: Budget, *, target: float, seed: int, window: int | None,
               level: bool, grace: float, rounds_per_step: int
               ) -> dict[str, list[str]] | None:
        if self.boxes or window is not None:
            # the LP under the branching in force (columns may be missing for it)
            try:
                with budget.part(DIVE_CONVERGE_SHARE) as part:
                    self._converge(part, changed=True)
            except NoColumn:
                return None
            # cut short, the converging may leave the master unsolved since its last change
            if not self._solve_master(budget):
                return None
        if ((window is not None or level) and self.master.spreads
                and not self._window(budget, window, level=level)):
            return None
        rng: random.Random | None = None
        best: dict[str, list[str]] | None = None
        best_objective = math.inf
        longest = 0.0
        stale = 0
        # until the first roster, the dives may use the grace past the budget, in all
        graced = budget.child(budget.left + grace)
        while best_objective > target and stale < STALE_DIVES:
            active = graced if best is None else budget
            # another dive only if one as long as the longest so far still fits: a dive cut
            # short gives nothing, while the time it would take is worth more to the search
            if active.exhausted or active.left <= longest:
                break
            self.master.unfix()
            started = active.spent
            roster = self.dive(active, rng=rng, rounds_per_step=rounds_per_step,
                               careful=self._careful(rng, level))
            took = active.spent - started
            if active is graced:
                budget.spend(took)  # (wall time counts itself)
            longest = max(longest, took)
            rng = rng or random.Random(seed)
            stale += 1
            if roster is not None:
                objective = check_roster(self.problem, roster).objective
                if objective < best_objective:
                    best, best_objective = roster, objective
                    stale = 0
        self.master.unfix()
        return best

    def _careful(self, rng: random.Random | None, level: bool) -> bool:
        """Whether a dive of :meth:`dives` undoes the steps whose fixings raise the LP by
        more than :data:`DIVE_JUMP`: after branching, and from the root in the levelled dives
        drawn at random (``rng``). Not in the first dive from the root, by the largest values:
        the quick one that makes sure of a roster; nor in the dives from the root that are not
        levelled, which run when they have under 3 s (``solve.LEVEL_MIN_SECONDS``). At the
        root of an inbound center (LP 23.9, rosters 28 and up) nearly every step jumps: there
        no careful dive ended in blocks of 5 s, where a dive that keeps its steps took 1.4-1.8
        s. Where time is that short the department totals are too noisy to tell the variants
        apart (the 600-staff department given 30 s, 5 s a center, ends at 1,300-1,600 or, when
        a center is left at its first roster, 4,200-10,600, with or without the undoing)."""
        return self.nodes > 0 or (rng is not None and level)

    def _cut_short(self) -> None:
        """A dive out of time: keep the master's LP rounded as it stands, its fixings with it
        (:attr:`cut`), unless an earlier dive left one."""
        if self.cut is None:
            self.cut = self.rounded()

    def rounded(self) -> dict[str, list[str]] | None:
        """The master's LP rounded, as a roster that may break hard rules: each class's people
        take its columns by the whole parts of their LP values first, then by the largest
        fractional parts. A guide for a search when no dive has ended (None if the LP can't be
        solved): on a synthetic inbound center of 100 people whose root had 3 s, 568 with one
        cover row short by 2, against a first roster of 4,949."""
        if self.master.solve() is None:
            return None
        roster: dict[str, list[str]] = {}
        for cls in self.classes:
            values = [(var.solution_value(), cells) for var, cells in cls.column_vars]
            taken = [cells for value, cells in values for _ in range(math.floor(value + 1e-6))]
            parts = sorted(values, key=lambda item: -(item[0] - math.floor(item[0] + 1e-6)))
            taken += [cells for _, cells in parts]  # (the rest only fills the class up)
            for pid, cells in zip(cls.ids, taken, strict=False):
                roster[pid] = list(cells)
        return roster

    def dive(self, budget: Budget, *, rounds_per_step: int = DIVE_ROUNDS,
             rng: random.Random | None = None, careful: bool = True
             ) -> dict[str, list[str]] | None:
        """A roster read off the master: fix the columns the LP already takes whole, else the
        one it takes most of and extras (:meth:`_Master.fix_integral`), generate columns for
        the people left, repeat until everyone has one column. If ``careful``, a step whose
        fixings raise the LP by more than :data:`DIVE_JUMP` is undone and taken again with at
        most half as many extras (and so on, down to none). None if the budget runs out first,
        or if the roster breaks a rule left out of the master (a pair rule). The bound is not
        updated while diving (it would no longer be a bound on the whole problem)."""
        if not self._solve_master(budget):  # columns may have come in since the last solve
            return None
        cap: int | None = None  # the extras the next step may fix (None: every one)
        cautious = False  # the last step was undone for a hard minimum short
        with ThreadPoolExecutor(max_workers=self.workers) as pool:
            while not budget.exhausted:
                saved = self.master.lower_bounds()
                before = self.lp_value
                open_classes = self.master.fix_integral(rng, extras=cap)
                extras = self.master.extras_fixed
                if not self._solve_master(budget):
                    return None
                for _ in range(rounds_per_step if open_classes else 0):
                    try:
                        done = self._round(budget, pool, open_classes)
                    except NoColumn:
                        return None
                    if done is None:
                        self._cut_short()
                        return None
                    if done[0] == 0:
                        break
                    if not self._solve_master(budget):
                        return None
                if self.lp_value >= _ARTIFICIAL / 2:
                    # the fixings leave a hard minimum short (or the pair rule broken): undo
                    # them and fix one column only (the sample's inbound center: dives under
                    # a branching's counts ended short of team leaders without this)
                    if cautious:
                        return None
                    self.master.restore(saved)
                    cap, cautious = 0, True
                    if not self._solve_master(budget):
                        return None
                    continue
                if careful and extras and self.lp_value > before + DIVE_JUMP:
                    # the people fixed together clash (two take the same short day off):
                    # undo and fix half as many besides the one drawn
                    self.master.restore(saved)
                    cap = extras // 2
                    if not self._solve_master(budget):
                        return None
                    continue
                cap, cautious = None, False  # (the step held: the next may fix every extra)
                if not open_classes:
                    break
            else:
                self._cut_short()
                return None
        roster = self.master.fixed_roster()
        if check_roster(self.problem, roster).violations:
            return None
        return roster


def column_bound(problem: Problem, budget: Budget, *, workers: int = 2,
                 columns: Roster | None = None) -> ColumnBound | None:
    """The best lower bound column generation finds within the budget (None if not even one
    round fits). ``columns``: a roster whose people's cells seed the master."""
    return ColumnGeneration(problem, workers=workers, columns=columns).run(budget)


def _column(cls: _Class, cells: tuple[str, ...], rows: Sequence[_Row]
            ) -> tuple[int, list[int], list[tuple[int, int]]]:
    """A column's cost (the own part's checks), the cover rows it counts in (the cover's count)
    and its counts in the link rows (the links' tallies)."""
    pid = cls.ids[0]
    cost = check_roster(cls.ctx.problem, {pid: cells}).objective
    covered = [i for i, req in cls.row_reqs.items() if req.counts(cells[req.day])]
    linked = [(r, n) for r, tallies in cls.link_rows
              if (n := sum(t.count(cells) for t in tallies))]
    return cost, covered, linked


def _price(cls: _Class, duals: Sequence[float], rhos: Sequence[float], budget: Budget,
           near: tuple[str, ...] | None = None, pull: float = 0.0
           ) -> tuple[tuple[str, ...], float, bool] | str | None:
    """The class's best column under the cover's ``duals`` and the links' ``rhos``: its cells,
    a lower bound on its reduced cost before the convexity dual, and whether the cells are proven
    best. None: no time left; :data:`_NO_COLUMN`: the person has no roster of their own (within
    the branching's counts). With ``near`` (cells), each cell shared with them is ``pull``
    cheaper: a column near those (by labelling only; None for a class priced by CP-SAT)."""
    if budget.left <= 0:
        return None
    prices: dict[int, float] = {}  # variable index -> its dual price (all variables 0-1)
    constant = 0.0
    for i, index in cls.row_vars.items():
        prices[index] = prices.get(index, 0.0) + duals[i]
    for r, (terms, fixed) in cls.link_terms.items():
        if rhos[r]:
            constant += rhos[r] * fixed
            for index, c in terms.items():
                prices[index] = prices.get(index, 0.0) + rhos[r] * c
    if cls.cells_of:
        budget.spend(LABEL_WORK)
        return _label(cls, prices, constant, near, pull)
    if near is not None:
        return None
    coeffs = {index: SCALE * c for index, c in cls.own.items()}
    rounding = 0.0
    for index, exact in prices.items():
        if exact:
            price = round(SCALE * exact)
            coeffs[index] = coeffs.get(index, 0) - price
            rounding += abs(price - SCALE * exact)
    proto = cls.ctx.model.proto
    proto.clear_objective()
    proto.objective.vars.extend(list(coeffs))
    proto.objective.coeffs.extend(list(coeffs.values()))
    proto.objective.offset = SCALE * cls.offset
    solver = cp_model.CpSolver()
    solver.parameters.num_workers = 1
    for name, value in PRICING_PARAMETERS.items():
        setattr(solver.parameters, name, value)
    budget.limit(solver, PRICING_SECONDS)
    status = budget.run(solver, cls.ctx.model, stoppable=True)
    if status == cp_model.INFEASIBLE:
        return _NO_COLUMN
    if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return None
    least = (solver.best_objective_bound - rounding) / SCALE - constant
    return _cells(cls, solver), least, status == cp_model.OPTIMAL


def _label(cls: _Class, prices: dict[int, float], constant: float,
           near: tuple[str, ...] | None = None, pull: float = 0.0
           ) -> tuple[tuple[str, ...], float, bool] | str:
    """:func:`_price` by dynamic programming: exact, so the least reduced cost is the column's
    own (``prices``: each variable's dual price; ``constant``: the links' part on fixed cells;
    ``near`` and ``pull`` as for :func:`_price`, the pull not in the value returned).
    :data:`_NO_COLUMN`: the person's own part has no roster (within the branching's counts)."""
    cell_prices: dict[tuple[int, str], float] = {}
    for index, price in prices.items():
        for cell in cls.cells_of[index]:
            cell_prices[cell] = cell_prices.get(cell, 0.0) - price
    for d, code in enumerate(near or ()):
        cell_prices[d, code] = cell_prices.get((d, code), 0.0) - pull
    found = labelling.cheapest_of(_programme(cls), cell_prices)
    if found is None:
        return _NO_COLUMN
    cells, value = found
    if near is not None:
        value += pull * sum(1 for a, b in zip(cells, near, strict=True) if a == b)
    return tuple(cells), value - constant, True


#: programmes kept per class (:func:`_programme`): branching goes back and forth between the
#: counters of a few nodes
PROGRAMMES_KEPT = 8


def _programme(cls: _Class) -> labelling.Programme:
    """The labelling's price-free part for ``cls`` under its counters, built once for them."""
    found = cls.programmes.get(cls.counters)
    if found is None:
        if len(cls.programmes) >= PROGRAMMES_KEPT:
            cls.programmes.clear()
        found = labelling.programme(cls.ctx.problem, cls.counters)
        cls.programmes[cls.counters] = found
    return found
