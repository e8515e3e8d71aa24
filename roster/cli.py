"""The ``roster`` command line.

Exit codes (the same for every command):

\b
  0  done (roster written; for validate: no hard rule broken)
  1  validate: the roster breaks hard rules (they are listed)
  2  invalid input or usage
  3  infeasible: no roster keeps every hard rule (the reasons are printed)
  4  no roster found within the time limit
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import sys
import threading
import time
import unicodedata
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import click

from roster.compile import compile_scenario
from roster.domain import Month
from roster.errors import InputError
from roster.io.scenario_reader import load_scenario
from roster.io.writers import OutputFolder
from roster.outputs import fill_output, summary
from roster.validate import ValidationReport, validate_files
from solver.explain import explain, prechecks
from solver.solve import SolveSettings, solve_many

EXIT_OK = 0
EXIT_VIOLATIONS = 1
EXIT_INPUT = 2
EXIT_INFEASIBLE = 3
EXIT_NO_ROSTER = 4


def fail(message: str, code: int) -> None:
    click.echo(message, err=True)
    sys.exit(code)


class _ProgressPrinter:
    """Improving rosters on stderr, at most one line per center every half second."""

    def __init__(self, start: float) -> None:
        self.start = start
        self.last: dict[str, float] = {}
        self.lock = threading.Lock()

    def __call__(self, name: str, seconds: float, objective: float, bound: float) -> None:
        now = time.perf_counter()
        with self.lock:
            if now - self.last.get(name, -1.0) < 0.5:
                return
            self.last[name] = now
        gap = 0.0 if objective == 0 else max(0.0, (objective - bound) / abs(objective))
        click.echo(f"  [{now - self.start:6.1f}s] {name}: best {objective:.0f}  "
                   f"bound {bound:.0f}  gap {gap:.1%}", err=True)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="roster")
def cli() -> None:
    """Build, check and score monthly staff rosters for sales call centers.

    \b
    Exit codes: 0 done, 1 hard rules broken (validate), 2 invalid input or usage,
    3 infeasible (with reasons), 4 no roster found within the time limit.

    \b
    Example:
      roster init my-center --month 2026-10
      roster solve my-center --out out/2026-10 --time-limit 60
      roster validate my-center my-roster.xlsx
    """


@cli.command()
@click.argument("folder", type=click.Path(path_type=Path))
@click.option("--month", required=True, help="The month to roster, YYYY-MM.")
def init(folder: Path, month: str) -> None:
    """Write a small valid scenario to start from.

    Example: roster init my-center --month 2026-12
    """
    from roster.init import write_starter_scenario

    try:
        write_starter_scenario(folder, Month.parse(month))
    except ValueError as exc:
        fail(f"--month: {exc}", EXIT_INPUT)
    except InputError as exc:
        fail(str(exc), EXIT_INPUT)
    click.echo(f"wrote a starter scenario to {folder}", err=True)


@cli.command()
@click.argument("scenario", type=click.Path(path_type=Path))
@click.option("--out", "out_dir", required=True, type=click.Path(path_type=Path),
              help="Folder to write the roster files into (created; never half-written).")
@click.option("--time-limit", default=60.0, show_default=True, type=click.FloatRange(0.1),
              help="Seconds of search in all (centers share it by size).")
@click.option("--workers", default=2, show_default=True, type=click.IntRange(1, 64),
              help="CP-SAT worker threads in all.")
@click.option("--seed", default=0, show_default=True, type=int, help="Random seed of the search.")
@click.option("--gap", "relative_gap", default=0.0, show_default=True,
              type=click.FloatRange(0, 1), help="Stop when within this relative gap (0.01 = 1 %).")
@click.option("--force", is_flag=True, help="Replace an existing, non-empty output folder.")
def solve(scenario: Path, out_dir: Path, time_limit: float, workers: int, seed: int,
          relative_gap: float, force: bool) -> None:
    """Generate a month's roster for every center of a scenario.

    Writes roster.csv, roster_wide.csv, acting_days.csv, cover.csv, penalties.csv and
    summary.json into OUT.

    Example: roster solve data/sample --out out/2026-10 --time-limit 60
    """
    start = time.perf_counter()
    try:
        sc = load_scenario(scenario)
        out = OutputFolder(out_dir, force=force)
        centers = compile_scenario(sc)
    except InputError as exc:
        fail(str(exc), EXIT_INPUT)
    reasons = [v.message for c in centers for v in prechecks(c.problem)]
    if reasons:
        fail("No roster exists / 无可行排班:\n" + "\n".join(f"  {r}" for r in reasons),
             EXIT_INFEASIBLE)
    settings = SolveSettings(time_limit=time_limit, workers=workers, seed=seed,
                             relative_gap=relative_gap)
    num_people = sum(len(c.problem.people) for c in centers)
    click.echo(f"solving {len(centers)} center(s), {num_people} people, "
               f"{len(sc.month.dates)} days, {workers} worker(s), {time_limit:g} s", err=True)
    results = solve_many([c.problem for c in centers], settings,
                         progress=_ProgressPrinter(start))
    infeasible = [(c, r) for c, r in zip(centers, results, strict=True)
                  if r.status == "INFEASIBLE"]
    if infeasible:
        lines = []
        for c, _ in infeasible:
            why = explain(c.problem, time_limit=min(60.0, time_limit))
            lines.append(f"center {c.center}:")
            lines += [f"  {w}" for w in why] or ["  (no small reason found)"]
        fail("No roster exists / 无可行排班:\n" + "\n".join(lines), EXIT_INFEASIBLE)
    missing = [r.name for r in results if not r.found]
    if missing:
        fail(f"No roster found within {time_limit:g} s for center(s) {', '.join(missing)}; "
             f"try a longer --time-limit", EXIT_NO_ROSTER)
    status = "OPTIMAL" if all(r.status == "OPTIMAL" for r in results) else "FEASIBLE"
    info = summary(sc, results, settings, time.perf_counter() - start, status)
    fill_output(out, sc, centers, results, info)
    out.publish()
    click.echo("", err=True)
    click.echo(f"{'center':<10}{'status':<10}{'objective':>10}{'bound':>10}{'gap':>8}"
               f"{'seconds':>9}", err=True)
    for r in results:
        gap = "" if r.gap is None else f"{r.gap:.1%}"
        click.echo(f"{r.name:<10}{r.status:<10}{r.objective or 0:>10}{r.bound:>10.0f}{gap:>8}"
                   f"{r.seconds:>9.1f}", err=True)
    click.echo(f"{status}: objective {info['objective']}, {info['counts']['acting_days']} acting "
               f"day(s); written to {out_dir}", err=True)

# --- roster validate ---------------------------------------------------------------------------

LABELS: dict[str, dict[str, str]] = {
    "en": {
        "violations": "Hard-rule violations",
        "penalties": "Soft penalties by rule",
        "acting_days": "Acting days (the director is off, the senior leader acts)",
        "objective": "Objective",
        "none": "none",
        "rule": "rule",
        "center": "center",
        "employees": "employees",
        "dates": "dates",
        "message": "message",
        "count": "count",
        "cost": "cost",
        "date": "date",
        "director": "director",
        "senior_leader": "senior leader",
        "ok": "No hard rule broken.",
        "broken": "{n} hard-rule violation(s).",
    },
    "zh": {
        "violations": "硬性规则违规",
        "penalties": "软性扣分（按规则）",
        "acting_days": "代任日（中心主任休息，资深组长代任）",
        "objective": "目标值",
        "none": "无",
        "rule": "规则",
        "center": "中心",
        "employees": "员工",
        "dates": "日期",
        "message": "说明",
        "count": "次数",
        "cost": "扣分",
        "date": "日期",
        "director": "中心主任",
        "senior_leader": "资深组长",
        "ok": "未违反硬性规则。",
        "broken": "违反硬性规则 {n} 处。",
    },
}
CSV_COLUMNS = ["section", "rule", "center", "employee_ids", "dates", "count", "cost", "message"]


def _width(text: str) -> int:
    """Columns a terminal gives ``text`` (CJK characters take two)."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> list[str]:
    """Aligned columns, two spaces apart; the last column is not padded."""
    widths = [max(_width(r[i]) for r in [header, *rows]) for i in range(len(header) - 1)]
    lines = []
    for row in [header, *rows]:
        cells = [c + " " * (w - _width(c)) for c, w in zip(row, widths, strict=False)]
        lines.append("  ".join([*cells, row[-1]]).rstrip())
    return lines


