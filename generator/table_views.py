"""The scope tables' view: templates/tables (scopes.csv, scopes.json, scopes.md)."""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from .catalog import Catalog
from .counts import Counts
from .doc_parts import EndpointView, PermissionView, ScopeView, endpoint_views, permission_views, scope_views
from .text import to_json


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


@dataclass(frozen=True)
class TablesView:
    version: str
    counts: Counts
    endpoints: tuple[EndpointView, ...]
    permissions: tuple[PermissionView, ...]
    scopes: tuple[ScopeView, ...]
    scopes_json: str
    scopes_csv: str


def build_tables_view(resolved: Mapping[str, Catalog], version: str) -> TablesView:
    catalog = resolved[version]
    endpoints = endpoint_views(catalog)
    permissions = permission_views(catalog)
    scopes = scope_views(catalog)
    return TablesView(
        version=version,
        counts=Counts.of(catalog),
        endpoints=endpoints,
        permissions=permissions,
        scopes=scopes,
        scopes_json=to_json(scope_tables_document(catalog, endpoints, permissions, scopes)),
        scopes_csv=scope_tables_csv(endpoints),
    )
