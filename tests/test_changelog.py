"""The changelog and `intercom-gen diff`: facts from the resolved catalogs, in both directions."""

from __future__ import annotations

import re
from collections import Counter
from itertools import pairwise
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from intercom_gen.changelog import ChangelogView, build_changelog_view, compare, migration_guide
from intercom_gen.cli import main
from intercom_gen.locations import DEFAULT_TEMPLATES
from intercom_gen.pipeline import Resolved, generate, resolve_catalog
from tests.catalog_versions import base_version, newest, previous, supported, version_with

# The version whose rules these tests read: the one that adds the ticket.resolved topic.
V = version_with("add_webhook", webhook="ticket.resolved")
BEFORE = previous(V)


@pytest.fixture(scope="module")
def resolved() -> Resolved:
    return resolve_catalog()


def run_diff(*arguments: str) -> Result:
    return CliRunner().invoke(main, ["diff", *arguments])


@pytest.fixture(scope="module")
def forward() -> str:
    result = run_diff(BEFORE, V)
    assert result.exit_code == 0, result.output
    return result.output


@pytest.fixture(scope="module")
def backward() -> str:
    result = run_diff(V, BEFORE)
    assert result.exit_code == 0, result.output
    return result.output


def table_rows(markdown: str, heading: str) -> list[list[str]]:
    """The body rows of the table under `### heading`, split into cells."""
    lines = markdown.splitlines()
    start = lines.index(f"### {heading}")
    rows = []
    for line in lines[start + 1 :]:
        if line.startswith("#"):
            break
        if line.startswith("|") and not line.startswith("| ---"):
            rows.append([c.strip() for c in re.split(r"(?<!\\)\|", line)[1:-1]])
    return rows[1:]  # without the header row


def test_diff_lists_the_changes_of_the_version(forward: str) -> None:
    assert forward.startswith(f"# Migrating from Intercom API {BEFORE} to {V}\n")
    assert "conversation replies can skip notifications" in forward  # the version's summary
    assert "`ticket.resolved`" in forward
    assert "| `ticket.resolved` | added | Read tickets | `tickets.update` |" in forward
    assert "| `reply_conversation_request` | `skip_notifications` | added | boolean |" in forward
    assert "`abandoned` → `negative_feedback`" in forward
    assert "`routed_to_team` → `escalated`" in forward
    # A field's enum changes are one line, with the mapping.
    assert "| `ai_agent` | `resolution_state` | renamed, added | renamed: `abandoned` → `negative_feedback`, `routed_to_team` → `escalated`; added: `procedure_handoff` |" in forward
    assert "| `create_contact_request` | `language_override` | added |" in forward
    assert "| `update_contact_request` | `language_override` | added |" in forward
    added = {row[0] for row in table_rows(forward, "Endpoints added")}
    assert {
        "`fin_voice.register`",
        "`fin_voice.collect`",
        "`fin_voice.collect_by_external_id`",
        "`fin_voice.collect_by_phone_number`",
        "`fin_voice.collect_by_conversation`",
        "`workflows.export`",
    } == added
    for row in table_rows(forward, "Endpoints added"):
        assert row[3] == "not documented"  # the brief documents no permission for them
    assert f"## What a client upgrading to {V} must change" in forward
    assert f"Update comparisons of `ai_agent.resolution_state`: `abandoned` is `negative_feedback`, `routed_to_team` is `escalated` in {V}." in forward
    assert "6 new endpoints" in forward  # listed as optional
    assert "### Endpoints removed" not in forward


def test_notes_come_from_the_rule_that_explains_each_entry(forward: str) -> None:
    enum_rows = table_rows(forward, "Enum values")
    renamed = next(r for r in enum_rows if r[1] == "`resolution_state`")
    # Every rule behind the line keeps its note, in the order the rules apply.
    assert renamed[4].startswith(f"Intercom's API guide, {V} changes: the AI agent resolution state `abandoned`")
    assert "`routed_to_team` is now called `escalated`" in renamed[4]
    assert renamed[4].endswith("`procedure_handoff`, appears.")
    field_rows = table_rows(forward, "Fields")
    skip = next(r for r in field_rows if r[1] == "`skip_notifications`")
    assert "suppress notifications" in skip[4]


def test_reverse_direction_undoes_everything(backward: str) -> None:
    assert backward.startswith(f"# Migrating from Intercom API {V} to {BEFORE}\n")
    assert f"## What a client moving back to {BEFORE} must change" in backward
    assert "| `ticket.resolved` | removed |" in backward
    assert "| `reply_conversation_request` | `skip_notifications` | removed | boolean |" in backward
    assert "`negative_feedback` → `abandoned`" in backward
    assert "`escalated` → `routed_to_team`" in backward
    assert "| `create_contact_request` | `language_override` | removed |" in backward
    removed = {row[0] for row in table_rows(backward, "Endpoints removed")}
    assert "`fin_voice.register`" in removed and "`workflows.export`" in removed
    assert "### Endpoints added" not in backward
    assert "Stop sending `skip_notifications` in `reply_conversation_request`" in backward
    assert "Stop calling `fin_voice.register`" in backward
    assert "| `ai_agent` | `resolution_state` | renamed, removed | renamed: `escalated` → `routed_to_team`, `negative_feedback` → `abandoned`; removed: `procedure_handoff` |" in backward


