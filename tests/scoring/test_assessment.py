"""The monthly assessment's arithmetic, policies, refusals and boundaries, on the tiny department
of :mod:`builders` (hand-worked figures in each test).

The base case, worked by hand:

* acting days (the director off): 2 and 3 February. Agents on duty: 2 + 1 = 3 agent-days on the
  acting days, 28 × 2 − 1 = 55 in the month.
* shipped sales: 200 + 70 = 270 on the acting days, 5,500 in the month (the refused, cancelled and
  blocked orders don't count). Lines: 15 on the acting days, 275 in the month.
* A1 = (270 / 3) / (5,500 / 55) = 90 / 100 = 0.90 ≥ 0.85 → 25 points.
* A2 = (270 / 15) / (5,500 / 275) = 18 / 20 = 0.90 ≥ 0.85 → 25 points.
* B (manager 40 %, director 30 %, mean of the two employees 30 %):
  B1 = 0.4 × 12 + 0.3 × 15 + 0.3 × (9 + 12) / 2 = 4.8 + 4.5 + 3.15 = 12.45;
  B2 = 3.2 + 3 + 0.3 × 7 = 8.3; B3 = 3.2 + 3 + 0.3 × 9 = 8.9;
  B4 = 2.4 + 2.25 + 0.3 × 5.5 = 6.3; B5 = 2.4 + 2.25 + 0.3 × 7 = 6.75; B = 42.7.
* total = 50 + 42.7 = 92.70 → keep. Commission = 20 % × 3,456.78 = 691.356 → 691.36.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from fractions import Fraction

import pytest

from roster.domain import (
    AssessmentSettings,
    MissingRaterPolicy,
    NoActingDaysPolicy,
    RoleWeights,
    ScoringPolicy,
)
from roster.errors import InputError
from roster.ledgers import (
    Commission,
    Decision,
    LinesRecord,
    OrderStatus,
    Override,
    RaterRole,
)
from roster.scoring import (
    CenterAssessment,
    assess,
    commission,
    decide,
    ratio_points,
    total_points,
)

from .builders import (
    BASE_LINES,
    BASE_ORDERS,
    DIRECTOR,
    EMPLOYEES,
    MANAGER,
    d,
    lines,
    make_inputs,
    make_roster,
    make_scenario,
    order,
    rater,
)


def center(settings: AssessmentSettings | None = None,
           off: Mapping[str, tuple[int, ...]] | None = None, **changes: object) -> CenterAssessment:
    result = assess(make_scenario(settings), make_roster(off), make_inputs(**changes))
    assert len(result.centers) == 1
    return result.centers[0]


def refusal(settings: AssessmentSettings | None = None,
            off: Mapping[str, tuple[int, ...]] | None = None, **changes: object) -> str:
    with pytest.raises(InputError) as info:
        center(settings, off, **changes)
    return str(info.value)


NO_ACTING_DAYS: dict[str, tuple[int, ...]] = {"A2": (3,)}  # the director works every day


# --- the base case -------------------------------------------------------------------------------


def test_base_case_part_a() -> None:
    """A1 = 90 / 100 and A2 = 18 / 20: both 0.90, 25 points each (see the module docstring)."""
    c = center()
    assert c.acting_dates == (d(2), d(3))
    assert (c.acting.sales, c.acting.agent_days, c.acting.lines) == (Decimal(270), 3, 15)
    assert (c.month.sales, c.month.agent_days, c.month.lines) == (Decimal(5500), 55, 275)
    assert c.a1 is not None and c.a2 is not None
    assert (c.a1.acting, c.a1.month, c.a1.ratio) == (90, 100, Fraction(9, 10))
    assert (c.a2.acting, c.a2.month, c.a2.ratio) == (18, 20, Fraction(9, 10))
    assert c.a1.points == c.a2.points == 25 and c.a_points == 50


def test_base_case_part_b() -> None:
    """B1..B5 = 12.45, 8.3, 8.9, 6.3, 6.75; B = 42.7; each role's mean is shown."""
    c = center()
    assert [cs.points for cs in c.criteria] == [Fraction(x) for x in
                                                ("12.45", "8.3", "8.9", "6.3", "6.75")]
    assert c.b_points == Fraction("42.7") and c.b_multiplier == 1
    b1 = c.criteria[0]
    means = {r.role: (r.num_raters, r.mean, r.weight) for r in b1.roles}
    assert means == {RaterRole.MANAGER: (1, 12, Fraction(2, 5)),
                     RaterRole.DIRECTOR: (1, 15, Fraction(3, 10)),
                     RaterRole.EMPLOYEE: (2, Fraction(21, 2), Fraction(3, 10))}


