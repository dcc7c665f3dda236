"""`intercom-gen propose`: drafting a version's rules from two OpenAPI descriptions.

A small pair of descriptions written here exercises every kind of change on the fixture
catalog; Intercom's own descriptions (../shared/reference, skipped when absent) check
that propose reproduces the description-derived history of the shipped catalog, and
that a draft, applied, brings the catalog closer to the newer description.
"""

from __future__ import annotations

import copy
import json
import shutil
from itertools import pairwise
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from intercom_gen.catalog import version_key
from intercom_gen.cli import main
from intercom_gen.conform import differences
from intercom_gen.locations import DEFAULT_CATALOG
from intercom_gen.openapi_description import Description, load_description
from intercom_gen.pipeline import resolve_catalog
from intercom_gen.propose import compare_with_written, propose, prose, singular
from tests.catalog_versions import shipped, supported


def ref(name: str) -> dict[str, str]:
    return {"$ref": f"#/components/schemas/{name}"}


def answer(schema: str, description: str = "ok") -> dict[str, Any]:
    return {"description": description, "content": {"application/json": {"schema": ref(schema)}}}


def error_answer(description: str, code: str) -> dict[str, Any]:
    example = {"value": {"type": "error.list", "errors": [{"code": code, "message": description}]}}
    return {"description": description, "content": {"application/json": {"examples": {"one": example}, "schema": ref("error")}}}


def mini_description(version: str) -> dict[str, Any]:
    """A description the fixture catalog (tests/fixtures/mini) agrees with, at `version`."""
    contact_id = {"name": "contact_id", "in": "path", "required": True, "schema": {"type": "string"}}
    paging = [
        {"name": "per_page", "in": "query", "schema": {"type": "integer"}},
        {"name": "starting_after", "in": "query", "schema": {"type": "string"}},
    ]
    return {
        "openapi": "3.0.1",
        "info": {"title": "Mini", "version": version},
        "paths": {
            "/contacts": {
                "post": {
                    "tags": ["Contacts"],
                    "operationId": "CreateContact",
                    "requestBody": {"content": {"application/json": {"schema": ref("create_contact_request")}}},
                    "responses": {"200": answer("contact")},
                },
                "get": {"tags": ["Contacts"], "operationId": "ListContacts", "parameters": paging, "responses": {"200": answer("contact_list")}},
            },
            "/contacts/{contact_id}": {
                "get": {
                    "tags": ["Contacts"],
                    "operationId": "ShowContact",
                    "parameters": [contact_id],
                    "responses": {"200": answer("contact"), "404": error_answer("Not found", "not_found")},
                },
            },
        },
        "components": {
            "schemas": {
                "contact": {
                    "type": "object",
                    "properties": {"id": {"type": "string", "description": "The id."}, "role": {"type": "string", "enum": ["user", "prospect"]}, "email": {"type": "string", "nullable": True}},
                },
                "contact_list": {"type": "object", "properties": {"data": {"type": "array", "items": ref("contact")}, "pages": ref("cursor_pages")}},
                "cursor_pages": {"type": "object", "properties": {"next": ref("starting_after_paging")}},
                "starting_after_paging": {"type": "object", "properties": {"starting_after": {"type": "string", "nullable": True}}},
                "create_contact_request": {
                    "type": "object",
                    "properties": {"role": {"type": "string", "enum": ["user", "lead"]}, "email": {"type": "string"}, "language_override": {"type": "string"}},
                    "required": ["email"],
                },
                "error": {"type": "object", "properties": {"type": {"type": "string"}}},
            }
        },
    }


def next_version(version: str) -> str:
    major, minor = version.split(".")
    return f"{major}.{int(minor) + 1}"


