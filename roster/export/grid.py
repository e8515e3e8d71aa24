"""What every export shows, computed once: per center, the grid of people and dates with their
totals, the acting days, the agents on each shift against demand, and the validator's findings.

The numbers come from the same places as the other outputs: the hard-rule violations and acting
days from :func:`roster.validate.validate_roster`, the cover from :func:`roster.outputs.cover_rows`
(the figures of ``cover.csv``), the calendar from the scenario's holiday calendar.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from roster.calendar import DayInfo
from roster.compile import compile_scenario
from roster.domain import LEAVE, Center, Employee, Role, Scenario
from roster.outputs import cover_rows
from roster.validate import RuleViolation, ValidationReport, validate_roster
from solver.problem import is_work

SHIFT_COLORS = ("C6E0B4", "FFE699", "9BC2E6", "D5B8EA", "F4B183", "A9D08E", "FFD966",
                "8EA9DB", "C9C9C9", "B4E5E2")
"""Shift fills (RGB hex), in the scenario's shift order; more shifts than colours reuse them."""
LEAVE_COLOR = "BFBFBF"
WEEKEND_COLOR = "EDEDED"
HOLIDAY_COLOR = "FAD4D4"
MAKEUP_COLOR = "DDEBF7"
VIOLATION_COLOR = "C00000"
SHORT_COLOR = "FF9999"


def shift_colors(scenario: Scenario) -> dict[str, str]:
    """Each shift code's fill, and LEAVE's; OFF takes the column's shading."""
    out = {s.code: SHIFT_COLORS[i % len(SHIFT_COLORS)] for i, s in enumerate(scenario.shifts)}
    out[LEAVE] = LEAVE_COLOR
    return out


def day_kind(info: DayInfo) -> str | None:
    """How a date's column is shaded: 'holiday' (a public holiday), 'weekend' (Saturday or
    Sunday, not 调休), 'makeup' (a make-up workday), None for an ordinary working day."""
    if info.is_holiday:
        return "holiday"
    if info.is_weekend and not info.is_makeup_workday:
        return "weekend"
    if info.is_makeup_workday:
        return "makeup"
    return None


DAY_COLORS = {"holiday": HOLIDAY_COLOR, "weekend": WEEKEND_COLOR, "makeup": MAKEUP_COLOR}


def day_color(info: DayInfo) -> str | None:
    """The shading of a date's column (RGB hex), None for an ordinary working day."""
    kind = day_kind(info)
    return None if kind is None else DAY_COLORS[kind]


@dataclass(frozen=True)
class PersonRow:
    """One person's row: their cells (a shift code, OFF or LEAVE per date) and totals."""

    employee: Employee
    cells: tuple[str, ...]
    days_worked: int  # cells with a shift
    days_off: int  # OFF and LEAVE
    rest_days_off: int  # off (OFF or LEAVE) on a weekend day that is not 调休, or a holiday
    late_shifts: int  # cells with a late shift (W5's)


@dataclass(frozen=True)
class CoverCell:
    """Agents on one shift on one date against the demand (``cover.csv``'s figures)."""

    assigned: int
    required: int
    target: int

    @property
    def short(self) -> int:
        return max(0, self.required - self.assigned)


@dataclass(frozen=True)
class CenterGrid:
    center: Center
    people: tuple[PersonRow, ...]
    acting: frozenset[int]  # day indices (0 = the 1st) when the director is off
    cover: Mapping[str, tuple[CoverCell, ...]]  # shift code -> one per date
    violations: tuple[RuleViolation, ...]

    def marks(self) -> dict[tuple[str | None, int | None], list[RuleViolation]]:
        """Where each violation shows: (employee_id, day) for a person's cell, (employee_id,
        None) for a person's month (R4), (None, day) for a date (cover, R7/R8)."""
        out: dict[tuple[str | None, int | None], list[RuleViolation]] = {}
        for v in self.violations:
            days: list[int | None] = [d.day - 1 for d in v.dates] or [None]
            people: list[str | None] = list(v.employee_ids) or [None]
            for pid in people:
                for day in days:
                    out.setdefault((pid, day), []).append(v)
        return out


@dataclass(frozen=True)
class ExportData:
    scenario: Scenario
    calendar: tuple[DayInfo, ...]
    centers: tuple[CenterGrid, ...]
    report: ValidationReport
    roster_name: str  # the roster file's name, for notes

    @property
    def dates(self) -> list[dt.date]:
        return [info.date for info in self.calendar]


def person_row(employee: Employee, cells: Sequence[str], calendar: Sequence[DayInfo],
               late_codes: frozenset[str]) -> PersonRow:
    off_days = [d for d, cell in enumerate(cells) if not is_work(cell)]
    return PersonRow(
        employee=employee,
        cells=tuple(cells),
        days_worked=len(cells) - len(off_days),
        days_off=len(off_days),
        rest_days_off=sum(1 for d in off_days if calendar[d].is_rest_day),
        late_shifts=sum(1 for cell in cells if cell in late_codes),
    )


def build_export(scenario: Scenario, roster: Mapping[str, Sequence[str]],
                 roster_name: str = "") -> ExportData:
    """Everything the exports show, for ``roster`` (``employee_id -> one cell per date``).

    Raises ValueError as :func:`validate_roster` does for a roster that misses a person.
    """
    report = validate_roster(scenario, roster)
    late_codes = frozenset(s.code for s in scenario.shifts if s.late)
    centers: list[CenterGrid] = []
    calendar: tuple[DayInfo, ...] = ()
    for cp in compile_scenario(scenario):
        calendar = cp.calendar
        staff = scenario.center_staff(cp.center)
        mine = {e.employee_id: list(roster[e.employee_id]) for e in staff}
        agents = [e.employee_id for e in staff if e.role == Role.AGENT]
        num_days = len(calendar)
        cover: dict[str, list[CoverCell]] = {
            s.code: [CoverCell(sum(1 for pid in agents if mine[pid][d] == s.code), 0, 0)
                     for d in range(num_days)]
            for s in scenario.shifts
        }
        for row in cover_rows(cp.center, cp.problem, mine):
            if row["assigned"] == "" or row["shift"] not in cover:  # team leaders only
                continue
            d = dt.date.fromisoformat(row["date"]).day - 1
            cover[row["shift"]][d] = CoverCell(row["assigned"], row["required"], row["target"])
        centers.append(CenterGrid(
            center=next(c for c in scenario.centers if c.id == cp.center),
            people=tuple(person_row(e, mine[e.employee_id], calendar, late_codes)
                         for e in staff),
            acting=frozenset(a.date.day - 1 for a in report.acting_days
                             if a.center == cp.center),
            cover={code: tuple(cells) for code, cells in cover.items()},
            violations=tuple(v for v in report.violations if v.center == cp.center),
        ))
    return ExportData(scenario, calendar, tuple(centers), report, roster_name)
