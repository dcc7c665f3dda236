"""A policy gateway for Intercom API 2.15: an HTTP reverse proxy that speaks
Intercom's REST API, so that agents built on any client (the official SDKs, curl,
another language) are governed without ever holding the Intercom token::

    python -m intercom_api.gateway --policy agents.yaml [--audit-log audit.jsonl] \\
        [--listen 127.0.0.1:8080] [--region us|eu|au | --upstream URL]

The real token comes from INTERCOM_ACCESS_TOKEN and stays here; each agent sends its own
key as its Bearer token, matched in constant time against the `key_sha256` of the
policy's agents (an unknown or missing key gets 401). Each request is matched to a
catalog endpoint by method and path template (intercom_api.routes) and the policy
decides: an allowed request is forwarded with the real token and the agent's
Intercom-Version (or this package's), the answer streamed back unchanged; a denied one
gets 403 with an Intercom-shaped error naming the rule, and nothing is forwarded; a
request for no catalog endpoint is denied too. Every decision goes to the audit log.

It listens on loopback unless told otherwise, bounds each request's body
(`--max-body-bytes`) and time (`--timeout`), and never puts the real token or an agent's
key in an answer or a log line."""

from __future__ import annotations

import argparse
import contextlib
import ipaddress
import itertools
import json
import os
import socket
import ssl
import sys
import threading
import time
from collections.abc import Iterator, Mapping, Sequence
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, ClassVar
from urllib.parse import urlsplit

from intercom_api.audit import AuditLog, AuditLogError, outcome, record, what_was_done
from intercom_api.endpoints import API_VERSION, EndpointInfo
from intercom_api.policy import AgentPolicy, Policy, PolicyError
from intercom_api.routes import match
from intercom_api.transport import BASE_URLS, DEFAULT_REGION, TOKEN_ENV, VERSION_HEADER

DEFAULT_LISTEN = "127.0.0.1:8080"
MAX_BODY_BYTES = 1024 * 1024
TIMEOUT_SECONDS = 30.0
CHUNK = 64 * 1024
# An answer body up to this size is read whole and sent with its headers in one write.
INLINE_BYTES = 1024 * 1024
# Headers that belong to one connection, never forwarded either way (RFC 9110, 7.6.1).
HOP_BY_HOP = frozenset(
    {
        "connection",
        "keep-alive",
        "proxy-authenticate",
        "proxy-authorization",
        "proxy-connection",
        "te",
        "trailer",
        "transfer-encoding",
        "upgrade",
    }
)
# Request headers the gateway sets itself.
REPLACED = frozenset({"authorization", "host", "content-length", "accept-encoding", "expect"})
# A kept-alive upstream connection idle longer than this is closed, not reused.
IDLE_SECONDS = 4.0
IDEMPOTENT = frozenset({"GET", "HEAD", "PUT", "DELETE"})
# Bounds on an upstream answer's head.
MAX_LINE = 65536
MAX_HEADERS = 200


class _Refusal(Exception):
    """An answer the gateway gives itself: status, error code and message."""

    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message


class _BadAnswer(Exception):
    """The upstream answered something that is not HTTP/1.1."""


