"""``roster export``: the roster as an Excel workbook, a web page, iCalendar files or CSV.

:func:`build_export` computes what every format shows (the grid, totals, cover, the validator's
findings); one module per format renders it: :mod:`~roster.export.xlsx`,
:mod:`~roster.export.html`, :mod:`~roster.export.ics`, :mod:`~roster.export.csv`. Labels and
messages, in Chinese and English, are in :mod:`~roster.export.labels`. :func:`write_export`
writes a format atomically (a file via a temporary file; the calendars as a folder).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Literal

from roster.export.csv import LAYOUTS, Layout, to_csv
from roster.export.grid import ExportData, build_export
from roster.export.html import to_html
from roster.export.ics import to_ics
from roster.export.labels import LANGS, Lang
from roster.export.xlsx import to_xlsx
from roster.io.writers import OutputFolder, write_file

Format = Literal["xlsx", "html", "ics", "csv"]
FORMATS: tuple[Format, ...] = ("xlsx", "html", "ics", "csv")
_SUFFIXES: dict[str, Format] = {".xlsx": "xlsx", ".html": "html", ".htm": "html",
                                ".csv": "csv"}  # not ics: it writes a folder

__all__ = [
    "FORMATS",
    "LANGS",
    "LAYOUTS",
    "ExportData",
    "Format",
    "Lang",
    "Layout",
    "build_export",
    "format_of",
    "write_export",
]


def format_of(path: Path) -> Format | None:
    """The format a file name's suffix names (``.xlsx``, ``.html``/``.htm``, ``.csv``), if any."""
    return _SUFFIXES.get(path.suffix.casefold())


def write_export(data: ExportData, fmt: Format, out: Path, lang: Lang, *,
                 layout: Layout = "wide", force: bool = False,
                 stamp: dt.datetime | None = None) -> int:
    """Write ``data`` as ``fmt`` to ``out`` (a folder for ics); return the number of files.

    Nothing is replaced without ``force``: an existing file, or a non-empty folder for ics
    (:class:`~roster.errors.InputError`). ``stamp`` is the calendars' DTSTAMP (default: now).
    """
    if fmt == "ics":
        folder = OutputFolder(out, force=force)
        calendars = to_ics(data, lang, stamp)
        for name, text in calendars.items():
            folder.add_text(name, text)
        folder.publish()
        return len(calendars)
    if fmt == "xlsx":
        content = to_xlsx(data, lang)
    elif fmt == "html":
        content = to_html(data, lang).encode("utf-8")
    else:
        content = to_csv(data, lang, layout)
    write_file(out, content, force=force)
    return 1
