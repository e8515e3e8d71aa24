"""Tests of roster.init: the starter scenario written by ``roster init``."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from pathlib import Path

import pytest

from roster.domain import Month, RequestType, Role
from roster.errors import InputError
from roster.init import starter_scenario, write_starter_scenario

FILES = [
    "ads.csv",
    "calendar.csv",
    "demand.csv",
    "history.csv",
    "requests.csv",
    "scenario.toml",
    "staff.csv",
]


def test_starter_scenario_contents() -> None:
    """12 people (1 director, 1 senior leader, 1 team leader, 9 agents), 2 shifts, 4 requests."""
    s = starter_scenario(Month(year=2026, month=12))
    assert Counter(e.role for e in s.staff) == {
        Role.DIRECTOR: 1,
        Role.SENIOR_LEADER: 1,
        Role.TEAM_LEADER: 1,
        Role.AGENT: 9,
    }
    assert [sh.code for sh in s.shifts] == ["E", "M"]
    assert len(s.demand) == 6
    assert [(r.employee_id, r.date, r.type) for r in s.requests] == [
        ("A05", dt.date(2026, 12, 10), RequestType.LEAVE),
        ("A05", dt.date(2026, 12, 11), RequestType.LEAVE),
        ("A08", dt.date(2026, 12, 15), RequestType.OFF),
        ("A10", dt.date(2026, 12, 20), RequestType.SHIFT),
    ]


def test_writes_new_folder(tmp_path: Path) -> None:
    """A missing folder is created with every file of the format."""
    folder = tmp_path / "new" / "scenario"
    write_starter_scenario(folder, Month(year=2026, month=10))
    assert sorted(p.name for p in folder.iterdir()) == FILES
    toml = (folder / "scenario.toml").read_text(encoding="utf-8")
    assert 'month = "2026-10"' in toml
    staff = (folder / "staff.csv").read_text(encoding="utf-8-sig").splitlines()
    assert staff[0] == "工号,姓名,职位,中心,组,休息天数,可上班次,任组长日期"
    assert staff[1] == "A01,王建国,中心主任,C1,,,E|M,"
    assert len(staff) == 13


def test_writes_into_empty_folder(tmp_path: Path) -> None:
    """An existing empty folder is accepted."""
    write_starter_scenario(tmp_path, Month(year=2026, month=2))
    assert sorted(p.name for p in tmp_path.iterdir()) == FILES


def test_refuses_non_empty_folder(tmp_path: Path) -> None:
    """A folder with anything in it is refused and left untouched."""
    (tmp_path / "notes.txt").write_text("mine", encoding="utf-8")
    with pytest.raises(InputError) as info:
        write_starter_scenario(tmp_path, Month(year=2026, month=10))
    (problem,) = info.value.problems
    assert problem.file == str(tmp_path)
    assert problem.message.startswith("folder is not empty")
    assert [p.name for p in tmp_path.iterdir()] == ["notes.txt"]


def test_refuses_a_file(tmp_path: Path) -> None:
    """A path that is a file is refused."""
    path = tmp_path / "scenario"
    path.write_text("", encoding="utf-8")
    with pytest.raises(InputError) as info:
        write_starter_scenario(path, Month(year=2026, month=10))
    assert info.value.problems[0].message.startswith("exists and is not a folder")


def test_starter_reads_back(tmp_path: Path) -> None:
    """The written starter loads back equal to the object."""
    reader = pytest.importorskip("roster.io.scenario_reader")
    month = Month(year=2026, month=10)
    write_starter_scenario(tmp_path / "s", month)
    assert reader.load_scenario(tmp_path / "s") == starter_scenario(month)
