"""Skip a regeneration whose inputs and outputs are exactly as the last run left them.

The stamp lives in the cache folder, not in generated/, and covers every input: the
catalog, the templates, intercom-gen's own source and the versions of black and
datamodel-code-generator. Only the standard library is imported here, so the check
runs before the heavy stages are even loaded."""

from __future__ import annotations

import hashlib
import json
import os
import sys
from collections.abc import Iterable
from pathlib import Path

GENERATOR = Path(__file__).resolve().parent


def _hash_tree(digest: hashlib._Hash, folder: Path, pattern: str) -> None:
    if not folder.is_dir():
        return
    for path in sorted(folder.rglob(pattern)):
        if path.is_file() and "__pycache__" not in path.parts:
            digest.update(path.relative_to(folder).as_posix().encode() + b"\0")
            digest.update(path.read_bytes() + b"\0")


def installed_versions(distributions: Iterable[str]) -> list[str]:
    """The dist-info folder names of these distributions (name and version), read from
    the import path; much cheaper than importlib.metadata, which this check would pay for
    on every run."""
    prefixes = tuple(d.replace("-", "_").lower() + "-" for d in distributions)
    found = []
    for entry in sys.path:
        try:
            names = os.listdir(entry or ".")
        except OSError:
            continue
        found += [n for n in names if n.endswith(".dist-info") and n.lower().startswith(prefixes)]
    return sorted(found)


def inputs_fingerprint(catalog: Path, templates: Path, versions: Iterable[str]) -> str:
    digest = hashlib.sha256()
    for name in installed_versions(("black", "datamodel-code-generator", "jinja2", "pydantic")):
        digest.update(name.encode() + b"\0")
    digest.update(("|".join(versions) + "\0").encode())
    _hash_tree(digest, catalog, "*.yaml")
    _hash_tree(digest, templates, "*.jinja")
    _hash_tree(digest, GENERATOR, "*")
    return digest.hexdigest()


def outputs_fingerprint(folders: Iterable[Path]) -> str:
    """The output trees by each file's path, size and modification time, not content: an
    edit changes the time, and a regeneration links unchanged files in, keeping theirs.
    Reading every file's bytes was most of a no-op run once the output grew."""
    digest = hashlib.sha256()
    for folder in folders:
        digest.update(str(folder).encode() + b"\0")
        for root, dirs, files in os.walk(folder):
            dirs.sort()
            for name in sorted(files):
                path = os.path.join(root, name)
                status = os.stat(path)
                digest.update(f"{os.path.relpath(path, folder)}\0{status.st_size}\0{status.st_mtime_ns}\0".encode())
    return digest.hexdigest()


def stamp_file(out: Path) -> Path:
    base = os.environ.get("INTERCOM_GEN_CACHE") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache"), "intercom-gen"
    )
    key = hashlib.sha256(str(out.resolve()).encode()).hexdigest()[:32]
    return Path(base) / "stamps" / key


def is_current(out: Path, inputs: str, folders: list[Path]) -> bool:
    try:
        stamp = json.loads(stamp_file(out).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    if not isinstance(stamp, dict) or stamp.get("inputs") != inputs:
        return False
    if _interrupted_swap(folders):
        return False  # a killed write left a staging folder: the full run recovers it
    return all(f.is_dir() for f in folders) and stamp.get("outputs") == outputs_fingerprint(folders)


def _interrupted_swap(folders: list[Path]) -> bool:
    """Whether a write was killed mid-swap next to any of these folders (generator.write
    names its staging and retired trees `.<version>.new-*` and `.<version>.old-*`)."""
    for parent in {f.parent for f in folders}:
        try:
            names = os.listdir(parent)
        except OSError:
            continue
        if any(n.startswith(f".{f.name}.new-") or n.startswith(f".{f.name}.old-") for f in folders for n in names):
            return True
    return False


def record(out: Path, inputs: str, folders: list[Path]) -> None:
    path = stamp_file(out)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_suffix(f".{os.getpid()}.tmp")
        temporary.write_text(json.dumps({"inputs": inputs, "outputs": outputs_fingerprint(folders)}), encoding="utf-8")
        os.replace(temporary, path)
    except OSError:
        pass  # the stamp only saves time


def declared_versions(catalog_folder: Path) -> list[str]:
    """The version files' names, read without parsing anything (for the no-op check only)."""
    folder = catalog_folder / "versions"
    names = [p.stem for p in folder.glob("*.yaml")] if folder.is_dir() else []
    try:
        return sorted(names, key=lambda v: tuple(int(part) for part in v.split(".")))
    except ValueError:
        return []
