"""View parts the documentation outputs share (the docs site, the scope tables, the
webhook maps, the reference page): one endpoint, permission, scope or webhook topic as
the pages show it, and the API's facts. Each output's own view module composes them."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .catalog import Catalog, Endpoint, WebhookTopic
from .changelog import cell
from .text import NOT_DOCUMENTED, one_line

SITE_NAME = "Intercom API {version} for AI agents"


def anchor(*parts: str) -> str:
    """A stable HTML id: lowercase words joined by dashes."""
    text = "-".join(parts).lower()
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")


def thousands(number: int) -> str:
    return f"{number:,}"


def plural(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"


def quoted_list(names: tuple[str, ...]) -> str:
    return ", ".join(f"'{name}'" for name in names)


# --- endpoints -----------------------------------------------------------------


@dataclass(frozen=True)
class ParameterView:
    name: str
    location: str
    type: str
    required: bool
    required_text: str
    description: str


@dataclass(frozen=True)
class TopicLink:
    topic: str
    anchor: str


@dataclass(frozen=True)
class EndpointView:
    id: str
    anchor: str
    group: str
    group_title: str
    method: str
    path: str
    summary: str
    access: str
    permission: str
    """The permission's name, or "not documented"."""
    has_permission: bool
    permission_anchor: str
    permission_note: str
    scopes: tuple[str, ...]
    """The OAuth scopes granting the permission, narrowest first."""
    scopes_text: str
    scopes_cell: str
    """The scopes for a Markdown table cell: comma-separated, or why there is none."""
    webhooks: tuple[TopicLink, ...]
    """Topics this endpoint triggers: its own `webhook` and every topic listing it."""
    has_webhooks: bool
    webhooks_text: str
    since: str
    since_text: str
    pagination: str
    is_paginated: bool
    pagination_summary: str
    rate_limit: str
    deprecated: str
    is_deprecated: bool
    parameters: tuple[ParameterView, ...]
    has_parameters: bool
    search_text: str
    """Lowercase id, path and summary: what the reference page's search box matches."""


def scopes_text(scopes: tuple[str, ...], has_permission: bool) -> str:
    if not has_permission:
        return "none known: the permission is not documented"
    if not scopes:
        return "no OAuth scope grants this permission"
    if len(scopes) == 1:
        return f"'{scopes[0]}'"
    return f"'{scopes[0]}' or the broader " + " or ".join(f"'{s}'" for s in scopes[1:])


def scopes_cell(scopes: tuple[str, ...], has_permission: bool) -> str:
    if not has_permission:
        return "none known"
    return cell(", ".join(scopes)) if scopes else "none"


def webhooks_of(catalog: Catalog, endpoint: Endpoint) -> tuple[str, ...]:
    topics = {w.topic for w in catalog.webhooks if endpoint.id in w.triggered_by}
    if endpoint.webhook is not None:
        topics.add(endpoint.webhook)
    return tuple(sorted(topics))


def since_text(catalog: Catalog, since: str) -> str:
    if since == catalog.supported_versions[0]:
        return f"{since} (the oldest supported version)"
    return since


def pagination_summary(catalog: Catalog, kind: str) -> str:
    facts = catalog.api.facts["pagination"]
    if kind == "none" or kind not in facts:
        return ""
    return f"{facts[kind]['summary']} At most {facts['per_page_max']} records a page."


