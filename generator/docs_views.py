"""The documentation target's views: docs site, scope tables, reference page, webhook map.

Every name, ordering, grouping, count and piece of derived text the templates under
templates/docs, templates/tables, templates/webhooks, templates/reference.html.jinja,
templates/mkdocs.yml.jinja and the generated webhooks module need is decided here.
Templates only place these values.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from generator.catalog import Catalog, Endpoint, VersionRule, WebhookTopic, version_key
from generator.pysource import literal
from generator.views import NOT_DOCUMENTED, Counts, to_json

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


@dataclass(frozen=True)
class GroupPageView:
    """One capability group's page: `id` names the file docs/groups/<id>.md."""

    id: str
    title: str
    summary: str
    file: str
    endpoints: tuple[EndpointView, ...]
    count: int
    count_text: str
    has_endpoints: bool


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
    )


# --- errors, versions, API facts -------------------------------------------------


@dataclass(frozen=True)
class ErrorView:
    status: int
    title: str
    codes: tuple[str, ...]
    codes_text: str
    also: tuple[int, ...]
    has_also: bool
    also_text: str
    status_text: str
    meaning: str
    what_to_do: str
    retryable: bool
    retryable_text: str


@dataclass(frozen=True)
class VersionView:
    version: str
    summary: str
    is_target: bool
    is_default: bool
    title: str
    changes: tuple[str, ...]
    has_changes: bool


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


@dataclass(frozen=True)
class RateLimitHeaderView:
    role: str
    name: str


@dataclass(frozen=True)
class RateLimitView:
    summary: str
    per_app_per_minute: str
    per_workspace_per_minute: str
    window_seconds: int
    status: int
    headers: tuple[RateLimitHeaderView, ...]


@dataclass(frozen=True)
class PaginationKindView:
    kind: str
    summary: str
    request_parameter: str
    response_field: str
    endpoints: tuple[str, ...]
    endpoints_text: str


@dataclass(frozen=True)
class PaginationView:
    per_page_max: int
    kinds: tuple[PaginationKindView, ...]


@dataclass(frozen=True)
class RequestSizeView:
    summary: str
    max_records_per_page: int
    data_events_listable_days: int
    data_event_submit_status: int


def error_views(catalog: Catalog) -> tuple[ErrorView, ...]:
    views = []
    for error in sorted(catalog.errors, key=lambda e: e.status):
        also = tuple(sorted(error.also))
        views.append(
            ErrorView(
                status=error.status,
                title=error.title,
                codes=error.codes,
                codes_text=" / ".join(error.codes),
                also=also,
                has_also=bool(also),
                also_text=", ".join(str(s) for s in also),
                status_text=", ".join(str(s) for s in (error.status, *also)),
                meaning=error.meaning,
                what_to_do=error.what_to_do,
                retryable=error.retryable,
                retryable_text="yes" if error.retryable else "no",
            )
        )
    return tuple(views)


def describe_rule(rule: VersionRule) -> str:
    """A rule's changelog line: its note, or what it touches when it has none."""
    if rule.note:
        return " ".join(rule.note.split())
    arguments = rule.arguments
    subject = ""
    for key in ("endpoint", "schema", "topic", "scope", "group", "webhook"):
        value = arguments.get(key)
        if isinstance(value, str):
            subject = value
            break
        if value is not None:
            subject = str(getattr(value, "id", None) or getattr(value, "name", None) or getattr(value, "topic", ""))
            break
    for key in ("field", "parameter", "value"):
        value = arguments.get(key)
        if isinstance(value, str):
            subject += f" {key} {value}"
    if isinstance(arguments.get("to"), str):
        subject += f" to {arguments['to']}"
    return f"{rule.kind.replace('_', ' ')}: {subject}".strip()


def version_views(catalog: Catalog, target: str) -> tuple[VersionView, ...]:
    """Versions up to the target, the target first."""
    default = catalog.api.default_version
    older_first = [v for v in catalog.versions if version_key(v.version) <= version_key(target)]
    views = []
    for api_version in sorted(older_first, key=lambda v: version_key(v.version), reverse=True):
        labels = []
        if api_version.version == target:
            labels.append("this version")
        if api_version.version == default:
            labels.append("the default")
        changes = tuple(describe_rule(rule) for rule in api_version.rules)
        views.append(
            VersionView(
                version=api_version.version,
                summary=" ".join(api_version.summary.split()),
                is_target=api_version.version == target,
                is_default=api_version.version == default,
                title=f"{api_version.version} ({', '.join(labels)})" if labels else api_version.version,
                changes=changes,
                has_changes=bool(changes),
            )
        )
    return tuple(views)


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
            AuthMethodView(id=str(m["id"]), title=str(m["title"]), summary=" ".join(str(m["summary"]).split()))
            for m in auth["methods"]
        ),
        connections=tuple(
            ConnectionView(
                id=str(c["id"]),
                title=str(c["title"]),
                summary=" ".join(str(c["summary"]).split()),
                url=str(c.get("url", "")),
                has_url=bool(c.get("url")),
            )
            for c in facts["connections"]
        ),
    )