def test_base_case_total_decision_and_pay() -> None:
    """Total 50 + 42.7 = 92.70 → keep; allowance 200; commission 20 % × 3,456.78 = 691.36."""
    c = center()
    assert c.total == Decimal("92.70")
    assert c.computed_decision == c.decision == Decision.KEEP and c.override is None
    assert c.allowance == Decimal(200)
    assert c.commission == Decimal("691.36") and c.director_commission == Decimal("3456.78")


def test_only_shipped_orders_count_and_the_others_are_counted() -> None:
    """The refused (80), cancelled (500) and blocked (40) orders are excluded, and reported."""
    c = center()
    assert c.num_shipped_orders == 3
    assert [(x.status, x.count, x.amount) for x in c.excluded_orders] == [
        (OrderStatus.CANCELLED, 1, Decimal(500)),
        (OrderStatus.REFUSED, 1, Decimal(80)),
        (OrderStatus.BLOCKED, 1, Decimal(40))]


def test_sales_of_every_staff_member_count_but_only_agents_are_on_duty() -> None:
    """A team leader's shipped order of 550 on 10 Feb adds to the month's sales, not to the
    agents: month = 6,050 / 55 = 110, A1 = 90 / 110 = 9/11."""
    c = center(orders=(*BASE_ORDERS, order("o7", 10, "T", "550")))
    assert c.a1 is not None and c.a1.ratio == Fraction(9, 11)


# --- the scoring policies and the 85 % boundary --------------------------------------------------

# acting 185 + 70 = 255; the rest 5,245: month 5,500. A1 = (255/3)/(5500/55) = 85/100;
# A2 = (255/15)/(5500/275) = 17/20: both exactly 0.85.
AT_THRESHOLD = (order("o1", 2, "A1", "185"), order("o2", 3, "A1", "70"),
                order("o4", 10, "A2", "5245"))
# one fen moved from the acting days to another day: A1 = (254.99/3)/100 = 0.8499666… < 0.85
JUST_BELOW = (order("o1", 2, "A1", "184.99"), order("o2", 3, "A1", "70"),
              order("o4", 10, "A2", "5245.01"))
# acting 170 + 70 = 240, the rest 5,260: A1 = 80/100 = 0.8, A2 = 16/20 = 0.8
AT_80 = (order("o1", 2, "A1", "170"), order("o2", 3, "A1", "70"), order("o4", 10, "A2", "5260"))


def test_ratio_exactly_at_the_threshold_gets_full_points() -> None:
    """A ratio of exactly 0.85 reaches the threshold: 25 + 25 points."""
    c = center(orders=AT_THRESHOLD)
    assert c.a1 is not None and c.a2 is not None
    assert c.a1.ratio == c.a2.ratio == Fraction(85, 100)
    assert c.a1.reached and c.a1.points == 25 and c.a2.points == 25


def test_ratio_a_fen_below_the_threshold_gets_nothing() -> None:
    """One fen less on the acting days: A1 = 254.99 / 300 < 0.85 → 0 points (threshold)."""
    c = center(orders=JUST_BELOW)
    assert c.a1 is not None
    assert c.a1.ratio == Fraction("254.99") / 3 / 100 and not c.a1.reached
    assert c.a1.points == 0


def test_threshold_policy_below_the_line() -> None:
    """Ratios 0.8: no points in part A; total = 0 + 42.7 → remove."""
    c = center(orders=AT_80)
    assert c.a_points == 0 and c.total == Decimal("42.70")
    assert c.decision == Decision.REMOVE


def test_linear_policy_below_the_line() -> None:
    """linear: 25 × 0.8 / 0.85 = 400/17 each; total = 800/17 + 42.7 = 89.7588… → 89.76."""
    c = center(AssessmentSettings(scoring=ScoringPolicy.LINEAR), orders=AT_80)
    assert c.a1 is not None and c.a1.points == Fraction(400, 17)
    assert c.a_points == Fraction(800, 17)
    assert c.total == Decimal("89.76")


def test_linear_policy_caps_at_full_points() -> None:
    """linear: ratio 0.90 gives min(1, 0.90 / 0.85) = 1 → 25, not more."""
    c = center(AssessmentSettings(scoring=ScoringPolicy.LINEAR))
    assert c.a1 is not None and c.a1.points == 25


