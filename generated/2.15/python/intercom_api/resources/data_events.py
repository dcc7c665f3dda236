"""Data events: the methods of `client.data_events` for Intercom API 2.15.

Imported on first use of that attribute; each method imports the models it returns on
its first call."""

from __future__ import annotations

import builtins
from typing import TYPE_CHECKING, Any, Literal, cast

from intercom_api.transport import NOT_GIVEN, check_per_page

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping
    from intercom_api.client import AsyncIntercom, Intercom
    from intercom_api.models.data_event_summary import DataEventSummary
    from intercom_api.transport import NotGiven, RawResponse, Timeout


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
        user_id: str | NotGiven = NOT_GIVEN,
        intercom_user_id: str | NotGiven = NOT_GIVEN,
        email: str | NotGiven = NOT_GIVEN,
        summary: bool | NotGiven = NOT_GIVEN,
        per_page: int | NotGiven = NOT_GIVEN,
        version: str | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> DataEventSummary:
        """List one contact's events; only events under 90 days old can be listed.

        Permission: Read events (read).
        OAuth scopes: 'Read events'.
        Webhook topic fired: none.
        Available since API version 2.11.
        HTTP: GET /events

        Args:
            type: Must be user.
            user_id: Select the contact by your external id.
            intercom_user_id: Select the contact by Intercom's id (works for leads too).
            email: Select the contact by email address.
            summary: Return counts per event name instead of individual events.
            per_page: Results per page (default 15; the maximum is 150).
            version: The Intercom-Version header to send instead of the client's.
            timeout: Seconds to wait for this call (or an httpx.Timeout), instead of the client's.
            extra_headers: Headers to add to this call's request.

        Returns:
            The DataEventSummary Intercom answers.

        Raises:
            IntercomError: for an error answer, as the subclass of its status (NotFoundError, ...);
                APIConnectionError without an answer; APIResponseValidationError for a successful
                answer that is not the documented JSON.
        """
        from intercom_api.models.data_event_summary import DataEventSummary

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
            timeout=timeout,
            extra_headers=extra_headers,
        )

    def submit(
        self,
        *,
        event_name: str,
        created_at: int,
        user_id: str | NotGiven = NOT_GIVEN,
        id: str | NotGiven = NOT_GIVEN,
        email: str | NotGiven = NOT_GIVEN,
        metadata: dict[str, Any] | NotGiven = NOT_GIVEN,
        version: str | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> None:
        """Record an event for a user or lead; accepted asynchronously with an empty body.

        Permission: Write events (write).
        OAuth scopes: 'Write events'.
        Webhook topic fired: event.created.
        Available since API version 2.11.
        HTTP: POST /events

        Args:
            event_name: Name of the event, as shown to teammates.
            created_at: When the event happened, Unix seconds; used to drop duplicates.
            user_id: Your own id for the user.
            id: Intercom's id for the contact (needed for leads).
            email: Email of the user; use only when it identifies one user.
            metadata: Up to ten extra key/value details about the event.
            version: The Intercom-Version header to send instead of the client's.
            timeout: Seconds to wait for this call (or an httpx.Timeout), instead of the client's.
            extra_headers: Headers to add to this call's request.

        Returns:
            None: Intercom answers with an empty body.

        Raises:
            IntercomError: for an error answer, as the subclass of its status (NotFoundError, ...);
                APIConnectionError without an answer; APIResponseValidationError for a successful
                answer that is not the documented JSON.
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
            timeout=timeout,
            extra_headers=extra_headers,
        )


class DataEventsWithRawResponse:
    """Data events, each method answering a RawResponse: see `with_raw_response`."""

    def __init__(self, calls: Intercom) -> None:
        self._resource = DataEvents(calls)

    def list(
        self,
        *,
        type: str,
        user_id: str | NotGiven = NOT_GIVEN,
        intercom_user_id: str | NotGiven = NOT_GIVEN,
        email: str | NotGiven = NOT_GIVEN,
        summary: bool | NotGiven = NOT_GIVEN,
        per_page: int | NotGiven = NOT_GIVEN,
        version: str | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> RawResponse[DataEventSummary]:
        """Like `DataEvents.list`, answering a RawResponse: `.parse()` gives its result."""
        # Built on the raw stand-in, the resource's method already answers a RawResponse.
        method: Callable[..., Any] = self._resource.list
        answer = method(
            type=type,
            user_id=user_id,
            intercom_user_id=intercom_user_id,
            email=email,
            summary=summary,
            per_page=per_page,
            version=version,
            timeout=timeout,
            extra_headers=extra_headers,
        )
        return cast("RawResponse[DataEventSummary]", answer)

    def submit(
        self,
        *,
        event_name: str,
        created_at: int,
        user_id: str | NotGiven = NOT_GIVEN,
        id: str | NotGiven = NOT_GIVEN,
        email: str | NotGiven = NOT_GIVEN,
        metadata: dict[str, Any] | NotGiven = NOT_GIVEN,
        version: str | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> RawResponse[None]:
        """Like `DataEvents.submit`, answering a RawResponse: `.parse()` gives its result."""
        # Built on the raw stand-in, the resource's method already answers a RawResponse.
        method: Callable[..., Any] = self._resource.submit
        answer = method(
            event_name=event_name,
            created_at=created_at,
            user_id=user_id,
            id=id,
            email=email,
            metadata=metadata,
            version=version,
            timeout=timeout,
            extra_headers=extra_headers,
        )
        return cast("RawResponse[None]", answer)


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
        user_id: str | NotGiven = NOT_GIVEN,
        intercom_user_id: str | NotGiven = NOT_GIVEN,
        email: str | NotGiven = NOT_GIVEN,
        summary: bool | NotGiven = NOT_GIVEN,
        per_page: int | NotGiven = NOT_GIVEN,
        version: str | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> DataEventSummary:
        """List one contact's events; only events under 90 days old can be listed.

        Permission: Read events (read).
        OAuth scopes: 'Read events'.
        Webhook topic fired: none.
        Available since API version 2.11.
        HTTP: GET /events

        Args:
            type: Must be user.
            user_id: Select the contact by your external id.
            intercom_user_id: Select the contact by Intercom's id (works for leads too).
            email: Select the contact by email address.
            summary: Return counts per event name instead of individual events.
            per_page: Results per page (default 15; the maximum is 150).
            version: The Intercom-Version header to send instead of the client's.
            timeout: Seconds to wait for this call (or an httpx.Timeout), instead of the client's.
            extra_headers: Headers to add to this call's request.

        Returns:
            The DataEventSummary Intercom answers.

        Raises:
            IntercomError: for an error answer, as the subclass of its status (NotFoundError, ...);
                APIConnectionError without an answer; APIResponseValidationError for a successful
                answer that is not the documented JSON.
        """
        from intercom_api.models.data_event_summary import DataEventSummary

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
            timeout=timeout,
            extra_headers=extra_headers,
        )

    async def submit(
        self,
        *,
        event_name: str,
        created_at: int,
        user_id: str | NotGiven = NOT_GIVEN,
        id: str | NotGiven = NOT_GIVEN,
        email: str | NotGiven = NOT_GIVEN,
        metadata: dict[str, Any] | NotGiven = NOT_GIVEN,
        version: str | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> None:
        """Record an event for a user or lead; accepted asynchronously with an empty body.

        Permission: Write events (write).
        OAuth scopes: 'Write events'.
        Webhook topic fired: event.created.
        Available since API version 2.11.
        HTTP: POST /events

        Args:
            event_name: Name of the event, as shown to teammates.
            created_at: When the event happened, Unix seconds; used to drop duplicates.
            user_id: Your own id for the user.
            id: Intercom's id for the contact (needed for leads).
            email: Email of the user; use only when it identifies one user.
            metadata: Up to ten extra key/value details about the event.
            version: The Intercom-Version header to send instead of the client's.
            timeout: Seconds to wait for this call (or an httpx.Timeout), instead of the client's.
            extra_headers: Headers to add to this call's request.

        Returns:
            None: Intercom answers with an empty body.

        Raises:
            IntercomError: for an error answer, as the subclass of its status (NotFoundError, ...);
                APIConnectionError without an answer; APIResponseValidationError for a successful
                answer that is not the documented JSON.
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
            timeout=timeout,
            extra_headers=extra_headers,
        )


