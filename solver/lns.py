"""Large-neighbourhood search around CP-SAT: keep the best roster, free a part, re-solve, repeat.

Once cover is met, CP-SAT on two workers improves a month's roster slowly: the remaining costs
(isolated days off, shift changes, fairness) are spread over many people and days. Freeing a few
people for the whole month, or everybody for a few days, gives sub-problems that CP-SAT solves to
optimality in a fraction of a second. The neighbourhood sizes adapt: they grow while the
sub-problems are solved to optimality and shrink when they time out. On the sample's inbound
center (60 people) this reaches objective 185-240 in 30 s where plain CP-SAT reaches 265-300.

The model is built once; each step clones it and fixes the cells outside the neighbourhood with
one ``bool_and`` of literals (a list of integers, not a domain edit per variable), hints the free
cells, and reads back only the free cells. A step whose sub-model CP-SAT cannot even presolve in
its time (a year-long benchmark instance) makes the next steps longer. Every accepted roster is
re-checked by the rules' checks (:func:`solver.check.verify_solution`).

:func:`mend` uses the same sub-models the other way round: it turns a roster that breaks some
hard rules (the column phase's LP rounded, when no dive ended) into one that keeps them all, by
re-solving everybody's cells on the days around each broken rule.

:class:`LnsOptions` switches on cover-targeted ("hot") neighbourhoods, an adaptive choice of the
neighbourhood kind and a lighter presolve per step; all are off by default (measured on the
Curtois & Qu benchmark: see ``benchmarks/results/curtois-levers-2026-11-27.md``).
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from dataclasses import dataclass

from ortools.sat.python import cp_model

from solver.budget import Budget
from solver.check import check_roster, verify_solution
from solver.model import ModelContext
from solver.problem import LEAVE, OFF, CheckReport, Roster, is_work

#: called on each improvement: (objective)
ImproveFn = Callable[[int], None]

#: longest single sub-solve, in seconds: short steps beat long ones here
STEP_SECONDS = 0.5
#: on a big model a step may need longer just to presolve: up to this many times STEP_SECONDS
MAX_STRETCH = 16.0


@dataclass
class LnsStats:
    steps: int = 0
    improvements: int = 0
    optimal_steps: int = 0


class _Cells:
    """The model's variables cell by cell, to fix or hint a roster's cells in bulk.

    Fixing a cell takes one literal per variable in a single ``bool_and``; building it is a list
    of integers instead of a domain edit per variable (on a 120-person instance that was most
    of the Python time of a step).
    """

    def __init__(self, ctx: ModelContext) -> None:
        problem = ctx.problem
        self.ids = [person.id for person in problem.people]
        self.num_days = problem.num_days
        #: per person and day: (variable index, shift code, or None for the work variable)
        self.vars: list[list[list[tuple[int, str | None]]]] = [
            [[(ctx.work[p, d].index, None),
              *((var.index, problem.shifts[s].code) for s, var in ctx.shift_vars_of_day(p, d))]
             for d in range(problem.num_days)]
            for p in range(len(problem.people))]
        #: the cell of a day with no shift (OFF, or LEAVE where leave is fixed)
        self.empty = [[LEAVE if ctx.is_leave(p, d) else OFF for d in range(problem.num_days)]
                      for p in range(len(problem.people))]

    @staticmethod
    def _literal(index: int, code: str | None, cell: str) -> int:
        on = is_work(cell) if code is None else code == cell
        return index if on else -index - 1

    def fix(self, roster: Roster, free: set[tuple[int, int]]) -> list[int]:
        """The literals that fix every cell outside ``free`` to ``roster``."""
        lit = self._literal
        out: list[int] = []
        for p, pid in enumerate(self.ids):
            cells, person_vars = roster[pid], self.vars[p]
            out.extend(lit(index, code, cells[d]) for d in range(self.num_days)
                       if (p, d) not in free for index, code in person_vars[d])
        return out

    def hint(self, roster: Roster, free: set[tuple[int, int]]) -> list[int]:
        """The literals of ``roster``'s cells in ``free`` (a hint: true literal -> value 1)."""
        lit = self._literal
        return [lit(index, code, roster[self.ids[p]][d])
                for p, d in free for index, code in self.vars[p][d]]

    def sub_model(self, ctx: ModelContext, roster: Roster, free: set[tuple[int, int]], *,
                  workers: int, seed: int) -> tuple[cp_model.CpModel, cp_model.CpSolver]:
        """The model with every cell outside ``free`` fixed to ``roster`` and the cells in
        ``free`` hinted, and a solver for it (``workers``, random ``seed``)."""
        sub = ctx.model.clone()
        sub.proto.constraints.add().bool_and.literals.extend(self.fix(roster, free))
        hint = self.hint(roster, free)
        sub.proto.clear_solution_hint()
        sub.proto.solution_hint.vars.extend([lit if lit >= 0 else -lit - 1 for lit in hint])
        sub.proto.solution_hint.values.extend([int(lit >= 0) for lit in hint])
        solver = cp_model.CpSolver()
        solver.parameters.num_workers = workers
        solver.parameters.random_seed = seed
        return sub, solver

    def read(self, roster: Roster, free: set[tuple[int, int]],
             solution: list[int]) -> dict[str, list[str]]:
        """``roster`` with the cells in ``free`` read from a solution of the sub-model."""
        out = {pid: list(roster[pid]) for pid in self.ids}
        for p, d in free:
            cell = self.empty[p][d]
            for index, code in self.vars[p][d]:
                if code is not None and solution[index]:
                    cell = code
                    break
            out[self.ids[p]][d] = cell
        return out


