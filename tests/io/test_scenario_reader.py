"""Tests of roster.io.scenario_reader: scenario folders in, a Scenario or precise errors out."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest

from roster.domain import (
    LEAVE,
    OFF,
    AdSlot,
    CalendarOverride,
    DaysOffQuota,
    HistoryCell,
    Month,
    Request,
    RequestType,
    Role,
    ShiftType,
)
from roster.errors import InputError, InputProblem
from roster.io.scenario_reader import (
    day_selector,
    load_scenario,
    resolve_cell,
    shift_lookup,
)

OCTOBER = Month(year=2026, month=10)

ScenarioMaker = Callable[..., Path]  # the make_scenario fixture (see conftest.py)


def problems_of(folder: Path) -> list[InputProblem]:
    """The problems load_scenario raises for ``folder``."""
    with pytest.raises(InputError) as info:
        load_scenario(folder)
    return info.value.problems


def where(problems: list[InputProblem]) -> list[tuple[str, int | None, str | None]]:
    """(file, row, column) of each problem."""
    return [(p.file, p.row, p.column) for p in problems]


def one_problem(folder: Path) -> InputProblem:
    """The single problem load_scenario raises for ``folder``."""
    problems = problems_of(folder)
    assert len(problems) == 1, problems
    return problems[0]


# --- a valid scenario ----------------------------------------------------------------------------


def test_minimal_scenario_round_trip(scenario_dir: Path) -> None:
    """The minimal folder loads into the Scenario it describes."""
    s = load_scenario(scenario_dir)
    assert (s.name, s.month, s.language) == ("Test department", OCTOBER, "en")
    assert [c.id for c in s.centers] == ["IN"]
    assert s.shifts == (
        ShiftType(code="E", name="早班", aliases=("早",), start=480, end=990, late=False),
        ShiftType(code="L", name="晚班", aliases=("晚",), start=840, end=1320, late=True),
    )
    assert [(e.employee_id, e.role, e.team) for e in s.staff] == [
        ("D1", Role.DIRECTOR, ""),
        ("S1", Role.SENIOR_LEADER, "A"),
        ("T1", Role.TEAM_LEADER, "A"),
        ("A1", Role.AGENT, "A"),
        ("A2", Role.AGENT, "A"),
        ("A3", Role.AGENT, "A"),
    ]
    assert [(d.day, d.shift, d.min_agents, d.target_agents, d.min_leaders) for d in s.demand] == [
        ("all", "E", 1, 2, 1),
        ("all", "L", 1, 1, 1),
    ]
    assert not (s.requests or s.history or s.ads or s.calendar_overrides)
    assert s.rules.days_off == 8 and s.weights.below_target == 10
    assert not s.calendar.overrides_complete


def test_scenario_folder_as_string(scenario_dir: Path) -> None:
    """load_scenario accepts a str path."""
    assert load_scenario(str(scenario_dir)).month == OCTOBER


def test_missing_folder(tmp_path: Path) -> None:
    """A missing folder is an InputError."""
    assert "not found" in one_problem(tmp_path / "nope").message


def test_missing_scenario_toml(make_scenario: ScenarioMaker) -> None:
    """A folder without scenario.toml names that file."""
    problem = one_problem(make_scenario({"scenario.toml": None}))
    assert problem.file == "scenario.toml" and "not found" in problem.message


def test_missing_staff_csv(make_scenario: ScenarioMaker) -> None:
    """staff.csv is required."""
    problem = one_problem(make_scenario({"staff.csv": None}))
    assert problem.file == "staff.csv" and "not found" in problem.message


def test_optional_files_may_be_absent(scenario_dir: Path) -> None:
    """requests, history, ads and calendar are optional."""
    assert not any((scenario_dir / n).exists() for n in ("requests.csv", "history.csv"))
    load_scenario(scenario_dir)


# --- encodings and Chinese headers ---------------------------------------------------------------

CHINESE_STAFF = """\
工號,姓名,職位,中心,組,休息天數,可上班次,任組長日期
D1,陳大文,中心主任,IN,,8,,
S1,黃小明,資深組長,IN,一組,7-9,早|晚,2020年3月1日
T1,林嘉欣,組長,IN,一組,,E,2024/5/1
A1,張三,座席代表,IN,一組,,,
A2,李四,坐席,IN,一組,,,
A3,王五,客服,IN,一組,,,
"""


@pytest.mark.parametrize("codec", ["utf-8", "utf-8-sig", "gb18030"])
def test_chinese_headers_and_roles_in_every_encoding(
    make_scenario: ScenarioMaker, codec: str
) -> None:
    """Traditional headers and Chinese roles read the same from UTF-8, UTF-8 BOM and GB18030."""
    s = load_scenario(make_scenario({"staff.csv": CHINESE_STAFF}, encoding=codec))
    by_id = {e.employee_id: e for e in s.staff}
    assert [e.role for e in s.staff] == [
        Role.DIRECTOR,
        Role.SENIOR_LEADER,
        Role.TEAM_LEADER,
        Role.AGENT,
        Role.AGENT,
        Role.AGENT,
    ]
    assert by_id["D1"].name == "陳大文"
    assert by_id["S1"].days_off == DaysOffQuota(minimum=7, maximum=9)
    assert by_id["S1"].shifts == ("E", "L")
    assert by_id["S1"].leader_since == dt.date(2020, 3, 1)
    assert by_id["T1"].shifts == ("E",)
    assert by_id["A1"].shifts is None


def test_simplified_headers(make_scenario: ScenarioMaker) -> None:
    """Simplified Chinese headers and roles are accepted."""
    staff = (
        "工号,姓名,职位,中心,组,休息天数,班次\n"
        "D1,甲,主任,IN,,,\nS1,乙,资深组长,IN,一组,,\nT1,丙,组长,IN,一组,,\nA1,丁,座席,IN,一组,,\n"
    )
    s = load_scenario(make_scenario({"staff.csv": staff}, encoding="gb18030"))
    assert [e.role.value for e in s.staff] == ["director", "senior_leader", "team_leader", "agent"]


def test_utf16_csv_is_refused_naming_the_file(
    make_scenario: ScenarioMaker, minimal: dict[str, str]
) -> None:
    """A UTF-16 staff.csv is refused with a message naming it."""
    folder = make_scenario({"staff.csv": minimal["staff.csv"].encode("utf-16")})
    problem = one_problem(folder)
    assert problem.file == "staff.csv" and "UTF-16" in problem.message


def test_gb18030_scenario_toml(make_scenario: ScenarioMaker, minimal: dict[str, str]) -> None:
    """scenario.toml may be GB18030 too."""
    toml = minimal["scenario.toml"].replace('"Test department"', '"华东销售部"')
    s = load_scenario(make_scenario({"scenario.toml": toml.encode("gb18030")}))
    assert s.name == "华东销售部"


# --- scenario.toml -------------------------------------------------------------------------------


def test_toml_syntax_error_names_the_line(
    make_scenario: ScenarioMaker, minimal: dict[str, str]
) -> None:
    """A TOML syntax error names the file and its line."""
    problem = one_problem(make_scenario({"scenario.toml": minimal["scenario.toml"] + "\n[rules\n"}))
    assert (problem.file, problem.row) == ("scenario.toml", 25)
    assert problem.message.startswith("invalid TOML:") and "line 25" in problem.message


def test_unknown_key_is_named_with_a_suggestion(
    make_scenario: ScenarioMaker, minimal: dict[str, str]
) -> None:
    """An unknown key is named with its path, its line and the closest known key."""
    toml = minimal["scenario.toml"] + "\n[rules]\nmax_consecutive_days = 5\n"
    problem = one_problem(make_scenario({"scenario.toml": toml}))
    assert (problem.file, problem.row) == ("scenario.toml", 26)
    assert problem.message.startswith("unknown key 'rules.max_consecutive_days'")
    assert "did you mean 'max_consecutive_work_days'?" in problem.message


def test_unknown_top_level_table(make_scenario: ScenarioMaker, minimal: dict[str, str]) -> None:
    """An unknown table is an unknown key."""
    problem = one_problem(
        make_scenario({"scenario.toml": minimal["scenario.toml"] + "\n[weigths]\nx = 1\n"})
    )
    assert "unknown key 'weigths'" in problem.message and "'weights'" in problem.message


def test_unknown_key_in_a_shift(make_scenario: ScenarioMaker, minimal: dict[str, str]) -> None:
    """An unknown key inside the second [[shifts]] names it as shifts[2]."""
    toml = minimal["scenario.toml"] + 'colour = "red"\n'
    problem = one_problem(make_scenario({"scenario.toml": toml}))
    assert problem.message.startswith("unknown key 'shifts[2].colour'")
    assert problem.row == 24


def test_validation_errors_name_field_paths(
    make_scenario: ScenarioMaker, minimal: dict[str, str]
) -> None:
    """Invalid values are reported per field path, all at once, without a pydantic traceback."""
    toml = (
        minimal["scenario.toml"]
        .replace('month = "2026-10"', 'month = "2026-13"')
        .replace('end = "16:30"', 'end = "4pm"')
        .replace('kind = "inbound"', 'kind = "both"')
        + '\n[rules]\ndays_off = 40\ncover_shortfall = "maybe"\n'
    )
    problems = problems_of(make_scenario({"scenario.toml": toml}))
    messages = {p.message.split(":")[0]: p for p in problems}
    assert set(messages) == {
        "scenario.month",
        "centers[1].kind",
        "shifts[1].end",
        "rules.days_off",
        "rules.cover_shortfall",
    }
    assert all(p.file == "scenario.toml" for p in problems)
    assert messages["scenario.month"].message == (
        "scenario.month: expected a month YYYY-MM, got '2026-13'"
    )
    assert messages["shifts[1].end"].message == "shifts[1].end: expected a time HH:MM, got '4pm'"
    assert messages["rules.days_off"].row == 26
    assert "Traceback" not in str(InputError(problems))


def test_missing_sections(make_scenario: ScenarioMaker) -> None:
    """Missing [scenario], [[centers]] and [[shifts]] are each named."""
    problems = problems_of(make_scenario({"scenario.toml": "[rules]\ndays_off = 8\n"}))
    messages = " | ".join(p.message for p in problems)
    assert "[scenario]" in messages and "[[centers]]" in messages and "[[shifts]]" in messages


def test_bad_shift_code(make_scenario: ScenarioMaker, minimal: dict[str, str]) -> None:
    """A shift code with other characters than letters, digits and _ is refused."""
    toml = minimal["scenario.toml"].replace('code = "L"', 'code = "L班"')
    problem = one_problem(make_scenario({"scenario.toml": toml}))
    assert problem.message.startswith("shifts[2].code: expected a code of letters, digits and '_'")
    assert problem.message.endswith("got 'L班'")


@pytest.mark.parametrize("code", ["OFF", "off", "LEAVE"])
def test_reserved_shift_code(
    make_scenario: ScenarioMaker, code: str, minimal: dict[str, str]
) -> None:
    """OFF and LEAVE (any case) cannot be shift codes."""
    toml = minimal["scenario.toml"].replace('code = "L"', f'code = "{code}"')
    problem = one_problem(make_scenario({"scenario.toml": toml}))
    assert problem.message.startswith("shifts[2].code:") and "reserved" in problem.message


def test_alias_clashes(make_scenario: ScenarioMaker, minimal: dict[str, str]) -> None:
    """An alias of two shifts, or meaning OFF/LEAVE, is refused."""
    toml = minimal["scenario.toml"].replace('aliases = ["晚"]', 'aliases = ["早", "休", "e"]')
    problems = problems_of(make_scenario({"scenario.toml": toml}))
    assert [p.message for p in problems] == [
        "shifts[2].aliases: '早' already names shift E",
        "shifts[2].aliases: '休' means a day off or leave; it cannot name a shift",
        "shifts[2].aliases: 'e' already names shift E",
    ]
    assert {p.row for p in problems} == {21}


def test_duplicate_center_id(make_scenario: ScenarioMaker, minimal: dict[str, str]) -> None:
    """Two centers with one id are refused."""
    toml = minimal["scenario.toml"] + '\n[[centers]]\nid = "IN"\n'
    problem = one_problem(make_scenario({"scenario.toml": toml}))
    assert problem.message == "centers[2].id: 'IN' is already the id of centers[1]"


def test_overnight_shift_and_late_default(
    make_scenario: ScenarioMaker, minimal: dict[str, str]
) -> None:
    """An end before the start is on the next day; late defaults to an end at or after 21:00."""
    toml = minimal["scenario.toml"] + (
        '\n[[shifts]]\ncode = "N"\nstart = "22:00"\nend = "06:00"\n'
        '\n[[shifts]]\ncode = "M"\nstart = "16:00"\nend = "24:00"\nlate = false\n'
        '\n[[shifts]]\ncode = "D"\nstart = 09:00:00\nend = 17:00:00\n'
    )
    s = load_scenario(make_scenario({"scenario.toml": toml}))
    assert (s.shift("N").start, s.shift("N").end, s.shift("N").late) == (1320, 1800, True)
    assert (s.shift("M").end, s.shift("M").late) == (1440, False)
    assert (s.shift("D").start, s.shift("D").end, s.shift("D").late) == (540, 1020, False)


def test_rules_weights_and_calendar_settings(
    make_scenario: ScenarioMaker, minimal: dict[str, str]
) -> None:
    """[rules], [weights] and [calendar] are read."""
    toml = minimal["scenario.toml"] + (
        '\n[rules]\ndays_off = 9\ncover_shortfall = "report"\n'
        "\n[weights]\nbelow_target = 0\n"
        "\n[calendar]\noverrides_complete = true\n"
    )
    s = load_scenario(make_scenario({"scenario.toml": toml}))
    assert (s.rules.days_off, s.rules.cover_shortfall.value) == (9, "report")
    assert s.weights.below_target == 0
    assert s.calendar.overrides_complete


def test_files_section_renames_tables(
    make_scenario: ScenarioMaker, minimal: dict[str, str]
) -> None:
    """[files] and calendar.overrides give other file names."""
    toml = minimal["scenario.toml"] + (
        '\n[calendar]\noverrides = "holidays.csv"\n\n[files]\nstaff = "people.csv"\n'
    )
    folder = make_scenario(
        {
            "scenario.toml": toml,
            "staff.csv": None,
            "people.csv": minimal["staff.csv"],
            "holidays.csv": "date,kind\n2026-10-01,holiday\n",
        }
    )
    s = load_scenario(folder)
    assert len(s.staff) == 6 and s.calendar_overrides[0].date == dt.date(2026, 10, 1)


def test_explicitly_named_optional_file_must_exist(
    make_scenario: ScenarioMaker, minimal: dict[str, str]
) -> None:
    """An optional table named in [files] but absent is an error."""
    toml = minimal["scenario.toml"] + '\n[files]\nrequests = "wishes.csv"\n'
    problem = one_problem(make_scenario({"scenario.toml": toml}))
    assert problem.file == "wishes.csv" and "not found" in problem.message


# --- staff.csv -----------------------------------------------------------------------------------


def test_staff_duplicate_id_reports_both_rows(
    make_scenario: ScenarioMaker, minimal: dict[str, str]
) -> None:
    """A repeated employee_id is reported at both rows."""
    problems = problems_of(
        make_scenario({"staff.csv": minimal["staff.csv"] + "A2,Eve,agent,IN,A\n"})
    )
    assert where(problems) == [("staff.csv", 6, "employee_id"), ("staff.csv", 8, "employee_id")]
    assert problems[0].message == "employee_id 'A2' is given more than once (rows 6, 8)"


def test_staff_needs_one_director(make_scenario: ScenarioMaker, minimal: dict[str, str]) -> None:
    """A center without a director is reported for staff.csv."""
    staff = minimal["staff.csv"].replace("D1,Dana,director,IN,", "D1,Dana,agent,IN,A")
    problem = one_problem(make_scenario({"staff.csv": staff}))
    assert (problem.file, problem.row) == ("staff.csv", None)
    assert problem.message == "center IN has no director; it needs exactly one"


def test_staff_two_senior_leaders(make_scenario: ScenarioMaker, minimal: dict[str, str]) -> None:
    """Two senior leaders of one center are reported at both rows."""
    staff = minimal["staff.csv"] + "S2,Sue,资深组长,IN,A\n"
    problems = problems_of(make_scenario({"staff.csv": staff}))
    assert where(problems) == [("staff.csv", 3, "role"), ("staff.csv", 8, "role")]
    assert "center IN has 2 senior_leaders (rows 3, 8)" in problems[0].message


def test_staff_cell_problems_all_reported(make_scenario: ScenarioMaker) -> None:
    """Every bad cell of staff.csv is reported with its row and column, in one error."""
    staff = (
        "employee_id,name,role,center,team,days_off,shifts,leader_since\n"
        "D1,Dana,director,IN,,,,\n"
        "S1,Sam,senior_leader,in,A,9-7,,\n"
        "T1,,boss,IN,A,,E;X,yesterday\n"
        "A1,Ann,agent,OUT,,abc,,\n"
    )
    problems = problems_of(make_scenario({"staff.csv": staff}))
    assert where(problems) == [
        ("staff.csv", 3, "days_off"),
        ("staff.csv", 4, "name"),
        ("staff.csv", 4, "role"),
        ("staff.csv", 4, "shifts"),
        ("staff.csv", 4, "leader_since"),
        ("staff.csv", 5, "center"),
        ("staff.csv", 5, "team"),
        ("staff.csv", 5, "days_off"),
    ]
    messages = [p.message for p in problems]
    assert messages[0] == "days off: minimum is above maximum, got '9-7'"
    assert messages[2].endswith("got 'boss'")
    assert messages[3] == "unknown shift 'X'; expected a shift code (E, L) or one of its aliases"
    assert messages[5] == "unknown center 'OUT'; the centers in scenario.toml are IN"


def test_staff_center_case_and_name(make_scenario: ScenarioMaker, minimal: dict[str, str]) -> None:
    """A center may be written in any case, or by its name."""
    staff = (
        minimal["staff.csv"]
        .replace("A1,Ann,agent,IN,A", "A1,Ann,agent,in,A")
        .replace("A2,Bob,agent,IN,A", "A2,Bob,agent,Inbound,A")
    )
    s = load_scenario(make_scenario({"staff.csv": staff}))
    assert {e.center for e in s.staff} == {"IN"}


def test_staff_shift_lists(make_scenario: ScenarioMaker, minimal: dict[str, str]) -> None:
    """Allowed shifts split on | ; , and spaces, by code (any case), alias or name."""
    staff = (
        minimal["staff.csv"]
        .replace("A1,Ann,agent,IN,A", 'A1,Ann,agent,IN,A,"e, 晚班"')
        .replace("A2,Bob,agent,IN,A", "A2,Bob,agent,IN,A,早 ;  L|E")
    )
    staff = staff.replace(
        "employee_id,name,role,center,team", "employee_id,name,role,center,team,shifts"
    )
    s = load_scenario(make_scenario({"staff.csv": staff}))
    assert s.employee("A1").shifts == ("E", "L")
    assert s.employee("A2").shifts == ("E", "L")


def test_staff_full_width_id_is_normalised(
    make_scenario: ScenarioMaker, minimal: dict[str, str]
) -> None:
    """A full-width employee id is read as ASCII."""
    staff = minimal["staff.csv"].replace("A1,Ann", "Ａ１,Ann")
    assert load_scenario(make_scenario({"staff.csv": staff})).employee("A1").name == "Ann"


# --- demand.csv ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "selector"),
    [
        ("all", "all"),
        ("ALL", "all"),
        ("weekday", "weekday"),
        ("Weekend", "weekend"),
        ("holiday", "holiday"),
        ("ad", "ad"),
        ("mon", "mon"),
        ("Sunday", "sun"),
        ("一", "mon"),
        ("日", "sun"),
        ("周一", "mon"),
        ("週三", "wed"),
        ("星期五", "fri"),
        ("星期天", "sun"),
        ("周末", "weekend"),
        ("2026-10-05", "2026-10-05"),
        ("2026/10/5", "2026-10-05"),
        ("2026年10月5日", "2026-10-05"),
    ],
)
def test_day_selectors(text: str, selector: str) -> None:
    """Day selectors normalise to english words or an ISO date."""
    assert day_selector(text, OCTOBER) == selector


def test_day_selector_outside_month() -> None:
    """A per-date demand row outside the month is refused."""
    with pytest.raises(ValueError, match="expected a date in the scenario month 2026-10"):
        day_selector("2026-11-01", OCTOBER)


def test_demand_chinese_headers_and_defaults(make_scenario: ScenarioMaker) -> None:
    """Chinese headers, shift aliases, target defaulting to the minimum, leaders to 0."""
    demand = "中心,日期类型,班次,最少座席,目標座席\nIN,星期一,早,2,\nIN,2026年10月1日,晚班,1,3\n"
    s = load_scenario(make_scenario({"demand.csv": demand}, encoding="gb18030"))
    assert [(d.day, d.shift, d.min_agents, d.target_agents, d.min_leaders) for d in s.demand] == [
        ("mon", "E", 2, 2, 0),
        ("2026-10-01", "L", 1, 3, 0),
    ]


def test_demand_problems(make_scenario: ScenarioMaker) -> None:
    """Bad demand rows are all reported with row and column."""
    demand = (
        "center,day,shift,min_agents,target_agents,min_leaders\n"
        "IN,mon,E,2,1,0\n"
        "IN,2026-11-02,L,1,,\n"
        "IN,someday,X,,,\n"
        "IN,Mon,早,1,,\n"
    )
    problems = problems_of(make_scenario({"demand.csv": demand}))
    assert where(problems) == [
        ("demand.csv", 2, "target_agents"),
        ("demand.csv", 3, "day"),
        ("demand.csv", 4, "day"),
        ("demand.csv", 4, "shift"),
        ("demand.csv", 4, "min_agents"),
        ("demand.csv", 2, "day"),
        ("demand.csv", 5, "day"),
    ]
    assert problems[0].message == "expected at least min_agents (2), got '1'"
    assert problems[-1].message == (
        "the demand of center IN, day mon, shift E is given more than once (rows 2, 5)"
    )


# --- requests.csv --------------------------------------------------------------------------------


def test_requests_all_types(make_scenario: ScenarioMaker) -> None:
    """Every request type (and Chinese alias) is read; end_date expands to one request a day."""
    requests = (
        "工号,日期,结束日期,类型,班次,权重\n"
        "A1,2026-10-03,2026-10-05,请假,E,\n"
        "A2,2026/10/7,,休,,50\n"
        "A3,2026-10-08,,想上,晚,\n"
        "T1,2026-10-09,,不上,l,\n"
        "S1,2026-10-10,,固定,休,\n"
        "D1,2026-10-11,,pin,E,\n"
    )
    s = load_scenario(make_scenario({"requests.csv": requests}, encoding="gb18030"))
    assert s.requests == (
        Request(employee_id="A1", date=dt.date(2026, 10, 3), type=RequestType.LEAVE),
        Request(employee_id="A1", date=dt.date(2026, 10, 4), type=RequestType.LEAVE),
        Request(employee_id="A1", date=dt.date(2026, 10, 5), type=RequestType.LEAVE),
        Request(employee_id="A2", date=dt.date(2026, 10, 7), type=RequestType.OFF, weight=50),
        Request(employee_id="A3", date=dt.date(2026, 10, 8), type=RequestType.SHIFT, shift="L"),
        Request(employee_id="T1", date=dt.date(2026, 10, 9), type=RequestType.AVOID, shift="L"),
        Request(employee_id="S1", date=dt.date(2026, 10, 10), type=RequestType.PIN, shift=OFF),
        Request(employee_id="D1", date=dt.date(2026, 10, 11), type=RequestType.PIN, shift="E"),
    )


def test_requests_problems(make_scenario: ScenarioMaker) -> None:
    """Unknown employees, dates outside the month, missing or bad shifts are all reported."""
    requests = (
        "employee_id,date,end_date,type,shift,weight\n"
        "ZZ,2026-10-03,,off,,\n"
        "A1,2026-11-01,,off,,\n"
        "A1,2026-10-05,2026-10-04,off,,\n"
        "A2,2026-10-05,,shift,,\n"
        "A2,2026-10-06,,pin,LEAVE,\n"
        "A3,2026-10-07,,maybe,,-1\n"
    )
    problems = problems_of(make_scenario({"requests.csv": requests}))
    assert where(problems) == [
        ("requests.csv", 2, "employee_id"),
        ("requests.csv", 3, "date"),
        ("requests.csv", 4, "end_date"),
        ("requests.csv", 5, "shift"),
        ("requests.csv", 6, "shift"),
        ("requests.csv", 7, "type"),
        ("requests.csv", 7, "weight"),
    ]
    assert problems[0].message == "unknown employee_id 'ZZ': not in staff.csv"
    assert problems[1].message == "expected a date in the scenario month 2026-10, got '2026-11-01'"
    assert problems[3].message == "expected the shift of a shift request, got an empty cell"


# --- history.csv, ads.csv, calendar.csv ----------------------------------------------------------


def test_history(make_scenario: ScenarioMaker) -> None:
    """History cells accept shift aliases, OFF/休, LEAVE/假 and blanks, in the week before."""
    history = "工號,日期,班次\nA1,2026-09-30,早\nA1,2026-09-29,休\n"
    history += "A2,2026-09-24,假\nA3,2026-09-30,\n"
    s = load_scenario(make_scenario({"history.csv": history}))
    assert s.history == (
        HistoryCell(employee_id="A1", date=dt.date(2026, 9, 30), shift="E"),
        HistoryCell(employee_id="A1", date=dt.date(2026, 9, 29), shift=OFF),
        HistoryCell(employee_id="A2", date=dt.date(2026, 9, 24), shift=LEAVE),
        HistoryCell(employee_id="A3", date=dt.date(2026, 9, 30), shift=OFF),
    )


def test_history_problems(make_scenario: ScenarioMaker) -> None:
    """History outside the 7 days before the month, unknown people and shifts are reported."""
    history = (
        "employee_id,date,shift\n"
        "A1,2026-09-23,E\n"
        "A1,2026-10-01,E\n"
        "XX,2026-09-30,E\n"
        "A2,2026-09-30,Q\n"
        "A3,2026-09-30,E\n"
        "A3,2026-09-30,L\n"
    )
    problems = problems_of(make_scenario({"history.csv": history}))
    assert where(problems) == [
        ("history.csv", 2, "date"),
        ("history.csv", 3, "date"),
        ("history.csv", 4, "employee_id"),
        ("history.csv", 5, "shift"),
        ("history.csv", 6, "date"),
        ("history.csv", 7, "date"),
    ]
    assert problems[0].message == (
        "expected a date in the 7 days before 2026-10 (2026-09-24 … 2026-09-30), got '2026-09-23'"
    )
    assert problems[3].message == (
        "unknown shift 'Q'; expected a shift code (E, L), OFF (休) or LEAVE (假)"
    )


def test_ads(make_scenario: ScenarioMaker) -> None:
    """Ad slots are read with Chinese headers; an end before the start is after midnight."""
    ads = "中心,日期,開始,結束\nIN,2026-10-02,20:00,21:30\nIN,2026-10-03,23:00,01:00\n"
    s = load_scenario(make_scenario({"ads.csv": ads}))
    assert s.ads == (
        AdSlot(center="IN", date=dt.date(2026, 10, 2), start=1200, end=1290),
        AdSlot(center="IN", date=dt.date(2026, 10, 3), start=1380, end=1500),
    )


def test_ads_problems(make_scenario: ScenarioMaker) -> None:
    """Ads outside the month, at bad times or for unknown centers are reported."""
    ads = "center,date,start,end\nIN,2026-09-30,20:00,21:00\nOUT,2026-10-02,25:00,\n"
    problems = problems_of(make_scenario({"ads.csv": ads}))
    assert where(problems) == [
        ("ads.csv", 2, "date"),
        ("ads.csv", 3, "center"),
        ("ads.csv", 3, "start"),
        ("ads.csv", 3, "end"),
    ]
    assert problems[2].message == "expected a time HH:MM, got '25:00'"


def test_calendar(make_scenario: ScenarioMaker) -> None:
    """Calendar overrides accept holiday/workday and Chinese kinds."""
    calendar = "日期,类型,名称\n2026-10-01,节假日,国庆节\n2026-10-10,调休,\n"
    s = load_scenario(make_scenario({"calendar.csv": calendar}, encoding="gb18030"))
    assert s.calendar_overrides == (
        CalendarOverride(date=dt.date(2026, 10, 1), kind="holiday", name="国庆节"),
        CalendarOverride(date=dt.date(2026, 10, 10), kind="workday"),
    )


def test_calendar_problems(make_scenario: ScenarioMaker) -> None:
    """Bad kinds and repeated dates in calendar.csv are reported."""
    calendar = "date,kind\n2026-10-01,holiday\n2026-10-01,workday\n2026-10-02,party\n"
    problems = problems_of(make_scenario({"calendar.csv": calendar}))
    assert where(problems) == [
        ("calendar.csv", 4, "kind"),
        ("calendar.csv", 2, "date"),
        ("calendar.csv", 3, "date"),
    ]


# --- everything at once --------------------------------------------------------------------------


def test_problems_of_all_files_reported_at_once(
    make_scenario: ScenarioMaker, minimal: dict[str, str]
) -> None:
    """Problems in several files are raised together in one InputError."""
    folder = make_scenario(
        {
            "staff.csv": minimal["staff.csv"] + "A4,Dee,agent,IN,\n",
            "demand.csv": minimal["demand.csv"] + "IN,all,X,1,1,0\n",
            "requests.csv": "employee_id,date,type\nNOBODY,2026-10-01,off\n",
            "history.csv": "employee_id,date,shift\nA1,2026-08-01,E\n",
        }
    )
    assert where(problems_of(folder)) == [
        ("staff.csv", 8, "team"),
        ("demand.csv", 4, "shift"),
        ("requests.csv", 2, "employee_id"),
        ("history.csv", 2, "date"),
    ]


def test_bad_staff_row_does_not_cascade(
    make_scenario: ScenarioMaker, minimal: dict[str, str]
) -> None:
    """An employee whose staff row has a problem is still known to requests.csv."""
    folder = make_scenario(
        {
            "staff.csv": minimal["staff.csv"].replace("A1,Ann,agent,IN,A", "A1,Ann,boss,IN,A"),
            "requests.csv": "employee_id,date,type\nA1,2026-10-01,off\n",
        }
    )
    assert where(problems_of(folder)) == [("staff.csv", 5, "role")]


def test_missing_staff_column_skips_employee_checks(make_scenario: ScenarioMaker) -> None:
    """If staff.csv cannot be read, requests are not flooded with unknown-employee errors."""
    folder = make_scenario(
        {
            "staff.csv": "employee_id,name,center,team\nA1,Ann,IN,A\n",
            "requests.csv": "employee_id,date,type\nA1,2026-10-01,off\n",
        }
    )
    problem = one_problem(folder)
    assert (problem.file, problem.row, problem.column) == ("staff.csv", 1, "role")


# --- resolve_cell --------------------------------------------------------------------------------

SHIFTS = (
    ShiftType(code="E", name="早班", aliases=("早",), start=480, end=990),
    ShiftType(code="N1", name="Night", aliases=("夜",), start=1320, end=1800),
)


@pytest.mark.parametrize(
    ("cell", "value"),
    [
        ("E", "E"),
        (" e ", "E"),
        ("Ｅ", "E"),
        ("n1", "N1"),
        ("Ｎ１", "N1"),
        ("早", "E"),
        ("早班", "E"),
        ("night", "N1"),
        ("夜", "N1"),
        ("OFF", OFF),
        ("off", OFF),
        ("休", OFF),
        ("", OFF),
        ("  ", OFF),
        ("\u3000", OFF),
        (None, OFF),
        ("LEAVE", LEAVE),
        ("Leave", LEAVE),
        ("假", LEAVE),
    ],
)
def test_resolve_cell(cell: str | None, value: str) -> None:
    """Cells map to shift codes, OFF or LEAVE, tolerating case, spaces and full width."""
    assert resolve_cell(cell, shift_lookup(SHIFTS)) == value


def test_resolve_cell_accepts_scenario_aliases(scenario_dir: Path) -> None:
    """resolve_cell works with Scenario.shift_aliases() too."""
    aliases = load_scenario(scenario_dir).shift_aliases()
    assert [resolve_cell(c, aliases) for c in ("ｅ", "晚", "l", "晚班")] == ["E", "L", "L", "L"]


def test_resolve_cell_unknown() -> None:
    """An unknown cell raises ValueError naming it and the known codes."""
    with pytest.raises(ValueError, match=r"unknown shift 'X'; expected a shift code \(E, N1\)"):
        resolve_cell("X", shift_lookup(SHIFTS))
