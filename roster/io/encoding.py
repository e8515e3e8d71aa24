"""Read a text input file whose encoding is UTF-8, UTF-8 with a BOM, or GB18030.

Chinese Excel saves CSV as GB18030 (GBK); everything else we accept is UTF-8. Any other encoding is
refused with a message naming the file, never read with mangled characters:

* UTF-16 / UTF-32 (a byte-order mark, or many NUL bytes) and binary files (NUL bytes, an Excel
  workbook) are refused before decoding;
* the bytes are decoded as UTF-8 (a BOM is stripped) and, if that fails, as GB18030, both strictly;
* a GB18030 decoding is sanity-checked, because GB18030 decodes many byte strings that are really
  something else (Latin-1 ``Müller`` decodes as ``M黮ler``): private-use characters are refused,
  and so is text that looks like Latin-1 read as GB18030 (see :func:`_looks_like_latin1`);
* decoded text holding control characters other than tab, CR and LF is refused.
"""

from __future__ import annotations

import codecs
import re
from pathlib import Path

from charset_normalizer import from_bytes

from roster.errors import InputError
from solver.messages import Text

MAX_INPUT_BYTES = 50 * 1024 * 1024
"""Largest input file read, in bytes (50 MB)."""

_HOW_TO_FIX = Text("file.how_to_fix")

_BOMS: tuple[tuple[bytes, str], ...] = (
    # UTF-32 first: its little-endian BOM starts with the UTF-16 one.
    (codecs.BOM_UTF32_LE, "UTF-32"),
    (codecs.BOM_UTF32_BE, "UTF-32"),
    (codecs.BOM_UTF16_LE, "UTF-16"),
    (codecs.BOM_UTF16_BE, "UTF-16"),
)

# C0 controls except \t \n \r, DEL, and C1 controls (these mean mojibake or a binary file).
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_PRIVATE_USE = re.compile(r"[\ue000-\uf8ff]")
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_NEXT_TO_ALNUM = re.compile(r"(?<=[A-Za-z0-9])[^\x00-\x7f]|[^\x00-\x7f](?=[A-Za-z0-9])")
_SAMPLE_CHARS = 1_000_000


def read_text(path: Path | str, *, name: str | None = None) -> str:
    """Return the text of ``path``, decoded from UTF-8, UTF-8 with BOM (stripped) or GB18030.

    ``name`` is how errors name the file (default: the file name). Raises :class:`InputError` if
    the file is missing, too large, or not in an accepted encoding.
    """
    path = Path(path)
    shown = name if name is not None else path.name
    try:
        size = path.stat().st_size
        if size > MAX_INPUT_BYTES:
            raise _too_large(shown, size)
        with path.open("rb") as fh:
            data = fh.read(MAX_INPUT_BYTES + 1)
    except FileNotFoundError:
        raise InputError.single(shown, Text.of("file.not_found", path=str(path))) from None
    except IsADirectoryError:
        raise InputError.single(shown, Text.of("file.is_folder", path=str(path))) from None
    except OSError as exc:
        raise InputError.single(
            shown, Text.of("file.cannot_read", error=str(exc.strerror or exc))
        ) from None
    if len(data) > MAX_INPUT_BYTES:
        raise _too_large(shown, len(data))
    return decode_bytes(data, shown)


def decode_bytes(data: bytes, name: str) -> str:
    """Decode the bytes of the input file ``name`` as :func:`read_text` does."""
    _refuse_non_text(data, name)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = _decode_gb18030(data, name)
    _refuse_control_characters(text, name)
    return text


def _too_large(name: str, size: int) -> InputError:
    return InputError.single(
        name,
        Text.of("file.too_large", size=size / 1024 / 1024, limit=MAX_INPUT_BYTES // (1024 * 1024)),
    )


def _refuse(name: str, what: Text) -> InputError:
    return InputError.single(name, Text.of("file.refused", what=what, fix=_HOW_TO_FIX))


def _refuse_non_text(data: bytes, name: str) -> None:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            raise _refuse(name, Text.of("file.encoded_as", encoding=encoding))
    if data.startswith(b"PK\x03\x04"):
        raise InputError.single(name, Text.of("file.xlsx", fix=_HOW_TO_FIX))
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        raise InputError.single(name, Text.of("file.xls", fix=_HOW_TO_FIX))
    if 0 in data:
        guess = _utf16_or_32_without_bom(data)
        if guess:
            raise _refuse(name, Text.of("file.no_bom", encoding=guess))
        raise _refuse(name, Text("file.binary"))


def _utf16_or_32_without_bom(data: bytes) -> str | None:
    """'UTF-32' / 'UTF-16' if the NUL bytes sit where those encodings put them, else None."""
    quarter = len(data) // 4
    if (
        len(data) % 4 == 0
        and quarter
        and (data[3::4].count(0) == quarter or data[0::4].count(0) == quarter)
    ):
        return "UTF-32"  # every code point below U+1000000 has a zero high byte
    even, odd = data[0::2].count(0), data[1::2].count(0)
    # ASCII in UTF-16 puts its NUL in one parity only; CJK text has few NULs at all.
    if max(even, odd) >= 2 and min(even, odd) * 10 <= max(even, odd):
        return "UTF-16"
    return None


def _decode_gb18030(data: bytes, name: str) -> str:
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError as exc:
        raise _refuse(
            name, Text.of("file.neither", byte=data[exc.start], offset=exc.start)
        ) from None
    if _PRIVATE_USE.search(text):
        raise _refuse(name, Text("file.unassigned"))
    if _looks_like_latin1(text, data):
        raise _refuse(name, Text("file.latin1"))
    return text


def _looks_like_latin1(text: str, data: bytes) -> bool:
    """Whether GB18030-decoded ``text`` looks like Latin-1 / Windows-1252 read as GB18030.

    A Latin-1 accent inside a word and the ASCII letter after it decode as one two-byte character
    whose second byte is ASCII ('Müller' -> 'M黮ler'). Simplified Chinese text hardly has such
    characters (GB2312 second bytes are >= 0xA1); Traditional text has some, among many others. So
    the text is suspect if such a character sits next to an ASCII letter or digit, and refused if
    then most of its two-byte characters (in a sample) are of that kind, or if charset-normalizer
    finds it implausible.
    """
    if not any(_ascii_trail(m.group()) for m in _NEXT_TO_ALNUM.finditer(text)):
        return False
    sample = _NON_ASCII.findall(text, 0, _SAMPLE_CHARS)
    two_byte = [c for c in sample if len(c.encode("gb18030")) == 2]
    if sum(map(_ascii_trail, two_byte)) * 2 >= len(two_byte):
        return True
    return from_bytes(data, cp_isolation=["gb18030"]).best() is None


def _ascii_trail(char: str) -> bool:
    """Whether ``char`` is two bytes in GB18030, the second an ASCII byte."""
    encoded = char.encode("gb18030")
    return len(encoded) == 2 and encoded[1] < 0x80


def _refuse_control_characters(text: str, name: str) -> None:
    m = _CONTROL.search(text)
    if m is None:
        return
    line = text.count("\n", 0, m.start()) + 1
    raise _refuse(name, Text.of("file.control", code=ord(m.group()), line=line))
