"""Format generated Python with black, in process, each distinct content once."""

from __future__ import annotations

import hashlib
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from .cache_files import cache_path, keep_file
from .diagnostics import FormatError

if TYPE_CHECKING:
    import black

LINE_LENGTH = 100


@cache
def black_mode() -> black.Mode:
    """black's settings; black is imported only when something needs formatting."""
    import black
    from black.mode import TargetVersion

    return black.Mode(target_versions={TargetVersion.PY311}, line_length=LINE_LENGTH)


# Outputs already in black's style when rendered: the client templates lay code out
# as black does (one item a line with magic trailing commas, literals from
# generator.pysource), and datamodel-code-generator's builtin formatter does the same
# for models.py. tests/test_formatting.py proves black leaves every one of them
# unchanged, for every version; any other Python output is formatted here.
BLACK_STABLE_FOLDER = "python/intercom_api/"


def is_black_stable(path: str) -> bool:
    return path.startswith(BLACK_STABLE_FOLDER)


def cache_folder() -> Path:
    return Path(cache_path("black"))


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
        cached = self.folder / self._key() / digest if self.folder else None
        if cached is not None and cached.is_file():
            result = cached.read_text(encoding="utf-8")
        else:
            import black

            try:
                result = black.format_str(source, mode=black_mode())
            except Exception as error:  # black raises many kinds; all mean a template bug
                raise FormatError(path, error) from error
            self.formatted += 1
            if cached is not None:
                self._store(cached, result)
        self.memory[digest] = result
        return result

    @staticmethod
    def _key() -> str:
        """Changes with black's version and our settings, so a stale entry is never reused."""
        from importlib.metadata import version

        return hashlib.sha256(f"{version('black')}|{black_mode()!r}".encode()).hexdigest()[:16]

    def _store(self, cached: Path, result: str) -> None:
        keep_file(cached, result.encode("utf-8"))

    def format_tree(self, files: dict[str, str]) -> dict[str, str]:
        return {
            path: self.format_python(path, text) if path.endswith(".py") and not is_black_stable(path) else text
            for path, text in files.items()
        }
