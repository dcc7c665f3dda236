"""The operation model: each endpoint of one resolved catalog as plain, target-neutral
data. Built once per version; the Python client, the OpenAPI export and the MCP server
are thin layers over it. Nothing here knows any output language: names are the wire
names, types are JSON Schema, and identifiers are made later, in `naming.py`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cached_property
from types import MappingProxyType
from typing import Any

from .catalog import Catalog, Endpoint, Schema, freeze
from .diagnostics import CatalogError, Diagnostic

JsonSchema = Mapping[str, Any]

# Argument locations, in the order a caller usually gives them.
LOCATIONS = ("path", "query", "body")


@dataclass(frozen=True)
class Argument:
    """One value a caller gives: a path or query parameter, or a top-level field of the
    request body."""

    name: str
    """The wire name, exactly as Intercom spells it."""
    location: str
    """"path", "query" or "body"."""
    schema: JsonSchema
    """JSON Schema of the value; `$ref` names a schema of the catalog."""
    required: bool
    description: str
    enum: tuple[Any, ...]
    """The allowed values when the catalog restricts them (on the value or its items)."""
    paging: bool
    """Owned by a pager (the cursor, the page number, a search's pagination object):
    a client that pages for its caller does not expose it."""


@dataclass(frozen=True)
class Paging:
    """How a list or search endpoint pages, from the catalog's pagination facts."""

    kind: str
    """"cursor", "page" or "search"."""
    request_parameter: str
    request_object: str | None
    cursor_path: tuple[str, ...]
    total_path: tuple[str, ...]
    per_page_parameter: str
    per_page_max: int
    items_field: str
    """The response's array field that holds the records."""
    item_schema: str


@dataclass(frozen=True)
class Result:
    """What a successful call answers."""

    kind: str
    """"model" (one JSON object), "models" (a JSON array of objects), "list" (pages of
    records: see `Operation.paging`), "text", "redirect" (the Location is the result) or
    "none" (an empty body)."""
    schema: str | None
    """The response schema's name, for "model", "models" and "list"."""
    status: int
    content_type: str | None
    """The media type of the body, or None when there is no body."""


@dataclass(frozen=True)
class Operation:
    id: str
    group: str
    action: str
    method: str
    path: str
    summary: str
    access: str
    permission: str | None
    permission_note: str
    scopes: tuple[str, ...]
    webhook: str | None
    since: str
    deprecated: str
    rate_limit: str
    arguments: tuple[Argument, ...]
    request_schema: str | None
    result: Result
    paging: Paging | None
    destructive: bool = False
    """Deletes or archives what it acts on (the catalog's `destructive`)."""

    def arguments_in(self, location: str) -> tuple[Argument, ...]:
        return tuple(a for a in self.arguments if a.location == location)

    @property
    def idempotent(self) -> bool:
        return self.method in ("GET", "HEAD", "PUT", "DELETE")


@dataclass(frozen=True)
class OperationModel:
    version: str
    operations: tuple[Operation, ...]
    """Sorted by id."""
    per_page_parameter: str
    """The query parameter that sets a page's size, wherever an endpoint takes it."""

    def operation(self, operation_id: str) -> Operation | None:
        return self._by_id.get(operation_id)

    def in_group(self, group: str) -> tuple[Operation, ...]:
        return self._by_group.get(group, ())

    @cached_property
    def _by_group(self) -> Mapping[str, tuple[Operation, ...]]:
        groups: dict[str, list[Operation]] = {}
        for operation in self.operations:
            groups.setdefault(operation.group, []).append(operation)
        return {group: tuple(members) for group, members in groups.items()}

    @cached_property
    def _by_id(self) -> Mapping[str, Operation]:
        return {o.id: o for o in self.operations}


def _enum_of(definition: Mapping[str, Any]) -> tuple[Any, ...]:
    if "enum" in definition:
        return tuple(definition["enum"])
    items = definition.get("items")
    if isinstance(items, Mapping) and "enum" in items:
        return tuple(items["enum"])
    return ()


def _result(endpoint: Endpoint, paging: Paging | None) -> Result:
    if paging is not None:
        return Result("list", endpoint.response, endpoint.success_status, "application/json")
    if endpoint.response and endpoint.response_array:
        return Result("models", endpoint.response, endpoint.success_status, "application/json")
    if endpoint.response:
        return Result("model", endpoint.response, endpoint.success_status, "application/json")
    if 300 <= endpoint.success_status < 400:
        return Result("redirect", None, endpoint.success_status, None)
    if endpoint.success_status in (202, 204):
        return Result("none", None, endpoint.success_status, None)
    return Result("text", None, endpoint.success_status, "text/plain")


def _items(catalog: Catalog, endpoint: Endpoint) -> tuple[str, str]:
    """The list response's one array field of records and the records' schema."""
    schema = catalog.schema(endpoint.response or "")
    arrays = [
        (p.name, str(p.definition["items"]["$ref"]))
        for p in (schema.properties if schema else ())
        if p.definition.get("type") == "array"
        and isinstance(p.definition.get("items"), Mapping)
        and "$ref" in p.definition["items"]
    ]
    if len(arrays) != 1:
        raise CatalogError(
            [
                Diagnostic(
                    endpoint.at("response"),
                    f"endpoint {endpoint.id!r} pages with {endpoint.pagination!r}, so its response schema needs exactly one array field of records",
                    f"found {len(arrays)} in schema {endpoint.response!r}",
                )
            ]
        )
    return arrays[0]


def _paging(catalog: Catalog, endpoint: Endpoint) -> Paging | None:
    if endpoint.pagination == "none":
        return None
    facts = catalog.api.facts["pagination"]
    kind = facts[endpoint.pagination]
    items_field, item_schema = _items(catalog, endpoint)

    def path(field: str | None) -> tuple[str, ...]:
        return tuple(field.split(".")) if field else ()

    return Paging(
        kind=endpoint.pagination,
        request_parameter=str(kind["request_parameter"]),
        request_object=kind.get("request_object"),
        cursor_path=path(kind["response_field"]),
        total_path=path(kind.get("total_field")),
        per_page_parameter=str(facts["per_page_parameter"]),
        per_page_max=int(facts["per_page_max"]),
        items_field=items_field,
        item_schema=item_schema,
    )


def _arguments(catalog: Catalog, endpoint: Endpoint, paging: Paging | None) -> tuple[Argument, ...]:
    owned: set[str] = set()
    if paging is not None:
        facts = catalog.api.facts["pagination"]
        owned = {str(facts[kind]["request_parameter"]) for kind in ("cursor", "page")}
    arguments = [
        Argument(
            name=p.name,
            location=p.location,
            schema=MappingProxyType({"type": p.type}),
            required=p.required,
            description=" ".join(p.description.split()),
            enum=(),
            paging=p.name in owned,
        )
        for p in endpoint.parameters
    ]
    request: Schema | None = catalog.schema(endpoint.request) if endpoint.request else None
    search_object = paging.request_object if paging is not None and paging.kind == "search" else None
    for prop in request.properties if request else ():
        arguments.append(
            Argument(
                name=prop.name,
                location="body",
                schema=freeze(dict(prop.definition)),
                required=prop.name in request.required if request else False,
                description=" ".join(str(prop.definition.get("description", "")).split()),
                enum=_enum_of(prop.definition),
                paging=prop.name == search_object,
            )
        )
    return tuple(arguments)


def build_operation(catalog: Catalog, endpoint: Endpoint) -> Operation:
    paging = _paging(catalog, endpoint)
    return Operation(
        id=endpoint.id,
        group=endpoint.group,
        action=endpoint.action,
        method=endpoint.method,
        path=endpoint.path,
        summary=" ".join(endpoint.summary.split()),
        access=endpoint.access,
        permission=endpoint.permission,
        permission_note=" ".join(endpoint.permission_note.split()),
        scopes=catalog.scopes_granting(endpoint.permission),
        webhook=endpoint.webhook,
        since=endpoint.since,
        deprecated=" ".join(endpoint.deprecated.split()),
        rate_limit=" ".join(endpoint.rate_limit.split()),
        arguments=_arguments(catalog, endpoint, paging),
        request_schema=endpoint.request,
        result=_result(endpoint, paging),
        paging=paging,
        destructive=endpoint.destructive,
    )


def build_operation_model(catalog: Catalog) -> OperationModel:
    return OperationModel(
        version=catalog.version,
        operations=tuple(build_operation(catalog, e) for e in sorted(catalog.endpoints, key=lambda e: e.id)),
        per_page_parameter=str(catalog.api.facts["pagination"]["per_page_parameter"]),
    )
