"""A small helper process that starts every measured command, so that a command's peak
memory is its own.

A process started from another begins with its parent's memory mapped, and Linux keeps
that peak in the child's ru_maxrss after it execs: a command started directly by a
benchmark holding 130 MiB (part B's clients and pages) reports at least 130 MiB,
whatever it used itself. This helper is started before the benchmark grows and imports
almost nothing (it runs without site-packages and spawns with os.posix_spawn, not the
subprocess module), so it holds a few MiB. It tells its own peak with each result: a
command's peak at or below it cannot be told from it, and run.py reports that.

Run as a script it serves requests read from its standard input and answers on its
standard output, each a length-prefixed marshal record."""

from __future__ import annotations

import marshal
import os
import sys
import time

TYPE_CHECKING = False  # not typing's: the helper imports as little as it can
if TYPE_CHECKING:
    from typing import IO, Any

# ru_maxrss is in KiB on Linux and in bytes on macOS.
RSS_UNIT = 1 if sys.platform == "darwin" else 1024
HEADER = 8  # bytes of a record's length


def _read_record(stream: IO[bytes]) -> Any:
    header = stream.read(HEADER)
    if len(header) < HEADER:
        return None
    return marshal.loads(stream.read(int.from_bytes(header, "big")))


def _write_record(stream: IO[bytes], record: Any) -> None:
    data = marshal.dumps(record)
    stream.write(len(data).to_bytes(HEADER, "big") + data)
    stream.flush()


def _own_peak() -> int:
    """The peak of this process's memory since it started (Linux's VmHWM; 0 elsewhere):
    what a command it spawns may carry. Not ru_maxrss, which holds the peak of the
    benchmark that started this helper, the very effect this helper is for."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


def _serve() -> None:
    import resource

    requests, answers = sys.stdin.buffer, sys.stdout.buffer
    while (request := _read_record(requests)) is not None:
        cmd, cwd, env, out, err = request
        os.chdir(cwd)
        actions = [
            (os.POSIX_SPAWN_OPEN, 1, out, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644),
            (os.POSIX_SPAWN_OPEN, 2, err, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644),
        ]
        started = time.perf_counter()
        pid = os.posix_spawn(cmd[0], cmd, env if env is not None else os.environ, file_actions=actions)
        _, status, usage = os.wait4(pid, 0)
        elapsed = time.perf_counter() - started
        own = _own_peak() or resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * RSS_UNIT
        answer = (elapsed, usage.ru_maxrss * RSS_UNIT, usage.ru_utime + usage.ru_stime, os.waitstatus_to_exitcode(status), own)
        _write_record(answers, answer)


class Measured:
    """One command's run, as the helper measured it."""

    __slots__ = ("cpu", "elapsed", "peak_rss", "returncode", "spawner_rss")

    def __init__(self, elapsed: float, peak_rss: int, cpu: float, returncode: int, spawner_rss: int) -> None:
        self.elapsed = elapsed  # seconds of wall time, from start to exit
        self.peak_rss = peak_rss  # bytes: the command's peak resident set, and its waited children's
        self.cpu = cpu  # seconds of CPU, user and system, of the command and its waited children
        self.returncode = returncode
        self.spawner_rss = spawner_rss  # bytes: the helper's own peak, below which a peak says nothing


class Spawner:
    """The helper, from the benchmark's side; start it before anything large is loaded."""

    def __init__(self) -> None:
        import subprocess

        self._process = subprocess.Popen([sys.executable, "-S", __file__], stdin=subprocess.PIPE, stdout=subprocess.PIPE)

    def run(self, cmd: list[str], cwd: str, env: dict[str, str] | None, out: str, err: str) -> Measured:
        """Run cmd (an absolute path first) with its output in the files out and err."""
        assert self._process.stdin is not None and self._process.stdout is not None
        _write_record(self._process.stdin, (cmd, cwd, env, out, err))
        answer = _read_record(self._process.stdout)
        if answer is None:
            raise RuntimeError("the benchmark's spawner process ended")
        return Measured(*answer)

    def close(self) -> None:
        assert self._process.stdin is not None
        self._process.stdin.close()
        self._process.wait(timeout=30)


if __name__ == "__main__":
    _serve()
