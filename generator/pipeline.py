"""The straight line: load -> validate -> resolve -> view -> render -> format.

Returns {version: {relative path: text}}; nothing is written here, so `--check` is the
same run followed by a comparison."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from generator.catalog import Catalog
from generator.datamodels import prepare_models
from generator.diagnostics import CatalogError, Diagnostic, Location
from generator.formatting import Formatter
from generator.load import display_name, load_catalog
from generator.locations import DEFAULT_CATALOG, DEFAULT_TEMPLATES
from generator.render import make_environment, render_tree, template_names
from generator.validate import validate_catalog
from generator.versions import resolve_versions
from generator.views import build_target_view


@dataclass(frozen=True)
class Resolved:
    base: Catalog
    versions: Mapping[str, Catalog]

    @property
    def supported(self) -> tuple[str, ...]:
        return self.base.supported_versions


def resolve_catalog(catalog_folder: Path = DEFAULT_CATALOG) -> Resolved:
    base = validate_catalog(load_catalog(catalog_folder))
    return Resolved(base, resolve_versions(base))


def require_versions(resolved: Resolved, versions: Iterable[str], catalog_folder: Path) -> list[str]:
    wanted = list(versions)
    unknown = [v for v in wanted if v not in resolved.supported]
    if unknown:
        raise CatalogError(
            Diagnostic(
                Location(display_name(catalog_folder / "versions")),
                f"unknown API version {v!r}",
                "supported: " + ", ".join(resolved.supported) + f"; to add one, create versions/{v}.yaml",
            )
            for v in unknown
        )
    return wanted


def generate(
    resolved: Resolved,
    versions: Iterable[str],
    templates: Path = DEFAULT_TEMPLATES,
    formatter: Formatter | None = None,
) -> dict[str, dict[str, str]]:
    environment = make_environment(templates)
    names = template_names(templates)
    formatter = formatter or Formatter()
    versions = list(versions)
    if len(versions) > 1 and any(name.startswith("python/") for name in names):
        prepare_models([resolved.versions[v] for v in versions])
    trees = {}
    for version in versions:
        view = build_target_view(resolved.versions, version)
        trees[version] = formatter.format_tree(render_tree(environment, names, view))
    return trees