def changed_description(old: dict[str, Any], version: str) -> dict[str, Any]:
    """The next version: one change of every kind propose knows."""
    new = copy.deepcopy(old)
    new["info"]["version"] = version
    paths, schemas = new["paths"], new["components"]["schemas"]
    paths["/contacts"]["post"]["responses"] = {"201": answer("contact")}
    paths["/contacts"]["get"]["parameters"].append({"name": "email", "in": "query", "description": "Only contacts with this email.", "schema": {"type": "string"}})
    paths["/contacts/{contact_id}"]["get"]["responses"]["410"] = error_answer("The contact was merged into another.", "contact_merged")
    paths["/contacts/{contact_id}/pause"] = {"post": {"tags": ["Contacts"], "operationId": "PauseContact", "summary": "Pause a contact", "responses": {"200": answer("contact")}}}
    paths["/brands"] = {"get": {"tags": ["Brands"], "operationId": "listBrands", "responses": {"200": answer("error")}}}
    schemas["contact"]["properties"]["role"]["enum"].append("visitor")
    schemas["contact"]["properties"]["id"]["description"] = "The contact's id, which Intercom gives it."
    schemas["contact"]["properties"]["email_address"] = schemas["contact"]["properties"].pop("email")
    request = schemas["create_contact_request"]["properties"]
    del request["language_override"]
    request["signed_up_at"] = {"type": "integer", "description": "When the contact signed up.\n\nIn seconds since 1970."}
    request["location"] = {"type": "object", "properties": {"city": {"type": "string"}, "country": {"type": "string"}}, "required": ["city"]}
    return new


@pytest.fixture
def pair(mini_catalog: Path, tmp_path: Path) -> tuple[Path, Path, str]:
    """The fixture catalog's newest version's description and the next one's, as files."""
    newest = resolve_catalog(mini_catalog).supported[-1]
    upcoming = next_version(newest)
    old, new = tmp_path / "old.yaml", tmp_path / "new.json"
    # A description may be YAML or JSON: JSON is YAML, so the old one is read as YAML.
    old.write_text(json.dumps(mini_description(newest), indent=1))
    new.write_text(json.dumps(changed_description(mini_description(newest), upcoming)))
    return old, new, upcoming


def run(*arguments: str) -> Result:
    result = CliRunner().invoke(main, list(arguments))
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result


def draft_rules(text: str) -> list[dict[str, Any]]:
    from ruamel.yaml import YAML

    rules: list[dict[str, Any]] = YAML(typ="safe").load(text)["rules"]
    return rules


def rule_key(rule: dict[str, Any]) -> tuple[str, str, str]:
    subject = rule.get("schema") if isinstance(rule.get("schema"), str) else rule.get("endpoint", "")
    return rule["kind"], str(subject), str(rule.get("field") or rule.get("value") or "")


def test_the_draft_has_one_rule_for_each_change(pair: tuple[Path, Path, str], mini_catalog: Path) -> None:
    old, new, version = pair
    result = run("propose", str(old), str(new), "--version", version, "--catalog", str(mini_catalog))
    assert result.exit_code == 0, result.output
    rules = {rule_key(r): r for r in draft_rules(result.stdout)}
    assert set(rules) == {
        ("add_schema", "", ""),
        ("change_endpoint", "contacts.create", ""),
        ("add_parameter", "contacts.list", ""),
        ("remove_field", "create_contact_request", "language_override"),
        ("add_field", "create_contact_request", "signed_up_at"),
        ("add_field", "create_contact_request", "location"),
        ("remove_field", "contact", "email"),
        ("add_field", "contact", "email_address"),
        ("add_enum_value", "contact", "role"),
        ("add_error", "", ""),
    }
    assert rules[("change_endpoint", "contacts.create", "")]["set"] == {"success_status": 201}
    assert rules[("add_parameter", "contacts.list", "")]["parameter"] == {"name": "email", "in": "query", "type": "string", "required": False, "description": "Only contacts with this email."}
    assert rules[("add_enum_value", "contact", "role")]["value"] == "visitor"
    assert rules[("add_field", "create_contact_request", "signed_up_at")]["definition"] == {"type": "integer", "description": "When the contact signed up."}
    # An inline object becomes a schema of its own, named after its place, added first.
    assert rules[("add_field", "create_contact_request", "location")]["definition"] == {"$ref": "create_contact_request_location"}
    added = rules[("add_schema", "", "")]["schema"]
    assert added["name"] == "create_contact_request_location" and added["required"] == ["city"]
    assert draft_rules(result.stdout)[0]["kind"] == "add_schema"
    error = rules[("add_error", "", "")]["error"]
    assert (error["status"], error["title"], error["codes"], error["endpoints"]) == (410, "Gone", ["contact_merged"], ["contacts.retrieve"])
    # Each note names its source: the versions, the operation and the pointer.
    note = rules[("add_enum_value", "contact", "role")]["note"]
    newest = resolve_catalog(mini_catalog).supported[-1]
    assert note.startswith(f"Intercom's OpenAPI description, {newest} → {version}: contact.role allows visitor (")
    assert "#/components/schemas/contact/properties/role" in note


