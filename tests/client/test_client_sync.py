"""The generated client of the newest version (sync) against the fake Intercom server.

Every endpoint is called at least once (the CALLS table must cover ENDPOINTS exactly),
and the transport's promises are checked from what the server actually received:
headers, pagination, retries, rate limits, errors, path encoding and token secrecy."""

from __future__ import annotations

import logging
import re
import time
from collections.abc import Callable
from types import ModuleType
from typing import Any

import httpx
import pytest

from tests.client.versions import NEWEST, OLDEST, PREVIOUS, RESOLVED
from tests.fake_intercom import FakeIntercom

TOKEN = "test-token"
Client = Any

# --------------------------------------------------------------------------- one call per endpoint

CALLS: dict[str, Callable[[Client], Any]] = {
    "admins.list": lambda c: c.admins.list(display_avatar=True),
    "admins.me": lambda c: c.admins.me(),
    "admins.set_away": lambda c: c.admins.set_away("1001", away_mode_enabled=True, away_mode_reassign=False),
    "articles.create": lambda c: c.articles.create(
        title="Resetting your password", author_id=1001, body="<p>Click Forgot password.</p>", state="draft"
    ),
    "articles.list": lambda c: list(c.articles.list(per_page=2)),
    "articles.retrieve": lambda c: c.articles.retrieve("art1"),
    "articles.update": lambda c: c.articles.update("art1", title="Resetting a password", state="published"),
    "calls.list": lambda c: list(c.calls.list(per_page=2)),
    "calls.recording": lambda c: c.calls.recording("call1"),
    "calls.retrieve": lambda c: c.calls.retrieve("call1"),
    "calls.search": lambda c: c.calls.search(conversation_ids=["conv1", "conv2"]),
    "calls.transcript": lambda c: c.calls.transcript("call1"),
    "companies.list": lambda c: list(c.companies.list(per_page=2, order="asc")),
    "companies.retrieve": lambda c: c.companies.retrieve("co1"),
    "companies.upsert": lambda c: c.companies.upsert(company_id="acme-1", name="Acme", plan="enterprise", size=42),
    "contacts.archive": lambda c: c.contacts.archive("c1"),
    "contacts.create": lambda c: c.contacts.create(
        role="user", email="ada@example.com", name="Ada Lovelace", custom_attributes={"plan": "pro"}
    ),
    "contacts.delete": lambda c: c.contacts.delete("c2"),
    "contacts.list": lambda c: list(c.contacts.list(per_page=7)),
    "contacts.retrieve": lambda c: c.contacts.retrieve("c3"),
    "contacts.search": lambda c: list(
        c.contacts.search(query={"field": "role", "operator": "=", "value": "user"}, per_page=5)
    ),
    "contacts.update": lambda c: c.contacts.update("c4", name="Renamed", custom_attributes={"seats": 3}),
    "conversations.create": lambda c: c.conversations.create(from_={"type": "user", "id": "c1"}, body="Hi there"),
    "conversations.list": lambda c: list(c.conversations.list(per_page=3)),
    "conversations.manage": lambda c: c.conversations.manage(
        "conv1", message_type="close", admin_id="1001", type="admin", body="Closing"
    ),
    "conversations.reply": lambda c: c.conversations.reply(
        "conv1", message_type="comment", type="admin", admin_id="1001", body="On it"
    ),
    "conversations.retrieve": lambda c: c.conversations.retrieve("conv1", display_as="plaintext"),
    "conversations.search": lambda c: list(
        c.conversations.search(query={"field": "state", "operator": "=", "value": "open"}, per_page=3)
    ),
    "data_events.list": lambda c: c.data_events.list(type="user", intercom_user_id="c1", summary=True),
    "data_events.submit": lambda c: c.data_events.submit(
        event_name="placed-order", created_at=1734537424, id="c1", metadata={"order_id": "A-1"}
    ),
    "fin_voice.collect": lambda c: c.fin_voice.collect(1),
    "fin_voice.collect_by_conversation": lambda c: c.fin_voice.collect_by_conversation("conv1"),
    "fin_voice.collect_by_external_id": lambda c: c.fin_voice.collect_by_external_id("ext-1"),
    "fin_voice.collect_by_phone_number": lambda c: c.fin_voice.collect_by_phone_number("+15550200001"),
    "fin_voice.register": lambda c: c.fin_voice.register(phone_number="+15550209999", call_id="ext-9"),
    "internal_articles.create": lambda c: c.internal_articles.create(
        title="Refund policy", author_id=1001, owner_id=1003, body="<p>30 days.</p>"
    ),
    # The fake's internal article ids are "ia1".. (the client's parameter is typed int).
    "internal_articles.delete": lambda c: c.internal_articles.delete("ia2"),
    "internal_articles.list": lambda c: c.internal_articles.list(),
    "internal_articles.retrieve": lambda c: c.internal_articles.retrieve("ia1"),
    "internal_articles.search": lambda c: c.internal_articles.search(folder_id="f1"),
    "internal_articles.update": lambda c: c.internal_articles.update("ia1", title="Refunds"),
    "messages.create": lambda c: c.messages.create(
        message_type="in_app", body="Your order shipped", from_={"type": "admin", "id": "1001"},
        to=[{"type": "user", "id": "c1"}],
    ),
    "tickets.create": lambda c: c.tickets.create(
        ticket_type_id="101", contacts=[{"id": "c1"}], ticket_attributes={"_default_title_": "Broken login"}
    ),
    "tickets.reply": lambda c: c.tickets.reply("t1", message_type="comment", type="admin", admin_id="1001", body="Fixed"),
    "tickets.retrieve": lambda c: c.tickets.retrieve("t1"),
    "tickets.update": lambda c: c.tickets.update("t1", ticket_state_id="2"),
    "workflows.export": lambda c: c.workflows.export("w1"),
}

