"""Each version's generated client against a Prism mock of our own OpenAPI export.

For every supported version the export (generator/openapi_views.py, as YAML) is written to a
temporary folder and served by Prism (tests/prism_mock.py; all versions side by side, once
per module), the Python client is generated beside it, and every endpoint method is called
once (tests/client_driver.py, a process per version). Prism validates each request's path,
query, headers, security and body against the export, so a pass means the export accepts
every request the generated client sends, and the client reads what the export promises.

A known defect of the client is marked xfail(strict) in `DEFECTS`, keyed by endpoint id,
so the test turns red the day it is fixed and the mark goes with the fix.

Skips with a reason when Prism cannot run (no Node.js, or `npm ci --prefix tests/prism`
not run).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from intercom_gen.openapi_views import openapi_view
from intercom_gen.pipeline import generate, resolve_catalog
from intercom_gen.write import write_tree
from tests.client_driver import Outcome, drive
from tests.prism_mock import PrismMock, PrismPool, unavailable

RESOLVED = resolve_catalog()

# Known defects of the client, keyed by endpoint id (the same as tests/test_official_mock.py
# finds against Intercom's own descriptions).
# calls.transcript was one until each endpoint sent its own Accept (it answers text/plain).
DEFECTS: Mapping[str, str] = {}


def cases() -> Iterator[object]:
    for version in RESOLVED.supported:
        for endpoint in sorted(RESOLVED.versions[version].endpoints, key=lambda e: e.id):
            marks = [pytest.mark.xfail(strict=True, reason=DEFECTS[endpoint.id])] if endpoint.id in DEFECTS else []
            yield pytest.param(version, endpoint.id, marks=marks, id=f"{version}-{endpoint.id}")


@pytest.fixture(scope="module")
def mocks(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Mapping[str, PrismMock]]:
    """A running Prism per supported version, serving that version's export."""
    reason = unavailable()
    if reason:
        pytest.skip(reason)
    exports = tmp_path_factory.mktemp("openapi")
    files: dict[str, Path] = {}
    for version in RESOLVED.supported:
        files[version] = exports / version / "openapi.yaml"
        files[version].parent.mkdir()
        files[version].write_text(openapi_view(RESOLVED.versions[version]).yaml_text, encoding="utf-8")
    with PrismPool(tmp_path_factory.mktemp("prism")) as pool:
        started = pool.start(files.values())
        yield {version: started[path] for version, path in files.items()}


@pytest.fixture(scope="module")
def outcomes(mocks: Mapping[str, PrismMock], tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, Outcome]]:
    """{version: {endpoint id: outcome}}: every version's client generated (the python
    target only) and driven against its mock, the versions side by side."""
    out = tmp_path_factory.mktemp("generated")
    for version, files in generate(RESOLVED, list(mocks), targets=("python",)).items():
        write_tree(out / version, files)

    def drive_version(version: str) -> dict[str, Outcome]:
        return drive(out / version / "python", mocks[version].base_url, version)

    with ThreadPoolExecutor(max_workers=len(mocks)) as pool:
        return dict(zip(mocks, pool.map(drive_version, mocks), strict=True))


@pytest.mark.parametrize("version", RESOLVED.supported)
def test_every_endpoint_is_driven(version: str, outcomes: dict[str, dict[str, Outcome]]) -> None:
    assert sorted(outcomes[version]) == sorted(e.id for e in RESOLVED.versions[version].endpoints)


@pytest.mark.parametrize(("version", "endpoint_id"), list(cases()))
def test_export_mock_accepts_the_client_request(
    version: str, endpoint_id: str, outcomes: dict[str, dict[str, Outcome]], mocks: Mapping[str, PrismMock]
) -> None:
    outcome = outcomes[version][endpoint_id]
    assert outcome.accepted, (
        f"{endpoint_id} failed against the {version} export's mock:\n{outcome.report()}"
        f"\n\nPrism's output ends:\n{mocks[version].output()[-1500:]}"
    )
