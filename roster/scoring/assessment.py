"""The senior leader's monthly assessment (DOMAIN.md): A1, A2, B1-B5, the total, the decision, pay.

Pure arithmetic, no I/O: :func:`assess` takes the scenario (with its ``[assessment]`` settings), a
finished roster (``{employee_id: one cell per date}``, a cell a shift code, ``OFF`` or ``LEAVE``)
and the month's ledgers, and returns one :class:`CenterAssessment` per center.

Exact throughout: money is :class:`~decimal.Decimal`, ratios and points are
:class:`~fractions.Fraction` s, so a ratio of exactly 0.85 reaches the threshold. Points are rounded
once, for the total (two decimals, half up): the decision reads the total as the report prints it.

What the domain leaves open, decided here (and in docs/scenario.md):

* the allowance and the commission are paid for the month assessed, whatever the decision (the
  decision is about the months after);
* inputs the arithmetic cannot use are refused, never skipped: an order or lines outside the month
  or of someone not in staff.csv, points above a criterion's maximum, a rater role without a
  rating (unless the policy shares its weight), a month without sales or lines to compare with.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

from roster.domain import (
    A1_POINTS,
    A2_POINTS,
    LEAVE,
    OFF,
    AssessmentSettings,
    MissingRaterPolicy,
    NoActingDaysPolicy,
    Role,
    Scenario,
    ScoringPolicy,
    role_text,
)
from roster.errors import InputError, InputProblem
from roster.ledgers import (
    AssessmentInputs,
    Decision,
    OrderStatus,
    Override,
    RaterRole,
    Rating,
    input_problems,
    rater_text,
)
from solver.messages import Text

RosterCells = Mapping[str, Sequence[str]]
CENT = Decimal("0.01")


# --- results --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Period:
    """A center's figures over a set of dates: shipped sales, agents on duty (summed over the
    dates: agent-days) and lines handled."""

    num_days: int
    sales: Decimal
    agent_days: int
    lines: int

    @property
    def sales_per_agent(self) -> Fraction | None:
        return Fraction(self.sales) / self.agent_days if self.agent_days else None

    @property
    def sales_per_line(self) -> Fraction | None:
        return Fraction(self.sales) / self.lines if self.lines else None


@dataclass(frozen=True)
class RatioScore:
    """A1 or A2: the acting days' figure over the month's, and the points it earns."""

    rule_id: str  # "A1" | "A2"
    acting: Fraction
    month: Fraction
    ratio: Fraction
    reached: bool  # ratio >= threshold
    points: Fraction
    max_points: Fraction


@dataclass(frozen=True)
class RoleMean:
    """One rater role's points for one criterion: the mean over its raters (one, for a manager)."""

    role: RaterRole
    num_raters: int
    mean: Fraction | None  # None: no rater of this role
    weight: Fraction  # as applied (after sharing a missing role's weight)


@dataclass(frozen=True)
class CriterionScore:
    criterion: str
    max_points: Decimal
    roles: tuple[RoleMean, ...]  # manager, director, employee

    @property
    def points(self) -> Fraction:
        return sum((r.weight * r.mean for r in self.roles if r.mean is not None), Fraction(0))


@dataclass(frozen=True)
class ExcludedOrders:
    """Orders that don't count (not shipped), by status."""

    status: OrderStatus
    count: int
    amount: Decimal


@dataclass(frozen=True)
class CenterAssessment:
    center: str
    center_name: str
    senior_leader_id: str
    senior_leader_name: str
    director_id: str
    acting_dates: tuple[dt.date, ...]
    acting: Period
    month: Period
    a1: RatioScore | None  # None: no acting days
    a2: RatioScore | None
    a_points: Fraction
    no_acting_days: NoActingDaysPolicy | None  # the policy applied, when there were none
    criteria: tuple[CriterionScore, ...]
    shared_roles: tuple[RaterRole, ...]  # roles without a rating whose weight was shared
    b_points: Fraction  # out of 50
    b_multiplier: int  # 2 when part B stands for the whole (no acting days, double_b)
    total: Decimal  # A + multiplier x B, two decimals
    remove_below: Decimal
    computed_decision: Decision
    override: Override | None
    allowance: Decimal
    director_commission: Decimal
    commission_rate: Decimal
    commission: Decimal
    excluded_orders: tuple[ExcludedOrders, ...]
    num_shipped_orders: int
    senior_off_on_acting_days: tuple[dt.date, ...]  # R1 broken in the roster: shown, not hidden

    @property
    def decision(self) -> Decision:
        """The decision that stands: the manager's override if any, else the computed one."""
        return self.override.decision if self.override is not None else self.computed_decision

    @property
    def num_acting_days(self) -> int:
        return len(self.acting_dates)


