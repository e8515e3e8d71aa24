"""The fuzzing harness: a small valid input for every reader, and what every run must keep.

:func:`write_inputs` writes, under one folder:

* ``scenario/``: ``roster init``'s starter scenario (October 2026, one center C1 of 12 people),
  with a few rows added to its optional tables (history, ads, calendar) and requests of every type;
* ``roster.csv`` (long), ``roster_wide.csv`` and ``roster.xlsx`` (a hand-made wide grid with a
  title row and a weekday row): one roster of that scenario in three files;
* ``assess/``: the scoring tests' tiny department (February 2026) with an explicit
  ``[assessment]`` table, and ``month/``: its roster, sales, lines, ratings, commissions,
  overrides and performance tables;
* ``curtois/``: the tiny benchmark instance and a valid solution of it.

A :class:`Target` is one of these files with the command that reads it. :func:`run_mutated` copies
the folder, replaces the target file with mutated bytes, runs the command in-process and checks
:func:`assert_clean_exit`: no exception, a known exit code and, for exit 2, a message on stderr
whose every line names an input file (the mutated one when the file is unreadable), nothing on
stdout, and no output file or folder made.
"""

from __future__ import annotations

import io
import shutil
import tempfile
import traceback
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from click.testing import CliRunner, Result
from curtois.tiny import VALID, solution_text, write_tiny
from scoring.builders import write_month
from scoring.builders import write_scenario as write_assessed_scenario

from roster.cli import cli
from roster.domain import Month
from roster.init import write_starter_scenario
from roster.io.scenario_reader import load_scenario

from .mutations import Mutated

MONTH = Month(year=2026, month=10)
EXIT_INPUT = 2
MAX_LINE = 1_500  # characters in one line of an error message (a 10 MB cell is cut short)

HISTORY = "employee_id,date,shift\nA04,2026-09-29,E\nA04,2026-09-30,M\nA06,2026-09-30,OFF\n"
ADS = "中心,日期,开始,结束\nC1,2026-10-05,12:00,12:30\nC1,2026-10-06,23:30,00:30\n"
CALENDAR = "date,kind,name\n2026-10-10,workday,国庆节调休\n2026-10-20,holiday,公司庆典\n"
MORE_REQUESTS = "A06,2026-10-03,,固定,E,\nA07,2026-10-04,,不上,M,5\nA09,2026-10-21,,休,,30\n"
ASSESSMENT = """
[assessment]
threshold = 0.85
scoring = "threshold"
no_acting_days = "double_b"
missing_rater = "error"
remove_below = 70
allowance = 200
commission_rate = 0.2
min_leader_months = 6

[assessment.criteria]
B1 = 15
B2 = 10
B3 = 10
B4 = 7.5
B5 = 7.5

[assessment.role_weights]
manager = 0.4
director = 0.3
employee = 0.3
"""
OVERRIDES = "center,decision,reason\nC,keep,a written reason\n"
PERFORMANCE = "工号,月份,销售额,线数\nS,2026-01,300,10\nT,2026-01,100,5\nA1,2026-01,500,20\n"


def roster_cells() -> dict[str, list[str]]:
    """A roster of the starter scenario: everyone on E, two days off a week (not both the
    director and the senior leader); hard rules may break, which is fine for a reader."""
    ids = [f"A{i:02d}" for i in range(1, 13)]
    out = {}
    for i, eid in enumerate(ids):
        out[eid] = ["OFF" if (d + i) % 7 in (0, 1) else ("M" if i % 3 else "E")
                    for d in range(len(MONTH.dates))]
    out["A05"][9] = out["A05"][10] = "LEAVE"
    return out


