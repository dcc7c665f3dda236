"""Each version differs from the one before it by exactly what its rules declare.

The difference is computed structurally from the two resolved catalogs, item by item
(endpoints, their attributes and parameters, schemas, fields, enum values, required
fields, webhook topics, scope grants, permissions, groups, errors, API facts); every
differing item must be explained by a rule of the newer version, and every rule's effect
must be visible in the resolved catalogs.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator, Mapping
from itertools import pairwise
from typing import Any

import pytest

from intercom_gen.catalog import Catalog, Endpoint, Property, VersionRule, thaw
from intercom_gen.load import load_catalog
from intercom_gen.pipeline import DEFAULT_CATALOG, resolve_catalog
from intercom_gen.validate import validate_catalog
from intercom_gen.versions import resolve_versions
from tests.catalog_versions import base_version, newest, previous, version_with

Key = tuple[str, ...]
WILD = "*"


@pytest.fixture(scope="module")
def base() -> Catalog:
    return validate_catalog(load_catalog(DEFAULT_CATALOG))


@pytest.fixture(scope="module")
def resolved(base: Catalog) -> dict[str, Catalog]:
    return resolve_versions(base)


# --- the structural picture of one catalog ---------------------------------------------------


def enum_of(definition: Mapping[str, Any]) -> tuple[Any, ...]:
    if "enum" in definition:
        return tuple(definition["enum"])
    items = definition.get("items")
    if isinstance(items, Mapping) and "enum" in items:
        return tuple(items["enum"])
    return ()


def shape_of(definition: Mapping[str, Any]) -> Any:
    """A property's definition without its enum values (those are items of their own)."""
    plain = thaw(definition)
    plain.pop("enum", None)
    if isinstance(plain.get("items"), dict):
        plain["items"].pop("enum", None)
    return repr(sorted(plain.items()))


ENDPOINT_ATTRIBUTES = tuple(f.name for f in dataclasses.fields(Endpoint) if f.compare and f.name not in ("id", "parameters"))


def items_of(catalog: Catalog) -> dict[Key, Any]:
    """Every fact of the catalog as {key: value}; a key absent means the item is absent."""
    found: dict[Key, Any] = {}
    found[("api",)] = repr(catalog.api)
    for group in catalog.groups:
        found[("group", group.id)] = (group.title, group.summary)
    for endpoint in catalog.endpoints:
        found[("endpoint", endpoint.id)] = True
        for attribute in ENDPOINT_ATTRIBUTES:
            found[("endpoint.attr", endpoint.id, attribute)] = getattr(endpoint, attribute)
        for parameter in endpoint.parameters:
            found[("parameter", endpoint.id, parameter.name)] = (parameter.location, parameter.type, parameter.required, parameter.description)
    for schema in catalog.schemas:
        found[("schema", schema.name)] = (schema.description, schema.additional_properties)
        for prop in schema.properties:
            found[("field", schema.name, prop.name)] = shape_of(prop.definition)
            for value in enum_of(prop.definition):
                found[("enum", schema.name, prop.name, str(value))] = True
        for name in schema.required:
            found[("required", schema.name, name)] = True
    for webhook in catalog.webhooks:
        found[("webhook", webhook.topic)] = (webhook.summary, webhook.permission, webhook.since)
        found[("webhook.triggered_by", webhook.topic)] = tuple(sorted(webhook.triggered_by))
    for scope in catalog.scopes:
        found[("scope", scope.name)] = scope.description
        for grant in scope.grants:
            found[("grant", scope.name, grant)] = True
    for permission in catalog.permissions:
        found[("permission", permission.name)] = (permission.access, permission.summary)
    for error in catalog.errors:
        found[("error", str(error.status))] = repr(error)
    return found


def structural_diff(old: Catalog, new: Catalog) -> set[Key]:
    before, after = items_of(old), items_of(new)
    return {key for key in before.keys() | after.keys() if before.get(key, _ABSENT) != after.get(key, _ABSENT)}


_ABSENT = object()


