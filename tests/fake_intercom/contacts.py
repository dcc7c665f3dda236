"""Contacts: the shape of a contact and the contacts.* endpoints."""

from __future__ import annotations

import json

from .paging import cursor_page, int_param, per_page
from .protocol import (
    BASE_TS,
    WORKSPACE_ID,
    ApiError,
    Request,
    Response,
    bad,
    copy_keys,
    dumps,
    json_response,
    require_one,
)
from .search import matches, search_params
from .store import Record, Store

_UPDATABLE = (
    "role",
    "external_id",
    "email",
    "phone",
    "name",
    "signed_up_at",
    "last_seen_at",
    "owner_id",
    "unsubscribed_from_emails",
    "language_override",
)
_DEVICE_FIELDS = ("app_name", "app_version", "device", "os_version", "sdk_version", "last_seen_at")


def _sublist(contact_id: str, name: str, data: list[Record]) -> Record:
    """One of a contact's related lists (tags, notes, companies), as a link plus its first items."""
    return {
        "type": "list",
        "data": data,
        "url": f"/contacts/{contact_id}/{name}",
        "total_count": len(data),
        "has_more": False,
    }


def make_contact(store: Store, i: int, company_id: str | None) -> Record:
    """Contact number `i`: every third a lead, the rest users; belonging to `company_id` if given."""
    contact_id = f"c{i}"
    is_lead = i % 3 == 0
    created = BASE_TS + 60 * i
    companies = [{"id": company_id, "type": "company", "url": f"/companies/{company_id}"}] if company_id else []
    return {
        "type": "contact",
        "id": contact_id,
        "workspace_id": WORKSPACE_ID,
        "external_id": None if is_lead else f"user-{i}",
        "role": "lead" if is_lead else "user",
        "email": f"{'lead' if is_lead else 'user'}{i}@example.com",
        "email_domain": "example.com",
        "phone": None if is_lead else f"+1555000{i:04d}",
        "formatted_phone": None if is_lead else f"+1 555-000-{i:04d}",
        "name": f"{'Lead' if is_lead else 'User'} {i}",
        "owner_id": int(store.admin_ids[0]) if i % 2 else None,
        "has_hard_bounced": False,
        "marked_email_as_spam": False,
        "unsubscribed_from_emails": i % 7 == 0,
        "created_at": created,
        "updated_at": created + 30,
        "signed_up_at": None if is_lead else created,
        "last_seen_at": created + 3600,
        "last_replied_at": None,
        "last_contacted_at": None,
        "last_email_opened_at": None,
        "last_email_clicked_at": None,
        "language_override": None,
        "browser": "chrome",
        "browser_version": "120.0.0",
        "browser_language": "en",
        "os": "OS X 14.2",
        **dict.fromkeys(f"{platform}_{name}" for platform in ("android", "ios") for name in _DEVICE_FIELDS),
        "custom_attributes": {"plan": "pro" if i % 2 else "free", "seats": i % 10},
        "avatar": {"type": "avatar", "image_url": f"https://example.com/avatars/{contact_id}.png"},
        "tags": _sublist(contact_id, "tags", [{"type": "tag", "id": "tag1", "url": "/tags/tag1"}] if i % 2 else []),
        "notes": _sublist(contact_id, "notes", [{"type": "note", "id": f"note{i}", "url": f"/notes/note{i}"}]),
        "companies": _sublist(contact_id, "companies", companies),
        "location": {
            "type": "location",
            "country": "Ireland",
            "region": "Dublin",
            "city": "Dublin",
            "country_code": "IRL",
            "continent_code": "EU",
        },
        "social_profiles": {
            "type": "list",
            "data": [{"type": "social_profile", "name": "Twitter", "url": f"https://twitter.com/{contact_id}"}],
        },
        "enabled_push_messaging": None,
    }


