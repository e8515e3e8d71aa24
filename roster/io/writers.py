"""Writing output folders: CSV (UTF-8 with BOM, so Excel opens it right) and JSON, atomically.

Everything is written into a temporary folder beside the target and renamed into place only when
complete, so a failed run leaves no half-written folder. Cells that came from input and start
with ``=``, ``+``, ``-`` or ``@`` are escaped so a spreadsheet never runs them as formulas.
"""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import tempfile
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from roster.errors import InputError
from solver.messages import Text

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: object) -> str:
    """A cell value as text, with spreadsheet formulas neutralised (numbers are left alone)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value) if isinstance(value, float) else str(value)
    text = str(value)
    if text.startswith(FORMULA_PREFIXES):
        return "'" + text
    return text


def csv_text(header: Sequence[str], rows: Iterable[Mapping[str, Any] | Sequence[Any]]) -> str:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(header)
    for row in rows:
        values = [row.get(h) for h in header] if isinstance(row, Mapping) else list(row)
        writer.writerow([safe_cell(v) for v in values])
    return buf.getvalue()


class OutputFolder:
    """Collects files, then publishes them all at once (or nothing)."""

    def __init__(self, target: Path, *, force: bool = False) -> None:
        self.target = target
        self.force = force
        self.files: dict[str, bytes] = {}
        if target.exists() and not target.is_dir():
            raise InputError.single(str(target), Text("output.not_a_folder"))
        if target.is_dir() and any(target.iterdir()) and not force:
            raise InputError.single(str(target), Text("output.not_empty"))

    def add_csv(self, name: str, header: Sequence[str],
                rows: Iterable[Mapping[str, Any] | Sequence[Any]]) -> None:
        self.files[name] = csv_text(header, rows).encode("utf-8-sig")

    def add_json(self, name: str, data: Any) -> None:
        self.files[name] = (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")

    def add_text(self, name: str, text: str) -> None:
        self.files[name] = text.encode("utf-8")

    def publish(self) -> None:
        parent = self.target.resolve().parent
        parent.mkdir(parents=True, exist_ok=True)
        tmp = Path(tempfile.mkdtemp(prefix=f".{self.target.name}.", dir=parent))
        umask = os.umask(0)
        os.umask(umask)
        tmp.chmod(0o777 & ~umask)  # mkdtemp makes it private; the published folder is not
        try:
            for name, data in self.files.items():
                with open(tmp / name, "wb") as fh:
                    fh.write(data)
                    fh.flush()
                    os.fsync(fh.fileno())
            old: Path | None = None
            if self.target.exists():
                old = Path(tempfile.mkdtemp(prefix=f".{self.target.name}.old.", dir=parent))
                old.rmdir()
                os.replace(self.target, old)
            os.replace(tmp, self.target)
            if old is not None:
                shutil.rmtree(old, ignore_errors=True)
        except BaseException:
            shutil.rmtree(tmp, ignore_errors=True)
            raise


def write_file(target: Path, data: bytes, *, force: bool = False) -> None:
    """Write one file atomically: into a temporary file beside it, then renamed into place.

    An existing file is replaced only with ``force``; a folder never is. A failed write leaves
    the target as it was.
    """
    if target.is_dir():
        raise InputError.single(str(target), Text("output.is_folder"))
    if target.exists() and not force:
        raise InputError.single(str(target), Text("output.exists"))
    parent = target.resolve().parent
    parent.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(prefix=f".{target.name}.", dir=parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(name, 0o666 & ~umask)  # mkstemp makes it private
        os.replace(name, target)
    except BaseException:
        Path(name).unlink(missing_ok=True)
        raise
