"""Small talk: greetings, thanks, "who are you", jokes, weather, sport, in the asker's language.

A message that is only small talk, or that names nothing the fact base knows, gets a short
friendly reply with three example questions (rotating through the fact base), never a fact.
"thanks" in a thread gets a reaction instead of a message (the Slack layer decides that).
"""

from __future__ import annotations

import itertools
import random
import re
import threading
from collections.abc import Sequence

from knowledge.cleaning import clean_input
from knowledge.factbase import Fact
from knowledge.normalize import fold, is_chinese

# Questions about the bot itself ("what model are you running on?", "are you a person or a bot?"): small talk
# even when they name something the base knows ("你自己是用哪个模型做的？不会是MiniMax吧哈哈")
_ABOUT_ITSELF = (
    r"\bare you (?:a |an )?(?:person|human|real|bot|robot|ai|machine|chatgpt|gpt|llm)\b|"
    r"what (?:model|llm|ai) (?:are you|do you (?:run|use)|powers you|is behind you)|"
    r"\b(?:you|u) (?:running|built|based|trained) on\b|"
    r"[你您](?:自己|这个机器人|这个bot|这机器人)?(?:是)?(?:用|拿)(?:什么|啥|哪个|哪家)(?:的)?(?:模型)?(?:做|造|写|训练)的|"
    r"(?:你|是不是|是)(?:个)?真人|你(?:背后|底层)?(?:是|用)(?:的)?(?:啥|什么|哪个)(?:大)?模型|"
    r"你(?:是)?(?:跑|运行|部署)在(?:啥|什么|哪个)|你是不是用\s*(?:chat)?gpt|"
    # and who made it ("对了，你是哪家公司做的?")
    r"你是(?:哪家|哪个|什么|谁家)(?:公司|团队|人)?(?:做|开发|造|写|训练|搭)的|你是谁(?:做|开发|造|写)的|"
    r"你是(?:哪一种|哪种|什么样的|什么)(?:ai|人工智能|机器人|模型)|"
    r"\bwho (?:made|built|created|developed|makes|runs) (?:you|this bot)\b"
)
_ABOUT_ITSELF_RE = re.compile(_ABOUT_ITSELF)
# Thanks in the languages a workspace's people write besides English and Chinese ("dzięki", "makasih", "ありがとう")
_THANKS_ABROAD = (r"merci|danke|gracias|grazie|obrigad[oa]|valeu|asante|arigato|shukran|spasibo|dzi[eę]ki|"
                  r"dzi[eę]kuj[eę]|makasih|terima kasih|kamsahamnida|gomawo|toda|te[sş]ekk[uü]rler|kiitos|takk|"
                  r"salamat|c[aả]m [oơ]n|dhanyavaad|dank je|mul[tțţ]umesc|multumim|dakujem|d[ěe]kuji|efharisto|"
                  r"köszönöm|koszonom|diolch|gr[aà]cies|hvala|mahalo|ありがとう(?:ございます)?|どうも|감사합니다|고마워요?|"
                  r"спасибо|شكرا|תודה|ευχαριστ[ώω]|धन्यवाद|ขอบคุณ|ngiyabonga|siyabonga|enkosi|dankie|baie dankie|"
                  r"go raibh maith agat|tapadh leat|e dupe|nagode|medaase|daalu|merci bien|tak for|aitäh|paldies|ačiū|"
                  r"faleminderit|blagodaria|благодаря|дякую|děkuju|takk skal du ha|mange tak|tack så mycket|"
                  r"xie ?xie|do jeh|m goi|sağ ol|rahmat|khob khun|arigatou")
# Asking leave to ask ("can I ask you a few questions?", "mind if I ask some quick AI pricing stuff?", "可以问你几个
# 问题吗?"): nothing asked of the base yet, so the reply invites the question
_MAY_ASK = (r"(?:(?:do )?(?:you )?mind if i ask|(?:can|could|may) i ask)(?: you)?"
            r"(?: (?:a few|some|a couple of|a couple|several|a|one|two|three))?(?: quick)?(?: [\w-]+){0,3}? "
            r"(?:questions?|things|stuff|something)(?: about [\w .-]{1,30})?\s*\??|"
            r"(?:我)?(?:可以|能|能不能|可不可以)(?:问|请教)(?:你|您)?(?:几个|一些|个|一下|点|些)?"
            # ... about something, in a word that asks nothing yet ("能问你点MiniMax的账吗?")
            r"(?:(?:(?!多少|什么|谁|哪|几|怎么|啥|咋)[^?？,，。]){0,16}?的?(?:问题|事情|事|东西|账|情况))?[吗呢]?[?？]?")
