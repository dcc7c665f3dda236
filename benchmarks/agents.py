"""Benchmark of the agent layer (issue 11), runnable on its own:

    .venv/bin/python benchmarks/agents.py [--quick]

Against the fake Intercom of tests/fake_intercom, served from its own process so that it
does not share an interpreter lock with what is measured, and the newest version's
generated package (generated afresh into a temporary folder):

1. a client call with a policy and an audit log against the same call without
   (target: within 1.1x);
2. an MCP tool call over stdio (the official SDK's client and a real server process)
   against a direct client call;
3. a call through the gateway (its own process) against a direct call with httpx
   (target: within 1.5x on loopback), and the gateway's throughput with 50 concurrent
   agents, each with its own key, against the fake's own at the same concurrency;
4. the time from starting the MCP server to having its tool list.

Every figure is the median of several interleaved rounds, printed with its min - max; the
ratios compare figures of the same run. Exits 0 whether or not a target is met."""

from __future__ import annotations

import argparse
import asyncio
import hashlib
import json
import os
import statistics
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from processes import process_printing_url

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
TOKEN = "bench-token"
AGENTS = 50


def log(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


def median_text(samples: list[float], unit: float = 1e-3, suffix: str = "ms") -> str:
    return f"{statistics.median(samples) / unit:8.3f} {suffix}  ({min(samples) / unit:.3f} - {max(samples) / unit:.3f}, n={len(samples)})"


def rounds(works: dict[str, Callable[[], int]], count: int) -> dict[str, list[float]]:
    """Per-call seconds of each workload, interleaved round by round."""
    samples: dict[str, list[float]] = {name: [] for name in works}
    for _ in range(count):
        for name, work in works.items():
            started = time.perf_counter()
            calls = work()
            samples[name].append((time.perf_counter() - started) / calls)
    return samples


def ratio_line(name: str, numerator: list[float], denominator: list[float], target: float | None) -> str:
    """The median of the rounds' own ratios: each round runs both sides back to back, so a
    burst of load from elsewhere hits the pair, not one side."""
    paired = sorted(a / b for a, b in zip(numerator, denominator, strict=True))
    value = statistics.median(paired)
    verdict = "" if target is None else ("  MET" if value <= target else "  not met") + f" (target <= {target}x)"
    return f"  {name}: {value:.2f}x (round by round {paired[0]:.2f} - {paired[-1]:.2f}){verdict}"


def cpu_seconds(pid: int) -> float | None:
    """A process's user and system CPU time so far (Linux), or None where /proc is absent."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def fake_command() -> list[str]:
    code = (
        "import sys\n"
        "from tests.fake_intercom import FakeIntercom\n"
        f"fake = FakeIntercom(token={TOKEN!r}, contacts=60)\n"
        "fake.start()\n"
        "print(fake.base_url, flush=True)\n"
        "sys.stdin.read()\n"
        "fake.stop()\n"
    )
    return [PYTHON, "-c", code]


def gateway_command(policy: Path, upstream: str, log_path: Path) -> list[str]:
    code = (
        "import sys, threading\n"
        "from intercom_api.gateway import Gateway, Running\n"
        "from intercom_api.policy import Policy\n"
        f"gateway = Gateway(Policy.load({str(policy)!r}), {TOKEN!r}, {upstream!r}, audit_log={str(log_path)!r})\n"
        "running = Running(gateway)\n"
        "print(running.base_url, flush=True)\n"
        "sys.stdin.read()\n"
        "running.stop()\n"
    )
    return [PYTHON, "-c", code]


def generate_package(out: Path) -> tuple[str, Path]:
    sys.path.insert(0, str(ROOT))
    from intercom_gen.pipeline import generate, resolve_catalog
    from intercom_gen.write import write_tree

    resolved = resolve_catalog()
    version = resolved.supported[-1]
    log(f"generating the {version} package into {out}")
    write_tree(out / version, generate(resolved, [version], targets=["python"])[version])
    return version, out / version / "python"


def write_policy(folder: Path) -> tuple[Path, dict[str, str]]:
    keys = {f"agent-{i:02d}": f"key-{i:02d}-{'x' * 24}" for i in range(AGENTS)}
    agents: dict[str, Any] = {
        name: {"contacts": "read", "conversations": "full", "key_sha256": hashlib.sha256(key.encode()).hexdigest()}
        for name, key in keys.items()
    }
    agents["bench-bot"] = {"contacts": "read", "conversations": "full"}
    path = folder / "agents.yaml"
    path.write_text(json.dumps({"agents": agents}), encoding="utf-8")
    return path, keys


def part_guarded(base_url: str, policy_path: Path, folder: Path, calls: int, count: int) -> list[str]:
    from intercom_api import Intercom
    from intercom_api.policy import Policy

    policy = Policy.load(policy_path)
    plain = Intercom(TOKEN, base_url=base_url)
    guarded = Intercom(TOKEN, base_url=base_url, policy=policy, agent="bench-bot", audit_log=folder / "client-audit.jsonl")

    def work(client: Any) -> Callable[[], int]:
        def run() -> int:
            for _ in range(calls):
                client.contacts.retrieve("c1")
            return calls

        return run

    for client in (plain, guarded):
        work(client)()
    samples = rounds({"plain": work(plain), "guarded": work(guarded)}, count)
    plain.close()
    guarded.close()
    return [
        "Guarded client (policy + audit log) against the plain client, contacts.retrieve:",
        f"  plain    {median_text(samples['plain'])}",
        f"  guarded  {median_text(samples['guarded'])}",
        ratio_line("guarded / plain", samples["guarded"], samples["plain"], 1.1),
        f"  the guard alone (decide, check the log, write its line), no network: {guard_alone(policy, folder):.1f} us a call",
    ]


def guard_alone(policy: Any, folder: Path) -> float:
    """Microseconds per admitted and answered call, measured in process."""
    from intercom_api.audit import Guard
    from intercom_api.endpoints import ENDPOINTS

    guard = Guard(policy, "bench-bot", folder / "guard-audit.jsonl")
    endpoint = ENDPOINTS["contacts.retrieve"]
    calls = 5000
    started = time.perf_counter()
    for _ in range(calls):
        guard.admit(endpoint, "/contacts/c1").answered(200, "request-1")
    return (time.perf_counter() - started) / calls * 1e6


def mcp_parameters(python_dir: Path, policy_path: Path, base_url: str, folder: Path) -> Any:
    from mcp import StdioServerParameters

    return StdioServerParameters(
        command=PYTHON,
        args=["-m", "intercom_api.mcp", "--policy", str(policy_path), "--agent", "bench-bot", "--base-url", base_url, "--audit-log", str(folder / "mcp-audit.jsonl")],
        env={**os.environ, "PYTHONPATH": str(python_dir), "INTERCOM_ACCESS_TOKEN": TOKEN},
    )


def part_mcp(python_dir: Path, policy_path: Path, base_url: str, folder: Path, calls: int, count: int, starts: int) -> list[str]:
    from intercom_api import AsyncIntercom
    from mcp import Client

    parameters = mcp_parameters(python_dir, policy_path, base_url, folder)

    async def measure() -> tuple[dict[str, list[float]], list[float], list[float]]:
        tool_list: list[float] = []
        first_call: list[float] = []
        for _ in range(starts):
            started = time.perf_counter()
            async with Client(parameters, cache=None) as client:
                await client.list_tools()
                tool_list.append(time.perf_counter() - started)
                await client.call_tool("contacts_retrieve", {"contact_id": "c1"})
                first_call.append(time.perf_counter() - started)
        samples: dict[str, list[float]] = {"direct": [], "mcp": []}
        async with Client(parameters, cache=None) as client, AsyncIntercom(TOKEN, base_url=base_url) as direct:
            await client.call_tool("contacts_retrieve", {"contact_id": "c1"})
            await direct.contacts.retrieve("c1")
            for _ in range(count):
                started = time.perf_counter()
                for _ in range(calls):
                    await direct.contacts.retrieve("c1")
                samples["direct"].append((time.perf_counter() - started) / calls)
                started = time.perf_counter()
                for _ in range(calls):
                    result = await client.call_tool("contacts_retrieve", {"contact_id": "c1"})
                    assert not result.is_error
                samples["mcp"].append((time.perf_counter() - started) / calls)
        return samples, tool_list, first_call

    samples, tool_list, first_call = asyncio.run(measure())
    return [
        "MCP tool call over stdio against a direct AsyncIntercom call, contacts.retrieve:",
        f"  direct   {median_text(samples['direct'])}",
        f"  mcp      {median_text(samples['mcp'])}",
        ratio_line("mcp / direct", samples["mcp"], samples["direct"], None),
        "MCP server start (process spawn, SDK import, policy load) to its tool list:",
        f"  to tool list   {median_text(tool_list, 1.0, 's ')}",
        f"  to first call  {median_text(first_call, 1.0, 's ')}",
    ]


def part_gateway(policy_path: Path, keys: dict[str, str], base_url: str, version: str, env: dict[str, str], folder: Path, calls: int, count: int, per_agent: int, fake_pid: int) -> list[str]:
    import httpx

    with process_printing_url(gateway_command(policy_path, base_url, folder / "gateway-audit.jsonl"), ROOT, env) as (gateway, gateway_url):
        key = next(iter(keys.values()))
        direct = httpx.Client(base_url=base_url, headers={"Authorization": f"Bearer {TOKEN}", "Intercom-Version": version})
        through = httpx.Client(base_url=gateway_url, headers={"Authorization": f"Bearer {key}"})

        def work(client: httpx.Client) -> Callable[[], int]:
            def run() -> int:
                for _ in range(calls):
                    response = client.get("/contacts/c1")
                    assert response.status_code == 200, response.text
                return calls

            return run

        for client in (direct, through):
            work(client)()
        samples = rounds({"direct": work(direct), "gateway": work(through)}, count)
        cpu_calls = 20 * calls
        cpu_before = (cpu_seconds(gateway.pid), cpu_seconds(fake_pid))
        for _ in range(20):
            work(through)()
        cpu_after = (cpu_seconds(gateway.pid), cpu_seconds(fake_pid))
        direct.close()
        through.close()

        def throughput(url: str, headers_for: Callable[[int], dict[str, str]]) -> float:
            barrier = threading.Barrier(AGENTS + 1)
            failures: list[str] = []

            def agent(index: int) -> None:
                with httpx.Client(base_url=url, headers=headers_for(index), timeout=60) as client:
                    client.get("/contacts/c1")
                    barrier.wait()
                    for _ in range(per_agent):
                        response = client.get("/contacts/c1")
                        if response.status_code != 200:
                            failures.append(response.text[:200])

            threads = [threading.Thread(target=agent, args=(i,)) for i in range(AGENTS)]
            for thread in threads:
                thread.start()
            barrier.wait()
            started = time.perf_counter()
            for thread in threads:
                thread.join()
            elapsed = time.perf_counter() - started
            if failures:
                raise RuntimeError(f"{len(failures)} calls failed: {failures[0]}")
            return AGENTS * per_agent / elapsed

        agent_keys = list(keys.values())
        via_gateway = [throughput(gateway_url, lambda i: {"Authorization": f"Bearer {agent_keys[i]}"}) for _ in range(3)]
        straight = [throughput(base_url, lambda i: {"Authorization": f"Bearer {TOKEN}", "Intercom-Version": version}) for _ in range(3)]
    return [
        "Gateway (own process) against a direct httpx call, GET /contacts/c1:",
        f"  direct   {median_text(samples['direct'])}",
        f"  gateway  {median_text(samples['gateway'])}",
        ratio_line("gateway / direct", samples["gateway"], samples["direct"], 1.5),
        cpu_line(cpu_before, cpu_after, cpu_calls),
        f"  throughput, {AGENTS} concurrent agents with their own keys, {per_agent} calls each:",
        f"    through the gateway  {statistics.median(via_gateway):8.0f} calls/s  ({min(via_gateway):.0f} - {max(via_gateway):.0f}, n=3)",
        f"    straight to the fake {statistics.median(straight):8.0f} calls/s  ({min(straight):.0f} - {max(straight):.0f}, n=3)",
        f"    gateway / direct throughput: {statistics.median(via_gateway) / statistics.median(straight):.2f}",
    ]


def cpu_line(before: tuple[float | None, float | None], after: tuple[float | None, float | None], calls: int) -> str:
    if None in before or None in after:
        return "  (CPU per call: not measurable without /proc)"
    gateway = (after[0] - before[0]) / calls * 1e6  # type: ignore[operator]
    fake = (after[1] - before[1]) / calls * 1e6  # type: ignore[operator]
    return f"  CPU per call (which the machine's load does not inflate): gateway {gateway:.0f} us, the fake Intercom {fake:.0f} us"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="fewer calls and rounds")
    options = parser.parse_args()
    calls, count, starts, per_agent = (25, 9, 3, 10) if options.quick else (40, 41, 5, 40)
    with tempfile.TemporaryDirectory(prefix="intercom-agents-bench-") as temporary:
        folder = Path(temporary)
        version, python_dir = generate_package(folder / "out")
        sys.path.insert(0, str(python_dir))
        policy_path, keys = write_policy(folder)
        env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(python_dir), str(ROOT)])}
        report = [f"Agent layer benchmark, Intercom API {version}, {os.cpu_count()} cores, {'quick' if options.quick else 'full'} run", ""]
        with process_printing_url(fake_command(), ROOT, env) as (fake, base_url):
            log("1/3 guarded client")
            report += part_guarded(base_url, policy_path, folder, calls, count)
            log("2/3 MCP server")
            report += part_mcp(python_dir, policy_path, base_url, folder, max(calls // 4, 10), count, starts)
            log("3/3 gateway")
            report += part_gateway(policy_path, keys, base_url, version, env, folder, calls, count, per_agent, fake.pid)
        audit_lines = sum(len(p.read_text().splitlines()) for p in folder.glob("*-audit.jsonl"))
        report += ["", f"Audit lines written during the run: {audit_lines}"]
    print("\n".join(report))
    return 0


if __name__ == "__main__":
    sys.exit(main())
