"""The rows of a solved department's output files, built from the solver's results.

``roster.csv`` (long), ``roster_wide.csv`` (the grid), ``acting_days.csv``, ``cover.csv``,
``penalties.csv`` and ``summary.json``: see the README for their columns.
"""

from __future__ import annotations

import datetime as dt
import platform
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from roster.compile import CenterProblem
from roster.domain import Scenario
from roster.io.writers import OutputFolder
from solver.messages import Lang
from solver.problem import Problem, Roster, is_work
from solver.rules.cover import Cover, count_on_duty

if TYPE_CHECKING:
    from solver.solve import SolveResult, SolveSettings

ROSTER_COLUMNS = ["center", "team", "employee_id", "name", "role", "date", "shift"]
PERSON_COLUMNS = ["center", "team", "employee_id", "name", "role"]
ACTING_COLUMNS = ["date", "center", "director_id", "senior_leader_id"]
COVER_COLUMNS = ["date", "center", "shift", "required", "target", "assigned", "short",
                 "leaders_required", "leaders_assigned", "leaders_short"]
PENALTY_COLUMNS = ["rule", "center", "employee_id", "date", "shift", "weight", "amount", "cost",
                   "detail"]


@dataclass(frozen=True)
class ActingDay:
    date: dt.date
    center: str
    director_id: str
    senior_leader_id: str


def acting_days(scenario: Scenario, center: str, dates: Sequence[dt.date],
                roster: Roster) -> list[ActingDay]:
    """Every date the center's director is off (OFF or LEAVE): the senior leader acts."""
    director = scenario.director(center).employee_id
    senior = scenario.senior_leader(center).employee_id
    return [ActingDay(date, center, director, senior)
            for d, date in enumerate(dates) if not is_work(roster[director][d])]


def _date(problem: Problem, d: int | None) -> str:
    if d is None:
        return ""
    day = problem.days[d]
    return day.date.isoformat() if day.date else str(d)


def cover_rows(center: str, problem: Problem, roster: Roster) -> list[dict[str, Any]]:
    by_key: dict[tuple[int, str], dict[str, Any]] = {}
    for rule in problem.rules:
        if not isinstance(rule, Cover):
            continue
        prefix = "" if rule.rule_id == "R7" else "leaders_"
        for req in rule.requirements:
            key = (req.day, req.shift or "")
            row = by_key.setdefault(key, {
                "date": _date(problem, req.day), "center": center, "shift": req.shift or "",
                "required": 0, "target": 0, "assigned": "", "short": 0,
                "leaders_required": 0, "leaders_assigned": "", "leaders_short": 0})
            n = count_on_duty(req, roster)
            row[prefix + "required"] = req.minimum
            row[prefix + "assigned"] = n
            row[prefix + "short"] = max(0, req.minimum - n)
            if not prefix:
                row["target"] = req.target
    return [by_key[k] for k in sorted(by_key, key=lambda k: (k[0], k[1]))]


def summary(scenario: Scenario, results: Sequence[SolveResult], settings: SolveSettings,
            seconds: float, statuses: str) -> dict[str, Any]:
    """summary.json. With ``settings.deterministic`` the wall-clock figures are left out (null),
    so that the same inputs give byte-identical files."""
    objective = sum(r.objective or 0 for r in results)
    bound = sum(r.bound for r in results)

    def timing(value: float | None) -> float | None:
        return None if value is None or settings.deterministic else round(value, 3)

    return {
        "status": statuses,
        "objective": objective,
        "bound": bound,
        "gap": 0.0 if objective == 0 else max(0.0, (objective - bound) / abs(objective)),
        "seconds": timing(seconds),
        "month": str(scenario.month),
        "centers": [
            {"center": r.name, "status": r.status, "objective": r.objective, "bound": r.bound,
             "gap": r.gap, "seconds": timing(r.seconds),
             "first_roster_seconds": timing(r.first_solution_seconds),
             "num_people": len(r.roster or {}),
             "num_violations": len(r.report.violations),
             "num_penalties": len(r.report.penalties)}
            for r in results
        ],
        "counts": {
            "people": len(scenario.staff),
            "days": len(scenario.month.dates),
            "acting_days": None,
        },
        "settings": {"time_limit": settings.time_limit, "workers": settings.workers,
                     "seed": settings.seed, "relative_gap": settings.relative_gap,
                     "deterministic": settings.deterministic},
        "machine": {"python": platform.python_version(), "platform": platform.platform()},
    }


def fill_output(out: OutputFolder, scenario: Scenario, centers: Sequence[CenterProblem],
                results: Sequence[SolveResult], info: dict[str, Any],
                lang: Lang = "en") -> None:
    """Add every output file of a solved department to ``out`` (penalties.csv's ``detail`` in
    ``lang``; column names and codes are the same in every language)."""
    dates = scenario.month.dates
    long_rows: list[list[Any]] = []
    wide_rows: list[list[Any]] = []
    acting: list[ActingDay] = []
    cover: list[dict[str, Any]] = []
    penalties: list[list[Any]] = []
    for cp, result in zip(centers, results, strict=True):
        assert result.roster is not None
        roster = result.roster
        for person in cp.problem.people:
            base = [cp.center, person.team, person.id, person.name, person.role]
            for d, date in enumerate(dates):
                long_rows.append([*base, date.isoformat(), roster[person.id][d]])
            wide_rows.append([*base, *roster[person.id]])
        acting += acting_days(scenario, cp.center, dates, roster)
        cover += cover_rows(cp.center, cp.problem, roster)
        for p in result.report.penalties:
            penalties.append([p.rule_id, cp.center, p.employee_id, _date(cp.problem, p.day),
                              p.shift, p.weight, p.amount, p.cost, p.render_detail(lang)])
    out.add_csv("roster.csv", ROSTER_COLUMNS, long_rows)
    out.add_csv("roster_wide.csv", PERSON_COLUMNS + [d.isoformat() for d in dates], wide_rows)
    out.add_csv("acting_days.csv", ACTING_COLUMNS,
                [[a.date.isoformat(), a.center, a.director_id, a.senior_leader_id]
                 for a in acting])
    out.add_csv("cover.csv", COVER_COLUMNS, cover)
    out.add_csv("penalties.csv", PENALTY_COLUMNS, penalties)
    info["counts"]["acting_days"] = len(acting)
    info["counts"]["penalties"] = len(penalties)
    info["counts"]["short"] = sum(int(r["short"] or 0) + int(r["leaders_short"] or 0)
                                  for r in cover)
    out.add_json("summary.json", info)
