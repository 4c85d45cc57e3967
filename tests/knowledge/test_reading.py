"""Reading a question: subjects, the attribute asked, years, versions, the other words."""

import pytest

from knowledge.factbase import load_factbase
from knowledge.matcher import Matcher
from knowledge.normalize import Normalizer
from knowledge.reading import Reader


@pytest.fixture(scope="module")
def matcher():
    base = load_factbase()
    return Matcher(base.facts, base.aliases)


def test_subjects_attribute_years_and_words(matcher):
    reading = matcher.read("What was MiniMax's revenue in 2024?")
    assert reading.subjects == ("minimax",)
    assert reading.attribute == "revenue"
    assert reading.years == ("2024",)
    assert "revenue" in reading.words


def test_model_names_are_subjects_and_versions_not_entities_are_versions(matcher):
    assert matcher.read("M2 price per million tokens").subjects == ("m2",)
    assert matcher.read("When will GPT-6 come out?").versions == ("gpt6",)


def test_the_question_word_decides_between_attributes(matcher):
    assert matcher.read("Who founded MiniMax?").attribute == "founder"
    assert matcher.read("When was MiniMax founded?").attribute == "founded"
    assert matcher.read("When did Zhipu start?").attribute == "founded"
    assert matcher.read("Where is Yan Junjie from?").attribute == "hometown"
    assert matcher.read("MiniMax和智谱谁先成立?").attribute == "founded"  # 谁 here is "which", not "who founded"


def test_specific_attributes_come_before_generic_ones(matcher):
    reading = matcher.read("What is Zhipu's revenue?")
    assert reading.attribute == "revenue" and reading.specific_attributes == ("revenue",)


def test_inflected_wordings_name_the_attribute(matcher):
    assert matcher.read("How much money has OpenAI burned through so far?").attribute == "spending"


def test_typos_are_read_through(matcher):
    reading = matcher.read("when was minmax founded")
    assert reading.subjects == ("minimax",) and reading.corrected == {"@minimax": "minmax"}


@pytest.mark.parametrize("question, subject", [("Which model beat Hailou 02 on the video leaderboard?", "hailuo-02"),
                                               ("when was hailou 2.3 released", "hailuo-2-3")])
def test_a_misspelt_name_with_its_number_is_the_numbered_product(matcher, question, subject):
    assert matcher.read(question).subjects == (subject,)


def test_a_name_is_no_far_typo_of_a_word(matcher):
    """Capitalised, "Stanford" is a name: two edits from "standard" is too far to correct (one edit is not)."""
    assert "stanford" in matcher.read("What did Yan Junjie study at Stanford?").words
    assert matcher.read("What was MiniMax's Revnue in 2024?").corrected == {"revenue": "revnue"}


def test_small_talk_knows_nothing(matcher):
    for question in ("tell me a joke", "What is the weather in Beijing today?", "今天天气怎么样"):
        assert matcher.read(question).knows_nothing, question
    assert not matcher.read("What is OpenRouter?").knows_nothing


def test_comparisons_need_two_sides_one_attribute_and_a_comparing_word(matcher):
    assert matcher.read("Hailuo or Talkie: which has more paying users?").is_comparison
    assert matcher.read("MiniMax vs OpenAI valuation").compared == ("minimax", "openai")
    assert not matcher.read("Did miHoYo invest in MiniMax?").is_comparison
    maker_and_product = matcher.read("How does MiniMax M2 rank on OpenRouter against US models?")
    assert maker_and_product.compared == ("m2", "openrouter")  # "MiniMax M2" is M2


def test_team_facts_are_read_from_their_questions():
    base = load_factbase()
    reader = Reader(Normalizer(base.aliases))
    about, attribute = reader.read_fact(["Who runs the MiniMax office in Singapore?", "MiniMax 新加坡办公室负责人是谁"])
    assert about == ("minimax",) and attribute == "leader"
    assert reader.read_fact(["How tall is the office tower?"]) == ((), None)


def test_an_unknown_lower_case_word_before_an_attribute_is_an_unknown_name(matcher):
    assert "kuaishou" in matcher.read("kuaishou revenue 2024").names
    assert "baichuan" in matcher.read("What is the valuation of baichuan?").names
    assert matcher.match("kuaishou revenue 2024").fact is None
    # ... also with a word saying which one between ("stepfun last funding round size")
    assert "stepfun" in matcher.read("stepfun last funding round size").names
    assert matcher.match("stepfun last funding round size").fact is None
    assert not matcher.read("minimax revnue 2024").names  # a typo is still read through
    assert matcher.match("minimax revnue 2024").fact.id == "minimax-revenue-2024"


