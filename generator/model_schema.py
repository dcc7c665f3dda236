"""The catalog's schemas as the JSON Schema handed to datamodel-code-generator.

Every class name is decided here, not invented by the tool: schemas keep their catalog
name in PascalCase and each enum becomes `<Schema><Field>`. Enums are open, so a value
Intercom adds later does not break a client built today; every model keeps unknown
fields; a response field is required only where the catalog says Intercom always sends
it (`always_sent`), because the live API omits fields its description marks required."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .catalog import Catalog, thaw
from .naming import model_class, model_module, pascal


def _property(
    definition: Mapping[str, Any],
    owner: str,
    field: str,
    enums: dict[str, Any],
    taken: frozenset[str],
    owners: dict[str, str],
) -> dict[str, Any]:
    converted: dict[str, Any] = {}
    for key, value in definition.items():
        if key == "$ref":
            converted["$ref"] = f"#/$defs/{model_class(value)}"
        elif key == "items":
            converted["items"] = _property(value, owner, field + "_item", enums, taken, owners)
        elif key == "oneOf":
            converted["anyOf"] = [_property(choice, owner, field, enums, taken, owners) for choice in value]
        elif key in ("nullable", "example", "format", "default"):
            continue
        else:
            converted[key] = value
    if "enum" in converted:
        name = pascal(owner) + pascal(field)
        if name in taken:
            # ticket.type would otherwise become TicketType and replace the ticket_type model.
            name += "Enum"
        values = [v for v in converted.pop("enum") if v is not None]
        enums[name] = {"title": name, "type": "string", "enum": [str(v) for v in values]}
        owners[name] = owner
        described = {"description": converted["description"]} if "description" in converted else {}
        converted = {"$ref": f"#/$defs/{name}", **described}
        if isinstance(definition.get("type"), list) and "null" in definition["type"]:
            converted = {"anyOf": [converted, {"type": "null"}]}
    if definition.get("nullable"):
        converted = {"anyOf": [converted, {"type": "null"}]}
    return converted


def json_schema(catalog: Catalog, owners: dict[str, str] | None = None) -> dict[str, Any]:
    """The JSON Schema of every model; `owners` collects each enum's schema."""
    definitions: dict[str, Any] = {}
    enums: dict[str, Any] = {}
    owners = {} if owners is None else owners
    taken = frozenset(model_class(s.name) for s in catalog.schemas)
    for schema in sorted(catalog.schemas, key=lambda s: s.name):
        name = model_class(schema.name)
        document: dict[str, Any] = {
            "title": name,
            "type": "object",
            "description": schema.description,
            "properties": {
                p.name: _property(thaw(p.definition), schema.name, p.name, enums, taken, owners) for p in schema.properties
            },
            "additionalProperties": True,
        }
        required = catalog.required_fields(schema)
        if required:
            document["required"] = list(required)
        definitions[name] = document
    definitions.update(enums)
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", "title": "Models", "$defs": dict(sorted(definitions.items()))}


def catalog_schema(catalog: Catalog) -> tuple[dict[str, Any], dict[str, str]]:
    """One version's JSON Schema, and each model and enum class with the module (of
    intercom_api/models/) that holds it."""
    owners: dict[str, str] = {}
    document = json_schema(catalog, owners)
    modules = {model_class(s.name): model_module(s.name) for s in catalog.schemas}
    modules.update({enum: model_module(owner) for enum, owner in owners.items()})
    return document, modules
