"""Running CP-SAT on problems: one at a time, or a department's centers side by side.

Every roster the solver returns has been re-checked with the rules' plain-Python checks
(:func:`check_roster`); a disagreement between the model's objective and the checker's is a bug
and raises :class:`ModelCheckerMismatch` instead of returning the roster.
"""

from __future__ import annotations

import math
import threading
import time
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from ortools.sat.python import cp_model

from solver.budget import Budget, StopSignal
from solver.check import ModelCheckerMismatch, check_roster, verify_solution
from solver.lns import LIGHT_PRESOLVE, MEND_SECONDS, LnsOptions, improve, mend
from solver.model import ModelContext, build_model, clear_objective
from solver.problem import CheckReport, Problem, Roster
from solver.rules.base import CouplesPeople

if TYPE_CHECKING:
    from solver.colgen import ColumnGeneration

__all__ = ["ModelCheckerMismatch", "SolveResult", "SolveSettings", "check_roster", "solve",
           "solve_many"]

#: called on each improving roster: (problem name, seconds, objective, bound)
ProgressFn = Callable[[str, float, float, float], None]


#: above this many shift variables, a problem whose hard rules are all about one person at a time
#: gets its first roster person by person (a year-long benchmark instance: 10 s instead of none
#: in 60 s)
SPLIT_ABOVE = 20_000


@dataclass
class SolveSettings:
    time_limit: float = 60.0
    workers: int = 2
    seed: int = 0
    relative_gap: float = 0.0
    log_search: bool = False
    # time_limit counts CP-SAT's deterministic time instead of wall time: reproducible rosters
    deterministic: bool = False
    # share of the time after the first roster given to CP-SAT on the whole model (for its bound
    # and its fast early progress); the rest goes to large-neighbourhood search. 1.0: no LNS.
    full_model_share: float = 0.3
    # how the large-neighbourhood search picks and runs its steps (defaults: as for a call
    # center; the benchmark commands set their own)
    lns: LnsOptions = field(default_factory=LnsOptions)
    # above this many shift variables, a problem whose hard rules are all about one person at a
    # time gets its first roster person by person (greedily against the cover)
    split_above: int = SPLIT_ABOVE
    # share of the time limit for column generation (solver.colgen): a lower bound from whole
    # rosters of one person (raised by branching on the spreads), then rosters read off it by
    # diving, the best of which the search starts from. 0: none. The call center's 0.85: the
    # sample's inbound center given 52 s (seeds 0-3, with solve.BRANCHED_DIVE_ROUNDS and
    # colgen.branch_stalled) ended at 101 in all four runs; at 0.7 101-106, at 0.95 101-102,
    # at 0.5 (without the stall rule) 104-108. In a traced run the 101 came from the dives
    # and the search added nothing in its 14 s. Before those, at 0.5 the search started
    # from a dived roster of about 110 and ended at 104-107, against 149-172 with no column
    # phase, and the sample's bound is 125 instead of 0 (see the README)
    column_share: float = 0.85
    # a problem given less time than this, in seconds, gives column generation
    # ``column_short_share`` of it instead, and the phase does not branch: the root's bound
    # takes 1-4 s on a 100-person center whatever the limit, and a dived roster beats what the
    # search makes of a first roster in the same time (synthetic centers of 100 people given
    # 10 s each in a department of 600: 52-144 each, 612 in all, against 2,034-2,786 with no
    # column generation; given 15 s, branching raised no bound in 4.7 s and left the dives too
    # little to end one: 3,240-3,662 against 144). 19, not 20: a department's center gets its
    # share of the time left, a little under a 20 s limit for a one-center department
    column_short_seconds: float = 19.0
    column_short_share: float = 0.8
    # no column generation for a problem given less time than this, in seconds: the root's
    # bound alone takes 1-4 s on a 100-person center, and a dive about 1.3 s; where no dive
    # ends, the LP rounded and mended (solver.lns.mend) is the start. 2,000 staff given 60 s
    # (3 s a center): 11,037-28,511 in three runs with the phase, 41,327 without; 600 given
    # 18 s: 1,748 against 12,615, 30 s: 1,187 against 6,548; given 15 s (2.5 s a center)
    # 16,453 against 15,835 and 12 s 20,555 against 19,920: no gain there. 2.5, not 3: a
    # center's share is a little under what the limit divides out to when the centers before
    # it ran over
    column_min_seconds: float = 2.5
    # share of that phase the bound may take (it gives up sooner when its rounds are too slow
    # to converge, see COLUMN_ROUNDS); diving takes the rest. The benchmark's settings use 0.5
    column_bound_share: float = 1.0
    # share of what the bound leaves of the phase for branching on the spreads (W3, W5) to
    # raise it (ColumnGeneration.branch); the dives then start from the best leaf's counts.
    # Problems without spreads (the benchmark's) skip it. 0.6: the sample's inbound center
    # reaches its bound of 100 in 4 runs of 4 (at 0.5 some runs stopped at 95, a node short);
    # its dives have less time, but the first one may run past the phase
    # (``column_dive_grace_share``)
    column_branch_share: float = 0.6
    # no branching when less than this is left of the phase after the bound, in seconds:
    # branching and diving would each get too little (a synthetic 100-person center given
    # 20 s had 3 s for each, no dive ended in time, and the search went on from the first
    # roster: 1,095 against 79 without branching)
    column_branch_min_seconds: float = 8.0
    # a phase shorter than this smooths the root's prices (colgen.SMOOTHING), as does a short
    # limit: it rarely leaves column_branch_min_seconds after its root. A synthetic 100-person
    # center given 20 s (a phase of 9.7 s, no branching): 35 with smoothing, 39-46 without;
    # the sample's outbound center given 24 s (a phase of about 12 s, then branching): with
    # smoothing its dives once ended at 27 and no proof, without it 25, proven optimal
    column_smooth_seconds: float = 10.0
    # until a dive has given a roster, a dive may run past the phase into this share of the
    # time the phase leaves the search (a dive cut short gives nothing; see
    # ColumnGeneration.dives)
    column_dive_grace_share: float = 0.5


