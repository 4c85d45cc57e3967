import pytest

from knowledge.factbase import Aliases, load_factbase
from knowledge.normalize import Normalizer, fold, fold_all, is_chinese, normalizer_for, size_in_words, stem

ALIASES = Aliases(
    entities={"jensen-huang": ("黄仁勋", "Jensen Huang"), "minimax": ("MiniMax", "稀宇")},
    terms={"employees": ("员工", "staff", "headcount")},
)


@pytest.fixture(scope="module")
def normalize():
    return Normalizer(ALIASES)


@pytest.fixture(scope="module")
def real_normalize():
    """The normaliser of the curated base's aliases."""
    return normalizer_for(load_factbase().aliases)


def test_fold_converts_traditional_full_width_and_case():
    assert fold("黃仁勳說中國會贏") == "黄仁勋说中国会赢"
    assert fold("ＧＰＴ－５") == "gpt-5"


def test_traditional_and_simplified_questions_normalise_alike(normalize):
    assert normalize("黃仁勳說中國會贏嗎?").tokens == normalize("黄仁勋说中国会赢吗？").tokens


def test_pinyin_annotated_text_normalises_like_clean_text(normalize):
    assert normalize("中國(guó)會(huì)贏").tokens == normalize("中国会赢").tokens


def test_aliases_fold_to_one_entity_token_in_both_scripts(normalize):
    english = normalize("What did Jensen Huang say?")
    chinese = normalize("黄仁勋说了什么")
    assert english.entities == chinese.entities == {"@jensenhuang"}


def test_terms_bridge_languages_and_synonyms(normalize):
    assert "employees" in normalize("MiniMax headcount").tokens
    assert "employees" in normalize("稀宇有多少员工").tokens


@pytest.mark.parametrize("wording", ["hyperscalers", "cloud marketplaces", "云平台"])
def test_the_big_clouds_are_one_term_however_named(real_normalize, wording):
    assert "cloud" in real_normalize(f"Which {wording} carry M2?").tokens


def test_the_plural_of_a_one_word_term_is_that_term(real_normalize):
    assert real_normalize("latest valuations").tokens == real_normalize("latest valuation").tokens


def test_chinese_is_split_into_characters_and_bigrams(normalize):
    tokens = normalize("人工智能").tokens
    assert {"人", "工", "智", "能", "人工", "工智", "智能"} <= set(tokens)


def test_model_names_are_folded_but_versions_kept_apart(normalize):
    assert normalize("GPT-5").tokens == normalize("gpt 5").tokens == normalize("gpt5").tokens == ("gpt5",)
    assert normalize("V3").tokens != normalize("V3.2").tokens
    assert normalize("revenue in 2023").tokens == ("revenue", "2023")


def test_stopwords_and_punctuation_are_dropped(normalize):
    assert normalize("What is the MiniMax staff?!").tokens == ("@minimax", "employees")


def test_a_chinese_pronoun_is_no_word_a_fact_must_hold(normalize):
    """"他" says whom a follow-up is about (the conversation fills it in), not what it asks: as "佢" and "he"."""
    assert normalize("他哪年生的?").tokens == normalize("哪年生的?").tokens
    assert normalize("其他公司呢").tokens == normalize("公司呢").tokens  # (not 其 left behind)


def test_is_chinese():
    assert is_chinese("MiniMax 有多少员工")
    assert not is_chinese("How many staff?")


# ---- attribute wordings, stems, adjacent names ----------------------------------------------------

ATTRIBUTE_ALIASES = Aliases(
    entities={"minimax": ("MiniMax",), "m2": ("M2",), "glm-4-6": ("GLM-4.6",), "zhipu": ("智谱",)},
    attributes={"founder": ("founder", "founded by", "创始人"), "founded": ("founded", "成立"),
                "spending": ("spend", "burn through"), "revenue": ("revenue", "营收")},
)


def test_attribute_wordings_are_found_longest_first():
    normalize = Normalizer(ATTRIBUTE_ALIASES)
    assert normalize("Was MiniMax founded by Yan Junjie?").attributes == ("founder",)
    assert normalize("When was MiniMax founded?").attributes == ("founded",)
    assert normalize("MiniMax什么时候成立的").attributes == ("founded",)
    assert normalize("How much has OpenAI burned through?").attributes == ("spending",)  # stems compared


