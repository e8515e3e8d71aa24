"""Why no roster exists, in the scheduler's terms.

First the rules' pre-checks: plain contradictions in the data (both of a pair on approved leave,
a shift nobody can cover, a pin to a shift a person may not work). If there are none, the model is
rebuilt with one assumption literal per group of hard constraints (a rule about one person, date
or pair); CP-SAT names a set of groups that cannot hold together, which is then shrunk by
deletion to a minimal set while time allows.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

from ortools.sat.python import cp_model

from solver.model import build_model, clear_objective
from solver.problem import Problem, Violation


@dataclass(frozen=True)
class Conflict:
    """A set of rules (each about some people or dates) that cannot all hold."""

    groups: tuple[tuple[str, str], ...]  # (rule id, subject)
    lines: tuple[str, ...]  # plain words, one per group


def prechecks(problem: Problem) -> list[Violation]:
    return [v for rule in problem.rules for v in rule.precheck(problem)]


def _feasible(problem: Problem, groups: list[tuple[str, str]], seconds: float) -> bool | None:
    """Is the model feasible with only these groups of hard constraints on? None if unknown."""
    ctx = build_model(problem, explain=True)
    clear_objective(ctx.model)
    wanted = set(groups)
    for key, lit in ctx.groups.items():
        ctx.model.add(lit == (1 if key in wanted else 0))
    solver = cp_model.CpSolver()
    solver.parameters.max_time_in_seconds = max(0.05, seconds)
    solver.parameters.num_workers = 1
    status = solver.solve(ctx.model)
    if status in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return True
    if status == cp_model.INFEASIBLE:
        return False
    return None


def describe(problem: Problem, group: tuple[str, str]) -> str:
    rule_id, subject = group
    for rule in problem.rules:
        if rule.rule_id == rule_id:
            return rule.describe_group(problem, subject)
    return f"{rule_id} ({subject})"


def find_conflict(problem: Problem, time_limit: float = 30.0) -> Conflict | None:
    """A small set of rule groups that cannot hold together, or None if none was found."""
    deadline = time.perf_counter() + time_limit
    ctx = build_model(problem, explain=True)
    clear_objective(ctx.model)
    keys = list(ctx.groups)
    ctx.model.add_assumptions([ctx.groups[k] for k in keys])
    solver = cp_model.CpSolver()
    solver.parameters.num_workers = 1  # assumptions need a single worker
    solver.parameters.max_time_in_seconds = max(0.1, time_limit / 2)
    status = solver.solve(ctx.model)
    if status != cp_model.INFEASIBLE:
        return None
    by_index = {ctx.groups[k].index: k for k in keys}
    core = [by_index[i] for i in solver.sufficient_assumptions_for_infeasibility()
            if i in by_index]
    # shrink by deletion: drop a group if the rest is still infeasible
    i = 0
    while i < len(core) and len(core) > 1:
        left = deadline - time.perf_counter()
        if left <= 0:
            break
        trial = core[:i] + core[i + 1:]
        if _feasible(problem, trial, min(left, 5.0)) is False:
            core = trial
        else:
            i += 1
    core.sort()
    return Conflict(tuple(core), tuple(describe(problem, g) for g in core))


def explain(problem: Problem, time_limit: float = 30.0) -> list[str]:
    """Plain-words reasons why the problem has no roster (empty if none could be found)."""
    found = prechecks(problem)
    if found:
        return [v.message for v in found]
    conflict = find_conflict(problem, time_limit)
    if conflict is None:
        return []
    return ["These rules cannot all hold together:", *(f"  - {line}" for line in conflict.lines)]