def test_ratio_points_of_each_policy() -> None:
    """ratio_points alone: threshold 0/25 around 0.85; linear 25 × r / 0.85."""
    threshold = AssessmentSettings()
    linear = AssessmentSettings(scoring=ScoringPolicy.LINEAR)
    assert ratio_points(Fraction(85, 100), Fraction(25), threshold) == 25
    assert ratio_points(Fraction(84, 100), Fraction(25), threshold) == 0
    assert ratio_points(Fraction(68, 100), Fraction(25), linear) == 20  # 25 × 0.68/0.85
    assert ratio_points(Fraction(0), Fraction(25), linear) == 0


def test_a_custom_threshold() -> None:
    """threshold = 0.95: the base ratio 0.90 falls short → 0 + 0 + 42.7."""
    c = center(AssessmentSettings(threshold=Decimal("0.95")))
    assert c.a_points == 0 and c.total == Decimal("42.70")


# --- a month without acting days -----------------------------------------------------------------


def test_no_acting_days_doubles_part_b_by_default() -> None:
    """double_b: part A can't be assessed; total = 2 × 42.7 = 85.40."""
    c = center(off=NO_ACTING_DAYS)
    assert c.acting_dates == () and c.a1 is None and c.a2 is None
    assert c.no_acting_days == NoActingDaysPolicy.DOUBLE_B
    assert (c.a_points, c.b_multiplier, c.total) == (0, 2, Decimal("85.40"))


def test_no_acting_days_full_a() -> None:
    """full_a: part A gets 50: total = 50 + 42.7 = 92.70."""
    c = center(AssessmentSettings(no_acting_days=NoActingDaysPolicy.FULL_A), off=NO_ACTING_DAYS)
    assert (c.a_points, c.b_multiplier, c.total) == (50, 1, Decimal("92.70"))


def test_no_acting_days_zero_a() -> None:
    """zero_a: part A gets 0: total = 42.70 → remove."""
    c = center(AssessmentSettings(no_acting_days=NoActingDaysPolicy.ZERO_A), off=NO_ACTING_DAYS)
    assert (c.a_points, c.b_multiplier, c.total) == (0, 1, Decimal("42.70"))
    assert c.decision == Decision.REMOVE


def test_no_acting_days_needs_no_sales_or_lines() -> None:
    """Without acting days part A isn't computed, so a month without sales is not refused."""
    c = center(off=NO_ACTING_DAYS, orders=(), lines=())
    assert c.total == Decimal("85.40")


# --- part B: missing raters ----------------------------------------------------------------------


def test_missing_rater_role_is_refused_by_default() -> None:
    """No director rating, policy error: refused, naming the role and the policy to change."""
    message = refusal(ratings=tuple(MANAGER + EMPLOYEES))
    assert "ratings.csv" in message and "no director rating for S" in message
    assert 'missing_rater = "share"' in message


def test_missing_rater_role_shared() -> None:
    """share: no director; manager 0.4/0.7 = 4/7, employees 3/7. B = (4 × 40 + 3 × 39) / 7 =
    277/7 = 39.571…; total = 50 + 277/7 = 89.57."""
    c = center(AssessmentSettings(missing_rater=MissingRaterPolicy.SHARE),
               ratings=tuple(MANAGER + EMPLOYEES))
    assert c.shared_roles == (RaterRole.DIRECTOR,)
    assert c.criteria[0].points == Fraction("79.5") / 7  # 4/7 × 12 + 3/7 × 10.5
    assert c.b_points == Fraction(277, 7)
    assert c.total == Decimal("89.57")


def test_no_ratings_at_all_is_refused_even_when_sharing() -> None:
    message = refusal(AssessmentSettings(missing_rater=MissingRaterPolicy.SHARE), ratings=())
    assert "no ratings for S" in message


def test_a_role_weighted_zero_needs_no_rating() -> None:
    """Weights 0.7 / 0 / 0.3 and no director: B1 = 0.7 × 12 + 0.3 × 10.5 = 11.55."""
    weights = RoleWeights(manager=Decimal("0.7"), director=Decimal(0), employee=Decimal("0.3"))
    c = center(AssessmentSettings(role_weights=weights), ratings=tuple(MANAGER + EMPLOYEES))
    assert c.shared_roles == () and c.criteria[0].points == Fraction("11.55")


# --- the decision at 70 --------------------------------------------------------------------------

TWENTY = ["6", "4", "4", "3", "3"]  # 20 points from one rater


