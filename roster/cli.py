"""The ``roster`` command line.

Exit codes (the same for every command):

\b
  0  done (roster written; validate: no hard rule broken; explain: a roster exists)
  1  validate: the roster breaks hard rules (they are listed)
  2  invalid input or usage
  3  infeasible: no roster keeps every hard rule (the reasons are printed)
  4  no roster found within the time limit (explain: could not tell whether one exists)
  5  stopped by Ctrl-C: the best roster found so far is written (summary.json: "interrupted")
  6  internal error: a roster failed the independent re-check; nothing was written (a bug)
130  stopped by a second Ctrl-C: nothing written
"""

from __future__ import annotations

import csv
import importlib
import io
import json
import signal
import sys
import threading
import time
import unicodedata
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar, TypeVar

import click

from roster.calendar import date_ranges
from roster.compile import CenterProblem, compile_scenario
from roster.domain import Month
from roster.errors import InputError, error_text
from roster.io.roster_reader import read_roster
from roster.io.scenario_reader import load_scenario, message_language
from roster.io.writers import OutputFolder, safe_cell
from roster.outputs import fill_output, summary
from roster.validate import ValidationReport, validate_files
from solver.budget import StopSignal
from solver.check import ModelCheckerMismatch
from solver.messages import LANGS, Lang, render

if TYPE_CHECKING:
    from solver.repair import RepairResult
    from solver.solve import SolveResult

# The solver (OR-Tools), the exports (pandas, openpyxl) and the other commands are imported when
# a command needs them, so that `roster validate` and `roster --help` start fast.

EXIT_OK = 0
EXIT_VIOLATIONS = 1
EXIT_INPUT = 2
EXIT_INFEASIBLE = 3
EXIT_NO_ROSTER = 4
EXIT_INTERRUPTED = 5
EXIT_BUG = 6
EXIT_ABORTED = 130

F = TypeVar("F", bound=Callable[..., object])


def fail(message: str, code: int) -> None:
    click.echo(message, err=True)
    sys.exit(code)


def fail_input(error: InputError, scenario: Path, lang: Lang | None) -> None:
    """Exit 2 with every problem of the input, in ``lang`` (``--lang``) if given, else in the
    scenario's language if its scenario.toml tells it, else in English."""
    fail(error.render(message_language(scenario, lang)), EXIT_INPUT)


# Progress and status lines follow --lang like everything else the CLI prints (LOG_LABELS).

class _ProgressPrinter:
    """Improving rosters on stderr, at most one line per center every half second: each
    center's best objective and best bound so far (a phase may report a roster the model
    rates above the checker, or a weaker bound of its own)."""

    def __init__(self, start: float, lang: Lang = "en") -> None:
        self.start = start
        self.words = LOG_LABELS[lang]
        self.last: dict[str, float] = {}
        self.best: dict[str, tuple[float, float]] = {}
        self.lock = threading.Lock()

    def __call__(self, name: str, seconds: float, objective: float, bound: float) -> None:
        now = time.perf_counter()
        with self.lock:
            if name in self.best:
                best_objective, best_bound = self.best[name]
                objective, bound = min(objective, best_objective), max(bound, best_bound)
            self.best[name] = (objective, bound)
            if now - self.last.get(name, -1.0) < 0.5:
                return
            self.last[name] = now
        gap = 0.0 if objective == 0 else max(0.0, (objective - bound) / abs(objective))
        click.echo(self.words["progress"].format(
            seconds=f"{now - self.start:6.1f}", center=name, objective=f"{objective:.0f}",
            bound=f"{bound:.0f}", gap=f"{gap:.1%}"), err=True)


T = TypeVar("T")


