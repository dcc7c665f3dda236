"""The supported versions, as the catalog declares them, for tests that must not name a
version: the newest is whatever versions/ holds last, and the version that brought a
given change is found by its rules. A new version file then needs no test edited."""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any

from intercom_gen.catalog import VersionRule, version_key
from intercom_gen.pipeline import Resolved, resolve_catalog


@cache
def shipped() -> Resolved:
    """The catalog shipped with intercom-gen, resolved once per session."""
    return resolve_catalog()


def supported() -> tuple[str, ...]:
    return shipped().supported


def base_version() -> str:
    return supported()[0]


def newest() -> str:
    return supported()[-1]


def previous(version: str) -> str:
    versions = supported()
    return versions[versions.index(version) - 1]


def later_than(version: str) -> tuple[str, ...]:
    return tuple(v for v in supported() if version_key(v) > version_key(version))


def _named(value: Any) -> str:
    for attribute in ("id", "name", "topic", "status"):
        if hasattr(value, attribute):
            return str(getattr(value, attribute))
    return str(value)


def version_with(kind: str, **arguments: Any) -> str:
    """The first version with a rule of `kind` whose arguments are these (a definition
    is compared by its id, name or topic)."""

    def matches(rule: VersionRule) -> bool:
        return rule.kind == kind and all(_named(rule.arguments.get(k)) == str(v) for k, v in arguments.items())

    return version_where(matches)


def version_where(predicate: Callable[[VersionRule], bool]) -> str:
    for api_version in shipped().base.versions:
        if any(predicate(rule) for rule in api_version.rules):
            return api_version.version
    raise LookupError("no version has such a rule")


def following(version: str) -> str:
    """The version after `version` (2.9 → 2.10): one no catalog supports yet."""
    major, minor = version.split(".")
    return f"{major}.{int(minor) + 1}"


def versions_of(catalog: Path) -> tuple[str, ...]:
    """The versions a catalog folder declares, by the names of its version files, oldest
    first: for a fixture catalog, even one a test breaks on purpose."""
    return tuple(sorted((p.stem for p in (catalog / "versions").glob("*.yaml")), key=version_key))
