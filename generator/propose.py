"""Drafting a version's rules from two of Intercom's OpenAPI descriptions.

`propose(catalog, old, new, version)` compares the description the catalog's newest
version (before `version`) corresponds to with the next one, restricted to what the
catalog covers: the operations of its endpoints, and the schemas their bodies reach
(paired with the descriptions' objects by `schema_sides`, through $ref, allOf, oneOf
and anyOf). Each change becomes a rule, with a note naming the operation and the JSON
pointer in the new description it comes from, or, where a person must decide (a
possible rename, a new operation whose permission only a person can confirm), a
commented entry under the draft's `# review:` heading. New operations in groups the
catalog does not cover are listed by tag.

The draft is a versions/<version>.yaml a validator accepts: rules that add schemas come
first, so every rule only names what exists before it.
"""

from __future__ import annotations

import http
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from io import StringIO
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.scalarstring import DoubleQuotedScalarString

from .catalog import Catalog, Endpoint, Schema, enum_holder, thaw
from .catalog_diff import reachable
from .openapi_description import PATH_TOKEN, Answer, Description, Operation, Parameter, Spot, schema_sides
from .readers import PARAMETER_TYPES

PRIMITIVES = ("string", "integer", "number", "boolean")
FORMATS = ("date-time", "date")
# The keys of a field's definition that say what its values are (not what they mean).
SHAPE_KEYS = ("type", "$ref", "items", "oneOf", "format", "additionalProperties")
ANY_OBJECT: dict[str, Any] = {"type": "object", "additionalProperties": True}
TEMPLATE_TAG = re.compile(r"\{%.*?%\}", re.DOTALL)


def prose(text: Any, limit: int = 300) -> str:
    """A description's first paragraph as one line, without the documentation site's tags."""
    if not isinstance(text, str):
        return ""
    first = TEMPLATE_TAG.sub(" ", text).strip().split("\n\n")[0]
    line = " ".join(first.split())
    return line if len(line) <= limit else line[: limit - 1].rsplit(" ", 1)[0] + "…"


def singular(name: str) -> str:
    """The name of one item of a list field: `reply_options` → `reply_option`."""
    if name.endswith("ies"):
        return name[:-3] + "y"
    if name.endswith("s") and not name.endswith(("ss", "us", "is")):
        return name[:-1]
    return name


def snake(name: str) -> str:
    """`ListAllAdmins` → `list_all_admins`."""
    spaced = re.sub(r"(?<=[a-z0-9])(?=[A-Z])|[^A-Za-z0-9]+", "_", name)
    return re.sub(r"_+", "_", spaced).strip("_").lower()


@dataclass
class DraftRule:
    kind: str
    arguments: dict[str, Any]
    note: str

    def as_yaml_data(self) -> dict[str, Any]:
        return {"kind": self.kind, **self.arguments, "note": self.note}


@dataclass
class Review:
    """What a person must decide: an explanation and, often, a rule to use instead."""

    title: str
    lines: list[str]
    rule: DraftRule | None = None


@dataclass
class Draft:
    version: str
    old_label: str
    new_label: str
    rules: list[DraftRule] = field(default_factory=list)
    reviews: list[Review] = field(default_factory=list)
    uncovered: dict[str, list[str]] = field(default_factory=dict)
    """New operations in groups the catalog does not cover, by tag."""

    def counts(self) -> Counter[str]:
        return Counter(r.kind for r in self.rules)

    def summary(self) -> str:
        kinds = ", ".join(f"{kind} {count}" for kind, count in sorted(self.counts().items()))
        uncovered = sum(len(v) for v in self.uncovered.values())
        by_tag = ", ".join(f"{tag} {len(ops)}" for tag, ops in sorted(self.uncovered.items()))
        return (
            f"{_count(len(self.rules), 'rule')}" + (f" ({kinds})" if kinds else "")
            + f"; {_count(len(self.reviews), 'item')} to review"
            + f"; {_count(uncovered, 'new operation')} not covered" + (f" ({by_tag})" if by_tag else "")
        )

    def text(self) -> str:
        yaml = _yaml()
        lines = [
            f"# Draft rules for {self.version}, proposed by `intercom-gen propose` from Intercom's OpenAPI",
            f"# descriptions {self.old_label} and {self.new_label}, for the endpoints the catalog covers.",
            "# Review before committing: every rule's wording is Intercom's (put descriptions in your own",
            "# words), the summary must say what the version brings, and the review items at the end",
            "# need a decision. Then generate, run `intercom-gen conform`, and `intercom-gen --check`.",
        ]
        document = {
            "version": DoubleQuotedScalarString(self.version),
            "summary": f"Draft from Intercom's OpenAPI description {self.old_label} → {self.new_label}: say what {self.version} brings.",
            "rules": [r.as_yaml_data() for r in self.rules],
        }
        lines.append(_dump(yaml, document).rstrip("\n"))
        if self.reviews:
            lines += ["", "# review: what a person must decide before this file is committed", "#"]
            for index, item in enumerate(self.reviews, 1):
                lines.append(f"# {index}. {item.title}")
                lines += [f"#    {line}" if line else "#" for line in item.lines]
                if item.rule is not None:
                    rendered = _dump(yaml, [item.rule.as_yaml_data()]).rstrip("\n")
                    lines += [f"#    {line}" for line in rendered.split("\n")]
                lines.append("#")
        if self.uncovered:
            lines += ["", "# not covered: new operations in groups the catalog does not cover, by tag"]
            for tag, operations in sorted(self.uncovered.items()):
                lines.append(f"#   {tag}: {', '.join(operations)}")
        lines += ["", f"# summary: {self.summary()}"]
        return "\n".join(lines) + "\n"


