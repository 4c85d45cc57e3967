"""Chinese names typed with a character of the same sound (``knowledge.homophones``)."""

import pytest

from knowledge.factbase import load_factbase
from knowledge.homophones import Homophones
from knowledge.matcher import Matcher

NAMES = {"智谱": "@zhipu", "闫俊杰": "@yanjunjie", "稀宇科技": "@minimax", "星野": "@talkie", "商汤": "@sensetime"}


def nothing_known(word):
    return False


@pytest.mark.parametrize("typed, meant", [
    ("智铺的CEO是谁?", "智谱的CEO是谁?"),
    ("闫骏杰读完博士去了哪?", "闫俊杰读完博士去了哪?"),
    ("稀雨科技B端营收", "稀宇科技B端营收"),
])
def test_a_name_typed_with_one_homophone_is_spelt_right(typed, meant):
    assert Homophones(NAMES).correct(typed, nothing_known)[0] == meant


@pytest.mark.parametrize("text", [
    "我们做行业分析",  # 行业 is hang-ye (phrase dictionary), not xing-ye
    "智能体是什么",  # one character shared, another sound
    "纸铺",  # two characters changed is another word, however it sounds
    "智谱的CEO",  # spelt right
])
def test_what_is_not_a_homophone_of_a_name_stays(text):
    assert Homophones(NAMES).correct(text, nothing_known) == (text, {})


def test_a_word_the_base_knows_or_one_beside_it_is_meant_as_written():
    assert Homophones(NAMES).correct("智铺", lambda word: word == "智铺")[1] == {}
    # "换上唐装": 上唐 sounds like 商汤, but 唐装 (a Tang suit) is a word of the base
    assert Homophones(NAMES).correct("换上唐装", lambda word: word == "唐装")[1] == {}


@pytest.fixture(scope="module")
def real():
    base = load_factbase()
    return Matcher(base.facts, base.aliases)


@pytest.mark.parametrize("question, fact_id", [
    ("智铺的CEO是谁?", "zhipu-ceo-zhang-peng"),
    ("閆駿傑是哪年出生的?", "yan-junjie-birth-year-hometown"),  # Traditional, as typed
])
def test_the_reader_spells_the_name_right_and_says_so(real, question, fact_id):
    match = real.match(question)
    assert match.fact.id == fact_id and match.reading.corrected


def test_no_name_is_read_into_a_name_spelt_right_or_a_term():
    names = {**NAMES, "明势": "@mingshi", "黄明明": "@huangmingming"}
    assert Homophones(names).correct("黄明明是谁?", nothing_known)[1] == {}  # 明是 sounds like 明势
    assert Homophones(names).correct("明是创投", nothing_known)[1] == {"明势": "明是"}


def test_a_term_of_the_base_is_no_typo_of_a_name(real):
    """份额 (share) is held as its term's token: "额里" of "份额里" is no 阿里."""
    assert "alibaba" not in real.read("MiniMax M2 在 OpenRouter 总市场份额里排第几?").subjects


def test_minimax_written_half_in_chinese_is_minimax(real):
    """迷你 is "mini" in Chinese: 迷你max is how some write MiniMax (an alias, not a homophone)."""
    assert real.match("迷你max是谁创立的?").fact.id == "minimax-founder-yan-junjie"


def test_a_name_ending_its_run_of_characters_is_spelt_right_though_its_last_one_is_a_word():
    """"闫骏杰2019年…": no character follows the name in its run, so its last character alone (杰, a word the base
    knows) is no word the name is part of."""
    knows = {"杰"}.__contains__
    assert Homophones(NAMES).correct("闫骏杰2019年去了哪", knows)[0] == "闫俊杰2019年去了哪"
