"""R5 maximum consecutive working days (and the general min/max consecutive rules).

A run of worked days longer than the limit is a violation when it includes at least one day of the
horizon; history days before day 0 count towards the run (China's Labour Law, art. 38).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from solver.messages import Text
from solver.problem import CheckReport, Problem, Roster, Violation, is_work
from solver.rules.base import Rule

if TYPE_CHECKING:
    from solver.model import ModelContext


def _worked_with_history(
    problem: Problem, roster: Roster, person_id: str
) -> tuple[list[bool], int]:
    """Worked flags for history days then the horizon, and the number of history days."""
    past = list(problem.history.get(person_id, ()))
    flags = [is_work(c) for c in past] + [is_work(c) for c in roster[person_id]]
    return flags, len(past)


def runs(flags: list[bool], value: bool = True) -> list[tuple[int, int]]:
    """Maximal runs of ``value`` as (first index, last index)."""
    out: list[tuple[int, int]] = []
    start: int | None = None
    for i, f in enumerate([*flags, not value]):
        if f == value and start is None:
            start = i
        elif f != value and start is not None:
            out.append((start, i - 1))
            start = None
    return out


@dataclass(frozen=True)
class MaxConsecutiveWorkDays(Rule):
    title = "max consecutive working days"
    person_fields = ("limit",)
    limit: Mapping[str, int] = field(default_factory=dict)  # person -> max run length
    rule_id: str = "R5"

    def check(self, problem: Problem, roster: Roster) -> CheckReport:
        report = CheckReport()
        for person_id, limit in self.limit.items():
            flags, offset = _worked_with_history(problem, roster, person_id)
            for first, last in runs(flags):
                if last - first + 1 > limit and last >= offset:
                    d0, d1 = max(first - offset, 0), last - offset
                    since = (Text.of("consecutive.since", past=offset - first)
                             if first < offset else "")
                    report.violations.append(Violation(
                        self.rule_id, (person_id,), tuple(range(d0, d1 + 1)),
                        Text.of("consecutive.too_long", rule=self.rule_id,
                                person=problem.person(person_id).label, n=last - first + 1,
                                first=problem.days[d0].text, last=problem.days[d1].text,
                                since=since, limit=limit)))
        return report

    def encode(self, ctx: ModelContext) -> None:
        n = ctx.problem.num_days
        for person_id, limit in self.limit.items():
            p = ctx.person_index[person_id]
            past = len(ctx.problem.history.get(person_id, ()))
            # every window of limit+1 days that ends inside the horizon has a day not worked
            for end in range(0, n):
                start = end - limit
                if start < -past:  # reaches before the known history: fewer than limit+1 days
                    continue
                window = [ctx.work_at(p, d) for d in range(start, end + 1)]
                ctx.hard(ctx.model.add(sum(window) <= limit), self.rule_id, person_id)

    def precheck(self, problem: Problem) -> list[Violation]:
        out = []
        for person_id, limit in self.limit.items():
            past = list(problem.history.get(person_id, ()))
            fixed = [problem.fixed.get((person_id, d)) for d in range(problem.num_days)]
            flags = [is_work(c) for c in past] + [c is not None and is_work(c) for c in fixed]
            for first, last in runs(flags):
                if last - first + 1 > limit and last >= len(past):
                    d0, d1 = max(first - len(past), 0), last - len(past)
                    out.append(Violation(
                        self.rule_id, (person_id,), tuple(range(d0, d1 + 1)),
                        Text.of("consecutive.pinned", rule=self.rule_id,
                                person=problem.person(person_id).label, n=last - first + 1,
                                last=problem.days[d1].text, limit=limit)))
        return out

    def describe_group(self, problem: Problem, subject: str) -> Text:
        return Text.of("consecutive.group", rule=self.rule_id,
                       person=problem.person(subject).label, limit=self.limit[subject])