class _Answer:
    """An upstream answer: its status and headers, read here, and its body, read as it
    is relayed. HTTP/1.1 answers only, as Intercom gives them: a Content-Length body, a
    chunked one, or one that lasts until the connection closes."""

    def __init__(self, reader: Any, method: str) -> None:
        words = self._head(reader)
        while 100 <= self.status < 200:  # an interim answer: the final one follows
            words = self._head(reader)
        lookup = {name.lower(): value for name, value in reversed(self.headers)}
        self.request_id = lookup.get("x-request-id")
        connection = lookup.get("connection", "").lower()
        self.chunked = "chunked" in lookup.get("transfer-encoding", "").lower()
        length = lookup.get("content-length", "")
        self.length = int(length) if length.isdigit() and not self.chunked else None
        if method == "HEAD" or self.status in (204, 304):
            self.chunked, self.length = False, 0
        self.until_close = not self.chunked and self.length is None
        old = words[0] == "HTTP/1.0" and "keep-alive" not in connection
        self.will_close = self.until_close or "close" in connection or old
        self._reader = reader

    def _head(self, reader: Any) -> list[str]:
        """Read a status line and headers; the status line's words."""
        line = reader.readline(MAX_LINE + 1)
        if not line:
            raise ConnectionResetError("the upstream closed the connection")
        text: str = line.decode("latin-1")
        words = text.rstrip("\r\n").split(" ", 2)
        if len(words) < 2 or not words[0].startswith("HTTP/1.") or not words[1].isdigit():
            raise _BadAnswer("no HTTP status line")
        self.status = int(words[1])
        self.reason = words[2] if len(words) > 2 else ""
        self.headers: list[tuple[str, str]] = []
        while True:
            line = reader.readline(MAX_LINE + 1)
            if line in (b"\r\n", b"\n"):
                return words
            if not line or len(line) > MAX_LINE or len(self.headers) >= MAX_HEADERS:
                raise _BadAnswer("the headers are cut short or too long")
            name, colon, value = line.decode("latin-1").partition(":")
            if not colon:
                raise _BadAnswer("a header line without a colon")
            self.headers.append((name.strip(), value.strip()))

    def parts(self) -> Iterator[bytes]:
        """The body's bytes, de-chunked, piece by piece."""
        reader = self._reader
        if self.length is not None:
            yield from self._exactly(self.length)
        elif self.chunked:
            while True:
                try:
                    size = int(reader.readline(MAX_LINE + 1).split(b";", 1)[0].strip() or b"x", 16)
                except ValueError:
                    raise _BadAnswer("a malformed chunk") from None
                if size == 0:
                    while reader.readline(MAX_LINE + 1) not in (b"\r\n", b"\n", b""):
                        pass
                    return
                yield from self._exactly(size)
                reader.readline(3)
        else:
            while part := reader.read1(CHUNK):
                yield part

    def _exactly(self, size: int) -> Iterator[bytes]:
        left = size
        while left > 0:
            part = self._reader.read(min(left, CHUNK))
            if not part:
                raise ConnectionResetError("the upstream closed the connection mid-answer")
            left -= len(part)
            yield part


class _Connection:
    """One kept-alive connection to the upstream."""

    def __init__(self, upstream: _Upstream) -> None:
        self.socket = socket.create_connection((upstream.host, upstream.port), upstream.timeout)
        self.socket.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        if upstream.tls is not None:
            self.socket = upstream.tls.wrap_socket(self.socket, server_hostname=upstream.host)
        self.reader = self.socket.makefile("rb", buffering=CHUNK)

    def exchange(self, request: bytes, method: str) -> _Answer:
        self.socket.sendall(request)
        return _Answer(self.reader, method)

    def close(self) -> None:
        self.reader.close()
        self.socket.close()


class _Upstream:
    """Kept-alive connections to the upstream, shared by the handler threads: a request
    takes an idle one (or opens one) and gives it back once the answer is read."""

    def __init__(self, url: str, timeout: float, size: int) -> None:
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise ValueError(f"the upstream must be an http:// or https:// URL, not {url!r}")
        self.tls = ssl.create_default_context() if parts.scheme == "https" else None
        self.host = parts.hostname
        self.port = parts.port or (443 if self.tls else 80)
        default = self.port == (443 if self.tls else 80)
        shown = f"[{self.host}]" if ":" in self.host else self.host
        self.host_header = shown if default else f"{shown}:{self.port}"
        self.prefix = parts.path.rstrip("/")
        self.timeout = timeout
        self.size = size
        self._idle: list[tuple[float, _Connection]] = []
        self._lock = threading.Lock()

    def take(self) -> tuple[_Connection, bool]:
        """A connection, and whether it was used before (and so may have gone stale)."""
        with self._lock:
            while self._idle:
                since, connection = self._idle.pop()
                if time.monotonic() - since < IDLE_SECONDS:
                    return connection, True
                connection.close()
        return _Connection(self), False

    def give_back(self, connection: _Connection) -> None:
        with self._lock:
            if len(self._idle) < self.size:
                self._idle.append((time.monotonic(), connection))
                return
        connection.close()

    def close(self) -> None:
        with self._lock:
            idle, self._idle = self._idle, []
        for _, connection in idle:
            connection.close()