def write_rosters(root: Path) -> None:
    import openpyxl

    cells = roster_cells()
    dates = MONTH.dates
    long_rows = ["employee_id,date,shift"] + [
        f"{eid},{date.isoformat()},{cell}" for eid, row in cells.items()
        for date, cell in zip(dates, row, strict=True)]
    (root / "roster.csv").write_text("\n".join(long_rows) + "\n", encoding="utf-8")
    wide = ["工号," + ",".join(d.isoformat() for d in dates)]
    wide += [f"{eid}," + ",".join(row) for eid, row in cells.items()]
    (root / "roster_wide.csv").write_text("\ufeff" + "\n".join(wide) + "\n", encoding="utf-8")

    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append(["2026年10月 排班表"])
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=10)
    sheet.append(["工号", "姓名", *[d if d.day % 2 else d.day for d in dates]])
    sheet.append(["", "", *["一二三四五六日"[d.weekday()] for d in dates]])
    names = {e.employee_id: e.name for e in load_scenario(root / "scenario").staff}
    for eid, row in cells.items():
        sheet.append([eid, names[eid], *["休" if c == "OFF" else c for c in row]])
    sheet.append(["", "", *[None for _ in dates], "合计"])
    workbook.save(root / "roster.xlsx")


def write_inputs(root: Path) -> Path:
    """Write every valid input under ``root`` (see the module's docstring); return ``root``."""
    scenario = root / "scenario"
    write_starter_scenario(scenario, MONTH)
    (scenario / "history.csv").write_text(HISTORY, encoding="utf-8")
    (scenario / "ads.csv").write_text(ADS, encoding="utf-8")
    (scenario / "calendar.csv").write_text(CALENDAR, encoding="utf-8")
    with (scenario / "requests.csv").open("a", encoding="utf-8", newline="") as fh:
        fh.write(MORE_REQUESTS)
    write_rosters(root)

    write_assessed_scenario(root / "assess", ASSESSMENT)
    month = root / "month"
    write_month(month)
    (month / "overrides.csv").write_text(OVERRIDES, encoding="utf-8")
    (month / "performance.csv").write_text(PERFORMANCE, encoding="utf-8")

    curtois = root / "curtois"
    curtois.mkdir()
    write_tiny(curtois)
    (curtois / "solution.csv").write_text(solution_text(VALID), encoding="utf-8")
    return root


# --- commands ------------------------------------------------------------------------------------


def validate(root: Path, roster: str = "roster.csv") -> list[Path | str]:
    return ["validate", root / "scenario", root / roster]


def score(root: Path) -> list[Path | str]:
    m = root / "month"
    return ["score", root / "assess", m / "roster.csv", "--sales", m / "sales.csv",
            "--lines", m / "lines.csv", "--ratings", m / "ratings.csv",
            "--commissions", m / "commissions.csv", "--overrides", m / "overrides.csv"]


def eligible(root: Path) -> list[Path | str]:
    return ["eligible", root / "assess", "--performance", root / "month" / "performance.csv",
            "--as-of", "2026-03-01"]


def curtois_check(root: Path) -> list[Path | str]:
    return ["curtois", "check", root / "curtois" / "Tiny.txt", root / "curtois" / "solution.csv"]


@dataclass(frozen=True)
class Target:
    """An input file (its path under the inputs' root) and the command that reads it."""

    file: str
    kind: str  # csv, toml, xlsx or curtois: which mutations apply
    command: Callable[[Path], list[Path | str]]
    #: the names an error message may give (the files the command reads, and their folders)
    names: tuple[str, ...] = ()
    #: the exit codes of the unbroken inputs (validate: the roster may break rules)
    valid_codes: tuple[int, ...] = (0,)
    #: the exit codes of broken ones
    codes: tuple[int, ...] = (0, 1, 2, 3)

    @property
    def name(self) -> str:
        return Path(self.file).name


SCENARIO_NAMES = ("scenario", "scenario.toml", "staff.csv", "demand.csv", "requests.csv",
                  "history.csv", "ads.csv", "calendar.csv")
SCORE_NAMES = ("assess", "scenario.toml", "staff.csv", "demand.csv", "roster.csv", "sales.csv",
               "lines.csv", "ratings.csv", "commissions.csv", "overrides.csv")


def _scenario_target(file: str, kind: str = "csv") -> Target:
    return Target(f"scenario/{file}", kind, validate, (*SCENARIO_NAMES, "roster.csv"), (0, 1))


