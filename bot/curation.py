"""Curator commands: export team facts as ``facts.yaml``-style entries, import such a file as team facts.

Everything a user wrote goes through the YAML emitter as a value (never into a comment), so
an export always parses and ``bot export | bot import --dry-run`` reproduces exactly the
exported facts.  Import validates every entry, reports duplicates (of existing facts and
within the file) by question, and saves all in one transaction, marked with a batch id that
``bot import --undo BATCH`` takes back.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

import yaml

from knowledge.factbase import yaml_problem
from knowledge.qa import QuestionAnswerer
from knowledge.teamfacts import Draft, TeamFact, TeamFactError, TeamFacts, make_draft

MAX_IMPORT = 25_000  # facts per file: far above any curator's batch, far below what strains a worker's index
EXPORT_FIELDS = ("id", "questions", "answer", "quote", "source_text", "tags", "added_by", "added_at")


def export_yaml(team: TeamFacts, since: datetime | None = None) -> str:
    """Team facts in the ``facts.yaml`` schema, plus their provenance as fields.

    To merge one into ``knowledge/facts.yaml`` a curator replaces ``source_text``/``added_by``/
    ``added_at`` with an article ``source`` and a verbatim ``quote``; ``bot check`` says what is missing.
    """
    facts = [t for t in team.active() if since is None or t.added_at >= since]
    header = f"# {len(facts)} team fact(s) exported from the bot's database.\n"
    return header + yaml.safe_dump({"facts": [_entry(t) for t in facts]}, allow_unicode=True, sort_keys=False,
                                   width=1000)


def _entry(t: TeamFact) -> dict:
    entry = {"id": t.id, "questions": list(t.draft.questions),
             "answer": {"en": t.draft.answer, "zh": t.draft.answer_zh or t.draft.answer}}
    if t.draft.quote:
        entry["quote"] = t.draft.quote
    if t.draft.source:
        entry["source_text"] = t.draft.source
    if t.draft.tags:
        entry["tags"] = list(t.draft.tags)
    entry["added_by"] = t.added_by_name
    entry["added_at"] = t.added_at.date().isoformat()
    return entry


def export_phrasings(learning) -> str:
    """Approved phrasings as a patch: for each fact id, the questions to add under its ``questions:``."""
    grouped: dict[str, list[str]] = {}
    for fact_id, question in learning.approved_export():
        grouped.setdefault(fact_id, []).append(question)
    header = ("# Approved phrasings learned from the team's picks. Merge each list into the `questions:` of\n"
              "# its fact in knowledge/facts.yaml (team facts: their own questions), then run `python -m bot check`.\n")
    return header + yaml.safe_dump({"phrasings": grouped}, allow_unicode=True, sort_keys=True, width=1000)


@dataclass
class ImportReport:
    """What an import did (or, with ``dry_run``, would do); nothing is saved when ``problems`` is non-empty."""

    drafts: list[tuple[str | None, Draft]] = field(default_factory=list)
    imported: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    duplicates: list[str] = field(default_factory=list)
    batch: str | None = None
    unreadable: bool = False  # the file itself is missing, not YAML, too big or not a facts list


def read_entries(path: Path) -> tuple[list, list[str]]:
    """The file's ``facts:`` list, or the problems that stop it being read."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except FileNotFoundError:
        return [], [f"{path}: no such file"]
    except (OSError, UnicodeDecodeError) as exc:
        return [], [f"{path}: cannot read: {getattr(exc, 'strerror', None) or exc}"]
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        return [], [yaml_problem(str(path), exc)]
    entries = data.get("facts") if isinstance(data, dict) else None
    if not isinstance(entries, list):
        return [], [f"{path}: expected a top-level 'facts:' list (the format `bot export` writes)"]
    if len(entries) > MAX_IMPORT:
        return [], [f"{path}: {len(entries):,} facts; import at most {MAX_IMPORT:,} per file (split it)"]
    return entries, []


def import_file(path: Path, team: TeamFacts, qa: QuestionAnswerer, user: str = "import",
                skip_duplicates: bool = False, dry_run: bool = False) -> ImportReport:
    """Validate every entry and report duplicates; then save all in one transaction (or nothing).

    Duplicates stop the import unless ``skip_duplicates``; with ``dry_run`` nothing is saved.
    """
    entries, problems = read_entries(path)
    report = ImportReport(problems=problems, unreadable=bool(problems))
    if problems:
        return report
    seen: dict[str, str] = {}  # question key -> label of the first entry in this file asking it
    for n, entry in enumerate(entries, 1):
        label = f"{Path(path).name}: fact {_label(entry, n)}"
        try:
            draft = _draft(entry)
        except TeamFactError as exc:
            report.problems.append(f"{label}: {exc}")
            continue
        fact_id = str(entry["id"]) if entry.get("id") else None
        question = draft.questions[0]
        if draft.key in seen:
            report.duplicates.append(f"{label}: {question!r} repeats {seen[draft.key]} in this file")
            continue
        seen[draft.key] = label
        existing = (qa.fact(fact_id) if fact_id else None) or qa.duplicate_of(question)
        if existing is None and team.active_with_key(draft.key):
            existing = qa.fact(team.active_with_key(draft.key))
        if existing is not None:
            kind = "a curated fact" if existing.source else "team fact"
            report.duplicates.append(f"{label}: {question!r} is already answered by {kind} {existing.id}")
            continue
        report.drafts.append((fact_id, draft))
    if report.problems or (report.duplicates and not skip_duplicates) or dry_run or not report.drafts:
        return report
    report.batch = "ib" + secrets.token_hex(4)
    try:
        report.imported = team.add_many(report.drafts, user, user, batch=report.batch)
    except TeamFactError as exc:
        report.problems.append(str(exc))
        report.batch = None
    return report


def undo_import(batch: str, team: TeamFacts, user: str) -> int:
    """Remove (softly, in history) every fact still active from an import batch; returns how many."""
    return team.remove_batch(team.in_batch(batch), user, user)


def _label(entry, n: int) -> str:
    return str(entry.get("id"))[:40] if isinstance(entry, dict) and entry.get("id") else f"#{n}"


def _draft(entry) -> Draft:
    """An import entry as a draft: both answer languages kept, ``source_text`` (or a free-text ``source``)."""
    if not isinstance(entry, dict):
        raise TeamFactError("expected a mapping with questions and answer")
    unknown = set(entry) - {*EXPORT_FIELDS, "source", "keywords", "as_of", "also"}
    if unknown:
        raise TeamFactError(f"unknown field(s): {', '.join(sorted(map(str, unknown)))}")
    answer, answer_zh = entry.get("answer"), None
    if isinstance(answer, dict):
        english, chinese = answer.get("en"), answer.get("zh")
        answer = english or chinese
        answer_zh = chinese if english and chinese and chinese != english else None
    questions = entry.get("questions")
    if not isinstance(questions, list):
        raise TeamFactError("questions must be a list")
    source = entry.get("source_text", entry.get("source"))
    return make_draft([str(q) for q in questions], str(answer or ""), _text(entry.get("quote")),
                      _text(source), [str(t) for t in entry.get("tags") or ()], _text(answer_zh))


def _text(value) -> str | None:
    return None if value is None else str(value)
