"""The migration guide's view: the typed diff of two resolved catalogs
(generator.catalog_diff), grouped into sections, counted, turned into what a client must
change, and written as Markdown for templates/changelog.

Both directions work: from an older to a newer version the entries read as the rules
describe them; from a newer to an older one every change is reversed (what a rule added
is removed, a renamed value is renamed back).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from .catalog import Catalog, version_key
from .catalog_diff import Change, Code, Text, diff_catalogs
from .text import one_line

# --- the view ------------------------------------------------------------------------------


@dataclass(frozen=True)
class ChangeEntry:
    """One row of a section: `cells` are Markdown, escaped, in the section's column order."""

    change: str
    subject: str
    cells: tuple[str, ...]
    note: str
    parts: tuple[tuple[str, str], ...] = ()
    """(change, subject) of each change the row shows: one, or a field's enum changes."""


@dataclass(frozen=True)
class ChangelogSection:
    id: str
    title: str
    intro: str
    columns: tuple[str, ...]
    entries: tuple[ChangeEntry, ...]


@dataclass(frozen=True)
class CountEntry:
    label: str
    count: int
    text: str


@dataclass(frozen=True)
class ActionEntry:
    """One thing a client must do (or may do) to move between the two versions."""

    category: str
    subject: str
    text: str


@dataclass(frozen=True)
class ChangelogView:
    old_version: str
    new_version: str
    title: str
    is_base: bool
    base_text: str
    is_upgrade: bool
    has_changes: bool
    lead: str
    summary: tuple[str, ...]
    counts: tuple[CountEntry, ...]
    no_changes_text: str
    actions_title: str
    actions: tuple[ActionEntry, ...]
    has_actions: bool
    no_actions_text: str
    optional: tuple[ActionEntry, ...]
    has_optional: bool
    details_intro: str
    sections: tuple[ChangelogSection, ...]

    def section(self, section_id: str) -> ChangelogSection | None:
        return next((s for s in self.sections if s.id == section_id), None)

    def entries(self, section_id: str) -> tuple[ChangeEntry, ...]:
        found = self.section(section_id)
        return found.entries if found is not None else ()


# --- Markdown cells --------------------------------------------------------------------------


def cell(text: str) -> str:
    """Text safe inside a Markdown table cell: no pipes, no line breaks."""
    return " ".join(text.replace("|", "\\|").split())


def code(value: Any) -> str:
    return f"`{value}`"


def markdown(content: Text) -> str:
    """A diff's Text as Markdown: code parts in backticks."""
    return "".join(code(part.value) if isinstance(part, Code) else part for part in content)


def plural(count: int, one: str, many: str) -> str:
    return f"{count} {one if count == 1 else many}"


SECTIONS: tuple[tuple[str, str, str, tuple[str, ...]], ...] = (
    ("groups", "Capability groups", "Groups of endpoints that appear or disappear.", ("Group", "Change", "Title", "Note")),
    ("endpoints_added", "Endpoints added", "Endpoints a client can call in {new} but not in {old}.", ("Endpoint", "Method", "Path", "Permission", "Note")),
    ("endpoints_removed", "Endpoints removed", "Endpoints of {old} that {new} no longer has.", ("Endpoint", "Method", "Path", "Permission", "Note")),
    ("endpoints_deprecated", "Endpoints deprecated", "Endpoints whose deprecation changes.", ("Endpoint", "Method", "Path", "Status", "Note")),
    ("endpoints_changed", "Endpoints changed", "Endpoints present in both versions whose method, path, bodies or behaviour differ.", ("Endpoint", "What", "In {old}", "In {new}", "Note")),
    ("parameters", "Parameters", "Path and query parameters added, removed or renamed on endpoints present in both versions.", ("Endpoint", "Parameter", "Change", "Details", "Note")),
    ("permissions", "Permissions and scopes", "Permissions endpoints need, and what OAuth scopes grant.", ("Applies to", "In {old}", "In {new}", "Note")),
    ("schemas", "Schemas", "Request and response objects that appear or disappear.", ("Schema", "Change", "Description", "Note")),
    ("fields", "Fields", "Fields of schemas present in both versions.", ("Schema", "Field", "Change", "Type", "Note")),
    ("enum_values", "Enum values", "Allowed values of fields present in both versions, one line a field.", ("Schema", "Field", "Change", "Values", "Note")),
    ("webhooks", "Webhook topics", "Topics a webhook subscription can receive.", ("Topic", "Change", "Permission", "Triggered by", "Note")),
    ("errors", "Errors and behaviour", "Error statuses a client can be answered with, their codes and the endpoints that send them.", ("Status", "Change", "Codes", "Endpoints", "Note")),
    ("descriptions", "Descriptions", "Summaries and descriptions in new words: documentation only, nothing for a client to change.", ("Applies to", "In {old}", "In {new}", "Note")),
)

