"""Calls every endpoint method of a generated client once, against any server, and reports
for each whether the server accepted the request and the client read the answer.

Several versions' packages share the module name `intercom_api`, so each package is driven in
its own Python process: `drive()` runs this module (`python -m tests.client_driver`) with
the package's folder on its path and reads back one JSON outcome per endpoint.

The argument values come from the resolved catalog of the package's version: an endpoint's
path and query parameters and its request schema's properties (following $ref into nested
schemas), using the catalog's example, default or first enum value where it has one and
otherwise a value shaped by the field's type and name (an `*_id` is digits, an `email` an
address). Only the arguments the method requires are passed, plus the few fields in
`CHOICES` for requests whose catalog schema is a flattened union of alternatives.
"""

from __future__ import annotations

import argparse
import importlib
import inspect
import json
import subprocess
import sys
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
TOKEN = "driver-token"
DRIVE_TIMEOUT = 120.0
BODY_EXCERPT = 1500

# The fields a request needs beyond the catalog's `required`: where the catalog flattens the
# description's alternatives (anyOf/oneOf of required sets) into one schema, `required` keeps
# only what every alternative requires, so the driver picks one alternative by naming the
# extra fields to fill (their values are built like any other) or giving a value outright.
FILL = object()
CHOICES: Mapping[str, Mapping[str, object]] = {
    # one of email | external_id | role
    "contacts.create": {"email": FILL},
    # the contact reply (type user) needs one of intercom_user_id | email | user_id
    "conversations.reply": {"type": "admin", "admin_id": FILL, "body": FILL},
    "tickets.reply": {"type": "admin", "admin_id": FILL, "body": FILL},
    # the close action: admin_id and type admin
    "conversations.manage": {"message_type": "close", "type": "admin"},
    # an in_app message needs no subject or template
    "messages.create": {"message_type": "in_app"},
    # one of id | user_id | email
    "data_events.submit": {"user_id": FILL},
    # one of user_id | intercom_user_id | email; the catalog's type is free text, which
    # Intercom documents as "must be user"
    "data_events.list": {"type": "user", "user_id": FILL},
}
# The same for the nested objects of a request, by catalog schema name.
SCHEMA_CHOICES: Mapping[str, Mapping[str, object]] = {
    # one of id | external_id | email
    "create_ticket_request_contacts": {"email": FILL},
}
# The query every search gets: a single filter on a field every searchable record has.
SEARCH_QUERY: Mapping[str, object] = {"field": "created_at", "operator": ">", "value": 1700000000}


@dataclass
class Exchange:
    """One HTTP request the client sent and the answer it got."""

    method: str
    url: str
    status: int
    content_type: str
    violations: str
    body: str

    def describe(self) -> str:
        text = f"{self.method} {self.url} -> {self.status}"
        if self.violations:
            text += f"\n  sl-violations: {self.violations}"
        if self.status >= 400 and self.body:
            text += f"\n  body ({self.content_type}): {self.body}"
        return text


@dataclass
class Outcome:
    """How one endpoint fared: `accepted` when every request got the endpoint's success
    status (or another 2xx) and the method returned; otherwise `problem` says what failed
    ("no method", "arguments", "rejected", "unreadable answer", "error")."""

    endpoint_id: str
    accepted: bool
    problem: str = ""
    detail: str = ""
    arguments: dict[str, Any] = field(default_factory=dict)
    exchanges: list[Exchange] = field(default_factory=list)
    seconds: float = 0.0

    def report(self) -> str:
        lines = [f"{self.endpoint_id}: {self.problem or 'accepted'}"]
        if self.detail:
            lines.append(self.detail)
        lines.append(f"arguments: {json.dumps(self.arguments, default=str)}")
        lines.extend(exchange.describe() for exchange in self.exchanges)
        return "\n".join(lines)

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Outcome:
        exchanges = [Exchange(**e) for e in data.get("exchanges", [])]
        return cls(**{**data, "exchanges": exchanges})


class DriverError(RuntimeError):
    """The driver process failed as a whole (import error, crash, timeout)."""


# --- argument values from the catalog -----------------------------------------------------------


def string_for(name: str) -> str:
    """A string a validator would take for a field of this name."""
    lowered = name.lower()
    if "email" in lowered:
        return "jane@example.com"
    if "phone" in lowered:
        return "+15555550123"
    if "url" in lowered or lowered in ("avatar", "website"):
        return "https://example.com/image.png"
    if lowered.endswith(("id", "ids")):
        return "123"
    return f"example {name}"


