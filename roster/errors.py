"""Errors the user can act on: the CLI prints them with an exit code, never a traceback.

A problem's message is a :class:`~solver.messages.Text` (a key of the catalogue
:data:`solver.messages.MESSAGES` and its arguments), rendered where it is shown in the language of
the command: :meth:`InputProblem.render` and :meth:`InputError.render` give "staff.csv, row 5,
column 'role': …" in English and "staff.csv 第 5 行「role」列：…" in Chinese. ``str()`` of a
problem or an error, and :attr:`InputProblem.message`, are the English rendering. A message may
also be a plain ``str`` (the Curtois benchmark's readers, which stay English), shown as it is in
either language.

A value that does not parse raises :class:`InvalidValue`, a ValueError carrying its text (``str``
of it is the English), so that readers catching ValueError keep the translatable message;
:func:`error_text` turns any such error, and pydantic's ValidationError, into a message.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, TypeAlias

from pydantic import ValidationError
from pydantic_core import ErrorDetails

from solver.messages import MESSAGES, Lang, Text, Value
from solver.messages import render as render_value

MAX_MESSAGE = 1_000
"""Longest message of one problem as printed: a longer one (a 10 MB cell quoted in it) keeps its
beginning and end, the middle cut."""

Message: TypeAlias = "Text | str"
"""What a problem says: a text of the catalogue, or words shown as they are in every language."""


def shorten(message: str, limit: int = MAX_MESSAGE, lang: Lang = "en") -> str:
    """``message`` on one line (a line break from a cell shown as ``\\n``), and if longer than
    ``limit``, its beginning and end around a note (in ``lang``) of how much was cut."""
    message = message.replace("\r", "\\r").replace("\n", "\\n")
    if len(message) <= limit:
        return message
    head, tail = limit * 2 // 3, limit // 4
    cut = len(message) - head - tail
    return MESSAGES["input.cut"][lang].format(head=message[:head], cut=cut, tail=message[-tail:])


class InvalidValue(ValueError):
    """A value that does not parse, with the message saying so (``str()``: in English)."""

    def __init__(self, text: Text) -> None:
        super().__init__(text.render("en"))
        self.text = text

    @staticmethod
    def of(key: str, **args: Value) -> InvalidValue:
        """``InvalidValue(Text.of(key, **args))``."""
        return InvalidValue(Text.of(key, **args))


@dataclass(frozen=True, eq=False)
class InputProblem:
    """One thing wrong with an input: where it is and what was expected.

    Two problems are equal when they name the same place and read the same in English (a
    :class:`Text` equals the plain English string it renders to).
    """

    file: str
    text: Message
    row: int | None = None  # as a spreadsheet shows it: the header is row 1
    column: str | None = None

    @property
    def message(self) -> str:
        """The message in English."""
        return render_value(self.text, "en")

    def render(self, lang: Lang = "en") -> str:
        """The problem in ``lang``, where it is first: ``staff.csv, row 5, column 'role': …``."""
        where = self.file
        if self.row is not None:
            where = MESSAGES["input.row"][lang].format(where=where, row=self.row)
        if self.column is not None:
            column = repr(self.column) if lang == "en" else self.column
            where = MESSAGES["input.column"][lang].format(
                where=where, column=shorten(column, 100, lang))
        message = shorten(render_value(self.text, lang), lang=lang)
        return MESSAGES["input.problem"][lang].format(where=where, message=message)

    def __str__(self) -> str:
        return self.render("en")

    def _key(self) -> tuple[str, str, int | None, str | None]:
        return (self.file, self.message, self.row, self.column)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, InputProblem):
            return NotImplemented
        return self._key() == other._key()

    def __hash__(self) -> int:
        return hash(self._key())


@dataclass
class InputError(Exception):
    """Invalid input (exit code 2). Carries every problem found, not only the first."""

    problems: list[InputProblem] = field(default_factory=list)

    def __post_init__(self) -> None:
        super().__init__(str(self))

    def __str__(self) -> str:
        return self.render("en")

    def render(self, lang: Lang = "en") -> str:
        """Every problem in ``lang``, one a line."""
        return "\n".join(p.render(lang) for p in self.problems)

    @classmethod
    def single(
        cls, file: str, message: Message, row: int | None = None, column: str | None = None
    ) -> InputError:
        return cls([InputProblem(file, message, row, column)])


# --- messages from exceptions ------------------------------------------------------------------


def error_text(exc: Exception) -> Message:
    """The message of a ValueError (:class:`InvalidValue`'s text) or of a pydantic
    ValidationError (each of its errors by :func:`pydantic_text`, joined by '; ')."""
    if isinstance(exc, InvalidValue):
        return exc.text
    if isinstance(exc, ValidationError):
        texts = [pydantic_text(e) for e in exc.errors() if e.get("msg")]
        if texts:
            out = texts[0]
            for text in texts[1:]:
                out = Text.of("input.and", first=out, then=text)
            return out
    return str(exc)


#: pydantic error types whose message has no argument
_PLAIN = frozenset({
    "missing", "extra_forbidden", "int_type", "int_parsing", "int_from_float",
    "int_parsing_size", "float_type", "float_parsing", "decimal_type", "decimal_parsing",
    "finite_number", "bool_type", "bool_parsing", "string_type", "list_type", "tuple_type",
    "dict_type",
})
#: pydantic error types of a bound, and the bound's name in their context
_BOUNDS = {"greater_than": "gt", "greater_than_equal": "ge", "less_than": "lt",
           "less_than_equal": "le"}
#: pydantic error types of a length, and the length's name in their context
_LENGTHS = {"string_too_short": "min_length", "string_too_long": "max_length",
            "too_short": "min_length", "too_long": "max_length"}


def pydantic_text(error: ErrorDetails) -> Text:
    """One pydantic error as a text of the catalogue, by its ``type``, its context the
    arguments; the English is pydantic's own message, word for word.

    A ValueError raised in a validator gives its own text (:class:`InvalidValue`). A type not
    in the catalogue, or one whose message pydantic words otherwise than the catalogue, keeps
    pydantic's English message, inside a generic Chinese sentence ("取值无效：…").
    """
    msg = str(error["msg"])
    ctx: dict[str, Any] = dict(error.get("ctx") or {})
    if error["type"] == "value_error":
        cause = ctx.get("error")
        if isinstance(cause, InvalidValue):
            return cause.text
        return Text.of("pydantic.other", message=msg.removeprefix("Value error, "))
    text = _catalogued(error["type"], ctx)
    if text is None or text.render("en") != msg:
        return Text.of("pydantic.other", message=msg)
    return text


def _catalogued(kind: str, ctx: dict[str, Any]) -> Text | None:
    key = f"pydantic.{kind}"
    if kind in _PLAIN:
        return Text(key)
    if kind in _BOUNDS:
        name = _BOUNDS[kind]
        return Text.of(key, **{name: _number(ctx.get(name))})
    if kind in _LENGTHS:
        name = _LENGTHS[kind]
        n = ctx.get(name)
        if not isinstance(n, int):
            return None
        if kind.startswith("too_"):
            if ctx.get("field_type") != "List" or not isinstance(ctx.get("actual_length"), int):
                return None
            args: dict[str, Value] = {name: n, "actual": ctx["actual_length"]}
        else:
            args = {name: n}
        return Text.of(key + (".1" if n == 1 else ""), **args)
    if kind in ("literal_error", "enum"):
        choices = re.findall(r"'[^']*'", str(ctx.get("expected", "")))
        if not choices:
            return None
        expected: Value = choices[0] if len(choices) == 1 else Text.of(
            "input.or", some=tuple(choices[:-1]), last=choices[-1])
        return Text.of(key, expected=expected)
    if kind == "string_pattern_mismatch":
        return Text.of(key, pattern=str(ctx.get("pattern", "")))
    if kind == "model_type":
        return Text.of(key, class_name=str(ctx.get("class_name", "")))
    return None


def _number(value: object) -> Value:
    """A bound as pydantic shows it: 24.0 as 24, an int as it is, a Decimal as written."""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, int | float) and not isinstance(value, bool):
        return value
    return str(value)
