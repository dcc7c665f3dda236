"""Format generated Python with black, in process, each distinct content once."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import black

MODE = black.Mode(target_versions={black.TargetVersion.PY311}, line_length=100)
# The key changes with black's version and our settings, so a stale entry is never reused.
CACHE_KEY = hashlib.sha256(f"{black.__version__}|{MODE!r}".encode()).hexdigest()[:16]


# Outputs already in black's style when rendered: the client templates lay code out
# as black does (one item a line with magic trailing commas, literals from
# generator.pysource), and datamodel-code-generator's builtin formatter does the same
# for models.py. tests/test_formatting.py proves black leaves every one of them
# unchanged, for every version; any other Python output is formatted here.
BLACK_STABLE_FOLDER = "python/intercom_api/"


def is_black_stable(path: str) -> bool:
    return path.startswith(BLACK_STABLE_FOLDER)


class FormatError(Exception):
    def __init__(self, path: str, cause: BaseException) -> None:
        self.path = path
        super().__init__(f"black could not format {path}: {cause}")


def cache_folder() -> Path:
    base = os.environ.get("INTERCOM_GEN_CACHE") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache"), "intercom-gen"
    )
    return Path(base) / "black" / CACHE_KEY


class Formatter:
    """Formats by content: the same text is formatted once per run, and results are
    kept on disk by content hash so a later run skips black for unchanged text."""

    def __init__(self, use_disk_cache: bool = True) -> None:
        self.memory: dict[str, str] = {}
        self.folder = cache_folder() if use_disk_cache else None
        self.formatted = 0

    def format_python(self, path: str, source: str) -> str:
        digest = hashlib.sha256(source.encode()).hexdigest()
        if digest in self.memory:
            return self.memory[digest]
        cached = self.folder / digest if self.folder else None
        if cached is not None and cached.is_file():
            result = cached.read_text(encoding="utf-8")
        else:
            try:
                result = black.format_str(source, mode=MODE)
            except Exception as error:  # black raises many kinds; all mean a template bug
                raise FormatError(path, error) from error
            self.formatted += 1
            if cached is not None:
                self._store(cached, result)
        self.memory[digest] = result
        return result

    def _store(self, cached: Path, result: str) -> None:
        try:
            cached.parent.mkdir(parents=True, exist_ok=True)
            temporary = cached.with_suffix(f".{os.getpid()}.tmp")
            temporary.write_text(result, encoding="utf-8")
            os.replace(temporary, cached)
        except OSError:
            pass  # the cache only saves time; a read-only home must not fail a run

    def format_tree(self, files: dict[str, str]) -> dict[str, str]:
        return {
            path: self.format_python(path, text) if path.endswith(".py") and not is_black_stable(path) else text
            for path, text in files.items()
        }
