"""The roster as iCalendar (RFC 5545) files: one per person, each shift an event.

Times are local to Asia/Shanghai (China has one time zone and no daylight saving time since
1991); each file carries the ``VTIMEZONE`` block its ``TZID`` names, so calendar programs need
no time-zone database of their own. A shift that ends after midnight (a night shift, ``end``
past 24:00 in the scenario) ends on the next day. Days off and leave are not events.

An event's ``UID`` is the person, the date and ``@roster``, so importing a corrected roster
updates the events instead of adding them twice.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator

from roster.domain import ShiftType
from roster.export.grid import CenterGrid, ExportData, PersonRow
from roster.export.labels import Lang, labels, role_text

TZID = "Asia/Shanghai"
PRODID = "-//roster//roster export//EN"
VTIMEZONE = (
    "BEGIN:VTIMEZONE",
    f"TZID:{TZID}",
    f"X-LIC-LOCATION:{TZID}",
    "BEGIN:STANDARD",
    "TZOFFSETFROM:+0800",
    "TZOFFSETTO:+0800",
    "TZNAME:CST",
    "DTSTART:19700101T000000",
    "END:STANDARD",
    "END:VTIMEZONE",
)
MAX_LINE_OCTETS = 75


def escape_text(text: str) -> str:
    """A TEXT value: backslash, semicolon, comma and line breaks escaped."""
    return (text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
            .replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n"))


def fold(line: str) -> str:
    """A content line folded to at most 75 octets a line, never inside a UTF-8 character."""
    parts: list[str] = []
    current, size, limit = "", 0, MAX_LINE_OCTETS
    for char in line:
        n = len(char.encode("utf-8"))
        if size + n > limit:
            parts.append(current)
            current, size, limit = "", 0, MAX_LINE_OCTETS - 1  # the leading space counts
        current += char
        size += n
    parts.append(current)
    return "\r\n ".join(parts)


def local_time(value: dt.datetime) -> str:
    return value.strftime("%Y%m%dT%H%M%S")


def shift_times(date: dt.date, shift: ShiftType) -> tuple[dt.datetime, dt.datetime]:
    """The local start and end of a shift on ``date``; the end may fall on the next day."""
    midnight = dt.datetime.combine(date, dt.time())
    return (midnight + dt.timedelta(minutes=shift.start),
            midnight + dt.timedelta(minutes=shift.end))


def _events(data: ExportData, grid: CenterGrid, person: PersonRow, lang: Lang,
            stamp: str) -> Iterator[str]:
    t = labels(lang)
    sc = data.scenario
    e = person.employee
    center = grid.center.name or grid.center.id
    senior = sc.senior_leader(grid.center.id).employee_id
    for d, (date, cell) in enumerate(zip(data.dates, person.cells, strict=True)):
        try:
            shift = sc.shift(cell)
        except KeyError:  # OFF or LEAVE
            continue
        start, end = shift_times(date, shift)
        summary = f"{shift.code} {shift.name}".strip()
        details = [f"{t['center']}: {center} ({grid.center.id})",
                   f"{t['role']}: {role_text(e.role, lang)}"]
        if e.team:
            details.append(f"{t['team']}: {e.team}")
        if e.employee_id == senior and d in grid.acting:
            summary += f" · {t['ics_acting']}"
            details.append(t["acting_note"])
        yield from (
            "BEGIN:VEVENT",
            f"UID:{escape_text(e.employee_id)}-{date:%Y%m%d}@roster",
            f"DTSTAMP:{stamp}",
            f"DTSTART;TZID={TZID}:{local_time(start)}",
            f"DTEND;TZID={TZID}:{local_time(end)}",
            f"SUMMARY:{escape_text(summary)}",
            f"DESCRIPTION:{escape_text(chr(10).join(details))}",
            f"LOCATION:{escape_text(center)}",
            "TRANSP:OPAQUE",
            "END:VEVENT",
        )


def person_calendar(data: ExportData, grid: CenterGrid, person: PersonRow, lang: Lang,
                    stamp: dt.datetime) -> str:
    """One person's VCALENDAR text (CRLF line ends, folded). ``stamp``: DTSTAMP, in UTC."""
    e = person.employee
    name = labels(lang)["ics_name"].format(month=data.scenario.month, name=e.name)
    stamp_text = stamp.astimezone(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{PRODID}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{escape_text(name)}",
        f"X-WR-TIMEZONE:{TZID}",
        *VTIMEZONE,
        *_events(data, grid, person, lang, stamp_text),
        "END:VCALENDAR",
    ]
    return "".join(fold(line) + "\r\n" for line in lines)


def file_name(employee_id: str, taken: set[str]) -> str:
    """``<employee_id>.ics``, with characters a file name can't hold replaced; unique."""
    base = re.sub(r"[^\w.-]", "_", employee_id).lstrip(".") or "employee"
    name, n = f"{base}.ics", 2
    while name.casefold() in taken:
        name, n = f"{base}-{n}.ics", n + 1
    taken.add(name.casefold())
    return name


def to_ics(data: ExportData, lang: Lang, stamp: dt.datetime | None = None) -> dict[str, str]:
    """Every person's calendar: file name -> VCALENDAR text, in the scenario's staff order."""
    stamp = stamp or dt.datetime.now(dt.UTC)
    taken: set[str] = set()
    return {
        file_name(person.employee.employee_id, taken):
            person_calendar(data, grid, person, lang, stamp)
        for grid in data.centers for person in grid.people
    }

