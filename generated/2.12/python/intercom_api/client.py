"""Typed clients for Intercom API 2.12: one resource per capability group,
one method per endpoint. Models are imported on first use, keeping import time low."""

from __future__ import annotations

import builtins
import json
import time
from types import TracebackType
from typing import TYPE_CHECKING, Any, TypeVar

import httpx

from intercom_api.endpoints import ENDPOINTS, EndpointInfo
from intercom_api.errors import APIConnectionError
from intercom_api.pagination import AsyncPager, Cursor, Page, SyncPager, next_cursor, with_cursor
from intercom_api.transport import RateLimit, Settings, check_per_page, without_none
from intercom_api.transport import segment as _segment

if TYPE_CHECKING:
    from pydantic import BaseModel

    from intercom_api.models import *  # noqa: F403

M = TypeVar("M", bound="BaseModel")
T = TypeVar("T")


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
    """A client for Intercom API 2.12.

    The token falls back to the INTERCOM_ACCESS_TOKEN environment variable; `region`
    (("au", "eu", "us")) picks the base URL; `version` is sent as Intercom-Version
    on every request and can be overridden per call. `max_retries` is the number of retries
    after the first attempt.
    """

    def __init__(
        self,
        token: str | None = None,
        *,
        region: str = "us",
        base_url: str | None = None,
        version: str | None = None,
        timeout: float = 30.0,
        max_retries: int = 2,
        retry_backoff: float = 0.5,
        max_rate_limit_wait: float = 10.0,
        http_client: httpx.Client | None = None,
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
        self._http = http_client or httpx.Client(timeout=timeout)
        self.admins = Admins(self)
        self.articles = Articles(self)
        self.companies = Companies(self)
        self.contacts = Contacts(self)
        self.conversations = Conversations(self)
        self.data_events = DataEvents(self)
        self.messages = Messages(self)
        self.tickets = Tickets(self)

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

    def close(self) -> None:
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
    ) -> httpx.Response:
        settings = self._settings
        attempt = 0
        while True:
            try:
                response = self._http.request(
                    endpoint.method,
                    settings.base_url + path,
                    params=without_none(params) if params else None,
                    json=without_none(body) if body is not None else None,
                    headers=settings.headers(version, endpoint.accept),
                )
            except httpx.TransportError as error:
                delay = settings.delay_before_retry(attempt, endpoint.method, None)
                if delay is None:
                    raise _connection_error(endpoint, settings, error) from None
            else:
                settings.record_rate_limit(response)
                if response.status_code < 400:
                    return response
                delay = settings.delay_before_retry(attempt, endpoint.method, response)
                if delay is None:
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
    ) -> M:
        endpoint = ENDPOINTS[endpoint_id]
        response = self._send(endpoint, path, params, body, version)
        return model.model_validate_json(response.content)

    def _call_models(
        self,
        endpoint_id: str,
        path: str,
        model: type[M],
        params: dict[str, Any] | None = None,
        body: dict[str, Any] | None = None,
        version: str | None = None,
    ) -> builtins.list[M]:
        """For an endpoint whose body is a JSON array of objects."""
        endpoint = ENDPOINTS[endpoint_id]
        response = self._send(endpoint, path, params, body, version)
        items = json.loads(response.content)
        if not isinstance(items, builtins.list):
            items = [items]  # one object where a list was declared: still the caller's list
        return [model.model_validate(item) for item in items]

    def _call_without_result(
        self,
        endpoint_id: str,
        path: str,
        params: dict[str, Any] | None = None,
        body: dict[str, Any] | None = None,
        version: str | None = None,
    ) -> None:
        endpoint = ENDPOINTS[endpoint_id]
        self._send(endpoint, path, params, body, version)

    def _call_text(
        self,
        endpoint_id: str,
        path: str,
        params: dict[str, Any] | None = None,
        body: dict[str, Any] | None = None,
        version: str | None = None,
    ) -> str:
        endpoint = ENDPOINTS[endpoint_id]
        response = self._send(endpoint, path, params, body, version)
        return response.text

    def _call_location(
        self,
        endpoint_id: str,
        path: str,
        params: dict[str, Any] | None = None,
        body: dict[str, Any] | None = None,
        version: str | None = None,
    ) -> str | None:
        endpoint = ENDPOINTS[endpoint_id]
        response = self._send(endpoint, path, params, body, version)
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
    ) -> SyncPager[T]:
        endpoint = ENDPOINTS[endpoint_id]

        def fetch(cursor: Cursor) -> Page[T]:
            query, payload = with_cursor(endpoint.pagination, params, body, cursor)
            response = self._send(endpoint, path, query, payload, version)
            parsed = page_model.model_validate_json(response.content)
            items: builtins.list[T] = builtins.list(getattr(parsed, items_field, None) or ())
            return Page(items, next_cursor(endpoint.pagination, parsed), parsed)

        return SyncPager(fetch)


class Admins:
    """Admins.

    List the workspace's admins, identify the admin behind the token, and set an admin's away mode.
    """

    def __init__(self, client: Intercom) -> None:
        self._client = client

    def list(
        self,
        *,
        display_avatar: bool | None = None,
        version: str | None = None,
    ) -> AdminList:
        """List every admin in the workspace.

        Permission: Read admins (read).
        OAuth scopes: 'Read admins'.
        Webhook topic fired: none.
        Available since API version 2.11.
        HTTP: GET /admins
        """
        from intercom_api.models import AdminList

        return self._client._call(
            "admins.list",
            "/admins",
            AdminList,
            params={
                "display_avatar": display_avatar,
            },
            version=version,
        )

    def me(
        self,
        *,
        version: str | None = None,
    ) -> AdminWithApp:
        """Identify the admin that owns the access token, with its workspace.

        Permission: Read admins (read).
        OAuth scopes: 'Read admins'.
        Webhook topic fired: none.
        Available since API version 2.11.
        HTTP: GET /me
        """
        from intercom_api.models import AdminWithApp

        return self._client._call(
            "admins.me",
            "/me",
            AdminWithApp,
            version=version,
        )

    def set_away(
        self,
        admin_id: str,
        *,
        away_mode_enabled: bool,
        away_mode_reassign: bool,
        version: str | None = None,
    ) -> Admin:
        """Turn away mode on or off for an admin.

        Permission: Update admins (write).
        OAuth scopes: 'Update admins'.
        Webhook topic fired: admin.away_mode_updated.
        Available since API version 2.11.
        HTTP: PUT /admins/{admin_id}/away
        """
        from intercom_api.models import Admin

        return self._client._call(
            "admins.set_away",
            f"/admins/{_segment(admin_id)}/away",
            Admin,
            body={
                "away_mode_enabled": away_mode_enabled,
                "away_mode_reassign": away_mode_reassign,
            },
            version=version,
        )