@dataclass(frozen=True)
class DepartmentAssessment:
    scenario_name: str
    month: str
    settings: AssessmentSettings
    centers: tuple[CenterAssessment, ...]


# --- the rules, one function each ----------------------------------------------------------------


def acting_dates(scenario: Scenario, center: str, roster: RosterCells) -> list[dt.date]:
    """The dates the center's director is off (OFF or LEAVE): the senior leader acts."""
    cells = roster[scenario.director(center).employee_id]
    return [date for date, cell in zip(scenario.month.dates, cells, strict=True)
            if cell in (OFF, LEAVE)]


def agents_on_duty(scenario: Scenario, center: str, roster: RosterCells) -> dict[dt.date, int]:
    """Per date, the center's agents with a shift (not OFF, not LEAVE)."""
    agents = [e.employee_id for e in scenario.center_staff(center) if e.role == Role.AGENT]
    return {date: sum(1 for a in agents if roster[a][d] not in (OFF, LEAVE))
            for d, date in enumerate(scenario.month.dates)}


def ratio_points(ratio: Fraction, max_points: Fraction, settings: AssessmentSettings) -> Fraction:
    """A1/A2 points for a ratio: ``threshold`` gives all or nothing at the threshold;
    ``linear`` gives ``max_points × min(1, ratio / threshold)``."""
    threshold = Fraction(settings.threshold)
    if settings.scoring == ScoringPolicy.THRESHOLD:
        return max_points if ratio >= threshold else Fraction(0)
    return max_points * min(Fraction(1), ratio / threshold)


def ratio_score(rule_id: str, acting: Fraction, month: Fraction, max_points: Fraction,
                settings: AssessmentSettings) -> RatioScore:
    ratio = acting / month
    return RatioScore(rule_id, acting, month, ratio, ratio >= Fraction(settings.threshold),
                      ratio_points(ratio, max_points, settings), max_points)


def role_weights(
    settings: AssessmentSettings, present: set[RaterRole]
) -> dict[RaterRole, Fraction]:
    """Each role's weight; with missing roles (policy ``share``), the present roles' weights
    scaled up in proportion to add up to 1 again."""
    base = {RaterRole.MANAGER: Fraction(settings.role_weights.manager),
            RaterRole.DIRECTOR: Fraction(settings.role_weights.director),
            RaterRole.EMPLOYEE: Fraction(settings.role_weights.employee)}
    kept = sum((w for r, w in base.items() if r in present), Fraction(0))
    if kept == 0:
        return {r: Fraction(0) for r in base}
    return {r: (w / kept if r in present else Fraction(0)) for r, w in base.items()}


def part_b(settings: AssessmentSettings, ratings: Sequence[Rating],
           weights: Mapping[RaterRole, Fraction]) -> tuple[CriterionScore, ...]:
    """B1-B5 of one senior leader: per criterion, Σ over roles of weight × the role's mean."""
    out: list[CriterionScore] = []
    for criterion, max_points in settings.criteria.as_dict().items():
        roles: list[RoleMean] = []
        for role in RaterRole:
            points = [Fraction(r.points) for r in ratings
                      if r.rater_role == role and r.criterion == criterion]
            mean = sum(points, Fraction(0)) / len(points) if points else None
            roles.append(RoleMean(role, len(points), mean, weights[role]))
        out.append(CriterionScore(criterion, max_points, tuple(roles)))
    return tuple(out)


