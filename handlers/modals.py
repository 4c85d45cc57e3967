"""Pure builders for the add/edit fact modal and reading its submitted values.

Besides question, answer, quote, source and phrasings, the form lets the author say what the fact
is *about* (names the bot knows, comma-separated) and what it *tells* (an attribute from the
vocabulary); left empty, both are inferred from the question, as the matcher does for every
team fact."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from handlers.blocks import is_fact_id
from knowledge.teamfacts import LIMITS, Draft, TeamFactError, make_draft

CALLBACK_FACT_MODAL = "fact_modal"
FIELDS = ("question", "answer", "quote", "source", "phrasings", "about")
MAX_OPTIONS = 100  # Slack's limit for a static select


@dataclass(frozen=True)
class Vocabulary:
    """The names and attributes the form offers and accepts (from ``aliases.yaml``)."""

    entities: dict[str, tuple[str, ...]] = field(default_factory=dict)  # id -> spellings
    attributes: tuple[str, ...] = ()

    @classmethod
    def of(cls, aliases) -> Vocabulary:
        return cls(dict(aliases.entities), tuple(getattr(aliases, "attributes", {}) or ()))

    def entity_ids(self, names: str) -> tuple[str, ...]:
        """Comma-separated names (any spelling, or ids) -> entity ids; ``TeamFactError`` naming unknown ones."""
        lookup = {form.casefold(): eid for eid, forms in self.entities.items() for form in (eid, *forms)}
        wanted = [n.strip() for n in names.replace("，", ",").split(",") if n.strip()]
        unknown = [n for n in wanted if n.casefold() not in lookup]
        if unknown:
            raise TeamFactError(f"I don't know {', '.join(unknown)}; use names I know (MiniMax, Zhipu, Yan Junjie…) "
                                "or leave it empty.", "about")
        if len(wanted) > 3:
            raise TeamFactError("A fact is about 3 subjects at most.", "about")
        return tuple(dict.fromkeys(lookup[n.casefold()] for n in wanted))

    def name(self, entity_id: str) -> str:
        forms = self.entities.get(entity_id) or (entity_id,)
        return forms[0]


def fact_modal(metadata: dict[str, Any], initial: dict[str, str] | None = None,
               vocabulary: Vocabulary | None = None) -> dict[str, Any]:
    """The form; ``metadata`` (mode, fact id, channel) travels in ``private_metadata``."""
    initial = initial or {}
    vocabulary = vocabulary or Vocabulary()
    editing = metadata.get("mode") == "edit"
    return {
        "type": "modal",
        "callback_id": CALLBACK_FACT_MODAL,
        "private_metadata": json.dumps(metadata)[:3000],
        "title": {"type": "plain_text", "text": "Edit fact" if editing else "Teach me a fact"},
        "submit": {"type": "plain_text", "text": "Save" if editing else "Add fact"},
        "close": {"type": "plain_text", "text": "Cancel"},
        "blocks": [
            _input("question", "Question", "How many employees does MiniMax have?", LIMITS["question"],
                   initial.get("question")),
            _input("answer", "Answer", "Self-contained: name the subject, the figure and its date.",
                   LIMITS["answer"], initial.get("answer"), multiline=True),
            _input("quote", "Quote (optional)", "Verbatim sentence from the source", LIMITS["quote"],
                   initial.get("quote"), multiline=True, optional=True),
            _input("source", "Source link or name (optional)", "https://…", LIMITS["source"],
                   initial.get("source"), optional=True),
            _input("phrasings", "Other phrasings (optional, one per line)", "MiniMax 有多少员工?",
                   LIMITS["question"] * 5, initial.get("phrasings"), multiline=True, optional=True),
            _input("about", "About (optional: who or what, comma-separated)", "MiniMax, Yan Junjie", 200,
                   initial.get("about"), optional=True),
            *_attribute_select(vocabulary.attributes, initial.get("attribute")),
        ],
    }


def _attribute_select(attributes: tuple[str, ...], selected: str | None) -> list[dict[str, Any]]:
    if not attributes:
        return []
    options = [{"text": {"type": "plain_text", "text": a.replace("_", " ")[:75]}, "value": a}
               for a in attributes[:MAX_OPTIONS]]
    element: dict[str, Any] = {"type": "static_select", "action_id": "attribute", "options": options,
                               "placeholder": {"type": "plain_text", "text": "inferred from the question"}}
    chosen = next((o for o in options if o["value"] == selected), None)
    if chosen:
        element["initial_option"] = chosen
    return [{"type": "input", "block_id": "attribute", "optional": True,
             "label": {"type": "plain_text", "text": "Tells (optional)"}, "element": element}]


def read_metadata(view: dict[str, Any]) -> dict[str, Any] | None:
    """The form's ``private_metadata`` as we wrote it, or None when it is not (forged or from an old form)."""
    try:
        data = json.loads(view.get("private_metadata") or "{}")
    except (TypeError, ValueError):
        return None
    if not isinstance(data, dict) or data.get("mode", "add") not in ("add", "edit"):
        return None
    if data.get("channel") is not None and not (isinstance(data["channel"], str) and len(data["channel"]) <= 32):
        return None
    if data.get("mode") == "edit" and not (is_fact_id(data.get("fact_id")) and isinstance(data.get("version"), int)):
        return None
    return data


def submitted_values(view: dict[str, Any]) -> dict[str, str]:
    state = view.get("state", {}).get("values", {}) if isinstance(view.get("state"), dict) else {}
    values = {}
    for name in FIELDS:
        value = ((state.get(name) or {}).get(name) or {}).get("value") if isinstance(state, dict) else None
        values[name] = value if isinstance(value, str) else ""
    selected = ((state.get("attribute") or {}).get("attribute") or {}).get("selected_option") \
        if isinstance(state, dict) else None
    values["attribute"] = selected.get("value", "") if isinstance(selected, dict) else ""
    return values


def draft_from_values(values: dict[str, str], vocabulary: Vocabulary | None = None, tags=()) -> Draft:
    """Raises ``TeamFactError`` (with ``field``) on bad input."""
    vocabulary = vocabulary or Vocabulary()
    questions = [values["question"], *values["phrasings"].splitlines()]
    about = vocabulary.entity_ids(values.get("about", ""))
    attribute = values.get("attribute") or None
    if attribute and attribute not in vocabulary.attributes:
        raise TeamFactError(f"{attribute!r} is not an attribute I know.", "attribute")
    return make_draft(questions, values["answer"], values["quote"], values["source"], tags, about=about,
                      attribute=attribute)


def initial_from_draft(draft: Draft, vocabulary: Vocabulary | None = None) -> dict[str, str]:
    vocabulary = vocabulary or Vocabulary()
    return {"question": draft.questions[0], "answer": draft.answer, "quote": draft.quote or "",
            "source": draft.source or "", "phrasings": "\n".join(draft.questions[1:]),
            "about": ", ".join(vocabulary.name(e) for e in draft.about), "attribute": draft.attribute or ""}


def _input(name: str, label: str, placeholder: str, max_length: int, initial: str | None,
           multiline: bool = False, optional: bool = False) -> dict[str, Any]:
    element: dict[str, Any] = {
        "type": "plain_text_input", "action_id": name, "multiline": multiline,
        "max_length": min(max_length, 3000),
        "placeholder": {"type": "plain_text", "text": placeholder[:150]},
    }
    if initial:
        element["initial_value"] = initial[: element["max_length"]]
    return {"type": "input", "block_id": name, "optional": optional,
            "label": {"type": "plain_text", "text": label}, "element": element}
