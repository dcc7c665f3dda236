"""Resolve: apply each version's rules, in version order, to the base catalog.

Nothing is mutated: every rule returns a new catalog. Every supported version is
resolved on every run, so a broken rule is reported whichever version is asked for.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import replace
from types import MappingProxyType
from typing import Any

from generator.catalog import (
    Catalog,
    Endpoint,
    Group,
    Parameter,
    Property,
    Schema,
    VersionRule,
    WebhookTopic,
    enum_holder,
    freeze,
    thaw,
    version_key,
)
from generator.diagnostics import Collector, Diagnostic, Location, did_you_mean
from generator.validate import check_references


class RuleProblem(Exception):
    def __init__(self, location: Location, message: str, hint: str = "") -> None:
        super().__init__(message)
        self.diagnostic = Diagnostic(location, message, hint)


def _endpoint(catalog: Catalog, rule: VersionRule) -> Endpoint:
    endpoint_id = rule.arguments["endpoint"]
    found = catalog.endpoint(endpoint_id)
    if found is None:
        raise RuleProblem(rule.at("endpoint"), f"{rule.kind} rule names endpoint {endpoint_id!r}, which does not exist before {rule.version}", did_you_mean(endpoint_id, [e.id for e in catalog.endpoints]))
    return found


def _schema(catalog: Catalog, rule: VersionRule) -> Schema:
    name = rule.arguments["schema"]
    found = catalog.schema(name)
    if found is None:
        raise RuleProblem(rule.at("schema"), f"{rule.kind} rule names schema {name!r}, which does not exist before {rule.version}", did_you_mean(name, [s.name for s in catalog.schemas]))
    return found


def _field(catalog: Catalog, rule: VersionRule) -> tuple[Schema, Property]:
    schema = _schema(catalog, rule)
    name = rule.arguments["field"]
    found = schema.property(name)
    if found is None:
        raise RuleProblem(rule.at("field"), f"{rule.kind} rule names field {name!r}, which schema {schema.name!r} does not have before {rule.version}", did_you_mean(name, [p.name for p in schema.properties]))
    return schema, found


def _with_endpoint(catalog: Catalog, endpoint: Endpoint) -> Catalog:
    return replace(catalog, endpoints=tuple(endpoint if e.id == endpoint.id else e for e in catalog.endpoints))


def _with_schema(catalog: Catalog, schema: Schema) -> Catalog:
    return replace(catalog, schemas=tuple(schema if s.name == schema.name else s for s in catalog.schemas))


def _with_property(schema: Schema, prop: Property) -> Schema:
    return replace(schema, properties=tuple(prop if p.name == prop.name else p for p in schema.properties))


def add_group(catalog: Catalog, rule: VersionRule) -> Catalog:
    group: Group = rule.arguments["group"]
    if catalog.group(group.id) is not None:
        raise RuleProblem(rule.at("group"), f"add_group: group {group.id!r} already exists before {rule.version}")
    return replace(catalog, groups=(*catalog.groups, group))


def add_endpoint(catalog: Catalog, rule: VersionRule) -> Catalog:
    endpoint: Endpoint = rule.arguments["endpoint"]
    if catalog.endpoint(endpoint.id) is not None:
        raise RuleProblem(endpoint.at("id"), f"add_endpoint: endpoint {endpoint.id!r} already exists before {rule.version}", "use a new id, or change the existing endpoint with other rules")
    return replace(catalog, endpoints=(*catalog.endpoints, endpoint))


def remove_endpoint(catalog: Catalog, rule: VersionRule) -> Catalog:
    removed = _endpoint(catalog, rule)
    # A removed endpoint triggers nothing: drop it from the topics that listed it.
    webhooks = tuple(replace(w, triggered_by=tuple(t for t in w.triggered_by if t != removed.id)) for w in catalog.webhooks)
    return replace(catalog, endpoints=tuple(e for e in catalog.endpoints if e.id != removed.id), webhooks=webhooks)


def deprecate_endpoint(catalog: Catalog, rule: VersionRule) -> Catalog:
    endpoint = _endpoint(catalog, rule)
    if endpoint.deprecated:
        raise RuleProblem(rule.at("endpoint"), f"deprecate_endpoint: {endpoint.id!r} is already deprecated before {rule.version}")
    return _with_endpoint(catalog, replace(endpoint, deprecated=rule.note or f"Deprecated in {rule.version}."))


def change_permission(catalog: Catalog, rule: VersionRule) -> Catalog:
    endpoint = _endpoint(catalog, rule)
    permission = rule.arguments["permission"]
    note = rule.arguments.get("permission_note", "")
    spots = MappingProxyType({**endpoint.spots, "permission": rule.at("permission")})
    return _with_endpoint(catalog, replace(endpoint, permission=permission, permission_note=note, spots=spots))


def _parameter(endpoint: Endpoint, rule: VersionRule) -> Parameter:
    name = rule.arguments["parameter"]
    found = next((p for p in endpoint.parameters if p.name == name), None)
    if found is None:
        raise RuleProblem(rule.at("parameter"), f"{rule.kind} rule names parameter {name!r}, which endpoint {endpoint.id!r} does not have before {rule.version}", did_you_mean(name, [p.name for p in endpoint.parameters]))
    return found


def add_parameter(catalog: Catalog, rule: VersionRule) -> Catalog:
    endpoint = _endpoint(catalog, rule)
    parameter: Parameter = rule.arguments["parameter"]
    if any(p.name == parameter.name for p in endpoint.parameters):
        raise RuleProblem(parameter.where, f"add_parameter: endpoint {endpoint.id!r} already has parameter {parameter.name!r} before {rule.version}")
    return _with_endpoint(catalog, replace(endpoint, parameters=(*endpoint.parameters, parameter)))


def remove_parameter(catalog: Catalog, rule: VersionRule) -> Catalog:
    endpoint = _endpoint(catalog, rule)
    removed = _parameter(endpoint, rule)
    return _with_endpoint(catalog, replace(endpoint, parameters=tuple(p for p in endpoint.parameters if p is not removed)))


def rename_parameter(catalog: Catalog, rule: VersionRule) -> Catalog:
    endpoint = _endpoint(catalog, rule)
    old = _parameter(endpoint, rule)
    new_name = rule.arguments["to"]
    if any(p.name == new_name for p in endpoint.parameters):
        raise RuleProblem(rule.at("to"), f"rename_parameter: endpoint {endpoint.id!r} already has a parameter {new_name!r}")
    renamed = replace(old, name=new_name)
    path = endpoint.path.replace("{" + old.name + "}", "{" + new_name + "}") if old.location == "path" else endpoint.path
    return _with_endpoint(catalog, replace(endpoint, path=path, parameters=tuple(renamed if p is old else p for p in endpoint.parameters)))


def add_schema(catalog: Catalog, rule: VersionRule) -> Catalog:
    schema: Schema = rule.arguments["schema"]
    if catalog.schema(schema.name) is not None:
        raise RuleProblem(rule.at("schema"), f"add_schema: schema {schema.name!r} already exists before {rule.version}")
    return replace(catalog, schemas=(*catalog.schemas, schema))


def add_field(catalog: Catalog, rule: VersionRule) -> Catalog:
    schema = _schema(catalog, rule)
    name = rule.arguments["field"]
    if schema.property(name) is not None:
        raise RuleProblem(rule.at("field"), f"add_field: schema {schema.name!r} already has field {name!r} before {rule.version}")
    added = Property(name, rule.arguments["definition"], where=rule.at("definition"))
    required = (*schema.required, name) if rule.arguments.get("required") else schema.required
    return _with_schema(catalog, replace(schema, properties=(*schema.properties, added), required=required))


def remove_field(catalog: Catalog, rule: VersionRule) -> Catalog:
    schema, removed = _field(catalog, rule)
    return _with_schema(
        catalog,
        replace(schema, properties=tuple(p for p in schema.properties if p is not removed), required=tuple(r for r in schema.required if r != removed.name)),
    )


def rename_field(catalog: Catalog, rule: VersionRule) -> Catalog:
    schema, old = _field(catalog, rule)
    new_name = rule.arguments["to"]
    if schema.property(new_name) is not None:
        raise RuleProblem(rule.at("to"), f"rename_field: schema {schema.name!r} already has a field {new_name!r}")
    renamed = replace(old, name=new_name)
    return _with_schema(
        catalog,
        replace(
            schema,
            properties=tuple(renamed if p is old else p for p in schema.properties),
            required=tuple(new_name if r == old.name else r for r in schema.required),
        ),
    )


def _enum_holder(prop: Property, rule: VersionRule) -> tuple[dict[str, Any], dict[str, Any]]:
    """The field's definition, thawed, and the part of it that holds the enum."""
    definition = thaw(prop.definition)
    holder = enum_holder(definition)
    if not isinstance(holder, dict):
        raise RuleProblem(rule.at("field"), f"{rule.kind} rule names field {prop.name!r}, which has no enum", "enum rules apply to a field's enum or its items' enum")
    return definition, holder