ACTION_ORDER = (
    "endpoint",
    "parameter",
    "permission",
    "field",
    "enum",
    "error",
    "webhook",
)


# --- building the view -------------------------------------------------------------------

COUNT_LABELS: tuple[tuple[str, str, str, str], ...] = (
    # (section, change or "*", one, many)
    ("endpoints_added", "*", "endpoint added", "endpoints added"),
    ("endpoints_removed", "*", "endpoint removed", "endpoints removed"),
    ("endpoints_deprecated", "*", "deprecation change", "deprecation changes"),
    ("endpoints_changed", "*", "endpoint change", "endpoint changes"),
    ("parameters", "added", "parameter added", "parameters added"),
    ("parameters", "removed", "parameter removed", "parameters removed"),
    ("parameters", "renamed", "parameter renamed", "parameters renamed"),
    ("parameters", "changed", "parameter changed", "parameters changed"),
    ("permissions", "*", "permission or scope change", "permission or scope changes"),
    ("schemas", "added", "schema added", "schemas added"),
    ("schemas", "removed", "schema removed", "schemas removed"),
    ("fields", "added", "field added", "fields added"),
    ("fields", "added (required)", "required field added", "required fields added"),
    ("fields", "removed", "field removed", "fields removed"),
    ("fields", "renamed", "field renamed", "fields renamed"),
    ("fields", "type changed", "field type changed", "field types changed"),
    ("fields", "now required", "field now required", "fields now required"),
    ("fields", "no longer required", "field no longer required", "fields no longer required"),
    ("fields", "definition changed", "field definition changed", "field definitions changed"),
    ("enum_values", "added", "enum value added", "enum values added"),
    ("enum_values", "removed", "enum value removed", "enum values removed"),
    ("enum_values", "renamed", "enum value renamed", "enum values renamed"),
    ("enum_values", "enum added", "field enum added", "field enums added"),
    ("enum_values", "enum removed", "field enum removed", "field enums removed"),
    ("webhooks", "added", "webhook topic added", "webhook topics added"),
    ("webhooks", "removed", "webhook topic removed", "webhook topics removed"),
    ("webhooks", "changed", "webhook topic changed", "webhook topics changed"),
    ("groups", "added", "capability group added", "capability groups added"),
    ("groups", "removed", "capability group removed", "capability groups removed"),
    ("errors", "added", "error status added", "error statuses added"),
    ("errors", "removed", "error status removed", "error statuses removed"),
    ("errors", "changed", "error status changed", "error statuses changed"),
    ("descriptions", "*", "description reworded", "descriptions reworded"),
)

OPTIONAL_LABELS: tuple[tuple[str, str, str], ...] = (
    ("endpoint", "new endpoint", "new endpoints"),
    ("parameter", "new optional parameter", "new optional parameters"),
    ("field", "new field", "new fields"),
    ("enum", "new accepted request value", "new accepted request values"),
    ("webhook", "new webhook topic", "new webhook topics"),
)


