"""Tests of roster.io.roster_reader: hand-made and generated rosters in, cells or exact errors out.

The scenario is the minimal one of conftest.py: October 2026 (the 1st is a Thursday), staff D1
Dana, S1 Sam, T1 Tia, A1 Ann, A2 Bob, A3 Cyd, shifts E (早, 早班) and L (晚, 晚班).
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from roster.compile import compile_scenario
from roster.domain import LEAVE, OFF, Month, Scenario
from roster.errors import InputError, InputProblem
from roster.io.roster_reader import header_date, read_roster
from roster.io.scenario_reader import load_scenario
from roster.io.writers import OutputFolder
from roster.outputs import fill_output, summary
from solver.solve import SolveResult, SolveSettings

ScenarioMaker = Callable[..., Path]

OCTOBER = Month(year=2026, month=10)
IDS = ("D1", "S1", "T1", "A1", "A2", "A3")
NAMES = ("Dana", "Sam", "Tia", "Ann", "Bob", "Cyd")
CN_WEEKDAYS = "一二三四五六日"
MISSING = "of center IN is missing: every person of the scenario needs a row"

# How a scheduler may spell each cell, and what it means.
SPELLINGS: tuple[tuple[str, str], ...] = (
    ("早", "E"),
    ("晚", "L"),
    ("休", OFF),
    ("", OFF),
    ("假", LEAVE),
    ("E", "E"),
    (" l ", "L"),
    ("Ｅ", "E"),  # full-width
    ("晚班", "L"),
    ("off", OFF),
    ("leave", LEAVE),
)


def spelling(person: int, day: int) -> tuple[str, str]:
    """The cell of a person (0..5) on a day (0..30) in the test grids: (as written, meaning)."""
    return SPELLINGS[(person * 3 + day) % len(SPELLINGS)]


def expected_roster(people: Sequence[int] = range(6)) -> dict[str, list[str]]:
    return {IDS[p]: [spelling(p, d)[1] for d in range(31)] for p in people}


def csv_bytes(rows: Sequence[Sequence[str]], encoding: str) -> bytes:
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\r\n").writerows(rows)
    return buf.getvalue().encode(encoding)


def chinese_grid() -> list[list[str]]:
    """A scheduler's grid: a title row, Chinese headers, a weekday row, aliases, a totals column."""
    rows = [
        ["2026年10月 回CALL中心排班表", *[""] * 34],
        ["工号", "姓名", "组", *[str(d) for d in range(1, 32)], "合计"],
        ["", "", "星期", *[CN_WEEKDAYS[date.weekday()] for date in OCTOBER.dates], ""],
    ]
    for p in range(6):
        rows.append([IDS[p], NAMES[p], "一组", *[spelling(p, d)[0] for d in range(31)], "23"])
    rows.append(["", "", "合计", *[""] * 31, "138"])
    return rows


def problems_of(path: Path, scenario: Scenario) -> list[tuple[int | None, str | None, str]]:
    """(row, column, message) of each problem read_roster raises, all naming ``path``."""
    with pytest.raises(InputError) as info:
        read_roster(path, scenario)
    problems: list[InputProblem] = info.value.problems
    assert {p.file for p in problems} == {path.name}
    return [(p.row, p.column, p.message) for p in problems]


@pytest.fixture
def scenario(scenario_dir: Path) -> Scenario:
    """The minimal scenario of conftest.py."""
    return load_scenario(scenario_dir)


# --- wide CSV grids ------------------------------------------------------------------------------


def test_gb18030_wide_grid_with_title_weekday_row_and_aliases(
    scenario: Scenario, tmp_path: Path
) -> None:
    """A GB18030 grid with a title row, 工号/姓名, a weekday row and 早/晚/休/假 reads exactly."""
    path = tmp_path / "排班.csv"
    path.write_bytes(csv_bytes(chinese_grid(), "gb18030"))
    assert read_roster(path, scenario) == expected_roster()


def test_utf8_bom_grid_with_dates_as_month_and_day(scenario: Scenario, tmp_path: Path) -> None:
    """Headers 10/1 … and 10月1日 … with a weekday suffix, in UTF-8 with a BOM, read the same."""
    rows = chinese_grid()
    rows[1][3:34] = [f"10/{d} (周{CN_WEEKDAYS[(d + 2) % 7]})" for d in range(1, 17)] + [
        f"10月{d}日" for d in range(17, 32)
    ]
    del rows[2]  # no weekday row
    path = tmp_path / "roster.csv"
    path.write_bytes(csv_bytes(rows, "utf-8-sig"))
    assert read_roster(path, scenario) == expected_roster()


