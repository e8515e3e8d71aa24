"""Tests of the ``roster`` command line, through click's CliRunner, on the ``roster init`` scenario.

The solved output is made once per module (a 12-person center, a 5 s limit) and shared by the
tests that only read it; the tests that need their own solve use a shorter limit.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

import click
import pytest
from click.testing import CliRunner, Result

from roster.cli import EXIT_INFEASIBLE, EXIT_INPUT, EXIT_OK, cli
from roster.io.scenario_reader import load_scenario

MONTH = "2026-10"
OUTPUT_FILES = sorted(
    [
        "roster.csv",
        "roster_wide.csv",
        "acting_days.csv",
        "cover.csv",
        "penalties.csv",
        "summary.json",
    ]
)
BOM = b"\xef\xbb\xbf"


def run(*args: object) -> Result:
    return CliRunner().invoke(cli, [str(a) for a in args])


def init_scenario(folder: Path) -> Path:
    result = run("init", folder, "--month", MONTH)
    assert result.exit_code == EXIT_OK, result.output
    return folder


def hashes(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as fh:
        return list(csv.DictReader(fh))


def october() -> list[str]:
    first = dt.date(2026, 10, 1)
    return [(first + dt.timedelta(days=i)).isoformat() for i in range(31)]


@dataclass(frozen=True)
class Solved:
    scenario: Path
    out: Path
    result: Result
    inputs_before: dict[str, str]
    inputs_after: dict[str, str]


@pytest.fixture(scope="module")
def solved(tmp_path_factory: pytest.TempPathFactory) -> Solved:
    base = tmp_path_factory.mktemp("cli")
    scenario = init_scenario(base / "scenario")
    before = hashes(scenario)
    out = base / "out"
    result = run("solve", scenario, "--out", out, "--time-limit", 5)
    return Solved(scenario, out, result, before, hashes(scenario))


def test_every_command_help_has_an_example() -> None:
    """`roster --help` and every `roster COMMAND --help` exit 0 and show an "Example:"."""
    assert isinstance(cli, click.Group)
    commands: list[Sequence[str]] = [[]] + [[name] for name in sorted(cli.commands)]
    assert len(commands) >= 3  # the group, init, solve
    for command in commands:
        result = run(*command, "--help")
        assert result.exit_code == EXIT_OK, (command, result.output)
        assert "Usage:" in result.output, command
        assert "Example:" in result.output, command


def test_solve_writes_exactly_the_six_files(solved: Solved) -> None:
    """`roster solve` on the init scenario exits 0 and writes exactly the six output files."""
    assert solved.result.exit_code == EXIT_OK, solved.result.output
    assert sorted(p.name for p in solved.out.iterdir()) == OUTPUT_FILES


def test_roster_csv_one_row_per_person_per_date_with_bom(solved: Solved) -> None:
    """roster.csv starts with a UTF-8 BOM and has one row per person per date of the month."""
    assert (solved.out / "roster.csv").read_bytes().startswith(BOM)
    rows = read_csv(solved.out / "roster.csv")
    staff = {r["工号"] for r in read_csv(solved.scenario / "staff.csv")}
    assert len(staff) == 12
    keys = [(r["employee_id"], r["date"]) for r in rows]
    assert len(keys) == len(set(keys))
    assert set(keys) == {(e, d) for e in staff for d in october()}


def test_acting_days_are_the_directors_days_off(solved: Solved) -> None:
    """acting_days.csv lists exactly the dates the director's cell is OFF or LEAVE."""
    rows = read_csv(solved.out / "roster.csv")
    directors = {r["employee_id"] for r in rows if r["role"] == "director"}
    assert directors == {"A01"}
    off = sorted(
        r["date"] for r in rows if r["employee_id"] == "A01" and r["shift"] in ("OFF", "LEAVE")
    )
    acting = read_csv(solved.out / "acting_days.csv")
    assert sorted(r["date"] for r in acting) == off
    assert {(r["director_id"], r["senior_leader_id"]) for r in acting} <= {("A01", "A02")}
    summary = json.loads((solved.out / "summary.json").read_text(encoding="utf-8"))
    assert summary["counts"]["acting_days"] == len(off)


def test_objective_is_the_sum_of_penalty_costs(solved: Solved) -> None:
    """summary.json's objective equals the sum of penalties.csv's cost column."""
    summary = json.loads((solved.out / "summary.json").read_text(encoding="utf-8"))
    costs = [Decimal(r["cost"]) for r in read_csv(solved.out / "penalties.csv")]
    assert summary["status"] in ("OPTIMAL", "FEASIBLE")
    assert Decimal(str(summary["objective"])) == sum(costs, Decimal(0))


def test_solve_leaves_the_input_folder_byte_identical(solved: Solved) -> None:
    """Solving only reads the scenario: every input file hashes the same before and after."""
    assert solved.result.exit_code == EXIT_OK, solved.result.output
    assert len(solved.inputs_before) == 7
    assert solved.inputs_after == solved.inputs_before