def _date_ranges(dates: Sequence[dt.date]) -> str:
    """'2026-10-04…2026-10-10, 2026-10-20': runs of consecutive dates shortened."""
    runs: list[list[dt.date]] = []
    for date in dates:
        if runs and (date - runs[-1][-1]).days == 1:
            runs[-1].append(date)
        else:
            runs.append([date])
    return ", ".join(r[0].isoformat() if len(r) == 1 else
                     f"{r[0].isoformat()}…{r[-1].isoformat()}" for r in runs)


def report_data(report: ValidationReport) -> dict[str, Any]:
    """The report as JSON data (dates ISO)."""
    return {
        "violations": [
            {"rule": v.rule, "center": v.center, "employee_ids": list(v.employee_ids),
             "dates": [d.isoformat() for d in v.dates], "message": v.message}
            for v in report.violations
        ],
        "penalties": [{"rule": p.rule, "count": p.count, "cost": p.cost}
                      for p in report.penalties],
        "acting_days": [
            {"date": a.date.isoformat(), "center": a.center, "director_id": a.director_id,
             "senior_leader_id": a.senior_leader_id}
            for a in report.acting_days
        ],
        "objective": report.objective,
    }


def report_table(report: ValidationReport, lang: str) -> str:
    """The report as text tables with headings in ``lang`` (zh or en)."""
    t = LABELS[lang]
    lines = [f"{t['violations']}: {len(report.violations) or t['none']}"]
    if report.violations:
        lines += _table(
            [t["rule"], t["center"], t["employees"], t["dates"], t["message"]],
            [[v.rule, v.center, ", ".join(v.employee_ids), _date_ranges(v.dates), v.message]
             for v in report.violations])
    lines += ["", f"{t['penalties']}: {len(report.penalties) or t['none']}"]
    if report.penalties:
        lines += _table([t["rule"], t["count"], t["cost"]],
                        [[p.rule, str(p.count), str(p.cost)] for p in report.penalties])
    lines += ["", f"{t['acting_days']}: {len(report.acting_days) or t['none']}"]
    if report.acting_days:
        lines += _table([t["date"], t["center"], t["director"], t["senior_leader"]],
                        [[a.date.isoformat(), a.center, a.director_id, a.senior_leader_id]
                         for a in report.acting_days])
    lines += ["", f"{t['objective']}: {report.objective}"]
    return "\n".join(lines) + "\n"


