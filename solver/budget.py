"""How much search is left: wall-clock seconds, or CP-SAT's deterministic time; and stopping early.

A :class:`Budget` is shared by the phases of a solve (first roster, full model, neighbourhood
search). In deterministic mode every phase is limited by CP-SAT's deterministic time, which
depends only on the work done, so the same inputs, seed and budget give the same roster on the
same machine. A :class:`StopSignal` lets Ctrl-C end the search early: every running CP-SAT
search is told to stop, and the best roster found so far is kept.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ortools.sat.python import cp_model


class StopSignal:
    """A request to stop searching, seen by every CP-SAT search registered with it."""

    def __init__(self) -> None:
        self._event = threading.Event()
        self._lock = threading.Lock()
        self._solvers: set[cp_model.CpSolver] = set()

    @property
    def requested(self) -> bool:
        return self._event.is_set()

    def request(self) -> None:
        self._event.set()
        with self._lock:
            for solver in self._solvers:
                solver.stop_search()

    @contextmanager
    def watch(self, solver: cp_model.CpSolver) -> Iterator[None]:
        """While inside, a stop request also stops ``solver`` (callers skip searches that would
        start after a stop: CP-SAT forgets a stop that comes before its search starts)."""
        with self._lock:
            self._solvers.add(solver)
        try:
            yield
        finally:
            with self._lock:
                self._solvers.discard(solver)


class Budget:
    """Search left: ``amount`` seconds of wall time, or of CP-SAT deterministic time."""

    def __init__(self, amount: float, *, deterministic: bool = False,
                 stop: StopSignal | None = None) -> None:
        self.amount = amount
        self.deterministic = deterministic
        self.stop = stop or StopSignal()
        self._start = time.perf_counter()
        self._spent_deterministic = 0.0

    @property
    def spent(self) -> float:
        if self.deterministic:
            return self._spent_deterministic
        return time.perf_counter() - self._start

    @property
    def left(self) -> float:
        return max(0.0, self.amount - self.spent)

    @property
    def exhausted(self) -> bool:
        return self.stop.requested or self.left <= 0.0

    def spend(self, amount: float) -> None:
        """Count ``amount`` of another budget's deterministic time as spent here (wall time
        counts itself)."""
        if self.deterministic:
            self._spent_deterministic += amount

    def child(self, amount: float) -> Budget:
        """A budget of ``amount`` of this one's kind, stopped by the same stop request (its
        spent time is the caller's to count here, see :meth:`spend`)."""
        return Budget(amount, deterministic=self.deterministic, stop=self.stop)

    @contextmanager
    def part(self, share: float) -> Iterator[Budget]:
        """A budget of ``share`` of what is left here, with the same kind and stop; its spent
        time counts here when the ``with`` block ends."""
        part = self.child(self.left * share)
        try:
            yield part
        finally:
            self.spend(part.spent)

    def limit(self, solver: cp_model.CpSolver, seconds: float) -> None:
        """Limit one CP-SAT search to ``seconds`` (of this budget's kind), within what's left."""
        amount = max(0.01, min(seconds, self.left))
        if self.deterministic:
            solver.parameters.max_deterministic_time = amount
        else:
            solver.parameters.max_time_in_seconds = amount

    def run(self, solver: cp_model.CpSolver, model: cp_model.CpModel,
            callback: cp_model.CpSolverSolutionCallback | None = None, *,
            stoppable: bool = True) -> cp_model.CpSolverStatus:
        """Solve and count the time spent; a stop request ends it early if ``stoppable``."""
        # Ctrl-C is ours to handle (see StopSignal): CP-SAT's own handler crashes the process
        # when it fires outside the search it was installed for.
        solver.parameters.catch_sigint_signal = False
        if stoppable:
            with self.stop.watch(solver):
                status = solver.solve(model, callback) if callback else solver.solve(model)
        else:
            status = solver.solve(model, callback) if callback else solver.solve(model)
        self._spent_deterministic += solver.deterministic_time
        return status
