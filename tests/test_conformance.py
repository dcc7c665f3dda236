"""Conformance: every resolved catalog against Intercom's OpenAPI description of its version.

For each supported version and each endpoint the catalog declares in it: the method and
path exist in that version's description; the path and query parameter names match; the
request body's field names match (the description's oneOf/anyOf/allOf variants are
flattened into the union of their fields, following $refs, as the catalog flattens them);
and the enum values of request fields, and of the fields of every schema reachable from
the endpoint's request or response whose name the description's components also use,
match; and so do the request fields every variant requires.

Every difference is listed. The deliberate ones (where the brief wins, where the catalog
flattens or simplifies on purpose) are recorded, each with its version(s), its key and a
reason, in tests/conformance_known_differences.yaml. The test fails on any difference not
recorded there, and on a recorded difference that no longer occurs (a stale entry).

The descriptions live beside a development checkout (../shared/reference); without them
the tests skip. Each description is read once per session.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML

from generator.catalog import Catalog, Endpoint, Schema
from generator.pipeline import resolve_catalog

KNOWN_DIFFERENCES = Path(__file__).with_name("conformance_known_differences.yaml")
METHODS = ("get", "put", "post", "delete", "patch")
PATH_TOKEN = re.compile(r"\{[^{}]*\}")


# --- reading a description --------------------------------------------------------------------


BLOCK_KEY = re.compile(r"^( *)([^\s#][^:]*):\s*$")


def without_media_examples(text: str) -> str:
    """The description without the `examples:`/`example:` blocks of its media types (the
    sample payloads under `application/json:` and the like), about a third of each file.
    The comparison never reads them, and ruamel's pure-Python parser is the test's cost."""
    kept: list[str] = []
    parents: list[tuple[int, str]] = []
    skipping: int | None = None
    for line in text.split("\n"):
        stripped = line.lstrip(" ")
        indent = len(line) - len(stripped)
        if skipping is not None:
            if not stripped or stripped.startswith("#") or indent > skipping:
                continue
            skipping = None
        if stripped and not stripped.startswith("#"):
            while parents and parents[-1][0] >= indent:
                parents.pop()
            match = BLOCK_KEY.match(line)
            if match:
                key = match.group(2).strip("\"'")
                parent = parents[-1][1] if parents else ""
                if key in ("examples", "example") and "/" in parent and not parent.startswith("/"):
                    skipping = indent
                    continue
                parents.append((indent, key))
        kept.append(line)
    return "\n".join(kept)


@cache
def load_description(path: Path) -> Mapping[str, Any]:
    """One version's description, parsed once per session (ruamel; its C parser when installed)."""
    document: Mapping[str, Any] = YAML(typ="safe", pure=False).load(without_media_examples(path.read_text(encoding="utf-8")))
    return document


