"""Reading the assessment's tables: Chinese headers and words, encodings, every problem at once."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest

from roster.domain import Month, Scenario
from roster.errors import InputError
from roster.io.assessment_reader import (
    decimal_text,
    month_text,
    read_assessment_inputs,
    read_performance,
)
from roster.ledgers import AssessmentInputs, Decision, OrderStatus, RaterRole

from .builders import COMMISSIONS_CSV, make_scenario, write_month


@pytest.fixture
def scenario() -> Scenario:
    return make_scenario()


def write(folder: Path, name: str, text: str, encoding: str = "utf-8") -> Path:
    path = folder / name
    path.write_bytes(text.encode(encoding))
    return path


def read(scenario: Scenario, folder: Path, **changes: Path) -> AssessmentInputs:
    """Read the files of ``folder`` (written by ``write_month``, then changed by the test), with
    ``changes`` replacing some paths."""
    paths = {k: folder / f"{k}.csv" for k in ("sales", "lines", "ratings", "commissions")}
    return read_assessment_inputs(scenario, **{**paths, **changes})  # type: ignore[arg-type]


def test_base_files_read(scenario: Scenario, tmp_path: Path) -> None:
    """The builders' CSV files read back into the records they were written from."""
    inputs = read_assessment_inputs(scenario, **{
        k: v for k, v in write_month(tmp_path).items() if k != "roster"})
    assert len(inputs.orders) == 6 and len(inputs.lines) == 4 and len(inputs.ratings) == 20
    assert inputs.orders[0].row == 2 and inputs.orders[0].amount == Decimal(200)
    assert inputs.commissions[0].director_commission == Decimal("3456.78")
    assert inputs.sales_file == "sales.csv" and inputs.overrides == ()


def test_chinese_headers_and_words(scenario: Scenario, tmp_path: Path) -> None:
    """Simplified and Traditional headers; 已交寄/已取消/拒收/攔截; 部门经理/中心主任/員工; 保留."""
    sales = write(tmp_path, "sales.csv",
                  "訂單號,日期,工號,金額,狀態\n"
                  "a,2026/2/2,A1,\"1,200.50\",已交寄\n"
                  "b,2026年2月3日,A1,¥30,已取消\n"
                  "c,2026-02-04,A2,20元,拒收\n"
                  "d,2026-02-05,A2,１０,攔截\n")
    lines = write(tmp_path, "lines.csv", "日期,工号,线数\n2026-02-02,A1,7\n")
    ratings = write(tmp_path, "ratings.csv",
                    "资深组长,评分人角色,评分人,项目,分数\n"
                    + "".join(f"S,部门经理,M,{c},1\n" for c in ("B1", "B2", "B3", "B4", "B5"))
                    + "".join(f"S,中心主任,D,{c},1\n" for c in ("b1", "b2", "b3", "b4", "b5"))
                    + "".join(f"S,員工,E1,{c},1.5\n" for c in ("B1", "B2", "B3", "B4", "B5")))
    commissions = write(tmp_path, "commissions.csv", "中心,主任提成\nCenter,100\n")
    overrides = write(tmp_path, "overrides.csv", "中心,決定,理由\nC,保留,新产品上线\n")
    inputs = read_assessment_inputs(scenario, sales=sales, lines=lines, ratings=ratings,
                                    commissions=commissions, overrides=overrides)
    assert [(o.date, o.amount, o.status) for o in inputs.orders] == [
        (dt.date(2026, 2, 2), Decimal("1200.50"), OrderStatus.SHIPPED),
        (dt.date(2026, 2, 3), Decimal(30), OrderStatus.CANCELLED),
        (dt.date(2026, 2, 4), Decimal(20), OrderStatus.REFUSED),
        (dt.date(2026, 2, 5), Decimal(10), OrderStatus.BLOCKED)]
    assert {r.rater_role for r in inputs.ratings} == set(RaterRole)
    assert {r.criterion for r in inputs.ratings} == {"B1", "B2", "B3", "B4", "B5"}
    assert inputs.commissions[0].center == "C"  # by the center's name
    assert inputs.overrides[0].decision == Decision.KEEP
    assert inputs.overrides[0].reason == "新产品上线"


def test_gb18030_file(scenario: Scenario, tmp_path: Path) -> None:
    """A ledger saved by Chinese Excel (GB18030) reads like UTF-8."""
    write_month(tmp_path)
    write(tmp_path, "sales.csv", "订单号,日期,工号,金额,状态\nx,2026-02-02,A1,200,已交寄\n"
          "y,2026-02-03,A1,70,已交寄\nz,2026-02-10,A2,5230,已交寄\n", "gb18030")
    inputs = read(scenario, tmp_path)
    assert [o.order_id for o in inputs.orders] == ["x", "y", "z"]


