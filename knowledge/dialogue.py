"""One turn of a conversation, decided the same way for Slack, ``bot chat`` and the conversation eval.

``Dialogue.turn`` takes what someone wrote and where (a thread or DM key; whether it was
addressed to the bot) and returns a ``Turn``: an answer, "I don't know", small talk, a
reaction (thanks), help, or silence.  The Slack layer only turns a ``Turn`` into API calls.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from knowledge.answers import Answer
from knowledge.cleaning import clean_input
from knowledge.conversation import (
    DAILY_FIGURES,
    WHEN_OF_ROLE,
    WHEN_ONLY,
    Context,
    Resolved,
    asks_growth,
    asks_name,
    companies_talked_about,
    is_correction,
    is_follow_up_form,
    looks_like_question,
    names_a_person,
    relative_year,
    resolve,
    says_they,
    uses_pronoun,
    without_correction,
)
from knowledge.normalize import Normalizer, fold, is_chinese
from knowledge.reading import NEVER_TOLD, PERIOD, is_period
from knowledge.smalltalk import Examples, about_itself, classify, language, to_the_bot, topic

if TYPE_CHECKING:  # the database layer (SQLAlchemy) is not imported by `bot ask`
    from knowledge.context_store import Conversations

MAX_QUESTION_CHARS = 1000
# A follow-up is about a detail of the last answer when its fact holds this share of the follow-up's words.
TOLD_ALREADY_COVERAGE = 0.5
# A reply opening by calling a colleague: a capitalised name and a comma ("Kenji, the H800 is…", "Lucía, can you
# add…", "Ricky，今晚…"), a name before "can you…" ("Sarah can you pull…"), or a Chinese form of address ("老陈，",
# "阿梅，", "阿Ken，"); then the words that open a sentence that way without being a name
# What a message naming no subject is about when it is small talk whatever it names besides ("who won the Rugby World
# Cup in 2023?" names a year the base knows; it is still sport)
# Attributes that are a balance at a time, not a flow over a period: cash on hand, head count, the daily figures
_BALANCES = DAILY_FIGURES | {"cash", "employees"}
_ASIDES = frozenset({"identity", "weather", "sport"})
_OPENS_WITH_NAME = re.compile(r"\s*(?:([A-Z][^\W\d_]{2,15})(?:\s*[,，]|\s+(?=(?:can|could|would|will|are|did|do)"
                              r" (?:you|we)\b))|((?:[老小][\u4e00-\u9fff]|阿(?:[\u4e00-\u9fff]{1,2}|[A-Za-z]{2,10}))"
                              r")\s*[,，])")
_NOT_NAMES = frozenset("""
    thanks thank okay also and but wait sorry yes yeah yep nope hey hello right cool great nice wow
    interesting actually guys team folks everyone bot question quick then now sure fine understood
    alright anyway honestly seriously again look listen please lol haha true perfect agreed hmm huh
    weird well so what who when where why how which and or still plus besides otherwise finally
    first second next last lastly also bonus similarly""".split())
_PROPER_NAME = re.compile(r"\b[A-Z][^\W\d_]+")  # a name written capitalised (past a sentence's first word)
# A word pointing at what was just told: "what share of revenue is that?", "这占多少?"
_POINTS_BACK = re.compile(r"\b(?:that|this|those|these)\b|这|那")
# An attribute alone, asking nothing else ("net loss?", "净亏损?"): the last question carried on, its whole year
# too; "它的付费用户有多少?" says what it asks, a question of its own
_TERSE = re.compile(r"[^\W\d]+(?:[ -][^\W\d]+){0,2}\s*[?？]?")
_TERSE_CJK_CHARS = 6
_WH_WORD = re.compile(r"\b(?:who|what|when|where|which|why|how)\b|多少|什么|谁|哪|几|怎么|啥")
# Words pointing at the time of the last answer: they ask nothing of their own
_AT_THAT_TIME = re.compile(r"\b(?:at|by|on|around) (?:that|the|this) (?:point|time|moment|stage|day|date)\b|"
                           r"\b(?:back then|by then|that day|on the day)\b")
# A keyword query in a thread: this many words at most ("minimax 净亏损 2024"), or Chinese characters
KEYWORD_QUERY_WORDS, KEYWORD_QUERY_CJK = 5, 12
_CJK_CHARS = re.compile(r"[\u3400-\u9fff]")
MENTIONED_KEPT = 6  # entities a conversation remembers for pronouns
# Whose word an answer gives ("According to UW professor Pedro Domingos, …", "据…Pedro Domingos指出,…")
_SAID_BY = re.compile(r"^According to ([^,]{1,80}),|^据(.{1,60}?)(?:指出|表示|称|说)")
ABOUT_THE_ARTICLE = frozenset({"author"})  # attributes of an article, not of what it is about: kept out of context
# Attributes a follow-up may inherit one of and be told by the other: money spent is a cost ("成立至今总共烧了多少钱?"
# reads as cost, its fact is filed under spending: "OpenAI 呢?" next is OpenAI's spending)
_ALIKE_ATTRIBUTES = frozenset({frozenset({"cost", "spending"})})
HIS_COMPANIES_TRIED = 3  # companies of the conversation tried for "his angel round"
# A question opening with whom it asks for ("who called Yan a 'ruthless' guy?", "谁说闫俊杰是个狠人?", "which
# investor backed ..."): the person its answer brings up is whom it was about ("闫俊杰上了谁的播客?" is still his).
_ASKS_PERSON_FIRST = re.compile(r"\W*(?:(?:and |so )?(?:who|whom)\b|which (?:\w+ )?(?:person|investor|economist|"
                                r"scientist|executive|analyst|founder|ceo|billionaire)\b|谁|哪位|哪个人)")
# "his"/"her" of a company's figure ("his angel round"): the company of the person talked about
_HIS = re.compile(r"\b(?:his|her)\b|他的|她的")
# "who else did he meet?", "他还见了谁?": others in the same event, which the last answer names if anyone does
_ELSE = re.compile(r"\b(?:who|what|where|which \w+|any(?:one|body|thing|where)|some(?:one|body)) else\b|"
                   r"还(?:有|见了?|和|跟|去了?|说了?)(?:谁|什么|哪)|(?:还|另外)(?:有|见了?|见过)(?:别人|其他人|其他)")
_DATED = re.compile(r"\b(?:19|20)\d\d\b|\b(?:January|February|March|April|May|June|July|August|September|October|"
                    r"November|December)\b|\d{4}年|\d{1,2}月")


@dataclass(frozen=True)
class Turn:
    """What the bot does with one message.

    ``kind``: "answer", "no_answer", "unclear" (a follow-up with nothing to follow), "smalltalk",
    "help", "reaction", "silent" or "too_long".
    ``reading`` is shown to the asker when the question was completed from the conversation.
    """

    kind: str
    lang: str = "en"
    answer: Answer | None = None
    resolved: Resolved | None = None
    reading: str | None = None
    smalltalk: str | None = None
    examples: tuple[str, ...] = ()
    length: int = 0


class Dialogue:
    def __init__(self, qa, conversations: Conversations | None = None, examples: Examples | None = None,
                 question_log: bool = True):
        self.qa = qa
        self.conversations = conversations
        self.examples = examples or Examples(qa.factbase.facts)
        self.question_log = question_log
        aliases = qa.factbase.aliases
        self._names = {**aliases.terms, **aliases.entities, **getattr(aliases, "attributes", {})}
        self._people = getattr(aliases, "people", frozenset())
        self._makers = dict(getattr(aliases, "makers", None) or {})
        wordings = sorted((w for term, forms in getattr(aliases, "terms", {}).items() if term.startswith(PERIOD)
                           for w in forms), key=len, reverse=True)
        self._periods = re.compile(r"(?:\bthe\s+)?(?:" + "|".join([*map(re.escape, wordings), r"\bperiod[\w-]*"])
                                   + r")(?:\s+of\b)?", re.IGNORECASE)

    def turn(self, text: str, key: str | None = None, *, addressed: bool = True, in_thread: bool = False,
             thread_context: Callable[[], Context | None] | None = None) -> Turn:
        """Decide what to do with ``text``.

        ``addressed``: a mention or a DM; otherwise an unmentioned reply in a thread, answered only
        if the bot joined that thread and the message reads as a question.  ``thread_context`` is
        asked for a subject from earlier messages of a thread the bot was mentioned into.
        """
        text = clean_input(text)
        lang = language(text)
        if len(text) > MAX_QUESTION_CHARS:
            return Turn("too_long" if addressed else "silent", lang, length=len(text))
        conversations = self.conversations if key else None
        joined = bool(conversations and (addressed or conversations.joined(key)))
        if addressed and conversations:
            conversations.join(key)
        if not addressed and self._to_someone(text):  # "Fiona, can you check the Forbes subscription?"
            return Turn("silent", lang)
        small = classify(text)
        if small == "thanks":
            if not (joined or addressed):  # (addressed with no conversation kept, as `bot ask`: a word back)
                return Turn("silent", lang)
            return Turn("reaction" if in_thread or not addressed else "smalltalk", lang, smalltalk=small)
        if small == "ack":  # "ok cool" in a thread is said to the thread, not to the bot: silence; in a DM, a word back
            return Turn("smalltalk", lang, smalltalk=small) if addressed and not in_thread else Turn("silent", lang)
        if small is not None:
            if not addressed and not (joined and (looks_like_question(text) or small == "compliment")):
                return Turn("silent", lang)
            if small == "help":
                return Turn("help", lang)
            if small == "greeting" and conversations:
                self._remember_introduced(text, key)
            return Turn("smalltalk", lang, smalltalk=small, examples=tuple(self.examples.next(lang)))
        if not addressed and not (joined and (looks_like_question(text) or is_correction(text)
                                              or self._keyword_query(text))):
            return Turn("silent", lang)
        text = without_correction(text)
        match = self.qa.match(text)
        reading = match.reading
        context = conversations.context(key) if conversations else None
        if context is None and thread_context is not None and not reading.subjects:
            context = thread_context()
        if about_itself(text) or (not match.answered and not reading.subjects and topic(text) == "identity"):
            # "are you up to date btw?" in the middle of a conversation is about the bot, not a follow-up; so is
            # "你自己是用哪个模型做的？不会是MiniMax吧" though it names MiniMax
            return Turn("smalltalk", lang, smalltalk="identity", examples=tuple(self.examples.next(lang)))
        about_last = _about_last(text, context) or self._view_in_last(text, reading, context)
        if about_last:  # "source?", "are you sure?", "他们自己怎么看?": the last answer again, quote and source
            # (the subjects the follow-up names, if any: "how does MiniMax view that risk?" is then about MiniMax)
            resolved = Resolved(text, tuple(reading.subjects) or context.subjects, context.attribute, context.years,
                                context.versions, inherited=True)
        elif match.answered and not uses_pronoun(text) and self.qa.matcher.taught(reading):
            # "Who is the CEO of StepFun?" after MiniMax's founder: StepFun is a name the team taught the bot, no
            # entity of the curated base, yet the question names its subject; it is not asked of MiniMax
            resolved = Resolved(text, tuple(reading.subjects), None, tuple(reading.years), tuple(reading.versions),
                                inherited=False)
        else:
            resolved = resolve(text, reading, context, self._wording, self._people, self._spellings, self._makers)
            resolved = self._without_replaced(resolved, context, text)
        answer, own_question = None, False
        if resolved.stranger:
            answer = replace(self.qa.answer(match), fact=None, source=None, matched_question=None, alternatives=())
        elif resolved.inherited and (about_last or self._detail_of_last(reading, context)
                                     or self._when_of_last(text, reading, context)
                                     or self._else_of_last(text, reading, context)
                                     or self._name_in_last(text, resolved, context)
                                     or self._named_in_last_again(text, context)
                                     or self._kind_in_last(text, reading, context)
                                     or self._org_in_last(text, reading, context)
                                     or self._ahead_in_last(text, reading, context)):
            answer = self._last_answer(resolved, context)
        elif resolved.inherited:
            qualified = self._with_qualifiers(resolved, context)
            completed = self.qa.answer(self.qa.match(qualified.question))
            if qualified is not resolved and not (completed.answered and (
                    resolved.attribute is None or getattr(completed.fact, "attribute", None) == resolved.attribute)):
                # "how many enterprise customers?" after the B-end's revenue: no B-end fact tells it
                completed = self.qa.answer(self.qa.match(resolved.question))
            else:
                resolved = qualified
            own = resolved.attribute in tuple(getattr(reading, "specific_attributes", ()))

            def unfit() -> bool:  # no answer yet that fits the follow-up as now read
                return not (completed.answered and self._fits_follow_up(completed, resolved, own))

            missed = unfit()
            # or answered by a fact of another attribute, the one that tells it lacking the inherited year
            other = completed.answered and getattr(completed.fact, "attribute", None) != resolved.attribute
            # or a question of its own, its subject said before ("每月现金消耗多少?"; not "how fast did it grow?",
            # "what share of revenue is that?")
            # (a balance held at a time is of no period: "那他们账上还有多少现金" after the nine-month loss)
            held_over_period = resolved.attribute in _BALANCES and any(map(is_period, resolved.years))
            if own and context is not None and resolved.years and not reading.years and (
                    missed or other or held_over_period
                    or not (is_follow_up_form(text) or asks_growth(text) or uses_pronoun(text)
                                            or _POINTS_BACK.search(fold(text))
                                            or (_terse(text, reading) and not any(map(is_period, resolved.years))))):
                # "它的付费用户有多少?" after a nine-month revenue: the year was the last question's, not
                # this one's; a fact of another period is better than none (its answer says which)
                loose, retried = self._answer_in(text, reading, replace(context, years=()))
                if retried.answered and self._fits_follow_up(retried, loose, own) and (
                        missed or getattr(retried.fact, "attribute", None) == resolved.attribute):
                    resolved, completed = loose, retried
            if context is not None and (reading.years or relative_year(text)) \
                    and any(is_period(y) for y in context.years) and not any(map(is_period, reading.years)):
                # "and in 2023?" after a nine-month figure: that year's figure, whatever its period; the
                # whole year's also when it matches better ("2022年呢?": its full-year loss, not a sum of
                # 2022 to the first nine months of 2025 that holds both)
                whole = replace(context, years=tuple(y for y in context.years if not is_period(y)),
                                question=self._without_period(context.question))
                was_unfit, score = unfit(), completed.score
                fitting = self._first_fitting(text, reading, (whole,), own)
                if fitting and (was_unfit or fitting[1].score > score):
                    resolved, completed = fitting
            if unfit() and context is not None and not own and context.attribute and _names_something(reading):
                # "资金缺口呢?" after OpenAI's net loss: not the net loss of a funding gap, the funding gap itself
                itself = replace(context, attribute=None, question=None)
                resolved, completed = self._first_fitting(text, reading, (itself,), own) or (resolved, completed)
            if not completed.answered and context is not None and context.attribute and resolved.attribute is None \
                    and uses_pronoun(text):
                # "which game company was in it?" after the angel round's size: asked of that round (its
                # funding), though worded as a question of its own
                told = replace(resolved, attribute=context.attribute, question=f"{resolved.question.rstrip('?？ ')} "
                               f"{self._wording(context.attribute, is_chinese(text))}?")
                retried = self.qa.answer(self.qa.match(told.question))
                if retried.answered and self._fits_follow_up(retried, told, own) \
                        and self.qa.matcher.tells_detail(retried.fact.id, text, TOLD_ALREADY_COVERAGE):
                    resolved, completed = told, retried  # (its words told too: not "is he married?" by his age)
            if unfit() and context is not None \
                    and resolved.subjects and set(resolved.subjects) <= self._people and _HIS.search(fold(text)):
                # "how big was his angel round?" after Yan Junjie left SenseTime to found MiniMax: his company's
                company_text = _HIS.sub(lambda m: "它的" if is_chinese(m.group()) else "its", fold(text))
                company_reading = self.qa.match(company_text).reading
                # SenseTime, which he left, has no angel round: MiniMax, which he founded, does
                about_each = (replace(context, subjects=(company,), focus=(company,), mentioned=())
                              for company in companies_talked_about(context, self._people)[:HIS_COMPANIES_TRIED])
                resolved, completed = self._first_fitting(company_text, company_reading, about_each, own) \
                    or (resolved, completed)
            people = [s for s in resolved.subjects if s in self._people]
            if unfit() and context is not None and len(people) == 1 and len(resolved.subjects) == 2 \
                    and says_they(text):
                # "how much does he say they lose a year?" after where Pedro Domingos teaches: "they" is not his
                # university, which the last answer named, but a company the conversation went through before
                them_each = (replace(context, mentioned=(*people, company))
                             for company in companies_talked_about(context, self._people)[1:HIS_COMPANIES_TRIED])
                resolved, completed = self._first_fitting(text, reading, them_each, own) or (resolved, completed)
            if not unfit() and _repeats_last(completed, context) and _answers_aside(text, match, context) \
                    and not self._tells_unnamed(text, reading, context):
                # "what's the report called?" after the gap Jefferies found: its own reading names the
                # report the conversation went through; the completed one only gives the last answer again
                resolved, own_question = replace(resolved, inherited=False), True
            elif not unfit():
                answer = completed
            elif self._tied_with_last(reading, completed, context, resolved.attribute):
                answer = self._last_answer(resolved, context)
            elif self._told_already(reading, resolved, context):  # "how many GPUs were used?": the last answer
                answer = self._last_answer(resolved, context)
            elif match.answered and (resolved.weak or (not uses_pronoun(text) and _names_something(reading))
                                     or (uses_pronoun(text) and not is_follow_up_form(text)
                                         and _names_something(reading) and _about_its_own_subjects(match, context))):
                # a question of its own after all ("What is the scaling law?", "and who said AGI is a decade away?")
                resolved, own_question = replace(resolved, inherited=False), True
            else:  # never an unrelated fact in place of the one the follow-up asks for
                answer = replace(completed, fact=None, source=None, matched_question=None)
        if not resolved.inherited:
            small_talk = match.small_talk and topic(text) != "other"  # ("happy Friday! how's it going?")
            if not own_question and not reading.subjects and not small_talk \
                    and (is_follow_up_form(text) or (uses_pronoun(text) and not match.answered)):
                # "and its valuation?" with nothing before it: whose?  Asking beats guessing a company.
                return Turn("unclear", lang)
            if not match.answered and (match.small_talk or (not reading.subjects and topic(text) in _ASIDES)):
                # (also "hi! I'm the new intern, what can you help me with?": words the base knows, asking what it does)
                return Turn("smalltalk", lang, smalltalk=topic(text), examples=tuple(self.examples.next(lang)))
            answer = self.qa.answer(match)
        if resolved.inherited and not answer.answered and match.small_talk and to_the_bot(text):
            # "do you ever sleep?", "洛阳牡丹节你去过没" in the middle of a conversation: said to the bot, naming
            # nothing the base knows, it is small talk, not a follow-up to the last question
            return Turn("smalltalk", lang, smalltalk=topic(text), examples=tuple(self.examples.next(lang)))
        if resolved.inherited:  # in the asker's language: "MiniMax — net loss — 2023", "闫俊杰 — 年龄"
            shown = resolved.describe((lambda n: self._wording(n, True)) if lang == "zh" else self._display)
        else:
            shown = None
        # what the conversation was about before (a company asked about two questions ago is still what "该公司"
        # means after a question about its founder)
        earlier = (*context.subjects, *context.mentioned) if context is not None else ()
        # ("who wrote that piece?" asks about the article: "2022 and 2023?" next goes on with the topic)
        about_the_article = context is not None and getattr(answer.fact, "attribute", None) in ABOUT_THE_ARTICLE
        if answer.answered and conversations and not about_the_article:
            about = tuple(getattr(answer.fact, "about", ()) or ())
            subjects = resolved.subjects or about[:1]
            if about and not set(subjects) & set(about) and not set(subjects) & set(reading.subjects) \
                    and set(subjects) <= self._people and about[0] not in self._people:
                # a person carried over, the answer about a company only: "上市前一共融了几轮?" after Yan Junjie's
                # angel round was answered by MiniMax's rounds, so "总额呢?" next asks MiniMax's total, not his
                subjects = about[:1]
            if uses_pronoun(text) and not resolved.inherited and set(subjects) < set(about):
                subjects = about  # "他跟閆俊杰聊了多久?" was about Jensen Huang too: "在哪裡見面的?" next means both
            revealed = [a for a in about if a in self._people and a not in subjects]
            if revealed and _ASKS_PERSON_FIRST.match(fold(text)) and not names_a_person(text) \
                    and any(s in self._people for s in subjects):  # ("who else did *he* meet?" stays his)
                # "who called Yan a 'ruthless' guy?" was answered by Huang Mingming: "which firm is he with?" is his
                subjects = (revealed[0], *(s for s in subjects if s not in self._people))
            # the attribute the answer tells, when the question named it among others ("how much has it spent
            # since it was founded?" was about spending: "and OpenAI?" next asks OpenAI's spending)
            told = getattr(answer.fact, "attribute", None)
            asked = tuple(getattr(reading, "attributes", ()))
            remembered = replace(resolved, subjects=subjects,
                                 attribute=told if told in asked else resolved.attribute or told)
            # what the answer brought up first: whom it is about, then the people it names ("According to UW
            # professor Pedro Domingos, OpenAI loses…": "他是哪间学校的?" next asks about him)
            mentioned = tuple(dict.fromkeys((*about, *self._people_named(answer), *earlier)))[:MENTIONED_KEPT]
            # a follow-up's own words need the last; a question about the last answer keeps the last question
            kept = context.question if about_last else resolved.question if resolved.inherited else text
            conversations.remember(key, remembered, answer.fact.id, kept if self.question_log else None, mentioned,
                                   self._focus(answer, reading, resolved, context))
        elif not answer.answered and conversations and reading.subjects and (not resolved.inherited or (
                is_follow_up_form(text) and not uses_pronoun(text)
                and set(reading.subjects) - set(context.subjects if context else ()))):
            # unanswered, but a question of its own naming whom it asks about ("How long was Yan an intern at
            # Baidu?"), or a follow-up turning to someone new ("and what about Zhipu?" after where Yan studied):
            # "he"/"it" next means Yan (Zhipu), not whom the conversation was about before
            conversations.remember(key, replace(resolved, subjects=tuple(reading.subjects)), None,
                                   text if self.question_log else None,
                                   tuple(dict.fromkeys(earlier))[:MENTIONED_KEPT], tuple(reading.subjects[:1]))
        return Turn("answer" if answer.answered else "no_answer", lang, answer=answer, resolved=resolved,
                    reading=shown)

    def _to_someone(self, text: str) -> bool:
        """A thread reply opening with a name the base does not know, then a comma: said to that colleague."""
        opening = _OPENS_WITH_NAME.match(text)
        name = opening and (opening.group(1) or opening.group(2))
        if not name or name.lower() in _NOT_NAMES:
            return False
        return not self.qa.matcher.read(name).subjects and not self.qa.matcher.knows(fold(name))

    def _keyword_query(self, text: str) -> bool:
        """A few words naming what the base knows and what of it is asked ("minimax 净亏损 2024"), as typed
        into a search box: a question in a thread the bot is part of, though it has no question mark."""
        folded = fold(clean_input(text))
        short = len(folded.split()) <= KEYWORD_QUERY_WORDS and len(_CJK_CHARS.findall(folded)) <= KEYWORD_QUERY_CJK
        if not short or "<@" in text:
            return False
        reading = self.qa.matcher.read(text)
        if reading.years and not reading.subjects and not set(reading.words) - {"年"}:
            return True  # a year or a period alone ("2025年前三季度", "2022"): the last question, of that year
        return bool(reading.subjects and reading.specific_attributes)

    def _fits_follow_up(self, answer: Answer, resolved: Resolved, own_attribute: bool = False) -> bool:
        return _fits(answer, resolved, own_attribute, self._makers,
                     lambda: self._entities_in(answer.fact.answer(answer.lang)))

    def _remember_introduced(self, text: str, key: str) -> None:
        """A greeting that says what the asker wants to know about ("早!我今天第一天入职,想先了解下 MiniMax"): that
        subject is what "它的创始人是谁?" asks about next."""
        subjects = tuple(self.qa.matcher.read(text).subjects)  # (its reading only: nothing to rank)
        if subjects:
            self.conversations.remember(key, Resolved(text, subjects, None, (), (), inherited=False), None,
                                        text if self.question_log else None, focus=subjects[:1])

    def _without_replaced(self, resolved: Resolved, context: Context | None, text: str) -> Resolved:
        """The follow-up, reworded from the last question, without the qualifier it replaces: "那C端呢?" after
        "MiniMax B端占总营收多少?" asks the C-end's share, not one naming both ends (aliases.yaml ``contrasts``)."""
        if not resolved.inherited or context is None or not context.question:
            return resolved
        replaced = set(self.qa.matcher.qualifiers_replaced(context.question, text))
        if not replaced:
            return resolved
        terms = self.qa.factbase.aliases.terms
        forms = sorted((form for term, spellings in terms.items() if Normalizer.term_token(term) in replaced
                        for form in (*spellings, term)), key=len, reverse=True)
        question = re.sub("|".join(map(re.escape, forms)), " ", resolved.question, flags=re.IGNORECASE)
        return replace(resolved, question=re.sub(r"\s+", " ", question).strip())

    def _with_qualifiers(self, resolved: Resolved, context: Context | None) -> Resolved:
        """The follow-up with the qualifiers of the last question it does not replace ("收入呢?" after the
        B-end's share of revenue: the B-end's revenue; aliases.yaml ``contrasts``)."""
        if context is None or not context.question:
            return resolved
        carried = self.qa.matcher.qualifiers_kept(context.question, resolved.question)
        if not carried:
            return resolved
        return replace(resolved, question=f"{resolved.question.rstrip('?？ ')} {' '.join(carried)}?",
                       qualifiers=carried)

    def _first_fitting(self, text: str, reading, contexts: Iterable[Context],
                       own: bool) -> tuple[Resolved, Answer] | None:
        """The follow-up read in each of ``contexts`` in turn (the conversation's, with something left out or
        put in): the first reading whose answer fits it, with that answer; None when none does."""
        for changed in contexts:
            loose, retried = self._answer_in(text, reading, changed)
            if retried.answered and self._fits_follow_up(retried, loose, own):
                return loose, retried
        return None

    def _answer_in(self, text: str, reading, context: Context) -> tuple[Resolved, Answer]:
        """The follow-up read in ``context`` (the conversation's, with something left out) and its answer."""
        resolved = resolve(text, reading, context, self._wording, self._people, self._spellings, self._makers)
        return resolved, self.qa.answer(self.qa.match(resolved.question))

    def _last_answer(self, resolved: Resolved, context: Context) -> Answer:
        return self.qa.answer(replace(self.qa.match(resolved.question), fact=self.qa.fact(context.fact_id),
                                      matched_question=None, comparison=None))

    def _detail_of_last(self, reading, context: Context | None) -> bool:
        """A follow-up naming only an attribute that the last answer's fact tells besides what it is filed
        under: "聊了多久?" after the podcast Yan Junjie went on is that podcast's four hours, not another
        conversation of his."""
        if context is None or not context.fact_id or reading.subjects or reading.years or reading.versions \
                or not reading.specific_attributes:
            return False
        asked, fact = reading.specific_attributes[0], self.qa.fact(context.fact_id)
        return fact is not None and getattr(fact, "attribute", None) != asked \
            and self.qa.matcher.answer_tells(context.fact_id, asked) \
            and (asked != "ranking" or not _names_something(reading)  # a rank is of something: "付费版排第几?"
                 or self.qa.matcher.tells_detail(context.fact_id, reading.question, TOLD_ALREADY_COVERAGE))

    def _tied_with_last(self, reading, completed: Answer, context: Context | None,
                        inherited: str | None = None) -> bool:
        """The completed follow-up asks an attribute the last answer's fact tells (its own, or ``inherited``: "yoy
        growth on that?" after the nine-month revenue asks that revenue's growth), and found facts too close
        to tell apart, that fact among them: the conversation tells them apart ("份额多少?" after M2's rank
        by total market share is that fact's 7.4%, not the 7.5% of the programming category, which scores
        the same)."""
        asked = (*getattr(reading, "specific_attributes", ()), inherited)[0]
        if context is None or not context.fact_id or completed.answered or not completed.alternatives or not asked:
            return False
        fact = self.qa.fact(context.fact_id)
        if fact is None or (fact.attribute != asked and not self.qa.matcher.answer_tells(context.fact_id, asked)):
            return False
        policy, best = self.qa.matcher.policy, completed.alternatives[0].score
        return best >= policy.threshold and any(
            a.fact_id == context.fact_id and a.score >= best - policy.margin for a in completed.alternatives)

    def _when_of_last(self, text: str, reading, context: Context | None) -> bool:
        """"when was that?" / "那是什么时候?" after an answer that gives a date: that answer's date, not
        the date of something else about the same subject."""
        if context is None or not context.fact_id or reading.subjects or reading.years \
                or not WHEN_ONLY.match(fold(clean_input(text))):
            return False
        fact = self.qa.fact(context.fact_id)
        if fact is None:
            return False
        asked = [a for a in getattr(reading, "specific_attributes", ()) if a != "release"]
        if asked and fact.attribute not in asked:
            return False  # "when did it go public?" after its valuation asks the listing ("come out" the last's date)
        if fact.attribute in WHEN_OF_ROLE:
            return False  # "when?" after who founded it asks when it was founded, whatever dates the founder's story
        told = f"{fact.answer_en or ''} {fact.answer_zh or ''}"
        names = [m.group() for m in _PROPER_NAME.finditer(clean_input(text).strip()) if m.start() > 0]
        if any(name.lower() not in told.lower() for name in names):
            return False  # "when was he in Beijing?" after what he said of China: not that answer's date
        return bool(_DATED.search(told))

    def _else_of_last(self, text: str, reading, context: Context | None) -> bool:
        """"who else did he meet?" right after an answer about a meeting: that answer again, which names
        whoever else it does (Lei Jun, met on the same Beijing trip)."""
        return context is not None and bool(context.fact_id) and not reading.subjects and not reading.years \
            and not getattr(reading, "besides", None) and bool(_ELSE.search(fold(clean_input(text))))

    def _name_in_last(self, text: str, resolved: Resolved, context: Context | None) -> bool:
        """"他叫什么?" about the person the last answer brought up: that answer, which names him."""
        if context is None or not context.fact_id or not resolved.subjects or not asks_name(text) \
                or not set(resolved.subjects) <= self._people or not names_a_person(text):
            return False
        fact = self.qa.fact(context.fact_id)
        return fact is not None and set(resolved.subjects) <= set(getattr(fact, "about", ()) or ())

    def _named_in_last_again(self, text: str, context: Context | None) -> bool:
        """"who's that investor again?" after Huang Mingming's words on Yan Junjie: the last answer is about
        someone, whom it names, and is asked who that was."""
        if context is None or not context.fact_id or not _says_only(_WHO_THAT, text):
            return False
        fact = self.qa.fact(context.fact_id)
        about = set(getattr(fact, "about", ()) or ()) if fact is not None else set()
        return bool(about & self._people)

    def _kind_in_last(self, text: str, reading, context: Context | None) -> bool:
        """"which ones?", "on what hardware?", "什么型号?" after how many GPUs trained M1: the last answer names
        the model of what it counted (512 H800s), when the follow-up names nothing of its own."""
        if context is None or not context.fact_id or reading.subjects or reading.years or reading.versions \
                or not _says_only(_WHICH_KIND, text):
            return False
        fact = self.qa.fact(context.fact_id)
        return fact is not None and bool(_MODEL_NAMED.search(fact.answer_en or ""))

    def _view_in_last(self, text: str, reading, context: Context | None) -> bool:
        """"what does MiniMax say about that risk?", "他们自己怎么看?" after an answer that gives their view
        (the lawsuits, which MiniMax judges 'controllable'): the last answer again."""
        if context is None or not context.fact_id or reading.years or reading.versions \
                or not _says_only(_THEIR_VIEW, text):
            return False
        fact = self.qa.fact(context.fact_id)
        if fact is None or not set(reading.subjects) <= set(getattr(fact, "about", ()) or ()):
            return False
        return bool(_VIEW_GIVEN.search(fact.answer("zh" if is_chinese(text) else "en")))

    def _org_in_last(self, text: str, reading, context: Context | None) -> bool:
        """"which university?", "his firm again?", "哪所大学?" after an answer naming one (Pedro Domingos of the
        University of Washington, Huang Mingming of Mingshi Capital): the last answer again, when the follow-up
        names nothing of its own."""
        if context is None or not context.fact_id or reading.subjects or reading.years or reading.versions:
            return False
        asked = _says_only(_WHICH_ORG, text)
        fact = self.qa.fact(context.fact_id) if asked else None
        if fact is None:
            return False
        kind = asked.group("en") or asked.group("zh")
        return bool(re.search(_ORG_NAMED[kind], fact.answer("zh" if is_chinese(text) else "en"), re.IGNORECASE))

    def _tells_unnamed(self, text: str, reading, context: Context) -> bool:
        """A follow-up naming no subject, year or model whose words the last answer's fact holds ("花了多少钱?"
        after what M1's reinforcement learning took, 512 H800s for three weeks at $537,400): that fact again,
        though read on its own another about the same company (MiniMax's spending in all) would answer."""
        return not (reading.subjects or reading.years or reading.versions or asks_name(text)) \
            and self.qa.matcher.tells_detail(context.fact_id, text, 1.0)

    def _ahead_in_last(self, text: str, reading, context: Context | None) -> bool:
        """"第一是谁?", "who beat it?" after a rank the last answer gives behind someone ("second only to
        ByteDance's Seedance 1.0"): that answer again, which names who is ahead."""
        if context is None or not context.fact_id or reading.subjects or reading.years or reading.versions \
                or not _says_only(_WHO_AHEAD, text):
            return False
        fact = self.qa.fact(context.fact_id)
        return fact is not None and bool(_BEHIND_SOMEONE.search(f"{fact.answer_en or ''} {fact.answer_zh or ''}"))

    def _told_already(self, reading, resolved: Resolved, context: Context | None) -> bool:
        """A follow-up the completed question does not find an answer for, that names no subject, year or
        model of its own and whose words the last answer's fact holds (most of their weight): asked
        about a detail of that answer ("how many GPUs were used?" after the cost of training M1, a
        fact that tells the 512 H800 GPUs)."""
        if context is None or not context.fact_id or reading.subjects or reading.years or reading.versions \
                or is_chinese(reading.question) or NEVER_TOLD & set(getattr(reading, "attributes", ())) \
                or getattr(reading, "names", None):  # (nor is "what did it say about India?" about the last)
            return False
        fact = self.qa.fact(context.fact_id)
        if fact is None:
            return False
        about = set(getattr(fact, "about", ()) or ())
        if resolved.subjects and not set(resolved.subjects) <= about | set(context.subjects):
            return False
        # ("and the market cap at that point?" after the share price on February 13: the time is the answer's)
        asked = _AT_THAT_TIME.sub(" ", fold(reading.question))
        return self.qa.matcher.tells_detail(context.fact_id, asked, TOLD_ALREADY_COVERAGE)

    def _entities_in(self, text: str) -> tuple[str, ...]:
        """The entities a text names, in the base's ids."""
        normalize = self.qa.matcher.normalize
        return tuple(filter(None, map(normalize.entity_id, sorted(normalize(text).entities))))

    def _people_named(self, answer: Answer) -> tuple[str, ...]:
        """The people an answer gives its figure on the word of ("According to University of Washington professor
        Pedro Domingos, …", "据…华盛顿大学教授Pedro Domingos指出,…"); not everyone it names (a MiniMax answer naming
        its founder leaves "佢" the company)."""
        said_by = _SAID_BY.search(answer.fact.answer(answer.lang))
        if said_by is None:
            return ()
        return tuple(e for e in self._entities_in(said_by.group(1) or said_by.group(2)) if e in self._people)

    @staticmethod
    def _focus(answer: Answer, reading, resolved: Resolved, context: Context | None) -> tuple[str, ...]:
        """What "it" will mean next: every side of a comparison, else the product rather than its maker
        ("MiniMax M2" -> M2; the reading's comparable subjects, the one the answer is about first), else the
        subject."""
        if getattr(answer, "comparison", None) is not None:
            return tuple(side.subject for side in answer.comparison.sides)
        if resolved.inherited and context is not None and set(resolved.subjects) <= set(context.subjects):
            return context.focus[:1]
        named = tuple(getattr(reading, "compared", ()) or resolved.subjects)
        if resolved.inherited:  # "它在Artificial Analysis上排第几?": "it" (M2) first, then the place it names
            named = tuple(s for s in resolved.subjects if s in named or s not in reading.subjects) or named
        # of those named, the one the answer is about ("MiniMax ... M1's reinforcement learning": M1)
        about = set(getattr(getattr(answer, "fact", None), "about", ()) or ())
        return (tuple(s for s in named if s in about) or named)[:1]

    def _without_period(self, question: str | None) -> str | None:
        """The question without the part of a year it named ("in the first three quarters of 2025" -> "in
        2025")."""
        return None if question is None else re.sub(r"\s+", " ", self._periods.sub(" ", question)).strip()

    def _spellings(self, entity: str) -> tuple[str, ...]:
        return (*self.qa.factbase.aliases.entities.get(entity, ()), entity)

    def _wording(self, name: str, chinese: bool) -> str:
        """An entity or attribute id as people write it: an entity by its usual name (listed first; in
        English its first Latin spelling), an attribute by its first wording in the asker's script."""
        if name == "identity":  # ("and M2?" after "What is MiniMax M1?": "what is", which also asks who a person is;
            name = "definition"  # "who is" would ask a person of a product)
        if chinese and name in self.qa.factbase.aliases.entities:
            return self.qa.matcher.display_name(name, chinese=True)
        forms = list(self._names.get(name, ()))
        wanted = [f for f in forms if is_chinese(f) == chinese]
        return (wanted or forms or [name.replace("_", " ")])[0]

    def _display(self, name: str) -> str:
        forms = [f for f in self._names.get(name, ()) if not is_chinese(f)]
        aliases = self.qa.factbase.aliases
        return forms[0] if forms and (name in aliases.entities or name in aliases.terms) else name.replace("_", " ")


