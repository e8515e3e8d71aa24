"""A department's time left over (solver.solve.solve_many): the centers proven optimal early
leave time that goes back to those not proven optimal (_revisit), and resume() uses it: it
branches on the root the solve had no time to branch on, then searches from the better roster.

On the tiny problem of tests/test_branching.py (optimum 7, root bound 0), from the roster that
leaves day 0 short (both people off on the rest day: 100).
"""

from __future__ import annotations

import math
from dataclasses import replace

import pytest

from solver import solve as solve_module
from solver.budget import Budget
from solver.check import check_roster
from solver.colgen import ColumnGeneration
from solver.problem import OFF, Problem
from solver.solve import SolveResult, SolveSettings, _revisit, resume, solve_many
from tests.test_branching import (
    BEST_BOXES,
    GENEROUS,
    NODES,
    OPTIMUM,
    ROOT_LP,
    UNDER,
    generation,
    tiny,
)

#: both people off on the rest day: day 1 covered twice (no price over), day 0 short by one
SHORT_DAY_0 = {"P1": [OFF, "D"], "P2": [OFF, "D"]}
SHORT_DAY_0_OBJECTIVE = UNDER  # 100: day 0 short by one; W3 spread 0


def waiting(generation: ColumnGeneration | None = None) -> SolveResult:
    """A result of the tiny problem not proven optimal: SHORT_DAY_0 against the root's bound."""
    problem = tiny()
    report = check_roster(problem, SHORT_DAY_0)
    assert report.objective == SHORT_DAY_0_OBJECTIVE
    return SolveResult(name=problem.name, status="FEASIBLE",
                       roster={pid: list(cells) for pid, cells in SHORT_DAY_0.items()},
                       objective=report.objective, bound=ROOT_LP, seconds=5.0, report=report,
                       generation=generation)


# --- branching again after dives ----------------------------------------------------------

def test_branching_after_dives_solves_the_root_again() -> None:
    """Dives change the master (they fix columns, add some, and leave the LP of their last
    step); branch() after them solves the root's LP again first, and so finds the same 5 nodes,
    bound 7 and best boxes as right after the root. (Without it, it split on the LP the dive
    left, every count whole, and ended at the root's 0.)"""
    g = generation(tiny())
    dived = g.dives(Budget(GENEROUS), target=OPTIMUM)
    assert dived is not None and check_roster(tiny(), dived).objective == OPTIMUM
    assert g.branch(Budget(GENEROUS)) == OPTIMUM
    assert g.nodes == NODES
    assert g.best_boxes == BEST_BOXES


# --- resume() ---------------------------------------------------------------------------

