"""The rule engine, without the CLI: each rule kind's change and each problem it reports."""

from __future__ import annotations

import shutil
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from generator.catalog import (
    ApiVersion,
    Catalog,
    Endpoint,
    Group,
    Parameter,
    Property,
    Schema,
    VersionRule,
    WebhookTopic,
    freeze,
)
from generator.diagnostics import CatalogError
from generator.load import load_catalog
from generator.rules import RULE_KINDS, RuleProblem
from generator.validate import validate_catalog
from generator.versions import apply_rule, resolve_versions

MINI = Path(__file__).parent / "fixtures" / "mini"


def load_mini() -> Catalog:
    return validate_catalog(load_catalog(MINI))


@pytest.fixture(scope="module")
def base() -> Catalog:
    return load_mini()


def rule(kind: str, version: str = "2.15", note: str = "", **arguments: Any) -> VersionRule:
    return VersionRule(kind, version, freeze(arguments), note)


def endpoint(endpoint_id: str = "contacts.archive", path: str = "/contacts/{contact_id}/archive") -> Endpoint:
    return Endpoint(
        id=endpoint_id,
        group=endpoint_id.split(".")[0],
        method="POST",
        path=path,
        summary="Archive a contact.",
        access="write",
        permission="Write users",
        permission_note="",
        webhook=None,
        since="2.15",
        pagination="none",
        parameters=(Parameter("contact_id", "path", "string", True, "The contact's id."),),
        request=None,
        response="contact",
        success_status=200,
        rate_limit="Standard limits apply.",
    )


def schema(name: str = "company") -> Schema:
    return Schema(name, "A company.", (Property("id", freeze({"type": "string"})),), (), True)


def webhook(topic: str = "contact.user.deleted") -> WebhookTopic:
    return WebhookTopic(topic, "A user was deleted.", "Write users", ("contacts.create",), "2.15")


def enum_of(catalog: Catalog, schema_name: str, field: str) -> list[Any]:
    prop = catalog.schema(schema_name).property(field)
    definition = prop.definition
    holder = definition if "enum" in definition else definition["items"]
    return list(holder["enum"])


def problem(base: Catalog, r: VersionRule) -> str:
    with pytest.raises(RuleProblem) as raised:
        apply_rule(base, r)
    return str(raised.value)


# --- every kind: the change it makes --------------------------------------------------


def test_every_rule_kind_is_tested_here() -> None:
    tested = {name.removeprefix("test_applies_") for name in globals() if name.startswith("test_applies_")}
    assert tested == set(RULE_KINDS)


def test_applies_add_group(base: Catalog) -> None:
    after = apply_rule(base, rule("add_group", group=Group("companies", "Companies", "Companies.")))
    assert after.group("companies") == Group("companies", "Companies", "Companies.")
    assert len(after.groups) == len(base.groups) + 1


def test_applies_add_endpoint(base: Catalog) -> None:
    after = apply_rule(base, rule("add_endpoint", endpoint=endpoint()))
    assert after.endpoint("contacts.archive") == endpoint()
    assert after.endpoints[:-1] == base.endpoints


def test_applies_remove_endpoint(base: Catalog) -> None:
    after = apply_rule(base, rule("remove_endpoint", endpoint="contacts.list"))
    assert after.endpoint("contacts.list") is None
    assert [e.id for e in after.endpoints] == ["contacts.create", "contacts.retrieve"]


def test_applies_deprecate_endpoint(base: Catalog) -> None:
    after = apply_rule(base, rule("deprecate_endpoint", note="Use search instead.", endpoint="contacts.list"))
    assert after.endpoint("contacts.list").deprecated == "Use search instead."
    assert after.endpoint("contacts.retrieve").deprecated == ""


def test_deprecate_endpoint_without_note_names_the_version(base: Catalog) -> None:
    after = apply_rule(base, rule("deprecate_endpoint", endpoint="contacts.list"))
    assert after.endpoint("contacts.list").deprecated == "Deprecated in 2.15."


def test_applies_change_permission(base: Catalog) -> None:
    after = apply_rule(base, rule("change_permission", endpoint="contacts.list", permission="Read one user"))
    assert after.endpoint("contacts.list").permission == "Read one user"