# Questions about the last answer itself: where it comes from, whether it is sure, more of it.
_ABOUT_LAST = re.compile(
    r"(?:and |so |ok )?(?:source|sources|what'?s the source|what is the source|where(?:'s| is| does| do| are) "
    r"(?:that|this|it|these|those)(?: (?:number|figure|figures|numbers|data|stat|stats|quote|claim))? "
    r"(?:from|come from)|where did you (?:get|read|find) (?:that|this)|which (?:article|source)(?: is (?:that|it) from"
    r"| says? (?:that|so))?|are you sure|really|is that (?:right|correct|true)|how do you know|tell me more|more "
    r"(?:details|detail|info)|details|quote|(?:what'?s |what is )?your source(?: for (?:that|this))?|"
    r"source (?:please|pls|for (?:that|this))|who (?:reported|published) (?:that|this|it)|"
    r"(?:是)?(?:谁|哪家媒体|哪家)(?:报道|报导|发)的|"
    r"(?:这个|那个)?(?:说法|数据|数字|消息|信息)?的?(?:来源|出处)(?:是)?(?:哪里|哪儿|哪|什么|哪篇(?:文章)?)?(?:呢)?)|"
    r"哪篇文章|哪里看到的|确定吗|真的吗|准确吗|详细(?:说说|一点)?|"
    r"说详细点|原文(?:呢|是什么)?|"
    # the words themselves ("他原话咋说的", "exact words?", "what exactly did he say?")
    r"(?:他|她|他们|佢|佢哋)?(?:的)?原话(?:是)?(?:咋|怎么|怎样|点样)?(?:说|讲)?(?:的)?(?:是什么|是啥|呢)?|"
    r"(?:his |her |their |the )?exact (?:words|quote|wording)|(?:what )?exactly did (?:he|she|they) say|"
    r"in (?:his|her|their) own words|word for word|"
    r"(?:这个|那个)?(?:说法|数据|数字|消息)?(?:是)?出自哪(?:里|儿|篇(?:文章)?)?|"
    r"(?:这个|那个)?(?:说法|数据|数字|消息)(?:是)?(?:从)?哪(?:里|儿)来的|"
    # the currency of the figure just given: the answer says it ("wait, was that in usd?", "单位是美元吗?")
    r"(?:wait,? |hmm,? |oh,? )?(?:was|is) (?:that|this|it) (?:in )?(?:usd|us dollars|dollars|hkd|hk dollars|rmb|yuan)|"
    r"(?:in )?(?:usd|hkd|rmb) or (?:usd|hkd|rmb)|"
    r"(?:单位|币种)?是(?:美元|港元|港币|人民币)(?:吗|还是(?:美元|港元|港币|人民币))?|"
    r"(?:单位|币种)是什么|是不是(?:美金|港币|美元|港元)|是美金吗")  # (係咪 folds to 是不是)


