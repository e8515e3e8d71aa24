"""The call-center domain as pure, validated data: no I/O here.

A :class:`Scenario` is one month of one department: its centers, shifts, staff, demand, requests,
history, ad slots and calendar, plus the rule parameters and wish weights. Readers in
:mod:`roster.io` build it from a scenario folder; :mod:`roster.compile` turns it into the solver's
generic problems, one per center. A check that fails raises
:class:`~roster.errors.InvalidValue`, whose message is a text of :data:`solver.messages.MESSAGES`.
"""

from __future__ import annotations

import calendar as _calendar
import datetime as dt
import re
from decimal import Decimal
from enum import StrEnum
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from roster.errors import InvalidValue
from solver.messages import Text

OFF = "OFF"
LEAVE = "LEAVE"

Code = Annotated[str, Field(min_length=1, max_length=16, pattern=r"^[A-Za-z0-9_]+$")]


class Frozen(BaseModel):
    """Base of every domain record: immutable, no unknown fields."""

    model_config = ConfigDict(frozen=True, extra="forbid")


class Role(StrEnum):
    DIRECTOR = "director"
    SENIOR_LEADER = "senior_leader"
    TEAM_LEADER = "team_leader"
    AGENT = "agent"

    @property
    def is_leader(self) -> bool:
        """Team leaders on the floor for R8 (the senior leader counts, the director doesn't)."""
        return self in (Role.SENIOR_LEADER, Role.TEAM_LEADER)


def role_text(role: Role) -> Text:
    """A role in words: its value in English ('senior_leader'), '资深组长' in Chinese."""
    return Text(f"role.{role.value}")


class CenterKind(StrEnum):
    INBOUND = "inbound"
    OUTBOUND = "outbound"


def parse_clock(text: str) -> int:
    """'08:30' -> minutes after midnight (0..1439)."""
    m = re.fullmatch(r"\s*(\d{1,2}):(\d{2})\s*", text)
    if not m or int(m.group(1)) > 24 or int(m.group(2)) > 59:
        raise InvalidValue.of("domain.clock", got=text)
    minutes = int(m.group(1)) * 60 + int(m.group(2))
    if minutes > 24 * 60:
        raise InvalidValue.of("domain.clock_24", got=text)
    return minutes % (24 * 60) if minutes == 24 * 60 else minutes


class Center(Frozen):
    id: Code
    name: str = ""
    kind: CenterKind = CenterKind.INBOUND


class ShiftType(Frozen):
    """A shift: its code, times (minutes after midnight) and aliases. ``end`` may exceed 1440."""

    code: Code
    name: str = ""
    aliases: tuple[str, ...] = ()
    start: int = Field(ge=0, lt=24 * 60)
    end: int = Field(gt=0, le=48 * 60)
    late: bool = False

    @model_validator(mode="after")
    def _end_after_start(self) -> ShiftType:
        if self.end <= self.start:
            raise InvalidValue.of("domain.end_before_start", code=self.code)
        if self.end - self.start > 24 * 60:
            raise InvalidValue.of("domain.over_24_hours", code=self.code)
        if self.code in (OFF, LEAVE):
            raise InvalidValue.of("domain.reserved_code", code=self.code)
        return self

    @property
    def minutes(self) -> int:
        return self.end - self.start


class DaysOffQuota(Frozen):
    """R4: a person's days off in the month, ``minimum``..``maximum`` inclusive."""

    minimum: int = Field(ge=0, le=31)
    maximum: int = Field(ge=0, le=31)

    @model_validator(mode="after")
    def _ordered(self) -> DaysOffQuota:
        if self.minimum > self.maximum:
            raise InvalidValue.of("domain.quota_order")
        return self

    @classmethod
    def parse(cls, text: str) -> DaysOffQuota:
        """'8' -> 8..8; '7-9' (or 7~9, 7–9) -> 7..9."""
        m = re.fullmatch(r"\s*(\d{1,2})\s*(?:[-~–—]\s*(\d{1,2}))?\s*", text)
        if not m:
            raise InvalidValue.of("domain.quota", got=text)
        low = int(m.group(1))
        high = int(m.group(2)) if m.group(2) else low
        return cls(minimum=low, maximum=high)


