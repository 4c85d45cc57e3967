import pytest

from knowledge.factbase import load_factbase
from knowledge.smalltalk import Examples, asks_for_fun, classify, topic


@pytest.mark.parametrize(("text", "kind"), [
    ("thanks!", "thanks"), ("Thank you so much", "thanks"), ("谢谢", "thanks"), ("謝謝你", "thanks"),
    ("thx 🙏", "thanks"), ("ok 谢", "thanks"), ("谢", "thanks"),
    ("hi", "greeting"), ("Hello there!", "greeting"), ("hey bot, how are you?", "greeting"), ("你好", "greeting"),
    ("bye", "goodbye"), ("help", "help"), ("", "help"), ("?", "help"),
    ("hey bot, how's it going?", "greeting"), ("感恩", "thanks"), ("感恩 讚啦", "thanks"), ("唔該晒", "thanks"),
    ("lol you're fast", "compliment"), ("you're quicker than our intern lol", "compliment"),
    ("你回得挺快啊", "compliment"), ("good bot", "compliment"), ("you're very handy, bot", "compliment"),
    ("you're quicker than our research desk, bot", "compliment"),
    ("you're quicker than our BI team tbh", "compliment"), ("you're a lifesaver on a Friday", "compliment"),
    ("haha you'd make a decent research intern", "compliment"), ("brilliant, ta", "thanks"),
    ("hi! recruiter here, doing some research on minimax's founder", "greeting"),
    ("你好呀,我是新来的实习生", "greeting"),
    ("哈囉,想問幾個模型定價的問題", "greeting"),  # (幾個: a few questions, asked next)
    ("Hi, got a minute for some finance questions?", "greeting"), ("你好,你識唔識答MiniMax嘅嘢?", "greeting"),
    ("hi there, can I ask you a few things about MiniMax?", "greeting"),
    ("Hi! I teach high-school computer science in Chicago.", "greeting"),
    # a request for help in general asks nothing of the base yet
    ("你好,我是长沙一家媒体的科技版编辑,想写一篇闫俊杰的人物稿,能帮我查点资料吗?", "greeting"),
    ("您好,我是台南的高中老師,想在課堂上介紹閆俊杰這個人,可以幫我查一些資料嗎?", "greeting"),
    ("hi, can you help me with some research?", "greeting"),
])
def test_whole_message_small_talk(text, kind):
    assert classify(text) == kind


@pytest.mark.parametrize("text", ["thanks, and what about Zhipu?", "hi, who founded MiniMax?", "Hailuo revenue",
                                  "hey, minimax revenue 2024", "早,MiniMax有多少员工",
                                  "help me understand MiniMax's losses", "谢霆锋是谁?",
                                  "哈喽,我在成都做游戏的,问下Talkie和星野是啥关系",  # 啥 asks
                                  "你好,能帮我查一下MiniMax的收入吗?", "Hi! we use MiniMax at work, how much is M2?"])
def test_questions_are_not_small_talk(text):
    assert classify(text) is None


@pytest.mark.parametrize(("text", "kind"), [("tell me a joke", "joke"), ("What's the weather in Beijing today?",
                                                                          "weather"),
                                            ("who won the world cup?", "sport"), ("你是谁?", "identity"),
                                            ("你好,你还能做什么?", "identity"), ("what else can you do?", "identity"),
                                            ("hi! what other topics can you cover?", "identity"),
                                            ("你能回答哪些问题?", "identity"),
                                            ("what's your favorite GPU? 😄", "chitchat"),
                                            ("btw what model are you running on?", "identity"),
                                            ("lol are you a person or a bot?", "identity"),
                                            ("你好厉害,你背后是啥模型?", "identity"),
                                            ("你回得挺快啊,是真人吗", "identity"),
                                            ("are you up to date btw?", "identity"),
                                            ("顺便问下,你是用什么做的?", "identity"), ("你會講台語嗎?", "identity"),
                                            ("你係咪用 GPT 砌出嚟㗎?", "identity"),
                                            ("你是跑在哪个模型上的啊 哈哈", "identity"),
                                            ("btw did you catch the Knicks game last night?", "sport"),
                                            ("你的資料更新到什麼時候啊?", "identity"),
                                            ("MiniMax能做什么?", "other"), ("M2 用的是什么模型架构?", "other"),
                                            ("what is the capital of France?", "other")])
def test_topic_of_what_the_base_does_not_know(text, kind):
    assert topic(text) == kind


def test_examples_rotate_and_come_in_the_askers_language():
    examples = Examples(load_factbase().facts, seed=1)
    first, second = examples.next("en"), examples.next("en")
    assert len(first) == 3 and first != second and all(q.endswith("?") for q in first)
    assert all(any("\u4e00" <= c <= "\u9fff" for c in q) for q in examples.next("zh"))


@pytest.mark.parametrize("text", ["how long did the training take?", "What is MiniMax's revenue forecast?",
                                  "what is the M2 benchmark score"])
def test_words_inside_other_words_are_not_small_talk(text):
    assert topic(text) == "other"  # "training" holds "rain"; a forecast or a score is not weather or sport


@pytest.mark.parametrize("text", ["got it, thanks", "好的，谢谢！", "thanks for the info", "much appreciated",
                                  "super helpful, thanks", "明白了，謝謝", "tysm", "thanks, that's what I needed",
                                  "thanks, this is gold"])  # question words that ask nothing
def test_thanks_with_a_few_words_around_it_is_thanks(text):
    assert classify(text) == "thanks"


@pytest.mark.parametrize("text", ["dzięki", "dziękuję bardzo", "makasih!", "terima kasih banyak", "ok, makasih",
                                  "toda!", "kiitos", "cảm ơn", "mulțumesc!", "ありがとう", "ありがとうございます!",
                                  "diolch!", "감사합니다", "спасибо", "ngiyabonga", "go raibh maith agat", "aitäh",
                                  "dankie!", "e dupe o", "дякую"])
