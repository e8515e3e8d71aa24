"""The web page, read as HTML (the browser test, tests/test_export_browser.py, renders it)."""

from __future__ import annotations

import re
from html.parser import HTMLParser

from roster.export import ExportData
from roster.export.grid import SHIFT_COLORS
from roster.export.html import to_html

from .builders import R1_MESSAGE, R1_MESSAGE_ZH, ROSTER


class Page(HTMLParser):
    """Every start tag with its attributes, and the grid rows' cells (attributes, text)."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str]]] = []
        self.rows: dict[str, list[tuple[dict[str, str], str]]] = {}
        self._row: str | None = None
        self._cell: tuple[dict[str, str], list[str]] | None = None
        self.feed(text)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = {k: v or "" for k, v in attrs}
        self.tags.append((tag, found))
        if tag == "tr":
            self._row = found.get("data-employee")
            if self._row is not None:
                self.rows[self._row] = []
        elif tag in ("td", "th") and self._row is not None:
            self._cell = (found, [])

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell[1].append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th") and self._cell is not None and self._row is not None:
            self.rows[self._row].append((self._cell[0], "".join(self._cell[1])))
            self._cell = None
        elif tag == "tr":
            self._row = None


def test_references_nothing_outside_itself(data: ExportData) -> None:
    """No http(s) address, no linked file, script or image: the page is self-contained."""
    text = to_html(data, "en")
    assert re.search(r"https?:", text, re.IGNORECASE) is None
    page = Page(text)
    assert [(tag, a) for tag, a in page.tags if {"src", "href"} & set(a)
            and not a.get("href", "").startswith("#")] == []
    assert [tag for tag, _ in page.tags if tag in ("link", "img", "iframe", "object")] == []
    assert text.count("<script>") == 1
    assert "<style>" in text


def test_grid_cells_equal_the_roster(data: ExportData) -> None:
    """Each person's row: id, name, team, role, the 31 cells, then the four totals."""
    page = Page(to_html(data, "en"))
    assert list(page.rows) == list(ROSTER)
    for pid, cells in ROSTER.items():
        row = page.rows[pid]
        assert [text for _, text in row[4:35]] == cells
        assert [a["data-d"] for a, _ in row[4:35]] == [str(d) for d in range(31)]
    assert [text for _, text in page.rows["A3"][:4]] == ["A3", "=1+2", "B", "Agent"]
    assert [text for _, text in page.rows["A2"][35:]] == ["23", "8", "6", "23"]
    assert page.rows["A1"][4][0]["class"] == "c holiday"  # OFF on a holiday
    assert page.rows["D1"][5][0]["class"] == "c s-E"


def test_violations_are_highlighted_and_explained(data: ExportData) -> None:
    """R1 on the 5th: D1's and S1's cells carry the violation class and its explanation."""
    page = Page(to_html(data, "en"))
    for pid in ("D1", "S1"):
        attrs, text = page.rows[pid][4 + 4]
        assert text == "OFF"
        assert "violation" in attrs["class"].split()
        assert f"R1 director and senior leader both off: {R1_MESSAGE}" in attrs["title"]
    attrs, _ = page.rows["D1"][4 + 5]
    assert "violation" not in attrs["class"].split()
    assert "title" not in attrs


def test_violations_are_explained_in_chinese(data: ExportData) -> None:
    """With zh the hover and the list below the grid are the Chinese message, no English."""
    text = to_html(data, "zh")
    page = Page(text)
    attrs, _ = page.rows["D1"][4 + 4]
    assert attrs["title"] == f"R1 中心主任与资深组长同日休息：{R1_MESSAGE_ZH}"
    assert R1_MESSAGE not in text
    assert "days in a row" not in text


def test_chart_is_inline_svg_with_a_bar_per_date_and_shift(data: ExportData) -> None:
    """One SVG per center: 3 panels, 31 bars each (red where short), minimum and target lines."""
    text = to_html(data, "en")
    page = Page(text)
    assert [a["class"] for t, a in page.tags if t == "svg"] == ["cover-chart"]
    bars = [a for t, a in page.tags if t == "rect" and a.get("class", "").startswith("bar")
            and "data-d" in a]
    assert len(bars) == 3 * 31
    assert sum(1 for a in bars if a["class"] == "bar short") == 15  # the R7 shortfalls
    assert [a["class"] for t, a in page.tags if t == "path"
            and a.get("class") in ("minimum", "target")] == ["minimum", "target"] * 4


def test_shift_colours_in_the_css(data: ExportData) -> None:
    """The shifts take the palette in order: E, L, N."""
    text = to_html(data, "en")
    for code, color in zip("ELN", SHIFT_COLORS, strict=False):
        assert f"table.grid td.s-{code}, .legend .s-{code} {{ background: #{color}; }}" in text


def test_labels_follow_the_language(data: ExportData) -> None:
    """--lang zh: Chinese headings, weekdays and explanations; en: English."""
    zh, en = to_html(data, "zh"), to_html(data, "en")
    assert '<html lang="zh-CN">' in zh
    assert '<html lang="en">' in en
    for word in ("工号", "上班天数", "代任日", "在岗座席与需求", "硬性规则违规",
                 "中心主任与资深组长同日休息"):
        assert word in zh
        assert word not in en
    for word in ("Employee ID", "Days worked", "Acting day", "Agents on duty against demand",
                 "Hard-rule violations"):
        assert word in en
        assert word not in zh
