"""Write a rendered tree atomically: build it beside the target, then swap it in.

A kill at any instant leaves OUT/<version> holding either the complete previous tree
or the complete new one. Two kinds of folder may be left beside it, named for what
recovery must do with them (a recovery runs at the start of every write):

* `.<version>.new-<token>`: a tree being built, or, once exchanged, the previous
  tree on its way out. Never needed again: deleted.
* `.<version>.old-<token>`: the complete previous tree, moved aside by the fallback
  swap. Put back if OUT/<version> is missing (the kill came between the two
  renames), deleted otherwise.

On Linux the swap is one renameat2(RENAME_EXCHANGE), so OUT/<version> is never
missing. Where that call is not available (macOS, a filesystem refusing it) the swap
is two renames: OUT/<version> to `.old-`, then `.new-` to OUT/<version>.

Writes to one folder are serialised with an advisory lock on the folder holding
OUT/<version>, so a recovery never mistakes another run's tree in progress for a
leftover. The kernel drops the lock when its process dies, however it dies.

Every OSError is raised as an OutputError naming the path and the OS's reason.
Nothing is fsynced: the guarantee covers a killed process, not a power cut."""

from __future__ import annotations

import errno
import os
import shutil
import sys
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import ExitStack, contextmanager, suppress
from functools import cache
from pathlib import Path

from .diagnostics import OutputError

if sys.platform != "win32":
    import fcntl

AT_FDCWD = -100
RENAME_EXCHANGE = 2
# What renameat2 answers when the kernel, the C library or the filesystem cannot exchange.
EXCHANGE_UNSUPPORTED = frozenset({errno.EINVAL, errno.ENOSYS, errno.EOPNOTSUPP, errno.ENOTSUP})

# A new file, written in binary (O_BINARY matters on Windows only) and not inherited.
WRITE_FLAGS = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0)

Renameat2 = Callable[[int, bytes, int, bytes, int], int]


def read_tree(folder: Path) -> dict[str, bytes]:
    """Every file below `folder` by its relative POSIX path, as bytes: an output tree
    may hold anything (a site someone built into it, an image), not only text."""
    return {relative: Path(path).read_bytes() for relative, path in _files_below(folder).items()}


def stale_files(folder: Path, files: Mapping[str, str]) -> list[str]:
    """Paths that differ between `folder` and `files`: changed, missing or left over."""
    try:
        return _changed(folder, _encoded(files))
    except OSError as error:
        raise OutputError(str(folder), f"could not read {folder}: {_reason(error)}") from error


def write_tree(folder: Path, files: Mapping[str, str]) -> list[str]:
    """Make `folder` hold exactly `files`; returns the paths that changed.

    Unchanged files are hard-linked into the new tree, so they keep their inode and
    modification time. Any failure leaves `folder` exactly as it was."""
    tree = StagedTree(folder)
    try:
        tree.add(files)
        return tree.commit()
    finally:
        tree.close()


