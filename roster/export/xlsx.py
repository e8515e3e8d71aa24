"""The roster as an Excel workbook: one sheet per center, then a summary sheet.

A center's sheet, from the top::

    1          title (scenario, center, month)
    2          acting days: 代 / A under each date the director is off
    3 …        per shift, agents on duty / the minimum ("12/12"), red when short
    header     工号 / Employee ID, 姓名 / Name, 组 / Team, 职位 / Role, the day numbers 1 … 31,
               then the totals: days worked, days off, weekends/holidays off, late shifts
    weekday    一 … 日 (Mon … Sun)
    people     one row each, one cell per date: a shift code, OFF or LEAVE

Cells are coloured by shift; date columns are shaded for weekends and public holidays (a
holiday's name is a note on its day number); broken hard rules have a red border and a note
explaining them. The header rows and the four person columns are frozen, and the sheet prints
on A4 landscape, one page wide, the header repeated on each page. Everything above the header
row is a title row to :func:`roster.io.roster_reader.read_roster`, so the workbook of a
one-center scenario reads back as a roster (its first sheet).

The summary sheet lists the acting days, the violations, the soft penalties by rule, the
objective and a legend of the colours.
"""

from __future__ import annotations

import io
import re
from collections.abc import Sequence

from openpyxl import Workbook
from openpyxl.cell.cell import Cell
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.page import PageMargins
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.worksheet import Worksheet

from roster.calendar import date_ranges
from roster.domain import LEAVE, OFF
from roster.export.grid import (
    HOLIDAY_COLOR,
    MAKEUP_COLOR,
    SHORT_COLOR,
    VIOLATION_COLOR,
    WEEKEND_COLOR,
    CenterGrid,
    ExportData,
    day_color,
    shift_colors,
)
from roster.export.labels import (
    WEEKDAYS,
    Lang,
    day_note,
    labels,
    role_text,
    violation_text,
)
from roster.io.writers import FORMULA_PREFIXES

PERSON_COLUMNS = ("employee_id", "name", "team", "role")
TOTAL_COLUMNS = ("days_worked", "days_off", "rest_days_off", "late_shifts")
FIRST_DATE_COLUMN = len(PERSON_COLUMNS) + 1  # E

_THIN = Side(style="thin", color="BFBFBF")
_GRID = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_RED = Side(style="medium", color=VIOLATION_COLOR)
_VIOLATION = Border(left=_RED, right=_RED, top=_RED, bottom=_RED)
_CENTER = Alignment(horizontal="center", vertical="center")
_FIT = Alignment(horizontal="center", vertical="center", shrink_to_fit=True)
_WRAP = Alignment(vertical="top", wrap_text=True)
_BOLD = Font(bold=True)
_SHEET_NAME_BAD = re.compile(r"[\[\]:*?/\\]")


def fill(color: str) -> PatternFill:
    return PatternFill(fill_type="solid", start_color="FF" + color, end_color="FF" + color)


def at(ws: Worksheet, row: int, column: int) -> Cell:
    """The cell at ``row``, ``column`` (never one hidden under a merged title)."""
    cell = ws.cell(row=row, column=column)
    assert isinstance(cell, Cell)
    return cell


def put(ws: Worksheet, row: int, column: int, value: object) -> Cell:
    """Write a cell; text that a spreadsheet would run as a formula is stored as plain text."""
    cell = at(ws, row, column)
    cell.value = value  # type: ignore[assignment]
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        cell.data_type = "s"
        cell.quotePrefix = True
    return cell


def note(cell: Cell, text: str) -> None:
    """Add ``text`` to the cell's note (a comment shown on hover)."""
    old = cell.comment.text + "\n" if cell.comment is not None else ""
    cell.comment = Comment(old + text, "roster", width=320, height=120)


def mark_violation(cell: Cell, texts: Sequence[str]) -> None:
    cell.border = _VIOLATION
    for text in texts:
        note(cell, text)


def sheet_title(wanted: str, taken: set[str]) -> str:
    """A valid, unused sheet name (at most 31 characters, none of []:*?/\\)."""
    base = _SHEET_NAME_BAD.sub("_", wanted).strip("'")[:31] or "Sheet"
    title, n = base, 2
    while title.casefold() in taken:
        suffix = f" ({n})"
        title, n = base[: 31 - len(suffix)] + suffix, n + 1
    taken.add(title.casefold())
    return title


def header_row(data: ExportData) -> int:
    """The header row's number in a center sheet: after the title, acting and cover rows."""
    return 3 + len(data.scenario.shifts)


