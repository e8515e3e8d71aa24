"""Golden end-to-end test: solve the shipped sample, then re-check the written files by hand.

The checks below read the output CSVs and the scenario's inputs and recount everything with plain
Python, without the solver's rules, so a bug shared by the model and its checker would show here.
"""

from __future__ import annotations

import csv
import datetime as dt
import itertools
import json
from collections import defaultdict
from pathlib import Path

import pytest
from click.testing import CliRunner

from roster.cli import cli
from roster.domain import LEAVE, OFF, RequestType, Role, Scenario
from roster.io.scenario_reader import load_scenario

SAMPLE = Path(__file__).resolve().parent.parent / "data" / "sample"


def read_csv(path: Path) -> list[dict[str, str]]:
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), f"{path.name} must start with a UTF-8 BOM"
    return list(csv.DictReader(raw.decode("utf-8-sig").splitlines()))


@pytest.fixture(scope="module")
def solved(tmp_path_factory: pytest.TempPathFactory) -> tuple[Scenario, Path]:
    out = tmp_path_factory.mktemp("golden") / "out"
    result = CliRunner().invoke(
        cli, ["solve", str(SAMPLE), "--out", str(out), "--time-limit", "30"])
    assert result.exit_code == 0, result.output
    return load_scenario(SAMPLE), out


@pytest.fixture(scope="module")
def grid(solved: tuple[Scenario, Path]) -> dict[str, dict[dt.date, str]]:
    _, out = solved
    cells: dict[str, dict[dt.date, str]] = defaultdict(dict)
    for row in read_csv(out / "roster.csv"):
        cells[row["employee_id"]][dt.date.fromisoformat(row["date"])] = row["shift"]
    return cells


@pytest.mark.slow
def test_one_cell_per_person_and_date(solved: tuple[Scenario, Path],
                                      grid: dict[str, dict[dt.date, str]]) -> None:
    """roster.csv has exactly one row per person per date, with a known shift, OFF or LEAVE."""
    sc, _ = solved
    codes = {s.code for s in sc.shifts} | {OFF, LEAVE}
    assert set(grid) == {e.employee_id for e in sc.staff}
    for cells in grid.values():
        assert sorted(cells) == sc.month.dates
        assert set(cells.values()) <= codes


@pytest.mark.slow
def test_r1_and_acting_days(solved: tuple[Scenario, Path],
                            grid: dict[str, dict[dt.date, str]]) -> None:
    """On every date a director or their senior leader works; acting days = director-off days."""
    sc, out = solved
    acting = {(r["center"], r["date"]): r for r in read_csv(out / "acting_days.csv")}
    expected = set()
    for c in sc.centers:
        director, senior = sc.director(c.id).employee_id, sc.senior_leader(c.id).employee_id
        for date in sc.month.dates:
            d_off = grid[director][date] in (OFF, LEAVE)
            s_off = grid[senior][date] in (OFF, LEAVE)
            assert not (d_off and s_off), f"R1 broken on {date} in {c.id}"
            if d_off:
                expected.add((c.id, date.isoformat()))
                row = acting[c.id, date.isoformat()]
                assert (row["director_id"], row["senior_leader_id"]) == (director, senior)
    assert set(acting) == expected
    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    assert summary["counts"]["acting_days"] == len(expected)


@pytest.mark.slow
def test_leave_kept_and_quotas(solved: tuple[Scenario, Path],
                               grid: dict[str, dict[dt.date, str]]) -> None:
    """Approved leave is LEAVE, LEAVE only where approved, and days off are within each quota."""
    sc, _ = solved
    leave = {(r.employee_id, r.date) for r in sc.requests if r.type == RequestType.LEAVE}
    for e in sc.staff:
        cells = grid[e.employee_id]
        for date, cell in cells.items():
            assert (cell == LEAVE) == ((e.employee_id, date) in leave)
        low, high = ((e.days_off.minimum, e.days_off.maximum) if e.days_off
                     else (sc.rules.days_off, sc.rules.days_off))
        num_off = sum(1 for c in cells.values() if c == OFF)
        num_leave = sum(1 for c in cells.values() if c == LEAVE)
        assert sc.rules.leave_counts_as_day_off
        assert max(0, low - num_leave) <= num_off <= max(0, high - num_leave), e.employee_id


@pytest.mark.slow
def test_runs_and_rest_across_the_boundary(solved: tuple[Scenario, Path],
                                           grid: dict[str, dict[dt.date, str]]) -> None:
    """No run of more than 6 worked days (history included) and 11 h rest between shifts."""
    sc, _ = solved
    history: dict[str, dict[dt.date, str]] = defaultdict(dict)
    for h in sc.history:
        history[h.employee_id][h.date] = h.shift
    first = sc.month.first
    times = {s.code: (s.start, s.end) for s in sc.shifts}
    for e in sc.staff:
        days = [first - dt.timedelta(days=k) for k in range(7, 0, -1)] + sc.month.dates
        cells = [history[e.employee_id].get(d, OFF) if d < first else grid[e.employee_id][d]
                 for d in days]
        run = 0
        for date, cell in zip(days, cells, strict=True):
            run = run + 1 if cell not in (OFF, LEAVE) else 0
            assert run <= sc.rules.max_consecutive_work_days or date < first, (e.employee_id, date)
        for a, b in itertools.pairwise(cells[6:]):
            if a in times and b in times:
                rest = 24 * 60 + times[b][0] - times[a][1]
                assert rest >= sc.rules.min_rest_hours * 60, (e.employee_id, a, b)


@pytest.mark.slow
def test_cover_recounted(solved: tuple[Scenario, Path],
                         grid: dict[str, dict[dt.date, str]]) -> None:
    """cover.csv's head counts match roster.csv, and no date and shift is short."""
    sc, out = solved
    role = {e.employee_id: e.role for e in sc.staff}
    center = {e.employee_id: e.center for e in sc.staff}
    rows = read_csv(out / "cover.csv")
    assert rows
    for row in rows:
        date = dt.date.fromisoformat(row["date"])
        on_shift = [pid for pid, cells in grid.items()
                    if center[pid] == row["center"] and cells[date] == row["shift"]]
        agents = sum(1 for pid in on_shift if role[pid] == Role.AGENT)
        leaders = sum(1 for pid in on_shift if role[pid].is_leader)
        if row["assigned"]:
            assert int(row["assigned"]) == agents
            assert agents >= int(row["required"])
        if row["leaders_assigned"]:
            assert int(row["leaders_assigned"]) == leaders
            assert leaders >= int(row["leaders_required"])
        assert row["short"] == "0" and row["leaders_short"] == "0"


@pytest.mark.slow
def test_objective_is_the_sum_of_penalties(solved: tuple[Scenario, Path]) -> None:
    """summary.json's objective is the sum of penalties.csv's weight x amount."""
    _, out = solved
    penalties = read_csv(out / "penalties.csv")
    for p in penalties:
        assert int(p["cost"]) == int(p["weight"]) * int(p["amount"])
    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    assert summary["objective"] == sum(int(p["cost"]) for p in penalties)
    assert summary["status"] in ("OPTIMAL", "FEASIBLE")
