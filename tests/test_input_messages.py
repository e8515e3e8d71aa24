"""Errors about bad input, in Chinese and English: each reader's messages, pydantic's, the CLI's.

Every problem is a text of solver.messages, rendered in the command's language (``--lang``, else
the ``language`` the scenario's scenario.toml states, else English): "staff.csv, row 5, column
'role': …" reads "staff.csv 第 5 行「role」列：…". ``str()`` stays the English rendering, word for
word as before. The catalogue's keys (both languages, the same placeholders) are checked with the
others in test_messages.py.
"""

from __future__ import annotations

import codecs
import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result
from pydantic import BaseModel, Field, ValidationError, field_validator
from pydantic_core import ErrorDetails
from scoring.builders import write_month
from scoring.builders import write_scenario as write_assessed_scenario
from test_validate import clean_roster, write_roster, write_scenario

from roster.calendar import month_calendar
from roster.cli import EXIT_INPUT, cli
from roster.domain import (
    AssessmentSettings,
    Center,
    DemandRow,
    Employee,
    Month,
    RuleSettings,
    ShiftType,
)
from roster.errors import InputError, InputProblem, InvalidValue, error_text, pydantic_text
from roster.init import write_starter_scenario
from roster.io.assessment_reader import read_assessment_inputs, read_performance
from roster.io.encoding import read_text
from roster.io.roster_reader import read_roster
from roster.io.scenario_reader import load_scenario, message_language, peek_language
from roster.io.tables import Column, Problems, parse_int, parse_table
from roster.io.writers import OutputFolder, write_file
from solver.messages import Text

STAFF = "employee_id,name,role,center,team\n"


def run(*args: object) -> Result:
    return CliRunner().invoke(cli, [str(a) for a in args])


def both(action: Callable[[], object]) -> tuple[list[str], list[str]]:
    """The lines of the InputError ``action`` raises, in English and in Chinese; ``str()`` of
    the error is the English."""
    with pytest.raises(InputError) as info:
        action()
    english = info.value.render("en")
    assert str(info.value) == english
    return english.splitlines(), info.value.render("zh").splitlines()


# --- where a problem is ----------------------------------------------------------------------

def test_the_location_in_both_languages() -> None:
    text = Text.of("table.whole_number", lo=0, hi=31, got="many")
    cases = [
        (InputProblem("staff.csv", text, 5, "days_off"),
         "staff.csv, row 5, column 'days_off': expected a whole number from 0 to 31, got 'many'",
         "staff.csv 第 5 行「days_off」列：应为 0 到 31 之间的整数，实际为 'many'"),
        (InputProblem("staff.csv", text, 5),
         "staff.csv, row 5: expected a whole number from 0 to 31, got 'many'",
         "staff.csv 第 5 行：应为 0 到 31 之间的整数，实际为 'many'"),
        (InputProblem("roster.csv", text, None, "工号"),
         "roster.csv, column '工号': expected a whole number from 0 to 31, got 'many'",
         "roster.csv「工号」列：应为 0 到 31 之间的整数，实际为 'many'"),
        (InputProblem("staff.csv", text),
         "staff.csv: expected a whole number from 0 to 31, got 'many'",
         "staff.csv：应为 0 到 31 之间的整数，实际为 'many'"),
    ]
    for problem, en, zh in cases:
        assert (str(problem), problem.render("en"), problem.render("zh")) == (en, en, zh)
        assert problem.message == en.split(": ", 1)[1]


def test_a_problem_equals_the_same_in_english_words() -> None:
    """A text equals the plain English it reads as (so a str message compares as before)."""
    text = Text.of("table.whole_number", lo=0, hi=31, got="many")
    english = "expected a whole number from 0 to 31, got 'many'"
    assert InputProblem("t.csv", text, 2, "x") == InputProblem("t.csv", english, 2, "x")
    assert hash(InputProblem("t.csv", text, 2)) == hash(InputProblem("t.csv", english, 2))
    assert InputProblem("t.csv", text, 2) != InputProblem("t.csv", text, 3)


def test_a_plain_message_is_the_same_in_every_language() -> None:
    """The Curtois benchmark's readers write English strings: only the location is translated."""
    problem = InputProblem("Tiny.txt", "line 3: expected 4 fields", 3)
    assert problem.render("zh") == "Tiny.txt 第 3 行：line 3: expected 4 fields"


