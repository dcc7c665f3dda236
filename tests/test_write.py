"""The write stage: a folder ends up holding exactly the rendered files, atomically."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator import write
from generator.cli import main
from generator.locations import DEFAULT_TEMPLATES
from generator.write import stale_files, write_tree


def test_writes_exactly_the_files_and_removes_stale_ones(tmp_path: Path) -> None:
    folder = tmp_path / "2.15"
    write_tree(folder, {"a.txt": "one\n", "sub/b.txt": "two\n", "old.txt": "gone soon\n"})
    changed = write_tree(folder, {"a.txt": "one\n", "sub/b.txt": "TWO\n"})
    assert changed == ["old.txt", "sub/b.txt"]
    assert sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()) == ["a.txt", "sub/b.txt"]
    assert (folder / "sub/b.txt").read_text() == "TWO\n"
    assert [p.name for p in tmp_path.iterdir()] == ["2.15"], "no temporary folder may be left behind"


def test_unchanged_files_are_not_touched(tmp_path: Path) -> None:
    folder = tmp_path / "out"
    write_tree(folder, {"same.txt": "same\n", "other.txt": "v1\n"})
    before = os.stat(folder / "same.txt")
    assert write_tree(folder, {"same.txt": "same\n", "other.txt": "v2\n"}) == ["other.txt"]
    after = os.stat(folder / "same.txt")
    assert (after.st_ino, after.st_mtime_ns) == (before.st_ino, before.st_mtime_ns)
    assert write_tree(folder, {"same.txt": "same\n", "other.txt": "v2\n"}) == []


def test_a_failure_while_building_leaves_the_previous_tree(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "out"
    write_tree(folder, {"a.txt": "previous\n"})

    def broken_link(source: object, target: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(write.os, "link", broken_link)
    with pytest.raises(KeyboardInterrupt):
        write_tree(folder, {"a.txt": "previous\n", "b.txt": "new\n"})
    assert stale_files(folder, {"a.txt": "previous\n"}) == []
    assert [p.name for p in tmp_path.iterdir()] == ["out"]


def test_a_failed_swap_puts_the_previous_tree_back(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "out"
    write_tree(folder, {"a.txt": "previous\n"})
    real_replace = os.replace
    calls = []

    def second_rename_fails(source: str | os.PathLike[str], target: str | os.PathLike[str]) -> None:
        calls.append((source, target))
        if len(calls) == 2:
            raise OSError("disk full")
        real_replace(source, target)

    monkeypatch.setattr(write.os, "replace", second_rename_fails)
    with pytest.raises(OSError, match="disk full"):
        write_tree(folder, {"a.txt": "next\n"})
    assert (folder / "a.txt").read_text() == "previous\n"
    assert [p.name for p in tmp_path.iterdir()] == ["out"]


def test_a_failing_template_is_an_internal_error_and_writes_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    templates = tmp_path / "templates"
    shutil.copytree(DEFAULT_TEMPLATES, templates)
    (templates / "broken.md.jinja").write_text("{{ view.no_such_thing }}\n")
    out = tmp_path / "generated"
    (out / "2.15").mkdir(parents=True)
    (out / "2.15" / "catalog.json").write_text("previous\n")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["--version", "2.15", "--out", "generated", "--templates", "templates"])
    assert result.exit_code == 3
    assert "internal error" in result.stderr and "broken.md.jinja" in result.stderr
    assert "Traceback" not in result.output
    assert (out / "2.15" / "catalog.json").read_text() == "previous\n"
    assert sorted(p.name for p in (out / "2.15").iterdir()) == ["catalog.json"]