class _Sizes:
    """Adaptive neighbourhood sizes, as shares of the people and of the days."""

    def __init__(self) -> None:
        self.people = 0.15
        self.days = 0.25

    def update(self, by_people: bool, optimal: bool) -> None:
        factor = 1.1 if optimal else 0.85
        if by_people:
            self.people = min(1.0, max(0.02, self.people * factor))
        else:
            self.days = min(1.0, max(0.05, self.days * factor))


@dataclass(frozen=True)
class LnsOptions:
    """How the search picks neighbourhoods and runs its steps."""

    #: longest sub-solve, in seconds (on a big model CP-SAT's presolve alone takes 0.2-0.4 s)
    step_seconds: float = STEP_SECONDS
    #: share of the steps that free cells around a costly penalty (a cover gap, a request):
    #: the people who could fill that day's gap, or everybody on days around it
    hot_share: float = 0.0
    #: a lighter presolve in each step (one presolve round, no probing, no symmetry)
    light_presolve: bool = False
    #: pick the kind of neighbourhood by how well each kind did lately (improvement per second
    #: of its recent steps) instead of by fixed shares
    adaptive: bool = False


class _Kinds:
    """Adaptive choice of the neighbourhood kind: a weight per kind, smoothed rewards."""

    FLOOR = 0.05

    def __init__(self, weights: dict[str, float]) -> None:
        self.weights = {kind: w for kind, w in weights.items() if w > 0}

    def choose(self, rng: random.Random) -> str:
        kinds = list(self.weights)
        return rng.choices(kinds, weights=[self.weights[k] for k in kinds])[0]

    def update(self, kind: str, gain: float, seconds: float, mean_seconds: float) -> None:
        """``gain``: 1 for an improvement, a little for a sideways move, 0 for nothing."""
        reward = gain * mean_seconds / max(seconds, 1e-3)
        self.weights[kind] = max(self.FLOOR, 0.85 * self.weights[kind] + 0.15 * reward)


#: the parameters of a lighter presolve: on a 120-person instance a step's presolve goes from
#: 0.35 s to 0.2 s, and the sub-problems are small enough not to need more
LIGHT_PRESOLVE = {"max_presolve_iterations": 1, "symmetry_level": 0, "cp_model_probing_level": 0}


