"""The rule-kind registry: every kind is one entry, and a new kind needs nothing else."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from intercom_gen import rules
from intercom_gen.catalog import Catalog, VersionRule
from intercom_gen.changelog import migration_guide
from intercom_gen.diagnostics import CatalogError
from intercom_gen.pipeline import resolve_catalog
from intercom_gen.rules import RULE_KINDS, RuleKind, RuleProblem
from intercom_gen.rules import arguments as read


def test_every_kind_declares_what_the_pipeline_needs() -> None:
    for name, kind in RULE_KINDS.items():
        assert kind.name == name
        assert kind.summary and kind.arguments, name
        assert callable(kind.apply) and callable(kind.targets), name
        if name.startswith("rename_"):
            assert kind.renamed_from in kind.arguments and "to" in kind.arguments, name
        assert not set(kind.former_keys) & set(kind.arguments), name


def retitle_group(catalog: Catalog, rule: VersionRule) -> Catalog:
    group = catalog.group(str(rule.arguments["group"]))
    if group is None:
        raise RuleProblem(rule.at("group"), f"retitle_group: no group {rule.arguments['group']!r}")
    retitled = replace(group, title=str(rule.arguments["to"]))
    return replace(catalog, groups=tuple(retitled if g is group else g for g in catalog.groups))


RETITLE = RuleKind(
    "retitle_group",
    "A capability group under a new title.",
    {"group": read.name, "to": read.name},
    retitle_group,
    lambda a: ((a["group"],),),
)


def newest_rules_file(catalog: Path) -> Path:
    return max((catalog / "versions").glob("*.yaml"), key=lambda p: tuple(int(n) for n in p.stem.split(".")))


def test_a_new_kind_is_one_registry_entry(mini_catalog: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(rules.RULE_KINDS, RETITLE.name, RETITLE)
    versions = newest_rules_file(mini_catalog)
    versions.write_text(
        versions.read_text() + "  - kind: retitle_group\n    group: contacts\n    to: People\n    note: Contacts are people now.\n"
    )
    resolved = resolve_catalog(mini_catalog)
    newest, older = resolved.supported[-1], resolved.supported[-2]
    group = resolved.versions[newest].group("contacts")
    assert group is not None and group.title == "People"
    old_group = resolved.versions[older].group("contacts")
    assert old_group is not None and old_group.title != "People"
    # The validator read its keys from the entry: a missing one is a located error.
    versions.write_text(versions.read_text().replace("    to: People\n", ""))
    with pytest.raises(CatalogError, match=r"2\.\d+\.yaml:\d+:\d+: retitle_group rule is missing required key 'to'"):
        resolve_catalog(mini_catalog)


def test_the_migration_guide_finds_a_rules_note_through_its_targets(mini_catalog: Path) -> None:
    resolved = resolve_catalog(mini_catalog)
    newest, older = resolved.supported[-1], resolved.supported[-2]
    guide = migration_guide(resolved.versions[older], resolved.versions[newest])
    for rule in resolved.versions[newest].versions[-1].rules:
        assert rule.note in guide, rule.kind


def test_every_kind_is_documented_in_the_catalog_readme() -> None:
    """catalog/README.md's rule-kind table is the registry's: a new kind, or a changed
    key or summary, shows there."""
    from intercom_gen.locations import DEFAULT_CATALOG
    from intercom_gen.rules import rule_kind_table

    readme = (DEFAULT_CATALOG / "README.md").read_text(encoding="utf-8")
    begin, end = "<!-- rule kinds: begin -->\n", "<!-- rule kinds: end -->"
    assert begin in readme and end in readme
    documented = readme[readme.index(begin) + len(begin) : readme.index(end)]
    assert documented == rule_kind_table(), "catalog/README.md's table of rule kinds is stale; replace it with:\n" + rule_kind_table()
    for name in RULE_KINDS:
        assert f"| `{name}` |" in documented
