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
LEAVE. Per OFF count that is ``S * R + 3`` states for ``S`` shifts and limit ``R``. The passes
over the days are compiled (numba, :func:`_forward` and :func:`_backward`) on flat arrays built
once per person and counters (:func:`programme`): each state's predecessors with the step's
cost, and each day's counter moves. Every day's values are kept, and the cells are rebuilt from
the last day back by recomputing, along the path only, which predecessor gave each value (the
first of the least, predecessors in ascending order). Compiled, a pricing of a synthetic
center's 78 people takes 0.02 s without counters and 0.07 s under a spread window's (its
counter index up to 359 wide), one thread, against 0.23 s and 0.63 s in numpy (0.36 s with
the programme built once).

Count constraints (:class:`Counter`: at least and at most so many cells of some codes on some
days) are counted along with the OFF count: the state gets one count per counter, trimmed to
the values that can matter (see :class:`_Counts`), and the least end is taken among the counts
within every bound. Each counter multiplies the states by the values its count can take.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar, cast

import numpy as np
import numpy.typing as npt
from numba import njit

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
Bools = npt.NDArray[np.bool_]
_F = TypeVar("_F", bound=Callable[..., Any])

#: the rule kinds the dynamic programme prices (exactly these classes, not subclasses)
KINDS: tuple[type[Rule], ...] = (
    OneShiftPerDay, FixedCells, DaysOffQuota, MaxConsecutiveWorkDays, ForbiddenSuccessions,
    ShiftRequests, IsolatedDayOff, ShiftTypeChanges)

INF = float("inf")
#: with counters, up to this many counter indices the programme keeps all of them every day;
#: with more, each day only those that can matter then (finding them costs about as much as a
#: programme over a few hundred indices)
_PRUNE_UP_TO = 128


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


@dataclass(frozen=True)
class Counter:
    """The sequence's cells of ``codes`` on ``days`` number at least ``low`` and at most ``high``.

    ``codes`` may hold shift codes, :data:`~solver.problem.OFF` and
    :data:`~solver.problem.LEAVE` (codes the person never holds just never count); ``days`` is
    a set of days of the month (a day listed twice counts once, days outside the month are
    left out).
    """

    days: tuple[int, ...]
    codes: frozenset[str]
    low: int
    high: int


#: one way a day's cell moves the counter index: the step added to the index, and the
#: predecessor indices that take it (None: every index whose step stays inside the index)
_Move = tuple[int, Bools | None]
#: the move of a cell that counts nothing
_STAY: tuple[_Move, ...] = ((0, None),)

#: where each kept counter index of a day comes from: positions among the day before's kept
#: indices (the last position is a padding column, always inf) for a cell that counts
#: nothing, and for each cell that counts, one row per move
_Gather = tuple[Ints, dict[int, Ints]]


@dataclass(frozen=True)
class _Counts:
    """The OFF count (with a quota) and the counters, folded into one counter index.

    Without counters (:attr:`gathers` None) the index is the OFF count, as many as the quota
    allows, and OFF steps it by :attr:`off_step`; the ends from :attr:`low` on are within the
    quota.

    With counters, each count kept is an axis of the index ``c = sum(count_i * stride_i)``. A
    counter's count is trimmed to what can matter: days where the cell can't be in its codes
    (or can't be out of them, an offset) are left out; a counter that always holds is dropped,
    one that allows none or all of the remaining days rules cells out (:attr:`forbidden`); the
    others count their codes or the other cells, whichever needs fewer values, and a bound on
    one side only lets the count stop at that bound (it saturates: a cell at the top leaves it
    there). With more than :data:`_PRUNE_UP_TO` indices, each day keeps only the indices that
    can matter then: those some cells of the domain reach from day 0, and that lead to an end
    within every bound; with fewer, every index (finding those costs more than it saves). The
    last day keeps the ends within every bound only. The programme works on the kept indices
    (and a padding column, always inf), and :attr:`gathers` moves the values from one day's to
    the next's: each cell's values to the index its count makes.
    """

    C: int  # without counters: the size of the counter index (OFF counts)
    off_step: int  # without counters: the step OFF adds
    low: int  # without counters: the least OFF count at the end
    forbidden: Bools | None  # (days, S + 2): cells the counters rule out
    gathers: list[_Gather] | None  # with counters: per day, where each kept index comes from


