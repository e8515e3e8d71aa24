"""Each rule's messages, exactly, in English and in Chinese (solver.messages).

One tiny roster that breaks the rule per module: the violation's message (and the pre-check's and
the explanation's words where the rule has them) rendered in both languages. ``message`` is the
English rendering, so the existing callers keep working.
"""

from __future__ import annotations

import dataclasses

from curtois.tiny import TINY

from roster.compile import forbidden_successions
from roster.curtois import roster_of, to_problem
from roster.domain import ShiftType
from roster.io.curtois import parse_instance
from solver.check import check_roster
from solver.messages import Text
from solver.problem import LEAVE, OFF, Person, Problem, Violation
from solver.rules.base import Rule
from solver.rules.consecutive import MaxConsecutiveWorkDays
from solver.rules.cover import Cover, CoverRequirement
from solver.rules.days_off import DaysOffQuota
from solver.rules.fairness import LateShiftFairness, RestDayFairness
from solver.rules.fixed_cells import FixedCells
from solver.rules.min_consecutive import MinConsecutiveDaysOff, MinConsecutiveWork
from solver.rules.minutes import TotalMinutes
from solver.rules.one_shift import OneShiftPerDay
from solver.rules.pair import PairRule
from solver.rules.patterns import IsolatedDayOff, ShiftTypeChanges
from solver.rules.requests import ShiftRequest, ShiftRequests
from solver.rules.shift_counts import MaxShiftsPerType
from solver.rules.succession import ForbiddenSuccessions
from solver.rules.weekends import MaxWeekends

from .builders import make_problem, roster


def both(violations: list[Violation]) -> list[tuple[str, str]]:
    """(English, Chinese) of each violation; English is also what ``message`` gives."""
    assert all(v.message == v.render("en") for v in violations)
    return [(v.render("en"), v.render("zh")) for v in violations]


def group(rule: Rule, problem: Problem, subject: str) -> tuple[str, str]:
    text = rule.describe_group(problem, subject)
    return text.render("en"), text.render("zh")


def test_consecutive_r5() -> None:
    rule = MaxConsecutiveWorkDays({"P1": 3})
    problem = make_problem(1, 5, [rule], history={"P1": "OFF E E"})
    assert both(check_roster(problem, roster("E E OFF E E")).violations) == [(
        "R5: P1 works 4 days in a row from 2026-06-01 to 2026-06-02 (counting 2 days of the "
        "previous month); at most 3",
        "R5：P1 从 2026-06-01 到 2026-06-02 连续上班 4 天，最多 3 天（含上月 2 天）",
    )]
    pinned = make_problem(1, 4, [rule], history={"P1": "E E"},
                          fixed={("P1", 0): "E", ("P1", 1): "M"})
    assert both(rule.precheck(pinned)) == [(
        "R5: P1 is pinned to work 4 days in a row up to 2026-06-02; at most 3",
        "R5：P1 截至 2026-06-02 已被固定连续上班 4 天，最多 3 天",
    )]
    assert group(rule, problem, "P1") == ("R5 P1 works at most 3 days in a row",
                                          "R5 P1 最多连续上班 3 天")


def test_shift_counts() -> None:
    rule = MaxShiftsPerType({"P1": {"E": 2}, "P2": {"E": 0, "L": 1}})
    problem = make_problem(2, 3, [rule])
    assert both(check_roster(problem, roster("E E E", "E OFF OFF")).violations) == [
        ("max_shifts: P1 works shift E on 3 days; at most 2",
         "max_shifts：P1 上了 3 天 E 班，最多 2 天"),
        ("max_shifts: P2 works shift E on 1 day; at most 0",
         "max_shifts：P2 上了 1 天 E 班，最多 0 天"),
    ]
    pinned = make_problem(2, 3, [rule], fixed={("P1", d): "E" for d in range(3)})
    assert both(rule.precheck(pinned)) == [(
        "max_shifts: P1 is pinned to shift E on 3 days; at most 2",
        "max_shifts：P1 被固定上 3 天 E 班，最多 2 天",
    )]
    assert group(rule, problem, "P2") == (
        "max_shifts P2 works E on at most 0, L on at most 1 days",
        "max_shifts P2 每种班次的天数上限：E 班最多 0 天、L 班最多 1 天")


