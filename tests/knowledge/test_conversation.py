import functools
from dataclasses import dataclass, replace
from datetime import timedelta

import pytest

from knowledge.context_store import Conversations
from knowledge.conversation import (
    CONTEXT_FOR,
    JOINED_FOR,
    Context,
    Resolved,
    is_correction,
    looks_like_question,
    resolve,
)
from knowledge.store import Store, utcnow


@dataclass(frozen=True)
class FakeReading:
    subjects: tuple = ()
    attributes: tuple = ()
    years: tuple = ()
    versions: tuple = ()
    words: tuple = ()
    unknown: frozenset = frozenset()

    @property
    def specific_attributes(self):
        return self.attributes

    @property
    def knows_nothing(self):
        return not (self.subjects or self.attributes or self.years)


@functools.lru_cache(maxsize=1)
def answerer():
    """One answerer over the curated base for the dialogue tests (building one indexes the whole base)."""
    from knowledge.factbase import load_factbase
    from knowledge.qa import QuestionAnswerer

    return QuestionAnswerer(load_factbase())


@pytest.fixture
def dialogue():
    """A dialogue over the curated base, its conversations in a throwaway SQLite file."""
    from knowledge.context_store import scratch_conversations
    from knowledge.dialogue import Dialogue

    with scratch_conversations() as conversations:
        yield Dialogue(answerer(), conversations)


NAMES = {"minimax": ("MiniMax", "稀宇"), "zhipu": ("Zhipu", "智谱"), "revenue": ("revenue", "营收"),
         "valuation": ("valuation", "估值"), "net_loss": ("net loss", "净亏损"), "yan-junjie": ("Yan Junjie", "闫俊杰"),
         "talkie": ("Talkie", "星野"), "hailuo": ("Hailuo", "海螺"), "spending": ("spending", "支出"),
         "users": ("users", "用户")}


def wording(name, chinese):
    latin, zh = NAMES[name]
    return zh if chinese else latin


CONTEXT = Context(subjects=("minimax",), attribute="revenue", years=("2023",), answered_at=utcnow())


@pytest.mark.parametrize(("text", "expected"), [
    ("how many GPUs did it use?", True), ("and the average age?", True), ("OpenAI 呢", True), ("2024?", True),
    ("这也太夸张了吧", False), ("他离职了吧?", True), ("是MiniMax吧", True),
    ("MiniMax 有多少员工", True), ("what about Zhipu", True), ("help", True), ("帮助", True),
    ("wow that's small compared to Talkie", False), ("lol", False), ("I'll check with finance.", False),
    ("we need help with the deck", False),
    ("啥意思", True), ("智谱CEO叫啥", True), ("他结婚了没", True), ("员工平均年龄多大", True), ("今天会不会下雨", True),
    ("我还没看完", False), ("哈哈哈哈", False), ("好的收到", False),
    ("across how many countries", True), ("in which year", True), ("in my view it is fine", False),
    ("they have an AI agent, right? which chat tool is it in", True), ("wait, a game company? which one", True),
    ("compare that with Hailuo", True), ("really? wow", False), ("lol that's wild. ok", False),
    ("净亏损呢，2024年", True), ("估值呢,去年的", True), ("好吧呢喃", False),
    ("閆俊杰說如果可以重新選，他會怎樣", True), ("不管怎样，先这样", False),
    ("月之暗面跟DeepSeek咧", True), ("MiniMax在湛江有分公司没", True),  # (Taiwan's 咧; 有…没)
])
def test_what_reads_as_a_question(text, expected):
    assert looks_like_question(text) is expected


def test_attribute_only_follow_up_keeps_subject_and_year():
    resolved = resolve("and its net loss?", FakeReading(attributes=("net_loss",), words=("net", "loss")), CONTEXT,
                       wording)
    assert resolved == Resolved("MiniMax 2023 net loss?", ("minimax",), "net_loss", ("2023",), (), True)


def test_subject_only_follow_up_keeps_attribute():
    resolved = resolve("what about Zhipu?", FakeReading(subjects=("zhipu",)), CONTEXT, wording)
    assert resolved.subjects == ("zhipu",) and resolved.attribute == "revenue" and resolved.inherited


@pytest.mark.parametrize("text, words, named", [
    ("and Baichuan's?", ("baichuan",), "Baichuan"),
    ("百川呢?", ("百川",), "百川"),
    ("百川智能呢?", ("百川", "川智", "智能"), "百川智能"),  # "智能" is known from other names: still a stranger
])
def test_a_follow_up_naming_someone_the_base_does_not_know_keeps_the_attribute_not_the_subject(text, words, named):
    resolved = resolve(text, FakeReading(words=words, unknown=frozenset(words) - {"智能"}), CONTEXT, wording)
    assert resolved.stranger == named and resolved.subjects == () and resolved.attribute == "revenue"
    assert resolved.describe(str) == f"{named} — revenue — 2023"


def test_a_follow_up_swapping_only_the_year_or_subject_rewords_the_last_question():
    NAMES["zhipu"] = ("Zhipu", "智谱")
    spellings = {"minimax": ("MiniMax", "稀宇"), "zhipu": ("Zhipu", "智谱")}.get
    last = Context(subjects=("minimax",), attribute="revenue", years=("2024",), answered_at=utcnow(),
                   question="What share of MiniMax's revenue came from enterprise customers in 2024?")
    year = resolve("and in 2023?", FakeReading(years=("2023",)), last, wording, spellings=spellings)
    assert "2023" in year.question and "enterprise customers" in year.question and year.inherited
    subject = resolve("what about Zhipu?", FakeReading(subjects=("zhipu",)), last, wording, spellings=spellings)
    assert "Zhipu's revenue came from enterprise customers in 2024" in subject.question
    assert subject.subjects == ("zhipu",) and subject.attribute == "revenue"
    blind = resolve("and in 2023?", FakeReading(years=("2023",)), replace(last, question=None), wording)
    assert blind.question == "MiniMax revenue 2023?"  # QUESTION_LOG=off: the structured reading


def test_a_short_question_adding_a_detail_refines_the_last_question():
    last = Context(subjects=("minimax",), attribute="revenue", answered_at=utcnow(),
                   question="How much revenue did MiniMax's B2B business bring in?")
    refined = resolve("growth?", FakeReading(words=("growth",)), last, wording)
    assert refined.question == "How much revenue did MiniMax's B2B business bring in growth?"
    assert refined.subjects == ("minimax",) and refined.attribute == "revenue" and refined.inherited
    # not a longer message, nor one naming a word the base does not know, nor with QUESTION_LOG=off
    assert not resolve("growth of the whole market in Europe?", FakeReading(words=("growth", "market", "europe")),
                       last, wording).question.startswith("How much")
    assert not resolve("karaoke?", FakeReading(words=("karaoke",), unknown=frozenset({"karaoke"})), last,
                       wording).question.startswith("How much")
    assert not resolve("growth?", FakeReading(words=("growth",)), replace(last, question=None),
                       wording).question.startswith("How much")


def test_it_before_a_name_is_the_one_talked_about_before():
    NAMES["artificial-analysis"] = ("Artificial Analysis", "Artificial Analysis")
    spellings = {"artificial-analysis": ("Artificial Analysis",), "minimax": ("MiniMax",)}.get
    last = Context(subjects=("minimax",), attribute="revenue", answered_at=utcnow())
    reading = FakeReading(subjects=("artificial-analysis",), attributes=("ranking",), words=("rank",))
    ranked = resolve("where did it rank on Artificial Analysis?", reading, last, wording, spellings=spellings)
    assert ranked.subjects == ("minimax", "artificial-analysis") and ranked.inherited
    # the name first: "it" is that name ("did Artificial Analysis update it?") and nothing is inherited
    own = resolve("Artificial Analysis: where does it rank models?", reading, last, wording, spellings=spellings)
    assert own.subjects == ("artificial-analysis",) and not own.inherited


def test_and_with_a_question_of_its_own_does_not_inherit_the_attribute():
    NAMES["m2"] = ("M2", "M2")
    last = Context(subjects=("minimax",), attribute="revenue", answered_at=utcnow())
    own = resolve("and how far behind GPT-5 is M2?", FakeReading(subjects=("m2",), words=("trail",)), last, wording)
    assert own.attribute is None and not own.inherited
    swap = resolve("and what about M2?", FakeReading(subjects=("m2",)), last, wording)
    assert swap.attribute == "revenue"
    person = Context(subjects=("yan-junjie",), attribute="age", answered_at=utcnow())
    wife = resolve("and what's his wife's name?", FakeReading(words=("wife", "name")), person, wording)
    assert wife.subjects == ("yan-junjie",) and wife.attribute is None  # his, but not his age
    total = resolve("and how much in total?", FakeReading(words=("total",)), last, wording)
    assert total.attribute == "revenue"
    NAMES["zhipu"] = ("Zhipu", "智谱")
    swap = resolve("How many does Zhipu have?", FakeReading(subjects=("zhipu",)), last, wording)
    assert swap.attribute == "revenue" and swap.inherited  # a name and nothing else it asks


