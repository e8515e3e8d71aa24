"""The fuzzing's starting point is valid: every command accepts the unbroken inputs."""

from __future__ import annotations

from pathlib import Path

import pytest

from .harness import ALL_TARGETS, Target, assert_clean_exit, invoke


@pytest.mark.parametrize("target", ALL_TARGETS, ids=lambda t: t.file)
def test_unbroken_inputs_are_accepted(inputs: Path, target: Target) -> None:
    """validate finds the roster (exit 0 or 1: it may break rules), score, eligible and curtois
    check accept theirs (exit 0)."""
    result = invoke(target.command(inputs))
    assert_clean_exit(result, target, codes=target.valid_codes)
