"""Internal articles (2.14): the team-only knowledge base and the internal_articles.* endpoints."""

from __future__ import annotations

from .paging import single_page
from .protocol import Request, Response, bad, copy_keys, json_response, public
from .store import Record, Store, existing


def add_internal_article(store: Store, i: int, body: Record, created: int) -> Record:
    """Store and return internal article number `i` (id "ia<i>"), its fields from `body`."""
    article = {
        "type": "internal_article",
        "id": f"ia{i}",
        "title": body.get("title", ""),
        "body": body.get("body", ""),
        "owner_id": body.get("owner_id"),
        "author_id": body.get("author_id"),
        "created_at": created,
        "updated_at": created,
        "locale": "en",
        "_folder_id": body.get("_folder_id", "f1"),
    }
    store.internal_articles[article["id"]] = article
    return article


def _article(store: Store, req: Request) -> Record:
    return existing(store.internal_articles, req.params["internal_article_id"], "Internal Article")


def _answer(article: Record) -> Response:
    return json_response(public(article))


def list_(store: Store, req: Request) -> Response:
    items = [public(a) for a in store.internal_articles.values()]
    return json_response({"type": "list", "pages": single_page(len(items)), "total_count": len(items), "data": items})


def create(store: Store, req: Request) -> Response:
    body = req.obj()
    for key in ("title", "author_id", "owner_id"):
        if body.get(key) in (None, ""):
            raise bad(f"{key} is required", key)
    return _answer(add_internal_article(store, store.next_id("internal_article"), body, store.tick()))


def retrieve(store: Store, req: Request) -> Response:
    return _answer(_article(store, req))


def update(store: Store, req: Request) -> Response:
    article = _article(store, req)
    copy_keys(article, req.obj(), ("title", "body", "author_id", "owner_id"))
    article["updated_at"] = store.tick()
    return _answer(article)


def delete(store: Store, req: Request) -> Response:
    article = _article(store, req)
    del store.internal_articles[article["id"]]
    return json_response({"id": article["id"], "object": "internal_article", "deleted": True})


def search(store: Store, req: Request) -> Response:
    folder = req.q("folder_id")
    items = [public(a) for a in store.internal_articles.values() if folder is None or a["_folder_id"] == folder]
    pages = single_page(len(items))
    return json_response(
        {"type": "list", "total_count": len(items), "data": {"internal_articles": items}, "pages": pages}
    )
