"""``roster score`` and ``roster eligible`` through click's CliRunner, invoking the command objects
(they are registered in roster.cli separately): help, every format, every exit code."""

from __future__ import annotations

import json
from pathlib import Path

import click
import pytest
from click.testing import CliRunner, Result

from roster.commands_score import EXIT_INPUT, EXIT_OK, eligible, score
from roster.scoring.report import FORMATS

from .builders import write_month, write_scenario


def invoke(command: click.Command, *args: object) -> Result:
    return CliRunner().invoke(command, [str(a) for a in args])


@pytest.fixture
def month(tmp_path: Path) -> dict[str, Path]:
    """The base case of builders as files, and its scenario folder."""
    files = write_month(tmp_path / "month")
    files["scenario"] = write_scenario(tmp_path / "scenario")
    return files


def score_args(files: dict[str, Path], *extra: object) -> list[object]:
    return [files["scenario"], files["roster"], "--sales", files["sales"], "--lines",
            files["lines"], "--ratings", files["ratings"], "--commissions", files["commissions"],
            *extra]


@pytest.mark.parametrize("command", [score, eligible])
def test_help_has_an_example(command: click.Command) -> None:
    result = invoke(command, "--help")
    assert result.exit_code == EXIT_OK
    assert "Usage:" in result.output and "Example:" in result.output


def test_score_json(month: dict[str, Path]) -> None:
    """The base case: A1 = A2 = 0.9, B 42.7, total 92.7, keep; data on stdout only."""
    result = invoke(score, *score_args(month, "--format", "json"))
    assert result.exit_code == EXIT_OK, result.output
    assert result.stderr == ""
    [c] = json.loads(result.stdout)["centers"]
    assert (c["a1_ratio"], c["a2_ratio"], c["b_points"], c["total"], c["decision"]) == (
        0.9, 0.9, 42.7, 92.7, "keep")


@pytest.mark.parametrize("fmt", FORMATS)
def test_score_every_format(month: dict[str, Path], fmt: str) -> None:
    result = invoke(score, *score_args(month, "--format", fmt))
    assert result.exit_code == EXIT_OK, result.output
    assert "92.7" in result.stdout


def test_score_with_an_override(month: dict[str, Path], tmp_path: Path) -> None:
    overrides = tmp_path / "overrides.csv"
    overrides.write_text("center,decision,reason\nC,remove,moved to QA\n", encoding="utf-8")
    result = invoke(score, *score_args(month, "--overrides", overrides, "--format", "json"))
    assert result.exit_code == EXIT_OK, result.output
    c = json.loads(result.stdout)["centers"][0]
    assert (c["computed_decision"], c["decision"], c["override"]) == (
        "keep", "remove", {"decision": "remove", "reason": "moved to QA"})


def test_score_reads_the_policies_of_the_scenario(month: dict[str, Path], tmp_path: Path) -> None:
    """threshold = 0.95 in [assessment]: the ratios 0.9 earn nothing; total 42.7 → remove."""
    write_scenario(month["scenario"], "\n[assessment]\nthreshold = 0.95\n")
    result = invoke(score, *score_args(month, "--format", "json"))
    c = json.loads(result.stdout)["centers"][0]
    assert (c["a1_points"], c["total"], c["decision"]) == (0, 42.7, "remove")


def test_score_invalid_input_exits_2_with_every_problem(month: dict[str, Path]) -> None:
    """A rating above its maximum and an order of an unknown employee: exit 2, both on stderr,
    nothing on stdout."""
    text = month["ratings"].read_text(encoding="utf-8")
    month["ratings"].write_text(text.replace("S,manager,M,B1,12", "S,manager,M,B1,16"),
                                encoding="utf-8")
    with month["sales"].open("a", encoding="utf-8") as fh:
        fh.write("o9,2026-02-05,X9,10,shipped\n")
    result = invoke(score, *score_args(month))
    assert result.exit_code == EXIT_INPUT
    assert result.stdout == ""
    assert "sales.csv 第 8 行「employee_id」列：未知的工号 'X9'" in result.stderr
    # the scenario states no language: its default, Chinese
    assert "ratings.csv 第 2 行「points」列：16 超过了 B1 的满分 15" in result.stderr
    assert "Traceback" not in result.output


def test_score_a_roster_with_an_unknown_shift_exits_2(month: dict[str, Path]) -> None:
    text = month["roster"].read_text(encoding="utf-8")
    month["roster"].write_text(text.replace("S,2026-02-05,E", "S,2026-02-05,Q"),
                               encoding="utf-8")
    result = invoke(score, *score_args(month))
    assert result.exit_code == EXIT_INPUT and "roster.csv" in result.stderr


def test_score_a_missing_file_exits_2(month: dict[str, Path], tmp_path: Path) -> None:
    args = score_args(month)
    args[args.index("--lines") + 1] = tmp_path / "nope.csv"
    result = invoke(score, *args)
    assert result.exit_code == EXIT_INPUT and "nope.csv：找不到文件" in result.stderr


def test_score_without_a_required_option_is_a_usage_error(month: dict[str, Path]) -> None:
    result = invoke(score, month["scenario"], month["roster"])
    assert result.exit_code == EXIT_INPUT and "--sales" in result.output


def test_eligible(month: dict[str, Path], tmp_path: Path) -> None:
    """S (since 2025-06-01) has 9 months on 2026-03-01, T (2025-09-02) 5; S sells more."""
    performance = tmp_path / "performance.csv"
    performance.write_text("工号,月份,销售额\nS,2026-01,300\nT,2026-01,100\nA1,2026-01,500\n"
                           "A2,2026-01,200\n", encoding="utf-8")
    result = invoke(eligible, month["scenario"], "--performance", performance, "--as-of",
                    "2026-03-01", "--format", "json")
    assert result.exit_code == EXIT_OK, result.output
    candidates = json.loads(result.stdout)["centers"][0]["candidates"]
    assert [(c["employee_id"], c["s1"]["months"], c["eligible"]) for c in candidates] == [
        ("S", 9, True), ("T", 5, False)]
    for fmt in FORMATS:
        result = invoke(eligible, month["scenario"], "--performance", performance, "--as-of",
                        "2026-03-01", "--format", fmt)
        assert result.exit_code == EXIT_OK and result.stdout


def test_eligible_refusals_exit_2(month: dict[str, Path], tmp_path: Path) -> None:
    performance = tmp_path / "performance.csv"
    performance.write_text("employee_id,month,sales\nS,2026-04,300\n", encoding="utf-8")
    result = invoke(eligible, month["scenario"], "--performance", performance, "--as-of",
                    "2026-03-01")
    assert result.exit_code == EXIT_INPUT
    assert "performance.csv 第 2 行「month」列：2026-04 晚于评定日期" in result.stderr
    bad_date = invoke(eligible, month["scenario"], "--performance", performance, "--as-of",
                      "March")
    assert bad_date.exit_code == EXIT_INPUT and "--as-of" in bad_date.output