def _count(count: int, one: str) -> str:
    return f"{count} {one if count == 1 else one + 's'}"


def _yaml() -> YAML:
    yaml = YAML(typ="rt")
    yaml.width = 100
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.default_flow_style = False
    yaml.representer.add_representer(type(None), lambda representer, _: representer.represent_scalar("tag:yaml.org,2002:null", "null"))
    return yaml


def _dump(yaml: YAML, data: Any) -> str:
    """YAML text without trailing spaces: where ruamel folds a long plain or quoted
    scalar, the line break reads as the one space it leaves at the end of the line."""
    stream = StringIO()
    yaml.dump(data, stream)
    return "\n".join(line.rstrip() for line in stream.getvalue().split("\n"))


# --- the comparison ----------------------------------------------------------------------------


class Proposer:
    def __init__(self, catalog: Catalog, old: Description, new: Description, version: str) -> None:
        self.catalog = catalog
        self.old = old
        self.new = new
        old_label = old.version if old.version and old.version != new.version else catalog.version
        new_label = new.version if new.version and new.version != old_label else version
        self.draft = Draft(version, old_label, new_label)
        self.source = f"Intercom's OpenAPI description, {old_label} → {new_label}"
        self.schema_rules: list[DraftRule] = []
        self.endpoint_rules: list[DraftRule] = []
        self.field_rules: list[DraftRule] = []
        self.error_rules: list[DraftRule] = []
        self.removals: list[DraftRule] = []
        self.new_schemas: dict[str, bool] = {}
        """Schemas the draft adds, by name: True once complete."""
        self.sent = reachable(catalog, (e.request for e in catalog.endpoints))
        self.swapped: set[tuple[str, str]] = set()
        """(endpoint, "request" or "response") whose body is replaced by another schema."""
        self.where: dict[str, str] = {}
        """A catalog schema's first operation in the new description, for notes."""
        self.reworded: list[tuple[str, str, str, Spot]] = []
        """(schema, field, the new text, where) of fields whose description Intercom reworded."""

    def note(self, what: str, operation: str, spot: Spot | str | None) -> str:
        place = spot.at if isinstance(spot, Spot) else spot or ""
        return f"{self.source}: {what} ({', '.join(p for p in (operation, place) if p)})."

    def run(self) -> Draft:
        for endpoint in sorted(self.catalog.endpoints, key=lambda e: e.id):
            self.endpoint(endpoint)
        self.schemas()
        self.errors()
        self.new_operations()
        self.draft.rules = [*self.schema_rules, *self.endpoint_rules, *self.field_rules, *self.error_rules, *self.removals]
        self.review_rewording()
        return self.draft

    def review_rewording(self) -> None:
        if not self.reworded:
            return
        lines = ["Intercom's description words these fields differently now: check that the catalog's own", "description of each still holds, and where it does not, say so in your words with a rule like the one below."]
        lines += [f"  {s}.{name}: {text[:200]}{'…' if len(text) > 200 else ''}" for s, name, text, _ in self.reworded]
        s, name, text, spot = self.reworded[0]
        rule = DraftRule("change_description", {"schema": s, "field": name, "description": text}, self.note(f"{s}.{name} is described anew", self.where.get(s, ""), spot))
        self.draft.reviews.append(Review(f"Descriptions Intercom reworded ({len(self.reworded)})", lines, rule))

    # --- endpoints --------------------------------------------------------------------------

    def endpoint(self, endpoint: Endpoint) -> None:
        eid = endpoint.id
        before = self.old.find_operation(endpoint.method, endpoint.path)
        after = self.new.find_operation(endpoint.method, endpoint.path)
        if after is None:
            if before is not None:
                self.removals.append(DraftRule("remove_endpoint", {"endpoint": eid}, self.note(f"{before.title} is gone", before.title, "")))
            return
        if before is None:
            return  # the catalog has it ahead of the descriptions: nothing to compare with
        self.path_parameters(endpoint, before, after)
        self.query_parameters(endpoint, before, after)
        changes: dict[str, Any] = {}
        notes: list[str] = []
        self.body(endpoint, "request", self.old.request_schema(before), self.new.request_schema(after), after, changes, notes)
        self.response(endpoint, self.old.success(before), self.new.success(after), after, changes, notes)
        if changes:
            self.endpoint_rules.append(DraftRule("change_endpoint", {"endpoint": eid, "set": changes}, self.note("; ".join(notes), after.title, after.spot)))

    def path_parameters(self, endpoint: Endpoint, before: Operation, after: Operation) -> None:
        old_names = [t[1:-1] for t in PATH_TOKEN.findall(before.path)]
        new_names = [t[1:-1] for t in PATH_TOKEN.findall(after.path)]
        ours = [t[1:-1] for t in PATH_TOKEN.findall(endpoint.path)]
        old_parameters, new_parameters = self.old.parameters(before), self.new.parameters(after)
        # Matched by position: the names are what changes.
        for was, now, our in zip(old_names, new_names, ours, strict=False):
            renamed = was != now and our != now
            if renamed:
                self.endpoint_rules.append(DraftRule("rename_parameter", {"endpoint": endpoint.id, "parameter": our, "to": now}, self.note(f"path parameter {{{was}}} is {{{now}}}", after.title, after.spot)))
            if was in old_parameters and now in new_parameters:
                self.parameter_change(endpoint, our, old_parameters[was], new_parameters[now], after, now if renamed else our)

    def query_parameters(self, endpoint: Endpoint, before: Operation, after: Operation) -> None:
        old = {n: p for n, p in self.old.parameters(before).items() if p.location == "query"}
        new = {n: p for n, p in self.new.parameters(after).items() if p.location == "query"}
        ours = {p.name for p in endpoint.parameters}
        added = [n for n in new if n not in old and n not in ours]
        removed = [n for n in old if n not in new and n in ours]
        for name in removed:
            self.endpoint_rules.append(DraftRule("remove_parameter", {"endpoint": endpoint.id, "parameter": name}, self.note(f"query parameter {name} is gone", after.title, after.spot)))
        for name in added:
            parameter = new[name]
            definition = {
                "name": name,
                "in": "query",
                "type": _parameter_type(self.new, parameter),
                "required": parameter.required,
                "description": prose(parameter.spot.get("description") or parameter.schema.get("description")) or f"The {name} parameter.",
            }
            self.endpoint_rules.append(DraftRule("add_parameter", {"endpoint": endpoint.id, "parameter": definition}, self.note(f"new query parameter {name}", after.title, parameter.spot)))
        if len(added) == 1 and len(removed) == 1:
            self.review_rename("parameter", endpoint.id, removed[0], added[0], after.title, DraftRule("rename_parameter", {"endpoint": endpoint.id, "parameter": removed[0], "to": added[0]}, self.note(f"query parameter {removed[0]} is {added[0]}", after.title, new[added[0]].spot)))
        for name in sorted(old.keys() & new.keys() & ours):
            self.parameter_change(endpoint, name, old[name], new[name], after, name)

    def parameter_change(self, endpoint: Endpoint, name: str, was: Parameter, now: Parameter, operation: Operation, named: str) -> None:
        """A change_parameter rule for the catalog's parameter `name`, which earlier rules of
        the draft call `named`."""
        ours = next((p for p in endpoint.parameters if p.name == name), None)
        if ours is None:
            return
        changes: dict[str, Any] = {}
        what = []
        was_type, now_type = _parameter_type(self.old, was), _parameter_type(self.new, now)
        if was_type != now_type and ours.type != now_type:
            changes["type"] = now_type
            what.append(f"type {was_type} → {now_type}")
        if was.required != now.required and ours.required != now.required and ours.location == "query":
            changes["required"] = now.required
            what.append("now required" if now.required else "no longer required")
        if changes:
            self.endpoint_rules.append(DraftRule("change_parameter", {"endpoint": endpoint.id, "parameter": named, "set": changes}, self.note(f"parameter {named}: {', '.join(what)}", operation.title, now.spot)))

    def body(self, endpoint: Endpoint, key: str, was: Spot | None, now: Spot | None, operation: Operation, changes: dict[str, Any], notes: list[str]) -> None:
        ours = getattr(endpoint, key)
        if was is not None and now is None and ours is not None:
            changes[key] = None
            notes.append(f"no {key} body")
            self.swapped.add((endpoint.id, key))
            return
        if now is None:
            return
        old_name, new_name = _component(was), _component(now)
        fallback = f"{endpoint.action}_{endpoint.group}_{key}"
        target = self.new.objects(now)
        if not target:
            return
        if was is None and ours is None:
            name = new_name or fallback
        elif old_name != new_name and new_name is not None and ours != new_name and was is not None and self.replaced(ours, target):
            name = new_name
        else:
            return
        self.ensure_schema(name, target, key == "request", operation.title)
        changes[key] = name
        notes.append(f"the {key} body is {name}")
        self.swapped.add((endpoint.id, key))

    def replaced(self, ours: str | None, target: Sequence[Spot]) -> bool:
        """Whether a body now named differently is another object, not the same one renamed:
        fewer than half its fields are those of the catalog's schema."""
        schema = self.catalog.schema(ours) if ours else None
        if schema is None:
            return True
        theirs = set(self.new.fields(target))
        return len(theirs & {p.name for p in schema.properties}) * 2 < max(1, len(theirs))

    def response(self, endpoint: Endpoint, was: Answer | None, now: Answer | None, operation: Operation, changes: dict[str, Any], notes: list[str]) -> None:
        if was is None or now is None:
            return
        if was.status != now.status and endpoint.success_status != now.status:
            changes["success_status"] = now.status
            notes.append(f"success status {was.status} → {now.status}")
        json_was = was.schema is not None and was.content_type == "application/json"
        json_now = now.schema is not None and now.content_type == "application/json"
        if json_was and not json_now and endpoint.response is not None:
            changes["response"] = None
            notes.append(f"the answer is {now.content_type or 'empty'}, not JSON")
            self.swapped.add((endpoint.id, "response"))
            if endpoint.response_array:
                changes["response_array"] = False
            return
        if not json_now:
            return
        assert now.schema is not None
        array_was = was.schema is not None and self.old.resolve(was.schema).get("type") == "array"
        array_now = self.new.resolve(now.schema).get("type") == "array"
        if array_was != array_now and endpoint.response_array != array_now:
            changes["response_array"] = array_now
            notes.append("the answer is a JSON array" if array_now else "the answer is one JSON object")
        inner_was = self.old.resolve(was.schema).child("items") if array_was and was.schema is not None else was.schema if json_was else None
        inner_now = self.new.resolve(now.schema).child("items") if array_now else now.schema
        self.body(endpoint, "response", inner_was, inner_now, operation, changes, notes)

    # --- schemas ----------------------------------------------------------------------------

    def schemas(self) -> None:
        # A body the draft replaces is not compared field by field with its replacement.
        walked = replace(
            self.catalog,
            endpoints=tuple(
                replace(
                    e,
                    request=None if (e.id, "request") in self.swapped else e.request,
                    response=None if (e.id, "response") in self.swapped else e.response,
                )
                for e in self.catalog.endpoints
            ),
        )
        old_sides = schema_sides(walked, self.old)
        new_sides = schema_sides(walked, self.new)
        for endpoint in sorted(walked.endpoints, key=lambda e: e.id):
            operation = self.new.find_operation(endpoint.method, endpoint.path)
            for name in sorted(reachable(walked, (endpoint.request, endpoint.response))):
                if operation is not None:
                    self.where.setdefault(name, operation.title)
        for name in sorted(old_sides.keys() & new_sides.keys()):
            schema = self.catalog.schema(name)
            if schema is not None:
                self.fields(schema, old_sides[name], new_sides[name])

    def fields(self, schema: Schema, was: Sequence[Spot], now: Sequence[Spot]) -> None:
        s = schema.name
        old_fields, new_fields = self.old.fields(was), self.new.fields(now)
        operation = self.where.get(s, "")
        sent = s in self.sent
        required_now = self.new.required(now) if sent else set()
        added = [n for n in new_fields if n not in old_fields and schema.property(n) is None]
        removed = [n for n in old_fields if n not in new_fields and schema.property(n) is not None]
        for name in removed:
            self.field_rules.append(DraftRule("remove_field", {"schema": s, "field": name}, self.note(f"{s} no longer has {name}", operation, now[0])))
        for name in added:
            spot = new_fields[name][0]
            definition = self.definition(new_fields[name], s, name, sent, operation)
            arguments: dict[str, Any] = {"schema": s, "field": name, "definition": definition}
            if name in required_now:
                arguments["required"] = True
            self.field_rules.append(DraftRule("add_field", arguments, self.note(f"{s} gains {name}", operation, spot)))
        if len(added) == 1 and len(removed) == 1 and self.shape(self.old, old_fields[removed[0]][0]) == self.shape(self.new, new_fields[added[0]][0]):
            spot = new_fields[added[0]][0]
            rename = DraftRule("rename_field", {"schema": s, "field": removed[0], "to": added[0]}, self.note(f"{s}.{removed[0]} is {added[0]}", operation, spot))
            self.review_rename("field", s, removed[0], added[0], operation, rename)
        required_was = self.old.required(was) if sent else set()
        for name in old_fields:
            prop = schema.property(name)
            if name in new_fields and prop is not None:
                self.field_change(schema, name, old_fields[name], new_fields[name], (name in required_was, name in required_now), operation)
                wording = prose(new_fields[name][0].get("description"))
                if wording and prose(old_fields[name][0].get("description")) != wording:
                    self.reworded.append((s, name, wording, new_fields[name][0]))

    def field_change(self, schema: Schema, name: str, was: Sequence[Spot], now: Sequence[Spot], required: tuple[bool, bool], operation: str) -> None:
        s = schema.name
        prop = schema.property(name)
        assert prop is not None
        ours = thaw(prop.definition)
        spot = now[0]
        sets: dict[str, Any] = {}
        unsets: list[str] = []
        what: list[str] = []
        # What the values are: type, reference, items, format.
        old_shape, new_shape = self.shape(self.old, was[0]), self.shape(self.new, spot)
        if old_shape != new_shape:
            converted = self.definition(now, s, name, s in self.sent, operation)
            for key in SHAPE_KEYS:
                if key in converted and ours.get(key) != converted[key] and not (key in ("items", "$ref") and _same_object(ours.get(key), converted[key])):
                    sets[key] = converted[key]
                elif key not in converted and key in ours and key != "additionalProperties":
                    unsets.append(key)
            if sets or unsets:
                what.append(f"{_words(old_shape)} → {_words(new_shape)}")
        # Whether null is allowed.
        old_null, new_null = _nullable(self.old, was[0]), _nullable(self.new, spot)
        if old_null != new_null and bool(ours.get("nullable")) != new_null:
            if new_null:
                sets["nullable"] = True
            elif "nullable" in ours:
                unsets.append("nullable")
            what.append("now nullable" if new_null else "no longer nullable")
        # The values it allows.
        old_enum = _values(self.old.enum(was))
        new_enum = _values(self.new.enum(now))
        holder = enum_holder(ours)
        our_enum = list(holder["enum"]) if holder is not None else None
        if old_enum is not None and new_enum is None and our_enum is not None:
            self.field_rules.append(DraftRule("remove_enum", {"schema": s, "field": name}, self.note(f"{s}.{name} no longer lists its values", operation, spot)))
        elif old_enum is None and new_enum is not None and our_enum is None and "type" in ours:
            if ours.get("type") == "array" and isinstance(ours.get("items"), dict):
                sets["items"] = {**ours["items"], "enum": new_enum}
            else:
                sets["enum"] = new_enum
            what.append("values limited to " + ", ".join(map(str, new_enum)))
        elif old_enum is not None and new_enum is not None and our_enum is not None:
            self.enum_changes(s, name, old_enum, new_enum, our_enum, operation, spot)
        if required[0] != required[1] and (name in schema.required) != required[1]:
            what.append("now required" if required[1] else "no longer required")
        if sets or unsets or (required[0] != required[1] and (name in schema.required) != required[1]):
            arguments: dict[str, Any] = {"schema": s, "field": name}
            if sets:
                arguments["set"] = sets
            if unsets:
                arguments["unset"] = sorted(set(unsets))
            if (name in schema.required) != required[1] and required[0] != required[1]:
                arguments["required"] = required[1]
            self.field_rules.append(DraftRule("change_field", arguments, self.note(f"{s}.{name}: {'; '.join(what)}", operation, spot)))

    def enum_changes(self, s: str, name: str, was: list[Any], now: list[Any], ours: list[Any], operation: str, spot: Spot) -> None:
        added = [v for v in now if v not in was and v not in ours]
        removed = [v for v in was if v not in now and v in ours]
        if added and removed and (len(added), len(removed)) != (1, 1):
            lines = [
                f"{s}.{name} loses {', '.join(map(str, removed))} and gains {', '.join(map(str, added))}: some may be renames.",
                "For each that is, replace its remove_enum_value and add_enum_value rules above with a",
                "rename_enum_value rule (value: the old spelling, to: the new), such as:",
            ]
            example = DraftRule("rename_enum_value", {"schema": s, "field": name, "value": removed[0], "to": added[0]}, self.note(f"{s}.{name} value {removed[0]} is {added[0]}", operation, spot))
            self.draft.reviews.append(Review(f"Possible renames of values of {s}.{name} ({operation})", lines, example))
        if len(added) == 1 and len(removed) == 1:
            what = f"{s}.{name}: value {removed[0]} is gone and {added[0]} is new, read as a rename (a judgement call: if they differ in meaning, use remove_enum_value and add_enum_value)"
            self.field_rules.append(DraftRule("rename_enum_value", {"schema": s, "field": name, "value": removed[0], "to": added[0]}, self.note(what, operation, spot)))
            return
        for value in removed:
            self.field_rules.append(DraftRule("remove_enum_value", {"schema": s, "field": name, "value": value}, self.note(f"{s}.{name} no longer allows {value}", operation, spot)))
        for value in added:
            self.field_rules.append(DraftRule("add_enum_value", {"schema": s, "field": name, "value": value}, self.note(f"{s}.{name} allows {value}", operation, spot)))

    def shape(self, description: Description, spot: Spot) -> tuple[Any, ...]:
        """What a definition's values are, in terms that survive renaming an object:
        a type, `object` (a named one by its component), or an array of either."""
        raw = spot.value if isinstance(spot.value, Mapping) else {}
        target = _single_all_of(description, spot)
        resolved = description.resolve(target)
        node = resolved.value if isinstance(resolved.value, Mapping) else {}
        declared = node.get("type")
        types = [t for t in (declared if isinstance(declared, list) else [declared]) if t not in (None, "null")]
        if node.get("items") is not None or types == ["array"]:
            return ("array", self.shape(description, resolved.child("items")))
        key = "oneOf" if node.get("oneOf") else "anyOf"
        choices = [resolved.child(key, i) for i in range(len(node.get(key) or ()))]
        shapes = [self.shape(description, c) for c in choices]
        if len(shapes) == 2:
            single, listed = (shapes[0], shapes[1]) if shapes[1][0] == "array" else (shapes[1], shapes[0])
            if listed == ("array", single):
                # One thing or a list of them: the catalog takes the list.
                return listed
        if description.objects(target):
            # An object, or a choice of objects, however named: the walk compares their fields.
            return ("object",)
        fmt = node.get("format") or raw.get("format")
        return (types[0] if types else "any", fmt if fmt in FORMATS else None)

    def definition(self, spot: Spot | Sequence[Spot], owner: str, name: str, sent: bool, operation: str) -> dict[str, Any]:
        """A field's definition in the catalog's terms, adding the schemas it needs. Given
        the definitions several variants make of one field, the first naming a schema of
        the description wins, and an object they all define inline is their union."""
        spots = [spot] if isinstance(spot, Spot) else sorted(spot, key=lambda d: not self.names_schema(d))
        spot = spots[0]
        raw = spot.value if isinstance(spot.value, Mapping) else {}
        target = _single_all_of(self.new, spot)
        resolved = self.new.resolve(target)
        node = resolved.value if isinstance(resolved.value, Mapping) else {}
        declared = node.get("type")
        types = [t for t in (declared if isinstance(declared, list) else [declared]) if t not in (None, "null")]
        component = _component_name(resolved) if isinstance(target.value, Mapping) and "$ref" in target.value else None
        out: dict[str, Any]
        if "items" in node or types == ["array"]:
            items = self.definition(resolved.child("items"), owner, singular(name), sent, operation)
            items.pop("description", None)
            items.pop("nullable", None)
            out = {"type": "array", "items": items}
        elif component is not None and self.new.objects(resolved):
            # A schema the description names: one catalog schema, its variants' fields together.
            self.ensure_schema(component, [resolved], sent, operation)
            out = {"$ref": component}
        elif node.get("properties") or node.get("allOf"):
            inline = [s for s in (self.new.resolve(_single_all_of(self.new, d)) for d in spots) if isinstance(s.value, Mapping) and (s.value.get("properties") or s.value.get("allOf"))]
            self.ensure_schema(f"{owner}_{name}", inline, sent, operation)
            out = {"$ref": f"{owner}_{name}"}
        elif node.get("oneOf") or node.get("anyOf"):
            out = self.choice(resolved, owner, name, sent, operation)
        elif types and types[0] in PRIMITIVES:
            out = {"type": types[0]}
            fmt = node.get("format") or raw.get("format")
            if fmt in FORMATS:
                out["format"] = fmt
            values = _values(self.new.enum([target]))
            if values:
                out["enum"] = values
        else:
            out = dict(ANY_OBJECT)
        if _nullable(self.new, spot):
            out["nullable"] = True
        text = prose(raw.get("description") or node.get("description"))
        if text:
            out["description"] = text
        return out

    def choice(self, spot: Spot, owner: str, name: str, sent: bool, operation: str) -> dict[str, Any]:
        """A oneOf or anyOf: a choice of objects, each a schema; one thing or a list of
        them, as the list (it says both)."""
        key = "oneOf" if spot.get("oneOf") else "anyOf"
        choices = [spot.child(key, i) for i in range(len(spot.get(key) or ()))]
        arrays = [c for c in choices if self.new.resolve(c).get("type") == "array" or "items" in (self.new.resolve(c).value or {})]
        if arrays and len(choices) == 2:
            return self.definition(arrays[0], owner, name, sent, operation)
        objects = [c for c in choices if c not in arrays and self.new.objects(c)]
        if objects and len(objects) == len(choices):
            refs = []
            for index, choice in enumerate(objects):
                resolved = self.new.resolve(_single_all_of(self.new, choice))
                choice_name = _component_name(resolved) or f"{owner}_{name}_{index + 1}"
                self.ensure_schema(choice_name, [resolved], sent, operation)
                refs.append({"$ref": choice_name})
            return {"oneOf": refs}
        return self.definition(choices[0], owner, name, sent, operation) if choices else dict(ANY_OBJECT)

    def names_schema(self, spot: Spot) -> bool:
        """Whether a definition (or its items) refers to a schema of the description by name."""
        value = spot.value
        while isinstance(value, Mapping):
            if isinstance(value.get("$ref"), str):
                return True
            value = value.get("items") if "items" in value else (value.get("allOf") or [None])[0] if len(value.get("allOf") or ()) == 1 else None
        return False

    def ensure_schema(self, name: str, spots: Sequence[Spot], sent: bool, operation: str) -> None:
        """An add_schema rule for `name`, unless the catalog or the draft has it; the
        schemas it needs are added before it."""
        if self.catalog.schema(name) is not None or name in self.new_schemas:
            return
        self.new_schemas[name] = False
        fields = self.new.fields(spots)
        properties = {field_name: self.definition(definitions, name, field_name, sent, operation) for field_name, definitions in fields.items()}
        first = self.new.resolve(spots[0]) if spots else Spot(None, "")
        described = prose(first.get("description")) or prose(first.get("title")) or name.replace("_", " ").capitalize() + "."
        schema: dict[str, Any] = {"name": name, "description": described, "type": "object"}
        if properties:
            schema["properties"] = properties
        else:
            schema["additionalProperties"] = True
        required = [r for r in self.new.required(spots) if r in properties] if sent else []
        if required:
            schema["required"] = sorted(required)
        self.schema_rules.append(DraftRule("add_schema", {"schema": schema}, self.note(f"new object {name}", operation, first.at)))
        self.new_schemas[name] = True

    # --- errors -----------------------------------------------------------------------------

    def errors(self) -> None:
        taken = {s: e for e in self.catalog.errors for s in (e.status, *e.also)}
        arriving: dict[int, list[tuple[str, Answer, Operation]]] = {}
        new_codes: dict[int, list[tuple[str, Answer, Operation]]] = {}
        for endpoint in sorted(self.catalog.endpoints, key=lambda e: e.id):
            before = self.old.find_operation(endpoint.method, endpoint.path)
            after = self.new.find_operation(endpoint.method, endpoint.path)
            if before is None or after is None:
                continue
            old_answers = {a.status: a for a in self.old.answers(before) if a.status >= 400}
            for answer in self.new.answers(after):
                if answer.status < 400:
                    continue
                if answer.status not in old_answers:
                    arriving.setdefault(answer.status, []).append((endpoint.id, answer, after))
                elif set(self.new.error_codes(answer)) - set(self.old.error_codes(old_answers[answer.status])):
                    new_codes.setdefault(answer.status, []).append((endpoint.id, answer, after))
        for status, found in sorted(arriving.items()):
            eids = sorted({eid for eid, _, _ in found})
            _, answer, operation = found[0]
            existing = taken.get(status)
            if existing is None:
                codes = list(dict.fromkeys(c for _, a, _ in found for c in self.new.error_codes(a)))
                title = _phrase(status)
                error = {
                    "status": status,
                    "title": title,
                    "codes": codes,
                    "meaning": prose(answer.spot.get("description")) or f"Intercom answers {status} {title}.",
                    "what_to_do": "Read the error's message and fix what it names before sending again.",
                    "retryable": status in (429, 502, 503, 504),
                    "endpoints": eids,
                }
                self.error_rules.append(DraftRule("add_error", {"error": error}, self.note(f"status {status} is new for {', '.join(eids)}", operation.title, answer.spot)))
            elif existing.endpoints and not set(eids) <= set(existing.endpoints):
                listed = sorted({*existing.endpoints, *eids})
                self.error_rules.append(DraftRule("change_error", {"status": existing.status, "set": {"endpoints": listed}}, self.note(f"status {status} is new for {', '.join(e for e in eids if e not in existing.endpoints)}", operation.title, answer.spot)))
        for status, found in sorted(new_codes.items()):
            existing = taken.get(status)
            if existing is None:
                continue
            codes = [c for _, a, _ in found for c in self.new.error_codes(a) if c not in existing.codes]
            if codes:
                _, answer, operation = found[0]
                listed = list(dict.fromkeys([*existing.codes, *codes]))
                self.error_rules.append(DraftRule("change_error", {"status": existing.status, "set": {"codes": listed}}, self.note(f"status {status} has new codes {', '.join(dict.fromkeys(codes))}", operation.title, answer.spot)))

    # --- what the catalog does not cover yet ------------------------------------------------

    def new_operations(self) -> None:
        covered = {(e.method, PATH_TOKEN.sub("{}", e.path)) for e in self.catalog.endpoints}
        tag_groups: Counter[tuple[str, str]] = Counter()
        for endpoint in self.catalog.endpoints:
            for description in (self.old, self.new):
                operation = description.find_operation(endpoint.method, endpoint.path)
                for tag in operation.tags if operation else ():
                    tag_groups[(tag, endpoint.group)] += 1
        groups: dict[str, str] = {}
        for (tag, group_id), _ in sorted(tag_groups.items(), key=lambda item: (-item[1], item[0])):
            groups.setdefault(tag, group_id)
        for operation in sorted(self.new.operations(), key=lambda o: (o.path, o.method)):
            shape = (operation.method, PATH_TOKEN.sub("{}", operation.path))
            if shape in covered or self.old.find_operation(operation.method, operation.path) is not None:
                continue
            group = next((groups[t] for t in operation.tags if t in groups), None)
            named = f"{operation.title}" + (f" ({operation.operation_id})" if operation.operation_id else "")
            if group is None:
                for tag in operation.tags or ("untagged",):
                    self.draft.uncovered.setdefault(tag, []).append(named)
                    break
                continue
            self.review_operation(operation, group, named)

    def review_operation(self, operation: Operation, group: str, named: str) -> None:
        action = snake(operation.operation_id) or snake(operation.method + "_" + operation.path)
        words = [w for w in action.split("_") if w not in {group, group.rstrip("s"), *group.split("_")}]
        endpoint_id = f"{group}.{'_'.join(words) or action}"
        parameters = []
        for name, parameter in self.new.parameters(operation).items():
            entry: dict[str, Any] = {"name": name, "in": parameter.location, "type": _parameter_type(self.new, parameter), "description": prose(parameter.spot.get("description")) or f"The {name} parameter."}
            if parameter.location == "query":
                entry["required"] = parameter.required
            parameters.append(entry)
        request = self.new.request_schema(operation)
        success = self.new.success(operation)
        needed = []
        request_name = (_component(request) or f"{'_'.join(words) or action}_{group}_request") if request is not None else None
        response_name = None
        if success is not None and success.schema is not None and success.content_type == "application/json":
            inner = self.new.resolve(success.schema)
            response_name = _component(inner.child("items") if inner.get("type") == "array" else success.schema) or f"{'_'.join(words) or action}_{group}_response"
        for schema_name in (request_name, response_name):
            if schema_name is not None and self.catalog.schema(schema_name) is None:
                needed.append(schema_name)
        endpoint = {
            "id": endpoint_id,
            "method": operation.method,
            "path": operation.path,
            "summary": prose(operation.spot.get("summary")) or named,
            "access": "read" if operation.method == "GET" else "write",
            "permission": None,
            "permission_note": "Intercom documents no permission or OAuth scope for this endpoint.",
            "webhook": None,
            "pagination": "none",
            "parameters": parameters,
            "request": request_name,
            "response": response_name,
            "success_status": success.status if success is not None else 200,
            "rate_limit": "Standard limits apply.",
        }
        scope_text = [s for s in re.split(r"(?<=[.!?])\s+", prose(operation.spot.get("description"), 2000)) if re.search(r"scope|permission", s, re.IGNORECASE)]
        lines = [
            f"{named} is new, in the tag the catalog's {group} endpoints are in.",
            "A person confirms its permission and OAuth scope (the catalog's permissions.yaml and scopes.yaml),",
            "its access, pagination and webhook; then adds it as below, with the schemas it names.",
        ]
        if scope_text:
            lines.append("What the description says about access: " + " ".join(scope_text))
        if needed:
            lines.append("Schemas to add first: " + ", ".join(needed) + ".")
        rule = DraftRule("add_endpoint", {"endpoint": endpoint}, self.note(f"new operation {named}", operation.title, operation.spot))
        self.draft.reviews.append(Review(f"A new operation in group {group}: {named}", lines, rule))

    def review_rename(self, what: str, owner: str, was: str, now: str, operation: str, rule: DraftRule) -> None:
        lines = [
            f"{owner} loses the {what} {was} and gains {now} in the same version: perhaps one renamed.",
            f"If so, replace the remove_{what} and add_{what} rules above with:",
        ]
        self.draft.reviews.append(Review(f"A possible rename: {owner} {what} {was} → {now} ({operation})", lines, rule))


