"""The audit log and the guard: every call an agent makes through this package is
checked against its policy and recorded as one JSON line.

Each line holds the time (UTC, ISO 8601), the agent, the way in (`client`, `mcp` or
`gateway`), the endpoint id, method, path as sent (no query string), access, decision
(`allow` or `deny`), the rule that decided, the HTTP status (or null), the request id
and `summary`, one plain-English sentence: "support-bot replied to conversation 123
(conversations.reply): allowed by 'conversations: full'; 200 OK". Never a request or
response body, never a token or an agent's key.

A line is one write(2) to a file opened with O_APPEND, so lines from many threads and
processes never interleave. The log fails closed: a log that cannot be opened refuses
the client (or server) that would use it; before each call the guard checks that the
last write succeeded and that the disk has room; a line that cannot be written raises
AuditLogError instead of handing back the answer, and every later call is refused."""

from __future__ import annotations

import json
import os
import stat
import threading
import time
from collections.abc import Mapping
from dataclasses import dataclass
from http import HTTPStatus
from types import MappingProxyType
from typing import Any

from intercom_api.endpoints import EndpointInfo
from intercom_api.errors import IntercomError
from intercom_api.policy import AgentPolicy, Decision, Policy, PolicyDenied
from intercom_api.routes import parameters_in

# Free space the log's file system must keep before a call is let through.
RESERVE_BYTES = 1024 * 1024
# A path parameter is cut to this many characters in a summary; a path, to MAX_PATH.
MAX_VALUE = 200
MAX_PATH = 2048


@dataclass(frozen=True)
class Phrase:
    """How a summary says what a call of one endpoint did."""

    attempt: str
    """"reply to"; "" when the action has no verb, and the sentence says "call"."""
    done: str
    nouns: tuple[str, ...]
    """What each path parameter names, in path order."""
    group: str
    """What a call without path parameters acts on."""


PHRASES: Mapping[str, Phrase] = MappingProxyType(
    {
        "admins.list": Phrase(
            attempt="list",
            done="listed",
            nouns=(),
            group="admins",
        ),
        "admins.me": Phrase(
            attempt="",
            done="",
            nouns=(),
            group="admins",
        ),
        "admins.set_away": Phrase(
            attempt="",
            done="",
            nouns=("admin",),
            group="admins",
        ),
        "articles.create": Phrase(
            attempt="create",
            done="created",
            nouns=(),
            group="articles",
        ),
        "articles.list": Phrase(
            attempt="list",
            done="listed",
            nouns=(),
            group="articles",
        ),
        "articles.retrieve": Phrase(
            attempt="fetch",
            done="fetched",
            nouns=("article",),
            group="articles",
        ),
        "articles.update": Phrase(
            attempt="update",
            done="updated",
            nouns=("article",),
            group="articles",
        ),
        "companies.list": Phrase(
            attempt="list",
            done="listed",
            nouns=(),
            group="companies",
        ),
        "companies.retrieve": Phrase(
            attempt="fetch",
            done="fetched",
            nouns=("company",),
            group="companies",
        ),
        "companies.upsert": Phrase(
            attempt="create or update",
            done="created or updated",
            nouns=(),
            group="companies",
        ),
        "contacts.archive": Phrase(
            attempt="archive",
            done="archived",
            nouns=("contact",),
            group="contacts",
        ),
        "contacts.create": Phrase(
            attempt="create",
            done="created",
            nouns=(),
            group="contacts",
        ),
        "contacts.delete": Phrase(
            attempt="delete",
            done="deleted",
            nouns=("contact",),
            group="contacts",
        ),
        "contacts.list": Phrase(
            attempt="list",
            done="listed",
            nouns=(),
            group="contacts",
        ),
        "contacts.retrieve": Phrase(
            attempt="fetch",
            done="fetched",
            nouns=("contact",),
            group="contacts",
        ),
        "contacts.search": Phrase(
            attempt="search",
            done="searched",
            nouns=(),
            group="contacts",
        ),
        "contacts.update": Phrase(
            attempt="update",
            done="updated",
            nouns=("contact",),
            group="contacts",
        ),
        "conversations.create": Phrase(
            attempt="create",
            done="created",
            nouns=(),
            group="conversations",
        ),
        "conversations.list": Phrase(
            attempt="list",
            done="listed",
            nouns=(),
            group="conversations",
        ),
        "conversations.manage": Phrase(
            attempt="manage",
            done="managed",
            nouns=("conversation",),
            group="conversations",
        ),
        "conversations.reply": Phrase(
            attempt="reply to",
            done="replied to",
            nouns=("conversation",),
            group="conversations",
        ),
        "conversations.retrieve": Phrase(
            attempt="fetch",
            done="fetched",
            nouns=("conversation",),
            group="conversations",
        ),
        "conversations.search": Phrase(
            attempt="search",
            done="searched",
            nouns=(),
            group="conversations",
        ),
        "data_events.list": Phrase(
            attempt="list",
            done="listed",
            nouns=(),
            group="data events",
        ),
        "data_events.submit": Phrase(
            attempt="submit",
            done="submitted",
            nouns=(),
            group="data events",
        ),
        "messages.create": Phrase(
            attempt="create",
            done="created",
            nouns=(),
            group="messages",
        ),
        "tickets.create": Phrase(
            attempt="create",
            done="created",
            nouns=(),
            group="tickets",
        ),
        "tickets.reply": Phrase(
            attempt="reply to",
            done="replied to",
            nouns=("ticket",),
            group="tickets",
        ),
        "tickets.retrieve": Phrase(
            attempt="fetch",
            done="fetched",
            nouns=("ticket",),
            group="tickets",
        ),
        "tickets.update": Phrase(
            attempt="update",
            done="updated",
            nouns=("ticket",),
            group="tickets",
        ),
    }
)


