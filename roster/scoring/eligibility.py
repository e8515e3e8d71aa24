"""Choosing the senior leader (DOMAIN.md): S1-S3 for each team leader, and the numbers behind them.

Pure arithmetic, no I/O: :func:`eligibility` takes the scenario (``staff.csv`` with
``leader_since``), the personal monthly figures (:class:`~roster.ledgers.PerformanceRecord`) and an
as-of date, and returns the candidates of each center. The judgement criteria can't be computed:
they are listed for the manager to confirm (:data:`JUDGEMENT_CRITERIA`).

Choices where the domain is silent (documented in docs/scenario.md):

* the candidates are the team leaders, the current senior leader included;
* **S1** counts whole calendar months from ``leader_since`` to the as-of date;
* **S2** ranks each candidate's sales over the months of the performance file among the team
  leaders of their center and of the department (people without figures count 0);
* **S3** ranks, in every month of the file, the team's sales per head (its people's sales over
  their number, the team leader included: a small team is not penalised) among the center's
  teams, and, when the file has lines, its sales per line too;
* "upper half, median included" means a value at or above the median of the group; ranks are
  shown as "2 of 6" (1 = best; equal values share a rank).
"""

from __future__ import annotations

import datetime as dt
import statistics
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

from roster.domain import Role, Scenario
from roster.errors import InputError, InputProblem
from roster.ledgers import PerformanceRecord, performance_problems
from solver.messages import Text

JUDGEMENT_CRITERIA: tuple[tuple[str, str], ...] = (
    ("能带领小组完成销售任务，工作业绩和工作能力较好",
     "leads the team to its sales targets, with good results and ability"),
    ("能积极处理中心内事务及人员管理",
     "handles the center's affairs and its people actively"),
    ("学习能力强，有进取心，不断提高管理水平",
     "eager to learn and to improve as a manager"),
)
"""The criteria only the manager can judge: (中文, English)."""


@dataclass(frozen=True)
class Standing:
    """A value's place in a group: rank (1 = best, ties share), group size, the group's median."""

    value: Fraction
    rank: int
    of: int
    median: Fraction

    @property
    def upper_half(self) -> bool:
        """In the upper half, the median included."""
        return self.value >= self.median


@dataclass(frozen=True)
class Tenure:
    """S1: whole months as a team leader at the as-of date."""

    leader_since: dt.date | None
    months: int | None  # None: leader_since unknown
    required: int

    @property
    def passed(self) -> bool:
        return self.months is not None and self.months >= self.required


@dataclass(frozen=True)
class PersonalRank:
    """S2: the candidate's sales over the months, ranked among the team leaders."""

    sales: Decimal
    months_with_figures: int
    in_center: Standing
    in_department: Standing

    @property
    def passed(self) -> bool:
        return self.in_center.upper_half and self.in_department.upper_half


@dataclass(frozen=True)
class TeamMonth:
    """S3 in one month: the team's standing among the center's teams."""

    month: str
    per_head: Standing | None  # sales per head; None: no figures for the team that month
    per_line: Standing | None  # sales per line; None: no lines in the file (or none handled)
    lines_given: bool

    @property
    def passed(self) -> bool:
        if self.per_head is None or not self.per_head.upper_half:
            return False
        return not self.lines_given or (self.per_line is not None and self.per_line.upper_half)


@dataclass(frozen=True)
class Candidate:
    employee_id: str
    name: str
    center: str
    team: str
    is_senior_leader: bool
    s1: Tenure
    s2: PersonalRank
    s3: tuple[TeamMonth, ...]

    @property
    def s3_passed(self) -> bool:
        return bool(self.s3) and all(m.passed for m in self.s3)

    @property
    def eligible(self) -> bool:
        """S1, S2 and S3 all passed (the judgement criteria are still the manager's to confirm)."""
        return self.s1.passed and self.s2.passed and self.s3_passed


@dataclass(frozen=True)
class CenterCandidates:
    center: str
    center_name: str
    candidates: tuple[Candidate, ...]


@dataclass(frozen=True)
class Eligibility:
    as_of: dt.date
    months: tuple[str, ...]
    min_leader_months: int
    centers: tuple[CenterCandidates, ...]
    judgement: tuple[tuple[str, str], ...] = JUDGEMENT_CRITERIA


# --- the rules ----------------------------------------------------------------------------------


def months_between(since: dt.date, as_of: dt.date) -> int:
    """Whole calendar months from ``since`` to ``as_of`` (0 if ``as_of`` is earlier).

    2026-04-01 → 2026-10-01 is 6; 2026-04-02 → 2026-10-01 is 5.
    """
    months = (as_of.year - since.year) * 12 + as_of.month - since.month
    if as_of.day < since.day:
        months -= 1
    return max(0, months)


def standing(value: Fraction, group: Sequence[Fraction]) -> Standing:
    """``value``'s rank and the median of ``group`` (which holds ``value``)."""
    return Standing(value, 1 + sum(1 for v in group if v > value), len(group),
                    Fraction(statistics.median(group)))


