"""Data events: data_events.submit records an event; data_events.list summarises a contact's events."""

from __future__ import annotations

from .protocol import BASE_TS, Request, Response, bad, iso, json_response, not_found, require, require_one
from .store import Record, Store, contact_matches


def submit(store: Store, req: Request) -> Response:
    body = req.obj()
    require(body, "event_name")
    require_one(body, ("user_id", "id", "email"))
    store.events.append(body)
    return Response(202, b"", content_type=None)


def _summary(name: str, first: str, last: str, count: int, description: str | None) -> Record:
    return {"name": name, "first": first, "last": last, "count": count, "description": description}


def _seed_summary(contact: Record) -> dict[str, Record]:
    """The events every contact has: how often it invited a friend depends on its number."""
    n = int(contact["id"][1:]) if contact["id"][1:].isdigit() else 1
    created = contact["created_at"]
    return {
        "invited-friend": _summary("invited-friend", iso(created + 100), iso(created + 100 + 60 * n), n % 5 + 1, None),
        "placed-order": _summary("placed-order", iso(created + 200), iso(created + 900), 2, "Completed a checkout"),
    }


def list_(store: Store, req: Request) -> Response:
    if req.q("type") != "user":
        raise bad("type must be user", "type")
    wanted = {key: req.q(key) for key in ("user_id", "intercom_user_id", "email")}
    require_one(wanted, tuple(wanted))
    contact = store.find_contact(id=wanted["intercom_user_id"], external_id=wanted["user_id"], email=wanted["email"])
    if contact is None:
        raise not_found("User")
    summary = _seed_summary(contact)
    for event in store.events:
        if contact_matches(contact, event.get("id"), event.get("user_id"), event.get("email")):
            at = iso(int(event.get("created_at") or BASE_TS))
            entry = summary.setdefault(event["event_name"], _summary(event["event_name"], at, at, 0, None))
            entry["count"] += 1
            entry["first"], entry["last"] = min(entry["first"], at), max(entry["last"], at)
    return json_response(
        {
            "type": "event.summary",
            "email": contact["email"],
            "intercom_user_id": contact["id"],
            "user_id": contact["external_id"],
            "events": list(summary.values()),
        }
    )