def _change_enum(catalog: Catalog, rule: VersionRule, change: Callable[[list[Any], Any, VersionRule], list[Any]]) -> Catalog:
    schema, prop = _field(catalog, rule)
    definition, holder = _enum_holder(prop, rule)
    holder["enum"] = change(list(holder["enum"]), rule.arguments["value"], rule)
    return _with_schema(catalog, _with_property(schema, replace(prop, definition=freeze(definition))))


def _require_value(values: list[Any], value: Any, rule: VersionRule) -> None:
    if value not in values:
        raise RuleProblem(rule.at("value"), f"{rule.kind} rule names value {value!r}, which field {rule.arguments['field']!r} of {rule.arguments['schema']!r} does not have before {rule.version}", did_you_mean(str(value), [str(v) for v in values]) or "known values: " + ", ".join(map(str, values)))


def _enum_add(values: list[Any], value: Any, rule: VersionRule) -> list[Any]:
    if value in values:
        raise RuleProblem(rule.at("value"), f"add_enum_value: field {rule.arguments['field']!r} already has value {value!r} before {rule.version}")
    return [*values, value]


def _enum_remove(values: list[Any], value: Any, rule: VersionRule) -> list[Any]:
    _require_value(values, value, rule)
    return [v for v in values if v != value]


def _enum_rename(values: list[Any], value: Any, rule: VersionRule) -> list[Any]:
    _require_value(values, value, rule)
    new_value = rule.arguments["to"]
    if new_value in values:
        raise RuleProblem(rule.at("to"), f"rename_enum_value: field {rule.arguments['field']!r} already has value {new_value!r}")
    return [new_value if v == value else v for v in values]


