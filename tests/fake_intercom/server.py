"""The server: a real HTTP socket on 127.0.0.1, the checks every request meets, and fault injection."""

from __future__ import annotations

import json
import threading
import time
import traceback
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Generic, TypeVar, cast
from urllib.parse import parse_qs, unquote, urlsplit

from .data import seeded
from .protocol import ApiError, Recorded, Request, Response, error_response
from .routes import find
from .store import Record, Store

T = TypeVar("T")


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


@dataclass
class _Fault:
    kind: str  # "fail" | "drop" | "answer" | "delay"
    times: int
    status: int = 0
    headers: dict[str, str] | None = None
    code: str | None = None
    message: str | None = None
    path: str | None = None
    body: bytes = b""
    content_type: str | None = None
    seconds: float = 0.0


class _FromData(Generic[T]):
    """A FakeIntercom attribute that is a collection of its current data (fake.contacts and the like)."""

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    def __get__(self, fake: FakeIntercom | None, owner: type | None = None) -> T:
        if fake is None:
            raise AttributeError(self.name)
        return cast(T, getattr(fake.data, self.name))


class FakeIntercom:
    """A fake Intercom API on a real socket. See the package docstring."""

    admins = _FromData[dict[str, Record]]()
    companies = _FromData[dict[str, Record]]()
    contacts = _FromData[dict[str, Record]]()
    conversations = _FromData[dict[str, Record]]()
    ticket_types = _FromData[dict[str, Record]]()
    tickets = _FromData[dict[str, Record]]()
    articles = _FromData[dict[str, Record]]()
    events = _FromData[list[Record]]()
    calls = _FromData[dict[str, Record]]()
    internal_articles = _FromData[dict[str, Record]]()
    fin_voice_calls = _FromData[dict[int, Record]]()
    workflows = _FromData[dict[str, Record]]()

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
        self.data: Store = seeded(self._sizes)

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

    def answer_next(
        self,
        body: bytes | str,
        status: int = 200,
        times: int = 1,
        *,
        content_type: str | None = "application/json; charset=utf-8",
        headers: dict[str, str] | None = None,
        path: str | None = None,
    ) -> None:
        """Answer the next `times` requests (to raw path `path`, if given) with exactly this
        status and body, whatever the route would say: a broken answer (HTML from a proxy, an
        empty body, JSON of the wrong shape) for the client to cope with. `content_type=None`
        sends no Content-Type header."""
        raw = body.encode("utf-8") if isinstance(body, str) else bytes(body)
        with self._lock:
            self._faults.append(
                _Fault("answer", times, status, dict(headers) if headers else None, path=path, body=raw, content_type=content_type)
            )

    def delay_next(self, seconds: float, times: int = 1, *, path: str | None = None) -> None:
        """Answer the next `times` requests (to raw path `path`, if given) as usual, but only
        after `seconds`: a slow Intercom, for timeouts. Other requests are not held up."""
        with self._lock:
            self._faults.append(_Fault("delay", times, path=path, seconds=seconds))

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
                self.data = seeded(self._sizes)

    @property
    def last_request(self) -> Recorded:
        with self._lock:
            return self.requests[-1]

    def requests_to(self, raw_path: str, method: str | None = None) -> list[Recorded]:
        with self._lock:
            return [
                r for r in self.requests if r.raw_path == raw_path and (method is None or r.method == method.upper())
            ]

    def _store_contact(self, contact: Record) -> None:
        """Replace (or add) a contact as stored, for tests that need one the API cannot make."""
        self.data.store_contact(contact)

    # ------------------------------------------------------------------ HTTP plumbing

    def _serve(self, handler: _Handler) -> None:
        raw_body = _read_body(handler)
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
            elif fault is not None and fault.kind != "delay":
                response = _fault_response(fault, request_id)
            else:
                response = self._handle(recorded, bad_json, request_id)

        if fault is not None and fault.kind == "delay":
            time.sleep(fault.seconds)  # outside the lock: only this answer is late
        if response is None:
            handler.close_connection = True
            return
        self._write(handler, response, request_id, remaining)

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

    def _handle(self, recorded: Recorded, bad_json: bool, request_id: str) -> Response:
        """The answer to a request that no fault took: the checks in order, then the route."""
        auth = recorded.headers.get("authorization", "")
        scheme, _, credential = auth.partition(" ")
        if scheme.lower() != "bearer" or credential.strip() != self.token:
            return error_response(401, request_id, "unauthorized", "Access Token Invalid")
        version = recorded.headers.get("intercom-version", "").strip()
        if version not in self.versions:
            shown = version or "(none)"
            return error_response(
                400,
                request_id,
                "intercom_version_invalid",
                f"The requested version could not be found: {shown}. Supported: {', '.join(self.versions)}",
            )
        segments = [unquote(s, errors="replace") for s in recorded.raw_path.split("/")[1:]]
        if self._is_denied(recorded.method, segments):
            return error_response(401, request_id, "token_unauthorized", "Token not authorized to access this resource")
        if bad_json:
            return error_response(400, request_id, "parameter_invalid", "The request body is not valid JSON")
        found = find(recorded.method, segments)
        if found is None or (self.gate_versions and not found[0].open_in(version)):
            return error_response(404, request_id, "not_found", "Resource Not Found")
        route, params = found
        request = Request(recorded.method, segments, recorded.query, recorded.body, version, params)
        try:
            return route.handler(self.data, request)
        except ApiError as exc:
            return error_response(exc.status, request_id, exc.code, exc.message, exc.field)
        except Exception:  # pragma: no cover - a bug in the fake, surfaced to the test
            self.errors.append(traceback.format_exc())
            return error_response(500, request_id, "server_error", "Fake server crashed; see FakeIntercom.errors")

    def _is_denied(self, method: str, segments: list[str]) -> bool:
        for rule_method, prefix in self._denied:
            if rule_method is not None and rule_method != method:
                continue
            if len(segments) < len(prefix):
                continue
            if all(p == s or (p.startswith("{") and p.endswith("}")) for p, s in zip(prefix, segments, strict=False)):
                return True
        return False


def _read_body(handler: _Handler) -> bytes:
    """The request body, whether sent with Content-Length or chunked."""
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


def _fault_response(fault: _Fault, request_id: str) -> Response:
    """The answer a queued fail_next or answer_next fault gives."""
    if fault.kind == "answer":
        answer = Response(fault.status, fault.body, dict(fault.headers or {}), fault.content_type)
        if fault.content_type and not fault.body:
            # _write sends a Content-Type only with a body; an empty one is declared anyway.
            answer.headers["Content-Type"] = fault.content_type
        return answer
    response = error_response(fault.status, request_id, fault.code, fault.message)
    if fault.status == 429:
        response.headers["X-RateLimit-Reset"] = str(int(time.time()) + 1)
        response.headers["X-RateLimit-Remaining"] = "0"
    for name, value in (fault.headers or {}).items():
        response.headers[name] = str(value)
    return response


@contextmanager
def running(**kwargs: Any) -> Iterator[FakeIntercom]:
    """A started FakeIntercom, stopped on exit."""
    fake = FakeIntercom(**kwargs)
    fake.start()
    try:
        yield fake
    finally:
        fake.stop()
