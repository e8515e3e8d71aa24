"""At most N weekends worked per person over the horizon.

A weekend is the Saturday and Sunday (``Day.weekday`` 5 and 6) of one calendar week
(``Day.week``); at the horizon's edges it may have one day only. It counts as worked when the
person works on either day. Public holidays are not weekends here.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from solver.messages import Text
from solver.problem import OFF, CheckReport, Problem, Roster, Violation, is_work
from solver.rules.base import Rule

if TYPE_CHECKING:
    from solver.model import ModelContext

SATURDAY, SUNDAY = 5, 6


def weekends(problem: Problem) -> list[tuple[int, ...]]:
    """The day indices of each weekend, in order."""
    by_week: dict[int, list[int]] = {}
    for day in problem.days:
        if day.weekday in (SATURDAY, SUNDAY):
            by_week.setdefault(day.week, []).append(day.index)
    return [tuple(days) for days in by_week.values()]


@dataclass(frozen=True)
class MaxWeekends(Rule):
    title = "most weekends worked"
    person_fields = ("limit",)
    limit: Mapping[str, int] = field(default_factory=dict)  # person -> max weekends worked
    rule_id: str = "max_weekends"

    def __post_init__(self) -> None:
        for person_id, limit in self.limit.items():
            if limit < 0:
                raise ValueError(f"{self.rule_id}: limit of {person_id} is {limit}; it must be "
                                 f"at least 0")

    def check(self, problem: Problem, roster: Roster) -> CheckReport:
        report = CheckReport()
        all_weekends = weekends(problem)
        for person_id, limit in self.limit.items():
            cells = roster[person_id]
            worked = [w for w in all_weekends if any(is_work(cells[d]) for d in w)]
            if len(worked) > limit:
                days = tuple(d for w in worked for d in w if is_work(cells[d]))
                which = tuple(problem.days[w[0]].text for w in worked)
                report.violations.append(Violation(
                    self.rule_id, (person_id,), days,
                    Text.of("weekends.too_many", rule=self.rule_id,
                            person=problem.person(person_id).label, n=len(worked), which=which,
                            limit=limit)))
        return report

    def encode(self, ctx: ModelContext) -> None:
        all_weekends = weekends(ctx.problem)
        for person_id, limit in self.limit.items():
            if len(all_weekends) <= limit:
                continue
            p = ctx.person_index[person_id]
            worked = []
            for w in all_weekends:
                if len(w) == 1:
                    worked.append(ctx.work[p, w[0]])
                    continue
                # only an upper bound on the count matters: worked >= each day's work suffices
                var = ctx.model.new_bool_var(f"{self.rule_id}[{person_id},{w[0]}]")
                for d in w:
                    ctx.model.add_implication(ctx.work[p, d], var)
                worked.append(var)
            ctx.hard(ctx.model.add(sum(worked) <= limit), self.rule_id, person_id)

    def precheck(self, problem: Problem) -> list[Violation]:
        out = []
        all_weekends = weekends(problem)
        for person_id, limit in self.limit.items():
            pinned_days = [d for w in all_weekends for d in w
                           if is_work(problem.fixed.get((person_id, d)) or OFF)]
            pinned = [w for w in all_weekends if any(d in pinned_days for d in w)]
            if len(pinned) > limit:
                out.append(Violation(
                    self.rule_id, (person_id,), tuple(pinned_days),
                    Text.of("weekends.pinned", rule=self.rule_id,
                            person=problem.person(person_id).label, n=len(pinned),
                            limit=limit)))
        return out

    def describe_group(self, problem: Problem, subject: str) -> Text:
        return Text.of("weekends.group", rule=self.rule_id,
                       person=problem.person(subject).label, limit=self.limit[subject])