def test_a_long_message_is_cut_with_a_note_in_its_language() -> None:
    problem = InputProblem("roster.csv", Text.of("roster.unknown_id", id="x" * 5_000), 2)
    en, zh = problem.render("en"), problem.render("zh")
    assert en.startswith("roster.csv, row 2: unknown employee_id 'xxx")
    assert "x … [4,138 characters cut] … x" in en and en.endswith("xxx': not among the "
                                                                  "scenario's staff")
    assert zh.startswith("roster.csv 第 2 行：未知的工号 'xxx")
    assert "x … [已省略 4,103 个字符] … x" in zh and zh.endswith("xxx'：场景的员工中没有此人")
    assert len(en) < 1_100 and len(zh) < 1_100


# --- each reader: one message in both languages ------------------------------------------------

def test_tables(tmp_path: Path) -> None:
    rows = parse_table("工号,休息天数\nA1,many\n", [Column("employee_id", ("工号",)),
                                                 Column("days_off", ("休息天数",))], name="t.csv")
    problems = Problems()
    parse_int(rows[0], "days_off", 0, 31, problems)
    (problem,) = problems
    assert str(problem) == ("t.csv, row 2, column '休息天数': expected a whole number from 0 to "
                            "31, got 'many'")
    assert problem.render("zh") == ("t.csv 第 2 行「休息天数」列：应为 0 到 31 之间的整数，"
                                    "实际为 'many'")

    def empty() -> None:
        parse_table("", [Column("employee_id", ("工号",)), Column("name")], name="staff.csv")
    assert both(empty) == (
        ["staff.csv: the file is empty; expected a header row (employee_id, name)"],
        ["staff.csv：文件是空的，应有表头行（employee_id、name）"])


def test_missing_column_and_the_semicolon_hint(tmp_path: Path) -> None:
    def semicolons() -> None:
        parse_table("employee_id;name\nA1;Ann\n", [Column("employee_id", ("工號", "工号")),
                                                  Column("name")], name="staff.csv")
    en, zh = both(semicolons)
    assert en[0] == (
        "staff.csv, row 1, column 'employee_id': missing column 'employee_id' (or 工號, 工号); "
        "the header row has: 'employee_id;name'; the cells seem separated by ';' or tabs, not "
        "commas: save as CSV")
    assert zh[0] == (
        "staff.csv 第 1 行「employee_id」列：缺少 'employee_id' 列（或工號、工号）；表头行为："
        "'employee_id;name'；单元格似乎是用分号或制表符分隔的，而不是逗号：请另存为 CSV")


def test_encoding(tmp_path: Path) -> None:
    path = tmp_path / "staff.csv"
    path.write_bytes(codecs.BOM_UTF16_LE + STAFF.encode("utf-16-le"))
    assert both(lambda: read_text(path)) == (
        ["staff.csv: the file is encoded as UTF-16; accepted encodings are UTF-8 (with or "
         "without a BOM) or GB18030 (GBK): save it again as 'CSV UTF-8' (in Excel: Save As > "
         "CSV UTF-8 (Comma delimited))"],
        ["staff.csv：文件的编码为 UTF-16；可接受的编码为 UTF-8（带或不带 BOM）或 GB18030（GBK）："
         "请重新另存为“CSV UTF-8”（Excel 中：另存为 > CSV UTF-8（逗号分隔））"])


def test_scenario_tables(tmp_path: Path) -> None:
    """staff.csv: a role nobody knows, an id given twice."""
    scenario = write_scenario(tmp_path / "scenario")
    staff = (scenario / "staff.csv").read_text(encoding="utf-8")
    (scenario / "staff.csv").write_text(
        staff.replace("A1,Ann,agent", "A1,Ann,boss") + "A2,Bo,agent,IN,A\n", encoding="utf-8")
    assert both(lambda: load_scenario(scenario)) == ([
        "staff.csv, row 5, column 'role': expected a role: director, senior_leader, team_leader "
        "or agent (中心主任, 资深组长, 组长, 座席), got 'boss'",
        "staff.csv, row 6, column 'employee_id': employee_id 'A2' is given more than once "
        "(rows 6, 8)",
        "staff.csv, row 8, column 'employee_id': employee_id 'A2' is given more than once "
        "(rows 6, 8)",
    ], [
        "staff.csv 第 5 行「role」列：应为角色：director、senior_leader、team_leader 或 agent"
        "（中心主任、资深组长、组长、座席），实际为 'boss'",
        "staff.csv 第 6 行「employee_id」列：工号 'A2' 重复出现（第 6、8 行）",
        "staff.csv 第 8 行「employee_id」列：工号 'A2' 重复出现（第 6、8 行）",
    ])


