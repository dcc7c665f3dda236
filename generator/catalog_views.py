"""The catalog target's view: the resolved catalog of one version as data, for
`catalog.json`, the machine-readable output."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from .catalog import Catalog, Endpoint, thaw
from .counts import Counts
from .text import to_json


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
        "response_array": endpoint.response_array,
        "destructive": endpoint.destructive,
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
        if schema.always_sent:
            document["always_sent"] = dict(schema.always_sent)
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
        "webhook_delivery": facts["webhook_delivery"],
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


@dataclass(frozen=True)
class CatalogView:
    version: str
    json_text: str


def build_catalog_view(resolved: Mapping[str, Catalog], version: str) -> CatalogView:
    return CatalogView(version=version, json_text=to_json(catalog_document(resolved[version])))
