"""Huge inputs: a 10 MB row in every file, and files over the documented size limit.

A 10 MB row (one field, or five million short ones) ends like any broken file: exit 0-3 in
reasonable time, never a traceback, and a message of reasonable length. A file larger than
``MAX_INPUT_BYTES`` (50 MB; made sparse, so nothing is written to disk) is refused, exit 2,
before it is read, with a message naming it and the limit.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path

import openpyxl
import pytest

from roster.io.encoding import MAX_INPUT_BYTES

from .harness import ALL_TARGETS, EXIT_INPUT, MAX_LINE, Target, run_changed

TEN_MB = 10 * 1024 * 1024
TEXT_TARGETS = [t for t in ALL_TARGETS if t.kind != "xlsx"]
WIDE_ROW_TARGETS = [t for t in TEXT_TARGETS
                    if t.name in ("staff.csv", "roster.csv", "roster_wide.csv", "sales.csv",
                                  "solution.csv", "Tiny.txt", "scenario.toml")]


@pytest.fixture(scope="module")
def long_field() -> bytes:
    """One 10 MB field: a row of a single cell."""
    return b"x" * TEN_MB


@pytest.fixture(scope="module")
def many_fields() -> bytes:
    """A 10 MB row of five million one-character fields."""
    return b"x," * (TEN_MB // 2)


def append_row(row: bytes) -> Callable[[Path], object]:
    def change(path: Path) -> None:
        with path.open("ab") as fh:
            fh.write(b"\n" + row + b"\n")

    return change


def assert_short_lines(message: str) -> None:
    for line in message.splitlines():
        assert len(line) <= MAX_LINE, f"a {len(line):,}-character line: {line[:200]!r}…"


@pytest.mark.parametrize("target", TEXT_TARGETS, ids=lambda t: t.file)
def test_a_10_mb_field(inputs: Path, target: Target, long_field: bytes) -> None:
    result = run_changed(inputs, target, append_row(long_field))
    assert_short_lines(result.output)


def prepend_row(row: bytes) -> Callable[[Path], object]:
    def change(path: Path) -> None:
        path.write_bytes(row + b"\n" + path.read_bytes())

    return change


@pytest.mark.parametrize("where", [append_row, prepend_row], ids=["last", "first"])
@pytest.mark.parametrize("target", WIDE_ROW_TARGETS, ids=lambda t: t.file)
def test_a_10_mb_row_of_many_fields(inputs: Path, target: Target, many_fields: bytes,
                                    where: Callable[[bytes], Callable[[Path], object]]) -> None:
    """Five million cells, as the last row or as the first (where a header is looked for)."""
    result = run_changed(inputs, target, where(many_fields))
    assert_short_lines(result.output)


@pytest.fixture(scope="module")
def workbook_with_a_10_mb_cell(inputs: Path, long_field: bytes) -> bytes:
    workbook = openpyxl.load_workbook(inputs / "roster.xlsx")
    sheet = workbook.worksheets[0]
    sheet.cell(row=4, column=3).value = long_field.decode()
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def test_a_10_mb_cell_in_a_workbook(inputs: Path, workbook_with_a_10_mb_cell: bytes) -> None:
    [target] = [t for t in ALL_TARGETS if t.kind == "xlsx"]
    result = run_changed(inputs, target, lambda p: p.write_bytes(workbook_with_a_10_mb_cell))
    assert_short_lines(result.output)


def grow_past_the_limit(path: Path) -> None:
    with path.open("r+b") as fh:
        fh.truncate(MAX_INPUT_BYTES + 1)  # sparse: no disk written


@pytest.mark.parametrize("target", ALL_TARGETS, ids=lambda t: t.file)
def test_a_file_over_the_size_limit_is_refused(inputs: Path, target: Target) -> None:
    result = run_changed(inputs, target, grow_past_the_limit)
    assert result.exit_code == EXIT_INPUT, result.output
    assert result.stderr.startswith(target.name), result.stderr
    assert "50 MB" in result.stderr, result.stderr
