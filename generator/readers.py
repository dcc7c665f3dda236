"""One reader per kind of catalog document (api.yaml, permissions, scopes, webhooks,
errors, an endpoints file, a schema): shape problems are found while reading, each
with its position; what reads cleanly becomes the frozen model."""

from __future__ import annotations

import re
from collections.abc import Mapping
from types import MappingProxyType
from typing import Any

from .catalog import (
    ApiFacts,
    Endpoint,
    ErrorStatus,
    Group,
    Parameter,
    Permission,
    Property,
    Region,
    Schema,
    Scope,
    WebhookTopic,
    freeze,
)
from .diagnostics import Location, did_you_mean
from .reader import Key, Reader, is_text
from .text import one_line

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
PATH_TOKEN = re.compile(r"\{([^{}]*)\}")


API_KEYS = {
    "name": Key("str"),
    "default_version": Key("version"),
    "version_header": Key("header"),
    "regions": Key("list"),
    "default_region": Key("snake_id"),
    "auth": Key("map"),
    "connections": Key("list"),
    "rate_limits": Key("map"),
    "pagination": Key("map"),
    "request_size": Key("map"),
    "webhook_delivery": Key("map"),
    "universal_search": Key("list"),
}
REGION_KEYS = {"id": Key("snake_id"), "title": Key("str"), "base_url": Key("https_url")}
AUTH_KEYS = {
    "scheme": Key("str", choices=("Bearer",)),
    "header": Key("header"),
    "token_env": Key("env_name"),
    "refresh_tokens": Key("bool"),
    "methods": Key("list"),
    "oauth": Key("map"),
}
# Intercom's OAuth endpoints: what an OAuth client (and the OpenAPI export) needs.
OAUTH_KEYS = {"authorization_url": Key("https_url"), "token_url": Key("https_url")}
AUTH_METHOD_KEYS = {"id": Key("snake_id"), "title": Key("str"), "summary": Key("str")}
CONNECTION_KEYS = {"id": Key("snake_id"), "title": Key("str"), "summary": Key("str"), "url": Key("https_url", required=False)}
RATE_LIMIT_KEYS = {
    "per_app_per_minute": Key("positive_int"),
    "per_workspace_per_minute": Key("positive_int"),
    "window_seconds": Key("positive_int"),
    "status": Key("int"),
    "headers": Key("map"),
    "summary": Key("str"),
}
RATE_LIMIT_HEADER_KEYS = {"limit": Key("header"), "remaining": Key("header"), "reset": Key("header")}
REQUEST_SIZE_KEYS = {
    "max_records_per_page": Key("positive_int"),
    "data_events_listable_days": Key("positive_int"),
    "data_event_submit_status": Key("int"),
    "summary": Key("str"),
}
UNIVERSAL_SEARCH_KEYS = {
    "kind": Key("snake_id"),
    "search": Key("str"),
    "fields": Key("strs"),
    "retrieve": Key("str"),
    "title": Key("strs"),
}
WEBHOOK_DELIVERY_KEYS = {"signature_header": Key("header"), "summary": Key("str")}
# The generated pager reads these names, so each kind must say all of them.
PAGINATION_KEYS = {
    "per_page_max": Key("positive_int"),
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


def _check_facts(reader: Reader, node: Any) -> bool:
    """Every API fact a view reads, checked for shape and value, each problem located."""
    auth, limits = node["auth"], node["rate_limits"]
    ok = reader.check(auth, reader.value_at(node, "auth"), "auth", AUTH_KEYS)
    ok = ok and reader.check(auth["oauth"], reader.value_at(auth, "oauth"), "auth oauth", OAUTH_KEYS)
    for item, at in reader.items(auth, "methods", "auth") if ok else ():
        ok = reader.check(item, at, "auth method", AUTH_METHOD_KEYS) and ok
    for item, at in reader.items(node, "connections", "api.yaml"):
        ok = reader.check(item, at, "connection", CONNECTION_KEYS) and ok
    for item, at in reader.items(node, "universal_search", "api.yaml"):
        ok = reader.check(item, at, "universal search source", UNIVERSAL_SEARCH_KEYS) and ok
    if reader.check(limits, reader.value_at(node, "rate_limits"), "rate_limits", RATE_LIMIT_KEYS):
        ok = reader.check(limits["headers"], reader.value_at(limits, "headers"), "rate limit headers", RATE_LIMIT_HEADER_KEYS) and ok
    else:
        ok = False
    ok = reader.check(node["request_size"], reader.value_at(node, "request_size"), "request_size", REQUEST_SIZE_KEYS) and ok
    delivery_at = reader.value_at(node, "webhook_delivery")
    return reader.check(node["webhook_delivery"], delivery_at, "webhook_delivery", WEBHOOK_DELIVERY_KEYS) and ok


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
    if not _check_facts(reader, node):
        return None
    regions = []
    for item, at in reader.items(node, "regions", "api.yaml"):
        if reader.check(item, at, "region", REGION_KEYS):
            regions.append(Region(item["id"], item["title"], item["base_url"], where=at))
    facts = {k: node[k] for k in ("auth", "connections", "rate_limits", "pagination", "request_size", "webhook_delivery", "universal_search")}
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
    # The endpoints that can answer with the status; left out, any endpoint can.
    "endpoints": Key("strs", required=False),
}


