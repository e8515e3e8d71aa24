"""R3 approved leave and pinned cells are kept as given; LEAVE appears only where approved.

The model fixes these cells when it builds its variables (``ModelContext._fix_cells``); this
module checks the same in a finished roster.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from solver.messages import Text, Value, cell_text
from solver.problem import LEAVE, CheckReport, Problem, Roster, Violation
from solver.rules.base import Rule

if TYPE_CHECKING:
    from solver.model import ModelContext


@dataclass(frozen=True)
class FixedCells(Rule):
    title = "leave and pinned cells kept"
    rule_id: str = "R3"

    def check(self, problem: Problem, roster: Roster) -> CheckReport:
        report = CheckReport()
        for person in problem.people:
            cells = roster[person.id]
            for d in range(problem.num_days):
                want = problem.fixed.get((person.id, d))
                got = cells[d]
                if want is not None and got != want:
                    key = "fixed_cells.leave_changed" if want == LEAVE else (
                        "fixed_cells.pin_changed")
                    extra: dict[str, Value] = {"got": cell_text(got)}
                    if want != LEAVE:
                        extra["want"] = cell_text(want)
                elif want is None and got == LEAVE:
                    key, extra = "fixed_cells.unapproved_leave", {}
                else:
                    continue
                report.violations.append(Violation(
                    self.rule_id, (person.id,), (d,),
                    Text.of(key, rule=self.rule_id, person=person.label,
                            day=problem.days[d].text, **extra)))
        return report

    def encode(self, ctx: ModelContext) -> None:
        """Nothing to add: ``ModelContext`` fixes these cells (under this rule's id)."""

    def describe_group(self, problem: Problem, subject: str) -> Text:
        person = problem.person(subject)
        days = sorted(d for (pid, d) in problem.fixed if pid == subject)
        cells = tuple(Text.of("fixed_cells.cell", day=problem.days[d].text,
                              cell=cell_text(problem.fixed[subject, d])) for d in days)
        return Text.of("fixed_cells.group", rule=self.rule_id, person=person.label, cells=cells)
