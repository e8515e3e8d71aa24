"""Hypothesis strategies that break one input file: its bytes, its encoding, its cells, its lines.

Each strategy takes the file's valid bytes and draws a :class:`Mutated` file. ``unreadable`` marks
the mutations after which no reader can make sense of the file (UTF-16, a NUL byte …): the error
must then name this very file. After the others (a cell changed, a row repeated, the file cut
short) the file may still be valid, or break another file's references (a shift renamed in
scenario.toml makes staff.csv name an unknown shift), so the message may name another input.
"""

from __future__ import annotations

import contextlib
import csv
import io
import re
import zipfile
from collections.abc import Callable

from hypothesis import reject
from hypothesis import strategies as st


class Mutated:
    """A broken input file: how it was broken, and its bytes."""

    __slots__ = ("data", "how", "unreadable")

    def __init__(self, how: str, data: bytes, unreadable: bool = False) -> None:
        self.how = how
        self.data = data
        self.unreadable = unreadable

    def __repr__(self) -> str:  # the falsifying example, short enough to read
        shown = self.data if len(self.data) <= 300 else self.data[:300] + b"..."
        return f"Mutated({self.how!r}, {shown!r}, {len(self.data)} bytes)"


LONG = "x" * 10_000
FORMULAS = ['=HYPERLINK("http://x","y")', "+1", "-1", "@SUM(A1)", "=1+1", "=cmd|' /C calc'!A0",
            "\t=1", "\r=1", "＝1"]
HUGE = ["9" * 30, "-" + "9" * 30, "9" * 5000, "18446744073709551616", "2147483648",
        "-2147483649", "1e308", "1e400", "1E5", "0x10", "1_000", "١٢", "½", "²", "Infinity"]
NEGATIVE = ["-1", "-0", "-999999", "−1"]
FLOATS = ["1.5", "0.1", "nan", "NaN", "inf", "-inf", "1e-300", "3.0", ".5", "5.", "1,5", "1,000.5"]
EMPTY = ["", " ", "\u3000", "\u200b", "\ufeff"]
DATES = ["2026-11-01", "2026-09-30", "2026-10-32", "2026-02-29", "2026-02-30", "0000-00-00",
         "0001-01-01", "1899-12-31", "1900-01-01", "9999-12-31", "2026/13/01", "2026年10月",
         "10/1", "32", "0", "2026-10-01T25:00", "2026-10-01 00:00", "2026-10-01 23:59",
         "2026-W40", "1 (四)", "10月1日", "9999-12", "0000-01", "2026-1", "1900-01"]
TIMES = ["25:00", "24:00", "00:00", "23:59", "-1:00", "12:60", "99999999:00", "8", "08:30:00"]
TEXT = [LONG, "字" * 10_000, "\u202eevil", "a\nb", "a\r\nb", '"', '""', "'", ",", ";", "|",
        "OFF", "LEAVE", "休", "假", "E", "e", "早", "None", "null", "true", "FALSE",
        "<script>alert(1)</script>", "\\", "%s%n", "../../etc/passwd", "C1", "IN", "A01", "A01 ",
        "ａ０１", "B1", "b6", "keep", "remove", "shipped", "manager", "employee"]
NASTY: list[str] = FORMULAS + HUGE + NEGATIVE + FLOATS + EMPTY + DATES + TIMES + TEXT

nasty_text = st.one_of(
    st.sampled_from(NASTY),
    st.integers(min_value=-(2**70), max_value=2**70).map(str),
    st.text(max_size=12),
)

# --- bytes ---------------------------------------------------------------------------------------


def _decode(data: bytes) -> str:
    return data.decode("utf-8-sig", errors="replace")


