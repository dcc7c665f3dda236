"""The generated `intercom_api.policy`: deny by default, group levels, endpoint overrides,
gateway keys, and every name checked against the version's catalog at load time, each
problem reported with its file, line and column and the closest valid name. The
generator's own reader (generator.agent_policy, behind `intercom-gen policy`) must
decide exactly as the generated package does."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from intercom_gen.agent_policy import decide as generator_decide
from intercom_gen.agent_policy import read_policy
from intercom_gen.diagnostics import CatalogError
from tests.client.versions import RESOLVED

POLICY = """\
agents:
  support-bot:
    conversations: full        # off | read | full
    contacts: read
    tickets: read
    endpoints:                 # per-endpoint overrides: on | off
      conversations.manage: off
      tickets.reply: on
    key_sha256: {key}
  reader:
    contacts: read
    companies: off
"""
KEY = "support-bot-key"
BROKEN = """\
agents:
  support-bot:
    conversation: full
    contacts: reed
    endpoints:
      contacts.delet: off
      contacts.delete: maybe
  nobody here:
    contacts: read
"""


@pytest.fixture(scope="module")
def policy_module(api: ModuleType) -> ModuleType:
    import intercom_api.policy

    return intercom_api.policy


def write(tmp_path: Path, text: str, name: str = "agents.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def policy(policy_module: ModuleType, tmp_path: Path) -> Any:
    return policy_module.Policy.load(write(tmp_path, POLICY.format(key=hashlib.sha256(KEY.encode()).hexdigest())))


def test_levels_overrides_and_deny_by_default(policy: Any, api: ModuleType) -> None:
    bot = policy.agent("support-bot")
    decide = bot.decide
    assert decide("conversations.reply").allowed and decide("conversations.reply").rule == "conversations: full"
    assert decide("contacts.retrieve").allowed and decide("contacts.retrieve").rule == "contacts: read"
    # read covers only read endpoints
    assert not decide("contacts.delete").allowed
    assert decide("contacts.delete").explanation == "'contacts: read' allows only read endpoints, and contacts.delete writes"
    # an override wins over its group, both ways
    assert not decide("conversations.manage").allowed
    assert decide("conversations.manage").rule == "endpoints: conversations.manage: off"
    assert decide("tickets.reply").allowed and decide("tickets.reply").rule == "endpoints: tickets.reply: on"
    # a group not named is off
    assert not decide("admins.me").allowed and decide("admins.me").rule == "no rule for admins (deny by default)"
    assert not policy.agent("reader").decide("companies.retrieve").allowed
    assert policy.agent("reader").decide("companies.retrieve").rule == "companies: off"
    # an unknown endpoint is denied, never an error
    assert not decide("contacts.teleport").allowed
    allowed = set(bot.allowed)
    assert allowed == {e for e in api.ENDPOINTS if decide(e).allowed}
    assert all(api.ENDPOINTS[e].access == "read" for e in policy.agent("reader").allowed)


def test_keys_are_matched_to_their_agent(policy: Any) -> None:
    assert policy.agent_for_key(KEY).name == "support-bot"
    assert policy.agent_for_key(KEY + "x") is None
    assert policy.agent_for_key("") is None
    assert policy.agent("reader").key_sha256 is None


def test_every_problem_is_located_with_the_closest_name(policy_module: ModuleType, tmp_path: Path, api: ModuleType) -> None:
    path = write(tmp_path, BROKEN)
    with pytest.raises(policy_module.PolicyError) as raised:
        policy_module.Policy.load(path)
    version = api.API_VERSION
    assert list(raised.value.problems) == [
        f"{path}:3:5: unknown group 'conversation' at API version {version} (did you mean 'conversations'?)",
        f"{path}:4:15: unknown level 'reed' for group 'contacts' (did you mean 'read'?)",
        f"{path}:6:7: unknown endpoint 'contacts.delet' at API version {version} (did you mean 'contacts.delete'?)",
        f"{path}:7:24: endpoint override 'maybe' for 'contacts.delete' must be on or off "
        "(write on or off; a YAML 1.1 loader reads a bare off as false)",
        f"{path}:8:3: agent name 'nobody here' must be letters, digits, '.', '_' or '-' (64 at most) (for example support-bot)",
    ]
    assert isinstance(raised.value, ValueError)


def test_the_generator_reports_the_same_places(tmp_path: Path, api: ModuleType) -> None:
    path = write(tmp_path, BROKEN)
    with pytest.raises(CatalogError) as raised:
        read_policy(path, RESOLVED.versions[api.API_VERSION], RESOLVED.versions)
    places = [(d.location.line, d.location.col) for d in raised.value.diagnostics]
    assert places == [(3, 5), (4, 15), (6, 7), (7, 24), (8, 3)]


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("agents:\n  a:\n    contacts: &x read\n    tickets: *x\n", ":3:15: anchors and aliases"),
        ("agents:\n  a:\n    contacts: read\n    contacts: full\n", ":4:5: 'contacts' appears twice"),
        ("agents:\n  a:\n    endpoints:\n      contacts.delete: true\n", "must be on or off"),
        ("agents:\n  a:\n    key_sha256: abc\n", "must be 64 hexadecimal digits"),
        ("agent:\n  a: {}\n", ":1:1: unknown key 'agent' in a policy file (did you mean 'agents'?)"),
        ("agents: [a, b]\n", "'agents' must map agent names"),
        ("agents:\n  a: read\n", "agent 'a' must be a mapping"),
        ("agents:\n  a:\n    contacts: !!python/object:os.system read\n", "the YAML tag"),
        ("agents:\n  a:\n    contacts: [read\n", "invalid YAML"),
        ("", "the policy file is empty"),
        ("agents: " + "[" * 5000 + "]" * 5000 + "\n", "nest"),
        ("agents: {}\n---\nagents: {}\n", "invalid YAML"),
        ("agents:\n  a:\n    endpoints:\n      contacts.list:\n        deeper:\n          - [[[[[x]]]]]\n", "nests deeper than 8 levels"),
    ],
)
def test_malformed_files_are_refused_where_they_go_wrong(policy_module: ModuleType, tmp_path: Path, text: str, problem: str) -> None:
    with pytest.raises(policy_module.PolicyError) as raised:
        policy_module.Policy.load(write(tmp_path, text))
    assert any(problem in p for p in raised.value.problems), raised.value.problems


def test_a_bare_off_is_the_word_off_not_false(policy_module: ModuleType, tmp_path: Path) -> None:
    policy = policy_module.Policy.load(write(tmp_path, "agents:\n  a:\n    contacts: off\n    endpoints:\n      contacts.list: on\n"))
    agent = policy.agent("a")
    assert agent.levels == {"contacts": "off"} and agent.overrides == {"contacts.list": True}
    assert agent.allowed == ("contacts.list",)


def test_files_that_are_not_policies_are_refused(policy_module: ModuleType, tmp_path: Path) -> None:
    for path, problem in [
        (tmp_path, "not a regular file"),
        (tmp_path / "missing.yaml", "cannot read the policy file"),
        (write(tmp_path, "agents: {}\n", "latin1.yaml"), ""),
    ]:
        if not problem:
            path.write_bytes(b"agents:\n  caf\xe9: {}\n")
            problem = "not UTF-8"
        with pytest.raises(policy_module.PolicyError, match=problem):
            policy_module.Policy.load(path)
    if os.path.exists("/dev/null"):
        with pytest.raises(policy_module.PolicyError, match="not a regular file"):
            policy_module.Policy.load("/dev/null")


def test_json_and_loaded_data_are_policies_too(policy_module: ModuleType, tmp_path: Path) -> None:
    from_json = policy_module.Policy.load(write(tmp_path, '{"agents": {"a": {"contacts": "full"}}}', "agents.json"))
    from_data = policy_module.Policy.from_dict({"agents": {"a": {"contacts": "full"}}})
    assert from_json.agent("a").allowed == from_data.agent("a").allowed
    assert "contacts.delete" in from_data.agent("a").allowed
    with pytest.raises(policy_module.PolicyError, match="must be on or off"):
        policy_module.Policy.from_dict({"agents": {"a": {"endpoints": {"contacts.list": False}}}})


def test_an_unknown_agent_is_refused_with_a_suggestion(policy: Any, policy_module: ModuleType) -> None:
    with pytest.raises(policy_module.PolicyError, match=r"unknown agent 'support-bt' \(did you mean 'support-bot'\?\)"):
        policy.agent("support-bt")


def test_the_generator_decides_as_the_package_does(policy: Any, tmp_path: Path, api: ModuleType) -> None:
    path = write(tmp_path, POLICY.format(key=hashlib.sha256(KEY.encode()).hexdigest()), "same.yaml")
    catalog = RESOLVED.versions[api.API_VERSION]
    checked = read_policy(path, catalog)
    for rules in checked.agents:
        runtime = policy.agent(rules.name)
        for endpoint in catalog.endpoints:
            theirs = generator_decide(rules, endpoint.id, endpoint.group, endpoint.access)
            ours = runtime.decide(endpoint.id)
            assert (theirs.allowed, theirs.rule) == (ours.allowed, ours.rule), endpoint.id
