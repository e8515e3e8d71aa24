"""The Excel export, read back with openpyxl: cells, headers, shading, marks, totals, printing."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from openpyxl import load_workbook
from openpyxl.worksheet.worksheet import Worksheet

from roster.export import ExportData, build_export
from roster.export.grid import HOLIDAY_COLOR, MAKEUP_COLOR, SHORT_COLOR, WEEKEND_COLOR
from roster.export.xlsx import to_xlsx
from roster.io.roster_reader import read_roster
from roster.io.scenario_reader import load_scenario

from .builders import ACTING_DAYS, R1_MESSAGE, R1_MESSAGE_ZH, ROSTER, TOTALS, WEEKDAYS_ZH
from .conftest import SAMPLE, SAMPLE_ROSTER

# The center sheet's rows: title, acting days, one cover row per shift (E, L, N), the header,
# the weekday row, then the people; columns A-D the person, E … AI the 31 dates, then totals.
ACTING_ROW, HEADER, WEEKDAY_ROW, FIRST_PERSON = 2, 6, 7, 8
FIRST_DATE, FIRST_TOTAL = 5, 5 + 31


def sheets(data: ExportData, lang: str = "en") -> list[Worksheet]:
    wb = load_workbook(io.BytesIO(to_xlsx(data, lang)))  # type: ignore[arg-type]
    return list(wb.worksheets)


def fill_of(ws: Worksheet, row: int, column: int) -> str | None:
    """A cell's solid fill as RGB hex, None when it has none."""
    cell_fill = ws.cell(row=row, column=column).fill
    return None if cell_fill.fill_type is None else str(cell_fill.start_color.rgb)[2:]


def test_one_sheet_per_center_then_the_summary(data: ExportData) -> None:
    """The sheets: the center's, named by its id and name, then the summary."""
    assert [ws.title for ws in sheets(data, "en")] == ["IN Inbound", "Summary"]
    assert [ws.title for ws in sheets(data, "zh")] == ["IN Inbound", "汇总"]


def test_every_cell_equals_the_roster(data: ExportData) -> None:
    """Each person's row: id, name, team, role, then exactly their 31 cells."""
    ws = sheets(data)[0]
    ids = list(ROSTER)
    for i, pid in enumerate(ids):
        r = FIRST_PERSON + i
        assert ws.cell(row=r, column=1).value == pid
        assert [ws.cell(row=r, column=FIRST_DATE + d).value for d in range(31)] == ROSTER[pid]
    assert ws.cell(row=FIRST_PERSON + len(ids), column=1).value is None
    people = [[ws.cell(row=FIRST_PERSON + i, column=c).value for c in range(1, 5)]
              for i in range(len(ids))]
    assert people == [
        ["D1", "Dana", None, "Director"],
        ["S1", "Sam", "A", "Senior leader"],
        ["T1", "Tia", "A", "Team leader"],
        ["A1", "Ann", "A", "Agent"],
        ["A2", "Bob", "B", "Agent"],
        ["A3", "=1+2", "B", "Agent"],
    ]


def test_a_name_like_a_formula_stays_text(data: ExportData) -> None:
    """'=1+2' is stored as text (a string cell), never as a formula."""
    cell = sheets(data)[0].cell(row=FIRST_PERSON + 5, column=2)
    assert cell.value == "=1+2"
    assert cell.data_type == "s"


def test_header_has_day_numbers_and_weekdays(data: ExportData) -> None:
    """The header: the person columns, 1 … 31, the totals; under it the weekdays."""
    en, zh = sheets(data, "en")[0], sheets(data, "zh")[0]
    assert [en.cell(row=HEADER, column=c).value for c in range(1, FIRST_TOTAL + 4)] == [
        "Employee ID", "Name", "Team", "Role", *range(1, 32),
        "Days worked", "Days off", "Weekends/holidays off", "Late shifts"]
    assert [zh.cell(row=HEADER, column=c).value for c in (1, 2, 3, 4)] == [
        "工号", "姓名", "组", "职位"]
    assert [zh.cell(row=HEADER, column=c).value for c in range(FIRST_TOTAL, FIRST_TOTAL + 4)] == [
        "上班天数", "休息天数", "周末及节假日休息", "晚班次数"]
    assert [zh.cell(row=WEEKDAY_ROW, column=FIRST_DATE + d).value for d in range(31)] == list(
        WEEKDAYS_ZH[:31])
    assert [en.cell(row=WEEKDAY_ROW, column=FIRST_DATE + d).value for d in range(7)] == [
        "Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"]


