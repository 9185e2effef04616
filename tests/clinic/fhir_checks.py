"""Checks on a FHIR Bundle: resources parse with a FHIR library, references resolve, codes name systems."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from fhir.resources.R4B import get_fhir_model_class
from fhir.resources.R4B.bundle import Bundle

Doc = dict[str, Any]


def load_bundle(path: Path) -> Doc:
    doc: Doc = json.loads(path.read_text(encoding="utf-8"))
    return doc


def resources(doc: Doc) -> list[Doc]:
    return [e["resource"] for e in doc.get("entry", [])]


def of_type(doc: Doc, kind: str) -> list[Doc]:
    return [r for r in resources(doc) if r["resourceType"] == kind]


def validate(doc: Doc) -> None:
    """The Bundle and each resource parse as FHIR (R4B models: R4's resources, unchanged here)."""
    Bundle.model_validate(doc)
    for resource in resources(doc):
        get_fhir_model_class(resource["resourceType"]).model_validate(resource)


def _walk(node: Any) -> Iterator[tuple[str, Any]]:
    if isinstance(node, dict):
        for key, value in node.items():
            yield key, value
            yield from _walk(value)
    elif isinstance(node, list):
        for value in node:
            yield from _walk(value)


def references(doc: Doc) -> list[str]:
    return [v for k, v in _walk(resources(doc)) if k == "reference"]


def codings(doc: Doc) -> list[Doc]:
    """Every Coding: in `coding` lists, `meta.tag` and `valueCoding` (answers and their options)."""
    found: list[Doc] = []
    for key, value in _walk(doc):
        if key in ("coding", "tag"):
            found += value
        elif key == "valueCoding":
            found.append(value)
    return found


def codes_without_system(doc: Doc) -> list[Doc]:
    """Every object with a `code` (a Coding, a Quantity) that does not name its system."""
    bad: list[Doc] = []

    def visit(node: Any, parent: str) -> None:
        if isinstance(node, dict):
            # CodeSystem.concept entries define codes (their system is the CodeSystem itself).
            if (
                "code" in node
                and isinstance(node["code"], str)
                and parent != "concept"
                and "system" not in node
            ):
                bad.append(node)
            for key, value in node.items():
                visit(value, key)
        elif isinstance(node, list):
            for value in node:
                visit(value, parent)

    for resource in resources(doc):
        visit(resource, "")
    return bad
