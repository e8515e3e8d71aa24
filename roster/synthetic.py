"""Synthetic scenarios of any size, for tests and benchmarks: built as objects, no files.

:func:`synthetic_scenario` makes a department of one or more centers shaped like real ones (one
director, one senior leader, about one team leader per ten agents, teams), with demand sized so a
roster exists with slack, and leave, wishes, pins and history at the densities of ``data/sample``.
Everything is drawn from ``random.Random(seed)``: the same arguments give the same scenario.
"""

from __future__ import annotations

import datetime as dt
import math
import random
from collections.abc import Sequence

import chinese_calendar

from roster.domain import (
    LEAVE,
    OFF,
    AdSlot,
    CalendarSettings,
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
    RuleSettings,
    Scenario,
    ShiftType,
)

# The three shifts of a typical inbound center: early, middle and late.
EARLY = ShiftType(code="E", name="早班", aliases=("早",), start=8 * 60, end=16 * 60 + 30)
MIDDLE = ShiftType(code="M", name="中班", aliases=("中",), start=11 * 60 + 30, end=20 * 60)
LATE = ShiftType(code="L", name="晚班", aliases=("晚",), start=14 * 60, end=22 * 60 + 30, late=True)
STANDARD_SHIFTS: tuple[ShiftType, ...] = (EARLY, MIDDLE, LATE)

# Densities of requests per person, as in data/sample (about 100 people: 8 leave ranges,
# 20 wished days off, 10 wished shifts, 5 unwanted shifts, 3 pins).
LEAVE_RATE = 0.08
OFF_RATE = 0.20
SHIFT_RATE = 0.10
AVOID_RATE = 0.05
PIN_RATE = 0.03

_SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁"
    "任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史黎贺顾毛郝龚邵万钱覃武戴"
)
# Common given names, whole (two characters, or one), so that every name reads naturally.
_GIVEN_TEXT = (
    "伟 芳 娜 敏 静 丽 强 磊 军 洋 勇 艳 杰 娟 涛 超 霞 平 刚 鑫 "
    "秀英 桂英 玉兰 建华 建国 建军 志强 志明 志刚 海燕 海涛 海峰 晓东 晓燕 晓峰 晓丽 晓红 "
    "丹丹 婷婷 静怡 欣怡 佳琪 雪梅 雨婷 子轩 浩然 宇轩 梓涵 思雨 一诺 欣妍 嘉怡 文博 昊天 "
    "俊杰 宏伟 雅琴 春花 秋月 立新 国栋 慧敏 诗涵 雨桐 可馨 凯瑞 鹏飞 振宇 泽楠 婉清 梦瑶 "
    "心怡 若曦 子墨 辰逸 家豪 淑贞 美玲 亚楠 明辉 文静 丽娟 红梅 玉梅 金凤 国强 永刚 建平 "
    "小燕 小红 晓明 伟东 少华 春燕 秀兰 桂兰 丽华 卫东 新民 德华 振华 天宇 佳怡 思远 博文 "
    "雅婷 梦琪 怡然 俊熙 浩宇 梓萱 紫涵 艺涵 晨曦 宇航 欣然 子豪 佳慧 婧 琳 颖 璐 倩 蕾"
)
_GIVEN: tuple[str, ...] = tuple(_GIVEN_TEXT.split())


def chinese_names(rng: random.Random, count: int) -> list[str]:
    """``count`` distinct, plausible Chinese personal names (a common surname + given name)."""
    names: list[str] = []
    seen: set[str] = set()
    misses = 0
    while len(names) < count:
        name = rng.choice(_SURNAMES) + rng.choice(_GIVEN)
        if name in seen and misses >= 20:  # the pool is running out: number the namesakes
            name += str(sum(1 for n in names if n.startswith(name)) + 1)
        if name in seen:
            misses += 1
            continue
        misses = 0
        seen.add(name)
        names.append(name)
    return names


def package_covers_month(month: Month) -> bool:
    """True when chinesecalendar has holiday data for the month's year."""
    try:
        chinese_calendar.is_workday(month.first)
    except NotImplementedError:
        return False
    return True


def rest_ok(prev: ShiftType, nxt: ShiftType, min_rest_hours: float) -> bool:
    """R6: enough rest between ``prev`` on one day and ``nxt`` on the next."""
    rest = (24 * 60 + nxt.start) - prev.end
    return rest >= min_rest_hours * 60