def center_sheet(ws: Worksheet, data: ExportData, grid: CenterGrid, lang: Lang) -> None:
    t = labels(lang)
    calendar = data.calendar
    colors = shift_colors(data.scenario)
    num_days = len(calendar)
    first_total = FIRST_DATE_COLUMN + num_days
    last_column = first_total + len(TOTAL_COLUMNS) - 1
    header = header_row(data)
    weekday_row = header + 1
    marks = grid.marks()

    def date_column(d: int) -> int:
        return FIRST_DATE_COLUMN + d

    center = grid.center
    put(ws, 1, 1, f"{data.scenario.name} · {center.name or center.id} ({center.id}) · "
                  f"{data.scenario.month} · {t['title']}").font = Font(bold=True, size=13)
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=last_column)

    # shading of the date columns in every header row
    for d, info in enumerate(calendar):
        color = day_color(info)
        if color is None:
            continue
        for row in range(2, weekday_row + 1):
            ws.cell(row=row, column=date_column(d)).fill = fill(color)

    put(ws, 2, len(PERSON_COLUMNS), t["acting_day"]).font = _BOLD
    for d in sorted(grid.acting):
        cell = put(ws, 2, date_column(d), t["acting_mark"])
        cell.font = Font(bold=True, color="C65911")
        cell.alignment = _CENTER
    for i, shift in enumerate(data.scenario.shifts):
        row = 3 + i
        put(ws, row, len(PERSON_COLUMNS), t["cover_row"].format(shift=shift.code)).font = _BOLD
        for d, cover in enumerate(grid.cover[shift.code]):
            cell = put(ws, row, date_column(d), f"{cover.assigned}/{cover.required}")
            cell.alignment = _CENTER
            cell.font = Font(size=8)
            if cover.short:
                cell.fill = fill(SHORT_COLOR)
                note(cell, t["cover_note"].format(
                    date=calendar[d].date.isoformat(), shift=shift.code,
                    assigned=cover.assigned, required=cover.required, target=cover.target)
                    + " (" + t["short_note"].format(short=cover.short) + ")")

    headings = [t[c] for c in PERSON_COLUMNS]
    for column, text in enumerate(headings, start=1):
        put(ws, header, column, text)
        put(ws, weekday_row, column, t["weekday"] if column == len(PERSON_COLUMNS) else None)
    for d, info in enumerate(calendar):
        put(ws, header, date_column(d), info.date.day)
        put(ws, weekday_row, date_column(d), WEEKDAYS[lang][info.weekday])
    for i, column_name in enumerate(TOTAL_COLUMNS):
        put(ws, header, first_total + i, t[column_name])
    for row in (header, weekday_row):
        for column in range(1, last_column + 1):
            cell = at(ws, row, column)
            cell.font = _BOLD
            cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
            cell.border = _GRID
    for d, info in enumerate(calendar):
        cell = at(ws, header, date_column(d))
        text = day_note(info, lang)
        if text:
            note(cell, text)
        if (None, d) in marks:
            mark_violation(cell, [violation_text(v, lang) for v in marks[None, d]])

    row = weekday_row
    for person in grid.people:
        row += 1
        e = person.employee
        pid = e.employee_id
        for column, value in enumerate(
                (pid, e.name, e.team, role_text(e.role, lang)), start=1):
            put(ws, row, column, value).border = _GRID
        for d, value in enumerate(person.cells):
            cell = put(ws, row, date_column(d), value)
            cell.alignment = _FIT
            cell.border = _GRID
            color = colors.get(value) if value != OFF else day_color(calendar[d])
            if color is not None:
                cell.fill = fill(color)
            if value == LEAVE:
                cell.font = Font(italic=True)
            if (pid, d) in marks:
                mark_violation(cell, [violation_text(v, lang) for v in marks[pid, d]])
        totals = (person.days_worked, person.days_off, person.rest_days_off, person.late_shifts)
        for i, total in enumerate(totals):
            cell = put(ws, row, first_total + i, total)
            cell.alignment = _CENTER
            cell.border = _GRID
        if (pid, None) in marks:
            mark_violation(at(ws, row, 2),
                           [violation_text(v, lang) for v in marks[pid, None]])

    widths = {1: 10, 2: 10, 3: 10, 4: 16}
    for column, width in widths.items():
        ws.column_dimensions[get_column_letter(column)].width = width
    for d in range(num_days):
        ws.column_dimensions[get_column_letter(date_column(d))].width = 5
    for i in range(len(TOTAL_COLUMNS)):
        ws.column_dimensions[get_column_letter(first_total + i)].width = 9
    ws.row_dimensions[header].height = 30
    ws.freeze_panes = at(ws, weekday_row + 1, FIRST_DATE_COLUMN)
    a4_landscape(ws)
    ws.print_title_rows = f"1:{weekday_row}"
    ws.print_title_cols = f"A:{get_column_letter(len(PERSON_COLUMNS))}"


