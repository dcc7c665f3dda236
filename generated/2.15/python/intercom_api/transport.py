"""Transport shared by both clients: headers, retries, rate limits and error mapping.

The access token lives only in the Authorization header: it is never part of a repr, a
log line or an exception message."""

from __future__ import annotations

import json
import os
import random
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Generic, Literal, TypeAlias, TypeVar
from urllib.parse import quote

import httpx

from intercom_api.endpoints import API_VERSION, EndpointInfo
from intercom_api.errors import ERRORS_BY_STATUS, APIResponseValidationError, IntercomError

if TYPE_CHECKING:
    from pydantic import BaseModel

M = TypeVar("M", bound="BaseModel")
R = TypeVar("R")

BASE_URLS: Mapping[str, str] = {
    "au": "https://api.au.intercom.io",
    "eu": "https://api.eu.intercom.io",
    "us": "https://api.intercom.io",
}
DEFAULT_REGION = "us"
Region: TypeAlias = Literal["au", "eu", "us"]
USER_AGENT = "intercom-api/2.15.0 (intercom-gen 0.1.0; API 2.15)"
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
DEFAULT_TIMEOUT_SECONDS = 30.0
# Seconds, an httpx.Timeout, or None for no timeout at all (as httpx takes them).
Timeout: TypeAlias = float | httpx.Timeout | None
# How much of an unreadable body an error quotes, and how many of its problems it lists.
EXCERPT_CHARACTERS = 200
PROBLEMS_LISTED = 5


class NotGiven:
    """The type of NOT_GIVEN, the default of every optional argument: an argument left
    out is not sent, while one given as None is sent as JSON null.

    Example::

        contact = next(iter(client.contacts.list(per_page=1)))
        client.contacts.update(contact.id, name=None)  # sends {"name": null}: clears the name
        client.contacts.update(contact.id, custom_attributes={"plan": None})  # sent as given
    """

    __slots__ = ()

    def __bool__(self) -> Literal[False]:
        return False

    def __repr__(self) -> str:
        return "NOT_GIVEN"


NOT_GIVEN = NotGiven()


def given(values: Mapping[str, Any]) -> dict[str, Any]:
    """A request body's fields without those left out; every other value is sent exactly
    as given, None (JSON null) and nested objects included."""
    return {key: value for key, value in values.items() if value is not NOT_GIVEN}


def query(values: Mapping[str, Any]) -> dict[str, Any]:
    """A query's parameters without those left out (a query string has no null, so None
    is left out too)."""
    return {
        key: value for key, value in values.items() if value is not None and value is not NOT_GIVEN
    }


@dataclass(frozen=True)
class RateLimit:
    """The rate-limit headers of the last answer: calls allowed, left, and when the window resets."""

    limit: int | None
    remaining: int | None
    reset: int | None


def segment(value: object, name: str) -> str:
    """One path segment, percent-encoded so that no id can change the path or query sent.
    `name` is the method's argument, for the message when the value is unusable."""
    if value is None:
        # str(None) would send /contacts/None, asking for a record that was never meant.
        raise ValueError(f"{name} is None: a path parameter needs a value")
    text = str(value)
    if not text:
        # An empty id would turn /contacts/{id} into /contacts/, a different endpoint.
        raise ValueError(f"{name} must not be empty: a path parameter needs a value")
    return quote(text, safe="").replace(".", "%2E")


def check_per_page(per_page: int | NotGiven | None) -> None:
    if isinstance(per_page, int) and not 1 <= per_page <= PER_PAGE_MAX:
        raise ValueError(
            f"per_page must be between 1 and {PER_PAGE_MAX} (Intercom's maximum page size); "
            f"got {per_page}"
        )


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
        self.region: str = region
        self.base_url: str = (base_url or BASE_URLS[region]).rstrip("/")
        self.version: str = version or API_VERSION
        self.max_retries: int = max_retries
        self.retry_backoff: float = retry_backoff
        self.max_rate_limit_wait: float = max_rate_limit_wait
        self.rate_limit: RateLimit | None = None

    def __repr__(self) -> str:
        return f"Settings(region={self.region!r}, base_url={self.base_url!r}, version={self.version!r})"

    def headers(
        self,
        version: str | None,
        accept: str,
        extra: Mapping[str, str] | None = None,
    ) -> dict[str, str]:
        headers = {
            "Authorization": self._authorization,
            VERSION_HEADER: version or self.version,
            "Accept": accept,
            "User-Agent": USER_AGENT,
        }
        if extra:
            # A header given again replaces the client's, whatever its case.
            replaced = {name.lower() for name in extra}
            headers = {k: v for k, v in headers.items() if k.lower() not in replaced}
            headers.update(extra)
        return headers

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
        body = _body(response)
        code, message = _first_error(body)
        request_id = response.headers.get("X-Request-Id") or _body_request_id(body)
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
        limited = response.status_code in RATE_LIMITED_STATUSES
        return error_type(
            message,
            status=response.status_code,
            code=code,
            request_id=request_id,
            endpoint_id=endpoint.id,
            response=response,
            body=body,
            reset_at=_header_int(response.headers, RATE_LIMIT_RESET) if limited else None,
        )


def _body(response: httpx.Response) -> Any:
    """An error answer's body: its JSON, else its text (None when empty)."""
    try:
        return json.loads(response.content)
    except (ValueError, RecursionError):
        return response.text or None


