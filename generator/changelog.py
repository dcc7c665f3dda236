"""The changelog: what differs between two resolved catalogs, and what a client must change.

The facts come from comparing the two resolved catalogs, never from the rule text. The
rules of the versions in between are consulted for two things only: to label a
remove-and-add pair as a rename (`rename_parameter`, `rename_field`,
`rename_enum_value`), and to attach the note of the rule that explains an entry.

Both directions work: from an older to a newer version the entries read as the rules
describe them; from a newer to an older one every change is reversed (what a rule added
is removed, a renamed value is renamed back).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from generator.catalog import (
    Catalog,
    Endpoint,
    Parameter,
    Property,
    Schema,
    VersionRule,
    enum_holder,
    schema_refs,
    thaw,
    version_key,
)
from generator.rules import RULE_KINDS
from generator.text import NOT_DOCUMENTED

NONE_CELL = "none"

# --- the view ------------------------------------------------------------------------------


@dataclass(frozen=True)
class ChangeEntry:
    """One row of a section: `cells` are Markdown, escaped, in the section's column order."""

    change: str
    subject: str
    cells: tuple[str, ...]
    note: str


@dataclass(frozen=True)
class ChangelogSection:
    id: str
    title: str
    intro: str
    columns: tuple[str, ...]
    entries: tuple[ChangeEntry, ...]


@dataclass(frozen=True)
class CountEntry:
    label: str
    count: int
    text: str


@dataclass(frozen=True)
class ActionEntry:
    """One thing a client must do (or may do) to move between the two versions."""

    category: str
    subject: str
    text: str


@dataclass(frozen=True)
class ChangelogView:
    old_version: str
    new_version: str
    title: str
    is_base: bool
    base_text: str
    is_upgrade: bool
    has_changes: bool
    lead: str
    summary: tuple[str, ...]
    counts: tuple[CountEntry, ...]
    no_changes_text: str
    actions_title: str
    actions: tuple[ActionEntry, ...]
    has_actions: bool
    no_actions_text: str
    optional: tuple[ActionEntry, ...]
    has_optional: bool
    details_intro: str
    sections: tuple[ChangelogSection, ...]

    def section(self, section_id: str) -> ChangelogSection | None:
        return next((s for s in self.sections if s.id == section_id), None)

    def entries(self, section_id: str) -> tuple[ChangeEntry, ...]:
        found = self.section(section_id)
        return found.entries if found is not None else ()


# --- Markdown cells --------------------------------------------------------------------------


def cell(text: str) -> str:
    """Text safe inside a Markdown table cell: no pipes, no line breaks."""
    return " ".join(text.replace("|", "\\|").split())


def code(value: Any) -> str:
    return f"`{value}`"


def code_list(values: Iterable[Any]) -> str:
    items = [code(v) for v in values]
    return ", ".join(items) if items else NONE_CELL


def describe_type(definition: Mapping[str, Any]) -> str:
    """A property's type in words: `string or null`, ``array of `recipient` ``."""
    nullable = bool(definition.get("nullable"))
    names: list[str] = []
    if "$ref" in definition:
        names.append(code(definition["$ref"]))
    elif "oneOf" in definition:
        names.append("one of " + ", ".join(describe_type(choice) for choice in definition["oneOf"]))
    declared = definition.get("type")
    types = list(declared) if isinstance(declared, (list, tuple)) else [declared] if declared is not None else []
    for name in types:
        if name == "null":
            nullable = True
        elif name == "array" and isinstance(definition.get("items"), Mapping):
            names.append("array of " + describe_type(definition["items"]))
        else:
            names.append(str(name))
    text = " or ".join(names) if names else "any"
    return text + " or null" if nullable else text


def enum_values(definition: Mapping[str, Any]) -> tuple[Any, ...] | None:
    holder = enum_holder(definition)
    return tuple(holder["enum"]) if holder is not None else None


def without_enum(definition: Mapping[str, Any]) -> dict[str, Any]:
    plain: dict[str, Any] = thaw(definition)
    plain.pop("enum", None)
    if isinstance(plain.get("items"), dict):
        plain["items"].pop("enum", None)
    return plain


def describe_field(definition: Mapping[str, Any]) -> str:
    values = enum_values(definition)
    text = describe_type(definition)
    return text if values is None else f"{text}, one of {code_list(values)}"


def describe_parameter(parameter: Parameter) -> str:
    required = "required" if parameter.required else "optional"
    return f"{parameter.location}, {parameter.type}, {required}"


