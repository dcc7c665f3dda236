"""A harness for Stoplight Prism, the mock server that answers as an OpenAPI description says.

`prism mock <file>` validates every request against the description (an invalid one gets a
422 or 400 with the violations in an `sl-violations` header or an application/problem+json
body) and answers a valid one with the description's example for its success status.

Prism is pinned in tests/prism/package.json (`npm ci --prefix tests/prism`); `unavailable()`
says why it cannot run here, for a skip. `PrismPool` starts one Prism per description, all at
once, and stops them all when closed; use it from a module- or session-scoped fixture:

    @pytest.fixture(scope="module")
    def mocks(tmp_path_factory):
        reason = unavailable()
        if reason:
            pytest.skip(reason)
        with PrismPool(tmp_path_factory.mktemp("prism")) as pool:
            yield pool.start([description_a, description_b])  # {description: PrismMock}

`start` raises PrismError (with Prism's output) when any description fails to load;
`start_each` returns the running ones and the errors apart. tests/client_driver.py then
calls every method of a generated client against `mock.base_url`.
"""

from __future__ import annotations

import re
import shutil
import socket
import subprocess
import time
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType

PRISM_DIR = Path(__file__).resolve().with_name("prism")
PRISM_BIN = PRISM_DIR / "node_modules" / ".bin" / "prism"
HOST = "127.0.0.1"
START_TIMEOUT = 120.0
STOP_TIMEOUT = 5.0
LOG_EXCERPT = 3000


class PrismError(RuntimeError):
    """Prism did not start, or stopped: the message carries its output."""


def unavailable() -> str | None:
    """Why Prism cannot run here (no Node.js, or tests/prism not installed), or None."""
    if shutil.which("node") is None:
        return "Node.js is not installed (Prism, the OpenAPI mock server, runs on it)"
    if not PRISM_BIN.exists():
        return f"Prism is not installed in {PRISM_DIR}: run `npm ci --prefix tests/prism` in the project root"
    return None


# --- repairing a description before Prism reads it ---------------------------------------------


@dataclass(frozen=True)
class MissingComponent:
    """A component schema that some published descriptions reference but never define.

    Prism refuses to start on a dangling $ref, so `prepare` adds `definition` under
    components/schemas when a description references the name without defining it."""

    name: str
    definition: Sequence[str]
    why: str


MISSING_COMPONENTS: tuple[MissingComponent, ...] = (
    # Intercom's 2.11 description refers to #/components/schemas/custom_attributes (from
    # conversation_list_item, create_phone_switch_request, update_data_attribute_request and
    # others) but defines no such schema; the later descriptions define it as an object of
    # free-form key/value pairs. The smallest definition that lets Prism resolve the $ref is an
    # open object; it accepts everything the later definition accepts.
    MissingComponent(
        name="custom_attributes",
        definition=("type: object", "additionalProperties: true"),
        why="referenced by the description but not defined in its components/schemas",
    ),
)

COMPONENT_SCHEMAS = re.compile(r"^components:[ \t]*\n(?:[ \t]*(?:#.*)?\n)*?(?P<indent>[ \t]+)schemas:[ \t]*\n", re.M)


def defined_schemas(text: str) -> set[str]:
    """The names defined under components/schemas of `text` (a description in YAML), read
    from the text: the keys one level below `schemas:`, up to the end of that block."""
    found = COMPONENT_SCHEMAS.search(text)
    if found is None:
        return set()
    indent = found.group("indent")
    names: set[str] = set()
    for line in text[found.end() :].split("\n"):
        stripped = line.lstrip(" \t")
        if not stripped or stripped.startswith("#"):
            continue
        depth = len(line) - len(stripped)
        if depth <= len(indent):
            break
        if depth == 2 * len(indent) and ":" in stripped:
            names.add(stripped.split(":", 1)[0].strip("\"'"))
    return names


def repairs(text: str) -> list[MissingComponent]:
    """The known missing components that `text` references but does not define."""
    defined = defined_schemas(text)
    return [
        missing
        for missing in MISSING_COMPONENTS
        if f"#/components/schemas/{missing.name}" in text and missing.name not in defined
    ]


def repaired(text: str) -> str:
    """`text` with every missing component of `repairs(text)` added to components/schemas.

    The definitions go in as text right under `schemas:`, so the rest of the file is left
    byte for byte (a YAML round trip of these 700 kB files would be slow and reflow them)."""
    missing = repairs(text)
    if not missing:
        return text
    found = COMPONENT_SCHEMAS.search(text)
    if found is None:
        raise PrismError("the description has no components/schemas section to add a missing schema to")
    indent = found.group("indent")
    lines: list[str] = []
    for component in missing:
        lines.append(f"{indent * 2}# added by tests/prism_mock.py: {component.why}")
        lines.append(f"{indent * 2}{component.name}:")
        lines.extend(f"{indent * 3}{line}" for line in component.definition)
    return text[: found.end()] + "\n".join(lines) + "\n" + text[found.end() :]


