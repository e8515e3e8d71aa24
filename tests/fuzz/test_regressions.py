"""The crashes, hangs and unreadable messages the fuzzing found, each as its shrunk example."""

from __future__ import annotations

import csv
import dataclasses
import io
import struct
import warnings
from pathlib import Path

import pytest
from click.testing import Result
from curtois.tiny import TINY, VALID, solution_text, write_tiny

from roster.errors import InputProblem

from .harness import (
    CURTOIS_TARGETS,
    EXIT_INPUT,
    LEDGER_TARGETS,
    ROSTER_TARGETS,
    SCENARIO_TARGETS,
    Target,
    invoke,
    run_changed,
)
from .mutations import Mutated, _rezip


def english(target: Target) -> Target:
    """``target`` with ``--lang en``: the starter scenario is in Chinese, and so, without it,
    are the messages (the words checked here are the English ones)."""
    command = target.command
    return dataclasses.replace(target, command=lambda root: [*command(root), "--lang", "en"])


def assert_refused(result: Result, name: str, *words: str) -> None:
    """Exit 2, no traceback, and a message naming the file and saying what was wrong."""
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exc_info
    assert result.exit_code == EXIT_INPUT, result.output
    assert result.stderr.startswith(name), result.stderr
    for word in words:
        assert word in result.stderr, result.stderr


# --- roster.xlsx: openpyxl's XML errors were tracebacks ------------------------------------------

XLSX = english(next(t for t in ROSTER_TARGETS if t.kind == "xlsx"))


@pytest.mark.parametrize(("part", "cut"), [
    ("[Content_Types].xml", 0),  # raised xml.etree.ElementTree.ParseError when opened
    ("xl/workbook.xml", 100),
    ("xl/worksheets/sheet1.xml", 500),  # read-only: raised only when the rows were read
])
def test_a_workbook_with_a_broken_part(inputs: Path, part: str, cut: int) -> None:
    data = (inputs / "roster.xlsx").read_bytes()
    broken = _rezip(data, lambda name, content: content[:cut] if name == part else content)
    result = run_changed(inputs, XLSX, lambda p: p.write_bytes(broken), Mutated(part, broken))
    assert_refused(result, "roster.xlsx", "not a readable Excel workbook (.xlsx)")


def test_a_workbook_that_unzips_to_more_than_the_limit(inputs: Path) -> None:
    """A zip bomb is refused from the sizes its directory declares, before anything unzips."""

    def bomb(path: Path) -> None:
        data = bytearray(path.read_bytes())
        at = data.index(b"PK\x01\x02")  # the first entry of the central directory
        data[at + 24:at + 28] = struct.pack("<I", 600 * 1024 * 1024)  # its unzipped size
        path.write_bytes(bytes(data))

    result = run_changed(inputs, XLSX, bomb)
    assert_refused(result, "roster.xlsx", "unzips to 600 MB", "at most 500 MB")


# --- Curtois solution files: csv.Error was a traceback -------------------------------------------

SOLUTION = CURTOIS_TARGETS[1]


@pytest.mark.parametrize("text", [
    solution_text(VALID) + "A," + "x" * 200_000 + "\n",  # field larger than field limit
    'e"\rmployee_id,day_index,shift_id\nA,0,\n',  # new-line character seen in unquoted field
])
def test_a_solution_that_is_not_csv(inputs: Path, text: str) -> None:
    result = run_changed(inputs, SOLUTION, lambda p: p.write_text(text, encoding="utf-8"))
    assert_refused(result, "solution.csv", "not a valid CSV file")


# --- Curtois instances: numbers too large for CP-SAT crashed or hung it --------------------------

HUGE = 10**30


@pytest.mark.parametrize(("old", "new", "words"), [
    # TypeError from CP-SAT's constructor of a linear constraint
    ("A,D=7|N=2,3360,1200", f"A,D=7|N=2,{HUGE},1200", ["MaxTotalMinutes of A", "0 and 10080"]),
    # RuntimeError: unable to cast Python int to C++ type
    ("D,480,", f"D,{HUGE},", ["the length of shift 'D'", "between 1 and 1440"]),
    # TypeError again, through the cover requirement
    ("0,D,1,100,1", f"0,D,{HUGE},100,1", ["the requirement of a cover row"]),
    # solve never returned: the min-run encoding looped up to the minimum
    ("A,D=7|N=2,3360,1200,4,2,2,1", "A,D=7|N=2,3360,1200,4,1000000000,2,1",
     ["MinConsecutiveShifts of A", "between 0 and 7"]),
    # check never returned: one list per day of the horizon
    ("SECTION_HORIZON\n7", "SECTION_HORIZON\n100000000", ["the horizon", "between 1 and 3660"]),
])
def test_an_instance_with_huge_numbers(tmp_path: Path, old: str, new: str,
                                       words: list[str]) -> None:
    assert old in TINY
    instance = write_tiny(tmp_path, TINY.replace(old, new))
    solution = tmp_path / "solution.csv"
    solution.write_text(solution_text(VALID), encoding="utf-8")
    for args in (["curtois", "check", instance, solution],
                 ["curtois", "solve", instance, "--time-limit", "1"]):
        assert_refused(invoke(args), "Tiny.txt", *words)


