"""The fake Intercom server itself behaves like the API the generated clients will meet."""

from __future__ import annotations

import time
from collections.abc import Iterator

import httpx
import pytest

from tests.catalog_versions import base_version, newest, previous, version_with
from tests.fake_intercom import FakeIntercom, running

# The version a client asks for, the base (before every rule), and the one before the calls group.
NEWEST, BASE = newest(), base_version()
BEFORE_CALLS = previous(version_with("add_group", group="calls"))


@pytest.fixture(scope="module")
def server() -> Iterator[FakeIntercom]:
    with running(contacts=40, conversations=9) as fake:
        yield fake


@pytest.fixture
def fake(server: FakeIntercom) -> Iterator[FakeIntercom]:
    server.reset()
    yield server
    server.reset()


@pytest.fixture
def client(fake: FakeIntercom) -> Iterator[httpx.Client]:
    headers = {"Authorization": f"Bearer {fake.token}", "Intercom-Version": NEWEST, "Accept": "application/json"}
    with httpx.Client(base_url=fake.base_url, headers=headers, timeout=5) as c:
        yield c


def _error_code(response: httpx.Response) -> str:
    return response.json()["errors"][0]["code"]


def test_missing_token_is_401_with_intercom_error_body(fake: FakeIntercom) -> None:
    response = httpx.get(f"{fake.base_url}/contacts", headers={"Intercom-Version": NEWEST})
    assert response.status_code == 401
    body = response.json()
    assert body == {
        "type": "error.list",
        "request_id": response.headers["X-Request-Id"],
        "errors": [{"code": "unauthorized", "message": "Access Token Invalid"}],
    }
    wrong = httpx.get(f"{fake.base_url}/me", headers={"Intercom-Version": NEWEST, "Authorization": "Bearer nope"})
    assert wrong.status_code == 401 and _error_code(wrong) == "unauthorized"


def test_version_header_missing_or_unknown_is_400(fake: FakeIntercom) -> None:
    auth = {"Authorization": f"Bearer {fake.token}"}
    missing = httpx.get(f"{fake.base_url}/me", headers=auth)
    assert missing.status_code == 400 and _error_code(missing) == "intercom_version_invalid"
    unknown = httpx.get(f"{fake.base_url}/me", headers={**auth, "Intercom-Version": "1.4"})
    assert unknown.status_code == 400 and _error_code(unknown) == "intercom_version_invalid"
    assert fake.requests[-1].version == "1.4"


def test_contacts_cursor_walk_visits_every_contact_once(fake: FakeIntercom, client: httpx.Client) -> None:
    seen: list[str] = []
    params: dict[str, str | int] = {"per_page": 7}
    pages = []
    while True:
        body = client.get("/contacts", params=params).json()
        assert body["type"] == "list" and body["total_count"] == 40
        seen += [c["id"] for c in body["data"]]
        pages.append(body["pages"])
        if "next" not in body["pages"]:
            break
        params = {"per_page": 7, "starting_after": body["pages"]["next"]["starting_after"]}
    assert seen == [f"c{i}" for i in range(1, 41)]
    assert [p["page"] for p in pages] == list(range(1, 7))
    assert all(p["total_pages"] == 6 and p["per_page"] == 7 and p["type"] == "pages" for p in pages)
    assert pages[0]["next"]["page"] == 2
    # the opaque cursor travelled percent-encoded in the query and was parsed back
    assert fake.requests[-1].query["starting_after"] == [pages[-2]["next"]["starting_after"]]


def test_contact_shape_has_relative_urls_and_nested_objects(client: httpx.Client) -> None:
    contact = client.get("/contacts/c1").json()
    assert contact["type"] == "contact" and contact["id"] == "c1" and contact["role"] == "user"
    assert contact["tags"]["url"] == "/contacts/c1/tags"
    assert contact["notes"]["url"] == "/contacts/c1/notes"
    assert contact["companies"]["url"] == "/contacts/c1/companies"
    assert contact["companies"]["data"][0]["type"] == "company"
    assert contact["location"]["type"] == "location"


def test_contact_search_pages_over_filtered_users(client: httpx.Client) -> None:
    query = {"field": "role", "operator": "=", "value": "user"}
    seen: list[str] = []
    pagination: dict[str, object] = {"per_page": 5}
    while True:
        body = client.post("/contacts/search", json={"query": query, "pagination": pagination}).json()
        seen += [c["id"] for c in body["data"]]
        assert all(c["role"] == "user" for c in body["data"])
        nxt = body["pages"].get("next")
        if nxt is None:
            break
        pagination = {"per_page": 5, "starting_after": nxt["starting_after"]}
    expected = [f"c{i}" for i in range(1, 41) if i % 3]
    assert seen == expected and body["total_count"] == len(expected)


def test_rate_limited_once_then_success(fake: FakeIntercom, client: httpx.Client) -> None:
    fake.fail_next(429)
    first = client.get("/me")
    assert first.status_code == 429 and _error_code(first) == "rate_limit_exceeded"
    assert first.json()["request_id"] == first.headers["X-Request-Id"]
    assert int(first.headers["X-RateLimit-Reset"]) <= int(time.time()) + 2
    second = client.get("/me")
    assert second.status_code == 200 and second.json()["app"]["type"] == "app"
    assert len(fake.requests) == 2


