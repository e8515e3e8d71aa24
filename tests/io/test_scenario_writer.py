"""Tests of roster.io.scenario_writer (and of roster.synthetic, whose scenarios it writes)."""

from __future__ import annotations

import datetime as dt
import tomllib
from collections import Counter
from pathlib import Path

import pytest

from roster.domain import (
    CalendarOverride,
    CalendarSettings,
    Center,
    DaysOffQuota,
    Employee,
    Month,
    Request,
    RequestType,
    Role,
    Scenario,
    ShiftType,
)
from roster.io.scenario_writer import format_clock, scenario_toml, toml_string, write_scenario
from roster.synthetic import STANDARD_SHIFTS, split_total, synthetic_scenario

BOM = b"\xef\xbb\xbf"


def _tiny(**changes: object) -> Scenario:
    """A hand-made scenario with one center, one night shift and a few requests."""
    base = Scenario(
        name='Dept "East" \\ 华东\n2',
        month=Month(year=2026, month=10),
        centers=(Center(id="IN", name="回CALL中心"),),
        shifts=(
            ShiftType(code="E", name="早班", aliases=("早", 'q"t'), start=480, end=990),
            ShiftType(code="N", name="夜班", start=22 * 60, end=30 * 60, late=True),
        ),
        staff=(
            Employee(employee_id="D1", name="王伟", role=Role.DIRECTOR, center="IN"),
            Employee(
                employee_id="S1",
                name="李娜",
                role=Role.SENIOR_LEADER,
                center="IN",
                team="一组",
                leader_since=dt.date(2024, 3, 1),
            ),
            Employee(
                employee_id="A1",
                name="张敏",
                role=Role.AGENT,
                center="IN",
                team="一组",
                days_off=DaysOffQuota(minimum=8, maximum=10),
                shifts=("E",),
            ),
        ),
        requests=(
            Request(employee_id="A1", date=dt.date(2026, 10, 5), type=RequestType.LEAVE),
            Request(employee_id="A1", date=dt.date(2026, 10, 6), type=RequestType.LEAVE),
            Request(employee_id="A1", date=dt.date(2026, 10, 7), type=RequestType.LEAVE),
            Request(employee_id="A1", date=dt.date(2026, 10, 9), type=RequestType.LEAVE),
            Request(employee_id="S1", date=dt.date(2026, 10, 9), type=RequestType.OFF, weight=40),
            Request(
                employee_id="S1", date=dt.date(2026, 10, 10), type=RequestType.PIN, shift="OFF"
            ),
        ),
        calendar_overrides=(
            CalendarOverride(date=dt.date(2026, 10, 10), kind="workday", name="国庆节调休"),
        ),
    )
    return base.model_copy(update=changes)


def test_toml_string_escapes() -> None:
    """Quotes, backslashes and control characters are escaped; CJK text is kept as is."""
    assert toml_string('a"b\\c') == '"a\\"b\\\\c"'
    assert toml_string("x\ny\tz\x01") == '"x\\ny\\tz\\u0001"'
    assert toml_string("回CALL中心") == '"回CALL中心"'


def test_toml_string_round_trips_through_tomllib() -> None:
    """Every escaped string parses back to itself."""
    text = 'odd "name" \\ with\ttab\nnewline \x7f and 中文'
    assert tomllib.loads(f"v = {toml_string(text)}")["v"] == text


def test_format_clock() -> None:
    """Minutes become HH:MM, wrapping after midnight."""
    assert [format_clock(m) for m in (0, 480, 1350, 1440, 1800)] == [
        "00:00",
        "08:00",
        "22:30",
        "00:00",
        "06:00",
    ]


def test_scenario_toml_parses_to_the_settings() -> None:
    """scenario.toml is valid TOML holding every setting of the scenario."""
    data = tomllib.loads(scenario_toml(_tiny(calendar=CalendarSettings(overrides_complete=True))))
    assert data["scenario"] == {
        "name": 'Dept "East" \\ 华东\n2',
        "month": "2026-10",
        "language": "zh",
    }
    assert data["centers"] == [{"id": "IN", "name": "回CALL中心", "kind": "inbound"}]
    assert data["shifts"][1] == {
        "code": "N",
        "name": "夜班",
        "aliases": [],
        "start": "22:00",
        "end": "06:00",
        "late": True,
    }
    assert data["shifts"][0]["aliases"] == ["早", 'q"t']
    assert data["rules"]["min_rest_hours"] == 11
    assert data["rules"]["cover_shortfall"] == "forbid"
    assert data["weights"]["day_off_request"] == 20
    assert data["calendar"] == {"overrides": "calendar.csv", "overrides_complete": True}


