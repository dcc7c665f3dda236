"""Conversations: the shapes of a conversation and its parts, and the conversations.* endpoints."""

from __future__ import annotations

import re
from typing import Any

from .paging import cursor_page, int_param, per_page
from .protocol import Request, Response, bad, json_response, public, require, require_one, version_key
from .search import matches, search_params
from .store import Record, Store, existing

RESOLUTION_STATES_2_15 = {"abandoned": "negative_feedback", "routed_to_team": "escalated"}
_TAGS = re.compile(r"<[^>]+>")
USER_KEYS = ("intercom_user_id", "user_id", "email")  # how a user's reply may name its author


def part(
    store: Store,
    part_type: str,
    body: str | None,
    author: Record,
    created: int,
    *,
    assigned_to: Record | None = None,
    state: str = "open",
) -> Record:
    """A new conversation part (its id from the "part" sequence)."""
    return {
        "type": "conversation_part",
        "id": str(store.next_id("part")),
        "part_type": part_type,
        "body": body,
        "created_at": created,
        "updated_at": created,
        "notified_at": created,
        "assigned_to": assigned_to,
        "author": author,
        "attachments": [],
        "external_id": None,
        "redacted": False,
        "email_message_metadata": None,
        "state": state,
        "tags": [],
        "event_details": None,
        "app_package_code": None,
        "metadata": None,
    }


def new_conversation(
    store: Store,
    conv_id: str,
    contact_id: str | None,
    created: int,
    body: str,
    *,
    source_author: Record,
    delivered_as: str,
    subject: str = "",
) -> Record:
    """Store and return an open, unassigned conversation with contact `contact_id` and no parts yet."""
    contact_ref = store.contact_ref(contact_id) if contact_id else None
    contact = store.contacts.get(contact_id or "")
    company_ref = None
    if contact and contact["companies"]["data"]:
        company_ref = contact["companies"]["data"][0]["id"]
    conv = {
        "type": "conversation",
        "id": conv_id,
        "title": None,
        "created_at": created,
        "updated_at": created,
        "waiting_since": created,
        "snoozed_until": None,
        "open": True,
        "state": "open",
        "read": False,
        "priority": "not_priority",
        "admin_assignee_id": None,
        "team_assignee_id": None,
        "tags": {"type": "tag.list", "tags": []},
        "conversation_rating": None,
        "source": {
            "type": "conversation",
            "id": store.long_id("source"),
            "delivered_as": delivered_as,
            "subject": subject,
            "body": body,
            "author": source_author,
            "attachments": [],
            "url": None,
            "redacted": False,
        },
        "contacts": {"type": "contact.list", "contacts": [contact_ref] if contact_ref else []},
        "teammates": {"type": "admin.list", "teammates": []},
        "custom_attributes": {},
        "first_contact_reply": None,
        "sla_applied": None,
        "statistics": {
            "type": "conversation_statistics",
            "count_reopens": 0,
            "count_assignments": 0,
            "count_conversation_parts": 1,
        },
        "conversation_parts": {"type": "conversation_part.list", "conversation_parts": [], "total_count": 0},
        "linked_objects": {"type": "list", "total_count": 0, "has_more": False, "data": []},
        "ai_agent_participated": False,
        "ai_agent": None,
        "_company_id": company_ref,
    }
    store.conversations[conv_id] = conv
    return conv


def start_conversation(
    store: Store, body: Record, contact_id: str, text: str, author: Record, delivered_as: str
) -> tuple[str, int]:
    """The conversation a new message opens (subject and created_at from the request `body`): its id and time."""
    conv_id = f"conv{store.next_id('conversation')}"
    created = body.get("created_at") or store.tick()
    subject = body.get("subject") or ""
    new_conversation(
        store, conv_id, contact_id, created, text, source_author=author, delivered_as=delivered_as, subject=subject
    )
    return conv_id, created


