"""R7 / R8 cover, W1 cover up to the target, and over-cover: people on duty per day and shift.

Each requirement counts a group of people (a center's agents for R7, its team leaders for R8)
working a shift (or any shift) on a day. Below the minimum is a violation when the requirement
is hard, else a priced, reported shortfall; between the minimum and the target each missing person
costs ``target_weight``; above the target each extra person costs ``over_weight``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from solver.messages import Text, term
from solver.problem import CheckReport, Penalty, Problem, Roster, Violation, is_work
from solver.rules.base import CouplesPeople, Rule

if TYPE_CHECKING:
    from ortools.sat.python import cp_model

    from solver.model import ModelContext


@dataclass(frozen=True)
class CoverRequirement:
    day: int
    shift: str | None  # None: any shift
    people: tuple[str, ...]
    minimum: int
    target: int = 0  # below it (and above the minimum) costs target_weight per person
    under_weight: int | None = None  # None: the minimum is hard
    target_weight: int = 0
    over_weight: int = 0  # per person above max(minimum, target)

    @property
    def subject(self) -> str:
        return f"{self.day}:{self.shift or '*'}"

    def counts(self, cell: str) -> bool:
        """Whether a person holding ``cell`` on the requirement's day is on duty for it."""
        return is_work(cell) if self.shift is None else cell == self.shift


def count_on_duty(req: CoverRequirement, roster: Roster) -> int:
    return sum(1 for pid in req.people if req.counts(roster[pid][req.day]))


@dataclass(frozen=True)
class Cover(Rule):
    title = "cover"
    requirements: Sequence[CoverRequirement] = ()
    who: str = "agents"
    rule_id: str = "R7"
    target_rule_id: str = "W1"
    over_rule_id: str = "over"

    def _where(self, problem: Problem, req: CoverRequirement) -> Text:
        day = problem.days[req.day].text
        return (Text.of("cover.where_shift", day=day, shift=req.shift) if req.shift
                else Text.of("cover.where_day", day=day))

    def amounts(self, req: CoverRequirement, on_duty: int) -> tuple[int, int, int]:
        """(short of the minimum, below the target, above the target) for a head count."""
        short = max(0, req.minimum - on_duty)
        below = max(0, req.target - max(on_duty, req.minimum))
        over = max(0, on_duty - max(req.minimum, req.target))
        return short, below, over

    def hard_part_for(self, people: frozenset[str]) -> Rule | None:
        """Priced cover has no hard part; a hard minimum ties people together."""
        if any(req.under_weight is None and req.minimum > 0 for req in self.requirements):
            raise CouplesPeople(self.rule_id)
        return None

    def greedy_part_for(self, people: frozenset[str], placed: Roster) -> Rule | None:
        """Priced cover for ``people``, each requirement lowered by the people of ``placed``
        on duty: its penalties then differ from the whole roster's by a constant, so the best
        cells for ``people`` are the same. A hard minimum ties people together."""
        self.hard_part_for(people)
        parts = []
        for req in self.requirements:
            mine = tuple(pid for pid in req.people if pid in people)
            if not mine:
                continue
            on_duty = count_on_duty(
                replace(req, people=tuple(pid for pid in req.people if pid in placed)), placed)
            parts.append(replace(req, people=mine,
                                 minimum=max(0, req.minimum - on_duty),
                                 target=max(0, req.target - on_duty)))
        return replace(self, requirements=tuple(parts))

    def own_part_for(self, people: frozenset[str]) -> Rule | None:
        """Cover is about groups: the column generation's master prices it."""
        return None

    def check(self, problem: Problem, roster: Roster) -> CheckReport:
        report = CheckReport()
        for req in self.requirements:
            n = count_on_duty(req, roster)
            short, below, over = self.amounts(req, n)
            if short and req.under_weight is None:
                report.violations.append(Violation(
                    self.rule_id, (), (req.day,),
                    Text.of("cover.short", rule=self.rule_id, where=self._where(problem, req),
                            minimum=req.minimum, who=term(self.who), n=n, short=short)))
            for rule_id, weight, amount in (
                (self.rule_id, req.under_weight or 0, short),
                (self.target_rule_id, req.target_weight, below),
                (self.over_rule_id, req.over_weight, over),
            ):
                if weight and amount:
                    report.penalties.append(
                        Penalty(rule_id, "", req.day, weight, amount, req.shift or ""))
        return report

    def encode(self, ctx: ModelContext) -> None:
        for req in self.requirements:
            terms = []
            for pid in req.people:
                p = ctx.person_index[pid]
                if req.shift is None:
                    terms.append(ctx.work[p, req.day])
                else:
                    var = ctx.shift_var(p, req.day, req.shift)
                    if var is not None:
                        terms.append(var)
            n = sum(terms)
            name = f"{self.rule_id}[{req.subject}]"
            short: cp_model.LinearExpr | int = 0
            if req.under_weight is None:
                if req.minimum > 0:
                    ctx.hard(ctx.model.add(n >= req.minimum), self.rule_id, req.subject)
            elif req.minimum > 0:
                short_var = ctx.new_amount([req.minimum - n], req.minimum, f"{name}.short")
                ctx.add_penalty(self.rule_id, "", req.day, req.under_weight, short_var,
                                req.shift or "")
                short = short_var
            if req.target_weight and req.target > req.minimum:
                below = ctx.new_amount([req.target - n - short], req.target - req.minimum,
                                       f"{name}.below")
                ctx.add_penalty(self.target_rule_id, "", req.day, req.target_weight, below,
                                req.shift or "")
            if req.over_weight and len(req.people) > max(req.minimum, req.target):
                over = ctx.new_amount([n - max(req.minimum, req.target)], len(req.people),
                                      f"{name}.over")
                ctx.add_penalty(self.over_rule_id, "", req.day, req.over_weight, over,
                                req.shift or "")

    def precheck(self, problem: Problem) -> list[Violation]:
        out = []
        for req in self.requirements:
            if req.under_weight is not None or req.minimum == 0:
                continue
            available = []
            for pid in req.people:
                cell = problem.fixed.get((pid, req.day))
                person = problem.person(pid)
                if req.shift is None:
                    ok = is_work(cell) if cell is not None else (
                        person.allowed is None or bool(person.allowed))
                else:
                    ok = cell == req.shift if cell is not None else person.may_work(req.shift)
                if ok:
                    available.append(pid)
            if len(available) < req.minimum:
                away = [pid for pid in req.people if problem.fixed.get((pid, req.day)) is not None
                        and pid not in available]
                because = Text.of("cover.away", people=tuple(away)) if away else ""
                out.append(Violation(
                    self.rule_id, tuple(away), (req.day,),
                    Text.of("cover.cannot", rule=self.rule_id, where=self._where(problem, req),
                            minimum=req.minimum, who=term(self.who), available=len(available),
                            because=because)))
        return out

    def describe_group(self, problem: Problem, subject: str) -> Text:
        for req in self.requirements:
            if req.subject == subject:
                return Text.of("cover.group", rule=self.rule_id, minimum=req.minimum,
                               who=term(self.who), where=self._where(problem, req))
        return Text.of("cover.group_unknown", rule=self.rule_id, subject=subject)