def test_total_exactly_70_keeps() -> None:
    """full_a, no acting days: A = 50; every rater gives 20 → B = 20; total 70.00 → keep."""
    ratings = (rater(RaterRole.MANAGER, "M", TWENTY) + rater(RaterRole.DIRECTOR, "D", TWENTY)
               + rater(RaterRole.EMPLOYEE, "E1", TWENTY) + rater(RaterRole.EMPLOYEE, "E2", TWENTY))
    c = center(AssessmentSettings(no_acting_days=NoActingDaysPolicy.FULL_A), off=NO_ACTING_DAYS,
               ratings=tuple(ratings))
    assert c.total == Decimal("70.00") and c.decision == Decision.KEEP


def test_total_just_below_70_removes() -> None:
    """As above, but one employee gives 2.5 for B5: the employees' mean is 2.75,
    B5 = 1.2 + 0.9 + 0.825 = 2.925, B = 19.925, total 69.925 → 69.93 → remove."""
    ratings = (rater(RaterRole.MANAGER, "M", TWENTY) + rater(RaterRole.DIRECTOR, "D", TWENTY)
               + rater(RaterRole.EMPLOYEE, "E1", TWENTY)
               + rater(RaterRole.EMPLOYEE, "E2", ["6", "4", "4", "3", "2.5"]))
    c = center(AssessmentSettings(no_acting_days=NoActingDaysPolicy.FULL_A), off=NO_ACTING_DAYS,
               ratings=tuple(ratings))
    assert c.b_points == Fraction("19.925")
    assert c.total == Decimal("69.93") and c.decision == Decision.REMOVE


def test_the_decision_reads_the_total_as_printed() -> None:
    """Points are rounded once, half up to two decimals: 69.995 prints 70.00 and keeps."""
    total = total_points(Fraction("69.995"), Fraction(0), 1)
    assert total == Decimal("70.00") and decide(total, AssessmentSettings()) == Decision.KEEP
    assert decide(Decimal("69.99"), AssessmentSettings()) == Decision.REMOVE


def test_an_override_stands_and_the_computed_decision_is_kept() -> None:
    """Total 42.70 (ratios 0.8) → remove; the manager keeps them, with a reason."""
    override = Override(center="C", decision=Decision.KEEP, reason="new product launch")
    c = center(orders=AT_80, overrides=(override,))
    assert c.computed_decision == Decision.REMOVE
    assert c.decision == Decision.KEEP and c.override == override


def test_commission_rounds_to_the_fen() -> None:
    """0.2 × 0.05 = 0.01; 0.2 × 0.02 = 0.004 → 0.00; 0.2 × 0.03 = 0.006 → 0.01."""
    s = AssessmentSettings()
    assert [commission(Decimal(x), s) for x in ("0.05", "0.02", "0.03")] == [
        Decimal("0.01"), Decimal("0.00"), Decimal("0.01")]


def test_pay_parameters() -> None:
    """allowance 300 and a rate of 15 %: 0.15 × 3,456.78 = 518.517 → 518.52."""
    c = center(AssessmentSettings(allowance=Decimal(300), commission_rate=Decimal("0.15")))
    assert c.allowance == 300 and c.commission == Decimal("518.52")


def test_r1_broken_in_the_roster_is_shown() -> None:
    """The senior leader also off on 3 February (an acting day) is reported, not hidden."""
    c = center(off={"D": (2, 3), "S": (3,), "A2": (3,)})
    assert c.senior_off_on_acting_days == (d(3),)


# --- refusals ------------------------------------------------------------------------------------


def test_rating_above_its_maximum_is_refused() -> None:
    """B1's maximum is 15: 15.5 is refused, naming the file and the column."""
    bad = rater(RaterRole.MANAGER, "M", ["15.5", "8", "8", "6", "6"])
    with pytest.raises(InputError) as info:
        center(ratings=tuple(bad + DIRECTOR + EMPLOYEES))
    problems = info.value.problems
    assert [(p.file, p.column) for p in problems] == [("ratings.csv", "points")]
    assert "15.5 is above the maximum of B1, 15" in problems[0].message


def test_order_of_an_unknown_employee_is_refused() -> None:
    with pytest.raises(InputError) as info:
        center(orders=(*BASE_ORDERS, order("o9", 5, "X9", "10", row=8)))
    [p] = info.value.problems
    assert (p.file, p.row, p.column) == ("sales.csv", 8, "employee_id")
    assert "unknown employee_id 'X9'" in p.message


def test_order_outside_the_month_is_refused() -> None:
    bad = order("o9", 1, "A1", "10").model_copy(update={"date": d(1).replace(month=3)})
    with pytest.raises(InputError) as info:
        center(orders=(*BASE_ORDERS, bad))
    [p] = info.value.problems
    assert p.column == "date" and "2026-03-01 is outside the month 2026-02" in p.message


