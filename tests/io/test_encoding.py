"""Tests of roster.io.encoding: which encodings are read, and which are refused."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from roster.errors import InputError
from roster.io import encoding
from roster.io.encoding import MAX_INPUT_BYTES, decode_bytes, read_text

CHINESE_CSV = "工号,姓名,职位\nA001,张三,中心主任\nA002,李四,座席\n"


def refusal(path: Path) -> str:
    """The message of the InputError raised when reading ``path``."""
    with pytest.raises(InputError) as info:
        read_text(path)
    [problem] = info.value.problems
    assert problem.file == path.name
    return problem.message


def test_reads_plain_utf8(tmp_path: Path) -> None:
    """UTF-8 without a BOM is read as it is."""
    path = tmp_path / "staff.csv"
    path.write_bytes(CHINESE_CSV.encode("utf-8"))
    assert read_text(path) == CHINESE_CSV


def test_strips_utf8_bom(tmp_path: Path) -> None:
    """The BOM Excel writes at the start of 'CSV UTF-8' is stripped."""
    path = tmp_path / "staff.csv"
    path.write_bytes(codecs.BOM_UTF8 + CHINESE_CSV.encode("utf-8"))
    assert read_text(path) == CHINESE_CSV


def test_reads_gb18030(tmp_path: Path) -> None:
    """GB18030, as Chinese Excel saves CSV, is detected and decoded."""
    path = tmp_path / "staff.csv"
    path.write_bytes(CHINESE_CSV.encode("gb18030"))
    assert read_text(path) == CHINESE_CSV


@pytest.mark.parametrize(
    "text",
    [
        "工號,姓名,職位\nA001,Mary李,中心主任\nA002,張三,組長\n",
        "工號,姓名,組\nA1,張三,A組\nA2,李四,B組\n",
        "班次\nE班\nL班\n",
    ],
)
def test_reads_gb18030_traditional_and_mixed_text(tmp_path: Path, text: str) -> None:
    """GB18030 with Traditional characters and Latin letters next to Chinese is accepted."""
    path = tmp_path / "staff.csv"
    path.write_bytes(text.encode("gb18030"))
    assert read_text(path) == text


def test_reads_ascii(tmp_path: Path) -> None:
    """Plain ASCII (a subset of UTF-8) is read."""
    path = tmp_path / "demand.csv"
    path.write_bytes(b"center,day\r\nIN,all\r\n")
    assert read_text(path) == "center,day\r\nIN,all\r\n"


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-le", "utf-16-be"])
def test_refuses_utf16(tmp_path: Path, codec: str) -> None:
    """UTF-16, with or without a BOM, is refused naming the file and the accepted encodings."""
    path = tmp_path / "staff.csv"
    path.write_bytes(CHINESE_CSV.encode(codec))
    message = refusal(path)
    assert "UTF-16" in message
    assert "UTF-8" in message and "GB18030" in message


@pytest.mark.parametrize("codec", ["utf-32", "utf-32-le"])
def test_refuses_utf32(tmp_path: Path, codec: str) -> None:
    """UTF-32, with or without a BOM, is refused."""
    path = tmp_path / "staff.csv"
    path.write_bytes(CHINESE_CSV.encode(codec))
    assert "UTF-32" in refusal(path)


def test_refuses_binary(tmp_path: Path) -> None:
    """A binary file (NUL bytes) is refused as binary."""
    path = tmp_path / "staff.csv"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00\x00\x00\x01\x00\x08")
    assert "binary" in refusal(path)


def test_refuses_excel_workbook(tmp_path: Path) -> None:
    """An .xlsx saved under a .csv name is refused with a hint to save it as CSV."""
    path = tmp_path / "staff.csv"
    path.write_bytes(b"PK\x03\x04" + b"\x00" * 100)
    assert "Excel workbook" in refusal(path)


@pytest.mark.parametrize(
    "text", ["name\nMüller\n", "employee_id,name\n1,Renée Dupont\n2,Jürgen Müller\n"]
)
def test_refuses_latin1_that_decodes_as_gb18030(tmp_path: Path, text: str) -> None:
    """Latin-1 bytes that happen to decode as GB18030 are refused, not read as Chinese."""
    data = text.encode("latin-1")
    data.decode("gb18030")  # the trap: this succeeds
    path = tmp_path / "staff.csv"
    path.write_bytes(data)
    assert "GB18030" in refusal(path)


def test_refuses_invalid_in_both(tmp_path: Path) -> None:
    """Bytes that are neither UTF-8 nor GB18030 are refused with the offending offset."""
    path = tmp_path / "staff.csv"
    path.write_bytes(b"name\nJos\xe9,\n")
    assert "offset 8" in refusal(path)


def test_refuses_big5(tmp_path: Path) -> None:
    """Big5 (Traditional Chinese, not accepted) is refused rather than mis-decoded."""
    path = tmp_path / "staff.csv"
    path.write_bytes("工號,姓名,職位\nA001,張三,主任\n".encode("big5"))
    assert "GB18030" in refusal(path)


def test_refuses_control_characters(tmp_path: Path) -> None:
    """Decoded text with a C0 control character is refused, naming the line."""
    path = tmp_path / "staff.csv"
    path.write_bytes(b"name\nAnn\nB\x01b\n")
    message = refusal(path)
    assert "U+0001" in message and "line 3" in message


def test_accepts_tab_cr_lf(tmp_path: Path) -> None:
    """Tab, CR and LF are the control characters allowed."""
    path = tmp_path / "staff.csv"
    path.write_bytes(b"a\tb\r\nc\n")
    assert read_text(path) == "a\tb\r\nc\n"


def test_refuses_large_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A file over MAX_INPUT_BYTES is refused with its size and the limit."""
    monkeypatch.setattr(encoding, "MAX_INPUT_BYTES", 10)
    path = tmp_path / "staff.csv"
    path.write_bytes(b"x" * 11)
    message = refusal(path)
    assert "at most" in message


