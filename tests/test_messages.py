"""Messages in Chinese and English: the catalogues, and ``--lang`` on the commands that report.

The catalogues (solver.messages for the rules, explanations and repair reasons; the CLI's and the
export's labels) have both languages for every key, with the same placeholders. ``roster
validate``, ``solve``, ``repair`` and ``explain`` print the rules' messages in the language
asked for (default: the scenario's).
"""

from __future__ import annotations

import csv
import importlib
import io
import json
import pkgutil
import re
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from rules.test_explain import two_independent_clashes
from test_cli_repair import leave_clash
from test_validate import STAFF, clean_roster, planted_roster, write_roster, write_scenario

import solver.rules
from roster.cli import (
    CHANGE_COLUMNS,
    EXIT_INFEASIBLE,
    EXIT_OK,
    EXIT_VIOLATIONS,
    LABELS,
    change_rows,
    cli,
)
from roster.export.labels import LABELS as EXPORT_LABELS
from roster.export.labels import RULE_TITLES
from solver.explain import explain
from solver.messages import LANGS, MESSAGES, Text, Value, placeholders
from solver.repair import OBJECTIVE_REASON, Change
from solver.rules.base import Rule

SAMPLE = Path(__file__).resolve().parent.parent / "data" / "sample"

#: English words of the rules' messages that must not appear in a Chinese report
ENGLISH = re.compile(r"\b(works|days? in a row|at most|at least|needs|assigned|both off|quota|"
                     r"roster says|director|senior leader|pinned|shift|rest|approved)\b")


def run(*args: object) -> Result:
    return CliRunner().invoke(cli, [str(a) for a in args])


# --- the catalogues --------------------------------------------------------------------------

@pytest.mark.parametrize("catalogue", [
    {key: MESSAGES[key] for key in MESSAGES},
    {key: {lang: LABELS[lang][key] for lang in LANGS} for key in LABELS["en"]},
    {key: {lang: EXPORT_LABELS[lang][key] for lang in LANGS} for key in EXPORT_LABELS["en"]},
    {key: {lang: RULE_TITLES[lang][key] for lang in LANGS} for key in RULE_TITLES["en"]},
], ids=["solver.messages", "cli.LABELS", "export.LABELS", "RULE_TITLES"])
def test_every_key_has_both_languages_with_the_same_placeholders(
        catalogue: dict[str, dict[str, str]]) -> None:
    for key, texts in catalogue.items():
        assert set(texts) == set(LANGS), key
        assert placeholders(texts["zh"]) == placeholders(texts["en"]), key


def test_english_messages_have_no_chinese() -> None:
    for texts in [*MESSAGES.values(), *({lang: LABELS[lang][key] for lang in LANGS}
                                        for key in LABELS["en"])]:
        assert not re.search(r"[\u4e00-\u9fff]", texts["en"]), texts
        # words, not only placeholders: translated (rule ids and codes alone may stay)
        words = re.sub(r"\{[^}]*\}", "", texts["en"])
        assert texts["en"] != texts["zh"] or not re.search("[a-z]{3}", words), texts


def test_the_labels_have_the_same_keys_in_both_languages() -> None:
    for labels in (LABELS, EXPORT_LABELS, RULE_TITLES):
        assert set(labels["zh"]) == set(labels["en"])


def test_placeholders_ignore_format_specs() -> None:
    assert placeholders("{a} {b:>3} {c!r} {{literal}}") == {"a", "b", "c"}


def _rule_classes() -> list[type[Rule]]:
    for module in pkgutil.iter_modules(solver.rules.__path__):
        importlib.import_module(f"solver.rules.{module.name}")
    out: list[type[Rule]] = []
    todo: list[type[Rule]] = [Rule]
    while todo:
        cls = todo.pop()
        todo += cls.__subclasses__()
        if cls.title:
            out.append(cls)
    return out


def test_every_rules_title_is_in_the_catalogue() -> None:
    classes = _rule_classes()
    assert len(classes) >= 17
    for cls in classes:
        key = f"title.{cls.__name__}"
        assert MESSAGES[key]["en"] == cls.title, key


