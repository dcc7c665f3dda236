"""Lazy iteration over list and search results, fetching a page only when it is needed."""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable, Iterator, Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any, Generic, TypeVar

T = TypeVar("T")
Cursor = str | int | None


@dataclass(frozen=True)
class Page(Generic[T]):
    """One page: its records, the cursor of the next page (None on the last), and the
    whole response model for anything else it carries (total_count, pages)."""

    items: list[T]
    next_cursor: Cursor
    response: Any


@dataclass(frozen=True)
class Paging:
    """How one kind of list pages: the request parameter that carries the cursor (inside
    `request_object` for a search body), where the next cursor is in a response, and for
    numbered pages where the page count is."""

    request_parameter: str
    request_object: str | None
    cursor_path: tuple[str, ...]
    total_path: tuple[str, ...] | None


# From the catalog's pagination facts.
PAGING: Mapping[str, Paging] = MappingProxyType(
    {
        "cursor": Paging(
            request_parameter="starting_after",
            request_object=None,
            cursor_path=("pages", "next", "starting_after"),
            total_path=None,
        ),
        "page": Paging(
            request_parameter="page",
            request_object=None,
            cursor_path=("pages", "page"),
            total_path=("pages", "total_pages"),
        ),
        "search": Paging(
            request_parameter="starting_after",
            request_object="pagination",
            cursor_path=("pages", "next", "starting_after"),
            total_path=None,
        ),
    }
)


def _walk(value: Any, path: tuple[str, ...]) -> Any:
    for name in path:
        value = getattr(value, name, None)
    return value


def next_cursor(kind: str, response: Any) -> Cursor:
    """The next page's cursor, or None on the last page."""
    paging = PAGING[kind]
    cursor = _walk(response, paging.cursor_path)
    if paging.total_path is not None:
        total = _walk(response, paging.total_path)
        if isinstance(cursor, int) and isinstance(total, int) and cursor < total:
            return cursor + 1
        return None
    return cursor if isinstance(cursor, str) and cursor else None


def with_cursor(
    kind: str,
    params: dict[str, Any] | None,
    body: dict[str, Any] | None,
    cursor: Cursor,
) -> tuple[dict[str, Any] | None, dict[str, Any] | None]:
    """The query and body of the request for the page at `cursor`."""
    if cursor is None:
        return params, body
    paging = PAGING[kind]
    if paging.request_object is not None:
        inner = {**(body or {}).get(paging.request_object, {}), paging.request_parameter: cursor}
        return params, {**(body or {}), paging.request_object: inner}
    return {**(params or {}), paging.request_parameter: cursor}, body


class SyncPager(Generic[T]):
    """Iterate for every record across all pages; `pages()` for page-level access."""

    def __init__(self, fetch: Callable[[Cursor], Page[T]]) -> None:
        self._fetch = fetch

    def pages(self) -> Iterator[Page[T]]:
        cursor: Cursor = None
        while True:
            page = self._fetch(cursor)
            yield page
            if page.next_cursor is None or page.next_cursor == cursor:
                return
            cursor = page.next_cursor

    def __iter__(self) -> Iterator[T]:
        for page in self.pages():
            yield from page.items


class AsyncPager(Generic[T]):
    """`async for` every record across all pages; `pages()` for page-level access."""

    def __init__(self, fetch: Callable[[Cursor], Awaitable[Page[T]]]) -> None:
        self._fetch = fetch

    async def pages(self) -> AsyncIterator[Page[T]]:
        cursor: Cursor = None
        while True:
            page = await self._fetch(cursor)
            yield page
            if page.next_cursor is None or page.next_cursor == cursor:
                return
            cursor = page.next_cursor

    async def __aiter__(self) -> AsyncIterator[T]:
        async for page in self.pages():
            for item in page.items:
                yield item