def test_csv_files_have_bom_and_english_headers(tmp_path: Path) -> None:
    """Every table is UTF-8 with a BOM; English headers by default; requests become ranges."""
    write_scenario(_tiny(), tmp_path)
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names == [
        "ads.csv",
        "calendar.csv",
        "demand.csv",
        "history.csv",
        "requests.csv",
        "scenario.toml",
        "staff.csv",
    ]
    for name in names:
        raw = (tmp_path / name).read_bytes()
        assert raw.startswith(BOM) == name.endswith(".csv")
    staff = (tmp_path / "staff.csv").read_text(encoding="utf-8-sig").splitlines()
    assert staff == [
        "employee_id,name,role,center,team,days_off,shifts,leader_since",
        "D1,王伟,director,IN,,,,",
        "S1,李娜,senior_leader,IN,一组,,,2024-03-01",
        "A1,张敏,agent,IN,一组,8-10,E,",
    ]
    requests = (tmp_path / "requests.csv").read_text(encoding="utf-8-sig").splitlines()
    assert requests == [
        "employee_id,date,end_date,type,shift,weight",
        "A1,2026-10-05,2026-10-07,leave,,",
        "A1,2026-10-09,,leave,,",
        "S1,2026-10-09,,off,,40",
        "S1,2026-10-10,,pin,OFF,",
    ]
    assert (tmp_path / "ads.csv").read_text(encoding="utf-8-sig") == "center,date,start,end\n"
    calendar = (tmp_path / "calendar.csv").read_text(encoding="utf-8-sig").splitlines()
    assert calendar == ["date,kind,name", "2026-10-10,workday,国庆节调休"]


def test_chinese_headers(tmp_path: Path) -> None:
    """headers='zh' writes Chinese headers, roles and request types."""
    write_scenario(_tiny(), tmp_path, headers="zh")
    staff = (tmp_path / "staff.csv").read_text(encoding="utf-8-sig").splitlines()
    assert staff[0] == "工号,姓名,职位,中心,组,休息天数,可上班次,任组长日期"
    assert [line.split(",")[2] for line in staff[1:]] == ["中心主任", "资深组长", "座席代表"]
    requests = (tmp_path / "requests.csv").read_text(encoding="utf-8-sig").splitlines()
    assert requests[0] == "工号,日期,结束日期,类型,班次,权重"
    assert requests[1] == "A1,2026-10-05,2026-10-07,请假,,"
    demand = (tmp_path / "demand.csv").read_text(encoding="utf-8-sig").splitlines()
    assert demand == ["中心,日期类型,班次,最少座席,目标座席,最少组长"]


def test_split_total() -> None:
    """split_total keeps the total and follows the fractions."""
    assert split_total(30, [0.4, 0.33, 0.27]) == [12, 10, 8]
    assert split_total(1, [0.4, 0.33, 0.27]) == [1, 0, 0]
    assert split_total(7, [0.55, 0.45]) == [4, 3]


def test_synthetic_scenario_shape() -> None:
    """synthetic_scenario(30): one center, 1 director, 1 senior, 2 team leaders, 26 agents."""
    s = synthetic_scenario(30)
    roles = Counter(e.role for e in s.staff)
    assert roles == {Role.DIRECTOR: 1, Role.SENIOR_LEADER: 1, Role.TEAM_LEADER: 2, Role.AGENT: 26}
    assert [c.id for c in s.centers] == ["C1"]
    assert s.shifts == STANDARD_SHIFTS
    assert len(s.history) == 30 * 7
    assert {h.date for h in s.history} == {dt.date(2026, 9, d) for d in range(24, 31)}
    assert len(s.demand) == 12
    assert s.calendar.overrides_complete is False
    assert synthetic_scenario(30) == s


def test_synthetic_scenario_centers() -> None:
    """Centers alternate inbound/outbound; outbound staff work E and M only."""
    s = synthetic_scenario(101, num_centers=3, seed=5)
    assert [(c.id, c.kind.value) for c in s.centers] == [
        ("C1", "inbound"),
        ("C2", "outbound"),
        ("C3", "inbound"),
    ]
    assert Counter(e.center for e in s.staff) == {"C1": 34, "C2": 34, "C3": 33}
    assert all(e.shifts == ("E", "M") for e in s.staff if e.center == "C2")
    assert {a.center for a in s.ads} == {"C1", "C3"}
    assert {d.shift for d in s.demand if d.center == "C2"} == {"E", "M"}


def test_synthetic_uncovered_month_uses_complete_overrides() -> None:
    """A month chinesecalendar does not cover is marked overrides_complete."""
    assert synthetic_scenario(10, month="2027-03").calendar.overrides_complete is True


def test_synthetic_too_small() -> None:
    """Each center needs at least 4 people."""
    with pytest.raises(ValueError, match="need at least 8 people"):
        synthetic_scenario(7, num_centers=2)


@pytest.mark.parametrize("headers", ["en", "zh"])
def test_round_trip_synthetic(tmp_path: Path, headers: str) -> None:
    """synthetic_scenario(30) written and read back by load_scenario is equal."""
    reader = pytest.importorskip("roster.io.scenario_reader")
    scenario = synthetic_scenario(30)
    write_scenario(scenario, tmp_path, headers="zh" if headers == "zh" else "en")
    assert reader.load_scenario(tmp_path) == scenario


def test_round_trip_hand_made(tmp_path: Path) -> None:
    """A scenario with escapes, a night shift, ranges and overrides reads back equal."""
    reader = pytest.importorskip("roster.io.scenario_reader")
    scenario = _tiny()
    write_scenario(scenario, tmp_path)
    assert reader.load_scenario(tmp_path) == scenario


def test_round_trip_multi_center(tmp_path: Path) -> None:
    """A two-center synthetic department reads back equal."""
    reader = pytest.importorskip("roster.io.scenario_reader")
    scenario = synthetic_scenario(80, num_centers=2, seed=3)
    write_scenario(scenario, tmp_path, headers="zh")
    assert reader.load_scenario(tmp_path) == scenario
