"""The forms of an answers file: a TOML template to fill in, and its JSON Schema."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from footback.content.questions import Question, Value, conditions_on, fmt_num
from footback.core.units import amount_examples, from_km, is_amount_unit

_DISTANCE_PATTERN = r"^\s*(\d+(\.\d*)?|\.\d+)\s*(km|kms|k|kilometres?|kilometers?|mi|miles?)?\s*$"


def json_schema(
    questions: Sequence[Question], title: str, extra: Mapping[str, Any] | None = None
) -> dict[str, Any]:
    """A JSON Schema (draft 2020-12) for an answers file of these questions, and `extra`'s keys."""
    props: dict[str, Any] = {}
    for q in questions:
        prop: dict[str, Any] = {"description": q.text}
        if q.kind == "bool":
            prop["type"] = "boolean"
        elif q.kind == "choice":
            prop |= {"type": "string", "enum": q.values}
        elif q.kind == "multi":
            prop |= {"type": "array", "items": {"enum": q.values}, "uniqueItems": True}
        elif q.kind == "distance":
            top = q.maximum if q.distance_unit == "km" else round(from_km(q.maximum or 0.0, "mi"))
            prop["anyOf"] = [
                {"type": "number", "minimum": q.minimum, "maximum": top},
                {"type": "string", "pattern": _DISTANCE_PATTERN},
            ]
        else:
            prop |= _number(q)
        props[q.id] = prop
    props |= extra or {}
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": title,
        "type": "object",
        "properties": props,
        "additionalProperties": False,
    }


def _number(q: Question) -> dict[str, Any]:
    """A number's schema; one with a unit footback converts may also be text with its unit
    ("3 months", "5 ft 9"), as files and the terminal both take it."""
    number = {"type": "integer" if q.kind == "int" else "number", "minimum": q.minimum, "maximum": q.maximum}
    if not is_amount_unit(q.unit):
        return number
    text: dict[str, Any] = {"type": "string", "minLength": 1}
    if examples := amount_examples(q.unit or ""):
        text["description"] = f"an amount with its unit, e.g. {examples}"
    return {"anyOf": [number, text]}


def _toml_value(value: Value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return f'"{value}"'
    if isinstance(value, list):
        return "[" + ", ".join(f'"{v}"' for v in value) + "]"
    return fmt_num(float(value))


def toml_template(questions: Sequence[Question], part_titles: Mapping[str, str], header: str) -> str:
    """A commented answers file with every question and its no-problem answer filled in, except
    the optional ones and those a file must answer itself (left blank, commented out)."""
    lines = [f"# {line}" if line else "#" for line in header.splitlines()]
    part = None
    for q in questions:
        if q.part != part:
            part = q.part
            lines += ["", f"# --- {part_titles.get(part, part)} ---"]
        lines.append(f"# {q.text}")
        unit = f" ({q.unit})" if q.unit and not is_amount_unit(q.unit) else ""
        lines.append(f"# Allowed: {q.allowed()}{unit}")
        if q.ask_if or q.ask_if_any:
            lines.append("# Only asked when: " + ", ".join(sorted(conditions_on(q))))
        if q.optional or q.no_problem is None or q.must_answer:
            lines.append(f"# {q.id} = ")
        else:
            lines.append(f"{q.id} = {_toml_value(q.no_problem)}")
    return "\n".join(lines) + "\n"
