"""Tests of roster.io.tables: header matching, row numbers, cell parsers and collected problems."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from roster.errors import InputError, InputProblem
from roster.io.tables import (
    Column,
    Problems,
    Row,
    column_letter,
    date_text,
    int_text,
    parse_choice,
    parse_date,
    parse_int,
    parse_table,
    parse_text,
    read_table,
)

COLUMNS = [
    Column("employee_id", ("工號", "工号")),
    Column("name", ("姓名",)),
    Column("days_off", ("休息天數", "休息天数"), required=False),
]


def write(tmp_path: Path, text: str, encoding: str = "utf-8", name: str = "staff.csv") -> Path:
    """Write ``text`` to a file in tmp_path and return its path."""
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def problems_of(tmp_path: Path, text: str) -> list[InputProblem]:
    """The problems read_table raises for ``text``."""
    with pytest.raises(InputError) as info:
        read_table(write(tmp_path, text), COLUMNS)
    return info.value.problems


def one_row(text: str, columns: list[Column] = COLUMNS) -> Row:
    """The single row of the CSV ``text``."""
    [row] = parse_table(text, columns, name="t.csv")
    return row


# --- headers -------------------------------------------------------------------------------------


def test_reads_rows_with_english_headers(tmp_path: Path) -> None:
    """Rows give stripped cells by column name, with the file and the spreadsheet row number."""
    rows = read_table(write(tmp_path, "employee_id,name\n A1 , Ann \nA2,Bob\n"), COLUMNS)
    assert [(r.file, r.number, r.get("employee_id"), r.get("name")) for r in rows] == [
        ("staff.csv", 2, "A1", "Ann"),
        ("staff.csv", 3, "A2", "Bob"),
    ]


def test_headers_match_case_spaces_and_full_width() -> None:
    """Headers match case-insensitively, ignoring surrounding spaces and full-width forms."""
    row = one_row("  EMPLOYEE_ID ,Ｎａｍｅ, Days Off\nA1,Ann,8\n")
    assert (row.get("employee_id"), row.get("name"), row.get("days_off")) == ("A1", "Ann", "8")


@pytest.mark.parametrize("header", ["工號,姓名,休息天數", "工号,姓名,休息天数"])
def test_headers_match_traditional_and_simplified_aliases(header: str) -> None:
    """Traditional and Simplified Chinese aliases name the same columns."""
    row = one_row(f"{header}\nA1,安,8\n")
    assert (row.get("employee_id"), row.get("name"), row.get("days_off")) == ("A1", "安", "8")
    assert row.header("employee_id") == header.split(",")[0]


def test_gb18030_file_with_chinese_headers(tmp_path: Path) -> None:
    """A GB18030 file with Chinese headers is read like a UTF-8 one."""
    rows = read_table(write(tmp_path, "工号,姓名\nA1,张三\n", "gb18030"), COLUMNS)
    assert rows[0].get("name") == "张三"


def test_utf8_bom_does_not_spoil_the_first_header(tmp_path: Path) -> None:
    """The first header of a UTF-8 file with BOM still matches."""
    rows = read_table(write(tmp_path, "employee_id,name\nA1,Ann\n", "utf-8-sig"), COLUMNS)
    assert rows[0].get("employee_id") == "A1"


def test_unknown_columns_are_ignored() -> None:
    """Extra columns are ignored."""
    row = one_row("note,employee_id,name,other\nx,A1,Ann,y\n")
    assert row.values == {"employee_id": "A1", "name": "Ann", "days_off": None}


def test_absent_optional_column_is_none() -> None:
    """An optional column missing from the header reads as None, and has() says so."""
    row = one_row("employee_id,name\nA1,Ann\n")
    assert row.get("days_off") is None
    assert not row.has("days_off") and row.has("name")


def test_undeclared_column_is_a_key_error() -> None:
    """Asking for a column that was not declared is a programming error."""
    with pytest.raises(KeyError):
        one_row("employee_id,name\nA1,Ann\n").get("team")


def test_missing_required_column(tmp_path: Path) -> None:
    """A missing required column names the file, the column and the headers found."""
    [problem] = problems_of(tmp_path, "employee_id,full name\nA1,Ann\n")
    assert (problem.file, problem.row, problem.column) == ("staff.csv", 1, "name")
    assert "missing column 'name' (or 姓名)" in problem.message
    assert "'employee_id', 'full name'" in problem.message


def test_missing_columns_all_reported(tmp_path: Path) -> None:
    """Every missing required column is reported at once."""
    problems = problems_of(tmp_path, "foo,bar\n1,2\n")
    assert [p.column for p in problems] == ["employee_id", "name"]


def test_semicolon_separated_file_gets_a_hint(tmp_path: Path) -> None:
    """A file separated by semicolons is told to be saved as CSV."""
    problems = problems_of(tmp_path, "employee_id;name\nA1;Ann\n")
    assert "not commas" in problems[0].message


def test_duplicate_header_mapping(tmp_path: Path) -> None:
    """Two headers meaning the same column are an error naming both."""
    [problem] = problems_of(tmp_path, "employee_id,name,工号\nA1,Ann,A1\n")
    assert (problem.file, problem.row, problem.column) == ("staff.csv", 1, "工号")
    assert "columns A ('employee_id') and C ('工号') both give employee_id" in problem.message


def test_declaring_one_header_for_two_columns_is_refused() -> None:
    """A declaration where one spelling names two columns is a programming error."""
    with pytest.raises(ValueError, match="declared for two columns"):
        parse_table("a\n", [Column("a"), Column("b", ("A",))], name="t.csv")


# --- rows ----------------------------------------------------------------------------------------


def test_empty_rows_are_skipped_but_counted() -> None:
    """Fully empty rows are skipped; row numbers still match the spreadsheet."""
    rows = parse_table("employee_id,name\n\nA1,Ann\n , \n,,,\nA2,Bob\n", COLUMNS, name="t.csv")
    assert [(r.number, r.get("employee_id")) for r in rows] == [(3, "A1"), (6, "A2")]


def test_leading_empty_rows_before_the_header() -> None:
    """Empty rows before the header are skipped and counted."""
    rows = parse_table("\n\nemployee_id,name\nA1,Ann\n", COLUMNS, name="t.csv")
    assert rows[0].number == 4


def test_quoted_newline_is_one_spreadsheet_row() -> None:
    """A quoted cell spanning lines is one row, as in a spreadsheet."""
    rows = parse_table('employee_id,name\nA1,"Ann\nSmith"\nA2,Bob\n', COLUMNS, name="t.csv")
    assert [(r.number, r.get("name")) for r in rows] == [(2, "Ann\nSmith"), (3, "Bob")]


def test_short_and_long_rows() -> None:
    """Missing trailing cells read as None; extra cells are ignored."""
    rows = parse_table("employee_id,name,days_off\nA1\nA2,Bob,8,extra\n", COLUMNS, name="t.csv")
    assert [r.values for r in rows] == [
        {"employee_id": "A1", "name": None, "days_off": None},
        {"employee_id": "A2", "name": "Bob", "days_off": "8"},
    ]


def test_crlf_line_endings() -> None:
    """Windows line endings are handled."""
    rows = parse_table("employee_id,name\r\nA1,Ann\r\nA2,Bob\r\n", COLUMNS, name="t.csv")
    assert [r.get("name") for r in rows] == ["Ann", "Bob"]


def test_header_only_gives_no_rows() -> None:
    """A file with only a header has no rows."""
    assert parse_table("employee_id,name\n", COLUMNS, name="t.csv") == []


def test_empty_required_file(tmp_path: Path) -> None:
    """An empty required file is an error naming it and the expected header."""
    [problem] = problems_of(tmp_path, "\n\n")
    assert problem.file == "staff.csv"
    assert "empty" in problem.message and "employee_id, name" in problem.message


def test_empty_optional_file(tmp_path: Path) -> None:
    """An empty optional file has no rows."""
    assert read_table(write(tmp_path, ""), COLUMNS, required_file=False) == []


def test_missing_optional_file(tmp_path: Path) -> None:
    """A missing optional file has no rows."""
    assert read_table(tmp_path / "requests.csv", COLUMNS, required_file=False) == []


def test_missing_required_file(tmp_path: Path) -> None:
    """A missing required file is an error naming it."""
    with pytest.raises(InputError) as info:
        read_table(tmp_path / "staff.csv", COLUMNS)
    assert info.value.problems[0].file == "staff.csv"
    assert "not found" in info.value.problems[0].message


def test_refused_encoding_names_the_file(tmp_path: Path) -> None:
    """A UTF-16 table is refused naming the file."""
    with pytest.raises(InputError) as info:
        read_table(write(tmp_path, "employee_id,name\n", "utf-16"), COLUMNS)
    assert info.value.problems[0].file == "staff.csv"
    assert "UTF-16" in info.value.problems[0].message


def test_name_argument_names_the_file(tmp_path: Path) -> None:
    """Rows and errors use the name= given."""
    rows = read_table(write(tmp_path, "employee_id,name\nA1,Ann\n"), COLUMNS, name="in/staff.csv")
    assert rows[0].file == "in/staff.csv"


def test_column_letters() -> None:
    """Column letters follow the spreadsheet: A..Z, AA, AB..."""
    assert [column_letter(i) for i in (0, 25, 26, 27, 701, 702)] == [
        "A",
        "Z",
        "AA",
        "AB",
        "ZZ",
        "AAA",
    ]


# --- cell parsers --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "2026-10-05",
        "2026/10/5",
        "2026年10月5日",
        "2026年10月5号",
        "2026.10.05",
        "２０２６-１０-０５",
        "2026/10/5 0:00",
        " 2026-10-05 ",
    ],
)
def test_date_formats(text: str) -> None:
    """Dates are accepted as ISO, with slashes or dots, in Chinese, full-width, or at midnight."""
    assert date_text(text) == dt.date(2026, 10, 5)


@pytest.mark.parametrize("text", ["2026-13-01", "2026-02-30", "5/10/2026", "tomorrow", "2026-10"])
def test_bad_dates(text: str) -> None:
    """Invalid dates raise ValueError quoting the text."""
    with pytest.raises(ValueError, match="expected a date"):
        date_text(text)


@pytest.mark.parametrize(("text", "value"), [("8", 8), ("０", 0), ("12.0", 12), (" +3 ", 3)])
def test_int_text(text: str, value: int) -> None:
    """Whole numbers may be full-width or written by Excel as 12.0."""
    assert int_text(text, 0, 31) == value


@pytest.mark.parametrize("text", ["x", "1.5", "32", "-1", ""])
def test_int_text_errors(text: str) -> None:
    """Non-numbers and numbers out of range raise ValueError with the range."""
    with pytest.raises(ValueError, match="expected a whole number from 0 to 31"):
        int_text(text, 0, 31)


def test_parse_int_records_file_row_and_column() -> None:
    """A bad number is recorded with the file, the row and the header as written."""
    row = one_row("工号,姓名,休息天数\nA1,安,many\n")
    problems = Problems()
    assert parse_int(row, "days_off", 0, 31, problems) is None
    assert problems.items == [
        InputProblem("t.csv", "expected a whole number from 0 to 31, got 'many'", 2, "休息天数")
    ]


def test_parse_int_default_and_required() -> None:
    """An empty cell gives the default, or a problem when required."""
    row = one_row("employee_id,name,days_off\nA1,Ann,\n")
    problems = Problems()
    assert parse_int(row, "days_off", 0, 31, problems, default=8) == 8
    assert not problems
    assert parse_int(row, "days_off", 0, 31, problems, required=True) is None
    assert [p.message for p in problems] == [
        "expected a whole number from 0 to 31, got an empty cell"
    ]


def test_parse_date_records_problem() -> None:
    """A bad date is recorded as 'expected ... got ...' at its cell."""
    columns = [Column("date", ("日期",))]
    row = one_row("日期\n2026-02-30\n", columns)
    problems = Problems()
    assert parse_date(row, "date", problems) is None
    [problem] = problems
    assert (problem.file, problem.row, problem.column) == ("t.csv", 2, "日期")
    assert problem.message == "expected a date like 2026-10-05, got '2026-02-30' (no such day)"


def test_parse_text_required() -> None:
    """An empty required text cell is a problem."""
    row = one_row("employee_id,name\nA1,\n")
    problems = Problems()
    assert parse_text(row, "name", problems, required=True) is None
    assert [(p.row, p.column) for p in problems] == [(2, "name")]


def test_parse_choice() -> None:
    """Choices match case-insensitively and ignoring full-width forms."""
    row = one_row("employee_id,name\nA1,ＡＮＮ\n")
    problems = Problems()
    assert parse_choice(row, "name", {"ann": 1, "bob": 2}, problems) == 1
    row = one_row("employee_id,name\nA1,Cyd\n")
    assert parse_choice(row, "name", {"ann": 1}, problems, expected="ann") is None
    assert [p.message for p in problems] == ["expected ann, got 'Cyd'"]


def test_all_problems_of_a_file_are_raised_together(tmp_path: Path) -> None:
    """Problems in several rows and cells are collected and raised as one InputError."""
    rows = read_table(
        write(tmp_path, "工號,姓名,休息天數\nA1,,x\nA2,安,99\nA3,乙,8\n,,\nA4,丙,-\n"), COLUMNS
    )
    problems = Problems()
    for row in rows:
        parse_text(row, "name", problems, required=True)
        parse_int(row, "days_off", 0, 31, problems)
    with pytest.raises(InputError) as info:
        problems.raise_if_any()
    assert [(p.file, p.row, p.column) for p in info.value.problems] == [
        ("staff.csv", 2, "姓名"),
        ("staff.csv", 2, "休息天數"),
        ("staff.csv", 3, "休息天數"),
        ("staff.csv", 6, "休息天數"),
    ]


def test_no_problems_raises_nothing() -> None:
    """raise_if_any is silent without problems."""
    Problems().raise_if_any()
