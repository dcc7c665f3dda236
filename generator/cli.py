"""The intercom-gen command: prints diagnostics and sets the exit status.

0 done; 1 `--check` found stale output; 2 invalid input (catalog, rules, version,
arguments); 3 an internal error (a template or the formatter failed), which is a bug;
4 the output could not be written or read (no permission, a full disk, a file where a
folder should be), the previous output being kept."""

from __future__ import annotations

import gc
import importlib
import shlex
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

import click
from click.core import ParameterSource

from . import __version__
from .cli_parts import IDS_HINT, catalog_option, configured, inherited, project_config, reports_errors
from .config import Config
from .fingerprint import record, run_inputs
from .locations import DEFAULT_TEMPLATES

if TYPE_CHECKING:
    from .pipeline import Resolved

def fix_command(context: click.Context) -> str:
    """The regeneration that clears what --check found: the options this run was given,
    without --check."""
    words = ["intercom-gen"]
    for name, flag in (("api_version", "--version"), ("out", "--out"), ("catalog_folder", "--catalog")):
        if context.get_parameter_source(name) is ParameterSource.COMMANDLINE:
            words += [flag, shlex.quote(str(context.params[name]))]
    for target in context.params["targets"]:
        words += ["--target", shlex.quote(target)]
    return " ".join(words)


def check_tree(resolved: Resolved, versions: list[str], out: Path, templates: Path, targets: tuple[str, ...]) -> int:
    from .regenerate import stale_paths

    stale = stale_paths(resolved, versions, out, templates, targets)
    if stale:
        click.echo(f"{len(stale)} generated file(s) differ from what the catalog and templates produce:", err=True)
        for path in stale:
            click.echo(f"  {path}", err=True)
        click.echo(f"Run '{fix_command(click.get_current_context())}' to regenerate, then review and commit the diff.", err=True)
        return 1
    click.echo(f"{out} is current for {', '.join(versions)}.")
    return 0


# The group options a subcommand takes when they are given before its name.
INHERITED = {
    "diff": ("catalog_folder",),
    "docs": ("catalog_folder",),
    "list": ("catalog_folder", "api_version"),
    "scopes": ("catalog_folder", "api_version"),
}


def pass_to_subcommand(context: click.Context, config: Config) -> None:
    """Group options given before a subcommand are honoured when the subcommand takes
    them (`intercom-gen --catalog DIR scopes ...`) and refused otherwise, never ignored.
    The project's catalog setting is passed on too, for a subcommand not given one."""
    given = [name for name in context.params if context.get_parameter_source(name) is ParameterSource.COMMANDLINE]
    subcommand = context.invoked_subcommand or ""
    takes = INHERITED.get(subcommand, ())
    refused = [name for name in given if name not in takes]
    if refused:
        flags = ", ".join(next(p.opts[0] for p in context.command.params if p.name == name) for name in refused)
        raise click.UsageError(f"{flags} does not apply to '{subcommand}'; see 'intercom-gen {subcommand} --help'")
    context.obj = {name: context.params[name] for name in given}
    if config.catalog is not None and "catalog_folder" not in given:
        context.obj["catalog_folder"] = config.catalog


MAIN_EXAMPLES = f"""\b
Examples:
  intercom-gen --version 2.15      write generated/2.15/
  intercom-gen --check             exit 1 if generated/ is stale
  intercom-gen list endpoints      every endpoint's id, method and path
  intercom-gen scopes contacts.retrieve conversations.reply
  intercom-gen docs --out site     build the docs site of every version

\b
Settings: [tool.intercom-gen] in pyproject.toml (catalog, out, versions,
targets), found from the current folder upwards; options override them.
{IDS_HINT}"""


class LazyGroup(click.Group):
    """Subcommands defined in their own modules, imported only when used: a plain
    regeneration must not pay for the docs, policy or bump commands' imports."""

    LAZY: ClassVar[Mapping[str, str]] = {
        "docs": ".docs_command:docs",
        "list": ".list_command:list_group",
        "policy": ".policy_command:policy_group",
        "propose": ".bump_commands:propose",
        "conform": ".bump_commands:conform",
    }

    def list_commands(self, context: click.Context) -> list[str]:
        return sorted({*super().list_commands(context), *self.LAZY})

    def get_command(self, context: click.Context, name: str) -> click.Command | None:
        if name in self.LAZY and name not in self.commands:
            module, attribute = self.LAZY[name].split(":")
            command = getattr(importlib.import_module(module, __package__), attribute)
            assert isinstance(command, click.Command)
            self.add_command(command, name)
        return super().get_command(context, name)