def test_year_only_follow_up_keeps_subject_and_attribute():
    resolved = resolve("and in 2024?", FakeReading(years=("2024",)), CONTEXT, wording)
    assert (resolved.subjects, resolved.attribute, resolved.years) == (("minimax",), "revenue", ("2024",))
    assert resolved.question == "MiniMax revenue 2024?"  # the inherited attribute is written out


def test_chinese_follow_up_is_written_in_chinese():
    resolved = resolve("那估值呢?", FakeReading(attributes=("valuation",)), CONTEXT, wording)
    assert resolved.question == "稀宇 2023 那估值?"  # the question's own words carry its attribute


def test_pronoun_takes_the_last_subject():
    resolved = resolve("how many GPUs did it use?", FakeReading(words=("gpus", "use")), CONTEXT, wording)
    assert resolved.subjects == ("minimax",) and "gpus" in resolved.question


def test_a_complete_or_unrelated_question_is_read_on_its_own():
    full = FakeReading(subjects=("zhipu",), attributes=("valuation",))
    assert not resolve("What is Zhipu's valuation?", full, CONTEXT, wording).inherited
    assert not resolve("Who is Pedro Domingos?", FakeReading(subjects=("zhipu",)), CONTEXT, wording).inherited
    assert not resolve("and its valuation?", FakeReading(attributes=("valuation",)), None, wording).inherited


def test_describe_shows_the_reading():
    resolved = Resolved("q", ("minimax",), "net_loss", ("2023",), (), True)
    assert resolved.describe(lambda n: {"minimax": "MiniMax", "net_loss": "net loss"}[n]) == "MiniMax — net loss — 2023"


def test_context_and_joined_threads_expire(db_url):
    now = [utcnow()]
    conversations = Conversations(Store(db_url), clock=lambda: now[0])
    conversations.remember("t:C1:1.0", Resolved("q", ("minimax",), "revenue", (), (), False), "fact-1", None)
    assert conversations.joined("t:C1:1.0") and conversations.context("t:C1:1.0").subjects == ("minimax",)
    assert conversations.context("t:C1:1.0").question is None  # QUESTION_LOG=off keeps no text
    now[0] += CONTEXT_FOR + timedelta(seconds=1)
    assert conversations.context("t:C1:1.0") is None and conversations.joined("t:C1:1.0")
    now[0] += JOINED_FOR
    assert not conversations.joined("t:C1:1.0") and not conversations.joined("t:C2:9.9")


def test_he_is_the_person_the_answer_brought_up_and_it_the_product_not_its_maker():
    founder = Context(subjects=("minimax",), attribute="founder", mentioned=("minimax", "yan-junjie"),
                      answered_at=utcnow())
    NAMES["yan-junjie"] = ("Yan Junjie", "闫俊杰")
    assert resolve("how old is he?", FakeReading(), founder, wording).subjects == ("yan-junjie",)
    model = Context(subjects=("minimax", "m2"), attribute="price", focus=("m2",), answered_at=utcnow())
    NAMES["m2"] = ("M2", "M2")
    assert resolve("when was it released?", FakeReading(attributes=("release",)), model, wording).subjects == ("m2",)


def test_he_is_only_ever_a_person_and_the_company_never_one():
    NAMES.update({"yan-junjie": ("Yan Junjie", "闫俊杰"), "sensetime": ("SenseTime", "商汤")})
    people = frozenset({"yan-junjie"})
    career = Context(subjects=("yan-junjie",), attribute="education", mentioned=("yan-junjie", "sensetime", "minimax"),
                     answered_at=utcnow())
    company = resolve("该公司有多少员工?", FakeReading(attributes=("employees",)), career, wording, people)
    assert company.subjects == ("sensetime",)  # the first company the conversation brought up, not Yan Junjie
    cost = Context(subjects=("minimax",), attribute="cost", mentioned=("minimax", "sensetime"), answered_at=utcnow())
    assert resolve("how old is he?", FakeReading(attributes=("age",)), cost, wording, people).inherited is False


def test_he_is_not_the_person_the_follow_up_names_itself():
    NAMES.update({"yan-junjie": ("Yan Junjie", "闫俊杰"), "huang-mingming": ("Huang Mingming", "黄明明")})
    people = frozenset({"yan-junjie", "huang-mingming"})
    investor = Context(subjects=("yan-junjie",), attribute="funding", mentioned=("huang-mingming", "yan-junjie"),
                       answered_at=utcnow())
    resolved = resolve("他怎么评价闫俊杰?", FakeReading(subjects=("yan-junjie",)), investor,
                       wording, people)
    assert resolved.subjects == ("huang-mingming", "yan-junjie")


def test_a_comparison_follow_up_stays_a_comparison():
    compared = Context(subjects=("minimax", "zhipu"), attribute="revenue", focus=("minimax", "zhipu"),
                       answered_at=utcnow())
    resolved = resolve("and the valuation?", FakeReading(attributes=("valuation",), words=("valuation",)), compared,
                       wording)
    assert resolved.subjects == ("minimax", "zhipu") and resolved.question.startswith("MiniMax vs Zhipu")


def test_it_after_a_comparison_is_the_first_side_and_they_is_both():
    compared = Context(subjects=("minimax", "zhipu"), attribute="revenue", focus=("minimax", "zhipu"),
                       answered_at=utcnow())
    reading = FakeReading(attributes=("valuation",), words=("valuation",))
    assert resolve("what is its valuation?", reading, compared, wording).subjects == ("minimax",)
    assert resolve("what is their valuation?", reading, compared, wording).subjects == ("minimax", "zhipu")


def test_a_follow_up_asking_again_what_the_last_answer_told_gets_it_again(dialogue):
    """"他哪年生的?" after his hometown: the birth year is in the same fact, not in a career fact whose
    phrasings say "他"."""
    assert dialogue.turn("闫俊洁是河南人吗?", "d:U1").answer.fact.id == "yan-junjie-birth-year-hometown"
    assert dialogue.turn("他哪年生的?", "d:U1").answer.fact.id == "yan-junjie-birth-year-hometown"


def test_a_follow_up_asking_what_the_last_answer_also_tells_gets_that_answer(dialogue):
    first = dialogue.turn("閆俊杰上了誰的播客?", "d:U1")
    assert first.answer.fact.id == "yan-junjie-luo-yonghao-podcast"
    # Jensen Huang's two hours with him also tell a duration: the podcast's own is meant
    assert dialogue.turn("聊了多久?", "d:U1").answer.fact.id == "yan-junjie-luo-yonghao-podcast"
    dialogue.turn("How much did M1's reinforcement learning cost?", "d:U2")
    assert dialogue.turn("for how long?", "d:U2").answer.fact.id == "minimax-m1-training-cost"


def test_how_long_finds_the_fact_that_gives_a_span_of_time_whatever_it_is_filed_under():

    match = answerer().match("How long did Jensen Huang talk with Yan Junjie?")
    assert match.fact.id == "jensen-huang-beijing-meeting-yan-junjie"


@pytest.mark.parametrize("when", ["when was that?", "哪年哪月？"])
def test_when_was_that_is_the_date_of_the_last_answer(dialogue, when):
    first = dialogue.turn("How much was MiniMax's angel round?", "d:U3").answer.fact
    assert dialogue.turn(when, "d:U3").answer.fact.id == first.id  # not the IPO date


def test_the_attribute_remembered_is_the_one_the_answer_tells(dialogue):
    dialogue.turn("How much cash does MiniMax have?", "d:U4")
    turn = dialogue.turn("how much has it spent in total since it was founded, up to its IPO?", "d:U4")
    assert turn.answer.fact.attribute == "spending"
    assert dialogue.conversations.context("d:U4").attribute == "spending"  # not "founded", named in passing


def test_a_generic_attribute_is_not_inherited_by_a_follow_up_that_says_what_it_asks():
    last = Context(subjects=("minimax",), attribute="definition", years=(), answered_at=utcnow())
    resolved = resolve("and what's its slogan?", FakeReading(words=("slogan",)), last,
                       wording)
    assert resolved.subjects == ("minimax",) and resolved.attribute is None and "slogan" in resolved.question