def test_text_renders_nested_texts_and_lists_in_one_language() -> None:
    weekends = Text.of("weekends.too_many", rule="R9", person="张三 (A001)", n=2,
                       which=("2026-10-03", "2026-10-10"), limit=1)
    assert weekends.render("en") == ("R9: 张三 (A001) works on 2 weekends (starting 2026-10-03, "
                                     "2026-10-10); at most 1")
    assert weekends.render("zh") == ("R9：张三 (A001) 有 2 个周末上班（周末起始日："
                                     "2026-10-03、2026-10-10），最多 1 个")
    assert weekends.arg("n") == 2
    assert Text.of("count.days", n=3) == Text("count.days", (("n", 3),))


def test_zh_drops_a_template_space_between_two_chinese_words_only() -> None:
    """'排班为 {got}': 排班为休息 but 排班为 M; a space inside an argument stays."""
    def r3(got: Value) -> str:
        return Text.of("fixed_cells.leave_changed", rule="R3", person="张 三 (A1)",
                       day="2026-10-05", got=got).render("zh")
    assert r3(Text("cell.OFF")) == "R3：张 三 (A1) 2026-10-05 已批准请假，但排班为休息"
    assert r3("M") == "R3：张 三 (A1) 2026-10-05 已批准请假，但排班为 M"


def test_an_unknown_key_is_refused() -> None:
    with pytest.raises(KeyError):
        Text("no.such.message")


def test_r5_example_of_the_issue() -> None:
    """The issue's example, with history days counted."""
    text = Text.of("consecutive.too_long", rule="R5", person="张三 (A001)", n=7,
                   first="2026-10-03", last="2026-10-09",
                   since=Text.of("consecutive.since", past=2), limit=6)
    assert text.render("zh") == ("R5：张三 (A001) 从 2026-10-03 到 2026-10-09 连续上班 7 天，"
                                 "最多 6 天（含上月 2 天）")


# --- roster validate ---------------------------------------------------------------------------

def sample_with_violations(path: Path) -> Path:
    """The sample's roster with R1 (IN002 off on the 19th, IN001 on leave), R5 and R4 (IN010
    works every day) and R6 (IN011: L on the 8th, then E)."""
    rows = list(csv.DictReader(io.StringIO(
        (SAMPLE / "roster_example.csv").read_text(encoding="utf-8-sig"))))
    changes = {("IN002", "2026-10-19"): "OFF", ("IN011", "2026-10-08"): "L",
               ("IN011", "2026-10-09"): "E"}
    for row in rows:
        if row["employee_id"] == "IN010":
            row["shift"] = "E"
        row["shift"] = changes.get((row["employee_id"], row["date"]), row["shift"])
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["employee_id", "date", "shift"])
        writer.writerows([r["employee_id"], r["date"], r["shift"]] for r in rows)
    return path


def messages_of(result: Result) -> list[str]:
    return [v["message"] for v in json.loads(result.stdout)["violations"]]


def test_validate_sample_in_chinese_and_english(tmp_path: Path) -> None:
    """--lang zh: every rule message in Chinese, no English sentence left; --lang en: English;
    table, csv and json alike."""
    roster = sample_with_violations(tmp_path / "bad.csv")
    zh = run("validate", SAMPLE, roster, "--lang", "zh", "--format", "json")
    en = run("validate", SAMPLE, roster, "--lang", "en", "--format", "json")
    assert zh.exit_code == en.exit_code == EXIT_VIOLATIONS, zh.output + en.output
    zh_messages, en_messages = messages_of(zh), messages_of(en)
    assert len(zh_messages) == len(en_messages) >= 6
    for message in zh_messages:
        assert re.match(r"^R\d：", message), message
        assert not ENGLISH.search(message), message
    for message in en_messages:
        assert re.match(r"^R\d: ", message), message
        assert ENGLISH.search(message), message
        # no Chinese but the people's names
        assert not re.search(r"[\u4e00-\u9fff]", re.sub(r"\S+ \((IN|OUT)\d+\)", "", message))
    assert ("R1：中心主任彭佳琪 (IN001) 与资深组长吕怡然 (IN002) 在 2026-10-19 同时休息"
            in zh_messages)
    assert ("R1: director 彭佳琪 (IN001) and senior leader 吕怡然 (IN002) are both off on "
            "2026-10-19" in en_messages)
    assert ("R6：宋立新 (IN011) 2026-10-08 上 L 班，2026-10-09 接着上 E 班：只休息 9.5 小时，"
            "至少需要 11 小时" in zh_messages)
    assert ("R6: 宋立新 (IN011) works L on 2026-10-08 then E on 2026-10-09: 9.5 h of rest, at "
            "least 11 h needed" in en_messages)
    assert ("R5：陈宇航 (IN010) 从 2026-10-01 到 2026-10-31 连续上班 33 天，最多 6 天"
            "（含上月 2 天）" in zh_messages)
    assert ("R5: 陈宇航 (IN010) works 33 days in a row from 2026-10-01 to 2026-10-31 (counting 2 "
            "days of the previous month); at most 6" in en_messages)

    table = run("validate", SAMPLE, roster, "--lang", "zh").stdout
    assert all(m in table for m in zh_messages)
    assert not ENGLISH.search(table)
    table_en = run("validate", SAMPLE, roster, "--lang", "en").stdout
    assert all(m in table_en for m in en_messages)
    rows = list(csv.DictReader(io.StringIO(
        run("validate", SAMPLE, roster, "--lang", "zh", "--format", "csv").stdout)))
    assert [r["message"] for r in rows if r["section"] == "violation"] == zh_messages


