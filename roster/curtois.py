"""The Curtois & Qu shift-scheduling benchmark on the project's own engine and rules.

:func:`to_problem` maps an :class:`~roster.io.curtois.Instance` onto the generic
:class:`~solver.problem.Problem`, with the benchmark's rule ids (see
``/work/shared/bench/curtois/FORMAT.md`` §3-4 for the definitions):

====  ==========================================================================================
H1    one shift per day (``OneShiftPerDay``; two rows for one employee and day in a solution file)
H2    shifts that cannot follow on the next day (``ForbiddenSuccessions``, no history)
H3    most shifts of each type (``MaxShiftsPerType``); ``=0`` leaves the shift out of the
      employee's allowed shifts, and working it anyway is reported under H3 too
H4    total minutes between MinTotalMinutes and MaxTotalMinutes (``TotalMinutes``)
H5    most consecutive shifts (``MaxConsecutiveWorkDays``, no history)
H6    least consecutive shifts (``MinConsecutiveWork``, runs at the horizon's edges exempt)
H7    least consecutive days off (``MinConsecutiveDaysOff``, runs at the edges exempt)
H8    most weekends worked, Saturday or Sunday (``MaxWeekends``)
H9    the days off of SECTION_DAYS_OFF (fixed OFF cells, ``FixedCells``)
on    shift-on requests not met, at their weights (``ShiftRequests``)
off   shift-off requests violated: the named shift worked (``ShiftRequests``)
under each person short of a cover requirement, at its under weight (``Cover``)
over  each person above it, at its over weight (``Cover``)
====  ==========================================================================================

The objective is the sum of the soft terms; :func:`objective_split` gives it by part.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from roster.io.curtois import Assignments, Instance, read_instance_file
from solver.check import check_roster
from solver.lns import STEP_SECONDS, LnsOptions
from solver.messages import Text
from solver.problem import OFF, CheckReport, Day, Person, Problem, Shift, Violation
from solver.rules.base import Rule
from solver.rules.consecutive import MaxConsecutiveWorkDays
from solver.rules.cover import Cover, CoverRequirement
from solver.rules.fixed_cells import FixedCells
from solver.rules.min_consecutive import MinConsecutiveDaysOff, MinConsecutiveWork
from solver.rules.minutes import TotalMinutes
from solver.rules.one_shift import OneShiftPerDay
from solver.rules.requests import ShiftRequest, ShiftRequests
from solver.rules.shift_counts import MaxShiftsPerType
from solver.rules.succession import ForbiddenSuccessions
from solver.rules.weekends import MaxWeekends
from solver.solve import SPLIT_ABOVE, SolveSettings

HARD_RULES = ("H1", "H2", "H3", "H4", "H5", "H6", "H7", "H8", "H9")
OBJECTIVE_PARTS = ("on", "off", "under", "over")


def benchmark_days(horizon: int) -> tuple[Day, ...]:
    """Day 0 is a Monday; Saturdays and Sundays are rest days; weeks start on Mondays."""
    return tuple(Day(index=d, weekday=d % 7, is_rest_day=d % 7 >= 5, week=d // 7)
                 for d in range(horizon))


def to_problem(instance: Instance) -> Problem:
    """The instance as the engine's problem: days, shifts, people, fixed days off and rules."""
    codes = tuple(s.id for s in instance.shifts)
    people = []
    for e in instance.employees:
        allowed = frozenset(c for c in codes if e.max_shifts.get(c, 1) > 0)
        people.append(Person(id=e.id, allowed=None if len(allowed) == len(codes) else allowed))
    employees = instance.employees
    ids = tuple(e.id for e in employees)
    rules: list[Rule] = [
        OneShiftPerDay(rule_id="H1", disallowed_rule_id="H3"),
        ForbiddenSuccessions(
            {(s.id, nxt): Text.of("curtois.cannot_follow", next=nxt, shift=s.id)
             for s in instance.shifts
             for nxt in s.cannot_follow},
            use_history=False, rule_id="H2"),
        MaxShiftsPerType({e.id: {c: n for c, n in e.max_shifts.items() if n > 0}
                          for e in employees}, rule_id="H3"),
        TotalMinutes({e.id: (e.min_total_minutes, e.max_total_minutes) for e in employees},
                     rule_id="H4"),
        MaxConsecutiveWorkDays({e.id: e.max_consecutive_shifts for e in employees},
                               rule_id="H5"),
        MinConsecutiveWork({e.id: e.min_consecutive_shifts for e in employees},
                           exempt_edges=True, rule_id="H6"),
        MinConsecutiveDaysOff({e.id: e.min_consecutive_days_off for e in employees},
                              exempt_edges=True, rule_id="H7"),
        MaxWeekends({e.id: e.max_weekends for e in employees}, rule_id="H8"),
        FixedCells(rule_id="H9"),
        ShiftRequests([ShiftRequest(r.employee_id, r.day, "on", r.shift_id, r.weight)
                       for r in instance.on_requests], rule_id="on"),
        ShiftRequests([ShiftRequest(r.employee_id, r.day, "off", r.shift_id, r.weight)
                       for r in instance.off_requests], rule_id="off"),
        Cover([CoverRequirement(day=c.day, shift=c.shift_id, people=ids, minimum=c.requirement,
                                under_weight=c.weight_under, over_weight=c.weight_over)
               for c in instance.cover],
              who="employees", rule_id="under", over_rule_id="over"),
    ]
    return Problem(
        name=instance.name,
        days=benchmark_days(instance.horizon),
        shifts=tuple(Shift(code=s.id, minutes=s.minutes) for s in instance.shifts),
        people=tuple(people),
        rules=tuple(rules),
        fixed={(e, d): OFF for e, days in instance.days_off.items() for d in days},
        fixed_rule_id="H9",
    )


