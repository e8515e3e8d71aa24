"""Spreadsheet formula injection: text from input never becomes a formula in a CSV or XLSX output.

The starter scenario gets formula-like names (people, teams, the center, the scenario, a shift), so
that they reach every output: ``solve``'s CSV files, ``validate --format csv``, ``export`` to CSV
(wide and long) and XLSX, and ``score``/``eligible --format csv``. A CSV cell starting with ``=``,
``+``, ``-`` or ``@`` must be a plain number; everything else is escaped with a ``'``. In a
workbook, openpyxl must read every such text back as a string (``data_type`` ``'s'``), never as a
formula (``'f'``).
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator
from pathlib import Path

import openpyxl
import pytest
from click.testing import Result

from .harness import invoke, write_inputs

HYPERLINK = '=HYPERLINK("http://x","y")'
NAMES = {"A04": HYPERLINK, "A05": "+1", "A06": "-1", "A07": "@SUM(A1)", "A08": "=1+1",
         "A09": "-2+3"}
TEAMS = {"一组": "-team one", "二组": "=team two"}
PREFIXES = ("=", "+", "-", "@", "\t", "\r")
NUMBER = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?")


def formula_scenario(folder: Path) -> Path:
    """The starter scenario with formula-like names everywhere text from input shows."""
    staff = folder / "staff.csv"
    rows = list(csv.reader(io.StringIO(staff.read_text(encoding="utf-8-sig"), newline="")))
    for row in rows[1:]:
        row[1] = NAMES.get(row[0], row[1])
        row[4] = TEAMS.get(row[4], row[4])
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerows(rows)
    staff.write_text(buf.getvalue(), encoding="utf-8")
    toml = folder / "scenario.toml"
    text = toml.read_text(encoding="utf-8")
    text = re.sub(r'(?m)^name = "新场景[^"]*"', 'name = "=cmd|\' /C calc\'!A0"', text, count=1)
    text = text.replace('name = "回CALL中心"', 'name = "@center"')
    text = text.replace('name = "早班"', 'name = "-early"')
    toml.write_text(text, encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def solved(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The formula scenario and the folder ``roster solve`` wrote for it."""
    base = write_inputs(tmp_path_factory.mktemp("safe") / "inputs")
    scenario = formula_scenario(base / "scenario")
    out = base / "out"
    result = invoke(["solve", scenario, "--out", out, "--time-limit", "2", "--workers", "2"])
    assert result.exit_code == 0, result.output
    return scenario, out


def csv_cells(text: str) -> Iterator[str]:
    for row in csv.reader(io.StringIO(text, newline="")):
        yield from row


def assert_csv_safe(text: str, where: str) -> None:
    """Every cell starting like a formula is a plain number."""
    for cell in csv_cells(text):
        if cell.startswith(PREFIXES):
            assert NUMBER.fullmatch(cell), f"{where}: formula-like cell {cell!r}"


def assert_names_escaped(text: str, where: str) -> None:
    cells = set(csv_cells(text))
    for name in NAMES.values():
        assert "'" + name in cells, f"{where}: {name!r} not escaped"
        assert name not in cells, f"{where}: {name!r} written as is"


def test_solve_escapes_every_csv_file(solved: tuple[Path, Path]) -> None:
    """roster.csv, roster_wide.csv and the other CSV files of roster solve."""
    _, out = solved
    files = sorted(out.glob("*.csv"))
    assert [f.name for f in files] == ["acting_days.csv", "cover.csv", "penalties.csv",
                                       "roster.csv", "roster_wide.csv"]
    for path in files:
        assert_csv_safe(path.read_text(encoding="utf-8-sig"), path.name)
    for name in ("roster.csv", "roster_wide.csv"):
        text = (out / name).read_text(encoding="utf-8-sig")
        assert_names_escaped(text, name)
        assert "'-team one" in set(csv_cells(text)) and "'=team two" in set(csv_cells(text))


def test_validate_csv_report_is_escaped(solved: tuple[Path, Path]) -> None:
    """validate --format csv: the report's cells, messages naming the people included."""
    scenario, out = solved
    broken = out.parent / "broken.csv"
    rows = list(csv.reader(io.StringIO((out / "roster.csv").read_text(encoding="utf-8-sig"),
                                       newline="")))
    for row in rows[1:]:  # the people with formula names off on the first three days
        if row[2] in NAMES and row[5] <= "2026-10-03":
            row[6] = "OFF"
    buf = io.StringIO()
    csv.writer(buf).writerows(rows)
    broken.write_text(buf.getvalue(), encoding="utf-8")
    result = invoke(["validate", scenario, broken, "--format", "csv"])
    assert result.exit_code in (0, 1), result.output
    assert_csv_safe(result.stdout, "validate --format csv")