class Employee(Frozen):
    employee_id: Annotated[str, Field(min_length=1, max_length=64)]
    name: str
    role: Role
    center: str
    team: str = ""
    days_off: DaysOffQuota | None = None
    shifts: tuple[str, ...] | None = None  # allowed shift codes; None = all
    leader_since: dt.date | None = None


class DemandRow(Frozen):
    """One line of demand.csv after parsing: ``day`` is a day selector or an ISO date."""

    center: str
    day: str
    shift: str
    min_agents: int = Field(ge=0, le=10_000)
    target_agents: int = Field(ge=0, le=10_000)
    min_leaders: int = Field(ge=0, le=10_000)

    @model_validator(mode="after")
    def _target_at_least_min(self) -> DemandRow:
        if self.target_agents < self.min_agents:
            raise InvalidValue.of("domain.target_below_min")
        return self


class RequestType(StrEnum):
    LEAVE = "leave"
    OFF = "off"
    SHIFT = "shift"
    AVOID = "avoid"
    PIN = "pin"


class Request(Frozen):
    employee_id: str
    date: dt.date
    type: RequestType
    shift: str | None = None  # shift code; for PIN also OFF
    weight: int | None = Field(default=None, ge=0, le=1_000_000)


class HistoryCell(Frozen):
    employee_id: str
    date: dt.date
    shift: str  # shift code, OFF or LEAVE


class AdSlot(Frozen):
    center: str
    date: dt.date
    start: int = Field(ge=0, lt=24 * 60)
    end: int = Field(gt=0, le=48 * 60)


class CalendarOverride(Frozen):
    date: dt.date
    kind: Literal["holiday", "workday"]
    name: str = ""


class ShortfallPolicy(StrEnum):
    FORBID = "forbid"
    REPORT = "report"


class RuleSettings(Frozen):
    """Hard-rule parameters (R1-R8). Defaults follow DOMAIN.md."""

    pair_rule: bool = True
    days_off: int = Field(default=8, ge=0, le=31)
    leave_counts_as_day_off: bool = True
    max_consecutive_work_days: int = Field(default=6, ge=1, le=31)
    min_rest_hours: float = Field(default=11, ge=0, le=24)
    cover_shortfall: ShortfallPolicy = ShortfallPolicy.FORBID
    min_leaders_shortfall: ShortfallPolicy = ShortfallPolicy.FORBID


class WishWeights(Frozen):
    """Weights of the soft terms (W1-W5, and priced shortfalls). 0 switches a term off."""

    cover_shortfall: int = Field(default=1000, ge=0, le=1_000_000)
    below_target: int = Field(default=10, ge=0, le=1_000_000)
    day_off_request: int = Field(default=20, ge=0, le=1_000_000)
    shift_request: int = Field(default=10, ge=0, le=1_000_000)
    avoid_shift_request: int = Field(default=10, ge=0, le=1_000_000)
    weekend_fairness: int = Field(default=5, ge=0, le=1_000_000)
    isolated_day_off: int = Field(default=3, ge=0, le=1_000_000)
    late_shift_fairness: int = Field(default=2, ge=0, le=1_000_000)
    shift_type_change: int = Field(default=1, ge=0, le=1_000_000)


class CalendarSettings(Frozen):
    overrides_complete: bool = False


# --- the senior leader's monthly assessment ---------------------------------------------------

CRITERIA = ("B1", "B2", "B3", "B4", "B5")
"""Part B's criteria, in order (DOMAIN.md)."""

A1_POINTS = Decimal(25)
A2_POINTS = Decimal(25)
B_POINTS = Decimal(50)


