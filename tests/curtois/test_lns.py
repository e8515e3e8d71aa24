"""Large-neighbourhood search (solver.lns) on the tiny instance: fixing cells in bulk, the
neighbourhoods, and a short search."""

from __future__ import annotations

import random

import pytest
from ortools.sat.python import cp_model

import roster.curtois
from roster.curtois import solve_settings, to_problem
from roster.io.curtois import parse_instance, parse_solution
from solver.budget import Budget
from solver.check import check_roster
from solver.lns import LnsOptions, _Cells, _Neighbourhoods, _Sizes, improve
from solver.model import build_model
from solver.problem import CheckReport, Penalty
from solver.solve import SPLIT_ABOVE, SolveSettings

from .tiny import TINY, VALID, solution_text

INSTANCE = parse_instance(TINY, "Tiny.txt")
PROBLEM = to_problem(INSTANCE)
# the tiny instance's valid roster (objective 307), as the engine's roster
ROSTER = {pid: [shifts[0] if shifts else "OFF" for shifts in days] for pid, days in
          parse_solution(solution_text(VALID), "sol.csv", INSTANCE).items()}


def _solve(model: cp_model.CpModel) -> cp_model.CpSolver:
    solver = cp_model.CpSolver()
    solver.parameters.num_workers = 1
    assert solver.solve(model) == cp_model.OPTIMAL
    return solver


def test_fixing_every_cell_leaves_only_the_roster() -> None:
    """With no cell free, the sub-model's only solution is the roster, read back unchanged."""
    ctx = build_model(PROBLEM)
    cells = _Cells(ctx)
    sub = ctx.model.clone()
    sub.proto.constraints.add().bool_and.literals.extend(cells.fix(ROSTER, set()))
    solver = _solve(sub)
    assert round(solver.objective_value) == check_roster(PROBLEM, ROSTER).objective == 307
    everything = {(p, d) for p in range(2) for d in range(7)}
    assert cells.read(ROSTER, everything, list(solver.response_proto.solution)) == ROSTER


def test_free_cells_are_hinted_and_read_from_the_solution() -> None:
    """A's week is free: the hint holds A's cells; the roster read keeps B's and takes A's."""
    ctx = build_model(PROBLEM)
    cells = _Cells(ctx)
    free = {(0, d) for d in range(7)}
    hint = cells.hint(ROSTER, free)
    # each of A's days: the work variable and one variable per shift A may work (D, N)
    assert len(hint) == 7 * 3
    assert sum(lit >= 0 for lit in hint) == 2 * sum(c != "OFF" for c in ROSTER["A"])
    sub = ctx.model.clone()
    sub.proto.constraints.add().bool_and.literals.extend(cells.fix(ROSTER, free))
    solver = _solve(sub)
    read = cells.read(ROSTER, free, list(solver.response_proto.solution))
    assert read["B"] == ROSTER["B"]
    assert check_roster(PROBLEM, read).objective == round(solver.objective_value) <= 307
    assert not check_roster(PROBLEM, read).violations


def _hot(penalty: Penalty, seed: int = 0) -> tuple[set[tuple[int, int]], bool]:
    ctx = build_model(PROBLEM)
    hoods = _Neighbourhoods(ctx, random.Random(seed), _Sizes())
    picked = hoods.hot(CheckReport(penalties=[penalty]), ROSTER)
    assert picked is not None
    return picked


def test_a_persons_penalty_frees_that_person_for_the_whole_horizon() -> None:
    free, by_people = _hot(Penalty("on", "B", 2, 3, 1, "D"))
    assert by_people
    assert {(1, d) for d in range(7)} <= free


def test_a_cover_gap_frees_its_day() -> None:
    """N on day 2 is short: only A may work N, so everybody is freed on days around day 2."""
    for seed in range(5):
        free, by_people = _hot(Penalty("under", "", 2, 100, 1, "N"), seed)
        assert not by_people
        assert {(0, 2), (1, 2)} <= free


def test_no_penalty_with_a_day_gives_no_hot_neighbourhood() -> None:
    ctx = build_model(PROBLEM)
    hoods = _Neighbourhoods(ctx, random.Random(0), _Sizes())
    assert hoods.hot(CheckReport(penalties=[Penalty("fair", "", None, 5, 1)]), ROSTER) is None


@pytest.mark.parametrize("options", [
    LnsOptions(hot_share=1.0, light_presolve=True),  # only hot neighbourhoods
    LnsOptions(hot_share=0.3, adaptive=True),  # kinds picked by their recent gains
])
def test_hot_and_adaptive_searches_improve_and_agree_with_the_checker(
        options: LnsOptions) -> None:
    """A deterministic budget: better than 307, and the objective is the checker's."""
    ctx = build_model(PROBLEM)
    roster, objective, stats = improve(
        ctx, {pid: list(cells) for pid, cells in ROSTER.items()}, 307,
        Budget(0.02, deterministic=True), workers=1, options=options)
    assert stats.steps > 0
    report = check_roster(PROBLEM, roster)
    assert not report.violations
    assert report.objective == objective < 307


def test_benchmark_steps_are_longer_on_big_instances(monkeypatch: pytest.MonkeyPatch) -> None:
    """solve_settings: 0.5 s steps on a small instance, 1 s above SPLIT_ABOVE shift variables."""
    settings = solve_settings(PROBLEM, 60, 2, 0)
    assert (settings.time_limit, settings.workers, settings.seed) == (60, 2, 0)
    assert settings.lns.step_seconds == 0.5
    monkeypatch.setattr(roster.curtois, "SPLIT_ABOVE", 2 * 7 * 2 - 1)
    assert solve_settings(PROBLEM, 60, 2, 0).lns.step_seconds == 1.0


def test_benchmark_builds_every_first_roster_person_by_person() -> None:
    """solve_settings: split_above 0, so even a small instance's first roster is built one
    person after another against the cover; the call center's default stays SPLIT_ABOVE."""
    assert solve_settings(PROBLEM, 60, 2, 0).split_above == 0
    assert SolveSettings().split_above == SPLIT_ABOVE == 20_000
