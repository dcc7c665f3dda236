"""The rules between two versions, as the migration guide consults them: to attach the
note of the rule that explains a change, and to tell a rename from a removal and an
addition. The facts themselves come from the typed diff (generator.catalog_diff)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

from .catalog import Catalog, VersionRule, version_key
from .rules import RULE_KINDS


def rules_between(old: Catalog, new: Catalog) -> tuple[VersionRule, ...]:
    """The rules of every version after the older of the two, up to the newer, in order."""
    low, high = sorted((version_key(old.version), version_key(new.version)))
    return tuple(
        rule for api_version in old.versions if low < version_key(api_version.version) <= high for rule in api_version.rules
    )


def rule_targets(rule: VersionRule) -> tuple[tuple[str, ...], ...]:
    """What a rule is about, as keys an entry can be matched with (its kind's entry says)."""
    return RULE_KINDS[rule.kind].targets(rule.arguments)


class Rules:
    """The rules between two versions, indexed for notes and renames."""

    def __init__(self, rules: Sequence[VersionRule], upgrade: bool) -> None:
        self.rules = tuple(rules)
        self.upgrade = upgrade
        self.notes: dict[tuple[str, tuple[str, ...]], list[tuple[int, str]]] = {}
        for index, rule in enumerate(self.rules):
            for target in rule_targets(rule):
                if rule.note:
                    self.notes.setdefault((rule.kind, target), []).append((index, rule.note))

    def note(self, *candidates: tuple[str, tuple[str, ...]]) -> str:
        """The notes of every rule some candidate (kind, target) matches, in the order the
        rules apply, each once: a change two rules make (a remove and an add) keeps both."""
        found = sorted({pair for candidate in candidates for pair in self.notes.get(candidate, ())})
        return " ".join(dict.fromkeys(" ".join(text.split()) for _, text in found))

    def kind(self, added: str, removed: str, is_added: bool) -> str:
        """The forward rule kind behind an entry: in a downgrade, an addition undoes a removal."""
        return added if is_added == self.upgrade else removed

    def renames(self, kind: str, match: Callable[[VersionRule], bool]) -> tuple[tuple[str, str], ...]:
        """(from, to) steps in the direction of travel, in the order they apply."""
        old_name = RULE_KINDS[kind].renamed_from
        steps = [(str(r.arguments[old_name]), str(r.arguments["to"])) for r in self.rules if r.kind == kind and match(r)]
        if self.upgrade:
            return tuple(steps)
        return tuple((after, before) for before, after in reversed(steps))


def pair_renames(removed: Iterable[str], added: Iterable[str], steps: Sequence[tuple[str, str]]) -> dict[str, str]:
    """Removed names that the rename steps carry to an added name: {old: new}."""
    added_set = set(added)
    pairs: dict[str, str] = {}
    for name in sorted(removed):
        current = name
        for before, after in steps:
            if current == before:
                current = after
        if current != name and current in added_set and current not in pairs.values():
            pairs[name] = current
    return pairs
