"""How a rule's argument is read and checked: one reader per kind of value. Each returns
the value as the model holds it, or INVALID after recording the problem."""

from __future__ import annotations

from typing import Any

from generator.catalog import freeze
from generator.reader import KINDS, is_text
from generator.readers import check_property, read_endpoint, read_group, read_parameter, read_schema, read_webhook
from generator.rules.kind import INVALID, Ask


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
