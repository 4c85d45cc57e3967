"""The curated fact base: typed values, loading from YAML, and validation.

Loading collects *every* problem before failing, so a curator fixing ``facts.yaml``
sees all mistakes at once.  Each message names the file and the fact id (and the
line for YAML syntax errors); ``python -m bot check`` prints them and the bot
refuses to start with the same messages.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import yaml

from knowledge import figures as fig
from knowledge.cleaning import clean_text

DATA_DIR = Path(__file__).resolve().parent
FACT_ID = re.compile(r"^[a-z0-9][a-z0-9-]{1,62}[a-z0-9]$")
CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
QUOTE_MIN, QUOTE_MAX = 12, 200
MIN_QUESTIONS = 3
MAX_ABOUT = 3
AS_OF = re.compile(r"(?:approx\. )?(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?")
# Attributes whose figures change over time: a fact telling one must say when it was true (``as_of``).
SNAPSHOT_ATTRIBUTES = frozenset({
    "price", "usage", "ranking", "valuation", "market_cap", "share_price", "cash", "employees", "users",
    "market_share", "revenue", "net_loss", "gross_margin",
})
# Relative dates mean nothing once the article is old: answers say the year ("2026年", "in 2025").
RELATIVE_TIME = re.compile(
    r"今年|去年|(?<![\d十])前年|明年|(?<![\d十])[后後]年|本月|上个月|上個月|上月|下个月|下個月|下月|本周|上周|上週|下周|昨天|今天|明天|前天|近日|日前"
    r"|\b(?:this|last|next|past) (?:year|month|week|quarter)\b|\byesterday\b|\btoday\b|\btomorrow\b"
    r"|\ba (?:year|month|week) ago\b",
    re.IGNORECASE,
)
# "9月" with no year before it, and an English month with no year after it, are unanchored too.
_ZH_MONTH_NO_YEAR = re.compile(r"(?<![年\d])(?<!年 )\d{1,2} ?月(?!份?\d)")
_EN_MONTH = re.compile(rf"\b(?:{fig._MONTH_RE})\b")
# Constants a derived figure may use besides the quotes' figures (months in a year, percent).
DERIVED_CONSTANTS = (12.0, 100.0)
ATTRIBUTE_ID = re.compile(r"^[a-z][a-z_]*[a-z]$")
_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml is ~10x faster at start-up


@dataclass(frozen=True)
class Source:
    id: str
    title: str
    title_en: str
    outlet: str | None
    date: str
    file: str
    title_inferred: bool = False  # the article has no headline; the title was written from its content


@dataclass(frozen=True)
class AlsoQuote:
    source: str
    quote: str


@dataclass(frozen=True)
class Claim:
    """Another fact's answer, quote and source: the other side of a conflict, shown with the answer."""

    fact_id: str
    answer_en: str
    answer_zh: str
    quote: str | None
    source: str | None
    as_of: str | None = None

    def answer(self, lang: str) -> str:
        if lang == "zh":
            return self.answer_zh or self.answer_en
        return self.answer_en or self.answer_zh


@dataclass(frozen=True)
class Fact:
    """One claim with its phrasings, bilingual answer and the verbatim quote behind it.

    Team facts (added from Slack) reuse this type with ``source`` None and the
    author fields set; curated facts always have a ``source`` article.
    """

    id: str
    questions: tuple[str, ...]
    answer_en: str
    answer_zh: str
    quote: str | None = None
    source: str | None = None
    as_of: str | None = None
    keywords: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    also: tuple[AlsoQuote, ...] = ()
    conflicts: tuple[str, ...] = ()  # ids of facts giving a different figure or account of the same thing
    derived: tuple[str, ...] = ()  # arithmetic behind figures the answer computes ("11.02亿 / 2790万")
    about: tuple[str, ...] = ()  # the entities (aliases.yaml ``entities`` keys) the fact is about
    attribute: str | None = None  # what it tells about them (an aliases.yaml ``attributes`` key)
    added_by: str | None = None
    added_by_id: str | None = None  # team facts: the author's Slack user id (the digest may ping them, if asked)
    added_at: str | None = None
    source_text: str | None = None  # team facts: a link or free text naming where it came from
    # The conflicting facts' claims, filled in when the base is loaded, so an answer can show both sides.
    conflicting: tuple[Claim, ...] = field(default=(), compare=False, repr=False)

    def answer(self, lang: str) -> str:
        """The answer in ``lang`` ("zh" or "en"), falling back to the other language."""
        if lang == "zh":
            return self.answer_zh or self.answer_en
        return self.answer_en or self.answer_zh