def allowed_shifts(employee: Employee, shifts: Sequence[ShiftType]) -> list[ShiftType]:
    """The shift types the employee may work (all when ``employee.shifts`` is None)."""
    if employee.shifts is None:
        return list(shifts)
    return [s for s in shifts if s.code in employee.shifts]


def _history_row(
    rng: random.Random,
    options: Sequence[ShiftType],
    num_days: int,
    rules: RuleSettings,
    must_work: frozenset[int] = frozenset(),
    off_rate: float = 0.27,
) -> list[str]:
    """One person's plausible last days: R5 and R6 kept, usually the same shift, some OFF."""
    for _ in range(1000):
        cells: list[str] = []
        prev: ShiftType | None = None
        run = 0
        ok = True
        for day in range(num_days):
            rest = day not in must_work and (
                run >= rules.max_consecutive_work_days or rng.random() < off_rate
            )
            if rest:
                cells.append(OFF)
                prev, run = None, 0
                continue
            if run >= rules.max_consecutive_work_days:
                ok = False
                break
            choices = [s for s in options if prev is None or rest_ok(prev, s, rules.min_rest_hours)]
            if prev is not None and prev in choices and rng.random() < 0.7:
                shift = prev
            else:
                shift = rng.choice(choices)
            cells.append(shift.code)
            prev, run = shift, run + 1
        if ok:
            return cells
    raise RuntimeError("could not draw a history row")  # pragma: no cover - only with odd rules


def _trailing_work(row: Sequence[str]) -> int:
    run = 0
    for cell in reversed(row):
        if cell in (OFF, LEAVE):
            break
        run += 1
    return run


def _able_first_day(
    row: Sequence[str],
    employee: Employee,
    shift: ShiftType,
    by_code: dict[str, ShiftType],
    rules: RuleSettings,
) -> bool:
    """Whether the person may work ``shift`` on the month's first day after ``row`` (R5, R6)."""
    if employee.shifts is not None and shift.code not in employee.shifts:
        return False
    if _trailing_work(row) >= rules.max_consecutive_work_days:
        return False
    last = row[-1] if row else OFF
    if last in (OFF, LEAVE) or last not in by_code:
        return True
    return rest_ok(by_code[last], shift, rules.min_rest_hours)


def _first_day_blockers(
    staff: Sequence[Employee],
    rows: dict[str, list[str]],
    shifts: Sequence[ShiftType],
    demand: Sequence[DemandRow],
    rules: RuleSettings,
    away: frozenset[str] = frozenset(),
) -> list[Employee]:
    """People whose history keeps a center from covering its first day; [] when it can.

    Needs per shift are the largest minimums of the center's demand rows (a safe bound whatever
    the first day's kind); the director or the senior leader must be able to work (R1). People
    in ``away`` (on leave or pinned off that day) can't work whatever their history.
    """
    by_code = {s.code: s for s in shifts}

    def able(e: Employee, shift: ShiftType) -> bool:
        return e.employee_id not in away and _able_first_day(
            rows[e.employee_id], e, shift, by_code, rules
        )

    def matches(row: DemandRow, shift: ShiftType) -> bool:
        return row.shift in (shift.code, *shift.aliases, shift.name)

    for center in sorted({e.center for e in staff}):
        people = [e for e in staff if e.center == center]
        rows_here = [r for r in demand if r.center == center]
        pair = [e for e in people if e.role in (Role.DIRECTOR, Role.SENIOR_LEADER)]
        if pair and not any(able(e, s) for e in pair for s in shifts):
            return pair
        groups: list[tuple[list[Employee], dict[str, int]]] = [
            (
                [e for e in people if e.role == Role.AGENT],
                {
                    s.code: max((r.min_agents for r in rows_here if matches(r, s)), default=0)
                    for s in shifts
                },
            ),
            (
                [e for e in people if e.role.is_leader],
                {
                    s.code: max((r.min_leaders for r in rows_here if matches(r, s)), default=0)
                    for s in shifts
                },
            ),
        ]
        for group, needs in groups:
            able_any: set[str] = set()
            for s in shifts:
                fit = [e for e in group if able(e, s)]
                able_any.update(e.employee_id for e in fit)
                if len(fit) < needs[s.code]:
                    return [e for e in group if e not in fit and e.employee_id not in away]
            if len(able_any) < sum(needs.values()):
                return [
                    e for e in group if e.employee_id not in able_any and e.employee_id not in away
                ]
    return []


