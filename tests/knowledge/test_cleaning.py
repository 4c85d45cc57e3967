from knowledge.cleaning import clean_text, strip_pinyin


def test_pinyin_readings_are_removed():
    assert strip_pinyin("中國(guó)會(huì)贏得人工智能競(jìng)賽") == "中國會贏得人工智能競賽"


def test_real_parentheticals_are_kept():
    text = "年化經常性收入(ARR)與吳恩達(Andrew Ng)"
    assert strip_pinyin(text) == text


def test_clean_text_applies_nfkc_and_folds_whitespace():
    assert clean_text("ＭｉｎｉＭａｘ  融资\n\t１０亿") == "MiniMax 融资 10亿"
