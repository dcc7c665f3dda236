"""The headline numbers of one resolved catalog, shared by the catalog, the docs and the
scope tables."""

from __future__ import annotations

from dataclasses import dataclass

from .catalog import Catalog


@dataclass(frozen=True)
class Counts:
    """Counted as Intercom's API guide counts them: endpoints with a documented
    permission; the others are counted apart."""

    endpoints: int
    groups: int
    read: int
    write: int
    permissions: int
    undocumented: int

    @classmethod
    def of(cls, catalog: Catalog) -> Counts:
        documented = [e for e in catalog.endpoints if e.permission is not None]
        return cls(
            endpoints=len(documented),
            groups=len({e.group for e in documented}),
            read=sum(e.access == "read" for e in documented),
            write=sum(e.access == "write" for e in documented),
            permissions=len({e.permission for e in documented}),
            undocumented=len(catalog.endpoints) - len(documented),
        )

    def as_dict(self) -> dict[str, int]:
        return {
            "endpoints": self.endpoints,
            "groups": self.groups,
            "read": self.read,
            "write": self.write,
            "permissions": self.permissions,
            "endpoints_without_documented_permission": self.undocumented,
        }
