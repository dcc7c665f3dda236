"""The load cache: a catalog file read back from the last load is the data a fresh parse
gives, positions included; an edited file is parsed again, and a damaged or foreign
cache file is ignored."""

from __future__ import annotations

import pickle
from pathlib import Path
from typing import Any

import pytest

from intercom_gen import load
from intercom_gen.diagnostics import CatalogError
from intercom_gen.load_cache import LoadCache
from intercom_gen.pipeline import resolve_catalog


@pytest.fixture(autouse=True)
def private_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("INTERCOM_GEN_CACHE", str(folder / "black"))
    return folder


def positions(value: Any) -> Any:
    """The data with every position it carries, as plain values, to compare two loads."""
    if isinstance(value, dict):
        lc = value.lc
        return ("map", lc.line, lc.col, sorted(lc.keys.items()), sorted(lc.values.items()), {k: positions(v) for k, v in value.items()})
    if isinstance(value, list):
        return ("list", value.lc.line, value.lc.col, list(value.lc.items), [positions(v) for v in value])
    return value


def parses(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The texts the loader parses from here on (the cache serves the others)."""
    parsed: list[str] = []
    build = load.DocumentBuilder.build

    def counted(self: load.DocumentBuilder, text: str) -> Any:
        parsed.append(text)
        return build(self, text)

    monkeypatch.setattr(load.DocumentBuilder, "build", counted)
    return parsed


def test_a_second_load_parses_nothing_and_reads_the_same_data(mini_catalog: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first = load.load_catalog(mini_catalog)
    parsed = parses(monkeypatch)
    second = load.load_catalog(mini_catalog)
    assert parsed == []
    assert [d.relative for d in second.documents] == [d.relative for d in first.documents]
    for before, after in zip(first.documents, second.documents, strict=True):
        assert positions(after.data) == positions(before.data), after.relative


def test_an_edited_file_is_parsed_again_and_its_problem_located(mini_catalog: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    resolve_catalog(mini_catalog)
    scopes = mini_catalog / "scopes.yaml"
    scopes.write_text(scopes.read_text(encoding="utf-8") + "\nunexpected_key: 1\n", encoding="utf-8")
    parsed = parses(monkeypatch)
    with pytest.raises(CatalogError) as raised:
        resolve_catalog(mini_catalog)
    assert len(parsed) == 1 and "unexpected_key" in parsed[0]
    line = len(scopes.read_text(encoding="utf-8").splitlines())
    assert any(d.location.file.endswith("scopes.yaml") and d.location.line == line for d in raised.value.diagnostics), [
        str(d) for d in raised.value.diagnostics
    ]


def test_a_problem_in_an_unchanged_file_keeps_its_position(mini_catalog: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A file that fails validation (not parsing) is cached like any other: its second
    load, from the cache, reports the same file:line:col."""
    contacts = mini_catalog / "endpoints" / "contacts.yaml"
    contacts.write_text(contacts.read_text(encoding="utf-8").replace("method: GET", "method: FETCH", 1), encoding="utf-8")
    reports = []
    for _ in range(2):
        with pytest.raises(CatalogError) as raised:
            resolve_catalog(mini_catalog)
        reports.append([str(d) for d in raised.value.diagnostics])
    assert reports[0] == reports[1] and any("FETCH" in line and "contacts.yaml:" in line for line in reports[0]), reports


@pytest.mark.parametrize(
    "content",
    [b"", b"not a pickle", pickle.dumps(("another loader", {"x": 1})), pickle.dumps(["a", "list"])],
    ids=["empty", "garbage", "other-loader", "other-shape"],
)
def test_a_damaged_cache_file_is_ignored(mini_catalog: Path, private_cache: Path, content: bytes) -> None:
    expected = [positions(d.data) for d in load.load_catalog(mini_catalog).documents]
    cache = LoadCache()
    cache.path.write_bytes(content)
    assert [positions(d.data) for d in load.load_catalog(mini_catalog).documents] == expected
    assert LoadCache().entries, "the damaged file was replaced by a good one"
