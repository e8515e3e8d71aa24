"""Generate the sample scenario ``data/sample/``: October 2026, two centers, about 100 people.

Run ``python data/make_sample.py`` (from anywhere): the output is the same on every run (fixed
seed). The scenario is built as a :class:`roster.domain.Scenario`, so it is valid by construction,
and written with :func:`roster.io.scenario_writer.write_scenario` with Chinese headers.

The month holds the National Day golden week (1-7 October, holidays) and the 调休 make-up working
Saturday 10 October. Centers:

* ``IN`` 回CALL中心 (inbound, 60 people): director, senior leader, 5 team leaders, 53 agents in
  6 teams; shifts E, M and L; TV ad slots through the golden week and on three weekends.
* ``OUT`` 外撥中心 (outbound, 40 people): director, senior leader, 3 team leaders, 35 agents in
  4 teams; shifts E and M only.
"""

from __future__ import annotations

import datetime as dt
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from roster.domain import (  # noqa: E402
    OFF,
    AdSlot,
    CalendarOverride,
    Center,
    CenterKind,
    DaysOffQuota,
    DemandRow,
    Employee,
    HistoryCell,
    Month,
    Request,
    RequestType,
    Role,
    Scenario,
)
from roster.io.scenario_writer import write_scenario  # noqa: E402
from roster.synthetic import STANDARD_SHIFTS, chinese_names, random_history  # noqa: E402

SEED = 20261001
OUT_DIR = Path(__file__).resolve().parent / "sample"
MONTH = Month(year=2026, month=10)


def d(day: int) -> dt.date:
    """A date of October 2026."""
    return dt.date(2026, 10, day)


# --- staff ---------------------------------------------------------------------------------------
# (center, number of agents per team); the first team is the senior leader's (smaller: they also
# act as director on the director's days off).
IN_TEAMS = [
    ("接听一组", 8),
    ("接听二组", 9),
    ("接听三组", 9),
    ("接听四组", 9),
    ("接听五组", 9),
    ("接听六组", 9),
]
OUT_TEAMS = [("外拨一组", 8), ("外拨二组", 9), ("外拨三组", 9), ("外拨四组", 9)]
LEADER_SINCE = {
    "IN002": dt.date(2022, 3, 1),
    "IN003": dt.date(2023, 7, 1),
    "IN004": dt.date(2021, 11, 1),
    "IN005": dt.date(2024, 9, 1),
    "IN006": dt.date(2025, 2, 1),
    "IN007": dt.date(2026, 6, 1),  # under 6 months: not eligible (S1)
    "OUT002": dt.date(2023, 1, 1),
    "OUT003": dt.date(2022, 8, 1),
    "OUT004": dt.date(2024, 4, 1),
    "OUT005": dt.date(2025, 10, 1),
}
QUOTAS = {
    "IN015": DaysOffQuota(minimum=8, maximum=10),
    "IN033": DaysOffQuota(minimum=9, maximum=9),
    "IN044": DaysOffQuota(minimum=8, maximum=9),
    "OUT020": DaysOffQuota(minimum=8, maximum=10),
    "OUT031": DaysOffQuota(minimum=9, maximum=9),
}
# inbound agents who can't do the late shift (students, parents) or the early one
IN_EARLY_MIDDLE = {"IN056", "IN057", "IN058"}
IN_MIDDLE_LATE = {"IN059", "IN060"}


def center_staff(
    center: str, teams: list[tuple[str, int]], names: list[str], all_shifts: tuple[str, ...] | None
) -> list[Employee]:
    """Director, senior leader (first team), team leaders (other teams), then agents by team."""
    staff: list[Employee] = []

    def eid() -> str:
        return f"{center}{len(staff) + 1:03d}"

    staff.append(
        Employee(
            employee_id=eid(),
            name=names.pop(),
            role=Role.DIRECTOR,
            center=center,
            shifts=("E", "M"),
        )
    )
    for i, (team, _) in enumerate(teams):
        employee_id = eid()
        staff.append(
            Employee(
                employee_id=employee_id,
                name=names.pop(),
                role=Role.SENIOR_LEADER if i == 0 else Role.TEAM_LEADER,
                center=center,
                team=team,
                shifts=all_shifts,
                leader_since=LEADER_SINCE[employee_id],
            )
        )
    for team, size in teams:
        for _ in range(size):
            employee_id = eid()
            shifts = all_shifts
            if employee_id in IN_EARLY_MIDDLE:
                shifts = ("E", "M")
            elif employee_id in IN_MIDDLE_LATE:
                shifts = ("M", "L")
            staff.append(
                Employee(
                    employee_id=employee_id,
                    name=names.pop(),
                    role=Role.AGENT,
                    center=center,
                    team=team,
                    days_off=QUOTAS.get(employee_id),
                    shifts=shifts,
                )
            )
    return staff