# Greetings beyond hi/hello, as people write them in English from elsewhere or in their own language ("G'day",
# "Kia ora", "Boa tarde!"): shared with the matcher, which drops them before a question
GREETINGS_ABROAD = (r"g'?day|gidday|howdy|greetings|good day|bonjour|salut|hola|buenos d[ií]as|"
                    r"buenas(?: tardes| noches)?|ciao|hallo|guten (?:tag|morgen)|moin|servus|oi|ola|olá|"
                    r"bom dia|boa tarde|boa noite|kia ora|aloha|salaam|salam|namaste|konnichiwa|jambo|habari|"
                    r"sawubona|merhaba|annyeong|hej|hei|ahoj|shalom|goedemiddag|goedemorgen|dzień dobry|labas|"
                    r"labdien|tere|privet|mbote|salama|bawo ni|ndewo")
# Whole-message patterns (after folding: lower case, Simplified, punctuation and emoji stripped).
_WHOLE = {
    "thanks": r"(?:ok |great |many |awesome |perfect )?(?:thanks?(?: you)?|thank u|thx|ty|cheers|appreciated?|"
              r"merci(?: beaucoup)?|danke(?: schön| schoen)?|asante(?: sana)?|" + _THANKS_ABROAD + r"|tack|ta)"
              r"(?: (?:a lot|so much|very much|again|bot|mate))*|谢谢(?:你|啦|了|哈)?|多谢|谢了|感谢|感谢你|太感谢了",
    "greeting": r"(?:hi|hello|hey|hiya|yo|sup|good (?:morning|afternoon|evening)|hi there|hello there|"
                + GREETINGS_ABROAD + r")(?: mate)?"
                r"(?: (?:there|bot|all|everyone|team))?(?: (?:how are you(?: doing)?|how'?s it going|how is it going|"
                r"what'?s up|how are things))?|how are you(?: doing)?|how'?s it going|how is it going|"
                r"what'?s up|你好|您好|嗨|哈喽|哈啰|早上好|早|晚上好|下午好|在吗|你好吗",
    # an acknowledgement closing an exchange ("ok cool", "got it", "收到"): like thanks, a reaction in a thread
    "ack": r"(?:ok(?:ay)?|k|kk|cool|got it|gotcha|great|perfect|nice|awesome|noted|understood|makes sense|"
           r"sounds good|roger|will do|all good|good to know|i see|ah i see|alright|sure|fair enough)"
           r"(?: (?:cool|great|perfect|nice|got it|then|noted|makes sense|sounds good))*|"
           r"(?:ok |好的 )?(?:好的|好|行|收到|明白|明白了|了解|了解了|懂了|知道了|嗯|嗯嗯|好嘞|没问题|ok|"
           r"好吧|那好吧|行吧)",
    "goodbye": r"(?:bye|goodbye|see you|see ya|good night|cya)(?: (?:bot|all))?|再见|拜拜|晚安",
    "help": r"help|\?|帮助|怎么用|how do i use (?:you|this)|how does this work|usage",
    "may_ask": _MAY_ASK,
    # praise for the bot ("lol you're fast", "你回得挺快啊"): a word back, in a thread too
    "compliment": r"(?:(?:lol|haha|wow|nice|damn|omg|ok) )*(?:(?:you'?re|you are|ur) (?:so |really |pretty |very |"
                  r"super |quite )?(?:fast|quick|quicker|faster|smart|good|great|helpful|awesome|amazing|clever|useful|"
                  r"handy|the best)(?: than (?:\w+ ){0,2}\w+)?|(?:good|nice|smart|great) bot|"
                  r"(?:you'?re|you are|ur) (?:a |an |an absolute |a real |such a )?(?:lifesaver|life saver|star|legend|"
                  r"gem|genius|champ|hero|rockstar|machine)|"
                  r"(?:you'?d|you would) make (?:a|an) (?:\w+ ){0,2}(?:intern|analyst|researcher|colleague|assistant|"
                  r"employee|hire|journalist))(?: (?:lol|haha|bot|tbh|honestly|mate|today|on a \w+day|right there))*|"
                  r"你(?:这个|这)?(?:bot|机器人)?(?:回得|答得|回复得|反应)?(?:还|也|真)?(?:挺|好|真|很|太|蛮)(?:快|聪明|厉害|棒|强)"
                  r"(?:啊|呀|了|哦|喔|噢|嘛|耶|欸|诶|啦|哇)*",
    # ("好厉害" alone, in a thread, is about the answer, not to the bot: it gets silence)
}
# Patterns anywhere in a message that names nothing the base knows.
_ANYWHERE = {
    "identity": r"who are you|what are you|"
                r"what (?:else |kind of (?:stuff|things) |sort of (?:stuff|things) |stuff |things )?"
                r"can you (?:do|help(?: me)?(?: out)?(?: with)?)\b|"
                r"how (?:else )?can you help|who (?:made|built|created|developed|wrote|trained) you|"
                r"what (?:else |kinds? of (?:stuff|things|topics) |sorts? of (?:stuff|things|topics) )?do you know|"
                r"are you a bot|are you human|your name|你是谁|"
                r"你(?:还|都)?(?:能|可以)(?:帮我|帮忙)?(?:做|干)?(?:些|点)?(?:什么|啥)|你(?:还|都)?会(?:做|干)?(?:些)?(?:什么|啥)|"
                r"你是机器人|你叫(?:什么|啥)|你(?:还|都)?知道(?:些)?什么|你有什么用|"
                + _ABOUT_ITSELF + "|"
                # and how current it is, what it speaks ("are you up to date btw?", "你會講台語嗎?")
                r"\byour (?:data|knowledge|training)\b|\bknowledge cutoff\b|how (?:up to date|current) are you|"
                r"are you (?:up to date|current|updated)\b|你会(?:讲|说)[^?？]{1,6}吗|"
                r"你的(?:资料|数据|知识)(?:更新|截止)|"
                r"what (?:other |else |kinds? of )?(?:topics|subjects|things|questions) (?:can|do) you (?:cover|answer|"
                r"know|handle)|what (?:else )?(?:can|do) you cover|你(?:还)?(?:能|可以)回答(?:哪些|什么)",
    "chitchat": r"how'?s your day|how are you|how is it going|how'?s it going|what'?s up|你好吗|最近怎么样|"
                r"过得怎么样|今天怎么样|\byour favou?rite\b|你最喜欢",
    "joke": r"\bjokes?\b|\bfunny\b|make me laugh|笑话|段子|逗我",
    # whole words: "training" is not rain, a "revenue forecast" not the weather, a benchmark "score" not sport
    "weather": r"\b(?:weather|rain|raining|rainy|sunny|snow|snowing|temperature|windy)\b|天气|下雨|气温|下雪|刮风|"
               r"风大不大|风很大|冷不冷|热不热",
    "sport": r"\b(?:football|soccer|world cup|nba|basketball|tennis|olympics?|match score|knicks|lakers|"
             r"yankees|game last night|rugby|cricket|baseball|hockey|golf|super bowl|premier league|"
             r"formula (?:1|one))\b|"
             r"世界杯|足球|篮球|比赛|比分|奥运",
}
_WHOLE_RE = {kind: re.compile(rf"(?:{pattern})") for kind, pattern in _WHOLE.items()}
# Thanks with a few words around it ("got it, thanks", "好的，谢谢！", "thanks for the info"): a thanks word in a
# short message that asks nothing.  Anything longer, or asking, is read as a question.
_THANKS_WORD = re.compile(r"\b(?:thanks?(?! to\b)|thank you|thank u|thx|tysm|ty|tks|thks|tnx|3q|appreciated?|"
                          r"appreciate it|cheers|" + _THANKS_ABROAD + r")\b|^ta\b|\bta$|谢谢|多谢|感谢|感恩|谢啦|谢了|"
                          r"(?<![\u3400-\u9fff])谢(?![\u3400-\u9fff])")  # ("ok 谢")