def test_adjacent_names_are_recorded_for_questions():
    normalize = Normalizer(ATTRIBUTE_ALIASES)
    assert normalize("MiniMax M2 revenue").adjacent == (("@minimax", "@m2"),)
    assert normalize("MiniMax or M2 revenue").adjacent == ()
    assert normalize("智谱GLM-4.6和MiniMax").adjacent == (("@zhipu", "@glm46"),)  # model names fold after Chinese


def test_hedges_are_no_content(normalize):
    # "大概多少" asks the same as "多少", like "roughly how much" in English
    assert normalize("OpenAI的ARR大概多少").tokens == normalize("OpenAI的ARR多少").tokens
    # "what is it known for?" asks what it is
    assert normalize("What was Text-01 notable for?").tokens == normalize("What was Text-01?").tokens
    assert normalize("Text-01有什么特别之处?").tokens == normalize("Text-01有什么?").tokens
    assert normalize("What timeline did Karpathy give?").tokens == normalize("What timeline did Karpathy?").tokens


@pytest.mark.parametrize("chinese, english", [("2025年10月发布", "October 2025 release"), ("十一月", "Nov"),
                                              ("2021年12月", "December 2021")])
def test_a_month_reads_the_same_in_both_languages(chinese, english, real_normalize):
    month = {"october", "november", "december"}
    assert month & set(real_normalize(chinese).tokens) == month & set(real_normalize(english).tokens) != set()
    assert "period9m" in real_normalize("1-9月营收").tokens  # (months of a period stay the period)


def test_a_month_after_a_model_maker_is_no_model_version(real_normalize):
    tokens = real_normalize("Kimi 11月发布了什么模型?").tokens
    assert "@kimi" in tokens and "kimi11" not in tokens


@pytest.mark.parametrize("word, other", [("called", "calls"), ("funding", "fund"), ("funded", "fund")])
def test_words_whose_stem_means_something_else_are_not_stemmed(word, other):
    assert stem(word) != stem(other)


@pytest.mark.parametrize("spaced, unspaced", [("MiniMax 2025 年前 9 个月营收", "MiniMax 2025年前9个月营收"),
                                              ("海螺 02 是什么时候发布的?", "海螺02是什么时候发布的?"),
                                              ("MiniMax 的 B 端业务毛利率", "MiniMax 的 B端业务毛利率")])
def test_figures_spaced_apart_in_chinese_text_read_the_same(spaced, unspaced, real_normalize):
    assert set(real_normalize(spaced).tokens) == set(real_normalize(unspaced).tokens)


@pytest.mark.parametrize("short, full", [("MiniMax 24年全年净亏损", "MiniMax 2024年全年净亏损"),
                                         ("截至25年9月底的营收", "截至2025年9月底的营收"),
                                         ("23年上半年收入", "2023年上半年收入"),
                                         ("MiniMax 22年净亏多少", "MiniMax 2022年净亏多少"), ("24年呢", "2024年呢")])
def test_a_year_written_with_two_digits_is_that_year(short, full, real_normalize):
    assert real_normalize(short).tokens == real_normalize(full).tokens


def test_a_count_of_years_is_no_year(real_normalize):
    for text in ("他在商汤待了25年吗", "创业第25年", "过去25年", "25年来", "这家公司有25年了", "25年前的事"):
        assert "2025" not in real_normalize(text).tokens, text