@dataclass
class SolveResult:
    name: str
    status: str  # OPTIMAL, FEASIBLE, INFEASIBLE, UNKNOWN, MODEL_INVALID
    roster: dict[str, list[str]] | None = None
    objective: int | None = None
    bound: float = 0.0
    seconds: float = 0.0
    first_solution_seconds: float | None = None
    report: CheckReport = field(default_factory=CheckReport)
    num_solutions: int = 0
    interrupted: bool = False  # stopped early by a stop request (Ctrl-C)
    #: the column phase's converged root, when it had no time to branch: :func:`resume` may
    #: branch on it (a department's time left over, :func:`solve_many`), and then drops it
    generation: ColumnGeneration | None = field(default=None, repr=False, compare=False)

    @property
    def gap(self) -> float | None:
        if self.objective is None:
            return None
        if self.objective == 0:
            return 0.0
        return max(0.0, (self.objective - self.bound) / abs(self.objective))

    @property
    def found(self) -> bool:
        return self.roster is not None


class _Progress(cp_model.CpSolverSolutionCallback):
    def __init__(self, ctx: ModelContext, name: str, progress: ProgressFn | None,
                 start: float, floor: float = 0.0) -> None:
        """``floor``: a bound known before the search (column generation's, else 0: every
        objective is a sum of penalties); CP-SAT's own may start below it, even below 0."""
        super().__init__()
        self._floor = floor
        self._ctx = ctx
        self._name = name
        self._progress = progress
        self._start = start
        self.first_solution_seconds: float | None = None
        self.best_roster: dict[str, list[str]] | None = None
        self.num_solutions = 0
        self.lock = threading.Lock()

    def on_solution_callback(self) -> None:
        elapsed = time.perf_counter() - self._start
        with self.lock:
            self.num_solutions += 1
            if self.first_solution_seconds is None:
                self.first_solution_seconds = elapsed
            self.best_roster = self._ctx.roster_from(self.boolean_value)
        if self._progress is not None:
            self._progress(self._name, elapsed, self.objective_value,
                           max(self._floor, self.best_objective_bound))


def configure(solver: cp_model.CpSolver, settings: SolveSettings) -> None:
    """Workers, seed and logging; the time limit comes from the :class:`Budget`."""
    params = solver.parameters
    params.num_workers = max(1, settings.workers)
    params.random_seed = settings.seed
    params.log_search_progress = settings.log_search
    if settings.deterministic:
        params.interleave_search = True  # the same work in the same order on every run
    if settings.relative_gap:
        params.relative_gap_limit = settings.relative_gap




#: share of the time limit the person-by-person construction may spend optimising each person's
#: cells against the cover left by the people before them; past it, people get feasible cells
GREEDY_SHARE = 0.4
#: people in a row whose slice was too short to find cells: the construction stops optimising
GREEDY_MISSES = 3


def _first_roster_by_person(problem: Problem, settings: SolveSettings,
                            budget: Budget) -> dict[str, list[str]] | None:
    """A first roster built one person at a time, or None if a person has none in time.

    Each person's cells are chosen for the cover the people before them left open (and their
    own requests): :meth:`Problem.greedy_part_for`. That search is cut short per person so the
    construction takes about :data:`GREEDY_SHARE` of the time limit. A person whose optimising
    search finds nothing in its slice gets their first feasible cells instead; after
    :data:`GREEDY_MISSES` such people in a row (slices too short for the instance), everyone
    left does, as fast as possible.
    """
    roster: dict[str, list[str]] = {}
    start = time.perf_counter()
    people = problem.people
    misses = 0
    for i, person in enumerate(people):
        cells = None
        if misses < GREEDY_MISSES:
            ctx = build_model(problem.greedy_part_for(frozenset([person.id]), roster))
            slice_ = (settings.time_limit * GREEDY_SHARE - (time.perf_counter() - start)) / (
                len(people) - i)
            cells = _person_cells(ctx, settings, budget, slice_)
            misses = 0 if cells is not None else misses + 1
        if cells is None:
            ctx = build_model(problem.hard_part_for(frozenset([person.id])))
            clear_objective(ctx.model)
            cells = _person_cells(ctx, settings, budget, budget.left)
        if cells is None:
            return None
        roster.update(cells)
    return roster