def test_scenario_toml_and_pydantics_errors(tmp_path: Path) -> None:
    """The rules' values checked by pydantic: its messages by type, with the value given."""
    scenario = write_scenario(tmp_path / "scenario")
    with (scenario / "scenario.toml").open("a", encoding="utf-8") as fh:
        fh.write("\n[rules]\ndays_off = -1\ncover_shortfall = \"never\"\nmin_rest_hours = \"x\"\n"
                 "days_of = 8\n")
    assert both(lambda: load_scenario(scenario)) == ([
        "scenario.toml, row 28: rules.days_off: Input should be greater than or equal to 0, "
        "got -1",
        "scenario.toml, row 30: rules.min_rest_hours: Input should be a valid number, unable to "
        "parse string as a number, got 'x'",
        "scenario.toml, row 29: rules.cover_shortfall: Input should be 'forbid' or 'report', "
        "got 'never'",
        "scenario.toml, row 31: unknown key 'rules.days_of' (did you mean 'days_off'?); known "
        "keys here: pair_rule, days_off, leave_counts_as_day_off, max_consecutive_work_days, "
        "min_rest_hours, cover_shortfall, min_leaders_shortfall",
    ], [
        "scenario.toml 第 28 行：rules.days_off：应大于或等于 0，实际为 -1",
        "scenario.toml 第 30 行：rules.min_rest_hours：应为数字，无法把该文本解析为数字，"
        "实际为 'x'",
        "scenario.toml 第 29 行：rules.cover_shortfall：应为 'forbid' 或 'report'，"
        "实际为 'never'",
        "scenario.toml 第 31 行：未知的键 'rules.days_of'（是不是 'days_off'？）；此处可用的键："
        "pair_rule、days_off、leave_counts_as_day_off、max_consecutive_work_days、"
        "min_rest_hours、cover_shortfall、min_leaders_shortfall",
    ])


def test_scenario_toml_that_does_not_parse(tmp_path: Path) -> None:
    """tomllib's own words stay English; where it is, in either language."""
    scenario = write_scenario(tmp_path / "scenario")
    with (scenario / "scenario.toml").open("a", encoding="utf-8") as fh:
        fh.write("\n[scenario]\n")
    assert both(lambda: load_scenario(scenario)) == (
        ["scenario.toml, row 27: invalid TOML: Cannot declare ('scenario',) twice (line 27, "
         "column 10)"],
        ["scenario.toml 第 27 行：TOML 格式错误：Cannot declare ('scenario',) twice"
         "（第 27 行第 10 列）"])


def test_a_domain_check_in_a_row(tmp_path: Path) -> None:
    """A record pydantic refuses (an employee id of 65 characters): the row, in either
    language."""
    scenario = write_scenario(tmp_path / "scenario")
    with (scenario / "staff.csv").open("a", encoding="utf-8") as fh:
        fh.write("X" * 65 + ",Long,agent,IN,A\n")
    assert both(lambda: load_scenario(scenario)) == (
        ["staff.csv, row 8: String should have at most 64 characters"],
        ["staff.csv 第 8 行：最多只能有 64 个字符"])


def test_roster_reader(tmp_path: Path) -> None:
    """A weekday row of another month, an unknown shift."""
    sc = load_scenario(write_scenario(tmp_path / "scenario"))
    roster = clean_roster()
    roster["A1"][4] = "X"
    path = write_roster(tmp_path / "roster.csv", roster)
    lines = path.read_text(encoding="utf-8").splitlines()
    lines.insert(1, "," + ",".join("一二三四五六日"[(d + 2) % 7] for d in range(31)))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert both(lambda: read_roster(path, sc)) == ([
        "roster.csv, row 2, column '1': the weekday row says '三' for 2026-10-01, which is a "
        "Thursday (周四) (31 columns disagree); is this the roster of another month than "
        "2026-10?",
        "roster.csv, row 6, column '5': unknown shift 'X'; expected a shift code (E, L), OFF (休) "
        "or LEAVE (假)",
    ], [
        "roster.csv 第 2 行「1」列：星期行在 2026-10-01 下写的是 '三'，"
        "但这一天是周四（共 31 列不符）；"
        "这是不是 2026-10 以外其他月份的排班表？",
        "roster.csv 第 6 行「5」列：未知的班次 'X'，应为班次代码（E、L）、OFF（休）或 LEAVE（假）",
    ])


