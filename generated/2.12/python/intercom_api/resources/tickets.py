"""Tickets: the methods of `client.tickets` for Intercom API 2.12.

Imported on first use of that attribute; each method imports the models it returns on
its first call."""

from __future__ import annotations

import builtins
from typing import TYPE_CHECKING, Any, Literal, cast

from intercom_api.transport import NOT_GIVEN
from intercom_api.transport import segment as _segment

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping
    from intercom_api.client import AsyncIntercom, Intercom
    from intercom_api.models.ticket import Ticket
    from intercom_api.models.ticket_reply import TicketReply
    from intercom_api.params import (
        CreateTicketRequestContactsParam,
        ReplyTicketRequestReplyOptionsParam,
        UpdateTicketRequestAssignmentParam,
    )
    from intercom_api.transport import NotGiven, RawResponse, Timeout


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
        contacts: builtins.list[CreateTicketRequestContactsParam],
        company_id: str | NotGiven = NOT_GIVEN,
        created_at: int | NotGiven = NOT_GIVEN,
        ticket_attributes: dict[str, Any] | NotGiven = NOT_GIVEN,
        version: str | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Ticket:
        """Open a ticket of a given ticket type for a contact.

        Permission: Write tickets (write).
        OAuth scopes: 'Write tickets'.
        Webhook topic fired: ticket.created.
        Available since API version 2.11.
        HTTP: POST /tickets

        Args:
            ticket_type_id: Id of the ticket type to use.
            contacts: Contacts the ticket concerns (currently one).
            company_id: Intercom's id for the company to attach (not your own company_id).
            created_at: Creation time to record, Unix seconds; defaults to now.
            ticket_attributes: Values for the ticket type fields, e.g. _default_title_ and _default_description_.
            version: The Intercom-Version header to send instead of the client's.
            timeout: Seconds to wait for this call (or an httpx.Timeout), instead of the client's.
            extra_headers: Headers to add to this call's request.

        Returns:
            The Ticket Intercom answers.

        Raises:
            IntercomError: for an error answer, as the subclass of its status (NotFoundError, ...);
                APIConnectionError without an answer; APIResponseValidationError for a successful
                answer that is not the documented JSON.
        """
        from intercom_api.models.ticket import Ticket

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
            timeout=timeout,
            extra_headers=extra_headers,
        )

    def reply(
        self,
        ticket_id: str,
        *,
        message_type: Literal["comment", "note", "quick_reply"],
        type: Literal["user", "admin"],
        body: str | NotGiven = NOT_GIVEN,
        created_at: int | NotGiven = NOT_GIVEN,
        attachment_urls: builtins.list[str] | NotGiven = NOT_GIVEN,
        intercom_user_id: str | NotGiven = NOT_GIVEN,
        user_id: str | NotGiven = NOT_GIVEN,
        email: str | NotGiven = NOT_GIVEN,
        admin_id: str | NotGiven = NOT_GIVEN,
        reply_options: builtins.list[ReplyTicketRequestReplyOptionsParam] | NotGiven = NOT_GIVEN,
        cross_post: bool | NotGiven = NOT_GIVEN,
        version: str | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> TicketReply:
        """Add a comment, note or quick reply to a ticket, as a contact or an admin.

        Permission: Write tickets (write).
        OAuth scopes: 'Write tickets'.
        Webhook topic fired: ticket.admin.replied.
        Available since API version 2.11.
        HTTP: POST /tickets/{ticket_id}/reply

        Args:
            ticket_id: The ticket's Intercom id (not the number shown in the Inbox).
            message_type: comment, note or quick_reply (contacts may only comment).
            type: Who is replying: user (a contact) or admin.
            body: Reply text; notes accept some HTML.
            created_at: Reply time to record, Unix seconds; defaults to now.
            attachment_urls: Image URLs to attach (up to 10).
            intercom_user_id: Replying contact's Intercom id (contact replies).
            user_id: Replying contact's external id (contact replies).
            email: Replying contact's email (contact replies).
            admin_id: Replying admin (admin replies).
            reply_options: Buttons to show; needed for quick_reply.
            cross_post: Also post the note to linked conversations and tickets.
            version: The Intercom-Version header to send instead of the client's.
            timeout: Seconds to wait for this call (or an httpx.Timeout), instead of the client's.
            extra_headers: Headers to add to this call's request.

        Returns:
            The TicketReply Intercom answers.

        Raises:
            IntercomError: for an error answer, as the subclass of its status (NotFoundError, ...);
                APIConnectionError without an answer; APIResponseValidationError for a successful
                answer that is not the documented JSON.
            ValueError: for a path parameter that is None or empty, before any request.
        """
        from intercom_api.models.ticket_reply import TicketReply

        return self._client._call(
            "tickets.reply",
            f"/tickets/{_segment(ticket_id, 'ticket_id')}/reply",
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
            timeout=timeout,
            extra_headers=extra_headers,
        )

    def retrieve(
        self,
        ticket_id: str,
        *,
        version: str | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Ticket:
        """Fetch one ticket by its Intercom id.

        Permission: Read tickets (read).
        OAuth scopes: 'Read tickets'.
        Webhook topic fired: none.
        Available since API version 2.11.
        HTTP: GET /tickets/{ticket_id}

        Args:
            ticket_id: The ticket's Intercom id (not the number shown in the Inbox).
            version: The Intercom-Version header to send instead of the client's.
            timeout: Seconds to wait for this call (or an httpx.Timeout), instead of the client's.
            extra_headers: Headers to add to this call's request.

        Returns:
            The Ticket Intercom answers.

        Raises:
            IntercomError: for an error answer, as the subclass of its status (NotFoundError, ...);
                APIConnectionError without an answer; APIResponseValidationError for a successful
                answer that is not the documented JSON.
            ValueError: for a path parameter that is None or empty, before any request.
        """
        from intercom_api.models.ticket import Ticket

        return self._client._call(
            "tickets.retrieve",
            f"/tickets/{_segment(ticket_id, 'ticket_id')}",
            Ticket,
            version=version,
            timeout=timeout,
            extra_headers=extra_headers,
        )

    def update(
        self,
        ticket_id: str,
        *,
        ticket_attributes: dict[str, Any] | NotGiven = NOT_GIVEN,
        open: bool | NotGiven = NOT_GIVEN,
        is_shared: bool | NotGiven = NOT_GIVEN,
        snoozed_until: int | NotGiven = NOT_GIVEN,
        assignment: UpdateTicketRequestAssignmentParam | NotGiven = NOT_GIVEN,
        ticket_state_id: str | NotGiven = NOT_GIVEN,
        company_id: str | NotGiven = NOT_GIVEN,
        version: str | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Ticket:
        """Change a ticket's attributes, state, visibility or assignee.

        Permission: Write tickets (write).
        OAuth scopes: 'Write tickets'.
        Webhook topic fired: ticket.state.updated.
        Available since API version 2.11.
        HTTP: PUT /tickets/{ticket_id}

        Args:
            ticket_id: The ticket's Intercom id (not the number shown in the Inbox).
            ticket_attributes: Field values to change.
            open: Set false to close the ticket.
            is_shared: Whether customers can see the ticket.
            snoozed_until: When the ticket should reopen, Unix seconds.
            assignment: Reassign the ticket.
            ticket_state_id: Id of the ticket state to move the ticket to; it must belong to the ticket's type.
            company_id: Intercom id of the company to associate with the ticket; send null to detach the company.
            version: The Intercom-Version header to send instead of the client's.
            timeout: Seconds to wait for this call (or an httpx.Timeout), instead of the client's.
            extra_headers: Headers to add to this call's request.

        Returns:
            The Ticket Intercom answers.

        Raises:
            IntercomError: for an error answer, as the subclass of its status (NotFoundError, ...);
                APIConnectionError without an answer; APIResponseValidationError for a successful
                answer that is not the documented JSON.
            ValueError: for a path parameter that is None or empty, before any request.
        """
        from intercom_api.models.ticket import Ticket

        return self._client._call(
            "tickets.update",
            f"/tickets/{_segment(ticket_id, 'ticket_id')}",
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
            timeout=timeout,
            extra_headers=extra_headers,
        )


class TicketsWithRawResponse:
    """Tickets, each method answering a RawResponse: see `with_raw_response`."""

    def __init__(self, calls: Intercom) -> None:
        self._resource = Tickets(calls)

    def create(
        self,
        *,
        ticket_type_id: str,
        contacts: builtins.list[CreateTicketRequestContactsParam],
        company_id: str | NotGiven = NOT_GIVEN,
        created_at: int | NotGiven = NOT_GIVEN,
        ticket_attributes: dict[str, Any] | NotGiven = NOT_GIVEN,
        version: str | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> RawResponse[Ticket]:
        """Like `Tickets.create`, answering a RawResponse: `.parse()` gives its result."""
        # Built on the raw stand-in, the resource's method already answers a RawResponse.
        method: Callable[..., Any] = self._resource.create
        answer = method(
            ticket_type_id=ticket_type_id,
            contacts=contacts,
            company_id=company_id,
            created_at=created_at,
            ticket_attributes=ticket_attributes,
            version=version,
            timeout=timeout,
            extra_headers=extra_headers,
        )
        return cast("RawResponse[Ticket]", answer)

    def reply(
        self,
        ticket_id: str,
        *,
        message_type: Literal["comment", "note", "quick_reply"],
        type: Literal["user", "admin"],
        body: str | NotGiven = NOT_GIVEN,
        created_at: int | NotGiven = NOT_GIVEN,
        attachment_urls: builtins.list[str] | NotGiven = NOT_GIVEN,
        intercom_user_id: str | NotGiven = NOT_GIVEN,
        user_id: str | NotGiven = NOT_GIVEN,
        email: str | NotGiven = NOT_GIVEN,
        admin_id: str | NotGiven = NOT_GIVEN,
        reply_options: builtins.list[ReplyTicketRequestReplyOptionsParam] | NotGiven = NOT_GIVEN,
        cross_post: bool | NotGiven = NOT_GIVEN,
        version: str | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> RawResponse[TicketReply]:
        """Like `Tickets.reply`, answering a RawResponse: `.parse()` gives its result."""
        # Built on the raw stand-in, the resource's method already answers a RawResponse.
        method: Callable[..., Any] = self._resource.reply
        answer = method(
            ticket_id,
            message_type=message_type,
            type=type,
            body=body,
            created_at=created_at,
            attachment_urls=attachment_urls,
            intercom_user_id=intercom_user_id,
            user_id=user_id,
            email=email,
            admin_id=admin_id,
            reply_options=reply_options,
            cross_post=cross_post,
            version=version,
            timeout=timeout,
            extra_headers=extra_headers,
        )
        return cast("RawResponse[TicketReply]", answer)

    def retrieve(
        self,
        ticket_id: str,
        *,
        version: str | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> RawResponse[Ticket]:
        """Like `Tickets.retrieve`, answering a RawResponse: `.parse()` gives its result."""
        # Built on the raw stand-in, the resource's method already answers a RawResponse.
        method: Callable[..., Any] = self._resource.retrieve
        answer = method(
            ticket_id,
            version=version,
            timeout=timeout,
            extra_headers=extra_headers,
        )
        return cast("RawResponse[Ticket]", answer)

    def update(
        self,
        ticket_id: str,
        *,
        ticket_attributes: dict[str, Any] | NotGiven = NOT_GIVEN,
        open: bool | NotGiven = NOT_GIVEN,
        is_shared: bool | NotGiven = NOT_GIVEN,
        snoozed_until: int | NotGiven = NOT_GIVEN,
        assignment: UpdateTicketRequestAssignmentParam | NotGiven = NOT_GIVEN,
        ticket_state_id: str | NotGiven = NOT_GIVEN,
        company_id: str | NotGiven = NOT_GIVEN,
        version: str | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> RawResponse[Ticket]:
        """Like `Tickets.update`, answering a RawResponse: `.parse()` gives its result."""
        # Built on the raw stand-in, the resource's method already answers a RawResponse.
        method: Callable[..., Any] = self._resource.update
        answer = method(
            ticket_id,
            ticket_attributes=ticket_attributes,
            open=open,
            is_shared=is_shared,
            snoozed_until=snoozed_until,
            assignment=assignment,
            ticket_state_id=ticket_state_id,
            company_id=company_id,
            version=version,
            timeout=timeout,
            extra_headers=extra_headers,
        )
        return cast("RawResponse[Ticket]", answer)


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
        contacts: builtins.list[CreateTicketRequestContactsParam],
        company_id: str | NotGiven = NOT_GIVEN,
        created_at: int | NotGiven = NOT_GIVEN,
        ticket_attributes: dict[str, Any] | NotGiven = NOT_GIVEN,
        version: str | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Ticket:
        """Open a ticket of a given ticket type for a contact.

        Permission: Write tickets (write).
        OAuth scopes: 'Write tickets'.
        Webhook topic fired: ticket.created.
        Available since API version 2.11.
        HTTP: POST /tickets

        Args:
            ticket_type_id: Id of the ticket type to use.
            contacts: Contacts the ticket concerns (currently one).
            company_id: Intercom's id for the company to attach (not your own company_id).
            created_at: Creation time to record, Unix seconds; defaults to now.
            ticket_attributes: Values for the ticket type fields, e.g. _default_title_ and _default_description_.
            version: The Intercom-Version header to send instead of the client's.
            timeout: Seconds to wait for this call (or an httpx.Timeout), instead of the client's.
            extra_headers: Headers to add to this call's request.

        Returns:
            The Ticket Intercom answers.

        Raises:
            IntercomError: for an error answer, as the subclass of its status (NotFoundError, ...);
                APIConnectionError without an answer; APIResponseValidationError for a successful
                answer that is not the documented JSON.
        """
        from intercom_api.models.ticket import Ticket

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
            timeout=timeout,
            extra_headers=extra_headers,
        )

    async def reply(
        self,
        ticket_id: str,
        *,
        message_type: Literal["comment", "note", "quick_reply"],
        type: Literal["user", "admin"],
        body: str | NotGiven = NOT_GIVEN,
        created_at: int | NotGiven = NOT_GIVEN,
        attachment_urls: builtins.list[str] | NotGiven = NOT_GIVEN,
        intercom_user_id: str | NotGiven = NOT_GIVEN,
        user_id: str | NotGiven = NOT_GIVEN,
        email: str | NotGiven = NOT_GIVEN,
        admin_id: str | NotGiven = NOT_GIVEN,
        reply_options: builtins.list[ReplyTicketRequestReplyOptionsParam] | NotGiven = NOT_GIVEN,
        cross_post: bool | NotGiven = NOT_GIVEN,
        version: str | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> TicketReply:
        """Add a comment, note or quick reply to a ticket, as a contact or an admin.

        Permission: Write tickets (write).
        OAuth scopes: 'Write tickets'.
        Webhook topic fired: ticket.admin.replied.
        Available since API version 2.11.
        HTTP: POST /tickets/{ticket_id}/reply

        Args:
            ticket_id: The ticket's Intercom id (not the number shown in the Inbox).
            message_type: comment, note or quick_reply (contacts may only comment).
            type: Who is replying: user (a contact) or admin.
            body: Reply text; notes accept some HTML.
            created_at: Reply time to record, Unix seconds; defaults to now.
            attachment_urls: Image URLs to attach (up to 10).
            intercom_user_id: Replying contact's Intercom id (contact replies).
            user_id: Replying contact's external id (contact replies).
            email: Replying contact's email (contact replies).
            admin_id: Replying admin (admin replies).
            reply_options: Buttons to show; needed for quick_reply.
            cross_post: Also post the note to linked conversations and tickets.
            version: The Intercom-Version header to send instead of the client's.
            timeout: Seconds to wait for this call (or an httpx.Timeout), instead of the client's.
            extra_headers: Headers to add to this call's request.

        Returns:
            The TicketReply Intercom answers.

        Raises:
            IntercomError: for an error answer, as the subclass of its status (NotFoundError, ...);
                APIConnectionError without an answer; APIResponseValidationError for a successful
                answer that is not the documented JSON.
            ValueError: for a path parameter that is None or empty, before any request.
        """
        from intercom_api.models.ticket_reply import TicketReply

        return await self._client._call(
            "tickets.reply",
            f"/tickets/{_segment(ticket_id, 'ticket_id')}/reply",
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
            timeout=timeout,
            extra_headers=extra_headers,
        )

    async def retrieve(
        self,
        ticket_id: str,
        *,
        version: str | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Ticket:
        """Fetch one ticket by its Intercom id.

        Permission: Read tickets (read).
        OAuth scopes: 'Read tickets'.
        Webhook topic fired: none.
        Available since API version 2.11.
        HTTP: GET /tickets/{ticket_id}

        Args:
            ticket_id: The ticket's Intercom id (not the number shown in the Inbox).
            version: The Intercom-Version header to send instead of the client's.
            timeout: Seconds to wait for this call (or an httpx.Timeout), instead of the client's.
            extra_headers: Headers to add to this call's request.

        Returns:
            The Ticket Intercom answers.

        Raises:
            IntercomError: for an error answer, as the subclass of its status (NotFoundError, ...);
                APIConnectionError without an answer; APIResponseValidationError for a successful
                answer that is not the documented JSON.
            ValueError: for a path parameter that is None or empty, before any request.
        """
        from intercom_api.models.ticket import Ticket

        return await self._client._call(
            "tickets.retrieve",
            f"/tickets/{_segment(ticket_id, 'ticket_id')}",
            Ticket,
            version=version,
            timeout=timeout,
            extra_headers=extra_headers,
        )

    async def update(
        self,
        ticket_id: str,
        *,
        ticket_attributes: dict[str, Any] | NotGiven = NOT_GIVEN,
        open: bool | NotGiven = NOT_GIVEN,
        is_shared: bool | NotGiven = NOT_GIVEN,
        snoozed_until: int | NotGiven = NOT_GIVEN,
        assignment: UpdateTicketRequestAssignmentParam | NotGiven = NOT_GIVEN,
        ticket_state_id: str | NotGiven = NOT_GIVEN,
        company_id: str | NotGiven = NOT_GIVEN,
        version: str | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Ticket:
        """Change a ticket's attributes, state, visibility or assignee.

        Permission: Write tickets (write).
        OAuth scopes: 'Write tickets'.
        Webhook topic fired: ticket.state.updated.
        Available since API version 2.11.
        HTTP: PUT /tickets/{ticket_id}

        Args:
            ticket_id: The ticket's Intercom id (not the number shown in the Inbox).
            ticket_attributes: Field values to change.
            open: Set false to close the ticket.
            is_shared: Whether customers can see the ticket.
            snoozed_until: When the ticket should reopen, Unix seconds.
            assignment: Reassign the ticket.
            ticket_state_id: Id of the ticket state to move the ticket to; it must belong to the ticket's type.
            company_id: Intercom id of the company to associate with the ticket; send null to detach the company.
            version: The Intercom-Version header to send instead of the client's.
            timeout: Seconds to wait for this call (or an httpx.Timeout), instead of the client's.
            extra_headers: Headers to add to this call's request.

        Returns:
            The Ticket Intercom answers.

        Raises:
            IntercomError: for an error answer, as the subclass of its status (NotFoundError, ...);
                APIConnectionError without an answer; APIResponseValidationError for a successful
                answer that is not the documented JSON.
            ValueError: for a path parameter that is None or empty, before any request.
        """
        from intercom_api.models.ticket import Ticket

        return await self._client._call(
            "tickets.update",
            f"/tickets/{_segment(ticket_id, 'ticket_id')}",
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
            timeout=timeout,
            extra_headers=extra_headers,
        )


class AsyncTicketsWithRawResponse:
    """Tickets, each method answering a RawResponse: see `with_raw_response`."""

    def __init__(self, calls: AsyncIntercom) -> None:
        self._resource = AsyncTickets(calls)

    async def create(
        self,
        *,
        ticket_type_id: str,
        contacts: builtins.list[CreateTicketRequestContactsParam],
        company_id: str | NotGiven = NOT_GIVEN,
        created_at: int | NotGiven = NOT_GIVEN,
        ticket_attributes: dict[str, Any] | NotGiven = NOT_GIVEN,
        version: str | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> RawResponse[Ticket]:
        """Like `AsyncTickets.create`, answering a RawResponse: `.parse()` gives its result."""
        # Built on the raw stand-in, the resource's method already answers a RawResponse.
        method: Callable[..., Any] = self._resource.create
        answer = await method(
            ticket_type_id=ticket_type_id,
            contacts=contacts,
            company_id=company_id,
            created_at=created_at,
            ticket_attributes=ticket_attributes,
            version=version,
            timeout=timeout,
            extra_headers=extra_headers,
        )
        return cast("RawResponse[Ticket]", answer)

    async def reply(
        self,
        ticket_id: str,
        *,
        message_type: Literal["comment", "note", "quick_reply"],
        type: Literal["user", "admin"],
        body: str | NotGiven = NOT_GIVEN,
        created_at: int | NotGiven = NOT_GIVEN,
        attachment_urls: builtins.list[str] | NotGiven = NOT_GIVEN,
        intercom_user_id: str | NotGiven = NOT_GIVEN,
        user_id: str | NotGiven = NOT_GIVEN,
        email: str | NotGiven = NOT_GIVEN,
        admin_id: str | NotGiven = NOT_GIVEN,
        reply_options: builtins.list[ReplyTicketRequestReplyOptionsParam] | NotGiven = NOT_GIVEN,
        cross_post: bool | NotGiven = NOT_GIVEN,
        version: str | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> RawResponse[TicketReply]:
        """Like `AsyncTickets.reply`, answering a RawResponse: `.parse()` gives its result."""
        # Built on the raw stand-in, the resource's method already answers a RawResponse.
        method: Callable[..., Any] = self._resource.reply
        answer = await method(
            ticket_id,
            message_type=message_type,
            type=type,
            body=body,
            created_at=created_at,
            attachment_urls=attachment_urls,
            intercom_user_id=intercom_user_id,
            user_id=user_id,
            email=email,
            admin_id=admin_id,
            reply_options=reply_options,
            cross_post=cross_post,
            version=version,
            timeout=timeout,
            extra_headers=extra_headers,
        )
        return cast("RawResponse[TicketReply]", answer)

    async def retrieve(
        self,
        ticket_id: str,
        *,
        version: str | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> RawResponse[Ticket]:
        """Like `AsyncTickets.retrieve`, answering a RawResponse: `.parse()` gives its result."""
        # Built on the raw stand-in, the resource's method already answers a RawResponse.
        method: Callable[..., Any] = self._resource.retrieve
        answer = await method(
            ticket_id,
            version=version,
            timeout=timeout,
            extra_headers=extra_headers,
        )
        return cast("RawResponse[Ticket]", answer)

    async def update(
        self,
        ticket_id: str,
        *,
        ticket_attributes: dict[str, Any] | NotGiven = NOT_GIVEN,
        open: bool | NotGiven = NOT_GIVEN,
        is_shared: bool | NotGiven = NOT_GIVEN,
        snoozed_until: int | NotGiven = NOT_GIVEN,
        assignment: UpdateTicketRequestAssignmentParam | NotGiven = NOT_GIVEN,
        ticket_state_id: str | NotGiven = NOT_GIVEN,
        company_id: str | NotGiven = NOT_GIVEN,
        version: str | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> RawResponse[Ticket]:
        """Like `AsyncTickets.update`, answering a RawResponse: `.parse()` gives its result."""
        # Built on the raw stand-in, the resource's method already answers a RawResponse.
        method: Callable[..., Any] = self._resource.update
        answer = await method(
            ticket_id,
            ticket_attributes=ticket_attributes,
            open=open,
            is_shared=is_shared,
            snoozed_until=snoozed_until,
            assignment=assignment,
            ticket_state_id=ticket_state_id,
            company_id=company_id,
            version=version,
            timeout=timeout,
            extra_headers=extra_headers,
        )
        return cast("RawResponse[Ticket]", answer)