# --- what each rule may change --------------------------------------------------------------


def _id(value: Any, attribute: str) -> str:
    return str(getattr(value, attribute, value))


def explained_by(rule: VersionRule, old: Catalog) -> list[Key]:
    """The items a rule may change, `*` matching any one part."""
    a = rule.arguments
    kind = rule.kind
    if kind == "add_group":
        return [("group", _id(a["group"], "id"))]
    if kind == "add_endpoint":
        eid = _id(a["endpoint"], "id")
        return [("endpoint", eid), ("endpoint.attr", eid, WILD), ("parameter", eid, WILD)]
    if kind == "remove_group":
        return [("group", a["group"])]
    if kind == "remove_endpoint":
        eid = a["endpoint"]
        topics = [w.topic for w in old.webhooks if eid in w.triggered_by]
        statuses = [str(e.status) for e in old.errors if eid in e.endpoints]
        return [("endpoint", eid), ("endpoint.attr", eid, WILD), ("parameter", eid, WILD)] + [("webhook.triggered_by", t) for t in topics] + [("error", s) for s in statuses]
    if kind == "change_endpoint":
        return [("endpoint.attr", a["endpoint"], key) for key in a["set"]]
    if kind == "change_parameter":
        return [("parameter", a["endpoint"], a["parameter"])]
    if kind == "deprecate_endpoint":
        return [("endpoint.attr", a["endpoint"], "deprecated")]
    if kind == "change_permission":
        return [("endpoint.attr", a["endpoint"], "permission"), ("endpoint.attr", a["endpoint"], "permission_note")]
    if kind == "add_parameter":
        return [("parameter", a["endpoint"], _id(a["parameter"], "name"))]
    if kind == "remove_parameter":
        return [("parameter", a["endpoint"], a["parameter"])]
    if kind == "rename_parameter":
        return [("parameter", a["endpoint"], a["parameter"]), ("parameter", a["endpoint"], a["to"]), ("endpoint.attr", a["endpoint"], "path")]
    if kind == "add_schema":
        name = _id(a["schema"], "name")
        return [("schema", name), ("field", name, WILD), ("enum", name, WILD, WILD), ("required", name, WILD)]
    if kind == "remove_schema":
        name = a["schema"]
        return [("schema", name), ("field", name, WILD), ("enum", name, WILD, WILD), ("required", name, WILD)]
    if kind == "change_description":
        return [("field", a["schema"], a["field"])] if "field" in a else [("schema", a["schema"])]
    if kind == "remove_enum":
        return [("enum", a["schema"], a["field"], WILD)]
    if kind in ("add_error", "change_error", "remove_error"):
        return [("error", _id(a.get("error", a.get("status")), "status"))]
    if kind in ("add_field", "remove_field", "change_field"):
        s, f = a["schema"], a["field"]
        return [("field", s, f), ("enum", s, f, WILD), ("required", s, f)]
    if kind == "rename_field":
        s = a["schema"]
        return [(k, s, f, *rest) for f in (a["field"], a["to"]) for k, rest in (("field", ()), ("required", ()), ("enum", (WILD,)))]
    if kind in ("add_enum_value", "remove_enum_value"):
        return [("enum", a["schema"], a["field"], str(a["value"]))]
    if kind == "rename_enum_value":
        return [("enum", a["schema"], a["field"], str(a["value"])), ("enum", a["schema"], a["field"], str(a["to"]))]
    if kind == "add_webhook":
        topic = _id(a["webhook"], "topic")
        return [("webhook", topic), ("webhook.triggered_by", topic)]
    if kind == "remove_webhook":
        fired = [e.id for e in old.endpoints if e.webhook == a["webhook"]]
        return [("webhook", a["webhook"]), ("webhook.triggered_by", a["webhook"])] + [("endpoint.attr", e, "webhook") for e in fired]
    if kind == "change_scope_grants":
        return [("grant", a["scope"], WILD)]
    raise AssertionError(f"no expectation for rule kind {kind}")