def report_csv(report: ValidationReport) -> str:
    """The report as one CSV table; ``section`` says what each row is."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for v in report.violations:
        writer.writerow(["violation", v.rule, v.center, ";".join(v.employee_ids),
                         ";".join(d.isoformat() for d in v.dates), "", "", v.message])
    for p in report.penalties:
        writer.writerow(["penalty", p.rule, "", "", "", p.count, p.cost, ""])
    for a in report.acting_days:
        writer.writerow(["acting_day", "", a.center, f"{a.director_id};{a.senior_leader_id}",
                         a.date.isoformat(), "", "", ""])
    writer.writerow(["objective", "", "", "", "", "", report.objective, ""])
    return buf.getvalue()


@cli.command()
@click.argument("scenario", type=click.Path(path_type=Path))
@click.argument("roster_file", metavar="ROSTER", type=click.Path(path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "json"]), default="table",
              show_default=True, help="How to print the report on stdout.")
@click.option("--lang", type=click.Choice(["zh", "en"]), default=None,
              help="Language of the table headings (default: the scenario's `language`). The "
                   "rules' messages are in English for now; csv columns and json keys are "
                   "always English.")
def validate(scenario: Path, roster_file: Path, fmt: str, lang: str | None) -> None:
    """Check a roster (hand-made or solved) against a scenario's rules.

    Prints every broken hard rule (rule id, center, people, dates and a message), the soft
    penalties by rule (count and cost), the acting days and the objective. Exit code 0: no hard
    rule is broken; 1: some are; 2: invalid input, with every problem of the file listed by row
    and column (unknown people or shifts, people twice, dates missing or outside the month,
    staff missing), and nothing else printed.

    \b
    ROSTER: a CSV file (UTF-8, UTF-8 with BOM or GB18030) or an .xlsx workbook
    (its first sheet), only read, in either layout:
      wide: 工号 (employee_id) and/or 姓名 (name), then one column per date,
            headed 1 … 31, 2026-10-01, 10/1, 10月1日 or an Excel date; an
            optional weekday row under the header; title rows above the
            header and other columns are ignored
      long: employee_id,date,shift (roster solve's roster.csv)
    Cells: a shift code or alias (早, 晚 …); OFF, 休 or blank: a day off;
    LEAVE or 假: leave.

    Example: roster validate data/sample my-roster.xlsx --format json
    """
    try:
        sc, report = validate_files(scenario, roster_file)
    except InputError as exc:
        fail(str(exc), EXIT_INPUT)
    labels = LABELS[lang or sc.language]
    if fmt == "json":
        click.echo(json.dumps(report_data(report), ensure_ascii=False, indent=2))
    elif fmt == "csv":
        click.echo(report_csv(report), nl=False)
    else:
        click.echo(report_table(report, lang or sc.language), nl=False)
    if report.ok:
        click.echo(labels["ok"], err=True)
    else:
        click.echo(labels["broken"].format(n=len(report.violations)), err=True)
        sys.exit(EXIT_VIOLATIONS)


def main() -> None:
    cli()
