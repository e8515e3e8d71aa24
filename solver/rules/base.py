"""What every rule is: parameters, a plain-Python check of a finished roster, a CP-SAT encoding.

The check and the encoding of a rule sit side by side in its module so that they cannot drift
apart; ``tests/test_checker_model_agree.py`` proves on random small cases that they agree.
"""

from __future__ import annotations

import dataclasses
from abc import ABC, abstractmethod
from typing import TYPE_CHECKING, ClassVar

from solver.messages import MESSAGES, Text, Value
from solver.problem import CheckReport, Problem, Roster, Violation
from solver.rules.links import Link

if TYPE_CHECKING:
    from solver.model import ModelContext


class CouplesPeople(Exception):
    """A rule's hard constraints tie people together: the problem can't be split by person."""


class Rule(ABC):
    """A hard rule (violations) or a soft wish (penalties), or a rule that can be either."""

    #: one-line name used in messages and docs (in Chinese: ``title.<class name>`` of
    #: :data:`solver.messages.MESSAGES`)
    title: ClassVar[str] = ""
    #: the parameter fields that map a person id to that person's parameters
    person_fields: ClassVar[tuple[str, ...]] = ()
    #: only prices wishes, never forbids: not part of a feasibility model
    soft_only: ClassVar[bool] = False
    #: its hard constraints tie people together (a pair rule, a hard cover)
    couples_people: ClassVar[bool] = False

    rule_id: str

    @abstractmethod
    def check(self, problem: Problem, roster: Roster) -> CheckReport:
        """Every violation and penalty of this rule in a finished roster."""

    @abstractmethod
    def encode(self, ctx: ModelContext) -> None:
        """Add this rule's constraints and penalty terms to the model."""

    def hard_part_for(self, people: frozenset[str]) -> Rule | None:
        """This rule's hard constraints about ``people`` only (None: it has none).

        Raises :class:`CouplesPeople` when they can't be separated from other people's.
        """
        if self.soft_only:
            return None
        if self.couples_people:
            raise CouplesPeople(self.rule_id)
        if not self.person_fields:
            return self
        return dataclasses.replace(self, **{  # type: ignore[type-var]
            name: {pid: value for pid, value in getattr(self, name).items() if pid in people}
            for name in self.person_fields})

    def greedy_part_for(self, people: frozenset[str], placed: Roster) -> Rule | None:
        """This rule for ``people`` alone, the people of ``placed`` already rostered as given
        and everyone else left out: hard constraints and the soft terms a rule can price for
        ``people`` on their own (for a roster built one person after another).

        By default the hard part only; a rule whose soft terms can be split overrides it.
        """
        return self.hard_part_for(people)

    def own_part_for(self, people: frozenset[str]) -> Rule | None:
        """This rule's hard constraints and soft terms about ``people`` on their own, for a
        relaxation that prices each person's roster apart (:mod:`solver.colgen`): what ties
        people together (cover, a pair rule, fairness between people) is left out.

        By default: nothing for a rule that ties people together or only prices wishes (a
        wish about one person at a time overrides this), else its hard part.
        """
        if self.couples_people or self.soft_only:
            return None
        return self.hard_part_for(people)

    def links(self, problem: Problem) -> tuple[Link, ...]:
        """What this rule ties people together by, as rows over each person's cells (for the
        column-generation master, :mod:`solver.colgen`), besides cover. None by default; an
        empty answer from a rule that ties people together only weakens that bound."""
        return ()

    def precheck(self, problem: Problem) -> list[Violation]:
        """Plain contradictions visible before solving (fixed cells, counts): for explanations."""
        return []

    def title_text(self) -> Value:
        """The rule's title, translatable when the message catalogue has it."""
        key = f"title.{type(self).__name__}"
        return Text(key) if key in MESSAGES else self.title

    def describe_group(self, problem: Problem, subject: str) -> Text:
        """Plain words for one assumption group of this rule (used to explain infeasibility)."""
        return Text.of("rule.group", rule=self.rule_id, title=self.title_text(), subject=subject)