class Articles:
    """Articles.

    Write, fetch, edit and list help center articles.
    """

    def __init__(self, client: Intercom) -> None:
        self._client = client

    def create(
        self,
        *,
        title: str,
        author_id: int,
        description: str | None = None,
        body: str | None = None,
        state: str | None = None,
        parent_id: int | None = None,
        parent_type: str | None = None,
        translated_content: dict[str, Any] | None = None,
        version: str | None = None,
    ) -> Article:
        """Write a new help center article.

        Permission: Write articles (write).
        OAuth scopes: 'Read and Write articles'.
        Webhook topic fired: article.created.
        Available since API version 2.11.
        HTTP: POST /articles
        """
        from intercom_api.models import Article

        return self._client._call(
            "articles.create",
            "/articles",
            Article,
            body={
                "title": title,
                "description": description,
                "body": body,
                "author_id": author_id,
                "state": state,
                "parent_id": parent_id,
                "parent_type": parent_type,
                "translated_content": translated_content,
            },
            version=version,
        )

    def list(
        self,
        *,
        per_page: int | None = None,
        version: str | None = None,
    ) -> SyncPager[ArticleListItem]:
        """Page through help center articles, most recently updated first.

        Permission: Read articles (read).
        OAuth scopes: 'Read and list articles'.
        Webhook topic fired: none.
        Available since API version 2.11.
        Iterate the result for every record across pages; `.pages()` yields page by page.
        HTTP: GET /articles
        """
        from intercom_api.models import ArticleList, ArticleListItem

        check_per_page(per_page)
        return self._client._pager(
            "articles.list",
            "/articles",
            ArticleList,
            "data",
            ArticleListItem,
            params={
                "per_page": per_page,
            },
            version=version,
        )

    def retrieve(
        self,
        article_id: str,
        *,
        version: str | None = None,
    ) -> Article:
        """Fetch one article by its Intercom id.

        Permission: Read articles (read).
        OAuth scopes: 'Read and list articles'.
        Webhook topic fired: none.
        Available since API version 2.11.
        HTTP: GET /articles/{article_id}
        """
        from intercom_api.models import Article

        return self._client._call(
            "articles.retrieve",
            f"/articles/{_segment(article_id)}",
            Article,
            version=version,
        )

    def update(
        self,
        article_id: str,
        *,
        title: str | None = None,
        description: str | None = None,
        body: str | None = None,
        author_id: int | None = None,
        state: str | None = None,
        parent_id: str | None = None,
        parent_type: str | None = None,
        translated_content: dict[str, Any] | None = None,
        version: str | None = None,
    ) -> Article:
        """Edit an article; fields left out stay as they are.

        Permission: Write articles (write).
        OAuth scopes: 'Read and Write articles'.
        Webhook topic fired: article.updated.
        Available since API version 2.11.
        HTTP: PUT /articles/{article_id}
        """
        from intercom_api.models import Article

        return self._client._call(
            "articles.update",
            f"/articles/{_segment(article_id)}",
            Article,
            body={
                "title": title,
                "description": description,
                "body": body,
                "author_id": author_id,
                "state": state,
                "parent_id": parent_id,
                "parent_type": parent_type,
                "translated_content": translated_content,
            },
            version=version,
        )


class Companies:
    """Companies.

    Create or update companies, fetch one, and page through them.
    """

    def __init__(self, client: Intercom) -> None:
        self._client = client

    def list(
        self,
        *,
        per_page: int | None = None,
        order: str | None = None,
        version: str | None = None,
    ) -> SyncPager[Company]:
        """Page through the companies in the workspace.

        Permission: Read companies (read).
        OAuth scopes: 'Read and list users and companies'.
        Webhook topic fired: none.
        Available since API version 2.11.
        Iterate the result for every record across pages; `.pages()` yields page by page.
        HTTP: POST /companies/list
        """
        from intercom_api.models import Company, CompanyList

        check_per_page(per_page)
        return self._client._pager(
            "companies.list",
            "/companies/list",
            CompanyList,
            "data",
            Company,
            params={
                "per_page": per_page,
                "order": order,
            },
            version=version,
        )

    def retrieve(
        self,
        company_id: str,
        *,
        version: str | None = None,
    ) -> Company:
        """Fetch one company by its Intercom id.

        Permission: Read one company (read).
        OAuth scopes: 'Read one user and one company', 'Read and list users and companies'.
        Webhook topic fired: none.
        Available since API version 2.11.
        HTTP: GET /companies/{company_id}
        """
        from intercom_api.models import Company

        return self._client._call(
            "companies.retrieve",
            f"/companies/{_segment(company_id)}",
            Company,
            version=version,
        )

    def upsert(
        self,
        *,
        name: str | None = None,
        company_id: str | None = None,
        plan: str | None = None,
        size: int | None = None,
        website: str | None = None,
        industry: str | None = None,
        custom_attributes: dict[str, Any] | None = None,
        remote_created_at: int | None = None,
        monthly_spend: int | None = None,
        version: str | None = None,
    ) -> Company:
        """Create a company, or update the one whose company_id matches.

        Permission: Write companies (write).
        OAuth scopes: 'Write users and companies'.
        Webhook topic fired: company.created.
        Available since API version 2.11.
        HTTP: POST /companies
        """
        from intercom_api.models import Company

        return self._client._call(
            "companies.upsert",
            "/companies",
            Company,
            body={
                "name": name,
                "company_id": company_id,
                "plan": plan,
                "size": size,
                "website": website,
                "industry": industry,
                "custom_attributes": custom_attributes,
                "remote_created_at": remote_created_at,
                "monthly_spend": monthly_spend,
            },
            version=version,
        )