def test_weekends() -> None:
    rule = MaxWeekends({"P1": 1}, rule_id="H8")
    problem = make_problem(1, 14, [rule])
    assert both(check_roster(problem, roster("E E E E E E OFF E E E E E OFF E")).violations) == [(
        "H8: P1 works on 2 weekends (starting 2026-06-06, 2026-06-13); at most 1",
        "H8：P1 有 2 个周末上班（周末起始日：2026-06-06、2026-06-13），最多 1 个",
    )]
    pinned = make_problem(1, 14, [rule], fixed={("P1", 5): "E", ("P1", 13): "L"})
    assert both(rule.precheck(pinned)) == [(
        "H8: P1 is pinned to work on 2 weekends; at most 1",
        "H8：P1 被固定在 2 个周末上班，最多 1 个",
    )]
    assert group(rule, problem, "P1") == ("H8 P1 works on at most 1 weekends",
                                          "H8 P1 最多在 1 个周末上班")


def test_fixed_cells_r3() -> None:
    """OFF and LEAVE are words in Chinese (休息, 请假); shift codes stay codes."""
    rule = FixedCells()
    problem = make_problem(2, 4, [rule], fixed={("P1", 1): LEAVE, ("P1", 2): "E", ("P2", 0): OFF})
    assert both(check_roster(problem, roster("E OFF M LEAVE", "L E E E")).violations) == [
        ("R3: P1 has approved leave on 2026-06-02 but the roster says OFF",
         "R3：P1 2026-06-02 已批准请假，但排班为休息"),
        ("R3: P1 has pinned E on 2026-06-03 but the roster says M",
         "R3：P1 2026-06-03 固定为 E，但排班为 M"),
        ("R3: P1 is on LEAVE on 2026-06-04 without approved leave",
         "R3：P1 2026-06-04 排为请假，但没有已批准的请假"),
        ("R3: P2 has pinned OFF on 2026-06-01 but the roster says L",
         "R3：P2 2026-06-01 固定为休息，但排班为 L"),
    ]
    assert group(rule, problem, "P1") == ("R3 fixed cells of P1: 2026-06-02 LEAVE, 2026-06-03 E",
                                          "R3 P1 的固定安排：2026-06-02 请假、2026-06-03 E")


def test_one_shift_r2() -> None:
    rule = OneShiftPerDay()
    problem = make_problem(1, 4, [rule], allowed={"P1": ["E", "M"]})
    assert both(check_roster(problem, roster("E L M X")).violations) == [
        ("R2: P1 may not work shift L on 2026-06-02",
         "R2：P1 2026-06-02 排了 L 班，但不能上该班次"),
        ("R2: P1 unknown shift 'X' on 2026-06-04", "R2：P1 2026-06-04 的班次 'X' 不存在"),
    ]
    pinned = make_problem(1, 4, [rule], allowed={"P1": ["E"]}, fixed={("P1", 2): "M"})
    assert both(rule.precheck(pinned)) == [(
        "R2: P1 is pinned to shift M on 2026-06-03 but may not work it",
        "R2：P1 2026-06-03 被固定为 M 班，但不能上该班次",
    )]


