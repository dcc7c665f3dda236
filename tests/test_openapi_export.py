"""The OpenAPI 3.1 export: a valid document per version that says what the catalog says."""

from __future__ import annotations

import dataclasses
import io
import json
import re
from collections.abc import Iterator, Mapping
from typing import Any

import pytest
from openapi_spec_validator import validate
from ruamel.yaml import YAML

from intercom_gen.catalog import Catalog, Property, freeze
from intercom_gen.locations import DEFAULT_TEMPLATES
from intercom_gen.openapi_views import (
    OpenApiView,
    build_openapi_view,
    convert_schema,
    openapi_document,
    openapi_view,
)
from intercom_gen.operations import build_operation_model
from intercom_gen.pipeline import resolve_catalog
from intercom_gen.render import make_environment

RESOLVED = resolve_catalog()
VERSIONS = RESOLVED.supported
METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")


def catalog_facts(catalog: Catalog) -> dict[str, Any]:
    """The content of the version's catalog.json (endpoints, scopes, webhooks), from the
    catalog target's own builder wherever it lives."""
    try:
        from intercom_gen.catalog_views import catalog_document
    except ImportError:
        from intercom_gen.views import catalog_document  # type: ignore[attr-defined,no-redef]
    document: dict[str, Any] = catalog_document(catalog)
    return document


def load_yaml(text: str) -> Any:
    return YAML(typ="safe").load(io.StringIO(text))


def walk(node: Any) -> Iterator[tuple[str, Any]]:
    """Every (key, value) pair of every mapping in a document."""
    if isinstance(node, Mapping):
        for key, value in node.items():
            yield key, value
            yield from walk(value)
    elif isinstance(node, list):
        for item in node:
            yield from walk(item)


def operations(document: Mapping[str, Any]) -> dict[str, tuple[str, str, Mapping[str, Any]]]:
    """{operationId: (METHOD, path, operation)} over the document's paths."""
    found: dict[str, tuple[str, str, Mapping[str, Any]]] = {}
    for path, item in document["paths"].items():
        for method, operation in item.items():
            if method in METHODS:
                assert operation["operationId"] not in found, operation["operationId"]
                found[operation["operationId"]] = (method.upper(), path, operation)
    return found


def oauth_alternatives(operation: Mapping[str, Any]) -> list[list[str]]:
    return [requirement["oauth"] for requirement in operation.get("security", []) if "oauth" in requirement]


@pytest.fixture(scope="module", params=VERSIONS)
def export(request: pytest.FixtureRequest) -> tuple[Catalog, OpenApiView, dict[str, Any]]:
    catalog = RESOLVED.versions[request.param]
    view = openapi_view(catalog)
    return catalog, view, json.loads(view.json_text)


def test_document_is_valid_openapi_3_1(export: tuple[Catalog, OpenApiView, dict[str, Any]]) -> None:
    catalog, view, document = export
    assert document["openapi"] == "3.1.0"
    assert document["info"]["version"] == catalog.version == view.version
    validate(document)


def test_every_operation_is_exported_with_its_method_path_and_scopes(
    export: tuple[Catalog, OpenApiView, dict[str, Any]],
) -> None:
    catalog, _, document = export
    facts = catalog_facts(catalog)
    exported = operations(document)
    assert sorted(exported) == sorted(e["id"] for e in facts["endpoints"])
    for endpoint in facts["endpoints"]:
        method, path, operation = exported[endpoint["id"]]
        assert (method, path) == (endpoint["method"], endpoint["path"]), endpoint["id"]
        assert operation["x-intercom-permission"] == endpoint["permission"]
        assert operation.get("x-intercom-webhook") == endpoint["webhook"]
        assert operation["x-intercom-scopes"] == endpoint["scopes"]
        # Any one granting scope is enough: one requirement per scope, in the catalog's order.
        assert oauth_alternatives(operation) == [[scope] for scope in endpoint["scopes"]], endpoint["id"]
        if endpoint["scopes"]:
            assert {"bearer": []} in operation["security"]
        else:
            assert "security" not in operation  # the document-wide "any token"
        parameters = {(p["name"], p["in"]) for p in operation["parameters"] if "name" in p}
        assert parameters == {(p["name"], p["in"]) for p in endpoint["parameters"]}, endpoint["id"]
        assert {"$ref": "#/components/parameters/IntercomVersion"} in operation["parameters"]
    header = document["components"]["parameters"]["IntercomVersion"]
    assert (header["name"], header["in"], header["required"]) == (catalog.api.version_header, "header", True)
    assert header["schema"]["enum"] == [catalog.version]


def test_every_scope_is_in_the_oauth_flow(export: tuple[Catalog, OpenApiView, dict[str, Any]]) -> None:
    catalog, _, document = export
    schemes = document["components"]["securitySchemes"]
    scopes = schemes["oauth"]["flows"]["authorizationCode"]["scopes"]
    assert scopes == {s["name"]: s["description"] for s in catalog_facts(catalog)["scopes"]}
    assert schemes["bearer"] == {**schemes["bearer"], "type": "http", "scheme": "bearer"}
    used = {scope for _, _, o in operations(document).values() for [scope] in oauth_alternatives(o)}
    assert used <= set(scopes)


