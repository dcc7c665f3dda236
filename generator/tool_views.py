"""The MCP layer of the agent view: one tool per endpoint, described from the operation
model alone, plus the hosted Intercom server's two universal tools (`search` and
`fetch`). Everything a tool is (its name, JSON Schema input, description, annotations
and how its call maps onto the generated client's method) is decided here, as JSON
data: `intercom_api/mcp_tools.json`, which the generated `intercom_api.mcp` reads. A
data file rather than Python literals: the schemas are deep, and JSON is their form.

Decisions:

* Input schema. Path, query and body arguments are flat properties named by their wire
  names (a clash gets its location as a prefix, see naming.tool_argument); a body
  field's catalog schema is converted to JSON Schema 2020-12 as the OpenAPI export
  converts it, with `$ref`s into the tool's own `$defs`. Arguments a pager owns are
  left out; a paged tool takes `cursor` (and `per_page`) instead and answers one page.
* Annotations. readOnlyHint is the catalog's access; destructiveHint the catalog's
  `destructive` fact; idempotentHint the method (GET, PUT, DELETE); openWorldHint is
  true for every tool, since each acts on a live Intercom workspace that others change.
* Universal tools. `search` runs one text query through the search endpoints (and,
  for articles, which have none, filters a list page); `fetch` reads one object by the
  reference a search result gives (`intercom://<group>/<id>`). The sources are the
  table below; a source whose endpoints a version lacks is left out of that version.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from . import naming
from .catalog import Catalog, thaw
from .openapi_views import SCHEMA_PREFIX, convert_schema, schema_object
from .operations import Argument, Operation, OperationModel
from .pysource import literal
from .text import NOT_DOCUMENTED, one_line

DEFS_PREFIX = "#/$defs/"
CURSOR_ARGUMENT = "cursor"
# How each kind of paging's cursor is typed: an opaque string, or a page number.
CURSOR_TYPES = {"cursor": "string", "page": "integer", "search": "string"}
# The body field of a search endpoint that holds the filter (schemas/search_request).
QUERY_ARGUMENT = "query"
# Records a universal search asks each source for.
SEARCH_PER_PAGE = 20

JsonObject = dict[str, Any]


class ArgumentNames(Protocol):
    @property
    def name(self) -> str: ...
    @property
    def wire_literal(self) -> str: ...


class MethodNames(Protocol):
    """What the agent layer reads of the Python client's method for an endpoint: the names
    its arguments got there (generator.client_views decides them)."""

    @property
    def name(self) -> str: ...
    @property
    def endpoint_id_literal(self) -> str: ...
    @property
    def query_arguments(self) -> Sequence[ArgumentNames]: ...
    @property
    def body_arguments(self) -> Sequence[ArgumentNames]: ...
    @property
    def per_page_argument(self) -> str: ...


class GroupNames(Protocol):
    @property
    def attribute(self) -> str: ...
    @property
    def methods(self) -> Sequence[MethodNames]: ...


@dataclass(frozen=True)
class SearchSource:
    """One kind of object the universal `search` looks through."""

    kind: str
    """The reference's kind: its group id, as in intercom://contacts/<id>."""
    search: str
    """The endpoint searched: a search endpoint (one query), or a list filtered here."""
    fields: tuple[str, ...]
    """For a search endpoint, the fields the query text is matched against (`~`, any of
    them); for a list, the record fields filtered on."""
    retrieve: str
    """The endpoint `fetch` reads one object of this kind with."""
    title: tuple[str, ...]
    """Record fields, dotted, that make a result's title: the first that has a value."""


def rebased(value: Any) -> Any:
    """A converted schema whose `$ref`s point into `$defs`, not OpenAPI components."""
    if isinstance(value, dict):
        return {
            key: DEFS_PREFIX + item.removeprefix(SCHEMA_PREFIX) if key == "$ref" and isinstance(item, str) else rebased(item)
            for key, item in value.items()
        }
    if isinstance(value, list):
        return [rebased(item) for item in value]
    return value