def test_a_comparison_follow_up_asking_spending_per_user_sets_both_sides_spending(dialogue):
    dialogue.turn("Which has more paying users, Hailuo AI or Talkie?", "d:U5")
    turn = dialogue.turn("and which one earns more per paying user?", "d:U5")
    sides = {side.subject: side.fact.id for side in turn.answer.comparison.sides}
    assert sides == {"hailuo": "minimax-hailuo-ai-arppu", "talkie": "minimax-talkie-xingye-arppu"}


def test_another_year_after_a_part_year_figure_is_that_years_figure(dialogue):
    dialogue.turn("MiniMax 2025年前三季度营收是多少?", "d:U6")
    assert dialogue.turn("净亏损呢?", "d:U6").answer.fact.id == "minimax-net-loss-2025-9m"
    assert dialogue.turn("2023年呢?", "d:U6").answer.fact.id == "minimax-net-loss-2023"
    assert dialogue.turn("2026年呢?", "d:U6").kind == "no_answer"
    # the whole year's figure beats a sum over the years that holds the period too (2022 to 2025's nine months)
    dialogue.turn("MiniMax 2025年前三季度净亏损多少?", "d:U5")
    assert dialogue.turn("2022年呢?", "d:U5").answer.fact.id == "minimax-net-loss-2022"
    assert dialogue.turn("2023年呢?", "d:U5").answer.fact.id == "minimax-net-loss-2023"
    dialogue.turn("How much revenue did MiniMax make in the first nine months of 2025?", "d:U7")
    turn = dialogue.turn("and its net loss for that period?", "d:U7")  # "period" is a word, not a period
    assert turn.answer.fact.id == "minimax-net-loss-2025-9m"


def test_a_question_of_its_own_after_a_part_year_figure_takes_its_subject_not_its_period(dialogue):
    dialogue.turn("MiniMax 2025年前三季度净亏损多少?", "d:U8")
    assert dialogue.turn("每月现金消耗多少?", "d:U8").answer.fact.id == "minimax-monthly-cash-burn"
    assert dialogue.turn("他们账上有多少现金储备?", "d:U8").answer.fact.id == "minimax-cash-reserve-1102m"
    # but a follow-up pointing back at the figure is about that figure, over its period
    dialogue.turn("How much revenue did MiniMax's B2B business bring in as of Sept 30 2025?", "d:U9")
    assert dialogue.turn("what share of revenue is that?", "d:U9").answer.fact.id == "minimax-b-end-revenue-share-30pct"
    assert dialogue.turn("how fast did it grow?", "d:U9").answer.fact.id == "minimax-b-end-revenue-growth-161pct"


@pytest.mark.parametrize("follow_up", ["net loss?", "净亏损?", "and net loss?"])
def test_an_attribute_named_alone_keeps_the_last_whole_year(dialogue, follow_up):
    dialogue.turn("What was MiniMax's revenue in 2023?", "d:U11")
    assert dialogue.turn(follow_up, "d:U11").answer.fact.id == "minimax-net-loss-2023"
    # after a part-year figure it is a question of its own: the cash now, not in "the first nine months"
    dialogue.turn("MiniMax 2025年前三季度净亏损多少?", "d:U12")
    assert dialogue.turn("cash on hand?", "d:U12").answer.fact.id == "minimax-cash-reserve-1102m"


def test_a_follow_up_asking_what_no_article_tells_is_no_detail_of_the_last_answer(dialogue):
    dialogue.turn("How many employees does MiniMax have?", "d:U10")  # 385, "with an average age of only 29"
    assert dialogue.turn("What's the average salary there?", "d:U10").kind == "no_answer"


def test_a_follow_up_setting_a_new_subject_beside_the_last_one_compares_them():
    last = Context(subjects=("minimax",), attribute="valuation", years=(), answered_at=utcnow(), focus=("minimax",))
    resolved = resolve("and compared with Zhipu?", FakeReading(subjects=("zhipu",), words=("compared",)), last,
                       wording)
    assert resolved.subjects == ("minimax", "zhipu") and resolved.attribute == "valuation"
    assert resolved.question.startswith("MiniMax vs Zhipu valuation")


def test_his_with_a_place_named_is_the_person_before_at_that_place():
    last = Context(subjects=("minimax",), attribute="founder", years=(), answered_at=utcnow(),
                   mentioned=("yan-junjie", "minimax"))
    reading = FakeReading(subjects=("zhipu",), attributes=("career",), words=("position",))
    resolved = resolve("what was his position at Zhipu?", reading, last, wording,
                       people=frozenset({"yan-junjie"}))
    assert resolved.subjects == ("yan-junjie", "zhipu")


def test_the_year_before_and_after_move_the_last_year():
    resolved = resolve("and the year before?", FakeReading(words=("year", "before")), CONTEXT, wording)
    assert resolved.years == ("2022",) and resolved.attribute == "revenue"
    assert resolved.question == "MiniMax revenue 2022?"
    assert resolve("那后一年呢?", FakeReading(), CONTEXT, wording).years == ("2024",)


def test_how_does_that_compare_with_sets_the_new_subject_beside():
    last = Context(subjects=("minimax",), attribute="revenue", years=("2024",), answered_at=utcnow(),
                   focus=("minimax",))
    resolved = resolve("how does that compare with Zhipu?", FakeReading(subjects=("zhipu",)), last, wording)
    assert resolved.subjects == ("minimax", "zhipu") and resolved.attribute == "revenue"


@pytest.mark.parametrize("follow_up", ["source?", "are you sure?", "where is that from?", "出处?", "tell me more",
                                       "这个说法出自哪里?", "这个数据是哪里来的?", "消息來源?", "数据来源是哪里?",
                                       "what's your source?", "who reported that?", "谁报道的?"])
def test_a_question_about_the_last_answer_gets_it_again(dialogue, follow_up):
    dialogue.turn("How much revenue did MiniMax make in 2024?", "d:U8")
    turn = dialogue.turn(follow_up, "d:U8")
    assert turn.kind == "answer" and turn.answer.fact.id == "minimax-revenue-2024"
    # ... and the question before it is still what a year-only follow-up rewords
    assert dialogue.turn("and the year before?", "d:U8").answer.fact.id == "minimax-revenue-2023"


def test_which_is_bigger_sets_the_last_two_subjects_side_by_side():
    last = Context(subjects=("zhipu",), attribute="valuation", years=(), answered_at=utcnow(),
                   mentioned=("zhipu", "minimax"))
    resolved = resolve("which is bigger?", FakeReading(words=("bigger",)), last, wording)
    assert resolved.subjects == ("zhipu", "minimax") and resolved.attribute == "valuation"
    assert resolved.question.startswith("Zhipu vs MiniMax valuation")
    assert resolve("哪个更多?", FakeReading(), last, wording).subjects == ("zhipu", "minimax")


def test_a_bare_name_in_a_conversation_asks_the_same_about_it():
    last = Context(subjects=("minimax",), attribute="revenue", years=(), answered_at=utcnow())
    resolved = resolve("Zhipu?", FakeReading(subjects=("zhipu",)), last, wording)
    assert resolved.subjects == ("zhipu",) and resolved.attribute == "revenue" and resolved.inherited
    # "what is X?" names an attribute of its own (what X is): not a follow-up
    assert not resolve("What is Zhipu?", FakeReading(subjects=("zhipu",), attributes=("definition",)), last,
                       wording).inherited


def test_it_is_the_product_the_answer_was_about_though_its_maker_was_named_apart(dialogue):
    dialogue.turn("How many GPUs did MiniMax use for M1's reinforcement learning?", "d:U9")
    assert dialogue.turn("and what did it cost?", "d:U9").answer.fact.id == "minimax-m1-training-cost"


def test_an_inherited_year_gives_way_to_the_fact_that_tells_the_attribute_asked(dialogue):
    dialogue.turn("How much revenue did MiniMax's B2B business bring in as of September 30, 2025?", "d:U5")
    dialogue.turn("how fast did that revenue grow year on year?", "d:U5")
    turn = dialogue.turn("how many enterprise customers?", "d:U5")
    # the customer count carries no 2025 of its own: not the B-end revenue share, which does
    assert turn.answer.fact.attribute == "customers"


@pytest.mark.parametrize("asked", ["who else did he meet?", "did he meet anyone else?", "他还见了其他人吗?"])
def test_who_else_after_an_answer_is_that_answer_again(dialogue, asked):
    first = dialogue.turn("How long did Jensen Huang talk one-on-one with MiniMax's founder in Beijing?", "d:U6")
    turn = dialogue.turn(asked, "d:U6")
    assert turn.answer.fact.id == first.answer.fact.id and "Lei Jun" in turn.answer.fact.answer_en
    # "besides" sets names aside: that is a question of its own, not the last answer again
    other = dialogue.turn("besides OpenAI and Google, who else leads across voice, video and text?", "d:U6")
    assert other.answer is None or other.answer.fact is None or other.answer.fact.id != first.answer.fact.id