def read_error(reader: Reader, item: Any, at: Location) -> ErrorStatus | None:
    if not reader.check(item, at, "error", ERROR_KEYS):
        return None
    if not 400 <= item["status"] <= 599:
        reader.error(reader.value_at(item, "status"), f"error status {item['status']} is not an HTTP error status", "use a number from 400 to 599")
        return None
    spots = dict(reader.spots(item))
    for index in range(len(item.get("endpoints") or ())):
        spots[f"endpoints[{index}]"] = reader.item_at(item["endpoints"], index)
    return ErrorStatus(
        item["status"],
        item["title"],
        tuple(item["codes"]),
        tuple(item.get("also") or ()),
        item["meaning"],
        item["what_to_do"],
        item["retryable"],
        tuple(item.get("endpoints") or ()),
        where=at,
        spots=MappingProxyType(spots),
    )


def read_errors(reader: Reader) -> list[ErrorStatus]:
    node = reader.document.data
    if not reader.check(node, reader.here(node), "errors.yaml", {"errors": Key("list")}):
        return []
    errors = (read_error(reader, item, at) for item, at in reader.items(node, "errors", "errors.yaml"))
    return [e for e in errors if e is not None]


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
    "response_array": Key("bool", required=False),
    # Deletes or archives what it acts on: MCP's destructiveHint, never guessed from the method.
    "destructive": Key("bool", required=False),
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
        response_array=item.get("response_array", False),
        destructive=item.get("destructive", False),
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
    "always_sent": Key("map", required=False),
    "additionalProperties": Key("bool", required=False),
}


def _is_json(value: Any) -> bool:
    """Whether a value is JSON data: YAML also has dates, timestamps and binary."""
    if value is None or isinstance(value, (str, bool, int, float)):
        return True
    if isinstance(value, list):
        return all(_is_json(v) for v in value)
    if isinstance(value, Mapping):
        return all(isinstance(k, str) and _is_json(v) for k, v in value.items())
    return False


def check_property(reader: Reader, node: Any, at: Location, what: str, partial: bool = False) -> bool:
    """A JSON Schema property, in the subset the catalog allows; `partial` for the keys a
    rule changes, which need not say the property's type."""
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
    if not partial and not types and "$ref" not in node and "oneOf" not in node:
        reader.error(at, f"{what} needs a 'type', a '$ref' or a 'oneOf'")
        ok = False
    if "$ref" in node and not is_text(node["$ref"]):
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
    if "oneOf" in node and not isinstance(node["oneOf"], list):
        ok = False  # reader.items below reports it; the field must not be kept
    for choice, choice_at in reader.items(node, "oneOf", what):
        if not (isinstance(choice, Mapping) and set(choice) <= {"$ref", "description"} and "$ref" in choice):
            reader.error(choice_at, f"each oneOf choice of {what} must be a $ref to a named schema")
            ok = False
    if "description" in node and not isinstance(node["description"], str):
        reader.error(reader.value_at(node, "description"), f"'description' in {what} must be text", "quote it")
        ok = False
    extra = node.get("additionalProperties", True)
    if not isinstance(extra, (bool, Mapping)):
        reader.error(reader.value_at(node, "additionalProperties"), f"'additionalProperties' in {what} must be true, false or a schema")
        ok = False
    for key in ("enum", "default", "example"):
        if key in node and not _is_json(node[key]):
            reader.error(
                reader.value_at(node, key),
                f"'{key}' in {what} holds a value JSON cannot carry (a date, a timestamp, binary data)",
                "quote dates and times: YAML reads an unquoted 2024-01-31 as a date",
            )
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
    always_sent: dict[str, str] = {}
    for field_name, reason in (node.get("always_sent") or {}).items():
        if field_name not in declared:
            reader.error(reader.key_at(node["always_sent"], field_name), f"always_sent field {field_name!r} is not a field of schema {name!r}", did_you_mean(str(field_name), declared))
        elif not is_text(reason):
            reader.error(reader.value_at(node["always_sent"], field_name), f"always_sent field {field_name!r} of schema {name!r} needs the reason Intercom always sends it", "for example: every example response in Intercom's descriptions carries it")
        else:
            always_sent[str(field_name)] = one_line(reason)
    return Schema(
        name,
        node["description"],
        tuple(properties),
        required,
        bool(node.get("additionalProperties", True)),
        always_sent=MappingProxyType({p.name: always_sent[p.name] for p in properties if p.name in always_sent}),
        where=at,
        spots=reader.spots(node),
    )
