"""R4 days off per month: each person's days off lie within their quota.

Counted days are OFF cells, plus LEAVE cells when leave counts towards the quota. When a person's
leave alone exceeds the quota, they get no further day off (and that is not a violation).
Equivalently, with L the counted leave: ``max(0, min - L) <= #OFF <= max(0, max - L)``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from solver.messages import Text
from solver.problem import LEAVE, OFF, CheckReport, Problem, Roster, Violation
from solver.rules.base import Rule

if TYPE_CHECKING:
    from solver.model import ModelContext


@dataclass(frozen=True)
class DaysOffQuota(Rule):
    title = "days off per month"
    person_fields = ("quota",)
    quota: Mapping[str, tuple[int, int]] = field(default_factory=dict)  # person -> (min, max)
    leave_counts: bool = True
    rule_id: str = "R4"

    def off_bounds(self, person_id: str, num_leave: int) -> tuple[int, int]:
        low, high = self.quota[person_id]
        counted = num_leave if self.leave_counts else 0
        return max(0, low - counted), max(0, high - counted)

    def check(self, problem: Problem, roster: Roster) -> CheckReport:
        report = CheckReport()
        for person_id in self.quota:
            cells = roster[person_id]
            num_off = sum(1 for c in cells if c == OFF)
            num_leave = sum(1 for c in cells if c == LEAVE)
            low, high = self.off_bounds(person_id, num_leave)
            if not low <= num_off <= high:
                q_low, q_high = self.quota[person_id]
                quota = f"{q_low}" if q_low == q_high else f"{q_low}-{q_high}"
                leave = Text.of("days_off.leave", n=num_leave) if num_leave else ""
                counted = (Text("days_off.leave_counts") if num_leave and self.leave_counts
                           else "")
                report.violations.append(Violation(
                    self.rule_id, (person_id,), (),
                    Text.of("days_off.out_of_quota", rule=self.rule_id,
                            person=problem.person(person_id).label, off=num_off, leave=leave,
                            quota=quota, counted=counted)))
        return report

    def encode(self, ctx: ModelContext) -> None:
        n = ctx.problem.num_days
        for person_id in self.quota:
            p = ctx.person_index[person_id]
            num_leave = sum(1 for d in range(n) if ctx.is_leave(p, d))
            low, high = self.off_bounds(person_id, num_leave)
            # days off that are not leave = days not worked minus leave days
            num_off = n - num_leave - sum(ctx.work[p, d] for d in range(n))
            ctx.hard(ctx.model.add_linear_constraint(num_off, low, high), self.rule_id, person_id)

    def precheck(self, problem: Problem) -> list[Violation]:
        out = []
        for person_id in self.quota:
            fixed = [problem.fixed.get((person_id, d)) for d in range(problem.num_days)]
            num_leave = sum(1 for c in fixed if c == LEAVE)
            num_fixed_off = sum(1 for c in fixed if c == OFF)
            num_fixed_work = sum(1 for c in fixed if c is not None and c not in (OFF, LEAVE))
            low, high = self.off_bounds(person_id, num_leave)
            free = problem.num_days - num_leave - num_fixed_work
            label = problem.person(person_id).label
            if num_fixed_off > high:
                out.append(Violation(self.rule_id, (person_id,), (),
                                     Text.of("days_off.pinned_off", rule=self.rule_id,
                                             person=label, n=num_fixed_off, high=high)))
            elif free < low:
                out.append(Violation(self.rule_id, (person_id,), (),
                                     Text.of("days_off.too_few_free", rule=self.rule_id,
                                             person=label, low=low, free=free)))
        return out

    def describe_group(self, problem: Problem, subject: str) -> Text:
        low, high = self.quota[subject]
        quota = f"{low}" if low == high else f"{low}-{high}"
        return Text.of("days_off.group", rule=self.rule_id,
                       person=problem.person(subject).label, quota=quota)
