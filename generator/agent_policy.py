"""Agent policies, as the generator reads them: a YAML file naming, per agent, an access
level for each capability group and on/off overrides for single endpoints.

```yaml
agents:
  support-bot:
    conversations: full        # off | read | full
    contacts: read
    endpoints:                 # per-endpoint overrides: on | off
      conversations.manage: off
    key_sha256: 9f86d0...      # optional: the SHA-256 of the agent's own gateway key
```

Deny by default: a group not named is off; `read` allows the group's read endpoints,
`full` its read and write endpoints; an override wins over its group. The generated
package's `intercom_api.policy` applies the same rules at run time (its levels come
from LEVELS below, through the view); this module serves `intercom-gen policy` and
`intercom-gen scopes --policy`, reading the file with ruamel so that every problem is
reported at its line."""

from __future__ import annotations

import os
import re
import stat
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import Any, NoReturn

from ruamel.yaml import YAML
from ruamel.yaml.error import YAMLError
from ruamel.yaml.events import AliasEvent, CollectionStartEvent, ScalarEvent

from .catalog import Catalog, version_key
from .diagnostics import CatalogError, Collector, Diagnostic, Location, did_you_mean

# What each group level allows, by the endpoint's access.
LEVELS: Mapping[str, frozenset[str]] = MappingProxyType(
    {"off": frozenset(), "read": frozenset({"read"}), "full": frozenset({"read", "write"})}
)
SWITCHES: Mapping[str, bool] = MappingProxyType({"on": True, "off": False})
OVERRIDES_KEY = "endpoints"
KEY_KEY = "key_sha256"
AGENT_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$")
KEY_SHA256 = re.compile(r"^[0-9a-fA-F]{64}$")
# A policy names a few agents; a megabyte is far more than any needs.
MAX_POLICY_BYTES = 1024 * 1024


@dataclass(frozen=True)
class AgentRules:
    """One agent's entry: its group levels, its endpoint overrides, its key's hash."""

    name: str
    levels: Mapping[str, str]
    overrides: Mapping[str, bool]
    key_sha256: str | None
    where: Location


@dataclass(frozen=True)
class PolicyFile:
    path: str
    agents: tuple[AgentRules, ...]

    def agent(self, name: str) -> AgentRules:
        for agent in self.agents:
            if agent.name == name:
                return agent
        names = [a.name for a in self.agents]
        hint = did_you_mean(name, names) or ("agents: " + ", ".join(names) if names else "the policy names no agent")
        raise_problems([Diagnostic(Location("--agent"), f"unknown agent {name!r} in {self.path}", hint)])


@dataclass(frozen=True)
class Decision:
    allowed: bool
    rule: str
    """The rule that decided, as the policy file says it: 'conversations: full',
    'endpoints: tickets.reply: on', or 'no rule for contacts (deny by default)'."""


def raise_problems(problems: Iterable[Diagnostic]) -> NoReturn:
    raise CatalogError(problems)


def decide(agent: AgentRules, endpoint_id: str, group: str, access: str) -> Decision:
    """Whether the agent may call the endpoint, and the rule that says so."""
    if endpoint_id in agent.overrides:
        allowed = agent.overrides[endpoint_id]
        return Decision(allowed, f"{OVERRIDES_KEY}: {endpoint_id}: {'on' if allowed else 'off'}")
    level = agent.levels.get(group)
    if level is None:
        return Decision(False, f"no rule for {group} (deny by default)")
    return Decision(access in LEVELS[level], f"{group}: {level}")


def decisions(catalog: Catalog, agent: AgentRules) -> tuple[tuple[str, Decision], ...]:
    """Every endpoint of the version, sorted by id, with the agent's decision."""
    return tuple((e.id, decide(agent, e.id, e.group, e.access)) for e in sorted(catalog.endpoints, key=lambda e: e.id))


# -- reading ---------------------------------------------------------------------------


