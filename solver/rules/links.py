"""What ties people together, written as linear rows over each person's own cells.

Column generation (:mod:`solver.colgen`) prices each person's roster apart and joins them in a
master linear program. Cover is joined there by its head counts; the other rules that tie people
together describe themselves here (:meth:`~solver.rules.base.Rule.links`), so that the master
keeps them too and its bound does not leave them out:

* a :class:`Spread` is ``weight * (max - min)`` of one tally per person (fairness, W3 and W5);
* an :class:`AtMost` caps the sum of some people's tallies (the pair rule R1: on each day the
  director and the senior leader are off at most once between them).

A :class:`Tally` counts a person's cells of some codes on some days; the rule's check counts with
the same tally, so the master's counts are the checker's.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Tally:
    """How many of ``person``'s cells on ``days`` hold one of ``codes`` (shift codes, OFF,
    LEAVE)."""

    person: str
    days: tuple[int, ...]
    codes: frozenset[str]

    def count(self, cells: Sequence[str]) -> int:
        return sum(1 for d in self.days if cells[d] in self.codes)

    @property
    def shape(self) -> tuple[tuple[int, ...], tuple[str, ...]]:
        """The tally without its person: people whose tallies have the same shape count alike."""
        return self.days, tuple(sorted(self.codes))


@dataclass(frozen=True)
class Spread:
    """``weight * (max - min)`` over ``tallies`` (each at most ``upper``)."""

    tallies: tuple[Tally, ...]
    weight: int
    upper: int


@dataclass(frozen=True)
class AtMost:
    """The sum of ``tallies`` is at most ``limit``."""

    tallies: tuple[Tally, ...]
    limit: int


Link = Spread | AtMost