class Description:
    """The parts of an OpenAPI description the comparison reads."""

    def __init__(self, document: Mapping[str, Any]) -> None:
        self.document = document
        self.components: Mapping[str, Any] = document.get("components", {})
        self.schemas: Mapping[str, Any] = self.components.get("schemas", {})
        self.shapes = {PATH_TOKEN.sub("{}", path): path for path in document["paths"]}

    def resolve(self, node: Any) -> Any:
        seen = 0
        while isinstance(node, Mapping) and "$ref" in node:
            parts = node["$ref"].removeprefix("#/").split("/")
            node = self.document
            for part in parts:
                node = node.get(part) if isinstance(node, Mapping) else None  # the descriptions hold a few dangling $refs
            seen += 1
            assert seen < 50, "a $ref loop"
        return node

    def find_operation(self, method: str, path: str) -> tuple[str, Mapping[str, Any]] | None:
        """The operation at exactly this path, or at the same path with path parameters named differently."""
        described = path if path in self.document["paths"] else self.shapes.get(PATH_TOKEN.sub("{}", path))
        if described is None:
            return None
        operation = self.document["paths"][described].get(method.lower())
        return (described, operation) if isinstance(operation, Mapping) else None

    def parameters(self, path: str, operation: Mapping[str, Any]) -> dict[str, str]:
        """{name: location} of the path and query parameters (path-level ones included).

        A query parameter that is an object serialized form-exploded (OpenAPI's default for
        query parameters) is sent as its properties, `?user_id=...`, so it counts as those."""
        found: dict[str, str] = {}
        for node in (*self.document["paths"][path].get("parameters", ()), *operation.get("parameters", ())):
            parameter = self.resolve(node)
            if parameter.get("in") not in ("path", "query"):
                continue
            schema = self.resolve(parameter.get("schema"))
            exploded = parameter.get("style", "form") == "form" and parameter.get("explode", True)
            if parameter["in"] == "query" and exploded and isinstance(schema, Mapping) and schema.get("type") == "object":
                found.update({name: "query" for name in self.fields(schema)})
            else:
                found[parameter["name"]] = parameter["in"]
        return found

    def request_schema(self, operation: Mapping[str, Any]) -> Any:
        body = self.resolve(operation.get("requestBody"))
        if not isinstance(body, Mapping):
            return None
        content = body.get("content", {})
        media = content.get("application/json") or next(iter(content.values()), None)
        return media.get("schema") if isinstance(media, Mapping) else None

    def fields(self, node: Any) -> dict[str, list[Any]]:
        """The union of the fields of a schema and of all its allOf/oneOf/anyOf variants:
        {field: [each variant's definition of it]}."""
        found: dict[str, list[Any]] = {}
        self._collect(node, found, set())
        return found

    def _collect(self, node: Any, found: dict[str, list[Any]], seen: set[str]) -> None:
        if isinstance(node, Mapping) and "$ref" in node:
            if node["$ref"] in seen:
                return
            seen = seen | {node["$ref"]}
        node = self.resolve(node)
        if not isinstance(node, Mapping):
            return
        for name, definition in (node.get("properties") or {}).items():
            found.setdefault(str(name), []).append(definition)
        for key in ("allOf", "oneOf", "anyOf"):
            for variant in node.get(key, ()):
                self._collect(variant, found, seen)

    def required(self, node: Any, seen: frozenset[str] = frozenset()) -> set[str]:
        """The fields every variant requires: a schema's own and its allOf parts' required
        fields, plus those that all of its oneOf (or all of its anyOf) alternatives require."""
        if isinstance(node, Mapping) and "$ref" in node:
            if node["$ref"] in seen:
                return set()
            seen = seen | {node["$ref"]}
        node = self.resolve(node)
        if not isinstance(node, Mapping):
            return set()
        found = set(node.get("required") or ())
        for part in node.get("allOf", ()):
            found |= self.required(part, seen)
        for key in ("oneOf", "anyOf"):
            alternatives = [self.required(variant, seen) for variant in node.get(key, ())]
            if alternatives:
                found |= set.intersection(*alternatives)
        return found

    def enum(self, definitions: Iterable[Any]) -> set[str] | None:
        """The values the field's definitions allow (its own enum or its items'), or None without one."""
        values: set[str] = set()
        found = False
        for definition in definitions:
            for node in self._enum_holders(definition, 0):
                found = True
                values |= {value_key(v) for v in node["enum"]}
        return values if found else None

    def _enum_holders(self, node: Any, depth: int) -> Iterator[Mapping[str, Any]]:
        node = self.resolve(node)
        if not isinstance(node, Mapping) or depth > 3:
            return
        if "enum" in node:
            yield node
        if "items" in node:
            yield from self._enum_holders(node["items"], depth + 1)
        for key in ("allOf", "oneOf", "anyOf"):
            for variant in node.get(key, ()):
                yield from self._enum_holders(variant, depth + 1)