def test_a_short_word_is_read_through_only_as_an_attribute_word_with_a_letter_dropped(matcher):
    assert matcher.read("minimax net los 2022").attribute == "net_loss"
    assert "earn" not in matcher.read("how much did minimax earn").corrected.values()


def test_according_to_someone_frames_the_question(matcher):
    assert "according" not in matcher.read("According to Andrej Karpathy, how far away is AGI?").words


def test_hearsay_is_no_typo_of_another_word(matcher):
    question = "I heard Dario Amodei and MiniMax's founder once worked at the same company. Which one?"
    assert "heard" not in matcher.read(question).corrected.values()  # not "hard"
    assert matcher.match(question).fact.id == "dario-amodei-yan-junjie-baidu-interns"


def test_make_is_a_release_wording_unless_another_attribute_is_asked(matcher):
    assert "release" not in matcher.read("How much revenue did MiniMax make in 2024?").words
    assert "release" in matcher.read("Which model did MiniMax make in 2023?").words


def test_which_started_first_asks_the_founding_date(matcher):
    reading = matcher.read("zhipu vs minimax which started first")
    assert reading.attribute == "founded" and reading.is_comparison


def test_the_words_of_a_name_are_not_wordings():
    # "Thinking" in "Kimi K2 Thinking" is a name, not "what does Kimi think"
    base = load_factbase()
    normalize = Normalizer(base.aliases)
    assert "said" not in normalize("When did Kimi ship K2 Thinking?").attributes
    assert normalize("When did Kimi ship K2 Thinking?").attributes == ("release",)
    assert "said" in normalize("What does Kimi think?").attributes


def test_two_names_of_one_entity_are_not_a_maker_and_its_product(matcher):
    reading = matcher.read("Which has more paying users, Hailuo AI or Talkie/Xingye?")
    assert reading.compared == ("hailuo", "talkie") and reading.is_comparison


def test_spending_per_user_is_asked_before_users(matcher):
    assert matcher.read("海螺和星野,哪个的付费用户花钱更多").attribute == "spending"
    assert matcher.read("How much does each paying user of Hailuo spend?").attribute == "spending"
    assert matcher.read("How many paying users does Hailuo have?").attribute == "users"


@pytest.mark.parametrize("question, set_aside, subjects", [
    ("MiniMax天使轮除了明势创投还有哪些投资方?", "mingshi", ("minimax",)),
    ("Other than miHoYo, who invested in MiniMax's angel round?", "mihoyo", ("minimax",)),
    ("Besides Disney, which other studio sued MiniMax?", "disney", ("minimax",)),
    # a release that dates the question is no subject either
    ("DeepSeek V3发布后,MiniMax在文本模型上做了什么?", "v3", ("minimax",)),
    ("MiniMax在DeepSeek V3发布后做了什么?", "deepseek", ("minimax",)),
    ("What did MiniMax do after DeepSeek V3 came out?", "v3", ("minimax",)),
    ("MiniMax 在 DeepSeek V3 出來之後做了什麼調整?", "deepseek", ("minimax",)),
    # ... nor is the company held up as the example
    ("Does MiniMax do custom private deployments the way SenseTime did?", "sensetime", ("minimax",)),
    ("Does Zhipu make video models like MiniMax does?", "minimax", ("zhipu",)),
    # ... nor what is already listed, nor a whole list set aside
    ("With Zhipu now listed, is Moonshot AI lining up an IPO too?", "zhipu", ("kimi",)),
    ("Besides OpenAI, Google and MiniMax, which company leads across voice, video and text?", "google", ()),
])
def test_names_set_aside_are_not_subjects(matcher, question, set_aside, subjects):
    reading = matcher.read(question)
    assert reading.subjects == subjects
    assert matcher.normalize.entity_token(set_aside) in reading.besides


@pytest.mark.parametrize("question, attribute, dropped", [
    ("How much has OpenAI spent in total since it was founded?", "spending", "founded"),
    ("MiniMax成立以来累计亏了多少?", "net_loss", "founded"),
    ("What valuation was MiniMax after when it went public?", "valuation", "ipo"),
    ("What was MiniMax's valuation before the IPO, after its 7 funding rounds?", "valuation", "funding"),
    ("MiniMax上市前完成7轮融资后估值多少", "valuation", "funding"),
])
def test_a_clause_dating_what_is_asked_names_no_attribute(matcher, question, attribute, dropped):
    reading = matcher.read(question)
    assert reading.attribute == attribute and dropped not in reading.attributes


def test_the_age_of_the_people_working_somewhere_asks_age(matcher):
    assert matcher.read("What's the typical age of people working at MiniMax?").attributes[:2] == ("age", "employees")


