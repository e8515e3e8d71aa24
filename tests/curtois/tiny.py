"""A hand-made 7-day instance in the benchmark's format (day 0 is a Monday; days 5, 6 the weekend).

A: D at most 7, N at most 2; 1,200-3,360 minutes; 2-4 days in a row; at least 2 days off in a
row; 1 weekend; day 0 off. B: never N; any minutes; 1-7 days in a row, 1 day off; no weekend;
day 3 off. N may not be followed by D.
"""

from __future__ import annotations

from pathlib import Path

TINY = """\
# A tiny instance, written by hand for the tests
SECTION_HORIZON
7

SECTION_SHIFTS
# ShiftID, Length in mins, Shifts which cannot follow this shift | separated
D,480,
N,720,D

SECTION_STAFF
# ID, MaxShifts, MaxTotalMin, MinTotalMin, MaxConsecutive, MinConsecutive, MinDaysOff, MaxWeekends
A,D=7|N=2,3360,1200,4,2,2,1
B,D=7|N=0,3360,0,7,1,1,0

SECTION_DAYS_OFF
# EmployeeID, DayIndexes (start at zero)
A,0
B,3

SECTION_SHIFT_ON_REQUESTS
# EmployeeID, Day, ShiftID, Weight
A,1,D,2
B,2,D,3
A,6,D,3

SECTION_SHIFT_OFF_REQUESTS
# EmployeeID, Day, ShiftID, Weight
A,2,N,1
B,1,D,1

SECTION_COVER
# Day, ShiftID, Requirement, Weight for under, Weight for over
0,D,1,100,1
0,N,0,100,1
1,D,2,100,1
1,N,0,100,1
2,D,1,100,1
2,N,1,100,1
3,D,1,100,1
3,N,0,100,1
4,D,1,100,2
4,N,0,100,1
5,D,1,100,1
5,N,0,100,1
6,D,1,100,1
6,N,0,100,1
"""

# A valid roster: A off on day 0, D on days 1-4, off on the weekend; B D except day 3 and the
# weekend. Its objective (see test_check.py): on 3, off 1, under 300, over 3 = 307.
VALID = {"A": ". D D D D . .", "B": "D D D . D . ."}


def write_tiny(folder: Path, text: str = TINY, name: str = "Tiny.txt") -> Path:
    path = folder / name
    path.write_bytes(text.replace("\n", "\r\n").encode())  # CRLF, as the official files
    return path


def solution_text(rows: dict[str, str], extra: str = "") -> str:
    """Solution CSV from one string per employee ('.' is a day off), plus extra rows."""
    lines = ["employee_id,day_index,shift_id"]
    for employee, cells in rows.items():
        for day, cell in enumerate(cells.split()):
            lines.append(f"{employee},{day},{'' if cell == '.' else cell}")
    return "\n".join(lines) + "\n" + extra
