"""Eligibility (S1-S3) on a hand-built department, as of 1 March 2026.

Centers and team leaders (team, leader since):

* C1: L1 senior leader (X, 2025-01-15), L2 (Y, 2025-09-01), L3 (Z, unknown); agents a1 (X),
  a2 (Y), a3 (Z).
* C2: K1 senior leader (P, 2020-01-01), K2 (Q, 2026-02-01); agents b1 (P), b2 (Q).

Monthly sales (January, February):

| person | Jan | Feb | | person | Jan | Feb |
|---|---|---|---|---|---|---|
| L1 | 150 | 150 | | a1 | 450 | 350 |
| L2 | 100 | 100 | | a2 | 300 | 300 |
| L3 | 50 | 50 | | a3 | 250 | 350 |
| K1 | 125 | 125 | | b1 | 275 | 275 |
| K2 | 200 | 200 | | b2 | 100 | 100 |

S1 (6 months): L1 13 ✓, L2 exactly 6 ✓, L3 unknown ✗, K1 74 ✓, K2 1 ✗.

S2, the two months' sales: L1 300, L2 200, L3 100, K1 250, K2 400.
In C1 [300, 200, 100], median 200: L1 1/3 ✓, L2 2/3 ✓ (the median counts), L3 3/3 ✗.
In C2 [250, 400], median 325: K1 2/2 ✗, K2 1/2 ✓.
In the department [300, 200, 100, 250, 400], median 250: L1 2/5 ✓, L2 4/5 ✗, L3 5/5 ✗,
K1 3/5 ✓ (the median counts), K2 1/5 ✓.
S2: L1 ✓, L2 ✗, L3 ✗, K1 ✗, K2 ✓.

S3, sales per head (the leader and the agents of the team):
C1 Jan: X (150 + 450) / 2 = 300, Y (100 + 300) / 2 = 200, Z (50 + 250) / 2 = 150; median 200:
X ✓, Y ✓, Z ✗. C1 Feb: X 250, Y 200, Z 200; median 200: X ✓, Y 2/3 ✓, Z 2/3 ✓.
C2 (both months): P (125 + 275) / 2 = 200, Q (200 + 100) / 2 = 150; median 175: P ✓, Q ✗.
S3: L1 ✓, L2 ✓, L3 ✗ (January), K1 ✓, K2 ✗.

Eligible (S1, S2 and S3): L1 only.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from fractions import Fraction

import pytest

from roster.domain import Center, Employee, Month, Role, Scenario, ShiftType
from roster.errors import InputError
from roster.ledgers import PerformanceRecord
from roster.scoring import Candidate, Eligibility, eligibility, months_between, standing

AS_OF = dt.date(2026, 3, 1)
JAN, FEB = Month(year=2026, month=1), Month(year=2026, month=2)


def person(eid: str, role: Role, center: str, team: str = "",
           since: dt.date | None = None) -> Employee:
    return Employee(employee_id=eid, name=eid.upper(), role=role, center=center, team=team,
                    leader_since=since)


SCENARIO = Scenario(
    month=Month(year=2026, month=3),
    centers=(Center(id="C1"), Center(id="C2")),
    shifts=(ShiftType(code="E", start=480, end=990),),
    staff=(
        person("D1", Role.DIRECTOR, "C1"),
        person("L1", Role.SENIOR_LEADER, "C1", "X", dt.date(2025, 1, 15)),
        person("L2", Role.TEAM_LEADER, "C1", "Y", dt.date(2025, 9, 1)),
        person("L3", Role.TEAM_LEADER, "C1", "Z"),
        person("a1", Role.AGENT, "C1", "X"),
        person("a2", Role.AGENT, "C1", "Y"),
        person("a3", Role.AGENT, "C1", "Z"),
        person("D2", Role.DIRECTOR, "C2"),
        person("K1", Role.SENIOR_LEADER, "C2", "P", dt.date(2020, 1, 1)),
        person("K2", Role.TEAM_LEADER, "C2", "Q", dt.date(2026, 2, 1)),
        person("b1", Role.AGENT, "C2", "P"),
        person("b2", Role.AGENT, "C2", "Q"),
    ),
)
SALES = {"L1": (150, 150), "L2": (100, 100), "L3": (50, 50), "K1": (125, 125),
         "K2": (200, 200), "a1": (450, 350), "a2": (300, 300), "a3": (250, 350),
         "b1": (275, 275), "b2": (100, 100), "D1": (0, 0)}


def record(eid: str, month: Month, sales: int, lines: int | None = None, row: int | None = None,
           center: str | None = None, team: str | None = None) -> PerformanceRecord:
    return PerformanceRecord(employee_id=eid, month=month, sales=Decimal(sales), lines=lines,
                             row=row, center=center, team=team)


RECORDS = tuple(record(eid, m, s[i]) for eid, s in SALES.items() for i, m in enumerate((JAN, FEB)))


def run(records: tuple[PerformanceRecord, ...] = RECORDS) -> Eligibility:
    return eligibility(SCENARIO, records, AS_OF)


def by_id(result: Eligibility) -> dict[str, Candidate]:
    return {c.employee_id: c for cc in result.centers for c in cc.candidates}


def test_candidates_are_the_team_leaders_with_the_senior_leader_marked() -> None:
    result = run()
    assert [[c.employee_id for c in cc.candidates] for cc in result.centers] == [
        ["L1", "L2", "L3"], ["K1", "K2"]]
    assert [c.employee_id for cc in result.centers for c in cc.candidates
            if c.is_senior_leader] == ["L1", "K1"]
    assert result.months == ("2026-01", "2026-02") and result.min_leader_months == 6
    assert len(result.judgement) == 3


def test_s1_tenure() -> None:
    """L1 13 months, L2 exactly 6 (passes), L3 no leader_since (fails), K1 74, K2 1."""
    got = {eid: (c.s1.months, c.s1.passed) for eid, c in by_id(run()).items()}
    assert got == {"L1": (13, True), "L2": (6, True), "L3": (None, False), "K1": (74, True),
                   "K2": (1, False)}


def test_s2_personal_ranks() -> None:
    """See the module docstring: ranks in the center and the department, median included."""
    got = {eid: (c.s2.sales, c.s2.in_center.rank, c.s2.in_center.of,
                 c.s2.in_department.rank, c.s2.passed)
           for eid, c in by_id(run()).items()}
    assert got == {"L1": (300, 1, 3, 2, True), "L2": (200, 2, 3, 4, False),
                   "L3": (100, 3, 3, 5, False), "K1": (250, 2, 2, 3, False),
                   "K2": (400, 1, 2, 1, True)}
    l2 = by_id(run())["L2"]
    assert l2.s2.in_center.median == 200 and l2.s2.in_center.upper_half
    assert l2.s2.in_department.median == 250


def test_s3_team_ranks_per_head() -> None:
    """Per head: X 300 / 250, Y 200 / 200, Z 150 / 200; P 200, Q 150 (both months)."""
    found = by_id(run())
    l1 = found["L1"]
    assert [(m.month, m.per_head.value, m.per_head.rank, m.passed)
            for m in l1.s3] == [("2026-01", 300, 1, True), ("2026-02", 250, 1, True)]
    z = found["L3"].s3
    assert [(m.per_head.value, m.per_head.rank, m.per_head.median, m.passed) for m in z] == [
        (150, 3, 200, False), (200, 2, 200, True)]
    assert {eid: c.s3_passed for eid, c in found.items()} == {
        "L1": True, "L2": True, "L3": False, "K1": True, "K2": False}


def test_eligible_needs_all_three() -> None:
    assert [eid for eid, c in by_id(run()).items() if c.eligible] == ["L1"]


def test_s3_with_lines_needs_both_rankings() -> None:
    """With lines, January per line: X 600 / 80 = 7.5, Y 400 / 20 = 20, Z 300 / 30 = 10;
    median 10: X fails per line (though first per head), so L1's January fails."""
    lines = {"L1": 10, "a1": 70, "L2": 5, "a2": 15, "L3": 10, "a3": 20}
    records = tuple(r.model_copy(update={"lines": lines.get(r.employee_id, 10)})
                    for r in RECORDS)
    l1 = by_id(run(records))["L1"]
    january = l1.s3[0]
    assert january.per_head.upper_half
    assert january.per_line.value == Fraction(15, 2) and january.per_line.rank == 3
    assert not january.passed and not l1.eligible