def _read_text(path: Path, name: str) -> str:
    """The file's text, refusing what no policy file is: a folder, a device or a FIFO
    (which would block), something huge, text that is not UTF-8."""
    try:
        info = path.stat()
    except OSError as error:
        raise_problems([Diagnostic(Location(name), f"cannot read the policy file: {error.strerror or error}")])
    if not stat.S_ISREG(info.st_mode):
        raise_problems([Diagnostic(Location(name), "the policy file is not a regular file")])
    if info.st_size > MAX_POLICY_BYTES:
        raise_problems([Diagnostic(Location(name), f"the policy file is larger than {MAX_POLICY_BYTES} bytes")])
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        with os.fdopen(fd, "rb") as handle:
            data = handle.read(MAX_POLICY_BYTES + 1)
    except OSError as error:
        raise_problems([Diagnostic(Location(name), f"cannot read the policy file: {error.strerror or error}")])
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise_problems([Diagnostic(Location(name), f"the policy file is not UTF-8 text (byte {error.start})")])


def _parse(text: str, name: str) -> Any:
    """The document, with positions; anchors and aliases are refused (a policy has no use
    for them, and they are how a small file becomes a huge one)."""
    yaml = YAML()
    try:
        for event in yaml.parse(text):
            anchored = isinstance(event, (ScalarEvent, CollectionStartEvent)) and event.anchor
            if isinstance(event, AliasEvent) or anchored:
                mark = event.start_mark
                raise_problems(
                    [
                        Diagnostic(
                            Location(name, mark.line + 1, mark.column + 1),
                            "anchors and aliases (&name, *name) are not allowed in a policy file",
                            "write each agent's rules out in full",
                        )
                    ]
                )
        return YAML().load(text)
    except YAMLError as error:
        mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
        line, col = (mark.line + 1, mark.column + 1) if mark is not None else (0, 0)
        problem = getattr(error, "problem", None) or str(error).splitlines()[0]
        raise_problems([Diagnostic(Location(name, line, col), f"invalid YAML: {problem}")])


class _Spots:
    """1-based positions of a ruamel mapping's keys and values."""

    def __init__(self, name: str) -> None:
        self.name = name

    def key(self, node: Any, key: Any) -> Location:
        try:
            line, col = node.lc.key(key)
            return Location(self.name, line + 1, col + 1)
        except (AttributeError, KeyError, TypeError):
            return self.here(node)

    def value(self, node: Any, key: Any) -> Location:
        try:
            line, col = node.lc.value(key)
            return Location(self.name, line + 1, col + 1)
        except (AttributeError, KeyError, TypeError):
            return self.key(node, key)

    def here(self, node: Any) -> Location:
        try:
            return Location(self.name, node.lc.line + 1, node.lc.col + 1)
        except AttributeError:
            return Location(self.name, 1, 1)


def _introduced(resolved: Mapping[str, Catalog] | None, kind: str, name: str, current: str) -> str:
    """'exists from 2.14' when another supported version has the group or endpoint."""
    if not resolved:
        return ""
    having = sorted(
        (v for v, c in resolved.items() if (c.group(name) if kind == "group" else c.endpoint(name)) is not None),
        key=version_key,
    )
    if not having:
        return ""
    if version_key(having[0]) > version_key(current):
        return f"{kind} {name!r} exists from API version {having[0]}"
    return f"{kind} {name!r} exists in API version{'s' if len(having) > 1 else ''} {', '.join(having)}, not in {current}"