def value_key(value: Any) -> str:
    """How an enum value is written in a difference's key: null, true, 5, text."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def catalog_enum(definition: Mapping[str, Any]) -> set[str] | None:
    for holder in (definition, definition.get("items")):
        if isinstance(holder, Mapping) and "enum" in holder:
            return {value_key(v) for v in holder["enum"]}
    return None


def catalog_refs(definition: Any) -> Iterator[str]:
    if isinstance(definition, Mapping):
        if "$ref" in definition:
            yield str(definition["$ref"])
        if "items" in definition:
            yield from catalog_refs(definition["items"])
        for choice in definition.get("oneOf", ()):
            yield from catalog_refs(choice)


def reachable(catalog: Catalog, root: str | None) -> list[Schema]:
    """The schemas a request or response body reaches, itself included, in a stable order."""
    found: dict[str, Schema] = {}
    pending = [root] if root else []
    while pending:
        schema = catalog.schema(pending.pop())
        if schema is None or schema.name in found:
            continue
        found[schema.name] = schema
        for prop in schema.properties:
            pending.extend(catalog_refs(prop.definition))
    return [found[name] for name in sorted(found)]


# --- the comparison ---------------------------------------------------------------------------


def enum_differences(where: str, catalog_values: set[str] | None, described: set[str] | None) -> Iterator[str]:
    if catalog_values is None and described is None:
        return
    ours, theirs = catalog_values or set(), described or set()
    for value in sorted(theirs - ours):
        yield f"{where}: enum value {value} only in the description"
    for value in sorted(ours - theirs):
        yield f"{where}: enum value {value} only in the catalog"


def endpoint_differences(catalog: Catalog, description: Description, endpoint: Endpoint) -> Iterator[str]:
    eid = endpoint.id
    found = description.find_operation(endpoint.method, endpoint.path)
    if found is None:
        yield f"{eid}: {endpoint.method} {endpoint.path} is not in the description"
        return
    described_path, operation = found
    if described_path != endpoint.path:
        yield f"{eid}: path {endpoint.path} is {described_path} in the description"
    # Parameters: a path parameter is matched by its position, so a renamed one is reported once, above.
    renamed = dict(zip(PATH_TOKEN.findall(described_path), PATH_TOKEN.findall(endpoint.path), strict=True))
    theirs = {renamed.get("{" + name + "}", "{" + name + "}")[1:-1]: where for name, where in description.parameters(described_path, operation).items()}
    ours = {p.name: p.location for p in endpoint.parameters}
    for name in sorted(theirs.keys() - ours.keys()):
        yield f"{eid}: {theirs[name]} parameter {name} only in the description"
    for name in sorted(ours.keys() - theirs.keys()):
        yield f"{eid}: {ours[name]} parameter {name} only in the catalog"
    for name in sorted(ours.keys() & theirs.keys()):
        if ours[name] != theirs[name]:
            yield f"{eid}: parameter {name} is in {ours[name]} here, in {theirs[name]} in the description"
    # Request body fields.
    described_body = description.request_schema(operation)
    request = catalog.schema(endpoint.request) if endpoint.request else None
    if described_body is None and request is not None:
        yield f"{eid}: request body only in the catalog"
    elif described_body is not None and request is None:
        yield f"{eid}: request body only in the description"
    elif described_body is not None and request is not None:
        described_fields = description.fields(described_body)
        our_fields = {p.name: p for p in request.properties}
        for name in sorted(described_fields.keys() - our_fields.keys()):
            yield f"{eid}: request field {name} only in the description"
        for name in sorted(our_fields.keys() - described_fields.keys()):
            yield f"{eid}: request field {name} only in the catalog"
        described_required = description.required(described_body)
        for name in sorted(described_required - set(request.required)):
            yield f"{eid}: request field {name} required only in the description"
        for name in sorted(set(request.required) - described_required):
            yield f"{eid}: request field {name} required only in the catalog"
        for name in sorted(our_fields.keys() & described_fields.keys()):
            yield from enum_differences(
                f"{eid}: request field {name}", catalog_enum(our_fields[name].definition), description.enum(described_fields[name])
            )


def schema_differences(description: Description, schema: Schema) -> Iterator[str]:
    """Enum values of the fields a catalog schema shares with the description's schema of that name."""
    described_fields = description.fields(description.schemas[schema.name])
    for prop in schema.properties:
        if prop.name in described_fields:
            yield from enum_differences(
                f"schema {schema.name}.{prop.name}", catalog_enum(prop.definition), description.enum(described_fields[prop.name])
            )


def version_differences(catalog: Catalog, description: Description) -> set[str]:
    found: set[str] = set()
    schemas: dict[str, Schema] = {}
    for endpoint in sorted(catalog.endpoints, key=lambda e: e.id):
        found.update(endpoint_differences(catalog, description, endpoint))
        for root in (endpoint.request, endpoint.response):
            for schema in reachable(catalog, root):
                if schema.name in description.schemas and schema.name != endpoint.request:
                    schemas[schema.name] = schema
    for name in sorted(schemas):
        found.update(schema_differences(description, schemas[name]))
    return found


# --- the recorded, deliberate differences -------------------------------------------------------


@dataclass(frozen=True)
class KnownDifference:
    versions: tuple[str, ...]
    key: str
    reason: str


def load_known_differences() -> list[KnownDifference]:
    document = YAML(typ="safe", pure=True).load(KNOWN_DIFFERENCES.read_text(encoding="utf-8"))
    known = []
    for index, entry in enumerate(document["differences"]):
        keys = entry.get("keys") or [entry.get("key")]
        reason = entry.get("reason")
        versions = entry.get("versions")
        assert isinstance(versions, list) and versions, f"entry {index + 1}: 'versions' must be a non-empty list"
        assert isinstance(reason, str) and reason.strip(), f"entry {index + 1}: every known difference needs a reason"
        for key in keys:
            assert isinstance(key, str) and key.strip(), f"entry {index + 1}: 'key' must be the difference's text"
            known.append(KnownDifference(tuple(str(v) for v in versions), key, reason))
    return known


# --- the tests ---------------------------------------------------------------------------------


@cache
def all_differences(reference: Path) -> Mapping[str, frozenset[str]]:
    """{version: every difference between its resolved catalog and its description}, computed once."""
    resolved = resolve_catalog()
    found = {}
    for version, catalog in resolved.versions.items():
        path = reference / version / "api.intercom.io.yaml"
        if path.is_file():
            found[version] = frozenset(version_differences(catalog, Description(load_description(path))))
    return found


