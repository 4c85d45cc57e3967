"""The curation rules ``bot check`` applies (README, "Curation rules"): each fails on a bad fact."""

from pathlib import Path

import pytest

from knowledge.factbase import FactBaseError, load_factbase

ARTICLE = (
    "招股书显示,MiniMax在2023年营收为346万美元。截至去年9月底公司385名员工。"
    "MiniMax 手握 11.02 亿美元现金储备,预计每月现金消耗为2790万美元。"
    "OpenAI最新估值5000亿美元。黄仁勋说中国只落后几纳秒。闫俊杰今年37岁。\n"
)
OTHER = "另一篇文章说:MiniMax的员工共有385人。英伟达发布了新芯片,性能提升明显。\n"
SOURCES = """sources:
  - {id: art, title: 标题, title_en: Title, outlet: null, date: "approx. 2026-02", file: art.txt}
  - {id: other, title: 另一篇, title_en: Other, outlet: null, date: "2025-11", file: other.txt}
"""
ALIASES = """entities:
  minimax: [MiniMax]
  openai: [OpenAI]
  jensen-huang: [黄仁勋, Jensen Huang]
  nvidia: [英伟达, Nvidia]
terms: {}
attributes:
  revenue: [revenue, 营收]
  employees: [employees, 员工]
  cash: [cash, 现金]
  valuation: [valuation, 估值]
  said: [said, 说]
"""


def fact(fid="minimax-revenue-2023", en="MiniMax's revenue in 2023 was US$3.46 million.",
         zh="MiniMax 2023年营收为346万美元。", quote="招股书显示,MiniMax在2023年营收为346万美元。",
         attribute="revenue", about="minimax", extra="") -> str:
    return f"""  - id: {fid}
    about: [{about}]
    attribute: {attribute}
    questions: [What was MiniMax's 2023 revenue?, MiniMax 2023年营收多少?, minimax revenue 2023]
    answer: {{en: "{en}", zh: "{zh}"}}
    quote: "{quote}"
    source: art
    as_of: "2023"
{extra}"""