def random_history(
    rng: random.Random,
    staff: Sequence[Employee],
    shifts: Sequence[ShiftType],
    month: Month,
    rules: RuleSettings | None = None,
    num_days: int = 7,
    demand: Sequence[DemandRow] = (),
    requests: Sequence[Request] = (),
) -> list[HistoryCell]:
    """The last ``num_days`` of the previous month for everyone, as a plausible roster.

    Each row keeps R5 and R6 and the person's allowed shifts; a center's senior leader works every
    day its director is off (R1). With ``demand``, rows are redrawn until every center can staff
    its first day: enough agents and leaders not forced off by R5 nor kept off a shift by R6, nor
    away on the first day by ``requests`` (leave, or pinned OFF).
    """
    rules = rules or RuleSettings()
    away = frozenset(
        r.employee_id
        for r in requests
        if r.date == month.first
        and (r.type == RequestType.LEAVE or (r.type == RequestType.PIN and r.shift == OFF))
    )
    dates = [month.first - dt.timedelta(days=num_days - i) for i in range(num_days)]
    rows: dict[str, list[str]] = {}

    def director_of(e: Employee) -> Employee | None:
        return next((d for d in staff if d.center == e.center and d.role == Role.DIRECTOR), None)

    def draw(e: Employee) -> None:
        must: frozenset[int] = frozenset()
        if e.role == Role.SENIOR_LEADER:
            director = director_of(e)
            director_row = rows.get(director.employee_id, []) if director else []
            must = frozenset(i for i, cell in enumerate(director_row) if cell == OFF)
        rows[e.employee_id] = _history_row(
            rng, allowed_shifts(e, shifts), num_days, rules, must_work=must
        )

    ordered = sorted(staff, key=lambda e: e.role == Role.SENIOR_LEADER)  # directors first
    for e in ordered:
        draw(e)
    for _ in range(1000):
        blockers = _first_day_blockers(staff, rows, shifts, demand, rules, away)
        if not blockers:
            break
        e = rng.choice(blockers)
        draw(e)
        if e.role == Role.DIRECTOR:  # keep R1 in the history
            for other in staff:
                if other.center == e.center and other.role == Role.SENIOR_LEADER:
                    draw(other)
    return [
        HistoryCell(employee_id=e.employee_id, date=date, shift=rows[e.employee_id][i])
        for e in staff
        for i, date in enumerate(dates)
    ]


def split_total(total: int, fractions: Sequence[float]) -> list[int]:
    """Split ``total`` into integer parts proportional to ``fractions`` (largest remainder)."""
    raw = [total * f / sum(fractions) for f in fractions]
    parts = [math.floor(x) for x in raw]
    order = sorted(range(len(raw)), key=lambda i: (parts[i] - raw[i], i))
    for i in order[: total - sum(parts)]:
        parts[i] += 1
    return parts


def center_demand(
    center: Center,
    shifts: Sequence[ShiftType],
    num_agents: int,
    num_leaders: int,
    days_in_month: int,
    days_off: int = 8,
) -> list[DemandRow]:
    """Demand rows sized to the center: mins at most ~60 % of agents a day, targets ~25 % above.

    A person works ``days_in_month - days_off`` days (about 74 % of October), so these minimums
    leave slack. Leaders are asked for on as many shifts as they can cover with a 20 % margin.
    """
    inbound = center.kind == CenterKind.INBOUND
    fractions = [0.40, 0.33, 0.27][: len(shifts)] if inbound else [0.55, 0.45][: len(shifts)]
    levels = (
        {"weekday": 0.55, "weekend": 0.42, "holiday": 0.48, "ad": 0.60}
        if inbound
        else {"weekday": 0.55, "weekend": 0.38, "holiday": 0.30}
    )
    work_share = (days_in_month - days_off) / days_in_month
    led_shifts = min(len(shifts), math.floor(num_leaders * work_share * 0.8))
    rows: list[DemandRow] = []
    for day, level in levels.items():
        mins = split_total(math.floor(num_agents * level), fractions)
        targets = split_total(math.ceil(num_agents * min(level * 1.25, work_share)), fractions)
        for i, shift in enumerate(shifts):
            rows.append(
                DemandRow(
                    center=center.id,
                    day=day,
                    shift=shift.code,
                    min_agents=mins[i],
                    target_agents=max(mins[i], targets[i]),
                    min_leaders=1 if i < led_shifts else 0,
                )
            )
    return rows


