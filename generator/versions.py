"""Resolve: apply each version's rules, in version order, to the base catalog.

Nothing is mutated: every rule returns a new catalog (each kind's `apply`, in
generator.rules). Every supported version is resolved on every run, so a broken rule is
reported whichever version is asked for.
"""

from __future__ import annotations

from dataclasses import replace

from generator.catalog import Catalog, VersionRule, version_key
from generator.diagnostics import Collector
from generator.references import check_references
from generator.rules import RULE_KINDS, RuleProblem


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
    problems.raise_if_any()
    return resolved


def resolve_version(base: Catalog, version: str) -> Catalog:
    return resolve_versions(base)[version]
