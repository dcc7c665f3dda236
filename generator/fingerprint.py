"""Skip a regeneration whose inputs and outputs are exactly as the last run left them.

The stamp lives in the cache folder, not in generated/, and covers every input: the
catalog, the templates, intercom-gen's own source and the versions of black, jinja2,
pydantic and datamodel-code-generator. Only the standard library is imported here, so
the check runs before the heavy stages are even loaded.

Both sides are listed by each file's path, size and modification time, which takes
stats, not reads. An input listing that differs from the stamp's (a file touched, or a
checkout) is settled by the inputs' content digest, computed only then: a touched but
unchanged catalog is still current. An output file is judged by its listing alone: an
edit changes its time, and a regeneration links unchanged files in, keeping theirs."""

from __future__ import annotations

import os
import sys

from .cache_files import cache_path, folder_tag, keep_file

# Not typing.TYPE_CHECKING: importing typing costs the no-op check 3 ms. Type checkers
# take any name TYPE_CHECKING as true.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

# Paths are str or Path: the no-op check in generator.entry passes str, since pathlib's
# imports would be a third of it.
Folder = str | os.PathLike[str]

GENERATOR = os.path.dirname(os.path.abspath(__file__))
# Raised whenever the stamp's contents change shape; an older stamp is not current.
STAMP_FORMAT = 2


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


def _files(folder: str, suffix: str) -> list[tuple[str, str, os.stat_result]]:
    """(relative path, path, status) of every file below `folder` ending in `suffix`,
    sorted, leaving out __pycache__ (compiled Python and templates)."""
    found: list[tuple[str, str, os.stat_result]] = []
    pending = [("", folder)]
    while pending:
        prefix, directory = pending.pop()
        try:
            entries = list(os.scandir(directory))
        except OSError:
            continue
        for entry in entries:
            if entry.is_dir(follow_symlinks=False):
                if entry.name != "__pycache__":
                    pending.append((f"{prefix}{entry.name}/", entry.path))
            elif entry.name.endswith(suffix):
                try:
                    found.append((prefix + entry.name, entry.path, entry.stat()))
                except OSError:
                    continue
    return sorted(found)


def _file_lines(folder: str, suffix: str) -> list[str]:
    """Each file's relative path, size and modification time, one line a file."""
    return [f"{relative}\0{status.st_size}\0{status.st_mtime_ns}" for relative, _, status in _files(folder, suffix)]


def _joined(listed: Iterable[tuple[str, list[str]]]) -> str:
    """Folders' file lines, each folder's under a line naming it."""
    return "\n".join(line for folder, lines in listed for line in (f"{folder}/", *lines))


def _listing(folders: Iterable[tuple[str, str]]) -> str:
    return _joined((folder, _file_lines(folder, suffix)) for folder, suffix in folders)


class Inputs:
    """A run's inputs: listed at once, their content digested only when asked."""

    def __init__(self, catalog: Folder, templates: Folder, versions: Iterable[str]) -> None:
        self.folders = ((os.fspath(catalog), ".yaml"), (os.fspath(templates), ".jinja"), (GENERATOR, ""))
        installed = installed_versions(("black", "datamodel-code-generator", "jinja2", "pydantic"))
        self.header = "\n".join([*installed, "|".join(versions)])
        listed = [(folder, _file_lines(folder, suffix)) for folder, suffix in self.folders]
        self.listing = self.header + "\n" + _joined(listed)
        # The catalog's part, as catalog_listing gives it: the model worker's marker.
        self.catalog_files = "\n".join(listed[0][1])
        self._digest: str | None = None

    def digest(self) -> str:
        if self._digest is None:
            import hashlib  # only when the listing alone cannot settle it: 4 ms of OpenSSL

            digest = hashlib.sha256(self.header.encode() + b"\0")
            for folder, suffix in self.folders:
                for relative, path, _ in _files(folder, suffix):
                    with open(path, "rb") as stream:
                        digest.update(relative.encode() + b"\0" + stream.read() + b"\0")
            self._digest = digest.hexdigest()
        return self._digest


_listed: list[Inputs] = []