def path_pattern(template: str) -> re.Pattern[str]:
    parts = [r"[^/]+" if s.startswith("{") else re.escape(s) for s in template.strip("/").split("/")]
    return re.compile("^/" + "/".join(parts) + "$")


def test_every_endpoint_has_a_test_call(api: ModuleType) -> None:
    assert set(CALLS) == set(api.ENDPOINTS), "add a call to CALLS for each new endpoint (and drop removed ones)"


@pytest.mark.parametrize("endpoint_id", sorted(CALLS))
def test_endpoint_call(api: ModuleType, client: Client, fake: FakeIntercom, endpoint_id: str) -> None:
    endpoint = api.ENDPOINTS[endpoint_id]
    result = CALLS[endpoint_id](client)
    assert fake.requests, "no request was sent"
    pattern = path_pattern(endpoint.path)
    for request in fake.requests:
        assert request.method == endpoint.method
        assert pattern.match(request.raw_path), (request.raw_path, endpoint.path)
        assert request.headers["authorization"] == f"Bearer {TOKEN}"
        assert request.headers["intercom-version"] == NEWEST
    from pydantic import BaseModel

    if endpoint.pagination != "none":
        assert isinstance(result, list) and result
    elif endpoint_id == "data_events.submit":
        assert result is None
    elif endpoint_id in ("calls.recording", "calls.transcript"):
        assert isinstance(result, str) and result
    elif RESOLVED.versions[NEWEST].endpoint(endpoint_id).response_array:
        assert isinstance(result, list) and result and all(isinstance(r, BaseModel) for r in result)
    else:
        assert isinstance(result, BaseModel)


def test_endpoint_results_carry_the_data(client: Client, fake: FakeIntercom) -> None:
    contact = client.contacts.create(role="user", email="ada@example.com", name="Ada")
    assert contact.email == "ada@example.com" and contact.role == "user"
    assert fake.last_request.body == {"role": "user", "email": "ada@example.com", "name": "Ada"}
    assert client.contacts.retrieve(contact.id).name == "Ada"
    assert client.contacts.update(contact.id, name="Ada L.").name == "Ada L."
    assert fake.last_request.body == {"name": "Ada L."}, "fields left out are not sent"
    deleted = client.contacts.delete(contact.id)
    assert deleted.id == contact.id and deleted.deleted is True
    me = client.admins.me()
    assert me.id == "1001" and me.app.id_code == "fakeapp1"
    message = client.messages.create(
        message_type="in_app", body="Hello", from_={"type": "admin", "id": "1001"}, to=[{"type": "user", "id": "c1"}]
    )
    assert fake.last_request.body["from"] == {"type": "admin", "id": "1001"}, "from_ is sent as 'from'"
    assert message.conversation_id
    conversation = client.conversations.retrieve("conv1")
    assert conversation.id == "conv1"


def test_data_events_submit_returns_none_on_202(client: Client, fake: FakeIntercom) -> None:
    result = client.data_events.submit(event_name="invited-friend", created_at=1734537424, email="user1@example.com")
    assert result is None
    assert fake.last_request.body == {"event_name": "invited-friend", "created_at": 1734537424, "email": "user1@example.com"}
    assert fake.events == [fake.last_request.body]


def test_false_booleans_are_sent(client: Client, fake: FakeIntercom) -> None:
    admin = client.admins.set_away("1002", away_mode_enabled=True, away_mode_reassign=False)
    assert fake.last_request.body == {"away_mode_enabled": True, "away_mode_reassign": False}
    assert admin.away_mode_enabled is True and admin.away_mode_reassign is False


def test_call_recording_does_not_follow_the_redirect(client: Client, fake: FakeIntercom) -> None:
    client.calls.recording("call1")
    assert [r.raw_path for r in fake.requests] == ["/calls/call1/recording"]


def test_call_transcript_returns_the_text(client: Client, fake: FakeIntercom) -> None:
    text = client.calls.transcript("call1")
    assert isinstance(text, str) and "Thanks for calling" in text


def test_call_recording_returns_the_signed_address(client: Client, fake: FakeIntercom) -> None:
    url = client.calls.recording("call1")
    assert isinstance(url, str) and url.startswith("https://recordings.example.com/call1.mp3?signature=")


# --------------------------------------------------------------------------- headers