class Contacts:
    """Contacts.

    Create, fetch, change, delete, archive, list and search the people (users and leads) known to a workspace.
    """

    def __init__(self, client: Intercom) -> None:
        self._client = client

    def archive(
        self,
        contact_id: str,
        *,
        version: str | None = None,
    ) -> ContactArchived:
        """Archive a contact so it drops out of active lists.

        Permission: Write users (write).
        OAuth scopes: 'Write users and companies'.
        Webhook topic fired: contact.archived.
        Available since API version 2.11.
        HTTP: POST /contacts/{contact_id}/archive
        """
        from intercom_api.models import ContactArchived

        return self._client._call(
            "contacts.archive",
            f"/contacts/{_segment(contact_id)}/archive",
            ContactArchived,
            version=version,
        )

    def create(
        self,
        *,
        role: str | None = None,
        external_id: str | None = None,
        email: str | None = None,
        phone: str | None = None,
        name: str | None = None,
        avatar: str | None = None,
        signed_up_at: int | None = None,
        last_seen_at: int | None = None,
        owner_id: int | None = None,
        unsubscribed_from_emails: bool | None = None,
        custom_attributes: dict[str, Any] | None = None,
        version: str | None = None,
    ) -> Contact:
        """Add a new user or lead.

        Permission: Write users (write).
        OAuth scopes: 'Write users and companies'.
        Webhook topic fired: contact.user.created.
        Available since API version 2.11.
        HTTP: POST /contacts
        """
        from intercom_api.models import Contact

        return self._client._call(
            "contacts.create",
            "/contacts",
            Contact,
            body={
                "role": role,
                "external_id": external_id,
                "email": email,
                "phone": phone,
                "name": name,
                "avatar": avatar,
                "signed_up_at": signed_up_at,
                "last_seen_at": last_seen_at,
                "owner_id": owner_id,
                "unsubscribed_from_emails": unsubscribed_from_emails,
                "custom_attributes": custom_attributes,
            },
            version=version,
        )

    def delete(
        self,
        contact_id: str,
        *,
        version: str | None = None,
    ) -> ContactDeleted:
        """Permanently remove a contact.

        Permission: Write users (write).
        OAuth scopes: 'Write users and companies'.
        Webhook topic fired: contact.deleted.
        Available since API version 2.11.
        HTTP: DELETE /contacts/{contact_id}
        """
        from intercom_api.models import ContactDeleted

        return self._client._call(
            "contacts.delete",
            f"/contacts/{_segment(contact_id)}",
            ContactDeleted,
            version=version,
        )

    def list(
        self,
        *,
        per_page: int | None = None,
        version: str | None = None,
    ) -> SyncPager[Contact]:
        """Page through every contact in the workspace.

        Permission: Read users (read).
        OAuth scopes: 'Read and list users and companies'.
        Webhook topic fired: none.
        Available since API version 2.11.
        Iterate the result for every record across pages; `.pages()` yields page by page.
        HTTP: GET /contacts
        """
        from intercom_api.models import Contact, ContactList

        check_per_page(per_page)
        return self._client._pager(
            "contacts.list",
            "/contacts",
            ContactList,
            "data",
            Contact,
            params={
                "per_page": per_page,
            },
            version=version,
        )

    def retrieve(
        self,
        contact_id: str,
        *,
        version: str | None = None,
    ) -> Contact:
        """Fetch one contact by its Intercom id.

        Permission: Read one user (read).
        OAuth scopes: 'Read one user and one company', 'Read and list users and companies'.
        Webhook topic fired: none.
        Available since API version 2.11.
        HTTP: GET /contacts/{contact_id}
        """
        from intercom_api.models import Contact

        return self._client._call(
            "contacts.retrieve",
            f"/contacts/{_segment(contact_id)}",
            Contact,
            version=version,
        )

    def search(
        self,
        *,
        query: dict[str, Any],
        per_page: int | None = None,
        version: str | None = None,
    ) -> SyncPager[Contact]:
        """Find contacts whose attributes match a filter query.

        Permission: Read users (read).
        OAuth scopes: 'Read and list users and companies'.
        Webhook topic fired: none.
        Available since API version 2.11.
        Iterate the result for every record across pages; `.pages()` yields page by page.
        HTTP: POST /contacts/search
        """
        from intercom_api.models import Contact, ContactList

        check_per_page(per_page)
        return self._client._pager(
            "contacts.search",
            "/contacts/search",
            ContactList,
            "data",
            Contact,
            body={
                "query": query,
                "pagination": {"per_page": per_page},
            },
            version=version,
        )

    def update(
        self,
        contact_id: str,
        *,
        role: str | None = None,
        external_id: str | None = None,
        email: str | None = None,
        phone: str | None = None,
        name: str | None = None,
        avatar: str | None = None,
        signed_up_at: int | None = None,
        last_seen_at: int | None = None,
        owner_id: int | None = None,
        unsubscribed_from_emails: bool | None = None,
        custom_attributes: dict[str, Any] | None = None,
        version: str | None = None,
    ) -> Contact:
        """Change a contact's details; fields left out stay as they are.

        Permission: Write users (write).
        OAuth scopes: 'Write users and companies'.
        Webhook topic fired: contact.user.updated.
        Available since API version 2.11.
        HTTP: PUT /contacts/{contact_id}
        """
        from intercom_api.models import Contact

        return self._client._call(
            "contacts.update",
            f"/contacts/{_segment(contact_id)}",
            Contact,
            body={
                "role": role,
                "external_id": external_id,
                "email": email,
                "phone": phone,
                "name": name,
                "avatar": avatar,
                "signed_up_at": signed_up_at,
                "last_seen_at": last_seen_at,
                "owner_id": owner_id,
                "unsubscribed_from_emails": unsubscribed_from_emails,
                "custom_attributes": custom_attributes,
            },
            version=version,
        )


class Conversations:
    """Conversations.

    Start, read, list and search conversations, reply to them, and close, snooze, reopen or assign them.
    """

    def __init__(self, client: Intercom) -> None:
        self._client = client

    def create(
        self,
        *,
        from_: dict[str, Any],
        body: str,
        subject: str | None = None,
        attachment_urls: builtins.list[str] | None = None,
        created_at: int | None = None,
        version: str | None = None,
    ) -> Message:
        """Start a conversation on behalf of a contact.

        Permission: Write conversations (write).
        OAuth scopes: 'Write conversations'.
        Webhook topic fired: conversation.user.created.
        Available since API version 2.11.
        HTTP: POST /conversations
        """
        from intercom_api.models import Message

        return self._client._call(
            "conversations.create",
            "/conversations",
            Message,
            body={
                "from": from_,
                "body": body,
                "subject": subject,
                "attachment_urls": attachment_urls,
                "created_at": created_at,
            },
            version=version,
        )

    def list(
        self,
        *,
        per_page: int | None = None,
        version: str | None = None,
    ) -> SyncPager[ConversationListItem]:
        """Page through every conversation in the workspace.

        Permission: Read conversations (read).
        OAuth scopes: 'Read conversations'.
        Webhook topic fired: none.
        Available since API version 2.11.
        Iterate the result for every record across pages; `.pages()` yields page by page.
        HTTP: GET /conversations
        """
        from intercom_api.models import ConversationListItem, PaginatedConversationResponse

        check_per_page(per_page)
        return self._client._pager(
            "conversations.list",
            "/conversations",
            PaginatedConversationResponse,
            "conversations",
            ConversationListItem,
            params={
                "per_page": per_page,
            },
            version=version,
        )

    def manage(
        self,
        conversation_id: str,
        *,
        message_type: str,
        admin_id: str,
        type: str | None = None,
        body: str | None = None,
        snoozed_until: int | None = None,
        assignee_id: str | None = None,
        version: str | None = None,
    ) -> Conversation:
        """Close, snooze, reopen or assign a conversation; message_type chooses the action.

        Permission: Write conversations (write).
        OAuth scopes: 'Write conversations'.
        Webhook topic fired: conversation.admin.closed.
        Available since API version 2.11.
        HTTP: POST /conversations/{conversation_id}/parts
        """
        from intercom_api.models import Conversation

        return self._client._call(
            "conversations.manage",
            f"/conversations/{_segment(conversation_id)}/parts",
            Conversation,
            body={
                "message_type": message_type,
                "type": type,
                "admin_id": admin_id,
                "body": body,
                "snoozed_until": snoozed_until,
                "assignee_id": assignee_id,
            },
            version=version,
        )

    def reply(
        self,
        conversation_id: str,
        *,
        message_type: str,
        type: str,
        body: str | None = None,
        created_at: int | None = None,
        attachment_urls: builtins.list[str] | None = None,
        intercom_user_id: str | None = None,
        attachment_files: builtins.list[dict[str, Any]] | None = None,
        email: str | None = None,
        user_id: str | None = None,
        admin_id: str | None = None,
        version: str | None = None,
    ) -> Conversation:
        """Add a reply or note to a conversation, as a contact or an admin.

        Permission: Write conversations (write).
        OAuth scopes: 'Write conversations'.
        Webhook topic fired: conversation.admin.replied.
        Available since API version 2.11.
        HTTP: POST /conversations/{conversation_id}/reply
        """
        from intercom_api.models import Conversation

        return self._client._call(
            "conversations.reply",
            f"/conversations/{_segment(conversation_id)}/reply",
            Conversation,
            body={
                "message_type": message_type,
                "type": type,
                "body": body,
                "created_at": created_at,
                "attachment_urls": attachment_urls,
                "intercom_user_id": intercom_user_id,
                "attachment_files": attachment_files,
                "email": email,
                "user_id": user_id,
                "admin_id": admin_id,
            },
            version=version,
        )

    def retrieve(
        self,
        conversation_id: str,
        *,
        display_as: str | None = None,
        version: str | None = None,
    ) -> Conversation:
        """Fetch one conversation with up to 500 of its parts.

        Permission: Read conversations (read).
        OAuth scopes: 'Read conversations'.
        Webhook topic fired: none.
        Available since API version 2.11.
        HTTP: GET /conversations/{conversation_id}
        """
        from intercom_api.models import Conversation

        return self._client._call(
            "conversations.retrieve",
            f"/conversations/{_segment(conversation_id)}",
            Conversation,
            params={
                "display_as": display_as,
            },
            version=version,
        )

    def search(
        self,
        *,
        query: dict[str, Any],
        per_page: int | None = None,
        version: str | None = None,
    ) -> SyncPager[ConversationListItem]:
        """Find conversations that match a filter query.

        Permission: Read conversations (read).
        OAuth scopes: 'Read conversations'.
        Webhook topic fired: none.
        Available since API version 2.11.
        Iterate the result for every record across pages; `.pages()` yields page by page.
        HTTP: POST /conversations/search
        """
        from intercom_api.models import ConversationListItem, PaginatedConversationResponse

        check_per_page(per_page)
        return self._client._pager(
            "conversations.search",
            "/conversations/search",
            PaginatedConversationResponse,
            "conversations",
            ConversationListItem,
            body={
                "query": query,
                "pagination": {"per_page": per_page},
            },
            version=version,
        )