def refs_in(value: Any) -> Iterator[str]:
    if isinstance(value, dict):
        for key, item in value.items():
            if key == "$ref" and isinstance(item, str):
                yield item.removeprefix(DEFS_PREFIX)
            else:
                yield from refs_in(item)
    elif isinstance(value, list):
        for item in value:
            yield from refs_in(item)


def definitions(catalog: Catalog) -> dict[str, Any]:
    """Every catalog schema, as a `$defs` entry."""
    return {s.name: rebased(schema_object(s, catalog)) for s in sorted(catalog.schemas, key=lambda s: s.name)}


def closure(names: set[str], defs: Mapping[str, Any]) -> tuple[str, ...]:
    """The named schemas and every schema they refer to, sorted."""
    seen: set[str] = set()
    pending = sorted(names)
    while pending:
        name = pending.pop()
        if name in seen or name not in defs:
            continue
        seen.add(name)
        pending.extend(sorted(set(refs_in(defs[name])) - seen))
    return tuple(sorted(seen))


def argument_schema(argument: Argument, per_page_parameter: str, per_page_max: int) -> dict[str, Any]:
    schema: dict[str, Any] = rebased(convert_schema(thaw(argument.schema)))
    if argument.description and "description" not in schema:
        schema["description"] = argument.description
    if argument.enum and "enum" not in schema and schema.get("type") != "array":
        schema["enum"] = list(argument.enum)
    if argument.name == per_page_parameter and argument.location != "body":
        schema.update(minimum=1, maximum=per_page_max)
    return schema


def describe(operation: Operation, version: str) -> str:
    parts = [operation.summary.rstrip(".") + "."]
    parts.append(f"Intercom API {version}: {operation.method} {operation.path}; {operation.access} access.")
    if operation.permission is None:
        note = f" {operation.permission_note}" if operation.permission_note else ""
        parts.append(f"Permission and OAuth scopes: {NOT_DOCUMENTED}.{note}")
    else:
        scopes = " or ".join(f"'{s}'" for s in operation.scopes) or NOT_DOCUMENTED
        parts.append(f"Permission: {operation.permission}, granted by the OAuth scope {scopes}.")
    parts.append(f"Fires the webhook topic {operation.webhook}." if operation.webhook else "Fires no webhook topic.")
    if operation.destructive:
        parts.append("Deletes or archives what it acts on.")
    if operation.paging is not None:
        parts.append(f"Answers one page of records and next_cursor; pass it as {CURSOR_ARGUMENT} for the next page.")
    if operation.deprecated:
        parts.append(f"Deprecated: {operation.deprecated}")
    return " ".join(parts)


def build_tool(operation: Operation, method: MethodNames, group: GroupNames, model: OperationModel, defs: Mapping[str, Any], version: str, per_page_max: int) -> JsonObject:
    """One tool as data: what MCP lists, and how a call maps onto the client's method."""
    taken: set[str] = set()
    properties: JsonObject = {}
    required: list[str] = []
    positional: list[str] = []
    keywords: dict[str, str] = {}
    python_names = {
        "query": {a.wire_literal: a.name for a in method.query_arguments},
        "body": {a.wire_literal: a.name for a in method.body_arguments},
    }
    for argument in operation.arguments:
        if argument.paging:
            continue
        name = naming.tool_argument(argument.name, argument.location, taken)
        taken.add(name)
        properties[name] = argument_schema(argument, model.per_page_parameter, per_page_max)
        if argument.required:
            required.append(name)
        if argument.location == "path":
            positional.append(name)
        else:
            keywords[name] = python_names[argument.location][literal(argument.name)]
    paging = operation.paging
    cursor = None
    if paging is not None:
        if paging.kind == "search" and method.per_page_argument:
            name = naming.tool_argument(paging.per_page_parameter, "pagination", taken)
            taken.add(name)
            properties[name] = {"type": "integer", "minimum": 1, "maximum": per_page_max, "description": f"Records per page (at most {per_page_max})."}
            keywords[name] = method.per_page_argument
        cursor = naming.tool_argument(CURSOR_ARGUMENT, "page", taken)
        properties[cursor] = {
            "type": CURSOR_TYPES[paging.kind],
            "description": "Where to start: the next_cursor of the previous page; leave it out for the first page.",
        }
    schema: JsonObject = {"type": "object", "properties": properties, "additionalProperties": False}
    if required:
        schema["required"] = required
    return {
        "name": naming.tool(operation.id),
        "endpoint": operation.id,
        "title": one_line(operation.summary).rstrip("."),
        "description": describe(operation, version),
        "input_schema": schema,
        "defs": list(closure(set(refs_in(schema)), defs)),
        "annotations": {
            "read_only": operation.access == "read",
            "destructive": operation.destructive,
            "idempotent": operation.idempotent,
            "open_world": True,
        },
        "call": {
            "group": group.attribute,
            "method": method.name,
            "positional": positional,
            "keywords": keywords,
            "result": operation.result.kind,
            "cursor": cursor,
        },
    }


