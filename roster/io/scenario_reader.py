"""Read a scenario folder (docs/scenario.md) into a validated :class:`~roster.domain.Scenario`.

:func:`load_scenario` reads ``scenario.toml`` and then every CSV table, checks them against each
other (employees, centers, shift codes, dates in the month, one director and one senior leader per
center) and raises one :class:`InputError` listing every problem found, each naming its file, row
and column (in English and Chinese: texts of :data:`solver.messages.MESSAGES`). :func:`resolve_cell`
maps a roster cell to a shift code, ``OFF`` or ``LEAVE``. :func:`peek_language` reads the
``language`` a scenario states even when it does not load, for the language of its errors.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
import tomllib
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from roster.domain import (
    LEAVE,
    OFF,
    AdSlot,
    AssessmentSettings,
    CalendarOverride,
    CalendarSettings,
    Center,
    Code,
    CriterionMaxima,
    DaysOffQuota,
    DemandRow,
    Employee,
    HistoryCell,
    Month,
    Request,
    RequestType,
    Role,
    RoleWeights,
    RuleSettings,
    Scenario,
    ShiftType,
    WishWeights,
    parse_clock,
    role_text,
)
from roster.errors import (
    InputError,
    InputProblem,
    InvalidValue,
    Message,
    error_text,
    pydantic_text,
)
from roster.io.encoding import read_text
from roster.io.tables import (
    DATE,
    Column,
    Problems,
    Row,
    date_text,
    normalize_header,
    normalize_text,
    parse_choice,
    parse_date,
    parse_int,
    parse_text,
    parse_with,
    read_table,
)
from solver.messages import Lang, Text

T = TypeVar("T")

SCENARIO_FILE = "scenario.toml"
HISTORY_DAYS = 7
LATE_FROM = 21 * 60

EMPLOYEE_ID = Text("what.employee_id")
CENTER = Text("what.center")
SHIFT = Text("what.shift")
TIME = Text("what.time")

OFF_WORDS = ("OFF", "休")
LEAVE_WORDS = ("LEAVE", "假")

# --- table declarations (docs/scenario.md) ----------------------------------------------------

_EMPLOYEE_ID = ("工號", "工号", "員工編號", "员工编号")

STAFF_COLUMNS = (
    Column("employee_id", _EMPLOYEE_ID),
    Column("name", ("姓名",)),
    Column("role", ("職位", "职位", "角色")),
    Column("center", ("中心",)),
    Column("team", ("組", "组", "小組", "小组")),
    Column("days_off", ("休息天數", "休息天数"), required=False),
    Column("shifts", ("可上班次", "班次"), required=False),
    Column("leader_since", ("任組長日期", "任组长日期"), required=False),
)
DEMAND_COLUMNS = (
    Column("center", ("中心",)),
    Column("day", ("日期類型", "日期类型", "日")),
    Column("shift", ("班次",)),
    Column("min_agents", ("最少座席",)),
    Column("target_agents", ("目標座席", "目标座席"), required=False),
    Column("min_leaders", ("最少組長", "最少组长"), required=False),
)
REQUESTS_COLUMNS = (
    Column("employee_id", _EMPLOYEE_ID),
    Column("date", ("日期",)),
    Column("end_date", ("結束日期", "结束日期"), required=False),
    Column("type", ("類型", "类型")),
    Column("shift", ("班次",), required=False),
    Column("weight", ("權重", "权重"), required=False),
)
HISTORY_COLUMNS = (
    Column("employee_id", _EMPLOYEE_ID),
    Column("date", ("日期",)),
    Column("shift", ("班次",)),
)
ADS_COLUMNS = (
    Column("center", ("中心",)),
    Column("date", ("日期",)),
    Column("start", ("開始", "开始")),
    Column("end", ("結束", "结束")),
)
CALENDAR_COLUMNS = (
    Column("date", ("日期",)),
    Column("kind", ("類型", "类型", "種類", "种类")),
    Column("name", ("名稱", "名称"), required=False),
)

ROLE_WORDS: dict[str, Role] = {
    "director": Role.DIRECTOR,
    "中心主任": Role.DIRECTOR,
    "主任": Role.DIRECTOR,
    "senior_leader": Role.SENIOR_LEADER,
    "資深組長": Role.SENIOR_LEADER,
    "资深组长": Role.SENIOR_LEADER,
    "team_leader": Role.TEAM_LEADER,
    "組長": Role.TEAM_LEADER,
    "组长": Role.TEAM_LEADER,
    "agent": Role.AGENT,
    "座席代表": Role.AGENT,
    "坐席代表": Role.AGENT,
    "座席": Role.AGENT,
    "坐席": Role.AGENT,
    "客服": Role.AGENT,
}
REQUEST_TYPE_WORDS: dict[str, RequestType] = {
    "leave": RequestType.LEAVE,
    "假": RequestType.LEAVE,
    "請假": RequestType.LEAVE,
    "请假": RequestType.LEAVE,
    "off": RequestType.OFF,
    "休": RequestType.OFF,
    "請休": RequestType.OFF,
    "请休": RequestType.OFF,
    "shift": RequestType.SHIFT,
    "想上": RequestType.SHIFT,
    "avoid": RequestType.AVOID,
    "不上": RequestType.AVOID,
    "pin": RequestType.PIN,
    "固定": RequestType.PIN,
}
CALENDAR_KIND_WORDS: dict[str, Literal["holiday", "workday"]] = {
    "holiday": "holiday",
    "节假日": "holiday",
    "節假日": "holiday",
    "假日": "holiday",
    "节日": "holiday",
    "節日": "holiday",
    "workday": "workday",
    "调休": "workday",
    "調休": "workday",
    "补班": "workday",
    "補班": "workday",
    "工作日": "workday",
}

_WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_CN_WEEKDAYS = ("一", "二", "三", "四", "五", "六", "日")
DAY_WORDS: dict[str, str] = {
    "all": "all",
    "每天": "all",
    "每日": "all",
    "全部": "all",
    "weekday": "weekday",
    "weekdays": "weekday",
    "工作日": "weekday",
    "平日": "weekday",
    "weekend": "weekend",
    "weekends": "weekend",
    "周末": "weekend",
    "週末": "weekend",
    "holiday": "holiday",
    "holidays": "holiday",
    "节假日": "holiday",
    "節假日": "holiday",
    "ad": "ad",
    "ads": "ad",
    "广告": "ad",
    "廣告": "ad",
}
for _i, _day in enumerate(_WEEKDAYS):
    _full = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")[_i]
    DAY_WORDS[_day] = DAY_WORDS[_full] = _day
    for _prefix in ("", "周", "週", "星期", "礼拜", "禮拜"):
        DAY_WORDS[_prefix + _CN_WEEKDAYS[_i]] = _day
for _prefix in ("周", "週", "星期", "礼拜", "禮拜"):
    DAY_WORDS[_prefix + "天"] = "sun"
DAY_WORDS.update({"tues": "tue", "thur": "thu", "thurs": "thu"})

# --- shift spellings ---------------------------------------------------------------------------


def shift_key(text: str) -> str:
    """The spelling a shift is looked up by: NFKC, stripped, upper case if ASCII."""
    norm = normalize_text(text)
    return norm.upper() if norm.isascii() else norm


_OFF_KEYS = frozenset(shift_key(w) for w in OFF_WORDS)
_LEAVE_KEYS = frozenset(shift_key(w) for w in LEAVE_WORDS)
_RESERVED = _OFF_KEYS | _LEAVE_KEYS


def shift_lookup(shifts: Sequence[ShiftType]) -> dict[str, str]:
    """Every accepted spelling of a shift (code, aliases, name), as :func:`shift_key`, -> code."""
    out: dict[str, str] = {}
    for s in shifts:
        for spelling in (s.code, *s.aliases, s.name):
            if spelling.strip():
                out.setdefault(shift_key(spelling), s.code)
    return out


def _lookup(text: str, aliases: Mapping[str, str]) -> str | None:
    key = shift_key(text)
    code = aliases.get(key)
    if code is None:
        code = next((v for k, v in aliases.items() if shift_key(k) == key), None)
    return code


def _known_codes(aliases: Mapping[str, str]) -> tuple[str, ...]:
    return tuple(sorted(set(aliases.values())))


def resolve_shift(text: str, aliases: Mapping[str, str]) -> str:
    """A shift code from its code (any case), alias or name; ValueError if unknown."""
    code = _lookup(text, aliases)
    if code is None:
        raise InvalidValue.of("scenario.unknown_shift", shift=text.strip(),
                              codes=_known_codes(aliases))
    return code


def resolve_cell(text: str | None, aliases: Mapping[str, str]) -> str:
    """Map a roster cell to a shift code, ``OFF`` or ``LEAVE``.

    ``aliases`` maps spellings to shift codes (e.g. :func:`shift_lookup` or
    ``Scenario.shift_aliases()``). Blank, ``OFF`` and ``休`` mean OFF; ``LEAVE`` and ``假`` mean
    LEAVE; whitespace, case (of ASCII codes) and full-width forms are ignored. Raises ValueError
    for anything else.
    """
    key = shift_key(text or "")
    if key == "" or key in _OFF_KEYS:
        return OFF
    if key in _LEAVE_KEYS:
        return LEAVE
    code = _lookup(key, aliases)
    if code is None:
        raise InvalidValue.of("scenario.unknown_cell", shift=(text or "").strip(),
                              codes=_known_codes(aliases), off="休", leave="假")
    return code


def day_selector(text: str, month: Month) -> str:
    """A demand.csv ``day`` as ``all``/``weekday``/``weekend``/``holiday``/``ad``/``mon``..``sun``
    or an ISO date in ``month``; ValueError otherwise."""
    word = DAY_WORDS.get(normalize_header(text))
    if word is not None:
        return word
    try:
        date = date_text(text)
    except ValueError:
        raise InvalidValue.of("scenario.day", days="一 … 日", got=text) from None
    _check_in_month(date, month, text)
    return date.isoformat()


def _check_in_month(date: dt.date, month: Month, text: str) -> None:
    if (date.year, date.month) != (month.year, month.month):
        raise InvalidValue.of("input.not_in_month", month=str(month), got=text)


# --- scenario.toml -----------------------------------------------------------------------------


class _Toml(BaseModel):
    model_config = ConfigDict(extra="forbid")


class _ScenarioSection(_Toml):
    name: str = ""
    month: Month
    language: Literal["zh", "en"] = "zh"

    @field_validator("month", mode="before")
    @classmethod
    def _month(cls, v: object) -> object:
        if isinstance(v, Month):
            return v
        if not isinstance(v, str):
            raise InvalidValue.of("toml.month_quoted", got=repr(v))
        try:
            return Month.parse(v)
        except ValidationError:
            raise InvalidValue.of("domain.month", got=v) from None


def _clock(v: object) -> int:
    if isinstance(v, dt.time):
        return v.hour * 60 + v.minute
    if isinstance(v, str):
        return parse_clock(v)
    raise InvalidValue.of("toml.time_quoted", got=repr(v))


class _ShiftEntry(_Toml):
    code: Code
    name: str = ""
    aliases: tuple[str, ...] = ()
    start: int
    end: int
    late: bool | None = None

    @field_validator("start", "end", mode="before")
    @classmethod
    def _time(cls, v: object) -> int:
        return _clock(v)

    @field_validator("aliases", mode="before")
    @classmethod
    def _one_alias(cls, v: object) -> object:
        return (v,) if isinstance(v, str) else v


class _CalendarSection(_Toml):
    overrides: str | None = None
    overrides_complete: bool = False


class _FilesSection(_Toml):
    staff: str = "staff.csv"
    demand: str = "demand.csv"
    requests: str = "requests.csv"
    history: str = "history.csv"
    ads: str = "ads.csv"
    calendar: str = "calendar.csv"


class _TomlFile(_Toml):
    scenario: _ScenarioSection
    centers: list[Center] = Field(min_length=1)
    shifts: list[_ShiftEntry] = Field(min_length=1)
    rules: RuleSettings = RuleSettings()
    weights: WishWeights = WishWeights()
    calendar: _CalendarSection = _CalendarSection()
    files: _FilesSection = _FilesSection()
    assessment: AssessmentSettings = AssessmentSettings()


_SECTION_MODELS: dict[tuple[str, ...], type[BaseModel]] = {
    (): _TomlFile,
    ("scenario",): _ScenarioSection,
    ("centers",): Center,
    ("shifts",): _ShiftEntry,
    ("rules",): RuleSettings,
    ("weights",): WishWeights,
    ("calendar",): _CalendarSection,
    ("files",): _FilesSection,
    ("assessment",): AssessmentSettings,
    ("assessment", "criteria"): CriterionMaxima,
    ("assessment", "role_weights"): RoleWeights,
}
_MISSING_SECTIONS: dict[tuple[str, ...], Text] = {
    ("scenario",): Text("toml.no_scenario"),
    ("centers",): Text("toml.no_centers"),
    ("shifts",): Text("toml.no_shifts"),
}


def _path_text(loc: Sequence[int | str]) -> str:
    out = ""
    for part in loc:
        out += f"[{part + 1}]" if isinstance(part, int) else (f".{part}" if out else part)
    return out


_TABLE_HEADER = re.compile(r"^\s*(\[\[?)\s*([^\]]+?)\s*\]\]?\s*(?:#.*)?$")
_KEY_LINE = re.compile(r"^\s*\"?([A-Za-z0-9_\-]+)\"?\s*=")


def _toml_line(text: str, loc: Sequence[int | str]) -> int | None:
    """Best effort: the line of the key at ``loc`` (or of its table) in the TOML text."""
    if not loc:
        return None
    section = str(loc[0])
    index = loc[1] if len(loc) > 1 and isinstance(loc[1], int) else None
    key = next((p for p in loc[1:] if isinstance(p, str)), None)
    counts: dict[str, int] = {}
    current: str | None = None
    in_target = False
    target_line: int | None = None
    for number, line in enumerate(text.splitlines(), start=1):
        header = _TABLE_HEADER.match(line)
        if header:
            current = header.group(2).strip()
            position = counts[current] = counts.get(current, -1) + 1
            in_target = current == section and (
                index is None or (header.group(1) == "[[" and position == index)
            )
            if in_target and target_line is None:
                target_line = number
                if key is None:
                    return number
            continue
        m = _KEY_LINE.match(line)
        if m is None:
            continue
        if current is None and len(loc) == 1 and m.group(1) == section:
            return number
        if in_target and key is not None and m.group(1) == key:
            return number
    return target_line


def _validation_problems(
    exc: ValidationError, file: str, text: str, prefix: Sequence[int | str] = ()
) -> list[InputProblem]:
    out: list[InputProblem] = []
    for err in exc.errors():
        loc = (*prefix, *err["loc"])
        path = _path_text(loc)
        line = _toml_line(text, loc)
        kind = err["type"]
        value = err.get("input")
        message: Message
        if kind == "extra_forbidden":
            section = tuple(p for p in loc[:-1] if isinstance(p, str))
            model = _SECTION_MODELS.get(section)
            close: Text | str = ""
            known: Text | str = ""
            if model is not None:
                keys = tuple(model.model_fields)
                similar = difflib.get_close_matches(str(loc[-1]), keys, n=1)
                close = Text.of("toml.did_you_mean", name=similar[0]) if similar else ""
                known = Text.of("toml.known_keys", keys=keys)
            message = Text.of("toml.unknown_key", path=path, close=close, known=known)
        elif kind == "missing":
            message = _MISSING_SECTIONS.get(
                tuple(str(p) for p in loc), Text.of("toml.missing_key", path=path)
            )
        elif kind == "string_pattern_mismatch":
            message = Text.of("toml.code", path=path, got=repr(value))
        else:
            said = pydantic_text(err)
            got: Text | str = ""
            if isinstance(value, str | int | float) and "got " not in said.render("en"):
                got = Text.of("input.got", got=value)
            message = Text.of("toml.value", path=path, message=said, got=got)
        out.append(InputProblem(file, message, line))
    return out


@dataclass(frozen=True)
class _Settings:
    """scenario.toml, validated."""

    name: str
    month: Month
    language: Literal["zh", "en"]
    centers: tuple[Center, ...]
    shifts: tuple[ShiftType, ...]
    rules: RuleSettings
    weights: WishWeights
    calendar: CalendarSettings
    files: dict[str, str]
    explicit_files: frozenset[str]
    assessment: AssessmentSettings


def _read_settings(folder: Path) -> _Settings:
    text = read_text(folder / SCENARIO_FILE, name=SCENARIO_FILE)
    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        # tomllib's own words (what it expected) stay as it says them, in English
        detail = str(exc)
        m = re.search(r"\(at line (\d+), column (\d+)\)", detail)
        line = int(m.group(1)) if m else None
        invalid = Text.of("toml.invalid", detail=detail)
        if m:
            invalid = Text.of("toml.invalid_at", detail=detail[: m.start()].strip(),
                              line=int(m.group(1)), column=int(m.group(2)))
        raise InputError.single(SCENARIO_FILE, invalid, line) from None
    try:
        toml = _TomlFile.model_validate(raw)
    except ValidationError as exc:
        raise InputError(_validation_problems(exc, SCENARIO_FILE, text)) from None

    problems = Problems()
    seen_centers: dict[str, int] = {}
    for i, center in enumerate(toml.centers):
        key = center.id.upper()
        if key in seen_centers:
            problems.add(
                SCENARIO_FILE,
                Text.of("toml.same_center_id", path=f"centers[{i + 1}].id", id=center.id,
                        other=f"centers[{seen_centers[key] + 1}]"),
                _toml_line(text, ("centers", i, "id")),
            )
        seen_centers.setdefault(key, i)

    shifts: list[ShiftType] = []
    owner: dict[str, tuple[int, str]] = {}  # spelling -> (shift index, code)
    for i, entry in enumerate(toml.shifts):
        where = f"shifts[{i + 1}]"
        end = entry.end + 24 * 60 if entry.end <= entry.start else entry.end
        late = entry.late if entry.late is not None else end >= LATE_FROM
        if shift_key(entry.code) in _RESERVED:
            problems.add(
                SCENARIO_FILE,
                Text.of("toml.reserved_code", path=f"{where}.code", code=entry.code),
                _toml_line(text, ("shifts", i, "code")),
            )
            continue
        try:
            shift = ShiftType(
                code=entry.code,
                name=entry.name,
                aliases=entry.aliases,
                start=entry.start,
                end=end,
                late=late,
            )
        except ValidationError as exc:
            problems.items.extend(_validation_problems(exc, SCENARIO_FILE, text, ("shifts", i)))
            continue
        for field_name, spelling in [
            ("code", shift.code),
            *(("aliases", a) for a in shift.aliases),
            ("name", shift.name),
        ]:
            key = shift_key(spelling)
            if not key:
                continue
            line = _toml_line(text, ("shifts", i, field_name))
            if key in _RESERVED:
                problems.add(
                    SCENARIO_FILE,
                    Text.of("toml.reserved_name", path=f"{where}.{field_name}",
                            spelling=spelling),
                    line,
                )
            elif key in owner and owner[key][0] != i:
                problems.add(
                    SCENARIO_FILE,
                    Text.of("toml.name_taken", path=f"{where}.{field_name}", spelling=spelling,
                            code=owner[key][1]),
                    line,
                )
            else:
                owner.setdefault(key, (i, shift.code))
        shifts.append(shift)

    files = toml.files.model_dump()
    explicit = set(toml.files.model_fields_set)
    if toml.calendar.overrides is not None:
        if "calendar" in explicit and toml.calendar.overrides != toml.files.calendar:
            problems.add(
                SCENARIO_FILE,
                Text.of("toml.two_calendars", overrides=toml.calendar.overrides,
                        calendar=toml.files.calendar),
                _toml_line(text, ("calendar", "overrides")),
            )
        files["calendar"] = toml.calendar.overrides
        explicit.add("calendar")
    problems.raise_if_any()
    return _Settings(
        name=toml.scenario.name,
        month=toml.scenario.month,
        language=toml.scenario.language,
        centers=tuple(toml.centers),
        shifts=tuple(shifts),
        rules=toml.rules,
        weights=toml.weights,
        calendar=CalendarSettings(overrides_complete=toml.calendar.overrides_complete),
        files=files,
        explicit_files=frozenset(explicit),
        assessment=toml.assessment,
    )


# --- the CSV tables ----------------------------------------------------------------------------


class _Reader:
    """Reads the CSV tables of one folder against its settings, collecting every problem."""

    def __init__(self, folder: Path, settings: _Settings) -> None:
        self.folder = folder
        self.settings = settings
        self.month = settings.month
        self.problems = Problems()
        self.lookup = shift_lookup(settings.shifts)
        self.employee_ids: set[str] | None = None  # None: staff.csv could not be read
        self._centers: dict[str, str] = {}
        for c in settings.centers:
            for spelling in (c.name, c.id):
                if spelling.strip():
                    self._centers[normalize_header(spelling)] = c.id

    # --- helpers ---
    def table(self, kind: str, columns: Sequence[Column]) -> list[Row] | None:
        """The rows of table ``kind``; None (problems recorded) if it cannot be read."""
        name = self.settings.files[kind]
        required = kind == "staff" or kind == "demand" or kind in self.settings.explicit_files
        try:
            return read_table(self.folder / name, columns, required_file=required, name=name)
        except InputError as exc:
            self.problems.extend(exc)
            return None

    def center(self, text: str) -> str:
        center = self._centers.get(normalize_header(text))
        if center is None:
            ids = tuple(c.id for c in self.settings.centers)
            raise InvalidValue.of("scenario.unknown_center", center=text, file=SCENARIO_FILE,
                                  centers=ids)
        return center

    def employee_id(self, text: str) -> str:
        eid = normalize_text(text)
        if self.employee_ids is not None and eid not in self.employee_ids:
            raise InvalidValue.of("input.unknown_employee", id=text,
                                  file=self.settings.files["staff"])
        return eid

    def in_month(self, row: Row, col: str) -> dt.date | None:
        def parse(text: str) -> dt.date:
            date = date_text(text)
            _check_in_month(date, self.month, text)
            return date

        return parse_with(row, col, parse, self.problems, required=True, expected=DATE)

    def built(self, row: Row, make: Callable[..., T], **fields: Any) -> T | None:
        """``make(**fields)``, with a domain ValidationError recorded as a problem of the row."""
        try:
            return make(**fields)
        except ValidationError as exc:
            self.problems.add(row.file, error_text(exc), row.number)
            return None

    def duplicates(self, rows: dict[Text, list[Row]], column: str) -> None:
        """Report every row of each key (a description of what repeats) found more than once."""
        for what, found in rows.items():
            if len(found) > 1:
                numbers = Text.of("input.rows", rows=tuple(r.number for r in found))
                for r in found:
                    self.problems.at(r, column,
                                     Text.of("input.given_twice", what=what, rows=numbers))

    # --- staff.csv ---
    def staff(self) -> tuple[Employee, ...]:
        rows = self.table("staff", STAFF_COLUMNS)
        if rows is None:
            return ()
        p = self.problems
        out: list[Employee] = []
        by_id: dict[str, list[Row]] = {}
        by_role: dict[tuple[str, Role], list[Row]] = {}
        for row in rows:
            before = len(p)
            eid = parse_with(
                row, "employee_id", normalize_text, p, required=True, expected=EMPLOYEE_ID
            )
            name = parse_text(row, "name", p, required=True)
            role = parse_choice(
                row,
                "role",
                ROLE_WORDS,
                p,
                required=True,
                expected=Text.of("what.role", words=("中心主任", "资深组长", "组长", "座席")),
            )
            center = parse_with(row, "center", self.center, p, required=True, expected=CENTER)
            team = row.get("team")
            if team is None and role is not None and role != Role.DIRECTOR:
                p.at(row, "team", Text("scenario.no_team"))
            days_off = parse_with(row, "days_off", _quota, p)
            shifts = parse_with(row, "shifts", self.shift_list, p)
            leader_since = parse_date(row, "leader_since", p)
            if eid is not None:
                by_id.setdefault(eid, []).append(row)
            if center is not None and role in (Role.DIRECTOR, Role.SENIOR_LEADER):
                by_role.setdefault((center, role), []).append(row)
            if len(p) > before or eid is None or name is None or role is None or center is None:
                continue
            employee = self.built(
                row,
                Employee,
                employee_id=eid,
                name=name,
                role=role,
                center=center,
                team=team or "",
                days_off=days_off,
                shifts=shifts,
                leader_since=leader_since,
            )
            if employee is not None:
                out.append(employee)
        self.employee_ids = set(by_id)
        self.duplicates({Text.of("scenario.dup_employee", id=k): v for k, v in by_id.items()},
                        "employee_id")
        file = self.settings.files["staff"]
        for c in self.settings.centers:
            for role in (Role.DIRECTOR, Role.SENIOR_LEADER):
                found = by_role.get((c.id, role), [])
                if not found:
                    p.add(file, Text.of("scenario.no_role", center=c.id, role=role_text(role)))
                elif len(found) > 1:
                    numbers = tuple(r.number for r in found)
                    for r in found:
                        p.at(r, "role", Text.of("scenario.many_roles", center=c.id,
                                                n=len(found), role=role_text(role),
                                                rows=numbers))
        return tuple(out)

    def shift_list(self, text: str) -> tuple[str, ...] | None:
        parts = [s for s in re.split(r"[|;,、/\s]+", normalize_text(text)) if s]
        if not parts:
            return None
        codes: list[str] = []
        for part in parts:
            code = resolve_shift(part, self.lookup)
            if code not in codes:
                codes.append(code)
        return tuple(codes)

    # --- demand.csv ---
    def demand(self) -> tuple[DemandRow, ...]:
        rows = self.table("demand", DEMAND_COLUMNS)
        if rows is None:
            return ()
        p = self.problems
        out: list[DemandRow] = []
        seen: dict[Text, list[Row]] = {}
        for row in rows:
            before = len(p)
            center = parse_with(row, "center", self.center, p, required=True, expected=CENTER)
            day = parse_with(
                row,
                "day",
                lambda t: day_selector(t, self.month),
                p,
                required=True,
                expected=Text("what.day"),
            )
            shift = parse_with(
                row,
                "shift",
                lambda t: resolve_shift(t, self.lookup),
                p,
                required=True,
                expected=SHIFT,
            )
            min_agents = parse_int(row, "min_agents", 0, 10_000, p, required=True)
            target = parse_int(row, "target_agents", 0, 10_000, p)
            min_leaders = parse_int(row, "min_leaders", 0, 10_000, p, default=0)
            if min_agents is not None and target is not None and target < min_agents:
                p.at(
                    row,
                    "target_agents",
                    Text.of("scenario.target_below_min", min_agents=min_agents,
                            got=row.get("target_agents") or ""),
                )
            if center is not None and day is not None and shift is not None:
                seen.setdefault(
                    Text.of("scenario.dup_demand", center=center, day=day, shift=shift), []
                ).append(row)
            if (
                len(p) > before
                or center is None
                or day is None
                or shift is None
                or min_agents is None
                or min_leaders is None
            ):
                continue
            target_agents = min_agents if target is None else target
            item = self.built(
                row,
                DemandRow,
                center=center,
                day=day,
                shift=shift,
                min_agents=min_agents,
                target_agents=target_agents,
                min_leaders=min_leaders,
            )
            if item is not None:
                out.append(item)
        self.duplicates(seen, "day")
        return tuple(out)

    # --- requests.csv ---
    def requests(self) -> tuple[Request, ...]:
        rows = self.table("requests", REQUESTS_COLUMNS)
        if rows is None:
            return ()
        p = self.problems
        out: list[Request] = []
        for row in rows:
            before = len(p)
            eid = parse_with(
                row, "employee_id", self.employee_id, p, required=True, expected=EMPLOYEE_ID
            )
            first = self.in_month(row, "date")
            last = first
            if row.get("end_date") is not None:
                last = self.in_month(row, "end_date")
                if first is not None and last is not None and last < first:
                    p.at(
                        row,
                        "end_date",
                        Text.of("scenario.end_before_start", first=first.isoformat(),
                                got=row.get("end_date") or ""),
                    )
            kind = parse_choice(
                row,
                "type",
                REQUEST_TYPE_WORDS,
                p,
                required=True,
                expected=Text.of("what.request_type", leave="假", off="休", shift="想上",
                                 avoid="不上", pin="固定"),
            )
            shift: str | None = None
            if kind in (RequestType.SHIFT, RequestType.AVOID):
                shift = parse_with(
                    row,
                    "shift",
                    lambda t: resolve_shift(t, self.lookup),
                    p,
                    required=True,
                    expected=Text.of("what.request_shift", kind=kind.value),
                )
            elif kind == RequestType.PIN:
                shift = parse_with(
                    row,
                    "shift",
                    self.pin_cell,
                    p,
                    required=True,
                    expected=Text("what.pin_shift"),
                )
            weight = parse_int(row, "weight", 0, 1_000_000, p)
            if len(p) > before or eid is None or first is None or last is None or kind is None:
                continue
            for n in range((last - first).days + 1):
                date = first + dt.timedelta(days=n)
                item = self.built(
                    row,
                    Request,
                    employee_id=eid,
                    date=date,
                    type=kind,
                    shift=shift,
                    weight=weight,
                )
                if item is not None:
                    out.append(item)
        return tuple(out)

    def pin_cell(self, text: str) -> str:
        value = resolve_cell(text, self.lookup)
        if value == LEAVE:
            raise InvalidValue.of("scenario.pin_leave", got=text)
        return value

    # --- history.csv ---
    def history(self) -> tuple[HistoryCell, ...]:
        rows = self.table("history", HISTORY_COLUMNS)
        if rows is None:
            return ()
        p = self.problems
        out: list[HistoryCell] = []
        seen: dict[Text, list[Row]] = {}
        last = self.month.first - dt.timedelta(days=1)
        first = self.month.first - dt.timedelta(days=HISTORY_DAYS)

        def before_month(text: str) -> dt.date:
            date = date_text(text)
            if not first <= date <= last:
                raise InvalidValue.of("scenario.history_date", n=HISTORY_DAYS,
                                      month=str(self.month), first=first.isoformat(),
                                      last=last.isoformat(), got=text)
            return date

        for row in rows:
            before = len(p)
            eid = parse_with(
                row, "employee_id", self.employee_id, p, required=True, expected=EMPLOYEE_ID
            )
            date = parse_with(row, "date", before_month, p, required=True, expected=DATE)
            shift = parse_with(row, "shift", lambda t: resolve_cell(t, self.lookup), p)
            if row.get("shift") is None:
                shift = OFF  # a blank cell is a day off, as in a roster
            if eid is not None and date is not None:
                seen.setdefault(Text.of("scenario.dup_shift_of", id=eid, date=date.isoformat()),
                                []).append(row)
            if len(p) > before or eid is None or date is None or shift is None:
                continue
            item = self.built(row, HistoryCell, employee_id=eid, date=date, shift=shift)
            if item is not None:
                out.append(item)
        self.duplicates(seen, "date")
        return tuple(out)

    # --- ads.csv ---
    def ads(self) -> tuple[AdSlot, ...]:
        rows = self.table("ads", ADS_COLUMNS)
        if rows is None:
            return ()
        p = self.problems
        out: list[AdSlot] = []
        for row in rows:
            before = len(p)
            center = parse_with(row, "center", self.center, p, required=True, expected=CENTER)
            date = self.in_month(row, "date")
            start = parse_with(row, "start", _cell_clock, p, required=True, expected=TIME)
            end = parse_with(row, "end", _cell_clock, p, required=True, expected=TIME)
            if len(p) > before or center is None or date is None or start is None or end is None:
                continue
            stop = end + 24 * 60 if end <= start else end
            item = self.built(row, AdSlot, center=center, date=date, start=start, end=stop)
            if item is not None:
                out.append(item)
        return tuple(out)

    # --- calendar.csv ---
    def calendar(self) -> tuple[CalendarOverride, ...]:
        rows = self.table("calendar", CALENDAR_COLUMNS)
        if rows is None:
            return ()
        p = self.problems
        out: list[CalendarOverride] = []
        seen: dict[Text, list[Row]] = {}
        for row in rows:
            before = len(p)
            date = parse_date(row, "date", p, required=True)
            kind = parse_choice(
                row,
                "kind",
                CALENDAR_KIND_WORDS,
                p,
                required=True,
                expected=Text.of("what.calendar_kind", holiday="节假日", workday="调休"),
            )
            name = row.get("name") or ""
            if date is not None:
                seen.setdefault(Text.of("scenario.dup_date", date=date.isoformat()), []).append(row)
            if len(p) > before or date is None or kind is None:
                continue
            item = self.built(row, CalendarOverride, date=date, kind=kind, name=name)
            if item is not None:
                out.append(item)
        self.duplicates(seen, "date")
        return tuple(out)


def _quota(text: str) -> DaysOffQuota:
    try:
        return DaysOffQuota.parse(text)
    except ValidationError as exc:
        raise InvalidValue.of("input.with_got", message=error_text(exc), got=text) from None


def _cell_clock(text: str) -> int:
    return parse_clock(normalize_text(text))


# --- the folder --------------------------------------------------------------------------------


#: a scenario's language when scenario.toml does not state one (the default of Scenario.language)
DEFAULT_LANGUAGE: Lang = "zh"


def peek_language(folder: Path | str) -> Lang | None:
    """The ``language`` a scenario's scenario.toml states, read as far as it can be, without
    checking anything else; ``None`` if it states none (or none that can be found). Never raises.

    For the language of input errors, whether or not the scenario loads: a scenario.toml that
    parses gives its ``[scenario] language``; one that does not parse gives the
    ``language = "…"`` line of its [scenario] table. A [scenario] table without ``language``
    gives the scenario's default language (Chinese), the one its reports use.
    """
    try:
        text = read_text(Path(folder) / SCENARIO_FILE, name=SCENARIO_FILE)
        try:
            raw = tomllib.loads(text)
        except tomllib.TOMLDecodeError:
            return _language_line(text)
        section = raw.get("scenario")
        if not isinstance(section, dict):
            return None
        if "language" not in section:
            return DEFAULT_LANGUAGE
        return _lang(section.get("language"))
    except Exception:  # a scenario folder we cannot read at all: the caller's default
        return None


def message_language(folder: Path | str, lang: Lang | None = None) -> Lang:
    """The language of a command's input errors: ``lang`` (``--lang``) if given, else the one
    the scenario's scenario.toml states (:func:`peek_language`), else English."""
    return lang or peek_language(folder) or "en"