class Gateway:
    """The proxy's state: the policy, the real token, the upstream, the audit log."""

    def __init__(
        self,
        policy: Policy,
        token: str,
        upstream: str,
        *,
        audit_log: AuditLog | str | os.PathLike[str] | None = None,
        max_body_bytes: int = MAX_BODY_BYTES,
        timeout: float = TIMEOUT_SECONDS,
        max_connections: int = 100,
    ) -> None:
        if not token:
            raise ValueError(f"no Intercom token: set {TOKEN_ENV}")
        self.policy: Policy = policy
        self.upstream: str = upstream.rstrip("/")
        self.log: AuditLog | None = (
            audit_log
            if isinstance(audit_log, AuditLog) or audit_log is None
            else AuditLog(audit_log, via="gateway")
        )
        self.max_body_bytes: int = max_body_bytes
        self.timeout: float = timeout
        self._authorization = f"Bearer {token}"
        self._ids = itertools.count(1)
        self._upstream = _Upstream(self.upstream, timeout, max_connections)

    def __repr__(self) -> str:
        return f"Gateway(upstream={self.upstream!r}, agents={sorted(self.policy.agents)!r})"

    def close(self) -> None:
        self._upstream.close()

    def request_id(self) -> str:
        return f"gateway-{next(self._ids):08d}"

    # -- one request ----------------------------------------------------------------

    def handle(self, handler: _Handler) -> None:
        method = handler.command.upper()
        target = handler.path
        path, _, query = target.partition("?")
        path, query = path.partition("#")[0], query.partition("#")[0]
        started = time.monotonic()
        agent = self._agent(handler)
        if agent is None:
            self._deny(handler, None, None, method, path, "unknown agent key", 401, "unauthorized")
            return
        found = match(method, path)
        if found is None:
            rule = "no catalog endpoint (deny by default)"
            self._deny(handler, agent, None, method, path, rule, 403, "policy_denied")
            return
        endpoint = found[0]
        decision = agent.decide(endpoint.id)
        if not decision.allowed:
            self._deny(handler, agent, endpoint, method, path, decision.rule, 403, "policy_denied")
            return
        try:
            if self.log is not None:
                self.log.ready()
            if handler.lookup.get("expect", "").lower() == "100-continue":
                handler.wfile.write(b"HTTP/1.1 100 Continue\r\n\r\n")  # only once allowed
            body = self._body(handler, started)
        except AuditLogError as error:
            handler.close_connection = handler.close_connection or _has_body(handler)
            self._answer_error(handler, 503, "audit_log_unavailable", f"{error}; nothing was sent")
            return
        except _Refusal as refusal:
            handler.close_connection = True  # what is left of the body is not read
            self._answer_error(handler, refusal.status, refusal.code, refusal.message)
            return
        except OSError:  # the socket's timeout: the body came too slowly, or not at all
            handler.close_connection = True
            message = f"the request took longer than {self.timeout} s; nothing was sent"
            self._answer_error(handler, 408, "request_timeout", message)
            return
        self._forward(handler, agent, endpoint, method, path, query, body, decision.rule)

    def _agent(self, handler: _Handler) -> AgentPolicy | None:
        scheme, _, key = handler.lookup.get("authorization", "").partition(" ")
        if scheme.lower() != "bearer" or not key.strip():
            return None
        return self.policy.agent_for_key(key.strip())

    def _body(self, handler: _Handler, started: float) -> bytes | None:
        """The request body, within the size and time bounds."""
        if "chunked" in handler.lookup.get("transfer-encoding", "").lower():
            return self._chunked(handler, started)
        length_header = handler.lookup.get("content-length")
        if length_header is None:
            return None
        try:
            length = int(length_header)
        except ValueError:
            raise _Refusal(400, "bad_request", "Content-Length is not a number") from None
        if length < 0:
            raise _Refusal(400, "bad_request", "Content-Length is negative")
        if length > self.max_body_bytes:
            handler.close_connection = True
            raise _Refusal(
                413, "request_too_large", f"the body is larger than {self.max_body_bytes} bytes"
            )
        parts = []
        left = length
        while left > 0:
            self._in_time(handler, started)
            part = handler.rfile.read(min(left, CHUNK))
            if not part:
                raise _Refusal(400, "bad_request", "the body ended before Content-Length")
            parts.append(part)
            left -= len(part)
        return b"".join(parts)

    def _chunked(self, handler: _Handler, started: float) -> bytes:
        parts: list[bytes] = []
        size_so_far = 0
        while True:
            self._in_time(handler, started)
            line = handler.rfile.readline(1026)
            try:
                size = int(line.split(b";", 1)[0].strip() or b"x", 16)
            except ValueError:
                handler.close_connection = True
                raise _Refusal(400, "bad_request", "a malformed chunk") from None
            if size == 0:
                while handler.rfile.readline(1026) not in (b"\r\n", b"\n", b""):
                    self._in_time(handler, started)
                return b"".join(parts)
            size_so_far += size
            if size_so_far > self.max_body_bytes:
                handler.close_connection = True
                raise _Refusal(
                    413, "request_too_large", f"the body is larger than {self.max_body_bytes} bytes"
                )
            parts.append(handler.rfile.read(size))
            handler.rfile.readline(3)

    def _in_time(self, handler: _Handler, started: float) -> None:
        if time.monotonic() - started > self.timeout:
            handler.close_connection = True
            raise _Refusal(408, "request_timeout", f"the request took longer than {self.timeout} s")

    def _forward(
        self,
        handler: _Handler,
        agent: AgentPolicy,
        endpoint: EndpointInfo,
        method: str,
        path: str,
        query: str,
        body: bytes | None,
        rule: str,
    ) -> None:
        headers = [
            (name, value)
            for name, value in handler.fields
            if name.lower() not in HOP_BY_HOP and name.lower() not in REPLACED
        ]
        headers.append(("Authorization", self._authorization))
        if VERSION_HEADER.lower() not in handler.lookup:
            headers.append((VERSION_HEADER, API_VERSION))
        # The answer goes back byte for byte: compressed only if the agent asked for it.
        headers.append(("Accept-Encoding", handler.lookup.get("accept-encoding") or "identity"))
        if body is not None or method in ("POST", "PUT", "PATCH"):
            headers.append(("Content-Length", str(len(body or b""))))
        target = self._upstream.prefix + path + (f"?{query}" if query else "")
        lines = [f"{method} {target} HTTP/1.1", f"Host: {self._upstream.host_header}"]
        lines += [f"{name}: {value}" for name, value in headers]
        if any("\r" in line or "\n" in line for line in lines):
            self._answer_error(handler, 400, "bad_request", "a header holds a line break")
            return
        request = ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1") + (body or b"")
        try:
            connection, answer = self._send(request, method)
        except (OSError, _BadAnswer) as error:
            self._log_allowed(agent, endpoint, method, path, rule, None, None)
            timed_out = isinstance(error, TimeoutError)
            code = "upstream_timeout" if timed_out else "upstream_unreachable"
            message = f"no answer from Intercom ({type(error).__name__})"
            self._answer_error(handler, 504 if timed_out else 502, code, message)
            return
        reusable = False
        try:
            try:
                self._log_allowed(
                    agent, endpoint, method, path, rule, answer.status, answer.request_id
                )
            except AuditLogError as error:
                message = f"{error}; the answer is withheld"
                self._answer_error(handler, 502, "audit_log_unavailable", message)
                return
            reusable = self._relay(handler, answer)
        finally:
            if reusable:
                self._upstream.give_back(connection)
            else:
                connection.close()

    def _send(self, request: bytes, method: str) -> tuple[_Connection, _Answer]:
        """Send on a kept-alive connection; one that went stale is replaced, for an
        idempotent method only (a POST is never sent twice)."""
        while True:
            connection, reused = self._upstream.take()
            try:
                return connection, connection.exchange(request, method)
            except (BrokenPipeError, ConnectionResetError):
                connection.close()
                if not (reused and method in IDEMPOTENT):
                    raise
            except BaseException:
                connection.close()
                raise

    def _log_allowed(
        self,
        agent: AgentPolicy,
        endpoint: EndpointInfo,
        method: str,
        path: str,
        rule: str,
        status: int | None,
        request_id: str | None,
    ) -> None:
        done = what_was_done(agent.name, endpoint.id, path, allowed=True)
        record(
            self.log,
            agent=agent.name,
            endpoint=endpoint,
            method=method,
            path=path,
            decision="allow",
            rule=rule,
            status=status,
            request_id=request_id,
            summary=f"{done}: allowed by '{rule}'; {outcome(status)}",
        )

    def _relay(self, handler: _Handler, answer: _Answer) -> bool:
        """The upstream's answer, unchanged: status, headers and body bytes. True when the
        upstream connection can be used again. A body of known, modest size goes out with
        the headers in one write; any other is streamed in chunks as it comes."""
        whole = answer.length is not None and answer.length <= INLINE_BYTES
        chunked = answer.length is None
        lines = [f"HTTP/1.1 {answer.status} {answer.reason}"]
        for name, value in answer.headers:
            if name.lower() in HOP_BY_HOP or (chunked and name.lower() == "content-length"):
                continue
            lines.append(f"{name}: {value}")
        if chunked:
            lines.append("Transfer-Encoding: chunked")
        if handler.close_connection:
            lines.append("Connection: close")
        head = ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1", "replace")
        try:
            if whole:
                handler.wfile.write(head + b"".join(answer.parts()))
                return not answer.will_close
            handler.wfile.write(head)
            for part in answer.parts():
                handler.wfile.write(
                    f"{len(part):X}\r\n".encode() + part + b"\r\n" if chunked else part
                )
            if chunked:
                handler.wfile.write(b"0\r\n\r\n")
        except (OSError, _BadAnswer):
            handler.close_connection = True
            return False
        return not answer.will_close

    def _deny(
        self,
        handler: _Handler,
        agent: AgentPolicy | None,
        endpoint: EndpointInfo | None,
        method: str,
        path: str,
        rule: str,
        status: int,
        code: str,
    ) -> None:
        """Refuse without forwarding anything, and log the refusal."""
        if _has_body(handler):
            handler.close_connection = True  # the body is not read: the connection must end
        if agent is None:
            summary = f"a request without a known agent key tried {method} {path}: refused; nothing was sent"
            message = "Unknown or missing agent key: send the agent's own key as its Bearer token"
        elif endpoint is None:
            summary = (
                f"{agent.name} tried {method} {path}, which is no endpoint of Intercom API "
                f"{API_VERSION}: denied by default; nothing was sent"
            )
            message = (
                f"{method} {path} is no endpoint of Intercom API {API_VERSION}: denied by default"
            )
        else:
            tried = what_was_done(agent.name, endpoint.id, path, allowed=False)
            summary = f"{tried}: denied by '{rule}'; nothing was sent"
            explanation = agent.decide(endpoint.id).explanation
            message = f"{agent.name} may not call {endpoint.id}: {explanation} (rule '{rule}')"
        with contextlib.suppress(AuditLogError):  # refused either way; nothing was sent
            record(
                self.log,
                agent=agent.name if agent is not None else None,
                endpoint=endpoint,
                method=method,
                path=path,
                decision="deny",
                rule=rule,
                status=None,
                request_id=None,
                summary=summary,
            )
        self._answer_error(handler, status, code, message)

    def _answer_error(self, handler: _Handler, status: int, code: str, message: str) -> None:
        request_id = self.request_id()
        body = json.dumps(
            {
                "type": "error.list",
                "request_id": request_id,
                "errors": [{"code": code, "message": message}],
            }
        ).encode()
        lines = [
            f"HTTP/1.1 {status} {HTTPStatus(status).phrase}",
            "Content-Type: application/json",
            f"Content-Length: {len(body)}",
            f"X-Request-Id: {request_id}",
        ]
        if handler.close_connection:
            lines.append("Connection: close")
        head = ("\r\n".join(lines) + "\r\n\r\n").encode()
        try:
            handler.wfile.write(head if handler.command == "HEAD" else head + body)
        except OSError:
            handler.close_connection = True


