"""Contacts: the methods of `client.contacts` for Intercom API 2.15.

Imported on first use of that attribute; each method imports the models it returns on
its first call."""

from __future__ import annotations

import builtins
from typing import TYPE_CHECKING, Any, Literal, cast

from intercom_api.transport import NOT_GIVEN, check_per_page, given
from intercom_api.transport import segment as _segment

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping
    from intercom_api.client import AsyncIntercom, Intercom
    from intercom_api.models.contact import Contact
    from intercom_api.models.contact_archived import ContactArchived
    from intercom_api.models.contact_deleted import ContactDeleted
    from intercom_api.models.contact_list import ContactList
    from intercom_api.pagination import AsyncPager, SyncPager
    from intercom_api.params import SearchQueryParam
    from intercom_api.transport import NotGiven, RawResponse, Timeout


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
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> ContactArchived:
        """Archive a contact so it drops out of active lists.

        Permission: Write users (write).
        OAuth scopes: 'Write users and companies'.
        Webhook topic fired: contact.archived.
        Available since API version 2.11.
        HTTP: POST /contacts/{contact_id}/archive

        Args:
            contact_id: The contact's Intercom id.
            version: The Intercom-Version header to send instead of the client's.
            timeout: Seconds to wait for this call (or an httpx.Timeout), instead of the client's.
            extra_headers: Headers to add to this call's request.

        Returns:
            The ContactArchived Intercom answers.

        Raises:
            IntercomError: for an error answer, as the subclass of its status (NotFoundError, ...);
                APIConnectionError without an answer; APIResponseValidationError for a successful
                answer that is not the documented JSON.
            ValueError: for a path parameter that is None or empty, before any request.
        """
        from intercom_api.models.contact_archived import ContactArchived

        return self._client._call(
            "contacts.archive",
            f"/contacts/{_segment(contact_id, 'contact_id')}/archive",
            ContactArchived,
            version=version,
            timeout=timeout,
            extra_headers=extra_headers,
        )

    def create(
        self,
        *,
        role: Literal["user", "lead"] | NotGiven = NOT_GIVEN,
        external_id: str | NotGiven = NOT_GIVEN,
        email: str | NotGiven = NOT_GIVEN,
        phone: str | None | NotGiven = NOT_GIVEN,
        name: str | None | NotGiven = NOT_GIVEN,
        avatar: str | None | NotGiven = NOT_GIVEN,
        signed_up_at: int | None | NotGiven = NOT_GIVEN,
        last_seen_at: int | None | NotGiven = NOT_GIVEN,
        owner_id: int | None | NotGiven = NOT_GIVEN,
        unsubscribed_from_emails: bool | None | NotGiven = NOT_GIVEN,
        custom_attributes: dict[str, Any] | None | NotGiven = NOT_GIVEN,
        language_override: str | None | NotGiven = NOT_GIVEN,
        version: str | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Contact:
        """Add a new user or lead.

        Permission: Write users (write).
        OAuth scopes: 'Write users and companies'.
        Webhook topic fired: contact.user.created.
        Available since API version 2.11.
        HTTP: POST /contacts

        Args:
            role: user or lead.
            external_id: Your own id for the contact.
            email: Email address.
            phone: Phone number.
            name: Full name.
            avatar: Image URL for the profile picture.
            signed_up_at: Sign-up time, Unix seconds.
            last_seen_at: Last activity time, Unix seconds.
            owner_id: Id of the admin who owns the contact.
            unsubscribed_from_emails: Opt the contact out of email.
            custom_attributes: Workspace-defined attributes as free-form key/value pairs.
            language_override: A language code the Messenger should use for the contact whatever their browser settings, such as `en`.
            version: The Intercom-Version header to send instead of the client's.
            timeout: Seconds to wait for this call (or an httpx.Timeout), instead of the client's.
            extra_headers: Headers to add to this call's request.

        Returns:
            The Contact Intercom answers.

        Raises:
            IntercomError: for an error answer, as the subclass of its status (NotFoundError, ...);
                APIConnectionError without an answer; APIResponseValidationError for a successful
                answer that is not the documented JSON.
        """
        from intercom_api.models.contact import Contact

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
                "language_override": language_override,
            },
            version=version,
            timeout=timeout,
            extra_headers=extra_headers,
        )

    def delete(
        self,
        contact_id: str,
        *,
        version: str | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> ContactDeleted:
        """Permanently remove a contact.

        Permission: Write users (write).
        OAuth scopes: 'Write users and companies'.
        Webhook topic fired: contact.deleted.
        Available since API version 2.11.
        HTTP: DELETE /contacts/{contact_id}

        Args:
            contact_id: The contact's Intercom id.
            version: The Intercom-Version header to send instead of the client's.
            timeout: Seconds to wait for this call (or an httpx.Timeout), instead of the client's.
            extra_headers: Headers to add to this call's request.

        Returns:
            The ContactDeleted Intercom answers.

        Raises:
            IntercomError: for an error answer, as the subclass of its status (NotFoundError, ...);
                APIConnectionError without an answer; APIResponseValidationError for a successful
                answer that is not the documented JSON.
            ValueError: for a path parameter that is None or empty, before any request.
        """
        from intercom_api.models.contact_deleted import ContactDeleted

        return self._client._call(
            "contacts.delete",
            f"/contacts/{_segment(contact_id, 'contact_id')}",
            ContactDeleted,
            version=version,
            timeout=timeout,
            extra_headers=extra_headers,
        )

    def list(
        self,
        *,
        per_page: int | NotGiven = NOT_GIVEN,
        version: str | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> SyncPager[Contact]:
        """Page through every contact in the workspace.

        Permission: Read users (read).
        OAuth scopes: 'Read and list users and companies'.
        Webhook topic fired: none.
        Available since API version 2.11.
        Iterate the result for every record across pages; `.pages()` yields page by page.
        HTTP: GET /contacts

        Args:
            per_page: Results per page (default 15; the maximum is 150).
            version: The Intercom-Version header to send instead of the client's.
            timeout: Seconds to wait for this call (or an httpx.Timeout), instead of the client's.
            extra_headers: Headers to add to this call's request.

        Returns:
            A pager over every Contact: it fetches a page only when iteration needs it.

        Raises:
            IntercomError: for an error answer, as the subclass of its status (NotFoundError, ...);
                APIConnectionError without an answer; APIResponseValidationError for a successful
                answer that is not the documented JSON.
            ValueError: for a page size out of range, before any request.
        """
        from intercom_api.models.contact import Contact
        from intercom_api.models.contact_list import ContactList

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
            timeout=timeout,
            extra_headers=extra_headers,
        )

    def retrieve(
        self,
        contact_id: str,
        *,
        version: str | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Contact:
        """Fetch one contact by its Intercom id.

        Permission: Read one user (read).
        OAuth scopes: 'Read one user and one company', 'Read and list users and companies'.
        Webhook topic fired: none.
        Available since API version 2.11.
        HTTP: GET /contacts/{contact_id}

        Args:
            contact_id: The contact's Intercom id.
            version: The Intercom-Version header to send instead of the client's.
            timeout: Seconds to wait for this call (or an httpx.Timeout), instead of the client's.
            extra_headers: Headers to add to this call's request.

        Returns:
            The Contact Intercom answers.

        Raises:
            IntercomError: for an error answer, as the subclass of its status (NotFoundError, ...);
                APIConnectionError without an answer; APIResponseValidationError for a successful
                answer that is not the documented JSON.
            ValueError: for a path parameter that is None or empty, before any request.
        """
        from intercom_api.models.contact import Contact

        return self._client._call(
            "contacts.retrieve",
            f"/contacts/{_segment(contact_id, 'contact_id')}",
            Contact,
            version=version,
            timeout=timeout,
            extra_headers=extra_headers,
        )

    def search(
        self,
        *,
        query: SearchQueryParam,
        per_page: int | NotGiven = NOT_GIVEN,
        version: str | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> SyncPager[Contact]:
        """Find contacts whose attributes match a filter query.

        Permission: Read users (read).
        OAuth scopes: 'Read and list users and companies'.
        Webhook topic fired: none.
        Available since API version 2.11.
        Iterate the result for every record across pages; `.pages()` yields page by page.
        HTTP: POST /contacts/search

        Args:
            query: The filter to apply.
            per_page: Records per page, at most 150.
            version: The Intercom-Version header to send instead of the client's.
            timeout: Seconds to wait for this call (or an httpx.Timeout), instead of the client's.
            extra_headers: Headers to add to this call's request.

        Returns:
            A pager over every Contact: it fetches a page only when iteration needs it.

        Raises:
            IntercomError: for an error answer, as the subclass of its status (NotFoundError, ...);
                APIConnectionError without an answer; APIResponseValidationError for a successful
                answer that is not the documented JSON.
            ValueError: for a page size out of range, before any request.
        """
        from intercom_api.models.contact import Contact
        from intercom_api.models.contact_list import ContactList

        check_per_page(per_page)
        return self._client._pager(
            "contacts.search",
            "/contacts/search",
            ContactList,
            "data",
            Contact,
            body={
                "query": query,
                "pagination": given({"per_page": per_page}),
            },
            version=version,
            timeout=timeout,
            extra_headers=extra_headers,
        )

    def update(
        self,
        contact_id: str,
        *,
        role: Literal["user", "lead"] | NotGiven = NOT_GIVEN,
        external_id: str | NotGiven = NOT_GIVEN,
        email: str | NotGiven = NOT_GIVEN,
        phone: str | None | NotGiven = NOT_GIVEN,
        name: str | None | NotGiven = NOT_GIVEN,
        avatar: str | None | NotGiven = NOT_GIVEN,
        signed_up_at: int | None | NotGiven = NOT_GIVEN,
        last_seen_at: int | None | NotGiven = NOT_GIVEN,
        owner_id: int | None | NotGiven = NOT_GIVEN,
        unsubscribed_from_emails: bool | None | NotGiven = NOT_GIVEN,
        custom_attributes: dict[str, Any] | None | NotGiven = NOT_GIVEN,
        language_override: str | None | NotGiven = NOT_GIVEN,
        version: str | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Contact:
        """Change a contact's details; fields left out stay as they are.

        Permission: Write users (write).
        OAuth scopes: 'Write users and companies'.
        Webhook topic fired: contact.user.updated.
        Available since API version 2.11.
        HTTP: PUT /contacts/{contact_id}

        Args:
            contact_id: The contact's Intercom id.
            role: user or lead.
            external_id: Your own id for the contact.
            email: Email address.
            phone: Phone number.
            name: Full name.
            avatar: Image URL for the profile picture.
            signed_up_at: Sign-up time, Unix seconds.
            last_seen_at: Last activity time, Unix seconds.
            owner_id: Id of the admin who owns the contact.
            unsubscribed_from_emails: Opt the contact out of email.
            custom_attributes: Workspace-defined attributes as free-form key/value pairs.
            language_override: A language code the Messenger should use for the contact whatever their browser settings, such as `en`.
            version: The Intercom-Version header to send instead of the client's.
            timeout: Seconds to wait for this call (or an httpx.Timeout), instead of the client's.
            extra_headers: Headers to add to this call's request.

        Returns:
            The Contact Intercom answers.

        Raises:
            IntercomError: for an error answer, as the subclass of its status (NotFoundError, ...);
                APIConnectionError without an answer; APIResponseValidationError for a successful
                answer that is not the documented JSON.
            ValueError: for a path parameter that is None or empty, before any request.
        """
        from intercom_api.models.contact import Contact

        return self._client._call(
            "contacts.update",
            f"/contacts/{_segment(contact_id, 'contact_id')}",
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
                "language_override": language_override,
            },
            version=version,
            timeout=timeout,
            extra_headers=extra_headers,
        )


class ContactsWithRawResponse:
    """Contacts, each method answering a RawResponse: see `with_raw_response`."""

    def __init__(self, calls: Intercom) -> None:
        self._resource = Contacts(calls)

    def archive(
        self,
        contact_id: str,
        *,
        version: str | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> RawResponse[ContactArchived]:
        """Like `Contacts.archive`, answering a RawResponse: `.parse()` gives its result."""
        # Built on the raw stand-in, the resource's method already answers a RawResponse.
        method: Callable[..., Any] = self._resource.archive
        answer = method(
            contact_id,
            version=version,
            timeout=timeout,
            extra_headers=extra_headers,
        )
        return cast("RawResponse[ContactArchived]", answer)

    def create(
        self,
        *,
        role: Literal["user", "lead"] | NotGiven = NOT_GIVEN,
        external_id: str | NotGiven = NOT_GIVEN,
        email: str | NotGiven = NOT_GIVEN,
        phone: str | None | NotGiven = NOT_GIVEN,
        name: str | None | NotGiven = NOT_GIVEN,
        avatar: str | None | NotGiven = NOT_GIVEN,
        signed_up_at: int | None | NotGiven = NOT_GIVEN,
        last_seen_at: int | None | NotGiven = NOT_GIVEN,
        owner_id: int | None | NotGiven = NOT_GIVEN,
        unsubscribed_from_emails: bool | None | NotGiven = NOT_GIVEN,
        custom_attributes: dict[str, Any] | None | NotGiven = NOT_GIVEN,
        language_override: str | None | NotGiven = NOT_GIVEN,
        version: str | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> RawResponse[Contact]:
        """Like `Contacts.create`, answering a RawResponse: `.parse()` gives its result."""
        # Built on the raw stand-in, the resource's method already answers a RawResponse.
        method: Callable[..., Any] = self._resource.create
        answer = method(
            role=role,
            external_id=external_id,
            email=email,
            phone=phone,
            name=name,
            avatar=avatar,
            signed_up_at=signed_up_at,
            last_seen_at=last_seen_at,
            owner_id=owner_id,
            unsubscribed_from_emails=unsubscribed_from_emails,
            custom_attributes=custom_attributes,
            language_override=language_override,
            version=version,
            timeout=timeout,
            extra_headers=extra_headers,
        )
        return cast("RawResponse[Contact]", answer)

    def delete(
        self,
        contact_id: str,
        *,
        version: str | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> RawResponse[ContactDeleted]:
        """Like `Contacts.delete`, answering a RawResponse: `.parse()` gives its result."""
        # Built on the raw stand-in, the resource's method already answers a RawResponse.
        method: Callable[..., Any] = self._resource.delete
        answer = method(
            contact_id,
            version=version,
            timeout=timeout,
            extra_headers=extra_headers,
        )
        return cast("RawResponse[ContactDeleted]", answer)

    def retrieve(
        self,
        contact_id: str,
        *,
        version: str | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> RawResponse[Contact]:
        """Like `Contacts.retrieve`, answering a RawResponse: `.parse()` gives its result."""
        # Built on the raw stand-in, the resource's method already answers a RawResponse.
        method: Callable[..., Any] = self._resource.retrieve
        answer = method(
            contact_id,
            version=version,
            timeout=timeout,
            extra_headers=extra_headers,
        )
        return cast("RawResponse[Contact]", answer)

    def update(
        self,
        contact_id: str,
        *,
        role: Literal["user", "lead"] | NotGiven = NOT_GIVEN,
        external_id: str | NotGiven = NOT_GIVEN,
        email: str | NotGiven = NOT_GIVEN,
        phone: str | None | NotGiven = NOT_GIVEN,
        name: str | None | NotGiven = NOT_GIVEN,
        avatar: str | None | NotGiven = NOT_GIVEN,
        signed_up_at: int | None | NotGiven = NOT_GIVEN,
        last_seen_at: int | None | NotGiven = NOT_GIVEN,
        owner_id: int | None | NotGiven = NOT_GIVEN,
        unsubscribed_from_emails: bool | None | NotGiven = NOT_GIVEN,
        custom_attributes: dict[str, Any] | None | NotGiven = NOT_GIVEN,
        language_override: str | None | NotGiven = NOT_GIVEN,
        version: str | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> RawResponse[Contact]:
        """Like `Contacts.update`, answering a RawResponse: `.parse()` gives its result."""
        # Built on the raw stand-in, the resource's method already answers a RawResponse.
        method: Callable[..., Any] = self._resource.update
        answer = method(
            contact_id,
            role=role,
            external_id=external_id,
            email=email,
            phone=phone,
            name=name,
            avatar=avatar,
            signed_up_at=signed_up_at,
            last_seen_at=last_seen_at,
            owner_id=owner_id,
            unsubscribed_from_emails=unsubscribed_from_emails,
            custom_attributes=custom_attributes,
            language_override=language_override,
            version=version,
            timeout=timeout,
            extra_headers=extra_headers,
        )
        return cast("RawResponse[Contact]", answer)


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
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> ContactArchived:
        """Archive a contact so it drops out of active lists.

        Permission: Write users (write).
        OAuth scopes: 'Write users and companies'.
        Webhook topic fired: contact.archived.
        Available since API version 2.11.
        HTTP: POST /contacts/{contact_id}/archive

        Args:
            contact_id: The contact's Intercom id.
            version: The Intercom-Version header to send instead of the client's.
            timeout: Seconds to wait for this call (or an httpx.Timeout), instead of the client's.
            extra_headers: Headers to add to this call's request.

        Returns:
            The ContactArchived Intercom answers.

        Raises:
            IntercomError: for an error answer, as the subclass of its status (NotFoundError, ...);
                APIConnectionError without an answer; APIResponseValidationError for a successful
                answer that is not the documented JSON.
            ValueError: for a path parameter that is None or empty, before any request.
        """
        from intercom_api.models.contact_archived import ContactArchived

        return await self._client._call(
            "contacts.archive",
            f"/contacts/{_segment(contact_id, 'contact_id')}/archive",
            ContactArchived,
            version=version,
            timeout=timeout,
            extra_headers=extra_headers,
        )

    async def create(
        self,
        *,
        role: Literal["user", "lead"] | NotGiven = NOT_GIVEN,
        external_id: str | NotGiven = NOT_GIVEN,
        email: str | NotGiven = NOT_GIVEN,
        phone: str | None | NotGiven = NOT_GIVEN,
        name: str | None | NotGiven = NOT_GIVEN,
        avatar: str | None | NotGiven = NOT_GIVEN,
        signed_up_at: int | None | NotGiven = NOT_GIVEN,
        last_seen_at: int | None | NotGiven = NOT_GIVEN,
        owner_id: int | None | NotGiven = NOT_GIVEN,
        unsubscribed_from_emails: bool | None | NotGiven = NOT_GIVEN,
        custom_attributes: dict[str, Any] | None | NotGiven = NOT_GIVEN,
        language_override: str | None | NotGiven = NOT_GIVEN,
        version: str | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Contact:
        """Add a new user or lead.

        Permission: Write users (write).
        OAuth scopes: 'Write users and companies'.
        Webhook topic fired: contact.user.created.
        Available since API version 2.11.
        HTTP: POST /contacts

        Args:
            role: user or lead.
            external_id: Your own id for the contact.
            email: Email address.
            phone: Phone number.
            name: Full name.
            avatar: Image URL for the profile picture.
            signed_up_at: Sign-up time, Unix seconds.
            last_seen_at: Last activity time, Unix seconds.
            owner_id: Id of the admin who owns the contact.
            unsubscribed_from_emails: Opt the contact out of email.
            custom_attributes: Workspace-defined attributes as free-form key/value pairs.
            language_override: A language code the Messenger should use for the contact whatever their browser settings, such as `en`.
            version: The Intercom-Version header to send instead of the client's.
            timeout: Seconds to wait for this call (or an httpx.Timeout), instead of the client's.
            extra_headers: Headers to add to this call's request.

        Returns:
            The Contact Intercom answers.

        Raises:
            IntercomError: for an error answer, as the subclass of its status (NotFoundError, ...);
                APIConnectionError without an answer; APIResponseValidationError for a successful
                answer that is not the documented JSON.
        """
        from intercom_api.models.contact import Contact

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
                "language_override": language_override,
            },
            version=version,
            timeout=timeout,
            extra_headers=extra_headers,
        )

    async def delete(
        self,
        contact_id: str,
        *,
        version: str | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> ContactDeleted:
        """Permanently remove a contact.

        Permission: Write users (write).
        OAuth scopes: 'Write users and companies'.
        Webhook topic fired: contact.deleted.
        Available since API version 2.11.
        HTTP: DELETE /contacts/{contact_id}

        Args:
            contact_id: The contact's Intercom id.
            version: The Intercom-Version header to send instead of the client's.
            timeout: Seconds to wait for this call (or an httpx.Timeout), instead of the client's.
            extra_headers: Headers to add to this call's request.

        Returns:
            The ContactDeleted Intercom answers.

        Raises:
            IntercomError: for an error answer, as the subclass of its status (NotFoundError, ...);
                APIConnectionError without an answer; APIResponseValidationError for a successful
                answer that is not the documented JSON.
            ValueError: for a path parameter that is None or empty, before any request.
        """
        from intercom_api.models.contact_deleted import ContactDeleted

        return await self._client._call(
            "contacts.delete",
            f"/contacts/{_segment(contact_id, 'contact_id')}",
            ContactDeleted,
            version=version,
            timeout=timeout,
            extra_headers=extra_headers,
        )

    def list(
        self,
        *,
        per_page: int | NotGiven = NOT_GIVEN,
        version: str | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> AsyncPager[Contact]:
        """Page through every contact in the workspace.

        Permission: Read users (read).
        OAuth scopes: 'Read and list users and companies'.
        Webhook topic fired: none.
        Available since API version 2.11.
        Iterate the result for every record across pages; `.pages()` yields page by page.
        HTTP: GET /contacts

        Args:
            per_page: Results per page (default 15; the maximum is 150).
            version: The Intercom-Version header to send instead of the client's.
            timeout: Seconds to wait for this call (or an httpx.Timeout), instead of the client's.
            extra_headers: Headers to add to this call's request.

        Returns:
            A pager over every Contact: it fetches a page only when iteration needs it.

        Raises:
            IntercomError: for an error answer, as the subclass of its status (NotFoundError, ...);
                APIConnectionError without an answer; APIResponseValidationError for a successful
                answer that is not the documented JSON.
            ValueError: for a page size out of range, before any request.
        """
        from intercom_api.models.contact import Contact
        from intercom_api.models.contact_list import ContactList

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
            timeout=timeout,
            extra_headers=extra_headers,
        )

    async def retrieve(
        self,
        contact_id: str,
        *,
        version: str | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Contact:
        """Fetch one contact by its Intercom id.

        Permission: Read one user (read).
        OAuth scopes: 'Read one user and one company', 'Read and list users and companies'.
        Webhook topic fired: none.
        Available since API version 2.11.
        HTTP: GET /contacts/{contact_id}

        Args:
            contact_id: The contact's Intercom id.
            version: The Intercom-Version header to send instead of the client's.
            timeout: Seconds to wait for this call (or an httpx.Timeout), instead of the client's.
            extra_headers: Headers to add to this call's request.

        Returns:
            The Contact Intercom answers.

        Raises:
            IntercomError: for an error answer, as the subclass of its status (NotFoundError, ...);
                APIConnectionError without an answer; APIResponseValidationError for a successful
                answer that is not the documented JSON.
            ValueError: for a path parameter that is None or empty, before any request.
        """
        from intercom_api.models.contact import Contact

        return await self._client._call(
            "contacts.retrieve",
            f"/contacts/{_segment(contact_id, 'contact_id')}",
            Contact,
            version=version,
            timeout=timeout,
            extra_headers=extra_headers,
        )

    def search(
        self,
        *,
        query: SearchQueryParam,
        per_page: int | NotGiven = NOT_GIVEN,
        version: str | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> AsyncPager[Contact]:
        """Find contacts whose attributes match a filter query.

        Permission: Read users (read).
        OAuth scopes: 'Read and list users and companies'.
        Webhook topic fired: none.
        Available since API version 2.11.
        Iterate the result for every record across pages; `.pages()` yields page by page.
        HTTP: POST /contacts/search

        Args:
            query: The filter to apply.
            per_page: Records per page, at most 150.
            version: The Intercom-Version header to send instead of the client's.
            timeout: Seconds to wait for this call (or an httpx.Timeout), instead of the client's.
            extra_headers: Headers to add to this call's request.

        Returns:
            A pager over every Contact: it fetches a page only when iteration needs it.

        Raises:
            IntercomError: for an error answer, as the subclass of its status (NotFoundError, ...);
                APIConnectionError without an answer; APIResponseValidationError for a successful
                answer that is not the documented JSON.
            ValueError: for a page size out of range, before any request.
        """
        from intercom_api.models.contact import Contact
        from intercom_api.models.contact_list import ContactList

        check_per_page(per_page)
        return self._client._pager(
            "contacts.search",
            "/contacts/search",
            ContactList,
            "data",
            Contact,
            body={
                "query": query,
                "pagination": given({"per_page": per_page}),
            },
            version=version,
            timeout=timeout,
            extra_headers=extra_headers,
        )

    async def update(
        self,
        contact_id: str,
        *,
        role: Literal["user", "lead"] | NotGiven = NOT_GIVEN,
        external_id: str | NotGiven = NOT_GIVEN,
        email: str | NotGiven = NOT_GIVEN,
        phone: str | None | NotGiven = NOT_GIVEN,
        name: str | None | NotGiven = NOT_GIVEN,
        avatar: str | None | NotGiven = NOT_GIVEN,
        signed_up_at: int | None | NotGiven = NOT_GIVEN,
        last_seen_at: int | None | NotGiven = NOT_GIVEN,
        owner_id: int | None | NotGiven = NOT_GIVEN,
        unsubscribed_from_emails: bool | None | NotGiven = NOT_GIVEN,
        custom_attributes: dict[str, Any] | None | NotGiven = NOT_GIVEN,
        language_override: str | None | NotGiven = NOT_GIVEN,
        version: str | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Contact:
        """Change a contact's details; fields left out stay as they are.

        Permission: Write users (write).
        OAuth scopes: 'Write users and companies'.
        Webhook topic fired: contact.user.updated.
        Available since API version 2.11.
        HTTP: PUT /contacts/{contact_id}

        Args:
            contact_id: The contact's Intercom id.
            role: user or lead.
            external_id: Your own id for the contact.
            email: Email address.
            phone: Phone number.
            name: Full name.
            avatar: Image URL for the profile picture.
            signed_up_at: Sign-up time, Unix seconds.
            last_seen_at: Last activity time, Unix seconds.
            owner_id: Id of the admin who owns the contact.
            unsubscribed_from_emails: Opt the contact out of email.
            custom_attributes: Workspace-defined attributes as free-form key/value pairs.
            language_override: A language code the Messenger should use for the contact whatever their browser settings, such as `en`.
            version: The Intercom-Version header to send instead of the client's.
            timeout: Seconds to wait for this call (or an httpx.Timeout), instead of the client's.
            extra_headers: Headers to add to this call's request.

        Returns:
            The Contact Intercom answers.

        Raises:
            IntercomError: for an error answer, as the subclass of its status (NotFoundError, ...);
                APIConnectionError without an answer; APIResponseValidationError for a successful
                answer that is not the documented JSON.
            ValueError: for a path parameter that is None or empty, before any request.
        """
        from intercom_api.models.contact import Contact

        return await self._client._call(
            "contacts.update",
            f"/contacts/{_segment(contact_id, 'contact_id')}",
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
                "language_override": language_override,
            },
            version=version,
            timeout=timeout,
            extra_headers=extra_headers,
        )


class AsyncContactsWithRawResponse:
    """Contacts, each method answering a RawResponse: see `with_raw_response`."""

    def __init__(self, calls: AsyncIntercom) -> None:
        self._resource = AsyncContacts(calls)

    async def archive(
        self,
        contact_id: str,
        *,
        version: str | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> RawResponse[ContactArchived]:
        """Like `AsyncContacts.archive`, answering a RawResponse: `.parse()` gives its result."""
        # Built on the raw stand-in, the resource's method already answers a RawResponse.
        method: Callable[..., Any] = self._resource.archive
        answer = await method(
            contact_id,
            version=version,
            timeout=timeout,
            extra_headers=extra_headers,
        )
        return cast("RawResponse[ContactArchived]", answer)

    async def create(
        self,
        *,
        role: Literal["user", "lead"] | NotGiven = NOT_GIVEN,
        external_id: str | NotGiven = NOT_GIVEN,
        email: str | NotGiven = NOT_GIVEN,
        phone: str | None | NotGiven = NOT_GIVEN,
        name: str | None | NotGiven = NOT_GIVEN,
        avatar: str | None | NotGiven = NOT_GIVEN,
        signed_up_at: int | None | NotGiven = NOT_GIVEN,
        last_seen_at: int | None | NotGiven = NOT_GIVEN,
        owner_id: int | None | NotGiven = NOT_GIVEN,
        unsubscribed_from_emails: bool | None | NotGiven = NOT_GIVEN,
        custom_attributes: dict[str, Any] | None | NotGiven = NOT_GIVEN,
        language_override: str | None | NotGiven = NOT_GIVEN,
        version: str | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> RawResponse[Contact]:
        """Like `AsyncContacts.create`, answering a RawResponse: `.parse()` gives its result."""
        # Built on the raw stand-in, the resource's method already answers a RawResponse.
        method: Callable[..., Any] = self._resource.create
        answer = await method(
            role=role,
            external_id=external_id,
            email=email,
            phone=phone,
            name=name,
            avatar=avatar,
            signed_up_at=signed_up_at,
            last_seen_at=last_seen_at,
            owner_id=owner_id,
            unsubscribed_from_emails=unsubscribed_from_emails,
            custom_attributes=custom_attributes,
            language_override=language_override,
            version=version,
            timeout=timeout,
            extra_headers=extra_headers,
        )
        return cast("RawResponse[Contact]", answer)

    async def delete(
        self,
        contact_id: str,
        *,
        version: str | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> RawResponse[ContactDeleted]:
        """Like `AsyncContacts.delete`, answering a RawResponse: `.parse()` gives its result."""
        # Built on the raw stand-in, the resource's method already answers a RawResponse.
        method: Callable[..., Any] = self._resource.delete
        answer = await method(
            contact_id,
            version=version,
            timeout=timeout,
            extra_headers=extra_headers,
        )
        return cast("RawResponse[ContactDeleted]", answer)

    async def retrieve(
        self,
        contact_id: str,
        *,
        version: str | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> RawResponse[Contact]:
        """Like `AsyncContacts.retrieve`, answering a RawResponse: `.parse()` gives its result."""
        # Built on the raw stand-in, the resource's method already answers a RawResponse.
        method: Callable[..., Any] = self._resource.retrieve
        answer = await method(
            contact_id,
            version=version,
            timeout=timeout,
            extra_headers=extra_headers,
        )
        return cast("RawResponse[Contact]", answer)

    async def update(
        self,
        contact_id: str,
        *,
        role: Literal["user", "lead"] | NotGiven = NOT_GIVEN,
        external_id: str | NotGiven = NOT_GIVEN,
        email: str | NotGiven = NOT_GIVEN,
        phone: str | None | NotGiven = NOT_GIVEN,
        name: str | None | NotGiven = NOT_GIVEN,
        avatar: str | None | NotGiven = NOT_GIVEN,
        signed_up_at: int | None | NotGiven = NOT_GIVEN,
        last_seen_at: int | None | NotGiven = NOT_GIVEN,
        owner_id: int | None | NotGiven = NOT_GIVEN,
        unsubscribed_from_emails: bool | None | NotGiven = NOT_GIVEN,
        custom_attributes: dict[str, Any] | None | NotGiven = NOT_GIVEN,
        language_override: str | None | NotGiven = NOT_GIVEN,
        version: str | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> RawResponse[Contact]:
        """Like `AsyncContacts.update`, answering a RawResponse: `.parse()` gives its result."""
        # Built on the raw stand-in, the resource's method already answers a RawResponse.
        method: Callable[..., Any] = self._resource.update
        answer = await method(
            contact_id,
            role=role,
            external_id=external_id,
            email=email,
            phone=phone,
            name=name,
            avatar=avatar,
            signed_up_at=signed_up_at,
            last_seen_at=last_seen_at,
            owner_id=owner_id,
            unsubscribed_from_emails=unsubscribed_from_emails,
            custom_attributes=custom_attributes,
            language_override=language_override,
            version=version,
            timeout=timeout,
            extra_headers=extra_headers,
        )
        return cast("RawResponse[Contact]", answer)
