"""The base of every enum in the models: open to values this client has never seen."""

from __future__ import annotations

from enum import StrEnum


class OpenEnum(StrEnum):
    """A string enum that also accepts values it does not list.

    Intercom adds values over time; an agent built against API 2.12 must not
    break on one. A known value is a member; an unknown one becomes a member-like
    value of the same type that still compares equal to its string.
    """

    @classmethod
    def _missing_(cls, value: object) -> OpenEnum | None:
        if not isinstance(value, str):
            return None
        member = str.__new__(cls, value)
        member._name_ = value
        member._value_ = value
        return member
