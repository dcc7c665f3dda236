"""Per-agent access to Intercom API 2.11: which endpoints each agent may call.

A policy file names, per agent, a level for each capability group and on/off overrides
for single endpoints::

    agents:
      support-bot:
        conversations: full        # off | read | full
        contacts: read
        endpoints:                 # per-endpoint overrides: on | off
          conversations.manage: off
        key_sha256: 9f86d0...      # optional: the SHA-256 of the agent's gateway key

Deny by default: a group not named is off; `read` allows the group's read endpoints and
`full` its read and write endpoints; an override wins over its group. Every name is
checked against this version's catalog when the policy is loaded, and every problem is
reported at once with its file, line and the closest valid name (PolicyError).

`Policy.load` reads YAML (and so JSON, which is YAML) with PyYAML, the one dependency of
the package's `agents` extra (`pip install 'intercom-api[agents]'`); `Policy.from_dict`
takes data already loaded, with no dependency. Scalars are read as written, so a bare
`off` is the word off, not YAML 1.1's false.
"""

from __future__ import annotations

import difflib
import hashlib
import hmac
import importlib
import os
import re
import stat
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Any

from intercom_api.endpoints import API_VERSION, ENDPOINTS
from intercom_api.errors import IntercomError

# The capability groups of this version: a policy's resources.
GROUPS: tuple[str, ...] = (
    "admins",
    "articles",
    "companies",
    "contacts",
    "conversations",
    "data_events",
    "messages",
    "tickets",
)

ENDPOINT_GROUPS: Mapping[str, str] = MappingProxyType(
    {
        "admins.list": "admins",
        "admins.me": "admins",
        "admins.set_away": "admins",
        "articles.create": "articles",
        "articles.list": "articles",
        "articles.retrieve": "articles",
        "articles.update": "articles",
        "companies.list": "companies",
        "companies.retrieve": "companies",
        "companies.upsert": "companies",
        "contacts.archive": "contacts",
        "contacts.create": "contacts",
        "contacts.delete": "contacts",
        "contacts.list": "contacts",
        "contacts.retrieve": "contacts",
        "contacts.search": "contacts",
        "contacts.update": "contacts",
        "conversations.create": "conversations",
        "conversations.list": "conversations",
        "conversations.manage": "conversations",
        "conversations.reply": "conversations",
        "conversations.retrieve": "conversations",
        "conversations.search": "conversations",
        "data_events.list": "data_events",
        "data_events.submit": "data_events",
        "messages.create": "messages",
        "tickets.create": "tickets",
        "tickets.reply": "tickets",
        "tickets.retrieve": "tickets",
        "tickets.update": "tickets",
    }
)

# What each group level allows, by an endpoint's access.
LEVELS: Mapping[str, frozenset[str]] = MappingProxyType(
    {
        "off": frozenset(),
        "read": frozenset({"read"}),
        "full": frozenset({"read", "write"}),
    }
)

SWITCHES: Mapping[str, bool] = MappingProxyType(
    {
        "on": True,
        "off": False,
    }
)
OVERRIDES_KEY = "endpoints"
KEY_KEY = "key_sha256"
AGENT_NAME = re.compile("^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$")
KEY_SHA256 = re.compile("^[0-9a-fA-F]{64}$")
MAX_POLICY_BYTES = 1048576
# Mappings inside one another: agents, an agent, its overrides; anything deeper is no policy.
MAX_DEPTH = 8
_NOT_A_POLICY = ("a policy file is a mapping with one key, 'agents'", "start it with 'agents:'")
_YAML_TAGS = frozenset(
    "tag:yaml.org,2002:" + name
    for name in ("str", "map", "seq", "bool", "int", "float", "null", "timestamp")
)


class PolicyError(ValueError):
    """A policy that cannot be used: an unknown agent, group, endpoint or level, or a
    file that is not a policy. `problems` holds each as "file:line:col: message (hint)"."""

    def __init__(self, problems: Iterable[str]) -> None:
        self.problems: tuple[str, ...] = tuple(problems)
        super().__init__("\n".join(self.problems))


class PolicyDenied(IntercomError):
    """The agent's policy does not allow the endpoint; nothing was sent to Intercom."""

    what_to_do = (
        "Ask the policy's owner to allow the endpoint for this agent (the rule named above "
        "decided), or do without it; the call was not sent."
    )

    def __init__(self, message: str, *, agent: str, endpoint_id: str | None, rule: str) -> None:
        super().__init__(message, code="policy_denied", endpoint_id=endpoint_id)
        self.agent = agent
        self.rule = rule


