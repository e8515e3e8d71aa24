"""R1 pair rule: two people (a center's director and senior leader) are never both off."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from solver.problem import LEAVE, CheckReport, Problem, Roster, Violation, is_work
from solver.rules.base import Rule

if TYPE_CHECKING:
    from solver.model import ModelContext


@dataclass(frozen=True)
class PairRule(Rule):
    """On every day at least one of ``first`` and ``second`` works (leave counts as off)."""

    title = "pair rule"
    couples_people = True
    first: str
    second: str
    first_role: str = "director"
    second_role: str = "senior leader"
    rule_id: str = "R1"

    def _message(self, problem: Problem, day: int, why: str) -> str:
        a, b = problem.person(self.first), problem.person(self.second)
        return (
            f"{self.rule_id}: {self.first_role} {a.label} and {self.second_role} {b.label} "
            f"{why} on {problem.days[day].label}"
        )

    def check(self, problem: Problem, roster: Roster) -> CheckReport:
        report = CheckReport()
        for d in range(problem.num_days):
            a, b = roster[self.first][d], roster[self.second][d]
            if not is_work(a) and not is_work(b):
                why = "both have approved leave" if a == b == LEAVE else "are both off"
                report.violations.append(
                    Violation(self.rule_id, (self.first, self.second), (d,),
                              self._message(problem, d, why))
                )
        return report

    def encode(self, ctx: ModelContext) -> None:
        p, q = ctx.person_index[self.first], ctx.person_index[self.second]
        for d in range(ctx.problem.num_days):
            ctx.hard(ctx.model.add_bool_or([ctx.work[p, d], ctx.work[q, d]]), self.rule_id,
                     f"{self.first}+{self.second}")

    def precheck(self, problem: Problem) -> list[Violation]:
        out = []
        for d in range(problem.num_days):
            a = problem.fixed.get((self.first, d))
            b = problem.fixed.get((self.second, d))
            if a is not None and b is not None and not is_work(a) and not is_work(b):
                why = "both have approved leave" if a == b == LEAVE else "are both fixed off"
                out.append(Violation(self.rule_id, (self.first, self.second), (d,),
                                     self._message(problem, d, why)))
        return out

    def describe_group(self, problem: Problem, subject: str) -> str:
        a, b = problem.person(self.first), problem.person(self.second)
        return (f"{self.rule_id} pair rule: {self.first_role} {a.label} and {self.second_role} "
                f"{b.label} are never off on the same day")
