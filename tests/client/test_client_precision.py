"""The client's precise surface against the fake server: an argument left out is not sent
and one given as None is sent as null, nested values exactly as given; raw responses;
per-call timeout and extra headers; a timeout that holds with the caller's own httpx
client; the User-Agent; and every method's Args, Returns and Raises."""

from __future__ import annotations

import asyncio
import inspect
from collections.abc import Callable
from types import ModuleType
from typing import Any

import httpx
import pytest

from tests.fake_intercom import FakeIntercom

Client = Any

# --------------------------------------------------------------------------- explicit null


def test_an_argument_left_out_is_not_sent_and_none_is_null(client: Client, fake: FakeIntercom, api: ModuleType) -> None:
    client.contacts.update("c1", name="Ada")
    assert fake.last_request.body == {"name": "Ada"}
    cleared = client.contacts.update("c1", name=None, phone=None)
    assert fake.last_request.body == {"name": None, "phone": None}
    assert b'"name":null' in fake.last_request.raw_body.replace(b" ", b"")
    assert cleared.name is None and cleared.phone is None
    assert repr(api.NOT_GIVEN) == "NOT_GIVEN" and not api.NOT_GIVEN
    client.contacts.update("c1", email=api.NOT_GIVEN)
    assert fake.last_request.body == {}


def test_nested_values_are_sent_exactly_as_given(client: Client, fake: FakeIntercom) -> None:
    client.contacts.update("c1", custom_attributes={"plan": "pro", "seats": 3})
    contact = client.contacts.update("c1", custom_attributes={"plan": None, "tags": [None, {"x": None}]})
    assert fake.last_request.body == {"custom_attributes": {"plan": None, "tags": [None, {"x": None}]}}
    assert contact.custom_attributes == {"plan": None, "seats": 3, "tags": [None, {"x": None}]}


def test_query_parameters_left_out_are_not_sent(client: Client, fake: FakeIntercom) -> None:
    client.conversations.retrieve("conv1")
    assert fake.last_request.query == {}
    client.conversations.retrieve("conv1", display_as="plaintext")
    assert fake.last_request.query == {"display_as": ["plaintext"]}


def test_a_search_without_a_page_size_sends_none(client: Client, fake: FakeIntercom) -> None:
    list(client.contacts.search(query={"field": "role", "operator": "=", "value": "lead"}))
    first = fake.requests[0].body
    assert first["query"] == {"field": "role", "operator": "=", "value": "lead"}
    assert "per_page" not in first.get("pagination", {})


# --------------------------------------------------------------------------- raw responses


def test_raw_response_gives_status_headers_and_the_parsed_model(client: Client, fake: FakeIntercom, api: ModuleType, models: ModuleType) -> None:
    raw = client.with_raw_response.contacts.retrieve("c1")
    assert isinstance(raw, api.RawResponse)
    assert raw.status_code == 200
    assert raw.headers["x-request-id"] == raw.request_id and raw.request_id.startswith("fake-")
    assert raw.headers["x-ratelimit-limit"] == "10000"
    assert isinstance(raw.http_response, httpx.Response)
    contact = raw.parse()
    assert isinstance(contact, models.Contact) and contact.id == "c1"
    assert raw.parse() == contact
    assert "200" in repr(raw) and "/contacts/c1" in repr(raw)
    assert len(fake.requests) == 1
    assert client.with_raw_response is client.with_raw_response


def test_raw_response_of_every_result_kind(client: Client, fake: FakeIntercom) -> None:
    raw = client.with_raw_response
    transcript = raw.calls.transcript("call1")
    assert transcript.status_code == 200 and "Thanks for calling" in transcript.parse()
    recording = raw.calls.recording("call1")
    assert 300 <= recording.status_code < 400 and recording.parse().startswith("https://recordings.example.com/")
    submitted = raw.data_events.submit(event_name="raw-event", created_at=1734537424, id="c1")
    assert submitted.status_code == 202 and submitted.parse() is None
    calls = raw.fin_voice.collect_by_conversation("conv1").parse()
    assert isinstance(calls, list) and calls


def test_raw_response_parses_only_when_asked(client: Client, fake: FakeIntercom, api: ModuleType) -> None:
    fake.answer_next(b"<html>maintenance</html>", content_type="text/html", headers={"Retry-After": "30"})
    raw = client.with_raw_response.contacts.retrieve("c1")
    assert raw.status_code == 200 and raw.headers["retry-after"] == "30"
    with pytest.raises(api.APIResponseValidationError):
        raw.parse()


