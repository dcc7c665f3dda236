"""The agent layer of the Python target: what the generated `intercom_api.policy`,
`.audit`, `.routes`, `.mcp` and `.gateway` modules need to know about one version,
built once from the operation model (and, for the MCP tools, from the names the client
view gave each method), frozen, and composed into the client view as `view.agents`.

The audit log's plain-English sentences ("support-bot replied to conversation 123") are
made here too, from the endpoint's action and path: the action's first word picks a
verb from ACTION_VERBS below (an unknown action reads "called <endpoint id>"), and
each path parameter names its object ("contact_id" reads "contact" when the path
segment before it is the plural, as in /contacts/{contact_id})."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from .agent_policy import AGENT_NAME, KEY_KEY, KEY_SHA256, LEVELS, MAX_POLICY_BYTES, OVERRIDES_KEY, SWITCHES
from .catalog import Catalog
from .operations import Operation, OperationModel
from .pysource import block_literal, literal
from .readers import PATH_TOKEN
from .text import one_line, to_json
from .tool_views import GroupNames, tools_document

# An action's first word -> (what the agent tried to do, what it did).
ACTION_VERBS = {
    "archive": ("archive", "archived"),
    "collect": ("fetch", "fetched"),
    "create": ("create", "created"),
    "delete": ("delete", "deleted"),
    "export": ("export", "exported"),
    "list": ("list", "listed"),
    "manage": ("manage", "managed"),
    "recording": ("fetch the recording of", "fetched the recording of"),
    "register": ("register", "registered"),
    "reply": ("reply to", "replied to"),
    "retrieve": ("fetch", "fetched"),
    "search": ("search", "searched"),
    "submit": ("submit", "submitted"),
    "transcript": ("fetch the transcript of", "fetched the transcript of"),
    "update": ("update", "updated"),
    "upsert": ("create or update", "created or updated"),
}


@dataclass(frozen=True)
class PhraseView:
    """How the audit log says what a call of one endpoint did, as Python literals."""

    id_literal: str
    attempt_literal: str
    """"reply to", or "" when the action has no verb (the sentence then says "call")."""
    done_literal: str
    nouns_literal: str
    """One noun a path parameter, in path order: ("conversation",)."""
    group_literal: str
    """What a call without path parameters acts on: the group's title, in lower case."""


@dataclass(frozen=True)
class AgentView:
    version_literal: str
    groups: str
    """Every capability group of the version, as a tuple literal laid out as black does."""
    endpoint_groups: tuple[tuple[str, str], ...]
    levels: tuple[tuple[str, str], ...]
    switches: tuple[tuple[str, str], ...]
    overrides_key_literal: str
    key_key_literal: str
    agent_name_pattern_literal: str
    key_pattern_literal: str
    max_policy_bytes: int
    phrases: tuple[PhraseView, ...]
    tools_json: str
    """intercom_api/mcp_tools.json: the MCP server's tools, as data."""


def nouns(operation: Operation) -> tuple[str, ...]:
    """What each path parameter names: the parameter in words, without a trailing "id"
    when the segment before it is the plural (/contacts/{contact_id} -> "contact")."""
    pieces = PATH_TOKEN.split(operation.path)
    found = []
    for index in range(1, len(pieces), 2):
        name = pieces[index]
        before = pieces[index - 1].rstrip("/").rsplit("/", 1)[-1]
        stem = name.removesuffix("_id")
        if stem and stem != name and before != name and before.startswith(stem[:-1]):
            found.append(stem.replace("_", " "))
        else:
            found.append(name.replace("_", " "))
    return tuple(found)


def phrase(operation: Operation, catalog: Catalog) -> PhraseView:
    verb = ACTION_VERBS.get(operation.action.split("_", 1)[0], ("", ""))
    group = catalog.group(operation.group)
    title = one_line(group.title).lower() if group else operation.group.replace("_", " ")
    return PhraseView(
        id_literal=literal(operation.id),
        attempt_literal=literal(verb[0]),
        done_literal=literal(verb[1]),
        nouns_literal=literal(nouns(operation)),
        group_literal=literal(title),
    )


def build_agent_view(catalog: Catalog, model: OperationModel, groups: Sequence[GroupNames]) -> AgentView:
    """`groups` are the client view's groups: the MCP tools call the methods they name."""
    return AgentView(
        version_literal=literal(catalog.version),
        groups=block_literal(tuple(sorted(g.id for g in catalog.groups)), indent=0),
        endpoint_groups=tuple((literal(o.id), literal(o.group)) for o in model.operations),
        levels=tuple((literal(name), literal(allows)) for name, allows in LEVELS.items()),
        switches=tuple((literal(name), literal(value)) for name, value in SWITCHES.items()),
        overrides_key_literal=literal(OVERRIDES_KEY),
        key_key_literal=literal(KEY_KEY),
        agent_name_pattern_literal=literal(AGENT_NAME.pattern),
        key_pattern_literal=literal(KEY_SHA256.pattern),
        max_policy_bytes=MAX_POLICY_BYTES,
        phrases=tuple(phrase(o, catalog) for o in model.operations),
        tools_json=to_json(tools_document(catalog, model, groups)),
    )
