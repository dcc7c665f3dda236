"""A fake Intercom REST API served over real HTTP on 127.0.0.1, for testing generated clients.

Standard library only. Typical use::

    with running(contacts=30) as fake:
        client = make_client(base_url=fake.base_url, token=fake.token)
        ...
        assert fake.requests[-1].raw_path == "/contacts/c1"

What it does, in the order a request meets it:

1. The request is recorded in ``fake.requests`` (a :class:`Recorded`).
2. A queued fault (``fail_next`` / ``drop_next``) is consumed if one matches.
3. ``Authorization: Bearer <token>`` is checked (401 ``unauthorized``).
4. ``Intercom-Version`` must be one of ``versions`` (400 ``intercom_version_invalid``).
5. ``deny_scope`` rules answer 401 ``token_unauthorized``.
6. The route is answered from deterministic, in-memory data.

Every answer carries ``X-Request-Id`` and the ``X-RateLimit-*`` headers; error bodies are
Intercom's ``error.list`` with the same ``request_id``.

Ids are deterministic: contacts ``c1..cN``, conversations ``conv1..``, tickets ``t1..``
(inbox number ``ticket_id`` ``"1"..``), companies ``co1..`` (your ``company_id``
``company-1..``), articles ``art1..``, admins ``"1001".."100N"`` (numeric, because other
objects refer to them with integers), calls ``call1..``, internal articles ``ia1..``,
Fin Voice calls ``1..`` (integers), workflows ``w1..``, ticket types ``"101"`` and ``"102"``,
ticket states ``"1".."4"``.

A few response shapes follow the requested version: tickets carry a ``ticket_state`` string
plus labels in 2.11 and a ``ticket_state`` object from 2.12; an admin's ``avatar`` is an
object in 2.11 and a URL string from 2.12; ``ai_agent.resolution_state`` uses the 2.15 names
(``escalated``, ``negative_feedback``) from 2.15; conversations carry ``company`` from 2.15.
Endpoints added by a later version (calls and internal articles from 2.14, Fin Voice and
workflow export from 2.15) answer 404 to older versions unless ``gate_versions=False``.
"""

from __future__ import annotations

import base64
import binascii
import json
import re
import threading
import time
import traceback
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, unquote, urlsplit

__all__ = ["FakeIntercom", "Recorded", "Response", "running"]

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

TICKET_STATES = {
    "1": ("submitted", "Submitted", "Submitted"),
    "2": ("in_progress", "In progress", "In progress"),
    "3": ("waiting_on_customer", "Waiting on customer", "Waiting on you"),
    "4": ("resolved", "Resolved", "Resolved"),
}
TICKET_STATE_IDS = {category: state_id for state_id, (category, _, _) in TICKET_STATES.items()}
RESOLUTION_STATES_2_15 = {"abandoned": "negative_feedback", "routed_to_team": "escalated"}


def _version_key(version: str) -> tuple[int, ...]:
    try:
        return tuple(int(part) for part in version.split("."))
    except ValueError:
        return (0,)


