"""``roster export`` run through click's CliRunner: formats, messages, exit codes, overwriting."""

from __future__ import annotations

import csv
import io
import os
from pathlib import Path

import icalendar
from click.testing import CliRunner, Result
from openpyxl import load_workbook

from roster.commands_export import EXIT_INPUT, EXIT_OK, export

from .builders import ROSTER, write_roster, write_scenario

BROKEN = "the roster breaks 21 hard rule(s); they are marked in the export\n"


def run(*args: object) -> Result:
    return CliRunner().invoke(export, [str(a) for a in args])


def test_help_has_an_example() -> None:
    """--help describes the formats and gives an example."""
    result = run("--help")
    assert result.exit_code == EXIT_OK
    assert "Example:" in result.output
    assert "roster export data/sample data/sample/roster_example.csv --format xlsx" in (
        result.output)
    for fmt in ("xlsx", "html", "ics", "csv"):
        assert f"{fmt} " in result.output


def test_xlsx_is_written(scenario: Path, roster_file: Path, tmp_path: Path) -> None:
    """--format xlsx: exit 0, the workbook written, what was written and the violations said."""
    out = tmp_path / "out" / "roster.xlsx"
    result = run(scenario, roster_file, "--format", "xlsx", "-o", out)
    assert result.exit_code == EXIT_OK, result.output
    assert result.stdout == ""
    assert result.stderr == f"wrote {out}\n{BROKEN}"
    assert load_workbook(out).sheetnames == ["IN Inbound", "Summary"]
    assert [p.name for p in out.parent.iterdir()] == ["roster.xlsx"]  # no temporary file left


def test_format_from_the_suffix(scenario: Path, roster_file: Path, tmp_path: Path) -> None:
    """Without --format, .html, .csv and .xlsx name the format; another suffix is refused."""
    for suffix, start in ((".html", b"<!DOCTYPE html>"), (".csv", b"\xef\xbb\xbfcenter,"),
                          (".xlsx", b"PK")):
        out = tmp_path / f"export{suffix}"
        assert run(scenario, roster_file, "-o", out).exit_code == EXIT_OK
        assert out.read_bytes().startswith(start)
    for name in ("export.txt", "export.ics"):  # ics writes a folder: --format is needed
        result = run(scenario, roster_file, "-o", tmp_path / name)
        assert result.exit_code == EXIT_INPUT
        assert result.stderr == (f"--format: cannot tell the format from "
                                 f"{str(tmp_path / name)!r}; give --format xlsx, html, ics "
                                 f"or csv\n")
        assert not (tmp_path / name).exists()


def test_messages_in_chinese(tmp_path: Path) -> None:
    """The scenario's language is the default; --lang overrides it."""
    scenario = write_scenario(tmp_path / "zh", language="zh")
    roster_file = write_roster(tmp_path / "roster.csv")
    out = tmp_path / "r.html"
    result = run(scenario, roster_file, "-o", out)
    assert result.stderr == f"已写入 {out}\n排班违反硬性规则 21 处，已在导出文件中标出\n"
    assert '<html lang="zh-CN">' in out.read_text("utf-8")
    result = run(scenario, roster_file, "-o", out)
    assert result.exit_code == EXIT_INPUT
    assert result.stderr == f"{out}：已存在；使用 --force 覆盖\n"
    result = run(scenario, roster_file, "-o", out, "--force", "--lang", "en")
    assert result.exit_code == EXIT_OK
    assert result.stderr.startswith(f"wrote {out}\n")
    assert '<html lang="en">' in out.read_text("utf-8")


def test_an_existing_file_is_kept_without_force(scenario: Path, roster_file: Path,
                                                tmp_path: Path) -> None:
    """Exit 2 and the file untouched; with --force it is replaced."""
    out = tmp_path / "export.csv"
    out.write_text("keep me", "utf-8")
    result = run(scenario, roster_file, "-o", out)
    assert result.exit_code == EXIT_INPUT
    assert result.stderr == f"{out}: exists; use --force to replace it\n"
    assert out.read_text("utf-8") == "keep me"
    assert run(scenario, roster_file, "-o", out, "--force").exit_code == EXIT_OK
    assert out.read_text("utf-8-sig").startswith("center,team,employee_id,name,role,2026-10-01")


