"""Typed clients for Intercom API 2.14: one resource per capability group,
one method per endpoint. A group's module (intercom_api/resources/) is imported on first
use of its attribute, and a method's models on its first call: importing the client and
making a first call load only what that call needs."""

from __future__ import annotations

import builtins
import importlib
import time
from collections.abc import Mapping
from functools import cached_property
from types import TracebackType
from typing import TYPE_CHECKING, Any, TypeVar, cast

import httpx

from intercom_api.endpoints import ENDPOINTS, EndpointInfo
from intercom_api.errors import APIConnectionError
from intercom_api.transport import (
    DEFAULT_TIMEOUT_SECONDS,
    NOT_GIVEN,
    NotGiven,
    RateLimit,
    RawResponse,
    Region,
    Settings,
    Timeout,
    given,
    parse_model,
    parse_models,
    query,
)

if TYPE_CHECKING:
    import os

    from pydantic import BaseModel

    from intercom_api.audit import AuditLog, Guard
    from intercom_api.pagination import AsyncPager, Cursor, Page, SyncPager
    from intercom_api.policy import Policy
    from intercom_api.resources.admins import Admins, AdminsWithRawResponse
    from intercom_api.resources.articles import Articles, ArticlesWithRawResponse
    from intercom_api.resources.calls import Calls, CallsWithRawResponse
    from intercom_api.resources.companies import Companies, CompaniesWithRawResponse
    from intercom_api.resources.contacts import Contacts, ContactsWithRawResponse
    from intercom_api.resources.conversations import Conversations, ConversationsWithRawResponse
    from intercom_api.resources.data_events import DataEvents, DataEventsWithRawResponse
    from intercom_api.resources.internal_articles import (
        InternalArticles,
        InternalArticlesWithRawResponse,
    )
    from intercom_api.resources.messages import Messages, MessagesWithRawResponse
    from intercom_api.resources.tickets import Tickets, TicketsWithRawResponse
    from intercom_api.resources.admins import AsyncAdmins, AsyncAdminsWithRawResponse
    from intercom_api.resources.articles import AsyncArticles, AsyncArticlesWithRawResponse
    from intercom_api.resources.calls import AsyncCalls, AsyncCallsWithRawResponse
    from intercom_api.resources.companies import AsyncCompanies, AsyncCompaniesWithRawResponse
    from intercom_api.resources.contacts import AsyncContacts, AsyncContactsWithRawResponse
    from intercom_api.resources.conversations import (
        AsyncConversations,
        AsyncConversationsWithRawResponse,
    )
    from intercom_api.resources.data_events import AsyncDataEvents, AsyncDataEventsWithRawResponse
    from intercom_api.resources.internal_articles import (
        AsyncInternalArticles,
        AsyncInternalArticlesWithRawResponse,
    )
    from intercom_api.resources.messages import AsyncMessages, AsyncMessagesWithRawResponse
    from intercom_api.resources.tickets import AsyncTickets, AsyncTicketsWithRawResponse

M = TypeVar("M", bound="BaseModel")
T = TypeVar("T")

# Each class of intercom_api/resources/ and its module, for `intercom_api.client.Contacts`.
_RESOURCE_MODULES: Mapping[str, str] = {
    "Admins": "admins",
    "AdminsWithRawResponse": "admins",
    "AsyncAdmins": "admins",
    "AsyncAdminsWithRawResponse": "admins",
    "Articles": "articles",
    "ArticlesWithRawResponse": "articles",
    "AsyncArticles": "articles",
    "AsyncArticlesWithRawResponse": "articles",
    "Calls": "calls",
    "CallsWithRawResponse": "calls",
    "AsyncCalls": "calls",
    "AsyncCallsWithRawResponse": "calls",
    "Companies": "companies",
    "CompaniesWithRawResponse": "companies",
    "AsyncCompanies": "companies",
    "AsyncCompaniesWithRawResponse": "companies",
    "Contacts": "contacts",
    "ContactsWithRawResponse": "contacts",
    "AsyncContacts": "contacts",
    "AsyncContactsWithRawResponse": "contacts",
    "Conversations": "conversations",
    "ConversationsWithRawResponse": "conversations",
    "AsyncConversations": "conversations",
    "AsyncConversationsWithRawResponse": "conversations",
    "DataEvents": "data_events",
    "DataEventsWithRawResponse": "data_events",
    "AsyncDataEvents": "data_events",
    "AsyncDataEventsWithRawResponse": "data_events",
    "InternalArticles": "internal_articles",
    "InternalArticlesWithRawResponse": "internal_articles",
    "AsyncInternalArticles": "internal_articles",
    "AsyncInternalArticlesWithRawResponse": "internal_articles",
    "Messages": "messages",
    "MessagesWithRawResponse": "messages",
    "AsyncMessages": "messages",
    "AsyncMessagesWithRawResponse": "messages",
    "Tickets": "tickets",
    "TicketsWithRawResponse": "tickets",
    "AsyncTickets": "tickets",
    "AsyncTicketsWithRawResponse": "tickets",
}