def test_bearer_token_and_version_header_on_every_request(
    client: Client, fake: FakeIntercom, api: ModuleType
) -> None:
    list(client.contacts.list(per_page=7))  # 3 pages
    list(client.contacts.search(query={"field": "role", "operator": "=", "value": "lead"}, per_page=2))  # 3 pages
    fake.fail_next(503)
    client.admins.me()  # a retry: 2 requests
    with pytest.raises(api.NotFoundError):
        client.contacts.retrieve("nope")
    assert len(fake.requests) == 3 + 3 + 2 + 1
    for request in fake.requests:
        assert request.headers["authorization"] == "Bearer test-token"
        assert request.headers["intercom-version"] == NEWEST
        assert request.headers["accept"] == "application/json"


def test_version_override_is_per_call(client: Client, fake: FakeIntercom) -> None:
    client.contacts.retrieve("c1", version=PREVIOUS)
    assert fake.last_request.version == PREVIOUS
    client.contacts.retrieve("c1")
    assert fake.last_request.version == NEWEST
    list(client.contacts.list(per_page=10, version=OLDEST))
    assert [r.version for r in fake.requests[2:]] == [OLDEST, OLDEST], "every page of the pager uses the override"
    assert client.version == NEWEST


def test_client_level_version(make_client: Callable[..., Client], fake: FakeIntercom) -> None:
    client = make_client(version=PREVIOUS)
    assert client.version == PREVIOUS
    client.admins.me()
    client.admins.me(version=NEWEST)
    assert [r.version for r in fake.requests] == [PREVIOUS, NEWEST]


# --------------------------------------------------------------------------- pagination