_LANGUAGE_LINE = re.compile(r"^\s*\"?language\"?\s*=\s*[\"']([a-z]+)[\"']\s*(?:#.*)?$")


def _language_line(text: str) -> Lang | None:
    """``language = "…"`` in the [scenario] table of a TOML text that does not parse."""
    current: str | None = None
    for line in text.splitlines():
        header = _TABLE_HEADER.match(line)
        if header:
            current = header.group(2).strip()
            continue
        m = _LANGUAGE_LINE.match(line)
        if m and current == "scenario":
            return _lang(m.group(1))
    return None


def _lang(value: object) -> Lang | None:
    return "zh" if value == "zh" else "en" if value == "en" else None



def load_scenario(folder: Path | str) -> Scenario:
    """Read and check the scenario folder ``folder``; raise one InputError with every problem."""
    folder = Path(folder)
    if not folder.is_dir():
        raise InputError.single(str(folder), Text("scenario.not_found"))
    settings = _read_settings(folder)
    reader = _Reader(folder, settings)
    staff = reader.staff()
    demand = reader.demand()
    requests = reader.requests()
    history = reader.history()
    ads = reader.ads()
    overrides = reader.calendar()
    reader.problems.raise_if_any()
    try:
        return Scenario(
            name=settings.name,
            month=settings.month,
            language=settings.language,
            centers=settings.centers,
            shifts=settings.shifts,
            staff=staff,
            demand=demand,
            requests=requests,
            history=history,
            ads=ads,
            calendar_overrides=overrides,
            rules=settings.rules,
            weights=settings.weights,
            calendar=settings.calendar,
            assessment=settings.assessment,
        )
    except ValidationError as exc:
        raise InputError.single(folder.name, error_text(exc)) from None