def test_limit_is_50_megabytes() -> None:
    """The size limit is 50 MB."""
    assert MAX_INPUT_BYTES == 50 * 1024 * 1024


def test_missing_file(tmp_path: Path) -> None:
    """A missing file is an InputError naming it."""
    assert "not found" in refusal(tmp_path / "staff.csv")


def test_name_overrides_the_file_name_in_errors(tmp_path: Path) -> None:
    """The name= argument is how errors name the file."""
    path = tmp_path / "x.csv"
    path.write_bytes("a".encode("utf-16"))
    with pytest.raises(InputError) as info:
        read_text(path, name="data/staff.csv")
    assert info.value.problems[0].file == "data/staff.csv"


_TEXT = st.text(
    alphabet=st.characters(
        blacklist_categories=("Cc", "Cs", "Co", "Cn"), whitelist_characters="\t\r\n"
    ),
    max_size=60,
)


@given(_TEXT)
def test_utf8_round_trip(text: str) -> None:
    """Any text without control characters round-trips through UTF-8, with or without a BOM."""
    assert decode_bytes(text.encode("utf-8"), "f.csv") == text
    assert decode_bytes(codecs.BOM_UTF8 + text.encode("utf-8"), "f.csv") == text


_HANZI = st.characters(min_codepoint=0x4E00, max_codepoint=0x9FA5)
_ASCII = st.characters(min_codepoint=0x20, max_codepoint=0x7E)


@given(st.lists(st.one_of(_HANZI, _ASCII, st.sampled_from(",\n")), min_size=1, max_size=60))
def test_gb18030_round_trip(chars: list[str]) -> None:
    """Chinese text in GB18030 that is not also valid UTF-8 decodes to itself."""
    text = "".join(chars)
    data = text.encode("gb18030")
    try:
        data.decode("utf-8")
        assume(False)  # ambiguous bytes: UTF-8 is tried first, by design
    except UnicodeDecodeError:
        pass
    try:
        assert decode_bytes(data, "f.csv") == text
    except InputError as exc:  # refusing is allowed; mis-decoding is not
        assert "GB18030" in str(exc)
