"""China's public-holiday calendar for one month: holidays, weekends and 调休 make-up workdays.

The data come from the maintained package ``chinesecalendar`` (``import chinese_calendar``), never
from a hand-typed list; rows of the scenario's ``calendar.csv`` (:class:`CalendarOverride`) win over
it. A month the package does not cover is an :class:`InputError` unless the scenario says its
overrides are complete (``[calendar] overrides_complete = true``), in which case the overrides alone
define the month's holidays and make-up workdays.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

import chinese_calendar

from roster.domain import CalendarOverride, Month
from roster.errors import InputError
from solver.messages import Text

CALENDAR_FILE = "calendar.csv"


@dataclass(frozen=True)
class DayInfo:
    """What the calendar says about one date."""

    date: dt.date
    weekday: int  # 0 = Monday
    is_weekend: bool  # Saturday or Sunday
    is_holiday: bool  # a statutory public holiday (incl. in-lieu days off)
    holiday_name: str  # '' if none (the package's English name, or the override's name)
    is_makeup_workday: bool  # a 调休 weekend day that is a working day

    @property
    def is_rest_day(self) -> bool:
        """A weekend day that is not a make-up workday, or a public holiday (the days W3 counts)."""
        return (self.is_weekend and not self.is_makeup_workday) or self.is_holiday

    @property
    def iso_week(self) -> tuple[int, int]:
        """(ISO year, ISO week number): the calendar week, Monday to Sunday."""
        iso = self.date.isocalendar()
        return (iso.year, iso.week)


def package_version() -> str:
    """The installed chinesecalendar version, for messages."""
    return str(getattr(chinese_calendar, "__version__", "?"))


def package_covers(month: Month) -> bool:
    """True when the installed chinesecalendar has holiday data for the month's year."""
    try:
        chinese_calendar.is_workday(month.first)
    except NotImplementedError:
        return False
    return True


def chinese_holiday_name(name: str) -> str:
    """The package's English holiday name -> its Chinese name ('National Day' -> '国庆节').

    A name the package doesn't know (an override's own name, say) is returned unchanged.
    """
    for holiday in chinese_calendar.Holiday:
        if holiday.value == name:
            return str(holiday.chinese)
    return name


def _package_day(date: dt.date) -> tuple[bool, str, bool]:
    """(is_holiday, holiday_name, is_workday) from the package; raises NotImplementedError."""
    _, name = chinese_calendar.get_holiday_detail(date)
    workday = bool(chinese_calendar.is_workday(date))
    # A make-up workday carries the name of its holiday too: only a day off is a holiday.
    is_holiday = name is not None and not workday
    return is_holiday, (str(name) if is_holiday else ""), workday


def month_calendar(
    month: Month,
    overrides: Sequence[CalendarOverride] = (),
    overrides_complete: bool = False,
) -> list[DayInfo]:
    """One :class:`DayInfo` per date of the month, in date order.

    ``overrides`` for dates outside the month are ignored. A ``holiday`` override makes the date
    a public holiday; a ``workday`` override makes it a working day (a make-up workday when it
    falls on a weekend). With ``overrides_complete`` the package is not consulted at all.
    """
    by_date = {o.date: o for o in overrides}
    use_package = not overrides_complete
    if use_package and not package_covers(month):
        raise InputError.single(
            CALENDAR_FILE,
            Text.of("calendar.no_data", version=package_version(), month=str(month),
                    makeup="调休"),
        )

    days: list[DayInfo] = []
    for date in month.dates:
        weekday = date.weekday()
        is_weekend = weekday >= 5
        if use_package:
            is_holiday, name, workday = _package_day(date)
        else:
            is_holiday, name, workday = False, "", not is_weekend
        override = by_date.get(date)
        if override is not None:
            if override.kind == "holiday":
                is_holiday, name, workday = True, override.name or name, False
            else:
                is_holiday, name, workday = False, "", True
        days.append(
            DayInfo(
                date=date,
                weekday=weekday,
                is_weekend=is_weekend,
                is_holiday=is_holiday,
                holiday_name=name,
                is_makeup_workday=is_weekend and workday,
            )
        )
    return days


def date_ranges(dates: Sequence[dt.date]) -> str:
    """'2026-10-04…2026-10-10, 2026-10-20': runs of consecutive dates shortened."""
    runs: list[list[dt.date]] = []
    for date in dates:
        if runs and (date - runs[-1][-1]).days == 1:
            runs[-1].append(date)
        else:
            runs.append([date])
    return ", ".join(r[0].isoformat() if len(r) == 1 else
                     f"{r[0].isoformat()}…{r[-1].isoformat()}" for r in runs)