def _person_cells(ctx: ModelContext, settings: SolveSettings, budget: Budget,
                  seconds: float) -> dict[str, list[str]] | None:
    """One person's best cells found within ``seconds`` (their first ones, without an
    objective), or None."""
    solver = cp_model.CpSolver()
    configure(solver, settings)  # two workers: 0.04 s a person where one takes 2 s
    # a lighter presolve: 0.14 s a person instead of 0.25 s on a year-long instance
    for name, value in LIGHT_PRESOLVE.items():
        setattr(solver.parameters, name, value)
    budget.limit(solver, min(seconds, budget.left))
    status = budget.run(solver, ctx.model, stoppable=False)
    if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return None
    return ctx.roster_from(solver.boolean_value)


def _splits(problem: Problem, settings: SolveSettings) -> bool:
    return len(problem.people) * problem.num_days * len(problem.shifts) > settings.split_above


def _first_by_person_or_none(problem: Problem, settings: SolveSettings,
                             budget: Budget) -> dict[str, list[str]] | None:
    """The person-by-person first roster; None if the hard rules tie people together or a
    person has none in time (the whole model is tried then)."""
    try:
        return _first_roster_by_person(problem, settings, budget)
    except CouplesPeople:
        return None


def first_roster(problem: Problem, settings: SolveSettings, budget: Budget | None = None,
                 ctx: ModelContext | None = None, *,
                 split: bool = True) -> dict[str, list[str]] | None:
    """A roster that keeps every hard rule, found fast by solving without the objective.

    CP-SAT finds a first roster much sooner on the feasibility model (0.6 s instead of none in
    10 s on a 30-person synthetic center with one worker); the optimising search starts from it.
    ``ctx``: a model already built for ``problem`` (it is copied, not changed). ``split``: try
    person by person first on a big problem whose hard rules allow it.
    """
    budget = budget or Budget(settings.time_limit, deterministic=settings.deterministic)
    if split and _splits(problem, settings):
        roster = _first_by_person_or_none(problem, settings, budget)
        if roster is not None:
            return roster
    ctx = ctx or build_model(problem)
    feasibility = ctx.model.clone()
    clear_objective(feasibility)
    solver = cp_model.CpSolver()
    configure(solver, settings)
    budget.limit(solver, budget.left)  # it stops at its first roster
    # not stoppable: after Ctrl-C every center still gets a roster that keeps the hard rules
    status = budget.run(solver, feasibility, stoppable=False)
    if status in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return ctx.roster_from(solver.boolean_value)
    return None


