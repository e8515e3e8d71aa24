"""Generate the sample's assessment inputs for October 2026, fitting ``roster_example.csv``.

Run ``python data/make_sample_assessment.py`` (from anywhere): the output is the same on every
run (fixed seed). It writes into ``data/sample/``:

* ``sales.csv``: the sales ledger (订单号, 日期, 工号, 金额, 状态), about 9 % of orders not shipped
  (已取消, 拒收, 拦截);
* ``lines.csv``: lines handled per person and date (日期, 工号, 线数);
* ``ratings.csv``: part B, by the department manager, the director and six employees per center;
* ``commissions.csv``: the directors' product commissions for the month;
* ``overrides.csv``: an example override (used in the README, not by default);
* ``performance.csv``: April to September figures of every team leader and agent, for
  ``roster eligible``.

``roster_example.csv`` is a roster solved from the sample (``roster solve data/sample --out
out/sample --time-limit 30``, its ``roster.csv``), kept so that the example is reproducible.
Sales are made by the people on duty in it. The two centers are built to fall on either side of
the 85 % line:

* ``IN``: sales per agent and per line are the same on every day but for noise (a little lower,
  x 0.95, on its acting days): A1 and A2 stay far above 85 % whichever days are acting;
* ``OUT``: on the director's days off in ``roster_example.csv``, agents sell less (x 0.62) for
  about as many lines (x 0.95): A1 and A2 fall clearly below 85 % with this roster.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import random
import sys
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from roster.domain import LEAVE, OFF, Role, Scenario  # noqa: E402
from roster.io.assessment_reader import read_assessment_inputs, read_performance  # noqa: E402
from roster.io.roster_reader import read_roster  # noqa: E402
from roster.io.scenario_reader import load_scenario  # noqa: E402
from roster.scoring import acting_dates, assess, eligibility  # noqa: E402
from roster.scoring.report import cents, cut  # noqa: E402

SEED = 20261031
SAMPLE = Path(__file__).resolve().parent / "sample"
ROSTER = SAMPLE / "roster_example.csv"

PRODUCTS = [Decimal(p) for p in ("199", "299", "398", "468", "598", "899", "1280")]
# (sales per agent-day, lines per agent-day) before noise
BASE = {"IN": (Decimal(1500), 42), "OUT": (Decimal(1100), 55)}
# on the acting days of roster_example.csv: (factor on sales, factor on lines)
ACTING = {"IN": (0.95, 1.0), "OUT": (0.62, 0.95)}
LEADER_SHARE = 0.5  # a team leader on duty sells and handles about half an agent's
NOT_SHIPPED = [("已取消", 0.05), ("拒收", 0.025), ("拦截", 0.015)]

MANAGER_ID = "M001"  # the department manager (not in staff.csv)
# part B: (center, manager, director, employees' mean) as shares of each criterion's maximum
RATING_LEVEL = {"IN": (0.88, 0.85, 0.83), "OUT": (0.78, 0.74, 0.76)}
EMPLOYEE_RATERS = {"IN": ["IN008", "IN017", "IN026", "IN035", "IN044", "IN053"],
                   "OUT": ["OUT006", "OUT015", "OUT024", "OUT032", "OUT036", "OUT040"]}
COMMISSIONS = {"IN": Decimal("8650.00"), "OUT": Decimal("5420.00")}
OVERRIDE = ("OUT", "保留",
            "国庆黄金周外拨暂停，代任日多为假日和周末，与月均对比不具代表性；下月复核 / "
            "golden week: outbound calling was paused and most acting days were holidays or "
            "weekends, so the comparison with the month says little; to be reviewed next month")

PERFORMANCE_MONTHS = ["2026-04", "2026-05", "2026-06", "2026-07", "2026-08", "2026-09"]
# personal monthly sales of each team leader (before noise): S2 for the sample's candidates
LEADER_SALES = {
    "IN002": 26000, "IN003": 24500, "IN004": 15000, "IN005": 23500, "IN006": 18000,
    "IN007": 21000, "OUT002": 23000, "OUT003": 22000, "OUT004": 14000, "OUT005": 20000,
}
# team strength per month (x an agent's monthly sales): S3 for the sample's candidates
TEAM_STRENGTH = {
    "接听一组": [1.10, 1.08, 1.12, 1.09, 1.11, 1.10],
    "接听二组": [1.06, 1.05, 1.04, 0.86, 1.05, 1.06],  # a weak July
    "接听三组": [0.92, 0.93, 0.95, 0.94, 0.93, 0.92],
    "接听四组": [1.05, 1.04, 1.06, 1.05, 1.04, 1.05],
    "接听五组": [0.97, 0.95, 0.96, 0.98, 0.97, 0.95],
    "接听六组": [0.99, 0.98, 1.00, 0.99, 0.98, 0.99],
    "外拨一组": [1.05, 1.06, 1.04, 1.05, 1.07, 1.06],
    "外拨二组": [1.02, 1.03, 1.05, 1.02, 1.01, 1.03],
    "外拨三组": [0.94, 0.95, 0.93, 0.96, 0.94, 0.95],
    "外拨四组": [0.97, 0.96, 0.99, 0.97, 0.98, 0.96],
}
AGENT_MONTH_SALES = {"IN": 33000, "OUT": 24000}
AGENT_MONTH_LINES = {"IN": 950, "OUT": 1250}


def csv_bytes(header: list[str], rows: list[list[object]]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue().encode("utf-8-sig")


def on_duty(cell: str) -> bool:
    return cell not in (OFF, LEAVE)


def sales_and_lines(
    scenario: Scenario, roster: dict[str, list[str]], rng: random.Random
) -> tuple[list[list[object]], list[list[object]]]:
    """Orders and lines of everyone on duty who sells: agents, and team leaders at half."""
    orders: list[list[object]] = []
    lines: list[list[object]] = []
    dates = scenario.month.dates
    for center in scenario.centers:
        acting = set(acting_dates(scenario, center.id, roster))
        sales_base, lines_base = BASE[center.id]
        for d, date in enumerate(dates):
            sales_factor, lines_factor = ACTING[center.id] if date in acting else (1.0, 1.0)
            for e in scenario.center_staff(center.id):
                if e.role == Role.DIRECTOR or not on_duty(roster[e.employee_id][d]):
                    continue
                if e.role == Role.SENIOR_LEADER and date in acting:
                    continue  # acting as director: no calls of their own
                share = 1.0 if e.role == Role.AGENT else LEADER_SHARE
                n_lines = round(lines_base * lines_factor * share * rng.uniform(0.85, 1.15))
                lines.append([date.isoformat(), e.employee_id, n_lines])
                target = float(sales_base) * sales_factor * share * rng.uniform(0.7, 1.3)
                made = Decimal(0)
                while made < Decimal(str(target)):
                    amount = rng.choice(PRODUCTS)
                    made += amount
                    status = "已交寄"
                    draw = rng.random()
                    for word, p in NOT_SHIPPED:
                        if draw < p:
                            status = word
                            break
                        draw -= p
                    orders.append([date, e.employee_id, amount, status])
    orders.sort(key=lambda o: (o[0], o[1]))  # type: ignore[arg-type]
    numbered = [[f"SO{o[0]:%y%m%d}{i:05d}", o[0].isoformat(), o[1], f"{o[2]:.2f}", o[3]]
                for i, o in enumerate(orders, start=1)]  # type: ignore[union-attr]
    return numbered, lines


def ratings(scenario: Scenario, rng: random.Random) -> list[list[object]]:
    rows: list[list[object]] = []
    maxima = scenario.assessment.criteria.as_dict()
    for center in scenario.centers:
        senior = scenario.senior_leader(center.id).employee_id
        director = scenario.director(center.id).employee_id
        manager_level, director_level, employee_level = RATING_LEVEL[center.id]
        raters = [("部门经理", MANAGER_ID, manager_level), ("中心主任", director, director_level)]
        raters += [("员工", eid, employee_level) for eid in EMPLOYEE_RATERS[center.id]]
        for role, rater, level in raters:
            for criterion, maximum in maxima.items():
                # half points only, within 0..max
                raw = float(maximum) * min(1.0, max(0.0, level + rng.uniform(-0.08, 0.08)))
                points = Decimal(round(raw * 2)) / 2
                rows.append([senior, role, rater, criterion, f"{points:g}"])
    return rows


def performance(scenario: Scenario, rng: random.Random) -> list[list[object]]:
    rows: list[list[object]] = []
    for e in scenario.staff:
        if e.role == Role.DIRECTOR:
            continue
        for m, month in enumerate(PERFORMANCE_MONTHS):
            if e.role == Role.AGENT:
                sales = AGENT_MONTH_SALES[e.center] * TEAM_STRENGTH[e.team][m]
                lines = AGENT_MONTH_LINES[e.center]
            else:
                sales = LEADER_SALES[e.employee_id]
                lines = AGENT_MONTH_LINES[e.center] // 2
            noise = rng.uniform(0.92, 1.08) if e.role == Role.AGENT else rng.uniform(0.97, 1.03)
            rows.append([e.employee_id, month, f"{sales * noise:.2f}",
                         round(lines * rng.uniform(0.95, 1.05))])
    return rows


def build() -> dict[str, bytes]:
    """The files, by name: the same bytes on every run."""
    scenario = load_scenario(SAMPLE)
    roster = read_roster(ROSTER, scenario)
    rng = random.Random(SEED)
    orders, lines = sales_and_lines(scenario, roster, rng)
    return {
        "sales.csv": csv_bytes(["订单号", "日期", "工号", "金额", "状态"], orders),
        "lines.csv": csv_bytes(["日期", "工号", "线数"], lines),
        "ratings.csv": csv_bytes(["资深组长", "评分人角色", "评分人", "项目", "分数"],
                                 ratings(scenario, rng)),
        "commissions.csv": csv_bytes(["中心", "主任提成"],
                                     [[c, f"{v:.2f}"] for c, v in COMMISSIONS.items()]),
        "overrides.csv": csv_bytes(["中心", "决定", "理由"], [list(OVERRIDE)]),
        "performance.csv": csv_bytes(["工号", "月份", "销售额", "线数"],
                                     performance(scenario, rng)),
    }


def main() -> None:
    files = build()
    for name, data in files.items():
        (SAMPLE / name).write_bytes(data)
    print(f"wrote {', '.join(files)} to {SAMPLE}")

    scenario = load_scenario(SAMPLE)
    roster = read_roster(ROSTER, scenario)
    inputs = read_assessment_inputs(
        scenario, sales=SAMPLE / "sales.csv", lines=SAMPLE / "lines.csv",
        ratings=SAMPLE / "ratings.csv", commissions=SAMPLE / "commissions.csv")
    for c in assess(scenario, roster, inputs).centers:
        assert c.a1 is not None and c.a2 is not None
        print(f"{c.center}: {c.num_acting_days} acting days, A1 {cut(c.a1.ratio, 4)} "
              f"({cents(c.a1.points)}), A2 {cut(c.a2.ratio, 4)} ({cents(c.a2.points)}), "
              f"B {cents(c.b_points)}, total {c.total}, {c.decision.value}")
    as_of = dt.date(2026, 10, 1)
    records = read_performance(SAMPLE / "performance.csv", scenario, as_of=as_of)
    for cc in eligibility(scenario, records, as_of).centers:
        print(f"{cc.center} eligible: "
              + ", ".join(c.employee_id for c in cc.candidates if c.eligible))


if __name__ == "__main__":
    main()
