"""`intercom-gen list endpoints`: every endpoint of one API version as aligned columns
(id, method, path, access, permission), sorted by id: where a user finds the ids that
`intercom-gen scopes` and the generated client take."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import click

from .catalog import Catalog
from .cli_parts import catalog_option, inherited, reports_errors
from .text import NOT_DOCUMENTED

COLUMNS = ("ID", "METHOD", "PATH", "ACCESS", "PERMISSION")


def endpoint_rows(catalog: Catalog) -> list[tuple[str, ...]]:
    """One row an endpoint, sorted by id; an undocumented permission says so."""
    return [
        (e.id, e.method, e.path, e.access, e.permission if e.permission is not None else NOT_DOCUMENTED)
        for e in sorted(catalog.endpoints, key=lambda e: e.id)
    ]


def aligned(rows: Sequence[Sequence[str]]) -> list[str]:
    """Rows as lines of columns padded to the widest value, two spaces apart; the last
    column is not padded, so no line ends in spaces. Catalog text is kept to one line."""
    cells = [[" ".join(value.split()) for value in row] for row in rows]
    widths = [max(len(row[i]) for row in cells) for i in range(len(cells[0]))]
    return ["  ".join(value.ljust(width) for value, width in zip(row, widths, strict=True)).rstrip() for row in cells]


@click.group("list", epilog="""\b
Example:
  intercom-gen list endpoints --version 2.15""")
def list_group() -> None:
    """List what the catalog has."""


@list_group.command(epilog="""\b
Examples:
  intercom-gen list endpoints
  intercom-gen list endpoints --version 2.14 | grep contacts.

The first column is the endpoint id that 'intercom-gen scopes' and the
generated client take, for example:
  intercom-gen scopes contacts.retrieve""")
@click.option("--version", "api_version", metavar="VERSION", help="API version (default: the catalog's default).")
@catalog_option
@reports_errors
def endpoints(api_version: str | None, catalog_folder: Path) -> None:
    """Print every endpoint's id, method, path, access and permission, sorted by id."""
    from .pipeline import require_versions, resolve_catalog

    catalog_folder = inherited("catalog_folder", catalog_folder)
    api_version = inherited("api_version", api_version)
    resolved = resolve_catalog(catalog_folder)
    version = api_version or resolved.base.api.default_version
    require_versions(resolved, [version], catalog_folder)
    for line in aligned([COLUMNS, *endpoint_rows(resolved.versions[version])]):
        click.echo(line)
