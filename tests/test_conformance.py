"""Conformance: every resolved catalog against Intercom's OpenAPI description of its
version, through what `intercom-gen conform` runs (generator.conform).

Every difference the comparison finds must be recorded, with its reason, in
catalog/known_differences.yaml, and every recorded one must still occur in each version
its entry covers. The descriptions live beside a development checkout
(../shared/reference); without them these tests skip. Each is read once per session.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Mapping
from dataclasses import replace
from functools import cache
from pathlib import Path

import pytest
from click.testing import CliRunner

from intercom_gen.catalog import Parameter, Property, freeze
from intercom_gen.cli import main
from intercom_gen.conform import Conformance, KnownDifference, check_conformance, differences, report
from intercom_gen.diagnostics import CatalogError, Location
from intercom_gen.locations import DEFAULT_CATALOG
from intercom_gen.openapi_description import Description, load_description
from tests.catalog_versions import newest, shipped, supported


def description_file(reference: Path, version: str) -> Path:
    return reference / version / "api.intercom.io.yaml"


@cache
def described(path: Path) -> Description:
    return load_description(path)


@cache
def all_results(reference: Path) -> Mapping[str, Conformance]:
    """{version: the conformance of the shipped catalog at it}, computed once."""
    return {v: check_conformance(DEFAULT_CATALOG, description_file(reference, v), v) for v in supported() if description_file(reference, v).is_file()}


@pytest.fixture
def results(reference: Path) -> Mapping[str, Conformance]:
    found = all_results(reference)
    missing = [v for v in supported() if v not in found]
    if missing:
        pytest.skip(f"no OpenAPI description for {', '.join(missing)} under {reference}")
    return found


def test_every_version_conforms_to_its_description(results: Mapping[str, Conformance]) -> None:
    failing = {version: list(report(result)) for version, result in results.items() if not result.conforms}
    assert not failing, "\n".join(line for lines in failing.values() for line in lines)


def test_every_endpoint_exists_in_its_versions_description(results: Mapping[str, Conformance]) -> None:
    """Each endpoint, in every version it exists in, has its method and path (possibly with
    path parameters named differently, which is recorded) in that version's description."""
    missing = [f"{v}: {d}" for v, result in results.items() for d in result.differences if d.key.endswith("is not in the description")]
    assert not missing, "\n".join(missing)


def test_every_recorded_difference_occurs_somewhere(results: Mapping[str, Conformance]) -> None:
    found = {d.key for result in results.values() for d in result.differences}
    from intercom_gen.conform import read_known_differences
    from intercom_gen.load import load_catalog

    known = read_known_differences(load_catalog(DEFAULT_CATALOG), supported())
    assert known, "catalog/known_differences.yaml records the deliberate differences"
    assert not [k.key for k in known if k.key not in found]


def test_the_comparison_finds_a_planted_difference(reference: Path) -> None:
    """The checker itself: a parameter and an enum value the description lacks are
    reported, each at the declaration it is about."""
    version = newest()
    description = described(description_file(reference, version))
    catalog = shipped().versions[version]
    retrieve = catalog.endpoint("contacts.retrieve")
    agent = catalog.schema("ai_agent")
    assert retrieve is not None and agent is not None
    here = Location("planted.yaml", 3, 5)
    planted = replace(retrieve, parameters=(*retrieve.parameters, Parameter("planted", "query", "string", False, "", where=here)))
    state = agent.property("resolution_state")
    assert state is not None
    definition = dict(state.definition)
    definition["enum"] = (*definition["enum"], "planted_value")
    planted_agent = replace(agent, properties=tuple(Property(p.name, freeze(definition), where=here) if p.name == "resolution_state" else p for p in agent.properties))
    changed = replace(
        catalog,
        endpoints=tuple(planted if e.id == retrieve.id else e for e in catalog.endpoints),
        schemas=tuple(planted_agent if s.name == "ai_agent" else s for s in catalog.schemas),
    )
    before = {d.key for d in differences(catalog, description)}
    found = [d for d in differences(changed, description) if d.key not in before]
    assert {d.key for d in found} == {
        "contacts.retrieve: query parameter planted only in the catalog",
        "schema ai_agent.resolution_state: enum value planted_value only in the catalog",
    }
    assert {d.at for d in found} == {here}
    assert all(d.pointer.startswith("#/") for d in found)


