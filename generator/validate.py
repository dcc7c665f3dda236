"""Validate the loaded catalog and build the frozen base model from it.

Shape problems (a missing key, a wrong type, an unknown value) are found while reading
each document; cross-reference problems (an unknown permission, a duplicate path) are
found by `check_references`, which the resolver also runs on every resolved version.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

from generator.catalog import (
    ApiFacts,
    ApiVersion,
    Catalog,
    Endpoint,
    ErrorStatus,
    Group,
    Parameter,
    Permission,
    Property,
    Region,
    Schema,
    Scope,
    VersionRule,
    WebhookTopic,
    freeze,
    schema_refs,
    version_key,
)
from generator.diagnostics import Collector, Diagnostic, Location, did_you_mean
from generator.load import Document, LoadedCatalog

METHODS = ("GET", "POST", "PUT", "DELETE", "PATCH")
ACCESS = ("read", "write")
PAGINATION = ("none", "cursor", "page", "search")
PARAMETER_LOCATIONS = ("path", "query")
PARAMETER_TYPES = ("string", "integer", "number", "boolean")
JSON_TYPES = ("string", "integer", "number", "boolean", "object", "array", "null")
PROPERTY_KEYS = (
    "type",
    "description",
    "enum",
    "items",
    "$ref",
    "nullable",
    "additionalProperties",
    "oneOf",
    "default",
    "example",
    "format",
)
ENDPOINT_ID = re.compile(r"^[a-z][a-z0-9_]*\.[a-z][a-z0-9_]*$")
VERSION = re.compile(r"^\d+\.\d+$")
PATH_TOKEN = re.compile(r"\{([^{}]*)\}")

# Each rule kind and the keys it takes besides `kind` and `note`.
RULE_KEYS: Mapping[str, tuple[str, ...]] = MappingProxyType(
    {
        "add_group": ("group",),
        "add_endpoint": ("endpoint",),
        "remove_endpoint": ("endpoint",),
        "deprecate_endpoint": ("endpoint",),
        "change_permission": ("endpoint", "permission"),
        "add_parameter": ("endpoint", "parameter"),
        "remove_parameter": ("endpoint", "parameter"),
        "rename_parameter": ("endpoint", "parameter", "to"),
        "add_schema": ("schema",),
        "add_field": ("schema", "field", "definition"),
        "remove_field": ("schema", "field"),
        "rename_field": ("schema", "field", "to"),
        "add_enum_value": ("schema", "field", "value"),
        "remove_enum_value": ("schema", "field", "value"),
        "rename_enum_value": ("schema", "field", "value", "to"),
        "add_webhook": ("webhook",),
        "remove_webhook": ("topic",),
        "change_scope_grants": ("scope", "grants"),
    }
)
RULE_OPTIONAL_KEYS: Mapping[str, tuple[str, ...]] = MappingProxyType(
    {"change_permission": ("permission_note",), "add_field": ("required",)}
)


# Key kinds: how a value is checked and converted.
def _is_str(v: Any) -> bool:
    return isinstance(v, str) and v.strip() != ""


KINDS: Mapping[str, tuple[Callable[[Any], bool], str]] = MappingProxyType(
    {
        "str": (_is_str, "a non-empty string"),
        "str?": (lambda v: v is None or _is_str(v), "a string or null"),
        "text": (lambda v: isinstance(v, str), "a string"),
        "int": (lambda v: isinstance(v, int) and not isinstance(v, bool), "a whole number"),
        "bool": (lambda v: isinstance(v, bool), "true or false"),
        "list": (lambda v: isinstance(v, list), "a list"),
        "map": (lambda v: isinstance(v, Mapping), "a mapping"),
        "strs": (lambda v: isinstance(v, list) and all(_is_str(x) for x in v), "a list of strings"),
        "ints": (
            lambda v: isinstance(v, list)
            and all(isinstance(x, int) and not isinstance(x, bool) for x in v),
            "a list of whole numbers",
        ),
        "version": (lambda v: isinstance(v, str) and bool(VERSION.match(v)), 'a quoted version like "2.15"'),
        "field_path": (
            lambda v: isinstance(v, str) and bool(re.match(r"^[A-Za-z_]\w*(\.[A-Za-z_]\w*)*$", v)),
            "a dotted field path such as pages.next.starting_after",
        ),
        "any": (lambda v: True, "anything"),
    }
)


@dataclass(frozen=True)
class Key:
    kind: str
    required: bool = True
    choices: tuple[str, ...] = ()


class Reader:
    """Reads one document, recording every problem with its position."""

    def __init__(self, document: Document, problems: Collector) -> None:
        self.document = document
        self.problems = problems

    def error(self, location: Location, message: str, hint: str = "") -> None:
        self.problems.error(location, message, hint)

    def here(self, node: Any = None) -> Location:
        lc = getattr(node, "lc", None)
        if lc is None or lc.line is None:
            return Location(self.document.name, 1, 1)
        return Location(self.document.name, lc.line + 1, lc.col + 1)

    def key_at(self, node: Any, key: str) -> Location:
        try:
            line, col = node.lc.key(key)
        except (AttributeError, KeyError, TypeError):
            return self.here(node)
        return Location(self.document.name, line + 1, col + 1)

    def value_at(self, node: Any, key: str) -> Location:
        try:
            line, col = node.lc.value(key)
        except (AttributeError, KeyError, TypeError):
            return self.key_at(node, key)
        return Location(self.document.name, line + 1, col + 1)

    def item_at(self, node: Any, index: int) -> Location:
        try:
            line, col = node.lc.item(index)
        except (AttributeError, KeyError, TypeError, IndexError):
            return self.here(node)
        return Location(self.document.name, line + 1, col + 1)

    def spots(self, node: Any) -> Mapping[str, Location]:
        if not isinstance(node, Mapping):
            return MappingProxyType({})
        return MappingProxyType({str(k): self.value_at(node, k) for k in node})

    def check(self, node: Any, at: Location, what: str, keys: Mapping[str, Key]) -> bool:
        """Check a mapping's keys and value kinds; True when it can be built from."""
        if not isinstance(node, Mapping):
            self.error(at, f"{what} must be a mapping")
            return False
        ok = True
        for name in node:
            if name not in keys:
                hint = did_you_mean(str(name), keys) or "allowed: " + ", ".join(keys)
                self.error(self.key_at(node, name), f"unknown key {name!r} in {what}", hint)
                ok = False
        for name, key in keys.items():
            if name not in node:
                if key.required:
                    self.error(self.here(node), f"{what} is missing required key {name!r}")
                    ok = False
                continue
            value = node[name]
            test, described = KINDS[key.kind]
            if not test(value):
                hint = 'quote it: YAML reads an unquoted 2.10 as the number 2.1' if key.kind == "version" and isinstance(value, float) else ""
                self.error(self.value_at(node, name), f"{name!r} in {what} must be {described}, not {value!r}", hint)
                ok = False
            elif key.choices and value is not None and value not in key.choices:
                hint = did_you_mean(str(value), key.choices) or "one of: " + ", ".join(key.choices)
                self.error(self.value_at(node, name), f"{name!r} in {what} has unknown value {value!r}", hint)
                ok = False
        return ok

    def items(self, node: Any, key: str, what: str) -> Iterator[tuple[Any, Location]]:
        """Each item of a list-valued key, with its position."""
        sequence = node.get(key) if isinstance(node, Mapping) else None
        if sequence is None:
            return
        if not isinstance(sequence, list):
            self.error(self.value_at(node, key), f"{key!r} in {what} must be a list")
            return
        for index, item in enumerate(sequence):
            yield item, self.item_at(sequence, index)


