"""R6 minimum rest between shifts, as forbidden successions of shift types on consecutive days.

The scenario compiler derives the forbidden pairs from shift times and the minimum rest; the
benchmark reader takes them from its file. The previous month's last day counts (history).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from solver.messages import Text
from solver.problem import CheckReport, Problem, Roster, Violation
from solver.rules.base import Rule

if TYPE_CHECKING:
    from solver.model import ModelContext


@dataclass(frozen=True)
class ForbiddenSuccessions(Rule):
    """Shift ``b`` may not follow shift ``a`` on the next day, for each pair (a, b)."""

    title = "rest between shifts"
    # (a, b) -> why: a text, or words the same in every language
    pairs: Mapping[tuple[str, str], Text | str] = field(default_factory=dict)
    use_history: bool = True
    rule_id: str = "R6"

    def check(self, problem: Problem, roster: Roster) -> CheckReport:
        report = CheckReport()
        for person in problem.people:
            cells = roster[person.id]
            before = problem.history_cell(person.id, -1) if self.use_history else None
            for d in range(problem.num_days):
                prev = before if d == 0 else cells[d - 1]
                if prev is not None and (prev, cells[d]) in self.pairs:
                    when = problem.days[d - 1].text if d else Text("succession.day_before")
                    report.violations.append(Violation(
                        self.rule_id, (person.id,), (d - 1, d) if d else (d,),
                        Text.of("succession.works", rule=self.rule_id, person=person.label,
                                prev=prev, when=when, cell=cells[d], day=problem.days[d].text,
                                why=self.pairs[prev, cells[d]])))
        return report

    def encode(self, ctx: ModelContext) -> None:
        from ortools.sat.python import cp_model  # only to build a model: checks run without it

        # one constraint per person, day and shift a: x[d, a] + sum of x[d+1, b] over the b that
        # may not follow a <= 1; equivalent to one clause per pair, as a day has at most one shift
        n = ctx.problem.num_days
        banned: dict[int, list[int]] = {}
        for a, b in self.pairs:
            if a in ctx.shift_index and b in ctx.shift_index:
                banned.setdefault(ctx.shift_index[a], []).append(ctx.shift_index[b])
        for p, person in enumerate(ctx.problem.people):
            before = ctx.problem.history_cell(person.id, -1) if self.use_history else None
            if before in ctx.shift_index:
                for s_b in banned.get(ctx.shift_index[before], []):
                    var_b = ctx.x.get((p, 0, s_b))
                    if var_b is not None:
                        ctx.hard(ctx.model.add(var_b == 0), self.rule_id, person.id)
            for s_a, after in banned.items():
                for d in range(n - 1):
                    var_a = ctx.x.get((p, d, s_a))
                    if var_a is None:
                        continue
                    nxt = [v for s_b in after if (v := ctx.x.get((p, d + 1, s_b))) is not None]
                    if len(nxt) == 1:
                        ctx.hard(ctx.model.add_bool_or([var_a.Not(), nxt[0].Not()]),
                                 self.rule_id, person.id)
                    elif nxt:
                        ctx.hard(ctx.model.add(cp_model.LinearExpr.sum([var_a, *nxt]) <= 1),
                                 self.rule_id, person.id)

    def precheck(self, problem: Problem) -> list[Violation]:
        fixed = {pid: [problem.fixed.get((pid, d)) for d in range(problem.num_days)]
                 for pid in {pid for pid, _ in problem.fixed}}
        out = []
        for pid, cells in fixed.items():
            before = problem.history_cell(pid, -1) if self.use_history else None
            for d, cell in enumerate(cells):
                prev = before if d == 0 else cells[d - 1]
                if prev is not None and cell is not None and (prev, cell) in self.pairs:
                    out.append(Violation(self.rule_id, (pid,), (d,),
                                         Text.of("succession.pinned", rule=self.rule_id,
                                                 person=problem.person(pid).label, prev=prev,
                                                 cell=cell, day=problem.days[d].text,
                                                 why=self.pairs[prev, cell])))
        return out

    def describe_group(self, problem: Problem, subject: str) -> Text:
        pairs = tuple(f"{a}→{b}" for a, b in self.pairs)
        return Text.of("succession.group", rule=self.rule_id,
                       person=problem.person(subject).label, pairs=pairs)
