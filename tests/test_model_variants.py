"""A definition that differs between versions is given to datamodel-code-generator as
its delta, the properties it changes, and its class is made from its first definition's
class and the delta's (generator.model_variants). Every class so made must read exactly
as the tool writes it from that version's document alone: checked here on documents of
the shapes model_schema writes, chosen and at random, and on the shipped catalog by
tests/test_model_generation.py. These run the tool in this process, once a document."""

from __future__ import annotations

from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from intercom_gen.model_generation import generate_source, make_classes, parse_classes
from intercom_gen.model_variants import complete_variants, delta_definition, union_document

SCHEMA = "https://json-schema.org/draft/2020-12/schema"
# Property schemas of the kinds model_schema writes: plain types, a nullable one, a
# described one, a reference to a model and to an enum, a list of models, a free mapping.
PROPERTIES: list[dict[str, Any]] = [
    {"type": "string"},
    {"type": "integer", "description": "A count."},
    {"anyOf": [{"type": "string"}, {"type": "null"}]},
    {"type": "boolean", "description": "Whether it is so."},
    {"$ref": "#/$defs/Tag"},
    {"$ref": "#/$defs/ItemKind", "description": "What kind of item."},
    {"type": "array", "items": {"$ref": "#/$defs/Tag"}},
    {"type": "object", "additionalProperties": True},
]
NAMES = ["id", "name", "count", "tags", "kind", "owner", "note", "created_at"]
SHARED = {
    "Tag": {
        "title": "Tag",
        "type": "object",
        "description": "A label.",
        "properties": {"label": {"type": "string"}},
        "additionalProperties": True,
    },
    "ItemKind": {"title": "ItemKind", "type": "string", "enum": ["plain", "special"]},
}


def item(
    properties: dict[str, Any], required: list[str], description: str = "Something a version has."
) -> dict[str, Any]:
    definition: dict[str, Any] = {
        "title": "Item",
        "type": "object",
        "description": description,
        "properties": properties,
        "additionalProperties": True,
    }
    if required:
        definition["required"] = required
    return definition


def document(*definitions: dict[str, Any]) -> dict[str, Any]:
    named = {**SHARED, **{d["title"]: d for d in definitions}}
    return {"$schema": SCHEMA, "title": "Models", "$defs": dict(sorted(named.items()))}


def made_as_alone(old: dict[str, Any], new: dict[str, Any]) -> dict[str, Any]:
    """Make both documents' classes in one request, check each class against the tool's
    run on its document alone, and return the request's variants (those given as deltas)."""
    documents = {"old": old, "new": new}
    union, stand_ins, variants = union_document(documents)
    classes = make_classes({"document": union, "variants": variants})
    for label, alone_document in documents.items():
        alone = parse_classes(generate_source(alone_document))
        assert sorted(stand_ins[label]) == sorted(alone)
        for name, stand_in in stand_ins[label].items():
            text, uses = classes[stand_in]
            assert text.replace(f"class {stand_in}(", f"class {name}(", 1) == alone[name][0], f"{label}: {name} differs"
            assert uses == alone[name][1], f"{label}: {name} names others"
    return variants


BASE = item({"id": {"type": "string"}, "name": PROPERTIES[2], "count": PROPERTIES[1], "tags": PROPERTIES[6]}, ["id"])


def test_a_variant_that_adds_a_field_is_made_from_its_delta() -> None:
    properties = dict(BASE["properties"])
    properties = {"id": properties["id"], "kind": PROPERTIES[5], **{k: v for k, v in properties.items() if k != "id"}}
    variants = made_as_alone(document(BASE), document(item(properties, ["id", "kind"])))
    assert list(variants) == ["ItemVariant2"]
    assert list(variants["ItemVariant2"]["definition"]["properties"]) == ["id", "kind", "name", "count", "tags"]


def test_a_variant_that_drops_a_field_or_makes_one_required_is_made_from_its_delta() -> None:
    properties = {k: v for k, v in BASE["properties"].items() if k != "name"}
    assert made_as_alone(document(BASE), document(item(properties, ["id", "count"])))


def test_a_delta_holds_only_what_the_variant_changes() -> None:
    variant = item({**BASE["properties"], "count": PROPERTIES[0], "note": PROPERTIES[3]}, ["id", "note"])
    variant["title"] = "ItemVariant2"
    delta = delta_definition(BASE, variant)
    assert delta is not None
    assert list(delta["properties"]) == ["count", "note"]
    assert delta["required"] == ["note"]
    assert {k: v for k, v in delta.items() if k not in ("properties", "required")} == {
        k: v for k, v in variant.items() if k not in ("properties", "required")
    }


def test_a_variant_differing_besides_its_properties_or_in_none_is_given_whole() -> None:
    described = {**item(dict(BASE["properties"]), ["id"], "Told otherwise."), "title": "ItemVariant2"}
    assert delta_definition(BASE, described) is None
    only_order = {**item(dict(reversed(list(BASE["properties"].items()))), ["id"]), "title": "ItemVariant2"}
    assert delta_definition(BASE, only_order) is None
    assert made_as_alone(document(BASE), document(described)) == {}


def test_a_definition_whose_properties_only_change_order_is_a_variant_of_its_own() -> None:
    """The order of a schema's properties is its fields' order, so such a version must
    not be given the first version's class."""
    reordered = item(dict(reversed(list(BASE["properties"].items()))), ["id"])
    _, stand_ins, variants = union_document({"old": document(BASE), "new": document(reordered)})
    assert stand_ins["new"]["Item"] == "ItemVariant2" and variants == {}
    made_as_alone(document(BASE), document(reordered))


