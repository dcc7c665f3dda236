"""The view model of the generated Python client: every identifier, signature,
annotation and docstring line is decided here; the templates only place them."""

from __future__ import annotations

import keyword
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from generator.catalog import Catalog, Endpoint, Schema, thaw
from generator.diagnostics import CatalogError, Diagnostic
from generator.naming import error_class, model_class, pascal, snake
from generator.pysource import block_literal, literal
from generator.readers import PATH_TOKEN
from generator.text import NOT_DOCUMENTED, one_line

# Keyword arguments every method takes besides the endpoint's own.
METHOD_OPTIONS = frozenset({"self", "version"})
SCALARS = {"string": "str", "integer": "int", "number": "float", "boolean": "bool"}


def argument_name(wire_name: str, taken: set[str]) -> str:
    """A keyword-argument name for a JSON field or query parameter (`from` -> `from_`)."""
    name = snake(wire_name) if not wire_name.isidentifier() else wire_name
    if keyword.iskeyword(name) or name in METHOD_OPTIONS or name in taken:
        name += "_"
    return name


def annotation(definition: Mapping[str, Any]) -> str:
    """The Python type a caller passes for a request field."""
    if "$ref" in definition or "oneOf" in definition:
        return "dict[str, Any]" if "$ref" in definition else "Any"
    declared = definition.get("type")
    if isinstance(declared, list):
        kinds = [t for t in declared if t != "null"]
        return annotation({**definition, "type": kinds[0]}) if len(kinds) == 1 else "Any"
    if declared == "array":
        items = definition.get("items")
        # builtins.list: a resource's own `list` method would shadow the builtin.
        return f"builtins.list[{annotation(items)}]" if isinstance(items, Mapping) else "builtins.list[Any]"
    if declared == "object":
        return "dict[str, Any]"
    return SCALARS.get(str(declared), "Any")


@dataclass(frozen=True)
class ArgumentView:
    name: str
    wire_name: str
    annotation: str
    required: bool
    description: str

    @property
    def declaration(self) -> str:
        return f"{self.name}: {self.annotation}" if self.required else f"{self.name}: {self.annotation} | None = None"


@dataclass(frozen=True)
class MethodView:
    name: str
    endpoint_id: str
    http_method: str
    path_expression: str
    parameters: tuple[str, ...]
    path_arguments: tuple[ArgumentView, ...]
    query_arguments: tuple[ArgumentView, ...]
    body_arguments: tuple[ArgumentView, ...]
    has_query: bool
    has_body: bool
    docstring: tuple[str, ...]
    model_import: str
    returns_model: bool
    returns_pager: bool
    return_annotation: str
    async_return_annotation: str
    response_model: str
    item_model: str
    items_field: str
    pagination: str
    per_page_argument: str
    """The Python name of the page-size argument, or "" when the endpoint has none."""
    per_page_wire: str
    search_object: str
    """The body object a search pages through, or "" for other endpoints."""

    @property
    def is_search(self) -> bool:
        return bool(self.search_object)

    @property
    def checks_per_page(self) -> bool:
        return bool(self.per_page_argument)

    result: str = "model"

    @property
    def call_method(self) -> str:
        return RESULT_CALLS[self.result]

    @property
    def path_literal(self) -> str:
        """The path as a Python string: an f-string only when it has parameters."""
        return f'f"{self.path_expression}"' if self.path_arguments else f'"{self.path_expression}"'

    @property
    def docstring_lines(self) -> tuple[str, ...]:
        """The docstring as it sits in the method body: opening quotes on the first line,
        blank lines left empty, closing quotes on a line of their own."""
        indent = " " * 8
        first, *rest = self.docstring
        lines = [f'{indent}"""{first}', *(f"{indent}{line}" if line else "" for line in rest)]
        return (*lines, f'{indent}"""')

    @property
    def signature_lines(self) -> tuple[str, ...]:
        """One parameter a line, each with a trailing comma, as black lays them out."""
        return ("self", *self.parameters)


@dataclass(frozen=True)
class VariantView:
    """The sync or the async flavour of the client: same methods, other keywords."""

    client_class: str
    resource_prefix: str
    def_keyword: str
    await_keyword: str
    pager: str
    http_client: str
    close_method: str
    enter_method: str
    exit_method: str
    sleep: str


