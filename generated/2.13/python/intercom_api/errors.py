"""Errors, one class per status in Intercom's error table, under IntercomError."""

from __future__ import annotations

import json
from collections.abc import Mapping
from types import MappingProxyType
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import httpx


def _text(value: object) -> str:
    """Any value an error body holds, as text: a list of messages joined, anything else
    as JSON (or its repr), so that building or printing an error never fails."""
    if isinstance(value, str):
        return value
    if isinstance(value, list):
        return "; ".join(_text(item) for item in value)
    try:
        return json.dumps(value, ensure_ascii=False, default=repr)
    except (TypeError, ValueError, RecursionError):
        return repr(value)


class IntercomError(Exception):
    """An error answer from Intercom, an answer the client could not read, or no answer
    at all (status None).

    `response` is the HTTP answer (None without one), `body` its parsed JSON (or its text
    when it is not JSON), and `headers` its headers.
    """

    what_to_do: str = "Read the message and the Intercom documentation for this endpoint."

    def __init__(
        self,
        message: str,
        *,
        status: int | None = None,
        code: str | None = None,
        request_id: str | None = None,
        endpoint_id: str | None = None,
        response: httpx.Response | None = None,
        body: object = None,
        reset_at: int | None = None,
    ) -> None:
        text = _text(message)
        super().__init__(text)
        self.message: str = text
        self.status: int | None = status
        self.code: str | None = None if code is None else _text(code)
        self.request_id: str | None = None if request_id is None else _text(request_id)
        self.endpoint_id: str | None = endpoint_id
        self.response: httpx.Response | None = response
        self.body: object = body
        self.reset_at: int | None = reset_at
        """For a rate-limited answer: when the window resets, in Unix seconds
        (X-RateLimit-Reset), if Intercom said."""

    @property
    def headers(self) -> Mapping[str, str]:
        """The answer's headers; empty when there was no answer."""
        return self.response.headers if self.response is not None else MappingProxyType({})

    def __str__(self) -> str:
        try:
            parts = [self.message]
            if self.status is not None:
                code = f" {self.code}" if self.code else ""
                parts.insert(0, f"HTTP {self.status}{code}:")
            if self.request_id:
                parts.append(f"(request id {self.request_id})")
            parts.append(f"What to do: {self.what_to_do}")
            return " ".join(_text(part) for part in parts)
        except Exception:  # an attribute replaced by something unprintable: still a message
            return repr(self.args)


class APIConnectionError(IntercomError):
    """Intercom could not be reached, or the connection broke before an answer."""

    what_to_do: str = "Check the network and the base URL; idempotent calls were already retried."


class APIResponseValidationError(IntercomError):
    """A successful answer the client could not read: not JSON (an HTML page from a proxy,
    say), empty where a body was expected, or JSON that does not match the endpoint's model.

    `status` is the answer's (2xx) status; `body_excerpt` is the start of the body.
    """

    what_to_do: str = (
        "Check that base_url points at Intercom's API and that the Intercom-Version sent is "
        "the one this client was generated for; if both are right, report the body excerpt."
    )
    body_excerpt: str = ""


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
    """Intercom answered HTTP 400.

    The request was malformed, or a parameter is missing or invalid.
    """

    what_to_do: str = WHAT_TO_DO[400]
    codes: tuple[str, ...] = ("bad_request", "parameter_invalid")
    retryable: bool = False


class UnauthorizedError(IntercomError):
    """Intercom answered HTTP 401.

    No valid access token was sent, or the token lacks the scope this endpoint needs.
    """

    what_to_do: str = WHAT_TO_DO[401]
    codes: tuple[str, ...] = ("unauthorized", "token_unauthorized")
    retryable: bool = False


class ForbiddenError(IntercomError):
    """Intercom answered HTTP 403.

    The token authenticated, but this request is not allowed for it.
    """

    what_to_do: str = WHAT_TO_DO[403]
    codes: tuple[str, ...] = ("forbidden",)
    retryable: bool = False


class NotFoundError(IntercomError):
    """Intercom answered HTTP 404.

    The resource does not exist, or lives in another region than the one called.
    """

    what_to_do: str = WHAT_TO_DO[404]
    codes: tuple[str, ...] = ("not_found",)
    retryable: bool = False


class UnprocessableEntityError(IntercomError):
    """Intercom answered HTTP 422.

    The request was well formed but a value failed validation.
    """

    what_to_do: str = WHAT_TO_DO[422]
    codes: tuple[str, ...] = ("unprocessable_entity",)
    retryable: bool = False


class RateLimitError(IntercomError):
    """Intercom answered HTTP 429.

    The app or the workspace used up its rate limit for the current window.
    """

    what_to_do: str = WHAT_TO_DO[429]
    codes: tuple[str, ...] = ("rate_limit_exceeded",)
    retryable: bool = True


class ServerError(IntercomError):
    """Intercom answered HTTP 500, 502, 503 or 504.

    Something failed on Intercom's side.
    """

    what_to_do: str = WHAT_TO_DO[500]
    codes: tuple[str, ...] = ("server_error",)
    retryable: bool = True


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