def solve(
    problem: Problem,
    settings: SolveSettings | None = None,
    *,
    progress: ProgressFn | None = None,
    hint: Roster | None = None,
    pin: Roster | None = None,
    stop: StopSignal | None = None,
) -> SolveResult:
    """Solve one problem. ``pin`` fixes every cell (to score a given roster with the model).

    Phases: a first roster from the model without its objective; column generation
    (:mod:`solver.colgen`: a bound, and a better start dived from its LP, or where no dive
    ends its LP rounded and mended); CP-SAT on the whole model from the start (for
    ``full_model_share`` of the time left: its bound and its fast early progress); then
    large-neighbourhood search (:mod:`solver.lns`) for the rest. The model is built once, and
    its building counts against the time limit. ``stop`` ends the search early, keeping the
    best roster found so far.
    """
    settings = settings or SolveSettings()
    budget = Budget(settings.time_limit, deterministic=settings.deterministic, stop=stop)
    start = time.perf_counter()
    first: dict[str, list[str]] | None = None
    first_seconds: float | None = None
    split = hint is None and pin is None and _splits(problem, settings)
    if hint is None and pin is None and _column_share(settings) > 0:
        # the compiled labelling loads meanwhile: the first roster is CP-SAT's, which leaves
        # the interpreter free (about 0.8 s of a new process's column phase on a 100-person
        # center otherwise)
        threading.Thread(target=_warm_up, daemon=True).start()
    if split:
        # person by person needs no full model: the first roster comes before building it
        # (a year-long benchmark instance: 7 s sooner)
        first = _first_by_person_or_none(problem, settings, budget)
        if first is not None:
            first_seconds = time.perf_counter() - start
    ctx = build_model(problem)
    if pin is not None:
        ctx.pin_roster(pin)
    if hint is None and pin is None:
        if first is None:
            first = first_roster(problem, settings, budget, ctx, split=not split)
            if first is not None:
                first_seconds = time.perf_counter() - start
        if first is not None and budget.stop.requested:
            return _early_result(problem, first, start)
        hint = first
    column_bound: float | None = None
    generation: ColumnGeneration | None = None  # a root to branch on later (resume)
    start_objective: int | None = None  # the checker's objective of the roster after the phase
    if _column_share(settings) > 0 and hint is not None and pin is None:
        on_bound = None if progress is None else _bound_progress(progress, problem, hint, start)
        phase = _column_phase(problem, settings, budget, hint, on_bound)
        column_bound = phase.bound
        generation = phase.generation
        if phase.roster is not None:
            hint = phase.roster
            first = phase.roster
        start_objective = check_roster(problem, hint).objective
        if phase.guide is not None:
            # it may run past the time limit by up to MEND_SECONDS: its roster is far better
            # than the first one (a first roster too is found whatever the limit)
            mending = budget.child(max(budget.left, MEND_SECONDS))
            mended = mend(ctx, phase.guide, mending, workers=settings.workers,
                          seed=settings.seed)
            budget.spend(mending.spent)
            if mended is not None and mended[1] < start_objective:
                hint, start_objective = mended
                first = hint
        if progress is not None:
            # the phase's outcome (its bound, the roster the search goes on from): the first
            # progress line since the first roster
            progress(problem.name, time.perf_counter() - start, start_objective,
                     column_bound or 0.0)
        if budget.stop.requested:
            # a stop during column generation: the full model would start after it and miss it
            return _early_result(problem, hint, start, bound=column_bound or 0.0,
                                 first_seconds=first_seconds)
    if hint is not None:
        ctx.hint_roster(hint)
    if column_bound and not settings.deterministic:
        # a valid cut: CP-SAT then stops as soon as it finds a roster that meets the bound.
        # Not in deterministic mode: CP-SAT's interleaved search stalled on it (the sample's
        # inbound center: no progress and no end in minutes for a deterministic limit of 5 s)
        ctx.model.add(ctx.objective_expr() >= round(column_bound))
    solver = cp_model.CpSolver()
    configure(solver, settings)
    # without a first roster, the full model gets all the time: there is nothing to improve yet
    use_lns = pin is None and settings.full_model_share < 1 and hint is not None
    if (column_bound is not None and first is not None and start_objective is not None
            and start_objective <= column_bound):
        # the start (``first`` is ``hint`` here) is proven optimal: nothing to search
        return _early_result(problem, first, start, bound=column_bound,
                             first_seconds=first_seconds, optimal=True)
    budget.limit(solver, budget.left * settings.full_model_share if use_lns else budget.left)
    callback = _Progress(ctx, problem.name, progress, start, floor=column_bound or 0.0)
    status = budget.run(solver, ctx.model, callback)
    result = SolveResult(name=problem.name, status=solver.status_name(status),
                         first_solution_seconds=first_seconds or callback.first_solution_seconds,
                         num_solutions=callback.num_solutions)
    roster: dict[str, list[str]] | None = None
    if status in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        roster = ctx.roster_from(solver.boolean_value)
        result.bound = max(solver.best_objective_bound, column_bound or 0.0)
        report = check_roster(problem, roster)
        verify_solution(problem, report, round(solver.objective_value),
                        status == cp_model.OPTIMAL)
        if hint is not None and status == cp_model.FEASIBLE:
            better, report = _better(problem, roster, report, hint)
            roster = {pid: list(cells) for pid, cells in better.items()}
    elif first is not None and status == cp_model.UNKNOWN:
        # the full model found nothing better in its time: keep the first roster
        roster = first
        result.status = "FEASIBLE"
        result.bound = column_bound or 0.0
        report = check_roster(problem, roster)
        verify_solution(problem, report, report.objective, optimal=False)
    if roster is not None:
        # The checker's objective is exact; CP-SAT's may be higher for a non-optimal solution.
        objective = report.objective
        if use_lns and result.status == "FEASIBLE" and objective > result.bound:
            def improved(value: int) -> None:
                if progress is not None:
                    progress(problem.name, time.perf_counter() - start, value, result.bound)

            roster, objective, _ = improve(
                ctx, roster, objective, budget, workers=settings.workers, seed=settings.seed,
                lower_bound=result.bound, on_improve=improved, options=settings.lns)
            report = check_roster(problem, roster)
        if objective <= result.bound:
            # met the bound (column generation's, or CP-SAT's): proven optimal
            result.status = "OPTIMAL"
        result.roster = roster
        result.report = report
        result.objective = objective
    result.interrupted = budget.stop.requested
    if result.status == "FEASIBLE" and not result.interrupted:
        result.generation = generation
    result.seconds = time.perf_counter() - start
    return result