class AuditLogError(IntercomError):
    """The audit log could not be opened or written, so the call was refused (or its
    answer withheld)."""

    what_to_do = (
        "Make the audit log writable again (the path, its permissions, free disk space), "
        "then start the client again; no call is made while it cannot be written."
    )


def _cut(text: str, size: int) -> str:
    return text if len(text) <= size else text[: size - 3] + "..."


def _object(phrase: Phrase, values: tuple[str, ...]) -> str:
    if not values:
        return phrase.group
    named = zip(phrase.nouns, values, strict=False)
    return " and ".join(f"{noun} {_cut(value, MAX_VALUE)}" for noun, value in named)


def what_was_done(agent: str, endpoint_id: str, path: str, allowed: bool) -> str:
    """The sentence's first half: who did (or tried to do) what, to what."""
    phrase = PHRASES.get(endpoint_id)
    values = parameters_in(endpoint_id, path)
    if phrase is None:
        return f"{agent} {'called' if allowed else 'tried to call'} {endpoint_id}"
    if not phrase.attempt:
        on = f" on {_object(phrase, values)}" if values else ""
        return f"{agent} {'called' if allowed else 'tried to call'} {endpoint_id}{on}"
    verb = phrase.done if allowed else f"tried to {phrase.attempt}"
    return f"{agent} {verb} {_object(phrase, values)} ({endpoint_id})"


def outcome(status: int | None) -> str:
    if status is None:
        return "no answer from Intercom"
    try:
        return f"{status} {HTTPStatus(status).phrase}"
    except ValueError:
        return str(status)


class AuditLog:
    """An append-only JSON Lines file; `via` names the way in on every line."""

    def __init__(
        self,
        path: str | os.PathLike[str],
        *,
        via: str = "client",
        reserve_bytes: int = RESERVE_BYTES,
    ) -> None:
        self.path: str = os.fspath(path)
        self.via: str = via
        self.reserve_bytes: int = reserve_bytes
        self._failure: str | None = None
        self._lock = threading.Lock()
        flags = os.O_WRONLY | os.O_APPEND | os.O_CREAT | getattr(os, "O_CLOEXEC", 0)
        try:
            self._descriptor = os.open(self.path, flags | getattr(os, "O_NONBLOCK", 0), 0o600)
        except OSError as error:
            raise AuditLogError(
                f"cannot open the audit log {self.path}: {error.strerror}"
            ) from None
        if not stat.S_ISREG(os.fstat(self._descriptor).st_mode):
            self.close()
            raise AuditLogError(f"the audit log {self.path} is not a regular file")

    def __repr__(self) -> str:
        return f"AuditLog({self.path!r}, via={self.via!r})"

    def close(self) -> None:
        with self._lock:
            if self._descriptor >= 0:
                os.close(self._descriptor)
                self._descriptor = -1
                self._failure = self._failure or "closed"

    def __del__(self) -> None:
        if getattr(self, "_descriptor", -1) >= 0:
            os.close(self._descriptor)

    def ready(self) -> None:
        """Raise AuditLogError unless the next line can be expected to be written."""
        if self._failure is not None:
            raise AuditLogError(f"the audit log {self.path} failed earlier ({self._failure})")
        try:
            space = os.fstatvfs(self._descriptor)
        except (OSError, AttributeError):
            return
        if space.f_bavail * space.f_frsize < self.reserve_bytes:
            raise AuditLogError(
                f"the audit log {self.path} has less than {self.reserve_bytes} bytes of disk left"
            )

    def write(self, record: Mapping[str, Any]) -> None:
        """Append one line; a failure is kept, so every later call is refused too."""
        line = (json.dumps(record, ensure_ascii=False, separators=(",", ":")) + "\n").encode()
        with self._lock:
            if self._failure is not None:
                raise AuditLogError(f"the audit log {self.path} failed earlier ({self._failure})")
            try:
                written = os.write(self._descriptor, line)
            except OSError as error:
                self._failure = error.strerror or type(error).__name__
                raise AuditLogError(
                    f"cannot write the audit log {self.path}: {self._failure}"
                ) from None
            if written != len(line):
                self._failure = f"only {written} of {len(line)} bytes were written"
                raise AuditLogError(f"cannot write the audit log {self.path}: {self._failure}")