# --- formula-like ids: roster solve's own roster.csv did not read back ---------------------------

def test_an_escaped_formula_like_id_reads_back(inputs: Path) -> None:
    """solve and export write the id ``=12`` as ``'=12`` (so that a spreadsheet never runs it);
    the roster reader takes the ``'`` off again (it reported "unknown employee_id "'=12"")."""
    target = ROSTER_TARGETS[0]

    def rename(path: Path) -> None:
        staff = path.parent / "scenario" / "staff.csv"
        staff.write_text(staff.read_text(encoding="utf-8-sig").replace("A12,", "=12,"),
                         encoding="utf-8")
        rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"))))
        buf = io.StringIO()
        csv.writer(buf).writerows([["'=12", *r[1:]] if r[0] == "A12" else r for r in rows])
        path.write_text(buf.getvalue(), encoding="utf-8")

    result = run_changed(inputs, target, rename)
    assert result.exit_code == 1, result.output  # read back: only rules are broken


# --- messages: a 10 MB cell was quoted whole ----------------------------------------------------

def test_a_long_message_keeps_its_beginning_and_end() -> None:
    problem = InputProblem("roster.csv", "unknown shift '" + "x" * 10_000_000 + "'; expected E",
                           2, "y" * 1_000)
    text = str(problem)
    assert len(text) < 1_300
    assert text.startswith("roster.csv, row 2, column 'yyy")
    assert "unknown shift 'xxx" in text and text.endswith("xxx'; expected E")
    assert "characters cut" in text


# --- a row of millions of cells took seconds per reader (every cell normalised) ----------------

@pytest.mark.parametrize("target", [english(SCENARIO_TARGETS[1]), english(ROSTER_TARGETS[1])],
                         ids=lambda t: t.file)
def test_a_row_wider_than_a_spreadsheet_is_refused(inputs: Path, target: Target) -> None:
    row = ",".join(["x"] * 20_000).encode()
    result = run_changed(inputs, target, lambda p: p.write_bytes(row + b"\n" + p.read_bytes()))
    assert_refused(result, target.name, "row 1", "the row has 20,000 cells",
                   "at most 16,384 columns")


# --- roster.xlsx: openpyxl's warnings reached stderr with their source lines ---------------------

def test_a_workbook_that_makes_openpyxl_warn(inputs: Path) -> None:
    """A date cell whose serial number no date has: openpyxl warns (on stderr, with its source
    line, outside the tests); the reader keeps quiet and reports the cell."""
    import openpyxl

    def date_out_of_range(path: Path) -> None:
        workbook = openpyxl.load_workbook(path)
        cell = workbook.worksheets[0].cell(row=4, column=3)
        cell.value, cell.number_format = 1e300, "yyyy-mm-dd"
        workbook.save(path)

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        result = run_changed(inputs, XLSX, date_out_of_range)
    assert [str(w.message) for w in caught] == []
    assert_refused(result, "roster.xlsx", "row 4", "unknown shift '#VALUE!'")


# --- the assessment's tables: an amount too large for Decimal's 28 digits ------------------------

@pytest.mark.parametrize(("file", "old", "new"), [
    # decimal.InvalidOperation when the commission was rounded to the fen
    ("commissions.csv", "C,3456.78", "C,999999999999999999999999999999"),
    ("sales.csv", ",5230,", ",1000000000000,"),
])
def test_an_amount_of_a_trillion_or_more(inputs: Path, file: str, old: str, new: str) -> None:
    target = next(t for t in LEDGER_TARGETS if t.name == file)

    def change(path: Path) -> None:
        text = path.read_text(encoding="utf-8")
        assert old in text
        path.write_text(text.replace(old, new), encoding="utf-8")

    result = run_changed(inputs, target, change)
    # `roster score` speaks the scenario's language: the starter scenario's is Chinese
    assert_refused(result, file, "第 2 行" if file == "commissions.csv" else "第 5 行",
                   "应为小于 1,000,000,000,000 的数字")


# --- a cell with a line break split its message over two lines -----------------------------------

def test_a_line_break_in_a_cell_stays_on_the_problem_s_line(inputs: Path) -> None:
    """ratings.csv: a senior leader id "a⏎b" was printed raw by a check of the ratings, so the
    message's second line named no file."""
    target = next(t for t in LEDGER_TARGETS if t.name == "ratings.csv")

    def change(path: Path) -> None:
        text = path.read_text(encoding="utf-8")
        path.write_text(text.replace("\nS,manager,M,B1,", '\n"a\nb",manager,M,B1,', 1),
                        encoding="utf-8")

    result = run_changed(inputs, target, change)
    assert_refused(result, "ratings.csv", "a\\nb")
