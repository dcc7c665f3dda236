"""Each version's generated client against a Prism mock of Intercom's own OpenAPI description
of that version.

For every supported version, the client is generated into a temporary folder, a Prism mock
is started from the official description (tests/prism_mock.py; all versions side by side,
once per module) and every endpoint method of the client is called once
(tests/client_driver.py, in a process of its own per version). A call passes when Prism
accepts the request (it validates path, query, headers and body against the description)
and the client reads the example answer Prism sends back into its model.

Two kinds of failure are expected, each keyed by endpoint id:
- `DEFECTS`: known defects of this project's catalog or client, marked xfail(strict): the
  test turns red the day one is fixed, so the mark is removed with the fix;
- tests/official_mock_known_differences.yaml: quirks of a description or of the mock (an
  example that breaks its own schema, a constraint no value can meet). An entry must still
  fail in the way it records (`expect`), else the test fails as stale.

Skips with a reason when ../shared/reference is absent (a fresh clone) or Prism cannot run
(no Node.js, or `npm ci --prefix tests/prism` not run).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import pytest
from ruamel.yaml import YAML

from intercom_gen.pipeline import Resolved, generate, resolve_catalog
from intercom_gen.write import write_tree
from tests.client_driver import DriverError, Outcome, drive
from tests.prism_mock import PrismError, PrismMock, PrismPool, repairs, unavailable

ROOT = Path(__file__).resolve().parent.parent
REFERENCE = ROOT.parent / "shared" / "reference" / "intercom-openapi"
DESCRIPTION = "api.intercom.io.yaml"
KNOWN_DIFFERENCES = Path(__file__).with_name("official_mock_known_differences.yaml")

RESOLVED = resolve_catalog()

# Known defects of ours, keyed by endpoint id, to be fixed in the catalog or client; remove an
# entry with its fix (the strict xfail fails the test once the call is accepted).
# Two were found and fixed: calls.transcript (the client sent Accept: application/json where
# the description offers only text/plain, so Prism answered 406) until each endpoint got its
# own Accept; fin_voice.collect_by_conversation (the description answers an array, the
# catalog declared one object) until the catalog could say `response_array: true`.
DEFECTS: Mapping[str, str] = {}


@dataclass(frozen=True)
class KnownDifference:
    endpoint: str
    versions: tuple[str, ...]
    expect: str
    reason: str


def load_known_differences() -> dict[tuple[str, str], KnownDifference]:
    """{(version, endpoint id): entry} from tests/official_mock_known_differences.yaml."""
    data = YAML(typ="safe").load(KNOWN_DIFFERENCES.read_text(encoding="utf-8")) or {}
    known: dict[tuple[str, str], KnownDifference] = {}
    for item in data.get("differences") or []:
        entry = KnownDifference(item["endpoint"], tuple(item["versions"]), item["expect"], item["reason"])
        for version in entry.versions:
            assert (version, entry.endpoint) not in known, f"{entry.endpoint} is listed twice for {version}"
            known[(version, entry.endpoint)] = entry
    return known


KNOWN = load_known_differences()


def cases(resolved: Resolved) -> Iterator[object]:
    for version in resolved.supported:
        for endpoint in resolved.versions[version].endpoints:
            marks = []
            if endpoint.id in DEFECTS:
                marks.append(pytest.mark.xfail(strict=True, reason=DEFECTS[endpoint.id]))
            yield pytest.param(version, endpoint.id, marks=marks, id=f"{version}-{endpoint.id}")


def description_of(version: str) -> Path:
    return REFERENCE / version / DESCRIPTION


@dataclass(frozen=True)
class Mocks:
    """The Prism of each supported version that has a description, and why any did not start."""

    running: Mapping[str, PrismMock]
    failed: Mapping[str, PrismError]

    def of(self, version: str) -> PrismMock:
        if version in self.failed:
            pytest.fail(str(self.failed[version]), pytrace=False)
        if version not in self.running:
            pytest.skip(f"no official description of {version} at {description_of(version)}")
        return self.running[version]


@pytest.fixture(scope="module")
def mocks(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Mocks]:
    """A Prism per supported version that has a description, all started side by side."""
    if not REFERENCE.is_dir():
        pytest.skip(
            f"Intercom's OpenAPI descriptions are not at {REFERENCE} "
            "(they live in ../shared/reference beside a development checkout)"
        )
    reason = unavailable()
    if reason:
        pytest.skip(reason)
    versions = [v for v in RESOLVED.supported if description_of(v).is_file()]
    with PrismPool(tmp_path_factory.mktemp("prism")) as pool:
        started, failed = pool.start_each(description_of(v) for v in versions)
        yield Mocks(
            {v: started[description_of(v)] for v in versions if description_of(v) in started},
            {v: failed[description_of(v)] for v in versions if description_of(v) in failed},
        )


@pytest.fixture(scope="module")
def outcomes(mocks: Mocks, tmp_path_factory: pytest.TempPathFactory) -> Mapping[str, dict[str, Outcome] | DriverError]:
    """{version: {endpoint id: outcome}, or why the driver failed}: every version's client
    generated and driven against its mock, the versions side by side."""
    out = tmp_path_factory.mktemp("generated")
    versions = list(mocks.running)
    for version, files in generate(RESOLVED, versions).items():
        write_tree(out / version, files)

    def drive_version(version: str) -> dict[str, Outcome] | DriverError:
        try:
            return drive(out / version / "python", mocks.running[version].base_url, version)
        except DriverError as error:
            return error

    with ThreadPoolExecutor(max_workers=len(versions) or 1) as pool:
        return dict(zip(versions, pool.map(drive_version, versions), strict=True))


@pytest.mark.parametrize("version", RESOLVED.supported)
def test_prism_serves_the_description(mocks: Mocks, version: str) -> None:
    """Prism loads each version's description (repaired when it references a component it
    does not define) and keeps running."""
    mock = mocks.of(version)
    mock.check_running()
    applied = repairs(mock.description.read_text(encoding="utf-8"))
    assert (mock.served != mock.description) == bool(applied)
    if applied:
        assert not repairs(mock.served.read_text(encoding="utf-8")), "the repaired copy still misses a component"


@pytest.mark.parametrize(("version", "endpoint_id"), list(cases(RESOLVED)))
def test_endpoint_is_accepted(
    mocks: Mocks,
    outcomes: Mapping[str, dict[str, Outcome] | DriverError],
    version: str,
    endpoint_id: str,
) -> None:
    mock = mocks.of(version)
    driven = outcomes[version]
    if isinstance(driven, DriverError):
        pytest.fail(str(driven), pytrace=False)
    outcome = driven[endpoint_id]
    mock.check_running()
    known = KNOWN.get((version, endpoint_id))
    if known is None:
        assert outcome.accepted, f"{version} {outcome.report()}"
        return
    assert not outcome.accepted, (
        f"stale entry in {KNOWN_DIFFERENCES.name}: {endpoint_id} is now accepted in {version}; remove it from the entry"
    )
    report = outcome.report()
    assert known.expect in report, (
        f"{version} {endpoint_id} fails, but not as {KNOWN_DIFFERENCES.name} records "
        f"(expected {known.expect!r} in the report):\n{report}"
    )
    pytest.xfail(f"known difference: {known.reason}")


def test_known_differences_name_real_endpoints() -> None:
    """Every entry names an endpoint of each version it lists, and none is also a defect."""
    for (version, endpoint_id), entry in KNOWN.items():
        assert version in RESOLVED.supported, f"{KNOWN_DIFFERENCES.name}: {endpoint_id} lists unknown version {version}"
        catalog = RESOLVED.versions[version]
        assert catalog.endpoint(endpoint_id) is not None, (
            f"{KNOWN_DIFFERENCES.name}: {endpoint_id} is not an endpoint of {version}"
        )
        assert endpoint_id not in DEFECTS, f"{endpoint_id} is both a known defect and a known difference"
        assert entry.reason.strip(), f"{KNOWN_DIFFERENCES.name}: {endpoint_id} has no reason"
    for endpoint_id in DEFECTS:
        assert any(RESOLVED.versions[v].endpoint(endpoint_id) for v in RESOLVED.supported), (
            f"DEFECTS names {endpoint_id}, which no version has"
        )
