"""An MCP server for Intercom API 2.14, one tool per endpoint an agent's policy
allows, built on the official MCP Python SDK (the package's `mcp` extra)::

    python -m intercom_api.mcp --policy agents.yaml --agent support-bot \\
        [--audit-log audit.jsonl] [--region us|eu|au] [--base-url URL] \\
        [--transport stdio|http] [--host 127.0.0.1] [--port 8000]

The Intercom token comes from the environment (INTERCOM_ACCESS_TOKEN). Tools are named
after the catalog's endpoint ids (`contacts_search`), take a JSON Schema input made from
the catalog, carry MCP's annotations (readOnlyHint for read access, destructiveHint for
endpoints that delete or archive, idempotentHint for GET, PUT and DELETE, openWorldHint)
and answer structured JSON; a list answers one page and the `next_cursor` to pass as
`cursor`. Besides them, `search` (one text query across contacts, conversations and
articles) and `fetch` (one object by the `intercom://<group>/<id>` reference a search
result gives) serve clients made for Intercom's hosted server, restricted by the same
policy. Every call goes through the guarded client, so it is checked and logged;
endpoints the policy denies are not listed, and a call to one anyway is refused and
logged. Intercom's errors come back as tool errors, with the catalog's "what to do".
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import anyio
import mcp.types as types
from mcp.server import Server, ServerRequestContext

from intercom_api.audit import AuditLog, AuditLogError, Guard
from intercom_api.client import AsyncIntercom
from intercom_api.endpoints import ENDPOINTS
from intercom_api.errors import IntercomError
from intercom_api.policy import AgentPolicy, Policy, PolicyDenied, PolicyError
from intercom_api.transport import BASE_URLS, DEFAULT_REGION, TOKEN_ENV

TOOLS_FILE = Path(__file__).with_name("mcp_tools.json")
SEARCH = "search"
FETCH = "fetch"
REFERENCE_PREFIX = "intercom://"
JSON_TYPES: Mapping[str, tuple[type, ...]] = {
    "string": (str,),
    "integer": (int,),
    "number": (int, float),
    "boolean": (bool,),
    "object": (dict,),
    "array": (list,),
    "null": (type(None),),
}


@dataclass(frozen=True)
class Call:
    """How a tool's arguments reach the client method."""

    group: str
    method: str
    positional: tuple[str, ...]
    keywords: Mapping[str, str]
    result: str
    cursor: str | None


@dataclass(frozen=True)
class ToolSpec:
    name: str
    endpoint: str
    title: str
    description: str
    input_schema: Mapping[str, Any]
    annotations: Mapping[str, bool]
    call: Call


@dataclass(frozen=True)
class Source:
    """A kind of object `search` looks through and `fetch` reads."""

    kind: str
    search_tool: str
    query_search: bool
    fields: tuple[str, ...]
    fetch_tool: str
    fetch_argument: str
    title: tuple[str, ...]
    query_argument: str
    """The search tool's input that takes the query (for a search endpoint)."""
    per_page_argument: str


@dataclass(frozen=True)
class ToolCatalog:
    server_name: str
    instructions: str
    per_page_max: int
    search_per_page: int
    tools: Mapping[str, ToolSpec]
    sources: tuple[Source, ...]


def load_tools(path: Path = TOOLS_FILE) -> ToolCatalog:
    """The tools of every endpoint, as intercom-gen wrote them from the catalog."""
    document = json.loads(path.read_text(encoding="utf-8"))
    definitions = document["defs"]
    tools = {}
    for tool in document["tools"]:
        schema = dict(tool["input_schema"])
        if tool["defs"]:
            schema["$defs"] = {name: definitions[name] for name in tool["defs"]}
        call = tool["call"]
        tools[tool["name"]] = ToolSpec(
            name=tool["name"],
            endpoint=tool["endpoint"],
            title=tool["title"],
            description=tool["description"],
            input_schema=schema,
            annotations=tool["annotations"],
            call=Call(
                group=call["group"],
                method=call["method"],
                positional=tuple(call["positional"]),
                keywords=call["keywords"],
                result=call["result"],
                cursor=call["cursor"],
            ),
        )
    sources = tuple(
        Source(
            kind=source["kind"],
            search_tool=source["search_tool"],
            query_search=source["query_search"],
            fields=tuple(source["fields"]),
            fetch_tool=source["fetch_tool"],
            fetch_argument=source["fetch_argument"],
            title=tuple(source["title"]),
            query_argument=source["query_argument"],
            per_page_argument=source["per_page_argument"],
        )
        for source in document["sources"]
    )
    return ToolCatalog(
        server_name=document["server"]["name"],
        instructions=document["server"]["instructions"],
        per_page_max=document["per_page_max"],
        search_per_page=document["search_per_page"],
        tools=tools,
        sources=sources,
    )