def run_inputs(catalog: Folder, templates: Folder, versions: Sequence[str]) -> Inputs:
    """This run's inputs: the ones generator.entry listed (and perhaps digested) when
    its checks did not settle the run, so the full run does not list and digest again."""
    listed = Inputs(catalog, templates, versions)
    if _listed and _listed[-1].listing == listed.listing:
        return _listed[-1]
    _listed[:] = [listed]
    return listed


def catalog_listing(folder: Folder) -> str:
    """A catalog folder's YAML files by relative path, size and modification time."""
    return "\n".join(_file_lines(os.fspath(folder), ".yaml"))


def outputs_listing(folders: Iterable[Folder]) -> str:
    return _listing((os.fspath(folder), "") for folder in folders)


def stamp_file(out: Folder) -> str:
    where = os.path.abspath(out)
    # A name, not a proof: the stamp records the folder it is for, and is checked against it.
    return cache_path("stamps", f"{os.path.basename(where)}-{folder_tag(where)}")


def _read_stamp(out: Folder) -> dict[str, str] | None:
    """The stamp's fields, or None for a stamp of another format or another folder.
    A stamp is `<field> <length>` lines each followed by that many characters: plain
    text rather than JSON, whose import (with `re` and `enum`) would be a third of the
    no-op check."""
    try:
        with open(stamp_file(out), encoding="utf-8", newline="") as stream:
            text = stream.read()
    except (OSError, UnicodeDecodeError):
        return None
    fields: dict[str, str] = {}
    at = 0
    while at < len(text):
        line_end = text.find("\n", at)
        name, _, length = text[at:line_end].partition(" ")
        if line_end < 0 or not length.isdigit():
            return None
        at = line_end + 1 + int(length)
        fields[name] = text[line_end + 1 : at]
    if fields.get("format") != str(STAMP_FORMAT) or fields.get("out") != os.path.abspath(out):
        return None
    return fields


def is_current(out: Folder, inputs: Inputs, folders: Sequence[Folder]) -> bool:
    stamp = _read_stamp(out)
    if stamp is None:
        return False
    if _interrupted_swap(folders):
        return False  # a killed write left a staging folder: the full run recovers it
    if not all(os.path.isdir(f) for f in folders) or stamp.get("outputs") != outputs_listing(folders):
        return False
    if stamp.get("inputs") == inputs.listing:
        return True
    if stamp.get("digest") != inputs.digest():
        return False
    _write_stamp(out, inputs, stamp["outputs"])  # touched, not changed: list it as it is now
    return True


def _interrupted_swap(folders: Sequence[Folder]) -> bool:
    """Whether a write was killed mid-swap next to any of these folders (generator.write
    names its staging and retired trees `.<version>.new-*` and `.<version>.old-*`)."""
    named = [os.path.split(os.path.abspath(f)) for f in folders]
    for parent in {parent for parent, _ in named}:
        try:
            names = os.listdir(parent)
        except OSError:
            continue
        if any(n.startswith((f".{name}.new-", f".{name}.old-")) for _, name in named for n in names):
            return True
    return False


def record(out: Folder, inputs: Inputs, folders: Sequence[Folder]) -> None:
    _write_stamp(out, inputs, outputs_listing(folders))


def _write_stamp(out: Folder, inputs: Inputs, outputs: str) -> None:
    path = stamp_file(out)
    fields = {
        "format": str(STAMP_FORMAT),
        "out": os.path.abspath(out),
        "digest": inputs.digest(),
        "inputs": inputs.listing,
        "outputs": outputs,
    }
    keep_file(path, "".join(f"{name} {len(value)}\n{value}" for name, value in fields.items()).encode("utf-8"))


def declared_versions(catalog_folder: Folder) -> list[str]:
    """The version files' names, read without parsing anything (for the no-op check only)."""
    try:
        names = [n.removesuffix(".yaml") for n in os.listdir(os.path.join(catalog_folder, "versions")) if n.endswith(".yaml")]
    except OSError:
        return []
    try:
        return sorted(names, key=lambda v: tuple(int(part) for part in v.split(".")))
    except ValueError:
        return []
