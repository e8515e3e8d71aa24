"""Render an assessment or an eligibility list: ``table``, ``md``, ``html``, ``csv`` or ``json``.

``table`` is for the terminal (one row per center or candidate). ``md`` and ``html`` are the page
the department manager reads and signs: the same document (:class:`Block` s) in two renderings,
with bilingual labels (中文 / English). ``csv`` is one flat row per center or candidate;
``json`` holds every figure.

Numbers are shown rounded, never computed from rounded values: points and money to two decimals
(half up); ratios are cut (not rounded) to four decimals, or to 0.1 % as percentages, so that a
ratio shown as reaching 85 % does reach it.
"""

from __future__ import annotations

import html
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal
from fractions import Fraction
from typing import Any

from roster.domain import A1_POINTS, A2_POINTS, NoActingDaysPolicy, ScoringPolicy
from roster.io.writers import csv_text
from roster.ledgers import Decision, OrderStatus, RaterRole
from roster.scoring.assessment import CenterAssessment, DepartmentAssessment, Period, RatioScore
from roster.scoring.eligibility import Candidate, Eligibility, Standing, TeamMonth

FORMATS = ("table", "md", "html", "csv", "json")

# --- numbers -------------------------------------------------------------------------------------


def _decimal(value: Fraction | Decimal | int) -> Decimal:
    if isinstance(value, Fraction):
        return Decimal(value.numerator) / Decimal(value.denominator)
    return Decimal(value)


def cents(value: Fraction | Decimal | int) -> Decimal:
    """Two decimals, half up (points and money)."""
    return _decimal(value).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def cut(value: Fraction, places: int) -> Decimal:
    """``places`` decimals, cut towards zero (ratios: never shown above their value)."""
    return _decimal(value).quantize(Decimal(1).scaleb(-places), rounding=ROUND_DOWN)


def points_text(value: Fraction | Decimal | int) -> str:
    return f"{cents(value)}"


def max_text(value: Decimal) -> str:
    """A maximum as written in the rules: 25, 7.5."""
    return f"{value.normalize():f}"


def money_text(value: Decimal) -> str:
    return f"{cents(value):,}"


def percent_text(ratio: Fraction) -> str:
    return f"{cut(ratio * 100, 1)} %"


def _num(value: Decimal) -> float | int:
    """A JSON number: an int when whole, else a float."""
    return int(value) if value == value.to_integral_value() else float(value)


# --- labels --------------------------------------------------------------------------------------

DECISION_LABELS = {
    Decision.KEEP: "继续担任 / keep",
    Decision.REMOVE: "取消职位，另行选拔 / remove",
}
STATUS_LABELS = {
    OrderStatus.SHIPPED: "已交寄 / shipped",
    OrderStatus.CANCELLED: "已取消 / cancelled",
    OrderStatus.REFUSED: "拒收 / refused",
    OrderStatus.BLOCKED: "拦截 / blocked",
}
ROLE_LABELS = {
    RaterRole.MANAGER: "部门经理 / Manager",
    RaterRole.DIRECTOR: "中心主任 / Director",
    RaterRole.EMPLOYEE: "员工 / Employees",
}
CRITERION_LABELS = {
    "B1": "销售管理 / Sales management",
    "B2": "日常事务 / Daily affairs",
    "B3": "工作态度及协调 / Attitude and coordination",
    "B4": "表现力及影响力 / Presence and influence",
    "B5": "任职满意度 / Satisfaction",
}
POLICY_LABELS = {
    NoActingDaysPolicy.DOUBLE_B: "B 部分按双倍计（满分 100）/ part B counts twice (out of 100)",
    NoActingDaysPolicy.FULL_A: "A 部分按满分计 / part A gets its 50 points",
    NoActingDaysPolicy.ZERO_A: "A 部分按零分计 / part A gets 0",
}
SCORING_LABELS = {
    ScoringPolicy.THRESHOLD: "达标得满分，否则 0 分 / full points at the threshold, else 0",
    ScoringPolicy.LINEAR: "按比例：分值 × min(1, 比率 ÷ 达标线) / "
                          "points × min(1, ratio ÷ threshold)",
}


# --- a document: blocks rendered as markdown or HTML ---------------------------------------------


@dataclass(frozen=True)
class Heading:
    level: int
    text: str


@dataclass(frozen=True)
class Para:
    text: str


