"""W4 days off in blocks, and W5 few changes of shift type within a week.

W4: each OFF day whose neighbours are both worked days costs the weight (the day before the month
comes from history; the last day of the month has no known next day and is never isolated).
W5: each pair of consecutive worked days in the same calendar week with different shift types
costs the weight.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from solver.messages import Text
from solver.problem import OFF, CheckReport, Penalty, Problem, Roster, is_work
from solver.rules.base import Rule

if TYPE_CHECKING:
    from solver.model import ModelContext


@dataclass(frozen=True)
class IsolatedDayOff(Rule):
    title = "days off in blocks"
    soft_only = True
    people: tuple[str, ...] = ()
    weight: int = 0
    rule_id: str = "W4"

    def own_part_for(self, people: frozenset[str]) -> Rule | None:
        """The same terms for ``people`` (each is about one person)."""
        return replace(self, people=tuple(pid for pid in self.people if pid in people))

    def check(self, problem: Problem, roster: Roster) -> CheckReport:
        report = CheckReport()
        if not self.weight:
            return report
        for pid in self.people:
            cells = roster[pid]
            for d in range(problem.num_days - 1):
                prev = problem.history_cell(pid, -1) if d == 0 else cells[d - 1]
                if cells[d] == OFF and prev is not None and is_work(prev) and is_work(cells[d + 1]):
                    report.penalties.append(Penalty(self.rule_id, pid, d, self.weight, 1,
                                                    detail=Text("patterns.single_day_off")))
        return report

    def encode(self, ctx: ModelContext) -> None:
        if not self.weight:
            return
        for pid in self.people:
            p = ctx.person_index[pid]
            for d in range(ctx.problem.num_days - 1):
                off = ctx.off_at(p, d)
                before = ctx.work_at(p, d - 1)
                if isinstance(off, int) or (isinstance(before, int) and before == 0):
                    continue
                z = ctx.new_amount([before + off + ctx.work[p, d + 1] - 2], 1,
                                   f"{self.rule_id}[{pid},{d}]")
                ctx.add_penalty(self.rule_id, pid, d, self.weight, z)


@dataclass(frozen=True)
class ShiftTypeChanges(Rule):
    title = "few changes of shift type within a week"
    soft_only = True
    people: tuple[str, ...] = ()
    weight: int = 0
    rule_id: str = "W5"

    def own_part_for(self, people: frozenset[str]) -> Rule | None:
        """The same terms for ``people`` (each is about one person)."""
        return replace(self, people=tuple(pid for pid in self.people if pid in people))

    def check(self, problem: Problem, roster: Roster) -> CheckReport:
        report = CheckReport()
        if not self.weight:
            return report
        for pid in self.people:
            cells = roster[pid]
            for d in range(problem.num_days - 1):
                a, b = cells[d], cells[d + 1]
                same_week = problem.days[d].week == problem.days[d + 1].week
                if same_week and is_work(a) and is_work(b) and a != b:
                    report.penalties.append(Penalty(self.rule_id, pid, d + 1, self.weight, 1,
                                                    detail=f"{a}→{b}"))
        return report

    def encode(self, ctx: ModelContext) -> None:
        if not self.weight:
            return
        days = ctx.problem.days
        for pid in self.people:
            p = ctx.person_index[pid]
            if sum(1 for s in ctx.problem.shifts if ctx.problem.person(pid).may_work(s.code)) < 2:
                continue  # one possible shift type: no change can happen
            for d in range(ctx.problem.num_days - 1):
                if days[d].week != days[d + 1].week:
                    continue
                lbs = []
                for s, var in ctx.shift_vars_of_day(p, d):
                    nxt = ctx.x.get((p, d + 1, s))
                    lbs.append(var + ctx.work[p, d + 1] - (nxt if nxt is not None else 0) - 1)
                z = ctx.new_amount(lbs, 1, f"{self.rule_id}.chg[{pid},{d}]")
                ctx.add_penalty(self.rule_id, pid, d + 1, self.weight, z)
