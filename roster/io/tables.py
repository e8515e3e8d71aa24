"""A generic reader of the scenario's CSV tables, and parsers of cell values that collect errors.

:func:`read_table` matches the header row against declared :class:`Column` s (case-insensitively,
ignoring surrounding spaces and full-width forms, with aliases) and returns one :class:`Row` per
non-empty record, numbered as a spreadsheet shows it (the header is row 1). Structural problems (a
missing file, a missing column, a column given twice) raise :class:`InputError` at once.

Cell problems are collected instead: the ``parse_*`` helpers record an :class:`InputProblem`
naming the file, row and column in a :class:`Problems` and return ``None``, so a reader goes on
with the next cell and reports every problem of a file in one :class:`InputError` at the end.
Messages are texts of :data:`solver.messages.MESSAGES` (English and Chinese); a parser raises
:class:`~roster.errors.InvalidValue`, a ValueError carrying its text.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import unicodedata
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from roster.errors import InputError, InputProblem, InvalidValue, Message, error_text
from roster.io.encoding import read_text
from solver.messages import Text

T = TypeVar("T")

_INVISIBLE = "\ufeff\u200b\u200c\u200d\u2060"

MAX_COLUMNS = 16_384
"""Most cells in one row of a CSV file (Excel's limit): a longer row (a 10 MB line of commas) is
refused before its cells are looked at, which would take seconds."""


@dataclass(frozen=True)
class Column:
    """A column of a table: its canonical ``name``, other accepted headers, and whether needed."""

    name: str
    aliases: tuple[str, ...] = ()
    required: bool = True

    @property
    def spellings(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


@dataclass(frozen=True)
class Row:
    """One non-empty record of a table.

    ``number`` is the row as a spreadsheet shows it (header = 1). ``values`` maps each declared
    column's name to its stripped cell (``None`` if empty or if the column is absent); ``headers``
    maps each column present in the file to its header as written there.
    """

    file: str
    number: int
    values: Mapping[str, str | None]
    headers: Mapping[str, str] = field(default_factory=dict)

    def get(self, name: str) -> str | None:
        """The stripped cell of column ``name``; ``None`` if empty or the column is absent."""
        if name not in self.values:
            raise KeyError(f"column {name!r} is not declared for {self.file}")
        return self.values[name]

    def has(self, name: str) -> bool:
        """Whether the file has column ``name``."""
        return name in self.headers

    def header(self, name: str) -> str:
        """The column's header as written in the file (its canonical name if absent)."""
        return self.headers.get(name, name)


class Problems:
    """Collects :class:`InputProblem` s so that all of them are reported at once."""

    def __init__(self) -> None:
        self.items: list[InputProblem] = []

    def add(
        self, file: str, message: Message, row: int | None = None, column: str | None = None
    ) -> None:
        self.items.append(InputProblem(file, message, row, column))

    def at(self, row: Row, column: str, message: Message) -> None:
        """Record a problem in the cell of ``row`` and column ``column`` (a canonical name)."""
        self.add(row.file, message, row.number, row.header(column))

    def extend(self, error: InputError) -> None:
        self.items.extend(error.problems)

    def __len__(self) -> int:
        return len(self.items)

    def __bool__(self) -> bool:
        return bool(self.items)

    def __iter__(self) -> Iterator[InputProblem]:
        return iter(self.items)

    def raise_if_any(self) -> None:
        if self.items:
            raise InputError(list(self.items))


# --- text normalisation ------------------------------------------------------------------------


def normalize_text(text: str) -> str:
    """NFKC (full-width forms to ASCII), invisible marks dropped, surrounding spaces stripped."""
    text = unicodedata.normalize("NFKC", text)
    return text.translate({ord(c): None for c in _INVISIBLE}).strip()


def normalize_header(text: str) -> str:
    """The key a header is matched by: normalised, case-folded, inner spaces and '-' as '_'."""
    return re.sub(r"[\s\-]+", "_", normalize_text(text)).casefold()


def column_letter(index: int) -> str:
    """0 -> 'A', 25 -> 'Z', 26 -> 'AA' (as a spreadsheet names columns)."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


# --- reading -----------------------------------------------------------------------------------


def read_table(
    path: Path | str,
    columns: Sequence[Column],
    *,
    required_file: bool = True,
    name: str | None = None,
) -> list[Row]:
    """Read the CSV table at ``path`` into rows of the declared ``columns``.

    ``name`` is how errors name the file (default: its file name). A missing file is an error if
    ``required_file``, else no rows; so is an empty one. Fully empty rows are skipped; unknown
    columns are ignored.
    """
    path = Path(path)
    shown = name if name is not None else path.name
    if not path.exists() and not required_file:
        return []
    text = read_text(path, name=shown)
    return parse_table(text, columns, name=shown, required_file=required_file)


def parse_table(
    text: str, columns: Sequence[Column], *, name: str, required_file: bool = True
) -> list[Row]:
    """Parse CSV ``text`` as :func:`read_table` does; ``name`` names the file in errors."""
    _check_declaration(columns)
    records = csv.reader(io.StringIO(text, newline=""))
    header: list[str] | None = None
    positions: dict[str, int] = {}
    headers: dict[str, str] = {}
    rows: list[Row] = []
    try:
        for number, record in enumerate(records, start=1):
            check_width(record, name, number)
            if not any(cell.strip() for cell in record):
                continue
            if header is None:
                header = record
                positions, headers = _match_header(header, columns, name, number)
                continue
            values: dict[str, str | None] = {}
            for column in columns:
                pos = positions.get(column.name)
                cell = record[pos].strip() if pos is not None and pos < len(record) else ""
                values[column.name] = cell or None
            rows.append(Row(name, number, values, headers))
    except csv.Error as exc:
        raise InputError.single(
            name, Text.of("table.invalid_csv", line=records.line_num, error=str(exc))
        ) from None
    if header is None:
        if required_file:
            wanted = tuple(c.name for c in columns if c.required)
            raise InputError.single(name, Text.of("table.empty", columns=wanted))
        return []
    return rows


def check_width(record: Sequence[object], name: str, number: int) -> None:
    """Refuse a row of more than :data:`MAX_COLUMNS` cells."""
    if len(record) > MAX_COLUMNS:
        raise InputError.single(
            name, Text.of("table.too_wide", cells=len(record), limit=MAX_COLUMNS), number
        )


def _check_declaration(columns: Sequence[Column]) -> None:
    seen: dict[str, str] = {}
    for column in columns:
        for spelling in column.spellings:
            key = normalize_header(spelling)
            if seen.setdefault(key, column.name) != column.name:
                raise ValueError(f"header {spelling!r} declared for two columns")


def _match_header(
    header: list[str], columns: Sequence[Column], name: str, number: int
) -> tuple[dict[str, int], dict[str, str]]:
    by_key = {normalize_header(s): c.name for c in columns for s in c.spellings}
    positions: dict[str, int] = {}
    headers: dict[str, str] = {}
    problems = Problems()
    for pos, cell in enumerate(header):
        matched = by_key.get(normalize_header(cell))
        if matched is None:
            continue
        if matched in positions:
            first = positions[matched]
            problems.add(
                name,
                same_column(column_letter(first), headers[matched], column_letter(pos),
                            cell.strip(), matched),
                number,
                cell.strip(),
            )
            continue
        positions[matched] = pos
        headers[matched] = cell.strip()
    found = tuple(repr(c.strip()) for c in header if c.strip())
    for column in columns:
        if column.required and column.name not in positions:
            others = Text.of("table.aliases", aliases=column.aliases) if column.aliases else ""
            hint = separator_hint(header[0] if len(header) == 1 else "")
            message = Text.of("table.missing_column", column=column.name, aliases=others,
                              found=found, hint=hint)
            problems.add(name, message, number, column.name)
    problems.raise_if_any()
    return positions, headers


def same_column(first: str, first_header: str, second: str, second_header: str,
                column: str) -> Text:
    """'columns B ('工号') and D ('employee_id') both give employee_id; keep only one'."""
    return Text.of("table.same_column", first=first, first_header=first_header, second=second,
                   second_header=second_header, column=column)


def separator_hint(first_cell: str) -> Text | str:
    """The hint to save as CSV when the header's one cell holds ';' or tabs, else ''."""
    return Text("input.semicolons") if ";" in first_cell or "\t" in first_cell else ""


# --- cell parsers ------------------------------------------------------------------------------

VALUE = Text("what.value")


def parse_text(row: Row, col: str, problems: Problems, *, required: bool = False) -> str | None:
    """The stripped cell; an empty required cell is recorded as a problem."""
    value = row.get(col)
    if value is None and required:
        problems.at(row, col, Text.of("input.empty_cell", expected=VALUE))
    return value


def parse_with(
    row: Row,
    col: str,
    parser: Callable[[str], T],
    problems: Problems,
    *,
    required: bool = False,
    expected: Text | str = VALUE,
) -> T | None:
    """Apply ``parser`` to the cell; its ValueError becomes a problem. Empty -> None.

    ``expected`` says what the cell should hold ("expected a date, got an empty cell").
    """
    value = row.get(col)
    if value is None:
        if required:
            problems.at(row, col, Text.of("input.empty_cell", expected=expected))
        return None
    try:
        return parser(value)
    except ValueError as exc:
        problems.at(row, col, error_text(exc))
        return None


def int_text(text: str, lo: int, hi: int) -> int:
    """'12' (or full-width '１２', or Excel's '12.0') -> 12, within lo..hi; else ValueError."""
    norm = normalize_text(text)
    m = re.fullmatch(r"([+-]?\d+)(?:\.0*)?", norm)
    expected = InvalidValue.of("table.whole_number", lo=lo, hi=hi, got=text)
    if not m:
        raise expected
    value = int(m.group(1))
    if not lo <= value <= hi:
        raise expected
    return value


def parse_int(
    row: Row,
    col: str,
    lo: int,
    hi: int,
    problems: Problems,
    *,
    required: bool = False,
    default: int | None = None,
) -> int | None:
    """The cell as a whole number in ``lo..hi``; empty -> ``default`` (a problem if required)."""
    value = parse_with(
        row,
        col,
        lambda t: int_text(t, lo, hi),
        problems,
        required=required,
        expected=Text.of("what.whole_number", lo=lo, hi=hi),
    )
    if value is None and row.get(col) is None:
        return default
    return value


DATE = Text("what.date")

_DATE_PATTERNS = (
    re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})"),
    re.compile(r"(\d{4})/(\d{1,2})/(\d{1,2})"),
    re.compile(r"(\d{4})\.(\d{1,2})\.(\d{1,2})"),
    re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]?"),
)
_MIDNIGHT = re.compile(r"\s+0{1,2}:00(?::00)?$")