# --- one builder per kind of document -------------------------------------------------

API_KEYS = {
    "name": Key("str"),
    "default_version": Key("version"),
    "version_header": Key("str"),
    "regions": Key("list"),
    "default_region": Key("str"),
    "auth": Key("map"),
    "connections": Key("list"),
    "rate_limits": Key("map"),
    "pagination": Key("map"),
    "request_size": Key("map"),
}
REGION_KEYS = {"id": Key("str"), "title": Key("str"), "base_url": Key("str")}
# The generated pager reads these names, so each kind must say all of them.
PAGINATION_KEYS = {
    "per_page_max": Key("int"),
    "per_page_parameter": Key("str"),
    "cursor": Key("map"),
    "page": Key("map"),
    "search": Key("map"),
}
PAGING_KEYS: Mapping[str, Mapping[str, Key]] = MappingProxyType(
    {
        "cursor": {"request_parameter": Key("str"), "response_field": Key("field_path"), "summary": Key("str")},
        "page": {
            "request_parameter": Key("str"),
            "response_field": Key("field_path"),
            "total_field": Key("field_path"),
            "summary": Key("str"),
        },
        "search": {
            "request_object": Key("str"),
            "request_parameter": Key("str"),
            "response_field": Key("field_path"),
            "summary": Key("str"),
        },
    }
)