def test_every_problem_of_every_file_at_once(scenario: Scenario, tmp_path: Path) -> None:
    """A bad amount, an unknown status, an unknown employee (sales); points above the maximum
    (ratings); an override without its reason: all in one error, each with file, row, column
    (as the file writes it)."""
    write_month(tmp_path)
    sales = write(tmp_path, "sales.csv",
                  "订单号,日期,工号,金额,状态\n"
                  "a,2026-02-02,A1,12x,已交寄\n"
                  "b,2026-02-02,A1,10,丢失\n"
                  "c,2026-02-02,X9,10,已交寄\n")
    ratings_text = (tmp_path / "ratings.csv").read_text(encoding="utf-8")
    ratings = write(tmp_path, "ratings.csv", ratings_text.replace("S,manager,M,B1,12",
                                                                   "S,manager,M,B1,16"))
    overrides = write(tmp_path, "overrides.csv", "center,decision,reason\nC,keep,\n")
    with pytest.raises(InputError) as info:
        read(scenario, tmp_path, sales=sales, ratings=ratings, overrides=overrides)
    found = [(p.file, p.row, p.column) for p in info.value.problems]
    assert found == [("sales.csv", 2, "金额"), ("sales.csv", 3, "状态"),
                     ("sales.csv", 4, "工号"), ("ratings.csv", 2, "points"),
                     ("overrides.csv", 2, "reason")]
    message = str(info.value)
    assert "expected a number like 1234.50, got '12x'" in message
    assert "expected a status: shipped (已交寄)" in message
    assert "16 is above the maximum of B1, 15" in message
    assert "the manager's written reason" in message


def test_missing_across_rows_is_not_told_of_a_file_with_bad_rows(
        scenario: Scenario, tmp_path: Path) -> None:
    """A rating row that didn't parse would look like a skipped criterion: only the bad row is
    told."""
    write_month(tmp_path)
    text = (tmp_path / "ratings.csv").read_text(encoding="utf-8")
    ratings = write(tmp_path, "ratings.csv", text.replace("S,manager,M,B1,12", "S,boss,M,B1,12"))
    with pytest.raises(InputError) as info:
        read(scenario, tmp_path, ratings=ratings)
    [problem] = info.value.problems
    assert (problem.row, problem.column) == (2, "rater_role")


def test_missing_column_and_missing_file(scenario: Scenario, tmp_path: Path) -> None:
    write_month(tmp_path)
    lines = write(tmp_path, "lines.csv", "date,employee_id\n2026-02-02,A1\n")
    with pytest.raises(InputError) as info:
        read(scenario, tmp_path, lines=lines, commissions=tmp_path / "nope.csv")
    message = str(info.value)
    assert "lines.csv, row 1, column 'lines': missing column 'lines'" in message
    assert "nope.csv: file not found" in message


def test_commissions_csv_constant_is_valid(scenario: Scenario, tmp_path: Path) -> None:
    path = write(tmp_path, "c.csv", COMMISSIONS_CSV)
    write_month(tmp_path)
    inputs = read(scenario, tmp_path, commissions=path)
    assert inputs.commissions_file == "c.csv"


@pytest.mark.parametrize(("text", "value"), [
    ("1234.5", "1234.5"), ("1,234.50", "1234.50"), ("¥1234", "1234"), ("￥12", "12"),
    ("1234元", "1234"), ("１２３", "123"), ("0", "0"), (".5", "0.5"), ("RMB 10", "10")])
def test_decimal_text(text: str, value: str) -> None:
    assert decimal_text(text) == Decimal(value)


@pytest.mark.parametrize("text", ["-5", "1,23", "12x", "", "1e5", "NaN", "1.2.3"])
def test_decimal_text_refuses(text: str) -> None:
    with pytest.raises(ValueError):
        decimal_text(text)


@pytest.mark.parametrize("text", ["2026-09", "2026/9", "2026年9月", "2026-09-01", "2026.9"])
def test_month_text(text: str) -> None:
    assert month_text(text) == Month(year=2026, month=9)


@pytest.mark.parametrize("text", ["2026-13", "Sept 2026", "2026-09-15", "9/2026"])
def test_month_text_refuses(text: str) -> None:
    with pytest.raises(ValueError):
        month_text(text)


def test_read_performance_with_chinese_headers_and_checks(
        scenario: Scenario, tmp_path: Path) -> None:
    """工号,月份,销售额,线数,中心,组; with --as-of, a month after it and an unknown person
    without center and team are told together with a bad cell."""
    path = write(tmp_path, "performance.csv",
                 "工号,月份,销售额,线数,中心,组\n"
                 "S,2026-01,100,10,,\n"
                 "X9,2025年12月,50,5,C,T1\n"
                 "A1,2026-03,100,10,,\n"
                 "Y8,2026-01,100,10,,\n"
                 "A2,2026-01,abc,10,,\n")
    with pytest.raises(InputError) as info:
        read_performance(path, scenario, as_of=dt.date(2026, 2, 1))
    found = [(p.row, p.column) for p in info.value.problems]
    assert found == [(4, "月份"), (5, "工号"), (6, "销售额")]
    good = write(tmp_path, "good.csv", "工号,月份,销售额,线数,中心,组\n"
                 "S,2026-01,100,10,,\nX9,2025年12月,50,5,C,T1\n")
    records = read_performance(good, scenario, as_of=dt.date(2026, 2, 1))
    assert [(r.employee_id, str(r.month), r.center, r.team) for r in records] == [
        ("S", "2026-01", None, None), ("X9", "2025-12", "C", "T1")]
