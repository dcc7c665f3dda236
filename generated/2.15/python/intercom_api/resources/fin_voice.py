"""Fin Voice: the methods of `client.fin_voice` for Intercom API 2.15.

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
    from intercom_api.models.ai_call_response import AiCallResponse
    from intercom_api.transport import NotGiven, RawResponse, Timeout


class FinVoice:
    """Fin Voice.

    Register phone calls handled by Fin, Intercom's AI agent, and collect what became of them.
    """

    def __init__(self, client: Intercom) -> None:
        self._client = client

    def collect(
        self,
        id: int,
        *,
        version: str | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> AiCallResponse:
        """Fetch a Fin Voice call by the id Intercom gave it at registration.

        Permission: not documented. Intercom documents no permission or OAuth scope for this endpoint.
        OAuth scopes: not documented.
        Webhook topic fired: none.
        Available since API version 2.15.
        HTTP: GET /fin_voice/collect/{id}

        Args:
            id: Intercom's id for the registered call.
            version: The Intercom-Version header to send instead of the client's.
            timeout: Seconds to wait for this call (or an httpx.Timeout), instead of the client's.
            extra_headers: Headers to add to this call's request.

        Returns:
            The AiCallResponse Intercom answers.

        Raises:
            IntercomError: for an error answer, as the subclass of its status (NotFoundError, ...);
                APIConnectionError without an answer; APIResponseValidationError for a successful
                answer that is not the documented JSON.
            ValueError: for a path parameter that is None or empty, before any request.
        """
        from intercom_api.models.ai_call_response import AiCallResponse

        return self._client._call(
            "fin_voice.collect",
            f"/fin_voice/collect/{_segment(id, 'id')}",
            AiCallResponse,
            version=version,
            timeout=timeout,
            extra_headers=extra_headers,
        )

    def collect_by_conversation(
        self,
        conversation_id: str,
        *,
        version: str | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> builtins.list[AiCallResponse]:
        """Fetch the Fin Voice calls of a conversation.

        Permission: not documented. Intercom documents no permission or OAuth scope for this endpoint.
        OAuth scopes: not documented.
        Webhook topic fired: none.
        Available since API version 2.15.
        HTTP: GET /fin_voice/conversation/{conversation_id}

        Args:
            conversation_id: The conversation's Intercom id.
            version: The Intercom-Version header to send instead of the client's.
            timeout: Seconds to wait for this call (or an httpx.Timeout), instead of the client's.
            extra_headers: Headers to add to this call's request.

        Returns:
            A list of AiCallResponse, one for each object of the JSON array Intercom answers.

        Raises:
            IntercomError: for an error answer, as the subclass of its status (NotFoundError, ...);
                APIConnectionError without an answer; APIResponseValidationError for a successful
                answer that is not the documented JSON.
            ValueError: for a path parameter that is None or empty, before any request.
        """
        from intercom_api.models.ai_call_response import AiCallResponse

        return self._client._call_models(
            "fin_voice.collect_by_conversation",
            f"/fin_voice/conversation/{_segment(conversation_id, 'conversation_id')}",
            AiCallResponse,
            version=version,
            timeout=timeout,
            extra_headers=extra_headers,
        )

    def collect_by_external_id(
        self,
        external_id: str,
        *,
        version: str | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> AiCallResponse:
        """Fetch a Fin Voice call by the phone provider's call id.

        Permission: not documented. Intercom documents no permission or OAuth scope for this endpoint.
        OAuth scopes: not documented.
        Webhook topic fired: none.
        Available since API version 2.15.
        HTTP: GET /fin_voice/external_id/{external_id}

        Args:
            external_id: The call's id at the phone provider.
            version: The Intercom-Version header to send instead of the client's.
            timeout: Seconds to wait for this call (or an httpx.Timeout), instead of the client's.
            extra_headers: Headers to add to this call's request.

        Returns:
            The AiCallResponse Intercom answers.

        Raises:
            IntercomError: for an error answer, as the subclass of its status (NotFoundError, ...);
                APIConnectionError without an answer; APIResponseValidationError for a successful
                answer that is not the documented JSON.
            ValueError: for a path parameter that is None or empty, before any request.
        """
        from intercom_api.models.ai_call_response import AiCallResponse

        return self._client._call(
            "fin_voice.collect_by_external_id",
            f"/fin_voice/external_id/{_segment(external_id, 'external_id')}",
            AiCallResponse,
            version=version,
            timeout=timeout,
            extra_headers=extra_headers,
        )

    def collect_by_phone_number(
        self,
        phone_number: str,
        *,
        version: str | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> AiCallResponse:
        """Fetch the most recent Fin Voice call matched to a phone number.

        Permission: not documented. Intercom documents no permission or OAuth scope for this endpoint.
        OAuth scopes: not documented.
        Webhook topic fired: none.
        Available since API version 2.15.
        HTTP: GET /fin_voice/phone_number/{phone_number}

        Args:
            phone_number: The phone number, in E.164 form.
            version: The Intercom-Version header to send instead of the client's.
            timeout: Seconds to wait for this call (or an httpx.Timeout), instead of the client's.
            extra_headers: Headers to add to this call's request.

        Returns:
            The AiCallResponse Intercom answers.

        Raises:
            IntercomError: for an error answer, as the subclass of its status (NotFoundError, ...);
                APIConnectionError without an answer; APIResponseValidationError for a successful
                answer that is not the documented JSON.
            ValueError: for a path parameter that is None or empty, before any request.
        """
        from intercom_api.models.ai_call_response import AiCallResponse

        return self._client._call(
            "fin_voice.collect_by_phone_number",
            f"/fin_voice/phone_number/{_segment(phone_number, 'phone_number')}",
            AiCallResponse,
            version=version,
            timeout=timeout,
            extra_headers=extra_headers,
        )

    def register(
        self,
        *,
        phone_number: str,
        call_id: str,
        source: Literal["five9", "zoom_phone", "aws_connect"] | NotGiven = NOT_GIVEN,
        data: dict[str, Any] | None | NotGiven = NOT_GIVEN,
        version: str | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> AiCallResponse:
        """Register a call from an outside phone provider so Fin Voice can handle it.

        Permission: not documented. Intercom documents no permission or OAuth scope for this endpoint.
        OAuth scopes: not documented.
        Webhook topic fired: none.
        Available since API version 2.15.
        HTTP: POST /fin_voice/register

        Args:
            phone_number: The caller's phone number, in E.164 form.
            call_id: The call's id at the phone provider.
            source: The phone provider; aws_connect when left out.
            data: Any further details about the call.
            version: The Intercom-Version header to send instead of the client's.
            timeout: Seconds to wait for this call (or an httpx.Timeout), instead of the client's.
            extra_headers: Headers to add to this call's request.

        Returns:
            The AiCallResponse Intercom answers.

        Raises:
            IntercomError: for an error answer, as the subclass of its status (NotFoundError, ...);
                APIConnectionError without an answer; APIResponseValidationError for a successful
                answer that is not the documented JSON.
        """
        from intercom_api.models.ai_call_response import AiCallResponse

        return self._client._call(
            "fin_voice.register",
            "/fin_voice/register",
            AiCallResponse,
            body={
                "phone_number": phone_number,
                "call_id": call_id,
                "source": source,
                "data": data,
            },
            version=version,
            timeout=timeout,
            extra_headers=extra_headers,
        )


class FinVoiceWithRawResponse:
    """Fin Voice, each method answering a RawResponse: see `with_raw_response`."""

    def __init__(self, calls: Intercom) -> None:
        self._resource = FinVoice(calls)

    def collect(
        self,
        id: int,
        *,
        version: str | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> RawResponse[AiCallResponse]:
        """Like `FinVoice.collect`, answering a RawResponse: `.parse()` gives its result."""
        # Built on the raw stand-in, the resource's method already answers a RawResponse.
        method: Callable[..., Any] = self._resource.collect
        answer = method(
            id,
            version=version,
            timeout=timeout,
            extra_headers=extra_headers,
        )
        return cast("RawResponse[AiCallResponse]", answer)

    def collect_by_conversation(
        self,
        conversation_id: str,
        *,
        version: str | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> RawResponse[builtins.list[AiCallResponse]]:
        """Like `FinVoice.collect_by_conversation`, answering a RawResponse: `.parse()` gives its result."""
        # Built on the raw stand-in, the resource's method already answers a RawResponse.
        method: Callable[..., Any] = self._resource.collect_by_conversation
        answer = method(
            conversation_id,
            version=version,
            timeout=timeout,
            extra_headers=extra_headers,
        )
        return cast("RawResponse[builtins.list[AiCallResponse]]", answer)

    def collect_by_external_id(
        self,
        external_id: str,
        *,
        version: str | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> RawResponse[AiCallResponse]:
        """Like `FinVoice.collect_by_external_id`, answering a RawResponse: `.parse()` gives its result."""
        # Built on the raw stand-in, the resource's method already answers a RawResponse.
        method: Callable[..., Any] = self._resource.collect_by_external_id
        answer = method(
            external_id,
            version=version,
            timeout=timeout,
            extra_headers=extra_headers,
        )
        return cast("RawResponse[AiCallResponse]", answer)

    def collect_by_phone_number(
        self,
        phone_number: str,
        *,
        version: str | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> RawResponse[AiCallResponse]:
        """Like `FinVoice.collect_by_phone_number`, answering a RawResponse: `.parse()` gives its result."""
        # Built on the raw stand-in, the resource's method already answers a RawResponse.
        method: Callable[..., Any] = self._resource.collect_by_phone_number
        answer = method(
            phone_number,
            version=version,
            timeout=timeout,
            extra_headers=extra_headers,
        )
        return cast("RawResponse[AiCallResponse]", answer)

    def register(
        self,
        *,
        phone_number: str,
        call_id: str,
        source: Literal["five9", "zoom_phone", "aws_connect"] | NotGiven = NOT_GIVEN,
        data: dict[str, Any] | None | NotGiven = NOT_GIVEN,
        version: str | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> RawResponse[AiCallResponse]:
        """Like `FinVoice.register`, answering a RawResponse: `.parse()` gives its result."""
        # Built on the raw stand-in, the resource's method already answers a RawResponse.
        method: Callable[..., Any] = self._resource.register
        answer = method(
            phone_number=phone_number,
            call_id=call_id,
            source=source,
            data=data,
            version=version,
            timeout=timeout,
            extra_headers=extra_headers,
        )
        return cast("RawResponse[AiCallResponse]", answer)


class AsyncFinVoice:
    """Fin Voice.

    Register phone calls handled by Fin, Intercom's AI agent, and collect what became of them.
    """

    def __init__(self, client: AsyncIntercom) -> None:
        self._client = client

    async def collect(
        self,
        id: int,
        *,
        version: str | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> AiCallResponse:
        """Fetch a Fin Voice call by the id Intercom gave it at registration.

        Permission: not documented. Intercom documents no permission or OAuth scope for this endpoint.
        OAuth scopes: not documented.
        Webhook topic fired: none.
        Available since API version 2.15.
        HTTP: GET /fin_voice/collect/{id}

        Args:
            id: Intercom's id for the registered call.
            version: The Intercom-Version header to send instead of the client's.
            timeout: Seconds to wait for this call (or an httpx.Timeout), instead of the client's.
            extra_headers: Headers to add to this call's request.

        Returns:
            The AiCallResponse Intercom answers.

        Raises:
            IntercomError: for an error answer, as the subclass of its status (NotFoundError, ...);
                APIConnectionError without an answer; APIResponseValidationError for a successful
                answer that is not the documented JSON.
            ValueError: for a path parameter that is None or empty, before any request.
        """
        from intercom_api.models.ai_call_response import AiCallResponse

        return await self._client._call(
            "fin_voice.collect",
            f"/fin_voice/collect/{_segment(id, 'id')}",
            AiCallResponse,
            version=version,
            timeout=timeout,
            extra_headers=extra_headers,
        )

    async def collect_by_conversation(
        self,
        conversation_id: str,
        *,
        version: str | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> builtins.list[AiCallResponse]:
        """Fetch the Fin Voice calls of a conversation.

        Permission: not documented. Intercom documents no permission or OAuth scope for this endpoint.
        OAuth scopes: not documented.
        Webhook topic fired: none.
        Available since API version 2.15.
        HTTP: GET /fin_voice/conversation/{conversation_id}

        Args:
            conversation_id: The conversation's Intercom id.
            version: The Intercom-Version header to send instead of the client's.
            timeout: Seconds to wait for this call (or an httpx.Timeout), instead of the client's.
            extra_headers: Headers to add to this call's request.

        Returns:
            A list of AiCallResponse, one for each object of the JSON array Intercom answers.

        Raises:
            IntercomError: for an error answer, as the subclass of its status (NotFoundError, ...);
                APIConnectionError without an answer; APIResponseValidationError for a successful
                answer that is not the documented JSON.
            ValueError: for a path parameter that is None or empty, before any request.
        """
        from intercom_api.models.ai_call_response import AiCallResponse

        return await self._client._call_models(
            "fin_voice.collect_by_conversation",
            f"/fin_voice/conversation/{_segment(conversation_id, 'conversation_id')}",
            AiCallResponse,
            version=version,
            timeout=timeout,
            extra_headers=extra_headers,
        )

    async def collect_by_external_id(
        self,
        external_id: str,
        *,
        version: str | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> AiCallResponse:
        """Fetch a Fin Voice call by the phone provider's call id.

        Permission: not documented. Intercom documents no permission or OAuth scope for this endpoint.
        OAuth scopes: not documented.
        Webhook topic fired: none.
        Available since API version 2.15.
        HTTP: GET /fin_voice/external_id/{external_id}

        Args:
            external_id: The call's id at the phone provider.
            version: The Intercom-Version header to send instead of the client's.
            timeout: Seconds to wait for this call (or an httpx.Timeout), instead of the client's.
            extra_headers: Headers to add to this call's request.

        Returns:
            The AiCallResponse Intercom answers.

        Raises:
            IntercomError: for an error answer, as the subclass of its status (NotFoundError, ...);
                APIConnectionError without an answer; APIResponseValidationError for a successful
                answer that is not the documented JSON.
            ValueError: for a path parameter that is None or empty, before any request.
        """
        from intercom_api.models.ai_call_response import AiCallResponse

        return await self._client._call(
            "fin_voice.collect_by_external_id",
            f"/fin_voice/external_id/{_segment(external_id, 'external_id')}",
            AiCallResponse,
            version=version,
            timeout=timeout,
            extra_headers=extra_headers,
        )

    async def collect_by_phone_number(
        self,
        phone_number: str,
        *,
        version: str | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> AiCallResponse:
        """Fetch the most recent Fin Voice call matched to a phone number.

        Permission: not documented. Intercom documents no permission or OAuth scope for this endpoint.
        OAuth scopes: not documented.
        Webhook topic fired: none.
        Available since API version 2.15.
        HTTP: GET /fin_voice/phone_number/{phone_number}

        Args:
            phone_number: The phone number, in E.164 form.
            version: The Intercom-Version header to send instead of the client's.
            timeout: Seconds to wait for this call (or an httpx.Timeout), instead of the client's.
            extra_headers: Headers to add to this call's request.

        Returns:
            The AiCallResponse Intercom answers.

        Raises:
            IntercomError: for an error answer, as the subclass of its status (NotFoundError, ...);
                APIConnectionError without an answer; APIResponseValidationError for a successful
                answer that is not the documented JSON.
            ValueError: for a path parameter that is None or empty, before any request.
        """
        from intercom_api.models.ai_call_response import AiCallResponse

        return await self._client._call(
            "fin_voice.collect_by_phone_number",
            f"/fin_voice/phone_number/{_segment(phone_number, 'phone_number')}",
            AiCallResponse,
            version=version,
            timeout=timeout,
            extra_headers=extra_headers,
        )

    async def register(
        self,
        *,
        phone_number: str,
        call_id: str,
        source: Literal["five9", "zoom_phone", "aws_connect"] | NotGiven = NOT_GIVEN,
        data: dict[str, Any] | None | NotGiven = NOT_GIVEN,
        version: str | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> AiCallResponse:
        """Register a call from an outside phone provider so Fin Voice can handle it.

        Permission: not documented. Intercom documents no permission or OAuth scope for this endpoint.
        OAuth scopes: not documented.
        Webhook topic fired: none.
        Available since API version 2.15.
        HTTP: POST /fin_voice/register

        Args:
            phone_number: The caller's phone number, in E.164 form.
            call_id: The call's id at the phone provider.
            source: The phone provider; aws_connect when left out.
            data: Any further details about the call.
            version: The Intercom-Version header to send instead of the client's.
            timeout: Seconds to wait for this call (or an httpx.Timeout), instead of the client's.
            extra_headers: Headers to add to this call's request.

        Returns:
            The AiCallResponse Intercom answers.

        Raises:
            IntercomError: for an error answer, as the subclass of its status (NotFoundError, ...);
                APIConnectionError without an answer; APIResponseValidationError for a successful
                answer that is not the documented JSON.
        """
        from intercom_api.models.ai_call_response import AiCallResponse

        return await self._client._call(
            "fin_voice.register",
            "/fin_voice/register",
            AiCallResponse,
            body={
                "phone_number": phone_number,
                "call_id": call_id,
                "source": source,
                "data": data,
            },
            version=version,
            timeout=timeout,
            extra_headers=extra_headers,
        )


class AsyncFinVoiceWithRawResponse:
    """Fin Voice, each method answering a RawResponse: see `with_raw_response`."""

    def __init__(self, calls: AsyncIntercom) -> None:
        self._resource = AsyncFinVoice(calls)

    async def collect(
        self,
        id: int,
        *,
        version: str | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> RawResponse[AiCallResponse]:
        """Like `AsyncFinVoice.collect`, answering a RawResponse: `.parse()` gives its result."""
        # Built on the raw stand-in, the resource's method already answers a RawResponse.
        method: Callable[..., Any] = self._resource.collect
        answer = await method(
            id,
            version=version,
            timeout=timeout,
            extra_headers=extra_headers,
        )
        return cast("RawResponse[AiCallResponse]", answer)

    async def collect_by_conversation(
        self,
        conversation_id: str,
        *,
        version: str | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> RawResponse[builtins.list[AiCallResponse]]:
        """Like `AsyncFinVoice.collect_by_conversation`, answering a RawResponse: `.parse()` gives its result."""
        # Built on the raw stand-in, the resource's method already answers a RawResponse.
        method: Callable[..., Any] = self._resource.collect_by_conversation
        answer = await method(
            conversation_id,
            version=version,
            timeout=timeout,
            extra_headers=extra_headers,
        )
        return cast("RawResponse[builtins.list[AiCallResponse]]", answer)

    async def collect_by_external_id(
        self,
        external_id: str,
        *,
        version: str | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> RawResponse[AiCallResponse]:
        """Like `AsyncFinVoice.collect_by_external_id`, answering a RawResponse: `.parse()` gives its result."""
        # Built on the raw stand-in, the resource's method already answers a RawResponse.
        method: Callable[..., Any] = self._resource.collect_by_external_id
        answer = await method(
            external_id,
            version=version,
            timeout=timeout,
            extra_headers=extra_headers,
        )
        return cast("RawResponse[AiCallResponse]", answer)

    async def collect_by_phone_number(
        self,
        phone_number: str,
        *,
        version: str | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> RawResponse[AiCallResponse]:
        """Like `AsyncFinVoice.collect_by_phone_number`, answering a RawResponse: `.parse()` gives its result."""
        # Built on the raw stand-in, the resource's method already answers a RawResponse.
        method: Callable[..., Any] = self._resource.collect_by_phone_number
        answer = await method(
            phone_number,
            version=version,
            timeout=timeout,
            extra_headers=extra_headers,
        )
        return cast("RawResponse[AiCallResponse]", answer)

    async def register(
        self,
        *,
        phone_number: str,
        call_id: str,
        source: Literal["five9", "zoom_phone", "aws_connect"] | NotGiven = NOT_GIVEN,
        data: dict[str, Any] | None | NotGiven = NOT_GIVEN,
        version: str | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> RawResponse[AiCallResponse]:
        """Like `AsyncFinVoice.register`, answering a RawResponse: `.parse()` gives its result."""
        # Built on the raw stand-in, the resource's method already answers a RawResponse.
        method: Callable[..., Any] = self._resource.register
        answer = await method(
            phone_number=phone_number,
            call_id=call_id,
            source=source,
            data=data,
            version=version,
            timeout=timeout,
            extra_headers=extra_headers,
        )
        return cast("RawResponse[AiCallResponse]", answer)
