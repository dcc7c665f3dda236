"""Validate the loaded catalog and build the frozen base model from it.

Shape problems (a missing key, a wrong type, an unknown value) are found while reading
each document (`generator.readers`; rules through `generator.rules`); cross-reference
problems (an unknown permission, a duplicate path) are found by
`generator.references.check_references`, which the resolver also runs on every
resolved version.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Any

from .catalog import ApiVersion, Catalog, VersionRule, version_key
from .diagnostics import Collector, Location, did_you_mean
from .load import LoadedCatalog
from .reader import Key, Reader
from .readers import (
    read_api,
    read_endpoint_file,
    read_errors,
    read_permissions,
    read_schema,
    read_scopes,
    read_webhooks,
)
from .references import check_references
from .rules import INVALID, RULE_KINDS, Ask

VERSION_KEYS = {"version": Key("version"), "summary": Key("str"), "rules": Key("list")}


def read_rule(reader: Reader, item: Any, at: Location, version: str) -> VersionRule | None:
    """One rule, read as its kind's registry entry says."""
    if not isinstance(item, Mapping) or "kind" not in item:
        reader.error(at, "a rule needs a 'kind'", "one of: " + ", ".join(RULE_KINDS))
        return None
    kind = RULE_KINDS.get(item["kind"]) if isinstance(item["kind"], str) else None
    if kind is None:
        # A kind cut short (rename_enum) means the one it begins, before the nearest spelling.
        longer = [name for name in RULE_KINDS if isinstance(item["kind"], str) and item["kind"] and name.startswith(item["kind"])]
        hint = (f"did you mean {longer[0]!r}?" if len(longer) == 1 else "") or did_you_mean(str(item["kind"]), RULE_KINDS) or "one of: " + ", ".join(RULE_KINDS)
        reader.error(reader.value_at(item, "kind"), f"unknown rule kind {item['kind']!r}", hint)
        return None
    for former, current in kind.former_keys.items():
        if former in item:
            reader.error(reader.key_at(item, former), f"a {kind.name} rule names its subject with {current!r}, not {former!r}", f"rename the key to {current!r}")
            return None
    keys = {"kind": Key("str"), "note": Key("str", required=False)}
    keys.update({name: Key("any") for name in kind.arguments})
    keys.update({name: Key("any", required=False) for name in kind.optional})
    if not reader.check(item, at, f"{kind.name} rule", keys):
        return None
    readers = {**kind.arguments, **{name: read for name, read in kind.optional.items() if name in item}}
    arguments = {name: read(Ask(reader, item, name, kind.name, version)) for name, read in readers.items()}
    if any(value is INVALID for value in arguments.values()):
        return None
    spots = MappingProxyType(dict(reader.spots(item)))
    return VersionRule(kind.name, version, MappingProxyType(arguments), item.get("note", ""), where=at, spots=spots)


def read_version(reader: Reader) -> ApiVersion | None:
    node = reader.document.data
    what = reader.document.relative
    if not reader.check(node, reader.here(node), what, VERSION_KEYS):
        return None
    version = node["version"]
    expected = reader.document.relative.removeprefix("versions/").removesuffix(".yaml")
    if version != expected:
        reader.error(reader.value_at(node, "version"), f"file {what} declares version {version!r}", f"name the file versions/{version}.yaml or set version: {expected!r}")
        return None
    rules = [read_rule(reader, item, at, version) for item, at in reader.items(node, "rules", what)]
    return ApiVersion(version, node["summary"], tuple(r for r in rules if r is not None), where=reader.here(node))


# --- the whole catalog ------------------------------------------------------------------

SINGLE_FILES = ("api.yaml", "permissions.yaml", "scopes.yaml", "webhooks.yaml", "errors.yaml")
# Read by `intercom-gen conform` (generator.conform), not by the generation.
OPTIONAL_FILES = ("known_differences.yaml",)
FOLDERS = ("endpoints", "schemas", "versions")


def validate_catalog(loaded: LoadedCatalog) -> Catalog:
    """The base catalog, or CatalogError listing every shape and reference problem."""
    problems = Collector()
    root_name = loaded.root.name

    def reader_for(relative: str) -> Reader | None:
        document = loaded.find(relative)
        if document is None:
            problems.error(Location(f"{root_name}/{relative}"), f"missing catalog file {relative}", "every catalog needs it: see catalog/README.md")
            return None
        return Reader(document, problems)

    for document in loaded.documents:
        top = document.relative.split("/", 1)
        if (len(top) == 1 and document.relative not in SINGLE_FILES + OPTIONAL_FILES) or (len(top) == 2 and top[0] not in FOLDERS):
            problems.error(Location(document.name), f"unexpected catalog file {document.relative}", "allowed: " + ", ".join(SINGLE_FILES + OPTIONAL_FILES + tuple(f + "/*.yaml" for f in FOLDERS)))

    versions = [v for v in (read_version(Reader(d, problems)) for d in loaded.under("versions")) if v is not None]
    versions.sort(key=lambda v: version_key(v.version))
    if not versions and not problems.diagnostics:
        problems.error(Location(f"{root_name}/versions"), "no version files", "add versions/<version>.yaml for every supported version")
    base_version = versions[0].version if versions else "0.0"
    if versions and versions[0].rules:
        problems.error(versions[0].rules[0].where, f"{versions[0].version} is the base version: the base catalog describes it, so it takes no rules", "move the rules to the next version's file")

    api_reader = reader_for("api.yaml")
    api = read_api(api_reader) if api_reader else None
    permissions_reader = reader_for("permissions.yaml")
    scopes_reader = reader_for("scopes.yaml")
    webhooks_reader = reader_for("webhooks.yaml")
    errors_reader = reader_for("errors.yaml")
    groups, endpoints = [], []
    for document in loaded.under("endpoints"):
        group, members = read_endpoint_file(Reader(document, problems))
        if group is not None:
            groups.append(group)
        endpoints += members
    schemas = []
    for document in loaded.under("schemas"):
        reader = Reader(document, problems)
        schema = read_schema(reader, document.data, reader.here(document.data), document.relative.removeprefix("schemas/").removesuffix(".yaml"))
        if schema is not None:
            schemas.append(schema)
    if api is None:
        problems.raise_if_any()
    assert api is not None
    catalog = Catalog(
        version=base_version,
        api=api,
        groups=tuple(groups),
        endpoints=tuple(endpoints),
        permissions=tuple(read_permissions(permissions_reader)) if permissions_reader else (),
        scopes=tuple(read_scopes(scopes_reader)) if scopes_reader else (),
        webhooks=tuple(read_webhooks(webhooks_reader, base_version)) if webhooks_reader else (),
        errors=tuple(read_errors(errors_reader)) if errors_reader else (),
        schemas=tuple(schemas),
        versions=tuple(versions),
    )
    problems.diagnostics += check_references(catalog)
    problems.raise_if_any()
    return catalog
