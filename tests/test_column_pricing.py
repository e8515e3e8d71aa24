"""How column generation prices (solver.colgen): each class's labelling programme built once per
counters, compiled passes that let the pricing threads run side by side, and the root's pace
measured after its first round (which builds the programmes). No timing: the pace test counts
work on a deterministic budget."""

from __future__ import annotations

import pytest

from solver import labelling
from solver.budget import Budget
from solver.colgen import PROGRAMMES_KEPT, ColumnGeneration, SpreadBox, _programme
from tests.test_branching import W3, tiny


def test_a_class_builds_its_programme_once_per_counters() -> None:
    """P1 and P2 are one class. Its programme is built on its first pricing and found again on
    the next; under W3's box (count 1 only) a second one is built, and the first is found again
    when the box is lifted. Past PROGRAMMES_KEPT counters the kept ones are dropped."""
    g = ColumnGeneration(tiny(), workers=2)
    (cls,) = g.classes
    first = _programme(cls)
    assert _programme(cls) is first and list(cls.programmes) == [()]
    g.restrict({W3: SpreadBox(low=1, high=1, max_at_least=1, min_at_most=1)})
    boxed = _programme(cls)
    assert boxed is not first and cls.counters != ()
    g.restrict({})
    assert _programme(cls) is first and len(cls.programmes) == 2
    for k in range(PROGRAMMES_KEPT - len(cls.programmes)):  # stand-ins for other counters
        cls.programmes[(k,)] = first  # type: ignore[index]
    assert len(cls.programmes) == PROGRAMMES_KEPT
    g.restrict({W3: SpreadBox(low=0, high=0, max_at_least=0, min_at_most=0)})
    _programme(cls)
    assert list(cls.programmes) == [cls.counters]


def test_the_compiled_passes_let_other_threads_run() -> None:
    """Column generation prices its classes in a pool of threads: the compiled passes release
    the interpreter's lock (numba's nogil), or two threads would price no faster than one (in
    numpy, which held it, two threads priced a round slower than one)."""
    assert labelling._forward.targetoptions.get("nogil") is True
    assert labelling._backward.targetoptions.get("nogil") is True


@pytest.mark.parametrize(("later", "converged", "rounds"), [(0.001, True, 3), (0.5, False, 2)])
def test_the_pace_is_the_rounds_after_the_first(monkeypatch: pytest.MonkeyPatch, later: float,
                                                 converged: bool, rounds: int) -> None:
    """A deterministic budget of 10 and min_rounds 40: rounds may take 10 / 40 = 0.25 each.
    The first round costs 5 more (as building the programmes does), the later ones ``later``
    more. At 0.001 the root converges in its 3 rounds (the first alone would have given up: 5
    * 40 > 10); at 0.5 it gives up after its second round (0.5 * 40 = 20 > 10)."""
    original = ColumnGeneration._round
    calls = []

    def slow(self: ColumnGeneration, budget: Budget, *args: object, **kw: object) -> object:
        calls.append(budget.spent)
        budget.spend(5.0 if len(calls) == 1 else later)
        return original(self, budget, *args, **kw)  # type: ignore[arg-type]

    monkeypatch.setattr(ColumnGeneration, "_round", slow)
    g = ColumnGeneration(tiny(), workers=2)
    found = g.run(Budget(10.0, deterministic=True), min_rounds=40)
    assert found is not None and found.converged is converged
    assert (len(calls), g.rounds) == (rounds, rounds)


def _add_one(x: int) -> int:
    return x + 1


def test_compiled_where_no_cache_can_be_written(monkeypatch: pytest.MonkeyPatch) -> None:
    """numba refuses ``cache=True`` where it finds no writable place for the cache (a
    read-only install and home): labelling._compiled then compiles without one, so the solver
    still imports and prices there. The module's own passes are cached here."""
    import numba.core.caching as caching

    assert type(labelling._forward._cache).__name__ == "FunctionCache"
    monkeypatch.setattr(caching.CacheImpl, "_locator_classes", [])
    compiled = labelling._compiled(_add_one)
    assert compiled(41) == 42
    assert type(compiled._cache).__name__ == "NullCache"  # type: ignore[attr-defined]
