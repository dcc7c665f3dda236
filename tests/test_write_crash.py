"""A write killed (SIGKILL) at any step leaves the complete previous tree or the complete
new one, and the next run finishes the job and leaves no stray folder.

Each kill is of a forked child that writes a tree and kills itself just before its Nth
change to the filesystem (a folder or file made, written, linked, renamed, exchanged or
deleted), for every N until the child gets to the end. The real code runs unmodified;
the child only counts the calls it makes into the os module."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import traceback
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any, NoReturn

import pytest

from intercom_gen import write
from intercom_gen.write import write_tree
from tests.catalog_versions import versions_of

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork and SIGKILL")

ROOT = Path(__file__).resolve().parent.parent
MINI_CATALOG = ROOT / "tests" / "fixtures" / "mini"
# The fixture catalog's newest version: the one its runs write.
VERSION = versions_of(MINI_CATALOG)[-1]

OLD = {"a.txt": "a, before\n", "same.txt": "unchanged\n", "sub/gone.txt": "removed\n"}
NEW = {"a.txt": "a, after\n", "same.txt": "unchanged\n", "sub/deep/added.txt": "added\n", "empty.txt": ""}
NEWER = {"a.txt": "a, third\n", "same.txt": "unchanged\n", "other/b.txt": "b\n"}

# The os functions through which a write changes the filesystem (shutil and tempfile
# call them too); os.open counts only when it can create or write.
CHANGES = ("mkdir", "open", "write", "link", "symlink", "rename", "replace", "unlink", "rmdir", "truncate")
Tree = dict[str, bytes]

survived: dict[str, int] = {}


def snapshot(folder: Path) -> Tree | None:
    """Every folder and file below `folder`, with the files' bytes; None if it is missing."""
    if not os.path.lexists(folder):
        return None
    tree = {}
    for path in sorted(folder.rglob("*")):
        relative = path.relative_to(folder).as_posix()
        tree[relative + "/" if path.is_dir() else relative] = b"" if path.is_dir() else path.read_bytes()
    return tree


def expected(files: Mapping[str, str] | None) -> Tree | None:
    """What `snapshot` shows of a folder written with `files`."""
    if files is None:
        return None
    tree = {relative: text.encode() for relative, text in files.items()}
    for relative in files:
        parts = relative.split("/")[:-1]
        for depth in range(1, len(parts) + 1):
            tree["/".join(parts[:depth]) + "/"] = b""
    return dict(sorted(tree.items()))


def as_recovery_leaves_it(folder: Path) -> Tree | None:
    """What the next run will find at `folder` once its recovery is done, worked out
    independently of write.recover: the folder if it is there, else the one previous
    tree the fallback swap moved aside, else nothing."""
    if os.path.lexists(folder) or not folder.parent.exists():
        return snapshot(folder)
    moved_aside = [p for p in folder.parent.iterdir() if p.name.startswith(f".{folder.name}.old-")]
    assert len(moved_aside) <= 1, moved_aside
    return snapshot(moved_aside[0]) if moved_aside else None


def refuses_the_exchange() -> Callable[..., int]:
    """A renameat2 that answers as a filesystem without RENAME_EXCHANGE does."""
    import ctypes
    import errno

    def renameat2(*arguments: Any) -> int:
        ctypes.set_errno(errno.EINVAL)
        return -1

    return renameat2


def _die_at(step: int, fallback: bool) -> Callable[[], int]:
    """In the child: arrange to be killed just before its `step`th change (0: never);
    returns a function counting the changes so far."""
    count = 0

    def change() -> None:
        nonlocal count
        count += 1
        if count == step:
            os.kill(os.getpid(), signal.SIGKILL)

    def changes() -> int:
        return count

    def counting(name: str, real: Callable[..., Any]) -> Callable[..., Any]:
        def wrapper(*arguments: Any, **keywords: Any) -> Any:
            flags = arguments[1] if len(arguments) > 1 else keywords.get("flags", 0)
            if name != "open" or flags & (os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_TRUNC):
                change()
            return real(*arguments, **keywords)

        return wrapper

    for name in CHANGES:
        setattr(os, name, counting(name, getattr(os, name)))
    if fallback:
        write._renameat2 = refuses_the_exchange  # type: ignore[assignment]
        return changes
    real_exchange = write.exchange

    def exchange(first: Path, second: Path) -> bool:
        change()
        return real_exchange(first, second)

    write.exchange = exchange  # type: ignore[assignment]
    return changes


