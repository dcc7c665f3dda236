"""The intercom-gen command: prints diagnostics and sets the exit status.

0 done; 1 `--check` found stale output; 2 invalid input (catalog, rules, version,
arguments); 3 an internal error (a template or the formatter failed), which is a bug;
4 the output could not be written or read (no permission, a full disk, a file where a
folder should be), the previous output being kept."""

from __future__ import annotations

import sys
from collections.abc import Callable
from functools import wraps
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from generator import __version__
from generator.diagnostics import CatalogError, InternalError
from generator.fingerprint import inputs_fingerprint, record
from generator.locations import DEFAULT_CATALOG, DEFAULT_TEMPLATES

if TYPE_CHECKING:
    from generator.pipeline import Resolved

F = TypeVar("F", bound=Callable[..., Any])


def reports_errors(command: F) -> F:
    """Turns the pipeline's exceptions into messages and exit statuses, never a traceback."""
    from generator.diagnostics import OutputError

    @wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return command(*args, **kwargs)
        except CatalogError as error:
            for diagnostic in error.diagnostics:
                click.echo(str(diagnostic), err=True)
            count = len(error.diagnostics)
            click.echo(f"{count} problem{'s' if count != 1 else ''} found; nothing was written.", err=True)
            sys.exit(2)
        except InternalError as error:
            click.echo(f"internal error (a bug in intercom-gen, please report it): {error}", err=True)
            click.echo("Nothing was written; the previous output is unchanged.", err=True)
            sys.exit(3)
        except OutputError as error:
            click.echo(str(error), err=True)
            sys.exit(4)

    return wrapper  # type: ignore[return-value]


def catalog_option(function: F) -> F:
    return click.option(
        "--catalog",
        "catalog_folder",
        type=click.Path(path_type=Path, file_okay=False),
        default=DEFAULT_CATALOG,
        show_default="the catalog shipped with intercom-gen",
        help="Read the catalog from this folder.",
    )(function)


def generate_trees(resolved: Resolved, versions: list[str], out: Path, templates: Path, targets: tuple[str, ...]) -> dict[str, dict[str, str]]:
    """What OUT/<version>/ should hold: every target's files, or, with --target, the
    named targets' files beside the others' as they are."""
    from generator.pipeline import generate, owned_by, with_untouched

    trees = generate(resolved, versions, templates, targets=targets)
    if not targets:
        return trees
    owns = owned_by(targets, templates)
    return {version: with_untouched(out / version, files, owns) for version, files in trees.items()}


def check_tree(resolved: Resolved, out: Path, templates: Path, targets: tuple[str, ...]) -> int:
    from generator.write import stale_files

    versions = list(resolved.supported)
    stale = []
    for version, files in generate_trees(resolved, versions, out, templates, targets).items():
        stale += [f"{out / version / path}" for path in stale_files(out / version, files)]
    if out.is_dir():
        stale += [str(p) for p in sorted(out.iterdir()) if p.is_dir() and p.name not in versions and not p.name.startswith(".")]
    if stale:
        click.echo(f"{len(stale)} generated file(s) differ from what the catalog and templates produce:", err=True)
        for path in stale:
            click.echo(f"  {path}", err=True)
        click.echo("Run 'intercom-gen' to regenerate every version, then review and commit the diff.", err=True)
        return 1
    click.echo(f"{out} is current for {', '.join(versions)}.")
    return 0


@click.group(invoke_without_command=True, context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--version", "api_version", metavar="VERSION", help="API version to generate (default: every supported version).")
@click.option("--out", type=click.Path(path_type=Path, file_okay=False), default=Path("generated"), show_default=True, help="Write to OUT/<version>/.")
@catalog_option
@click.option("--templates", type=click.Path(path_type=Path, file_okay=False), default=DEFAULT_TEMPLATES, hidden=True)
@click.option("--check", is_flag=True, help="Regenerate in memory; exit 1 listing the files that differ from OUT.")
@click.option("--target", "targets", multiple=True, metavar="NAME", help="Generate only this target; repeatable (see --list-targets).")
@click.option("--list-versions", is_flag=True, help="Print the supported API versions.")
@click.option("--list-targets", is_flag=True, help="Print the output targets and what each makes.")
@click.option("--tool-version", is_flag=True, help="Print intercom-gen's own version.")
@click.pass_context
@reports_errors
def main(
    context: click.Context,
    api_version: str | None,
    out: Path,
    catalog_folder: Path,
    templates: Path,
    check: bool,
    targets: tuple[str, ...],
    list_versions: bool,
    list_targets: bool,
    tool_version: bool,
) -> None:
    """Generate a typed client, scope tables, docs and webhook maps for the Intercom API."""
    if context.invoked_subcommand is not None:
        return
    if tool_version:
        click.echo(f"intercom-gen {__version__}")
        return
    if list_targets:
        from generator.targets import TARGETS

        width = max(len(t.name) for t in TARGETS)
        for target in TARGETS:
            where = f"{out}/<version>/{target.output}" if target.output else f"{out}/<version>"
            click.echo(f"{target.name:<{width}}  {target.summary} ({where})")
        return
    # An unchanged plain regeneration was already answered by generator.entry.
    wanted = [api_version] if api_version else None
    from generator.pipeline import require_versions, resolve_catalog
    from generator.targets import select_targets
    from generator.write import write_tree

    select_targets(targets)  # an unknown name is refused before any work
    resolved = resolve_catalog(catalog_folder)
    if list_versions:
        for version in resolved.supported:
            marker = " (default)" if version == resolved.base.api.default_version else ""
            click.echo(f"{version}{marker}")
        return
    if check:
        sys.exit(check_tree(resolved, out, templates, targets))
    versions = require_versions(resolved, wanted or resolved.supported, catalog_folder)
    trees = generate_trees(resolved, versions, out, templates, targets)
    for version, files in trees.items():
        changed = write_tree(out / version, files)
        state = f"{len(changed)} file(s) changed" if changed else "unchanged"
        click.echo(f"{out / version}: {len(files)} files, {state}")
    if not targets:
        # Only a run of every target makes the whole output current for its inputs.
        record(out, inputs_fingerprint(catalog_folder, templates, versions), [out / v for v in versions])


@main.command()
@click.argument("old")
@click.argument("new")
@catalog_option
@reports_errors
def diff(old: str, new: str, catalog_folder: Path) -> None:
    """Print a Markdown migration guide from API version OLD to NEW."""
    from generator.changelog import migration_guide
    from generator.pipeline import require_versions, resolve_catalog

    resolved = resolve_catalog(catalog_folder)
    require_versions(resolved, [old, new], catalog_folder)
    click.echo(migration_guide(resolved.versions[old], resolved.versions[new]), nl=False)


@main.command()
@click.argument("names", nargs=-1, required=True)
@click.option("--version", "api_version", metavar="VERSION", help="API version (default: the catalog's default).")
@catalog_option
@reports_errors
def scopes(names: tuple[str, ...], api_version: str | None, catalog_folder: Path) -> None:
    """Print the least set of OAuth scopes covering endpoint ids and webhook topics."""
    from generator.pipeline import require_versions, resolve_catalog
    from generator.scopes import explain_scopes

    resolved = resolve_catalog(catalog_folder)
    version = api_version or resolved.base.api.default_version
    require_versions(resolved, [version], catalog_folder)
    click.echo(explain_scopes(resolved.versions[version], names), nl=False)
