"""The ``roster score`` and ``roster eligible`` commands (registered in :mod:`roster.cli`).

Data goes to stdout in the chosen ``--format``; problems go to stderr. Exit codes: 0 done, 2
invalid input (every problem listed, each naming its file, row and column).

There is no ``--lang``: the reports are bilingual by design (the md and html page the department
manager signs shows every label in Chinese and English), and the table, csv and json keep their
English headings and keys, which scripts read. Input errors are in the scenario's ``language``
when its scenario.toml tells it, else in English.
"""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Callable
from pathlib import Path
from typing import NoReturn, TypeVar

import click

from roster.errors import InputError
from roster.io.assessment_reader import read_assessment_inputs, read_performance
from roster.io.roster_reader import read_roster
from roster.io.scenario_reader import load_scenario, message_language
from roster.io.tables import date_text
from roster.scoring.assessment import assess
from roster.scoring.eligibility import eligibility
from roster.scoring.report import FORMATS, render_assessment, render_eligibility

EXIT_OK = 0
EXIT_INPUT = 2

F = TypeVar("F", bound=Callable[..., object])

_FILE = click.Path(path_type=Path, dir_okay=False)


def format_option(func: F) -> F:
    """``--format table|md|html|csv|json`` (default: table)."""
    return click.option(
        "--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True,
        help="table for the terminal; md or html: the page the department manager signs "
             "(bilingual); csv: one row each; json: every figure.")(func)


def _fail(error: InputError, scenario: Path) -> NoReturn:
    click.echo(error.render(message_language(scenario)), err=True)
    sys.exit(EXIT_INPUT)


@click.command()
@click.argument("scenario", type=click.Path(path_type=Path))
@click.argument("roster_file", metavar="ROSTER", type=_FILE)
@click.option("--sales", required=True, type=_FILE,
              help="Sales ledger: order_id,date,employee_id,amount,status "
                   "(only shipped / 已交寄 orders count).")
@click.option("--lines", required=True, type=_FILE, help="Lines handled: date,employee_id,lines.")
@click.option("--ratings", required=True, type=_FILE,
              help="Part B: senior_leader_id,rater_role,rater_id,criterion,points.")
@click.option("--commissions", required=True, type=_FILE,
              help="The month's director commissions: center,director_commission.")
@click.option("--overrides", type=_FILE,
              help="The department manager's overrides: center,decision,reason (optional).")
@format_option
def score(scenario: Path, roster_file: Path, sales: Path, lines: Path, ratings: Path,
          commissions: Path, overrides: Path | None, fmt: str) -> None:
    """Score each center's senior leader for the month of a roster.

    Part A (50 points) compares sales per agent on duty (A1) and per line (A2) on the acting
    days (the director off) with the whole month; part B (50) is the rating by the manager
    (40 %), the director (30 %) and the employees (30 %). Below 70 the senior leader is
    removed unless the manager overrides with a reason. Policies: [assessment] in
    scenario.toml. ROSTER is any roster `roster solve` writes or a hand-made grid (CSV or
    .xlsx).

    \b
    Example:
      roster score data/sample data/sample/roster_example.csv \\
        --sales data/sample/sales.csv --lines data/sample/lines.csv \\
        --ratings data/sample/ratings.csv --commissions data/sample/commissions.csv \\
        --format md > assessment.md
    """
    try:
        sc = load_scenario(scenario)
        roster = read_roster(roster_file, sc)
        inputs = read_assessment_inputs(
            sc, sales=sales, lines=lines, ratings=ratings, commissions=commissions,
            overrides=overrides, roster_file=roster_file.name)
        result = assess(sc, roster, inputs)
    except InputError as exc:
        _fail(exc, scenario)
    click.echo(render_assessment(result, fmt), nl=False)


def _as_of(ctx: click.Context, param: click.Parameter, value: str) -> dt.date:
    try:
        return date_text(value)
    except ValueError as exc:
        raise click.BadParameter(str(exc)) from None


@click.command()
@click.argument("scenario", type=click.Path(path_type=Path))
@click.option("--performance", required=True, type=_FILE,
              help="Monthly figures: employee_id,month,sales[,lines][,center][,team].")
@click.option("--as-of", "as_of", required=True, callback=_as_of, metavar="DATE",
              help="The date of the choice (YYYY-MM-DD): tenure (S1) is counted to it.")
@format_option
def eligible(scenario: Path, performance: Path, as_of: dt.date, fmt: str) -> None:
    """List each center's candidates for senior leader, with S1-S3 passed or failed.

    S1: team leader for at least 6 months (staff.csv leader_since). S2: personal sales in the
    upper half among the team leaders of the center and of the department. S3: the team's
    monthly rankings in the upper half. The judgement criteria are listed for the department
    manager to confirm.

    \b
    Example:
      roster eligible data/sample --performance data/sample/performance.csv \\
        --as-of 2026-10-01 --format md > candidates.md
    """
    try:
        sc = load_scenario(scenario)
        records = read_performance(performance, sc, as_of=as_of)
        result = eligibility(sc, records, as_of, source=performance.name)
    except InputError as exc:
        _fail(exc, scenario)
    click.echo(render_eligibility(result, fmt), nl=False)
