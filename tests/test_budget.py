"""solver.budget.Budget.part: a share of what is left, counted back when it ends."""

from __future__ import annotations

from solver.budget import Budget


def test_a_part_is_a_share_of_what_is_left_and_counts_back() -> None:
    """Deterministic budget of 10 with 4 spent: a half part has (10 - 4) * 0.5 = 3; spending
    1 in it leaves it 2, and the whole has 4 + 1 = 5 spent after the part ends."""
    budget = Budget(10, deterministic=True)
    budget.spend(4)
    with budget.part(0.5) as part:
        assert (part.amount, part.deterministic, part.stop) == (3.0, True, budget.stop)
        part.spend(1)
        assert part.left == 2.0
        assert budget.spent == 4.0  # counted when the part ends
    assert budget.spent == 5.0


def test_a_stop_reaches_the_part_and_a_zero_share_is_exhausted() -> None:
    budget = Budget(10)
    with budget.part(0.0) as part:
        assert part.exhausted
    with budget.part(0.5) as part:
        assert not part.exhausted
        budget.stop.request()
        assert part.exhausted


def test_a_child_has_the_kind_and_stop_and_counts_nothing_back_by_itself() -> None:
    """child(2.5) of a deterministic budget: amount 2.5, deterministic, the same stop; what it
    spends stays its own until spent here."""
    budget = Budget(10, deterministic=True)
    child = budget.child(2.5)
    assert (child.amount, child.deterministic, child.stop) == (2.5, True, budget.stop)
    child.spend(1)
    assert (child.spent, budget.spent) == (1.0, 0.0)
