"""`intercom-gen policy check/show` and `intercom-gen scopes --policy --agent`: a policy
file read with ruamel against a version's catalog, problems at their lines (exit 2),
the agent's table of decisions, and the least OAuth scopes for what it is allowed."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from intercom_gen.agent_policy import decisions, read_policy
from intercom_gen.cli import main
from intercom_gen.scopes import least_scopes
from tests.client.versions import NEWEST, OLDEST, RESOLVED

POLICY = """\
agents:
  support-bot:
    conversations: full
    contacts: read
    endpoints:
      conversations.manage: off
      tickets.reply: on
  auditor:
    admins: read
"""


def run(*arguments: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(arguments))
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def policy(tmp_path: Path) -> Path:
    path = tmp_path / "agents.yaml"
    path.write_text(POLICY)
    return path


def test_check_accepts_a_valid_policy(policy: Path) -> None:
    code, out, _ = run("policy", "check", str(policy))
    assert code == 0
    catalog = RESOLVED.versions[RESOLVED.base.api.default_version]
    allowed = sum(1 for _, d in decisions(catalog, read_policy(policy, catalog).agent("support-bot")) if d.allowed)
    assert out.splitlines()[1] == f"  support-bot: {allowed} of {len(catalog.endpoints)} endpoints allowed"


def test_check_reports_every_problem_at_its_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text("agents:\n  bot:\n    contact: read\n    tickets: ful\n    endpoints:\n      tickets.rply: on\n      tickets.reply: yes\n    key_sha256: 12\n")
    code, _, err = run("policy", "check", str(path), "--version", NEWEST)
    assert code == 2
    lines = err.splitlines()
    assert lines[0].endswith(f"bad.yaml:3:5: unknown group 'contact' at API version {NEWEST} (did you mean 'contacts'?)")
    assert lines[1].endswith("bad.yaml:4:14: unknown level 'ful' for group 'tickets' (did you mean 'full'?)")
    assert lines[2].endswith(f"bad.yaml:6:7: unknown endpoint 'tickets.rply' at API version {NEWEST} (did you mean 'tickets.reply'?)")
    assert lines[3].endswith("bad.yaml:7:22: endpoint override 'yes' for 'tickets.reply' must be on or off")
    assert lines[4].endswith("bad.yaml:8:17: 'key_sha256' of agent 'bot' must be 64 hexadecimal digits (the SHA-256 of the agent's key, for example from 'sha256sum')")
    assert lines[5] == "5 problems found; nothing was written."


def test_an_endpoint_of_a_later_version_says_so(tmp_path: Path) -> None:
    newer = sorted(
        {e.id for e in RESOLVED.versions[NEWEST].endpoints} - {e.id for e in RESOLVED.versions[OLDEST].endpoints}
    )[0]
    since = RESOLVED.versions[NEWEST].endpoint(newer).since
    path = tmp_path / "agents.yaml"
    path.write_text(f"agents:\n  bot:\n    endpoints:\n      {newer}: on\n")
    code, _, err = run("policy", "check", str(path), "--version", OLDEST)
    assert code == 2 and f"(endpoint {newer!r} exists from API version {since})" in err
    assert run("policy", "check", str(path), "--version", NEWEST)[0] == 0


def test_files_that_are_not_policies(tmp_path: Path) -> None:
    cases = {
        "anchors.yaml": ("agents:\n  a: &x {contacts: read}\n  b: *x\n", ":2:6: anchors and aliases"),
        "twice.yaml": ("agents:\n  a: {}\n  a: {}\n", ":3:3: invalid YAML"),
        "broken.yaml": ("agents: [\n", "invalid YAML"),
        "other.yaml": ("rules: {}\n", "a policy file is a mapping with one key, 'agents'"),
    }
    for name, (text, problem) in cases.items():
        (tmp_path / name).write_text(text)
        code, _, err = run("policy", "check", str(tmp_path / name))
        assert code == 2 and problem in err, (name, err)
    code, _, err = run("policy", "check", str(tmp_path))
    assert code == 2 and "not a regular file" in err


def test_show_prints_every_decision_as_a_table(policy: Path) -> None:
    code, out, _ = run("policy", "show", str(policy), "--agent", "support-bot", "--version", NEWEST)
    assert code == 0
    lines = out.splitlines()
    catalog = RESOLVED.versions[NEWEST]
    assert lines[0].startswith(f"support-bot at API version {NEWEST}: ")
    assert lines[2].split() == ["ENDPOINT", "METHOD", "PATH", "ACCESS", "DECISION", "RULE"]
    rows = {line.split()[0]: line.split() for line in lines[3:]}
    assert set(rows) == {e.id for e in catalog.endpoints}
    assert rows["tickets.reply"][4:] == ["allow", "endpoints:", "tickets.reply:", "on"]
    assert rows["conversations.manage"][4] == "deny"
    assert rows["contacts.delete"][4:] == ["deny", "contacts:", "read"]
    decided = [row[4] for row in (line.split() for line in lines[3:])]
    assert decided == sorted(decided)  # allowed first
    code, _, err = run("policy", "show", str(policy), "--agent", "suport-bot")
    assert code == 2 and "unknown agent 'suport-bot'" in err and "did you mean 'support-bot'?" in err


def test_scopes_cover_what_the_policy_allows(policy: Path) -> None:
    code, out, _ = run("scopes", "--policy", str(policy), "--agent", "support-bot", "--version", NEWEST)
    assert code == 0
    catalog = RESOLVED.versions[NEWEST]
    allowed = [e for e, d in decisions(catalog, read_policy(policy, catalog).agent("support-bot")) if d.allowed]
    covered = [e for e in allowed if catalog.endpoint(e).permission is not None]
    chosen = least_scopes(catalog, covered)
    assert out.splitlines()[0] == f"Agent support-bot ({read_policy(policy, catalog).path}) is allowed {len(allowed)} endpoints."
    for choice in chosen:
        assert f"\n{choice.name}: " in out
    assert "Write users" not in out  # contacts is read-only for this agent
    code, out, _ = run("scopes", "--policy", str(policy), "--agent", "auditor")
    assert code == 0 and "Read admins" in out


@pytest.mark.parametrize(
    "arguments",
    [("scopes",), ("scopes", "--agent", "bot"), ("scopes", "--policy", "x.yaml"), ("scopes", "contacts.list", "--policy", "x.yaml", "--agent", "a")],
)
def test_scopes_wants_names_or_a_policy_and_an_agent(arguments: tuple[str, ...]) -> None:
    assert run(*arguments)[0] == 2
