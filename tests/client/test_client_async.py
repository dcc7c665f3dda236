"""The generated AsyncIntercom of the newest version against the fake Intercom server.

A smaller copy of the sync suite: one call per capability group, pagination with
`async for`, retries, errors, version override, path encoding and the context manager.
Each test drives its own event loop with asyncio.run (no pytest plugin needed)."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable, Coroutine
from types import ModuleType
from typing import Any, TypeVar

import httpx
import pytest

from tests.client.versions import NEWEST, OLDEST, PREVIOUS
from tests.fake_intercom import FakeIntercom

TOKEN = "test-token"
Client = Any
MakeClient = Callable[..., Client]
T = TypeVar("T")


def run(coroutine: Coroutine[Any, Any, T]) -> T:
    return asyncio.run(coroutine)


async def collect(pager: Any) -> list[Any]:
    return [item async for item in pager]


# One call per capability group (every group of ENDPOINTS must appear).
GROUP_CALLS: dict[str, Callable[[Client], Awaitable[Any]]] = {
    "admins": lambda c: c.admins.me(),
    "articles": lambda c: c.articles.retrieve("art1"),
    "calls": lambda c: c.calls.retrieve("call1"),
    "companies": lambda c: c.companies.upsert(company_id="acme-1", name="Acme"),
    "contacts": lambda c: c.contacts.create(role="user", email="async@example.com", name="Async"),
    "conversations": lambda c: c.conversations.reply(
        "conv1", message_type="comment", type="admin", admin_id="1001", body="Hello"
    ),
    "data_events": lambda c: c.data_events.submit(event_name="placed-order", created_at=1734537424, id="c1"),
    "fin_voice": lambda c: c.fin_voice.collect_by_external_id("ext-1"),
    "internal_articles": lambda c: c.internal_articles.list(),
    "messages": lambda c: c.messages.create(
        message_type="in_app", body="Hi", from_={"type": "admin", "id": "1001"}, to=[{"type": "user", "id": "c1"}]
    ),
    "tickets": lambda c: c.tickets.reply("t1", message_type="note", type="admin", admin_id="1001", body="Looking"),
    "workflows": lambda c: c.workflows.export("w2"),
}


def test_every_group_has_an_async_call(api: ModuleType) -> None:
    assert set(GROUP_CALLS) == {endpoint_id.split(".")[0] for endpoint_id in api.ENDPOINTS}


@pytest.mark.parametrize("group", sorted(GROUP_CALLS))
def test_group_call(make_async_client: MakeClient, fake: FakeIntercom, group: str) -> None:
    async def main() -> Any:
        async with make_async_client() as client:
            return await GROUP_CALLS[group](client)

    result = run(main())
    assert len(fake.requests) == 1
    request = fake.requests[0]
    assert request.headers["authorization"] == f"Bearer {TOKEN}"
    assert request.headers["intercom-version"] == NEWEST
    if group == "data_events":
        assert result is None
    else:
        from pydantic import BaseModel

        assert isinstance(result, BaseModel)


def test_async_results(make_async_client: MakeClient, fake: FakeIntercom) -> None:
    async def main() -> None:
        async with make_async_client() as client:
            contact = await client.contacts.create(email="a@example.com", name="A")
            assert (await client.contacts.retrieve(contact.id)).name == "A"
            assert (await client.contacts.update(contact.id, name="B")).name == "B"
            assert (await client.contacts.delete(contact.id)).deleted is True
            assert (await client.contacts.archive("c1")).archived is True
            me, admins = await asyncio.gather(client.admins.me(), client.admins.list())
            assert me.id == "1001" and len(admins.admins) == len(fake.admins)

    run(main())
    assert [r.method for r in fake.requests[:5]] == ["POST", "GET", "PUT", "DELETE", "POST"]


# --------------------------------------------------------------------------- pagination


def test_async_list_pagination(make_async_client: MakeClient, fake: FakeIntercom) -> None:
    async def main() -> tuple[int, list[str]]:
        async with make_async_client() as client:
            pager = client.contacts.list(per_page=7)
            sent_before_iterating = len(fake.requests)
            return sent_before_iterating, [c.id async for c in pager]

    sent, ids = run(main())
    assert sent == 0
    assert len(ids) == len(set(ids)) == len(fake.contacts) >= 20
    assert len(fake.requests) == 3
    assert ["starting_after" in r.query for r in fake.requests] == [False, True, True]


def test_async_search_pagination(make_async_client: MakeClient, fake: FakeIntercom) -> None:
    query = {"field": "role", "operator": "=", "value": "user"}
    users = {cid for cid, c in fake.contacts.items() if c["role"] == "user"}

    async def main() -> list[str]:
        async with make_async_client() as client:
            return [c.id async for c in client.contacts.search(query=query, per_page=5)]

    found = run(main())
    assert len(found) == len(set(found)) and set(found) == users
    assert len(fake.requests) == 3
    assert all(r.body["query"] == query and r.body["pagination"]["per_page"] == 5 for r in fake.requests)
    assert ["starting_after" in r.body["pagination"] for r in fake.requests] == [False, True, True]


def test_async_pager_is_lazy_and_pages(make_async_client: MakeClient, fake: FakeIntercom) -> None:
    async def main() -> None:
        async with make_async_client() as client:
            pager = client.contacts.list(per_page=7)
            assert fake.requests == []
            async for first in pager:
                assert first.id == "c1"
                break
            assert len(fake.requests) == 1
            sizes = [len(page.items) async for page in client.contacts.list(per_page=7).pages()]
            assert sizes == [7, 7, len(fake.contacts) - 14]
            assert len(fake.requests) == 4
            companies = await collect(client.companies.list(per_page=2))
            assert sorted(c.id for c in companies) == sorted(fake.companies)
            assert len(fake.requests) == 7

    run(main())


def test_async_per_page_refused_before_any_request(make_async_client: MakeClient, fake: FakeIntercom) -> None:
    async def main() -> None:
        async with make_async_client() as client:
            with pytest.raises(ValueError, match="per_page"):
                client.contacts.list(per_page=151)
            with pytest.raises(ValueError, match="per_page"):
                client.conversations.search(query={}, per_page=151)

    run(main())
    assert fake.requests == []


# --------------------------------------------------------------------------- retries and errors


def test_async_429_then_success(make_async_client: MakeClient, fake: FakeIntercom) -> None:
    reset = int(time.time()) + 1
    fake.fail_next(429, headers={"X-RateLimit-Reset": str(reset)})

    async def main() -> str:
        async with make_async_client() as client:
            return (await client.contacts.retrieve("c1")).id

    started = time.time()
    assert run(main()) == "c1"
    assert time.time() >= min(reset, started + 2.0) - 0.01, "the wait honoured X-RateLimit-Reset"
    assert len(fake.requests) == 2


def test_async_429_on_post_is_retried(make_async_client: MakeClient, fake: FakeIntercom) -> None:
    fake.fail_next(429, headers={"X-RateLimit-Reset": "0"})

    async def main() -> None:
        async with make_async_client() as client:
            await client.contacts.create(email="again@example.com")

    run(main())
    assert [r.method for r in fake.requests] == ["POST", "POST"]


def test_async_5xx_gives_up(make_async_client: MakeClient, fake: FakeIntercom, api: ModuleType) -> None:
    fake.fail_next(503, times=10)

    async def main() -> None:
        async with make_async_client(max_retries=2) as client:
            await client.contacts.retrieve("c1")

    with pytest.raises(api.ServerError) as info:
        run(main())
    assert info.value.status == 503
    assert len(fake.requests) == 3


def test_async_5xx_post_not_retried(make_async_client: MakeClient, fake: FakeIntercom, api: ModuleType) -> None:
    fake.fail_next(503, times=10)

    async def main() -> None:
        async with make_async_client() as client:
            await client.contacts.create(email="once@example.com")

    with pytest.raises(api.ServerError):
        run(main())
    assert len(fake.requests) == 1


def test_async_connection_errors(make_async_client: MakeClient, fake: FakeIntercom, api: ModuleType) -> None:
    async def main() -> None:
        async with make_async_client() as client:
            fake.drop_next()
            assert (await client.contacts.retrieve("c1")).id == "c1"
            assert len(fake.requests) == 2
            fake.drop_next()
            with pytest.raises(api.APIConnectionError):
                await client.contacts.create(email="dropped@example.com")
            assert len(fake.requests) == 3

    run(main())


@pytest.mark.parametrize(
    ("status", "error_name"), [(400, "BadRequestError"), (403, "ForbiddenError"), (422, "UnprocessableEntityError")]
)
def test_async_error_status(
    make_async_client: MakeClient, fake: FakeIntercom, api: ModuleType, status: int, error_name: str
) -> None:
    fake.fail_next(status)

    async def main() -> None:
        async with make_async_client() as client:
            await client.admins.me()

    with pytest.raises(getattr(api, error_name)) as info:
        run(main())
    assert info.value.status == status
    assert info.value.request_id and info.value.request_id.startswith("fake-")
    assert info.value.what_to_do in str(info.value)
    assert TOKEN not in str(info.value)
    assert len(fake.requests) == 1


def test_async_token_unauthorized_names_scopes(make_async_client: MakeClient, fake: FakeIntercom, api: ModuleType) -> None:
    fake.deny_scope("POST /contacts")

    async def main() -> None:
        async with make_async_client(region="eu") as client:
            await client.contacts.create(email="x@example.com")

    with pytest.raises(api.UnauthorizedError) as info:
        run(main())
    assert "'Write users'" in str(info.value) and "'Write users and companies'" in str(info.value)


def test_async_not_found_mentions_region(make_async_client: MakeClient, fake: FakeIntercom, api: ModuleType) -> None:
    async def main() -> None:
        async with make_async_client(region="au") as client:
            await client.contacts.retrieve("c999")

    with pytest.raises(api.NotFoundError, match="au region"):
        run(main())


# --------------------------------------------------------------------------- version, paths, lifecycle


def test_async_version_override(make_async_client: MakeClient, fake: FakeIntercom) -> None:
    async def main() -> None:
        async with make_async_client() as client:
            await client.contacts.retrieve("c1", version=PREVIOUS)
            await client.contacts.retrieve("c1")
            await collect(client.contacts.list(per_page=10, version=OLDEST))

    run(main())
    assert [r.version for r in fake.requests] == [PREVIOUS, NEWEST, OLDEST, OLDEST]


@pytest.mark.parametrize(
    ("raw_id", "encoded"),
    [("a/b", "a%2Fb"), ("..", "%2E%2E"), ("x?y=1", "x%3Fy%3D1"), ("x#y", "x%23y"), ("%2F", "%252F")],
)
def test_async_path_encoding(
    make_async_client: MakeClient, fake: FakeIntercom, api: ModuleType, raw_id: str, encoded: str
) -> None:
    async def main() -> None:
        async with make_async_client() as client:
            with pytest.raises(api.NotFoundError, match="User Not Found"):
                await client.contacts.retrieve(raw_id)
            with pytest.raises(api.NotFoundError, match="User Not Found"):
                await client.contacts.delete(raw_id)

    run(main())
    assert [(r.method, r.raw_path, r.query) for r in fake.requests] == [
        ("GET", "/contacts/" + encoded, {}),
        ("DELETE", "/contacts/" + encoded, {}),
    ]


def test_async_context_manager_closes_its_own_client_only(api: ModuleType, fake: FakeIntercom) -> None:
    async def main() -> tuple[Any, bool]:
        async with httpx.AsyncClient() as http:
            async with api.AsyncIntercom(TOKEN, base_url=fake.base_url, http_client=http) as client:
                assert (await client.admins.me()).id == "1001"
                assert TOKEN not in repr(client)
            # A caller's own httpx client is the caller's to close, and it still works.
            assert (await http.get(fake.base_url + "/me")).status_code == 401
            return client, http.is_closed

    client, closed = run(main())
    assert closed is False
    assert client.rate_limit is not None and isinstance(client.rate_limit.remaining, int)

    async def owned() -> None:
        own = api.AsyncIntercom(TOKEN, base_url=fake.base_url)
        await own.close()
        with pytest.raises(RuntimeError):
            await own.admins.me()

    run(owned())


def test_async_token_from_environment(api: ModuleType, fake: FakeIntercom, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("INTERCOM_ACCESS_TOKEN", TOKEN)

    async def main() -> None:
        async with api.AsyncIntercom(base_url=fake.base_url, region="eu") as client:
            assert client.base_url == fake.base_url
            await client.admins.me()

    run(main())
    assert fake.last_request.headers["authorization"] == f"Bearer {TOKEN}"
