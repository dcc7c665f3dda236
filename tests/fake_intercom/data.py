"""The seed data: the deterministic records a fresh (or reset) fake starts with.

Ids are deterministic: contacts ``c1..cN``, conversations ``conv1..``, tickets ``t1..``
(inbox number ``ticket_id`` ``"1"..``), companies ``co1..``, articles ``art1..``, admins
``"1001".."100N"``, calls ``call1..``, internal articles ``ia1..``, Fin Voice calls ``1..``,
workflows ``w1..``, ticket types ``"101"`` and ``"102"``. Records are built in a fixed order,
so the ids of parts and sources drawn from the store's sequences are the same on every run.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import partial

from . import admins, articles, calls, companies, contacts, conversations, fin_voice, internal_articles, tickets
from . import workflows as workflow_exports
from .protocol import BASE_TS
from .store import Record, Store

TICKET_STATES_IN_TURN = ["submitted", "in_progress", "waiting_on_customer", "resolved"]


def seeded(sizes: Mapping[str, int]) -> Store:
    """A new store holding `sizes[kind]` records of each kind."""
    store = Store(sizes)
    for i in range(1, store.sizes["admins"] + 1):
        admin = admins.make_admin(i)
        store.admins[admin["id"]] = admin
    store.admin_ids = list(store.admins)
    _seed_companies_and_contacts(store)
    for i in range(1, store.sizes["conversations"] + 1):
        _seed_conversation(store, i)
    _counted(store, "conversation", "conversations")
    _seed_tickets(store)
    for i in range(1, store.sizes["articles"] + 1):
        articles.add_article(store, i, _article_body(store, i), BASE_TS + 800 * i)
    _counted(store, "article", "articles")
    for i in range(1, store.sizes["calls"] + 1):
        store.calls[f"call{i}"] = calls.make_call(store, i)
    for i in range(1, store.sizes["internal_articles"] + 1):
        body = {
            "title": f"Internal note {i}",
            "body": f"<p>Only for the team ({i}).</p>",
            "author_id": int(store.admin_ids[0]),
            "owner_id": int(store.admin_ids[-1]),
        }
        internal_articles.add_internal_article(store, i, body, BASE_TS + 700 * i)
    _counted(store, "internal_article", "internal_articles")
    for i in range(1, store.sizes["fin_voice_calls"] + 1):
        store.fin_voice_calls[i] = _fin_voice_call(i)
    _counted(store, "fin_voice", "fin_voice_calls")
    for i in range(1, store.sizes["workflows"] + 1):
        store.workflows[f"w{i}"] = workflow_exports.make_export(i)
    return store


def _counted(store: Store, kind: str, size: str) -> None:
    """Start the id sequence of `kind` after the seeded records, so that new ones get the next numbers."""
    store.seq[kind] = store.sizes[size]


def _seed_companies_and_contacts(store: Store) -> None:
    for i in range(1, store.sizes["companies"] + 1):
        companies.add_company(store, i)
    _counted(store, "company", "companies")
    company_ids = list(store.companies)
    for i in range(1, store.sizes["contacts"] + 1):
        company_id = company_ids[(i - 1) % len(company_ids)] if company_ids else None
        store.store_contact(contacts.make_contact(store, i, company_id))
    _counted(store, "contact", "contacts")
    for company in store.companies.values():
        company["user_count"] = sum(
            1 for c in store.contacts.values() if any(x["id"] == company["id"] for x in c["companies"]["data"])
        )


def _seed_tickets(store: Store) -> None:
    store.ticket_types = {
        "101": tickets.make_ticket_type("101", "Bug report", "Customer"),
        "102": tickets.make_ticket_type("102", "Billing follow-up", "Back-office"),
    }
    for i in range(1, store.sizes["tickets"] + 1):
        contact = store.contact_ref(f"c{(i - 1) % max(store.sizes['contacts'], 1) + 1}")
        tickets.add_ticket(
            store,
            i,
            ticket_type_id="101" if i % 2 else "102",
            contacts=[contact] if contact else [],
            attributes={"_default_title_": f"Ticket {i}", "_default_description_": f"Something is wrong ({i})."},
            state=TICKET_STATES_IN_TURN[(i - 1) % 4],
            created_at=BASE_TS + 500 * i,
        )
    _counted(store, "ticket", "tickets")


def _article_body(store: Store, i: int) -> Record:
    return {
        "title": f"How to do thing {i}",
        "description": f"Thing {i}",
        "body": f"<p>Step one of thing {i}.</p>",
        "author_id": int(store.admin_ids[0]),
        "state": "published" if i % 2 else "draft",
        "parent_id": 100 + (i % 3),
        "parent_type": "collection",
    }


def _fin_voice_call(i: int) -> Record:
    record = fin_voice.make_record(i, f"+1555020{i:04d}", f"ext-{i}")
    record.update(
        {
            "status": "completed",
            "intercom_call_id": f"call{i}",
            "intercom_conversation_id": f"conv{i}",
            "call_transcript": [
                {"role": "user", "content": "Where is my order?"},
                {"role": "agent", "content": "It ships tomorrow."},
            ],
            "call_summary": "The customer asked about an order; Fin answered.",
            "intent": [{"name": "order_status", "confidence": 0.93}],
        }
    )
    return record


def _seed_conversation(store: Store, i: int) -> None:
    """Conversation number `i`: open, closed and snoozed in turn, assigned, rated when closed, with Fin's part."""
    n_contacts = store.sizes["contacts"]
    contact_id = f"c{(i - 1) % n_contacts + 1}" if n_contacts else None
    created = BASE_TS + 300 * i
    admin = store.admin_ids[(i - 1) % len(store.admin_ids)]
    conv = conversations.new_conversation(
        store,
        f"conv{i}",
        contact_id,
        created,
        f"<p>Hello, I need help with order {i}.</p>",
        source_author=store.author("user", contact_id),
        delivered_as="customer_initiated",
        subject="",
    )
    state = ["open", "closed", "snoozed"][(i - 1) % 3]
    closed = state == "closed"
    linked_ticket = i == 1 and bool(store.sizes["tickets"])
    conv.update(
        {
            "title": f"Order {i} question",
            "updated_at": created + 200,
            "state": state,
            "open": not closed,
            "read": i % 2 == 0,
            "priority": "priority" if i % 4 == 0 else "not_priority",
            "snoozed_until": created + 86400 if state == "snoozed" else None,
            "waiting_since": created if state == "open" else None,
            "admin_assignee_id": int(admin),
            "team_assignee_id": 5001,
            "tags": {
                "type": "tag.list",
                "tags": [
                    {
                        "type": "tag",
                        "id": "tag1",
                        "name": "VIP",
                        "applied_at": created + 5,
                        "applied_by": {"type": "admin", "id": admin},
                    }
                ],
            },
            "conversation_rating": {
                "rating": 5,
                "remark": "Great help",
                "created_at": created + 150,
                "updated_at": created + 150,
                "contact": store.contact_ref(contact_id) if contact_id else None,
                "teammate": {"type": "admin", "id": admin},
            }
            if closed
            else None,
            "teammates": {"type": "admin.list", "teammates": [{"type": "admin", "id": admin}]},
            "custom_attributes": {"issue_type": "billing" if i % 2 else "shipping"},
            "first_contact_reply": {"created_at": created, "type": "conversation", "url": None},
            "sla_applied": {
                "type": "conversation_sla_summary",
                "sla_name": "First response",
                "sla_status": ["hit", "missed", "active"][i % 3],
            },
            "linked_objects": {
                "type": "list",
                "total_count": 1 if linked_ticket else 0,
                "has_more": False,
                "data": [{"type": "ticket", "id": "t1", "category": "Customer"}] if linked_ticket else [],
            },
            "ai_agent_participated": True,
            "ai_agent": _ai_agent(i, created),
        }
    )
    author = partial(store.author, "admin", admin)  # a new object for each part, as the API's are
    parts = [
        conversations.part(
            store, "comment", f"<p>Thanks for reaching out about order {i}.</p>", author(), created + 60
        ),
        conversations.part(
            store, "assignment", None, author(), created + 30, assigned_to={"type": "admin", "id": admin}
        ),
    ]
    if state != "open":
        parts.append(
            conversations.part(store, "close" if closed else state, None, author(), created + 200, state=state)
        )
    conv["conversation_parts"] = {
        "type": "conversation_part.list",
        "conversation_parts": parts,
        "total_count": len(parts),
    }
    close_at = created + 200 if closed else None
    conv["statistics"] = {
        "type": "conversation_statistics",
        "time_to_assignment": 30,
        "time_to_admin_reply": 60,
        "time_to_first_close": 200 if closed else None,
        "time_to_last_close": 200 if closed else None,
        "median_time_to_reply": 60,
        "first_contact_reply_at": created,
        "first_assignment_at": created + 30,
        "first_admin_reply_at": created + 60,
        "first_close_at": close_at,
        "last_assignment_at": created + 30,
        "last_assignment_admin_reply_at": created + 60,
        "last_contact_reply_at": created,
        "last_admin_reply_at": created + 60,
        "last_close_at": close_at,
        "last_closed_by_id": admin if closed else None,
        "count_reopens": 0,
        "count_assignments": 1,
        "count_conversation_parts": len(parts) + 1,
    }


def _ai_agent(i: int, created: int) -> Record:
    """Fin's part in seeded conversation `i`, in the pre-2.15 names of resolution states."""
    resolution_states = ["assumed_resolution", "confirmed_resolution", "routed_to_team", "abandoned"]
    return {
        "source_type": "workflow",
        "source_title": "Fin answers",
        "last_answer_type": "ai_answer",
        "resolution_state": resolution_states[(i - 1) % 4],
        "rating": 4,
        "rating_remark": "Helpful",
        "created_at": created + 20,
        "updated_at": created + 40,
        "content_sources": {
            "type": "content_source.list",
            "total_count": 1,
            "content_sources": [
                {"content_type": "article", "url": "/articles/art1", "title": "How to do thing 1", "locale": "en"}
            ],
        },
    }