@st.composite
def byte_mutation(draw: st.DrawFn, data: bytes) -> Mutated:
    """Any file cut short, replaced, re-encoded, with a NUL or a control character inserted."""
    text = _decode(data)
    kind = draw(st.sampled_from(["truncate", "random", "utf16", "mixed", "nul", "control",
                                 "flip", "empty", "bom"]))
    if kind == "truncate":
        n = draw(st.integers(0, max(0, len(data) - 1)))
        return Mutated(f"truncated at byte {n}", data[:n])
    if kind == "random":
        junk = draw(st.binary(max_size=600))
        return Mutated("random bytes", junk)
    if kind == "utf16":
        codec = draw(st.sampled_from(["utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le"]))
        encoded = text.encode(codec)
        # with a BOM, or plain ASCII text (which has NULs): no reader may take it for UTF-8
        return Mutated(f"encoded as {codec}", encoded, unreadable=codec in ("utf-16", "utf-32")
                       or text.isascii())
    if kind == "mixed":
        lines = text.splitlines(keepends=True)
        cut = draw(st.integers(0, len(lines)))
        codec = draw(st.sampled_from(["gb18030", "latin-1", "cp1252", "big5", "shift_jis",
                                      "utf-16-le", "euc-kr"]))
        head = "".join(lines[:cut]).encode("utf-8")
        tail = "".join(lines[cut:]).encode(codec, errors="replace")
        extra = "Müller,Ærø,çà\n".encode(draw(st.sampled_from(["latin-1", "cp1252"])))
        return Mutated(f"lines {cut}+ as {codec}", head + extra + tail)
    if kind == "nul":
        at = draw(st.integers(0, len(data)))
        return Mutated(f"NUL at byte {at}", data[:at] + b"\x00" + data[at:], unreadable=True)
    if kind == "control":
        at = draw(st.integers(0, len(data)))
        char = draw(st.sampled_from(["\x01", "\x08", "\x1b", "\x7f", "\x85", "\x0b", "\x0c"]))
        return Mutated(f"{char!r} at byte {at}", data[:at] + char.encode() + data[at:])
    if kind == "flip":
        out = bytearray(data)
        for _ in range(draw(st.integers(1, 4))):
            if not out:
                break
            at = draw(st.integers(0, len(out) - 1))
            out[at] ^= draw(st.integers(1, 255))
        return Mutated("bytes flipped", bytes(out))
    if kind == "empty":
        blank = draw(st.sampled_from([b"", b"\xef\xbb\xbf", b"\n\n", b" ", b"\r\n,,,\r\n"]))
        return Mutated("empty", blank)
    # a doubled byte-order mark, or a UTF-8 BOM on a file that had none
    return Mutated("BOM", b"\xef\xbb\xbf\xef\xbb\xbf" + data.removeprefix(b"\xef\xbb\xbf"))


# --- CSV tables ----------------------------------------------------------------------------------


def _records(data: bytes) -> list[list[str]]:
    return [r for r in csv.reader(io.StringIO(_decode(data), newline=""))]


def _csv_bytes(records: list[list[str]], bom: bool) -> bytes:
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerows(records)
    return ("\ufeff" if bom else "").encode() + buf.getvalue().encode("utf-8")


@st.composite
def csv_mutation(draw: st.DrawFn, data: bytes) -> Mutated:
    """A CSV table with a cell, a row or a column broken (or its bytes, see byte_mutation)."""
    records = _records(data) or [[""]]
    bom = data.startswith(b"\xef\xbb\xbf")
    kind = draw(st.sampled_from(["cell", "cell", "cell", "cells", "dup_header", "dup_row",
                                 "dup_column", "drop_column", "header_only", "ragged", "quote",
                                 "bytes"]))
    if kind == "bytes":
        return draw(byte_mutation(data))
    out = [list(r) for r in records]
    r = draw(st.integers(0, len(out) - 1))
    width = max(len(x) for x in out) or 1
    if kind in ("cell", "cells"):
        for _ in range(1 if kind == "cell" else draw(st.integers(2, 6))):
            r = draw(st.integers(0, len(out) - 1))
            c = draw(st.integers(0, width - 1))
            row = out[r]
            row.extend([""] * (c + 1 - len(row)))
            row[c] = draw(nasty_text)
        return Mutated(f"{kind} set", _csv_bytes(out, bom))
    if kind == "dup_header":
        at = draw(st.integers(1, len(out)))
        out.insert(at, list(out[0]))
        return Mutated(f"header repeated at row {at + 1}", _csv_bytes(out, bom))
    if kind == "dup_row":
        out.insert(r + 1, list(out[r]))
        return Mutated(f"row {r + 1} repeated", _csv_bytes(out, bom))
    if kind == "dup_column":
        c = draw(st.integers(0, width - 1))
        for row in out:
            row.extend([""] * (c + 1 - len(row)))
            row.append(row[c])
        return Mutated(f"column {c + 1} repeated", _csv_bytes(out, bom))
    if kind == "drop_column":
        c = draw(st.integers(0, width - 1))
        out = [row[:c] + row[c + 1:] for row in out]
        return Mutated(f"column {c + 1} dropped", _csv_bytes(out, bom))
    if kind == "header_only":
        return Mutated("header only", _csv_bytes(out[:1], bom))
    if kind == "ragged":
        extra = draw(st.lists(nasty_text, min_size=1, max_size=40))
        out[r] = out[r][: draw(st.integers(0, len(out[r])))] + extra
        return Mutated(f"row {r + 1} ragged", _csv_bytes(out, bom))
    text = _decode(data)
    at = draw(st.integers(0, len(text)))
    quoted = text[:at] + draw(st.sampled_from(['"', '"\n', '""', 'x"y', '"\r'])) + text[at:]
    return Mutated(f"quote at {at}", quoted.encode("utf-8"))