# --- demand --------------------------------------------------------------------------------------
# (center, day, shift, min_agents, target_agents, min_leaders)
DEMAND: list[tuple[str, str, str, int, int, int]] = [
    # inbound: 53 agents, each works 23 of 31 days (about 39 a day)
    ("IN", "weekday", "E", 12, 15, 1),
    ("IN", "weekday", "M", 10, 12, 1),
    ("IN", "weekday", "L", 8, 10, 1),
    ("IN", "weekend", "E", 9, 12, 1),
    ("IN", "weekend", "M", 8, 10, 1),
    ("IN", "weekend", "L", 6, 8, 1),
    ("IN", "holiday", "E", 10, 13, 1),  # golden week: people at home watch TV
    ("IN", "holiday", "M", 9, 12, 1),
    ("IN", "holiday", "L", 7, 10, 1),
    ("IN", "ad", "E", 12, 15, 1),  # a shift overlapping an ad slot
    ("IN", "ad", "M", 12, 16, 1),
    ("IN", "ad", "L", 10, 13, 1),
    ("IN", "2026-10-08", "E", 14, 16, 1),  # first day back: problem orders of the golden week
    # outbound: 35 agents (about 26 a day)
    ("OUT", "weekday", "E", 11, 14, 1),
    ("OUT", "weekday", "M", 9, 12, 1),
    ("OUT", "weekend", "E", 7, 9, 1),
    ("OUT", "weekend", "M", 6, 8, 1),
    ("OUT", "holiday", "E", 5, 7, 1),  # few people answer sales calls in the golden week
    ("OUT", "holiday", "M", 4, 6, 1),
    ("OUT", "mon", "E", 12, 15, 1),  # Monday: weekend leads to call back (M: the weekday row)
]

# --- ads: evening slot on 10 dates, lunchtime slot on 5 of them ----------------------------------
EVENING_AD_DAYS = [1, 2, 3, 4, 5, 6, 7, 17, 24, 31]
LUNCH_AD_DAYS = [1, 3, 5, 7, 17]

# --- requests ------------------------------------------------------------------------------------
# (employee, first day, last day, type, shift, weight)
REQUESTS: list[tuple[str, int, int, RequestType, str | None, int | None]] = [
    # approved leave (8 ranges); the directors and senior leaders never on leave the same day (R1)
    ("IN020", 12, 16, RequestType.LEAVE, None, None),  # 婚假, 5 days
    ("IN001", 19, 20, RequestType.LEAVE, None, None),  # the director: two acting days for IN002
    ("IN045", 8, 10, RequestType.LEAVE, None, None),
    ("IN005", 26, 27, RequestType.LEAVE, None, None),  # a team leader
    ("IN052", 23, 23, RequestType.LEAVE, None, None),  # 病假
    ("OUT002", 22, 22, RequestType.LEAVE, None, None),  # the senior leader: OUT001 must work
    ("OUT015", 1, 3, RequestType.LEAVE, None, None),  # home for the golden week
    ("OUT027", 28, 30, RequestType.LEAVE, None, None),
    # wished days off (20)
    ("IN009", 1, 1, RequestType.OFF, None, None),
    ("IN011", 2, 2, RequestType.OFF, None, None),
    ("IN014", 3, 3, RequestType.OFF, None, 40),  # a family wedding
    ("IN017", 5, 5, RequestType.OFF, None, None),
    ("IN023", 6, 6, RequestType.OFF, None, None),
    ("IN026", 11, 11, RequestType.OFF, None, None),
    ("IN030", 17, 17, RequestType.OFF, None, None),
    ("IN031", 18, 18, RequestType.OFF, None, None),
    ("IN038", 24, 24, RequestType.OFF, None, None),
    ("IN041", 25, 25, RequestType.OFF, None, 40),  # a child's birthday
    ("IN047", 31, 31, RequestType.OFF, None, None),
    ("IN003", 4, 4, RequestType.OFF, None, None),
    ("IN002", 10, 10, RequestType.OFF, None, None),
    ("OUT008", 2, 2, RequestType.OFF, None, None),
    ("OUT012", 4, 4, RequestType.OFF, None, None),
    ("OUT019", 11, 11, RequestType.OFF, None, None),
    ("OUT024", 18, 18, RequestType.OFF, None, None),
    ("OUT033", 25, 25, RequestType.OFF, None, None),
    ("OUT003", 31, 31, RequestType.OFF, None, None),
    ("OUT001", 24, 24, RequestType.OFF, None, None),
    # wished shifts (10)
    ("IN010", 8, 8, RequestType.SHIFT, "E", None),
    ("IN012", 9, 9, RequestType.SHIFT, "E", None),
    ("IN018", 12, 12, RequestType.SHIFT, "L", None),
    ("IN025", 13, 13, RequestType.SHIFT, "M", None),
    ("IN035", 14, 14, RequestType.SHIFT, "E", None),
    ("IN040", 21, 21, RequestType.SHIFT, "L", None),
    ("IN004", 15, 15, RequestType.SHIFT, "M", None),
    ("OUT010", 12, 12, RequestType.SHIFT, "E", None),
    ("OUT022", 13, 13, RequestType.SHIFT, "M", None),
    ("OUT030", 20, 20, RequestType.SHIFT, "E", None),
    # unwanted shifts (5 rows)
    ("IN016", 1, 3, RequestType.AVOID, "L", None),  # no late shifts over the holiday weekend
    ("IN022", 9, 9, RequestType.AVOID, "L", None),
    ("IN028", 16, 16, RequestType.AVOID, "L", None),
    ("IN036", 23, 23, RequestType.AVOID, "L", None),
    ("IN049", 19, 19, RequestType.AVOID, "E", None),
    # pinned cells (3)
    ("IN001", 8, 8, RequestType.PIN, "M", None),  # monthly review with the department manager
    ("IN030", 15, 15, RequestType.PIN, "E", None),  # product training in the morning
    ("OUT006", 21, 21, RequestType.PIN, OFF, None),  # annual health check
]

