"""Every message of the rules, the explanations and the repair reasons, in English and Chinese.

A message is a :class:`Text`: a key of :data:`MESSAGES` and its arguments. It is rendered in a
language only where it is shown (:meth:`Text.render`), so the same violation reads
"R5: Ann (A1) works 7 days in a row …" with ``en`` and "R5：Ann (A1) 从 … 连续上班 7 天" with
``zh``. :data:`MESSAGES` maps each key to one ``str.format`` template per language; both
templates of a key use the same placeholders (``tests/test_messages.py`` checks it).

An argument is a plain value, shown as it is in every language (a person's label "name (id)",
an ISO date, a shift code, a number), a nested :class:`Text` (rendered in the same language),
or a tuple of those (joined by ", " in English and "、" in Chinese). In Chinese, a space of a
template between two Chinese words is dropped where an argument meets it ("排班为 {got}" reads
"排班为休息" but "排班为 M"); the arguments themselves are never changed.
"""

from __future__ import annotations

import string
import unicodedata
from dataclasses import dataclass
from typing import Literal, TypeAlias

Lang = Literal["zh", "en"]
LANGS: tuple[Lang, ...] = ("zh", "en")

#: an argument of a message: plain (the same in every language), a nested text, or a list
Value: TypeAlias = "str | int | float | Text | tuple[Value, ...]"

#: how a tuple argument is joined
SEPARATORS: dict[Lang, str] = {"en": ", ", "zh": "、"}

