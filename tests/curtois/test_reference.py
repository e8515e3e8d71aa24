"""The engine's checker agrees with a reference written straight from FORMAT.md's formulas.

On random rosters of the tiny instance and of small shared instances: the same hard rules are
found broken, and the objective and its split are the same.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from roster.curtois import check_solution, to_problem
from roster.io.curtois import Instance, parse_instance, read_instance_file

from .test_reader import BENCH
from .tiny import TINY, VALID

# x[e][d]: the shift of employee e on day d, or "" (off)
Grid = dict[str, list[str]]


def reference(instance: Instance, x: Grid) -> tuple[set[str], dict[str, int]]:
    """(hard rules broken, objective split), by FORMAT.md §3-4 literally."""
    h = instance.horizon
    length = {s.id: s.minutes for s in instance.shifts}
    broken: set[str] = set()
    for e in instance.employees:
        row = x[e.id]
        work = [1 if row[d] else 0 for d in range(h)]
        for t in instance.shifts:  # H2
            for u in t.cannot_follow:
                if any(row[d] == t.id and row[d + 1] == u for d in range(h - 1)):
                    broken.add("H2")
        for s, limit in e.max_shifts.items():  # H3
            if sum(1 for d in range(h) if row[d] == s) > limit:
                broken.add("H3")
        minutes = sum(length[row[d]] for d in range(h) if row[d])  # H4
        if not e.min_total_minutes <= minutes <= e.max_total_minutes:
            broken.add("H4")
        cmax = e.max_consecutive_shifts  # H5
        if any(sum(work[d:d + cmax + 1]) > cmax for d in range(h - cmax)):
            broken.add("H5")
        for rule, cmin, on in (("H6", e.min_consecutive_shifts, 1),
                               ("H7", e.min_consecutive_days_off, 0)):
            flag = [w if on else 1 - w for w in work]  # H6 on worked days, H7 on days off
            for s in range(1, cmin):
                for d in range(h - s - 1):
                    if flag[d] + (s - sum(flag[d + 1:d + s + 1])) + flag[d + s + 1] < 1:
                        broken.add(rule)
        weekends = sum(1 for k in range(h // 7) if work[7 * k + 5] or work[7 * k + 6])  # H8
        if weekends > e.max_weekends:
            broken.add("H8")
        if any(work[d] for d in instance.days_off.get(e.id, ())):  # H9
            broken.add("H9")
    split = {
        "on": sum(r.weight for r in instance.on_requests if x[r.employee_id][r.day] != r.shift_id),
        "off": sum(r.weight for r in instance.off_requests
                   if x[r.employee_id][r.day] == r.shift_id),
        "under": 0,
        "over": 0,
    }
    for c in instance.cover:
        n = sum(1 for e in instance.employees if x[e.id][c.day] == c.shift_id)
        split["under"] += c.weight_under * max(0, c.requirement - n)
        split["over"] += c.weight_over * max(0, n - c.requirement)
    return broken, split


@st.composite
def grids(draw: st.DrawFn, instance: Instance) -> Grid:
    """Mostly plausible rows: each day off with a drawn probability, else any shift."""
    codes = [s.id for s in instance.shifts]
    off_weight = draw(st.integers(1, 6))
    cell = st.sampled_from([""] * off_weight + codes)
    return {e.id: draw(st.lists(cell, min_size=instance.horizon, max_size=instance.horizon))
            for e in instance.employees}


def agree(instance: Instance, x: Grid) -> None:
    checked = check_solution(to_problem(instance),
                             {e: [[c] if c else [] for c in row] for e, row in x.items()})
    broken, split = reference(instance, x)
    assert {v.rule_id for v in checked.report.violations} == broken
    assert checked.split == split
    assert checked.objective == sum(split.values())


PROPERTY = settings(max_examples=150, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
TINY_INSTANCE = parse_instance(TINY, "Tiny.txt")


@PROPERTY
@given(x=grids(TINY_INSTANCE))
def test_tiny_instance_agrees_with_the_reference(x: Grid) -> None:
    """The tiny instance: hard rules broken and the objective split, as the reference says."""
    agree(TINY_INSTANCE, x)


@PROPERTY
@given(data=st.data())
def test_near_valid_rosters_agree_with_the_reference(data: st.DataObject) -> None:
    """The tiny instance's valid roster with 1-3 cells changed: each rule's edge cases."""
    x = {e: ["" if c == "." else c for c in cells.split()] for e, cells in VALID.items()}
    for _ in range(data.draw(st.integers(1, 3))):
        e = data.draw(st.sampled_from(sorted(x)))
        x[e][data.draw(st.integers(0, 6))] = data.draw(st.sampled_from(["", "D", "N"]))
    agree(TINY_INSTANCE, x)


@pytest.mark.parametrize("name", ["Instance1", "Instance3", "Instance5"])
def test_shared_instances_agree_with_the_reference(name: str) -> None:
    """Small shared instances, on random rosters: as the reference says."""
    path: Path = BENCH / f"{name}.txt"
    if not path.is_file():
        pytest.skip(f"no {path}")
    instance = read_instance_file(path)

    @settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(x=grids(instance))
    def run(x: Grid) -> None:
        agree(instance, x)

    run()