_QUESTION_WORDS_EN = "who|what|when|where|which|why|how|is|are|does|do|did|can|could"
_QUESTION_WORDS_ZH = "吗|呢|什么|多少|谁|哪|几|怎么|啥|咋|是否|有没有"
_ASKS = re.compile(rf"\?|\b(?:{_QUESTION_WORDS_EN})\b|{_QUESTION_WORDS_ZH}")
# ... asking, beside thanks: a question mark, or a clause opening with a question word ("thanks, and who founded
# it"); not "thanks, that's what I needed", "thanks, this is gold"
_ASKS_BESIDE_THANKS = re.compile(rf"\?|(?:^|[,.;:!]\s*|\b(?:and|so|but|thanks|thank you|thx|ty|cheers)\s+)"
                                 rf"(?:{_QUESTION_WORDS_EN})\b|{_QUESTION_WORDS_ZH}")
THANKS_MAX_WORDS, THANKS_MAX_LETTERS, THANKS_MAX_CJK = 7, 84, 14
# A greeting opening a message that then only says who one is or what one wants to ask about, asking nothing yet
_GREETING_FIRST = re.compile(r"(?:hi|hello|hey|hiya|morning|good morning|good afternoon|" + GREETINGS_ABROAD + r")\b|"
                             r"你好|您好|早上好|早安|早|嗨|哈喽|哈啰|大家好")
