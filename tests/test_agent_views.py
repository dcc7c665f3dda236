"""The agent layer's view, for every supported version: the catalog's `destructive` fact,
one MCP tool per endpoint with a valid JSON Schema input and annotations from the
catalog, the audit log's phrases, and the universal search sources."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from intercom_gen.agent_views import nouns
from intercom_gen.client_views import build_client_view
from intercom_gen.diagnostics import CatalogError
from intercom_gen.naming import tool, tool_argument
from intercom_gen.operations import build_operation_model
from intercom_gen.pipeline import resolve_catalog
from tests.client.versions import RESOLVED, SUPPORTED


@pytest.fixture(scope="module", params=SUPPORTED)
def version(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture(scope="module")
def document(version: str) -> dict[str, object]:
    return json.loads(build_client_view(RESOLVED.versions, version).agents.tools_json)


def test_deleting_and_archiving_endpoints_are_destructive(version: str) -> None:
    catalog = RESOLVED.versions[version]
    destructive = {e.id for e in catalog.endpoints if e.destructive}
    assert {e.id for e in catalog.endpoints if e.method == "DELETE"} <= destructive
    assert {e.id for e in catalog.endpoints if e.action.startswith("archive")} <= destructive
    assert destructive <= {e.id for e in catalog.endpoints if e.access == "write"}
    assert "contacts.delete" in destructive and "conversations.manage" not in destructive


def test_destructive_must_be_true_or_false(mini_catalog: Path) -> None:
    path = mini_catalog / "endpoints" / "contacts.yaml"
    text = path.read_text()
    path.write_text(text.replace("    request: create_contact_request\n", "    request: create_contact_request\n    destructive: sometimes\n", 1))
    with pytest.raises(CatalogError, match="destructive"):
        resolve_catalog(mini_catalog)


def test_every_endpoint_is_a_tool_with_a_valid_input_schema(version: str, document: dict[str, object]) -> None:
    model = build_operation_model(RESOLVED.versions[version])
    tools = {t["endpoint"]: t for t in document["tools"]}  # type: ignore[attr-defined]
    assert sorted(tools) == [o.id for o in model.operations]
    definitions = document["defs"]
    for operation in model.operations:
        entry = tools[operation.id]
        assert entry["name"] == tool(operation.id)
        schema = {**entry["input_schema"], "$defs": {name: definitions[name] for name in entry["defs"]}}  # type: ignore[index]
        Draft202012Validator.check_schema(schema)
        validator = Draft202012Validator(schema)
        required = {a.name for a in operation.arguments if a.required and not a.paging}
        assert set(schema.get("required", ())) == required
        # A call with every required argument of the right kind is valid input (where
        # each is a plain value: objects of named schemas are the fuzz tests' to make).
        example = {name: _example(schema["properties"][name]) for name in required}
        if all("type" in schema["properties"][name] for name in required):
            assert not list(validator.iter_errors(example)), operation.id
        assert any(e.validator == "additionalProperties" for e in validator.iter_errors({**example, "surprise": 1}))
        hints = entry["annotations"]
        assert hints == {
            "read_only": operation.access == "read",
            "destructive": operation.destructive,
            "idempotent": operation.method in ("GET", "PUT", "DELETE"),
            "open_world": True,
        }
        assert (entry["call"]["cursor"] is not None) is (operation.paging is not None)
        if operation.permission:
            assert operation.permission in entry["description"] and all(s in entry["description"] for s in operation.scopes)


def _example(schema: dict[str, object]) -> object:
    kinds = schema.get("type") or "object"
    kind = next(k for k in (kinds if isinstance(kinds, list) else [kinds]) if k != "null")
    if "enum" in schema:
        return schema["enum"][0]  # type: ignore[index]
    return {"string": "x", "integer": 1, "number": 1.5, "boolean": True, "array": [], "object": {}}[str(kind)]


def test_the_tools_document_is_deterministic(version: str, document: dict[str, object]) -> None:
    again = build_client_view(RESOLVED.versions, version).agents.tools_json
    assert json.loads(again) == document and again == json.dumps(document, indent=2, sort_keys=True, ensure_ascii=False)


def test_search_sources_exist_in_the_version(version: str, document: dict[str, object]) -> None:
    names = {t["name"] for t in document["tools"]}  # type: ignore[attr-defined]
    kinds = [s["kind"] for s in document["sources"]]  # type: ignore[attr-defined]
    assert kinds == ["contacts", "conversations", "articles"]
    for source in document["sources"]:  # type: ignore[attr-defined]
        assert {source["search_tool"], source["fetch_tool"]} <= names


def test_phrases_name_the_object_of_the_call() -> None:
    model = build_operation_model(RESOLVED.versions[SUPPORTED[-1]])
    by_id = {o.id: o for o in model.operations}
    assert nouns(by_id["conversations.reply"]) == ("conversation",)
    assert nouns(by_id["companies.retrieve"]) == ("company",)
    assert nouns(by_id["contacts.list"]) == ()
    # A parameter named as its own segment keeps its "id": /fin_voice/external_id/{external_id}.
    assert all(noun for o in model.operations for noun in nouns(o))


def test_tool_arguments_never_clash() -> None:
    assert tool_argument("id", "path", set()) == "id"
    assert tool_argument("id", "body", {"id"}) == "body_id"
    assert tool_argument("id", "body", {"id", "body_id"}) == "body_id_"
