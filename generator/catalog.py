"""The catalog's model: frozen dataclasses, each carrying the place it was declared."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from types import MappingProxyType
from typing import Any, TypeVar

from .diagnostics import Location

JsonValue = Any
NOWHERE = Location("<generated>")


def freeze(value: JsonValue) -> JsonValue:
    """A deep, read-only copy: mappings become proxies and lists tuples."""
    if isinstance(value, Mapping):
        return MappingProxyType({str(k): freeze(v) for k, v in value.items()})
    if isinstance(value, (list, tuple)):
        return tuple(freeze(v) for v in value)
    return value


def thaw(value: JsonValue) -> JsonValue:
    """Plain JSON-ready data from a frozen value."""
    # The concrete types first: a check against the Mapping ABC is several times slower,
    # and this walks every value of every schema for each JSON output.
    if isinstance(value, (str, int, float)) or value is None:
        return value
    if isinstance(value, (MappingProxyType, dict, Mapping)):
        return {k: thaw(v) for k, v in value.items()}
    if isinstance(value, tuple):
        return [thaw(v) for v in value]
    return value


def schema_refs(definition: Any) -> Iterator[str]:
    """Every schema a property refers to, directly, through its items or its oneOf."""
    if isinstance(definition, Mapping):
        if "$ref" in definition:
            yield str(definition["$ref"])
        if "items" in definition:
            yield from schema_refs(definition["items"])
        for choice in definition.get("oneOf", ()):
            yield from schema_refs(choice)


def enum_holder(definition: Mapping[str, Any]) -> Mapping[str, Any] | None:
    """Where a field's enum lives: on the field itself, or on its items for an array
    field, as the enum rules read it; None when the field has no enum."""
    if "enum" in definition:
        return definition
    items = definition.get("items")
    if isinstance(items, Mapping) and "enum" in items:
        return items
    return None


def version_key(version: str) -> tuple[int, ...]:
    return tuple(int(part) for part in version.split("."))


@dataclass(frozen=True)
class Located:
    """Where an item was declared, and where each of its keys' values sits."""

    where: Location = field(default=NOWHERE, compare=False, kw_only=True)
    spots: Mapping[str, Location] = field(
        default_factory=lambda: MappingProxyType({}), compare=False, kw_only=True, repr=False
    )

    def at(self, key: str) -> Location:
        return self.spots.get(key, self.where)


@dataclass(frozen=True)
class Region(Located):
    id: str
    title: str
    base_url: str


@dataclass(frozen=True)
class ApiFacts(Located):
    name: str
    default_version: str
    version_header: str
    default_region: str
    regions: tuple[Region, ...]
    # The remaining facts are prose and numbers that outputs only place.
    facts: Mapping[str, JsonValue]


@dataclass(frozen=True)
class Group(Located):
    id: str
    title: str
    summary: str


@dataclass(frozen=True)
class Parameter(Located):
    name: str
    location: str  # "path" or "query"
    type: str
    required: bool
    description: str


@dataclass(frozen=True)
class Endpoint(Located):
    id: str
    group: str
    method: str
    path: str
    summary: str
    access: str
    permission: str | None
    permission_note: str
    webhook: str | None
    since: str
    pagination: str
    parameters: tuple[Parameter, ...]
    request: str | None
    response: str | None
    success_status: int
    rate_limit: str
    deprecated: str = ""
    response_array: bool = False
    """The body is a JSON array of `response` objects, not one object."""
    destructive: bool = False
    """The endpoint deletes or archives what it acts on (a catalog fact, not a guess from
    the method): MCP's destructiveHint."""

    @property
    def action(self) -> str:
        return self.id.split(".", 1)[1]


@dataclass(frozen=True)
class Permission(Located):
    name: str
    access: str
    summary: str


@dataclass(frozen=True)
class Scope(Located):
    name: str
    description: str
    grants: tuple[str, ...]


@dataclass(frozen=True)
class WebhookTopic(Located):
    topic: str
    summary: str
    permission: str
    triggered_by: tuple[str, ...]
    since: str


@dataclass(frozen=True)
class ErrorStatus(Located):
    status: int
    title: str
    codes: tuple[str, ...]
    also: tuple[int, ...]
    meaning: str
    what_to_do: str
    retryable: bool
    endpoints: tuple[str, ...] = ()
    """The endpoints that can answer with this status; empty for any endpoint."""


