"""Tickets: ticket types, the shape of a ticket and its parts, and the tickets.* endpoints.

A ticket's state is stored as its category (`_state`); 2.11 answers it as a string with
labels beside it, 2.12 and later as a ticket_state object.
"""

from __future__ import annotations

from .conversations import reply_ident, reply_kind
from .protocol import (
    BASE_TS,
    WORKSPACE_ID,
    Request,
    Response,
    bad,
    copy_keys,
    json_response,
    not_found,
    public,
    require,
    version_key,
)
from .store import Record, Store, existing

TICKET_STATES = {
    "1": ("submitted", "Submitted", "Submitted"),
    "2": ("in_progress", "In progress", "In progress"),
    "3": ("waiting_on_customer", "Waiting on customer", "Waiting on you"),
    "4": ("resolved", "Resolved", "Resolved"),
}
TICKET_STATE_IDS = {category: state_id for state_id, (category, _, _) in TICKET_STATES.items()}


def make_ticket_type(type_id: str, name: str, category: str) -> Record:
    attrs = [
        {
            "type": "ticket_type_attribute",
            "id": f"{type_id}{n}",
            "workspace_id": WORKSPACE_ID,
            "name": attr_name,
            "description": desc,
            "data_type": "string",
            "input_options": None,
            "order": n,
            "required_to_create": n == 0,
            "required_to_create_for_contacts": False,
            "visible_on_create": True,
            "visible_to_contacts": True,
            "default": True,
            "ticket_type_id": int(type_id),
            "archived": False,
            "created_at": BASE_TS,
            "updated_at": BASE_TS,
        }
        for n, (attr_name, desc) in enumerate([("_default_title_", "Title"), ("_default_description_", "Description")])
    ]
    return {
        "type": "ticket_type",
        "id": type_id,
        "category": category,
        "name": name,
        "description": f"{name} tickets",
        "icon": "🐞",
        "workspace_id": WORKSPACE_ID,
        "ticket_type_attributes": {"type": "ticket_type_attributes.list", "ticket_type_attributes": attrs},
        "archived": False,
        "created_at": BASE_TS,
        "updated_at": BASE_TS,
    }


def state_change_part(store: Store, previous: str, state: str, author: Record, at: int) -> Record:
    """The ticket part recording an admin moving a ticket from one state to another."""
    return {
        "type": "ticket_part",
        "id": str(store.next_id("ticket_part")),
        "part_type": "ticket_state_updated_by_admin",
        "body": None,
        "previous_ticket_state": previous,
        "ticket_state": state,
        "created_at": at,
        "updated_at": at,
        "assigned_to": None,
        "author": author,
        "attachments": [],
        "external_id": None,
        "redacted": False,
        "app_package_code": None,
    }


def _append_part(ticket: Record, new_part: Record) -> None:
    parts = ticket["ticket_parts"]
    parts["ticket_parts"].append(new_part)
    parts["total_count"] = len(parts["ticket_parts"])


def add_ticket(
    store: Store,
    i: int,
    *,
    ticket_type_id: str,
    contacts: list[Record],
    attributes: Record,
    state: str,
    created_at: int,
    company_id: str | None = None,
    admin_id: str | None = None,
) -> Record:
    """Store and return ticket number `i` (id "t<i>", inbox number "<i>"), created in `state`."""
    ticket_id = f"t{i}"
    ticket_type = store.ticket_types[ticket_type_id]
    author = store.author("admin", admin_id or store.admin_ids[0])
    ticket = {
        "type": "ticket",
        "id": ticket_id,
        "ticket_id": str(i),
        "category": ticket_type["category"],
        "ticket_attributes": dict(attributes),
        "_state": state,
        "ticket_type": ticket_type,
        "contacts": {"type": "contact.list", "contacts": contacts},
        "admin_assignee_id": admin_id or "0",
        "team_assignee_id": "0",
        "created_at": created_at,
        "updated_at": created_at,
        "open": state != "resolved",
        "snoozed_until": None,
        "linked_objects": {"type": "list", "total_count": 0, "has_more": False, "data": []},
        "ticket_parts": {"type": "ticket_part.list", "ticket_parts": [], "total_count": 0},
        "is_shared": True,
        "_company_id": company_id,
    }
    _append_part(ticket, state_change_part(store, "submitted", state, author, created_at))
    store.tickets[ticket_id] = ticket
    return ticket


def _ticket_state(state_id: str) -> Record:
    category, internal, external = TICKET_STATES[state_id]
    return {
        "type": "ticket_state",
        "id": state_id,
        "category": category,
        "internal_label": internal,
        "external_label": external,
    }


def render(ticket: Record, version: str) -> Record:
    """A stored ticket as `version` answers it."""
    out = public(ticket)
    state = ticket["_state"]
    state_id = TICKET_STATE_IDS[state]
    if version_key(version) >= (2, 12):
        out["ticket_state"] = _ticket_state(state_id)
        out["ticket_type"] = {
            **out["ticket_type"],
            "ticket_states": {"type": "list", "data": [_ticket_state(sid) for sid in TICKET_STATES]},
        }
    else:
        _, internal, external = TICKET_STATES[state_id]
        out["ticket_state"] = state
        out["ticket_state_internal_label"] = internal
        out["ticket_state_external_label"] = external
    return out