def test_roster_reader_long(tmp_path: Path) -> None:
    sc = load_scenario(write_scenario(tmp_path / "scenario"))
    path = tmp_path / "roster.csv"
    rows = [f"{pid},2026-10-{d:02d},E" for pid in clean_roster() for d in range(1, 32)]
    rows[1] = "D1,2026-10-01,E"
    path.write_text("employee_id,date,shift\n" + "\n".join(rows) + "\n", encoding="utf-8")
    assert both(lambda: read_roster(path, sc)) == ([
        "roster.csv, row 2, column 'date': the shift of D1 on 2026-10-01 is given more than once "
        "(rows 2, 3)",
        "roster.csv, row 3, column 'date': the shift of D1 on 2026-10-01 is given more than once "
        "(rows 2, 3)",
        "roster.csv, column 'date': no row for D1 on 2026-10-02",
    ], [
        "roster.csv 第 2 行「date」列：D1 在 2026-10-01 的班次重复出现（第 2、3 行）",
        "roster.csv 第 3 行「date」列：D1 在 2026-10-01 的班次重复出现（第 2、3 行）",
        "roster.csv「date」列：缺少 D1 在 2026-10-02 的行",
    ])


def test_assessment_reader(tmp_path: Path) -> None:
    """A rating above the criterion's maximum, an amount that is no number."""
    sc = load_scenario(write_assessed_scenario(tmp_path / "scenario"))
    month = write_month(tmp_path / "month")
    text = month["ratings"].read_text(encoding="utf-8")
    month["ratings"].write_text(text.replace("S,manager,M,B1,12", "S,manager,M,B1,16"),
                                encoding="utf-8")
    with month["sales"].open("a", encoding="utf-8") as fh:
        fh.write("o9,2026-02-05,A1,ten,shipped\n")
    en, zh = both(lambda: read_assessment_inputs(
        sc, sales=month["sales"], lines=month["lines"], ratings=month["ratings"],
        commissions=month["commissions"]))
    assert en == [
        "sales.csv, row 8, column 'amount': expected a number like 1234.50, got 'ten'",
        "ratings.csv, row 2, column 'points': 16 is above the maximum of B1, 15",
    ]
    assert zh == [
        "sales.csv 第 8 行「amount」列：应为 1234.50 这样的数字，实际为 'ten'",
        "ratings.csv 第 2 行「points」列：16 超过了 B1 的满分 15",
    ]


def test_performance_reader(tmp_path: Path) -> None:
    sc = load_scenario(write_assessed_scenario(tmp_path / "scenario"))
    path = tmp_path / "performance.csv"
    path.write_text("工号,月份,销售额\nS,2026年13月,300\nX9,2026-01,100\n", encoding="utf-8")
    assert both(lambda: read_performance(path, sc, as_of=dt.date(2026, 3, 1))) == ([
        "performance.csv, row 2, column '月份': expected a month like 2026-09, got '2026年13月'",
        "performance.csv, row 3, column '工号': unknown employee_id 'X9': not in staff.csv (for "
        "someone who has left, give their center and team)",
    ], [
        "performance.csv 第 2 行「月份」列：应为 2026-09 这样的月份，实际为 '2026年13月'",
        "performance.csv 第 3 行「工号」列：未知的工号 'X9'：staff.csv 中没有此人"
        "（已离职的人请填写其中心和组）",
    ])


def test_output_folder_and_file(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "roster.csv").write_text("x", encoding="utf-8")
    assert both(lambda: OutputFolder(out)) == (
        [f"{out}: the output folder exists and is not empty; use --force to replace it"],
        [f"{out}：输出文件夹已存在且不为空；如要替换，请加 --force"])
    assert both(lambda: write_file(out / "roster.csv", b"")) == (
        [f"{out / 'roster.csv'}: exists; use --force to replace it"],
        [f"{out / 'roster.csv'}：已存在；如要替换，请加 --force"])