# --- small helpers ----------------------------------------------------------------------------


def _phrase(status: int) -> str:
    try:
        return http.HTTPStatus(status).phrase
    except ValueError:
        return f"Status {status}"


def _component(spot: Spot | None) -> str | None:
    """The name of the component schema a body refers to, if it is one."""
    if spot is None or not isinstance(spot.value, Mapping):
        return None
    ref = spot.value.get("$ref")
    if isinstance(ref, str) and ref.startswith("#/components/schemas/"):
        return ref.rsplit("/", 1)[-1]
    parts = spot.value.get("allOf")
    if isinstance(parts, list) and len(parts) == 1 and not spot.value.get("properties"):
        return _component(Spot(parts[0], spot.at + "/allOf/0"))
    return None


def _component_name(spot: Spot) -> str | None:
    return spot.at.rsplit("/", 1)[-1] if spot.at.startswith("#/components/schemas/") and spot.at.count("/") == 3 else None


def _single_all_of(description: Description, spot: Spot) -> Spot:
    """`allOf: [one thing]` (how the descriptions add nullable to a $ref) is that thing."""
    parts = spot.get("allOf")
    if isinstance(parts, list) and len(parts) == 1 and not spot.get("properties"):
        return spot.child("allOf", 0)
    return spot


def _nullable(description: Description, spot: Spot) -> bool:
    raw = spot.value if isinstance(spot.value, Mapping) else {}
    node = description.resolve(_single_all_of(description, spot)).value
    node = node if isinstance(node, Mapping) else {}
    declared = [*(t for t in ([raw.get("type")] if not isinstance(raw.get("type"), list) else raw["type"])), *(t for t in ([node.get("type")] if not isinstance(node.get("type"), list) else node["type"]))]
    values = description.enum([spot]) or []
    return bool(raw.get("nullable") or node.get("nullable") or "null" in declared or None in values)


