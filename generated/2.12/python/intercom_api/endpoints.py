"""What every endpoint of Intercom API 2.12 needs: permission, OAuth scopes, webhook, version."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from itertools import combinations
from types import MappingProxyType
from typing import Literal, TypeAlias

API_VERSION = "2.12"

# Every endpoint id of this version: a misspelled one is a type error, not a runtime one.
EndpointId: TypeAlias = Literal[
    "admins.list",
    "admins.me",
    "admins.set_away",
    "articles.create",
    "articles.list",
    "articles.retrieve",
    "articles.update",
    "companies.list",
    "companies.retrieve",
    "companies.upsert",
    "contacts.archive",
    "contacts.create",
    "contacts.delete",
    "contacts.list",
    "contacts.retrieve",
    "contacts.search",
    "contacts.update",
    "conversations.create",
    "conversations.list",
    "conversations.manage",
    "conversations.reply",
    "conversations.retrieve",
    "conversations.search",
    "data_events.list",
    "data_events.submit",
    "messages.create",
    "tickets.create",
    "tickets.reply",
    "tickets.retrieve",
    "tickets.update",
]


@dataclass(frozen=True)
class EndpointInfo:
    id: str
    method: str
    path: str
    summary: str
    access: str
    permission: str | None
    scopes: tuple[str, ...]
    webhook: str | None
    since: str
    pagination: str
    deprecated: str | None
    accept: str
    """The media type the endpoint answers with: what the client sends as Accept."""


ENDPOINTS: Mapping[str, EndpointInfo] = MappingProxyType(
    {
        "admins.list": EndpointInfo(
            id="admins.list",
            method="GET",
            path="/admins",
            summary="List every admin in the workspace.",
            access="read",
            permission="Read admins",
            scopes=("Read admins",),
            webhook=None,
            since="2.11",
            pagination="none",
            deprecated=None,
            accept="application/json",
        ),
        "admins.me": EndpointInfo(
            id="admins.me",
            method="GET",
            path="/me",
            summary="Identify the admin that owns the access token, with its workspace.",
            access="read",
            permission="Read admins",
            scopes=("Read admins",),
            webhook=None,
            since="2.11",
            pagination="none",
            deprecated=None,
            accept="application/json",
        ),
        "admins.set_away": EndpointInfo(
            id="admins.set_away",
            method="PUT",
            path="/admins/{admin_id}/away",
            summary="Turn away mode on or off for an admin.",
            access="write",
            permission="Update admins",
            scopes=("Update admins",),
            webhook="admin.away_mode_updated",
            since="2.11",
            pagination="none",
            deprecated=None,
            accept="application/json",
        ),
        "articles.create": EndpointInfo(
            id="articles.create",
            method="POST",
            path="/articles",
            summary="Write a new help center article.",
            access="write",
            permission="Write articles",
            scopes=("Read and Write articles",),
            webhook="article.created",
            since="2.11",
            pagination="none",
            deprecated=None,
            accept="application/json",
        ),
        "articles.list": EndpointInfo(
            id="articles.list",
            method="GET",
            path="/articles",
            summary="Page through help center articles, most recently updated first.",
            access="read",
            permission="Read articles",
            scopes=("Read and list articles",),
            webhook=None,
            since="2.11",
            pagination="page",
            deprecated=None,
            accept="application/json",
        ),
        "articles.retrieve": EndpointInfo(
            id="articles.retrieve",
            method="GET",
            path="/articles/{article_id}",
            summary="Fetch one article by its Intercom id.",
            access="read",
            permission="Read articles",
            scopes=("Read and list articles",),
            webhook=None,
            since="2.11",
            pagination="none",
            deprecated=None,
            accept="application/json",
        ),
        "articles.update": EndpointInfo(
            id="articles.update",
            method="PUT",
            path="/articles/{article_id}",
            summary="Edit an article; fields left out stay as they are.",
            access="write",
            permission="Write articles",
            scopes=("Read and Write articles",),
            webhook="article.updated",
            since="2.11",
            pagination="none",
            deprecated=None,
            accept="application/json",
        ),
        "companies.list": EndpointInfo(
            id="companies.list",
            method="POST",
            path="/companies/list",
            summary="Page through the companies in the workspace.",
            access="read",
            permission="Read companies",
            scopes=("Read and list users and companies",),
            webhook=None,
            since="2.11",
            pagination="page",
            deprecated=None,
            accept="application/json",
        ),
        "companies.retrieve": EndpointInfo(
            id="companies.retrieve",
            method="GET",
            path="/companies/{company_id}",
            summary="Fetch one company by its Intercom id.",
            access="read",
            permission="Read one company",
            scopes=(
                "Read one user and one company",
                "Read and list users and companies",
            ),
            webhook=None,
            since="2.11",
            pagination="none",
            deprecated=None,
            accept="application/json",
        ),
        "companies.upsert": EndpointInfo(
            id="companies.upsert",
            method="POST",
            path="/companies",
            summary="Create a company, or update the one whose company_id matches.",
            access="write",
            permission="Write companies",
            scopes=("Write users and companies",),
            webhook="company.created",
            since="2.11",
            pagination="none",
            deprecated=None,
            accept="application/json",
        ),
        "contacts.archive": EndpointInfo(
            id="contacts.archive",
            method="POST",
            path="/contacts/{contact_id}/archive",
            summary="Archive a contact so it drops out of active lists.",
            access="write",
            permission="Write users",
            scopes=("Write users and companies",),
            webhook="contact.archived",
            since="2.11",
            pagination="none",
            deprecated=None,
            accept="application/json",
        ),
        "contacts.create": EndpointInfo(
            id="contacts.create",
            method="POST",
            path="/contacts",
            summary="Add a new user or lead.",
            access="write",
            permission="Write users",
            scopes=("Write users and companies",),
            webhook="contact.user.created",
            since="2.11",
            pagination="none",
            deprecated=None,
            accept="application/json",
        ),
        "contacts.delete": EndpointInfo(
            id="contacts.delete",
            method="DELETE",
            path="/contacts/{contact_id}",
            summary="Permanently remove a contact.",
            access="write",
            permission="Write users",
            scopes=("Write users and companies",),
            webhook="contact.deleted",
            since="2.11",
            pagination="none",
            deprecated=None,
            accept="application/json",
        ),
        "contacts.list": EndpointInfo(
            id="contacts.list",
            method="GET",
            path="/contacts",
            summary="Page through every contact in the workspace.",
            access="read",
            permission="Read users",
            scopes=("Read and list users and companies",),
            webhook=None,
            since="2.11",
            pagination="cursor",
            deprecated=None,
            accept="application/json",
        ),
        "contacts.retrieve": EndpointInfo(
            id="contacts.retrieve",
            method="GET",
            path="/contacts/{contact_id}",
            summary="Fetch one contact by its Intercom id.",
            access="read",
            permission="Read one user",
            scopes=(
                "Read one user and one company",
                "Read and list users and companies",
            ),
            webhook=None,
            since="2.11",
            pagination="none",
            deprecated=None,
            accept="application/json",
        ),
        "contacts.search": EndpointInfo(
            id="contacts.search",
            method="POST",
            path="/contacts/search",
            summary="Find contacts whose attributes match a filter query.",
            access="read",
            permission="Read users",
            scopes=("Read and list users and companies",),
            webhook=None,
            since="2.11",
            pagination="search",
            deprecated=None,
            accept="application/json",
        ),
        "contacts.update": EndpointInfo(
            id="contacts.update",
            method="PUT",
            path="/contacts/{contact_id}",
            summary="Change a contact's details; fields left out stay as they are.",
            access="write",
            permission="Write users",
            scopes=("Write users and companies",),
            webhook="contact.user.updated",
            since="2.11",
            pagination="none",
            deprecated=None,
            accept="application/json",
        ),
        "conversations.create": EndpointInfo(
            id="conversations.create",
            method="POST",
            path="/conversations",
            summary="Start a conversation on behalf of a contact.",
            access="write",
            permission="Write conversations",
            scopes=("Write conversations",),
            webhook="conversation.user.created",
            since="2.11",
            pagination="none",
            deprecated=None,
            accept="application/json",
        ),
        "conversations.list": EndpointInfo(
            id="conversations.list",
            method="GET",
            path="/conversations",
            summary="Page through every conversation in the workspace.",
            access="read",
            permission="Read conversations",
            scopes=("Read conversations",),
            webhook=None,
            since="2.11",
            pagination="cursor",
            deprecated=None,
            accept="application/json",
        ),
        "conversations.manage": EndpointInfo(
            id="conversations.manage",
            method="POST",
            path="/conversations/{conversation_id}/parts",
            summary="Close, snooze, reopen or assign a conversation; message_type chooses the action.",
            access="write",
            permission="Write conversations",
            scopes=("Write conversations",),
            webhook="conversation.admin.closed",
            since="2.11",
            pagination="none",
            deprecated=None,
            accept="application/json",
        ),
        "conversations.reply": EndpointInfo(
            id="conversations.reply",
            method="POST",
            path="/conversations/{conversation_id}/reply",
            summary="Add a reply or note to a conversation, as a contact or an admin.",
            access="write",
            permission="Write conversations",
            scopes=("Write conversations",),
            webhook="conversation.admin.replied",
            since="2.11",
            pagination="none",
            deprecated=None,
            accept="application/json",
        ),
        "conversations.retrieve": EndpointInfo(
            id="conversations.retrieve",
            method="GET",
            path="/conversations/{conversation_id}",
            summary="Fetch one conversation with up to 500 of its parts.",
            access="read",
            permission="Read conversations",
            scopes=("Read conversations",),
            webhook=None,
            since="2.11",
            pagination="none",
            deprecated=None,
            accept="application/json",
        ),
        "conversations.search": EndpointInfo(
            id="conversations.search",
            method="POST",
            path="/conversations/search",
            summary="Find conversations that match a filter query.",
            access="read",
            permission="Read conversations",
            scopes=("Read conversations",),
            webhook=None,
            since="2.11",
            pagination="search",
            deprecated=None,
            accept="application/json",
        ),
        "data_events.list": EndpointInfo(
            id="data_events.list",
            method="GET",
            path="/events",
            summary="List one contact's events; only events under 90 days old can be listed.",
            access="read",
            permission="Read events",
            scopes=("Read events",),
            webhook=None,
            since="2.11",
            pagination="none",
            deprecated=None,
            accept="application/json",
        ),
        "data_events.submit": EndpointInfo(
            id="data_events.submit",
            method="POST",
            path="/events",
            summary="Record an event for a user or lead; accepted asynchronously with an empty body.",
            access="write",
            permission="Write events",
            scopes=("Write events",),
            webhook="event.created",
            since="2.11",
            pagination="none",
            deprecated=None,
            accept="application/json",
        ),
        "messages.create": EndpointInfo(
            id="messages.create",
            method="POST",
            path="/messages",
            summary="Send an in-app or email message from an admin to a contact.",
            access="write",
            permission="Write conversations",
            scopes=("Write conversations",),
            webhook="conversation.admin.single.created",
            since="2.11",
            pagination="none",
            deprecated=None,
            accept="application/json",
        ),
        "tickets.create": EndpointInfo(
            id="tickets.create",
            method="POST",
            path="/tickets",
            summary="Open a ticket of a given ticket type for a contact.",
            access="write",
            permission="Write tickets",
            scopes=("Write tickets",),
            webhook="ticket.created",
            since="2.11",
            pagination="none",
            deprecated=None,
            accept="application/json",
        ),
        "tickets.reply": EndpointInfo(
            id="tickets.reply",
            method="POST",
            path="/tickets/{ticket_id}/reply",
            summary="Add a comment, note or quick reply to a ticket, as a contact or an admin.",
            access="write",
            permission="Write tickets",
            scopes=("Write tickets",),
            webhook="ticket.admin.replied",
            since="2.11",
            pagination="none",
            deprecated=None,
            accept="application/json",
        ),
        "tickets.retrieve": EndpointInfo(
            id="tickets.retrieve",
            method="GET",
            path="/tickets/{ticket_id}",
            summary="Fetch one ticket by its Intercom id.",
            access="read",
            permission="Read tickets",
            scopes=("Read tickets",),
            webhook=None,
            since="2.11",
            pagination="none",
            deprecated=None,
            accept="application/json",
        ),
        "tickets.update": EndpointInfo(
            id="tickets.update",
            method="PUT",
            path="/tickets/{ticket_id}",
            summary="Change a ticket's attributes, state, visibility or assignee.",
            access="write",
            permission="Write tickets",
            scopes=("Write tickets",),
            webhook="ticket.state.updated",
            since="2.11",
            pagination="none",
            deprecated=None,
            accept="application/json",
        ),
    }
)

# Each OAuth scope and the permissions it grants.
SCOPE_GRANTS: Mapping[str, tuple[str, ...]] = MappingProxyType(
    {
        "Read admins": ("Read admins",),
        "Read and Write articles": ("Write articles",),
        "Read and list articles": ("Read articles",),
        "Read and list users and companies": (
            "Read companies",
            "Read one company",
            "Read one user",
            "Read users",
        ),
        "Read conversations": ("Read conversations",),
        "Read events": ("Read events",),
        "Read one user and one company": (
            "Read one company",
            "Read one user",
        ),
        "Read tickets": ("Read tickets",),
        "Update admins": ("Update admins",),
        "Write conversations": ("Write conversations",),
        "Write events": ("Write events",),
        "Write tickets": ("Write tickets",),
        "Write users and companies": (
            "Write companies",
            "Write users",
        ),
    }
)


def _breadth(scopes: tuple[str, ...]) -> int:
    """How many distinct permissions a set of scopes grants: fewer is less privilege."""
    return len({permission for name in scopes for permission in SCOPE_GRANTS[name]})


def required_scopes(*endpoint_ids: EndpointId) -> tuple[str, ...]:
    """The least set of OAuth scopes that covers every named endpoint.

    Among equally small sets, the one granting the fewest permissions wins, so an agent
    asks for no more access than it uses."""
    needed: set[str] = set()
    for endpoint_id in endpoint_ids:
        endpoint = ENDPOINTS.get(endpoint_id)
        if endpoint is None:
            import difflib  # only for this message: importing it costs every first call 1 ms

            close = difflib.get_close_matches(endpoint_id, list(ENDPOINTS), n=3)
            hint = f" (did you mean {', '.join(close)}?)" if close else ""
            raise ValueError(f"unknown endpoint {endpoint_id!r} in API {API_VERSION}{hint}")
        if endpoint.permission is None:
            raise ValueError(
                f"{endpoint_id} has no documented permission, so no scope is known to cover it"
            )
        needed.add(endpoint.permission)
    if not needed:
        return ()
    useful = sorted(name for name, grants in SCOPE_GRANTS.items() if needed & set(grants))
    for size in range(1, len(useful) + 1):
        covering = [
            combo
            for combo in combinations(useful, size)
            if needed <= {permission for name in combo for permission in SCOPE_GRANTS[name]}
        ]
        if covering:
            return min(covering, key=lambda combo: (_breadth(combo), combo))
    raise ValueError("no combination of OAuth scopes grants " + ", ".join(sorted(needed)))
