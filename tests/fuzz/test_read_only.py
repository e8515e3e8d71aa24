"""Inputs are only ever read: every command leaves every input file byte-identical, with its
modification time unchanged, and adds no file beside them (no lock or temporary file)."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from .harness import invoke, write_inputs

Snapshot = dict[str, tuple[str, int]]


def snapshot(root: Path) -> Snapshot:
    """Every file under ``root``: its SHA-256 and modification time (ns)."""
    return {p.relative_to(root).as_posix(): (hashlib.sha256(p.read_bytes()).hexdigest(),
                                             p.stat().st_mtime_ns)
            for p in sorted(root.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def folders(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The inputs, and an empty folder beside them for the outputs."""
    base = tmp_path_factory.mktemp("read-only")
    return write_inputs(base / "inputs"), base / "outputs"


def commands(i: Path, o: Path) -> dict[str, tuple[list[Path | str], tuple[int, ...]]]:
    """Each command on the inputs ``i`` writing into ``o``, with its expected exit codes."""
    m, sc = i / "month", i / "scenario"
    return {
        "solve": (["solve", sc, "--out", o / "solved", "--time-limit", "1"], (0,)),
        "validate csv": (["validate", sc, i / "roster.csv"], (1,)),
        "validate wide": (["validate", sc, i / "roster_wide.csv", "--format", "json"], (1,)),
        "validate xlsx": (["validate", sc, i / "roster.xlsx", "--format", "csv"], (1,)),
        "repair": (["repair", sc, i / "roster.xlsx", "--out", o / "repaired", "--time-limit",
                    "2"], (0,)),
        "export xlsx": (["export", sc, i / "roster.xlsx", "-o", o / "roster.xlsx"], (0,)),
        "export csv": (["export", sc, i / "roster.csv", "-o", o / "roster.csv"], (0,)),
        "export html": (["export", sc, i / "roster_wide.csv", "-o", o / "roster.html"], (0,)),
        "export ics": (["export", sc, i / "roster.csv", "--format", "ics", "-o", o / "ics"],
                       (0,)),
        "explain": (["explain", sc, "--time-limit", "1"], (0,)),
        "score": (["score", i / "assess", m / "roster.csv", "--sales", m / "sales.csv",
                   "--lines", m / "lines.csv", "--ratings", m / "ratings.csv", "--commissions",
                   m / "commissions.csv", "--overrides", m / "overrides.csv", "--format", "html"],
                  (0,)),
        "eligible": (["eligible", i / "assess", "--performance", m / "performance.csv",
                      "--as-of", "2026-03-01"], (0,)),
        "curtois check": (["curtois", "check", i / "curtois" / "Tiny.txt",
                           i / "curtois" / "solution.csv"], (0,)),
        "curtois solve": (["curtois", "solve", i / "curtois" / "Tiny.txt", "-o",
                           o / "Tiny.csv", "--time-limit", "2"], (0,)),
    }


NAMES = list(commands(Path("i"), Path("o")))


@pytest.mark.parametrize("name", NAMES)
def test_inputs_are_untouched(folders: tuple[Path, Path], name: str) -> None:
    inputs, outputs = folders
    args, codes = commands(inputs, outputs)[name]
    before = snapshot(inputs)
    result = invoke(args)
    assert result.exit_code in codes, result.output
    assert snapshot(inputs) == before


def test_a_refused_input_is_untouched_too(folders: tuple[Path, Path]) -> None:
    """Exit 2 (a roster with an unknown person) leaves the inputs as they were as well."""
    inputs, outputs = folders
    bad = outputs / "bad.csv"
    outputs.mkdir(exist_ok=True)
    bad.write_text((inputs / "roster.csv").read_text(encoding="utf-8").replace("A12,", "Z99,"),
                   encoding="utf-8")
    before, bad_before = snapshot(inputs), bad.stat().st_mtime_ns
    assert invoke(["validate", inputs / "scenario", bad]).exit_code == 2
    assert invoke(["repair", inputs / "scenario", bad, "--out", outputs / "never"]).exit_code == 2
    assert not (outputs / "never").exists()
    assert snapshot(inputs) == before and bad.stat().st_mtime_ns == bad_before
