"""The registry of version-rule kinds: each kind is one `RuleKind` entry (its keys and how
each is read, how it applies, what it is about), declared beside the kinds it is kin
to. Adding a kind is adding an entry to one of these modules, plus its tests."""

from __future__ import annotations

from . import endpoint_rules, error_rules, schema_rules, webhook_rules
from .kind import INVALID, Ask, RuleKind, RuleProblem

# A plain dict, filled once at import: a test may register a kind of its own for a while.
RULE_KINDS: dict[str, RuleKind] = {
    kind.name: kind for module in (endpoint_rules, schema_rules, webhook_rules, error_rules) for kind in module.KINDS
}

__all__ = ["INVALID", "RULE_KINDS", "Ask", "RuleKind", "RuleProblem", "rule_kind_table"]


def rule_kind_table() -> str:
    """The Markdown table of every rule kind, its keys and what it says, as
    catalog/README.md shows it (a test holds the two together)."""
    lines = ["| kind | keys | what it says |", "| --- | --- | --- |"]
    for kind in RULE_KINDS.values():
        keys = ", ".join(f"`{name}`" for name in kind.arguments)
        if kind.optional:
            keys += "; optional " + ", ".join(f"`{name}`" for name in kind.optional)
        lines.append(f"| `{kind.name}` | {keys} | {kind.summary} |")
    return "\n".join(lines) + "\n"
