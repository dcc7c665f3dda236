"""The reference page's view: templates/reference (reference.html, one page with
search and filters)."""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from markupsafe import Markup

from .catalog import Catalog, Endpoint, version_key
from .counts import Counts
from .doc_parts import (
    SITE_NAME,
    ApiView,
    EndpointView,
    WebhookView,
    api_view,
    endpoint_views,
    permission_views,
    scope_views,
    webhook_views,
)
from .text import NOT_DOCUMENTED


@dataclass(frozen=True)
class SelectOption:
    value: str
    label: str


@dataclass(frozen=True)
class ReferenceView:
    version: str
    site_name: str
    counts: Counts
    api: ApiView
    endpoints: tuple[EndpointView, ...]
    endpoint_count: int
    """Every endpoint, with or without a documented permission."""
    webhooks: tuple[WebhookView, ...]
    webhook_count: int
    method_options: tuple[SelectOption, ...]
    access_options: tuple[SelectOption, ...]
    permission_options: tuple[SelectOption, ...]
    scope_options: tuple[SelectOption, ...]
    data_json: Markup
    """What the page's script reads (each endpoint's detail, the endpoints each scope
    opens), as JSON safe inside a <script> element."""


PLACEHOLDER = re.compile(r"\{([^{}]*)\}")
# In a double-quoted shell word these keep a meaning; a backslash makes each literal.
SHELL_SPECIAL = re.compile(r'([\\"$`])')


def script_json(value: Any) -> Markup:
    """JSON for a <script type="application/json"> element: `<`, `>` and `&` written as
    \\u escapes, so no text in the catalog can close the element or open a comment,
    and every other character outside ASCII escaped too."""
    text = json.dumps(value, sort_keys=True, ensure_ascii=True, separators=(",", ":"))
    for character in "<>&":
        text = text.replace(character, f"\\u{ord(character):04x}")
    return Markup(text)


def shell_variable(name: str) -> str:
    """A path parameter as the shell variable a reader sets: `contact_id` -> CONTACT_ID."""
    words = re.sub(r"[^A-Za-z0-9]+", "_", name).strip("_").upper() or "VALUE"
    return words if not words[0].isdigit() else f"_{words}"


def double_quoted(literal: str) -> str:
    """Catalog text inside a double-quoted shell word, read literally."""
    return SHELL_SPECIAL.sub(r"\\\1", literal)


def shell_url(base_url: str, endpoint: Endpoint) -> str:
    """The request URL as one double-quoted shell word: each `{name}` of the path a
    `${NAME}` variable, each required query parameter `name=${NAME}`."""
    parts: list[str] = []
    position = 0
    for match in PLACEHOLDER.finditer(endpoint.path):
        parts.append(double_quoted(endpoint.path[position : match.start()]))
        parts.append("${" + shell_variable(match[1]) + "}")
        position = match.end()
    parts.append(double_quoted(endpoint.path[position:]))
    query = [p for p in endpoint.parameters if p.location == "query" and p.required]
    if query:
        parts.append("?" + "&".join(f"{double_quoted(p.name)}=${{{shell_variable(p.name)}}}" for p in query))
    return '"' + double_quoted(base_url.rstrip("/")) + "".join(parts) + '"'


def curl_example(catalog: Catalog, endpoint: Endpoint, version: str) -> str:
    """The call as a curl command against the default region: the token from the
    environment variable generated clients read, the version pinned by its header."""
    api = catalog.api
    auth = api.facts["auth"]
    region = next((r for r in api.regions if r.id == api.default_region), api.regions[0])
    method = "" if endpoint.method == "GET" else f" -X {endpoint.method}"
    lines = [
        f"curl{method} {shell_url(region.base_url, endpoint)}",
        f'  -H "{double_quoted(str(auth["header"]))}: {double_quoted(str(auth["scheme"]))} ${{{shell_variable(str(auth["token_env"]))}}}"',
        f'  -H "{double_quoted(api.version_header)}: {double_quoted(version)}"',
        '  -H "Accept: application/json"',
    ]
    if endpoint.request is not None:
        lines += ['  -H "Content-Type: application/json"', "  --data @request.json"]
    return " \\\n".join(lines)


def versions_having(resolved: Mapping[str, Catalog], endpoint_id: str) -> tuple[str, ...]:
    """Every resolved version whose catalog has the endpoint, oldest first."""
    return tuple(v for v in sorted(resolved, key=version_key) if resolved[v].endpoint(endpoint_id) is not None)


def endpoint_detail(resolved: Mapping[str, Catalog], catalog: Catalog, view: EndpointView, version: str) -> dict[str, Any]:
    """One endpoint as the page's detail panel shows it."""
    endpoint = catalog.endpoint(view.id)
    assert endpoint is not None
    webhooks = []
    for link in view.webhooks:
        topic = catalog.webhook(link.topic)
        webhooks.append({"topic": link.topic, "summary": topic.summary if topic is not None else ""})
    versions = versions_having(resolved, view.id)
    return {
        "id": view.id,
        "method": view.method,
        "path": view.path,
        "summary": view.summary,
        "access": view.access,
        "permission": view.permission,
        "has_permission": view.has_permission,
        "permission_note": view.permission_note,
        "scopes": list(view.scopes),
        "scopes_text": view.scopes_text,
        "since": view.since_text,
        "versions": list(versions),
        "versions_text": ", ".join(versions),
        "rate_limit": view.rate_limit,
        "pagination": view.pagination,
        "pagination_summary": view.pagination_summary,
        "webhooks": webhooks,
        "parameters": [
            {"name": p.name, "location": p.location, "type": p.type, "required": p.required_text, "description": p.description}
            for p in view.parameters
        ],
        "deprecated": view.deprecated,
        "curl": curl_example(catalog, endpoint, version),
    }


def build_reference_view(resolved: Mapping[str, Catalog], version: str) -> ReferenceView:
    catalog = resolved[version]
    endpoints = endpoint_views(catalog)
    permission_options = tuple(SelectOption(p.name, p.name) for p in permission_views(catalog))
    if any(not e.has_permission for e in endpoints):
        permission_options += (SelectOption(NOT_DOCUMENTED, NOT_DOCUMENTED),)
    webhooks = webhook_views(catalog)
    scopes = scope_views(catalog)
    return ReferenceView(
        version=version,
        site_name=SITE_NAME.format(version=version),
        counts=Counts.of(catalog),
        api=api_view(catalog, version),
        endpoints=endpoints,
        endpoint_count=len(endpoints),
        webhooks=webhooks,
        webhook_count=len(webhooks),
        method_options=tuple(SelectOption(m, m) for m in sorted({e.method for e in endpoints})),
        access_options=tuple(SelectOption(a, a) for a in sorted({e.access for e in endpoints})),
        permission_options=permission_options,
        scope_options=tuple(SelectOption(s.name, s.name) for s in scopes),
        data_json=script_json(
            {
                "version": version,
                "endpoints": {e.anchor: endpoint_detail(resolved, catalog, e, version) for e in endpoints},
                "scopes": {s.name: sorted(e.anchor for e in endpoints if e.id in s.endpoints) for s in scopes},
            }
        ),
    )
