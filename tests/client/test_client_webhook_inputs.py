"""The generated webhooks module with the inputs a receiver really passes: a secret that is
empty or missing, a body already decoded to str, a header as bytes, JSON nested beyond
reason, and topics Intercom sends that the catalog does not list."""

from __future__ import annotations

import hashlib
import hmac
import json
from types import ModuleType
from typing import Any

import pytest

SECRET = "client-secret-123"


@pytest.fixture(scope="module")
def webhooks(api: ModuleType) -> ModuleType:
    import intercom_api.webhooks

    return intercom_api.webhooks


def notification(topic: str, item: Any = None) -> bytes:
    return json.dumps(
        {
            "type": "notification_event",
            "app_id": "abc123",
            "id": "notif_9",
            "topic": topic,
            "created_at": 1719139200,
            "data": {"type": "notification_event_data", "item": item if item is not None else {"type": "x", "id": "1"}},
        }
    ).encode()


def sign(body: bytes, secret: str = SECRET) -> str:
    return "sha1=" + hmac.new(secret.encode(), body, hashlib.sha1).hexdigest()


def known_topic(webhooks: ModuleType) -> str:
    return sorted(webhooks.TOPICS)[0]


@pytest.mark.parametrize("secret", ["", "   "], ids=["empty", "blank"])
def test_an_empty_client_secret_is_refused(webhooks: ModuleType, secret: str) -> None:
    body = notification(known_topic(webhooks))
    signed_with_the_empty_key = sign(body, secret)
    with pytest.raises(webhooks.WebhookError, match="client secret is empty"):
        webhooks.parse_notification(body, signed_with_the_empty_key, secret)
    with pytest.raises(webhooks.WebhookError, match="client secret is empty"):
        webhooks.verify_signature(body, signed_with_the_empty_key, secret)


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        ((None,), "client_secret must be the app's client secret as a str, not NoneType"),
        ((b"client-secret-123",), "client_secret must be .* not bytes"),
    ],
    ids=["none-secret", "bytes-secret"],
)
def test_a_missing_secret_is_a_type_error(webhooks: ModuleType, arguments: tuple[Any, ...], message: str) -> None:
    body = notification(known_topic(webhooks))
    with pytest.raises(TypeError, match=message):
        webhooks.parse_notification(body, sign(body), *arguments)
    with pytest.raises(TypeError, match=message):
        webhooks.verify_signature(body, sign(body), *arguments)


def test_a_str_body_is_a_type_error(webhooks: ModuleType) -> None:
    body = notification(known_topic(webhooks))
    for check in (webhooks.parse_notification, webhooks.verify_signature):
        with pytest.raises(TypeError, match=r"raw_body must be the request body as bytes.*not str"):
            check(body.decode(), sign(body), SECRET)
        with pytest.raises(TypeError, match="not NoneType"):
            check(None, sign(body), SECRET)


def test_a_bytes_header_is_a_type_error(webhooks: ModuleType) -> None:
    body = notification(known_topic(webhooks))
    for header in (sign(body).encode(), 12345):
        with pytest.raises(TypeError, match="signature_header must be the X-Hub-Signature header as a str"):
            webhooks.parse_notification(body, header, SECRET)
        with pytest.raises(TypeError, match="signature_header must be"):
            webhooks.verify_signature(body, header, SECRET)


def test_bytes_like_bodies_are_accepted(webhooks: ModuleType) -> None:
    body = notification(known_topic(webhooks))
    for raw in (bytearray(body), memoryview(body)):
        assert webhooks.verify_signature(raw, sign(body), SECRET) is True
        assert webhooks.parse_notification(raw, sign(body), SECRET).id == "notif_9"


@pytest.mark.parametrize(
    "body",
    [
        b"[" * 100_000 + b"]" * 100_000,
        b'{"type": "notification_event", "topic": "any", "data": {"item": '
        + b'{"a": ' * 100_000
        + b"1"
        + b"}" * 100_000
        + b"}}",
    ],
    ids=["nested-arrays", "nested-objects-in-a-notification"],
)
def test_deeply_nested_json_is_a_webhook_error(webhooks: ModuleType, body: bytes) -> None:
    with pytest.raises(webhooks.WebhookError, match="nested too deeply to be a notification"):
        webhooks.parse_notification(body, sign(body), SECRET)


def test_a_topic_the_catalog_does_not_list_is_a_generic_notification(webhooks: ModuleType) -> None:
    topic = "contact.exploded"
    assert topic not in webhooks.TOPICS
    body = notification(topic, item={"type": "contact", "id": "c9", "extra": [1, 2]})
    parsed = webhooks.parse_notification(body, sign(body), SECRET)
    assert parsed.topic == topic
    assert parsed.topic_info is None
    assert parsed.data_item == {"type": "contact", "id": "c9", "extra": [1, 2]}
    assert parsed.raw == json.loads(body)
    assert (parsed.id, parsed.app_id, parsed.created_at) == ("notif_9", "abc123", 1719139200)


def test_an_unlisted_topic_still_needs_a_good_signature(webhooks: ModuleType) -> None:
    body = notification("contact.exploded")
    with pytest.raises(webhooks.WebhookError, match="bad signature"):
        webhooks.parse_notification(body, sign(body, "another-secret"), SECRET)


def test_every_listed_topic_carries_its_info(webhooks: ModuleType) -> None:
    for topic, info in webhooks.TOPICS.items():
        body = notification(topic)
        assert webhooks.parse_notification(body, sign(body), SECRET).topic_info == info


def test_a_boolean_created_at_is_not_a_time(webhooks: ModuleType) -> None:
    document = json.loads(notification(known_topic(webhooks)))
    document["created_at"] = True
    body = json.dumps(document).encode()
    assert webhooks.parse_notification(body, sign(body), SECRET).created_at is None