def read_api(reader: Reader) -> ApiFacts | None:
    node = reader.document.data
    if not reader.check(node, reader.here(node), "api.yaml", API_KEYS):
        return None
    pagination = node["pagination"]
    if not reader.check(pagination, reader.value_at(node, "pagination"), "pagination", PAGINATION_KEYS):
        return None
    for kind, keys in PAGING_KEYS.items():
        if not reader.check(pagination[kind], reader.value_at(pagination, kind), f"{kind} pagination", keys):
            return None
    regions = []
    for item, at in reader.items(node, "regions", "api.yaml"):
        if reader.check(item, at, "region", REGION_KEYS):
            regions.append(Region(item["id"], item["title"], item["base_url"], where=at))
    facts = {k: node[k] for k in ("auth", "connections", "rate_limits", "pagination", "request_size")}
    return ApiFacts(
        name=node["name"],
        default_version=node["default_version"],
        version_header=node["version_header"],
        default_region=node["default_region"],
        regions=tuple(regions),
        facts=freeze(facts),
        where=reader.here(node),
        spots=reader.spots(node),
    )


def read_permissions(reader: Reader) -> list[Permission]:
    node = reader.document.data
    if not reader.check(node, reader.here(node), "permissions.yaml", {"permissions": Key("list")}):
        return []
    keys = {"name": Key("str"), "access": Key("str", choices=ACCESS), "summary": Key("str")}
    return [
        Permission(item["name"], item["access"], item["summary"], where=at, spots=reader.spots(item))
        for item, at in reader.items(node, "permissions", "permissions.yaml")
        if reader.check(item, at, "permission", keys)
    ]


def read_scopes(reader: Reader) -> list[Scope]:
    node = reader.document.data
    if not reader.check(node, reader.here(node), "scopes.yaml", {"scopes": Key("list")}):
        return []
    keys = {"name": Key("str"), "description": Key("str"), "grants": Key("strs")}
    return [
        Scope(item["name"], item["description"], tuple(item["grants"]), where=at, spots=grant_spots(reader, item))
        for item, at in reader.items(node, "scopes", "scopes.yaml")
        if reader.check(item, at, "scope", keys)
    ]


def grant_spots(reader: Reader, item: Any) -> Mapping[str, Location]:
    """Positions of the scope's keys, plus `grants[i]` for each granted permission."""
    spots = dict(reader.spots(item))
    for index in range(len(item["grants"])):
        spots[f"grants[{index}]"] = reader.item_at(item["grants"], index)
    return MappingProxyType(spots)


WEBHOOK_KEYS = {
    "topic": Key("str"),
    "summary": Key("str"),
    "permission": Key("str"),
    "triggered_by": Key("strs"),
}


def read_webhook(reader: Reader, item: Any, at: Location, since: str) -> WebhookTopic | None:
    if not reader.check(item, at, "webhook topic", WEBHOOK_KEYS):
        return None
    spots = dict(reader.spots(item))
    for index in range(len(item["triggered_by"])):
        spots[f"triggered_by[{index}]"] = reader.item_at(item["triggered_by"], index)
    return WebhookTopic(
        item["topic"],
        item["summary"],
        item["permission"],
        tuple(item["triggered_by"]),
        since,
        where=at,
        spots=MappingProxyType(spots),
    )