def test_weekend_and_holiday_columns_are_shaded(data: ExportData) -> None:
    """Holidays (1st-7th), weekends (11th, 17th …) and the make-up Saturday (10th) shaded."""
    ws = sheets(data)[0]
    shading = {d: fill_of(ws, HEADER, FIRST_DATE + d - 1) for d in range(1, 32)}
    expected = dict.fromkeys(range(1, 32))
    expected.update(dict.fromkeys(range(1, 8), HOLIDAY_COLOR))
    expected.update(dict.fromkeys((11, 17, 18, 24, 25, 31), WEEKEND_COLOR))
    expected[10] = MAKEUP_COLOR
    assert shading == expected
    # a day off takes its column's shading: A1 is off on the 1st (holiday) and the 8th
    a1 = FIRST_PERSON + 3
    assert fill_of(ws, a1, FIRST_DATE) == HOLIDAY_COLOR
    assert fill_of(ws, a1, FIRST_DATE + 7) is None


def test_holiday_names_are_notes_on_the_day_numbers(data: ExportData) -> None:
    """The 3rd says National Day (国庆节 in Chinese); the 10th is a make-up workday."""
    en, zh = sheets(data, "en")[0], sheets(data, "zh")[0]
    assert en.cell(row=HEADER, column=FIRST_DATE + 2).comment.text == (
        "Public holiday: National Day")
    assert zh.cell(row=HEADER, column=FIRST_DATE + 2).comment.text == "法定节假日：国庆节"
    tenth = en.cell(row=HEADER, column=FIRST_DATE + 9).comment.text  # R7 too
    assert tenth.splitlines()[0] == "Make-up workday"
    assert en.cell(row=HEADER, column=FIRST_DATE + 2).border.left.style == "thin"


def test_a_date_that_breaks_cover_is_outlined_with_a_note(data: ExportData) -> None:
    """R7 on the 1st (no agent on E): the day number is outlined and explains it; the 9th not."""
    ws = sheets(data)[0]
    first = ws.cell(row=HEADER, column=FIRST_DATE)
    assert first.border.left.style == "medium"
    assert first.comment.text == (
        "Public holiday: National Day\nR7 agents on each shift: R7: 2026-10-01 on shift E needs "
        "at least 1 agents, 0 assigned (1 short)")
    ninth = ws.cell(row=HEADER, column=FIRST_DATE + 8)
    assert ninth.border.left.style == "thin"
    assert ninth.comment is None


def test_acting_days_are_marked(data: ExportData) -> None:
    """The acting row holds a mark on each date the director is off, and nothing else."""
    for lang, mark in (("en", "A"), ("zh", "代")):
        ws = sheets(data, lang)[0]
        marks = {d + 1: ws.cell(row=ACTING_ROW, column=FIRST_DATE + d).value for d in range(31)}
        assert {d for d, v in marks.items() if v is not None} == set(ACTING_DAYS)
        assert {v for v in marks.values() if v is not None} == {mark}


def test_totals_per_person(data: ExportData) -> None:
    """Days worked, days off, weekend/holiday days off and late shifts, as counted by hand."""
    ws = sheets(data)[0]
    totals = {ws.cell(row=FIRST_PERSON + i, column=1).value: tuple(
        ws.cell(row=FIRST_PERSON + i, column=FIRST_TOTAL + k).value for k in range(4))
        for i in range(len(ROSTER))}
    assert totals == TOTALS


def test_cover_rows_against_demand(data: ExportData) -> None:
    """Agents on E, L and N per date against the minimum, red where short."""
    ws = sheets(data)[0]
    e_row, l_row, n_row = 3, 4, 5
    assert [ws.cell(row=r, column=4).value for r in (e_row, l_row, n_row)] == [
        "E agents / min", "L agents / min", "N agents / min"]
    e_cells = [ws.cell(row=e_row, column=FIRST_DATE + d).value for d in range(31)]
    # A1 works E from the 9th, A3 on the 3rd; every day needs one
    assert e_cells == ["0/1", "0/1", "1/1", *["0/1"] * 5, *["1/1"] * 23]
    assert fill_of(ws, e_row, FIRST_DATE) == SHORT_COLOR
    assert fill_of(ws, e_row, FIRST_DATE + 2) == HOLIDAY_COLOR  # the 3rd: not short
    assert ws.cell(row=n_row, column=FIRST_DATE + 4).value == "1/0"  # A3 on N, no demand


