"""The rule engine, without the CLI: each rule kind's change and each problem it reports."""

from __future__ import annotations

import shutil
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from intercom_gen.catalog import (
    ApiVersion,
    Catalog,
    Endpoint,
    ErrorStatus,
    Group,
    Parameter,
    Property,
    Schema,
    VersionRule,
    WebhookTopic,
    freeze,
)
from intercom_gen.diagnostics import CatalogError
from intercom_gen.load import load_catalog
from intercom_gen.rules import RULE_KINDS, RuleProblem
from intercom_gen.validate import validate_catalog
from intercom_gen.versions import apply_rule, resolve_versions
from tests.catalog_versions import following, versions_of

MINI = Path(__file__).parent / "fixtures" / "mini"
BASE, NEWEST = versions_of(MINI)
LATER = following(NEWEST)


def load_mini() -> Catalog:
    return validate_catalog(load_catalog(MINI))


@pytest.fixture(scope="module")
def base() -> Catalog:
    return load_mini()


def rule(kind: str, version: str = NEWEST, note: str = "", **arguments: Any) -> VersionRule:
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
        since=NEWEST,
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
    return WebhookTopic(topic, "A user was deleted.", "Write users", ("contacts.create",), NEWEST)


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
    assert after.endpoint("contacts.list").deprecated == f"Deprecated in {NEWEST}."


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


def test_applies_remove_group(base: Catalog) -> None:
    emptied = base
    for endpoint_id in ("contacts.create", "contacts.retrieve", "contacts.list"):
        emptied = apply_rule(emptied, rule("remove_endpoint", endpoint=endpoint_id))
    after = apply_rule(emptied, rule("remove_group", group="contacts"))
    assert after.group("contacts") is None and after.groups == ()


def test_applies_change_endpoint(base: Catalog) -> None:
    after = apply_rule(base, rule("change_endpoint", endpoint="contacts.retrieve", set={"success_status": 202, "summary": "Fetch a contact.", "response": None}))
    changed, before = after.endpoint("contacts.retrieve"), base.endpoint("contacts.retrieve")
    assert (changed.success_status, changed.summary, changed.response) == (202, "Fetch a contact.", None)
    # Everything else stays, since included: it is not re-added.
    assert replace(changed, success_status=200, summary=before.summary, response="contact") == before


def test_applies_change_parameter(base: Catalog) -> None:
    after = apply_rule(base, rule("change_parameter", endpoint="contacts.list", parameter="per_page", set={"type": "string", "required": True}))
    changed = after.endpoint("contacts.list").parameters[0]
    assert (changed.name, changed.type, changed.required) == ("per_page", "string", True)


def test_change_parameter_keeps_a_path_parameter_required(base: Catalog) -> None:
    message = problem(base, rule("change_parameter", endpoint="contacts.retrieve", parameter="contact_id", set={"required": False}))
    assert "path parameter 'contact_id' of 'contacts.retrieve' must stay required" in message


def test_applies_remove_schema(base: Catalog) -> None:
    added = apply_rule(base, rule("add_schema", schema=schema()))
    after = apply_rule(added, rule("remove_schema", schema="company"))
    assert after.schema("company") is None and after.schemas == base.schemas


def test_remove_schema_refuses_a_schema_still_used(base: Catalog) -> None:
    message = problem(base, rule("remove_schema", schema="contact"))
    assert "schema 'contact' is still used by endpoint 'contacts.create' (response)" in message
    assert "field 'data' of 'contact_list'" in message


def test_applies_change_description(base: Catalog) -> None:
    field = apply_rule(base, rule("change_description", schema="contact", field="id", description="Intercom's id."))
    assert field.schema("contact").property("id").definition == {"type": "string", "description": "Intercom's id."}
    whole = apply_rule(base, rule("change_description", schema="contact", description="Someone."))
    assert whole.schema("contact").description == "Someone."


def test_applies_change_field(base: Catalog) -> None:
    r = rule("change_field", schema="contact", field="email", set={"type": "integer", "format": "date-time"}, unset=["nullable"], required=True)
    after = apply_rule(base, r)
    changed = after.schema("contact")
    assert changed.property("email").definition == {"type": "integer", "format": "date-time"}
    assert changed.required == ("email",)
    # The field keeps its place: it is not removed and added again.
    assert [p.name for p in changed.properties] == [p.name for p in base.schema("contact").properties]