# Asking which model or kind of thing the last answer counted: "which ones?", "on what hardware?", "什么型号"
_WHICH_KIND = re.compile(r"(?:and |so |ok )?(?:on |using )?(?:which|what) (?:ones?|kind|kinds|type|types|model|models|"
                         r"hardware|chips?|gpus?|cards?)(?: (?:were they|was it|exactly|though))?|"
                         r"(?:用的)?(?:什么|啥|哪个|哪款|哪种)(?:型号|卡|芯片|显卡|gpu)(?:的)?|型号呢?")
_MODEL_NAMED = re.compile(r"\b[A-Z]+\d+[A-Za-z]?\b")  # a model named in an answer: "H800", "A100"
# Asking what the subject of the last answer thinks of it ("what does MiniMax say about that risk?", "他们自己怎么看"),
# and an answer that gives a view ("MiniMax judges the risk as 'controllable'", "MiniMax对此的判断是…")
_THEIR_VIEW = re.compile(r"(?:and |so )?(?:what|how) (?:does|do|did) (?:the )?\w+ "
                         r"(?:say|think|view|see|rate|assess|judge)(?: (?:about|of|on) )?(?: ?(?:that|this|it|them)"
                         r"(?: risk| issue)?)?|"
                         r"(?:what'?s|what is) (?:their|its|his|her) (?:take|view|position)(?: on (?:that|this|it))?|"
                         r"(?:那)?(?:他们|它|他|她|公司|[a-z][a-z0-9 ]{1,20})?(?:自己)?"
                         r"(?:怎么看|怎么说|怎么评价|什么看法|如何看待|咋看)"
                         r"(?:的)?(?:这事|这件事|这个事|此事|这个)?(?:的)?(?:呢)?")
