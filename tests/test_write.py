"""The write stage: a folder ends up holding exactly the rendered files, atomically."""

from __future__ import annotations

import ctypes
import errno
import os
import shutil
import stat
from pathlib import Path

import pytest
from click.testing import CliRunner

from intercom_gen import write
from intercom_gen.cli import main
from intercom_gen.diagnostics import OutputError
from intercom_gen.locations import DEFAULT_TEMPLATES
from intercom_gen.write import stale_files, write_tree
from tests.catalog_versions import newest

# The output folder of one version (the shipped catalog's newest, for the runs that generate).
VERSION = newest()


def test_writes_exactly_the_files_and_removes_stale_ones(tmp_path: Path) -> None:
    folder = tmp_path / VERSION
    write_tree(folder, {"a.txt": "one\n", "sub/b.txt": "two\n", "old.txt": "gone soon\n"})
    changed = write_tree(folder, {"a.txt": "one\n", "sub/b.txt": "TWO\n"})
    assert changed == ["old.txt", "sub/b.txt"]
    assert sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()) == ["a.txt", "sub/b.txt"]
    assert (folder / "sub/b.txt").read_text() == "TWO\n"
    assert [p.name for p in tmp_path.iterdir()] == [VERSION], "no temporary folder may be left behind"


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
    """The fallback swap (no renameat2): should its second rename fail, the first is undone."""
    folder = tmp_path / "out"
    write_tree(folder, {"a.txt": "previous\n"})
    real_rename = os.rename
    calls = []

    def second_rename_fails(source: str | os.PathLike[str], target: str | os.PathLike[str]) -> None:
        calls.append((source, target))
        if len(calls) == 2:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        real_rename(source, target)

    monkeypatch.setattr(write, "exchange", lambda first, second: False)
    monkeypatch.setattr(write.os, "rename", second_rename_fails)
    with pytest.raises(OutputError, match="No space left on device"):
        write_tree(folder, {"a.txt": "next\n"})
    assert len(calls) == 3, "moved aside, failed to move in, moved back"
    assert (folder / "a.txt").read_text() == "previous\n"
    assert [p.name for p in tmp_path.iterdir()] == ["out"]


def test_a_refused_exchange_leaves_the_previous_tree_and_no_staging_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "out"
    write_tree(folder, {"a.txt": "previous\n"})

    def busy(first: Path, second: Path) -> bool:
        raise OSError(errno.EBUSY, os.strerror(errno.EBUSY), str(second), None, str(first))

    monkeypatch.setattr(write, "exchange", busy)
    with pytest.raises(OutputError) as raised:
        write_tree(folder, {"a.txt": "next\n"})
    assert str(raised.value) == f"could not write {folder}: Device or resource busy; the previous output is unchanged"
    assert (folder / "a.txt").read_text() == "previous\n"
    assert [p.name for p in tmp_path.iterdir()] == ["out"]


