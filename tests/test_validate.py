"""Tests of `roster validate` (roster.validate and the CLI command) on hand-made rosters.

The scenario: one center IN in October 2026, director D1 Dana, senior leader S1 Sam, team leader
T1 Tia, agents A1 Ann, A2 Bob, A3 Cyd; shifts E and L; every day needs 2 agents and 1 leader on E;
8 days off each; W3 switched off so that the objective is W4 alone.

The clean roster: everyone works E, except that person k is off on the days d with
d % 4 == r_k (D1, A1: r = 1; S1, A2: r = 2; T1, A3: r = 3). So everyone has 8 days off, runs of
at most 3 worked days, at most one agent off a day, the director and the senior leader (and the
two leaders) never off together. Every day off is a single one (W4, 3 each), except the 1st (the
day before is unknown: no history) and the 31st (never isolated): 7 + 8 + 7 + 7 + 8 + 7 = 44 days,
objective 132.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Mapping
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from roster.cli import EXIT_INPUT, EXIT_OK, EXIT_VIOLATIONS, cli
from roster.io.scenario_reader import load_scenario
from roster.validate import PenaltyTotal, validate_roster

SCENARIO_TOML = """\
[scenario]
name = "Validate test"
month = "2026-10"
language = "{language}"

[[centers]]
id = "IN"
name = "Inbound"

[[shifts]]
code = "E"
name = "早班"
aliases = ["早"]
start = "08:00"
end = "16:30"

[[shifts]]
code = "L"
name = "晚班"
aliases = ["晚"]
start = "14:00"
end = "22:00"

[weights]
weekend_fairness = 0
"""

STAFF = """\
employee_id,name,role,center,team
D1,Dana,director,IN,
S1,Sam,senior_leader,IN,A
T1,Tia,team_leader,IN,A
A1,Ann,agent,IN,A
A2,Bob,agent,IN,A
A3,Cyd,agent,IN,A
"""

DEMAND = """\
center,day,shift,min_agents,target_agents,min_leaders
IN,all,E,2,2,1
"""

RESIDUE = {"D1": 1, "S1": 2, "T1": 3, "A1": 1, "A2": 2, "A3": 3}
ACTING_DATES = [f"2026-10-{d:02d}" for d in (1, 5, 9, 13, 17, 21, 25, 29)]


def run(*args: object) -> Result:
    return CliRunner().invoke(cli, [str(a) for a in args])


def write_scenario(folder: Path, language: str = "en") -> Path:
    folder.mkdir(parents=True)
    (folder / "scenario.toml").write_text(SCENARIO_TOML.format(language=language), "utf-8")
    (folder / "staff.csv").write_text(STAFF, "utf-8")
    (folder / "demand.csv").write_text(DEMAND, "utf-8")
    return folder


def clean_roster() -> dict[str, list[str]]:
    return {pid: ["OFF" if day % 4 == r else "E" for day in range(1, 32)]
            for pid, r in RESIDUE.items()}


def planted_roster() -> dict[str, list[str]]:
    """The clean roster with four hard rules broken, each by swapping cells of one person."""
    roster = clean_roster()

    def put(pid: str, day: int, cell: str) -> None:
        roster[pid][day - 1] = cell

    put("S1", 5, "OFF")  # R1: D1 and S1 both off on the 5th ...
    put("S1", 6, "E")  # ... S1 keeps 8 days off
    put("A3", 7, "E")  # R5: A3 works the 4th to the 10th, 7 days ...
    put("A3", 28, "OFF")  # ... and keeps 8 days off
    put("A1", 6, "OFF")  # R7: A1 and A2 off on the 6th, one agent left ...
    put("A1", 5, "E")  # ... A1 keeps 8 days off
    put("A2", 30, "E")  # R4: A2 has 7 days off
    return roster


def write_roster(path: Path, roster: Mapping[str, list[str]]) -> Path:
    """A wide CSV: employee_id, then columns 1 … 31."""
    lines = ["employee_id," + ",".join(str(d) for d in range(1, 32))]
    lines += [f"{pid}," + ",".join(cells) for pid, cells in roster.items()]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.fixture
def scenario(tmp_path: Path) -> Path:
    return write_scenario(tmp_path / "scenario")


@pytest.fixture
def planted(tmp_path: Path) -> Path:
    return write_roster(tmp_path / "planted.csv", planted_roster())


PLANTED_VIOLATIONS = [
    {
        "rule": "R1",
        "center": "IN",
        "employee_ids": ["D1", "S1"],
        "dates": ["2026-10-05"],
        "message": "R1: director Dana (D1) and senior leader Sam (S1) are both off on 2026-10-05",
    },
    {
        "rule": "R4",
        "center": "IN",
        "employee_ids": ["A2"],
        "dates": [],
        "message": "R4: Bob (A2) has 7 days off; the quota is 8",
    },
    {
        "rule": "R5",
        "center": "IN",
        "employee_ids": ["A3"],
        "dates": [f"2026-10-{d:02d}" for d in range(4, 11)],
        "message": "R5: Cyd (A3) works 7 days in a row from 2026-10-04 to 2026-10-10; at most 6",
    },
    {
        "rule": "R7",
        "center": "IN",
        "employee_ids": [],
        "dates": ["2026-10-06"],
        "message": "R7: 2026-10-06 on shift E needs at least 2 agents, 1 assigned (1 short)",
    },
]
# W4 after the swaps: D1 7, S1 8, T1 7, A1 7, A2 7 (the 30th is worked), A3 5 (the 7th is
# worked; the 27th and 28th are a block of two) = 41 single days off, 3 each.
PLANTED_PENALTIES = [{"rule": "W4", "count": 41, "cost": 123}]


def test_clean_roster_exits_0_with_the_objective(scenario: Path, tmp_path: Path) -> None:
    """The clean roster breaks no hard rule: exit 0, W4 = 44 × 3, the director's 8 days off."""
    roster = write_roster(tmp_path / "clean.csv", clean_roster())
    result = run("validate", scenario, roster, "--format", "json")
    assert result.exit_code == EXIT_OK, result.output
    assert json.loads(result.stdout) == {
        "violations": [],
        "penalties": [{"rule": "W4", "count": 44, "cost": 132}],
        "acting_days": [
            {"date": d, "center": "IN", "director_id": "D1", "senior_leader_id": "S1"}
            for d in ACTING_DATES
        ],
        "objective": 132,
    }
    assert result.stderr == "No hard rule broken.\n"