def read_webhooks(reader: Reader, base_version: str) -> list[WebhookTopic]:
    node = reader.document.data
    if not reader.check(node, reader.here(node), "webhooks.yaml", {"webhooks": Key("list")}):
        return []
    topics = (read_webhook(reader, item, at, base_version) for item, at in reader.items(node, "webhooks", "webhooks.yaml"))
    return [t for t in topics if t is not None]


ERROR_KEYS = {
    "status": Key("int"),
    "title": Key("str"),
    "codes": Key("strs"),
    "also": Key("ints", required=False),
    "meaning": Key("str"),
    "what_to_do": Key("str"),
    "retryable": Key("bool"),
}


def read_errors(reader: Reader) -> list[ErrorStatus]:
    node = reader.document.data
    if not reader.check(node, reader.here(node), "errors.yaml", {"errors": Key("list")}):
        return []
    return [
        ErrorStatus(
            item["status"],
            item["title"],
            tuple(item["codes"]),
            tuple(item.get("also") or ()),
            item["meaning"],
            item["what_to_do"],
            item["retryable"],
            where=at,
            spots=reader.spots(item),
        )
        for item, at in reader.items(node, "errors", "errors.yaml")
        if reader.check(item, at, "error", ERROR_KEYS)
    ]


GROUP_KEYS = {"id": Key("str"), "title": Key("str"), "summary": Key("str")}
ENDPOINT_KEYS = {
    "id": Key("str"),
    "method": Key("str", choices=METHODS),
    "path": Key("str"),
    "summary": Key("str"),
    "access": Key("str", choices=ACCESS),
    "permission": Key("str?"),
    "permission_note": Key("str", required=False),
    "webhook": Key("str?"),
    "since": Key("version"),
    "pagination": Key("str", choices=PAGINATION),
    "parameters": Key("list", required=False),
    "request": Key("str?"),
    "response": Key("str?"),
    "success_status": Key("int"),
    "rate_limit": Key("str"),
    "deprecated": Key("str", required=False),
    "notes": Key("str", required=False),
}
PARAMETER_KEYS = {
    "name": Key("str"),
    "in": Key("str", choices=PARAMETER_LOCATIONS),
    "type": Key("str", choices=PARAMETER_TYPES),
    "required": Key("bool", required=False),
    "description": Key("str"),
}


def read_group(reader: Reader, node: Any, at: Location) -> Group | None:
    if not reader.check(node, at, "group", GROUP_KEYS):
        return None
    if not re.match(r"^[a-z][a-z0-9_]*$", node["id"]):
        reader.error(reader.value_at(node, "id"), f"group id {node['id']!r} must be snake_case")
        return None
    return Group(node["id"], node["title"], node["summary"], where=at, spots=reader.spots(node))


def read_parameter(reader: Reader, item: Any, at: Location) -> Parameter | None:
    if not reader.check(item, at, "parameter", PARAMETER_KEYS):
        return None
    required = bool(item.get("required", item["in"] == "path"))
    if item["in"] == "path" and not required:
        reader.error(reader.value_at(item, "required"), f"path parameter {item['name']!r} must be required")
    return Parameter(
        item["name"], item["in"], item["type"], required, item["description"], where=at, spots=reader.spots(item)
    )


