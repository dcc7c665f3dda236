"""The typed diff of two resolved catalogs: every difference as a `Change` record, in
either direction, with no output syntax. Names, paths and values a reader would see as
code are `Code` parts of a `Text`, so each output formats them its own way (the
migration guide as Markdown)."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from .catalog import (
    Catalog,
    Endpoint,
    ErrorStatus,
    Parameter,
    Property,
    Schema,
    enum_holder,
    schema_refs,
    thaw,
    version_key,
)
from .changelog_rules import Rules, pair_renames, rules_between
from .text import NOT_DOCUMENTED

NONE_CELL = "none"
ANY_ENDPOINT = "any endpoint"


@dataclass(frozen=True)
class Code:
    """A name, path or value, shown as code."""

    value: str


Part = str | Code
Text = tuple[Part, ...]


def code(value: Any) -> Code:
    return Code(str(value))


def text(*parts: Part | Text) -> Text:
    """Parts flattened into one Text, empty strings dropped and neighbouring strings joined."""
    flat: list[Part] = []
    for part in parts:
        for piece in part if isinstance(part, tuple) else (part,):
            if isinstance(piece, str) and flat and isinstance(flat[-1], str):
                flat[-1] += piece
            elif piece != "":
                flat.append(piece)
    return tuple(flat)


def join(separator: str, items: Iterable[Part | Text]) -> Text:
    joined: list[Part | Text] = []
    for item in items:
        if joined:
            joined.append(separator)
        joined.append(item)
    return text(*joined)


def either(values: Sequence[Any]) -> Text:
    """`a`, `b` or `c`."""
    items = [code(v) for v in values]
    return text(join(", ", items[:-1]), " or ", items[-1]) if len(items) > 1 else text(*items)


def code_list(values: Iterable[Any]) -> Text:
    items = [code(v) for v in values]
    return join(", ", items) if items else text(NONE_CELL)


def describe_type(definition: Mapping[str, Any]) -> Text:
    """A field's type in words: `string or null`, ``array of `recipient` ``."""
    nullable = bool(definition.get("nullable"))
    names: list[Text] = []
    if "$ref" in definition:
        names.append(text(code(definition["$ref"])))
    elif "oneOf" in definition:
        names.append(text("one of ", join(", ", (describe_type(choice) for choice in definition["oneOf"]))))
    declared = definition.get("type")
    types = list(declared) if isinstance(declared, (list, tuple)) else [declared] if declared is not None else []
    for name in types:
        if name == "null":
            nullable = True
        elif name == "array" and isinstance(definition.get("items"), Mapping):
            names.append(text("array of ", describe_type(definition["items"])))
        else:
            names.append(text(str(name)))
    described = join(" or ", names) if names else text("any")
    return text(described, " or null") if nullable else described


def enum_values(definition: Mapping[str, Any]) -> tuple[Any, ...] | None:
    holder = enum_holder(definition)
    return tuple(holder["enum"]) if holder is not None else None


def without_enum(definition: Mapping[str, Any]) -> dict[str, Any]:
    plain: dict[str, Any] = thaw(definition)
    plain.pop("enum", None)
    if isinstance(plain.get("items"), dict):
        plain["items"].pop("enum", None)
    return plain


# What describe_type already tells, and what only documents: not a definition change.
TYPE_KEYS = frozenset({"type", "nullable", "$ref", "oneOf"})
DOCUMENTATION_KEYS = frozenset({"description", "example"})


def _shape(definition: Any) -> Any:
    """A definition without what its type, enum and documentation already say."""
    if not isinstance(definition, Mapping):
        return definition
    return {
        key: _shape(value) if key == "items" else thaw(value)
        for key, value in definition.items()
        if key not in TYPE_KEYS | DOCUMENTATION_KEYS and key != "enum"
    }


def _value_cell(value: Any) -> Part:
    if value is None or value == {}:
        return NONE_CELL
    return code(value if isinstance(value, str) else json.dumps(value, sort_keys=True))


