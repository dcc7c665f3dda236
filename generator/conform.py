"""Conformance: a resolved catalog against Intercom's OpenAPI description of its version.

For each endpoint the catalog declares: the method and path exist in the description;
the path and query parameter names match; the request body's fields match (the
description's allOf/oneOf/anyOf variants flattened into the union of their fields, as
the catalog flattens them), and so do the fields every variant requires; the enum
values of request fields match. Then, for every schema the endpoints reach (paired with
the description's objects by `schema_sides`): its fields, and their enum values, match.

Each difference is located at the catalog declaration it is about, with the
description's operation and JSON pointer. The deliberate ones are catalog data:
`catalog/known_differences.yaml` records each with a reason and the version it is
accepted from (`since`), and it carries forward to every later version until the entry
says `until`. A difference not recorded, or a recorded one that no longer occurs in a
version it covers (a stale entry), is what `intercom-gen conform` reports.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .catalog import Catalog, Endpoint, Property, Schema, enum_holder, version_key
from .diagnostics import Collector, Location
from .load import LoadedCatalog
from .openapi_description import PATH_TOKEN, Description, Operation, Spot, load_description, schema_sides
from .reader import Key, Reader

KNOWN_DIFFERENCES = "known_differences.yaml"


@dataclass(frozen=True, order=True)
class Difference:
    at: Location
    """The catalog declaration the difference is about."""
    key: str
    """The difference in words; what a known difference records."""
    operation: str
    """The description's operation (`GET /contacts`), or the schema's pointer."""
    pointer: str

    def __str__(self) -> str:
        where = ", ".join(p for p in (self.operation, self.pointer) if p)
        return f"{self.at}: {self.key}" + (f" ({where})" if where else "")


def value_key(value: Any) -> str:
    """How an enum value is written in a difference: null, true, 5, text."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def catalog_enum(definition: Mapping[str, Any]) -> set[str] | None:
    holder = enum_holder(definition)
    return {value_key(v) for v in holder["enum"]} if holder is not None else None


