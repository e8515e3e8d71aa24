"""The roster as CSV, UTF-8 with a BOM (so Excel opens it right), wide or long.

* **wide**: ``center,team,employee_id,name,role``, then one column per date (ISO), one row per
  person: ``roster solve``'s ``roster_wide.csv``.
* **long**: ``center,team,employee_id,name,role,date,shift``, one row per person and date:
  ``roster solve``'s ``roster.csv``.

In Chinese the headers are 中心, 组, 工号, 姓名, 职位 (日期, 班次) and roles are in Chinese;
cells are always shift codes, ``OFF`` or ``LEAVE``. Both layouts, in either language, read back
with :func:`roster.io.roster_reader.read_roster`. Text that starts with ``=``, ``+``, ``-`` or
``@`` is escaped with a ``'`` (:func:`roster.io.writers.safe_cell`) so a spreadsheet never runs
it as a formula.
"""

from __future__ import annotations

from typing import Any, Literal

from roster.domain import Employee
from roster.export.grid import ExportData
from roster.export.labels import Lang, labels, role_text
from roster.io.writers import csv_text

Layout = Literal["wide", "long"]
LAYOUTS: tuple[Layout, ...] = ("wide", "long")

_PERSON = ("center", "team", "employee_id", "name", "role")


def _headers(lang: Lang, names: tuple[str, ...]) -> list[str]:
    if lang == "en":
        return list(names)
    t = labels(lang)
    return [t[n] for n in names]


def _person(e: Employee, lang: Lang) -> list[Any]:
    role = e.role.value if lang == "en" else role_text(e.role, lang)
    return [e.center, e.team, e.employee_id, e.name, role]


def to_csv(data: ExportData, lang: Lang, layout: Layout = "wide") -> bytes:
    """The roster's CSV file, as bytes (UTF-8 with BOM, CRLF line ends)."""
    dates = data.dates
    rows: list[list[Any]] = []
    if layout == "wide":
        header = _headers(lang, _PERSON) + [d.isoformat() for d in dates]
        for grid in data.centers:
            for person in grid.people:
                rows.append([*_person(person.employee, lang), *person.cells])
    else:
        header = _headers(lang, (*_PERSON, "date", "shift"))
        for grid in data.centers:
            for person in grid.people:
                base = _person(person.employee, lang)
                rows += [[*base, date.isoformat(), cell]
                         for date, cell in zip(dates, person.cells, strict=True)]
    return csv_text(header, rows).encode("utf-8-sig")