def test_change_field_can_drop_a_requirement(base: Catalog) -> None:
    after = apply_rule(base, rule("change_field", schema="create_contact_request", field="email", required=False))
    assert after.schema("create_contact_request").required == ()


@pytest.mark.parametrize(
    ("arguments", "expected"),
    [
        ({"set": {"type": "string"}}, "change_field rule changes nothing in field 'id' of 'contact'"),
        ({"unset": ["format"]}, "field 'id' of 'contact' has no 'format' to unset"),
        ({"unset": ["type"]}, "field 'id' of 'contact' would have no 'type', '$ref' or 'oneOf'"),
        ({}, "change_field rule changes nothing"),
    ],
)
def test_change_field_problems(base: Catalog, arguments: dict[str, Any], expected: str) -> None:
    assert expected in problem(base, rule("change_field", schema="contact", field="id", **arguments))


def test_applies_remove_enum(base: Catalog) -> None:
    after = apply_rule(base, rule("remove_enum", schema="contact", field="role"))
    assert after.schema("contact").property("role").definition == {"type": "string"}


def test_remove_enum_of_an_array_field_drops_its_items_enum(base: Catalog) -> None:
    definition = {"type": "array", "items": {"type": "string", "enum": ["a", "b"]}}
    with_array = apply_rule(base, rule("add_field", schema="contact", field="tags", definition=definition))
    after = apply_rule(with_array, rule("remove_enum", schema="contact", field="tags"))
    assert after.schema("contact").property("tags").definition == {"type": "array", "items": {"type": "string"}}


def gone() -> ErrorStatus:
    return ErrorStatus(410, "Gone", ("contact_merged",), (), "The contact was merged into another.", "Fetch the contact it was merged into.", False, ("contacts.retrieve",))


def test_applies_add_error(base: Catalog) -> None:
    after = apply_rule(base, rule("add_error", error=gone()))
    assert after.errors[-1] == gone()
    assert [e.status for e in after.errors] == [404, 429, 410]


def test_applies_change_error(base: Catalog) -> None:
    after = apply_rule(base, rule("change_error", status=404, set={"codes": ("not_found", "contact_not_found"), "retryable": True}))
    changed = after.errors[0]
    assert (changed.status, changed.codes, changed.retryable, changed.title) == (404, ("not_found", "contact_not_found"), True, "Not found")


def test_applies_remove_error(base: Catalog) -> None:
    after = apply_rule(base, rule("remove_error", status=429))
    assert [e.status for e in after.errors] == [404]


def test_remove_endpoint_drops_it_from_error_endpoints(base: Catalog) -> None:
    both = replace(gone(), endpoints=("contacts.retrieve", "contacts.list"))
    after = apply_rule(apply_rule(base, rule("add_error", error=both)), rule("remove_endpoint", endpoint="contacts.list"))
    assert after.errors[-1].endpoints == ("contacts.retrieve",)
    only = apply_rule(base, rule("add_error", error=gone()))
    assert "error status 410 is answered only by 'contacts.retrieve'" in problem(only, rule("remove_endpoint", endpoint="contacts.retrieve"))


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