def test_a_follow_up_naming_a_thing_of_its_own_is_not_given_the_last_attribute(dialogue):
    dialogue.turn("OpenAI每年亏多少钱?", "d:U7")
    turn = dialogue.turn("资金缺口呢?", "d:U7")  # not "OpenAI's net loss of a funding gap": the gap itself
    assert turn.answer.fact.id == "openai-funding-gap-1-2-trillion"


def test_a_day_of_the_month_asked_before_dates_the_follow_up(dialogue):
    dialogue.turn("MiniMax 2月13日股价多少?", "d:U8")
    turn = dialogue.turn("市值呢?", "d:U8")  # that day's market cap, not the first day's
    assert "2100亿" in turn.answer.fact.answer_zh and "2月13日" in turn.reading
    # an event is not dated by it: the listing's rank among model companies
    turn = dialogue.turn("它是全球第几家上市的大模型公司?", "d:U8")
    assert turn.answer.fact.id == "minimax-second-listed-llm-company" and "2月13日" not in (turn.reading or "")


@pytest.mark.parametrize("last, follow_up", [("and MiniMax?", "which of them is the oldest?"),
                                             ("MiniMax 的创始人是谁?", "哪家最早?")])
def test_which_of_them_sets_every_company_talked_about_side_by_side(dialogue, last, follow_up):
    for text in ("When was Zhipu AI founded?", "and Moonshot?", last):
        dialogue.turn(text, "d:U9")
    turn = dialogue.turn(follow_up, "d:U9")
    assert turn.answer.comparison.first == "zhipu"  # founded first, whatever was asked last ("founder")
    assert {"zhipu", "minimax"} <= {s.subject for s in turn.answer.comparison.sides}


def test_a_follow_up_that_is_a_question_of_its_own_is_answered_as_one(dialogue):
    dialogue.turn("What did Jensen Huang say about China winning the AI race?", "d:U10")
    turn = dialogue.turn("and who said AGI is at least a decade away?", "d:U10")  # not Jensen Huang's words
    assert turn.answer.fact.id == "karpathy-agi-ten-years"


def test_a_follow_up_keeps_the_qualifier_of_the_last_question(dialogue):
    dialogue.turn("MiniMax 开放平台及企业服务的毛利率是多少?", "d:U11")
    turn = dialogue.turn("收入呢?", "d:U11")  # the B-end's revenue, not the company's
    assert "1542" in turn.answer.fact.answer_zh and turn.reading == "MiniMax — 营收 — B端"
    other = dialogue.turn("C端呢?", "d:U11")  # another qualifier of the group replaces it
    assert "B端" not in (other.reading or "")


def test_when_did_it_happen_asks_the_attribute_it_names_not_the_last_answers_date(dialogue):
    dialogue.turn("What was MiniMax's valuation before its IPO?", "d:U12")
    turn = dialogue.turn("when did it go public?", "d:U12")  # the listing date, not the valuation again
    assert turn.answer.fact.id == "minimax-hk-listing-date"


def test_a_follow_up_whose_completed_reading_only_repeats_the_last_answer_is_read_on_its_own(dialogue):
    dialogue.turn("What did the Jefferies report say about Chinese AI capex?", "d:U5")
    gap = dialogue.turn("how far behind GPT-5 is MiniMax M2 according to it?", "d:U5").answer.fact.id
    assert gap == "jefferies-minimax-m2-vs-gpt-5-gap"
    # the report (about Jefferies, asked about first), not the gap again
    called = dialogue.turn("what's the report called?", "d:U5").answer.fact.id
    assert called == "jefferies-china-ai-global-context-report"
    # a follow-up naming its own subject still asks the last question about it
    dialogue.turn("When was Zhipu founded?", "d:U6")
    assert dialogue.turn("DeepSeek 呢?", "d:U6").answer.fact.attribute == "founded"
    # a question of its own naming someone the last answer was about is read on its own too
    dialogue.turn("Where did Dario Amodei and Yan Junjie both intern?", "d:U11")
    figured = dialogue.turn("what did Dario figure out while he was there?", "d:U11").answer.text
    assert "scaling" in figured.lower()


def test_which_quarter_is_the_date_of_the_last_answer(dialogue):
    puts = dialogue.turn("How big were Michael Burry's put positions?", "d:U7").answer.fact
    for when in ("which quarter?", "哪个季度?"):
        assert dialogue.turn(when, "d:U7").answer.fact.id == puts.id, when
    dialogue.turn("What did Jefferies find about Chinese AI capex compared with the US?", "d:U13")
    total = dialogue.turn("what's the total dollar figure for the Chinese cloud vendors?", "d:U13").answer.fact
    assert dialogue.turn("over which years?", "d:U13").answer.fact.id == total.id


@pytest.mark.parametrize("text", ["which of the two makes more money per paying user?",
                                  "whose paying users spend more per head?"])
def test_which_of_the_two_sets_the_last_two_side_by_side(text):
    last = Context(subjects=("talkie",), attribute="users", years=(), answered_at=utcnow(),
                   mentioned=("talkie", "hailuo"))
    resolved = resolve(text, FakeReading(words=("money", "paying", "user"), attributes=("spending",)), last, wording)
    assert set(resolved.subjects) == {"talkie", "hailuo"} and resolved.attribute == "spending"


def test_his_figure_of_a_company_is_the_company_of_the_person_talked_about(dialogue):
    dialogue.turn("When did Yan Junjie leave SenseTime to start his own company?", "d:U8")
    turn = dialogue.turn("how big was his angel round?", "d:U8")
    assert turn.answer.fact.about[0] == "minimax" and "31" in turn.answer.text


def test_a_rank_asked_after_an_answer_that_gives_one_is_that_answers_rank(dialogue):
    share = dialogue.turn("M2 在 OpenRouter 上的总市场份额是多少?", "d:U9").answer.fact
    assert dialogue.turn("排第几?", "d:U9").answer.fact.id == share.id  # "M2排在第五位"
    dialogue.turn("M2 在 OpenRouter 上的总市场份额是多少?", "d:U10")
    paid = dialogue.turn("付费版排第几?", "d:U10").answer.fact  # a rank of something else it names
    assert paid.id != share.id and "第4" in paid.answer_zh


def test_what_came_a_month_before_the_meeting_is_what_the_article_dates_so(dialogue):
    """The 'China will win' article dates M1 "a month before this conversation" (the fact's `also` quote)."""
    dialogue.turn("How long did Jensen Huang talk with Yan Junjie in Beijing?", "d:U12")
    assert dialogue.turn("what had MiniMax launched a month before?", "d:U12").answer.fact.id \
        == "minimax-m1-open-source-june-2025"
    # the same meeting worded 见面 / 交流 / 聊天, as the article's 交谈
    dialogue.turn("黃仁勳今年7月在北京跟閆俊杰聊了多久?", "d:U28")
    assert dialogue.turn("那次見面前一個月 MiniMax 發布了什麼模型?", "d:U28").answer.fact.id \
        == "minimax-m1-open-source-june-2025"


def test_facts_too_close_to_tell_apart_are_told_apart_by_the_last_answer(dialogue):
    ranked = dialogue.turn("MiniMax M2 在 OpenRouter 总市场份额里排第几?", "d:U14").answer.fact
    assert dialogue.turn("份额多少?", "d:U14").answer.fact.id == ranked.id  # 7.4%, not the programming 7.5%
    dialogue.turn("MiniMax M2 在 OpenRouter 编程分类里用量排第几?", "d:U15")
    assert "7.5%" in dialogue.turn("份额多少?", "d:U15").answer.text
    # only an attribute the last answer tells: Paul Romer's daily use of DeepSeek says nothing of training
    romer = dialogue.turn("which Nobel laureate says he uses DeepSeek every day?", "d:U16").answer.fact
    assert dialogue.turn("how much faster did training get?", "d:U16").answer.fact.id != romer.id


def test_the_same_period_is_the_period_of_the_last_question(dialogue):
    dialogue.turn("MiniMax 2025年前9个月营收多少?", "d:U30")
    assert dialogue.turn("同期净亏损呢?", "d:U30").answer.fact.id == "minimax-net-loss-2025-9m"


def test_which_paper_reported_it_is_the_outlet_the_last_answer_names(dialogue):
    dialogue.turn("What did Jensen Huang reportedly say about China and the AI race?", "d:U17")
    assert "Financial Times" in dialogue.turn("which paper reported it?", "d:U17").answer.text