@pytest.mark.parametrize("layout", ["wide", "long"])
def test_export_csv_is_escaped(solved: tuple[Path, Path], layout: str) -> None:
    scenario, out = solved
    target = out.parent / f"export-{layout}.csv"
    result = invoke(["export", scenario, out / "roster.csv", "--format", "csv", "--layout",
                     layout, "-o", target])
    assert result.exit_code == 0, result.output
    text = target.read_text(encoding="utf-8-sig")
    assert_csv_safe(text, target.name)
    assert_names_escaped(text, target.name)


def workbook_cells(result: Result, path: Path) -> list[openpyxl.cell.cell.Cell]:
    assert result.exit_code == 0, result.output
    workbook = openpyxl.load_workbook(path)  # not data_only: a formula would read as 'f'
    return [cell for sheet in workbook.worksheets for row in sheet.iter_rows() for cell in row
            if cell.value is not None]


def test_export_xlsx_stores_formula_like_text_as_text(solved: tuple[Path, Path]) -> None:
    """Every cell whose text looks like a formula is a string cell, and no cell is a formula."""
    scenario, out = solved
    book = out.parent / "export.xlsx"
    cells = workbook_cells(invoke(["export", scenario, out / "roster.csv", "-o", book]), book)
    assert [c.coordinate for c in cells if c.data_type == "f"] == []
    texts = {c.value for c in cells if c.data_type == "s"}
    for name in (*NAMES.values(), *TEAMS.values()):
        assert name in texts, f"{name!r} is not a string cell of the workbook"
    for cell in cells:
        if isinstance(cell.value, str) and cell.value.startswith(PREFIXES):
            assert cell.data_type == "s", (cell.coordinate, cell.value, cell.data_type)


def test_exported_workbook_reads_back_with_the_names(solved: tuple[Path, Path]) -> None:
    """The escaped names are data: the workbook still validates as the same roster."""
    scenario, out = solved
    book = out.parent / "again.xlsx"
    assert invoke(["export", scenario, out / "roster.csv", "-o", book]).exit_code == 0
    assert invoke(["validate", scenario, book]).exit_code == 0


def test_score_and_eligible_csv_are_escaped(tmp_path: Path) -> None:
    """The senior leader's name and team in score --format csv and eligible --format csv."""
    base = write_inputs(tmp_path / "inputs")
    staff = base / "assess" / "staff.csv"
    quoted = '"' + HYPERLINK.replace('"', '""') + '"'
    text = staff.read_text(encoding="utf-8").replace("S,Sam,senior_leader,C,T1,",
                                                  f"S,{quoted},senior_leader,C,@T1,")
    staff.write_text(text, encoding="utf-8")
    m = base / "month"
    score = invoke(["score", base / "assess", m / "roster.csv", "--sales", m / "sales.csv",
                    "--lines", m / "lines.csv", "--ratings", m / "ratings.csv",
                    "--commissions", m / "commissions.csv", "--format", "csv"])
    eligible = invoke(["eligible", base / "assess", "--performance", m / "performance.csv",
                       "--as-of", "2026-03-01", "--format", "csv"])
    for result in (score, eligible):
        assert result.exit_code == 0, result.output
        assert_csv_safe(result.stdout, "score/eligible")
    assert "'" + HYPERLINK in set(csv_cells(score.stdout)) | set(csv_cells(eligible.stdout))


def test_validate_csv_escapes_formula_like_ids(tmp_path: Path) -> None:
    """An employee id from staff.csv is input too: validate --format csv must escape it."""
    base = write_inputs(tmp_path / "inputs")
    for path in (base / "scenario" / "staff.csv", base / "roster.csv"):
        path.write_text(path.read_text(encoding="utf-8-sig").replace("A01,", "=1+1,"),
                        encoding="utf-8")
    result = invoke(["validate", base / "scenario", base / "roster.csv", "--format", "csv"])
    assert result.exit_code == 1, result.output
    assert "=1+1" in result.stdout  # the director is named by R1 and the acting days
    assert_csv_safe(result.stdout, "validate --format csv")
