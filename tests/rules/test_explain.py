"""Explanations of infeasible problems: pre-checks first, then a minimal core of rule groups."""

from __future__ import annotations

from solver.explain import explain, find_conflict, prechecks
from solver.problem import LEAVE
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
