"""An OpenAPI description (Intercom's, YAML or JSON), read fast and walked as the catalog
sees it: operations found by method and path shape (path parameters are named
differently between versions), parameters, bodies and error answers, and every
schema's fields as the union of its allOf, oneOf and anyOf variants, each value with
the JSON pointer where the description declares it.

`schema_sides` pairs each catalog schema an endpoint reaches with the description's
objects it stands for, walking both from the endpoints' bodies field by field: the
catalog names objects the description leaves inline, so names alone do not pair them.

A YAML description is parsed by ruamel's C parser into events, from which the data is
built here (a megabyte file in about a tenth of a second, a tenth of what ruamel's
safe loader takes). A broken file is a CatalogError at its line and column.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml import main as ruamel_main
from ruamel.yaml.error import MarkedYAMLError
from ruamel.yaml.events import (
    AliasEvent,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
    StreamEndEvent,
)
from ruamel.yaml.nodes import ScalarNode
from ruamel.yaml.reader import ReaderError
from ruamel.yaml.resolver import VersionedResolver

from .catalog import Catalog, Endpoint, schema_refs
from .diagnostics import CatalogError, Diagnostic, Location
from .load import display_name

METHODS = ("get", "put", "post", "delete", "patch")
PATH_TOKEN = re.compile(r"\{[^{}]*\}")
# A description is a few megabytes at most; a larger file is not one.
MAX_BYTES = 32 * 1024 * 1024
STR_TAG = "tag:yaml.org,2002:str"


def pointer(*parts: str | int) -> str:
    """A JSON pointer (RFC 6901) from its unescaped parts."""
    return "#" + "".join("/" + str(p).replace("~", "~0").replace("/", "~1") for p in parts)


def path_shape(path: str) -> str:
    return PATH_TOKEN.sub("{}", path)


@dataclass(frozen=True)
class Spot:
    """A value of the description and the JSON pointer where it is declared."""

    value: Any
    at: str

    def child(self, *parts: str | int) -> Spot:
        value = self.value
        for part in parts:
            value = value.get(part) if isinstance(value, Mapping) else value[part] if isinstance(value, list) and isinstance(part, int) and part < len(value) else None
        return Spot(value, self.at + pointer(*parts)[1:])

    def get(self, key: str, default: Any = None) -> Any:
        return self.value.get(key, default) if isinstance(self.value, Mapping) else default


@dataclass(frozen=True)
class Operation:
    method: str
    """Upper case, as the catalog writes it."""
    path: str
    """As the description writes it."""
    spot: Spot

    @property
    def title(self) -> str:
        return f"{self.method} {self.path}"

    @property
    def operation_id(self) -> str:
        return str(self.spot.get("operationId") or "")

    @property
    def tags(self) -> tuple[str, ...]:
        return tuple(str(t) for t in self.spot.get("tags") or ())


@dataclass(frozen=True)
class Parameter:
    name: str
    location: str
    required: bool
    schema: Spot
    spot: Spot


@dataclass(frozen=True)
class Answer:
    """One status of an operation's responses."""

    status: int
    content_type: str | None
    schema: Spot | None
    spot: Spot


# --- reading ------------------------------------------------------------------------------


def _problem(name: str, line: int, col: int, message: str, hint: str = "") -> CatalogError:
    return CatalogError([Diagnostic(Location(name, line, col), message, hint)])


