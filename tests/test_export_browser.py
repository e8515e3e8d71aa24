"""The exported web page in a real browser: headless Chromium (Debian's chromium and
chromium-driver, which .ci/run installs), driven by selenium.

What is checked is what the page shows after its script ran: the grid's cells and colours, the
violation's outline and the explanation that appears on hover, the chart's bars and lines, and
the header and name columns staying in view while the grid scrolls. Without Chromium the test
fails in CI (CI=true) and is skipped elsewhere.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from export.builders import R1_MESSAGE, ROSTER, write_roster, write_scenario

from roster.commands_export import export
from roster.io.roster_reader import read_roster
from roster.io.scenario_reader import load_scenario

pytestmark = pytest.mark.slow

SAMPLE = Path(__file__).resolve().parents[1] / "data" / "sample"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMEDRIVER = shutil.which("chromedriver")
FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--disable-quic", "--no-first-run", "--window-size=1280,800")


def _missing(what: str) -> None:
    message = f"{what} is not installed (apt-get install chromium chromium-driver)"
    if os.environ.get("CI") == "true":
        pytest.fail(message)
    pytest.skip(message)


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    if CHROMIUM is None or CHROMEDRIVER is None:
        _missing("chromium" if CHROMIUM is None else "chromedriver")
    try:
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service
    except ImportError:
        _missing("selenium")
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={tmp_path_factory.mktemp('chromium')}")
    driver = webdriver.Chrome(options=options, service=Service(str(CHROMEDRIVER)))
    try:
        yield driver
    finally:
        driver.quit()


def export_html(scenario: Path, roster: Path, out: Path) -> str:
    result = CliRunner().invoke(export, [str(scenario), str(roster), "-o", str(out),
                                         "--lang", "en"])
    assert result.exit_code == 0, result.output
    return out.resolve().as_uri()


def test_page_shows_grid_violation_and_chart(browser: Any, tmp_path: Path) -> None:
    """The small department: cells, colours, the R1 outline and hover text, the chart."""
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By

    scenario = write_scenario(tmp_path / "scenario")
    browser.get(export_html(scenario, write_roster(tmp_path / "roster.csv"),
                            tmp_path / "roster.html"))
    assert browser.execute_script("return document.documentElement.dataset.ready") == "true"
    shown = browser.execute_script(
        "return [...document.querySelectorAll('tr[data-employee]')].map(r => "
        "[r.dataset.employee, [...r.querySelectorAll('td.c')].map(c => c.innerText)])")
    assert dict(shown) == ROSTER

    def cell(pid: str, day: int) -> Any:
        return browser.find_element(
            By.CSS_SELECTOR, f'tr[data-employee="{pid}"] td.c[data-d="{day - 1}"]')

    assert cell("D1", 2).value_of_css_property("background-color") == "rgba(198, 224, 180, 1)"
    assert cell("A1", 1).value_of_css_property("background-color") == "rgba(250, 212, 212, 1)"
    assert cell("A2", 11).value_of_css_property("background-color") == "rgba(237, 237, 237, 1)"

    broken = cell("D1", 5)
    assert broken.text == "OFF"
    assert broken.value_of_css_property("outline-style") == "solid"
    assert broken.value_of_css_property("outline-color") == "rgba(192, 0, 0, 1)"
    assert cell("D1", 6).value_of_css_property("outline-style") == "none"
    tip = browser.find_element(By.ID, "tip")
    assert not tip.is_displayed()
    ActionChains(browser).move_to_element(broken).perform()
    assert tip.is_displayed()
    assert tip.text == f"R1 director and senior leader both off: {R1_MESSAGE}"
    ActionChains(browser).move_to_element(cell("D1", 6)).perform()
    assert not tip.is_displayed()

    chart = browser.find_element(By.CSS_SELECTOR, "svg.cover-chart")
    assert chart.is_displayed()
    assert chart.size["width"] > 700
    heights = browser.execute_script(
        "return [...document.querySelectorAll('svg.cover-chart rect.bar[data-d]')]"
        ".map(r => r.getBBox().height)")
    assert len(heights) == 3 * 31
    # dates with an agent on E (A1 from the 9th, A3 on the 3rd), L (A2's 23 days), N (A3's 21)
    assert sum(1 for h in heights if h > 0) == 24 + 23 + 21
    short = browser.find_elements(By.CSS_SELECTOR, "svg.cover-chart rect.bar.short")
    assert len(short) == 15
    assert short[0].value_of_css_property("fill") == "rgb(192, 0, 0)"
    lengths = browser.execute_script(
        "return [...document.querySelectorAll('svg.cover-chart path.minimum')]"
        ".map(p => p.getTotalLength())")
    assert len(lengths) == 4 and all(length > 0 for length in lengths)


def test_sample_grid_keeps_header_and_names_in_view(browser: Any, tmp_path: Path) -> None:
    """The sample (100 people, two centers): every cell shown; scrolled, the header and the
    name columns stay put."""
    from selenium.webdriver.common.by import By

    roster_file = SAMPLE / "roster_example.csv"
    browser.get(export_html(SAMPLE, roster_file, tmp_path / "sample.html"))
    shown = browser.execute_script(
        "return [...document.querySelectorAll('tr[data-employee]')].map(r => "
        "[r.dataset.employee, [...r.querySelectorAll('td.c')].map(c => c.innerText)])")
    assert dict(shown) == read_roster(roster_file, load_scenario(SAMPLE))
    assert len(browser.find_elements(By.CSS_SELECTOR, "svg.cover-chart")) == 2

    box = browser.execute_script(
        "const wrap = document.querySelector('.grid-wrap');"
        "wrap.scrollTop = 600; wrap.scrollLeft = 400;"
        "const w = wrap.getBoundingClientRect();"
        "const head = wrap.querySelector('thead').getBoundingClientRect();"
        "const name = wrap.querySelector('tbody tr:nth-child(20) .pname').getBoundingClientRect();"
        "const id = wrap.querySelector('tbody tr:nth-child(20) .pid').getBoundingClientRect();"
        "return {scrolled: [wrap.scrollTop, wrap.scrollLeft], wrap: [w.top, w.left],"
        " head: head.top, id: id.left, name: name.left, idRight: id.right};")
    assert box["scrolled"] == [600, 400]
    assert abs(box["head"] - box["wrap"][0]) <= 2
    assert abs(box["id"] - box["wrap"][1]) <= 2
    assert abs(box["name"] - box["idRight"]) <= 2
