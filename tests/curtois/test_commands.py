"""`roster curtois solve` and `roster curtois check` through click's CliRunner, on the tiny
instance (its optimum is found and proved in well under a second)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

import roster.commands_curtois as commands
from roster.commands_curtois import (
    EXIT_INFEASIBLE,
    EXIT_INPUT,
    EXIT_NO_ROSTER,
    EXIT_OK,
    EXIT_VIOLATIONS,
    curtois,
)
from solver.solve import SolveResult

from .test_reader import BENCH
from .tiny import TINY, VALID, solution_text, write_tiny

LIMIT = "10"  # the tiny instance is solved to optimality long before


def run(*args: object, stdin: str | None = None) -> Result:
    return CliRunner().invoke(curtois, [str(a) for a in args], input=stdin)


def test_every_command_has_help_with_an_example() -> None:
    """The group and both commands document themselves with an example."""
    for command in ([], ["solve"], ["check"]):
        result = run(*command, "--help")
        assert result.exit_code == EXIT_OK, result.output
        assert "Usage:" in result.output and "Example:" in result.output, command


def test_solve_writes_the_roster_and_agrees_with_check(tmp_path: Path) -> None:
    """solve: OPTIMAL, the objective split, a roster of 7 days x 2 employees that check scores
    at the same objective."""
    instance = write_tiny(tmp_path)
    out = tmp_path / "sol.csv"
    result = run("solve", instance, "--time-limit", LIMIT, "--workers", 1, "-o", out)
    assert result.exit_code == EXIT_OK, result.output
    lines = result.stdout.splitlines()
    assert lines[0] == "instance      Tiny (7 days, 2 employees, 2 shift types)"
    assert lines[1] == "status        OPTIMAL"
    # The optimum, 102. Only A may work N and weekends (B: no N, no weekend; off on day 3).
    # Covering D on day 3 takes A on day 3, and then A cannot also work the weekend (4 days in
    # a row at most, 2 days off in a row) nor days 1-2: at least 200 short. So D on day 3 stays
    # short (100), and all else is covered: D on day 1 needs A and B (B's off request: 1), N on
    # day 2 needs A (A's off request: 1); A works D, N, off, off, D, D from day 1.
    assert lines[2] == "objective     102 (on 0, off 2, under 100, over 0)"
    objective = 102
    assert lines[3] == f"bound         {objective}"
    assert lines[4].startswith("first roster  ") and lines[5].startswith("total time    ")
    assert lines[6] == f"check         agrees: no hard rule broken, objective {objective}"
    assert lines[7] == f"written to    {out}"
    rows = out.read_text(encoding="utf-8").splitlines()
    assert rows[0] == "employee_id,day_index,shift_id"
    assert len(rows) == 1 + 2 * 7
    assert [r.split(",")[2] for r in rows[1:8]] == ["", "D", "N", "", "", "D", "D"]
    check = run("check", instance, out, "--format", "json")
    assert check.exit_code == EXIT_OK, check.output
    data = json.loads(check.stdout)
    assert data["feasible"] is True and data["violations"] == []
    assert data["objective"] == objective
    assert f"({', '.join(f'{k} {v}' for k, v in data['split'].items())})" in lines[2]


def test_solve_to_stdout(tmp_path: Path) -> None:
    """-o - puts the CSV on stdout and the summary on stderr."""
    result = run("solve", write_tiny(tmp_path), "--time-limit", LIMIT, "--workers", 1, "-o", "-")
    assert result.exit_code == EXIT_OK, result.output
    assert result.stdout.splitlines()[0] == "employee_id,day_index,shift_id"
    assert len(result.stdout.splitlines()) == 15
    assert "status        OPTIMAL" in result.stderr


def test_solve_invalid_instance_exits_2(tmp_path: Path) -> None:
    """An invalid instance: exit 2, the problem with its line on stderr, nothing on stdout."""
    bad = write_tiny(tmp_path, TINY.replace("0,D,1,100,1", "0,X,1,100,1"))
    result = run("solve", bad, "--time-limit", LIMIT)
    assert result.exit_code == EXIT_INPUT
    assert "Tiny.txt: line 33: unknown shift 'X'" in result.stderr
    assert result.stdout == ""


def test_solve_refuses_to_overwrite_the_instance(tmp_path: Path) -> None:
    """-o naming the instance file itself is refused (exit 2); the instance is untouched."""
    instance = write_tiny(tmp_path)
    before = instance.read_bytes()
    result = run("solve", instance, "-o", instance)
    assert result.exit_code == EXIT_INPUT
    assert instance.read_bytes() == before


def test_solve_infeasible_exits_3(tmp_path: Path) -> None:
    """A needs 3,000 minutes but may work 6 days of at most 480 in a row of 4: exit 3."""
    text = TINY.replace("A,D=7|N=2,3360,1200", "A,D=7|N=0,3360,3000")
    result = run("solve", write_tiny(tmp_path, text), "--time-limit", LIMIT)
    assert result.exit_code == EXIT_INFEASIBLE, result.output
    # pinned days and longest shifts alone cannot reach it: 6 free days x 480 = 2,880
    assert "H4: A can work at most 2880 minutes; at least 3000 are needed" in result.stderr


def test_solve_no_roster_in_time_exits_4(tmp_path: Path,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    """No roster within the time limit (the solver stubbed): exit 4, nothing written."""
    monkeypatch.setattr(commands, "solve",
                        lambda problem, settings, progress=None: SolveResult(problem.name,
                                                                             "UNKNOWN"))
    out = tmp_path / "sol.csv"
    result = run("solve", write_tiny(tmp_path), "--time-limit", "1", "-o", out)
    assert result.exit_code == EXIT_NO_ROSTER
    assert "no roster found within 1 s" in result.stderr
    assert not out.exists()


def test_check_valid_roster(tmp_path: Path) -> None:
    """check: exit 0, no violation, the objective split (307, see test_check.py)."""
    solution = tmp_path / "sol.csv"
    solution.write_text(solution_text(VALID), encoding="utf-8")
    result = run("check", write_tiny(tmp_path), solution)
    assert result.exit_code == EXIT_OK, result.output
    assert result.stdout == ("Hard-rule violations: none\n\n"
                             "Objective: 307 (on 3, off 1, under 300, over 3)\n")


def test_check_violations_exit_1(tmp_path: Path) -> None:
    """check from stdin: the violations table, the objective marked invalid, exit 1."""
    text = solution_text({**VALID, "B": "D D D . D . D"}, "A,1,N\n")
    result = run("check", write_tiny(tmp_path), "-", stdin=text)
    assert result.exit_code == EXIT_VIOLATIONS
    assert result.stdout.splitlines()[:4] == [
        "Hard-rule violations: 2",
        "rule  employee  days  message",
        "H1    A         1     H1: A has 2 shifts on day 1 (D, N); at most one",
        "H8    B         6     H8: B works on 1 weekends (starting day 5); at most 0",
    ]
    assert "(not a valid objective: hard rules are broken)" in result.stdout
    assert "2 hard-rule violation(s) (H1 1, H8 1)" in result.stderr


def test_check_json(tmp_path: Path) -> None:
    """--format json: violations with rule, employees, days and message; counts; split."""
    solution = tmp_path / "sol.csv"
    solution.write_text(solution_text({**VALID, "A": "D D D D . . ."}), encoding="utf-8")
    result = run("check", write_tiny(tmp_path), solution, "--format", "json")
    assert result.exit_code == EXIT_VIOLATIONS
    data = json.loads(result.stdout)
    assert data["feasible"] is False
    assert data["violations"] == [{"rule": "H9", "employee_ids": ["A"], "days": [0],
                                   "message": "H9: A has pinned OFF on day 0 but the roster "
                                              "says D"}]
    assert data["violations_by_rule"] == {"H9": 1}
    assert set(data["split"]) == {"on", "off", "under", "over"}


def test_check_invalid_solution_exits_2(tmp_path: Path) -> None:
    """Rows missing and an unknown shift: exit 2 with every problem, nothing on stdout."""
    solution = tmp_path / "sol.csv"
    solution.write_text("employee_id,day_index,shift_id\nA,0,Z\n", encoding="utf-8")
    result = run("check", write_tiny(tmp_path), solution)
    assert result.exit_code == EXIT_INPUT
    assert "sol.csv: line 2: unknown shift 'Z'" in result.stderr
    assert "sol.csv: no row for employee B on day(s) 0-6" in result.stderr
    assert result.stdout == ""


def test_instance1_solves_to_its_proven_optimum(tmp_path: Path) -> None:
    """Instance1 (shared benchmark): OPTIMAL at 607, the published optimum; check agrees."""
    instance = BENCH / "Instance1.txt"
    if not instance.is_file():
        pytest.skip(f"no {instance}")
    out = tmp_path / "Instance1.csv"
    result = run("solve", instance, "--time-limit", 20, "-o", out)
    assert result.exit_code == EXIT_OK, result.output
    assert "status        OPTIMAL" in result.stdout
    assert "objective     607 (" in result.stdout
    check = run("check", instance, out)
    assert check.exit_code == EXIT_OK, check.output
    assert check.stdout.startswith("Hard-rule violations: none\n\nObjective: 607 (")