def interruptible(stop: StopSignal, work: Callable[[], T], lang: Lang = "en") -> T:
    """Run ``work`` so that Ctrl-C asks it to stop (keeping its best result); twice quits.

    The work runs in a thread while this one waits, so the signal handler can run: CP-SAT does
    not return to Python while it searches. A second Ctrl-C raises KeyboardInterrupt here, and
    the process ends with code 130 without writing anything.
    """
    box: dict[str, T] = {}
    errors: list[BaseException] = []

    def run() -> None:
        try:
            box["result"] = work()
        except BaseException as exc:  # handed over to the main thread
            errors.append(exc)

    def on_sigint(signum: int, frame: object) -> None:
        if stop.requested:
            raise KeyboardInterrupt
        click.echo("\n" + LOG_LABELS[lang]["stopping"], err=True)
        stop.request()

    thread = threading.Thread(target=run, daemon=True)
    in_main = threading.current_thread() is threading.main_thread()
    previous = signal.signal(signal.SIGINT, on_sigint) if in_main else None
    try:
        thread.start()
        while thread.is_alive():
            thread.join(0.2)
    except KeyboardInterrupt:
        click.echo(LOG_LABELS[lang]["aborted"], err=True)
        sys.exit(EXIT_ABORTED)
    finally:
        if in_main:
            signal.signal(signal.SIGINT, previous)
    if errors:
        raise errors[0]
    return box["result"]


def fail_on_prechecks(centers: Sequence[CenterProblem], lang: Lang) -> None:
    """Exit 3 with the plain contradictions in the data, if there are any (in ``lang``)."""
    from solver.explain import prechecks

    reasons = [v.render(lang) for c in centers for v in prechecks(c.problem)]
    if reasons:
        fail(LABELS[lang]["no_roster"] + "\n" + "\n".join(f"  {r}" for r in reasons),
             EXIT_INFEASIBLE)


def fail_unless_found(centers: Sequence[CenterProblem], results: Sequence[SolveResult],
                      time_limit: float, lang: Lang) -> None:
    """Exit 3 explaining why (in ``lang``) when a center has no roster; exit 4 when one was not
    found in time."""
    from solver.explain import explain

    t = LABELS[lang]
    infeasible = [c for c, r in zip(centers, results, strict=True) if r.status == "INFEASIBLE"]
    if infeasible:
        lines = []
        for c in infeasible:
            why = explain(c.problem, time_limit=min(60.0, time_limit), lang=lang)
            lines.append(t["center_heading"].format(center=c.center))
            lines += [f"  {w}" for w in why] or [f"  {t['no_reason']}"]
        fail(t["no_roster"] + "\n" + "\n".join(lines), EXIT_INFEASIBLE)
    missing = [r.name for r in results if not r.found]
    if missing:
        fail(t["not_found"].format(seconds=f"{time_limit:g}", centers=", ".join(missing)),
             EXIT_NO_ROSTER)


def lang_option(func: F) -> F:
    """``--lang zh|en``: the language of what the command reports (default: the scenario's)."""
    return click.option(
        "--lang", type=click.Choice(LANGS), default=None,
        help="Language of the messages: rule violations, reasons, explanations, "
             "penalties.csv's detail (default: the scenario's `language`). Progress and "
             "status lines stay English.")(func)


def solve_options(func: F) -> F:
    """The search options ``solve`` and ``repair`` share."""
    for option in reversed([
        click.option("--workers", default=2, show_default=True, type=click.IntRange(1, 64),
                     help="CP-SAT worker threads in all."),
        click.option("--seed", default=0, show_default=True, type=int,
                     help="Random seed of the search."),
        click.option("--gap", "relative_gap", default=0.0, show_default=True,
                     type=click.FloatRange(0, 1),
                     help="Stop when within this relative gap (0.01 = 1 %)."),
        click.option("--force", is_flag=True,
                     help="Replace an existing, non-empty output folder."),
        click.option("--deterministic", is_flag=True,
                     help="Count --time-limit in CP-SAT's deterministic time, not wall time: "
                          "the same inputs and seed give byte-identical files on this machine."),
    ]):
        func = option(func)
    return func


