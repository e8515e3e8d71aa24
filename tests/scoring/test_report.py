"""Rendering: the five formats of an assessment, on the base case of :mod:`builders` (A1 = A2 =
0.90, B = 42.7, total 92.70, commission 691.36), and of the eligibility list of
:mod:`test_eligibility`."""

from __future__ import annotations

import csv
import io
import json
from decimal import Decimal
from fractions import Fraction

import pytest

from roster.domain import AssessmentSettings, NoActingDaysPolicy
from roster.ledgers import Decision, Override
from roster.scoring import DepartmentAssessment, Eligibility, assess, eligibility
from roster.scoring.report import (
    CSV_COLUMNS,
    FORMATS,
    cut,
    percent_text,
    render_assessment,
    render_eligibility,
)

from .builders import make_inputs, make_roster, make_scenario, order
from .test_eligibility import AS_OF, RECORDS
from .test_eligibility import SCENARIO as ELIGIBILITY_SCENARIO


def base(**changes: object) -> DepartmentAssessment:
    return assess(make_scenario(), make_roster(), make_inputs(**changes))


def test_json_has_the_documented_keys_and_values() -> None:
    data = json.loads(render_assessment(base(), "json"))
    [c] = data["centers"]
    assert {k: c[k] for k in ("center", "senior_leader_id", "acting_days", "a1_ratio",
                              "a1_points", "a2_ratio", "a2_points", "b_points", "total",
                              "decision", "allowance", "commission")} == {
        "center": "C", "senior_leader_id": "S", "acting_days": 2, "a1_ratio": 0.9,
        "a1_points": 25, "a2_ratio": 0.9, "a2_points": 25, "b_points": 42.7, "total": 92.7,
        "decision": "keep", "allowance": 200, "commission": 691.36}
    assert c["acting"] == {"days": 2, "sales": 270, "agent_days": 3, "lines": 15,
                           "sales_per_agent": 90, "sales_per_line": 18}
    assert c["excluded_orders"] == {"cancelled": {"count": 1, "amount": 500},
                                    "refused": {"count": 1, "amount": 80},
                                    "blocked": {"count": 1, "amount": 40}}
    assert [b["points"] for b in c["b"]] == [12.45, 8.3, 8.9, 6.3, 6.75]
    assert c["b"][0] == {"criterion": "B1", "max_points": 15, "manager": 12, "director": 15,
                         "employee": 10.5, "num_employee_raters": 2, "points": 12.45}
    assert data["settings"]["threshold"] == 0.85 and data["month"] == "2026-02"


def test_ratios_are_cut_not_rounded() -> None:
    """254.99 / 300 = 0.849966…: shown as 0.8499 and 84.9 %, never as reaching 85 %."""
    orders = (order("o1", 2, "A1", "184.99"), order("o2", 3, "A1", "70"),
              order("o4", 10, "A2", "5245.01"))
    data = json.loads(render_assessment(base(orders=orders), "json"))
    assert data["centers"][0]["a1_ratio"] == 0.8499
    assert percent_text(Fraction("254.99") / 300) == "84.9 %"
    assert cut(Fraction(2, 3), 4) == Decimal("0.6666")


def test_markdown_is_the_bilingual_page_to_sign() -> None:
    text = render_assessment(base(), "md")
    for expected in (
        "# 资深组长月度考核 / Senior team leader's monthly assessment — 2026-02",
        "## C Center — 资深组长 / Senior leader: Sam (S)",
        "| A1 日人均销售额 / Sales per agent on duty | 90.00 = 270.00 ÷ 3 人天 "
        "| 100.00 = 5,500.00 ÷ 55 人天 | 90.0 % | 25.00 / 25 |",
        "| B1 销售管理 / Sales management | 15 | 12.00 | 15.00 | 10.50 | 12.45 |",
        "| 总分 / Total | 92.70 / 100 (= 50.00 + 42.70) |",
        "| 资深组长提成 / Commission | 691.36 元 / yuan = 20.0 % × 3,456.78",
        "| 部门经理 / Department manager |",
        "已取消 / cancelled 1 (500.00)",
    ):
        assert expected in text, expected