def _warm_up() -> None:
    """The column phase's compiled pricing, loaded ahead (a failure shows where it is used)."""
    try:
        from solver import labelling

        labelling.warm_up()
    except Exception:  # the column phase meets it again, and reports it
        pass


def _better(problem: Problem, roster: Roster, report: CheckReport, hint: Roster
            ) -> tuple[Roster, CheckReport]:
    """``roster`` (with its ``report``) or the ``hint`` the search started from, whichever is
    better: CP-SAT given little time may end on a roster of its own before it has completed
    the hint (the sample's inbound center given 18 s: a dived roster of 166 in, 184 out). A
    hint that breaks a hard rule is never taken; on a tie, ``roster``."""
    hinted = check_roster(problem, hint)
    if not hinted.violations and hinted.objective < report.objective:
        return hint, hinted
    return roster, report


#: column generation gives up as soon as, at its pace so far, fewer rounds than this would fit
#: in its time: on the benchmark the bound converged in 10-51 rounds of up to 0.3 s on the
#: 28-day instances, while on Instances 15, 17 and 19 a round takes over 1 s and the bound does
#: not converge in 60 s (searching instead gave better rosters there)
COLUMN_ROUNDS = 40
#: the same under ``column_short_seconds``: a synthetic inbound center of 100 people converges
#: in 22-35 rounds of 0.1-0.16 s, and at 40 its root gave up in a phase of 5.4 s (a department
#: of 600 given 40 s, 6.7 s a center: 637 with 20, 7,266 with 40, 4,281 with no phase)
COLUMN_ROUNDS_SHORT = 20


def _bound_progress(progress: ProgressFn, problem: Problem, roster: Roster,
                    start: float) -> Callable[[float], None]:
    """Progress lines for the column phase's bound, with ``roster``'s objective (the best
    known while the phase runs)."""
    objective = check_roster(problem, roster).objective

    def report(bound: float) -> None:
        progress(problem.name, time.perf_counter() - start, objective, bound)

    return report


def _column_share(settings: SolveSettings) -> float:
    """The share of the time limit for the column phase: none under ``column_min_seconds`` or
    with ``column_share`` 0, ``column_short_share`` under ``column_short_seconds``."""
    if settings.column_share <= 0 or settings.time_limit < settings.column_min_seconds:
        return 0.0
    return settings.column_short_share if _short(settings) else settings.column_share


def _short(settings: SolveSettings) -> bool:
    """A time limit under ``column_short_seconds``: the column phase's larger share, no
    branching, and fewer rounds before its root gives up as too slow."""
    return settings.time_limit < settings.column_short_seconds


#: the dives after branching keep each spread's counts within this of the LP's min and max,
#: and a spread the LP evens out at its whole count nearest (``ColumnGeneration.dives`` with
#: ``level``). Levelled, the sample's inbound center given 48 s alone ended lower in 4 seeds
#: of 4 (102-107 against 106-110), and the sample at 60 s in 4 seeds of 5 (IN 104-110, mean
#: 106.8, against 106-112, mean 108.2); its optimum, 100, has every agent at 7 late shifts
DIVE_WINDOW = 1
#: pricing rounds after each step of a dive after branching, at most (``ColumnGeneration.dive``;
#: the dives from the root keep colgen.DIVE_ROUNDS, 10). Blocks of dives alternated from the
#: same branched master of the sample's inbound center, four sets: the best dive of each set
#: with 30 rounds 100, 100, 104, 102 (3.7-10 s a dive), with 10 rounds 104, 114, 111, 104 (2-8
#: s a dive). From the root (a synthetic center of 100 people, no branching) 30 rounds did
#: worse: 84-119 against 34-50
BRANCHED_DIVE_ROUNDS = 30
#: the levelled dives after branching get at most this many seconds (at 60 s they have
#: less), and the rest of the phase, if at least LEVEL_MIN_SECONDS, goes to dives not
#: levelled: given 600 s, levelled dives through the whole phase (about 270 s) left the
#: sample's inbound center at 102 and 101 in two runs, where dives not levelled found 100
LEVELLED_DIVE_SECONDS = 15.0
#: the dives without branching go under a levelled window (``ColumnGeneration.dives``) only
#: when they have at least this many seconds: converging the LP under it took 1-3 s on the
#: centers measured. Given less, the converging spent the dives' time and left an LP whose
#: rounding mended badly (2,000 staff at 60 s, about 0.5 s of dives a center: 38,473-52,396,
#: against 11,037-28,511 diving from the root as it is)
LEVEL_MIN_SECONDS = 3.0


@dataclass
class _PhaseOutcome:
    """What the column phase gives the search after it."""

    bound: float  # rounded up to an integer, as every objective is one
    #: a dived roster that beats the start (it keeps every hard rule)
    roster: dict[str, list[str]] | None = None
    #: else, when no dive ended, the LP rounded (:meth:`ColumnGeneration.rounded`), which may
    #: break hard rules: solve() mends it (:func:`solver.lns.mend`) into a start
    guide: dict[str, list[str]] | None = None
    #: a converged root not branched on (no time for it), for :func:`resume` to branch on
    generation: ColumnGeneration | None = None


