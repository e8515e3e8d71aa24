"""The independent check of a finished roster, and the guard that the model agrees with it."""

from __future__ import annotations

from solver.problem import CheckReport, Problem, Roster


class ModelCheckerMismatch(RuntimeError):
    """The model's objective or feasibility disagrees with the independent checker (a bug)."""


def check_roster(problem: Problem, roster: Roster) -> CheckReport:
    """Every hard violation and soft penalty of a finished roster, rule by rule."""
    report = CheckReport()
    for rule in problem.rules:
        report.extend(rule.check(problem, roster))
    return report


def verify_solution(problem: Problem, report: CheckReport, model_objective: int,
                    optimal: bool) -> None:
    """A roster from the model keeps every hard rule, and the checker's objective agrees.

    Agreeing means equal when the model proved optimality, and no higher otherwise: for a
    non-optimal solution CP-SAT may report an upper bound of its objective, since presolve may
    relax the auxiliary variables that the objective pushes down.
    """
    if report.violations:
        first = report.violations[0].message
        raise ModelCheckerMismatch(
            f"{problem.name}: the solver's roster breaks {len(report.violations)} hard rule(s), "
            f"e.g. {first}")
    if report.objective > model_objective or (optimal and report.objective != model_objective):
        raise ModelCheckerMismatch(
            f"{problem.name}: the model's objective {model_objective} disagrees with the "
            f"checker's {report.objective}")
