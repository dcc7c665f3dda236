"""Every example response in Intercom's official OpenAPI description of a supported version
parses into the generated model of the catalog endpoint it belongs to (each item, for an
endpoint whose body is an array of models).

Endpoints are paired with the description's operations as `intercom-gen conform` pairs
them (method and path shape). Each version's package is named `intercom_api`, so its
examples are validated in a subprocess whose sys.path holds that version's folder.

An official example that breaks its own description's schema in a way our models rightly
reject is recorded in EXAMPLE_DEFECTS with its reason, and only that error is forgiven;
a recorded defect that no longer occurs fails the test, so the list cannot go stale."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Mapping
from functools import cache
from pathlib import Path
from typing import Any, TypedDict

import pytest

from intercom_gen.catalog import Endpoint
from intercom_gen.naming import model_class
from intercom_gen.openapi_description import Answer, Description, load_description
from tests.client.versions import RESOLVED, SUPPORTED
from tests.conftest import REFERENCE

# (endpoint id, example name or "example", field path): why the official example is wrong.
# Field paths are pydantic's error locations joined with "."; an array body's item index leads.
_PART_ID = "conversation_part.id is a string in Intercom's own schema (and in every other example); this one sends"
_RETRIEVED = ("conversations.retrieve", "conversation found")
EXAMPLE_DEFECTS: dict[tuple[str, str, str], str] = {
    (*_RETRIEVED, "conversation_parts.conversation_parts.0.id"): f"{_PART_ID} the integer 1",
    (*_RETRIEVED, "conversation_parts.conversation_parts.1.id"): f"{_PART_ID} the integer 2",
    (*_RETRIEVED, "conversation_parts.conversation_parts.2.id"): f"{_PART_ID} the integer 3",
    (*_RETRIEVED, "conversation_parts.conversation_parts.3.id"): f"{_PART_ID} the integer 4",
}

MAX_MESSAGE = 200
MAX_INPUT = 80

# Run with sys.path[0] set to one version's folder: reads [{endpoint, example, model,
# array, body}] on stdin and prints the failures as JSON, one per pydantic error.
VALIDATE = """
import importlib, json, sys
sys.path.insert(0, sys.argv[1])
from pydantic import ValidationError
models = importlib.import_module("intercom_api.models")
failures = []
for case in json.load(sys.stdin):
    model = getattr(models, case["model"])
    if case["array"] and not isinstance(case["body"], list):
        failures.append({"endpoint": case["endpoint"], "example": case["example"], "loc": "",
                         "type": "list_type", "msg": "the body is not a JSON array", "input": repr(case["body"])})
        continue
    items = list(enumerate(case["body"])) if case["array"] else [(None, case["body"])]
    for index, item in items:
        try:
            model.model_validate(item)
        except ValidationError as error:
            for found in error.errors():
                loc = ([] if index is None else [index]) + list(found["loc"])
                failures.append({"endpoint": case["endpoint"], "example": case["example"],
                                 "loc": ".".join(str(part) for part in loc), "type": found["type"],
                                 "msg": found["msg"], "input": repr(found.get("input"))})
