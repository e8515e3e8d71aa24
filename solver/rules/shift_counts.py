"""At most N shifts of each type per person over the horizon.

``limits[person][shift]`` is the most days the person may work that shift; a shift not listed is
not limited. A limit of 0 forbids the shift: a problem should rather leave it out of
``Person.allowed`` (no variables at all), and this rule then still reports a roster that uses it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ortools.sat.python import cp_model

from solver.problem import CheckReport, Problem, Roster, Violation
from solver.rules.base import Rule

if TYPE_CHECKING:
    from solver.model import ModelContext


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


@dataclass(frozen=True)
class MaxShiftsPerType(Rule):
    title = "most shifts of each type"
    person_fields = ("limits",)
    limits: Mapping[str, Mapping[str, int]] = field(default_factory=dict)  # person -> shift -> max
    rule_id: str = "max_shifts"

    def __post_init__(self) -> None:
        for person_id, per_shift in self.limits.items():
            for code, limit in per_shift.items():
                if limit < 0:
                    raise ValueError(f"{self.rule_id}: limit of {person_id} on shift {code} is "
                                     f"{limit}; it must be at least 0")

    def check(self, problem: Problem, roster: Roster) -> CheckReport:
        report = CheckReport()
        for person_id, per_shift in self.limits.items():
            cells = roster[person_id]
            for code, limit in per_shift.items():
                days = tuple(d for d in range(problem.num_days) if cells[d] == code)
                if len(days) > limit:
                    report.violations.append(Violation(
                        self.rule_id, (person_id,), days,
                        f"{self.rule_id}: {problem.person(person_id).label} works shift {code} "
                        f"on {_plural(len(days), 'day')}; at most {limit}"))
        return report

    def encode(self, ctx: ModelContext) -> None:
        for person_id, per_shift in self.limits.items():
            p = ctx.person_index[person_id]
            for code, limit in per_shift.items():
                lits = [v for d in range(ctx.problem.num_days)
                        if (v := ctx.shift_var(p, d, code)) is not None]
                if len(lits) > limit:
                    ctx.hard(ctx.model.add(cp_model.LinearExpr.sum(lits) <= limit), self.rule_id,
                             person_id)

    def precheck(self, problem: Problem) -> list[Violation]:
        out = []
        for person_id, per_shift in self.limits.items():
            for code, limit in per_shift.items():
                days = tuple(d for d in range(problem.num_days)
                             if problem.fixed.get((person_id, d)) == code)
                if len(days) > limit:
                    out.append(Violation(
                        self.rule_id, (person_id,), days,
                        f"{self.rule_id}: {problem.person(person_id).label} is pinned to shift "
                        f"{code} on {_plural(len(days), 'day')}; at most {limit}"))
        return out

    def describe_group(self, problem: Problem, subject: str) -> str:
        limits = ", ".join(f"{code} on at most {limit}"
                           for code, limit in self.limits[subject].items())
        return f"{self.rule_id} {problem.person(subject).label} works {limits} days"
