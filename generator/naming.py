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


def error_class(title: str) -> str:
    return pascal(title) + "Error"


def model_class(schema_name: str) -> str:
    return pascal(schema_name)


def resource_class(group_id: str) -> str:
    return pascal(group_id)