def test_total_minutes() -> None:
    rule = TotalMinutes({"P1": (1000, 2000), "P2": (0, 600)}, rule_id="H4")
    problem = make_problem(2, 3, [rule])
    assert both(check_roster(problem, roster("E OFF OFF", "E M OFF")).violations) == [
        ("H4: P1 works 510 minutes in 1 shift(s); at least 1000 (between 1000 and 2000)",
         "H4：P1 的 1 个班次共 510 分钟，至少 1000 分钟（应在 1000 到 2000 分钟之间）"),
        ("H4: P2 works 1020 minutes in 2 shift(s); at most 600 (between 0 and 600)",
         "H4：P2 的 2 个班次共 1020 分钟，最多 600 分钟（应在 0 到 600 分钟之间）"),
    ]
    pinned = make_problem(2, 2, [rule], fixed={("P1", 0): OFF, ("P2", 0): "E", ("P2", 1): "M"})
    assert both(rule.precheck(pinned)) == [
        ("H4: P1 can work at most 510 minutes; at least 1000 are needed",
         "H4：P1 最多只能上 510 分钟，至少需要 1000 分钟"),
        ("H4: P2 is pinned to 1020 minutes of shifts; at most 600",
         "H4：P2 被固定的班次共 1020 分钟，最多 600 分钟"),
    ]
    assert group(rule, problem, "P1") == ("H4 P1 works between 1000 and 2000 minutes",
                                          "H4 P1 工作时长在 1000 到 2000 分钟之间")


def test_days_off_r4() -> None:
    rule = DaysOffQuota({"P1": (3, 3), "P2": (1, 3)})
    problem = make_problem(2, 5, [rule])
    assert both(check_roster(problem, roster("E E LEAVE OFF E",
                                             "OFF OFF OFF OFF E")).violations) == [
        ("R4: P1 has 1 days off and 1 days of leave; the quota is 3 (leave counts)",
         "R4：P1 休息 1 天，另请假 1 天，月休应为 3 天（请假计入月休）"),
        ("R4: P2 has 4 days off; the quota is 1-3", "R4：P2 休息 4 天，月休应为 1-3 天"),
    ]
    pinned = make_problem(2, 4, [rule], fixed={
        ("P1", 0): OFF, ("P1", 1): OFF, ("P1", 2): OFF, ("P1", 3): OFF,
        ("P2", 0): "E", ("P2", 1): "E", ("P2", 2): "E", ("P2", 3): "E"})
    assert both(rule.precheck(pinned)) == [
        ("R4: P1 is pinned off on 4 days but may have at most 3 days off",
         "R4：P1 被固定休息 4 天，但最多只能休 3 天"),
        ("R4: P2 needs 1 days off but only 0 days are not pinned to a shift",
         "R4：P2 需要休息 1 天，但只有 0 天没有固定班次"),
    ]
    assert group(rule, problem, "P2") == ("R4 P2 gets 1-3 days off", "R4 P2 月休 1-3 天")


def test_min_consecutive() -> None:
    work = MinConsecutiveWork({"P1": 3}, exempt_edges=False, rule_id="H6")
    problem = make_problem(1, 5, [work], history={"P1": "OFF E"})
    assert both(check_roster(problem, roster("E OFF E OFF OFF")).violations) == [
        ("H6: P1 works 2 days in a row on 2026-06-01 (counting 1 day of history); at least 3",
         "H6：P1 在 2026-06-01 连续上班 2 天，至少 3 天（含之前的 1 天）"),
        ("H6: P1 works 1 day in a row on 2026-06-03; at least 3",
         "H6：P1 在 2026-06-03 连续上班 1 天，至少 3 天"),
    ]
    assert group(work, problem, "P1") == ("H6 P1 works at least 3 days in a row",
                                          "H6 P1 每次连续上班至少 3 天")
    off = MinConsecutiveDaysOff({"P1": 3}, rule_id="H7")
    problem = make_problem(1, 6, [off])
    assert both(check_roster(problem, roster("E OFF E OFF OFF E")).violations) == [
        ("H7: P1 is off 1 day in a row on 2026-06-02; at least 3",
         "H7：P1 在 2026-06-02 连续休息 1 天，至少 3 天"),
        ("H7: P1 is off 2 days in a row from 2026-06-04 to 2026-06-05; at least 3",
         "H7：P1 从 2026-06-04 到 2026-06-05 连续休息 2 天，至少 3 天"),
    ]
    pinned = make_problem(1, 6, [off], fixed={("P1", 1): "E", ("P1", 2): OFF, ("P1", 3): "E"})
    assert both(off.precheck(pinned)) == [(
        "H7: P1 is pinned off 1 day in a row on 2026-06-03; at least 3",
        "H7：P1 在 2026-06-03 被固定连续休息 1 天，至少 3 天",
    )]
    assert group(off, problem, "P1") == (
        "H7 P1 is off at least 3 days in a row (runs at the horizon's edges exempt)",
        "H7 P1 每次连续休息至少 3 天（排班期首尾的连续段除外）")