class _Neighbourhoods:
    """The cells each step frees."""

    def __init__(self, ctx: ModelContext, rng: random.Random, sizes: _Sizes) -> None:
        problem = ctx.problem
        self.problem = problem
        self.rng = rng
        self.sizes = sizes
        self.num_people, self.num_days = len(problem.people), problem.num_days
        self.rest_days = [d.index for d in problem.days if d.is_rest_day]
        self.person_index = ctx.person_index

    def _k(self) -> int:
        return max(2, min(self.num_people, round(self.sizes.people * self.num_people)))

    def _length(self) -> int:
        return max(2, min(self.num_days, round(self.sizes.days * self.num_days)))

    def _people(self, chosen: set[int]) -> set[tuple[int, int]]:
        return {(p, d) for p in chosen for d in range(self.num_days)}

    def _window(self, first: int, length: int) -> set[tuple[int, int]]:
        first = max(0, min(first, self.num_days - length))
        return {(p, d) for p in range(self.num_people) for d in range(first, first + length)}

    def random(self) -> tuple[set[tuple[int, int]], bool]:
        """Random people for the whole horizon, a window of days, or rest days; and whether the
        neighbourhood is sized by people."""
        draw = self.rng.random()
        if draw > 0.8 and self.rest_days:
            return self.pick("rest")
        return self.pick("people" if draw < 0.5 else "window")

    def pick(self, kind: str) -> tuple[set[tuple[int, int]], bool]:
        """A neighbourhood of one kind (not "hot"): people, window or rest."""
        rng = self.rng
        if kind == "rest" and self.rest_days:
            # everybody on some rest days: where weekend fairness is decided
            length = max(1, min(len(self.rest_days), round(self.sizes.days * self.num_days)))
            chosen = rng.sample(self.rest_days, length)
            return {(p, d) for p in range(self.num_people) for d in chosen}, False
        if kind == "people":
            return self._people(set(rng.sample(range(self.num_people), self._k()))), True
        length = self._length()
        return self._window(rng.randrange(0, self.num_days - length + 1), length), False

    def hot(self, report: CheckReport, roster: Roster) -> tuple[set[tuple[int, int]], bool] | None:
        """Cells around a penalty drawn by its cost; None when no penalty has a day."""
        rng = self.rng
        terms = [t for t in report.penalties if t.day is not None and t.cost > 0]
        if not terms:
            return None
        term = rng.choices(terms, weights=[t.cost for t in terms])[0]
        day = term.day
        assert day is not None
        k = self._k()
        if term.employee_id in self.person_index:
            # a person's own term: that person and others, for the whole horizon
            p = self.person_index[term.employee_id]
            others = rng.sample([q for q in range(self.num_people) if q != p],
                                min(k - 1, self.num_people - 1))
            return self._people({p, *others}), True
        if rng.random() < 0.5:
            # a group term (cover): people who could change what they do that day
            people = self.problem.people
            able = [p for p, person in enumerate(people)
                    if (person.id, day) not in self.problem.fixed
                    and (not term.shift or person.may_work(term.shift)
                         or roster[person.id][day] == term.shift)]
            if len(able) >= 2:
                return self._people(set(rng.sample(able, min(k, len(able))))), True
        length = self._length()
        return self._window(day - rng.randrange(length), length), False