def a4_landscape(ws: Worksheet) -> None:
    """Print on A4 landscape, one page wide."""
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = ws.ORIENTATION_LANDSCAPE
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    ws.page_margins = PageMargins(left=0.4, right=0.4, top=0.5, bottom=0.5)
    footer = ws.oddFooter
    if footer is not None and footer.center is not None:
        footer.center.text = "&P / &N"  # page n / pages


def summary_sheet(ws: Worksheet, data: ExportData, lang: Lang) -> None:
    t = labels(lang)
    sc = data.scenario
    report = data.report
    names = {e.employee_id: e.name for e in sc.staff}

    def who(pid: str) -> str:
        return f"{pid} {names.get(pid, '')}".strip()

    row = 1
    put(ws, row, 1, f"{sc.name} · {sc.month} · {t['summary']}").font = Font(bold=True, size=13)
    row += 2
    for label, value in ((t["month"], str(sc.month)), (t["people"], len(sc.staff)),
                         (t["objective"], report.objective)):
        put(ws, row, 1, label).font = _BOLD
        put(ws, row, 2, value)
        row += 1

    def table(title: str, header: Sequence[str], rows: Sequence[Sequence[object]],
              start: int) -> int:
        put(ws, start, 1, f"{title}: {len(rows) or t['none']}").font = Font(bold=True, size=12)
        start += 1
        if not rows:
            return start + 1
        for column, text in enumerate(header, start=1):
            cell = put(ws, start, column, text)
            cell.font = _BOLD
            cell.border = _GRID
        for values in rows:
            start += 1
            for column, value in enumerate(values, start=1):
                cell = put(ws, start, column, value)
                cell.border = _GRID
                cell.alignment = _WRAP
        return start + 2

    row = table(t["acting_days"], [t["date"], t["center"], t["director"], t["senior_leader"]],
                [[a.date, a.center, who(a.director_id), who(a.senior_leader_id)]
                 for a in report.acting_days], row + 1)
    for r in range(1, row):
        cell = at(ws, r, 1)
        if cell.is_date:
            cell.number_format = "yyyy-mm-dd"
    start = row
    row = table(t["violations"], [t["rule"], t["center"], t["employees"], t["dates"],
                                  t["message"]],
                [[v.rule, v.center, ", ".join(who(p) for p in v.employee_ids),
                  date_ranges(v.dates), violation_text(v, lang)]
                 for v in report.violations], row)
    for r in range(start + 2, row - 1):
        ws.cell(row=r, column=1).font = Font(bold=True, color=VIOLATION_COLOR)
    row = table(t["penalties"], [t["rule"], t["count"], t["cost"]],
                [[p.rule, p.count, p.cost] for p in report.penalties], row)

    put(ws, row, 1, t["legend"]).font = Font(bold=True, size=12)
    colors = shift_colors(sc)
    legend: list[tuple[str, str, str | None]] = [
        (s.code, f"{s.name} {_clock(s.start)}–{_clock(s.end)}".strip(), colors[s.code])
        for s in sc.shifts
    ]
    legend += [(OFF, t["OFF"], None), (LEAVE, t["LEAVE"], colors[LEAVE]),
               ("", t["weekend"], WEEKEND_COLOR), ("", t["holiday"], HOLIDAY_COLOR),
               ("", t["makeup"], MAKEUP_COLOR), (t["acting_mark"], t["acting_note"], None),
               ("12/12", t["cover_legend"], SHORT_COLOR)]
    for code, meaning, color in legend:
        row += 1
        cell = put(ws, row, 1, code)
        cell.alignment = _CENTER
        cell.border = _GRID
        if color is not None:
            cell.fill = fill(color)
        put(ws, row, 2, meaning)
    for column, width in {1: 14, 2: 16, 3: 24, 4: 24, 5: 90}.items():
        ws.column_dimensions[get_column_letter(column)].width = width
    a4_landscape(ws)


def _clock(minutes: int) -> str:
    """Minutes after midnight as HH:MM; past midnight as the next day's time."""
    minutes %= 24 * 60
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def to_xlsx(data: ExportData, lang: Lang) -> bytes:
    """The workbook as the bytes of an .xlsx file."""
    wb = Workbook()
    taken: set[str] = set()
    first = True
    for grid in data.centers:
        ws = wb.active if first else wb.create_sheet()
        assert ws is not None
        first = False
        ws.title = sheet_title(f"{grid.center.id} {grid.center.name}".strip(), taken)
        center_sheet(ws, data, grid, lang)
    summary = wb.create_sheet(sheet_title(labels(lang)["summary"], taken))
    summary_sheet(summary, data, lang)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()
