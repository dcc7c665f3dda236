"""What the server and the handlers share: requests and answers, Intercom's errors, and small JSON helpers."""

from __future__ import annotations

import json
import time
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import unquote

BASE_TS = 1734537424  # a fixed "now" so generated data is the same on every run
WORKSPACE_ID = "fakeapp1"
MAX_PER_PAGE = 150

DEFAULT_MESSAGES = {
    400: ("parameter_invalid", "Parameter invalid"),
    401: ("unauthorized", "Access Token Invalid"),
    403: ("forbidden", "Forbidden"),
    404: ("not_found", "Resource Not Found"),
    409: ("conflict", "Conflict"),
    422: ("unprocessable_entity", "Unprocessable entity"),
    429: ("rate_limit_exceeded", "You have exceeded the rate limit. Please try again later."),
    500: ("server_error", "Server Error"),
    502: ("server_error", "Bad Gateway"),
    503: ("server_error", "Service Unavailable"),
    504: ("server_error", "Gateway Timeout"),
}


def version_key(version: str) -> tuple[int, ...]:
    """The version as numbers, for comparing ("2.14" -> (2, 14)); anything unparsable sorts first."""
    try:
        return tuple(int(part) for part in version.split("."))
    except ValueError:
        return (0,)


def dumps(obj: Any) -> bytes:
    return json.dumps(obj, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


def iso(ts: int) -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%S.000Z", time.gmtime(ts))


def public(obj: dict[str, Any]) -> dict[str, Any]:
    """A stored record without its private ("_"-prefixed) bookkeeping keys."""
    return {k: v for k, v in obj.items() if not k.startswith("_")}


def copy_keys(target: dict[str, Any], body: dict[str, Any], keys: tuple[str, ...]) -> None:
    """Copy those of `keys` that `body` has onto `target`."""
    for key in keys:
        if key in body:
            target[key] = body[key]


@dataclass(frozen=True)
class Recorded:
    """One request as the server received it."""

    method: str
    raw_path: str  # exactly as sent (percent-encoding kept), without the query string
    query: dict[str, list[str]]  # parsed query string
    headers: dict[str, str]  # lower-case names
    body: Any  # parsed JSON, or None (no body, or not JSON)
    raw_body: bytes = b""

    @property
    def path(self) -> str:
        """raw_path with each segment percent-decoded (for display; routing decodes per segment)."""
        return unquote(self.raw_path)

    @property
    def version(self) -> str | None:
        return self.headers.get("intercom-version")


@dataclass
class Response:
    status: int
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    content_type: str | None = "application/json; charset=utf-8"


def json_response(obj: Any, status: int = 200) -> Response:
    return Response(status, dumps(obj))


class ApiError(Exception):
    """Raised by a handler to answer with Intercom's error.list."""

    def __init__(self, status: int, code: str | None = None, message: str | None = None, field_name: str | None = None):
        default_code, default_message = DEFAULT_MESSAGES.get(status, ("server_error", "Error"))
        super().__init__(message or default_message)
        self.status = status
        self.code = code or default_code
        self.message = message or default_message
        self.field = field_name


def bad(message: str, field_name: str | None = None) -> ApiError:
    return ApiError(400, "parameter_invalid", message, field_name)


def not_found(what: str) -> ApiError:
    return ApiError(404, "not_found", f"{what} Not Found")


def require(body: dict[str, Any], key: str) -> Any:
    """`body[key]`, or 400 "<key> is required" when it is missing or empty."""
    if not body.get(key):
        raise bad(f"{key} is required", key)
    return body[key]


def require_one(values: dict[str, Any], keys: tuple[str, ...]) -> Any:
    """The first non-empty value of `keys` in `values`, or 400 "One of <a>, <b> or <c> is required"."""
    for key in keys:
        if values.get(key):
            return values[key]
    raise bad(f"One of {', '.join(keys[:-1])} or {keys[-1]} is required", keys[0])


def error_response(
    status: int,
    request_id: str,
    code: str | None = None,
    message: str | None = None,
    field_name: str | None = None,
) -> Response:
    err = ApiError(status, code, message, field_name)
    item: dict[str, Any] = {"code": err.code, "message": err.message}
    if err.field:
        item["field"] = err.field
    return Response(status, dumps({"type": "error.list", "request_id": request_id, "errors": [item]}))


@dataclass
class Request:
    """A request past the server's checks, as a handler sees it."""

    method: str
    segments: list[str]  # decoded path segments
    query: dict[str, list[str]]
    body: Any
    version: str
    params: dict[str, str] = field(default_factory=dict)

    def q(self, name: str) -> str | None:
        values = self.query.get(name)
        return values[-1] if values else None

    def obj(self) -> dict[str, Any]:
        if self.body is None:
            return {}
        if not isinstance(self.body, dict):
            raise bad("The request body must be a JSON object")
        return self.body

    def since(self, version: str) -> bool:
        """Whether the requested version is `version` or later."""
        return version_key(self.version) >= version_key(version)