def value_for(catalog: Any, name: str, definition: Mapping[str, Any], depth: int = 0) -> Any:
    """A value for a field of the catalog (`definition` is its property or parameter
    definition): its example, default or first enum value, else one built from its type."""
    if "example" in definition:
        return definition["example"]
    if definition.get("default") is not None:
        return definition["default"]
    if definition.get("enum"):
        return next(v for v in definition["enum"] if v is not None)
    if "$ref" in definition:
        return object_for(catalog, definition["$ref"], depth + 1)
    if "oneOf" in definition:
        return value_for(catalog, name, definition["oneOf"][0], depth)
    kind = definition.get("type", "string")
    if isinstance(kind, list | tuple):
        kind = next(k for k in kind if k != "null")
    if kind == "integer":
        return 1700000000 if name.endswith("_at") or name.endswith("_until") else 123
    if kind == "number":
        return 1.5
    if kind == "boolean":
        return True
    if kind == "array":
        item_name = name[:-1] if name.endswith("s") else name
        return [value_for(catalog, item_name, definition.get("items", {"type": "string"}), depth)]
    if kind == "object":
        return {}
    return string_for(name)


def object_for(catalog: Any, schema_name: str, depth: int = 0) -> dict[str, Any]:
    """An object of a catalog schema with its required properties filled."""
    if schema_name == "search_query":
        return dict(SEARCH_QUERY)
    schema = catalog.schema(schema_name)
    if schema is None or depth > 6:
        return {}
    choices = SCHEMA_CHOICES.get(schema_name, {})
    return {
        p.name: value_for(catalog, p.name, p.definition, depth)
        if choices.get(p.name, FILL) is FILL
        else choices[p.name]
        for p in schema.properties
        if p.name in schema.required or p.name in choices
    }


def catalog_name(argument: str, names: Iterable[str]) -> str | None:
    """The catalog name a method argument stands for: the same, or without the trailing
    underscore the generator adds to a name Python reserves (`from_` for `from`)."""
    known = set(names)
    for candidate in (argument, argument.rstrip("_")):
        if candidate in known:
            return candidate
    return None


def arguments_for(catalog: Any, endpoint: Any, method: Callable[..., Any]) -> tuple[list[Any], dict[str, Any]]:
    """The positional and keyword arguments for one call of `method`: every argument it
    requires, plus the endpoint's CHOICES, valued from the catalog."""
    sources: dict[str, Mapping[str, Any]] = {}
    for parameter in endpoint.parameters:
        sources[parameter.name] = {"type": parameter.type}
    request = catalog.schema(endpoint.request) if endpoint.request else None
    for prop in request.properties if request else ():
        sources.setdefault(prop.name, prop.definition)
    choices = CHOICES.get(endpoint.id, {})
    signature = inspect.signature(method).parameters

    positional: list[Any] = []
    keywords: dict[str, Any] = {}
    chosen: set[str] = set()
    for argument, parameter in signature.items():
        name = catalog_name(argument, sources)
        wanted = name in choices
        if parameter.default is not inspect.Parameter.empty and not wanted:
            continue
        if name is None:
            raise LookupError(
                f"the method's argument {argument!r} is neither a parameter nor a request field in the catalog"
            )
        choice = choices.get(name, FILL)
        chosen.add(name)
        value = value_for(catalog, name, sources[name]) if choice is FILL else choice
        if parameter.kind is inspect.Parameter.POSITIONAL_OR_KEYWORD:
            positional.append(value)
        else:
            keywords[argument] = value
    unknown = sorted(set(choices) - chosen)
    if unknown:
        raise LookupError(f"CHOICES names fields the method does not take: {', '.join(unknown)}")
    return positional, keywords


# --- calling -------------------------------------------------------------------------------------


def _excerpt(text: str) -> str:
    return text if len(text) <= BODY_EXCERPT else text[:BODY_EXCERPT] + " ..."


def consume(result: Any) -> Any:
    """Read a method's result: for a pager, its first page and, when there is one, the next
    (so the request for a later page is checked too)."""
    pages = getattr(result, "pages", None)
    if not callable(pages):
        return result
    read = []
    for page in pages():
        read.append(page)
        if len(read) == 2:
            break
    return read


