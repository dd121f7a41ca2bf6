"""Every route the app registers, as (method, path) pairs: what the route-generated
security tests iterate, so that a new route cannot slip past them."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, get_args

from fastapi import FastAPI
from fastapi.routing import APIRoute, iter_route_contexts
from starlette.routing import Mount


@dataclass(frozen=True)
class AppRoute:
    method: str
    path: str
    int_params: tuple[tuple[str, str], ...]  # (name, "path" | "query") of integer parameters

    @property
    def key(self) -> tuple[str, str]:
        return self.method, self.path

    @property
    def web(self) -> bool:
        return not self.path.startswith("/api/")


def _is_int(annotation: Any) -> bool:
    """int, int | None, Annotated[int, ...] and their combinations."""
    return annotation is int or any(_is_int(a) for a in get_args(annotation))


def app_routes(app: FastAPI) -> list[AppRoute]:
    found: list[AppRoute] = []
    for context in iter_route_contexts(app.router.routes):
        route = context.original_route
        if isinstance(route, Mount):
            found.append(AppRoute("GET", str(context.path), ()))
            continue
        ints: tuple[tuple[str, str], ...] = ()
        if isinstance(route, APIRoute):
            dependant = context.dependant
            ints = tuple(
                (p.name, kind)
                for kind, params in (
                    ("path", dependant.path_params),
                    ("query", dependant.query_params),
                )
                for p in params
                if _is_int(p.field_info.annotation)
            )
        for method in sorted(context.methods or ()):
            if method != "HEAD":
                found.append(AppRoute(method, str(context.path), ints))
    return found
