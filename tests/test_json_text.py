"""generator.text.to_json writes what json.dumps(indent=2, sort_keys=True,
ensure_ascii=False) writes, byte for byte, for any JSON-shaped value, and hands anything
else to json.dumps itself."""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from intercom_gen.text import to_json

SCALARS = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text()  # every code point, controls, surrogates' neighbours and separators included
)
VALUES = st.recursive(
    SCALARS,
    lambda children: st.lists(children, max_size=5)
    | st.tuples(children, children)
    | st.dictionaries(st.text(max_size=8), children, max_size=5),
    max_leaves=40,
)


def standard(value: Any) -> str:
    return json.dumps(value, indent=2, sort_keys=True, ensure_ascii=False)


@given(VALUES)
def test_any_json_value_is_written_as_json_dumps_writes_it(value: Any) -> None:
    assert to_json(value) == standard(value)


@pytest.mark.parametrize(
    "value",
    [{}, [], {"a": {}}, {"a": []}, [[], {}], {"b": 1, "a": [1.5, None, True, "x\u2028\"\\"]}],
    ids=["empty dict", "empty list", "empty dict value", "empty list value", "empties in a list", "mixed"],
)
def test_empty_containers_and_escapes(value: Any) -> None:
    assert to_json(value) == standard(value)


@pytest.mark.parametrize(
    "value",
    [{1: "a", 2: "b"}, [float("nan"), float("inf")], {"n": Decimal("1")}],
    ids=["int keys", "non-finite floats", "other type"],
)
def test_anything_else_is_left_to_json_dumps(value: Any) -> None:
    try:
        expected = standard(value)
    except TypeError as error:
        with pytest.raises(TypeError, match=str(error)):
            to_json(value)
    else:
        assert to_json(value) == expected