class DataEvents:
    """Data events.

    Record events a contact performed and read back a contact's recent events.
    """

    def __init__(self, client: Intercom) -> None:
        self._client = client

    def list(
        self,
        *,
        type: str,
        user_id: str | None = None,
        intercom_user_id: str | None = None,
        email: str | None = None,
        summary: bool | None = None,
        per_page: int | None = None,
        version: str | None = None,
    ) -> DataEventSummary:
        """List one contact's events; only events under 90 days old can be listed.

        Permission: Read events (read).
        OAuth scopes: 'Read events'.
        Webhook topic fired: none.
        Available since API version 2.11.
        HTTP: GET /events
        """
        from intercom_api.models import DataEventSummary

        check_per_page(per_page)
        return self._client._call(
            "data_events.list",
            "/events",
            DataEventSummary,
            params={
                "type": type,
                "user_id": user_id,
                "intercom_user_id": intercom_user_id,
                "email": email,
                "summary": summary,
                "per_page": per_page,
            },
            version=version,
        )

    def submit(
        self,
        *,
        event_name: str,
        created_at: int,
        user_id: str | None = None,
        id: str | None = None,
        email: str | None = None,
        metadata: dict[str, Any] | None = None,
        version: str | None = None,
    ) -> None:
        """Record an event for a user or lead; accepted asynchronously with an empty body.

        Permission: Write events (write).
        OAuth scopes: 'Write events'.
        Webhook topic fired: event.created.
        Available since API version 2.11.
        HTTP: POST /events
        """
        return self._client._call_without_result(
            "data_events.submit",
            "/events",
            body={
                "event_name": event_name,
                "created_at": created_at,
                "user_id": user_id,
                "id": id,
                "email": email,
                "metadata": metadata,
            },
            version=version,
        )


class Messages:
    """Messages.

    Send an admin-initiated in-app or email message to a contact, which opens a conversation.
    """

    def __init__(self, client: Intercom) -> None:
        self._client = client

    def create(
        self,
        *,
        message_type: str,
        body: str,
        from_: dict[str, Any],
        to: dict[str, Any],
        subject: str | None = None,
        template: str | None = None,
        created_at: int | None = None,
        create_conversation_without_contact_reply: bool | None = None,
        version: str | None = None,
    ) -> Message:
        """Send an in-app or email message from an admin to a contact.

        Permission: Write conversations (write).
        OAuth scopes: 'Write conversations'.
        Webhook topic fired: conversation.admin.single.created.
        Available since API version 2.11.
        HTTP: POST /messages
        """
        from intercom_api.models import Message

        return self._client._call(
            "messages.create",
            "/messages",
            Message,
            body={
                "message_type": message_type,
                "subject": subject,
                "body": body,
                "template": template,
                "from": from_,
                "to": to,
                "created_at": created_at,
                "create_conversation_without_contact_reply": create_conversation_without_contact_reply,
            },
            version=version,
        )


class Tickets:
    """Tickets.

    Open, fetch and change support tickets, and reply to them.
    """

    def __init__(self, client: Intercom) -> None:
        self._client = client

    def create(
        self,
        *,
        ticket_type_id: str,
        contacts: builtins.list[dict[str, Any]],
        company_id: str | None = None,
        created_at: int | None = None,
        ticket_attributes: dict[str, Any] | None = None,
        version: str | None = None,
    ) -> Ticket:
        """Open a ticket of a given ticket type for a contact.

        Permission: Write tickets (write).
        OAuth scopes: 'Write tickets'.
        Webhook topic fired: ticket.created.
        Available since API version 2.11.
        HTTP: POST /tickets
        """
        from intercom_api.models import Ticket

        return self._client._call(
            "tickets.create",
            "/tickets",
            Ticket,
            body={
                "ticket_type_id": ticket_type_id,
                "contacts": contacts,
                "company_id": company_id,
                "created_at": created_at,
                "ticket_attributes": ticket_attributes,
            },
            version=version,
        )

    def reply(
        self,
        ticket_id: str,
        *,
        message_type: str,
        type: str,
        body: str | None = None,
        created_at: int | None = None,
        attachment_urls: builtins.list[str] | None = None,
        intercom_user_id: str | None = None,
        user_id: str | None = None,
        email: str | None = None,
        admin_id: str | None = None,
        reply_options: builtins.list[dict[str, Any]] | None = None,
        cross_post: bool | None = None,
        version: str | None = None,
    ) -> TicketReply:
        """Add a comment, note or quick reply to a ticket, as a contact or an admin.

        Permission: Write tickets (write).
        OAuth scopes: 'Write tickets'.
        Webhook topic fired: ticket.admin.replied.
        Available since API version 2.11.
        HTTP: POST /tickets/{ticket_id}/reply
        """
        from intercom_api.models import TicketReply

        return self._client._call(
            "tickets.reply",
            f"/tickets/{_segment(ticket_id)}/reply",
            TicketReply,
            body={
                "message_type": message_type,
                "type": type,
                "body": body,
                "created_at": created_at,
                "attachment_urls": attachment_urls,
                "intercom_user_id": intercom_user_id,
                "user_id": user_id,
                "email": email,
                "admin_id": admin_id,
                "reply_options": reply_options,
                "cross_post": cross_post,
            },
            version=version,
        )

    def retrieve(
        self,
        ticket_id: str,
        *,
        version: str | None = None,
    ) -> Ticket:
        """Fetch one ticket by its Intercom id.

        Permission: Read tickets (read).
        OAuth scopes: 'Read tickets'.
        Webhook topic fired: none.
        Available since API version 2.11.
        HTTP: GET /tickets/{ticket_id}
        """
        from intercom_api.models import Ticket

        return self._client._call(
            "tickets.retrieve",
            f"/tickets/{_segment(ticket_id)}",
            Ticket,
            version=version,
        )

    def update(
        self,
        ticket_id: str,
        *,
        ticket_attributes: dict[str, Any] | None = None,
        open: bool | None = None,
        is_shared: bool | None = None,
        snoozed_until: int | None = None,
        assignment: dict[str, Any] | None = None,
        ticket_state_id: str | None = None,
        company_id: str | None = None,
        version: str | None = None,
    ) -> Ticket:
        """Change a ticket's attributes, state, visibility or assignee.

        Permission: Write tickets (write).
        OAuth scopes: 'Write tickets'.
        Webhook topic fired: ticket.state.updated.
        Available since API version 2.11.
        HTTP: PUT /tickets/{ticket_id}
        """
        from intercom_api.models import Ticket

        return self._client._call(
            "tickets.update",
            f"/tickets/{_segment(ticket_id)}",
            Ticket,
            body={
                "ticket_attributes": ticket_attributes,
                "open": open,
                "is_shared": is_shared,
                "snoozed_until": snoozed_until,
                "assignment": assignment,
                "ticket_state_id": ticket_state_id,
                "company_id": company_id,
            },
            version=version,
        )