def _apply(contact: Record, body: Record) -> None:
    copy_keys(contact, body, _UPDATABLE)
    if contact["role"] not in ("user", "lead"):
        raise bad("role must be user or lead", "role")
    if "email" in body:
        contact["email_domain"] = str(body["email"]).rpartition("@")[2] if body["email"] else None
    if "phone" in body:
        contact["formatted_phone"] = body["phone"]
    if "avatar" in body:
        contact["avatar"] = {"type": "avatar", "image_url": body["avatar"]}
    if "custom_attributes" in body:
        if not isinstance(body["custom_attributes"], dict):
            raise bad("custom_attributes must be an object", "custom_attributes")
        contact["custom_attributes"] = {**contact["custom_attributes"], **body["custom_attributes"]}


def _stored(store: Store, contact_id: str) -> Response:
    return Response(200, store.contact_json[contact_id])


def _list_response(store: Store, ids: list[str], total: int, pages: Record) -> Response:
    data = b",".join(store.contact_json[i] for i in ids)
    body = b'{"type":"list","data":[' + data + b'],"total_count":' + str(total).encode() + b',"pages":' + dumps(pages)
    return Response(200, body + b"}")


def create(store: Store, req: Request) -> Response:
    body = req.obj()
    require_one(body, ("email", "external_id", "role"))
    role = body.get("role", "user")
    if role not in ("user", "lead"):
        raise bad("role must be user or lead", "role")
    for other in store.contacts.values():
        if body.get("email") and other["email"] == body["email"] and other["role"] == role:
            raise ApiError(409, "conflict", f"A contact matching those details already exists with id={other['id']}")
    contact = make_contact(store, store.next_id("contact"), None)
    now = store.tick()
    contact.update(
        {
            "role": role,
            **dict.fromkeys(("external_id", "email", "email_domain", "phone", "formatted_phone", "name", "owner_id")),
            "created_at": now,
            "updated_at": now,
            "signed_up_at": None,
            "last_seen_at": None,
            "custom_attributes": {},
            "avatar": {"type": "avatar", "image_url": None},
        }
    )
    contact["tags"].update({"data": [], "total_count": 0})
    contact["notes"].update({"data": [], "total_count": 0})
    _apply(contact, body)
    store.store_contact(contact)
    return _stored(store, contact["id"])


def retrieve(store: Store, req: Request) -> Response:
    return _stored(store, store.contact(req.params["contact_id"])["id"])


def update(store: Store, req: Request) -> Response:
    contact = store.contact(req.params["contact_id"])
    updated = json.loads(store.contact_json[contact["id"]])
    _apply(updated, req.obj())
    updated["updated_at"] = store.tick()
    store.store_contact(updated)
    return _stored(store, contact["id"])


def _ref(contact: Record, **flags: object) -> Response:
    return json_response({"type": "contact", "id": contact["id"], "external_id": contact["external_id"], **flags})


def delete(store: Store, req: Request) -> Response:
    contact = store.contact(req.params["contact_id"])
    del store.contacts[contact["id"]]
    del store.contact_json[contact["id"]]
    store.contact_order.remove(contact["id"])
    return _ref(contact, deleted=True)


def archive(store: Store, req: Request) -> Response:
    return _ref(store.contact(req.params["contact_id"]), object="contact", archived=True)


def list_(store: Store, req: Request) -> Response:
    size = per_page(req.q("per_page"), 50)
    page = int_param(req.q("page"), "page", 1)
    ids, pages = cursor_page(store.contact_order, size, req.q("starting_after"), page)
    return _list_response(store, ids, len(store.contact_order), pages)


def search(store: Store, req: Request) -> Response:
    query, size, starting_after = search_params(req, 50)
    if query:
        matched = [cid for cid in store.contact_order if matches(store.contacts[cid], query)]
    else:
        matched = store.contact_order
    ids, pages = cursor_page(matched, size, starting_after)
    return _list_response(store, ids, len(matched), pages)