class _Builder:
    """Plain data from the C parser's events: dicts, lists and YAML 1.2 scalars."""

    def __init__(self) -> None:
        yaml = YAML(typ="safe", pure=False)
        self.resolver = VersionedResolver()
        self.constructor = yaml.constructor
        parser = getattr(ruamel_main, "CParser", None)
        self.parse: Callable[[str], Callable[[], Any]] = (lambda text: parser(text).get_event) if parser is not None else (lambda text: iter(yaml.parse(text)).__next__)

    def build(self, text: str) -> Any:
        next_event = self.parse(text)
        stack: list[Any] = []
        keys: list[Any] = []
        anchors: dict[str, Any] = {}
        plain: dict[str, Any] = {}
        root: Any = None
        none = object()
        while True:
            event = next_event()
            kind = type(event)
            if kind is ScalarEvent:
                value = self._scalar(event, plain, none)
                if event.anchor is not None:
                    anchors[event.anchor] = value
            elif kind is MappingStartEvent or kind is SequenceStartEvent:
                opened: Any = {} if kind is MappingStartEvent else []
                if event.anchor is not None:
                    anchors[event.anchor] = opened
                stack.append(opened)
                keys.append(none)
                continue
            elif kind is MappingEndEvent or kind is SequenceEndEvent:
                value = stack.pop()
                keys.pop()
            elif kind is AliasEvent:
                if event.anchor not in anchors:
                    raise ValueError(f"alias *{event.anchor} is not defined")
                value = anchors[event.anchor]
            elif kind is StreamEndEvent or event is None:
                return root
            else:
                continue
            if not stack:
                root = value
            elif type(stack[-1]) is list:
                stack[-1].append(value)
            elif keys[-1] is none:
                keys[-1] = value if not isinstance(value, (dict, list)) else json.dumps(value, sort_keys=True)
            else:
                stack[-1][keys[-1]] = value
                keys[-1] = none

    def _scalar(self, event: Any, plain: dict[str, Any], none: object) -> Any:
        if event.tag is None and event.implicit[0]:
            found = plain.get(event.value, none)
            if found is none:
                tag = str(self.resolver.resolve(ScalarNode, event.value, (True, False)))
                found = event.value if tag == STR_TAG else self.constructor.construct_object(ScalarNode(tag, event.value), deep=True)
                plain[event.value] = found
            return found
        if event.tag in (None, "!", STR_TAG):
            return event.value
        return self.constructor.construct_object(ScalarNode(event.tag, event.value), deep=True)


def load_description(path: Path) -> Description:
    """An OpenAPI description file, YAML or JSON; CatalogError, located, when it is not one."""
    name = display_name(path)
    try:
        if not path.is_file():
            raise _problem(name, 0, 0, "OpenAPI description not found" if not path.exists() else "not a file", "pass the path of an OpenAPI description (YAML or JSON)")
        data = path.read_bytes()
    except OSError as error:
        raise _problem(name, 0, 0, f"cannot read the OpenAPI description: {error.strerror or error}") from None
    if len(data) > MAX_BYTES:
        raise _problem(name, 0, 0, f"the file is {len(data):,} bytes, more than an OpenAPI description ({MAX_BYTES:,} at most)")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        raise _problem(name, line, error.start - (data.rfind(b"\n", 0, error.start) + 1) + 1, "the description is not UTF-8 text") from None
    document: Any
    if path.suffix.lower() == ".json" or text.lstrip().startswith("{"):
        try:
            document = json.loads(text)
        except json.JSONDecodeError as error:
            raise _problem(name, error.lineno, error.colno, f"invalid JSON: {error.msg}") from None
    else:
        try:
            document = _Builder().build(text)
        except MarkedYAMLError as error:
            mark = error.problem_mark or error.context_mark
            line, col = (mark.line + 1, mark.column + 1) if mark is not None else (0, 0)
            raise _problem(name, line, col, f"invalid YAML: {error.problem or error.context}") from None
        except (ReaderError, ValueError) as error:
            raise _problem(name, 0, 0, f"invalid YAML: {error}") from None
    if not isinstance(document, Mapping) or not isinstance(document.get("paths"), Mapping):
        raise _problem(name, 1, 1, "not an OpenAPI description: it has no 'paths' mapping", "pass Intercom's api.intercom.io.yaml (or its JSON form)")
    return Description(document, name)


# --- walking ------------------------------------------------------------------------------


