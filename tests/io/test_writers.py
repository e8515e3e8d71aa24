"""write_file: one file written atomically, never replacing a file without force."""

from __future__ import annotations

from pathlib import Path

import pytest

from roster.errors import InputError
from roster.io.writers import write_file


def test_writes_the_bytes_and_leaves_no_temporary_file(tmp_path: Path) -> None:
    """The parent folder is made; only the target is left in it."""
    target = tmp_path / "new" / "out.bin"
    write_file(target, b"\x00roster")
    assert target.read_bytes() == b"\x00roster"
    assert list(target.parent.iterdir()) == [target]


def test_an_existing_file_needs_force(tmp_path: Path) -> None:
    """Without force: InputError and the file unchanged; with force: replaced."""
    target = tmp_path / "out.csv"
    target.write_bytes(b"old")
    with pytest.raises(InputError) as raised:
        write_file(target, b"new")
    assert str(raised.value) == f"{target}: exists; use --force to replace it"
    assert target.read_bytes() == b"old"
    write_file(target, b"new", force=True)
    assert target.read_bytes() == b"new"
    assert list(tmp_path.iterdir()) == [target]


def test_a_folder_is_never_replaced(tmp_path: Path) -> None:
    """A folder at the target is refused, even with force."""
    with pytest.raises(InputError) as raised:
        write_file(tmp_path, b"x", force=True)
    assert str(raised.value) == f"{tmp_path}: is a folder; give a file name"
    assert tmp_path.is_dir()