def date_text(text: str) -> dt.date:
    """'2026-10-05', '2026/10/5', '2026.10.5' or '2026年10月5日' -> a date; else ValueError.

    Full-width digits are accepted, and a midnight time Excel may append ('2026/10/5 0:00').
    """
    norm = _MIDNIGHT.sub("", normalize_text(text))
    for pattern in _DATE_PATTERNS:
        m = pattern.fullmatch(norm)
        if m:
            try:
                return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
            except ValueError:
                raise InvalidValue.of("table.no_such_day", got=text) from None
    raise InvalidValue.of("table.date", example="2026年10月5日", got=text)


def parse_date(row: Row, col: str, problems: Problems, *, required: bool = False) -> dt.date | None:
    """The cell as a date (see :func:`date_text`); empty -> None (a problem if required)."""
    return parse_with(row, col, date_text, problems, required=required, expected=DATE)


def parse_choice(
    row: Row,
    col: str,
    choices: Mapping[str, T],
    problems: Problems,
    *,
    required: bool = False,
    expected: Text | str = VALUE,
) -> T | None:
    """The cell looked up in ``choices`` by its normalised, case-folded spelling."""
    table = {normalize_header(k): v for k, v in choices.items()}

    def lookup(text: str) -> T:
        try:
            return table[normalize_header(text)]
        except KeyError:
            raise InvalidValue.of("input.expected", expected=expected, got=text) from None

    return parse_with(row, col, lookup, problems, required=required, expected=expected)
