"""The roster as one self-contained web page: no network, no files beside it.

Per center: the grid (people by dates, cells coloured by shift, weekend and holiday columns
shaded, acting days marked, totals; the header row and the name columns stay in view while
scrolling), the agents on each shift against the minimum under it, a chart of cover against
demand by date (inline SVG, drawn here), then the center's violations. Cells that break a hard
rule are outlined in red and explained on hover: the explanation is the cell's ``title`` (shown
by the browser as it is), which a small inline script turns into a tooltip that also works
where ``title`` shows slowly; the script also highlights the date column under the pointer.
CSS and script are inline; the page references nothing outside itself.
"""

from __future__ import annotations

import html
from collections.abc import Iterator, Sequence

from roster.domain import LEAVE, OFF, ShiftType
from roster.export.grid import (
    HOLIDAY_COLOR,
    MAKEUP_COLOR,
    SHORT_COLOR,
    VIOLATION_COLOR,
    WEEKEND_COLOR,
    CenterGrid,
    CoverCell,
    ExportData,
    day_kind,
    shift_colors,
)
from roster.export.labels import (
    WEEKDAYS,
    Lang,
    day_note,
    labels,
    role_text,
    violation_text,
)
from roster.validate import RuleViolation

e = html.escape

CSS = """
:root { font-family: system-ui, "Noto Sans CJK SC", "Microsoft YaHei", sans-serif;
        font-size: 14px; color: #222; }
body { margin: 16px; }
h1 { font-size: 1.4em; margin: 0 0 4px; }
h2 { font-size: 1.2em; margin: 28px 0 8px; }
h3 { font-size: 1.05em; margin: 16px 0 6px; }
.status.ok { color: #2e7d32; } .status.broken { color: #c00000; font-weight: bold; }
.legend { display: flex; flex-wrap: wrap; gap: 6px 14px; margin: 8px 0; font-size: 0.9em; }
.legend span.chip { display: inline-block; min-width: 2.2em; text-align: center;
                    border: 1px solid #bbb; margin-right: 4px; padding: 0 3px; }
.grid-wrap { overflow: auto; max-height: 80vh; border: 1px solid #ccc; }
table.grid { border-collapse: separate; border-spacing: 0; font-size: 12px; }
table.grid th, table.grid td { border-right: 1px solid #ddd; border-bottom: 1px solid #ddd;
    padding: 2px 3px; text-align: center; white-space: nowrap; background: #fff; }
table.grid thead { position: sticky; top: 0; z-index: 3; }
table.grid thead th { background: #f7f7f7; }
table.grid .pid, table.grid .pname { position: sticky; z-index: 2; text-align: left; }
table.grid .pid { left: 0; width: 5.5em; min-width: 5.5em; max-width: 5.5em;
                  overflow: hidden; text-overflow: ellipsis; }
table.grid .pname { left: calc(5.5em + 7px); min-width: 4.5em; border-right: 2px solid #999; }
table.grid thead .pid, table.grid thead .pname { z-index: 4; }
table.grid td.c, table.grid th.day { width: 2.6em; min-width: 2.6em; max-width: 2.6em;
    padding: 2px 1px; font-size: 11px; }
table.grid td.leave { font-size: 9px; }
table.grid .weekend { background: %(weekend)s; }
table.grid .holiday { background: %(holiday)s; }
table.grid .makeup { background: %(makeup)s; }
table.grid tbody tr:hover th, table.grid tbody tr:hover td { filter: brightness(0.93); }
table.grid .hl { box-shadow: inset 0 0 0 9999px rgba(0, 90, 200, 0.10); }
table.grid .acting-mark { color: #c65911; font-weight: bold; }
table.grid tfoot th, table.grid tfoot td { font-size: 10px; background: #fafafa; }
table.grid tfoot .short { background: %(short)s; font-weight: bold; }
table.grid .total { background: #f3f3f3; font-variant-numeric: tabular-nums; }
table.grid .violation { outline: 2px solid %(violation)s; outline-offset: -2px;
                        color: %(violation)s; font-weight: bold; cursor: help; }
%(shifts)s
figure.chart { margin: 12px 0; }
figure.chart figcaption { font-weight: bold; margin-bottom: 4px; }
svg.cover-chart { font-size: 10px; }
svg.cover-chart .bar { fill: #7aa6d6; }
svg.cover-chart .bar.short { fill: %(violation)s; }
svg.cover-chart .minimum { fill: none; stroke: #c00000; stroke-width: 1.5; }
svg.cover-chart .target { fill: none; stroke: #444; stroke-width: 1; stroke-dasharray: 4 3; }
svg.cover-chart .axis { stroke: #888; stroke-width: 1; }
svg.cover-chart .gridline { stroke: #e4e4e4; stroke-width: 1; }
svg.cover-chart .rest { fill: %(weekend)s; } svg.cover-chart .hol { fill: %(holiday)s; }
svg.cover-chart text { fill: #333; }
ul.violations li { margin: 2px 0; }
ul.violations .rule { color: %(violation)s; font-weight: bold; }
#tip { position: absolute; z-index: 10; max-width: 32em; background: #222; color: #fff;
       padding: 6px 8px; border-radius: 4px; font-size: 12px; white-space: pre-line;
       pointer-events: none; }
#tip[hidden] { display: none; }
footer { margin-top: 24px; color: #777; font-size: 0.85em; }
@media print { .grid-wrap { max-height: none; overflow: visible; } }
"""