def _roster_target(file: str, kind: str) -> Target:
    return Target(file, kind, lambda root: validate(root, file), (*SCENARIO_NAMES, file), (0, 1))


SCENARIO_TARGETS = tuple(
    _scenario_target(f, "toml" if f.endswith(".toml") else "csv") for f in SCENARIO_NAMES[1:])
ROSTER_TARGETS = (_roster_target("roster.csv", "csv"), _roster_target("roster_wide.csv", "csv"),
                  _roster_target("roster.xlsx", "xlsx"))
LEDGER_TARGETS = (
    *(Target(f"month/{f}", "csv", score, SCORE_NAMES)
      for f in ("sales.csv", "lines.csv", "ratings.csv", "commissions.csv", "overrides.csv")),
    Target("assess/scenario.toml", "toml", score, SCORE_NAMES),
    Target("month/performance.csv", "csv", eligible,
           ("assess", "scenario.toml", "staff.csv", "demand.csv", "performance.csv")),
)
CURTOIS_TARGETS = (Target("curtois/Tiny.txt", "curtois", curtois_check, ("Tiny.txt",
                                                                          "solution.csv")),
                   Target("curtois/solution.csv", "csv", curtois_check, ("Tiny.txt",
                                                                        "solution.csv")))
ALL_TARGETS = SCENARIO_TARGETS + ROSTER_TARGETS + LEDGER_TARGETS + CURTOIS_TARGETS


# --- running and checking ------------------------------------------------------------------------


def invoke(args: Sequence[Path | str]) -> Result:
    return CliRunner().invoke(cli, [str(a) for a in args])


def _trace(result: Result) -> str:
    if result.exc_info is None:
        return ""
    buf = io.StringIO()
    traceback.print_exception(*result.exc_info, file=buf)
    return buf.getvalue()


def assert_clean_exit(result: Result, target: Target, mutated: Mutated | None = None, *,
                      codes: Sequence[int] = (0, 1, 2, 3),
                      outputs: Sequence[Path] = ()) -> None:
    """No traceback, a known exit code; on exit 2 a clear message on stderr and no output."""
    assert result.exception is None or isinstance(result.exception, SystemExit), (
        f"{target.file}: uncaught exception\n{_trace(result)}")
    assert "Traceback" not in result.output
    assert result.exit_code in codes, (target.file, result.exit_code, result.output[-2000:])
    if result.exit_code != EXIT_INPUT:
        return
    assert result.stdout == "", f"{target.file}: exit 2 printed data on stdout"
    message = result.stderr.strip()
    assert message, f"{target.file}: exit 2 without a message"
    for line in message.splitlines():
        assert line.startswith(target.names), (
            f"{target.file}: a line of the message names no input file: {line[:300]!r}")
        assert len(line) <= MAX_LINE, f"{target.file}: a {len(line):,}-character line"
    if mutated is not None and mutated.unreadable:
        assert target.name in message, (target.file, message[:2000])
    for path in outputs:
        assert not path.exists(), f"{target.file}: exit 2 but {path.name} was written"


def run_mutated(base: Path, target: Target, mutated: Mutated,
                check: Callable[[Path, Result], None] | None = None) -> Result:
    """Run ``target``'s command on a copy of the inputs ``base`` whose target file is
    ``mutated``, and check the outcome; ``check(root, result)`` may check more in the copy."""
    return run_changed(base, target, lambda path: path.write_bytes(mutated.data), mutated, check)


def run_changed(base: Path, target: Target, change: Callable[[Path], object],
                mutated: Mutated | None = None,
                check: Callable[[Path, Result], None] | None = None) -> Result:
    """As :func:`run_mutated`, the target file changed in the copy by ``change(path)``."""
    with tempfile.TemporaryDirectory(prefix="fuzz-") as tmp:
        root = Path(tmp) / "in"
        shutil.copytree(base, root)
        change(root / target.file)
        result = invoke(target.command(root))
        assert_clean_exit(result, target, mutated, codes=target.codes)
        if check is not None:
            check(root, result)
        return result