class AsyncIntercom:
    """A client for Intercom API 2.12.

    The token falls back to the INTERCOM_ACCESS_TOKEN environment variable; `region`
    (("au", "eu", "us")) picks the base URL; `version` is sent as Intercom-Version
    on every request and can be overridden per call. `max_retries` is the number of retries
    after the first attempt.
    """

    def __init__(
        self,
        token: str | None = None,
        *,
        region: str = "us",
        base_url: str | None = None,
        version: str | None = None,
        timeout: float = 30.0,
        max_retries: int = 2,
        retry_backoff: float = 0.5,
        max_rate_limit_wait: float = 10.0,
        http_client: httpx.AsyncClient | None = None,
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
        self._http = http_client or httpx.AsyncClient(timeout=timeout)
        self.admins = AsyncAdmins(self)
        self.articles = AsyncArticles(self)
        self.companies = AsyncCompanies(self)
        self.contacts = AsyncContacts(self)
        self.conversations = AsyncConversations(self)
        self.data_events = AsyncDataEvents(self)
        self.messages = AsyncMessages(self)
        self.tickets = AsyncTickets(self)

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

    async def close(self) -> None:
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
    ) -> httpx.Response:
        settings = self._settings
        attempt = 0
        while True:
            try:
                response = await self._http.request(
                    endpoint.method,
                    settings.base_url + path,
                    params=without_none(params) if params else None,
                    json=without_none(body) if body is not None else None,
                    headers=settings.headers(version, endpoint.accept),
                )
            except httpx.TransportError as error:
                delay = settings.delay_before_retry(attempt, endpoint.method, None)
                if delay is None:
                    raise _connection_error(endpoint, settings, error) from None
            else:
                settings.record_rate_limit(response)
                if response.status_code < 400:
                    return response
                delay = settings.delay_before_retry(attempt, endpoint.method, response)
                if delay is None:
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
    ) -> M:
        endpoint = ENDPOINTS[endpoint_id]
        response = await self._send(endpoint, path, params, body, version)
        return model.model_validate_json(response.content)

    async def _call_models(
        self,
        endpoint_id: str,
        path: str,
        model: type[M],
        params: dict[str, Any] | None = None,
        body: dict[str, Any] | None = None,
        version: str | None = None,
    ) -> builtins.list[M]:
        """For an endpoint whose body is a JSON array of objects."""
        endpoint = ENDPOINTS[endpoint_id]
        response = await self._send(endpoint, path, params, body, version)
        items = json.loads(response.content)
        if not isinstance(items, builtins.list):
            items = [items]  # one object where a list was declared: still the caller's list
        return [model.model_validate(item) for item in items]

    async def _call_without_result(
        self,
        endpoint_id: str,
        path: str,
        params: dict[str, Any] | None = None,
        body: dict[str, Any] | None = None,
        version: str | None = None,
    ) -> None:
        endpoint = ENDPOINTS[endpoint_id]
        await self._send(endpoint, path, params, body, version)

    async def _call_text(
        self,
        endpoint_id: str,
        path: str,
        params: dict[str, Any] | None = None,
        body: dict[str, Any] | None = None,
        version: str | None = None,
    ) -> str:
        endpoint = ENDPOINTS[endpoint_id]
        response = await self._send(endpoint, path, params, body, version)
        return response.text

    async def _call_location(
        self,
        endpoint_id: str,
        path: str,
        params: dict[str, Any] | None = None,
        body: dict[str, Any] | None = None,
        version: str | None = None,
    ) -> str | None:
        endpoint = ENDPOINTS[endpoint_id]
        response = await self._send(endpoint, path, params, body, version)
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
    ) -> AsyncPager[T]:
        endpoint = ENDPOINTS[endpoint_id]

        async def fetch(cursor: Cursor) -> Page[T]:
            query, payload = with_cursor(endpoint.pagination, params, body, cursor)
            response = await self._send(endpoint, path, query, payload, version)
            parsed = page_model.model_validate_json(response.content)
            items: builtins.list[T] = builtins.list(getattr(parsed, items_field, None) or ())
            return Page(items, next_cursor(endpoint.pagination, parsed), parsed)

        return AsyncPager(fetch)


class AsyncAdmins:
    """Admins.

    List the workspace's admins, identify the admin behind the token, and set an admin's away mode.
    """

    def __init__(self, client: AsyncIntercom) -> None:
        self._client = client

    async def list(
        self,
        *,
        display_avatar: bool | None = None,
        version: str | None = None,
    ) -> AdminList:
        """List every admin in the workspace.

        Permission: Read admins (read).
        OAuth scopes: 'Read admins'.
        Webhook topic fired: none.
        Available since API version 2.11.
        HTTP: GET /admins
        """
        from intercom_api.models import AdminList

        return await self._client._call(
            "admins.list",
            "/admins",
            AdminList,
            params={
                "display_avatar": display_avatar,
            },
            version=version,
        )

    async def me(
        self,
        *,
        version: str | None = None,
    ) -> AdminWithApp:
        """Identify the admin that owns the access token, with its workspace.

        Permission: Read admins (read).
        OAuth scopes: 'Read admins'.
        Webhook topic fired: none.
        Available since API version 2.11.
        HTTP: GET /me
        """
        from intercom_api.models import AdminWithApp

        return await self._client._call(
            "admins.me",
            "/me",
            AdminWithApp,
            version=version,
        )

    async def set_away(
        self,
        admin_id: str,
        *,
        away_mode_enabled: bool,
        away_mode_reassign: bool,
        version: str | None = None,
    ) -> Admin:
        """Turn away mode on or off for an admin.

        Permission: Update admins (write).
        OAuth scopes: 'Update admins'.
        Webhook topic fired: admin.away_mode_updated.
        Available since API version 2.11.
        HTTP: PUT /admins/{admin_id}/away
        """
        from intercom_api.models import Admin

        return await self._client._call(
            "admins.set_away",
            f"/admins/{_segment(admin_id)}/away",
            Admin,
            body={
                "away_mode_enabled": away_mode_enabled,
                "away_mode_reassign": away_mode_reassign,
            },
            version=version,
        )