OPPOSITE = {
    "added": "removed",
    "removed": "added",
    "now required": "no longer required",
    "no longer required": "now required",
    "deprecated": "undeprecated",
    "undeprecated": "deprecated",
    "enum added": "enum removed",
    "enum removed": "enum added",
}
OPPOSITE_SECTION = {"endpoints_added": "endpoints_removed", "endpoints_removed": "endpoints_added"}


def signature(view: ChangelogView, flip: bool) -> Counter[tuple[str, str]]:
    found: Counter[tuple[str, str]] = Counter()
    for section in view.sections:
        for entry in section.entries:
            for part, _ in entry.parts:
                change = "added" if part == "added (required)" else part
                found[(OPPOSITE_SECTION.get(section.id, section.id), OPPOSITE.get(change, change)) if flip else (section.id, change)] += 1
    return found


def test_every_pair_is_the_exact_reverse_of_the_other(resolved: Resolved) -> None:
    for old, new in pairwise(resolved.supported):
        up = compare(resolved.versions[old], resolved.versions[new])
        down = compare(resolved.versions[new], resolved.versions[old])
        assert signature(up, flip=False) == signature(down, flip=True), (old, new)
        assert not down.is_upgrade and up.is_upgrade


def test_unknown_version_exits_2_with_the_supported_list() -> None:
    result = run_diff(newest(), "9.99")
    assert result.exit_code == 2
    assert "unknown API version '9.99'" in result.output
    assert "supported: " + ", ".join(supported()) in result.output


def test_same_version_has_no_changes() -> None:
    result = run_diff(base_version(), base_version())
    assert result.exit_code == 0
    assert "No changes" in result.output
    assert "|" not in result.output


def test_changelog_md_from_the_pipeline_is_the_diff_output(resolved: Resolved, forward: str) -> None:
    trees = generate(resolved, [base_version(), V], DEFAULT_TEMPLATES)
    assert trees[V]["changelog.md"] == forward
    assert trees[V]["changelog.md"] == migration_guide(resolved.versions[BEFORE], resolved.versions[V])
    base = trees[base_version()]["changelog.md"]
    assert base.startswith(f"# Intercom API {base_version()}: the base version\n")
    assert "no earlier supported version" in base


def test_every_version_page_compares_with_the_previous_one(resolved: Resolved) -> None:
    for old, new in pairwise(resolved.supported):
        view = build_changelog_view(resolved.versions, new)
        assert (view.old_version, view.new_version, view.is_base) == (old, new, False)
        assert view.has_changes, f"{new} declares rules, so its page lists changes"
    assert build_changelog_view(resolved.versions, base_version()).is_base


def test_output_is_deterministic(resolved: Resolved) -> None:
    first = migration_guide(resolved.versions[base_version()], resolved.versions[newest()])
    again = migration_guide(resolve_catalog().versions[base_version()], resolve_catalog().versions[newest()])
    assert first == again


def test_markdown_tables_are_well_formed(resolved: Resolved) -> None:
    versions = resolved.supported
    for old in versions:
        for new in versions:
            text = migration_guide(resolved.versions[old], resolved.versions[new])
            width = 0
            for line in text.splitlines():
                if line.startswith("|"):
                    cells = len(re.split(r"(?<!\\)\|", line)) - 2
                    width = width or cells
                    assert cells == width, (old, new, line)
                else:
                    width = 0
            assert text.endswith("\n") and not text.endswith("\n\n")


def test_multi_version_diff_chains_renames_and_shows_each_summary(resolved: Resolved) -> None:
    view: ChangelogView = compare(resolved.versions[base_version()], resolved.versions[newest()])
    assert [p.split("**")[1] for p in view.summary] == list(supported()[1:])
    renamed = {subject for e in view.entries("enum_values") for change, subject in e.parts if change == "renamed"}
    assert {"ai_agent.resolution_state=abandoned", "ai_agent.resolution_state=routed_to_team"} <= renamed
    # the reshaping of create_message_request.to reads as one type change, not remove+add
    assert ("create_message_request.to", "type changed") in {(e.subject, e.change) for e in view.entries("fields")}


def test_pipe_characters_are_escaped_in_cells(resolved: Resolved) -> None:
    from intercom_gen.changelog import cell

    assert cell("a | b\nc") == "a \\| b c"


def test_templates_only_place_values() -> None:
    for name in ("changelog.md.jinja", "_migration_guide.md.jinja"):
        text = Path(DEFAULT_TEMPLATES, "changelog", name).read_text(encoding="utf-8")
        assert "{% set" not in text and "|sort" not in text and "| sort" not in text
