"""Workflows (2.15): the export of a workflow's whole configuration."""

from __future__ import annotations

from .protocol import BASE_TS, Request, Response, iso, json_response
from .store import Record, Store, existing


def make_export(i: int) -> Record:
    """The export of workflow number `i` (id "w<i>"): live, draft and paused in turn."""
    return {
        "export_version": "1.0",
        "exported_at": iso(BASE_TS),
        "app_id": 12345,
        "workflow": {
            "id": f"w{i}",
            "title": f"Workflow {i}",
            "description": "Routes new conversations to the right team",
            "trigger_type": "inbound_conversation",
            "state": ["live", "draft", "paused"][(i - 1) % 3],
            "target_channels": ["chat"],
            "preferred_devices": ["desktop", "mobile"],
            "created_at": iso(BASE_TS + i),
            "updated_at": iso(BASE_TS + 1000 + i),
            "targeting": {},
            "snapshot": {"steps": [{"type": "send_message", "body": "Hi!"}]},
            "attributes": [],
            "embedded_rules": [],
        },
    }


def export(store: Store, req: Request) -> Response:
    return json_response(existing(store.workflows, req.params["id"], "Workflow"))