class AsyncArticles:
    """Articles.

    Write, fetch, edit and list help center articles.
    """

    def __init__(self, client: AsyncIntercom) -> None:
        self._client = client

    async def create(
        self,
        *,
        title: str,
        author_id: int,
        description: str | None = None,
        body: str | None = None,
        state: str | None = None,
        parent_id: int | None = None,
        parent_type: str | None = None,
        translated_content: dict[str, Any] | None = None,
        version: str | None = None,
    ) -> Article:
        """Write a new help center article.

        Permission: Write articles (write).
        OAuth scopes: 'Read and Write articles'.
        Webhook topic fired: article.created.
        Available since API version 2.11.
        HTTP: POST /articles
        """
        from intercom_api.models import Article

        return await self._client._call(
            "articles.create",
            "/articles",
            Article,
            body={
                "title": title,
                "description": description,
                "body": body,
                "author_id": author_id,
                "state": state,
                "parent_id": parent_id,
                "parent_type": parent_type,
                "translated_content": translated_content,
            },
            version=version,
        )

    def list(
        self,
        *,
        per_page: int | None = None,
        version: str | None = None,
    ) -> AsyncPager[ArticleListItem]:
        """Page through help center articles, most recently updated first.

        Permission: Read articles (read).
        OAuth scopes: 'Read and list articles'.
        Webhook topic fired: none.
        Available since API version 2.11.
        Iterate the result for every record across pages; `.pages()` yields page by page.
        HTTP: GET /articles
        """
        from intercom_api.models import ArticleList, ArticleListItem

        check_per_page(per_page)
        return self._client._pager(
            "articles.list",
            "/articles",
            ArticleList,
            "data",
            ArticleListItem,
            params={
                "per_page": per_page,
            },
            version=version,
        )

    async def retrieve(
        self,
        article_id: str,
        *,
        version: str | None = None,
    ) -> Article:
        """Fetch one article by its Intercom id.

        Permission: Read articles (read).
        OAuth scopes: 'Read and list articles'.
        Webhook topic fired: none.
        Available since API version 2.11.
        HTTP: GET /articles/{article_id}
        """
        from intercom_api.models import Article

        return await self._client._call(
            "articles.retrieve",
            f"/articles/{_segment(article_id)}",
            Article,
            version=version,
        )

    async def update(
        self,
        article_id: str,
        *,
        title: str | None = None,
        description: str | None = None,
        body: str | None = None,
        author_id: int | None = None,
        state: str | None = None,
        parent_id: str | None = None,
        parent_type: str | None = None,
        translated_content: dict[str, Any] | None = None,
        version: str | None = None,
    ) -> Article:
        """Edit an article; fields left out stay as they are.

        Permission: Write articles (write).
        OAuth scopes: 'Read and Write articles'.
        Webhook topic fired: article.updated.
        Available since API version 2.11.
        HTTP: PUT /articles/{article_id}
        """
        from intercom_api.models import Article

        return await self._client._call(
            "articles.update",
            f"/articles/{_segment(article_id)}",
            Article,
            body={
                "title": title,
                "description": description,
                "body": body,
                "author_id": author_id,
                "state": state,
                "parent_id": parent_id,
                "parent_type": parent_type,
                "translated_content": translated_content,
            },
            version=version,
        )


class AsyncCompanies:
    """Companies.

    Create or update companies, fetch one, and page through them.
    """

    def __init__(self, client: AsyncIntercom) -> None:
        self._client = client

    def list(
        self,
        *,
        per_page: int | None = None,
        order: str | None = None,
        version: str | None = None,
    ) -> AsyncPager[Company]:
        """Page through the companies in the workspace.

        Permission: Read companies (read).
        OAuth scopes: 'Read and list users and companies'.
        Webhook topic fired: none.
        Available since API version 2.11.
        Iterate the result for every record across pages; `.pages()` yields page by page.
        HTTP: POST /companies/list
        """
        from intercom_api.models import Company, CompanyList

        check_per_page(per_page)
        return self._client._pager(
            "companies.list",
            "/companies/list",
            CompanyList,
            "data",
            Company,
            params={
                "per_page": per_page,
                "order": order,
            },
            version=version,
        )

    async def retrieve(
        self,
        company_id: str,
        *,
        version: str | None = None,
    ) -> Company:
        """Fetch one company by its Intercom id.

        Permission: Read one company (read).
        OAuth scopes: 'Read one user and one company', 'Read and list users and companies'.
        Webhook topic fired: none.
        Available since API version 2.11.
        HTTP: GET /companies/{company_id}
        """
        from intercom_api.models import Company

        return await self._client._call(
            "companies.retrieve",
            f"/companies/{_segment(company_id)}",
            Company,
            version=version,
        )

    async def upsert(
        self,
        *,
        name: str | None = None,
        company_id: str | None = None,
        plan: str | None = None,
        size: int | None = None,
        website: str | None = None,
        industry: str | None = None,
        custom_attributes: dict[str, Any] | None = None,
        remote_created_at: int | None = None,
        monthly_spend: int | None = None,
        version: str | None = None,
    ) -> Company:
        """Create a company, or update the one whose company_id matches.

        Permission: Write companies (write).
        OAuth scopes: 'Write users and companies'.
        Webhook topic fired: company.created.
        Available since API version 2.11.
        HTTP: POST /companies
        """
        from intercom_api.models import Company

        return await self._client._call(
            "companies.upsert",
            "/companies",
            Company,
            body={
                "name": name,
                "company_id": company_id,
                "plan": plan,
                "size": size,
                "website": website,
                "industry": industry,
                "custom_attributes": custom_attributes,
                "remote_created_at": remote_created_at,
                "monthly_spend": monthly_spend,
            },
            version=version,
        )


class AsyncContacts:
    """Contacts.

    Create, fetch, change, delete, archive, list and search the people (users and leads) known to a workspace.
    """

    def __init__(self, client: AsyncIntercom) -> None:
        self._client = client

    async def archive(
        self,
        contact_id: str,
        *,
        version: str | None = None,
    ) -> ContactArchived:
        """Archive a contact so it drops out of active lists.

        Permission: Write users (write).
        OAuth scopes: 'Write users and companies'.
        Webhook topic fired: contact.archived.
        Available since API version 2.11.
        HTTP: POST /contacts/{contact_id}/archive
        """
        from intercom_api.models import ContactArchived

        return await self._client._call(
            "contacts.archive",
            f"/contacts/{_segment(contact_id)}/archive",
            ContactArchived,
            version=version,
        )

    async def create(
        self,
        *,
        role: str | None = None,
        external_id: str | None = None,
        email: str | None = None,
        phone: str | None = None,
        name: str | None = None,
        avatar: str | None = None,
        signed_up_at: int | None = None,
        last_seen_at: int | None = None,
        owner_id: int | None = None,
        unsubscribed_from_emails: bool | None = None,
        custom_attributes: dict[str, Any] | None = None,
        version: str | None = None,
    ) -> Contact:
        """Add a new user or lead.

        Permission: Write users (write).
        OAuth scopes: 'Write users and companies'.
        Webhook topic fired: contact.user.created.
        Available since API version 2.11.
        HTTP: POST /contacts
        """
        from intercom_api.models import Contact

        return await self._client._call(
            "contacts.create",
            "/contacts",
            Contact,
            body={
                "role": role,
                "external_id": external_id,
                "email": email,
                "phone": phone,
                "name": name,
                "avatar": avatar,
                "signed_up_at": signed_up_at,
                "last_seen_at": last_seen_at,
                "owner_id": owner_id,
                "unsubscribed_from_emails": unsubscribed_from_emails,
                "custom_attributes": custom_attributes,
            },
            version=version,
        )

    async def delete(
        self,
        contact_id: str,
        *,
        version: str | None = None,
    ) -> ContactDeleted:
        """Permanently remove a contact.

        Permission: Write users (write).
        OAuth scopes: 'Write users and companies'.
        Webhook topic fired: contact.deleted.
        Available since API version 2.11.
        HTTP: DELETE /contacts/{contact_id}
        """
        from intercom_api.models import ContactDeleted

        return await self._client._call(
            "contacts.delete",
            f"/contacts/{_segment(contact_id)}",
            ContactDeleted,
            version=version,
        )

    def list(
        self,
        *,
        per_page: int | None = None,
        version: str | None = None,
    ) -> AsyncPager[Contact]:
        """Page through every contact in the workspace.

        Permission: Read users (read).
        OAuth scopes: 'Read and list users and companies'.
        Webhook topic fired: none.
        Available since API version 2.11.
        Iterate the result for every record across pages; `.pages()` yields page by page.
        HTTP: GET /contacts
        """
        from intercom_api.models import Contact, ContactList

        check_per_page(per_page)
        return self._client._pager(
            "contacts.list",
            "/contacts",
            ContactList,
            "data",
            Contact,
            params={
                "per_page": per_page,
            },
            version=version,
        )

    async def retrieve(
        self,
        contact_id: str,
        *,
        version: str | None = None,
    ) -> Contact:
        """Fetch one contact by its Intercom id.

        Permission: Read one user (read).
        OAuth scopes: 'Read one user and one company', 'Read and list users and companies'.
        Webhook topic fired: none.
        Available since API version 2.11.
        HTTP: GET /contacts/{contact_id}
        """
        from intercom_api.models import Contact

        return await self._client._call(
            "contacts.retrieve",
            f"/contacts/{_segment(contact_id)}",
            Contact,
            version=version,
        )

    def search(
        self,
        *,
        query: dict[str, Any],
        per_page: int | None = None,
        version: str | None = None,
    ) -> AsyncPager[Contact]:
        """Find contacts whose attributes match a filter query.

        Permission: Read users (read).
        OAuth scopes: 'Read and list users and companies'.
        Webhook topic fired: none.
        Available since API version 2.11.
        Iterate the result for every record across pages; `.pages()` yields page by page.
        HTTP: POST /contacts/search
        """
        from intercom_api.models import Contact, ContactList

        check_per_page(per_page)
        return self._client._pager(
            "contacts.search",
            "/contacts/search",
            ContactList,
            "data",
            Contact,
            body={
                "query": query,
                "pagination": {"per_page": per_page},
            },
            version=version,
        )

    async def update(
        self,
        contact_id: str,
        *,
        role: str | None = None,
        external_id: str | None = None,
        email: str | None = None,
        phone: str | None = None,
        name: str | None = None,
        avatar: str | None = None,
        signed_up_at: int | None = None,
        last_seen_at: int | None = None,
        owner_id: int | None = None,
        unsubscribed_from_emails: bool | None = None,
        custom_attributes: dict[str, Any] | None = None,
        version: str | None = None,
    ) -> Contact:
        """Change a contact's details; fields left out stay as they are.

        Permission: Write users (write).
        OAuth scopes: 'Write users and companies'.
        Webhook topic fired: contact.user.updated.
        Available since API version 2.11.
        HTTP: PUT /contacts/{contact_id}
        """
        from intercom_api.models import Contact

        return await self._client._call(
            "contacts.update",
            f"/contacts/{_segment(contact_id)}",
            Contact,
            body={
                "role": role,
                "external_id": external_id,
                "email": email,
                "phone": phone,
                "name": name,
                "avatar": avatar,
                "signed_up_at": signed_up_at,
                "last_seen_at": last_seen_at,
                "owner_id": owner_id,
                "unsubscribed_from_emails": unsubscribed_from_emails,
                "custom_attributes": custom_attributes,
            },
            version=version,
        )


