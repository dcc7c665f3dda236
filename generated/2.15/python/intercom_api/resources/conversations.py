"""Conversations: the methods of `client.conversations` for Intercom API 2.15.

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
    from intercom_api.models.conversation import Conversation
    from intercom_api.models.conversation_list_item import ConversationListItem
    from intercom_api.models.message import Message
    from intercom_api.models.paginated_conversation_response import PaginatedConversationResponse
    from intercom_api.pagination import AsyncPager, SyncPager
    from intercom_api.params import (
        ConversationAttachmentFilesParam,
        CreateConversationRequestFromParam,
        ManageConversationRequestMessageTypeValue,
        QuickReplyOptionParam,
        SearchQueryParam,
    )
    from intercom_api.transport import NotGiven, RawResponse, Timeout


class Conversations:
    """Conversations.

    Start, read, list and search conversations, reply to them, and close, snooze, reopen or assign them.
    """

    def __init__(self, client: Intercom) -> None:
        self._client = client

    def create(
        self,
        *,
        from_: CreateConversationRequestFromParam,
        body: str,
        subject: str | NotGiven = NOT_GIVEN,
        attachment_urls: builtins.list[str] | NotGiven = NOT_GIVEN,
        created_at: int | NotGiven = NOT_GIVEN,
        version: str | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Message:
        """Start a conversation on behalf of a contact.

        Permission: Write conversations (write).
        OAuth scopes: 'Write conversations'.
        Webhook topic fired: conversation.user.created.
        Available since API version 2.11.
        HTTP: POST /conversations

        Args:
            from_: The contact writing in.
            body: Message text (no HTML).
            subject: Email subject, for email conversations.
            attachment_urls: Image URLs to attach (up to 10).
            created_at: Creation time to record, Unix seconds; defaults to now.
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
    ) -> SyncPager[ConversationListItem]:
        """Page through every conversation in the workspace.

        Permission: Read conversations (read).
        OAuth scopes: 'Read conversations'.
        Webhook topic fired: none.
        Available since API version 2.11.
        Iterate the result for every record across pages; `.pages()` yields page by page.
        HTTP: GET /conversations

        Args:
            per_page: Results per page (default 20; the maximum is 150).
            version: The Intercom-Version header to send instead of the client's.
            timeout: Seconds to wait for this call (or an httpx.Timeout), instead of the client's.
            extra_headers: Headers to add to this call's request.

        Returns:
            A pager over every ConversationListItem: it fetches a page only when iteration needs it.

        Raises:
            IntercomError: for an error answer, as the subclass of its status (NotFoundError, ...);
                APIConnectionError without an answer; APIResponseValidationError for a successful
                answer that is not the documented JSON.
            ValueError: for a page size out of range, before any request.
        """
        from intercom_api.models.conversation_list_item import ConversationListItem
        from intercom_api.models.paginated_conversation_response import (
            PaginatedConversationResponse,
        )

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
            timeout=timeout,
            extra_headers=extra_headers,
        )

    def manage(
        self,
        conversation_id: str,
        *,
        message_type: ManageConversationRequestMessageTypeValue,
        admin_id: str,
        type: Literal["admin", "team"] | NotGiven = NOT_GIVEN,
        body: str | NotGiven = NOT_GIVEN,
        snoozed_until: int | NotGiven = NOT_GIVEN,
        assignee_id: str | NotGiven = NOT_GIVEN,
        version: str | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Conversation:
        """Close, snooze, reopen or assign a conversation; message_type chooses the action.

        Permission: Write conversations (write).
        OAuth scopes: 'Write conversations'.
        Webhook topic fired: conversation.admin.closed.
        Available since API version 2.11.
        HTTP: POST /conversations/{conversation_id}/parts

        Args:
            conversation_id: The conversation's Intercom id.
            message_type: The action: close, snoozed, open or assignment.
            admin_id: Admin carrying out the action.
            type: admin for close; admin or team for assignment.
            body: Optional message to post with a close or assignment.
            snoozed_until: When a snoozed conversation reopens, Unix seconds (snoozed only).
            assignee_id: Admin or team receiving the conversation; 0 unassigns (assignment only).
            version: The Intercom-Version header to send instead of the client's.
            timeout: Seconds to wait for this call (or an httpx.Timeout), instead of the client's.
            extra_headers: Headers to add to this call's request.

        Returns:
            The Conversation Intercom answers.

        Raises:
            IntercomError: for an error answer, as the subclass of its status (NotFoundError, ...);
                APIConnectionError without an answer; APIResponseValidationError for a successful
                answer that is not the documented JSON.
            ValueError: for a path parameter that is None or empty, before any request.
        """
        from intercom_api.models.conversation import Conversation

        return self._client._call(
            "conversations.manage",
            f"/conversations/{_segment(conversation_id, 'conversation_id')}/parts",
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
            timeout=timeout,
            extra_headers=extra_headers,
        )

    def reply(
        self,
        conversation_id: str,
        *,
        message_type: Literal["comment", "note", "quick_reply"],
        type: Literal["user", "admin"],
        body: str | NotGiven = NOT_GIVEN,
        created_at: int | NotGiven = NOT_GIVEN,
        attachment_urls: builtins.list[str] | NotGiven = NOT_GIVEN,
        intercom_user_id: str | NotGiven = NOT_GIVEN,
        attachment_files: builtins.list[ConversationAttachmentFilesParam] | NotGiven = NOT_GIVEN,
        email: str | NotGiven = NOT_GIVEN,
        user_id: str | NotGiven = NOT_GIVEN,
        admin_id: str | NotGiven = NOT_GIVEN,
        reply_options: builtins.list[QuickReplyOptionParam] | NotGiven = NOT_GIVEN,
        skip_notifications: bool | NotGiven = NOT_GIVEN,
        version: str | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Conversation:
        """Add a reply or note to a conversation, as a contact or an admin.

        Permission: Write conversations (write).
        OAuth scopes: 'Write conversations'.
        Webhook topic fired: conversation.admin.replied.
        Available since API version 2.11.
        HTTP: POST /conversations/{conversation_id}/reply

        Args:
            conversation_id: The conversation's Intercom id, or last to reply to the most recent conversation.
            message_type: comment or note (contacts may only comment).
            type: Who is replying: user (a contact) or admin.
            body: Reply text; notes accept some HTML.
            created_at: Reply time to record, Unix seconds; defaults to now.
            attachment_urls: Image URLs to attach (up to 10).
            intercom_user_id: Replying contact's Intercom id (contact replies).
            attachment_files: Files to attach inline as base64 (up to 10).
            email: Replying contact's email (contact replies).
            user_id: Replying contact's external id (contact replies).
            admin_id: Replying admin (admin replies).
            reply_options: The options offered to the contact; required when message_type is quick_reply.
            skip_notifications: Set to true to store the reply without sending notifications about it.
            version: The Intercom-Version header to send instead of the client's.
            timeout: Seconds to wait for this call (or an httpx.Timeout), instead of the client's.
            extra_headers: Headers to add to this call's request.

        Returns:
            The Conversation Intercom answers.

        Raises:
            IntercomError: for an error answer, as the subclass of its status (NotFoundError, ...);
                APIConnectionError without an answer; APIResponseValidationError for a successful
                answer that is not the documented JSON.
            ValueError: for a path parameter that is None or empty, before any request.
        """
        from intercom_api.models.conversation import Conversation

        return self._client._call(
            "conversations.reply",
            f"/conversations/{_segment(conversation_id, 'conversation_id')}/reply",
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
                "reply_options": reply_options,
                "skip_notifications": skip_notifications,
            },
            version=version,
            timeout=timeout,
            extra_headers=extra_headers,
        )

    def retrieve(
        self,
        conversation_id: str,
        *,
        display_as: str | NotGiven = NOT_GIVEN,
        include_translations: bool | NotGiven = NOT_GIVEN,
        version: str | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Conversation:
        """Fetch one conversation with up to 500 of its parts.

        Permission: Read conversations (read).
        OAuth scopes: 'Read conversations'.
        Webhook topic fired: none.
        Available since API version 2.11.
        HTTP: GET /conversations/{conversation_id}

        Args:
            conversation_id: The conversation's Intercom id.
            display_as: Set to plaintext to get message bodies as plain text.
            include_translations: Set to true to get the conversation parts translated into the conversation's detected language.
            version: The Intercom-Version header to send instead of the client's.
            timeout: Seconds to wait for this call (or an httpx.Timeout), instead of the client's.
            extra_headers: Headers to add to this call's request.

        Returns:
            The Conversation Intercom answers.

        Raises:
            IntercomError: for an error answer, as the subclass of its status (NotFoundError, ...);
                APIConnectionError without an answer; APIResponseValidationError for a successful
                answer that is not the documented JSON.
            ValueError: for a path parameter that is None or empty, before any request.
        """
        from intercom_api.models.conversation import Conversation

        return self._client._call(
            "conversations.retrieve",
            f"/conversations/{_segment(conversation_id, 'conversation_id')}",
            Conversation,
            params={
                "display_as": display_as,
                "include_translations": include_translations,
            },
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
    ) -> SyncPager[ConversationListItem]:
        """Find conversations that match a filter query.

        Permission: Read conversations (read).
        OAuth scopes: 'Read conversations'.
        Webhook topic fired: none.
        Available since API version 2.11.
        Iterate the result for every record across pages; `.pages()` yields page by page.
        HTTP: POST /conversations/search

        Args:
            query: The filter to apply.
            per_page: Records per page, at most 150.
            version: The Intercom-Version header to send instead of the client's.
            timeout: Seconds to wait for this call (or an httpx.Timeout), instead of the client's.
            extra_headers: Headers to add to this call's request.

        Returns:
            A pager over every ConversationListItem: it fetches a page only when iteration needs it.

        Raises:
            IntercomError: for an error answer, as the subclass of its status (NotFoundError, ...);
                APIConnectionError without an answer; APIResponseValidationError for a successful
                answer that is not the documented JSON.
            ValueError: for a page size out of range, before any request.
        """
        from intercom_api.models.conversation_list_item import ConversationListItem
        from intercom_api.models.paginated_conversation_response import (
            PaginatedConversationResponse,
        )

        check_per_page(per_page)
        return self._client._pager(
            "conversations.search",
            "/conversations/search",
            PaginatedConversationResponse,
            "conversations",
            ConversationListItem,
            body={
                "query": query,
                "pagination": given({"per_page": per_page}),
            },
            version=version,
            timeout=timeout,
            extra_headers=extra_headers,
        )


class ConversationsWithRawResponse:
    """Conversations, each method answering a RawResponse: see `with_raw_response`."""

    def __init__(self, calls: Intercom) -> None:
        self._resource = Conversations(calls)

    def create(
        self,
        *,
        from_: CreateConversationRequestFromParam,
        body: str,
        subject: str | NotGiven = NOT_GIVEN,
        attachment_urls: builtins.list[str] | NotGiven = NOT_GIVEN,
        created_at: int | NotGiven = NOT_GIVEN,
        version: str | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> RawResponse[Message]:
        """Like `Conversations.create`, answering a RawResponse: `.parse()` gives its result."""
        # Built on the raw stand-in, the resource's method already answers a RawResponse.
        method: Callable[..., Any] = self._resource.create
        answer = method(
            from_=from_,
            body=body,
            subject=subject,
            attachment_urls=attachment_urls,
            created_at=created_at,
            version=version,
            timeout=timeout,
            extra_headers=extra_headers,
        )
        return cast("RawResponse[Message]", answer)

    def manage(
        self,
        conversation_id: str,
        *,
        message_type: ManageConversationRequestMessageTypeValue,
        admin_id: str,
        type: Literal["admin", "team"] | NotGiven = NOT_GIVEN,
        body: str | NotGiven = NOT_GIVEN,
        snoozed_until: int | NotGiven = NOT_GIVEN,
        assignee_id: str | NotGiven = NOT_GIVEN,
        version: str | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> RawResponse[Conversation]:
        """Like `Conversations.manage`, answering a RawResponse: `.parse()` gives its result."""
        # Built on the raw stand-in, the resource's method already answers a RawResponse.
        method: Callable[..., Any] = self._resource.manage
        answer = method(
            conversation_id,
            message_type=message_type,
            admin_id=admin_id,
            type=type,
            body=body,
            snoozed_until=snoozed_until,
            assignee_id=assignee_id,
            version=version,
            timeout=timeout,
            extra_headers=extra_headers,
        )
        return cast("RawResponse[Conversation]", answer)

    def reply(
        self,
        conversation_id: str,
        *,
        message_type: Literal["comment", "note", "quick_reply"],
        type: Literal["user", "admin"],
        body: str | NotGiven = NOT_GIVEN,
        created_at: int | NotGiven = NOT_GIVEN,
        attachment_urls: builtins.list[str] | NotGiven = NOT_GIVEN,
        intercom_user_id: str | NotGiven = NOT_GIVEN,
        attachment_files: builtins.list[ConversationAttachmentFilesParam] | NotGiven = NOT_GIVEN,
        email: str | NotGiven = NOT_GIVEN,
        user_id: str | NotGiven = NOT_GIVEN,
        admin_id: str | NotGiven = NOT_GIVEN,
        reply_options: builtins.list[QuickReplyOptionParam] | NotGiven = NOT_GIVEN,
        skip_notifications: bool | NotGiven = NOT_GIVEN,
        version: str | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> RawResponse[Conversation]:
        """Like `Conversations.reply`, answering a RawResponse: `.parse()` gives its result."""
        # Built on the raw stand-in, the resource's method already answers a RawResponse.
        method: Callable[..., Any] = self._resource.reply
        answer = method(
            conversation_id,
            message_type=message_type,
            type=type,
            body=body,
            created_at=created_at,
            attachment_urls=attachment_urls,
            intercom_user_id=intercom_user_id,
            attachment_files=attachment_files,
            email=email,
            user_id=user_id,
            admin_id=admin_id,
            reply_options=reply_options,
            skip_notifications=skip_notifications,
            version=version,
            timeout=timeout,
            extra_headers=extra_headers,
        )
        return cast("RawResponse[Conversation]", answer)

    def retrieve(
        self,
        conversation_id: str,
        *,
        display_as: str | NotGiven = NOT_GIVEN,
        include_translations: bool | NotGiven = NOT_GIVEN,
        version: str | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> RawResponse[Conversation]:
        """Like `Conversations.retrieve`, answering a RawResponse: `.parse()` gives its result."""
        # Built on the raw stand-in, the resource's method already answers a RawResponse.
        method: Callable[..., Any] = self._resource.retrieve
        answer = method(
            conversation_id,
            display_as=display_as,
            include_translations=include_translations,
            version=version,
            timeout=timeout,
            extra_headers=extra_headers,
        )
        return cast("RawResponse[Conversation]", answer)


class AsyncConversations:
    """Conversations.

    Start, read, list and search conversations, reply to them, and close, snooze, reopen or assign them.
    """

    def __init__(self, client: AsyncIntercom) -> None:
        self._client = client

    async def create(
        self,
        *,
        from_: CreateConversationRequestFromParam,
        body: str,
        subject: str | NotGiven = NOT_GIVEN,
        attachment_urls: builtins.list[str] | NotGiven = NOT_GIVEN,
        created_at: int | NotGiven = NOT_GIVEN,
        version: str | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Message:
        """Start a conversation on behalf of a contact.

        Permission: Write conversations (write).
        OAuth scopes: 'Write conversations'.
        Webhook topic fired: conversation.user.created.
        Available since API version 2.11.
        HTTP: POST /conversations

        Args:
            from_: The contact writing in.
            body: Message text (no HTML).
            subject: Email subject, for email conversations.
            attachment_urls: Image URLs to attach (up to 10).
            created_at: Creation time to record, Unix seconds; defaults to now.
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
    ) -> AsyncPager[ConversationListItem]:
        """Page through every conversation in the workspace.

        Permission: Read conversations (read).
        OAuth scopes: 'Read conversations'.
        Webhook topic fired: none.
        Available since API version 2.11.
        Iterate the result for every record across pages; `.pages()` yields page by page.
        HTTP: GET /conversations

        Args:
            per_page: Results per page (default 20; the maximum is 150).
            version: The Intercom-Version header to send instead of the client's.
            timeout: Seconds to wait for this call (or an httpx.Timeout), instead of the client's.
            extra_headers: Headers to add to this call's request.

        Returns:
            A pager over every ConversationListItem: it fetches a page only when iteration needs it.

        Raises:
            IntercomError: for an error answer, as the subclass of its status (NotFoundError, ...);
                APIConnectionError without an answer; APIResponseValidationError for a successful
                answer that is not the documented JSON.
            ValueError: for a page size out of range, before any request.
        """
        from intercom_api.models.conversation_list_item import ConversationListItem
        from intercom_api.models.paginated_conversation_response import (
            PaginatedConversationResponse,
        )

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
            timeout=timeout,
            extra_headers=extra_headers,
        )

    async def manage(
        self,
        conversation_id: str,
        *,
        message_type: ManageConversationRequestMessageTypeValue,
        admin_id: str,
        type: Literal["admin", "team"] | NotGiven = NOT_GIVEN,
        body: str | NotGiven = NOT_GIVEN,
        snoozed_until: int | NotGiven = NOT_GIVEN,
        assignee_id: str | NotGiven = NOT_GIVEN,
        version: str | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Conversation:
        """Close, snooze, reopen or assign a conversation; message_type chooses the action.

        Permission: Write conversations (write).
        OAuth scopes: 'Write conversations'.
        Webhook topic fired: conversation.admin.closed.
        Available since API version 2.11.
        HTTP: POST /conversations/{conversation_id}/parts

        Args:
            conversation_id: The conversation's Intercom id.
            message_type: The action: close, snoozed, open or assignment.
            admin_id: Admin carrying out the action.
            type: admin for close; admin or team for assignment.
            body: Optional message to post with a close or assignment.
            snoozed_until: When a snoozed conversation reopens, Unix seconds (snoozed only).
            assignee_id: Admin or team receiving the conversation; 0 unassigns (assignment only).
            version: The Intercom-Version header to send instead of the client's.
            timeout: Seconds to wait for this call (or an httpx.Timeout), instead of the client's.
            extra_headers: Headers to add to this call's request.

        Returns:
            The Conversation Intercom answers.

        Raises:
            IntercomError: for an error answer, as the subclass of its status (NotFoundError, ...);
                APIConnectionError without an answer; APIResponseValidationError for a successful
                answer that is not the documented JSON.
            ValueError: for a path parameter that is None or empty, before any request.
        """
        from intercom_api.models.conversation import Conversation

        return await self._client._call(
            "conversations.manage",
            f"/conversations/{_segment(conversation_id, 'conversation_id')}/parts",
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
            timeout=timeout,
            extra_headers=extra_headers,
        )

    async def reply(
        self,
        conversation_id: str,
        *,
        message_type: Literal["comment", "note", "quick_reply"],
        type: Literal["user", "admin"],
        body: str | NotGiven = NOT_GIVEN,
        created_at: int | NotGiven = NOT_GIVEN,
        attachment_urls: builtins.list[str] | NotGiven = NOT_GIVEN,
        intercom_user_id: str | NotGiven = NOT_GIVEN,
        attachment_files: builtins.list[ConversationAttachmentFilesParam] | NotGiven = NOT_GIVEN,
        email: str | NotGiven = NOT_GIVEN,
        user_id: str | NotGiven = NOT_GIVEN,
        admin_id: str | NotGiven = NOT_GIVEN,
        reply_options: builtins.list[QuickReplyOptionParam] | NotGiven = NOT_GIVEN,
        skip_notifications: bool | NotGiven = NOT_GIVEN,
        version: str | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Conversation:
        """Add a reply or note to a conversation, as a contact or an admin.

        Permission: Write conversations (write).
        OAuth scopes: 'Write conversations'.
        Webhook topic fired: conversation.admin.replied.
        Available since API version 2.11.
        HTTP: POST /conversations/{conversation_id}/reply

        Args:
            conversation_id: The conversation's Intercom id, or last to reply to the most recent conversation.
            message_type: comment or note (contacts may only comment).
            type: Who is replying: user (a contact) or admin.
            body: Reply text; notes accept some HTML.
            created_at: Reply time to record, Unix seconds; defaults to now.
            attachment_urls: Image URLs to attach (up to 10).
            intercom_user_id: Replying contact's Intercom id (contact replies).
            attachment_files: Files to attach inline as base64 (up to 10).
            email: Replying contact's email (contact replies).
            user_id: Replying contact's external id (contact replies).
            admin_id: Replying admin (admin replies).
            reply_options: The options offered to the contact; required when message_type is quick_reply.
            skip_notifications: Set to true to store the reply without sending notifications about it.
            version: The Intercom-Version header to send instead of the client's.
            timeout: Seconds to wait for this call (or an httpx.Timeout), instead of the client's.
            extra_headers: Headers to add to this call's request.

        Returns:
            The Conversation Intercom answers.

        Raises:
            IntercomError: for an error answer, as the subclass of its status (NotFoundError, ...);
                APIConnectionError without an answer; APIResponseValidationError for a successful
                answer that is not the documented JSON.
            ValueError: for a path parameter that is None or empty, before any request.
        """
        from intercom_api.models.conversation import Conversation

        return await self._client._call(
            "conversations.reply",
            f"/conversations/{_segment(conversation_id, 'conversation_id')}/reply",
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
                "reply_options": reply_options,
                "skip_notifications": skip_notifications,
            },
            version=version,
            timeout=timeout,
            extra_headers=extra_headers,
        )

    async def retrieve(
        self,
        conversation_id: str,
        *,
        display_as: str | NotGiven = NOT_GIVEN,
        include_translations: bool | NotGiven = NOT_GIVEN,
        version: str | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Conversation:
        """Fetch one conversation with up to 500 of its parts.

        Permission: Read conversations (read).
        OAuth scopes: 'Read conversations'.
        Webhook topic fired: none.
        Available since API version 2.11.
        HTTP: GET /conversations/{conversation_id}

        Args:
            conversation_id: The conversation's Intercom id.
            display_as: Set to plaintext to get message bodies as plain text.
            include_translations: Set to true to get the conversation parts translated into the conversation's detected language.
            version: The Intercom-Version header to send instead of the client's.
            timeout: Seconds to wait for this call (or an httpx.Timeout), instead of the client's.
            extra_headers: Headers to add to this call's request.

        Returns:
            The Conversation Intercom answers.

        Raises:
            IntercomError: for an error answer, as the subclass of its status (NotFoundError, ...);
                APIConnectionError without an answer; APIResponseValidationError for a successful
                answer that is not the documented JSON.
            ValueError: for a path parameter that is None or empty, before any request.
        """
        from intercom_api.models.conversation import Conversation

        return await self._client._call(
            "conversations.retrieve",
            f"/conversations/{_segment(conversation_id, 'conversation_id')}",
            Conversation,
            params={
                "display_as": display_as,
                "include_translations": include_translations,
            },
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
    ) -> AsyncPager[ConversationListItem]:
        """Find conversations that match a filter query.

        Permission: Read conversations (read).
        OAuth scopes: 'Read conversations'.
        Webhook topic fired: none.
        Available since API version 2.11.
        Iterate the result for every record across pages; `.pages()` yields page by page.
        HTTP: POST /conversations/search

        Args:
            query: The filter to apply.
            per_page: Records per page, at most 150.
            version: The Intercom-Version header to send instead of the client's.
            timeout: Seconds to wait for this call (or an httpx.Timeout), instead of the client's.
            extra_headers: Headers to add to this call's request.

        Returns:
            A pager over every ConversationListItem: it fetches a page only when iteration needs it.

        Raises:
            IntercomError: for an error answer, as the subclass of its status (NotFoundError, ...);
                APIConnectionError without an answer; APIResponseValidationError for a successful
                answer that is not the documented JSON.
            ValueError: for a page size out of range, before any request.
        """
        from intercom_api.models.conversation_list_item import ConversationListItem
        from intercom_api.models.paginated_conversation_response import (
            PaginatedConversationResponse,
        )

        check_per_page(per_page)
        return self._client._pager(
            "conversations.search",
            "/conversations/search",
            PaginatedConversationResponse,
            "conversations",
            ConversationListItem,
            body={
                "query": query,
                "pagination": given({"per_page": per_page}),
            },
            version=version,
            timeout=timeout,
            extra_headers=extra_headers,
        )


class AsyncConversationsWithRawResponse:
    """Conversations, each method answering a RawResponse: see `with_raw_response`."""

    def __init__(self, calls: AsyncIntercom) -> None:
        self._resource = AsyncConversations(calls)

    async def create(
        self,
        *,
        from_: CreateConversationRequestFromParam,
        body: str,
        subject: str | NotGiven = NOT_GIVEN,
        attachment_urls: builtins.list[str] | NotGiven = NOT_GIVEN,
        created_at: int | NotGiven = NOT_GIVEN,
        version: str | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> RawResponse[Message]:
        """Like `AsyncConversations.create`, answering a RawResponse: `.parse()` gives its result."""
        # Built on the raw stand-in, the resource's method already answers a RawResponse.
        method: Callable[..., Any] = self._resource.create
        answer = await method(
            from_=from_,
            body=body,
            subject=subject,
            attachment_urls=attachment_urls,
            created_at=created_at,
            version=version,
            timeout=timeout,
            extra_headers=extra_headers,
        )
        return cast("RawResponse[Message]", answer)

    async def manage(
        self,
        conversation_id: str,
        *,
        message_type: ManageConversationRequestMessageTypeValue,
        admin_id: str,
        type: Literal["admin", "team"] | NotGiven = NOT_GIVEN,
        body: str | NotGiven = NOT_GIVEN,
        snoozed_until: int | NotGiven = NOT_GIVEN,
        assignee_id: str | NotGiven = NOT_GIVEN,
        version: str | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> RawResponse[Conversation]:
        """Like `AsyncConversations.manage`, answering a RawResponse: `.parse()` gives its result."""
        # Built on the raw stand-in, the resource's method already answers a RawResponse.
        method: Callable[..., Any] = self._resource.manage
        answer = await method(
            conversation_id,
            message_type=message_type,
            admin_id=admin_id,
            type=type,
            body=body,
            snoozed_until=snoozed_until,
            assignee_id=assignee_id,
            version=version,
            timeout=timeout,
            extra_headers=extra_headers,
        )
        return cast("RawResponse[Conversation]", answer)

    async def reply(
        self,
        conversation_id: str,
        *,
        message_type: Literal["comment", "note", "quick_reply"],
        type: Literal["user", "admin"],
        body: str | NotGiven = NOT_GIVEN,
        created_at: int | NotGiven = NOT_GIVEN,
        attachment_urls: builtins.list[str] | NotGiven = NOT_GIVEN,
        intercom_user_id: str | NotGiven = NOT_GIVEN,
        attachment_files: builtins.list[ConversationAttachmentFilesParam] | NotGiven = NOT_GIVEN,
        email: str | NotGiven = NOT_GIVEN,
        user_id: str | NotGiven = NOT_GIVEN,
        admin_id: str | NotGiven = NOT_GIVEN,
        reply_options: builtins.list[QuickReplyOptionParam] | NotGiven = NOT_GIVEN,
        skip_notifications: bool | NotGiven = NOT_GIVEN,
        version: str | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> RawResponse[Conversation]:
        """Like `AsyncConversations.reply`, answering a RawResponse: `.parse()` gives its result."""
        # Built on the raw stand-in, the resource's method already answers a RawResponse.
        method: Callable[..., Any] = self._resource.reply
        answer = await method(
            conversation_id,
            message_type=message_type,
            type=type,
            body=body,
            created_at=created_at,
            attachment_urls=attachment_urls,
            intercom_user_id=intercom_user_id,
            attachment_files=attachment_files,
            email=email,
            user_id=user_id,
            admin_id=admin_id,
            reply_options=reply_options,
            skip_notifications=skip_notifications,
            version=version,
            timeout=timeout,
            extra_headers=extra_headers,
        )
        return cast("RawResponse[Conversation]", answer)

    async def retrieve(
        self,
        conversation_id: str,
        *,
        display_as: str | NotGiven = NOT_GIVEN,
        include_translations: bool | NotGiven = NOT_GIVEN,
        version: str | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> RawResponse[Conversation]:
        """Like `AsyncConversations.retrieve`, answering a RawResponse: `.parse()` gives its result."""
        # Built on the raw stand-in, the resource's method already answers a RawResponse.
        method: Callable[..., Any] = self._resource.retrieve
        answer = await method(
            conversation_id,
            display_as=display_as,
            include_translations=include_translations,
            version=version,
            timeout=timeout,
            extra_headers=extra_headers,
        )
        return cast("RawResponse[Conversation]", answer)
