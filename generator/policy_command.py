"""`intercom-gen policy`: check an agent policy file against a version's catalog, and
show what it allows an agent; and the report behind `intercom-gen scopes --policy`.

A problem in the file (an unknown agent, group, endpoint, level or switch) is printed as
`file:line:col: message (hint)` and the command exits 2, as for a catalog problem."""

from __future__ import annotations

from pathlib import Path

import click

from .agent_policy import Decision, PolicyFile, decisions, read_policy
from .catalog import Catalog
from .cli_parts import catalog_option, reports_errors


def _catalogs(catalog_folder: Path, api_version: str | None) -> tuple[Catalog, dict[str, Catalog]]:
    """The version's catalog, and every supported version's (for 'exists from' hints)."""
    from .pipeline import require_versions, resolve_catalog

    resolved = resolve_catalog(catalog_folder)
    version = api_version or resolved.base.api.default_version
    require_versions(resolved, [version], catalog_folder)
    return resolved.versions[version], dict(resolved.versions)


def load_policy(path: Path, catalog_folder: Path, api_version: str | None) -> tuple[PolicyFile, Catalog]:
    catalog, versions = _catalogs(catalog_folder, api_version)
    return read_policy(path, catalog, versions), catalog


def check_report(policy: PolicyFile, catalog: Catalog) -> str:
    count = len(policy.agents)
    lines = [f"{policy.path}: valid at API version {catalog.version}, {count} agent{'s' if count != 1 else ''}."]
    for agent in policy.agents:
        allowed = sum(1 for _, d in decisions(catalog, agent) if d.allowed)
        key = "; gateway key set" if agent.key_sha256 else ""
        lines.append(f"  {agent.name}: {allowed} of {len(catalog.endpoints)} endpoints allowed{key}")
    return "\n".join(lines) + "\n"


def show_report(policy: PolicyFile, catalog: Catalog, agent_name: str) -> str:
    """The agent's decision for every endpoint, as an aligned table, allowed ones first."""
    agent = policy.agent(agent_name)
    rows = sorted(decisions(catalog, agent), key=lambda row: (not row[1].allowed, row[0]))
    table = [("ENDPOINT", "METHOD", "PATH", "ACCESS", "DECISION", "RULE")]
    for endpoint_id, decision in rows:
        endpoint = catalog.endpoint(endpoint_id)
        assert endpoint is not None
        verdict = "allow" if decision.allowed else "deny"
        table.append((endpoint_id, endpoint.method, endpoint.path, endpoint.access, verdict, decision.rule))
    widths = [max(len(row[i]) for row in table) for i in range(len(table[0]))]
    allowed = sum(1 for _, d in rows if d.allowed)
    lines = [f"{agent.name} at API version {catalog.version}: {allowed} of {len(rows)} endpoints allowed.", ""]
    lines += ["  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip() for row in table]
    return "\n".join(lines) + "\n"


def scopes_report(policy: PolicyFile, catalog: Catalog, agent_name: str) -> str:
    """The least OAuth scopes covering what the policy allows the agent, so that its token
    can be least-privilege too; endpoints Intercom documents no permission for are named."""
    from .scopes import explain_scopes

    agent = policy.agent(agent_name)
    allowed: list[tuple[str, Decision]] = [(e, d) for e, d in decisions(catalog, agent) if d.allowed]
    covered = [e for e, _ in allowed if (endpoint := catalog.endpoint(e)) is not None and endpoint.permission is not None]
    undocumented = [e for e, _ in allowed if e not in covered]
    lines = [f"Agent {agent.name} ({policy.path}) is allowed {len(allowed)} endpoint{'s' if len(allowed) != 1 else ''}."]
    if covered:
        lines.append(explain_scopes(catalog, covered).rstrip("\n"))
    elif not allowed:
        lines.append("Its token needs no OAuth scope.")
    if undocumented:
        lines.append("")
        lines.append(f"Intercom documents no permission or OAuth scope for {len(undocumented)} of them, so no scope above covers:")
        lines += [f"  {e}" for e in undocumented]
    return "\n".join(lines) + "\n"


@click.group("policy")
def policy_group() -> None:
    """Check an agent policy file, and show what it allows an agent."""


@policy_group.command("check", epilog="Exit status: 0 valid; 2 a problem, each listed as file:line:col: message.")
@click.argument("file", type=click.Path(path_type=Path, dir_okay=True))
@click.option("--version", "api_version", metavar="VERSION", help="API version (default: the catalog's default).")
@catalog_option
@reports_errors
def check(file: Path, api_version: str | None, catalog_folder: Path) -> None:
    """Check every agent, group, endpoint and level FILE names against the catalog."""
    policy, catalog = load_policy(file, catalog_folder, api_version)
    click.echo(check_report(policy, catalog), nl=False)


@policy_group.command("show")
@click.argument("file", type=click.Path(path_type=Path, dir_okay=True))
@click.option("--agent", "agent_name", required=True, metavar="NAME", help="The agent to show.")
@click.option("--version", "api_version", metavar="VERSION", help="API version (default: the catalog's default).")
@catalog_option
@reports_errors
def show(file: Path, agent_name: str, api_version: str | None, catalog_folder: Path) -> None:
    """Print the endpoints FILE allows and denies an agent, with the rule that decides."""
    policy, catalog = load_policy(file, catalog_folder, api_version)
    click.echo(show_report(policy, catalog, agent_name), nl=False)