@dataclass(frozen=True)
class Table:
    header: Sequence[str]
    rows: Sequence[Sequence[str]]
    numeric: Sequence[int] = ()  # columns aligned right


@dataclass(frozen=True)
class Bullets:
    items: Sequence[str]


Block = Heading | Para | Table | Bullets


def _md_cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def to_markdown(blocks: Sequence[Block]) -> str:
    out: list[str] = []
    for b in blocks:
        if isinstance(b, Heading):
            out += ["#" * b.level + " " + b.text, ""]
        elif isinstance(b, Para):
            out += [b.text, ""]
        elif isinstance(b, Bullets):
            out += [f"- {item}" for item in b.items] + [""]
        else:
            align = ["---:" if i in b.numeric else "---" for i in range(len(b.header))]
            out.append("| " + " | ".join(_md_cell(h) for h in b.header) + " |")
            out.append("|" + "|".join(align) + "|")
            out += ["| " + " | ".join(_md_cell(c) for c in row) + " |" for row in b.rows]
            out.append("")
    return "\n".join(out).rstrip() + "\n"


_CSS = """
body { font-family: "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif;
       max-width: 60rem; margin: 2rem auto; color: #222; line-height: 1.45; }
table { border-collapse: collapse; margin: 0.5rem 0 1rem; }
th, td { border: 1px solid #999; padding: 0.25rem 0.6rem; text-align: left; vertical-align: top; }
th { background: #eee; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
h2 { border-top: 2px solid #444; padding-top: 1rem; margin-top: 2rem; }
@media print { h2 { page-break-before: always; } h2:first-of-type { page-break-before: avoid; } }
""".strip()


def to_html(blocks: Sequence[Block], title: str) -> str:
    e = html.escape
    out = ["<!DOCTYPE html>", '<html lang="zh">', "<head>", '<meta charset="utf-8">',
           f"<title>{e(title)}</title>", f"<style>\n{_CSS}\n</style>", "</head>", "<body>"]
    for b in blocks:
        if isinstance(b, Heading):
            out.append(f"<h{b.level}>{e(b.text)}</h{b.level}>")
        elif isinstance(b, Para):
            out.append(f"<p>{e(b.text)}</p>")
        elif isinstance(b, Bullets):
            out.append("<ul>" + "".join(f"<li>{e(i)}</li>" for i in b.items) + "</ul>")
        else:
            head = "".join(f"<th>{e(h)}</th>" for h in b.header)
            rows = "".join(
                "<tr>" + "".join(
                    f'<td class="num">{e(c)}</td>' if i in b.numeric else f"<td>{e(c)}</td>"
                    for i, c in enumerate(row)) + "</tr>"
                for row in b.rows)
            out.append(f"<table><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>")
    out += ["</body>", "</html>"]
    return "\n".join(out) + "\n"


def plain_table(header: Sequence[str], rows: Sequence[Sequence[str]],
                numeric: Sequence[int] = ()) -> str:
    """A text table for the terminal, columns padded by display width (CJK counts double)."""
    def width(text: str) -> int:
        return sum(2 if ord(ch) > 0x2E80 else 1 for ch in text)

    widths = [max([width(h)] + [width(r[i]) for r in rows]) for i, h in enumerate(header)]

    def line(cells: Sequence[str]) -> str:
        parts = []
        for i, c in enumerate(cells):
            pad = " " * (widths[i] - width(c))
            parts.append(pad + c if i in numeric else c + pad)
        return "  ".join(parts).rstrip()

    rule = "  ".join("-" * w for w in widths)
    return "\n".join([line(header), rule, *(line(r) for r in rows)]) + "\n"


def _signatures() -> Table:
    blank = "\u3000" * 8
    return Table(["签字 / Signature", "姓名 / Name", "日期 / Date"],
                 [["部门经理 / Department manager", blank, blank],
                  ["资深组长 / Senior team leader", blank, blank]])


# --- the assessment -------------------------------------------------------------------------------


def _period_json(p: Period) -> dict[str, Any]:
    return {
        "days": p.num_days,
        "sales": _num(cents(p.sales)),
        "agent_days": p.agent_days,
        "lines": p.lines,
        "sales_per_agent": None if p.sales_per_agent is None else _num(cents(p.sales_per_agent)),
        "sales_per_line": None if p.sales_per_line is None else _num(cents(p.sales_per_line)),
    }


def _ratio_json(score: RatioScore | None) -> tuple[float | None, float | int | None]:
    if score is None:
        return None, None
    return float(cut(score.ratio, 4)), _num(cents(score.points))