def permission_cell(permission: str | None) -> str:
    return permission if permission is not None else NOT_DOCUMENTED


def plural(count: int, one: str, many: str) -> str:
    return f"{count} {one if count == 1 else many}"


# --- rules between two versions -----------------------------------------------------------


def rules_between(old: Catalog, new: Catalog) -> tuple[VersionRule, ...]:
    """The rules of every version after the older of the two, up to the newer, in order."""
    low, high = sorted((version_key(old.version), version_key(new.version)))
    return tuple(
        rule for api_version in old.versions if low < version_key(api_version.version) <= high for rule in api_version.rules
    )


def rule_targets(rule: VersionRule) -> tuple[tuple[str, ...], ...]:
    """What a rule is about, as keys an entry can be matched with (its kind's entry says)."""
    return RULE_KINDS[rule.kind].targets(rule.arguments)


class Rules:
    """The rules between two versions, indexed for notes and renames."""

    def __init__(self, rules: Sequence[VersionRule], upgrade: bool) -> None:
        self.rules = tuple(rules)
        self.upgrade = upgrade
        self.notes: dict[tuple[str, tuple[str, ...]], str] = {}
        for rule in self.rules:
            for target in rule_targets(rule):
                if rule.note:
                    self.notes[(rule.kind, target)] = rule.note  # the latest rule wins

    def note(self, *candidates: tuple[str, tuple[str, ...]]) -> str:
        """The note of the first candidate (kind, target) some rule matches, else ""."""
        return next((self.notes[c] for c in candidates if c in self.notes), "")

    def kind(self, added: str, removed: str, is_added: bool) -> str:
        """The forward rule kind behind an entry: in a downgrade, an addition undoes a removal."""
        return added if is_added == self.upgrade else removed

    def renames(self, kind: str, match: Callable[[VersionRule], bool]) -> tuple[tuple[str, str], ...]:
        """(from, to) steps in the direction of travel, in the order they apply."""
        old_name = RULE_KINDS[kind].renamed_from
        steps = [(str(r.arguments[old_name]), str(r.arguments["to"])) for r in self.rules if r.kind == kind and match(r)]
        if self.upgrade:
            return tuple(steps)
        return tuple((after, before) for before, after in reversed(steps))


def pair_renames(removed: Iterable[str], added: Iterable[str], steps: Sequence[tuple[str, str]]) -> dict[str, str]:
    """Removed names that the rename steps carry to an added name: {old: new}."""
    added_set = set(added)
    pairs: dict[str, str] = {}
    for name in sorted(removed):
        current = name
        for before, after in steps:
            if current == before:
                current = after
        if current != name and current in added_set and current not in pairs.values():
            pairs[name] = current
    return pairs


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
class _Row:
    section: str
    change: str
    subject: str
    cells: tuple[str, ...]
    note: str
    action: str = ""
    action_category: str = ""
    action_rank: str = "0"
    optional: str = ""


SECTIONS: tuple[tuple[str, str, str, tuple[str, ...]], ...] = (
    ("groups", "Capability groups", "Groups of endpoints that appear or disappear.", ("Group", "Change", "Title", "Note")),
    ("endpoints_added", "Endpoints added", "Endpoints a client can call in {new} but not in {old}.", ("Endpoint", "Method", "Path", "Permission", "Note")),
    ("endpoints_removed", "Endpoints removed", "Endpoints of {old} that {new} no longer has.", ("Endpoint", "Method", "Path", "Permission", "Note")),
    ("endpoints_deprecated", "Endpoints deprecated", "Endpoints whose deprecation changes.", ("Endpoint", "Method", "Path", "Status", "Note")),
    ("endpoints_changed", "Endpoints changed", "Endpoints present in both versions whose method, path, bodies or behaviour differ.", ("Endpoint", "What", "In {old}", "In {new}", "Note")),
    ("parameters", "Parameters", "Path and query parameters added, removed or renamed on endpoints present in both versions.", ("Endpoint", "Parameter", "Change", "Details", "Note")),
    ("permissions", "Permissions and scopes", "Permissions endpoints need, and what OAuth scopes grant.", ("Applies to", "In {old}", "In {new}", "Note")),
    ("schemas", "Schemas", "Request and response objects that appear or disappear.", ("Schema", "Change", "Description", "Note")),
    ("fields", "Fields", "Fields of schemas present in both versions.", ("Schema", "Field", "Change", "Type", "Note")),
    ("enum_values", "Enum values", "Allowed values of fields present in both versions.", ("Schema", "Field", "Change", "Value", "Note")),
    ("webhooks", "Webhook topics", "Topics a webhook subscription can receive.", ("Topic", "Change", "Permission", "Triggered by", "Note")),
)

