"""The view model of the generated Python client: every identifier, signature,
annotation and docstring line is decided here; the templates only place them."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from generator import naming
from generator.catalog import Catalog, thaw
from generator.naming import error_class, model_class
from generator.operations import Argument, Operation, build_operation_model
from generator.pysource import block_literal, docstring_text, fstring, literal
from generator.readers import PATH_TOKEN
from generator.text import NOT_DOCUMENTED, one_line

# Keyword arguments every method takes besides the endpoint's own.
METHOD_OPTIONS = frozenset({"self", "version"})
SCALARS = {"string": "str", "integer": "int", "number": "float", "boolean": "bool"}


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
    wire_literal: str
    """The wire name as a Python string literal."""
    annotation: str
    required: bool

    @property
    def declaration(self) -> str:
        return f"{self.name}: {self.annotation}" if self.required else f"{self.name}: {self.annotation} | None = None"


@dataclass(frozen=True)
class MethodView:
    """One endpoint as a method of its group's class: the Python layer over an Operation."""

    name: str
    endpoint_id_literal: str
    path_literal: str
    """The path as a Python string: an f-string only when it has parameters."""
    signature_lines: tuple[str, ...]
    """One parameter a line, each with a trailing comma, as black lays them out."""
    docstring_lines: tuple[str, ...]
    """The docstring as it sits in the method body: opening quotes on the first line,
    blank lines left empty, closing quotes on a line of their own."""
    query_arguments: tuple[ArgumentView, ...]
    body_arguments: tuple[ArgumentView, ...]
    model_import: str
    returns_model: bool
    returns_pager: bool
    return_annotation: str
    response_model: str
    item_model: str
    items_field_literal: str
    per_page_argument: str
    """The Python name of the page-size argument, or "" when the endpoint has none."""
    per_page_wire_literal: str
    search_object_literal: str
    """The body object a search pages through, as a literal, or "" for other endpoints."""
    call_method: str
    has_body: bool

    @property
    def has_query(self) -> bool:
        return bool(self.query_arguments)

    @property
    def is_search(self) -> bool:
        return bool(self.search_object_literal)

    @property
    def checks_per_page(self) -> bool:
        return bool(self.per_page_argument)


@dataclass(frozen=True)
class VariantView:
    """The sync or the async flavour of the client: same methods, other keywords."""

    client_class: str
    group_prefix: str
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

    kind_literal: str
    request_parameter: str
    request_object: str
    cursor_path: str
    total_path: str


def paging_views(pagination: Mapping[str, Any]) -> tuple[PagingView, ...]:
    def path(field: str | None) -> str:
        return literal(tuple(field.split("."))) if field else "None"

    return tuple(
        PagingView(
            kind_literal=literal(kind),
            request_parameter=literal(pagination[kind]["request_parameter"]),
            request_object=literal(pagination[kind].get("request_object")),
            cursor_path=path(pagination[kind]["response_field"]),
            total_path=path(pagination[kind].get("total_field")),
        )
        for kind in ("cursor", "page", "search")
    )


@dataclass(frozen=True)
class GroupView:
    """A capability group as the client's attribute (`client.contacts`) and its class."""

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



@dataclass(frozen=True)
class EndpointInfoView:
    id_literal: str
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
    default_region_literal: str
    token_env_literal: str
    signature_header_literal: str
    version_header_literal: str
    rate_limit_limit_literal: str
    rate_limit_remaining_literal: str
    rate_limit_reset_literal: str
    rate_limit_window_seconds: int
    rate_limit_statuses: str
    server_error_statuses: str
    errors: tuple[ErrorView, ...]
    endpoints: tuple[EndpointInfoView, ...]
    scopes: tuple[ScopeInfoView, ...]
    groups: tuple[GroupView, ...]
    webhook_literals: tuple[WebhookLiteralView, ...]
    all_exports: tuple[str, ...]
    variants: tuple[VariantView, ...] = VARIANTS


# How a method hands its answer back, by the operation's result kind.
RESULT_ANNOTATIONS = {"text": "str", "redirect": "str | None", "none": "None"}
RESULT_CALLS = {"model": "_call", "models": "_call_models", "list": "_call", "text": "_call_text", "redirect": "_call_location", "none": "_call_without_result"}


def argument_view(argument: Argument, taken: set[str]) -> ArgumentView:
    name = naming.argument(argument.name, taken, METHOD_OPTIONS)
    taken.add(name)
    return ArgumentView(name, literal(argument.name), annotation(argument.schema), argument.required)


def docstring(operation: Operation) -> tuple[str, ...]:
    lines = [operation.summary, ""]
    if operation.permission is None:
        lines.append(f"Permission: {NOT_DOCUMENTED}. {operation.permission_note}")
        lines.append(f"OAuth scopes: {NOT_DOCUMENTED}.")
    else:
        lines.append(f"Permission: {operation.permission} ({operation.access}).")
        lines.append("OAuth scopes: " + ", ".join(f"'{s}'" for s in operation.scopes) + ".")
    lines.append(f"Webhook topic fired: {operation.webhook or 'none'}.")
    lines.append(f"Available since API version {operation.since}.")
    if operation.deprecated:
        lines.append(f"Deprecated: {operation.deprecated}")
    if operation.paging is not None:
        lines.append("Iterate the result for every record across pages; `.pages()` yields page by page.")
    lines.append(f"HTTP: {operation.method} {operation.path}")
    indent = " " * 8
    first, *rest = (docstring_text(line) for line in lines)
    return (f'{indent}"""{first}', *(f"{indent}{line}" if line else "" for line in rest), f'{indent}"""')


