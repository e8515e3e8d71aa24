"""The CSV export: wide and long, UTF-8 with BOM, formulas escaped, read back as a roster."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from roster.export import ExportData, build_export
from roster.export.csv import to_csv
from roster.io.roster_reader import read_roster
from roster.io.scenario_reader import load_scenario

from .builders import ROSTER
from .conftest import SAMPLE, SAMPLE_ROSTER

DATES = [f"2026-10-{d:02d}" for d in range(1, 32)]


def rows(content: bytes) -> list[list[str]]:
    assert content.startswith(b"\xef\xbb\xbf")
    return list(csv.reader(io.StringIO(content.decode("utf-8-sig"), newline="")))


def test_wide_header_and_rows(data: ExportData) -> None:
    """Wide: roster_wide.csv's columns, one row per person, in staff order."""
    table = rows(to_csv(data, "en", "wide"))
    assert table[0] == ["center", "team", "employee_id", "name", "role", *DATES]
    assert [r[:5] for r in table[1:]] == [
        ["IN", "", "D1", "Dana", "director"],
        ["IN", "A", "S1", "Sam", "senior_leader"],
        ["IN", "A", "T1", "Tia", "team_leader"],
        ["IN", "A", "A1", "Ann", "agent"],
        ["IN", "B", "A2", "Bob", "agent"],
        ["IN", "B", "A3", "'=1+2", "agent"],
    ]
    assert {r[2]: r[5:] for r in table[1:]} == ROSTER


def test_long_header_and_rows(data: ExportData) -> None:
    """Long: one row per person and date, 6 × 31 rows, in Chinese headers with --lang zh."""
    table = rows(to_csv(data, "zh", "long"))
    assert table[0] == ["中心", "组", "工号", "姓名", "职位", "日期", "班次"]
    assert len(table) == 1 + 6 * 31
    assert table[1] == ["IN", "", "D1", "Dana", "中心主任", "2026-10-01", "E"]
    assert table[-1] == ["IN", "B", "A3", "'=1+2", "座席代表", "2026-10-31", "OFF"]


def test_formula_like_text_is_escaped(data: ExportData) -> None:
    """A name starting with '=' comes out as "'=1+2" in both layouts, never as a formula."""
    for layout in ("wide", "long"):
        content = to_csv(data, "en", layout).decode("utf-8-sig")
        assert ",'=1+2," in content
        assert ",=1+2," not in content


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("layout", ["wide", "long"])
def test_reads_back_as_the_roster(data: ExportData, scenario: Path, tmp_path: Path,
                                  layout: str, lang: str) -> None:
    """Each layout, in each language, reads back with read_roster as the same roster."""
    path = tmp_path / f"{layout}-{lang}.csv"
    path.write_bytes(to_csv(data, lang, layout))  # type: ignore[arg-type]
    assert read_roster(path, load_scenario(scenario)) == ROSTER


def test_sample_reads_back(tmp_path: Path) -> None:
    """The sample's 100 people, wide and long, read back equal to roster_example.csv."""
    sc = load_scenario(SAMPLE)
    roster = read_roster(SAMPLE_ROSTER, sc)
    data = build_export(sc, roster)
    for layout in ("wide", "long"):
        path = tmp_path / f"{layout}.csv"
        path.write_bytes(to_csv(data, "zh", layout))  # type: ignore[arg-type]
        assert read_roster(path, sc) == roster
