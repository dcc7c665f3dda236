"""Calls: the methods of `client.calls` for Intercom API 2.15.

Imported on first use of that attribute; each method imports the models it returns on
its first call."""

from __future__ import annotations

import builtins
from typing import TYPE_CHECKING, Any, Literal, cast

from intercom_api.transport import NOT_GIVEN, check_per_page
from intercom_api.transport import segment as _segment

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping
    from intercom_api.client import AsyncIntercom, Intercom
    from intercom_api.models.call import Call
    from intercom_api.models.call_list import CallList
    from intercom_api.models.call_with_transcript_list import CallWithTranscriptList
    from intercom_api.pagination import AsyncPager, SyncPager
    from intercom_api.transport import NotGiven, RawResponse, Timeout


class Calls:
    """Calls.

    List, fetch and search phone calls, with their recordings and transcripts.
    """

    def __init__(self, client: Intercom) -> None:
        self._client = client

    def list(
        self,
        *,
        per_page: int | NotGiven = NOT_GIVEN,
        version: str | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> SyncPager[Call]:
        """List the workspace's calls, a page at a time.

        Permission: not documented. Intercom documents no permission or OAuth scope for this endpoint.
        OAuth scopes: not documented.
        Webhook topic fired: none.
        Available since API version 2.14.
        Iterate the result for every record across pages; `.pages()` yields page by page.
        HTTP: GET /calls

        Args:
            per_page: How many calls a page holds; at most 25, which is also the default.
            version: The Intercom-Version header to send instead of the client's.
            timeout: Seconds to wait for this call (or an httpx.Timeout), instead of the client's.
            extra_headers: Headers to add to this call's request.

        Returns:
            A pager over every Call: it fetches a page only when iteration needs it.

        Raises:
            IntercomError: for an error answer, as the subclass of its status (NotFoundError, ...);
                APIConnectionError without an answer; APIResponseValidationError for a successful
                answer that is not the documented JSON.
            ValueError: for a page size out of range, before any request.
        """
        from intercom_api.models.call import Call
        from intercom_api.models.call_list import CallList

        check_per_page(per_page)
        return self._client._pager(
            "calls.list",
            "/calls",
            CallList,
            "data",
            Call,
            params={
                "per_page": per_page,
            },
            version=version,
            timeout=timeout,
            extra_headers=extra_headers,
        )

    def recording(
        self,
        call_id: str,
        *,
        version: str | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> str | None:
        """Get the recording of a call, by a redirect to a signed download address.

        Permission: not documented. Intercom documents no permission or OAuth scope for this endpoint.
        OAuth scopes: not documented.
        Webhook topic fired: none.
        Available since API version 2.14.
        HTTP: GET /calls/{call_id}/recording

        Args:
            call_id: The call's Intercom id.
            version: The Intercom-Version header to send instead of the client's.
            timeout: Seconds to wait for this call (or an httpx.Timeout), instead of the client's.
            extra_headers: Headers to add to this call's request.

        Returns:
            The address Intercom redirects to (its Location header), or None without one.

        Raises:
            IntercomError: for an error answer, as the subclass of its status (NotFoundError, ...);
                APIConnectionError without an answer; APIResponseValidationError for a successful
                answer that is not the documented JSON.
            ValueError: for a path parameter that is None or empty, before any request.
        """
        return self._client._call_location(
            "calls.recording",
            f"/calls/{_segment(call_id, 'call_id')}/recording",
            version=version,
            timeout=timeout,
            extra_headers=extra_headers,
        )

    def retrieve(
        self,
        call_id: str,
        *,
        version: str | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Call:
        """Fetch one call by its id.

        Permission: not documented. Intercom documents no permission or OAuth scope for this endpoint.
        OAuth scopes: not documented.
        Webhook topic fired: none.
        Available since API version 2.14.
        HTTP: GET /calls/{call_id}

        Args:
            call_id: The call's Intercom id.
            version: The Intercom-Version header to send instead of the client's.
            timeout: Seconds to wait for this call (or an httpx.Timeout), instead of the client's.
            extra_headers: Headers to add to this call's request.

        Returns:
            The Call Intercom answers.

        Raises:
            IntercomError: for an error answer, as the subclass of its status (NotFoundError, ...);
                APIConnectionError without an answer; APIResponseValidationError for a successful
                answer that is not the documented JSON.
            ValueError: for a path parameter that is None or empty, before any request.
        """
        from intercom_api.models.call import Call

        return self._client._call(
            "calls.retrieve",
            f"/calls/{_segment(call_id, 'call_id')}",
            Call,
            version=version,
            timeout=timeout,
            extra_headers=extra_headers,
        )

    def search(
        self,
        *,
        conversation_ids: builtins.list[str],
        version: str | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> CallWithTranscriptList:
        """Fetch the calls of up to 20 conversations, with their transcripts when available.

        Permission: not documented. Intercom documents no permission or OAuth scope for this endpoint.
        OAuth scopes: not documented.
        Webhook topic fired: none.
        Available since API version 2.14.
        HTTP: POST /calls/search

        Args:
            conversation_ids: Ids of the conversations to fetch calls for; from 1 to 20 ids.
            version: The Intercom-Version header to send instead of the client's.
            timeout: Seconds to wait for this call (or an httpx.Timeout), instead of the client's.
            extra_headers: Headers to add to this call's request.

        Returns:
            The CallWithTranscriptList Intercom answers.

        Raises:
            IntercomError: for an error answer, as the subclass of its status (NotFoundError, ...);
                APIConnectionError without an answer; APIResponseValidationError for a successful
                answer that is not the documented JSON.
        """
        from intercom_api.models.call_with_transcript_list import CallWithTranscriptList

        return self._client._call(
            "calls.search",
            "/calls/search",
            CallWithTranscriptList,
            body={
                "conversation_ids": conversation_ids,
            },
            version=version,
            timeout=timeout,
            extra_headers=extra_headers,
        )

    def transcript(
        self,
        call_id: str,
        *,
        version: str | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> str:
        """Download the transcript of a call as plain text.

        Permission: not documented. Intercom documents no permission or OAuth scope for this endpoint.
        OAuth scopes: not documented.
        Webhook topic fired: none.
        Available since API version 2.14.
        HTTP: GET /calls/{call_id}/transcript

        Args:
            call_id: The call's Intercom id.
            version: The Intercom-Version header to send instead of the client's.
            timeout: Seconds to wait for this call (or an httpx.Timeout), instead of the client's.
            extra_headers: Headers to add to this call's request.

        Returns:
            The text of Intercom's answer.

        Raises:
            IntercomError: for an error answer, as the subclass of its status (NotFoundError, ...);
                APIConnectionError without an answer; APIResponseValidationError for a successful
                answer that is not the documented JSON.
            ValueError: for a path parameter that is None or empty, before any request.
        """
        return self._client._call_text(
            "calls.transcript",
            f"/calls/{_segment(call_id, 'call_id')}/transcript",
            version=version,
            timeout=timeout,
            extra_headers=extra_headers,
        )


class CallsWithRawResponse:
    """Calls, each method answering a RawResponse: see `with_raw_response`."""

    def __init__(self, calls: Intercom) -> None:
        self._resource = Calls(calls)

    def recording(
        self,
        call_id: str,
        *,
        version: str | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> RawResponse[str | None]:
        """Like `Calls.recording`, answering a RawResponse: `.parse()` gives its result."""
        # Built on the raw stand-in, the resource's method already answers a RawResponse.
        method: Callable[..., Any] = self._resource.recording
        answer = method(
            call_id,
            version=version,
            timeout=timeout,
            extra_headers=extra_headers,
        )
        return cast("RawResponse[str | None]", answer)

    def retrieve(
        self,
        call_id: str,
        *,
        version: str | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> RawResponse[Call]:
        """Like `Calls.retrieve`, answering a RawResponse: `.parse()` gives its result."""
        # Built on the raw stand-in, the resource's method already answers a RawResponse.
        method: Callable[..., Any] = self._resource.retrieve
        answer = method(
            call_id,
            version=version,
            timeout=timeout,
            extra_headers=extra_headers,
        )
        return cast("RawResponse[Call]", answer)

    def search(
        self,
        *,
        conversation_ids: builtins.list[str],
        version: str | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> RawResponse[CallWithTranscriptList]:
        """Like `Calls.search`, answering a RawResponse: `.parse()` gives its result."""
        # Built on the raw stand-in, the resource's method already answers a RawResponse.
        method: Callable[..., Any] = self._resource.search
        answer = method(
            conversation_ids=conversation_ids,
            version=version,
            timeout=timeout,
            extra_headers=extra_headers,
        )
        return cast("RawResponse[CallWithTranscriptList]", answer)

    def transcript(
        self,
        call_id: str,
        *,
        version: str | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> RawResponse[str]:
        """Like `Calls.transcript`, answering a RawResponse: `.parse()` gives its result."""
        # Built on the raw stand-in, the resource's method already answers a RawResponse.
        method: Callable[..., Any] = self._resource.transcript
        answer = method(
            call_id,
            version=version,
            timeout=timeout,
            extra_headers=extra_headers,
        )
        return cast("RawResponse[str]", answer)


class AsyncCalls:
    """Calls.

    List, fetch and search phone calls, with their recordings and transcripts.
    """

    def __init__(self, client: AsyncIntercom) -> None:
        self._client = client

    def list(
        self,
        *,
        per_page: int | NotGiven = NOT_GIVEN,
        version: str | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> AsyncPager[Call]:
        """List the workspace's calls, a page at a time.

        Permission: not documented. Intercom documents no permission or OAuth scope for this endpoint.
        OAuth scopes: not documented.
        Webhook topic fired: none.
        Available since API version 2.14.
        Iterate the result for every record across pages; `.pages()` yields page by page.
        HTTP: GET /calls

        Args:
            per_page: How many calls a page holds; at most 25, which is also the default.
            version: The Intercom-Version header to send instead of the client's.
            timeout: Seconds to wait for this call (or an httpx.Timeout), instead of the client's.
            extra_headers: Headers to add to this call's request.

        Returns:
            A pager over every Call: it fetches a page only when iteration needs it.

        Raises:
            IntercomError: for an error answer, as the subclass of its status (NotFoundError, ...);
                APIConnectionError without an answer; APIResponseValidationError for a successful
                answer that is not the documented JSON.
            ValueError: for a page size out of range, before any request.
        """
        from intercom_api.models.call import Call
        from intercom_api.models.call_list import CallList

        check_per_page(per_page)
        return self._client._pager(
            "calls.list",
            "/calls",
            CallList,
            "data",
            Call,
            params={
                "per_page": per_page,
            },
            version=version,
            timeout=timeout,
            extra_headers=extra_headers,
        )

    async def recording(
        self,
        call_id: str,
        *,
        version: str | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> str | None:
        """Get the recording of a call, by a redirect to a signed download address.

        Permission: not documented. Intercom documents no permission or OAuth scope for this endpoint.
        OAuth scopes: not documented.
        Webhook topic fired: none.
        Available since API version 2.14.
        HTTP: GET /calls/{call_id}/recording

        Args:
            call_id: The call's Intercom id.
            version: The Intercom-Version header to send instead of the client's.
            timeout: Seconds to wait for this call (or an httpx.Timeout), instead of the client's.
            extra_headers: Headers to add to this call's request.

        Returns:
            The address Intercom redirects to (its Location header), or None without one.

        Raises:
            IntercomError: for an error answer, as the subclass of its status (NotFoundError, ...);
                APIConnectionError without an answer; APIResponseValidationError for a successful
                answer that is not the documented JSON.
            ValueError: for a path parameter that is None or empty, before any request.
        """
        return await self._client._call_location(
            "calls.recording",
            f"/calls/{_segment(call_id, 'call_id')}/recording",
            version=version,
            timeout=timeout,
            extra_headers=extra_headers,
        )

    async def retrieve(
        self,
        call_id: str,
        *,
        version: str | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Call:
        """Fetch one call by its id.

        Permission: not documented. Intercom documents no permission or OAuth scope for this endpoint.
        OAuth scopes: not documented.
        Webhook topic fired: none.
        Available since API version 2.14.
        HTTP: GET /calls/{call_id}

        Args:
            call_id: The call's Intercom id.
            version: The Intercom-Version header to send instead of the client's.
            timeout: Seconds to wait for this call (or an httpx.Timeout), instead of the client's.
            extra_headers: Headers to add to this call's request.

        Returns:
            The Call Intercom answers.

        Raises:
            IntercomError: for an error answer, as the subclass of its status (NotFoundError, ...);
                APIConnectionError without an answer; APIResponseValidationError for a successful
                answer that is not the documented JSON.
            ValueError: for a path parameter that is None or empty, before any request.
        """
        from intercom_api.models.call import Call

        return await self._client._call(
            "calls.retrieve",
            f"/calls/{_segment(call_id, 'call_id')}",
            Call,
            version=version,
            timeout=timeout,
            extra_headers=extra_headers,
        )

    async def search(
        self,
        *,
        conversation_ids: builtins.list[str],
        version: str | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> CallWithTranscriptList:
        """Fetch the calls of up to 20 conversations, with their transcripts when available.

        Permission: not documented. Intercom documents no permission or OAuth scope for this endpoint.
        OAuth scopes: not documented.
        Webhook topic fired: none.
        Available since API version 2.14.
        HTTP: POST /calls/search

        Args:
            conversation_ids: Ids of the conversations to fetch calls for; from 1 to 20 ids.
            version: The Intercom-Version header to send instead of the client's.
            timeout: Seconds to wait for this call (or an httpx.Timeout), instead of the client's.
            extra_headers: Headers to add to this call's request.

        Returns:
            The CallWithTranscriptList Intercom answers.

        Raises:
            IntercomError: for an error answer, as the subclass of its status (NotFoundError, ...);
                APIConnectionError without an answer; APIResponseValidationError for a successful
                answer that is not the documented JSON.
        """
        from intercom_api.models.call_with_transcript_list import CallWithTranscriptList

        return await self._client._call(
            "calls.search",
            "/calls/search",
            CallWithTranscriptList,
            body={
                "conversation_ids": conversation_ids,
            },
            version=version,
            timeout=timeout,
            extra_headers=extra_headers,
        )

    async def transcript(
        self,
        call_id: str,
        *,
        version: str | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> str:
        """Download the transcript of a call as plain text.

        Permission: not documented. Intercom documents no permission or OAuth scope for this endpoint.
        OAuth scopes: not documented.
        Webhook topic fired: none.
        Available since API version 2.14.
        HTTP: GET /calls/{call_id}/transcript

        Args:
            call_id: The call's Intercom id.
            version: The Intercom-Version header to send instead of the client's.
            timeout: Seconds to wait for this call (or an httpx.Timeout), instead of the client's.
            extra_headers: Headers to add to this call's request.

        Returns:
            The text of Intercom's answer.

        Raises:
            IntercomError: for an error answer, as the subclass of its status (NotFoundError, ...);
                APIConnectionError without an answer; APIResponseValidationError for a successful
                answer that is not the documented JSON.
            ValueError: for a path parameter that is None or empty, before any request.
        """
        return await self._client._call_text(
            "calls.transcript",
            f"/calls/{_segment(call_id, 'call_id')}/transcript",
            version=version,
            timeout=timeout,
            extra_headers=extra_headers,
        )


class AsyncCallsWithRawResponse:
    """Calls, each method answering a RawResponse: see `with_raw_response`."""

    def __init__(self, calls: AsyncIntercom) -> None:
        self._resource = AsyncCalls(calls)

    async def recording(
        self,
        call_id: str,
        *,
        version: str | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> RawResponse[str | None]:
        """Like `AsyncCalls.recording`, answering a RawResponse: `.parse()` gives its result."""
        # Built on the raw stand-in, the resource's method already answers a RawResponse.
        method: Callable[..., Any] = self._resource.recording
        answer = await method(
            call_id,
            version=version,
            timeout=timeout,
            extra_headers=extra_headers,
        )
        return cast("RawResponse[str | None]", answer)

    async def retrieve(
        self,
        call_id: str,
        *,
        version: str | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> RawResponse[Call]:
        """Like `AsyncCalls.retrieve`, answering a RawResponse: `.parse()` gives its result."""
        # Built on the raw stand-in, the resource's method already answers a RawResponse.
        method: Callable[..., Any] = self._resource.retrieve
        answer = await method(
            call_id,
            version=version,
            timeout=timeout,
            extra_headers=extra_headers,
        )
        return cast("RawResponse[Call]", answer)

    async def search(
        self,
        *,
        conversation_ids: builtins.list[str],
        version: str | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> RawResponse[CallWithTranscriptList]:
        """Like `AsyncCalls.search`, answering a RawResponse: `.parse()` gives its result."""
        # Built on the raw stand-in, the resource's method already answers a RawResponse.
        method: Callable[..., Any] = self._resource.search
        answer = await method(
            conversation_ids=conversation_ids,
            version=version,
            timeout=timeout,
            extra_headers=extra_headers,
        )
        return cast("RawResponse[CallWithTranscriptList]", answer)

    async def transcript(
        self,
        call_id: str,
        *,
        version: str | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> RawResponse[str]:
        """Like `AsyncCalls.transcript`, answering a RawResponse: `.parse()` gives its result."""
        # Built on the raw stand-in, the resource's method already answers a RawResponse.
        method: Callable[..., Any] = self._resource.transcript
        answer = await method(
            call_id,
            version=version,
            timeout=timeout,
            extra_headers=extra_headers,
        )
        return cast("RawResponse[str]", answer)