def matches(pattern: Key, key: Key) -> bool:
    return len(pattern) == len(key) and all(p in (WILD, k) for p, k in zip(pattern, key, strict=True))


def arrivals(new: Catalog, old: Catalog) -> list[Key]:
    """Endpoints declared in catalog/endpoints with `since` the new version arrive without a rule."""
    return [
        pattern
        for e in new.endpoints
        if e.since == new.version and old.endpoint(e.id) is None
        for pattern in (("endpoint", e.id), ("endpoint.attr", e.id, WILD), ("parameter", e.id, WILD))
    ]


def rules_of(catalog: Catalog, version: str) -> tuple[VersionRule, ...]:
    return next(v.rules for v in catalog.versions if v.version == version)


# --- each rule's effect, seen in the resolved catalogs ---------------------------------------


def touched_later(rules: tuple[VersionRule, ...], index: int, key: Key, old: Catalog) -> bool:
    """Whether a later rule of the same version may change what rule `index` set."""
    return any(any(matches(p, key) or matches(key, p) for p in explained_by(r, old)) for r in rules[index + 1 :])


def effect_problems(rule: VersionRule, old: Catalog, new: Catalog, later: bool) -> Iterator[str]:
    """What is wrong with the rule's effect; a later rule on the same item relaxes the check to presence."""
    a = rule.arguments
    kind = rule.kind
    field = _field(new, a.get("schema"), a.get("field")) if "field" in a and "schema" in a else None
    was = _field(old, a.get("schema"), a.get("field")) if "field" in a and "schema" in a else None
    if kind == "add_group":
        if new.group(a["group"].id) != a["group"] or old.group(a["group"].id) is not None:
            yield f"group {a['group'].id} is not added as declared"
    elif kind == "add_endpoint":
        if old.endpoint(a["endpoint"].id) is not None or new.endpoint(a["endpoint"].id) is None:
            yield f"endpoint {a['endpoint'].id} does not appear"
        elif not later and new.endpoint(a["endpoint"].id) != a["endpoint"]:
            yield f"endpoint {a['endpoint'].id} differs from its declaration"
    elif kind == "remove_endpoint":
        if old.endpoint(a["endpoint"]) is None or new.endpoint(a["endpoint"]) is not None:
            yield f"endpoint {a['endpoint']} is not removed"
    elif kind == "deprecate_endpoint":
        found = new.endpoint(a["endpoint"])
        if found is None or not found.deprecated:
            yield f"endpoint {a['endpoint']} is not deprecated"
    elif kind == "change_permission":
        found = new.endpoint(a["endpoint"])
        if found is None or found.permission != a["permission"]:
            yield f"endpoint {a['endpoint']} does not need {a['permission']!r}"
    elif kind in ("add_parameter", "remove_parameter", "rename_parameter"):
        name = _id(a["parameter"], "name")
        before = {p.name: p for p in (old.endpoint(a["endpoint"]) or _NO_ENDPOINT).parameters}
        after = {p.name: p for p in (new.endpoint(a["endpoint"]) or _NO_ENDPOINT).parameters}
        if kind == "add_parameter" and (name in before or (after.get(name) != a["parameter"] and not later)):
            yield f"parameter {name} of {a['endpoint']} is not added as declared"
        if kind == "remove_parameter" and (name not in before or (name in after and not later)):
            yield f"parameter {name} of {a['endpoint']} is not removed"
        if kind == "rename_parameter" and (name not in before or name in after or a["to"] not in after):
            yield f"parameter {name} of {a['endpoint']} is not renamed to {a['to']}"
    elif kind == "add_schema":
        if old.schema(a["schema"].name) is not None or new.schema(a["schema"].name) is None:
            yield f"schema {a['schema'].name} does not appear"
        elif not later and new.schema(a["schema"].name) != a["schema"]:
            yield f"schema {a['schema'].name} differs from its declaration"
    elif kind == "add_field":
        if field is None or (not later and field.definition != a["definition"]):
            yield f"field {a['schema']}.{a['field']} is not added as declared"
    elif kind == "change_field":
        if was is None or field is None or (not later and any(field.definition.get(k) != v for k, v in a.get("set", {}).items())):
            yield f"field {a['schema']}.{a['field']} is not changed as declared"
    elif kind == "change_endpoint":
        found = new.endpoint(a["endpoint"])
        if found is None or (not later and any(getattr(found, k) != v for k, v in a["set"].items())):
            yield f"endpoint {a['endpoint']} is not changed as declared"
    elif kind in ("remove_group", "remove_schema", "remove_error"):
        gone = new.group(a["group"]) if kind == "remove_group" else new.schema(a["schema"]) if kind == "remove_schema" else next((e for e in new.errors if e.status == a["status"]), None)
        if gone is not None:
            yield f"{kind}: what it names is still there"
    elif kind == "remove_field":
        if was is None or (field is not None and not later):
            yield f"field {a['schema']}.{a['field']} is not removed"
    elif kind == "rename_field":
        if was is None or _field(new, a["schema"], a["to"]) is None or (field is not None and not later):
            yield f"field {a['schema']}.{a['field']} is not renamed to {a['to']}"
    elif kind in ("add_enum_value", "remove_enum_value", "rename_enum_value"):
        before = enum_of(was.definition) if was else ()
        after = enum_of(field.definition) if field else ()
        value = a["value"]
        if kind == "add_enum_value" and (value in before or (value not in after and not later)):
            yield f"value {value!r} is not added to {a['schema']}.{a['field']}"
        if kind == "remove_enum_value" and (value not in before or (value in after and not later)):
            yield f"value {value!r} is not removed from {a['schema']}.{a['field']}"
        if kind == "rename_enum_value" and (value not in before or value in after or (a["to"] not in after and not later)):
            yield f"value {value!r} of {a['schema']}.{a['field']} is not renamed to {a['to']!r}"
    elif kind == "add_webhook":
        if old.webhook(a["webhook"].topic) is not None or new.webhook(a["webhook"].topic) != a["webhook"]:
            yield f"webhook {a['webhook'].topic} is not added as declared"
    elif kind == "remove_webhook":
        if old.webhook(a["webhook"]) is None or new.webhook(a["webhook"]) is not None:
            yield f"webhook {a['topic']} is not removed"
    elif kind == "change_scope_grants":
        scope = next((s for s in new.scopes if s.name == a["scope"]), None)
        if scope is None or scope.grants != tuple(a["grants"]):
            yield f"scope {a['scope']} does not grant {list(a['grants'])}"


