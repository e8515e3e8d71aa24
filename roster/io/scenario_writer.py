"""Write a :class:`Scenario` to a scenario folder (docs/scenario.md), readable by ``load_scenario``.

``scenario.toml`` is written by hand (no TOML-writer dependency), commented section by section, as
UTF-8. The tables are CSV in UTF-8 with a BOM, what Excel expects. Headers are English by default;
``headers="zh"`` writes the documented Chinese (Simplified) aliases where the format lists them, and
Chinese role and request-type values, as a scheduler's spreadsheet would.

Consecutive requests of one person with the same type, shift and weight, adjacent in
``scenario.requests``, are written as one row with an ``end_date``; reading the row back expands it
in the same order.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Iterable, Sequence
from decimal import Decimal
from pathlib import Path
from typing import Literal

from roster.domain import (
    AssessmentSettings,
    DaysOffQuota,
    Employee,
    Request,
    RequestType,
    Role,
    Scenario,
    ShiftType,
)

HeaderLanguage = Literal["en", "zh"]

STAFF_FILE = "staff.csv"
DEMAND_FILE = "demand.csv"
REQUESTS_FILE = "requests.csv"
HISTORY_FILE = "history.csv"
ADS_FILE = "ads.csv"
CALENDAR_FILE = "calendar.csv"
SETTINGS_FILE = "scenario.toml"

# column -> Chinese header (an alias listed in docs/scenario.md). Files without documented
# aliases (history.csv, calendar.csv) keep English headers.
_ZH_HEADERS: dict[str, dict[str, str]] = {
    STAFF_FILE: {
        "employee_id": "工号",
        "name": "姓名",
        "role": "职位",
        "center": "中心",
        "team": "组",
        "days_off": "休息天数",
        "shifts": "可上班次",
        "leader_since": "任组长日期",
    },
    DEMAND_FILE: {
        "center": "中心",
        "day": "日期类型",
        "shift": "班次",
        "min_agents": "最少座席",
        "target_agents": "目标座席",
        "min_leaders": "最少组长",
    },
    REQUESTS_FILE: {
        "employee_id": "工号",
        "date": "日期",
        "end_date": "结束日期",
        "type": "类型",
        "shift": "班次",
        "weight": "权重",
    },
    ADS_FILE: {"center": "中心", "date": "日期", "start": "开始", "end": "结束"},
}

_ZH_ROLES: dict[Role, str] = {
    Role.DIRECTOR: "中心主任",
    Role.SENIOR_LEADER: "资深组长",
    Role.TEAM_LEADER: "组长",
    Role.AGENT: "座席代表",
}

_ZH_REQUEST_TYPES: dict[RequestType, str] = {
    RequestType.LEAVE: "请假",
    RequestType.OFF: "请休",
    RequestType.SHIFT: "想上",
    RequestType.AVOID: "不上",
    RequestType.PIN: "固定",
}


# --- TOML -------------------------------------------------------------------------------------
_TOML_ESCAPES = {
    "\\": "\\\\",
    '"': '\\"',
    "\b": "\\b",
    "\t": "\\t",
    "\n": "\\n",
    "\f": "\\f",
    "\r": "\\r",
}


def toml_string(text: str) -> str:
    """A TOML basic string: quoted, with backslash, quote and control characters escaped."""
    out: list[str] = []
    for ch in text:
        if ch in _TOML_ESCAPES:
            out.append(_TOML_ESCAPES[ch])
        elif ord(ch) < 0x20 or ord(ch) == 0x7F:
            out.append(f"\\u{ord(ch):04X}")
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


def _toml_bool(value: bool) -> str:
    return "true" if value else "false"


def _toml_number(value: float) -> str:
    if float(value).is_integer():
        return str(int(value))
    return repr(float(value))


def _toml_decimal(value: Decimal) -> str:
    return f"{value.normalize():f}"


def _assessment_toml(a: AssessmentSettings) -> list[str]:
    """The [assessment] table (written only when it differs from the defaults)."""
    return [
        "# The senior leader's monthly assessment and eligibility (资深组长考核).",
        "[assessment]",
        f"threshold = {_toml_decimal(a.threshold)}",
        f"scoring = {toml_string(a.scoring.value)}",
        f"no_acting_days = {toml_string(a.no_acting_days.value)}",
        f"missing_rater = {toml_string(a.missing_rater.value)}",
        f"remove_below = {_toml_decimal(a.remove_below)}",
        f"allowance = {_toml_decimal(a.allowance)}",
        f"commission_rate = {_toml_decimal(a.commission_rate)}",
        f"min_leader_months = {a.min_leader_months}",
        "",
        "[assessment.criteria]",
        *(f"{c} = {_toml_decimal(v)}" for c, v in a.criteria.as_dict().items()),
        "",
        "[assessment.role_weights]",
        f"manager = {_toml_decimal(a.role_weights.manager)}",
        f"director = {_toml_decimal(a.role_weights.director)}",
        f"employee = {_toml_decimal(a.role_weights.employee)}",
        "",
    ]


def format_clock(minutes: int) -> str:
    """Minutes after midnight -> 'HH:MM'; a time after midnight wraps (1470 -> '00:30')."""
    minutes %= 24 * 60
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def _shift_toml(shift: ShiftType) -> list[str]:
    aliases = ", ".join(toml_string(a) for a in shift.aliases)
    return [
        "[[shifts]]",
        f"code = {toml_string(shift.code)}",
        f"name = {toml_string(shift.name)}",
        f"aliases = [{aliases}]",
        f"start = {toml_string(format_clock(shift.start))}",
        f"end = {toml_string(format_clock(shift.end))}",
        f"late = {_toml_bool(shift.late)}",
        "",
    ]


def scenario_toml(scenario: Scenario) -> str:
    """The text of scenario.toml for the scenario, every section commented."""
    r = scenario.rules
    w = scenario.weights
    lines: list[str] = [
        "# Scenario settings: one month of one call-center department. See docs/scenario.md.",
        "# 排班场景设置：一个部门一个月。格式说明见 docs/scenario.md。",
        "",
        "[scenario]",
        f"name = {toml_string(scenario.name)}  # free text / 名称",
        f"month = {toml_string(str(scenario.month))}  # YYYY-MM / 排班月份",
        f"language = {toml_string(scenario.language)}  # zh | en: labels and messages / 语言",
        "",
        "# Centers (中心): id is the short code used in staff.csv, demand.csv and ads.csv;",
        "# kind is inbound (回CALL: answers calls that TV ads bring in) or outbound (外拨).",
    ]
    for c in scenario.centers:
        lines += [
            "[[centers]]",
            f"id = {toml_string(c.id)}",
            f"name = {toml_string(c.name)}",
            f"kind = {toml_string(c.kind.value)}",
            "",
        ]
    lines += [
        "# Shift types (班次): the code written in rosters, aliases also accepted when reading,",
        "# start and end as HH:MM (an end before the start ends after midnight), and whether it",
        "# counts as a late shift for W5.",
    ]
    for s in scenario.shifts:
        lines += _shift_toml(s)
    lines += [
        "# Hard rules R1-R8 (硬性规则).",
        "[rules]",
        f"pair_rule = {_toml_bool(r.pair_rule)}  # R1 director and senior leader never both off",
        f"days_off = {r.days_off}  # R4 default days off in the month (staff.csv may override)",
        f"leave_counts_as_day_off = {_toml_bool(r.leave_counts_as_day_off)}"
        "  # R4 leave days count towards the quota",
        f"max_consecutive_work_days = {r.max_consecutive_work_days}  # R5 (Labour Law art. 38)",
        f"min_rest_hours = {_toml_number(r.min_rest_hours)}  # R6 rest between two shifts",
        f"cover_shortfall = {toml_string(r.cover_shortfall.value)}"
        "  # R7 agents below minimum: forbid | report",
        f"min_leaders_shortfall = {toml_string(r.min_leaders_shortfall.value)}"
        "  # R8 leaders below minimum: forbid | report",
        "",
        "# Weights of the soft wishes W1-W5 (软性愿望权重), integers >= 0; 0 switches a term off.",
        "[weights]",
        f"cover_shortfall = {w.cover_shortfall}"
        "  # per missing person, when a shortfall policy is report",
        f"below_target = {w.below_target}  # W1 per agent below target on a date and shift",
        f"day_off_request = {w.day_off_request}  # W2 per wished day off not granted",
        f"shift_request = {w.shift_request}  # W2 per wished shift not granted",
        f"avoid_shift_request = {w.avoid_shift_request}  # W2 per unwanted shift assigned",
        f"weekend_fairness = {w.weekend_fairness}"
        "  # W3 per day of (max - min) weekend/holiday days off",
        f"isolated_day_off = {w.isolated_day_off}  # W4 per single day off between worked days",
        f"late_shift_fairness = {w.late_shift_fairness}"
        "  # W5 per shift of (max - min) late shifts among agents",
        f"shift_type_change = {w.shift_type_change}  # W5 per change of shift type within a week",
        "",
        "# Public holidays and 调休 make-up workdays come from the chinesecalendar package;",
        "# calendar.csv rows override it. overrides_complete = true: the overrides alone define",
        "# the month (needed for a month the package does not cover).",
        "[calendar]",
    ]
    overrides = f"overrides = {toml_string(CALENDAR_FILE)}"
    lines += [
        overrides if scenario.calendar_overrides else f"# {overrides}",
        f"overrides_complete = {_toml_bool(scenario.calendar.overrides_complete)}",
        "",
        "# File names, only if not the defaults below (a file named here must exist).",
        "# [files]",
        *(
            f"# {key} = {toml_string(name)}"
            for key, name in [
                ("staff", STAFF_FILE),
                ("demand", DEMAND_FILE),
                ("requests", REQUESTS_FILE),
                ("history", HISTORY_FILE),
                ("ads", ADS_FILE),
                ("calendar", CALENDAR_FILE),
            ]
        ),
        "",
    ]
    if scenario.assessment != AssessmentSettings():
        lines += _assessment_toml(scenario.assessment)
    return "\n".join(lines)


# --- CSV --------------------------------------------------------------------------------------
def _csv_text(header: Sequence[str], rows: Iterable[Sequence[str]]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue()


def _write_csv(
    folder: Path,
    file: str,
    columns: Sequence[str],
    rows: Iterable[Sequence[str]],
    headers: HeaderLanguage,
) -> None:
    names = _ZH_HEADERS.get(file, {}) if headers == "zh" else {}
    header = [names.get(c, c) for c in columns]
    (folder / file).write_text(_csv_text(header, rows), encoding="utf-8-sig", newline="")


def _quota_text(quota: DaysOffQuota | None) -> str:
    if quota is None:
        return ""
    if quota.minimum == quota.maximum:
        return str(quota.minimum)
    return f"{quota.minimum}-{quota.maximum}"


def _staff_rows(staff: Iterable[Employee], headers: HeaderLanguage) -> list[list[str]]:
    return [
        [
            e.employee_id,
            e.name,
            _ZH_ROLES[e.role] if headers == "zh" else e.role.value,
            e.center,
            e.team,
            _quota_text(e.days_off),
            "|".join(e.shifts) if e.shifts else "",
            e.leader_since.isoformat() if e.leader_since else "",
        ]
        for e in staff
    ]


def _request_runs(requests: Sequence[Request]) -> list[tuple[Request, dt.date]]:
    """Adjacent requests of one person, type, shift and weight on consecutive dates -> ranges."""
    runs: list[tuple[Request, dt.date]] = []
    for req in requests:
        if runs:
            first, last = runs[-1]
            if (
                req.employee_id == first.employee_id
                and req.type == first.type
                and req.shift == first.shift
                and req.weight == first.weight
                and req.date == last + dt.timedelta(days=1)
            ):
                runs[-1] = (first, req.date)
                continue
        runs.append((req, req.date))
    return runs


def _request_rows(requests: Sequence[Request], headers: HeaderLanguage) -> list[list[str]]:
    rows: list[list[str]] = []
    for first, last in _request_runs(requests):
        kind = _ZH_REQUEST_TYPES[first.type] if headers == "zh" else first.type.value
        rows.append(
            [
                first.employee_id,
                first.date.isoformat(),
                last.isoformat() if last != first.date else "",
                kind,
                first.shift or "",
                "" if first.weight is None else str(first.weight),
            ]
        )
    return rows


def write_scenario(
    scenario: Scenario, folder: Path | str, *, headers: HeaderLanguage = "en"
) -> None:
    """Write the scenario to ``folder`` (created if missing; files of the same name are replaced).

    Writes scenario.toml and every table of the format; the optional tables (requests, history,
    ads, calendar) are header-only when empty, as templates to fill in.
    """
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    (folder / SETTINGS_FILE).write_text(scenario_toml(scenario), encoding="utf-8", newline="\n")

    _write_csv(
        folder,
        STAFF_FILE,
        ["employee_id", "name", "role", "center", "team", "days_off", "shifts", "leader_since"],
        _staff_rows(scenario.staff, headers),
        headers,
    )
    _write_csv(
        folder,
        DEMAND_FILE,
        ["center", "day", "shift", "min_agents", "target_agents", "min_leaders"],
        (
            [d.center, d.day, d.shift, str(d.min_agents), str(d.target_agents), str(d.min_leaders)]
            for d in scenario.demand
        ),
        headers,
    )
    _write_csv(
        folder,
        REQUESTS_FILE,
        ["employee_id", "date", "end_date", "type", "shift", "weight"],
        _request_rows(scenario.requests, headers),
        headers,
    )
    _write_csv(
        folder,
        HISTORY_FILE,
        ["employee_id", "date", "shift"],
        ([h.employee_id, h.date.isoformat(), h.shift] for h in scenario.history),
        headers,
    )
    _write_csv(
        folder,
        ADS_FILE,
        ["center", "date", "start", "end"],
        (
            [a.center, a.date.isoformat(), format_clock(a.start), format_clock(a.end)]
            for a in scenario.ads
        ),
        headers,
    )
    _write_csv(
        folder,
        CALENDAR_FILE,
        ["date", "kind", "name"],
        ([o.date.isoformat(), o.kind, o.name] for o in scenario.calendar_overrides),
        headers,
    )


__all__ = ["format_clock", "scenario_toml", "toml_string", "write_scenario"]
