"""Repairing a roster: the nearest roster that keeps every hard rule.

Nearest means fewest changed cells first, then the best objective, found lexicographically in two
CP-SAT solves of the full model (:func:`~solver.model.build_model`): the first minimises the
number of cells that differ from the given roster, the second keeps that many changes at most
and minimises the objective, starting from the first one's roster. Two solves instead of one
weighted sum need no big-M weight and are exact. Approved leave and pinned cells are fixed by the
model (R3), so they never change (a given roster that breaks them is changed back to them).

A cell *changes* when the repaired cell differs from the given one: for a given shift code ``s``
that is ``not x[p, d, s]``; for ``OFF``, ``work[p, d]``; a ``LEAVE`` where no leave is approved,
an ``OFF`` on approved leave and a shift the person may not work always change.

The repaired roster is re-checked by the rules' plain-Python checks (:mod:`solver.check`) before it
is returned, and so is the number of changes the model counted.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass, replace

from ortools.sat.python import cp_model

from solver.budget import Budget, StopSignal
from solver.check import ModelCheckerMismatch, check_roster, verify_solution
from solver.messages import Lang, Text
from solver.model import ModelContext, build_model
from solver.problem import LEAVE, OFF, CheckReport, Problem, Roster, Violation
from solver.solve import SolveResult, SolveSettings, configure

#: share of the time limit the first solve (fewest changes) may use; the second gets the rest
CHANGES_SHARE = 0.6

#: the reason of a change that no hard rule needed (only when the minimum is not proven)
OBJECTIVE_REASON = "objective"


@dataclass(frozen=True)
class Change:
    """One changed cell: before and after (a shift code, OFF or LEAVE), and why.

    ``reason`` is the rule ids (joined by ``;``) of the given roster's violations this cell was
    part of; for a cell that was part of none (a change that makes up for another one, such as a
    day off moved to keep the quota), the rules that putting it back would break; else
    :data:`OBJECTIVE_REASON`. :attr:`text` is the reason in words, for either language.
    """

    employee_id: str
    day: int
    before: str
    after: str
    reason: str

    @property
    def text(self) -> Text:
        if self.reason == OBJECTIVE_REASON:
            return Text("repair.objective")
        return Text.of("repair.rules", rules=self.reason)

    def render_reason(self, lang: Lang) -> str:
        """The reason in ``lang`` (rule ids are the same in every language)."""
        return self.text.render(lang)


@dataclass
class RepairResult:
    """The repaired roster (``result``), the changes, and the given roster's own check.

    ``result.status`` is OPTIMAL when both the number of changes and the objective among rosters
    with that many changes are proven optimal, FEASIBLE when a repaired roster was found,
    INFEASIBLE when no roster keeps every hard rule, UNKNOWN when none was found in time.
    ``result.bound`` is the objective bound among rosters with at most that many changes.
    """

    result: SolveResult
    changes: list[Change]
    original: CheckReport
    minimum_proven: bool = False

    @property
    def name(self) -> str:
        return self.result.name

    @property
    def found(self) -> bool:
        return self.result.found

    @property
    def num_changes(self) -> int | None:
        return len(self.changes) if self.found else None


def involves(violation: Violation, person_id: str, day: int) -> bool:
    """A violation involves a cell when it names the person (or nobody, as cover does) and the
    day (or no day, as the days-off quota does)."""
    return ((not violation.employee_ids or person_id in violation.employee_ids)
            and (not violation.days or day in violation.days))


def changed_cells(problem: Problem, before: Roster, after: Roster) -> list[tuple[str, int]]:
    """(person id, day) of every cell that differs, person by person in the problem's order."""
    return [(person.id, d) for person in problem.people for d in range(problem.num_days)
            if before[person.id][d] != after[person.id][d]]


def explain_changes(problem: Problem, before: Roster, after: Roster,
                    original: CheckReport) -> list[Change]:
    """The changes from ``before`` to ``after``, each with its reason (see :class:`Change`)."""
    out = []
    for person_id, d in changed_cells(problem, before, after):
        ids = {v.rule_id for v in original.violations if involves(v, person_id, d)}
        if not ids:
            reverted = {pid: list(cells) for pid, cells in after.items()}
            reverted[person_id][d] = before[person_id][d]
            ids = {v.rule_id for v in check_roster(problem, reverted).violations}
        out.append(Change(person_id, d, before[person_id][d], after[person_id][d],
                          ";".join(sorted(ids)) or OBJECTIVE_REASON))
    return out


def change_literals(ctx: ModelContext, roster: Roster) -> tuple[int, list[cp_model.LiteralT]]:
    """The number of changed cells as ``constant + sum(literals)`` (see the module's doc)."""
    problem = ctx.problem
    constant = 0
    literals: list[cp_model.LiteralT] = []
    for person in problem.people:
        p = ctx.person_index[person.id]
        for d, cell in enumerate(roster[person.id]):
            if ctx.is_leave(p, d):
                constant += cell != LEAVE
            elif cell == LEAVE:
                constant += 1
            elif cell == OFF:
                literals.append(ctx.work[p, d])
            else:
                var = ctx.shift_var(p, d, cell)
                if var is None:
                    constant += 1
                else:
                    literals.append(var.Not())
    return constant, literals


