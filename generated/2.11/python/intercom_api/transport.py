"""Transport shared by both clients: headers, retries, rate limits and error mapping.

The access token lives only in the Authorization header: it is never part of a repr, a
log line or an exception message."""

from __future__ import annotations

import os
import random
import time
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

import httpx

from intercom_api.endpoints import API_VERSION, EndpointInfo
from intercom_api.errors import ERRORS_BY_STATUS, IntercomError

BASE_URLS: Mapping[str, str] = {
    "au": "https://api.au.intercom.io",
    "eu": "https://api.eu.intercom.io",
    "us": "https://api.intercom.io",
}
DEFAULT_REGION = "us"
TOKEN_ENV = "INTERCOM_ACCESS_TOKEN"
VERSION_HEADER = "Intercom-Version"
PER_PAGE_MAX = 150
RATE_LIMIT_LIMIT = "X-RateLimit-Limit"
RATE_LIMIT_REMAINING = "X-RateLimit-Remaining"
RATE_LIMIT_RESET = "X-RateLimit-Reset"
RATE_LIMIT_WINDOW_SECONDS = 10
RATE_LIMITED_STATUSES = frozenset({429})
SERVER_ERROR_STATUSES = frozenset({500, 502, 503, 504})
# Only these may be sent twice without risk of doing the work twice.
IDEMPOTENT_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "PUT", "DELETE"})
MAX_BACKOFF_SECONDS = 8.0


@dataclass(frozen=True)
class RateLimit:
    """The rate-limit headers of the last answer: calls allowed, left, and when the window resets."""

    limit: int | None
    remaining: int | None
    reset: int | None


def segment(value: object) -> str:
    """One path segment, percent-encoded so that no id can change the path or query sent."""
    text = str(value)
    if not text:
        # An empty id would turn /contacts/{id} into /contacts/, a different endpoint.
        raise ValueError("a path parameter must not be empty")
    return quote(text, safe="").replace(".", "%2E")


def check_per_page(per_page: int | None) -> None:
    if per_page is not None and not 1 <= per_page <= PER_PAGE_MAX:
        raise ValueError(
            f"per_page must be between 1 and {PER_PAGE_MAX} (Intercom's maximum page size); "
            f"got {per_page}"
        )


def without_none(values: Mapping[str, Any]) -> dict[str, Any]:
    """Arguments left as None are not sent, here or in a nested object such as pagination."""
    return {
        key: without_none(value) if isinstance(value, dict) else value
        for key, value in values.items()
        if value is not None
    }


def _header_int(headers: httpx.Headers, name: str) -> int | None:
    value = headers.get(name)
    try:
        return int(value) if value is not None else None
    except ValueError:
        return None


class Settings:
    """A client's configuration. The token is kept out of every representation."""

    def __init__(
        self,
        token: str | None,
        region: str,
        base_url: str | None,
        version: str | None,
        max_retries: int,
        retry_backoff: float,
        max_rate_limit_wait: float,
    ) -> None:
        token = token if token is not None else os.environ.get(TOKEN_ENV)
        if not token:
            raise ValueError(f"no access token: pass token=... or set {TOKEN_ENV}")
        if region not in BASE_URLS:
            choices = ", ".join(sorted(BASE_URLS))
            raise ValueError(f"unknown region {region!r}; choose one of {choices}")
        if max_retries < 0:
            raise ValueError("max_retries must be 0 or more")
        self._authorization = f"Bearer {token}"
        self.region = region
        self.base_url = (base_url or BASE_URLS[region]).rstrip("/")
        self.version = version or API_VERSION
        self.max_retries = max_retries
        self.retry_backoff = retry_backoff
        self.max_rate_limit_wait = max_rate_limit_wait
        self.rate_limit: RateLimit | None = None

    def __repr__(self) -> str:
        return f"Settings(region={self.region!r}, base_url={self.base_url!r}, version={self.version!r})"

    def headers(self, version: str | None, accept: str) -> dict[str, str]:
        return {
            "Authorization": self._authorization,
            VERSION_HEADER: version or self.version,
            "Accept": accept,
        }

    def record_rate_limit(self, response: httpx.Response) -> None:
        if RATE_LIMIT_LIMIT in response.headers or RATE_LIMIT_REMAINING in response.headers:
            self.rate_limit = RateLimit(
                _header_int(response.headers, RATE_LIMIT_LIMIT),
                _header_int(response.headers, RATE_LIMIT_REMAINING),
                _header_int(response.headers, RATE_LIMIT_RESET),
            )

    def backoff(self, attempt: int) -> float:
        """Exponential backoff with full jitter, so retrying clients do not move in step."""
        ceiling = min(MAX_BACKOFF_SECONDS, self.retry_backoff * (2**attempt))
        return random.uniform(ceiling / 2, ceiling)

    def delay_before_retry(
        self,
        attempt: int,
        method: str,
        response: httpx.Response | None,
    ) -> float | None:
        """Seconds to wait before sending again, or None when the call must not be retried."""
        if attempt >= self.max_retries:
            return None
        if response is None:
            return self.backoff(attempt) if method in IDEMPOTENT_METHODS else None
        if response.status_code in RATE_LIMITED_STATUSES:
            reset = _header_int(response.headers, RATE_LIMIT_RESET)
            if reset is None:
                return self.backoff(attempt)
            # A reset in the past still deserves a short pause; a far one is capped.
            return min(max(reset - time.time(), 0.05), self.max_rate_limit_wait)
        if response.status_code in SERVER_ERROR_STATUSES and method in IDEMPOTENT_METHODS:
            return self.backoff(attempt)
        return None

    def error_for(self, response: httpx.Response, endpoint: EndpointInfo) -> IntercomError:
        code, message = _first_error(response)
        request_id = response.headers.get("X-Request-Id") or _body_request_id(response)
        error_type = ERRORS_BY_STATUS.get(response.status_code, IntercomError)
        message = message or response.reason_phrase or "no message"
        if response.status_code == 401 and code == "token_unauthorized":
            if endpoint.permission is None:
                message += f". {endpoint.id} needs a permission Intercom does not document"
            else:
                scopes = " or ".join(f"'{s}'" for s in endpoint.scopes)
                message += f". {endpoint.id} needs the permission '{endpoint.permission}', granted by the OAuth scope {scopes}"
        if response.status_code == 404 and self.region != DEFAULT_REGION:
            message += f". This client calls the {self.region} region ({self.base_url}); a workspace hosted in another region answers 404"
        return error_type(
            message,
            status=response.status_code,
            code=code,
            request_id=request_id,
            endpoint_id=endpoint.id,
        )


def _json_body(response: httpx.Response) -> Any:
    try:
        return response.json()
    except ValueError:
        return None


def _first_error(response: httpx.Response) -> tuple[str | None, str | None]:
    body = _json_body(response)
    if isinstance(body, dict):
        errors = body.get("errors")
        if isinstance(errors, list) and errors and isinstance(errors[0], dict):
            return errors[0].get("code"), errors[0].get("message")
        return body.get("code"), body.get("message")
    return None, None


def _body_request_id(response: httpx.Response) -> str | None:
    body = _json_body(response)
    value = body.get("request_id") if isinstance(body, dict) else None
    return value if isinstance(value, str) else None
