"""W2 wishes: days off, wished shifts and unwanted shifts, each with a weight.

- ``off`` with no shift: the person wants the day off; working any shift costs the weight.
- ``off`` with a shift: the person does not want that shift; working exactly it costs the weight.
- ``on`` with a shift: the person wants that shift; anything else that day costs the weight.
- ``on`` with no shift: the person wants to work; a day not worked costs the weight.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Literal

from solver.messages import Text
from solver.problem import CheckReport, Penalty, Problem, Roster, is_work
from solver.rules.base import Rule

if TYPE_CHECKING:
    from solver.model import ModelContext


@dataclass(frozen=True)
class ShiftRequest:
    person: str
    day: int
    kind: Literal["on", "off"]
    shift: str | None
    weight: int


def detail(req: ShiftRequest) -> Text:
    """What an unmet wish was: 'off day', 'on E' ('想上 E 班')."""
    if req.shift is None:
        return Text(f"requests.{req.kind}_day")
    return Text.of(f"requests.{req.kind}_shift", shift=req.shift)


def unmet(req: ShiftRequest, cell: str) -> bool:
    if req.kind == "off":
        return is_work(cell) if req.shift is None else cell == req.shift
    return not is_work(cell) if req.shift is None else cell != req.shift


@dataclass(frozen=True)
class ShiftRequests(Rule):
    title = "requests honoured"
    soft_only = True
    requests: Sequence[ShiftRequest] = ()
    rule_id: str = "W2"

    def greedy_part_for(self, people: frozenset[str], placed: Roster) -> Rule | None:
        """The requests of ``people``: each is about one person."""
        return replace(self, requests=tuple(r for r in self.requests if r.person in people))

    def own_part_for(self, people: frozenset[str]) -> Rule | None:
        """The requests of ``people``."""
        return self.greedy_part_for(people, {})

    def check(self, problem: Problem, roster: Roster) -> CheckReport:
        report = CheckReport()
        for req in self.requests:
            if req.weight and unmet(req, roster[req.person][req.day]):
                report.penalties.append(Penalty(
                    self.rule_id, req.person, req.day, req.weight, 1, req.shift or "",
                    detail(req)))
        return report

    def encode(self, ctx: ModelContext) -> None:
        for req in self.requests:
            if not req.weight:
                continue
            p = ctx.person_index[req.person]
            lit = (ctx.work[p, req.day] if req.shift is None
                   else ctx.shift_var(p, req.day, req.shift))
            if lit is None:  # a shift the person can't work: an 'on' wish is always unmet
                if req.kind == "on":
                    ctx.add_penalty(self.rule_id, req.person, req.day, req.weight, 1,
                                    req.shift or "")
                continue
            amount = lit if req.kind == "off" else 1 - lit
            ctx.add_penalty(self.rule_id, req.person, req.day, req.weight, amount, req.shift or "")
