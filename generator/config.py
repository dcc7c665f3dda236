"""A project's settings: the `[tool.intercom-gen]` table of the nearest pyproject.toml.

The search starts in a folder and goes up; the first pyproject.toml that has the table
is the one, as ruff finds its own. The keys:

    catalog = "catalog"            # the catalog folder
    out = "generated"              # where OUT/<version>/ goes
    versions = ["2.14", "2.15"]    # the versions a plain `intercom-gen` writes
    targets = ["python", "docs"]   # the targets it writes

Paths are relative to the folder of that pyproject.toml. An option on the command line
overrides its key.

generator.entry reads the settings before its no-op check, which must stay a few
milliseconds: this module imports only `os` at first; `re`, `pathlib` and `tomllib`
(about 15 ms together) only once a pyproject.toml that may hold the table is found."""

from __future__ import annotations

import os

# Not typing.TYPE_CHECKING: importing typing costs the no-op check 3 ms. Type checkers
# take any name TYPE_CHECKING as true.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from pathlib import Path

FILE_NAME = "pyproject.toml"
TABLE = "intercom-gen"
HEADER = f"[tool.{TABLE}]"
PATH_KEYS = ("catalog", "out")
LIST_KEYS = ("targets", "versions")
KEYS = PATH_KEYS + LIST_KEYS

TABLE_HEADER = r"""(?m)^[ \t]*\[[ \t]*tool[ \t]*\.[ \t]*["']?intercom-gen["']?[ \t]*\]"""
ANY_HEADER = r"(?m)^[ \t]*\["
TOML_POSITION = r"\s*\(at line (\d+), column (\d+)\)$"


class Problem:
    """One thing wrong with the settings, at a 1-based line and column of the file."""

    __slots__ = ("col", "file", "hint", "line", "message")

    def __init__(self, file: str, line: int, col: int, message: str, hint: str = "") -> None:
        self.file = file
        self.line = line
        self.col = col
        self.message = message
        self.hint = hint


class ConfigError(Exception):
    """The settings cannot be used: every problem found, each with its position."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("; ".join(f"{p.file}:{p.line}:{p.col}: {p.message}" for p in problems))


class Config:
    """The settings a pyproject.toml gives; None or () for a key it does not set."""

    __slots__ = ("catalog", "file", "out", "targets", "versions")

    def __init__(
        self,
        file: Path | None = None,
        catalog: Path | None = None,
        out: Path | None = None,
        versions: tuple[str, ...] = (),
        targets: tuple[str, ...] = (),
    ) -> None:
        self.file = file
        self.catalog = catalog
        self.out = out
        self.versions = versions
        self.targets = targets

    def __repr__(self) -> str:
        values = ", ".join(f"{name}={getattr(self, name)!r}" for name in self.__slots__)
        return f"Config({values})"


NO_CONFIG = Config()


def may_hold_table(text: str) -> bool:
    """Whether a line starts as any TOML spelling of the table would: `[tool.intercom-gen]`
    (spaces and quotes allowed), a bare `[tool]` table, or a top-level `tool.` dotted key
    or `tool =`. A file with none cannot hold the table and is not parsed."""
    for line in text.splitlines():
        rest = line.lstrip(" \t")
        if rest.startswith("["):
            rest = rest[2:] if rest.startswith("[[") else rest[1:]
            rest = rest.lstrip(" \t")
            opens_table = True
        else:
            opens_table = False
        if not rest.startswith("tool"):
            continue
        rest = rest[4:].lstrip(" \t")
        if rest.startswith("."):
            if rest[1:].lstrip(" \t").lstrip("\"'").startswith(TABLE):
                return True
        elif rest.startswith("]" if opens_table else "="):
            return True
    return False


def find_config(start: str) -> tuple[str, str, dict[str, object]] | None:
    """The first pyproject.toml at or above `start` with the table: its path, its text
    and the table. A file with a TOML error that may hold the table is an error; one
    that cannot is not ours to judge and is passed over."""
    folder = os.path.abspath(start)
    while True:
        path = os.path.join(folder, FILE_NAME)
        try:
            with open(path, encoding="utf-8") as stream:
                text = stream.read()
        except (OSError, UnicodeDecodeError):
            text = None
        if text is not None and may_hold_table(text):
            table = _parse_table(path, text, start)
            if table is not None:
                return path, text, table
        parent = os.path.dirname(folder)
        if parent == folder:
            return None
        folder = parent


def load_config(start: str | os.PathLike[str] | None = None) -> Config:
    """The settings for a run started in `start` (the current folder by default);
    NO_CONFIG when no pyproject.toml above it has the table. Raises ConfigError."""
    begin = os.getcwd() if start is None else os.fspath(start)
    found = find_config(begin)
    if found is None:
        return NO_CONFIG
    path, text, table = found
    return _read_table(path, text, table, begin)


def _display(path: str, start: str) -> str:
    """How a path is shown in messages: relative to the folder the run started in."""
    try:
        return os.path.relpath(path, os.path.abspath(start))
    except ValueError:  # another drive, on Windows
        return path


def _parse_table(path: str, text: str, start: str) -> dict[str, object] | None:
    import re
    import tomllib

    try:
        document = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        message = str(error)
        position = re.search(TOML_POSITION, message)
        line, col = (int(position[1]), int(position[2])) if position else (1, 1)
        reason = re.sub(TOML_POSITION, "", message)
        raise ConfigError([Problem(_display(path, start), line, col, f"not valid TOML: {reason}")]) from None
    tool = document.get("tool")
    if not isinstance(tool, dict) or TABLE not in tool:
        return None
    table = tool[TABLE]
    if not isinstance(table, dict):
        line, col = _position(text, None)
        raise ConfigError([Problem(_display(path, start), line, col, f"tool.{TABLE} must be a table, such as {HEADER}")])
    return table


def _position(text: str, key: str | None) -> tuple[int, int]:
    """Where `key` of the table is written (1-based line and column), found by scanning
    the text: within the `[tool.intercom-gen]` section first, then anywhere as a dotted
    key; the table's header, or the first line, when it cannot be found."""
    import re

    header = re.search(TABLE_HEADER, text)
    if key is None:
        return (_line_col(text, header.start()) if header else (1, 1))
    spelled = rf"""(?:{re.escape(key)}|"{re.escape(key)}"|'{re.escape(key)}')"""
    if header is not None:
        following = re.compile(ANY_HEADER).search(text, header.end())
        end = following.start() if following else len(text)
        inside = re.compile(rf"^[ \t]*({spelled})[ \t]*[=.]", re.MULTILINE).search(text, header.end(), end)
        if inside is not None:
            return _line_col(text, inside.start(1))
    dotted = re.compile(rf"""["']?intercom-gen["']?[ \t]*\.[ \t]*({spelled})[ \t]*[=.\]]""").search(text)
    if dotted is not None:
        return _line_col(text, dotted.start(1))
    return _line_col(text, header.start()) if header else (1, 1)