class AsyncConversations:
    """Conversations.

    Start, read, list and search conversations, reply to them, and close, snooze, reopen or assign them.
    """

    def __init__(self, client: AsyncIntercom) -> None:
        self._client = client

    async def create(
        self,
        *,
        from_: dict[str, Any],
        body: str,
        subject: str | None = None,
        attachment_urls: builtins.list[str] | None = None,
        created_at: int | None = None,
        version: str | None = None,
    ) -> Message:
        """Start a conversation on behalf of a contact.

        Permission: Write conversations (write).
        OAuth scopes: 'Write conversations'.
        Webhook topic fired: conversation.user.created.
        Available since API version 2.11.
        HTTP: POST /conversations
        """
        from intercom_api.models import Message

        return await self._client._call(
            "conversations.create",
            "/conversations",
            Message,
            body={
                "from": from_,
                "body": body,
                "subject": subject,
                "attachment_urls": attachment_urls,
                "created_at": created_at,
            },
            version=version,
        )

    def list(
        self,
        *,
        per_page: int | None = None,
        version: str | None = None,
    ) -> AsyncPager[ConversationListItem]:
        """Page through every conversation in the workspace.

        Permission: Read conversations (read).
        OAuth scopes: 'Read conversations'.
        Webhook topic fired: none.
        Available since API version 2.11.
        Iterate the result for every record across pages; `.pages()` yields page by page.
        HTTP: GET /conversations
        """
        from intercom_api.models import ConversationListItem, PaginatedConversationResponse

        check_per_page(per_page)
        return self._client._pager(
            "conversations.list",
            "/conversations",
            PaginatedConversationResponse,
            "conversations",
            ConversationListItem,
            params={
                "per_page": per_page,
            },
            version=version,
        )

    async def manage(
        self,
        conversation_id: str,
        *,
        message_type: str,
        admin_id: str,
        type: str | None = None,
        body: str | None = None,
        snoozed_until: int | None = None,
        assignee_id: str | None = None,
        version: str | None = None,
    ) -> Conversation:
        """Close, snooze, reopen or assign a conversation; message_type chooses the action.

        Permission: Write conversations (write).
        OAuth scopes: 'Write conversations'.
        Webhook topic fired: conversation.admin.closed.
        Available since API version 2.11.
        HTTP: POST /conversations/{conversation_id}/parts
        """
        from intercom_api.models import Conversation

        return await self._client._call(
            "conversations.manage",
            f"/conversations/{_segment(conversation_id)}/parts",
            Conversation,
            body={
                "message_type": message_type,
                "type": type,
                "admin_id": admin_id,
                "body": body,
                "snoozed_until": snoozed_until,
                "assignee_id": assignee_id,
            },
            version=version,
        )

    async def reply(
        self,
        conversation_id: str,
        *,
        message_type: str,
        type: str,
        body: str | None = None,
        created_at: int | None = None,
        attachment_urls: builtins.list[str] | None = None,
        intercom_user_id: str | None = None,
        attachment_files: builtins.list[dict[str, Any]] | None = None,
        email: str | None = None,
        user_id: str | None = None,
        admin_id: str | None = None,
        version: str | None = None,
    ) -> Conversation:
        """Add a reply or note to a conversation, as a contact or an admin.

        Permission: Write conversations (write).
        OAuth scopes: 'Write conversations'.
        Webhook topic fired: conversation.admin.replied.
        Available since API version 2.11.
        HTTP: POST /conversations/{conversation_id}/reply
        """
        from intercom_api.models import Conversation

        return await self._client._call(
            "conversations.reply",
            f"/conversations/{_segment(conversation_id)}/reply",
            Conversation,
            body={
                "message_type": message_type,
                "type": type,
                "body": body,
                "created_at": created_at,
                "attachment_urls": attachment_urls,
                "intercom_user_id": intercom_user_id,
                "attachment_files": attachment_files,
                "email": email,
                "user_id": user_id,
                "admin_id": admin_id,
            },
            version=version,
        )

    async def retrieve(
        self,
        conversation_id: str,
        *,
        display_as: str | None = None,
        version: str | None = None,
    ) -> Conversation:
        """Fetch one conversation with up to 500 of its parts.

        Permission: Read conversations (read).
        OAuth scopes: 'Read conversations'.
        Webhook topic fired: none.
        Available since API version 2.11.
        HTTP: GET /conversations/{conversation_id}
        """
        from intercom_api.models import Conversation

        return await self._client._call(
            "conversations.retrieve",
            f"/conversations/{_segment(conversation_id)}",
            Conversation,
            params={
                "display_as": display_as,
            },
            version=version,
        )

    def search(
        self,
        *,
        query: dict[str, Any],
        per_page: int | None = None,
        version: str | None = None,
    ) -> AsyncPager[ConversationListItem]:
        """Find conversations that match a filter query.

        Permission: Read conversations (read).
        OAuth scopes: 'Read conversations'.
        Webhook topic fired: none.
        Available since API version 2.11.
        Iterate the result for every record across pages; `.pages()` yields page by page.
        HTTP: POST /conversations/search
        """
        from intercom_api.models import ConversationListItem, PaginatedConversationResponse

        check_per_page(per_page)
        return self._client._pager(
            "conversations.search",
            "/conversations/search",
            PaginatedConversationResponse,
            "conversations",
            ConversationListItem,
            body={
                "query": query,
                "pagination": {"per_page": per_page},
            },
            version=version,
        )