def read_endpoint(reader: Reader, item: Any, at: Location, since: str | None = None) -> Endpoint | None:
    """One endpoint; `since` is forced for an endpoint added by a version rule."""
    keys = dict(ENDPOINT_KEYS)
    if since is not None:
        keys["since"] = Key("version", required=False)
    if not reader.check(item, at, "endpoint", keys):
        return None
    endpoint_id = item["id"]
    if not 100 <= item["success_status"] <= 599:
        reader.error(reader.value_at(item, "success_status"), f"success_status {item['success_status']} is not an HTTP status", "use a number from 100 to 599, such as 200")
    if not ENDPOINT_ID.match(endpoint_id):
        reader.error(
            reader.value_at(item, "id"),
            f"endpoint id {endpoint_id!r} must be <group>.<action> in snake_case",
            "for example 'contacts.retrieve'",
        )
        return None
    if since is not None and item.get("since", since) != since:
        reader.error(
            reader.value_at(item, "since"),
            f"endpoint {endpoint_id!r} is added in {since} but says since {item['since']!r}",
            "drop 'since': a rule's endpoint exists from the rule's version",
        )
    if item["permission"] is None and "permission_note" not in item:
        reader.error(
            reader.value_at(item, "permission"),
            f"endpoint {endpoint_id!r} has no permission and no permission_note",
            "name a permission, or say in permission_note why none is documented",
        )
    parameters = []
    for parameter_node, parameter_at in reader.items(item, "parameters", f"endpoint {endpoint_id!r}"):
        parameter = read_parameter(reader, parameter_node, parameter_at)
        if parameter is not None:
            parameters.append(parameter)
    return Endpoint(
        id=endpoint_id,
        group=endpoint_id.split(".", 1)[0],
        method=item["method"],
        path=item["path"],
        summary=item["summary"],
        access=item["access"],
        permission=item["permission"],
        permission_note=item.get("permission_note", ""),
        webhook=item["webhook"],
        since=since or item["since"],
        pagination=item["pagination"],
        parameters=tuple(parameters),
        request=item["request"],
        response=item["response"],
        success_status=item["success_status"],
        rate_limit=item["rate_limit"],
        deprecated=item.get("deprecated", ""),
        where=at,
        spots=reader.spots(item),
    )


def read_endpoint_file(reader: Reader) -> tuple[Group | None, list[Endpoint]]:
    node = reader.document.data
    what = reader.document.relative
    if not reader.check(node, reader.here(node), what, {"group": Key("map"), "endpoints": Key("list")}):
        return None, []
    group = read_group(reader, node["group"], reader.value_at(node, "group"))
    endpoints = []
    for item, at in reader.items(node, "endpoints", what):
        endpoint = read_endpoint(reader, item, at)
        if endpoint is None:
            continue
        if group is not None and endpoint.group != group.id:
            reader.error(
                reader.value_at(item, "id"),
                f"endpoint {endpoint.id!r} is in the file of group {group.id!r}",
                f"start its id with '{group.id}.' or move it to endpoints/{endpoint.group}.yaml",
            )
        endpoints.append(endpoint)
    return group, endpoints


SCHEMA_KEYS = {
    "name": Key("str"),
    "description": Key("str"),
    "type": Key("str", choices=("object",)),
    "properties": Key("map", required=False),
    "required": Key("strs", required=False),
    "additionalProperties": Key("bool", required=False),
}


def check_property(reader: Reader, node: Any, at: Location, what: str) -> bool:
    """A JSON Schema property, in the subset the catalog allows."""
    if not isinstance(node, Mapping):
        reader.error(at, f"{what} must be a mapping")
        return False
    ok = True
    for key in node:
        if key not in PROPERTY_KEYS:
            hint = did_you_mean(str(key), PROPERTY_KEYS) or "allowed: " + ", ".join(PROPERTY_KEYS)
            reader.error(reader.key_at(node, key), f"unknown key {key!r} in {what}", hint)
            ok = False
    if node.get("format") not in (None, "date-time", "date"):
        reader.error(
            reader.value_at(node, "format"),
            f"format {node['format']!r} is not allowed in {what}",
            "declare a plain string: Intercom sends relative URLs such as /contacts/1/tags",
        )
        ok = False
    declared = node.get("type")
    types = declared if isinstance(declared, list) else [declared] if declared is not None else []
    for name in types:
        if name not in JSON_TYPES:
            reader.error(reader.value_at(node, "type"), f"unknown type {name!r} in {what}", did_you_mean(str(name), JSON_TYPES))
            ok = False
    if not types and "$ref" not in node and "oneOf" not in node:
        reader.error(at, f"{what} needs a 'type', a '$ref' or a 'oneOf'")
        ok = False
    if "$ref" in node and not _is_str(node["$ref"]):
        reader.error(reader.value_at(node, "$ref"), f"'$ref' in {what} must name a schema")
        ok = False
    if "enum" in node:
        values = node["enum"]
        if not isinstance(values, list):
            reader.error(reader.value_at(node, "enum"), f"'enum' in {what} must be a list")
            ok = False
        else:
            repeated = sorted({str(v) for v in values if values.count(v) > 1})
            if repeated:
                reader.error(reader.value_at(node, "enum"), f"'enum' in {what} repeats {', '.join(repeated)}", "list each value once")
                ok = False
    if "nullable" in node and not isinstance(node["nullable"], bool):
        reader.error(reader.value_at(node, "nullable"), f"'nullable' in {what} must be true or false")
        ok = False
    for choice, choice_at in reader.items(node, "oneOf", what):
        if not (isinstance(choice, Mapping) and set(choice) <= {"$ref", "description"} and "$ref" in choice):
            reader.error(choice_at, f"each oneOf choice of {what} must be a $ref to a named schema")
            ok = False
    if "items" in node:
        ok = check_property(reader, node["items"], reader.value_at(node, "items"), f"items of {what}") and ok
    if isinstance(node.get("properties"), Mapping):
        reader.error(reader.key_at(node, "properties"), f"{what} is an inline object", "give it a name: move it to its own schema and use $ref")
        ok = False
    return ok