def prepare(description: Path, scratch: Path) -> Path:
    """The file Prism should read: `description` itself, or a repaired copy in `scratch`."""
    text = description.read_text(encoding="utf-8")
    fixed = repaired(text)
    if fixed == text:
        return description
    folder = scratch / f"repaired-{len(list(scratch.glob('repaired-*')))}"
    folder.mkdir(parents=True)
    copy = folder / description.name
    copy.write_text(fixed, encoding="utf-8")
    return copy


# --- running Prism -------------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind((HOST, 0))
        port: int = probe.getsockname()[1]
        return port


def _listening(port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.settimeout(0.2)
        return probe.connect_ex((HOST, port)) == 0


@dataclass
class PrismMock:
    """One running `prism mock`: its description, base URL and log (stdout and stderr)."""

    description: Path
    served: Path
    port: int
    log: Path
    process: subprocess.Popen[bytes] = field(repr=False)

    @property
    def base_url(self) -> str:
        return f"http://{HOST}:{self.port}"

    def output(self) -> str:
        """Prism's output so far; when long, its start (where a load error is told) and end."""
        try:
            text = self.log.read_text(encoding="utf-8", errors="replace")
        except OSError:
            return ""
        if len(text) <= 2 * LOG_EXCERPT:
            return text
        return text[:LOG_EXCERPT] + "\n[...]\n" + text[-LOG_EXCERPT:]

    def failure(self, what: str) -> PrismError:
        return PrismError(
            f"Prism {what} for {self.description} (serving {self.served}, port {self.port}); "
            f"its output:\n{self.output()}"
        )

    def check_running(self) -> None:
        if self.process.poll() is not None:
            raise self.failure(f"exited with status {self.process.returncode}")

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(STOP_TIMEOUT)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(STOP_TIMEOUT)


def launch(description: Path, scratch: Path, *, extra_args: Sequence[str] = ()) -> PrismMock:
    """Start `prism mock` on a free port for `description` (repaired first when needed);
    it may not be listening yet: see `wait_for_each`."""
    served = prepare(description, scratch)
    port = free_port()
    log = scratch / f"prism-{port}.log"
    with log.open("wb") as sink:
        process = subprocess.Popen(
            [str(PRISM_BIN), "mock", str(served.resolve()), "-h", HOST, "-p", str(port), *extra_args],
            stdin=subprocess.DEVNULL,
            stdout=sink,
            stderr=subprocess.STDOUT,
            cwd=PRISM_DIR,
        )
    return PrismMock(description, served, port, log, process)


def wait_for_each(mocks: Iterable[PrismMock], timeout: float = START_TIMEOUT) -> dict[Path, PrismError]:
    """Wait until every mock accepts connections, or exits, or `timeout` seconds pass;
    {description: error (with Prism's output)} for each that is not listening then."""
    waiting = list(mocks)
    failed: dict[Path, PrismError] = {}
    deadline = time.monotonic() + timeout
    while waiting:
        for mock in list(waiting):
            try:
                mock.check_running()
            except PrismError as error:
                failed[mock.description] = error
                waiting.remove(mock)
                continue
            if _listening(mock.port):
                waiting.remove(mock)
        if waiting and time.monotonic() > deadline:
            for mock in waiting:
                failed[mock.description] = mock.failure(f"was not listening after {timeout:g} s")
                mock.stop()
            break
        if waiting:
            time.sleep(0.1)
    return failed


class PrismPool:
    """Prism mock servers, one per description, all stopped on `close()` (or leaving `with`).

    `start` launches the descriptions not yet running side by side, then waits for them, so
    five descriptions start in the time of one."""

    def __init__(self, scratch: Path, *, timeout: float = START_TIMEOUT, extra_args: Sequence[str] = ()) -> None:
        self.scratch = scratch
        self.timeout = timeout
        self.extra_args = tuple(extra_args)
        self.mocks: dict[Path, PrismMock] = {}

    def start(self, descriptions: Iterable[Path]) -> Mapping[Path, PrismMock]:
        """The running mock of each description; PrismError when any cannot start."""
        started, failed = self.start_each(descriptions)
        if failed:
            raise next(iter(failed.values()))
        return started

    def start_each(self, descriptions: Iterable[Path]) -> tuple[dict[Path, PrismMock], dict[Path, PrismError]]:
        """({description: running mock}, {description: why it did not start}): one
        description Prism cannot load leaves the others running."""
        wanted = list(dict.fromkeys(Path(d) for d in descriptions))
        launched: list[PrismMock] = []
        for description in wanted:
            if description not in self.mocks:
                self.mocks[description] = launch(description, self.scratch, extra_args=self.extra_args)
                launched.append(self.mocks[description])
        failed = wait_for_each(launched, self.timeout)
        for description in failed:
            del self.mocks[description]
        return {d: self.mocks[d] for d in wanted if d not in failed}, failed

    def mock(self, description: Path) -> PrismMock:
        """The running mock of one description, started when it is not running yet."""
        return self.start([description])[Path(description)]

    def close(self) -> None:
        for mock in self.mocks.values():
            mock.stop()
        self.mocks.clear()

    def __enter__(self) -> PrismPool:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()
