"""The docs site's view: what templates/docs (mkdocs.yml and the Markdown pages) place."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass

from .catalog import Catalog, VersionRule, version_key
from .counts import Counts
from .doc_parts import (
    SITE_NAME,
    ApiView,
    EndpointView,
    PermissionView,
    ScopeView,
    WebhookView,
    api_view,
    endpoint_views,
    or_none,
    permission_views,
    plural,
    scope_views,
    thousands,
    webhook_views,
)
from .rules import RULE_KINDS
from .text import one_line


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
    """A rule's changelog line: its note, or its kind and subject when it has none."""
    if rule.note:
        return one_line(rule.note)
    targets = RULE_KINDS[rule.kind].targets(rule.arguments)
    subject = " ".join(targets[0]) if targets else ""
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
                summary=one_line(api_version.summary),
                is_target=api_version.version == target,
                is_default=api_version.version == default,
                title=f"{api_version.version} ({', '.join(labels)})" if labels else api_version.version,
                changes=changes,
                has_changes=bool(changes),
            )
        )
    return tuple(views)


def rate_limit_view(catalog: Catalog) -> RateLimitView:
    limits = catalog.api.facts["rate_limits"]
    headers = limits["headers"]
    return RateLimitView(
        summary=one_line(str(limits["summary"])),
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
                summary=one_line(str(fact["summary"])),
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
        summary=one_line(str(size["summary"])),
        max_records_per_page=int(size["max_records_per_page"]),
        data_events_listable_days=int(size["data_events_listable_days"]),
        data_event_submit_status=int(size["data_event_submit_status"]),
    )


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


# Where `mkdocs build` in generated/<version>/ writes the site, relative to mkdocs.yml:
# site/<version>/ beside the generated/ folder, never inside it. `intercom-gen docs
# --out site` builds every version into the same place (each mkdocs build given -d).
SITE_DIR = "../../site/{version}"
STYLESHEET = "stylesheets/extra.css"


@dataclass(frozen=True)
class SiteView:
    version: str
    site_name: str
    site_name_yaml: str
    site_dir_yaml: str
    """Where the built site goes, as a quoted YAML scalar (see SITE_DIR)."""
    stylesheet_yaml: str
    """The site's own stylesheet under docs/, as a quoted YAML scalar."""
    counts: Counts
    api: ApiView
    groups: tuple[GroupPageView, ...]
    undocumented: tuple[EndpointView, ...]
    has_undocumented: bool
    undocumented_text: str
    """"17 endpoints have" or "1 endpoint has": the subject of the index's sentence."""
    permissions: tuple[PermissionView, ...]
    scopes: tuple[ScopeView, ...]
    webhooks: tuple[WebhookView, ...]
    webhook_count: int
    errors: tuple[ErrorView, ...]
    versions: tuple[VersionView, ...]
    rate_limits: RateLimitView
    pagination: PaginationView
    request_size: RequestSizeView
    pages: tuple[PageView, ...]
    """The site's pages after the index and the group pages, in navigation order."""
    nav_groups: tuple[NavEntry, ...]
    nav_pages: tuple[NavEntry, ...]


PAGES = (
    PageView("Webhooks", "webhooks.md", "Every webhook topic, what it signals, what triggers it and the permission to receive it."),
    PageView("Scopes and permissions", "scopes.md", "Which OAuth scope grants which permission, and so which endpoints and topics."),
    PageView("Errors", "errors.md", "The status codes to handle, what each means, what to do and whether to retry."),
    PageView("Rate limits and pagination", "rate-limits.md", "How fast an app may call, how lists page, and request size limits."),
    PageView("Version history", "versions.md", "What changed in each version, this one first."),
)


def build_site_view(resolved: Mapping[str, Catalog], version: str) -> SiteView:
    catalog = resolved[version]
    endpoints = endpoint_views(catalog)
    by_group: dict[str, list[EndpointView]] = {}
    for endpoint in endpoints:
        by_group.setdefault(endpoint.group, []).append(endpoint)
    groups = tuple(
        GroupPageView(
            id=g.id,
            title=g.title,
            summary=g.summary,
            file=f"groups/{g.id}.md",
            endpoints=tuple(by_group.get(g.id, ())),
            count=len(by_group.get(g.id, ())),
            count_text=plural(len(by_group.get(g.id, ())), "endpoint"),
            has_endpoints=g.id in by_group,
        )
        for g in sorted(catalog.groups, key=lambda g: g.id)
    )
    webhooks = webhook_views(catalog)
    undocumented = tuple(e for e in endpoints if not e.has_permission)
    return SiteView(
        version=version,
        site_name=SITE_NAME.format(version=version),
        site_name_yaml=json.dumps(SITE_NAME.format(version=version), ensure_ascii=False),
        site_dir_yaml=json.dumps(SITE_DIR.format(version=version)),
        stylesheet_yaml=json.dumps(STYLESHEET),
        counts=Counts.of(catalog),
        api=api_view(catalog, version),
        groups=groups,
        undocumented=undocumented,
        has_undocumented=bool(undocumented),
        undocumented_text=plural(len(undocumented), "endpoint") + (" has" if len(undocumented) == 1 else " have"),
        permissions=permission_views(catalog),
        scopes=scope_views(catalog),
        webhooks=webhooks,
        webhook_count=len(webhooks),
        errors=error_views(catalog),
        versions=version_views(catalog, version),
        rate_limits=rate_limit_view(catalog),
        pagination=pagination_view(catalog),
        request_size=request_size_view(catalog),
        pages=PAGES,
        nav_groups=tuple(NavEntry(title_yaml=json.dumps(g.title, ensure_ascii=False), file=g.file) for g in groups),
        nav_pages=tuple(NavEntry(title_yaml=json.dumps(p.title, ensure_ascii=False), file=p.file) for p in PAGES),
    )
