"""A tiny department for the scoring tests: February 2026 (28 days), one center ``C``.

Staff: director ``D``, senior leader ``S`` (team T1), team leader ``T`` (team T2), agents ``A1``
(T1) and ``A2`` (T2). In the base roster everyone works shift E every day, except the director
(off on 2 and 3 February: the two acting days) and ``A2`` (off on 3 February). So the agents on
duty are 2 a day, 1 on 3 February: 55 agent-days in the month, 3 on the acting days.

The base ledgers (hand-worked in ``test_assessment.py``): acting-day sales 270 over 15 lines,
month sales 5,500 over 275 lines.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any

from roster.domain import (
    OFF,
    AssessmentSettings,
    Center,
    Employee,
    Month,
    Role,
    Scenario,
    ShiftType,
)
from roster.ledgers import (
    AssessmentInputs,
    Commission,
    LinesRecord,
    Order,
    OrderStatus,
    RaterRole,
    Rating,
)

MONTH = Month(year=2026, month=2)
DATES = MONTH.dates
CRITERIA = ("B1", "B2", "B3", "B4", "B5")


def d(day: int) -> dt.date:
    """A date of February 2026."""
    return dt.date(2026, 2, day)


def make_scenario(assessment: AssessmentSettings | None = None) -> Scenario:
    staff = (
        Employee(employee_id="D", name="Dana", role=Role.DIRECTOR, center="C"),
        Employee(employee_id="S", name="Sam", role=Role.SENIOR_LEADER, center="C", team="T1",
                 leader_since=dt.date(2025, 6, 1)),
        Employee(employee_id="T", name="Tia", role=Role.TEAM_LEADER, center="C", team="T2",
                 leader_since=dt.date(2025, 9, 2)),
        Employee(employee_id="A1", name="Ann", role=Role.AGENT, center="C", team="T1"),
        Employee(employee_id="A2", name="Bob", role=Role.AGENT, center="C", team="T2"),
    )
    return Scenario(
        name="Test",
        month=MONTH,
        centers=(Center(id="C", name="Center"),),
        shifts=(ShiftType(code="E", start=8 * 60, end=16 * 60 + 30),),
        staff=staff,
        assessment=assessment or AssessmentSettings(),
    )


BASE_OFF: dict[str, tuple[int, ...]] = {"D": (2, 3), "A2": (3,)}


def make_roster(off: Mapping[str, Iterable[int]] | None = None) -> dict[str, list[str]]:
    """Everyone on shift E every day but the given days (of the month) off."""
    off = BASE_OFF if off is None else off
    people = ("D", "S", "T", "A1", "A2")
    return {p: [OFF if date.day in set(off.get(p, ())) else "E" for date in DATES]
            for p in people}


def order(order_id: str, day: int, employee_id: str, amount: str,
          status: OrderStatus = OrderStatus.SHIPPED, row: int | None = None) -> Order:
    return Order(order_id=order_id, date=d(day), employee_id=employee_id,
                 amount=Decimal(amount), status=status, row=row)


def lines(day: int, employee_id: str, num: int) -> LinesRecord:
    return LinesRecord(date=d(day), employee_id=employee_id, lines=num)


def rater(role: RaterRole, rater_id: str, points: Sequence[str],
          senior: str = "S") -> list[Rating]:
    """One rater's five ratings, B1..B5 in order."""
    return [Rating(senior_leader_id=senior, rater_role=role, rater_id=rater_id, criterion=c,
                   points=Decimal(p)) for c, p in zip(CRITERIA, points, strict=True)]


# acting days 2 and 3 Feb: 200 + 70 = 270 shipped; the rest of the month: 5,230 shipped
BASE_ORDERS = (
    order("o1", 2, "A1", "200"),
    order("o2", 3, "A1", "70"),
    order("o3", 2, "A2", "80", OrderStatus.REFUSED),  # doesn't count
    order("o4", 10, "A2", "5230"),
    order("o5", 10, "A2", "500", OrderStatus.CANCELLED),  # doesn't count
    order("o6", 11, "T", "40", OrderStatus.BLOCKED),  # doesn't count
)
# acting days: 6 + 4 + 5 = 15 lines; the rest: 260
BASE_LINES = (lines(2, "A1", 6), lines(2, "A2", 4), lines(3, "A1", 5), lines(10, "A2", 260))
MANAGER = rater(RaterRole.MANAGER, "M", ["12", "8", "8", "6", "6"])
DIRECTOR = rater(RaterRole.DIRECTOR, "D", ["15", "10", "10", "7.5", "7.5"])
EMPLOYEES = (rater(RaterRole.EMPLOYEE, "E1", ["9", "6", "10", "5", "7.5"])
             + rater(RaterRole.EMPLOYEE, "E2", ["12", "8", "8", "6", "6.5"]))