def test_he_after_a_question_opening_with_who_is_the_person_its_answer_brought_up(dialogue):
    dialogue.turn("who was the investor who called Yan a 'ruthless' guy?", "d:U18")
    assert "Mingshi" in dialogue.turn("which firm is he with?", "d:U18").answer.text
    # "whose podcast" asks of Yan's podcast: "he" is still Yan; "who else did he meet?" keeps its own "he"
    dialogue.turn("How long did Jensen Huang talk one-on-one with MiniMax's founder in Beijing?", "d:U19")
    dialogue.turn("who else did he meet?", "d:U19")
    assert dialogue.turn("what did he tell the FT?", "d:U19").answer.answered


def test_his_name_asked_is_the_person_the_answer_brought_up_not_one_named(dialogue):
    dialogue.turn("Meta 的首席 AI 科学家当着黄仁勋的面说了啥?", "d:U20")
    assert "杨立昆" in dialogue.turn("他叫什么?", "d:U20").answer.text


def test_a_follow_up_naming_a_stranger_is_not_told_by_the_last_answer(dialogue):
    dialogue.turn("What did Jefferies find about Chinese AI capex compared with the US?", "d:U21")
    dialogue.turn("and how far behind GPT-5 is MiniMax M2 by their estimate?", "d:U21")
    assert not dialogue.turn("what did the report say about India?", "d:U21").answer.answered


def test_a_follow_up_naming_the_other_side_of_a_contrast_is_not_told_by_the_last_answer(dialogue):
    dialogue.turn("What is the gross margin of MiniMax's open platform business?", "d:U22")
    assert not dialogue.turn("what's the gross margin on the consumer side?", "d:U22").answer.answered


def test_a_subject_swap_rewords_a_chinese_question_around_a_latin_name(dialogue):
    dialogue.turn("MiniMax成立以来累计花了多少钱?", "d:U23")  # "minimax成立": no word boundary before 成
    assert dialogue.turn("OpenAI呢?", "d:U23").answer.fact.id == "openai-cumulative-spend"
    # the attribute the answer told comes along, though the question's words did not name it ("出现")
    dialogue.turn("DeepSeek是哪一年出現的?", "d:U24")
    assert "2019" in dialogue.turn("那智譜呢?", "d:U24").answer.text


def test_a_follow_up_naming_its_own_subject_beside_it_is_read_on_its_own_when_it_fits(dialogue):
    dialogue.turn("哪家公司用 MiniMax 的文本模型做编程底座?", "d:U25")
    dialogue.turn("腾讯视频用的是它哪个模型?", "d:U25")
    dialogue.turn("机器狗 Vbot 呢?", "d:U25")
    # "it" is MiniMax, not Vbot: Monks's saving with MiniMax, a company the conversation went through
    assert "50%" in dialogue.turn("Monks 用它降本多少?", "d:U25").answer.text
    dialogue.turn("What is Hailuo AI?", "d:U26")
    # "it" is Hailuo: M2's rank on Artificial Analysis, about a model never talked of, is no answer
    answer = dialogue.turn("where did it rank on Artificial Analysis?", "d:U26").answer
    assert not answer.answered or "m2" not in answer.fact.about


def test_asking_what_the_bot_does_is_small_talk_though_it_names_a_word_the_base_knows(dialogue):
    turn = dialogue.turn("hi! I'm the new intern, what can you help me with?", "d:U27")
    assert turn.kind == "smalltalk"


def test_a_greeting_asking_how_it_is_going_is_small_talk_not_a_pronoun_with_nothing_to_follow(dialogue):
    assert dialogue.turn("hey bot, happy Friday! how's it going?", "d:U30").kind == "smalltalk"
    assert dialogue.turn("and its valuation?", "d:U31").kind == "unclear"  # whose? still asked


def test_a_compliment_to_the_bot_in_its_thread_gets_a_word_back_and_praise_of_an_answer_silence(dialogue):
    dialogue.turn("Who founded MiniMax?", "t:C1:1", addressed=True, in_thread=True)
    assert dialogue.turn("lol you're fast", "t:C1:1", addressed=False, in_thread=True).kind == "smalltalk"
    assert dialogue.turn("好厉害", "t:C1:1", addressed=False, in_thread=True).kind == "silent"


@pytest.mark.parametrize("said, kind", [
    ("bot, is it as hot where your servers live as it is here? 🥵", "other"),  # the bot called by name
    ("by the way, do you drink coffee, bot? ☕", "other"),  # an emoji after the question mark
    ("know any jokes about regulators?", "joke"), ("讲个笑话呗，今天出货累死了", "joke"),  # asking for a joke
    ("明天张家界下雨不", "weather"),  # a question ending in 不
    ("你这机器人回得还挺快", "compliment"), ("你好厲害喔", "compliment"), ("你叫啥名字", "identity"),
    ("今天包头风大不大啊", "weather"), ("who won the Rugby World Cup in 2023, do you know?", "sport")])
def test_small_talk_said_to_the_bot_in_its_thread_gets_a_word_back(dialogue, said, kind):
    dialogue.turn("Who founded MiniMax?", "t:C8:1", addressed=True, in_thread=True)
    turn = dialogue.turn(said, "t:C8:1", addressed=False, in_thread=True)
    assert (turn.kind, turn.smalltalk) == ("smalltalk", kind)


def test_a_nod_is_left_alone_in_a_thread_and_gets_a_word_back_in_a_dm(dialogue):
    """"ok cool" in a thread is said to the people there; in a DM it is said to the bot, and "That's outside
    what I know" would be the wrong word back."""
    dialogue.turn("Who founded MiniMax?", "t:C9:1", addressed=True, in_thread=True)
    assert dialogue.turn("ok cool", "t:C9:1", addressed=False, in_thread=True).kind == "silent"
    assert dialogue.turn("🙏", "t:C9:1", addressed=False, in_thread=True).kind == "reaction"
    dialogue.turn("Who founded MiniMax?", "d:U9")
    turn = dialogue.turn("ok cool", "d:U9")
    assert (turn.kind, turn.smalltalk) == ("smalltalk", "ack")


def test_asking_about_the_bot_itself_mid_conversation_is_small_talk(dialogue):
    assert dialogue.turn("who's the guy that said Jensen is 'supplying weapons'?", "d:U28").kind == "answer"
    assert dialogue.turn("btw what model are you running on?", "d:U28").kind == "smalltalk"  # not LeCun's model
    assert dialogue.turn("Hailuo 02 在 Artificial Analysis 视频榜排第几", "d:U29").kind == "answer"
    assert dialogue.turn("你好厉害,你背后是啥模型?", "d:U29").kind == "smalltalk"


