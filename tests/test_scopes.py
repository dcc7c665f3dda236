"""The least set of OAuth scopes, and the `intercom-gen scopes` command."""

from __future__ import annotations

from dataclasses import replace

import pytest
from click.testing import CliRunner

from intercom_gen.catalog import Catalog
from intercom_gen.cli import main
from intercom_gen.diagnostics import CatalogError, Location
from intercom_gen.pipeline import resolve_catalog
from intercom_gen.scopes import explain_scopes, least_scopes
from tests.catalog_versions import previous, version_with


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    resolved = resolve_catalog()
    return resolved.versions[resolved.base.api.default_version]


def names(choices: tuple[object, ...]) -> list[str]:
    return [choice.name for choice in choices]  # type: ignore[attr-defined]


def test_one_endpoint_gets_the_narrowest_scope(catalog: Catalog) -> None:
    (choice,) = least_scopes(catalog, ["contacts.retrieve"])
    assert choice.name == "Read one user and one company"
    assert choice.grants == ("Read one company", "Read one user")
    assert choice.covers == ("contacts.retrieve",)


def test_one_broad_scope_beats_two_narrow_ones(catalog: Catalog) -> None:
    (choice,) = least_scopes(catalog, ["contacts.retrieve", "contacts.list"])
    assert choice.name == "Read and list users and companies"
    assert choice.covers == ("contacts.retrieve", "contacts.list")


def test_two_capabilities_need_two_scopes(catalog: Catalog) -> None:
    choices = least_scopes(catalog, ["contacts.list", "conversations.reply"])
    assert names(choices) == ["Read and list users and companies", "Write conversations"]
    assert [c.covers for c in choices] == [("contacts.list",), ("conversations.reply",)]


def test_webhook_topic_needs_its_read_scope(catalog: Catalog) -> None:
    (choice,) = least_scopes(catalog, ["ticket.created"])
    assert choice.name == "Read tickets"


def test_endpoints_and_topics_together(catalog: Catalog) -> None:
    choices = least_scopes(catalog, ["tickets.create", "ticket.created", "contacts.retrieve", "contacts.retrieve"])
    assert names(choices) == ["Read one user and one company", "Read tickets", "Write tickets"]


def test_nothing_asked_needs_nothing(catalog: Catalog) -> None:
    assert least_scopes(catalog, []) == ()


def test_cover_is_minimum_then_least_privilege(catalog: Catalog) -> None:
    # A made-up scope granting both reads: one scope now beats two.
    wide = replace(catalog.scopes[0], name="Everything", grants=("Read one user", "Read tickets", "Write users"))
    narrow = replace(catalog.scopes[0], name="Zed narrow", grants=("Read one user", "Read tickets"))
    widened = replace(catalog, scopes=(*catalog.scopes, wide, narrow))
    assert names(least_scopes(widened, ["contacts.retrieve", "tickets.retrieve"])) == ["Zed narrow"]


def test_unknown_name_is_a_command_line_diagnostic(catalog: Catalog) -> None:
    with pytest.raises(CatalogError) as raised:
        least_scopes(catalog, ["contacts.retreive", "ticket.creatd"])
    diagnostics = raised.value.diagnostics
    assert [d.location for d in diagnostics] == [Location("<command line>")] * 2
    messages = {d.message: d.hint for d in diagnostics}
    assert messages["unknown endpoint or webhook topic 'contacts.retreive'"] == "did you mean 'contacts.retrieve'?"
    assert messages["unknown endpoint or webhook topic 'ticket.creatd'"] == "did you mean 'ticket.created'?"


def test_undocumented_permission_cannot_be_covered(catalog: Catalog) -> None:
    endpoint = next(e for e in catalog.endpoints if e.permission is None)
    with pytest.raises(CatalogError) as raised:
        least_scopes(catalog, [endpoint.id])
    (diagnostic,) = raised.value.diagnostics
    assert "has no documented permission" in diagnostic.message
    assert diagnostic.hint == endpoint.permission_note


def test_explanation_names_scopes_grants_and_covered_names(catalog: Catalog) -> None:
    text = explain_scopes(catalog, ["contacts.retrieve", "contacts.list", "conversations.reply"])
    assert text.splitlines()[0] == (
        f"API version {catalog.version}: 2 OAuth scopes cover contacts.retrieve, contacts.list, conversations.reply."
    )
    assert "Read and list users and companies: " in text
    assert "  grants: Read companies, Read one company, Read one user, Read users" in text
    assert "    contacts.retrieve (endpoint, needs Read one user)" in text
    assert "    conversations.reply (endpoint, needs Write conversations)" in text


def test_cli_prints_the_least_scopes() -> None:
    result = CliRunner().invoke(main, ["scopes", "contacts.retrieve", "contacts.list", "conversations.reply"])
    assert result.exit_code == 0, result.output
    assert "Read and list users and companies" in result.stdout
    assert "Write conversations" in result.stdout
    assert "Read one user and one company" not in result.stdout


def test_cli_takes_a_version() -> None:
    with_topic = version_with("add_webhook", webhook="ticket.resolved")
    result = CliRunner().invoke(main, ["scopes", "ticket.resolved", "--version", previous(with_topic)])
    assert result.exit_code == 2
    assert "<command line>: unknown endpoint or webhook topic 'ticket.resolved'" in result.stderr
    result = CliRunner().invoke(main, ["scopes", "ticket.resolved", "--version", with_topic])
    assert result.exit_code == 0, result.output
    assert "Read tickets" in result.stdout


def test_cli_unknown_name_exits_2_with_a_suggestion() -> None:
    result = CliRunner().invoke(main, ["scopes", "contacts.retreive"])
    assert result.exit_code == 2
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert (
        "<command line>: unknown endpoint or webhook topic 'contacts.retreive' (did you mean 'contacts.retrieve'?)"
        in result.stderr
    )


def test_cli_undocumented_permission_exits_2(catalog: Catalog) -> None:
    endpoint = next(e for e in catalog.endpoints if e.permission is None)
    result = CliRunner().invoke(main, ["scopes", "contacts.list", endpoint.id])
    assert result.exit_code == 2
    assert f"endpoint '{endpoint.id}' has no documented permission" in result.stderr