_VIEW_GIVEN = re.compile(r"\b(?:judges?|judged|says?|said|believes?|considers?|views?)\b|认为|判断|表示|看来|坦言")
# Asking which organisation of a kind ("which university?", "his firm again?", "哪所大学?") the last answer named:
# the kind asked, and the words an answer naming one of that kind holds ("University of Washington", "明势资本")
_WHICH_ORG = re.compile(r"(?:and |so |ok )?(?:which|what|(?:his|her|their|its)) (?P<en>university|school|college|firm|"
                        r"fund|vc|vc firm|exchange|bank)(?: (?:was (?:it|that)|is (?:it|that)|again|exactly))*|"
                        r"(?:他|她|他们|这人|那人|这个人|那个人|这位|那位)?(?:是|在)?(?:哪所|哪个|哪家|什么|的)"
                        r"(?P<zh>大学|学校|机构|基金|资本|交易所|银行)(?:的)?(?:来着|呢|啊)?")
_ORG_NAMED = {"university": r"universit|大学", "school": r"universit|school|college|大学|学院|学校",
              "college": r"universit|college|大学|学院", "firm": r"capital|ventures|partners|资本|基金|创投",
              "fund": r"capital|fund|ventures|资本|基金", "vc": r"capital|ventures|资本|创投",
              "vc firm": r"capital|ventures|资本|创投", "exchange": r"exchange|交易所", "bank": r"bank|银行",
              "大学": r"大学|universit", "学校": r"大学|学院|学校|universit",
              "机构": r"资本|基金|创投|证券|银行|capital|ventures|securities|bank",
              "基金": r"基金|资本|fund|capital", "资本": r"资本|capital",
              "交易所": r"交易所|exchange", "银行": r"银行|bank"}
