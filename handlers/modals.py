"""Pure builders for the add/edit fact modal and reading its submitted values."""

from __future__ import annotations

import json
from typing import Any

from handlers.blocks import is_fact_id
from knowledge.teamfacts import LIMITS, Draft, make_draft

CALLBACK_FACT_MODAL = "fact_modal"
FIELDS = ("question", "answer", "quote", "source", "phrasings")


def fact_modal(metadata: dict[str, Any], initial: dict[str, str] | None = None) -> dict[str, Any]:
    """The form; ``metadata`` (mode, fact id, channel) travels in ``private_metadata``."""
    initial = initial or {}
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
        ],
    }


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
    return values


def draft_from_values(values: dict[str, str], tags=()) -> Draft:
    """Raises ``TeamFactError`` (with ``field``) on bad input."""
    questions = [values["question"], *values["phrasings"].splitlines()]
    return make_draft(questions, values["answer"], values["quote"], values["source"], tags)


def initial_from_draft(draft: Draft) -> dict[str, str]:
    return {"question": draft.questions[0], "answer": draft.answer, "quote": draft.quote or "",
            "source": draft.source or "", "phrasings": "\n".join(draft.questions[1:])}


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