def _center_sizes(num_staff: int, num_centers: int) -> list[int]:
    base, extra = divmod(num_staff, num_centers)
    return [base + (1 if i < extra else 0) for i in range(num_centers)]


def _center_staff(
    rng: random.Random,
    center: Center,
    size: int,
    names: list[str],
    first: dt.date,
) -> list[Employee]:
    """Director, senior leader, team leaders (about one per ten agents) and agents in teams."""
    num_leaders = max(1, round((size - 1) / 11))  # the senior leader is one of them
    num_agents = size - 1 - num_leaders
    teams = [f"{center.id}-{i + 1}组" for i in range(num_leaders)]
    inbound = center.kind == CenterKind.INBOUND
    everyone = None if inbound else ("E", "M")
    staff: list[Employee] = []

    def next_id() -> str:
        return f"{center.id}-{len(staff) + 1:03d}"

    def quota() -> DaysOffQuota | None:
        draw = rng.random()
        if draw < 0.03:
            return DaysOffQuota(minimum=8, maximum=10)
        if draw < 0.06:
            return DaysOffQuota(minimum=9, maximum=9)
        return None

    staff.append(
        Employee(
            employee_id=next_id(),
            name=names.pop(),
            role=Role.DIRECTOR,
            center=center.id,
            shifts=("E", "M"),
        )
    )
    for i in range(num_leaders):
        months_as_leader = rng.randint(3, 60)
        staff.append(
            Employee(
                employee_id=next_id(),
                name=names.pop(),
                role=Role.SENIOR_LEADER if i == 0 else Role.TEAM_LEADER,
                center=center.id,
                team=teams[i],
                shifts=everyone,
                leader_since=(first - dt.timedelta(days=30 * months_as_leader)).replace(day=1),
            )
        )
    for i in range(num_agents):
        if inbound and num_agents >= 10:  # a few agents who can't work early or late
            draw = rng.random()
            shifts = ("E", "M") if draw < 0.06 else ("M", "L") if draw < 0.10 else None
        else:
            shifts = everyone
        staff.append(
            Employee(
                employee_id=next_id(),
                name=names.pop(),
                role=Role.AGENT,
                center=center.id,
                team=teams[i % num_leaders],
                days_off=quota(),
                shifts=shifts,
            )
        )
    return staff


def _count(rate: float, people: int, at_least: int) -> int:
    return max(at_least, round(rate * people))


def _requests(
    rng: random.Random,
    staff: Sequence[Employee],
    shifts: Sequence[ShiftType],
    month: Month,
    rules: RuleSettings,
) -> list[Request]:
    """Leave ranges, wished days off and shifts, unwanted shifts and pins, never contradictory.

    Each person gets at most one request per date; leave and pinned days off never exceed the
    person's minimum days off; the senior leader gets no leave (so R1 holds with the director's)
    and the director none in the first week;
    pins are for agents and from the eighth day on (clear of the history across the boundary).
    """
    dates = month.dates
    n = len(staff)
    used: set[tuple[str, dt.date]] = set()
    fixed_off: dict[str, int] = {}
    out: list[Request] = []

    def quota_min(e: Employee) -> int:
        return e.days_off.minimum if e.days_off else rules.days_off

    def free(e: Employee, date: dt.date) -> bool:
        return (e.employee_id, date) not in used

    def take(e: Employee, date: dt.date) -> None:
        used.add((e.employee_id, date))

    # approved leave, 1-4 days
    candidates = [e for e in staff if e.role != Role.SENIOR_LEADER]
    for e in rng.sample(candidates, min(len(candidates), _count(LEAVE_RATE, n, 1))):
        length = min(rng.randint(1, 4), quota_min(e))
        if length == 0:
            continue
        # a director's leave after the first week, clear of the history across the boundary
        earliest = 7 if e.role == Role.DIRECTOR and len(dates) - length >= 7 else 0
        start = rng.randrange(earliest, len(dates) - length + 1)
        for date in dates[start : start + length]:
            take(e, date)
            out.append(Request(employee_id=e.employee_id, date=date, type=RequestType.LEAVE))
        fixed_off[e.employee_id] = length

    def wishes(kind: RequestType, rate: float, at_least: int, pick: list[Employee]) -> None:
        for _ in range(_count(rate, n, at_least)):
            e = rng.choice(pick)
            options = allowed_shifts(e, shifts)
            if kind == RequestType.AVOID:
                late = [s for s in options if s.late]
                options = late or options
            days = [d for d in dates if free(e, d)]
            if not days:
                continue
            date = rng.choice(days)
            take(e, date)
            shift = None if kind == RequestType.OFF else rng.choice(options).code
            weight = rng.choice((None, None, None, 40)) if kind == RequestType.OFF else None
            out.append(
                Request(employee_id=e.employee_id, date=date, type=kind, shift=shift, weight=weight)
            )

    everyone = list(staff)
    wishes(RequestType.OFF, OFF_RATE, 1, everyone)
    wishes(RequestType.SHIFT, SHIFT_RATE, 1, everyone)
    agents = [e for e in staff if e.role == Role.AGENT] or everyone
    wishes(RequestType.AVOID, AVOID_RATE, 0, agents)

    for _ in range(_count(PIN_RATE, n, 0)):
        e = rng.choice(agents)
        days = [d for d in dates[7:] if free(e, d)]
        if not days:
            continue
        date = rng.choice(days)
        pin_off = rng.random() < 0.5 and fixed_off.get(e.employee_id, 0) < quota_min(e)
        code = OFF if pin_off else rng.choice(allowed_shifts(e, shifts)).code
        take(e, date)
        if pin_off:
            fixed_off[e.employee_id] = fixed_off.get(e.employee_id, 0) + 1
        out.append(Request(employee_id=e.employee_id, date=date, type=RequestType.PIN, shift=code))
    return out


