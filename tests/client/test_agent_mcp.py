"""The generated MCP server (`python -m intercom_api.mcp`), driven through the official
MCP SDK's own client over stdio against a real server process, which calls the fake
Intercom: the tools a policy lists, their annotations and input schemas, read and write
calls, a denied call (the fake receives nothing), list paging with a cursor, Intercom's
errors as tool errors with what to do, `search` and `fetch`, and one audit line a call."""

from __future__ import annotations

import json
import os
import sys
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from pathlib import Path
from types import ModuleType
from typing import Any

import anyio
import pytest
from jsonschema import Draft202012Validator
from mcp import Client, StdioServerParameters

from tests.fake_intercom import FakeIntercom

TOKEN = "test-token"
SUPPORT = {
    "agents": {
        "support-bot": {
            "conversations": "full",
            "contacts": "read",
            "articles": "read",
            "endpoints": {"conversations.manage": "off"},
        },
        "reader": {group: "read" for group in ("admins", "articles", "companies", "contacts", "conversations", "tickets")},
        "nobody": {},
    }
}


def policy_file(tmp_path: Path, rules: dict[str, Any]) -> Path:
    path = tmp_path / "agents.yaml"
    path.write_text(json.dumps(rules), encoding="utf-8")  # JSON is YAML
    return path


@asynccontextmanager
async def server(generated: Path, version: str, fake: FakeIntercom, tmp_path: Path, agent: str, rules: dict[str, Any]) -> AsyncIterator[Client]:
    parameters = StdioServerParameters(
        command=sys.executable,
        args=[
            "-m",
            "intercom_api.mcp",
            "--policy",
            str(policy_file(tmp_path, rules)),
            "--agent",
            agent,
            "--audit-log",
            str(tmp_path / "audit.jsonl"),
            "--base-url",
            fake.base_url,
        ],
        env={**os.environ, "PYTHONPATH": str(generated / version / "python"), "INTERCOM_ACCESS_TOKEN": TOKEN},
        cwd=str(tmp_path),
    )
    async with Client(parameters, cache=None) as client:
        yield client


def drive(
    generated: Path,
    api: ModuleType,
    fake: FakeIntercom,
    tmp_path: Path,
    agent: str,
    body: Callable[[Client], Awaitable[None]],
    rules: dict[str, Any] = SUPPORT,
) -> None:
    async def run() -> None:
        async with server(generated, api.API_VERSION, fake, tmp_path, agent, rules) as client:
            await body(client)

    anyio.run(run)


def audit(tmp_path: Path) -> list[dict[str, Any]]:
    path = tmp_path / "audit.jsonl"
    return [json.loads(line) for line in path.read_text().splitlines()] if path.exists() else []


def test_the_tool_list_follows_the_policy(generated: Path, api: ModuleType, fake: FakeIntercom, tmp_path: Path) -> None:
    listed: dict[str, list[Any]] = {}

    async def tools(agent: str) -> None:
        async with server(generated, api.API_VERSION, fake, tmp_path / agent, agent, SUPPORT) as client:
            listed[agent] = (await client.list_tools()).tools

    async def all_three() -> None:
        async with anyio.create_task_group() as group:  # three server processes at once
            for agent in ("nobody", "reader", "support-bot"):
                (tmp_path / agent).mkdir()
                group.start_soon(tools, agent)

    anyio.run(all_three)
    assert listed["nobody"] == []
    reader = {t.name: t for t in listed["reader"]}
    assert reader and all(t.annotations.read_only_hint for t in reader.values())
    assert {"search", "fetch"} <= set(reader)
    endpoints = {name.replace("_", ".", 1): name for name in (t.name for t in listed["support-bot"]) if name not in ("search", "fetch")}
    from intercom_api.policy import Policy

    allowed = Policy.from_dict(SUPPORT).agent("support-bot").allowed
    assert sorted(endpoints) == sorted(allowed)
    assert "contacts_delete" not in endpoints.values() and "conversations_manage" not in endpoints.values()
    assert fake.requests == []