_A_FEW = re.compile(r"几个|几件|几点")  # "想问几个问题": a few questions, not "how many"
# ... saying who one is or what one is after (not a keyword query: "hey, minimax revenue 2024")
_INTRODUCES = re.compile(r"\b(?:i|i'?m|i am|i'?ll|i want|i'?d like|we|we'?re|my|our|here|new|doing|working on|"
                         r"research|researching|"
                         r"questions?|got a (?:sec|second|minute)|quick one)\b|我|想|新来|入职|第一天|请教|问题|"
                         r"(?:识不识|会不会|能不能|可不可以)(?:回)?答")
# A request for help in general, after a greeting ("能帮我查点资料吗?", "can you help me with some research?"): it
# asks nothing of the base yet
_GENERIC_HELP = re.compile(r"(?:能|可以|能不能|可不可以)?帮(?:我|忙)?(?:查|找|搜)(?:点|一些|些|一点|一下)?"
                           r"(?:资料|信息|东西)[吗呢]?[?？]?|"
                           r"(?:can|could|would) you (?:help|assist)(?: me)?(?: (?:with|find|dig up|look up))?"
                           r"(?: (?:some|a few|a bit of))? ?"
                           r"(?:research|info|information|background|facts|stuff|questions)?"
                           r"\s*\??|"
                           # "got a minute for some finance questions?", "can I ask you a few things about MiniMax?"
                           r"(?:(?:have|you have|you|got) )?(?:a )?(?:sec|second|minute|moment)"
                           r"(?: for [\w ]{0,40})?\s*\??|"
                           + _MAY_ASK + r"|"
                           # "你識唔識答MiniMax嘅嘢?": whether it can answer about something
                           r"你?(?:识不识|会不会|能不能|可不可以|可以|能)(?:回)?答[^?？]{0,20}?的?(?:嘢|东西|问题)[吗呢]?[?？]?")
_ANYWHERE_RE = {kind: re.compile(pattern) for kind, pattern in _ANYWHERE.items()}
# A message its writer calls a joke, at its end ("它不会也卖瓷器吧哈哈，开个玩笑", "MiniMax喺西貢有冇分店？哈哈講笑",
# "do they sell pizza too? jk"): not asked of the base, whatever it names; "你开玩笑吧" (you must be kidding) is not one
_KIDDING = re.compile(r"(?:开个玩笑|(?<![你在没])开玩笑(?:的|啦|哈|而已)|"
                      r"(?<![你在没])(?:讲|说)笑(?!话)(?:啫|咋|的|啦|而已)?|"
                      r"\bjust kidding|\bjk|\bj/k|\b(?:just|only) joking)"
                      r"(?:\s*(?:啦|哈+|呵+|lol|haha|😂|🤣))*\s*[.!。！]*\s*$")