def test_succession_r6_with_the_compilers_reason() -> None:
    """The reason comes from the scenario compiler (shift times, 11 h of rest) as a text too."""
    shifts = [ShiftType(code="E", name="早班", start=8 * 60, end=16 * 60 + 30),
              ShiftType(code="L", name="晚班", start=14 * 60, end=22 * 60 + 30)]
    rule = ForbiddenSuccessions(forbidden_successions(shifts, 11))
    problem = make_problem(1, 3, [rule], history={"P1": "L"})
    assert both(check_roster(problem, roster("E L E")).violations) == [
        ("R6: P1 works L on the day before the month then E on 2026-06-01: 9.5 h of rest, at "
         "least 11 h needed",
         "R6：P1 上月最后一天上 L 班，2026-06-01 接着上 E 班：只休息 9.5 小时，至少需要 11 小时"),
        ("R6: P1 works L on 2026-06-02 then E on 2026-06-03: 9.5 h of rest, at least 11 h "
         "needed",
         "R6：P1 2026-06-02 上 L 班，2026-06-03 接着上 E 班：只休息 9.5 小时，至少需要 11 小时"),
    ]
    pinned = make_problem(1, 3, [rule], fixed={("P1", 1): "L", ("P1", 2): "E"})
    assert both(rule.precheck(pinned)) == [(
        "R6: P1 is pinned to L then E on 2026-06-03: 9.5 h of rest, at least 11 h needed",
        "R6：P1 被固定为 L 班后，2026-06-03 接 E 班：只休息 9.5 小时，至少需要 11 小时",
    )]
    assert group(rule, problem, "P1") == ("R6 P1: no L→E on consecutive days",
                                          "R6 P1：相邻两天不能排 L→E")


def test_pair_r1() -> None:
    rule = PairRule("D1", "S1")
    problem = dataclasses.replace(make_problem(2, 3, [rule]),
                                  people=(Person("D1", "Dana"), Person("S1", "Sam")))
    found = check_roster(problem, {"D1": [OFF, LEAVE, "E"], "S1": [OFF, LEAVE, OFF]})
    assert both(found.violations) == [
        ("R1: director Dana (D1) and senior leader Sam (S1) are both off on 2026-06-01",
         "R1：中心主任 Dana (D1) 与资深组长 Sam (S1) 在 2026-06-01 同时休息"),
        ("R1: director Dana (D1) and senior leader Sam (S1) both have approved leave on "
         "2026-06-02",
         "R1：中心主任 Dana (D1) 与资深组长 Sam (S1) 在 2026-06-02 都已批准请假"),
    ]
    pinned = dataclasses.replace(problem, fixed={("D1", 2): OFF, ("S1", 2): OFF})
    assert both(rule.precheck(pinned)) == [(
        "R1: director Dana (D1) and senior leader Sam (S1) are both fixed off on 2026-06-03",
        "R1：中心主任 Dana (D1) 与资深组长 Sam (S1) 在 2026-06-03 都被固定休息",
    )]
    assert group(rule, problem, "D1+S1") == (
        "R1 pair rule: director Dana (D1) and senior leader Sam (S1) are never off on the same "
        "day",
        "R1 双人规则：中心主任 Dana (D1) 与资深组长 Sam (S1) 不能同日休息")