def _field(catalog: Catalog, schema: str | None, name: str | None) -> Property | None:
    found = catalog.schema(schema) if schema else None
    return found.property(name) if found is not None and name else None


_NO_ENDPOINT = Endpoint("none.none", "none", "GET", "/", "", "read", None, "", None, base_version(), "none", (), None, None, 200, "")


# --- the tests -------------------------------------------------------------------------------


def adjacent(resolved: Mapping[str, Catalog]) -> list[tuple[str, str]]:
    return list(pairwise(resolved))


def test_every_difference_is_declared_by_a_rule_of_that_version(resolved: dict[str, Catalog]) -> None:
    problems = []
    for old_version, new_version in adjacent(resolved):
        old, new = resolved[old_version], resolved[new_version]
        patterns = [p for rule in rules_of(new, new_version) for p in explained_by(rule, old)] + arrivals(new, old)
        for key in sorted(structural_diff(old, new)):
            if not any(matches(p, key) for p in patterns):
                problems.append(f"{old_version} -> {new_version}: {key} differs, but no {new_version} rule declares it")
    assert not problems, "\n".join(problems)


def test_every_rule_has_a_visible_effect(resolved: dict[str, Catalog]) -> None:
    problems = []
    for old_version, new_version in adjacent(resolved):
        old, new = resolved[old_version], resolved[new_version]
        rules = rules_of(new, new_version)
        changed = structural_diff(old, new)
        for index, rule in enumerate(rules):
            patterns = explained_by(rule, old)
            later = any(touched_later(rules, index, p, old) for p in patterns if WILD not in p)
            where = f"{new_version} {rule.kind} at {rule.where}"
            if not any(matches(p, key) for p in patterns for key in changed):
                problems.append(f"{where}: changes nothing between {old_version} and {new_version}")
            problems += [f"{where}: {p}" for p in effect_problems(rule, old, new, later)]
    assert not problems, "\n".join(problems)