# A follow-up after the turns said before it, and the fact the conversation means by it.
FOLLOW_UPS = [
    pytest.param(["minimax revnue 2024?"], "how fast did it grow in the first 9 months of 2025?",
                 "minimax-revenue-2025-9m", id="growth of what was just asked"),  # up 175%
    pytest.param(["minimax revenue 2024?", "what about the first nine months of 2025?"], "yoy growth on that?",
                 "minimax-revenue-2025-9m", id="growth tied with the B-end's: the last answer's"),
    # the share price on February 13 came with the market cap that day; two facts give a market cap
    pytest.param(["what was MiniMax's share price by mid-February?"], "and the market cap at that point?",
                 "minimax-share-price-feb-13", id="at that point"),
    pytest.param(["How big was MiniMax's angel round?"], "which game company was in it?",
                 "mihoyo-early-strategic-investor", id="a question of its own about it"),
    pytest.param(["what is hailuo?"], "who runs it?", "minimax-ceo-yan-junjie", id="a product's head is its maker's"),
    *(pytest.param(["what was MiniMax's market cap on its first day?"], asked, "minimax-first-day-market-cap",
                   id=f"currency: {asked}")  # the answer says HK$
      for asked in ("wait, was that in usd?", "单位是美元吗?", "is that HKD or USD?")),
    # 佢 is he, she and it: with no person talked about, 他 (as it folds) is the company
    pytest.param(["MiniMax 幾時喺港股上市?"], "佢係全球第幾間上市嘅大模型公司?", "minimax-second-listed-llm-company",
                 id="Cantonese he after a company"),
    pytest.param(["早!我今天第一天入职,想先了解下 MiniMax"], "它的创始人是谁?", "minimax-founder-yan-junjie",
                 id="a subject named in a greeting"),
    # 他们 (they) is no he: the company, not the person who said it; "their" after a model: its maker's
    pytest.param(["MiniMax内部有多少代码是AI写的?"], "他们员工一共多少人", "minimax-employee-count",
                 id="他们 is a company"),
    pytest.param(["团队士气低的时候闫俊杰一般怎么做?"], "他们内部那个 AI Agent 同事是在什么软件里用的?",
                 "minimax-ai-agent-feishu", id="他们 after a person's words"),
    pytest.param(["what does M2.1 give the Vbot robot dog?"],
                 "what was their top speech model called?", "minimax-speech-and-video-models",
                 id="their after a model: its maker's"),
    *(pytest.param([last], correction, "openai-arr-13-billion", id=f"a correction: {correction}")  # not its valuation
      for last, correction in (("what's openai's latest valuation?", "sorry i meant arr, not valuation"),
                               ("OpenAI估值多少?", "我是说ARR,不是估值"))),
    *(pytest.param([founder], when, "minimax-founded-early-2022", id=f"when of a role: {when}")  # its founding
      for founder, when in (("who founded minimax?", "when?"), ("谁创立了MiniMax?", "什么时候?"))),
    # "he" and "they" in one question: the person before, and the company he spoke of
    *(pytest.param(["Who is Pedro Domingos?", "what did he say about OpenAI?"], asked,
                   "openai-annual-loss-50-billion", id=f"he and they: {asked}")
      for asked in ("how much does he say they lose a year?", "他说他们一年亏多少?")),
    pytest.param(["how much does each Talkie paying user spend on average?"], "whats the hailuo figure",
                 "minimax-hailuo-ai-arppu", id="the same figure of another"),
    # the company as a whole after its products: their maker's (and a correction's own words are no question's)
    pytest.param(["Talkie和星野哪个先出来的"], "2024年总营收多少？", "minimax-revenue-2024",
                 id="total revenue after products"),
    pytest.param(["What was MiniMax's revenue in 2024?", "2023?"], "不对，我要的是2024年的营收", "minimax-revenue-2024",
                 id="a correction's words"),
    # 多大 of a person is his age (not "规模多大"); a generation is the staff's age
    pytest.param(["闫俊杰是谁?"], "他多大?", "yan-junjie-age-2026", id="他多大"),
    pytest.param(["How many staff does MiniMax have?"], "What generation are most of the staff?",
                 "minimax-employee-average-age", id="what generation"),
    pytest.param(["How many GPUs did MiniMax use to train M1?"], "What algorithm of theirs did Meta cite?",
                 "minimax-cispo-cited-by-meta", id="theirs"),
    pytest.param(["What was MiniMax's revenue in 2024?"], "where's that number from?", "minimax-revenue-2024",
                 id="where's that number from"),
    pytest.param(["What does MiniMax M2 cost per million tokens?"], "how does that stack up against claude?",
                 "minimax-m2-api-price-vs-claude-sonnet-4-5", id="stack up against"),
    # a detail the last answer tells, asked with a preposition: still that answer ("more than 100 countries")
    pytest.param(["how many enterprise clients does MiniMax have?"], "across how many countries?",
                 "minimax-enterprise-customers-130k", id="across how many"),
    # 去年/前年 after a year: counted from that year ("统一按2025年口径"), the whole year
    pytest.param(["MiniMax 2025年前9个月营收多少?"], "去年呢?", "minimax-revenue-2024", id="去年 after 2025"),
    pytest.param(["MiniMax 2025年前9个月营收多少?"], "前年呢?", "minimax-revenue-2023", id="前年 after 2025"),
    pytest.param(["When did MiniMax ship China's first MoE model?"],
                 "what was their first linear attention model called?", "minimax-text-01-linear-attention",
                 id="a product of theirs: its fact"),
    pytest.param(["who said OpenAI is 'too big to succeed'?", "where does he teach?"],
                 "how much does he say they lose a year?", "openai-annual-loss-50-billion",
                 id="they: not his university, the company before"),
    pytest.param(["Which podcast did Yan Junjie go on before the IPO?",
                  "what share of MiniMax's code did he say AI writes?"],
                 "he also said something about this being their weakest moment - exact words?",
                 "yan-junjie-weakest-moment-quote", id="his and their: his words"),
]


@pytest.mark.parametrize("said, follow_up, fact_id", FOLLOW_UPS)
def test_a_follow_up_is_answered_by_the_fact_the_conversation_means(dialogue, said, follow_up, fact_id):
    for text in said:
        dialogue.turn(text, "d:U30")
    turn = dialogue.turn(follow_up, "d:U30")
    assert turn.kind == "answer" and turn.answer.fact.id == fact_id


@pytest.mark.parametrize("back", ["再往前一年?", "前一年?"])
def test_one_more_year_back_moves_the_year_and_keeps_the_language(dialogue, back):
    dialogue.turn("MiniMax 2024年净亏损多少?", "d:U36")
    dialogue.turn("2023呢", "d:U36")
    turn = dialogue.turn(back, "d:U36")
    assert turn.answer.fact.id == "minimax-net-loss-2022" and "7373万" in turn.answer.text


def test_a_question_about_the_bot_in_a_conversation_is_small_talk_not_a_follow_up(dialogue):
    dialogue.turn("did minimax go public?", "d:U35")
    assert dialogue.turn("are you up to date btw?", "d:U35").kind == "smalltalk"


@pytest.mark.parametrize("aside", ["do you ever sleep?", "do you speak Spanish too?", "洛阳牡丹节你去过没",
                                   "reckon you could pick me a good Barossa shiraz?"])
def test_something_said_to_the_bot_naming_nothing_it_knows_is_small_talk_not_a_follow_up(dialogue, aside):
    dialogue.turn("What's MiniMax M2's API price?", "d:U37")
    turn = dialogue.turn(aside, "d:U37")
    assert turn.kind == "smalltalk" and turn.answer is None


def test_a_greeting_saying_what_one_wants_to_know_about_is_small_talk(dialogue):
    assert dialogue.turn("早!我今天第一天入职,想先了解下 MiniMax", "d:U34").kind == "smalltalk"


def test_the_last_attribute_is_not_asked_again_of_what_its_fact_does_not_tell(dialogue):
    dialogue.turn("How old is Yan Junjie?", "d:U33")
    assert dialogue.turn("is he married?", "d:U33").kind == "no_answer"  # not his age again


def test_another_subject_after_what_something_is_asks_what_that_is(dialogue):
    """"and M2?" after what M1 is: what M2 is, not "who is M2"; after who a person is, who the other is."""
    dialogue.turn("What is MiniMax M1?", "d:U43")
    assert dialogue.turn("and M2?", "d:U43").answer.fact.id == "minimax-m2-what-is"
    dialogue.turn("Who is Yan Junjie?", "d:U44")
    assert dialogue.turn("and Jensen Huang?", "d:U44").answer.fact.id == "jensen-huang-who"


def test_a_follow_up_checking_a_claim_is_read_as_one(dialogue):
    """"Did he…at Stanford?" names a school the base never heard of: as a claim checked, his education answers."""
    dialogue.turn("Where did Yan Junjie go to university?", "d:U42")
    turn = dialogue.turn("Did he then do his PhD at Stanford?", "d:U42")
    assert turn.answer.fact.id == "yan-junjie-education"


def test_he_after_an_unanswered_question_is_whom_it_named(dialogue):
    """No article says how long Yan interned at Baidu, but he is whom "he" means next, not Dario."""
    dialogue.turn("what did Dario Amodei figure out at Baidu?", "d:U41")
    assert dialogue.turn("How long was Yan an intern at Baidu?", "d:U41").kind == "no_answer"
    assert dialogue.turn("how many years was he at SenseTime?", "d:U41").answer.fact.id == "yan-junjie-sensetime-career"


def test_he_after_a_person_is_still_that_person(dialogue):
    dialogue.turn("Who founded MiniMax?", "d:U39")
    assert dialogue.turn("how old is he?", "d:U39").answer.fact.id == "yan-junjie-age-2026"


def test_a_keyword_query_or_a_correction_in_the_bots_thread_is_answered(dialogue):
    """Typed as into a search box, or putting the last question right: asked of the bot, though no "?"."""
    dialogue.turn("MiniMax 2024年营收多少?", "t:C40:1", addressed=True, in_thread=True)
    assert dialogue.turn("minimax 净亏损 2024", "t:C40:1", addressed=False, in_thread=True).answer.fact.id \
        == "minimax-net-loss-2024"
    assert dialogue.turn("不是,我是说2023年的", "t:C40:1", addressed=False, in_thread=True).answer.fact.id \
        == "minimax-net-loss-2023"
    assert dialogue.turn("不对，我想问的是2022年", "t:C40:1", addressed=False, in_thread=True).answer.fact.id \
        == "minimax-net-loss-2022"
    # a year or a period alone asks the last question of it
    assert dialogue.turn("2025年前三季度", "t:C40:1", addressed=False, in_thread=True).answer.fact.id \
        == "minimax-net-loss-2025-9m"
    assert dialogue.turn("wow 2023 was wild", "t:C40:1", addressed=False, in_thread=True).kind == "silent"
    # not a colleague's remark, nor a longer sentence that only names things
    assert dialogue.turn("<@U0OTHER> minimax 净亏损 2024", "t:C40:1", addressed=False, in_thread=True).kind == "silent"
    assert dialogue.turn("we should look at the minimax net loss in 2024 again later this week", "t:C40:1",
                         addressed=False, in_thread=True).kind == "silent"


