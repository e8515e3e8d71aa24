"""Tests of roster.calendar: China's holidays and 调休 make-up workdays for a month."""

from __future__ import annotations

import datetime as dt

import pytest

from roster.calendar import DayInfo, chinese_holiday_name, month_calendar, package_covers
from roster.domain import CalendarOverride, Month
from roster.errors import InputError

OCT_2026 = Month(year=2026, month=10)


def _day(days: list[DayInfo], day: int) -> DayInfo:
    return days[day - 1]


def test_october_2026_has_31_days_in_order() -> None:
    """The month yields one DayInfo per date, in date order, with the right weekdays."""
    days = month_calendar(OCT_2026)
    assert [d.date for d in days] == [dt.date(2026, 10, d) for d in range(1, 32)]
    assert _day(days, 1).weekday == 3  # Thursday
    assert _day(days, 31).weekday == 5  # Saturday


def test_national_day_2026_holidays() -> None:
    """1-7 October 2026 are the National Day holidays (incl. in-lieu days), nothing else is."""
    days = month_calendar(OCT_2026)
    holidays = [d.date.day for d in days if d.is_holiday]
    assert holidays == [1, 2, 3, 4, 5, 6, 7]
    assert {d.holiday_name for d in days if d.is_holiday} == {"National Day"}
    assert all(d.holiday_name == "" for d in days if not d.is_holiday)


def test_national_day_2026_makeup_workday() -> None:
    """Saturday 10 October 2026 is the month's only 调休 make-up workday."""
    days = month_calendar(OCT_2026)
    assert [d.date.day for d in days if d.is_makeup_workday] == [10]
    sat = _day(days, 10)
    assert (sat.is_weekend, sat.is_holiday, sat.is_rest_day) == (True, False, False)
    assert sat.holiday_name == ""


def test_september_2026_makeup_workday_before_national_day() -> None:
    """Sunday 20 September 2026 is a make-up workday; the Mid-Autumn holiday is 25-27 September."""
    days = month_calendar(Month(year=2026, month=9))
    assert [d.date.day for d in days if d.is_makeup_workday] == [20]
    assert [d.date.day for d in days if d.is_holiday] == [25, 26, 27]
    assert _day(days, 25).holiday_name == "Mid-autumn Festival"


def test_october_2026_rest_days() -> None:
    """Rest days (W3) are the golden week plus the weekends, without the make-up Saturday."""
    days = month_calendar(OCT_2026)
    rest = [d.date.day for d in days if d.is_rest_day]
    assert rest == [1, 2, 3, 4, 5, 6, 7, 11, 17, 18, 24, 25, 31]
    assert len(rest) == 13


def test_weekend_holiday_is_both() -> None:
    """Saturday 3 October 2026 is both a weekend day and a holiday."""
    sat = _day(month_calendar(OCT_2026), 3)
    assert (sat.is_weekend, sat.is_holiday, sat.is_makeup_workday) == (True, True, False)


def test_iso_week() -> None:
    """iso_week is the Monday-Sunday calendar week: Sun 4 Oct and Mon 5 Oct differ."""
    days = month_calendar(OCT_2026)
    assert _day(days, 4).iso_week == (2026, 40)
    assert _day(days, 5).iso_week == (2026, 41)
    assert _day(days, 11).iso_week == (2026, 41)


def test_overrides_win_over_package() -> None:
    """A holiday override adds a holiday; a workday override cancels one or makes a weekend work."""
    overrides = [
        CalendarOverride(date=dt.date(2026, 10, 9), kind="holiday", name="公司假日"),
        CalendarOverride(date=dt.date(2026, 10, 7), kind="workday"),
        CalendarOverride(date=dt.date(2026, 10, 11), kind="workday", name="调休"),
        CalendarOverride(date=dt.date(2026, 11, 2), kind="holiday", name="ignored"),
    ]
    days = month_calendar(OCT_2026, overrides)
    assert [d.date.day for d in days if d.is_holiday] == [1, 2, 3, 4, 5, 6, 9]
    assert _day(days, 9).holiday_name == "公司假日"
    assert (_day(days, 7).is_holiday, _day(days, 7).is_makeup_workday) == (False, False)
    assert [d.date.day for d in days if d.is_makeup_workday] == [10, 11]


def test_holiday_override_without_name_keeps_package_name() -> None:
    """A nameless holiday override on a package holiday keeps the package's name."""
    overrides = [CalendarOverride(date=dt.date(2026, 10, 2), kind="holiday")]
    assert _day(month_calendar(OCT_2026, overrides), 2).holiday_name == "National Day"


def test_uncovered_year_is_an_input_error() -> None:
    """A month the package has no data for is refused, naming the month and the fix."""
    month = Month(year=2027, month=1)
    assert package_covers(month) is False
    with pytest.raises(InputError) as info:
        month_calendar(month)
    (problem,) = info.value.problems
    assert problem.file == "calendar.csv"
    assert "no holiday data for 2027-01" in problem.message
    assert "overrides_complete = true" in problem.message
    # the Chinese is the Chinese rendering's (it used to follow the English, " / 日历包 …")
    assert "日历包" not in problem.message
    assert "日历包" in problem.render("zh")


def test_overrides_complete_uses_only_overrides() -> None:
    """With overrides_complete, only the overrides and the weekdays define the month."""
    month = Month(year=2027, month=1)
    overrides = [
        CalendarOverride(date=dt.date(2027, 1, 1), kind="holiday", name="元旦"),
        CalendarOverride(date=dt.date(2027, 1, 9), kind="workday", name="调休"),
    ]
    days = month_calendar(month, overrides, overrides_complete=True)
    assert len(days) == 31
    assert [d.date.day for d in days if d.is_holiday] == [1]
    assert _day(days, 1).holiday_name == "元旦"
    assert [d.date.day for d in days if d.is_makeup_workday] == [9]
    assert [d.date.day for d in days if d.is_rest_day] == [1, 2, 3, 10, 16, 17, 23, 24, 30, 31]


def test_overrides_complete_ignores_package_in_covered_year() -> None:
    """overrides_complete also ignores the package for a covered month: no National Day."""
    days = month_calendar(OCT_2026, (), overrides_complete=True)
    assert [d.date.day for d in days if d.is_holiday] == []
    assert [d.date.day for d in days if d.is_makeup_workday] == []
    assert [d.date.day for d in days if d.is_rest_day] == [3, 4, 10, 11, 17, 18, 24, 25, 31]


def test_chinese_holiday_name() -> None:
    """The package's English names map to Chinese; unknown names pass through."""
    assert chinese_holiday_name("National Day") == "国庆节"
    assert chinese_holiday_name("公司假日") == "公司假日"