def build_method(operation: Operation, per_page_wire: str) -> MethodView:
    taken: set[str] = set()
    path_arguments = [argument_view(a, taken) for a in operation.arguments_in("path")]
    by_wire = {a.name: view.name for a, view in zip(operation.arguments_in("path"), path_arguments, strict=True)}
    parts: list[tuple[bool, str]] = []
    for index, piece in enumerate(PATH_TOKEN.split(operation.path)):
        # split() alternates text and the names inside {...}.
        parts.append((True, f"_segment({by_wire[piece]})") if index % 2 else (False, piece))
    query_arguments = [argument_view(a, taken) for a in operation.arguments_in("query") if not a.paging]
    body_arguments = [argument_view(a, taken) for a in operation.arguments_in("body") if not a.paging]
    paging = operation.paging
    search_object = paging.request_object if paging is not None and paging.kind == "search" else None
    keyword_arguments = sorted(query_arguments + body_arguments, key=lambda a: not a.required)
    if paging is not None and search_object:
        # A search pages through an object in its body; the page size is the one knob exposed.
        name = naming.argument(paging.per_page_parameter, taken, METHOD_OPTIONS)
        keyword_arguments.append(ArgumentView(name, literal(paging.per_page_parameter), "int", False))
    # Any endpoint taking the page-size parameter checks it, paged or not.
    per_page = next((a for a in keyword_arguments if a.wire_literal == literal(per_page_wire)), None)
    declarations = [a.declaration for a in path_arguments]
    declarations.append("*")
    declarations += [a.declaration for a in keyword_arguments]
    declarations.append("version: str | None = None")

    result = operation.result
    response_model = model_class(result.schema) if result.schema else ""
    item_model = model_class(paging.item_schema) if paging is not None else ""
    if paging is not None:
        returns = f"SyncPager[{item_model}]"
        imports = ", ".join(sorted({response_model, item_model}))
    elif response_model and result.kind == "models":
        returns, imports = f"builtins.list[{response_model}]", response_model
    elif response_model:
        returns = imports = response_model
    else:
        returns, imports = RESULT_ANNOTATIONS[result.kind], ""
    return MethodView(
        name=naming.method(operation.action),
        endpoint_id_literal=literal(operation.id),
        path_literal=fstring(tuple(parts)),
        signature_lines=("self", *declarations),
        docstring_lines=docstring(operation),
        query_arguments=tuple(query_arguments),
        body_arguments=tuple(body_arguments),
        model_import=imports,
        returns_model=bool(response_model) and paging is None,
        returns_pager=paging is not None,
        return_annotation=returns,
        response_model=response_model,
        item_model=item_model,
        items_field_literal=literal(paging.items_field) if paging is not None else "",
        per_page_argument=per_page.name if per_page else "",
        per_page_wire_literal=literal(per_page_wire),
        search_object_literal=literal(search_object) if search_object else "",
        call_method=RESULT_CALLS[result.kind],
        has_body=operation.request_schema is not None,
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


def accept_of(operation: Operation | None) -> str:
    """What the client accepts: the body's media type, or JSON (the error bodies) when the
    answer has none."""
    if operation is None or operation.result.content_type is None:
        return "application/json"
    return operation.result.content_type


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
            title=docstring_text(e.title),
            meaning=docstring_text(e.meaning),
            what_to_do=e.what_to_do,
            retryable=e.retryable,
        )
        for e in sorted(catalog.errors, key=lambda e: e.status)
    )
    rate_limited = sorted(s for e in catalog.errors if e.retryable and e.status == rate_limits["status"] for s in (e.status, *e.also))
    server = sorted(s for e in catalog.errors if e.retryable and e.status != rate_limits["status"] for s in (e.status, *e.also))
    operations = build_operation_model(catalog)
    endpoints = tuple(
        EndpointInfoView(
            literal(e.id),
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
                    ("accept", accept_of(operations.operation(e.id))),
                )
            ),
        )
        for e in sorted(catalog.endpoints, key=lambda e: e.id)
    )
    groups = tuple(
        GroupView(
            attribute=naming.identifier(g.id),
            class_name=naming.group_class(g.id),
            title=docstring_text(g.title),
            summary=docstring_text(one_line(g.summary)),
            methods=tuple(build_method(o, operations.per_page_parameter) for o in operations.in_group(g.id)),
        )
        for g in sorted(catalog.groups, key=lambda g: g.id)
        if operations.in_group(g.id)
    )
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
        version_header=docstring_text(catalog.api.version_header),
        token_env=docstring_text(facts["auth"]["token_env"]),
        per_page_max=int(facts["pagination"]["per_page_max"]),
        pagings=paging_views(facts["pagination"]),
        default_region_literal=literal(catalog.api.default_region),
        token_env_literal=literal(facts["auth"]["token_env"]),
        signature_header_literal=literal(facts["webhook_delivery"]["signature_header"]),
        version_header_literal=literal(catalog.api.version_header),
        rate_limit_limit_literal=literal(rate_limits["headers"]["limit"]),
        rate_limit_remaining_literal=literal(rate_limits["headers"]["remaining"]),
        rate_limit_reset_literal=literal(rate_limits["headers"]["reset"]),
        rate_limit_window_seconds=int(rate_limits["window_seconds"]),
        rate_limit_statuses=literal(frozenset(rate_limited)) if rate_limited else "frozenset()",
        server_error_statuses=literal(frozenset(server)) if server else "frozenset()",
        errors=errors,
        endpoints=endpoints,
        scopes=tuple(ScopeInfoView(s.name, block_literal(tuple(sorted(s.grants)), indent=8)) for s in sorted(catalog.scopes, key=lambda s: s.name)),
        groups=groups,
        webhook_literals=webhook_literals(catalog),
        all_exports=tuple(exports),
    )