def test_init_refusals_are_one_language_each(tmp_path: Path) -> None:
    """They used to be 'english / 中文' in one string."""
    (tmp_path / "file").write_text("x", encoding="utf-8")
    assert both(lambda: write_starter_scenario(tmp_path, Month(year=2026, month=10))) == (
        [f"{tmp_path}: folder is not empty; choose a new or empty folder"],
        [f"{tmp_path}：文件夹非空，请选择新的或空的文件夹"])
    assert both(lambda: write_starter_scenario(tmp_path / "file",
                                               Month(year=2026, month=10))) == (
        [f"{tmp_path / 'file'}: exists and is not a folder; choose a new folder"],
        [f"{tmp_path / 'file'}：该路径已存在且不是文件夹，请选择新的文件夹"])


def test_calendar_without_data_is_one_language_each() -> None:
    version = __import__("roster.calendar").calendar.package_version()
    assert both(lambda: month_calendar(Month(year=2027, month=1))) == (
        [f"calendar.csv: chinesecalendar {version} has no holiday data for 2027-01; add the "
         "month's public holidays and 调休 make-up workdays to calendar.csv and set [calendar] "
         "overrides_complete = true in scenario.toml (or upgrade chinesecalendar)"],
        [f"calendar.csv：日历包 chinesecalendar {version} 不含 2027-01 的节假日数据：请在 "
         "calendar.csv 中填写该月的节假日和调休上班日，并在 scenario.toml 的 [calendar] 中设置 "
         "overrides_complete = true（或升级 chinesecalendar）"])


# --- pydantic's errors ---------------------------------------------------------------------------

class _Lengths(BaseModel):
    one: str = Field(default="x", min_length=1, max_length=1)
    two: str = Field(default="xx", min_length=2, max_length=3)
    items: list[int] = Field(default=[1], min_length=1, max_length=2)
    item: list[int] = Field(default=[1, 2], min_length=2, max_length=2)


def _errors(model: type[BaseModel], data: dict[str, Any]) -> list[ErrorDetails]:
    with pytest.raises(ValidationError) as info:
        model.model_validate(data)
    return info.value.errors()


PYDANTIC_CASES: list[tuple[type[BaseModel], dict[str, Any]]] = [
    (RuleSettings, {"days_off": -1}),  # greater_than_equal
    (RuleSettings, {"days_off": 40}),  # less_than_equal
    (RuleSettings, {"min_rest_hours": 30}),  # less_than_equal, a float bound
    (RuleSettings, {"min_rest_hours": "x"}),  # float_parsing
    (RuleSettings, {"min_rest_hours": [1]}),  # float_type
    (RuleSettings, {"days_off": "x"}),  # int_parsing
    (RuleSettings, {"days_off": 1.5}),  # int_from_float
    (RuleSettings, {"days_off": [1]}),  # int_type
    (RuleSettings, {"days_off": "9" * 5000}),  # int_parsing_size
    (RuleSettings, {"pair_rule": "maybe"}),  # bool_parsing
    (RuleSettings, {"pair_rule": [1]}),  # bool_type
    (RuleSettings, {"cover_shortfall": "never"}),  # enum
    (RuleSettings, {"extra": 1}),  # extra_forbidden
    (AssessmentSettings, {"threshold": 0}),  # greater_than, a Decimal bound
    (AssessmentSettings, {"threshold": "2"}),  # less_than_equal, a Decimal bound
    (AssessmentSettings, {"threshold": "x"}),  # decimal_parsing
    (AssessmentSettings, {"threshold": [1]}),  # decimal_type
    (AssessmentSettings, {"allowance": float("inf")}),  # finite_number
    (AssessmentSettings, {"criteria": 3}),  # model_type
    (Center, {"id": "C1", "kind": "both"}),  # enum
    (Center, {"id": 3}),  # string_type
    (Center, {"id": ""}),  # string_too_short, 1
    (Center, {"id": "C" * 20}),  # string_too_long
    (Center, {"id": "C-1"}),  # string_pattern_mismatch
    (Center, {}),  # missing
    (ShiftType, {"code": "E", "start": 0, "end": 60, "aliases": 3}),  # tuple_type
    (_Lengths, {"one": "xx", "two": "x", "items": [], "item": [1]}),  # lengths, 1 and more
    (_Lengths, {"two": "xxxx", "items": [1, 2, 3], "item": [1, 2, 3]}),
    (_Lengths, {"items": 3}),  # list_type
]


