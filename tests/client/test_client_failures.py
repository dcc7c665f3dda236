"""Every failure of the generated client is an IntercomError: answers it cannot read (a 2xx
that is not JSON, is HTML, is empty, or is not the model's shape), error bodies of any
shape, and arguments that cannot make a request. The fake server sends the bad answers
(`answer_next`)."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Callable
from types import ModuleType
from typing import Any

import pytest

from tests.fake_intercom import FakeIntercom

Client = Any

HTML = b"<!DOCTYPE html><html><head><title>502</title></head><body><h1>Maintenance</h1></body></html>"

# (what the fake answers with, its Content-Type, words the error's message must hold)
UNREADABLE = {
    "not-json": (b"this is not json", "application/json", "not JSON (application/json"),
    "html": (HTML, "text/html; charset=utf-8", "not JSON (text/html"),
    "empty": (b"", "application/json", "an empty body where a Contact was expected"),
    "whitespace": (b"  \r\n ", None, "an empty body where a Contact was expected"),
    "truncated": (b'{"type": "contact", "id": "c1", "name": "Ad', "application/json", "not JSON"),
    "wrong-shape": (b'{"type": "contact", "id": {"nested": true}}', "application/json", "id\n  Input should be a valid string"),
    "array-for-object": (b"[1, 2, 3]", "application/json", "JSON that does not match a Contact"),
    "too-deep": (b"[" * 50_000 + b"]" * 50_000, "application/json", "contacts.retrieve answered"),
    "not-utf8": (b"\xff\xfe\x00{", "application/json", "not JSON"),
}


def assert_unreadable(error: BaseException, api: ModuleType, endpoint_id: str, status: int = 200) -> None:
    from pydantic import ValidationError

    assert isinstance(error, api.APIResponseValidationError) and isinstance(error, api.IntercomError)
    assert not isinstance(error, ValidationError | json.JSONDecodeError)
    assert error.status == status
    assert error.endpoint_id == endpoint_id
    assert error.request_id and error.request_id.startswith("fake-")
    assert error.response is not None and error.response.status_code == status
    assert len(error.body_excerpt) <= 200
    text = str(error)
    assert f"HTTP {status}" in text and endpoint_id in text and error.request_id in text
    assert len(text) < 2000, "the message quotes an excerpt, never the whole body"
    assert error.what_to_do in text


@pytest.mark.parametrize("case", list(UNREADABLE))
def test_unreadable_answer_is_an_intercom_error(client: Client, fake: FakeIntercom, api: ModuleType, case: str) -> None:
    body, content_type, words = UNREADABLE[case]
    fake.answer_next(body, content_type=content_type)
    with pytest.raises(api.IntercomError) as info:
        client.contacts.retrieve("c1")
    assert_unreadable(info.value, api, "contacts.retrieve")
    assert words in str(info.value)
    assert len(fake.requests) == 1, "an unreadable success is not retried"


def test_html_answer_quotes_the_start_of_the_body(client: Client, fake: FakeIntercom, api: ModuleType) -> None:
    fake.answer_next(HTML * 50, content_type="text/html")
    with pytest.raises(api.APIResponseValidationError) as info:
        client.admins.me()
    error = info.value
    assert error.body_excerpt.startswith("<!DOCTYPE html><html><head><title>502</title>")
    assert error.body_excerpt.endswith("...") and len(error.body_excerpt) == 200
    assert error.body_excerpt in str(error)
    assert error.headers["content-type"].startswith("text/html")


def test_unreadable_page_of_a_list(client: Client, fake: FakeIntercom, api: ModuleType) -> None:
    pager = client.contacts.list(per_page=7)
    iterator = iter(pager)
    assert next(iterator).id == "c1"
    fake.answer_next(HTML, content_type="text/html", path="/contacts")
    with pytest.raises(api.APIResponseValidationError) as info:
        list(iterator)
    assert_unreadable(info.value, api, "contacts.list")
    assert "a ContactList" in str(info.value)


def test_unreadable_page_of_a_search(client: Client, fake: FakeIntercom, api: ModuleType) -> None:
    fake.answer_next(b'{"type": "list", "data": "not a list"}', path="/contacts/search")
    with pytest.raises(api.APIResponseValidationError) as info:
        list(client.contacts.search(query={"field": "role", "operator": "=", "value": "user"}))
    assert_unreadable(info.value, api, "contacts.search")
    assert "data\n  Input should be a valid array" in str(info.value)


def test_unreadable_item_of_an_array_answer_names_its_index(client: Client, fake: FakeIntercom, api: ModuleType) -> None:
    fake.answer_next(b'[{"id": 1}, {"id": "not a number"}]')
    with pytest.raises(api.APIResponseValidationError) as info:
        client.fin_voice.collect_by_conversation("conv1")
    assert_unreadable(info.value, api, "fin_voice.collect_by_conversation")
    assert "1.id\n  Input should be a valid integer" in str(info.value)
    fake.answer_next(HTML, content_type="text/html")
    with pytest.raises(api.APIResponseValidationError, match=r"not JSON \(text/html"):
        client.fin_voice.collect_by_conversation("conv1")


def test_many_problems_are_listed_briefly(client: Client, fake: FakeIntercom, api: ModuleType) -> None:
    wrong = {field: {"x": 1} for field in ("id", "email", "name", "phone", "external_id", "role", "workspace_id", "type")}
    fake.answer_next(json.dumps(wrong))
    with pytest.raises(api.APIResponseValidationError) as info:
        client.contacts.retrieve("c1")
    assert "... and 3 more" in str(info.value)


def test_an_unreadable_async_answer_is_an_intercom_error(
    make_async_client: Callable[..., Client], fake: FakeIntercom, api: ModuleType
) -> None:
    async def main() -> None:
        async with make_async_client() as client:
            fake.answer_next(HTML, content_type="text/html")
            await client.contacts.retrieve("c1")

    with pytest.raises(api.APIResponseValidationError) as info:
        asyncio.run(main())
    assert_unreadable(info.value, api, "contacts.retrieve")


# --------------------------------------------------------------------------- error bodies of any shape

ERROR_BODIES = {
    "numeric-code": (b'{"type": "error.list", "errors": [{"code": 123, "message": "Bad"}]}', "123", "Bad"),
    "list-message": (b'{"type": "error.list", "errors": [{"code": "x", "message": ["one", "two"]}]}', "x", "one; two"),
    "object-message": (b'{"errors": [{"code": null, "message": {"why": "no"}}]}', None, '{"why": "no"}'),
    "errors-not-a-list": (b'{"errors": "all wrong", "message": 7}', None, "7"),
    "errors-of-strings": (b'{"errors": ["a", "b"]}', None, "Bad Request"),
    "top-level-list": (b"[1, 2]", None, "Bad Request"),
    "top-level-string": (b'"oops"', None, "Bad Request"),
    "null": (b"null", None, "Bad Request"),
    "html": (HTML, None, "Bad Request"),
    "empty": (b"", None, "Bad Request"),
    "boolean-code": (b'{"code": true, "message": false}', "true", "false"),
}


@pytest.mark.parametrize("case", list(ERROR_BODIES))
def test_any_error_body_gives_a_printable_error(
    make_client: Callable[..., Client], fake: FakeIntercom, api: ModuleType, case: str
) -> None:
    body, code, words = ERROR_BODIES[case]
    fake.answer_next(body, status=400, content_type="text/html" if case == "html" else "application/json")
    with pytest.raises(api.BadRequestError) as info:
        make_client(max_retries=0).contacts.retrieve("c1")
    error = info.value
    assert error.code == code
    text = str(error)
    assert words in text and text.startswith("HTTP 400")
    assert repr(error)
    assert isinstance(error.message, str)
    assert error.response is not None and error.response.status_code == 400


def test_error_carries_response_body_and_headers(client: Client, fake: FakeIntercom, api: ModuleType) -> None:
    with pytest.raises(api.NotFoundError) as info:
        client.contacts.retrieve("c999")
    error = info.value
    assert error.body["type"] == "error.list" and error.body["errors"][0]["code"] == "not_found"
    assert error.headers["x-request-id"] == error.request_id
    assert error.response.status_code == 404


def test_rate_limit_error_says_when_the_window_resets(
    make_client: Callable[..., Client], fake: FakeIntercom, api: ModuleType
) -> None:
    fake.fail_next(429, headers={"X-RateLimit-Reset": "1999999999"})
    with pytest.raises(api.RateLimitError) as info:
        make_client(max_retries=0, max_rate_limit_wait=0.01).contacts.retrieve("c1")
    assert info.value.reset_at == 1999999999
    fake.fail_next(400)
    with pytest.raises(api.BadRequestError) as other:
        make_client(max_retries=0).contacts.retrieve("c1")
    assert other.value.reset_at is None


def test_an_error_built_by_hand_from_odd_values_prints(api: ModuleType) -> None:
    odd: Any = api.IntercomError
    error = odd(["a", 1], status=400, code=5, request_id=7)
    assert str(error) == f"HTTP 400 5: a; 1 (request id 7) What to do: {error.what_to_do}"
    error.what_to_do = object()
    assert str(error)
    assert dict(api.IntercomError("no answer").headers) == {}


def test_a_connection_error_has_no_response(client: Client, fake: FakeIntercom, api: ModuleType) -> None:
    fake.drop_next()
    with pytest.raises(api.APIConnectionError) as info:
        client.contacts.create(email="dropped@example.com")
    assert info.value.response is None and info.value.body is None and dict(info.value.headers) == {}


# --------------------------------------------------------------------------- arguments that cannot make a request


@pytest.mark.parametrize(
    "call",
    [
        lambda c: c.contacts.retrieve(None),
        lambda c: c.contacts.update(None, name="x"),
        lambda c: c.conversations.reply(None, message_type="comment", type="admin", admin_id="1", body="x"),
        lambda c: c.fin_voice.collect(None),
    ],
    ids=["retrieve", "update", "reply", "numeric"],
)
def test_none_path_parameter_refused_before_any_request(client: Client, fake: FakeIntercom, call: Callable[[Client], Any]) -> None:
    with pytest.raises(ValueError, match=r"^\w*id is None: a path parameter needs a value$"):
        call(client)
    assert fake.requests == []


def test_none_path_parameter_refused_by_the_async_client(
    make_async_client: Callable[..., Client], fake: FakeIntercom
) -> None:
    async def main() -> None:
        async with make_async_client() as client:
            await client.contacts.retrieve(None)

    with pytest.raises(ValueError, match="contact_id is None"):
        asyncio.run(main())
    assert fake.requests == []


def test_empty_path_parameter_is_named(client: Client, fake: FakeIntercom) -> None:
    with pytest.raises(ValueError, match="contact_id must not be empty"):
        client.contacts.retrieve("")
    assert fake.requests == []