# --- scenario.toml -------------------------------------------------------------------------------

TOML_VALUES = ["99999999999999999999999", "9223372036854775807", "-9223372036854775808", "-1",
               "0", "1e308", "inf", "-inf", "nan", "1.5", '""', f'"{LONG}"', "true", "[]", "{}",
               "[1, 2]", "1979-05-27", "1979-05-27T07:32:00Z", "07:32:00", '"=1+1"',
               '"=HYPERLINK(\\"http://x\\",\\"y\\")"', '"+1"', '"@SUM(A1)"', '"2026-13"',
               '"0000-01"', '"9999-12"', '"1899-12"', '"3000-01"', '"2999-12"', '"1900-01"',
               '["E", "E"]', '"25:00"', '"24:00"', '"00:00"', '"E"', '"OFF"', '"休"', '"早"',
               '"x y"', '"../staff.csv"', '"/etc/passwd"', '"scenario.toml"', '"."', '"nope.csv"',
               '"report"', '"linear"', '"share"', '"zero_a"', '"outbound"', '"en"', '"zz"']
_KEY = re.compile(r"^(\s*[A-Za-z0-9_\-\"]+\s*=\s*)(.*)$", re.DOTALL)

toml_value = st.one_of(st.sampled_from(TOML_VALUES),
                       st.integers(min_value=-(2**70), max_value=2**70).map(str),
                       st.text(max_size=10).map(lambda s: '"' + s.replace("\\", "\\\\")
                                                 .replace('"', '\\"') + '"'))


@st.composite
def toml_mutation(draw: st.DrawFn, data: bytes) -> Mutated:
    """scenario.toml with a value, a key or a table broken (or its bytes)."""
    lines = _decode(data).splitlines()
    keyed = [i for i, line in enumerate(lines) if _KEY.match(line)]
    tables = [i for i, line in enumerate(lines) if line.lstrip().startswith("[")]
    kind = draw(st.sampled_from(["value", "value", "value", "values", "dup_key", "dup_table",
                                 "drop_line", "unknown_key", "bytes"]))
    if kind == "bytes" or not keyed:
        return draw(byte_mutation(data))
    out = list(lines)
    i = draw(st.sampled_from(keyed))
    if kind in ("value", "values"):
        for _ in range(1 if kind == "value" else draw(st.integers(2, 5))):
            i = draw(st.sampled_from(keyed))
            m = _KEY.match(out[i])
            assert m is not None
            out[i] = m.group(1) + draw(toml_value)
    elif kind == "dup_key":
        out.insert(i + 1, out[i])
    elif kind == "dup_table" and tables:
        j = draw(st.sampled_from(tables))
        out.insert(draw(st.integers(j + 1, len(out))), out[j])
    elif kind == "drop_line":
        del out[draw(st.integers(0, len(out) - 1))]
    else:
        key = draw(st.sampled_from(["monthh", "pair_rules", "x", "days_off", "start", "code"]))
        out.insert(i + 1, f"{key} = {draw(toml_value)}")
    return Mutated(f"{kind} at line {i + 1}", ("\n".join(out) + "\n").encode("utf-8"))


# --- Curtois & Qu instance files -----------------------------------------------------------------