class AsyncDataEventsWithRawResponse:
    """Data events, each method answering a RawResponse: see `with_raw_response`."""

    def __init__(self, calls: AsyncIntercom) -> None:
        self._resource = AsyncDataEvents(calls)

    async def list(
        self,
        *,
        type: str,
        user_id: str | NotGiven = NOT_GIVEN,
        intercom_user_id: str | NotGiven = NOT_GIVEN,
        email: str | NotGiven = NOT_GIVEN,
        summary: bool | NotGiven = NOT_GIVEN,
        per_page: int | NotGiven = NOT_GIVEN,
        version: str | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> RawResponse[DataEventSummary]:
        """Like `AsyncDataEvents.list`, answering a RawResponse: `.parse()` gives its result."""
        # Built on the raw stand-in, the resource's method already answers a RawResponse.
        method: Callable[..., Any] = self._resource.list
        answer = await method(
            type=type,
            user_id=user_id,
            intercom_user_id=intercom_user_id,
            email=email,
            summary=summary,
            per_page=per_page,
            version=version,
            timeout=timeout,
            extra_headers=extra_headers,
        )
        return cast("RawResponse[DataEventSummary]", answer)

    async def submit(
        self,
        *,
        event_name: str,
        created_at: int,
        user_id: str | NotGiven = NOT_GIVEN,
        id: str | NotGiven = NOT_GIVEN,
        email: str | NotGiven = NOT_GIVEN,
        metadata: dict[str, Any] | NotGiven = NOT_GIVEN,
        version: str | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> RawResponse[None]:
        """Like `AsyncDataEvents.submit`, answering a RawResponse: `.parse()` gives its result."""
        # Built on the raw stand-in, the resource's method already answers a RawResponse.
        method: Callable[..., Any] = self._resource.submit
        answer = await method(
            event_name=event_name,
            created_at=created_at,
            user_id=user_id,
            id=id,
            email=email,
            metadata=metadata,
            version=version,
            timeout=timeout,
            extra_headers=extra_headers,
        )
        return cast("RawResponse[None]", answer)
