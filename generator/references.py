"""Cross-reference checks of one catalog, base or resolved: duplicates, unknown names,
permissions and access that disagree, path parameters and paths."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator

from .catalog import Catalog, schema_refs
from .diagnostics import Diagnostic, Location, did_you_mean
from .readers import PATH_TOKEN

# Segments of letters, digits and -._~, and {placeholders}; a query or fragment is not a path.
PATH_SHAPE = re.compile(r"^(/([A-Za-z0-9._~-]|\{[A-Za-z_][A-Za-z0-9_]*\})*)+$")


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
        if endpoint.response_array and endpoint.response is None:
            add(Diagnostic(endpoint.at("response_array"), f"{name} says response_array but names no response schema", "name the schema of the array's items in 'response'"))
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
        elif not PATH_SHAPE.match(endpoint.path) or "/../" in endpoint.path + "/" or "/./" in endpoint.path + "/":
            add(
                Diagnostic(
                    endpoint.at("path"),
                    f"path {endpoint.path!r} of {name} is not a plain URL path",
                    "use letters, digits, '-', '_', '.', '/' and {parameter} placeholders; no '..', '?', '#' or quotes",
                )
            )

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

    for error in catalog.errors:
        for index, endpoint_id in enumerate(error.endpoints):
            if endpoint_id not in endpoint_ids:
                add(Diagnostic(error.at(f"endpoints[{index}]"), f"error status {error.status} names unknown endpoint {endpoint_id!r}", did_you_mean(endpoint_id, endpoint_ids)))

    for schema in catalog.schemas:
        for prop in schema.properties:
            for ref in schema_refs(prop.definition):
                if ref not in schemas:
                    add(Diagnostic(prop.spots.get("$ref", prop.where), f"field {prop.name!r} of schema {schema.name!r} refers to unknown schema {ref!r}", did_you_mean(ref, schemas) or f"add catalog/schemas/{ref}.yaml"))
    return found
