"""From a department's :class:`~roster.domain.Scenario` to the solver's problems, one per center.

This is where the call-center rules (R1-R8, W1-W5) get their parameters: which people each rule
is about, the demand of each date and shift, the forbidden successions that follow from shift
times and the minimum rest. Centers share nothing but the calendar, so each is its own problem.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from roster.calendar import DayInfo, month_calendar
from roster.domain import (
    LEAVE,
    OFF,
    AdSlot,
    DemandRow,
    Employee,
    RequestType,
    Role,
    Scenario,
    ShiftType,
    ShortfallPolicy,
)
from solver.messages import Text
from solver.problem import Day, Person, Problem, Shift
from solver.rules.base import Rule
from solver.rules.consecutive import MaxConsecutiveWorkDays
from solver.rules.cover import Cover, CoverRequirement
from solver.rules.days_off import DaysOffQuota
from solver.rules.fairness import LateShiftFairness, RestDayFairness
from solver.rules.fixed_cells import FixedCells
from solver.rules.one_shift import OneShiftPerDay
from solver.rules.pair import PairRule
from solver.rules.patterns import IsolatedDayOff, ShiftTypeChanges
from solver.rules.requests import ShiftRequest, ShiftRequests
from solver.rules.succession import ForbiddenSuccessions

WEEKDAY_NAMES = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
HISTORY_DAYS = 7


@dataclass(frozen=True)
class CenterProblem:
    center: str
    problem: Problem
    calendar: tuple[DayInfo, ...]


def scenario_calendar(scenario: Scenario) -> list[DayInfo]:
    return month_calendar(scenario.month, scenario.calendar_overrides,
                          scenario.calendar.overrides_complete)


def solver_days(calendar: Sequence[DayInfo]) -> tuple[Day, ...]:
    first_monday = calendar[0].date - dt.timedelta(days=calendar[0].weekday)
    return tuple(
        Day(index=i, date=info.date, weekday=info.weekday, is_rest_day=info.is_rest_day,
            week=(info.date - first_monday).days // 7)
        for i, info in enumerate(calendar)
    )


def solver_shift(shift: ShiftType) -> Shift:
    return Shift.timed(shift.code, shift.start, shift.end, shift.late)


def _overlaps(slot: AdSlot, shift: ShiftType) -> bool:
    return slot.start < shift.end and shift.start < slot.end


def demand_for(
    rows: Sequence[DemandRow], center: str, info: DayInfo, shift: ShiftType,
    ads: Sequence[AdSlot],
) -> DemandRow | None:
    """The demand row that applies to a date and shift: the most specific one wins.

    date > ``ad`` (an ad slot overlaps the shift that day) > ``holiday`` > weekday name >
    ``weekday``/``weekend`` (a make-up workday is a weekday) > ``all``.
    """
    mine = {r.day: r for r in rows if r.center == center and r.shift == shift.code}
    is_ad = any(a.center == center and a.date == info.date and _overlaps(a, shift) for a in ads)
    weekend = info.is_weekend and not info.is_makeup_workday
    for key, applies in (
        (info.date.isoformat(), True),
        ("ad", is_ad),
        ("holiday", info.is_holiday),
        (WEEKDAY_NAMES[info.weekday], not info.is_makeup_workday),
        ("weekend" if weekend else "weekday", True),
        ("all", True),
    ):
        if applies and key in mine:
            return mine[key]
    return None


def forbidden_successions(shifts: Sequence[ShiftType], min_rest_hours: float) -> dict[
        tuple[str, str], Text]:
    """R6: (a, b) when the rest from the end of a to the start of b next day is too short."""
    need = round(min_rest_hours * 60)
    out: dict[tuple[str, str], Text] = {}
    for a in shifts:
        for b in shifts:
            rest = 24 * 60 + b.start - a.end
            if rest < need:
                out[a.code, b.code] = Text.of("succession.rest", rest=f"{rest / 60:g}",
                                              need=f"{min_rest_hours:g}")
    return out


def _history(scenario: Scenario, staff: Sequence[Employee]) -> dict[str, tuple[str, ...]]:
    first = scenario.month.first
    ids = {e.employee_id for e in staff}
    by_person: dict[str, dict[int, str]] = defaultdict(dict)
    for cell in scenario.history:
        back = (first - cell.date).days
        if cell.employee_id in ids and 1 <= back <= HISTORY_DAYS:
            by_person[cell.employee_id][back] = cell.shift
    out: dict[str, tuple[str, ...]] = {}
    for pid, cells in by_person.items():
        depth = max(cells)
        out[pid] = tuple(cells.get(back, OFF) for back in range(depth, 0, -1))
    return out


def compile_center(scenario: Scenario, center: str, calendar: Sequence[DayInfo]) -> Problem:
    staff = scenario.center_staff(center)
    ids = tuple(e.employee_id for e in staff)
    days = solver_days(calendar)
    index_of = {info.date: i for i, info in enumerate(calendar)}
    rules_cfg, weights = scenario.rules, scenario.weights

    fixed: dict[tuple[str, int], str] = {}
    wishes: list[ShiftRequest] = []
    for req in scenario.requests:
        if req.employee_id not in ids or req.date not in index_of:
            continue
        d = index_of[req.date]
        if req.type == RequestType.LEAVE:
            fixed[req.employee_id, d] = LEAVE
        elif req.type == RequestType.PIN:
            fixed.setdefault((req.employee_id, d), req.shift or OFF)
        elif req.type == RequestType.OFF:
            w = weights.day_off_request if req.weight is None else req.weight
            wishes.append(ShiftRequest(req.employee_id, d, "off", None, w))
        elif req.type == RequestType.SHIFT:
            w = weights.shift_request if req.weight is None else req.weight
            wishes.append(ShiftRequest(req.employee_id, d, "on", req.shift, w))
        elif req.type == RequestType.AVOID:
            w = weights.avoid_shift_request if req.weight is None else req.weight
            wishes.append(ShiftRequest(req.employee_id, d, "off", req.shift, w))

    agents = tuple(e.employee_id for e in staff if e.role == Role.AGENT)
    leaders = tuple(e.employee_id for e in staff if e.role.is_leader)
    shortfall = {
        "R7": None if rules_cfg.cover_shortfall == ShortfallPolicy.FORBID
        else weights.cover_shortfall,
        "R8": None if rules_cfg.min_leaders_shortfall == ShortfallPolicy.FORBID
        else weights.cover_shortfall,
    }
    agent_cover: list[CoverRequirement] = []
    leader_cover: list[CoverRequirement] = []
    for d, info in enumerate(calendar):
        for shift in scenario.shifts:
            row = demand_for(scenario.demand, center, info, shift, scenario.ads)
            if row is None:
                continue
            if row.min_agents or row.target_agents:
                agent_cover.append(CoverRequirement(
                    d, shift.code, agents, row.min_agents, row.target_agents,
                    shortfall["R7"], weights.below_target))
            if row.min_leaders:
                leader_cover.append(CoverRequirement(
                    d, shift.code, leaders, row.min_leaders, row.min_leaders, shortfall["R8"]))

    quota = {
        e.employee_id: (e.days_off.minimum, e.days_off.maximum) if e.days_off
        else (rules_cfg.days_off, rules_cfg.days_off)
        for e in staff
    }
    late_codes = tuple(s.code for s in scenario.shifts if s.late)
    late_agents = tuple(
        e.employee_id for e in staff
        if e.role == Role.AGENT and any(e.shifts is None or c in e.shifts for c in late_codes)
    )
    rules: list[Rule] = [OneShiftPerDay(), FixedCells()]
    if rules_cfg.pair_rule:
        rules.append(PairRule(scenario.director(center).employee_id,
                              scenario.senior_leader(center).employee_id))
    rules += [
        DaysOffQuota(quota, rules_cfg.leave_counts_as_day_off),
        MaxConsecutiveWorkDays(dict.fromkeys(ids, rules_cfg.max_consecutive_work_days)),
        ForbiddenSuccessions(forbidden_successions(scenario.shifts, rules_cfg.min_rest_hours)),
        Cover(agent_cover, who="agents", rule_id="R7", target_rule_id="W1"),
        Cover(leader_cover, who="team leaders", rule_id="R8", target_rule_id="W1"),
        ShiftRequests(wishes),
        RestDayFairness(ids, weights.weekend_fairness),
        IsolatedDayOff(ids, weights.isolated_day_off),
        LateShiftFairness(late_agents, late_codes, weights.late_shift_fairness),
        ShiftTypeChanges(ids, weights.shift_type_change),
    ]
    people = tuple(
        Person(e.employee_id, e.name, e.role.value, e.team,
               frozenset(e.shifts) if e.shifts is not None else None)
        for e in staff
    )
    return Problem(
        name=center,
        days=days,
        shifts=tuple(solver_shift(s) for s in scenario.shifts),
        people=people,
        rules=tuple(rules),
        history=_history(scenario, staff),
        fixed=fixed,
    )


def compile_scenario(scenario: Scenario) -> list[CenterProblem]:
    """One problem per center, in the scenario's order."""
    calendar = scenario_calendar(scenario)
    return [
        CenterProblem(c.id, compile_center(scenario, c.id, calendar), tuple(calendar))
        for c in scenario.centers
    ]