def rate_limit_view(catalog: Catalog) -> RateLimitView:
    limits = catalog.api.facts["rate_limits"]
    headers = limits["headers"]
    return RateLimitView(
        summary=" ".join(str(limits["summary"]).split()),
        per_app_per_minute=thousands(int(limits["per_app_per_minute"])),
        per_workspace_per_minute=thousands(int(limits["per_workspace_per_minute"])),
        window_seconds=int(limits["window_seconds"]),
        status=int(limits["status"]),
        headers=tuple(RateLimitHeaderView(role=str(role), name=str(headers[role])) for role in sorted(headers)),
    )


def pagination_view(catalog: Catalog) -> PaginationView:
    facts = catalog.api.facts["pagination"]
    kinds = []
    for kind in sorted(k for k in facts if isinstance(facts[k], Mapping)):
        endpoints = tuple(sorted(e.id for e in catalog.endpoints if e.pagination == kind))
        fact = facts[kind]
        kinds.append(
            PaginationKindView(
                kind=kind,
                summary=" ".join(str(fact["summary"]).split()),
                # A search carries its cursor inside an object of the request body.
                request_parameter=".".join(str(fact[k]) for k in ("request_object", "request_parameter") if k in fact),
                response_field=str(fact.get("response_field", "")),
                endpoints=endpoints,
                endpoints_text=or_none(endpoints),
            )
        )
    return PaginationView(per_page_max=int(facts["per_page_max"]), kinds=tuple(kinds))


def request_size_view(catalog: Catalog) -> RequestSizeView:
    size = catalog.api.facts["request_size"]
    return RequestSizeView(
        summary=" ".join(str(size["summary"]).split()),
        max_records_per_page=int(size["max_records_per_page"]),
        data_events_listable_days=int(size["data_events_listable_days"]),
        data_event_submit_status=int(size["data_event_submit_status"]),
    )


# --- machine-readable tables ---------------------------------------------------


def scope_tables_document(
    catalog: Catalog,
    endpoints: tuple[EndpointView, ...],
    permissions: tuple[PermissionView, ...],
    scopes: tuple[ScopeView, ...],
) -> dict[str, Any]:
    return {
        "api_version": catalog.version,
        "counts": Counts.of(catalog).as_dict(),
        "endpoints": [
            {
                "id": e.id,
                "method": e.method,
                "path": e.path,
                "access": e.access,
                "permission": e.permission if e.has_permission else None,
                "permission_note": e.permission_note or None,
                "scopes": list(e.scopes),
            }
            for e in endpoints
        ],
        "permissions": [
            {
                "name": p.name,
                "access": p.access,
                "summary": p.summary,
                "endpoints": list(p.endpoints),
                "webhooks": list(p.webhooks),
                "scopes": list(p.scopes),
            }
            for p in permissions
        ],
        "scopes": [
            {
                "name": s.name,
                "description": s.description,
                "grants": list(s.grants),
                "endpoints": list(s.endpoints),
                "webhooks": list(s.webhooks),
            }
            for s in scopes
        ],
    }


CSV_COLUMNS = ("id", "method", "path", "access", "permission", "permission_note", "scopes")


def scope_tables_csv(endpoints: tuple[EndpointView, ...]) -> str:
    """One row an endpoint; several scopes are separated by '; '."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for e in endpoints:
        writer.writerow((e.id, e.method, e.path, e.access, e.permission, e.permission_note, "; ".join(e.scopes)))
    return buffer.getvalue()


def topics_document(catalog: Catalog, webhooks: tuple[WebhookView, ...]) -> dict[str, Any]:
    return {
        "api_version": catalog.version,
        "topics": {
            w.topic: {
                "summary": w.summary,
                "permission": w.permission,
                "scopes": list(w.scopes),
                "triggered_by": [{"id": t.id, "method": t.method, "path": t.path} for t in w.triggered_by],
                "since": w.since,
            }
            for w in webhooks
        },
    }


# --- the generated webhooks module ---------------------------------------------


@dataclass(frozen=True)
class WebhookLiteralView:
    """One topic as Python literals for templates/python/intercom_api/webhooks.py.jinja."""

    topic: str
    summary: str
    permission: str
    triggered_by: str
    since: str


def webhook_literals(catalog: Catalog) -> tuple[WebhookLiteralView, ...]:
    return tuple(
        WebhookLiteralView(
            topic=literal(w.topic),
            summary=literal(w.summary),
            permission=literal(w.permission),
            triggered_by=literal(tuple(sorted(w.triggered_by))),
            since=literal(w.since),
        )
        for w in sorted(catalog.webhooks, key=lambda w: w.topic)
    )


# --- the whole target -------------------------------------------------------------


@dataclass(frozen=True)
class PageView:
    title: str
    file: str
    summary: str


@dataclass(frozen=True)
class NavEntry:
    """One line of mkdocs.yml's nav: the title as a quoted YAML scalar, and the file."""

    title_yaml: str
    file: str