def total_points(a_points: Fraction, b_points: Fraction, b_multiplier: int) -> Decimal:
    """A + multiplier × B, rounded half up to two decimals (the figure the decision reads)."""
    exact = a_points + b_multiplier * b_points
    return (Decimal(exact.numerator) / Decimal(exact.denominator)).quantize(
        CENT, rounding=ROUND_HALF_UP)


def decide(total: Decimal, settings: AssessmentSettings) -> Decision:
    """Below ``remove_below`` (70): removed; at or above: kept."""
    return Decision.REMOVE if total < settings.remove_below else Decision.KEEP


def commission(director_commission: Decimal, settings: AssessmentSettings) -> Decimal:
    """The senior leader's commission: the rate (20 %) of the director's, to the fen."""
    return (director_commission * settings.commission_rate).quantize(CENT, rounding=ROUND_HALF_UP)


# --- the whole month -----------------------------------------------------------------------------


def _roster_problems(scenario: Scenario, roster: RosterCells, file: str) -> list[InputProblem]:
    num_days = len(scenario.month.dates)
    out: list[InputProblem] = []
    for e in scenario.staff:
        if e.role not in (Role.DIRECTOR, Role.SENIOR_LEADER, Role.AGENT):
            continue
        cells = roster.get(e.employee_id)
        if cells is None:
            out.append(InputProblem(file, Text.of("score.missing_from_roster", id=e.employee_id,
                                                  role=role_text(e.role), center=e.center)))
        elif len(cells) != num_days:
            out.append(InputProblem(file, Text.of("score.cells", id=e.employee_id,
                                                  n=len(cells), days=num_days)))
    return out


def _period(dates: Sequence[dt.date], sales: Mapping[dt.date, Decimal],
            agents: Mapping[dt.date, int], lines: Mapping[dt.date, int]) -> Period:
    return Period(len(dates), sum((sales.get(d, Decimal(0)) for d in dates), Decimal(0)),
                  sum(agents[d] for d in dates), sum(lines.get(d, 0) for d in dates))