def read_schema(reader: Reader, node: Any, at: Location, expected_name: str | None) -> Schema | None:
    what = "schema"
    if not reader.check(node, at, what, SCHEMA_KEYS):
        return None
    name = node["name"]
    if expected_name is not None and name != expected_name:
        reader.error(reader.value_at(node, "name"), f"schema {name!r} is in {expected_name}.yaml", f"rename the file to {name}.yaml or the schema to {expected_name!r}")
    properties = []
    for field_name, definition in (node.get("properties") or {}).items():
        field_at = reader.key_at(node["properties"], field_name)
        if check_property(reader, definition, field_at, f"field {field_name!r} of schema {name!r}"):
            properties.append(Property(str(field_name), freeze(definition), where=field_at, spots=reader.spots(definition)))
    required = tuple(node.get("required") or ())
    declared = {p.name for p in properties}
    for index, field_name in enumerate(required):
        if field_name not in (node.get("properties") or {}):
            reader.error(reader.item_at(node["required"], index), f"required field {field_name!r} is not a field of schema {name!r}", did_you_mean(field_name, declared))
    return Schema(
        name,
        node["description"],
        tuple(properties),
        required,
        bool(node.get("additionalProperties", True)),
        where=at,
        spots=reader.spots(node),
    )


VERSION_KEYS = {"version": Key("version"), "summary": Key("str"), "rules": Key("list")}


def read_rule(reader: Reader, item: Any, at: Location, version: str) -> VersionRule | None:
    if not isinstance(item, Mapping) or "kind" not in item:
        reader.error(at, "a rule needs a 'kind'", "one of: " + ", ".join(RULE_KEYS))
        return None
    kind = item["kind"]
    if kind not in RULE_KEYS:
        hint = did_you_mean(str(kind), RULE_KEYS) or "one of: " + ", ".join(RULE_KEYS)
        reader.error(reader.value_at(item, "kind"), f"unknown rule kind {kind!r}", hint)
        return None
    keys = {"kind": Key("str"), "note": Key("str", required=False)}
    keys.update({name: Key("any") for name in RULE_KEYS[kind]})
    keys.update({name: Key("any", required=False) for name in RULE_OPTIONAL_KEYS.get(kind, ())})
    if not reader.check(item, at, f"{kind} rule", keys):
        return None
    arguments: dict[str, Any] = {}
    spots = dict(reader.spots(item))
    ok = True
    for name in RULE_KEYS[kind]:
        value = item[name]
        value_at = reader.value_at(item, name)
        if kind == "add_endpoint" and name == "endpoint":
            value = read_endpoint(reader, value, value_at, since=version)
        elif kind == "add_group" and name == "group":
            value = read_group(reader, value, value_at)
        elif kind == "add_schema" and name == "schema":
            value = read_schema(reader, value, value_at, None)
        elif kind == "add_webhook" and name == "webhook":
            value = read_webhook(reader, value, value_at, version)
        elif kind == "add_parameter" and name == "parameter":
            value = read_parameter(reader, value, value_at)
        elif kind == "add_field" and name == "definition":
            value = freeze(value) if check_property(reader, value, value_at, "field definition") else None
        elif kind == "change_permission" and name == "permission":
            if not (value is None or _is_str(value)):
                reader.error(value_at, "'permission' must be a permission name or null")
                value = None
                ok = False
            elif value is None and "permission_note" not in item:
                reader.error(value_at, "a null permission needs a permission_note", "say why no permission is documented")
                ok = False
        elif kind == "change_scope_grants" and name == "grants":
            if not KINDS["strs"][0](value):
                reader.error(value_at, "'grants' must be a list of permission names")
                ok = False
            value = freeze(value)
        elif kind in ("add_enum_value", "remove_enum_value", "rename_enum_value") and name in ("value", "to"):
            if isinstance(value, bool) or not isinstance(value, (str, int)):
                reader.error(value_at, f"{name!r} must be a string or a number")
                ok = False
        elif not _is_str(value):
            reader.error(value_at, f"{name!r} in a {kind} rule must be a non-empty string")
            ok = False
        if value is None and kind not in ("change_permission",):
            ok = False
        arguments[name] = value
    if "permission_note" in item:
        arguments["permission_note"] = item["permission_note"]
    if kind == "add_field" and "required" in item:
        if not isinstance(item["required"], bool):
            reader.error(reader.value_at(item, "required"), "'required' must be true or false")
            return None
        arguments["required"] = item["required"]
    if not ok:
        return None
    return VersionRule(kind, version, MappingProxyType(arguments), item.get("note", ""), where=at, spots=MappingProxyType(spots))


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