MESSAGES: dict[str, dict[Lang, str]] = {
    # --- shared pieces ------------------------------------------------------------------------
    "day.index": {"en": "day {index}", "zh": "第 {index} 天"},
    "cell.OFF": {"en": "OFF", "zh": "休息"},
    "cell.LEAVE": {"en": "LEAVE", "zh": "请假"},
    "count.day": {"en": "{n} day", "zh": "{n} 天"},
    "count.days": {"en": "{n} days", "zh": "{n} 天"},
    "term.director": {"en": "director", "zh": "中心主任"},
    "term.senior leader": {"en": "senior leader", "zh": "资深组长"},
    "term.agents": {"en": "agents", "zh": "座席"},
    "term.team leaders": {"en": "team leaders", "zh": "组长"},
    "term.employees": {"en": "employees", "zh": "员工"},
    # --- rule titles (by class name), for the default description of a rule group ------------
    "title.MaxConsecutiveWorkDays": {"en": "max consecutive working days",
                                     "zh": "最多连续上班天数"},
    "title.MaxShiftsPerType": {"en": "most shifts of each type", "zh": "每种班次的最多天数"},
    "title.MaxWeekends": {"en": "most weekends worked", "zh": "最多上班的周末数"},
    "title.FixedCells": {"en": "leave and pinned cells kept", "zh": "保留请假与固定班次"},
    "title.OneShiftPerDay": {"en": "one shift per day", "zh": "每天一个班次"},
    "title.TotalMinutes": {"en": "total minutes worked", "zh": "总工作时长"},
    "title.DaysOffQuota": {"en": "days off per month", "zh": "月休天数"},
    "title.MinConsecutiveWork": {"en": "least consecutive working days",
                                 "zh": "最少连续上班天数"},
    "title.MinConsecutiveDaysOff": {"en": "least consecutive days off",
                                    "zh": "最少连续休息天数"},
    "title.ForbiddenSuccessions": {"en": "rest between shifts", "zh": "班次间休息时间"},
    "title.PairRule": {"en": "pair rule", "zh": "双人规则"},
    "title.Cover": {"en": "cover", "zh": "在岗人数"},
    "title.IsolatedDayOff": {"en": "days off in blocks", "zh": "休息日连休"},
    "title.ShiftTypeChanges": {"en": "few changes of shift type within a week",
                               "zh": "一周内少换班次类型"},
    "title.RestDayFairness": {"en": "weekend and holiday days off spread evenly",
                              "zh": "周末及节假日休息均衡"},
    "title.LateShiftFairness": {"en": "late shifts spread evenly", "zh": "晚班均衡"},
    "title.ShiftRequests": {"en": "requests honoured", "zh": "满足员工意愿"},
    "rule.group": {"en": "{rule} {title} ({subject})", "zh": "{rule} {title}（{subject}）"},
    # --- R5 / H5 most consecutive working days (solver/rules/consecutive.py) ------------------
    "consecutive.too_long": {
        "en": "{rule}: {person} works {n} days in a row from {first} to {last}{since}; "
              "at most {limit}",
        "zh": "{rule}：{person} 从 {first} 到 {last} 连续上班 {n} 天，最多 {limit} 天{since}",
    },
    "consecutive.since": {"en": " (counting {past} days of the previous month)",
                          "zh": "（含上月 {past} 天）"},
    "consecutive.pinned": {
        "en": "{rule}: {person} is pinned to work {n} days in a row up to {last}; "
              "at most {limit}",
        "zh": "{rule}：{person} 截至 {last} 已被固定连续上班 {n} 天，最多 {limit} 天",
    },
    "consecutive.group": {"en": "{rule} {person} works at most {limit} days in a row",
                          "zh": "{rule} {person} 最多连续上班 {limit} 天"},
    # --- most shifts of each type (solver/rules/shift_counts.py) ------------------------------
    "shift_counts.too_many": {
        "en": "{rule}: {person} works shift {shift} on {days}; at most {limit}",
        "zh": "{rule}：{person} 上了 {days} {shift} 班，最多 {limit} 天",
    },
    "shift_counts.pinned": {
        "en": "{rule}: {person} is pinned to shift {shift} on {days}; at most {limit}",
        "zh": "{rule}：{person} 被固定上 {days} {shift} 班，最多 {limit} 天",
    },
    "shift_counts.limit": {"en": "{shift} on at most {limit}", "zh": "{shift} 班最多 {limit} 天"},
    "shift_counts.group": {"en": "{rule} {person} works {limits} days",
                           "zh": "{rule} {person} 每种班次的天数上限：{limits}"},
    # --- most weekends worked (solver/rules/weekends.py) --------------------------------------
    "weekends.too_many": {
        "en": "{rule}: {person} works on {n} weekends (starting {which}); at most {limit}",
        "zh": "{rule}：{person} 有 {n} 个周末上班（周末起始日：{which}），最多 {limit} 个",
    },
    "weekends.pinned": {
        "en": "{rule}: {person} is pinned to work on {n} weekends; at most {limit}",
        "zh": "{rule}：{person} 被固定在 {n} 个周末上班，最多 {limit} 个",
    },
    "weekends.group": {"en": "{rule} {person} works on at most {limit} weekends",
                       "zh": "{rule} {person} 最多在 {limit} 个周末上班"},
    # --- R3 / H9 leave and pinned cells (solver/rules/fixed_cells.py) -------------------------
    "fixed_cells.leave_changed": {
        "en": "{rule}: {person} has approved leave on {day} but the roster says {got}",
        "zh": "{rule}：{person} {day} 已批准请假，但排班为 {got}",
    },
    "fixed_cells.pin_changed": {
        "en": "{rule}: {person} has pinned {want} on {day} but the roster says {got}",
        "zh": "{rule}：{person} {day} 固定为 {want}，但排班为 {got}",
    },
    "fixed_cells.unapproved_leave": {
        "en": "{rule}: {person} is on LEAVE on {day} without approved leave",
        "zh": "{rule}：{person} {day} 排为请假，但没有已批准的请假",
    },
    "fixed_cells.cell": {"en": "{day} {cell}", "zh": "{day} {cell}"},
    "fixed_cells.group": {"en": "{rule} fixed cells of {person}: {cells}",
                          "zh": "{rule} {person} 的固定安排：{cells}"},
    # --- R2 / H1 one shift per day (solver/rules/one_shift.py) --------------------------------
    "one_shift.unknown": {"en": "{rule}: {person} unknown shift {shift} on {day}",
                          "zh": "{rule}：{person} {day} 的班次 {shift} 不存在"},
    "one_shift.not_allowed": {"en": "{rule}: {person} may not work shift {shift} on {day}",
                              "zh": "{rule}：{person} {day} 排了 {shift} 班，但不能上该班次"},
    "one_shift.pinned": {
        "en": "{rule}: {person} is pinned to shift {shift} on {day} but may not work it",
        "zh": "{rule}：{person} {day} 被固定为 {shift} 班，但不能上该班次",
    },
    # --- total minutes (solver/rules/minutes.py) ----------------------------------------------
    "minutes.out_of_range": {
        "en": "{rule}: {person} works {total} minutes in {shifts} shift(s); {side} "
              "(between {low} and {high})",
        "zh": "{rule}：{person} 的 {shifts} 个班次共 {total} 分钟，{side}"
              "（应在 {low} 到 {high} 分钟之间）",
    },
    "minutes.at_least": {"en": "at least {low}", "zh": "至少 {low} 分钟"},
    "minutes.at_most": {"en": "at most {high}", "zh": "最多 {high} 分钟"},
    "minutes.pinned_over": {
        "en": "{rule}: {person} is pinned to {pinned} minutes of shifts; at most {high}",
        "zh": "{rule}：{person} 被固定的班次共 {pinned} 分钟，最多 {high} 分钟",
    },
    "minutes.unreachable": {
        "en": "{rule}: {person} can work at most {reachable} minutes; at least {low} are needed",
        "zh": "{rule}：{person} 最多只能上 {reachable} 分钟，至少需要 {low} 分钟",
    },
    "minutes.group": {"en": "{rule} {person} works between {low} and {high} minutes",
                      "zh": "{rule} {person} 工作时长在 {low} 到 {high} 分钟之间"},
    # --- R4 days off per month (solver/rules/days_off.py) -------------------------------------
    "days_off.out_of_quota": {
        "en": "{rule}: {person} has {off} days off{leave}; the quota is {quota}{counted}",
        "zh": "{rule}：{person} 休息 {off} 天{leave}，月休应为 {quota} 天{counted}",
    },
    "days_off.leave": {"en": " and {n} days of leave", "zh": "，另请假 {n} 天"},
    "days_off.leave_counts": {"en": " (leave counts)", "zh": "（请假计入月休）"},
    "days_off.pinned_off": {
        "en": "{rule}: {person} is pinned off on {n} days but may have at most {high} days off",
        "zh": "{rule}：{person} 被固定休息 {n} 天，但最多只能休 {high} 天",
    },
    "days_off.too_few_free": {
        "en": "{rule}: {person} needs {low} days off but only {free} days are not pinned to a "
              "shift",
        "zh": "{rule}：{person} 需要休息 {low} 天，但只有 {free} 天没有固定班次",
    },
    "days_off.group": {"en": "{rule} {person} gets {quota} days off",
                       "zh": "{rule} {person} 月休 {quota} 天"},
    # --- least consecutive days worked / off (solver/rules/min_consecutive.py) ----------------
    "min_run.short": {
        "en": "{rule}: {person} {verb} {days} in a row {when}{since}; at least {limit}",
        "zh": "{rule}：{person} {when} {verb} {days}，至少 {limit} 天{since}",
    },
    "min_run.on_day": {"en": "on {day}", "zh": "在 {day}"},
    "min_run.from_to": {"en": "from {first} to {last}", "zh": "从 {first} 到 {last}"},
    "min_run.since": {"en": " (counting {days} of history)", "zh": "（含之前的 {days}）"},
    "min_run.works": {"en": "works", "zh": "连续上班"},
    "min_run.pinned_work": {"en": "is pinned to work", "zh": "被固定连续上班"},
    "min_run.off": {"en": "is off", "zh": "连续休息"},
    "min_run.pinned_off": {"en": "is pinned off", "zh": "被固定连续休息"},
    "min_run.group": {"en": "{rule} {person} {verb} at least {limit} days in a row{edges}",
                      "zh": "{rule} {person} 每次{verb}至少 {limit} 天{edges}"},
    "min_run.edges": {"en": " (runs at the horizon's edges exempt)",
                      "zh": "（排班期首尾的连续段除外）"},
    # --- R6 / H2 rest between shifts (solver/rules/succession.py) -----------------------------
    "succession.works": {
        "en": "{rule}: {person} works {prev} on {when} then {cell} on {day}: {why}",
        "zh": "{rule}：{person} {when} 上 {prev} 班，{day} 接着上 {cell} 班：{why}",
    },
    "succession.day_before": {"en": "the day before the month", "zh": "上月最后一天"},
    "succession.pinned": {
        "en": "{rule}: {person} is pinned to {prev} then {cell} on {day}: {why}",
        "zh": "{rule}：{person} 被固定为 {prev} 班后，{day} 接 {cell} 班：{why}",
    },
    "succession.group": {"en": "{rule} {person}: no {pairs} on consecutive days",
                         "zh": "{rule} {person}：相邻两天不能排 {pairs}"},
    "succession.rest": {"en": "{rest} h of rest, at least {need} h needed",
                        "zh": "只休息 {rest} 小时，至少需要 {need} 小时"},
    # --- R1 pair rule (solver/rules/pair.py) --------------------------------------------------
    "pair.both_off": {
        "en": "{rule}: {first_role} {first} and {second_role} {second} are both off on {day}",
        "zh": "{rule}：{first_role} {first} 与{second_role} {second} 在 {day} 同时休息",
    },
    "pair.both_leave": {
        "en": "{rule}: {first_role} {first} and {second_role} {second} both have approved "
              "leave on {day}",
        "zh": "{rule}：{first_role} {first} 与{second_role} {second} 在 {day} 都已批准请假",
    },
    "pair.both_fixed_off": {
        "en": "{rule}: {first_role} {first} and {second_role} {second} are both fixed off on "
              "{day}",
        "zh": "{rule}：{first_role} {first} 与{second_role} {second} 在 {day} 都被固定休息",
    },
    "pair.group": {
        "en": "{rule} pair rule: {first_role} {first} and {second_role} {second} are never off "
              "on the same day",
        "zh": "{rule} 双人规则：{first_role} {first} 与{second_role} {second} 不能同日休息",
    },
    # --- R7 / R8 cover (solver/rules/cover.py) ------------------------------------------------
    "cover.where_shift": {"en": "{day} on shift {shift}", "zh": "{day} {shift} 班"},
    "cover.where_day": {"en": "{day}", "zh": "{day} 当天"},
    "cover.short": {
        "en": "{rule}: {where} needs at least {minimum} {who}, {n} assigned ({short} short)",
        "zh": "{rule}：{where}至少需要 {minimum} 名{who}，实际安排 {n} 名（缺 {short} 名）",
    },
    "cover.cannot": {
        "en": "{rule}: {where} needs at least {minimum} {who} but only {available} can work "
              "it{because}",
        "zh": "{rule}：{where}至少需要 {minimum} 名{who}，但只有 {available} 人能上{because}",
    },
    "cover.away": {"en": "; away or pinned elsewhere: {people}",
                   "zh": "；请假、休息或已固定其他班次：{people}"},
    "cover.group": {"en": "{rule} at least {minimum} {who} on {where}",
                    "zh": "{rule} {where}至少 {minimum} 名{who}"},
    "cover.group_unknown": {"en": "{rule} cover {subject}", "zh": "{rule} 在岗人数 {subject}"},
    # --- soft terms' details (patterns.py, fairness.py, requests.py): penalties.csv -----------
    "patterns.single_day_off": {"en": "single day off", "zh": "单独一天休息"},
    "fairness.rest_days": {"en": "max - min rest days off",
                           "zh": "周末及节假日休息天数的最大差"},
    "fairness.late_shifts": {"en": "max - min late shifts", "zh": "晚班次数的最大差"},
    "requests.off_day": {"en": "off day", "zh": "希望休息"},
    "requests.off_shift": {"en": "off {shift}", "zh": "不想上 {shift} 班"},
    "requests.on_day": {"en": "on day", "zh": "希望上班"},
    "requests.on_shift": {"en": "on {shift}", "zh": "想上 {shift} 班"},
    # --- the Curtois & Qu benchmark (roster/curtois.py) ---------------------------------------
    "curtois.several_shifts": {
        "en": "{rule}: {person} has {n} shifts on {day} ({shifts}); at most one",
        "zh": "{rule}：{person} {day} 有 {n} 个班次（{shifts}），最多一个",
    },
    "curtois.cannot_follow": {"en": "{next} cannot follow {shift}",
                              "zh": "{shift} 班之后不能接 {next} 班"},
    # --- explanations of infeasibility (solver/explain.py) ------------------------------------
    "explain.group": {"en": "{rule} ({subject})", "zh": "{rule}（{subject}）"},
    "explain.cannot_hold": {"en": "These rules cannot all hold together:",
                            "zh": "以下规则无法同时满足："},
    "explain.numbered": {"en": "{i}. These rules cannot all hold together:",
                         "zh": "{i}. 以下规则无法同时满足："},
    "explain.several": {"en": "{n} independent conflicts; each one alone leaves no roster:",
                        "zh": "共 {n} 组互相独立的冲突，其中任何一组都会导致无可行排班："},
    # --- repair reasons (solver/repair.py, changes.csv) ---------------------------------------
    "repair.rules": {"en": "{rules}", "zh": "{rules}"},
    "repair.objective": {"en": "objective", "zh": "目标值"},
}


