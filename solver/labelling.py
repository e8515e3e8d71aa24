"""Exact pricing of one person's month by dynamic programming over the days (labelling).

Column generation (:mod:`solver.colgen`) prices each person's roster on their own: among the
cell sequences that break no hard rule of the person's own part
(:meth:`~solver.problem.Problem.own_part_for`), the one of least soft cost plus prices on cells.
For the rules of a call-center person this is a shortest path over the days, and a dynamic
programme solves it exactly in about a millisecond where CP-SAT takes tens.

The cost and validity it reproduces are those of :func:`~solver.check.check_roster`:

- R2 (:class:`~solver.rules.one_shift.OneShiftPerDay`) and R3
  (:class:`~solver.rules.fixed_cells.FixedCells`): the cells of a day are the shift codes the
  person may work, OFF, and LEAVE where the fixed cell is LEAVE; with R3 a fixed day holds its
  fixed cell only (a pinned code the person may not work leaves the day no cell).
- R4 (:class:`~solver.rules.days_off.DaysOffQuota`): bounds on the number of OFF cells, from the
  person's quota and the fixed leave (:meth:`~solver.rules.days_off.DaysOffQuota.off_bounds`).
- R5 (:class:`~solver.rules.consecutive.MaxConsecutiveWorkDays`): the run of worked days up to
  each day, counted from the history's last days, is at most the limit.
- R6 (:class:`~solver.rules.succession.ForbiddenSuccessions`): no forbidden pair of cells on
  consecutive days, nor from the history's last day to day 0 (when the rule uses history). Any
  cell may be in a pair, OFF and LEAVE too.
- W2 (:class:`~solver.rules.requests.ShiftRequests`): each unmet wish costs its weight; wishes
  are always soft, so they are costs on single cells.
- W4 (:class:`~solver.rules.patterns.IsolatedDayOff`): an OFF day between two worked days
  costs the weight; the day before day 0 is the history's last (unknown: not worked), LEAVE is
  neither worked nor OFF, and the last day of the month is never isolated.
- W5 (:class:`~solver.rules.patterns.ShiftTypeChanges`): two consecutive worked days of the
  same calendar week (:attr:`~solver.problem.Day.week`) with different shift codes cost the
  weight.

Several rules of one kind combine (limits by the least, quotas by their intersection,
forbidden pairs by union, weights by sum). Weights of either sign are priced as the checker
prices them.

The state after a day is the number of OFF cells so far (only with a quota), and one of: the
day's shift with the length of the run of worked days ending on it (only up to the limit; one
length when there is no limit), OFF with whether the day before was worked (for W4), or
LEAVE. Per OFF count that is ``S * R + 3`` states for ``S`` shifts and limit ``R``; each day is
a handful of numpy minimum operations over all of them, with the minimising predecessors kept
to rebuild the cells.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from solver.problem import LEAVE, OFF, Problem, is_work
from solver.rules.base import Rule
from solver.rules.consecutive import MaxConsecutiveWorkDays
from solver.rules.days_off import DaysOffQuota
from solver.rules.fixed_cells import FixedCells
from solver.rules.one_shift import OneShiftPerDay
from solver.rules.patterns import IsolatedDayOff, ShiftTypeChanges
from solver.rules.requests import ShiftRequests, unmet
from solver.rules.succession import ForbiddenSuccessions

Floats = npt.NDArray[np.float64]
Ints = npt.NDArray[np.intp]

#: the rule kinds the dynamic programme prices (exactly these classes, not subclasses)
KINDS: tuple[type[Rule], ...] = (
    OneShiftPerDay, FixedCells, DaysOffQuota, MaxConsecutiveWorkDays, ForbiddenSuccessions,
    ShiftRequests, IsolatedDayOff, ShiftTypeChanges)

INF = float("inf")


def unsupported(problem: Problem) -> str | None:
    """Why the dynamic programme can't price ``problem`` (plain words), or None when it can."""
    if len(problem.people) != 1:
        return f"{len(problem.people)} people, not one"
    pid = problem.people[0].id
    n = problem.num_days
    fixed_leave = any(problem.fixed.get((pid, d)) == LEAVE for d in range(n))
    has_fixed_cells = any(type(rule) is FixedCells for rule in problem.rules)
    for rule in problem.rules:
        kind = type(rule)
        if kind not in KINDS:
            return f"rule {rule.rule_id} ({kind.__name__}) is not priced here"
        if isinstance(rule, DaysOffQuota):
            if set(rule.quota) - {pid}:
                return f"rule {rule.rule_id} has a quota for someone else"
            if pid in rule.quota and rule.leave_counts and fixed_leave and not has_fixed_cells:
                # without R3 leave is optional, so the counted leave (and the bounds) would vary
                return f"rule {rule.rule_id} counts leave that no rule fixes"
        elif isinstance(rule, MaxConsecutiveWorkDays):
            if set(rule.limit) - {pid}:
                return f"rule {rule.rule_id} has a limit for someone else"
        elif isinstance(rule, ShiftRequests):
            for req in rule.requests:
                if req.person != pid or not 0 <= req.day < n:
                    return f"rule {rule.rule_id} has a wish of someone else or outside the month"
        elif isinstance(rule, IsolatedDayOff | ShiftTypeChanges) and set(rule.people) - {pid}:
            return f"rule {rule.rule_id} is about someone else"
    return None


