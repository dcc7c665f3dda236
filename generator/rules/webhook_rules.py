"""Rule kinds about webhook topics and what OAuth scopes grant."""

from __future__ import annotations

from dataclasses import replace
from types import MappingProxyType

from ..catalog import Catalog, VersionRule, WebhookTopic
from ..diagnostics import did_you_mean
from . import arguments as read
from .kind import RuleKind, RuleProblem, subject_name


def add_webhook(catalog: Catalog, rule: VersionRule) -> Catalog:
    topic: WebhookTopic = rule.arguments["webhook"]
    if catalog.webhook(topic.topic) is not None:
        raise RuleProblem(topic.at("topic"), f"add_webhook: topic {topic.topic!r} already exists before {rule.version}")
    return replace(catalog, webhooks=(*catalog.webhooks, topic))


def remove_webhook(catalog: Catalog, rule: VersionRule) -> Catalog:
    name = rule.arguments["webhook"]
    if catalog.webhook(name) is None:
        raise RuleProblem(rule.at("webhook"), f"remove_webhook: topic {name!r} does not exist before {rule.version}", did_you_mean(name, [w.topic for w in catalog.webhooks]))
    # Endpoints that fired the removed topic now fire none.
    endpoints = tuple(replace(e, webhook=None) if e.webhook == name else e for e in catalog.endpoints)
    return replace(catalog, webhooks=tuple(w for w in catalog.webhooks if w.topic != name), endpoints=endpoints)


def change_scope_grants(catalog: Catalog, rule: VersionRule) -> Catalog:
    name = rule.arguments["scope"]
    scope = next((s for s in catalog.scopes if s.name == name), None)
    if scope is None:
        raise RuleProblem(rule.at("scope"), f"change_scope_grants: scope {name!r} does not exist before {rule.version}", did_you_mean(name, [s.name for s in catalog.scopes]))
    grants = tuple(rule.arguments["grants"])
    spots = MappingProxyType({**{f"grants[{i}]": rule.at("grants") for i in range(len(grants))}})
    changed = replace(scope, grants=grants, spots=spots)
    return replace(catalog, scopes=tuple(changed if s is scope else s for s in catalog.scopes))


KINDS = (
    RuleKind(
        "add_webhook",
        "A new webhook topic, defined as in webhooks.yaml; its `since` is the rule's version.",
        {"webhook": read.webhook_definition},
        add_webhook,
        lambda a: ((subject_name(a["webhook"], "topic"),),),
    ),
    RuleKind(
        "remove_webhook",
        "A topic the version no longer sends; endpoints that fired it fire none.",
        {"webhook": read.name},
        remove_webhook,
        lambda a: ((a["webhook"],),),
        former_keys={"topic": "webhook"},
    ),
    RuleKind(
        "change_scope_grants",
        "The permissions an OAuth scope grants, as a whole new list.",
        {"scope": read.name, "grants": read.permission_names},
        change_scope_grants,
        lambda a: ((a["scope"],),),
    ),
)
