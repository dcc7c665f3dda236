"""The generated pager takes every paging name from the catalog's pagination facts:
a renamed parameter in the API is a catalog edit, not a generator edit."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType, SimpleNamespace

from intercom_gen.pipeline import generate, resolve_catalog


def generated_pagination(catalog: Path, tmp_path: Path) -> ModuleType:
    newest = resolve_catalog(catalog).supported[-1]
    files = generate(resolve_catalog(catalog), [newest])[newest]
    module_file = tmp_path / "pagination.py"
    module_file.write_text(files["python/intercom_api/pagination.py"])
    spec = importlib.util.spec_from_file_location("renamed_pagination", module_file)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    # dataclasses look their module up while the class is made
    sys.modules[spec.name] = module
    try:
        spec.loader.exec_module(module)
    finally:
        del sys.modules[spec.name]
    return module


def test_renamed_cursor_names_reach_the_pager(mini_catalog: Path, tmp_path: Path) -> None:
    api = mini_catalog / "api.yaml"
    text = api.read_text()
    text = text.replace(
        "    request_parameter: starting_after\n    response_field: pages.next.starting_after\n",
        "    request_parameter: after\n    response_field: paging.cursor\n",
        1,
    )
    api.write_text(text)
    pagination = generated_pagination(mini_catalog, tmp_path)

    assert pagination.with_cursor("cursor", {"per_page": 5}, None, "c2") == ({"per_page": 5, "after": "c2"}, None)
    page = SimpleNamespace(paging=SimpleNamespace(cursor="c3"))
    assert pagination.next_cursor("cursor", page) == "c3"
    assert pagination.next_cursor("cursor", SimpleNamespace(paging=SimpleNamespace(cursor=None))) is None
    # Kinds not renamed keep the catalog's names.
    assert pagination.with_cursor("search", None, {"query": {}}, "s2") == (
        None,
        {"query": {}, "pagination": {"starting_after": "s2"}},
    )
    numbered = SimpleNamespace(pages=SimpleNamespace(page=2, total_pages=3))
    assert pagination.next_cursor("page", numbered) == 3
    assert pagination.next_cursor("page", SimpleNamespace(pages=SimpleNamespace(page=3, total_pages=3))) is None
