"""Fuzzed policies, paths and call sequences never let an ungranted call reach Intercom,
through any of the three ways in: the guarded client, the MCP server and the gateway.

The oracle is independent of the generated package: what is granted comes from the
generator's own policy rules (generator.agent_policy.decide), and which endpoint a
request that reached the fake was for comes from the fake's own route table."""

from __future__ import annotations

import asyncio
import hashlib
from collections.abc import Iterator
from types import ModuleType
from typing import Any
from urllib.parse import unquote

import httpx
import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from intercom_gen.agent_policy import AgentRules, decide
from tests.client.versions import NEWEST, RESOLVED
from tests.fake_intercom import FakeIntercom
from tests.fake_intercom.routes import find

TOKEN = "test-token"
KEY = "the-fuzzed-agent-key"
CATALOG = RESOLVED.versions[NEWEST]
ENDPOINTS = sorted(e.id for e in CATALOG.endpoints)
GROUPS = sorted(g.id for g in CATALOG.groups)
BY_TEMPLATE = {(e.method, e.path): e.id for e in CATALOG.endpoints}
FUZZ = settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])

rules_strategy = st.fixed_dictionaries(
    {
        "levels": st.dictionaries(st.sampled_from(GROUPS), st.sampled_from(["off", "read", "full", "full"]), min_size=2),
        "overrides": st.dictionaries(st.sampled_from(ENDPOINTS), st.booleans(), max_size=6),
    }
)
calls_strategy = st.lists(st.sampled_from(ENDPOINTS), min_size=1, max_size=6)
IDS = ["c1", "conv1", "t1", "art1", "call1", "1"]
HOSTILE = ["..", ".", "%2e%2e", "%2E", "a%2Fb", "", "search", "%00", "%ZZ", "x" * 300, "%C3%BC", "me", "list", "c1?x=1", "c1#f"]
SEGMENTS = [*IDS, *HOSTILE]
METHODS = ["GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS"]


def as_policy(rules: dict[str, Any]) -> dict[str, Any]:
    entry: dict[str, Any] = dict(rules["levels"])
    if rules["overrides"]:
        entry["endpoints"] = {e: "on" if on else "off" for e, on in rules["overrides"].items()}
    entry["key_sha256"] = hashlib.sha256(KEY.encode()).hexdigest()
    return {"agents": {"bot": entry}}


def granted(rules: dict[str, Any]) -> set[str]:
    agent = AgentRules("bot", rules["levels"], rules["overrides"], None, None)  # type: ignore[arg-type]
    return {e.id for e in CATALOG.endpoints if decide(agent, e.id, e.group, e.access).allowed}


def reached(fake: FakeIntercom) -> list[str | None]:
    """The endpoint each request the fake received was for, by the fake's own routes."""
    found = []
    for request in fake.requests:
        segments = [unquote(s, errors="replace") for s in request.raw_path.split("/")[1:]]
        route = find(request.method, segments)
        found.append(BY_TEMPLATE.get((route[0].method, route[0].path)) if route else None)
    return found


def check(fake: FakeIntercom, rules: dict[str, Any]) -> None:
    allowed = granted(rules)
    event("some call reached Intercom" if fake.requests else "no call reached Intercom")
    for endpoint, request in zip(reached(fake), fake.requests, strict=True):
        assert endpoint in allowed, (request.method, request.raw_path, sorted(allowed))
        assert request.headers.get("authorization") == f"Bearer {TOKEN}"


def example(schema: dict[str, Any]) -> Any:
    if "enum" in schema:
        return schema["enum"][0]
    kinds = schema.get("type") or "object"
    kind = next(k for k in (kinds if isinstance(kinds, list) else [kinds]) if k != "null")
    return {"string": "x1", "integer": 1, "number": 1.5, "boolean": True, "array": [], "object": {}}[kind]


def arguments_for(tool: Any) -> dict[str, Any]:
    schema = tool.input_schema
    return {name: example(schema["properties"][name]) for name in schema.get("required", ())}


@pytest.fixture
def quiet_fake(_fake_server: FakeIntercom) -> Iterator[FakeIntercom]:
    _fake_server.reset(data=True)
    yield _fake_server
    _fake_server.reset()


@pytest.fixture(scope="module")
def tools(api: ModuleType) -> Any:
    from intercom_api.mcp import load_tools

    return load_tools()