def center_json(c: CenterAssessment) -> dict[str, Any]:
    a1_ratio, a1_points = _ratio_json(c.a1)
    a2_ratio, a2_points = _ratio_json(c.a2)
    if c.no_acting_days == NoActingDaysPolicy.FULL_A:
        a1_points, a2_points = _num(A1_POINTS), _num(A2_POINTS)
    elif c.no_acting_days is not None:
        a1_points = a2_points = 0
    return {
        "center": c.center,
        "center_name": c.center_name,
        "senior_leader_id": c.senior_leader_id,
        "senior_leader_name": c.senior_leader_name,
        "director_id": c.director_id,
        "acting_days": c.num_acting_days,
        "acting_dates": [d.isoformat() for d in c.acting_dates],
        "acting": _period_json(c.acting),
        "month": _period_json(c.month),
        "a1_ratio": a1_ratio,
        "a1_points": a1_points,
        "a2_ratio": a2_ratio,
        "a2_points": a2_points,
        "a_points": _num(cents(c.a_points)),
        "a_assessed": c.no_acting_days is None,
        "no_acting_days_policy": None if c.no_acting_days is None else c.no_acting_days.value,
        "b": [
            {
                "criterion": cs.criterion,
                "max_points": _num(cs.max_points),
                **{r.role.value: None if r.mean is None else _num(cents(r.mean))
                   for r in cs.roles},
                "num_employee_raters": next(r.num_raters for r in cs.roles
                                            if r.role == RaterRole.EMPLOYEE),
                "points": _num(cents(cs.points)),
            }
            for cs in c.criteria
        ],
        "role_weights": {r.role.value: float(cut(r.weight, 6)) for r in c.criteria[0].roles},
        "shared_roles": [r.value for r in c.shared_roles],
        "b_points": _num(cents(c.b_points)),
        "b_multiplier": c.b_multiplier,
        "total": _num(c.total),
        "remove_below": _num(c.remove_below),
        "computed_decision": c.computed_decision.value,
        "decision": c.decision.value,
        "override": None if c.override is None else {
            "decision": c.override.decision.value, "reason": c.override.reason},
        "allowance": _num(cents(c.allowance)),
        "director_commission": _num(cents(c.director_commission)),
        "commission_rate": _num(c.commission_rate),
        "commission": _num(c.commission),
        "shipped_orders": c.num_shipped_orders,
        "excluded_orders": {x.status.value: {"count": x.count, "amount": _num(cents(x.amount))}
                            for x in c.excluded_orders},
        "senior_leader_off_on_acting_days": [d.isoformat() for d in c.senior_off_on_acting_days],
    }