class _LazyGroup(click.Group):
    """A group whose commands from other modules are imported only when they are used."""

    #: command name -> "module:attribute"
    LAZY: ClassVar[dict[str, str]] = {
        "score": "roster.commands_score:score",
        "eligible": "roster.commands_score:eligible",
        "export": "roster.commands_export:export",
        "curtois": "roster.commands_curtois:curtois",
    }

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted([*super().list_commands(ctx), *self.LAZY])

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        target = self.LAZY.get(cmd_name)
        if target is None:
            return super().get_command(ctx, cmd_name)
        module, attribute = target.split(":")
        command = getattr(importlib.import_module(module), attribute)
        assert isinstance(command, click.Command)
        return command


@click.group(cls=_LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
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
      roster repair my-center my-roster.xlsx --out out/repaired
      roster explain my-center
    """


@cli.command()
@click.argument("folder", type=click.Path(path_type=Path))
@click.option("--month", required=True, help="The month to roster, YYYY-MM.")
@click.option("--lang", type=click.Choice(LANGS), default="zh", show_default=True,
              help="The scenario's language (its column headers, labels and messages) and "
                   "this command's.")
def init(folder: Path, month: str, lang: Lang) -> None:
    """Write a small valid scenario to start from.

    Example: roster init my-center --month 2026-12
    """
    from roster.init import write_starter_scenario

    try:
        write_starter_scenario(folder, Month.parse(month), lang)
    except ValueError as exc:
        # "--month: …" in either language, as click names an option
        fail(f"--month: {render(error_text(exc), lang)}", EXIT_INPUT)
    except InputError as exc:
        fail(exc.render(lang), EXIT_INPUT)
    click.echo(LOG_LABELS[lang]["initialised"].format(folder=folder), err=True)


@cli.command()
@click.argument("scenario", type=click.Path(path_type=Path))
@click.option("--out", "out_dir", required=True, type=click.Path(path_type=Path),
              help="Folder to write the roster files into (created; never half-written).")
@click.option("--time-limit", default=60.0, show_default=True, type=click.FloatRange(0.1),
              help="Seconds of search in all (centers share it by size).")
@solve_options
@lang_option
def solve(scenario: Path, out_dir: Path, time_limit: float, workers: int, seed: int,
          relative_gap: float, force: bool, deterministic: bool, lang: Lang | None) -> None:
    """Generate a month's roster for every center of a scenario.

    Writes roster.csv, roster_wide.csv, acting_days.csv, cover.csv, penalties.csv and
    summary.json into OUT. --lang sets the language of the reasons printed when no roster
    exists and of penalties.csv's detail column.

    Ctrl-C stops the search and writes the best roster found so far (exit 5); a second
    Ctrl-C quits at once and writes nothing.

    Example: roster solve data/sample --out out/2026-10 --time-limit 60
    """
    from solver.solve import SolveSettings, solve_many

    start = time.perf_counter()
    try:
        sc = load_scenario(scenario)
        out = OutputFolder(out_dir, force=force)
        centers = compile_scenario(sc)
    except InputError as exc:
        fail_input(exc, scenario, lang)
    words: Lang = lang or sc.language
    fail_on_prechecks(centers, words)
    settings = SolveSettings(time_limit=time_limit, workers=workers, seed=seed,
                             relative_gap=relative_gap, deterministic=deterministic)
    num_people = sum(len(c.problem.people) for c in centers)
    log = LOG_LABELS[words]
    click.echo(log["solving"].format(centers=len(centers), people=num_people,
                                     days=len(sc.month.dates), workers=workers,
                                     seconds=f"{time_limit:g}"), err=True)
    stop = StopSignal()
    results = interruptible(stop, lambda: solve_many(
        [c.problem for c in centers], settings, progress=_ProgressPrinter(start, words),
        stop=stop), words)
    fail_unless_found(centers, results, time_limit, words)
    status = "OPTIMAL" if all(r.status == "OPTIMAL" for r in results) else "FEASIBLE"
    info = summary(sc, results, settings, time.perf_counter() - start, status)
    info["interrupted"] = stop.requested
    fill_output(out, sc, centers, results, info, words)
    out.publish()
    click.echo("", err=True)
    rows = [[r.name, r.status, str(r.objective or 0), f"{r.bound:.0f}",
             "" if r.gap is None else f"{r.gap:.1%}", f"{r.seconds:.1f}"] for r in results]
    header = [log[key] for key in ("center", "status", "objective", "bound", "gap", "seconds")]
    click.echo("\n".join(_table(header, rows)), err=True)
    click.echo(log["solved"].format(status=status, objective=info["objective"],
                                    acting=info["counts"]["acting_days"], out=out_dir), err=True)
    if stop.requested:
        click.echo(log["interrupted_solve"], err=True)
        sys.exit(EXIT_INTERRUPTED)

# --- the words of validate, repair, explain and the infeasible exit, in either language --------

#: the progress and status lines of solve and repair (stderr)
LOG_LABELS: dict[Lang, dict[str, str]] = {
    "en": {
        "solving": "solving {centers} center(s), {people} people, {days} days, {workers} "
                   "worker(s), {seconds} s",
        "repairing": "repairing {centers} center(s), {people} people, {days} days, {workers} "
                     "worker(s), {seconds} s",
        "progress": "  [{seconds}s] {center}: best {objective}  bound {bound}  gap {gap}",
        "center": "center",
        "status": "status",
        "objective": "objective",
        "bound": "bound",
        "gap": "gap",
        "seconds": "seconds",
        "solved": "{status}: objective {objective}, {acting} acting day(s); written to {out}",
        "repaired": "{status}: {before} hard-rule violation(s) in the given roster, {changed} "
                    "cell(s) changed ({fewest}), objective {objective}; written to {out}",
        "fewest": "the fewest possible",
        "fewest_in_time": "the fewest found in time",
        "stopping": "stopping: the best roster so far will be written (Ctrl-C again to quit at "
                    "once)",
        "aborted": "stopped: nothing written",
        "interrupted_solve": "stopped by Ctrl-C: this is the best roster found so far",
        "interrupted_repair": "stopped by Ctrl-C: this is the best repair found so far",
        "initialised": "wrote a starter scenario to {folder}",
    },
    "zh": {
        "solving": "正在排班：{centers} 个中心，{people} 人，{days} 天，{workers} 个线程，"
                   "限时 {seconds} 秒",
        "repairing": "正在修复：{centers} 个中心，{people} 人，{days} 天，{workers} 个线程，"
                     "限时 {seconds} 秒",
        "progress": "  [{seconds}秒] {center}：最优 {objective}  下界 {bound}  差距 {gap}",
        "center": "中心",
        "status": "状态",
        "objective": "目标值",
        "bound": "下界",
        "gap": "差距",
        "seconds": "秒",
        "solved": "{status}：目标值 {objective}，代任日 {acting} 天；已写入 {out}",
        "repaired": "{status}：原排班违反硬性规则 {before} 处，改动 {changed} 格（{fewest}），"
                    "目标值 {objective}；已写入 {out}",
        "fewest": "已证明为最少改动",
        "fewest_in_time": "限时内找到的最少改动",
        "stopping": "正在停止：将写入目前最好的排班（再按一次 Ctrl-C 立即退出）",
        "aborted": "已停止：未写入任何文件",
        "interrupted_solve": "已按 Ctrl-C 停止：这是目前找到的最好排班",
        "interrupted_repair": "已按 Ctrl-C 停止：这是目前找到的最好修复",
        "initialised": "已在 {folder} 写入入门场景",
    },
}

LABELS: dict[Lang, dict[str, str]] = {
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
        # no roster (solve, repair: exit 3 and 4)
        "no_roster": "No roster exists:",
        "center_heading": "center {center}:",
        "no_reason": "(no small reason found)",
        "not_found": "No roster found within {seconds} s for center(s) {centers}; try a longer "
                     "--time-limit",
        # repair
        "changes": "Changes: {n}",
        "employee_id": "employee_id",
        "before": "before",
        "after": "after",
        "reason": "reason",
        # explain
        "exists": "center {center}: a roster exists that keeps every hard rule",
        "unknown": "center {center}: could not tell within the time limit whether a roster "
                   "exists",
        "infeasible": "center {center}: no roster keeps every hard rule",
        "no_reason_in_time": "(no small reason found in time; try a longer --time-limit)",
        "no_answer": "No answer within {seconds} s for center(s) {centers}; try a longer "
                     "--time-limit",
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
        "no_roster": "无可行排班：",
        "center_heading": "中心 {center}：",
        "no_reason": "（未找到简短的原因）",
        "not_found": "{seconds} 秒内没有为中心 {centers} 找到排班；请加大 --time-limit",
        "changes": "改动: {n}",
        "employee_id": "工号",
        "before": "原班次",
        "after": "新班次",
        "reason": "原因",
        "exists": "中心 {center}：存在遵守全部硬性规则的排班",
        "unknown": "中心 {center}：在时间限制内无法判断是否存在可行排班",
        "infeasible": "中心 {center}：没有排班能遵守全部硬性规则（无可行排班）",
        "no_reason_in_time": "（限时内未找到简短的原因；请加大 --time-limit）",
        "no_answer": "{seconds} 秒内无法判断中心 {centers} 是否存在可行排班；请加大 --time-limit",
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


def report_data(report: ValidationReport, lang: Lang = "en") -> dict[str, Any]:
    """The report as JSON data (dates ISO; messages in ``lang``, keys in English)."""
    return {
        "violations": [
            {"rule": v.rule, "center": v.center, "employee_ids": list(v.employee_ids),
             "dates": [d.isoformat() for d in v.dates], "message": v.render(lang)}
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


def report_table(report: ValidationReport, lang: Lang) -> str:
    """The report as text tables, headings and messages in ``lang`` (zh or en)."""
    t = LABELS[lang]
    lines = [f"{t['violations']}: {len(report.violations) or t['none']}"]
    if report.violations:
        lines += _table(
            [t["rule"], t["center"], t["employees"], t["dates"], t["message"]],
            [[v.rule, v.center, ", ".join(v.employee_ids), date_ranges(v.dates),
              v.render(lang)] for v in report.violations])
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


def report_csv(report: ValidationReport, lang: Lang = "en") -> str:
    """The report as one CSV table, messages in ``lang``; ``section`` says what each row is
    (cells from input are escaped so a spreadsheet never runs them as formulas)."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    rows: list[list[object]] = []
    for v in report.violations:
        rows.append(["violation", v.rule, v.center, ";".join(v.employee_ids),
                     ";".join(d.isoformat() for d in v.dates), "", "", v.render(lang)])
    for p in report.penalties:
        rows.append(["penalty", p.rule, "", "", "", p.count, p.cost, ""])
    for a in report.acting_days:
        rows.append(["acting_day", "", a.center, f"{a.director_id};{a.senior_leader_id}",
                     a.date.isoformat(), "", "", ""])
    rows.append(["objective", "", "", "", "", "", report.objective, ""])
    writer.writerows([safe_cell(cell) for cell in row] for row in rows)
    return buf.getvalue()


@cli.command()
@click.argument("scenario", type=click.Path(path_type=Path))
@click.argument("roster_file", metavar="ROSTER", type=click.Path(path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "json"]), default="table",
              show_default=True, help="How to print the report on stdout.")
