"""The operation model: every endpoint of every version as target-neutral data."""

from __future__ import annotations

import pytest

from intercom_gen.operations import LOCATIONS, build_operation_model
from intercom_gen.pipeline import resolve_catalog

RESOLVED = resolve_catalog()


@pytest.mark.parametrize("version", RESOLVED.supported)
def test_every_endpoint_is_an_operation(version: str) -> None:
    catalog = RESOLVED.versions[version]
    model = build_operation_model(catalog)
    assert [o.id for o in model.operations] == sorted(e.id for e in catalog.endpoints)
    for operation in model.operations:
        endpoint = catalog.endpoint(operation.id)
        assert endpoint is not None
        assert (operation.method, operation.path, operation.access) == (endpoint.method, endpoint.path, endpoint.access)
        assert operation.scopes == catalog.scopes_granting(endpoint.permission)
        assert all(a.location in LOCATIONS for a in operation.arguments)
        # Every path parameter is a required argument.
        assert {a.name for a in operation.arguments_in("path")} == {p.name for p in endpoint.parameters if p.location == "path"}
        assert all(a.required for a in operation.arguments_in("path"))
        assert (operation.paging is not None) == (endpoint.pagination != "none")
        if operation.paging is not None:
            assert operation.result.kind == "list"
            record = catalog.schema(operation.paging.item_schema)
            assert record is not None


def test_search_pagination_object_and_cursor_are_paging_arguments() -> None:
    model = build_operation_model(RESOLVED.versions[RESOLVED.base.api.default_version])
    paged = [o for o in model.operations if o.paging is not None]
    assert paged
    for operation in paged:
        owned = {a.name for a in operation.arguments if a.paging}
        assert operation.paging is not None
        if operation.paging.kind == "search":
            assert operation.paging.request_object in owned
        else:
            assert owned <= {operation.paging.request_parameter, "page", "starting_after"}


def test_enum_arguments_carry_their_values() -> None:
    model = build_operation_model(RESOLVED.versions[RESOLVED.base.api.default_version])
    enums = {(o.id, a.name): a.enum for o in model.operations for a in o.arguments if a.enum}
    assert enums, "the catalog has enum-restricted request fields"
    for (operation_id, name), values in enums.items():
        operation = model.operation(operation_id)
        assert operation is not None
        argument = next(a for a in operation.arguments if a.name == name)
        declared = argument.schema.get("enum") or argument.schema["items"]["enum"]
        assert tuple(declared) == values
