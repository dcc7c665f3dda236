"""The fake Intercom's route table held against the catalog.

Every endpoint of every supported version reaches a route that is open in that version,
and every route plays an endpoint of some version: none is dead, shadowed by an earlier
route, or open in a version that lacks its endpoint.
"""

from __future__ import annotations

import re

import pytest

from intercom_gen.pipeline import resolve_catalog
from tests.fake_intercom import FakeIntercom
from tests.fake_intercom.routes import ROUTES, find

# version -> (method, path template) -> endpoint id
Catalog = dict[str, dict[tuple[str, str], str]]


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    resolved = resolve_catalog()
    return {
        version: {(e.method.upper(), e.path): e.id for e in resolved.versions[version].endpoints}
        for version in resolved.supported
    }


def _request_segments(path: str) -> list[str]:
    """The decoded segments of a request to the template `path`, each parameter filled with a sample value."""
    return [f"sample-{segment[1:-1]}" if segment.startswith("{") else segment for segment in path.split("/")[1:]]


def _parameters(path: str) -> set[str]:
    return set(re.findall(r"\{([^}]+)\}", path))


def test_the_fake_accepts_every_supported_version(catalog: Catalog) -> None:
    assert set(catalog) <= set(FakeIntercom().versions)


def test_every_catalog_endpoint_has_a_route_open_in_its_version(catalog: Catalog) -> None:
    missing = []
    for version, endpoints in catalog.items():
        for (method, path), endpoint_id in endpoints.items():
            found = find(method, _request_segments(path))
            if found is None or found[0].path != path:
                missing.append(f"{version} {endpoint_id}: no route for {method} {path}")
            elif not found[0].open_in(version):
                missing.append(f"{version} {endpoint_id}: {method} {path} opens only from {found[0].since}")
            elif set(found[1]) != _parameters(path):
                missing.append(f"{version} {endpoint_id}: {method} {path} gives the parameters {sorted(found[1])}")
    assert not missing, "\n".join(missing)


def test_every_route_plays_a_catalog_endpoint(catalog: Catalog) -> None:
    dead = [
        f"{route.method} {route.path}"
        for route in ROUTES
        if not any((route.method, route.path) in endpoints for endpoints in catalog.values())
    ]
    assert not dead, "\n".join(dead)


def test_no_route_is_shadowed_by_an_earlier_one() -> None:
    shadowed = [
        f"{route.method} {route.path}"
        for route in ROUTES
        if (found := find(route.method, _request_segments(route.path))) is None or found[0] is not route
    ]
    assert not shadowed, "\n".join(shadowed)


def test_routes_are_open_only_in_versions_that_have_their_endpoint(catalog: Catalog) -> None:
    too_early = [
        f"{version}: {route.method} {route.path} (open from {route.since})"
        for route in ROUTES
        for version, endpoints in catalog.items()
        if route.open_in(version) and (route.method, route.path) not in endpoints
    ]
    assert not too_early, "\n".join(too_early)
