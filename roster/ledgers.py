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

from roster.domain import CRITERIA, Frozen, Month, Scenario, role_text
from roster.errors import InputProblem
from solver.messages import Text

Money = Annotated[Decimal, Field(ge=0, allow_inf_nan=False)]
FieldProblem = tuple[str, Text]
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


def rater_text(role: RaterRole) -> Text:
    """A rater role in words: its value in English ('manager'), '部门经理' in Chinese."""
    return Text(f"ledger.rater.{role.value}")


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
    return ("employee_id", Text.of("input.unknown_employee", id=employee_id, file="staff.csv"))


def _in_month(scenario: Scenario, date: dt.date) -> FieldProblem | None:
    month = scenario.month
    if (date.year, date.month) == (month.year, month.month):
        return None
    return ("date", Text.of("ledger.outside_month", date=date.isoformat(), month=str(month)))


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
            role = scenario.employee(rating.senior_leader_id).role
            why = Text.of("ledger.is_role", role=role_text(role))
        except KeyError:
            why = Text("ledger.not_in_staff")
        out.append(("senior_leader_id", Text.of("ledger.not_senior", id=rating.senior_leader_id,
                                                why=why, ids=tuple(sorted(senior)))))
    maxima = scenario.assessment.criteria.as_dict()
    if rating.criterion not in maxima:
        out.append(("criterion", Text.of("ledger.unknown_criterion", criterion=rating.criterion,
                                         all=CRITERIA)))
    elif rating.points > maxima[rating.criterion]:
        out.append(("points", Text.of("ledger.above_maximum", points=str(rating.points),
                                      criterion=rating.criterion,
                                      maximum=str(maxima[rating.criterion]))))
    if rating.rater_role == RaterRole.EMPLOYEE and not rating.rater_id:
        out.append(("rater_id", Text("ledger.rater_id_needed")))
    if rating.rater_id and rating.rater_id == rating.senior_leader_id:
        out.append(("rater_id", Text("ledger.rates_self")))
    return out


def _known_center(scenario: Scenario, center: str) -> FieldProblem | None:
    ids = [c.id for c in scenario.centers]
    if center in ids:
        return None
    return ("center", Text.of("input.unknown_center", center=center, centers=tuple(ids)))


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
        out.append(("month", Text.of("ledger.after_as_of", month=str(record.month),
                                     as_of=as_of.isoformat())))
    if record.center is not None:
        found = _known_center(scenario, record.center)
        if found:
            out.append(found)
    known = _known(scenario, record.employee_id) is None
    if not known and (record.center is None or record.team is None):
        out.append(("employee_id", Text.of("ledger.unknown_leaver", id=record.employee_id)))
    return out


# --- checks across records ----------------------------------------------------------------------


def _repeated(
    problems: list[InputProblem], file: str, column: str, keys: Sequence[tuple[Text, int | None]]
) -> None:
    """A problem on each row of a key (a description of what must be unique) given twice."""
    rows: dict[Text, list[int | None]] = {}
    for key, row in keys:
        rows.setdefault(key, []).append(row)
    for key, found in rows.items():
        if len(found) > 1:
            numbers = tuple(r for r in found if r is not None)
            where = Text.of("input.rows", rows=numbers) if numbers else ""
            for row in found:
                problems.append(InputProblem(
                    file, Text.of("input.given_twice", what=key, rows=where), row, column))


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
            who = (Text.of("ledger.rater", role=rater_text(role), rater=rater) if rater
                   else Text.of("ledger.the_rater", role=rater_text(role)))
            problems.append(InputProblem(
                file, Text.of("ledger.criteria_missing", who=who, senior=senior,
                              given=tuple(sorted(criteria)), missing=tuple(missing)),
                first_row[(senior, role, rater)], "criterion"))
    for role in (RaterRole.MANAGER, RaterRole.DIRECTOR):
        raters: dict[str, list[Text | str]] = {}
        for senior, r_role, rater in given:
            if r_role == role:
                raters.setdefault(senior, []).append(rater or Text("ledger.no_id"))
        for senior, ids in raters.items():
            if len(ids) > 1:
                problems.append(InputProblem(
                    file, Text.of("ledger.raters", senior=senior, n=len(ids),
                                  role=rater_text(role), ids=tuple(ids)), None, "rater_id"))


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
              [(Text.of("ledger.order", id=o.order_id), o.row) for o in inputs.orders])
    for lr in inputs.lines:
        each(inputs.lines_file, lines_problems(scenario, lr), lr.row)
    _repeated(out, inputs.lines_file, "date",
              [(Text.of("ledger.lines_of", id=lr.employee_id, date=lr.date.isoformat()), lr.row)
               for lr in inputs.lines])
    for r in inputs.ratings:
        each(inputs.ratings_file, rating_problems(scenario, r), r.row)
    _repeated(out, inputs.ratings_file, "criterion",
              [(Text.of("ledger.rating_of", criterion=r.criterion, senior=r.senior_leader_id,
                        role=rater_text(r.rater_role), rater=r.rater_id), r.row)
               for r in inputs.ratings])
    for c in inputs.commissions:
        each(inputs.commissions_file, commission_problems(scenario, c), c.row)
    _repeated(out, inputs.commissions_file, "center",
              [(Text.of("ledger.commission_of", center=c.center), c.row)
               for c in inputs.commissions])
    for ov in inputs.overrides:
        each(inputs.overrides_file, override_problems(scenario, ov), ov.row)
    _repeated(out, inputs.overrides_file, "center",
              [(Text.of("ledger.override_of", center=ov.center), ov.row)
               for ov in inputs.overrides])
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
                                    Text.of("ledger.no_commission", center=center.id), None,
                                    "center"))
    return out


def input_problems(scenario: Scenario, inputs: AssessmentInputs) -> list[InputProblem]:
    """Everything wrong with the month's inputs on their own (the roster aside):
    :func:`record_problems` and :func:`completeness_problems`."""
    return record_problems(scenario, inputs) + completeness_problems(scenario, inputs)
