"""Read the month's ledgers for the senior leader's assessment, and the figures for eligibility.

Five CSV tables (docs/scenario.md, "The assessment's tables"): the sales ledger, lines handled,
ratings, the directors' commissions and the manager's overrides; and the performance table of
``roster eligible``. Same encodings and header matching as the scenario's tables, with Chinese
aliases (订单号/訂單號, 日期, 工号, 金额/金額, 状态/狀態 …); status and role words too (已交寄 →
shipped, 已取消 → cancelled, 拒收 → refused, 拦截/攔截 → blocked; 部门经理 → manager …).

:func:`read_assessment_inputs` reads every file and raises one :class:`InputError` with every
problem of all of them, each naming the file, the row and the column as written in the file:
cells that don't parse, and the checks of :mod:`roster.ledgers` (an unknown employee, a date
outside the month, points above the maximum, an order id given twice …).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any, TypeVar

from pydantic import ValidationError

from roster.domain import CRITERIA, Month, Scenario
from roster.errors import InputError, InputProblem, InvalidValue, error_text
from roster.io.tables import (
    Column,
    Problems,
    Row,
    normalize_header,
    normalize_text,
    parse_choice,
    parse_date,
    parse_int,
    parse_with,
    read_table,
)
from roster.ledgers import (
    AssessmentInputs,
    Commission,
    Decision,
    LinesRecord,
    Order,
    OrderStatus,
    Override,
    PerformanceRecord,
    RaterRole,
    Rating,
    completeness_problems,
    performance_problems,
    record_problems,
)
from solver.messages import Text

T = TypeVar("T")

_EMPLOYEE_ID = ("工號", "工号", "員工編號", "员工编号")
_CENTER = ("中心",)
_LINES = ("線數", "线数", "有效線", "有效线", "線", "线")

SALES_COLUMNS = (
    Column("order_id", ("訂單號", "订单号", "訂單編號", "订单编号")),
    Column("date", ("日期", "訂單日期", "订单日期")),
    Column("employee_id", _EMPLOYEE_ID),
    Column("amount", ("金額", "金额", "銷售額", "销售额")),
    Column("status", ("狀態", "状态", "訂單狀態", "订单状态")),
)
LINES_COLUMNS = (
    Column("date", ("日期",)),
    Column("employee_id", _EMPLOYEE_ID),
    Column("lines", _LINES),
)
RATINGS_COLUMNS = (
    Column("senior_leader_id", ("資深組長", "资深组长", "資深組長工號", "资深组长工号")),
    Column("rater_role", ("評分人角色", "评分人角色")),
    Column("rater_id", ("評分人", "评分人", "評分人工號", "评分人工号"), required=False),
    Column("criterion", ("項目", "项目", "指標", "指标")),
    Column("points", ("分數", "分数", "得分")),
)
COMMISSIONS_COLUMNS = (
    Column("center", _CENTER),
    Column("director_commission", ("主任提成", "中心主任提成", "主任產品提成", "主任产品提成")),
)
OVERRIDES_COLUMNS = (
    Column("center", _CENTER),
    Column("decision", ("決定", "决定")),
    Column("reason", ("理由", "說明", "说明")),
)
PERFORMANCE_COLUMNS = (
    Column("employee_id", _EMPLOYEE_ID),
    Column("month", ("月份", "月")),
    Column("sales", ("銷售額", "销售额", "業績", "业绩")),
    Column("lines", _LINES, required=False),
    Column("center", _CENTER, required=False),
    Column("team", ("組", "组", "小組", "小组"), required=False),
)

STATUS_WORDS: dict[str, OrderStatus] = {
    "shipped": OrderStatus.SHIPPED,
    "已交寄": OrderStatus.SHIPPED,
    "交寄": OrderStatus.SHIPPED,
    "cancelled": OrderStatus.CANCELLED,
    "canceled": OrderStatus.CANCELLED,
    "已取消": OrderStatus.CANCELLED,
    "取消": OrderStatus.CANCELLED,
    "refused": OrderStatus.REFUSED,
    "拒收": OrderStatus.REFUSED,
    "已拒收": OrderStatus.REFUSED,
    "blocked": OrderStatus.BLOCKED,
    "拦截": OrderStatus.BLOCKED,
    "攔截": OrderStatus.BLOCKED,
    "已拦截": OrderStatus.BLOCKED,
    "已攔截": OrderStatus.BLOCKED,
    "阻塞": OrderStatus.BLOCKED,
}
RATER_ROLE_WORDS: dict[str, RaterRole] = {
    "manager": RaterRole.MANAGER,
    "部門經理": RaterRole.MANAGER,
    "部门经理": RaterRole.MANAGER,
    "經理": RaterRole.MANAGER,
    "经理": RaterRole.MANAGER,
    "director": RaterRole.DIRECTOR,
    "中心主任": RaterRole.DIRECTOR,
    "主任": RaterRole.DIRECTOR,
    "employee": RaterRole.EMPLOYEE,
    "員工": RaterRole.EMPLOYEE,
    "员工": RaterRole.EMPLOYEE,
}
DECISION_WORDS: dict[str, Decision] = {
    "keep": Decision.KEEP,
    "保留": Decision.KEEP,
    "留任": Decision.KEEP,
    "繼續擔任": Decision.KEEP,
    "继续担任": Decision.KEEP,
    "remove": Decision.REMOVE,
    "撤換": Decision.REMOVE,
    "撤换": Decision.REMOVE,
    "取消": Decision.REMOVE,
    "取消職位": Decision.REMOVE,
    "取消职位": Decision.REMOVE,
}

MAX_AMOUNT = Decimal(10) ** 12
"""Amounts and points are below a trillion: sums of them must stay exact to the fen in Decimal's
28 digits."""

_THOUSANDS = re.compile(r"^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$")
_CURRENCY = re.compile(r"^(?:¥|RMB|CNY)\s*|\s*(?:元|RMB|CNY)$", re.IGNORECASE)


def decimal_text(text: str) -> Decimal:
    """'1234.5', '1,234.50', '¥1234', '1234元' (full-width digits too) -> a Decimal >= 0 and
    below :data:`MAX_AMOUNT`."""
    norm = _CURRENCY.sub("", normalize_text(text).replace("￥", "¥")).strip()
    if _THOUSANDS.match(norm):
        norm = norm.replace(",", "")
    expected = InvalidValue.of("ledger.number", got=text)
    if not re.fullmatch(r"[+-]?(\d+(\.\d*)?|\.\d+)", norm):
        raise expected
    try:
        value = Decimal(norm)
    except InvalidOperation:
        raise expected from None
    if value < 0:
        raise InvalidValue.of("ledger.negative", got=text)
    if value >= MAX_AMOUNT:
        raise InvalidValue.of("ledger.too_big", got=text)
    return value


def criterion_text(text: str) -> str:
    """'B1', 'b1', 'Ｂ１' -> 'B1'; anything else is kept as written (checked against B1-B5)."""
    norm = normalize_text(text).upper()
    return norm if norm in CRITERIA else normalize_text(text)


def month_text(text: str) -> Month:
    """'2026-09', '2026/9', '2026年9月' (or a date in it, '2026-09-01') -> the month."""
    norm = normalize_text(text)
    m = re.fullmatch(r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*月?(?:\s*[-/.]\s*0?1\s*日?)?", norm)
    if not m:
        raise InvalidValue.of("ledger.month", example="2026年9月", got=text)
    try:
        return Month(year=int(m.group(1)), month=int(m.group(2)))
    except ValidationError:
        raise InvalidValue.of("ledger.month_range", got=text) from None


@dataclass
class _File:
    """One table being read: its name in messages, its headers as written, its problems."""

    name: str
    problems: Problems = field(default_factory=Problems)
    headers: Mapping[str, str] | None = None

    def rows(self, path: Path | str, columns: Sequence[Column]) -> list[Row]:
        try:
            rows = read_table(path, columns, name=self.name)
        except InputError as exc:
            self.problems.extend(exc)
            return []
        if rows:
            self.headers = rows[0].headers
        return rows

    def built(self, row: Row, make: Callable[..., T], **fields: Any) -> T | None:
        try:
            return make(row=row.number, **fields)
        except ValidationError as exc:
            self.problems.add(self.name, error_text(exc), row.number)
            return None


EMPLOYEE_ID = Text("what.employee_id")
CENTER = Text("what.center")


def _text(row: Row, column: str, problems: Problems, expected: Text) -> str | None:
    return parse_with(row, column, normalize_text, problems, required=True, expected=expected)


def _sales(path: Path | str, f: _File) -> list[Order]:
    p = f.problems
    out: list[Order] = []
    for row in f.rows(path, SALES_COLUMNS):
        before = len(p)
        order_id = _text(row, "order_id", p, Text("what.order_id"))
        date = parse_date(row, "date", p, required=True)
        eid = _text(row, "employee_id", p, EMPLOYEE_ID)
        amount = parse_with(row, "amount", decimal_text, p, required=True,
                            expected=Text("what.amount"))
        status = parse_choice(row, "status", STATUS_WORDS, p, required=True,
                              expected=Text.of("what.status", shipped="已交寄",
                                               cancelled="已取消", refused="拒收",
                                               blocked="拦截"))
        if len(p) == before:
            item = f.built(row, Order, order_id=order_id, date=date, employee_id=eid,
                           amount=amount, status=status)
            if item is not None:
                out.append(item)
    return out


def _lines(path: Path | str, f: _File) -> list[LinesRecord]:
    p = f.problems
    out: list[LinesRecord] = []
    for row in f.rows(path, LINES_COLUMNS):
        before = len(p)
        date = parse_date(row, "date", p, required=True)
        eid = _text(row, "employee_id", p, EMPLOYEE_ID)
        lines = parse_int(row, "lines", 0, 1_000_000, p, required=True)
        if len(p) == before:
            item = f.built(row, LinesRecord, date=date, employee_id=eid, lines=lines)
            if item is not None:
                out.append(item)
    return out


def _ratings(path: Path | str, f: _File) -> list[Rating]:
    p = f.problems
    out: list[Rating] = []
    for row in f.rows(path, RATINGS_COLUMNS):
        before = len(p)
        senior = _text(row, "senior_leader_id", p, Text("what.senior_leader_id"))
        role = parse_choice(row, "rater_role", RATER_ROLE_WORDS, p, required=True,
                            expected=Text.of("what.rater_role", manager="部门经理",
                                             director="中心主任", employee="员工"))
        rater = normalize_text(row.get("rater_id") or "")
        criterion = parse_with(row, "criterion", criterion_text, p, required=True,
                               expected=Text.of("what.criterion", criteria=CRITERIA))
        points = parse_with(row, "points", decimal_text, p, required=True,
                            expected=Text("what.points"))
        if len(p) == before:
            item = f.built(row, Rating, senior_leader_id=senior, rater_role=role, rater_id=rater,
                           criterion=criterion, points=points)
            if item is not None:
                out.append(item)
    return out


class _Centers:
    def __init__(self, scenario: Scenario) -> None:
        self.ids = [c.id for c in scenario.centers]
        self.by_key: dict[str, str] = {}
        for c in scenario.centers:
            for spelling in (c.name, c.id):
                if spelling.strip():
                    self.by_key[normalize_header(spelling)] = c.id

    def __call__(self, text: str) -> str:
        center = self.by_key.get(normalize_header(text))
        if center is None:
            raise InvalidValue.of("input.unknown_center", center=text, centers=tuple(self.ids))
        return center


def _commissions(path: Path | str, f: _File, centers: _Centers) -> list[Commission]:
    p = f.problems
    out: list[Commission] = []
    for row in f.rows(path, COMMISSIONS_COLUMNS):
        before = len(p)
        center = parse_with(row, "center", centers, p, required=True, expected=CENTER)
        amount = parse_with(row, "director_commission", decimal_text, p, required=True,
                            expected=Text("what.commission"))
        if len(p) == before:
            item = f.built(row, Commission, center=center, director_commission=amount)
            if item is not None:
                out.append(item)
    return out


def _overrides(path: Path | str, f: _File, centers: _Centers) -> list[Override]:
    p = f.problems
    out: list[Override] = []
    for row in f.rows(path, OVERRIDES_COLUMNS):
        before = len(p)
        center = parse_with(row, "center", centers, p, required=True, expected=CENTER)
        decision = parse_choice(row, "decision", DECISION_WORDS, p, required=True,
                                expected=Text.of("what.decision", keep="保留", remove="撤换"))
        reason = parse_with(row, "reason", str, p, required=True,
                            expected=Text("what.reason"))
        if len(p) == before:
            item = f.built(row, Override, center=center, decision=decision, reason=reason)
            if item is not None:
                out.append(item)
    return out


def _located(problem: InputProblem, files: Mapping[str, _File]) -> InputProblem:
    """The problem with its column named as the file writes it."""
    f = files.get(problem.file)
    if f is None or f.headers is None or problem.column is None:
        return problem
    column = f.headers.get(problem.column, problem.column)
    return InputProblem(problem.file, problem.text, problem.row, column)


def read_assessment_inputs(
    scenario: Scenario,
    *,
    sales: Path | str,
    lines: Path | str,
    ratings: Path | str,
    commissions: Path | str,
    overrides: Path | str | None = None,
    roster_file: str = "roster",
) -> AssessmentInputs:
    """Read the month's tables for :func:`roster.scoring.assess`; every problem of every file
    in one InputError. ``roster_file`` names the roster in the scorer's messages."""
    paths: dict[str, Path | str | None] = {"sales": sales, "lines": lines, "ratings": ratings,
                                           "commissions": commissions, "overrides": overrides}
    names = {kind: Path(path).name if path is not None else f"{kind}.csv"
             for kind, path in paths.items()}
    if len(set(names.values())) < len(names):  # two files of one name: show their paths
        names = {kind: str(path) if path is not None else f"{kind}.csv"
                 for kind, path in paths.items()}
    files = {kind: _File(name) for kind, name in names.items()}
    centers = _Centers(scenario)
    inputs = AssessmentInputs(
        orders=tuple(_sales(sales, files["sales"])),
        lines=tuple(_lines(lines, files["lines"])),
        ratings=tuple(_ratings(ratings, files["ratings"])),
        commissions=tuple(_commissions(commissions, files["commissions"], centers)),
        overrides=tuple(_overrides(overrides, files["overrides"], centers))
        if overrides is not None else (),
        sales_file=names["sales"],
        lines_file=names["lines"],
        ratings_file=names["ratings"],
        commissions_file=names["commissions"],
        overrides_file=names["overrides"],
        roster_file=roster_file,
    )
    by_name = {f.name: f for f in files.values()}
    # What is missing across rows is only told of a file whose rows all parsed: a row that
    # didn't would look missing.
    found = record_problems(scenario, inputs) + [
        q for q in completeness_problems(scenario, inputs) if not by_name[q.file].problems]
    problems = Problems()
    for f in files.values():
        problems.items.extend(f.problems)
    problems.items.extend(_located(q, by_name) for q in found)
    problems.items.sort(key=lambda q: (list(names.values()).index(q.file)
                                       if q.file in by_name else 0, q.row or 0))
    problems.raise_if_any()
    return inputs


