"""``roster init DIR --month YYYY-MM``: a small valid scenario to start from.

One inbound center of 12 people (director, senior leader, one team leader, nine agents in two
teams), an early and a middle shift, demand for weekdays, weekends and holidays, and three
requests (approved leave, a wished day off, a wished shift), written with Chinese headers as a
scheduler's spreadsheet would have them. The optional tables (history, ads, calendar) are written
header-only, as templates.
"""

from __future__ import annotations

from pathlib import Path

from roster.domain import (
    Center,
    CenterKind,
    DemandRow,
    Employee,
    Month,
    Request,
    RequestType,
    Role,
    Scenario,
    ShiftType,
)
from roster.errors import InputError
from roster.io.scenario_writer import write_scenario
from solver.messages import Lang, Text

STARTER_SHIFTS = (
    ShiftType(code="E", name="早班", aliases=("早",), start=8 * 60, end=16 * 60 + 30),
    ShiftType(code="M", name="中班", aliases=("中",), start=11 * 60 + 30, end=20 * 60),
)

# (id, name, role, team)
STARTER_STAFF: tuple[tuple[str, str, Role, str], ...] = (
    ("A01", "王建国", Role.DIRECTOR, ""),
    ("A02", "李静", Role.SENIOR_LEADER, "一组"),
    ("A03", "张伟", Role.TEAM_LEADER, "二组"),
    ("A04", "刘洋", Role.AGENT, "一组"),
    ("A05", "陈丽", Role.AGENT, "一组"),
    ("A06", "杨帆", Role.AGENT, "一组"),
    ("A07", "赵敏", Role.AGENT, "一组"),
    ("A08", "黄磊", Role.AGENT, "二组"),
    ("A09", "周婷", Role.AGENT, "二组"),
    ("A10", "吴杰", Role.AGENT, "二组"),
    ("A11", "徐静怡", Role.AGENT, "二组"),
    ("A12", "孙浩然", Role.AGENT, "二组"),
)

# (day, shift, min_agents, target_agents, min_leaders): 9 agents work about 6-7 a day.
STARTER_DEMAND: tuple[tuple[str, str, int, int, int], ...] = (
    ("weekday", "E", 3, 4, 1),
    ("weekday", "M", 2, 3, 0),
    ("weekend", "E", 2, 3, 1),
    ("weekend", "M", 2, 2, 0),
    ("holiday", "E", 2, 2, 1),
    ("holiday", "M", 1, 2, 0),
)


def starter_scenario(month: Month, language: Lang = "zh") -> Scenario:
    """The starter scenario for ``month``, as an object; ``language``: its labels and messages."""
    dates = month.dates
    center = Center(id="C1", name="回CALL中心", kind=CenterKind.INBOUND)
    staff = tuple(
        Employee(
            employee_id=eid,
            name=name,
            role=role,
            center=center.id,
            team=team,
            shifts=("E", "M") if role == Role.DIRECTOR else None,
        )
        for eid, name, role, team in STARTER_STAFF
    )
    demand = tuple(
        DemandRow(
            center=center.id,
            day=day,
            shift=shift,
            min_agents=low,
            target_agents=high,
            min_leaders=leaders,
        )
        for day, shift, low, high, leaders in STARTER_DEMAND
    )
    requests = (
        Request(employee_id="A05", date=dates[9], type=RequestType.LEAVE),
        Request(employee_id="A05", date=dates[10], type=RequestType.LEAVE),
        Request(employee_id="A08", date=dates[14], type=RequestType.OFF),
        Request(employee_id="A10", date=dates[19], type=RequestType.SHIFT, shift="M"),
    )
    return Scenario(
        name=f"新场景 {month}",
        month=month,
        language=language,
        centers=(center,),
        shifts=STARTER_SHIFTS,
        staff=staff,
        demand=demand,
        requests=requests,
    )


def write_starter_scenario(folder: Path, month: Month, language: Lang = "zh") -> None:
    """Write the starter scenario for ``month`` into ``folder`` (created if missing).

    Refuses, with an :class:`InputError`, a path that is a file or a folder that is not empty:
    nothing the user made is ever overwritten.
    """
    folder = Path(folder)
    if folder.exists():
        if not folder.is_dir():
            raise InputError.single(str(folder), Text("init.not_a_folder"))
        if any(folder.iterdir()):
            raise InputError.single(str(folder), Text("init.not_empty"))
    write_scenario(starter_scenario(month, language), folder, headers=language)