# Asking who is ahead of a rank just given ("第一是谁?", "who beat it?", "what came first?"), and an answer naming
# whom a rank is behind ("仅次于字节的Seedance 1.0", "second only to Seedance 1.0")
_WHO_AHEAD = re.compile(r"(?:and |so |then )?(?:who|what|which(?: one| model)?)(?:'s| is| was)? (?:beat|beats|ahead of|"
                        r"first|number one|no\.? ?1|#1|top|in first(?: place)?|the (?:first|top|winner|leader))"
                        r"(?: (?:it|them|that|one|place|then))?|"
                        r"(?:那)?(?:第一|第一名|排第一的|头名|冠军)(?:是)?(?:谁|哪个|哪家|什么)(?:呢|啊)?|"
                        r"(?:那)?(?:谁|哪个|什么)(?:是)?(?:第一|第一名|排第一)(?:呢|啊)?|(?:被)?谁(?:超过|压过|排在前面)了?")
_BEHIND_SOMEONE = re.compile(r"仅次于|second (?:only )?to|behind|trail(?:s|ed|ing)?|排在.{1,20}之后", re.IGNORECASE)
# Asking who someone the last answer named was: "who's that investor again?", "那位投资人是谁来着?"
_WHO_THAT = re.compile(r"(?:and |so |sorry |wait )?who(?:'s| is| was) (?:that|this) (?:\w+ ){0,2}?\w+(?: again)?|"
                       r"(?:那|这)(?:个|位)\S{0,4}是谁(?:来着|啊)?")