@dataclass(frozen=True)
class SelectOption:
    value: str
    label: str


@dataclass(frozen=True)
class DocsView:
    version: str
    version_literal: str
    site_name: str
    site_name_yaml: str
    counts: Counts
    api: ApiView
    groups: tuple[GroupPageView, ...]
    endpoints: tuple[EndpointView, ...]
    endpoint_count: int
    """Every endpoint, with or without a documented permission."""
    undocumented: tuple[EndpointView, ...]
    has_undocumented: bool
    undocumented_text: str
    """"17 endpoints have" or "1 endpoint has": the subject of the index's sentence."""
    permissions: tuple[PermissionView, ...]
    scopes: tuple[ScopeView, ...]
    webhooks: tuple[WebhookView, ...]
    webhook_count: int
    webhook_literals: tuple[WebhookLiteralView, ...]
    errors: tuple[ErrorView, ...]
    versions: tuple[VersionView, ...]
    rate_limits: RateLimitView
    pagination: PaginationView
    request_size: RequestSizeView
    pages: tuple[PageView, ...]
    """The site's pages after the index and the group pages, in navigation order."""
    nav_groups: tuple[NavEntry, ...]
    nav_pages: tuple[NavEntry, ...]
    method_options: tuple[SelectOption, ...]
    access_options: tuple[SelectOption, ...]
    permission_options: tuple[SelectOption, ...]
    scopes_json: str
    scopes_csv: str
    topics_json: str


PAGES = (
    PageView("Webhooks", "webhooks.md", "Every webhook topic, what it signals, what triggers it and the permission to receive it."),
    PageView("Scopes and permissions", "scopes.md", "Which OAuth scope grants which permission, and so which endpoints and topics."),
    PageView("Errors", "errors.md", "The status codes to handle, what each means, what to do and whether to retry."),
    PageView("Rate limits and pagination", "rate-limits.md", "How fast an app may call, how lists page, and request size limits."),
    PageView("Version history", "versions.md", "What changed in each version, this one first."),
)


def build_docs_view(resolved: Mapping[str, Catalog], version: str) -> DocsView:
    catalog = resolved[version]
    endpoints = tuple(endpoint_view(catalog, e) for e in sorted(catalog.endpoints, key=lambda e: e.id))
    groups = tuple(
        GroupPageView(
            id=g.id,
            title=g.title,
            summary=g.summary,
            file=f"groups/{g.id}.md",
            endpoints=tuple(e for e in endpoints if e.group == g.id),
            count=sum(e.group == g.id for e in endpoints),
            count_text=plural(sum(e.group == g.id for e in endpoints), "endpoint"),
            has_endpoints=any(e.group == g.id for e in endpoints),
        )
        for g in sorted(catalog.groups, key=lambda g: g.id)
    )
    permissions = permission_views(catalog)
    scopes = scope_views(catalog)
    webhooks = tuple(webhook_view(catalog, w) for w in sorted(catalog.webhooks, key=lambda w: w.topic))
    undocumented = tuple(e for e in endpoints if not e.has_permission)
    permission_options = tuple(SelectOption(p.name, p.name) for p in permissions)
    if undocumented:
        permission_options += (SelectOption(NOT_DOCUMENTED, NOT_DOCUMENTED),)
    return DocsView(
        version=version,
        version_literal=literal(version),
        site_name=SITE_NAME.format(version=version),
        site_name_yaml=json.dumps(SITE_NAME.format(version=version)),
        counts=Counts.of(catalog),
        api=api_view(catalog, version),
        groups=groups,
        endpoints=endpoints,
        endpoint_count=len(endpoints),
        undocumented=undocumented,
        has_undocumented=bool(undocumented),
        undocumented_text=plural(len(undocumented), "endpoint") + (" has" if len(undocumented) == 1 else " have"),
        permissions=permissions,
        scopes=scopes,
        webhooks=webhooks,
        webhook_count=len(webhooks),
        webhook_literals=webhook_literals(catalog),
        errors=error_views(catalog),
        versions=version_views(catalog, version),
        rate_limits=rate_limit_view(catalog),
        pagination=pagination_view(catalog),
        request_size=request_size_view(catalog),
        pages=PAGES,
        nav_groups=tuple(NavEntry(title_yaml=json.dumps(g.title), file=g.file) for g in groups),
        nav_pages=tuple(NavEntry(title_yaml=json.dumps(p.title), file=p.file) for p in PAGES),
        method_options=tuple(SelectOption(m, m) for m in sorted({e.method for e in endpoints})),
        access_options=tuple(SelectOption(a, a) for a in sorted({e.access for e in endpoints})),
        permission_options=permission_options,
        scopes_json=to_json(scope_tables_document(catalog, endpoints, permissions, scopes)),
        scopes_csv=scope_tables_csv(endpoints),
        topics_json=to_json(topics_document(catalog, webhooks)),
    )
