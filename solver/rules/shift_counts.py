"""At most N shifts of each type per person over the horizon.

``limits[person][shift]`` is the most days the person may work that shift; a shift not listed is
not limited. A limit of 0 forbids the shift: a problem should rather leave it out of
``Person.allowed`` (no variables at all), and this rule then still reports a roster that uses it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from solver.messages import Text, days_count
from solver.problem import CheckReport, Problem, Roster, Violation
from solver.rules.base import Rule

if TYPE_CHECKING:
    from solver.model import ModelContext


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
                        Text.of("shift_counts.too_many", rule=self.rule_id,
                                person=problem.person(person_id).label, shift=code,
                                days=days_count(len(days)), limit=limit)))
        return report

    def encode(self, ctx: ModelContext) -> None:
        from ortools.sat.python import cp_model  # only to build a model: checks run without it

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
                        Text.of("shift_counts.pinned", rule=self.rule_id,
                                person=problem.person(person_id).label, shift=code,
                                days=days_count(len(days)), limit=limit)))
        return out

    def describe_group(self, problem: Problem, subject: str) -> Text:
        limits = tuple(Text.of("shift_counts.limit", shift=code, limit=limit)
                       for code, limit in self.limits[subject].items())
        return Text.of("shift_counts.group", rule=self.rule_id,
                       person=problem.person(subject).label, limits=limits)