def problems_with(schema: Mapping[str, Any], arguments: Mapping[str, Any]) -> list[str]:
    """What is wrong with a call's arguments at the top level: unknown or missing names,
    wrong JSON types, values outside an enum or a range. Nested objects are Intercom's
    to check."""
    properties: Mapping[str, Any] = schema.get("properties", {})
    problems = [f"unknown argument {name!r}" for name in arguments if name not in properties]
    problems += [
        f"missing argument {name!r}" for name in schema.get("required", ()) if name not in arguments
    ]
    for name, value in arguments.items():
        expected = properties.get(name, {})
        declared = expected.get("type")
        kinds = [declared] if isinstance(declared, str) else list(declared or ())
        if kinds and not any(_is(value, kind) for kind in kinds):
            problems.append(f"{name!r} must be {' or '.join(kinds)}")
        elif "enum" in expected and value not in expected["enum"]:
            problems.append(f"{name!r} must be one of {', '.join(map(str, expected['enum']))}")
        elif isinstance(value, int | float) and not isinstance(value, bool):
            low, high = expected.get("minimum"), expected.get("maximum")
            if (low is not None and value < low) or (high is not None and value > high):
                bounds = [f"at least {low}"] if low is not None else []
                bounds += [f"at most {high}"] if high is not None else []
                problems.append(f"{name!r} must be {' and '.join(bounds)}")
    return problems


def _is(value: Any, kind: str) -> bool:
    if kind in ("integer", "number") and isinstance(value, bool):
        return False
    if kind == "integer" and isinstance(value, float):
        return value.is_integer()
    return isinstance(value, JSON_TYPES.get(kind, (object,)))


def _dump(value: Any) -> Any:
    dump = getattr(value, "model_dump", None)
    return dump(mode="json", by_alias=True) if callable(dump) else value


def _field(record: Mapping[str, Any], dotted: str) -> Any:
    value: Any = record
    for name in dotted.split("."):
        value = value.get(name) if isinstance(value, Mapping) else None
    return value


def _text_result(structured: Mapping[str, Any]) -> types.CallToolResult:
    text = json.dumps(structured, ensure_ascii=False)
    return types.CallToolResult(
        content=[types.TextContent(type="text", text=text)],
        structured_content=dict(structured),
    )


def tool_error(message: str, details: Mapping[str, Any] | None = None) -> types.CallToolResult:
    return types.CallToolResult(
        content=[types.TextContent(type="text", text=message)],
        structured_content={"error": dict(details or {"message": message})},
        is_error=True,
    )


def intercom_error(error: IntercomError) -> types.CallToolResult:
    """An Intercom (or policy) error as a tool error that says what to do."""
    details = {
        "status": error.status,
        "code": error.code,
        "message": error.message,
        "what_to_do": error.what_to_do,
        "request_id": error.request_id,
        "endpoint": error.endpoint_id,
    }
    return tool_error(str(error), details)