_TO_YOU = re.compile(r"\b(?:you|u|ya|your|yourself|you'?re|you'?d|you'?ve)\b|你|您")
_NOISE = re.compile(r"[^\w\s'?]|_")
_THANKS_EMOJI = re.compile(r"🙏|:pray:|:bow:|:thank_?you:")
# An emoji, as Unicode or as Slack writes it (":+1:")
EMOJI = r"(?::[a-z0-9_+-]+:|[\U0001F300-\U0001FAFF\u2600-\u27BF\uFE0F\u200D])"
_EMOJI_ONLY = re.compile(rf"(?:\s*{EMOJI})+\s*")

# A request for entertainment ("tell me a joke about…", "know any jokes?", "write me a poem", "讲个笑话呗"): small talk
# whatever it is about, unless it names a subject the base knows; said to the bot, in a thread too
_ASKS_FOR_FUN = re.compile(r"(?:^|[.!?,;]\s*)(?:(?:can|could|would|will) you |please |pls |hey |ok |so |bot )*"
                           r"(?:(?:tell|give|crack|share|write|make up|sing)(?: me| us)? "
                           r"(?:a |an |another |one |some |any )?(?:\w+ )?|(?:do you |you )?know (?:any|a) (?:good )?)"
                           r"(?:jokes?|poem|song|story|limerick|haiku|riddle|pun)\b|"
                           r"(?:讲|说|来|整)(?:一?个|几个|一?段|点)[^,，。？?]{0,10}?(?:笑话|段子|故事)|(?:写|作)一?首诗")


def asks_for_fun(text: str) -> bool:
    """Whether the message asks the bot for a joke, a poem, a story."""
    return bool(_ASKS_FOR_FUN.search(fold(clean_input(text))))


# Small talk the bot declines, saying it does not know ("I don't know about the weather…"): an abstention
DECLINES = frozenset({"weather", "sport", "joke", "other"})

REPLIES = {
    "en": {
        "greeting": "Hi! I answer questions about the Chinese AI industry from the articles I've read, with the "
                    "source quote.",
        "thanks": "You're welcome!",
        "ack": "Glad to help! Ask me anything else about the Chinese AI industry.",
        "goodbye": "Bye! Ask me anytime.",
        "help": "Ask me about the Chinese AI industry, in English or Chinese.",
        "identity": "I'm a fact bot: I answer questions about the Chinese AI industry from five news articles, "
                    "always with the verbatim quote and the source, and I say so when I don't know.",
        "joke": "I only know facts, not jokes (though \"interns have interns\" comes close).",
        "weather": "I don't know about the weather: I only know what my articles say about the Chinese AI industry.",
        "sport": "Sport isn't my field: I only know what my articles say about the Chinese AI industry.",
        "chitchat": "All good here, thanks for asking! I'm best at questions about the Chinese AI industry.",
        "compliment": "Thanks! Ask away.",
        "may_ask": "Sure, ask away: I answer questions about the Chinese AI industry, in English or Chinese, with the "
                   "source quote.",
        "kidding": "Ha! For the serious questions, I'm here: ask me anything about the Chinese AI industry.",
        "other": "That's outside what I know: I only answer from articles about the Chinese AI industry.",
        "examples": "Try, for example:",
    },
    "zh": {
        "greeting": "你好！我根据读过的文章回答关于中国AI行业的问题，并附上原文引用。",
        "thanks": "不客气！",
        "ack": "好的！关于中国AI行业还有问题，随时问我。",
        "goodbye": "再见！随时来问。",
        "help": "可以用中文或英文问我关于中国AI行业的问题。",
        "identity": "我是一个事实问答机器人：根据五篇新闻文章回答关于中国AI行业的问题，"
                    "每个回答都附原文引用和出处；不知道时会直说。",
        "joke": "我只懂事实，不会讲笑话。",
        "weather": "我不知道天气情况：我只知道文章里关于中国AI行业的内容。",
        "sport": "体育不是我的领域：我只知道文章里关于中国AI行业的内容。",
        "chitchat": "我很好，谢谢关心！我最擅长回答关于中国AI行业的问题。",
        "compliment": "谢谢夸奖！继续问吧。",
        "may_ask": "当然可以，请问：我用中文或英文回答关于中国AI行业的问题，并附上原文引用。",
        "kidding": "哈哈！正经问题随时问我：关于中国AI行业的都可以。",
        "other": "这超出了我的知识范围：我只根据关于中国AI行业的文章回答。",
        "examples": "可以试试问：",
    },
}


