"""intercom-gen's cache folder, and how a file is put into it.

Every cache is by content and only saves time: a file is renamed into place, so a reader
never sees half of one, and a cache that cannot be written (a read-only home, a full
disk) never fails a run. Only `os` is imported: the no-op check uses this module."""

from __future__ import annotations

import os

TYPE_CHECKING = False  # not typing's: importing typing would cost the no-op check 3 ms
if TYPE_CHECKING:
    from pathlib import Path


def cache_base() -> str:
    """intercom-gen's cache folder: $INTERCOM_GEN_CACHE, else the user's cache folder."""
    return os.environ.get("INTERCOM_GEN_CACHE") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache"), "intercom-gen"
    )


def cache_path(*parts: str) -> str:
    """A path inside the cache folder."""
    return os.path.join(cache_base(), *parts)


def folder_tag(path: str) -> str:
    """Eight hex digits for a folder's absolute path, the same in every process (Python's
    own hash of a string is not), to tell cache files of folders of one name apart: the
    32-bit FNV-1a hash, computed here because zlib's crc32 would cost the no-op check
    its 0.3 ms import."""
    value = 0x811C9DC5
    for byte in os.path.abspath(path).encode():
        value = ((value ^ byte) * 0x01000193) & 0xFFFFFFFF
    return f"{value:08x}"


def keep_file(path: str | Path, data: bytes) -> bool:
    """Put `data` at `path` in one rename; False, leaving nothing behind, where the
    cache cannot be written."""
    temporary = f"{os.fspath(path)}.{os.getpid()}.tmp"
    try:
        os.makedirs(os.path.dirname(temporary), exist_ok=True)
        with open(temporary, "wb") as stream:
            stream.write(data)
        os.replace(temporary, path)
    except OSError:
        try:  # noqa: SIM105 - contextlib is not loaded on the no-op path: 0.5 ms
            os.remove(temporary)
        except OSError:
            pass
        return False
    return True