def test_raw_response_still_raises_error_answers(client: Client, api: ModuleType) -> None:
    with pytest.raises(api.NotFoundError) as info:
        client.with_raw_response.contacts.retrieve("c999")
    assert info.value.response.status_code == 404


def test_raw_response_offers_every_method_but_the_pagers(client: Client, api: ModuleType) -> None:
    for endpoint_id, info in api.ENDPOINTS.items():
        group, name = endpoint_id.split(".")
        raw_group = getattr(client.with_raw_response, group)
        assert hasattr(raw_group, name) == (info.pagination == "none"), endpoint_id


def test_async_raw_response(make_async_client: Callable[..., Client], fake: FakeIntercom, api: ModuleType) -> None:
    async def main() -> tuple[int, str]:
        async with make_async_client() as client:
            raw = await client.with_raw_response.contacts.retrieve("c2")
            return raw.status_code, raw.parse().id

    assert asyncio.run(main()) == (200, "c2")


# --------------------------------------------------------------------------- per-call options


def test_per_call_timeout(make_client: Callable[..., Client], fake: FakeIntercom, api: ModuleType) -> None:
    client = make_client(max_retries=0)
    fake.delay_next(1.5)
    with pytest.raises(api.APIConnectionError, match="ReadTimeout"):
        client.contacts.retrieve("c1", timeout=0.2)
    fake.delay_next(0.3)
    assert client.contacts.retrieve("c1", timeout=5).id == "c1"


def test_client_timeout_holds_with_the_callers_own_httpx_client(api: ModuleType, fake: FakeIntercom) -> None:
    with httpx.Client(timeout=30) as http:
        client = api.Intercom("test-token", base_url=fake.base_url, http_client=http, timeout=0.2, max_retries=0)
        fake.delay_next(1.5)
        with pytest.raises(api.APIConnectionError, match="ReadTimeout"):
            client.admins.me()
        fake.delay_next(0.5)
        assert client.admins.me(timeout=5).id == "1001", "a per-call timeout wins over the client's"
        untimed = api.Intercom("test-token", base_url=fake.base_url, http_client=http, max_retries=0)
        fake.delay_next(0.5)
        assert untimed.admins.me().id == "1001", "without a timeout of its own, the caller's client's holds"


def test_extra_headers_are_sent_and_replace_the_clients(client: Client, fake: FakeIntercom) -> None:
    client.contacts.retrieve("c1", extra_headers={"X-Trace-Id": "trace-1", "accept": "application/json"})
    headers = fake.last_request.headers
    assert headers["x-trace-id"] == "trace-1"
    assert headers["accept"] == "application/json", "one Accept, not the client's and the caller's"
    list(client.contacts.list(per_page=10, extra_headers={"X-Trace-Id": "pages"}))
    assert [r.headers["x-trace-id"] for r in fake.requests[1:]] == ["pages", "pages"]
    client.contacts.retrieve("c1")
    assert "x-trace-id" not in fake.last_request.headers


def test_user_agent_names_the_package_the_generator_and_the_api_version(client: Client, fake: FakeIntercom, api: ModuleType) -> None:
    from intercom_gen import __version__

    client.admins.me()
    agent = fake.last_request.headers["user-agent"]
    assert agent == f"intercom-api/{api.API_VERSION}.0 (intercom-gen {__version__}; API {api.API_VERSION})"


# --------------------------------------------------------------------------- documentation


def test_every_method_documents_its_arguments_result_and_errors(api: ModuleType, client: Client) -> None:
    import intercom_api.client as generated_client

    for endpoint_id in api.ENDPOINTS:
        group, name = endpoint_id.split(".")
        resource = type(getattr(client, group))
        for owner in (resource, getattr(generated_client, "Async" + resource.__name__)):
            method = getattr(owner, name)
            doc = inspect.getdoc(method) or ""
            args = doc.split("Args:\n", 1)[1].split("\n\n", 1)[0]
            documented = [line.split(":", 1)[0].strip() for line in args.splitlines() if not line.startswith("        ")]
            expected = [p for p in inspect.signature(method).parameters if p != "self"]
            assert documented == expected, endpoint_id
            assert all(line.split(":", 1)[1].strip() for line in args.splitlines()), endpoint_id
            assert "\nReturns:\n    " in doc and "\nRaises:\n    IntercomError:" in doc, endpoint_id


def test_error_classes_are_described_in_sentences(api: ModuleType) -> None:
    for name in api.__all__:
        value = getattr(api, name)
        if isinstance(value, type) and issubclass(value, api.IntercomError):
            first = " ".join((inspect.getdoc(value) or "").split("\n\n")[0].split())
            assert first[0].isupper() and first.endswith("."), (name, first)
            assert "HTTP (" not in first, (name, first)
