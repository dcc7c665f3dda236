"""The only place identifiers are made from catalog names."""

from __future__ import annotations

import keyword
import re

# Names that would shadow something the generated client itself uses.
RESERVED = frozenset(keyword.kwlist) | frozenset(keyword.softkwlist) | {"self", "cls", "type", "id", "format", "json", "list"}


def words(name: str) -> list[str]:
    spaced = re.sub(r"([a-z0-9])([A-Z])", r"\1 \2", name)
    return [w for w in re.split(r"[^A-Za-z0-9]+", spaced) if w]


def snake(name: str) -> str:
    return "_".join(w.lower() for w in words(name))


def pascal(name: str) -> str:
    return "".join(w[:1].upper() + w[1:].lower() for w in words(name))


def constant(name: str) -> str:
    return snake(name).upper()


def identifier(name: str) -> str:
    """A safe Python parameter or attribute name (`from` -> `from_`)."""
    result = snake(name) or "value"
    if result[0].isdigit():
        result = "n" + result
    return result + "_" if result in RESERVED else result


def argument(wire_name: str, taken: set[str], reserved: frozenset[str] = frozenset()) -> str:
    """A keyword-argument name for a JSON field or a query parameter: the wire name when it
    is already a plain identifier (`from` -> `from_`, `2fa` -> `n2fa`, `per-page` ->
    `per_page`), with `_` added until it is free of `taken` and `reserved`."""
    name = wire_name if wire_name.isidentifier() and wire_name.isascii() else snake(wire_name) or "value"
    if name[0].isdigit():
        name = "n" + name
    # Soft keywords (match, case, type, _) are valid names; only hard keywords are not.
    if keyword.iskeyword(name):
        name += "_"
    while name in taken or name in reserved:
        name += "_"
    return name


def method(action: str) -> str:
    """A resource method's name for an endpoint's action (`contacts.import` -> `import_`)."""
    name = snake(action) or "call"
    if name[0].isdigit():
        name = "n" + name
    return name + "_" if keyword.iskeyword(name) else name


def error_class(title: str) -> str:
    return pascal(title) + "Error"


def model_class(schema_name: str) -> str:
    return pascal(schema_name)


def variant_class(class_name: str, variant: int) -> str:
    """The class standing for the `variant`th definition (2, 3, ...) of a class whose
    definition differs between versions, in the one document made for all of them
    (`Contact` -> `ContactVariant2`); renamed back in each version's output."""
    return f"{class_name}Variant{variant}"


def unshadowed_field(name: str) -> str:
    """A model's attribute for a field named as a name its module uses (`list`, `str`,
    `Field`): `list` -> `list_`, the field's own name kept as its alias."""
    return name + "_"


def module(name: str) -> str:
    """A module's name for a catalog name (`fin_voice` -> `fin_voice`, `import` -> `import_`)."""
    return identifier(name)


def model_module(schema_name: str) -> str:
    """The module of intercom_api/models/ that holds a schema's model and its enums."""
    return module(schema_name)


def param_class(schema_name: str) -> str:
    """The TypedDict a caller passes for a request object of this schema
    (`create_conversation_request_from` -> `CreateConversationRequestFromParam`)."""
    return pascal(schema_name) + "Param"


def literal_alias(owner: str, field: str) -> str:
    """The name of a long Literal type of a request field (`search_query.operator` ->
    `SearchQueryOperatorValue`)."""
    return pascal(owner) + pascal(field) + "Value"


def group_class(group_id: str) -> str:
    """The class of a capability group's methods on the client (`contacts` -> `Contacts`)."""
    return pascal(group_id)


def tool(endpoint_id: str) -> str:
    """An MCP tool's name for an endpoint (`contacts.search` -> `contacts_search`): MCP
    allows letters, digits, `_`, `-` and `.` (some clients refuse the dot)."""
    return "_".join(words(endpoint_id)).lower() or "call"


def tool_argument(wire_name: str, location: str, taken: set[str]) -> str:
    """A tool input's property name: the wire name, unless another input already took it
    (a body field named like a path parameter), then `<location>_<name>`, then with `_`
    added until free."""
    name = wire_name if wire_name not in taken else f"{location}_{wire_name}"
    while name in taken:
        name += "_"
    return name