@pytest.mark.parametrize(("model", "data"), PYDANTIC_CASES)
def test_pydantic_errors_have_their_own_words_in_english(
        model: type[BaseModel], data: dict[str, Any]) -> None:
    """Each of these types is in the catalogue, and its English is pydantic's message."""
    for error in _errors(model, data):
        text = pydantic_text(error)
        assert text.key == f"pydantic.{error['type']}" or text.key.startswith(
            f"pydantic.{error['type']}."), (error, text)
        assert text.render("en") == error["msg"]
        assert text.render("zh") != error["msg"]


def test_pydantic_errors_in_chinese() -> None:
    errors = _errors(Center, {"id": "", "kind": "both"})
    assert [pydantic_text(e).render("zh") for e in errors] == [
        "至少应有 1 个字符", "应为 'inbound' 或 'outbound'"]
    errors = _errors(_Lengths, {"two": "xxxx", "items": [1, 2, 3]})
    assert [pydantic_text(e).render("zh") for e in errors] == [
        "最多只能有 3 个字符", "列表最多只能有 2 项，实际为 3 项"]


def test_a_check_of_the_domain_through_pydantic() -> None:
    """A validator's InvalidValue keeps its text through pydantic's ValidationError."""
    with pytest.raises(ValidationError) as info:
        DemandRow(center="IN", day="all", shift="E", min_agents=3, target_agents=2,
                  min_leaders=0)
    text = error_text(info.value)
    assert isinstance(text, Text)
    assert (text.render("en"), text.render("zh")) == ("target_agents is below min_agents",
                                                      "target_agents 小于 min_agents")
    with pytest.raises(ValidationError) as info:
        Employee(employee_id="", name="N", role="boss", center="IN")  # type: ignore[arg-type]
    text = error_text(info.value)
    assert isinstance(text, Text)
    assert text.render("en") == ("String should have at least 1 character; Input should be "
                                 "'director', 'senior_leader', 'team_leader' or 'agent'")
    assert text.render("zh") == ("至少应有 1 个字符；应为 'director'、'senior_leader'、"
                                 "'team_leader' 或 'agent'")


def test_an_unknown_pydantic_error_keeps_its_english_in_a_chinese_sentence() -> None:
    error: ErrorDetails = {"type": "url_parsing", "loc": ("x",), "input": "h",
                           "msg": "Input should be a valid URL, relative URL without a base"}
    text = pydantic_text(error)
    assert text.render("en") == "Input should be a valid URL, relative URL without a base"
    assert text.render("zh") == "取值无效：Input should be a valid URL, relative URL without a base"


class _Plain(BaseModel):
    x: int = 0

    @field_validator("x")
    @classmethod
    def _refuse(cls, v: int) -> int:
        raise ValueError("not a plain number")


def test_a_value_error_that_is_not_ours_keeps_its_words() -> None:
    """A plain ValueError in a validator: its words, without pydantic's 'Value error, '."""
    (error,) = _errors(_Plain, {"x": 1})
    assert error["msg"] == "Value error, not a plain number"
    text = pydantic_text(error)
    assert (text.render("en"), text.render("zh")) == ("not a plain number",
                                                      "取值无效：not a plain number")


def test_invalid_value_is_a_value_error_in_english() -> None:
    error = InvalidValue.of("domain.month", got="2026-13")
    assert isinstance(error, ValueError)
    assert str(error) == "expected a month YYYY-MM, got '2026-13'"
    assert error.text.render("zh") == "应为 YYYY-MM 格式的月份，实际为 '2026-13'"
    with pytest.raises(InvalidValue, match="expected a month YYYY-MM"):
        Month.parse("2026-13")


# --- which language -----------------------------------------------------------------------------

