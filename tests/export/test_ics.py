"""The iCalendar export, parsed with the icalendar library: a file per person, a shift an event."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import icalendar

from roster.export import ExportData
from roster.export.ics import file_name, fold, to_ics

from .builders import ROSTER

STAMP = dt.datetime(2026, 9, 20, 8, 0, tzinfo=dt.UTC)
SHANGHAI = ZoneInfo("Asia/Shanghai")


def calendars(data: ExportData, lang: str = "en") -> dict[str, icalendar.Calendar]:
    return {name: icalendar.Calendar.from_ical(text)
            for name, text in to_ics(data, lang, STAMP).items()}  # type: ignore[arg-type]


def events(cal: icalendar.Calendar) -> list[icalendar.Event]:
    return list(cal.walk("VEVENT"))


def test_one_file_per_person(data: ExportData) -> None:
    """Six people, six files named by employee id."""
    assert list(calendars(data)) == [f"{pid}.ics" for pid in ROSTER]


def test_one_event_per_day_worked(data: ExportData) -> None:
    """Each person's events are their 23 worked days, on those dates, with unique UIDs."""
    for name, cal in calendars(data).items():
        pid = name.removesuffix(".ics")
        worked = [d + 1 for d, cell in enumerate(ROSTER[pid]) if cell not in ("OFF", "LEAVE")]
        found = events(cal)
        assert len(found) == 23
        assert [ev.decoded("DTSTART").day for ev in found] == worked
        assert len({str(ev["UID"]) for ev in found}) == 23


def test_times_are_in_shanghai(data: ExportData) -> None:
    """D1's E on the 1st: 08:00 to 16:30 in Asia/Shanghai (UTC+8), with a VTIMEZONE block."""
    cal = calendars(data)["D1.ics"]
    first = events(cal)[0]
    start, end = first.decoded("DTSTART"), first.decoded("DTEND")
    assert (start, end) == (dt.datetime(2026, 10, 1, 8, 0, tzinfo=SHANGHAI),
                            dt.datetime(2026, 10, 1, 16, 30, tzinfo=SHANGHAI))
    assert str(start.tzinfo) == "Asia/Shanghai"
    assert start.utcoffset() == dt.timedelta(hours=8)
    assert start.astimezone(dt.UTC) == dt.datetime(2026, 10, 1, 0, 0, tzinfo=dt.UTC)
    assert first["DTSTART"].params["TZID"] == "Asia/Shanghai"
    assert [str(tz["TZID"]) for tz in cal.walk("VTIMEZONE")] == ["Asia/Shanghai"]
    assert str(first["SUMMARY"]) == "E 早班"
    assert first.decoded("DTSTAMP") == STAMP


def test_a_night_shift_ends_the_next_day(data: ExportData) -> None:
    """A3's N on the 5th runs from 22:00 to 06:00 on the 6th."""
    night = next(ev for ev in events(calendars(data)["A3.ics"])
                 if ev.decoded("DTSTART").day == 5)
    assert str(night["SUMMARY"]) == "N 夜班"
    assert night.decoded("DTSTART") == dt.datetime(2026, 10, 5, 22, 0, tzinfo=SHANGHAI)
    assert night.decoded("DTEND") == dt.datetime(2026, 10, 6, 6, 0, tzinfo=SHANGHAI)


def test_acting_days_are_named_in_the_senior_leaders_events(data: ExportData) -> None:
    """S1 works on 7 of the 8 acting days (off with D1 on the 5th): those events say so."""
    for lang, words in (("en", "Acting director"), ("zh", "代任中心主任")):
        cal = calendars(data, lang)["S1.ics"]
        acting = [ev.decoded("DTSTART").day for ev in events(cal) if words in str(ev["SUMMARY"])]
        assert acting == [12, 19, 26, 27, 28, 29, 30]
    assert str(calendars(data, "zh")["S1.ics"]["X-WR-CALNAME"]) == "2026-10 排班：Sam"


def test_long_lines_are_folded_within_utf8_characters() -> None:
    """Folded lines are at most 75 octets and unfold to the same text."""
    line = "DESCRIPTION:" + "中心" * 40
    folded = fold(line)
    parts = folded.split("\r\n")
    assert all(len(p.encode("utf-8")) <= 75 for p in parts)
    assert all(p.startswith(" ") for p in parts[1:])
    assert folded.replace("\r\n ", "") == line


def test_file_names_are_safe_and_unique() -> None:
    """Characters a file name can't hold are replaced; a clash gets a number."""
    taken: set[str] = set()
    assert [file_name(pid, taken) for pid in ("A/1", "A_1", "../x", "工号7")] == [
        "A_1.ics", "A_1-2.ics", "_x.ics", "工号7.ics"]
