"""The view model of the generated Python client: every identifier, signature,
annotation and docstring line is decided here; the templates only place them."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from . import __version__, naming
from .agent_views import AgentView, build_agent_view
from .catalog import Catalog, Schema, thaw
from .naming import error_class, model_class
from .operations import Argument, Operation, build_operation_model
from .pysource import block_literal, docstring_text, fstring, fstring_argument, import_statement, literal
from .readers import PATH_TOKEN
from .text import NOT_DOCUMENTED, one_line

# Keyword arguments every method takes besides the endpoint's own.
METHOD_OPTIONS = frozenset({"self", "version", "timeout", "extra_headers"})
SCALARS = {"string": "str", "integer": "int", "number": "float", "boolean": "bool"}
# A Literal longer than this on one line is named once, in params.py, and used by name.
INLINE_LITERAL = 48


IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


@dataclass
class Types:
    """What the request annotations of one version refer to, collected while its methods
    are built: the schemas that need a TypedDict, and the Literals that need a name."""

    params: set[str] = field(default_factory=set)
    aliases: dict[str, tuple[Any, ...]] = field(default_factory=dict)
    by_class: dict[str, str] = field(default_factory=dict)
    """Each TypedDict's class name and the schema it is for: the reverse of `params`, so
    finding the names a declaration uses is a lookup per word, not a scan of every schema
    (which made the client view quadratic in the catalog's size)."""

    def param_class(self, schema: str) -> str:
        """The TypedDict naming a request schema, recorded as one the annotations need."""
        self.params.add(schema)
        name = naming.param_class(schema)
        self.by_class[name] = schema
        return name

    def names_in(self, text: str) -> set[str]:
        """The TypedDicts and Literal aliases that `text` names."""
        return {w for w in IDENTIFIER.findall(text) if w in self.by_class or w in self.aliases}

    def literal_type(self, values: tuple[Any, ...], owner: str, name: str) -> str:
        inline = "Literal[" + ", ".join(literal(v) for v in values) + "]"
        if len(inline) <= INLINE_LITERAL:
            return inline
        alias = naming.literal_alias(owner, name)
        while alias in self.aliases and self.aliases[alias] != values:
            alias += "_"
        self.aliases[alias] = values
        return alias

    def annotation(self, definition: Mapping[str, Any], owner: str, name: str) -> str:
        """The Python type a caller passes for a request field or parameter: a Literal for
        an enum, a TypedDict for a schema, None allowed only where the catalog allows null."""
        declared = definition.get("type")
        kinds = tuple(declared) if isinstance(declared, (list, tuple)) else (declared,)
        nullable = bool(definition.get("nullable")) or "null" in kinds
        values = tuple(definition.get("enum") or ())
        if values:
            nullable = nullable or None in values
            text = self.literal_type(tuple(v for v in values if v is not None), owner, name)
        elif "$ref" in definition:
            text = self.param_class(str(definition["$ref"]))
        elif "oneOf" in definition:
            text = " | ".join(dict.fromkeys(self.annotation(c, owner, name) for c in definition["oneOf"]))
        elif len(kinds) > 1:
            rest = {k: v for k, v in definition.items() if k not in ("type", "nullable")}
            text = " | ".join(dict.fromkeys(self.annotation({**rest, "type": k}, owner, name) for k in kinds if k != "null"))
        elif declared == "array":
            items = definition.get("items")
            # builtins.list: a resource's own `list` method would shadow the builtin.
            text = f"builtins.list[{self.annotation(items, owner, name)}]" if isinstance(items, Mapping) else "builtins.list[Any]"
        elif declared == "object":
            text = "dict[str, Any]"
        else:
            text = SCALARS.get(str(declared), "Any")
        return f"{text} | None" if nullable and text not in ("Any", "") else text or "Any"


@dataclass(frozen=True)
class ArgumentView:
    name: str
    wire_literal: str
    """The wire name as a Python string literal."""
    annotation: str
    required: bool
    description: str = ""
    """For the docstring's Args section, made safe for a docstring."""

    @property
    def declaration(self) -> str:
        if self.required:
            return f"{self.name}: {self.annotation}"
        return f"{self.name}: {self.annotation} | NotGiven = NOT_GIVEN"


# The options every method takes after the endpoint's own arguments.
OPTION_DECLARATIONS = (
    "version: str | None = None",
    "timeout: Timeout | NotGiven = NOT_GIVEN",
    "extra_headers: Mapping[str, str] | None = None",
)


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
    model_schemas: tuple[str, ...]
    """The schemas of the models it returns."""
    model_import_lines: tuple[str, ...]
    """The statements importing those models, as lines of the method's body; they run on
    its first call, so a module loads only the models its calls use."""
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
    type_names: tuple[str, ...]
    """The TypedDicts and Literal aliases of params.py its annotations name."""
    forward_lines: tuple[str, ...]
    """Its arguments passed on to the same method, one a line with a trailing comma."""
    raw_return_literal: str
    """`RawResponse[<its return type>]` as a string, for cast()."""

    @property
    def has_query(self) -> bool:
        return bool(self.query_arguments)

    @property
    def is_search(self) -> bool:
        return bool(self.search_object_literal)

    @property
    def checks_per_page(self) -> bool:
        return bool(self.per_page_argument)

    @property
    def has_raw_response(self) -> bool:
        """Whether `with_raw_response` offers it: every method but the pagers, whose pages
        carry their own response."""
        return not self.returns_pager


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
    raw_client_class: str
    """The class of `client.with_raw_response`."""
    raw_calls: str
    """The client stand-in whose calls answer RawResponse objects."""
    resources: tuple[ResourceRefView, ...] = ()
    """The client's groups, as this variant's client refers to them."""


@dataclass(frozen=True)
class ResourceRefView:
    """One group as a client attribute of one variant: what `client.<attribute>` and
    `client.with_raw_response.<attribute>` import on first use and build."""

    attribute: str
    summary: str
    class_name: str
    import_lines: tuple[str, ...]
    raw_class_name: str
    raw_import_lines: tuple[str, ...]
    type_import_lines: tuple[str, ...]
    """Both classes, imported for type checkers (an `if TYPE_CHECKING:` block)."""


def resource_refs(variant: VariantView, groups: tuple[GroupView, ...]) -> tuple[ResourceRefView, ...]:
    refs = []
    for group in groups:
        module = f"intercom_api.resources.{group.id}"
        name = variant.group_prefix + group.class_name
        raw = name + "WithRawResponse"
        refs.append(
            ResourceRefView(
                attribute=group.attribute,
                summary=group.summary,
                class_name=name,
                import_lines=tuple(import_statement(module, (name,), 8).split("\n")),
                raw_class_name=raw,
                raw_import_lines=tuple(import_statement(module, (raw,), 8).split("\n")),
                type_import_lines=tuple(import_statement(module, (name, raw), 4).split("\n")),
            )
        )
    return tuple(refs)


VARIANTS = (
    VariantView(
        "Intercom", "", "def", "", "SyncPager", "httpx.Client", "close", "__enter__", "__exit__", "time.sleep",
        "IntercomWithRawResponse", "_RawCalls",
    ),
    VariantView(
        "AsyncIntercom", "Async", "async def", "await ", "AsyncPager", "httpx.AsyncClient", "aclose", "__aenter__", "__aexit__", "_async_sleep",
        "AsyncIntercomWithRawResponse", "_AsyncRawCalls",
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
    """A capability group as the client's attribute (`client.contacts`), its classes and
    their module, intercom_api/resources/<id>.py."""

    id: str
    attribute: str
    class_name: str
    title: str
    summary: str
    methods: tuple[MethodView, ...]
    runtime_imports: tuple[str, ...]
    """What its module imports to run, one statement a line."""
    type_imports: tuple[str, ...]
    """What its annotations name: imported for type checkers only, as lines."""

    @property
    def module_literal(self) -> str:
        return literal(f"intercom_api.resources.{self.id}")


def group_imports(methods: tuple[MethodView, ...], has_path: bool) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """A resource module's imports: those it runs with, and (indented for an `if
    TYPE_CHECKING:` block) those only its annotations need."""
    runtime = ["NOT_GIVEN"]
    if any(m.checks_per_page for m in methods):
        runtime.append("check_per_page")
    if any(m.is_search for m in methods):
        runtime.append("given")
    statements = [import_statement("intercom_api.transport", tuple(runtime), 0)]
    if has_path:
        statements.append("from intercom_api.transport import segment as _segment")
    typing = [
        "    from collections.abc import Callable, Mapping",
        "    from intercom_api.client import AsyncIntercom, Intercom",
        *(model_import(schema, 4) for schema in sorted({s for m in methods for s in m.model_schemas})),
    ]
    if any(m.returns_pager for m in methods):
        typing.append("    from intercom_api.pagination import AsyncPager, SyncPager")
    params = tuple(sorted({n for m in methods for n in m.type_names}))
    if params:
        typing.append(import_statement("intercom_api.params", params, 4))
    typing.append("    from intercom_api.transport import NotGiven, RawResponse, Timeout")
    return tuple(statements), tuple(line for statement in typing for line in statement.split("\n"))


@dataclass(frozen=True)
class TypedDictView:
    """A request object as a TypedDict of params.py, in functional form (keys such as
    `from` are not identifiers)."""

    name: str
    name_literal: str
    field_lines: tuple[str, ...]
    """`"key": Required[type],` for each key, Required for the keys the catalog requires."""


@dataclass(frozen=True)
class AliasView:
    """A Literal too long to read inline, named once."""

    name: str
    value_lines: tuple[str, ...]
    """Each value as a literal with its trailing comma, one a line, as black lays them out."""


@dataclass(frozen=True)
class ParamsView:
    aliases: tuple[AliasView, ...]
    typed_dicts: tuple[TypedDictView, ...]
    export_literals: tuple[str, ...]


def build_params(catalog: Catalog, types: Types) -> ParamsView:
    """TypedDicts for every schema a request argument names, and the schemas those name,
    ordered so that each comes after the ones it uses (their values run at import)."""
    fields: dict[str, tuple[str, ...]] = {}
    uses: dict[str, set[str]] = {}
    pending = sorted(types.params)
    while pending:
        name = pending.pop()
        if name in fields:
            continue
        schema: Schema | None = catalog.schema(name)
        lines = []
        before = set(types.params)
        for prop in schema.properties if schema else ():
            text = types.annotation(prop.definition, name, prop.name)
            required = schema is not None and prop.name in schema.required
            lines.append(f"{literal(prop.name)}: {f'Required[{text}]' if required else text},")
        fields[name] = tuple(lines)
        uses[name] = {types.by_class[w] for w in types.names_in(" ".join(lines)) if w in types.by_class} - {name}
        pending += sorted(set(types.params) - before - set(fields))
    ordered: list[str] = []
    visiting: set[str] = set()

    def visit(name: str) -> None:
        if name in ordered:
            return
        if name in visiting:
            raise ValueError(f"request schema {name!r} refers back to itself through its fields; a TypedDict cannot")
        visiting.add(name)
        for used in sorted(uses[name]):
            visit(used)
        visiting.discard(name)
        ordered.append(name)

    for name in sorted(fields):
        visit(name)
    typed_dicts = tuple(
        TypedDictView(naming.param_class(n), literal(naming.param_class(n)), fields[n]) for n in ordered
    )
    aliases = tuple(
        AliasView(name, tuple(f"{literal(v)}," for v in values)) for name, values in sorted(types.aliases.items())
    )
    names = sorted([a.name for a in aliases] + [t.name for t in typed_dicts])
    return ParamsView(aliases, typed_dicts, tuple(literal(n) for n in names))


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
    statuses_sentence: str
    """"HTTP 404", "HTTP 500, 502, 503 or 504": the statuses as words in a sentence."""

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
    user_agent_literal: str
    region_type: str
    """The regions as a Literal type."""
    endpoint_id_lines: tuple[str, ...]
    """The endpoint ids, one literal a line with its trailing comma (the EndpointId type)."""
    params: ParamsView
    resource_classes: tuple[tuple[str, str], ...]
    """(class name, its module) as literals, for every class of intercom_api/resources/."""
    agents: AgentView
    """The policy, audit log, MCP server and gateway modules' data (generator.agent_views)."""
    variants: tuple[VariantView, ...] = VARIANTS


# How a method hands its answer back, by the operation's result kind.
RESULT_ANNOTATIONS = {"text": "str", "redirect": "str | None", "none": "None"}
RESULT_CALLS = {"model": "_call", "models": "_call_models", "list": "_call", "text": "_call_text", "redirect": "_call_location", "none": "_call_without_result"}
RESULT_WORDS = {
    "text": "The text of Intercom's answer.",
    "redirect": "The address Intercom redirects to (its Location header), or None without one.",
    "none": "None: Intercom answers with an empty body.",
}


def argument_view(argument: Argument, taken: set[str], types: Types, owner: str) -> ArgumentView:
    name = naming.argument(argument.name, taken, METHOD_OPTIONS)
    taken.add(name)
    return ArgumentView(
        name,
        literal(argument.name),
        types.annotation(argument.schema, owner, argument.name),
        argument.required,
        docstring_text(one_line(argument.description)),
    )


@dataclass(frozen=True)
class DocFacts:
    """What a method's docstring says besides the operation's own facts."""

    arguments: tuple[ArgumentView, ...]
    returns: str
    raises: tuple[str, ...]
    version_header: str


def docstring(operation: Operation, facts: DocFacts) -> tuple[str, ...]:
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
    # Arguments, returns and raises are made safe where they are built.
    sections = ["", "Args:"]
    sections += [f"    {a.name}: {a.description}" for a in facts.arguments]
    sections += [
        f"    version: The {facts.version_header} header to send instead of the client's.",
        "    timeout: Seconds to wait for this call (or an httpx.Timeout), instead of the client's.",
        "    extra_headers: Headers to add to this call's request.",
        "",
        "Returns:",
        f"    {facts.returns}",
        "",
        "Raises:",
        *(f"    {line}" for line in facts.raises),
    ]
    body = [*rest, *sections]
    return (f'{indent}"""{first}', *(f"{indent}{line}" if line else "" for line in body), f'{indent}"""')


RAISES_ERRORS = (
    "IntercomError: for an error answer, as the subclass of its status (NotFoundError, ...);",
    "    APIConnectionError without an answer; APIResponseValidationError for a successful",
    "    answer that is not the documented JSON.",
)


def build_method(operation: Operation, per_page_wire: str, types: Types, version_header: str) -> MethodView:
    taken: set[str] = set()
    owner = operation.request_schema or operation.id
    path_arguments = [argument_view(a, taken, types, owner) for a in operation.arguments_in("path")]
    by_wire = {a.name: view.name for a, view in zip(operation.arguments_in("path"), path_arguments, strict=True)}
    parts: list[tuple[bool, str]] = []
    for index, piece in enumerate(PATH_TOKEN.split(operation.path)):
        # split() alternates text and the names inside {...}.
        name = by_wire[piece] if index % 2 else ""
        parts.append((True, f"_segment({name}, {fstring_argument(name)})") if index % 2 else (False, piece))
    query_arguments = [argument_view(a, taken, types, owner) for a in operation.arguments_in("query") if not a.paging]
    body_arguments = [argument_view(a, taken, types, owner) for a in operation.arguments_in("body") if not a.paging]
    paging = operation.paging
    search_object = paging.request_object if paging is not None and paging.kind == "search" else None
    keyword_arguments = sorted(query_arguments + body_arguments, key=lambda a: not a.required)
    if paging is not None and search_object:
        # A search pages through an object in its body; the page size is the one knob exposed.
        name = naming.argument(paging.per_page_parameter, taken, METHOD_OPTIONS)
        described = docstring_text(f"Records per page, at most {paging.per_page_max}.")
        keyword_arguments.append(ArgumentView(name, literal(paging.per_page_parameter), "int", False, described))
    # Any endpoint taking the page-size parameter checks it, paged or not.
    per_page = next((a for a in keyword_arguments if a.wire_literal == literal(per_page_wire)), None)
    declarations = [a.declaration for a in path_arguments]
    declarations.append("*")
    declarations += [a.declaration for a in keyword_arguments]
    declarations += OPTION_DECLARATIONS
    named = types.names_in(" ".join(declarations))

    result = operation.result
    response_model = model_class(result.schema) if result.schema else ""
    item_model = model_class(paging.item_schema) if paging is not None else ""
    raises: tuple[str, ...] = (*RAISES_ERRORS, "ValueError: for a path parameter that is None or empty, before any request.")
    if paging is not None:
        returns = f"SyncPager[{item_model}]"
        imported = sorted({result.schema or "", paging.item_schema})
        words = f"A pager over every {item_model}: it fetches a page only when iteration needs it."
        raises = (*raises[:-1], "ValueError: for a page size out of range, before any request.")
    elif response_model and result.kind == "models":
        returns, imported = f"builtins.list[{response_model}]", [result.schema or ""]
        words = f"A list of {response_model}, one for each object of the JSON array Intercom answers."
    elif response_model:
        returns, imported = response_model, [result.schema or ""]
        words = f"The {response_model} Intercom answers."
    else:
        returns, imported, words = RESULT_ANNOTATIONS[result.kind], [], RESULT_WORDS[result.kind]
    if not path_arguments and paging is None:
        raises = RAISES_ERRORS
    facts = DocFacts((*path_arguments, *keyword_arguments), words, raises, version_header)
    return MethodView(
        name=naming.method(operation.action),
        endpoint_id_literal=literal(operation.id),
        path_literal=fstring(tuple(parts)),
        signature_lines=("self", *declarations),
        docstring_lines=docstring(operation, facts),
        query_arguments=tuple(query_arguments),
        body_arguments=tuple(body_arguments),
        model_schemas=tuple(imported),
        model_import_lines=tuple(line for schema in imported for line in model_import(schema, 8).split("\n")),
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
        type_names=tuple(sorted(named)),
        forward_lines=(
            *(f"{a.name}," for a in path_arguments),
            *(f"{a.name}={a.name}," for a in keyword_arguments),
            "version=version,",
            "timeout=timeout,",
            "extra_headers=extra_headers,",
        ),
        raw_return_literal=literal(f"RawResponse[{returns}]"),
    )


def model_import(schema: str, indent: int) -> str:
    """The statement importing a schema's model from its own module, at `indent`."""
    return import_statement(f"intercom_api.models.{naming.model_module(schema)}", (model_class(schema),), indent)


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


def statuses_sentence(statuses: list[int]) -> str:
    words = [str(s) for s in statuses]
    return "HTTP " + (words[0] if len(words) == 1 else ", ".join(words[:-1]) + " or " + words[-1])


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
            statuses_sentence=statuses_sentence(sorted((e.status, *e.also))),
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
    types = Types()
    groups = []
    for group in sorted(catalog.groups, key=lambda g: g.id):
        members = operations.in_group(group.id)
        if not members:
            continue
        methods = tuple(build_method(o, operations.per_page_parameter, types, catalog.api.version_header) for o in members)
        runtime_imports, type_imports = group_imports(methods, any(o.arguments_in("path") for o in members))
        groups.append(
            GroupView(
                id=naming.module(group.id),
                attribute=naming.identifier(group.id),
                class_name=naming.group_class(group.id),
                title=docstring_text(group.title),
                summary=docstring_text(one_line(group.summary)),
                methods=methods,
                runtime_imports=runtime_imports,
                type_imports=type_imports,
            )
        )
    params = build_params(catalog, types)
    exports = sorted(
        {
            "Intercom", "AsyncIntercom", "ENDPOINTS", "EndpointId", "EndpointInfo", "required_scopes", "API_VERSION",
            "RateLimit", "SyncPager", "AsyncPager", "Page", "IntercomError", "APIConnectionError",
            "APIResponseValidationError", "NOT_GIVEN", "NotGiven", "RawResponse", "Region",
        }
        | {e.class_name for e in errors}
    )
    resource_classes = tuple(
        (literal(f"{prefix}{g.class_name}{suffix}"), literal(g.id))
        for g in groups
        for prefix in ("", "Async")
        for suffix in ("", "WithRawResponse")
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
        groups=tuple(groups),
        webhook_literals=webhook_literals(catalog),
        all_exports=tuple(exports),
        user_agent_literal=literal(f"intercom-api/{catalog.version}.0 (intercom-gen {__version__}; API {catalog.version})"),
        region_type="Literal[" + ", ".join(literal(r.id) for r in sorted(catalog.api.regions, key=lambda r: r.id)) + "]",
        endpoint_id_lines=tuple(f"{literal(e.id)}," for e in sorted(catalog.endpoints, key=lambda e: e.id)),
        params=params,
        resource_classes=resource_classes,
        agents=build_agent_view(catalog, operations, tuple(groups)),
        variants=tuple(replace(v, resources=resource_refs(v, tuple(groups))) for v in VARIANTS),
    )

