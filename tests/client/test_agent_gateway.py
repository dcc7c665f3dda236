"""The generated policy gateway (`intercom_api.gateway`) in front of the fake Intercom,
driven by plain httpx and by the generated client pointed at it: allowed calls go through
with the real token (the fake never sees an agent's key), denied and unmatched ones get
an Intercom-shaped 403 with nothing forwarded, a wrong key gets 401, and every decision
is one audit line."""

from __future__ import annotations

import hashlib
import json
import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import httpx
import pytest

from tests.fake_intercom import FakeIntercom

TOKEN = "test-token"
KEYS = {"support-bot": "key-of-support-bot", "reader": "key-of-reader"}
RULES = {
    "agents": {
        "support-bot": {
            "conversations": "full",
            "contacts": "read",
            "endpoints": {"conversations.manage": "off"},
            "key_sha256": hashlib.sha256(KEYS["support-bot"].encode()).hexdigest(),
        },
        "reader": {"articles": "read", "key_sha256": hashlib.sha256(KEYS["reader"].encode()).hexdigest()},
        "keyless": {"contacts": "full"},
    }
}


def bearer(agent: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {KEYS[agent]}"}


@pytest.fixture
def gateway(api: ModuleType, fake: FakeIntercom, tmp_path: Path) -> Iterator[Any]:
    from intercom_api.gateway import Gateway, Running
    from intercom_api.policy import Policy

    running = Running(Gateway(Policy.from_dict(RULES), TOKEN, fake.base_url, audit_log=tmp_path / "audit.jsonl", max_body_bytes=4096, timeout=5))
    yield running
    running.stop()


def audit(tmp_path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in (tmp_path / "audit.jsonl").read_text().splitlines()]


def test_an_allowed_call_goes_through_with_the_real_token(gateway: Any, fake: FakeIntercom, tmp_path: Path, api: ModuleType) -> None:
    through = httpx.get(gateway.base_url + "/contacts/c1", headers=bearer("support-bot"))
    direct = httpx.get(fake.base_url + "/contacts/c1", headers={"Authorization": f"Bearer {TOKEN}", "Intercom-Version": api.API_VERSION})
    assert through.status_code == 200
    assert through.json() == direct.json()
    sent = fake.requests[0]
    assert sent.headers["authorization"] == f"Bearer {TOKEN}"
    assert sent.headers["intercom-version"] == api.API_VERSION
    assert all(KEYS["support-bot"] not in json.dumps(r.headers) for r in fake.requests)
    [line] = audit(tmp_path)
    assert (line["agent"], line["via"], line["endpoint"], line["decision"], line["status"]) == ("support-bot", "gateway", "contacts.retrieve", "allow", 200)
    assert line["summary"] == "support-bot fetched contact c1 (contacts.retrieve): allowed by 'contacts: read'; 200 OK"


def test_the_agents_version_and_query_are_forwarded(gateway: Any, fake: FakeIntercom, api: ModuleType) -> None:
    from tests.client.versions import OLDEST

    response = httpx.get(gateway.base_url + "/contacts", params={"per_page": 3}, headers={**bearer("support-bot"), "Intercom-Version": OLDEST})
    assert response.status_code == 200 and len(response.json()["data"]) == 3
    assert fake.requests[0].headers["intercom-version"] == OLDEST
    assert fake.requests[0].query == {"per_page": ["3"]}


def test_denied_and_unmatched_calls_forward_nothing(gateway: Any, fake: FakeIntercom, tmp_path: Path) -> None:
    cases = [
        ("DELETE", "/contacts/c1", "contacts: read"),
        ("POST", "/conversations/conv1/parts", "endpoints: conversations.manage: off"),
        ("GET", "/tickets/t1", "no rule for tickets (deny by default)"),
        ("GET", "/nowhere", "no catalog endpoint (deny by default)"),
        ("GET", "/contacts/c1/", "no catalog endpoint (deny by default)"),
        ("GET", "/contacts/..", "no catalog endpoint (deny by default)"),
        ("GET", "/contacts/%2E%2E", "no catalog endpoint (deny by default)"),
        ("GET", "/contacts/a%2Fb", "no catalog endpoint (deny by default)"),
        ("HEAD", "/contacts/c1", "no catalog endpoint (deny by default)"),
    ]
    for method, path, rule in cases:
        response = httpx.request(method, gateway.base_url + path, headers=bearer("support-bot"), content=b'{"x": 1}' if method == "POST" else None)
        assert response.status_code == 403, (method, path)
        if method != "HEAD":
            body = response.json()
            assert body["type"] == "error.list" and body["request_id"] == response.headers["x-request-id"]
            assert body["errors"][0]["code"] == "policy_denied"
            assert rule.split(" (")[0] in body["errors"][0]["message"] or "no endpoint" in body["errors"][0]["message"]
    assert fake.requests == []
    log = audit(tmp_path)
    assert [(entry["rule"], entry["decision"], entry["status"]) for entry in log] == [(rule, "deny", None) for _, _, rule in cases]
    assert log[0]["summary"] == "support-bot tried to delete contact c1 (contacts.delete): denied by 'contacts: read'; nothing was sent"


def test_an_unknown_or_missing_key_gets_401(gateway: Any, fake: FakeIntercom, tmp_path: Path) -> None:
    for headers in ({"Authorization": "Bearer not-a-key"}, {}, {"Authorization": f"Bearer {TOKEN}"}, {"Authorization": f"Basic {KEYS['reader']}"}):
        response = httpx.get(gateway.base_url + "/articles/art1", headers=headers)
        assert response.status_code == 401
        assert response.json()["errors"][0]["code"] == "unauthorized"
        assert TOKEN not in response.text
    assert fake.requests == []
    assert {(entry["agent"], entry["rule"]) for entry in audit(tmp_path)} == {(None, "unknown agent key")}


def test_each_agent_gets_its_own_rules(gateway: Any, fake: FakeIntercom) -> None:
    assert httpx.get(gateway.base_url + "/articles/art1", headers=bearer("reader")).status_code == 200
    assert httpx.get(gateway.base_url + "/contacts/c1", headers=bearer("reader")).status_code == 403
    assert [r.raw_path for r in fake.requests] == ["/articles/art1"]


def test_bodies_are_bounded_and_forwarded_unchanged(gateway: Any, fake: FakeIntercom) -> None:
    big = json.dumps({"query": {"field": "name", "operator": "~", "value": "x" * 5000}})
    response = httpx.post(gateway.base_url + "/contacts/search", headers=bearer("support-bot"), content=big)
    assert response.status_code == 413 and fake.requests == []
    small = json.dumps({"query": {"field": "name", "operator": "~", "value": "User 1"}})
    response = httpx.post(gateway.base_url + "/contacts/search", headers={**bearer("support-bot"), "Content-Type": "application/json"}, content=small)
    assert response.status_code == 200 and response.json()["total_count"] >= 1
    assert fake.requests[-1].raw_body == small.encode()

    def chunks() -> Iterator[bytes]:
        yield small[:10].encode()
        yield small[10:].encode()

    response = httpx.post(gateway.base_url + "/contacts/search", headers={**bearer("support-bot"), "Content-Type": "application/json"}, content=chunks())
    assert response.status_code == 200 and fake.requests[-1].raw_body == small.encode()


def test_a_slow_request_is_cut_off(api: ModuleType, fake: FakeIntercom) -> None:
    from intercom_api.gateway import Gateway, Running
    from intercom_api.policy import Policy

    running = Running(Gateway(Policy.from_dict(RULES), TOKEN, fake.base_url, timeout=0.5))
    try:
        host, port = running.server.server_address[:2]
        with socket.create_connection((host, port), timeout=10) as connection:
            head = f"POST /contacts/search HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer {KEYS['support-bot']}\r\nContent-Length: 100\r\n\r\n"
            connection.sendall(head.encode() + b'{"query":')
            started = time.monotonic()
            answer = connection.recv(65536)
            assert time.monotonic() - started < 5
    finally:
        running.stop()
    assert answer.startswith(b"HTTP/1.1 408 ") and b"request_timeout" in answer
    assert fake.requests == []


def test_the_generated_client_works_through_the_gateway(gateway: Any, fake: FakeIntercom, api: ModuleType) -> None:
    admin = next(iter(fake.admins))
    with api.Intercom(KEYS["support-bot"], base_url=gateway.base_url, max_retries=0) as client:
        contacts = list(client.contacts.list(per_page=6))
        assert [c.id for c in contacts] == list(fake.contacts)
        reply = client.conversations.reply("conv1", message_type="comment", type="admin", admin_id=admin, body="Hi")
        assert reply.id == "conv1"
        sent = len(fake.requests)
        with pytest.raises(api.IntercomError) as raised:
            client.contacts.delete("c2")
        assert raised.value.status == 403 and raised.value.code == "policy_denied"
        assert len(fake.requests) == sent
    assert {r.headers["authorization"] for r in fake.requests} == {f"Bearer {TOKEN}"}


def test_nothing_reveals_the_token_or_a_key(gateway: Any, fake: FakeIntercom, tmp_path: Path) -> None:
    answers = [
        httpx.get(gateway.base_url + "/contacts/c1", headers=bearer("support-bot")),
        httpx.get(gateway.base_url + "/contacts/nobody", headers=bearer("support-bot")),
        httpx.delete(gateway.base_url + "/contacts/c1", headers=bearer("support-bot")),
        httpx.get(gateway.base_url + "/contacts/c1", headers={"Authorization": "Bearer guess"}),
    ]
    text = "".join(a.text + json.dumps(dict(a.headers)) for a in answers) + (tmp_path / "audit.jsonl").read_text()
    for secret in (TOKEN, *KEYS.values(), "guess"):
        assert secret not in text


def test_the_command_line_listens_on_loopback_and_needs_the_token(api: ModuleType, generated: Path, fake: FakeIntercom, tmp_path: Path) -> None:
    from intercom_api.gateway import is_loopback, parse_listen

    assert parse_listen("127.0.0.1:8080") == ("127.0.0.1", 8080) and parse_listen("[::1]:9") == ("::1", 9)
    assert is_loopback("127.0.0.1") and is_loopback("::1") and not is_loopback("0.0.0.0")
    policy = tmp_path / "agents.yaml"
    policy.write_text(json.dumps(RULES))
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    env = {**os.environ, "PYTHONPATH": str(generated / api.API_VERSION / "python"), "INTERCOM_ACCESS_TOKEN": TOKEN}
    command = [sys.executable, "-m", "intercom_api.gateway", "--policy", str(policy), "--upstream", fake.base_url, "--listen", f"127.0.0.1:{port}"]
    process = subprocess.Popen(command, env=env, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 20
        while True:
            try:
                response = httpx.get(f"http://127.0.0.1:{port}/contacts/c1", headers=bearer("support-bot"))
                break
            except httpx.ConnectError:
                assert time.monotonic() < deadline and process.poll() is None, "the gateway did not start"
                time.sleep(0.05)
        assert response.status_code == 200 and fake.requests[-1].headers["authorization"] == f"Bearer {TOKEN}"
    finally:
        process.terminate()
        process.wait(timeout=10)
    env.pop("INTERCOM_ACCESS_TOKEN")
    result = subprocess.run(command, env=env, capture_output=True, text=True, timeout=30, check=False)
    assert result.returncode == 2 and "INTERCOM_ACCESS_TOKEN" in result.stderr


def test_an_unwritable_audit_log_forwards_nothing(api: ModuleType, fake: FakeIntercom, tmp_path: Path) -> None:
    from intercom_api.audit import AuditLog
    from intercom_api.gateway import Gateway, Running
    from intercom_api.policy import Policy

    log = AuditLog(tmp_path / "audit.jsonl", via="gateway", reserve_bytes=2**62)
    running = Running(Gateway(Policy.from_dict(RULES), TOKEN, fake.base_url, audit_log=log))
    try:
        response = httpx.get(running.base_url + "/contacts/c1", headers=bearer("support-bot"))
    finally:
        running.stop()
    assert response.status_code == 503 and response.json()["errors"][0]["code"] == "audit_log_unavailable"
    assert fake.requests == []


def test_raw_http_edge_cases(gateway: Any, fake: FakeIntercom) -> None:
    host, port = gateway.server.server_address[:2]
    body = b'{"query": {"field": "name", "operator": "=", "value": "User 1"}}'

    def exchange(data: bytes, then: bytes = b"") -> bytes:
        with socket.create_connection((host, port), timeout=10) as connection:
            connection.sendall(data)
            first = connection.recv(65536)
            if then:
                connection.sendall(then)
                time.sleep(0.3)
                first += connection.recv(65536)
            return first

    key = KEYS["support-bot"]
    head = f"POST /contacts/search HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer {key}\r\nContent-Length: {len(body)}\r\nExpect: 100-continue\r\n\r\n"
    answer = exchange(head.encode(), body)
    assert answer.startswith(b"HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 ")
    denied = exchange(f"DELETE /contacts/c1 HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer {key}\r\nExpect: 100-continue\r\n\r\n".encode())
    assert denied.startswith(b"HTTP/1.1 403 ")
    folded = exchange(f"GET /contacts/c1 HTTP/1.1\r\nAuthorization: Bearer {key}\r\n X-Folded: yes\r\n\r\n".encode())
    assert folded.startswith(b"HTTP/1.1 400 ")
    assert exchange(b"GET /contacts/c1\r\n\r\n").startswith(b"HTTP/1.1 400 ")
    assert [r.raw_path for r in fake.requests] == ["/contacts/search"]