def test_the_word_period_is_no_part_of_a_year(matcher):
    assert matcher.read("MiniMax net loss for that period?").years == ()
    assert matcher.read("MiniMax net loss in the first three quarters of 2025").years == ("period9m", "2025")


def test_a_word_of_an_attribute_wording_is_never_read_as_a_typo(matcher):
    reading = matcher.read("Where did Yan Junjie teach?")  # "teach" words a career: no typo of "tech"
    assert "teach" in reading.words and "teach" not in reading.corrected.values()


@pytest.mark.parametrize("question", ["智谱是什么公司?", "What kind of company is Zhipu?", "MiniMax是一家什么公司?"])
def test_what_kind_of_company_asks_who_or_what_it_is(matcher, question):
    assert "identity" in matcher.read(question).attributes or matcher.match(question).fact.attribute == "identity"


def test_where_did_he_study_in_chinese_asks_education(matcher):
    assert matcher.read("闫俊杰在哪里读的书?").attribute == "education"


def test_a_corrected_word_rejoins_its_neighbour_into_a_name(matcher):
    reading = matcher.read("What was MiniMax's net los in 2024?")  # "net los" -> the metric "net loss"
    assert reading.corrected == {"loss": "los"} and "net" not in reading.words
    assert matcher.match("What was MiniMax's net los in 2024?").fact.id == "minimax-net-loss-2024"


def test_what_something_costs_per_token_asks_its_price_not_a_cost(matcher):
    reading = matcher.read("How much does M1 cost per million tokens?")
    assert reading.attribute == "price" and "cost" not in reading.attributes
    assert matcher.read("How much did it cost to train M1?").attribute == "cost"


def test_a_dropped_letter_of_a_four_letter_word_is_read_through():
    from knowledge.factbase import load_factbase
    from knowledge.matcher import Matcher

    base = load_factbase()
    matcher = Matcher(base.facts, base.aliases)
    assert "token" in matcher.read("minimax m2 tokn count").words  # "tokn": "token" with its e dropped
    assert "ears" not in matcher.read("how much did minimax earn").words  # a substitution stays too close to guess


def test_invisible_characters_do_not_change_how_a_question_is_read():
    from knowledge.factbase import load_factbase
    from knowledge.matcher import Matcher

    base = load_factbase()
    matcher = Matcher(base.facts, base.aliases)
    pasted = matcher.read("who\u200b founded MiniMax?")  # a zero-width space pasted in ("bot ask", team tools)
    assert pasted.specific_attributes == matcher.read("who founded MiniMax?").specific_attributes == ("founder",)


@pytest.mark.parametrize("question, subject", [("《大賣空》那個麥可·貝瑞買了什麼?", "michael-burry"),
                                               ("迪斯尼告没告 MiniMax?", "disney")])
def test_names_as_chinese_readers_write_them_are_the_entities(matcher, question, subject):
    """Taiwan's 麥可·貝瑞 is the mainland's 迈克尔·伯里; 迪斯尼 is a common writing of 迪士尼."""
    assert subject in matcher.read(question).subjects


@pytest.mark.parametrize("question", ["What did Yan Junjie predict about China leading in AI over the next years?",
                                      "Which companies lead across voice, video and text?"])
def test_leading_a_field_is_no_ones_leadership(matcher, question):
    assert "leader" not in matcher.read(question).attributes
    assert matcher.read("who is leading minimax").attributes[0] == "leader"


def test_others_a_subject_is_likened_to_ask_no_role(matcher):
    assert matcher.read("Did Yan do his PhD in the US like most founders?").attributes == ("education",)
    assert matcher.read("Who are MiniMax's founders?").attributes[0] == "founder"


@pytest.mark.parametrize("question", ["都说AI公司不挣钱，MiniMax 2024年营收多少？",
                                      "Everyone says AI firms lose money, but what was MiniMax's revenue in 2024?"])
def test_an_attribute_named_in_hearsay_before_the_question_is_not_asked(matcher, question):
    reading = matcher.read(question)
    assert reading.attributes == ("revenue",)
    assert matcher.match(question).fact.id == "minimax-revenue-2024"


@pytest.mark.parametrize("question, attribute", [
    ("MiniMax的营收是多少，净亏损呢？", "net_loss"),  # both asked: the first clause asks too
    ("Even after counting cash on hand, how big a funding hole does OpenAI have?", "cash"),  # no hearsay: a condition
])
def test_an_attribute_in_a_clause_that_asks_or_qualifies_is_kept(matcher, question, attribute):
    assert attribute in matcher.read(question).attributes