def render(store: Store, conv: Record, version: str, *, with_parts: bool = True) -> Record:
    """A stored conversation as `version` answers it."""
    out = public(conv)
    if not with_parts:
        out.pop("conversation_parts", None)
    v = version_key(version)
    if out.get("ai_agent") and v >= (2, 15):
        ai = dict(out["ai_agent"])
        ai["resolution_state"] = RESOLUTION_STATES_2_15.get(ai["resolution_state"], ai["resolution_state"])
        out["ai_agent"] = ai
    if v >= (2, 15):
        company = store.companies.get(conv.get("_company_id") or "")
        out["company"] = dict(company) if company else None
    return out


def _conversation(store: Store, req: Request) -> Record:
    return existing(store.conversations, req.params["conversation_id"], "Conversation")


def _rendered(store: Store, conv: Record, req: Request) -> Response:
    return json_response(render(store, conv, req.version))


def _list_response(store: Store, ids: list[str], total: int, pages: Record, version: str) -> Response:
    items = [render(store, store.conversations[cid], version, with_parts=False) for cid in ids]
    return json_response({"type": "conversation.list", "conversations": items, "total_count": total, "pages": pages})


def _add_part(conv: Record, new_part: Record) -> None:
    parts = conv["conversation_parts"]
    parts["conversation_parts"].append(new_part)
    parts["total_count"] = len(parts["conversation_parts"])
    conv["updated_at"] = new_part["created_at"]
    stats = conv.get("statistics")
    if stats:
        stats["count_conversation_parts"] = parts["total_count"] + 1


def create(store: Store, req: Request) -> Response:
    body = req.obj()
    sender = body.get("from")
    if not isinstance(sender, dict) or "id" not in sender:
        raise bad("from is required", "from")
    if sender.get("type") not in ("lead", "user", "contact"):
        raise bad("from.type must be lead, user or contact", "from")
    text = require(body, "body")
    contact = store.contact(str(sender["id"]))
    author = store.author("user", contact["id"])
    conv_id, created = start_conversation(store, body, contact["id"], text, author, "customer_initiated")
    return json_response(
        {
            "type": "user_message",
            "id": store.long_id("message"),
            "created_at": created,
            "body": text,
            "message_type": "inapp",
            "conversation_id": conv_id,
        }
    )


def retrieve(store: Store, req: Request) -> Response:
    out = render(store, _conversation(store, req), req.version)
    if (req.q("display_as") or "") == "plaintext":
        out["source"] = {**out["source"], "body": _TAGS.sub("", out["source"]["body"] or "")}
        parts = [
            {**p, "body": _TAGS.sub("", p["body"]) if p["body"] else p["body"]}
            for p in out["conversation_parts"]["conversation_parts"]
        ]
        out["conversation_parts"] = {**out["conversation_parts"], "conversation_parts": parts}
    return json_response(out)


def list_(store: Store, req: Request) -> Response:
    size = per_page(req.q("per_page"), 20)
    order = list(store.conversations)
    ids, pages = cursor_page(order, size, req.q("starting_after"))
    return _list_response(store, ids, len(order), pages, req.version)


def _searchable(conv: Record) -> Record:
    flat = dict(conv)
    flat["contact_ids"] = [c["id"] for c in conv["contacts"]["contacts"]]
    flat["contacts.id"] = flat["contact_ids"][0] if flat["contact_ids"] else None
    flat["source.body"] = conv["source"]["body"]
    flat["source.author.id"] = conv["source"]["author"]["id"]
    return flat


def search(store: Store, req: Request) -> Response:
    query, size, starting_after = search_params(req, 20)
    matched = [cid for cid, conv in store.conversations.items() if matches(_searchable(conv), query)]
    ids, pages = cursor_page(matched, size, starting_after)
    return _list_response(store, ids, len(matched), pages, req.version)


