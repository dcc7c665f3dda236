"""What a rule kind is: its keys and how each is read, how it changes a catalog, and what
it is about (so the migration guide can find a rule's note for a change it shows)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

from ..catalog import Catalog, VersionRule
from ..diagnostics import Diagnostic, Location
from ..reader import Reader


class Invalid:
    """What an argument reader returns for a value it rejected (the problem is recorded)."""

    def __repr__(self) -> str:
        return "INVALID"


INVALID = Invalid()


@dataclass(frozen=True)
class Ask:
    """One key of one rule, as an argument reader sees it."""

    reader: Reader
    rule: Mapping[str, Any]
    """The rule's YAML mapping, for checks that span keys."""
    key: str
    kind: str
    version: str

    @property
    def value(self) -> Any:
        return self.rule[self.key]

    @property
    def at(self) -> Location:
        return self.reader.value_at(self.rule, self.key)

    def reject(self, message: str, hint: str = "") -> Invalid:
        self.reader.error(self.at, message, hint)
        return INVALID


ArgumentReader = Callable[[Ask], Any]
Targets = tuple[tuple[str, ...], ...]


class RuleProblem(Exception):
    """A rule that does not fit the catalog it is applied to (names what is not there,
    adds what already is)."""

    def __init__(self, location: Location, message: str, hint: str = "") -> None:
        super().__init__(message)
        self.diagnostic = Diagnostic(location, message, hint)


@dataclass(frozen=True)
class RuleKind:
    name: str
    summary: str
    """One line for the catalog's documentation of rule kinds."""
    arguments: Mapping[str, ArgumentReader]
    """The keys it requires besides `kind` and `note`, in order, each with its reader."""
    apply: Callable[[Catalog, VersionRule], Catalog]
    targets: Callable[[Mapping[str, Any]], Targets]
    """What it is about, as keys a migration-guide entry is matched with: the first is
    its subject (an endpoint id, a schema and field, ...)."""
    optional: Mapping[str, ArgumentReader] = field(default_factory=lambda: MappingProxyType({}))
    renamed_from: str = ""
    """For a rename: the key that holds the old name (its new name is under `to`)."""
    former_keys: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))
    """Keys an older catalog used, with the key that replaced them: a clear error."""


def subject_name(value: Any, attribute: str) -> str:
    """The name of what a rule argument defines (an endpoint's id, a schema's name),
    or the argument itself when it is already a name."""
    return str(getattr(value, attribute, value))
