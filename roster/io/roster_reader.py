"""Read a finished roster, made by hand or by ``roster solve``, from CSV or Excel.

:func:`read_roster` returns a flat ``{employee_id: [cell, ...]}`` for the whole department: one
entry per person of the scenario, in the scenario's staff order, each with one cell per date of the
month; a cell is a shift code, ``OFF`` or ``LEAVE``. Splitting it per center is the caller's
business (:mod:`roster.validate` does it with the compiled problems).

Files: CSV in UTF-8, UTF-8 with a BOM or GB18030 (:func:`~roster.io.encoding.read_text`), or an
Excel ``.xlsx`` workbook (its first worksheet; opened read-only, never written). The layout is
found from the header row, the first row holding an ``employee_id`` (工號, 工号 …) or ``name``
(姓名) column; rows above it (titles, often merged cells) are skipped.

* **wide**: one row per person, one column per date. A date column is headed by the day of the
  month (``1`` … ``31``, ``1日``), an ISO date (``2026-10-01``), ``10/1``, ``10月1日``, or a real
  Excel date; a weekday after it (``1 (四)``, ``10/1 周四``) is ignored. A weekday row under the
  header (一 … 日, 周一, 星期一, Mon … Sun, or Excel dates shown as weekdays) is skipped, after
  checking that it agrees with the month. Other columns (team, role, center, totals) are ignored.
* **long**: one row per person and date, with ``date`` (日期) and ``shift`` (班次) columns besides
  the person: ``roster solve``'s ``roster.csv`` reads back unchanged, and so does its
  ``roster_wide.csv`` (a wide grid with ISO dates).

People are matched by ``employee_id``, or by ``name`` when there is no id column (a name two staff
share is an error then). Cells are resolved by :func:`~roster.io.scenario_reader.resolve_cell`:
shift codes and their aliases (早, 晚 …), ``OFF``/``休``/blank for a day off, ``LEAVE``/``假`` for
leave, ignoring spaces, case and full-width forms.

Everything wrong with the file is collected and raised as one :class:`InputError`, each problem
with its row (as a spreadsheet shows it) and column (its header as written): an unknown person, an
unknown shift, a person (or, in the long layout, a person and date) given twice, a date column
outside the month or given twice, a date missing, and people of the scenario missing from the file.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import warnings
import zipfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from roster.domain import Month, Scenario
from roster.errors import InputError, InvalidValue, Message, error_text
from roster.io.encoding import MAX_INPUT_BYTES, read_text
from roster.io.scenario_reader import STAFF_COLUMNS, resolve_cell, shift_lookup
from roster.io.tables import (
    Column,
    Problems,
    check_width,
    column_letter,
    date_text,
    normalize_header,
    normalize_text,
    same_column,
    separator_hint,
)
from roster.io.writers import FORMULA_PREFIXES
from solver.messages import Text

GridRow = tuple[int, Sequence[object]]
"""A row of a sheet: its number as a spreadsheet shows it (from 1) and its cells."""

EXCEL_SUFFIXES = (".xlsx", ".xlsm")

_ZIP_MAGIC = b"PK\x03\x04"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0"  # the old binary .xls format

EMPLOYEE_ID = next(c for c in STAFF_COLUMNS if c.name == "employee_id")
NAME = Column("name", ("姓名",))
DATE = Column("date", ("日期",))
SHIFT = Column("shift", ("班次", "班別", "班别"))
HEADER_COLUMNS = (EMPLOYEE_ID, NAME, DATE, SHIFT)

_CN_DAYS = "一二三四五六日"
_EN_DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_EN_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_CN_PREFIXES = ("周", "週", "星期", "礼拜", "禮拜")

WEEKDAY_WORDS: dict[str, int] = {}
"""Every spelling of a weekday in a weekday row (as :func:`normalize_header`) -> 0 (Mon) … 6."""
for _i, _cn in enumerate(_CN_DAYS):
    for _prefix in ("", *_CN_PREFIXES):
        WEEKDAY_WORDS[_prefix + _cn] = _i
    WEEKDAY_WORDS[_EN_DAYS[_i]] = WEEKDAY_WORDS[_EN_NAMES[_i].casefold()] = _i
    WEEKDAY_WORDS[_EN_DAYS[_i] + "."] = _i
for _prefix in _CN_PREFIXES:
    WEEKDAY_WORDS[_prefix + "天"] = 6
WEEKDAY_WORDS.update({"tues": 1, "thur": 3, "thurs": 3})

_PREFIX_RE = "|".join(_CN_PREFIXES)
_WEEKDAY_SUFFIX = re.compile(
    rf"(?:[\s(（]+(?:{_PREFIX_RE})?[{_CN_DAYS}天]|(?:{_PREFIX_RE})[{_CN_DAYS}天]"
    r"|[\s(（]+(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?)[)）]?$",
    re.IGNORECASE,
)
_DAY_NUMBER = re.compile(r"(\d{1,2})\s*[日号號]?")
_MONTH_DAY = re.compile(r"(\d{1,2})\s*(?:[/\-]|月)\s*(\d{1,2})\s*[日号號]?")
_FULL_DATE = re.compile(r"\d{4}\s*[-/.年]")


# --- cells -------------------------------------------------------------------------------------


def cell_text(value: object) -> str:
    """A cell as text: Excel numbers without a spurious '.0', dates as ISO, times as HH:MM."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime):
        if value.time() == dt.time():
            return value.date().isoformat()
        return value.isoformat(sep=" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dt.time):
        return value.strftime("%H:%M")
    return str(value)


def _in_month(date: dt.date, month: Month, shown: str) -> dt.date:
    if (date.year, date.month) != (month.year, month.month):
        raise _not_in_month(month, shown)
    return date


def _not_in_month(month: Month, shown: str) -> InvalidValue:
    return InvalidValue.of("input.not_in_month", month=str(month), got=shown)


def header_date(value: object, month: Month) -> dt.date | None:
    """The date a wide roster's column header names; None if the header is not a date.

    Accepts a day of the month (``5``, ``5日``, also an Excel number), ``10/5``, ``10-5``,
    ``10月5日``, a full date (``2026-10-05``, ``2026/10/5``, ``2026年10月5日``) or an Excel date,
    each optionally followed by a weekday (``5 (一)``, ``10/5 周一``, ``5 Mon``). Raises ValueError
    for a header that names a date outside ``month`` or no real date (day 32).
    """
    shown = cell_text(value)
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return _in_month(value, month, shown)
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        return None
    text = _WEEKDAY_SUFFIX.sub("", normalize_text(shown)).strip()
    num_days = len(month.dates)
    m = _DAY_NUMBER.fullmatch(text)
    if m:
        day = int(m.group(1))
        if not 1 <= day <= num_days:
            raise InvalidValue.of("roster.day_of_month", days=num_days, month=str(month),
                                  got=shown)
        return dt.date(month.year, month.month, day)
    m = _MONTH_DAY.fullmatch(text)
    if m:
        month_number, day = int(m.group(1)), int(m.group(2))
        if month_number != month.month or not 1 <= day <= num_days:
            raise _not_in_month(month, shown)
        return dt.date(month.year, month.month, day)
    if _FULL_DATE.match(text):
        return _in_month(date_text(text), month, shown)
    return None


def cell_date(value: object, month: Month) -> dt.date:
    """A long roster's date cell (text or an Excel date) as a date of ``month``; else ValueError."""
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return _in_month(value, month, value.isoformat())
    text = cell_text(value)
    return _in_month(date_text(text), month, text)


def _weekday(value: object) -> int | None:
    """The weekday (0 = Monday) a weekday-row cell names, None if it names none."""
    if isinstance(value, dt.date):  # an Excel date formatted to show its weekday
        return value.weekday()
    return WEEKDAY_WORDS.get(normalize_header(cell_text(value)))


def person_text(value: object) -> str:
    """An id or name cell as text, without the ``'`` that escapes a formula-like one in the
    files ``roster solve`` and ``roster export`` write (:func:`~roster.io.writers.safe_cell`),
    so that they read back."""
    text = normalize_text(cell_text(value))
    if text.startswith("'") and text[1:].startswith(FORMULA_PREFIXES):
        return text[1:]
    return text


def _is_blank(value: object) -> bool:
    return not cell_text(value).strip()


# --- sheets ------------------------------------------------------------------------------------


def read_grid(path: Path | str, *, name: str | None = None) -> list[GridRow]:
    """The rows of a CSV file or of an Excel workbook's first worksheet, numbered from 1.

    Excel files (recognised by their content, whatever the suffix) are opened read-only; an old
    binary ``.xls`` is refused with a message saying how to convert it.
    """
    path = Path(path)
    shown = name if name is not None else path.name
    try:
        with path.open("rb") as fh:
            magic = fh.read(len(_ZIP_MAGIC))
    except FileNotFoundError:
        raise InputError.single(shown, Text.of("file.not_found", path=str(path))) from None
    except IsADirectoryError:
        raise InputError.single(shown, Text.of("file.is_folder", path=str(path))) from None
    except OSError as exc:
        raise InputError.single(
            shown, Text.of("file.cannot_read", error=str(exc.strerror))
        ) from None
    if magic == _ZIP_MAGIC:
        return _excel_rows(path, shown)
    if magic == _OLE_MAGIC or path.suffix.lower() == ".xls":
        raise InputError.single(shown, Text("file.old_xls"))
    return _csv_rows(read_text(path, name=shown), shown)


def _csv_rows(text: str, name: str) -> list[GridRow]:
    records = csv.reader(io.StringIO(text, newline=""))
    rows: list[GridRow] = []
    try:
        for number, record in enumerate(records, start=1):
            check_width(record, name, number)
            rows.append((number, record))
        return rows
    except csv.Error as exc:
        raise InputError.single(
            name, Text.of("table.invalid_csv", line=records.line_num, error=str(exc))
        ) from None


def _excel_rows(path: Path, name: str) -> list[GridRow]:
    import openpyxl  # only when needed: it takes a while to import

    if path.stat().st_size > MAX_INPUT_BYTES:
        raise InputError.single(
            name, Text.of("file.workbook_too_large", limit=MAX_INPUT_BYTES // (1024 * 1024))
        )
    _check_unzipped_size(path, name)
    # openpyxl raises whatever its zip and XML parsers meet in a broken file (ParseError,
    # TypeError, zlib.error, EOFError …), when the workbook is opened or, read-only, only when
    # its rows are read: any exception there means the file is not a readable workbook. Its
    # warnings (no default style, a date out of range …) would print source lines on stderr.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
        except Exception as exc:
            raise _unreadable_workbook(name, exc) from None
        try:
            if not workbook.worksheets:
                raise InputError.single(name, Text("file.no_worksheet"))
            sheet = workbook.worksheets[0]
            try:
                if hasattr(sheet, "reset_dimensions"):  # a stored size may be wrong
                    sheet.reset_dimensions()
                return [
                    (number, list(values))
                    for number, values in enumerate(sheet.iter_rows(values_only=True), start=1)
                ]
            except Exception as exc:
                raise _unreadable_workbook(name, exc) from None
        finally:
            workbook.close()


MAX_UNZIPPED_BYTES = 10 * MAX_INPUT_BYTES
"""Largest total size of a workbook's unzipped parts (a zip bomb is refused before reading)."""


def _check_unzipped_size(path: Path, name: str) -> None:
    try:
        with zipfile.ZipFile(path) as archive:
            size = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
        raise _unreadable_workbook(name, exc) from None
    if size > MAX_UNZIPPED_BYTES:
        raise InputError.single(
            name,
            Text.of("file.unzips_to", size=size / 1024 / 1024,
                    limit=MAX_UNZIPPED_BYTES // (1024 * 1024)),
        )


def _unreadable_workbook(name: str, exc: BaseException) -> InputError:
    # what the zip or XML parser says stays in its own words (English)
    detail = str(exc).strip() or type(exc).__name__
    return InputError.single(name, Text.of("file.unreadable_workbook", detail=detail))


# --- the roster --------------------------------------------------------------------------------


def read_roster(
    path: Path | str, scenario: Scenario, *, name: str | None = None
) -> dict[str, list[str]]:
    """Read the roster at ``path`` (CSV or .xlsx, wide or long) for ``scenario``.

    Returns ``{employee_id: cells}`` for every person of the scenario, in its staff order, each
    with one cell per date of the month (a shift code, ``OFF`` or ``LEAVE``). ``name`` is how
    errors name the file (default: its file name). Raises one :class:`InputError` with every
    problem of the file. The file is only read.
    """
    path = Path(path)
    shown = name if name is not None else path.name
    return parse_roster(read_grid(path, name=shown), scenario, name=shown)


def parse_roster(rows: Sequence[GridRow], scenario: Scenario, *, name: str) -> dict[str, list[str]]:
    """:func:`read_roster` on rows already read; ``name`` names the file in errors."""
    return _Parser(scenario, name).parse(rows)


@dataclass
class _Header:
    number: int
    cells: Sequence[object]
    positions: dict[str, int] = field(default_factory=dict)  # column name -> position

    def column(self, pos: int) -> str:
        """How problems name the column at ``pos``: its header as written, else its letter."""
        text = cell_text(self.cells[pos]).strip() if pos < len(self.cells) else ""
        return text or column_letter(pos)

    def named(self, name: str) -> str:
        return self.column(self.positions[name])


def _cell(cells: Sequence[object], pos: int) -> object:
    return cells[pos] if pos < len(cells) else None


class _Parser:
    """Reads one roster sheet against a scenario, collecting every problem."""

    def __init__(self, scenario: Scenario, name: str) -> None:
        self.file = name
        self.month = scenario.month
        self.dates = scenario.month.dates
        self.staff = scenario.staff
        self.lookup = shift_lookup(scenario.shifts)
        self.by_id = {e.employee_id: e for e in scenario.staff}
        self.order = {e.employee_id: i for i, e in enumerate(scenario.staff)}
        self.by_name: dict[str, list[str]] = {}
        for e in scenario.staff:
            self.by_name.setdefault(normalize_text(e.name), []).append(e.employee_id)
        self.problems = Problems()
        self.present: set[str] = set()  # people with at least one row
        self.cells: dict[str, list[str]] = {}  # people whose every cell was read
        self._resolved: dict[str, str | ValueError] = {}

    # --- helpers ---
    def add(self, message: Message, row: int | None = None, column: str | None = None) -> None:
        self.problems.add(self.file, message, row, column)

    def shift(self, value: object) -> str:
        """A cell as a shift code, OFF or LEAVE; ValueError if it is none of them."""
        if isinstance(value, dt.date | dt.time):
            raise InvalidValue.of("roster.date_or_time", off="休", leave="假",
                                  got=cell_text(value))
        text = cell_text(value)
        known = self._resolved.get(text)
        if known is None:
            try:
                known = resolve_cell(text, self.lookup)
            except ValueError as exc:
                known = exc
            self._resolved[text] = known
        if isinstance(known, ValueError):
            raise known
        return known

    def person(self, header: _Header, number: int, cells: Sequence[object]) -> str | None:
        """The employee id of a row (by id, else by name); None (a problem recorded) if unknown."""
        key = "employee_id" if "employee_id" in header.positions else "name"
        column = header.named(key)
        text = person_text(_cell(cells, header.positions[key]))
        what = Text("what.employee_id" if key == "employee_id" else "what.name")
        if not text:
            self.add(Text.of("input.empty_cell", expected=what), number, column)
            return None
        if key == "employee_id":
            if text not in self.by_id:
                self.add(Text.of("roster.unknown_id", id=text), number, column)
                return None
            return text
        ids = self.by_name.get(text, [])
        if not ids:
            self.add(Text.of("roster.unknown_name", name=text), number, column)
            return None
        if len(ids) > 1:
            self.add(Text.of("roster.shared_name", name=text, ids=tuple(ids), id_word="工号"),
                     number, column)
            return None
        return ids[0]

    def person_cells_blank(self, header: _Header, cells: Sequence[object]) -> bool:
        return all(
            _is_blank(_cell(cells, header.positions[k]))
            for k in ("employee_id", "name")
            if k in header.positions
        )

    # --- the sheet ---
    def parse(self, rows: Sequence[GridRow]) -> dict[str, list[str]]:
        found = self.find_header(rows)
        if found is None:
            first = next((cells for _, cells in rows if any(not _is_blank(c) for c in cells)), [])
            hint = separator_hint(cell_text(first[0]) if len(first) == 1 else "")
            raise InputError.single(self.file, Text.of(
                "roster.no_header", id_word="工号", name_word="姓名", hint=hint))
        index, header = found
        body = rows[index + 1 :]
        if "date" in header.positions and "shift" in header.positions:
            self.parse_long(header, body)
        else:
            self.parse_wide(header, body)
        person_column = header.named(
            "employee_id" if "employee_id" in header.positions else "name"
        )
        for e in self.staff:
            if e.employee_id not in self.present:
                self.add(
                    Text.of("roster.missing_person", name=e.name, id=e.employee_id,
                            center=e.center),
                    None,
                    person_column,
                )
        self.problems.raise_if_any()
        return {e.employee_id: self.cells[e.employee_id] for e in self.staff}

    def find_header(self, rows: Sequence[GridRow]) -> tuple[int, _Header] | None:
        """The first row with an employee_id or name column, with its known columns."""
        by_key = {normalize_header(s): c.name for c in HEADER_COLUMNS for s in c.spellings}
        for index, (number, cells) in enumerate(rows):
            keys = [by_key.get(normalize_header(cell_text(c))) for c in cells]
            if "employee_id" not in keys and "name" not in keys:
                continue
            header = _Header(number, cells)
            for pos, key in enumerate(keys):
                if key is None:
                    continue
                if key in header.positions:
                    first = header.positions[key]
                    self.add(
                        same_column(column_letter(first), header.column(first),
                                    column_letter(pos), header.column(pos), key),
                        number,
                        header.column(pos),
                    )
                    continue
                header.positions[key] = pos
            return index, header
        return None

    # --- wide: one row per person ---
    def parse_wide(self, header: _Header, body: Sequence[GridRow]) -> None:
        columns = self.date_columns(header)
        if not columns:
            self.add(
                Text.of("roster.no_date_columns", month=str(self.month), days=len(self.dates),
                        first=self.dates[0].isoformat(), m=self.month.month,
                        cn_first=f"{self.month.month}月1日"),
                header.number,
            )
            self.problems.raise_if_any()
        ordered = sorted(columns, key=columns.__getitem__)  # positions, in date order
        rows_of: dict[str, list[int]] = {}
        first_row = True
        for number, cells in body:
            if all(_is_blank(c) for c in cells):
                continue
            if first_row:
                first_row = False
                if self.weekday_row(header, columns, number, cells):
                    continue
            if self.person_cells_blank(header, cells) and all(
                _is_blank(_cell(cells, pos)) for pos in columns
            ):
                continue  # a note or a total in some other column
            pid = self.person(header, number, cells)
            row: list[str] = []
            for pos in ordered:
                try:
                    row.append(self.shift(_cell(cells, pos)))
                except ValueError as exc:
                    self.add(error_text(exc), number, header.column(pos))
            if pid is None:
                continue
            self.present.add(pid)
            rows_of.setdefault(pid, []).append(number)
            if len(row) == len(columns):
                self.cells.setdefault(pid, row)
        column = header.named("employee_id" if "employee_id" in header.positions else "name")
        for pid, numbers in rows_of.items():
            if len(numbers) > 1:
                for n in numbers:
                    self.add(Text.of("roster.listed_twice", id=pid, rows=tuple(numbers)), n,
                             column)

    def date_columns(self, header: _Header) -> dict[int, int]:
        """Position -> day index of every date column; problems for bad or missing dates."""
        person = set(header.positions.values())
        columns: dict[int, int] = {}
        first_of: dict[int, int] = {}
        for pos, value in enumerate(header.cells):
            if pos in person:
                continue
            try:
                date = header_date(value, self.month)
            except ValueError as exc:
                self.add(error_text(exc), header.number, header.column(pos))
                continue
            if date is None:
                continue
            d = date.day - 1
            if d in first_of:
                other = first_of[d]
                self.add(
                    Text.of("roster.date_twice", date=date.isoformat(),
                            first=column_letter(other), first_header=header.column(other),
                            second=column_letter(pos), second_header=header.column(pos)),
                    header.number,
                    header.column(pos),
                )
                continue
            first_of[d] = pos
            columns[pos] = d
        if columns:
            for d, date in enumerate(self.dates):
                if d not in first_of:
                    self.add(
                        Text.of("roster.no_column_for", date=date.isoformat(),
                                month=str(self.month)),
                        header.number,
                    )
        return columns

    def weekday_row(
        self, header: _Header, columns: Mapping[int, int], number: int, cells: Sequence[object]
    ) -> bool:
        """Whether the row under the header names weekdays; if so, check them against the dates."""
        if not self.person_cells_blank(header, cells):
            key = "employee_id" if "employee_id" in header.positions else "name"
            text = person_text(_cell(cells, header.positions[key]))
            if text in self.by_id or text in self.by_name:
                return False
        seen: dict[int, int] = {}
        for pos in columns:
            value = _cell(cells, pos)
            if _is_blank(value):
                continue
            weekday = _weekday(value)
            if weekday is None:
                return False
            seen[pos] = weekday
        if len(set(seen.values())) < 2:
            return False
        wrong = [pos for pos, day in seen.items() if self.dates[columns[pos]].weekday() != day]
        if wrong:
            pos = wrong[0]
            date = self.dates[columns[pos]]
            more = Text.of("roster.columns_disagree", n=len(wrong)) if len(wrong) > 1 else ""
            day_name = Text.of(f"weekday.{date.weekday()}", cn=f"周{_CN_DAYS[date.weekday()]}")
            self.add(
                Text.of("roster.weekday_row", got=cell_text(_cell(cells, pos)),
                        date=date.isoformat(), weekday=day_name, more=more,
                        month=str(self.month)),
                number,
                header.column(pos),
            )
        return True

    # --- long: one row per person and date ---
    def parse_long(self, header: _Header, body: Sequence[GridRow]) -> None:
        date_pos, shift_pos = header.positions["date"], header.positions["shift"]
        rows_of: dict[tuple[str, int], list[int]] = {}
        cells: dict[str, dict[int, str]] = {}
        for number, row in body:
            date_value, shift_value = _cell(row, date_pos), _cell(row, shift_pos)
            if (
                self.person_cells_blank(header, row)
                and _is_blank(date_value)
                and _is_blank(shift_value)
            ):
                continue
            pid = self.person(header, number, row)
            date: dt.date | None = None
            if _is_blank(date_value):
                self.add(Text.of("input.empty_cell", expected=Text("what.date")), number,
                         header.named("date"))
            else:
                try:
                    date = cell_date(date_value, self.month)
                except ValueError as exc:
                    self.add(error_text(exc), number, header.named("date"))
            shift: str | None = None
            try:
                shift = self.shift(shift_value)
            except ValueError as exc:
                self.add(error_text(exc), number, header.named("shift"))
            if pid is None:
                continue
            self.present.add(pid)
            if date is None:
                continue
            rows_of.setdefault((pid, date.day - 1), []).append(number)
            cells.setdefault(pid, {})
            if shift is not None:
                cells[pid].setdefault(date.day - 1, shift)
        for (pid, d), numbers in rows_of.items():
            if len(numbers) > 1:
                what = Text.of("scenario.dup_shift_of", id=pid, date=self.dates[d].isoformat())
                rows = Text.of("input.rows", rows=tuple(numbers))
                for n in numbers:
                    self.add(Text.of("input.given_twice", what=what, rows=rows), n,
                             header.named("date"))
        for pid in sorted(cells, key=self.order.__getitem__):
            missing = [date for d, date in enumerate(self.dates) if (pid, d) not in rows_of]
            if missing:
                listed = tuple(date.isoformat() for date in missing)
                self.add(Text.of("roster.no_row_for", id=pid, dates=listed), None,
                         header.named("date"))
        for pid, by_day in cells.items():
            if len(by_day) == len(self.dates):
                self.cells[pid] = [by_day[d] for d in range(len(self.dates))]