class Description:
    """The parts of an OpenAPI description the catalog is compared with."""

    def __init__(self, document: Mapping[str, Any], name: str = "<description>") -> None:
        self.document = document
        self.name = name
        self.root = Spot(document, "#")
        components = document.get("components")
        self.schemas: Mapping[str, Any] = (components.get("schemas") if isinstance(components, Mapping) else None) or {}
        self.shapes: dict[str, str] = {}
        for path in document["paths"]:
            self.shapes.setdefault(path_shape(str(path)), str(path))

    @property
    def version(self) -> str:
        info = self.document.get("info")
        return str(info.get("version", "")) if isinstance(info, Mapping) else ""

    def component(self, name: str) -> Spot | None:
        found = self.schemas.get(name)
        return Spot(found, pointer("components", "schemas", name)) if isinstance(found, Mapping) else None

    def resolve(self, spot: Spot) -> Spot:
        """Follows `$ref`s to what they name; a dangling one (2.11 names a missing
        custom_attributes schema) resolves to None at the pointer it names."""
        seen = 0
        while isinstance(spot.value, Mapping) and isinstance(spot.value.get("$ref"), str):
            ref = spot.value["$ref"]
            if not ref.startswith("#/"):
                return Spot(None, ref)
            value: Any = self.document
            for part in ref[2:].split("/"):
                part = part.replace("~1", "/").replace("~0", "~")
                value = value.get(part) if isinstance(value, Mapping) else None
            spot = Spot(value, ref)
            seen += 1
            if seen > 64:
                return Spot(None, ref)
        return spot

    # operations
    def operations(self) -> Iterator[Operation]:
        for path, item in self.document["paths"].items():
            if not isinstance(item, Mapping):
                continue
            for method in METHODS:
                if isinstance(item.get(method), Mapping):
                    yield Operation(method.upper(), str(path), Spot(item[method], pointer("paths", str(path), method)))

    def find_operation(self, method: str, path: str) -> Operation | None:
        """The operation at this path, or at the same path with path parameters named differently."""
        described = path if path in self.document["paths"] else self.shapes.get(path_shape(path))
        if described is None:
            return None
        item = self.document["paths"][described]
        operation = item.get(method.lower()) if isinstance(item, Mapping) else None
        return Operation(method.upper(), described, Spot(operation, pointer("paths", described, method.lower()))) if isinstance(operation, Mapping) else None

    def parameters(self, operation: Operation) -> dict[str, Parameter]:
        """The path and query parameters (path-level ones included), by name. A query
        parameter that is an object serialized form-exploded (OpenAPI's default) is
        sent as its properties, `?user_id=...`, so it counts as those."""
        found: dict[str, Parameter] = {}
        item = self.root.child("paths", operation.path)
        listed = [item.child("parameters", i) for i in range(len(item.get("parameters") or ()))]
        listed += [operation.spot.child("parameters", i) for i in range(len(operation.spot.get("parameters") or ()))]
        for node in listed:
            parameter = self.resolve(node)
            location = parameter.get("in")
            if location not in ("path", "query"):
                continue
            schema = self.resolve(parameter.child("schema"))
            exploded = parameter.get("style", "form") == "form" and parameter.get("explode", True)
            if location == "query" and exploded and schema.get("type") == "object":
                for name, field in self.fields([schema]).items():
                    found[name] = Parameter(name, "query", False, field[0], field[0])
            else:
                name = str(parameter.get("name"))
                found[name] = Parameter(name, str(location), bool(parameter.get("required", location == "path")), schema, parameter)
        return found

    def request_schema(self, operation: Operation) -> Spot | None:
        body = self.resolve(operation.spot.child("requestBody"))
        content = body.child("content")
        if not isinstance(content.value, Mapping) or not content.value:
            return None
        media = "application/json" if "application/json" in content.value else next(iter(content.value))
        schema = content.child(str(media), "schema")
        return schema if schema.value is not None else None

    def answers(self, operation: Operation) -> list[Answer]:
        found = []
        responses = operation.spot.child("responses")
        for status in responses.value or {}:
            if not str(status).isdigit():
                continue
            answer = self.resolve(responses.child(str(status)))
            content = answer.child("content")
            media = None
            schema = None
            if isinstance(content.value, Mapping) and content.value:
                media = "application/json" if "application/json" in content.value else str(next(iter(content.value)))
                schema = content.child(media, "schema")
            found.append(Answer(int(status), media, schema if schema is not None and schema.value is not None else None, answer))
        return sorted(found, key=lambda a: a.status)

    def success(self, operation: Operation) -> Answer | None:
        return next((a for a in self.answers(operation) if 200 <= a.status < 400), None)

    def error_codes(self, answer: Answer) -> list[str]:
        """The error codes an answer's examples show (`errors[].code`), in order, once each."""
        codes: list[str] = []
        content = answer.spot.get("content")
        for media in (content or {}).values() if isinstance(content, Mapping) else ():
            examples = [e.get("value") for e in (media.get("examples") or {}).values() if isinstance(e, Mapping)] if isinstance(media, Mapping) else []
            if isinstance(media, Mapping) and "example" in media:
                examples.append(media["example"])
            for example in examples:
                for error in (example.get("errors") or ()) if isinstance(example, Mapping) else ():
                    code = error.get("code") if isinstance(error, Mapping) else None
                    if isinstance(code, str) and code and code not in codes:
                        codes.append(code)
        return codes

    # schemas
    def fields(self, spots: Sequence[Spot]) -> dict[str, list[Spot]]:
        """The union of the fields of these schemas and of all their allOf/oneOf/anyOf
        variants, following $refs: {field: [each variant's definition of it]}."""
        found: dict[str, list[Spot]] = {}
        for spot in spots:
            self._collect(spot, found, frozenset())
        return found

    def _collect(self, spot: Spot, found: dict[str, list[Spot]], seen: frozenset[str]) -> None:
        spot = self.resolve(spot)
        if not isinstance(spot.value, Mapping) or spot.at in seen:
            return
        seen = seen | {spot.at}
        properties = spot.child("properties")
        for name in properties.value or {} if isinstance(properties.value, Mapping) else ():
            definitions = found.setdefault(str(name), [])
            field = properties.child(str(name))
            if field.at not in {d.at for d in definitions}:
                definitions.append(field)
        for key in ("allOf", "oneOf", "anyOf"):
            for index in range(len(spot.get(key) or ())):
                self._collect(spot.child(key, index), found, seen)

    def required(self, spots: Sequence[Spot]) -> set[str]:
        """The fields every variant requires: each schema's own and its allOf parts'
        required fields, plus those all of its oneOf (or anyOf) alternatives require."""
        found: set[str] = set()
        for spot in spots:
            found |= self._required(spot, frozenset())
        return found

    def _required(self, spot: Spot, seen: frozenset[str]) -> set[str]:
        spot = self.resolve(spot)
        if not isinstance(spot.value, Mapping) or spot.at in seen:
            return set()
        seen = seen | {spot.at}
        found = {str(r) for r in spot.get("required") or () if isinstance(r, str)}
        for index in range(len(spot.get("allOf") or ())):
            found |= self._required(spot.child("allOf", index), seen)
        for key in ("oneOf", "anyOf"):
            alternatives = [self._required(spot.child(key, i), seen) for i in range(len(spot.get(key) or ()))]
            if alternatives:
                found |= set.intersection(*alternatives)
        return found

    def objects(self, spot: Spot, depth: int = 0) -> list[Spot]:
        """The objects a field's definition stands for: itself, its items', or each of its
        oneOf/anyOf choices', through $refs."""
        spot = self.resolve(spot)
        if not isinstance(spot.value, Mapping) or depth > 8:
            return []
        if "items" in spot.value:
            return self.objects(spot.child("items"), depth + 1)
        if "properties" in spot.value or "allOf" in spot.value:
            return [spot]
        choices: list[Spot] = []
        for key in ("oneOf", "anyOf"):
            for index in range(len(spot.get(key) or ())):
                choices += self.objects(spot.child(key, index), depth + 1)
        return choices

    def enum(self, spots: Sequence[Spot]) -> list[Any] | None:
        """The values a field's definitions allow (its own enum, its items', its variants'),
        in order, once each; None when none declares an enum."""
        values: list[Any] = []
        found = False
        for spot in spots:
            for holder in self._enum_holders(spot, 0):
                found = True
                values += [v for v in holder["enum"] if v not in values]
        return values if found else None

    def _enum_holders(self, spot: Spot, depth: int) -> Iterator[Mapping[str, Any]]:
        spot = self.resolve(spot)
        if not isinstance(spot.value, Mapping) or depth > 3:
            return
        if isinstance(spot.value.get("enum"), list):
            yield spot.value
        if "items" in spot.value:
            yield from self._enum_holders(spot.child("items"), depth + 1)
        for key in ("allOf", "oneOf", "anyOf"):
            for index in range(len(spot.get(key) or ())):
                yield from self._enum_holders(spot.child(key, index), depth + 1)