def _counts(rows: Sequence[Change]) -> tuple[CountEntry, ...]:
    counts = []
    for section, change, one, many in COUNT_LABELS:
        count = sum(r.section == section and (change == "*" or r.change == change) for r in rows)
        if count:
            counts.append(CountEntry(many, count, plural(count, one, many)))
    return tuple(counts)


def _entry(rows: Sequence[Change]) -> ChangeEntry:
    """One row of the guide for one change, or for a group of them (a field's enum
    changes): the group's changes listed by kind, its notes each once."""
    first = rows[0]
    parts = tuple((r.change, r.subject) for r in rows)
    notes = " ".join(dict.fromkeys(r.note for r in rows if r.note))
    if len(rows) == 1:
        return ChangeEntry(first.change, first.subject, (*(cell(markdown(c)) for c in first.cells), cell(notes)), notes, parts)
    changes = list(dict.fromkeys(r.change for r in rows))
    values = "; ".join(f"{change}: " + ", ".join(markdown(r.cells[-1]) for r in rows if r.change == change) for change in changes)
    cells = (*(markdown(c) for c in first.cells[:-2]), ", ".join(changes), values, notes)
    return ChangeEntry(", ".join(changes), first.group, tuple(cell(c) for c in cells), notes, parts)


def _grouped(rows: Sequence[Change]) -> list[list[Change]]:
    """The rows in order of subject, those of one group together, in its first row's place."""
    ordered = sorted(rows, key=lambda r: (r.group or r.subject, RENAMED_FIRST.get(r.change, 1) if r.group else 0, r.subject, r.change))
    groups: list[list[Change]] = []
    for row in ordered:
        if groups and row.group and groups[-1][0].group == row.group:
            groups[-1].append(row)
        else:
            groups.append([row])
    return groups


# Within a field's enum line: renames first (they carry the mapping), then additions, removals.
RENAMED_FIRST = {"renamed": 0, "added": 1, "removed": 2}


def _sections(rows: Sequence[Change], old: str, new: str) -> tuple[ChangelogSection, ...]:
    sections = []
    for section_id, title, intro, columns in SECTIONS:
        entries = tuple(_entry(group) for group in _grouped([r for r in rows if r.section == section_id]))
        if entries:
            sections.append(
                ChangelogSection(
                    section_id,
                    title,
                    intro.format(old=old, new=new),
                    tuple(c.format(old=old, new=new) for c in columns),
                    entries,
                )
            )
    return tuple(sections)


def _actions(rows: Sequence[Change]) -> tuple[ActionEntry, ...]:
    found = {(ACTION_ORDER.index(r.action_category), r.action_rank, r.subject, markdown(r.action), r.action_category) for r in rows if r.action}
    return tuple(ActionEntry(category, subject, text) for _, _, subject, text, category in sorted(found))


def _optional(rows: Sequence[Change], new: str) -> tuple[ActionEntry, ...]:
    entries = []
    for category, one, many in OPTIONAL_LABELS:
        subjects = sorted(r.subject for r in rows if r.optional == category)
        if not subjects:
            continue
        shown = ", ".join(code(s) for s in subjects[:8]) + (f" and {len(subjects) - 8} more" if len(subjects) > 8 else "")
        pronoun = "it" if len(subjects) == 1 else "them"
        text = f"{plural(len(subjects), one, many)} ({shown}): adopt {pronoun} when needed; a client that ignores {pronoun} keeps working."
        entries.append(ActionEntry(category, category, text))
    return tuple(entries)


def _summary(old: Catalog, new: Catalog, upgrade: bool) -> tuple[str, ...]:
    low, high = sorted((version_key(old.version), version_key(new.version)))
    between = [v for v in new.versions if low < version_key(v.version) <= high]
    if upgrade and len(between) == 1:
        return (one_line(between[0].summary),)
    return tuple(f"**{v.version}**: {one_line(v.summary)}" for v in between)