def test_what_needs_a_person_is_a_commented_review_item(pair: tuple[Path, Path, str], mini_catalog: Path) -> None:
    old, new, version = pair
    text = run("propose", str(old), str(new), "--version", version, "--catalog", str(mini_catalog)).stdout
    review = text[text.index("# review:") :]
    assert "# 1. A possible rename: contact field email → email_address" in review
    assert "#      - kind: rename_field" in review
    assert "A new operation in group contacts: POST /contacts/{contact_id}/pause (PauseContact)" in review
    assert "#          id: contacts.pause" in review
    assert "#   Brands: GET /brands (listBrands)" in text
    assert "Descriptions Intercom reworded (1)" in review and "#      contact.id: The contact's id, which Intercom gives it." in review
    assert text.rstrip().splitlines()[-1] == (
        "# summary: 10 rules (add_enum_value 1, add_error 1, add_field 3, add_parameter 1, add_schema 1, change_endpoint 1, remove_field 2); "
        "3 items to review; 1 new operation not covered (Brands 1)"
    )


def test_the_draft_reads_back_as_its_rules(pair: tuple[Path, Path, str], mini_catalog: Path) -> None:
    """What the draft prints is YAML for exactly the rules drafted, with no trailing space
    where a long value is folded."""
    old, new, version = pair
    resolved = resolve_catalog(mini_catalog)
    draft = propose(resolved.versions[resolved.supported[-1]], load_description(old), load_description(new), version)
    text = draft.text()
    assert draft_rules(text) == [r.as_yaml_data() for r in draft.rules]
    assert all(line == line.rstrip() for line in text.splitlines())


def test_write_makes_a_version_file_the_generator_accepts(pair: tuple[Path, Path, str], mini_catalog: Path, tmp_path: Path) -> None:
    old, new, version = pair
    result = run("propose", str(old), str(new), "--version", version, "--catalog", str(mini_catalog), "--write")
    assert result.exit_code == 0, result.output
    written = mini_catalog / "versions" / f"{version}.yaml"
    assert result.stdout.startswith(f"Wrote {written}: 10 rules")
    assert sorted(p.name for p in written.parent.iterdir()) == sorted(f"{v}.yaml" for v in supported_of(mini_catalog))
    resolved = resolve_catalog(mini_catalog)
    assert resolved.supported[-1] == version
    contact = resolved.versions[version].schema("contact")
    assert contact is not None and contact.property("email_address") is not None and contact.property("email") is None
    generated = run("--catalog", str(mini_catalog), "--out", str(tmp_path / "out"), "--version", version)
    assert generated.exit_code == 0, generated.output
    guide = (tmp_path / "out" / version / "changelog.md").read_text()
    assert "| `410` | added | `contact_merged` | `contacts.retrieve` |" in guide
    assert "Expect status 201 from `contacts.create`." in guide


def supported_of(catalog: Path) -> tuple[str, ...]:
    return resolve_catalog(catalog).supported


def test_write_refuses_to_replace_a_file_without_force(pair: tuple[Path, Path, str], mini_catalog: Path) -> None:
    old, new, version = pair
    target = mini_catalog / "versions" / f"{version}.yaml"
    hand_written = f'version: "{version}"\nsummary: Written by hand.\nrules: []\n'
    target.write_text(hand_written)
    refused = run("propose", str(old), str(new), "--version", version, "--catalog", str(mini_catalog), "--write")
    assert refused.exit_code == 2
    assert f"{target}: {version}.yaml already exists (review and edit it by hand, or pass --force to replace it with the draft)" in refused.stderr
    assert target.read_text() == hand_written
    forced = run("propose", str(old), str(new), "--version", version, "--catalog", str(mini_catalog), "--write", "--force")
    assert forced.exit_code == 0, forced.output
    assert target.read_text().startswith("# Draft rules for ")
    assert not [p for p in target.parent.iterdir() if p.name.startswith(".")], "no temporary file is left"


