"""The commands of an API bump: `intercom-gen propose` drafts the new version's rules from
Intercom's OpenAPI descriptions, `intercom-gen conform` checks a version of the catalog
against its description. catalog/README.md, "Moving to a new API version", gives the
steps around them.

Exit statuses as everywhere: 0 done; 1 `conform` found an unexplained difference or a
stale entry; 2 invalid input (a description, the catalog, a version, an existing file
without --force), nothing written; 3 a bug (a draft the catalog's validator refuses), 4
the draft could not be written."""

from __future__ import annotations

import os
import re
import shutil
import sys
import tempfile
from pathlib import Path

import click

from .cli_parts import catalog_option, inherited, reports_errors
from .diagnostics import CatalogError, Diagnostic, InternalError, Location, OutputError


def _version_problem(version: str, message: str, hint: str) -> CatalogError:
    return CatalogError([Diagnostic(Location("--version"), message.format(version=version), hint)])


@click.command(context_settings={"help_option_names": ["-h", "--help"]})
@click.argument("old", type=click.Path(path_type=Path, dir_okay=False))
@click.argument("new", type=click.Path(path_type=Path, dir_okay=False))
@click.option("--version", "api_version", required=True, metavar="VERSION", help="The version NEW describes: the draft is versions/VERSION.yaml.")
@click.option("--write", is_flag=True, help="Write the draft to the catalog's versions/VERSION.yaml instead of printing it.")
@click.option("--force", is_flag=True, help="With --write, replace an existing versions/VERSION.yaml.")
@catalog_option
@reports_errors
def propose(old: Path, new: Path, api_version: str, write: bool, force: bool, catalog_folder: Path) -> None:
    """Draft the rules of API version VERSION from Intercom's OpenAPI descriptions OLD (the
    version before it) and NEW, for the endpoints the catalog covers.

    \b
    Example (OLD describes the newest supported version, NEW the next one, V):
      intercom-gen propose old/api.intercom.io.yaml new/api.intercom.io.yaml --version V --write
    """
    from .catalog import version_key
    from .load import display_name
    from .openapi_description import load_description
    from .out_folders import VERSION
    from .pipeline import resolve_catalog
    from .propose import propose as draft_rules

    catalog_folder = inherited("catalog_folder", catalog_folder)
    resolved = resolve_catalog(catalog_folder)
    newest = resolved.supported[-1]
    upcoming = f"{newest.split('.')[0]}.{int(newest.split('.')[1]) + 1}"
    if not VERSION.match(api_version):
        raise _version_problem(api_version, "--version needs an API version, not {version!r}", f"the version NEW describes, such as {upcoming}")
    earlier = [v for v in resolved.supported if version_key(v) < version_key(api_version)]
    if not earlier:
        raise _version_problem(api_version, "--version {version} is not after the catalog's base version", f"the base version is {resolved.supported[0]}; name a later one")
    target = catalog_folder / "versions" / f"{api_version}.yaml"
    if write and target.exists() and not force:
        raise CatalogError([Diagnostic(Location(display_name(target)), f"{target.name} already exists", "review and edit it by hand, or pass --force to replace it with the draft")])
    problems: list[Diagnostic] = []
    descriptions = []
    for path in (old, new):
        try:
            descriptions.append(load_description(path))
        except CatalogError as error:
            problems += error.diagnostics
    if problems:
        raise CatalogError(problems)
    draft = draft_rules(resolved.versions[earlier[-1]], descriptions[0], descriptions[1], api_version)
    text = draft.text()
    if not write:
        click.echo(text, nl=False)
        return
    _check_draft(catalog_folder, api_version, text)
    _write_atomically(target, text)
    click.echo(f"Wrote {display_name(target)}: {draft.summary()}.")
    click.echo(
        f"Next: review it (the `# review:` items at its end), then `intercom-gen --version {api_version}`, "
        f"`intercom-gen conform --description {display_name(new)} --version {api_version}`, and `intercom-gen --check`."
    )


def _check_draft(catalog_folder: Path, version: str, text: str) -> None:
    """The draft, in a copy of the catalog, must validate and resolve: a draft that does
    not is a bug of `propose`, and nothing is written."""
    from .catalog import version_key
    from .out_folders import VERSION
    from .pipeline import resolve_catalog

    with tempfile.TemporaryDirectory(prefix="intercom-gen-propose-") as scratch:
        copy = Path(scratch) / "catalog"
        shutil.copytree(catalog_folder, copy, symlinks=True)
        # The catalog as the draft finds it: no later version, and the draft's the default.
        for later in (copy / "versions").glob("*.yaml"):
            if VERSION.match(later.stem) and version_key(later.stem) > version_key(version):
                later.unlink()
        api = copy / "api.yaml"
        api.write_text(re.sub(r"(?m)^default_version:.*$", f'default_version: "{version}"', api.read_text(encoding="utf-8")), encoding="utf-8")
        (copy / "versions" / f"{version}.yaml").write_text(text, encoding="utf-8")
        try:
            resolve_catalog(copy)
        except CatalogError as error:
            first = error.diagnostics[0] if error.diagnostics else "no detail"
            raise InternalError(f"the draft for {version} does not validate: {first}") from None


def _write_atomically(target: Path, text: str) -> None:
    """The whole file or nothing: written beside the target, then moved over it."""
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
        try:
            with os.fdopen(handle, "w", encoding="utf-8") as stream:
                stream.write(text)
            os.replace(temporary, target)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
    except OSError as error:
        raise OutputError(str(target), f"{target}: cannot write the draft: {error.strerror or error}") from None


@click.command(context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--description", "description_file", required=True, type=click.Path(path_type=Path, dir_okay=False), help="Intercom's OpenAPI description of the version (YAML or JSON).")
@click.option("--version", "api_version", metavar="VERSION", help="The catalog's version to check (default: the newest supported).")
@catalog_option
@reports_errors
def conform(description_file: Path, api_version: str | None, catalog_folder: Path) -> None:
    """Compare the catalog at VERSION with Intercom's OpenAPI description of it: print each
    difference not recorded in catalog/known_differences.yaml, and each recorded one that
    no longer occurs; exit 1 when there is one.

    \b
    Example:
      intercom-gen conform --description api.intercom.io.yaml --version V
    """
    from .conform import check_conformance, report

    catalog_folder = inherited("catalog_folder", catalog_folder)
    result = check_conformance(catalog_folder, description_file, api_version)
    for line in report(result):
        click.echo(line)
    if not result.conforms:
        sys.exit(1)
