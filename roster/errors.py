"""Errors the user can act on: the CLI prints them with an exit code, never a traceback."""

from __future__ import annotations

from dataclasses import dataclass, field


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
            where += f", column {self.column!r}"
        return f"{where}: {self.message}"


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
