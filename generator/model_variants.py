"""The one document datamodel-code-generator is given for every version of a run, and
the classes of definitions that differ between versions, made from what they change.

Most schemas are the same in every version (269 distinct definitions among the 1,022 of
five versions), and the tool's time grows with what it is given, so it is handed each
distinct definition once. A name whose definition differs between versions gets a class
per variant (`ContactVariant2`, ...); every reference still names the plain class, so
each class's source reads the same as in a document of its version alone, and only the
variant's own `class` line is renamed back.

A variant usually changes one or two fields of a large model (a field added to Contact
in one version), and the tool would spend as long on the whole variant as on the model
itself. So where a variant differs from its name's first definition only in some
properties, the document holds just those properties under the variant's name (its
delta), and the variant's class is the first class with those fields' statements in
place of, or beside, its own (complete_variants). A field's statement depends only on
its property, whether it is required, and the classes it names, which are the same in
both. Where the tool's output does not show that plainly (a field it renamed, a statement
that is no field, a model naming itself, a field named like a name the class uses),
the variant is made whole in a second run instead. tests/test_model_generation.py holds
every class to each version's own run of the tool."""

from __future__ import annotations

import ast
import json
import keyword
from collections.abc import Collection, Mapping
from typing import Any

from .model_partition import closed_document
from .naming import variant_class

Classes = dict[str, tuple[str, list[str]]]
"""The tool's classes by name: source text and the names it mentions."""

# A variant's delta keeps the keys of its definition that are not about single properties.
PER_PROPERTY = ("properties", "required")


def union_document(
    documents: Mapping[str, Mapping[str, Any]], renamed: Collection[str] = ()
) -> tuple[dict[str, Any], dict[str, dict[str, str]], dict[str, dict[str, Any]]]:
    """One document holding each distinct definition of every version's once (a
    variant as its delta where it has one); per version, each of its class names with
    the union's class standing for it; and per variant given as a delta, the class it
    is made from (`base`) and its whole definition (`definition`). `renamed`: the field
    names the tool is told to rename (its `aliases` option)."""
    # Keys in their order: the order of a schema's properties is its fields' order.
    texts = {
        version: {name: json.dumps(definition) for name, definition in document["$defs"].items()}
        for version, document in documents.items()
    }
    taken = {name for named in texts.values() for name in named}
    seen: dict[tuple[str, str], str] = {}
    union: dict[str, Any] = {}
    variants: dict[str, dict[str, Any]] = {}
    stand_ins: dict[str, dict[str, str]] = {}
    for version, named in texts.items():
        stand_ins[version] = {}
        for name, text in named.items():
            if (name, text) not in seen:
                stand_in, variant = name, 1
                while stand_in in union or (stand_in != name and stand_in in taken):
                    variant += 1
                    stand_in = variant_class(name, variant)
                seen[name, text] = stand_in
                definition = {**documents[version]["$defs"][name], "title": stand_in}
                delta = delta_definition(union[name], definition, renamed) if stand_in != name else None
                if delta is not None:
                    variants[stand_in] = {"base": name, "definition": definition}
                union[stand_in] = definition if delta is None else delta
            stand_ins[version][name] = seen[name, text]
    first = next(iter(documents.values()))
    return {**first, "$defs": dict(sorted(union.items()))}, stand_ins, dict(sorted(variants.items()))


def delta_definition(base: Mapping[str, Any], variant: Mapping[str, Any], renamed: Collection[str] = ()) -> dict[str, Any] | None:
    """The variant with only the properties it adds or changes (a changed property may
    differ only in whether it is required); None where it differs in anything else, or
    in no property, and is given whole."""
    if not isinstance(base.get("properties"), dict) or not isinstance(variant.get("properties"), dict):
        return None
    if not all(_plain_field(name) and name not in renamed for name in [*base["properties"], *variant["properties"]]):
        return None  # the tool renames the field (`from` to `from_`): complete_variants would not take it
    if _besides_properties(base) != {**_besides_properties(variant), "title": base.get("title")}:
        return None
    base_required, required = set(base.get("required", ())), list(variant.get("required", ()))
    # Compared as text, keys in order, as the documents are told apart (union_document).
    was = {name: json.dumps(schema) for name, schema in base["properties"].items()}
    changed = [
        name
        for name, schema in variant["properties"].items()
        if was.get(name) != json.dumps(schema) or (name in base_required) != (name in required)
    ]
    if not changed or len(changed) == len(variant["properties"]):
        return None
    delta: dict[str, Any] = {**_besides_properties(variant), "properties": {n: variant["properties"][n] for n in changed}}
    if any(name in changed for name in required):
        delta["required"] = [name for name in required if name in changed]
    return delta