class Comparison:
    """Walks one resolved catalog and the description of its version, collecting differences."""

    def __init__(self, catalog: Catalog, description: Description) -> None:
        self.catalog = catalog
        self.description = description
        self.found: list[Difference] = []

    def add(self, at: Location, key: str, operation: Operation | None, spot: Spot | None) -> None:
        self.found.append(Difference(at, key, operation.title if operation else "", spot.at if spot else ""))

    def run(self) -> list[Difference]:
        requests = {e.request for e in self.catalog.endpoints if e.request}
        for endpoint in sorted(self.catalog.endpoints, key=lambda e: e.id):
            self.endpoint(endpoint)
        sides = schema_sides(self.catalog, self.description)
        for name, spots in sides.items():
            schema = self.catalog.schema(name)
            if schema is not None and name not in requests:
                self.schema(schema, spots)
        return sorted(set(self.found))

    def enums(self, at: Location, where: str, ours: set[str] | None, spots: Sequence[Spot], operation: Operation | None) -> None:
        described = self.description.enum(spots)
        theirs = {value_key(v) for v in described} if described is not None else None
        if ours is None and theirs is None:
            return
        spot = spots[0] if spots else None
        for value in sorted((theirs or set()) - (ours or set())):
            self.add(at, f"{where}: enum value {value} only in the description", operation, spot)
        for value in sorted((ours or set()) - (theirs or set())):
            self.add(at, f"{where}: enum value {value} only in the catalog", operation, spot)

    def endpoint(self, endpoint: Endpoint) -> None:
        eid = endpoint.id
        operation = self.description.find_operation(endpoint.method, endpoint.path)
        if operation is None:
            self.add(endpoint.at("path"), f"{eid}: {endpoint.method} {endpoint.path} is not in the description", None, None)
            return
        if operation.path != endpoint.path:
            self.add(endpoint.at("path"), f"{eid}: path {endpoint.path} is {operation.path} in the description", operation, operation.spot)
        # A path parameter is matched by its position, so a renamed one is reported once, above.
        renamed = dict(zip(PATH_TOKEN.findall(operation.path), PATH_TOKEN.findall(endpoint.path), strict=True))
        theirs = {renamed.get("{" + name + "}", "{" + name + "}")[1:-1]: p for name, p in self.description.parameters(operation).items()}
        ours = {p.name: p for p in endpoint.parameters}
        for name in sorted(theirs.keys() - ours.keys()):
            self.add(endpoint.at("parameters"), f"{eid}: {theirs[name].location} parameter {name} only in the description", operation, theirs[name].spot)
        for name in sorted(ours.keys() - theirs.keys()):
            self.add(ours[name].where, f"{eid}: {ours[name].location} parameter {name} only in the catalog", operation, operation.spot)
        for name in sorted(ours.keys() & theirs.keys()):
            if ours[name].location != theirs[name].location:
                self.add(ours[name].at("in"), f"{eid}: parameter {name} is in {ours[name].location} here, in {theirs[name].location} in the description", operation, theirs[name].spot)
        described = self.description.request_schema(operation)
        request = self.catalog.schema(endpoint.request) if endpoint.request else None
        if described is None and request is not None:
            self.add(endpoint.at("request"), f"{eid}: request body only in the catalog", operation, operation.spot)
        elif described is not None and request is None:
            self.add(endpoint.at("request"), f"{eid}: request body only in the description", operation, described)
        elif described is not None and request is not None:
            self.request(eid, request, described, operation)

    def request(self, eid: str, request: Schema, described: Spot, operation: Operation) -> None:
        fields = self.description.fields([described])
        ours = {p.name: p for p in request.properties}
        for name in sorted(fields.keys() - ours.keys()):
            self.add(request.where, f"{eid}: request field {name} only in the description", operation, fields[name][0])
        for name in sorted(ours.keys() - fields.keys()):
            self.add(ours[name].where, f"{eid}: request field {name} only in the catalog", operation, described)
        required = self.description.required([described])
        for name in sorted(required - set(request.required)):
            self.add(ours[name].where if name in ours else request.where, f"{eid}: request field {name} required only in the description", operation, described)
        for name in sorted(set(request.required) - required):
            self.add(request.at("required"), f"{eid}: request field {name} required only in the catalog", operation, described)
        for name in sorted(ours.keys() & fields.keys()):
            self.enums(_enum_at(ours[name]), f"{eid}: request field {name}", catalog_enum(ours[name].definition), fields[name], operation)

    def schema(self, schema: Schema, spots: Sequence[Spot]) -> None:
        """The fields of a schema an endpoint reaches, and their enum values."""
        fields = self.description.fields(spots)
        ours = {p.name: p for p in schema.properties}
        for name in sorted(fields.keys() - ours.keys()):
            self.add(schema.where, f"schema {schema.name}: field {name} only in the description", None, fields[name][0])
        for name in sorted(ours.keys() - fields.keys()):
            self.add(ours[name].where, f"schema {schema.name}: field {name} only in the catalog", None, spots[0])
        for name in sorted(ours.keys() & fields.keys()):
            self.enums(_enum_at(ours[name]), f"schema {schema.name}.{name}", catalog_enum(ours[name].definition), fields[name], None)


def _enum_at(prop: Property) -> Location:
    return prop.spots.get("enum", prop.where)


def differences(catalog: Catalog, description: Description) -> list[Difference]:
    """Every difference between a resolved catalog and the description of its version, sorted."""
    return Comparison(catalog, description).run()


# --- the recorded, deliberate differences ---------------------------------------------------


@dataclass(frozen=True)
class KnownDifference:
    key: str
    since: str
    until: str
    """The first version it no longer applies to, or "" while it still does."""
    reason: str
    at: Location

    def covers(self, version: str) -> bool:
        return version_key(self.since) <= version_key(version) and (not self.until or version_key(version) < version_key(self.until))


ENTRY_KEYS = {
    "since": Key("version"),
    "until": Key("version", required=False),
    "key": Key("str", required=False),
    "keys": Key("strs", required=False),
    "reason": Key("str"),
}


