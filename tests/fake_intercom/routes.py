"""The route table: which handler answers a method and path template, and from which version.

tests/test_fake_routes.py holds the table against the catalog: every endpoint of every
version has a route open in that version, and every route plays an endpoint. The first
route whose method and path fit answers, so a literal segment ("/internal_articles/search")
must come before a parameter in the same place.
"""

from __future__ import annotations

from dataclasses import dataclass

from . import (
    admins,
    articles,
    calls,
    companies,
    contacts,
    conversations,
    data_events,
    fin_voice,
    internal_articles,
    messages,
    tickets,
    workflows,
)
from .protocol import version_key
from .store import Handler


@dataclass(frozen=True)
class Route:
    method: str
    path: str  # the catalog's path template: "/contacts/{contact_id}"
    handler: Handler  # named as the catalog names the endpoint: contacts.retrieve (list_ for list)
    since: str = "2.11"  # the first version that has the endpoint

    def open_in(self, version: str) -> bool:
        """Whether `version` has this endpoint (older versions get 404, unless the fake's gate is off)."""
        return version_key(version) >= version_key(self.since)


ROUTES: tuple[Route, ...] = (
    Route("POST", "/contacts/search", contacts.search),
    Route("POST", "/contacts", contacts.create),
    Route("GET", "/contacts", contacts.list_),
    Route("GET", "/contacts/{contact_id}", contacts.retrieve),
    Route("PUT", "/contacts/{contact_id}", contacts.update),
    Route("DELETE", "/contacts/{contact_id}", contacts.delete),
    Route("POST", "/contacts/{contact_id}/archive", contacts.archive),
    Route("POST", "/conversations/search", conversations.search),
    Route("POST", "/conversations", conversations.create),
    Route("GET", "/conversations", conversations.list_),
    Route("GET", "/conversations/{conversation_id}", conversations.retrieve),
    Route("POST", "/conversations/{conversation_id}/reply", conversations.reply),
    Route("POST", "/conversations/{conversation_id}/parts", conversations.manage),
    Route("POST", "/messages", messages.create),
    Route("POST", "/tickets", tickets.create),
    Route("GET", "/tickets/{ticket_id}", tickets.retrieve),
    Route("PUT", "/tickets/{ticket_id}", tickets.update),
    Route("POST", "/tickets/{ticket_id}/reply", tickets.reply),
    Route("POST", "/companies/list", companies.list_),
    Route("POST", "/companies", companies.upsert),
    Route("GET", "/companies/{company_id}", companies.retrieve),
    Route("POST", "/articles", articles.create),
    Route("GET", "/articles", articles.list_),
    Route("GET", "/articles/{article_id}", articles.retrieve),
    Route("PUT", "/articles/{article_id}", articles.update),
    Route("POST", "/events", data_events.submit),
    Route("GET", "/events", data_events.list_),
    Route("GET", "/admins", admins.list_),
    Route("GET", "/me", admins.me),
    Route("PUT", "/admins/{admin_id}/away", admins.set_away),
    Route("GET", "/calls", calls.list_, "2.14"),
    Route("POST", "/calls/search", calls.search, "2.14"),
    Route("GET", "/calls/{call_id}", calls.retrieve, "2.14"),
    Route("GET", "/calls/{call_id}/recording", calls.recording, "2.14"),
    Route("GET", "/calls/{call_id}/transcript", calls.transcript, "2.14"),
    Route("GET", "/internal_articles/search", internal_articles.search, "2.14"),
    Route("GET", "/internal_articles", internal_articles.list_, "2.14"),
    Route("POST", "/internal_articles", internal_articles.create, "2.14"),
    Route("GET", "/internal_articles/{internal_article_id}", internal_articles.retrieve, "2.14"),
    Route("PUT", "/internal_articles/{internal_article_id}", internal_articles.update, "2.14"),
    Route("DELETE", "/internal_articles/{internal_article_id}", internal_articles.delete, "2.14"),
    Route("POST", "/fin_voice/register", fin_voice.register, "2.15"),
    Route("GET", "/fin_voice/collect/{id}", fin_voice.collect, "2.15"),
    Route("GET", "/fin_voice/external_id/{external_id}", fin_voice.collect_by_external_id, "2.15"),
    Route("GET", "/fin_voice/phone_number/{phone_number}", fin_voice.collect_by_phone_number, "2.15"),
    Route("GET", "/fin_voice/conversation/{conversation_id}", fin_voice.collect_by_conversation, "2.15"),
    Route("GET", "/export/workflows/{id}", workflows.export, "2.15"),
)

_PATTERNS = [(route, route.path.strip("/").split("/")) for route in ROUTES]


def find(method: str, segments: list[str]) -> tuple[Route, dict[str, str]] | None:
    """The first route for `method` whose template fits the decoded path `segments`, and its path parameters.

    A parameter matches any one non-empty segment.
    """
    for route, pattern in _PATTERNS:
        if route.method != method or len(pattern) != len(segments):
            continue
        params: dict[str, str] = {}
        for p, s in zip(pattern, segments, strict=True):
            if p.startswith("{"):
                if not s:
                    break
                params[p[1:-1]] = s
            elif p != s:
                break
        else:
            return route, params
    return None