# --- the catalog's schemas and the description's objects ------------------------------------


def endpoint_bodies(description: Description, endpoint: Endpoint) -> list[tuple[str, list[Spot]]]:
    """(catalog schema, the description objects it stands for) for an endpoint's request
    and response bodies."""
    operation = description.find_operation(endpoint.method, endpoint.path)
    if operation is None:
        return []
    found = []
    request = description.request_schema(operation)
    if endpoint.request and request is not None:
        found.append((endpoint.request, description.objects(request)))
    success = description.success(operation)
    if endpoint.response and success is not None and success.schema is not None:
        found.append((endpoint.response, description.objects(success.schema)))
    return found


def _paired(definition: Mapping[str, Any], spots: Sequence[Spot], description: Description) -> Iterator[tuple[str, list[Spot]]]:
    """The catalog schemas a field's definition refers to, each with the description
    objects of the same field that it stands for."""
    refs = list(dict.fromkeys(schema_refs(definition)))
    if not refs:
        return
    objects = [o for spot in spots for o in description.objects(spot)]
    if len(refs) == 1:
        yield refs[0], objects
        return
    by_name = {o.at.rsplit("/", 1)[-1]: o for o in objects if o.at.startswith("#/components/schemas/")}
    leftover = [o for o in objects if o not in by_name.values()]
    for index, ref in enumerate(refs):
        if ref in by_name:
            yield ref, [by_name[ref]]
        elif len(leftover) == len(refs) - len(by_name):
            yield ref, [leftover[index - sum(r in by_name for r in refs[:index])]]


def schema_sides(catalog: Catalog, description: Description) -> dict[str, list[Spot]]:
    """For each catalog schema the catalog's endpoints reach, the description objects it
    stands for: those the walk from the endpoints' bodies pairs it with, field by field,
    and the description's schema of the same name. A schema paired with nothing is left out."""
    sides: dict[str, list[Spot]] = {}
    pending: list[tuple[str, list[Spot]]] = []
    for endpoint in sorted(catalog.endpoints, key=lambda e: e.id):
        pending += endpoint_bodies(description, endpoint)
    while pending:
        name, spots = pending.pop(0)
        schema = catalog.schema(name)
        if schema is None:
            continue
        known = sides.setdefault(name, [])
        component = description.component(name)
        fresh = [s for s in ([*spots, component] if component is not None else spots) if s.at not in {k.at for k in known}]
        if not fresh:
            continue
        known += fresh
        fields = description.fields(fresh)
        for prop in schema.properties:
            if prop.name in fields:
                pending += _paired(prop.definition, fields[prop.name], description)
    return {name: spots for name, spots in sorted(sides.items()) if spots}
