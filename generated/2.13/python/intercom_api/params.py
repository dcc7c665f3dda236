"""Typed request objects for Intercom API 2.13: a TypedDict for each object a
method takes (a conversation's `from`, a search's `query`), with the keys Intercom requires
marked Required, and the Literal types too long to read inline.

Plain dicts are what the methods send; these types only let a type checker find a
misspelled key or value before Intercom does."""

from __future__ import annotations

import builtins
from typing import Any, Literal, Required, TypeAlias, TypedDict

__all__ = [
    "ArticleContentParam",
    "ArticleTranslatedContentParam",
    "ConversationAttachmentFilesParam",
    "CreateConversationRequestFromParam",
    "CreateMessageRequestFromParam",
    "CreateMessageRequestToParam",
    "CreateTicketRequestContactsParam",
    "ManageConversationRequestMessageTypeValue",
    "ReplyTicketRequestReplyOptionsParam",
    "SearchQueryOperatorValue",
    "SearchQueryParam",
    "UpdateTicketRequestAssignmentParam",
]

ManageConversationRequestMessageTypeValue: TypeAlias = Literal[
    "close",
    "snoozed",
    "open",
    "assignment",
]

SearchQueryOperatorValue: TypeAlias = Literal[
    "=",
    "!=",
    "IN",
    "NIN",
    "<",
    "<=",
    ">",
    ">=",
    "~",
    "!~",
    "^",
    "$",
    "AND",
    "OR",
]

ArticleContentParam = TypedDict(
    "ArticleContentParam",
    {
        "type": Literal["article_content"],
        "title": str,
        "description": str,
        "body": str,
        "author_id": int,
        "state": Literal["published", "draft"],
        "created_at": int,
        "updated_at": int,
        "url": str,
    },
    total=False,
)

ArticleTranslatedContentParam = TypedDict(
    "ArticleTranslatedContentParam",
    {
        "type": Literal["article_translated_content"],
        "ar": ArticleContentParam,
        "bg": ArticleContentParam,
        "bs": ArticleContentParam,
        "ca": ArticleContentParam,
        "cs": ArticleContentParam,
        "da": ArticleContentParam,
        "de": ArticleContentParam,
        "el": ArticleContentParam,
        "en": ArticleContentParam,
        "es": ArticleContentParam,
        "et": ArticleContentParam,
        "fi": ArticleContentParam,
        "fr": ArticleContentParam,
        "he": ArticleContentParam,
        "hr": ArticleContentParam,
        "hu": ArticleContentParam,
        "id": ArticleContentParam,
        "it": ArticleContentParam,
        "ja": ArticleContentParam,
        "ko": ArticleContentParam,
        "lt": ArticleContentParam,
        "lv": ArticleContentParam,
        "mn": ArticleContentParam,
        "nb": ArticleContentParam,
        "nl": ArticleContentParam,
        "pl": ArticleContentParam,
        "pt": ArticleContentParam,
        "ro": ArticleContentParam,
        "ru": ArticleContentParam,
        "sl": ArticleContentParam,
        "sr": ArticleContentParam,
        "sv": ArticleContentParam,
        "tr": ArticleContentParam,
        "vi": ArticleContentParam,
        "pt-BR": ArticleContentParam,
        "zh-CN": ArticleContentParam,
        "zh-TW": ArticleContentParam,
    },
    total=False,
)

ConversationAttachmentFilesParam = TypedDict(
    "ConversationAttachmentFilesParam",
    {
        "content_type": Required[str],
        "data": Required[str],
        "name": Required[str],
    },
    total=False,
)

CreateConversationRequestFromParam = TypedDict(
    "CreateConversationRequestFromParam",
    {
        "type": Required[Literal["lead", "user", "contact"]],
        "id": Required[str],
    },
    total=False,
)

CreateMessageRequestFromParam = TypedDict(
    "CreateMessageRequestFromParam",
    {
        "type": Required[Literal["admin"]],
        "id": Required[int],
    },
    total=False,
)

CreateMessageRequestToParam = TypedDict(
    "CreateMessageRequestToParam",
    {
        "type": Required[Literal["user", "lead"]],
        "id": Required[str],
    },
    total=False,
)

CreateTicketRequestContactsParam = TypedDict(
    "CreateTicketRequestContactsParam",
    {
        "id": str,
        "external_id": str,
        "email": str,
    },
    total=False,
)

ReplyTicketRequestReplyOptionsParam = TypedDict(
    "ReplyTicketRequestReplyOptionsParam",
    {
        "text": Required[str],
        "uuid": Required[str],
    },
    total=False,
)

SearchQueryParam = TypedDict(
    "SearchQueryParam",
    {
        "field": str,
        "operator": SearchQueryOperatorValue,
        "value": str | int | bool | builtins.list[Any] | None,
    },
    total=False,
)

UpdateTicketRequestAssignmentParam = TypedDict(
    "UpdateTicketRequestAssignmentParam",
    {
        "admin_id": str,
        "assignee_id": str,
    },
    total=False,
)