@pytest.fixture
def differences(reference: Path) -> Mapping[str, frozenset[str]]:
    found = all_differences(reference)
    missing = [v for v in resolve_catalog().supported if v not in found]
    if missing:
        pytest.skip(f"no OpenAPI description for {', '.join(missing)} under {reference}")
    return found


def test_known_differences_file_is_well_formed() -> None:
    known = load_known_differences()
    supported = resolve_catalog().supported
    seen: set[tuple[str, str]] = set()
    for entry in known:
        for version in entry.versions:
            assert version in supported, f"{entry.key}: unknown version {version}"
            assert (version, entry.key) not in seen, f"{entry.key} is recorded twice for {version}"
            seen.add((version, entry.key))


def test_every_difference_from_the_description_is_known(differences: Mapping[str, frozenset[str]]) -> None:
    known = {(version, entry.key) for entry in load_known_differences() for version in entry.versions}
    unexplained = [f"{version}: {key}" for version, keys in differences.items() for key in sorted(keys) if (version, key) not in known]
    assert not unexplained, (
        f"{len(unexplained)} difference(s) between the catalog and Intercom's OpenAPI descriptions are not recorded as "
        f"deliberate in {KNOWN_DIFFERENCES.name}; fix the catalog, or record each with a reason:\n" + "\n".join(unexplained)
    )


def test_no_known_difference_is_stale(differences: Mapping[str, frozenset[str]]) -> None:
    stale = [
        f"{version}: {entry.key}"
        for entry in load_known_differences()
        for version in entry.versions
        if entry.key not in differences.get(version, frozenset())
    ]
    assert not stale, f"{len(stale)} recorded difference(s) no longer occur; remove them from {KNOWN_DIFFERENCES.name}:\n" + "\n".join(stale)


def test_every_endpoint_exists_in_its_versions_description(differences: Mapping[str, frozenset[str]]) -> None:
    """Issue 2: each endpoint, in every version it exists in, has its method and path (possibly
    with path parameters named differently, which is recorded) in that version's description."""
    missing = [f"{version}: {key}" for version, keys in differences.items() for key in sorted(keys) if key.endswith("is not in the description")]
    assert not missing, "\n".join(missing)


def test_the_comparison_finds_a_planted_difference(reference: Path) -> None:
    """The checker itself: a parameter and an enum value the description lacks are reported."""
    resolved = resolve_catalog()
    description = Description(load_description(reference / "2.15" / "api.intercom.io.yaml"))
    from dataclasses import replace

    from generator.catalog import Parameter, Property, freeze

    catalog = resolved.versions["2.15"]
    retrieve = catalog.endpoint("contacts.retrieve")
    assert retrieve is not None
    planted = replace(retrieve, parameters=(*retrieve.parameters, Parameter("planted", "query", "string", False, "")))
    agent = catalog.schema("ai_agent")
    assert agent is not None
    state = agent.property("resolution_state")
    assert state is not None
    definition = dict(state.definition)
    definition["enum"] = (*definition["enum"], "planted_value")
    planted_agent = replace(agent, properties=tuple(Property(p.name, freeze(definition)) if p.name == "resolution_state" else p for p in agent.properties))
    changed = replace(
        catalog,
        endpoints=tuple(planted if e.id == retrieve.id else e for e in catalog.endpoints),
        schemas=tuple(planted_agent if s.name == "ai_agent" else s for s in catalog.schemas),
    )
    found = version_differences(changed, description) - version_differences(catalog, description)
    assert found == {
        "contacts.retrieve: query parameter planted only in the catalog",
        "schema ai_agent.resolution_state: enum value planted_value only in the catalog",
    }


def test_dropping_media_examples_keeps_everything_the_comparison_reads() -> None:
    text = """paths:
  /things/{id}:
    post:
      requestBody:
        content:
          application/json:
            schema:
              properties:
                examples:
                  type: string
                example:
                  type: string
            examples:
              one:
                value:
                  # a comment inside
                  text: |
                    multi
                    line
            example:
              a: 1
      responses:
        '200':
          content:
            application/json:
              examples:
                two: {value: 2}
              schema:
                $ref: '#/components/schemas/thing'
"""
    loaded = YAML(typ="safe", pure=True).load(without_media_examples(text))
    media = loaded["paths"]["/things/{id}"]["post"]["requestBody"]["content"]["application/json"]
    assert media == {"schema": {"properties": {"examples": {"type": "string"}, "example": {"type": "string"}}}}
    response = loaded["paths"]["/things/{id}"]["post"]["responses"]["200"]["content"]["application/json"]
    assert response == {"schema": {"$ref": "#/components/schemas/thing"}}
