"""Every rule kind shows in the migration guide: one example rule a kind, added to the
small fixture catalog's newest version, must appear in the guide from the version
before, with its note. A new kind without an example here fails the first test."""

from __future__ import annotations

from pathlib import Path

import pytest

from intercom_gen.changelog import migration_guide
from intercom_gen.pipeline import resolve_catalog
from intercom_gen.rules import RULE_KINDS

# kind: (rules, in the YAML of a version file's `rules:` list; what the guide must say)
EXAMPLES: dict[str, tuple[str, tuple[str, ...]]] = {
    "add_group": (
        "  - kind: add_group\n    group: {id: companies, title: Companies, summary: Companies.}\n",
        ("| `companies` | added | Companies |",),
    ),
    "remove_group": (
        "".join(f"  - kind: remove_endpoint\n    endpoint: contacts.{a}\n" for a in ("create", "retrieve", "list"))
        + "  - kind: remove_group\n    group: contacts\n",
        ("| `contacts` | removed | Contacts |",),
    ),
    "add_endpoint": (
        "  - kind: add_endpoint\n    endpoint:\n      id: contacts.delete\n      method: DELETE\n      path: /contacts/{contact_id}\n"
        "      summary: Delete a contact.\n      access: write\n      permission: Write users\n      webhook: null\n"
        "      pagination: none\n      parameters:\n        - {name: contact_id, in: path, type: string, description: The id.}\n"
        "      request: null\n      response: null\n      success_status: 204\n      rate_limit: Standard limits apply.\n",
        ("| `contacts.delete` | DELETE | `/contacts/{contact_id}` | Write users |",),
    ),
    "remove_endpoint": ("  - kind: remove_endpoint\n    endpoint: contacts.list\n", ("Stop calling `contacts.list`",)),
    "deprecate_endpoint": ("  - kind: deprecate_endpoint\n    endpoint: contacts.list\n", ("Plan to move off `contacts.list`",)),
    "change_endpoint": (
        "  - kind: change_endpoint\n    endpoint: contacts.create\n    set: {success_status: 201, summary: Create one contact.}\n",
        ("| `contacts.create` | success status | 200 | 201 |", "| `contacts.create` summary | Create a contact. | Create one contact. |", "Expect status 201 from `contacts.create`."),
    ),
    "change_permission": (
        "  - kind: change_permission\n    endpoint: contacts.list\n    permission: Read one user\n",
        ("| `contacts.list` | Read users | Read one user |",),
    ),
    "add_parameter": (
        "  - kind: add_parameter\n    endpoint: contacts.list\n    parameter: {name: email, in: query, type: string, description: Only this email.}\n",
        ("| `contacts.list` | `email` | added | query, string, optional |",),
    ),
    "remove_parameter": (
        "  - kind: remove_parameter\n    endpoint: contacts.list\n    parameter: per_page\n",
        ("| `contacts.list` | `per_page` | removed |", "Stop sending `per_page` to `contacts.list`"),
    ),
    "change_parameter": (
        "  - kind: change_parameter\n    endpoint: contacts.list\n    parameter: per_page\n    set: {type: string, description: How many.}\n",
        ("| `contacts.list` | `per_page` | changed | query, integer, optional → query, string, optional |", "| `contacts.list` parameter `per_page` | Records a page, at most 150. | How many. |"),
    ),
    "rename_parameter": (
        "  - kind: rename_parameter\n    endpoint: contacts.list\n    parameter: per_page\n    to: limit\n",
        ("`per_page` → `limit`",),
    ),
    "add_schema": (
        "  - kind: add_schema\n    schema:\n      name: company\n      description: A company.\n      type: object\n"
        "      properties:\n        id: {type: string}\n",
        ("| `company` | added | A company. |",),
    ),
    "remove_schema": (
        "  - kind: remove_endpoint\n    endpoint: contacts.list\n  - kind: remove_schema\n    schema: contact_list\n",
        ("| `contact_list` | removed | A page of contacts. |",),
    ),
    "change_description": (
        "  - kind: change_description\n    schema: contact\n    field: id\n    description: Intercom's id.\n"
        "  - kind: change_description\n    schema: contact\n    description: Someone.\n",
        ("| field `contact.id` | The contact's id. | Intercom's id. |", "| schema `contact` | A user or a lead. | Someone. |"),
    ),
    "add_field": (
        "  - kind: add_field\n    schema: contact\n    field: phone\n    definition: {type: string}\n",
        ("| `contact` | `phone` | added | string |",),
    ),
    "remove_field": ("  - kind: remove_field\n    schema: contact\n    field: email\n", ("Stop reading `email` from `contact`",)),
    "change_field": (
        "  - kind: change_field\n    schema: contact\n    field: email\n    set: {type: integer}\n    unset: [nullable]\n",
        ("| `contact` | `email` | type changed | string or null → integer |", "Update how you read `email` of `contact`"),
    ),
    "rename_field": (
        "  - kind: rename_field\n    schema: contact\n    field: email\n    to: email_address\n",
        ("`email` → `email_address`", "Read `email_address` instead of `email` in `contact`."),
    ),
    "add_enum_value": (
        "  - kind: add_enum_value\n    schema: contact\n    field: role\n    value: visitor\n",
        ("`visitor`", "Accept `visitor` as a value of `contact.role` in responses."),
    ),
    "remove_enum_value": (
        "  - kind: remove_enum_value\n    schema: contact\n    field: role\n    value: user\n",
        ("removed: `user`", "Stop expecting `user` in `contact.role`"),
    ),
    "remove_enum": (
        "  - kind: remove_enum\n    schema: contact\n    field: role\n",
        ("| `contact` | `role` | enum removed | `user`, `lead` |", "Accept any value of `contact.role` in responses"),
    ),
    "rename_enum_value": (
        "  - kind: rename_enum_value\n    schema: contact\n    field: role\n    value: user\n    to: customer\n",
        ("`user` → `customer`", "Update comparisons of `contact.role`: "),
    ),
    "add_webhook": (
        "  - kind: add_webhook\n    webhook: {topic: contact.user.deleted, summary: Deleted., permission: Write users, triggered_by: [contacts.create]}\n",
        ("| `contact.user.deleted` | added | Write users | `contacts.create` |",),
    ),
    "remove_webhook": (
        "  - kind: remove_webhook\n    webhook: contact.user.created\n",
        ("Stop relying on the `contact.user.created` webhook topic",),
    ),
    "change_scope_grants": (
        "  - kind: change_scope_grants\n    scope: Read one user and one company\n    grants: [Read one user, Read users]\n",
        ("| scope 'Read one user and one company' |",),
    ),
    "add_error": (
        "  - kind: add_error\n    error:\n      status: 410\n      title: Gone\n      codes: [contact_merged]\n"
        "      meaning: The contact was merged into another.\n      what_to_do: Fetch the contact it was merged into.\n"
        "      retryable: false\n      endpoints: [contacts.retrieve]\n",
        ("| `410` | added | `contact_merged` | `contacts.retrieve` |", "Handle status `410` (Gone) from `contacts.retrieve`: The contact was merged into another."),
    ),
    "change_error": (
        "  - kind: change_error\n    status: 404\n    set: {codes: [not_found, contact_not_found], endpoints: [contacts.retrieve]}\n",
        ("| `404` | changed | new codes `contact_not_found`; endpoints any endpoint → `contacts.retrieve` |", "Handle the error code `contact_not_found` of status 404."),
    ),
    "remove_error": ("  - kind: remove_error\n    status: 429\n", ("| `429` | removed | `rate_limit_exceeded` | any endpoint |",)),
}


