"""Internal Articles: the methods of `client.internal_articles` for Intercom API 2.15.

Imported on first use of that attribute; each method imports the models it returns on
its first call."""

from __future__ import annotations

import builtins
from typing import TYPE_CHECKING, Any, Literal, cast

from intercom_api.transport import NOT_GIVEN
from intercom_api.transport import segment as _segment

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping
    from intercom_api.client import AsyncIntercom, Intercom
    from intercom_api.models.deleted_internal_article_object import DeletedInternalArticleObject
    from intercom_api.models.internal_article import InternalArticle
    from intercom_api.models.internal_article_list import InternalArticleList
    from intercom_api.models.internal_article_search_response import InternalArticleSearchResponse
    from intercom_api.transport import NotGiven, RawResponse, Timeout


class InternalArticles:
    """Internal Articles.

    Create, fetch, update, delete, list and search internal knowledge base articles.
    """

    def __init__(self, client: Intercom) -> None:
        self._client = client

    def create(
        self,
        *,
        title: str,
        author_id: int,
        owner_id: int,
        body: str | NotGiven = NOT_GIVEN,
        version: str | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> InternalArticle:
        """Create an internal article.

        Permission: not documented. Intercom documents no permission or OAuth scope for this endpoint.
        OAuth scopes: not documented.
        Webhook topic fired: none.
        Available since API version 2.14.
        HTTP: POST /internal_articles

        Args:
            title: The article's title.
            author_id: Id of the admin credited as author.
            owner_id: Id of the admin who will own the article.
            body: The article's content.
            version: The Intercom-Version header to send instead of the client's.
            timeout: Seconds to wait for this call (or an httpx.Timeout), instead of the client's.
            extra_headers: Headers to add to this call's request.

        Returns:
            The InternalArticle Intercom answers.

        Raises:
            IntercomError: for an error answer, as the subclass of its status (NotFoundError, ...);
                APIConnectionError without an answer; APIResponseValidationError for a successful
                answer that is not the documented JSON.
        """
        from intercom_api.models.internal_article import InternalArticle

        return self._client._call(
            "internal_articles.create",
            "/internal_articles",
            InternalArticle,
            body={
                "title": title,
                "body": body,
                "author_id": author_id,
                "owner_id": owner_id,
            },
            version=version,
            timeout=timeout,
            extra_headers=extra_headers,
        )

    def delete(
        self,
        internal_article_id: int,
        *,
        version: str | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> DeletedInternalArticleObject:
        """Delete an internal article.

        Permission: not documented. Intercom documents no permission or OAuth scope for this endpoint.
        OAuth scopes: not documented.
        Webhook topic fired: none.
        Available since API version 2.14.
        HTTP: DELETE /internal_articles/{internal_article_id}

        Args:
            internal_article_id: The internal article's Intercom id.
            version: The Intercom-Version header to send instead of the client's.
            timeout: Seconds to wait for this call (or an httpx.Timeout), instead of the client's.
            extra_headers: Headers to add to this call's request.

        Returns:
            The DeletedInternalArticleObject Intercom answers.

        Raises:
            IntercomError: for an error answer, as the subclass of its status (NotFoundError, ...);
                APIConnectionError without an answer; APIResponseValidationError for a successful
                answer that is not the documented JSON.
            ValueError: for a path parameter that is None or empty, before any request.
        """
        from intercom_api.models.deleted_internal_article_object import DeletedInternalArticleObject

        return self._client._call(
            "internal_articles.delete",
            f"/internal_articles/{_segment(internal_article_id, 'internal_article_id')}",
            DeletedInternalArticleObject,
            version=version,
            timeout=timeout,
            extra_headers=extra_headers,
        )

    def list(
        self,
        *,
        version: str | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> InternalArticleList:
        """List the workspace's internal articles.

        Permission: not documented. Intercom documents no permission or OAuth scope for this endpoint.
        OAuth scopes: not documented.
        Webhook topic fired: none.
        Available since API version 2.14.
        HTTP: GET /internal_articles

        Args:
            version: The Intercom-Version header to send instead of the client's.
            timeout: Seconds to wait for this call (or an httpx.Timeout), instead of the client's.
            extra_headers: Headers to add to this call's request.

        Returns:
            The InternalArticleList Intercom answers.

        Raises:
            IntercomError: for an error answer, as the subclass of its status (NotFoundError, ...);
                APIConnectionError without an answer; APIResponseValidationError for a successful
                answer that is not the documented JSON.
        """
        from intercom_api.models.internal_article_list import InternalArticleList

        return self._client._call(
            "internal_articles.list",
            "/internal_articles",
            InternalArticleList,
            version=version,
            timeout=timeout,
            extra_headers=extra_headers,
        )

    def retrieve(
        self,
        internal_article_id: int,
        *,
        version: str | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> InternalArticle:
        """Fetch one internal article by its id.

        Permission: not documented. Intercom documents no permission or OAuth scope for this endpoint.
        OAuth scopes: not documented.
        Webhook topic fired: none.
        Available since API version 2.14.
        HTTP: GET /internal_articles/{internal_article_id}

        Args:
            internal_article_id: The internal article's Intercom id.
            version: The Intercom-Version header to send instead of the client's.
            timeout: Seconds to wait for this call (or an httpx.Timeout), instead of the client's.
            extra_headers: Headers to add to this call's request.

        Returns:
            The InternalArticle Intercom answers.

        Raises:
            IntercomError: for an error answer, as the subclass of its status (NotFoundError, ...);
                APIConnectionError without an answer; APIResponseValidationError for a successful
                answer that is not the documented JSON.
            ValueError: for a path parameter that is None or empty, before any request.
        """
        from intercom_api.models.internal_article import InternalArticle

        return self._client._call(
            "internal_articles.retrieve",
            f"/internal_articles/{_segment(internal_article_id, 'internal_article_id')}",
            InternalArticle,
            version=version,
            timeout=timeout,
            extra_headers=extra_headers,
        )

    def search(
        self,
        *,
        folder_id: str | NotGiven = NOT_GIVEN,
        version: str | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> InternalArticleSearchResponse:
        """Search internal articles, optionally within one folder.

        Permission: not documented. Intercom documents no permission or OAuth scope for this endpoint.
        OAuth scopes: not documented.
        Webhook topic fired: none.
        Available since API version 2.14.
        HTTP: GET /internal_articles/search

        Args:
            folder_id: Id of the folder to search in; the whole knowledge base when left out.
            version: The Intercom-Version header to send instead of the client's.
            timeout: Seconds to wait for this call (or an httpx.Timeout), instead of the client's.
            extra_headers: Headers to add to this call's request.

        Returns:
            The InternalArticleSearchResponse Intercom answers.

        Raises:
            IntercomError: for an error answer, as the subclass of its status (NotFoundError, ...);
                APIConnectionError without an answer; APIResponseValidationError for a successful
                answer that is not the documented JSON.
        """
        from intercom_api.models.internal_article_search_response import (
            InternalArticleSearchResponse,
        )

        return self._client._call(
            "internal_articles.search",
            "/internal_articles/search",
            InternalArticleSearchResponse,
            params={
                "folder_id": folder_id,
            },
            version=version,
            timeout=timeout,
            extra_headers=extra_headers,
        )

    def update(
        self,
        internal_article_id: int,
        *,
        title: str | NotGiven = NOT_GIVEN,
        body: str | NotGiven = NOT_GIVEN,
        author_id: int | NotGiven = NOT_GIVEN,
        owner_id: int | NotGiven = NOT_GIVEN,
        version: str | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> InternalArticle:
        """Change an internal article's title, body, author or owner.

        Permission: not documented. Intercom documents no permission or OAuth scope for this endpoint.
        OAuth scopes: not documented.
        Webhook topic fired: none.
        Available since API version 2.14.
        HTTP: PUT /internal_articles/{internal_article_id}

        Args:
            internal_article_id: The internal article's Intercom id.
            title: The article's new title.
            body: The article's new content.
            author_id: Id of the admin credited as author.
            owner_id: Id of the admin who owns the article.
            version: The Intercom-Version header to send instead of the client's.
            timeout: Seconds to wait for this call (or an httpx.Timeout), instead of the client's.
            extra_headers: Headers to add to this call's request.

        Returns:
            The InternalArticle Intercom answers.

        Raises:
            IntercomError: for an error answer, as the subclass of its status (NotFoundError, ...);
                APIConnectionError without an answer; APIResponseValidationError for a successful
                answer that is not the documented JSON.
            ValueError: for a path parameter that is None or empty, before any request.
        """
        from intercom_api.models.internal_article import InternalArticle

        return self._client._call(
            "internal_articles.update",
            f"/internal_articles/{_segment(internal_article_id, 'internal_article_id')}",
            InternalArticle,
            body={
                "title": title,
                "body": body,
                "author_id": author_id,
                "owner_id": owner_id,
            },
            version=version,
            timeout=timeout,
            extra_headers=extra_headers,
        )


class InternalArticlesWithRawResponse:
    """Internal Articles, each method answering a RawResponse: see `with_raw_response`."""

    def __init__(self, calls: Intercom) -> None:
        self._resource = InternalArticles(calls)

    def create(
        self,
        *,
        title: str,
        author_id: int,
        owner_id: int,
        body: str | NotGiven = NOT_GIVEN,
        version: str | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> RawResponse[InternalArticle]:
        """Like `InternalArticles.create`, answering a RawResponse: `.parse()` gives its result."""
        # Built on the raw stand-in, the resource's method already answers a RawResponse.
        method: Callable[..., Any] = self._resource.create
        answer = method(
            title=title,
            author_id=author_id,
            owner_id=owner_id,
            body=body,
            version=version,
            timeout=timeout,
            extra_headers=extra_headers,
        )
        return cast("RawResponse[InternalArticle]", answer)

    def delete(
        self,
        internal_article_id: int,
        *,
        version: str | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> RawResponse[DeletedInternalArticleObject]:
        """Like `InternalArticles.delete`, answering a RawResponse: `.parse()` gives its result."""
        # Built on the raw stand-in, the resource's method already answers a RawResponse.
        method: Callable[..., Any] = self._resource.delete
        answer = method(
            internal_article_id,
            version=version,
            timeout=timeout,
            extra_headers=extra_headers,
        )
        return cast("RawResponse[DeletedInternalArticleObject]", answer)

    def list(
        self,
        *,
        version: str | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> RawResponse[InternalArticleList]:
        """Like `InternalArticles.list`, answering a RawResponse: `.parse()` gives its result."""
        # Built on the raw stand-in, the resource's method already answers a RawResponse.
        method: Callable[..., Any] = self._resource.list
        answer = method(
            version=version,
            timeout=timeout,
            extra_headers=extra_headers,
        )
        return cast("RawResponse[InternalArticleList]", answer)

    def retrieve(
        self,
        internal_article_id: int,
        *,
        version: str | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> RawResponse[InternalArticle]:
        """Like `InternalArticles.retrieve`, answering a RawResponse: `.parse()` gives its result."""
        # Built on the raw stand-in, the resource's method already answers a RawResponse.
        method: Callable[..., Any] = self._resource.retrieve
        answer = method(
            internal_article_id,
            version=version,
            timeout=timeout,
            extra_headers=extra_headers,
        )
        return cast("RawResponse[InternalArticle]", answer)

    def search(
        self,
        *,
        folder_id: str | NotGiven = NOT_GIVEN,
        version: str | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> RawResponse[InternalArticleSearchResponse]:
        """Like `InternalArticles.search`, answering a RawResponse: `.parse()` gives its result."""
        # Built on the raw stand-in, the resource's method already answers a RawResponse.
        method: Callable[..., Any] = self._resource.search
        answer = method(
            folder_id=folder_id,
            version=version,
            timeout=timeout,
            extra_headers=extra_headers,
        )
        return cast("RawResponse[InternalArticleSearchResponse]", answer)

    def update(
        self,
        internal_article_id: int,
        *,
        title: str | NotGiven = NOT_GIVEN,
        body: str | NotGiven = NOT_GIVEN,
        author_id: int | NotGiven = NOT_GIVEN,
        owner_id: int | NotGiven = NOT_GIVEN,
        version: str | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> RawResponse[InternalArticle]:
        """Like `InternalArticles.update`, answering a RawResponse: `.parse()` gives its result."""
        # Built on the raw stand-in, the resource's method already answers a RawResponse.
        method: Callable[..., Any] = self._resource.update
        answer = method(
            internal_article_id,
            title=title,
            body=body,
            author_id=author_id,
            owner_id=owner_id,
            version=version,
            timeout=timeout,
            extra_headers=extra_headers,
        )
        return cast("RawResponse[InternalArticle]", answer)


class AsyncInternalArticles:
    """Internal Articles.

    Create, fetch, update, delete, list and search internal knowledge base articles.
    """

    def __init__(self, client: AsyncIntercom) -> None:
        self._client = client

    async def create(
        self,
        *,
        title: str,
        author_id: int,
        owner_id: int,
        body: str | NotGiven = NOT_GIVEN,
        version: str | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> InternalArticle:
        """Create an internal article.

        Permission: not documented. Intercom documents no permission or OAuth scope for this endpoint.
        OAuth scopes: not documented.
        Webhook topic fired: none.
        Available since API version 2.14.
        HTTP: POST /internal_articles

        Args:
            title: The article's title.
            author_id: Id of the admin credited as author.
            owner_id: Id of the admin who will own the article.
            body: The article's content.
            version: The Intercom-Version header to send instead of the client's.
            timeout: Seconds to wait for this call (or an httpx.Timeout), instead of the client's.
            extra_headers: Headers to add to this call's request.

        Returns:
            The InternalArticle Intercom answers.

        Raises:
            IntercomError: for an error answer, as the subclass of its status (NotFoundError, ...);
                APIConnectionError without an answer; APIResponseValidationError for a successful
                answer that is not the documented JSON.
        """
        from intercom_api.models.internal_article import InternalArticle

        return await self._client._call(
            "internal_articles.create",
            "/internal_articles",
            InternalArticle,
            body={
                "title": title,
                "body": body,
                "author_id": author_id,
                "owner_id": owner_id,
            },
            version=version,
            timeout=timeout,
            extra_headers=extra_headers,
        )

    async def delete(
        self,
        internal_article_id: int,
        *,
        version: str | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> DeletedInternalArticleObject:
        """Delete an internal article.

        Permission: not documented. Intercom documents no permission or OAuth scope for this endpoint.
        OAuth scopes: not documented.
        Webhook topic fired: none.
        Available since API version 2.14.
        HTTP: DELETE /internal_articles/{internal_article_id}

        Args:
            internal_article_id: The internal article's Intercom id.
            version: The Intercom-Version header to send instead of the client's.
            timeout: Seconds to wait for this call (or an httpx.Timeout), instead of the client's.
            extra_headers: Headers to add to this call's request.

        Returns:
            The DeletedInternalArticleObject Intercom answers.

        Raises:
            IntercomError: for an error answer, as the subclass of its status (NotFoundError, ...);
                APIConnectionError without an answer; APIResponseValidationError for a successful
                answer that is not the documented JSON.
            ValueError: for a path parameter that is None or empty, before any request.
        """
        from intercom_api.models.deleted_internal_article_object import DeletedInternalArticleObject

        return await self._client._call(
            "internal_articles.delete",
            f"/internal_articles/{_segment(internal_article_id, 'internal_article_id')}",
            DeletedInternalArticleObject,
            version=version,
            timeout=timeout,
            extra_headers=extra_headers,
        )

    async def list(
        self,
        *,
        version: str | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> InternalArticleList:
        """List the workspace's internal articles.

        Permission: not documented. Intercom documents no permission or OAuth scope for this endpoint.
        OAuth scopes: not documented.
        Webhook topic fired: none.
        Available since API version 2.14.
        HTTP: GET /internal_articles

        Args:
            version: The Intercom-Version header to send instead of the client's.
            timeout: Seconds to wait for this call (or an httpx.Timeout), instead of the client's.
            extra_headers: Headers to add to this call's request.

        Returns:
            The InternalArticleList Intercom answers.

        Raises:
            IntercomError: for an error answer, as the subclass of its status (NotFoundError, ...);
                APIConnectionError without an answer; APIResponseValidationError for a successful
                answer that is not the documented JSON.
        """
        from intercom_api.models.internal_article_list import InternalArticleList

        return await self._client._call(
            "internal_articles.list",
            "/internal_articles",
            InternalArticleList,
            version=version,
            timeout=timeout,
            extra_headers=extra_headers,
        )

    async def retrieve(
        self,
        internal_article_id: int,
        *,
        version: str | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> InternalArticle:
        """Fetch one internal article by its id.

        Permission: not documented. Intercom documents no permission or OAuth scope for this endpoint.
        OAuth scopes: not documented.
        Webhook topic fired: none.
        Available since API version 2.14.
        HTTP: GET /internal_articles/{internal_article_id}

        Args:
            internal_article_id: The internal article's Intercom id.
            version: The Intercom-Version header to send instead of the client's.
            timeout: Seconds to wait for this call (or an httpx.Timeout), instead of the client's.
            extra_headers: Headers to add to this call's request.

        Returns:
            The InternalArticle Intercom answers.

        Raises:
            IntercomError: for an error answer, as the subclass of its status (NotFoundError, ...);
                APIConnectionError without an answer; APIResponseValidationError for a successful
                answer that is not the documented JSON.
            ValueError: for a path parameter that is None or empty, before any request.
        """
        from intercom_api.models.internal_article import InternalArticle

        return await self._client._call(
            "internal_articles.retrieve",
            f"/internal_articles/{_segment(internal_article_id, 'internal_article_id')}",
            InternalArticle,
            version=version,
            timeout=timeout,
            extra_headers=extra_headers,
        )

    async def search(
        self,
        *,
        folder_id: str | NotGiven = NOT_GIVEN,
        version: str | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> InternalArticleSearchResponse:
        """Search internal articles, optionally within one folder.

        Permission: not documented. Intercom documents no permission or OAuth scope for this endpoint.
        OAuth scopes: not documented.
        Webhook topic fired: none.
        Available since API version 2.14.
        HTTP: GET /internal_articles/search

        Args:
            folder_id: Id of the folder to search in; the whole knowledge base when left out.
            version: The Intercom-Version header to send instead of the client's.
            timeout: Seconds to wait for this call (or an httpx.Timeout), instead of the client's.
            extra_headers: Headers to add to this call's request.

        Returns:
            The InternalArticleSearchResponse Intercom answers.

        Raises:
            IntercomError: for an error answer, as the subclass of its status (NotFoundError, ...);
                APIConnectionError without an answer; APIResponseValidationError for a successful
                answer that is not the documented JSON.
        """
        from intercom_api.models.internal_article_search_response import (
            InternalArticleSearchResponse,
        )

        return await self._client._call(
            "internal_articles.search",
            "/internal_articles/search",
            InternalArticleSearchResponse,
            params={
                "folder_id": folder_id,
            },
            version=version,
            timeout=timeout,
            extra_headers=extra_headers,
        )

    async def update(
        self,
        internal_article_id: int,
        *,
        title: str | NotGiven = NOT_GIVEN,
        body: str | NotGiven = NOT_GIVEN,
        author_id: int | NotGiven = NOT_GIVEN,
        owner_id: int | NotGiven = NOT_GIVEN,
        version: str | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> InternalArticle:
        """Change an internal article's title, body, author or owner.

        Permission: not documented. Intercom documents no permission or OAuth scope for this endpoint.
        OAuth scopes: not documented.
        Webhook topic fired: none.
        Available since API version 2.14.
        HTTP: PUT /internal_articles/{internal_article_id}

        Args:
            internal_article_id: The internal article's Intercom id.
            title: The article's new title.
            body: The article's new content.
            author_id: Id of the admin credited as author.
            owner_id: Id of the admin who owns the article.
            version: The Intercom-Version header to send instead of the client's.
            timeout: Seconds to wait for this call (or an httpx.Timeout), instead of the client's.
            extra_headers: Headers to add to this call's request.

        Returns:
            The InternalArticle Intercom answers.

        Raises:
            IntercomError: for an error answer, as the subclass of its status (NotFoundError, ...);
                APIConnectionError without an answer; APIResponseValidationError for a successful
                answer that is not the documented JSON.
            ValueError: for a path parameter that is None or empty, before any request.
        """
        from intercom_api.models.internal_article import InternalArticle

        return await self._client._call(
            "internal_articles.update",
            f"/internal_articles/{_segment(internal_article_id, 'internal_article_id')}",
            InternalArticle,
            body={
                "title": title,
                "body": body,
                "author_id": author_id,
                "owner_id": owner_id,
            },
            version=version,
            timeout=timeout,
            extra_headers=extra_headers,
        )


class AsyncInternalArticlesWithRawResponse:
    """Internal Articles, each method answering a RawResponse: see `with_raw_response`."""

    def __init__(self, calls: AsyncIntercom) -> None:
        self._resource = AsyncInternalArticles(calls)

    async def create(
        self,
        *,
        title: str,
        author_id: int,
        owner_id: int,
        body: str | NotGiven = NOT_GIVEN,
        version: str | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> RawResponse[InternalArticle]:
        """Like `AsyncInternalArticles.create`, answering a RawResponse: `.parse()` gives its result."""
        # Built on the raw stand-in, the resource's method already answers a RawResponse.
        method: Callable[..., Any] = self._resource.create
        answer = await method(
            title=title,
            author_id=author_id,
            owner_id=owner_id,
            body=body,
            version=version,
            timeout=timeout,
            extra_headers=extra_headers,
        )
        return cast("RawResponse[InternalArticle]", answer)

    async def delete(
        self,
        internal_article_id: int,
        *,
        version: str | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> RawResponse[DeletedInternalArticleObject]:
        """Like `AsyncInternalArticles.delete`, answering a RawResponse: `.parse()` gives its result."""
        # Built on the raw stand-in, the resource's method already answers a RawResponse.
        method: Callable[..., Any] = self._resource.delete
        answer = await method(
            internal_article_id,
            version=version,
            timeout=timeout,
            extra_headers=extra_headers,
        )
        return cast("RawResponse[DeletedInternalArticleObject]", answer)

    async def list(
        self,
        *,
        version: str | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> RawResponse[InternalArticleList]:
        """Like `AsyncInternalArticles.list`, answering a RawResponse: `.parse()` gives its result."""
        # Built on the raw stand-in, the resource's method already answers a RawResponse.
        method: Callable[..., Any] = self._resource.list
        answer = await method(
            version=version,
            timeout=timeout,
            extra_headers=extra_headers,
        )
        return cast("RawResponse[InternalArticleList]", answer)

    async def retrieve(
        self,
        internal_article_id: int,
        *,
        version: str | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> RawResponse[InternalArticle]:
        """Like `AsyncInternalArticles.retrieve`, answering a RawResponse: `.parse()` gives its result."""
        # Built on the raw stand-in, the resource's method already answers a RawResponse.
        method: Callable[..., Any] = self._resource.retrieve
        answer = await method(
            internal_article_id,
            version=version,
            timeout=timeout,
            extra_headers=extra_headers,
        )
        return cast("RawResponse[InternalArticle]", answer)

    async def search(
        self,
        *,
        folder_id: str | NotGiven = NOT_GIVEN,
        version: str | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> RawResponse[InternalArticleSearchResponse]:
        """Like `AsyncInternalArticles.search`, answering a RawResponse: `.parse()` gives its result."""
        # Built on the raw stand-in, the resource's method already answers a RawResponse.
        method: Callable[..., Any] = self._resource.search
        answer = await method(
            folder_id=folder_id,
            version=version,
            timeout=timeout,
            extra_headers=extra_headers,
        )
        return cast("RawResponse[InternalArticleSearchResponse]", answer)

    async def update(
        self,
        internal_article_id: int,
        *,
        title: str | NotGiven = NOT_GIVEN,
        body: str | NotGiven = NOT_GIVEN,
        author_id: int | NotGiven = NOT_GIVEN,
        owner_id: int | NotGiven = NOT_GIVEN,
        version: str | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> RawResponse[InternalArticle]:
        """Like `AsyncInternalArticles.update`, answering a RawResponse: `.parse()` gives its result."""
        # Built on the raw stand-in, the resource's method already answers a RawResponse.
        method: Callable[..., Any] = self._resource.update
        answer = await method(
            internal_article_id,
            title=title,
            body=body,
            author_id=author_id,
            owner_id=owner_id,
            version=version,
            timeout=timeout,
            extra_headers=extra_headers,
        )
        return cast("RawResponse[InternalArticle]", answer)
