"""Curator commands: export team facts as ``facts.yaml`` entries, import such a file as team facts."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import yaml

from knowledge.qa import QuestionAnswerer
from knowledge.teamfacts import Draft, TeamFact, TeamFactError, TeamFacts, make_draft


def export_yaml(team: TeamFacts, since: datetime | None = None) -> str:
    """Team facts in the ``facts.yaml`` schema; provenance is kept in a comment above each entry.

    A curator adds the article ``source`` and a verbatim ``quote`` before merging, and
    ``python -m bot check`` says what is still missing.
    """
    facts = [t for t in team.active() if since is None or t.added_at >= since]
    chunks = [f"# {len(facts)} team fact(s) exported from the bot's database.\nfacts:\n"]
    for t in facts:
        chunks.append(f"  # added by @{t.added_by_name} on {t.added_at:%Y-%m-%d}"
                      + (f"; source: {t.draft.source}" if t.draft.source else "") + "\n")
        chunks.append(_indent(yaml.safe_dump([_entry(t)], allow_unicode=True, sort_keys=False, width=1000)))
    return "".join(chunks)


def _entry(t: TeamFact) -> dict:
    entry = {"id": t.id, "questions": list(t.draft.questions),
             "answer": {"en": t.draft.answer, "zh": t.draft.answer}}
    if t.draft.quote:
        entry["quote"] = t.draft.quote
    if t.draft.tags:
        entry["tags"] = list(t.draft.tags)
    return entry


def _indent(text: str) -> str:
    return "".join(f"  {line}\n" for line in text.splitlines())


@dataclass
class ImportReport:
    imported: list[str]
    problems: list[str]
    duplicates: list[str]


def import_file(path: Path, team: TeamFacts, qa: QuestionAnswerer, user: str = "import",
                skip_duplicates: bool = False) -> ImportReport:
    """Validate every entry, report duplicates, then save all in one transaction (or nothing)."""
    try:
        data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        return ImportReport([], [f"{path}: cannot read: {exc}"], [])
    entries = data.get("facts") if isinstance(data, dict) else None
    if not isinstance(entries, list):
        return ImportReport([], [f"{path}: expected a top-level 'facts:' list"], [])
    drafts: list[tuple[str | None, Draft]] = []
    problems, duplicates = [], []
    for n, entry in enumerate(entries, 1):
        label = f"{path.name}: fact {entry.get('id', f'#{n}') if isinstance(entry, dict) else f'#{n}'}"
        try:
            draft = _draft(entry)
        except TeamFactError as exc:
            problems.append(f"{label}: {exc}")
            continue
        fact_id = str(entry["id"]) if entry.get("id") else None
        existing = (qa.fact(fact_id) if fact_id else None) or qa.duplicate_of(draft.questions[0])
        if existing is not None:
            duplicates.append(f"{label}: duplicate of existing fact {existing.id}")
            continue
        drafts.append((fact_id, draft))
    if problems or (duplicates and not skip_duplicates):
        return ImportReport([], problems, duplicates)
    try:
        ids = team.add_many(drafts, user, user)
    except TeamFactError as exc:
        return ImportReport([], [str(exc)], duplicates)
    return ImportReport(ids, [], duplicates)


def _draft(entry) -> Draft:
    if not isinstance(entry, dict):
        raise TeamFactError("expected a mapping with questions and answer")
    answer = entry.get("answer")
    if isinstance(answer, dict):
        answer = answer.get("en") or answer.get("zh")
    questions = entry.get("questions")
    if not isinstance(questions, list):
        raise TeamFactError("questions must be a list")
    return make_draft([str(q) for q in questions], str(answer or ""), entry.get("quote"),
                      entry.get("source") if isinstance(entry.get("source"), str) else None, entry.get("tags") or ())