def endpoint_view(catalog: Catalog, endpoint: Endpoint) -> EndpointView:
    group = catalog.group(endpoint.group)
    has_permission = endpoint.permission is not None
    scopes = catalog.scopes_granting(endpoint.permission)
    webhooks = webhooks_of(catalog, endpoint)
    return EndpointView(
        id=endpoint.id,
        anchor=anchor(endpoint.id),
        group=endpoint.group,
        group_title=group.title if group else endpoint.group,
        method=endpoint.method,
        path=endpoint.path,
        summary=endpoint.summary,
        access=endpoint.access,
        permission=endpoint.permission if endpoint.permission is not None else NOT_DOCUMENTED,
        has_permission=has_permission,
        permission_anchor=anchor("permission", endpoint.permission or NOT_DOCUMENTED),
        permission_note=endpoint.permission_note,
        scopes=scopes,
        scopes_text=scopes_text(scopes, has_permission),
        scopes_cell=scopes_cell(scopes, has_permission),
        webhooks=tuple(TopicLink(topic=t, anchor=anchor("topic", t)) for t in webhooks),
        has_webhooks=bool(webhooks),
        webhooks_text=", ".join(webhooks) if webhooks else "none",
        since=endpoint.since,
        since_text=since_text(catalog, endpoint.since),
        pagination=endpoint.pagination,
        is_paginated=endpoint.pagination != "none",
        pagination_summary=pagination_summary(catalog, endpoint.pagination),
        rate_limit=endpoint.rate_limit,
        deprecated=endpoint.deprecated,
        is_deprecated=bool(endpoint.deprecated),
        parameters=tuple(
            ParameterView(
                name=p.name,
                location=p.location,
                type=p.type,
                required=p.required,
                required_text="yes" if p.required else "no",
                description=p.description,
            )
            for p in endpoint.parameters
        ),
        has_parameters=bool(endpoint.parameters),
        search_text=f"{endpoint.id} {endpoint.path} {endpoint.summary}".lower(),
    )


def endpoint_views(catalog: Catalog) -> tuple[EndpointView, ...]:
    return tuple(endpoint_view(catalog, e) for e in sorted(catalog.endpoints, key=lambda e: e.id))


# --- permissions, scopes, webhooks ---------------------------------------------


@dataclass(frozen=True)
class PermissionView:
    name: str
    anchor: str
    access: str
    summary: str
    endpoints: tuple[str, ...]
    webhooks: tuple[str, ...]
    scopes: tuple[str, ...]
    endpoints_text: str
    webhooks_text: str
    scopes_text: str


@dataclass(frozen=True)
class ScopeView:
    name: str
    anchor: str
    description: str
    grants: tuple[str, ...]
    endpoints: tuple[str, ...]
    webhooks: tuple[str, ...]
    grants_text: str
    endpoints_text: str
    webhooks_text: str


@dataclass(frozen=True)
class TriggerView:
    """An endpoint that fires a webhook topic."""

    id: str
    method: str
    path: str
    file: str
    anchor: str


@dataclass(frozen=True)
class WebhookView:
    topic: str
    anchor: str
    summary: str
    permission: str
    permission_anchor: str
    scopes: tuple[str, ...]
    scopes_text: str
    triggered_by: tuple[TriggerView, ...]
    triggered_by_text: str
    since: str
    since_text: str
    search_text: str
    """Lowercase topic, summary, permission and triggering endpoints: what the reference
    page's webhook search matches."""


def or_none(names: tuple[str, ...]) -> str:
    return ", ".join(names) if names else "none"


def permission_views(catalog: Catalog) -> tuple[PermissionView, ...]:
    views = []
    for permission in sorted(catalog.permissions, key=lambda p: p.name):
        endpoints = tuple(sorted(e.id for e in catalog.endpoints if e.permission == permission.name))
        webhooks = tuple(sorted(w.topic for w in catalog.webhooks if w.permission == permission.name))
        scopes = catalog.scopes_granting(permission.name)
        views.append(
            PermissionView(
                name=permission.name,
                anchor=anchor("permission", permission.name),
                access=permission.access,
                summary=permission.summary,
                endpoints=endpoints,
                webhooks=webhooks,
                scopes=scopes,
                endpoints_text=or_none(endpoints),
                webhooks_text=or_none(webhooks),
                scopes_text=quoted_list(scopes) if scopes else "none",
            )
        )
    return tuple(views)