def test_validate_default_language_is_the_scenarios(tmp_path: Path) -> None:
    """The sample says language = "zh": its messages are Chinese without --lang."""
    roster = sample_with_violations(tmp_path / "bad.csv")
    result = run("validate", SAMPLE, roster, "--format", "json")
    assert messages_of(result) == messages_of(
        run("validate", SAMPLE, roster, "--lang", "zh", "--format", "json"))


# --- no roster: solve, repair, explain -----------------------------------------------------------

R1_LEAVE = {
    "en": "R1: director Dana (D1) and senior leader Sam (S1) both have approved leave on "
          "2026-10-20",
    "zh": "R1：中心主任 Dana (D1) 与资深组长 Sam (S1) 在 2026-10-20 都已批准请假",
}


def test_explain_in_chinese(tmp_path: Path) -> None:
    """Both of the pair on leave: the pre-check's reason in Chinese, with --lang zh and, for a
    scenario in Chinese, without it; --lang en in English."""
    scenario = leave_clash(write_scenario(tmp_path / "scenario"))
    result = run("explain", scenario, "--lang", "zh")
    assert result.exit_code == EXIT_INFEASIBLE, result.output
    assert result.stdout.splitlines() == [
        "中心 IN：没有排班能遵守全部硬性规则（无可行排班）",
        f"  {R1_LEAVE['zh']}",
    ]
    english = run("explain", scenario, "--lang", "en")
    assert english.stdout.splitlines() == [
        "center IN: no roster keeps every hard rule", f"  {R1_LEAVE['en']}"]
    chinese = leave_clash(write_scenario(tmp_path / "zh", language="zh"))
    assert run("explain", chinese).stdout == result.stdout


def test_explain_feasible_in_chinese(tmp_path: Path) -> None:
    result = run("explain", write_scenario(tmp_path / "scenario"), "--lang", "zh",
                 "--time-limit", 10)
    assert result.exit_code == EXIT_OK, result.output
    assert result.stdout == "中心 IN：存在遵守全部硬性规则的排班\n"


@pytest.mark.parametrize("command", ["solve", "repair"])
def test_solve_and_repair_say_why_in_chinese(command: str, tmp_path: Path) -> None:
    """Exit 3 before solving, the reason in the language asked for; nothing written."""
    scenario = leave_clash(write_scenario(tmp_path / "scenario"))
    roster = write_roster(tmp_path / "planted.csv", planted_roster())
    given = [roster] if command == "repair" else []
    out = tmp_path / "out"
    for lang, heading in (("zh", "无可行排班："), ("en", "No roster exists:")):
        result = run(command, scenario, *given, "--out", out, "--lang", lang)
        assert result.exit_code == EXIT_INFEASIBLE, result.output
        assert result.stderr.splitlines() == [heading, f"  {R1_LEAVE[lang]}"]
        assert not out.exists()


