"""Fixtures of the export tests: the small department of :mod:`.builders`, written to tmp_path."""

from __future__ import annotations

from pathlib import Path

import pytest

from roster.export import ExportData, build_export
from roster.io.scenario_reader import load_scenario

from .builders import ROSTER, write_roster, write_scenario

SAMPLE = Path(__file__).resolve().parents[2] / "data" / "sample"
SAMPLE_ROSTER = SAMPLE / "roster_example.csv"


@pytest.fixture
def scenario(tmp_path: Path) -> Path:
    return write_scenario(tmp_path / "scenario")


@pytest.fixture
def roster_file(tmp_path: Path) -> Path:
    return write_roster(tmp_path / "roster.csv")


@pytest.fixture
def data(scenario: Path) -> ExportData:
    return build_export(load_scenario(scenario), ROSTER, "roster.csv")