def search_sources(catalog: Catalog) -> tuple[SearchSource, ...]:
    """The kinds of object the universal search covers: the catalog's `universal_search`."""
    return tuple(
        SearchSource(str(s["kind"]), str(s["search"]), tuple(s["fields"]), str(s["retrieve"]), tuple(s["title"]))
        for s in catalog.api.facts["universal_search"]
    )


def source_documents(catalog: Catalog, model: OperationModel, tools: Mapping[str, JsonObject]) -> list[JsonObject]:
    documents = []
    for source in search_sources(catalog):
        searched, retrieve = model.operation(source.search), model.operation(source.retrieve)
        if searched is None or retrieve is None or searched.paging is None:
            continue
        path_arguments = retrieve.arguments_in("path")
        inputs = tools[source.search]["input_schema"]["properties"]
        query_search = searched.paging.kind == "search"
        per_page = model.per_page_parameter
        if len(path_arguments) != 1 or per_page not in inputs or (query_search and QUERY_ARGUMENT not in inputs):
            continue
        documents.append(
            {
                "kind": source.kind,
                "search_tool": tools[source.search]["name"],
                "query_search": query_search,
                "query_argument": QUERY_ARGUMENT,
                "per_page_argument": per_page,
                "fields": list(source.fields),
                "fetch_tool": tools[source.retrieve]["name"],
                "fetch_argument": path_arguments[0].name,
                "title": list(source.title),
            }
        )
    return documents


def tools_document(catalog: Catalog, model: OperationModel, groups: Sequence[GroupNames]) -> JsonObject:
    """What the generated MCP server serves, as JSON data (`intercom_api/mcp_tools.json`)."""
    per_page_max = int(catalog.api.facts["pagination"]["per_page_max"])
    defs = definitions(catalog)
    methods = {m.endpoint_id_literal: (m, g) for g in groups for m in g.methods}
    tools: dict[str, JsonObject] = {}
    for operation in model.operations:
        method, group = methods[literal(operation.id)]
        tools[operation.id] = build_tool(operation, method, group, model, defs, catalog.version, per_page_max)
    used = sorted({name for tool in tools.values() for name in tool["defs"]})
    return {
        "api_version": catalog.version,
        "server": {
            "name": f"intercom-api-{catalog.version}",
            "instructions": (
                f"Intercom API {catalog.version}: one tool per endpoint this agent's policy allows, plus search and fetch. "
                "Denied endpoints are not listed; every call is checked against the policy and logged."
            ),
        },
        "per_page_max": per_page_max,
        "search_per_page": min(SEARCH_PER_PAGE, per_page_max),
        "tools": [tools[o.id] for o in model.operations],
        "defs": {name: defs[name] for name in used},
        "sources": source_documents(catalog, model, tools),
    }