def add_webhook(catalog: Catalog, rule: VersionRule) -> Catalog:
    topic: WebhookTopic = rule.arguments["webhook"]
    if catalog.webhook(topic.topic) is not None:
        raise RuleProblem(topic.at("topic"), f"add_webhook: topic {topic.topic!r} already exists before {rule.version}")
    return replace(catalog, webhooks=(*catalog.webhooks, topic))


def remove_webhook(catalog: Catalog, rule: VersionRule) -> Catalog:
    name = rule.arguments["topic"]
    if catalog.webhook(name) is None:
        raise RuleProblem(rule.at("topic"), f"remove_webhook: topic {name!r} does not exist before {rule.version}", did_you_mean(name, [w.topic for w in catalog.webhooks]))
    # Endpoints that fired the removed topic now fire none.
    endpoints = tuple(replace(e, webhook=None) if e.webhook == name else e for e in catalog.endpoints)
    return replace(catalog, webhooks=tuple(w for w in catalog.webhooks if w.topic != name), endpoints=endpoints)


def change_scope_grants(catalog: Catalog, rule: VersionRule) -> Catalog:
    name = rule.arguments["scope"]
    scope = next((s for s in catalog.scopes if s.name == name), None)
    if scope is None:
        raise RuleProblem(rule.at("scope"), f"change_scope_grants: scope {name!r} does not exist before {rule.version}", did_you_mean(name, [s.name for s in catalog.scopes]))
    grants = tuple(rule.arguments["grants"])
    spots = MappingProxyType({**{f"grants[{i}]": rule.at("grants") for i in range(len(grants))}})
    changed = replace(scope, grants=grants, spots=spots)
    return replace(catalog, scopes=tuple(changed if s is scope else s for s in catalog.scopes))


APPLY: Mapping[str, Callable[[Catalog, VersionRule], Catalog]] = MappingProxyType(
    {
        "add_group": add_group,
        "add_endpoint": add_endpoint,
        "remove_endpoint": remove_endpoint,
        "deprecate_endpoint": deprecate_endpoint,
        "change_permission": change_permission,
        "add_parameter": add_parameter,
        "remove_parameter": remove_parameter,
        "rename_parameter": rename_parameter,
        "add_schema": add_schema,
        "add_field": add_field,
        "remove_field": remove_field,
        "rename_field": rename_field,
        "add_enum_value": lambda c, r: _change_enum(c, r, _enum_add),
        "remove_enum_value": lambda c, r: _change_enum(c, r, _enum_remove),
        "rename_enum_value": lambda c, r: _change_enum(c, r, _enum_rename),
        "add_webhook": add_webhook,
        "remove_webhook": remove_webhook,
        "change_scope_grants": change_scope_grants,
    }
)


def apply_rule(catalog: Catalog, rule: VersionRule) -> Catalog:
    return APPLY[rule.kind](catalog, rule)


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
