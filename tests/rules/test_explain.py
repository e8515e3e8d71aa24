"""Explanations of infeasible problems: pre-checks first, then a minimal core of rule groups."""

from __future__ import annotations

from solver.explain import describe, explain, find_conflict, find_conflicts, prechecks
from solver.problem import LEAVE, Problem
from solver.rules.consecutive import MaxConsecutiveWorkDays
from solver.rules.cover import Cover, CoverRequirement
from solver.rules.days_off import DaysOffQuota
from solver.rules.pair import PairRule
from solver.solve import solve

from .builders import SETTINGS, make_problem


def test_precheck_names_both_people_and_the_date() -> None:
    """Both of a pair on approved leave the same day is caught before solving, in plain words."""
    problem = make_problem(2, 3, [PairRule("P1", "P2")], base_rules=True,
                           fixed={("P1", 1): LEAVE, ("P2", 1): LEAVE})
    found = prechecks(problem)
    assert [(v.rule_id, v.employee_ids, v.days) for v in found] == [("R1", ("P1", "P2"), (1,))]
    assert found[0].message == (
        "R1: director P1 and senior leader P2 both have approved leave on 2026-06-02")
    assert explain(problem) == [found[0].message]


def test_core_is_minimal_and_ignores_unrelated_rules() -> None:
    """Two people who must both work every day of a week clash with R5 (max 6) only.

    Cover asks 2 of 2 people on every one of 7 days, so each works 7 days in a row; R5 allows 6.
    The quota rule (0-7 days off) is satisfiable either way and must not be in the core.
    """
    people = ("P1", "P2")
    cover = Cover([CoverRequirement(d, None, people, 2) for d in range(7)])
    r5 = MaxConsecutiveWorkDays(dict.fromkeys(people, 6))
    quota = DaysOffQuota(dict.fromkeys(people, (0, 7)))
    problem = make_problem(2, 7, [cover, r5, quota], base_rules=True)
    assert prechecks(problem) == []
    assert solve(problem, SETTINGS).status == "INFEASIBLE"
    conflict = find_conflict(problem, time_limit=20)
    assert conflict is not None
    rules = {rule_id for rule_id, _ in conflict.groups}
    assert rules == {"R5", "R7"}
    # one person's R5 and the cover of the 7 days suffice: 1 + 7 groups
    assert sum(1 for rule_id, _ in conflict.groups if rule_id == "R5") == 1
    assert sum(1 for rule_id, _ in conflict.groups if rule_id == "R7") == 7
    lines = explain(problem, time_limit=20)
    assert lines[0] == "These rules cannot all hold together:"
    assert any("works at most 6 days in a row" in line for line in lines)


def two_independent_clashes() -> Problem:
    """Agent P1 alone must cover shift E and leader P2 alone shift L on each of 7 days (R7 and
    R8), while each may work at most 6 days in a row (R5): two clashes sharing no rule group."""
    r7 = Cover([CoverRequirement(d, "E", ("P1",), 1) for d in range(7)], rule_id="R7")
    r8 = Cover([CoverRequirement(d, "L", ("P2",), 1) for d in range(7)], who="team leaders",
               rule_id="R8")
    r5 = MaxConsecutiveWorkDays({"P1": 6, "P2": 6})
    return make_problem(2, 7, [r7, r8, r5], base_rules=True)


def test_find_conflicts_returns_both_independent_clashes() -> None:
    """Each clash is one person's R5 and their 7 days of cover; after the first, its groups are
    switched off and the second is still found, minimal too."""
    problem = two_independent_clashes()
    assert prechecks(problem) == []
    conflicts = find_conflicts(problem, time_limit=20)
    assert sorted(c.groups for c in conflicts) == [
        (("R5", "P1"), *(("R7", f"{d}:E") for d in range(7))),
        (("R5", "P2"), *(("R8", f"{d}:L") for d in range(7))),
    ]
    assert conflicts[0].lines[0] == describe(problem, conflicts[0].groups[0])


def test_find_conflicts_stops_at_max_and_on_feasible_problems() -> None:
    """max_conflicts=1 gives one conflict (as find_conflict does); a feasible problem none."""
    problem = two_independent_clashes()
    assert len(find_conflicts(problem, time_limit=20, max_conflicts=1)) == 1
    feasible = make_problem(2, 7, [MaxConsecutiveWorkDays({"P1": 6, "P2": 6})], base_rules=True)
    assert find_conflicts(feasible, time_limit=5) == []
    assert explain(feasible, time_limit=5) == []


def test_explain_lists_several_conflicts_in_plain_words() -> None:
    """explain(max_conflicts=5): a heading with the count, then one numbered block each."""
    lines = explain(two_independent_clashes(), time_limit=20, max_conflicts=5)
    assert lines[0] == "2 independent conflicts; each one alone leaves no roster:"
    assert lines[1] == "1. These rules cannot all hold together:"
    assert lines[10] == "2. These rules cannot all hold together:"
    assert len(lines) == 19
    assert sum("works at most 6 days in a row" in line for line in lines) == 2
    assert "  - R8 at least 1 team leaders on 2026-06-01 on shift L" in lines
