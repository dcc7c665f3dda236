"""Messages: the methods of `client.messages` for Intercom API 2.12.

Imported on first use of that attribute; each method imports the models it returns on
its first call."""

from __future__ import annotations

import builtins
from typing import TYPE_CHECKING, Any, Literal, cast

from intercom_api.transport import NOT_GIVEN

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping
    from intercom_api.client import AsyncIntercom, Intercom
    from intercom_api.models.message import Message
    from intercom_api.params import CreateMessageRequestFromParam, CreateMessageRequestToParam
    from intercom_api.transport import NotGiven, RawResponse, Timeout


class Messages:
    """Messages.

    Send an admin-initiated in-app or email message to a contact, which opens a conversation.
    """

    def __init__(self, client: Intercom) -> None:
        self._client = client

    def create(
        self,
        *,
        message_type: Literal["in_app", "email"],
        body: str,
        from_: CreateMessageRequestFromParam,
        to: CreateMessageRequestToParam,
        subject: str | NotGiven = NOT_GIVEN,
        template: str | NotGiven = NOT_GIVEN,
        created_at: int | NotGiven = NOT_GIVEN,
        create_conversation_without_contact_reply: bool | NotGiven = NOT_GIVEN,
        version: str | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Message:
        """Send an in-app or email message from an admin to a contact.

        Permission: Write conversations (write).
        OAuth scopes: 'Write conversations'.
        Webhook topic fired: conversation.admin.single.created.
        Available since API version 2.11.
        HTTP: POST /messages

        Args:
            message_type: in_app or email.
            body: Message text; HTML or plain text.
            from_: The sender (an admin).
            to: The recipient contact.
            subject: Email subject line.
            template: Email style: plain or personal.
            created_at: Send time to record, Unix seconds; defaults to now.
            create_conversation_without_contact_reply: Open the conversation in the inbox straight away instead of waiting for a reply.
            version: The Intercom-Version header to send instead of the client's.
            timeout: Seconds to wait for this call (or an httpx.Timeout), instead of the client's.
            extra_headers: Headers to add to this call's request.

        Returns:
            The Message Intercom answers.

        Raises:
            IntercomError: for an error answer, as the subclass of its status (NotFoundError, ...);
                APIConnectionError without an answer; APIResponseValidationError for a successful
                answer that is not the documented JSON.
        """
        from intercom_api.models.message import Message

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
            timeout=timeout,
            extra_headers=extra_headers,
        )


class MessagesWithRawResponse:
    """Messages, each method answering a RawResponse: see `with_raw_response`."""

    def __init__(self, calls: Intercom) -> None:
        self._resource = Messages(calls)

    def create(
        self,
        *,
        message_type: Literal["in_app", "email"],
        body: str,
        from_: CreateMessageRequestFromParam,
        to: CreateMessageRequestToParam,
        subject: str | NotGiven = NOT_GIVEN,
        template: str | NotGiven = NOT_GIVEN,
        created_at: int | NotGiven = NOT_GIVEN,
        create_conversation_without_contact_reply: bool | NotGiven = NOT_GIVEN,
        version: str | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> RawResponse[Message]:
        """Like `Messages.create`, answering a RawResponse: `.parse()` gives its result."""
        # Built on the raw stand-in, the resource's method already answers a RawResponse.
        method: Callable[..., Any] = self._resource.create
        answer = method(
            message_type=message_type,
            body=body,
            from_=from_,
            to=to,
            subject=subject,
            template=template,
            created_at=created_at,
            create_conversation_without_contact_reply=create_conversation_without_contact_reply,
            version=version,
            timeout=timeout,
            extra_headers=extra_headers,
        )
        return cast("RawResponse[Message]", answer)


class AsyncMessages:
    """Messages.

    Send an admin-initiated in-app or email message to a contact, which opens a conversation.
    """

    def __init__(self, client: AsyncIntercom) -> None:
        self._client = client

    async def create(
        self,
        *,
        message_type: Literal["in_app", "email"],
        body: str,
        from_: CreateMessageRequestFromParam,
        to: CreateMessageRequestToParam,
        subject: str | NotGiven = NOT_GIVEN,
        template: str | NotGiven = NOT_GIVEN,
        created_at: int | NotGiven = NOT_GIVEN,
        create_conversation_without_contact_reply: bool | NotGiven = NOT_GIVEN,
        version: str | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Message:
        """Send an in-app or email message from an admin to a contact.

        Permission: Write conversations (write).
        OAuth scopes: 'Write conversations'.
        Webhook topic fired: conversation.admin.single.created.
        Available since API version 2.11.
        HTTP: POST /messages

        Args:
            message_type: in_app or email.
            body: Message text; HTML or plain text.
            from_: The sender (an admin).
            to: The recipient contact.
            subject: Email subject line.
            template: Email style: plain or personal.
            created_at: Send time to record, Unix seconds; defaults to now.
            create_conversation_without_contact_reply: Open the conversation in the inbox straight away instead of waiting for a reply.
            version: The Intercom-Version header to send instead of the client's.
            timeout: Seconds to wait for this call (or an httpx.Timeout), instead of the client's.
            extra_headers: Headers to add to this call's request.

        Returns:
            The Message Intercom answers.

        Raises:
            IntercomError: for an error answer, as the subclass of its status (NotFoundError, ...);
                APIConnectionError without an answer; APIResponseValidationError for a successful
                answer that is not the documented JSON.
        """
        from intercom_api.models.message import Message

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
            timeout=timeout,
            extra_headers=extra_headers,
        )


class AsyncMessagesWithRawResponse:
    """Messages, each method answering a RawResponse: see `with_raw_response`."""

    def __init__(self, calls: AsyncIntercom) -> None:
        self._resource = AsyncMessages(calls)

    async def create(
        self,
        *,
        message_type: Literal["in_app", "email"],
        body: str,
        from_: CreateMessageRequestFromParam,
        to: CreateMessageRequestToParam,
        subject: str | NotGiven = NOT_GIVEN,
        template: str | NotGiven = NOT_GIVEN,
        created_at: int | NotGiven = NOT_GIVEN,
        create_conversation_without_contact_reply: bool | NotGiven = NOT_GIVEN,
        version: str | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> RawResponse[Message]:
        """Like `AsyncMessages.create`, answering a RawResponse: `.parse()` gives its result."""
        # Built on the raw stand-in, the resource's method already answers a RawResponse.
        method: Callable[..., Any] = self._resource.create
        answer = await method(
            message_type=message_type,
            body=body,
            from_=from_,
            to=to,
            subject=subject,
            template=template,
            created_at=created_at,
            create_conversation_without_contact_reply=create_conversation_without_contact_reply,
            version=version,
            timeout=timeout,
            extra_headers=extra_headers,
        )
        return cast("RawResponse[Message]", answer)