@dataclass(frozen=True)
class Decision:
    """Whether an agent may call an endpoint, the rule that decided (as the policy file
    says it) and why, in words."""

    allowed: bool
    rule: str
    explanation: str


def _decide(agent: AgentPolicy, endpoint_id: str) -> Decision:
    endpoint = ENDPOINTS[endpoint_id]
    if endpoint_id in agent.overrides:
        allowed = agent.overrides[endpoint_id]
        switch = "on" if allowed else "off"
        rule = f"{OVERRIDES_KEY}: {endpoint_id}: {switch}"
        return Decision(allowed, rule, f"the policy turns {endpoint_id} {switch}")
    group = ENDPOINT_GROUPS[endpoint_id]
    level = agent.levels.get(group)
    if level is None:
        rule = f"no rule for {group} (deny by default)"
        return Decision(False, rule, f"the policy gives {agent.name} no rule for {group}")
    rule = f"{group}: {level}"
    if endpoint.access in LEVELS[level]:
        return Decision(True, rule, f"'{rule}' allows {endpoint.access} endpoints")
    if level == "off":
        return Decision(False, rule, f"'{rule}' allows none of the group's endpoints")
    return Decision(False, rule, f"'{rule}' allows only read endpoints, and {endpoint_id} writes")


@dataclass(frozen=True)
class AgentPolicy:
    """One agent's rules. Every endpoint's decision is made once, when it is built."""

    name: str
    levels: Mapping[str, str]
    overrides: Mapping[str, bool]
    key_sha256: str | None = None
    source: str = ""
    """Where the agent is declared: "agents.yaml:2:3"."""
    decisions: Mapping[str, Decision] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        decided = {endpoint_id: _decide(self, endpoint_id) for endpoint_id in ENDPOINTS}
        object.__setattr__(self, "decisions", MappingProxyType(decided))

    def decide(self, endpoint_id: str) -> Decision:
        decision = self.decisions.get(endpoint_id)
        if decision is None:
            reason = f"{endpoint_id!r} is no endpoint of Intercom API {API_VERSION}"
            return Decision(False, "no such endpoint (deny by default)", reason)
        return decision

    def allows(self, endpoint_id: str) -> bool:
        return self.decide(endpoint_id).allowed

    @property
    def allowed(self) -> tuple[str, ...]:
        """The endpoints this agent may call, sorted."""
        return tuple(e for e, decision in self.decisions.items() if decision.allowed)


def _hint(word: str, choices: Iterable[str]) -> str:
    matches = difflib.get_close_matches(word, sorted(set(choices)), n=1, cutoff=0.6)
    return f"did you mean {matches[0]!r}?" if matches else ""


@dataclass(frozen=True)
class _Value:
    """A value read from a policy file, with where it is."""

    data: Any
    """A str for a scalar (as written), a list of (key, value) for a mapping, else a list."""
    at: str
    is_mapping: bool = False
    is_scalar: bool = False


class _Problems:
    def __init__(self) -> None:
        self.found: list[str] = []

    def add(self, at: str, message: str, hint: str = "") -> None:
        self.found.append(f"{at}: {message}" + (f" ({hint})" if hint else ""))


def _from_node(node: Any, source: str, problems: _Problems) -> _Value:
    """A PyYAML node as a _Value, its positions 1-based."""
    at = f"{source}:{node.start_mark.line + 1}:{node.start_mark.column + 1}"
    if node.tag not in _YAML_TAGS:
        problems.add(at, f"the YAML tag {node.tag!r} is not allowed in a policy file")
        return _Value(None, at)
    if node.id == "scalar":
        return _Value(node.value, at, is_scalar=True)
    if node.id == "mapping":
        pairs = [
            (_from_node(k, source, problems), _from_node(v, source, problems))
            for k, v in node.value
        ]
        return _Value(pairs, at, is_mapping=True)
    return _Value([_from_node(item, source, problems) for item in node.value], at)


def _from_data(data: Any, at: str) -> _Value:
    """Already-loaded data as a _Value; it has no positions, so every value is at `at`."""
    if isinstance(data, Mapping):
        return _Value([(_from_data(k, at), _from_data(v, at)) for k, v in data.items()], at, True)
    if isinstance(data, str):
        return _Value(data, at, is_scalar=True)
    if isinstance(data, list | tuple):
        return _Value([_from_data(item, at) for item in data], at)
    return _Value(data, at)


def _text(value: _Value) -> str | None:
    return value.data if value.is_scalar and isinstance(value.data, str) else None