def _says_only(pattern: re.Pattern, text: str) -> re.Match | None:
    """The match when the message, folded and without its closing punctuation, is all ``pattern``."""
    return pattern.fullmatch(fold(clean_input(text)).strip(" ?？!！.。"))


def _about_last(text: str, context: Context | None) -> bool:
    if context is None or not context.fact_id:
        return False
    return bool(_ABOUT_LAST.fullmatch(fold(clean_input(text)).strip(" ?？!！.。,，")))


def _repeats_last(answer: Answer, context: Context | None) -> bool:
    return context is not None and answer.fact is not None and answer.fact.id == context.fact_id


def _answers_aside(text: str, match, context: Context) -> bool:
    """Whether the follow-up read on its own is answered by another fact, about something the conversation
    went through (asked about or brought up): a new question about it, not one about the last answer."""
    fact = match.fact if match.answered else None
    if fact is None or fact.id == context.fact_id or match.small_talk:
        return False
    if (match.reading.subjects or match.reading.versions) and (is_follow_up_form(text) or not match.reading.words):
        return False  # "DeepSeek 呢?", "DeepSeek?" swap the subject: the last question about it
    return bool(set(getattr(fact, "about", ()) or ()) & {*context.subjects, *context.mentioned})


def _about_its_own_subjects(match, context: Context | None) -> bool:
    """The follow-up names subjects of its own and, read on its own, is answered by a fact about them and
    otherwise only about what the conversation went through: "Monks 用它降本多少?" after Vbot's use of
    MiniMax is Monks's saving with MiniMax (not, after Hailuo, "where did it rank on Artificial Analysis?"
    answered with M2's rank there)."""
    subjects = set(getattr(match.reading, "subjects", ()) or ())
    about = set(getattr(match.fact, "about", ()) or ())
    talked = set(context.subjects) | set(context.mentioned) if context is not None else set()
    return bool(subjects) and subjects <= about and about - subjects <= talked