class ScoringPolicy(StrEnum):
    """How A1 and A2 turn a ratio into points."""

    THRESHOLD = "threshold"  # full points at or above the threshold, else 0
    LINEAR = "linear"  # points x min(1, ratio / threshold)


class NoActingDaysPolicy(StrEnum):
    """What part A is worth in a month without acting days."""

    DOUBLE_B = "double_b"  # part B counts twice (out of 100)
    FULL_A = "full_a"  # part A gets its 50 points
    ZERO_A = "zero_a"  # part A gets 0


class MissingRaterPolicy(StrEnum):
    """A rater role (manager, director, employees) with no rating."""

    ERROR = "error"  # refused
    SHARE = "share"  # its weight is shared among the other roles, in proportion


class CriterionMaxima(Frozen):
    """Part B: each criterion's maximum points; its weight is its maximum over part B's 50."""

    B1: Decimal = Field(default=Decimal(15), gt=0, le=50)
    B2: Decimal = Field(default=Decimal(10), gt=0, le=50)
    B3: Decimal = Field(default=Decimal(10), gt=0, le=50)
    B4: Decimal = Field(default=Decimal("7.5"), gt=0, le=50)
    B5: Decimal = Field(default=Decimal("7.5"), gt=0, le=50)

    @model_validator(mode="after")
    def _part_b_is_50(self) -> CriterionMaxima:
        total = sum(self.as_dict().values(), Decimal(0))
        if total != B_POINTS:
            raise InvalidValue.of("domain.criteria_sum", points=str(B_POINTS), total=str(total))
        return self

    def as_dict(self) -> dict[str, Decimal]:
        return {c: getattr(self, c) for c in CRITERIA}


class RoleWeights(Frozen):
    """Part B: the weight of each rater role in a criterion's score."""

    manager: Decimal = Field(default=Decimal("0.4"), ge=0, le=1)
    director: Decimal = Field(default=Decimal("0.3"), ge=0, le=1)
    employee: Decimal = Field(default=Decimal("0.3"), ge=0, le=1)

    @model_validator(mode="after")
    def _sum_to_one(self) -> RoleWeights:
        total = self.manager + self.director + self.employee
        if total != 1:
            raise InvalidValue.of("domain.weights_sum", total=str(total))
        return self


class AssessmentSettings(Frozen):
    """The senior leader's monthly assessment and eligibility. Defaults follow DOMAIN.md."""

    threshold: Decimal = Field(default=Decimal("0.85"), gt=0, le=1)  # A1, A2
    scoring: ScoringPolicy = ScoringPolicy.THRESHOLD
    no_acting_days: NoActingDaysPolicy = NoActingDaysPolicy.DOUBLE_B
    missing_rater: MissingRaterPolicy = MissingRaterPolicy.ERROR
    criteria: CriterionMaxima = CriterionMaxima()
    role_weights: RoleWeights = RoleWeights()
    remove_below: Decimal = Field(default=Decimal(70), ge=0, le=100)
    allowance: Decimal = Field(default=Decimal(200), ge=0, le=1_000_000)  # yuan a month
    commission_rate: Decimal = Field(default=Decimal("0.20"), ge=0, le=1)  # of the director's
    min_leader_months: int = Field(default=6, ge=0, le=600)  # S1


class Month(Frozen):
    year: int = Field(ge=1900, le=2999)
    month: int = Field(ge=1, le=12)

    @classmethod
    def parse(cls, text: str) -> Month:
        m = re.fullmatch(r"\s*(\d{4})-(\d{1,2})\s*", text)
        if not m:
            raise InvalidValue.of("domain.month", got=text)
        year, month = int(m.group(1)), int(m.group(2))
        if not (1900 <= year <= 2999 and 1 <= month <= 12):
            raise InvalidValue.of("domain.month", got=text)
        return cls(year=year, month=month)

    @property
    def dates(self) -> list[dt.date]:
        num_days = _calendar.monthrange(self.year, self.month)[1]
        return [dt.date(self.year, self.month, d) for d in range(1, num_days + 1)]

    @property
    def first(self) -> dt.date:
        return dt.date(self.year, self.month, 1)

    def __str__(self) -> str:
        return f"{self.year:04d}-{self.month:02d}"