def test_cover_r7_r8() -> None:
    r7 = Cover([CoverRequirement(0, "E", ("P1", "P2"), 2)], who="agents", rule_id="R7")
    r8 = Cover([CoverRequirement(1, None, ("P1", "P2"), 2)], who="team leaders", rule_id="R8")
    problem = make_problem(2, 2, [r7, r8])
    assert both(check_roster(problem, roster("E OFF", "L E")).violations) == [
        ("R7: 2026-06-01 on shift E needs at least 2 agents, 1 assigned (1 short)",
         "R7：2026-06-01 E 班至少需要 2 名座席，实际安排 1 名（缺 1 名）"),
        ("R8: 2026-06-02 needs at least 2 team leaders, 1 assigned (1 short)",
         "R8：2026-06-02 当天至少需要 2 名组长，实际安排 1 名（缺 1 名）"),
    ]
    pinned = make_problem(2, 2, [r7], fixed={("P1", 0): LEAVE})
    assert both(r7.precheck(pinned)) == [(
        "R7: 2026-06-01 on shift E needs at least 2 agents but only 1 can work it; away or "
        "pinned elsewhere: P1",
        "R7：2026-06-01 E 班至少需要 2 名座席，但只有 1 人能上；请假、休息或已固定其他班次：P1",
    )]
    assert group(r7, problem, "0:E") == ("R7 at least 2 agents on 2026-06-01 on shift E",
                                         "R7 2026-06-01 E 班至少 2 名座席")
    assert group(r8, problem, "1:*") == ("R8 at least 2 team leaders on 2026-06-02",
                                         "R8 2026-06-02 当天至少 2 名组长")


def test_default_description_uses_the_rules_title() -> None:
    """A rule without its own describe_group: the rule id, its title and the subject."""
    rule = ShiftRequests([], rule_id="W2")
    problem = make_problem(1, 1, [rule])
    assert group(rule, problem, "P1") == ("W2 requests honoured (P1)", "W2 满足员工意愿（P1）")


def test_soft_details_for_penalties_csv() -> None:
    """W2, W3, W4 and W5 details; a change of shift type is the same in both languages."""
    wishes = ShiftRequests([ShiftRequest("P1", 0, "off", None, 1),
                            ShiftRequest("P1", 1, "off", "L", 1),
                            ShiftRequest("P1", 2, "on", "E", 1),
                            ShiftRequest("P1", 3, "on", None, 1)])
    rules = [wishes, IsolatedDayOff(("P1",), 1), ShiftTypeChanges(("P1",), 1),
             RestDayFairness(("P1", "P2"), 1), LateShiftFairness(("P1", "P2"), ("L",), 1)]
    problem = make_problem(2, 7, rules)
    report = check_roster(problem, roster("E L M OFF L E OFF", "E E E E E OFF OFF"))
    assert [(p.rule_id, p.render_detail("en"), p.render_detail("zh"))
            for p in report.penalties] == [
        ("W2", "off day", "希望休息"),
        ("W2", "off L", "不想上 L 班"),
        ("W2", "on E", "想上 E 班"),
        ("W2", "on day", "希望上班"),
        ("W4", "single day off", "单独一天休息"),
        ("W5", "E→L", "E→L"),
        ("W5", "L→M", "L→M"),
        ("W5", "L→E", "L→E"),
        ("W3", "max - min rest days off", "周末及节假日休息天数的最大差"),
        ("W5", "max - min late shifts", "晚班次数的最大差"),
    ]


def test_curtois_benchmark_messages() -> None:
    """Benchmark days have no date: 'day 0' is '第 0 天'; H2's reason is a text too."""
    problem = to_problem(parse_instance(TINY, "tiny"))
    several = {pid: [[] for _ in range(problem.num_days)] for pid in ("A", "B")}
    several["A"][0] = ["D", "N"]
    _, violations = roster_of(problem, several)
    assert both(violations) == [("H1: A has 2 shifts on day 0 (D, N); at most one",
                                 "H1：A 第 0 天有 2 个班次（D、N），最多一个")]
    h2 = next(rule for rule in problem.rules if rule.rule_id == "H2")
    assert isinstance(h2, ForbiddenSuccessions)
    (a, b), why = next(iter(h2.pairs.items()))
    assert isinstance(why, Text)
    assert (why.render("en"), why.render("zh")) == (f"{b} cannot follow {a}",
                                                    f"{a} 班之后不能接 {b} 班")