def test_planted_violations_in_json(scenario: Path, planted: Path) -> None:
    """R1, R4, R5 and R7 planted: exit 1 and each reported with its people, dates and message."""
    result = run("validate", scenario, planted, "--format", "json")
    assert result.exit_code == EXIT_VIOLATIONS, result.output
    report = json.loads(result.stdout)
    assert report["violations"] == PLANTED_VIOLATIONS
    assert report["penalties"] == PLANTED_PENALTIES
    assert report["objective"] == 123
    assert [a["date"] for a in report["acting_days"]] == ACTING_DATES
    assert result.stderr == "4 hard-rule violation(s).\n"


def test_validate_roster_returns_the_report(scenario: Path) -> None:
    """validate_roster on the planted roster: the same report, as dataclasses."""
    report = validate_roster(load_scenario(scenario), planted_roster())
    assert not report.ok
    assert [(v.rule, v.employee_ids) for v in report.violations] == [
        ("R1", ("D1", "S1")), ("R4", ("A2",)), ("R5", ("A3",)), ("R7", ()),
    ]
    assert report.penalties == (PenaltyTotal("W4", 41, 123),)
    assert report.objective == 123


TABLE_EN = """\
Hard-rule violations: 4
rule  center  employees  dates                  message
R1    IN      D1, S1     2026-10-05             R1: director Dana (D1) and senior leader Sam (S1) are both off on 2026-10-05
R4    IN      A2                                R4: Bob (A2) has 7 days off; the quota is 8
R5    IN      A3         2026-10-04…2026-10-10  R5: Cyd (A3) works 7 days in a row from 2026-10-04 to 2026-10-10; at most 6
R7    IN                 2026-10-06             R7: 2026-10-06 on shift E needs at least 2 agents, 1 assigned (1 short)

Soft penalties by rule: 1
rule  count  cost
W4    41     123

Acting days (the director is off, the senior leader acts): 8
date        center  director  senior leader
2026-10-01  IN      D1        S1
2026-10-05  IN      D1        S1
2026-10-09  IN      D1        S1
2026-10-13  IN      D1        S1
2026-10-17  IN      D1        S1
2026-10-21  IN      D1        S1
2026-10-25  IN      D1        S1
2026-10-29  IN      D1        S1

Objective: 123
"""  # noqa: E501