def test_every_webhook_topic_is_a_webhook(export: tuple[Catalog, OpenApiView, dict[str, Any]]) -> None:
    catalog, _, document = export
    topics = {w["topic"]: w for w in catalog_facts(catalog)["webhooks"]}
    assert sorted(document.get("webhooks", {})) == sorted(topics)
    for topic, item in document.get("webhooks", {}).items():
        assert list(item) == ["post"]
        webhook = item["post"]
        assert webhook["x-intercom-permission"] == topics[topic]["permission"]
        assert webhook["requestBody"]["content"]["application/json"]["schema"]["properties"]["topic"] == {
            "const": topic
        }
        assert "200" in webhook["responses"]
    # Every webhook an operation names is a topic of this version.
    named = {o["x-intercom-webhook"] for _, _, o in operations(document).values() if "x-intercom-webhook" in o}
    assert named <= set(topics)


def test_schemas_errors_and_servers_come_from_the_catalog(export: tuple[Catalog, OpenApiView, dict[str, Any]]) -> None:
    catalog, _, document = export
    components = document["components"]
    assert {s.name for s in catalog.schemas} <= set(components["schemas"])
    refs = [value for key, value in walk(document) if key == "$ref"]
    assert refs and all(isinstance(ref, str) and ref.startswith("#/components/") for ref in refs)
    for ref in refs:
        _, section, name = ref.removeprefix("#/").split("/")
        assert name in document["components"][section], ref
    # 3.0 keywords are converted, not carried over.
    assert not [key for key, _ in walk(components["schemas"]) if key in ("nullable", "example")]
    for error in catalog.errors:
        for status in (error.status, *error.also):
            for _, _, operation in operations(document).values():
                ref = operation["responses"][str(status)]["$ref"]
                assert components["responses"][ref.rsplit("/", 1)[1]]["x-intercom-codes"] == list(error.codes)
    assert [s["url"] for s in document["servers"]] == sorted(
        (r.base_url for r in catalog.api.regions),
        key=lambda url: url != next(r.base_url for r in catalog.api.regions if r.id == catalog.api.default_region),
    )


def test_a_schema_requires_what_the_client_models_require(export: tuple[Catalog, OpenApiView, dict[str, Any]]) -> None:
    """A schema a request body holds, at any depth, requires what its catalog file says
    a request must carry; every other schema only what Intercom always sends, as the
    client's response models do (Intercom's descriptions mark fields required that the
    live API omits)."""
    catalog, _, document = export
    schemas = document["components"]["schemas"]
    held = set()
    pending = [ref for _, _, operation in operations(document).values() for key, ref in walk(operation.get("requestBody", {})) if key == "$ref"]
    while pending:
        name = pending.pop().rsplit("/", 1)[1]
        if name not in held:
            held.add(name)
            pending += [ref for key, ref in walk(schemas[name]) if key == "$ref"]
    assert held, "no request body refers to a schema"
    nested = 0
    for schema in catalog.schemas:
        required = schemas[schema.name].get("required", [])
        if schema.name in held:
            assert required == list(schema.required), schema.name
            nested += bool(schema.required) and not any(e.request == schema.name for e in catalog.endpoints)
        else:
            assert required == list(schema.always_sent), schema.name
    assert nested, "no nested request object requires a field: the test lost its point"


def test_success_responses_follow_the_result_kind(export: tuple[Catalog, OpenApiView, dict[str, Any]]) -> None:
    catalog, _, document = export
    exported = operations(document)
    kinds = set()
    for operation in build_operation_model(catalog).operations:
        result = operation.result
        kinds.add(result.kind)
        response = exported[operation.id][2]["responses"][str(result.status)]
        if result.kind in ("model", "list"):
            assert response["content"] == {
                "application/json": {"schema": {"$ref": f"#/components/schemas/{result.schema}"}}
            }
        elif result.kind == "models":
            assert response["content"] == {
                "application/json": {
                    "schema": {"type": "array", "items": {"$ref": f"#/components/schemas/{result.schema}"}}
                }
            }
        elif result.kind == "text":
            assert response["content"] == {"text/plain": {"schema": {"type": "string"}}}
        elif result.kind == "redirect":
            assert "content" not in response and response["headers"]["Location"]["required"] is True
        else:
            assert "content" not in response
    assert {"model", "none"} <= kinds


