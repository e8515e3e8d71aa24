"""Fixtures for the reading layer: a minimal valid scenario folder, written to tmp_path."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path

import pytest

MINIMAL_TOML = """\
[scenario]
name = "Test department"
month = "2026-10"
language = "en"

[[centers]]
id = "IN"
name = "Inbound"
kind = "inbound"

[[shifts]]
code = "E"
name = "早班"
aliases = ["早"]
start = "08:00"
end = "16:30"

[[shifts]]
code = "L"
name = "晚班"
aliases = ["晚"]
start = "14:00"
end = "22:00"
"""

MINIMAL_STAFF = """\
employee_id,name,role,center,team
D1,Dana,director,IN,
S1,Sam,senior_leader,IN,A
T1,Tia,team_leader,IN,A
A1,Ann,agent,IN,A
A2,Bob,agent,IN,A
A3,Cyd,agent,IN,A
"""

MINIMAL_DEMAND = """\
center,day,shift,min_agents,target_agents,min_leaders
IN,all,E,1,2,1
IN,all,L,1,1,1
"""

MINIMAL_FILES: dict[str, str] = {
    "scenario.toml": MINIMAL_TOML,
    "staff.csv": MINIMAL_STAFF,
    "demand.csv": MINIMAL_DEMAND,
}

ScenarioMaker = Callable[..., Path]


def write_scenario(
    folder: Path,
    files: Mapping[str, str | bytes | None] | None = None,
    *,
    encoding: str = "utf-8",
) -> Path:
    """Write the minimal scenario to ``folder``, with ``files`` replacing, adding or (None) removing
    files; text is written in ``encoding``, bytes as they are."""
    folder.mkdir(parents=True, exist_ok=True)
    contents: dict[str, str | bytes | None] = {**MINIMAL_FILES, **(files or {})}
    for name, content in contents.items():
        path = folder / name
        if content is None:
            path.unlink(missing_ok=True)
        elif isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_bytes(content.encode(encoding))
    return folder


@pytest.fixture
def make_scenario(tmp_path: Path) -> ScenarioMaker:
    """A function writing the minimal scenario (with changes) and returning its folder."""
    counter = iter(range(1_000_000))

    def make(
        files: Mapping[str, str | bytes | None] | None = None, *, encoding: str = "utf-8"
    ) -> Path:
        return write_scenario(tmp_path / f"scenario{next(counter)}", files, encoding=encoding)

    return make


@pytest.fixture
def minimal() -> dict[str, str]:
    """The files of the minimal scenario, by name: scenario.toml, staff.csv and demand.csv."""
    return dict(MINIMAL_FILES)


@pytest.fixture
def scenario_dir(make_scenario: ScenarioMaker) -> Path:
    """The minimal valid scenario folder."""
    return make_scenario()