def test_asking_the_verdict_of_the_lawsuit_just_told_is_no_answer(dialogue):
    """"官司最后判了吗?" is written out without its 吗; 判了 alone still asks a verdict, which no article tells."""
    assert dialogue.turn("除了迪士尼,还有哪家影视公司起诉了海螺?", "d:U32").kind == "answer"
    assert dialogue.turn("官司最后判了吗?", "d:U32").kind == "no_answer"


def test_a_follow_up_turning_to_someone_new_moves_it_there_though_it_found_nothing(dialogue):
    """"and what about Zhipu?" after where Yan studied finds nothing (a company studied nowhere), but the
    conversation has turned to Zhipu: "who runs it?" asks Zhipu's CEO, not MiniMax's."""
    dialogue.turn("Who founded MiniMax?", "d:U33")
    dialogue.turn("where did he study?", "d:U33")
    assert dialogue.turn("and what about Zhipu?", "d:U33").kind == "no_answer"
    assert dialogue.turn("who runs it?", "d:U33").answer.fact.id == "zhipu-ceo-zhang-peng"


@pytest.mark.parametrize("text", ["你自己是用哪个模型做的？不会是MiniMax吧哈哈", "are you built on MiniMax M2?",
                                  "对了，你是哪家公司做的?", "who made you? MiniMax?",
                                  "顺便问一下，你这个机器人是用哪家模型做的？",
                                  "冒昧问下，您这个机器人是用哪家的模型做的？", "順便問下，你是哪一種AI？"])
def test_asking_what_the_bot_runs_on_is_small_talk_though_it_names_what_the_base_knows(dialogue, text):
    dialogue.turn("MiniMax 是谁创立的?", "d:U34")
    assert dialogue.turn(text, "d:U34").kind == "smalltalk"
    assert dialogue.turn("what do you know about MiniMax?", "d:U35").kind == "answer"  # about MiniMax, not the bot
    assert dialogue.turn("what's your data on MiniMax's revenue in 2023?", "d:U35").kind == "answer"


@pytest.mark.parametrize("again", ["who's that investor again?", "那位投资人是谁来着?"])
def test_asking_who_the_last_answer_named_gets_that_answer_again(dialogue, again):
    """It names him (Huang Mingming, Yan Junjie's angel investor): no fact is needed beyond the one just given."""
    assert dialogue.turn("how did Yan Junjie's angel investor describe him?", "d:U90").answer.fact.id \
        == "huang-mingming-angel-investor-yan-junjie"
    assert dialogue.turn(again, "d:U90").answer.fact.id == "huang-mingming-angel-investor-yan-junjie"


@pytest.mark.parametrize("view", ["what does MiniMax say about that risk?", "他们自己怎么看?"])
def test_asking_what_they_think_of_what_the_last_answer_told_gets_it_again(dialogue, view):
    """The lawsuits answer gives MiniMax's own view ('controllable'): no other fact is asked for."""
    assert dialogue.turn("MiniMax被哪些美国影视公司告了？", "d:U94").answer.fact.id \
        == "minimax-hailuo-copyright-lawsuits"
    assert dialogue.turn(view, "d:U94").answer.fact.id == "minimax-hailuo-copyright-lawsuits"


def test_asking_what_someone_else_thinks_is_no_view_in_the_last_answer(dialogue):
    dialogue.turn("MiniMax被哪些美国影视公司告了？", "d:U95")
    turn = dialogue.turn("what does Jensen Huang think?", "d:U95")
    assert turn.answer is None or turn.answer.fact is None or turn.answer.fact.id != "minimax-hailuo-copyright-lawsuits"


@pytest.mark.parametrize("which", ["which university?", "哪所大学?"])
def test_asking_which_organisation_the_last_answer_named_gets_that_answer_again(dialogue, which):
    """Pedro Domingos "of the University of Washington": not the education of OpenAI, which he spoke of."""
    assert dialogue.turn("Who said OpenAI is 'too big to succeed'?", "d:U92").answer.fact.id \
        == "pedro-domingos-too-big-to-succeed"
    assert dialogue.turn(which, "d:U92").answer.fact.id == "pedro-domingos-too-big-to-succeed"


@pytest.mark.parametrize("which", ["哪家机构？", "这人是哪家机构的？"])
def test_asking_which_firm_the_last_answer_named_gets_that_answer_again(dialogue, which):
    """CITIC Securities (中信证券) gave the target: a broker is an 机构 too, asked of the figure or of "这人"."""
    assert dialogue.turn("智谱的目标市值机构给了多少？", "d:U96").answer.fact.id == "zhipu-citic-30x-ps-target"
    assert dialogue.turn(which, "d:U96").answer.fact.id == "zhipu-citic-30x-ps-target"


@pytest.mark.parametrize("cost", ["花了多少钱？", "花了多少錢?"])
def test_a_follow_up_the_last_answer_tells_is_not_read_as_a_question_of_its_own(dialogue, cost):
    """Read alone, "花了多少钱?" is MiniMax's spending in all; after what M1's training took (512 H800s, three
    weeks, $537,400) it asks that cost, which the last answer tells."""
    assert dialogue.turn("MiniMax M1强化学习阶段用了多少块GPU？", "d:U97").answer.fact.id == "minimax-m1-training-cost"
    assert dialogue.turn(cost, "d:U97").answer.fact.id == "minimax-m1-training-cost"


def test_a_follow_up_on_a_person_answered_by_a_company_fact_goes_on_with_the_company(dialogue):
    """Asked after Yan Junjie's angel round, "上市前一共融了几轮?" is told by MiniMax's rounds: "总额呢?" next is
    MiniMax's total, which a fact gives, not his."""
    dialogue.turn("闫俊杰的天使轮融了多少？", "d:U98")
    assert dialogue.turn("上市前一共融了几轮？", "d:U98").answer.fact.id == "minimax-pre-ipo-funding-total"
    assert "minimax" in dialogue.turn("那估值呢？", "d:U98").answer.fact.about


@pytest.mark.parametrize("ahead", ["第一是谁？", "who beat it?"])
def test_asking_who_is_ahead_of_a_rank_just_given_gets_that_answer_again(dialogue, ahead):
    """Hailuo 02 ranked second "仅次于字节的Seedance 1.0": not MiniMax's "国内首个MoE大模型", first of another kind
    (the conversation was about MiniMax's models before)."""
    dialogue.turn("MiniMax的语音模型叫什么？", "d:U99")
    dialogue.turn("视频呢？", "d:U99")
    assert dialogue.turn("Hailuo 02在Artificial Analysis视频评测排第几？", "d:U99").answer.fact.id \
        == "minimax-hailuo-02-ranking"
    assert dialogue.turn(ahead, "d:U99").answer.fact.id == "minimax-hailuo-02-ranking"


def test_asking_which_organisation_the_last_answer_does_not_name_is_a_question_of_its_own(dialogue):
    dialogue.turn("What year was Yan Junjie born?", "d:U93")
    assert dialogue.turn("which university?", "d:U93").answer.fact.id == "yan-junjie-education"


@pytest.mark.parametrize("which", ["which ones?", "on what hardware?", "什么型号的?"])
def test_asking_which_model_the_last_answer_counted_gets_that_answer_again(dialogue, which):
    """"512 H800 GPUs": the model of what was counted is in the answer just given, not in another fact."""
    assert dialogue.turn("How many GPUs did MiniMax need for M1's reinforcement learning?", "d:U91").answer.fact.id \
        == "minimax-m1-training-cost"
    assert dialogue.turn(which, "d:U91").answer.fact.id == "minimax-m1-training-cost"


def test_who_wrote_the_article_is_answered_and_the_topic_goes_on(dialogue):
    """The byline is about the article, not the topic: a year next still asks the net loss."""
    dialogue.turn("What was MiniMax's net loss in 2024?", "d:U9")
    assert dialogue.turn("who wrote that piece?", "d:U9").answer.fact.id == "minimax-ipo-profile-byline"
    assert dialogue.turn("and the editor?", "d:U9").answer.fact.id == "minimax-ipo-profile-byline"
    assert dialogue.turn("2023?", "d:U9").answer.fact.id == "minimax-net-loss-2023"