def test_violations_are_outlined_with_a_note(data: ExportData) -> None:
    """R1 on the 5th: D1's and S1's cells of the 5th have a red border and the explanation."""
    ws = sheets(data)[0]
    for i in (0, 1):  # D1, S1
        cell = ws.cell(row=FIRST_PERSON + i, column=FIRST_DATE + 4)
        assert cell.border.left.style == "medium"
        assert cell.border.left.color.rgb == "00C00000"
        assert R1_MESSAGE in cell.comment.text
    untouched = ws.cell(row=FIRST_PERSON, column=FIRST_DATE + 5)  # D1 on the 6th
    assert untouched.border.left.style == "thin"
    assert untouched.comment is None


def test_frozen_header_and_a4_landscape(data: ExportData) -> None:
    """Panes frozen below the weekday row and right of the person columns; A4 landscape."""
    for ws in sheets(data):
        assert ws.page_setup.orientation == "landscape"
        assert int(ws.page_setup.paperSize) == 9  # A4
        assert ws.sheet_properties.pageSetUpPr.fitToPage is True
        assert int(ws.page_setup.fitToWidth) == 1
    ws = sheets(data)[0]
    assert ws.freeze_panes == "E8"
    assert ws.print_title_rows == "$1:$7"
    assert ws.print_title_cols == "$A:$D"


def test_summary_lists_acting_days_and_violations(data: ExportData) -> None:
    """The summary sheet: the acting days, then every violation with its explanation."""
    ws = sheets(data, "en")[1]
    rows = [[c.value for c in r] for r in ws.iter_rows()]
    acting_at = rows.index(
        ["Acting days (the director is off, the senior leader acts): 8", None, None, None, None])
    assert rows[acting_at + 1][:4] == ["Date", "Center", "Director", "Senior leader"]
    assert [r[0].day for r in rows[acting_at + 2: acting_at + 10]] == ACTING_DAYS
    assert rows[acting_at + 2][1:4] == ["IN", "D1 Dana", "S1 Sam"]
    violations_at = rows.index(["Hard-rule violations: 21", None, None, None, None])
    assert rows[violations_at + 1] == ["Rule", "Center", "Employees", "Dates", "Message"]
    assert rows[violations_at + 6][:4] == ["R5", "IN", "A1 Ann", "2026-10-09…2026-10-31"]
    r1 = next(r for r in rows[violations_at:] if r[0] == "R1")
    assert r1 == ["R1", "IN", "D1 Dana, S1 Sam", "2026-10-05",
                  f"R1 director and senior leader both off: {R1_MESSAGE}"]
    zh = [[c.value for c in r] for r in sheets(data, "zh")[1].iter_rows()]
    assert ["R1", "IN", "D1 Dana, S1 Sam", "2026-10-05",
            f"R1 中心主任与资深组长同日休息：{R1_MESSAGE_ZH}"] in zh


def test_one_center_workbook_reads_back_as_a_roster(data: ExportData, scenario: Path,
                                                    tmp_path: Path) -> None:
    """roster validate reads the first sheet back: the title and cover rows are skipped."""
    path = tmp_path / "roster.xlsx"
    path.write_bytes(to_xlsx(data, "zh"))
    assert read_roster(path, load_scenario(scenario)) == ROSTER


@pytest.fixture(scope="module")
def sample_book() -> tuple[dict[str, list[str]], list[Worksheet]]:
    sc = load_scenario(SAMPLE)
    roster = read_roster(SAMPLE_ROSTER, sc)
    return roster, sheets(build_export(sc, roster, SAMPLE_ROSTER.name), sc.language)


def test_sample_workbook_holds_every_cell(
        sample_book: tuple[dict[str, list[str]], list[Worksheet]]) -> None:
    """The sample's 100 people over two center sheets: every cell equal to roster_example.csv."""
    roster, worksheets = sample_book
    assert [ws.title for ws in worksheets] == ["IN 回CALL中心", "OUT 外撥中心", "汇总"]
    read: dict[str, list[object]] = {}
    for ws in worksheets[:2]:
        assert ws.cell(row=HEADER, column=1).value == "工号"
        for r in range(FIRST_PERSON, ws.max_row + 1):
            pid = ws.cell(row=r, column=1).value
            read[str(pid)] = [ws.cell(row=r, column=FIRST_DATE + d).value for d in range(31)]
    assert read == roster
