"""The generated client's webhooks module: signature checks and notification parsing.

The module is generated for two versions into a temporary folder through the pipeline and
imported from the generated file, as a receiver would use it."""

from __future__ import annotations

import hashlib
import hmac
import importlib.util
import json
import subprocess
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import black
import pytest

from intercom_gen.formatting import black_mode
from intercom_gen.pipeline import generate, resolve_catalog
from intercom_gen.write import write_tree
from tests.catalog_versions import base_version, previous, version_with

SECRET = "client-secret-123"
MODULE = "python/intercom_api/webhooks.py"
# The version that adds the ticket.resolved topic, and the one before it, without it.
WITH = version_with("add_webhook", webhook="ticket.resolved")
WITHOUT = previous(WITH)


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("generated")
    for version, files in generate(resolve_catalog(), [WITH, WITHOUT]).items():
        write_tree(out / version, files)
    return out


def load(path: Path, name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses look their module up while being created
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def webhooks(generated: Path) -> ModuleType:
    return load(generated / WITH / MODULE, "generated_webhooks_with_the_topic")


@pytest.fixture(scope="module")
def webhooks_2_14(generated: Path) -> ModuleType:
    return load(generated / WITHOUT / MODULE, "generated_webhooks_without_the_topic")


def notification(topic: str = "contact.user.created", **extra: Any) -> bytes:
    document = {
        "type": "notification_event",
        "app_id": "abc123",
        "id": "notif_1",
        "topic": topic,
        "created_at": 1719139200,
        "delivery_attempts": 1,
        "data": {"type": "notification_event_data", "item": {"type": "contact", "id": "6657a1"}},
        **extra,
    }
    return json.dumps(document).encode()


def sign(body: bytes, secret: str = SECRET) -> str:
    return "sha1=" + hmac.new(secret.encode(), body, hashlib.sha1).hexdigest()


def test_valid_notification_parses(webhooks: ModuleType) -> None:
    body = notification()
    parsed = webhooks.parse_notification(body, sign(body), SECRET)
    assert parsed.topic == "contact.user.created"
    assert parsed.id == "notif_1"
    assert parsed.app_id == "abc123"
    assert parsed.created_at == 1719139200
    assert parsed.data_item == {"type": "contact", "id": "6657a1"}
    assert parsed.raw["delivery_attempts"] == 1
    assert webhooks.verify_signature(body, sign(body), SECRET) is True
    assert webhooks.verify_signature(body, sign(body).upper().replace("SHA1=", "sha1="), SECRET) is True


def test_topics_describe_each_topic(webhooks: ModuleType) -> None:
    info = webhooks.TOPICS["ticket.created"]
    assert info == webhooks.WebhookTopicInfo(
        topic="ticket.created",
        summary="A ticket was created.",
        permission="Read tickets",
        triggered_by=("tickets.create",),
        since=base_version(),
    )
    assert webhooks.API_VERSION == WITH
    with pytest.raises(TypeError):
        webhooks.TOPICS["x"] = info


@pytest.mark.parametrize(
    ("make_header", "message"),
    [
        (lambda body: sign(body + b" "), "bad signature"),
        (lambda body: sign(body, "wrong-secret"), "bad signature"),
        (lambda body: sign(body)[:-4], "has 36 hex digits, not 40"),
        (lambda body: sign(body).removeprefix("sha1="), "expected 'sha1=<hex digest>'"),
        (lambda body: "sha256=" + hashlib.sha256(body).hexdigest(), "expected 'sha1=<hex digest>'"),
        (lambda body: "sha1=" + "z" * 40, "not hexadecimal"),
        (lambda body: None, "missing X-Hub-Signature header"),
        (lambda body: "", "missing X-Hub-Signature header"),
    ],
    ids=["tampered-body", "wrong-secret", "truncated", "no-prefix", "other-algorithm", "not-hex", "missing", "empty"],
)
def test_bad_signatures_are_rejected(webhooks: ModuleType, make_header: Any, message: str) -> None:
    body = notification()
    header = make_header(body)
    with pytest.raises(webhooks.WebhookError, match=message):
        webhooks.parse_notification(body, header, SECRET)
    assert webhooks.verify_signature(body, header, SECRET) is False


def test_tampered_body_with_original_signature(webhooks: ModuleType) -> None:
    body = notification()
    header = sign(body)
    tampered = body.replace(b"6657a1", b"6657a2")
    with pytest.raises(webhooks.WebhookError, match="bad signature"):
        webhooks.parse_notification(tampered, header, SECRET)


def test_webhook_error_is_a_value_error(webhooks: ModuleType) -> None:
    assert issubclass(webhooks.WebhookError, ValueError)


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (b"not json at all", "not JSON"),
        (b"\xff\xfe", "not JSON"),
        (b"[1, 2]", "not a notification"),
        (json.dumps({"type": "conversation", "topic": "x"}).encode(), "not a notification"),
        (json.dumps({"type": "notification_event", "data": {"item": {}}}).encode(), "no topic"),
        (json.dumps({"type": "notification_event", "topic": "ticket.created"}).encode(), "no data.item"),
        (json.dumps({"type": "notification_event", "topic": "ticket.created", "data": {"item": 3}}).encode(), "no data.item"),
    ],
    ids=["not-json", "not-utf8", "array", "wrong-type", "no-topic", "no-data", "item-not-object"],
)
def test_bodies_that_are_not_notifications(webhooks: ModuleType, body: bytes, message: str) -> None:
    with pytest.raises(webhooks.WebhookError, match=message):
        webhooks.parse_notification(body, sign(body), SECRET)


def test_a_signed_notification_of_an_unlisted_topic_is_returned_generic(webhooks: ModuleType) -> None:
    """Intercom has more topics than the catalog lists: a correctly signed one is kept."""
    body = notification("contact.exploded")
    parsed = webhooks.parse_notification(body, sign(body), SECRET)
    assert parsed.topic == "contact.exploded" and parsed.topic_info is None


def test_a_topic_new_in_a_version_is_unknown_to_the_one_before(webhooks: ModuleType, webhooks_2_14: ModuleType) -> None:
    body = notification("ticket.resolved")
    assert webhooks.parse_notification(body, sign(body), SECRET).topic_info is not None
    # A version without the topic still accepts the signed notification, knowing nothing of it.
    assert webhooks_2_14.parse_notification(body, sign(body), SECRET).topic_info is None


@pytest.mark.parametrize("version", [WITH, WITHOUT])
def test_module_is_black_stable_and_imports_only_the_standard_library(generated: Path, version: str) -> None:
    source = (generated / version / MODULE).read_text()
    assert black.format_str(source, mode=black_mode()) == source
    imported = {
        line.split()[1].split(".")[0]
        for line in source.splitlines()
        if line.startswith(("import ", "from "))
    }
    assert imported <= set(sys.stdlib_module_names) | {"__future__"}, imported


def test_module_is_mypy_strict_clean(generated: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental", "--follow-imports=skip", str(generated / WITH / MODULE)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