def assess(
    scenario: Scenario, roster: RosterCells, inputs: AssessmentInputs
) -> DepartmentAssessment:
    """Assess every center's senior leader for the month; one InputError with every refusal."""
    settings = scenario.assessment
    problems = input_problems(scenario, inputs)
    problems += _roster_problems(scenario, roster, inputs.roster_file)
    if problems:
        raise InputError(problems)
    center_of = {e.employee_id: e.center for e in scenario.staff}
    commissions = {c.center: c.director_commission for c in inputs.commissions}
    overrides = {o.center: o for o in inputs.overrides}
    results: list[CenterAssessment] = []
    for center in scenario.centers:
        c = center.id
        senior = scenario.senior_leader(c)
        sales: dict[dt.date, Decimal] = {}
        excluded: dict[OrderStatus, tuple[int, Decimal]] = {}
        num_shipped = 0
        for o in inputs.orders:
            if center_of[o.employee_id] != c:
                continue
            if o.status == OrderStatus.SHIPPED:
                sales[o.date] = sales.get(o.date, Decimal(0)) + o.amount
                num_shipped += 1
            else:
                n, amount = excluded.get(o.status, (0, Decimal(0)))
                excluded[o.status] = (n + 1, amount + o.amount)
        lines: dict[dt.date, int] = {}
        for lr in inputs.lines:
            if center_of[lr.employee_id] == c:
                lines[lr.date] = lines.get(lr.date, 0) + lr.lines
        agents = agents_on_duty(scenario, c, roster)
        acting = acting_dates(scenario, c, roster)
        acting_period = _period(acting, sales, agents, lines)
        month_period = _period(scenario.month.dates, sales, agents, lines)

        a1 = a2 = None
        policy: NoActingDaysPolicy | None = None
        b_multiplier = 1
        if acting:
            refusals = _part_a_refusals(c, acting_period, month_period, inputs)
            if refusals:
                problems += refusals
                continue
            assert acting_period.sales_per_agent is not None
            assert month_period.sales_per_agent is not None
            assert acting_period.sales_per_line is not None
            assert month_period.sales_per_line is not None
            a1 = ratio_score("A1", acting_period.sales_per_agent, month_period.sales_per_agent,
                             Fraction(A1_POINTS), settings)
            a2 = ratio_score("A2", acting_period.sales_per_line, month_period.sales_per_line,
                             Fraction(A2_POINTS), settings)
            a_points = a1.points + a2.points
        else:
            policy = settings.no_acting_days
            a_points = (Fraction(A1_POINTS + A2_POINTS) if policy == NoActingDaysPolicy.FULL_A
                        else Fraction(0))
            b_multiplier = 2 if policy == NoActingDaysPolicy.DOUBLE_B else 1

        ratings = [r for r in inputs.ratings if r.senior_leader_id == senior.employee_id]
        present = {r.rater_role for r in ratings}
        weights = role_weights(settings, present)
        base = role_weights(settings, set(RaterRole))
        missing = tuple(r for r in RaterRole if r not in present and base[r] > 0)
        if not ratings or (missing and settings.missing_rater == MissingRaterPolicy.ERROR) or (
                sum(weights.values(), Fraction(0)) == 0):
            problems.append(_missing_raters(c, senior.employee_id, missing, inputs, settings,
                                            bool(ratings)))
            continue
        criteria = part_b(settings, ratings, weights)
        b_points = sum((cs.points for cs in criteria), Fraction(0))
        total = total_points(a_points, b_points, b_multiplier)
        director_commission = commissions[c]
        director = scenario.director(c).employee_id
        results.append(CenterAssessment(
            center=c,
            center_name=center.name,
            senior_leader_id=senior.employee_id,
            senior_leader_name=senior.name,
            director_id=director,
            acting_dates=tuple(acting),
            acting=acting_period,
            month=month_period,
            a1=a1,
            a2=a2,
            a_points=a_points,
            no_acting_days=policy,
            criteria=criteria,
            shared_roles=missing,
            b_points=b_points,
            b_multiplier=b_multiplier,
            total=total,
            remove_below=settings.remove_below,
            computed_decision=decide(total, settings),
            override=overrides.get(c),
            allowance=settings.allowance,
            director_commission=director_commission,
            commission_rate=settings.commission_rate,
            commission=commission(director_commission, settings),
            excluded_orders=tuple(ExcludedOrders(s, *excluded[s]) for s in OrderStatus
                                  if s in excluded),
            num_shipped_orders=num_shipped,
            senior_off_on_acting_days=tuple(
                d for d in acting
                if roster[senior.employee_id][scenario.month.dates.index(d)] in (OFF, LEAVE)),
        ))
    if problems:
        raise InputError(problems)
    return DepartmentAssessment(scenario.name, str(scenario.month), settings, tuple(results))


def _part_a_refusals(center: str, acting: Period, month: Period,
                     inputs: AssessmentInputs) -> list[InputProblem]:
    """Part A divides by the agents on duty and the lines: each must be above zero."""
    out: list[InputProblem] = []
    why = Text("score.cannot_compute")
    if month.sales == 0:
        out.append(InputProblem(inputs.sales_file,
                                Text.of("score.no_sales", center=center, why=why)))
    if acting.agent_days == 0:
        out.append(InputProblem(inputs.roster_file,
                                Text.of("score.no_agents", center=center, why=why)))
    if acting.lines == 0:
        out.append(InputProblem(inputs.lines_file,
                                Text.of("score.no_lines", center=center, why=why)))
    return out


def _missing_raters(center: str, senior: str, missing: Sequence[RaterRole],
                    inputs: AssessmentInputs, settings: AssessmentSettings,
                    any_rating: bool) -> InputProblem:
    who = Text.of("score.senior_of", senior=senior, center=center)
    if not any_rating:
        message = Text.of("score.no_ratings", who=who)
    elif settings.missing_rater == MissingRaterPolicy.SHARE:
        message = Text.of("score.no_weighted_rating", who=who)
    else:
        roles: Text | str = ""
        for role in missing:
            roles = (Text.of("input.and_also", some=roles, last=rater_text(role)) if roles
                     else rater_text(role))
        message = Text.of("score.missing_rater", roles=roles, who=who)
    return InputProblem(inputs.ratings_file, message, None, "rater_role")