# --- cross-references -------------------------------------------------------------------


def duplicates(items: list[tuple[str, Location]], what: str) -> Iterator[Diagnostic]:
    counts = Counter(name for name, _ in items)
    first: dict[str, Location] = {}
    for name, at in items:
        if counts[name] > 1:
            if name in first:
                yield Diagnostic(at, f"duplicate {what} {name!r}", f"first declared at {first[name]}")
            else:
                first[name] = at


def check_references(catalog: Catalog) -> list[Diagnostic]:
    """Every cross-reference problem in one catalog (base or resolved)."""
    found: list[Diagnostic] = []
    add = found.append
    permissions = {p.name: p for p in catalog.permissions}
    groups = {g.id for g in catalog.groups}
    topics = {w.topic: w for w in catalog.webhooks}
    schemas = {s.name for s in catalog.schemas}
    endpoint_ids = {e.id for e in catalog.endpoints}
    supported = catalog.supported_versions

    found += duplicates([(p.name, p.where) for p in catalog.permissions], "permission")
    found += duplicates([(s.name, s.where) for s in catalog.scopes], "scope")
    found += duplicates([(w.topic, w.where) for w in catalog.webhooks], "webhook topic")
    found += duplicates([(g.id, g.where) for g in catalog.groups], "group id")
    found += duplicates([(s.name, s.where) for s in catalog.schemas], "schema")
    found += duplicates([(e.id, e.at("id")) for e in catalog.endpoints], "endpoint id")
    found += duplicates([(f"{e.method} {e.path}", e.at("path")) for e in catalog.endpoints], "method and path")
    found += duplicates([(str(e.status), e.where) for e in catalog.errors], "error status")

    if catalog.api.default_version not in supported:
        add(Diagnostic(catalog.api.at("default_version"), f"default version {catalog.api.default_version!r} has no versions/{catalog.api.default_version}.yaml", "supported: " + ", ".join(supported)))
    if catalog.api.default_region not in {r.id for r in catalog.api.regions}:
        add(Diagnostic(catalog.api.at("default_region"), f"default region {catalog.api.default_region!r} is not a declared region", did_you_mean(catalog.api.default_region, [r.id for r in catalog.api.regions])))

    for endpoint in catalog.endpoints:
        name = f"endpoint {endpoint.id!r}"
        if endpoint.group not in groups:
            add(Diagnostic(endpoint.at("id"), f"{name} names unknown group {endpoint.group!r}", did_you_mean(endpoint.group, groups) or "add the group first"))
        if endpoint.permission is not None:
            permission = permissions.get(endpoint.permission)
            if permission is None:
                add(Diagnostic(endpoint.at("permission"), f"unknown permission {endpoint.permission!r}", did_you_mean(endpoint.permission, permissions)))
            elif permission.access != endpoint.access:
                add(Diagnostic(endpoint.at("access"), f"{name} has access {endpoint.access!r} but its permission {permission.name!r} is {permission.access!r}", "make them agree"))
        if endpoint.webhook is not None:
            topic = topics.get(endpoint.webhook)
            if topic is None:
                add(Diagnostic(endpoint.at("webhook"), f"unknown webhook topic {endpoint.webhook!r}", did_you_mean(endpoint.webhook, topics)))
            elif endpoint.id not in topic.triggered_by:
                add(Diagnostic(endpoint.at("webhook"), f"{name} fires {topic.topic!r}, but that topic's triggered_by does not list it", f"add {endpoint.id!r} to triggered_by at {topic.where}"))
        for key in ("request", "response"):
            ref = getattr(endpoint, key)
            if ref is not None and ref not in schemas:
                add(Diagnostic(endpoint.at(key), f"{name} names unknown {key} schema {ref!r}", did_you_mean(ref, schemas) or f"add catalog/schemas/{ref}.yaml"))
        if endpoint.since not in supported:
            add(Diagnostic(endpoint.at("since"), f"{name} says since {endpoint.since!r}, which is not a supported version", "supported: " + ", ".join(supported)))
        tokens = PATH_TOKEN.findall(endpoint.path)
        declared = [p for p in endpoint.parameters if p.location == "path"]
        for token in tokens:
            if token not in {p.name for p in declared}:
                add(Diagnostic(endpoint.at("path"), f"path parameter {{{token}}} of {name} is not declared", f"add a parameter named {token!r} with in: path"))
        for parameter in declared:
            if parameter.name not in tokens:
                add(Diagnostic(parameter.where, f"path parameter {parameter.name!r} of {name} does not appear in its path {endpoint.path!r}", did_you_mean(parameter.name, tokens) or "remove it or use in: query"))
        found += duplicates([(p.name, p.where) for p in endpoint.parameters], f"parameter of {name}:")
        if not endpoint.path.startswith("/"):
            add(Diagnostic(endpoint.at("path"), f"path of {name} must start with '/'"))

    for scope in catalog.scopes:
        found += duplicates([(g, scope.at(f"grants[{i}]")) for i, g in enumerate(scope.grants)], f"grant in scope {scope.name!r}:")
        for index, grant in enumerate(scope.grants):
            if grant not in permissions:
                add(Diagnostic(scope.at(f"grants[{index}]"), f"scope {scope.name!r} grants unknown permission {grant!r}", did_you_mean(grant, permissions)))

    for topic in catalog.webhooks:
        if topic.permission not in permissions:
            add(Diagnostic(topic.at("permission"), f"webhook topic {topic.topic!r} needs unknown permission {topic.permission!r}", did_you_mean(topic.permission, permissions)))
        for index, endpoint_id in enumerate(topic.triggered_by):
            if endpoint_id not in endpoint_ids:
                add(Diagnostic(topic.at(f"triggered_by[{index}]"), f"webhook topic {topic.topic!r} is triggered by unknown endpoint {endpoint_id!r}", did_you_mean(endpoint_id, endpoint_ids)))

    for schema in catalog.schemas:
        for prop in schema.properties:
            for ref in schema_refs(prop.definition):
                if ref not in schemas:
                    add(Diagnostic(prop.spots.get("$ref", prop.where), f"field {prop.name!r} of schema {schema.name!r} refers to unknown schema {ref!r}", did_you_mean(ref, schemas) or f"add catalog/schemas/{ref}.yaml"))
    return found


# --- the whole catalog ------------------------------------------------------------------

SINGLE_FILES = ("api.yaml", "permissions.yaml", "scopes.yaml", "webhooks.yaml", "errors.yaml")
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
        if (len(top) == 1 and document.relative not in SINGLE_FILES) or (len(top) == 2 and top[0] not in FOLDERS):
            problems.error(Location(document.name), f"unexpected catalog file {document.relative}", "allowed: " + ", ".join(SINGLE_FILES + tuple(f + "/*.yaml" for f in FOLDERS)))

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
