"""The bounds on what a catalog file may be, and reading one within them.

A catalog file is an ordinary UTF-8 text file of modest size holding plainly nested
data. Anything else (a folder, a FIFO or device, a broken or looping link, a file of
many megabytes, a structure nested hundreds deep, aliases that multiply into millions
of values) is reported as a problem at its file, and line where there is one, rather
than read: a FIFO would block the run forever, /dev/zero would fill the memory, deep
nesting overflowed the stack of ruamel's C composer (a crash, not even a traceback)
and an alias bomb expands a few hundred bytes into billions of values.

The real catalog's largest file is about 35 KiB with under 2,000 keys and values, it
nests at most 7 levels and it uses no aliases; each limit leaves a wide margin above
that while keeping the worst a hostile or broken file can cost to about a second and
some tens of MiB."""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

# Per file: 2 MiB is sixty times the largest catalog file.
MAX_FILE_BYTES = 2 * 1024 * 1024
# Keys, values and list items in one file, alias copies included; the largest catalog
# file has under 2,000, the whole catalog 11,000. This bounds the time and memory a
# file of the allowed size can take (half a second, 60 MiB), whatever it holds.
MAX_VALUES = 100_000
# Mappings and lists inside one another; the catalog needs 7. The parser's cost per
# token grows with the depth of unclosed brackets, so this also bounds its time.
MAX_DEPTH = 64
# Values produced by copying an anchor's value at an alias (`*name`), counting every
# mapping, list and scalar copied, merge keys (`<<: *name`) included. Well-meant
# sharing of a few parameter lists stays far below this; an alias bomb reaches it
# after a few levels.
MAX_ALIAS_VALUES = 100_000

_KINDS = (
    (stat.S_ISFIFO, "a named pipe (FIFO)"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)
_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0)


class FileProblem(Exception):
    """A catalog file that cannot be read or parsed; `line` and `col` are 1-based, 0 when
    the problem is the file as a whole."""

    def __init__(self, message: str, hint: str = "", line: int = 0, col: int = 0) -> None:
        self.message, self.hint, self.line, self.col = message, hint, line, col
        super().__init__(message)


def line_col(data: bytes, offset: int) -> tuple[int, int]:
    """The 1-based line and column (in characters) of a byte offset into UTF-8 data."""
    offset = max(0, min(offset, len(data)))
    start = data.rfind(b"\n", 0, offset) + 1
    return data.count(b"\n", 0, offset) + 1, len(data[start:offset].decode("utf-8", "replace")) + 1


def _not_regular(mode: int) -> str:
    for test, kind in _KINDS:
        if test(mode):
            return kind
    return "not a regular file"


def _check_mode(info: os.stat_result) -> None:
    if stat.S_ISDIR(info.st_mode):
        raise FileProblem("a folder named like a catalog file", "rename it; only catalog files may end in .yaml")
    if not stat.S_ISREG(info.st_mode):
        raise FileProblem(
            f"{_not_regular(info.st_mode)}, not a regular file",
            "catalog files must be ordinary files; replace it with a copy of the file it stands for",
        )
    if info.st_size > MAX_FILE_BYTES:
        raise _too_large(info.st_size)


def _too_large(size: int) -> FileProblem:
    return FileProblem(
        f"the file is {size:,} bytes, more than the limit of {MAX_FILE_BYTES // (1024 * 1024)} MiB",
        "catalog files are far smaller; split it into several files",
    )


def _status(path: Path) -> os.stat_result:
    """The status of the file a path names, following a symbolic link, with a message for
    a link that leads nowhere."""
    try:
        return os.stat(path)
    except FileNotFoundError:
        try:
            target = os.readlink(path)
        except OSError:
            raise FileProblem("the file disappeared while the catalog was read") from None
        raise FileProblem("a broken symbolic link", f"it points to {target}, which does not exist") from None
    except OSError as error:
        if error.errno == errno.ELOOP:
            raise FileProblem(
                "a symbolic link loop", "the link leads back to itself; point it at a real file"
            ) from None
        raise FileProblem(f"cannot read the file: {error.strerror or error}") from None


def read_catalog_file(path: Path) -> str:
    """The text of one catalog file. Checked before it is opened (so a FIFO is never
    opened), opened without blocking, checked again on the open file, read no further
    than the size limit, and decoded as UTF-8 with the position of a bad byte."""
    _check_mode(_status(path))
    try:
        descriptor = os.open(path, _OPEN_FLAGS)
    except OSError as error:
        raise FileProblem(f"cannot read the file: {error.strerror or error}") from None
    try:
        # The file may have been replaced since it was checked.
        _check_mode(os.fstat(descriptor))
        with open(descriptor, "rb", closefd=False) as stream:
            data = stream.read(MAX_FILE_BYTES + 1)
    except OSError as error:
        raise FileProblem(f"cannot read the file: {error.strerror or error}") from None
    finally:
        os.close(descriptor)
    if len(data) > MAX_FILE_BYTES:
        raise _too_large(len(data))
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        line, col = line_col(data, error.start)
        raise FileProblem(
            "not UTF-8 text",
            f"byte 0x{data[error.start]:02x} here is not UTF-8; save the file as UTF-8",
            line,
            col,
        ) from None