def _counts(plan: _Plan, n: int, counters: Sequence[Counter]) -> _Counts | None:
    """The counter index of the OFF count and ``counters``; None when no sequence can meet
    them (whatever the prices)."""
    S = plan.S
    plain = _Counts(C=plan.high + 1 if plan.counted else 1, off_step=int(plan.counted),
                    low=plan.low if plan.counted else 0, forbidden=None, gathers=None)
    if not counters:
        return plain

    # the axes: (size, saturates, the days and cells that add one, least and most at the end)
    axes: list[tuple[int, bool, Bools, int, int]] = []
    if plan.counted:
        inc = np.zeros((n, S + 2), dtype=bool)
        inc[:, S] = True
        axes.append((plan.high + 1, False, inc, plan.low, plan.high))
    forbidden = np.zeros((n, S + 2), dtype=bool)
    for counter in counters:
        codes = np.zeros(S + 2, dtype=bool)
        for code in counter.codes:
            i = plan.index.get(code)
            if i is not None:
                codes[i] = True
        on = np.zeros(n, dtype=bool)
        on[[d for d in counter.days if 0 <= d < n]] = True
        domain = (plan.unary < INF) & ~forbidden
        can_in = domain[:, codes].any(axis=1)
        can_out = domain[:, ~codes].any(axis=1)
        forced = int((on & can_in & ~can_out).sum())
        free = on & can_in & can_out
        m = int(free.sum())
        lo, hi = max(counter.low - forced, 0), min(counter.high - forced, m)
        if lo > hi:
            return None
        if lo == 0 and hi == m:
            continue
        if hi == 0:
            forbidden |= free[:, None] & codes[None]
            continue
        if lo == m:
            forbidden |= free[:, None] & ~codes[None]
            continue
        # count the codes or the other cells, up to the high bound, or to the low one only
        options = [(hi + 1, False, codes, lo, hi), (m - lo + 1, False, ~codes, m - hi, m - lo)]
        if hi == m:
            options.append((lo + 1, True, codes, lo, lo))
        if lo == 0:
            options.append((m - hi + 1, True, ~codes, m - hi, m - hi))
        size, sat, cells, end_lo, end_hi = min(options, key=lambda o: (o[0], o[1]))
        axes.append((size, sat, free[:, None] & cells[None], end_lo, end_hi))
    if len(axes) == int(plan.counted):  # no counter left to count (always so without days)
        return plain if not forbidden.any() else _Counts(
            C=plain.C, off_step=plain.off_step, low=plain.low, forbidden=forbidden,
            gathers=None)

    sizes = [axis[0] for axis in axes]
    strides = [int(np.prod(sizes[:a])) for a in range(len(axes))]
    C = int(np.prod(sizes))
    index = np.arange(C)
    counts = [index // stride % size for stride, size in zip(strides, sizes, strict=True)]
    ends = np.ones(C, dtype=bool)
    for count, (_, _, _, end_lo, end_hi) in zip(counts, axes, strict=True):
        ends &= (count >= end_lo) & (count <= end_hi)

    def moves_of(key: int) -> tuple[_Move, ...]:
        """The moves of a cell adding one to the axes of the bits of ``key``: one per set of
        those axes that saturate at their top (those stay), the others step."""
        added = [a for a in range(len(axes)) if key >> a & 1]
        sats = [a for a in added if axes[a][1]]
        out: list[_Move] = []
        for subset in range(1 << len(sats)):
            stay = {a for i, a in enumerate(sats) if subset >> i & 1}
            step = sum(strides[a] for a in added if a not in stay)
            if not stay and added == [len(axes) - 1]:
                out.append((step, None))  # the top axis: steps past it leave the index
                continue
            mask = np.ones(C, dtype=bool)
            for a in added:
                top = sizes[a] - 1
                mask &= counts[a] == top if a in stay else counts[a] < top
            out.append((step, mask))
        return tuple(out)

    # each day's cells (of the domain) by their moves, and where each move comes from: per
    # move, the source of each index (C: none), with index C a padding that stays C; days
    # alike share all that
    keys = sum((axis[2].astype(np.int64) << a for a, axis in enumerate(axes)),
               start=np.zeros((n, S + 2), dtype=np.int64))
    domain = (plan.unary < INF) & ~forbidden
    domain[0] &= ~plan.start_banned
    padded = np.arange(C + 1)
    cache: dict[int, tuple[_Move, ...]] = {0: _STAY}
    sources: dict[int, Ints] = {}  # by the moves' id: (moves, C + 1)
    alike: dict[tuple[tuple[int, ...], tuple[bool, ...]],
                tuple[int, dict[int, tuple[_Move, ...]], Ints]] = {}
    days: list[tuple[int, dict[int, tuple[_Move, ...]], Ints]] = []
    for row, allowed in zip(keys.tolist(), domain.tolist(), strict=True):
        pattern = (tuple(row), tuple(allowed))
        if pattern not in alike:
            day: dict[int, tuple[_Move, ...]] = {}  # the cells that count
            kinds: dict[int, None] = {}
            for x, key in enumerate(row):
                if not allowed[x]:
                    continue
                if key not in cache:
                    cache[key] = moves_of(key)
                moves = cache[key]
                if key:
                    day[x] = moves
                if id(moves) not in sources:
                    froms = []
                    for step, mask in moves:
                        source = padded - step
                        ok = source >= 0
                        ok[C] = False
                        if mask is not None:
                            ok &= np.append(mask, False)[np.maximum(source, 0)]
                        froms.append(np.where(ok, source, C))
                    sources[id(moves)] = np.stack(froms)
                kinds[id(moves)] = None
            # the sources of every move of the day's cells
            every = np.concatenate([sources[k] for k in kinds]) if kinds else padded[None]
            alike[pattern] = (len(alike), day, every)
        days.append(alike[pattern])

    # the indices that can matter each day: reached from index 0, and leading to an end
    # (with few indices, all of them until the last day)
    if C <= _PRUNE_UP_TO:
        every_index = np.ones(C + 1, dtype=bool)
        live = [every_index] * (n - 1) + [np.append(ends, True)]
    else:
        reached: list[Bools] = []
        at = np.zeros(C + 1, dtype=bool)
        at[0] = True
        for _, _, every in days:
            at = np.logical_or.reduce(at[every], axis=0)
            reached.append(at)
        live = [reached[-1] & np.append(ends, False)]
        for d in range(n - 1, 0, -1):
            before = np.zeros(C + 1, dtype=bool)
            before[days[d][2][:, np.flatnonzero(live[-1])]] = True
            before[C] = False
            live.append(reached[d - 1] & before)
        for day_live in live:
            day_live[C] = True  # the padding
        live.reverse()

    # where each kept index comes from: positions among the day before's (the padding last)
    gathers: list[_Gather] = []
    prev = np.array([0, C])  # before day 0: index 0 alone
    kept_of: dict[int, Ints] = {}
    gathers_of: dict[tuple[int, int, int], _Gather] = {}
    for d in range(n):
        if id(live[d]) not in kept_of:
            kept_of[id(live[d])] = np.flatnonzero(live[d])
        kept = kept_of[id(live[d])]
        if len(kept) == 1:
            return None
        key = (days[d][0], id(prev), id(kept))
        if key not in gathers_of:
            pos = np.full(C + 1, len(prev) - 1)
            pos[prev] = np.arange(len(prev))
            gathers_of[key] = (pos[kept], {x: pos[sources[id(moves)][:, kept]]
                                           for x, moves in days[d][1].items()})
        gathers.append(gathers_of[key])
        prev = kept
    return _Counts(C=C, off_step=0, low=0, forbidden=forbidden if forbidden.any() else None,
                   gathers=gathers)


@dataclass(frozen=True)
class _Kernel:
    """A programme as flat arrays for the compiled passes (:func:`_forward`, :func:`_backward`).

    States are numbered as in :class:`_Plan`; the counter index of each day is its kept
    indices (:class:`_Counts`) and a padding column (always inf) after them. Without counters
    the kept indices are every OFF count, and OFF moves them by ``off_step``, as counters'
    moves do."""

    cell_of: Ints  # (M,): the cell number each state ends its day on
    pred_start: Ints  # (M + 1,): state b's predecessors are pred_from[pred_start[b]:...[b + 1]]
    pred_from: Ints  # (T,): predecessor states, ascending for each state
    pred_cost: Floats  # (2, T): the step's cost across weeks [0] and within a week [1]
    start: Floats  # (M,): 0 for the states day 0 may end in (from the history), else inf
    widths: Ints  # (n + 1,): kept columns (without the padding) before day 0 (1) and each day
    g_count: Ints  # (n, S + 2): for each day and cell, how many gathers place its values
    g_start: Ints  # (n, S + 2): where they start in g_flat (rows of widths[d + 1] + 1)
    g_flat: Ints  # every gather: for each column of the day, a column of the day before
    end_ok: Bools  # (widths[n],): the last day's columns within every bound


def _kernel(plan: _Plan, counts: _Counts, n: int) -> _Kernel:
    """The flat arrays of a programme (n > 0)."""
    S, R = plan.S, plan.R
    SR = S * R
    M = SR + 3
    cost = np.full((2, M, M), INF)  # [across weeks / within a week, from, to]
    for week, trans in enumerate((plan.trans_other, plan.trans_same)):
        step = cost[week]
        if plan.limited:
            for r in range(1, R):
                step[r - 1:SR:R, r:SR:R] = trans
            step[SR:, 0:SR:R] = plan.from_rest
        else:
            step[:S, :S] = trans
            step[SR:, :S] = plan.from_rest
        step[:SR, SR + 1] = plan.to_off[:SR]
        step[SR:, SR] = plan.to_off[SR:]
        step[:, SR + 2] = plan.to_leave
    finite = (cost < INF).any(axis=0)  # (from, to)
    to, frm = np.nonzero(finite.T)  # by destination, then source ascending
    pred_start = np.searchsorted(to, np.arange(M + 1)).astype(np.intp)
    start = np.full(M, INF)
    if not plan.limited:
        start[0:SR:R] = 0.0
    elif plan.start_run < R:
        start[plan.start_run:SR:R] = 0.0
    start[SR + int(plan.start_off_after_work)] = 0.0
    start[SR + 2] = 0.0
    cell_of = np.array([_number_of(plan, j) for j in range(M)], dtype=np.intp)
    start[plan.start_banned[cell_of]] = INF

    gathers = counts.gathers if counts.gathers is not None else _plain_gathers(counts, n, S)
    widths = [1] + [len(same) - 1 for same, _ in gathers]
    g_count = np.zeros((n, S + 2), dtype=np.intp)
    g_start = np.zeros((n, S + 2), dtype=np.intp)
    flat: list[Ints] = []
    at = 0
    for d, (same, moved) in enumerate(gathers):
        for x in range(S + 2):
            rows = moved[x] if x in moved else same[None]
            g_count[d, x] = len(rows)
            g_start[d, x] = at
            flat.append(rows.ravel())
            at += rows.size
    if counts.gathers is None:
        end_ok = np.arange(widths[-1]) >= counts.low
    else:
        end_ok = np.ones(widths[-1], dtype=bool)
    return _Kernel(cell_of=cell_of, pred_start=pred_start, pred_from=frm.astype(np.intp),
                   pred_cost=np.ascontiguousarray(cost[:, frm, to]), start=start,
                   widths=np.array(widths, dtype=np.intp), g_count=g_count, g_start=g_start,
                   g_flat=np.concatenate(flat).astype(np.intp), end_ok=end_ok)


def _plain_gathers(counts: _Counts, n: int, S: int) -> list[_Gather]:
    """Without counters, the OFF count as gathers: every count kept each day, OFF moving it by
    ``off_step`` (before day 0, count 0 alone)."""
    C, step = counts.C, counts.off_step
    out: list[_Gather] = []
    for d in range(n):
        width = 1 if d == 0 else C  # the day before's columns (its padding at that position)
        source = np.arange(C + 1)
        source[C] = width
        if d == 0:
            source[1:] = width
        off = np.arange(C + 1) - step
        off[(off < 0) | (off >= width)] = width
        off[C] = width
        moved = {S: off[None]} if step else {}
        out.append((source, moved))
    return out


def _compiled(function: _F) -> _F:
    """``function`` compiled by numba, releasing the interpreter's lock, and cached on disk
    (beside this module, else in the user's cache directory) when some place is writable;
    where none is (a read-only install and home), numba refuses to cache, and it is compiled
    in each process instead (about 3 s)."""
    try:
        return cast(_F, njit(cache=True, nogil=True)(function))
    except RuntimeError:  # "cannot cache function ...: no locator available"
        return cast(_F, njit(nogil=True)(function))


@_compiled
def _forward(unary: Floats, same_week: Bools, cell_of: Ints, pred_start: Ints,
             pred_from: Ints, pred_cost: Floats, start: Floats, widths: Ints, g_count: Ints,
             g_start: Ints, g_flat: Ints) -> Floats:  # pragma: no cover - compiled
    """Each day's values (day, state, column): the least cost of a sequence up to the day
    ending in the state at the column's counter index (the padding column inf)."""
    n = unary.shape[0]
    M = cell_of.shape[0]
    values = np.empty((n, M, widths.max() + 1))
    pre = np.empty((M, widths.max() + 1))
    for d in range(n):
        before = widths[d] + 1  # the day before's columns, its padding last
        week = 1 if same_week[d] else 0
        for b in range(M):
            x = cell_of[b]
            row = pre[b]
            if d == 0:  # before day 0, counter index 0 alone (and the padding)
                row[0] = unary[0, x] + start[b]
                row[1] = np.inf
                continue
            row[:before] = np.inf
            for t in range(pred_start[b], pred_start[b + 1]):
                step = pred_cost[week, t]
                source = values[d - 1, pred_from[t]]
                for c in range(before):
                    row[c] = min(row[c], source[c] + step)
            u = unary[d, x]
            for c in range(before):
                row[c] += u
        width = widths[d + 1] + 1  # with the padding
        for b in range(M):
            x = cell_of[b]
            count = g_count[d, x]
            first = g_start[d, x]
            for k in range(width):
                best = np.inf
                for g in range(count):
                    v = pre[b, g_flat[first + g * width + k]]
                    if v < best:
                        best = v
                values[d, b, k] = best
    return values


@_compiled
def _backward(values: Floats, unary: Floats, same_week: Bools, cell_of: Ints,
              pred_start: Ints, pred_from: Ints, pred_cost: Floats, widths: Ints,
              g_count: Ints, g_start: Ints, g_flat: Ints, c: int, j: int
              ) -> Ints:  # pragma: no cover - compiled
    """The cell numbers of the path ending in state ``j`` at column ``c`` on the last day: on
    each day the predecessor that gave the value, the first of the least (sources of a
    gather in their order, predecessors ascending), as :func:`_forward` computed it."""
    n = unary.shape[0]
    cells = np.empty(n, dtype=np.intp)
    for d in range(n - 1, 0, -1):
        x = cell_of[j]
        cells[d] = x
        week = 1 if same_week[d] else 0
        u = unary[d, x]
        pad = widths[d]
        width = widths[d + 1] + 1
        first = g_start[d, x]
        best = np.inf
        best_c = -1
        best_j = -1
        for g in range(g_count[d, x]):
            source = g_flat[first + g * width + c]
            if source == pad:
                continue
            got = np.inf
            at = -1
            for t in range(pred_start[j], pred_start[j + 1]):
                v = values[d - 1, pred_from[t], source] + pred_cost[week, t]
                if v < got:
                    got = v
                    at = pred_from[t]
            if got + u < best:
                best = got + u
                best_c = source
                best_j = at
        c = best_c
        j = best_j
    cells[0] = cell_of[j]
    return cells


def warm_up() -> None:
    """Load the compiled passes (or compile them, the first time on a machine: about 3 s, then
    cached beside this module), on a programme of one day and one state. A new process pays
    the loading once, about 0.8 s with numba's import here: :func:`solver.solve.solve` has it
    done in a thread while CP-SAT finds the first roster."""
    ints = np.zeros(1, dtype=np.intp)
    steps = (ints, np.zeros(2, dtype=np.intp), np.zeros(0, dtype=np.intp), np.zeros((2, 0)))
    gathers = (np.ones(2, dtype=np.intp), np.ones((1, 1), dtype=np.intp),
               np.zeros((1, 1), dtype=np.intp), np.zeros(2, dtype=np.intp))
    unary = np.zeros((1, 1))
    week = np.zeros(1, dtype=bool)
    values = _forward(unary, week, *steps, np.zeros(1), *gathers)
    _backward(values, unary, week, *steps, *gathers, 0, 0)


@dataclass(frozen=True)
class Programme:
    """The price-free part of one person's programme under some counters (:func:`programme`):
    built once, it prices any number of times (:func:`cheapest_of`). ``plan`` None: no
    sequence is valid whatever the prices."""

    n: int
    plan: _Plan | None
    counts: _Counts | None
    kernel: _Kernel | None = None


def programme(problem: Problem, counters: Sequence[Counter] = ()) -> Programme:
    """The part of :func:`cheapest_cells` that does not depend on the prices, for ``problem``
    (which :func:`supports`) and ``counters``. Column generation prices each person hundreds
    of times under the same counters: building this once saves about a third of each pricing
    under counters (a synthetic center of 100 people, its 78 pricings under a window of 140
    counters: 0.63 s, of which 0.22 s built the counts and 0.03 s the plan)."""
    n = problem.num_days
    plan = _plan(problem)
    counts = None if plan is None else _counts(plan, n, counters)
    if plan is None or counts is None:
        return Programme(n, None, None)
    return Programme(n, plan, counts, _kernel(plan, counts, n) if n else None)


def cheapest_cells(problem: Problem, prices: Mapping[tuple[int, str], float], *,
                   counters: Sequence[Counter] = ()
                   ) -> tuple[tuple[str, ...], float] | None:
    """Among the one person's cell sequences (one cell per day: a shift code the person may
    work, OFF, or LEAVE only where the fixed cell is LEAVE) with no violation of
    ``check_roster(problem, {pid: cells})`` that meet every one of ``counters``, the one
    minimising ``check_roster(...).objective + sum(prices.get((d, cells[d]), 0.0) for d in
    days)``.

    Returns (cells, that minimum value), or None when no sequence is valid. The minimum is
    exact (up to float rounding of the prices' sum); among equal ones the first in the
    programme's order is returned, the same every time. Requires :func:`supports`.

    Counters are counted along the OFF count (see :class:`_Counts`): the programme's states
    multiply by the number of counts that can matter, and so, roughly, does the time.
    """
    return cheapest_of(programme(problem, counters), prices)


def cheapest_of(prog: Programme, prices: Mapping[tuple[int, str], float]
                ) -> tuple[tuple[str, ...], float] | None:
    """:func:`cheapest_cells` on a programme built beforehand (:func:`programme`)."""
    n, plan, counts, kernel = prog.n, prog.plan, prog.counts, prog.kernel
    if plan is None or counts is None:
        return None
    if n == 0 or kernel is None:
        return ((), 0.0) if plan.low <= 0 else None
    unary = plan.unary.copy()
    for (d, cell), price in prices.items():
        i = plan.index.get(cell)
        if i is not None and 0 <= d < n and price:
            unary[d, i] += price
    if counts.forbidden is not None:
        unary[counts.forbidden] = INF
    steps = (kernel.cell_of, kernel.pred_start, kernel.pred_from, kernel.pred_cost)
    gathers = (kernel.widths, kernel.g_count, kernel.g_start, kernel.g_flat)
    values = _forward(unary, plan.same_week, *steps, kernel.start, *gathers)
    # the cheapest end within every bound (the first by counter index, then state)
    ends = np.where(kernel.end_ok[None, :], values[n - 1, :, :kernel.widths[n]], INF)
    flat = int(ends.T.argmin())
    c, j = divmod(flat, ends.shape[0])
    value = float(ends[j, c])
    if value == INF:
        return None
    cells = _backward(values, unary, plan.same_week, *steps, *gathers, c, j)
    return tuple(plan.cells[x] for x in cells.tolist()), value


def _number_of(plan: _Plan, state: int) -> int:
    """The cell number of the day a state ends."""
    SR = plan.S * plan.R
    if state < SR:
        return state // plan.R
    return plan.S if state < SR + 2 else plan.S + 1
