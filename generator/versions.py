"""Resolve: apply each version's rules, in version order, to the base catalog.

Nothing is mutated: every rule returns a new catalog (each kind's `apply`, in
generator.rules). Every supported version is resolved on every run, so a broken rule is
reported whichever version is asked for.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from .catalog import Catalog, VersionRule, version_key
from .diagnostics import Collector, Diagnostic, did_you_mean
from .references import check_references
from .rules import RULE_KINDS, RuleProblem


def apply_rule(catalog: Catalog, rule: VersionRule) -> Catalog:
    return RULE_KINDS[rule.kind].apply(catalog, rule)


def resolve_versions(base: Catalog) -> dict[str, Catalog]:
    """Every supported version's catalog, each the previous one with its rules applied."""
    problems = Collector()
    pending = sorted(base.endpoints, key=lambda e: version_key(e.since))
    first = base.supported_versions[0]
    current = replace(base, endpoints=tuple(e for e in base.endpoints if e.since == first))
    resolved: dict[str, Catalog] = {}
    for api_version in base.versions:
        version = api_version.version
        if version != first:
            arriving = tuple(e for e in pending if e.since == version)
            current = replace(current, version=version, endpoints=current.endpoints + arriving)
            for rule in api_version.rules:
                try:
                    current = apply_rule(current, rule)
                except RuleProblem as problem:
                    problems.diagnostics.append(problem.diagnostic)
        problems.diagnostics += check_references(current)
        resolved[version] = current
    problems.diagnostics += check_search_sources(base, resolved.values())
    problems.raise_if_any()
    return resolved


def check_search_sources(base: Catalog, catalogs: Iterable[Catalog]) -> list[Diagnostic]:
    """Each universal-search endpoint must exist in some version (a version without it
    leaves that kind out of its search; a name no version has is a typo)."""
    known = {e.id for catalog in catalogs for e in catalog.endpoints}
    found = []
    for source in base.api.facts["universal_search"]:
        for key in ("search", "retrieve"):
            if source[key] not in known:
                found.append(
                    Diagnostic(
                        base.api.at("universal_search"),
                        f"universal search source {source['kind']!r} names endpoint {source[key]!r}, which no version has",
                        did_you_mean(str(source[key]), known),
                    )
                )
    return found


def resolve_version(base: Catalog, version: str) -> Catalog:
    return resolve_versions(base)[version]
