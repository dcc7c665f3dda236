"""Rule kinds about capability groups, endpoints, their permissions and parameters."""

from __future__ import annotations

from dataclasses import replace
from types import MappingProxyType

from ..catalog import Catalog, Endpoint, Group, Parameter, VersionRule
from ..diagnostics import did_you_mean
from . import arguments as read
from .kind import RuleKind, RuleProblem, subject_name
from .lookups import changed, endpoint_named, with_endpoint


def add_group(catalog: Catalog, rule: VersionRule) -> Catalog:
    group: Group = rule.arguments["group"]
    if catalog.group(group.id) is not None:
        raise RuleProblem(rule.at("group"), f"add_group: group {group.id!r} already exists before {rule.version}")
    return replace(catalog, groups=(*catalog.groups, group))


def add_endpoint(catalog: Catalog, rule: VersionRule) -> Catalog:
    endpoint: Endpoint = rule.arguments["endpoint"]
    if catalog.endpoint(endpoint.id) is not None:
        raise RuleProblem(endpoint.at("id"), f"add_endpoint: endpoint {endpoint.id!r} already exists before {rule.version}", "use a new id, or change the existing endpoint with other rules")
    return replace(catalog, endpoints=(*catalog.endpoints, endpoint))


def remove_group(catalog: Catalog, rule: VersionRule) -> Catalog:
    group_id = rule.arguments["group"]
    if catalog.group(group_id) is None:
        raise RuleProblem(rule.at("group"), f"remove_group: group {group_id!r} does not exist before {rule.version}", did_you_mean(group_id, [g.id for g in catalog.groups]))
    members = sorted(e.id for e in catalog.endpoints if e.group == group_id)
    if members:
        raise RuleProblem(rule.at("group"), f"remove_group: group {group_id!r} still has endpoints before this rule: {', '.join(members)}", "remove them first, with remove_endpoint rules above this one")
    return replace(catalog, groups=tuple(g for g in catalog.groups if g.id != group_id))


def remove_endpoint(catalog: Catalog, rule: VersionRule) -> Catalog:
    removed = endpoint_named(catalog, rule)
    # A removed endpoint triggers nothing and answers nothing: drop it from the topics
    # and the error statuses that listed it.
    webhooks = tuple(replace(w, triggered_by=tuple(t for t in w.triggered_by if t != removed.id)) for w in catalog.webhooks)
    errors = []
    for error in catalog.errors:
        if error.endpoints == (removed.id,):
            raise RuleProblem(rule.at("endpoint"), f"remove_endpoint: error status {error.status} is answered only by {removed.id!r}", "remove the status first (remove_error), or list other endpoints for it (change_error)")
        errors.append(replace(error, endpoints=tuple(e for e in error.endpoints if e != removed.id)))
    return replace(catalog, endpoints=tuple(e for e in catalog.endpoints if e.id != removed.id), webhooks=webhooks, errors=tuple(errors))


def deprecate_endpoint(catalog: Catalog, rule: VersionRule) -> Catalog:
    endpoint = endpoint_named(catalog, rule)
    if endpoint.deprecated:
        raise RuleProblem(rule.at("endpoint"), f"deprecate_endpoint: {endpoint.id!r} is already deprecated before {rule.version}")
    return with_endpoint(catalog, replace(endpoint, deprecated=rule.note or f"Deprecated in {rule.version}."))


def change_permission(catalog: Catalog, rule: VersionRule) -> Catalog:
    endpoint = endpoint_named(catalog, rule)
    permission = rule.arguments["permission"]
    note = rule.arguments.get("permission_note", "")
    spots = MappingProxyType({**endpoint.spots, "permission": rule.at("permission")})
    return with_endpoint(catalog, replace(endpoint, permission=permission, permission_note=note, spots=spots))


def change_endpoint(catalog: Catalog, rule: VersionRule) -> Catalog:
    endpoint = endpoint_named(catalog, rule)
    return with_endpoint(catalog, changed(endpoint, rule, {}))


def _parameter(endpoint: Endpoint, rule: VersionRule) -> Parameter:
    name = rule.arguments["parameter"]
    found = next((p for p in endpoint.parameters if p.name == name), None)
    if found is None:
        raise RuleProblem(rule.at("parameter"), f"{rule.kind} rule names parameter {name!r}, which endpoint {endpoint.id!r} does not have before {rule.version}", did_you_mean(name, [p.name for p in endpoint.parameters]))
    return found


def add_parameter(catalog: Catalog, rule: VersionRule) -> Catalog:
    endpoint = endpoint_named(catalog, rule)
    parameter: Parameter = rule.arguments["parameter"]
    if any(p.name == parameter.name for p in endpoint.parameters):
        raise RuleProblem(parameter.where, f"add_parameter: endpoint {endpoint.id!r} already has parameter {parameter.name!r} before {rule.version}")
    return with_endpoint(catalog, replace(endpoint, parameters=(*endpoint.parameters, parameter)))


