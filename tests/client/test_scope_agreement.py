"""The generated client's required_scopes and the generator's `intercom-gen scopes` are
two implementations of one rule (the client must stand alone); they must agree."""

from __future__ import annotations

from itertools import combinations
from types import ModuleType

from intercom_gen.scopes import least_scopes
from tests.client.versions import NEWEST, RESOLVED


def test_client_and_generator_choose_the_same_scopes(api: ModuleType) -> None:
    catalog = RESOLVED.versions[NEWEST]
    documented = sorted(e.id for e in catalog.endpoints if e.permission is not None)
    asked = [(e,) for e in documented] + list(combinations(documented, 2))
    disagreements = [
        (names, client, generator)
        for names in asked
        if (client := api.required_scopes(*names)) != (generator := tuple(c.name for c in least_scopes(catalog, names)))
    ]
    assert len(asked) > 400
    assert disagreements == []


def test_endpoint_scopes_list_the_narrowest_first(api: ModuleType) -> None:
    assert api.ENDPOINTS["contacts.retrieve"].scopes == (
        "Read one user and one company",
        "Read and list users and companies",
    )