def _child(step: int, fallback: bool, folder: Path, files: Mapping[str, str] | None) -> NoReturn:
    """Write `files`, or with None only recover and exit with the number of changes made."""
    status = 0
    try:
        changes = _die_at(step, fallback)
        if files is None:
            write.recover(folder)
            status = changes()
        else:
            write_tree(folder, files)
    except BaseException:
        traceback.print_exc()
        status = 255
    finally:
        os._exit(status)


def in_a_child(step: int, fallback: bool, folder: Path, files: Mapping[str, str] | None) -> int | None:
    """Run `_child` in a forked process: None if it was killed, else its exit status."""
    pid = os.fork()
    if pid == 0:
        _child(step, fallback, folder, files)
    _, status = os.waitpid(pid, 0)
    if os.WIFSIGNALED(status):
        assert os.WTERMSIG(status) == signal.SIGKILL
        return None
    code = os.waitstatus_to_exitcode(status)
    assert code != 255, "the child failed; its traceback is in the captured stderr"
    return code


def killed_writing(step: int, fallback: bool, folder: Path, files: Mapping[str, str]) -> bool:
    """Write `files` to `folder` in a child killed before its `step`th change: True if it
    was killed, False if it finished first."""
    code = in_a_child(step, fallback, folder, files)
    assert code in (None, 0)
    return code is None


def changes_to_recover(fallback: bool, folder: Path) -> int:
    code = in_a_child(0, fallback, folder, None)
    assert code is not None
    return code


def strays(folder: Path) -> list[str]:
    if not folder.parent.exists():
        return []
    return sorted(p.name for p in folder.parent.iterdir() if p.name != folder.name)


def start_from(folder: Path, files: Mapping[str, str] | None) -> None:
    if folder.parent.exists():
        write._remove(folder.parent)
    if files is not None:
        write_tree(folder, files)
        assert snapshot(folder) == expected(files)


def check_the_next_run(folder: Path, files: Mapping[str, str]) -> None:
    write_tree(folder, files)
    assert snapshot(folder) == expected(files)
    assert strays(folder) == [], "the next run leaves no stray folder"


@pytest.mark.parametrize("fallback", [False, True], ids=["exchange", "fallback"])
@pytest.mark.parametrize("previous", [OLD, None], ids=["replacing", "first-write"])
def test_a_kill_at_every_step_leaves_the_old_or_the_new_tree(
    tmp_path: Path, fallback: bool, previous: dict[str, str] | None
) -> None:
    if not fallback and write._renameat2() is None:
        pytest.skip("renameat2 is not available here")
    folder = tmp_path / "generated" / VERSION
    allowed = (expected(previous), expected(NEW))
    seen = set()
    step = 0
    while True:
        step += 1
        start_from(folder, previous)
        if not killed_writing(step, fallback, folder, NEW):
            break
        if not fallback:
            # One exchange: out/<version> is never missing, never a mixture.
            assert snapshot(folder) in allowed, f"killed before change {step}"
        found = as_recovery_leaves_it(folder)
        assert found in allowed, f"killed before change {step}"
        seen.add(allowed.index(found))
        write.recover(folder)
        assert snapshot(folder) == found and strays(folder) == []
        check_the_next_run(folder, NEW)
    assert snapshot(folder) == expected(NEW) and strays(folder) == [], "the unkilled child finished the job"
    # A first write's last change is its rename: no kill comes after it.
    assert seen == ({0, 1} if previous else {0}), "kills came both before and after the swap"
    survived[f"{'fallback' if fallback else 'exchange'}, {'replacing' if previous else 'first write'}"] = step - 1


@pytest.mark.parametrize("fallback", [False, True], ids=["exchange", "fallback"])
def test_a_second_kill_during_the_recovery_of_the_first(tmp_path: Path, fallback: bool) -> None:
    """Kill a write at every step; then kill the next write (of a third tree) at every
    step of its recovery and at its first change after: still the old, the new or the
    third tree. (Its later steps are those the test above kills at.)"""
    if not fallback and write._renameat2() is None:
        pytest.skip("renameat2 is not available here")
    folder = tmp_path / "generated" / VERSION
    kills = 0
    first = 0
    while True:
        first += 1
        start_from(folder, OLD)
        if not killed_writing(first, fallback, folder, NEW):
            break
        kills += 1
        between = as_recovery_leaves_it(folder)
        assert between in (expected(OLD), expected(NEW))
        recovery = changes_to_recover(fallback, folder)
        for second in range(1, recovery + 2):
            start_from(folder, OLD)
            assert killed_writing(first, fallback, folder, NEW)
            if not killed_writing(second, fallback, folder, NEWER):
                break
            kills += 1
            found = as_recovery_leaves_it(folder)
            assert found in (between, expected(NEWER)), f"killed before changes {first} and {second}"
            check_the_next_run(folder, NEWER)
    survived[f"{'fallback' if fallback else 'exchange'}, killed twice"] = kills