def test_thanks_in_the_languages_colleagues_write_is_thanks(text):
    """Polish, Indonesian, Hebrew, Finnish, Vietnamese, Romanian, Japanese, Welsh, Korean, Russian, Zulu, Irish,
    Estonian, Afrikaans, Yoruba, Ukrainian: a thread's thanks get the reaction, not silence."""
    assert classify(text) == "thanks"


def test_polish_yes_is_not_danish_thanks():
    assert classify("Tak, and who founded it?") is None


@pytest.mark.parametrize("text", ["thanks, and what about Zhipu?", "谢谢，那智谱呢？", "thanks what about zhipu",
                                  "thx is that from the prospectus", "thanks. is that figure audited",
                                  "thanks to DeepSeek, prices fell", "<@U0OTHER> thanks for the deck"])
def test_thanks_that_asks_or_thanks_someone_else_is_not(text):
    assert classify(text) is None


@pytest.mark.parametrize("text", ["nice. what else can you help me with?", "How can you help?", "你都能帮我做什么?",
                                  "what kind of stuff can you help me with?", "what kind of stuff do you know about?",
                                  "你可以干啥"])
def test_asking_what_the_bot_can_do_is_small_talk(text):
    assert topic(text) == "identity"


@pytest.mark.parametrize("text", ["好厉害", "太強了", "MiniMax is really fast", "Hailuo is good", "that's great"])
def test_praise_of_what_was_said_is_no_compliment_to_the_bot(text):
    assert classify(text) is None  # (in a thread it gets silence, like any remark among people)


@pytest.mark.parametrize(("text", "kind"), [
    ("ok cool", "ack"), ("got it", "ack"), ("makes sense", "ack"), ("收到", "ack"), ("ok 收到", "ack"),
    ("👌", "ack"), ("👍🏻", "ack"), (":+1:", "ack"), (":ok_hand:", "ack"),  # as Slack writes emoji
    ("好吧", "ack"), ("那好吧", "ack"), ("你這個bot好厲害欸", "compliment"),
    ("🙏", "thanks"), (":pray:", "thanks"),
    ("?", "help"), ("ok so what about zhipu?", None), ("cool, and in 2023?", None),
])
def test_an_acknowledgement_or_an_emoji_alone_is_a_nod(text, kind):
    assert classify(text) == kind


@pytest.mark.parametrize(("text", "kind"), [
    ("Bonjour. I'm drafting a note for an MEP on Chinese AI cost efficiency.", "greeting"),
    ("Salaam! I have a few diligence questions on MiniMax's finances.", "greeting"),
    ("merci, parfait", "thanks"), ("danke", "thanks"), ("asante, that's useful", "thanks"), ("valeu", "thanks"),
    ("ta legend", "thanks"), ("cheers, all sorted", "thanks"),
    ("what did ta say", None),  # "ta" thanks only when it opens the message
    ("G'day!", "greeting"), ("g'day mate", "greeting"), ("Kia ora", "greeting"), ("Boa tarde!", "greeting"),
    ("Buenos días", "greeting"), ("Kia ora! I run a health-tech startup and have a few questions.", "greeting"),
])
def test_greetings_and_thanks_in_other_languages(text, kind):
    assert classify(text) == kind


def test_asking_who_made_the_bot_is_about_the_bot():
    assert topic("hey, I just installed you. who made you?") == "identity"


@pytest.mark.parametrize("text", ["Can I ask you a few questions?", "may I ask something?", "mind if I ask some quick "
                                  "questions?", "我可以问你几个问题吗?", "可以请教几个问题吗"])
def test_asking_leave_to_ask_is_invited_to_ask(text):
    assert classify(text) == "may_ask"


@pytest.mark.parametrize("text", ["Hiya, I host a tech podcast in Bristol. Mind if I ask you some quick AI pricing "
                                  "stuff?", "Hello, I'm new here. Can I ask you a couple of things about MiniMax?",
                                  "你好，我在钢厂做会计，能问你点MiniMax的账吗？"])
def test_a_greeting_asking_leave_to_ask_is_a_greeting(text):
    assert classify(text) == "greeting"


@pytest.mark.parametrize("text", ["can I ask who founded MiniMax?", "Mind if I ask what MiniMax's revenue was?",
                                  "你好，能问你MiniMax的营收是多少吗？"])
def test_asking_leave_before_a_question_is_the_question(text):
    assert classify(text) is None


@pytest.mark.parametrize("text, asked", [("tell me a joke about shipping containers", True),
                                         ("can you write me a poem about the sea?", True),
                                         ("you're handier than our legal team, bot. know any jokes?", True),
                                         ("讲个关于集装箱的笑话", True), ("来个段子", True),
                                         ("What joke do people at MiniMax tell about interns?", False),
                                         ("Tell me about MiniMax's story", False)])
def test_a_request_for_a_joke_or_a_poem_is_told_from_a_question_about_one(text, asked):
    assert asks_for_fun(text) is asked


@pytest.mark.parametrize("text", ["它不会也卖瓷器吧哈哈，开个玩笑", "MiniMax喺西貢有冇分店？哈哈講笑",
                                  "does MiniMax sell pizza too? jk", "Zhipu should hire me lol, just kidding!"])
def test_a_message_its_writer_calls_a_joke_is_small_talk(text):
    assert classify(text) == "kidding"


@pytest.mark.parametrize("text", ["你开玩笑吧", "MiniMax亏了这么多？没开玩笑吧", "讲个笑话"])
def test_saying_the_other_is_kidding_or_asking_for_a_joke_is_not_kidding(text):
    assert classify(text) != "kidding"