def test_broken_staff_csv_exits_2_naming_the_file(tmp_path: Path) -> None:
    """An unknown role in staff.csv exits 2 with a message naming the file; no output folder."""
    scenario = init_scenario(tmp_path / "scenario")
    staff = scenario / "staff.csv"
    text = staff.read_text(encoding="utf-8-sig")
    assert "A04,刘洋,座席代表," in text
    staff.write_text(text.replace("A04,刘洋,座席代表,", "A04,刘洋,wizard,"), encoding="utf-8-sig")
    out = tmp_path / "out"
    result = run("solve", scenario, "--out", out, "--time-limit", 5)
    assert result.exit_code == EXIT_INPUT, result.output
    assert "staff.csv" in result.stderr
    assert "wizard" in result.stderr
    assert "Traceback" not in result.output
    assert not out.exists()


def test_existing_out_without_force_exits_2_untouched(solved: Solved, tmp_path: Path) -> None:
    """An existing non-empty --out without --force exits 2 and the folder is left as it was."""
    out = tmp_path / "out"
    out.mkdir()
    (out / "mine.txt").write_text("keep me", encoding="utf-8")
    before = hashes(out)
    result = run("solve", solved.scenario, "--out", out, "--time-limit", 5)
    assert result.exit_code == EXIT_INPUT, result.output
    assert "--force" in result.stderr
    assert hashes(out) == before


def test_force_replaces_an_existing_out(solved: Solved, tmp_path: Path) -> None:
    """--force replaces a non-empty --out: only the six output files remain."""
    out = tmp_path / "out"
    out.mkdir()
    (out / "stale.txt").write_text("old", encoding="utf-8")
    result = run("solve", solved.scenario, "--out", out, "--time-limit", 2, "--force")
    assert result.exit_code == EXIT_OK, result.output
    assert sorted(p.name for p in out.iterdir()) == OUTPUT_FILES
    assert not any(p.name.startswith(".out.") for p in tmp_path.iterdir())


def test_director_and_senior_leader_leave_same_date_exits_3(tmp_path: Path) -> None:
    """Director and senior leader both on approved leave one date: exit 3, R1, both, the date."""
    scenario = init_scenario(tmp_path / "scenario")
    requests = scenario / "requests.csv"
    text = requests.read_text(encoding="utf-8-sig")
    assert text.endswith("\n")
    text += "A01,2026-10-20,,请假,,\nA02,2026-10-20,,请假,,\n"
    requests.write_text(text, encoding="utf-8-sig")
    out = tmp_path / "out"
    result = run("solve", scenario, "--out", out, "--time-limit", 5)
    assert result.exit_code == EXIT_INFEASIBLE, result.output
    r1 = [line for line in result.stderr.splitlines() if "R1" in line]
    assert r1, result.stderr
    assert any("A01" in line and "A02" in line and "2026-10-20" in line for line in r1), r1
    assert not out.exists()


@pytest.mark.parametrize("month", ["2026-13", "2026-00", "10/2026", "October"])
def test_init_bad_month_exits_2(tmp_path: Path, month: str) -> None:
    """`roster init` with a bad --month exits 2 with a one-line --month message, writing nothing."""
    folder = tmp_path / "scenario"
    result = run("init", folder, "--month", month)
    assert result.exit_code == EXIT_INPUT, result.output
    assert result.stderr.startswith("--month:")
    assert len(result.stderr.strip().splitlines()) == 1
    assert not folder.exists()


@pytest.mark.parametrize(("lang", "header", "said"), [
    ("en", "employee_id,name,role,center,team", "wrote a starter scenario to "),
    ("zh", "工号,姓名,职位,中心,组", "已在 "),
])
def test_init_in_either_language(tmp_path: Path, lang: str, header: str, said: str) -> None:
    """`roster init --lang` sets the scenario's language, its CSV headers and the message;
    the scenario it writes loads with that language."""
    folder = tmp_path / "scenario"
    result = run("init", folder, "--month", MONTH, "--lang", lang)
    assert result.exit_code == EXIT_OK, result.output
    assert result.stderr.startswith(said + str(folder))
    staff = (folder / "staff.csv").read_text(encoding="utf-8-sig").splitlines()[0]
    assert staff.startswith(header)
    assert load_scenario(folder).language == lang


def test_progress_lines_show_the_best_so_far(capsys: pytest.CaptureFixture[str]) -> None:
    """A phase may report a roster the model rates higher (165) than the best so far (158), or
    a weaker bound of its own (0 after 93): the line shows each center's best of both. Reports
    within half a second of the last line print nothing, but still count."""
    from roster.cli import _ProgressPrinter

    printer = _ProgressPrinter(0.0, "en")
    printer("IN", 1.0, 158, 93)
    printer("IN", 1.1, 150, 0)  # within half a second: no line, but 150 is the best now
    printer.last["IN"] = -10.0  # as if the last line were long ago
    printer("IN", 2.0, 165, 0)
    lines = capsys.readouterr().err.splitlines()
    assert len(lines) == 2
    assert lines[0].endswith("IN: best 158  bound 93  gap 41.1%")  # (158 - 93) / 158
    assert lines[1].endswith("IN: best 150  bound 93  gap 38.0%")  # (150 - 93) / 150
