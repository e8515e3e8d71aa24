"""The solver's generic problem: people, days, shifts, fixed cells and a list of rules.

Nothing here knows about call centers: the scenario compiler (:mod:`roster.compile`) and the
benchmark reader both produce a :class:`Problem`, and the same rules check and encode both.

A roster is a mapping ``person id -> one cell per day``; a cell is a shift code, :data:`OFF` or
:data:`LEAVE`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import cached_property
from typing import TYPE_CHECKING

from solver.messages import Lang, Rendered, Text, Value, render

if TYPE_CHECKING:
    from solver.rules.base import Rule

OFF = "OFF"
LEAVE = "LEAVE"

Roster = Mapping[str, Sequence[str]]


def is_work(cell: str) -> bool:
    """A cell is worked when it holds a shift code (not OFF, not LEAVE)."""
    return cell not in (OFF, LEAVE)


@dataclass(frozen=True)
class Day:
    index: int
    date: dt.date | None = None
    weekday: int = 0  # 0 = Monday
    is_rest_day: bool = False  # weekend or public holiday (not a make-up workday)
    week: int = 0  # calendar-week number: consecutive days in one week share it

    @property
    def label(self) -> str:
        return self.date.isoformat() if self.date else f"day {self.index}"

    @property
    def text(self) -> Value:
        """The day in a message: its ISO date, or 'day 3' ('第 3 天') without a date."""
        return self.date.isoformat() if self.date else Text.of("day.index", index=self.index)


@dataclass(frozen=True)
class Shift:
    code: str
    start: int = 0  # minutes after midnight
    end: int = 0  # may exceed 1440 for a shift that ends after midnight
    late: bool = False
    minutes: int = 0

    @staticmethod
    def timed(code: str, start: int, end: int, late: bool = False) -> Shift:
        return Shift(code=code, start=start, end=end, late=late, minutes=end - start)


@dataclass(frozen=True)
class Person:
    id: str
    name: str = ""
    role: str = ""
    team: str = ""
    allowed: frozenset[str] | None = None  # shift codes this person may work; None = all

    @property
    def label(self) -> str:
        return f"{self.name} ({self.id})" if self.name else self.id

    def may_work(self, code: str) -> bool:
        return self.allowed is None or code in self.allowed


@dataclass(frozen=True)
class Problem:
    name: str
    days: tuple[Day, ...]
    shifts: tuple[Shift, ...]
    people: tuple[Person, ...]
    rules: tuple[Rule, ...] = ()
    # cells before day 0, oldest first: the last entry is the day before day 0
    history: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    # (person id, day index) -> shift code, OFF or LEAVE, kept as given (R3)
    fixed: Mapping[tuple[str, int], str] = field(default_factory=dict)
    fixed_rule_id: str = "R3"

    @property
    def num_days(self) -> int:
        return len(self.days)

    def person(self, person_id: str) -> Person:
        return self._people_by_id[person_id]

    @cached_property
    def _people_by_id(self) -> dict[str, Person]:
        return {p.id: p for p in self.people}

    def shift(self, code: str) -> Shift:
        for s in self.shifts:
            if s.code == code:
                return s
        raise KeyError(code)

    def history_cell(self, person_id: str, day: int) -> str | None:
        """The cell on a day before day 0 (day = -1 is the day before), or None if unknown."""
        past = self.history.get(person_id, ())
        if day >= 0 or -day > len(past):
            return None
        return past[day]

    def hard_part_for(self, people: frozenset[str]) -> Problem:
        """The same problem for ``people`` only, with only its hard rules (a feasibility model).

        Raises :class:`~solver.rules.base.CouplesPeople` if a hard rule ties them to others.
        """
        return self._part_for(people, [rule.hard_part_for(people) for rule in self.rules])

    def greedy_part_for(self, people: frozenset[str], placed: Roster) -> Problem:
        """The problem for ``people`` only, the people of ``placed`` rostered as given: hard
        rules and the soft terms the rules can price for ``people`` alone
        (:meth:`~solver.rules.base.Rule.greedy_part_for`)."""
        return self._part_for(
            people, [rule.greedy_part_for(people, placed) for rule in self.rules])

    def own_part_for(self, people: frozenset[str]) -> Problem:
        """The problem for ``people`` only, with every hard rule and soft term about them on
        their own (:meth:`~solver.rules.base.Rule.own_part_for`): a relaxation of the whole."""
        return self._part_for(people, [rule.own_part_for(people) for rule in self.rules])

    def _part_for(self, people: frozenset[str], parts: Sequence[Rule | None]) -> Problem:
        """This problem for ``people`` only, with the rules' parts for them (None: no part)."""
        return replace(
            self,
            people=tuple(p for p in self.people if p.id in people),
            rules=tuple(rule for rule in parts if rule is not None),
            history={pid: cells for pid, cells in self.history.items() if pid in people},
            fixed={key: cell for key, cell in self.fixed.items() if key[0] in people},
        )

    def with_rules(self, rules: Sequence[Rule]) -> Problem:
        return replace(self, rules=tuple(rules))

    def with_fixed(self, fixed: Mapping[tuple[str, int], str]) -> Problem:
        return replace(self, fixed=dict(fixed))


@dataclass(frozen=True)
class Violation(Rendered):
    """A broken hard rule, in terms the scheduler understands (``text``, in either language)."""

    rule_id: str
    employee_ids: tuple[str, ...]
    days: tuple[int, ...]
    text: Text


@dataclass(frozen=True)
class Penalty:
    """One soft term paid: ``weight * amount`` goes into the objective."""

    rule_id: str
    employee_id: str  # '' for a term about a group (cover, fairness)
    day: int | None
    weight: int
    amount: int
    shift: str = ""
    #: what the term is about: a text, or words the same in every language (such as 'E→M')
    detail: Text | str = ""

    @property
    def cost(self) -> int:
        return self.weight * self.amount

    def render_detail(self, lang: Lang = "en") -> str:
        """The detail in ``lang``."""
        return render(self.detail, lang)


@dataclass
class CheckReport:
    violations: list[Violation] = field(default_factory=list)
    penalties: list[Penalty] = field(default_factory=list)

    @property
    def objective(self) -> int:
        return sum(p.cost for p in self.penalties)

    def extend(self, other: CheckReport) -> None:
        self.violations.extend(other.violations)
        self.penalties.extend(other.penalties)