BASE_RATINGS = tuple(MANAGER + DIRECTOR + EMPLOYEES)


def make_inputs(**changes: Any) -> AssessmentInputs:
    base: dict[str, Any] = {
        "orders": BASE_ORDERS,
        "lines": BASE_LINES,
        "ratings": BASE_RATINGS,
        "commissions": (Commission(center="C", director_commission=Decimal("3456.78")),),
    }
    return AssessmentInputs(**{**base, **changes})


# --- files, for the readers and the commands ---------------------------------------------------

SCENARIO_TOML = """\
[scenario]
name = "Test"
month = "2026-02"

[[centers]]
id = "C"
name = "Center"

[[shifts]]
code = "E"
start = "08:00"
end = "16:30"
"""
STAFF_CSV = """\
employee_id,name,role,center,team,leader_since
D,Dana,director,C,,
S,Sam,senior_leader,C,T1,2025-06-01
T,Tia,team_leader,C,T2,2025-09-02
A1,Ann,agent,C,T1,
A2,Bob,agent,C,T2,
"""
DEMAND_CSV = "center,day,shift,min_agents\nC,all,E,0\n"


def write_scenario(folder: Path, assessment_toml: str = "") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "scenario.toml").write_text(SCENARIO_TOML + assessment_toml, encoding="utf-8")
    (folder / "staff.csv").write_text(STAFF_CSV, encoding="utf-8")
    (folder / "demand.csv").write_text(DEMAND_CSV, encoding="utf-8")
    return folder


def roster_csv(roster: Mapping[str, Sequence[str]]) -> str:
    rows = ["employee_id,date,shift"]
    for person, cells in roster.items():
        rows += [f"{person},{date.isoformat()},{cell}" for date, cell in zip(DATES, cells,
                                                                            strict=True)]
    return "\n".join(rows) + "\n"


def sales_csv(orders: Iterable[Order]) -> str:
    rows = ["order_id,date,employee_id,amount,status"]
    rows += [f"{o.order_id},{o.date.isoformat()},{o.employee_id},{o.amount},{o.status.value}"
             for o in orders]
    return "\n".join(rows) + "\n"


def lines_csv(records: Iterable[LinesRecord]) -> str:
    rows = ["date,employee_id,lines"]
    rows += [f"{r.date.isoformat()},{r.employee_id},{r.lines}" for r in records]
    return "\n".join(rows) + "\n"


def ratings_csv(ratings: Iterable[Rating]) -> str:
    rows = ["senior_leader_id,rater_role,rater_id,criterion,points"]
    rows += [f"{r.senior_leader_id},{r.rater_role.value},{r.rater_id},{r.criterion},{r.points}"
             for r in ratings]
    return "\n".join(rows) + "\n"


COMMISSIONS_CSV = "center,director_commission\nC,3456.78\n"


def write_month(folder: Path) -> dict[str, Path]:
    """The base roster and ledgers as CSV files in ``folder``: their paths by option name."""
    folder.mkdir(parents=True, exist_ok=True)
    files = {
        "roster": ("roster.csv", roster_csv(make_roster())),
        "sales": ("sales.csv", sales_csv(BASE_ORDERS)),
        "lines": ("lines.csv", lines_csv(BASE_LINES)),
        "ratings": ("ratings.csv", ratings_csv(BASE_RATINGS)),
        "commissions": ("commissions.csv", COMMISSIONS_CSV),
    }
    out = {}
    for key, (name, text) in files.items():
        (folder / name).write_text(text, encoding="utf-8")
        out[key] = folder / name
    return out
