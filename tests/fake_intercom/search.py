"""Intercom's search queries: nested AND/OR of field-operator-value tests, evaluated against stored records."""

from __future__ import annotations

from typing import Any

from .paging import per_page
from .protocol import Request, bad


def field_value(obj: dict[str, Any], name: str) -> Any:
    """The value at a dotted `name` ("custom_attributes.plan"), or None."""
    value: Any = obj
    for part in name.split("."):
        if not isinstance(value, dict):
            return None
        value = value.get(part)
    return value


def _equal(actual: Any, expected: Any) -> bool:
    return actual == expected or (actual is not None and str(actual) == str(expected))


def _compare(op: str, actual: Any, expected: Any) -> bool:
    if op == "=":
        return _equal(actual, expected)
    if op == "!=":
        return not _equal(actual, expected)
    if op in ("IN", "NIN"):
        values = expected if isinstance(expected, list) else [expected]
        found = actual in values or str(actual) in [str(v) for v in values]
        return found if op == "IN" else not found
    if op in ("<", "<=", ">", ">="):
        if actual is None:
            return False
        a, b = float(actual), float(expected)
        return {"<": a < b, "<=": a <= b, ">": a > b, ">=": a >= b}[op]
    text, needle = str(actual or ""), str(expected)
    if op == "~":
        return needle in text
    if op == "!~":
        return needle not in text
    if op == "^":
        return text.startswith(needle)
    if op == "$":
        return text.endswith(needle)
    raise bad(f"Unsupported operator {op!r}", "operator")


def matches(obj: dict[str, Any], query: Any) -> bool:
    """Whether `obj` satisfies the search `query` (an empty query matches everything)."""
    if not query:
        return True
    if not isinstance(query, dict):
        raise bad("query must be an object", "query")
    op = query.get("operator")
    if op in ("AND", "OR"):
        subs = query.get("value")
        if not isinstance(subs, list):
            raise bad(f"{op} needs a list of queries as its value", "query")
        results = (matches(obj, sub) for sub in subs)
        return all(results) if op == "AND" else any(results)
    if "field" not in query or op is None:
        raise bad("A search query needs field, operator and value", "query")
    try:
        return _compare(op, field_value(obj, str(query["field"])), query.get("value"))
    except (TypeError, ValueError):
        return False


def search_params(req: Request, default_per_page: int) -> tuple[Any, int, str | None]:
    """The query, page size and starting_after cursor of a search request's body."""
    body = req.obj()
    if "query" not in body:
        raise bad("query is required", "query")
    pagination = body.get("pagination") or {}
    if not isinstance(pagination, dict):
        raise bad("pagination must be an object", "pagination")
    return body["query"], per_page(pagination.get("per_page"), default_per_page), pagination.get("starting_after")
