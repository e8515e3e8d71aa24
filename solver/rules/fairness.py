"""W3 weekend and holiday days off spread evenly; W5 late shifts spread evenly.

Each is ``weight * (max - min)`` over a group of people (a center's staff for W3, the agents who
may work a late shift for W5). W3 counts OFF cells on rest days (weekends that are not make-up
workdays, and public holidays); leave is the person's own and does not count.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from solver.messages import Text
from solver.problem import OFF, CheckReport, Penalty, Problem, Roster
from solver.rules.base import Rule
from solver.rules.links import Link, Spread, Tally

if TYPE_CHECKING:
    from solver.model import ModelContext


def _spread(counts: Sequence[int]) -> int:
    return max(counts) - min(counts) if len(counts) >= 2 else 0


@dataclass(frozen=True)
class RestDayFairness(Rule):
    title = "weekend and holiday days off spread evenly"
    soft_only = True
    people: tuple[str, ...] = ()
    weight: int = 0
    rule_id: str = "W3"

    def tallies(self, problem: Problem) -> tuple[Tally, ...]:
        """Each person's OFF cells on rest days."""
        rest = tuple(d.index for d in problem.days if d.is_rest_day)
        return tuple(Tally(pid, rest, frozenset([OFF])) for pid in self.people)

    def counts(self, problem: Problem, roster: Roster) -> list[int]:
        return [t.count(roster[t.person]) for t in self.tallies(problem)]

    def links(self, problem: Problem) -> tuple[Link, ...]:
        rest = sum(1 for d in problem.days if d.is_rest_day)
        return (Spread(self.tallies(problem), self.weight, rest),) if self.weight else ()

    def check(self, problem: Problem, roster: Roster) -> CheckReport:
        report = CheckReport()
        spread = _spread(self.counts(problem, roster))
        if self.weight and spread:
            report.penalties.append(Penalty(self.rule_id, "", None, self.weight, spread,
                                            detail=Text("fairness.rest_days")))
        return report

    def encode(self, ctx: ModelContext) -> None:
        rest = [d.index for d in ctx.problem.days if d.is_rest_day]
        counts = [sum(ctx.off_at(ctx.person_index[pid], d) for d in rest) for pid in self.people]
        ctx.add_spread_penalty(self.rule_id, counts, len(rest), self.weight, self.rule_id)


@dataclass(frozen=True)
class LateShiftFairness(Rule):
    title = "late shifts spread evenly"
    soft_only = True
    people: tuple[str, ...] = ()
    late_shifts: tuple[str, ...] = ()
    weight: int = 0
    rule_id: str = "W5"

    def tallies(self, problem: Problem) -> tuple[Tally, ...]:
        """Each person's late shifts."""
        days = tuple(range(problem.num_days))
        return tuple(Tally(pid, days, frozenset(self.late_shifts)) for pid in self.people)

    def links(self, problem: Problem) -> tuple[Link, ...]:
        return ((Spread(self.tallies(problem), self.weight, problem.num_days),)
                if self.weight else ())

    def check(self, problem: Problem, roster: Roster) -> CheckReport:
        report = CheckReport()
        counts = [t.count(roster[t.person]) for t in self.tallies(problem)]
        spread = _spread(counts)
        if self.weight and spread:
            report.penalties.append(Penalty(self.rule_id, "", None, self.weight, spread,
                                            detail=Text("fairness.late_shifts")))
        return report

    def encode(self, ctx: ModelContext) -> None:
        counts = []
        for pid in self.people:
            p = ctx.person_index[pid]
            terms = [v for d in range(ctx.problem.num_days) for code in self.late_shifts
                     if (v := ctx.shift_var(p, d, code)) is not None]
            counts.append(sum(terms))
        ctx.add_spread_penalty(self.rule_id, counts, ctx.problem.num_days, self.weight,
                               f"{self.rule_id}.late")