@click.group(
    cls=LazyGroup,
    invoke_without_command=True,
    context_settings={"help_option_names": ["-h", "--help"]},
    epilog=MAIN_EXAMPLES,
)
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
    config = project_config()
    if context.invoked_subcommand is not None:
        pass_to_subcommand(context, config)
        return
    out = configured(context, "out", out, config.out)
    catalog_folder = configured(context, "catalog_folder", catalog_folder, config.catalog)
    targets = targets or config.targets
    if tool_version:
        click.echo(f"intercom-gen {__version__}")
        return
    if list_targets:
        from .targets import TARGETS

        width = max(len(t.name) for t in TARGETS)
        for target in TARGETS:
            where = f"{out}/<version>/{target.output}" if target.output else f"{out}/<version>"
            click.echo(f"{target.name:<{width}}  {target.summary} ({where})")
        return
    # An unchanged plain regeneration was already answered by generator.entry.
    wanted = [api_version] if api_version is not None else list(config.versions) or None
    from .model_worker import start_early, stop_early
    from .targets import select_targets

    selected = select_targets(targets)  # an unknown name is refused before any work
    makes_models = any(target.files for target in selected) and not list_versions
    if makes_models:
        # datamodel-code-generator's imports then overlap the catalog's loading, and the
        # pipeline's own imports: the worker's side is most of a cold run.
        start_early(catalog_folder)
    from .pipeline import require_versions, resolve_catalog
    from .regenerate import regenerate
    from .replay import keep

    if list_versions:
        for version in (resolved := resolve_catalog(catalog_folder)).supported:
            marker = " (default)" if version == resolved.base.api.default_version else ""
            click.echo(f"{version}{marker}")
        return
    # Nearly everything a run allocates lives until it ends, and the cyclic collector
    # freed almost nothing while walking the whole heap, more often as the catalog grows
    # (30 ms of a 1x warm run, 9 s of a 100x one); collect rarely, for this run only.
    thresholds = gc.get_threshold()
    gc.set_threshold(100_000, 50, 50)
    try:
        # A run that fails leaves an early worker waiting: it ends with this process, or
        # a later run in the same process (a test's) uses it.
        resolved = resolve_catalog(catalog_folder)
        versions = require_versions(resolved, wanted or resolved.supported, catalog_folder)
        # The inputs as they were read, not as they may be once the run is done; only a
        # run of every target makes the whole output current for them.
        inputs = run_inputs(catalog_folder, templates, versions) if not (check or targets) else None
        if inputs is not None:
            inputs.digest()
        if check:
            status = check_tree(resolved, versions, out, templates, targets)
        else:
            lines, written = regenerate(resolved, versions, out, templates, targets)
            for line in lines:
                click.echo(line)
            if inputs is not None:
                keep(inputs, catalog_folder, resolved.supported, written)
    finally:
        # What the run made moves to the oldest generation, uncollected, before the usual
        # thresholds return: else the next allocation collects all of it at once (5 ms).
        gc.freeze()
        gc.unfreeze()
        gc.set_threshold(*thresholds)
    stop_early(catalog_folder if makes_models else None)
    if check:
        sys.exit(status)
    if inputs is not None:
        record(out, inputs, [out / v for v in versions])


@main.command(epilog=f"""\b
Example:
  intercom-gen diff 2.14 2.15 > migration.md

{IDS_HINT}""")
@click.argument("old")
@click.argument("new")
@catalog_option
@reports_errors
def diff(old: str, new: str, catalog_folder: Path) -> None:
    """Print a Markdown migration guide from API version OLD to NEW."""
    from .changelog import migration_guide
    from .pipeline import require_versions, resolve_catalog

    catalog_folder = inherited("catalog_folder", catalog_folder)
    resolved = resolve_catalog(catalog_folder)
    require_versions(resolved, [old, new], catalog_folder)
    click.echo(migration_guide(resolved.versions[old], resolved.versions[new]), nl=False)


@main.command(epilog=f"""\b
Example:
  intercom-gen scopes contacts.retrieve conversations.reply ticket.created
  intercom-gen scopes --policy agents.yaml --agent support-bot

{IDS_HINT} Webhook topics are in generated/<version>/webhooks/topics.md.""")
@click.argument("names", nargs=-1)
@click.option("--version", "api_version", metavar="VERSION", help="API version (default: the catalog's default).")
@click.option("--policy", "policy_file", type=click.Path(path_type=Path), metavar="FILE", help="Instead of NAMES: what this agent policy allows --agent.")
@click.option("--agent", "agent_name", metavar="NAME", help="The agent of --policy.")
@catalog_option
@reports_errors
def scopes(names: tuple[str, ...], api_version: str | None, policy_file: Path | None, agent_name: str | None, catalog_folder: Path) -> None:
    """Print the least set of OAuth scopes covering endpoint ids and webhook topics, or
    what an agent policy allows an agent (--policy FILE --agent NAME)."""
    from .pipeline import require_versions, resolve_catalog
    from .scopes import explain_scopes

    if (policy_file is None) != (agent_name is None) or (policy_file is not None and names):
        raise click.UsageError("give endpoint ids and topics, or --policy FILE with --agent NAME")
    if policy_file is None and not names:
        raise click.UsageError("name endpoint ids or webhook topics, or give --policy FILE --agent NAME")
    catalog_folder = inherited("catalog_folder", catalog_folder)
    api_version = inherited("api_version", api_version)
    resolved = resolve_catalog(catalog_folder)
    version = api_version or resolved.base.api.default_version
    require_versions(resolved, [version], catalog_folder)
    if policy_file is not None and agent_name is not None:
        from .agent_policy import read_policy
        from .policy_command import scopes_report

        policy = read_policy(policy_file, resolved.versions[version], resolved.versions)
        click.echo(scopes_report(policy, resolved.versions[version], agent_name), nl=False)
        return
    click.echo(explain_scopes(resolved.versions[version], names), nl=False)