def _column_phase(problem: Problem, settings: SolveSettings, budget: Budget, start: Roster,
                  on_bound: Callable[[float], None] | None = None) -> _PhaseOutcome:
    """Column generation for ``settings.column_share`` of the time the solve has left: its
    bound and the dived roster if it beats ``start`` (else the LP rounded, as a guide, if no
    dive ended; under a short limit also if the root did not converge).
    ``on_bound`` hears the bound when the root converges and as branching raises it."""
    from solver.colgen import SMOOTHING, ColumnGeneration

    seconds = budget.left * _column_share(settings)
    # from no columns: seeding the master with ``start`` slows it down (the sample's inbound
    # center converged in 48 rounds, 10.5 s, instead of 34 rounds, 5.5 s; a first roster is far
    # from the LP's optimum), and the Curtois instances end the same either way
    generation = ColumnGeneration(problem, workers=settings.workers)
    # the bound first (given up early at a pace too slow to converge); then rosters read off
    # the master in the rest of the phase
    bounding = budget.child(seconds * settings.column_bound_share)
    short = _short(settings)  # no branching, fewer rounds
    # smoothed prices where branching is unlikely to follow (see SMOOTHING)
    smooth = short or seconds < settings.column_smooth_seconds
    found = generation.run(bounding, min_rounds=COLUMN_ROUNDS_SHORT if short else COLUMN_ROUNDS,
                           smoothing=SMOOTHING if smooth else 0.0)
    # each part's time counts in the solve's budget as soon as the part ends (a deterministic
    # budget's only so), so that the dives' grace is taken from what the search has left
    budget.spend(bounding.spent)
    bound = 0.0 if found is None else float(math.ceil(found.bound - 1e-6))
    if found is None:
        return _PhaseOutcome(bound)
    if not found.converged:
        # pricing too slow for this problem: diving would be too; the time goes back (under a
        # short limit, with the LP so far rounded as a guide)
        return _PhaseOutcome(bound, guide=generation.rounded() if short else None)
    if on_bound is not None:
        on_bound(bound)
    # branching on the spreads: a better bound, and the counts the dives start from
    spent = bounding.spent  # (a wall-time budget's spent time goes on counting)
    left = seconds - spent
    dived = None
    start_objective = check_roster(problem, start).objective
    if left >= settings.column_branch_min_seconds and not short:
        bound, dived, _, used = _branch_and_dive(problem, settings, budget, generation, left,
                                                 bound=bound, incumbent=start_objective,
                                                 on_bound=on_bound)
        spent += used
    if dived is None:  # no branching, or nothing from its dives: dives from the root
        diving = budget.child(seconds - spent)
        # within the LP's spreads, those it evens out at a whole count (unless that costs the
        # LP more than the spreads' weights): a first dive of 62 against a bound of 61 where
        # the dives from the root alone gave 136-153 (ColumnGeneration.dives)
        level = diving.left >= LEVEL_MIN_SECONDS
        dived = generation.dives(diving, target=bound, seed=settings.seed,
                                 window=0 if level else None, level=level,
                                 grace=_dive_grace(settings, budget, diving))
        budget.spend(diving.spent)
    # a root not branched on may be branched on later, given more time (resume)
    later = None if generation.nodes else generation
    if dived is None:
        # no dive ended in time (a synthetic inbound center of 100 given 5 s: its root took
        # 3.3 s, its dive was cut short): the LP rounded where the dive stopped, mended, is the
        # start instead (that center: 326 after the search, against its first roster's 4,949)
        guide = generation.cut if generation.cut is not None else generation.rounded()
        return _PhaseOutcome(bound, guide=guide, generation=later)
    if check_roster(problem, dived).objective >= start_objective:
        return _PhaseOutcome(bound, generation=later)
    return _PhaseOutcome(bound, roster=dived, generation=later)


