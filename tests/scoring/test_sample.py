"""The shipped sample month (data/sample): its assessment inputs are up to date with their script,
one center is above the 85 % line and one below, and the README's examples give what they say."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

from click.testing import CliRunner

from roster.commands_score import EXIT_OK, eligible, score

DATA = Path(__file__).resolve().parents[2] / "data"
SAMPLE = DATA / "sample"
SCORE_ARGS = [str(SAMPLE), str(SAMPLE / "roster_example.csv"),
              "--sales", str(SAMPLE / "sales.csv"), "--lines", str(SAMPLE / "lines.csv"),
              "--ratings", str(SAMPLE / "ratings.csv"),
              "--commissions", str(SAMPLE / "commissions.csv")]


def test_sample_files_are_what_the_script_makes() -> None:
    """data/make_sample_assessment.py rebuilds the committed files byte for byte."""
    spec = importlib.util.spec_from_file_location("make_sample_assessment",
                                                  DATA / "make_sample_assessment.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    for name, data in module.build().items():
        assert (SAMPLE / name).read_bytes() == data, name


def test_sample_score_one_center_above_and_one_below() -> None:
    """IN: A1 93.88 %, A2 95.52 %, B 42.78 → 92.78, keep. OUT: A1 78.13 %, A2 81.77 %: no part A,
    B 38.05 → 38.05, remove. Commissions 20 % of 8,650 and 5,420."""
    result = CliRunner().invoke(score, [*SCORE_ARGS, "--format", "json"])
    assert result.exit_code == EXIT_OK, result.output
    got = {c["center"]: (c["acting_days"], c["a1_ratio"], c["a1_points"], c["a2_ratio"],
                         c["a2_points"], c["b_points"], c["total"], c["decision"],
                         c["commission"])
           for c in json.loads(result.stdout)["centers"]}
    assert got == {
        "IN": (8, 0.9388, 25, 0.9552, 25, 42.78, 92.78, "keep", 1730),
        "OUT": (8, 0.7813, 0, 0.8177, 0, 38.05, 38.05, "remove", 1084),
    }


def test_sample_override_keeps_out() -> None:
    result = CliRunner().invoke(score, [*SCORE_ARGS, "--overrides",
                                        str(SAMPLE / "overrides.csv"), "--format", "json"])
    out = json.loads(result.stdout)["centers"][1]
    assert (out["computed_decision"], out["decision"]) == ("remove", "keep")
    assert out["override"]["reason"].startswith("国庆黄金周外拨暂停")


def test_sample_eligible() -> None:
    """As of 1 October 2026: IN002 and IN005 in IN, OUT003 in OUT pass S1-S3."""
    result = CliRunner().invoke(eligible, [str(SAMPLE), "--performance",
                                           str(SAMPLE / "performance.csv"), "--as-of",
                                           "2026-10-01", "--format", "json"])
    assert result.exit_code == EXIT_OK, result.output
    found = {c["center"]: [x["employee_id"] for x in c["candidates"] if x["eligible"]]
             for c in json.loads(result.stdout)["centers"]}
    assert found == {"IN": ["IN002", "IN005"], "OUT": ["OUT003"]}