def _names_something(reading) -> bool:
    """Whether a follow-up says what it asks in words the base knows (two Chinese characters or a Latin
    word), beyond a subject, year or attribute: "资金缺口呢?", "and the funding gap?"."""
    return any(w not in reading.unknown and (len(w) > 1 or w.isascii()) for w in reading.words)


def _fits(answer: Answer, resolved: Resolved, own_attribute: bool, makers: dict[str, str],
          named: Callable[[], Iterable[str]]) -> bool:
    """An answer to a completed follow-up must be about (one of) its subjects, or the maker of one (``makers``,
    aliases.yaml: "who runs it?" of Hailuo is MiniMax's CEO), and tell its attribute, when
    the attribute was inherited; an attribute the follow-up names itself ("how much cash does it hold?")
    is weighed by the matcher as for any question (a fact of another attribute must score high or cover
    what the question says besides it), and may then be answered by a fact about someone else that names its
    subject (``named``: the entities the answer names): "他的天使投资方是哪家?" of Yan by Huang Mingming's fact."""
    fact = answer.fact
    about = set(getattr(fact, "about", ()) or ())
    if not own_attribute:
        # (a fact about a product of theirs is about them too: "what was their first linear attention model
        # called?" after MiniMax's first MoE model is told by Text-01's fact; not so when the follow-up names
        # its own attribute, "and its revenue?" of MiniMax is not Hailuo's)
        about |= {makers[a] for a in about if a in makers}
    comparison = getattr(answer, "comparison", None)  # each side is about its own subject
    subjects = set(resolved.subjects)
    subjects |= {makers[s] for s in resolved.subjects if s in makers}  # ("who runs it?" of Hailuo: MiniMax's)
    if about and subjects and comparison is None and not subjects & about:
        return own_attribute and bool(set(resolved.subjects) & set(named()))
    attribute = getattr(fact, "attribute", None)
    return own_attribute or not (attribute and resolved.attribute and attribute != resolved.attribute
                                 and frozenset((attribute, resolved.attribute)) not in _ALIKE_ATTRIBUTES)


def _terse(text: str, reading) -> bool:
    """An attribute named alone, with no subject and no question word ("net loss?", "净亏损?")."""
    folded = fold(clean_input(text)).strip()
    return bool(reading.attributes) and not reading.subjects and not _WH_WORD.search(folded) \
        and bool(_TERSE.fullmatch(folded)) and (not is_chinese(folded) or len(folded.rstrip("?？")) <= _TERSE_CJK_CHARS)
