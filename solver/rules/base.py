"""What every rule is: parameters, a plain-Python check of a finished roster, a CP-SAT encoding.

The check and the encoding of a rule sit side by side in its module so that they cannot drift
apart; ``tests/test_checker_model_agree.py`` proves on random small cases that they agree.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from typing import TYPE_CHECKING, ClassVar

from solver.problem import CheckReport, Problem, Roster, Violation

if TYPE_CHECKING:
    from solver.model import ModelContext


class Rule(ABC):
    """A hard rule (violations) or a soft wish (penalties), or a rule that can be either."""

    #: one-line name used in messages and docs
    title: ClassVar[str] = ""

    rule_id: str

    @abstractmethod
    def check(self, problem: Problem, roster: Roster) -> CheckReport:
        """Every violation and penalty of this rule in a finished roster."""

    @abstractmethod
    def encode(self, ctx: ModelContext) -> None:
        """Add this rule's constraints and penalty terms to the model."""

    def precheck(self, problem: Problem) -> list[Violation]:
        """Plain contradictions visible before solving (fixed cells, counts): for explanations."""
        return []

    def describe_group(self, problem: Problem, subject: str) -> str:
        """Plain words for one assumption group of this rule (used to explain infeasibility)."""
        return f"{self.rule_id} {self.title} ({subject})"