def _optional_text(value: object) -> str | None:
    if value is None or value == "":
        return None
    if isinstance(value, str):
        return value
    if isinstance(value, list):
        return "; ".join(filter(None, map(_optional_text, value))) or None
    try:
        return json.dumps(value, ensure_ascii=False, default=repr)
    except (TypeError, ValueError, RecursionError):
        return repr(value)


def _first_error(body: Any) -> tuple[str | None, str | None]:
    """The code and message of an error body, as text whatever their JSON type."""
    if isinstance(body, dict):
        errors = body.get("errors")
        if isinstance(errors, list) and errors and isinstance(errors[0], dict):
            return _optional_text(errors[0].get("code")), _optional_text(errors[0].get("message"))
        return _optional_text(body.get("code")), _optional_text(body.get("message"))
    return None, None


def _body_request_id(body: Any) -> str | None:
    value = body.get("request_id") if isinstance(body, dict) else None
    return value if isinstance(value, str) else None


def excerpt(content: bytes) -> str:
    """The start of a body, on one line, short enough for a message."""
    text = " ".join(content[: EXCERPT_CHARACTERS * 4].decode("utf-8", "replace").split())
    return text if len(text) <= EXCERPT_CHARACTERS else text[: EXCERPT_CHARACTERS - 3] + "..."


def _problems(error: Exception, where: str) -> tuple[bool, str]:
    """Whether a parse error means the body is not JSON at all, and its problems listed
    one a line (`where` and the field's path, then the problem, as pydantic words them)."""
    if isinstance(error, (json.JSONDecodeError, RecursionError)):
        return True, ""
    listed = getattr(error, "errors", None)
    problems: list[Any] = listed() if callable(listed) else []
    if problems and all(p.get("type") == "json_invalid" for p in problems):
        return True, ""
    lines = []
    for problem in problems[:PROBLEMS_LISTED]:
        path = ".".join(str(part) for part in problem.get("loc", ()))
        lines.append(f"{where}{path}\n  {problem.get('msg', '')}")
    if len(problems) > PROBLEMS_LISTED:
        lines.append(f"... and {len(problems) - PROBLEMS_LISTED} more")
    return False, "\n".join(lines) or str(error)


def unreadable(
    response: httpx.Response,
    endpoint: EndpointInfo,
    expected: str,
    error: Exception | None = None,
    where: str = "",
) -> APIResponseValidationError:
    """The error for a successful answer the client cannot read as `expected`; `where`
    prefixes the path of each problem (an item's index in a list)."""
    content = response.content
    quoted = excerpt(content)
    if not content.strip():
        message = f"{endpoint.id} answered an empty body where {expected} was expected"
        details = ""
    else:
        not_json, details = _problems(error, where) if error is not None else (True, "")
        kind = response.headers.get("Content-Type") or "no Content-Type"
        problem = (
            f"a body that is not JSON ({kind}) where {expected} was expected"
            if not_json
            else f"JSON that does not match {expected}"
        )
        message = f"{endpoint.id} answered {problem}; the body starts {quoted!r}"
    if details:
        message += ":\n" + details
    failure = APIResponseValidationError(
        message,
        status=response.status_code,
        request_id=response.headers.get("X-Request-Id"),
        endpoint_id=endpoint.id,
        response=response,
        body=_body(response),
    )
    failure.body_excerpt = quoted
    return failure


def parse_model(model: type[M], response: httpx.Response, endpoint: EndpointInfo) -> M:
    """The answer as `model`, or APIResponseValidationError (never pydantic's own error)."""
    try:
        return model.model_validate_json(response.content)
    except (ValueError, RecursionError) as error:
        raise unreadable(response, endpoint, f"a {model.__name__}", error) from None


def parse_models(model: type[M], response: httpx.Response, endpoint: EndpointInfo) -> list[M]:
    """A JSON array of objects as a list of `model` (one object alone: a list of one)."""
    expected = f"a list of {model.__name__}"
    try:
        items = json.loads(response.content)
    except (ValueError, RecursionError) as error:
        raise unreadable(response, endpoint, expected, error) from None
    if not isinstance(items, list):
        items = [items]  # one object where a list was declared: still the caller's list
    parsed = []
    for index, item in enumerate(items):
        try:
            parsed.append(model.model_validate(item))
        except (ValueError, RecursionError) as error:
            raise unreadable(response, endpoint, expected, error, f"{index}.") from None
    return parsed


class RawResponse(Generic[R]):
    """An answer as received: its status, headers and httpx response, read before (and
    whether or not) its body is parsed; `parse()` gives what the method would return.

    From `client.with_raw_response.<group>.<method>(...)`."""

    def __init__(self, http_response: httpx.Response, parse: Callable[[], R]) -> None:
        self.http_response: httpx.Response = http_response
        self._parse = parse

    @property
    def status_code(self) -> int:
        return self.http_response.status_code

    @property
    def headers(self) -> httpx.Headers:
        return self.http_response.headers

    @property
    def request_id(self) -> str | None:
        request_id: str | None = self.http_response.headers.get("X-Request-Id")
        return request_id

    def parse(self) -> R:
        """The result the method returns, parsed from the body (APIResponseValidationError
        when it cannot be)."""
        return self._parse()

    def __repr__(self) -> str:
        return f"<RawResponse {self.status_code} {self.http_response.request.url.path}>"
