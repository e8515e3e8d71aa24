"""The month's ledgers behind the senior leader's assessment, as pure, validated data: no I/O here.

Sales orders, lines handled, part-B ratings, the directors' commissions, the manager's overrides
(:class:`AssessmentInputs`), and the personal figures behind eligibility
(:class:`PerformanceRecord`). Readers in :mod:`roster.io.assessment_reader` build them from CSV;
:mod:`roster.scoring` computes with them.

A record's checks against the scenario (a known employee, a date in the month, points within the
criterion's maximum …) are the ``*_problems`` functions here, written once: the readers call them
on each row, so every problem of a file is reported at once with its row and column, and the
scorer calls them again on inputs built in code. Each returns ``(field, message)`` pairs; a
field is the record's attribute, which is also the canonical name of its CSV column.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from decimal import Decimal
from enum import StrEnum
from typing import Annotated

from pydantic import Field

from roster.domain import CRITERIA, Frozen, Month, Scenario
from roster.errors import InputProblem

Money = Annotated[Decimal, Field(ge=0, allow_inf_nan=False)]
FieldProblem = tuple[str, str]
"""(field, message): one thing wrong with a record."""


class OrderStatus(StrEnum):
    SHIPPED = "shipped"  # 已交寄: the only status that counts
    CANCELLED = "cancelled"  # 已取消
    REFUSED = "refused"  # 拒收
    BLOCKED = "blocked"  # 拦截


class RaterRole(StrEnum):
    MANAGER = "manager"  # the department manager (部门经理)
    DIRECTOR = "director"  # the center's director (中心主任)
    EMPLOYEE = "employee"  # the center's staff (员工): their mean counts


class Decision(StrEnum):
    KEEP = "keep"  # stays senior leader (继续担任)
    REMOVE = "remove"  # removed; a new one is selected (取消职位，另行选拔)


class Order(Frozen):
    """One line of the sales ledger. ``row`` is where it came from (for messages), if read."""

    order_id: Annotated[str, Field(min_length=1)]
    date: dt.date
    employee_id: Annotated[str, Field(min_length=1)]
    amount: Money
    status: OrderStatus
    row: int | None = None


class LinesRecord(Frozen):
    """Lines (calls or leads) one employee handled on one date."""

    date: dt.date
    employee_id: Annotated[str, Field(min_length=1)]
    lines: int = Field(ge=0, le=1_000_000)
    row: int | None = None


class Rating(Frozen):
    """One rater's points for one criterion of one senior leader."""

    senior_leader_id: Annotated[str, Field(min_length=1)]
    rater_role: RaterRole
    rater_id: str = ""  # required for employees; may be empty for the manager and director
    criterion: str
    points: Annotated[Decimal, Field(ge=0, allow_inf_nan=False)]
    row: int | None = None


class Override(Frozen):
    """The department manager's decision for a center, with its written reason."""

    center: str
    decision: Decision
    reason: Annotated[str, Field(min_length=1)]
    row: int | None = None


class Commission(Frozen):
    """A center's director's product commission for the month (yuan)."""

    center: str
    director_commission: Money
    row: int | None = None


class AssessmentInputs(Frozen):
    """Everything the month's assessment reads besides the scenario and the roster.

    The ``*_file`` names say where each table came from, for messages.
    """

    orders: tuple[Order, ...] = ()
    lines: tuple[LinesRecord, ...] = ()
    ratings: tuple[Rating, ...] = ()
    commissions: tuple[Commission, ...] = ()
    overrides: tuple[Override, ...] = ()
    sales_file: str = "sales.csv"
    lines_file: str = "lines.csv"
    ratings_file: str = "ratings.csv"
    commissions_file: str = "commissions.csv"
    overrides_file: str = "overrides.csv"
    roster_file: str = "roster"


class PerformanceRecord(Frozen):
    """One employee's sales (and lines) in one month, for eligibility (S2, S3).

    ``center`` and ``team`` say where they worked that month when it differs from ``staff.csv``
    (or for someone who has left); ``None`` means as in ``staff.csv``.
    """

    employee_id: Annotated[str, Field(min_length=1)]
    month: Month
    sales: Money
    lines: int | None = Field(default=None, ge=0, le=100_000_000)
    center: str | None = None
    team: str | None = None
    row: int | None = None


# --- checks against the scenario ----------------------------------------------------------------