def _dumps(obj: Any) -> bytes:
    return json.dumps(obj, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


def _iso(ts: int) -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%S.000Z", time.gmtime(ts))


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


@dataclass
class _Fault:
    kind: str  # "fail" | "drop"
    times: int
    status: int = 0
    headers: dict[str, str] | None = None
    code: str | None = None
    message: str | None = None
    path: str | None = None


class _ApiError(Exception):
    def __init__(self, status: int, code: str | None = None, message: str | None = None, field_name: str | None = None):
        default_code, default_message = DEFAULT_MESSAGES.get(status, ("server_error", "Error"))
        super().__init__(message or default_message)
        self.status = status
        self.code = code or default_code
        self.message = message or default_message
        self.field = field_name


def _bad(message: str, field_name: str | None = None) -> _ApiError:
    return _ApiError(400, "parameter_invalid", message, field_name)


def _not_found(what: str) -> _ApiError:
    return _ApiError(404, "not_found", f"{what} Not Found")


@dataclass
class _Request:
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
            raise _bad("The request body must be a JSON object")
        return self.body


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "FakeIntercom/1.0"
    sys_version = ""
    timeout = 30
    disable_nagle_algorithm = True  # headers and body go out in separate writes

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def _serve(self) -> None:
        self.server.fake._serve(self)  # type: ignore[attr-defined]

    do_GET = do_POST = do_PUT = do_DELETE = do_PATCH = do_HEAD = do_OPTIONS = _serve


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True


class FakeIntercom:
    """A fake Intercom API on a real socket. See the module docstring."""

    def __init__(
        self,
        token: str = "test-token",
        versions: tuple[str, ...] | list[str] = ("2.11", "2.12", "2.13", "2.14", "2.15"),
        contacts: int = 20,
        conversations: int = 8,
        *,
        companies: int = 5,
        tickets: int = 3,
        articles: int = 5,
        admins: int = 3,
        calls: int = 3,
        internal_articles: int = 3,
        fin_voice_calls: int = 2,
        workflows: int = 2,
        rate_limit: int = 10000,
        gate_versions: bool = True,
    ) -> None:
        self.token = token
        self.versions = tuple(versions)
        self.rate_limit = rate_limit
        self.gate_versions = gate_versions
        self._sizes = {
            "contacts": contacts,
            "conversations": conversations,
            "companies": companies,
            "tickets": tickets,
            "articles": articles,
            "admins": max(admins, 1),
            "calls": calls,
            "internal_articles": internal_articles,
            "fin_voice_calls": fin_voice_calls,
            "workflows": workflows,
        }
        self.requests: list[Recorded] = []
        self.errors: list[str] = []  # tracebacks of handler crashes (answered 500)
        self._lock = threading.RLock()
        self._faults: list[_Fault] = []
        self._denied: list[tuple[str | None, list[str]]] = []
        self._request_count = 0
        self._server: _Server | None = None
        self._thread: threading.Thread | None = None
        self._routes: list[tuple[str, list[str], Callable[[_Request], Response], str]] = []
        self._add_routes()
        self._build_data()

    # ------------------------------------------------------------------ lifecycle

    def start(self) -> FakeIntercom:
        if self._server is not None:
            return self
        server = _Server(("127.0.0.1", 0), _Handler)
        server.fake = self  # type: ignore[attr-defined]
        self._server = server
        self._thread = threading.Thread(
            target=server.serve_forever, kwargs={"poll_interval": 0.05}, name="fake-intercom", daemon=True
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        server, self._server = self._server, None
        if server is None:
            return
        server.shutdown()
        server.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)
            self._thread = None

    def __enter__(self) -> FakeIntercom:
        return self.start()

    def __exit__(self, *exc_info: object) -> None:
        self.stop()

    @property
    def port(self) -> int:
        if self._server is None:
            raise RuntimeError("FakeIntercom is not started")
        return self._server.server_address[1]

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    # ------------------------------------------------------------------ test controls

    def fail_next(
        self,
        status: int,
        times: int = 1,
        *,
        headers: dict[str, str] | None = None,
        code: str | None = None,
        message: str | None = None,
        path: str | None = None,
    ) -> None:
        """Answer the next `times` requests (only those to raw path `path`, if given) with an error."""
        with self._lock:
            self._faults.append(_Fault("fail", times, status, dict(headers) if headers else None, code, message, path))

    def drop_next(self, times: int = 1, *, path: str | None = None) -> None:
        """Close the connection without answering the next `times` requests (to raw path `path`, if given)."""
        with self._lock:
            self._faults.append(_Fault("drop", times, path=path))

    def deny_scope(self, rule: str) -> None:
        """Answer 401 token_unauthorized to matching requests.

        `rule` is a path prefix ("/contacts") or a method and a prefix ("GET /contacts").
        Prefixes match whole segments; a "{name}" segment matches any one segment.
        """
        method, _, prefix = rule.strip().rpartition(" ")
        segments = [s for s in prefix.strip("/").split("/") if s]
        with self._lock:
            self._denied.append((method.upper() or None, segments))

    def reset(self, *, data: bool = False) -> None:
        """Forget recorded requests, queued faults and deny_scope rules; with data=True also rebuild the data."""
        with self._lock:
            self.requests.clear()
            self.errors.clear()
            self._faults.clear()
            self._denied.clear()
            if data:
                self._build_data()

    @property
    def last_request(self) -> Recorded:
        with self._lock:
            return self.requests[-1]

    def requests_to(self, raw_path: str, method: str | None = None) -> list[Recorded]:
        with self._lock:
            return [
                r for r in self.requests if r.raw_path == raw_path and (method is None or r.method == method.upper())
            ]

    # ------------------------------------------------------------------ HTTP plumbing

    def _serve(self, handler: _Handler) -> None:
        raw_body = self._read_body(handler)
        target = handler.path
        if "://" in target.split("?", 1)[0]:
            parts = urlsplit(target)
            raw_path, raw_query = parts.path or "/", parts.query
        else:
            raw_path, _, raw_query = target.partition("?")
        query = parse_qs(raw_query, keep_blank_values=True)
        headers: dict[str, str] = {}
        for name, value in handler.headers.items():
            key = name.lower()
            headers[key] = f"{headers[key]}, {value}" if key in headers else value
        body: Any = None
        bad_json = False
        if raw_body:
            try:
                body = json.loads(raw_body)
            except ValueError:
                bad_json = True
        method = handler.command.upper()
        recorded = Recorded(method, raw_path, query, headers, body, raw_body)

        with self._lock:
            self.requests.append(recorded)
            self._request_count += 1
            request_id = f"fake-{self._request_count:08d}"
            remaining = max(self.rate_limit - self._request_count, 0)
            fault = self._take_fault(raw_path)
            if fault is not None and fault.kind == "drop":
                response = None
            elif fault is not None:
                response = self._error(fault.status, request_id, fault.code, fault.message)
                if fault.status == 429:
                    response.headers["X-RateLimit-Reset"] = str(int(time.time()) + 1)
                    response.headers["X-RateLimit-Remaining"] = "0"
                for name, value in (fault.headers or {}).items():
                    response.headers[name] = str(value)
            else:
                response = self._handle(method, raw_path, query, headers, body, bad_json, request_id)

        if response is None:
            handler.close_connection = True
            return
        self._write(handler, response, request_id, remaining)

    def _read_body(self, handler: _Handler) -> bytes:
        if "chunked" in (handler.headers.get("Transfer-Encoding") or "").lower():
            chunks = []
            while True:
                size_line = handler.rfile.readline(65537)
                size = int(size_line.split(b";", 1)[0].strip() or b"0", 16)
                if size == 0:
                    while handler.rfile.readline(65537) not in (b"\r\n", b"\n", b""):
                        pass
                    break
                chunks.append(handler.rfile.read(size))
                handler.rfile.readline(65537)
            return b"".join(chunks)
        length = int(handler.headers.get("Content-Length") or 0)
        return handler.rfile.read(length) if length > 0 else b""

    def _write(self, handler: _Handler, response: Response, request_id: str, remaining: int) -> None:
        out = {
            "X-Request-Id": request_id,
            "X-RateLimit-Limit": str(self.rate_limit),
            "X-RateLimit-Remaining": str(remaining),
            "X-RateLimit-Reset": str((int(time.time()) // 10 + 1) * 10),
        }
        if response.content_type and (response.body or response.status >= 400):
            out["Content-Type"] = response.content_type
        lowered = {k.lower(): k for k in out}
        for name, value in response.headers.items():
            out.pop(lowered.get(name.lower(), name), None)
            out[name] = value
        out["Content-Length"] = str(len(response.body))
        try:
            handler.send_response(response.status)
            for name, value in out.items():
                handler.send_header(name, value)
            handler.end_headers()
            if handler.command != "HEAD" and response.body:
                handler.wfile.write(response.body)
            handler.wfile.flush()
        except (BrokenPipeError, ConnectionResetError):
            handler.close_connection = True

    def _take_fault(self, raw_path: str) -> _Fault | None:
        for fault in self._faults:
            if fault.path is None or fault.path == raw_path:
                fault.times -= 1
                if fault.times <= 0:
                    self._faults.remove(fault)
                return fault
        return None

    def _error(
        self,
        status: int,
        request_id: str,
        code: str | None = None,
        message: str | None = None,
        field_name: str | None = None,
    ) -> Response:
        err = _ApiError(status, code, message, field_name)
        item: dict[str, Any] = {"code": err.code, "message": err.message}
        if err.field:
            item["field"] = err.field
        return Response(status, _dumps({"type": "error.list", "request_id": request_id, "errors": [item]}))

    def _handle(
        self,
        method: str,
        raw_path: str,
        query: dict[str, list[str]],
        headers: dict[str, str],
        body: Any,
        bad_json: bool,
        request_id: str,
    ) -> Response:
        auth = headers.get("authorization", "")
        scheme, _, credential = auth.partition(" ")
        if scheme.lower() != "bearer" or credential.strip() != self.token:
            return self._error(401, request_id, "unauthorized", "Access Token Invalid")
        version = headers.get("intercom-version", "").strip()
        if version not in self.versions:
            shown = version or "(none)"
            return self._error(
                400,
                request_id,
                "intercom_version_invalid",
                f"The requested version could not be found: {shown}. Supported: {', '.join(self.versions)}",
            )
        segments = [unquote(s, errors="replace") for s in raw_path.split("/")[1:]]
        if self._is_denied(method, segments):
            return self._error(401, request_id, "token_unauthorized", "Token not authorized to access this resource")
        if bad_json:
            return self._error(400, request_id, "parameter_invalid", "The request body is not valid JSON")
        request = _Request(method, segments, query, body, version)
        route = self._match(request)
        if route is None:
            return self._error(404, request_id, "not_found", "Resource Not Found")
        try:
            return route(request)
        except _ApiError as exc:
            return self._error(exc.status, request_id, exc.code, exc.message, exc.field)
        except Exception:  # pragma: no cover - a bug in the fake, surfaced to the test
            self.errors.append(traceback.format_exc())
            return self._error(500, request_id, "server_error", "Fake server crashed; see FakeIntercom.errors")

    def _is_denied(self, method: str, segments: list[str]) -> bool:
        for rule_method, prefix in self._denied:
            if rule_method is not None and rule_method != method:
                continue
            if len(segments) < len(prefix):
                continue
            if all(p == s or (p.startswith("{") and p.endswith("}")) for p, s in zip(prefix, segments, strict=False)):
                return True
        return False

    def _match(self, request: _Request) -> Callable[[_Request], Response] | None:
        for method, pattern, func, since in self._routes:
            if method != request.method or len(pattern) != len(request.segments):
                continue
            params: dict[str, str] = {}
            for p, s in zip(pattern, request.segments, strict=True):
                if p.startswith("{"):
                    if not s:
                        break
                    params[p[1:-1]] = s
                elif p != s:
                    break
            else:
                if self.gate_versions and _version_key(request.version) < _version_key(since):
                    return None
                request.params = params
                return func
        return None

    def _route(self, method: str, path: str, func: Callable[[_Request], Response], since: str = "2.11") -> None:
        self._routes.append((method, path.strip("/").split("/"), func, since))

    def _add_routes(self) -> None:
        r = self._route
        r("POST", "/contacts/search", self._contacts_search)
        r("POST", "/contacts", self._contacts_create)
        r("GET", "/contacts", self._contacts_list)
        r("GET", "/contacts/{contact_id}", self._contacts_retrieve)
        r("PUT", "/contacts/{contact_id}", self._contacts_update)
        r("DELETE", "/contacts/{contact_id}", self._contacts_delete)
        r("POST", "/contacts/{contact_id}/archive", self._contacts_archive)
        r("POST", "/conversations/search", self._conversations_search)
        r("POST", "/conversations", self._conversations_create)
        r("GET", "/conversations", self._conversations_list)
        r("GET", "/conversations/{conversation_id}", self._conversations_retrieve)
        r("POST", "/conversations/{conversation_id}/reply", self._conversations_reply)
        r("POST", "/conversations/{conversation_id}/parts", self._conversations_manage)
        r("POST", "/messages", self._messages_create)
        r("POST", "/tickets", self._tickets_create)
        r("GET", "/tickets/{ticket_id}", self._tickets_retrieve)
        r("PUT", "/tickets/{ticket_id}", self._tickets_update)
        r("POST", "/tickets/{ticket_id}/reply", self._tickets_reply)
        r("POST", "/companies/list", self._companies_list)
        r("POST", "/companies", self._companies_upsert)
        r("GET", "/companies/{company_id}", self._companies_retrieve)
        r("POST", "/articles", self._articles_create)
        r("GET", "/articles", self._articles_list)
        r("GET", "/articles/{article_id}", self._articles_retrieve)
        r("PUT", "/articles/{article_id}", self._articles_update)
        r("POST", "/events", self._events_submit)
        r("GET", "/events", self._events_list)
        r("GET", "/admins", self._admins_list)
        r("GET", "/me", self._admins_me)
        r("PUT", "/admins/{admin_id}/away", self._admins_away)
        # 2.14
        r("GET", "/calls", self._calls_list, "2.14")
        r("POST", "/calls/search", self._calls_search, "2.14")
        r("GET", "/calls/{call_id}", self._calls_retrieve, "2.14")
        r("GET", "/calls/{call_id}/recording", self._calls_recording, "2.14")
        r("GET", "/calls/{call_id}/transcript", self._calls_transcript, "2.14")
        r("GET", "/internal_articles/search", self._internal_articles_search, "2.14")
        r("GET", "/internal_articles", self._internal_articles_list, "2.14")
        r("POST", "/internal_articles", self._internal_articles_create, "2.14")
        r("GET", "/internal_articles/{internal_article_id}", self._internal_articles_retrieve, "2.14")
        r("PUT", "/internal_articles/{internal_article_id}", self._internal_articles_update, "2.14")
        r("DELETE", "/internal_articles/{internal_article_id}", self._internal_articles_delete, "2.14")
        # 2.15
        r("POST", "/fin_voice/register", self._fin_voice_register, "2.15")
        r("GET", "/fin_voice/collect/{id}", self._fin_voice_collect, "2.15")
        r("GET", "/fin_voice/external_id/{external_id}", self._fin_voice_by_external_id, "2.15")
        r("GET", "/fin_voice/phone_number/{phone_number}", self._fin_voice_by_phone, "2.15")
        r("GET", "/fin_voice/conversation/{conversation_id}", self._fin_voice_by_conversation, "2.15")
        r("GET", "/export/workflows/{id}", self._workflows_export, "2.15")

    # ------------------------------------------------------------------ data

    def _tick(self) -> int:
        """A deterministic clock for created_at/updated_at of writes."""
        self._clock += 1
        return self._clock

    def _next_id(self, kind: str) -> int:
        self._seq[kind] = self._seq.get(kind, 0) + 1
        return self._seq[kind]

    def _build_data(self) -> None:
        s = self._sizes
        self._clock = BASE_TS + 10_000_000
        self._seq: dict[str, int] = {}
        self.admins: dict[str, dict[str, Any]] = {}
        for i in range(1, s["admins"] + 1):
            admin_id = str(1000 + i)
            self.admins[admin_id] = {
                "type": "admin",
                "id": admin_id,
                "name": f"Admin {i}",
                "email": f"admin{i}@example.com",
                "job_title": "Support Engineer" if i > 1 else "Head of Support",
                "away_mode_enabled": False,
                "away_mode_reassign": False,
                "has_inbox_seat": True,
                "team_ids": [5000 + i],
                "away_status_reason_id": None,
                "team_priority_level": {"primary_team_ids": [5000 + i], "secondary_team_ids": []},
                "_avatar_url": f"https://static.intercomassets.com/avatars/admins/{admin_id}.png",
            }
        self._admin_ids = list(self.admins)

        self.companies: dict[str, dict[str, Any]] = {}
        for i in range(1, s["companies"] + 1):
            self._add_company(i)
        self._seq["company"] = s["companies"]
        company_ids = list(self.companies)

        self.contacts: dict[str, dict[str, Any]] = {}
        self._contact_json: dict[str, bytes] = {}
        self._contact_order: list[str] = []
        for i in range(1, s["contacts"] + 1):
            company_id = company_ids[(i - 1) % len(company_ids)] if company_ids else None
            self._store_contact(self._make_contact(i, company_id))
        self._seq["contact"] = s["contacts"]
        for company in self.companies.values():
            company["user_count"] = sum(
                1 for c in self.contacts.values() if any(x["id"] == company["id"] for x in c["companies"]["data"])
            )

        self.conversations: dict[str, dict[str, Any]] = {}
        for i in range(1, s["conversations"] + 1):
            self._add_seed_conversation(i)
        self._seq["conversation"] = s["conversations"]

        self.ticket_types = {
            "101": self._make_ticket_type("101", "Bug report", "Customer"),
            "102": self._make_ticket_type("102", "Billing follow-up", "Back-office"),
        }
        self.tickets: dict[str, dict[str, Any]] = {}
        for i in range(1, s["tickets"] + 1):
            contact = self._contact_ref(f"c{(i - 1) % max(s['contacts'], 1) + 1}")
            self._add_ticket(
                i,
                ticket_type_id="101" if i % 2 else "102",
                contacts=[contact] if contact else [],
                attributes={"_default_title_": f"Ticket {i}", "_default_description_": f"Something is wrong ({i})."},
                state=["submitted", "in_progress", "waiting_on_customer", "resolved"][(i - 1) % 4],
                created_at=BASE_TS + 500 * i,
            )
        self._seq["ticket"] = s["tickets"]

        self.articles: dict[str, dict[str, Any]] = {}
        for i in range(1, s["articles"] + 1):
            self._add_article(
                i,
                {
                    "title": f"How to do thing {i}",
                    "description": f"Thing {i}",
                    "body": f"<p>Step one of thing {i}.</p>",
                    "author_id": int(self._admin_ids[0]),
                    "state": "published" if i % 2 else "draft",
                    "parent_id": 100 + (i % 3),
                    "parent_type": "collection",
                },
                BASE_TS + 800 * i,
            )
        self._seq["article"] = s["articles"]

        self.events: list[dict[str, Any]] = []  # bodies of accepted POST /events

        self.calls: dict[str, dict[str, Any]] = {}
        for i in range(1, s["calls"] + 1):
            call_id = f"call{i}"
            conv = f"conv{i}" if i <= s["conversations"] else None
            created = BASE_TS + 900 * i
            self.calls[call_id] = {
                "type": "call",
                "id": call_id,
                "conversation_id": conv,
                "admin_id": self._admin_ids[(i - 1) % len(self._admin_ids)],
                "contact_id": f"c{i}" if i <= s["contacts"] else None,
                "state": "completed",
                "initiated_at": created,
                "answered_at": created + 3,
                "ended_at": created + 93,
                "created_at": created,
                "updated_at": created + 94,
                "recording_url": f"/calls/{call_id}/recording",
                "transcription_url": f"/calls/{call_id}/transcript",
                "call_type": "phone",
                "direction": "inbound" if i % 2 else "outbound",
                "ended_reason": "completed",
                "phone": f"+1555010{i:04d}",
                "fin_recording_url": None,
                "fin_transcription_url": None,
            }

        self.internal_articles: dict[str, dict[str, Any]] = {}
        for i in range(1, s["internal_articles"] + 1):
            self._add_internal_article(
                i,
                {
                    "title": f"Internal note {i}",
                    "body": f"<p>Only for the team ({i}).</p>",
                    "author_id": int(self._admin_ids[0]),
                    "owner_id": int(self._admin_ids[-1]),
                },
                BASE_TS + 700 * i,
            )
        self._seq["internal_article"] = s["internal_articles"]

        self.fin_voice_calls: dict[int, dict[str, Any]] = {}
        for i in range(1, s["fin_voice_calls"] + 1):
            self.fin_voice_calls[i] = {
                "id": i,
                "app_id": 12345,
                "user_phone_number": f"+1555020{i:04d}",
                "status": "completed",
                "intercom_call_id": f"call{i}",
                "external_call_id": f"ext-{i}",
                "intercom_conversation_id": f"conv{i}",
                "call_transcript": [
                    {"role": "user", "content": "Where is my order?"},
                    {"role": "agent", "content": "It ships tomorrow."},
                ],
                "call_summary": "The customer asked about an order; Fin answered.",
                "intent": [{"name": "order_status", "confidence": 0.93}],
            }
        self._seq["fin_voice"] = s["fin_voice_calls"]

        self.workflows: dict[str, dict[str, Any]] = {}
        for i in range(1, s["workflows"] + 1):
            self.workflows[f"w{i}"] = {
                "export_version": "1.0",
                "exported_at": _iso(BASE_TS),
                "app_id": 12345,
                "workflow": {
                    "id": f"w{i}",
                    "title": f"Workflow {i}",
                    "description": "Routes new conversations to the right team",
                    "trigger_type": "inbound_conversation",
                    "state": ["live", "draft", "paused"][(i - 1) % 3],
                    "target_channels": ["chat"],
                    "preferred_devices": ["desktop", "mobile"],
                    "created_at": _iso(BASE_TS + i),
                    "updated_at": _iso(BASE_TS + 1000 + i),
                    "targeting": {},
                    "snapshot": {"steps": [{"type": "send_message", "body": "Hi!"}]},
                    "attributes": [],
                    "embedded_rules": [],
                },
            }

    # contacts ---------------------------------------------------------

    def _make_contact(self, i: int, company_id: str | None) -> dict[str, Any]:
        contact_id = f"c{i}"
        is_lead = i % 3 == 0
        created = BASE_TS + 60 * i
        companies = [{"id": company_id, "type": "company", "url": f"/companies/{company_id}"}] if company_id else []
        return {
            "type": "contact",
            "id": contact_id,
            "workspace_id": WORKSPACE_ID,
            "external_id": None if is_lead else f"user-{i}",
            "role": "lead" if is_lead else "user",
            "email": f"{'lead' if is_lead else 'user'}{i}@example.com",
            "email_domain": "example.com",
            "phone": None if is_lead else f"+1555000{i:04d}",
            "formatted_phone": None if is_lead else f"+1 555-000-{i:04d}",
            "name": f"{'Lead' if is_lead else 'User'} {i}",
            "owner_id": int(self._admin_ids[0]) if i % 2 else None,
            "has_hard_bounced": False,
            "marked_email_as_spam": False,
            "unsubscribed_from_emails": i % 7 == 0,
            "created_at": created,
            "updated_at": created + 30,
            "signed_up_at": None if is_lead else created,
            "last_seen_at": created + 3600,
            "last_replied_at": None,
            "last_contacted_at": None,
            "last_email_opened_at": None,
            "last_email_clicked_at": None,
            "language_override": None,
            "browser": "chrome",
            "browser_version": "120.0.0",
            "browser_language": "en",
            "os": "OS X 14.2",
            "android_app_name": None,
            "android_app_version": None,
            "android_device": None,
            "android_os_version": None,
            "android_sdk_version": None,
            "android_last_seen_at": None,
            "ios_app_name": None,
            "ios_app_version": None,
            "ios_device": None,
            "ios_os_version": None,
            "ios_sdk_version": None,
            "ios_last_seen_at": None,
            "custom_attributes": {"plan": "pro" if i % 2 else "free", "seats": i % 10},
            "avatar": {"type": "avatar", "image_url": f"https://example.com/avatars/{contact_id}.png"},
            "tags": {
                "type": "list",
                "data": [{"type": "tag", "id": "tag1", "url": "/tags/tag1"}] if i % 2 else [],
                "url": f"/contacts/{contact_id}/tags",
                "total_count": 1 if i % 2 else 0,
                "has_more": False,
            },
            "notes": {
                "type": "list",
                "data": [{"type": "note", "id": f"note{i}", "url": f"/notes/note{i}"}],
                "url": f"/contacts/{contact_id}/notes",
                "total_count": 1,
                "has_more": False,
            },
            "companies": {
                "type": "list",
                "data": companies,
                "url": f"/contacts/{contact_id}/companies",
                "total_count": len(companies),
                "has_more": False,
            },
            "location": {
                "type": "location",
                "country": "Ireland",
                "region": "Dublin",
                "city": "Dublin",
                "country_code": "IRL",
                "continent_code": "EU",
            },
            "social_profiles": {
                "type": "list",
                "data": [{"type": "social_profile", "name": "Twitter", "url": f"https://twitter.com/{contact_id}"}],
            },
            "enabled_push_messaging": None,
        }

    def _store_contact(self, contact: dict[str, Any]) -> None:
        contact_id = contact["id"]
        if contact_id not in self.contacts:
            self._contact_order.append(contact_id)
        self.contacts[contact_id] = contact
        self._contact_json[contact_id] = _dumps(contact)

    def _contact(self, contact_id: str) -> dict[str, Any]:
        contact = self.contacts.get(contact_id)
        if contact is None:
            raise _not_found("User")
        return contact

    def _contact_ref(self, contact_id: str) -> dict[str, Any] | None:
        contact = self.contacts.get(contact_id)
        if contact is None:
            return None
        return {"type": "contact", "id": contact["id"], "external_id": contact["external_id"]}

    # companies --------------------------------------------------------

    def _add_company(self, i: int, body: dict[str, Any] | None = None) -> dict[str, Any]:
        company_id = f"co{i}"
        created = BASE_TS + 120 * i
        company = {
            "type": "company",
            "id": company_id,
            "name": f"Company {i}",
            "app_id": WORKSPACE_ID,
            "plan": {"type": "plan", "id": f"plan{i % 2 + 1}", "name": "Pro" if i % 2 else "Starter"},
            "company_id": f"company-{i}",
            "remote_created_at": created - 86400,
            "created_at": created,
            "updated_at": created + 10,
            "last_request_at": created + 3600,
            "size": 10 * i,
            "website": f"https://company{i}.example.com",
            "industry": "Software",
            "monthly_spend": 100 * i,
            "session_count": 3 * i,
            "user_count": 0,
            "custom_attributes": {"tier": "gold" if i % 2 else "silver"},
            "tags": {
                "type": "tag.list",
                "tags": [{"type": "tag", "id": "tag2", "name": "Enterprise"}] if i % 2 else [],
            },
            "segments": {
                "type": "segment.list",
                "segments": [
                    {
                        "type": "segment",
                        "id": "seg1",
                        "name": "Active",
                        "created_at": BASE_TS,
                        "updated_at": BASE_TS,
                        "person_type": "user",
                        "count": 3,
                    }
                ],
            },
        }
        if body:
            self._apply_company(company, body)
        self.companies[company_id] = company
        return company

    def _apply_company(self, company: dict[str, Any], body: dict[str, Any]) -> None:
        for key in ("name", "company_id", "size", "website", "industry", "remote_created_at", "monthly_spend"):
            if key in body:
                company[key] = body[key]
        if "plan" in body:
            company["plan"] = (
                {"type": "plan", "id": f"plan-{body['plan']}", "name": body["plan"]} if body["plan"] else {}
            )
        if isinstance(body.get("custom_attributes"), dict):
            company["custom_attributes"] = {**company["custom_attributes"], **body["custom_attributes"]}

    # conversations ----------------------------------------------------

    def _author(self, kind: str, ident: str | None) -> dict[str, Any]:
        if kind == "admin":
            admin = self.admins.get(str(ident)) or self.admins[self._admin_ids[0]]
            return {"type": "admin", "id": admin["id"], "name": admin["name"], "email": admin["email"]}
        contact = self.contacts.get(str(ident)) if ident else None
        if contact is None:
            return {"type": "user", "id": str(ident or ""), "name": None, "email": None}
        return {"type": contact["role"], "id": contact["id"], "name": contact["name"], "email": contact["email"]}

    def _part(
        self,
        part_type: str,
        body: str | None,
        author: dict[str, Any],
        created: int,
        *,
        assigned_to: dict[str, Any] | None = None,
        state: str = "open",
    ) -> dict[str, Any]:
        return {
            "type": "conversation_part",
            "id": str(self._next_id("part")),
            "part_type": part_type,
            "body": body,
            "created_at": created,
            "updated_at": created,
            "notified_at": created,
            "assigned_to": assigned_to,
            "author": author,
            "attachments": [],
            "external_id": None,
            "redacted": False,
            "email_message_metadata": None,
            "state": state,
            "tags": [],
            "event_details": None,
            "app_package_code": None,
            "metadata": None,
        }

    def _new_conversation(
        self,
        conv_id: str,
        contact_id: str | None,
        created: int,
        body: str,
        *,
        source_author: dict[str, Any],
        delivered_as: str,
        subject: str = "",
    ) -> dict[str, Any]:
        contact_ref = self._contact_ref(contact_id) if contact_id else None
        contact = self.contacts.get(contact_id or "")
        company_ref = None
        if contact and contact["companies"]["data"]:
            company_ref = contact["companies"]["data"][0]["id"]
        conv = {
            "type": "conversation",
            "id": conv_id,
            "title": None,
            "created_at": created,
            "updated_at": created,
            "waiting_since": created,
            "snoozed_until": None,
            "open": True,
            "state": "open",
            "read": False,
            "priority": "not_priority",
            "admin_assignee_id": None,
            "team_assignee_id": None,
            "tags": {"type": "tag.list", "tags": []},
            "conversation_rating": None,
            "source": {
                "type": "conversation",
                "id": str(self._next_id("source") + 403918000),
                "delivered_as": delivered_as,
                "subject": subject,
                "body": body,
                "author": source_author,
                "attachments": [],
                "url": None,
                "redacted": False,
            },
            "contacts": {"type": "contact.list", "contacts": [contact_ref] if contact_ref else []},
            "teammates": {"type": "admin.list", "teammates": []},
            "custom_attributes": {},
            "first_contact_reply": None,
            "sla_applied": None,
            "statistics": {
                "type": "conversation_statistics",
                "count_reopens": 0,
                "count_assignments": 0,
                "count_conversation_parts": 1,
            },
            "conversation_parts": {"type": "conversation_part.list", "conversation_parts": [], "total_count": 0},
            "linked_objects": {"type": "list", "total_count": 0, "has_more": False, "data": []},
            "ai_agent_participated": False,
            "ai_agent": None,
            "_company_id": company_ref,
        }
        self.conversations[conv_id] = conv
        return conv

    def _add_seed_conversation(self, i: int) -> None:
        n_contacts = self._sizes["contacts"]
        contact_id = f"c{(i - 1) % n_contacts + 1}" if n_contacts else None
        created = BASE_TS + 300 * i
        admin = self._admin_ids[(i - 1) % len(self._admin_ids)]
        conv = self._new_conversation(
            f"conv{i}",
            contact_id,
            created,
            f"<p>Hello, I need help with order {i}.</p>",
            source_author=self._author("user", contact_id),
            delivered_as="customer_initiated",
            subject="",
        )
        state = ["open", "closed", "snoozed"][(i - 1) % 3]
        conv.update(
            {
                "title": f"Order {i} question",
                "updated_at": created + 200,
                "state": state,
                "open": state != "closed",
                "read": i % 2 == 0,
                "priority": "priority" if i % 4 == 0 else "not_priority",
                "snoozed_until": created + 86400 if state == "snoozed" else None,
                "waiting_since": created if state == "open" else None,
                "admin_assignee_id": int(admin),
                "team_assignee_id": 5001,
                "tags": {
                    "type": "tag.list",
                    "tags": [
                        {
                            "type": "tag",
                            "id": "tag1",
                            "name": "VIP",
                            "applied_at": created + 5,
                            "applied_by": {"type": "admin", "id": admin},
                        }
                    ],
                },
                "conversation_rating": {
                    "rating": 5,
                    "remark": "Great help",
                    "created_at": created + 150,
                    "updated_at": created + 150,
                    "contact": self._contact_ref(contact_id) if contact_id else None,
                    "teammate": {"type": "admin", "id": admin},
                }
                if state == "closed"
                else None,
                "teammates": {"type": "admin.list", "teammates": [{"type": "admin", "id": admin}]},
                "custom_attributes": {"issue_type": "billing" if i % 2 else "shipping"},
                "first_contact_reply": {"created_at": created, "type": "conversation", "url": None},
                "sla_applied": {
                    "type": "conversation_sla_summary",
                    "sla_name": "First response",
                    "sla_status": ["hit", "missed", "active"][i % 3],
                },
                "linked_objects": {
                    "type": "list",
                    "total_count": 1 if i == 1 and self._sizes["tickets"] else 0,
                    "has_more": False,
                    "data": [{"type": "ticket", "id": "t1", "category": "Customer"}]
                    if i == 1 and self._sizes["tickets"]
                    else [],
                },
                "ai_agent_participated": True,
                "ai_agent": {
                    "source_type": "workflow",
                    "source_title": "Fin answers",
                    "last_answer_type": "ai_answer",
                    "resolution_state": ["assumed_resolution", "confirmed_resolution", "routed_to_team", "abandoned"][
                        (i - 1) % 4
                    ],
                    "rating": 4,
                    "rating_remark": "Helpful",
                    "created_at": created + 20,
                    "updated_at": created + 40,
                    "content_sources": {
                        "type": "content_source.list",
                        "total_count": 1,
                        "content_sources": [
                            {
                                "content_type": "article",
                                "url": "/articles/art1",
                                "title": "How to do thing 1",
                                "locale": "en",
                            }
                        ],
                    },
                },
            }
        )
        parts = [
            self._part(
                "comment",
                f"<p>Thanks for reaching out about order {i}.</p>",
                self._author("admin", admin),
                created + 60,
            ),
            self._part(
                "assignment",
                None,
                self._author("admin", admin),
                created + 30,
                assigned_to={"type": "admin", "id": admin},
            ),
        ]
        if state == "closed":
            parts.append(self._part("close", None, self._author("admin", admin), created + 200, state="closed"))
        elif state == "snoozed":
            parts.append(self._part("snoozed", None, self._author("admin", admin), created + 200, state="snoozed"))
        conv["conversation_parts"] = {
            "type": "conversation_part.list",
            "conversation_parts": parts,
            "total_count": len(parts),
        }
        conv["statistics"] = {
            "type": "conversation_statistics",
            "time_to_assignment": 30,
            "time_to_admin_reply": 60,
            "time_to_first_close": 200 if state == "closed" else None,
            "time_to_last_close": 200 if state == "closed" else None,
            "median_time_to_reply": 60,
            "first_contact_reply_at": created,
            "first_assignment_at": created + 30,
            "first_admin_reply_at": created + 60,
            "first_close_at": created + 200 if state == "closed" else None,
            "last_assignment_at": created + 30,
            "last_assignment_admin_reply_at": created + 60,
            "last_contact_reply_at": created,
            "last_admin_reply_at": created + 60,
            "last_close_at": created + 200 if state == "closed" else None,
            "last_closed_by_id": admin if state == "closed" else None,
            "count_reopens": 0,
            "count_assignments": 1,
            "count_conversation_parts": len(parts) + 1,
        }

    def _conversation(self, conv_id: str) -> dict[str, Any]:
        conv = self.conversations.get(conv_id)
        if conv is None:
            raise _not_found("Conversation")
        return conv

    def _render_conversation(self, conv: dict[str, Any], version: str, *, with_parts: bool = True) -> dict[str, Any]:
        out = {k: v for k, v in conv.items() if not k.startswith("_")}
        if not with_parts:
            out.pop("conversation_parts", None)
        v = _version_key(version)
        if out.get("ai_agent") and v >= (2, 15):
            ai = dict(out["ai_agent"])
            ai["resolution_state"] = RESOLUTION_STATES_2_15.get(ai["resolution_state"], ai["resolution_state"])
            out["ai_agent"] = ai
        if v >= (2, 15):
            company = self.companies.get(conv.get("_company_id") or "")
            out["company"] = dict(company) if company else None
        return out

    # tickets ----------------------------------------------------------

    def _make_ticket_type(self, type_id: str, name: str, category: str) -> dict[str, Any]:
        attrs = []
        for n, (attr_name, desc) in enumerate([("_default_title_", "Title"), ("_default_description_", "Description")]):
            attrs.append(
                {
                    "type": "ticket_type_attribute",
                    "id": f"{type_id}{n}",
                    "workspace_id": WORKSPACE_ID,
                    "name": attr_name,
                    "description": desc,
                    "data_type": "string",
                    "input_options": None,
                    "order": n,
                    "required_to_create": n == 0,
                    "required_to_create_for_contacts": False,
                    "visible_on_create": True,
                    "visible_to_contacts": True,
                    "default": True,
                    "ticket_type_id": int(type_id),
                    "archived": False,
                    "created_at": BASE_TS,
                    "updated_at": BASE_TS,
                }
            )
        return {
            "type": "ticket_type",
            "id": type_id,
            "category": category,
            "name": name,
            "description": f"{name} tickets",
            "icon": "🐞",
            "workspace_id": WORKSPACE_ID,
            "ticket_type_attributes": {"type": "ticket_type_attributes.list", "ticket_type_attributes": attrs},
            "archived": False,
            "created_at": BASE_TS,
            "updated_at": BASE_TS,
        }

    def _add_ticket(
        self,
        i: int,
        *,
        ticket_type_id: str,
        contacts: list[dict[str, Any]],
        attributes: dict[str, Any],
        state: str,
        created_at: int,
        company_id: str | None = None,
        admin_id: str | None = None,
    ) -> dict[str, Any]:
        ticket_id = f"t{i}"
        ticket_type = self.ticket_types[ticket_type_id]
        author = self._author("admin", admin_id or self._admin_ids[0])
        ticket = {
            "type": "ticket",
            "id": ticket_id,
            "ticket_id": str(i),
            "category": ticket_type["category"],
            "ticket_attributes": dict(attributes),
            "_state": state,
            "ticket_type": ticket_type,
            "contacts": {"type": "contact.list", "contacts": contacts},
            "admin_assignee_id": admin_id or "0",
            "team_assignee_id": "0",
            "created_at": created_at,
            "updated_at": created_at,
            "open": state != "resolved",
            "snoozed_until": None,
            "linked_objects": {"type": "list", "total_count": 0, "has_more": False, "data": []},
            "ticket_parts": {
                "type": "ticket_part.list",
                "ticket_parts": [
                    self._state_change_part("submitted", state, author, created_at)
                ],
                "total_count": 1,
            },
            "is_shared": True,
            "_company_id": company_id,
        }
        self.tickets[ticket_id] = ticket
        return ticket

    def _ticket(self, ticket_id: str) -> dict[str, Any]:
        ticket = self.tickets.get(ticket_id)
        if ticket is None:
            raise _not_found("Ticket")
        return ticket

    def _render_ticket(self, ticket: dict[str, Any], version: str) -> dict[str, Any]:
        out = {k: v for k, v in ticket.items() if not k.startswith("_")}
        state = ticket["_state"]
        state_id = TICKET_STATE_IDS[state]
        _, internal, external = TICKET_STATES[state_id]
        if _version_key(version) >= (2, 12):
            out["ticket_state"] = {
                "type": "ticket_state",
                "id": state_id,
                "category": state,
                "internal_label": internal,
                "external_label": external,
            }
            ticket_type = dict(out["ticket_type"])
            ticket_type["ticket_states"] = {
                "type": "list",
                "data": [
                    {"type": "ticket_state", "id": sid, "category": cat, "internal_label": il, "external_label": el}
                    for sid, (cat, il, el) in TICKET_STATES.items()
                ],
            }
            out["ticket_type"] = ticket_type
        else:
            out["ticket_state"] = state
            out["ticket_state_internal_label"] = internal
            out["ticket_state_external_label"] = external
        return out

    # articles ---------------------------------------------------------

    def _add_article(self, i: int, body: dict[str, Any], created: int) -> dict[str, Any]:
        article_id = f"art{i}"
        article = {
            "type": "article",
            "id": article_id,
            "workspace_id": WORKSPACE_ID,
            "title": "",
            "description": "",
            "body": "",
            "author_id": int(self._admin_ids[0]),
            "state": "draft",
            "created_at": created,
            "updated_at": created,
            "url": None,
            "parent_id": None,
            "parent_ids": [],
            "parent_type": None,
            "default_locale": "en",
            "translated_content": None,
            "tags": {"type": "tag.list", "tags": []},
            "statistics": {
                "type": "article_statistics",
                "views": 10 * i,
                "conversions": i,
                "reactions": 2 * i,
                "happy_reaction_percentage": 50.0,
                "neutral_reaction_percentage": 30.0,
                "sad_reaction_percentage": 20.0,
            },
        }
        self._apply_article(article, body)
        self.articles[article_id] = article
        return article

    def _apply_article(self, article: dict[str, Any], body: dict[str, Any]) -> None:
        for key in (
            "title",
            "description",
            "body",
            "author_id",
            "state",
            "parent_id",
            "parent_type",
            "translated_content",
        ):
            if key in body:
                article[key] = body[key]
        if article["parent_id"] is not None:
            try:
                article["parent_id"] = int(article["parent_id"])
            except (TypeError, ValueError):
                raise _bad("parent_id must be an integer", "parent_id") from None
            article["parent_ids"] = [article["parent_id"]]
        slug = "-".join(str(article["title"]).lower().split())[:60]
        article["url"] = (
            f"https://help.example.com/en/articles/{article['id']}-{slug}" if article["state"] == "published" else None
        )

    def _article(self, article_id: str) -> dict[str, Any]:
        article = self.articles.get(article_id)
        if article is None:
            raise _not_found("Article")
        return article

    def _add_internal_article(self, i: int, body: dict[str, Any], created: int) -> dict[str, Any]:
        article = {
            "type": "internal_article",
            "id": f"ia{i}",
            "title": body.get("title", ""),
            "body": body.get("body", ""),
            "owner_id": body.get("owner_id"),
            "author_id": body.get("author_id"),
            "created_at": created,
            "updated_at": created,
            "locale": "en",
            "_folder_id": body.get("_folder_id", "f1"),
        }
        self.internal_articles[article["id"]] = article
        return article

    # ------------------------------------------------------------------ helpers for routes

    @staticmethod
    def _json(obj: Any, status: int = 200) -> Response:
        return Response(status, _dumps(obj))

    @staticmethod
    def _int(value: Any, name: str, default: int, minimum: int = 1) -> int:
        if value is None or value == "":
            return default
        if isinstance(value, bool):
            raise _bad(f"{name} must be an integer", name)
        try:
            number = int(value)
        except (TypeError, ValueError):
            raise _bad(f"{name} must be an integer", name) from None
        if number < minimum:
            raise _bad(f"{name} must be at least {minimum}", name)
        return number

    def _per_page(self, value: Any, default: int) -> int:
        return min(self._int(value, "per_page", default), MAX_PER_PAGE)

    @staticmethod
    def _encode_cursor(last_id: str, offset: int, page: int) -> str:
        return base64.b64encode(_dumps([last_id, offset, page])).decode("ascii")

    @staticmethod
    def _decode_cursor(cursor: str) -> tuple[str, int, int]:
        try:
            last_id, offset, page = json.loads(base64.b64decode(cursor.encode("ascii"), validate=True))
            return str(last_id), int(offset), int(page)
        except (ValueError, TypeError, binascii.Error, UnicodeError):
            raise _bad("Invalid starting_after value", "starting_after") from None

    def _cursor_page(
        self, ids: list[str], per_page: int, starting_after: str | None, page: int | None = None
    ) -> tuple[list[str], dict[str, Any]]:
        """Cut one page out of `ids`; returns the ids and the `pages` object (next only if more follow)."""
        if starting_after:
            last_id, offset, prev_page = self._decode_cursor(starting_after)
            try:
                start = ids.index(last_id, max(offset - 1, 0)) + 1
            except ValueError:
                start = offset
            page_no = prev_page + 1
        else:
            page_no = page or 1
            start = (page_no - 1) * per_page
        chunk = ids[start : start + per_page]
        total = len(ids)
        pages: dict[str, Any] = {
            "type": "pages",
            "page": page_no,
            "per_page": per_page,
            "total_pages": (total + per_page - 1) // per_page,
        }
        end = start + len(chunk)
        if chunk and end < total:
            pages["next"] = {"page": page_no + 1, "starting_after": self._encode_cursor(chunk[-1], end, page_no)}
        return chunk, pages

    @staticmethod
    def _page_slice(items: list[Any], page: int, per_page: int) -> tuple[list[Any], dict[str, Any]]:
        start = (page - 1) * per_page
        total = len(items)
        return items[start : start + per_page], {
            "type": "pages",
            "page": page,
            "per_page": per_page,
            "total_pages": (total + per_page - 1) // per_page,
        }

    @staticmethod
    def _field(obj: dict[str, Any], name: str) -> Any:
        value: Any = obj
        for part in name.split("."):
            if not isinstance(value, dict):
                return None
            value = value.get(part)
        return value

    def _matches(self, obj: dict[str, Any], query: Any) -> bool:
        if not query:
            return True
        if not isinstance(query, dict):
            raise _bad("query must be an object", "query")
        op = query.get("operator")
        if op in ("AND", "OR"):
            subs = query.get("value")
            if not isinstance(subs, list):
                raise _bad(f"{op} needs a list of queries as its value", "query")
            results = (self._matches(obj, sub) for sub in subs)
            return all(results) if op == "AND" else any(results)
        if "field" not in query or op is None:
            raise _bad("A search query needs field, operator and value", "query")
        actual = self._field(obj, str(query["field"]))
        expected = query.get("value")
        try:
            if op == "=":
                return actual == expected or (actual is not None and str(actual) == str(expected))
            if op == "!=":
                return not (actual == expected or (actual is not None and str(actual) == str(expected)))
            if op in ("IN", "NIN"):
                values = expected if isinstance(expected, list) else [expected]
                found = actual in values or str(actual) in [str(v) for v in values]
                return found if op == "IN" else not found
            if op in ("<", "<=", ">", ">="):
                if actual is None:
                    return False
                a, b = float(actual), float(expected)
                return {"<": a < b, "<=": a <= b, ">": a > b, ">=": a >= b}[op]
            text, needle = str(actual or ""), str(expected)
            if op == "~":
                return needle in text
            if op == "!~":
                return needle not in text
            if op == "^":
                return text.startswith(needle)
            if op == "$":
                return text.endswith(needle)
        except (TypeError, ValueError):
            return False
        raise _bad(f"Unsupported operator {op!r}", "operator")

    def _search_params(self, req: _Request, default_per_page: int) -> tuple[Any, int, str | None]:
        body = req.obj()
        if "query" not in body:
            raise _bad("query is required", "query")
        pagination = body.get("pagination") or {}
        if not isinstance(pagination, dict):
            raise _bad("pagination must be an object", "pagination")
        return (
            body["query"],
            self._per_page(pagination.get("per_page"), default_per_page),
            pagination.get("starting_after"),
        )

    def _contact_list_response(self, ids: list[str], total: int, pages: dict[str, Any]) -> Response:
        data = b",".join(self._contact_json[i] for i in ids)
        body = (
            b'{"type":"list","data":['
            + data
            + b'],"total_count":'
            + str(total).encode()
            + b',"pages":'
            + _dumps(pages)
            + b"}"
        )
        return Response(200, body)

    # ------------------------------------------------------------------ routes: contacts

    def _contacts_create(self, req: _Request) -> Response:
        body = req.obj()
        if not any(body.get(k) for k in ("email", "external_id", "role")):
            raise _bad("One of email, external_id or role is required", "email")
        role = body.get("role", "user")
        if role not in ("user", "lead"):
            raise _bad("role must be user or lead", "role")
        for other in self.contacts.values():
            if body.get("email") and other["email"] == body["email"] and other["role"] == role:
                raise _ApiError(
                    409, "conflict", f"A contact matching those details already exists with id={other['id']}"
                )
        n = self._next_id("contact")
        contact = self._make_contact(n, None)
        now = self._tick()
        contact.update(
            {
                "role": role,
                "external_id": None,
                "email": None,
                "email_domain": None,
                "phone": None,
                "formatted_phone": None,
                "name": None,
                "owner_id": None,
                "created_at": now,
                "updated_at": now,
                "signed_up_at": None,
                "last_seen_at": None,
                "custom_attributes": {},
                "avatar": {"type": "avatar", "image_url": None},
            }
        )
        contact["tags"].update({"data": [], "total_count": 0})
        contact["notes"].update({"data": [], "total_count": 0})
        self._apply_contact(contact, body)
        self._store_contact(contact)
        return Response(200, self._contact_json[contact["id"]])

    def _apply_contact(self, contact: dict[str, Any], body: dict[str, Any]) -> None:
        for key in (
            "role",
            "external_id",
            "email",
            "phone",
            "name",
            "signed_up_at",
            "last_seen_at",
            "owner_id",
            "unsubscribed_from_emails",
            "language_override",
        ):
            if key in body:
                contact[key] = body[key]
        if contact["role"] not in ("user", "lead"):
            raise _bad("role must be user or lead", "role")
        if "email" in body:
            contact["email_domain"] = str(body["email"]).rpartition("@")[2] if body["email"] else None
        if "phone" in body:
            contact["formatted_phone"] = body["phone"]
        if "avatar" in body:
            contact["avatar"] = {"type": "avatar", "image_url": body["avatar"]}
        if "custom_attributes" in body:
            if not isinstance(body["custom_attributes"], dict):
                raise _bad("custom_attributes must be an object", "custom_attributes")
            contact["custom_attributes"] = {**contact["custom_attributes"], **body["custom_attributes"]}

    def _contacts_retrieve(self, req: _Request) -> Response:
        self._contact(req.params["contact_id"])
        return Response(200, self._contact_json[req.params["contact_id"]])

    def _contacts_update(self, req: _Request) -> Response:
        contact = self._contact(req.params["contact_id"])
        updated = json.loads(self._contact_json[contact["id"]])
        self._apply_contact(updated, req.obj())
        updated["updated_at"] = self._tick()
        self._store_contact(updated)
        return Response(200, self._contact_json[contact["id"]])

    def _contacts_delete(self, req: _Request) -> Response:
        contact = self._contact(req.params["contact_id"])
        del self.contacts[contact["id"]]
        del self._contact_json[contact["id"]]
        self._contact_order.remove(contact["id"])
        return self._json(
            {"type": "contact", "id": contact["id"], "external_id": contact["external_id"], "deleted": True}
        )

    def _contacts_archive(self, req: _Request) -> Response:
        contact = self._contact(req.params["contact_id"])
        return self._json(
            {
                "type": "contact",
                "id": contact["id"],
                "external_id": contact["external_id"],
                "object": "contact",
                "archived": True,
            }
        )

    def _contacts_list(self, req: _Request) -> Response:
        per_page = self._per_page(req.q("per_page"), 50)
        page = self._int(req.q("page"), "page", 1)
        ids, pages = self._cursor_page(self._contact_order, per_page, req.q("starting_after"), page)
        return self._contact_list_response(ids, len(self._contact_order), pages)

    def _contacts_search(self, req: _Request) -> Response:
        query, per_page, starting_after = self._search_params(req, 50)
        if query:
            matched = [cid for cid in self._contact_order if self._matches(self.contacts[cid], query)]
        else:
            matched = self._contact_order
        ids, pages = self._cursor_page(matched, per_page, starting_after)
        return self._contact_list_response(ids, len(matched), pages)

    # ------------------------------------------------------------------ routes: conversations

    def _conversation_list_response(self, ids: list[str], total: int, pages: dict[str, Any], version: str) -> Response:
        items = [self._render_conversation(self.conversations[cid], version, with_parts=False) for cid in ids]
        return self._json({"type": "conversation.list", "conversations": items, "total_count": total, "pages": pages})

    def _conversations_create(self, req: _Request) -> Response:
        body = req.obj()
        sender = body.get("from")
        if not isinstance(sender, dict) or "id" not in sender:
            raise _bad("from is required", "from")
        if sender.get("type") not in ("lead", "user", "contact"):
            raise _bad("from.type must be lead, user or contact", "from")
        if not body.get("body"):
            raise _bad("body is required", "body")
        contact = self._contact(str(sender["id"]))
        conv_id = f"conv{self._next_id('conversation')}"
        created = body.get("created_at") or self._tick()
        self._new_conversation(
            conv_id,
            contact["id"],
            created,
            body["body"],
            source_author=self._author("user", contact["id"]),
            delivered_as="customer_initiated",
            subject=body.get("subject") or "",
        )
        return self._json(
            {
                "type": "user_message",
                "id": str(self._next_id("message") + 403918000),
                "created_at": created,
                "body": body["body"],
                "message_type": "inapp",
                "conversation_id": conv_id,
            }
        )

    def _conversations_retrieve(self, req: _Request) -> Response:
        conv = self._conversation(req.params["conversation_id"])
        out = self._render_conversation(conv, req.version)
        if (req.q("display_as") or "") == "plaintext":
            strip = re.compile(r"<[^>]+>")
            out["source"] = {**out["source"], "body": strip.sub("", out["source"]["body"] or "")}
            parts = [
                {**p, "body": strip.sub("", p["body"]) if p["body"] else p["body"]}
                for p in out["conversation_parts"]["conversation_parts"]
            ]
            out["conversation_parts"] = {**out["conversation_parts"], "conversation_parts": parts}
        return self._json(out)

    def _conversations_list(self, req: _Request) -> Response:
        per_page = self._per_page(req.q("per_page"), 20)
        order = list(self.conversations)
        ids, pages = self._cursor_page(order, per_page, req.q("starting_after"))
        return self._conversation_list_response(ids, len(order), pages, req.version)

    def _conversations_search(self, req: _Request) -> Response:
        query, per_page, starting_after = self._search_params(req, 20)
        matched = [
            cid for cid, conv in self.conversations.items() if self._matches(self._searchable_conversation(conv), query)
        ]
        ids, pages = self._cursor_page(matched, per_page, starting_after)
        return self._conversation_list_response(ids, len(matched), pages, req.version)

    @staticmethod
    def _searchable_conversation(conv: dict[str, Any]) -> dict[str, Any]:
        flat = dict(conv)
        flat["contact_ids"] = [c["id"] for c in conv["contacts"]["contacts"]]
        flat["contacts.id"] = flat["contact_ids"][0] if flat["contact_ids"] else None
        flat["source.body"] = conv["source"]["body"]
        flat["source.author.id"] = conv["source"]["author"]["id"]
        return flat

    def _add_part(self, conv: dict[str, Any], part: dict[str, Any]) -> None:
        parts = conv["conversation_parts"]
        parts["conversation_parts"].append(part)
        parts["total_count"] = len(parts["conversation_parts"])
        conv["updated_at"] = part["created_at"]
        stats = conv.get("statistics")
        if stats:
            stats["count_conversation_parts"] = parts["total_count"] + 1

    def _conversations_reply(self, req: _Request) -> Response:
        conv = self._conversation(req.params["conversation_id"])
        body = req.obj()
        allowed = ["comment", "note"] + (["quick_reply"] if _version_key(req.version) >= (2, 14) else [])
        message_type = body.get("message_type")
        if message_type not in allowed:
            raise _bad(f"message_type must be one of {', '.join(allowed)}", "message_type")
        kind = body.get("type")
        if kind not in ("user", "admin"):
            raise _bad("type must be user or admin", "type")
        if kind == "admin":
            if not body.get("admin_id"):
                raise _bad("admin_id is required for admin replies", "admin_id")
            if str(body["admin_id"]) not in self.admins:
                raise _not_found("Admin")
            author = self._author("admin", str(body["admin_id"]))
        else:
            ident = body.get("intercom_user_id") or body.get("user_id") or body.get("email")
            if not ident:
                raise _bad("One of intercom_user_id, user_id or email is required", "intercom_user_id")
            match = next((c for c in self.contacts.values() if ident in (c["id"], c["external_id"], c["email"])), None)
            if match is None:
                raise _not_found("User")
            author = self._author("user", match["id"])
        if message_type != "quick_reply" and not body.get("body") and not body.get("attachment_urls"):
            raise _bad("body is required", "body")
        part = self._part(
            message_type, body.get("body"), author, body.get("created_at") or self._tick(), state=conv["state"]
        )
        part["attachments"] = [
            {
                "type": "upload",
                "name": url.rsplit("/", 1)[-1],
                "url": url,
                "content_type": "application/octet-stream",
                "filesize": 0,
                "width": None,
                "height": None,
            }
            for url in body.get("attachment_urls") or []
        ]
        if message_type == "quick_reply":
            part["metadata"] = {
                "quick_reply_options": [{**o, "translations": None} for o in body.get("reply_options") or []],
                "quick_reply_uuid": None,
            }
        if kind == "user" and conv["state"] != "open":
            conv.update({"state": "open", "open": True, "snoozed_until": None})
        self._add_part(conv, part)
        return self._json(self._render_conversation(conv, req.version))

    def _conversations_manage(self, req: _Request) -> Response:
        conv = self._conversation(req.params["conversation_id"])
        body = req.obj()
        message_type = body.get("message_type")
        if message_type not in ("close", "snoozed", "open", "assignment"):
            raise _bad("message_type must be one of close, snoozed, open, assignment", "message_type")
        admin_id = body.get("admin_id")
        if not admin_id:
            raise _bad("admin_id is required", "admin_id")
        if str(admin_id) not in self.admins:
            raise _not_found("Admin")
        author = self._author("admin", str(admin_id))
        now = self._tick()
        assigned_to = None
        if message_type == "close":
            conv.update({"state": "closed", "open": False, "snoozed_until": None, "waiting_since": None})
        elif message_type == "snoozed":
            until = body.get("snoozed_until")
            if not isinstance(until, int) or isinstance(until, bool):
                raise _bad("snoozed_until is required (a Unix timestamp)", "snoozed_until")
            conv.update({"state": "snoozed", "open": True, "snoozed_until": until})
        elif message_type == "open":
            conv.update({"state": "open", "open": True, "snoozed_until": None})
        else:
            assignee = body.get("assignee_id")
            kind = body.get("type", "admin")
            if assignee is None or kind not in ("admin", "team"):
                raise _bad("assignee_id and type (admin or team) are required for assignment", "assignee_id")
            value = None if str(assignee) == "0" else self._int(assignee, "assignee_id", 0, 0)
            conv["team_assignee_id" if kind == "team" else "admin_assignee_id"] = value
            assigned_to = {"type": kind, "id": str(assignee)}
            stats = conv.get("statistics")
            if stats:
                stats["count_assignments"] = (stats.get("count_assignments") or 0) + 1
                stats["last_assignment_at"] = now
        part_type = {"snoozed": "snoozed", "close": "close", "open": "open", "assignment": "assignment"}[message_type]
        self._add_part(
            conv, self._part(part_type, body.get("body"), author, now, assigned_to=assigned_to, state=conv["state"])
        )
        return self._json(self._render_conversation(conv, req.version))

    def _messages_create(self, req: _Request) -> Response:
        body = req.obj()
        message_type = body.get("message_type")
        if message_type not in ("in_app", "email"):
            raise _bad("message_type must be in_app or email", "message_type")
        if not body.get("body") and not (message_type == "email" and body.get("template")):
            raise _bad("body is required", "body")
        if message_type == "email" and not body.get("subject"):
            raise _bad("subject is required for email messages", "subject")
        sender = body.get("from")
        allowed_from = ("admin",) if _version_key(req.version) >= (2, 12) else ("admin", "user", "lead", "contact")
        if not isinstance(sender, dict) or sender.get("type") not in allowed_from:
            raise _bad(f"from.type must be one of {', '.join(allowed_from)}", "from")
        to = body.get("to")
        recipients = to if isinstance(to, list) else [to]
        if not recipients or not all(isinstance(r, dict) and r.get("id") for r in recipients):
            raise _bad("to is required", "to")
        contact = self._contact(str(recipients[0]["id"]))
        if sender["type"] == "admin":
            if str(sender.get("id")) not in self.admins:
                raise _not_found("Admin")
            author = self._author("admin", str(sender["id"]))
        else:
            author = self._author("user", str(sender.get("id")))
        conv_id = f"conv{self._next_id('conversation')}"
        created = body.get("created_at") or self._tick()
        self._new_conversation(
            conv_id,
            contact["id"],
            created,
            body.get("body") or "",
            source_author=author,
            delivered_as="admin_initiated" if sender["type"] == "admin" else "customer_initiated",
            subject=body.get("subject") or "",
        )
        return self._json(
            {
                "type": "admin_message" if sender["type"] == "admin" else "user_message",
                "id": str(self._next_id("message") + 403918000),
                "created_at": created,
                "subject": body.get("subject") or "",
                "body": body.get("body") or "",
                "message_type": "inapp" if message_type == "in_app" else "email",
                "conversation_id": conv_id,
            }
        )

    # ------------------------------------------------------------------ routes: tickets

    def _tickets_create(self, req: _Request) -> Response:
        body = req.obj()
        type_id = str(body.get("ticket_type_id") or "")
        if not type_id:
            raise _bad("ticket_type_id is required", "ticket_type_id")
        if type_id not in self.ticket_types:
            raise _not_found("Ticket Type")
        contacts = body.get("contacts")
        if not isinstance(contacts, list) or not contacts:
            raise _bad("contacts is required", "contacts")
        refs = []
        for wanted in contacts:
            if not isinstance(wanted, dict):
                raise _bad("contacts must be a list of objects", "contacts")
            match = next(
                (
                    c
                    for c in self.contacts.values()
                    if (wanted.get("id") and c["id"] == wanted["id"])
                    or (wanted.get("external_id") and c["external_id"] == wanted["external_id"])
                    or (wanted.get("email") and c["email"] == wanted["email"])
                ),
                None,
            )
            if match is None:
                raise _not_found("User")
            refs.append(self._contact_ref(match["id"]))
        attributes = body.get("ticket_attributes") or {}
        if not isinstance(attributes, dict):
            raise _bad("ticket_attributes must be an object", "ticket_attributes")
        assignment = body.get("assignment") or {}
        n = self._next_id("ticket")
        ticket = self._add_ticket(
            n,
            ticket_type_id=type_id,
            contacts=refs,
            attributes=attributes,
            state="submitted",
            created_at=body.get("created_at") or self._tick(),
            company_id=body.get("company_id"),
        )
        if isinstance(assignment, dict):
            if assignment.get("admin_assignee_id"):
                ticket["admin_assignee_id"] = str(assignment["admin_assignee_id"])
            if assignment.get("team_assignee_id"):
                ticket["team_assignee_id"] = str(assignment["team_assignee_id"])
        if body.get("conversation_to_link_id"):
            ticket["linked_objects"] = {
                "type": "list",
                "total_count": 1,
                "has_more": False,
                "data": [{"type": "conversation", "id": str(body["conversation_to_link_id"]), "category": None}],
            }
        return self._json(self._render_ticket(ticket, req.version))

    def _tickets_retrieve(self, req: _Request) -> Response:
        return self._json(self._render_ticket(self._ticket(req.params["ticket_id"]), req.version))

    def _tickets_update(self, req: _Request) -> Response:
        ticket = self._ticket(req.params["ticket_id"])
        body = req.obj()
        previous = ticket["_state"]
        new_state = previous
        if "state" in body:
            if body["state"] not in ("in_progress", "waiting_on_customer", "resolved"):
                raise _bad("state must be in_progress, waiting_on_customer or resolved", "state")
            new_state = body["state"]
        if "ticket_state_id" in body:
            state_id = str(body["ticket_state_id"])
            if state_id not in TICKET_STATES:
                raise _bad("Unknown ticket_state_id", "ticket_state_id")
            new_state = TICKET_STATES[state_id][0]
        if "ticket_attributes" in body:
            if not isinstance(body["ticket_attributes"], dict):
                raise _bad("ticket_attributes must be an object", "ticket_attributes")
            ticket["ticket_attributes"].update(body["ticket_attributes"])
        for key in ("open", "is_shared", "snoozed_until"):
            if key in body:
                ticket[key] = body[key]
        assignment = body.get("assignment") if isinstance(body.get("assignment"), dict) else {}
        assignee = body.get("assignee_id", assignment.get("assignee_id"))
        if assignee is not None:
            ticket["admin_assignee_id"] = str(assignee)
        if "company_id" in body:
            ticket["_company_id"] = body["company_id"]
        now = self._tick()
        ticket["updated_at"] = now
        if new_state != previous:
            ticket["_state"] = new_state
            ticket["open"] = new_state != "resolved" if "open" not in body else ticket["open"]
            author = self._author(
                "admin", str(body.get("admin_id") or assignment.get("admin_id") or self._admin_ids[0])
            )
            parts = ticket["ticket_parts"]
            parts["ticket_parts"].append(self._state_change_part(previous, new_state, author, now))
            parts["total_count"] = len(parts["ticket_parts"])
        return self._json(self._render_ticket(ticket, req.version))

    def _state_change_part(self, previous: str, state: str, author: dict[str, Any], at: int) -> dict[str, Any]:
        """The ticket part recording an admin moving a ticket from one state to another."""
        return {
            "type": "ticket_part",
            "id": str(self._next_id("ticket_part")),
            "part_type": "ticket_state_updated_by_admin",
            "body": None,
            "previous_ticket_state": previous,
            "ticket_state": state,
            "created_at": at,
            "updated_at": at,
            "assigned_to": None,
            "author": author,
            "attachments": [],
            "external_id": None,
            "redacted": False,
            "app_package_code": None,
        }

    def _tickets_reply(self, req: _Request) -> Response:
        ticket = self._ticket(req.params["ticket_id"])
        body = req.obj()
        message_type = body.get("message_type")
        if message_type not in ("comment", "note", "quick_reply"):
            raise _bad("message_type must be comment, note or quick_reply", "message_type")
        kind = body.get("type")
        if kind not in ("user", "admin"):
            raise _bad("type must be user or admin", "type")
        if kind == "admin":
            if str(body.get("admin_id")) not in self.admins:
                raise _not_found("Admin")
            author = self._author("admin", str(body["admin_id"]))
        else:
            ident = body.get("intercom_user_id") or body.get("user_id") or body.get("email")
            match = next(
                (c for c in self.contacts.values() if ident and ident in (c["id"], c["external_id"], c["email"])), None
            )
            if match is None:
                raise _not_found("User")
            author = self._author("user", match["id"])
            author["type"] = "user"
        if message_type != "quick_reply" and not body.get("body"):
            raise _bad("body is required", "body")
        now = body.get("created_at") or self._tick()
        reply = {
            "type": "ticket_part",
            "id": str(self._next_id("ticket_part")),
            "part_type": message_type,
            "body": body.get("body"),
            "created_at": now,
            "updated_at": now,
            "author": author,
            "attachments": [],
            "redacted": False,
        }
        parts = ticket["ticket_parts"]
        parts["ticket_parts"].append(
            {
                **reply,
                "previous_ticket_state": None,
                "ticket_state": None,
                "assigned_to": None,
                "external_id": None,
                "app_package_code": None,
            }
        )
        parts["total_count"] = len(parts["ticket_parts"])
        ticket["updated_at"] = now
        return self._json(reply)

    # ------------------------------------------------------------------ routes: companies

    def _companies_upsert(self, req: _Request) -> Response:
        body = req.obj()
        if not body.get("company_id") and not body.get("name"):
            raise _bad("company_id or name is required", "company_id")
        existing = next(
            (c for c in self.companies.values() if body.get("company_id") and c["company_id"] == body["company_id"]),
            None,
        )
        if existing is not None:
            self._apply_company(existing, body)
            existing["updated_at"] = self._tick()
            return self._json(existing)
        n = self._next_id("company")
        company = self._add_company(n)
        now = self._tick()
        company.update(
            {
                "name": None,
                "company_id": None,
                "plan": {},
                "size": 0,
                "website": None,
                "industry": None,
                "monthly_spend": 0,
                "session_count": 0,
                "custom_attributes": {},
                "remote_created_at": None,
                "created_at": now,
                "updated_at": now,
                "last_request_at": None,
                "tags": {"type": "tag.list", "tags": []},
                "segments": {"type": "segment.list", "segments": []},
            }
        )
        self._apply_company(company, body)
        return self._json(company)

    def _companies_retrieve(self, req: _Request) -> Response:
        company = self.companies.get(req.params["company_id"])
        if company is None:
            raise _not_found("Company")
        return self._json(company)

    def _companies_list(self, req: _Request) -> Response:
        page = self._int(req.q("page"), "page", 1)
        per_page = self._per_page(req.q("per_page"), 15)
        items = list(self.companies.values())
        if (req.q("order") or "desc").lower() == "desc":
            items.reverse()
        chunk, pages = self._page_slice(items, page, per_page)
        return self._json({"type": "list", "data": chunk, "total_count": len(items), "pages": pages})

    # ------------------------------------------------------------------ routes: articles

    def _articles_create(self, req: _Request) -> Response:
        body = req.obj()
        if not body.get("title"):
            raise _bad("title is required", "title")
        if body.get("author_id") is None:
            raise _bad("author_id is required", "author_id")
        if str(body["author_id"]) not in self.admins:
            raise _bad("author_id must be the id of an admin", "author_id")
        if body.get("state", "draft") not in ("published", "draft"):
            raise _bad("state must be published or draft", "state")
        article = self._add_article(self._next_id("article"), body, self._tick())
        return self._json(article)

    def _articles_retrieve(self, req: _Request) -> Response:
        return self._json(self._article(req.params["article_id"]))

    def _articles_update(self, req: _Request) -> Response:
        article = self._article(req.params["article_id"])
        body = req.obj()
        if body.get("state", article["state"]) not in ("published", "draft"):
            raise _bad("state must be published or draft", "state")
        self._apply_article(article, body)
        article["updated_at"] = self._tick()
        return self._json(article)

    def _articles_list(self, req: _Request) -> Response:
        page = self._int(req.q("page"), "page", 1)
        per_page = self._per_page(req.q("per_page"), 15)
        items = sorted(self.articles.values(), key=lambda a: a["updated_at"], reverse=True)
        chunk, pages = self._page_slice(items, page, per_page)
        data = [{k: v for k, v in a.items() if k != "statistics"} for a in chunk]
        return self._json({"type": "list", "pages": pages, "total_count": len(items), "data": data})

    # ------------------------------------------------------------------ routes: data events

    def _events_submit(self, req: _Request) -> Response:
        body = req.obj()
        if not body.get("event_name"):
            raise _bad("event_name is required", "event_name")
        if not any(body.get(k) for k in ("user_id", "id", "email")):
            raise _bad("One of user_id, id or email is required", "user_id")
        self.events.append(body)
        return Response(202, b"", content_type=None)

    def _events_list(self, req: _Request) -> Response:
        if req.q("type") != "user":
            raise _bad("type must be user", "type")
        user_id, intercom_id, email = req.q("user_id"), req.q("intercom_user_id"), req.q("email")
        if not any((user_id, intercom_id, email)):
            raise _bad("One of user_id, intercom_user_id or email is required", "user_id")
        contact = next(
            (
                c
                for c in self.contacts.values()
                if (intercom_id and c["id"] == intercom_id)
                or (user_id and c["external_id"] == user_id)
                or (email and c["email"] == email)
            ),
            None,
        )
        if contact is None:
            raise _not_found("User")
        n = int(contact["id"][1:]) if contact["id"][1:].isdigit() else 1
        summary: dict[str, dict[str, Any]] = {
            "invited-friend": {
                "name": "invited-friend",
                "first": _iso(contact["created_at"] + 100),
                "last": _iso(contact["created_at"] + 100 + 60 * n),
                "count": n % 5 + 1,
                "description": None,
            },
            "placed-order": {
                "name": "placed-order",
                "first": _iso(contact["created_at"] + 200),
                "last": _iso(contact["created_at"] + 900),
                "count": 2,
                "description": "Completed a checkout",
            },
        }
        for event in self.events:
            if (
                event.get("id") == contact["id"]
                or (event.get("user_id") and event.get("user_id") == contact["external_id"])
                or (event.get("email") and event.get("email") == contact["email"])
            ):
                at = _iso(int(event.get("created_at") or BASE_TS))
                entry = summary.setdefault(
                    event["event_name"],
                    {"name": event["event_name"], "first": at, "last": at, "count": 0, "description": None},
                )
                entry["count"] += 1
                entry["first"], entry["last"] = min(entry["first"], at), max(entry["last"], at)
        return self._json(
            {
                "type": "event.summary",
                "email": contact["email"],
                "intercom_user_id": contact["id"],
                "user_id": contact["external_id"],
                "events": list(summary.values()),
            }
        )

    # ------------------------------------------------------------------ routes: admins

    def _render_admin(self, admin: dict[str, Any], version: str, *, avatar: bool = True) -> dict[str, Any]:
        out = {k: v for k, v in admin.items() if not k.startswith("_")}
        v = _version_key(version)
        if v < (2, 14):
            out.pop("away_status_reason_id", None)
        if avatar:
            out["avatar"] = {"image_url": admin["_avatar_url"]} if v < (2, 12) else admin["_avatar_url"]
        return out

    def _admins_list(self, req: _Request) -> Response:
        avatar = (req.q("display_avatar") or "").lower() == "true"
        return self._json(
            {
                "type": "admin.list",
                "admins": [self._render_admin(a, req.version, avatar=avatar) for a in self.admins.values()],
            }
        )

    def _admins_me(self, req: _Request) -> Response:
        admin = self.admins[self._admin_ids[0]]
        out = {
            k: v
            for k, v in admin.items()
            if not k.startswith("_") and k not in ("team_priority_level", "away_status_reason_id")
        }
        out["avatar"] = {"type": "avatar", "image_url": admin["_avatar_url"]}
        out["email_verified"] = True
        out["app"] = {
            "type": "app",
            "id_code": WORKSPACE_ID,
            "name": "Fake App",
            "region": "US",
            "timezone": "Europe/Dublin",
            "created_at": BASE_TS - 86400 * 365,
            "identity_verification": False,
        }
        return self._json(out)

    def _admins_away(self, req: _Request) -> Response:
        admin = self.admins.get(req.params["admin_id"])
        if admin is None:
            raise _not_found("Admin")
        body = req.obj()
        for key in ("away_mode_enabled", "away_mode_reassign"):
            if not isinstance(body.get(key), bool):
                raise _bad(f"{key} is required (true or false)", key)
        admin["away_mode_enabled"] = body["away_mode_enabled"]
        admin["away_mode_reassign"] = body["away_mode_reassign"]
        if "away_status_reason_id" in body:
            admin["away_status_reason_id"] = body["away_status_reason_id"]
        return self._json(self._render_admin(admin, req.version))

    # ------------------------------------------------------------------ routes: calls (2.14)

    def _call(self, call_id: str) -> dict[str, Any]:
        call = self.calls.get(call_id)
        if call is None:
            raise _not_found("Call")
        return call

    def _calls_list(self, req: _Request) -> Response:
        page = self._int(req.q("page"), "page", 1)
        per_page = self._per_page(req.q("per_page"), 25)
        items = list(self.calls.values())
        chunk, pages = self._page_slice(items, page, per_page)
        return self._json({"type": "list", "data": chunk, "total_count": len(items), "pages": pages})

    def _calls_retrieve(self, req: _Request) -> Response:
        return self._json(self._call(req.params["call_id"]))

    def _calls_recording(self, req: _Request) -> Response:
        call = self._call(req.params["call_id"])
        location = f"https://recordings.example.com/{call['id']}.mp3?signature=fake&expires={BASE_TS + 3600}"
        return Response(302, b"", headers={"Location": location}, content_type=None)

    def _transcript(self, call: dict[str, Any]) -> list[dict[str, Any]]:
        return [
            {"speaker": "admin", "text": "Thanks for calling, how can I help?", "timestamp": call["answered_at"]},
            {"speaker": "contact", "text": "I have a question about my order.", "timestamp": call["answered_at"] + 5},
        ]

    def _calls_transcript(self, req: _Request) -> Response:
        call = self._call(req.params["call_id"])
        text = "\n".join(f"{line['speaker'].title()}: {line['text']}" for line in self._transcript(call)) + "\n"
        return Response(200, text.encode("utf-8"), content_type="text/plain; charset=utf-8")

    def _calls_search(self, req: _Request) -> Response:
        body = req.obj()
        wanted = body.get("conversation_ids")
        if not isinstance(wanted, list) or not wanted:
            raise _bad("conversation_ids is required", "conversation_ids")
        wanted = [str(w) for w in wanted]
        data = [
            {
                "type": "call",
                "id": c["id"],
                "conversation_id": c["conversation_id"],
                "admin_id": c["admin_id"],
                "contact_id": c["contact_id"],
                "state": c["state"],
                "created_at": c["created_at"],
                "transcript": self._transcript(c),
                "transcript_status": "completed",
            }
            for c in self.calls.values()
            if c["conversation_id"] in wanted
        ]
        return self._json({"type": "list", "data": data})

    # ------------------------------------------------------------------ routes: internal articles (2.14)

    def _internal_article(self, article_id: str) -> dict[str, Any]:
        article = self.internal_articles.get(article_id)
        if article is None:
            raise _not_found("Internal Article")
        return article

    @staticmethod
    def _public(obj: dict[str, Any]) -> dict[str, Any]:
        return {k: v for k, v in obj.items() if not k.startswith("_")}

    def _internal_articles_list(self, req: _Request) -> Response:
        items = [self._public(a) for a in self.internal_articles.values()]
        pages = {"type": "pages", "page": 1, "per_page": max(len(items), 1), "total_pages": 1 if items else 0}
        return self._json({"type": "list", "pages": pages, "total_count": len(items), "data": items})

    def _internal_articles_create(self, req: _Request) -> Response:
        body = req.obj()
        for key in ("title", "author_id", "owner_id"):
            if body.get(key) in (None, ""):
                raise _bad(f"{key} is required", key)
        article = self._add_internal_article(self._next_id("internal_article"), body, self._tick())
        return self._json(self._public(article))

    def _internal_articles_retrieve(self, req: _Request) -> Response:
        return self._json(self._public(self._internal_article(req.params["internal_article_id"])))

    def _internal_articles_update(self, req: _Request) -> Response:
        article = self._internal_article(req.params["internal_article_id"])
        body = req.obj()
        for key in ("title", "body", "author_id", "owner_id"):
            if key in body:
                article[key] = body[key]
        article["updated_at"] = self._tick()
        return self._json(self._public(article))

    def _internal_articles_delete(self, req: _Request) -> Response:
        article = self._internal_article(req.params["internal_article_id"])
        del self.internal_articles[article["id"]]
        return self._json({"id": article["id"], "object": "internal_article", "deleted": True})

    def _internal_articles_search(self, req: _Request) -> Response:
        folder = req.q("folder_id")
        items = [
            self._public(a) for a in self.internal_articles.values() if folder is None or a["_folder_id"] == folder
        ]
        pages = {"type": "pages", "page": 1, "per_page": max(len(items), 1), "total_pages": 1 if items else 0}
        return self._json(
            {"type": "list", "total_count": len(items), "data": {"internal_articles": items}, "pages": pages}
        )

    # ------------------------------------------------------------------ routes: fin voice, workflows (2.15)

    def _fin_voice_register(self, req: _Request) -> Response:
        body = req.obj()
        if not body.get("phone_number"):
            raise _bad("phone_number is required", "phone_number")
        if not body.get("call_id"):
            raise _bad("call_id is required", "call_id")
        n = self._next_id("fin_voice")
        record = {
            "id": n,
            "app_id": 12345,
            "user_phone_number": body["phone_number"],
            "status": "registered",
            "intercom_call_id": None,
            "external_call_id": str(body["call_id"]),
            "intercom_conversation_id": None,
            "call_transcript": [],
            "call_summary": None,
            "intent": [],
        }
        self.fin_voice_calls[n] = record
        return self._json(record)

    def _fin_voice_find(self, key: str, value: str) -> Response:
        for record in self.fin_voice_calls.values():
            if str(record[key]) == value:
                return self._json(record)
        raise _not_found("Call")

    def _fin_voice_collect(self, req: _Request) -> Response:
        return self._fin_voice_find("id", req.params["id"])

    def _fin_voice_by_external_id(self, req: _Request) -> Response:
        return self._fin_voice_find("external_call_id", req.params["external_id"])

    def _fin_voice_by_phone(self, req: _Request) -> Response:
        return self._fin_voice_find("user_phone_number", req.params["phone_number"])

    def _fin_voice_by_conversation(self, req: _Request) -> Response:
        return self._fin_voice_find("intercom_conversation_id", req.params["conversation_id"])

    def _workflows_export(self, req: _Request) -> Response:
        export = self.workflows.get(req.params["id"])
        if export is None:
            raise _not_found("Workflow")
        return self._json(export)


@contextmanager
def running(**kwargs: Any) -> Iterator[FakeIntercom]:
    """A started FakeIntercom, stopped on exit."""
    fake = FakeIntercom(**kwargs)
    fake.start()
    try:
        yield fake
    finally:
        fake.stop()
