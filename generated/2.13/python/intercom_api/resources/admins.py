"""Admins: the methods of `client.admins` for Intercom API 2.13.

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
    from intercom_api.models.admin import Admin
    from intercom_api.models.admin_list import AdminList
    from intercom_api.models.admin_with_app import AdminWithApp
    from intercom_api.transport import NotGiven, RawResponse, Timeout


class Admins:
    """Admins.

    List the workspace's admins, identify the admin behind the token, and set an admin's away mode.
    """

    def __init__(self, client: Intercom) -> None:
        self._client = client

    def list(
        self,
        *,
        display_avatar: bool | NotGiven = NOT_GIVEN,
        version: str | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> AdminList:
        """List every admin in the workspace.

        Permission: Read admins (read).
        OAuth scopes: 'Read admins'.
        Webhook topic fired: none.
        Available since API version 2.11.
        HTTP: GET /admins

        Args:
            display_avatar: Include each admin's avatar (default false).
            version: The Intercom-Version header to send instead of the client's.
            timeout: Seconds to wait for this call (or an httpx.Timeout), instead of the client's.
            extra_headers: Headers to add to this call's request.

        Returns:
            The AdminList Intercom answers.

        Raises:
            IntercomError: for an error answer, as the subclass of its status (NotFoundError, ...);
                APIConnectionError without an answer; APIResponseValidationError for a successful
                answer that is not the documented JSON.
        """
        from intercom_api.models.admin_list import AdminList

        return self._client._call(
            "admins.list",
            "/admins",
            AdminList,
            params={
                "display_avatar": display_avatar,
            },
            version=version,
            timeout=timeout,
            extra_headers=extra_headers,
        )

    def me(
        self,
        *,
        version: str | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> AdminWithApp:
        """Identify the admin that owns the access token, with its workspace.

        Permission: Read admins (read).
        OAuth scopes: 'Read admins'.
        Webhook topic fired: none.
        Available since API version 2.11.
        HTTP: GET /me

        Args:
            version: The Intercom-Version header to send instead of the client's.
            timeout: Seconds to wait for this call (or an httpx.Timeout), instead of the client's.
            extra_headers: Headers to add to this call's request.

        Returns:
            The AdminWithApp Intercom answers.

        Raises:
            IntercomError: for an error answer, as the subclass of its status (NotFoundError, ...);
                APIConnectionError without an answer; APIResponseValidationError for a successful
                answer that is not the documented JSON.
        """
        from intercom_api.models.admin_with_app import AdminWithApp

        return self._client._call(
            "admins.me",
            "/me",
            AdminWithApp,
            version=version,
            timeout=timeout,
            extra_headers=extra_headers,
        )

    def set_away(
        self,
        admin_id: str,
        *,
        away_mode_enabled: bool,
        away_mode_reassign: bool,
        version: str | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Admin:
        """Turn away mode on or off for an admin.

        Permission: Update admins (write).
        OAuth scopes: 'Update admins'.
        Webhook topic fired: admin.away_mode_updated.
        Available since API version 2.11.
        HTTP: PUT /admins/{admin_id}/away

        Args:
            admin_id: The admin's id.
            away_mode_enabled: true to mark the admin away.
            away_mode_reassign: true to send new replies to the admin's conversations to the default inbox.
            version: The Intercom-Version header to send instead of the client's.
            timeout: Seconds to wait for this call (or an httpx.Timeout), instead of the client's.
            extra_headers: Headers to add to this call's request.

        Returns:
            The Admin Intercom answers.

        Raises:
            IntercomError: for an error answer, as the subclass of its status (NotFoundError, ...);
                APIConnectionError without an answer; APIResponseValidationError for a successful
                answer that is not the documented JSON.
            ValueError: for a path parameter that is None or empty, before any request.
        """
        from intercom_api.models.admin import Admin

        return self._client._call(
            "admins.set_away",
            f"/admins/{_segment(admin_id, 'admin_id')}/away",
            Admin,
            body={
                "away_mode_enabled": away_mode_enabled,
                "away_mode_reassign": away_mode_reassign,
            },
            version=version,
            timeout=timeout,
            extra_headers=extra_headers,
        )


class AdminsWithRawResponse:
    """Admins, each method answering a RawResponse: see `with_raw_response`."""

    def __init__(self, calls: Intercom) -> None:
        self._resource = Admins(calls)

    def list(
        self,
        *,
        display_avatar: bool | NotGiven = NOT_GIVEN,
        version: str | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> RawResponse[AdminList]:
        """Like `Admins.list`, answering a RawResponse: `.parse()` gives its result."""
        # Built on the raw stand-in, the resource's method already answers a RawResponse.
        method: Callable[..., Any] = self._resource.list
        answer = method(
            display_avatar=display_avatar,
            version=version,
            timeout=timeout,
            extra_headers=extra_headers,
        )
        return cast("RawResponse[AdminList]", answer)

    def me(
        self,
        *,
        version: str | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> RawResponse[AdminWithApp]:
        """Like `Admins.me`, answering a RawResponse: `.parse()` gives its result."""
        # Built on the raw stand-in, the resource's method already answers a RawResponse.
        method: Callable[..., Any] = self._resource.me
        answer = method(
            version=version,
            timeout=timeout,
            extra_headers=extra_headers,
        )
        return cast("RawResponse[AdminWithApp]", answer)

    def set_away(
        self,
        admin_id: str,
        *,
        away_mode_enabled: bool,
        away_mode_reassign: bool,
        version: str | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> RawResponse[Admin]:
        """Like `Admins.set_away`, answering a RawResponse: `.parse()` gives its result."""
        # Built on the raw stand-in, the resource's method already answers a RawResponse.
        method: Callable[..., Any] = self._resource.set_away
        answer = method(
            admin_id,
            away_mode_enabled=away_mode_enabled,
            away_mode_reassign=away_mode_reassign,
            version=version,
            timeout=timeout,
            extra_headers=extra_headers,
        )
        return cast("RawResponse[Admin]", answer)


class AsyncAdmins:
    """Admins.

    List the workspace's admins, identify the admin behind the token, and set an admin's away mode.
    """

    def __init__(self, client: AsyncIntercom) -> None:
        self._client = client

    async def list(
        self,
        *,
        display_avatar: bool | NotGiven = NOT_GIVEN,
        version: str | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> AdminList:
        """List every admin in the workspace.

        Permission: Read admins (read).
        OAuth scopes: 'Read admins'.
        Webhook topic fired: none.
        Available since API version 2.11.
        HTTP: GET /admins

        Args:
            display_avatar: Include each admin's avatar (default false).
            version: The Intercom-Version header to send instead of the client's.
            timeout: Seconds to wait for this call (or an httpx.Timeout), instead of the client's.
            extra_headers: Headers to add to this call's request.

        Returns:
            The AdminList Intercom answers.

        Raises:
            IntercomError: for an error answer, as the subclass of its status (NotFoundError, ...);
                APIConnectionError without an answer; APIResponseValidationError for a successful
                answer that is not the documented JSON.
        """
        from intercom_api.models.admin_list import AdminList

        return await self._client._call(
            "admins.list",
            "/admins",
            AdminList,
            params={
                "display_avatar": display_avatar,
            },
            version=version,
            timeout=timeout,
            extra_headers=extra_headers,
        )

    async def me(
        self,
        *,
        version: str | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> AdminWithApp:
        """Identify the admin that owns the access token, with its workspace.

        Permission: Read admins (read).
        OAuth scopes: 'Read admins'.
        Webhook topic fired: none.
        Available since API version 2.11.
        HTTP: GET /me

        Args:
            version: The Intercom-Version header to send instead of the client's.
            timeout: Seconds to wait for this call (or an httpx.Timeout), instead of the client's.
            extra_headers: Headers to add to this call's request.

        Returns:
            The AdminWithApp Intercom answers.

        Raises:
            IntercomError: for an error answer, as the subclass of its status (NotFoundError, ...);
                APIConnectionError without an answer; APIResponseValidationError for a successful
                answer that is not the documented JSON.
        """
        from intercom_api.models.admin_with_app import AdminWithApp

        return await self._client._call(
            "admins.me",
            "/me",
            AdminWithApp,
            version=version,
            timeout=timeout,
            extra_headers=extra_headers,
        )

    async def set_away(
        self,
        admin_id: str,
        *,
        away_mode_enabled: bool,
        away_mode_reassign: bool,
        version: str | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Admin:
        """Turn away mode on or off for an admin.

        Permission: Update admins (write).
        OAuth scopes: 'Update admins'.
        Webhook topic fired: admin.away_mode_updated.
        Available since API version 2.11.
        HTTP: PUT /admins/{admin_id}/away

        Args:
            admin_id: The admin's id.
            away_mode_enabled: true to mark the admin away.
            away_mode_reassign: true to send new replies to the admin's conversations to the default inbox.
            version: The Intercom-Version header to send instead of the client's.
            timeout: Seconds to wait for this call (or an httpx.Timeout), instead of the client's.
            extra_headers: Headers to add to this call's request.

        Returns:
            The Admin Intercom answers.

        Raises:
            IntercomError: for an error answer, as the subclass of its status (NotFoundError, ...);
                APIConnectionError without an answer; APIResponseValidationError for a successful
                answer that is not the documented JSON.
            ValueError: for a path parameter that is None or empty, before any request.
        """
        from intercom_api.models.admin import Admin

        return await self._client._call(
            "admins.set_away",
            f"/admins/{_segment(admin_id, 'admin_id')}/away",
            Admin,
            body={
                "away_mode_enabled": away_mode_enabled,
                "away_mode_reassign": away_mode_reassign,
            },
            version=version,
            timeout=timeout,
            extra_headers=extra_headers,
        )


class AsyncAdminsWithRawResponse:
    """Admins, each method answering a RawResponse: see `with_raw_response`."""

    def __init__(self, calls: AsyncIntercom) -> None:
        self._resource = AsyncAdmins(calls)

    async def list(
        self,
        *,
        display_avatar: bool | NotGiven = NOT_GIVEN,
        version: str | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> RawResponse[AdminList]:
        """Like `AsyncAdmins.list`, answering a RawResponse: `.parse()` gives its result."""
        # Built on the raw stand-in, the resource's method already answers a RawResponse.
        method: Callable[..., Any] = self._resource.list
        answer = await method(
            display_avatar=display_avatar,
            version=version,
            timeout=timeout,
            extra_headers=extra_headers,
        )
        return cast("RawResponse[AdminList]", answer)

    async def me(
        self,
        *,
        version: str | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> RawResponse[AdminWithApp]:
        """Like `AsyncAdmins.me`, answering a RawResponse: `.parse()` gives its result."""
        # Built on the raw stand-in, the resource's method already answers a RawResponse.
        method: Callable[..., Any] = self._resource.me
        answer = await method(
            version=version,
            timeout=timeout,
            extra_headers=extra_headers,
        )
        return cast("RawResponse[AdminWithApp]", answer)

    async def set_away(
        self,
        admin_id: str,
        *,
        away_mode_enabled: bool,
        away_mode_reassign: bool,
        version: str | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> RawResponse[Admin]:
        """Like `AsyncAdmins.set_away`, answering a RawResponse: `.parse()` gives its result."""
        # Built on the raw stand-in, the resource's method already answers a RawResponse.
        method: Callable[..., Any] = self._resource.set_away
        answer = await method(
            admin_id,
            away_mode_enabled=away_mode_enabled,
            away_mode_reassign=away_mode_reassign,
            version=version,
            timeout=timeout,
            extra_headers=extra_headers,
        )
        return cast("RawResponse[Admin]", answer)