def improve(
    ctx: ModelContext,
    roster: dict[str, list[str]],
    objective: int,
    budget: Budget,
    *,
    workers: int = 2,
    seed: int = 0,
    lower_bound: float = 0.0,
    on_improve: ImproveFn | None = None,
    options: LnsOptions | None = None,
) -> tuple[dict[str, list[str]], int, LnsStats]:
    """Improve ``roster`` (of ``objective``) until the budget is spent or a stop is requested."""
    options = options or LnsOptions()
    rng = random.Random(seed)
    stats = LnsStats()
    sizes = _Sizes()
    problem = ctx.problem
    cells = _Cells(ctx)
    neighbourhoods = _Neighbourhoods(ctx, rng, sizes)
    report = check_roster(problem, roster) if options.hot_share else CheckReport()
    kinds = _Kinds({"people": 0.5, "window": 0.3,
                    "rest": 0.2 if neighbourhoods.rest_days else 0.0,
                    "hot": options.hot_share})
    total_seconds = 0.0
    stretch = 1.0
    while not budget.exhausted and objective > lower_bound:
        stats.steps += 1
        picked = None
        if options.adaptive:
            kind = kinds.choose(rng)
            if kind == "hot":
                picked = neighbourhoods.hot(report, roster)
            free, by_people = picked or neighbourhoods.pick(kind)
        else:
            kind = "hot"
            if options.hot_share and rng.random() < options.hot_share:
                picked = neighbourhoods.hot(report, roster)
            free, by_people = picked or neighbourhoods.random()
        sub, solver = cells.sub_model(ctx, roster, free, workers=workers,
                                      seed=rng.randrange(1 << 30))
        if options.light_presolve:
            for name, value in LIGHT_PRESOLVE.items():
                setattr(solver.parameters, name, value)
        if budget.deterministic:
            solver.parameters.interleave_search = True
        # a step that ends with no roster at all (not even its hint: the presolve of a big
        # model took the whole step) gets twice the time next; one with a roster a little less
        budget.limit(solver, options.step_seconds * stretch)
        started = time.perf_counter()
        status = budget.run(solver, sub)
        optimal = status == cp_model.OPTIMAL
        stats.optimal_steps += optimal
        if status == cp_model.UNKNOWN:
            stretch = min(MAX_STRETCH, stretch * 2)
        else:
            stretch = max(1.0, stretch * (0.9 if optimal else 0.95))
        sizes.update(by_people, optimal)
        gain = 0.0
        if status in (cp_model.OPTIMAL, cp_model.FEASIBLE):
            # CP-SAT's objective may be above the checker's (relaxed auxiliary variables), so
            # every candidate is checked, not only those CP-SAT rates no worse
            candidate = cells.read(roster, free, list(solver.response_proto.solution))
            candidate_report = check_roster(problem, candidate)
            verify_solution(problem, candidate_report, round(solver.objective_value),
                            optimal=False)
            if candidate_report.objective < objective:
                stats.improvements += 1
                gain = 1.0
                roster, objective, report = candidate, candidate_report.objective, candidate_report
                if on_improve is not None:
                    on_improve(objective)
            elif candidate_report.objective == objective:
                gain = 0.1 if candidate != roster else 0.0
                roster, report = candidate, candidate_report  # sideways moves leave a plateau
        if options.adaptive:
            seconds = time.perf_counter() - started
            total_seconds += seconds
            kinds.update(kind, gain, seconds, total_seconds / stats.steps)
    return roster, objective, stats


#: :func:`mend` frees everybody's cells within this many days of a broken rule's days, then
#: within the next reach if that has no roster, and so on
MEND_REACHES = (1, 3, 7)
#: the longest sub-solve of :func:`mend`, in seconds
MEND_SECONDS = 1.0


def mend(ctx: ModelContext, roster: Roster, budget: Budget, *, workers: int = 2,
         seed: int = 0) -> tuple[dict[str, list[str]], int] | None:
    """A roster that keeps every hard rule, near ``roster`` (which breaks some): everybody's cells
    within :data:`MEND_REACHES` days of the broken rules' days are re-solved with the objective,
    the rest kept. The roster and its objective, or None if no reach gives one within the
    budget (or a broken rule names no day). What a dive cut short leaves (the master's LP
    rounded, :meth:`solver.colgen.ColumnGeneration.rounded`) mostly breaks a cover row or two."""
    problem = ctx.problem
    report = check_roster(problem, roster)
    if not report.violations:
        return {pid: list(cells) for pid, cells in roster.items()}, report.objective
    if any(not violation.days for violation in report.violations):
        return None
    days = {d for violation in report.violations for d in violation.days}
    cells = _Cells(ctx)
    rng = random.Random(seed)
    for reach in MEND_REACHES:
        if budget.exhausted:
            return None
        near = {d + k for d in days for k in range(-reach, reach + 1)}
        free = {(p, d) for p in range(len(problem.people)) for d in near
                if 0 <= d < problem.num_days}
        sub, solver = cells.sub_model(ctx, roster, free, workers=workers,
                                      seed=rng.randrange(1 << 30))
        if budget.deterministic:
            solver.parameters.interleave_search = True
        budget.limit(solver, MEND_SECONDS)
        status = budget.run(solver, sub)
        if status in (cp_model.OPTIMAL, cp_model.FEASIBLE):
            mended = cells.read(roster, free, list(solver.response_proto.solution))
            mended_report = check_roster(problem, mended)
            verify_solution(problem, mended_report, round(solver.objective_value),
                            optimal=False)
            return mended, mended_report.objective
    return None