ACTION_ORDER = (
    "endpoint",
    "parameter",
    "permission",
    "field",
    "enum",
    "webhook",
)


class Comparison:
    """Walks both catalogs and collects rows; each row may carry an action."""

    def __init__(self, old: Catalog, new: Catalog) -> None:
        self.old = old
        self.new = new
        self.upgrade = version_key(old.version) <= version_key(new.version)
        self.rules = Rules(rules_between(old, new), self.upgrade)
        self.usage = Usage.of(old, new)
        self.rows: list[_Row] = []

    def add(self, section: str, change: str, subject: str, cells: Sequence[str], note: str, **extra: str) -> None:
        self.rows.append(_Row(section, change, subject, tuple(cell(c) for c in (*cells, note)), note, **extra))

    def run(self) -> list[_Row]:
        self.groups()
        self.endpoints()
        self.permissions()
        self.schemas()
        self.webhooks()
        return self.rows

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
                action=f"Stop calling {code(e.id)} ({code(e.method + ' ' + e.path)}): {nv} does not have it.",
            )
        for endpoint_id in sorted(old.keys() & new.keys()):
            self.endpoint_changes(old[endpoint_id], new[endpoint_id])

    def endpoint_changes(self, before: Endpoint, after: Endpoint) -> None:
        eid = after.id
        nv = self.new.version
        if before.deprecated != after.deprecated:
            note = self.rules.note(("deprecate_endpoint", (eid,)))
            if after.deprecated:
                status = f"deprecated: {after.deprecated}"
                action = f"Plan to move off {code(eid)}: it is deprecated in {nv}."
            else:
                status = "no longer deprecated"
                action = ""
            self.add("endpoints_deprecated", "deprecated" if after.deprecated else "undeprecated", eid,
                     (code(eid), after.method, code(after.path), status), note, action=action, action_category="endpoint" if action else "")
        path_note = self.rules.note(("rename_parameter", (eid,)))
        changes: list[tuple[str, str, str, str, str]] = []
        if before.method != after.method:
            changes.append(("method", before.method, after.method, "", f"Call {code(eid)} with {after.method} instead of {before.method}."))
        if before.path != after.path:
            changes.append(("path", code(before.path), code(after.path), path_note, f"Call {code(eid)} at {code(after.path)} instead of {code(before.path)}."))
        if before.request != after.request:
            changes.append(("request body", _schema_cell(before.request), _schema_cell(after.request), "", f"Send {_schema_cell(after.request)} as the body of {code(eid)}."))
        if before.response != after.response:
            changes.append(("response body", _schema_cell(before.response), _schema_cell(after.response), "", f"Read {code(eid)}'s response as {_schema_cell(after.response)}."))
        if before.success_status != after.success_status:
            changes.append(("success status", str(before.success_status), str(after.success_status), "", f"Expect status {after.success_status} from {code(eid)}."))
        if before.pagination != after.pagination:
            changes.append(("pagination", before.pagination, after.pagination, "", f"Page through {code(eid)} by {after.pagination} pagination."))
        if before.access != after.access:
            changes.append(("access", before.access, after.access, "", ""))
        if before.webhook != after.webhook:
            topic = after.webhook or before.webhook or ""
            note = self.rules.note(("remove_webhook", (topic,)), ("add_webhook", (topic,)))
            changes.append(("webhook", _optional_code(before.webhook), _optional_code(after.webhook), note, ""))
        for what, was, now, note, action in changes:
            self.add("endpoints_changed", what, f"{eid}:{what}", (code(eid), what, was, now), note, action=action, action_category="endpoint" if action else "")
        if before.permission != after.permission:
            note = self.rules.note(("change_permission", (eid,)))
            action = ""
            if after.permission is not None:
                scopes = self.new.scopes_granting(after.permission)
                action = f"Make sure the access token has a scope granting {after.permission!r} before calling {code(eid)}" + (
                    f" ({', '.join(code(s) for s in sorted(scopes))})." if scopes else "."
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
            self.add("parameters", "renamed", f"{eid}.{name}", (code(eid), code(name), "renamed", f"{code(name)} → {code(to)}"), note,
                     action_category="parameter", action=f"Send {code(to)} instead of {code(name)} to {code(eid)}.")
        for name in sorted(new.keys() - old.keys() - set(renamed.values())):
            p = new[name]
            note = self.rules.note((self.rules.kind("add_parameter", "remove_parameter", True), (eid, name)))
            extra = {"action_category": "parameter", "action": f"Send {code(name)} to {code(eid)}: it is required in {self.new.version}."} if p.required else {"optional": "parameter"}
            self.add("parameters", "added", f"{eid}.{name}", (code(eid), code(name), "added", describe_parameter(p)), note, **extra)
        for name in sorted(old.keys() - new.keys() - renamed.keys()):
            p = old[name]
            note = self.rules.note((self.rules.kind("add_parameter", "remove_parameter", False), (eid, name)))
            self.add("parameters", "removed", f"{eid}.{name}", (code(eid), code(name), "removed", describe_parameter(p)), note,
                     action_category="parameter", action=f"Stop sending {code(name)} to {code(eid)}: {self.new.version} does not take it.")
        for name in sorted(old.keys() & new.keys()):
            if (old[name].location, old[name].type, old[name].required) != (new[name].location, new[name].type, new[name].required):
                note = self.rules.note(("add_parameter", (eid, name)), ("remove_parameter", (eid, name)))
                self.add("parameters", "changed", f"{eid}.{name}", (code(eid), code(name), "changed", f"{describe_parameter(old[name])} → {describe_parameter(new[name])}"), note,
                         action_category="parameter", action=f"Send {code(name)} to {code(eid)} as {describe_parameter(new[name])}.")

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
            self.add("fields", "renamed", f"{s}.{name}", (code(s), code(name), "renamed", f"{code(name)} → {code(to)}"), note,
                     action_category="field", action=f"{verb.capitalize()} {code(to)} instead of {code(name)} in {code(s)}.")
        for name in sorted(new.keys() - old.keys() - set(renamed.values())):
            required = name in after.required
            note = self.rules.note((self.rules.kind("add_field", "remove_field", True), (s, name)))
            extra: dict[str, str] = {"optional": "field"}
            if required and s in self.usage.sent:
                extra = {"action_category": "field", "action": f"Send {code(name)} in {code(s)}: it is required in {nv}."}
            self.add("fields", "added (required)" if required else "added", f"{s}.{name}",
                     (code(s), code(name), "added, required" if required else "added", describe_field(new[name].definition)), note, **extra)
        for name in sorted(old.keys() - new.keys() - renamed.keys()):
            note = self.rules.note((self.rules.kind("add_field", "remove_field", False), (s, name)))
            verb = self.usage.verb(s, "sending", "reading")
            place = "in" if s in self.usage.sent and s not in self.usage.read else "from"
            self.add("fields", "removed", f"{s}.{name}", (code(s), code(name), "removed", describe_field(old[name].definition)), note,
                     action_category="field", action=f"Stop {verb} {code(name)} {place} {code(s)}: {nv} does not have it.")
        for name in sorted(old.keys() & new.keys()):
            self.field_changes(before, after, old[name], new[name])
        for name, to in sorted(renamed.items()):
            self.enum_changes(s, to, old[name], new[to])

    def field_changes(self, before: Schema, after: Schema, was: Property, now: Property) -> None:
        s, name, nv = after.name, now.name, self.new.version
        retyped = without_enum(was.definition) != without_enum(now.definition) and describe_type(was.definition) != describe_type(now.definition)
        if retyped:
            note = self.rules.note(("add_field", (s, name)), ("remove_field", (s, name)))
            verb = self.usage.verb(s, "send", "read")
            self.add("fields", "type changed", f"{s}.{name}", (code(s), code(name), "type changed", f"{describe_field(was.definition)} → {describe_field(now.definition)}"), note,
                     action_category="field", action=f"Update how you {verb} {code(name)} of {code(s)}: it is {describe_type(now.definition)} in {nv} (was {describe_type(was.definition)}).")
        was_required, now_required = name in before.required, name in after.required
        if was_required != now_required:
            note = self.rules.note(("add_field", (s, name)), ("remove_field", (s, name)))
            extra: dict[str, str] = {}
            if now_required and s in self.usage.sent:
                extra = {"action_category": "field", "action": f"Send {code(name)} in {code(s)}: it is required in {nv}."}
            change = "now required" if now_required else "no longer required"
            self.add("fields", change, f"{s}.{name}", (code(s), code(name), change, describe_type(now.definition)), note, **extra)
        if not retyped:
            self.enum_changes(s, name, was, now)

    def enum_changes(self, s: str, name: str, was: Property, now: Property) -> None:
        before = enum_values(was.definition) or ()
        after = enum_values(now.definition) or ()
        if before == after:
            return
        by_text_before = {str(v): v for v in before}
        by_text_after = {str(v): v for v in after}
        steps = self.rules.renames("rename_enum_value", lambda r: (r.arguments["schema"], r.arguments["field"]) == (s, name))
        renamed = pair_renames(by_text_before.keys() - by_text_after.keys(), by_text_after.keys() - by_text_before.keys(), steps)
        subject = f"{s}.{name}"
        sent = s in self.usage.sent
        read = s in self.usage.read
        for value, to in sorted(renamed.items()):
            note = self.rules.note(("rename_enum_value", (s, name, value)), ("rename_enum_value", (s, name, to)))
            self.add("enum_values", "renamed", f"{subject}={value}", (code(s), code(name), "renamed", f"{code(value)} → {code(to)}"), note,
                     action_category="enum", action=f"Update comparisons of {code(subject)}: {code(value)} is {code(to)} in {self.new.version}.")
        for value in sorted(by_text_after.keys() - by_text_before.keys() - set(renamed.values())):
            note = self.rules.note((self.rules.kind("add_enum_value", "remove_enum_value", True), (s, name, value)))
            extra = {"optional": "enum"}
            if read:
                extra = {
                    "action_category": "enum",
                    "action_rank": "1",
                    "action": f"Accept {code(value)} as a value of {code(subject)} in responses.",
                }
            self.add("enum_values", "added", f"{subject}={value}", (code(s), code(name), "added", code(value)), note, **extra)
        for value in sorted(by_text_before.keys() - by_text_after.keys() - renamed.keys()):
            note = self.rules.note((self.rules.kind("add_enum_value", "remove_enum_value", False), (s, name, value)))
            verb = "sending or expecting" if sent and read else "sending" if sent else "expecting"
            self.add("enum_values", "removed", f"{subject}={value}", (code(s), code(name), "removed", code(value)), note,
                     action_category="enum", action=f"Stop {verb} {code(value)} in {code(subject)}: {self.new.version} does not have it.")

    # webhooks
    def webhooks(self) -> None:
        old = {w.topic: w for w in self.old.webhooks}
        new = {w.topic: w for w in self.new.webhooks}
        for topic in sorted(old.keys() ^ new.keys()):
            is_added = topic in new
            w = new[topic] if is_added else old[topic]
            note = self.rules.note((self.rules.kind("add_webhook", "remove_webhook", is_added), (topic,)))
            extra = {"optional": "webhook"} if is_added else {
                "action_category": "webhook", "action": f"Stop relying on the {code(topic)} webhook topic: {self.new.version} does not send it."}
            self.add("webhooks", "added" if is_added else "removed", topic,
                     (code(topic), "added" if is_added else "removed", w.permission, code_list(sorted(w.triggered_by))), note, **extra)
        for topic in sorted(old.keys() & new.keys()):
            was, now = old[topic], new[topic]
            if was.permission != now.permission or sorted(was.triggered_by) != sorted(now.triggered_by):
                gone = sorted(set(was.triggered_by) - set(now.triggered_by))
                came = sorted(set(now.triggered_by) - set(was.triggered_by))
                triggers = "; ".join(part for part in (f"no longer {code_list(gone)}" if gone else "", f"now also {code_list(came)}" if came else "") if part)
                permission = now.permission if was.permission == now.permission else f"{was.permission} → {now.permission}"
                note = self.rules.note(*(("add_endpoint", (e,)) for e in came), *(("remove_endpoint", (e,)) for e in gone))
                self.add("webhooks", "changed", topic, (code(topic), "changed", permission, triggers or code_list(sorted(now.triggered_by))), note)


def _schema_cell(name: str | None) -> str:
    return code(name) if name is not None else "no body"


def _optional_code(value: str | None) -> str:
    return code(value) if value is not None else NONE_CELL


def _grants(grants: Sequence[str] | None) -> str:
    if grants is None:
        return "absent"
    return ", ".join(grants) if grants else NONE_CELL


# --- building the view -------------------------------------------------------------------

COUNT_LABELS: tuple[tuple[str, str, str, str], ...] = (
    # (section, change or "*", one, many)
    ("endpoints_added", "*", "endpoint added", "endpoints added"),
    ("endpoints_removed", "*", "endpoint removed", "endpoints removed"),
    ("endpoints_deprecated", "*", "deprecation change", "deprecation changes"),
    ("endpoints_changed", "*", "endpoint change", "endpoint changes"),
    ("parameters", "added", "parameter added", "parameters added"),
    ("parameters", "removed", "parameter removed", "parameters removed"),
    ("parameters", "renamed", "parameter renamed", "parameters renamed"),
    ("parameters", "changed", "parameter changed", "parameters changed"),
    ("permissions", "*", "permission or scope change", "permission or scope changes"),
    ("schemas", "added", "schema added", "schemas added"),
    ("schemas", "removed", "schema removed", "schemas removed"),
    ("fields", "added", "field added", "fields added"),
    ("fields", "added (required)", "required field added", "required fields added"),
    ("fields", "removed", "field removed", "fields removed"),
    ("fields", "renamed", "field renamed", "fields renamed"),
    ("fields", "type changed", "field type changed", "field types changed"),
    ("fields", "now required", "field now required", "fields now required"),
    ("fields", "no longer required", "field no longer required", "fields no longer required"),
    ("enum_values", "added", "enum value added", "enum values added"),
    ("enum_values", "removed", "enum value removed", "enum values removed"),
    ("enum_values", "renamed", "enum value renamed", "enum values renamed"),
    ("webhooks", "added", "webhook topic added", "webhook topics added"),
    ("webhooks", "removed", "webhook topic removed", "webhook topics removed"),
    ("webhooks", "changed", "webhook topic changed", "webhook topics changed"),
    ("groups", "added", "capability group added", "capability groups added"),
    ("groups", "removed", "capability group removed", "capability groups removed"),
)

OPTIONAL_LABELS: tuple[tuple[str, str, str], ...] = (
    ("endpoint", "new endpoint", "new endpoints"),
    ("parameter", "new optional parameter", "new optional parameters"),
    ("field", "new field", "new fields"),
    ("enum", "new accepted request value", "new accepted request values"),
    ("webhook", "new webhook topic", "new webhook topics"),
)


def _counts(rows: Sequence[_Row]) -> tuple[CountEntry, ...]:
    counts = []
    for section, change, one, many in COUNT_LABELS:
        count = sum(r.section == section and (change == "*" or r.change == change) for r in rows)
        if count:
            counts.append(CountEntry(many, count, plural(count, one, many)))
    return tuple(counts)


def _sections(rows: Sequence[_Row], old: str, new: str) -> tuple[ChangelogSection, ...]:
    sections = []
    for section_id, title, intro, columns in SECTIONS:
        entries = tuple(
            ChangeEntry(r.change, r.subject, r.cells, r.note)
            for r in sorted((r for r in rows if r.section == section_id), key=lambda r: (r.subject, r.change))
        )
        if entries:
            sections.append(
                ChangelogSection(
                    section_id,
                    title,
                    intro.format(old=old, new=new),
                    tuple(c.format(old=old, new=new) for c in columns),
                    entries,
                )
            )
    return tuple(sections)


def _actions(rows: Sequence[_Row]) -> tuple[ActionEntry, ...]:
    found = {(ACTION_ORDER.index(r.action_category), r.action_rank, r.subject, r.action, r.action_category) for r in rows if r.action}
    return tuple(ActionEntry(category, subject, text) for _, _, subject, text, category in sorted(found))


def _optional(rows: Sequence[_Row], new: str) -> tuple[ActionEntry, ...]:
    entries = []
    for category, one, many in OPTIONAL_LABELS:
        subjects = sorted(r.subject for r in rows if r.optional == category)
        if not subjects:
            continue
        shown = ", ".join(code(s) for s in subjects[:8]) + (f" and {len(subjects) - 8} more" if len(subjects) > 8 else "")
        pronoun = "it" if len(subjects) == 1 else "them"
        text = f"{plural(len(subjects), one, many)} ({shown}): adopt {pronoun} when needed; a client that ignores {pronoun} keeps working."
        entries.append(ActionEntry(category, category, text))
    return tuple(entries)


def _summary(old: Catalog, new: Catalog, upgrade: bool) -> tuple[str, ...]:
    low, high = sorted((version_key(old.version), version_key(new.version)))
    between = [v for v in new.versions if low < version_key(v.version) <= high]
    if upgrade and len(between) == 1:
        return (" ".join(between[0].summary.split()),)
    return tuple(f"**{v.version}**: {' '.join(v.summary.split())}" for v in between)


def _versions_after(low: Catalog, high: Catalog) -> str:
    names = [v.version for v in high.versions if version_key(low.version) < version_key(v.version) <= version_key(high.version)]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def compare(old: Catalog, new: Catalog) -> ChangelogView:
    """The changelog of moving a client from `old` to `new` (either direction)."""
    upgrade = version_key(old.version) <= version_key(new.version)
    rows = Comparison(old, new).run() if old.version != new.version else []
    actions = _actions(rows)
    optional = _optional(rows, new.version)
    header = new.api.version_header
    if old.version == new.version:
        lead = f"Intercom API {old.version} compared with itself."
        actions_title = ""
    elif upgrade:
        lead = (
            f"What changes for a client that moves from Intercom API {old.version} to {new.version} "
            f"(chosen with the {code(header)} header), and what the client must change to keep working."
        )
        actions_title = f"What a client upgrading to {new.version} must change"
    else:
        lead = (
            f"What changes for a client that moves back from Intercom API {old.version} to the older {new.version} "
            f"(chosen with the {code(header)} header): every change that {_versions_after(new, old)} brought is undone."
        )
        actions_title = f"What a client moving back to {new.version} must change"
    return ChangelogView(
        old_version=old.version,
        new_version=new.version,
        title=f"Migrating from Intercom API {old.version} to {new.version}",
        is_base=False,
        base_text="",
        is_upgrade=upgrade,
        has_changes=bool(rows),
        lead=lead,
        summary=_summary(old, new, upgrade) if rows else (),
        counts=_counts(rows),
        no_changes_text=f"No changes: Intercom API {old.version} and {new.version} have the same endpoints, parameters, "
        "permissions, scopes, schemas, enum values and webhook topics.",
        actions_title=actions_title,
        actions=actions,
        has_actions=bool(actions),
        no_actions_text=f"Nothing: a client written for {old.version} keeps working with {new.version}.",
        optional=optional,
        has_optional=bool(optional),
        details_intro=(
            "Each table lists one kind of change, sorted by name. The note, when there is one, is the note of the "
            f"version rule that explains the change{'' if upgrade else f' (written for the move into {old.version}, here undone)'}."
        ),
        sections=_sections(rows, old.version, new.version),
    )


def base_view(catalog: Catalog) -> ChangelogView:
    """The page of the oldest supported version: there is nothing earlier to compare with."""
    version = catalog.version
    return ChangelogView(
        old_version="",
        new_version=version,
        title=f"Intercom API {version}: the base version",
        is_base=True,
        base_text=(
            f"Intercom API {version} is the oldest version intercom-gen supports and the base the catalog describes. "
            "There is no earlier supported version to compare it with, so this page lists no changes. "
            f"Every later version's changelog starts from here; {code('intercom-gen diff OLD NEW')} compares any two versions."
        ),
        is_upgrade=True,
        has_changes=False,
        lead="",
        summary=(),
        counts=(),
        no_changes_text="",
        actions_title="",
        actions=(),
        has_actions=False,
        no_actions_text="",
        optional=(),
        has_optional=False,
        details_intro="",
        sections=(),
    )


def build_changelog_view(resolved: Mapping[str, Catalog], version: str) -> ChangelogView:
    """The changelog of `version` against the supported version just before it."""
    catalog = resolved[version]
    supported = sorted(resolved, key=version_key)
    index = supported.index(version)
    if index == 0:
        return base_view(catalog)
    return compare(resolved[supported[index - 1]], catalog)


PARTIAL = "_migration_guide.md.jinja"


def render_changelog(view: ChangelogView) -> str:
    from generator.locations import DEFAULT_TEMPLATES
    from generator.render import make_environment

    return make_environment(DEFAULT_TEMPLATES / "changelog").get_template(PARTIAL).render(changelog=view)


def migration_guide(old: Catalog, new: Catalog) -> str:
    """The Markdown guide for moving from `old` to `new`: the body of generated/<new>/changelog.md
    when `old` is the version just before `new`."""
    return render_changelog(compare(old, new))