class IntercomTools:
    """One agent's tools: the ones its policy allows, and how each call runs."""

    def __init__(
        self,
        catalog: ToolCatalog,
        policy: Policy,
        agent: str,
        client: AsyncIntercom,
        guard: Guard,
    ) -> None:
        self.catalog: ToolCatalog = catalog
        self.agent: AgentPolicy = policy.agent(agent)
        self.client: AsyncIntercom = client
        self.guard: Guard = guard
        self.allowed: dict[str, ToolSpec] = {
            name: tool for name, tool in catalog.tools.items() if self.agent.allows(tool.endpoint)
        }
        self.search_sources: tuple[Source, ...] = tuple(
            s for s in catalog.sources if s.search_tool in self.allowed
        )
        self.fetch_sources: tuple[Source, ...] = tuple(
            s for s in catalog.sources if s.fetch_tool in self.allowed
        )
        self.listed: list[types.Tool] = self._list()

    def _list(self) -> list[types.Tool]:
        listed = [
            types.Tool(
                name=tool.name,
                title=tool.title,
                description=tool.description,
                input_schema=dict(tool.input_schema),
                annotations=types.ToolAnnotations(
                    title=tool.title,
                    read_only_hint=tool.annotations["read_only"],
                    destructive_hint=tool.annotations["destructive"],
                    idempotent_hint=tool.annotations["idempotent"],
                    open_world_hint=tool.annotations["open_world"],
                ),
            )
            for tool in sorted(self.allowed.values(), key=lambda t: t.name)
        ]
        hints = types.ToolAnnotations(
            read_only_hint=True, destructive_hint=False, idempotent_hint=True, open_world_hint=True
        )
        if self.search_sources:
            kinds = ", ".join(s.kind for s in self.search_sources)
            listed.append(
                types.Tool(
                    name=SEARCH,
                    title="Search Intercom",
                    description=(
                        f"Search {kinds} for a text; each result has an id, a title and a "
                        f"URL-like reference ({REFERENCE_PREFIX}<group>/<id>) to pass to fetch."
                    ),
                    input_schema={
                        "type": "object",
                        "properties": {
                            "query": {"type": "string", "description": "The text to look for."},
                            "per_page": {
                                "type": "integer",
                                "minimum": 1,
                                "maximum": self.catalog.per_page_max,
                                "description": "Results to ask each kind of object for.",
                            },
                        },
                        "required": ["query"],
                        "additionalProperties": False,
                    },
                    annotations=hints,
                )
            )
        if self.fetch_sources:
            kinds = ", ".join(s.kind for s in self.fetch_sources)
            listed.append(
                types.Tool(
                    name=FETCH,
                    title="Fetch an Intercom object",
                    description=(
                        f"Fetch one object ({kinds}) by the reference a search result gives, "
                        f"such as {REFERENCE_PREFIX}{self.fetch_sources[0].kind}/123."
                    ),
                    input_schema={
                        "type": "object",
                        "properties": {
                            "id": {"type": "string", "description": "A search result's id."}
                        },
                        "required": ["id"],
                        "additionalProperties": False,
                    },
                    annotations=hints,
                )
            )
        return listed

    async def call(self, name: str, arguments: Mapping[str, Any]) -> types.CallToolResult:
        """Run one tool call; every failure is a tool error, never an exception."""
        try:
            if name == SEARCH:
                return await self.search(arguments)
            if name == FETCH:
                return await self.fetch(arguments)
            tool = self.catalog.tools.get(name)
            if tool is None:
                return tool_error(f"no tool is named {name!r}")
            if name not in self.allowed:
                self.guard.refuse(ENDPOINTS[tool.endpoint], ENDPOINTS[tool.endpoint].path)
            problems = problems_with(tool.input_schema, arguments)
            if problems:
                return tool_error(f"{name}: " + "; ".join(problems))
            return _text_result(await self.run(tool, arguments))
        except IntercomError as error:
            return intercom_error(error)
        except (TypeError, ValueError) as error:
            return tool_error(f"{name}: {error}")

    async def run(self, tool: ToolSpec, arguments: Mapping[str, Any]) -> dict[str, Any]:
        """Call the client method for a tool; the answer as JSON data."""
        call = tool.call
        method = getattr(getattr(self.client, call.group), call.method)
        positional = [arguments[name] for name in call.positional]
        keywords = {call.keywords[n]: v for n, v in arguments.items() if n in call.keywords}
        if call.cursor is not None:
            pager = method(*positional, **keywords)
            # One page, from where the caller left off: the pager's own page fetch.
            page = await pager._fetch(arguments.get(call.cursor))
            result: dict[str, Any] = {
                "items": [_dump(item) for item in page.items],
                "next_cursor": page.next_cursor,
            }
            total = getattr(page.response, "total_count", None)
            if isinstance(total, int):
                result["total_count"] = total
            return result
        answer = await method(*positional, **keywords)
        if call.result == "model":
            return dict(_dump(answer))
        if call.result == "models":
            return {"items": [_dump(item) for item in answer]}
        if call.result == "text":
            return {"text": answer}
        if call.result == "redirect":
            return {"location": answer}
        return {"done": True}

    def _refuse_all(self, tool_names: Sequence[str]) -> None:
        """Log a denial for each endpoint a universal tool would have used, then refuse."""
        denied: PolicyDenied | None = None
        for name in tool_names:
            endpoint = ENDPOINTS[self.catalog.tools[name].endpoint]
            try:
                self.guard.refuse(endpoint, endpoint.path)
            except PolicyDenied as error:
                denied = denied or error
        if denied is not None:
            raise denied

    async def search(self, arguments: Mapping[str, Any]) -> types.CallToolResult:
        if not self.search_sources:
            self._refuse_all([s.search_tool for s in self.catalog.sources])
            return tool_error("search: this agent may search nothing")
        schema = {
            "type": "object",
            "properties": {
                "query": {"type": "string"},
                "per_page": {"type": "integer", "minimum": 1, "maximum": self.catalog.per_page_max},
            },
            "required": ["query"],
        }
        problems = problems_with(schema, arguments)
        if problems:
            return tool_error("search: " + "; ".join(problems))
        text = str(arguments["query"])
        size = int(arguments.get("per_page", self.catalog.search_per_page))
        results: list[dict[str, Any]] = []
        failures: list[str] = []
        for source in self.search_sources:
            try:
                results += await self._search_one(source, text, size)
            except IntercomError as error:
                failures.append(f"{source.kind}: {error}")
        if failures and not results:
            return tool_error("search failed: " + " | ".join(failures))
        found: dict[str, Any] = {"results": results}
        if failures:
            found["errors"] = failures
        return _text_result(found)

    async def _search_one(self, source: Source, text: str, size: int) -> list[dict[str, Any]]:
        tool = self.catalog.tools[source.search_tool]
        if source.query_search:
            tests = [{"field": f, "operator": "~", "value": text} for f in source.fields]
            query = tests[0] if len(tests) == 1 else {"operator": "OR", "value": tests}
            page = await self.run(
                tool, {source.query_argument: query, source.per_page_argument: size}
            )
            records = page["items"]
        else:
            page = await self.run(tool, {source.per_page_argument: self.catalog.per_page_max})
            needle = text.casefold()
            records = [
                r
                for r in page["items"]
                if any(needle in str(_field(r, f) or "").casefold() for f in source.fields)
            ][:size]
        return [self._result(source, record) for record in records]

    def _result(self, source: Source, record: Mapping[str, Any]) -> dict[str, Any]:
        reference = f"{REFERENCE_PREFIX}{source.kind}/{record.get('id')}"
        titles = (_field(record, f) for f in source.title)
        title = next((str(t) for t in titles if t), str(record.get("id")))
        return {"id": reference, "title": title[:200], "url": reference, "type": source.kind}

    async def fetch(self, arguments: Mapping[str, Any]) -> types.CallToolResult:
        reference = arguments.get("id")
        if not isinstance(reference, str) or not reference.startswith(REFERENCE_PREFIX):
            example = f"{REFERENCE_PREFIX}contacts/123"
            return tool_error(f"fetch: 'id' must be a search result's id, such as {example}")
        kind, _, object_id = reference.removeprefix(REFERENCE_PREFIX).partition("/")
        source = next((s for s in self.catalog.sources if s.kind == kind), None)
        if source is None or not object_id:
            kinds = ", ".join(s.kind for s in self.catalog.sources)
            return tool_error(f"fetch: {reference!r} names no object (kinds: {kinds})")
        tool = self.catalog.tools[source.fetch_tool]
        if source.fetch_tool not in self.allowed:
            endpoint = ENDPOINTS[tool.endpoint]
            self.guard.refuse(
                endpoint, endpoint.path.replace("{" + source.fetch_argument + "}", object_id)
            )
        record = await self.run(tool, {source.fetch_argument: object_id})
        found = self._result(source, record)
        found["text"] = json.dumps(record, ensure_ascii=False)
        found["metadata"] = {"type": source.kind, "endpoint": tool.endpoint}
        return _text_result(found)