def test_the_draft_is_the_same_every_time(pair: tuple[Path, Path, str], mini_catalog: Path) -> None:
    old, new, version = pair
    first = run("propose", str(old), str(new), "--version", version, "--catalog", str(mini_catalog)).stdout
    assert run("propose", str(old), str(new), "--version", version, "--catalog", str(mini_catalog)).stdout == first


def test_the_same_description_twice_proposes_nothing(pair: tuple[Path, Path, str], mini_catalog: Path) -> None:
    old, _, version = pair
    text = run("propose", str(old), str(old), "--version", version, "--catalog", str(mini_catalog)).stdout
    assert draft_rules(text) == []
    assert text.rstrip().endswith("# summary: 0 rules; 0 items to review; 0 new operations not covered")


@pytest.mark.parametrize(
    ("arguments", "expected"),
    [
        (("--version", "2.x"), "--version: --version needs an API version, not '2.x' (the version NEW describes, such as "),
        (("--version", "0.1"), "--version: --version 0.1 is not after the catalog's base version"),
    ],
)
def test_a_bad_version_is_exit_2(pair: tuple[Path, Path, str], mini_catalog: Path, arguments: tuple[str, ...], expected: str) -> None:
    old, new, _ = pair
    result = run("propose", str(old), str(new), *arguments, "--catalog", str(mini_catalog), "--write")
    assert result.exit_code == 2
    assert expected in result.stderr
    assert "Traceback" not in result.output


def test_broken_descriptions_are_each_reported(mini_catalog: Path, tmp_path: Path) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text("paths:\n  /x: {get: [}\n")
    result = run("propose", str(broken), str(tmp_path / "missing.yaml"), "--version", "9.1", "--catalog", str(mini_catalog), "--write")
    assert result.exit_code == 2
    assert f"{broken}:2:14: invalid YAML" in result.stderr
    assert f"{tmp_path / 'missing.yaml'}: OpenAPI description not found" in result.stderr
    assert "2 problems found; nothing was written." in result.stderr
    assert not (mini_catalog / "versions" / "9.1.yaml").exists()


def test_prose_and_names() -> None:
    assert prose("First {% admonition %}x{% /admonition %} part.\n\nSecond.") == "First x part."
    assert prose(None) == ""
    assert [singular(n) for n in ("reply_options", "entries", "status", "address", "data")] == ["reply_option", "entry", "status", "address", "data"]


# --- Intercom's descriptions ------------------------------------------------------------------


def description_file(reference: Path, version: str) -> Path:
    return reference / version / "api.intercom.io.yaml"


def described(reference: Path, version: str) -> Description:
    path = description_file(reference, version)
    if not path.is_file():
        pytest.skip(f"no OpenAPI description for {version} under {reference}")
    return load_description(path)


def written_rules(version: str, derived: bool) -> list[tuple[str, Any]]:
    """The rules of a version file whose note says they come from the description (or not)."""
    rules = next(v.rules for v in shipped().base.versions if v.version == version)
    return [(r.kind, r.arguments) for r in rules if r.note.startswith("OpenAPI description") == derived]


@pytest.mark.parametrize(("older", "newer"), list(pairwise(supported())))
def test_propose_reproduces_the_catalogs_history(reference: Path, older: str, newer: str) -> None:
    """Every rule a version file says it took from the description, propose drafts too,
    from the two descriptions and the catalog as it stood at the older version."""
    draft = propose(shipped().versions[older], described(reference, older), described(reference, newer), newer)
    match = compare_with_written(draft, written_rules(newer, derived=True))
    assert not match.missed, f"{older} → {newer}: propose misses {match.missed}"


