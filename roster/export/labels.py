"""Every label and message of ``roster export``, in Chinese (``zh``) and English (``en``).

The exports (workbook, web page, calendars, CSV headers) and the command's own messages take
their words from here, so that ``--lang`` changes all of them at once. The rules' own messages
come from the solver's message catalogue (:mod:`solver.messages`), in the same language, after
the rule's title (:func:`violation_text`).
"""

from __future__ import annotations

from roster.calendar import DayInfo, chinese_holiday_name
from roster.domain import LEAVE, OFF, Role
from roster.validate import RuleViolation
from solver.messages import LANGS as LANGS
from solver.messages import Lang as Lang

LABELS: dict[Lang, dict[str, str]] = {
    "en": {
        # people and the grid
        "employee_id": "Employee ID",
        "name": "Name",
        "team": "Team",
        "role": "Role",
        "center": "Center",
        "date": "Date",
        "shift": "Shift",
        "weekday": "Weekday",
        "acting_day": "Acting day",
        "acting_mark": "A",
        "acting_note": "Acting day: the director is off and the senior leader acts as director",
        "days_worked": "Days worked",
        "days_off": "Days off",
        "rest_days_off": "Weekends/holidays off",
        "late_shifts": "Late shifts",
        "cover_row": "{shift} agents / min",
        "cover_legend": "agents on duty / the minimum, per shift (red: short)",
        "cover_note": "{date} {shift}: {assigned} agent(s) on duty, at least {required} "
                      "needed, target {target}",
        "short_note": "{short} short",
        # calendar
        "weekend": "Weekend",
        "holiday": "Public holiday",
        "makeup": "Make-up workday",
        "makeup_note": "make-up workday (调休)",
        # cells
        "OFF": "Day off",
        "LEAVE": "Leave",
        "legend": "Legend",
        "shifts": "Shifts",
        # summary
        "summary": "Summary",
        "title": "Roster",
        "month": "Month",
        "people": "People",
        "acting_days": "Acting days (the director is off, the senior leader acts)",
        "violations": "Hard-rule violations",
        "penalties": "Soft penalties by rule",
        "objective": "Objective",
        "none": "none",
        "rule": "Rule",
        "employees": "Employees",
        "dates": "Dates",
        "message": "Message",
        "count": "Count",
        "cost": "Cost",
        "director": "Director",
        "senior_leader": "Senior leader",
        "ok": "No hard rule broken.",
        "broken": "{n} hard-rule violation(s), marked in red.",
        # the web page
        "chart": "Agents on duty against demand",
        "on_duty": "on duty",
        "minimum": "minimum",
        "target": "target",
        "short": "short",
        "generated": "Made by roster export from {roster}.",
        # calendars
        "ics_name": "Roster {month}: {name}",
        "ics_acting": "Acting director",
        # the command
        "wrote": "wrote {path}",
        "wrote_ics": "wrote {n} calendar file(s) to {path}",
        "exists": "{path}: exists; use --force to replace it",
        "not_folder": "{path}: exists and is not a folder",
        "is_folder": "{path}: is a folder; give a file name",
        "no_format": "--format: cannot tell the format from {path!r}; "
                     "give --format xlsx, html, ics or csv",
        "warn_broken": "the roster breaks {n} hard rule(s); they are marked in the export",
        "layout_only": "--layout: only for --format csv, not {fmt}",
        "same_file": "{path}: is the roster being read; write the export elsewhere",
        "stdout_only": "-o -: only csv and html can go to stdout, not {fmt}",
    },
    "zh": {
        "employee_id": "工号",
        "name": "姓名",
        "team": "组",
        "role": "职位",
        "center": "中心",
        "date": "日期",
        "shift": "班次",
        "weekday": "星期",
        "acting_day": "代任日",
        "acting_mark": "代",
        "acting_note": "代任日：中心主任休息，资深组长代任主任",
        "days_worked": "上班天数",
        "days_off": "休息天数",
        "rest_days_off": "周末及节假日休息",
        "late_shifts": "晚班次数",
        "cover_row": "{shift} 在岗座席 / 最少",
        "cover_legend": "各班次在岗座席 / 最少人数（红色：不足）",
        "cover_note": "{date} {shift}：在岗座席 {assigned} 人，最少 {required} 人，"
                      "目标 {target} 人",
        "short_note": "缺 {short} 人",
        "weekend": "周末",
        "holiday": "法定节假日",
        "makeup": "调休上班日",
        "makeup_note": "调休上班",
        "OFF": "休息",
        "LEAVE": "请假",
        "legend": "图例",
        "shifts": "班次",
        "summary": "汇总",
        "title": "排班表",
        "month": "月份",
        "people": "人数",
        "acting_days": "代任日（中心主任休息，资深组长代任）",
        "violations": "硬性规则违规",
        "penalties": "软性扣分（按规则）",
        "objective": "目标值",
        "none": "无",
        "rule": "规则",
        "employees": "员工",
        "dates": "日期",
        "message": "说明",
        "count": "次数",
        "cost": "扣分",
        "director": "中心主任",
        "senior_leader": "资深组长",
        "ok": "未违反硬性规则。",
        "broken": "违反硬性规则 {n} 处，以红色标出。",
        "chart": "在岗座席与需求",
        "on_duty": "在岗",
        "minimum": "最少",
        "target": "目标",
        "short": "缺",
        "generated": "由 roster export 根据 {roster} 生成。",
        "ics_name": "{month} 排班：{name}",
        "ics_acting": "代任中心主任",
        "wrote": "已写入 {path}",
        "wrote_ics": "已写入 {n} 个日历文件到 {path}",
        "exists": "{path}：已存在；使用 --force 覆盖",
        "not_folder": "{path}：已存在且不是文件夹",
        "is_folder": "{path}：是文件夹；请给出文件名",
        "no_format": "--format：无法从 {path!r} 判断格式；请指定 --format xlsx、html、ics 或 csv",
        "warn_broken": "排班违反硬性规则 {n} 处，已在导出文件中标出",
        "layout_only": "--layout：仅用于 --format csv，不适用于 {fmt}",
        "same_file": "{path}：是正在读取的排班文件；请导出到其他位置",
        "stdout_only": "-o -：只有 csv 和 html 可以输出到标准输出，{fmt} 不行",
    },
}

