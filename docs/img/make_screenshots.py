"""Remake the README's screenshots of `roster export`: web-view.png and excel-sheet.png.

    python docs/img/make_screenshots.py

Uses the sample scenario and data/sample/roster_example.csv with one cell changed (the senior
leader IN002 off on 2026-10-05, a day the director is off too) so that a violation shows.

* web-view.png: the html export in headless Chromium (selenium with Debian's chromium and
  chromium-driver), the pointer resting on the violation; the grid's frame is made shorter so
  the chart fits in the picture.
* excel-sheet.png: the xlsx export's first sheet printed to PDF by LibreOffice
  (``soffice --headless --convert-to pdf``; Debian's libreoffice-calc-nogui) and turned into a
  PNG by pdftoppm (poppler-utils), the top-left of the first page.

Neither tool is needed by the tests; this script is not run by them.
"""

from __future__ import annotations

import csv
import io
import subprocess
import sys
import tempfile
from pathlib import Path

from click.testing import CliRunner

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "data" / "sample"
IMG = ROOT / "docs" / "img"


def broken_roster(folder: Path) -> Path:
    """roster_example.csv with IN002 off on 2026-10-05 (and at work on a day off instead)."""
    text = (SAMPLE / "roster_example.csv").read_text("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text)))
    mine = [r for r in rows if r["employee_id"] == "IN002"]
    fifth = next(r for r in mine if r["date"] == "2026-10-05")
    day_off = next(r for r in mine if r["shift"] == "OFF" and r["date"] > "2026-10-10")
    day_off["shift"], fifth["shift"] = fifth["shift"], "OFF"
    path = folder / "roster.csv"
    with open(path, "w", encoding="utf-8-sig", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    return path


def export(roster: Path, out: Path) -> None:
    from roster.commands_export import export as command

    result = CliRunner().invoke(command, [str(SAMPLE), str(roster), "-o", str(out)])
    print(result.stderr, end="", file=sys.stderr)
    assert result.exit_code == 0, result.output


def web_view(page: Path, target: Path) -> None:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By

    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for flag in ("--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                 "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--disable-quic", "--no-first-run",
                 "--window-size=1280,1180", f"--user-data-dir={tempfile.mkdtemp()}"):
        options.add_argument(flag)
    driver = webdriver.Chrome(options=options, service=Service("/usr/bin/chromedriver"))
    try:
        driver.get(page.resolve().as_uri())
        driver.execute_script(
            "const s = document.createElement('style');"
            "s.textContent = '.grid-wrap { max-height: 430px; }';"
            "document.head.appendChild(s);")
        cell = driver.find_element(
            By.CSS_SELECTOR, 'tr[data-employee="IN002"] td.c[data-d="4"]')
        ActionChains(driver).move_to_element(cell).perform()
        driver.save_screenshot(str(target))
    finally:
        driver.quit()


def excel_sheet(workbook: Path, target: Path, folder: Path) -> None:
    subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(folder),
                    str(workbook)], check=True, capture_output=True)
    pdf = folder / (workbook.stem + ".pdf")
    subprocess.run(["pdftoppm", "-png", "-r", "190", "-f", "1", "-l", "1", "-x", "60", "-y", "80",
                    "-W", "1440", "-H", "760", "-singlefile", str(pdf),
                    str(target.with_suffix(""))], check=True)


def main() -> None:
    IMG.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        roster = broken_roster(folder)
        export(roster, folder / "roster.html")
        export(roster, folder / "roster.xlsx")
        web_view(folder / "roster.html", IMG / "web-view.png")
        excel_sheet(folder / "roster.xlsx", IMG / "excel-sheet.png", folder)
    print(f"wrote {IMG / 'web-view.png'} and {IMG / 'excel-sheet.png'}", file=sys.stderr)


if __name__ == "__main__":
    main()
