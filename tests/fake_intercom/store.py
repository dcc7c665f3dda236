"""The fake's in-memory data: its collections, a deterministic clock and id sequences, and lookups."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, TypeVar

from .protocol import BASE_TS, Request, Response, dumps, not_found

K = TypeVar("K")
V = TypeVar("V")

Record = dict[str, Any]


def existing(items: Mapping[K, V], key: K, what: str) -> V:
    """`items[key]`, or 404 "<what> Not Found"."""
    item = items.get(key)
    if item is None:
        raise not_found(what)
    return item


class Store:
    """Everything the fake knows; data.seeded() fills a new one, handlers read and change it."""

    def __init__(self, sizes: Mapping[str, int]) -> None:
        self.sizes = dict(sizes)
        self.clock = BASE_TS + 10_000_000
        self.seq: dict[str, int] = {}
        self.admins: dict[str, Record] = {}
        self.admin_ids: list[str] = []
        self.companies: dict[str, Record] = {}
        self.contacts: dict[str, Record] = {}
        self.contact_json: dict[str, bytes] = {}  # each contact pre-serialised: lists of contacts are the hot path
        self.contact_order: list[str] = []
        self.conversations: dict[str, Record] = {}
        self.ticket_types: dict[str, Record] = {}
        self.tickets: dict[str, Record] = {}
        self.articles: dict[str, Record] = {}
        self.events: list[Record] = []  # bodies of accepted POST /events
        self.calls: dict[str, Record] = {}
        self.internal_articles: dict[str, Record] = {}
        self.fin_voice_calls: dict[int, Record] = {}
        self.workflows: dict[str, Record] = {}

    def tick(self) -> int:
        """A deterministic clock for created_at/updated_at of writes."""
        self.clock += 1
        return self.clock

    def next_id(self, kind: str) -> int:
        self.seq[kind] = self.seq.get(kind, 0) + 1
        return self.seq[kind]

    def long_id(self, kind: str) -> str:
        """A new id of `kind` in Intercom's style for messages and conversation sources: a long numeric string."""
        return str(self.next_id(kind) + 403918000)

    # contacts

    def store_contact(self, contact: Record) -> None:
        contact_id = contact["id"]
        if contact_id not in self.contacts:
            self.contact_order.append(contact_id)
        self.contacts[contact_id] = contact
        self.contact_json[contact_id] = dumps(contact)

    def contact(self, contact_id: str) -> Record:
        return existing(self.contacts, contact_id, "User")

    def contact_ref(self, contact_id: str) -> Record | None:
        contact = self.contacts.get(contact_id)
        if contact is None:
            return None
        return {"type": "contact", "id": contact["id"], "external_id": contact["external_id"]}

    def find_contact(self, *, id: Any = None, external_id: Any = None, email: Any = None) -> Record | None:
        """The first contact with that Intercom id, external id or email (empty values never match)."""
        return next((c for c in self.contacts.values() if contact_matches(c, id, external_id, email)), None)

    def contact_by_ident(self, ident: Any) -> Record:
        """The contact whose id, external id or email is `ident`, or 404 "User Not Found"."""
        if ident:
            for contact in self.contacts.values():
                if ident in (contact["id"], contact["external_id"], contact["email"]):
                    return contact
        raise not_found("User")

    # authors

    def author(self, kind: str, ident: str | None) -> Record:
        """The author object of a part or message: an admin (the first admin if unknown) or a contact."""
        if kind == "admin":
            admin = self.admins.get(str(ident)) or self.admins[self.admin_ids[0]]
            return {"type": "admin", "id": admin["id"], "name": admin["name"], "email": admin["email"]}
        contact = self.contacts.get(str(ident)) if ident else None
        if contact is None:
            return {"type": "user", "id": str(ident or ""), "name": None, "email": None}
        return {"type": contact["role"], "id": contact["id"], "name": contact["name"], "email": contact["email"]}

    def admin_author(self, admin_id: Any) -> Record:
        """The author object of the admin `admin_id`, or 404 "Admin Not Found"."""
        existing(self.admins, str(admin_id), "Admin")
        return self.author("admin", str(admin_id))


def contact_matches(contact: Record, id: Any = None, external_id: Any = None, email: Any = None) -> bool:
    """Whether `contact` has that Intercom id, external id or email (empty values never match)."""
    return bool(
        (id and contact["id"] == id)
        or (external_id and contact["external_id"] == external_id)
        or (email and contact["email"] == email)
    )


Handler = Callable[[Store, Request], Response]