SCRIPT = """
(function () {
  var tip = document.getElementById("tip");
  document.querySelectorAll("table.grid [title]").forEach(function (el) {
    el.setAttribute("data-tip", el.getAttribute("title"));
    el.removeAttribute("title");
  });
  document.addEventListener("mouseover", function (ev) {
    var el = ev.target.closest ? ev.target.closest("[data-tip]") : null;
    if (!el) { tip.hidden = true; return; }
    tip.textContent = el.getAttribute("data-tip");
    tip.hidden = false;
    var r = el.getBoundingClientRect();
    var maxLeft = window.scrollX + document.documentElement.clientWidth - tip.offsetWidth - 8;
    tip.style.left = Math.max(0, Math.min(r.left + window.scrollX, maxLeft)) + "px";
    tip.style.top = (r.bottom + window.scrollY + 4) + "px";
  });
  document.querySelectorAll("table.grid").forEach(function (table) {
    table.addEventListener("mouseover", function (ev) {
      table.querySelectorAll(".hl").forEach(function (c) { c.classList.remove("hl"); });
      var cell = ev.target.closest("[data-d]");
      if (!cell) { return; }
      table.querySelectorAll('[data-d="' + cell.getAttribute("data-d") + '"]')
        .forEach(function (c) { c.classList.add("hl"); });
    });
  });
  document.documentElement.setAttribute("data-ready", "true");
})();
"""


def shift_css(data: ExportData) -> str:
    colors = shift_colors(data.scenario)
    return "\n".join(f"table.grid td.s-{code}, .legend .s-{code} {{ background: #{color}; }}"
                     for code, color in colors.items())


def _attrs(**attrs: str | None) -> str:
    """' name="value"' for each attribute given (None: left out); ``class_`` is ``class``."""
    return "".join(f' {name.rstrip("_").replace("_", "-")}="{e(value)}"'
                   for name, value in attrs.items() if value is not None)


def _classes(*names: str | None) -> str | None:
    joined = " ".join(n for n in names if n)
    return joined or None


def _day_class(data: ExportData, d: int) -> str | None:
    return day_kind(data.calendar[d])


def _explain(violations: Sequence[RuleViolation], lang: Lang) -> str:
    return "\n".join(violation_text(v, lang) for v in violations)


def _clock(minutes: int) -> str:
    minutes %= 24 * 60
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def _shift_text(shift: ShiftType) -> str:
    return f"{shift.code} {shift.name} {_clock(shift.start)}–{_clock(shift.end)}".strip()


def legend(data: ExportData, lang: Lang) -> str:
    t = labels(lang)
    items = [f'<span><span class="chip s-{e(s.code)}">{e(s.code)}</span>{e(_shift_text(s))}'
             f"</span>" for s in data.scenario.shifts]
    items += [
        f'<span><span class="chip">{OFF}</span>{e(t["OFF"])}</span>',
        f'<span><span class="chip s-{LEAVE}">{LEAVE}</span>{e(t["LEAVE"])}</span>',
        f'<span><span class="chip" style="background:#{WEEKEND_COLOR}">&nbsp;</span>'
        f'{e(t["weekend"])}</span>',
        f'<span><span class="chip" style="background:#{HOLIDAY_COLOR}">&nbsp;</span>'
        f'{e(t["holiday"])}</span>',
        f'<span><span class="chip" style="background:#{MAKEUP_COLOR}">&nbsp;</span>'
        f'{e(t["makeup"])}</span>',
        f'<span><span class="chip acting-mark">{e(t["acting_mark"])}</span>'
        f'{e(t["acting_note"])}</span>',
        f'<span><span class="chip" style="outline:2px solid #{VIOLATION_COLOR}">&nbsp;</span>'
        f'{e(t["violations"])}</span>',
    ]
    return f'<div class="legend"><strong>{e(t["legend"])}:</strong>{"".join(items)}</div>'