def read_performance(
    path: Path | str, scenario: Scenario, *, as_of: dt.date | None = None, name: str | None = None
) -> tuple[PerformanceRecord, ...]:
    """Read the performance table (``employee_id,month,sales[,lines][,center][,team]``).

    With ``as_of``, each row is also checked as :func:`roster.scoring.eligibility` will (a month
    after it, an unknown employee …), so that every problem of the file is told at once.
    """
    f = _File(name if name is not None else Path(path).name)
    problems = f.problems
    centers = _Centers(scenario)
    out: list[PerformanceRecord] = []
    for row in f.rows(path, PERFORMANCE_COLUMNS):
        before = len(problems)
        eid = _text(row, "employee_id", problems, EMPLOYEE_ID)
        month = parse_with(row, "month", month_text, problems, required=True,
                           expected=Text("what.month"))
        sales = parse_with(row, "sales", decimal_text, problems, required=True,
                           expected=Text("what.sales"))
        lines = parse_int(row, "lines", 0, 100_000_000, problems)
        center = parse_with(row, "center", centers, problems)
        team = normalize_text(row.get("team") or "") or None
        if len(problems) != before:
            continue
        item = f.built(row, PerformanceRecord, employee_id=eid, month=month, sales=sales,
                       lines=lines, center=center, team=team)
        if item is None:
            continue
        out.append(item)
        if as_of is not None:
            for column, message in performance_problems(scenario, item, as_of):
                problems.at(row, column, message)
    problems.raise_if_any()
    return tuple(out)
