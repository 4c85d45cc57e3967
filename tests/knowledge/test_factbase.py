from pathlib import Path

import pytest

from knowledge.factbase import FactBaseError, load_factbase

ARTICLE = "2025年9月,MiniMax 的员工共有385名。中國(guó)會(huì)贏得人工智能競(jìng)賽。\n"
SOURCES = """sources:
  - {id: art, title: 标题, title_en: Title, outlet: null, date: "2025-09", file: art.txt}
"""
FACT = """  - id: minimax-staff
    about: [minimax]
    attribute: employees
    questions:
      - How many staff does MiniMax have?
      - MiniMax 有多少员工?
      - minimax headcount
    answer: {en: In September 2025 MiniMax had 385 employees., zh: 2025年9月,MiniMax 有385名员工。}
    quote: "MiniMax 的员工共有385名。"
    source: art
    as_of: 2025-09
"""


ALIASES = """entities:
  minimax: [MiniMax]
  openai: [OpenAI]
terms: {}
attributes:
  employees: [employees, staff, 员工]
  revenue: [revenue, 营收]
"""


def write_base(tmp_path: Path, facts: str = "facts:\n" + FACT, sources: str = SOURCES, aliases: str = ALIASES) -> Path:
    (tmp_path / "articles").mkdir()
    (tmp_path / "articles" / "art.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "sources.yaml").write_text(sources, encoding="utf-8")
    (tmp_path / "aliases.yaml").write_text(aliases, encoding="utf-8")
    (tmp_path / "facts.yaml").write_text(facts, encoding="utf-8")
    return tmp_path


def problems(tmp_path: Path, **files) -> list[str]:
    with pytest.raises(FactBaseError) as err:
        load_factbase(write_base(tmp_path, **files))
    return err.value.problems


def test_valid_base_loads(tmp_path):
    base = load_factbase(write_base(tmp_path))
    assert [f.id for f in base.facts] == ["minimax-staff"]
    assert base.sources["art"].title_en == "Title"


def test_quote_must_occur_verbatim(tmp_path):
    changed = "facts:\n" + FACT.replace("385名", "386名")
    [problem] = problems(tmp_path, facts=changed)
    assert "facts.yaml: fact minimax-staff" in problem and "does not occur verbatim" in problem


def test_quote_from_pinyin_article_is_checked_after_cleaning(tmp_path):
    facts = "facts:\n" + FACT.replace("MiniMax 的员工共有385名。", "中國會贏得人工智能競賽。").replace("385", "")
    assert load_factbase(write_base(tmp_path, facts=facts)).facts[0].quote == "中國會贏得人工智能競賽。"


def test_yaml_syntax_error_names_file_line_and_fact(tmp_path):
    broken = "facts:\n" + FACT.replace("source: art", "source: [art")
    [problem] = problems(tmp_path, facts=broken)
    assert problem.startswith("facts.yaml: line ") and "minimax-staff" in problem


def test_every_problem_is_reported_with_its_fact_id(tmp_path):
    second = FACT.replace("minimax-staff", "bad-one").replace("source: art", "source: nowhere")
    twice = "facts:\n" + FACT + FACT + second.replace("    questions:", "    x: 1\n    questions:")
    found = problems(tmp_path, facts=twice)
    assert any("fact minimax-staff: duplicate fact id" in p for p in found)
    assert any("fact bad-one:" in p and "'nowhere' is not an id" in p for p in found)
    assert any("fact bad-one: unknown field(s): x" in p for p in found)


def test_questions_need_both_languages(tmp_path):
    english_only = "facts:\n" + FACT.replace("MiniMax 有多少员工?", "MiniMax employees?")
    [problem] = problems(tmp_path, facts=english_only)
    assert "one English and one Chinese" in problem


def test_missing_article_file_is_named(tmp_path):
    sources = SOURCES.replace("art.txt", "gone.txt")
    found = problems(tmp_path, sources=sources)
    assert any("articles/gone.txt not found" in p for p in found)


def test_about_and_attribute_are_loaded(tmp_path):
    base = load_factbase(write_base(tmp_path))
    assert base.facts[0].about == ("minimax",) and base.facts[0].attribute == "employees"
    assert base.aliases.attributes["employees"] == ("employees", "staff", "员工")


def test_about_and_attribute_are_required(tmp_path):
    bare = "facts:\n" + FACT.replace("    about: [minimax]\n", "").replace("    attribute: employees\n", "")
    found = problems(tmp_path, facts=bare)
    assert any(p.startswith("facts.yaml: fact minimax-staff: about is missing") for p in found)
    assert any(p.startswith("facts.yaml: fact minimax-staff: attribute is missing") for p in found)


def test_about_must_name_known_entities(tmp_path):
    [problem] = problems(tmp_path, facts="facts:\n" + FACT.replace("about: [minimax]", "about: [minimax, zhipu]"))
    assert problem == "facts.yaml: fact minimax-staff: about: 'zhipu' is not an entity in aliases.yaml"


def test_about_names_at_most_three_entities(tmp_path):
    [problem] = problems(tmp_path, facts="facts:\n" + FACT.replace("[minimax]", "[minimax, openai, minimax]"))
    assert "fact minimax-staff: about must name 1-3 different entities" in problem


def test_attribute_must_be_in_the_vocabulary(tmp_path):
    [problem] = problems(tmp_path, facts="facts:\n" + FACT.replace("attribute: employees", "attribute: headcount"))
    assert problem == "facts.yaml: fact minimax-staff: attribute: 'headcount' is not an attribute in aliases.yaml"


def test_an_attribute_wording_belongs_to_one_attribute(tmp_path):
    [problem] = problems(tmp_path, aliases=ALIASES.replace("[revenue, 营收]", "[revenue, Staff]"))
    assert problem == "aliases.yaml: attributes.revenue: 'Staff' is already a wording of employees"


@pytest.mark.parametrize("key, unknown, problem", [
    ("makers", "hailuo: minimax", "aliases.yaml: makers: product 'hailuo' is not an entity id"),
    ("lines", "hailuo-02: openai", "aliases.yaml: lines: model 'hailuo-02' is not an entity id"),
])
def test_makers_and_lines_name_known_entities(tmp_path, key, unknown, problem):
    assert problems(tmp_path, aliases=ALIASES + f"{key}:\n  {unknown}\n") == [problem]
    (tmp_path / "ok").mkdir()
    base = load_factbase(write_base(tmp_path / "ok", aliases=ALIASES + f"{key}:\n  openai: minimax\n"))
    assert getattr(base.aliases, key) == {"openai": "minimax"}


def test_kinds_describe_products_with_a_maker(tmp_path):
    assert problems(tmp_path, aliases=ALIASES + "kinds:\n  openai: [chat app]\n") == [
        "aliases.yaml: kinds: 'openai' is not a product with a maker (see 'makers')"]
    (tmp_path / "ok").mkdir()
    base = load_factbase(write_base(tmp_path / "ok", aliases=ALIASES + "makers:\n  openai: minimax\n"
                                                               "kinds:\n  openai: [chat app, 聊天应用]\n"))
    assert base.aliases.kinds == {"openai": ("chat app", "聊天应用")}


@pytest.mark.parametrize("key", ["contrasts", "exclusive"])
def test_contrasts_and_exclusive_groups_name_known_terms(tmp_path, key):
    aliases = ALIASES.replace("terms: {}", "terms:\n  total: [total]")
    [problem] = problems(tmp_path, aliases=aliases + f"{key}:\n  - [total, activated]\n")
    assert problem == f"aliases.yaml: {key}: 'activated' is not a term id"
    (tmp_path / "one").mkdir()
    [problem] = problems(tmp_path / "one", aliases=aliases + f"{key}:\n  - [total]\n")
    assert problem == f"aliases.yaml: '{key}' must be a list of lists of two or more term ids"


def test_an_unchanged_base_is_read_once_and_a_changed_one_again(tmp_path):
    import shutil

    from knowledge.factbase import DATA_DIR

    copy = tmp_path / "knowledge"
    shutil.copytree(DATA_DIR, copy, ignore=shutil.ignore_patterns("*.py", "__pycache__", "migrations"))
    first = load_factbase(copy)
    assert load_factbase(copy) is first
    facts = copy / "facts.yaml"
    phrasing = first.facts[0].questions[0]
    facts.write_text(facts.read_text(encoding="utf-8").replace(phrasing, phrasing + " Really?", 1), encoding="utf-8")
    changed = load_factbase(copy)
    assert changed is not first and changed.facts[0].questions[0] == phrasing + " Really?"