@pytest.mark.parametrize("cantonese, mandarin", [("佢同邊個傾咗兩個鐘?", "他同谁聊了两个钟?"),
                                                 ("MiniMax 幾時喺港股上市㗎?", "minimax 什么时候在港股上市?"),
                                                 ("係咪虧咗幾多錢", "是不是亏了多少钱"), ("唔該晒", "谢谢"),
                                                 ("嗰陣佢啱啱出咗咩模型", "那时候他刚出了什么模型"),
                                                 ("MiniMax 喺邊日喺港股上市㗎?", "minimax 在哪天在港股上市?"),
                                                 ("有没得机器人在用?", "有没有机器人在用?"),  # (Sichuanese)
                                                 ("1.4兆美元", "1.4万亿美元"),  # (Taiwan's 兆)
                                                 ("佢邊年出世?", "他哪年出生?"),
                                                 ("收入按年升咗幾多?", "收入同比升了多少?"),
                                                 ("佢離開之後去咗邊", "他离开之后去了哪里"),
                                                 ("他一般咋个办", "他一般怎么办"),  # (Sichuanese)
                                                 ("估值係幾多？同 OpenAI 差幾遠？", "估值是多少?同 openai 差多少?"),
                                                 ("聽講企到幾多蚊一股", "听说到多少钱一股"),
                                                 ("佢點睇", "他怎么看"),
                                                 ("係第幾間上市嘅公司", "是第几家上市的公司"),
                                                 ("月之暗面上咗市未", "月之暗面上市未"),  # (上市 split by 咗)
                                                 ("佢幾時融咗資", "他什么时候融资"),
                                                 ("每年蝕咗幾多", "每年亏了多少"),
                                                 ("哇，都幾勁", "哇,挺厉害"),
                                                 ("MiniMax入面", "minimax里面"),
                                                 ("M2 最後用返邊種機制", "m2 最后用回哪种机制")])
def test_written_cantonese_folds_to_mandarin_words(cantonese, mandarin):
    assert fold(cantonese) == mandarin


def test_a_word_holding_a_wording_is_not_that_wording(real_normalize):
    heard = real_normalize("听说闫俊杰以前想当老师")  # "I heard": nobody is asked what he said
    assert "said" not in heard.attributes and "say" not in heard.tokens
    assert "said" in real_normalize("闫俊杰说他以前想当老师").attributes


@pytest.mark.parametrize("shorthand, spelled", [
    ("how many ppl work at minimax?", "how many people work at minimax?"),
    ("which video gen apps r getting rave reviews", "which video generation apps are getting rave reviews"),
    ("r&d spending", "r&d spending"),
    ("avg age?", "average age?"),
])
def test_chat_shorthand_is_spelled_out(shorthand, spelled):
    from knowledge.normalize import _fold_models

    assert _fold_models(shorthand) == spelled


@pytest.mark.parametrize(("folded", "size"), [("做产品规划想借鉴下", 4), ("growth?", 1), ("by how much?", 3),
                                             ("哪个季度?", 2), ("keep seeing it cited", 4)])
def test_a_text_is_sized_in_words_two_chinese_characters_to_a_word(folded, size):
    assert size_in_words(folded) == size


def test_folding_many_texts_at_once_folds_each_as_alone():
    """``fold_all`` converts the Chinese of many texts in one OpenCC call: each comes out as ``fold`` makes it,
    a text holding a line break too."""
    texts = ["What was MiniMax's Revenue?", "MiniMax 2024年營收是多少?", "佢系邊個?", "中國(guó)人工智能",
             "台積電市值1.4兆美元", "第一行\n第二行: 資料", "", "ＧＰＴ－５", "海螺AI 發佈", "Ελληνικά ΣΟΦΙΑ"]
    assert fold_all(texts) == [fold(text) for text in texts]
    assert fold_all([]) == []


def test_a_phrasing_is_normalised_alike_folded_alone_or_among_others():
    normalizer = Normalizer(load_factbase().aliases)
    texts = ["MiniMax 2024年營收是多少?", "Who founded 智谱AI?", "GPT-5 vs gpt 5", "前 9 个月 B 端收入", "FY24 revenue"]
    assert [normalizer.normalize_folded(t) for t in fold_all(texts)] == [normalizer.normalize_uncached(t)
                                                                         for t in texts]


def test_a_chinese_name_words_no_attribute(real_normalize):
    """华盛顿大学 holds 大学 (education): the name is someone's employer, not a question about schooling."""
    assert "education" not in real_normalize("华盛顿大学的教授说OpenAI每年亏多少").attributes
    assert "education" in real_normalize("闫俊杰上的哪所大学").attributes