def test_an_override_and_its_reason_are_shown() -> None:
    override = Override(center="C", decision=Decision.REMOVE, reason="<b>left</b> the company")
    a = base(overrides=(override,))
    md = render_assessment(a, "md")
    assert "| 考核结论 / Result of the assessment | 继续担任 / keep" in md
    assert "取消职位，另行选拔 / remove；理由 / reason: <b>left</b> the company" in md
    page = render_assessment(a, "html")
    assert page.startswith("<!DOCTYPE html>") and "&lt;b&gt;left&lt;/b&gt;" in page
    assert "<b>left" not in page
    assert "remove (override)" in render_assessment(a, "table")


def test_no_acting_days_is_said_plainly() -> None:
    roster = make_roster({"A2": (3,)})
    a = assess(make_scenario(), roster, make_inputs())
    md = render_assessment(a, "md")
    assert "本月无代任日，A 部分无法考核 / no acting days this month: part A cannot be" in md
    assert "| 总分 / Total | 85.40 / 100 (= 0.00 + 2 × 42.70) |" in md
    data = json.loads(render_assessment(a, "json"))["centers"][0]
    assert (data["a1_ratio"], data["a1_points"], data["a_assessed"], data["b_multiplier"]) == (
        None, 0, False, 2)
    full = assess(make_scenario(AssessmentSettings(no_acting_days=NoActingDaysPolicy.FULL_A)),
                  roster, make_inputs())
    assert json.loads(render_assessment(full, "json"))["centers"][0]["a1_points"] == 25
    assert "no acting days" in render_assessment(a, "table")


def test_csv_is_one_row_per_center() -> None:
    rows = list(csv.DictReader(io.StringIO(render_assessment(base(), "csv"))))
    assert list(rows[0]) == CSV_COLUMNS and len(rows) == 1
    assert (rows[0]["a1_ratio"], rows[0]["b1"], rows[0]["total"], rows[0]["commission"]) == (
        "0.9", "12.45", "92.7", "691.36")


def test_table_is_one_line_per_center() -> None:
    lines = render_assessment(base(), "table").splitlines()
    assert lines[0].split() == ["center", "senior_leader", "acting_days", "A1", "A1_pts", "A2",
                                "A2_pts", "B", "total", "decision", "allowance", "commission"]
    assert lines[2].split() == ["C", "S", "Sam", "2", "90.0", "%", "25.00", "90.0", "%", "25.00",
                                "42.70", "92.70", "keep", "200.00", "691.36"]


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_format_renders(fmt: str) -> None:
    assert render_assessment(base(), fmt).endswith("\n")


# --- eligibility ----------------------------------------------------------------------------------


def eligible_list() -> Eligibility:
    return eligibility(ELIGIBILITY_SCENARIO, RECORDS, AS_OF)


def test_eligibility_json() -> None:
    data = json.loads(render_eligibility(eligible_list(), "json"))
    assert data["as_of"] == "2026-03-01" and data["months"] == ["2026-01", "2026-02"]
    l2 = data["centers"][0]["candidates"][1]
    assert l2["s1"] == {"leader_since": "2025-09-01", "months": 6, "required_months": 6,
                        "passed": True}
    assert l2["s2"]["in_department"] == {"value": 200, "rank": 4, "of": 5, "median": 250,
                                         "upper_half": False}
    assert l2["s3"]["months"][0]["sales_per_head"]["rank"] == 2
    assert l2["eligible"] is False
    assert len(data["judgement_criteria"]) == 3


def test_eligibility_markdown_lists_the_judgement_criteria_to_confirm() -> None:
    text = render_eligibility(eligible_list(), "md")
    assert "# 资深组长候选人 / Candidates for senior team leader" in text
    assert "| L1 (L1) * | X | ✓ 13 月/months (since 2025-01-15) |" in text
    assert "- ☐ 能带领小组完成销售任务" in text
    assert "? (no leader_since)" in text


def test_eligibility_table_and_csv() -> None:
    table = render_eligibility(eligible_list(), "table").splitlines()
    assert table[2].split()[:3] == ["C1", "L1", "L1"] and table[2].split()[-1] == "yes"
    rows = list(csv.DictReader(io.StringIO(render_eligibility(eligible_list(), "csv"))))
    assert [(r["employee_id"], r["eligible"]) for r in rows] == [
        ("L1", "true"), ("L2", "false"), ("L3", "false"), ("K1", "false"), ("K2", "false")]


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_eligibility_format_renders(fmt: str) -> None:
    assert render_eligibility(eligible_list(), fmt).endswith("\n")