@pytest.mark.parametrize(("text", "expected"), [
    ("no wait, I meant 2022", True), ("sorry, I meant the valuation", True), ("唔係，我想問嘅係上市想要嘅估值", True),
    ("不对,我是说2023年的", True), ("不对,我其实想问的是2024年全年", True), ("不对，我要的是2025年的", True),
    ("唔好意思，我想問嘅係2024年", True), ("抱歉，不对，我是说2023年的", True),
    ("wait for me at the lobby", False), ("不好意思，打扰一下", False),
])
def test_what_reads_as_a_correction(text, expected):
    assert is_correction(text) is expected


def test_an_apologising_cantonese_correction_in_the_bots_thread_asks_the_year_given(dialogue):
    dialogue.turn("MiniMax 2023年收入几多？", "t:C78:1", addressed=True, in_thread=True)
    turn = dialogue.turn("唔好意思，我想問嘅係2024年", "t:C78:1", addressed=False, in_thread=True)
    assert turn.answer.fact.id == "minimax-revenue-2024"



def test_he_is_the_one_whose_word_the_last_answer_gave(dialogue):
    """The loss figure is Pedro Domingos's: "他" next is him, though the answer is about OpenAI."""
    assert dialogue.turn("OpenAI一年亏多少?", "d:U10").answer.fact.id == "openai-annual-loss-50-billion"
    assert dialogue.turn("他是哪间学校的", "d:U10").answer.fact.id == "pedro-domingos-uw-professor"


def test_cantonese_it_stays_the_company_its_answer_names_the_founder_of(dialogue):
    dialogue.turn("MiniMax 幾時上市?", "d:U11")
    turn = dialogue.turn("佢係全球第幾間上市嘅大模型公司?", "d:U11")
    assert turn.answer.fact.id == "minimax-second-listed-llm-company"


def test_a_chinese_question_leaving_out_whom_it_asks_about_is_about_the_person_talked_about(dialogue):
    dialogue.turn("闫俊杰是清华毕业的吧?", "d:U12")
    assert dialogue.turn("在商汤最高做到什么位置", "d:U12").answer.fact.id == "yan-junjie-sensetime-career"
    # ... and his angel investor is whom the answer is about, naming him
    assert dialogue.turn("他的天使投资方是哪家", "d:U12").answer.fact.id == "huang-mingming-mingshi-founding-partner"


def test_an_english_question_about_someone_else_at_a_company_is_not_about_the_person_before(dialogue):
    dialogue.turn("and Yann LeCun's line about Jensen?", "d:U13")
    turn = dialogue.turn("Is any Glasgow researcher working at MiniMax?", "d:U13")
    assert turn.answer is None or turn.answer.fact is None or "yann-lecun" not in turn.answer.fact.about


def test_money_spent_asked_as_a_cost_follows_up_as_spending(dialogue):
    """"成立至今总共烧了多少钱?" reads as a cost and is told by a spending fact: "OpenAI 呢?" is OpenAI's spending."""
    first = dialogue.turn("MiniMax 成立至今總共燒咗幾多錢?", "d:U14")
    assert first.answer.fact.id == "minimax-cumulative-spend-vs-openai"
    assert dialogue.turn("OpenAI 呢?", "d:U14").answer.fact.id == "openai-cumulative-spend"


def test_a_reply_opening_with_a_colleagues_name_is_for_them(dialogue):
    """"Kenji, …" in the bot's thread is said to Kenji; a name the base knows opens a question to the bot."""
    dialogue.turn("How many GPUs did MiniMax use to train M1?", "t:C77:1", addressed=True, in_thread=True)
    for said in ("Kenji, the H800 is the cut-down Hopper part, right?", "Fiona, can you check the Forbes login?",
                 "Lucía, can you add the 13万 figure to slide 4?",  # (a request, else small talk)
                 "老陈，咱们店的客服机器人要不要换成这个？", "阿Ken，你有冇抽到佢啲新股？",
                 "Ricky，今晚你值班定我值班？"):
        assert dialogue.turn(said, "t:C77:1", addressed=False, in_thread=True).kind == "silent", said
    assert dialogue.turn("小问题，MiniMax 是哪年成立的？", "t:C77:1", addressed=False, in_thread=True).kind == "answer"
    assert dialogue.turn("Hailuo, when was it launched?", "t:C77:1", addressed=False, in_thread=True).kind == "answer"


def test_when_naming_a_place_the_last_answer_does_not_hold_is_not_its_date(dialogue):
    """"when was he in Beijing?" after what Jensen Huang said of China asks when he was in Beijing."""
    dialogue.turn("What did Jensen Huang reportedly say about China and the AI race?", "d:U92")
    dialogue.turn("how far behind did he say China actually is?", "d:U92")
    turn = dialogue.turn("when was he in Beijing?", "d:U92")
    assert turn.answer.fact.id == "jensen-huang-beijing-meeting-yan-junjie"


@pytest.mark.parametrize("quoted", ["the 'he's supplying the weapons' line about Jensen, who said that?",
                                    "换个话题,“有场AI战争,他在提供武器”是谁说的"])
def test_a_he_inside_a_quote_is_no_reference_to_the_conversations_person(dialogue, quoted):
    """The quote's "he" is the speaker's words, not Pedro Domingos, whom the conversation was about."""
    dialogue.turn("Who said OpenAI is 'too big to succeed'?", "d:U93")
    assert dialogue.turn(quoted, "d:U93").answer.fact.id == "yann-lecun-jensen-huang-arms-dealer"


@pytest.mark.parametrize("follow_up, fact_id", [("那他们账上还有多少现金", "minimax-cash-reserve-1102m"),
                                                ("and its monthly cash burn?", "minimax-monthly-cash-burn")])
def test_a_balance_asked_after_a_part_year_figure_is_of_no_period(dialogue, follow_up, fact_id):
    """Cash on hand is held at a time, not earned over nine months: not the fact that names the nine months."""
    dialogue.turn("MiniMax 2025年前三季度净亏损多少?", "d:U77")
    assert dialogue.turn(follow_up, "d:U77").answer.fact.id == fact_id


@pytest.mark.parametrize("follow_up", ["他原话咋说的", "原话是什么", "exact words?", "what exactly did he say?"])
def test_asking_for_the_words_themselves_gets_the_last_answer_and_its_quote(dialogue, follow_up):
    dialogue.turn("华盛顿大学那个教授怎么评价中国AI公司", "d:U78")
    assert dialogue.turn(follow_up, "d:U78").answer.fact.id == "pedro-domingos-too-big-to-succeed"


@pytest.mark.parametrize("follow_up", ["那一轮是什么时候?", "when was that round?"])
def test_when_was_that_round_is_the_date_in_the_last_answer(dialogue, follow_up):
    dialogue.turn("MiniMax天使轮拿了多少钱?", "d:U79")
    dialogue.turn("都有哪些机构投的?", "d:U79")  # (no round is carried on: this asks the investors)
    assert dialogue.turn(follow_up, "d:U79").answer.fact.id == "minimax-angel-round-investors"


@pytest.mark.parametrize("follow_up", ["谁投的？", "邊個投㗎？", "who put money in?"])
def test_who_put_money_in_after_a_round_is_its_investors(dialogue, follow_up):
    assert dialogue.turn("MiniMax天使轮融了多少钱？", "d:U1").answer.fact.id == "minimax-angel-round-amount"
    assert dialogue.turn(follow_up, "d:U1").answer.fact.id == "minimax-angel-round-investors"


@pytest.mark.parametrize("first, follow_up", [("MiniMax B端占总营收多少？", "那C端呢？"),
                                              ("What share of MiniMax revenue is from the B-end?", "and the C-end?")])
def test_a_follow_up_naming_the_other_end_replaces_the_one_asked_before(dialogue, first, follow_up):
    assert dialogue.turn(first, "d:U1").answer.fact.id == "minimax-b-end-revenue-share-30pct"
    assert dialogue.turn(follow_up, "d:U1").answer.fact.id == "minimax-c-end-revenue-share-71pct"


def test_that_episode_is_the_podcast_the_last_answer_was_said_on(dialogue):
    assert dialogue.turn("how much of MiniMax's code does AI write?", "d:U1").answer.fact.id == \
        "minimax-80pct-code-written-by-ai"
    assert dialogue.turn("how long was that episode?", "d:U1").answer.fact.id == "yan-junjie-luo-yonghao-podcast"


@pytest.mark.parametrize("first, follow_up", [("海螺AI 2024年收入多少？", "我听说有美国公司告它？"),
                                              ("我听说有美国公司告海螺？", "MiniMax自己怎么看这事？"),
                                              ("Is MiniMax being sued?", "and how does MiniMax rate that risk?")])
def test_who_sues_and_what_the_company_makes_of_it(dialogue, first, follow_up):
    dialogue.turn(first, "d:U1")
    assert dialogue.turn(follow_up, "d:U1").answer.fact.id == "minimax-hailuo-copyright-lawsuits"
