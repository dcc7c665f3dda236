"""Per-target view models: every name, grouping and ordering decided here, in Python.

Templates receive a `TargetView` and only place its values.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING, Any

from generator.catalog import Catalog, Endpoint, thaw

if TYPE_CHECKING:
    from generator.changelog import ChangelogView
    from generator.client_views import ClientView
    from generator.docs_views import DocsView, GroupPageView


# How every output shows a permission (and so its scopes) that the brief does not document.
NOT_DOCUMENTED = "not documented"


def to_json(document: Any) -> str:
    return json.dumps(document, indent=2, sort_keys=True, ensure_ascii=False)


@dataclass(frozen=True)
class Counts:
    """The headline numbers, counted as the brief counts them: endpoints with a
    documented permission; the others are counted apart."""

    endpoints: int
    groups: int
    read: int
    write: int
    permissions: int
    undocumented: int

    @classmethod
    def of(cls, catalog: Catalog) -> Counts:
        documented = [e for e in catalog.endpoints if e.permission is not None]
        return cls(
            endpoints=len(documented),
            groups=len({e.group for e in documented}),
            read=sum(e.access == "read" for e in documented),
            write=sum(e.access == "write" for e in documented),
            permissions=len({e.permission for e in documented}),
            undocumented=len(catalog.endpoints) - len(documented),
        )

    def as_dict(self) -> dict[str, int]:
        return {
            "endpoints": self.endpoints,
            "groups": self.groups,
            "read": self.read,
            "write": self.write,
            "permissions": self.permissions,
            "endpoints_without_documented_permission": self.undocumented,
        }


def endpoint_document(catalog: Catalog, endpoint: Endpoint) -> dict[str, Any]:
    return {
        "id": endpoint.id,
        "group": endpoint.group,
        "method": endpoint.method,
        "path": endpoint.path,
        "summary": endpoint.summary,
        "access": endpoint.access,
        "permission": endpoint.permission,
        "permission_note": endpoint.permission_note or None,
        "scopes": list(catalog.scopes_granting(endpoint.permission)),
        "webhook": endpoint.webhook,
        "since": endpoint.since,
        "deprecated": endpoint.deprecated or None,
        "pagination": endpoint.pagination,
        "parameters": [
            {"name": p.name, "in": p.location, "type": p.type, "required": p.required, "description": p.description}
            for p in endpoint.parameters
        ],
        "request": endpoint.request,
        "response": endpoint.response,
        "success_status": endpoint.success_status,
        "rate_limit": endpoint.rate_limit,
    }


def schema_document(catalog: Catalog) -> dict[str, Any]:
    documents = {}
    for schema in catalog.schemas:
        document: dict[str, Any] = {"description": schema.description, "type": "object"}
        document["properties"] = {p.name: thaw(p.definition) for p in schema.properties}
        if schema.required:
            document["required"] = list(schema.required)
        document["additionalProperties"] = schema.additional_properties
        documents[schema.name] = document
    return documents


def catalog_document(catalog: Catalog) -> dict[str, Any]:
    """The resolved catalog as data: the machine-readable target."""
    facts = thaw(catalog.api.facts)
    return {
        "api_version": catalog.version,
        "name": catalog.api.name,
        "default_version": catalog.api.default_version,
        "supported_versions": list(catalog.supported_versions),
        "version_header": catalog.api.version_header,
        "base_urls": {r.id: r.base_url for r in catalog.api.regions},
        "default_region": catalog.api.default_region,
        "auth": facts["auth"],
        "connections": facts["connections"],
        "rate_limits": facts["rate_limits"],
        "pagination": facts["pagination"],
        "request_size": facts["request_size"],
        "counts": Counts.of(catalog).as_dict(),
        "groups": [{"id": g.id, "title": g.title, "summary": g.summary} for g in sorted(catalog.groups, key=lambda g: g.id)],
        "endpoints": [endpoint_document(catalog, e) for e in sorted(catalog.endpoints, key=lambda e: e.id)],
        "permissions": [{"name": p.name, "access": p.access, "summary": p.summary} for p in sorted(catalog.permissions, key=lambda p: p.name)],
        "scopes": [
            {"name": s.name, "description": s.description, "grants": sorted(s.grants)} for s in sorted(catalog.scopes, key=lambda s: s.name)
        ],
        "webhooks": [
            {"topic": w.topic, "summary": w.summary, "permission": w.permission, "triggered_by": sorted(w.triggered_by), "since": w.since}
            for w in sorted(catalog.webhooks, key=lambda w: w.topic)
        ],
        "errors": [
            {
                "status": e.status,
                "title": e.title,
                "codes": list(e.codes),
                "also": list(e.also),
                "meaning": e.meaning,
                "what_to_do": e.what_to_do,
                "retryable": e.retryable,
            }
            for e in sorted(catalog.errors, key=lambda e: e.status)
        ],
        "schemas": schema_document(catalog),
    }


class TargetView:
    """Everything the templates of one API version see. Parts are built on first use."""

    def __init__(self, resolved: Mapping[str, Catalog], version: str) -> None:
        self.resolved = resolved
        self.catalog = resolved[version]
        self.version = version

    @cached_property
    def catalog_json(self) -> str:
        return to_json(catalog_document(self.catalog))

    @cached_property
    def client(self) -> ClientView:
        from generator.client_views import build_client_view

        return build_client_view(self.catalog)

    @cached_property
    def docs(self) -> DocsView:
        from generator.docs_views import build_docs_view

        return build_docs_view(self.resolved, self.version)

    @cached_property
    def changelog(self) -> ChangelogView:
        from generator.changelog import build_changelog_view

        return build_changelog_view(self.resolved, self.version)

    @property
    def groups(self) -> tuple[GroupPageView, ...]:
        """One item per capability group, for templates whose path holds `{group}`."""
        return self.docs.groups


def build_target_view(resolved: Mapping[str, Catalog], version: str) -> TargetView:
    return TargetView(resolved, version)