@click.option("--lang", type=click.Choice(LANGS), default=None,
              help="Language of the table headings and of the rules' messages (default: the "
                   "scenario's `language`); csv columns and json keys are always English.")
def validate(scenario: Path, roster_file: Path, fmt: str, lang: Lang | None) -> None:
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
        fail_input(exc, scenario, lang)
    words: Lang = lang or sc.language
    labels = LABELS[words]
    if fmt == "json":
        click.echo(json.dumps(report_data(report, words), ensure_ascii=False, indent=2))
    elif fmt == "csv":
        click.echo(report_csv(report, words), nl=False)
    else:
        click.echo(report_table(report, words), nl=False)
    if report.ok:
        click.echo(labels["ok"], err=True)
    else:
        click.echo(labels["broken"].format(n=len(report.violations)), err=True)
        sys.exit(EXIT_VIOLATIONS)


# --- roster repair -----------------------------------------------------------------------------

CHANGE_COLUMNS = ["employee_id", "date", "before", "after", "reason"]


def change_rows(centers: Sequence[CenterProblem], results: Sequence[RepairResult],
                lang: Lang = "en") -> list[list[str]]:
    """The rows of changes.csv: every changed cell, center by center, person by person (the
    reason in ``lang``)."""
    rows = []
    for cp, result in zip(centers, results, strict=True):
        for change in result.changes:
            day = cp.problem.days[change.day]
            rows.append([change.employee_id, day.label, change.before, change.after,
                         change.render_reason(lang)])
    return rows


