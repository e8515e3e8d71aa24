"""--deterministic gives byte-identical files; a roster failing the re-check is never written."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

import solver.solve
from roster.cli import EXIT_BUG, cli, main
from roster.domain import Month
from roster.init import write_starter_scenario
from solver.check import ModelCheckerMismatch
from solver.problem import CheckReport, Problem


@pytest.fixture
def scenario(tmp_path: Path) -> Path:
    folder = tmp_path / "scenario"
    write_starter_scenario(folder, Month.parse("2026-10"))
    return folder


def test_deterministic_runs_write_byte_identical_files(scenario: Path, tmp_path: Path) -> None:
    """Two --deterministic solves of the same scenario: every output file byte for byte equal."""
    outs = [tmp_path / "one", tmp_path / "two"]
    for out in outs:
        result = CliRunner().invoke(cli, ["solve", str(scenario), "--out", str(out),
                                          "--time-limit", "3", "--deterministic"])
        assert result.exit_code == 0, result.output
    names = sorted(p.name for p in outs[0].iterdir())
    assert names == sorted(p.name for p in outs[1].iterdir())
    assert len(names) == 6
    for name in names:
        assert (outs[0] / name).read_bytes() == (outs[1] / name).read_bytes(), name


def test_a_roster_failing_the_recheck_is_never_written(
        scenario: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    """If the checker disagrees with the model: exit 6, a bug message, no output folder."""
    def broken_verify(problem: Problem, report: CheckReport, model_objective: int,
                      optimal: bool) -> None:
        raise ModelCheckerMismatch(f"{problem.name}: planted disagreement")

    monkeypatch.setattr(solver.solve, "verify_solution", broken_verify)
    out = tmp_path / "out"
    monkeypatch.setattr("sys.argv", ["roster", "solve", str(scenario), "--out", str(out),
                                     "--time-limit", "2"])
    with pytest.raises(SystemExit) as exited:
        main()
    assert exited.value.code == EXIT_BUG
    err = capsys.readouterr().err
    assert "internal error, nothing was written" in err
    assert "planted disagreement" in err
    assert not out.exists()
    assert [p.name for p in tmp_path.iterdir()] == ["scenario"]