def _has_body(handler: _Handler) -> bool:
    length = handler.lookup.get("content-length") or "0"
    chunked = "chunked" in handler.lookup.get("transfer-encoding", "").lower()
    return chunked or length.strip() not in ("", "0")


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "intercom-api-gateway"
    sys_version = ""
    timeout: ClassVar[float | None] = TIMEOUT_SECONDS
    disable_nagle_algorithm = True
    server: _Server
    command: str
    path: str
    request_version: str
    requestline: str
    close_connection: bool
    fields: list[tuple[str, str]]
    """This request's headers, in order."""
    lookup: dict[str, str]
    """This request's headers by lower-case name (the first of each name)."""

    def log_message(self, format: str, *args: Any) -> None:
        pass  # the audit log is the record; request lines would repeat it

    def parse_request(self) -> bool:
        """The request line and headers. Headers are read here as plain lines rather than
        by the standard library's email parser, whose cost per request was most of the
        gateway's own; a folded, nameless or oversized header is refused. An
        `Expect: 100-continue` is answered only once the request is allowed."""
        self.command = ""
        self.request_version = "HTTP/1.1"
        self.close_connection = True
        raw: bytes = getattr(self, "raw_requestline", b"")
        self.requestline = str(raw, "iso-8859-1").rstrip("\r\n")
        words = self.requestline.split()
        if len(words) != 3 or words[2] not in ("HTTP/1.0", "HTTP/1.1"):
            return self._refuse(
                400, "bad_request", "an HTTP/1.1 request line is METHOD PATH HTTP/1.1"
            )
        self.command, self.path, self.request_version = words
        self.fields = []
        while True:
            line = self.rfile.readline(MAX_LINE + 1)
            if line in (b"\r\n", b"\n", b""):
                break
            if len(line) > MAX_LINE or len(self.fields) >= MAX_HEADERS:
                return self._refuse(
                    431, "request_too_large", "the headers are too long or too many"
                )
            name, colon, value = line.decode("iso-8859-1").partition(":")
            if not colon or not name or name != name.strip():
                return self._refuse(400, "bad_request", "a header line is not NAME: VALUE")
            self.fields.append((name, value.strip()))
        self.lookup = {name.lower(): value for name, value in reversed(self.fields)}
        connection = self.lookup.get("connection", "").lower()
        old = self.request_version == "HTTP/1.0" and "keep-alive" not in connection
        self.close_connection = old or "close" in connection
        return True

    def _refuse(self, status: int, code: str, message: str) -> bool:
        """Answer a request that cannot be read, and end the connection."""
        self.close_connection = True
        with contextlib.suppress(OSError):
            self.server.gateway._answer_error(self, status, code, message)
        return False

    def _serve(self) -> None:
        try:
            self.server.gateway.handle(self)
        except Exception as error:  # a bug must not leak a traceback to the agent
            self.close_connection = True
            with contextlib.suppress(OSError):
                self.server.gateway._answer_error(self, 500, "gateway_error", type(error).__name__)

    def do_GET(self) -> None:
        self._serve()

    def do_POST(self) -> None:
        self._serve()

    def do_PUT(self) -> None:
        self._serve()

    def do_DELETE(self) -> None:
        self._serve()

    def do_PATCH(self) -> None:
        self._serve()

    def do_HEAD(self) -> None:
        self._serve()

    def do_OPTIONS(self) -> None:
        self._serve()