@dataclass(frozen=True)
class Aliases:
    """Entity aliases and metric names (both guarded by the matcher), term synonyms (not guarded), and
    the attribute vocabulary (what a fact tells: founder, revenue, price...; not folded by the normaliser)."""

    entities: dict[str, tuple[str, ...]] = field(default_factory=dict)
    terms: dict[str, tuple[str, ...]] = field(default_factory=dict)
    metrics: dict[str, tuple[str, ...]] = field(default_factory=dict)
    attributes: dict[str, tuple[str, ...]] = field(default_factory=dict)
    people: frozenset[str] = frozenset()  # entity ids that are persons: what "he" and "she" can mean
    makers: dict[str, str] = field(default_factory=dict)  # product id -> the company that makes it
    lines: dict[str, str] = field(default_factory=dict)  # model id -> the product line it is a version of
    kinds: dict[str, tuple[str, ...]] = field(default_factory=dict)  # product id -> how people describe it
    contrasts: tuple[tuple[str, ...], ...] = ()  # term ids that exclude one another ("total" vs "activated")
    exclusive: tuple[tuple[str, ...], ...] = ()  # excluding one another as contrasts, not carried on (CEO vs CTO)


@dataclass(frozen=True)
class FactBase:
    facts: tuple[Fact, ...]
    sources: dict[str, Source]
    aliases: Aliases

    def fact(self, fact_id: str) -> Fact | None:
        return next((f for f in self.facts if f.id == fact_id), None)


