"""The model worker: a forked child that imports datamodel-code-generator at once, then
makes the classes of the one document it is sent and sends them back.

A run that may need new models starts it as soon as it knows: a plain regeneration in
generator.entry, before click and the pipeline are imported, any other run from the
command line. The tool's imports (about 0.35 s) are most of a cold run's critical path,
so every millisecond the fork comes sooner is one the run ends sooner. Only `os` and
`sys` are imported here; the child imports generator.model_generation, which serves the
document, and the parent imports it once it has a document to send."""

from __future__ import annotations

import os
import sys

from .cache_files import cache_path, keep_file
from .fingerprint import catalog_listing

TYPE_CHECKING = False  # not typing's: importing typing would cost the entry point 3 ms
if TYPE_CHECKING:
    from .fingerprint import Folder
    from .model_variants import Classes


def can_fork() -> bool:
    # Forking is only safe while this is the process's one thread (a lock another thread
    # holds would stay locked in the child), and macOS forbids it for some system libraries.
    threading = sys.modules.get("threading")
    return hasattr(os, "fork") and sys.platform != "darwin" and (threading is None or threading.active_count() == 1)


def end_child(pid: int) -> None:
    """Kill a forked child whose result is not wanted, and reap it; 0 is no child."""
    import signal

    if pid:
        try:
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
        except OSError:
            pass


class Worker:
    """The forked child, from this process's side."""

    def __init__(self) -> None:
        requests, self._requests = os.pipe()
        self._results, results = os.pipe()
        self._document: str | None = None
        self.pid = os.fork()
        if self.pid == 0:
            try:
                os.close(self._requests)
                os.close(self._results)
                from .model_generation import serve

                serve(requests, results)  # never returns
            finally:
                os._exit(1)  # the child never returns into its parent's code, whatever failed
        os.close(requests)
        os.close(results)

    def send(self, request_text: str) -> None:
        # Through a file: the child reads its request only once its imports are done,
        # and a pipe would block this process until then.
        import tempfile  # only for a cold run: its imports cost every run 5 ms

        descriptor, self._document = tempfile.mkstemp(prefix="intercom-gen-models-", suffix=".json")
        with os.fdopen(descriptor, "w", encoding="utf-8") as stream:
            stream.write(request_text)
        os.write(self._requests, os.fsencode(self._document))
        os.close(self._requests)
        self._requests = -1

    def receive(self) -> Classes:
        from .model_generation import child_result

        descriptor, pid, self._results, self.pid = self._results, self.pid, -1, 0
        try:
            return child_result(descriptor, pid)
        except RuntimeError as error:
            raise RuntimeError(f"datamodel-code-generator failed in its worker process: {error}") from None
        finally:
            self._forget_document()

    def stop(self) -> None:
        """End the child, wanted or not, and everything it was given."""
        for descriptor in (self._requests, self._results):
            if descriptor >= 0:
                os.close(descriptor)
        self._requests = self._results = -1
        end_child(self.pid)
        self.pid = 0
        self._forget_document()

    def _forget_document(self) -> None:
        if self._document is not None:
            try:  # noqa: SIM105 - contextlib is not loaded on the entry point's path
                os.unlink(self._document)
            except OSError:
                pass
            self._document = None


_early: Worker | None = None
# The catalog folder and its listing as the run found them: what its models are made for.
_started: tuple[str, str] | None = None


def _state_file() -> str:
    return cache_path("models", "made-for")


def start_early(catalog_folder: Folder, listing: str | None = None) -> None:
    """Start a worker before the catalog is loaded, for a run that may need new models
    (the catalog changed since models were last made); the run's first PendingModels
    that has to make models uses it, and stop_early() ends it otherwise. `listing` is
    the folder's catalog_listing where the caller has just taken it."""
    global _early, _started
    folder = os.path.abspath(catalog_folder)
    if _started is None or _started[0] != folder:
        _started = (folder, catalog_listing(folder) if listing is None else listing)
    if _early is not None or not can_fork():
        return
    try:
        with open(_state_file(), encoding="utf-8") as stream:
            if stream.read() == _started[1]:
                return
    except (OSError, UnicodeDecodeError):
        pass
    _early = Worker()


def has_early() -> bool:
    return _early is not None


def take_worker() -> Worker:
    """The worker started early, or a new one."""
    global _early
    worker, _early = _early, None
    return worker or Worker()


def stop_early(catalog_folder: Folder | None = None) -> None:
    """Stop a worker started early that no run used (the models were cached); given the
    catalog folder of a run that succeeded, remember that its models are made, for the
    catalog as the run found it."""
    global _early, _started
    if _early is not None:
        _early.stop()
        _early = None
    if catalog_folder is not None:
        folder = os.path.abspath(catalog_folder)
        listing = _started[1] if _started is not None and _started[0] == folder else catalog_listing(folder)
        keep_file(_state_file(), listing.encode("utf-8"))
    _started = None
