"""R2 one shift per person per day, of a type the person may work.

The model has one cell per person and day by construction (``ModelContext`` ties the shift
variables of a day to one ``work`` literal and creates none for shifts a person may not work);
this module checks the same in a finished roster.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from solver.messages import Text
from solver.problem import LEAVE, OFF, CheckReport, Problem, Roster, Violation
from solver.rules.base import Rule

if TYPE_CHECKING:
    from solver.model import ModelContext


@dataclass(frozen=True)
class OneShiftPerDay(Rule):
    title = "one shift per day"
    rule_id: str = "R2"
    #: the rule id of a shift outside ``Person.allowed`` when another rule forbids it (a
    #: benchmark's "at most 0 shifts of this type"); None: this rule's own id
    disallowed_rule_id: str | None = None

    def check(self, problem: Problem, roster: Roster) -> CheckReport:
        report = CheckReport()
        codes = {s.code for s in problem.shifts}
        for person in problem.people:
            cells = roster[person.id]
            for d in range(problem.num_days):
                cell = cells[d]
                if cell in (OFF, LEAVE):
                    continue
                rule_id = self.rule_id
                if cell not in codes:
                    key, shift = "one_shift.unknown", repr(cell)
                elif not person.may_work(cell):
                    key, shift = "one_shift.not_allowed", cell
                    rule_id = self.disallowed_rule_id or self.rule_id
                else:
                    continue
                report.violations.append(Violation(
                    rule_id, (person.id,), (d,),
                    Text.of(key, rule=rule_id, person=person.label, shift=shift,
                            day=problem.days[d].text)))
        return report

    def encode(self, ctx: ModelContext) -> None:
        """Nothing to add: the variables themselves allow one permitted shift per day."""

    def precheck(self, problem: Problem) -> list[Violation]:
        out = []
        for (person_id, d), cell in problem.fixed.items():
            person = problem.person(person_id)
            if cell not in (OFF, LEAVE) and not person.may_work(cell):
                rule_id = self.disallowed_rule_id or self.rule_id
                out.append(Violation(rule_id, (person_id,), (d,),
                                     Text.of("one_shift.pinned", rule=rule_id,
                                             person=person.label, shift=cell,
                                             day=problem.days[d].text)))
        return out