def test_json_and_yaml_texts_are_the_same_document(export: tuple[Catalog, OpenApiView, dict[str, Any]]) -> None:
    catalog, view, document = export
    assert view.json_text == json.dumps(document, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
    assert load_yaml(view.yaml_text) == document
    # A YAML 1.1 reader (PyYAML, which much OpenAPI tooling uses) reads the same document.
    pyyaml = pytest.importorskip("yaml")
    assert pyyaml.safe_load(view.yaml_text) == document
    assert not re.search(r"[&*]id\d{3}", view.yaml_text), "the YAML has anchors or aliases"
    assert view.yaml_text.endswith("\n") and not view.yaml_text.endswith("\n\n")
    assert openapi_view(catalog) == view, "two builds differ"


def test_templates_place_the_texts_with_one_final_newline() -> None:
    environment = make_environment(DEFAULT_TEMPLATES / "openapi")
    view = OpenApiView(version="x", json_text='{"a": 1}\n', yaml_text="a: 1\n")
    assert environment.get_template("openapi.json.jinja").render(view=view) == view.json_text
    assert environment.get_template("openapi.yaml.jinja").render(view=view) == view.yaml_text


def test_registry_builder_builds_the_version_asked_for() -> None:
    version = RESOLVED.supported[0]
    assert build_openapi_view(RESOLVED.versions, version) == openapi_view(RESOLVED.versions[version])


def test_nullable_and_example_become_3_1_schema() -> None:
    assert convert_schema({"type": "string", "nullable": True}) == {"type": ["string", "null"]}
    assert convert_schema({"type": ["string", "null"], "nullable": True}) == {"type": ["string", "null"]}
    assert convert_schema({"type": "string", "enum": ["a"], "nullable": True}) == {
        "type": ["string", "null"],
        "enum": ["a", None],
    }
    assert convert_schema({"$ref": "tag", "description": "d", "nullable": True}) == {
        "anyOf": [{"$ref": "#/components/schemas/tag"}, {"type": "null"}],
        "description": "d",
    }
    assert convert_schema({"type": "integer", "nullable": False, "example": 3}) == {"type": "integer", "examples": [3]}
    assert convert_schema({"type": "array", "items": {"$ref": "tag"}}) == {
        "type": "array",
        "items": {"$ref": "#/components/schemas/tag"},
    }


HOSTILE = "He said \"hi\" & 'bye'\n</script><!-- {{ view }} -->\t: # - ? | > ~ null\\ \u2028 é 😀"
# Strings a YAML 1.1 or 1.2 reader would take for booleans, nulls, numbers, dates or merge keys.
YAML_WORDS = ["no", "yes", "on", "off", "y", "n", "~", "null", "1_000", "0o17", "2024-01-01", "1.0", ".inf", "=", "<<"]


def hostile_catalog() -> Catalog:
    """The default version with quotes, newlines, markup and YAML-lookalike words in the
    strings that reach the document, and one endpoint deprecated."""
    catalog = RESOLVED.versions[RESOLVED.base.api.default_version]
    endpoint = next(e for e in sorted(catalog.endpoints, key=lambda e: e.id) if e.permission is not None)
    endpoint = dataclasses.replace(endpoint, summary=HOSTILE, deprecated=HOSTILE)
    scope = dataclasses.replace(catalog.scopes[0], description=HOSTILE)
    schema = catalog.schemas[0]
    words = Property(name="no", definition=freeze({"type": "string", "enum": YAML_WORDS, "description": HOSTILE}))
    schema = dataclasses.replace(schema, description=HOSTILE, properties=(*schema.properties, words))
    webhooks = tuple(dataclasses.replace(w, summary=HOSTILE) for w in catalog.webhooks[:1]) + catalog.webhooks[1:]
    return dataclasses.replace(
        catalog,
        endpoints=tuple(endpoint if e.id == endpoint.id else e for e in catalog.endpoints),
        scopes=(scope, *catalog.scopes[1:]),
        schemas=(schema, *catalog.schemas[1:]),
        webhooks=webhooks,
    )


def test_hostile_strings_round_trip_through_json_and_yaml() -> None:
    catalog = hostile_catalog()
    view = openapi_view(catalog)
    document = json.loads(view.json_text)
    validate(document)
    assert load_yaml(view.yaml_text) == document == openapi_document(catalog)
    pyyaml = pytest.importorskip("yaml")
    assert pyyaml.safe_load(view.yaml_text) == document

    operation = next(o for o in build_operation_model(catalog).operations if o.deprecated)
    _, _, exported = operations(document)[operation.id]
    assert exported["summary"] == operation.summary == " ".join(HOSTILE.split())
    assert exported["deprecated"] is True and exported["x-intercom-deprecation"] == operation.deprecated
    scopes = document["components"]["securitySchemes"]["oauth"]["flows"]["authorizationCode"]["scopes"]
    assert scopes[catalog.scopes[0].name] == HOSTILE
    schema = document["components"]["schemas"][catalog.schemas[0].name]
    assert schema["description"] == HOSTILE
    assert schema["properties"]["no"]["enum"] == YAML_WORDS
    assert document["webhooks"][catalog.webhooks[0].topic]["post"]["summary"] == HOSTILE