VARIANTS = (
    VariantView("Intercom", "", "def", "", "SyncPager", "httpx.Client", "close", "__enter__", "__exit__", "time.sleep"),
    VariantView(
        "AsyncIntercom", "Async", "async def", "await ", "AsyncPager", "httpx.AsyncClient", "aclose", "__aenter__", "__aexit__", "_async_sleep"
    ),
)


@dataclass(frozen=True)
class PagingView:
    """How one kind of list pages, from the catalog's pagination facts, as literals."""

    kind: str
    request_parameter: str
    request_object: str
    cursor_path: str
    total_path: str


def paging_views(pagination: Mapping[str, Any]) -> tuple[PagingView, ...]:
    def path(field: str | None) -> str:
        return literal(tuple(field.split("."))) if field else "None"

    return tuple(
        PagingView(
            kind=kind,
            request_parameter=literal(pagination[kind]["request_parameter"]),
            request_object=literal(pagination[kind].get("request_object")),
            cursor_path=path(pagination[kind]["response_field"]),
            total_path=path(pagination[kind].get("total_field")),
        )
        for kind in ("cursor", "page", "search")
    )


@dataclass(frozen=True)
class ResourceView:
    attribute: str
    class_name: str
    title: str
    summary: str
    methods: tuple[MethodView, ...]


@dataclass(frozen=True)
class ErrorView:
    class_name: str
    status: int
    statuses: str
    codes: str
    title: str
    meaning: str
    what_to_do: str
    retryable: bool

    @property
    def what_to_do_literal(self) -> str:
        return literal(self.what_to_do)

    @property
    def meaning_literal(self) -> str:
        return literal(self.meaning)


@dataclass(frozen=True)
class EndpointInfoView:
    id: str
    fields: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class ScopeInfoView:
    name: str
    grants: str

    @property
    def name_literal(self) -> str:
        return literal(self.name)


@dataclass(frozen=True)
class ClientView:
    version: str
    version_literal: str
    package_version: str
    default_region: str
    base_urls: tuple[tuple[str, str], ...]
    regions: str
    version_header: str
    token_env: str
    per_page_max: int
    pagings: tuple[PagingView, ...]
    rate_limit_limit_header: str
    rate_limit_remaining_header: str
    rate_limit_reset_header: str
    rate_limit_window_seconds: int
    rate_limit_statuses: str
    server_error_statuses: str
    errors: tuple[ErrorView, ...]
    endpoints: tuple[EndpointInfoView, ...]
    scopes: tuple[ScopeInfoView, ...]
    resources: tuple[ResourceView, ...]
    webhook_literals: tuple[WebhookLiteralView, ...]
    all_exports: tuple[str, ...]
    variants: tuple[VariantView, ...] = VARIANTS


