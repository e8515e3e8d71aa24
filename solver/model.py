"""The CP-SAT model of a :class:`~solver.problem.Problem`: variables and the rules' encodings.

``x[p, d, s]`` is true when person ``p`` works shift ``s`` on day ``d`` (only for shifts the person
may work); ``work[p, d]`` is true when they work any shift. Every rule adds itself through the
:class:`ModelContext`; hard constraints go through :meth:`ModelContext.hard` so that, when an
explanation is wanted, each group of them can be switched by an assumption literal.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from ortools.sat.python import cp_model

from solver.problem import LEAVE, OFF, Problem, Roster, is_work

LinearLike = cp_model.LinearExprT


@dataclass(frozen=True)
class PenaltyTerm:
    rule_id: str
    employee_id: str
    day: int | None
    weight: int
    expr: LinearLike
    shift: str = ""


class ModelContext:
    """The model under construction, with the helpers every rule encoding uses."""

    def __init__(self, problem: Problem, *, explain: bool = False) -> None:
        self.problem = problem
        self.model = cp_model.CpModel()
        self.explain = explain
        self.groups: dict[tuple[str, str], cp_model.IntVar] = {}
        self.penalty_terms: list[PenaltyTerm] = []
        self.person_index = {person.id: p for p, person in enumerate(problem.people)}
        self.shift_index = {shift.code: s for s, shift in enumerate(problem.shifts)}
        self.x: dict[tuple[int, int, int], cp_model.IntVar] = {}
        self.work: dict[tuple[int, int], cp_model.IntVar] = {}
        self._build_variables()
        self._fix_cells()

    # --- variables -----------------------------------------------------------------------
    def _build_variables(self) -> None:
        m = self.model
        for p, person in enumerate(self.problem.people):
            for d in range(self.problem.num_days):
                lits: list[cp_model.IntVar] = []
                for s, shift in enumerate(self.problem.shifts):
                    if person.may_work(shift.code):
                        var = m.new_bool_var(f"x[{person.id},{d},{shift.code}]")
                        self.x[p, d, s] = var
                        lits.append(var)
                w = m.new_bool_var(f"work[{person.id},{d}]")
                self.work[p, d] = w
                # R2: one cell per day: at most one shift, and work is that shift
                m.add(sum(lits) == w)

    def _fix_cells(self) -> None:
        for (person_id, d), cell in self.problem.fixed.items():
            self.require_cell(person_id, d, cell, self.problem.fixed_rule_id)

    def require_cell(self, person_id: str, d: int, cell: str, rule_id: str) -> None:
        """Hard: the cell holds exactly ``cell`` (a shift code, OFF or LEAVE)."""
        p = self.person_index[person_id]
        fixed_leave = self.problem.fixed.get((person_id, d)) == LEAVE
        if cell in (OFF, LEAVE):
            if (cell == LEAVE) != fixed_leave:
                self.hard_false(rule_id, person_id)
            else:
                self.hard(self.model.add(self.work[p, d] == 0), rule_id, person_id)
            return
        var = self.shift_var(p, d, cell)
        if var is None or fixed_leave:
            self.hard_false(rule_id, person_id)
        else:
            self.hard(self.model.add(var == 1), rule_id, person_id)

    def hard_false(self, rule_id: str, subject: str) -> None:
        """A hard constraint that cannot hold (a contradiction in the data)."""
        self.hard(self.model.add_bool_or([]), rule_id, subject)

    def shift_var(self, p: int, d: int, code: str) -> cp_model.IntVar | None:
        s = self.shift_index.get(code)
        if s is None:
            return None
        return self.x.get((p, d, s))

    def shift_vars_of_day(self, p: int, d: int) -> list[tuple[int, cp_model.IntVar]]:
        return [
            (s, self.x[p, d, s]) for s in range(len(self.problem.shifts)) if (p, d, s) in self.x
        ]

    def work_at(self, p: int, d: int) -> cp_model.IntVar | int:
        """Worked on day d; before day 0 the history decides (unknown counts as not worked)."""
        if d >= 0:
            return self.work[p, d]
        cell = self.problem.history_cell(self.problem.people[p].id, d)
        return 1 if cell is not None and is_work(cell) else 0

    def is_leave(self, p: int, d: int) -> bool:
        return self.problem.fixed.get((self.problem.people[p].id, d)) == LEAVE

    def off_at(self, p: int, d: int) -> cp_model.LinearExpr | int:
        """The cell is OFF (a day off that is not leave)."""
        if d < 0:
            cell = self.problem.history_cell(self.problem.people[p].id, d)
            return 1 if cell == OFF else 0
        if self.is_leave(p, d):
            return 0
        return 1 - self.work[p, d]

    # --- constraints and penalties -------------------------------------------------------
    def hard(self, ct: cp_model.Constraint, rule_id: str, subject: str) -> None:
        """Register a hard constraint of rule ``rule_id`` about ``subject``."""
        if self.explain:
            ct.only_enforce_if(self.group_literal(rule_id, subject))

    def group_literal(self, rule_id: str, subject: str) -> cp_model.IntVar:
        key = (rule_id, subject)
        lit = self.groups.get(key)
        if lit is None:
            lit = self.model.new_bool_var(f"group[{rule_id},{subject}]")
            self.groups[key] = lit
        return lit

    def add_penalty(
        self,
        rule_id: str,
        employee_id: str,
        day: int | None,
        weight: int,
        expr: LinearLike,
        shift: str = "",
    ) -> None:
        if weight:
            self.penalty_terms.append(PenaltyTerm(rule_id, employee_id, day, weight, expr, shift))

    def new_amount(self, terms: Sequence[LinearLike], ub: int, name: str) -> cp_model.IntVar:
        """An integer equal to ``max(0, *terms)``, so any solution's objective is exact."""
        v = self.model.new_int_var(0, max(0, ub), name)
        self.model.add_max_equality(v, [0, *terms])
        return v

    def add_spread_penalty(
        self, rule_id: str, counts: Sequence[LinearLike], ub: int, weight: int, name: str
    ) -> None:
        """Penalise ``weight * (max - min)`` of ``counts`` (fairness terms)."""
        if len(counts) < 2 or not weight:
            return
        hi = self.model.new_int_var(0, ub, f"{name}_max")
        lo = self.model.new_int_var(0, ub, f"{name}_min")
        self.model.add_max_equality(hi, counts)
        self.model.add_min_equality(lo, counts)
        self.add_penalty(rule_id, "", None, weight, hi - lo)

    def objective_expr(self) -> LinearLike:
        zero = cp_model.LinearExpr.constant(0)
        return sum((t.weight * t.expr for t in self.penalty_terms), start=zero)

    # --- reading a solution --------------------------------------------------------------
    def roster_from(self, get: Callable[[cp_model.IntVar], bool]) -> dict[str, list[str]]:
        """The roster of a solution; ``get`` reads a variable's value (``solver.boolean_value``)."""
        out: dict[str, list[str]] = {}
        for p, person in enumerate(self.problem.people):
            cells: list[str] = []
            for d in range(self.problem.num_days):
                cell = LEAVE if self.is_leave(p, d) else OFF
                for s, var in self.shift_vars_of_day(p, d):
                    if get(var):
                        cell = self.problem.shifts[s].code
                        break
                cells.append(cell)
            out[person.id] = cells
        return out

    def pin_roster(self, roster: Roster, rule_id: str = "pinned") -> None:
        """Fix every cell to the given roster (for checking a hand-made roster with the model)."""
        for person_id, cells in roster.items():
            for d, cell in enumerate(cells):
                self.require_cell(person_id, d, cell, rule_id)

    def hint_roster(self, roster: Roster) -> None:
        """Give the solver a roster to start from."""
        for person_id, cells in roster.items():
            p = self.person_index.get(person_id)
            if p is None:
                continue
            for d, cell in enumerate(cells[: self.problem.num_days]):
                self.model.add_hint(self.work[p, d], is_work(cell))
                for s, var in self.shift_vars_of_day(p, d):
                    self.model.add_hint(var, self.problem.shifts[s].code == cell)


def clear_objective(model: cp_model.CpModel) -> None:
    """Drop the objective (a feasibility model)."""
    model.clear_objective()  # type: ignore[no-untyped-call]


def build_model(problem: Problem, *, explain: bool = False) -> ModelContext:
    """The full model: variables, fixed cells, every rule, and the objective."""
    ctx = ModelContext(problem, explain=explain)
    for rule in problem.rules:
        rule.encode(ctx)
    ctx.model.minimize(ctx.objective_expr())
    return ctx
