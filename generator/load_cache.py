"""The catalog files of the last load, by content, so that a run parses only the files
that changed since: parsing is most of loading (about 90 ms for the shipped catalog,
against 7 ms to read them back).

One file holds the entries of the last load only, so the cache never grows, however many
catalogs a machine loads. It is pickled: the data is the loader's own (dicts and lists
carrying their positions), the file is in the user's own cache folder, and an entry is
used only for the exact text it was built from, by a loader of the same code."""

from __future__ import annotations

import hashlib
import pickle
import sys
from pathlib import Path
from typing import Any

from .cache_files import cache_path, keep_file
from .fingerprint import installed_versions

# What the data is built by: a change to any of these makes every entry stale.
LOADER_SOURCES = ("load.py", "yaml_limits.py")


def _loader_digest() -> str:
    digest = hashlib.sha256(sys.version.encode() + b"\0")
    for name in installed_versions(("ruamel.yaml", "ruamel.yaml.clib")):
        digest.update(name.encode() + b"\0")
    here = Path(__file__).resolve().parent
    for name in LOADER_SOURCES:
        digest.update((here / name).read_bytes() + b"\0")
    return digest.hexdigest()


class LoadCache:
    def __init__(self, enabled: bool = True) -> None:
        self.path = Path(cache_path("loaded.pickle"))
        self.loader = _loader_digest()
        self.entries: dict[str, Any] = {}
        self.used: dict[str, Any] = {}
        if enabled:
            self.entries = self._read()

    def key(self, text: str) -> str:
        return hashlib.sha256(text.encode("utf-8")).hexdigest()

    def get(self, key: str) -> Any | None:
        if key in self.used:
            return None  # a second file of the same text gets data of its own
        data = self.entries.get(key)
        if data is not None:
            self.used[key] = data
        return data

    def put(self, key: str, data: Any) -> None:
        self.used[key] = data

    def save(self) -> None:
        """Keep this load's entries, if they differ from what the file holds."""
        if self.used.keys() == self.entries.keys():
            return
        try:
            data = pickle.dumps((self.loader, self.used), protocol=pickle.HIGHEST_PROTOCOL)
        except pickle.PicklingError:
            return  # the cache only saves time
        keep_file(self.path, data)

    def _read(self) -> dict[str, Any]:
        try:
            with open(self.path, "rb") as stream:
                loader, entries = pickle.load(stream)
        except Exception:  # missing, unreadable, or written by something else: start afresh
            return {}
        return entries if loader == self.loader and isinstance(entries, dict) else {}
