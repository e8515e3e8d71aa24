"""Ctrl-C during a solve: the first writes the best roster so far (exit 5), a second quits (130)."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

SAMPLE = Path(__file__).resolve().parent.parent / "data" / "sample"
COMMAND = [sys.executable, "-c", "from roster.cli import main; main()"]


def start_solve(out: Path, lang: str) -> subprocess.Popen[str]:
    proc = subprocess.Popen(
        [*COMMAND, "solve", str(SAMPLE), "--out", str(out), "--time-limit", "120", "--lang", lang],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, encoding="utf-8")
    assert proc.stderr is not None
    # "solving 2 center(s), ..." once the model is being built
    line = proc.stderr.readline()
    assert line.startswith({"en": "solving", "zh": "正在排班"}[lang]), line
    time.sleep(3)
    return proc


@pytest.mark.slow
def test_first_ctrl_c_writes_the_best_roster_so_far(tmp_path: Path) -> None:
    """SIGINT mid-solve: exit 5, every file written, summary.json marked interrupted, valid."""
    out = tmp_path / "out"
    proc = start_solve(out, "en")
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 5, err
    assert "stopped by Ctrl-C" in err
    assert sorted(p.name for p in out.iterdir()) == [
        "acting_days.csv", "cover.csv", "penalties.csv", "roster.csv", "roster_wide.csv",
        "summary.json"]
    info = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    assert info["interrupted"] is True
    check = subprocess.run([*COMMAND, "validate", str(SAMPLE), str(out / "roster.csv")],
                           capture_output=True, text=True, timeout=60)
    assert check.returncode == 0, check.stdout + check.stderr


@pytest.mark.slow
def test_second_ctrl_c_quits_and_writes_nothing(tmp_path: Path) -> None:
    """Two SIGINTs: exit 130, no output folder and no temporary folder left behind."""
    out = tmp_path / "out"
    proc = start_solve(out, "zh")  # the notices in the sample's own language
    proc.send_signal(signal.SIGINT)
    # the second one lands while the other center still builds its first roster (>= 0.2 s)
    time.sleep(0.05)
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 130, err
    assert "正在停止：将写入目前最好的排班（再按一次 Ctrl-C 立即退出）" in err
    assert "已停止：未写入任何文件" in err
    assert list(tmp_path.iterdir()) == []
