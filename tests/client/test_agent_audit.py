"""The guarded client and its audit log, against the fake Intercom: a denied call raises
PolicyDenied and sends nothing; every call, allowed or denied, is one JSON line; lines
from threads and processes never interleave; the log fails closed; without a policy
the client is exactly the plain client."""

from __future__ import annotations

import asyncio
import errno
import json
import os
import subprocess
import sys
import textwrap
import threading
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from tests.fake_intercom import FakeIntercom

TOKEN = "test-token"
FIELDS = ["time", "agent", "via", "endpoint", "method", "path", "access", "decision", "rule", "status", "request_id", "summary"]
RULES = {
    "agents": {
        "support-bot": {
            "conversations": "full",
            "contacts": "read",
            "endpoints": {"conversations.manage": "off"},
        }
    }
}


def lines(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


@pytest.fixture
def policy(api: ModuleType) -> Any:
    from intercom_api.policy import Policy

    return Policy.from_dict(RULES, "agents.yaml")


@pytest.fixture
def guarded(api: ModuleType, fake: FakeIntercom, policy: Any, tmp_path: Path) -> Any:
    client = api.Intercom(TOKEN, base_url=fake.base_url, retry_backoff=0.001, policy=policy, agent="support-bot", audit_log=tmp_path / "audit.jsonl")
    yield client
    client.close()


def test_an_allowed_call_is_sent_and_logged(guarded: Any, fake: FakeIntercom, tmp_path: Path, api: ModuleType) -> None:
    contact = guarded.contacts.retrieve("c1")
    assert contact.id == "c1" and len(fake.requests) == 1
    [line] = lines(tmp_path / "audit.jsonl")
    assert list(line) == FIELDS
    assert line["time"].endswith("Z") and "T" in line["time"]
    assert {k: v for k, v in line.items() if k != "time"} == {
        "agent": "support-bot",
        "via": "client",
        "endpoint": "contacts.retrieve",
        "method": "GET",
        "path": "/contacts/c1",
        "access": "read",
        "decision": "allow",
        "rule": "contacts: read",
        "status": 200,
        "request_id": fake.requests[0].headers.get("x-request-id") or line["request_id"],
        "summary": "support-bot fetched contact c1 (contacts.retrieve): allowed by 'contacts: read'; 200 OK",
    }
    assert line["request_id"].startswith("fake-")


def test_a_write_is_summarised_in_plain_english(guarded: Any, fake: FakeIntercom, tmp_path: Path) -> None:
    admin = next(iter(fake.admins))
    guarded.conversations.reply("conv1", message_type="comment", type="admin", admin_id=admin, body="On it")
    [line] = lines(tmp_path / "audit.jsonl")
    assert line["summary"] == (
        "support-bot replied to conversation conv1 (conversations.reply): allowed by 'conversations: full'; 200 OK"
    )
    assert line["access"] == "write" and "On it" not in json.dumps(line) and TOKEN not in json.dumps(line)


def test_a_denied_call_sends_nothing_and_says_which_rule(guarded: Any, fake: FakeIntercom, tmp_path: Path, api: ModuleType) -> None:
    from intercom_api.policy import PolicyDenied

    with pytest.raises(PolicyDenied) as raised:
        guarded.contacts.delete("c1")
    assert fake.requests == []
    error = raised.value
    assert isinstance(error, api.IntercomError)
    assert (error.agent, error.endpoint_id, error.rule, error.code) == ("support-bot", "contacts.delete", "contacts: read", "policy_denied")
    assert "support-bot may not call contacts.delete" in str(error) and "What to do:" in str(error)
    with pytest.raises(PolicyDenied, match=r"\(rule 'endpoints: conversations\.manage: off'\)"):
        guarded.conversations.manage("conv1", message_type="close", type="admin", admin_id="1")
    with pytest.raises(PolicyDenied, match="no rule for tickets"):
        guarded.tickets.retrieve("t1")
    assert fake.requests == []
    denied = lines(tmp_path / "audit.jsonl")
    assert [(d["endpoint"], d["decision"], d["status"]) for d in denied] == [
        ("contacts.delete", "deny", None),
        ("conversations.manage", "deny", None),
        ("tickets.retrieve", "deny", None),
    ]
    assert denied[0]["summary"] == "support-bot tried to delete contact c1 (contacts.delete): denied by 'contacts: read'; nothing was sent"


def test_errors_pages_and_lost_connections_are_each_one_line(guarded: Any, fake: FakeIntercom, tmp_path: Path, api: ModuleType, policy: Any) -> None:
    with pytest.raises(api.IntercomError):
        guarded.contacts.retrieve("nobody")
    pages = list(guarded.contacts.list(per_page=8).pages())
    log = lines(tmp_path / "audit.jsonl")
    assert log[0]["status"] == 404 and log[0]["request_id"] == fake.requests[0].headers.get("x-request-id", log[0]["request_id"])
    assert log[0]["summary"].endswith("; 404 Not Found")
    assert [entry["endpoint"] for entry in log[1:]] == ["contacts.list"] * len(pages) == ["contacts.list"] * (len(fake.requests) - 1)
    offline = api.Intercom(TOKEN, base_url="http://127.0.0.1:9", max_retries=0, policy=policy, agent="support-bot", audit_log=tmp_path / "offline.jsonl")
    with pytest.raises(api.APIConnectionError):
        offline.contacts.retrieve("c1")
    offline.close()
    [line] = lines(tmp_path / "offline.jsonl")
    assert line["status"] is None and line["summary"].endswith("; no answer from Intercom")


def test_the_async_client_is_guarded_the_same_way(api: ModuleType, fake: FakeIntercom, policy: Any, tmp_path: Path) -> None:
    from intercom_api.policy import PolicyDenied

    async def calls() -> None:
        async with api.AsyncIntercom(TOKEN, base_url=fake.base_url, policy=policy, agent="support-bot", audit_log=tmp_path / "a.jsonl") as client:
            assert (await client.contacts.retrieve("c2")).id == "c2"
            with pytest.raises(PolicyDenied):
                await client.contacts.archive("c2")

    asyncio.run(calls())
    assert [r.raw_path for r in fake.requests] == ["/contacts/c2"]
    assert [line["decision"] for line in lines(tmp_path / "a.jsonl")] == ["allow", "deny"]


def test_a_policy_needs_a_known_agent(api: ModuleType, policy: Any) -> None:
    from intercom_api.policy import PolicyError

    with pytest.raises(PolicyError, match="unknown agent 'suport-bot'"):
        api.Intercom(TOKEN, policy=policy, agent="suport-bot")
    with pytest.raises(ValueError, match="needs agent="):
        api.Intercom(TOKEN, policy=policy)
    with pytest.raises(ValueError, match="need policy="):
        api.Intercom(TOKEN, agent="support-bot")


def test_a_log_that_cannot_be_opened_refuses_the_client(api: ModuleType, policy: Any, tmp_path: Path) -> None:
    from intercom_api.audit import AuditLogError

    for where in (tmp_path, tmp_path / "missing" / "audit.jsonl", Path("/dev/full")):
        if where == Path("/dev/full") and not where.exists():
            continue
        with pytest.raises(AuditLogError):
            api.Intercom(TOKEN, policy=policy, agent="support-bot", audit_log=where)


def test_a_failed_write_withholds_the_answer_and_refuses_every_later_call(guarded: Any, fake: FakeIntercom, monkeypatch: pytest.MonkeyPatch) -> None:
    import intercom_api.audit as audit
    from intercom_api.audit import AuditLogError

    def full(descriptor: int, data: bytes) -> int:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(audit.os, "write", full)
    with pytest.raises(AuditLogError, match="No space left"):
        guarded.contacts.retrieve("c1")
    monkeypatch.undo()
    sent = len(fake.requests)
    for call in (lambda: guarded.contacts.retrieve("c1"), lambda: guarded.contacts.delete("c1")):
        with pytest.raises(AuditLogError, match="failed earlier"):
            call()
    assert len(fake.requests) == sent == 1


def test_a_full_disk_refuses_the_call_before_it_is_sent(api: ModuleType, fake: FakeIntercom, policy: Any, tmp_path: Path) -> None:
    from intercom_api.audit import AuditLog, AuditLogError

    log = AuditLog(tmp_path / "audit.jsonl", reserve_bytes=2**62)
    client = api.Intercom(TOKEN, base_url=fake.base_url, policy=policy, agent="support-bot", audit_log=log)
    with client, pytest.raises(AuditLogError, match="disk left"):
        client.contacts.retrieve("c1")
    assert fake.requests == []


def test_lines_from_threads_and_processes_never_interleave(api: ModuleType, generated: Path, tmp_path: Path) -> None:
    from intercom_api.audit import AuditLog, record
    from intercom_api.endpoints import ENDPOINTS

    path = tmp_path / "shared.jsonl"
    long_path = "/contacts/" + "x" * 1500
    script = textwrap.dedent(
        """
        import sys
        from intercom_api.audit import AuditLog, record
        from intercom_api.endpoints import ENDPOINTS
        log = AuditLog(sys.argv[1], via="process")
        for i in range(300):
            record(log, agent="p", endpoint=ENDPOINTS["contacts.retrieve"], method="GET", path=sys.argv[2],
                   decision="allow", rule="contacts: read", status=200, request_id=str(i), summary="s" * 500)
        """
    )
    env = {**os.environ, "PYTHONPATH": str(generated / api.API_VERSION / "python")}
    processes = [subprocess.Popen([sys.executable, "-c", script, str(path), long_path], env=env) for _ in range(2)]
    log = AuditLog(path)

    def append() -> None:
        for i in range(300):
            record(log, agent="t", endpoint=ENDPOINTS["contacts.retrieve"], method="GET", path=long_path, decision="allow", rule="r", status=200, request_id=str(i), summary="t" * 500)

    threads = [threading.Thread(target=append) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert [p.wait(timeout=60) for p in processes] == [0, 0]
    written = lines(path)
    assert len(written) == 300 * 6
    assert sorted({w["via"] for w in written}) == ["client", "process"]
    assert all(w["path"] == long_path for w in written)


def test_without_a_policy_nothing_of_it_is_loaded(api: ModuleType, generated: Path, fake: FakeIntercom) -> None:
    code = textwrap.dedent(
        """
        import json, sys
        from intercom_api import Intercom
        client = Intercom("test-token", base_url=sys.argv[1])
        client.contacts.retrieve("c1")
        loaded = sorted(m for m in sys.modules if m.split(".")[-1] in ("policy", "audit", "routes", "yaml", "mcp"))
        print(json.dumps({"loaded": loaded, "guard": client._guard is None}))
        """
    )
    env = {**os.environ, "PYTHONPATH": str(generated / api.API_VERSION / "python")}
    result = subprocess.run([sys.executable, "-c", code, fake.base_url], env=env, capture_output=True, text=True, timeout=60, check=False)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == {"loaded": [], "guard": True}
