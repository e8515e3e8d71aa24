"""Read Curtois & Qu shift-scheduling benchmark instances, and read and write their solutions.

An instance file (schedulingbenchmarks.org, "Shift Scheduling Benchmark Data Sets") is plain
text with sections ``SECTION_HORIZON``, ``SECTION_SHIFTS``, ``SECTION_STAFF``,
``SECTION_DAYS_OFF``, ``SECTION_SHIFT_ON_REQUESTS``, ``SECTION_SHIFT_OFF_REQUESTS`` and
``SECTION_COVER``; ``#`` starts a comment line, a blank line ends a section, fields are
comma-separated and multi-valued fields ``|``-separated; day indices start at 0 (a Monday).
Line endings may be CRLF. :func:`read_instance_file` returns the file's content as plain data
(:class:`Instance`); :mod:`roster.curtois` turns it into the solver's problem.

A solution is a CSV file ``employee_id,day_index,shift_id`` with one row per employee and day; an
empty ``shift_id`` is a day off. Two rows with different shifts for one employee and day are kept
(the checker reports them: one shift per day is a hard rule); anything else that is not a roster
of the instance is invalid input.

Everything wrong with a file is collected and raised as one :class:`InputError`, each problem
naming the file and the line.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from roster.errors import InputError, InputProblem
from roster.io.encoding import decode_bytes, read_text
from solver.problem import LEAVE, OFF

SECTIONS = ("HORIZON", "SHIFTS", "STAFF", "DAYS_OFF", "SHIFT_ON_REQUESTS",
            "SHIFT_OFF_REQUESTS", "COVER")
REQUIRED = ("HORIZON", "SHIFTS", "STAFF")
SOLUTION_HEADER = ("employee_id", "day_index", "shift_id")

MAX_HORIZON = 3660
"""Most days of an instance (ten years; the benchmark's longest is 364)."""
MAX_WEIGHT = 1_000_000
"""Largest weight or cover requirement (the benchmark's are at most 100): the objective must stay
within CP-SAT's 64-bit integers."""

@dataclass(frozen=True)
class ShiftType:
    id: str
    minutes: int
    #: shifts that may not be worked the day after this one
    cannot_follow: tuple[str, ...] = ()


@dataclass(frozen=True)
class Employee:
    id: str
    #: most shifts of each listed type over the horizon (0: may not work it); unlisted: no limit
    max_shifts: Mapping[str, int]
    max_total_minutes: int
    min_total_minutes: int
    max_consecutive_shifts: int
    min_consecutive_shifts: int
    min_consecutive_days_off: int
    max_weekends: int


@dataclass(frozen=True)
class Request:
    employee_id: str
    day: int
    shift_id: str
    weight: int


@dataclass(frozen=True)
class CoverRow:
    day: int
    shift_id: str
    requirement: int
    weight_under: int
    weight_over: int


@dataclass(frozen=True)
class Instance:
    name: str
    horizon: int  # days; day 0 is a Monday
    shifts: tuple[ShiftType, ...]
    employees: tuple[Employee, ...]
    days_off: Mapping[str, tuple[int, ...]] = field(default_factory=dict)  # employee -> days
    on_requests: tuple[Request, ...] = ()
    off_requests: tuple[Request, ...] = ()
    cover: tuple[CoverRow, ...] = ()


# --- instance files ----------------------------------------------------------------------------

Line = tuple[int, str]  # (line number from 1, text without the line ending)


class _Problems:
    """The problems of one file, each with its line."""

    def __init__(self, file: str) -> None:
        self.file = file
        self.items: list[InputProblem] = []

    def add(self, line: int | None, message: str) -> None:
        where = f"line {line}: " if line is not None else ""
        self.items.append(InputProblem(self.file, where + message))

    def raise_if_any(self) -> None:
        if self.items:
            raise InputError(list(self.items))


def _sections(lines: Sequence[str], problems: _Problems) -> dict[str, list[Line]]:
    """Section name -> its data lines (comments and blank lines dropped)."""
    sections: dict[str, list[Line]] = {}
    current: str | None = None
    for number, raw in enumerate(lines, start=1):
        text = raw.strip()
        if not text:
            current = None
            continue
        if text.startswith("#"):
            continue
        if text.startswith("SECTION_"):
            name = text.removeprefix("SECTION_")
            if name not in SECTIONS:
                problems.add(number, f"unknown section {text!r}; expected one of "
                                     f"{', '.join('SECTION_' + s for s in SECTIONS)}")
                current = None
            elif name in sections:
                problems.add(number, f"{text} appears a second time")
                current = None
            else:
                sections[name] = []
                current = name
            continue
        if current is None:
            problems.add(number, f"{text!r} is outside any section (a SECTION_ line must come "
                                 f"first)")
            continue
        sections[current].append((number, text))
    return sections


def _fields(line: Line, count: int, what: str, problems: _Problems,
            at_least: bool = False) -> list[str] | None:
    number, text = line
    parts = [p.strip() for p in text.split(",")]
    if (len(parts) < count) if at_least else (len(parts) != count):
        need = f"at least {count}" if at_least else f"{count}"
        problems.add(number, f"expected {need} comma-separated fields ({what}), found "
                             f"{len(parts)}: {text!r}")
        return None
    return parts


def _integer(text: str, what: str, number: int, problems: _Problems,
             low: int = 0, high: int | None = None) -> int | None:
    try:
        value = int(text)
    except ValueError:
        problems.add(number, f"{what} must be a whole number, found {text!r}")
        return None
    if value < low or (high is not None and value > high):
        bound = f"between {low} and {high}" if high is not None else f"at least {low}"
        problems.add(number, f"{what} must be {bound}, found {value}")
        return None
    return value


def _known(value: str, known: set[str], what: str, number: int,
           problems: _Problems) -> bool:
    if value in known:
        return True
    problems.add(number, f"unknown {what} {value!r}")
    return False


def _horizon(lines: list[Line], problems: _Problems) -> int | None:
    if len(lines) != 1:
        where = lines[1][0] if len(lines) > 1 else None
        problems.add(where, f"SECTION_HORIZON must hold one number of days, found {len(lines)} "
                            f"lines")
        return None
    number, text = lines[0]
    return _integer(text, "the horizon", number, problems, low=1, high=MAX_HORIZON)


def _shifts(lines: list[Line], problems: _Problems) -> tuple[tuple[ShiftType, ...], set[str]]:
    """The shifts, and every shift ID listed (also on lines with a mistake: no cascade of
    "unknown shift" problems)."""
    shifts: dict[str, ShiftType] = {}
    listed: set[str] = set()
    follow: list[tuple[int, str, list[str]]] = []
    for line in lines:
        number, text = line
        parts = [p.strip() for p in text.split(",")]
        if len(parts) == 2:  # the list of shifts that cannot follow may be left out entirely
            parts.append("")
        if len(parts) != 3:
            problems.add(number, f"expected ShiftID,LengthMinutes,CannotFollow (3 fields), "
                                 f"found {len(parts)}: {text!r}")
            continue
        code, length, cannot = parts
        minutes = _integer(length, f"the length of shift {code!r}", number, problems, low=1,
                           high=24 * 60)
        if not code:
            problems.add(number, "the shift ID is empty")
            continue
        if code.upper() in (OFF, LEAVE):
            problems.add(number, f"shift ID {code!r} is reserved for a day off")
            continue
        if code in listed:
            problems.add(number, f"shift {code!r} is defined twice")
            continue
        listed.add(code)
        others = [c.strip() for c in cannot.split("|") if c.strip()]
        follow.append((number, code, others))
        if minutes is not None:
            shifts[code] = ShiftType(code, minutes, tuple(dict.fromkeys(others)))
    for number, _code, others in follow:
        for other in others:
            _known(other, listed, "shift in the cannot-follow list", number, problems)
    return tuple(shifts.values()), listed


def _employees(lines: list[Line], shifts: set[str], horizon: int,
               problems: _Problems) -> tuple[tuple[Employee, ...], set[str]]:
    """The employees, and every employee ID listed (as :func:`_shifts`). Counts of days are at
    most the ``horizon``, minutes at most 24 hours a day of it."""
    employees: dict[str, Employee] = {}
    listed: set[str] = set()
    columns = ("MaxTotalMinutes", "MinTotalMinutes", "MaxConsecutiveShifts",
               "MinConsecutiveShifts", "MinConsecutiveDaysOff", "MaxWeekends")
    for line in lines:
        parts = _fields(line, 8, "ID,MaxShifts," + ",".join(columns), problems)
        if parts is None:
            continue
        number = line[0]
        employee_id, max_shifts_text, *numbers = parts
        if not employee_id:
            problems.add(number, "the employee ID is empty")
            continue
        if employee_id in listed:
            problems.add(number, f"employee {employee_id!r} is listed twice")
            continue
        listed.add(employee_id)
        max_shifts: dict[str, int] = {}
        for item in (i.strip() for i in max_shifts_text.split("|") if i.strip()):
            code, sep, count = (s.strip() for s in item.partition("="))
            if not sep:
                problems.add(number, f"MaxShifts item {item!r} of {employee_id} is not "
                                     f"ShiftID=count")
                continue
            if not _known(code, shifts, f"shift in the MaxShifts of {employee_id}", number,
                          problems):
                continue
            if code in max_shifts:
                problems.add(number, f"MaxShifts of {employee_id} lists {code} twice")
                continue
            value = _integer(count, f"MaxShifts {code} of {employee_id}", number, problems,
                             high=horizon)
            if value is not None:
                max_shifts[code] = value
        values = [_integer(text, f"{column} of {employee_id}", number, problems,
                           high=horizon * 24 * 60 if "Minutes" in column else horizon)
                  for text, column in zip(numbers, columns, strict=True)]
        if any(v is None for v in values):
            continue
        max_minutes, min_minutes, max_run, min_run, min_off, max_weekends = (
            v for v in values if v is not None)
        if min_minutes > max_minutes:
            problems.add(number, f"MinTotalMinutes {min_minutes} of {employee_id} is above its "
                                 f"MaxTotalMinutes {max_minutes}")
            continue
        employees[employee_id] = Employee(employee_id, max_shifts, max_minutes, min_minutes,
                                          max_run, min_run, min_off, max_weekends)
    return tuple(employees.values()), listed


def _days_off(lines: list[Line], employees: set[str], horizon: int,
              problems: _Problems) -> dict[str, tuple[int, ...]]:
    days_off: dict[str, list[int]] = {}
    for line in lines:
        parts = _fields(line, 1, "EmployeeID,Day,Day,...", problems, at_least=True)
        if parts is None or not _known(parts[0], employees, "employee", line[0], problems):
            continue
        days = days_off.setdefault(parts[0], [])
        for text in parts[1:]:
            if not text:
                continue  # a trailing comma
            day = _integer(text, f"day off of {parts[0]}", line[0], problems, high=horizon - 1)
            if day is not None and day not in days:
                days.append(day)
    return {e: tuple(sorted(days)) for e, days in days_off.items()}


def _requests(lines: list[Line], kind: str, employees: set[str], shifts: set[str], horizon: int,
              problems: _Problems) -> tuple[Request, ...]:
    out = []
    for line in lines:
        parts = _fields(line, 4, "EmployeeID,Day,ShiftID,Weight", problems)
        if parts is None:
            continue
        number = line[0]
        employee_id, day_text, code, weight_text = parts
        known = _known(employee_id, employees, "employee", number, problems)
        known = _known(code, shifts, "shift", number, problems) and known
        day = _integer(day_text, f"the day of a shift-{kind} request", number, problems,
                       high=horizon - 1)
        weight = _integer(weight_text, f"the weight of a shift-{kind} request", number, problems,
                          high=MAX_WEIGHT)
        if known and day is not None and weight is not None:
            out.append(Request(employee_id, day, code, weight))
    return tuple(out)


def _cover(lines: list[Line], shifts: set[str], horizon: int,
           problems: _Problems) -> tuple[CoverRow, ...]:
    rows: dict[tuple[int, str], CoverRow] = {}
    for line in lines:
        parts = _fields(line, 5, "Day,ShiftID,Requirement,WeightUnder,WeightOver", problems)
        if parts is None:
            continue
        number = line[0]
        day_text, code, *numbers = parts
        known = _known(code, shifts, "shift", number, problems)
        day = _integer(day_text, "the day of a cover row", number, problems, high=horizon - 1)
        values = [_integer(text, f"{what} of a cover row", number, problems, high=MAX_WEIGHT)
                  for text, what in zip(numbers, ("the requirement", "the weight for under",
                                                  "the weight for over"), strict=True)]
        if not known or day is None or any(v is None for v in values):
            continue
        requirement, under, over = (v for v in values if v is not None)
        if (day, code) in rows:
            problems.add(number, f"cover of shift {code} on day {day} is given twice")
            continue
        rows[day, code] = CoverRow(day, code, requirement, under, over)
    return tuple(rows.values())


def parse_instance(text: str, name: str) -> Instance:
    """The instance in ``text``; ``name`` names the file in errors and the instance."""
    problems = _Problems(name)
    sections = _sections(text.splitlines(), problems)
    for required in REQUIRED:
        if required not in sections:
            problems.add(None, f"SECTION_{required} is missing")
    problems.raise_if_any()
    horizon = _horizon(sections["HORIZON"], problems)
    shifts, by_code = _shifts(sections["SHIFTS"], problems)
    if not by_code:
        problems.add(None, "SECTION_SHIFTS defines no shift")
    employees, by_id = _employees(sections["STAFF"], by_code, horizon or MAX_HORIZON, problems)
    if not by_id:
        problems.add(None, "SECTION_STAFF lists no employee")
    if horizon is None:  # the reason is among the problems
        raise InputError(list(problems.items))
    days_off = _days_off(sections.get("DAYS_OFF", []), by_id, horizon, problems)
    on = _requests(sections.get("SHIFT_ON_REQUESTS", []), "on", by_id, by_code, horizon,
                   problems)
    off = _requests(sections.get("SHIFT_OFF_REQUESTS", []), "off", by_id, by_code, horizon,
                    problems)
    cover = _cover(sections.get("COVER", []), by_code, horizon, problems)
    problems.raise_if_any()
    return Instance(name=Path(name).stem, horizon=horizon, shifts=shifts, employees=employees,
                    days_off=days_off, on_requests=on, off_requests=off, cover=cover)


def read_instance_file(path: Path | str) -> Instance:
    """Read an instance file (UTF-8 or GB18030, any line endings)."""
    path = Path(path)
    return parse_instance(read_text(path), path.name)


# --- solution files ----------------------------------------------------------------------------

#: employee id -> one list per day of the shifts the file gives (empty: off)
Assignments = dict[str, list[list[str]]]


def parse_solution(text: str, name: str, instance: Instance) -> Assignments:
    """The shifts of each employee and day in a solution CSV of ``instance``.

    Every employee and day must have a row, with a known shift or an empty ``shift_id``; several
    rows for one employee and day are kept only when they name different shifts.
    """
    problems = _Problems(name)
    shift_ids = {s.id for s in instance.shifts}
    employees = {e.id for e in instance.employees}
    seen: dict[tuple[str, int], list[tuple[int, str]]] = {}
    rows = _csv_rows(text, problems)
    start = next((i for i, row in enumerate(rows) if any(c.strip() for c in row[1])), None)
    header = rows[start] if start is not None else None
    if header is None or tuple(c.strip().lower() for c in header[1]) != SOLUTION_HEADER:
        found = ",".join(header[1]) if header else "an empty file"
        problems.add(header[0] if header else None,
                     f"the header must be {','.join(SOLUTION_HEADER)}, found {found!r}")
        problems.raise_if_any()
    assert start is not None
    for number, cells in rows[start + 1:]:
        if not any(c.strip() for c in cells):
            continue
        if len(cells) != 3:
            problems.add(number, f"expected 3 fields (employee_id,day_index,shift_id), found "
                                 f"{len(cells)}")
            continue
        employee_id, day_text, code = (c.strip() for c in cells)
        known = _known(employee_id, employees, "employee", number, problems)
        day = _integer(day_text, "day_index", number, problems, high=instance.horizon - 1)
        if code and not _known(code, shift_ids, "shift", number, problems):
            known = False
        if known and day is not None:
            seen.setdefault((employee_id, day), []).append((number, code))
    out: Assignments = {e.id: [[] for _ in range(instance.horizon)]
                        for e in instance.employees}
    missing: dict[str, list[int]] = {}
    for employee in instance.employees:
        for day in range(instance.horizon):
            given = seen.get((employee.id, day))
            if given is None:
                missing.setdefault(employee.id, []).append(day)
                continue
            codes = [code for _, code in given]
            if len(given) > 1 and (len(set(codes)) < len(codes) or "" in codes):
                lines = ", ".join(str(n) for n, _ in given)
                problems.add(given[-1][0], f"employee {employee.id} on day {day} is given "
                                           f"{len(given)} times, not as different shifts "
                                           f"(lines {lines})")
                continue
            out[employee.id][day] = [code for code in codes if code]
    for employee_id, days in missing.items():
        problems.add(None, f"no row for employee {employee_id} on day(s) "
                           f"{_day_ranges(days)} (an empty shift_id is a day off)")
    problems.raise_if_any()
    return out


def _csv_rows(text: str, problems: _Problems) -> list[tuple[int, list[str]]]:
    """The records of a CSV file, each with its line; InputError if it is not CSV (a stray
    quote, a field too long)."""
    reader = csv.reader(io.StringIO(text))
    rows: list[tuple[int, list[str]]] = []
    try:
        for cells in reader:
            rows.append((reader.line_num, cells))
    except csv.Error as exc:
        problems.add(reader.line_num, f"not a valid CSV file: {exc}")
        problems.raise_if_any()
    return rows


def _day_ranges(days: Sequence[int]) -> str:
    runs: list[list[int]] = []
    for day in days:
        if runs and day == runs[-1][-1] + 1:
            runs[-1].append(day)
        else:
            runs.append([day])
    return ", ".join(str(r[0]) if len(r) == 1 else f"{r[0]}-{r[-1]}" for r in runs)


def read_solution_file(path: Path | str, instance: Instance,
                       stdin: Callable[[], bytes] | None = None) -> Assignments:
    """Read a solution CSV (``-``: from ``stdin()``, the bytes of standard input)."""
    if str(path) == "-" and stdin is not None:
        return parse_solution(decode_bytes(stdin(), "<stdin>"), "<stdin>", instance)
    path = Path(path)
    return parse_solution(read_text(path), path.name, instance)


def solution_csv(instance: Instance, roster: Mapping[str, Sequence[str]]) -> str:
    """A roster as solution CSV: one row per employee and day; a day off has no shift."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(SOLUTION_HEADER)
    shift_ids = {s.id for s in instance.shifts}
    for employee in instance.employees:
        for day, cell in enumerate(roster[employee.id]):
            writer.writerow([employee.id, day, cell if cell in shift_ids else ""])
    return buf.getvalue()