def definition_changes(was: Mapping[str, Any], now: Mapping[str, Any]) -> list[tuple[str, Part, Part]]:
    """The keys of a field's definition that change besides its type, enum and
    documentation (format, default, additionalProperties, the items' own), with both values."""
    before, after = _shape(was), _shape(now)
    return [(key, _value_cell(before.get(key)), _value_cell(after.get(key))) for key in sorted(before.keys() | after.keys()) if before.get(key) != after.get(key) and (before.get(key) or after.get(key))]


def describe_field(definition: Mapping[str, Any]) -> Text:
    values = enum_values(definition)
    described = describe_type(definition)
    return described if values is None else text(described, ", one of ", code_list(values))


def describe_parameter(parameter: Parameter) -> str:
    required = "required" if parameter.required else "optional"
    return f"{parameter.location}, {parameter.type}, {required}"


def permission_cell(permission: str | None) -> str:
    return permission if permission is not None else NOT_DOCUMENTED


# --- which schemas a client sends and reads ------------------------------------------------


def reachable(catalog: Catalog, roots: Iterable[str | None]) -> frozenset[str]:
    schemas = {s.name: s for s in catalog.schemas}
    seen: set[str] = set()
    pending = [r for r in roots if r is not None]
    while pending:
        name = pending.pop()
        if name in seen or name not in schemas:
            continue
        seen.add(name)
        for prop in schemas[name].properties:
            pending.extend(schema_refs(prop.definition))
    return frozenset(seen)


@dataclass(frozen=True)
class Usage:
    sent: frozenset[str]
    read: frozenset[str]

    @classmethod
    def of(cls, *catalogs: Catalog) -> Usage:
        sent: set[str] = set()
        read: set[str] = set()
        for catalog in catalogs:
            sent |= reachable(catalog, (e.request for e in catalog.endpoints))
            read |= reachable(catalog, (e.response for e in catalog.endpoints))
        return cls(frozenset(sent), frozenset(read))

    def verb(self, schema: str, sent: str, read: str) -> str:
        """`sent` for request bodies, `read` for responses, both joined for a shared schema."""
        if schema in self.sent and schema in self.read:
            return f"{sent} or {read}"
        return sent if schema in self.sent else read


# --- the comparison ---------------------------------------------------------------------


@dataclass(frozen=True)
class Change:
    """One difference between two resolved catalogs, in no output's syntax."""

    section: str
    """Which kind of thing changed: "endpoints_added", "fields", "webhooks", ..."""
    change: str
    """How: "added", "removed", "renamed", "type changed", ..."""
    subject: str
    """What, as a sortable key: an endpoint id, `schema.field`, a topic, ..."""
    cells: tuple[Text, ...]
    """The facts of the change, in its section's column order."""
    note: str
    """The note of the version rule that explains it, or ""."""
    action: Text = ()
    """What a client must do about it, if anything."""
    action_category: str = ""
    action_rank: str = "0"
    optional: str = ""
    """The category of a change a client may adopt when it likes ("endpoint", "field", ...)."""
    group: str = ""
    """Changes with the same group are one line of a guide: the value changes of one
    field's enum share the field's `schema.field`."""