def placeholders(template: str) -> set[str]:
    """The names a ``str.format`` template fills in ('{n:>3}' and '{n!r}' name n)."""
    return {field.split(".")[0].split("[")[0]
            for _, field, _, _ in string.Formatter().parse(template) if field}


@dataclass(frozen=True)
class Text:
    """A message: a key of :data:`MESSAGES` and its arguments, rendered in a language on demand."""

    key: str
    args: tuple[tuple[str, Value], ...] = ()

    def __post_init__(self) -> None:
        if self.key not in MESSAGES:
            raise KeyError(f"no message {self.key!r} in solver.messages.MESSAGES")

    @staticmethod
    def of(key: str, **args: Value) -> Text:
        """``Text.of("count.days", n=3)``."""
        return Text(key, tuple(args.items()))

    def arg(self, name: str) -> Value:
        """One argument's value (KeyError if it has none of that name)."""
        for key, value in self.args:
            if key == name:
                return value
        raise KeyError(name)

    def render(self, lang: Lang = "en") -> str:
        """The message in ``lang``."""
        template = MESSAGES[self.key][lang]
        values = {name: _shown(value, lang) for name, value in self.args}
        if lang != "zh":
            return template.format(**values)
        formatter = string.Formatter()
        out = ""
        for literal, field, spec, conversion in formatter.parse(template):
            out = _joined(out, literal)
            if field is not None:
                value = formatter.convert_field(values[field], conversion)
                out = _joined(out, formatter.format_field(value, spec or ""))
        return out


