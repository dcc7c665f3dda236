"""The registry of output targets: one entry a target.

A target is a view builder, a template folder (`templates/<name>/`, mirroring the files
it writes under `generated/<version>/<output>`) and this entry. Builders are named by
import path, so a run that asks for some targets imports only their view modules."""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from .catalog import Catalog
from .diagnostics import CatalogError, Diagnostic, Location, did_you_mean

# Builds the frozen view of one version: (every resolved version, the version) -> view.
ViewBuilder = Callable[[Mapping[str, Catalog], str], Any]


class MadeFiles(Protocol):
    """Files a target makes without a template, for several versions at once. Making
    them may go on in the background from the maker's call until result()."""

    def result(self) -> Mapping[str, Mapping[str, str]]:
        """{version: {path under the target's output: text}}"""
        ...

    def cancel(self) -> None:
        """Drop work whose result is no longer wanted (a later stage failed)."""
        ...


FileMaker = Callable[[Sequence[Catalog]], MadeFiles]


@dataclass(frozen=True)
class Target:
    name: str
    summary: str
    output: str
    """The folder under generated/<version>/ its files go to; "" for the version folder."""
    view: str
    """`.module:function` (relative to this package) of its ViewBuilder."""
    files: str = ""
    """`.module:function` of its FileMaker, for files no template renders."""

    def build_view(self) -> ViewBuilder:
        return _function(self.view)  # type: ignore[no-any-return]

    def make_files(self) -> FileMaker | None:
        return _function(self.files) if self.files else None


def _function(path: str) -> Any:
    module, name = path.split(":")
    return getattr(importlib.import_module(module, __package__), name)


TARGETS = (
    Target("catalog", "the resolved catalog as JSON", "", ".catalog_views:build_catalog_view"),
    Target("changelog", "the migration guide from the previous version", "", ".changelog:build_changelog_view"),
    Target("docs", "the permission docs site (mkdocs-material)", "", ".site_views:build_site_view"),
    Target("openapi", "an OpenAPI 3.1 description with scopes and webhooks", "", ".openapi_views:build_openapi_view"),
    Target(
        "python",
        "the typed Python client package",
        "python",
        ".client_views:build_client_view",
        files=".datamodels:ModelFiles",
    ),
    Target("reference", "a one-page searchable endpoint reference", "", ".reference_views:build_reference_view"),
    Target("tables", "scope tables as CSV, JSON and Markdown", "tables", ".table_views:build_tables_view"),
    Target("webhooks", "webhook topic maps as JSON and Markdown", "webhooks", ".webhook_views:build_webhooks_view"),
)


def select_targets(names: Iterable[str] = ()) -> tuple[Target, ...]:
    """The named targets in registry order; every target when none is named."""
    wanted = list(dict.fromkeys(names))
    known = {t.name for t in TARGETS}
    unknown = [n for n in wanted if n not in known]
    if unknown:
        raise CatalogError(
            Diagnostic(
                Location("--target"),
                f"unknown target {name!r}",
                did_you_mean(name, known) or "run 'intercom-gen --list-targets' to see them",
            )
            for name in unknown
        )
    return tuple(t for t in TARGETS if not wanted or t.name in wanted)