def _known(scenario: Scenario, employee_id: str) -> FieldProblem | None:
    if any(e.employee_id == employee_id for e in scenario.staff):
        return None
    return ("employee_id", f"unknown employee_id {employee_id!r}: not in staff.csv")


def _in_month(scenario: Scenario, date: dt.date) -> FieldProblem | None:
    month = scenario.month
    if (date.year, date.month) == (month.year, month.month):
        return None
    return ("date", f"{date.isoformat()} is outside the month {month}; give only the month's rows")


def order_problems(scenario: Scenario, order: Order) -> list[FieldProblem]:
    """An order must be dated in the month and made by someone in staff.csv."""
    found = [_known(scenario, order.employee_id), _in_month(scenario, order.date)]
    return [p for p in found if p is not None]


def lines_problems(scenario: Scenario, record: LinesRecord) -> list[FieldProblem]:
    """Lines must be dated in the month and handled by someone in staff.csv."""
    found = [_known(scenario, record.employee_id), _in_month(scenario, record.date)]
    return [p for p in found if p is not None]


def rating_problems(scenario: Scenario, rating: Rating) -> list[FieldProblem]:
    """The rated person is a senior leader; the criterion is B1-B5; points within its maximum.

    An employee rater needs an id, and nobody rates themselves.
    """
    out: list[FieldProblem] = []
    senior = {scenario.senior_leader(c.id).employee_id for c in scenario.centers}
    if rating.senior_leader_id not in senior:
        try:
            role = scenario.employee(rating.senior_leader_id).role.value
            why = f"is a {role}, not a senior leader"
        except KeyError:
            why = "is not in staff.csv"
        out.append(("senior_leader_id", f"{rating.senior_leader_id!r} {why}; the senior "
                    f"leaders are {', '.join(sorted(senior))}"))
    maxima = scenario.assessment.criteria.as_dict()
    if rating.criterion not in maxima:
        out.append(("criterion", f"unknown criterion {rating.criterion!r}; expected one of "
                    f"{', '.join(CRITERIA)}"))
    elif rating.points > maxima[rating.criterion]:
        out.append(("points", f"{rating.points} is above the maximum of {rating.criterion}, "
                    f"{maxima[rating.criterion]}"))
    if rating.rater_role == RaterRole.EMPLOYEE and not rating.rater_id:
        out.append(("rater_id", "an employee rating needs the rater's id (an anonymous code "
                    "will do), so that the mean counts each rater once"))
    if rating.rater_id and rating.rater_id == rating.senior_leader_id:
        out.append(("rater_id", "a senior leader cannot rate themselves"))
    return out


def _known_center(scenario: Scenario, center: str) -> FieldProblem | None:
    ids = [c.id for c in scenario.centers]
    if center in ids:
        return None
    return ("center", f"unknown center {center!r}; the centers are {', '.join(ids)}")


def commission_problems(scenario: Scenario, commission: Commission) -> list[FieldProblem]:
    found = _known_center(scenario, commission.center)
    return [found] if found else []


def override_problems(scenario: Scenario, override: Override) -> list[FieldProblem]:
    found = _known_center(scenario, override.center)
    return [found] if found else []


def performance_problems(
    scenario: Scenario, record: PerformanceRecord, as_of: dt.date
) -> list[FieldProblem]:
    """A month not after ``as_of``; someone in staff.csv, or a leaver with center and team."""
    out: list[FieldProblem] = []
    if record.month.first > as_of:
        out.append(("month", f"{record.month} starts after the as-of date {as_of.isoformat()}"))
    if record.center is not None:
        found = _known_center(scenario, record.center)
        if found:
            out.append(found)
    known = _known(scenario, record.employee_id) is None
    if not known and (record.center is None or record.team is None):
        out.append(("employee_id", f"unknown employee_id {record.employee_id!r}: not in "
                    "staff.csv (for someone who has left, give their center and team)"))
    return out


# --- checks across records ----------------------------------------------------------------------


def _repeated(
    problems: list[InputProblem], file: str, column: str, keys: Sequence[tuple[str, int | None]]
) -> None:
    """A problem on each row of a key (a description of what must be unique) given twice."""
    rows: dict[str, list[int | None]] = {}
    for key, row in keys:
        rows.setdefault(key, []).append(row)
    for key, found in rows.items():
        if len(found) > 1:
            numbers = ", ".join(str(r) for r in found if r is not None)
            where = f" (rows {numbers})" if numbers else ""
            for row in found:
                problems.append(InputProblem(file, f"{key} is given more than once{where}",
                                             row, column))


