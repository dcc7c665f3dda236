"""Pages of lists: query numbers, Intercom's opaque starting_after cursors, and the `pages` object."""

from __future__ import annotations

import base64
import binascii
import json
from typing import Any, TypeVar

from .protocol import MAX_PER_PAGE, Request, bad, dumps

T = TypeVar("T")


def int_param(value: Any, name: str, default: int, minimum: int = 1) -> int:
    """A whole number from a query or body value; `default` when it is absent or empty."""
    if value is None or value == "":
        return default
    if isinstance(value, bool):
        raise bad(f"{name} must be an integer", name)
    try:
        number = int(value)
    except (TypeError, ValueError):
        raise bad(f"{name} must be an integer", name) from None
    if number < minimum:
        raise bad(f"{name} must be at least {minimum}", name)
    return number


def per_page(value: Any, default: int) -> int:
    return min(int_param(value, "per_page", default), MAX_PER_PAGE)


def encode_cursor(last_id: str, offset: int, page: int) -> str:
    return base64.b64encode(dumps([last_id, offset, page])).decode("ascii")


def decode_cursor(cursor: str) -> tuple[str, int, int]:
    try:
        last_id, offset, page = json.loads(base64.b64decode(cursor.encode("ascii"), validate=True))
        return str(last_id), int(offset), int(page)
    except (ValueError, TypeError, binascii.Error, UnicodeError):
        raise bad("Invalid starting_after value", "starting_after") from None


def _pages(page: int, size: int, total: int) -> dict[str, Any]:
    return {"type": "pages", "page": page, "per_page": size, "total_pages": (total + size - 1) // size}


def cursor_page(
    ids: list[str], size: int, starting_after: str | None, page: int | None = None
) -> tuple[list[str], dict[str, Any]]:
    """Cut one page out of `ids`; returns the ids and the `pages` object (next only if more follow)."""
    if starting_after:
        last_id, offset, prev_page = decode_cursor(starting_after)
        try:
            start = ids.index(last_id, max(offset - 1, 0)) + 1
        except ValueError:
            start = offset
        page_no = prev_page + 1
    else:
        page_no = page or 1
        start = (page_no - 1) * size
    chunk = ids[start : start + size]
    total = len(ids)
    pages = _pages(page_no, size, total)
    end = start + len(chunk)
    if chunk and end < total:
        pages["next"] = {"page": page_no + 1, "starting_after": encode_cursor(chunk[-1], end, page_no)}
    return chunk, pages


def numbered_page(req: Request, items: list[T], default_per_page: int) -> tuple[list[T], dict[str, Any]]:
    """The page of `items` that the query's `page` and `per_page` ask for, and its `pages` object."""
    page = int_param(req.q("page"), "page", 1)
    size = per_page(req.q("per_page"), default_per_page)
    start = (page - 1) * size
    return items[start : start + size], _pages(page, size, len(items))


def single_page(count: int) -> dict[str, Any]:
    """The `pages` object of a list answered whole."""
    return {"type": "pages", "page": 1, "per_page": max(count, 1), "total_pages": 1 if count else 0}