class Comparison:
    """Walks both catalogs and collects rows; each row may carry an action."""

    def __init__(self, old: Catalog, new: Catalog) -> None:
        self.old = old
        self.new = new
        self.upgrade = version_key(old.version) <= version_key(new.version)
        self.rules = Rules(rules_between(old, new), self.upgrade)
        self.usage = Usage.of(old, new)
        self.rows: list[Change] = []

    def add(self, section: str, change: str, subject: str, cells: Sequence[Part | Text], note: str, **extra: Any) -> None:
        if "action" in extra:
            extra["action"] = text(extra["action"])
        self.rows.append(Change(section, change, subject, tuple(text(c) for c in cells), note, **extra))

    def run(self) -> list[Change]:
        self.groups()
        self.endpoints()
        self.permissions()
        self.schemas()
        self.webhooks()
        self.errors()
        return self.rows

    def described(self, subject: str, what: Text, was: str, now: str, note: str) -> None:
        """A change of documentation only: a summary or description in new words."""
        self.add("descriptions", "reworded", subject, (what, was or NONE_CELL, now or NONE_CELL), note)

    # groups
    def groups(self) -> None:
        old = {g.id: g for g in self.old.groups}
        new = {g.id: g for g in self.new.groups}
        for group_id in sorted(old.keys() ^ new.keys()):
            is_added = group_id in new
            group = new[group_id] if is_added else old[group_id]
            kind = self.rules.kind("add_group", "remove_group", is_added)
            note = self.rules.note((kind, (group_id,)))
            self.add("groups", "added" if is_added else "removed", group_id, (code(group_id), "added" if is_added else "removed", group.title), note)

    # endpoints
    def endpoints(self) -> None:
        old = {e.id: e for e in self.old.endpoints}
        new = {e.id: e for e in self.new.endpoints}
        nv = self.new.version
        for endpoint_id in sorted(new.keys() - old.keys()):
            e = new[endpoint_id]
            note = self.rules.note((self.rules.kind("add_endpoint", "remove_endpoint", True), (endpoint_id,)))
            self.add(
                "endpoints_added", "added", endpoint_id, (code(e.id), e.method, code(e.path), permission_cell(e.permission)), note,
                optional="endpoint",
            )
        for endpoint_id in sorted(old.keys() - new.keys()):
            e = old[endpoint_id]
            note = self.rules.note((self.rules.kind("add_endpoint", "remove_endpoint", False), (endpoint_id,)))
            self.add(
                "endpoints_removed", "removed", endpoint_id, (code(e.id), e.method, code(e.path), permission_cell(e.permission)), note,
                action_category="endpoint",
                action=text("Stop calling ", code(e.id), " (", code(e.method + ' ' + e.path), f"): {nv} does not have it."),
            )
        for endpoint_id in sorted(old.keys() & new.keys()):
            self.endpoint_changes(old[endpoint_id], new[endpoint_id])

    def endpoint_changes(self, before: Endpoint, after: Endpoint) -> None:
        eid = after.id
        nv = self.new.version
        if before.deprecated != after.deprecated:
            note = self.rules.note(("deprecate_endpoint", (eid,)))
            deprecation: Text = ()
            if after.deprecated:
                status = f"deprecated: {after.deprecated}"
                deprecation = text("Plan to move off ", code(eid), f": it is deprecated in {nv}.")
            else:
                status = "no longer deprecated"
            self.add("endpoints_deprecated", "deprecated" if after.deprecated else "undeprecated", eid,
                     (code(eid), after.method, code(after.path), status), note, action=deprecation, action_category="endpoint" if deprecation else "")
        def changed(key: str) -> str:
            return self.rules.note(("change_endpoint", (eid, key)))

        changes: list[tuple[str, Part | Text, Part | Text, str, Part | Text]] = []
        if before.method != after.method:
            changes.append(("method", before.method, after.method, changed("method"), text("Call ", code(eid), f" with {after.method} instead of {before.method}.")))
        if before.path != after.path:
            note = self.rules.note(("rename_parameter", (eid,)), ("change_endpoint", (eid, "path")))
            changes.append(("path", code(before.path), code(after.path), note, text("Call ", code(eid), " at ", code(after.path), " instead of ", code(before.path), ".")))
        if before.request != after.request:
            changes.append(("request body", _schema_cell(before.request), _schema_cell(after.request), changed("request"), text("Send ", _schema_cell(after.request), " as the body of ", code(eid), ".")))
        if (before.response, before.response_array) != (after.response, after.response_array):
            note = self.rules.note(("change_endpoint", (eid, "response")), ("change_endpoint", (eid, "response_array")))
            body_was, body_now = _response_cell(before), _response_cell(after)
            changes.append(("response body", body_was, body_now, note, text("Read ", code(eid), "'s response as ", body_now, ".")))
        if before.success_status != after.success_status:
            changes.append(("success status", str(before.success_status), str(after.success_status), changed("success_status"), text(f"Expect status {after.success_status} from ", code(eid), ".")))
        if before.pagination != after.pagination:
            changes.append(("pagination", before.pagination, after.pagination, changed("pagination"), text("Page through ", code(eid), f" by {after.pagination} pagination.")))
        if before.access != after.access:
            changes.append(("access", before.access, after.access, "", ""))
        if before.webhook != after.webhook:
            topic = after.webhook or before.webhook or ""
            note = self.rules.note(("remove_webhook", (topic,)), ("add_webhook", (topic,)))
            changes.append(("webhook", _optional_code(before.webhook), _optional_code(after.webhook), note, ""))
        for what, was, now, note, to_do in changes:
            self.add("endpoints_changed", what, f"{eid}:{what}", (code(eid), what, was, now), note, action=to_do, action_category="endpoint" if to_do else "")
        if before.summary != after.summary:
            self.described(f"{eid}:summary", text(code(eid), " summary"), before.summary, after.summary, changed("summary"))
        if before.rate_limit != after.rate_limit:
            self.described(f"{eid}:rate_limit", text(code(eid), " rate limit"), before.rate_limit, after.rate_limit, changed("rate_limit"))
        if before.permission != after.permission:
            note = self.rules.note(("change_permission", (eid,)))
            action: Text = ()
            if after.permission is not None:
                scopes = self.new.scopes_granting(after.permission)
                action = text(
                    f"Make sure the access token has a scope granting {after.permission!r} before calling ",
                    code(eid),
                    text(" (", join(", ", (code(s) for s in sorted(scopes))), ").") if scopes else ".",
                )
            self.add("permissions", "permission", f"endpoint {eid}", (code(eid), permission_cell(before.permission), permission_cell(after.permission)), note,
                     action=action, action_category="permission" if action else "")
        self.parameters(before, after)

    def parameters(self, before: Endpoint, after: Endpoint) -> None:
        eid = after.id
        old = {p.name: p for p in before.parameters}
        new = {p.name: p for p in after.parameters}
        steps = self.rules.renames("rename_parameter", lambda r: r.arguments["endpoint"] == eid)
        renamed = pair_renames(old.keys() - new.keys(), new.keys() - old.keys(), steps)
        for name, to in sorted(renamed.items()):
            note = self.rules.note(("rename_parameter", (eid, name)), ("rename_parameter", (eid, to)))
            self.add("parameters", "renamed", f"{eid}.{name}", (code(eid), code(name), "renamed", text(code(name), " → ", code(to))), note,
                     action_category="parameter", action=text("Send ", code(to), " instead of ", code(name), " to ", code(eid), "."))
        for name in sorted(new.keys() - old.keys() - set(renamed.values())):
            p = new[name]
            note = self.rules.note((self.rules.kind("add_parameter", "remove_parameter", True), (eid, name)))
            extra = {"action_category": "parameter", "action": text("Send ", code(name), " to ", code(eid), f": it is required in {self.new.version}.")} if p.required else {"optional": "parameter"}
            self.add("parameters", "added", f"{eid}.{name}", (code(eid), code(name), "added", describe_parameter(p)), note, **extra)
        for name in sorted(old.keys() - new.keys() - renamed.keys()):
            p = old[name]
            note = self.rules.note((self.rules.kind("add_parameter", "remove_parameter", False), (eid, name)))
            self.add("parameters", "removed", f"{eid}.{name}", (code(eid), code(name), "removed", describe_parameter(p)), note,
                     action_category="parameter", action=text("Stop sending ", code(name), " to ", code(eid), f": {self.new.version} does not take it."))
        for name in sorted(old.keys() & new.keys()):
            note = self.rules.note(("remove_parameter", (eid, name)), ("add_parameter", (eid, name)), ("change_parameter", (eid, name)))
            if (old[name].location, old[name].type, old[name].required) != (new[name].location, new[name].type, new[name].required):
                self.add("parameters", "changed", f"{eid}.{name}", (code(eid), code(name), "changed", f"{describe_parameter(old[name])} → {describe_parameter(new[name])}"), note,
                         action_category="parameter", action=text("Send ", code(name), " to ", code(eid), f" as {describe_parameter(new[name])}."))
            if old[name].description != new[name].description:
                self.described(f"{eid}.{name}:description", text(code(eid), " parameter ", code(name)), old[name].description, new[name].description, note)

    # permissions and scopes
    def permissions(self) -> None:
        old = {p.name: p for p in self.old.permissions}
        new = {p.name: p for p in self.new.permissions}
        for name in sorted(old.keys() ^ new.keys()):
            was = f"{old[name].access} permission" if name in old else "absent"
            now = f"{new[name].access} permission" if name in new else "absent"
            self.add("permissions", "added" if name in new else "removed", f"permission {name}", (f"permission {name!r}", was, now), "")
        old_scopes = {s.name: s for s in self.old.scopes}
        new_scopes = {s.name: s for s in self.new.scopes}
        for name in sorted(old_scopes.keys() | new_scopes.keys()):
            before = sorted(old_scopes[name].grants) if name in old_scopes else None
            after = sorted(new_scopes[name].grants) if name in new_scopes else None
            if before == after:
                continue
            note = self.rules.note(("change_scope_grants", (name,)))
            lost = sorted(set(before or ()) - set(after or ()))
            action = ""
            if lost:
                action = f"Scope {name!r} no longer grants {', '.join(repr(p) for p in lost)} in {self.new.version}: request a scope that does for the endpoints needing it."
            self.add("permissions", "scope", f"scope {name}", (f"scope {name!r}", _grants(before), _grants(after)), note,
                     action=action, action_category="permission" if action else "")

    # schemas
    def schemas(self) -> None:
        old = {s.name: s for s in self.old.schemas}
        new = {s.name: s for s in self.new.schemas}
        for name in sorted(old.keys() ^ new.keys()):
            is_added = name in new
            schema = new[name] if is_added else old[name]
            note = self.rules.note((self.rules.kind("add_schema", "remove_schema", is_added), (name,)))
            self.add("schemas", "added" if is_added else "removed", name, (code(name), "added" if is_added else "removed", schema.description), note)
        for name in sorted(old.keys() & new.keys()):
            if old[name].description != new[name].description:
                note = self.rules.note(("change_description", (name,)))
                self.described(f"{name}:description", text("schema ", code(name)), old[name].description, new[name].description, note)
            self.fields(old[name], new[name])

    def fields(self, before: Schema, after: Schema) -> None:
        s = after.name
        nv = self.new.version
        old = {p.name: p for p in before.properties}
        new = {p.name: p for p in after.properties}
        steps = self.rules.renames("rename_field", lambda r: r.arguments["schema"] == s)
        renamed = pair_renames(old.keys() - new.keys(), new.keys() - old.keys(), steps)
        for name, to in sorted(renamed.items()):
            note = self.rules.note(("rename_field", (s, name)), ("rename_field", (s, to)))
            verb = self.usage.verb(s, "send", "read")
            self.add("fields", "renamed", f"{s}.{name}", (code(s), code(name), "renamed", text(code(name), " → ", code(to))), note,
                     action_category="field", action=text(f"{verb.capitalize()} ", code(to), " instead of ", code(name), " in ", code(s), "."))
        for name in sorted(new.keys() - old.keys() - set(renamed.values())):
            required = name in after.required
            note = self.rules.note((self.rules.kind("add_field", "remove_field", True), (s, name)))
            extra: dict[str, Any] = {"optional": "field"}
            if required and s in self.usage.sent:
                extra = {"action_category": "field", "action": text("Send ", code(name), " in ", code(s), f": it is required in {nv}.")}
            self.add("fields", "added (required)" if required else "added", f"{s}.{name}",
                     (code(s), code(name), "added, required" if required else "added", describe_field(new[name].definition)), note, **extra)
        for name in sorted(old.keys() - new.keys() - renamed.keys()):
            note = self.rules.note((self.rules.kind("add_field", "remove_field", False), (s, name)))
            verb = self.usage.verb(s, "sending", "reading")
            place = "in" if s in self.usage.sent and s not in self.usage.read else "from"
            self.add("fields", "removed", f"{s}.{name}", (code(s), code(name), "removed", describe_field(old[name].definition)), note,
                     action_category="field", action=text(f"Stop {verb} ", code(name), f" {place} ", code(s), f": {nv} does not have it."))
        for name in sorted(old.keys() & new.keys()):
            self.field_changes(before, after, old[name], new[name])
        for name, to in sorted(renamed.items()):
            self.enum_changes(s, to, old[name], new[to])

    def field_changes(self, before: Schema, after: Schema, was: Property, now: Property) -> None:
        s, name, nv = after.name, now.name, self.new.version
        note = self.rules.note(("remove_field", (s, name)), ("add_field", (s, name)), ("change_field", (s, name)))
        retyped = describe_type(was.definition) != describe_type(now.definition)
        verb = self.usage.verb(s, "send", "read")
        if retyped:
            self.add("fields", "type changed", f"{s}.{name}", (code(s), code(name), "type changed", text(describe_field(was.definition), " → ", describe_field(now.definition))), note,
                     action_category="field", action=text(f"Update how you {verb} ", code(name), " of ", code(s), ": it is ", describe_type(now.definition), f" in {nv} (was ", describe_type(was.definition), ")."))
        else:
            reshaped = definition_changes(was.definition, now.definition)
            if reshaped:
                keys = join(", ", (code(key) for key, _, _ in reshaped))
                self.add("fields", "definition changed", f"{s}.{name}", (code(s), code(name), "definition changed", join("; ", (text(code(key), ": ", was_value, " → ", now_value) for key, was_value, now_value in reshaped))), note,
                         action_category="field", action=text(f"Check how you {verb} ", code(name), " of ", code(s), ": its ", keys, f" changed in {nv}."))
            described_was, described_now = str(was.definition.get("description", "")), str(now.definition.get("description", ""))
            if described_was != described_now:
                wording = self.rules.note(("change_description", (s, name)), ("change_field", (s, name)))
                self.described(f"{s}.{name}:description", text("field ", code(s + "." + name)), described_was, described_now, wording)
        was_required, now_required = name in before.required, name in after.required
        if was_required != now_required:
            extra: dict[str, Any] = {}
            if now_required and s in self.usage.sent:
                extra = {"action_category": "field", "action": text("Send ", code(name), " in ", code(s), f": it is required in {nv}.")}
            change = "now required" if now_required else "no longer required"
            self.add("fields", change, f"{s}.{name}", (code(s), code(name), change, describe_type(now.definition)), note, **extra)
        if not retyped:
            self.enum_changes(s, name, was, now)

    def enum_changes(self, s: str, name: str, was: Property, now: Property) -> None:
        """The field's enum, as one group of changes: each value added, removed or renamed,
        or the enum as a whole when it appears or goes. Each kind of action is said once
        for the field, naming all its values."""
        before, after = enum_values(was.definition), enum_values(now.definition)
        if before == after:
            return
        subject = f"{s}.{name}"
        nv = self.new.version
        sent = s in self.usage.sent
        read = s in self.usage.read
        notes = (
            ("remove_enum", (s, name)),
            ("change_field", (s, name)),
            ("remove_field", (s, name)),
            ("add_field", (s, name)),
        )
        if before is None or after is None:
            values = after if before is None else before
            assert values is not None
            is_added = before is None
            change = "enum added" if is_added else "enum removed"
            note = self.rules.note(*notes)
            extra: dict[str, Any] = {}
            if is_added and sent:
                extra = {"action_category": "enum", "action": text("Send only ", code_list(values), " as ", code(subject), f": {nv} allows no other value.")}
            elif not is_added and read:
                extra = {"action_category": "enum", "action": text("Accept any value of ", code(subject), f" in responses: {nv} no longer limits it to ", code_list(values), ".")}
            self.add("enum_values", change, subject, (code(s), code(name), change, code_list(values)), note, group=subject, **extra)
            return
        by_text_before = {str(v): v for v in before}
        by_text_after = {str(v): v for v in after}
        steps = self.rules.renames("rename_enum_value", lambda r: (r.arguments["schema"], r.arguments["field"]) == (s, name))
        renamed = pair_renames(by_text_before.keys() - by_text_after.keys(), by_text_after.keys() - by_text_before.keys(), steps)
        added = sorted(by_text_after.keys() - by_text_before.keys() - set(renamed.values()))
        removed = sorted(by_text_before.keys() - by_text_after.keys() - renamed.keys())

        def value_note(kind: str, value: str, *more: str) -> str:
            return self.rules.note((kind, (s, name, value)), *((kind, (s, name, m)) for m in more), *notes)

        for index, (value, to) in enumerate(sorted(renamed.items())):
            action: dict[str, Any] = {}
            if index == 0:
                mapping = join(", ", (text(code(a), " is ", code(b)) for a, b in sorted(renamed.items())))
                action = {"action_category": "enum", "action": text("Update comparisons of ", code(subject), ": ", mapping, f" in {nv}.")}
            self.add("enum_values", "renamed", f"{subject}={value}", (code(s), code(name), "renamed", text(code(value), " → ", code(to))), value_note("rename_enum_value", value, to), group=subject, **action)
        for index, value in enumerate(added):
            forward_kind = self.rules.kind("add_enum_value", "remove_enum_value", True)
            extra = {"optional": "enum"}
            if read:
                extra = {"action_rank": "1"}
                if index == 0:
                    extra |= {"action_category": "enum", "action": text("Accept ", code_list(added), " as ", "a value" if len(added) == 1 else "values", " of ", code(subject), " in responses.")}
            self.add("enum_values", "added", f"{subject}={value}", (code(s), code(name), "added", code(value)), value_note(forward_kind, value), group=subject, **extra)
        for index, value in enumerate(removed):
            forward_kind = self.rules.kind("add_enum_value", "remove_enum_value", False)
            verb = "sending or expecting" if sent and read else "sending" if sent else "expecting"
            extra = {}
            if index == 0:
                them = "it" if len(removed) == 1 else "them"
                extra = {"action_category": "enum", "action": text(f"Stop {verb} ", either(removed), " in ", code(subject), f": {nv} does not have {them}.")}
            self.add("enum_values", "removed", f"{subject}={value}", (code(s), code(name), "removed", code(value)), value_note(forward_kind, value), group=subject, **extra)

    # webhooks
    def webhooks(self) -> None:
        old = {w.topic: w for w in self.old.webhooks}
        new = {w.topic: w for w in self.new.webhooks}
        for topic in sorted(old.keys() ^ new.keys()):
            is_added = topic in new
            w = new[topic] if is_added else old[topic]
            note = self.rules.note((self.rules.kind("add_webhook", "remove_webhook", is_added), (topic,)))
            extra = {"optional": "webhook"} if is_added else {
                "action_category": "webhook", "action": text("Stop relying on the ", code(topic), f" webhook topic: {self.new.version} does not send it.")}
            self.add("webhooks", "added" if is_added else "removed", topic,
                     (code(topic), "added" if is_added else "removed", w.permission, code_list(sorted(w.triggered_by))), note, **extra)
        for topic in sorted(old.keys() & new.keys()):
            was, now = old[topic], new[topic]
            if was.permission != now.permission or sorted(was.triggered_by) != sorted(now.triggered_by):
                gone = sorted(set(was.triggered_by) - set(now.triggered_by))
                came = sorted(set(now.triggered_by) - set(was.triggered_by))
                triggers = join("; ", [text("no longer ", code_list(gone))] * bool(gone) + [text("now also ", code_list(came))] * bool(came))
                permission = now.permission if was.permission == now.permission else f"{was.permission} → {now.permission}"
                note = self.rules.note(*(("add_endpoint", (e,)) for e in came), *(("remove_endpoint", (e,)) for e in gone))
                self.add("webhooks", "changed", topic, (code(topic), "changed", permission, triggers or code_list(sorted(now.triggered_by))), note)


    # errors
    def errors(self) -> None:
        old = {e.status: e for e in self.old.errors}
        new = {e.status: e for e in self.new.errors}
        for status in sorted(old.keys() ^ new.keys()):
            is_added = status in new
            error = new[status] if is_added else old[status]
            note = self.rules.note((self.rules.kind("add_error", "remove_error", is_added), (str(status),)))
            statuses = join(", ", (code(s) for s in (error.status, *error.also)))
            cells = (statuses, "added" if is_added else "removed", code_list(error.codes), _endpoints_cell(error.endpoints))
            extra: dict[str, Any] = {}
            if is_added:
                extra = {
                    "action_category": "error",
                    "action": text("Handle status ", statuses, f" ({error.title}) from ", _endpoints_cell(error.endpoints), f": {' '.join(error.meaning.split())} {' '.join(error.what_to_do.split())}"),
                }
            self.add("errors", "added" if is_added else "removed", str(status), cells, note, **extra)
        for status in sorted(old.keys() & new.keys()):
            self.error_changes(old[status], new[status])

    def error_changes(self, was: ErrorStatus, now: ErrorStatus) -> None:
        status, nv = now.status, self.new.version
        note = self.rules.note(("change_error", (str(status),)))
        facts: list[Text] = []
        actions: list[Text] = []
        if was.title != now.title:
            facts.append(text(f"title {was.title!r} → {now.title!r}"))
        came, gone = [c for c in now.codes if c not in was.codes], [c for c in was.codes if c not in now.codes]
        if came:
            facts.append(text("new codes ", code_list(came)))
            actions.append(text("Handle the error code", "s " if len(came) > 1 else " ", code_list(came), f" of status {status}."))
        if gone:
            facts.append(text("codes no longer sent ", code_list(gone)))
        if was.also != now.also:
            facts.append(text("handled with it: ", code_list(was.also), " → ", code_list(now.also)))
            new_statuses = [s for s in now.also if s not in was.also]
            if new_statuses:
                actions.append(text("Handle status ", code_list(new_statuses), f" as status {status} ({now.title})."))
        if set(was.endpoints) != set(now.endpoints):
            facts.append(text("endpoints ", _endpoints_cell(was.endpoints), " → ", _endpoints_cell(now.endpoints)))
            reached = sorted(set(now.endpoints) - set(was.endpoints)) if was.endpoints else []
            if reached or (was.endpoints and not now.endpoints):
                actions.append(text(f"Handle status {status} ({now.title}) from ", _endpoints_cell(reached), "."))
        if was.retryable != now.retryable:
            facts.append(text("retryable" if now.retryable else "no longer retryable"))
            actions.append(text(f"Retry status {status} with backoff in {nv}." if now.retryable else f"Stop retrying status {status}: {nv} says a retry does not help."))
        if facts:
            self.add("errors", "changed", str(status), (code(status), "changed", join("; ", facts), _endpoints_cell(now.endpoints)), note,
                     action=join(" ", actions), action_category="error" if actions else "")
        for key, what in (("meaning", "meaning"), ("what_to_do", "what to do")):
            before, after = getattr(was, key), getattr(now, key)
            if before != after:
                self.described(f"{status}:{key}", text(f"status {status}, {what}"), before, after, note)


def _response_cell(endpoint: Endpoint) -> Text:
    if endpoint.response is not None and endpoint.response_array:
        return text("array of ", code(endpoint.response))
    return text(_schema_cell(endpoint.response))


def _endpoints_cell(endpoint_ids: Sequence[str]) -> Text:
    return code_list(sorted(endpoint_ids)) if endpoint_ids else text(ANY_ENDPOINT)


def _schema_cell(name: str | None) -> Part:
    return code(name) if name is not None else "no body"


def _optional_code(value: str | None) -> Part:
    return code(value) if value is not None else NONE_CELL


def _grants(grants: Sequence[str] | None) -> str:
    if grants is None:
        return "absent"
    return ", ".join(grants) if grants else NONE_CELL


def diff_catalogs(old: Catalog, new: Catalog) -> tuple[Change, ...]:
    """Every difference between two resolved catalogs, moving a client from `old` to `new`
    (either direction)."""
    return tuple(Comparison(old, new).run()) if old.version != new.version else ()