def test_planted_problems_are_all_reported_with_row_and_column(
    scenario: Scenario, tmp_path: Path
) -> None:
    """Unknown person and shift, a person twice, a date outside the month, a date and a person
    missing: every one is reported at once, with its row and column."""
    rows = chinese_grid()
    rows[1][33] = "11/1"  # the column of the 31st is headed with a November date
    rows[4][0] = "X9"  # S1's row, with an unknown id
    rows[5][3 + 9] = "夜"  # T1 on the 10th: no such shift
    rows[7][0] = "A1"  # A2's row says A1: A1 twice, A2 missing
    path = tmp_path / "排班.csv"
    path.write_bytes(csv_bytes(rows, "gb18030"))
    assert problems_of(path, scenario) == [
        (2, "11/1", "expected a date in the scenario month 2026-10, got '11/1'"),
        (2, None, "no column for 2026-10-31: expected one column per date of 2026-10"),
        (5, "工号", "unknown employee_id 'X9': not among the scenario's staff"),
        (
            6,
            "10",
            "unknown shift '夜'; expected a shift code (E, L), OFF (休) or LEAVE (假)",
        ),
        (7, "工号", "A1 is listed more than once (rows 7, 8)"),
        (8, "工号", "A1 is listed more than once (rows 7, 8)"),
        (None, "工号", f"Sam (S1) {MISSING}"),
        (None, "工号", f"Bob (A2) {MISSING}"),
    ]


def test_weekday_row_of_another_month_is_reported(scenario: Scenario, tmp_path: Path) -> None:
    """A weekday row that starts on Monday (the template of another month) is a problem."""
    rows = chinese_grid()
    rows[2][3:34] = [CN_WEEKDAYS[d % 7] for d in range(31)]
    path = tmp_path / "roster.csv"
    path.write_bytes(csv_bytes(rows, "utf-8"))
    assert problems_of(path, scenario) == [
        (
            3,
            "1",
            "the weekday row says '一' for 2026-10-01, which is a Thursday (周四) "
            "(31 columns disagree); is this the roster of another month than 2026-10?",
        )
    ]


def name_grid(names: Sequence[str]) -> list[list[str]]:
    """A grid with a 姓名 column and no id column: everyone on 早 every day."""
    return [["姓名", *[str(d) for d in range(1, 32)]], *[[n, *["早"] * 31] for n in names]]


def test_match_by_name_without_an_id_column(scenario: Scenario, tmp_path: Path) -> None:
    """Without an id column, people are matched by name."""
    path = tmp_path / "roster.csv"
    path.write_bytes(csv_bytes(name_grid(NAMES), "utf-8"))
    assert read_roster(path, scenario) == {pid: ["E"] * 31 for pid in IDS}


def test_a_name_two_staff_share_is_an_error(
    make_scenario: ScenarioMaker, minimal: dict[str, str], tmp_path: Path
) -> None:
    """Matching by name, a name two staff share and an unknown name are reported."""
    staff = minimal["staff.csv"].replace("A3,Cyd,", "A3,Ann,")
    sc = load_scenario(make_scenario({"staff.csv": staff}))
    path = tmp_path / "roster.csv"
    path.write_bytes(csv_bytes(name_grid([*NAMES[:5], "Zoe"]), "utf-8"))
    shared = (
        "the name 'Ann' is shared by A1, A3; add an employee_id (工号) column to tell them apart"
    )
    assert problems_of(path, sc) == [
        (5, "姓名", shared),
        (7, "姓名", "unknown name 'Zoe': not among the scenario's staff"),
        (None, "姓名", f"Ann (A1) {MISSING}"),
        (None, "姓名", f"Ann (A3) {MISSING}"),
    ]


# --- Excel ---------------------------------------------------------------------------------------


def test_xlsx_with_merged_title_weekday_row_and_real_dates(
    scenario: Scenario, tmp_path: Path
) -> None:
    """An .xlsx with a merged title, day numbers and real date cells as headers and a weekday
    row reads exactly, and the workbook is left byte-identical."""
    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(["2026年10月排班表"])
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=34)
    dates: list[object] = [d for d in range(1, 16)]
    dates += [dt.datetime(2026, 10, d) for d in range(16, 32)]
    ws.append(["employee_id", "name", "team", *dates])
    ws.append(["", "", "weekday", *[date.strftime("%a") for date in OCTOBER.dates]])
    for p in range(6):
        ws.append([IDS[p], NAMES[p], "A", *[spelling(p, d)[0] or None for d in range(31)]])
    path = tmp_path / "roster.xlsx"
    wb.save(path)
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    assert read_roster(path, scenario) == expected_roster()
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before


def test_xlsx_numeric_ids_and_weekday_row_of_dates(
    make_scenario: ScenarioMaker, minimal: dict[str, str], tmp_path: Path
) -> None:
    """Ids typed as numbers and a weekday row of Excel dates (shown as 四, 五 …) read right."""
    staff = minimal["staff.csv"]
    for i, pid in enumerate(IDS):
        staff = staff.replace(f"\n{pid},", f"\n{1001 + i},")
    sc = load_scenario(make_scenario({"staff.csv": staff}))
    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(["工号", *range(1, 32)])
    ws.append([None, *[dt.datetime(2026, 10, d) for d in range(1, 32)]])
    for i in range(6):
        ws.append([1001 + i, *["晚"] * 31])
    path = tmp_path / "roster.xlsx"
    wb.save(path)
    assert read_roster(path, sc) == {str(1001 + i): ["L"] * 31 for i in range(6)}