def _plain_field(name: str) -> bool:
    return name.isidentifier() and not keyword.iskeyword(name) and not name.startswith(("_", "model_"))


def _besides_properties(definition: Mapping[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in definition.items() if key not in PER_PROPERTY}


def complete_variants(
    classes: Classes, document: Mapping[str, Any], variants: Mapping[str, Mapping[str, Any]]
) -> tuple[Classes, list[str]]:
    """The classes with each variant's made from its base class and its delta's class;
    and the variants whose classes cannot be told that way, to be made whole."""
    definitions = document["$defs"]
    completed = dict(classes)
    whole = []
    for stand_in, variant in variants.items():
        base = variant["base"]
        text = None
        # A base class naming itself would name another class in the variant's place.
        if base not in classes[base][1]:
            base_fields = _fields(classes[base][0], definitions[base])
            delta_fields = _fields(classes[stand_in][0], definitions[stand_in])
            text = _spliced(base_fields, delta_fields, base, stand_in, list(variant["definition"]["properties"]))
        if text is None:
            whole.append(stand_in)
        else:
            completed[stand_in] = class_entry(text)
    return completed, whole


def whole_variants(document: Mapping[str, Any], variants: Mapping[str, Mapping[str, Any]], names: list[str]) -> dict[str, Any]:
    """A document of these variants' whole definitions and the definitions they refer
    to: each writes the same class as in the whole document (model_partition)."""
    whole = {**document, "$defs": {**document["$defs"], **{name: variants[name]["definition"] for name in names}}}
    return closed_document(whole, names)


Fields = tuple[str, dict[str, str]]
"""A class's lines before its first field, and each field's statement (with the
docstring after it) by property name."""


def _fields(text: str, definition: Mapping[str, Any]) -> Fields | None:
    """The class cut into its header and one statement a field, where it is plainly
    that: one field a property, in the properties' order, each named as its property,
    with nothing after the first field but fields and their docstrings."""
    node = ast.parse(text).body[0]
    assert isinstance(node, ast.ClassDef)
    lines = text.split("\n")
    starts: list[tuple[str, int]] = []
    for statement in node.body:
        if isinstance(statement, ast.AnnAssign) and isinstance(statement.target, ast.Name):
            starts.append((statement.target.id, statement.lineno))
        elif not starts:
            continue  # the class's docstring and model_config
        elif not (isinstance(statement, ast.Expr) and isinstance(statement.value, ast.Constant)):
            return None
    if not starts or [name for name, _ in starts] != list(definition["properties"]):
        return None
    ends = [line for _, line in starts[1:]] + [len(lines) + 1]
    fields = {name: "\n".join(lines[start - 1 : end - 1]) for (name, start), end in zip(starts, ends, strict=True)}
    return "\n".join(lines[: starts[0][1] - 1]), fields


def _spliced(base: Fields | None, delta: Fields | None, base_name: str, stand_in: str, order: list[str]) -> str | None:
    if base is None or delta is None:
        return None
    header = delta[0]
    if header != base[0].replace(f"class {base_name}(", f"class {stand_in}(", 1):
        return None
    text = "\n".join([header, *(delta[1][name] if name in delta[1] else base[1][name] for name in order)])
    node = ast.parse(text).body[0]
    assert isinstance(node, ast.ClassDef)
    named = {statement.target.id for statement in node.body if isinstance(statement, ast.AnnAssign) and isinstance(statement.target, ast.Name)}
    mentioned = {
        name.id
        for statement in node.body
        if isinstance(statement, ast.AnnAssign)
        for part in (statement.annotation, statement.value)
        if part is not None
        for name in ast.walk(part)
        if isinstance(name, ast.Name)
    }
    # A field named like a class or type another field mentions would shadow it in the
    # class body; the tool may then write either field otherwise than in the base.
    return None if named & mentioned else text


def class_entry(text: str, node: ast.AST | None = None) -> tuple[str, list[str]]:
    """A class's source and every name it mentions (`node`: its parsed class, if at hand)."""
    return text, sorted({n.id for n in ast.walk(node or ast.parse(text)) if isinstance(n, ast.Name)})
