"""A small hand-built department and roster for the export tests.

One center IN in October 2026 (National Day: the 1st to the 7th are public holidays; the 10th, a
Saturday, is a make-up workday; the other weekend days are the 11th, 17th, 18th, 24th, 25th and
31st): director D1, senior leader S1, team leader T1, agents A1-A3; shifts E (08:00-16:30), L
(14:00-22:00, late) and N (22:00-06:00, a night shift ending the next day). Agent A3's name starts
with "=", as a formula would.

The roster breaks rules on purpose (R1: D1 and S1 are both off on the 5th, among others): the
exports must show it, not refuse it. Every row has 23 worked days and 8 days off.
"""

from __future__ import annotations

from pathlib import Path

SCENARIO_TOML = """\
[scenario]
name = "Export test"
month = "2026-10"
language = "{language}"

[[centers]]
id = "IN"
name = "Inbound"

[[shifts]]
code = "E"
name = "早班"
aliases = ["早"]
start = "08:00"
end = "16:30"

[[shifts]]
code = "L"
name = "晚班"
start = "14:00"
end = "22:00"
late = true

[[shifts]]
code = "N"
name = "夜班"
start = "22:00"
end = "06:00"
"""

STAFF = """\
employee_id,name,role,center,team
D1,Dana,director,IN,
S1,Sam,senior_leader,IN,A
T1,Tia,team_leader,IN,A
A1,Ann,agent,IN,A
A2,Bob,agent,IN,B
A3,=1+2,agent,IN,B
"""

DEMAND = """\
center,day,shift,min_agents,target_agents,min_leaders
IN,all,E,1,2,0
IN,all,L,1,1,0
"""

DAYS = range(1, 32)
WEEKDAYS_ZH = "四五六日一二三" * 5  # the 1st is a Thursday


def row(default: str, **days: list[int]) -> list[str]:
    """``default`` every day, except the days listed under another cell (OFF=[…], E=[…])."""
    cells = {d: default for d in DAYS}
    for cell, listed in days.items():
        for d in listed:
            cells[d] = cell
    return [cells[d] for d in DAYS]


ROSTER: dict[str, list[str]] = {
    "D1": row("E", OFF=[5, 12, 19, 26, 27, 28, 29, 30]),
    "S1": row("E", OFF=[5, 6, 13, 20, 21, 22, 23, 24]),
    "T1": row("L", OFF=[8, 9, 15, 16, 22, 23, 29, 30]),
    "A1": row("E", OFF=[1, 2, 3, 4, 5, 6, 7, 8]),
    "A2": row("L", OFF=[10, 11, 17, 18, 24, 25, 31], LEAVE=[15]),
    "A3": row("N", OFF=[1, 2, 8, 9, 16, 23, 30, 31], E=[3], L=[4]),
}
ACTING_DAYS = [5, 12, 19, 26, 27, 28, 29, 30]  # D1 off

# (days worked, days off, weekend/holiday days off, late shifts), by hand:
# D1: of its days off only the 5th is a holiday. S1: the 5th, 6th (holidays) and 24th (Sat).
# T1: off on Thursdays and Fridays only; L every worked day. A1: off the 1st-8th, 7 holidays.
# A2: the 10th is a make-up workday, not a rest day; the leave on the 15th is a day off.
# A3: the 1st, 2nd (holidays) and 31st (Sat); late: one L (the 4th) and 21 N (N ends after 21:00,
# so it is a late shift by default, docs/scenario.md).
TOTALS = {
    "D1": (23, 8, 1, 0),
    "S1": (23, 8, 3, 0),
    "T1": (23, 8, 0, 23),
    "A1": (23, 8, 7, 0),
    "A2": (23, 8, 6, 23),
    "A3": (23, 8, 3, 22),
}
R1_MESSAGE = "R1: director Dana (D1) and senior leader Sam (S1) are both off on 2026-10-05"
R1_MESSAGE_ZH = "R1：中心主任 Dana (D1) 与资深组长 Sam (S1) 在 2026-10-05 同时休息"


def write_scenario(folder: Path, language: str = "en") -> Path:
    folder.mkdir(parents=True)
    (folder / "scenario.toml").write_text(SCENARIO_TOML.format(language=language), "utf-8")
    (folder / "staff.csv").write_text(STAFF, "utf-8")
    (folder / "demand.csv").write_text(DEMAND, "utf-8")
    return folder


def write_roster(path: Path, roster: dict[str, list[str]] | None = None) -> Path:
    """A wide CSV: employee_id, then columns 1 … 31."""
    roster = ROSTER if roster is None else roster
    lines = ["employee_id," + ",".join(str(d) for d in DAYS)]
    lines += [f"{pid}," + ",".join(cells) for pid, cells in roster.items()]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path