def test_every_tool_has_annotations_and_a_valid_input_schema(generated: Path, api: ModuleType, fake: FakeIntercom, tmp_path: Path) -> None:
    from intercom_api.mcp import load_tools
    from intercom_api.policy import GROUPS

    every = {"agents": {"all": dict.fromkeys(GROUPS, "full")}}
    found: list[Any] = []

    async def tools(client: Client) -> None:
        found.extend((await client.list_tools()).tools)

    drive(generated, api, fake, tmp_path, "all", tools, every)
    catalog = load_tools()
    assert {t.name for t in found} == set(catalog.tools) | {"search", "fetch"}
    for tool in found:
        Draft202012Validator.check_schema(tool.input_schema)
        assert tool.input_schema["type"] == "object"
        hints = tool.annotations
        assert hints.open_world_hint is True
        if tool.name in ("search", "fetch"):
            continue
        endpoint = api.ENDPOINTS[catalog.tools[tool.name].endpoint]
        assert hints.read_only_hint is (endpoint.access == "read"), tool.name
        assert hints.idempotent_hint is (endpoint.method in ("GET", "PUT", "DELETE")), tool.name
        assert endpoint.permission is None or endpoint.permission in tool.description
        path_parameters = [p[1:-1] for p in endpoint.path.split("/") if p.startswith("{")]
        assert set(path_parameters) <= set(tool.input_schema.get("required", ())), tool.name
    destructive = {t.name for t in found if t.annotations.destructive_hint}
    assert destructive == {catalog.tools[n].name for n in catalog.tools if catalog.tools[n].annotations["destructive"]}
    assert {"contacts_delete", "contacts_archive"} <= destructive
    assert not destructive & {"contacts_retrieve", "conversations_reply", "conversations_manage"}


def test_calls_paging_denials_errors_search_and_fetch(generated: Path, api: ModuleType, fake: FakeIntercom, tmp_path: Path) -> None:
    results: dict[str, Any] = {}
    admin = next(iter(fake.admins))

    async def calls(client: Client) -> None:
        results["read"] = await client.call_tool("contacts_retrieve", {"contact_id": "c1"})
        results["write"] = await client.call_tool(
            "conversations_reply",
            {"conversation_id": "conv1", "message_type": "comment", "type": "admin", "admin_id": admin, "body": "Hello"},
        )
        before = len(fake.requests)
        results["denied"] = await client.call_tool("contacts_delete", {"contact_id": "c1"})
        results["overridden"] = await client.call_tool("conversations_manage", {"conversation_id": "conv1"})
        results["sent_for_denied"] = len(fake.requests) - before
        first = await client.call_tool("contacts_list", {"per_page": 7})
        second = await client.call_tool("contacts_list", {"per_page": 7, "cursor": first.structured_content["next_cursor"]})
        results["pages"] = (first, second)
        results["missing"] = await client.call_tool("contacts_retrieve", {"contact_id": "nobody"})
        results["bad"] = await client.call_tool("contacts_retrieve", {"id": "c1"})
        before = len(fake.requests)
        results["too_many"] = await client.call_tool("contacts_list", {"per_page": 10_000})
        results["sent_for_too_many"] = len(fake.requests) - before
        results["search"] = await client.call_tool("search", {"query": "User 1"})
        results["fetch"] = await client.call_tool("fetch", {"id": "intercom://contacts/c2"})
        results["fetch_denied"] = await client.call_tool("fetch", {"id": "intercom://tickets/t1"})

    drive(generated, api, fake, tmp_path, "support-bot", calls)
    assert not results["read"].is_error and results["read"].structured_content["id"] == "c1"
    assert json.loads(results["read"].content[0].text)["id"] == "c1"
    assert not results["write"].is_error and results["write"].structured_content["id"] == "conv1"
    for name in ("denied", "overridden"):
        assert results[name].is_error and "may not call" in results[name].content[0].text
        assert results[name].structured_content["error"]["code"] == "policy_denied"
    assert results["sent_for_denied"] == 0
    assert not any(r.raw_path == "/contacts/c1" and r.method == "DELETE" for r in fake.requests)
    first, second = results["pages"]
    ids = [c["id"] for c in first.structured_content["items"] + second.structured_content["items"]]
    assert ids == [f"c{i}" for i in range(1, 15)]
    missing = results["missing"]
    assert missing.is_error and "What to do:" in missing.content[0].text
    assert missing.structured_content["error"]["status"] == 404 and missing.structured_content["error"]["what_to_do"]
    assert results["bad"].is_error and "unknown argument 'id'" in results["bad"].content[0].text
    assert results["too_many"].is_error and "at most" in results["too_many"].content[0].text
    assert results["sent_for_too_many"] == 0
    hits = results["search"].structured_content["results"]
    assert {"id": "intercom://contacts/c1", "title": "User 1", "url": "intercom://contacts/c1", "type": "contacts"} in hits
    fetched = results["fetch"].structured_content
    assert fetched["id"] == "intercom://contacts/c2" and json.loads(fetched["text"])["id"] == "c2"
    assert results["fetch_denied"].is_error
    log = audit(tmp_path)
    assert [(entry["endpoint"], entry["decision"]) for entry in log[:4]] == [
        ("contacts.retrieve", "allow"),
        ("conversations.reply", "allow"),
        ("contacts.delete", "deny"),
        ("conversations.manage", "deny"),
    ]
    assert {entry["via"] for entry in log} == {"mcp"}
    sent = [entry for entry in log if entry["decision"] == "allow"]
    assert len(sent) == len(fake.requests)
    assert TOKEN not in json.dumps(log)