def read_known_differences(loaded: LoadedCatalog, supported: Sequence[str]) -> list[KnownDifference]:
    """catalog/known_differences.yaml, each problem located; none when the file is absent."""
    document = loaded.find(KNOWN_DIFFERENCES)
    if document is None:
        return []
    problems = Collector()
    reader = Reader(document, problems)
    known: list[KnownDifference] = []
    seen: dict[str, KnownDifference] = {}
    if reader.check(document.data, reader.here(document.data), KNOWN_DIFFERENCES, {"differences": Key("list")}):
        for item, at in reader.items(document.data, "differences", KNOWN_DIFFERENCES):
            if not reader.check(item, at, "known difference", ENTRY_KEYS):
                continue
            if ("key" in item) == ("keys" in item):
                reader.error(at, "a known difference needs either 'key' or 'keys'", "'keys' lists several differences that share one reason")
                continue
            for name in ("since", "until"):
                if name in item and item[name] not in supported:
                    reader.error(reader.value_at(item, name), f"{name} {item[name]!r} is not a supported version", "supported: " + ", ".join(supported))
            if "until" in item and item["until"] in supported and version_key(item["until"]) <= version_key(item["since"]):
                reader.error(reader.value_at(item, "until"), f"until {item['until']!r} is not after since {item['since']!r}")
            keys = [item["key"]] if "key" in item else item["keys"]
            spots = [reader.value_at(item, "key")] if "key" in item else [reader.item_at(item["keys"], i) for i in range(len(keys))]
            for key, key_at in zip(keys, spots, strict=True):
                entry = KnownDifference(" ".join(key.split()), item["since"], item.get("until", ""), " ".join(item["reason"].split()), key_at)
                earlier = seen.get(entry.key)
                if earlier is not None and any(earlier.covers(v) and entry.covers(v) for v in supported):
                    reader.error(key_at, "this difference is already recorded for some of these versions", f"first recorded at {earlier.at}")
                    continue
                seen[entry.key] = entry
                known.append(entry)
    problems.raise_if_any()
    return known


@dataclass(frozen=True)
class Conformance:
    """One version's comparison: what is explained, what is not, which entries are stale."""

    version: str
    description: str
    differences: tuple[Difference, ...]
    unexplained: tuple[Difference, ...]
    stale: tuple[KnownDifference, ...]

    @property
    def conforms(self) -> bool:
        return not self.unexplained and not self.stale


def conform(catalog: Catalog, description: Description, known: Iterable[KnownDifference]) -> Conformance:
    found = differences(catalog, description)
    covering = [k for k in known if k.covers(catalog.version)]
    recorded = {k.key for k in covering}
    keys = {d.key for d in found}
    return Conformance(
        catalog.version,
        description.name,
        tuple(found),
        tuple(d for d in found if d.key not in recorded),
        tuple(sorted((k for k in covering if k.key not in keys), key=lambda k: k.at)),
    )


def report(result: Conformance) -> Iterator[str]:
    """The lines `intercom-gen conform` prints."""
    for difference in result.unexplained:
        yield str(difference)
    for entry in result.stale:
        yield f"{entry.at}: recorded difference no longer occurs in {result.version}: {entry.key} (end its entry with until: \"{result.version}\", or remove the key)"
    explained = len(result.differences) - len(result.unexplained)
    if result.conforms:
        yield f"The catalog at {result.version} conforms to {result.description}: {_count(explained, 'difference')}, each recorded in catalog/{KNOWN_DIFFERENCES} with its reason."
        return
    parts = []
    if result.unexplained:
        parts.append(f"{_count(len(result.unexplained), 'unexplained difference')}: fix the catalog, or record each in catalog/{KNOWN_DIFFERENCES} with a reason")
    if result.stale:
        parts.append(f"{_count(len(result.stale), 'stale entry', 'stale entries')}: the description or the catalog changed")
    yield f"The catalog at {result.version} differs from {result.description}: " + "; ".join(parts) + "."


def _count(count: int, one: str, many: str = "") -> str:
    return f"{count} {one if count == 1 else many or one + 's'}"


def check_conformance(catalog_folder: Path, description_file: Path, version: str | None = None) -> Conformance:
    """What `intercom-gen conform` reports: the catalog in `catalog_folder`, resolved at
    `version` (the newest supported when None), against the description in the file,
    with the catalog's recorded differences. Bad input is a CatalogError."""
    from .load import load_catalog
    from .pipeline import Resolved, require_versions
    from .validate import validate_catalog
    from .versions import resolve_versions

    loaded = load_catalog(catalog_folder)
    base = validate_catalog(loaded)
    resolved = Resolved(base, resolve_versions(base))
    wanted = version or resolved.supported[-1]
    require_versions(resolved, [wanted], catalog_folder)
    known = read_known_differences(loaded, resolved.supported)
    return conform(resolved.versions[wanted], load_description(description_file), known)
