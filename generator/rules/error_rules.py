"""Rule kinds about the error table: statuses a client may receive, their codes, and the
endpoints that answer with them."""

from __future__ import annotations

from dataclasses import replace

from ..catalog import Catalog, ErrorStatus, VersionRule
from ..diagnostics import did_you_mean
from . import arguments as read
from .kind import RuleKind, RuleProblem, subject_name
from .lookups import changed


def _status_named(catalog: Catalog, rule: VersionRule) -> ErrorStatus:
    status = rule.arguments["status"]
    found = next((e for e in catalog.errors if e.status == status), None)
    if found is not None:
        return found
    shared = next((e for e in catalog.errors if status in e.also), None)
    hint = f"{status} is handled with {shared.status} (its `also`): name {shared.status}" if shared else did_you_mean(str(status), [str(e.status) for e in catalog.errors])
    raise RuleProblem(rule.at("status"), f"{rule.kind} rule names error status {status}, which does not exist before {rule.version}", hint)


def add_error(catalog: Catalog, rule: VersionRule) -> Catalog:
    error: ErrorStatus = rule.arguments["error"]
    taken = {s for e in catalog.errors for s in (e.status, *e.also)}
    for status in (error.status, *error.also):
        if status in taken:
            raise RuleProblem(error.at("status"), f"add_error: status {status} is already in the error table before {rule.version}", "change it with a change_error rule")
    return replace(catalog, errors=(*catalog.errors, error))


def change_error(catalog: Catalog, rule: VersionRule) -> Catalog:
    error = _status_named(catalog, rule)
    return replace(catalog, errors=tuple(changed(error, rule, {}) if e is error else e for e in catalog.errors))


def remove_error(catalog: Catalog, rule: VersionRule) -> Catalog:
    error = _status_named(catalog, rule)
    return replace(catalog, errors=tuple(e for e in catalog.errors if e is not error))


KINDS = (
    RuleKind(
        "add_error",
        "A new error status, defined as in errors.yaml (`endpoints` to name the endpoints that answer with it).",
        {"error": read.error_definition},
        add_error,
        lambda a: ((str(subject_name(a["error"], "status")),),),
    ),
    RuleKind(
        "change_error",
        "What an error status means or covers (title, codes, also, meaning, what_to_do, retryable, endpoints), under `set`.",
        {"status": read.status, "set": read.error_changes},
        change_error,
        lambda a: ((str(a["status"]),),),
    ),
    RuleKind(
        "remove_error",
        "An error status the version no longer answers with.",
        {"status": read.status},
        remove_error,
        lambda a: ((str(a["status"]),),),
    ),
)
