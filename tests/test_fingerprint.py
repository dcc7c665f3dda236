"""The no-op check: a stamp of the inputs and outputs by path, size and modification time,
settled by the inputs' content when only times moved."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from intercom_gen.fingerprint import Inputs, is_current, record, run_inputs, stamp_file
from intercom_gen.locations import DEFAULT_TEMPLATES


@pytest.fixture
def stamped(mini_catalog: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path, list[Path]]:
    monkeypatch.setenv("INTERCOM_GEN_CACHE", str(tmp_path / "cache"))
    out = tmp_path / "out"
    folders = [out / "1.0"]
    (out / "1.0" / "sub").mkdir(parents=True)
    (out / "1.0" / "a.txt").write_text("a\n")
    (out / "1.0" / "sub" / "b.txt").write_text("b\n")
    record(out, Inputs(mini_catalog, DEFAULT_TEMPLATES, ["1.0"]), folders)
    return mini_catalog, out, folders


def current(catalog: Path, out: Path, folders: list[Path]) -> bool:
    return is_current(out, Inputs(catalog, DEFAULT_TEMPLATES, ["1.0"]), folders)


def test_an_untouched_run_is_current(stamped: tuple[Path, Path, list[Path]]) -> None:
    assert current(*stamped)
    catalog, out, folders = stamped
    assert not is_current(out, Inputs(catalog, DEFAULT_TEMPLATES, ["2.0"]), folders), "other versions asked for"


def test_a_touched_but_unchanged_input_is_current_and_listed_anew(stamped: tuple[Path, Path, list[Path]]) -> None:
    catalog, out, folders = stamped
    scopes = catalog / "scopes.yaml"
    os.utime(scopes, ns=(scopes.stat().st_atime_ns, scopes.stat().st_mtime_ns + 5_000_000_000))
    inputs = Inputs(catalog, DEFAULT_TEMPLATES, ["1.0"])
    assert is_current(out, inputs, folders)
    assert inputs.listing in Path(stamp_file(out)).read_text(encoding="utf-8"), "the stamp lists the input as it is now"


def test_an_edited_input_is_not_current(stamped: tuple[Path, Path, list[Path]]) -> None:
    catalog, _, _ = stamped
    (catalog / "scopes.yaml").write_text((catalog / "scopes.yaml").read_text() + "\n# edited\n")
    assert not current(*stamped)


@pytest.mark.parametrize("change", ["edit", "add", "remove"])
def test_a_changed_output_is_not_current(stamped: tuple[Path, Path, list[Path]], change: str) -> None:
    _, out, _ = stamped
    if change == "edit":
        (out / "1.0" / "a.txt").write_text("a, edited by hand\n")
    elif change == "add":
        (out / "1.0" / "sub" / "c.txt").write_text("c\n")
    else:
        (out / "1.0" / "sub" / "b.txt").unlink()
    assert not current(*stamped)


@pytest.mark.parametrize("content", ["", "format 1\n2", "garbage", "format 999\n"])
def test_a_damaged_or_foreign_stamp_is_not_current(stamped: tuple[Path, Path, list[Path]], content: str) -> None:
    _, out, _ = stamped
    Path(stamp_file(out)).write_text(content, encoding="utf-8")
    assert not current(*stamped)


def test_a_stamp_is_for_one_folder_only(stamped: tuple[Path, Path, list[Path]], tmp_path: Path) -> None:
    """Stamp files are named by a short checksum of the folder, so two folders may share
    one: a stamp found under another folder's name does not make that folder current."""
    catalog, out, _ = stamped
    other = tmp_path / "elsewhere"
    (other / "1.0").mkdir(parents=True)
    for name in ("a.txt", "sub/b.txt"):
        (other / "1.0" / name).parent.mkdir(parents=True, exist_ok=True)
        os.link(out / "1.0" / name, other / "1.0" / name)  # the same files, times and sizes
    Path(stamp_file(other)).write_text(Path(stamp_file(out)).read_text(encoding="utf-8"), encoding="utf-8")
    assert not is_current(other, Inputs(catalog, DEFAULT_TEMPLATES, ["1.0"]), [other / "1.0"])


def test_a_run_lists_and_digests_its_inputs_once_unless_they_change(stamped: tuple[Path, Path, list[Path]]) -> None:
    """generator.entry lists the inputs for its checks; the full run it hands over to
    takes the same listing, digest and all, unless a file changed in between."""
    catalog, _, _ = stamped
    first = run_inputs(catalog, DEFAULT_TEMPLATES, ["1.0"])
    digest = first.digest()
    assert run_inputs(os.fspath(catalog), os.fspath(DEFAULT_TEMPLATES), ["1.0"]) is first
    assert run_inputs(catalog, DEFAULT_TEMPLATES, ["2.0"]) is not first, "other versions asked for"
    (catalog / "scopes.yaml").write_text((catalog / "scopes.yaml").read_text() + "\n# edited\n")
    changed = run_inputs(catalog, DEFAULT_TEMPLATES, ["1.0"])
    assert changed is not first and changed.digest() != digest