def test_table_format(scenario: Path, planted: Path) -> None:
    """The default table format: violations, penalties by rule, acting days, objective."""
    result = run("validate", scenario, planted)
    assert result.exit_code == EXIT_VIOLATIONS, result.output
    assert result.stdout == TABLE_EN


def test_csv_format(scenario: Path, planted: Path) -> None:
    """--format csv: one table, a `section` column telling violations, penalties, acting days
    and the objective apart."""
    result = run("validate", scenario, planted, "--format", "csv")
    assert result.exit_code == EXIT_VIOLATIONS, result.output
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [r for r in rows if r["section"] == "violation"] == [
        {"section": "violation", "rule": v["rule"], "center": "IN",
         "employee_ids": ";".join(v["employee_ids"]), "dates": ";".join(v["dates"]),
         "count": "", "cost": "", "message": v["message"]}
        for v in PLANTED_VIOLATIONS
    ]
    assert [(r["section"], r["rule"], r["count"], r["cost"]) for r in rows[4:5]] == [
        ("penalty", "W4", "41", "123")
    ]
    assert [(r["dates"], r["employee_ids"]) for r in rows[5:13]] == [
        (d, "D1;S1") for d in ACTING_DATES
    ]
    assert [(r["section"], r["cost"]) for r in rows[13:]] == [("objective", "123")]


def test_zh_labels(scenario: Path, planted: Path) -> None:
    """--lang zh gives Chinese headings and the rules' messages in Chinese."""
    result = run("validate", scenario, planted, "--lang", "zh")
    assert result.exit_code == EXIT_VIOLATIONS, result.output
    lines = result.stdout.splitlines()
    assert lines[0] == "硬性规则违规: 4"
    assert lines[1] == "规则  中心  员工    日期                   说明"
    assert lines[2:6] == [
        "R1    IN    D1, S1  2026-10-05             "
        "R1：中心主任 Dana (D1) 与资深组长 Sam (S1) 在 2026-10-05 同时休息",
        "R4    IN    A2                             R4：Bob (A2) 休息 7 天，月休应为 8 天",
        "R5    IN    A3      2026-10-04…2026-10-10  "
        "R5：Cyd (A3) 从 2026-10-04 到 2026-10-10 连续上班 7 天，最多 6 天",
        "R7    IN            2026-10-06             "
        "R7：2026-10-06 E 班至少需要 2 名座席，实际安排 1 名（缺 1 名）",
    ]
    assert lines[7:10] == ["软性扣分（按规则）: 1", "规则  次数  扣分", "W4    41    123"]
    assert lines[11:13] == ["代任日（中心主任休息，资深组长代任）: 8",
                            "日期        中心  中心主任  资深组长"]
    assert lines[-1] == "目标值: 123"
    assert result.stderr == "违反硬性规则 4 处。\n"


def test_default_lang_is_the_scenarios(tmp_path: Path, planted: Path) -> None:
    """Without --lang, a scenario with language = "zh" gets Chinese headings; --lang en wins."""
    scenario = write_scenario(tmp_path / "zh", language="zh")
    zh = run("validate", scenario, planted)
    assert zh.stdout.splitlines()[0] == "硬性规则违规: 4"
    en = run("validate", scenario, planted, "--lang", "en")
    assert en.stdout == TABLE_EN


def test_invalid_roster_exits_2_listing_every_problem(scenario: Path, tmp_path: Path) -> None:
    """An unknown shift and a missing person: exit 2, both on stderr with row and column,
    nothing on stdout."""
    roster = clean_roster()
    roster["S1"][4] = "夜"
    del roster["A3"]
    path = write_roster(tmp_path / "bad.csv", roster)
    result = run("validate", scenario, path, "--format", "json")
    assert result.exit_code == EXIT_INPUT, result.output
    assert result.stdout == ""
    assert result.stderr.splitlines() == [
        "bad.csv, row 3, column '5': unknown shift '夜'; expected a shift code (E, L), "
        "OFF (休) or LEAVE (假)",
        "bad.csv, column 'employee_id': Cyd (A3) of center IN is missing: every person of the "
        "scenario needs a row",
    ]