@dataclass(frozen=True)
class Property(Located):
    name: str
    definition: Mapping[str, JsonValue]


@dataclass(frozen=True)
class Schema(Located):
    name: str
    description: str
    properties: tuple[Property, ...]
    required: tuple[str, ...]
    """The fields a request must carry (for a schema sent in requests)."""
    additional_properties: bool
    always_sent: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))
    """The fields Intercom sends in every response holding this schema, each with the
    reason the catalog believes so; the published descriptions over-declare `required`,
    so only these are required in the client's response models."""

    def property(self, name: str) -> Property | None:
        return next((p for p in self.properties if p.name == name), None)


@dataclass(frozen=True)
class VersionRule(Located):
    kind: str
    version: str
    arguments: Mapping[str, JsonValue]
    note: str


@dataclass(frozen=True)
class ApiVersion(Located):
    version: str
    summary: str
    rules: tuple[VersionRule, ...]


T = TypeVar("T")


def _first_by(items: tuple[T, ...], key: Callable[[T], str]) -> Mapping[str, T]:
    index: dict[str, T] = {}
    for item in items:
        index.setdefault(key(item), item)
    return index


@dataclass(frozen=True)
class Catalog:
    """The API at one version. The base catalog is the oldest supported version."""

    version: str
    api: ApiFacts
    groups: tuple[Group, ...]
    endpoints: tuple[Endpoint, ...]
    permissions: tuple[Permission, ...]
    scopes: tuple[Scope, ...]
    webhooks: tuple[WebhookTopic, ...]
    errors: tuple[ErrorStatus, ...]
    schemas: tuple[Schema, ...]
    versions: tuple[ApiVersion, ...]

    @property
    def supported_versions(self) -> tuple[str, ...]:
        return tuple(v.version for v in self.versions)

    # Lookups by name go through indexes built on first use: a linear scan per lookup
    # made views cost the square of the catalog's size. The first of duplicates wins, as
    # the validator reports the others.
    @cached_property
    def _endpoints_by_id(self) -> Mapping[str, Endpoint]:
        return _first_by(self.endpoints, lambda e: e.id)

    @cached_property
    def _schemas_by_name(self) -> Mapping[str, Schema]:
        return _first_by(self.schemas, lambda s: s.name)

    @cached_property
    def _webhooks_by_topic(self) -> Mapping[str, WebhookTopic]:
        return _first_by(self.webhooks, lambda w: w.topic)

    @cached_property
    def _groups_by_id(self) -> Mapping[str, Group]:
        return _first_by(self.groups, lambda g: g.id)

    def endpoint(self, endpoint_id: str) -> Endpoint | None:
        return self._endpoints_by_id.get(endpoint_id)

    def schema(self, name: str) -> Schema | None:
        return self._schemas_by_name.get(name)

    def webhook(self, topic: str) -> WebhookTopic | None:
        return self._webhooks_by_topic.get(topic)

    def group(self, group_id: str) -> Group | None:
        return self._groups_by_id.get(group_id)

    @cached_property
    def _request_schemas(self) -> frozenset[str]:
        """Every schema a request body holds: its own and those it refers to, at any depth."""
        found: set[str] = set()
        pending = [e.request for e in self.endpoints if e.request]
        while pending:
            name = pending.pop()
            schema = self.schema(name)
            if name in found or schema is None:
                continue
            found.add(name)
            pending += [ref for p in schema.properties for ref in schema_refs(p.definition)]
        return frozenset(found)

    def required_fields(self, schema: Schema) -> tuple[str, ...]:
        """The fields an object of this schema always has. A schema a request body holds:
        what a request must carry. Any other (a response's, a webhook's, or one nothing
        holds any more) is only ever read, and Intercom omits fields its descriptions
        mark required: only what it always sends (`always_sent`)."""
        return schema.required if schema.name in self._request_schemas else tuple(schema.always_sent)

    def scopes_granting(self, permission: str | None) -> tuple[str, ...]:
        """The OAuth scopes that grant a permission, narrowest first (least privilege
        first), then by name: the one order every output lists them in."""
        if permission is None:
            return ()
        granting = sorted((s for s in self.scopes if permission in s.grants), key=lambda s: (len(s.grants), s.name))
        return tuple(s.name for s in granting)
