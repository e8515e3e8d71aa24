"""Minimum lengths of runs: at least N worked days in a row, at least N days off in a row.

A maximal run of worked days (:class:`MinConsecutiveWork`) or of days not worked, OFF or LEAVE
(:class:`MinConsecutiveDaysOff`), shorter than the person's minimum is a violation. At the
horizon's edges a run may go on beyond what is known, so with ``exempt_edges`` (the default) runs
that touch day 0 or the last day are exempt and history is ignored. Without it the edges are
hard: history, when given, is put in front of day 0, and a run ends where the known days end.

The model forbids the patterns "out, in × s, out" for s = 1 .. N-1 (out: a day that is not part
of the run, in: one that is), one clause each, as in the Curtois & Qu benchmark's definition.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, ClassVar

from solver.messages import Text, days_count
from solver.problem import CheckReport, Problem, Roster, Violation, is_work
from solver.rules.base import Rule
from solver.rules.consecutive import runs

if TYPE_CHECKING:
    from ortools.sat.python import cp_model

    from solver.model import ModelContext

    Lit = cp_model.LiteralT | bool  # a literal, or a known truth value


def patterns(num_days: int, num_past: int, limit: int,
             exempt_edges: bool) -> Iterator[tuple[int | None, range, int | None]]:
    """Each forbidden pattern as (day before, the run's days, day after) for runs of 1..limit-1.

    Days are horizon indices (negative: history). ``None`` before or after: the edge of what is
    known, which counts as "out" of the run; with ``exempt_edges`` such patterns are not made.
    """
    first_known = -num_past
    for length in range(1, limit):
        for start in range(max(first_known, 1 - length), num_days - length + 1):
            before: int | None = start - 1 if start - 1 >= first_known else None
            after: int | None = start + length if start + length < num_days else None
            if exempt_edges and (before is None or after is None):
                continue
            yield before, range(start, start + length), after


@dataclass(frozen=True)
class _MinRun(Rule):
    person_fields = ("limit",)
    limit: Mapping[str, int] = field(default_factory=dict)  # person -> minimum run length
    exempt_edges: bool = True
    rule_id: str = ""

    #: True: runs of worked days; False: runs of days not worked
    worked_runs: ClassVar[bool] = True
    #: "works N days in a row", "is off N days in a row" (a key of solver.messages.MESSAGES)
    verb: ClassVar[str] = "min_run.works"
    #: the same for a run of pinned cells
    pinned_verb: ClassVar[str] = "min_run.pinned_work"

    def __post_init__(self) -> None:
        for person_id, limit in self.limit.items():
            if limit < 0:
                raise ValueError(f"{self.rule_id}: minimum of {person_id} is {limit}; it must "
                                 f"be at least 0")

    def _past(self, problem: Problem, person_id: str) -> tuple[str, ...]:
        return () if self.exempt_edges else tuple(problem.history.get(person_id, ()))

    def in_run(self, cell: str) -> bool:
        return is_work(cell) == self.worked_runs

    def _message(self, problem: Problem, person_id: str, first: int, last: int, length: int,
                 limit: int, verb: str) -> Text:
        num_past = length - (last - first + 1)
        since = Text.of("min_run.since", days=days_count(num_past)) if num_past else ""
        when = (Text.of("min_run.on_day", day=problem.days[first].text) if first == last else
                Text.of("min_run.from_to", first=problem.days[first].text,
                        last=problem.days[last].text))
        return Text.of("min_run.short", rule=self.rule_id, person=problem.person(person_id).label,
                       verb=Text(verb), days=days_count(length), when=when, since=since,
                       limit=limit)

    def check(self, problem: Problem, roster: Roster) -> CheckReport:
        report = CheckReport()
        n = problem.num_days
        for person_id, limit in self.limit.items():
            past = self._past(problem, person_id)
            flags = [self.in_run(c) for c in (*past, *roster[person_id])]
            offset = len(past)
            for first, last in runs(flags):
                d0, d1 = first - offset, last - offset
                if d1 < 0 or (self.exempt_edges and (d0 == 0 or d1 == n - 1)):
                    continue
                length = last - first + 1
                if length < limit:
                    report.violations.append(Violation(
                        self.rule_id, (person_id,), tuple(range(max(d0, 0), d1 + 1)),
                        self._message(problem, person_id, max(d0, 0), d1, length, limit,
                                      self.verb)))
        return report

    def encode(self, ctx: ModelContext) -> None:
        for person_id, limit in self.limit.items():
            self._encode_person(ctx, person_id, limit)

    def _encode_person(self, ctx: ModelContext, person_id: str, limit: int) -> None:
        p = ctx.person_index[person_id]
        past = self._past(ctx.problem, person_id)

        def literal(d: int, in_run: bool) -> Lit:
            """"Day d is part of a run" (or, not ``in_run``, "is not"); before day 0 a known
            value."""
            if d < 0:
                return self.in_run(past[d]) == in_run
            work = ctx.work[p, d]
            return work if self.worked_runs == in_run else work.Not()

        for before, days, after in patterns(ctx.problem.num_days, len(past), limit,
                                            self.exempt_edges):
            # some day differs from the pattern: before or after in the run, or a day out of it
            lits = [literal(d, False) for d in days]
            lits += [literal(d, True) for d in (before, after) if d is not None]
            if any(lit is True for lit in lits):
                continue
            clause = [lit for lit in lits if not isinstance(lit, bool)]
            ctx.hard(ctx.model.add_bool_or(clause), self.rule_id, person_id)

    def precheck(self, problem: Problem) -> list[Violation]:
        """Short runs made of pinned cells (and history) alone."""
        return [v for person_id, limit in self.limit.items()
                for v in self._precheck_person(problem, person_id, limit)]

    def _precheck_person(self, problem: Problem, person_id: str, limit: int) -> list[Violation]:
        past = self._past(problem, person_id)

        def cell(d: int) -> str | None:
            return past[d] if d < 0 else problem.fixed.get((person_id, d))

        out = []
        for before, days, after in patterns(problem.num_days, len(past), limit,
                                            self.exempt_edges):
            inside = [cell(d) for d in days]
            edges = [cell(d) for d in (before, after) if d is not None]
            if all(c is not None and self.in_run(c) for c in inside) and all(
                    c is not None and not self.in_run(c) for c in edges):
                first = max(days.start, 0)
                out.append(Violation(
                    self.rule_id, (person_id,), tuple(range(first, days.stop)),
                    self._message(problem, person_id, first, days.stop - 1, len(days),
                                  limit, self.pinned_verb)))
        return out

    def describe_group(self, problem: Problem, subject: str) -> Text:
        edges = Text("min_run.edges") if self.exempt_edges else ""
        return Text.of("min_run.group", rule=self.rule_id, person=problem.person(subject).label,
                       verb=Text(self.verb), limit=self.limit[subject], edges=edges)


@dataclass(frozen=True)
class MinConsecutiveWork(_MinRun):
    """Every run of worked days lasts at least ``limit[person]`` days."""

    title = "least consecutive working days"
    rule_id: str = "min_work_run"
    worked_runs = True
    verb = "min_run.works"
    pinned_verb = "min_run.pinned_work"


@dataclass(frozen=True)
class MinConsecutiveDaysOff(_MinRun):
    """Every run of days not worked (OFF or LEAVE) lasts at least ``limit[person]`` days."""

    title = "least consecutive days off"
    rule_id: str = "min_off_run"
    worked_runs = False
    verb = "min_run.off"
    pinned_verb = "min_run.pinned_off"

