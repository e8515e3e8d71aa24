"""R3 approved leave and pinned cells are kept as given; LEAVE appears only where approved.

The model fixes these cells when it builds its variables (``ModelContext._fix_cells``); this
module checks the same in a finished roster.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

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
                    what = "approved leave" if want == LEAVE else f"pinned {want}"
                    msg = f"has {what} on {problem.days[d].label} but the roster says {got}"
                elif want is None and got == LEAVE:
                    msg = f"is on LEAVE on {problem.days[d].label} without approved leave"
                else:
                    continue
                report.violations.append(
                    Violation(self.rule_id, (person.id,), (d,),
                              f"{self.rule_id}: {person.label} {msg}"))
        return report

    def encode(self, ctx: ModelContext) -> None:
        """Nothing to add: ``ModelContext`` fixes these cells (under this rule's id)."""

    def describe_group(self, problem: Problem, subject: str) -> str:
        person = problem.person(subject)
        days = sorted(d for (pid, d) in problem.fixed if pid == subject)
        cells = ", ".join(f"{problem.days[d].label} {problem.fixed[subject, d]}" for d in days)
        return f"{self.rule_id} fixed cells of {person.label}: {cells}"