def grid_table(data: ExportData, grid: CenterGrid, lang: Lang) -> Iterator[str]:
    t = labels(lang)
    marks = grid.marks()
    num_days = len(data.calendar)
    totals = ("days_worked", "days_off", "rest_days_off", "late_shifts")
    yield f'<div class="grid-wrap"><table class="grid" data-center="{e(grid.center.id)}">'
    yield "<thead><tr class=\"days\">"
    yield (f'<th class="pid">{e(t["employee_id"])}</th><th class="pname">{e(t["name"])}</th>'
           f'<th>{e(t["team"])}</th><th>{e(t["role"])}</th>')
    for d, info in enumerate(data.calendar):
        tips = [day_note(info, lang)]
        violation = marks.get((None, d))
        if violation:
            tips.append(_explain(violation, lang))
        title = "\n".join(x for x in tips if x) or None
        cls = _classes("day", _day_class(data, d), "violation" if violation else None)
        yield f"<th{_attrs(class_=cls, data_d=str(d), title=title)}>{info.date.day}</th>"
    yield "".join(f'<th class="total">{e(t[name])}</th>' for name in totals)
    yield "</tr><tr class=\"weekdays\">"
    yield (f'<th class="pid"></th><th class="pname"></th>'
           f'<th colspan="2">{e(t["weekday"])}</th>')
    for d, info in enumerate(data.calendar):
        cls = _classes("day", _day_class(data, d))
        yield f"<th{_attrs(class_=cls, data_d=str(d))}>{e(WEEKDAYS[lang][info.weekday])}</th>"
    yield f'<th colspan="{len(totals)}"></th>'
    yield "</tr><tr class=\"acting\">"
    yield (f'<th class="pid"></th><th class="pname"></th>'
           f'<th colspan="2">{e(t["acting_day"])}</th>')
    for d in range(num_days):
        cls = _classes("day", _day_class(data, d))
        if d in grid.acting:
            attrs = _attrs(class_=_classes(cls, "acting-mark"), data_d=str(d),
                           title=t["acting_note"])
            yield f"<th{attrs}>{e(t['acting_mark'])}</th>"
        else:
            yield f"<th{_attrs(class_=cls, data_d=str(d))}></th>"
    yield f'<th colspan="{len(totals)}"></th>'
    yield "</tr></thead><tbody>"
    for person in grid.people:
        emp = person.employee
        pid = emp.employee_id
        month_marks = marks.get((pid, None))
        name_cls = _classes("pname", "violation" if month_marks else None)
        name_tip = _explain(month_marks, lang) if month_marks else None
        yield (f'<tr data-employee="{e(pid)}"><th class="pid">{e(pid)}</th>'
               f"<th{_attrs(class_=name_cls, title=name_tip)}>{e(emp.name)}</th>"
               f"<td>{e(emp.team)}</td><td>{e(role_text(emp.role, lang))}</td>")
        for d, cell in enumerate(person.cells):
            cell_marks = marks.get((pid, d))
            if cell == OFF:
                cls = _classes("c", _day_class(data, d))
            elif cell == LEAVE:
                cls = _classes("c", f"s-{LEAVE}", "leave")
            else:
                cls = _classes("c", f"s-{cell}")
            if cell_marks:
                cls = _classes(cls, "violation")
            tip = _explain(cell_marks, lang) if cell_marks else None
            yield f"<td{_attrs(class_=cls, data_d=str(d), title=tip)}>{e(cell)}</td>"
        for value in (person.days_worked, person.days_off, person.rest_days_off,
                      person.late_shifts):
            yield f'<td class="total">{value}</td>'
        yield "</tr>"
    yield "</tbody><tfoot>"
    for shift in data.scenario.shifts:
        yield (f'<tr class="cover" data-shift="{e(shift.code)}"><th class="pid"></th>'
               f'<th class="pname"></th><th colspan="2">'
               f'{e(t["cover_row"].format(shift=shift.code))}</th>')
        for d, cover in enumerate(grid.cover[shift.code]):
            tip = t["cover_note"].format(
                date=data.calendar[d].date.isoformat(), shift=shift.code,
                assigned=cover.assigned, required=cover.required, target=cover.target)
            if cover.short:
                tip += " (" + t["short_note"].format(short=cover.short) + ")"
            cls = "short" if cover.short else _day_class(data, d)
            yield (f"<td{_attrs(class_=cls, data_d=str(d), title=tip)}>"
                   f"{cover.assigned}/{cover.required}</td>")
        yield f'<td colspan="{len(totals)}"></td></tr>'
    yield "</tfoot></table></div>"