def test_change_permission_to_null_keeps_its_note(base: Catalog) -> None:
    r = rule("change_permission", endpoint="contacts.list", permission=None, permission_note="Not documented.")
    changed = apply_rule(base, r).endpoint("contacts.list")
    assert (changed.permission, changed.permission_note) == (None, "Not documented.")


def test_applies_add_parameter(base: Catalog) -> None:
    added = Parameter("email", "query", "string", False, "Only this email.")
    after = apply_rule(base, rule("add_parameter", endpoint="contacts.list", parameter=added))
    assert after.endpoint("contacts.list").parameters[-1] == added
    assert len(after.endpoint("contacts.list").parameters) == 3


def test_applies_remove_parameter(base: Catalog) -> None:
    after = apply_rule(base, rule("remove_parameter", endpoint="contacts.list", parameter="per_page"))
    assert [p.name for p in after.endpoint("contacts.list").parameters] == ["starting_after"]


def test_applies_rename_parameter(base: Catalog) -> None:
    after = apply_rule(base, rule("rename_parameter", endpoint="contacts.list", parameter="per_page", to="limit"))
    listed = after.endpoint("contacts.list")
    assert [p.name for p in listed.parameters] == ["limit", "starting_after"]
    assert listed.path == "/contacts"


def test_rename_parameter_of_a_path_parameter_renames_it_in_the_path(base: Catalog) -> None:
    after = apply_rule(base, rule("rename_parameter", endpoint="contacts.retrieve", parameter="contact_id", to="id"))
    retrieved = after.endpoint("contacts.retrieve")
    assert retrieved.path == "/contacts/{id}"
    assert [p.name for p in retrieved.parameters] == ["id"]


def test_applies_add_schema(base: Catalog) -> None:
    after = apply_rule(base, rule("add_schema", schema=schema()))
    assert after.schema("company") == schema()
    assert after.schemas[:-1] == base.schemas


def test_applies_add_field(base: Catalog) -> None:
    after = apply_rule(base, rule("add_field", schema="contact", field="phone", definition={"type": "string"}))
    assert after.schema("contact").property("phone").definition == {"type": "string"}
    assert base.schema("contact").property("phone") is None


def test_applies_remove_field(base: Catalog) -> None:
    after = apply_rule(base, rule("remove_field", schema="contact", field="email"))
    assert [p.name for p in after.schema("contact").properties] == ["id", "role"]


def test_remove_field_drops_it_from_required(base: Catalog) -> None:
    after = apply_rule(base, rule("remove_field", schema="create_contact_request", field="email"))
    assert after.schema("create_contact_request").required == ()


def test_applies_rename_field(base: Catalog) -> None:
    after = apply_rule(base, rule("rename_field", schema="create_contact_request", field="email", to="email_address"))
    renamed = after.schema("create_contact_request")
    assert [p.name for p in renamed.properties] == ["role", "email_address"]
    assert renamed.required == ("email_address",)


def test_applies_add_enum_value(base: Catalog) -> None:
    after = apply_rule(base, rule("add_enum_value", schema="contact", field="role", value="visitor"))
    assert enum_of(after, "contact", "role") == ["user", "lead", "visitor"]


def test_applies_remove_enum_value(base: Catalog) -> None:
    after = apply_rule(base, rule("remove_enum_value", schema="contact", field="role", value="lead"))
    assert enum_of(after, "contact", "role") == ["user"]


def test_applies_rename_enum_value(base: Catalog) -> None:
    after = apply_rule(base, rule("rename_enum_value", schema="contact", field="role", value="lead", to="prospect"))
    assert enum_of(after, "contact", "role") == ["user", "prospect"]


def test_applies_add_webhook(base: Catalog) -> None:
    after = apply_rule(base, rule("add_webhook", webhook=webhook()))
    assert after.webhook("contact.user.deleted") == webhook()
    assert len(after.webhooks) == 2


def test_applies_remove_webhook(base: Catalog) -> None:
    after = apply_rule(base, rule("remove_webhook", webhook="contact.user.created"))
    assert after.webhooks == ()
    assert after.endpoint("contacts.create").webhook is None