print(json.dumps(failures))
"""


class Case(TypedDict):
    endpoint: str
    example: str
    model: str
    array: bool
    body: Any


class Failure(TypedDict):
    endpoint: str
    example: str
    loc: str
    type: str
    msg: str
    input: str


@cache
def description(version: str) -> Description:
    return load_description(REFERENCE / version / "api.intercom.io.yaml")


def success_answer(found: Description, endpoint: Endpoint) -> Answer | None:
    """The description's answer for the endpoint's success status (its first success
    answer when the statuses differ), or None when its operation is not described."""
    operation = found.find_operation(endpoint.method, endpoint.path)
    if operation is None:
        return None
    answers = found.answers(operation)
    return next((a for a in answers if a.status == endpoint.success_status), None) or found.success(operation)


def json_examples(answer: Answer) -> list[tuple[str, Any]]:
    """(name, value) of each JSON example of an answer: `example` and every `examples.*.value`."""
    content = answer.spot.get("content")
    media = content.get("application/json") if isinstance(content, Mapping) else None
    if not isinstance(media, Mapping):
        return []
    found: list[tuple[str, Any]] = []
    if "example" in media:
        found.append(("example", media["example"]))
    for name, example in (media.get("examples") or {}).items():
        if isinstance(example, Mapping) and "value" in example:
            found.append((str(name), example["value"]))
    return found


def cases(version: str) -> list[Case]:
    """One case per official example response of each endpoint whose body is a model."""
    catalog = RESOLVED.versions[version]
    found = description(version)
    made: list[Case] = []
    for endpoint in sorted(catalog.endpoints, key=lambda e: e.id):
        if endpoint.response is None or catalog.schema(endpoint.response) is None:
            continue
        answer = success_answer(found, endpoint)
        for name, body in json_examples(answer) if answer is not None else []:
            made.append(
                Case(
                    endpoint=endpoint.id,
                    example=name,
                    model=model_class(endpoint.response),
                    array=endpoint.response_array,
                    body=body,
                )
            )
    return made


def validate(folder: Path, made: list[Case]) -> list[Failure]:
    done = subprocess.run(
        [sys.executable, "-c", VALIDATE, str(folder)],
        input=json.dumps(made, default=str),
        capture_output=True,
        text=True,
        timeout=300,
        cwd=folder,
        env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"},
    )
    assert done.returncode == 0, done.stderr[-3000:]
    failures: list[Failure] = json.loads(done.stdout)
    return failures


def trimmed(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 3] + "..."


def described(failure: Failure) -> str:
    return (
        f"{failure['endpoint']} [{failure['example']}] {failure['loc'] or '<body>'}: "
        f"{trimmed(failure['msg'], MAX_MESSAGE)} ({failure['type']}; input {trimmed(failure['input'], MAX_INPUT)})"
    )


@cache
def failures_of(folder: Path, version: str) -> tuple[list[Case], list[Failure]]:
    """The cases of a version and their failures, validated once a session."""
    made = cases(version)
    return made, validate(folder, made) if made else []


def key_of(failure: Failure) -> tuple[str, str, str]:
    return failure["endpoint"], failure["example"], failure["loc"]


def test_defects_are_well_formed() -> None:
    endpoints = {e.id for catalog in RESOLVED.versions.values() for e in catalog.endpoints}
    for (endpoint, example, field), reason in EXAMPLE_DEFECTS.items():
        assert endpoint in endpoints, f"EXAMPLE_DEFECTS names {endpoint}, which no supported version has"
        assert example and field, (endpoint, example, field)
        assert reason.strip() and "\n" not in reason, f"{(endpoint, example, field)} needs a one-line reason"


@pytest.mark.parametrize("version", SUPPORTED)
def test_official_examples_parse(reference: Path, request: pytest.FixtureRequest, version: str) -> None:
    # The packages are generated only once the reference folder is known to be there.
    every_version: dict[str, Path] = request.getfixturevalue("every_version")
    made, failures = failures_of(every_version[version], version)
    if not made:
        pytest.skip(f"Intercom's description of {version} has no JSON example response for any catalog endpoint")
    unexpected = [described(f) for f in failures if key_of(f) not in EXAMPLE_DEFECTS]
    assert not unexpected, f"{len(unexpected)} official example error(s) in {version}:\n" + "\n".join(unexpected)


def test_every_recorded_defect_still_occurs(reference: Path, request: pytest.FixtureRequest) -> None:
    """A defect is forgiven in every version; it must still occur in at least one."""
    every_version: dict[str, Path] = request.getfixturevalue("every_version")
    seen = {key_of(f) for version in SUPPORTED for f in failures_of(every_version[version], version)[1]}
    stale = [f"{key}: {reason}" for key, reason in EXAMPLE_DEFECTS.items() if key not in seen]
    assert not stale, (
        "recorded EXAMPLE_DEFECTS that no supported version's examples show any more (remove them):\n"
        + "\n".join(stale)
    )