@cli.command()
@click.argument("scenario", type=click.Path(path_type=Path))
@click.argument("roster_file", metavar="ROSTER", type=click.Path(path_type=Path))
@click.option("--out", "out_dir", required=True, type=click.Path(path_type=Path),
              help="Folder to write the repaired roster's files into (never half-written).")
@click.option("--time-limit", default=10.0, show_default=True, type=click.FloatRange(0.1),
              help="Seconds of search in all (centers share it by size).")
@solve_options
@lang_option
def repair(scenario: Path, roster_file: Path, out_dir: Path, time_limit: float, workers: int,
           seed: int, relative_gap: float, force: bool, deterministic: bool,
           lang: Lang | None) -> None:
    """Repair a roster: the nearest roster that keeps every hard rule.

    Changes as few cells as possible, then, with that many changes, makes the roster as good as
    it can (the objective of roster solve). Approved leave and pinned cells never change. Writes
    the six files of roster solve and changes.csv (employee_id, date, before, after, reason)
    into OUT, and prints the changes. The reason of a change is the rules the given roster broke
    in that cell (R4: anywhere in the person's month; cover: anyone's cell that date), or, for a
    change that makes up for another one, the rules putting it back would break. --lang sets
    the language of the printed changes, the reasons and the messages.

    ROSTER is read as roster validate reads it (CSV or .xlsx, wide or long). Exit codes as
    roster solve: 0 written, 2 invalid input, 3 no roster keeps every hard rule (the reasons
    are printed), 4 no roster found within the time limit.

    Example: roster repair data/sample my-roster.xlsx --out out/fixed
    """
    from solver.repair import repair_many
    from solver.solve import SolveSettings

    start = time.perf_counter()
    try:
        sc = load_scenario(scenario)
        given = read_roster(roster_file, sc)
        out = OutputFolder(out_dir, force=force)
        centers = compile_scenario(sc)
    except InputError as exc:
        fail_input(exc, scenario, lang)
    words: Lang = lang or sc.language
    t = LABELS[words]
    fail_on_prechecks(centers, words)
    settings = SolveSettings(time_limit=time_limit, workers=workers, seed=seed,
                             relative_gap=relative_gap, deterministic=deterministic)
    log = LOG_LABELS[words]
    click.echo(log["repairing"].format(centers=len(centers), people=len(given),
                                       days=len(sc.month.dates), workers=workers,
                                       seconds=f"{time_limit:g}"), err=True)
    stop = StopSignal()
    results = interruptible(stop, lambda: repair_many(
        [c.problem for c in centers], given, settings, stop=stop), words)
    solved = [r.result for r in results]
    fail_unless_found(centers, solved, time_limit, words)
    status = "OPTIMAL" if all(r.status == "OPTIMAL" for r in solved) else "FEASIBLE"
    info = summary(sc, solved, settings, time.perf_counter() - start, status)
    info["interrupted"] = stop.requested
    info["repair"] = {
        "violations_before": sum(len(r.original.violations) for r in results),
        "changes": sum(len(r.changes) for r in results),
        "fewest_changes_proven": all(r.minimum_proven for r in results),
        "centers": [{"center": c.center, "violations_before": len(r.original.violations),
                     "changes": len(r.changes), "fewest_changes_proven": r.minimum_proven}
                    for c, r in zip(centers, results, strict=True)],
    }
    rows = change_rows(centers, results, words)
    fill_output(out, sc, centers, solved, info, words)
    out.add_csv("changes.csv", CHANGE_COLUMNS, rows)
    out.publish()
    lines = [t["changes"].format(n=len(rows) or t["none"])]
    if rows:
        lines += _table([t[column] for column in CHANGE_COLUMNS], rows)
    click.echo("\n".join(lines))
    fewest = log["fewest"] if info["repair"]["fewest_changes_proven"] else log["fewest_in_time"]
    click.echo(log["repaired"].format(status=status, before=info["repair"]["violations_before"],
                                      changed=len(rows), fewest=fewest,
                                      objective=info["objective"], out=out_dir), err=True)
    if stop.requested:
        click.echo(log["interrupted_repair"], err=True)
        sys.exit(EXIT_INTERRUPTED)