def build_server(tools: IntercomTools) -> Server[Any]:
    async def list_tools(
        context: ServerRequestContext[Any], params: types.PaginatedRequestParams | None
    ) -> types.ListToolsResult:
        return types.ListToolsResult(tools=tools.listed)

    async def call_tool(
        context: ServerRequestContext[Any], params: types.CallToolRequestParams
    ) -> types.CallToolResult:
        return await tools.call(params.name, params.arguments or {})

    return Server(
        tools.catalog.server_name,
        version="2.14",
        instructions=tools.catalog.instructions,
        on_list_tools=list_tools,
        on_call_tool=call_tool,
    )


def open_tools(
    policy: Policy,
    agent: str,
    *,
    token: str | None = None,
    region: str = DEFAULT_REGION,
    base_url: str | None = None,
    audit_log: AuditLog | str | os.PathLike[str] | None = None,
    catalog: ToolCatalog | None = None,
) -> IntercomTools:
    """An agent's tools over a guarded AsyncIntercom; the caller closes `tools.client`."""
    if region not in BASE_URLS:
        raise ValueError(f"unknown region {region!r}; choose one of {', '.join(sorted(BASE_URLS))}")
    log = audit_log
    if log is not None and not isinstance(log, AuditLog):
        log = AuditLog(log, via="mcp")
    client = AsyncIntercom(
        token,
        base_url=base_url or BASE_URLS[region],
        policy=policy,
        agent=agent,
        audit_log=log,
    )
    return IntercomTools(catalog or load_tools(), policy, agent, client, Guard(policy, agent, log))