#: share of the time limit for column generation (its bound, then a roster read off it by
#: diving) on instances up to SPLIT_ABOVE shift variables. Instances 5, 7 and 9 at 60 s went from
#: 1243, 1172 and 553 to 1147, 1060 and 439 (best known 1143, 1056, 439); the search gives the
#: time back when the pricing is too slow to converge (Instances 15, 17, 19). The bound gets up
#: to half of it: with all of it, Instance15's pricing (about 1 s a round) is slow enough to
#: take the whole phase without converging (bound 3735, roster 6247 against 5654 at 60 s)
COLUMN_SHARE = 0.7


def solve_settings(problem: Problem, time_limit: float, workers: int, seed: int) -> SolveSettings:
    """The settings ``roster curtois solve`` and the benchmark script solve an instance with.

    On a big instance (more than SPLIT_ABOVE shift variables: Instance13 and larger) each
    neighbourhood step gets 1 s instead of 0.5 s: its presolve alone takes 0.35 s there
    (Instance13 at 30 s: 11336 and 11537 against 21527 and 12810); on smaller ones 1 s steps
    did worse (see benchmarks/results/curtois-levers-2026-11-27.md).

    Every instance, small ones too, gets its first roster person by person, each person's
    cells chosen against the cover the people before left open (``split_above=0``): at 30 s it
    did better on Instances 5, 7, 11, 15, 17 and 19 and worse on 9 (same file).
    """
    size = len(problem.people) * problem.num_days * len(problem.shifts)
    big = size > SPLIT_ABOVE
    step = 2 * STEP_SECONDS if big else STEP_SECONDS
    return SolveSettings(time_limit=time_limit, workers=workers, seed=seed,
                         lns=LnsOptions(step_seconds=step), split_above=0,
                         column_share=0.0 if big else COLUMN_SHARE, column_bound_share=0.5)


def read_instance(path: Path | str) -> Problem:
    """Read an instance file into the engine's problem (:class:`~roster.errors.InputError` if
    the file is not a valid instance)."""
    return to_problem(read_instance_file(path))


def objective_split(report: CheckReport) -> dict[str, int]:
    """The objective by part: on, off, under, over (each the sum of its terms' costs)."""
    split = dict.fromkeys(OBJECTIVE_PARTS, 0)
    for penalty in report.penalties:
        split[penalty.rule_id] = split.get(penalty.rule_id, 0) + penalty.cost
    return split


def split_text(split: Mapping[str, int]) -> str:
    """'on 7, off 0, under 600, over 0'."""
    return ", ".join(f"{part} {split.get(part, 0)}" for part in OBJECTIVE_PARTS)


@dataclass
class SolutionCheck:
    """A solution checked against its instance: every hard violation, and the soft terms."""

    roster: dict[str, list[str]]
    report: CheckReport = field(default_factory=CheckReport)

    @property
    def feasible(self) -> bool:
        return not self.report.violations

    @property
    def objective(self) -> int:
        return self.report.objective

    @property
    def split(self) -> dict[str, int]:
        return objective_split(self.report)


def roster_of(problem: Problem, assignments: Assignments) -> tuple[dict[str, list[str]],
                                                                     list[Violation]]:
    """The roster of a solution file, and an H1 violation for each day with several shifts
    (the roster keeps the first of them, so the other rules see one shift a day)."""
    roster: dict[str, list[str]] = {}
    violations = []
    for person in problem.people:
        cells = []
        for d, shifts in enumerate(assignments[person.id]):
            cells.append(shifts[0] if shifts else OFF)
            if len(shifts) > 1:
                violations.append(Violation(
                    "H1", (person.id,), (d,),
                    Text.of("curtois.several_shifts", rule="H1", person=person.label,
                            n=len(shifts), day=problem.days[d].text, shifts=tuple(shifts))))
        roster[person.id] = cells
    return roster, violations


def check_solution(problem: Problem, assignments: Assignments) -> SolutionCheck:
    """Every hard violation (H1-H9) and the soft terms of a solution, by the rules' checks."""
    roster, several = roster_of(problem, assignments)
    report = CheckReport(violations=list(several))
    report.extend(check_roster(problem, roster))
    return SolutionCheck(roster, report)


def hard_violations_by_rule(violations: Sequence[Violation]) -> dict[str, int]:
    """How many violations of each hard rule, in H1..H9 order."""
    counts = {rule: 0 for rule in HARD_RULES}
    for v in violations:
        counts[v.rule_id] = counts.get(v.rule_id, 0) + 1
    return {rule: n for rule, n in counts.items() if n}