def scope_views(catalog: Catalog) -> tuple[ScopeView, ...]:
    views = []
    for scope in sorted(catalog.scopes, key=lambda s: s.name):
        grants = tuple(sorted(scope.grants))
        endpoints = tuple(sorted(e.id for e in catalog.endpoints if e.permission in scope.grants))
        webhooks = tuple(sorted(w.topic for w in catalog.webhooks if w.permission in scope.grants))
        views.append(
            ScopeView(
                name=scope.name,
                anchor=anchor("scope", scope.name),
                description=scope.description,
                grants=grants,
                endpoints=endpoints,
                webhooks=webhooks,
                grants_text=or_none(grants),
                endpoints_text=or_none(endpoints),
                webhooks_text=or_none(webhooks),
            )
        )
    return tuple(views)


def webhook_view(catalog: Catalog, webhook: WebhookTopic) -> WebhookView:
    triggers = []
    for endpoint_id in sorted(webhook.triggered_by):
        endpoint = catalog.endpoint(endpoint_id)
        if endpoint is None:
            continue
        triggers.append(
            TriggerView(
                id=endpoint.id,
                method=endpoint.method,
                path=endpoint.path,
                file=f"groups/{endpoint.group}.md",
                anchor=anchor(endpoint.id),
            )
        )
    scopes = catalog.scopes_granting(webhook.permission)
    return WebhookView(
        topic=webhook.topic,
        anchor=anchor("topic", webhook.topic),
        summary=webhook.summary,
        permission=webhook.permission,
        permission_anchor=anchor("permission", webhook.permission),
        scopes=scopes,
        scopes_text=scopes_text(scopes, True),
        triggered_by=tuple(triggers),
        triggered_by_text=or_none(tuple(f"{t.id} ({t.method} {t.path})" for t in triggers)),
        since=webhook.since,
        since_text=since_text(catalog, webhook.since),
        search_text=" ".join(
            [webhook.topic, webhook.summary, webhook.permission, *(f"{t.id} {t.method} {t.path}" for t in triggers)]
        ).lower(),
    )


def webhook_views(catalog: Catalog) -> tuple[WebhookView, ...]:
    return tuple(webhook_view(catalog, w) for w in sorted(catalog.webhooks, key=lambda w: w.topic))


# --- the API's facts -------------------------------------------------------------


@dataclass(frozen=True)
class RegionView:
    id: str
    title: str
    base_url: str
    is_default: bool


@dataclass(frozen=True)
class AuthMethodView:
    id: str
    title: str
    summary: str


@dataclass(frozen=True)
class ConnectionView:
    id: str
    title: str
    summary: str
    url: str
    has_url: bool


@dataclass(frozen=True)
class ApiView:
    name: str
    version_header: str
    default_version: str
    is_default_version: bool
    supported_versions_text: str
    regions: tuple[RegionView, ...]
    default_base_url: str
    auth_scheme: str
    auth_header: str
    token_env: str
    refresh_tokens: bool
    auth_methods: tuple[AuthMethodView, ...]
    connections: tuple[ConnectionView, ...]


def api_view(catalog: Catalog, target: str) -> ApiView:
    api = catalog.api
    facts = api.facts
    auth = facts["auth"]
    regions = tuple(
        RegionView(id=r.id, title=r.title, base_url=r.base_url, is_default=r.id == api.default_region) for r in api.regions
    )
    default_region = next((r for r in regions if r.is_default), regions[0])
    return ApiView(
        name=api.name,
        version_header=api.version_header,
        default_version=api.default_version,
        is_default_version=target == api.default_version,
        supported_versions_text=", ".join(catalog.supported_versions),
        regions=regions,
        default_base_url=default_region.base_url,
        auth_scheme=str(auth["scheme"]),
        auth_header=str(auth["header"]),
        token_env=str(auth["token_env"]),
        refresh_tokens=bool(auth["refresh_tokens"]),
        auth_methods=tuple(
            AuthMethodView(id=str(m["id"]), title=str(m["title"]), summary=one_line(str(m["summary"])))
            for m in auth["methods"]
        ),
        connections=tuple(
            ConnectionView(
                id=str(c["id"]),
                title=str(c["title"]),
                summary=one_line(str(c["summary"])),
                url=str(c.get("url", "")),
                has_url=bool(c.get("url")),
            )
            for c in facts["connections"]
        ),
    )