def test_the_roster_read_is_never_overwritten(scenario: Path, roster_file: Path) -> None:
    """-o naming the ROSTER file itself is refused, even with --force."""
    before = roster_file.read_bytes()
    result = run(scenario, roster_file, "-o", roster_file, "--force")
    assert result.exit_code == EXIT_INPUT
    assert result.stderr == f"{roster_file}: is the roster being read; write the export elsewhere\n"
    assert roster_file.read_bytes() == before


def test_csv_long_layout(scenario: Path, roster_file: Path, tmp_path: Path) -> None:
    """--layout long writes one row per person and date."""
    out = tmp_path / "long.csv"
    assert run(scenario, roster_file, "-o", out, "--layout", "long").exit_code == EXIT_OK
    table = list(csv.reader(io.StringIO(out.read_text("utf-8-sig"))))
    assert table[0] == ["center", "team", "employee_id", "name", "role", "date", "shift"]
    assert len(table) == 1 + 6 * 31


def test_layout_is_for_csv_only(scenario: Path, roster_file: Path, tmp_path: Path) -> None:
    """--layout with another format is a usage error (exit 2), and nothing is written."""
    out = tmp_path / "r.xlsx"
    result = run(scenario, roster_file, "-o", out, "--layout", "long")
    assert result.exit_code == EXIT_INPUT
    assert result.stderr == "--layout: only for --format csv, not xlsx\n"
    assert not out.exists()


def test_csv_to_stdout(scenario: Path, roster_file: Path) -> None:
    """-o - prints the CSV (with its BOM) on stdout and says nothing about a file."""
    result = run(scenario, roster_file, "--format", "csv", "-o", "-")
    assert result.exit_code == EXIT_OK
    assert result.stdout_bytes.startswith(b"\xef\xbb\xbfcenter,team,employee_id")
    assert result.stderr == BROKEN


def test_ics_folder(scenario: Path, roster_file: Path, tmp_path: Path) -> None:
    """--format ics fills a folder with one calendar per person; a non-empty one needs --force."""
    out = tmp_path / "calendars"
    umask = os.umask(0o022)
    try:
        result = run(scenario, roster_file, "--format", "ics", "-o", out)
    finally:
        os.umask(umask)
    assert result.exit_code == EXIT_OK, result.output
    assert result.stderr == f"wrote 6 calendar file(s) to {out}\n{BROKEN}"
    assert sorted(p.name for p in out.iterdir()) == sorted(f"{pid}.ics" for pid in ROSTER)
    assert out.stat().st_mode & 0o777 == 0o755  # as a folder made by hand, not private
    cal = icalendar.Calendar.from_ical((out / "A1.ics").read_bytes())
    assert len(list(cal.walk("VEVENT"))) == 23
    again = run(scenario, roster_file, "--format", "ics", "-o", out)
    assert again.exit_code == EXIT_INPUT
    assert again.stderr == f"{out}: exists; use --force to replace it\n"
    assert run(scenario, roster_file, "--format", "ics", "-o", out, "--force").exit_code == 0


def test_invalid_roster_exits_2_without_a_traceback(scenario: Path, tmp_path: Path) -> None:
    """An unknown person in the roster: exit 2, the reader's message, nothing written."""
    roster = dict(ROSTER)
    roster["X9"] = roster.pop("A3")
    bad = write_roster(tmp_path / "bad.csv", roster)
    out = tmp_path / "r.xlsx"
    result = run(scenario, bad, "-o", out)
    assert result.exit_code == EXIT_INPUT
    assert "Traceback" not in result.output
    assert result.stderr == (
        "bad.csv, row 7, column 'employee_id': unknown employee_id 'X9': not among the "
        "scenario's staff\n"
        "bad.csv, column 'employee_id': =1+2 (A3) of center IN is missing: every person of "
        "the scenario needs a row\n")
    assert not out.exists()


def test_missing_scenario_exits_2(roster_file: Path, tmp_path: Path) -> None:
    """A scenario folder that doesn't exist: exit 2 with the loader's message."""
    result = run(tmp_path / "nowhere", roster_file, "-o", tmp_path / "r.html")
    assert result.exit_code == EXIT_INPUT
    assert result.stderr == f"{tmp_path / 'nowhere'}: scenario folder not found\n"