@pytest.mark.parametrize(("older", "newer"), list(pairwise(supported())))
def test_every_historical_draft_validates(reference: Path, tmp_path: Path, older: str, newer: str) -> None:
    """--write checks the draft in a copy of the catalog as it stood at the older version
    (a draft the validator refuses is a bug, exit 3), then replaces the version file."""
    for version in (older, newer):
        described(reference, version)
    catalog = tmp_path / "catalog"
    shutil.copytree(DEFAULT_CATALOG, catalog)
    result = run("propose", str(description_file(reference, older)), str(description_file(reference, newer)), "--version", newer, "--catalog", str(catalog), "--write", "--force")
    assert result.exit_code == 0, result.output
    assert (catalog / "versions" / f"{newer}.yaml").read_text().startswith(f"# Draft rules for {newer}")


def test_a_draft_brings_the_catalog_closer_to_the_description(reference: Path, tmp_path: Path) -> None:
    """The newest version's draft, applied to the catalog as it stood before: conformance
    differences with the newest description do not grow, and fall when it has rules."""
    older, newer = supported()[-2], supported()[-1]
    draft = propose(shipped().versions[older], described(reference, older), described(reference, newer), newer)
    catalog = tmp_path / "catalog"
    shutil.copytree(DEFAULT_CATALOG, catalog)
    (catalog / "versions" / f"{newer}.yaml").write_text(draft.text())
    applied = resolve_catalog(catalog).versions[newer]
    description = described(reference, newer)
    before = differences(shipped().versions[older], description)
    after = differences(applied, description)
    assert len(after) <= len(before)
    if draft.rules:
        assert len(after) < len(before)


def test_a_synthetic_next_version_is_proposed_generated_and_conforms(reference: Path, tmp_path: Path) -> None:
    """The bump recipe end to end on a copy of the catalog: a next version's description
    (the newest with an endpoint, an enum value, a renamed field and a removed field
    added), proposed, written, generated and checked."""
    newest = supported()[-1]
    upcoming = next_version(newest)
    document = json.loads(json.dumps(described(reference, newest).document))
    document["info"]["version"] = upcoming
    schemas = document["components"]["schemas"]
    schemas["ai_agent"]["properties"]["resolution_state"]["enum"].append("handed_to_a_person")
    contact = schemas["contact"]["properties"]
    contact["email_address"] = contact.pop("email")
    del contact["name"]
    document["paths"]["/contacts/{contact_id}/pause"] = {
        "post": {"tags": ["Contacts"], "operationId": "PauseContact", "summary": "Pause a contact", "responses": {"200": {"description": "ok", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/contact"}}}}}}
    }
    new = tmp_path / "next.json"
    new.write_text(json.dumps(document))
    catalog = tmp_path / "catalog"
    shutil.copytree(DEFAULT_CATALOG, catalog)
    old = description_file(reference, newest)
    proposed = run("propose", str(old), str(new), "--version", upcoming, "--catalog", str(catalog), "--write")
    assert proposed.exit_code == 0, proposed.output
    text = (catalog / "versions" / f"{upcoming}.yaml").read_text()
    kinds = [(r["kind"], r.get("schema"), r.get("field"), r.get("value")) for r in draft_rules(text)]
    assert ("add_enum_value", "ai_agent", "resolution_state", "handed_to_a_person") in kinds
    assert ("remove_field", "contact", "email", None) in kinds and ("add_field", "contact", "email_address", None) in kinds
    assert ("remove_field", "contact", "name", None) in kinds
    assert "A new operation in group contacts: POST /contacts/{contact_id}/pause (PauseContact)" in text
    generated = run("--catalog", str(catalog), "--out", str(tmp_path / "out"), "--version", upcoming)
    assert generated.exit_code == 0, generated.output
    assert (tmp_path / "out" / upcoming / "changelog.md").read_text().startswith(f"# Migrating from Intercom API {newest} to {upcoming}\n")
    conformed = run("conform", "--catalog", str(catalog), "--description", str(new), "--version", upcoming)
    assert conformed.exit_code == 0, conformed.output


def test_propose_is_fast_on_intercoms_descriptions(reference: Path) -> None:
    import time

    older, newer = supported()[-2], supported()[-1]
    started = time.perf_counter()
    propose(shipped().versions[older], load_description(description_file(reference, older)), load_description(description_file(reference, newer)), newer)
    assert time.perf_counter() - started < 5.0


def test_versions_compare_as_numbers() -> None:
    assert version_key(next_version("2.9")) > version_key("2.9")