def supports(problem: Problem) -> bool:
    """True when ``problem`` has exactly one person and every rule is one of :data:`KINDS`
    with parameters about that person only (what :meth:`~solver.problem.Problem.own_part_for`
    gives for one person of a call-center problem); anything else (another rule kind, such as
    a minimum run, minutes, shift counts, weekends, cover or a pair rule, or two people) is
    False, and the caller falls back to CP-SAT. Also False in one odd case: a quota that counts
    leave when fixed LEAVE is not kept by a :class:`~solver.rules.fixed_cells.FixedCells` rule.
    """
    return unsupported(problem) is None


@dataclass(frozen=True)
class _Plan:
    """Everything about one person's problem that does not depend on the prices.

    Cells are numbered: the shift codes the person may work (``s < S``), then OFF (``S``) and
    LEAVE (``S + 1``). States after a day, per OFF count ``k``: a shift ``s`` with run length
    ``r + 1`` at ``s * R + r``, then OFF after a day not worked, OFF after a worked day, and
    LEAVE (``S * R``, ``S * R + 1``, ``S * R + 2``).
    """

    cells: tuple[str, ...]  # the cell of each number; a dummy shift when the person has none
    index: Mapping[str, int]  # the number of each cell (not of the dummy shift)
    unary: Floats  # (days, S + 2): domain (inf outside it) and wishes per day and cell
    S: int
    R: int  # run lengths kept: the limit, or 1 without one
    limited: bool  # a run longer than R is forbidden (else runs are not counted)
    start_run: int  # worked days at the end of the history
    start_off_after_work: bool  # the history's last day was worked (W4 before day 0)
    start_banned: npt.NDArray[np.bool_]  # (S + 2,): cells forbidden on day 0 by the history
    counted: bool  # OFF cells are counted (a quota applies)
    low: int
    high: int  # OFF count bounds; K = high + 1 counts are kept when counted, else 1
    same_week: npt.NDArray[np.bool_]  # (days,): day d is in the week of day d - 1
    trans_same: Floats  # (S, S): shift to shift, R6 (inf) and W5, within one week
    trans_other: Floats  # (S, S): the same across weeks (R6 only)
    from_rest: Floats  # (3, S): OFF after not worked, OFF after worked, LEAVE to each shift
    to_off: Floats  # (M,): from each state to OFF
    to_leave: Floats  # (M,): from each state to LEAVE