def newest_rules_file(catalog: Path) -> Path:
    return max((catalog / "versions").glob("*.yaml"), key=lambda p: tuple(int(n) for n in p.stem.split(".")))


def test_every_rule_kind_has_a_guide_example() -> None:
    assert set(EXAMPLES) == set(RULE_KINDS)


@pytest.mark.parametrize("kind", sorted(EXAMPLES))
def test_the_guide_shows_the_rule_and_its_note(kind: str, mini_catalog: Path) -> None:
    rules, expected = EXAMPLES[kind]
    note = f"Example note of {kind}."
    rules = "".join(f"{block}    note: {note}\n" if f"kind: {kind}\n" in block else block for block in _blocks(rules))
    versions = newest_rules_file(mini_catalog)
    versions.write_text(versions.read_text() + rules)
    resolved = resolve_catalog(mini_catalog)
    older, newest = resolved.supported[-2], resolved.supported[-1]
    guide = migration_guide(resolved.versions[older], resolved.versions[newest])
    for text in (*expected, note):
        assert text in guide, f"{kind}: {text!r} not in the guide:\n{guide}"
    back = migration_guide(resolved.versions[newest], resolved.versions[older])
    assert note in back, f"{kind}: the guide back does not show the note"


def _blocks(rules: str) -> list[str]:
    """The rules one by one, each with its lines."""
    blocks: list[str] = []
    for line in rules.splitlines(keepends=True):
        if line.startswith("  - "):
            blocks.append(line)
        else:
            blocks[-1] += line
    return blocks
