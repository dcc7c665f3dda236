"""Split a JSON Schema document of named definitions into parts that datamodel-code-generator
can run on at once, one process a part, each part owning some of the definitions.

A part holds the definitions it owns and every definition they refer to, directly or
not, so the tool sees each owned definition exactly as in the whole document and writes
the same class for it; a part's classes for definitions it does not own are dropped.
tests/test_model_generation.py holds the classes of the parts to the whole document's.

The tool's time grows with the definitions it is given, so the parts are balanced by
the size of what each holds, closures included: a definition goes to the part whose
size it raises least above the largest, ties to the part it adds least to, then to the
first. The split depends only on the document and the number of parts."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

DEFINITION_REF = "#/$defs/"


@dataclass(frozen=True)
class Part:
    document: dict[str, Any]
    owned: frozenset[str]


def split_document(document: Mapping[str, Any], parts: int) -> list[Part]:
    """At most `parts` parts, none empty; one part (the whole document) when the
    definitions cannot be shared out."""
    definitions: Mapping[str, Any] = document["$defs"]
    if parts < 2 or len(definitions) < 2:
        return [Part(dict(document), frozenset(definitions))]
    weight = {name: len(json.dumps(definition, sort_keys=True)) for name, definition in definitions.items()}
    refers_to = _references(definitions)
    closures = {name: _closure(name, refers_to) for name in definitions}

    def size(names: set[str]) -> int:
        return sum(weight[n] for n in names)

    held: list[set[str]] = [set() for _ in range(parts)]
    held_size = [0] * parts
    owned: list[set[str]] = [set() for _ in range(parts)]
    for name in sorted(definitions, key=lambda n: (-size(closures[n]), n)):
        added = [size(closures[name] - held[index]) for index in range(parts)]
        # The largest part besides each: the largest of all, or for that part the second.
        first, second = sorted(range(parts), key=lambda i: -held_size[i])[:2]
        costs = [
            (max(held_size[i] + added[i], held_size[second if i == first else first]), added[i], i) for i in range(parts)
        ]
        chosen = min(costs)[2]
        held[chosen] |= closures[name]
        held_size[chosen] += added[chosen]
        owned[chosen].add(name)
    return [
        Part({**document, "$defs": {n: definitions[n] for n in sorted(part)}}, frozenset(mine))
        for part, mine in zip(held, owned, strict=True)
        if mine
    ]


def closed_document(document: Mapping[str, Any], names: Iterable[str]) -> dict[str, Any]:
    """The document with only these definitions and every one they refer to."""
    definitions: Mapping[str, Any] = document["$defs"]
    refers_to = _references(definitions)
    held = set().union(*(_closure(name, refers_to) for name in names))
    return {**document, "$defs": {name: definitions[name] for name in sorted(held)}}


def _references(definitions: Mapping[str, Any]) -> dict[str, set[str]]:
    """Each definition's names of the definitions it refers to directly."""
    names = set(definitions)
    return {name: set(_referenced(definition)) & names for name, definition in definitions.items()}


def _referenced(node: Any) -> Iterator[str]:
    if isinstance(node, dict):
        ref = node.get("$ref")
        if isinstance(ref, str) and ref.startswith(DEFINITION_REF):
            yield ref[len(DEFINITION_REF) :]
        for value in node.values():
            yield from _referenced(value)
    elif isinstance(node, list):
        for value in node:
            yield from _referenced(value)


def _closure(name: str, refers_to: Mapping[str, set[str]]) -> set[str]:
    found: set[str] = set()
    pending = [name]
    while pending:
        current = pending.pop()
        if current not in found:
            found.add(current)
            pending += refers_to[current]
    return found