# --- the chart ---------------------------------------------------------------------------------

CHART_LEFT, CHART_RIGHT, DAY_WIDTH = 36, 12, 22
PANEL_HEIGHT, PANEL_TOP, PANEL_BOTTOM, PANEL_GAP = 90, 18, 16, 10
LEGEND_HEIGHT = 22


def _ticks(top: int) -> list[int]:
    step = max(1, -(-top // 4))
    return list(range(0, top + 1, step))


def cover_chart(data: ExportData, grid: CenterGrid, lang: Lang) -> str:
    """Per shift, a panel: agents on duty as bars (red when below the minimum), the minimum as
    a red step line, the target dashed; weekend and holiday dates shaded."""
    t = labels(lang)
    num_days = len(data.calendar)
    shifts = data.scenario.shifts
    width = CHART_LEFT + num_days * DAY_WIDTH + CHART_RIGHT
    panel_total = PANEL_TOP + PANEL_HEIGHT + PANEL_BOTTOM
    height = LEGEND_HEIGHT + len(shifts) * (panel_total + PANEL_GAP)
    top_value = max([1] + [max(c.assigned, c.required, c.target)
                           for cells in grid.cover.values() for c in cells])
    ticks = _ticks(top_value)
    y_max = ticks[-1] if ticks[-1] >= top_value else top_value

    def x(d: int) -> float:
        return CHART_LEFT + d * DAY_WIDTH

    out = [f'<svg class="cover-chart" role="img" width="{width}" height="{height}" '
           f'viewBox="0 0 {width} {height}" aria-label="{e(t["chart"])}">']
    # legend
    lx = CHART_LEFT
    out.append(f'<g class="chart-legend"><rect class="bar" x="{lx}" y="6" width="12" '
               f'height="10"/><text x="{lx + 16}" y="15">{e(t["on_duty"])}</text>'
               f'<path class="minimum" d="M{lx + 90} 11 h18"/>'
               f'<text x="{lx + 112}" y="15">{e(t["minimum"])}</text>'
               f'<path class="target" d="M{lx + 180} 11 h18"/>'
               f'<text x="{lx + 202}" y="15">{e(t["target"])}</text></g>')
    for i, shift in enumerate(shifts):
        top = LEGEND_HEIGHT + i * (panel_total + PANEL_GAP)
        base = top + PANEL_TOP + PANEL_HEIGHT

        def y(value: float, base: float = base) -> float:
            return base - value * PANEL_HEIGHT / y_max

        cells: Sequence[CoverCell] = grid.cover[shift.code]
        out.append(f'<g class="panel" data-shift="{e(shift.code)}">')
        out.append(f'<text class="panel-title" x="{CHART_LEFT}" y="{top + 12}" '
                   f'font-weight="bold">{e(_shift_text(shift))}</text>')
        for d in range(num_days):
            cls = _day_class(data, d)
            if cls in ("weekend", "holiday"):
                out.append(f'<rect class="{"hol" if cls == "holiday" else "rest"}" '
                           f'x="{x(d)}" y="{top + PANEL_TOP}" width="{DAY_WIDTH}" '
                           f'height="{PANEL_HEIGHT}"/>')
        for tick in ticks:
            out.append(f'<line class="gridline" x1="{CHART_LEFT}" x2="{x(num_days)}" '
                       f'y1="{y(tick):.1f}" y2="{y(tick):.1f}"/>'
                       f'<text x="{CHART_LEFT - 4}" y="{y(tick) + 3:.1f}" '
                       f'text-anchor="end">{tick}</text>')
        for d, c in enumerate(cells):
            h = c.assigned * PANEL_HEIGHT / y_max
            tip = t["cover_note"].format(date=data.calendar[d].date.isoformat(),
                                         shift=shift.code, assigned=c.assigned,
                                         required=c.required, target=c.target)
            if c.short:
                tip += " (" + t["short_note"].format(short=c.short) + ")"
            out.append(f'<rect class="bar{" short" if c.short else ""}" data-d="{d}" '
                       f'x="{x(d) + 3}" y="{base - h:.1f}" width="{DAY_WIDTH - 6}" '
                       f'height="{h:.1f}"><title>{e(tip)}</title></rect>')
        for cls, values in (("minimum", [c.required for c in cells]),
                            ("target", [c.target for c in cells])):
            path = [f"M{x(0)} {y(values[0]):.1f}"]
            for d, value in enumerate(values):
                if d:
                    path.append(f"V{y(value):.1f}")
                path.append(f"H{x(d + 1)}")
            out.append(f'<path class="{cls}" d="{" ".join(path)}"/>')
        out.append(f'<line class="axis" x1="{CHART_LEFT}" x2="{x(num_days)}" y1="{base}" '
                   f'y2="{base}"/>')
        for d, info in enumerate(data.calendar):
            out.append(f'<text x="{x(d) + DAY_WIDTH / 2}" y="{base + 12}" '
                       f'text-anchor="middle">{info.date.day}</text>')
        out.append("</g>")
    out.append("</svg>")
    return "".join(out)


# --- the page ----------------------------------------------------------------------------------


def violation_list(violations: Sequence[RuleViolation], lang: Lang) -> str:
    t = labels(lang)
    items = "".join(
        f'<li><span class="rule">{e(v.rule)}</span> {e(violation_text(v, lang))}</li>'
        for v in violations)
    return (f'<h3>{e(t["violations"])}: {len(violations) or e(t["none"])}</h3>'
            + (f'<ul class="violations">{items}</ul>' if violations else ""))


def center_section(data: ExportData, grid: CenterGrid, lang: Lang) -> Iterator[str]:
    t = labels(lang)
    center = grid.center
    yield f'<section class="center" id="center-{e(center.id)}">'
    yield f"<h2>{e(center.name or center.id)} ({e(center.id)})</h2>"
    yield from grid_table(data, grid, lang)
    yield f'<figure class="chart"><figcaption>{e(t["chart"])}</figcaption>'
    yield cover_chart(data, grid, lang)
    yield "</figure>"
    yield violation_list(grid.violations, lang)
    acting = ", ".join(data.calendar[d].date.isoformat() for d in sorted(grid.acting))
    yield (f'<h3>{e(t["acting_days"])}: {len(grid.acting) or e(t["none"])}</h3>'
           f'<p class="acting-days">{e(acting)}</p>')
    yield "</section>"


def to_html(data: ExportData, lang: Lang) -> str:
    """The page, as text (UTF-8 when written)."""
    t = labels(lang)
    sc = data.scenario
    report = data.report
    title = f"{sc.name} · {sc.month} · {t['title']}" if sc.name else f"{sc.month} · {t['title']}"
    css = CSS % {"weekend": "#" + WEEKEND_COLOR, "holiday": "#" + HOLIDAY_COLOR,
                 "makeup": "#" + MAKEUP_COLOR, "short": "#" + SHORT_COLOR,
                 "violation": "#" + VIOLATION_COLOR, "shifts": shift_css(data)}
    status = (f'<p class="status ok">{e(t["ok"])}</p>' if report.ok else
              f'<p class="status broken">{e(t["broken"].format(n=len(report.violations)))}</p>')
    nav = " · ".join(f'<a href="#center-{e(g.center.id)}">{e(g.center.name or g.center.id)}</a>'
                     for g in data.centers)
    parts = [
        "<!DOCTYPE html>",
        f'<html lang="{"zh-CN" if lang == "zh" else "en"}">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{e(title)}</title>",
        f"<style>{css}</style>",
        "</head>",
        "<body>",
        f"<header><h1>{e(title)}</h1>",
        status,
        f'<p>{e(t["objective"])}: {report.objective} · {e(t["acting_days"])}: '
        f"{len(report.acting_days)}</p>",
        f"<nav>{nav}</nav>",
        legend(data, lang),
        "</header>",
    ]
    for grid in data.centers:
        parts += center_section(data, grid, lang)
    parts += [
        f'<footer>{e(t["generated"].format(roster=data.roster_name))}</footer>',
        '<div id="tip" role="tooltip" hidden></div>',
        f"<script>{SCRIPT}</script>",
        "</body>",
        "</html>",
    ]
    return "\n".join(parts) + "\n"