def test_peek_language(tmp_path: Path) -> None:
    """What scenario.toml states, even when it is broken (Chinese, the default, when a readable
    [scenario] table states nothing); None when it cannot be found or
    cannot be read, never an exception."""
    assert peek_language(write_scenario(tmp_path / "zh", language="zh")) == "zh"
    assert peek_language(write_scenario(tmp_path / "en", language="en")) == "en"
    broken = write_scenario(tmp_path / "broken", language="zh")
    with (broken / "scenario.toml").open("a", encoding="utf-8") as fh:
        fh.write("\n[rules\n")
    assert peek_language(broken) == "zh"
    assert message_language(broken, "en") == "en"
    (broken / "scenario.toml").write_text('[centers]\nlanguage = "zh"\n[scenario\n', "utf-8")
    assert peek_language(broken) is None  # not in [scenario]
    (broken / "scenario.toml").write_text('[scenario]\nmonth = "2026-10"\n', "utf-8")
    assert peek_language(broken) == "zh"  # none stated: the scenario's default, as its reports
    (broken / "scenario.toml").write_text('[scenario]\nlanguage = "fr"\n', "utf-8")
    assert peek_language(broken) is None
    (broken / "scenario.toml").write_bytes("[scenario]\nlanguage = 'zh'\n".encode("utf-16"))
    assert peek_language(broken) is None  # unreadable
    assert peek_language(tmp_path / "nowhere") is None
    assert peek_language(tmp_path / "zh" / "staff.csv") is None
    assert message_language(tmp_path / "nowhere") == "en"


# --- the commands -------------------------------------------------------------------------------

def bad_roster(tmp_path: Path) -> Path:
    roster = clean_roster()
    roster["A1"][4] = "X"
    return write_roster(tmp_path / "bad.csv", roster)


BAD_ROSTER = {
    "en": "bad.csv, row 5, column '5': unknown shift 'X'; expected a shift code (E, L), OFF (休) "
          "or LEAVE (假)\n",
    "zh": "bad.csv 第 5 行「5」列：未知的班次 'X'，应为班次代码（E、L）、OFF（休）或 LEAVE（假）\n",
}


def test_validate_with_lang_zh(tmp_path: Path) -> None:
    result = run("validate", write_scenario(tmp_path / "en"), bad_roster(tmp_path), "--lang", "zh")
    assert result.exit_code == EXIT_INPUT
    assert (result.stdout, result.stderr) == ("", BAD_ROSTER["zh"])


@pytest.mark.parametrize("language", ["zh", "en"])
def test_validate_in_the_scenarios_language(language: str, tmp_path: Path) -> None:
    scenario = write_scenario(tmp_path / "scenario", language=language)
    result = run("validate", scenario, bad_roster(tmp_path))
    assert result.exit_code == EXIT_INPUT
    assert result.stderr == BAD_ROSTER[language]
    other = "en" if language == "zh" else "zh"
    assert run("validate", scenario, bad_roster(tmp_path), "--lang", other).stderr == (
        BAD_ROSTER[other])


def test_a_broken_scenario_toml_in_its_language_if_it_says_it(tmp_path: Path) -> None:
    """Broken after language = "zh": Chinese; unreadable or silent about it: English."""
    scenario = write_scenario(tmp_path / "scenario", language="zh")
    toml = scenario / "scenario.toml"
    toml.write_text(toml.read_text(encoding="utf-8") + "\nmonth = \n", encoding="utf-8")
    result = run("validate", scenario, bad_roster(tmp_path))
    assert result.exit_code == EXIT_INPUT
    assert result.stderr == (
        "scenario.toml 第 27 行：TOML 格式错误：Invalid value（第 27 行第 9 列）\n")
    assert run("validate", scenario, bad_roster(tmp_path), "--lang", "en").stderr == (
        "scenario.toml, row 27: invalid TOML: Invalid value (line 27, column 9)\n")
    toml.write_text(toml.read_text(encoding="utf-8").replace('language = "zh"\n', ""),
                    encoding="utf-8")
    assert run("validate", scenario, bad_roster(tmp_path)).stderr == (
        "scenario.toml, row 26: invalid TOML: Invalid value (line 26, column 9)\n")
    toml.write_bytes(codecs.BOM_UTF16_LE + 'language = "zh"\n'.encode("utf-16-le"))
    result = run("validate", scenario, bad_roster(tmp_path))
    assert result.stderr.startswith("scenario.toml: the file is encoded as UTF-16; ")