def _read_agent(
    node: Any,
    agent_name: str,
    where: Location,
    catalog: Catalog,
    spots: _Spots,
    problems: Collector,
    resolved: Mapping[str, Catalog] | None,
) -> AgentRules | None:
    if not isinstance(node, Mapping):
        problems.error(where, f"agent {agent_name!r} must be a mapping of groups to levels", "for example 'contacts: read'")
        return None
    groups = sorted(g.id for g in catalog.groups)
    endpoints = sorted(e.id for e in catalog.endpoints)
    levels: dict[str, str] = {}
    overrides: dict[str, bool] = {}
    key: str | None = None
    ok = True
    for name, value in node.items():
        at_key, at_value = spots.key(node, name), spots.value(node, name)
        if name == OVERRIDES_KEY:
            if not isinstance(value, Mapping):
                problems.error(at_value, f"'{OVERRIDES_KEY}' of agent {agent_name!r} must map endpoint ids to on or off")
                ok = False
                continue
            for endpoint_id, switch in value.items():
                spot = spots.key(value, endpoint_id)
                if not isinstance(endpoint_id, str) or catalog.endpoint(endpoint_id) is None:
                    hint = _introduced(resolved, "endpoint", str(endpoint_id), catalog.version) or did_you_mean(str(endpoint_id), endpoints)
                    problems.error(spot, f"unknown endpoint {endpoint_id!r} at API version {catalog.version}", hint or "endpoint ids look like 'contacts.retrieve'")
                    ok = False
                elif not isinstance(switch, str) or switch not in SWITCHES:
                    problems.error(spots.value(value, endpoint_id), f"endpoint override {switch!r} for {endpoint_id!r} must be on or off", did_you_mean(str(switch), SWITCHES))
                    ok = False
                else:
                    overrides[endpoint_id] = SWITCHES[switch]
        elif name == KEY_KEY:
            if not isinstance(value, str) or not KEY_SHA256.match(value):
                problems.error(at_value, f"'{KEY_KEY}' of agent {agent_name!r} must be 64 hexadecimal digits", "the SHA-256 of the agent's key, for example from 'sha256sum'")
                ok = False
            else:
                key = value.lower()
        elif not isinstance(name, str) or catalog.group(name) is None:
            choices = [*groups, OVERRIDES_KEY, KEY_KEY]
            hint = _introduced(resolved, "group", str(name), catalog.version) or did_you_mean(str(name), choices)
            problems.error(at_key, f"unknown group {name!r} at API version {catalog.version}", hint or "groups: " + ", ".join(groups))
            ok = False
        elif not isinstance(value, str) or value not in LEVELS:
            problems.error(at_value, f"unknown level {value!r} for group {name!r}", did_you_mean(str(value), LEVELS) or "use off, read or full")
            ok = False
        else:
            levels[name] = value
    if not ok:
        return None
    return AgentRules(agent_name, MappingProxyType(levels), MappingProxyType(overrides), key, where)


def read_policy(path: Path, catalog: Catalog, resolved: Mapping[str, Catalog] | None = None) -> PolicyFile:
    """The policy file, checked against one version's catalog: every unknown agent
    name, group, endpoint, level or switch is reported at its line, with the closest
    valid name, all at once (CatalogError)."""
    from .load import display_name

    name = display_name(path)
    data = _parse(_read_text(path, name), name)
    spots = _Spots(name)
    problems = Collector()
    if not isinstance(data, Mapping) or "agents" not in data:
        problems.error(spots.here(data), "a policy file is a mapping with one key, 'agents'", "start it with 'agents:'")
        problems.raise_if_any()
    for key in data:
        if key != "agents":
            problems.error(spots.key(data, key), f"unknown key {key!r} in a policy file", did_you_mean(str(key), ["agents"]) or "only 'agents' is allowed")
    agents_node = data["agents"]
    if not isinstance(agents_node, Mapping):
        problems.error(spots.value(data, "agents"), "'agents' must map agent names to their rules")
        problems.raise_if_any()
    agents: list[AgentRules] = []
    for agent_name, node in agents_node.items():
        where = spots.key(agents_node, agent_name)
        if not isinstance(agent_name, str) or not AGENT_NAME.match(agent_name):
            problems.error(where, f"agent name {agent_name!r} must be letters, digits, '.', '_' or '-' (64 at most)", "for example support-bot")
            continue
        agent = _read_agent(node, agent_name, where, catalog, spots, problems, resolved)
        if agent is not None:
            agents.append(agent)
    keys = [a.key_sha256 for a in agents if a.key_sha256]
    for agent in agents:
        if agent.key_sha256 and keys.count(agent.key_sha256) > 1:
            problems.error(agent.where, f"agent {agent.name!r} shares its key_sha256 with another agent", "give every agent its own key")
    problems.raise_if_any()
    return PolicyFile(name, tuple(agents))