@FUZZ
@given(rules=rules_strategy, calls=calls_strategy)
def test_the_guarded_client_sends_only_granted_calls(api: ModuleType, quiet_fake: FakeIntercom, tools: Any, rules: dict[str, Any], calls: list[str]) -> None:
    from intercom_api.policy import Policy, PolicyDenied

    quiet_fake.reset()
    by_endpoint = {t.endpoint: t for t in tools.tools.values()}
    with api.Intercom(TOKEN, base_url=quiet_fake.base_url, max_retries=0, policy=Policy.from_dict(as_policy(rules)), agent="bot") as client:
        for endpoint_id in calls:
            tool = by_endpoint[endpoint_id]
            arguments = arguments_for(tool)
            method = getattr(getattr(client, tool.call.group), tool.call.method)
            positional = [arguments[n] for n in tool.call.positional]
            keywords = {tool.call.keywords[n]: v for n, v in arguments.items() if n in tool.call.keywords}
            try:
                answer = method(*positional, **keywords)
                if tool.call.cursor is not None:
                    next(iter(answer.pages()))
                assert endpoint_id in granted(rules)
            except PolicyDenied:
                assert endpoint_id not in granted(rules)
            except (api.IntercomError, ValueError, TypeError):
                pass
    check(quiet_fake, rules)


@FUZZ
@given(rules=rules_strategy, calls=st.lists(st.one_of(st.sampled_from(ENDPOINTS), st.just("search"), st.just("fetch")), min_size=1, max_size=6))
def test_the_mcp_server_sends_only_granted_calls(api: ModuleType, quiet_fake: FakeIntercom, tools: Any, rules: dict[str, Any], calls: list[str]) -> None:
    from intercom_api.mcp import build_server, open_tools
    from intercom_api.policy import Policy
    from mcp import Client

    quiet_fake.reset()
    by_endpoint = {t.endpoint: t for t in tools.tools.values()}
    opened = open_tools(Policy.from_dict(as_policy(rules)), "bot", token=TOKEN, base_url=quiet_fake.base_url, catalog=tools)

    async def drive() -> list[str]:
        async with Client(build_server(opened), cache=None) as client:
            listed = [t.name for t in (await client.list_tools()).tools]
            for name in calls:
                if name == "search":
                    await client.call_tool("search", {"query": "User"})
                elif name == "fetch":
                    await client.call_tool("fetch", {"id": "intercom://contacts/c1"})
                else:
                    tool = by_endpoint[name]
                    result = await client.call_tool(tool.name, arguments_for(tool))
                    if name not in granted(rules):
                        assert result.is_error
        await opened.client.close()
        return listed

    listed = asyncio.run(drive())
    assert {n for n in listed if n not in ("search", "fetch")} == {by_endpoint[e].name for e in granted(rules)}
    check(quiet_fake, rules)


TEMPLATES = [(e.method, e.path) for e in CATALOG.endpoints]
RANDOM_PATHS = st.lists(st.sampled_from([*SEGMENTS, "contacts", "conversations", "tickets", "admins", "internal_articles"]), min_size=1, max_size=4)
target_strategy = st.one_of(
    st.sampled_from(TEMPLATES),
    st.sampled_from(TEMPLATES),
    st.sampled_from(TEMPLATES),
    st.tuples(st.sampled_from(METHODS), st.sampled_from([path for _, path in TEMPLATES])),
    st.tuples(st.sampled_from(METHODS), RANDOM_PATHS.map(lambda s: "/" + "/".join(s))),
)


@FUZZ
@given(
    rules=rules_strategy,
    requests=st.lists(
        st.tuples(
            target_strategy,
            st.one_of(st.sampled_from(IDS), st.sampled_from(IDS), st.sampled_from(HOSTILE)),
            st.sampled_from([KEY, KEY, KEY, KEY, KEY, "wrong", ""]),
        ),
        min_size=1,
        max_size=8,
    ),
)
def test_the_gateway_forwards_only_granted_calls(api: ModuleType, quiet_fake: FakeIntercom, rules: dict[str, Any], requests: list[tuple[tuple[str, str], str, str]]) -> None:
    from intercom_api.gateway import Gateway, Running
    from intercom_api.policy import Policy

    quiet_fake.reset()
    running = Running(Gateway(Policy.from_dict(as_policy(rules)), TOKEN, quiet_fake.base_url, timeout=5))
    try:
        with httpx.Client(base_url=running.base_url, timeout=10) as http:
            for (method, template), segment, key in requests:
                path = "/".join(segment if part.startswith("{") else part for part in template.split("/"))
                headers = {"Authorization": f"Bearer {key}"} if key else {}
                body = b"{}" if method in ("POST", "PUT", "PATCH") else None
                response = http.request(method, path, headers=headers, content=body)
                if key != KEY:
                    assert response.status_code == 401
                for secret in (TOKEN, KEY):
                    assert secret not in response.text
    finally:
        running.stop()
    check(quiet_fake, rules)
