"""The webhook maps' view: templates/webhooks (topics.json, topics.md)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from .catalog import Catalog
from .doc_parts import WebhookView, webhook_views
from .text import to_json


def topics_document(catalog: Catalog, webhooks: tuple[WebhookView, ...]) -> dict[str, Any]:
    return {
        "api_version": catalog.version,
        "topics": {
            w.topic: {
                "summary": w.summary,
                "permission": w.permission,
                "scopes": list(w.scopes),
                "triggered_by": [{"id": t.id, "method": t.method, "path": t.path} for t in w.triggered_by],
                "since": w.since,
            }
            for w in webhooks
        },
    }


@dataclass(frozen=True)
class WebhooksView:
    version: str
    webhooks: tuple[WebhookView, ...]
    webhook_count: int
    topics_json: str


def build_webhooks_view(resolved: Mapping[str, Catalog], version: str) -> WebhooksView:
    catalog = resolved[version]
    webhooks = webhook_views(catalog)
    return WebhooksView(
        version=version,
        webhooks=webhooks,
        webhook_count=len(webhooks),
        topics_json=to_json(topics_document(catalog, webhooks)),
    )