def tenure(leader_since: dt.date | None, as_of: dt.date, required: int) -> Tenure:
    """S1: team leader for at least ``required`` months."""
    months = None if leader_since is None else months_between(leader_since, as_of)
    return Tenure(leader_since, months, required)


# --- the whole department ------------------------------------------------------------------------


def eligibility(scenario: Scenario, records: Sequence[PerformanceRecord], as_of: dt.date,
                *, source: str = "performance.csv") -> Eligibility:
    """S1-S3 for every team leader of every center; one InputError with every refusal."""
    problems = [InputProblem(source, message, r.row, column)
                for r in records for column, message in performance_problems(scenario, r, as_of)]
    seen: dict[tuple[str, str], list[int | None]] = {}
    for r in records:
        seen.setdefault((r.employee_id, str(r.month)), []).append(r.row)
    for (eid, month), rows in seen.items():
        if len(rows) > 1:
            numbers = tuple(n for n in rows if n is not None)
            twice = Text.of("score.figures_twice", id=eid, month=month, rows=numbers)
            problems += [InputProblem(source, twice, n, "month") for n in rows]
    if any(r.lines is not None for r in records):
        problems += [InputProblem(source, Text("score.lines_empty"), r.row, "lines")
                     for r in records if r.lines is None]
    if not records:
        problems.append(InputProblem(source, Text("score.no_figures")))
    if problems:
        raise InputError(problems)

    months = sorted({str(r.month) for r in records})
    leaders = [e for e in scenario.staff if e.role in (Role.TEAM_LEADER, Role.SENIOR_LEADER)]
    sales_of: dict[str, Decimal] = {}
    months_of: dict[str, set[str]] = {}
    for r in records:
        sales_of[r.employee_id] = sales_of.get(r.employee_id, Decimal(0)) + r.sales
        months_of.setdefault(r.employee_id, set()).add(str(r.month))
    department = [Fraction(sales_of.get(e.employee_id, Decimal(0))) for e in leaders]
    teams = _team_figures(scenario, records)
    lines_given = any(r.lines is not None for r in records)

    centers: list[CenterCandidates] = []
    for center in scenario.centers:
        peers = [e for e in leaders if e.center == center.id]
        in_center = [Fraction(sales_of.get(e.employee_id, Decimal(0))) for e in peers]
        candidates: list[Candidate] = []
        for e in peers:
            sales = sales_of.get(e.employee_id, Decimal(0))
            s2 = PersonalRank(sales, len(months_of.get(e.employee_id, ())),
                              standing(Fraction(sales), in_center),
                              standing(Fraction(sales), department))
            s3 = tuple(_team_month(teams, center.id, e.team, m, lines_given) for m in months)
            candidates.append(Candidate(
                e.employee_id, e.name, center.id, e.team, e.role == Role.SENIOR_LEADER,
                tenure(e.leader_since, as_of, scenario.assessment.min_leader_months), s2, s3))
        centers.append(CenterCandidates(center.id, center.name, tuple(candidates)))
    return Eligibility(as_of, tuple(months), scenario.assessment.min_leader_months,
                       tuple(centers))


TeamKey = tuple[str, str, str]  # (month, center, team)


@dataclass
class _TeamFigures:
    sales: Decimal = Decimal(0)
    heads: int = 0
    lines: int = 0


def _team_figures(
    scenario: Scenario, records: Sequence[PerformanceRecord]
) -> dict[TeamKey, _TeamFigures]:
    """Per month, center and team: Σ sales, people with figures, Σ lines."""
    staff = {e.employee_id: e for e in scenario.staff}
    out: dict[TeamKey, _TeamFigures] = {}
    for r in records:
        person = staff.get(r.employee_id)
        center = r.center if r.center is not None else person.center if person else ""
        team = r.team if r.team is not None else person.team if person else ""
        if not team:  # a director: no team
            continue
        figures = out.setdefault((str(r.month), center, team), _TeamFigures())
        figures.sales += r.sales
        figures.heads += 1
        figures.lines += r.lines or 0
    return out


def _team_month(teams: dict[TeamKey, _TeamFigures], center: str, team: str, month: str,
                lines_given: bool) -> TeamMonth:
    rivals = {k[2]: v for k, v in teams.items() if k[0] == month and k[1] == center}
    if team not in rivals:
        return TeamMonth(month, None, None, lines_given)
    per_head = {t: Fraction(v.sales) / v.heads for t, v in rivals.items()}
    by_head = standing(per_head[team], list(per_head.values()))
    by_line = None
    if lines_given:
        per_line = {t: Fraction(v.sales) / v.lines for t, v in rivals.items() if v.lines}
        if team in per_line:
            by_line = standing(per_line[team], list(per_line.values()))
    return TeamMonth(month, by_head, by_line, lines_given)
