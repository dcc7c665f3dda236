"""What rules look up and replace in a catalog: an endpoint, a schema or a field by the
name a rule gives, each missing one a located RuleProblem."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from types import MappingProxyType
from typing import TypeVar

from ..catalog import Catalog, Endpoint, Located, Property, Schema, VersionRule
from ..diagnostics import did_you_mean
from .kind import RuleProblem

T = TypeVar("T", bound=Located)


def endpoint_named(catalog: Catalog, rule: VersionRule) -> Endpoint:
    endpoint_id = rule.arguments["endpoint"]
    found = catalog.endpoint(endpoint_id)
    if found is None:
        raise RuleProblem(rule.at("endpoint"), f"{rule.kind} rule names endpoint {endpoint_id!r}, which does not exist before {rule.version}", did_you_mean(endpoint_id, [e.id for e in catalog.endpoints]))
    return found


def schema_named(catalog: Catalog, rule: VersionRule) -> Schema:
    name = rule.arguments["schema"]
    found = catalog.schema(name)
    if found is None:
        raise RuleProblem(rule.at("schema"), f"{rule.kind} rule names schema {name!r}, which does not exist before {rule.version}", did_you_mean(name, [s.name for s in catalog.schemas]))
    return found


def field_named(catalog: Catalog, rule: VersionRule) -> tuple[Schema, Property]:
    schema = schema_named(catalog, rule)
    name = rule.arguments["field"]
    found = schema.property(name)
    if found is None:
        raise RuleProblem(rule.at("field"), f"{rule.kind} rule names field {name!r}, which schema {schema.name!r} does not have before {rule.version}", did_you_mean(name, [p.name for p in schema.properties]))
    return schema, found


def with_endpoint(catalog: Catalog, endpoint: Endpoint) -> Catalog:
    return replace(catalog, endpoints=tuple(endpoint if e.id == endpoint.id else e for e in catalog.endpoints))


def with_schema(catalog: Catalog, schema: Schema) -> Catalog:
    return replace(catalog, schemas=tuple(schema if s.name == schema.name else s for s in catalog.schemas))


def with_field(schema: Schema, prop: Property) -> Schema:
    return replace(schema, properties=tuple(prop if p.name == prop.name else p for p in schema.properties))


def changed(item: T, rule: VersionRule, attributes: Mapping[str, str]) -> T:
    """`item` with the rule's `set` applied (catalog keys mapped to attribute names), each
    changed value located at the rule; a rule that changes nothing is a problem."""
    changes = {attributes.get(key, key): value for key, value in rule.arguments["set"].items()}
    unchanged = sorted(key for key, value in rule.arguments["set"].items() if getattr(item, attributes.get(key, key)) == value)
    if unchanged:
        raise RuleProblem(rule.at("set"), f"{rule.kind} rule sets {', '.join(unchanged)} to the value it already has before {rule.version}", "drop what does not change")
    spots = dict(item.spots)
    for key, value in rule.arguments["set"].items():
        spots[key] = rule.at("set")
        for index in range(len(value) if isinstance(value, tuple) else 0):
            spots[f"{key}[{index}]"] = rule.at("set")
    return replace(item, **changes, spots=MappingProxyType(spots))