def test_applies_change_scope_grants(base: Catalog) -> None:
    scope = "Read one user and one company"
    after = apply_rule(base, rule("change_scope_grants", scope=scope, grants=["Read one user", "Read users"]))
    assert next(s for s in after.scopes if s.name == scope).grants == ("Read one user", "Read users")
    assert after.scopes_granting("Read users") == ("Read and list users and companies", scope)


def test_remove_endpoint_drops_it_from_webhook_triggered_by(base: Catalog) -> None:
    assert base.webhook("contact.user.created").triggered_by == ("contacts.create",)
    after = apply_rule(base, rule("remove_endpoint", endpoint="contacts.create"))
    assert after.webhook("contact.user.created").triggered_by == ()


@pytest.mark.parametrize(
    ("kind", "extra", "expected"),
    [
        ("add_enum_value", {"value": "admin"}, ["user", "lead", "admin"]),
        ("remove_enum_value", {"value": "lead"}, ["user"]),
        ("rename_enum_value", {"value": "lead", "to": "prospect"}, ["user", "prospect"]),
    ],
)
def test_enum_rule_on_an_array_field_changes_items_enum(base: Catalog, kind: str, extra: dict[str, Any], expected: list[str]) -> None:
    definition = {"type": "array", "items": {"type": "string", "enum": ["user", "lead"]}}
    with_array = apply_rule(base, rule("add_field", schema="contact", field="roles", definition=definition))
    after = apply_rule(with_array, rule(kind, schema="contact", field="roles", **extra))
    changed = after.schema("contact").property("roles").definition
    assert list(changed["items"]["enum"]) == expected
    assert "enum" not in changed
    assert changed["type"] == "array"


# --- every problem a rule can report ---------------------------------------------------

MISSING_ENDPOINT = ("endpoint 'contacts.delete'", "does not exist before 2.15")
MISSING_SCHEMA = ("schema 'company'", "does not exist before 2.15")
MISSING_FIELD = ("field 'phone'", "schema 'contact' does not have before 2.15")
NO_ENUM = ("field 'email'", "has no enum")


