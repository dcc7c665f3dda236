"""Articles: the methods of `client.articles` for Intercom API 2.13.

Imported on first use of that attribute; each method imports the models it returns on
its first call."""

from __future__ import annotations

import builtins
from typing import TYPE_CHECKING, Any, Literal, cast

from intercom_api.transport import NOT_GIVEN, check_per_page
from intercom_api.transport import segment as _segment

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping
    from intercom_api.client import AsyncIntercom, Intercom
    from intercom_api.models.article import Article
    from intercom_api.models.article_list import ArticleList
    from intercom_api.models.article_list_item import ArticleListItem
    from intercom_api.pagination import AsyncPager, SyncPager
    from intercom_api.params import ArticleTranslatedContentParam
    from intercom_api.transport import NotGiven, RawResponse, Timeout


class Articles:
    """Articles.

    Write, fetch, edit and list help center articles.
    """

    def __init__(self, client: Intercom) -> None:
        self._client = client

    def create(
        self,
        *,
        title: str,
        author_id: int,
        description: str | NotGiven = NOT_GIVEN,
        body: str | NotGiven = NOT_GIVEN,
        state: Literal["published", "draft"] | NotGiven = NOT_GIVEN,
        parent_id: int | NotGiven = NOT_GIVEN,
        parent_type: str | NotGiven = NOT_GIVEN,
        translated_content: ArticleTranslatedContentParam | NotGiven = NOT_GIVEN,
        version: str | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Article:
        """Write a new help center article.

        Permission: Write articles (write).
        OAuth scopes: 'Read and Write articles'.
        Webhook topic fired: article.created.
        Available since API version 2.11.
        HTTP: POST /articles

        Args:
            title: Title in the default language.
            author_id: Id of an admin to show as author.
            description: Summary in the default language.
            body: HTML body in the default language.
            state: published or draft (defaults to draft).
            parent_id: Id of the collection or section to place it in; none means unlisted.
            parent_type: Whether the parent is a collection or a section.
            translated_content: Per-locale versions of the article.
            version: The Intercom-Version header to send instead of the client's.
            timeout: Seconds to wait for this call (or an httpx.Timeout), instead of the client's.
            extra_headers: Headers to add to this call's request.

        Returns:
            The Article Intercom answers.

        Raises:
            IntercomError: for an error answer, as the subclass of its status (NotFoundError, ...);
                APIConnectionError without an answer; APIResponseValidationError for a successful
                answer that is not the documented JSON.
        """
        from intercom_api.models.article import Article

        return self._client._call(
            "articles.create",
            "/articles",
            Article,
            body={
                "title": title,
                "description": description,
                "body": body,
                "author_id": author_id,
                "state": state,
                "parent_id": parent_id,
                "parent_type": parent_type,
                "translated_content": translated_content,
            },
            version=version,
            timeout=timeout,
            extra_headers=extra_headers,
        )

    def list(
        self,
        *,
        per_page: int | NotGiven = NOT_GIVEN,
        version: str | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> SyncPager[ArticleListItem]:
        """Page through help center articles, most recently updated first.

        Permission: Read articles (read).
        OAuth scopes: 'Read and list articles'.
        Webhook topic fired: none.
        Available since API version 2.11.
        Iterate the result for every record across pages; `.pages()` yields page by page.
        HTTP: GET /articles

        Args:
            per_page: Results per page (default 15; the maximum is 150).
            version: The Intercom-Version header to send instead of the client's.
            timeout: Seconds to wait for this call (or an httpx.Timeout), instead of the client's.
            extra_headers: Headers to add to this call's request.

        Returns:
            A pager over every ArticleListItem: it fetches a page only when iteration needs it.

        Raises:
            IntercomError: for an error answer, as the subclass of its status (NotFoundError, ...);
                APIConnectionError without an answer; APIResponseValidationError for a successful
                answer that is not the documented JSON.
            ValueError: for a page size out of range, before any request.
        """
        from intercom_api.models.article_list import ArticleList
        from intercom_api.models.article_list_item import ArticleListItem

        check_per_page(per_page)
        return self._client._pager(
            "articles.list",
            "/articles",
            ArticleList,
            "data",
            ArticleListItem,
            params={
                "per_page": per_page,
            },
            version=version,
            timeout=timeout,
            extra_headers=extra_headers,
        )

    def retrieve(
        self,
        article_id: str,
        *,
        version: str | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Article:
        """Fetch one article by its Intercom id.

        Permission: Read articles (read).
        OAuth scopes: 'Read and list articles'.
        Webhook topic fired: none.
        Available since API version 2.11.
        HTTP: GET /articles/{article_id}

        Args:
            article_id: The article's Intercom id.
            version: The Intercom-Version header to send instead of the client's.
            timeout: Seconds to wait for this call (or an httpx.Timeout), instead of the client's.
            extra_headers: Headers to add to this call's request.

        Returns:
            The Article Intercom answers.

        Raises:
            IntercomError: for an error answer, as the subclass of its status (NotFoundError, ...);
                APIConnectionError without an answer; APIResponseValidationError for a successful
                answer that is not the documented JSON.
            ValueError: for a path parameter that is None or empty, before any request.
        """
        from intercom_api.models.article import Article

        return self._client._call(
            "articles.retrieve",
            f"/articles/{_segment(article_id, 'article_id')}",
            Article,
            version=version,
            timeout=timeout,
            extra_headers=extra_headers,
        )

    def update(
        self,
        article_id: str,
        *,
        title: str | NotGiven = NOT_GIVEN,
        description: str | NotGiven = NOT_GIVEN,
        body: str | NotGiven = NOT_GIVEN,
        author_id: int | NotGiven = NOT_GIVEN,
        state: Literal["published", "draft"] | NotGiven = NOT_GIVEN,
        parent_id: str | NotGiven = NOT_GIVEN,
        parent_type: str | NotGiven = NOT_GIVEN,
        translated_content: ArticleTranslatedContentParam | NotGiven = NOT_GIVEN,
        version: str | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Article:
        """Edit an article; fields left out stay as they are.

        Permission: Write articles (write).
        OAuth scopes: 'Read and Write articles'.
        Webhook topic fired: article.updated.
        Available since API version 2.11.
        HTTP: PUT /articles/{article_id}

        Args:
            article_id: The article's Intercom id.
            title: New title in the default language.
            description: New summary in the default language.
            body: New HTML body in the default language.
            author_id: Id of an admin to show as author.
            state: published or draft; leaving it out keeps the current state.
            parent_id: Id of the collection or section to move it to.
            parent_type: Whether the parent is a collection or a section.
            translated_content: Per-locale versions of the article.
            version: The Intercom-Version header to send instead of the client's.
            timeout: Seconds to wait for this call (or an httpx.Timeout), instead of the client's.
            extra_headers: Headers to add to this call's request.

        Returns:
            The Article Intercom answers.

        Raises:
            IntercomError: for an error answer, as the subclass of its status (NotFoundError, ...);
                APIConnectionError without an answer; APIResponseValidationError for a successful
                answer that is not the documented JSON.
            ValueError: for a path parameter that is None or empty, before any request.
        """
        from intercom_api.models.article import Article

        return self._client._call(
            "articles.update",
            f"/articles/{_segment(article_id, 'article_id')}",
            Article,
            body={
                "title": title,
                "description": description,
                "body": body,
                "author_id": author_id,
                "state": state,
                "parent_id": parent_id,
                "parent_type": parent_type,
                "translated_content": translated_content,
            },
            version=version,
            timeout=timeout,
            extra_headers=extra_headers,
        )


class ArticlesWithRawResponse:
    """Articles, each method answering a RawResponse: see `with_raw_response`."""

    def __init__(self, calls: Intercom) -> None:
        self._resource = Articles(calls)

    def create(
        self,
        *,
        title: str,
        author_id: int,
        description: str | NotGiven = NOT_GIVEN,
        body: str | NotGiven = NOT_GIVEN,
        state: Literal["published", "draft"] | NotGiven = NOT_GIVEN,
        parent_id: int | NotGiven = NOT_GIVEN,
        parent_type: str | NotGiven = NOT_GIVEN,
        translated_content: ArticleTranslatedContentParam | NotGiven = NOT_GIVEN,
        version: str | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> RawResponse[Article]:
        """Like `Articles.create`, answering a RawResponse: `.parse()` gives its result."""
        # Built on the raw stand-in, the resource's method already answers a RawResponse.
        method: Callable[..., Any] = self._resource.create
        answer = method(
            title=title,
            author_id=author_id,
            description=description,
            body=body,
            state=state,
            parent_id=parent_id,
            parent_type=parent_type,
            translated_content=translated_content,
            version=version,
            timeout=timeout,
            extra_headers=extra_headers,
        )
        return cast("RawResponse[Article]", answer)

    def retrieve(
        self,
        article_id: str,
        *,
        version: str | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> RawResponse[Article]:
        """Like `Articles.retrieve`, answering a RawResponse: `.parse()` gives its result."""
        # Built on the raw stand-in, the resource's method already answers a RawResponse.
        method: Callable[..., Any] = self._resource.retrieve
        answer = method(
            article_id,
            version=version,
            timeout=timeout,
            extra_headers=extra_headers,
        )
        return cast("RawResponse[Article]", answer)

    def update(
        self,
        article_id: str,
        *,
        title: str | NotGiven = NOT_GIVEN,
        description: str | NotGiven = NOT_GIVEN,
        body: str | NotGiven = NOT_GIVEN,
        author_id: int | NotGiven = NOT_GIVEN,
        state: Literal["published", "draft"] | NotGiven = NOT_GIVEN,
        parent_id: str | NotGiven = NOT_GIVEN,
        parent_type: str | NotGiven = NOT_GIVEN,
        translated_content: ArticleTranslatedContentParam | NotGiven = NOT_GIVEN,
        version: str | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> RawResponse[Article]:
        """Like `Articles.update`, answering a RawResponse: `.parse()` gives its result."""
        # Built on the raw stand-in, the resource's method already answers a RawResponse.
        method: Callable[..., Any] = self._resource.update
        answer = method(
            article_id,
            title=title,
            description=description,
            body=body,
            author_id=author_id,
            state=state,
            parent_id=parent_id,
            parent_type=parent_type,
            translated_content=translated_content,
            version=version,
            timeout=timeout,
            extra_headers=extra_headers,
        )
        return cast("RawResponse[Article]", answer)


class AsyncArticles:
    """Articles.

    Write, fetch, edit and list help center articles.
    """

    def __init__(self, client: AsyncIntercom) -> None:
        self._client = client

    async def create(
        self,
        *,
        title: str,
        author_id: int,
        description: str | NotGiven = NOT_GIVEN,
        body: str | NotGiven = NOT_GIVEN,
        state: Literal["published", "draft"] | NotGiven = NOT_GIVEN,
        parent_id: int | NotGiven = NOT_GIVEN,
        parent_type: str | NotGiven = NOT_GIVEN,
        translated_content: ArticleTranslatedContentParam | NotGiven = NOT_GIVEN,
        version: str | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Article:
        """Write a new help center article.

        Permission: Write articles (write).
        OAuth scopes: 'Read and Write articles'.
        Webhook topic fired: article.created.
        Available since API version 2.11.
        HTTP: POST /articles

        Args:
            title: Title in the default language.
            author_id: Id of an admin to show as author.
            description: Summary in the default language.
            body: HTML body in the default language.
            state: published or draft (defaults to draft).
            parent_id: Id of the collection or section to place it in; none means unlisted.
            parent_type: Whether the parent is a collection or a section.
            translated_content: Per-locale versions of the article.
            version: The Intercom-Version header to send instead of the client's.
            timeout: Seconds to wait for this call (or an httpx.Timeout), instead of the client's.
            extra_headers: Headers to add to this call's request.

        Returns:
            The Article Intercom answers.

        Raises:
            IntercomError: for an error answer, as the subclass of its status (NotFoundError, ...);
                APIConnectionError without an answer; APIResponseValidationError for a successful
                answer that is not the documented JSON.
        """
        from intercom_api.models.article import Article

        return await self._client._call(
            "articles.create",
            "/articles",
            Article,
            body={
                "title": title,
                "description": description,
                "body": body,
                "author_id": author_id,
                "state": state,
                "parent_id": parent_id,
                "parent_type": parent_type,
                "translated_content": translated_content,
            },
            version=version,
            timeout=timeout,
            extra_headers=extra_headers,
        )

    def list(
        self,
        *,
        per_page: int | NotGiven = NOT_GIVEN,
        version: str | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> AsyncPager[ArticleListItem]:
        """Page through help center articles, most recently updated first.

        Permission: Read articles (read).
        OAuth scopes: 'Read and list articles'.
        Webhook topic fired: none.
        Available since API version 2.11.
        Iterate the result for every record across pages; `.pages()` yields page by page.
        HTTP: GET /articles

        Args:
            per_page: Results per page (default 15; the maximum is 150).
            version: The Intercom-Version header to send instead of the client's.
            timeout: Seconds to wait for this call (or an httpx.Timeout), instead of the client's.
            extra_headers: Headers to add to this call's request.

        Returns:
            A pager over every ArticleListItem: it fetches a page only when iteration needs it.

        Raises:
            IntercomError: for an error answer, as the subclass of its status (NotFoundError, ...);
                APIConnectionError without an answer; APIResponseValidationError for a successful
                answer that is not the documented JSON.
            ValueError: for a page size out of range, before any request.
        """
        from intercom_api.models.article_list import ArticleList
        from intercom_api.models.article_list_item import ArticleListItem

        check_per_page(per_page)
        return self._client._pager(
            "articles.list",
            "/articles",
            ArticleList,
            "data",
            ArticleListItem,
            params={
                "per_page": per_page,
            },
            version=version,
            timeout=timeout,
            extra_headers=extra_headers,
        )

    async def retrieve(
        self,
        article_id: str,
        *,
        version: str | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Article:
        """Fetch one article by its Intercom id.

        Permission: Read articles (read).
        OAuth scopes: 'Read and list articles'.
        Webhook topic fired: none.
        Available since API version 2.11.
        HTTP: GET /articles/{article_id}

        Args:
            article_id: The article's Intercom id.
            version: The Intercom-Version header to send instead of the client's.
            timeout: Seconds to wait for this call (or an httpx.Timeout), instead of the client's.
            extra_headers: Headers to add to this call's request.

        Returns:
            The Article Intercom answers.

        Raises:
            IntercomError: for an error answer, as the subclass of its status (NotFoundError, ...);
                APIConnectionError without an answer; APIResponseValidationError for a successful
                answer that is not the documented JSON.
            ValueError: for a path parameter that is None or empty, before any request.
        """
        from intercom_api.models.article import Article

        return await self._client._call(
            "articles.retrieve",
            f"/articles/{_segment(article_id, 'article_id')}",
            Article,
            version=version,
            timeout=timeout,
            extra_headers=extra_headers,
        )

    async def update(
        self,
        article_id: str,
        *,
        title: str | NotGiven = NOT_GIVEN,
        description: str | NotGiven = NOT_GIVEN,
        body: str | NotGiven = NOT_GIVEN,
        author_id: int | NotGiven = NOT_GIVEN,
        state: Literal["published", "draft"] | NotGiven = NOT_GIVEN,
        parent_id: str | NotGiven = NOT_GIVEN,
        parent_type: str | NotGiven = NOT_GIVEN,
        translated_content: ArticleTranslatedContentParam | NotGiven = NOT_GIVEN,
        version: str | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Article:
        """Edit an article; fields left out stay as they are.

        Permission: Write articles (write).
        OAuth scopes: 'Read and Write articles'.
        Webhook topic fired: article.updated.
        Available since API version 2.11.
        HTTP: PUT /articles/{article_id}

        Args:
            article_id: The article's Intercom id.
            title: New title in the default language.
            description: New summary in the default language.
            body: New HTML body in the default language.
            author_id: Id of an admin to show as author.
            state: published or draft; leaving it out keeps the current state.
            parent_id: Id of the collection or section to move it to.
            parent_type: Whether the parent is a collection or a section.
            translated_content: Per-locale versions of the article.
            version: The Intercom-Version header to send instead of the client's.
            timeout: Seconds to wait for this call (or an httpx.Timeout), instead of the client's.
            extra_headers: Headers to add to this call's request.

        Returns:
            The Article Intercom answers.

        Raises:
            IntercomError: for an error answer, as the subclass of its status (NotFoundError, ...);
                APIConnectionError without an answer; APIResponseValidationError for a successful
                answer that is not the documented JSON.
            ValueError: for a path parameter that is None or empty, before any request.
        """
        from intercom_api.models.article import Article

        return await self._client._call(
            "articles.update",
            f"/articles/{_segment(article_id, 'article_id')}",
            Article,
            body={
                "title": title,
                "description": description,
                "body": body,
                "author_id": author_id,
                "state": state,
                "parent_id": parent_id,
                "parent_type": parent_type,
                "translated_content": translated_content,
            },
            version=version,
            timeout=timeout,
            extra_headers=extra_headers,
        )


class AsyncArticlesWithRawResponse:
    """Articles, each method answering a RawResponse: see `with_raw_response`."""

    def __init__(self, calls: AsyncIntercom) -> None:
        self._resource = AsyncArticles(calls)

    async def create(
        self,
        *,
        title: str,
        author_id: int,
        description: str | NotGiven = NOT_GIVEN,
        body: str | NotGiven = NOT_GIVEN,
        state: Literal["published", "draft"] | NotGiven = NOT_GIVEN,
        parent_id: int | NotGiven = NOT_GIVEN,
        parent_type: str | NotGiven = NOT_GIVEN,
        translated_content: ArticleTranslatedContentParam | NotGiven = NOT_GIVEN,
        version: str | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> RawResponse[Article]:
        """Like `AsyncArticles.create`, answering a RawResponse: `.parse()` gives its result."""
        # Built on the raw stand-in, the resource's method already answers a RawResponse.
        method: Callable[..., Any] = self._resource.create
        answer = await method(
            title=title,
            author_id=author_id,
            description=description,
            body=body,
            state=state,
            parent_id=parent_id,
            parent_type=parent_type,
            translated_content=translated_content,
            version=version,
            timeout=timeout,
            extra_headers=extra_headers,
        )
        return cast("RawResponse[Article]", answer)

    async def retrieve(
        self,
        article_id: str,
        *,
        version: str | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> RawResponse[Article]:
        """Like `AsyncArticles.retrieve`, answering a RawResponse: `.parse()` gives its result."""
        # Built on the raw stand-in, the resource's method already answers a RawResponse.
        method: Callable[..., Any] = self._resource.retrieve
        answer = await method(
            article_id,
            version=version,
            timeout=timeout,
            extra_headers=extra_headers,
        )
        return cast("RawResponse[Article]", answer)

    async def update(
        self,
        article_id: str,
        *,
        title: str | NotGiven = NOT_GIVEN,
        description: str | NotGiven = NOT_GIVEN,
        body: str | NotGiven = NOT_GIVEN,
        author_id: int | NotGiven = NOT_GIVEN,
        state: Literal["published", "draft"] | NotGiven = NOT_GIVEN,
        parent_id: str | NotGiven = NOT_GIVEN,
        parent_type: str | NotGiven = NOT_GIVEN,
        translated_content: ArticleTranslatedContentParam | NotGiven = NOT_GIVEN,
        version: str | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> RawResponse[Article]:
        """Like `AsyncArticles.update`, answering a RawResponse: `.parse()` gives its result."""
        # Built on the raw stand-in, the resource's method already answers a RawResponse.
        method: Callable[..., Any] = self._resource.update
        answer = await method(
            article_id,
            title=title,
            description=description,
            body=body,
            author_id=author_id,
            state=state,
            parent_id=parent_id,
            parent_type=parent_type,
            translated_content=translated_content,
            version=version,
            timeout=timeout,
            extra_headers=extra_headers,
        )
        return cast("RawResponse[Article]", answer)