def _plan(problem: Problem) -> _Plan | None:
    """The price-free part of the programme; None when no sequence is valid whatever the
    prices (an empty OFF count range)."""
    person = problem.people[0]
    pid = person.id
    n = problem.num_days
    codes: list[str] = []
    for shift in problem.shifts:
        if person.may_work(shift.code) and shift.code not in codes:
            codes.append(shift.code)
    dummy = not codes
    if dummy:
        codes.append("")  # never chosen: its cells cost inf
    S = len(codes)
    cells = (*codes, OFF, LEAVE)
    index = {cell: i for i, cell in enumerate(cells) if not (dummy and i == 0)}
    rules = problem.rules

    # domain and fixed cells
    unary = np.zeros((n, S + 2))
    if dummy:
        unary[:, 0] = INF
    keep_fixed = any(type(rule) is FixedCells for rule in rules)
    num_leave = 0
    for d in range(n):
        want = problem.fixed.get((pid, d))
        if want != LEAVE:
            unary[d, S + 1] = INF
        else:
            num_leave += 1
        if keep_fixed and want is not None:
            mask = np.ones(S + 2, dtype=bool)
            if want in index:
                mask[index[want]] = False
            unary[d, mask] = INF

    # R4: the OFF count
    low, high, counted = 0, n, False
    for rule in rules:
        if type(rule) is DaysOffQuota and pid in rule.quota:
            lo, hi = rule.off_bounds(pid, num_leave)
            low, high, counted = max(low, lo), min(high, hi), True
    if low > high:
        return None

    # R5: the run of worked days
    limits = [rule.limit[pid] for rule in rules
              if type(rule) is MaxConsecutiveWorkDays and pid in rule.limit]
    past = problem.history.get(pid, ())
    start_run = 0
    for cell in reversed(past):
        if not is_work(cell):
            break
        start_run += 1
    limited = bool(limits)
    R = 1
    if limited:
        limit = min(limits)
        if limit <= 0:
            unary[:, :S] = INF
        else:
            R = limit

    # R6: forbidden successions
    banned = np.zeros((S + 2, S + 2), dtype=bool)
    start_banned = np.zeros(S + 2, dtype=bool)
    before = problem.history_cell(pid, -1)
    for rule in rules:
        if type(rule) is ForbiddenSuccessions:
            for a, b in rule.pairs:
                if b in index:
                    if a in index:
                        banned[index[a], index[b]] = True
                    if rule.use_history and before is not None and a == before:
                        start_banned[index[b]] = True

    # W2: wishes
    for rule in rules:
        if type(rule) is ShiftRequests:
            for req in rule.requests:
                if req.weight:
                    for i, cell in enumerate(cells):
                        if unmet(req, cell):
                            unary[req.day, i] += req.weight

    # W4 and W5: weights (a person listed twice pays twice, as the checker counts)
    w4 = sum(rule.weight * rule.people.count(pid) for rule in rules
             if type(rule) is IsolatedDayOff)
    w5 = sum(rule.weight * rule.people.count(pid) for rule in rules
             if type(rule) is ShiftTypeChanges)

    cost = np.where(banned, INF, 0.0)
    trans_other = cost[:S, :S].copy()
    trans_same = trans_other + np.where(np.eye(S, dtype=bool), 0.0, float(w5))
    from_rest = np.stack([cost[S, :S], cost[S, :S] + w4, cost[S + 1, :S]])
    of_state = np.concatenate([np.repeat(np.arange(S), R), [S, S, S + 1]])
    same_week = np.array([d > 0 and problem.days[d].week == problem.days[d - 1].week
                          for d in range(n)], dtype=bool)
    return _Plan(
        cells=cells, index=index, unary=unary, S=S, R=R, limited=limited, start_run=start_run,
        start_off_after_work=before is not None and is_work(before),
        start_banned=start_banned, counted=counted, low=low, high=high, same_week=same_week,
        trans_same=trans_same, trans_other=trans_other, from_rest=from_rest,
        to_off=cost[of_state, S], to_leave=cost[of_state, S + 1])