def _shown(value: Value, lang: Lang) -> str | int | float:
    if isinstance(value, Text):
        return value.render(lang)
    if isinstance(value, tuple):
        return SEPARATORS[lang].join(str(_shown(v, lang)) for v in value)
    return value


def _wide(char: str) -> bool:
    return unicodedata.east_asian_width(char) in "WF"


def _joined(left: str, right: str) -> str:
    """``left + right``, without a space at the seam that stands between two wide characters."""
    if len(left) >= 2 and left[-1] == " " and right and _wide(left[-2]) and _wide(right[0]):
        left = left[:-1]
    elif len(right) >= 2 and right[0] == " " and left and _wide(left[-1]) and _wide(right[1]):
        right = right[1:]
    return left + right


def render(value: Value, lang: Lang = "en") -> str:
    """Any message argument as text in ``lang`` (a plain value as it is)."""
    return str(_shown(value, lang))


def term(word: str) -> Value:
    """A word of a rule's parameters ('agents', 'director') as a translatable text, if known."""
    key = f"term.{word}"
    return Text(key) if key in MESSAGES else word


def cell_text(cell: str) -> Value:
    """A roster cell: OFF and LEAVE in words ('休息', '请假' in Chinese), a shift code as it is."""
    key = f"cell.{cell}"
    return Text(key) if key in MESSAGES else cell


def days_count(n: int) -> Text:
    """'1 day', '3 days' ('3 天')."""
    return Text.of("count.day" if n == 1 else "count.days", n=n)
