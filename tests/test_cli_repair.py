"""Tests of `roster repair` and `roster explain` on the scenario of tests/test_validate.py.

That scenario: one center IN in October 2026, director D1, senior leader S1, team leader T1,
agents A1-A3; every day needs 2 agents and 1 leader on E; exactly 8 days off each. Its planted
roster breaks R1 (D1 and S1 off on the 5th), R4 (A2 has 7 days off), R5 (A3 works the 4th to the
10th) and R7 (A1 and A2 off on the 6th).

The fewest changes that repair it are 7. With exactly 8 days off each, a person's changes turn as
many OFF cells into shifts as shifts into OFF, so D1, S1, A1 and A3 change an even number of
cells and A2 (one day off short) an odd number. R1 needs D1 or S1 to work the 5th: 2 changes.
R5 needs A3 off within the 4th-10th: 2 changes. R7 needs A1 or A2 to work the 6th (A3 does
already): A1 then changes 2 cells and A2 still 1 (R4), or A2 changes 3 (the 6th worked and two
more days off): 3 changes. 2 + 2 + 3 = 7, and 7 suffice.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from test_validate import clean_roster, planted_roster, write_roster, write_scenario

from roster.cli import EXIT_INFEASIBLE, EXIT_INPUT, EXIT_OK, cli
from roster.io.roster_reader import read_roster
from roster.io.scenario_reader import load_scenario
from roster.validate import validate_roster

OUTPUT_FILES = sorted(["roster.csv", "roster_wide.csv", "acting_days.csv", "cover.csv",
                       "penalties.csv", "summary.json", "changes.csv"])
CHANGE_COLUMNS = ["employee_id", "date", "before", "after", "reason"]


def run(*args: object) -> Result:
    return CliRunner().invoke(cli, [str(a) for a in args])


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as fh:
        return list(csv.DictReader(fh))


def leave_clash(scenario: Path) -> Path:
    """D1 and S1 both on approved leave on the 20th: no roster keeps R1."""
    (scenario / "requests.csv").write_text(
        "employee_id,date,end_date,type,shift,weight\n"
        "D1,2026-10-20,,leave,,\nS1,2026-10-20,,leave,,\n", encoding="utf-8")
    return scenario


@pytest.fixture
def scenario(tmp_path: Path) -> Path:
    return write_scenario(tmp_path / "scenario")


@pytest.fixture
def planted(tmp_path: Path) -> Path:
    return write_roster(tmp_path / "planted.csv", planted_roster())


def test_repair_changes_the_fewest_cells_and_validates_clean(
        scenario: Path, planted: Path, tmp_path: Path) -> None:
    """The planted roster: exit 0, the seven files, 7 changes (the minimum, see the module's
    doc) whose before and after are the given and the repaired cells, and a repaired roster
    that `roster validate` passes."""
    out = tmp_path / "out"
    result = run("repair", scenario, planted, "--out", out, "--time-limit", 20)
    assert result.exit_code == EXIT_OK, result.output
    assert sorted(p.name for p in out.iterdir()) == OUTPUT_FILES
    assert (out / "changes.csv").read_text(encoding="utf-8-sig").splitlines()[0] == (
        ",".join(CHANGE_COLUMNS))
    changes = read_csv(out / "changes.csv")
    assert len(changes) == 7

    sc = load_scenario(scenario)
    given = planted_roster()
    repaired = read_roster(out / "roster.csv", sc)
    day = {d.isoformat(): i for i, d in enumerate(sc.month.dates)}
    diff = {(pid, sc.month.dates[d].isoformat()) for pid, cells in given.items()
            for d in range(31) if cells[d] != repaired[pid][d]}
    assert {(c["employee_id"], c["date"]) for c in changes} == diff
    for c in changes:
        assert c["before"] == given[c["employee_id"]][day[c["date"]]]
        assert c["after"] == repaired[c["employee_id"]][day[c["date"]]]
    per_person = {pid: sum(1 for c in changes if c["employee_id"] == pid) for pid in given}
    assert per_person["D1"] + per_person["S1"] == 2
    assert per_person["A3"] == 2
    assert per_person["A1"] + per_person["A2"] == 3
    assert per_person["T1"] == 0
    assert validate_roster(sc, repaired).ok
    assert run("validate", scenario, out / "roster.csv").exit_code == EXIT_OK

    # the reasons: the violated rule of the cell, or for a make-up change the rule it keeps
    a3_run = {f"2026-10-{d:02d}" for d in range(4, 11)}
    for c in changes:
        if c["employee_id"] == "A3" and c["date"] in a3_run:
            assert c["reason"] == "R5"
        if c["employee_id"] in ("D1", "S1") and c["date"] == "2026-10-05":
            assert c["reason"] == "R1"
        if c["employee_id"] == "A2":
            assert c["reason"].startswith("R4")
        assert c["reason"] != "objective"

    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    assert summary["repair"]["violations_before"] == 4
    assert summary["repair"]["changes"] == 7
    assert summary["repair"]["fewest_changes_proven"] is True
    lines = result.stdout.splitlines()
    assert lines[0] == "Changes: 7"
    assert lines[1].split() == CHANGE_COLUMNS
    assert len(lines) == 9
    assert "7 cell(s) changed (the fewest possible)" in result.stderr


def test_repair_of_a_valid_roster_changes_nothing(scenario: Path, tmp_path: Path) -> None:
    """A roster that breaks no hard rule: exit 0, no change, the roster written as given."""
    given = write_roster(tmp_path / "clean.csv", clean_roster())
    out = tmp_path / "out"
    result = run("repair", scenario, given, "--out", out, "--time-limit", 10)
    assert result.exit_code == EXIT_OK, result.output
    assert read_csv(out / "changes.csv") == []
    assert result.stdout == "Changes: none\n"
    assert read_roster(out / "roster.csv", load_scenario(scenario)) == clean_roster()


def test_repair_unreadable_roster_exits_2(scenario: Path, tmp_path: Path) -> None:
    """An unknown shift in the roster: exit 2 naming the cell, nothing written or printed."""
    roster = planted_roster()
    roster["S1"][4] = "夜"
    path = write_roster(tmp_path / "bad.csv", roster)
    out = tmp_path / "out"
    result = run("repair", scenario, path, "--out", out)
    assert result.exit_code == EXIT_INPUT, result.output
    assert result.stdout == ""
    assert result.stderr.startswith("bad.csv, row 3, column '5': unknown shift '夜'")
    assert not out.exists()


def test_repair_existing_out_without_force_exits_2(
        scenario: Path, planted: Path, tmp_path: Path) -> None:
    """A non-empty --out without --force: exit 2 and the folder left as it was."""
    out = tmp_path / "out"
    out.mkdir()
    (out / "mine.txt").write_text("keep me", encoding="utf-8")
    result = run("repair", scenario, planted, "--out", out)
    assert result.exit_code == EXIT_INPUT, result.output
    assert "--force" in result.stderr
    assert [p.name for p in out.iterdir()] == ["mine.txt"]


def test_repair_without_any_valid_roster_exits_3(
        scenario: Path, planted: Path, tmp_path: Path) -> None:
    """D1 and S1 both on leave on the 20th: exit 3 with the R1 reason, nothing written."""
    out = tmp_path / "out"
    result = run("repair", leave_clash(scenario), planted, "--out", out)
    assert result.exit_code == EXIT_INFEASIBLE, result.output
    assert result.stderr.splitlines() == [
        "No roster exists:",
        "  R1: director Dana (D1) and senior leader Sam (S1) both have approved leave on "
        "2026-10-20",
    ]
    assert not out.exists()


def test_explain_feasible_scenario_exits_0(scenario: Path) -> None:
    """A scenario with a roster: exit 0, saying so."""
    result = run("explain", scenario, "--time-limit", 10)
    assert result.exit_code == EXIT_OK, result.output
    assert result.stdout == (
        "center IN: a roster exists that keeps every hard rule\n")


def test_explain_lists_independent_conflicts(scenario: Path) -> None:
    """All 3 agents needed every day: each agent's R5 clashes with 7 consecutive days of cover.
    After one such clash is switched off the others remain, so 3 independent conflicts are
    found (then the rest holds: 10 days of cover are left and no R5 group), each one agent's R5
    and 7 consecutive dates of R7."""
    demand = scenario / "demand.csv"
    demand.write_text(demand.read_text("utf-8").replace("IN,all,E,2,2,1", "IN,all,E,3,3,1"),
                      "utf-8")
    result = run("explain", scenario, "--time-limit", 30)
    assert result.exit_code == EXIT_INFEASIBLE, result.output
    lines = result.stdout.splitlines()
    assert lines[:3] == [
        "center IN: no roster keeps every hard rule",
        "  3 independent conflicts; each one alone leaves no roster:",
        "  1. These rules cannot all hold together:",
    ]
    assert len(lines) == 2 + 3 * 9
    r5 = sorted(line.strip() for line in lines if "R5" in line)
    assert r5 == [f"- R5 {who} works at most 6 days in a row"
                  for who in ("Ann (A1)", "Bob (A2)", "Cyd (A3)")]
    dates = [line.split(" on ")[1] for line in lines if "- R7" in line]
    assert len(dates) == len(set(dates)) == 21


def test_explain_precheck_conflict_exits_3(scenario: Path) -> None:
    """Both of the pair on leave the same day: found before solving, exit 3."""
    result = run("explain", leave_clash(scenario))
    assert result.exit_code == EXIT_INFEASIBLE, result.output
    assert result.stdout.splitlines() == [
        "center IN: no roster keeps every hard rule",
        "  R1: director Dana (D1) and senior leader Sam (S1) both have approved leave on "
        "2026-10-20",
    ]


def test_explain_missing_scenario_exits_2(tmp_path: Path) -> None:
    """A scenario folder that does not exist: exit 2, no traceback."""
    result = run("explain", tmp_path / "nope")
    assert result.exit_code == EXIT_INPUT, result.output
    assert "Traceback" not in result.output