def synthetic_scenario(
    num_staff: int, num_centers: int = 1, month: str = "2026-10", seed: int = 0
) -> Scenario:
    """A department of ``num_staff`` people in ``num_centers`` centers, for ``month``.

    Centers alternate inbound (ids C1, C3, ...: shifts E, M, L, ad slots) and outbound (C2, ...:
    shifts E and M only, no ads). Each center needs at least 4 people (director, senior leader,
    two agents). A month chinesecalendar does not cover gets ``overrides_complete = true`` with no
    overrides (weekends only), so the scenario stays usable.
    """
    if num_centers < 1:
        raise ValueError("num_centers must be at least 1")
    if num_staff < 4 * num_centers:
        raise ValueError(f"{num_centers} center(s) need at least {4 * num_centers} people")
    rng = random.Random(seed)
    the_month = Month.parse(month)
    rules = RuleSettings()
    shifts = STANDARD_SHIFTS
    names = chinese_names(rng, num_staff)
    names.reverse()  # pop() hands them out in drawing order

    centers: list[Center] = []
    staff: list[Employee] = []
    demand: list[DemandRow] = []
    ads: list[AdSlot] = []
    dates = the_month.dates
    for i, size in enumerate(_center_sizes(num_staff, num_centers)):
        kind = CenterKind.INBOUND if i % 2 == 0 else CenterKind.OUTBOUND
        center = Center(
            id=f"C{i + 1}",
            name=f"{'回CALL' if kind == CenterKind.INBOUND else '外拨'}中心{i + 1}",
            kind=kind,
        )
        centers.append(center)
        people = _center_staff(rng, center, size, names, the_month.first)
        staff += people
        agents = sum(1 for e in people if e.role == Role.AGENT)
        leaders = sum(1 for e in people if e.role.is_leader)
        center_shifts = shifts if kind == CenterKind.INBOUND else shifts[:2]
        demand += center_demand(center, center_shifts, agents, leaders, len(dates), rules.days_off)
        if kind == CenterKind.INBOUND:
            for date in sorted(rng.sample(dates, len(dates) // 3)):
                ads.append(AdSlot(center=center.id, date=date, start=19 * 60, end=20 * 60))
                if rng.random() < 0.5:
                    ads.append(AdSlot(center=center.id, date=date, start=12 * 60, end=12 * 60 + 30))

    requests = _requests(rng, staff, shifts, the_month, rules)
    history = random_history(rng, staff, shifts, the_month, rules, demand=demand, requests=requests)
    return Scenario(
        name=f"合成场景 {num_staff}人 {num_centers}中心 (seed {seed})",
        month=the_month,
        centers=tuple(centers),
        shifts=shifts,
        staff=tuple(staff),
        demand=tuple(demand),
        requests=tuple(requests),
        history=tuple(history),
        ads=tuple(ads),
        rules=rules,
        calendar=CalendarSettings(overrides_complete=not package_covers_month(the_month)),
    )
