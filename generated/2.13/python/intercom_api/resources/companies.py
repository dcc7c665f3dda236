"""Companies: the methods of `client.companies` for Intercom API 2.13.

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
    from intercom_api.models.company import Company
    from intercom_api.models.company_list import CompanyList
    from intercom_api.pagination import AsyncPager, SyncPager
    from intercom_api.transport import NotGiven, RawResponse, Timeout


class Companies:
    """Companies.

    Create or update companies, fetch one, and page through them.
    """

    def __init__(self, client: Intercom) -> None:
        self._client = client

    def list(
        self,
        *,
        per_page: int | NotGiven = NOT_GIVEN,
        order: str | NotGiven = NOT_GIVEN,
        version: str | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> SyncPager[Company]:
        """Page through the companies in the workspace.

        Permission: Read companies (read).
        OAuth scopes: 'Read and list users and companies'.
        Webhook topic fired: none.
        Available since API version 2.11.
        Iterate the result for every record across pages; `.pages()` yields page by page.
        HTTP: POST /companies/list

        Args:
            per_page: Results per page (default 15; the maximum is 150).
            order: Sort direction: asc or desc (default desc).
            version: The Intercom-Version header to send instead of the client's.
            timeout: Seconds to wait for this call (or an httpx.Timeout), instead of the client's.
            extra_headers: Headers to add to this call's request.

        Returns:
            A pager over every Company: it fetches a page only when iteration needs it.

        Raises:
            IntercomError: for an error answer, as the subclass of its status (NotFoundError, ...);
                APIConnectionError without an answer; APIResponseValidationError for a successful
                answer that is not the documented JSON.
            ValueError: for a page size out of range, before any request.
        """
        from intercom_api.models.company import Company
        from intercom_api.models.company_list import CompanyList

        check_per_page(per_page)
        return self._client._pager(
            "companies.list",
            "/companies/list",
            CompanyList,
            "data",
            Company,
            params={
                "per_page": per_page,
                "order": order,
            },
            version=version,
            timeout=timeout,
            extra_headers=extra_headers,
        )

    def retrieve(
        self,
        company_id: str,
        *,
        version: str | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Company:
        """Fetch one company by its Intercom id.

        Permission: Read one company (read).
        OAuth scopes: 'Read one user and one company', 'Read and list users and companies'.
        Webhook topic fired: none.
        Available since API version 2.11.
        HTTP: GET /companies/{company_id}

        Args:
            company_id: The company's Intercom id (not your own company_id).
            version: The Intercom-Version header to send instead of the client's.
            timeout: Seconds to wait for this call (or an httpx.Timeout), instead of the client's.
            extra_headers: Headers to add to this call's request.

        Returns:
            The Company Intercom answers.

        Raises:
            IntercomError: for an error answer, as the subclass of its status (NotFoundError, ...);
                APIConnectionError without an answer; APIResponseValidationError for a successful
                answer that is not the documented JSON.
            ValueError: for a path parameter that is None or empty, before any request.
        """
        from intercom_api.models.company import Company

        return self._client._call(
            "companies.retrieve",
            f"/companies/{_segment(company_id, 'company_id')}",
            Company,
            version=version,
            timeout=timeout,
            extra_headers=extra_headers,
        )

    def upsert(
        self,
        *,
        name: str | NotGiven = NOT_GIVEN,
        company_id: str | NotGiven = NOT_GIVEN,
        plan: str | NotGiven = NOT_GIVEN,
        size: int | NotGiven = NOT_GIVEN,
        website: str | NotGiven = NOT_GIVEN,
        industry: str | NotGiven = NOT_GIVEN,
        custom_attributes: dict[str, Any] | NotGiven = NOT_GIVEN,
        remote_created_at: int | NotGiven = NOT_GIVEN,
        monthly_spend: int | NotGiven = NOT_GIVEN,
        version: str | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Company:
        """Create a company, or update the one whose company_id matches.

        Permission: Write companies (write).
        OAuth scopes: 'Write users and companies'.
        Webhook topic fired: company.created.
        Available since API version 2.11.
        HTTP: POST /companies

        Args:
            name: Company name.
            company_id: Your own id for the company; cannot be changed later.
            plan: Name of the plan.
            size: Number of employees.
            website: Website address; must include http or https.
            industry: Industry the company works in.
            custom_attributes: Extra data about the company, as key/value pairs.
            remote_created_at: When you created the company in your own system, Unix seconds.
            monthly_spend: Monthly revenue; decimals are truncated.
            version: The Intercom-Version header to send instead of the client's.
            timeout: Seconds to wait for this call (or an httpx.Timeout), instead of the client's.
            extra_headers: Headers to add to this call's request.

        Returns:
            The Company Intercom answers.

        Raises:
            IntercomError: for an error answer, as the subclass of its status (NotFoundError, ...);
                APIConnectionError without an answer; APIResponseValidationError for a successful
                answer that is not the documented JSON.
        """
        from intercom_api.models.company import Company

        return self._client._call(
            "companies.upsert",
            "/companies",
            Company,
            body={
                "name": name,
                "company_id": company_id,
                "plan": plan,
                "size": size,
                "website": website,
                "industry": industry,
                "custom_attributes": custom_attributes,
                "remote_created_at": remote_created_at,
                "monthly_spend": monthly_spend,
            },
            version=version,
            timeout=timeout,
            extra_headers=extra_headers,
        )


class CompaniesWithRawResponse:
    """Companies, each method answering a RawResponse: see `with_raw_response`."""

    def __init__(self, calls: Intercom) -> None:
        self._resource = Companies(calls)

    def retrieve(
        self,
        company_id: str,
        *,
        version: str | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> RawResponse[Company]:
        """Like `Companies.retrieve`, answering a RawResponse: `.parse()` gives its result."""
        # Built on the raw stand-in, the resource's method already answers a RawResponse.
        method: Callable[..., Any] = self._resource.retrieve
        answer = method(
            company_id,
            version=version,
            timeout=timeout,
            extra_headers=extra_headers,
        )
        return cast("RawResponse[Company]", answer)

    def upsert(
        self,
        *,
        name: str | NotGiven = NOT_GIVEN,
        company_id: str | NotGiven = NOT_GIVEN,
        plan: str | NotGiven = NOT_GIVEN,
        size: int | NotGiven = NOT_GIVEN,
        website: str | NotGiven = NOT_GIVEN,
        industry: str | NotGiven = NOT_GIVEN,
        custom_attributes: dict[str, Any] | NotGiven = NOT_GIVEN,
        remote_created_at: int | NotGiven = NOT_GIVEN,
        monthly_spend: int | NotGiven = NOT_GIVEN,
        version: str | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> RawResponse[Company]:
        """Like `Companies.upsert`, answering a RawResponse: `.parse()` gives its result."""
        # Built on the raw stand-in, the resource's method already answers a RawResponse.
        method: Callable[..., Any] = self._resource.upsert
        answer = method(
            name=name,
            company_id=company_id,
            plan=plan,
            size=size,
            website=website,
            industry=industry,
            custom_attributes=custom_attributes,
            remote_created_at=remote_created_at,
            monthly_spend=monthly_spend,
            version=version,
            timeout=timeout,
            extra_headers=extra_headers,
        )
        return cast("RawResponse[Company]", answer)


class AsyncCompanies:
    """Companies.

    Create or update companies, fetch one, and page through them.
    """

    def __init__(self, client: AsyncIntercom) -> None:
        self._client = client

    def list(
        self,
        *,
        per_page: int | NotGiven = NOT_GIVEN,
        order: str | NotGiven = NOT_GIVEN,
        version: str | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> AsyncPager[Company]:
        """Page through the companies in the workspace.

        Permission: Read companies (read).
        OAuth scopes: 'Read and list users and companies'.
        Webhook topic fired: none.
        Available since API version 2.11.
        Iterate the result for every record across pages; `.pages()` yields page by page.
        HTTP: POST /companies/list

        Args:
            per_page: Results per page (default 15; the maximum is 150).
            order: Sort direction: asc or desc (default desc).
            version: The Intercom-Version header to send instead of the client's.
            timeout: Seconds to wait for this call (or an httpx.Timeout), instead of the client's.
            extra_headers: Headers to add to this call's request.

        Returns:
            A pager over every Company: it fetches a page only when iteration needs it.

        Raises:
            IntercomError: for an error answer, as the subclass of its status (NotFoundError, ...);
                APIConnectionError without an answer; APIResponseValidationError for a successful
                answer that is not the documented JSON.
            ValueError: for a page size out of range, before any request.
        """
        from intercom_api.models.company import Company
        from intercom_api.models.company_list import CompanyList

        check_per_page(per_page)
        return self._client._pager(
            "companies.list",
            "/companies/list",
            CompanyList,
            "data",
            Company,
            params={
                "per_page": per_page,
                "order": order,
            },
            version=version,
            timeout=timeout,
            extra_headers=extra_headers,
        )

    async def retrieve(
        self,
        company_id: str,
        *,
        version: str | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Company:
        """Fetch one company by its Intercom id.

        Permission: Read one company (read).
        OAuth scopes: 'Read one user and one company', 'Read and list users and companies'.
        Webhook topic fired: none.
        Available since API version 2.11.
        HTTP: GET /companies/{company_id}

        Args:
            company_id: The company's Intercom id (not your own company_id).
            version: The Intercom-Version header to send instead of the client's.
            timeout: Seconds to wait for this call (or an httpx.Timeout), instead of the client's.
            extra_headers: Headers to add to this call's request.

        Returns:
            The Company Intercom answers.

        Raises:
            IntercomError: for an error answer, as the subclass of its status (NotFoundError, ...);
                APIConnectionError without an answer; APIResponseValidationError for a successful
                answer that is not the documented JSON.
            ValueError: for a path parameter that is None or empty, before any request.
        """
        from intercom_api.models.company import Company

        return await self._client._call(
            "companies.retrieve",
            f"/companies/{_segment(company_id, 'company_id')}",
            Company,
            version=version,
            timeout=timeout,
            extra_headers=extra_headers,
        )

    async def upsert(
        self,
        *,
        name: str | NotGiven = NOT_GIVEN,
        company_id: str | NotGiven = NOT_GIVEN,
        plan: str | NotGiven = NOT_GIVEN,
        size: int | NotGiven = NOT_GIVEN,
        website: str | NotGiven = NOT_GIVEN,
        industry: str | NotGiven = NOT_GIVEN,
        custom_attributes: dict[str, Any] | NotGiven = NOT_GIVEN,
        remote_created_at: int | NotGiven = NOT_GIVEN,
        monthly_spend: int | NotGiven = NOT_GIVEN,
        version: str | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Company:
        """Create a company, or update the one whose company_id matches.

        Permission: Write companies (write).
        OAuth scopes: 'Write users and companies'.
        Webhook topic fired: company.created.
        Available since API version 2.11.
        HTTP: POST /companies

        Args:
            name: Company name.
            company_id: Your own id for the company; cannot be changed later.
            plan: Name of the plan.
            size: Number of employees.
            website: Website address; must include http or https.
            industry: Industry the company works in.
            custom_attributes: Extra data about the company, as key/value pairs.
            remote_created_at: When you created the company in your own system, Unix seconds.
            monthly_spend: Monthly revenue; decimals are truncated.
            version: The Intercom-Version header to send instead of the client's.
            timeout: Seconds to wait for this call (or an httpx.Timeout), instead of the client's.
            extra_headers: Headers to add to this call's request.

        Returns:
            The Company Intercom answers.

        Raises:
            IntercomError: for an error answer, as the subclass of its status (NotFoundError, ...);
                APIConnectionError without an answer; APIResponseValidationError for a successful
                answer that is not the documented JSON.
        """
        from intercom_api.models.company import Company

        return await self._client._call(
            "companies.upsert",
            "/companies",
            Company,
            body={
                "name": name,
                "company_id": company_id,
                "plan": plan,
                "size": size,
                "website": website,
                "industry": industry,
                "custom_attributes": custom_attributes,
                "remote_created_at": remote_created_at,
                "monthly_spend": monthly_spend,
            },
            version=version,
            timeout=timeout,
            extra_headers=extra_headers,
        )


class AsyncCompaniesWithRawResponse:
    """Companies, each method answering a RawResponse: see `with_raw_response`."""

    def __init__(self, calls: AsyncIntercom) -> None:
        self._resource = AsyncCompanies(calls)

    async def retrieve(
        self,
        company_id: str,
        *,
        version: str | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> RawResponse[Company]:
        """Like `AsyncCompanies.retrieve`, answering a RawResponse: `.parse()` gives its result."""
        # Built on the raw stand-in, the resource's method already answers a RawResponse.
        method: Callable[..., Any] = self._resource.retrieve
        answer = await method(
            company_id,
            version=version,
            timeout=timeout,
            extra_headers=extra_headers,
        )
        return cast("RawResponse[Company]", answer)

    async def upsert(
        self,
        *,
        name: str | NotGiven = NOT_GIVEN,
        company_id: str | NotGiven = NOT_GIVEN,
        plan: str | NotGiven = NOT_GIVEN,
        size: int | NotGiven = NOT_GIVEN,
        website: str | NotGiven = NOT_GIVEN,
        industry: str | NotGiven = NOT_GIVEN,
        custom_attributes: dict[str, Any] | NotGiven = NOT_GIVEN,
        remote_created_at: int | NotGiven = NOT_GIVEN,
        monthly_spend: int | NotGiven = NOT_GIVEN,
        version: str | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> RawResponse[Company]:
        """Like `AsyncCompanies.upsert`, answering a RawResponse: `.parse()` gives its result."""
        # Built on the raw stand-in, the resource's method already answers a RawResponse.
        method: Callable[..., Any] = self._resource.upsert
        answer = await method(
            name=name,
            company_id=company_id,
            plan=plan,
            size=size,
            website=website,
            industry=industry,
            custom_attributes=custom_attributes,
            remote_created_at=remote_created_at,
            monthly_spend=monthly_spend,
            version=version,
            timeout=timeout,
            extra_headers=extra_headers,
        )
        return cast("RawResponse[Company]", answer)
