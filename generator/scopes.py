"""The least set of OAuth scopes that covers some endpoints and webhook topics.

An exact minimum set cover, by brute force over subsets of the catalog's scopes (a
dozen or so, so at most a few thousand subsets). Among covers of the same size the one
granting the fewest permissions wins (least privilege), then the one whose scope names
sort first."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from itertools import combinations

from .catalog import Catalog, Scope
from .diagnostics import CatalogError, Diagnostic, Location, did_you_mean

COMMAND_LINE = Location("<command line>")


@dataclass(frozen=True)
class Need:
    """One asked name and the permission it needs."""

    name: str
    kind: str  # "endpoint" or "webhook topic"
    permission: str


@dataclass(frozen=True)
class ScopeChoice:
    name: str
    description: str
    grants: tuple[str, ...]
    """Every permission the scope grants, sorted."""
    covers: tuple[str, ...]
    """The asked names this scope covers, in the order they were asked."""


def needs_of(catalog: Catalog, names: Iterable[str]) -> tuple[Need, ...]:
    """What each name needs; every unknown or uncoverable name is reported at once."""
    known = [e.id for e in catalog.endpoints] + [w.topic for w in catalog.webhooks]
    granted = {p for s in catalog.scopes for p in s.grants}
    needs: list[Need] = []
    problems: list[Diagnostic] = []
    for name in dict.fromkeys(names):
        endpoint = catalog.endpoint(name)
        webhook = catalog.webhook(name)
        if endpoint is not None:
            if endpoint.permission is None:
                note = endpoint.permission_note or "the catalog records no reason"
                problems.append(
                    Diagnostic(
                        COMMAND_LINE,
                        f"endpoint {name!r} has no documented permission at API version {catalog.version}, "
                        "so no OAuth scope is known to cover it",
                        note,
                    )
                )
                continue
            need = Need(name, "endpoint", endpoint.permission)
        elif webhook is not None:
            need = Need(name, "webhook topic", webhook.permission)
        else:
            hint = did_you_mean(name, known) or (
                "endpoint ids look like 'contacts.retrieve' and webhook topics like 'ticket.created'"
            )
            problems.append(Diagnostic(COMMAND_LINE, f"unknown endpoint or webhook topic {name!r}", hint))
            continue
        if need.permission not in granted:
            problems.append(
                Diagnostic(COMMAND_LINE, f"no OAuth scope grants {need.permission!r}, which {need.kind} {name!r} needs")
            )
            continue
        needs.append(need)
    if problems:
        raise CatalogError(problems)
    return tuple(needs)


def least_cover(scopes: tuple[Scope, ...], wanted: frozenset[str]) -> tuple[Scope, ...]:
    """The smallest set of scopes whose grants include `wanted`; ties go to the fewest
    granted permissions, then to names. Assumes every wanted permission is granted."""
    if not wanted:
        return ()
    ordered = tuple(sorted(scopes, key=lambda s: s.name))
    for size in range(1, len(ordered) + 1):
        best: tuple[tuple[int, tuple[str, ...]], tuple[Scope, ...]] | None = None
        for subset in combinations(ordered, size):
            granted = {p for s in subset for p in s.grants}
            if not wanted <= granted:
                continue
            rank = (len(granted), tuple(s.name for s in subset))
            if best is None or rank < best[0]:
                best = (rank, subset)
        if best is not None:
            return best[1]
    return ()


def least_scopes(catalog: Catalog, names: Iterable[str]) -> tuple[ScopeChoice, ...]:
    """The least set of OAuth scopes covering the given endpoint ids and webhook topics."""
    needs = needs_of(catalog, names)
    chosen = least_cover(catalog.scopes, frozenset(n.permission for n in needs))
    return tuple(
        ScopeChoice(
            name=scope.name,
            description=scope.description,
            grants=tuple(sorted(scope.grants)),
            covers=tuple(n.name for n in needs if n.permission in scope.grants),
        )
        for scope in chosen
    )


def explain_scopes(catalog: Catalog, names: Iterable[str]) -> str:
    """The `intercom-gen scopes` report: each chosen scope, what it grants, what it covers."""
    names = tuple(names)
    needs = {n.name: n for n in needs_of(catalog, names)}
    choices = least_scopes(catalog, names)
    plural = "s cover" if len(choices) != 1 else " covers"
    lines = [f"API version {catalog.version}: {len(choices)} OAuth scope{plural} {', '.join(needs)}."]
    for choice in choices:
        lines.append("")
        lines.append(f"{choice.name}: {choice.description}")
        lines.append(f"  grants: {', '.join(choice.grants)}")
        lines.append("  covers:")
        for name in choice.covers:
            need = needs[name]
            lines.append(f"    {name} ({need.kind}, needs {need.permission})")
    return "\n".join(lines) + "\n"