def test_a_renamed_or_removed_response_field_is_found(reference: Path) -> None:
    version = newest()
    document = json.loads(json.dumps(described(description_file(reference, version)).document))
    properties = document["components"]["schemas"]["contact"]["properties"]
    properties["email_address"] = properties.pop("email")
    del properties["name"]
    keys = {d.key for d in differences(shipped().versions[version], Description(document))}
    assert {"schema contact: field email only in the catalog", "schema contact: field email_address only in the description", "schema contact: field name only in the catalog"} <= keys


def test_an_entry_carries_forward_until_it_ends() -> None:
    first, *later = supported()
    open_ended = KnownDifference("k", first, "", "why", Location("x"))
    assert all(open_ended.covers(v) for v in supported())
    assert not open_ended.covers("0.1")
    if later:
        ended = replace(open_ended, until=later[0])
        assert ended.covers(first) and not any(ended.covers(v) for v in later)


@pytest.fixture
def catalog_copy(tmp_path: Path) -> Path:
    copy = tmp_path / "catalog"
    shutil.copytree(DEFAULT_CATALOG, copy)
    return copy


def conform(*arguments: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["conform", *arguments])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stdout, result.stderr


def test_conform_exits_0_on_the_shipped_catalog(reference: Path) -> None:
    code, out, _ = conform("--description", str(description_file(reference, newest())))
    assert code == 0, out
    assert out.startswith(f"The catalog at {newest()} conforms to ")


def test_conform_lists_an_unrecorded_difference_and_a_stale_entry(reference: Path, catalog_copy: Path) -> None:
    known = catalog_copy / "known_differences.yaml"
    text = known.read_text()
    removed = '      - "schema contact.role: enum value user only in the catalog"\n'
    assert removed in text
    known.write_text(text.replace(removed, "") + '  - since: "' + supported()[0] + '"\n    key: "contacts.list: no such difference"\n    reason: Planted.\n')
    code, out, _ = conform("--catalog", str(catalog_copy), "--description", str(description_file(reference, newest())))
    assert code == 1
    lines = out.splitlines()
    role = next(line for line in lines if "schema contact.role: enum value user only in the catalog" in line)
    assert role.startswith(f"{catalog_copy}/schemas/contact.yaml:") and "#/components/schemas/contact/properties/role" in role
    stale = next(line for line in lines if "contacts.list: no such difference" in line)
    assert stale.startswith(f"{known}:") and f'until: "{newest()}"' in stale
    assert lines[-1].endswith("1 unexplained difference: fix the catalog, or record each in catalog/known_differences.yaml with a reason; 1 stale entry: the description or the catalog changed.")


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("differences:\n  - since: \"9.99\"\n    key: x\n    reason: y\n", "known_differences.yaml:2:12: since '9.99' is not a supported version"),
        ("differences:\n  - key: x\n    reason: y\n", "known_differences.yaml:2:5: known difference is missing required key 'since'"),
        ("differences:\n  - since: \"{v}\"\n    key: x\n    keys: [y]\n    reason: z\n", "known_differences.yaml:2:5: a known difference needs either 'key' or 'keys'"),
        ("differences:\n  - since: \"{v}\"\n    key: x\n    reason: y\n  - since: \"{v}\"\n    key: x\n    reason: z\n", "known_differences.yaml:6:10: this difference is already recorded for some of these versions"),
    ],
)
def test_a_broken_known_differences_file_is_exit_2_located(reference: Path, catalog_copy: Path, content: str, expected: str) -> None:
    (catalog_copy / "known_differences.yaml").write_text(content.replace("{v}", supported()[0]))
    code, _, err = conform("--catalog", str(catalog_copy), "--description", str(description_file(reference, newest())))
    assert code == 2
    assert expected in err


def test_a_broken_description_is_exit_2_located(tmp_path: Path) -> None:
    broken = tmp_path / "api.yaml"
    broken.write_text("openapi: 3.0.1\npaths:\n  /x: [\n")
    code, _, err = conform("--description", str(broken))
    assert code == 2
    assert f"{broken}:4:1: invalid YAML" in err
    not_openapi = tmp_path / "other.json"
    not_openapi.write_text('{"swagger": "2.0"}')
    code, _, err = conform("--description", str(not_openapi))
    assert code == 2 and "not an OpenAPI description" in err
    with pytest.raises(CatalogError, match="OpenAPI description not found"):
        load_description(tmp_path / "missing.yaml")


def test_a_json_description_reads_as_its_yaml(reference: Path, tmp_path: Path) -> None:
    path = description_file(reference, newest())
    as_json = tmp_path / "api.intercom.io.json"
    as_json.write_text(json.dumps(described(path).document))
    assert load_description(as_json).document == described(path).document