@st.composite
def instance_mutation(draw: st.DrawFn, data: bytes) -> Mutated:
    """A benchmark instance with a field, a line or a section broken (or its bytes)."""
    lines = _decode(data).splitlines()
    body = [i for i, line in enumerate(lines)
            if line.strip() and not line.startswith(("#", "SECTION_"))]
    kind = draw(st.sampled_from(["field", "field", "field", "fields", "dup_line", "drop_line",
                                 "section", "no_blank", "bytes"]))
    if kind == "bytes" or not body:
        return draw(byte_mutation(data))
    out = list(lines)
    i = draw(st.sampled_from(body))
    field_value = st.one_of(nasty_text, st.sampled_from(["D=0", "D=-1", "N=9|N=1", "X=1", "=",
                                                         "D|N|X", "D|D", ",,,,,,,,,"]))
    if kind in ("field", "fields"):
        for _ in range(1 if kind == "field" else draw(st.integers(2, 6))):
            i = draw(st.sampled_from(body))
            parts = out[i].split(",")
            parts[draw(st.integers(0, len(parts) - 1))] = draw(field_value)
            out[i] = ",".join(parts)
    elif kind == "dup_line":
        out.insert(i + 1, out[i])
    elif kind == "drop_line":
        del out[i]
    elif kind == "section":
        sections = [j for j, line in enumerate(out) if line.startswith("SECTION_")]
        j = draw(st.sampled_from(sections))
        out[j] = draw(st.sampled_from(["SECTION_", "SECTION_HORIZON", "SECTION_NOPE",
                                       "section_shifts", "SECTION_COVER", "SECTION_STAFF"]))
    else:
        out = [line for line in out if line.strip()]
    return Mutated(f"{kind} at line {i + 1}", ("\r\n".join(out) + "\r\n").encode("utf-8"))


# --- Excel workbooks -----------------------------------------------------------------------------

def _xlsx_values() -> st.SearchStrategy[object]:
    import datetime as dt

    return st.one_of(
        nasty_text,
        st.integers(min_value=-(2**70), max_value=2**70),
        st.floats(allow_nan=True, allow_infinity=True),
        st.booleans(),
        st.none(),
        st.sampled_from([dt.datetime(1900, 1, 1), dt.datetime(9999, 12, 31), dt.date(2026, 10, 1),
                         dt.date(2026, 11, 1), dt.datetime(2026, 10, 5, 13, 30), dt.time(8, 30),
                         dt.timedelta(days=3), "=1/0", "=NOW()", "=A1", '=HYPERLINK("x","y")']),
    )


def _rezip(data: bytes, change: Callable[[str, bytes], bytes | None]) -> bytes:
    """The zip ``data`` with each member replaced by ``change(name, content)`` (None: dropped)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            content = change(info.filename, src.read(info.filename))
            if content is not None:
                dst.writestr(info, content)
    return out.getvalue()


@st.composite
def xlsx_mutation(draw: st.DrawFn, data: bytes) -> Mutated:
    """A workbook with cells rewritten, a sheet added in front, a part of the zip broken, or its
    bytes broken."""
    import openpyxl

    kind = draw(st.sampled_from(["cells", "cells", "cells", "sheet", "merge", "part", "drop_part",
                                 "bytes"]))
    if kind == "bytes":
        return draw(byte_mutation(data))
    if kind in ("part", "drop_part"):
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            names = z.namelist()
        target = draw(st.sampled_from(sorted(names)))
        if kind == "drop_part":
            return Mutated(f"{target} dropped",
                           _rezip(data, lambda n, c: None if n == target else c))
        how = draw(st.sampled_from(["truncate", "junk", "empty", "nul", "entity"]))
        cut = draw(st.integers(0, 2000))

        def broken(name: str, content: bytes) -> bytes:
            if name != target:
                return content
            if how == "truncate":
                return content[: min(cut, len(content))]
            if how == "junk":
                return b"<not xml"
            if how == "empty":
                return b""
            if how == "nul":
                return content[:cut] + b"\x00" + content[cut:]
            return (b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaaaaaaaa">'
                    b'<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><x>&b;</x>')

        return Mutated(f"{target} {how}", _rezip(data, broken))
    workbook = openpyxl.load_workbook(io.BytesIO(data))
    sheet = workbook.worksheets[0]
    if kind == "cells":
        for _ in range(draw(st.integers(1, 6))):
            row = draw(st.integers(1, sheet.max_row + 1))
            column = draw(st.integers(1, sheet.max_column + 1))
            value = draw(_xlsx_values())
            try:
                sheet.cell(row=row, column=column).value = value  # type: ignore[assignment]
            except Exception:  # openpyxl refuses some values (illegal characters …)
                continue
    elif kind == "sheet":
        front = workbook.create_sheet("front", 0)
        if draw(st.booleans()):
            with contextlib.suppress(Exception):  # openpyxl refuses some characters
                front["A1"] = draw(nasty_text)
    else:
        first = draw(st.integers(1, 3))
        sheet.merge_cells(start_row=first, start_column=1, end_row=first + draw(st.integers(0, 2)),
                          end_column=draw(st.integers(1, 40)))
    out = io.BytesIO()
    try:
        workbook.save(out)
    except Exception:  # openpyxl cannot write some values (a date in a merged title …)
        reject()
    return Mutated(kind, out.getvalue())