@pytest.mark.parametrize(
    ("kind", "arguments", "expected"),
    [
        pytest.param("add_group", {"group": Group("contacts", "Contacts", "Again.")}, ("group 'contacts'", "already exists"), id="add_group-exists"),
        pytest.param("add_endpoint", {"endpoint": endpoint("contacts.list", "/contacts/all")}, ("endpoint 'contacts.list'", "already exists"), id="add_endpoint-exists"),
        pytest.param("remove_endpoint", {"endpoint": "contacts.delete"}, MISSING_ENDPOINT, id="remove_endpoint-missing"),
        pytest.param("deprecate_endpoint", {"endpoint": "contacts.delete"}, MISSING_ENDPOINT, id="deprecate_endpoint-missing"),
        pytest.param("change_permission", {"endpoint": "contacts.delete", "permission": "Read users"}, MISSING_ENDPOINT, id="change_permission-missing"),
        pytest.param("add_parameter", {"endpoint": "contacts.delete", "parameter": Parameter("q", "query", "string", False, "Q.")}, MISSING_ENDPOINT, id="add_parameter-missing-endpoint"),
        pytest.param("add_parameter", {"endpoint": "contacts.list", "parameter": Parameter("per_page", "query", "integer", False, "Again.")}, ("already has parameter 'per_page'", "contacts.list"), id="add_parameter-exists"),
        pytest.param("remove_parameter", {"endpoint": "contacts.delete", "parameter": "per_page"}, MISSING_ENDPOINT, id="remove_parameter-missing-endpoint"),
        pytest.param("remove_parameter", {"endpoint": "contacts.list", "parameter": "page"}, ("parameter 'page'", "'contacts.list' does not have"), id="remove_parameter-missing"),
        pytest.param("rename_parameter", {"endpoint": "contacts.delete", "parameter": "per_page", "to": "limit"}, MISSING_ENDPOINT, id="rename_parameter-missing-endpoint"),
        pytest.param("rename_parameter", {"endpoint": "contacts.list", "parameter": "page", "to": "limit"}, ("parameter 'page'", "'contacts.list' does not have"), id="rename_parameter-missing"),
        pytest.param("rename_parameter", {"endpoint": "contacts.list", "parameter": "per_page", "to": "starting_after"}, ("'contacts.list'", "already has a parameter 'starting_after'"), id="rename_parameter-to-exists"),
        pytest.param("add_schema", {"schema": schema("contact")}, ("schema 'contact'", "already exists"), id="add_schema-exists"),
        pytest.param("add_field", {"schema": "company", "field": "id", "definition": {"type": "string"}}, MISSING_SCHEMA, id="add_field-missing-schema"),
        pytest.param("add_field", {"schema": "contact", "field": "email", "definition": {"type": "string"}}, ("schema 'contact'", "already has field 'email'"), id="add_field-exists"),
        pytest.param("remove_field", {"schema": "company", "field": "id"}, MISSING_SCHEMA, id="remove_field-missing-schema"),
        pytest.param("remove_field", {"schema": "contact", "field": "phone"}, MISSING_FIELD, id="remove_field-missing"),
        pytest.param("rename_field", {"schema": "company", "field": "id", "to": "key"}, MISSING_SCHEMA, id="rename_field-missing-schema"),
        pytest.param("rename_field", {"schema": "contact", "field": "phone", "to": "mobile"}, MISSING_FIELD, id="rename_field-missing"),
        pytest.param("rename_field", {"schema": "contact", "field": "email", "to": "role"}, ("schema 'contact'", "already has a field 'role'"), id="rename_field-to-exists"),
        pytest.param("add_enum_value", {"schema": "company", "field": "role", "value": "x"}, MISSING_SCHEMA, id="add_enum_value-missing-schema"),
        pytest.param("add_enum_value", {"schema": "contact", "field": "phone", "value": "x"}, MISSING_FIELD, id="add_enum_value-missing-field"),
        pytest.param("add_enum_value", {"schema": "contact", "field": "email", "value": "x"}, NO_ENUM, id="add_enum_value-no-enum"),
        pytest.param("add_enum_value", {"schema": "contact", "field": "role", "value": "lead"}, ("field 'role'", "already has value 'lead'"), id="add_enum_value-exists"),
        pytest.param("remove_enum_value", {"schema": "company", "field": "role", "value": "x"}, MISSING_SCHEMA, id="remove_enum_value-missing-schema"),
        pytest.param("remove_enum_value", {"schema": "contact", "field": "phone", "value": "x"}, MISSING_FIELD, id="remove_enum_value-missing-field"),
        pytest.param("remove_enum_value", {"schema": "contact", "field": "email", "value": "x"}, NO_ENUM, id="remove_enum_value-no-enum"),
        pytest.param("remove_enum_value", {"schema": "contact", "field": "role", "value": "visitor"}, ("value 'visitor'", "field 'role' of 'contact' does not have"), id="remove_enum_value-missing"),
        pytest.param("rename_enum_value", {"schema": "company", "field": "role", "value": "x", "to": "y"}, MISSING_SCHEMA, id="rename_enum_value-missing-schema"),
        pytest.param("rename_enum_value", {"schema": "contact", "field": "phone", "value": "x", "to": "y"}, MISSING_FIELD, id="rename_enum_value-missing-field"),
        pytest.param("rename_enum_value", {"schema": "contact", "field": "email", "value": "x", "to": "y"}, NO_ENUM, id="rename_enum_value-no-enum"),
        pytest.param("rename_enum_value", {"schema": "contact", "field": "role", "value": "visitor", "to": "y"}, ("value 'visitor'", "field 'role' of 'contact' does not have"), id="rename_enum_value-missing"),
        pytest.param("rename_enum_value", {"schema": "contact", "field": "role", "value": "lead", "to": "user"}, ("field 'role'", "already has value 'user'"), id="rename_enum_value-to-exists"),
        pytest.param("add_webhook", {"webhook": webhook("contact.user.created")}, ("topic 'contact.user.created'", "already exists"), id="add_webhook-exists"),
        pytest.param("remove_webhook", {"webhook": "contact.lead.created"}, ("topic 'contact.lead.created'", "does not exist before 2.15"), id="remove_webhook-missing"),
        pytest.param("change_scope_grants", {"scope": "Admins", "grants": ["Read users"]}, ("scope 'Admins'", "does not exist before 2.15"), id="change_scope_grants-missing"),
    ],
)
def test_rule_problem_names_the_thing(base: Catalog, kind: str, arguments: dict[str, Any], expected: tuple[str, ...]) -> None:
    message = problem(base, rule(kind, **arguments))
    for part in expected:
        assert part in message