# --- history: fixed rows on top of the drawn ones (24-30 September) ------------------------------
HISTORY_DAYS = [dt.date(2026, 9, day) for day in range(24, 31)]
FIXED_HISTORY: dict[str, list[str]] = {
    # worked the last six days in a row: must be off on 1 October (R5)
    "IN019": ["OFF", "M", "M", "M", "M", "M", "M"],
    "IN024": ["OFF", "E", "E", "E", "E", "E", "E"],
    "IN037": ["OFF", "L", "L", "L", "L", "L", "L"],
    "OUT017": ["OFF", "E", "E", "M", "M", "M", "M"],
    # the last five days: off on 1 or 2 October
    "IN043": ["E", "OFF", "E", "E", "M", "M", "M"],
    "IN050": ["M", "OFF", "L", "L", "L", "L", "L"],
    "OUT025": ["M", "OFF", "E", "E", "E", "E", "E"],
    # a late shift on the last day: no early shift on 1 October (R6)
    "IN027": ["OFF", "OFF", "M", "M", "L", "L", "L"],
    "IN004": ["E", "E", "OFF", "M", "M", "OFF", "L"],
}


def build() -> Scenario:
    """The sample scenario, deterministic."""
    rng = random.Random(SEED)
    names = chinese_names(rng, 100)
    names.reverse()
    staff = center_staff("IN", IN_TEAMS, names, None) + center_staff(
        "OUT", OUT_TEAMS, names, ("E", "M")
    )
    demand = [
        DemandRow(center=c, day=day, shift=s, min_agents=lo, target_agents=hi, min_leaders=ld)
        for c, day, s, lo, hi, ld in DEMAND
    ]
    ads: list[AdSlot] = []
    for day in EVENING_AD_DAYS:
        if day in LUNCH_AD_DAYS:
            ads.append(AdSlot(center="IN", date=d(day), start=12 * 60, end=12 * 60 + 30))
        ads.append(AdSlot(center="IN", date=d(day), start=19 * 60, end=20 * 60))
    requests = [
        Request(employee_id=eid, date=d(day), type=kind, shift=shift, weight=weight)
        for eid, first, last, kind, shift, weight in REQUESTS
        for day in range(first, last + 1)
    ]
    drawn = random_history(rng, staff, STANDARD_SHIFTS, MONTH, demand=demand, requests=requests)
    history = [
        HistoryCell(
            employee_id=h.employee_id,
            date=h.date,
            shift=FIXED_HISTORY[h.employee_id][HISTORY_DAYS.index(h.date)],
        )
        if h.employee_id in FIXED_HISTORY
        else h
        for h in drawn
    ]
    return Scenario(
        name="华东销售部 2026年10月",
        month=MONTH,
        language="zh",
        centers=(
            Center(id="IN", name="回CALL中心", kind=CenterKind.INBOUND),
            Center(id="OUT", name="外撥中心", kind=CenterKind.OUTBOUND),
        ),
        shifts=STANDARD_SHIFTS,
        staff=tuple(staff),
        demand=tuple(demand),
        requests=tuple(requests),
        history=tuple(history),
        ads=tuple(ads),
        # The package already has this make-up workday: an example row, it changes nothing.
        calendar_overrides=(CalendarOverride(date=d(10), kind="workday", name="国庆节调休"),),
    )


def main() -> None:
    scenario = build()
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    write_scenario(scenario, OUT_DIR, headers="zh")
    print(f"wrote {OUT_DIR} ({len(scenario.staff)} people)")


if __name__ == "__main__":
    main()