class _Server(ThreadingHTTPServer):
    address_family: int
    daemon_threads = True
    allow_reuse_address = True
    request_queue_size = 128

    def __init__(self, address: tuple[str, int], gateway: Gateway) -> None:
        self.gateway = gateway
        if ":" in address[0]:
            self.address_family = socket.AF_INET6
        # Each socket read and write, and so an idle kept-alive connection, is bounded.
        handler = type("_TimedHandler", (_Handler,), {"timeout": gateway.timeout})
        super().__init__(address, handler)


class Running:
    """A gateway serving in a background thread (for tests and embedding)."""

    def __init__(self, gateway: Gateway, host: str = "127.0.0.1", port: int = 0) -> None:
        self.gateway: Gateway = gateway
        self.server: _Server = _Server((host, port), gateway)
        self.thread: threading.Thread = threading.Thread(
            target=self.server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )
        self.thread.start()

    @property
    def base_url(self) -> str:
        host, port = str(self.server.server_address[0]), int(self.server.server_address[1])
        return f"http://[{host}]:{port}" if ":" in host else f"http://{host}:{port}"

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()
        self.thread.join(timeout=5)
        self.gateway.close()


def parse_listen(listen: str) -> tuple[str, int]:
    """ "127.0.0.1:8080" or "[::1]:8080" as (host, port)."""
    host, _, port = listen.rpartition(":")
    host = host.strip("[]") or "127.0.0.1"
    try:
        number = int(port)
    except ValueError:
        raise ValueError(f"--listen wants HOST:PORT, not {listen!r}") from None
    if not 0 <= number <= 65535:
        raise ValueError(f"--listen port {number} is not a port")
    return host, number


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def arguments(argv: Sequence[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m intercom_api.gateway",
        description=f"A policy gateway in front of Intercom; the real token is read from {TOKEN_ENV}.",
    )
    parser.add_argument("--policy", required=True, help="the policy file (YAML)")
    parser.add_argument("--audit-log", help="append one JSON line per decision to this file")
    parser.add_argument(
        "--listen", default=DEFAULT_LISTEN, help=f"HOST:PORT (default {DEFAULT_LISTEN})"
    )
    where = parser.add_mutually_exclusive_group()
    where.add_argument("--region", choices=sorted(BASE_URLS), default=DEFAULT_REGION)
    where.add_argument("--upstream", help="forward to this URL instead of the region's")
    parser.add_argument("--max-body-bytes", type=int, default=MAX_BODY_BYTES)
    parser.add_argument(
        "--timeout", type=float, default=TIMEOUT_SECONDS, help="seconds per request"
    )
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None, environ: Mapping[str, str] = os.environ) -> int:
    options = arguments(argv)
    token = environ.get(TOKEN_ENV, "")
    if not token:
        print(
            f"intercom_api.gateway: set {TOKEN_ENV} to the Intercom access token", file=sys.stderr
        )
        return 2
    try:
        host, port = parse_listen(options.listen)
        policy = Policy.load(options.policy)
        gateway = Gateway(
            policy,
            token,
            options.upstream or BASE_URLS[options.region],
            audit_log=options.audit_log,
            max_body_bytes=options.max_body_bytes,
            timeout=options.timeout,
        )
    except PolicyError as error:
        print("\n".join(error.problems), file=sys.stderr)
        return 2
    except (AuditLogError, ValueError) as error:
        print(f"intercom_api.gateway: {error}", file=sys.stderr)
        return 2
    if not is_loopback(host):
        print(f"intercom_api.gateway: listening on {host}, not loopback", file=sys.stderr)
    keyed = sorted(a.name for a in policy.agents.values() if a.key_sha256)
    server = _Server((host, port), gateway)
    bound = f"{server.server_address[0]!s}:{server.server_address[1]!s}"
    agents = ", ".join(keyed) or "no agent (none has a key_sha256)"
    print(f"intercom_api.gateway: {bound} -> {gateway.upstream}, for {agents}", file=sys.stderr)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
        gateway.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