def test_the_swap_is_one_exchange_on_linux(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    if write._renameat2() is None:
        pytest.skip("renameat2 is not available here")
    folder = tmp_path / "out"
    write_tree(folder, {"a.txt": "previous\n"})
    inode = os.stat(folder).st_ino

    def no_rename(source: object, target: object) -> None:
        raise AssertionError("the exchange needs no rename")

    monkeypatch.setattr(write.os, "rename", no_rename)
    assert write_tree(folder, {"a.txt": "next\n"}) == ["a.txt"]
    assert (folder / "a.txt").read_text() == "next\n"
    assert os.stat(folder).st_ino != inode
    assert [p.name for p in tmp_path.iterdir()] == ["out"]


def test_a_filesystem_refusing_the_exchange_gets_the_rename_sequence(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuses(*arguments: object) -> int:
        ctypes.set_errno(errno.EINVAL)
        return -1

    monkeypatch.setattr(write, "_renameat2", lambda: refuses)
    first, second = tmp_path / "first", tmp_path / "second"
    first.mkdir()
    second.mkdir()
    assert write.exchange(first, second) is False
    folder = tmp_path / "out"
    write_tree(folder, {"a.txt": "previous\n"})
    assert write_tree(folder, {"a.txt": "next\n"}) == ["a.txt"]
    assert (folder / "a.txt").read_text() == "next\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["first", "out", "second"]


def test_exchange_swaps_two_folders_or_raises_the_os_error(tmp_path: Path) -> None:
    if write._renameat2() is None:
        pytest.skip("renameat2 is not available here")
    first, second = tmp_path / "first", tmp_path / "second"
    first.mkdir()
    second.mkdir()
    (first / "one").write_text("1")
    (second / "two").write_text("2")
    assert write.exchange(first, second) is True
    assert [p.name for p in first.iterdir()] == ["two"] and [p.name for p in second.iterdir()] == ["one"]
    with pytest.raises(FileNotFoundError):
        write.exchange(first, tmp_path / "missing")


def test_new_folders_get_the_umask_mode_not_a_private_one(tmp_path: Path) -> None:
    umask = os.umask(0o022)
    os.umask(umask)
    write_tree(tmp_path / "out", {"sub/a.txt": "a\n"})
    for path in (tmp_path / "out", tmp_path / "out" / "sub"):
        assert stat.S_IMODE(os.stat(path).st_mode) == 0o777 & ~umask
    assert stat.S_IMODE(os.stat(tmp_path / "out/sub/a.txt").st_mode) == 0o666 & ~umask


def test_recovery_puts_back_a_tree_moved_aside_and_deletes_every_other_leftover(tmp_path: Path) -> None:
    """Leftovers in both naming schemes: this one's random tokens and the pid suffix of
    earlier versions, whose `.old-<pid>` made every later run with that pid fail."""
    folder = tmp_path / VERSION
    write_tree(folder, {"a.txt": "previous\n"})
    os.rename(folder, tmp_path / f".{VERSION}.old-4242")
    (tmp_path / f".{VERSION}.new-9a8b7c6d5e4f").mkdir()
    (tmp_path / f".{VERSION}.new-9a8b7c6d5e4f" / "a.txt").write_text("half written")
    (tmp_path / ".2.1.old-1").mkdir()  # another version's: not ours to touch
    write.recover(folder)
    assert stale_files(folder, {"a.txt": "previous\n"}) == []
    assert sorted(p.name for p in tmp_path.iterdir()) == [".2.1.old-1", VERSION]
    for leftover in (f".{VERSION}.old-4242", f".{VERSION}.new-0123", f".{VERSION}.old-abcdef"):
        (tmp_path / leftover).mkdir()
        (tmp_path / leftover / "a.txt").write_text("stale")
    (tmp_path / f".{VERSION}.new-link").symlink_to(tmp_path / "nowhere")
    assert write_tree(folder, {"a.txt": "next\n"}) == ["a.txt"]
    assert sorted(p.name for p in tmp_path.iterdir()) == [".2.1.old-1", VERSION]


def test_files_that_are_not_utf8_are_compared_as_bytes(tmp_path: Path) -> None:
    folder = tmp_path / VERSION
    write_tree(folder, {"index.md": "caf\u00e9\n"})
    (folder / "site").mkdir()
    (folder / "site" / "logo.png").write_bytes(b"\x89PNG\r\n\x1a\n\xff\xfe")
    assert write.read_tree(folder)["site/logo.png"] == b"\x89PNG\r\n\x1a\n\xff\xfe"
    assert stale_files(folder, {"index.md": "caf\u00e9\n"}) == ["site/logo.png"]
    (folder / "index.md").write_bytes("caf\u00e9\n".encode("latin-1"))
    assert stale_files(folder, {"index.md": "caf\u00e9\n"}) == ["index.md", "site/logo.png"]
    assert write_tree(folder, {"index.md": "caf\u00e9\n"}) == ["index.md", "site/logo.png"]
    assert write.read_tree(folder) == {"index.md": "caf\u00e9\n".encode()}


def test_a_longer_or_shorter_file_is_changed(tmp_path: Path) -> None:
    folder = tmp_path / "out"
    write_tree(folder, {"a.txt": "abc"})
    assert stale_files(folder, {"a.txt": "ab"}) == ["a.txt"]
    assert stale_files(folder, {"a.txt": "abcd"}) == ["a.txt"]
    assert stale_files(folder, {"a.txt": "abc"}) == []


def test_a_failing_template_is_an_internal_error_and_writes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    templates = tmp_path / "templates"
    shutil.copytree(DEFAULT_TEMPLATES, templates)
    (templates / "catalog" / "broken.md.jinja").write_text("{{ view.no_such_thing }}\n")
    out = tmp_path / "generated"
    (out / VERSION).mkdir(parents=True)
    (out / VERSION / "catalog.json").write_text("previous\n")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["--version", VERSION, "--out", "generated", "--templates", "templates"])
    assert result.exit_code == 3
    assert "internal error" in result.stderr and "broken.md.jinja" in result.stderr
    assert "Traceback" not in result.output
    assert (out / VERSION / "catalog.json").read_text() == "previous\n"
    assert sorted(p.name for p in (out / VERSION).iterdir()) == ["catalog.json"]


def test_a_tree_staged_in_parts_is_swapped_in_whole(tmp_path: Path) -> None:
    """Several versions staged at once in one folder (one lock, held by this process for
    all of them); each appears only at its commit, with every part."""
    write_tree(tmp_path / "a", {"kept.txt": "same\n", "old.txt": "old\n"})
    first, second = write.StagedTree(tmp_path / "a"), write.StagedTree(tmp_path / "b")
    try:
        first.add({"kept.txt": "same\n"})
        second.add({"x.txt": "x\n"})
        assert (tmp_path / "a" / "old.txt").is_file() and not (tmp_path / "b").exists(), "nothing shows before commit"
        first.add({"new/part.txt": "later\n"})
        assert first.commit() == ["new/part.txt", "old.txt"]
        second.add({"y/z.txt": "z\n"})
        assert second.commit() == ["x.txt", "y/z.txt"]
    finally:
        first.close()
        second.close()
    assert sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*") if p.is_file()) == [
        "a/kept.txt",
        "a/new/part.txt",
        "b/x.txt",
        "b/y/z.txt",
    ]
    assert write._held == {}, "the lock is released"


def test_a_staged_tree_closed_uncommitted_leaves_the_folder_as_it_was(tmp_path: Path) -> None:
    folder = tmp_path / VERSION
    write_tree(folder, {"a.txt": "one\n"})
    before = os.stat(folder / "a.txt")
    tree = write.StagedTree(folder)
    tree.add({"a.txt": "changed\n", "b.txt": "new\n"})
    assert any(p.name.startswith(f".{VERSION}.new-") for p in tmp_path.iterdir()), "the parts are staged beside it"
    tree.close()
    assert [p.name for p in tmp_path.iterdir()] == [VERSION]
    assert (folder / "a.txt").read_text() == "one\n" and os.stat(folder / "a.txt").st_ino == before.st_ino
    assert not (folder / "b.txt").exists()


def test_an_unchanged_tree_stages_nothing(tmp_path: Path) -> None:
    folder = tmp_path / VERSION
    write_tree(folder, {"a.txt": "one\n", "sub/b.txt": "two\n"})
    tree = write.StagedTree(folder)
    tree.add({"a.txt": "one\n", "sub/b.txt": "two\n"})
    assert [p.name for p in tmp_path.iterdir()] == [VERSION], "no tree is made until a file differs"
    assert tree.commit() == []
