"""The reference page's view: templates/reference (reference.html, one page with
search and filters)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from generator.catalog import Catalog
from generator.counts import Counts
from generator.doc_parts import (
    SITE_NAME,
    ApiView,
    EndpointView,
    WebhookView,
    api_view,
    endpoint_views,
    permission_views,
    webhook_views,
)
from generator.text import NOT_DOCUMENTED


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
    method_options: tuple[SelectOption, ...]
    access_options: tuple[SelectOption, ...]
    permission_options: tuple[SelectOption, ...]


def build_reference_view(resolved: Mapping[str, Catalog], version: str) -> ReferenceView:
    catalog = resolved[version]
    endpoints = endpoint_views(catalog)
    permission_options = tuple(SelectOption(p.name, p.name) for p in permission_views(catalog))
    if any(not e.has_permission for e in endpoints):
        permission_options += (SelectOption(NOT_DOCUMENTED, NOT_DOCUMENTED),)
    return ReferenceView(
        version=version,
        site_name=SITE_NAME.format(version=version),
        counts=Counts.of(catalog),
        api=api_view(catalog, version),
        endpoints=endpoints,
        endpoint_count=len(endpoints),
        webhooks=webhook_views(catalog),
        method_options=tuple(SelectOption(m, m) for m in sorted({e.method for e in endpoints})),
        access_options=tuple(SelectOption(a, a) for a in sorted({e.access for e in endpoints})),
        permission_options=permission_options,
    )