def record(
    log: AuditLog | None,
    *,
    agent: str | None,
    endpoint: EndpointInfo | None,
    method: str,
    path: str,
    decision: str,
    rule: str,
    status: int | None,
    request_id: str | None,
    summary: str,
) -> None:
    """Write one line, when there is a log."""
    if log is None:
        return
    seconds = time.time()
    now = (
        time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(seconds))
        + f".{int(seconds * 1000) % 1000:03d}Z"
    )
    log.write(
        {
            "time": now,
            "agent": agent,
            "via": log.via,
            "endpoint": endpoint.id if endpoint is not None else None,
            "method": method,
            "path": _cut(path, MAX_PATH),
            "access": endpoint.access if endpoint is not None else None,
            "decision": decision,
            "rule": rule,
            "status": status,
            "request_id": request_id,
            "summary": summary,
        }
    )


class Admission:
    """An allowed call on its way: `answered` writes its line once the answer is in."""

    __slots__ = ("decision", "endpoint", "guard", "path")

    def __init__(self, guard: Guard, endpoint: EndpointInfo, path: str, decision: Decision) -> None:
        self.guard: Guard = guard
        self.endpoint: EndpointInfo = endpoint
        self.path: str = path
        self.decision: Decision = decision

    def answered(self, status: int | None, request_id: str | None = None) -> None:
        """Record the call's answer (status None: no answer came)."""
        guard = self.guard
        done = what_was_done(guard.agent.name, self.endpoint.id, self.path, allowed=True)
        summary = f"{done}: allowed by '{self.decision.rule}'; {outcome(status)}"
        record(
            guard.log,
            agent=guard.agent.name,
            endpoint=self.endpoint,
            method=self.endpoint.method,
            path=self.path,
            decision="allow",
            rule=self.decision.rule,
            status=status,
            request_id=request_id,
            summary=summary,
        )

    def answered_with(self, response: Any) -> None:
        """Record an httpx response's status and request id."""
        request_id = response.headers.get("X-Request-Id")
        if request_id is None and response.status_code >= 400:
            try:
                body = response.json()
            except ValueError:
                body = None
            found = body.get("request_id") if isinstance(body, dict) else None
            request_id = found if isinstance(found, str) else None
        self.answered(response.status_code, request_id)


class Guard:
    """One agent's policy and audit log, checked at the start of every request."""

    def __init__(
        self,
        policy: Policy,
        agent: str,
        audit_log: AuditLog | str | os.PathLike[str] | None = None,
    ) -> None:
        self.policy: Policy = policy
        self.agent: AgentPolicy = policy.agent(agent)
        self.log: AuditLog | None = (
            audit_log
            if isinstance(audit_log, AuditLog) or audit_log is None
            else AuditLog(audit_log)
        )

    def __repr__(self) -> str:
        return f"Guard(agent={self.agent.name!r}, log={self.log!r})"

    def admit(self, endpoint: EndpointInfo, path: str) -> Admission:
        """Let the call through, or log the denial and raise PolicyDenied."""
        decision = self.agent.decide(endpoint.id)
        if not decision.allowed:
            self.refuse(endpoint, path, decision)
        if self.log is not None:
            self.log.ready()
        return Admission(self, endpoint, path, decision)

    def refuse(self, endpoint: EndpointInfo, path: str, decision: Decision | None = None) -> None:
        """Log a denied call and raise PolicyDenied; nothing is sent."""
        decision = decision or self.agent.decide(endpoint.id)
        name = self.agent.name
        tried = what_was_done(name, endpoint.id, path, allowed=False)
        record(
            self.log,
            agent=name,
            endpoint=endpoint,
            method=endpoint.method,
            path=path,
            decision="deny",
            rule=decision.rule,
            status=None,
            request_id=None,
            summary=f"{tried}: denied by '{decision.rule}'; nothing was sent",
        )
        raise PolicyDenied(
            f"{name} may not call {endpoint.id} ({endpoint.method} {endpoint.path}): "
            f"{decision.explanation} (rule '{decision.rule}'); nothing was sent.",
            agent=name,
            endpoint_id=endpoint.id,
            rule=decision.rule,
        )


def guard_for(
    policy: Policy | None,
    agent: str | None,
    audit_log: AuditLog | str | os.PathLike[str] | None,
) -> Guard | None:
    """The clients' guard: None without a policy (and then no cost per call)."""
    if policy is None:
        if agent is not None or audit_log is not None:
            raise ValueError("agent= and audit_log= need policy=")
        return None
    if agent is None:
        raise ValueError("policy= needs agent=, the name of the agent the client acts for")
    return Guard(policy, agent, audit_log)