def _versions_after(low: Catalog, high: Catalog) -> str:
    names = [v.version for v in high.versions if version_key(low.version) < version_key(v.version) <= version_key(high.version)]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def compare(old: Catalog, new: Catalog) -> ChangelogView:
    """The changelog of moving a client from `old` to `new` (either direction)."""
    upgrade = version_key(old.version) <= version_key(new.version)
    rows = diff_catalogs(old, new)
    actions = _actions(rows)
    optional = _optional(rows, new.version)
    header = new.api.version_header
    if old.version == new.version:
        lead = f"Intercom API {old.version} compared with itself."
        actions_title = ""
    elif upgrade:
        lead = (
            f"What changes for a client that moves from Intercom API {old.version} to {new.version} "
            f"(chosen with the {code(header)} header), and what the client must change to keep working."
        )
        actions_title = f"What a client upgrading to {new.version} must change"
    else:
        lead = (
            f"What changes for a client that moves back from Intercom API {old.version} to the older {new.version} "
            f"(chosen with the {code(header)} header): every change that {_versions_after(new, old)} brought is undone."
        )
        actions_title = f"What a client moving back to {new.version} must change"
    return ChangelogView(
        old_version=old.version,
        new_version=new.version,
        title=f"Migrating from Intercom API {old.version} to {new.version}",
        is_base=False,
        base_text="",
        is_upgrade=upgrade,
        has_changes=bool(rows),
        lead=lead,
        summary=_summary(old, new, upgrade) if rows else (),
        counts=_counts(rows),
        no_changes_text=f"No changes: Intercom API {old.version} and {new.version} have the same endpoints, parameters, "
        "permissions, scopes, schemas, enum values, webhook topics, error statuses and descriptions.",
        actions_title=actions_title,
        actions=actions,
        has_actions=bool(actions),
        no_actions_text=f"Nothing: a client written for {old.version} keeps working with {new.version}.",
        optional=optional,
        has_optional=bool(optional),
        details_intro=(
            "Each table lists one kind of change, sorted by name. The note, when there is one, is the note of the "
            f"version rule that explains the change{'' if upgrade else f' (written for the move into {old.version}, here undone)'}."
        ),
        sections=_sections(rows, old.version, new.version),
    )


def base_view(catalog: Catalog) -> ChangelogView:
    """The page of the oldest supported version: there is nothing earlier to compare with."""
    version = catalog.version
    return ChangelogView(
        old_version="",
        new_version=version,
        title=f"Intercom API {version}: the base version",
        is_base=True,
        base_text=(
            f"Intercom API {version} is the oldest version intercom-gen supports and the base the catalog describes. "
            "There is no earlier supported version to compare it with, so this page lists no changes. "
            f"Every later version's changelog starts from here; {code('intercom-gen diff OLD NEW')} compares any two versions."
        ),
        is_upgrade=True,
        has_changes=False,
        lead="",
        summary=(),
        counts=(),
        no_changes_text="",
        actions_title="",
        actions=(),
        has_actions=False,
        no_actions_text="",
        optional=(),
        has_optional=False,
        details_intro="",
        sections=(),
    )


def build_changelog_view(resolved: Mapping[str, Catalog], version: str) -> ChangelogView:
    """The changelog of `version` against the supported version just before it."""
    catalog = resolved[version]
    supported = sorted(resolved, key=version_key)
    index = supported.index(version)
    if index == 0:
        return base_view(catalog)
    return compare(resolved[supported[index - 1]], catalog)


PARTIAL = "_migration_guide.md.jinja"


def render_changelog(view: ChangelogView) -> str:
    from .locations import DEFAULT_TEMPLATES
    from .render import make_environment

    return make_environment(DEFAULT_TEMPLATES / "changelog").get_template(PARTIAL).render(changelog=view)


def migration_guide(old: Catalog, new: Catalog) -> str:
    """The Markdown guide for moving from `old` to `new`: the body of generated/<new>/changelog.md
    when `old` is the version just before `new`."""
    return render_changelog(compare(old, new))