WEEKDAYS: dict[Lang, tuple[str, ...]] = {
    "en": ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"),
    "zh": ("一", "二", "三", "四", "五", "六", "日"),
}

ROLES: dict[Lang, dict[Role, str]] = {
    "en": {Role.DIRECTOR: "Director", Role.SENIOR_LEADER: "Senior leader",
           Role.TEAM_LEADER: "Team leader", Role.AGENT: "Agent"},
    "zh": {Role.DIRECTOR: "中心主任", Role.SENIOR_LEADER: "资深组长",
           Role.TEAM_LEADER: "组长", Role.AGENT: "座席代表"},
}

RULE_TITLES: dict[Lang, dict[str, str]] = {
    "en": {
        "R1": "director and senior leader both off",
        "R2": "one shift a day, of a type the person may work",
        "R3": "approved leave and pinned cells",
        "R4": "days off in the month",
        "R5": "consecutive working days",
        "R6": "rest between shifts",
        "R7": "agents on each shift",
        "R8": "team leaders on duty",
        "W1": "cover up to the target",
        "W2": "wishes",
        "W3": "weekend and holiday fairness",
        "W4": "isolated days off",
        "W5": "late shifts and shift changes",
    },
    "zh": {
        "R1": "中心主任与资深组长同日休息",
        "R2": "每日一个班次，且为本人可上的班次",
        "R3": "已批准的请假与固定班次",
        "R4": "月休天数",
        "R5": "连续上班天数",
        "R6": "班次间休息时间",
        "R7": "各班次座席人数",
        "R8": "在岗组长人数",
        "W1": "在岗人数达到目标",
        "W2": "员工意愿",
        "W3": "周末及节假日休息公平",
        "W4": "单独一天的休息",
        "W5": "晚班均衡与班次变换",
    },
}


def labels(lang: Lang) -> dict[str, str]:
    """The labels of ``lang``."""
    return LABELS[lang]


def role_text(role: Role, lang: Lang) -> str:
    return ROLES[lang][role]


def cell_label(cell: str, lang: Lang) -> str:
    """What a cell means, for legends and hovers: 'Day off', '请假', or the shift code itself."""
    if cell in (OFF, LEAVE):
        return LABELS[lang][cell]
    return cell


def rule_title(rule: str, lang: Lang) -> str:
    """A rule id's short title ('' for an id not listed)."""
    return RULE_TITLES[lang].get(rule, "")


def violation_text(v: RuleViolation, lang: Lang) -> str:
    """A violation explained in ``lang``: the rule's title, then the check's message."""
    title = rule_title(v.rule, lang)
    sep = "：" if lang == "zh" else ": "
    message = v.render(lang)
    return f"{v.rule} {title}{sep}{message}" if title else message


def day_note(info: DayInfo, lang: Lang) -> str:
    """A date's public holiday or make-up workday, as a note ('' for an ordinary day)."""
    if info.is_holiday:
        name = chinese_holiday_name(info.holiday_name) if lang == "zh" else info.holiday_name
        sep = "：" if lang == "zh" else ": "
        return f"{LABELS[lang]['holiday']}{sep}{name}" if name else LABELS[lang]["holiday"]
    if info.is_makeup_workday:
        return LABELS[lang]["makeup_note"] if lang == "zh" else LABELS[lang]["makeup"]
    return ""
