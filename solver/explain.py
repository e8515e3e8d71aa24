"""Why no roster exists, in the scheduler's terms.

First the rules' pre-checks: plain contradictions in the data (both of a pair on approved leave,
a shift nobody can cover, a pin to a shift a person may not work). If there are none, the model is
rebuilt with one assumption literal per group of hard constraints (a rule about one person, date
or pair); CP-SAT names a set of groups that cannot hold together, which is then shrunk by
deletion to a minimal set while time allows.

A problem may have several independent reasons. :func:`find_conflicts` keeps looking after the
first: it switches off every group of the conflicts found so far and asks again, for as long as
the rest is still infeasible; so the conflicts it returns share no group, and each one must be
resolved on its own.
"""

from __future__ import annotations

import re
import time
from collections.abc import Sequence
from dataclasses import dataclass

from ortools.sat.python import cp_model

from solver.messages import Lang, Text
from solver.model import build_model, clear_objective
from solver.problem import Problem, Violation

Group = tuple[str, str]  # (rule id, subject)

#: most conflicts :func:`find_conflicts` looks for by default
MAX_CONFLICTS = 5

#: longest single feasibility check while shrinking a conflict, in seconds
SHRINK_STEP_SECONDS = 5.0


@dataclass(frozen=True)
class Conflict:
    """A set of rules (each about some people or dates) that cannot all hold."""

    groups: tuple[Group, ...]
    lines: tuple[Text, ...]  # plain words, one per group


def prechecks(problem: Problem) -> list[Violation]:
    """Plain contradictions in the data, found without solving (every rule's pre-check)."""
    return [v for rule in problem.rules for v in rule.precheck(problem)]


def group_order(group: Group) -> tuple[tuple[int | str, ...], ...]:
    """Sort key of a group: by rule id, then subject, numbers by value (day 2 before day 10)."""
    return tuple(tuple(int(part) if part.isdigit() else part for part in re.split(r"(\d+)", text))
                 for text in group)


def describe(problem: Problem, group: Group) -> Text:
    rule_id, subject = group
    for rule in problem.rules:
        if rule.rule_id == rule_id:
            return rule.describe_group(problem, subject)
    return Text.of("explain.group", rule=rule_id, subject=subject)


def has_roster(problem: Problem, time_limit: float = 30.0, workers: int = 2) -> bool | None:
    """Whether some roster keeps every hard rule; None if CP-SAT could not tell in time."""
    ctx = build_model(problem)
    clear_objective(ctx.model)
    solver = cp_model.CpSolver()
    solver.parameters.max_time_in_seconds = max(0.1, time_limit)
    solver.parameters.num_workers = max(1, workers)
    status = solver.solve(ctx.model)
    if status in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return True
    return False if status == cp_model.INFEASIBLE else None