def remove_parameter(catalog: Catalog, rule: VersionRule) -> Catalog:
    endpoint = endpoint_named(catalog, rule)
    removed = _parameter(endpoint, rule)
    return with_endpoint(catalog, replace(endpoint, parameters=tuple(p for p in endpoint.parameters if p is not removed)))


def change_parameter(catalog: Catalog, rule: VersionRule) -> Catalog:
    endpoint = endpoint_named(catalog, rule)
    old = _parameter(endpoint, rule)
    new = changed(old, rule, {"in": "location"})
    if new.location == "path" and not new.required:
        raise RuleProblem(rule.at("set"), f"change_parameter: path parameter {new.name!r} of {endpoint.id!r} must stay required")
    return with_endpoint(catalog, replace(endpoint, parameters=tuple(new if p is old else p for p in endpoint.parameters)))


def rename_parameter(catalog: Catalog, rule: VersionRule) -> Catalog:
    endpoint = endpoint_named(catalog, rule)
    old = _parameter(endpoint, rule)
    new_name = rule.arguments["to"]
    if any(p.name == new_name for p in endpoint.parameters):
        raise RuleProblem(rule.at("to"), f"rename_parameter: endpoint {endpoint.id!r} already has a parameter {new_name!r}")
    renamed = replace(old, name=new_name)
    path = endpoint.path.replace("{" + old.name + "}", "{" + new_name + "}") if old.location == "path" else endpoint.path
    return with_endpoint(catalog, replace(endpoint, path=path, parameters=tuple(renamed if p is old else p for p in endpoint.parameters)))


KINDS = (
    RuleKind(
        "add_group",
        "A new capability group; its endpoints are added with add_endpoint.",
        {"group": read.group_definition},
        add_group,
        lambda a: ((subject_name(a["group"], "id"),),),
    ),
    RuleKind(
        "remove_group",
        "A capability group the version no longer has; its endpoints must be removed first.",
        {"group": read.name},
        remove_group,
        lambda a: ((a["group"],),),
    ),
    RuleKind(
        "add_endpoint",
        "A new endpoint, defined as in endpoints/*.yaml; its `since` is the rule's version.",
        {"endpoint": read.endpoint_definition},
        add_endpoint,
        lambda a: ((subject_name(a["endpoint"], "id"),),),
    ),
    RuleKind(
        "remove_endpoint",
        "An endpoint the version no longer has; webhook topics and error statuses stop listing it.",
        {"endpoint": read.name},
        remove_endpoint,
        lambda a: ((a["endpoint"],),),
    ),
    RuleKind(
        "deprecate_endpoint",
        "An endpoint that still works but is deprecated; the note says what to use instead.",
        {"endpoint": read.name},
        deprecate_endpoint,
        lambda a: ((a["endpoint"],),),
    ),
    RuleKind(
        "change_endpoint",
        "Facts of an endpoint that change while it stays (method, path, summary, request, response, response_array, success_status, pagination, rate_limit), under `set`; its `since` stays.",
        {"endpoint": read.name, "set": read.endpoint_changes},
        change_endpoint,
        lambda a: ((a["endpoint"],), *((a["endpoint"], str(k)) for k in a["set"])),
    ),
    RuleKind(
        "change_permission",
        "The permission an endpoint needs (null, with a permission_note, when undocumented).",
        {"endpoint": read.name, "permission": read.permission_or_null},
        change_permission,
        lambda a: ((a["endpoint"],),),
        optional={"permission_note": read.text},
    ),
    RuleKind(
        "add_parameter",
        "A new path or query parameter of an endpoint.",
        {"endpoint": read.name, "parameter": read.parameter_definition},
        add_parameter,
        lambda a: ((a["endpoint"], subject_name(a["parameter"], "name")),),
    ),
    RuleKind(
        "remove_parameter",
        "A parameter an endpoint no longer takes.",
        {"endpoint": read.name, "parameter": read.name},
        remove_parameter,
        lambda a: ((a["endpoint"], a["parameter"]),),
    ),
    RuleKind(
        "change_parameter",
        "What a parameter is (in, type, required, description), under `set`; its name stays.",
        {"endpoint": read.name, "parameter": read.name, "set": read.parameter_changes},
        change_parameter,
        lambda a: ((a["endpoint"], a["parameter"]),),
    ),
    RuleKind(
        "rename_parameter",
        "A parameter under a new name (a path parameter's placeholder is renamed too).",
        {"endpoint": read.name, "parameter": read.name, "to": read.name},
        rename_parameter,
        lambda a: ((a["endpoint"], a["parameter"]), (a["endpoint"], a["to"]), (a["endpoint"],)),
        renamed_from="parameter",
    ),
)