def _attachment(url: str) -> Record:
    return {
        "type": "upload",
        "name": url.rsplit("/", 1)[-1],
        "url": url,
        "content_type": "application/octet-stream",
        "filesize": 0,
        "width": None,
        "height": None,
    }


def reply_kind(body: Record) -> str:
    """The `type` of a reply's author: "user" or "admin"."""
    kind = body.get("type")
    if kind not in ("user", "admin"):
        raise bad("type must be user or admin", "type")
    return str(kind)


def reply_ident(body: Record) -> Any:
    """Who a user's reply is from: an Intercom id, external id or email (None if the request names none)."""
    return next((body[key] for key in USER_KEYS if body.get(key)), None)


def reply(store: Store, req: Request) -> Response:
    conv = _conversation(store, req)
    body = req.obj()
    allowed = ["comment", "note"] + (["quick_reply"] if req.since("2.14") else [])
    message_type = body.get("message_type")
    if message_type not in allowed:
        raise bad(f"message_type must be one of {', '.join(allowed)}", "message_type")
    kind = reply_kind(body)
    if kind == "admin":
        if not body.get("admin_id"):
            raise bad("admin_id is required for admin replies", "admin_id")
        author = store.admin_author(body["admin_id"])
    else:
        author = store.author("user", store.contact_by_ident(require_one(body, USER_KEYS))["id"])
    if message_type != "quick_reply" and not body.get("body") and not body.get("attachment_urls"):
        raise bad("body is required", "body")
    new_part = part(
        store, message_type, body.get("body"), author, body.get("created_at") or store.tick(), state=conv["state"]
    )
    new_part["attachments"] = [_attachment(url) for url in body.get("attachment_urls") or []]
    if message_type == "quick_reply":
        new_part["metadata"] = {
            "quick_reply_options": [{**o, "translations": None} for o in body.get("reply_options") or []],
            "quick_reply_uuid": None,
        }
    if kind == "user" and conv["state"] != "open":
        conv.update({"state": "open", "open": True, "snoozed_until": None})
    _add_part(conv, new_part)
    return _rendered(store, conv, req)


def _assign(conv: Record, body: Record, now: int) -> Record:
    """Apply an assignment request to `conv`; returns the part's assigned_to."""
    assignee = body.get("assignee_id")
    kind = body.get("type", "admin")
    if assignee is None or kind not in ("admin", "team"):
        raise bad("assignee_id and type (admin or team) are required for assignment", "assignee_id")
    value = None if str(assignee) == "0" else int_param(assignee, "assignee_id", 0, 0)
    conv["team_assignee_id" if kind == "team" else "admin_assignee_id"] = value
    stats = conv.get("statistics")
    if stats:
        stats["count_assignments"] = (stats.get("count_assignments") or 0) + 1
        stats["last_assignment_at"] = now
    return {"type": kind, "id": str(assignee)}


def manage(store: Store, req: Request) -> Response:
    conv = _conversation(store, req)
    body = req.obj()
    message_type = body.get("message_type")
    if message_type not in ("close", "snoozed", "open", "assignment"):
        raise bad("message_type must be one of close, snoozed, open, assignment", "message_type")
    author = store.admin_author(require(body, "admin_id"))
    now = store.tick()
    assigned_to = None
    if message_type == "close":
        conv.update({"state": "closed", "open": False, "snoozed_until": None, "waiting_since": None})
    elif message_type == "snoozed":
        until = body.get("snoozed_until")
        if not isinstance(until, int) or isinstance(until, bool):
            raise bad("snoozed_until is required (a Unix timestamp)", "snoozed_until")
        conv.update({"state": "snoozed", "open": True, "snoozed_until": until})
    elif message_type == "open":
        conv.update({"state": "open", "open": True, "snoozed_until": None})
    else:
        assigned_to = _assign(conv, body, now)
    _add_part(
        conv, part(store, message_type, body.get("body"), author, now, assigned_to=assigned_to, state=conv["state"])
    )
    return _rendered(store, conv, req)