class _GroupModel:
    """The feasibility model with a literal per group, asked about any subset of the groups.

    Built once. :meth:`holds` switches the groups on or off by fixing their literals (so
    presolve sees plain constraints: fast either way); :meth:`core` passes them as assumptions,
    slower, but CP-SAT then names a subset that cannot hold together.
    """

    def __init__(self, problem: Problem) -> None:
        self.ctx = build_model(problem, explain=True)
        clear_objective(self.ctx.model)
        self.keys = list(self.ctx.groups)
        self._key_of = {self.ctx.groups[k].index: k for k in self.keys}

    def holds(self, groups: Sequence[Group], seconds: float) -> bool | None:
        """Whether these groups (and no other) can hold together; None if unknown in time."""
        model = self.ctx.model.clone()
        wanted = set(groups)
        for key, lit in self.ctx.groups.items():
            model.add(model.get_bool_var_from_proto_index(lit.index) == (key in wanted))
        solver = cp_model.CpSolver()
        solver.parameters.num_workers = 1
        solver.parameters.max_time_in_seconds = max(0.05, seconds)
        status = solver.solve(model)
        if status in (cp_model.OPTIMAL, cp_model.FEASIBLE):
            return True
        return False if status == cp_model.INFEASIBLE else None

    def core(self, groups: Sequence[Group], seconds: float) -> list[Group]:
        """A subset of ``groups`` (in their order) that cannot hold together; empty if none was
        found in time."""
        model = self.ctx.model
        model.clear_assumptions()
        model.add_assumptions([self.ctx.groups[k] for k in groups])
        solver = cp_model.CpSolver()
        solver.parameters.num_workers = 1  # cores of assumptions need a single worker
        # the LP of every constraint, enforced ones too: a count clash (more people needed on a
        # day's shifts than there are) is then proven at once, not by a long search (0.8 s
        # instead of none in 120 s on the sample's outbound center asking 36 of 35 agents)
        solver.parameters.linearization_level = 2
        solver.parameters.max_time_in_seconds = max(0.05, seconds)
        status = solver.solve(model)
        model.clear_assumptions()
        if status != cp_model.INFEASIBLE:
            return []
        found = {self._key_of[i] for i in solver.sufficient_assumptions_for_infeasibility()
                 if i in self._key_of}
        return [k for k in groups if k in found]

    def shrink(self, core: list[Group], deadline: float) -> list[Group]:
        """Drop groups while the rest still cannot hold together (until ``deadline``).

        A group is kept once the others hold without it; that stays true of every smaller set,
        so the result is minimal when time allows.
        """
        i = 0
        while i < len(core) and len(core) > 1:
            left = deadline - time.perf_counter()
            if left <= 0:
                break
            trial = core[:i] + core[i + 1:]
            if self.holds(trial, min(left, SHRINK_STEP_SECONDS)) is False:
                core = trial
            else:
                i += 1
        return core


def find_conflicts(problem: Problem, time_limit: float = 30.0,
                   max_conflicts: int = MAX_CONFLICTS) -> list[Conflict]:
    """Up to ``max_conflicts`` independent small sets of rule groups that cannot hold together.

    Empty when the problem is feasible or no conflict was found in time. After each conflict, its
    groups are switched off, and while the rest still cannot hold, another conflict is looked for
    among it; so the conflicts share no group. Shrinking a conflict may take half the time left
    (the last allowed one all of it).
    """
    deadline = time.perf_counter() + time_limit
    model = _GroupModel(problem)
    active = list(model.keys)
    out: list[Conflict] = []
    while len(out) < max_conflicts:
        left = deadline - time.perf_counter()
        if left <= 0 or model.holds(active, left) is not False:
            break
        core = model.core(active, deadline - time.perf_counter())
        if not core:
            break
        left = deadline - time.perf_counter()
        share = left if len(out) == max_conflicts - 1 else left / 2
        core = sorted(model.shrink(core, time.perf_counter() + share), key=group_order)
        out.append(Conflict(tuple(core), tuple(describe(problem, g) for g in core)))
        removed = set(core)
        active = [k for k in active if k not in removed]
    return out


def find_conflict(problem: Problem, time_limit: float = 30.0) -> Conflict | None:
    """A small set of rule groups that cannot hold together, or None if none was found."""
    found = find_conflicts(problem, time_limit, max_conflicts=1)
    return found[0] if found else None


def conflict_lines(conflicts: Sequence[Conflict], lang: Lang = "en") -> list[str]:
    """Plain words for conflicts, in ``lang``: one block per conflict, a line per group."""
    if len(conflicts) == 1:
        return [Text("explain.cannot_hold").render(lang),
                *(f"  - {line.render(lang)}" for line in conflicts[0].lines)]
    out = [Text.of("explain.several", n=len(conflicts)).render(lang)]
    for i, conflict in enumerate(conflicts, start=1):
        out.append(Text.of("explain.numbered", i=i).render(lang))
        out += [f"  - {line.render(lang)}" for line in conflict.lines]
    return out


def explain(problem: Problem, time_limit: float = 30.0, max_conflicts: int = 1,
            lang: Lang = "en") -> list[str]:
    """Plain-words reasons, in ``lang``, why the problem has no roster (empty if none could be
    found).

    The pre-checks' contradictions if there are any, else up to ``max_conflicts`` conflicts.
    """
    found = prechecks(problem)
    if found:
        return [v.render(lang) for v in found]
    conflicts = find_conflicts(problem, time_limit, max_conflicts)
    return conflict_lines(conflicts, lang) if conflicts else []