def _entries(value: _Value, what: str, problems: _Problems) -> list[tuple[str, _Value, _Value]]:
    """A mapping's (key, key value, value) entries; duplicate keys are problems."""
    seen: set[str] = set()
    entries = []
    for key, item in value.data:
        name = _text(key)
        if name is None:
            problems.add(key.at, f"a key in {what} must be a plain name")
            continue
        if name in seen:
            problems.add(key.at, f"{name!r} appears twice in {what}", "keep one")
            continue
        seen.add(name)
        entries.append((name, key, item))
    return entries


def _read_overrides(value: _Value, agent: str, problems: _Problems) -> dict[str, bool]:
    overrides: dict[str, bool] = {}
    if not value.is_mapping:
        problems.add(
            value.at, f"{OVERRIDES_KEY!r} of agent {agent!r} must map endpoint ids to on or off"
        )
        return overrides
    for endpoint_id, key, switch in _entries(value, f"the overrides of {agent!r}", problems):
        written = _text(switch)
        if endpoint_id not in ENDPOINTS:
            hint = _hint(endpoint_id, ENDPOINTS) or "endpoint ids look like 'contacts.retrieve'"
            problems.add(
                key.at, f"unknown endpoint {endpoint_id!r} at API version {API_VERSION}", hint
            )
        elif written is None or written not in SWITCHES:
            problems.add(
                switch.at,
                f"endpoint override {written if written is not None else switch.data!r} for "
                f"{endpoint_id!r} must be on or off",
                _hint(str(written), SWITCHES)
                or "write on or off; a YAML 1.1 loader reads a bare off as false",
            )
        else:
            overrides[endpoint_id] = SWITCHES[written]
    return overrides


def _read_agent(name: str, at: str, value: _Value, problems: _Problems) -> AgentPolicy | None:
    before = len(problems.found)
    if not value.is_mapping:
        problems.add(
            value.at,
            f"agent {name!r} must be a mapping of groups to levels",
            "for example 'contacts: read'",
        )
        return None
    levels: dict[str, str] = {}
    overrides: dict[str, bool] = {}
    key: str | None = None
    for entry, entry_key, item in _entries(value, f"agent {name!r}", problems):
        written = _text(item)
        if entry == OVERRIDES_KEY:
            overrides = _read_overrides(item, name, problems)
        elif entry == KEY_KEY:
            if written is None or not KEY_SHA256.match(written):
                problems.add(
                    item.at,
                    f"{KEY_KEY!r} of agent {name!r} must be 64 hexadecimal digits",
                    "the SHA-256 of the agent's key, for example from 'sha256sum'",
                )
            else:
                key = written.lower()
        elif entry not in GROUPS:
            hint = _hint(entry, (*GROUPS, OVERRIDES_KEY, KEY_KEY)) or "groups: " + ", ".join(GROUPS)
            problems.add(
                entry_key.at, f"unknown group {entry!r} at API version {API_VERSION}", hint
            )
        elif written is None or written not in LEVELS:
            shown = written if written is not None else item.data
            hint = _hint(str(written), LEVELS) or "use off, read or full"
            problems.add(item.at, f"unknown level {shown!r} for group {entry!r}", hint)
        else:
            levels[entry] = written
    if len(problems.found) > before:
        return None
    return AgentPolicy(name, MappingProxyType(levels), MappingProxyType(overrides), key, at)


def _read_policy(document: _Value, source: str, problems: _Problems) -> list[AgentPolicy]:
    if not document.is_mapping:
        problems.add(document.at, *_NOT_A_POLICY)
        return []
    agents_value: _Value | None = None
    for name, key, value in _entries(document, "the policy", problems):
        if name == "agents":
            agents_value = value
        else:
            hint = _hint(name, ["agents"]) or "only 'agents' is allowed"
            problems.add(key.at, f"unknown key {name!r} in a policy file", hint)
    if agents_value is None:
        problems.add(document.at, *_NOT_A_POLICY)
        return []
    if not agents_value.is_mapping:
        problems.add(agents_value.at, "'agents' must map agent names to their rules")
        return []
    agents = []
    for name, key, value in _entries(agents_value, "'agents'", problems):
        if not AGENT_NAME.match(name):
            problems.add(
                key.at,
                f"agent name {name!r} must be letters, digits, '.', '_' or '-' (64 at most)",
                "for example support-bot",
            )
            continue
        agent = _read_agent(name, key.at, value, problems)
        if agent is not None:
            agents.append(agent)
    keys = [a.key_sha256 for a in agents if a.key_sha256]
    for agent in agents:
        if agent.key_sha256 and keys.count(agent.key_sha256) > 1:
            problems.add(
                agent.source,
                f"agent {agent.name!r} shares its key_sha256 with another agent",
                "give every agent its own key",
            )
    return agents