def _ticket(store: Store, req: Request) -> Record:
    return existing(store.tickets, req.params["ticket_id"], "Ticket")


def _rendered(ticket: Record, req: Request) -> Response:
    return json_response(render(ticket, req.version))


def _contact_refs(store: Store, wanted: object) -> list[Record | None]:
    """The contact references of a create request's `contacts` (each an id, external_id or email)."""
    if not isinstance(wanted, list) or not wanted:
        raise bad("contacts is required", "contacts")
    refs = []
    for one in wanted:
        if not isinstance(one, dict):
            raise bad("contacts must be a list of objects", "contacts")
        match = store.find_contact(id=one.get("id"), external_id=one.get("external_id"), email=one.get("email"))
        if match is None:
            raise not_found("User")
        refs.append(store.contact_ref(match["id"]))
    return refs


def create(store: Store, req: Request) -> Response:
    body = req.obj()
    type_id = str(require(body, "ticket_type_id"))
    existing(store.ticket_types, type_id, "Ticket Type")
    refs = _contact_refs(store, body.get("contacts"))
    attributes = body.get("ticket_attributes") or {}
    if not isinstance(attributes, dict):
        raise bad("ticket_attributes must be an object", "ticket_attributes")
    assignment = body.get("assignment") or {}
    ticket = add_ticket(
        store,
        store.next_id("ticket"),
        ticket_type_id=type_id,
        contacts=refs,
        attributes=attributes,
        state="submitted",
        created_at=body.get("created_at") or store.tick(),
        company_id=body.get("company_id"),
    )
    if isinstance(assignment, dict):
        for key in ("admin_assignee_id", "team_assignee_id"):
            if assignment.get(key):
                ticket[key] = str(assignment[key])
    if body.get("conversation_to_link_id"):
        ticket["linked_objects"] = {
            "type": "list",
            "total_count": 1,
            "has_more": False,
            "data": [{"type": "conversation", "id": str(body["conversation_to_link_id"]), "category": None}],
        }
    return _rendered(ticket, req)


def retrieve(store: Store, req: Request) -> Response:
    return _rendered(_ticket(store, req), req)


def _requested_state(body: Record, current: str) -> str:
    """The state an update asks for, by category (`state`) or by id (`ticket_state_id`, which wins)."""
    state = current
    if "state" in body:
        if body["state"] not in ("in_progress", "waiting_on_customer", "resolved"):
            raise bad("state must be in_progress, waiting_on_customer or resolved", "state")
        state = body["state"]
    if "ticket_state_id" in body:
        state_id = str(body["ticket_state_id"])
        if state_id not in TICKET_STATES:
            raise bad("Unknown ticket_state_id", "ticket_state_id")
        state = TICKET_STATES[state_id][0]
    return state


def update(store: Store, req: Request) -> Response:
    ticket = _ticket(store, req)
    body = req.obj()
    previous = ticket["_state"]
    new_state = _requested_state(body, previous)
    if "ticket_attributes" in body:
        if not isinstance(body["ticket_attributes"], dict):
            raise bad("ticket_attributes must be an object", "ticket_attributes")
        ticket["ticket_attributes"].update(body["ticket_attributes"])
    copy_keys(ticket, body, ("open", "is_shared", "snoozed_until"))
    assignment = body.get("assignment") if isinstance(body.get("assignment"), dict) else {}
    assignee = body.get("assignee_id", assignment.get("assignee_id"))
    if assignee is not None:
        ticket["admin_assignee_id"] = str(assignee)
    if "company_id" in body:
        ticket["_company_id"] = body["company_id"]
    now = store.tick()
    ticket["updated_at"] = now
    if new_state != previous:
        ticket["_state"] = new_state
        ticket["open"] = new_state != "resolved" if "open" not in body else ticket["open"]
        admin_id = body.get("admin_id") or assignment.get("admin_id") or store.admin_ids[0]
        author = store.author("admin", str(admin_id))
        _append_part(ticket, state_change_part(store, previous, new_state, author, now))
    return _rendered(ticket, req)


def reply(store: Store, req: Request) -> Response:
    ticket = _ticket(store, req)
    body = req.obj()
    message_type = body.get("message_type")
    if message_type not in ("comment", "note", "quick_reply"):
        raise bad("message_type must be comment, note or quick_reply", "message_type")
    if reply_kind(body) == "admin":
        author = store.admin_author(body.get("admin_id"))
    else:
        author = store.author("user", store.contact_by_ident(reply_ident(body))["id"])
        author["type"] = "user"
    if message_type != "quick_reply" and not body.get("body"):
        raise bad("body is required", "body")
    now = body.get("created_at") or store.tick()
    answer = {
        "type": "ticket_part",
        "id": str(store.next_id("ticket_part")),
        "part_type": message_type,
        "body": body.get("body"),
        "created_at": now,
        "updated_at": now,
        "author": author,
        "attachments": [],
        "redacted": False,
    }
    stored = dict.fromkeys(("previous_ticket_state", "ticket_state", "assigned_to", "external_id", "app_package_code"))
    _append_part(ticket, {**answer, **stored})
    ticket["updated_at"] = now
    return json_response(answer)
