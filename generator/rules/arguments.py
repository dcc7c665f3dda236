"""How a rule's argument is read and checked: one reader per kind of value. Each returns
the value as the model holds it, or INVALID after recording the problem."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..catalog import freeze
from ..diagnostics import did_you_mean
from ..reader import KINDS, Key, is_text
from ..readers import (
    ENDPOINT_KEYS,
    ERROR_KEYS,
    PARAMETER_KEYS,
    PROPERTY_KEYS,
    check_property,
    read_endpoint,
    read_error,
    read_group,
    read_parameter,
    read_schema,
    read_webhook,
)
from .kind import INVALID, Ask

# What a change_* rule may set, each key read as in the catalog file it comes from.
ENDPOINT_CHANGES = ("method", "path", "summary", "request", "response", "response_array", "success_status", "pagination", "rate_limit")
PARAMETER_CHANGES = ("in", "type", "required", "description")
ERROR_CHANGES = ("title", "codes", "also", "meaning", "what_to_do", "retryable", "endpoints")


def name(ask: Ask) -> Any:
    """The name of something the catalog has: an endpoint id, a schema, a field, ..."""
    if not is_text(ask.value):
        return ask.reject(f"{ask.key!r} in a {ask.kind} rule must be a non-empty string")
    return ask.value


def _built(value: Any) -> Any:
    return INVALID if value is None else value


def endpoint_definition(ask: Ask) -> Any:
    return _built(read_endpoint(ask.reader, ask.value, ask.at, since=ask.version))


def group_definition(ask: Ask) -> Any:
    return _built(read_group(ask.reader, ask.value, ask.at))


def schema_definition(ask: Ask) -> Any:
    return _built(read_schema(ask.reader, ask.value, ask.at, None))


def webhook_definition(ask: Ask) -> Any:
    return _built(read_webhook(ask.reader, ask.value, ask.at, ask.version))


def parameter_definition(ask: Ask) -> Any:
    return _built(read_parameter(ask.reader, ask.value, ask.at))


def field_definition(ask: Ask) -> Any:
    return freeze(ask.value) if check_property(ask.reader, ask.value, ask.at, "field definition") else INVALID


def permission_or_null(ask: Ask) -> Any:
    if not (ask.value is None or is_text(ask.value)):
        return ask.reject("'permission' must be a permission name or null")
    if ask.value is None and "permission_note" not in ask.rule:
        return ask.reject("a null permission needs a permission_note", "say why no permission is documented")
    return ask.value


def permission_names(ask: Ask) -> Any:
    if not KINDS["strs"][0](ask.value):
        return ask.reject(f"{ask.key!r} must be a list of permission names")
    return freeze(ask.value)


def enum_value(ask: Ask) -> Any:
    if isinstance(ask.value, bool) or not isinstance(ask.value, (str, int)):
        return ask.reject(f"{ask.key!r} must be a string or a number")
    return ask.value


def text(ask: Ask) -> Any:
    if not isinstance(ask.value, str):
        return ask.reject(f"{ask.key!r} in a {ask.kind} rule must be a string")
    return ask.value


def flag(ask: Ask) -> Any:
    if not isinstance(ask.value, bool):
        return ask.reject(f"{ask.key!r} must be true or false")
    return ask.value


def prose(ask: Ask) -> Any:
    """A summary or description: a non-empty string."""
    if not is_text(ask.value):
        return ask.reject(f"{ask.key!r} in a {ask.kind} rule must be a non-empty string")
    return ask.value


def error_definition(ask: Ask) -> Any:
    return _built(read_error(ask.reader, ask.value, ask.at))


def status(ask: Ask) -> Any:
    value = ask.value
    if isinstance(value, bool) or not isinstance(value, int) or not 400 <= value <= 599:
        return ask.reject(f"{ask.key!r} in a {ask.kind} rule must be an HTTP error status from 400 to 599, not {value!r}")
    return value


def _changes(ask: Ask, allowed: Mapping[str, Key]) -> Any:
    """A mapping of some of `allowed`'s keys, each checked as the catalog file checks it."""
    keys = {name: Key(key.kind, required=False, choices=key.choices) for name, key in allowed.items()}
    if not ask.reader.check(ask.value, ask.at, f"'{ask.key}' of a {ask.kind} rule", keys):
        return INVALID
    if not ask.value:
        return ask.reject(f"'{ask.key}' of a {ask.kind} rule changes nothing", f"name at least one of: {', '.join(allowed)}")
    status_value = ask.value.get("success_status")
    if status_value is not None and not 100 <= status_value <= 599:
        return ask.reject(f"success_status {status_value} is not an HTTP status", "use a number from 100 to 599, such as 200")
    return freeze(dict(ask.value))


def endpoint_changes(ask: Ask) -> Any:
    return _changes(ask, {k: ENDPOINT_KEYS[k] for k in ENDPOINT_CHANGES})


def parameter_changes(ask: Ask) -> Any:
    return _changes(ask, {k: PARAMETER_KEYS[k] for k in PARAMETER_CHANGES})


def error_changes(ask: Ask) -> Any:
    return _changes(ask, {k: ERROR_KEYS[k] for k in ERROR_CHANGES})


def field_changes(ask: Ask) -> Any:
    """Keys of a field definition to set: each as a schema file allows it, the type optional."""
    if not check_property(ask.reader, ask.value, ask.at, f"'{ask.key}' of a {ask.kind} rule", partial=True):
        return INVALID
    if not ask.value:
        return ask.reject(f"'{ask.key}' of a {ask.kind} rule changes nothing", "name the definition keys to set, such as type or nullable")
    return freeze(dict(ask.value))


def field_keys(ask: Ask) -> Any:
    """Keys of a field definition to drop."""
    value = ask.value
    if not KINDS["strs"][0](value) or not value:
        return ask.reject(f"{ask.key!r} in a {ask.kind} rule must be a list of definition keys, such as [nullable]")
    for key in value:
        if key not in PROPERTY_KEYS:
            return ask.reject(f"{ask.key!r} names unknown definition key {key!r}", did_you_mean(key, PROPERTY_KEYS) or "allowed: " + ", ".join(PROPERTY_KEYS))
    both = sorted(set(value) & set(ask.rule.get("set") or ()))
    if both:
        return ask.reject(f"{ask.kind} rule both sets and unsets {', '.join(both)}", "keep it in one of the two")
    return tuple(value)