def test_missing_roster_file_exits_2(scenario: Path, tmp_path: Path) -> None:
    """A roster file that does not exist: exit 2 naming it."""
    result = run("validate", scenario, tmp_path / "nope.csv")
    assert result.exit_code == EXIT_INPUT, result.output
    assert result.stderr.startswith("nope.csv: file not found")
    assert "Traceback" not in result.output


def test_solved_roster_validates_with_the_solvers_objective(tmp_path: Path) -> None:
    """`roster solve`'s roster.csv and roster_wide.csv validate with exit 0, the objective of
    summary.json and the dates of acting_days.csv."""
    scenario = tmp_path / "scenario"
    assert run("init", scenario, "--month", "2026-10").exit_code == EXIT_OK
    out = tmp_path / "out"
    solved = run("solve", scenario, "--out", out, "--time-limit", 5)
    assert solved.exit_code == EXIT_OK, solved.output
    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    with (out / "acting_days.csv").open(encoding="utf-8-sig", newline="") as fh:
        acting = [r["date"] for r in csv.DictReader(fh)]
    for name in ("roster.csv", "roster_wide.csv"):
        result = run("validate", scenario, out / name, "--format", "json")
        assert result.exit_code == EXIT_OK, result.output
        report = json.loads(result.stdout)
        assert report["violations"] == []
        assert report["objective"] == summary["objective"]
        assert [a["date"] for a in report["acting_days"]] == acting


CHINESE_CELLS = {"E": "早", "L": "晚", "OFF": "休", "LEAVE": "假"}
WEEKDAYS = "一二三四五六日"


def hand_made_rows(roster: Mapping[str, list[str]]) -> list[list[str]]:
    """How a scheduler types it: a title row, Chinese headers, a weekday row, Chinese cells."""
    names = {"D1": "Dana", "S1": "Sam", "T1": "Tia", "A1": "Ann", "A2": "Bob", "A3": "Cyd"}
    first_weekday = 3  # 2026-10-01 is a Thursday
    rows = [["2026年10月 排班表"]]
    rows.append(["工号", "姓名", *(f"{d}" for d in range(1, 32))])
    rows.append(["", "", *(WEEKDAYS[(first_weekday + d) % 7] for d in range(31))])
    rows += [[pid, names[pid], *(CHINESE_CELLS[c] for c in cells)]
             for pid, cells in roster.items()]
    return rows


def test_planted_violations_in_a_hand_made_gb18030_csv(scenario: Path, tmp_path: Path) -> None:
    """The planted roster typed by hand (GB18030, title and weekday rows, 早/休): same report."""
    path = tmp_path / "排班.csv"
    buf = io.StringIO()
    csv.writer(buf).writerows(hand_made_rows(planted_roster()))
    path.write_bytes(buf.getvalue().encode("gb18030"))
    result = run("validate", scenario, path, "--format", "json")
    assert result.exit_code == EXIT_VIOLATIONS, result.output
    report = json.loads(result.stdout)
    assert report["violations"] == PLANTED_VIOLATIONS
    assert report["penalties"] == PLANTED_PENALTIES
    assert report["objective"] == 123


def test_planted_violations_in_an_xlsx_with_a_merged_title(scenario: Path,
                                                          tmp_path: Path) -> None:
    """The planted roster as an Excel sheet with a merged title row: same report."""
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    assert ws is not None
    for row in hand_made_rows(planted_roster()):
        ws.append(row)
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=33)
    path = tmp_path / "排班.xlsx"
    wb.save(path)
    result = run("validate", scenario, path, "--format", "json")
    assert result.exit_code == EXIT_VIOLATIONS, result.output
    report = json.loads(result.stdout)
    assert report["violations"] == PLANTED_VIOLATIONS
    assert report["penalties"] == PLANTED_PENALTIES
    assert report["objective"] == 123