MISSING_ENDPOINT = ("endpoint 'contacts.delete'", f"does not exist before {NEWEST}")
MISSING_SCHEMA = ("schema 'company'", f"does not exist before {NEWEST}")
MISSING_FIELD = ("field 'phone'", f"schema 'contact' does not have before {NEWEST}")
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
        pytest.param("remove_webhook", {"webhook": "contact.lead.created"}, ("topic 'contact.lead.created'", f"does not exist before {NEWEST}"), id="remove_webhook-missing"),
        pytest.param("change_scope_grants", {"scope": "Admins", "grants": ["Read users"]}, ("scope 'Admins'", f"does not exist before {NEWEST}"), id="change_scope_grants-missing"),
        pytest.param("remove_group", {"group": "companies"}, ("group 'companies'", f"does not exist before {NEWEST}"), id="remove_group-missing"),
        pytest.param("remove_group", {"group": "contacts"}, ("group 'contacts' still has endpoints", "contacts.create, contacts.list, contacts.retrieve"), id="remove_group-not-empty"),
        pytest.param("change_endpoint", {"endpoint": "contacts.delete", "set": {"summary": "S."}}, MISSING_ENDPOINT, id="change_endpoint-missing"),
        pytest.param("change_endpoint", {"endpoint": "contacts.list", "set": {"method": "GET", "summary": "S."}}, ("sets method to the value it already has",), id="change_endpoint-unchanged"),
        pytest.param("change_parameter", {"endpoint": "contacts.list", "parameter": "page", "set": {"type": "string"}}, ("parameter 'page'", "'contacts.list' does not have"), id="change_parameter-missing"),
        pytest.param("change_parameter", {"endpoint": "contacts.list", "parameter": "per_page", "set": {"type": "integer"}}, ("sets type to the value it already has",), id="change_parameter-unchanged"),
        pytest.param("remove_schema", {"schema": "company"}, MISSING_SCHEMA, id="remove_schema-missing"),
        pytest.param("change_description", {"schema": "company", "description": "D."}, MISSING_SCHEMA, id="change_description-missing-schema"),
        pytest.param("change_description", {"schema": "contact", "field": "phone", "description": "D."}, MISSING_FIELD, id="change_description-missing-field"),
        pytest.param("change_description", {"schema": "contact", "description": "A user or a lead."}, ("schema 'contact' already says this",), id="change_description-unchanged"),
        pytest.param("change_field", {"schema": "contact", "field": "phone", "set": {"type": "string"}}, MISSING_FIELD, id="change_field-missing"),
        pytest.param("remove_enum", {"schema": "contact", "field": "email"}, NO_ENUM, id="remove_enum-no-enum"),
        pytest.param("remove_enum", {"schema": "contact", "field": "phone"}, MISSING_FIELD, id="remove_enum-missing-field"),
        pytest.param("add_error", {"error": replace(gone(), status=404)}, ("status 404 is already in the error table",), id="add_error-exists"),
        pytest.param("change_error", {"status": 502, "set": {"retryable": True}}, ("error status 502", f"does not exist before {NEWEST}"), id="change_error-missing"),
        pytest.param("remove_error", {"status": 500}, ("error status 500", f"does not exist before {NEWEST}"), id="remove_error-missing"),
    ],
)
def test_rule_problem_names_the_thing(base: Catalog, kind: str, arguments: dict[str, Any], expected: tuple[str, ...]) -> None:
    message = problem(base, rule(kind, **arguments))
    for part in expected:
        assert part in message


def test_deprecating_twice_is_a_problem(base: Catalog) -> None:
    once = apply_rule(base, rule("deprecate_endpoint", endpoint="contacts.list"))
    message = problem(once, rule("deprecate_endpoint", version=LATER, endpoint="contacts.list"))
    assert f"'contacts.list' is already deprecated before {LATER}" in message


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
    assert list(first) == [BASE, NEWEST]
    assert first == second


def test_resolving_does_not_mutate_the_base(base: Catalog) -> None:
    resolved = resolve_versions(base)
    assert base == load_mini()
    assert resolved[NEWEST] != base
    assert base.schema("create_contact_request").property("language_override") is None


def test_resolved_versions_carry_their_rules(base: Catalog) -> None:
    resolved = resolve_versions(base)
    assert resolved[BASE].version == BASE
    assert enum_of(resolved[BASE], "contact", "role") == ["user", "lead"]
    assert resolved[NEWEST].version == NEWEST
    assert enum_of(resolved[NEWEST], "contact", "role") == ["user", "prospect"]
    assert resolved[NEWEST].schema("create_contact_request").property("language_override") is not None


def test_rules_apply_in_version_order(base: Catalog) -> None:
    # 2.16 renames the value that only 2.15's rule creates, so it needs 2.15 first.
    later = ApiVersion(LATER, "Later.", (rule("rename_enum_value", version=LATER, schema="contact", field="role", value="prospect", to="customer"),))
    resolved = resolve_versions(replace(base, versions=(*base.versions, later)))
    assert enum_of(resolved[NEWEST], "contact", "role") == ["user", "prospect"]
    assert enum_of(resolved[LATER], "contact", "role") == ["user", "customer"]


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
    assert list(resolved) == [BASE, NEWEST, "2.100"]
    assert enum_of(resolved["2.100"], "contact", "role") == ["user", "customer"]


def test_resolving_reports_a_broken_rule_as_a_catalog_error(base: Catalog) -> None:
    broken = ApiVersion(LATER, "Broken.", (rule("remove_field", version=LATER, schema="contact", field="phone"),))
    with pytest.raises(CatalogError) as raised:
        resolve_versions(replace(base, versions=(*base.versions, broken)))
    assert [d.message for d in raised.value.diagnostics] == [
        f"remove_field rule names field 'phone', which schema 'contact' does not have before {LATER}"
    ]
