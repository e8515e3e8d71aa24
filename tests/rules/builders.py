"""Tiny problems and rosters for the rule tests: dates from Monday 1 June 2026, shifts E, M, L."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence

from solver.problem import Day, Person, Problem, Shift, Violation
from solver.rules.base import Rule
from solver.rules.fixed_cells import FixedCells
from solver.rules.one_shift import OneShiftPerDay
from solver.solve import SolveResult, SolveSettings, solve

MONDAY = dt.date(2026, 6, 1)  # a Monday: day 0 of every test month

E = Shift.timed("E", 8 * 60, 16 * 60 + 30)
M = Shift.timed("M", 11 * 60 + 30, 20 * 60)
L = Shift.timed("L", 14 * 60, 22 * 60 + 30, late=True)
SHIFTS = (E, M, L)

SETTINGS = SolveSettings(time_limit=10, workers=1)


def make_days(num_days: int, start: dt.date = MONDAY,
              rest_days: Iterable[int] | None = None) -> tuple[Day, ...]:
    """Consecutive dates; rest days are the weekends unless ``rest_days`` (indices) is given."""
    first_monday = start - dt.timedelta(days=start.weekday())
    rest = set(rest_days) if rest_days is not None else None
    out = []
    for i in range(num_days):
        date = start + dt.timedelta(days=i)
        is_rest = date.weekday() >= 5 if rest is None else i in rest
        out.append(Day(index=i, date=date, weekday=date.weekday(), is_rest_day=is_rest,
                       week=(date - first_monday).days // 7))
    return tuple(out)


def make_people(num_people: int,
                allowed: Mapping[str, Iterable[str]] | None = None) -> tuple[Person, ...]:
    """People P1..Pn; ``allowed`` restricts the shifts of some of them."""
    allowed = allowed or {}
    return tuple(
        Person(id=f"P{i}", allowed=frozenset(allowed[f"P{i}"]) if f"P{i}" in allowed else None)
        for i in range(1, num_people + 1)
    )


def make_problem(
    num_people: int,
    num_days: int,
    rules: Sequence[Rule] = (),
    *,
    shifts: Sequence[Shift] = SHIFTS,
    history: Mapping[str, Sequence[str] | str] | None = None,
    fixed: Mapping[tuple[str, int], str] | None = None,
    allowed: Mapping[str, Iterable[str]] | None = None,
    rest_days: Iterable[int] | None = None,
    start: dt.date = MONDAY,
    base_rules: bool = False,
) -> Problem:
    """A problem with the given rules (and R2 + R3 first when ``base_rules``).

    ``history`` cells may be given as a string like ``"E E OFF"`` (oldest first).
    """
    hist = {pid: tuple(cells.split() if isinstance(cells, str) else cells)
            for pid, cells in (history or {}).items()}
    all_rules = [OneShiftPerDay(), FixedCells(), *rules] if base_rules else list(rules)
    return Problem(
        name="test",
        days=make_days(num_days, start, rest_days),
        shifts=tuple(shifts),
        people=make_people(num_people, allowed),
        rules=tuple(all_rules),
        history=hist,
        fixed=dict(fixed or {}),
    )


def roster(*rows: str) -> dict[str, list[str]]:
    """A roster from one string per person, P1 first: ``roster("E E OFF", "L LEAVE M")``."""
    return {f"P{i}": row.split() for i, row in enumerate(rows, start=1)}


def solve_pinned(problem: Problem, pinned: Mapping[str, Sequence[str]]) -> SolveResult:
    """Score a given roster with the model (every cell fixed): INFEASIBLE, or OPTIMAL with the
    model's own proven objective equal to the reported (checker's) one."""
    result = solve(problem, SETTINGS, pin=pinned)
    assert result.status in ("OPTIMAL", "INFEASIBLE"), result.status
    if result.status == "OPTIMAL":
        assert round(result.bound) == result.objective
    return result


def keys(violations: Sequence[Violation]) -> list[tuple[str, tuple[str, ...], tuple[int, ...]]]:
    """(rule id, employee ids, days) of each violation, in order."""
    return [(v.rule_id, v.employee_ids, v.days) for v in violations]
