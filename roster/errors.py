"""Errors the user can act on: the CLI prints them with an exit code, never a traceback."""

from __future__ import annotations

from dataclasses import dataclass, field

MAX_MESSAGE = 1_000
"""Longest message of one problem as printed: a longer one (a 10 MB cell quoted in it) keeps its
beginning and end, the middle cut."""


def shorten(message: str, limit: int = MAX_MESSAGE) -> str:
    """``message`` on one line (a line break from a cell shown as ``\\n``), and if longer than
    ``limit``, its beginning and end around a note of how much was cut."""
    message = message.replace("\r", "\\r").replace("\n", "\\n")
    if len(message) <= limit:
        return message
    head, tail = limit * 2 // 3, limit // 4
    cut = len(message) - head - tail
    return f"{message[:head]} … [{cut:,} characters cut] … {message[-tail:]}"


@dataclass(frozen=True)
class InputProblem:
    """One thing wrong with an input: where it is and what was expected."""

    file: str
    message: str
    row: int | None = None  # as a spreadsheet shows it: the header is row 1
    column: str | None = None

    def __str__(self) -> str:
        where = self.file
        if self.row is not None:
            where += f", row {self.row}"
        if self.column is not None:
            where += f", column {shorten(repr(self.column), 100)}"
        return f"{where}: {shorten(self.message)}"


@dataclass
class InputError(Exception):
    """Invalid input (exit code 2). Carries every problem found, not only the first."""

    problems: list[InputProblem] = field(default_factory=list)

    def __post_init__(self) -> None:
        super().__init__(str(self))

    def __str__(self) -> str:
        return "\n".join(str(p) for p in self.problems)

    @classmethod
    def single(
        cls, file: str, message: str, row: int | None = None, column: str | None = None
    ) -> InputError:
        return cls([InputProblem(file, message, row, column)])
