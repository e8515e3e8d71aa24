"""Check a finished roster against a scenario: what ``roster validate`` reports.

The roster (usually a hand-made one, read by :func:`roster.io.roster_reader.read_roster`) is split
per center and checked by the same plain-Python rule checks that re-check every solved roster
(:func:`solver.solve.check_roster`), so the validator and the solver can never disagree. The
result is a plain :class:`ValidationReport`: every broken hard rule, the soft penalties totalled by
rule, the acting days (the dates a director is off) and the objective the solver would give.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from roster.compile import compile_scenario
from roster.domain import Scenario
from roster.io.roster_reader import read_roster
from roster.io.scenario_reader import load_scenario
from roster.outputs import ActingDay, acting_days
from solver.check import check_roster
from solver.messages import Rendered, Text


@dataclass(frozen=True)
class RuleViolation(Rendered):
    """A broken hard rule: its id (R1 …), center, the people and dates, and a plain message
    (``text``, in either language)."""

    rule: str
    center: str
    employee_ids: tuple[str, ...]
    dates: tuple[dt.date, ...]
    text: Text


@dataclass(frozen=True)
class PenaltyTotal:
    """The soft terms of one rule (W1 …, or a priced shortfall R7/R8): how many, and their cost."""

    rule: str
    count: int
    cost: int


@dataclass(frozen=True)
class ValidationReport:
    violations: tuple[RuleViolation, ...]
    penalties: tuple[PenaltyTotal, ...]  # by rule id
    acting_days: tuple[ActingDay, ...]
    objective: int  # the sum of the penalties' cost, as the solver would minimise it

    @property
    def ok(self) -> bool:
        """Whether no hard rule is broken."""
        return not self.violations


def validate_roster(scenario: Scenario, roster: Mapping[str, Sequence[str]]) -> ValidationReport:
    """Check ``roster`` (``employee_id -> one cell per date``, everyone of the scenario).

    Violations come center by center in the scenario's order, each center's in its rules' order;
    penalties are totalled over the department. Raises ValueError if a person of the scenario is
    missing or has not one cell per date (:func:`read_roster` never returns such a roster).
    """
    num_days = len(scenario.month.dates)
    for e in scenario.staff:
        cells = roster.get(e.employee_id)
        if cells is None or len(cells) != num_days:
            raise ValueError(f"the roster needs {num_days} cells for {e.employee_id}")
    violations: list[RuleViolation] = []
    totals: dict[str, tuple[int, int]] = {}
    acting: list[ActingDay] = []
    objective = 0
    for cp in compile_scenario(scenario):
        problem = cp.problem
        mine = {p.id: roster[p.id] for p in problem.people}
        report = check_roster(problem, mine)
        dates = [info.date for info in cp.calendar]
        for v in report.violations:
            violations.append(RuleViolation(
                v.rule_id, cp.center, v.employee_ids, tuple(dates[d] for d in v.days), v.text))
        for p in report.penalties:
            count, cost = totals.get(p.rule_id, (0, 0))
            totals[p.rule_id] = (count + 1, cost + p.cost)
        objective += report.objective
        acting += acting_days(scenario, cp.center, dates, mine)
    penalties = tuple(PenaltyTotal(rule, *totals[rule]) for rule in sorted(totals))
    return ValidationReport(tuple(violations), penalties, tuple(acting), objective)


def validate_files(scenario_folder: Path | str, roster_path: Path | str) -> tuple[
        Scenario, ValidationReport]:
    """Load the scenario, read the roster file and check it; InputError for invalid input."""
    scenario = load_scenario(scenario_folder)
    roster = read_roster(roster_path, scenario)
    return scenario, validate_roster(scenario, roster)
