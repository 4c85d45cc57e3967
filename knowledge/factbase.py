"""The curated fact base: typed values, loading from YAML, and validation.

Loading collects *every* problem before failing, so a curator fixing ``facts.yaml``
sees all mistakes at once.  Each message names the file and the fact id (and the
line for YAML syntax errors); ``python -m bot check`` prints them and the bot
refuses to start with the same messages.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from knowledge.cleaning import clean_text

DATA_DIR = Path(__file__).resolve().parent
FACT_ID = re.compile(r"^[a-z0-9][a-z0-9-]{1,62}[a-z0-9]$")
CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
QUOTE_MIN, QUOTE_MAX = 12, 200
MIN_QUESTIONS = 3
MAX_ABOUT = 3
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
    about: tuple[str, ...] = ()  # the entities (aliases.yaml ``entities`` keys) the fact is about
    attribute: str | None = None  # what it tells about them (an aliases.yaml ``attributes`` key)
    added_by: str | None = None
    added_at: str | None = None
    source_text: str | None = None  # team facts: a link or free text naming where it came from

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
    """Load and validate ``sources.yaml``, ``facts.yaml`` and ``aliases.yaml`` from ``data_dir``."""
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
        mark = getattr(exc, "problem_mark", None)
        where = f" line {mark.line + 1}" if mark is not None else ""
        what = getattr(exc, "problem", None) or str(exc)
        problems.append(f"{path.name}:{where}: YAML syntax error: {what}{_fact_near(text, mark)}")
        return None


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
    return Aliases(entities=groups["entities"], terms=groups["terms"], metrics=groups["metrics"],
                   attributes=groups["attributes"])


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
    facts: list[Fact] = []
    seen: set[str] = set()
    for n, entry in enumerate(entries, 1):
        fact_problems: list[str] = []
        fact = parse_curated_fact(entry, sources, articles, fact_problems, aliases)
        fact_id = entry.get("id") if isinstance(entry, dict) and _is_text(entry.get("id")) else f"#{n}"
        if fact is not None and fact.id in seen:
            fact_problems.append(f"duplicate fact id {fact.id!r}")
        problems.extend(f"facts.yaml: fact {fact_id}: {p}" for p in fact_problems)
        if fact is not None and not fact_problems:
            seen.add(fact.id)
            facts.append(fact)
    return facts


def parse_curated_fact(
    entry: Any, sources: dict[str, Source], articles: dict[str, str] | None, problems: list[str],
    aliases: Aliases | None = None,
) -> Fact | None:
    """Check one ``facts.yaml`` entry against the schema; append problems, return the fact if sound.

    With ``aliases``, ``about`` must name 1-3 of its entities and ``attribute`` one of its attributes.
    """
    if not isinstance(entry, dict):
        problems.append("expected a mapping with id, questions, answer, quote, source")
        return None
    unknown = set(entry) - {"id", "questions", "answer", "quote", "source", "as_of", "keywords", "tags", "also",
                            "about", "attribute"}
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
        also.append(AlsoQuote(source=item["source"], quote=str(item.get("quote"))))
    as_of = entry.get("as_of")
    if as_of is not None and not re.fullmatch(r"\d{4}(-\d{2}){0,2}", str(as_of)):
        problems.append(f"as_of {as_of!r} must be YYYY, YYYY-MM or YYYY-MM-DD")
    lists = {}
    for key in ("keywords", "tags"):
        value = entry.get(key) or []
        if not isinstance(value, list):
            problems.append(f"{key} must be a list")
            value = []
        lists[key] = tuple(str(v) for v in value)
    about, attribute = _check_subject(entry, aliases, problems)
    if problems:
        return None
    return Fact(
        id=fact_id, questions=tuple(questions), answer_en=answer["en"].strip(), answer_zh=answer["zh"].strip(),
        quote=clean_text(quote), source=source, as_of=str(as_of) if as_of is not None else None,
        keywords=lists["keywords"], tags=lists["tags"], also=tuple(also), about=about, attribute=attribute,
    )


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