def _values(values: list[Any] | None) -> list[Any] | None:
    """Enum values without null (the catalog says `nullable` instead); None without an enum."""
    if values is None:
        return None
    kept = [v for v in values if v is not None and not isinstance(v, (dict, list))]
    return kept or None


def _parameter_type(description: Description, parameter: Parameter) -> str:
    declared = parameter.schema.get("type")
    for name in declared if isinstance(declared, list) else [declared]:
        if name in PARAMETER_TYPES:
            return str(name)
    return "string"


def _same_object(ours: Any, theirs: Any) -> bool:
    """Two references to objects, or two arrays of them, which the walk compares field by field."""
    if isinstance(ours, str) and isinstance(theirs, str):
        return True
    if isinstance(ours, Mapping) and isinstance(theirs, Mapping):
        return "$ref" in ours and "$ref" in theirs
    return False


def _words(shape: tuple[Any, ...]) -> str:
    if shape[0] == "array":
        return "array of " + _words(shape[1])
    if shape[0] == "object":
        return "object"
    return str(shape[0]) + (f" ({shape[1]})" if len(shape) > 1 and shape[1] else "")


def propose(catalog: Catalog, old: Description, new: Description, version: str) -> Draft:
    """The draft of versions/<version>.yaml for moving `catalog` (resolved at the version
    `old` describes) to the version `new` describes."""
    return Proposer(catalog, old, new, version).run()