def write_base(tmp_path: Path, *facts: str) -> Path:
    (tmp_path / "articles").mkdir(parents=True)
    (tmp_path / "articles" / "art.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "articles" / "other.txt").write_text(OTHER, encoding="utf-8")
    (tmp_path / "sources.yaml").write_text(SOURCES, encoding="utf-8")
    (tmp_path / "aliases.yaml").write_text(ALIASES, encoding="utf-8")
    (tmp_path / "facts.yaml").write_text("facts:\n" + "".join(facts), encoding="utf-8")
    return tmp_path


def problems(tmp_path: Path, *facts: str) -> list[str]:
    with pytest.raises(FactBaseError) as err:
        load_factbase(write_base(tmp_path, *facts))
    return err.value.problems


def test_a_sound_fact_passes_every_rule(tmp_path):
    [loaded] = load_factbase(write_base(tmp_path, fact())).facts
    assert loaded.as_of == "2023"


# ---- figures ----

def test_a_figure_not_in_the_quote_is_refused(tmp_path):
    [problem] = problems(tmp_path, fact(en="MiniMax's revenue in 2023 was US$3.47 million."))
    assert problem == ("facts.yaml: fact minimax-revenue-2023: answer.en: figure '3.47 million' is not in the "
                       "quote(s), the as_of date or a derived figure")


def test_a_wrong_unit_conversion_is_refused(tmp_path):
    [problem] = problems(tmp_path, fact(en="MiniMax's revenue in 2023 was US$3.46 billion."))
    assert "figure '3.46 billion' is not in the quote(s)" in problem


def test_figures_compare_across_units_and_scripts(tmp_path):
    en = "MiniMax's revenue in 2023 was US$3,460,000 (346万美元)."
    assert load_factbase(write_base(tmp_path, fact(en=en))).facts


def test_a_date_may_come_from_as_of(tmp_path):
    dated = fact(en="As of September 2025, MiniMax had 385 employees.", zh="截至2025年9月底,MiniMax有385名员工。",
                 quote="截至去年9月底公司385名员工。", attribute="employees").replace('as_of: "2023"', "as_of: 2025-09")
    assert load_factbase(write_base(tmp_path, dated)).facts
    undated_year = dated.replace("as_of: 2025-09", 'as_of: "2024-09"')
    found = problems(tmp_path / "again", undated_year)
    assert any("answer.zh: figure '2025' is not in the quote(s)" in p for p in found)


def test_a_computed_figure_must_be_declared_as_derived(tmp_path):
    runway = fact(fid="minimax-runway", en="At US$27.9 million a month, US$1.102 billion lasts about 39.5 months.",
                  zh="按每月2790万美元计算,11.02亿美元约可支撑39.5个月。",
                  quote="MiniMax 手握 11.02 亿美元现金储备,预计每月现金消耗为2790万美元。", attribute="cash")
    runway = runway.replace('as_of: "2023"', 'as_of: "approx. 2026-02"')
    runway = runway.replace("1.102 billion lasts", "1.102 billion lasts (2026)").replace("可支撑", "(2026年)可支撑")
    found = problems(tmp_path, runway)
    assert any("answer.en: figure '39.5' is not in the quote(s)" in p for p in found)
    declared = runway + '    derived: "11.02亿 / 2790万"\n'
    assert load_factbase(write_base(tmp_path / "declared", declared)).facts[0].derived == ("11.02亿 / 2790万",)
    made_up = runway + '    derived: "11.02亿 / 2890万"\n'
    found = problems(tmp_path / "made-up", made_up)
    assert any("derived: '11.02亿 / 2890万' uses '2890万', which is not a figure in the quote(s)" in p for p in found)


# ---- dates ----

def test_snapshot_attributes_need_as_of(tmp_path):
    valuation = fact(fid="openai-valuation", en="OpenAI is valued at US$500 billion.", zh="OpenAI估值5000亿美元。",
                     quote="OpenAI最新估值5000亿美元。", attribute="valuation", about="openai")
    [problem] = problems(tmp_path, valuation.replace('    as_of: "2023"\n', ""))
    assert problem == ("facts.yaml: fact openai-valuation: as_of is missing: a valuation figure changes over "
                       "time, so say when it was true")


@pytest.mark.parametrize("en, zh, bad", [
    ("MiniMax's revenue in 2023 was US$3.46 million, up this year.", "MiniMax 2023年营收为346万美元。", "'this year'"),
    ("MiniMax's revenue in 2023 was US$3.46 million.", "MiniMax 去年(2023年)营收为346万美元。", "'去年'"),
    ("MiniMax's revenue in 2023 was US$3.46 million.", "MiniMax 上个月公布2023年营收为346万美元。", "'上个月'"),
])
def test_relative_dates_are_refused(tmp_path, en, zh, bad):
    found = problems(tmp_path, fact(en=en, zh=zh))
    assert any(f"relative date {bad}: say the year or the date instead" in p for p in found)


def test_a_month_needs_its_year(tmp_path):
    found = problems(tmp_path, fact(en="In September, MiniMax reported US$3.46 million of revenue for the year 2023.",
                                    zh="MiniMax 9月公布2023年营收为346万美元。"))
    assert any("answer.en: month 'September' without its year" in p for p in found)
    assert any("answer.zh: month '9月' without its year" in p for p in found)


def test_a_dated_answer_names_its_year(tmp_path):
    found = problems(tmp_path, fact(en="MiniMax's revenue was US$3.46 million.", zh="MiniMax营收为346万美元。"))
    assert any("answer.en: does not say its date: the fact is as of 2023, so the answer names 2023" in p
               for p in found)


# ---- also ----

ALSO_SAME = '    also:\n      - {source: other, quote: "另一篇文章说:MiniMax的员工共有385人。"}\n'
ALSO_OTHER_CLAIM = '    also:\n      - {source: other, quote: "英伟达发布了新芯片,性能提升明显。"}\n'


def test_an_also_quote_shares_a_figure_or_an_entity_with_the_main_quote(tmp_path):
    staff = fact(fid="minimax-staff", en="MiniMax had 385 employees in 2025.", zh="2025年MiniMax有385名员工。",
                 quote="截至去年9月底公司385名员工。", attribute="employees").replace('"2023"', '"2025"')
    assert load_factbase(write_base(tmp_path, staff + ALSO_SAME)).facts[0].also
    [problem] = problems(tmp_path / "other", staff + ALSO_OTHER_CLAIM)
    assert problem == ("facts.yaml: fact minimax-staff: also #1 quote shares no figure and no named entity with "
                       "the main quote: if it is another claim, make it its own fact")


# ---- conflicts ----

def nanoseconds(conflicts: str = "") -> str:
    return f"""  - id: huang-nanoseconds
    about: [jensen-huang]
    attribute: said
    questions: [How far behind is China?, 黄仁勋说中国落后多少?, huang nanoseconds]
    answer: {{en: Jensen Huang said China is only nanoseconds behind., zh: 黄仁勋说中国只落后几纳秒。}}
    quote: "黄仁勋说中国只落后几纳秒。"
    source: art
{conflicts}"""


def test_conflicts_must_list_each_other(tmp_path):
    one_way = fact(extra="    conflicts: [huang-nanoseconds]\n")
    [problem] = problems(tmp_path, one_way, nanoseconds())
    assert problem == ("facts.yaml: fact minimax-revenue-2023: conflicts: 'huang-nanoseconds' does not list "
                       "'minimax-revenue-2023' in its conflicts (they must list each other)")


def test_conflicts_must_name_other_existing_facts(tmp_path):
    found = problems(tmp_path, fact(extra="    conflicts: [no-such-fact, minimax-revenue-2023]\n"))
    assert "facts.yaml: fact minimax-revenue-2023: conflicts: 'no-such-fact' is not a fact id" in found
    assert "facts.yaml: fact minimax-revenue-2023: conflicts: a fact cannot conflict with itself" in found


def test_each_side_of_a_conflict_carries_the_other_claim(tmp_path):
    base = load_factbase(write_base(tmp_path, fact(extra="    conflicts: [huang-nanoseconds]\n"),
                                    nanoseconds("    conflicts: [minimax-revenue-2023]\n")))
    [claim] = base.fact("minimax-revenue-2023").conflicting
    assert (claim.fact_id, claim.quote, claim.source) == ("huang-nanoseconds", "黄仁勋说中国只落后几纳秒。", "art")
    assert base.fact("huang-nanoseconds").conflicting[0].answer("zh") == "MiniMax 2023年营收为346万美元。"


def test_an_answer_may_cite_the_figures_of_the_facts_it_conflicts_with(tmp_path):
    cites = fact(en="MiniMax's revenue in 2023 was US$3.46 million; it had 385 staff.",
                 extra="    conflicts: [minimax-staff]\n")
    staff = fact(fid="minimax-staff", en="MiniMax had 385 employees in 2023.", zh="2023年MiniMax有385名员工。",
                 quote="截至去年9月底公司385名员工。", attribute="employees",
                 extra="    conflicts: [minimax-revenue-2023]\n")
    assert len(load_factbase(write_base(tmp_path, cites, staff)).facts) == 2
    found = problems(tmp_path / "unlinked", cites.replace("    conflicts: [minimax-staff]\n", ""),
                     staff.replace("    conflicts: [minimax-revenue-2023]\n", ""))
    assert any("answer.en: figure '385' is not in the quote(s)" in p for p in found)
