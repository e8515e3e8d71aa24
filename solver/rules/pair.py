"""R1 pair rule: two people (a center's director and senior leader) are never both off."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from solver.messages import Text, Value, term
from solver.problem import LEAVE, OFF, CheckReport, Problem, Roster, Violation, is_work
from solver.rules.base import Rule
from solver.rules.links import AtMost, Link, Tally

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

    def _message(self, problem: Problem, key: str, day: int | None = None) -> Text:
        """``key`` of solver.messages about the two people (and a day)."""
        a, b = problem.person(self.first), problem.person(self.second)
        on_day: dict[str, Value] = {} if day is None else {"day": problem.days[day].text}
        return Text.of(key, rule=self.rule_id, first_role=term(self.first_role), first=a.label,
                       second_role=term(self.second_role), second=b.label, **on_day)

    def check(self, problem: Problem, roster: Roster) -> CheckReport:
        report = CheckReport()
        for d in range(problem.num_days):
            a, b = roster[self.first][d], roster[self.second][d]
            if not is_work(a) and not is_work(b):
                key = "pair.both_leave" if a == b == LEAVE else "pair.both_off"
                report.violations.append(
                    Violation(self.rule_id, (self.first, self.second), (d,),
                              self._message(problem, key, d))
                )
        return report

    def encode(self, ctx: ModelContext) -> None:
        p, q = ctx.person_index[self.first], ctx.person_index[self.second]
        for d in range(ctx.problem.num_days):
            ctx.hard(ctx.model.add_bool_or([ctx.work[p, d], ctx.work[q, d]]), self.rule_id,
                     f"{self.first}+{self.second}")

    def links(self, problem: Problem) -> tuple[Link, ...]:
        """On each day, the two are off (or on leave) at most once between them."""
        off = frozenset([OFF, LEAVE])
        return tuple(AtMost((Tally(self.first, (d,), off), Tally(self.second, (d,), off)), 1)
                     for d in range(problem.num_days))

    def precheck(self, problem: Problem) -> list[Violation]:
        out = []
        for d in range(problem.num_days):
            a = problem.fixed.get((self.first, d))
            b = problem.fixed.get((self.second, d))
            if a is not None and b is not None and not is_work(a) and not is_work(b):
                key = "pair.both_leave" if a == b == LEAVE else "pair.both_fixed_off"
                out.append(Violation(self.rule_id, (self.first, self.second), (d,),
                                     self._message(problem, key, d)))
        return out

    def describe_group(self, problem: Problem, subject: str) -> Text:
        return self._message(problem, "pair.group")