def __getattr__(name: str) -> Any:
    module = _RESOURCE_MODULES.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f"intercom_api.resources.{module}"), name)


async def _async_sleep(seconds: float) -> None:
    # asyncio is imported only by an async retry: a sync client never pays for it.
    import asyncio

    await asyncio.sleep(seconds)


def _connection_error(
    endpoint: EndpointInfo,
    settings: Settings,
    error: Exception,
) -> APIConnectionError:
    return APIConnectionError(
        f"{endpoint.id}: no answer from {settings.base_url} ({type(error).__name__})",
        endpoint_id=endpoint.id,
    )


class Intercom:
    """A client for Intercom API 2.14.

    The token falls back to the INTERCOM_ACCESS_TOKEN environment variable; `region`
    (("au", "eu", "us")) picks the base URL; `version` is sent as Intercom-Version
    on every request and can be overridden per call. `max_retries` is the number of retries
    after the first attempt. `timeout` (seconds, or an httpx.Timeout) holds for every
    request, also with your own `http_client`, which `close()` leaves open.

    Every method also takes `version`, `timeout` and `extra_headers` for one call.

    Example::

        client = Intercom(timeout=10.0, max_retries=3)
        me = client.admins.me(timeout=2.0, extra_headers={"X-Request-Source": "nightly-job"})
    """

    def __init__(
        self,
        token: str | None = None,
        *,
        region: Region = "us",
        base_url: str | None = None,
        version: str | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int = 2,
        retry_backoff: float = 0.5,
        max_rate_limit_wait: float = 10.0,
        http_client: httpx.Client | None = None,
        policy: Policy | None = None,
        agent: str | None = None,
        audit_log: AuditLog | str | os.PathLike[str] | None = None,
    ) -> None:
        self._settings = Settings(
            token,
            region,
            base_url,
            version,
            max_retries,
            retry_backoff,
            max_rate_limit_wait,
        )
        # A caller's own httpx client stays the caller's to close.
        self._owns_http = http_client is None
        made_timeout = DEFAULT_TIMEOUT_SECONDS if isinstance(timeout, NotGiven) else timeout
        self._http = http_client or httpx.Client(timeout=made_timeout)
        # A timeout given here is sent with each request, so that it holds for any client.
        self._timeout: Any = httpx.USE_CLIENT_DEFAULT if isinstance(timeout, NotGiven) else timeout
        # An agent policy's guard (intercom_api.audit), imported only when one is asked for.
        self._guard: Guard | None = None
        if policy is not None or agent is not None or audit_log is not None:
            from intercom_api.audit import guard_for

            self._guard = guard_for(policy, agent, audit_log)

    def __repr__(self) -> str:
        settings = self._settings
        return (
            f"Intercom(region={settings.region!r}, base_url={settings.base_url!r}, "
            f"version={settings.version!r})"
        )

    @property
    def version(self) -> str:
        return self._settings.version

    @property
    def base_url(self) -> str:
        return self._settings.base_url

    @property
    def rate_limit(self) -> RateLimit | None:
        """The X-RateLimit-* headers of the last answer received, if any."""
        return self._settings.rate_limit

    @cached_property
    def admins(self) -> Admins:
        """List the workspace's admins, identify the admin behind the token, and set an admin's away mode."""
        from intercom_api.resources.admins import Admins

        return Admins(self)

    @cached_property
    def articles(self) -> Articles:
        """Write, fetch, edit and list help center articles."""
        from intercom_api.resources.articles import Articles

        return Articles(self)

    @cached_property
    def calls(self) -> Calls:
        """List, fetch and search phone calls, with their recordings and transcripts."""
        from intercom_api.resources.calls import Calls

        return Calls(self)

    @cached_property
    def companies(self) -> Companies:
        """Create or update companies, fetch one, and page through them."""
        from intercom_api.resources.companies import Companies

        return Companies(self)

    @cached_property
    def contacts(self) -> Contacts:
        """Create, fetch, change, delete, archive, list and search the people (users and leads) known to a workspace."""
        from intercom_api.resources.contacts import Contacts

        return Contacts(self)

    @cached_property
    def conversations(self) -> Conversations:
        """Start, read, list and search conversations, reply to them, and close, snooze, reopen or assign them."""
        from intercom_api.resources.conversations import Conversations

        return Conversations(self)

    @cached_property
    def data_events(self) -> DataEvents:
        """Record events a contact performed and read back a contact's recent events."""
        from intercom_api.resources.data_events import DataEvents

        return DataEvents(self)

    @cached_property
    def internal_articles(self) -> InternalArticles:
        """Create, fetch, update, delete, list and search internal knowledge base articles."""
        from intercom_api.resources.internal_articles import InternalArticles

        return InternalArticles(self)

    @cached_property
    def messages(self) -> Messages:
        """Send an admin-initiated in-app or email message to a contact, which opens a conversation."""
        from intercom_api.resources.messages import Messages

        return Messages(self)

    @cached_property
    def tickets(self) -> Tickets:
        """Open, fetch and change support tickets, and reply to them."""
        from intercom_api.resources.tickets import Tickets

        return Tickets(self)

    @cached_property
    def with_raw_response(self) -> IntercomWithRawResponse:
        """The same groups and methods, each answering a RawResponse (status, headers, the
        httpx response, and `.parse()` for the usual result); pagers are left out, since
        each page keeps its response.

        Example::

            raw = client.with_raw_response.admins.me()
            print(raw.status_code, raw.request_id, raw.headers["X-RateLimit-Remaining"])
            admin = raw.parse()
        """
        return IntercomWithRawResponse(self)

    def close(self) -> None:
        """Close the connections of the httpx client this client made (one passed as
        `http_client` is left open)."""
        if self._owns_http:
            self._http.close()

    def __enter__(self) -> Intercom:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    def _send(
        self,
        endpoint: EndpointInfo,
        path: str,
        params: dict[str, Any] | None,
        body: dict[str, Any] | None,
        version: str | None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> httpx.Response:
        settings = self._settings
        admission = self._guard.admit(endpoint, path) if self._guard is not None else None
        headers = settings.headers(version, endpoint.accept, extra_headers)
        sent_params = query(params) if params else None
        sent_body = given(body) if body is not None else None
        wait = self._timeout if isinstance(timeout, NotGiven) else timeout
        attempt = 0
        while True:
            try:
                response = self._http.request(
                    endpoint.method,
                    settings.base_url + path,
                    params=sent_params,
                    json=sent_body,
                    headers=headers,
                    timeout=wait,
                )
            except httpx.TransportError as error:
                delay = settings.delay_before_retry(attempt, endpoint.method, None)
                if delay is None:
                    if admission is not None:
                        admission.answered(None)
                    raise _connection_error(endpoint, settings, error) from None
            else:
                settings.record_rate_limit(response)
                if response.status_code < 400:
                    if admission is not None:
                        admission.answered_with(response)
                    return response
                delay = settings.delay_before_retry(attempt, endpoint.method, response)
                if delay is None:
                    if admission is not None:
                        admission.answered_with(response)
                    raise settings.error_for(response, endpoint)
            time.sleep(delay)
            attempt += 1

    def _call(
        self,
        endpoint_id: str,
        path: str,
        model: type[M],
        params: dict[str, Any] | None = None,
        body: dict[str, Any] | None = None,
        version: str | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> M:
        endpoint = ENDPOINTS[endpoint_id]
        response = self._send(endpoint, path, params, body, version, timeout, extra_headers)
        return parse_model(model, response, endpoint)

    def _call_models(
        self,
        endpoint_id: str,
        path: str,
        model: type[M],
        params: dict[str, Any] | None = None,
        body: dict[str, Any] | None = None,
        version: str | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> builtins.list[M]:
        """For an endpoint whose body is a JSON array of objects."""
        endpoint = ENDPOINTS[endpoint_id]
        response = self._send(endpoint, path, params, body, version, timeout, extra_headers)
        return parse_models(model, response, endpoint)

    def _call_without_result(
        self,
        endpoint_id: str,
        path: str,
        params: dict[str, Any] | None = None,
        body: dict[str, Any] | None = None,
        version: str | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> None:
        endpoint = ENDPOINTS[endpoint_id]
        self._send(endpoint, path, params, body, version, timeout, extra_headers)

    def _call_text(
        self,
        endpoint_id: str,
        path: str,
        params: dict[str, Any] | None = None,
        body: dict[str, Any] | None = None,
        version: str | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> str:
        endpoint = ENDPOINTS[endpoint_id]
        response = self._send(endpoint, path, params, body, version, timeout, extra_headers)
        return response.text

    def _call_location(
        self,
        endpoint_id: str,
        path: str,
        params: dict[str, Any] | None = None,
        body: dict[str, Any] | None = None,
        version: str | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> str | None:
        endpoint = ENDPOINTS[endpoint_id]
        response = self._send(endpoint, path, params, body, version, timeout, extra_headers)
        location: str | None = response.headers.get("Location")
        return location

    def _pager(
        self,
        endpoint_id: str,
        path: str,
        page_model: type[BaseModel],
        items_field: str,
        item_model: type[T],
        params: dict[str, Any] | None = None,
        body: dict[str, Any] | None = None,
        version: str | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> SyncPager[T]:
        # Imported by the first list or search, not by a client that only fetches.
        from intercom_api import pagination

        endpoint = ENDPOINTS[endpoint_id]

        def fetch(cursor: Cursor) -> Page[T]:
            sent = pagination.with_cursor(endpoint.pagination, params, body, cursor)
            got = self._send(endpoint, path, *sent, version, timeout, extra_headers)
            parsed = parse_model(page_model, got, endpoint)
            items: builtins.list[T] = builtins.list(getattr(parsed, items_field, None) or ())
            following = pagination.next_cursor(endpoint.pagination, parsed)
            return pagination.Page(items, following, parsed)

        return pagination.SyncPager(fetch)


class _RawCalls:
    """Stands in for a Intercom under the resources of `with_raw_response`:
    each call is sent as the client sends it, and answers a RawResponse that parses its
    body only when asked."""

    def __init__(self, client: Intercom) -> None:
        self._client = client

    def _call(
        self,
        endpoint_id: str,
        path: str,
        model: type[M],
        params: dict[str, Any] | None = None,
        body: dict[str, Any] | None = None,
        version: str | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> RawResponse[M]:
        endpoint = ENDPOINTS[endpoint_id]
        send = self._client._send
        response = send(endpoint, path, params, body, version, timeout, extra_headers)
        return RawResponse(response, lambda: parse_model(model, response, endpoint))

    def _call_models(
        self,
        endpoint_id: str,
        path: str,
        model: type[M],
        params: dict[str, Any] | None = None,
        body: dict[str, Any] | None = None,
        version: str | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> RawResponse[builtins.list[M]]:
        endpoint = ENDPOINTS[endpoint_id]
        send = self._client._send
        response = send(endpoint, path, params, body, version, timeout, extra_headers)
        return RawResponse(response, lambda: parse_models(model, response, endpoint))

    def _call_without_result(
        self,
        endpoint_id: str,
        path: str,
        params: dict[str, Any] | None = None,
        body: dict[str, Any] | None = None,
        version: str | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> RawResponse[None]:
        endpoint = ENDPOINTS[endpoint_id]
        send = self._client._send
        response = send(endpoint, path, params, body, version, timeout, extra_headers)
        return RawResponse(response, lambda: None)

    def _call_text(
        self,
        endpoint_id: str,
        path: str,
        params: dict[str, Any] | None = None,
        body: dict[str, Any] | None = None,
        version: str | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> RawResponse[str]:
        endpoint = ENDPOINTS[endpoint_id]
        send = self._client._send
        response = send(endpoint, path, params, body, version, timeout, extra_headers)
        return RawResponse(response, lambda: response.text)

    def _call_location(
        self,
        endpoint_id: str,
        path: str,
        params: dict[str, Any] | None = None,
        body: dict[str, Any] | None = None,
        version: str | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> RawResponse[str | None]:
        endpoint = ENDPOINTS[endpoint_id]
        send = self._client._send
        response = send(endpoint, path, params, body, version, timeout, extra_headers)
        return RawResponse(response, lambda: response.headers.get("Location"))


class IntercomWithRawResponse:
    """`client.with_raw_response`: the client's groups, each method answering a RawResponse."""

    def __init__(self, client: Intercom) -> None:
        # Resources built on the stand-in send through the client and answer raw.
        self._calls = cast("Intercom", _RawCalls(client))

    @cached_property
    def admins(self) -> AdminsWithRawResponse:
        from intercom_api.resources.admins import AdminsWithRawResponse

        return AdminsWithRawResponse(self._calls)

    @cached_property
    def articles(self) -> ArticlesWithRawResponse:
        from intercom_api.resources.articles import ArticlesWithRawResponse

        return ArticlesWithRawResponse(self._calls)

    @cached_property
    def calls(self) -> CallsWithRawResponse:
        from intercom_api.resources.calls import CallsWithRawResponse

        return CallsWithRawResponse(self._calls)

    @cached_property
    def companies(self) -> CompaniesWithRawResponse:
        from intercom_api.resources.companies import CompaniesWithRawResponse

        return CompaniesWithRawResponse(self._calls)

    @cached_property
    def contacts(self) -> ContactsWithRawResponse:
        from intercom_api.resources.contacts import ContactsWithRawResponse

        return ContactsWithRawResponse(self._calls)

    @cached_property
    def conversations(self) -> ConversationsWithRawResponse:
        from intercom_api.resources.conversations import ConversationsWithRawResponse

        return ConversationsWithRawResponse(self._calls)

    @cached_property
    def data_events(self) -> DataEventsWithRawResponse:
        from intercom_api.resources.data_events import DataEventsWithRawResponse

        return DataEventsWithRawResponse(self._calls)

    @cached_property
    def internal_articles(self) -> InternalArticlesWithRawResponse:
        from intercom_api.resources.internal_articles import InternalArticlesWithRawResponse

        return InternalArticlesWithRawResponse(self._calls)

    @cached_property
    def messages(self) -> MessagesWithRawResponse:
        from intercom_api.resources.messages import MessagesWithRawResponse

        return MessagesWithRawResponse(self._calls)

    @cached_property
    def tickets(self) -> TicketsWithRawResponse:
        from intercom_api.resources.tickets import TicketsWithRawResponse

        return TicketsWithRawResponse(self._calls)


class AsyncIntercom:
    """A client for Intercom API 2.14.

    The token falls back to the INTERCOM_ACCESS_TOKEN environment variable; `region`
    (("au", "eu", "us")) picks the base URL; `version` is sent as Intercom-Version
    on every request and can be overridden per call. `max_retries` is the number of retries
    after the first attempt. `timeout` (seconds, or an httpx.Timeout) holds for every
    request, also with your own `http_client`, which `close()` leaves open.

    Every method also takes `version`, `timeout` and `extra_headers` for one call.

    Example::

        client = AsyncIntercom(timeout=10.0, max_retries=3)
        me = await client.admins.me(timeout=2.0, extra_headers={"X-Request-Source": "nightly-job"})
    """

    def __init__(
        self,
        token: str | None = None,
        *,
        region: Region = "us",
        base_url: str | None = None,
        version: str | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int = 2,
        retry_backoff: float = 0.5,
        max_rate_limit_wait: float = 10.0,
        http_client: httpx.AsyncClient | None = None,
        policy: Policy | None = None,
        agent: str | None = None,
        audit_log: AuditLog | str | os.PathLike[str] | None = None,
    ) -> None:
        self._settings = Settings(
            token,
            region,
            base_url,
            version,
            max_retries,
            retry_backoff,
            max_rate_limit_wait,
        )
        # A caller's own httpx client stays the caller's to close.
        self._owns_http = http_client is None
        made_timeout = DEFAULT_TIMEOUT_SECONDS if isinstance(timeout, NotGiven) else timeout
        self._http = http_client or httpx.AsyncClient(timeout=made_timeout)
        # A timeout given here is sent with each request, so that it holds for any client.
        self._timeout: Any = httpx.USE_CLIENT_DEFAULT if isinstance(timeout, NotGiven) else timeout
        # An agent policy's guard (intercom_api.audit), imported only when one is asked for.
        self._guard: Guard | None = None
        if policy is not None or agent is not None or audit_log is not None:
            from intercom_api.audit import guard_for

            self._guard = guard_for(policy, agent, audit_log)

    def __repr__(self) -> str:
        settings = self._settings
        return (
            f"AsyncIntercom(region={settings.region!r}, base_url={settings.base_url!r}, "
            f"version={settings.version!r})"
        )

    @property
    def version(self) -> str:
        return self._settings.version

    @property
    def base_url(self) -> str:
        return self._settings.base_url

    @property
    def rate_limit(self) -> RateLimit | None:
        """The X-RateLimit-* headers of the last answer received, if any."""
        return self._settings.rate_limit

    @cached_property
    def admins(self) -> AsyncAdmins:
        """List the workspace's admins, identify the admin behind the token, and set an admin's away mode."""
        from intercom_api.resources.admins import AsyncAdmins

        return AsyncAdmins(self)

    @cached_property
    def articles(self) -> AsyncArticles:
        """Write, fetch, edit and list help center articles."""
        from intercom_api.resources.articles import AsyncArticles

        return AsyncArticles(self)

    @cached_property
    def calls(self) -> AsyncCalls:
        """List, fetch and search phone calls, with their recordings and transcripts."""
        from intercom_api.resources.calls import AsyncCalls

        return AsyncCalls(self)

    @cached_property
    def companies(self) -> AsyncCompanies:
        """Create or update companies, fetch one, and page through them."""
        from intercom_api.resources.companies import AsyncCompanies

        return AsyncCompanies(self)

    @cached_property
    def contacts(self) -> AsyncContacts:
        """Create, fetch, change, delete, archive, list and search the people (users and leads) known to a workspace."""
        from intercom_api.resources.contacts import AsyncContacts

        return AsyncContacts(self)

    @cached_property
    def conversations(self) -> AsyncConversations:
        """Start, read, list and search conversations, reply to them, and close, snooze, reopen or assign them."""
        from intercom_api.resources.conversations import AsyncConversations

        return AsyncConversations(self)

    @cached_property
    def data_events(self) -> AsyncDataEvents:
        """Record events a contact performed and read back a contact's recent events."""
        from intercom_api.resources.data_events import AsyncDataEvents

        return AsyncDataEvents(self)

    @cached_property
    def internal_articles(self) -> AsyncInternalArticles:
        """Create, fetch, update, delete, list and search internal knowledge base articles."""
        from intercom_api.resources.internal_articles import AsyncInternalArticles

        return AsyncInternalArticles(self)

    @cached_property
    def messages(self) -> AsyncMessages:
        """Send an admin-initiated in-app or email message to a contact, which opens a conversation."""
        from intercom_api.resources.messages import AsyncMessages

        return AsyncMessages(self)

    @cached_property
    def tickets(self) -> AsyncTickets:
        """Open, fetch and change support tickets, and reply to them."""
        from intercom_api.resources.tickets import AsyncTickets

        return AsyncTickets(self)

    @cached_property
    def with_raw_response(self) -> AsyncIntercomWithRawResponse:
        """The same groups and methods, each answering a RawResponse (status, headers, the
        httpx response, and `.parse()` for the usual result); pagers are left out, since
        each page keeps its response.

        Example::

            raw = await client.with_raw_response.admins.me()
            print(raw.status_code, raw.request_id, raw.headers["X-RateLimit-Remaining"])
            admin = raw.parse()
        """
        return AsyncIntercomWithRawResponse(self)

    async def close(self) -> None:
        """Close the connections of the httpx client this client made (one passed as
        `http_client` is left open)."""
        if self._owns_http:
            await self._http.aclose()

    async def __aenter__(self) -> AsyncIntercom:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        await self.close()

    async def _send(
        self,
        endpoint: EndpointInfo,
        path: str,
        params: dict[str, Any] | None,
        body: dict[str, Any] | None,
        version: str | None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> httpx.Response:
        settings = self._settings
        admission = self._guard.admit(endpoint, path) if self._guard is not None else None
        headers = settings.headers(version, endpoint.accept, extra_headers)
        sent_params = query(params) if params else None
        sent_body = given(body) if body is not None else None
        wait = self._timeout if isinstance(timeout, NotGiven) else timeout
        attempt = 0
        while True:
            try:
                response = await self._http.request(
                    endpoint.method,
                    settings.base_url + path,
                    params=sent_params,
                    json=sent_body,
                    headers=headers,
                    timeout=wait,
                )
            except httpx.TransportError as error:
                delay = settings.delay_before_retry(attempt, endpoint.method, None)
                if delay is None:
                    if admission is not None:
                        admission.answered(None)
                    raise _connection_error(endpoint, settings, error) from None
            else:
                settings.record_rate_limit(response)
                if response.status_code < 400:
                    if admission is not None:
                        admission.answered_with(response)
                    return response
                delay = settings.delay_before_retry(attempt, endpoint.method, response)
                if delay is None:
                    if admission is not None:
                        admission.answered_with(response)
                    raise settings.error_for(response, endpoint)
            await _async_sleep(delay)
            attempt += 1

    async def _call(
        self,
        endpoint_id: str,
        path: str,
        model: type[M],
        params: dict[str, Any] | None = None,
        body: dict[str, Any] | None = None,
        version: str | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> M:
        endpoint = ENDPOINTS[endpoint_id]
        response = await self._send(endpoint, path, params, body, version, timeout, extra_headers)
        return parse_model(model, response, endpoint)

    async def _call_models(
        self,
        endpoint_id: str,
        path: str,
        model: type[M],
        params: dict[str, Any] | None = None,
        body: dict[str, Any] | None = None,
        version: str | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> builtins.list[M]:
        """For an endpoint whose body is a JSON array of objects."""
        endpoint = ENDPOINTS[endpoint_id]
        response = await self._send(endpoint, path, params, body, version, timeout, extra_headers)
        return parse_models(model, response, endpoint)

    async def _call_without_result(
        self,
        endpoint_id: str,
        path: str,
        params: dict[str, Any] | None = None,
        body: dict[str, Any] | None = None,
        version: str | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> None:
        endpoint = ENDPOINTS[endpoint_id]
        await self._send(endpoint, path, params, body, version, timeout, extra_headers)

    async def _call_text(
        self,
        endpoint_id: str,
        path: str,
        params: dict[str, Any] | None = None,
        body: dict[str, Any] | None = None,
        version: str | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> str:
        endpoint = ENDPOINTS[endpoint_id]
        response = await self._send(endpoint, path, params, body, version, timeout, extra_headers)
        return response.text

    async def _call_location(
        self,
        endpoint_id: str,
        path: str,
        params: dict[str, Any] | None = None,
        body: dict[str, Any] | None = None,
        version: str | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> str | None:
        endpoint = ENDPOINTS[endpoint_id]
        response = await self._send(endpoint, path, params, body, version, timeout, extra_headers)
        location: str | None = response.headers.get("Location")
        return location

    def _pager(
        self,
        endpoint_id: str,
        path: str,
        page_model: type[BaseModel],
        items_field: str,
        item_model: type[T],
        params: dict[str, Any] | None = None,
        body: dict[str, Any] | None = None,
        version: str | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> AsyncPager[T]:
        # Imported by the first list or search, not by a client that only fetches.
        from intercom_api import pagination

        endpoint = ENDPOINTS[endpoint_id]

        async def fetch(cursor: Cursor) -> Page[T]:
            sent = pagination.with_cursor(endpoint.pagination, params, body, cursor)
            got = await self._send(endpoint, path, *sent, version, timeout, extra_headers)
            parsed = parse_model(page_model, got, endpoint)
            items: builtins.list[T] = builtins.list(getattr(parsed, items_field, None) or ())
            following = pagination.next_cursor(endpoint.pagination, parsed)
            return pagination.Page(items, following, parsed)

        return pagination.AsyncPager(fetch)


class _AsyncRawCalls:
    """Stands in for a AsyncIntercom under the resources of `with_raw_response`:
    each call is sent as the client sends it, and answers a RawResponse that parses its
    body only when asked."""

    def __init__(self, client: AsyncIntercom) -> None:
        self._client = client

    async def _call(
        self,
        endpoint_id: str,
        path: str,
        model: type[M],
        params: dict[str, Any] | None = None,
        body: dict[str, Any] | None = None,
        version: str | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> RawResponse[M]:
        endpoint = ENDPOINTS[endpoint_id]
        send = self._client._send
        response = await send(endpoint, path, params, body, version, timeout, extra_headers)
        return RawResponse(response, lambda: parse_model(model, response, endpoint))

    async def _call_models(
        self,
        endpoint_id: str,
        path: str,
        model: type[M],
        params: dict[str, Any] | None = None,
        body: dict[str, Any] | None = None,
        version: str | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> RawResponse[builtins.list[M]]:
        endpoint = ENDPOINTS[endpoint_id]
        send = self._client._send
        response = await send(endpoint, path, params, body, version, timeout, extra_headers)
        return RawResponse(response, lambda: parse_models(model, response, endpoint))

    async def _call_without_result(
        self,
        endpoint_id: str,
        path: str,
        params: dict[str, Any] | None = None,
        body: dict[str, Any] | None = None,
        version: str | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> RawResponse[None]:
        endpoint = ENDPOINTS[endpoint_id]
        send = self._client._send
        response = await send(endpoint, path, params, body, version, timeout, extra_headers)
        return RawResponse(response, lambda: None)

    async def _call_text(
        self,
        endpoint_id: str,
        path: str,
        params: dict[str, Any] | None = None,
        body: dict[str, Any] | None = None,
        version: str | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> RawResponse[str]:
        endpoint = ENDPOINTS[endpoint_id]
        send = self._client._send
        response = await send(endpoint, path, params, body, version, timeout, extra_headers)
        return RawResponse(response, lambda: response.text)

    async def _call_location(
        self,
        endpoint_id: str,
        path: str,
        params: dict[str, Any] | None = None,
        body: dict[str, Any] | None = None,
        version: str | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> RawResponse[str | None]:
        endpoint = ENDPOINTS[endpoint_id]
        send = self._client._send
        response = await send(endpoint, path, params, body, version, timeout, extra_headers)
        return RawResponse(response, lambda: response.headers.get("Location"))


class AsyncIntercomWithRawResponse:
    """`client.with_raw_response`: the client's groups, each method answering a RawResponse."""

    def __init__(self, client: AsyncIntercom) -> None:
        # Resources built on the stand-in send through the client and answer raw.
        self._calls = cast("AsyncIntercom", _AsyncRawCalls(client))

    @cached_property
    def admins(self) -> AsyncAdminsWithRawResponse:
        from intercom_api.resources.admins import AsyncAdminsWithRawResponse

        return AsyncAdminsWithRawResponse(self._calls)

    @cached_property
    def articles(self) -> AsyncArticlesWithRawResponse:
        from intercom_api.resources.articles import AsyncArticlesWithRawResponse

        return AsyncArticlesWithRawResponse(self._calls)

    @cached_property
    def calls(self) -> AsyncCallsWithRawResponse:
        from intercom_api.resources.calls import AsyncCallsWithRawResponse

        return AsyncCallsWithRawResponse(self._calls)

    @cached_property
    def companies(self) -> AsyncCompaniesWithRawResponse:
        from intercom_api.resources.companies import AsyncCompaniesWithRawResponse

        return AsyncCompaniesWithRawResponse(self._calls)

    @cached_property
    def contacts(self) -> AsyncContactsWithRawResponse:
        from intercom_api.resources.contacts import AsyncContactsWithRawResponse

        return AsyncContactsWithRawResponse(self._calls)

    @cached_property
    def conversations(self) -> AsyncConversationsWithRawResponse:
        from intercom_api.resources.conversations import AsyncConversationsWithRawResponse

        return AsyncConversationsWithRawResponse(self._calls)

    @cached_property
    def data_events(self) -> AsyncDataEventsWithRawResponse:
        from intercom_api.resources.data_events import AsyncDataEventsWithRawResponse

        return AsyncDataEventsWithRawResponse(self._calls)

    @cached_property
    def internal_articles(self) -> AsyncInternalArticlesWithRawResponse:
        from intercom_api.resources.internal_articles import AsyncInternalArticlesWithRawResponse

        return AsyncInternalArticlesWithRawResponse(self._calls)

    @cached_property
    def messages(self) -> AsyncMessagesWithRawResponse:
        from intercom_api.resources.messages import AsyncMessagesWithRawResponse

        return AsyncMessagesWithRawResponse(self._calls)

    @cached_property
    def tickets(self) -> AsyncTicketsWithRawResponse:
        from intercom_api.resources.tickets import AsyncTicketsWithRawResponse

        return AsyncTicketsWithRawResponse(self._calls)