def test_each_version_changes_something(resolved: dict[str, Catalog]) -> None:
    for old_version, new_version in adjacent(resolved):
        assert structural_diff(resolved[old_version], resolved[new_version]), new_version


def test_resolving_is_deterministic_and_leaves_the_base_alone(base: Catalog) -> None:
    snapshot = repr(base)
    first = resolve_versions(base)
    second = resolve_versions(base)
    assert first == second
    assert [repr(c) for c in first.values()] == [repr(c) for c in second.values()]
    assert repr(base) == snapshot
    assert base == validate_catalog(load_catalog(DEFAULT_CATALOG))
    assert resolve_catalog().versions == first


# The version whose rules add the ticket.resolved topic, and the one that adds the calls group.
RESOLVED_TOPIC = version_with("add_webhook", webhook="ticket.resolved")
CALLS = version_with("add_group", group="calls")


def test_the_version_before_ticket_resolved_lacks_its_changes(resolved: dict[str, Catalog]) -> None:
    catalog = resolved[previous(RESOLVED_TOPIC)]
    assert catalog.webhook("ticket.resolved") is None
    reply = catalog.schema("reply_conversation_request")
    assert reply is not None and reply.property("skip_notifications") is None
    agent = catalog.schema("ai_agent")
    state = agent.property("resolution_state") if agent else None
    assert state is not None
    assert set(enum_of(state.definition)) == {"assumed_resolution", "confirmed_resolution", "routed_to_team", "abandoned"}
    assert not [e.id for e in catalog.endpoints if e.group == "fin_voice"]
    assert catalog.group("fin_voice") is None


def test_the_version_of_ticket_resolved_has_its_changes(resolved: dict[str, Catalog]) -> None:
    catalog = resolved[RESOLVED_TOPIC]
    assert catalog.webhook("ticket.resolved") is not None
    reply = catalog.schema("reply_conversation_request")
    assert reply is not None and reply.property("skip_notifications") is not None
    agent = catalog.schema("ai_agent")
    state = agent.property("resolution_state") if agent else None
    assert state is not None
    assert enum_of(state.definition) == ("assumed_resolution", "confirmed_resolution", "escalated", "negative_feedback", "procedure_handoff")
    assert len([e for e in catalog.endpoints if e.group == "fin_voice"]) == 5


def test_calls_arrive_with_their_group(resolved: dict[str, Catalog]) -> None:
    assert not [e.id for e in resolved[previous(CALLS)].endpoints if e.group == "calls" or e.path.startswith("/calls")]
    assert resolved[previous(CALLS)].group("calls") is None
    assert sorted(e.id for e in resolved[CALLS].endpoints if e.group == "calls") == [
        "calls.list",
        "calls.recording",
        "calls.retrieve",
        "calls.search",
        "calls.transcript",
    ]


def test_the_structural_diff_sees_a_single_change(resolved: dict[str, Catalog]) -> None:
    """The checker itself: a hand-made change shows up, and an unrelated rule does not explain it."""
    catalog = resolved[newest()]
    endpoint = catalog.endpoint("tickets.update")
    assert endpoint is not None
    changed = dataclasses.replace(catalog, endpoints=tuple(dataclasses.replace(e, path="/tickets/{id}") if e is endpoint else e for e in catalog.endpoints))
    assert structural_diff(catalog, changed) == {("endpoint.attr", "tickets.update", "path")}
    unrelated = [p for rule in rules_of(catalog, newest()) for p in explained_by(rule, catalog)]
    assert not any(matches(p, ("endpoint.attr", "tickets.update", "path")) for p in unrelated)
