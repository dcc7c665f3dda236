"""Errors, one class per status in Intercom's error table, under IntercomError."""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType


class IntercomError(Exception):
    """An error answer from Intercom, or no answer at all (status None)."""

    what_to_do = "Read the message and the Intercom documentation for this endpoint."

    def __init__(
        self,
        message: str,
        *,
        status: int | None = None,
        code: str | None = None,
        request_id: str | None = None,
        endpoint_id: str | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.status = status
        self.code = code
        self.request_id = request_id
        self.endpoint_id = endpoint_id

    def __str__(self) -> str:
        parts = [self.message]
        if self.status is not None:
            parts.insert(0, f"HTTP {self.status}" + (f" {self.code}" if self.code else "") + ":")
        if self.request_id:
            parts.append(f"(request id {self.request_id})")
        parts.append(f"What to do: {self.what_to_do}")
        return " ".join(parts)


class APIConnectionError(IntercomError):
    """Intercom could not be reached, or the connection broke before an answer."""

    what_to_do = "Check the network and the base URL; idempotent calls were already retried."


# What to do about each error, from the catalog's error table.
WHAT_TO_DO: Mapping[int, str] = MappingProxyType(
    {
        400: "Read the message, correct the body or parameters, and send again.",
        401: "Send a valid Bearer token and make sure the app holds an OAuth scope that grants the endpoint's permission.",
        403: "Check the app's permissions and which workspace it is acting on.",
        404: "Check the id, and that the request goes to the workspace's hosting region.",
        422: "Fix the field the error names and send again.",
        429: "Wait until X-RateLimit-Reset, retry, and spread calls evenly over the ten-second windows.",
        500: "Retry with backoff; contact Intercom support if it keeps failing.",
    }
)


class BadRequestError(IntercomError):
    """Bad request: HTTP (400,).

    The request was malformed, or a parameter is missing or invalid.
    """

    what_to_do = WHAT_TO_DO[400]
    codes = ("bad_request", "parameter_invalid")
    retryable = False


class UnauthorizedError(IntercomError):
    """Unauthorized: HTTP (401,).

    No valid access token was sent, or the token lacks the scope this endpoint needs.
    """

    what_to_do = WHAT_TO_DO[401]
    codes = ("unauthorized", "token_unauthorized")
    retryable = False


class ForbiddenError(IntercomError):
    """Forbidden: HTTP (403,).

    The token authenticated, but this request is not allowed for it.
    """

    what_to_do = WHAT_TO_DO[403]
    codes = ("forbidden",)
    retryable = False


class NotFoundError(IntercomError):
    """Not found: HTTP (404,).

    The resource does not exist, or lives in another region than the one called.
    """

    what_to_do = WHAT_TO_DO[404]
    codes = ("not_found",)
    retryable = False


class UnprocessableEntityError(IntercomError):
    """Unprocessable entity: HTTP (422,).

    The request was well formed but a value failed validation.
    """

    what_to_do = WHAT_TO_DO[422]
    codes = ("unprocessable_entity",)
    retryable = False


class RateLimitError(IntercomError):
    """Rate limit: HTTP (429,).

    The app or the workspace used up its rate limit for the current window.
    """

    what_to_do = WHAT_TO_DO[429]
    codes = ("rate_limit_exceeded",)
    retryable = True


class ServerError(IntercomError):
    """Server: HTTP (500, 502, 503, 504).

    Something failed on Intercom's side.
    """

    what_to_do = WHAT_TO_DO[500]
    codes = ("server_error",)
    retryable = True


ERRORS_BY_STATUS: Mapping[int, type[IntercomError]] = MappingProxyType(
    {
        **dict.fromkeys((400,), BadRequestError),
        **dict.fromkeys((401,), UnauthorizedError),
        **dict.fromkeys((403,), ForbiddenError),
        **dict.fromkeys((404,), NotFoundError),
        **dict.fromkeys((422,), UnprocessableEntityError),
        **dict.fromkeys((429,), RateLimitError),
        **dict.fromkeys((500, 502, 503, 504), ServerError),
    }
)