def test_the_server_refuses_to_start_on_a_broken_policy(generated: Path, api: ModuleType, tmp_path: Path) -> None:
    import subprocess

    bad = tmp_path / "bad.yaml"
    bad.write_text("agents:\n  bot:\n    contact: read\n")
    env = {**os.environ, "PYTHONPATH": str(generated / api.API_VERSION / "python"), "INTERCOM_ACCESS_TOKEN": TOKEN}
    without_token = {k: v for k, v in env.items() if k != "INTERCOM_ACCESS_TOKEN"}
    command = [sys.executable, "-m", "intercom_api.mcp", "--policy", str(bad), "--agent", "bot"]
    running = [subprocess.Popen(command, env=e, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for e in (env, without_token)]
    (broken_err, broken), (tokenless_err, tokenless) = [(p.communicate(timeout=60)[1], p.returncode) for p in running]
    assert broken == 2 and f"{bad}:3:5: unknown group 'contact'" in broken_err
    assert tokenless == 2 and "INTERCOM_ACCESS_TOKEN" in tokenless_err


def test_the_server_speaks_streamable_http_too(generated: Path, api: ModuleType, fake: FakeIntercom, tmp_path: Path) -> None:
    import socket
    import subprocess

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    env = {**os.environ, "PYTHONPATH": str(generated / api.API_VERSION / "python"), "INTERCOM_ACCESS_TOKEN": TOKEN}
    command = [sys.executable, "-m", "intercom_api.mcp", "--policy", str(policy_file(tmp_path, SUPPORT)), "--agent", "support-bot", "--base-url", fake.base_url, "--transport", "http", "--port", str(port)]
    process = subprocess.Popen(command, env=env, stderr=subprocess.DEVNULL)
    found: dict[str, Any] = {}

    async def talk() -> None:
        deadline = time.monotonic() + 30
        while "result" not in found:
            try:
                async with Client(f"http://127.0.0.1:{port}/mcp", cache=None) as client:
                    found["tools"] = [t.name for t in (await client.list_tools()).tools]
                    found["result"] = await client.call_tool("contacts_retrieve", {"contact_id": "c3"})
            except Exception:
                assert time.monotonic() < deadline and process.poll() is None, "the HTTP server did not start"
                await anyio.sleep(0.1)

    try:
        anyio.run(talk)
    finally:
        process.terminate()
        process.wait(timeout=10)
    assert "contacts_retrieve" in found["tools"] and found["result"].structured_content["id"] == "c3"


def test_a_region_picks_its_base_url(api: ModuleType) -> None:
    from intercom_api.mcp import open_tools
    from intercom_api.policy import Policy
    from intercom_api.transport import BASE_URLS

    policy = Policy.from_dict(SUPPORT)
    for region, url in BASE_URLS.items():
        tools = open_tools(policy, "support-bot", token=TOKEN, region=region)
        assert tools.client.base_url == url.rstrip("/")
        anyio.run(tools.client.close)
    with pytest.raises(ValueError, match="unknown region"):
        open_tools(policy, "support-bot", token=TOKEN, region="mars")