def test_solve_repair_explain_export(tmp_path: Path) -> None:
    """A scenario in Chinese: every command's input errors in Chinese; --lang en: English."""
    scenario = write_scenario(tmp_path / "scenario", language="zh")
    out = tmp_path / "out"
    out.mkdir()
    (out / "x").write_text("x", encoding="utf-8")
    result = run("solve", scenario, "--out", out)
    assert result.exit_code == EXIT_INPUT
    assert result.stderr == f"{out}：输出文件夹已存在且不为空；如要替换，请加 --force\n"
    result = run("solve", scenario, "--out", out, "--lang", "en")
    assert result.stderr == (
        f"{out}: the output folder exists and is not empty; use --force to replace it\n")
    result = run("repair", scenario, bad_roster(tmp_path), "--out", tmp_path / "fixed")
    assert (result.exit_code, result.stderr) == (EXIT_INPUT, BAD_ROSTER["zh"])
    result = run("export", scenario, bad_roster(tmp_path), "-o", tmp_path / "r.html")
    assert (result.exit_code, result.stderr) == (EXIT_INPUT, BAD_ROSTER["zh"])
    result = run("export", scenario, bad_roster(tmp_path), "-o", tmp_path / "r.html",
                 "--lang", "en")
    assert (result.exit_code, result.stderr) == (EXIT_INPUT, BAD_ROSTER["en"])
    (scenario / "demand.csv").write_text("center,day,shift,min_agents\nIN,someday,E,1\n",
                                         encoding="utf-8")
    result = run("explain", scenario)
    assert result.exit_code == EXIT_INPUT
    assert result.stderr == (
        "demand.csv 第 2 行「day」列：应为日期类型：all、weekday、weekend、holiday、ad、mon … sun"
        "（一 … 日）或具体日期，实际为 'someday'\n")


def test_score_and_eligible_in_the_scenarios_language(tmp_path: Path) -> None:
    """No --lang: a scenario stating language = "zh" gets Chinese errors."""
    scenario = write_assessed_scenario(tmp_path / "scenario")
    toml = scenario / "scenario.toml"
    toml.write_text(toml.read_text(encoding="utf-8").replace(
        "[scenario]\n", '[scenario]\nlanguage = "zh"\n'), encoding="utf-8")
    month = write_month(tmp_path / "month")
    with month["sales"].open("a", encoding="utf-8") as fh:
        fh.write("o9,2026-02-05,X9,10,shipped\n")
    result = run("score", scenario, month["roster"], "--sales", month["sales"], "--lines",
                 month["lines"], "--ratings", month["ratings"], "--commissions",
                 month["commissions"])
    assert result.exit_code == EXIT_INPUT
    assert result.stderr == (
        "sales.csv 第 8 行「employee_id」列：未知的工号 'X9'：staff.csv 中没有此人\n")
    performance = tmp_path / "performance.csv"
    performance.write_text("employee_id,month,sales\nS,2026-04,300\n", encoding="utf-8")
    result = run("eligible", scenario, "--performance", performance, "--as-of", "2026-03-01")
    assert result.exit_code == EXIT_INPUT
    assert result.stderr == "performance.csv 第 2 行「month」列：2026-04 晚于评定日期 2026-03-01\n"


@pytest.mark.parametrize(("lang", "said"), [
    ("zh", "：文件夹非空，请选择新的或空的文件夹\n"),
    ("en", ": folder is not empty; choose a new or empty folder\n"),
])
def test_init_refuses_in_its_language(lang: str, said: str, tmp_path: Path) -> None:
    (tmp_path / "x").write_text("x", encoding="utf-8")
    result = run("init", tmp_path, "--month", "2026-10", "--lang", lang)
    assert (result.exit_code, result.stderr) == (EXIT_INPUT, f"{tmp_path}{said}")
    result = run("init", tmp_path / "new", "--month", "2026-13", "--lang", lang)
    assert result.exit_code == EXIT_INPUT
    assert result.stderr == {"zh": "--month: 应为 YYYY-MM 格式的月份，实际为 '2026-13'\n",
                             "en": "--month: expected a month YYYY-MM, got '2026-13'\n"}[lang]