def assessment_json(a: DepartmentAssessment) -> str:
    s = a.settings
    data = {
        "scenario": a.scenario_name,
        "month": a.month,
        "settings": {
            "threshold": _num(s.threshold),
            "scoring": s.scoring.value,
            "no_acting_days": s.no_acting_days.value,
            "missing_rater": s.missing_rater.value,
            "remove_below": _num(s.remove_below),
        },
        "centers": [center_json(c) for c in a.centers],
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def _ratio_cells(score: RatioScore | None) -> tuple[str, str]:
    if score is None:
        return "—", "—"
    return percent_text(score.ratio), points_text(score.points)


def assessment_table(a: DepartmentAssessment) -> str:
    header = ["center", "senior_leader", "acting_days", "A1", "A1_pts", "A2", "A2_pts", "B",
              "total", "decision", "allowance", "commission"]
    rows = []
    for c in a.centers:
        a1, a1p = _ratio_cells(c.a1)
        a2, a2p = _ratio_cells(c.a2)
        b = points_text(c.b_points) + (f" ×{c.b_multiplier}" if c.b_multiplier != 1 else "")
        decision = c.decision.value + (" (override)" if c.override else "")
        rows.append([c.center, f"{c.senior_leader_id} {c.senior_leader_name}",
                     str(c.num_acting_days), a1, a1p, a2, a2p, b, str(c.total), decision,
                     money_text(c.allowance), money_text(c.commission)])
    text = plain_table(header, rows, numeric=(2, 3, 4, 5, 6, 7, 8, 10, 11))
    notes = [f"{c.center}: {n}" for c in a.centers for n in _notes(c)]
    return text + "".join(f"\n{n}" for n in notes) + ("\n" if notes else "")


CSV_COLUMNS = [
    "center", "senior_leader_id", "senior_leader_name", "acting_days",
    "acting_sales", "acting_agent_days", "acting_lines", "month_sales", "month_agent_days",
    "month_lines", "a1_ratio", "a1_points", "a2_ratio", "a2_points", "a_points",
    "b1", "b2", "b3", "b4", "b5", "b_points", "b_multiplier", "total", "computed_decision",
    "decision", "override_reason", "allowance", "director_commission", "commission",
]


def assessment_csv(a: DepartmentAssessment) -> str:
    rows = []
    for c in a.centers:
        j = center_json(c)
        rows.append({
            **{k: j[k] for k in ("center", "senior_leader_id", "senior_leader_name",
                                 "acting_days", "a1_ratio", "a1_points", "a2_ratio", "a2_points",
                                 "a_points", "b_points", "b_multiplier", "total",
                                 "computed_decision", "decision", "allowance",
                                 "director_commission", "commission")},
            **{f"acting_{k}": j["acting"][k] for k in ("sales", "agent_days", "lines")},
            **{f"month_{k}": j["month"][k] for k in ("sales", "agent_days", "lines")},
            **{b["criterion"].lower(): b["points"] for b in j["b"]},
            "override_reason": c.override.reason if c.override else "",
        })
    return csv_text(CSV_COLUMNS, rows)


def _no_acting_note(c: CenterAssessment) -> str | None:
    if c.no_acting_days is None:
        return None
    return ("本月无代任日，A 部分无法考核 / no acting days this month: part A cannot be assessed. "
            f"{POLICY_LABELS[c.no_acting_days]} (no_acting_days = {c.no_acting_days.value})")


def _rating_notes(c: CenterAssessment) -> list[str]:
    notes: list[str] = []
    if c.shared_roles:
        roles = "、".join(ROLE_LABELS[r] for r in c.shared_roles)
        notes.append(f"缺少评分 / no rating from: {roles}; 其权重按比例分给其他评分人 / its "
                     "weight is shared among the other raters (missing_rater = share)")
    if c.senior_off_on_acting_days:
        dates = ", ".join(d.isoformat() for d in c.senior_off_on_acting_days)
        notes.append(f"R1: 主任休息时资深组长也未上班 / the senior leader was off too on {dates}")
    return notes


def _notes(c: CenterAssessment) -> list[str]:
    """Everything the terminal table can't show: no acting days, shared weights, R1, override."""
    notes = [n for n in [_no_acting_note(c)] if n] + _rating_notes(c)
    if c.override is not None:
        notes.append(f"部门经理决定 / manager's override: {DECISION_LABELS[c.override.decision]}"
                     f" — {c.override.reason}")
    return notes


def _figure(value: Fraction | None, numerator: str, denominator: str) -> str:
    if value is None:
        return "—"
    return f"{money_text(cents(value))} = {numerator} ÷ {denominator}"


def _center_blocks(c: CenterAssessment, a: DepartmentAssessment) -> list[Block]:
    s = a.settings
    blocks: list[Block] = [
        Heading(2, f"{c.center} {c.center_name} — 资深组长 / Senior leader: "
                   f"{c.senior_leader_name} ({c.senior_leader_id})"),
    ]
    dates = ", ".join(d.strftime("%m-%d") for d in c.acting_dates) or "—"
    blocks.append(Table(["项目 / Item", "内容 / Value"], [
        ["中心主任 / Director", c.director_id],
        ["代任日 / Acting days", f"{c.num_acting_days} ({dates})"],
    ]))
    blocks.append(Heading(3, "A 代任期间业绩 / Performance on acting days "
                             f"({max_text(A1_POINTS + A2_POINTS)})"))
    if c.a1 is None or c.a2 is None:
        blocks.append(Para(_no_acting_note(c) or ""))
        blocks.append(Para(f"A 部分得分 / Part A: {points_text(c.a_points)}"))
    else:
        act, mon = c.acting, c.month
        rows = [
            ["A1 日人均销售额 / Sales per agent on duty",
             _figure(act.sales_per_agent, money_text(act.sales), f"{act.agent_days:,} 人天"),
             _figure(mon.sales_per_agent, money_text(mon.sales), f"{mon.agent_days:,} 人天"),
             percent_text(c.a1.ratio), f"{points_text(c.a1.points)} / {max_text(A1_POINTS)}"],
            ["A2 单线销售额 / Sales per line",
             _figure(act.sales_per_line, money_text(act.sales), f"{act.lines:,} 线"),
             _figure(mon.sales_per_line, money_text(mon.sales), f"{mon.lines:,} 线"),
             percent_text(c.a2.ratio), f"{points_text(c.a2.points)} / {max_text(A2_POINTS)}"],
        ]
        blocks.append(Table(["指标 / Measure", "代任日 / Acting days", "全月 / Month",
                             "比率 / Ratio", "得分 / Points"], rows, numeric=(1, 2, 3, 4)))
        blocks.append(Para("人天 = 当日在岗座席人数之和 / agent-days: the agents on duty, summed "
                           "over the days; 线 = lines. "
                           f"达标线 / Threshold: {percent_text(Fraction(s.threshold))}; "
                           f"计分 / Scoring: {SCORING_LABELS[s.scoring]}. "
                           f"A 部分得分 / Part A: {points_text(c.a_points)}"))
    excluded = "; ".join(f"{STATUS_LABELS[x.status]} {x.count} ({money_text(x.amount)})"
                         for x in c.excluded_orders) or "无 / none"
    blocks.append(Para(f"只计已交寄订单 / Only shipped orders count: {c.num_shipped_orders} "
                       f"已交寄 / shipped; 不计 / excluded: {excluded}."))

    blocks.append(Heading(3, "B 工作评分 / Work rating (50)"))
    roles = c.criteria[0].roles
    header = ["项目 / Criterion", "满分 / Max"] + [
        f"{ROLE_LABELS[r.role]} ({percent_text(r.weight)}"
        + (f", n={r.num_raters}" if r.role == RaterRole.EMPLOYEE else "") + ")"
        for r in roles] + ["得分 / Points"]
    rows = [[f"{cs.criterion} {CRITERION_LABELS.get(cs.criterion, '')}",
             max_text(cs.max_points)]
            + ["—" if r.mean is None else points_text(r.mean) for r in cs.roles]
            + [points_text(cs.points)] for cs in c.criteria]
    rows.append(["合计 / Part B", max_text(sum((cs.max_points for cs in c.criteria), Decimal(0))),
                 "", "",
                 "", points_text(c.b_points)])
    blocks.append(Table(header, rows, numeric=(1, 2, 3, 4, 5)))
    blocks.append(Para("项目得分 = Σ 权重 × 该类评分人的平均分 / a criterion's points = Σ weight × "
                       "the mean of that role's raters."))
    blocks += [Para(n) for n in _rating_notes(c)]

    blocks.append(Heading(3, "结果 / Result"))
    total_how = f"{points_text(c.a_points)} + {points_text(c.b_points)}"
    if c.b_multiplier != 1:
        total_how = f"{points_text(c.a_points)} + {c.b_multiplier} × {points_text(c.b_points)}"
    computed = DECISION_LABELS[c.computed_decision]
    rule = (f"低于 {max_text(c.remove_below)} 分取消职位 / below "
            f"{max_text(c.remove_below)}: removed")
    override = "—" if c.override is None else (
        f"{DECISION_LABELS[c.override.decision]}；理由 / reason: {c.override.reason}")
    blocks.append(Table(["项目 / Item", "内容 / Value"], [
        ["总分 / Total", f"{c.total} / 100 (= {total_how})"],
        ["考核结论 / Result of the assessment", f"{computed} ({rule})"],
        ["部门经理决定 / Manager's override", override],
        ["最终决定 / Decision", DECISION_LABELS[c.decision]],
        ["岗位补助 / Position allowance", f"{money_text(c.allowance)} 元 / yuan"],
        ["资深组长提成 / Commission",
         f"{money_text(c.commission)} 元 / yuan = {percent_text(Fraction(c.commission_rate))} × "
         f"{money_text(c.director_commission)} (中心主任产品提成 / director's commission)"],
    ]))
    blocks.append(_signatures())
    return blocks


def assessment_blocks(a: DepartmentAssessment) -> list[Block]:
    blocks: list[Block] = [
        Heading(1, f"资深组长月度考核 / Senior team leader's monthly assessment — {a.month}"),
    ]
    if a.scenario_name:
        blocks.append(Para(a.scenario_name))
    blocks.append(Table(
        ["中心 / Center", "资深组长 / Senior leader", "代任日 / Acting days", "总分 / Total",
         "决定 / Decision"],
        [[f"{c.center} {c.center_name}", f"{c.senior_leader_name} ({c.senior_leader_id})",
          str(c.num_acting_days), str(c.total),
          DECISION_LABELS[c.decision] + (" *" if c.override else "")] for c in a.centers],
        numeric=(2, 3)))
    if any(c.override for c in a.centers):
        blocks.append(Para("* 部门经理决定 / the department manager's override"))
    for c in a.centers:
        blocks += _center_blocks(c, a)
    return blocks


def render_assessment(a: DepartmentAssessment, fmt: str) -> str:
    """The assessment in ``fmt``: table, md, html, csv or json."""
    renderers: dict[str, Callable[[DepartmentAssessment], str]] = {
        "table": assessment_table,
        "md": lambda x: to_markdown(assessment_blocks(x)),
        "html": lambda x: to_html(assessment_blocks(x),
                                  f"资深组长月度考核 / Senior leader's assessment {x.month}"),
        "csv": assessment_csv,
        "json": assessment_json,
    }
    return renderers[fmt](a)


# --- eligibility ---------------------------------------------------------------------------------


def _mark(passed: bool) -> str:
    return "✓" if passed else "✗"


def _standing_text(s: Standing | None) -> str:
    return "—" if s is None else f"{s.rank}/{s.of}"


def _standing_json(s: Standing | None) -> dict[str, Any] | None:
    if s is None:
        return None
    return {"value": _num(cents(s.value)), "rank": s.rank, "of": s.of,
            "median": _num(cents(s.median)), "upper_half": s.upper_half}


def _team_month_json(m: TeamMonth) -> dict[str, Any]:
    return {"month": m.month, "sales_per_head": _standing_json(m.per_head),
            "sales_per_line": _standing_json(m.per_line), "passed": m.passed}


def candidate_json(c: Candidate) -> dict[str, Any]:
    return {
        "employee_id": c.employee_id,
        "name": c.name,
        "center": c.center,
        "team": c.team,
        "is_senior_leader": c.is_senior_leader,
        "s1": {"leader_since": c.s1.leader_since.isoformat() if c.s1.leader_since else None,
               "months": c.s1.months, "required_months": c.s1.required, "passed": c.s1.passed},
        "s2": {"sales": _num(cents(c.s2.sales)), "months_with_figures": c.s2.months_with_figures,
               "in_center": _standing_json(c.s2.in_center),
               "in_department": _standing_json(c.s2.in_department), "passed": c.s2.passed},
        "s3": {"months": [_team_month_json(m) for m in c.s3], "passed": c.s3_passed},
        "eligible": c.eligible,
    }


def eligibility_json(e: Eligibility) -> str:
    data = {
        "as_of": e.as_of.isoformat(),
        "months": list(e.months),
        "min_leader_months": e.min_leader_months,
        "centers": [{"center": c.center, "center_name": c.center_name,
                     "candidates": [candidate_json(x) for x in c.candidates]}
                    for c in e.centers],
        "judgement_criteria": [{"zh": zh, "en": en} for zh, en in e.judgement],
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def _s1_text(c: Candidate) -> str:
    if c.s1.months is None:
        return "? (no leader_since)"
    return f"{c.s1.months} 月/months"


def _s3_text(c: Candidate) -> str:
    return f"{sum(1 for m in c.s3 if m.passed)}/{len(c.s3)}"


def eligibility_table(e: Eligibility) -> str:
    header = ["center", "employee", "team", "S1_tenure", "S1", "S2_center", "S2_department",
              "S2", "S3_months", "S3", "eligible"]
    rows = [[c.center, f"{c.employee_id} {c.name}" + (" *" if c.is_senior_leader else ""),
             c.team, _s1_text(c), _mark(c.s1.passed),
             _standing_text(c.s2.in_center), _standing_text(c.s2.in_department),
             _mark(c.s2.passed), _s3_text(c), _mark(c.s3_passed),
             "yes" if c.eligible else "no"]
            for cc in e.centers for c in cc.candidates]
    text = plain_table(header, rows, numeric=(5, 6, 8))
    return (text + f"\n* current senior leader; months {', '.join(e.months)}; as of "
            f"{e.as_of.isoformat()}; S1 needs {e.min_leader_months} months.\n"
            "The judgement criteria are the manager's to confirm (see --format md).\n")


ELIGIBILITY_CSV_COLUMNS = [
    "center", "employee_id", "name", "team", "is_senior_leader", "leader_since",
    "leader_months", "s1", "sales", "center_rank", "center_of", "department_rank",
    "department_of", "s2", "s3_months_passed", "s3_months", "s3", "eligible",
]


def eligibility_csv(e: Eligibility) -> str:
    rows = [{
        "center": c.center, "employee_id": c.employee_id, "name": c.name, "team": c.team,
        "is_senior_leader": c.is_senior_leader,
        "leader_since": c.s1.leader_since.isoformat() if c.s1.leader_since else "",
        "leader_months": c.s1.months, "s1": c.s1.passed, "sales": _num(cents(c.s2.sales)),
        "center_rank": c.s2.in_center.rank, "center_of": c.s2.in_center.of,
        "department_rank": c.s2.in_department.rank, "department_of": c.s2.in_department.of,
        "s2": c.s2.passed, "s3_months_passed": sum(1 for m in c.s3 if m.passed),
        "s3_months": len(c.s3), "s3": c.s3_passed, "eligible": c.eligible,
    } for cc in e.centers for c in cc.candidates]
    return csv_text(ELIGIBILITY_CSV_COLUMNS, rows)


def eligibility_blocks(e: Eligibility) -> list[Block]:
    blocks: list[Block] = [
        Heading(1, "资深组长候选人 / Candidates for senior team leader"),
        Para(f"截至 / As of {e.as_of.isoformat()}; 业绩月份 / months: {', '.join(e.months)}."),
        Bullets([
            f"S1 任组长满 {e.min_leader_months} 个月 / team leader for at least "
            f"{e.min_leader_months} months",
            "S2 个人业绩在中心内和部门内均排名中等以上（含中位）/ personal sales in the upper "
            "half (median included) among the team leaders of the center and of the department",
            "S3 本小组每月班组排名中等以上 / the team's monthly rankings in the upper half: "
            "人均销售额 / sales per head, and 单线销售额 / sales per line when lines are given",
        ]),
    ]
    for cc in e.centers:
        blocks.append(Heading(2, f"{cc.center} {cc.center_name}"))
        rows = []
        for c in cc.candidates:
            since = c.s1.leader_since.isoformat() if c.s1.leader_since else "?"
            s2 = (f"{money_text(c.s2.sales)}; 中心 / center {_standing_text(c.s2.in_center)}, "
                  f"部门 / dept. {_standing_text(c.s2.in_department)}")
            s3 = "; ".join(
                f"{m.month}: {_standing_text(m.per_head)}"
                + (f", {_standing_text(m.per_line)}" if m.lines_given else "")
                + f" {_mark(m.passed)}" for m in c.s3)
            rows.append([
                f"{c.name} ({c.employee_id})" + (" *" if c.is_senior_leader else ""), c.team,
                f"{_mark(c.s1.passed)} {_s1_text(c)} (since {since})",
                f"{_mark(c.s2.passed)} {s2}", f"{_mark(c.s3_passed)} {s3}",
                "是 / yes" if c.eligible else "否 / no",
            ])
        blocks.append(Table(["组长 / Team leader", "组 / Team", "S1 任期 / Tenure",
                             "S2 个人业绩排名 / Personal rank",
                             "S3 小组排名 / Team ranks (人均, 单线 / per head, per line)",
                             "符合 S1–S3 / Meets S1–S3"], rows))
        if any(c.is_senior_leader for c in cc.candidates):
            blocks.append(Para("* 现任资深组长 / the current senior leader"))
    blocks.append(Heading(2, "需部门经理确认 / For the department manager to confirm"))
    blocks.append(Bullets([f"☐ {zh} / {en}" for zh, en in e.judgement]))
    blocks.append(Table(["签字 / Signature", "姓名 / Name", "日期 / Date"],
                        [["部门经理 / Department manager", "\u3000" * 8, "\u3000" * 8]]))
    return blocks


def render_eligibility(e: Eligibility, fmt: str) -> str:
    """The candidates in ``fmt``: table, md, html, csv or json."""
    renderers: dict[str, Callable[[Eligibility], str]] = {
        "table": eligibility_table,
        "md": lambda x: to_markdown(eligibility_blocks(x)),
        "html": lambda x: to_html(eligibility_blocks(x), "资深组长候选人 / Candidates"),
        "csv": eligibility_csv,
        "json": eligibility_json,
    }
    return renderers[fmt](e)

