"""Reading benchmark instances (every shared one, and hand-made faulty ones) and solution files."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from roster.curtois import read_instance, to_problem
from roster.errors import InputError
from roster.io.curtois import (
    CoverRow,
    Employee,
    Request,
    ShiftType,
    parse_instance,
    parse_solution,
    read_instance_file,
    solution_csv,
)
from solver.problem import OFF

from .tiny import TINY, VALID, solution_text, write_tiny

BENCH = Path(os.environ.get("CURTOIS_DIR", "/work/shared/bench/curtois")) / "instances"

# FORMAT.md §5: instance -> (days, employees, shift types)
SIZES = {
    1: (14, 8, 1), 2: (14, 14, 2), 3: (14, 20, 3), 4: (28, 10, 2), 5: (28, 16, 2),
    6: (28, 18, 3), 7: (28, 20, 3), 8: (28, 30, 4), 9: (28, 36, 4), 10: (28, 40, 5),
    11: (28, 50, 6), 12: (28, 60, 10), 13: (28, 120, 18), 14: (42, 32, 4), 15: (42, 45, 6),
    16: (56, 20, 3), 17: (56, 32, 4), 18: (84, 22, 3), 19: (84, 40, 5), 20: (182, 50, 6),
    21: (182, 100, 8), 22: (364, 50, 10), 23: (364, 100, 16), 24: (364, 150, 32),
}
SHARED = sorted(int(p.stem.removeprefix("Instance")) for p in BENCH.glob("Instance*.txt")
                if p.stem.removeprefix("Instance").isdigit()) if BENCH.is_dir() else []


def test_the_shared_instances_are_there() -> None:
    """The shared folder holds the odd instances 1-23 (skipped where it is not mounted)."""
    if not BENCH.is_dir():
        pytest.skip(f"no benchmark folder {BENCH}")
    assert SHARED == [1, 3, 5, 7, 9, 11, 13, 15, 17, 19, 21, 23]


@pytest.mark.parametrize("number", SHARED)
def test_every_shared_instance_reads_with_its_published_size(number: int) -> None:
    """Days, employees and shift types as FORMAT.md §5; cover for every day and shift; the
    constant weights and lengths the format notes."""
    instance = read_instance_file(BENCH / f"Instance{number}.txt")
    days, num_employees, num_shifts = SIZES[number]
    assert (instance.horizon, len(instance.employees), len(instance.shifts)) == (
        days, num_employees, num_shifts)
    assert instance.name == f"Instance{number}"
    assert {(c.day, c.shift_id) for c in instance.cover} == {
        (d, s.id) for d in range(days) for s in instance.shifts}
    assert {(c.weight_under, c.weight_over) for c in instance.cover} == {(100, 1)}
    assert {r.weight for r in (*instance.on_requests, *instance.off_requests)} <= {1, 2, 3}
    assert {s.minutes for s in instance.shifts} <= {480, 600, 720}
    assert all(set(e.max_shifts) == {s.id for s in instance.shifts} for e in instance.employees)
    problem = to_problem(instance)
    assert (problem.num_days, len(problem.people), len(problem.shifts)) == (
        days, num_employees, num_shifts)
    assert [d.weekday for d in problem.days[:8]] == [0, 1, 2, 3, 4, 5, 6, 0]
    assert len(problem.fixed) == sum(len(v) for v in instance.days_off.values())


def test_instance1_in_detail() -> None:
    """Instance1: one shift D; A's limits; A's day off; 21 on and 5 off requests; cover."""
    path = BENCH / "Instance1.txt"
    if not path.is_file():
        pytest.skip(f"no {path}")
    instance = read_instance_file(path)
    assert instance.shifts == (ShiftType("D", 480, ()),)
    assert instance.employees[0] == Employee("A", {"D": 14}, 4320, 3360, 5, 2, 2, 1)
    assert [e.id for e in instance.employees] == list("ABCDEFGH")
    assert instance.days_off["A"] == (0,) and instance.days_off["H"] == (7,)
    assert len(instance.on_requests) == 21 and len(instance.off_requests) == 5
    assert instance.on_requests[0] == Request("A", 2, "D", 2)
    assert instance.off_requests[-1] == Request("H", 3, "D", 3)
    assert instance.cover[1] == CoverRow(1, "D", 7, 100, 1)
    problem = read_instance(path)
    assert problem.fixed[("A", 0)] == OFF
    assert [r.rule_id for r in problem.rules] == [
        "H1", "H2", "H3", "H4", "H5", "H6", "H7", "H8", "H9", "on", "off", "under"]


def test_tiny_instance_with_crlf_and_forward_references(tmp_path: Path) -> None:
    """CRLF line endings; cannot-follow lists; MaxShifts =0 leaves the shift out of allowed."""
    instance = read_instance_file(write_tiny(tmp_path))
    assert instance.name == "Tiny"
    assert instance.shifts == (ShiftType("D", 480, ()), ShiftType("N", 720, ("D",)))
    assert instance.employees[1] == Employee("B", {"D": 7, "N": 0}, 3360, 0, 7, 1, 1, 0)
    problem = to_problem(instance)
    assert problem.person("A").allowed is None
    assert problem.person("B").allowed == frozenset({"D"})
    assert dict(problem.fixed) == {("A", 0): OFF, ("B", 3): OFF}
    assert [d.is_rest_day for d in problem.days] == [False] * 5 + [True] * 2


def test_forward_reference_in_cannot_follow() -> None:
    """A shift may name shifts defined after it (Instance13's a5 names d1 …)."""
    text = TINY.replace("D,480,\nN,720,D", "D,480,N\nN,720,D")
    assert parse_instance(text, "t.txt").shifts[0] == ShiftType("D", 480, ("N",))


def errors(text: str) -> list[str]:
    with pytest.raises(InputError) as info:
        parse_instance(text, "Bad.txt")
    return [str(p) for p in info.value.problems]


def test_every_problem_is_reported_with_its_line() -> None:
    """An unknown shift in MaxShifts, a bad number, an unknown employee, a day out of range,
    an unknown shift in the cover: all at once, each naming the file and the line."""
    text = (TINY.replace("A,D=7|N=2,3360", "A,D=7|X=2,3360")
            .replace("B,D=7|N=0,3360,0,7", "B,D=7|N=0,3360,zero,7")
            .replace("B,3\n", "C,3\n")
            .replace("A,6,D,3", "A,7,D,3")
            .replace("6,N,0,100,1", "6,Q,0,100,1"))
    assert errors(text) == [
        "Bad.txt: line 12: unknown shift in the MaxShifts of A 'X'",
        "Bad.txt: line 13: MinTotalMinutes of B must be a whole number, found 'zero'",
        "Bad.txt: line 18: unknown employee 'C'",
        "Bad.txt: line 24: the day of a shift-on request must be between 0 and 6, found 7",
        "Bad.txt: line 46: unknown shift 'Q'",
    ]


@pytest.mark.parametrize(("old", "new", "message"), [
    ("SECTION_HORIZON\n7\n", "", "Bad.txt: SECTION_HORIZON is missing"),
    ("7\n", "0\n", "Bad.txt: line 3: the horizon must be between 1 and 3660, found 0"),
    ("N,720,D", "N,720,E", "Bad.txt: line 8: unknown shift in the cannot-follow list 'E'"),
    ("N,720,D", "D,720,", "Bad.txt: line 8: shift 'D' is defined twice"),
    ("N,720,D", "OFF,720,", "Bad.txt: line 8: shift ID 'OFF' is reserved for a day off"),
    ("B,D=7|N=0,3360,0,7,1,1,0", "A,D=7|N=0,3360,0,7,1,1,0",
     "Bad.txt: line 13: employee 'A' is listed twice"),
    ("A,D=7|N=2,3360,1200,4,2,2,1", "A,D=7|N=2,3360,1200,4,2,2",
     "Bad.txt: line 12: expected 8 comma-separated fields"),
    ("A,D=7|N=2,3360,1200", "A,D=7|N=2,1000,1200",
     "Bad.txt: line 12: MinTotalMinutes 1200 of A is above its MaxTotalMinutes 1000"),
    ("4,D,1,100,2", "4,D,-1,100,2",
     "Bad.txt: line 41: the requirement of a cover row must be between 0 and 1000000, found -1"),
    ("4,N,0,100,1", "4,D,0,100,1", "Bad.txt: line 42: cover of shift D on day 4 is given twice"),
    ("SECTION_COVER", "SECTION_DEMAND", "Bad.txt: line 31: unknown section 'SECTION_DEMAND'"),
    ("SECTION_COVER", "SECTION_COVER\n7\n\nSECTION_HORIZON",
     "Bad.txt: line 34: SECTION_HORIZON appears a second time"),
    ("B,3\n", "B,3\n\nstray\n", "Bad.txt: line 20: 'stray' is outside any section"),
])
def test_one_faulty_line(old: str, new: str, message: str) -> None:
    """Each mistake is reported with the file and the line, as the first problem."""
    assert old in TINY
    assert errors(TINY.replace(old, new, 1))[0].startswith(message)


def test_a_section_may_start_without_a_blank_line_before() -> None:
    """SECTION_COVER right after the last off request still starts the cover section."""
    instance = parse_instance(TINY.replace("\nSECTION_COVER", "SECTION_COVER"), "t.txt")
    assert len(instance.cover) == 14


def test_missing_file_is_input_error(tmp_path: Path) -> None:
    """A missing file is invalid input, naming the file."""
    with pytest.raises(InputError, match=r"Nope\.txt: file not found"):
        read_instance(tmp_path / "Nope.txt")


# --- solution files ----------------------------------------------------------------------------

INSTANCE = parse_instance(TINY, "Tiny.txt")


def solution_errors(text: str) -> list[str]:
    with pytest.raises(InputError) as info:
        parse_solution(text, "sol.csv", INSTANCE)
    return [str(p) for p in info.value.problems]


def test_solution_reads_back_what_is_written() -> None:
    """solution_csv then parse_solution gives the same shifts; off days are empty."""
    roster = {e: [OFF if c == "." else c for c in cells.split()] for e, cells in VALID.items()}
    text = solution_csv(INSTANCE, roster)
    assert text.splitlines()[:3] == ["employee_id,day_index,shift_id", "A,0,", "A,1,D"]
    assert len(text.splitlines()) == 1 + 2 * 7
    read = parse_solution(text, "sol.csv", INSTANCE)
    assert read["A"] == [[], ["D"], ["D"], ["D"], ["D"], [], []]
    assert read["B"][3] == []


def test_solution_two_shifts_a_day_are_kept() -> None:
    """Two rows with different shifts for one employee and day: both kept (H1 is the checker's)."""
    read = parse_solution(solution_text(VALID, "A,2,N\n"), "sol.csv", INSTANCE)
    assert read["A"][2] == ["D", "N"]


def test_solution_problems_with_their_lines() -> None:
    """Unknown employee, unknown shift, day outside the horizon, a row given twice, rows missing."""
    text = solution_text({"A": VALID["A"]}, "C,0,D\nB,0,X\nB,9,D\nA,1,D\n")
    assert solution_errors(text) == [
        "sol.csv: line 9: unknown employee 'C'",
        "sol.csv: line 10: unknown shift 'X'",
        "sol.csv: line 11: day_index must be between 0 and 6, found 9",
        "sol.csv: line 12: employee A on day 1 is given 2 times, not as different shifts "
        "(lines 3, 12)",
        "sol.csv: no row for employee B on day(s) 0-6 (an empty shift_id is a day off)",
    ]


def test_solution_header_is_required() -> None:
    """The header must be employee_id,day_index,shift_id."""
    assert solution_errors("employee,day,shift\n") == [
        "sol.csv: line 1: the header must be employee_id,day_index,shift_id, found "
        "'employee,day,shift'"]
    assert solution_errors("") == [
        "sol.csv: the header must be employee_id,day_index,shift_id, found 'an empty file'"]
