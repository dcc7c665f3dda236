"""Rule kinds about schemas, their fields and their fields' enum values."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from types import MappingProxyType
from typing import Any

from ..catalog import Catalog, Property, Schema, VersionRule, enum_holder, freeze, schema_refs, thaw
from ..diagnostics import did_you_mean
from . import arguments as read
from .kind import RuleKind, RuleProblem, subject_name
from .lookups import field_named, schema_named, with_field, with_schema


def add_schema(catalog: Catalog, rule: VersionRule) -> Catalog:
    schema: Schema = rule.arguments["schema"]
    if catalog.schema(schema.name) is not None:
        raise RuleProblem(rule.at("schema"), f"add_schema: schema {schema.name!r} already exists before {rule.version}")
    return replace(catalog, schemas=(*catalog.schemas, schema))


def remove_schema(catalog: Catalog, rule: VersionRule) -> Catalog:
    removed = schema_named(catalog, rule)
    users = [f"endpoint {e.id!r} ({key})" for e in catalog.endpoints for key in ("request", "response") if getattr(e, key) == removed.name]
    users += [f"field {p.name!r} of {s.name!r}" for s in catalog.schemas if s is not removed for p in s.properties if removed.name in schema_refs(p.definition)]
    if users:
        raise RuleProblem(rule.at("schema"), f"remove_schema: schema {removed.name!r} is still used by {', '.join(users)}", "change or remove what uses it first, with rules above this one")
    return replace(catalog, schemas=tuple(s for s in catalog.schemas if s is not removed))


def change_description(catalog: Catalog, rule: VersionRule) -> Catalog:
    text = rule.arguments["description"]
    if "field" not in rule.arguments:
        schema = schema_named(catalog, rule)
        if schema.description == text:
            raise RuleProblem(rule.at("description"), f"change_description: schema {schema.name!r} already says this before {rule.version}")
        return with_schema(catalog, replace(schema, description=text, spots=MappingProxyType({**schema.spots, "description": rule.at("description")})))
    schema, prop = field_named(catalog, rule)
    if prop.definition.get("description") == text:
        raise RuleProblem(rule.at("description"), f"change_description: field {prop.name!r} of {schema.name!r} already says this before {rule.version}")
    definition = freeze({**thaw(prop.definition), "description": text})
    spots = MappingProxyType({**prop.spots, "description": rule.at("description")})
    return with_schema(catalog, with_field(schema, replace(prop, definition=definition, spots=spots)))


def add_field(catalog: Catalog, rule: VersionRule) -> Catalog:
    schema = schema_named(catalog, rule)
    name = rule.arguments["field"]
    if schema.property(name) is not None:
        raise RuleProblem(rule.at("field"), f"add_field: schema {schema.name!r} already has field {name!r} before {rule.version}")
    added = Property(name, rule.arguments["definition"], where=rule.at("definition"))
    required = (*schema.required, name) if rule.arguments.get("required") else schema.required
    return with_schema(catalog, replace(schema, properties=(*schema.properties, added), required=required))


def remove_field(catalog: Catalog, rule: VersionRule) -> Catalog:
    schema, removed = field_named(catalog, rule)
    return with_schema(
        catalog,
        replace(
            schema,
            properties=tuple(p for p in schema.properties if p is not removed),
            required=tuple(r for r in schema.required if r != removed.name),
            always_sent=MappingProxyType({k: v for k, v in schema.always_sent.items() if k != removed.name}),
        ),
    )


def change_field(catalog: Catalog, rule: VersionRule) -> Catalog:
    schema, prop = field_named(catalog, rule)
    before = thaw(prop.definition)
    definition = dict(before)
    for key in rule.arguments.get("unset", ()):
        if key not in definition:
            raise RuleProblem(rule.at("unset"), f"change_field: field {prop.name!r} of {schema.name!r} has no {key!r} to unset before {rule.version}")
        del definition[key]
    definition.update(thaw(rule.arguments.get("set", {})))
    if not {"type", "$ref", "oneOf"} & definition.keys():
        raise RuleProblem(rule.at("unset") if "unset" in rule.arguments else rule.where, f"change_field: field {prop.name!r} of {schema.name!r} would have no 'type', '$ref' or 'oneOf'", "set the new type in the same rule")
    required = schema.required
    if rule.arguments.get("required") is True and prop.name not in required:
        required = (*required, prop.name)
    elif rule.arguments.get("required") is False:
        required = tuple(r for r in required if r != prop.name)
    if definition == before and required == schema.required:
        raise RuleProblem(rule.where, f"change_field rule changes nothing in field {prop.name!r} of {schema.name!r} before {rule.version}", "give `set`, `unset` or `required` with what changes")
    spots = MappingProxyType({**prop.spots, **{key: rule.at("set") for key in rule.arguments.get("set", {})}})
    changed = replace(prop, definition=freeze(definition), spots=spots)
    return with_schema(catalog, replace(with_field(schema, changed), required=required))


def remove_enum(catalog: Catalog, rule: VersionRule) -> Catalog:
    schema, prop = field_named(catalog, rule)
    definition, holder = _enum_holder(prop, rule)
    del holder["enum"]
    return with_schema(catalog, with_field(schema, replace(prop, definition=freeze(definition))))


def rename_field(catalog: Catalog, rule: VersionRule) -> Catalog:
    schema, old = field_named(catalog, rule)
    new_name = rule.arguments["to"]
    if schema.property(new_name) is not None:
        raise RuleProblem(rule.at("to"), f"rename_field: schema {schema.name!r} already has a field {new_name!r}")
    renamed = replace(old, name=new_name)
    return with_schema(
        catalog,
        replace(
            schema,
            properties=tuple(renamed if p is old else p for p in schema.properties),
            required=tuple(new_name if r == old.name else r for r in schema.required),
            always_sent=MappingProxyType({(new_name if k == old.name else k): v for k, v in schema.always_sent.items()}),
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
    schema, prop = field_named(catalog, rule)
    definition, holder = _enum_holder(prop, rule)
    holder["enum"] = change(list(holder["enum"]), rule.arguments["value"], rule)
    return with_schema(catalog, with_field(schema, replace(prop, definition=freeze(definition))))


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


KINDS = (
    RuleKind(
        "add_schema",
        "A new schema, defined as in schemas/*.yaml.",
        {"schema": read.schema_definition},
        add_schema,
        lambda a: ((subject_name(a["schema"], "name"),),),
    ),
    RuleKind(
        "remove_schema",
        "A schema the version no longer has; nothing may still refer to it.",
        {"schema": read.name},
        remove_schema,
        lambda a: ((a["schema"],),),
    ),
    RuleKind(
        "change_description",
        "New wording for a schema's description, or a field's with `field`: documentation only.",
        {"schema": read.name, "description": read.prose},
        change_description,
        lambda a: ((a["schema"], a["field"]),) if "field" in a else ((a["schema"],),),
        optional={"field": read.name},
    ),
    RuleKind(
        "add_field",
        "A new field of a schema (`required: true` to require it in requests).",
        {"schema": read.name, "field": read.name, "definition": read.field_definition},
        add_field,
        lambda a: ((a["schema"], a["field"]),),
        optional={"required": read.flag},
    ),
    RuleKind(
        "remove_field",
        "A field a schema no longer has.",
        {"schema": read.name, "field": read.name},
        remove_field,
        lambda a: ((a["schema"], a["field"]),),
    ),
    RuleKind(
        "change_field",
        "A field that stays, changed: definition keys to `set` (type, nullable, format, description, ...) and to `unset`, and `required` (true or false) in requests.",
        {"schema": read.name, "field": read.name},
        change_field,
        lambda a: ((a["schema"], a["field"]),),
        optional={"set": read.field_changes, "unset": read.field_keys, "required": read.flag},
    ),
    RuleKind(
        "rename_field",
        "A field under a new name.",
        {"schema": read.name, "field": read.name, "to": read.name},
        rename_field,
        lambda a: ((a["schema"], a["field"]), (a["schema"], a["to"])),
        renamed_from="field",
    ),
    RuleKind(
        "add_enum_value",
        "A value a field's enum (or its items' enum) allows from this version.",
        {"schema": read.name, "field": read.name, "value": read.enum_value},
        lambda c, r: _change_enum(c, r, _enum_add),
        lambda a: ((a["schema"], a["field"], str(a["value"])),),
    ),
    RuleKind(
        "remove_enum_value",
        "A value a field's enum no longer allows.",
        {"schema": read.name, "field": read.name, "value": read.enum_value},
        lambda c, r: _change_enum(c, r, _enum_remove),
        lambda a: ((a["schema"], a["field"], str(a["value"])),),
    ),
    RuleKind(
        "remove_enum",
        "A field that no longer restricts its values: its enum (or its items' enum) goes.",
        {"schema": read.name, "field": read.name},
        remove_enum,
        lambda a: ((a["schema"], a["field"]),),
    ),
    RuleKind(
        "rename_enum_value",
        "An enum value under a new spelling.",
        {"schema": read.name, "field": read.name, "value": read.enum_value, "to": read.enum_value},
        lambda c, r: _change_enum(c, r, _enum_rename),
        lambda a: ((a["schema"], a["field"], str(a["value"])), (a["schema"], a["field"], str(a["to"]))),
        renamed_from="value",
    ),
)