def test_fail_next_only_for_a_path_and_with_custom_fields(fake: FakeIntercom, client: httpx.Client) -> None:
    fake.fail_next(503, times=2, path="/admins")
    assert client.get("/me").status_code == 200
    assert client.get("/admins").status_code == 503
    failed = client.get("/admins")
    assert failed.status_code == 503 and _error_code(failed) == "server_error"
    assert client.get("/admins").json()["type"] == "admin.list"
    fake.fail_next(422, code="custom_code", message="nope", headers={"X-Extra": "1"})
    custom = client.get("/me")
    assert custom.status_code == 422 and custom.json()["errors"][0] == {"code": "custom_code", "message": "nope"}
    assert custom.headers["X-Extra"] == "1"


def test_drop_next_is_a_connection_error(fake: FakeIntercom, client: httpx.Client) -> None:
    fake.drop_next()
    with pytest.raises(httpx.TransportError):
        client.get("/me")
    assert client.get("/me").status_code == 200
    assert [r.raw_path for r in fake.requests] == ["/me", "/me"]


def test_raw_path_keeps_percent_encoding(fake: FakeIntercom, client: httpx.Client) -> None:
    response = client.get("/contacts/a%2Fb")
    assert response.status_code == 404 and _error_code(response) == "not_found"
    assert fake.requests[-1].raw_path == "/contacts/a%2Fb"
    assert fake.requests[-1].path == "/contacts/a/b"
    assert client.get("/no/such/route").status_code == 404


def test_submit_event_is_202_with_empty_body(fake: FakeIntercom, client: httpx.Client) -> None:
    response = client.post("/events", json={"event_name": "ordered", "created_at": 1734537500, "id": "c2"})
    assert response.status_code == 202 and response.content == b""
    assert fake.requests[-1].body == {"event_name": "ordered", "created_at": 1734537500, "id": "c2"}
    summary = client.get("/events", params={"type": "user", "intercom_user_id": "c2", "summary": "true"}).json()
    assert summary["type"] == "event.summary"
    assert {"name": "ordered", "count": 1}.items() <= next(
        e for e in summary["events"] if e["name"] == "ordered"
    ).items()


def test_rate_limit_headers_count_down(client: httpx.Client) -> None:
    first = client.get("/me")
    second = client.get("/admins")
    for response in (first, second):
        assert response.headers["X-RateLimit-Limit"] == "10000"
        assert int(response.headers["X-RateLimit-Reset"]) > 1_600_000_000
    assert int(second.headers["X-RateLimit-Remaining"]) == int(first.headers["X-RateLimit-Remaining"]) - 1
    assert first.headers["X-Request-Id"] != second.headers["X-Request-Id"]


def test_deny_scope_answers_token_unauthorized(fake: FakeIntercom, client: httpx.Client) -> None:
    fake.deny_scope("PUT /contacts/{contact_id}")
    denied = client.put("/contacts/c1", json={"name": "x"})
    assert denied.status_code == 401 and _error_code(denied) == "token_unauthorized"
    assert client.get("/contacts/c1").status_code == 200


def test_conversation_shape_and_state_changes(client: httpx.Client) -> None:
    conv = client.get("/conversations/conv1").json()
    assert conv["type"] == "conversation" and conv["conversation_parts"]["type"] == "conversation_part.list"
    assert conv["ai_agent"]["resolution_state"] == "assumed_resolution"
    old = client.get("/conversations/conv3", headers={"Intercom-Version": BASE}).json()
    assert old["ai_agent"]["resolution_state"] == "routed_to_team"
    assert client.get("/conversations/conv3").json()["ai_agent"]["resolution_state"] == "escalated"
    closed = client.post(
        "/conversations/conv1/parts", json={"message_type": "close", "type": "admin", "admin_id": "1001"}
    )
    assert closed.json()["state"] == "closed" and closed.json()["open"] is False
    reopened = client.post(
        "/conversations/conv1/parts", json={"message_type": "open", "type": "admin", "admin_id": "1001"}
    )
    assert reopened.json()["state"] == "open"
    listing = client.get("/conversations", params={"per_page": 4}).json()
    assert listing["type"] == "conversation.list" and len(listing["conversations"]) == 4 and "next" in listing["pages"]


def test_ticket_state_follows_version(client: httpx.Client) -> None:
    assert client.get("/tickets/t1", headers={"Intercom-Version": BASE}).json()["ticket_state"] == "submitted"
    state = client.get("/tickets/t1").json()["ticket_state"]
    assert state["type"] == "ticket_state" and state["category"] == "submitted"


def test_page_based_lists_and_version_gated_endpoints(client: httpx.Client) -> None:
    companies = client.post("/companies/list", params={"page": 2, "per_page": 2}).json()
    assert companies["pages"] == {"type": "pages", "page": 2, "per_page": 2, "total_pages": 3}
    assert len(companies["data"]) == 2 and companies["data"][0]["type"] == "company"
    assert client.get("/calls/call1").json()["type"] == "call"
    assert client.get("/calls/call1", headers={"Intercom-Version": BEFORE_CALLS}).status_code == 404
    recording = client.get("/calls/call1/recording")
    assert recording.status_code == 302 and recording.headers["Location"].startswith("https://")
    assert client.get("/fin_voice/phone_number/%2B15550200001").json()["id"] == 1


def test_big_workspace_is_quick() -> None:
    started = time.perf_counter()
    with running(contacts=3000) as fake:
        headers = {"Authorization": "Bearer test-token", "Intercom-Version": NEWEST}
        with httpx.Client(base_url=fake.base_url, headers=headers) as c:
            count, params = 0, {"per_page": 150}
            while True:
                body = c.get("/contacts", params=params).json()
                count += len(body["data"])
                if "next" not in body["pages"]:
                    break
                params = {"per_page": 150, "starting_after": body["pages"]["next"]["starting_after"]}
    assert count == 3000
    assert time.perf_counter() - started < 3