def _check_given(problem: Problem, roster: Roster) -> None:
    for person in problem.people:
        cells = roster.get(person.id)
        if cells is None or len(cells) != problem.num_days:
            raise ValueError(f"{problem.name}: the roster needs {problem.num_days} cells for "
                             f"{person.id}")


def repair(problem: Problem, roster: Roster, settings: SolveSettings | None = None, *,
           stop: StopSignal | None = None) -> RepairResult:
    """The nearest roster to ``roster`` that keeps every hard rule of ``problem``.

    ``roster`` must hold one cell per day for every person of the problem (others are ignored).
    ``settings.time_limit`` covers both solves; ``stop`` ends the search early, keeping the best
    repair found. Raises :class:`~solver.check.ModelCheckerMismatch` if the model and the
    checker disagree.
    """
    settings = settings or SolveSettings()
    _check_given(problem, roster)
    start = time.perf_counter()
    budget = Budget(settings.time_limit, deterministic=settings.deterministic, stop=stop)
    given = {person.id: list(roster[person.id]) for person in problem.people}
    original = check_roster(problem, given)

    ctx = build_model(problem)
    objective = ctx.objective_expr()
    constant, literals = change_literals(ctx, given)
    num_changed = sum(literals, start=cp_model.LinearExpr.constant(constant))

    # 1. the fewest changes, starting from the given roster
    ctx.model.minimize(num_changed)
    ctx.hint_roster(given)
    solver = cp_model.CpSolver()
    configure(solver, replace(settings, relative_gap=0.0))
    budget.limit(solver, budget.left * CHANGES_SHARE)
    status = budget.run(solver, ctx.model)
    result = SolveResult(name=problem.name, status=solver.status_name(status))
    if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        result.seconds = time.perf_counter() - start
        return RepairResult(result, [], original)
    minimum_proven = status == cp_model.OPTIMAL
    fewest = round(solver.objective_value)
    roster_1 = ctx.roster_from(solver.boolean_value)
    # the model's objective for the first roster: an upper bound of its true objective (the
    # penalties' auxiliary variables were not pushed down)
    objective_1 = round(solver.value(objective))
    result.first_solution_seconds = time.perf_counter() - start

    # 2. the best objective with at most that many changes, starting from the first roster
    ctx.model.add(num_changed <= fewest)
    ctx.model.minimize(objective)
    ctx.model.clear_hints()  # type: ignore[no-untyped-call]
    ctx.hint_roster(roster_1)
    solver = cp_model.CpSolver()
    configure(solver, settings)
    budget.limit(solver, max(0.1, budget.left))
    status = budget.run(solver, ctx.model)
    if status in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        repaired = ctx.roster_from(solver.boolean_value)
        report = check_roster(problem, repaired)
        verify_solution(problem, report, round(solver.objective_value),
                        status == cp_model.OPTIMAL)
        result.bound = solver.best_objective_bound
        optimal = minimum_proven and status == cp_model.OPTIMAL
    else:  # no better roster in time: the first one is a repair with the fewest changes found
        repaired = roster_1
        report = check_roster(problem, repaired)
        verify_solution(problem, report, objective_1, False)
        optimal = False
    num_changes = len(changed_cells(problem, given, repaired))
    if num_changes > fewest or (minimum_proven and num_changes != fewest):
        raise ModelCheckerMismatch(
            f"{problem.name}: the model counted {fewest} changed cells at most, the roster has "
            f"{num_changes}")
    result.status = "OPTIMAL" if optimal else "FEASIBLE"
    result.roster = repaired
    result.report = report
    result.objective = report.objective
    changes = explain_changes(problem, given, repaired, original)
    result.seconds = time.perf_counter() - start
    return RepairResult(result, changes, original, minimum_proven)


def _size(problem: Problem) -> int:
    return max(1, len(problem.people) * problem.num_days)


def repair_many(problems: Sequence[Problem], roster: Roster, settings: SolveSettings, *,
                stop: StopSignal | None = None) -> list[RepairResult]:
    """Repair a department's centers one after another within one time limit in all.

    ``roster`` holds every person of every problem. Each center gets all the workers and a share
    of the time in proportion to its size; in wall time, time a center leaves unused goes to the
    next ones.
    """
    deadline = time.perf_counter() + settings.time_limit
    total = remaining = sum(_size(p) for p in problems)
    out = []
    for problem in problems:
        if settings.deterministic:
            share = settings.time_limit * _size(problem) / total
        else:
            share = max(0.1, deadline - time.perf_counter()) * _size(problem) / remaining
        remaining -= _size(problem)
        out.append(repair(problem, roster, replace(settings, time_limit=share), stop=stop))
    return out