# --- a draft against a version file written by hand ---------------------------------------------


def rule_keys(kind: str, arguments: Mapping[str, Any]) -> list[tuple[str, ...]]:
    """What a rule changes, as keys that a draft and a hand-written file share: a rename
    of a value is its removal and its addition, a changed endpoint one key a fact."""
    a = arguments

    def named(value: Any, attribute: str) -> str:
        return str(value.get(attribute) if isinstance(value, Mapping) else getattr(value, attribute, value))

    if kind == "add_schema":
        return [(kind, named(a["schema"], "name"))]
    if kind in ("add_field", "remove_field", "change_field", "remove_enum"):
        return [(kind, a["schema"], a["field"])]
    if kind == "rename_field":
        return [("remove_field", a["schema"], a["field"]), ("add_field", a["schema"], a["to"])]
    if kind in ("add_enum_value", "remove_enum_value"):
        return [(kind, a["schema"], a["field"], str(a["value"]))]
    if kind == "rename_enum_value":
        return [("remove_enum_value", a["schema"], a["field"], str(a["value"])), ("add_enum_value", a["schema"], a["field"], str(a["to"]))]
    if kind in ("add_parameter", "remove_parameter", "change_parameter", "rename_parameter"):
        return [(kind, a["endpoint"], named(a["parameter"], "name"))]
    if kind == "change_endpoint":
        return [(kind, a["endpoint"], str(k)) for k in a["set"]]
    if kind == "add_endpoint":
        return [(kind, named(a["endpoint"], "id"))]
    if kind in ("add_error", "change_error", "remove_error"):
        return [(kind, named(a.get("error", a.get("status")), "status"))]
    for key in ("endpoint", "group", "webhook", "scope"):
        if key in a:
            return [(kind, named(a[key], "id" if key in ("endpoint", "group") else "topic"))]
    return [(kind,)]


