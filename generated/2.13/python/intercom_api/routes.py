"""Which endpoint of Intercom API 2.13 a request is: its method and path
matched against every endpoint's path template, segment by segment.

A literal segment beats a parameter in the same place (`/internal_articles/search` is
not `/internal_articles/{internal_article_id}`), and a parameter matches one non-empty
segment whose decoded value is not "." or ".." and holds no "/" or "\\", so no request
can name one endpoint here and reach another after the upstream decodes its path."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType
from urllib.parse import unquote

from intercom_api.endpoints import ENDPOINTS, EndpointInfo


@dataclass(frozen=True)
class Route:
    endpoint: EndpointInfo
    segments: tuple[str | None, ...]
    """The path template's segments; None stands for a parameter."""
    parameters: tuple[str, ...]


def _route(endpoint: EndpointInfo) -> Route:
    segments: list[str | None] = []
    parameters: list[str] = []
    for segment in endpoint.path.strip("/").split("/"):
        if segment.startswith("{") and segment.endswith("}"):
            segments.append(None)
            parameters.append(segment[1:-1])
        else:
            segments.append(segment)
    return Route(endpoint, tuple(segments), tuple(parameters))


def _specificity(route: Route) -> tuple[object, ...]:
    """Literal segments first, place by place; then the id, so the order is fixed."""
    return (tuple(segment is None for segment in route.segments), route.endpoint.id)


ROUTES: tuple[Route, ...] = tuple(
    sorted((_route(endpoint) for endpoint in ENDPOINTS.values()), key=_specificity)
)
ROUTES_BY_ID: Mapping[str, Route] = MappingProxyType({r.endpoint.id: r for r in ROUTES})
_BY_SHAPE: dict[tuple[str, int], list[Route]] = {}
for _each in ROUTES:
    _BY_SHAPE.setdefault((_each.endpoint.method, len(_each.segments)), []).append(_each)


def _value(raw: str) -> str | None:
    """A path parameter's decoded value, or None when it must not be one."""
    if not raw:
        return None
    value = unquote(raw, errors="strict")
    if value in (".", "..") or "/" in value or "\\" in value:
        return None
    if any(ord(character) < 32 or ord(character) == 127 for character in value):
        return None
    return value


def match(method: str, path: str) -> tuple[EndpointInfo, tuple[str, ...]] | None:
    """The endpoint a request is for and its decoded path parameters, or None when it is
    for no endpoint. `path` is the raw path, without the query string."""
    if not path.startswith("/"):
        return None
    segments = path[1:].split("/")
    for route in _BY_SHAPE.get((method.upper(), len(segments)), ()):
        values: list[str] = []
        for wanted, given in zip(route.segments, segments, strict=True):
            if wanted is not None:
                if wanted != given:
                    break
                continue
            try:
                value = _value(given)
            except UnicodeDecodeError:
                value = None
            if value is None:
                break
            values.append(value)
        else:
            return route.endpoint, tuple(values)
    return None


def parameters_in(endpoint_id: str, path: str) -> tuple[str, ...]:
    """The decoded path parameters of a path the client built for `endpoint_id`, for
    the audit log's sentence; () when it does not fit."""
    route = ROUTES_BY_ID.get(endpoint_id)
    if route is None or not route.parameters:
        return ()
    segments = path[1:].split("/") if path.startswith("/") else ()
    if len(segments) != len(route.segments):
        return ()
    values = []
    for wanted, given in zip(route.segments, segments, strict=True):
        if wanted is None:
            values.append(unquote(given))
        elif wanted != given:
            return ()
    return tuple(values)