class Scenario(Frozen):
    """One department's month: everything the generator, validator and scorer need."""

    name: str = ""
    month: Month
    language: Literal["zh", "en"] = "zh"
    centers: tuple[Center, ...]
    shifts: tuple[ShiftType, ...]
    staff: tuple[Employee, ...]
    demand: tuple[DemandRow, ...] = ()
    requests: tuple[Request, ...] = ()
    history: tuple[HistoryCell, ...] = ()
    ads: tuple[AdSlot, ...] = ()
    calendar_overrides: tuple[CalendarOverride, ...] = ()
    rules: RuleSettings = RuleSettings()
    weights: WishWeights = WishWeights()
    calendar: CalendarSettings = CalendarSettings()
    assessment: AssessmentSettings = AssessmentSettings()

    @field_validator("centers")
    @classmethod
    def _some_center(cls, v: tuple[Center, ...]) -> tuple[Center, ...]:
        if not v:
            raise InvalidValue.of("domain.no_center")
        ids = [c.id for c in v]
        if len(set(ids)) != len(ids):
            raise InvalidValue.of("domain.center_ids")
        return v

    @field_validator("shifts")
    @classmethod
    def _some_shift(cls, v: tuple[ShiftType, ...]) -> tuple[ShiftType, ...]:
        if not v:
            raise InvalidValue.of("domain.no_shift")
        codes = [s.code for s in v]
        if len(set(codes)) != len(codes):
            raise InvalidValue.of("domain.shift_codes")
        return v

    @model_validator(mode="after")
    def _consistent(self) -> Scenario:
        center_ids = {c.id for c in self.centers}
        shift_codes = {s.code for s in self.shifts}
        ids: set[str] = set()
        for e in self.staff:
            if e.employee_id in ids:
                raise InvalidValue.of("domain.employee_twice", id=e.employee_id)
            ids.add(e.employee_id)
            if e.center not in center_ids:
                raise InvalidValue.of("domain.employee_center", id=e.employee_id, center=e.center)
            for code in e.shifts or ():
                if code not in shift_codes:
                    raise InvalidValue.of("domain.employee_shift", id=e.employee_id, code=code)
        for c in self.centers:
            for role in (Role.DIRECTOR, Role.SENIOR_LEADER):
                n = sum(1 for e in self.staff if e.center == c.id and e.role == role)
                if n != 1:
                    raise InvalidValue.of("domain.one_per_center", center=c.id,
                                          role=role_text(role), n=n)
        return self

    # --- lookups -------------------------------------------------------------------------
    def shift(self, code: str) -> ShiftType:
        for s in self.shifts:
            if s.code == code:
                return s
        raise KeyError(code)

    def center_staff(self, center_id: str) -> list[Employee]:
        return [e for e in self.staff if e.center == center_id]

    def employee(self, employee_id: str) -> Employee:
        for e in self.staff:
            if e.employee_id == employee_id:
                return e
        raise KeyError(employee_id)

    def director(self, center_id: str) -> Employee:
        return next(e for e in self.center_staff(center_id) if e.role == Role.DIRECTOR)

    def senior_leader(self, center_id: str) -> Employee:
        return next(e for e in self.center_staff(center_id) if e.role == Role.SENIOR_LEADER)

    def shift_aliases(self) -> dict[str, str]:
        """Every spelling of a shift accepted in input (code, aliases, name) -> code."""
        out: dict[str, str] = {}
        for s in self.shifts:
            for alias in (s.code, *s.aliases, s.name):
                if alias:
                    key = alias.strip().upper() if alias.isascii() else alias.strip()
                    out.setdefault(key, s.code)
        return out