def test_a_field_the_tool_renames_makes_the_variant_whole() -> None:
    old = item({"from": {"type": "string"}, "id": {"type": "string"}}, ["from"])
    new = item({"from": {"type": "string"}, "id": {"type": "string"}, "note": PROPERTIES[0]}, ["from"])
    assert made_as_alone(document(old), document(new)) == {}


def test_a_field_the_tool_is_told_to_rename_makes_the_variant_whole() -> None:
    """A field the tool's aliases option renames (model_generation.SHADOWING_FIELDS) is
    not its property's name in the class: such a variant is given whole, not as a delta
    that would need a second run."""
    from intercom_gen.model_generation import SHADOWING_FIELDS

    base = item({"id": {"type": "string"}, "list": {"type": "integer"}}, [])
    variant = {
        **item({"id": {"type": "string"}, "list": {"type": "integer"}, "note": PROPERTIES[0]}, []),
        "title": "ItemVariant2",
    }
    assert delta_definition(base, variant) is not None
    assert delta_definition(base, variant, SHADOWING_FIELDS) is None


def test_a_field_named_like_a_name_another_field_uses_makes_the_variant_whole() -> None:
    """The tool renames such a field itself today (`Tag` to `Tag_1`); were it not to, the
    field would change what that name means in the class body below it."""
    header = 'class {}(BaseModel):\n    """\n    Something a version has.\n    """\n\n    model_config = ConfigDict(\n        extra="allow",\n    )\n'
    base = item({"id": {"type": "string"}, "tag": {"$ref": "#/$defs/Tag"}}, [])
    variant = {
        **item({"Tag": {"type": "integer"}, "id": {"type": "string"}, "tag": {"$ref": "#/$defs/Tag"}}, []),
        "title": "ItemVariant2",
    }
    delta = delta_definition(base, variant)
    assert delta is not None and list(delta["properties"]) == ["Tag"]
    classes = {
        "Item": (header.format("Item") + "    id: str | None = None\n    tag: Tag | None = None", []),
        "ItemVariant2": (header.format("ItemVariant2") + "    Tag: int | None = None", []),
    }
    document = {"$defs": {"Item": base, "ItemVariant2": delta}}
    completed, whole = complete_variants(classes, document, {"ItemVariant2": {"base": "Item", "definition": variant}})
    assert whole == ["ItemVariant2"]
    renamed = {**classes, "ItemVariant2": (classes["ItemVariant2"][0].replace("Tag:", "label:"), [])}
    relabelled = {**variant, "properties": {"label" if k == "Tag" else k: v for k, v in variant["properties"].items()}}
    completed, whole = complete_variants(
        renamed,
        {"$defs": {"Item": base, "ItemVariant2": {**delta, "properties": {"label": {"type": "integer"}}}}},
        {"ItemVariant2": {"base": "Item", "definition": relabelled}},
    )
    assert whole == []
    assert completed["ItemVariant2"][0].endswith(
        "    label: int | None = None\n    id: str | None = None\n    tag: Tag | None = None"
    )


def test_a_model_naming_itself_makes_its_variants_whole() -> None:
    old = item({"id": {"type": "string"}, "parent": {"$ref": "#/$defs/Item"}}, [])
    new = item({"id": {"type": "string"}, "parent": {"$ref": "#/$defs/Item"}, "note": PROPERTIES[0]}, [])
    union, _, variants = union_document({"old": document(old), "new": document(new)})
    assert list(variants) == ["ItemVariant2"]
    _, whole = complete_variants(parse_classes(generate_source(union)), union, variants)
    assert whole == ["ItemVariant2"]
    made_as_alone(document(old), document(new))


@st.composite
def versions_of_a_model(draw: st.DrawFn) -> tuple[dict[str, Any], dict[str, Any]]:
    """A model, and another version of it: fields added, dropped, retyped, made
    required or not, and put in another order."""
    names = draw(st.lists(st.sampled_from(NAMES), min_size=1, max_size=6, unique=True))
    schemas = {name: draw(st.sampled_from(PROPERTIES)) for name in names}
    required = [name for name in names if draw(st.booleans())]
    kept = draw(st.lists(st.sampled_from(names), max_size=len(names), unique=True))
    added = draw(st.lists(st.sampled_from([n for n in NAMES if n not in names] or NAMES[:1]), max_size=2, unique=True))
    new_names = draw(st.permutations(kept + [n for n in added if n not in kept]))
    new_schemas = {
        name: schemas[name] if name in schemas and draw(st.booleans()) else draw(st.sampled_from(PROPERTIES))
        for name in new_names
    }
    new_required = [name for name in new_names if draw(st.booleans())]
    return item(schemas, required), item(new_schemas, new_required)


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(versions_of_a_model())
def test_every_variant_reads_as_the_tool_writes_it_alone(pair: tuple[dict[str, Any], dict[str, Any]]) -> None:
    old, new = pair
    made_as_alone(document(old), document(new))


def test_the_shipped_catalogs_variants_are_given_as_deltas() -> None:
    """So that tests/test_model_generation.py, which holds every version's classes to the
    tool's own runs, checks classes made from deltas."""
    from intercom_gen.model_schema import catalog_schema
    from intercom_gen.pipeline import resolve_catalog

    resolved = resolve_catalog()
    union, _, variants = union_document({v: catalog_schema(resolved.versions[v])[0] for v in resolved.supported})
    assert variants, "no variant of the shipped catalog is given as a delta"
    for name, variant in variants.items():
        assert len(union["$defs"][name]["properties"]) < len(variant["definition"]["properties"])
