"""Every reader, fed one broken file at a time through the command that reads it.

Each example breaks one input file (:mod:`.mutations`) and runs the command in-process: it must end
with exit code 0-3, never a traceback; exit 2 with a message whose every line names an input file
(row and column where there are some), nothing on stdout and no output written. A scenario file
that is refused by ``validate`` is refused by ``solve`` and ``explain`` too, before any output; a
roster refused by ``validate`` is refused by ``repair`` and ``export``.

The examples are the same on every run (``derandomize``); set ``ROSTER_FUZZ_EXAMPLES`` (e.g. 2000)
for a longer, random campaign.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import Result
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from roster.compile import compile_scenario
from roster.errors import InputError
from roster.io.scenario_reader import load_scenario

from .harness import (
    CURTOIS_TARGETS,
    EXIT_INPUT,
    LEDGER_TARGETS,
    ROSTER_TARGETS,
    SCENARIO_TARGETS,
    Target,
    assert_clean_exit,
    invoke,
    run_mutated,
)
from .mutations import Mutated, csv_mutation, instance_mutation, toml_mutation, xlsx_mutation

CAMPAIGN = int(os.environ.get("ROSTER_FUZZ_EXAMPLES", "0"))
FUZZ = settings(
    max_examples=CAMPAIGN or 30,
    derandomize=not CAMPAIGN,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                           HealthCheck.function_scoped_fixture],
)
Check = Callable[[Path, Result], None]
MUTATIONS = {"csv": csv_mutation, "toml": toml_mutation, "curtois": instance_mutation,
             "xlsx": xlsx_mutation}


def mutate(data: st.DataObject, inputs: Path, target: Target) -> Mutated:
    original = (inputs / target.file).read_bytes()
    return data.draw(MUTATIONS[target.kind](original), label="mutated")


def scenario_is_valid(folder: Path) -> bool:
    try:
        compile_scenario(load_scenario(folder))
    except InputError:
        return False
    return True


def then_solve_and_explain(target: Target) -> Check:
    """After ``validate`` refused a scenario file: ``solve`` and ``explain`` refuse it too."""

    def check(root: Path, result: Result) -> None:
        if result.exit_code != EXIT_INPUT or scenario_is_valid(root / "scenario"):
            return  # (the roster may be what validate refused)
        out = root / "out"
        for args in (["solve", root / "scenario", "--out", out, "--time-limit", "2"],
                     ["explain", root / "scenario", "--time-limit", "2"]):
            again = invoke(args)
            assert_clean_exit(again, target, codes=(EXIT_INPUT,), outputs=[out])

    return check


def then_repair_and_export(target: Target) -> Check:
    """After ``validate`` refused a roster: ``repair`` and ``export`` refuse it too."""

    def check(root: Path, result: Result) -> None:
        if result.exit_code != EXIT_INPUT:
            return
        out, book = root / "out", root / "out.xlsx"
        for args in (["repair", root / "scenario", root / target.file, "--out", out,
                      "--time-limit", "2"],
                     ["export", root / "scenario", root / target.file, "-o", book]):
            again = invoke(args)
            assert_clean_exit(again, target, codes=(EXIT_INPUT,), outputs=[out, book])

    return check


@pytest.mark.parametrize("target", SCENARIO_TARGETS, ids=lambda t: t.file)
@FUZZ
@given(data=st.data())
def test_scenario_files(inputs: Path, target: Target, data: st.DataObject) -> None:
    """scenario.toml and each CSV table of the scenario, read by validate (solve, explain)."""
    run_mutated(inputs, target, mutate(data, inputs, target), then_solve_and_explain(target))


@pytest.mark.parametrize("target", ROSTER_TARGETS, ids=lambda t: t.file)
@FUZZ
@given(data=st.data())
def test_rosters(inputs: Path, target: Target, data: st.DataObject) -> None:
    """Hand-made rosters, long and wide CSV and an .xlsx grid, read by validate (repair,
    export)."""
    run_mutated(inputs, target, mutate(data, inputs, target), then_repair_and_export(target))


@pytest.mark.parametrize("target", LEDGER_TARGETS, ids=lambda t: t.file)
@FUZZ
@given(data=st.data())
def test_ledgers(inputs: Path, target: Target, data: st.DataObject) -> None:
    """Sales, lines, ratings, commissions, overrides and [assessment] (score); performance
    (eligible)."""
    run_mutated(inputs, target, mutate(data, inputs, target))


@pytest.mark.parametrize("target", CURTOIS_TARGETS, ids=lambda t: t.file)
@FUZZ
@given(data=st.data())
def test_benchmark_files(inputs: Path, target: Target, data: st.DataObject) -> None:
    """A Curtois & Qu instance and a solution of it, read by curtois check."""
    run_mutated(inputs, target, mutate(data, inputs, target))


@pytest.mark.parametrize("target", SCENARIO_TARGETS, ids=lambda t: t.file)
@settings(FUZZ, max_examples=CAMPAIGN or 10)
@given(data=st.data())
def test_explain_on_broken_scenarios(inputs: Path, target: Target, data: st.DataObject) -> None:
    """explain compiles and solves what the readers accept: odd but valid values (a slot over
    midnight, a weight of a million, a demand nobody can meet) end in 0, 3 or 4, never a
    traceback; refused ones in 2."""
    mutated = mutate(data, inputs, target)
    explain = Target(target.file, target.kind,
                     lambda root: ["explain", root / "scenario", "--time-limit", "1"],
                     target.names, codes=(0, 2, 3, 4))
    run_mutated(inputs, explain, mutated)