def _ratings_complete(
    problems: list[InputProblem], file: str, ratings: Sequence[Rating]
) -> None:
    """Each rater rates every criterion; one manager and one director per senior leader."""
    given: dict[tuple[str, RaterRole, str], set[str]] = {}
    first_row: dict[tuple[str, RaterRole, str], int | None] = {}
    for r in ratings:
        key = (r.senior_leader_id, r.rater_role, r.rater_id)
        given.setdefault(key, set()).add(r.criterion)
        first_row.setdefault(key, r.row)
    for (senior, role, rater), criteria in given.items():
        missing = [c for c in CRITERIA if c not in criteria]
        if missing:
            who = f"{role.value} {rater!r}" if rater else f"the {role.value}"
            problems.append(InputProblem(
                file, f"{who} rated {senior} on {', '.join(sorted(criteria))} but not on "
                f"{', '.join(missing)}; each rater rates every criterion",
                first_row[(senior, role, rater)], "criterion"))
    for role in (RaterRole.MANAGER, RaterRole.DIRECTOR):
        raters: dict[str, list[str]] = {}
        for senior, r_role, rater in given:
            if r_role == role:
                raters.setdefault(senior, []).append(rater or "(no id)")
        for senior, ids in raters.items():
            if len(ids) > 1:
                problems.append(InputProblem(
                    file, f"{senior} has {len(ids)} {role.value} raters ({', '.join(ids)}); "
                    f"expected one", None, "rater_id"))


def record_problems(scenario: Scenario, inputs: AssessmentInputs) -> list[InputProblem]:
    """Each record's checks (:func:`order_problems` …) and the ids and keys given twice: an order
    id; an employee's lines on a date; a rater's points for a criterion; a center's commission
    or override. ``column`` is the field name."""
    out: list[InputProblem] = []

    def each(file: str, problems: list[FieldProblem], row: int | None) -> None:
        out.extend(InputProblem(file, message, row, column) for column, message in problems)

    for o in inputs.orders:
        each(inputs.sales_file, order_problems(scenario, o), o.row)
    _repeated(out, inputs.sales_file, "order_id",
              [(f"order {o.order_id!r}", o.row) for o in inputs.orders])
    for lr in inputs.lines:
        each(inputs.lines_file, lines_problems(scenario, lr), lr.row)
    _repeated(out, inputs.lines_file, "date",
              [(f"the lines of {lr.employee_id} on {lr.date.isoformat()}", lr.row)
               for lr in inputs.lines])
    for r in inputs.ratings:
        each(inputs.ratings_file, rating_problems(scenario, r), r.row)
    _repeated(out, inputs.ratings_file, "criterion",
              [(f"{r.criterion} of {r.senior_leader_id} by {r.rater_role.value} "
                f"{r.rater_id!r}", r.row) for r in inputs.ratings])
    for c in inputs.commissions:
        each(inputs.commissions_file, commission_problems(scenario, c), c.row)
    _repeated(out, inputs.commissions_file, "center",
              [(f"the commission of center {c.center}", c.row) for c in inputs.commissions])
    for ov in inputs.overrides:
        each(inputs.overrides_file, override_problems(scenario, ov), ov.row)
    _repeated(out, inputs.overrides_file, "center",
              [(f"the override of center {ov.center}", ov.row) for ov in inputs.overrides])
    return out


def completeness_problems(scenario: Scenario, inputs: AssessmentInputs) -> list[InputProblem]:
    """What is missing across rows: a rater who skipped a criterion, more than one manager or
    director rating one senior leader, a center without its director's commission."""
    out: list[InputProblem] = []
    _ratings_complete(out, inputs.ratings_file,
                      [r for r in inputs.ratings if r.criterion in CRITERIA])
    given = {c.center for c in inputs.commissions}
    for center in scenario.centers:
        if center.id not in given:
            out.append(InputProblem(inputs.commissions_file,
                                    f"no director_commission for center {center.id}", None,
                                    "center"))
    return out


def input_problems(scenario: Scenario, inputs: AssessmentInputs) -> list[InputProblem]:
    """Everything wrong with the month's inputs on their own (the roster aside):
    :func:`record_problems` and :func:`completeness_problems`."""
    return record_problems(scenario, inputs) + completeness_problems(scenario, inputs)
