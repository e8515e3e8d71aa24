"""Fixtures of the fuzzing tests: the valid inputs, written once per session."""

from __future__ import annotations

from pathlib import Path

import pytest

from .harness import write_inputs


@pytest.fixture(scope="session")
def inputs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder with a small valid input for every reader (see harness.write_inputs)."""
    return write_inputs(tmp_path_factory.mktemp("fuzz") / "inputs")
