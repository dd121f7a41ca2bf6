"""Who is asking, and the 429 answer: the HTTP side of `cases.throttle`.

The client address is the socket's peer. X-Forwarded-For is believed only when that peer
is one of the hall's trusted proxies (`ONEWINDOW_TRUSTED_PROXIES`, empty by default), and
then only the hops those proxies added: walking from the right, the first address that is
not a trusted proxy is the client; everything left of it the client wrote itself. IPv6
clients are counted per /64, the block one subscriber gets.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Callable, Sequence
from typing import Any

from fastapi import Depends, FastAPI, Request
from fastapi.responses import JSONResponse, Response

from api.deps import HallDep
from api.errors import body, error_page
from cases import throttle
from cases.config import Settings
from cases.errors import TooManyRequests

Network = ipaddress.IPv4Network | ipaddress.IPv6Network
_Address = ipaddress.IPv4Address | ipaddress.IPv6Address


def _parse(text: str) -> _Address | None:
    text = text.strip().strip('"')
    if text.startswith("[") and "]" in text:  # [v6]:port
        text = text[1 : text.index("]")]
    elif text.count(":") == 1:  # v4:port
        text = text.split(":", 1)[0]
    try:
        address = ipaddress.ip_address(text)
    except ValueError:
        return None
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped:
        return address.ipv4_mapped
    return address


def _subject(address: _Address) -> str:
    if isinstance(address, ipaddress.IPv6Address):
        return str(ipaddress.ip_network(f"{address}/64", strict=False))
    return str(address)


def client_address(peer: str, forwarded_for: Sequence[str], trusted: Sequence[Network]) -> str:
    """The client's address (or IPv6 /64) as the limits count it."""
    address = _parse(peer)
    if address is None:  # not an IP socket (a test client, a unix socket): as it says
        return peer or "unknown"
    if not any(address in network for network in trusted):
        return _subject(address)
    hops = [hop for header in forwarded_for for hop in header.split(",") if hop.strip()]
    for hop in reversed(hops):
        found = _parse(hop)
        if found is None:  # a proxy of ours wrote garbage: count it as one client
            return hop.strip()[:64]
        if not any(found in network for network in trusted):
            return _subject(found)
    return _subject(address)  # only our own proxies: the request started at one of them


def client_of(request: Request, settings: Settings) -> str:
    return client_address(
        request.client.host if request.client else "",
        request.headers.getlist("x-forwarded-for"),
        settings.trusted_proxy_networks,
    )


def per_client(scope: str, per_minute: Callable[[Settings], int]) -> Any:
    """A route dependency: at most `per_minute(settings)` requests a minute per client."""

    def limit(request: Request, hall: HallDep) -> str:
        client = client_of(request, hall.settings)
        throttle.hit(
            hall.sessions, throttle.RateLimit(scope, per_minute(hall.settings), 60), client
        )
        return client

    return Depends(limit)


def install(app: FastAPI) -> None:
    """429 with Retry-After, as the JSON envelope for the API and the error page for
    people. Installed after the web pages' handlers, so it is the one that answers."""

    async def too_many(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, TooManyRequests)
        headers = {"Retry-After": str(exc.retry_after)}
        if request.url.path.startswith("/api/"):
            return JSONResponse(body(exc.code, exc.zh, exc.en), status_code=429, headers=headers)
        request.state.user = getattr(request.state, "header", None)
        page = error_page(request, 429, exc.zh, exc.en)
        page.headers.update(headers)
        return page

    app.add_exception_handler(TooManyRequests, too_many)