def test_deprecating_twice_is_a_problem(base: Catalog) -> None:
    once = apply_rule(base, rule("deprecate_endpoint", endpoint="contacts.list"))
    message = problem(once, rule("deprecate_endpoint", version="2.16", endpoint="contacts.list"))
    assert "'contacts.list' is already deprecated before 2.16" in message


def test_rule_problem_hints_the_closest_name(base: Catalog) -> None:
    with pytest.raises(RuleProblem) as raised:
        apply_rule(base, rule("remove_field", schema="contacts", field="email"))
    assert raised.value.diagnostic.hint == "did you mean 'contact'?"


def test_removed_field_cannot_be_renamed_after(base: Catalog) -> None:
    removed = apply_rule(base, rule("remove_field", schema="contact", field="email"))
    assert "field 'email'" in problem(removed, rule("rename_field", schema="contact", field="email", to="mail"))


# --- resolving every version ------------------------------------------------------------


def test_resolving_is_deterministic(base: Catalog) -> None:
    first, second = resolve_versions(base), resolve_versions(base)
    assert list(first) == ["2.14", "2.15"]
    assert first == second


def test_resolving_does_not_mutate_the_base(base: Catalog) -> None:
    resolved = resolve_versions(base)
    assert base == load_mini()
    assert resolved["2.15"] != base
    assert base.schema("create_contact_request").property("language_override") is None


def test_resolved_versions_carry_their_rules(base: Catalog) -> None:
    resolved = resolve_versions(base)
    assert resolved["2.14"].version == "2.14"
    assert enum_of(resolved["2.14"], "contact", "role") == ["user", "lead"]
    assert resolved["2.15"].version == "2.15"
    assert enum_of(resolved["2.15"], "contact", "role") == ["user", "prospect"]
    assert resolved["2.15"].schema("create_contact_request").property("language_override") is not None


def test_rules_apply_in_version_order(base: Catalog) -> None:
    # 2.16 renames the value that only 2.15's rule creates, so it needs 2.15 first.
    later = ApiVersion("2.16", "Later.", (rule("rename_enum_value", version="2.16", schema="contact", field="role", value="prospect", to="customer"),))
    resolved = resolve_versions(replace(base, versions=(*base.versions, later)))
    assert enum_of(resolved["2.15"], "contact", "role") == ["user", "prospect"]
    assert enum_of(resolved["2.16"], "contact", "role") == ["user", "customer"]


def test_versions_are_ordered_by_number_not_file_name(tmp_path: Path) -> None:
    catalog = tmp_path / "catalog"
    shutil.copytree(MINI, catalog)
    # "2.100" sorts before "2.14" as a file name, but comes after 2.15 as a version.
    (catalog / "versions" / "2.100.yaml").write_text(
        'version: "2.100"\nsummary: Much later.\nrules:\n'
        "  - kind: rename_enum_value\n    schema: contact\n    field: role\n    value: prospect\n    to: customer\n"
    )
    base = validate_catalog(load_catalog(catalog))
    resolved = resolve_versions(base)
    assert list(resolved) == ["2.14", "2.15", "2.100"]
    assert enum_of(resolved["2.100"], "contact", "role") == ["user", "customer"]


def test_resolving_reports_a_broken_rule_as_a_catalog_error(base: Catalog) -> None:
    broken = ApiVersion("2.16", "Broken.", (rule("remove_field", version="2.16", schema="contact", field="phone"),))
    with pytest.raises(CatalogError) as raised:
        resolve_versions(replace(base, versions=(*base.versions, broken)))
    assert [d.message for d in raised.value.diagnostics] == [
        "remove_field rule names field 'phone', which schema 'contact' does not have before 2.16"
    ]