def _read_file(path: Path, source: str) -> str:
    """The file's text; a folder, a FIFO or device, a huge file or non-UTF-8 text is
    refused rather than read."""
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):
            raise PolicyError([f"{source}: the policy file is not a regular file"])
        if info.st_size > MAX_POLICY_BYTES:
            raise PolicyError(
                [f"{source}: the policy file is larger than {MAX_POLICY_BYTES} bytes"]
            )
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        with os.fdopen(descriptor, "rb") as handle:
            data = handle.read(MAX_POLICY_BYTES + 1)
    except OSError as error:
        raise PolicyError(
            [f"{source}: cannot read the policy file: {error.strerror or error}"]
        ) from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise PolicyError(
            [f"{source}: the policy file is not UTF-8 text (byte {error.start})"]
        ) from None


def _parse(text: str, source: str, problems: _Problems) -> _Value | None:
    try:
        yaml: Any = importlib.import_module("yaml")
    except ImportError:
        raise PolicyError(
            [
                f"{source}: reading a policy file needs PyYAML: pip install 'intercom-api[agents]' "
                "(or load the data yourself and call Policy.from_dict)"
            ]
        ) from None
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    depth = 0
    try:
        for event in yaml.parse(text, Loader=loader):
            depth += isinstance(event, yaml.CollectionStartEvent)
            depth -= isinstance(event, yaml.CollectionEndEvent)
            if depth > MAX_DEPTH:
                mark = event.start_mark
                problems.add(
                    f"{source}:{mark.line + 1}:{mark.column + 1}",
                    f"the policy file nests deeper than {MAX_DEPTH} levels; a policy needs 3",
                )
                return None
            if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
                mark = event.start_mark
                problems.add(
                    f"{source}:{mark.line + 1}:{mark.column + 1}",
                    "anchors and aliases (&name, *name) are not allowed in a policy file",
                    "write each agent's rules out in full",
                )
                return None
        node = yaml.compose(text, Loader=loader)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        at = f"{source}:{mark.line + 1}:{mark.column + 1}" if mark is not None else source
        problems.add(at, f"invalid YAML: {error.problem or error.context}")
        return None
    except yaml.YAMLError as error:
        problems.add(source, f"invalid YAML: {error}")
        return None
    if node is None:
        problems.add(source, "the policy file is empty", "start it with 'agents:'")
        return None
    return _from_node(node, source, problems)


class Policy:
    """Every agent's rules, checked against Intercom API 2.11."""

    def __init__(self, agents: Iterable[AgentPolicy], source: str = "<policy>") -> None:
        self.agents: Mapping[str, AgentPolicy] = MappingProxyType({a.name: a for a in agents})
        self.source = source
        self._keyed = tuple(a for a in self.agents.values() if a.key_sha256)

    def __repr__(self) -> str:
        return f"Policy({self.source!r}, agents={sorted(self.agents)!r})"

    @classmethod
    def load(cls, path: str | os.PathLike[str]) -> Policy:
        """Read a policy file (YAML or JSON); raises PolicyError listing every problem."""
        source = os.fspath(path)
        problems = _Problems()
        document = _parse(_read_file(Path(path), source), source, problems)
        agents = _read_policy(document, source, problems) if document is not None else []
        if problems.found:
            raise PolicyError(problems.found)
        return cls(agents, source)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any], source: str = "<policy>") -> Policy:
        """A policy from data already loaded ({"agents": {...}}), checked as a file is."""
        problems = _Problems()
        agents = _read_policy(_from_data(data, source), source, problems)
        if problems.found:
            raise PolicyError(problems.found)
        return cls(agents, source)

    def agent(self, name: str) -> AgentPolicy:
        agent = self.agents.get(name)
        if agent is None:
            hint = _hint(name, self.agents) or "agents: " + (
                ", ".join(sorted(self.agents)) or "none"
            )
            raise PolicyError([f"{self.source}: unknown agent {name!r} ({hint})"])
        return agent

    def decide(self, agent: str, endpoint_id: str) -> Decision:
        return self.agent(agent).decide(endpoint_id)

    def agent_for_key(self, key: str) -> AgentPolicy | None:
        """The agent whose key_sha256 is this key's SHA-256, compared in constant time
        against every agent's, so the time taken says nothing about which matched."""
        digest = hashlib.sha256(key.encode("utf-8", "surrogateescape")).hexdigest()
        found: AgentPolicy | None = None
        for agent in self._keyed:
            if hmac.compare_digest(digest, agent.key_sha256 or ""):
                found = agent
        return found