def classify(text: str) -> str | None:
    """The kind of small talk a whole message is ("thanks", "greeting"...), or None."""
    asked = fold(clean_input(text))  # with its punctuation: "?" tells a question
    folded = _NOISE.sub(" ", asked)
    folded = re.sub(r"\s+", " ", folded).strip(" ?") if folded.strip() != "?" else "?"
    if _EMOJI_ONLY.fullmatch(asked):  # nothing but emoji ("👌", ":+1:" as Slack writes it) is a nod, or thanks
        return "thanks" if _THANKS_EMOJI.search(asked) else "ack"
    if not folded:
        return "help"
    for kind, pattern in _WHOLE_RE.items():
        if pattern.fullmatch(folded):
            return kind
    if _KIDDING.search(asked) and "<@" not in text:
        return "kidding"
    if _GREETING_FIRST.match(folded) and _INTRODUCES.search(folded) \
            and not _ASKS.search(_GENERIC_HELP.sub(" ", _A_FEW.sub(" ", asked))) \
            and "<@" not in text:
        return "greeting"  # "hi! recruiter here, doing some research on minimax's founder", "你好呀,我是新来的实习生"
    if _THANKS_WORD.search(folded) and not _ASKS_BESIDE_THANKS.search(asked) and "<@" not in text \
            and len(folded.split()) <= THANKS_MAX_WORDS and len(folded.replace(" ", "")) <= THANKS_MAX_LETTERS \
            and sum(1 for c in folded if c >= "\u3400") <= THANKS_MAX_CJK:
        return "thanks"
    return None


def about_itself(text: str) -> bool:
    """Whether the message asks about the bot itself (what it runs on, whether it is a person)."""
    return bool(_ABOUT_ITSELF_RE.search(fold(clean_input(text))))


def to_the_bot(text: str) -> bool:
    """Whether the message speaks to the bot ("do you ever sleep?", "洛阳牡丹节你去过没"): said to "you"."""
    return bool(_TO_YOU.search(fold(clean_input(text))))


def topic(text: str) -> str:
    """For a message that names nothing the base knows: what it is about, for the reply ("other")."""
    folded = fold(clean_input(text))
    return next((kind for kind, pattern in _ANYWHERE_RE.items() if pattern.search(folded)), "other")


def language(text: str) -> str:
    return "zh" if is_chinese(text) else "en"


class Examples:
    """Three example questions at a time, rotating through the curated facts, in either language."""

    def __init__(self, facts: Sequence[Fact], seed: int | None = None):
        pool = {"en": [], "zh": []}
        for fact in facts:
            english = next((q for q in fact.questions if not is_chinese(q) and q.endswith("?")), None)
            chinese = next((q for q in fact.questions if is_chinese(q)), None)
            if english and chinese and len(english) <= 70:
                pool["en"].append(english)
                pool["zh"].append(chinese)
        order = list(range(len(pool["en"])))
        random.Random(seed).shuffle(order)
        self._pool = pool
        self._cycle = itertools.cycle(order) if order else None
        self._lock = threading.Lock()

    def next(self, lang: str, n: int = 3) -> list[str]:
        if self._cycle is None:
            return []
        with self._lock:
            picked = [next(self._cycle) for _ in range(n)]
        return [self._pool[lang][i] for i in picked]


def reply_text(kind: str, lang: str) -> str:
    return REPLIES[lang].get(kind, REPLIES[lang]["other"])
