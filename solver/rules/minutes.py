"""Total worked minutes per person over the horizon lie within (minimum, maximum).

A worked cell counts its shift's ``Shift.minutes``; OFF and LEAVE count nothing.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from solver.messages import Text
from solver.problem import CheckReport, Problem, Roster, Violation, is_work
from solver.rules.base import Rule

if TYPE_CHECKING:
    from solver.model import ModelContext


@dataclass(frozen=True)
class TotalMinutes(Rule):
    title = "total minutes worked"
    person_fields = ("bounds",)
    bounds: Mapping[str, tuple[int, int]] = field(default_factory=dict)  # person -> (min, max)
    rule_id: str = "total_minutes"

    def __post_init__(self) -> None:
        for person_id, (low, high) in self.bounds.items():
            if not 0 <= low <= high:
                raise ValueError(f"{self.rule_id}: bounds of {person_id} are ({low}, {high}); "
                                 f"need 0 <= min <= max")

    def minutes(self, problem: Problem, cells: Iterable[str]) -> int:
        """Minutes of the worked cells."""
        by_code = {s.code: s.minutes for s in problem.shifts}
        return sum(by_code.get(c, 0) for c in cells if is_work(c))

    def check(self, problem: Problem, roster: Roster) -> CheckReport:
        report = CheckReport()
        for person_id, (low, high) in self.bounds.items():
            cells = roster[person_id]
            total = self.minutes(problem, cells)
            if not low <= total <= high:
                num_shifts = sum(1 for c in cells if is_work(c))
                side = (Text.of("minutes.at_least", low=low) if total < low
                        else Text.of("minutes.at_most", high=high))
                report.violations.append(Violation(
                    self.rule_id, (person_id,), (),
                    Text.of("minutes.out_of_range", rule=self.rule_id,
                            person=problem.person(person_id).label, total=total,
                            shifts=num_shifts, side=side, low=low, high=high)))
        return report

    def encode(self, ctx: ModelContext) -> None:
        from ortools.sat.python import cp_model  # only to build a model: checks run without it

        shifts = ctx.problem.shifts
        for person_id, (low, high) in self.bounds.items():
            p = ctx.person_index[person_id]
            pairs = [(var, shifts[s].minutes) for d in range(ctx.problem.num_days)
                     for s, var in ctx.shift_vars_of_day(p, d)]
            total = cp_model.LinearExpr.weighted_sum([v for v, _ in pairs],
                                                     [m for _, m in pairs])
            ctx.hard(ctx.model.add_linear_constraint(total, low, high), self.rule_id, person_id)

    def precheck(self, problem: Problem) -> list[Violation]:
        """Pinned shifts alone above the maximum, or too few free days to reach the minimum."""
        out = []
        for person_id, (low, high) in self.bounds.items():
            person = problem.person(person_id)
            fixed = [problem.fixed.get((person_id, d)) for d in range(problem.num_days)]
            pinned = self.minutes(problem, [c for c in fixed if c is not None])
            longest = max((s.minutes for s in problem.shifts if person.may_work(s.code)),
                          default=0)
            reachable = pinned + longest * sum(1 for c in fixed if c is None)
            if pinned > high:
                out.append(Violation(self.rule_id, (person_id,), (),
                                     Text.of("minutes.pinned_over", rule=self.rule_id,
                                             person=person.label, pinned=pinned, high=high)))
            elif reachable < low:
                out.append(Violation(self.rule_id, (person_id,), (),
                                     Text.of("minutes.unreachable", rule=self.rule_id,
                                             person=person.label, reachable=reachable,
                                             low=low)))
        return out

    def describe_group(self, problem: Problem, subject: str) -> Text:
        low, high = self.bounds[subject]
        return Text.of("minutes.group", rule=self.rule_id, person=problem.person(subject).label,
                       low=low, high=high)