def test_a_leaver_counts_for_their_team_with_center_and_team_given() -> None:
    """'gone' sold 400 in team Z in January: Z = (50 + 250 + 400) / 3 = 233.33 passes X 300
    and Y 200; the median is 233.33, so Y fails January."""
    records = (*RECORDS, record("gone", JAN, 400, center="C1", team="Z"))
    found = by_id(run(records))
    january_y = found["L2"].s3[0]
    assert january_y.per_head.median == Fraction(700, 3) and not january_y.passed
    assert found["L3"].s3[0].per_head.value == Fraction(700, 3)


def test_refusals_all_at_once() -> None:
    """A month after the as-of date, an unknown person without center and team, a person's month
    given twice, a row without lines when others have them."""
    records = (
        record("L1", Month(year=2026, month=4), 1, 1, row=2),
        record("nobody", JAN, 1, 1, row=3),
        record("a1", JAN, 1, 1, row=4),
        record("a1", JAN, 2, None, row=5),
    )
    with pytest.raises(InputError) as info:
        run(records)
    found = [(p.row, p.column) for p in info.value.problems]
    assert found == [(2, "month"), (3, "employee_id"), (4, "month"), (5, "month"), (5, "lines")]
    assert "2026-04 starts after the as-of date 2026-03-01" in str(info.value)


def test_no_figures_is_refused() -> None:
    with pytest.raises(InputError, match="no figures"):
        run(())


@pytest.mark.parametrize(("since", "as_of", "months"), [
    (dt.date(2025, 9, 1), dt.date(2026, 3, 1), 6),
    (dt.date(2025, 9, 2), dt.date(2026, 3, 1), 5),
    (dt.date(2026, 3, 2), dt.date(2026, 3, 1), 0),
    (dt.date(2024, 2, 29), dt.date(2024, 8, 29), 6),
])
def test_months_between(since: dt.date, as_of: dt.date, months: int) -> None:
    assert months_between(since, as_of) == months


def test_standing_ties_and_the_median() -> None:
    """Ties share the best rank; an even group's median is the mean of the middle two."""
    group = [Fraction(v) for v in (1, 2, 3, 4)]
    assert (standing(Fraction(2), group).rank, standing(Fraction(2), group).upper_half) == (3,
                                                                                          False)
    assert standing(Fraction(3), group).upper_half and standing(Fraction(3), group).rank == 2
    tied = [Fraction(v) for v in (5, 5, 1)]
    assert standing(Fraction(5), tied).rank == 1 and standing(Fraction(1), tied).rank == 3