# --- roster explain ----------------------------------------------------------------------------

@cli.command("explain")
@click.argument("scenario", type=click.Path(path_type=Path))
@click.option("--time-limit", default=60.0, show_default=True, type=click.FloatRange(0.1),
              help="Seconds in all (centers share them).")
@click.option("--workers", default=2, show_default=True, type=click.IntRange(1, 64),
              help="CP-SAT worker threads for checking that a roster exists.")
@click.option("--max-conflicts", default=5, show_default=True,  # solver.explain.MAX_CONFLICTS
              type=click.IntRange(1, 100), help="Most independent conflicts to look for.")
@click.option("--lang", type=click.Choice(LANGS), default=None,
              help="Language of the explanation (default: the scenario's `language`).")
def explain_command(scenario: Path, time_limit: float, workers: int,
                    max_conflicts: int, lang: Lang | None) -> None:
    """Explain why a scenario has no roster that keeps every hard rule.

    Prints (to stdout), center by center, the plain contradictions in the data (such as the
    director and the senior leader on leave the same day) or else the smallest sets of rules,
    people and dates found that cannot all hold together: several independent ones where they
    exist, each of which alone leaves no roster, in the language of --lang. Exit code 0: every
    center has a roster (it says so); 3: some center has none; 4: it could not tell within the
    time limit; 2: invalid input.

    Example: roster explain my-center --time-limit 60 --max-conflicts 5
    """
    from solver.explain import conflict_lines, find_conflicts, has_roster, prechecks

    try:
        sc = load_scenario(scenario)
        centers = compile_scenario(sc)
    except InputError as exc:
        fail_input(exc, scenario, lang)
    words: Lang = lang or sc.language
    t = LABELS[words]
    deadline = time.perf_counter() + time_limit
    lines: list[str] = []
    infeasible: list[str] = []
    unknown: list[str] = []
    for i, cp in enumerate(centers):
        share = max(0.1, deadline - time.perf_counter()) / (len(centers) - i)
        found = prechecks(cp.problem)
        exists = False if found else has_roster(cp.problem, share / 2, workers)
        if exists:
            lines.append(t["exists"].format(center=cp.center))
            continue
        if exists is None:
            unknown.append(cp.center)
            lines.append(t["unknown"].format(center=cp.center))
            continue
        infeasible.append(cp.center)
        lines.append(t["infeasible"].format(center=cp.center))
        if found:
            lines += [f"  {v.render(words)}" for v in found]
            continue
        left = max(0.1, deadline - time.perf_counter()) / (len(centers) - i)
        conflicts = find_conflicts(cp.problem, left, max_conflicts)
        lines += [f"  {line}" for line in conflict_lines(conflicts, words)] if conflicts else [
            f"  {t['no_reason_in_time']}"]
    click.echo("\n".join(lines))
    if infeasible:
        sys.exit(EXIT_INFEASIBLE)
    if unknown:
        click.echo(t["no_answer"].format(seconds=f"{time_limit:g}", centers=", ".join(unknown)),
                   err=True)
        sys.exit(EXIT_NO_ROSTER)




def main() -> None:
    try:
        cli()
    except ModelCheckerMismatch as exc:
        click.echo(f"internal error, nothing was written (please report this bug): {exc}",
                   err=True)
        sys.exit(EXIT_BUG)