def _branch_and_dive(problem: Problem, settings: SolveSettings, budget: Budget,
                     generation: ColumnGeneration, seconds: float, *, bound: float,
                     incumbent: int, on_bound: Callable[[float], None] | None = None
                     ) -> tuple[float, dict[str, list[str]] | None, float, float]:
    """Branching on a converged root's spreads for ``column_branch_share`` of ``seconds``,
    then dives under the best node's boxes for the rest: the bound (``bound`` or better), the
    best dived roster (None if no dive ended) and its objective (inf if none), and the
    seconds spent, each part's counted in ``budget`` as it ends."""
    spent = 0.0
    branching = budget.child(seconds * settings.column_branch_share)
    branched = generation.branch(branching, incumbent=incumbent, on_bound=on_bound)
    budget.spend(branching.spent)
    spent += branching.spent
    bound = max(bound, float(math.ceil(branched - 1e-6)))
    # dives under the best node's boxes and a window around its LP's spreads, levelled
    # for up to LEVELLED_DIVE_SECONDS; the rest of the phase, dives not levelled
    generation.restrict(generation.best_boxes)
    dived: dict[str, list[str]] | None = None
    best = math.inf
    for level in (True, False):
        rest = seconds - spent
        if not level and (rest < LEVEL_MIN_SECONDS or best <= bound):
            break
        diving = budget.child(min(rest, LEVELLED_DIVE_SECONDS) if level else rest)
        roster = generation.dives(
            diving, target=bound, seed=settings.seed, window=DIVE_WINDOW, level=level,
            grace=_dive_grace(settings, budget, diving) if dived is None else 0.0,
            rounds_per_step=BRANCHED_DIVE_ROUNDS)
        budget.spend(diving.spent)
        spent += diving.spent
        if roster is not None and (objective := check_roster(problem, roster).objective) < best:
            dived, best = roster, objective
    generation.restrict({})
    return bound, dived, best, spent


def _dive_grace(settings: SolveSettings, budget: Budget, diving: Budget) -> float:
    """How far the first dive may run past ``diving``: ``column_dive_grace_share`` of what the
    solve's ``budget`` has after it."""
    return max(0.0, budget.left - diving.left) * settings.column_dive_grace_share


def _early_result(problem: Problem, roster: Roster, start: float, *, bound: float = 0.0,
                  first_seconds: float | None = None, optimal: bool = False) -> SolveResult:
    """The result of a solve that ends before the full-model search: stopped right after its
    first roster or column generation (interrupted), or with a start that meets the bound
    (``optimal``)."""
    report = check_roster(problem, roster)
    verify_solution(problem, report, report.objective, optimal=optimal)
    seconds = time.perf_counter() - start
    return SolveResult(name=problem.name, status="OPTIMAL" if optimal else "FEASIBLE",
                       roster={pid: list(cells) for pid, cells in roster.items()},
                       objective=report.objective, bound=bound, report=report,
                       interrupted=not optimal,
                       first_solution_seconds=seconds if first_seconds is None else first_seconds,
                       seconds=seconds)


#: resume() gives branching on the root a result kept, and the dives after it, this share of
#: its time (if at least ``column_branch_min_seconds``), the search the rest; measured on the
#: 600-staff department's second inbound center (below, at solve_many)
RESUME_PHASE_SHARE = 0.8


def resume(problem: Problem, result: SolveResult, settings: SolveSettings, *,
           progress: ProgressFn | None = None, stop: StopSignal | None = None) -> SolveResult:
    """More time, ``settings.time_limit`` seconds, for a ``result`` not proven optimal (a
    department's time that its other centers left unused, see :func:`solve_many`).

    If the result kept its column generation's root (a solve given too little time to branch)
    and the time is at least ``column_branch_min_seconds``, RESUME_PHASE_SHARE of it goes to
    branching on that root and dives under its best node's boxes (as in the column phase): a
    better bound, and a dived roster if one beats the result's. Large-neighbourhood search
    from the better roster takes the rest. The root is dropped from the result; the seconds
    of both add up; the roster returned is never worse than the result's."""
    if result.roster is None or result.objective is None or result.objective <= result.bound:
        return result
    budget = Budget(settings.time_limit, deterministic=settings.deterministic, stop=stop)
    start = time.perf_counter()
    roster = result.roster
    objective = result.objective
    bound = result.bound
    generation, result.generation = result.generation, None
    if generation is not None and settings.time_limit >= settings.column_branch_min_seconds:
        # the root the solve had no time to branch on: branching and dives first
        phase = budget.left * RESUME_PHASE_SHARE
        bound, dived, value, _ = _branch_and_dive(problem, settings, budget, generation,
                                                  phase, bound=bound, incumbent=objective)
        if dived is not None and value < objective:
            roster, objective = dived, int(value)
            if progress is not None:
                progress(problem.name, result.seconds + time.perf_counter() - start,
                         objective, bound)
    del generation  # (its memory, before the search's)

    def improved(value: int) -> None:
        if progress is not None:
            progress(problem.name, result.seconds + time.perf_counter() - start, value, bound)

    if objective > bound and not budget.exhausted:
        ctx = build_model(problem)
        roster, objective, _ = improve(
            ctx, roster, objective, budget, workers=settings.workers, seed=settings.seed + 1,
            lower_bound=bound, on_improve=improved, options=settings.lns)
    seconds = result.seconds + time.perf_counter() - start
    report = check_roster(problem, roster)
    verify_solution(problem, report, report.objective, optimal=False)
    return replace(result, roster=roster, objective=report.objective, report=report, bound=bound,
                   status="OPTIMAL" if report.objective <= bound else "FEASIBLE",
                   seconds=seconds, interrupted=budget.stop.requested)


def _size(problem: Problem) -> int:
    return max(1, len(problem.people) * problem.num_days)