class AsyncDataEvents:
    """Data events.

    Record events a contact performed and read back a contact's recent events.
    """

    def __init__(self, client: AsyncIntercom) -> None:
        self._client = client

    async def list(
        self,
        *,
        type: str,
        user_id: str | None = None,
        intercom_user_id: str | None = None,
        email: str | None = None,
        summary: bool | None = None,
        per_page: int | None = None,
        version: str | None = None,
    ) -> DataEventSummary:
        """List one contact's events; only events under 90 days old can be listed.

        Permission: Read events (read).
        OAuth scopes: 'Read events'.
        Webhook topic fired: none.
        Available since API version 2.11.
        HTTP: GET /events
        """
        from intercom_api.models import DataEventSummary

        check_per_page(per_page)
        return await self._client._call(
            "data_events.list",
            "/events",
            DataEventSummary,
            params={
                "type": type,
                "user_id": user_id,
                "intercom_user_id": intercom_user_id,
                "email": email,
                "summary": summary,
                "per_page": per_page,
            },
            version=version,
        )

    async def submit(
        self,
        *,
        event_name: str,
        created_at: int,
        user_id: str | None = None,
        id: str | None = None,
        email: str | None = None,
        metadata: dict[str, Any] | None = None,
        version: str | None = None,
    ) -> None:
        """Record an event for a user or lead; accepted asynchronously with an empty body.

        Permission: Write events (write).
        OAuth scopes: 'Write events'.
        Webhook topic fired: event.created.
        Available since API version 2.11.
        HTTP: POST /events
        """
        return await self._client._call_without_result(
            "data_events.submit",
            "/events",
            body={
                "event_name": event_name,
                "created_at": created_at,
                "user_id": user_id,
                "id": id,
                "email": email,
                "metadata": metadata,
            },
            version=version,
        )


class AsyncMessages:
    """Messages.

    Send an admin-initiated in-app or email message to a contact, which opens a conversation.
    """

    def __init__(self, client: AsyncIntercom) -> None:
        self._client = client

    async def create(
        self,
        *,
        message_type: str,
        body: str,
        from_: dict[str, Any],
        to: dict[str, Any],
        subject: str | None = None,
        template: str | None = None,
        created_at: int | None = None,
        create_conversation_without_contact_reply: bool | None = None,
        version: str | None = None,
    ) -> Message:
        """Send an in-app or email message from an admin to a contact.

        Permission: Write conversations (write).
        OAuth scopes: 'Write conversations'.
        Webhook topic fired: conversation.admin.single.created.
        Available since API version 2.11.
        HTTP: POST /messages
        """
        from intercom_api.models import Message

        return await self._client._call(
            "messages.create",
            "/messages",
            Message,
            body={
                "message_type": message_type,
                "subject": subject,
                "body": body,
                "template": template,
                "from": from_,
                "to": to,
                "created_at": created_at,
                "create_conversation_without_contact_reply": create_conversation_without_contact_reply,
            },
            version=version,
        )


class AsyncTickets:
    """Tickets.

    Open, fetch and change support tickets, and reply to them.
    """

    def __init__(self, client: AsyncIntercom) -> None:
        self._client = client

    async def create(
        self,
        *,
        ticket_type_id: str,
        contacts: builtins.list[dict[str, Any]],
        company_id: str | None = None,
        created_at: int | None = None,
        ticket_attributes: dict[str, Any] | None = None,
        version: str | None = None,
    ) -> Ticket:
        """Open a ticket of a given ticket type for a contact.

        Permission: Write tickets (write).
        OAuth scopes: 'Write tickets'.
        Webhook topic fired: ticket.created.
        Available since API version 2.11.
        HTTP: POST /tickets
        """
        from intercom_api.models import Ticket

        return await self._client._call(
            "tickets.create",
            "/tickets",
            Ticket,
            body={
                "ticket_type_id": ticket_type_id,
                "contacts": contacts,
                "company_id": company_id,
                "created_at": created_at,
                "ticket_attributes": ticket_attributes,
            },
            version=version,
        )

    async def reply(
        self,
        ticket_id: str,
        *,
        message_type: str,
        type: str,
        body: str | None = None,
        created_at: int | None = None,
        attachment_urls: builtins.list[str] | None = None,
        intercom_user_id: str | None = None,
        user_id: str | None = None,
        email: str | None = None,
        admin_id: str | None = None,
        reply_options: builtins.list[dict[str, Any]] | None = None,
        cross_post: bool | None = None,
        version: str | None = None,
    ) -> TicketReply:
        """Add a comment, note or quick reply to a ticket, as a contact or an admin.

        Permission: Write tickets (write).
        OAuth scopes: 'Write tickets'.
        Webhook topic fired: ticket.admin.replied.
        Available since API version 2.11.
        HTTP: POST /tickets/{ticket_id}/reply
        """
        from intercom_api.models import TicketReply

        return await self._client._call(
            "tickets.reply",
            f"/tickets/{_segment(ticket_id)}/reply",
            TicketReply,
            body={
                "message_type": message_type,
                "type": type,
                "body": body,
                "created_at": created_at,
                "attachment_urls": attachment_urls,
                "intercom_user_id": intercom_user_id,
                "user_id": user_id,
                "email": email,
                "admin_id": admin_id,
                "reply_options": reply_options,
                "cross_post": cross_post,
            },
            version=version,
        )

    async def retrieve(
        self,
        ticket_id: str,
        *,
        version: str | None = None,
    ) -> Ticket:
        """Fetch one ticket by its Intercom id.

        Permission: Read tickets (read).
        OAuth scopes: 'Read tickets'.
        Webhook topic fired: none.
        Available since API version 2.11.
        HTTP: GET /tickets/{ticket_id}
        """
        from intercom_api.models import Ticket

        return await self._client._call(
            "tickets.retrieve",
            f"/tickets/{_segment(ticket_id)}",
            Ticket,
            version=version,
        )

    async def update(
        self,
        ticket_id: str,
        *,
        ticket_attributes: dict[str, Any] | None = None,
        open: bool | None = None,
        is_shared: bool | None = None,
        snoozed_until: int | None = None,
        assignment: dict[str, Any] | None = None,
        ticket_state_id: str | None = None,
        company_id: str | None = None,
        version: str | None = None,
    ) -> Ticket:
        """Change a ticket's attributes, state, visibility or assignee.

        Permission: Write tickets (write).
        OAuth scopes: 'Write tickets'.
        Webhook topic fired: ticket.state.updated.
        Available since API version 2.11.
        HTTP: PUT /tickets/{ticket_id}
        """
        from intercom_api.models import Ticket

        return await self._client._call(
            "tickets.update",
            f"/tickets/{_segment(ticket_id)}",
            Ticket,
            body={
                "ticket_attributes": ticket_attributes,
                "open": open,
                "is_shared": is_shared,
                "snoozed_until": snoozed_until,
                "assignment": assignment,
                "ticket_state_id": ticket_state_id,
                "company_id": company_id,
            },
            version=version,
        )