class StagedTree:
    """`folder`'s next contents, built beside it in parts: add() puts files in as they
    come (the pipeline has its rendered files well before its models), commit() swaps
    the whole tree in, or drops it when nothing changed; close() drops what was not
    committed. The tree beside `folder` is made only once a file differs, and from
    creation to close the folder holding `folder` is locked."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._lock = ExitStack()
        self._staging: Path | None = None
        self._made = {""}
        self._pending: list[tuple[str, bytes]] = []  # unchanged, linked in once staging exists
        self._added: set[str] = set()
        self._changed: set[str] = set()
        with self._errors():
            if os.path.lexists(folder) and not folder.is_dir():
                raise _not_a_folder(folder)
            try:
                folder.parent.mkdir(parents=True, exist_ok=True)
            except (FileExistsError, NotADirectoryError) as error:  # a file where a folder should be
                raise _not_a_folder(folder) from error
            self._lock.enter_context(_locked(folder.parent))
            recover(folder)
            self._current = _files_below(folder)

    def add(self, files: Mapping[str, str]) -> None:
        with self._errors():
            for relative, data in _encoded(files).items():
                self._added.add(relative)
                path = self._current.get(relative)
                if path is not None and _holds(path, data):
                    if self._staging is None:
                        self._pending.append((relative, data))
                    else:
                        self._place(relative, data, link=True)
                else:
                    self._changed.add(relative)
                    self._stage()
                    self._place(relative, data, link=False)

    def holds(self, relative: str) -> bool:
        """Whether a file of this path was added."""
        return relative in self._added

    def commit(self) -> list[str]:
        """Swap the tree in; the paths that changed (none: `folder` is left as it was)."""
        changed = sorted(self._changed | {p for p in self._current if p not in self._added})
        with self._errors():
            if changed:
                staging = self._stage()
                _swap(self.folder, staging)
                self._staging = None
        self.close()
        return changed

    def close(self) -> None:
        if self._staging is not None:
            _remove(self._staging)  # gone already if a swap got as far as moving it
            self._staging = None
        self._lock.close()

    def _stage(self) -> Path:
        if self._staging is None:
            self._staging = _new_folder(self.folder)
            for relative, data in self._pending:
                self._place(relative, data, link=True)
            self._pending = []
        return self._staging

    def _place(self, relative: str, data: bytes, link: bool) -> None:
        assert self._staging is not None
        parent = relative.rpartition("/")[0]
        if parent not in self._made:
            os.makedirs(self._staging / parent, exist_ok=True)
            self._made.add(parent)
        target = self._staging / relative
        if link:
            try:
                os.link(self.folder / relative, target)
                return
            except OSError:
                pass
        _write_file(target, data)

    @contextmanager
    def _errors(self) -> Iterator[None]:
        """Every failure drops the tree and the lock; an OSError is told as an OutputError."""
        try:
            yield
        except BaseException as error:
            self.close()
            if isinstance(error, OSError):
                message = f"could not write {self.folder}: {_reason(error, self.folder)}; the previous output is unchanged"
                raise OutputError(str(self.folder), message) from error
            raise


def summary(folder: Path, files: int, changed: Sequence[str]) -> str:
    """The line a regeneration prints for one version's tree."""
    return f"{folder}: {files} files, {f'{len(changed)} file(s) changed' if changed else 'unchanged'}"


def remove_strays(folders: Sequence[Path]) -> list[str]:
    """Delete version folders the catalog no longer has; one line each for the user."""
    lines = []
    for folder in folders:
        try:
            shutil.rmtree(folder)
        except OSError as error:
            raise OutputError(str(folder), f"could not remove {folder}: {error.strerror or error}") from error
        lines.append(f"{folder}: removed (the catalog has no version {folder.name})")
    return lines


def recover(folder: Path) -> None:
    """Finish with the leftovers of a write to `folder` that was killed: put a previous
    tree back if `folder` is missing, and delete every other leftover."""
    new_prefix, old_prefix = f".{folder.name}.new-", f".{folder.name}.old-"
    try:
        names = os.listdir(folder.parent)
    except FileNotFoundError:
        return
    leftovers = [folder.parent / n for n in names if n.startswith((new_prefix, old_prefix))]
    if not leftovers:
        return
    previous = [p for p in leftovers if p.name.startswith(old_prefix) and p.is_dir()]
    if previous and not os.path.lexists(folder):
        # The kill came between the fallback's two renames. Only one write runs at a
        # time, so there is one such tree; should an older version of intercom-gen have
        # left several, the one moved aside last is the latest output.
        latest = max(previous, key=lambda p: p.lstat().st_ctime_ns)
        os.rename(latest, folder)
        leftovers.remove(latest)
    for path in leftovers:
        _remove(path)


def _not_a_folder(folder: Path) -> NotADirectoryError:
    """The error for a file (or a link to no folder) where `folder` or a folder above it
    should be, naming it."""
    for path in reversed((folder, *folder.parents)):
        if os.path.lexists(path) and not path.is_dir():
            break
    else:
        path = folder
    return NotADirectoryError(errno.ENOTDIR, f"{os.strerror(errno.ENOTDIR)} ({path} is not a folder)")


def _encoded(files: Mapping[str, str]) -> dict[str, bytes]:
    return {relative: text.encode("utf-8") for relative, text in files.items()}


def _files_below(folder: Path) -> dict[str, str]:
    """The files below `folder` (following links to files, not to folders), by relative
    POSIX path; empty if `folder` is not a folder."""
    found: dict[str, str] = {}
    if not folder.is_dir():
        return found
    pending = [("", os.fspath(folder))]
    while pending:
        prefix, directory = pending.pop()
        with os.scandir(directory) as entries:
            for entry in entries:
                if entry.is_dir(follow_symlinks=False):
                    pending.append((f"{prefix}{entry.name}/", entry.path))
                elif entry.is_file():
                    found[prefix + entry.name] = entry.path
    return found


def _changed(folder: Path, files: Mapping[str, bytes]) -> list[str]:
    current = _files_below(folder)
    changed = [p for p in current if p not in files]
    for relative, data in files.items():
        path = current.get(relative)
        if path is None or not _holds(path, data):
            changed.append(relative)
    return sorted(changed)


