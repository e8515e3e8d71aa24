"""The ``roster export`` command (registered in :mod:`roster.cli`).

Messages go to stderr in the chosen language; with ``-o -`` the csv or html goes to stdout.
Exit codes: 0 written, 2 invalid input or usage (nothing written).
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import NoReturn

import click

from roster.errors import InputError
from roster.export import (
    FORMATS,
    LANGS,
    LAYOUTS,
    Format,
    Lang,
    Layout,
    build_export,
    format_of,
    write_export,
)
from roster.export.csv import to_csv
from roster.export.html import to_html
from roster.export.labels import labels
from roster.io.roster_reader import read_roster
from roster.io.scenario_reader import load_scenario, message_language

EXIT_OK = 0
EXIT_INPUT = 2

STDOUT = Path("-")


def _fail(message: str) -> NoReturn:
    click.echo(message, err=True)
    sys.exit(EXIT_INPUT)


@click.command("export")
@click.argument("scenario", type=click.Path(path_type=Path))
@click.argument("roster_file", metavar="ROSTER", type=click.Path(path_type=Path, dir_okay=False))
@click.option("--format", "fmt", type=click.Choice(FORMATS), default=None,
              help="xlsx: a workbook, a sheet per center and a summary; html: one "
                   "self-contained page with a chart; ics: one calendar file per person, into "
                   "the folder -o; csv: the grid or one row per cell (see --layout). Default: "
                   "from the suffix of -o (.xlsx, .html, .csv).")
@click.option("-o", "--out", "out", required=True, type=click.Path(path_type=Path),
              help="The file to write (ics: the folder); - for stdout (csv and html).")
@click.option("--lang", type=click.Choice(LANGS), default=None,
              help="Language of every label and message (default: the scenario's `language`).")
@click.option("--layout", type=click.Choice(LAYOUTS), default=None,
              help="csv only: wide (one row per person, one column per date; the default) or "
                   "long (employee_id, date, shift: one row per person and date).")
@click.option("--force", is_flag=True, help="Replace an existing file (ics: non-empty folder).")
def export(scenario: Path, roster_file: Path, fmt: Format | None, out: Path,
           lang: Lang | None, layout: Layout | None, force: bool) -> None:
    """Export a roster as an Excel workbook, a web page, calendars or CSV.

    ROSTER is anything `roster validate` reads (CSV or .xlsx, wide or long). The roster is
    checked as `roster validate` checks it, and the broken hard rules are marked in the
    export (exit code 0 all the same; the count goes to stderr).

    \b
    xlsx  one sheet per center: people by dates, coloured by shift, weekends and
          holidays shaded, acting days marked, totals per person, agents on each
          shift against demand; frozen header and names; prints on A4 landscape.
          A summary sheet lists the acting days and the violations.
    html  one self-contained page (no network): the same grids, violations
          outlined and explained on hover, a chart of cover against demand.
    ics   one iCalendar file per person in the folder -o: each shift an event,
          times in Asia/Shanghai.
    csv   --layout wide (default) or long; UTF-8 with BOM; text starting with
          = + - @ is escaped so a spreadsheet never runs it.

    Files are written atomically; an existing file (ics: a non-empty folder) is replaced only
    with --force. Exit codes: 0 written, 2 invalid input or usage (nothing written).

    \b
    Example:
      roster export data/sample data/sample/roster_example.csv --format xlsx -o roster.xlsx
      roster export data/sample data/sample/roster_example.csv -o roster.html --lang en
      roster export data/sample data/sample/roster_example.csv --format ics -o calendars/
    """
    try:
        sc = load_scenario(scenario)
    except InputError as exc:
        _fail(exc.render(message_language(scenario, lang)))
    words = lang or sc.language
    t = labels(words)
    fmt = fmt or format_of(out)
    if fmt is None:
        _fail(t["no_format"].format(path=str(out)))
    if layout is not None and fmt != "csv":
        _fail(t["layout_only"].format(fmt=fmt))
    to_stdout = out == STDOUT
    if to_stdout and fmt not in ("csv", "html"):
        _fail(t["stdout_only"].format(fmt=fmt))
    if not to_stdout and out.exists() and roster_file.exists() and out.samefile(roster_file):
        _fail(t["same_file"].format(path=str(out)))
    if not to_stdout and not force:
        if fmt == "ics" and out.exists() and not out.is_dir():
            _fail(t["not_folder"].format(path=str(out)))
        if fmt == "ics" and out.is_dir() and any(out.iterdir()):
            _fail(t["exists"].format(path=str(out)))
        if fmt != "ics" and out.is_dir():
            _fail(t["is_folder"].format(path=str(out)))
        if fmt != "ics" and out.exists():
            _fail(t["exists"].format(path=str(out)))
    try:
        roster = read_roster(roster_file, sc)
        data = build_export(sc, roster, roster_file.name)
        if to_stdout:
            if fmt == "csv":
                sys.stdout.flush()
                sys.stdout.buffer.write(to_csv(data, words, layout or "wide"))
            else:
                click.echo(to_html(data, words), nl=False)
            num_files = 0
        else:
            num_files = write_export(data, fmt, out, words, layout=layout or "wide",
                                     force=force)
    except InputError as exc:
        _fail(exc.render(words))
    except ValueError as exc:
        _fail(str(exc))
    except OSError as exc:
        _fail(f"{out}: {exc.strerror or exc}")
    if not to_stdout:
        message = t["wrote_ics"] if fmt == "ics" else t["wrote"]
        click.echo(message.format(path=str(out), n=num_files), err=True)
    if not data.report.ok:
        click.echo(t["warn_broken"].format(n=len(data.report.violations)), err=True)