def test_conflicts_in_chinese() -> None:
    """The conflicts found by the solver, in Chinese: heading, numbered blocks, each group."""
    lines = explain(two_independent_clashes(), time_limit=20, max_conflicts=5, lang="zh")
    assert lines[0] == "共 2 组互相独立的冲突，其中任何一组都会导致无可行排班："
    assert lines[1] == "1. 以下规则无法同时满足："
    assert lines[10] == "2. 以下规则无法同时满足："
    assert len(lines) == 19
    assert sorted(line for line in lines if line.startswith("  - R5")) == [
        "  - R5 P1 最多连续上班 6 天", "  - R5 P2 最多连续上班 6 天"]
    assert "  - R8 2026-06-01 L 班至少 1 名组长" in lines
    assert not any(ENGLISH.search(line) for line in lines)


# --- repair's reasons and penalties.csv ----------------------------------------------------------

def test_change_reasons_in_both_languages() -> None:
    """Rule ids stay rule ids; a change for the objective only is '目标值' in Chinese."""
    assert Change("A1", 0, "OFF", "E", "R1;R4").render_reason("zh") == "R1;R4"
    assert Change("A1", 0, "OFF", "E", OBJECTIVE_REASON).render_reason("zh") == "目标值"
    assert Change("A1", 0, "OFF", "E", OBJECTIVE_REASON).render_reason("en") == "objective"
    assert [LABELS["zh"][c] for c in CHANGE_COLUMNS] == ["工号", "日期", "原班次", "新班次", "原因"]
    assert [LABELS["en"][c] for c in CHANGE_COLUMNS] == CHANGE_COLUMNS
    assert change_rows([], [], "zh") == []


@pytest.mark.parametrize(("lang", "detail"), [("zh", "希望休息"), ("en", "off day")])
def test_solve_writes_penalty_details_in_the_language_asked_for(
        lang: str, detail: str, tmp_path: Path) -> None:
    """D1 pinned to E on the 3rd wishes the day off: the one soft term, its detail in the
    language asked for (columns and codes unchanged)."""
    scenario = write_scenario(tmp_path / "scenario")
    (scenario / "requests.csv").write_text(
        "employee_id,date,end_date,type,shift,weight\n"
        "D1,2026-10-03,,pin,E,\nD1,2026-10-03,,off,,\n", encoding="utf-8")
    out = tmp_path / "out"
    result = run("solve", scenario, "--out", out, "--time-limit", 10, "--lang", lang)
    assert result.exit_code == EXIT_OK, result.output
    text = (out / "penalties.csv").read_text(encoding="utf-8-sig")
    assert text.splitlines() == ["rule,center,employee_id,date,shift,weight,amount,cost,detail",
                                 f"W2,IN,D1,2026-10-03,,20,1,20,{detail}"]
    # the CLI's own lines follow --lang too: the first line, the summary table, the last line
    err = result.stderr.splitlines()
    assert err[0] == LOG_LINES[lang][0].format(people=len(STAFF.splitlines()) - 1)  # 6 people
    assert err[-3].split() == LOG_LINES[lang][1]
    assert err[-2].split()[:3] == ["IN", "OPTIMAL", "20"]
    assert err[-1] == LOG_LINES[lang][2].format(out=out)


# D1 has the 8 days off of R4, so 8 acting days; the one wish not granted costs 20
LOG_LINES = {
    "zh": ("正在排班：1 个中心，{people} 人，31 天，2 个线程，限时 10 秒",
           ["中心", "状态", "目标值", "下界", "差距", "秒"],
           "OPTIMAL：目标值 20，代任日 8 天；已写入 {out}"),
    "en": ("solving 1 center(s), {people} people, 31 days, 2 worker(s), 10 s",
           ["center", "status", "objective", "bound", "gap", "seconds"],
           "OPTIMAL: objective 20, 8 acting day(s); written to {out}"),
}


def test_clean_roster_has_no_messages_in_either_language(tmp_path: Path) -> None:
    scenario = write_scenario(tmp_path / "scenario")
    roster = write_roster(tmp_path / "clean.csv", clean_roster())
    assert run("validate", scenario, roster, "--lang", "zh").stderr == "未违反硬性规则。\n"