def _line_col(text: str, offset: int) -> tuple[int, int]:
    line_start = text.rfind("\n", 0, offset) + 1
    return text.count("\n", 0, offset) + 1, offset - line_start + 1


def _read_table(path: str, text: str, table: dict[str, object], start: str) -> Config:
    from pathlib import Path

    file = _display(path, start)
    problems: list[Problem] = []

    def problem(key: str | None, message: str, hint: str = "") -> None:
        line, col = _position(text, key)
        problems.append(Problem(file, line, col, message, hint))

    for key in sorted(set(table) - set(KEYS)):
        import difflib

        close = difflib.get_close_matches(key, KEYS, n=1, cutoff=0.6)
        hint = f"did you mean {close[0]!r}?" if close else "the keys are " + ", ".join(sorted(KEYS))
        problem(key, f"unknown key {key!r} in {HEADER}", hint)
    folder = Path(path).parent
    paths: dict[str, Path] = {}
    for key in PATH_KEYS:
        if key not in table:
            continue
        value = table[key]
        if not isinstance(value, str) or not value.strip():
            problem(key, f"{key} must be a folder path as a string, not {_describe(value)}", f'for example {key} = "{key if key == "catalog" else "generated"}"')
            continue
        given = Path(value)
        paths[key] = given if given.is_absolute() else Path(_display(os.fspath(folder / given), start))
    lists: dict[str, tuple[str, ...]] = {}
    for key in LIST_KEYS:
        if key not in table:
            continue
        value = table[key]
        example = '["2.14", "2.15"]' if key == "versions" else '["python", "docs"]'
        if not isinstance(value, list) or not all(isinstance(item, str) and item.strip() for item in value):
            problem(key, f"{key} must be a list of names as strings, not {_describe(value)}", f"for example {key} = {example}")
            continue
        if not value:
            problem(key, f"{key} is empty", f"leave the key out for all {key}, or list some, for example {key} = {example}")
            continue
        lists[key] = tuple(dict.fromkeys(str(item) for item in value))
    if problems:
        raise ConfigError(sorted(problems, key=lambda p: (p.line, p.col, p.message)))
    return Config(
        file=Path(path),
        catalog=paths.get("catalog"),
        out=paths.get("out"),
        versions=lists.get("versions", ()),
        targets=lists.get("targets", ()),
    )


def _describe(value: object) -> str:
    """A TOML value's kind and text, for a message: `the integer 3`, `the string "x"`."""
    kinds = {bool: "the boolean", int: "the integer", float: "the number", str: "the string", list: "the list", dict: "the table"}
    kind = next((name for type_, name in kinds.items() if type(value) is type_), "the value")
    if isinstance(value, bool):
        return f"{kind} {str(value).lower()}"
    if isinstance(value, str):
        return f'{kind} "{value}"' if value.strip() else "an empty string"
    if isinstance(value, dict):
        return kind
    if isinstance(value, list):
        return f"{kind} {value!r}" if len(repr(value)) <= 40 else kind
    return f"{kind} {value}"