def test_lines_of_an_unknown_employee_or_outside_the_month_are_refused() -> None:
    bad = (LinesRecord(date=d(4), employee_id="X9", lines=1),
           LinesRecord(date=d(4).replace(month=1), employee_id="A1", lines=1))
    with pytest.raises(InputError) as info:
        center(lines=(*BASE_LINES, *bad))
    assert [p.column for p in info.value.problems] == ["employee_id", "date"]


def test_an_order_id_given_twice_is_refused() -> None:
    message = refusal(orders=(*BASE_ORDERS, order("o1", 5, "A1", "10")))
    assert "order 'o1' is given more than once" in message


def test_an_employee_lines_on_a_date_given_twice_are_refused() -> None:
    message = refusal(lines=(*BASE_LINES, lines(2, "A1", 1)))
    assert "the lines of A1 on 2026-02-02 is given more than once" in message


def test_a_rater_who_skipped_a_criterion_is_refused() -> None:
    message = refusal(ratings=tuple(MANAGER[:4] + DIRECTOR + EMPLOYEES))
    assert "manager 'M' rated S on B1, B2, B3, B4 but not on B5" in message


def test_two_managers_are_refused() -> None:
    second = rater(RaterRole.MANAGER, "M2", ["12", "8", "8", "6", "6"])
    message = refusal(ratings=tuple(MANAGER + second + DIRECTOR + EMPLOYEES))
    assert "S has 2 manager raters (M, M2); expected one" in message


def test_self_rating_and_a_rating_of_someone_not_senior_leader_are_refused() -> None:
    self_rating = rater(RaterRole.EMPLOYEE, "S", ["1", "1", "1", "1", "1"])
    of_t = rater(RaterRole.MANAGER, "M", ["1", "1", "1", "1", "1"], senior="T")
    message = refusal(ratings=tuple(MANAGER + DIRECTOR + EMPLOYEES + self_rating + of_t))
    assert "a senior leader cannot rate themselves" in message
    assert "'T' is a team_leader, not a senior leader" in message


def test_an_employee_rating_needs_a_rater_id() -> None:
    anonymous = rater(RaterRole.EMPLOYEE, "", ["1", "1", "1", "1", "1"])
    assert "needs the rater's id" in refusal(ratings=tuple(MANAGER + DIRECTOR + anonymous))


def test_a_center_without_its_commission_is_refused() -> None:
    message = refusal(commissions=())
    assert "commissions.csv" in message and "no director_commission for center C" in message


def test_unknown_centers_in_commissions_and_overrides_are_refused() -> None:
    message = refusal(
        commissions=(Commission(center="C", director_commission=Decimal(1)),
                     Commission(center="Z", director_commission=Decimal(1))),
        overrides=(Override(center="Z", decision=Decision.KEEP, reason="r"),))
    assert message.count("unknown center 'Z'") == 2


def test_a_month_without_sales_is_refused() -> None:
    """Part A compares with the month: no shipped sales at all can't be compared with."""
    message = refusal(orders=(order("o1", 2, "A1", "10", OrderStatus.CANCELLED),))
    assert "center C: no shipped sales in the month; A1 and A2 cannot be computed" in message


def test_no_lines_on_the_acting_days_is_refused() -> None:
    message = refusal(lines=(lines(10, "A2", 260),))
    assert "lines.csv: center C: no lines handled on the acting days" in message


def test_no_agent_on_duty_on_the_acting_days_is_refused() -> None:
    message = refusal(off={"D": (2, 3), "A1": (2, 3), "A2": (2, 3)})
    assert "no agent on duty on any acting day" in message


def test_a_person_missing_from_the_roster_is_refused() -> None:
    roster = make_roster()
    del roster["A2"]
    with pytest.raises(InputError) as info:
        assess(make_scenario(), roster, make_inputs())
    assert "A2 (agent of C) is missing from the roster" in str(info.value)


def test_every_problem_is_told_at_once() -> None:
    """An unknown employee in the sales, a rating above its maximum and no commission: all three
    in one error."""
    bad = rater(RaterRole.DIRECTOR, "D", ["15", "11", "10", "7.5", "7.5"])
    message = refusal(orders=(*BASE_ORDERS, order("o9", 5, "X9", "10")),
                      ratings=tuple(MANAGER + bad + EMPLOYEES), commissions=())
    assert len(message.splitlines()) == 3
