"""Every message of the rules, the explanations and the repair reasons, in English and Chinese.

A message is a :class:`Text`: a key of :data:`MESSAGES` and its arguments. It is rendered in a
language only where it is shown (:meth:`Text.render`), so the same violation reads
"R5: Ann (A1) works 7 days in a row …" with ``en`` and "R5：Ann (A1) 从 … 连续上班 7 天" with
``zh``. :data:`MESSAGES` maps each key to one ``str.format`` template per language; both
templates of a key use the same placeholders (``tests/test_messages.py`` checks it). The errors
about bad input (:mod:`roster.errors`: the readers, the domain's checks, pydantic's by type) are
texts of this catalogue too, from ``input.`` on.

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
    # --- input errors: where (roster/errors.py) ------------------------------------------------
    # A problem of an input file reads "staff.csv, row 5, column 'role': …" /
    # "staff.csv 第 5 行「role」列：…"; file and column names are shown as written.
    "input.row": {"en": "{where}, row {row}", "zh": "{where} 第 {row} 行"},
    "input.column": {"en": "{where}, column {column}", "zh": "{where}「{column}」列"},
    "input.problem": {"en": "{where}: {message}", "zh": "{where}：{message}"},
    "input.cut": {"en": "{head} … [{cut:,} characters cut] … {tail}",
                  "zh": "{head} … [已省略 {cut:,} 个字符] … {tail}"},
    # --- input errors: shared pieces -----------------------------------------------------------
    "input.expected": {"en": "expected {expected}, got {got!r}",
                       "zh": "应为 {expected}，实际为 {got!r}"},
    "input.empty_cell": {"en": "expected {expected}, got an empty cell",
                         "zh": "应填写 {expected}，但单元格为空"},
    "input.got": {"en": ", got {got!r}", "zh": "，实际为 {got!r}"},
    "input.with_got": {"en": "{message}, got {got!r}", "zh": "{message}，实际为 {got!r}"},
    "input.and": {"en": "{first}; {then}", "zh": "{first}；{then}"},
    "input.given_twice": {"en": "{what} is given more than once{rows}",
                          "zh": "{what} 重复出现{rows}"},
    "input.rows": {"en": " (rows {rows})", "zh": "（第 {rows} 行）"},
    "input.not_in_month": {"en": "expected a date in the scenario month {month}, got {got!r}",
                           "zh": "应为场景月份 {month} 内的日期，实际为 {got!r}"},
    "input.unknown_employee": {"en": "unknown employee_id {id!r}: not in {file}",
                               "zh": "未知的工号 {id!r}：{file} 中没有此人"},
    "input.unknown_center": {"en": "unknown center {center!r}; the centers are {centers}",
                             "zh": "未知的中心 {center!r}，现有的中心为 {centers}"},
    "input.semicolons": {
        "en": "; the cells seem separated by ';' or tabs, not commas: save as CSV",
        "zh": "；单元格似乎是用分号或制表符分隔的，而不是逗号：请另存为 CSV",
    },
    "input.or": {"en": "{some} or {last}", "zh": "{some} 或 {last}"},
    "input.and_also": {"en": "{some} and {last}", "zh": "{some}和{last}"},
    "role.director": {"en": "director", "zh": "中心主任"},
    "role.senior_leader": {"en": "senior_leader", "zh": "资深组长"},
    "role.team_leader": {"en": "team_leader", "zh": "组长"},
    "role.agent": {"en": "agent", "zh": "座席"},
    # a weekday as the English names it, with its Chinese name given as the argument
    "weekday.0": {"en": "Monday ({cn})", "zh": "{cn}"},
    "weekday.1": {"en": "Tuesday ({cn})", "zh": "{cn}"},
    "weekday.2": {"en": "Wednesday ({cn})", "zh": "{cn}"},
    "weekday.3": {"en": "Thursday ({cn})", "zh": "{cn}"},
    "weekday.4": {"en": "Friday ({cn})", "zh": "{cn}"},
    "weekday.5": {"en": "Saturday ({cn})", "zh": "{cn}"},
    "weekday.6": {"en": "Sunday ({cn})", "zh": "{cn}"},
    # --- what a cell should hold ("expected …, got …") -------------------------------------------
    "what.value": {"en": "a value", "zh": "内容"},
    "what.employee_id": {"en": "an employee id", "zh": "工号"},
    "what.name": {"en": "a name", "zh": "姓名"},
    "what.center": {"en": "a center", "zh": "中心"},
    "what.date": {"en": "a date", "zh": "日期"},
    "what.month": {"en": "a month", "zh": "月份"},
    "what.time": {"en": "a time HH:MM", "zh": "HH:MM 格式的时间"},
    "what.shift": {"en": "a shift code", "zh": "班次代码"},
    "what.whole_number": {"en": "a whole number from {lo} to {hi}",
                          "zh": "{lo} 到 {hi} 之间的整数"},
    "what.role": {"en": "a role: director, senior_leader, team_leader or agent ({words})",
                  "zh": "角色：director、senior_leader、team_leader 或 agent（{words}）"},
    "what.day": {"en": "a day (all, weekday, weekend, holiday, ad, mon … sun or a date)",
                 "zh": "日期类型（all、weekday、weekend、holiday、ad、mon … sun 或具体日期）"},
    "what.request_type": {
        "en": "a request type: leave ({leave}), off ({off}), shift ({shift}), avoid ({avoid}) "
              "or pin ({pin})",
        "zh": "申请类型：leave（{leave}）、off（{off}）、shift（{shift}）、avoid（{avoid}）"
              "或 pin（{pin}）",
    },
    "what.request_shift": {"en": "the shift of a {kind} request", "zh": "{kind} 申请的班次"},
    "what.pin_shift": {"en": "the shift code (or OFF) of a pin request",
                       "zh": "pin 申请的班次代码（或 OFF）"},
    "what.calendar_kind": {"en": "holiday ({holiday}) or workday ({workday})",
                           "zh": "holiday（{holiday}）或 workday（{workday}）"},
    "what.order_id": {"en": "an order id", "zh": "订单号"},
    "what.amount": {"en": "an amount", "zh": "金额"},
    "what.status": {
        "en": "a status: shipped ({shipped}), cancelled ({cancelled}), refused ({refused}) or "
              "blocked ({blocked})",
        "zh": "订单状态：shipped（{shipped}）、cancelled（{cancelled}）、refused（{refused}）"
              "或 blocked（{blocked}）",
    },
    "what.senior_leader_id": {"en": "the senior leader's employee id", "zh": "资深组长的工号"},
    "what.rater_role": {
        "en": "a rater role: manager ({manager}), director ({director}) or employee ({employee})",
        "zh": "评分人角色：manager（{manager}）、director（{director}）或 employee（{employee}）",
    },
    "what.criterion": {"en": "a criterion ({criteria})", "zh": "评分项目（{criteria}）"},
    "what.points": {"en": "points", "zh": "分数"},
    "what.commission": {"en": "the director's commission", "zh": "中心主任提成"},
    "what.decision": {"en": "a decision: keep ({keep}) or remove ({remove})",
                      "zh": "决定：keep（{keep}）或 remove（{remove}）"},
    "what.reason": {"en": "the manager's written reason (an override needs one)",
                    "zh": "部门经理的书面理由（推翻结果必须写明理由）"},
    "what.sales": {"en": "the month's sales", "zh": "当月销售额"},
    # --- reading a file (roster/io/encoding.py, roster/io/roster_reader.py) -------------------
    "file.not_found": {"en": "file not found: {path}", "zh": "找不到文件：{path}"},
    "file.is_folder": {"en": "expected a file, found a folder: {path}",
                       "zh": "应为文件，但这是一个文件夹：{path}"},
    "file.cannot_read": {"en": "cannot read the file: {error}", "zh": "无法读取文件：{error}"},
    "file.too_large": {"en": "the file is {size:.1f} MB; input files may be at most {limit} MB",
                       "zh": "文件大小为 {size:.1f} MB，输入文件最大为 {limit} MB"},
    "file.refused": {
        "en": "{what}; accepted encodings are UTF-8 (with or without a BOM) or GB18030 (GBK): "
              "{fix}",
        "zh": "{what}；可接受的编码为 UTF-8（带或不带 BOM）或 GB18030（GBK）：{fix}",
    },
    "file.how_to_fix": {
        "en": "save it again as 'CSV UTF-8' (in Excel: Save As > CSV UTF-8 (Comma delimited))",
        "zh": "请重新另存为“CSV UTF-8”（Excel 中：另存为 > CSV UTF-8（逗号分隔））",
    },
    "file.encoded_as": {"en": "the file is encoded as {encoding}", "zh": "文件的编码为 {encoding}"},
    "file.xlsx": {"en": "this is an Excel workbook (.xlsx) or another zip file, not CSV: {fix}",
                  "zh": "这是 Excel 工作簿（.xlsx）或其他 zip 文件，不是 CSV：{fix}"},
    "file.xls": {"en": "this is an old Excel workbook (.xls), not CSV: {fix}",
                 "zh": "这是旧版 Excel 工作簿（.xls），不是 CSV：{fix}"},
    "file.no_bom": {"en": "the file looks like {encoding} text without a byte-order mark",
                    "zh": "文件似乎是不带字节顺序标记（BOM）的 {encoding} 文本"},
    "file.binary": {"en": "the file looks binary, not text (it has NUL bytes)",
                    "zh": "文件似乎是二进制文件，不是文本（含有 NUL 字节）"},
    "file.neither": {
        "en": "the file is neither UTF-8 nor GB18030 (byte 0x{byte:02x} at offset {offset} is "
              "invalid in both)",
        "zh": "文件既不是 UTF-8 也不是 GB18030（偏移 {offset} 处的字节 0x{byte:02x} "
              "在两种编码中都无效）",
    },
    "file.unassigned": {
        "en": "the file is not UTF-8, and read as GB18030 it holds unassigned characters (is it "
              "Big5 or another encoding?)",
        "zh": "文件不是 UTF-8，按 GB18030 读取时含有未分配的字符（是不是 Big5 或其他编码？）",
    },
    "file.latin1": {
        "en": "the file is not UTF-8, and does not look like GB18030 Chinese text either (is it "
              "Latin-1 / Windows-1252?)",
        "zh": "文件不是 UTF-8，也不像 GB18030 编码的中文文本（是不是 Latin-1 / Windows-1252？）",
    },
    "file.control": {
        "en": "the file holds the control character U+{code:04X} on line {line}, so it is "
              "binary or in another encoding",
        "zh": "文件第 {line} 行含有控制字符 U+{code:04X}，说明它是二进制文件或使用了其他编码",
    },
    "file.old_xls": {
        "en": "an old Excel .xls workbook; save it as .xlsx (Excel Workbook) or as CSV UTF-8",
        "zh": "这是旧版 Excel .xls 工作簿，请另存为 .xlsx（Excel 工作簿）或 CSV UTF-8",
    },
    "file.workbook_too_large": {"en": "the file is larger than {limit} MB; is it a roster?",
                                "zh": "文件超过 {limit} MB，这真的是排班表吗？"},
    "file.no_worksheet": {"en": "the workbook has no worksheet", "zh": "工作簿中没有工作表"},
    "file.unzips_to": {
        "en": "the workbook unzips to {size:.0f} MB; input files may be at most {limit} MB "
              "unzipped",
        "zh": "工作簿解压后为 {size:.0f} MB，输入文件解压后最大为 {limit} MB",
    },
    "file.unreadable_workbook": {"en": "not a readable Excel workbook (.xlsx): {detail}",
                                 "zh": "无法作为 Excel 工作簿（.xlsx）读取：{detail}"},
    # --- CSV tables (roster/io/tables.py) ------------------------------------------------------
    "table.invalid_csv": {"en": "not a valid CSV file (near line {line}): {error}",
                          "zh": "不是有效的 CSV 文件（约第 {line} 行）：{error}"},
    "table.empty": {"en": "the file is empty; expected a header row ({columns})",
                    "zh": "文件是空的，应有表头行（{columns}）"},
    "table.too_wide": {
        "en": "the row has {cells:,} cells; a table may have at most {limit:,} columns (is the "
              "file really this table?)",
        "zh": "该行有 {cells:,} 个单元格，表格最多 {limit:,} 列（这个文件真的是这张表吗？）",
    },
    "table.same_column": {
        "en": "columns {first} ({first_header!r}) and {second} ({second_header!r}) both give "
              "{column}; keep only one",
        "zh": "{first} 列（{first_header!r}）和 {second} 列（{second_header!r}）都是 {column}，"
              "请只保留一列",
    },
    "table.missing_column": {
        "en": "missing column {column!r}{aliases}; the header row has: {found}{hint}",
        "zh": "缺少 {column!r} 列{aliases}；表头行为：{found}{hint}",
    },
    "table.aliases": {"en": " (or {aliases})", "zh": "（或 {aliases}）"},
    "table.whole_number": {"en": "expected a whole number from {lo} to {hi}, got {got!r}",
                           "zh": "应为 {lo} 到 {hi} 之间的整数，实际为 {got!r}"},
    "table.no_such_day": {"en": "expected a date like 2026-10-05, got {got!r} (no such day)",
                          "zh": "应为 2026-10-05 这样的日期，实际为 {got!r}（没有这一天）"},
    "table.date": {
        "en": "expected a date like 2026-10-05, 2026/10/5 or {example}, got {got!r}",
        "zh": "应为 2026-10-05、2026/10/5 或 {example} 这样的日期，实际为 {got!r}",
    },
    # --- scenario.toml (roster/io/scenario_reader.py) -----------------------------------------
    "toml.invalid": {"en": "invalid TOML: {detail}", "zh": "TOML 格式错误：{detail}"},
    "toml.invalid_at": {"en": "invalid TOML: {detail} (line {line}, column {column})",
                        "zh": "TOML 格式错误：{detail}（第 {line} 行第 {column} 列）"},
    "toml.unknown_key": {"en": "unknown key {path!r}{close}{known}",
                         "zh": "未知的键 {path!r}{close}{known}"},
    "toml.did_you_mean": {"en": " (did you mean {name!r}?)", "zh": "（是不是 {name!r}？）"},
    "toml.known_keys": {"en": "; known keys here: {keys}", "zh": "；此处可用的键：{keys}"},
    "toml.missing_key": {"en": "{path}: missing; this key is required",
                         "zh": "{path}：缺少此项，该项为必填"},
    "toml.no_scenario": {"en": "missing the [scenario] table (with at least month = \"YYYY-MM\")",
                         "zh": "缺少 [scenario] 表（至少要有 month = \"YYYY-MM\"）"},
    "toml.no_centers": {"en": "missing the [[centers]] tables: at least one center is needed",
                        "zh": "缺少 [[centers]] 表：至少需要一个中心"},
    "toml.no_shifts": {"en": "missing the [[shifts]] tables: at least one shift is needed",
                       "zh": "缺少 [[shifts]] 表：至少需要一个班次"},
    # a TOML value of any type: {got} is its repr
    "toml.code": {"en": "{path}: expected a code of letters, digits and '_', got {got}",
                  "zh": "{path}：应为由字母、数字和 '_' 组成的代码，实际为 {got}"},
    "toml.value": {"en": "{path}: {message}{got}", "zh": "{path}：{message}{got}"},
    "toml.month_quoted": {"en": "expected a month like \"2026-10\" (in quotes), got {got}",
                          "zh": "应为 \"2026-10\" 这样的月份（要加引号），实际为 {got}"},
    "toml.time_quoted": {"en": "expected a time like \"08:30\" (in quotes), got {got}",
                         "zh": "应为 \"08:30\" 这样的时间（要加引号），实际为 {got}"},
    "toml.same_center_id": {"en": "{path}: {id!r} is already the id of {other}",
                            "zh": "{path}：{id!r} 已是 {other} 的 id"},
    "toml.reserved_code": {
        "en": "{path}: {code!r} is reserved for days off and leave; choose another",
        "zh": "{path}：{code!r} 是休息和请假的保留代码，请换一个",
    },
    "toml.reserved_name": {
        "en": "{path}: {spelling!r} means a day off or leave; it cannot name a shift",
        "zh": "{path}：{spelling!r} 表示休息或请假，不能用作班次名称",
    },
    "toml.name_taken": {"en": "{path}: {spelling!r} already names shift {code}",
                        "zh": "{path}：{spelling!r} 已是班次 {code} 的名称"},
    "toml.two_calendars": {
        "en": "calendar.overrides ({overrides!r}) and files.calendar ({calendar!r}) name "
              "different files; give only one",
        "zh": "calendar.overrides（{overrides!r}）和 files.calendar（{calendar!r}）"
              "指向不同的文件，请只写一个",
    },
    # --- the scenario's tables (roster/io/scenario_reader.py) ---------------------------------
    "scenario.not_found": {"en": "scenario folder not found", "zh": "找不到场景文件夹"},
    "scenario.unknown_center": {
        "en": "unknown center {center!r}; the centers in {file} are {centers}",
        "zh": "未知的中心 {center!r}，{file} 中的中心为 {centers}",
    },
    "scenario.unknown_shift": {
        "en": "unknown shift {shift!r}; expected a shift code ({codes}) or one of its aliases",
        "zh": "未知的班次 {shift!r}，应为班次代码（{codes}）或其别名",
    },
    "scenario.unknown_cell": {
        "en": "unknown shift {shift!r}; expected a shift code ({codes}), OFF ({off}) or "
              "LEAVE ({leave})",
        "zh": "未知的班次 {shift!r}，应为班次代码（{codes}）、OFF（{off}）或 LEAVE（{leave}）",
    },
    "scenario.day": {
        "en": "expected a day: all, weekday, weekend, holiday, ad, mon … sun ({days}) or a "
              "date, got {got!r}",
        "zh": "应为日期类型：all、weekday、weekend、holiday、ad、mon … sun（{days}）"
              "或具体日期，实际为 {got!r}",
    },
    "scenario.no_team": {
        "en": "expected a team name (only a director may have none), got an empty cell",
        "zh": "应填写组名（只有中心主任可以不填），但单元格为空",
    },
    "scenario.no_role": {"en": "center {center} has no {role}; it needs exactly one",
                         "zh": "中心 {center} 没有{role}，必须有且只有一名"},
    "scenario.many_roles": {
        "en": "center {center} has {n} {role}s (rows {rows}); it needs exactly one",
        "zh": "中心 {center} 有 {n} 名{role}（第 {rows} 行），必须有且只有一名",
    },
    "scenario.target_below_min": {
        "en": "expected at least min_agents ({min_agents}), got {got!r}",
        "zh": "应不小于 min_agents（{min_agents}），实际为 {got!r}",
    },
    "scenario.end_before_start": {"en": "expected a date on or after {first}, got {got!r}",
                                  "zh": "应为 {first} 当天或之后的日期，实际为 {got!r}"},
    "scenario.pin_leave": {
        "en": "a pin fixes a shift or OFF, got {got!r}; write approved leave as type leave",
        "zh": "pin 只能固定班次或 OFF，实际为 {got!r}；已批准的请假请写成 leave 类型",
    },
    "scenario.history_date": {
        "en": "expected a date in the {n} days before {month} ({first} … {last}), got {got!r}",
        "zh": "应为 {month} 之前 {n} 天内的日期（{first} … {last}），实际为 {got!r}",
    },
    "scenario.dup_employee": {"en": "employee_id {id!r}", "zh": "工号 {id!r}"},
    "scenario.dup_demand": {"en": "the demand of center {center}, day {day}, shift {shift}",
                            "zh": "中心 {center}、日期类型 {day}、班次 {shift} 的需求"},
    "scenario.dup_shift_of": {"en": "the shift of {id} on {date}",
                              "zh": "{id} 在 {date} 的班次"},
    "scenario.dup_date": {"en": "date {date}", "zh": "日期 {date}"},
    # --- the domain's checks (roster/domain.py) -----------------------------------------------
    "domain.clock": {"en": "expected a time HH:MM, got {got!r}",
                     "zh": "应为 HH:MM 格式的时间，实际为 {got!r}"},
    "domain.clock_24": {"en": "expected a time HH:MM up to 24:00, got {got!r}",
                        "zh": "应为不晚于 24:00 的 HH:MM 时间，实际为 {got!r}"},
    "domain.month": {"en": "expected a month YYYY-MM, got {got!r}",
                     "zh": "应为 YYYY-MM 格式的月份，实际为 {got!r}"},
    "domain.end_before_start": {"en": "shift {code}: end must be after start",
                                "zh": "班次 {code}：结束时间必须晚于开始时间"},
    "domain.over_24_hours": {"en": "shift {code}: longer than 24 hours",
                             "zh": "班次 {code}：超过 24 小时"},
    "domain.reserved_code": {"en": "shift code {code} is reserved",
                             "zh": "班次代码 {code} 是保留代码"},
    "domain.quota_order": {"en": "days off: minimum is above maximum",
                           "zh": "休息天数：最小值大于最大值"},
    "domain.quota": {"en": "expected a number of days like 8 or a range like 7-9, got {got!r}",
                     "zh": "应为天数（如 8）或范围（如 7-9），实际为 {got!r}"},
    "domain.target_below_min": {"en": "target_agents is below min_agents",
                                "zh": "target_agents 小于 min_agents"},
    "domain.criteria_sum": {"en": "the maxima of B1-B5 must add up to {points}, got {total}",
                            "zh": "B1-B5 的满分之和必须为 {points}，实际为 {total}"},
    "domain.weights_sum": {
        "en": "the weights of manager, director and employee must add up to 1, got {total}",
        "zh": "manager、director 和 employee 的权重之和必须为 1，实际为 {total}",
    },
    "domain.no_center": {"en": "at least one center is needed", "zh": "至少需要一个中心"},
    "domain.center_ids": {"en": "center ids must be unique", "zh": "中心的 id 不能重复"},
    "domain.no_shift": {"en": "at least one shift type is needed", "zh": "至少需要一种班次"},
    "domain.shift_codes": {"en": "shift codes must be unique", "zh": "班次代码不能重复"},
    "domain.employee_twice": {"en": "employee {id} is listed twice",
                              "zh": "员工 {id} 出现了两次"},
    "domain.employee_center": {"en": "employee {id}: unknown center {center}",
                               "zh": "员工 {id}：未知的中心 {center}"},
    "domain.employee_shift": {"en": "employee {id}: unknown shift {code}",
                              "zh": "员工 {id}：未知的班次 {code}"},
    "domain.one_per_center": {"en": "center {center} needs exactly one {role}, has {n}",
                              "zh": "中心 {center} 必须有且只有一名{role}，现有 {n} 名"},
    # --- pydantic's errors, by type (roster/errors.py): the English is pydantic's own ---------
    "pydantic.missing": {"en": "Field required", "zh": "缺少必填项"},
    "pydantic.extra_forbidden": {"en": "Extra inputs are not permitted",
                                 "zh": "不允许有多余的项"},
    "pydantic.int_type": {"en": "Input should be a valid integer", "zh": "应为整数"},
    "pydantic.int_parsing": {
        "en": "Input should be a valid integer, unable to parse string as an integer",
        "zh": "应为整数，无法把该文本解析为整数",
    },
    "pydantic.int_from_float": {
        "en": "Input should be a valid integer, got a number with a fractional part",
        "zh": "应为整数，实际为带小数的数字",
    },
    "pydantic.int_parsing_size": {
        "en": "Unable to parse input string as an integer, exceeded maximum size",
        "zh": "无法解析为整数：数字太大",
    },
    "pydantic.float_type": {"en": "Input should be a valid number", "zh": "应为数字"},
    "pydantic.float_parsing": {
        "en": "Input should be a valid number, unable to parse string as a number",
        "zh": "应为数字，无法把该文本解析为数字",
    },
    "pydantic.decimal_type": {
        "en": "Decimal input should be an integer, float, string or Decimal object",
        "zh": "应为整数、小数或数字文本",
    },
    "pydantic.decimal_parsing": {"en": "Input should be a valid decimal", "zh": "应为数字"},
    "pydantic.finite_number": {"en": "Input should be a finite number", "zh": "应为有限的数字"},
    "pydantic.bool_type": {"en": "Input should be a valid boolean",
                           "zh": "应为布尔值（true 或 false）"},
    "pydantic.bool_parsing": {"en": "Input should be a valid boolean, unable to interpret input",
                              "zh": "应为布尔值（true 或 false），无法识别该输入"},
    "pydantic.string_type": {"en": "Input should be a valid string", "zh": "应为文本（字符串）"},
    "pydantic.string_too_short": {"en": "String should have at least {min_length} characters",
                                  "zh": "至少应有 {min_length} 个字符"},
    "pydantic.string_too_short.1": {"en": "String should have at least {min_length} character",
                                    "zh": "至少应有 {min_length} 个字符"},
    "pydantic.string_too_long": {"en": "String should have at most {max_length} characters",
                                 "zh": "最多只能有 {max_length} 个字符"},
    "pydantic.string_too_long.1": {"en": "String should have at most {max_length} character",
                                   "zh": "最多只能有 {max_length} 个字符"},
    "pydantic.string_pattern_mismatch": {"en": "String should match pattern '{pattern}'",
                                         "zh": "应符合格式 '{pattern}'"},
    "pydantic.greater_than": {"en": "Input should be greater than {gt}", "zh": "应大于 {gt}"},
    "pydantic.greater_than_equal": {"en": "Input should be greater than or equal to {ge}",
                                    "zh": "应大于或等于 {ge}"},
    "pydantic.less_than": {"en": "Input should be less than {lt}", "zh": "应小于 {lt}"},
    "pydantic.less_than_equal": {"en": "Input should be less than or equal to {le}",
                                 "zh": "应小于或等于 {le}"},
    "pydantic.literal_error": {"en": "Input should be {expected}", "zh": "应为 {expected}"},
    "pydantic.enum": {"en": "Input should be {expected}", "zh": "应为 {expected}"},
    "pydantic.list_type": {"en": "Input should be a valid list", "zh": "应为列表（数组）"},
    "pydantic.tuple_type": {"en": "Input should be a valid tuple", "zh": "应为列表（数组）"},
    "pydantic.dict_type": {"en": "Input should be a valid dictionary", "zh": "应为表（键值对）"},
    "pydantic.model_type": {
        "en": "Input should be a valid dictionary or instance of {class_name}",
        "zh": "应为表（键值对），对应 {class_name}",
    },
    "pydantic.too_short": {
        "en": "List should have at least {min_length} items after validation, not {actual}",
        "zh": "列表至少应有 {min_length} 项，实际为 {actual} 项",
    },
    "pydantic.too_short.1": {
        "en": "List should have at least {min_length} item after validation, not {actual}",
        "zh": "列表至少应有 {min_length} 项，实际为 {actual} 项",
    },
    "pydantic.too_long": {
        "en": "List should have at most {max_length} items after validation, not {actual}",
        "zh": "列表最多只能有 {max_length} 项，实际为 {actual} 项",
    },
    "pydantic.too_long.1": {
        "en": "List should have at most {max_length} item after validation, not {actual}",
        "zh": "列表最多只能有 {max_length} 项，实际为 {actual} 项",
    },
    # any other type: pydantic's English message, inside a Chinese sentence
    "pydantic.other": {"en": "{message}", "zh": "取值无效：{message}"},
    # --- a roster file (roster/io/roster_reader.py) -------------------------------------------
    "roster.date_or_time": {
        "en": "expected a shift code, OFF ({off}) or LEAVE ({leave}), got the date or time "
              "{got!r}",
        "zh": "应为班次代码、OFF（{off}）或 LEAVE（{leave}），实际为日期或时间 {got!r}",
    },
    "roster.unknown_id": {"en": "unknown employee_id {id!r}: not among the scenario's staff",
                          "zh": "未知的工号 {id!r}：场景的员工中没有此人"},
    "roster.unknown_name": {"en": "unknown name {name!r}: not among the scenario's staff",
                            "zh": "未知的姓名 {name!r}：场景的员工中没有此人"},
    "roster.shared_name": {
        "en": "the name {name!r} is shared by {ids}; add an employee_id ({id_word}) column to "
              "tell them apart",
        "zh": "姓名 {name!r} 对应多人（{ids}），请增加 employee_id（{id_word}）列加以区分",
    },
    "roster.no_header": {
        "en": "no header row found: expected a row with an employee_id ({id_word}) or name "
              "({name_word}) column, then one column per date (wide) or date and shift columns "
              "(long){hint}",
        "zh": "找不到表头行：应有一行含 employee_id（{id_word}）或 name（{name_word}）列，"
              "其后每个日期一列（宽表），或有 date 和 shift 两列（长表）{hint}",
    },
    "roster.missing_person": {
        "en": "{name} ({id}) of center {center} is missing: every person of the scenario needs "
              "a row",
        "zh": "缺少中心 {center} 的 {name} ({id})：场景中的每个人都要有一行",
    },
    "roster.no_date_columns": {
        "en": "no date columns: expected one column per date of {month}, headed 1 … {days}, "
              "{first}, {m}/1 or {cn_first}",
        "zh": "没有日期列：{month} 的每个日期应各占一列，表头为 1 … {days}、{first}、{m}/1 "
              "或 {cn_first}",
    },
    "roster.listed_twice": {"en": "{id} is listed more than once (rows {rows})",
                            "zh": "{id} 出现了不止一次（第 {rows} 行）"},
    "roster.day_of_month": {
        "en": "expected a day of the month from 1 to {days} ({month}), got {got!r}",
        "zh": "应为该月的第 1 到 {days} 天（{month}），实际为 {got!r}",
    },
    "roster.date_twice": {
        "en": "{date} has two columns, {first} ({first_header!r}) and {second} "
              "({second_header!r}); keep only one",
        "zh": "{date} 有两列：{first} 列（{first_header!r}）和 {second} 列（{second_header!r}），"
              "请只保留一列",
    },
    "roster.no_column_for": {
        "en": "no column for {date}: expected one column per date of {month}",
        "zh": "没有 {date} 这一列：{month} 的每个日期应各占一列",
    },
    "roster.weekday_row": {
        "en": "the weekday row says {got!r} for {date}, which is a {weekday}{more}; is this the "
              "roster of another month than {month}?",
        "zh": "星期行在 {date} 下写的是 {got!r}，但这一天是{weekday}{more}；"
              "这是不是 {month} 以外其他月份的排班表？",
    },
    "roster.columns_disagree": {"en": " ({n} columns disagree)", "zh": "（共 {n} 列不符）"},
    "roster.no_row_for": {"en": "no row for {id} on {dates}", "zh": "缺少 {id} 在 {dates} 的行"},
    # --- the assessment's tables (roster/io/assessment_reader.py, roster/ledgers.py) ----------
    "ledger.number": {"en": "expected a number like 1234.50, got {got!r}",
                      "zh": "应为 1234.50 这样的数字，实际为 {got!r}"},
    "ledger.negative": {"en": "expected a number of 0 or more, got {got!r}",
                        "zh": "应为不小于 0 的数字，实际为 {got!r}"},
    "ledger.too_big": {"en": "expected a number below 1,000,000,000,000, got {got!r}",
                       "zh": "应为小于 1,000,000,000,000 的数字，实际为 {got!r}"},
    "ledger.month": {"en": "expected a month like 2026-09 or {example}, got {got!r}",
                     "zh": "应为 2026-09 或 {example} 这样的月份，实际为 {got!r}"},
    "ledger.month_range": {"en": "expected a month like 2026-09, got {got!r}",
                           "zh": "应为 2026-09 这样的月份，实际为 {got!r}"},
    "ledger.outside_month": {
        "en": "{date} is outside the month {month}; give only the month's rows",
        "zh": "{date} 不在 {month} 内，只应填写本月的行",
    },
    "ledger.not_senior": {"en": "{id!r} {why}; the senior leaders are {ids}",
                          "zh": "{id!r} {why}；资深组长为 {ids}"},
    "ledger.is_role": {"en": "is a {role}, not a senior leader", "zh": "是{role}，不是资深组长"},
    "ledger.not_in_staff": {"en": "is not in staff.csv", "zh": "不在 staff.csv 中"},
    "ledger.unknown_criterion": {"en": "unknown criterion {criterion!r}; expected one of {all}",
                                 "zh": "未知的评分项目 {criterion!r}，应为 {all} 之一"},
    "ledger.above_maximum": {"en": "{points} is above the maximum of {criterion}, {maximum}",
                             "zh": "{points} 超过了 {criterion} 的满分 {maximum}"},
    "ledger.rater_id_needed": {
        "en": "an employee rating needs the rater's id (an anonymous code will do), so that the "
              "mean counts each rater once",
        "zh": "员工评分需要评分人的编号（匿名代码也可以），这样平均分中每位评分人只计一次",
    },
    "ledger.rates_self": {"en": "a senior leader cannot rate themselves",
                          "zh": "资深组长不能给自己评分"},
    "ledger.after_as_of": {"en": "{month} starts after the as-of date {as_of}",
                           "zh": "{month} 晚于评定日期 {as_of}"},
    "ledger.unknown_leaver": {
        "en": "unknown employee_id {id!r}: not in staff.csv (for someone who has left, give "
              "their center and team)",
        "zh": "未知的工号 {id!r}：staff.csv 中没有此人（已离职的人请填写其中心和组）",
    },
    "ledger.order": {"en": "order {id!r}", "zh": "订单 {id!r}"},
    "ledger.lines_of": {"en": "the lines of {id} on {date}", "zh": "{id} 在 {date} 的线数"},
    "ledger.rating_of": {"en": "{criterion} of {senior} by {role} {rater!r}",
                         "zh": "{role} {rater!r} 对 {senior} 的 {criterion} 评分"},
    "ledger.commission_of": {"en": "the commission of center {center}",
                             "zh": "中心 {center} 的提成"},
    "ledger.override_of": {"en": "the override of center {center}",
                           "zh": "中心 {center} 的部门经理决定"},
    "ledger.rater": {"en": "{role} {rater!r}", "zh": "{role} {rater!r}"},
    "ledger.the_rater": {"en": "the {role}", "zh": "{role}"},
    "ledger.rater.manager": {"en": "manager", "zh": "部门经理"},
    "ledger.rater.director": {"en": "director", "zh": "中心主任"},
    "ledger.rater.employee": {"en": "employee", "zh": "员工"},
    "ledger.no_id": {"en": "(no id)", "zh": "（无编号）"},
    "ledger.criteria_missing": {
        "en": "{who} rated {senior} on {given} but not on {missing}; each rater rates every "
              "criterion",
        "zh": "{who} 给 {senior} 评了 {given}，但没有评 {missing}；每位评分人都要评全部项目",
    },
    "ledger.raters": {"en": "{senior} has {n} {role} raters ({ids}); expected one",
                      "zh": "{senior} 有 {n} 位{role}评分人（{ids}），应只有一位"},
    "ledger.no_commission": {"en": "no director_commission for center {center}",
                             "zh": "缺少中心 {center} 的 director_commission（中心主任提成）"},
    # --- scoring (roster/scoring/assessment.py, eligibility.py) -------------------------------
    "score.missing_from_roster": {"en": "{id} ({role} of {center}) is missing from the roster",
                                  "zh": "排班表中缺少 {id}（中心 {center} 的{role}）"},
    "score.cells": {"en": "{id} has {n} cells; the month has {days} days",
                    "zh": "{id} 有 {n} 个单元格，但该月有 {days} 天"},
    "score.cannot_compute": {"en": "A1 and A2 cannot be computed", "zh": "无法计算 A1 和 A2"},
    "score.no_sales": {"en": "center {center}: no shipped sales in the month; {why}",
                       "zh": "中心 {center}：本月没有已交寄的销售；{why}"},
    "score.no_agents": {"en": "center {center}: no agent on duty on any acting day; {why}",
                        "zh": "中心 {center}：所有代任日都没有座席在岗；{why}"},
    "score.no_lines": {"en": "center {center}: no lines handled on the acting days; {why}",
                       "zh": "中心 {center}：代任日的线数为 0；{why}"},
    "score.senior_of": {"en": "{senior} (senior leader of {center})",
                        "zh": "{senior}（中心 {center} 的资深组长）"},
    "score.no_ratings": {"en": "no ratings for {who}; part B needs them",
                         "zh": "没有 {who} 的评分，B 部分需要评分"},
    "score.no_weighted_rating": {
        "en": "no rating for {who} from a rater role whose weight is above 0",
        "zh": "权重大于 0 的评分人角色都没有给 {who} 评分",
    },
    "score.missing_rater": {
        "en": "no {roles} rating for {who}; add it, or set missing_rater = \"share\" in "
              "[assessment] to share its weight among the other roles",
        "zh": "缺少{roles}对 {who} 的评分；请补上，或在 [assessment] 中设置 "
              "missing_rater = \"share\"，把其权重分给其他角色",
    },
    "score.figures_twice": {
        "en": "the figures of {id} for {month} are given more than once (rows {rows})",
        "zh": "{id} 在 {month} 的业绩重复出现（第 {rows} 行）",
    },
    "score.lines_empty": {"en": "expected the lines (other rows give theirs), got an empty cell",
                          "zh": "应填写线数（其他行都填了），但单元格为空"},
    "score.no_figures": {"en": "no figures: S2 and S3 need at least one month",
                         "zh": "没有业绩数据：S2 和 S3 至少需要一个月的数据"},
    # --- the calendar (roster/calendar.py) -----------------------------------------------------
    "calendar.no_data": {
        "en": "chinesecalendar {version} has no holiday data for {month}; add the month's public "
              "holidays and {makeup} make-up workdays to calendar.csv and set [calendar] "
              "overrides_complete = true in scenario.toml (or upgrade chinesecalendar)",
        "zh": "日历包 chinesecalendar {version} 不含 {month} 的节假日数据：请在 calendar.csv "
              "中填写该月的节假日和{makeup}上班日，并在 scenario.toml 的 [calendar] 中设置 "
              "overrides_complete = true（或升级 chinesecalendar）",
    },
    # --- output files and folders (roster/io/writers.py, roster/init.py) ----------------------
    "output.not_a_folder": {"en": "exists and is not a folder", "zh": "已存在，但不是文件夹"},
    "output.not_empty": {
        "en": "the output folder exists and is not empty; use --force to replace it",
        "zh": "输出文件夹已存在且不为空；如要替换，请加 --force",
    },
    "output.is_folder": {"en": "is a folder; give a file name", "zh": "是一个文件夹，请给出文件名"},
    "output.exists": {"en": "exists; use --force to replace it",
                      "zh": "已存在；如要替换，请加 --force"},
    "init.not_a_folder": {"en": "exists and is not a folder; choose a new folder",
                          "zh": "该路径已存在且不是文件夹，请选择新的文件夹"},
    "init.not_empty": {"en": "folder is not empty; choose a new or empty folder",
                       "zh": "文件夹非空，请选择新的或空的文件夹"},
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


class Rendered:
    """A message-carrying record (a violation): ``text`` in either language."""

    text: Text

    @property
    def message(self) -> str:
        """The message in English."""
        return self.text.render("en")

    def render(self, lang: Lang) -> str:
        """The message in ``lang``."""
        return self.text.render(lang)
