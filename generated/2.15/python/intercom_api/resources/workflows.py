"""Workflows: the methods of `client.workflows` for Intercom API 2.15.

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
    from intercom_api.models.workflow_export import WorkflowExport
    from intercom_api.transport import NotGiven, RawResponse, Timeout


class Workflows:
    """Workflows.

    Export the full configuration of a workflow.
    """

    def __init__(self, client: Intercom) -> None:
        self._client = client

    def export(
        self,
        id: str,
        *,
        version: str | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> WorkflowExport:
        """Export one workflow's complete configuration.

        Permission: not documented. Intercom documents no permission or OAuth scope for this endpoint.
        OAuth scopes: not documented.
        Webhook topic fired: none.
        Available since API version 2.15.
        HTTP: GET /export/workflows/{id}

        Args:
            id: The workflow's Intercom id.
            version: The Intercom-Version header to send instead of the client's.
            timeout: Seconds to wait for this call (or an httpx.Timeout), instead of the client's.
            extra_headers: Headers to add to this call's request.

        Returns:
            The WorkflowExport Intercom answers.

        Raises:
            IntercomError: for an error answer, as the subclass of its status (NotFoundError, ...);
                APIConnectionError without an answer; APIResponseValidationError for a successful
                answer that is not the documented JSON.
            ValueError: for a path parameter that is None or empty, before any request.
        """
        from intercom_api.models.workflow_export import WorkflowExport

        return self._client._call(
            "workflows.export",
            f"/export/workflows/{_segment(id, 'id')}",
            WorkflowExport,
            version=version,
            timeout=timeout,
            extra_headers=extra_headers,
        )


class WorkflowsWithRawResponse:
    """Workflows, each method answering a RawResponse: see `with_raw_response`."""

    def __init__(self, calls: Intercom) -> None:
        self._resource = Workflows(calls)

    def export(
        self,
        id: str,
        *,
        version: str | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> RawResponse[WorkflowExport]:
        """Like `Workflows.export`, answering a RawResponse: `.parse()` gives its result."""
        # Built on the raw stand-in, the resource's method already answers a RawResponse.
        method: Callable[..., Any] = self._resource.export
        answer = method(
            id,
            version=version,
            timeout=timeout,
            extra_headers=extra_headers,
        )
        return cast("RawResponse[WorkflowExport]", answer)


class AsyncWorkflows:
    """Workflows.

    Export the full configuration of a workflow.
    """

    def __init__(self, client: AsyncIntercom) -> None:
        self._client = client

    async def export(
        self,
        id: str,
        *,
        version: str | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> WorkflowExport:
        """Export one workflow's complete configuration.

        Permission: not documented. Intercom documents no permission or OAuth scope for this endpoint.
        OAuth scopes: not documented.
        Webhook topic fired: none.
        Available since API version 2.15.
        HTTP: GET /export/workflows/{id}

        Args:
            id: The workflow's Intercom id.
            version: The Intercom-Version header to send instead of the client's.
            timeout: Seconds to wait for this call (or an httpx.Timeout), instead of the client's.
            extra_headers: Headers to add to this call's request.

        Returns:
            The WorkflowExport Intercom answers.

        Raises:
            IntercomError: for an error answer, as the subclass of its status (NotFoundError, ...);
                APIConnectionError without an answer; APIResponseValidationError for a successful
                answer that is not the documented JSON.
            ValueError: for a path parameter that is None or empty, before any request.
        """
        from intercom_api.models.workflow_export import WorkflowExport

        return await self._client._call(
            "workflows.export",
            f"/export/workflows/{_segment(id, 'id')}",
            WorkflowExport,
            version=version,
            timeout=timeout,
            extra_headers=extra_headers,
        )


class AsyncWorkflowsWithRawResponse:
    """Workflows, each method answering a RawResponse: see `with_raw_response`."""

    def __init__(self, calls: AsyncIntercom) -> None:
        self._resource = AsyncWorkflows(calls)

    async def export(
        self,
        id: str,
        *,
        version: str | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> RawResponse[WorkflowExport]:
        """Like `AsyncWorkflows.export`, answering a RawResponse: `.parse()` gives its result."""
        # Built on the raw stand-in, the resource's method already answers a RawResponse.
        method: Callable[..., Any] = self._resource.export
        answer = await method(
            id,
            version=version,
            timeout=timeout,
            extra_headers=extra_headers,
        )
        return cast("RawResponse[WorkflowExport]", answer)