def _normalized(keys: Iterable[tuple[str, ...]]) -> set[tuple[str, ...]]:
    """A field removed and added again by one version is a changed field."""
    found = set(keys)
    for key in list(found):
        if key[0] == "remove_field" and ("add_field", *key[1:]) in found:
            found -= {key, ("add_field", *key[1:])}
            found.add(("change_field", *key[1:]))
    return found


@dataclass(frozen=True)
class HistoryMatch:
    """How a draft compares with the rules a version file already holds."""

    reproduced: tuple[tuple[str, ...], ...]
    """Written rules the draft proposes too."""
    reviewed: tuple[tuple[str, ...], ...]
    """Written rules the draft lists for review (a new endpoint, a rename)."""
    missed: tuple[tuple[str, ...], ...]
    """Written rules the draft has neither as a rule nor for review."""
    extra: tuple[tuple[str, ...], ...]
    """Draft rules the written file lacks."""


def compare_with_written(draft: Draft, written: Iterable[tuple[str, Mapping[str, Any]]]) -> HistoryMatch:
    """`written`: (kind, arguments) of the rules to compare with."""
    ours = _normalized(k for r in draft.rules for k in rule_keys(r.kind, r.arguments))
    reviewed = {k for item in draft.reviews if item.rule is not None for k in rule_keys(item.rule.kind, item.rule.arguments)}
    theirs = _normalized(k for kind, arguments in written for k in rule_keys(kind, arguments))
    return HistoryMatch(
        tuple(sorted(theirs & ours)),
        tuple(sorted((theirs - ours) & reviewed)),
        tuple(sorted(theirs - ours - reviewed)),
        tuple(sorted(ours - theirs)),
    )
