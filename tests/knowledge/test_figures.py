import pytest

from knowledge.figures import entities_in, evaluate_derived, figures, matches_derived, values


def test_the_same_amount_compares_equal_in_every_unit():
    assert values("346万美元") == values("US$3.46 million") == values("3,460,000") == {3_460_000.0}
    assert values("11.02 亿美金") == values("US$1.102 billion") == {1_102_000_000.0}
    assert values("1.4萬億美元") == values("1.4 trillion") == {1.4e12}
    assert values("51.7B tokens") == {51.7e9}
    assert values("US$3.46M") == {3.46e6}


def test_a_wrong_unit_is_a_different_figure():
    assert values("US$3.46 billion").isdisjoint(values("346万美元"))


def test_chinese_numeral_amounts_and_ranks():
    assert values("手握百亿现金") == {1e10}
    assert values("市值超过千亿港元") == {1e11}
    assert values("七成的收入") == {70.0} and values("占比近三成") == {30.0}
    assert values("百倍的ROI") == {100.0}
    assert values("位居全球用量第三") == {3.0}
    assert values("十年前,三周,两个小时") == set()  # counted words, not figures


def test_a_range_gives_its_first_number_the_second_ones_scale():
    [first, second] = figures("US$40-55 billion")
    assert first.values == (40.0, 40e9) and second.values == (55e9,)
    assert {4e10, 5.5e10} <= values("400 亿至 550 亿美元")


def test_digits_in_names_are_not_figures():
    assert values("GPT-5, M2, H800, V3.2, Q3, MiniMax-Text-01, FP8") == set()
    assert [f.date_part for f in figures("智譜AI9月發布GLM-4.6")] == ["month"]  # a unit after it: a figure


def test_date_parts():
    parts = [(f.text, f.date_part) for f in figures("截至 2025 年 9 月 30 日; September 30, 2025; 385名")]
    assert parts == [("2025", "year"), ("9", "month"), ("30", "day"), ("30", "day"), ("2025", "year"),
                     ("385", None)]
    assert figures("4th")[0].values == (4.0,)


def test_derived_figures_round_to_the_written_precision():
    result, operands = evaluate_derived("11.02亿 / 2790万")
    assert [o.text for o in operands] == ["11.02亿", "2790万"]
    assert matches_derived(figures("about 39.5 months")[0], result)
    assert not matches_derived(figures("about 40.5 months")[0], result)
    total, _ = evaluate_derived("7373万 + 2.69亿 + 4.65亿 + 5.12亿")
    assert matches_derived(figures("US$1.32 billion")[0], total)
    assert matches_derived(figures("13.2亿美元")[0], total)


@pytest.mark.parametrize("expression", ["__import__('os')", "2 ** 10", "11.02亿 /", "1 / 0"])
def test_derived_expressions_are_plain_arithmetic(expression):
    with pytest.raises(ValueError):
        evaluate_derived(expression)


def test_entities_are_found_in_any_script():
    entities = {"jensen-huang": ("黄仁勋", "Jensen Huang"), "m2": ("M2",), "minimax": ("MiniMax",)}
    assert entities_in("黃仁勛真正想強調的是", entities) == {"jensen-huang"}
    assert entities_in("MiniMax M2 的性能", entities) == {"minimax", "m2"}
    assert entities_in("M2.1 模型", entities) == set()  # whole words only