def _holds(path: str, data: bytes) -> bool:
    with open(path, "rb") as handle:
        return handle.read(len(data) + 1) == data


def _new_folder(folder: Path) -> Path:
    """An empty `.<name>.new-<token>` beside `folder`. The token is random rather than
    the pid, which a later run may get again; the mode is the umask's, as for any folder."""
    while True:
        staging = folder.parent / f".{folder.name}.new-{os.urandom(6).hex()}"
        try:
            os.mkdir(staging, 0o777)
        except FileExistsError:
            continue
        return staging


def _write_file(path: Path, data: bytes) -> None:
    descriptor = os.open(path, WRITE_FLAGS, 0o666)
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(descriptor, view) :]
    except OSError as error:
        error.filename = os.fspath(path)  # a failed write names no file; a full disk should
        raise
    finally:
        os.close(descriptor)


def _swap(folder: Path, staging: Path) -> None:
    """Put `staging` where `folder` is."""
    if not os.path.lexists(folder):
        os.rename(staging, folder)
        return
    if exchange(staging, folder):
        _remove(staging)  # now the previous tree
        return
    retired = folder.parent / f".{folder.name}.old-{staging.name.rpartition('-')[2]}"
    os.rename(folder, retired)
    try:
        os.rename(staging, folder)
    except BaseException:
        with suppress(OSError):  # else left for the next run's recovery to put back
            os.rename(retired, folder)
        _remove(staging)
        raise
    _remove(retired)


def exchange(first: Path, second: Path) -> bool:
    """Swap two paths in one step with renameat2(RENAME_EXCHANGE); False, having
    changed nothing, where the system or the filesystem cannot."""
    renameat2 = _renameat2()
    if renameat2 is None:
        return False
    import ctypes

    if renameat2(AT_FDCWD, os.fsencode(first), AT_FDCWD, os.fsencode(second), RENAME_EXCHANGE) == 0:
        return True
    number = ctypes.get_errno()
    if number in EXCHANGE_UNSUPPORTED:
        return False
    raise OSError(number, os.strerror(number), str(second), None, str(first))


@cache
def _renameat2() -> Renameat2 | None:
    """The C library's renameat2 (Linux, glibc 2.28 or later), or None."""
    if not sys.platform.startswith("linux"):
        return None
    import ctypes

    try:
        function = ctypes.CDLL(None, use_errno=True).renameat2
    except (AttributeError, OSError):
        return None
    function.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    function.restype = ctypes.c_int
    renameat2: Renameat2 = function
    return renameat2


# Locks this process holds, by folder: [descriptor, holders]. A run writes several
# versions into one folder at once, and a second flock on another descriptor of the same
# folder would wait for the first forever.
_held: dict[str, list[int]] = {}


@contextmanager
def _locked(folder: Path) -> Iterator[None]:
    """Hold an exclusive advisory lock on `folder` (best effort: unlocked where the
    system, the filesystem or the folder's permissions allow no such lock)."""
    key = os.path.realpath(folder)
    if key not in _held:
        descriptor = None
        if sys.platform != "win32":
            with suppress(OSError):
                descriptor = os.open(folder, os.O_RDONLY | os.O_CLOEXEC)
        if descriptor is None:
            yield
            return
        with suppress(OSError):
            fcntl.flock(descriptor, fcntl.LOCK_EX)
        _held[key] = [descriptor, 0]
    _held[key][1] += 1
    try:
        yield
    finally:
        _held[key][1] -= 1
        if _held[key][1] == 0:
            os.close(_held.pop(key)[0])


def _remove(path: Path) -> None:
    """Delete a leftover, whether a tree, a file or a link."""
    if path.is_symlink() or not path.is_dir():
        path.unlink(missing_ok=True)
    else:
        shutil.rmtree(path, ignore_errors=True)


def _reason(error: OSError, folder: Path | None = None) -> str:
    """The OS's reason, with the path it names unless that is `folder` itself. A path
    inside a tree being built is shown as the path it was meant for, and the tree itself
    as the folder it was to be made in."""
    reason = error.strerror or str(error)
    if error.filename is None:
        return reason
    path = os.fsdecode(error.filename)
    if folder is not None:
        if path == str(folder):
            return reason
        leftover, _, inside = os.path.relpath(path, folder.parent).partition(os.sep)
        if leftover.startswith((f".{folder.name}.new-", f".{folder.name}.old-")):
            path = str(folder / inside) if inside else str(folder.parent)
    return f"{reason} ({path})"