def arguments(argv: Sequence[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m intercom_api.mcp",
        description=f"An MCP server for Intercom, governed by an agent policy; the token is read from {TOKEN_ENV}.",
    )
    parser.add_argument("--policy", required=True, help="the policy file (YAML)")
    parser.add_argument(
        "--agent", required=True, help="the agent of the policy this server acts for"
    )
    parser.add_argument("--audit-log", help="append one JSON line per call to this file")
    parser.add_argument("--region", choices=sorted(BASE_URLS), default=DEFAULT_REGION)
    parser.add_argument("--base-url", help="call this URL instead of the region's")
    parser.add_argument("--transport", choices=("stdio", "http"), default="stdio")
    parser.add_argument(
        "--host", default="127.0.0.1", help="for --transport http (default: loopback)"
    )
    parser.add_argument("--port", type=int, default=8000, help="for --transport http")
    return parser.parse_args(argv)


async def serve(tools: IntercomTools, transport: str, host: str, port: int) -> None:
    server = build_server(tools)
    try:
        if transport == "stdio":
            from mcp.server.stdio import stdio_server

            async with stdio_server() as (read, write):
                await server.run(read, write, server.create_initialization_options())
        else:
            import uvicorn

            app = server.streamable_http_app(host=host)
            config = uvicorn.Config(app, host=host, port=port, log_level="warning")
            await uvicorn.Server(config).serve()
    finally:
        await tools.client.close()


def main(argv: Sequence[str] | None = None) -> int:
    options = arguments(argv)
    if not os.environ.get(TOKEN_ENV):
        print(f"intercom_api.mcp: set {TOKEN_ENV} to the Intercom access token", file=sys.stderr)
        return 2
    try:
        policy = Policy.load(options.policy)
        tools = open_tools(
            policy,
            options.agent,
            region=options.region,
            base_url=options.base_url,
            audit_log=options.audit_log,
        )
    except PolicyError as error:
        print("\n".join(error.problems), file=sys.stderr)
        return 2
    except (AuditLogError, ValueError) as error:
        print(f"intercom_api.mcp: {error}", file=sys.stderr)
        return 2
    anyio.run(serve, tools, options.transport, options.host, options.port)
    return 0


if __name__ == "__main__":
    sys.exit(main())