class FactBaseError(Exception):
    """Raised with every problem found; ``problems`` holds one message per problem."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__("\n".join(problems))


def load_factbase(data_dir: Path = DATA_DIR, check_quotes: bool = True) -> FactBase:
    """Load and validate ``sources.yaml``, ``facts.yaml`` and ``aliases.yaml`` from ``data_dir``.

    The base is immutable, so files unchanged since the last load (same size and modification time)
    are not read again: a process that builds several answerers (tests, ``bot eval``) reads it once.
    """
    key = (str(Path(data_dir).resolve()), check_quotes, source_stamp(Path(data_dir)))
    if key in _LOADED:
        return _LOADED[key]
    base = _load(Path(data_dir), check_quotes)
    _LOADED.clear()
    _LOADED[key] = base
    return base


_LOADED: dict[tuple, FactBase] = {}


def source_stamp(data_dir: Path) -> tuple:
    """Name, size and modification time of every file the base is read from."""
    paths = [data_dir / name for name in ("sources.yaml", "facts.yaml", "aliases.yaml")]
    paths += sorted((data_dir / "articles").glob("*")) if (data_dir / "articles").is_dir() else []
    stamps = []
    for path in paths:
        try:
            stat = path.stat()
        except OSError:
            stamps.append((path.name, None))
            continue
        stamps.append((path.name, stat.st_size, stat.st_mtime_ns))
    return tuple(stamps)


def _load(data_dir: Path, check_quotes: bool) -> FactBase:
    problems: list[str] = []
    sources = _load_sources(data_dir, problems)
    aliases = _load_aliases(data_dir, problems)
    articles = _clean_articles(data_dir, sources, problems) if check_quotes else None
    facts = _load_facts(data_dir, sources, articles, aliases, problems)
    if problems:
        raise FactBaseError(problems)
    return FactBase(facts=tuple(facts), sources=sources, aliases=aliases)


def _read_yaml(path: Path, problems: list[str]) -> Any:
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        problems.append(f"{path.name}: cannot read: {exc.strerror}")
        return None
    try:
        return yaml.load(text, Loader=_YAML_LOADER)  # noqa: S506 - a safe loader, libyaml's when built
    except yaml.YAMLError as exc:
        problems.append(yaml_problem(path.name, exc, text))
        return None


def yaml_problem(name: str, exc: yaml.YAMLError, text: str | None = None) -> str:
    """"facts.yaml: line 12: YAML syntax error: …" (and, given the text, the fact the line is in)."""
    mark = getattr(exc, "problem_mark", None)
    where = f" line {mark.line + 1}" if mark is not None else ""
    what = getattr(exc, "problem", None) or str(exc)
    return f"{name}:{where}: YAML syntax error: {what}{_fact_near(text, mark) if text is not None else ''}"


def _fact_near(text: str, mark: Any) -> str:
    """Name the fact whose entry contains a YAML syntax error, if one can be found above it."""
    if mark is None:
        return ""
    for line in reversed(text.splitlines()[: mark.line + 1]):
        found = re.match(r"\s*-?\s*id:\s*([\w-]+)", line)
        if found:
            return f" (in fact {found.group(1)})"
    return ""


def _load_sources(data_dir: Path, problems: list[str]) -> dict[str, Source]:
    data = _read_yaml(data_dir / "sources.yaml", problems)
    if data is None:
        return {}
    entries = data.get("sources") if isinstance(data, dict) else None
    if not isinstance(entries, list):
        problems.append("sources.yaml: expected a top-level 'sources:' list")
        return {}
    sources: dict[str, Source] = {}
    for n, entry in enumerate(entries, 1):
        where = f"sources.yaml: source {entry.get('id', f'#{n}') if isinstance(entry, dict) else f'#{n}'}"
        if not isinstance(entry, dict):
            problems.append(f"{where}: expected a mapping")
            continue
        missing = [k for k in ("id", "title", "title_en", "date", "file") if not _is_text(entry.get(k))]
        if missing:
            problems.append(f"{where}: missing or empty {', '.join(missing)}")
            continue
        if entry["id"] in sources:
            problems.append(f"{where}: duplicate source id")
            continue
        outlet = entry.get("outlet")
        sources[entry["id"]] = Source(
            id=entry["id"], title=entry["title"], title_en=entry["title_en"],
            outlet=outlet if _is_text(outlet) else None, date=str(entry["date"]), file=entry["file"],
            title_inferred=bool(entry.get("title_inferred")),
        )
    return sources


def _load_aliases(data_dir: Path, problems: list[str]) -> Aliases:
    data = _read_yaml(data_dir / "aliases.yaml", problems)
    if data is None:
        return Aliases()
    if not isinstance(data, dict):
        problems.append("aliases.yaml: expected 'entities:', 'metrics:', 'terms:' and 'attributes:' mappings")
        return Aliases()
    groups = {}
    for section in ("entities", "metrics", "terms", "attributes"):
        raw = data.get(section) or {}
        if not isinstance(raw, dict):
            problems.append(f"aliases.yaml: '{section}' must map a name to a list of aliases")
            raw = {}
        groups[section] = {}
        for name, forms in raw.items():
            if not isinstance(forms, list) or not all(_is_text(f) for f in forms):
                problems.append(f"aliases.yaml: {section}.{name}: expected a list of non-empty strings")
                continue
            groups[section][str(name)] = tuple(str(f) for f in forms)
    owner: dict[str, str] = {}
    for name, forms in groups["attributes"].items():
        if not ATTRIBUTE_ID.match(name):
            problems.append(f"aliases.yaml: attributes.{name}: an attribute id is lower-case letters and underscores")
        for form in forms:
            other = owner.setdefault(form.casefold(), name)
            if other != name:
                problems.append(f"aliases.yaml: attributes.{name}: {form!r} is already a wording of {other}")
    people = data.get("people") or []
    if not isinstance(people, list):
        problems.append("aliases.yaml: 'people' must be a list of entity ids")
        people = []
    for person in people:
        if str(person) not in groups["entities"]:
            problems.append(f"aliases.yaml: people: {person!r} is not an entity id")
    makers = _entity_map(data, "makers", ("product", "maker"), "product ids to company ids", groups["entities"],
                         problems)
    lines = _entity_map(data, "lines", ("model", "line"), "model ids to product-line ids", groups["entities"], problems)
    kinds = _kinds(data, makers, problems)
    contrasts = _term_groups(data, "contrasts", groups["terms"], problems)
    exclusive = _term_groups(data, "exclusive", {**groups["terms"], **groups["metrics"]}, problems)
    return Aliases(entities=groups["entities"], terms=groups["terms"], metrics=groups["metrics"],
                   attributes=groups["attributes"], people=frozenset(map(str, people)),
                   makers=makers, lines=lines, kinds=kinds, contrasts=contrasts, exclusive=exclusive)


def _term_groups(data: dict, key: str, known: dict, problems: list[str]) -> tuple[tuple[str, ...], ...]:
    """aliases.yaml ``contrasts`` or ``exclusive``: groups of two or more ids of ``known`` (terms; for
    ``exclusive``, metrics too)."""
    found = data.get(key) or []
    if not isinstance(found, list) or not all(isinstance(g, list) and len(g) >= 2 for g in found):
        problems.append(f"aliases.yaml: '{key}' must be a list of lists of two or more term ids")
        return ()
    for group in found:
        problems.extend(f"aliases.yaml: {key}: {term!r} is not a term id" for term in group if str(term) not in known)
    return tuple(tuple(map(str, g)) for g in found)


def _entity_map(data: dict, key: str, roles: tuple[str, str], maps: str, entities: dict,
                problems: list[str]) -> dict[str, str]:
    """An aliases.yaml map of entity id to entity id (``makers``: product -> maker, ``lines``: model ->
    product line), both ids of every pair checked against the entities."""
    found = data.get(key) or {}
    if not isinstance(found, dict):
        problems.append(f"aliases.yaml: {key!r} must map {maps}")
        return {}
    for pair in found.items():
        for role, entity in zip(roles, pair, strict=True):
            if str(entity) not in entities:
                problems.append(f"aliases.yaml: {key}: {role} {entity!r} is not an entity id")
    return {str(k): str(v) for k, v in found.items()}


def _kinds(data: dict, makers: dict[str, str], problems: list[str]) -> dict[str, tuple[str, ...]]:
    """aliases.yaml ``kinds``: product id -> what kind of product people call it ("video app"); only products
    with a maker, since the description names the product through its maker ("MiniMax's video app")."""
    found = data.get("kinds") or {}
    if not isinstance(found, dict):
        problems.append("aliases.yaml: 'kinds' must map product ids to lists of descriptions")
        return {}
    kinds = {}
    for product, forms in found.items():
        if str(product) not in makers:
            problems.append(f"aliases.yaml: kinds: {product!r} is not a product with a maker (see 'makers')")
        elif not isinstance(forms, list) or not all(_is_text(f) for f in forms):
            problems.append(f"aliases.yaml: kinds.{product}: expected a list of non-empty strings")
        else:
            kinds[str(product)] = tuple(str(f) for f in forms)
    return kinds


def _clean_articles(data_dir: Path, sources: dict[str, Source], problems: list[str]) -> dict[str, str]:
    articles = {}
    for source in sources.values():
        path = data_dir / "articles" / source.file
        try:
            articles[source.id] = clean_text(path.read_text(encoding="utf-8"))
        except OSError:
            problems.append(f"sources.yaml: source {source.id}: article file articles/{source.file} not found")
    return articles


def _load_facts(
    data_dir: Path, sources: dict[str, Source], articles: dict[str, str] | None, aliases: Aliases,
    problems: list[str],
) -> list[Fact]:
    data = _read_yaml(data_dir / "facts.yaml", problems)
    if data is None:
        return []
    entries = data.get("facts") if isinstance(data, dict) else None
    if not isinstance(entries, list):
        problems.append("facts.yaml: expected a top-level 'facts:' list")
        return []
    # A fact's answer may cite the figures of the facts it conflicts with: the reply shows their quotes too.
    quotes_by_id: dict[str, list[str]] = {}
    for entry in entries:
        if isinstance(entry, dict) and _is_text(entry.get("id")):
            raw = [entry.get("quote"), *(a.get("quote") for a in entry.get("also") or [] if isinstance(a, dict))]
            quotes_by_id[entry["id"]] = [clean_text(q) for q in raw if _is_text(q)]
    facts: list[Fact] = []
    seen: set[str] = set()
    for n, entry in enumerate(entries, 1):
        fact_problems: list[str] = []
        fact = parse_curated_fact(entry, sources, articles, fact_problems, aliases,
                                  lambda fact_id: quotes_by_id.get(fact_id, []))
        fact_id = entry.get("id") if isinstance(entry, dict) and _is_text(entry.get("id")) else f"#{n}"
        if fact is not None and fact.id in seen:
            fact_problems.append(f"duplicate fact id {fact.id!r}")
        problems.extend(f"facts.yaml: fact {fact_id}: {p}" for p in fact_problems)
        if fact is not None and not fact_problems:
            seen.add(fact.id)
            facts.append(fact)
    return _link_conflicts(facts, set(quotes_by_id), problems)


def _link_conflicts(facts: list[Fact], all_ids: set[str], problems: list[str]) -> list[Fact]:
    """Check that every ``conflicts`` id exists and lists this fact back; give each fact the other claims.

    ``all_ids`` holds every id in the file, including facts that have problems of their own (those are
    reported already; they are not reported again here).
    """
    by_id = {f.id: f for f in facts}
    for fact in facts:
        for other_id in fact.conflicts:
            other = by_id.get(other_id)
            if other_id == fact.id:
                problems.append(f"facts.yaml: fact {fact.id}: conflicts: a fact cannot conflict with itself")
            elif other is None:
                if other_id not in all_ids:
                    problems.append(f"facts.yaml: fact {fact.id}: conflicts: {other_id!r} is not a fact id")
            elif fact.id not in other.conflicts:
                problems.append(f"facts.yaml: fact {fact.id}: conflicts: {other_id!r} does not list "
                                f"{fact.id!r} in its conflicts (they must list each other)")
    return [
        replace(f, conflicting=tuple(
            Claim(o.id, o.answer_en, o.answer_zh, o.quote, o.source, o.as_of)
            for o in (by_id[i] for i in f.conflicts if i in by_id and i != f.id)
        )) if f.conflicts else f
        for f in facts
    ]


def parse_curated_fact(
    entry: Any, sources: dict[str, Source], articles: dict[str, str] | None, problems: list[str],
    aliases: Aliases | None = None, quotes_of: Callable[[str], list[str]] | None = None,
) -> Fact | None:
    """Check one ``facts.yaml`` entry against the schema; append problems, return the fact if sound.

    With ``aliases``, ``about`` must name 1-3 of its entities and ``attribute`` one of its attributes.
    ``quotes_of(fact_id)`` gives the quotes of the facts this one ``conflicts`` with: the answer may
    cite their figures ("another article gives 39.5 months"), since the reply shows those quotes.
    """
    if not isinstance(entry, dict):
        problems.append("expected a mapping with id, questions, answer, quote, source")
        return None
    unknown = set(entry) - {"id", "questions", "answer", "quote", "source", "as_of", "keywords", "tags", "also",
                            "about", "attribute", "conflicts", "derived"}
    if unknown:
        problems.append(f"unknown field(s): {', '.join(sorted(unknown))}")
    fact_id = entry.get("id")
    if not _is_text(fact_id) or not FACT_ID.match(fact_id):
        problems.append("id must be a slug of 3-64 lower-case letters, digits and hyphens")
    questions = entry.get("questions")
    if not isinstance(questions, list) or not all(_is_text(q) for q in questions):
        problems.append("questions must be a list of non-empty strings")
        questions = []
    elif len(questions) < MIN_QUESTIONS:
        problems.append(f"needs at least {MIN_QUESTIONS} questions, has {len(questions)}")
    elif not any(CJK.search(q) for q in questions) or all(CJK.search(q) for q in questions):
        problems.append("questions need at least one English and one Chinese phrasing")
    answer = entry.get("answer")
    if not isinstance(answer, dict) or not _is_text(answer.get("en")) or not _is_text(answer.get("zh")):
        problems.append("answer must have non-empty 'en' and 'zh' texts")
        answer = {}
    source = entry.get("source")
    if source not in sources:
        problems.append(f"source {source!r} is not an id in sources.yaml")
    quote = entry.get("quote")
    _check_quote(quote, source, articles, "quote", problems)
    also = []
    for i, item in enumerate(entry.get("also") or [], 1):
        if not isinstance(item, dict) or item.get("source") not in sources:
            problems.append(f"also #{i}: needs a 'source' that is an id in sources.yaml")
            continue
        _check_quote(item.get("quote"), item["source"], articles, f"also #{i} quote", problems)
        also.append(AlsoQuote(source=item["source"], quote=clean_text(str(item.get("quote")))))
    as_of = entry.get("as_of")
    if as_of is not None and not AS_OF.fullmatch(str(as_of)):
        problems.append(f"as_of {as_of!r} must be YYYY, YYYY-MM or YYYY-MM-DD (optionally 'approx. ' first)")
    lists = {}
    for key in ("keywords", "tags", "conflicts", "derived"):
        value = entry.get(key) or []
        if isinstance(value, str) and key == "derived":
            value = [value]
        if not isinstance(value, list):
            problems.append(f"{key} must be a list")
            value = []
        lists[key] = tuple(str(v) for v in value)
    about, attribute = _check_subject(entry, aliases, problems)
    if problems:
        return None
    as_of = str(as_of) if as_of is not None else None
    texts = {"en": answer["en"].strip(), "zh": answer["zh"].strip()}
    others = [q for other in lists["conflicts"] for q in (quotes_of(other) if quotes_of else [])]
    _check_rules(texts, clean_text(quote), also, others, as_of, attribute, lists["derived"], aliases, problems)
    if problems:
        return None
    return Fact(
        id=fact_id, questions=tuple(questions), answer_en=answer["en"].strip(), answer_zh=answer["zh"].strip(),
        quote=clean_text(quote), source=source, as_of=as_of,
        keywords=lists["keywords"], tags=lists["tags"], also=tuple(also), about=about, attribute=attribute,
        conflicts=lists["conflicts"], derived=lists["derived"],
    )


def _check_rules(
    answers: dict[str, str], quote: str, also: list[AlsoQuote], conflict_quotes: list[str], as_of: str | None,
    attribute: str | None, derived: tuple[str, ...], aliases: Aliases | None, problems: list[str],
) -> None:
    """The curation rules (README, "Curation rules"): dates, figures, snapshot as-of dates, ``also`` quotes."""
    for lang, text in answers.items():
        for m in RELATIVE_TIME.finditer(text):
            problems.append(f"answer.{lang}: relative date {m.group()!r}: say the year or the date instead")
        for m in _ZH_MONTH_NO_YEAR.finditer(text):
            problems.append(f"answer.{lang}: month {m.group()!r} without its year")
        for m in _EN_MONTH.finditer(text):
            if not re.search(r"\b(?:19|20)\d\d\b", text[m.end():m.end() + 24]):
                problems.append(f"answer.{lang}: month {m.group()!r} without its year")
    if attribute in SNAPSHOT_ATTRIBUTES and as_of is None:
        problems.append(f"as_of is missing: a {attribute} figure changes over time, so say when it was true")
    date = AS_OF.fullmatch(as_of) if as_of else None
    for lang, text in answers.items():
        if date and date.group(1) not in text:
            problems.append(f"answer.{lang}: does not say its date: the fact is as of {as_of}, "
                            f"so the answer names {date.group(1)}")
    _check_figures(answers, [quote, *(a.quote for a in also), *conflict_quotes], as_of, derived, problems)
    if aliases is not None and also:
        main_values, main_entities = fig.values(quote), fig.entities_in(quote, aliases.entities)
        for i, item in enumerate(also, 1):
            shared_values = any(fig.same_value(a, b) for a in fig.values(item.quote) for b in main_values)
            if not shared_values and not main_entities & fig.entities_in(item.quote, aliases.entities):
                problems.append(f"also #{i} quote shares no figure and no named entity with the main quote: "
                                "if it is another claim, make it its own fact")


def _check_figures(
    answers: dict[str, str], quotes: list[str], as_of: str | None, derived: tuple[str, ...], problems: list[str],
) -> None:
    """Every figure in an answer is in a quote, is a date from ``as_of``, or is a declared derived figure."""
    quoted = {v for q in quotes for v in fig.values(q)}
    results = []
    for expression in derived:
        try:
            result, operands = fig.evaluate_derived(expression)
        except ValueError as exc:
            problems.append(f"derived: {exc}")
            continue
        for operand in operands:
            if not any(fig.same_value(v, q) for v in operand.values for q in (*quoted, *DERIVED_CONSTANTS)):
                problems.append(f"derived: {expression!r} uses {operand.text!r}, which is not a figure in the quote(s)")
        results.append(result)
    date = AS_OF.fullmatch(as_of) if as_of else None
    dated = {"year": date.group(1), "month": date.group(2), "day": date.group(3)} if date else {}
    for lang, text in answers.items():
        for figure in fig.figures(text):
            if any(fig.same_value(v, q) for v in figure.values for q in quoted):
                continue
            if figure.date_part and dated.get(figure.date_part) and int(dated[figure.date_part]) == figure.values[0]:
                continue
            if any(fig.matches_derived(figure, r) for r in results):
                continue
            problems.append(f"answer.{lang}: figure {figure.text!r} is not in the quote(s), the as_of date "
                            "or a derived figure")


def _check_subject(entry: dict, aliases: Aliases | None, problems: list[str]) -> tuple[tuple[str, ...], str | None]:
    """``about`` (1-3 entity ids) and ``attribute`` (one attribute id), checked against ``aliases``."""
    about, attribute = entry.get("about"), entry.get("attribute")
    if about is None or about == []:
        problems.append("about is missing: list the 1-3 entities (aliases.yaml 'entities') the fact is about")
        about = []
    elif not isinstance(about, list) or not all(_is_text(a) for a in about):
        problems.append("about must be a list of entity ids")
        about = []
    elif len(about) > MAX_ABOUT or len(set(about)) != len(about):
        problems.append(f"about must name 1-{MAX_ABOUT} different entities, has {about}")
    if attribute is None:
        problems.append("attribute is missing: name what the fact tells (an aliases.yaml 'attributes' id)")
    elif not _is_text(attribute):
        problems.append("attribute must be one attribute id")
        attribute = None
    if aliases is not None:
        for entity in about:
            if entity not in aliases.entities:
                problems.append(f"about: {entity!r} is not an entity in aliases.yaml")
        if attribute is not None and attribute not in aliases.attributes:
            problems.append(f"attribute: {attribute!r} is not an attribute in aliases.yaml")
    return tuple(str(a) for a in about), (str(attribute) if attribute is not None else None)


def _check_quote(quote: Any, source: Any, articles: dict[str, str] | None, label: str, problems: list[str]) -> None:
    if not _is_text(quote):
        problems.append(f"{label} is missing")
        return
    cleaned = clean_text(quote)
    if not QUOTE_MIN <= len(cleaned) <= QUOTE_MAX:
        problems.append(f"{label} is {len(cleaned)} characters; must be {QUOTE_MIN}-{QUOTE_MAX}")
    if articles is not None and source in articles and cleaned not in articles[source]:
        problems.append(f"{label} does not occur verbatim in article {source}: {cleaned[:60]!r}")


def _is_text(value: Any) -> bool:
    return isinstance(value, str) and bool(value.strip())