def solve_many(
    problems: Sequence[Problem],
    settings: SolveSettings,
    *,
    progress: ProgressFn | None = None,
    parallel: int | None = None,
    stop: StopSignal | None = None,
) -> list[SolveResult]:
    """Solve independent problems (a department's centers) within one time limit in all.

    CP-SAT needs at least two workers to search well (on a 50-person synthetic center, one worker
    ends at objective 1,700 where two reach 50 in half the time), so centers run side by side only
    when every one of them gets two workers: on 2 cores they run one after another, each with both
    workers and a share of the time in proportion to its size, the smallest first; wall time a
    center leaves unused (an optimal roster found early) goes to the next ones, and what is
    left at the end goes back to the centers not proven optimal (:func:`_revisit`; not in
    deterministic mode, whose shares are fixed). The results are in the order of
    ``problems``.

    On the 600-staff synthetic department at 60 s (seeds 0-3), 10 s went unused at the end
    (the last center proven optimal in 4 s) and the centers summed to 411, 394, 673 and 385
    (bound 322); with that time branched on and searched, 333, 338, 406 and 341 (bounds
    325-326).
    """
    if not problems:
        return []
    slots = parallel or max(1, settings.workers // 2)
    slots = max(1, min(slots, len(problems)))
    workers = max(1, settings.workers // slots)
    total = sum(_size(p) for p in problems)
    if slots == 1:
        deadline = time.perf_counter() + settings.time_limit
        remaining_size = total
        results: dict[int, SolveResult] = {}
        # the smallest first: time one leaves unused goes to the larger ones after it (the
        # sample's outbound center is proven optimal in 8 s of its 24)
        for i in sorted(range(len(problems)), key=lambda i: _size(problems[i])):
            p = problems[i]
            if settings.deterministic:
                share = settings.time_limit * _size(p) / total
            else:
                left = max(0.1, deadline - time.perf_counter())
                share = left * _size(p) / remaining_size
            remaining_size -= _size(p)
            one = replace(settings, time_limit=share, workers=workers)
            results[i] = solve(p, one, progress=progress, stop=stop)
            _keep_roots(results)
        if not settings.deterministic:
            _revisit(problems, results, settings, deadline, progress=progress, stop=stop)
        return [results[i] for i in range(len(problems))]
    with ThreadPoolExecutor(max_workers=slots) as pool:
        futures = [
            pool.submit(solve, p, replace(
                settings, workers=workers,
                time_limit=settings.time_limit * min(1.0, slots * _size(p) / total)),
                progress=progress, stop=stop)
            for p in problems
        ]
        return [f.result() for f in futures]


#: time the centers left unused goes back to those not proven optimal only if at least this
#: many seconds are left (a neighbourhood step on a 100-person center takes about 0.1-0.5 s)
REVISIT_MIN_SECONDS = 1.0


def _revisit(problems: Sequence[Problem], results: dict[int, SolveResult],
             settings: SolveSettings, deadline: float, *, progress: ProgressFn | None,
             stop: StopSignal | None, clock: Callable[[], float] = time.perf_counter) -> None:
    """Give the time the department's centers left unused (those proven optimal early) back to
    the centers not proven optimal, by :func:`resume`: the largest gap (objective - bound)
    first, each a share of what is left in proportion to its gap. The column generations the
    results kept for it are dropped at the end."""
    waiting = sorted((i for i in results if _gap(results[i]) > 0),
                     key=lambda i: -_gap(results[i]))
    total = sum(_gap(results[i]) for i in waiting)
    for i in waiting:
        left = deadline - clock()
        if left < REVISIT_MIN_SECONDS or (stop is not None and stop.requested):
            break
        gap = _gap(results[i])
        share = left * gap / total
        total -= gap
        if share >= REVISIT_MIN_SECONDS:
            results[i] = resume(problems[i], results[i], replace(settings, time_limit=share),
                                progress=progress, stop=stop)
    for result in results.values():
        result.generation = None


#: the column generations kept for the time left over (:func:`_revisit`), at most: the
#: largest gaps', which get most of that time (the 2,000-staff department peaked at 873 MiB
#: with every center's kept, in a run that shared the machine for part of it; 536 MiB with
#: two, 470 MiB before any was kept)
KEPT_ROOTS = 2


def _keep_roots(results: dict[int, SolveResult]) -> None:
    """Drop the column generations of all but the KEPT_ROOTS results with the largest gaps."""
    kept = sorted((i for i, r in results.items() if r.generation is not None),
                  key=lambda i: -_gap(results[i]))
    for i in kept[KEPT_ROOTS:]:
        results[i].generation = None


def _gap(result: SolveResult) -> float:
    """How far a result's roster is from its bound (objective - bound); 0 for a result with no
    roster, proven optimal or stopped by a stop request."""
    if result.roster is None or result.objective is None or result.interrupted:
        return 0.0
    return max(0.0, result.objective - result.bound)