def items_field(catalog: Catalog, endpoint: Endpoint) -> tuple[str, str]:
    """The list response's array field and its item model, for a paginated endpoint."""
    schema = catalog.schema(endpoint.response or "")
    arrays = [
        (p.name, p.definition["items"]["$ref"])
        for p in (schema.properties if schema else ())
        if p.definition.get("type") == "array" and isinstance(p.definition.get("items"), Mapping) and "$ref" in p.definition["items"]
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
    field, item = arrays[0]
    return field, model_class(item)


# What a method returns when the endpoint declares no response schema.
RESULT_ANNOTATIONS = {"text": "str", "location": "str | None", "none": "None"}
RESULT_CALLS = {"model": "_call", "text": "_call_text", "location": "_call_location", "none": "_call_without_result"}


def result_kind(endpoint: Endpoint) -> str:
    """model: a JSON body; text: a plain-text body (200 without a schema); location: a
    redirect whose Location is the result; none: an empty body (202, 204)."""
    if endpoint.response:
        return "model"
    if 300 <= endpoint.success_status < 400:
        return "location"
    if endpoint.success_status in (202, 204):
        return "none"
    return "text"


def request_fields(schema: Schema | None) -> list[tuple[str, Mapping[str, Any], bool, str]]:
    if schema is None:
        return []
    return [
        (p.name, p.definition, p.name in schema.required, one_line(str(p.definition.get("description", ""))))
        for p in schema.properties
    ]


def build_method(catalog: Catalog, endpoint: Endpoint) -> MethodView:
    taken: set[str] = set()
    path_arguments = []
    for parameter in (p for p in endpoint.parameters if p.location == "path"):
        name = argument_name(parameter.name, taken)
        taken.add(name)
        path_arguments.append(ArgumentView(name, parameter.name, SCALARS[parameter.type], True, one_line(parameter.description)))
    by_wire = {a.wire_name: a.name for a in path_arguments}
    path_expression = PATH_TOKEN.sub(lambda m: "{_segment(" + by_wire[m.group(1)] + ")}", endpoint.path)

    paging = catalog.api.facts["pagination"]
    pages_by_cursor = endpoint.pagination in ("cursor", "search", "page")
    # The pager owns paging: the cursor and the page number are never the caller's.
    pager_owned = {paging[kind]["request_parameter"] for kind in ("cursor", "page")} if pages_by_cursor else set()
    search_object = paging["search"]["request_object"] if endpoint.pagination == "search" else ""
    per_page_wire = paging["per_page_parameter"]
    query_arguments = []
    for parameter in (p for p in endpoint.parameters if p.location == "query"):
        if parameter.name in pager_owned:
            continue
        name = argument_name(parameter.name, taken)
        taken.add(name)
        query_arguments.append(ArgumentView(name, parameter.name, SCALARS[parameter.type], parameter.required, one_line(parameter.description)))

    body_arguments = []
    request_schema = catalog.schema(endpoint.request) if endpoint.request else None
    for wire, definition, required, description in request_fields(request_schema):
        if wire == search_object:
            continue
        name = argument_name(wire, taken)
        taken.add(name)
        body_arguments.append(ArgumentView(name, wire, annotation(definition), required, description))

    keyword_arguments = sorted(query_arguments + body_arguments, key=lambda a: not a.required)
    if search_object:
        # A search pages through an object in its body; the page size is the one knob exposed.
        name = argument_name(per_page_wire, taken)
        keyword_arguments.append(ArgumentView(name, per_page_wire, "int", False, "Records per page."))
    per_page = next((a for a in keyword_arguments if a.wire_name == per_page_wire), None)
    declarations = [a.declaration for a in path_arguments]
    declarations.append("*")
    declarations += [a.declaration for a in keyword_arguments]
    declarations.append("version: str | None = None")

    response_model = model_class(endpoint.response) if endpoint.response else ""
    field, item_model = items_field(catalog, endpoint) if pages_by_cursor else ("", "")
    if pages_by_cursor:
        returns = f"SyncPager[{item_model}]"
        async_returns = f"AsyncPager[{item_model}]"
        imports = ", ".join(sorted({response_model, item_model}))
    elif response_model:
        returns = async_returns = response_model
        imports = response_model
    else:
        returns = async_returns = RESULT_ANNOTATIONS[result_kind(endpoint)]
        imports = ""

    scopes = catalog.scopes_granting(endpoint.permission)
    docstring = [one_line(endpoint.summary), ""]
    if endpoint.permission is None:
        docstring.append(f"Permission: {NOT_DOCUMENTED}. {one_line(endpoint.permission_note)}")
        docstring.append(f"OAuth scopes: {NOT_DOCUMENTED}.")
    else:
        docstring.append(f"Permission: {endpoint.permission} ({endpoint.access}).")
        docstring.append("OAuth scopes: " + ", ".join(f"'{s}'" for s in scopes) + ".")
    docstring.append(f"Webhook topic fired: {endpoint.webhook or 'none'}.")
    docstring.append(f"Available since API version {endpoint.since}.")
    if endpoint.deprecated:
        docstring.append(f"Deprecated: {one_line(endpoint.deprecated)}")
    if pages_by_cursor:
        docstring.append("Iterate the result for every record across pages; `.pages()` yields page by page.")
    docstring.append(f"HTTP: {endpoint.method} {endpoint.path}")
    return MethodView(
        name=endpoint.action,
        endpoint_id=endpoint.id,
        http_method=endpoint.method,
        path_expression=path_expression,
        parameters=tuple(declarations),
        path_arguments=tuple(path_arguments),
        query_arguments=tuple(query_arguments),
        body_arguments=tuple(body_arguments),
        has_query=bool(query_arguments),
        has_body=request_schema is not None,
        docstring=tuple(docstring),
        model_import=imports,
        returns_model=bool(response_model) and not pages_by_cursor,
        returns_pager=pages_by_cursor,
        return_annotation=returns,
        async_return_annotation=async_returns,
        response_model=response_model,
        item_model=item_model,
        items_field=field,
        pagination=endpoint.pagination,
        per_page_argument=per_page.name if per_page else "",
        per_page_wire=per_page_wire,
        search_object=search_object,
        result=result_kind(endpoint),
    )


@dataclass(frozen=True)
class WebhookLiteralView:
    """One topic as Python literals for templates/python/intercom_api/webhooks.py.jinja."""

    topic: str
    summary: str
    permission: str
    triggered_by: str
    since: str


def webhook_literals(catalog: Catalog) -> tuple[WebhookLiteralView, ...]:
    return tuple(
        WebhookLiteralView(
            topic=literal(w.topic),
            summary=literal(w.summary),
            permission=literal(w.permission),
            triggered_by=literal(tuple(sorted(w.triggered_by))),
            since=literal(w.since),
        )
        for w in sorted(catalog.webhooks, key=lambda w: w.topic)
    )


def build_client_view(resolved: Mapping[str, Catalog], version: str) -> ClientView:
    catalog = resolved[version]
    facts = thaw(catalog.api.facts)
    rate_limits = facts["rate_limits"]
    errors = tuple(
        ErrorView(
            class_name=error_class(e.title),
            status=e.status,
            statuses=literal(tuple(sorted((e.status, *e.also)))),
            codes=literal(e.codes),
            title=e.title,
            meaning=e.meaning,
            what_to_do=e.what_to_do,
            retryable=e.retryable,
        )
        for e in sorted(catalog.errors, key=lambda e: e.status)
    )
    rate_limited = sorted(s for e in catalog.errors if e.retryable and e.status == rate_limits["status"] for s in (e.status, *e.also))
    server = sorted(s for e in catalog.errors if e.retryable and e.status != rate_limits["status"] for s in (e.status, *e.also))
    endpoints = tuple(
        EndpointInfoView(
            e.id,
            tuple(
                (name, block_literal(value, indent=12) if isinstance(value, tuple) else literal(value))
                for name, value in (
                    ("id", e.id),
                    ("method", e.method),
                    ("path", e.path),
                    ("summary", one_line(e.summary)),
                    ("access", e.access),
                    ("permission", e.permission),
                    ("scopes", catalog.scopes_granting(e.permission)),
                    ("webhook", e.webhook),
                    ("since", e.since),
                    ("pagination", e.pagination),
                    ("deprecated", e.deprecated or None),
                )
            ),
        )
        for e in sorted(catalog.endpoints, key=lambda e: e.id)
    )
    groups = sorted(catalog.groups, key=lambda g: g.id)
    resources = tuple(
        ResourceView(
            attribute=g.id,
            class_name=pascal(g.id),
            title=g.title,
            summary=one_line(g.summary),
            methods=tuple(build_method(catalog, e) for e in sorted(catalog.endpoints, key=lambda e: e.id) if e.group == g.id),
        )
        for g in groups
    )
    resources = tuple(r for r in resources if r.methods)
    exports = sorted(
        {"Intercom", "AsyncIntercom", "ENDPOINTS", "EndpointInfo", "required_scopes", "API_VERSION", "RateLimit", "SyncPager", "AsyncPager", "Page", "IntercomError", "APIConnectionError"}
        | {e.class_name for e in errors}
    )
    return ClientView(
        version=catalog.version,
        version_literal=literal(catalog.version),
        package_version=f"{catalog.version}.0",
        default_region=catalog.api.default_region,
        base_urls=tuple((literal(r.id), literal(r.base_url)) for r in sorted(catalog.api.regions, key=lambda r: r.id)),
        regions=literal(tuple(sorted(r.id for r in catalog.api.regions))),
        version_header=catalog.api.version_header,
        token_env=facts["auth"]["token_env"],
        per_page_max=int(facts["pagination"]["per_page_max"]),
        pagings=paging_views(facts["pagination"]),
        rate_limit_limit_header=rate_limits["headers"]["limit"],
        rate_limit_remaining_header=rate_limits["headers"]["remaining"],
        rate_limit_reset_header=rate_limits["headers"]["reset"],
        rate_limit_window_seconds=int(rate_limits["window_seconds"]),
        rate_limit_statuses=literal(frozenset(rate_limited)) if rate_limited else "frozenset()",
        server_error_statuses=literal(frozenset(server)) if server else "frozenset()",
        errors=errors,
        endpoints=endpoints,
        scopes=tuple(ScopeInfoView(s.name, block_literal(tuple(sorted(s.grants)), indent=8)) for s in sorted(catalog.scopes, key=lambda s: s.name)),
        resources=resources,
        webhook_literals=webhook_literals(catalog),
        all_exports=tuple(exports),
    )