def test_cursor_list_pagination(client: Client, fake: FakeIntercom) -> None:
    assert len(fake.contacts) >= 20
    pager = client.contacts.list(per_page=7)
    assert fake.requests == [], "creating the pager sends nothing"
    ids = [contact.id for contact in pager]
    assert len(ids) == len(set(ids)) == len(fake.contacts)
    assert set(ids) == set(fake.contacts)
    pages = -(-len(fake.contacts) // 7)
    assert pages >= 3
    assert len(fake.requests) == pages
    assert all(r.method == "GET" and r.raw_path == "/contacts" for r in fake.requests)
    assert all(r.query["per_page"] == ["7"] for r in fake.requests)
    assert "starting_after" not in fake.requests[0].query
    assert all(len(r.query["starting_after"]) == 1 for r in fake.requests[1:])


def test_search_pagination(client: Client, fake: FakeIntercom) -> None:
    query = {"field": "role", "operator": "=", "value": "user"}
    users = {cid for cid, c in fake.contacts.items() if c["role"] == "user"}
    pager = client.contacts.search(query=query, per_page=5)
    assert fake.requests == []
    found = [contact.id for contact in pager]
    assert len(found) == len(set(found)) and set(found) == users
    assert len(fake.requests) == -(-len(users) // 5) >= 3
    for n, request in enumerate(fake.requests):
        assert request.method == "POST" and request.raw_path == "/contacts/search"
        assert request.body["query"] == query
        assert request.body["pagination"]["per_page"] == 5
        assert ("starting_after" in request.body["pagination"]) == (n > 0)


def test_pager_is_lazy(client: Client, fake: FakeIntercom) -> None:
    pager = client.contacts.list(per_page=7)
    search = client.contacts.search(query={"field": "role", "operator": "=", "value": "user"}, per_page=5)
    assert fake.requests == []
    first = next(iter(pager))
    assert first.id == "c1"
    assert len(fake.requests) == 1
    next(iter(search))
    assert len(fake.requests) == 2


def test_page_level_access(client: Client, fake: FakeIntercom) -> None:
    pages = client.contacts.list(per_page=7).pages()
    assert fake.requests == []
    first = next(pages)
    assert len(fake.requests) == 1
    assert len(first.items) == 7 and first.next_cursor
    assert first.response.total_count == len(fake.contacts)
    rest = list(pages)
    sizes = [len(p.items) for p in [first, *rest]]
    assert sizes == [7, 7, len(fake.contacts) - 14]
    assert rest[-1].next_cursor is None
    assert len(fake.requests) == 3


@pytest.mark.parametrize("per_page", [151, 0, -1])
def test_per_page_out_of_range_refused_before_any_request(client: Client, fake: FakeIntercom, per_page: int) -> None:
    with pytest.raises(ValueError, match="per_page"):
        client.contacts.list(per_page=per_page)
    with pytest.raises(ValueError, match="per_page"):
        client.contacts.search(query={"field": "role", "operator": "=", "value": "user"}, per_page=per_page)
    with pytest.raises(ValueError, match="per_page"):
        client.companies.list(per_page=per_page)
    assert fake.requests == []


def test_per_page_maximum_accepted(client: Client, fake: FakeIntercom) -> None:
    assert len(list(client.contacts.list(per_page=150))) == len(fake.contacts)
    assert fake.requests[0].query["per_page"] == ["150"]


def test_page_based_pagination(client: Client, fake: FakeIntercom) -> None:
    pager = client.companies.list(per_page=2)
    assert fake.requests == []
    ids = [company.id for company in pager]
    assert sorted(ids) == sorted(fake.companies) and len(ids) == len(set(ids))
    assert len(fake.requests) == 3
    assert all(r.method == "POST" and r.raw_path == "/companies/list" for r in fake.requests)
    assert [r.query.get("page") for r in fake.requests] == [None, ["2"], ["3"]]
    assert all(r.query["per_page"] == ["2"] for r in fake.requests)


def test_conversation_list_pagination(client: Client, fake: FakeIntercom) -> None:
    ids = [c.id for c in client.conversations.list(per_page=3)]
    assert ids == list(fake.conversations)
    assert len(fake.requests) == 3


# --------------------------------------------------------------------------- rate limits and retries


def test_429_then_success_waits_for_the_reset(client: Client, fake: FakeIntercom) -> None:
    # Start early in a second so that "now + 1" (whole seconds) is at least ~0.6 s away.
    fraction = time.time() % 1
    if fraction > 0.4:
        time.sleep(1.0 - fraction + 0.01)
    reset = int(time.time()) + 1
    fake.fail_next(429, headers={"X-RateLimit-Reset": str(reset)})
    started = time.monotonic()
    contact = client.contacts.retrieve("c1")
    waited = time.monotonic() - started
    assert contact.id == "c1"
    assert waited >= 0.5
    assert time.time() >= reset - 0.01
    assert len(fake.requests) == 2


def test_rate_limit_wait_is_capped(make_client: Callable[..., Client], fake: FakeIntercom) -> None:
    client = make_client(max_rate_limit_wait=0.2)
    fake.fail_next(429, headers={"X-RateLimit-Reset": str(int(time.time()) + 3600)})
    started = time.monotonic()
    client.admins.me()
    waited = time.monotonic() - started
    assert 0.2 <= waited < 1.5
    assert len(fake.requests) == 2


def test_429_on_post_is_retried(client: Client, fake: FakeIntercom) -> None:
    fake.fail_next(429, headers={"X-RateLimit-Reset": "0"})
    contact = client.contacts.create(email="retry@example.com")
    assert contact.email == "retry@example.com"
    assert [r.method for r in fake.requests] == ["POST", "POST"]
    assert sum(1 for c in fake.contacts.values() if c["email"] == "retry@example.com") == 1


def test_429_gives_up_after_max_retries(make_client: Callable[..., Client], fake: FakeIntercom, api: ModuleType) -> None:
    client = make_client(max_retries=2)
    fake.fail_next(429, times=10, headers={"X-RateLimit-Reset": "0"})
    with pytest.raises(api.RateLimitError) as info:
        client.contacts.retrieve("c1")
    assert len(fake.requests) == 3
    assert info.value.status == 429 and info.value.code == "rate_limit_exceeded"
    assert client.rate_limit.remaining == 0


def test_5xx_get_retried_then_gives_up(make_client: Callable[..., Client], fake: FakeIntercom, api: ModuleType) -> None:
    client = make_client(max_retries=2)
    fake.fail_next(503, times=10)
    with pytest.raises(api.ServerError) as info:
        client.contacts.retrieve("c1")
    assert len(fake.requests) == 3
    assert info.value.status == 503


def test_5xx_get_retried_then_succeeds(client: Client, fake: FakeIntercom) -> None:
    fake.fail_next(500)
    fake.fail_next(502)
    assert client.contacts.retrieve("c1").id == "c1"
    assert len(fake.requests) == 3


def test_5xx_put_and_delete_are_retried(client: Client, fake: FakeIntercom) -> None:
    fake.fail_next(504)
    assert client.contacts.update("c1", name="X").name == "X"
    fake.fail_next(503)
    assert client.contacts.delete("c2").deleted is True
    assert [r.method for r in fake.requests] == ["PUT", "PUT", "DELETE", "DELETE"]


def test_5xx_post_is_not_retried(client: Client, fake: FakeIntercom, api: ModuleType) -> None:
    fake.fail_next(503, times=10)
    with pytest.raises(api.ServerError):
        client.contacts.create(email="once@example.com")
    assert len(fake.requests) == 1


def test_search_post_5xx_is_not_retried(client: Client, fake: FakeIntercom, api: ModuleType) -> None:
    fake.fail_next(500, times=10)
    with pytest.raises(api.ServerError):
        list(client.contacts.search(query={"field": "role", "operator": "=", "value": "user"}))
    assert len(fake.requests) == 1


def test_max_retries_zero_sends_once(make_client: Callable[..., Client], fake: FakeIntercom, api: ModuleType) -> None:
    client = make_client(max_retries=0)
    fake.fail_next(503, times=10)
    with pytest.raises(api.ServerError):
        client.contacts.retrieve("c1")
    assert len(fake.requests) == 1
    fake.reset()
    fake.fail_next(429, times=10, headers={"X-RateLimit-Reset": "0"})
    with pytest.raises(api.RateLimitError):
        client.contacts.retrieve("c1")
    assert len(fake.requests) == 1


def test_negative_max_retries_refused(api: ModuleType) -> None:
    with pytest.raises(ValueError):
        api.Intercom(TOKEN, max_retries=-1)


def test_connection_error_on_get_is_retried(client: Client, fake: FakeIntercom) -> None:
    fake.drop_next()
    assert client.contacts.retrieve("c1").id == "c1"
    assert len(fake.requests) == 2


def test_connection_error_on_post_is_not_retried(client: Client, fake: FakeIntercom, api: ModuleType) -> None:
    fake.drop_next()
    with pytest.raises(api.APIConnectionError) as info:
        client.contacts.create(email="dropped@example.com")
    assert len(fake.requests) == 1
    assert info.value.status is None
    assert info.value.endpoint_id == "contacts.create"
    assert isinstance(info.value, api.IntercomError)


def test_connection_error_gives_up(make_client: Callable[..., Client], fake: FakeIntercom, api: ModuleType) -> None:
    client = make_client(max_retries=1)
    fake.drop_next(times=5)
    with pytest.raises(api.APIConnectionError):
        client.admins.me()
    assert len(fake.requests) == 2


def test_unreachable_server(api: ModuleType) -> None:
    with (
        api.Intercom(TOKEN, base_url="http://127.0.0.1:9", max_retries=1, retry_backoff=0.001) as client,
        pytest.raises(api.APIConnectionError) as info,
    ):
        client.admins.me()
    assert "127.0.0.1:9" in str(info.value)
    assert TOKEN not in str(info.value)


# --------------------------------------------------------------------------- errors

ERROR_CASES = [
    (400, "BadRequestError", "parameter_invalid"),
    (401, "UnauthorizedError", "unauthorized"),
    (403, "ForbiddenError", "forbidden"),
    (404, "NotFoundError", "not_found"),
    (422, "UnprocessableEntityError", "unprocessable_entity"),
    (429, "RateLimitError", "rate_limit_exceeded"),
    (500, "ServerError", "server_error"),
    (502, "ServerError", "server_error"),
    (503, "ServerError", "server_error"),
    (504, "ServerError", "server_error"),
]


@pytest.mark.parametrize(("status", "error_name", "code"), ERROR_CASES)
def test_error_status_maps_to_error_class(
    make_client: Callable[..., Client], fake: FakeIntercom, api: ModuleType, status: int, error_name: str, code: str
) -> None:
    client = make_client(max_retries=1)
    fake.fail_next(status, times=5, headers={"X-RateLimit-Reset": "0"} if status == 429 else None)
    error_type = getattr(api, error_name)
    with pytest.raises(error_type) as info:
        client.contacts.retrieve("c1")
    error = info.value
    assert type(error) is error_type and isinstance(error, api.IntercomError)
    assert error.status == status
    assert error.code == code
    assert error.request_id and error.request_id.startswith("fake-")
    assert error.endpoint_id == "contacts.retrieve"
    assert error.what_to_do and error.what_to_do in str(error)
    assert str(status) in str(error) and error.request_id in str(error)
    retried = status == 429 or status >= 500
    assert len(fake.requests) == (2 if retried else 1)


def test_real_error_answers(client: Client, fake: FakeIntercom, api: ModuleType) -> None:
    with pytest.raises(api.NotFoundError, match="User Not Found"):
        client.contacts.retrieve("c999")
    with pytest.raises(api.BadRequestError) as bad:
        client.contacts.create(role="prospect")
    assert "role must be user or lead" in str(bad.value)
    with pytest.raises(api.IntercomError) as conflict:
        client.contacts.create(email="user1@example.com", role="user")
    assert type(conflict.value) is api.IntercomError and conflict.value.status == 409
    with (
        api.Intercom("wrong-token", base_url=fake.base_url) as wrong,
        pytest.raises(api.UnauthorizedError) as unauthorized,
    ):
        wrong.admins.me()
    assert unauthorized.value.code == "unauthorized"
    assert "wrong-token" not in str(unauthorized.value)


@pytest.mark.parametrize(
    ("endpoint_id", "rule", "call", "permission", "scopes"),
    [
        ("contacts.create", "POST /contacts", lambda c: c.contacts.create(email="x@example.com"),
         "Write users", ["Write users and companies"]),
        ("contacts.retrieve", "GET /contacts", lambda c: c.contacts.retrieve("c1"),
         "Read one user", ["Read and list users and companies", "Read one user and one company"]),
        ("conversations.reply", "POST /conversations/{id}/reply",
         lambda c: c.conversations.reply("conv1", message_type="note", type="admin", admin_id="1001", body="x"),
         "Write conversations", ["Write conversations"]),
    ],
)
def test_token_unauthorized_names_permission_and_scopes(
    client: Client,
    fake: FakeIntercom,
    api: ModuleType,
    endpoint_id: str,
    rule: str,
    call: Callable[[Client], Any],
    permission: str,
    scopes: list[str],
) -> None:
    fake.deny_scope(rule)
    with pytest.raises(api.UnauthorizedError) as info:
        call(client)
    error = info.value
    assert error.code == "token_unauthorized" and error.status == 401
    assert error.endpoint_id == endpoint_id
    text = str(error)
    assert endpoint_id in text
    assert f"'{permission}'" in text
    for scope in scopes:
        assert f"'{scope}'" in text
    assert len(fake.requests) == 1


def test_token_unauthorized_for_undocumented_permission(client: Client, fake: FakeIntercom, api: ModuleType) -> None:
    fake.deny_scope("/calls")
    with pytest.raises(api.UnauthorizedError, match=r"calls\.retrieve needs a permission Intercom does not document"):
        client.calls.retrieve("call1")


def test_not_found_in_other_region_mentions_region(api: ModuleType, fake: FakeIntercom) -> None:
    with api.Intercom(TOKEN, region="eu", base_url=fake.base_url) as eu:
        assert eu.base_url == fake.base_url
        with pytest.raises(api.NotFoundError) as info:
            eu.contacts.retrieve("c999")
    assert "eu region" in str(info.value)


def test_not_found_in_default_region_does_not_mention_region(client: Client, api: ModuleType) -> None:
    with pytest.raises(api.NotFoundError) as info:
        client.contacts.retrieve("c999")
    assert "region (" not in str(info.value)


@pytest.mark.parametrize(
    ("region", "url"),
    [("us", "https://api.intercom.io"), ("eu", "https://api.eu.intercom.io"), ("au", "https://api.au.intercom.io")],
)
def test_region_picks_base_url(api: ModuleType, region: str, url: str) -> None:
    with api.Intercom(TOKEN, region=region) as client:
        assert client.base_url == url
        assert region in repr(client)


def test_default_region_and_explicit_base_url(api: ModuleType) -> None:
    with api.Intercom(TOKEN) as client:
        assert client.base_url == "https://api.intercom.io"
    with api.Intercom(TOKEN, region="au", base_url="http://localhost:1234/") as client:
        assert client.base_url == "http://localhost:1234"


def test_unknown_region_refused(api: ModuleType) -> None:
    with pytest.raises(ValueError, match="region"):
        api.Intercom(TOKEN, region="mars")
    with pytest.raises(ValueError, match="region"):
        api.AsyncIntercom(TOKEN, region="EU ")


# --------------------------------------------------------------------------- path encoding

ENCODED_IDS = {
    "a/b": "a%2Fb",
    "..": "%2E%2E",
    ".": "%2E",
    "x?y=1": "x%3Fy%3D1",
    "x#y": "x%23y",
    "%2F": "%252F",
    "c1/archive": "c1%2Farchive",
    "é ü": "%C3%A9%20%C3%BC",
}


@pytest.mark.parametrize("raw_id", list(ENCODED_IDS))
def test_path_params_are_encoded(client: Client, fake: FakeIntercom, api: ModuleType, raw_id: str) -> None:
    encoded = ENCODED_IDS[raw_id]
    with pytest.raises(api.NotFoundError, match="User Not Found"):
        client.contacts.retrieve(raw_id)
    with pytest.raises(api.NotFoundError, match="User Not Found"):
        client.contacts.update(raw_id, name="x")
    with pytest.raises(api.NotFoundError, match="User Not Found"):
        client.contacts.archive(raw_id)
    assert [(r.method, r.raw_path) for r in fake.requests] == [
        ("GET", "/contacts/" + encoded),
        ("PUT", "/contacts/" + encoded),
        ("POST", "/contacts/" + encoded + "/archive"),
    ]
    assert all(r.query == {} for r in fake.requests)
    assert fake.requests[0].path == "/contacts/" + raw_id


def test_empty_path_param_refused(client: Client, fake: FakeIntercom) -> None:
    with pytest.raises(ValueError):
        client.contacts.retrieve("")
    assert fake.requests == []


def test_numeric_path_params(client: Client, fake: FakeIntercom) -> None:
    assert client.fin_voice.collect(1).id == 1
    assert fake.last_request.raw_path == "/fin_voice/collect/1"
    client.fin_voice.collect_by_phone_number("+15550200001")
    assert fake.last_request.raw_path == "/fin_voice/phone_number/%2B15550200001"


def test_an_array_response_is_a_list_of_models(client: Client, fake: FakeIntercom) -> None:
    """fin_voice.collect_by_conversation answers a JSON array (catalog: response_array)."""
    calls = client.fin_voice.collect_by_conversation("conv1")
    assert isinstance(calls, list) and calls
    assert all(type(c).__name__ == "AiCallResponse" for c in calls)
    assert {c.intercom_conversation_id for c in calls} == {"conv1"}
    assert client.fin_voice.collect_by_conversation("no-such-conversation") == []


# --------------------------------------------------------------------------- token handling


def test_token_never_leaks(
    make_client: Callable[..., Client], fake: FakeIntercom, api: ModuleType, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    for name in ("httpx", "httpcore"):
        caplog.set_level(logging.DEBUG, logger=name)
    client = make_client(max_retries=1)
    errors: list[BaseException] = []
    client.admins.me()
    list(client.contacts.list(per_page=10))
    fake.fail_next(503, times=5)
    fake.deny_scope("/tickets")
    for call in (
        lambda: client.contacts.retrieve("c1"),
        lambda: client.contacts.retrieve("nope"),
        lambda: client.tickets.retrieve("t1"),
        lambda: client.contacts.create(role="bad"),
    ):
        with pytest.raises(api.IntercomError) as info:
            call()
        errors.append(info.value)
    fake.drop_next()
    with pytest.raises(api.APIConnectionError) as dropped:
        client.contacts.create(email="drop@example.com")
    errors.append(dropped.value)
    with pytest.raises(ValueError) as bad_page:
        client.contacts.list(per_page=1000)
    errors.append(bad_page.value)

    assert caplog.records, "httpx logging was not captured"
    assert any(r.name.startswith(("httpx", "httpcore")) for r in caplog.records)
    assert TOKEN not in caplog.text
    for record in caplog.records:
        assert TOKEN not in record.getMessage()
    assert TOKEN not in repr(client) and TOKEN not in str(client)
    assert TOKEN not in repr(client._settings)
    for error in errors:
        assert TOKEN not in str(error) and TOKEN not in repr(error)
        assert all(TOKEN not in str(arg) for arg in error.args)
        assert error.__cause__ is None or TOKEN not in str(error.__cause__)


def test_token_from_environment(api: ModuleType, fake: FakeIntercom, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("INTERCOM_ACCESS_TOKEN", TOKEN)
    with api.Intercom(base_url=fake.base_url) as client:
        client.admins.me()
    assert fake.last_request.headers["authorization"] == f"Bearer {TOKEN}"


def test_explicit_token_wins_over_environment(
    api: ModuleType, fake: FakeIntercom, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("INTERCOM_ACCESS_TOKEN", "env-token")
    with api.Intercom(TOKEN, base_url=fake.base_url) as client:
        client.admins.me()
    assert fake.last_request.headers["authorization"] == f"Bearer {TOKEN}"


def test_missing_token_refused(api: ModuleType, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("INTERCOM_ACCESS_TOKEN", raising=False)
    with pytest.raises(ValueError, match="INTERCOM_ACCESS_TOKEN"):
        api.Intercom()
    with pytest.raises(ValueError, match="token"):
        api.Intercom("")
    with pytest.raises(ValueError, match="token"):
        api.AsyncIntercom()


# --------------------------------------------------------------------------- client state


def test_rate_limit_readable_after_a_call(client: Client, api: ModuleType) -> None:
    assert client.rate_limit is None
    client.admins.me()
    rate_limit = client.rate_limit
    assert isinstance(rate_limit, api.RateLimit)
    for value in (rate_limit.limit, rate_limit.remaining, rate_limit.reset):
        assert isinstance(value, int)
    assert rate_limit.limit == 10000
    assert 0 <= rate_limit.remaining < rate_limit.limit
    assert rate_limit.reset > time.time() - 1
    remaining = rate_limit.remaining
    client.admins.me()
    assert client.rate_limit.remaining == remaining - 1


def test_context_manager_closes_its_own_client_only(api: ModuleType, fake: FakeIntercom) -> None:
    http = httpx.Client()
    with api.Intercom(TOKEN, base_url=fake.base_url, http_client=http) as client:
        assert client.admins.me().id == "1001"
    assert not http.is_closed, "a caller's own httpx client is the caller's to close"
    assert http.get(fake.base_url + "/me").status_code == 401, "and it still works"
    http.close()
    plain = api.Intercom(TOKEN, base_url=fake.base_url)
    plain.close()
    with pytest.raises(RuntimeError):
        plain.admins.me()


# --------------------------------------------------------------------------- models


def test_models_keep_unknown_fields_and_unseen_enum_values(client: Client, fake: FakeIntercom) -> None:
    contact = dict(fake.contacts["c1"])
    contact["role"] = "prospect"
    contact["brand_new_field"] = {"nested": [1, 2]}
    fake._store_contact(contact)
    fake.conversations["conv1"]["ai_agent"]["resolution_state"] = "brand_new_state"
    fake.conversations["conv1"]["brand_new_flag"] = True

    retrieved = client.contacts.retrieve("c1")
    assert retrieved.role == "prospect"
    assert retrieved.model_extra == {"brand_new_field": {"nested": [1, 2]}}
    conversation = client.conversations.retrieve("conv1")
    assert conversation.ai_agent.resolution_state == "brand_new_state"
    assert conversation.model_extra["brand_new_flag"] is True


def resolution_states(version: str) -> set[str]:
    schema = RESOLVED.versions[version].schema("ai_agent")
    assert schema is not None
    field = next(p for p in schema.properties if p.name == "resolution_state")
    return {str(v) for v in field.definition["enum"]}


def test_known_enum_values_are_members_and_unknown_ones_stay_open(
    client: Client, fake: FakeIntercom, models: ModuleType
) -> None:
    enum = models.AiAgentResolutionState
    # The fake answers each version in that version's names of resolution states.
    renamed = sorted(resolution_states(OLDEST) - resolution_states(NEWEST))
    assert renamed, "some resolution state was renamed or removed since the oldest version"
    seen_renamed = False
    for conversation_id in sorted(fake.conversations):
        conversation = client.conversations.retrieve(conversation_id)
        assert conversation.ai_agent.resolution_state in set(enum)
        older = client.conversations.retrieve(conversation_id, version=OLDEST).ai_agent.resolution_state
        assert isinstance(older, enum) and older in resolution_states(OLDEST)
        if older in renamed:
            # A value this client does not know is still of the enum's type, equal to its string.
            assert older not in set(enum) and older == str(older)
            seen_renamed = True
    assert seen_renamed, "the fake answers some conversation with a renamed state in the oldest version"
    assert client.contacts.retrieve("c3").role is models.ContactRole.lead


def test_realistic_contact_with_relative_urls_validates(models: ModuleType) -> None:
    payload = {
        "type": "contact",
        "id": "6762f0dd1bb69f9f2193bb83",
        "workspace_id": "abc123",
        "external_id": "user-42",
        "role": "user",
        "email": "joe@example.com",
        "phone": "+353871234567",
        "name": "Joe Bloggs",
        "owner_id": 991267553,
        "has_hard_bounced": False,
        "created_at": 1734537437,
        "updated_at": 1734537437,
        "custom_attributes": {"plan": "pro"},
        "avatar": {"type": "avatar", "image_url": None},
        "tags": {
            "type": "list",
            "data": [{"type": "tag", "id": "7522907", "url": "/tags/7522907"}],
            "url": "/contacts/6762f0dd1bb69f9f2193bb83/tags",
            "total_count": 1,
            "has_more": False,
        },
        "notes": {"type": "list", "data": [], "url": "/contacts/6762f0dd1bb69f9f2193bb83/notes", "total_count": 0, "has_more": False},
        "companies": {
            "type": "list",
            "data": [{"type": "company", "id": "6762f0e01bb69f9f2193bb86", "url": "/companies/6762f0e01bb69f9f2193bb86"}],
            "url": "/contacts/6762f0dd1bb69f9f2193bb83/companies",
            "total_count": 1,
            "has_more": False,
        },
        "location": {"type": "location", "country": "Ireland", "region": "Dublin", "city": "Dublin"},
        "social_profiles": {"type": "list", "data": []},
        "sms_consent": True,
    }
    contact = models.Contact.model_validate(payload)
    assert contact.tags.url == "/contacts/6762f0dd1bb69f9f2193bb83/tags"
    assert contact.companies.data[0].url == "/companies/6762f0e01bb69f9f2193bb86"
    assert contact.model_extra == {"sms_consent": True}
    unseen = models.Contact.model_validate({**payload, "role": "visitor"})
    assert unseen.role == "visitor"


def test_resolution_state_enum_is_the_newest_versions(models: ModuleType) -> None:
    values = {member.value for member in models.AiAgentResolutionState}
    assert values == resolution_states(NEWEST)
    assert values != resolution_states(OLDEST)


def test_ticket_type_model_survives(models: ModuleType) -> None:
    from pydantic import BaseModel

    assert isinstance(models.TicketType, type) and issubclass(models.TicketType, BaseModel)
    ticket = models.Ticket.model_validate(
        {"type": "ticket", "id": "1", "ticket_type": {"type": "ticket_type", "id": "101", "name": "Bug report"}}
    )
    assert ticket.ticket_type.name == "Bug report"


# --------------------------------------------------------------------------- metadata and docs


def test_required_scopes(api: ModuleType) -> None:
    assert api.required_scopes("contacts.create", "conversations.reply") == (
        "Write conversations",
        "Write users and companies",
    )
    assert api.required_scopes("contacts.create") == ("Write users and companies",)
    assert api.required_scopes() == ()
    with pytest.raises(ValueError, match=r"did you mean contacts\.create"):
        api.required_scopes("contacts.craete")
    with pytest.raises(ValueError, match="no documented permission"):
        api.required_scopes("calls.list")


def test_endpoint_info(api: ModuleType) -> None:
    info = api.ENDPOINTS["contacts.create"]
    assert isinstance(info, api.EndpointInfo)
    assert info.id == "contacts.create"
    assert (info.method, info.path) == ("POST", "/contacts")
    assert info.permission == "Write users"
    assert info.scopes == ("Write users and companies",)
    assert info.access == "write"
    assert info.webhook == "contact.user.created"
    assert info.pagination == "none"
    for endpoint in RESOLVED.versions[NEWEST].endpoints:
        assert api.ENDPOINTS[endpoint.id].since == endpoint.since, endpoint.id
    assert api.ENDPOINTS["contacts.list"].pagination == "cursor"
    assert api.ENDPOINTS["companies.list"].pagination == "page"
    assert api.ENDPOINTS["contacts.search"].pagination == "search"
    with pytest.raises(TypeError):
        api.ENDPOINTS["x"] = info  # read-only


def test_method_docstrings(api: ModuleType, client: Client) -> None:
    import intercom_api.client as generated_client

    for endpoint_id, info in api.ENDPOINTS.items():
        group, name = endpoint_id.split(".")
        resource = type(getattr(client, group))
        async_resource = getattr(generated_client, "Async" + resource.__name__)
        for method in (getattr(resource, name), getattr(async_resource, name)):
            doc = method.__doc__
            assert doc, endpoint_id
            assert "Permission:" in doc and "OAuth scopes:" in doc, endpoint_id
            if info.permission:
                assert info.permission in doc, endpoint_id
                for scope in info.scopes:
                    assert f"'{scope}'" in doc, endpoint_id
            else:
                assert "not documented" in doc, endpoint_id
            assert f"Webhook topic fired: {info.webhook or 'none'}" in doc, endpoint_id
            assert f"since API version {info.since}" in doc, endpoint_id
            assert f"{info.method} {info.path}" in doc, endpoint_id
