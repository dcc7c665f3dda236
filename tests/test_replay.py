"""Replaying a recent run: a plain regeneration from inputs a run already generated from
writes the packed trees again, byte for byte what the full run writes, without loading
the catalog; any other input gets a full run."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from intercom_gen import cli, entry, replay
from intercom_gen.cache_files import cache_base
from intercom_gen.fingerprint import Inputs, declared_versions
from intercom_gen.locations import DEFAULT_TEMPLATES
from intercom_gen.write import read_tree


class FullRunRefused(Exception):
    pass


def run(monkeypatch: pytest.MonkeyPatch, catalog: Path, out: Path, *versions: str, full: bool = True) -> None:
    """intercom-gen as its console script runs it; with full=False the full command
    line refuses to run, so only the no-op check or a replay can answer."""
    arguments = ["--catalog", str(catalog), "--out", str(out)]
    for version in versions:
        arguments += ["--version", version]

    def refuse(*args: object, **kwargs: object) -> None:
        raise FullRunRefused

    with monkeypatch.context() as patched:
        patched.setattr(sys, "argv", ["intercom-gen", *arguments])
        if not full:
            patched.setattr(cli, "main", refuse)
        try:
            entry.main()
        except SystemExit as stop:
            assert stop.code in (None, 0)


@pytest.fixture
def first_run(mini_catalog: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path, str]:
    """The mini catalog generated once for its newest version, with a private cache."""
    monkeypatch.setenv("INTERCOM_GEN_CACHE", str(tmp_path / "cache"))
    version = declared_versions(mini_catalog)[-1]
    out = tmp_path / "first"
    run(monkeypatch, mini_catalog, out, version)
    return mini_catalog, out, version


def packs() -> list[str]:
    folder = Path(cache_base()) / "trees"
    return sorted(p.name for p in folder.iterdir()) if folder.is_dir() else []


def test_a_new_output_folder_is_written_from_the_pack_without_a_full_run(
    first_run: tuple[Path, Path, str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    catalog, first, version = first_run
    capsys.readouterr()
    second = tmp_path / "second"
    monkeypatch.setenv("INTERCOM_GEN_CACHE", cache_base())
    run(monkeypatch, catalog, second, version, full=False)
    assert read_tree(second / version) == read_tree(first / version)
    files = len(read_tree(first / version))
    assert capsys.readouterr().out == f"{second / version}: {files} files, {files} file(s) changed\n"
    run(monkeypatch, catalog, second, version, full=False)  # now current: the no-op check answers
    assert capsys.readouterr().out == f"{second / version}: unchanged\n"


def test_a_hand_edit_in_the_output_is_put_right_by_the_replay(
    first_run: tuple[Path, Path, str], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    catalog, out, version = first_run
    expected = read_tree(out / version)
    edited = sorted(expected)[0]
    (out / version / edited).write_text("edited by hand\n", encoding="utf-8")
    (out / version / "left-over.txt").write_text("not ours\n", encoding="utf-8")
    capsys.readouterr()
    run(monkeypatch, catalog, out, version, full=False)
    assert read_tree(out / version) == expected
    assert capsys.readouterr().out == f"{out / version}: {len(expected)} files, 2 file(s) changed\n"


def test_changed_inputs_get_a_full_run(
    first_run: tuple[Path, Path, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    catalog, _, version = first_run
    scopes = catalog / "scopes.yaml"
    scopes.write_text(scopes.read_text(encoding="utf-8") + "\n# an edit\n", encoding="utf-8")
    with pytest.raises(FullRunRefused):
        run(monkeypatch, catalog, tmp_path / "after-edit", version, full=False)
    assert not (tmp_path / "after-edit").exists(), "nothing written before the full run"


def test_other_versions_asked_for_get_a_full_run(
    first_run: tuple[Path, Path, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    catalog, _, _ = first_run
    with pytest.raises(FullRunRefused):
        run(monkeypatch, catalog, tmp_path / "all", full=False)


@pytest.mark.parametrize("content", [b"", b"garbage", b"\xe9\x00\x01"])
def test_a_damaged_pack_is_ignored(first_run: tuple[Path, Path, str], content: bytes) -> None:
    catalog, out, version = first_run
    (pack,) = packs()
    (Path(cache_base()) / "trees" / pack).write_bytes(content)
    inputs = Inputs(catalog, DEFAULT_TEMPLATES, [version])
    assert replay.replay(out, inputs, catalog, [version]) is None


def test_a_replay_of_every_version_removes_stray_version_folders(
    mini_catalog: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("INTERCOM_GEN_CACHE", str(tmp_path / "cache"))
    run(monkeypatch, mini_catalog, tmp_path / "first")
    out = tmp_path / "second"
    (out / "0.1").mkdir(parents=True)
    (out / "not-a-version").mkdir()
    capsys.readouterr()
    run(monkeypatch, mini_catalog, out, full=False)
    assert sorted(p.name for p in out.iterdir()) == sorted([*declared_versions(mini_catalog), "not-a-version"])
    assert capsys.readouterr().out.splitlines()[-1] == f"{out / '0.1'}: removed (the catalog has no version 0.1)"


def test_only_the_most_recently_used_packs_are_kept(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("INTERCOM_GEN_CACHE", str(tmp_path / "cache"))
    catalog = tmp_path / "catalog"
    catalog.mkdir()
    made = []
    for number in range(replay.PACKS_KEPT + 2):
        (catalog / "api.yaml").write_text(f"edit: {number}\n", encoding="utf-8")
        inputs = Inputs(catalog, DEFAULT_TEMPLATES, ["1.0"])
        replay.keep(inputs, catalog, ["1.0"], {"1.0": {"a.txt": f"{number}\n"}})
        (pack,) = set(packs()) - {name for name, _ in made}
        made.append((pack, inputs))
        # Packs made within one clock tick would tie; each is made a second older than the next.
        os.utime(Path(cache_base()) / "trees" / pack, ns=(number * 10**9, number * 10**9))
    assert packs() == sorted(name for name, _ in made[2:]), "the two least recently used are gone"
    last = made[-1][1]
    assert replay.packed(last, catalog, ["1.0"]) == (["1.0"], {"1.0": {"a.txt": f"{replay.PACKS_KEPT + 1}\n"}})
    assert replay.packed(made[0][1], catalog, ["1.0"]) is None