def test_old_xls_is_refused(scenario: Scenario, tmp_path: Path) -> None:
    """An old binary .xls workbook is refused with a message saying how to convert it."""
    path = tmp_path / "roster.xls"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100)
    assert problems_of(path, scenario) == [
        (
            None,
            None,
            "an old Excel .xls workbook; save it as .xlsx (Excel Workbook) or as CSV UTF-8",
        )
    ]


# --- long rosters and the generator's files -------------------------------------------------------


def test_long_roster_problems(scenario: Scenario, tmp_path: Path) -> None:
    """A long roster reports a bad date, a date outside the month, a cell given twice and dates
    missing."""
    rows = [["employee_id", "date", "shift"]]
    for pid in IDS:
        rows += [[pid, date.isoformat(), "E"] for date in OCTOBER.dates]
    rows[1][1] = "2026-10-32"  # D1's 1st: no such day
    rows[2][1] = "2026-11-02"  # D1's 2nd: another month
    rows[40][1] = "2026-10-01"  # S1's 9th row says the 1st: the 1st twice, the 9th missing
    path = tmp_path / "roster.csv"
    path.write_bytes(csv_bytes(rows, "utf-8"))
    assert problems_of(path, scenario) == [
        (2, "date", "expected a date like 2026-10-05, got '2026-10-32' (no such day)"),
        (3, "date", "expected a date in the scenario month 2026-10, got '2026-11-02'"),
        (33, "date", "the shift of S1 on 2026-10-01 is given more than once (rows 33, 41)"),
        (41, "date", "the shift of S1 on 2026-10-01 is given more than once (rows 33, 41)"),
        (None, "date", "no row for D1 on 2026-10-01, 2026-10-02"),
        (None, "date", "no row for S1 on 2026-10-09"),
    ]


def write_generated(folder: Path, sc: Scenario, roster: dict[str, list[str]]) -> None:
    """Write the output files of ``roster solve`` for ``roster`` into ``folder``."""
    centers = compile_scenario(sc)
    results = [
        SolveResult(name=c.center, status="FEASIBLE", objective=0,
                    roster={p.id: roster[p.id] for p in c.problem.people})
        for c in centers
    ]
    settings_ = SolveSettings()
    out = OutputFolder(folder)
    fill_output(out, sc, centers, results, summary(sc, results, settings_, 0.0, "FEASIBLE"))
    out.publish()


CELLS = st.lists(st.sampled_from(["E", "L", OFF, LEAVE]), min_size=31, max_size=31)


@settings(max_examples=25, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])  # the scenario is read-only
@given(cells=st.lists(CELLS, min_size=6, max_size=6))
def test_generated_roster_csv_and_roster_wide_read_back_equal(
    scenario: Scenario, cells: list[list[str]]
) -> None:
    """What `roster solve` writes (roster.csv, long, and roster_wide.csv) reads back equal."""
    roster = dict(zip(IDS, cells, strict=True))
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "out"
        write_generated(out, scenario, roster)
        assert read_roster(out / "roster.csv", scenario) == roster
        assert read_roster(out / "roster_wide.csv", scenario) == roster


# --- date headers --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "header",
    ["5", "05", "5日", "５", 5, 5.0, "10/5", "10-5", "10月5日", "10/5 周一", "5 (一)", "5\n一",
     "5（星期一）", "5 Mon", "2026-10-05", "2026/10/5", "2026年10月5日", "2026-10-05 00:00:00",
     dt.datetime(2026, 10, 5), dt.date(2026, 10, 5)],
)
def test_header_date_accepts_the_spellings_of_a_date(header: object) -> None:
    """Every accepted spelling of 5 October 2026 as a column header gives that date."""
    assert header_date(header, OCTOBER) == dt.date(2026, 10, 5)


@pytest.mark.parametrize("header", ["", None, "姓名", "team", "合计", "工时", 12.5, True])
def test_header_date_other_columns(header: object) -> None:
    """Headers that are no date give None: the column is ignored."""
    assert header_date(header, OCTOBER) is None


@pytest.mark.parametrize(
    ("header", "message"),
    [
        ("32", "expected a day of the month from 1 to 31 (2026-10), got '32'"),
        ("0", "expected a day of the month from 1 to 31 (2026-10), got '0'"),
        ("11/1", "expected a date in the scenario month 2026-10, got '11/1'"),
        ("10/32", "expected a date in the scenario month 2026-10, got '10/32'"),
        ("2026-11-01", "expected a date in the scenario month 2026-10, got '2026-11-01'"),
        (
            dt.datetime(2025, 10, 5),
            "expected a date in the scenario month 2026-10, got '2025-10-05'",
        ),
    ],
)
def test_header_date_outside_the_month(header: object, message: str) -> None:
    """A header naming a date outside the month, or no real date, is a ValueError saying so."""
    with pytest.raises(ValueError) as info:
        header_date(header, OCTOBER)
    assert str(info.value) == message