def test_resume_branches_on_the_kept_root_and_proves_the_optimum(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Given 20 s (at least column_branch_min_seconds, 8), resume() branches on the root the
    result kept: bound 7, and the dives under the best boxes find 7, which meets it: OPTIMAL
    with no search after (the neighbourhood search is made to fail the test if called). The
    branching and dives get column_short_share (0.8) of the 20 s; the seconds add to the
    result's 5; the root is dropped from the result."""
    phases: list[float] = []
    branch_and_dive = solve_module._branch_and_dive

    def spy(problem: Problem, settings: SolveSettings, budget: Budget,
            g: ColumnGeneration, seconds: float, **kw: object) -> object:
        phases.append(seconds)
        return branch_and_dive(problem, settings, budget, g, seconds, **kw)  # type: ignore[arg-type]

    def no_search(*args: object, **kw: object) -> object:
        raise AssertionError("no search after a proof")

    monkeypatch.setattr(solve_module, "_branch_and_dive", spy)
    monkeypatch.setattr(solve_module, "improve", no_search)
    lines: list[tuple[str, float, float, float]] = []
    result = resume(tiny(), waiting(generation(tiny())),
                    SolveSettings(time_limit=20, workers=2, deterministic=True),
                    progress=lambda *line: lines.append(line))
    assert (result.status, result.objective, result.bound) == ("OPTIMAL", OPTIMUM, 7.0)
    assert result.report.objective == OPTIMUM and result.report.violations == []
    assert phases == [20 * 0.8]
    assert result.generation is None
    assert result.seconds > 5.0
    assert [(name, objective, bound) for name, _, objective, bound in lines] == [
        ("tiny", OPTIMUM, 7.0)]


def test_resume_without_time_to_branch_searches_from_the_roster(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Given 1 s (under column_branch_min_seconds) resume() does not branch: the search from
    the result's 100 finds 7, but the bound stays the root's 0, so the result is FEASIBLE."""
    monkeypatch.setattr(solve_module, "_branch_and_dive", None)  # (calling it would fail)
    result = resume(tiny(), waiting(generation(tiny())), SolveSettings(time_limit=1, workers=2))
    assert (result.status, result.objective, result.bound) == ("FEASIBLE", OPTIMUM, ROOT_LP)
    assert result.generation is None


def test_resume_leaves_a_result_proven_optimal_as_it_is() -> None:
    optimal = replace(waiting(), status="OPTIMAL", bound=float(SHORT_DAY_0_OBJECTIVE))
    assert resume(tiny(), optimal, SolveSettings(time_limit=1)) is optimal


def test_resume_never_returns_a_worse_roster(monkeypatch: pytest.MonkeyPatch) -> None:
    """A search that finds nothing better (made to give back what it got) leaves the roster
    and its objective as they were; the status stays FEASIBLE."""
    monkeypatch.setattr(solve_module, "improve",
                        lambda ctx, roster, objective, budget, **kw: (roster, objective, None))
    result = resume(tiny(), waiting(), SolveSettings(time_limit=1, workers=2))
    assert (result.status, result.objective) == ("FEASIBLE", SHORT_DAY_0_OBJECTIVE)
    assert result.roster == SHORT_DAY_0


# --- _revisit: who gets the time left --------------------------------------------------------

def gapped(name: str, objective: int, bound: float, **kw: object) -> SolveResult:
    return SolveResult(name=name, status="FEASIBLE", roster={"P1": [OFF]},
                       objective=objective, bound=bound, **kw)  # type: ignore[arg-type]


def test_the_time_left_goes_to_the_largest_gaps_in_proportion(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """12 s left; gaps 30 (c: 40 - 10), 10 (a: 15 - 5) and 0 (b, proven optimal), and d
    stopped by a stop request. c first: 12 * 30 / 40 = 9 s; its resume takes them all (the
    fake clock moves by the share), so a gets 3 * 10 / 10 = 3 s. b and d are not revisited."""
    clock_at = [100.0]
    calls: list[tuple[str, float]] = []

    def fake_resume(problem: Problem, result: SolveResult, settings: SolveSettings,
                    **kw: object) -> SolveResult:
        calls.append((result.name, settings.time_limit))
        clock_at[0] += settings.time_limit
        return replace(result, objective=int(result.bound))

    monkeypatch.setattr(solve_module, "resume", fake_resume)
    results = {0: gapped("a", 15, 5.0), 1: replace(gapped("b", 8, 8.0), status="OPTIMAL"),
               2: gapped("c", 40, 10.0), 3: gapped("d", 50, 0.0, interrupted=True)}
    _revisit([tiny()] * 4, results, SolveSettings(), deadline=112.0, progress=None,
             stop=None, clock=lambda: clock_at[0])
    assert calls == [("c", 12 * 30 / 40), ("a", 3 * 10 / 10)]
    assert [results[i].objective for i in range(4)] == [5, 8, 10, 50]


def test_no_revisit_under_a_second_and_the_roots_are_dropped(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """0.9 s left (under REVISIT_MIN_SECONDS, 1): nobody is revisited; the column generation
    a result kept is dropped all the same. With 4 s left and gaps 30 and 1, the second's share
    after the first took its 4 * 30 / 31 s would be under a second: only the first."""
    assert solve_module.REVISIT_MIN_SECONDS == 1.0
    calls: list[str] = []

    def fake_resume(problem: Problem, result: SolveResult, settings: SolveSettings,
                    **kw: object) -> SolveResult:
        calls.append(result.name)
        return result

    monkeypatch.setattr(solve_module, "resume", fake_resume)
    kept = gapped("a", 15, 5.0, generation=object())
    results = {0: kept}
    _revisit([tiny()], results, SolveSettings(), deadline=10.0, progress=None, stop=None,
             clock=lambda: 9.1)
    assert calls == [] and results[0].generation is None

    clock_at = [0.0]

    def slow_resume(problem: Problem, result: SolveResult, settings: SolveSettings,
                    **kw: object) -> SolveResult:
        calls.append(result.name)
        clock_at[0] += settings.time_limit
        return result

    monkeypatch.setattr(solve_module, "resume", slow_resume)
    results = {0: gapped("a", 31, 1.0), 1: gapped("b", 2, 1.0)}
    _revisit([tiny()] * 2, results, SolveSettings(), deadline=4.0, progress=None, stop=None,
             clock=lambda: clock_at[0])
    assert calls == ["a"]


def test_solve_many_gives_the_time_left_to_a_center_not_proven_optimal(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Two tiny problems on 2 workers (one after the other), 4 s in all: the first is made to
    end at once on SHORT_DAY_0 (100, bound 0; its solve is replaced), the second is proven
    optimal in well under its share. The time left goes to the first by resume(), whose search
    finds 7. Not in deterministic mode: there the shares are fixed and nothing is revisited."""
    solve = solve_module.solve

    def quick(problem: Problem, settings: SolveSettings, **kw: object) -> SolveResult:
        if problem.name == "first":
            return replace(waiting(), name="first")
        return solve(problem, settings, **kw)  # type: ignore[arg-type]

    monkeypatch.setattr(solve_module, "solve", quick)
    problems = [tiny(name="first"), tiny(name="second")]
    results = solve_many(problems, SolveSettings(time_limit=4, workers=2))
    assert [(r.name, r.objective) for r in results] == [("first", OPTIMUM), ("second", OPTIMUM)]
    results = solve_many(problems, SolveSettings(time_limit=4, workers=2, deterministic=True))
    assert [(r.name, r.objective) for r in results] == [
        ("first", SHORT_DAY_0_OBJECTIVE), ("second", OPTIMUM)]


def test_only_the_largest_gaps_keep_their_roots() -> None:
    """KEPT_ROOTS (2) results keep their column generation: those of the largest gaps (30 and
    10; not 2, and a result proven optimal has a gap of 0)."""
    assert solve_module.KEPT_ROOTS == 2
    results = {0: gapped("a", 15, 5.0, generation=object()),
               1: gapped("b", 12, 10.0, generation=object()),
               2: gapped("c", 40, 10.0, generation=object()),
               3: replace(gapped("d", 8, 8.0, generation=object()), status="OPTIMAL")}
    solve_module._keep_roots(results)
    assert [r.name for r in results.values() if r.generation is not None] == ["a", "c"]


@pytest.mark.parametrize(("limit", "kept"), [(10, True), (20, False)])
def test_the_phase_keeps_its_root_only_when_it_did_not_branch(limit: float, kept: bool) -> None:
    """Under column_short_seconds (19) the phase does not branch and keeps its converged root
    for resume(); at 20 s it branches (on the tiny problem: bound 7) and keeps none."""
    settings = SolveSettings(time_limit=limit, workers=2, deterministic=True)
    budget = Budget(limit, deterministic=True)
    outcome = solve_module._column_phase(tiny(), settings, budget, SHORT_DAY_0)
    assert (outcome.generation is not None) == kept
    assert outcome.bound == (ROOT_LP if kept else 7.0)
    if kept:
        assert outcome.generation is not None and outcome.generation.converged
        assert outcome.generation.nodes == 0


def test_resume_branches_when_given_exactly_the_minimum(monkeypatch: pytest.MonkeyPatch) -> None:
    """Given exactly column_branch_min_seconds (8) of wall time, resume() branches: the
    threshold is on the time it was given, not on what is left a moment after it started
    (branching and dives made to end at once with nothing; the search made to give back its
    roster)."""
    calls: list[float] = []

    def branch_and_dive(problem: Problem, settings: SolveSettings, budget: Budget,
                        g: ColumnGeneration, seconds: float, **kw: float) -> object:
        calls.append(seconds)
        return kw["bound"], None, math.inf, 0.0

    monkeypatch.setattr(solve_module, "_branch_and_dive", branch_and_dive)
    monkeypatch.setattr(solve_module, "improve",
                        lambda ctx, roster, objective, budget, **kw: (roster, objective, None))
    assert SolveSettings().column_branch_min_seconds == 8.0
    result = resume(tiny(), waiting(generation(tiny())), SolveSettings(time_limit=8, workers=2))
    assert len(calls) == 1 and 7.9 * 0.8 < calls[0] <= 8 * 0.8
    assert (result.status, result.objective) == ("FEASIBLE", SHORT_DAY_0_OBJECTIVE)