def call_endpoint(client: Any, catalog: Any, endpoint: Any, exchanges: list[Exchange]) -> Outcome:
    """Call one endpoint's method; `exchanges` is the list the client's HTTP hook fills."""
    started = time.monotonic()
    outcome = Outcome(endpoint.id, accepted=False, exchanges=exchanges)
    resource = getattr(client, endpoint.group, None)
    method = getattr(resource, endpoint.action, None)
    if method is None:
        outcome.problem = "no method"
        outcome.detail = f"the client has no method {endpoint.group}.{endpoint.action}"
        return outcome
    try:
        positional, keywords = arguments_for(catalog, endpoint, method)
    except (LookupError, StopIteration, TypeError) as error:
        outcome.problem = "arguments"
        outcome.detail = f"no arguments for {endpoint.group}.{endpoint.action}: {error}"
        return outcome
    outcome.arguments = {"positional": positional, **keywords}
    try:
        consume(method(*positional, **keywords))
    except Exception as error:
        if getattr(error, "status", None) is not None:
            outcome.problem = "rejected"
        else:
            outcome.problem = "unreadable answer" if exchanges else "error"
        outcome.detail = f"{type(error).__name__}: {_excerpt(str(error))}"
    else:
        bad = [e for e in exchanges if e.status != endpoint.success_status and not 200 <= e.status < 300]
        if bad:
            outcome.problem = "rejected"
            outcome.detail = f"answered {bad[0].status}"
        elif not exchanges:
            outcome.problem = "error"
            outcome.detail = "the method sent no request"
        else:
            outcome.accepted = True
    outcome.seconds = round(time.monotonic() - started, 3)
    return outcome


def run(python_dir: Path, base_url: str, version: str, catalog_dir: Path | None, only: Sequence[str]) -> list[Outcome]:
    """In this process: import the package in `python_dir` and call every endpoint of `version`."""
    import httpx

    from intercom_gen.pipeline import resolve_catalog

    resolved = resolve_catalog(catalog_dir) if catalog_dir else resolve_catalog()
    catalog = resolved.versions[version]
    sys.path.insert(0, str(python_dir))
    package = importlib.import_module("intercom_api")
    if Path(package.__file__ or "").resolve().parent != (python_dir / "intercom_api").resolve():
        raise DriverError(f"imported intercom_api from {package.__file__}, not from {python_dir}")
    if version != package.API_VERSION:
        raise DriverError(f"the package in {python_dir} is for API version {package.API_VERSION}, not {version}")

    # The exchanges of each endpoint in turn: the hook adds to the last list.
    recorded: list[list[Exchange]] = [[]]

    def record(response: httpx.Response) -> None:
        response.read()
        recorded[-1].append(
            Exchange(
                method=response.request.method,
                url=str(response.request.url).removeprefix(base_url),
                status=response.status_code,
                content_type=response.headers.get("content-type", ""),
                violations=response.headers.get("sl-violations", ""),
                body=_excerpt(response.text),
            )
        )

    http = httpx.Client(timeout=30.0, event_hooks={"response": [record]})
    client = package.Intercom(TOKEN, base_url=base_url, max_retries=0, http_client=http)
    outcomes = []
    try:
        for endpoint in catalog.endpoints:
            if only and endpoint.id not in only:
                continue
            recorded.append([])
            outcomes.append(call_endpoint(client, catalog, endpoint, recorded[-1]))
    finally:
        client.close()
    return outcomes


def drive(
    python_dir: Path,
    base_url: str,
    version: str,
    *,
    catalog_dir: Path | None = None,
    only: Sequence[str] = (),
    timeout: float = DRIVE_TIMEOUT,
) -> dict[str, Outcome]:
    """Call every endpoint of the generated package in `python_dir` (the folder holding
    `intercom_api`) against `base_url`, in a separate Python process; {endpoint id: outcome}."""
    # The process runs in the project root (for `-m tests.client_driver`): paths go absolute.
    command = [sys.executable, "-m", "tests.client_driver", str(Path(python_dir).resolve()), base_url, version]
    if catalog_dir is not None:
        command += ["--catalog", str(Path(catalog_dir).resolve())]
    for endpoint_id in only:
        command += ["--only", endpoint_id]
    try:
        done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=timeout, check=False)
    except subprocess.TimeoutExpired as error:
        raise DriverError(
            f"the client driver for {version} took more than {timeout:.0f} s:\n{error.stderr!r}"
        ) from None
    if done.returncode != 0:
        raise DriverError(f"the client driver for {version} failed ({done.returncode}):\n{done.stderr[-4000:]}")
    return {o.endpoint_id: o for o in map(Outcome.from_json, json.loads(done.stdout))}


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("python_dir", type=Path, help="the folder holding the generated intercom_api package")
    parser.add_argument("base_url")
    parser.add_argument("version")
    parser.add_argument("--catalog", type=Path, default=None)
    parser.add_argument("--only", action="append", default=[], help="an endpoint id to call (repeatable)")
    options = parser.parse_args(argv)
    outcomes = run(options.python_dir, options.base_url, options.version, options.catalog, options.only)
    json.dump([asdict(o) for o in outcomes], sys.stdout)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