# The real command line, killed in the middle of its swap.

KILLER = """
import os, signal, sys
from pathlib import Path
from intercom_gen import write

where = os.environ["KILL_AT"]

def die():
    os.kill(os.getpid(), signal.SIGKILL)

real_exchange, real_rename = write.exchange, os.rename

def exchange(first, second):
    if where == "fallback":
        return False
    if where == "before exchange":
        die()
    swapped = real_exchange(first, second)
    if where == "after exchange":
        die()
    return swapped

def rename(source, target):
    if where == "fallback" and ".new-" in Path(source).name:
        die()  # out/<version> has been moved aside; the new tree is not yet in place
    real_rename(source, target)

write.exchange = exchange
os.rename = rename
from intercom_gen.entry import main
main()
"""


@pytest.fixture(scope="module")
def runs(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, Tree | None]:
    """A cache shared by the module's runs (black formats once), a catalog, and two trees
    from the real command line: the previous output, written from the catalog with one
    title different, and the output the catalog makes now."""
    base = tmp_path_factory.mktemp("runs")
    cache, catalog, previous = base / "cache", base / "catalog", base / "previous"
    shutil.copytree(MINI_CATALOG, previous / "catalog")
    api = previous / "catalog" / "api.yaml"
    api.write_text(api.read_text().replace("title: Australia", "title: Australia and New Zealand"))
    shutil.copytree(MINI_CATALOG, catalog)
    for source, out in ((previous / "catalog", previous / "out"), (catalog, base / "current")):
        run = intercom_gen(cache, "--catalog", str(source), "--version", VERSION, "--out", str(out))
        assert run.returncode == 0, run.stderr
    assert snapshot(previous / "out" / VERSION) != snapshot(base / "current" / VERSION)
    return cache, catalog, snapshot(base / "current" / VERSION)


def intercom_gen(cache: Path, *arguments: str, kill_at: str = "") -> subprocess.CompletedProcess[str]:
    environment = {**os.environ, "INTERCOM_GEN_CACHE": str(cache)}
    if kill_at:
        environment["KILL_AT"] = kill_at
        command = [sys.executable, "-c", KILLER, *arguments]
    else:
        command = [str(Path(sys.executable).parent / "intercom-gen"), *arguments]
    return subprocess.run(command, env=environment, capture_output=True, text=True, check=False)


@pytest.mark.parametrize("kill_at", ["before exchange", "after exchange", "fallback"])
def test_the_command_line_killed_in_its_swap(
    tmp_path: Path, runs: tuple[Path, Path, Tree | None], kill_at: str
) -> None:
    if kill_at != "fallback" and write._renameat2() is None:
        pytest.skip("renameat2 is not available here")
    cache, catalog, new = runs
    out = tmp_path / "out"
    shutil.copytree(catalog.parent / "previous" / "out", out)
    old = snapshot(out / VERSION)
    arguments = ("--catalog", str(catalog), "--version", VERSION, "--out", str(out))
    killed = intercom_gen(cache, *arguments, kill_at=kill_at)
    assert killed.returncode == -signal.SIGKILL, killed.stderr
    found = as_recovery_leaves_it(out / VERSION)
    assert found == (new if kill_at == "after exchange" else old)
    if kill_at != "fallback":
        assert snapshot(out / VERSION) == found, f"out/{VERSION} was there all along"
    assert strays(out / VERSION), "the kill left the swap's folders behind"
    after = intercom_gen(cache, *arguments)
    assert after.returncode == 0 and "Traceback" not in after.stderr, after.stderr
    assert snapshot(out / VERSION) == new
    assert sorted(p.name for p in out.iterdir()) == [VERSION], "no stray folder is left"
    survived[f"command line, {kill_at}"] = 1


def test_report_the_kills_survived() -> None:
    """Prints the tally of the tests above (run with -s to see it)."""
    if survived:
        print("\nkills survived:", json.dumps(survived, indent=1), "total", sum(survived.values()))