def cheapest_cells(problem: Problem, prices: Mapping[tuple[int, str], float]
                   ) -> tuple[tuple[str, ...], float] | None:
    """Among the one person's cell sequences (one cell per day: a shift code the person may
    work, OFF, or LEAVE only where the fixed cell is LEAVE) with no violation of
    ``check_roster(problem, {pid: cells})``, the one minimising
    ``check_roster(...).objective + sum(prices.get((d, cells[d]), 0.0) for d in days)``.

    Returns (cells, that minimum value), or None when no sequence is valid. The minimum is
    exact (up to float rounding of the prices' sum); among equal ones the first in the
    programme's order is returned, the same every time. Requires :func:`supports`.
    """
    n = problem.num_days
    plan = _plan(problem)
    if plan is None:
        return None
    if n == 0:
        return ((), 0.0) if plan.low <= 0 else None
    S, R = plan.S, plan.R
    SR = S * R
    M = SR + 3
    K = plan.high + 1 if plan.counted else 1
    unary = plan.unary.copy()
    for (d, cell), price in prices.items():
        i = plan.index.get(cell)
        if i is not None and 0 <= d < n and price:
            unary[d, i] += price

    # day 0, from the history
    V = np.full((K, M), INF)
    u = unary[0] + np.where(plan.start_banned, INF, 0.0)
    if not plan.limited:
        V[0, 0:SR:R] = u[:S]
    elif plan.start_run < R:
        V[0, plan.start_run:SR:R] = u[:S]
    k_off = 1 if plan.counted else 0
    if k_off < K:
        V[k_off, SR + int(plan.start_off_after_work)] = u[S]
    V[0, SR + 2] = u[S + 1]

    # days 1..n-1: the minimising predecessors of each new state
    back: list[tuple[Ints, Ints | None, Ints, Ints, Ints]] = []
    for d in range(1, n):
        u = unary[d]
        trans = plan.trans_same if plan.same_week[d] else plan.trans_other
        new = np.empty((K, M))
        new_runs = np.empty((K, S, R))
        if plan.limited:
            # run length 1 after OFF or LEAVE
            cand = V[:, SR:, None] + plan.from_rest[None]  # (K, 3, S)
            first = cand.argmin(axis=1)
            new_runs[:, :, 0] = cand.min(axis=1) + u[None, :S]
            longer: Ints | None = None
            if R > 1:
                runs = V[:, :SR].reshape(K, S, R)
                cand = runs[:, :, :-1, None] + trans[None, :, None, :]  # (K, a, r, b)
                longer = cand.argmin(axis=1)  # (K, r, b)
                new_runs[:, :, 1:] = cand.min(axis=1).transpose(0, 2, 1) + u[None, :S, None]
        else:
            # no runs: any state to a shift, candidates numbered as the states
            cand = V[:, :, None] + np.concatenate([trans, plan.from_rest])[None]  # (K, M, S)
            first = cand.argmin(axis=1)
            new_runs[:, :, 0] = cand.min(axis=1) + u[None, :S]
            longer = None
        new[:, :SR] = new_runs.reshape(K, SR)
        cand = V + plan.to_off[None]
        off_worked = cand[:, :SR].argmin(axis=1)
        off_rest = cand[:, SR:].argmin(axis=1)
        best_worked = cand[:, :SR].min(axis=1) + u[S]
        best_rest = cand[:, SR:].min(axis=1) + u[S]
        if plan.counted:
            new[0, SR:SR + 2] = INF
            new[1:, SR] = best_rest[:-1]
            new[1:, SR + 1] = best_worked[:-1]
        else:
            new[:, SR] = best_rest
            new[:, SR + 1] = best_worked
        cand = V + plan.to_leave[None]
        leave = cand.argmin(axis=1)
        new[:, SR + 2] = cand.min(axis=1) + u[S + 1]
        back.append((first, longer, off_worked, off_rest, leave))
        V = new

    # the cheapest end within the OFF count bounds, then back to day 0
    lo = plan.low if plan.counted else 0
    ends = V[lo:]
    flat = int(ends.argmin())
    value = float(ends.flat[flat])
    if value == INF:
        return None
    k, j = lo + flat // M, flat % M
    out: list[str] = []
    for d in range(n - 1, -1, -1):
        out.append(_cell_of(plan, j))
        if d == 0:
            break
        first, longer, off_worked, off_rest, leave = back[d - 1]
        if j < SR:
            s, r = divmod(j, R)
            if r == 0:
                i = int(first[k, s])
                j = SR + i if plan.limited else i
            else:
                assert longer is not None
                j = int(longer[k, r - 1, s]) * R + r - 1
        elif j < SR + 2:
            if plan.counted:
                k -= 1
            j = int(off_worked[k]) if j == SR + 1 else SR + int(off_rest[k])
        else:
            j = int(leave[k])
    out.reverse()
    return tuple(out), value


def _cell_of(plan: _Plan, state: int) -> str:
    """The cell of the day a state ends."""
    SR = plan.S * plan.R
    if state < SR:
        return plan.cells[state // plan.R]
    return OFF if state < SR + 2 else LEAVE

