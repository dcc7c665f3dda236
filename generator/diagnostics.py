"""Problems found in the user's input, each pinned to a place in a catalog file."""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass, field


@dataclass(frozen=True, order=True)
class Location:
    """A 1-based position in a catalog file, as an editor shows it."""

    file: str
    line: int = 0
    col: int = 0

    def __str__(self) -> str:
        if self.line <= 0:
            return self.file
        return f"{self.file}:{self.line}:{self.col}"


@dataclass(frozen=True, order=True)
class Diagnostic:
    location: Location
    message: str
    hint: str = ""

    def __str__(self) -> str:
        text = f"{self.location}: {self.message}"
        return f"{text} ({self.hint})" if self.hint else text


class CatalogError(Exception):
    """Raised once with every problem found; the CLI prints them and exits 2."""

    def __init__(self, diagnostics: Iterable[Diagnostic]) -> None:
        self.diagnostics = tuple(sorted(set(diagnostics)))
        super().__init__("\n".join(str(d) for d in self.diagnostics))


@dataclass
class Collector:
    """Gathers problems so that a user sees all of them in one run, not one per run."""

    diagnostics: list[Diagnostic] = field(default_factory=list)

    def error(self, location: Location, message: str, hint: str = "") -> None:
        self.diagnostics.append(Diagnostic(location, message, hint))

    def raise_if_any(self) -> None:
        if self.diagnostics:
            raise CatalogError(self.diagnostics)


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """A hint naming the closest valid choice, or an empty string."""
    matches = difflib.get_close_matches(str(word), sorted(set(choices)), n=1, cutoff=0.6)
    return f"did you mean {matches[0]!r}?" if matches else ""


class InternalError(Exception):
    """A failure of intercom-gen itself (a template or the formatter), never of the input."""


class ViewError(InternalError):
    """A view builder failed: reported as such, before any template runs."""

    def __init__(self, target: str, version: str, cause: BaseException) -> None:
        self.target = target
        super().__init__(f"building the {target} view for {version} failed: {type(cause).__name__}: {cause}")


class RenderError(InternalError):
    def __init__(self, template: str, cause: BaseException) -> None:
        self.template = template
        super().__init__(f"template {template} failed: {type(cause).__name__}: {cause}")


class FormatError(InternalError):
    def __init__(self, path: str, cause: BaseException) -> None:
        self.path = path
        super().__init__(f"black could not format {path}: {cause}")


class OutputError(Exception):
    """The output could not be read or written: no permission, a full disk, a file where
    a folder should be. The message is one line naming the path and the OS's reason; the
    CLI prints it and exits 4. The previous output is left as it was."""

    def __init__(self, path: str, message: str) -> None:
        self.path = path
        super().__init__(message)
